// newslint benchmarks: a small deterministic generator for synthetic news.
//
// Benchmarks build their corpora in code from phrase tables, so they need no
// data files and give the same bytes on every machine.

#ifndef NEWSLINT_BENCH_SYNTHETIC_TEXT_H_
#define NEWSLINT_BENCH_SYNTHETIC_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newslint {

// A linear congruential generator (Knuth's MMIX constants): fast, seedable,
// and identical everywhere, which is all a benchmark corpus needs.
class PhrasePicker {
 public:
  explicit PhrasePicker(uint64_t seed) : state_(seed) {}
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  // One entry of `list`, uniformly.
  template <size_t N>
  std::string_view Pick(const std::string_view (&list)[N]) {
    return list[Next() % N];
  }

 private:
  uint64_t state_;
};

}  // namespace newslint

#endif  // NEWSLINT_BENCH_SYNTHETIC_TEXT_H_
