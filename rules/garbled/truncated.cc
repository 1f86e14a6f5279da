// garbled/truncated: an article whose story stops mid-sentence, or ends with
// the marks a feed or a teaser page leaves after an excerpt: an ellipsis,
// "[…]", "Read more", "Continue reading".
//
// The end of the article is the end of the story, not of the page: a scraped
// page goes on with share buttons, related links and a footer (the
// boilerplate rules flag those). The story is PageLayout's body, the largest
// cluster of prose lines; its last line always ends with sentence
// punctuation (that is what makes it prose), so a paragraph cut mid-sentence
// shows as the line right after the body: prose-shaped, but without a full
// stop. The rule reads three places:
//
//   1. the end of the story's last line: an ellipsis, "[…]", or a read-more
//      link after the text ("... next week. Continue reading →");
//   2. a prose-shaped line right after the body (or, on a page without
//      prose lines, its last long line) that does not end a sentence;
//   3. the line after the story: a read-more link alone on its line.
//
// One finding per article, listing every signal that fired.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lint/byte_set.h"
#include "lint/utf8.h"
#include "rules/garbled/truncated_scan.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/truncated",
    Severity::kWarning,
    "An article that stops mid-sentence or ends with an ellipsis, \"[…]\", \"Read more\" or "
    "\"Continue reading\".",
    {}};

// A line that ends without sentence punctuation is read as a cut paragraph
// only with enough words to be one: this many when it ends with a word that
// cannot end a sentence ("the", "and") ...
constexpr int kMinDanglingWords = 8;
// ... this many when it ends with a comma, semicolon, dash, opening quote
// or bracket (a line of verse is shorter) ...
constexpr int kMinPunctuationWords = 12;
// ... and, when it ends with an ordinary lower-case word, this many with a
// full sentence before the cut one (headlines, captions and teasers of
// related stories are one sentence) or kMinOneSentenceWords without.
constexpr int kMinTwoSentenceWords = 12;
constexpr int kMinOneSentenceWords = 30;
// An ellipsis or read-more link after the body's last line: a line this long.
constexpr int kMinExcerptWords = 6;
// Story lines are prose: at most this share of their words capitalised ...
constexpr double kMaxCapitalizedShare = 0.6;
// ... and at least this share function words.
constexpr double kMinFunctionShare = 0.2;

using truncated_internal::Lower;
using truncated_internal::LowerInto;

bool IsBlankByte(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimView(std::string_view s) {
  size_t start = 0, end = s.size();
  utf8::Trim(s, &start, &end);
  return s.substr(start, end - start);
}

char32_t LastCodePoint(std::string_view s) {
  return s.empty() ? 0 : utf8::DecodeBefore(s, s.size()).value;
}

bool IsTerminator(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == U'…' || cp == U'。' || cp == U'！' ||
         cp == U'？';
}

bool IsCloser(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case U'’':
    case U'”':
    case U'»':
    case U'›':
    case ')':
    case ']':
    case '}':
    case U'」':
    case U'』':
      return true;
    default:
      return false;
  }
}

// Punctuation after which a sentence cannot have ended. A colon is not
// among them: "Watch the interview below:" over an embed the scraper dropped
// lost its object, not its end.
bool IsOpenPunctuation(char32_t cp) {
  switch (cp) {
    case ',':
    case ';':
    case '-':
    case U'–':
    case U'—':
    case '(':
    case '[':
    case U'“':
    case U'‘':
    case U'„':
    case U'«':
    case U'‚':
    case '/':
    case '&':
    case '+':
      return true;
    default:
      return false;
  }
}

// Link decorations around a read-more marker: "Read more »", "→", "[...]".
bool IsDecoration(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case U'»':
    case U'›':
    case U'→':
    case U'⟶':
    case U'➔':
    case U'►':
    case U'▸':
    case '>':
    case U'…':
    case '.':
    case U'\u00a0':
      return true;
    default:
      return false;
  }
}

