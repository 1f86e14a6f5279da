// boilerplate/share-widget: share, follow, print, e-mail and comment-count
// widgets, and runs of social network names, kept as article text.

#include <string>
#include <vector>

#include "lint/phrase_bank.h"
#include "rules/label_lines.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/share-widget",
    Severity::kWarning,
    "Share, follow, print, e-mail and comment-count widgets, and runs of social network names.",
    {
        {"max-words", "int", "12",
         "A line with more words than this is never a widget line, whatever it says."},
    }};

enum Kind : uint8_t { kAction, kAmbiguous, kNetwork };

const LabelLexicon& Lexicon() {
  static const LabelLexicon lexicon({{"share-widget-actions", kAction},
                                     {"share-widget-ambiguous", kAmbiguous},
                                     {"share-widget-networks", kNetwork}});
  return lexicon;
}

// What one line is made of, when it is made only of share labels.
struct LineVerdict {
  enum Strength : uint8_t { kNone, kWeak, kStrong } strength = kNone;
  bool counter = false;  // a comment count: "12 comments", "Comments (3)"
  int actions = 0;
  int networks = 0;
  int labels = 0;
};

bool IsCommentWord(std::string_view label) {
  std::string folded = PhraseMatcher::Fold(label);
  return folded == "comment" || folded == "comments" ||              // English
         folded == "kommentar" || folded == "kommentare" ||          // German
         folded == "commentaire" || folded == "commentaires";        // French
}

LineVerdict Judge(const LabelLexicon& lexicon, std::string_view line, const LabelScan& scan,
                  const std::vector<PhraseMatch>& labels) {
  LineVerdict v;
  if (!scan.only_labels) return v;
  bool comment_word = false;
  for (const PhraseMatch& m : labels) {
    switch (lexicon.kind(m.phrase)) {
      case kAction: ++v.actions; break;
      case kNetwork: ++v.networks; break;
      case kAmbiguous:
        comment_word = comment_word || IsCommentWord(line.substr(m.span.start, m.span.size()));
        break;
    }
  }
  v.labels = static_cast<int>(labels.size());
  v.counter = comment_word && scan.number;
  // One action ("Share", "Follow us"), a row of two networks or of a network
  // and another button, three buttons of any kind, or a comment count.
  const bool strong = v.actions > 0 || v.networks >= 2 || (v.networks >= 1 && v.labels >= 2) ||
                      v.labels >= 3 || v.counter;
  v.strength = strong ? LineVerdict::kStrong : LineVerdict::kWeak;
  return v;
}

bool EndsWithColon(std::string_view s) { return !s.empty() && s.back() == ':'; }

class ShareWidgetRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&Lexicon().matcher()}; }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-words", 12);
    const LabelLexicon& lexicon = Lexicon();
    const PageLayout& layout = analysis.Shared<PageLayout>();

    // Pass 1: which lines are made only of share labels. Allocates only once
    // a line holds a share phrase.
    std::vector<LineVerdict> verdicts;
    std::vector<PhraseMatch> scratch, labels;
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank || l.words > max_words || l.prose) continue;
      std::string_view line = analysis.view(l.span);
      if (!ContainsPhrase(analysis, lexicon.matcher(), line)) continue;
      LabelScan scan = ScanLabelLine(lexicon, line, &scratch, &labels);
      LineVerdict v = Judge(lexicon, line, scan, labels);
      if (v.strength == LineVerdict::kNone) continue;
      if (verdicts.empty()) verdicts.resize(layout.size());
      verdicts[i] = v;
    }
    if (verdicts.empty()) return;

    // Pass 2: clusters of share lines on consecutive non-blank lines. An
    // ambiguous word ("Print", "Email", one network name) needs company: a
    // clear share line in its cluster, a second share line, a place above or
    // below the story, or a share/social container in the page.
    for (size_t first = 0; first < verdicts.size(); ++first) {
      if (verdicts[first].strength == LineVerdict::kNone) continue;
      size_t last = first, size = 1;
      bool any_strong = verdicts[first].strength == LineVerdict::kStrong;
      for (size_t next = layout.NextNonBlank(last);
           next != PageLayout::npos && verdicts[next].strength != LineVerdict::kNone;
           next = layout.NextNonBlank(last)) {
        last = next;
        ++size;
        any_strong = any_strong || verdicts[next].strength == LineVerdict::kStrong;
      }
      // "The platforms fined were:" followed by "Facebook" / "TikTok": a list in the story.
      const size_t before = layout.PreviousNonBlank(first);
      const bool list_intro =
          before != PageLayout::npos && EndsWithColon(analysis.view(layout.line(before).span));
      // Inside the story, a list the story introduces is quoted, not a widget:
      // after a line ending in ":" ("three words were written across the
      // top:" / "Print" / "Share"), whatever the words; and a column of bare
      // network names ("Facebook" / "Instagram" / "WhatsApp") under a
      // sub-heading ("Which services failed"), since a widget's column carries
      // a button word or sits after a paragraph, not under a heading.
      bool quoted_list = false;
      if (before != PageLayout::npos && layout.region(first) == PageRegion::kBody &&
          layout.region(last) == PageRegion::kBody && !layout.DomTokenContains(first, "share") &&
          !layout.DomTokenContains(first, "social")) {
        bool networks_only = true;
        for (size_t i = first; i <= last; ++i) {
          const LineVerdict& v = verdicts[i];
          if (v.strength == LineVerdict::kNone) continue;
          networks_only = networks_only && v.actions == 0 && v.labels == v.networks;
        }
        const LineLayout& b = layout.line(before);
        const bool heading = b.short_line && !b.bullet && b.letters_words > 0 &&
                             layout.region(before) == PageRegion::kBody;
        quoted_list = list_intro || (networks_only && heading);
      }
      for (size_t i = first; i <= last; ++i) {
        if (verdicts[i].strength == LineVerdict::kNone || quoted_list) continue;
        Report(analysis, layout, i, verdicts[i], size, any_strong, list_intro, sink);
      }
      first = last;
    }
  }

 private:
  static void Report(Analysis& analysis, const PageLayout& layout, size_t i, const LineVerdict& v,
                     size_t cluster, bool cluster_strong, bool list_intro, FindingSink& sink) {
    const LineLayout& l = layout.line(i);
    const PageRegion region = layout.region(i);
    const bool dom = layout.DomTokenContains(i, "share") || layout.DomTokenContains(i, "social");
    std::vector<std::string> signals;
    if (v.strength == LineVerdict::kStrong) {
      signals.push_back(v.counter ? "phrase:comment-count"
                        : v.actions > 0 ? "phrase:share-action"
                                        : "phrase:network-row");
    } else {
      signals.push_back("phrase:ambiguous");
      if (cluster_strong) {
        signals.push_back("next-to-share-line");
      } else if (dom) {
        // the container speaks for itself
      } else if (list_intro) {
        return;
      } else if (cluster < 2 && region == PageRegion::kBody) {
        return;
      }
    }
    signals.push_back("labels-only");
    if (l.short_line) signals.push_back("short-line");
    if (cluster >= 2) signals.push_back("cluster:" + std::to_string(cluster));
    signals.emplace_back(RegionSignal(region));
    if (dom) signals.push_back("dom:share");

    std::string_view line = analysis.view(l.span);
    std::string message =
        v.counter ? "comment-count widget left in the article text: \""
        : v.networks >= 2 ? "row of social share buttons left in the article text: \""
                          : "share widget text left in the article text: \"";
    message += Shorten(line);
    message += '"';
    sink.Report(l.span, std::move(message),
                {{"signals", std::move(signals)},
                 {"phrase", Shorten(line)},
                 {"labels", static_cast<int64_t>(v.labels)},
                 {"networks", static_cast<int64_t>(v.networks)}},
                layout.RemoveLineFix(i));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeShareWidgetRule() { return std::make_unique<ShareWidgetRule>(); }

}  // namespace newslint
