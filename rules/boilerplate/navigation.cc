// boilerplate/navigation: menus, breadcrumbs, skip links and pagination of the
// site template left in the article text.

#include <algorithm>
#include <memory>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/byte_set.h"
#include "lint/phrase_matcher.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

// The first bytes of the breadcrumb separators ">", "/", "»", "›", "→".
constexpr ByteSet kSeparatorStart(">/\xC2\xE2");

const RuleInfo kInfo = {
    "boilerplate/navigation",
    Severity::kWarning,
    "Menus, breadcrumbs, skip links and pagination of the site template left in the article text.",
    {
        {"min-menu-items", "int", "3",
         "A run of lines is a menu when at least this many of them are section names or "
         "site-menu words (country and region names aside)."},
    }};

// Kinds of menu phrase (rules/lexicons/navigation-*.txt).
enum MenuKind : uint8_t { kSection, kSite, kRegion };
enum PageKind : uint8_t { kPageTurn, kPageWord };

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Characters that separate menu items on one line, or mark a list item.
bool IsMenuSeparator(char32_t c) {
  switch (c) {
    case U'|': case U'/': case U'\\': case U'·': case U'•': case U'▪': case U'►': case U'›':
    case U'»': case U'«': case U'‹': case U'–': case U'—': case U'-': case U'*': case U'→':
    case U'←': case U'◦': case U'▸': case U'■': case U'●': case U'>': case U'∙': case U'⋅':
      return true;
    default:
      return utf8::IsSpace(c);
  }
}

// Explicit separators of a one-line menu ("Home | News | Sport").
bool IsExplicitSeparator(char32_t c) {
  return c == U'|' || c == U'·' || c == U'•' || c == U'∙' || c == U'⋅' || c == U'▪';
}

// A line or segment made only of menu phrases and separators.
struct Cover {
  bool full = false;
  int items = 0;
  int strong = 0;  // sections and site-menu words
  int site = 0;
  int region = 0;
  size_t first_phrase = 0;
};

// Whether `text` is covered, left to right, by the longest menu phrase at
// each position, with only separators between them. `matches` is scratch.
Cover CoverBy(const PhraseMatcher& matcher, const std::vector<uint8_t>& kinds,
              std::string_view text, std::vector<PhraseMatch>* matches) {
  Cover c;
  matches->clear();
  // No scan when no phrase can start where the first item must (the loop
  // below would return Cover{} there): most short lines of a story, a
  // headline or a byline, start with a word no menu or footer phrase starts
  // with, and scanning each of them was most of the rule's own time.
  for (size_t i = 0; i < text.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(text, i);
    if (!IsMenuSeparator(cp.value)) {
      if (!matcher.MayStartAt(text, i)) return c;
      break;
    }
    i += cp.length;
  }
  matcher.FindAll(text, 0, matches);
  if (matches->empty()) return c;
  size_t i = 0;
  while (i < text.size()) {
    utf8::CodePoint cp = utf8::DecodeAt(text, i);
    if (IsMenuSeparator(cp.value)) {
      i += cp.length;
      continue;
    }
    const PhraseMatch* best = nullptr;
    for (const PhraseMatch& m : *matches) {
      if (m.span.start == i && (best == nullptr || m.span.size() > best->span.size())) best = &m;
    }
    if (best == nullptr) return Cover{};
    if (c.items == 0) c.first_phrase = best->phrase;
    ++c.items;
    switch (kinds[best->phrase]) {
      case kSection: ++c.strong; break;
      case kSite: ++c.strong; ++c.site; break;
      default: ++c.region; break;
    }
    i = best->span.end;
  }
  c.full = c.items > 0;
  return c;
}

// What a line was found to be.
enum class Verdict : uint8_t {
  kNone, kSkipLink, kBreadcrumb, kPagination, kMenuLine, kMenuItem, kMenuGap, kLabel, kDom
};

struct LineState {
  Verdict verdict = Verdict::kNone;
  Cover cover;            // the line as menu items (only for short lines)
  bool item = false;      // a menu item on a line of its own
  bool gap = false;       // a short capitalised line that could sit between menu items
  size_t block_begin = 0, block_end = 0;  // kMenuItem/kMenuGap: the menu's lines
  int block_items = 0, block_lines = 0;
  std::string_view phrase;  // what matched, for the evidence
};