// Before an inline marker: where the story's text stopped and the link began.
bool IsMarkerBoundary(char32_t cp) {
  return IsTerminator(cp) || IsCloser(cp) || cp == '|' || cp == '-' || cp == U'–' || cp == U'—' ||
         cp == '[' || cp == '(' || cp == U'•' || cp == U'·';
}

// Marks of a table row, a list of links or a footer: " | ", a tab, " · ",
// " • ", "©" (as written; one pass instead of a find each).
const truncated_internal::AnySubstring kTableMarks(
    std::vector<std::string>{" | ", "\t", " \u00b7 ", " \u2022 ", "\u00a9"});

// Words of a page's footer or a link, which no story line has (lower case).
const truncated_internal::AnySubstring kFooterWords(
    std::vector<std::string>{"copyright", "all rights reserved", "http://", "https://"});

const char* const kBracketedEllipses[] = {"[…]",   "[...]",   "[..]",  "(…)",    "(...)",
                                          "[ … ]", "[ ... ]", "( … )", "( ... )"};
const char* const kPlainEllipses[] = {"…", "...", ". . ."};

// What the end of one line says.
struct Ending {
  std::string marker;        // a read-more link after the text, as written
  bool marker_weak = false;  // "Read more", which also heads lists of links
  std::string ellipsis;      // the ellipsis the text ends with, as written
  bool bracketed = false;    // "[…]", "(...)": a feed's excerpt mark
  size_t core_end = 0;       // end of the story text before them (offset in the line)
  enum class Cut { kNone, kDanglingWord, kPunctuation, kWord } cut = Cut::kNone;
  std::string last;  // the last word, or punctuation mark, of a cut line
};

