// Fuzz target: the HTML reader (libxml2 and the text extraction).
// What it does and checks: fuzz::HtmlReader in fuzz/fuzz_targets.h, which the
// normal suite runs too (tests/fuzz_regression_test.cc).

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (const char* broken = newslint::fuzz::HtmlReader(data, size)) {
    std::fprintf(stderr, "fuzz_html_reader: %s\n", broken);
    std::abort();
  }
  return 0;
}