class NavigationRule : public Rule {
 public:
  NavigationRule() {
    menu_ = std::make_unique<PhraseMatcher>(CompileLexicons<uint8_t>(
        {{"navigation-sections", kSection}, {"navigation-site", kSite}, {"navigation-regions", kRegion}},
        &menu_kinds_));
    // A line of legal links ("Terms of Use | Privacy Policy") is the site
    // footer's (boilerplate/site-footer), not a menu: one finding per line.
    // The lexicon lists the legal labels first, then other footer links from
    // "about us" on; the footer claims a line only with a legal label in it.
    std::vector<std::string_view> legal = LexiconEntries("site-footer-legal");
    bool is_legal = true;
    for (std::string_view p : legal) {
      if (p == "about us") is_legal = false;
      legal_kinds_.push_back(is_legal ? kSite : kRegion);
    }
    legal_ = std::make_unique<PhraseMatcher>(legal);
    skip_ = std::make_unique<PhraseMatcher>(LexiconEntries("navigation-skip-links"));
    std::vector<std::string_view> pages = LexiconEntries("navigation-pagination");
    for (std::string_view p : pages) {
      const bool turn =
          p == "next" || p == "previous" || p == "prev" || p == "older" || p == "newer";
      page_kinds_.push_back(turn ? kPageTurn : kPageWord);
    }
    pages_ = std::make_unique<PhraseMatcher>(pages);
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int min_items = static_cast<int>(std::max<int64_t>(2, options.GetInt("min-menu-items", 3)));
    const PageLayout& layout = analysis.Shared<PageLayout>();
    const size_t n = layout.size();
    std::vector<LineState> state(n);
    std::vector<PhraseMatch> scratch;

    // Pass 1: what each line is on its own.
    for (size_t i = 0; i < n; ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank || l.words > 40) continue;
      std::string_view line = analysis.view(l.span);
      LineState& s = state[i];
      if (l.prose) {
        if (IsBreadcrumb(line, &scratch)) s.verdict = Verdict::kBreadcrumb;
        continue;
      }
      if (IsSkipLink(line, &scratch, &s.phrase)) {
        s.verdict = Verdict::kSkipLink;
        continue;
      }
      if (IsPagination(line, &scratch)) {
        s.verdict = Verdict::kPagination;
        continue;
      }
      if (IsBreadcrumb(line, &scratch)) {
        s.verdict = Verdict::kBreadcrumb;
        continue;
      }
      if (l.words > PageLayout::kShortWords || l.sentence_end || line.back() == ':') continue;
      if (Cover legal = CoverBy(*legal_, legal_kinds_, line, &scratch);
          legal.full && legal.items >= 2 && legal.strong >= 1) {
        continue;
      }
      s.cover = CoverBy(*menu_, menu_kinds_, line, &scratch);
      if (s.cover.full) s.phrase = menu_->phrase(s.cover.first_phrase);
      if (s.cover.full && s.cover.items >= 3 && s.cover.strong >= 2 &&
          (s.cover.strong >= 3 || HasExplicitSeparator(line))) {
        s.verdict = Verdict::kMenuLine;
        continue;
      }
      if (!s.cover.full && IsSeparatedMenu(line, &scratch)) {
        s.verdict = Verdict::kMenuLine;
        continue;
      }
      s.item = s.cover.full && s.cover.items <= 2 && l.words <= 4;
      s.gap = !s.item && l.words <= 3 && l.capitalized == l.letters_words && l.letters_words > 0;
    }

    // Pass 2: runs of menu items, one per line.
    for (size_t i = 0; i < n;) {
      if (!state[i].item || state[i].verdict != Verdict::kNone) {
        ++i;
        continue;
      }
      size_t last = i, j = i;
      int items = 1, strong = state[i].cover.strong, site = state[i].cover.site, lines = 1;
      // Extend over items, and over one gap line between two items; at most
      // one blank line between neighbours.
      while (true) {
        size_t next = NextWithin(layout, j);
        if (next == PageLayout::npos || state[next].verdict != Verdict::kNone) break;
        if (state[next].item) {
          ++items;
          ++lines;
          strong += state[next].cover.strong;
          site += state[next].cover.site;
          j = last = next;
          continue;
        }
        if (!state[next].gap) break;
        size_t after = NextWithin(layout, next);
        if (after == PageLayout::npos || !state[after].item || state[after].verdict != Verdict::kNone) break;
        ++lines;  // the gap; the item after it is taken on the next turn
        j = next;
      }
      const bool in_body = layout.region(i) == PageRegion::kBody;
      size_t before = layout.PreviousNonBlank(i);
      const bool introduced = before != PageLayout::npos && EndsWithColon(analysis, layout, before);
      const bool dom = layout.line(i).dom_container == "nav" || layout.line(i).dom_container == "header";
      const bool is_menu = items >= min_items && strong >= min_items &&
                           items * 10 >= lines * 6 && (!in_body || site > 0 || dom) &&
                           (!introduced || dom);
      if (is_menu) {
        for (size_t k = i; k <= last; ++k) {
          if (layout.line(k).blank) continue;
          LineState& s = state[k];
          s.verdict = s.item ? Verdict::kMenuItem : Verdict::kMenuGap;
          s.block_begin = i;
          s.block_end = last + 1;
          s.block_items = items;
          s.block_lines = lines;
        }
      }
      i = last + 1;
    }