class TruncatedRule : public Rule {
 public:
  TruncatedRule() {
    for (std::string_view m : LexiconEntries("truncated-markers")) {
      const bool weak = m.starts_with("weak:");
      markers_.emplace_back(std::string(weak ? m.substr(5) : m), weak);
      max_marker_size_ = std::max(max_marker_size_, markers_.back().first.size());
    }
    for (std::string_view w : LexiconEntries("truncated-dangling-words")) {
      dangling_.emplace(w);
      function_words_.emplace(w);
    }
    for (std::string_view w : LexiconEntries("truncated-function-words"))
      function_words_.emplace(w);
    for (std::string_view s : LexiconEntries("truncated-sign-offs")) {
      if (s.starts_with("line:")) {
        sign_off_lines_.emplace(s.substr(5));
        max_sign_off_line_size_ = std::max(max_sign_off_line_size_, s.size() - 5);
      } else if (s.starts_with("word:")) {
        sign_off_words_.emplace(s.substr(5));
      } else {
        sign_off_phrases_.emplace_back(s);
      }
    }
    for (std::string_view c : LexiconEntries("truncated-continuations")) continuations_.emplace(c);
    sign_off_phrase_scan_ = truncated_internal::AnySubstring(sign_off_phrases_);
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const PageLayout& layout = analysis.Shared<PageLayout>();
    if (layout.size() == 0) return;

    // The story's last line: the body's, or a paragraph cut right after it.
    size_t end_line = PageLayout::npos;
    if (layout.body_end() > 0) {
      end_line = layout.body_end() - 1;
      while (end_line != PageLayout::npos && end_line >= layout.body_begin() &&
             IsFeedFooter(analysis, layout, end_line)) {
        end_line = layout.PreviousNonBlank(end_line);
      }
      if (end_line == PageLayout::npos || end_line < layout.body_begin()) return;
      const size_t next = NextStoryLine(analysis, layout, end_line);
      if (next != PageLayout::npos && !IsBareMarker(analysis, layout, next) &&
          HasSignal(analysis, layout, next)) {
        end_line = next;  // a paragraph cut after the body
      }
    } else {
      // No prose line at all: a list page stays silent, but a story that is
      // one long paragraph cut mid-sentence has no prose line either.
      size_t last = LastNonBlank(layout);
      while (last != PageLayout::npos &&
             (IsFeedFooter(analysis, layout, last) || IsBareMarker(analysis, layout, last))) {
        last = layout.PreviousNonBlank(last);
      }
      if (last == PageLayout::npos || layout.line(last).words < kMinTwoSentenceWords) return;
      if (!StoryShaped(analysis, layout, last)) return;
      // Its own ending must be cut, or a read-more link must follow it.
      const size_t next = NextStoryLine(analysis, layout, last);
      if (!HasSignal(analysis, layout, last) &&
          (next == PageLayout::npos || !IsBareMarker(analysis, layout, next))) {
        return;
      }
      end_line = last;
    }

    std::string_view line = analysis.view(layout.line(end_line).span);
    Ending ending = ReadEnding(analysis, layout, end_line);
    // The body's last line can be a prose-shaped footer or comment joined to
    // the story; its ending says nothing about the story's.
    if (!StoryShaped(analysis, layout, end_line)) {
      ending = Ending{};
      ending.core_end = line.size();
    }
    // (A prose line of the body ends a sentence: it has a cut only when a
    // read-more link was glued to the cut text, "... the plan would Read more…".)
    if (!CutCounts(analysis, layout, end_line, ending)) ending.cut = Ending::Cut::kNone;

    // A read-more link alone on the line after the story.
    size_t marker_line = NextStoryLine(analysis, layout, end_line);
    std::string bare_marker;
    if (marker_line != PageLayout::npos) {
      bool weak = false;
      if (auto m = BareMarker(analysis, layout, marker_line, &weak)) {
        const bool last_line = layout.NextNonBlank(marker_line) == PageLayout::npos;
        const bool corroborated =
            !ending.ellipsis.empty() || !ending.marker.empty() || ending.cut != Ending::Cut::kNone;
        if (!weak || last_line || corroborated) bare_marker = *m;
      }
    }
    if (bare_marker.empty()) marker_line = PageLayout::npos;

    // Endings that were meant: a sign-off after the story, a story that
    // announces its continuation.
    const size_t after = marker_line != PageLayout::npos
                             ? layout.NextNonBlank(marker_line)
                             : NextStoryLine(analysis, layout, end_line);
    if (after != PageLayout::npos && IsSignOff(analysis.view(layout.line(after).span))) {
      ending.ellipsis.clear();
      ending.cut = Ending::Cut::kNone;
    }
    if (AnnouncesContinuation(line.substr(0, ending.core_end))) {
      ending = Ending{};
      bare_marker.clear();
    }

    std::vector<std::string> signals;
    if (ending.cut != Ending::Cut::kNone) signals.emplace_back("no-terminal-punctuation");
    if (!ending.ellipsis.empty()) signals.emplace_back("ellipsis");
    if (!ending.marker.empty() || !bare_marker.empty()) signals.emplace_back("read-more-link");
    if (signals.empty()) return;

    // A page of excerpts (a section front, a feed) ends every item this way:
    // it is a list, not a truncated article.
    if (IsExcerptList(analysis, layout, end_line, marker_line)) return;

    Report(analysis, layout, end_line, marker_line, ending, bare_marker, signals, sink);
  }

 private:
  // The next non-blank line after i, skipping an RSS "The post ... appeared
  // first on ..." line; npos if none.
  size_t NextStoryLine(Analysis& analysis, const PageLayout& layout, size_t i) const {
    size_t next = layout.NextNonBlank(i);
    while (next != PageLayout::npos && IsFeedFooter(analysis, layout, next)) {
      next = layout.NextNonBlank(next);
    }
    return next;
  }

  static size_t LastNonBlank(const PageLayout& layout) {
    for (size_t i = layout.size(); i > 0; --i) {
      if (!layout.line(i - 1).blank) return i - 1;
    }
    return PageLayout::npos;
  }

  // Where "The post <title> appeared first on <site>." starts in `line`
  // (WordPress appends it to every feed item), or npos.
  static size_t FeedFooterStart(std::string_view line) {
    size_t at = line.rfind("The post ");
    if (at == std::string_view::npos) return at;
    if (line.find(" appeared first on ", at) == std::string_view::npos)
      return std::string_view::npos;
    return at;
  }

