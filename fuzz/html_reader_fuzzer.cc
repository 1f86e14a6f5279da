// Fuzz target: the HTML reader (libxml2 and the text extraction) over
// arbitrary bytes.

#include <cstdint>
#include <memory>

#include "fuzz/fuzz_util.h"
#include "lint/article.h"
#include "lint/readers/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newslint;
  auto reader = MakeHtmlFileReader("fuzz.html", std::make_unique<MemoryByteSource>(data, size),
                                   /*keep_html=*/false, /*max_record_bytes=*/1 << 20);
  Article article;
  while (reader->Next(&article)) {
  }
  return 0;
}
