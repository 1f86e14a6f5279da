// Fuzz target: the shared analysis views (lines, sentences, tokens,
// quotations, people, attribution cues, page layout) over arbitrary text.

#include <cstdint>
#include <string>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/attribution.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "rules/page_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newslint;
  Article article;
  article.text.assign(reinterpret_cast<const char*>(data), size);
  Analysis analysis(article);
  (void)analysis.sentences();
  (void)analysis.tokens();
  (void)analysis.Shared<Quotations>();
  (void)analysis.Shared<People>();
  (void)analysis.Shared<Attribution>();
  (void)analysis.Shared<PageLayout>();
  if (!article.text.empty()) (void)analysis.Locate(size / 2);
  return 0;
}