  static bool IsFeedFooter(Analysis& analysis, const PageLayout& layout, size_t i) {
    return FeedFooterStart(analysis.view(layout.line(i).span)) == 0;
  }

  // The read-more marker at the end of `s` (after decorations), as
  // [start, end) offsets into s; nullopt if none.
  std::optional<std::pair<size_t, size_t>> FindMarker(std::string_view s, bool whole_line,
                                                      bool* weak) const {
    // Strip decorations: arrows, "»", ellipses, closing brackets of "[Read more]".
    size_t end = s.size();
    bool decorated = false, bracketed = false;
    while (end > 0) {
      utf8::CodePoint cp = utf8::DecodeBefore(s, end);
      if (IsDecoration(cp.value)) {
        if (cp.value != ' ' && cp.value != '\t' && cp.value != 0xA0) decorated = true;
      } else if ((cp.value == ']' || cp.value == ')') && !bracketed) {
        bracketed = true;
      } else {
        break;
      }
      end -= cp.length;
    }
    // Only the end of the text is compared: a suffix of Lower(s.substr(0,
    // end)) as long as the longest marker (see LowerSuffixInto).
    thread_local std::string lower;
    truncated_internal::LowerSuffixInto(s.substr(0, end), max_marker_size_, &lower);
    for (const auto& [marker, is_weak] : markers_) {
      // (The last bytes first: most lines end with another letter.)
      if (!marker.empty() && (lower.empty() || lower.back() != marker.back())) continue;
      if (!std::string_view(lower).ends_with(marker)) continue;
      size_t start = end - marker.size();
      // Whole words only: "... to read more" is prose, "reread more" a word.
      std::string_view before = s.substr(0, start);
      char32_t prev = LastCodePoint(before);
      if (prev != 0 && utf8::IsLetter(prev)) continue;
      if (marker == "more" && !decorated && !bracketed) continue;  // "more" alone is a word
      if (bracketed) {
        before = TrimView(before);
        if (LastCodePoint(before) != '[' && LastCodePoint(before) != '(') continue;
        before.remove_suffix(1);
        start = before.size();
      }
      if (!whole_line) {
        // Inline, the link must stand apart from the sentence before it.
        const std::string_view text = TrimView(before);
        if (text.empty()) continue;
        const char32_t last = LastCodePoint(text);
        const bool capital =
            utf8::CaseOf(utf8::DecodeAt(s, end - marker.size()).value) == utf8::LetterCase::kUpper;
        // Brackets set the link apart ("... over it (more…)"); so does a
        // capital with an arrow after it ("... next week Read more »").
        if (!IsMarkerBoundary(last) && !bracketed && !(capital && decorated)) continue;
      } else if (!TrimView(before).empty()) {
        continue;
      }
      *weak = is_weak;
      return std::make_pair(start, s.size());
    }
    return std::nullopt;
  }

  std::optional<std::string> BareMarker(Analysis& analysis, const PageLayout& layout, size_t i,
                                        bool* weak) const {
    std::string_view line = analysis.view(layout.line(i).span);
    if (line.size() > 60) return std::nullopt;
    if (auto m = FindMarker(line, /*whole_line=*/true, weak)) return std::string(line);
    // "[…]" or "…" alone on a line after the story.
    for (const char* e : kBracketedEllipses) {
      if (line == e) {
        *weak = false;
        return std::string(line);
      }
    }
    return std::nullopt;
  }

  bool IsBareMarker(Analysis& analysis, const PageLayout& layout, size_t i) const {
    bool weak = false;
    return BareMarker(analysis, layout, i, &weak).has_value();
  }

