// Fuzz target: the JSONL reader over arbitrary bytes. Every line must come
// out as a record, and nothing may crash.

#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz/fuzz_util.h"
#include "lint/article.h"
#include "lint/readers/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newslint;
  auto reader = MakeJsonlReader("fuzz.jsonl", std::make_unique<MemoryByteSource>(data, size),
                                JsonlFieldNames{}, /*keep_html=*/true,
                                /*keep_raw_record=*/size % 2 == 0, 1,
                                /*max_record_bytes=*/1 << 16);
  Article article;
  int64_t records = 0;
  while (reader->Next(&article)) {
    ++records;
    if (article.record != records) std::abort();  // records must stay in order
  }
  return 0;
}
