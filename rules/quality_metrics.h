// newslint: the measurements behind the quality/* rules (Gopher, C4 and
// FineWeb heuristics), computed once per article.
//
// The definitions are written down in docs/rules/quality/README.md, with a
// Python reference implementation; this file and quality_metrics.cc must
// match that page character for character. In short:
//
//   white space  the code points Python's str.isspace() accepts: U+0009..
//                U+000D, U+001C..U+001F, U+0020, U+0085, U+00A0, U+1680,
//                U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000
//                (not U+200B or U+FEFF, which lint/utf8.h trims too)
//   word         a maximal run of non-white-space code points (str.split())
//   characters   Unicode code points; an ill-formed UTF-8 byte counts as one
//   line         the text split at "\n"; a line is compared and measured
//                without its leading and trailing white space ("\r" too);
//                blank lines (nothing left) are never counted anywhere
//   paragraph    a maximal run of non-blank lines (blank lines separate
//                paragraphs, as Gopher's split on "\n\n+" does)
//   normalised   a word without its leading and trailing code points that
//   word         are not letters, ASCII digits or combining marks, lowered
//                (A-Z, U+00C0..U+00DE but U+00D7, U+0391..U+03A9, U+0400..
//                U+042F); a word with nothing left is dropped. The n-gram and
//                stop-word metrics read normalised words.
//
// Everything is computed from the text in two passes (one over code points
// for words, their normalised hashes and C4's markers, one over lines), then
// n-grams are counted over 64-bit word hashes (only the n-grams whose two
// (n-1)-grams repeat can repeat, so only those are counted). No string is
// allocated per word. The view is Analysis::Shared<QualityStats>().

#ifndef NEWSLINT_RULES_QUALITY_METRICS_H_
#define NEWSLINT_RULES_QUALITY_METRICS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"

namespace newslint {

namespace quality {

// Whether `cp` is white space as Python's str.isspace() says.
bool IsPythonSpace(char32_t cp);
// The lower-case form newslint's normalisation uses (see above); other code
// points are returned unchanged.
char32_t LowerForNgrams(char32_t cp);
// The 64-bit hash of a normalised word (the same function the stats use), or
// 0 when `word` normalises to nothing. For option words (stop words).
uint64_t NormalisedWordHash(std::string_view word);

// Glyphs that open a bullet line, and that end a line with terminal
// punctuation; the doc pages list the same sets.
bool IsBulletGlyph(char32_t cp);
bool IsTerminalGlyph(char32_t cp);

}  // namespace quality

// One non-blank line.
struct QualityLine {
  Span span;              // the line without leading and trailing white space
  uint32_t chars = 0;     // code points of `span`
  bool bullet = false;    // its first code point is a bullet glyph
  bool ellipsis = false;  // it ends with "..." or "…"
  bool terminal = false;  // its last code point is terminal punctuation
};

// One normalised word: where it sits and what it is.
struct QualityWord {
  Span span;           // the normalised part of the word (before lowering)
  uint32_t chars = 0;  // code points of `span`
  uint64_t hash = 0;   // hash of the lowered text
};

// The repetition of word n-grams (n = 2..10) over the normalised words.
struct NgramStats {
  // The most frequent n-gram (ties: the one with more characters, then the
  // first to occur); 0 counts when no n-gram occurs twice.
  uint64_t top_count = 0;   // its occurrences (>= 2), else 0
  uint64_t top_chars = 0;   // characters of one occurrence (sum of its words)
  size_t top_first = 0;     // index of its first word, in QualityStats::words
  // Characters of the words covered by at least one occurrence of an n-gram
  // that occurs two or more times (each word counted once).
  uint64_t duplicate_chars = 0;
};

class QualityStats {
 public:
  explicit QualityStats(Analysis& analysis) : QualityStats(analysis.text()) {}
  explicit QualityStats(std::string_view text);

  // --- words (str.split()) ---
  uint64_t word_count = 0;        // words
  uint64_t word_chars = 0;        // code points in words
  uint64_t alphabetic_words = 0;  // words holding at least one letter
  uint64_t hash_count = 0;        // "#" in the text
  uint64_t ellipsis_count = 0;    // "..." (non-overlapping, left to right) + "…"

  // --- lines and paragraphs (blank lines left out) ---
  std::vector<QualityLine> lines;  // non-blank lines, in order
  uint64_t line_chars = 0;         // code points of all non-blank lines (trimmed)
  uint64_t bullet_lines = 0;
  uint64_t ellipsis_lines = 0;
  uint64_t terminal_lines = 0;
  // Lines equal to an earlier line (every occurrence after the first).
  uint64_t duplicate_lines = 0;
  uint64_t duplicate_line_chars = 0;
  size_t first_duplicate_line = 0;  // index into `lines`; valid if duplicate_lines
  uint64_t paragraph_count = 0;
  uint64_t duplicate_paragraphs = 0;
  uint64_t duplicate_paragraph_chars = 0;
  Span first_duplicate_paragraph;  // valid if duplicate_paragraphs

  // --- normalised words and their n-grams ---
  std::vector<QualityWord> words;
  uint64_t normalised_chars = 0;  // code points of all normalised words
  // Normalised words that are Gopher's stop words (the, be, to, of, and,
  // that, have, with), counted during the scan for the default option.
  uint64_t default_stop_words = 0;
  // ngrams[n] for n = 2..10 (0 and 1 unused).
  std::array<NgramStats, 11> ngrams{};

  // --- C4 markers ---
  uint64_t lorem_ipsum_count = 0;  // "lorem ipsum", A-Z lowered
  Span first_lorem_ipsum;
  uint64_t curly_brace_count = 0;  // "{"
  Span first_curly_brace;
  uint64_t javascript_lines = 0;   // lines holding "javascript", A-Z lowered
  Span first_javascript;

  // The text from its first to its last non-white-space code point: the
  // span of findings about the whole article.
  Span content;

  // Short lines depend on an option (the length), so they are counted on
  // demand: non-blank lines of at most `max_chars` code points.
  uint64_t ShortLines(uint64_t max_chars) const;
  // Occurrences of normalised words whose hash is in `hashes`.
  uint64_t CountWords(const std::vector<uint64_t>& hashes) const;

 private:
  void ScanWords(std::string_view text);
  void ScanLines(std::string_view text);
  void ScanNgrams();
};

}  // namespace newslint

#endif  // NEWSLINT_RULES_QUALITY_METRICS_H_
