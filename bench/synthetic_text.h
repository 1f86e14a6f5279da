// newslint benchmarks: a small deterministic generator for synthetic news.
//
// Benchmarks build their corpora in code from phrase tables, so they need no
// data files and give the same bytes on every machine.

#ifndef NEWSLINT_BENCH_SYNTHETIC_TEXT_H_
#define NEWSLINT_BENCH_SYNTHETIC_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/article.h"

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
  std::string_view Pick(std::span<const std::string_view> list) {
    return list[Next() % list.size()];
  }

 private:
  uint64_t state_;
};

// The phrase tables of a wire story: a paragraph is an optional dateline and
// two to four sentences "<subject> <verb> <clause>.".
struct WireTables {
  std::span<const std::string_view> datelines, subjects, verbs, clauses;
};

inline std::string WireParagraph(PhrasePicker& rng, const WireTables& t) {
  std::string p(rng.Pick(t.datelines));
  const int sentences = 2 + static_cast<int>(rng.Next() % 3);
  for (int s = 0; s < sentences; ++s) {
    if (s) p += ' ';
    p += rng.Pick(t.subjects);
    p += ' ';
    p += rng.Pick(t.verbs);
    p += ' ';
    p += rng.Pick(t.clauses);
    p += '.';
  }
  return p;
}

// About `bytes` of articles of 8 to 19 paragraphs each, separated by blank
// lines; each paragraph is one of `defects` with probability 1/`defect_every`
// (never when `defects` is empty), else `paragraph(rng)`.
inline std::vector<Article> SyntheticCorpus(
    uint64_t seed, size_t bytes, const std::function<std::string(PhrasePicker&)>& paragraph,
    std::span<const std::string_view> defects, uint32_t defect_every = 40) {
  std::vector<Article> articles;
  PhrasePicker rng(seed);
  size_t total = 0;
  while (total < bytes) {
    Article a;
    const int paragraphs = 8 + static_cast<int>(rng.Next() % 12);
    for (int i = 0; i < paragraphs; ++i) {
      if (!defects.empty() && rng.Next() % defect_every == 0) {
        a.text += rng.Pick(defects);
      } else {
        a.text += paragraph(rng);
      }
      a.text += "\n\n";
    }
    total += a.text.size();
    articles.push_back(std::move(a));
  }
  return articles;
}

}  // namespace newslint

#endif  // NEWSLINT_BENCH_SYNTHETIC_TEXT_H_