    // Pass 3: HTML template containers, and labels next to a breadcrumb.
    for (size_t i = 0; i < n; ++i) {
      LineState& s = state[i];
      const LineLayout& l = layout.line(i);
      if (s.verdict != Verdict::kNone || l.blank || l.prose) continue;
      if (InNavContainer(layout, i) || (l.dom_container == "header" && s.item)) {
        s.verdict = Verdict::kDom;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (state[i].verdict != Verdict::kBreadcrumb) continue;
      for (int dir : {-1, 1}) {
        size_t k = i;
        for (int step = 0; step < 2; ++step) {
          k = dir < 0 ? layout.PreviousNonBlank(k) : layout.NextNonBlank(k);
          if (k == PageLayout::npos || !state[k].item || state[k].verdict != Verdict::kNone) break;
          state[k].verdict = Verdict::kLabel;
        }
      }
    }

    for (size_t i = 0; i < n; ++i) Report(analysis, layout, state, i, sink);
  }

 private:
  // The next non-blank line after j, if at most one blank line lies between.
  static size_t NextWithin(const PageLayout& layout, size_t j) {
    size_t next = layout.NextNonBlank(j);
    if (next == PageLayout::npos || next - j > 2) return PageLayout::npos;
    return next;
  }

  static bool EndsWithColon(Analysis& analysis, const PageLayout& layout, size_t i) {
    std::string_view line = analysis.view(layout.line(i).span);
    return !line.empty() && line.back() == ':';
  }

  static bool InNavContainer(const PageLayout& layout, size_t i) {
    const LineLayout& l = layout.line(i);
    if (l.words == 0 || l.words > PageLayout::kShortWords || l.sentence_end) return false;
    if (l.dom_container == "nav") return true;
    for (std::string_view token : {"breadcrumb", "menu", "navbar", "navigation", "pagination",
                                   "pager", "nav-", "-nav", "skip-link"}) {
      if (layout.DomTokenContains(i, token)) return true;
    }
    return false;
  }

  static bool HasExplicitSeparator(std::string_view line) {
    for (size_t i = 0; i < line.size();) {
      utf8::CodePoint cp = utf8::DecodeAt(line, i);
      if (IsExplicitSeparator(cp.value)) return true;
      i += cp.length;
    }
    return false;
  }

  // The line with list markers, arrows and closing punctuation cut from both ends.
  static std::string_view Core(std::string_view line) {
    size_t b = 0, e = line.size();
    while (b < e) {
      utf8::CodePoint cp = utf8::DecodeAt(line, b);
      if (utf8::IsLetter(cp.value) || IsAsciiDigit(line[b])) break;
      b += cp.length;
    }
    while (e > b) {
      utf8::CodePoint cp = utf8::DecodeBefore(line, e);
      if (utf8::IsLetter(cp.value) || IsAsciiDigit(line[e - 1])) break;
      e -= cp.length;
    }
    return line.substr(b, e - b);
  }

  // "Skip to main content" and nothing else.
  bool IsSkipLink(std::string_view line, std::vector<PhraseMatch>* scratch,
                  std::string_view* phrase) const {
    std::string_view core = Core(line);
    if (core.empty() || core.size() > 40) return false;
    if (!skip_->MayStartAt(core, 0)) return false;
    scratch->clear();
    skip_->FindAll(core, 0, scratch);
    for (const PhraseMatch& m : *scratch) {
      if (m.span.start == 0 && m.span.end == core.size()) {
        *phrase = skip_->phrase(m.phrase);
        return true;
      }
    }
    return false;
  }