  // Reads the end of line i: a read-more link, an ellipsis, and what the
  // text before them ends with.
  Ending ReadEnding(Analysis& analysis, const PageLayout& layout, size_t i) const {
    std::string_view line = analysis.view(layout.line(i).span);
    Ending e;
    std::string_view s = line;
    if (size_t rss = FeedFooterStart(s); rss != std::string_view::npos)
      s = TrimView(s.substr(0, rss));
    bool weak = false;
    if (auto m = FindMarker(s, /*whole_line=*/false, &weak)) {
      e.marker = std::string(TrimView(s.substr(m->first)));
      e.marker_weak = weak;
      s = s.substr(0, m->first);
      // A separator between text and link: "... next week | Read more".
      while (!s.empty()) {
        char32_t cp = LastCodePoint(s);
        if (cp != ' ' && cp != '\t' && cp != '|' && cp != U'•' && cp != U'·' && cp != '-' &&
            cp != U'–' && cp != U'—') {
          break;
        }
        s.remove_suffix(utf8::DecodeBefore(s, s.size()).length);
      }
    }
    s = TrimView(s);
    // An ellipsis closed by a quotation mark ("… we will see…”") is the
    // speaker trailing off: a truncator appends "…" after the cut, it does
    // not close a quote. Only an ellipsis that ends the text is read.
    for (const char* b : kBracketedEllipses) {
      if (s.ends_with(b)) {
        e.ellipsis = b;
        e.bracketed = true;
        s = TrimView(s.substr(0, s.size() - std::string_view(b).size()));
        break;
      }
    }
    if (e.ellipsis.empty()) {
      for (const char* p : kPlainEllipses) {
        std::string_view t = s;
        if (t.ends_with(".") && t.size() > 1 && t.substr(0, t.size() - 1).ends_with("\u2026")) {
          t.remove_suffix(1);  // "…." is still an ellipsis
        }
        if (t.ends_with(p)) {
          e.ellipsis = std::string(s.substr(t.size() - std::string_view(p).size()));
          s = TrimView(s.substr(0, t.size() - std::string_view(p).size()));
          break;
        }
      }
    }
    e.core_end = static_cast<size_t>(s.data() - line.data()) + s.size();

    const char32_t last = LastCodePoint(s);
    if (!e.ellipsis.empty() || s.empty() || IsTerminator(last) || IsCloser(last)) return e;
    if (IsOpenPunctuation(last)) {
      e.cut = Ending::Cut::kPunctuation;
      utf8::Append(last, &e.last);
      return e;
    }
    const Span core{layout.line(i).span.start, layout.line(i).span.start + e.core_end};
    std::span<const Token> tokens = analysis.TokensIn(core);
    if (tokens.empty() || tokens.back().span.end != core.end) return e;  // a symbol, an emoji
    e.last = std::string(analysis.view(tokens.back().span));
    e.cut = dangling_.count(Lower(e.last)) ? Ending::Cut::kDanglingWord : Ending::Cut::kWord;
    return e;
  }

  // Whether line i, found after the body, has a signal of its own and reads
  // as the story's continuation.
  bool HasSignal(Analysis& analysis, const PageLayout& layout, size_t i) const {
    Ending e = ReadEnding(analysis, layout, i);
    if (!e.marker.empty() || !e.ellipsis.empty()) return StoryShaped(analysis, layout, i);
    return CutCounts(analysis, layout, i, e);
  }

