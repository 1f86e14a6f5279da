// boilerplate/ui-text: interface strings of the page ("Aa", "Undo", "Read
// more", "Advertisement", "Reading: <headline>") kept as article text.

#include <string>
#include <vector>

#include "lint/byte_set.h"
#include "lint/phrase_bank.h"
#include "rules/label_lines.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/ui-text",
    Severity::kWarning,
    "Interface strings of the page (\"Aa\", \"Undo\", \"Read more\", \"Advertisement\") left in "
    "the article text.",
    {
        {"max-words", "int", "12",
         "A line with more words than this is never an interface label, whatever it says."},
        {"max-headline-words", "int", "25",
         "A \"Reading: <headline>\" header is flagged only when the text after the prefix has at "
         "most this many words."},
    }};

enum Kind : uint8_t { kLabel, kAmbiguous, kReadMarker, kUnitWord, kReadingPrefix };

const LabelLexicon& Lexicon() {
  static const LabelLexicon lexicon({{"ui-text-labels", kLabel},
                                     {"ui-text-ambiguous", kAmbiguous},
                                     {"ui-text-units", kReadMarker},
                                     {"ui-text-unit-words", kUnitWord},
                                     {"ui-text-reading-prefixes", kReadingPrefix}});
  return lexicon;
}

struct LineVerdict {
  enum Kind : uint8_t { kNone, kWeak, kStrong, kReadingHeader } kind = kNone;
  bool reading_time = false;
  int labels = 0;
  std::string_view headline;  // kReadingHeader: the text after the prefix
  std::string_view prefix;
};

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class UiTextRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&Lexicon().matcher()}; }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-words", 12);
    const int64_t max_headline_words = options.GetInt("max-headline-words", 25);
    const LabelLexicon& lexicon = Lexicon();
    const PageLayout& layout = analysis.Shared<PageLayout>();

    std::vector<LineVerdict> verdicts;
    std::vector<PhraseMatch> scratch, labels;
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank || l.prose || l.words > max_headline_words + 4) continue;
      std::string_view line = analysis.view(l.span);
      if (!ContainsPhrase(analysis, lexicon.matcher(), line)) continue;
      const LabelScan scan = ScanLabelLine(lexicon, line, &scratch, &labels);
      LineVerdict v;
      if (!labels.empty() && labels[0].span.start == 0 &&
          lexicon.kind(labels[0].phrase) == kReadingPrefix) {
        v = JudgeReadingHeader(article, analysis, layout, i, line, labels[0], max_headline_words);
      } else if (scan.only_labels && l.words <= max_words) {
        v = JudgeLabels(lexicon, scan, labels);
      }
      if (v.kind == LineVerdict::kNone) continue;
      if (verdicts.empty()) verdicts.resize(layout.size());
      verdicts[i] = v;
    }
    if (verdicts.empty()) return;

    // Ambiguous words ("Search", "Menu", "Undo") need company: another
    // interface line next to them, a page container, or a run of short lines
    // above or below the story, and never when they head a list.
    for (size_t first = 0; first < verdicts.size(); ++first) {
      if (verdicts[first].kind == LineVerdict::kNone) continue;
      size_t last = first, size = 1;
      bool any_strong = verdicts[first].kind != LineVerdict::kWeak;
      for (size_t next = layout.NextNonBlank(last);
           next != PageLayout::npos && verdicts[next].kind != LineVerdict::kNone;
           next = layout.NextNonBlank(last)) {
        last = next;
        ++size;
        any_strong = any_strong || verdicts[next].kind != LineVerdict::kWeak;
      }
      for (size_t i = first; i <= last; ++i) {
        if (verdicts[i].kind == LineVerdict::kNone) continue;
        Report(analysis, layout, i, verdicts[i], size, any_strong, sink);
      }
      first = last;
    }
  }

 private:
  static LineVerdict JudgeLabels(const LabelLexicon& lexicon, const LabelScan& scan,
                                 const std::vector<PhraseMatch>& labels) {
    LineVerdict v;
    int strong = 0, ambiguous = 0, markers = 0;
    for (const PhraseMatch& m : labels) {
      switch (lexicon.kind(m.phrase)) {
        case kLabel: ++strong; break;
        case kAmbiguous: ++ambiguous; break;
        case kReadMarker: ++markers; break;
        case kUnitWord: break;
        case kReadingPrefix: return v;  // "Reading:" alone, or in the middle of a line
      }
    }
    v.labels = static_cast<int>(labels.size());
    // "3 min read", "Reading time: 4 minutes": a marker with its number.
    if (markers > 0) {
      if (!scan.number) return v;
      v.reading_time = true;
      v.kind = LineVerdict::kStrong;
      return v;
    }
    if (strong + ambiguous < v.labels) return v;  // a unit word alone ("5 minutes")
    v.kind = strong > 0 || ambiguous >= 3 ? LineVerdict::kStrong : LineVerdict::kWeak;
    return v;
  }

  // "Reading: <headline>": the sticky header that repeats the page's title.
  static LineVerdict JudgeReadingHeader(const Article& article, Analysis& analysis,
                                        const PageLayout& layout, size_t i, std::string_view line,
                                        const PhraseMatch& prefix, int64_t max_headline_words) {
    LineVerdict v;
    std::string_view rest = TrimAscii(line.substr(prefix.span.end));
    const size_t words = CountBlankSeparatedWords(rest);
    if (words < 2 || static_cast<int64_t>(words) > max_headline_words) return v;
    if (rest.back() == '.' || rest.back() == ',' || rest.back() == ';' || rest.back() == ':') {
      return v;
    }
    v.headline = rest;
    v.prefix = line.substr(0, prefix.span.end);
    v.kind = LineVerdict::kReadingHeader;
    if (layout.region(i) != PageRegion::kBody) return v;
    // Inside the story only when it repeats the title or another line.
    if (!article.title.empty() && TrimAscii(article.title) == rest) return v;
    for (size_t k = 0; k < layout.size(); ++k) {
      if (k != i && !layout.line(k).blank && analysis.view(layout.line(k).span) == rest) return v;
    }
    v.kind = LineVerdict::kNone;
    return v;
  }

  static bool HeadsList(const PageLayout& layout, size_t i) {
    const size_t next = layout.NextNonBlank(i);
    return next != PageLayout::npos && layout.line(next).bullet && !layout.line(i).bullet;
  }

  // "The buttons read:" above the run: a list quoted by the story.
  static bool RunIsIntroduced(Analysis& analysis, const PageLayout& layout, size_t i) {
    const size_t before = layout.PreviousNonBlank(layout.line(i).run_begin);
    if (before == PageLayout::npos) return false;
    std::string_view text = analysis.view(layout.line(before).span);
    return !text.empty() && text.back() == ':';
  }

  static void Report(Analysis& analysis, const PageLayout& layout, size_t i, const LineVerdict& v,
                     size_t cluster, bool cluster_strong, FindingSink& sink) {
    const LineLayout& l = layout.line(i);
    const PageRegion region = layout.region(i);
    std::string_view line = analysis.view(l.span);
    std::vector<std::string> signals;

    if (v.kind == LineVerdict::kReadingHeader) {
      signals.push_back("phrase:reading-prefix");
      signals.push_back("headline-shape");
      signals.emplace_back(RegionSignal(region));
      sink.Report(l.span,
                  "sticky \"" + std::string(v.prefix) + "\" header repeating a headline: \"" +
                      Shorten(v.headline) + "\"",
                  {{"signals", std::move(signals)},
                   {"phrase", std::string(v.prefix)},
                   {"headline", Shorten(v.headline)}},
                  layout.RemoveLineFix(i));
      return;
    }

    const bool dom = !l.dom_container.empty() || layout.DomTokenContains(i, "menu") ||
                     layout.DomTokenContains(i, "search") ||
                     layout.DomTokenContains(i, "toolbar") ||
                     layout.DomTokenContains(i, "caption");
    if (v.kind == LineVerdict::kStrong) {
      signals.push_back(v.reading_time ? "phrase:reading-time" : "phrase:ui-label");
    } else {
      signals.push_back("phrase:ambiguous");
      if (cluster_strong) {
        signals.push_back("next-to-ui-line");
      } else if (dom) {
        // the page container speaks for itself
      } else if (!HeadsList(layout, i) &&
                 ((region != PageRegion::kBody && layout.run_length(i) >= 2) ||
                  (layout.run_length(i) >= 3 && !RunIsIntroduced(analysis, layout, i)))) {
        signals.push_back("run:" + std::to_string(layout.run_length(i)));
      } else {
        return;
      }
    }
    signals.push_back("labels-only");
    if (l.short_line) signals.push_back("short-line");
    if (cluster >= 2) signals.push_back("cluster:" + std::to_string(cluster));
    signals.emplace_back(RegionSignal(region));
    if (dom) {
      signals.push_back(l.dom_container.empty() ? "dom:ui-token"
                                                : "dom:" + std::string(l.dom_container));
    }
    sink.Report(l.span,
                (v.reading_time ? "reading-time marker left in the article text: \""
                                : "interface text left in the article text: \"") +
                    Shorten(line) + "\"",
                {{"signals", std::move(signals)},
                 {"phrase", Shorten(line)},
                 {"labels", static_cast<int64_t>(v.labels)}},
                layout.RemoveLineFix(i));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUiTextRule() { return std::make_unique<UiTextRule>(); }

}  // namespace newslint