  // "Page 2 of 7", "1 2 3 … 9 Next »", "« Previous | Next »", "Older posts".
  bool IsPagination(std::string_view line, std::vector<PhraseMatch>* scratch) const {
    if (line.size() > 120) return false;
    scratch->clear();
    bool scanned = false;  // the scan waits for the first place that needs a phrase
    int turns = 0, page = 0, of = 0, listing = 0, numbers = 0, arrows = 0;
    int64_t previous_number = -1;
    bool consecutive = true;
    size_t i = 0;
    while (i < line.size()) {
      utf8::CodePoint cp = utf8::DecodeAt(line, i);
      if (IsAsciiDigit(line[i])) {
        int64_t value = 0;
        size_t j = i;
        while (j < line.size() && IsAsciiDigit(line[j]) && j - i < 6) value = value * 10 + (line[j++] - '0');
        if (j < line.size() && utf8::IsLetter(utf8::DecodeAt(line, j).value)) return false;
        if (previous_number >= 0 && value != previous_number + 1) consecutive = false;
        previous_number = value;
        ++numbers;
        i = j;
        continue;
      }
      if (cp.value == U'«' || cp.value == U'»' || cp.value == U'‹' || cp.value == U'›' ||
          cp.value == U'←' || cp.value == U'→' || cp.value == U'<' || cp.value == U'>') {
        ++arrows;
        i += cp.length;
        continue;
      }
      if (utf8::IsSpace(cp.value) || cp.value == U'|' || cp.value == U'…' || cp.value == U'.' ||
          cp.value == U'-' || cp.value == U'–' || cp.value == U'/' || cp.value == U'·') {
        i += cp.length;
        continue;
      }
      if (!pages_->MayStartAt(line, i)) return false;  // no phrase: best == nullptr below
      if (!scanned) {
        pages_->FindAll(line, 0, scratch);
        scanned = true;
      }
      const PhraseMatch* best = nullptr;
      for (const PhraseMatch& m : *scratch) {
        if (m.span.start == i && (best == nullptr || m.span.size() > best->span.size())) best = &m;
      }
      if (best == nullptr) return false;
      std::string_view word = pages_->phrase(best->phrase);
      if (page_kinds_[best->phrase] == kPageTurn) ++turns;
      if (word == "page" || word == "pages") ++page;
      if (word == "of") ++of;
      if (word == "posts" || word == "entries" || word == "results" || word == "page") ++listing;
      i = best->span.end;
    }
    if (page > 0 && of > 0 && numbers >= 2) return true;                  // Page 2 of 7
    if (turns > 0 && (arrows > 0 || numbers > 0 || listing > 0 || turns >= 2)) return true;
    return turns == 0 && page == 0 && of == 0 && numbers >= 3 && consecutive &&
           arrows + numbers >= 3 && previous_number < 1000;  // 1 2 3 4
  }

  // "Home > World > Europe", "Site » Sport » <headline>", "Home / News".
  bool IsBreadcrumb(std::string_view line, std::vector<PhraseMatch>* scratch) const {
    // Split at " > ", " » ", " › ", " / ", " → " (separator between spaces).
    constexpr size_t kMaxSegments = 8;
    std::string_view segments[kMaxSegments];
    size_t count = 0, start = 0;
    // Only the first byte of a separator needs a look: '>' and '/', or the
    // lead byte of » (C2 BB), › (E2 80 BA) and → (E2 86 92). None of them
    // can be inside another character's UTF-8 sequence, so this visits
    // every separator a walk over the code points would (prose lines, most
    // of the text, have none).
    for (size_t i = kSeparatorStart.FindIn(line, 1); i != std::string_view::npos && i + 1 < line.size();
         i = kSeparatorStart.FindIn(line, i + 1)) {
      utf8::CodePoint cp = utf8::DecodeAt(line, i);
      const bool sep = cp.value == U'>' || cp.value == U'»' || cp.value == U'›' ||
                       cp.value == U'/' || cp.value == U'→';
      if (sep && line[i - 1] == ' ' && i + cp.length < line.size() && line[i + cp.length] == ' ') {
        if (count + 1 >= kMaxSegments) return false;
        segments[count++] = Trimmed(line.substr(start, i - start));
        start = i + cp.length;
      }
    }
    if (count == 0) return false;
    // A trail ends with a headline or a section name, not with a full stop.
    size_t end = line.size();
    while (end > 0 && (line[end - 1] == '"' || line[end - 1] == ')' || line[end - 1] == '\'')) --end;
    if (end > 0 && line[end - 1] == '.') return false;
    segments[count++] = Trimmed(line.substr(start));
    bool strong = false;
    for (size_t k = 0; k < count; ++k) {
      if (segments[k].empty()) return false;
      const bool last = k + 1 == count;
      if (last && count >= 3) break;  // the headline, whatever it says
      if (CountBlankSeparatedWords(segments[k]) > 4) return false;
      Cover c = CoverBy(*menu_, menu_kinds_, segments[k], scratch);
      if (count == 2 && !c.full) return false;
      if (c.full && c.items == 1 && c.strong > 0 && !last) strong = true;
    }
    return strong;
  }