  // Whether the cut signal of line i holds: the line reads as a paragraph of
  // the story and is long enough for its ending.
  bool CutCounts(Analysis& analysis, const PageLayout& layout, size_t i, const Ending& e) const {
    if (e.cut == Ending::Cut::kNone) return false;
    if (!StoryShaped(analysis, layout, i)) return false;
    const LineLayout& l = layout.line(i);
    // A dash announces what follows ("10:20 a.m. —" over an update): cut
    // only when nothing does.
    if ((e.last == "\u2014" || e.last == "\u2013" || e.last == "-") &&
        layout.NextNonBlank(i) != PageLayout::npos) {
      return false;
    }
    switch (e.cut) {
      case Ending::Cut::kWord: {
        // A capitalised last word is a name: a caption's credit, a bio's
        // employer, a sign-off. A cut falls on a lower-case word most often.
        if (ShapeOf(e.last) != TokenShape::kLower) return false;
        const size_t sentences = SplitSentences(analysis.view(l.span)).size();
        if (l.words < kMinOneSentenceWords &&
            !(l.words >= kMinTwoSentenceWords && sentences >= 2)) {
          return false;
        }
        break;
      }
      case Ending::Cut::kPunctuation:
        if (l.words < kMinPunctuationWords) return false;
        break;
      default:
        if (l.words < kMinDanglingWords) return false;
        break;
    }
    // The next line goes on in lower case: verse, or a paragraph broken
    // over two lines; the text was not cut here.
    if (const size_t next = layout.NextNonBlank(i); next != PageLayout::npos) {
      const LineLayout& n = layout.line(next);
      if (utf8::CaseOf(utf8::DecodeAt(analysis.text(), n.span.start).value) ==
          utf8::LetterCase::kLower) {
        return false;
      }
    }
    // Lines addressed to the reader ("Here are more stories you may be
    // interested in") are link headers, unless the words are quoted.
    std::string_view line = analysis.view(l.span);
    thread_local std::string w;
    for (const Token& t : analysis.TokensIn(l.span)) {
      // Lower keeps the length: only 3- and 4-byte tokens can be "you", "your".
      if (t.span.end - t.span.start != 3 && t.span.end - t.span.start != 4) continue;
      LowerInto(analysis.view(t.span), &w);
      if (w != "you" && w != "your") continue;
      std::string_view before = line.substr(0, t.span.start - l.span.start);
      // (Opening quotation marks only: "'" is mostly an apostrophe.)
      if (before.find('"') == std::string_view::npos &&
          before.find("\u201c") == std::string_view::npos &&
          before.find("\u2018") == std::string_view::npos &&
          before.find("\u201e") == std::string_view::npos &&
          before.find("\u00ab") == std::string_view::npos) {
        return false;
      }
    }
    return true;
  }

  // A line that reads as a paragraph of story text: no list item, label,
  // sign-off, table row or footer; mostly lower-case words, a fair share of
  // them function words.
  bool StoryShaped(Analysis& analysis, const PageLayout& layout, size_t i) const {
    const LineLayout& l = layout.line(i);
    if (l.blank || l.bullet || l.letters_words < kMinExcerptWords) return false;
    // HTML input: a line inside the page's template, comments or teasers.
    if (!l.dom_container.empty()) return false;
    for (std::string_view token : {"comment", "related", "teaser", "promo", "newsletter", "footer",
                                   "share", "caption", "sidebar"}) {
      if (layout.DomTokenContains(i, token)) return false;
    }
    std::string_view line = analysis.view(l.span);
    const char32_t first = utf8::DecodeAt(line, 0).value;
    if (first == '(' || first == '[' || first == '{' || first == '|' || first == '#' ||
        first == U'©' || first == '*' || first == U'—' || first == U'–' || first == '-' ||
        first == U'•' || first == '>') {
      return false;
    }
    if (line.starts_with("By ") || IsNumbered(line)) return false;
    // "Photo: ...", "Editor's note: ...", "Tags: ...": a label of up to three words.
    const size_t colon = line.find(": ");
    if (colon != std::string_view::npos && colon < 40) {
      std::string_view label = line.substr(0, colon);
      if (label.find_first_of(".,;!?\"") == std::string_view::npos &&
          analysis.TokensIn({l.span.start, l.span.start + colon}).size() <= 3) {
        return false;
      }
    }
    if (kTableMarks.FoundIn(line)) return false;
    thread_local std::string lower;
    LowerInto(line, &lower);
    if (kFooterWords.FoundIn(lower)) return false;
    if (IsSignOff(line)) return false;
    int letter_words = 0, capitalized = 0, function_words = 0;
    for (const Token& t : analysis.TokensIn(l.span)) {
      if (t.shape == TokenShape::kNumber) continue;
      ++letter_words;
      if (t.shape == TokenShape::kCapitalized || t.shape == TokenShape::kUpper ||
          t.shape == TokenShape::kMixed) {
        ++capitalized;
      }
      LowerInto(analysis.view(t.span), &lower);  // (the line's is used up)
      if (function_words_.count(lower)) ++function_words;
    }
    if (letter_words < kMinExcerptWords) return false;
    if (capitalized > kMaxCapitalizedShare * letter_words) return false;
    return function_words >= kMinFunctionShare * letter_words;
  }

