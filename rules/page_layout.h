// newslint: the page layout, the shared view behind the boilerplate rules.
//
// Boilerplate is a property of blocks more than of phrases: a run of short
// lines without sentence punctuation above the story or below it is a menu or
// a list of teasers, while the same words inside a paragraph are not. The
// layout describes every line of an article once, so each boilerplate rule
// can weigh its phrase evidence against where and how the line sits:
//
//   const PageLayout& layout = analysis.Shared<PageLayout>();
//   for (size_t i = 0; i < layout.size(); ++i) {
//     const LineLayout& line = layout.line(i);
//     if (line.blank || !line.short_line) continue;
//     if (layout.region(i) == PageRegion::kHead && ...) ...
//   }
//
// Indexes are those of Analysis::lines() (0-based; line i is reported as
// line i + 1). Built once per article (Analysis::Shared), read-only after.

#ifndef NEWSLINT_RULES_PAGE_LAYOUT_H_
#define NEWSLINT_RULES_PAGE_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/finding.h"

namespace newslint {

// Where a line sits relative to the story. The story ("body") is the largest
// cluster of prose lines (allowing up to kMaxStoryGap other lines between two
// of them), joined with the prose clusters around it that lie within
// kMaxStoryJoin other lines; boilerplate gathers in the head above it and the
// tail below it.
enum class PageRegion { kHead, kBody, kTail };

// Whether `cp` marks a list item when it opens a line and a space follows it:
// • · ▪ ► › » – - * ◦ ▸ ■ ●.
bool IsListMarker(char32_t cp);

// The evidence signal naming a region: "region:head", "region:body", "region:tail".
std::string_view RegionSignal(PageRegion region);

struct LineLayout {
  Span span;               // the line without leading/trailing white space
  bool blank = false;      // nothing but white space
  int words = 0;           // word and number tokens
  uint32_t first_token = 0;  // index into Analysis::tokens() of the first (PageLayout::tokens)
  int letters_words = 0;   // tokens with letters (not pure numbers)
  int capitalized = 0;     // tokens starting upper-case (kCapitalized, kUpper, kMixed)
  int code_points = 0;     // of the trimmed line
  bool bullet = false;     // starts with a list marker: • · ▪ ► › » – - * followed by a space
  bool sentence_end = false;  // ends with . ! ? (closing quotes/brackets after them allowed)
  // Prose: a line that reads as story text: at least `kProseWords` words and
  // sentence punctuation at its end.
  bool prose = false;
  // Short: at most `kShortWords` words and no sentence punctuation at the
  // end: the shape of menu items, buttons, labels and teaser headlines.
  bool short_line = false;
  // Index of the first and one-past-last line of the run of consecutive
  // non-blank short lines this line belongs to (blank lines do not break a
  // run); equal to (i, i+1) for a line that is not short.
  size_t run_begin = 0;
  size_t run_end = 0;
  // HTML input only: the nearest page-template container on the line's DOM
  // path ("nav", "header", "footer", "aside"), else "".
  std::string_view dom_container;
};

class PageLayout {
 public:
  static constexpr int kProseWords = 12;
  static constexpr int kShortWords = 8;
  static constexpr int kMaxStoryGap = 4;
  static constexpr int kMaxStoryJoin = 8;

  explicit PageLayout(Analysis& analysis);

  size_t size() const { return lines_.size(); }
  const LineLayout& line(size_t i) const { return lines_[i]; }
  // Line i's tokens, Analysis::TokensIn(line(i).span), as the layout found
  // them (a rule that asks about a few lines walked to them again).
  std::span<const Token> tokens(size_t i) const {
    return {tokens_ + lines_[i].first_token, static_cast<size_t>(lines_[i].words)};
  }

  // First and one-past-last line of the story; both 0 when the text has no
  // prose.
  size_t body_begin() const { return body_begin_; }
  size_t body_end() const { return body_end_; }
  PageRegion region(size_t i) const {
    return i < body_begin_ ? PageRegion::kHead : i >= body_end_ ? PageRegion::kTail : PageRegion::kBody;
  }
  // Number of non-blank lines in the run that line i belongs to.
  size_t run_length(size_t i) const;

  // HTML input: whether a class or id token on line i's DOM path contains
  // `needle` (lower-case ASCII, e.g. "share", "related", "breadcrumb").
  // Always false for input without DOM evidence.
  bool DomTokenContains(size_t i, std::string_view needle) const;
  // Whether the input carries DOM evidence (an HTML page); without it every
  // DomTokenContains is false, and callers can skip asking.
  bool has_dom() const { return !article_.blocks.empty(); }

  // Weak lines that join flagged neighbours: a line with weak[i] set becomes
  // flagged when a flagged line lies within `window` non-blank lines of it,
  // above or below, chaining through lines flagged this way (a banner's
  // buttons, a footer's contact line). `weak` and `flagged` are indexed like
  // lines(); `flagged` is updated in place. Returns, per line, the flagged
  // line that pulled it in, or size() for lines not pulled in.
  std::vector<size_t> JoinFlaggedNeighbours(const std::vector<uint8_t>& weak,
                                            std::vector<uint8_t>* flagged, size_t window) const;

  // The previous / next non-blank line before / after i, or npos.
  size_t PreviousNonBlank(size_t i) const;
  size_t NextNonBlank(size_t i) const;
  static constexpr size_t npos = static_cast<size_t>(-1);

  // The fix of a finding that flags line i as a whole: remove the line (see
  // RemoveLineFix below).
  Fix RemoveLineFix(size_t i) const;

 private:
  void FindStory();

  const Article& article_;
  const Token* tokens_ = nullptr;  // Analysis::tokens().data(), which outlives the view
  std::vector<LineLayout> lines_;
  size_t body_begin_ = 0;
  size_t body_end_ = 0;
};

// The fix that removes the whole line of `text` holding byte `offset`: the
// span from the line's first byte through its terminating "\n" (a "\r"
// before it included), replacement "". The last line, when no "\n" ends it,
// is removed from the "\n" (or "\r\n") before it instead, so the text does
// not gain a dangling line break; a text of one line becomes "". Two such
// fixes on adjacent lines may share that "\n": ApplyFixes (lint/fixes.h)
// merges overlapping removals.
Fix RemoveLineFix(std::string_view text, size_t offset);

}  // namespace newslint

#endif  // NEWSLINT_RULES_PAGE_LAYOUT_H_