  // "Home | Local | Obits | Weather": items joined by explicit separators,
  // most of them section names.
  bool IsSeparatedMenu(std::string_view line, std::vector<PhraseMatch>* scratch) const {
    int items = 0, covered = 0, strong = 0;
    size_t start = 0;
    for (size_t i = 0; i <= line.size();) {
      utf8::CodePoint cp = i < line.size() ? utf8::DecodeAt(line, i) : utf8::CodePoint{0, 1, true};
      if (i == line.size() || IsExplicitSeparator(cp.value)) {
        std::string_view item = Trimmed(line.substr(start, i - start));
        if (!item.empty()) {
          ++items;
          if (CountBlankSeparatedWords(item) > 3) return false;
          if (!utf8::IsLetter(utf8::DecodeAt(item, 0).value) ||
              utf8::CaseOf(utf8::DecodeAt(item, 0).value) == utf8::LetterCase::kLower) {
            return false;
          }
          Cover c = CoverBy(*menu_, menu_kinds_, item, scratch);
          if (c.full) {
            ++covered;
            strong += c.strong;
          }
        }
        start = i + cp.length;
      }
      i += cp.length;
    }
    return items >= 3 && strong >= 2 && covered * 2 >= items;
  }

  static std::string_view Trimmed(std::string_view s) {
    size_t b = 0, e = s.size();
    utf8::Trim(s, &b, &e);
    return s.substr(b, e - b);
  }

  void Report(Analysis& analysis, const PageLayout& layout, const std::vector<LineState>& state,
              size_t i, FindingSink& sink) const {
    const LineState& s = state[i];
    if (s.verdict == Verdict::kNone) return;
    const LineLayout& l = layout.line(i);
    std::string_view line = analysis.view(l.span);
    std::vector<std::string> signals;
    std::string message;
    Evidence extra;
    switch (s.verdict) {
      case Verdict::kSkipLink:
        signals = {"skip-link"};
        message = "skip link \"" + std::string(line) + "\" from the site template";
        break;
      case Verdict::kPagination:
        signals = {"pagination"};
        message = "pagination links from the site template";
        break;
      case Verdict::kBreadcrumb:
        signals = {"breadcrumb"};
        message = "breadcrumb trail from the site template";
        break;
      case Verdict::kMenuLine:
        signals = {"menu-line"};
        message = "site menu on one line";
        break;
      case Verdict::kMenuItem:
      case Verdict::kMenuGap: {
        signals = {s.verdict == Verdict::kMenuItem ? "menu-item" : "between-menu-items",
                   "run:" + std::to_string(s.block_lines),
                   "items:" + std::to_string(s.block_items)};
        const int64_t first = static_cast<int64_t>(s.block_begin + 1);
        const int64_t last = static_cast<int64_t>(s.block_end);
        message = "site menu item \"" + std::string(Core(line)) + "\" (menu on lines " +
                  std::to_string(first) + "-" + std::to_string(last) + ")";
        extra = {{"menu-first-line", first}, {"menu-last-line", last}};
        break;
      }
      case Verdict::kLabel:
        signals = {"section-label", "next-to-breadcrumb"};
        message = "section label \"" + std::string(Core(line)) + "\" next to a breadcrumb";
        break;
      case Verdict::kDom:
        signals = {"dom-template"};
        message = "menu link from the page's navigation";
        break;
      case Verdict::kNone:
        return;
    }
    if (l.short_line) signals.emplace_back("short-line");
    if (l.bullet) signals.emplace_back("bullet");
    signals.emplace_back(RegionSignal(layout.region(i)));
    if (!l.dom_container.empty()) signals.push_back("dom:" + std::string(l.dom_container));
    Evidence evidence = {{"signals", signals}};
    if (!s.phrase.empty()) evidence.emplace_back("phrase", std::string(s.phrase));
    for (auto& e : extra) evidence.push_back(std::move(e));
    sink.Report(l.span, std::move(message), std::move(evidence), layout.RemoveLineFix(i));
  }

  std::vector<uint8_t> menu_kinds_;
  std::unique_ptr<PhraseMatcher> menu_;
  std::vector<uint8_t> legal_kinds_;
  std::unique_ptr<PhraseMatcher> legal_;
  std::unique_ptr<PhraseMatcher> skip_;   // navigation-skip-links
  std::vector<uint8_t> page_kinds_;
  std::unique_ptr<PhraseMatcher> pages_;  // navigation-pagination
};

}  // namespace

std::unique_ptr<Rule> MakeNavigationRule() { return std::make_unique<NavigationRule>(); }

}  // namespace newslint