  // A line by which complete articles end: "Reporting by ...; Editing by
  // ...", "(AP)", "-30-", "###", "— Jane Doe", "(Reporting by ...)".
  bool IsSignOff(std::string_view line) const {
    line = TrimView(line);
    thread_local std::string lower;
    LowerInto(line, &lower);
    // (No sign-off line is longer than the longest in the lexicon.)
    if (lower.size() <= max_sign_off_line_size_ && sign_off_lines_.count(lower)) return true;
    // lower.find(p) for any p of sign_off_phrases_, in one pass.
    if (sign_off_phrase_scan_.FoundIn(lower)) return true;
    if (IsBio(lower)) return true;
    const char32_t first = utf8::DecodeAt(line, 0).value;
    if (first == '(' && LastCodePoint(line) == ')') return true;
    if ((first == U'—' || first == U'–' || line.starts_with("-- ")) &&
        CountBlankSeparatedWords(line) <= 8) {
      return true;
    }
    if (line.starts_with("By ") && CountBlankSeparatedWords(line) <= 6) return true;
    return false;
  }

  // An author's bio: a bio word within five words after "is a", "is the",
  // "ist", "est" ("Jane Doe is a freelance journalist based in Nairobi").
  // "... he told reporters" is no bio.
  bool IsBio(std::string_view lower) const {
    thread_local std::string word;
    return truncated_internal::WordAfterCopula(lower, [&](std::string_view w) {
      word.assign(w);
      return sign_off_words_.count(word) > 0;
    });
  }

  // "1. ", "12) ": a numbered list item.
  static bool IsNumbered(std::string_view line) {
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits < 4 && digits + 1 < line.size() &&
           (line[digits] == '.' || line[digits] == ')') && IsBlankByte(line[digits + 1]);
  }

  // The last sentence of the story text is one that announces more: "To be
  // continued", "This is a developing story".
  bool AnnouncesContinuation(std::string_view text) const {
    text = TrimView(text);
    while (!text.empty() && (IsTerminator(LastCodePoint(text)) || IsCloser(LastCodePoint(text)))) {
      text.remove_suffix(utf8::DecodeBefore(text, text.size()).length);
    }
    text = TrimView(text);
    // From the last sentence boundary on.
    size_t start = 0;
    for (size_t k = 0; k + 1 < text.size(); ++k) {
      const char c = text[k];
      if ((c == '.' || c == '!' || c == '?' || c == ':') && IsBlankByte(text[k + 1])) start = k + 2;
    }
    std::string_view sentence = TrimView(text.substr(start));
    while (!sentence.empty()) {
      const char32_t cp = utf8::DecodeAt(sentence, 0).value;
      if (cp != '"' && cp != '\'' && cp != U'“' && cp != U'„' && cp != U'«' && cp != '(' &&
          cp != '[')
        break;
      sentence.remove_prefix(utf8::DecodeAt(sentence, 0).length);
    }
    return continuations_.count(Lower(TrimView(sentence))) > 0;
  }

