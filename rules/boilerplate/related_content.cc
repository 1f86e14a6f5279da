// boilerplate/related-content: lists of other stories ("You might also like",
// "Latest", "Most read", "Next article") and the teaser headlines under them.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/byte_set.h"
#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/related-content",
    Severity::kWarning,
    "Lists of other stories (\"You might also like\", \"Latest\", \"Most read\", \"Next "
    "article\") and the teaser headlines under them.",
    {
        {"max-teaser-words", "int", "40",
         "A line with more words than this ends a list of teasers: it is story text."},
    }};

enum Kind : uint8_t { kHeader, kPrefix, kTeaser, kStop, kMenu };

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsClosing(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'’' || c == U'”' || c == U')' || c == U']' ||
         c == U'»';
}

// The last mark of a line, closing quotes and brackets skipped: '.', '?', '!', or 0.
char32_t FinalMark(std::string_view line) {
  size_t end = line.size();
  while (end > 0) {
    utf8::CodePoint cp = utf8::DecodeBefore(line, end);
    if (!IsClosing(cp.value)) {
      if (cp.value == U'.' || cp.value == U'…') return U'.';
      return cp.value == U'?' || cp.value == U'!' ? cp.value : 0;
    }
    end -= cp.length;
  }
  return 0;
}

// The line with list markers, arrows, colons and other punctuation cut from
// both ends: "› Related stories:" -> "Related stories".
std::string_view Core(std::string_view line, size_t* offset) {
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
  *offset = b;
  return line.substr(b, e - b);
}

// Where a finding comes from.
enum class Role : uint8_t { kNone, kHeader, kItem, kPrevNext, kDom };

struct LineState {
  Role role = Role::kNone;
  size_t header = 0;        // kHeader/kItem: the header's line index
  size_t block_end = 0;     // kHeader/kItem: one past the block's last line
  int items = 0;            // kHeader/kItem: teaser lines in the block
  std::string_view phrase;  // the header or teaser phrase matched
};

