// Fuzz target: the shared analysis views over arbitrary text.
// What it does and checks: fuzz::AnalysisViews in fuzz/fuzz_targets.h, which the
// normal suite runs too (tests/fuzz_regression_test.cc).

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (const char* broken = newslint::fuzz::AnalysisViews(data, size)) {
    std::fprintf(stderr, "fuzz_analysis: %s\n", broken);
    std::abort();
  }
  return 0;
}