  // Other lines of the text end the way the story does (a read-more link,
  // "[…]", an excerpt with "…"): a list of excerpts.
  bool IsExcerptList(Analysis& analysis, const PageLayout& layout, size_t end_line,
                     size_t marker_line) const {
    for (size_t i = 0; i < layout.size(); ++i) {
      if (i == end_line || i == marker_line || layout.line(i).blank) continue;
      const bool excerpt_sized = layout.line(i).words >= kMinExcerptWords;
      if (IsBareMarker(analysis, layout, i)) {
        // A link under an excerpt; a "Read more" over a list of links is not.
        const size_t prev = layout.PreviousNonBlank(i);
        if (prev != PageLayout::npos && prev != end_line &&
            layout.line(prev).words >= kMinExcerptWords) {
          return true;
        }
        continue;
      }
      if (!excerpt_sized) continue;
      const Ending e = ReadEnding(analysis, layout, i);
      if (!e.marker.empty() || e.bracketed) return true;
      // Teasers with an ellipsis near the story's end.
      if (!e.ellipsis.empty() && i + 12 > end_line && i < end_line + 12) {
        return true;
      }
    }
    return false;
  }

  static std::string Shorten(std::string_view s) {
    constexpr size_t kMax = 160;
    if (s.size() <= kMax) return std::string(s);
    size_t cut = s.size() - kMax;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    return "\u2026" + std::string(s.substr(cut));
  }

  void Report(Analysis& analysis, const PageLayout& layout, size_t end_line, size_t marker_line,
              const Ending& ending, const std::string& bare_marker,
              const std::vector<std::string>& signals, FindingSink& sink) const {
    const Span line_span = layout.line(end_line).span;
    Span span;
    const bool line_signal =
        ending.cut != Ending::Cut::kNone || !ending.ellipsis.empty() || !ending.marker.empty();
    if (line_signal) {
      // The last sentence of the story, through the marks after it.
      const size_t core_end = line_span.start + ending.core_end;
      span = {line_span.start, line_span.end};
      for (const Sentence& s : analysis.sentences()) {
        if (s.span.start >= core_end) break;
        if (s.span.start >= line_span.start && s.span.start < line_span.end)
          span.start = s.span.start;
      }
    } else {
      span = layout.line(marker_line).span;
    }
    const std::string text(analysis.view(span));

    std::vector<std::string> parts;
    if (ending.cut != Ending::Cut::kNone) {
      parts.push_back("mid-sentence, after \"" + ending.last + "\"");
    }
    if (!ending.ellipsis.empty()) parts.push_back("with \"" + ending.ellipsis + "\"");
    if (!ending.marker.empty()) parts.push_back("with a read-more link \"" + ending.marker + "\"");
    if (!bare_marker.empty() && !line_signal) {
      parts.push_back("with a read-more link \"" + bare_marker + "\"");
    }
    std::string message = "the article ends ";
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) message += k + 1 == parts.size() ? " and " : ", ";
      message += parts[k];
    }
    if (!bare_marker.empty() && line_signal) {
      message += ", followed by a read-more link \"" + bare_marker + "\"";
    }
    message += ": the text was cut";

    Evidence evidence = {{"signals", signals}, {"text", Shorten(text)}};
    if (ending.cut != Ending::Cut::kNone) {
      evidence.emplace_back("ends_with", ending.last);
      evidence.emplace_back("words", static_cast<int64_t>(layout.line(end_line).words));
    }
    if (!ending.ellipsis.empty()) evidence.emplace_back("ellipsis", ending.ellipsis);
    if (!ending.marker.empty() || !bare_marker.empty()) {
      evidence.emplace_back("marker", ending.marker.empty() ? bare_marker : ending.marker);
    }
    sink.Report(span, std::move(message), std::move(evidence));
  }

  std::vector<std::pair<std::string, bool>> markers_;  // lower case, weak
  size_t max_marker_size_ = 0;
  std::unordered_set<std::string> dangling_;
  std::unordered_set<std::string> function_words_;
  std::unordered_set<std::string> sign_off_lines_;
  std::vector<std::string> sign_off_phrases_;
  truncated_internal::AnySubstring sign_off_phrase_scan_;  // any of sign_off_phrases_
  size_t max_sign_off_line_size_ = 0;
  std::unordered_set<std::string> sign_off_words_;
  std::unordered_set<std::string> continuations_;
};

}  // namespace

std::unique_ptr<Rule> MakeTruncatedRule() { return std::make_unique<TruncatedRule>(); }

}  // namespace newslint