class RelatedContentRule : public Rule, public PhraseUser {
 public:
  RelatedContentRule() {
    matcher_ = std::make_unique<PhraseMatcher>(CompileLexicons<uint8_t>(
        {{"related-content-headers", kHeader},
         {"related-content-prefixes", kPrefix},
         {"related-content-teasers", kTeaser},
         {"related-content-stops", kStop},
         {"navigation-sections", kMenu},
         {"navigation-site", kMenu},
         {"navigation-regions", kMenu}},
        &kinds_));
  }

  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {matcher_.get()}; }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int max_words = static_cast<int>(options.GetInt("max-teaser-words", 40));
    const PageLayout& layout = analysis.Shared<PageLayout>();
    const size_t n = layout.size();
    std::vector<LineState> state;
    thread_local std::vector<PhraseMatch> scratch;  // reused: no allocation per article
    ReuseScratch(scratch);
    Scanner scan{this, &analysis, &layout, &scratch, max_words};

    for (size_t i = 0; i < n; ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank) continue;
      std::string_view phrase;
      if (scan.PrevNext(i, &phrase)) {
        if (state.empty()) state.resize(n);
        state[i] = {Role::kPrevNext, i, i + 1, 1, phrase};
        continue;
      }
      bool one_word = false;
      if (scan.Header(i, &phrase, &one_word)) {
        size_t end = 0;
        int items = 0;
        if (scan.Block(i, one_word, &end, &items)) {
          if (state.empty()) state.resize(n);
          for (size_t k = i; k < end; ++k) {
            if (layout.line(k).blank) continue;
            state[k] = {k == i ? Role::kHeader : Role::kItem, i, end, items, phrase};
          }
          i = end - 1;
          continue;
        }
      }
      if (scan.DomRelated(i)) {
        if (state.empty()) state.resize(n);
        state[i].role = Role::kDom;
      }
    }
    if (state.empty()) return;
    for (size_t i = 0; i < n; ++i) Report(analysis, layout, state, i, sink);
  }

 private:
  // Per-call helpers over one article's layout.
  struct Scanner {
    const RelatedContentRule* rule;
    Analysis* analysis;
    const PageLayout* layout;
    std::vector<PhraseMatch>* scratch;
    int max_words;

    std::string_view Line(size_t i) const { return analysis->view(layout->line(i).span); }

    void Find(std::string_view text) const {
      scratch->clear();
      FindPhrases(*analysis, *rule->matcher_, text, 0, scratch);
    }

    // "Previous Article <headline>", "Next article" on a line of its own.
    bool PrevNext(size_t i, std::string_view* phrase) const {
      const LineLayout& l = layout->line(i);
      if (l.words > max_words || l.words < 2) return false;
      size_t offset = 0;
      std::string_view core = Core(Line(i), &offset);
      Find(core);
      for (const PhraseMatch& m : *scratch) {
        if (rule->kinds_[m.phrase] != kTeaser || m.span.start != 0) continue;
        // The title after it starts with a capital, a digit or a quotation mark.
        size_t k = m.span.end;
        while (k < core.size() && (core[k] == ' ' || core[k] == ':' || core[k] == '-')) ++k;
        if (k < core.size()) {
          utf8::CodePoint cp = utf8::DecodeAt(core, k);
          if (utf8::CaseOf(cp.value) == utf8::LetterCase::kLower) continue;
        }
        *phrase = rule->matcher_->phrase(m.phrase);
        return true;
      }
      return false;
    }

    // A header on a line of its own: "You Might Also Like", "Latest:", "More from World".
    bool Header(size_t i, std::string_view* phrase, bool* one_word) const {
      const LineLayout& l = layout->line(i);
      if (l.words == 0 || l.words > 8 || l.prose || FinalMark(Line(i)) == U'.') return false;
      size_t offset = 0;
      std::string_view core = Core(Line(i), &offset);
      Find(core);
      for (const PhraseMatch& m : *scratch) {
        const Kind kind = static_cast<Kind>(rule->kinds_[m.phrase]);
        if (m.span.start != 0) continue;
        if (kind == kHeader && m.span.end == core.size()) {
          *phrase = rule->matcher_->phrase(m.phrase);
          *one_word = CountBlankSeparatedWords(*phrase) == 1;
          return true;
        }
        if (kind == kPrefix && m.span.end < core.size()) {
          const size_t rest = CountBlankSeparatedWords(core.substr(m.span.end));
          if (rest >= 1 && rest <= 5) {
            *phrase = rule->matcher_->phrase(m.phrase);
            *one_word = false;
            return true;
          }
        }
      }
      return false;
    }

    // A copyright or footer line: the page has ended.
    bool Stop(size_t i) const {
      Find(Line(i));
      for (const PhraseMatch& m : *scratch) {
        if (rule->kinds_[m.phrase] == kStop) return true;
      }
      return false;
    }

    // A section label or menu item: the line is only navigation words.
    bool MenuWord(size_t i) const {
      const LineLayout& l = layout->line(i);
      if (l.words > 4 || l.sentence_end) return false;
      std::string_view line = Line(i);
      size_t offset = 0;
      std::string_view core = Core(line, &offset);
      Find(core);
      for (const PhraseMatch& m : *scratch) {
        if (rule->kinds_[m.phrase] == kMenu && m.span.start == 0 && m.span.end == core.size()) {
          return true;
        }
      }
      return false;
    }

    bool Prose(size_t i) const {
      const LineLayout& l = layout->line(i);
      return l.words > max_words || (l.prose && FinalMark(Line(i)) == U'.');
    }

    // A teaser headline: not a sentence of the story (no full stop at the end).
    bool Headline(size_t i, int min_words) const {
      const LineLayout& l = layout->line(i);
      return l.words >= min_words && l.words <= max_words && FinalMark(Line(i)) != U'.';
    }

    bool Starter(size_t i) const {
      std::string_view phrase;
      bool one_word = false;
      return PrevNext(i, &phrase) || Header(i, &phrase, &one_word);
    }

    // The list under header h: groups of non-blank lines separated by blank
    // lines. The first group sets the shape; a group of another size, a
    // footer line, two prose lines in a row (the story resumed), two menu
    // words in a row (a menu) or another header ends the list.
    bool Block(size_t h, bool one_word, size_t* end, int* items) const {
      const size_t n = layout->size();
      size_t g = layout->NextNonBlank(h);
      if (g == PageLayout::npos) return false;
      size_t first_size = 0, last = h;
      int count = 0, headlines = 0, full_stops = 0;
      bool done = false;
      while (!done && g != PageLayout::npos) {
        size_t g_end = g;
        while (g_end < n && !layout->line(g_end).blank) ++g_end;
        const size_t size = g_end - g;
        if (first_size == 0) {
          first_size = size;
        } else if (first_size > 3 || size != first_size) {
          break;
        }
        // A group of one to three lines must hold a headline, or the story resumed.
        if (size <= 3) {
          bool any = false;
          for (size_t k = g; k < g_end; ++k) any = any || (Headline(k, 3) && !Prose(k));
          if (!any) break;
        }
        for (size_t k = g; k < g_end; ++k) {
          if (Stop(k) || Starter(k)) {
            done = true;
            break;
          }
          if (k > g && ((Prose(k) && Prose(k - 1)) || (MenuWord(k) && MenuWord(k - 1)))) {
            // The line before belongs to what follows, not to the list.
            if (last == k - 1) {
              --count;
              headlines -= Headline(k - 1, 4);
              full_stops -= FinalMark(Line(k - 1)) == U'.';
              last = k - 2;
            }
            done = true;
            break;
          }
          if (size == 1 && Prose(k)) {
            done = true;
            break;
          }
          ++count;
          headlines += Headline(k, 4);
          full_stops += FinalMark(Line(k)) == U'.';
          last = k;
        }
        if (!done) g = layout->NextNonBlank(g_end - 1);
      }
      const int min_items = one_word ? 2 : 1;
      if (count < min_items || headlines < 1 || full_stops * 2 > count) return false;
      *end = last + 1;
      *items = count;
      return true;
    }

    // HTML: a line inside a related-stories container, or a headline in an
    // <aside> after the story.
    bool DomRelated(size_t i) const {
      const LineLayout& l = layout->line(i);
      if (l.words == 0 || l.words > max_words || !layout->has_dom()) return false;
      for (std::string_view token : {"related", "recommend", "read-next", "readnext",
                                     "more-stories", "most-read", "mostread", "most-popular",
                                     "outbrain", "taboola"}) {
        if (layout->DomTokenContains(i, token)) return true;
      }
      return l.dom_container == "aside" && layout->region(i) == PageRegion::kTail &&
             Headline(i, 3);
    }
  };

  void Report(Analysis& analysis, const PageLayout& layout, const std::vector<LineState>& state,
              size_t i, FindingSink& sink) const {
    const LineState& s = state[i];
    if (s.role == Role::kNone) return;
    const LineLayout& l = layout.line(i);
    std::vector<std::string> signals;
    std::string message;
    Evidence evidence;
    const int64_t header_line = static_cast<int64_t>(s.header + 1);
    switch (s.role) {
      case Role::kHeader:
        signals = {"phrase:header", "items:" + std::to_string(s.items)};
        message = "header of a list of other stories (\"" +
                  std::string(analysis.view(l.span)) + "\")";
        break;
      case Role::kItem:
        signals = {"under-header", "items:" + std::to_string(s.items)};
        message = "teaser of another story, in the list under \"" +
                  std::string(analysis.view(layout.line(s.header).span)) + "\" (line " +
                  std::to_string(header_line) + ")";
        break;
      case Role::kPrevNext:
        signals = {"phrase:previous-next"};
        message = "\"" + std::string(s.phrase) + "\" link to another story";
        break;
      case Role::kDom:
        signals = {"dom-related"};
        message = "teaser of another story, in the page's related-stories box";
        break;
      case Role::kNone:
        return;
    }
    if (l.short_line) signals.emplace_back("short-line");
    signals.emplace_back(RegionSignal(layout.region(i)));
    if (!l.dom_container.empty()) signals.push_back("dom:" + std::string(l.dom_container));
    evidence.emplace_back("signals", signals);
    if (!s.phrase.empty()) evidence.emplace_back("phrase", std::string(s.phrase));
    if (s.role == Role::kHeader || s.role == Role::kItem) {
      evidence.emplace_back("header-line", header_line);
      evidence.emplace_back("last-line", static_cast<int64_t>(s.block_end));
    }
    sink.Report(l.span, std::move(message), std::move(evidence), layout.RemoveLineFix(i));
  }

  std::vector<uint8_t> kinds_;
  std::unique_ptr<PhraseMatcher> matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeRelatedContentRule() { return std::make_unique<RelatedContentRule>(); }

}  // namespace newslint
