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
//   tokens()      word and number tokens with their shape (see Tokenize)
//
// Every view carries byte spans into Article::text. An Analysis belongs to one
// worker thread and one article; it is not thread-safe and must not outlive
// the article.
//
//   Analysis a(article);
//   for (const Sentence& s : a.sentences()) {
//     std::string_view sv = a.view(s.span);
//     for (const Token& t : a.TokensIn(s.span)) { ... }
//   }
//
// Invalid UTF-8 is never an error here: every function accepts it, treats an
// invalid byte as one non-letter character and makes progress over it.
// Lower-level UTF-8 and Unicode helpers (decoding, letter case, white space)
// are in lint/utf8.h.

#ifndef NEWSLINT_LINT_ANALYSIS_H_
#define NEWSLINT_LINT_ANALYSIS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "lint/timings.h"

namespace newslint {

struct Paragraph {
  Span span;        // the line without leading and trailing white space
                    // (ASCII white space, U+00A0 and the other Unicode spaces)
  size_t line = 0;  // 0-based index into lines()
};

struct Sentence {
  Span span;             // from the first non-space byte to the end of its
                         // terminator and any closing quotes/brackets after it
  size_t paragraph = 0;  // index into paragraphs()
};

// The shape of a word token, from its letters (digits and marks aside):
//   kLower        "minister", "e-mail", "a.m."; also caseless scripts (CJK,
//                 Arabic, Hebrew)
//   kCapitalized  "Blinken", "Kyiv's", "McCain", "Al-Qaeda"; also a single
//                 capital letter ("A", "I")
//   kUpper        "NATO", "U.S.", "AFP", "NATO's" (two or more letters, all
//                 upper case; a possessive "'s" does not count)
//   kMixed        "iPhone", "eBay", "tHe" (first letter lower case, some upper)
//   kNumber       "1991", "3.5", "1,200" (digits, no letters)
//   kAlphanumeric "C5", "2k23", "G7", "4th", "COVID-19"
enum class TokenShape : uint8_t { kLower, kCapitalized, kUpper, kMixed, kNumber, kAlphanumeric };

// A token's bytes as 32-bit offsets: a Token is 12 bytes instead of 24, so an
// article's tokens take half the cache lines that every rule walking them
// reads. It converts to and from Span; Tokenize never makes a token past
// kMaxTokenOffset (text beyond 4 GiB, which only a --max-record-bytes
// raised 500-fold lets in, is not tokenised).
struct TokenSpan {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenSpan() = default;
  TokenSpan(size_t s, size_t e) : start(static_cast<uint32_t>(s)), end(static_cast<uint32_t>(e)) {}
  TokenSpan(Span s) : TokenSpan(s.start, s.end) {}  // NOLINT: implicit, as a Span
  operator Span() const { return {start, end}; }     // NOLINT
  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const TokenSpan&, const TokenSpan&) = default;
  friend bool operator==(const TokenSpan& a, const Span& b) { return a.start == b.start && a.end == b.end; }
};
inline constexpr size_t kMaxTokenOffset = UINT32_MAX;

struct Token {
  TokenSpan span;
  TokenShape shape = TokenShape::kLower;
};
static_assert(sizeof(Token) == 12, "a Token is two 32-bit offsets and a shape");

// 1-based line and 1-based column in Unicode code points.
struct LineColumn {
  int64_t line = 1;
  int64_t column = 1;
};

// A window of one line around a span, for reports (see Analysis::ExcerptOf).
struct ExcerptWindow {
  std::string text;      // the window, with "..." where the line was cut
  size_t span_column = 0;  // 0-based code-point offset of the span in `text`
  size_t span_width = 0;   // code points of the span shown in `text` (the
                           // part of a span past the window is not counted)
};

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

