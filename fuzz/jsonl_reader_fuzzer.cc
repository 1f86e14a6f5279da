// Fuzz target: the JSONL reader over arbitrary bytes.
// What it does and checks: fuzz::JsonlReader in fuzz/fuzz_targets.h, which the
// normal suite runs too (tests/fuzz_regression_test.cc).

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (const char* broken = newslint::fuzz::JsonlReader(data, size)) {
    std::fprintf(stderr, "fuzz_jsonl_reader: %s\n", broken);
    std::abort();
  }
  return 0;
}
