// dataset/repeated-body: the article's text, or a long passage of it, printed
// again inside the same record (a scraper that appended the body twice, a
// passage pasted a second time). Compared word by word after normalisation,
// so line breaks, quotes and capitals do not hide a copy.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lint/scratch.h"
#include "rules/dataset/first_seen.h"
#include "rules/dataset_text.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

using dataset::FirstSeen;
using dataset::Word;

const RuleInfo kInfo = {
    "dataset/repeated-body",
    Severity::kWarning,
    "The article's text, or a long passage of it, printed a second time in the same record.",
    {
        {"min-words", "int", "50",
         "A repeated passage is flagged when its copy holds at least this many words."},
    }};

// Words in the k-gram that finds a repeat; a copy is then extended word by
// word in both directions.
constexpr size_t kGram = 8;
// A near copy: up to this many words may differ at one place (a corrected
// typo, a changed number) before the copy goes on with the same offset.
constexpr size_t kMaxGap = 3;
// Two copies making up this share of the words are the whole text repeated.
constexpr double kWholeShare = 0.9;

struct Passage {
  size_t copy = 0;      // first word of the later copy
  size_t original = 0;  // first word of the earlier copy
  size_t length = 0;    // words
  int gaps = 0;         // places where the copy differs
};

// The key of the k-gram at every word position, rolling: the polynomial
// H(i) = w[i].hash B^(k-1) + ... + w[i+k-1].hash (mod 2^64) comes from H(i-1)
// with two multiplications, where hashing each k-gram afresh chained k. Only
// equality matters here (a k-gram's first position), and two different
// k-grams differ by a non-zero polynomial in the word keys
// (dataset::AppendWordKeys), which come out of splitmix64's finaliser:
// equal keys with probability about 2^-64. The finish is a
// bijection that spreads the high bits into the low ones the table's slot
// is taken from.
constexpr uint64_t kGramBase = 0x9E3779B97F4A7C15ull;  // odd
constexpr uint64_t kGramBaseTop = [] {  // kGramBase^(kGram - 1)
  uint64_t p = 1;
  for (size_t j = 1; j < kGram; ++j) p *= kGramBase;
  return p;
}();

inline uint64_t FinishGramKey(uint64_t h) {
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 29);
}

// keys[i] for every k-gram of w, i < w.size() - kGram + 1 (w holds at least
// kGram words).
void GramKeys(const std::vector<Word>& w, uint64_t* keys) {
  const size_t n = w.size() - kGram + 1;
  uint64_t h = 0;
  for (size_t j = 0; j < kGram; ++j) h = h * kGramBase + w[j].hash;
  keys[0] = FinishGramKey(h);
  for (size_t i = 1; i < n; ++i) {
    h = (h - w[i - 1].hash * kGramBaseTop) * kGramBase + w[i + kGram - 1].hash;
    keys[i] = FinishGramKey(h);
  }
}

// Maximal repeats of at least `min_words` words, left to right; a copy never
// starts inside an earlier copy.
void FindPassages(const std::vector<Word>& w, size_t min_words, std::vector<Passage>* out) {
  const size_t n = w.size();
  if (n < min_words + kGram) return;
  thread_local FirstSeen seen;
  seen.Reset(n);
  // Resized, not cleared: only slots past the last article's count are
  // zeroed before GramKeys writes them all; a long record's are freed
  // (lint/scratch.h).
  thread_local std::vector<uint64_t> keys;
  ReleaseIfLarge(keys);
  keys.resize(n - kGram + 1);
  GramKeys(w, keys.data());
  size_t covered = 0;  // words before this belong to a reported copy
  for (size_t i = 0; i + kGram <= n;) {
    const uint32_t p0 = seen.FindOrInsert(keys[i], static_cast<uint32_t>(i));
    if (p0 == i) {
      ++i;
      continue;
    }
    size_t p = p0, c = i;
    // Back over words the k-gram did not start at (a first occurrence
    // elsewhere may have hidden the copy's first words).
    while (c > covered && p > 0 && c - 1 > p - 1 && w[c - 1].hash == w[p - 1].hash) {
      --c;
      --p;
    }
    size_t len = c < i ? i - c : 0;
    int gaps = 0;
    for (;;) {
      while (c + len < n && w[p + len].hash == w[c + len].hash) ++len;
      if (c + len >= n) break;
      // A few differing words, then at least a k-gram of the same offset.
      size_t resume = 0;
      for (size_t skip = 1; skip <= kMaxGap && resume == 0; ++skip) {
        if (c + len + skip + kGram > n) break;
        bool same = true;
        for (size_t j = 0; j < kGram && same; ++j) {
          same = w[p + len + skip + j].hash == w[c + len + skip + j].hash;
        }
        if (same) resume = skip;
      }
      if (resume == 0) break;
      len += resume;
      ++gaps;
    }
    if (len >= min_words) {
      out->push_back({c, p, len, gaps});
      // The copy's k-grams are not first occurrences: later copies of the
      // same text still find the original.
      i = c + len;
      covered = i;
      continue;
    }
    ++i;
  }
}

class RepeatedBodyRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const size_t min_words = static_cast<size_t>(std::max<int64_t>(kGram, options.GetInt("min-words", 50)));
    std::string_view text = analysis.text();
    thread_local std::vector<Word> words;
    ReuseScratch(words);
    // The words of the story lines come from dataset/duplicate-article's
    // view of them when that rule built it first (as it does in a run of
    // both: a chunk is linted rule by rule, in name order), copied rather
    // than hashed again; the same words either way.
    if (const dataset::StoryView* story = analysis.SharedIfBuilt<dataset::StoryView>()) {
      dataset::TextWordsFromStory(analysis, *story, &words);
    } else {
      dataset::AppendWordKeys(text, 0, text.size(), &words);
    }
    thread_local std::vector<Passage> passages;
    ReuseScratch(passages);
    FindPassages(words, min_words, &passages);
    if (passages.empty()) return;
    const PageLayout& layout = analysis.Shared<PageLayout>();
    for (const Passage& pa : passages) Report(analysis, layout, words, pa, min_words, sink);
  }

 private:
  static void Report(Analysis& analysis, const PageLayout& layout, const std::vector<Word>& w,
                     const Passage& pa, size_t min_words, FindingSink& sink) {
    // Verse repeats for a reason (a chorus, a refrain): most of the copy's
    // words must stand on prose lines.
    size_t prose_words = 0;
    for (size_t k = pa.copy; k < pa.copy + pa.length; ++k) {
      if (layout.line(analysis.LineIndexOf(w[k].span.start)).prose) ++prose_words;
    }
    if (prose_words * 2 < pa.length) return;

    const Word& first = w[pa.copy];
    const Word& last = w[pa.copy + pa.length - 1];
    const Span span{first.span.start, last.span.end};
    const size_t first_line = analysis.LineIndexOf(w[pa.original].span.start) + 1;
    const size_t line_a = analysis.LineIndexOf(first.span.start) + 1;
    const size_t line_b = analysis.LineIndexOf(last.span.start) + 1;
    const bool whole = 2.0 * static_cast<double>(pa.length) >= kWholeShare * static_cast<double>(w.size());
    const double share = std::round(static_cast<double>(pa.length) / w.size() * 1000) / 1000;

    auto lines = [](size_t a, size_t b) {
      return a == b ? "line " + std::to_string(a)
                    : "lines " + std::to_string(a) + "-" + std::to_string(b);
    };
    const size_t orig_last_line = analysis.LineIndexOf(w[pa.original + pa.length - 1].span.start) + 1;
    std::string message =
        whole ? "the text is printed twice: "
              : "a passage of " + std::to_string(pa.length) + " words is printed twice: ";
    if (line_a == line_b && first_line == line_a) {
      message += "line " + std::to_string(line_a) + " holds it twice";  // glued on one line
    } else {
      message += lines(line_a, line_b) + (line_a == line_b ? " repeats " : " repeat ") +
                 lines(first_line, orig_last_line);
    }
    if (pa.gaps > 0) message += ", with small differences";
    Evidence evidence{{"signal", std::string(whole ? "repeated-body" : "repeated-passage")},
                      {"words", static_cast<int64_t>(pa.length)},
                      {"min_words", static_cast<int64_t>(min_words)},
                      {"share", share},
                      {"first_line", static_cast<int64_t>(first_line)},
                      {"differences", static_cast<int64_t>(pa.gaps)}};
    sink.Report(span, std::move(message), std::move(evidence), RemovalFix(analysis, w, pa));
  }

  // Removing the copy is certain when it is exact and fills whole lines:
  // those lines go, with their line breaks.
  static std::optional<Fix> RemovalFix(Analysis& analysis, const std::vector<Word>& w,
                                       const Passage& pa) {
    if (pa.gaps > 0) return std::nullopt;
    std::string_view text = analysis.text();
    const std::vector<Span>& lines = analysis.lines();
    const Word& first = w[pa.copy];
    const Word& last = w[pa.copy + pa.length - 1];
    const size_t a = analysis.LineIndexOf(first.span.start);
    const size_t b = analysis.LineIndexOf(last.span.start);
    // Nothing but punctuation and space may share the lines with the copy.
    std::vector<Word> around;
    dataset::AppendWordKeys(text, lines[a].start, first.span.start, &around);
    dataset::AppendWordKeys(text, last.span.end, lines[b].end, &around);
    if (!around.empty()) return std::nullopt;
    // A copy that overlaps its original (the text three times: copies two
    // and three repeat one and two) is still redundant: what remains holds
    // the repeated words once.
    size_t start = lines[a].start;
    size_t end = lines[b].end;
    const size_t nl = text.find('\n', end);
    if (nl != std::string_view::npos) {
      end = nl + 1;
    } else if (start > 0) {
      start = lines[a].start - 1;  // the last line: the "\n" before it goes
      if (start > 0 && text[start - 1] == '\r') --start;
    }
    return Fix{{start, end}, ""};
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRepeatedBodyRule() { return std::make_unique<RepeatedBodyRule>(); }

}  // namespace newslint