// Splits one paragraph into sentences. `base` is added to every span so that
// spans point into the article text. A span starts at the first non-space
// byte and ends after the terminator and any closing quotes or brackets that
// follow it (`He said "no."` keeps the `"`). Text after the last terminator,
// or a paragraph without one (a headline, a bullet), is a sentence too. An
// empty or blank paragraph has no sentences.
//
// A candidate boundary is a run of terminators (. ? ! … and the full-width
// 。！？), then any closing quotes/brackets (" ' ” ’ » ) ] }), then white
// space. No white space, no boundary: "3.5", "6.30", "v2.0", "$1.5 billion",
// "example.com", "www.site.org/a.b", "U.S.-led" and `said."The` never split.
// Full-width terminators split without white space (CJK text uses none).
//
// Whether a boundary splits depends on the terminator and on its neighbours:
//
//   "?" or "!"   splits, unless the next word starts in lower case
//                (`"Why now?" she asked.`, `Yahoo! said`), or a quote closes
//                after it and up to four capitalised words lead to a speech
//                verb (`"Why now?" Sen. Maria Lopez asked.`). "Yahoo!" and
//                "Jeopardy!" behave like abbreviations (below).
//   ellipsis     ("...", ". . .", "…") splits only before a capital letter
//                (`We will see... The vote`), not mid-sentence
//                (`wait... and then`).
//   "." after    an ordinary word always splits, also before a lower-case
//                word (`with Moscow. to deal with` is two sentences: a rule
//                must see the lower-case start).
//   "." after    a title that precedes a name or number never splits: Mr. Mrs.
//                Ms. Dr. Prof. Gov. Sen. Rep. Gen. Col. Lt. Sgt. Capt. Adm.
//                Rev. Mt. Ft. Hon. Pres. Fig. Vol. vs. e.g. i.e. cf. approx.
//   "." after    an abbreviation that can also end a sentence (Inc. Corp. Co.
//                Ltd. Bros. Jr. Sr. St. Ave. No. etc. et al., months Jan. to
//                Dec., days Mon. to Sun., AP state names Ariz. Calif. Mass.
//                ...), dotted letters (U.S. U.K. U.N. D.C. a.m. p.m. J.K.) or
//                an initial (F. in "John F. Kennedy") splits only before a
//                capitalised word that usually starts a sentence (The, He,
//                She, It, They, But, In, This, When, ...): "to the U.S. The
//                next day" splits; "the U.S. Army", "10 a.m. Tuesday", "St.
//                Louis", "Apple Inc. Chief Executive", "Jan. 5", "No. 10" and
//                "etc. and" do not. When a quote or bracket closes after such
//                an abbreviation (`in the U.S." Officials`) any capitalised
//                word splits. Titles and abbreviations also match in all
//                capitals ("ST. LOUIS (AP)").
//   "." after    a list marker that opens the sentence (up to three digits or
//                one letter: "1.", "12.", "a.", "B.") never splits.
//
// Known limits: a sentence that really ends with an abbreviation and is
// followed by a capitalised word that is not a usual sentence start stays
// joined ("... in the U.S. Officials said"); a brand with "!" other than
// Yahoo! and Jeopardy! splits before a capitalised word ("Wham! Records").
std::vector<Span> SplitSentences(std::string_view paragraph, size_t base = 0);

// As SplitSentences, appending to *out (no allocation when *out has room).
void SplitSentencesInto(std::string_view paragraph, size_t base, std::vector<Span>* out);

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

// Word and number tokens of `text` (offsets + base). A token is a run of
// letters (Unicode letters in UTF-8, see lint/utf8.h), ASCII digits and
// combining marks, plus these joiners when a letter or digit follows them:
//   apostrophe (' or U+2019) after a letter or digit: "Kyiv's", "don't", "90's"
//   hyphen (-, U+2010, U+2011, soft hyphen U+00AD), except between two
//     digits: "long-term", "F-16", "COVID-19"; "1990-2000" is two tokens
//   "," or "." between two digits: "1,200", "3.5", "v2.0"
// Two or more single letters joined by dots are one token with the final
// dot: "U.S.", "a.m.", "J.K.", "U.S.A." (but "Ph.D." is "Ph" and "D").
// Everything else (white space, punctuation, symbols, invalid bytes)
// separates tokens and is not part of any token.
std::vector<Token> Tokenize(std::string_view text, size_t base = 0);

