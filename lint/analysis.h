// newslint: the shared analysis of one article.
//
// Rules never re-tokenise. Analysis computes the structural views of an
// article's text once, on first use, and every rule reads the same views:
//
//   lines()       every line of text, without its "\n" (and without a "\r"
//                 before it); blank lines included, so lines()[i] is line i+1
//   paragraphs()  the non-blank lines: scrapers and HTML extraction put one
//                 paragraph (or one block element) on a line, and newslint
//                 never joins lines, so a sentence never crosses a line break
//   sentences()   sentences inside each paragraph (see SplitSentences)
//   tokens()      word and number tokens with their shape
//
// Every view carries byte spans into Article::text. An Analysis belongs to one
// worker thread and one article; it is not thread-safe and must not outlive
// the article.
//
//   Analysis a(article);
//   for (const Sentence& s : a.sentences()) {
//     std::string_view sv = a.view(s.span);
//     ...
//   }

#ifndef NEWSLINT_LINT_ANALYSIS_H_
#define NEWSLINT_LINT_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"

namespace newslint {

struct Paragraph {
  Span span;
  size_t line = 0;  // 0-based index into lines()
};

struct Sentence {
  Span span;             // from the first non-space byte to the end of its
                         // terminator and any closing quotes/brackets after it
  size_t paragraph = 0;  // index into paragraphs()
};

// The shape of a word token, from its letters (digits and marks aside):
//   kLower        "minister", "e-mail"
//   kCapitalized  "Blinken", "Kyiv's", "McCain"
//   kUpper        "NATO", "U.S.", "AFP" (two or more letters, all upper case)
//   kMixed        "iPhone", "eBay", "tHe"
//   kNumber       "1991", "3.5", "1,200" (digits, no letters)
//   kAlphanumeric "C5", "2k23", "G7", "4th"
enum class TokenShape { kLower, kCapitalized, kUpper, kMixed, kNumber, kAlphanumeric };

struct Token {
  Span span;
  TokenShape shape = TokenShape::kLower;
};

// 1-based line and 1-based column in Unicode code points.
struct LineColumn {
  int64_t line = 1;
  int64_t column = 1;
};

// Splits one paragraph into sentences. `base` is added to every span so that
// spans point into the article text. News-aware: does not split after
// abbreviations (U.S., Sept., Gov., Dr., Inc.), initials ("John F. Kennedy"),
// decimals and times ("3.5", "6.30 a.m."), ellipses inside a sentence, or
// inside a number; keeps a quote or bracket that closes after the full stop
// (`... said." Next`) with the sentence it closes.
std::vector<Span> SplitSentences(std::string_view paragraph, size_t base = 0);

// Word and number tokens of `text` (offsets + base). Letters are Unicode
// letters in UTF-8; an apostrophe (' or U+2019) or hyphen between letters
// stays inside the token ("Kyiv's", "long-term"); digits with "," or "."
// between them stay one number ("1,200", "3.5").
std::vector<Token> Tokenize(std::string_view text, size_t base = 0);

TokenShape ShapeOf(std::string_view word);

// Counts Unicode code points in valid UTF-8; an invalid byte counts as one.
size_t CountCodePoints(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
// On failure, *bad_offset (if given) is the first invalid byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

class Analysis {
 public:
  explicit Analysis(const Article& article);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const Article& article() const { return article_; }
  std::string_view text() const { return article_.text; }
  std::string_view view(Span s) const {
    return std::string_view(article_.text).substr(s.start, s.end - s.start);
  }

  const std::vector<Span>& lines();
  const std::vector<Paragraph>& paragraphs();
  const std::vector<Sentence>& sentences();
  const std::vector<Token>& tokens();

  // 0-based index into lines() of the line holding byte `offset`.
  size_t LineIndexOf(size_t offset);
  // Line and code-point column of byte `offset` (an offset at the end of the
  // text belongs to the last line).
  LineColumn Locate(size_t offset);
  // The line holding span.start, cut to at most `max_code_points` code points
  // centred on the span, with "..." where it was cut.
  std::string Excerpt(Span span, size_t max_code_points = 160);

 private:
  const Article& article_;
  std::optional<std::vector<Span>> lines_;
  std::optional<std::vector<Paragraph>> paragraphs_;
  std::optional<std::vector<Sentence>> sentences_;
  std::optional<std::vector<Token>> tokens_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_ANALYSIS_H_
