// newslint benchmarks: what every benchmark file needs besides its corpus.
//
// Sinks: pass accumulators to benchmark::DoNotOptimize as const
// (std::as_const). The non-const overload's "+m,r" asm constraint is
// miscompiled by GCC 12 here: the accumulated count came back as garbage
// (1.4e14 findings per pass) in an -O2 build while -O0 and ASan builds gave
// the right number.
//
// Figures are read as ratios against a reference in the same run (machines
// are noisy; absolute times drift), so every benchmark file registers
// MemchrLinesReference over its own corpus.

#ifndef NEWSLINT_BENCH_BENCH_UTIL_H_
#define NEWSLINT_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>
#include <utility>

#include <benchmark/benchmark.h>

#include "lint/article.h"

namespace newslint {

// Benchmarks registered from main(), after static initialisation: those
// built from the rule catalogue, whose RuleInfo objects are themselves
// static and may not exist yet while other files' statics are initialised.
// A file adds its registration from a static initialiser; bench_main.cc
// runs them all before the benchmarks start.
inline std::vector<void (*)()>& DeferredRegistrations() {
  static std::vector<void (*)()> registrations;
  return registrations;
}
inline bool RegisterAtStartup(void (*registration)()) {
  DeferredRegistrations().push_back(registration);
  return true;
}

// Bytes of text in a corpus: what SetBytesProcessed counts per iteration.
inline size_t CorpusBytes(const std::vector<Article>& corpus) {
  size_t bytes = 0;
  for (const Article& a : corpus) bytes += a.text.size();
  return bytes;
}

// The reference: find every line with memchr over the corpus's bytes, the
// speed of touching the memory once.
inline void MemchrLinesReference(benchmark::State& state, const std::vector<Article>& corpus) {
  size_t lines = 0;
  for (auto _ : state) {
    for (const Article& article : corpus) {
      const char* p = article.text.data();
      const char* end = p + article.text.size();
      while (p < end) {
        const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
        if (nl == nullptr) break;
        p = static_cast<const char*>(nl) + 1;
        ++lines;
      }
    }
  }
  benchmark::DoNotOptimize(std::as_const(lines));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}

}  // namespace newslint

#endif  // NEWSLINT_BENCH_BENCH_UTIL_H_