// As Tokenize, appending to *out.
void TokenizeInto(std::string_view text, size_t base, std::vector<Token>* out);

// The shape of one word, as Tokenize computes it for a token (see TokenShape).
// A string without letters is kNumber.
TokenShape ShapeOf(std::string_view word);

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

// Counts Unicode code points in valid UTF-8; each byte of an ill-formed
// sequence counts as one.
size_t CountCodePoints(std::string_view s);

// The bytes 10xxxxxx in `s`: s.size() minus this is CountCodePoints(s) when
// `s` is valid UTF-8 (each code point has exactly one byte that is not a
// continuation byte).
size_t CountContinuationBytes(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF,
// no truncated sequences). On failure, *bad_offset (if given) is the offset
// of the first byte of the first ill-formed sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// ---------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------

class PhraseBank;
class PhraseHits;

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

  // view(s) with ASCII letters lowered ("Foreign Minister" -> "foreign
  // minister"; other bytes as they are), from a lowered copy of the text
  // made on first use: same length, same offsets, no allocation per call.
  // For the many rules that compare words case-insensitively.
  std::string_view lower_view(Span s);

  // Lines split at "\n"; a "\r" before the "\n" is not part of the line. A
  // final "\n" does not start another line, so "a\nb\n" has two lines and
  // the empty text has none (Locate still answers line 1, column 1 for it).
  const std::vector<Span>& lines();
  const std::vector<Paragraph>& paragraphs();
  // All sentences of all paragraphs, in text order.
  const std::vector<Sentence>& sentences();
  // All tokens of the text, in text order. Tokens never cross a line.
  const std::vector<Token>& tokens();

  // CountCodePoints(view(s)). Once the whole text is known to be valid
  // UTF-8 (checked on first use, once per article), a span whose edges do
  // not fall inside a sequence is valid too, and its code points are counted
  // without validating it again; other spans are counted as CountCodePoints
  // counts them. For the per-line counts of every article.
  size_t CodePointsIn(Span s);

  // The tokens lying wholly inside `span` (binary search; no copy). For many
  // spans in text order (every line, every sentence) TokenWalk is cheaper.
  std::span<const Token> TokensIn(Span span);
  // TokensIn(sentences()[s].span), and the same as [first, end) indices into
  // tokens(): found for every sentence at once, on the first call, by one
  // walk. Half a dozen views and rules go through every sentence's tokens,
  // and each walked to them on its own.
  std::span<const Token> SentenceTokens(size_t s) {
    const auto [first, end] = SentenceTokenRange(s);
    return {tokens_->data() + first, end - first};
  }
  std::pair<size_t, size_t> SentenceTokenRange(size_t s) {
    if (!sentence_tokens_) FindSentenceTokens();
    const auto [first, end] = (*sentence_tokens_)[s];
    return {first, end};
  }

  // 0-based index into lines() of the line holding byte `offset`. An offset
  // on a line's "\r\n" belongs to that line; offsets at or past the end of
  // the text belong to the last line; 0 when there are no lines.
  size_t LineIndexOf(size_t offset);
  // Line and code-point column of byte `offset`. Offsets on a line's "\r\n"
  // or past the end of the text give the column just after the line's last
  // character. Consecutive calls with growing offsets on one line are
  // incremental (reports locate findings in order).
  LineColumn Locate(size_t offset);
  // The line holding span.start, cut to at most `max_code_points` code points
  // (the "..." markers included) centred on the span, with "..." where it was
  // cut; never cut inside a UTF-8 sequence. Invalid bytes are copied as they
  // are (reports escape them).
  std::string Excerpt(Span span, size_t max_code_points = 160);
  // As Excerpt, and where the span sits in it (to draw a caret line).
  ExcerptWindow ExcerptOf(Span span, size_t max_code_points = 160);

  // A view that some rules derive and share (e.g. the page layout the
  // boilerplate rules read), built on first use from this Analysis and kept
  // for the article. T must be constructible from `Analysis&`. Analysis
  // needs no change to host a new shared view:
  //
  //   const PageLayout& layout = analysis.Shared<PageLayout>();
  template <typename T>
  const T& Shared();

  // As Shared<T>(), for a view that needs more than the Analysis to build:
  // on first use `make()` is called and must return a T; later calls (with
  // any factory, or Shared<T>()) return the same view. The rule packs cache
  // the matches of their one pass over the text this way:
  //
  //   const PackMatches& m = analysis.Shared<PackMatches>([&] { return set.Scan(analysis); });
  template <typename T, typename Make>
  const T& Shared(Make make);

  // The shared view of type T when some rule has built it already, else
  // null (nothing is built): for a rule that can reuse another's view but
  // would not build it for itself.
  template <typename T>
  const T* SharedIfBuilt() const {
    return FindShared<T>();
  }

  // The phrase bank the Engine lints this article with (null for a rule run
  // on its own), and the article's scan of it once made: what FindPhrases
  // (lint/phrase_bank.h) reads on each of the rules' hundreds of calls per
  // article, kept here rather than as shared views to spare those calls
  // the lookup.
  void set_phrase_bank(const PhraseBank* bank) { phrase_bank_ = bank; }
  const PhraseBank* phrase_bank() const { return phrase_bank_; }
  const PhraseHits* phrase_hits() const { return phrase_hits_; }
  void set_phrase_hits(const PhraseHits* hits) { phrase_hits_ = hits; }

 private:
  // Each type of shared view gets a small number on its first use (one per
  // T across translation units: a function's static), and an Analysis
  // finds its view of that type at that place of by_index_: one load,
  // whatever the number of views built. (The search of the list it
  // replaced was 2-3% of the samples on the fixtures, its lines out of the
  // caches when a chunk's next rule came back to the article; the run took
  // no less time without it, docs/performance.md, "Twenty-eighth round".)
  // Types past kIndexedViews (none built in) are searched for.
  static size_t NextSharedIndex();
  template <typename T>
  static size_t SharedIndex() {
    static const size_t index = NextSharedIndex();
    return index;
  }
  template <typename T>
  const T* FindShared() const {
    const size_t index = SharedIndex<T>();
    if (index < kIndexedViews) return static_cast<const T*>(by_index_[index]);
    for (const SharedView& s : shared_) {
      if (s.index == index) return static_cast<const T*>(s.view.get());
    }
    return nullptr;
  }
  template <typename T>
  void AddShared(std::shared_ptr<const T> view) {
    const size_t index = SharedIndex<T>();
    if (index < kIndexedViews) by_index_[index] = view.get();
    // One allocation for the dozen views an article's lint builds, rather
    // than a list grown through 1, 2, 4 and 8.
    if (shared_.capacity() == 0) shared_.reserve(kIndexedViews);
    shared_.push_back({index, std::move(view)});
  }

  struct SharedView {
    size_t index;
    std::shared_ptr<const void> view;
  };
  static constexpr size_t kIndexedViews = 16;
  const void* by_index_[kIndexedViews] = {};
  std::vector<SharedView> shared_;  // owns the views, in the order built
  const PhraseBank* phrase_bank_ = nullptr;
  const PhraseHits* phrase_hits_ = nullptr;  // owned by shared_
  const Article& article_;
  std::optional<std::vector<Span>> lines_;
  std::optional<std::vector<Paragraph>> paragraphs_;
  std::optional<std::vector<Sentence>> sentences_;
  std::optional<std::vector<Token>> tokens_;
  // Per sentence, [first, end) into tokens_ (SentenceTokenRange); 32 bits
  // as the tokens' own offsets (a text is at most 4 GiB).
  std::optional<std::vector<std::pair<uint32_t, uint32_t>>> sentence_tokens_;
  void FindSentenceTokens();
  std::optional<std::string> lower_;
  enum class Validity : uint8_t { kUnknown, kValid, kInvalid };
  Validity text_validity_ = Validity::kUnknown;  // of the whole text, for CodePointsIn
  // Locate's memo: the last offset located and its column.
  size_t located_offset_ = 0;
  size_t located_line_ = static_cast<size_t>(-1);
  int64_t located_column_ = 1;
  // ExcerptOf's memo, for valid UTF-8: the code points of line
  // excerpt_line_, and those before byte excerpt_anchor_ of it. Findings
  // come in text order, and a line of a megabyte with thousands of findings
  // was counted whole for each.
  size_t excerpt_line_ = static_cast<size_t>(-1);
  size_t excerpt_total_ = 0;
  size_t excerpt_anchor_ = 0;
  size_t excerpt_anchor_code_points_ = 0;
};

// The tokens of spans visited in text order (lines, sentences, paragraphs):
// In(span) is what Analysis::TokensIn(span) gives, found by walking on from
// where the previous span's tokens ended instead of a binary search per span
// (a span that starts before that point is searched for, so any order is
// answered correctly; ascending order is the cheap one).
class TokenWalk {
 public:
  explicit TokenWalk(const std::vector<Token>& tokens) : tokens_(&tokens) {}

  // [first, end) indices into the token list of In(span).
  std::pair<size_t, size_t> RangeIn(Span span) {
    const std::vector<Token>& ts = *tokens_;
    size_t first = from_;
    if (first > 0 && ts[first - 1].span.start >= span.start) {
      first = static_cast<size_t>(
          std::lower_bound(ts.begin(), ts.begin() + static_cast<std::ptrdiff_t>(first), span.start,
                           [](const Token& t, size_t o) { return t.span.start < o; }) -
          ts.begin());
    }
    // The first token starting at or after the span: next to `first` when
    // the spans follow each other (sentences, lines), far on when they skip
    // (the few paragraphs a view asks about), so gallop (steps of 1, 2, 4,
    // ...) and finish with a binary search.
    {
      size_t step = 1;
      while (ts.size() - first >= step && ts[first + step - 1].span.start < span.start) {
        first += step;
        step *= 2;
      }
      const size_t limit = std::min(ts.size(), first + step - 1);
      first = static_cast<size_t>(
          std::partition_point(ts.begin() + static_cast<std::ptrdiff_t>(first),
                               ts.begin() + static_cast<std::ptrdiff_t>(limit),
                               [&](const Token& t) { return t.span.start < span.start; }) -
          ts.begin());
    }
    // The tokens ending inside the span: token ends ascend, so gallop over
    // them (steps of 4, 8, 16, ...) and finish with a binary search, rather
    // than one comparison per token of a long sentence.
    size_t end = first;
    size_t step = 4;
    while (ts.size() - end >= step && ts[end + step - 1].span.end <= span.end) {
      end += step;
      step *= 2;
    }
    const size_t limit = std::min(ts.size(), end + step);
    end = static_cast<size_t>(
        std::partition_point(ts.begin() + static_cast<std::ptrdiff_t>(end),
                             ts.begin() + static_cast<std::ptrdiff_t>(limit),
                             [&](const Token& t) { return t.span.end <= span.end; }) -
        ts.begin());
    from_ = end;
    return {first, end};
  }
  std::span<const Token> In(Span span) {
    const auto [first, end] = RangeIn(span);
    return {tokens_->data() + first, end - first};
  }

 private:
  const std::vector<Token>* tokens_;
  size_t from_ = 0;  // every token before it starts before the next span (in order)
};

template <typename T>
const T& Analysis::Shared() {
  if (const T* found = FindShared<T>()) return *found;
  const ViewTiming timing(typeid(T));  // --timings: a row of its own
  auto view = std::make_shared<const T>(*this);
  const T& ref = *view;
  AddShared<T>(std::move(view));
  return ref;
}

template <typename T, typename Make>
const T& Analysis::Shared(Make make) {
  if (const T* found = FindShared<T>()) return *found;
  const ViewTiming timing(typeid(T));
  auto view = std::make_shared<const T>(make());
  const T& ref = *view;
  AddShared<T>(std::move(view));
  return ref;
}

}  // namespace newslint

#endif  // NEWSLINT_LINT_ANALYSIS_H_
