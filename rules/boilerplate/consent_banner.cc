// boilerplate/consent-banner: cookie, privacy or terms consent text (and its
// buttons) that the scraper kept as article text.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "lint/byte_set.h"
#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "rules/label_lines.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/consent-banner",
    Severity::kWarning,
    "Cookie, privacy or terms consent text, and the buttons that go with it, kept in the "
    "article text.",
    {
        {"max-words", "int", "150",
         "A line longer than this many words is article prose, not a banner, whatever it says."},
        {"button-window", "int", "2",
         "A button line (\"Accept\", \"Reject all\") is flagged when it is within this many "
         "non-blank lines of a flagged banner line."},
    }};

enum class PhraseKind : uint8_t {
  kStatement, kObject, kAddress, kVeto, kButton, kControl, kVerb
};

// Characters that may sit between button labels on one line:
// "Accept | Reject", "Accept all / Manage options", "OK ›".
bool IsButtonSeparator(unsigned char c) {
  return c == ' ' || c == '\t' || c == '|' || c == '/' || c == '-' || c == ',' || c == '.' ||
         c == '!' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')';
}

bool IsMultiByteSeparatorAt(std::string_view s, size_t i, size_t* length) {
  // U+00A0, U+00B7 middle dot, U+00BB », U+2013 –, U+2014 —, U+2022 •, U+203A ›, U+00D7 ×
  static constexpr std::string_view kSeparators[] = {"\u00a0", "\u00b7", "\u00bb", "\u2013",
                                                     "\u2014", "\u2022", "\u203a", "\u00d7"};
  for (std::string_view sep : kSeparators) {
    if (s.substr(i, sep.size()) == sep) {
      *length = sep.size();
      return true;
    }
  }
  return false;
}

// How a line opens: with a speaker label of an interview transcript, whose
// "we" and "you" are a speaker's, not the site's.
enum class LabelKind : uint8_t {
  kNone,
  kCertain,  // "Q:", "A.", "ZUCKERBERG:", "MS. ARDERN:"
  kName,     // "Lindgren:", "Erik Solberg:", "Ms. Vestager:": a speaker only in a
             // transcript, where two or more lines open with such a label
};

// Words that open a line with a colon but name no speaker ("Update:",
// "Note:", "Cookie notice:"): they never make a line a transcript's.
bool IsNonSpeakerLabelWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "update", "updated", "note", "notice", "important", "editor's", "editors'", "related",
      "read", "more", "tags", "tag", "photo", "photos", "source", "sources", "tips", "tip",
      "correction", "clarification", "disclaimer", "attention", "alert", "warning", "info",
      "information", "privacy", "cookie", "cookies", "consent", "terms", "data", "policy",
      "advertisement", "sponsored", "share", "follow", "watch", "listen", "see", "also",
      "contact", "email", "e-mail", "subscribe", "sign", "breaking", "live", "latest",
      "topics", "posted", "published", "by", "credit", "caption", "file", "please", "gdpr",
      "settings", "preferences", "accept", "welcome", "hint", "ps", "nb"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

LabelKind SpeakerLabel(std::string_view line) {
  if (line.size() >= 2 && (line[0] == 'Q' || line[0] == 'A') && (line[1] == ':' || line[1] == '.')) {
    return LabelKind::kCertain;
  }
  // (Only the first 41 bytes can hold a label's colon: no need to search a
  // whole paragraph for one.)
  size_t colon = line.substr(0, 41).find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 40) return LabelKind::kNone;
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return LabelKind::kNone;  // "10:42"
  std::string_view label = line.substr(0, colon);
  bool letters = false, lower = false;
  for (char c : label) {
    if (c >= 'A' && c <= 'Z') {
      letters = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      lower = true;  // "Ørsted", "Müller": names with non-ASCII letters
    } else if (c != ' ' && c != '.' && c != '-' && c != '\'') {
      return LabelKind::kNone;
    }
  }
  if (!letters) return LabelKind::kNone;
  if (!lower) return LabelKind::kCertain;
  // Mixed case: one to four words, each capitalised, none a label word.
  size_t words = 0;
  for (size_t i = 0; i < label.size();) {
    while (i < label.size() && label[i] == ' ') ++i;
    if (i >= label.size()) break;
    size_t j = i;
    while (j < label.size() && label[j] != ' ') ++j;
    std::string_view word = label.substr(i, j - i);
    if (!(word[0] >= 'A' && word[0] <= 'Z') || IsNonSpeakerLabelWord(word)) return LabelKind::kNone;
    ++words;
    i = j;
  }
  return words >= 1 && words <= 4 ? LabelKind::kName : LabelKind::kNone;
}

// `button "Accept"` or `buttons "Accept", "Reject all"`.
std::string QuotedList(const std::vector<std::string>& items, std::string_view one,
                       std::string_view many) {
  std::string out(items.size() == 1 ? one : many);
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", \"" : " \"") + items[i] + "\"";
  return out;
}

// What one non-blank line turned out to be.
struct LineVerdict {
  enum Kind { kNone, kBanner, kControl, kButtonCandidate, kButton } kind = kNone;
  std::vector<std::string> statements;
  std::vector<std::string> objects;
  std::vector<std::string> labels;
  size_t words = 0;
  size_t adjacent = 0;  // kButton: the flagged paragraph it sits next to
  size_t banner = 0;    // kButton: the banner line its chain starts from
};

class ConsentBannerRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&matcher_}; }

  ConsentBannerRule() : matcher_(BuildMatcher(&kinds_)) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-words", 150);
    const int64_t window = std::max<int64_t>(0, options.GetInt("button-window", 2));
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();

    std::vector<LineVerdict> verdicts(paragraphs.size());
    thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per article
    ReuseScratch(matches);

    // A transcript: two or more lines open with a speaker's name ("Lindgren:").
    std::vector<LabelKind> labels(paragraphs.size());
    size_t named_labels = 0;
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      labels[i] = SpeakerLabel(analysis.view(paragraphs[i].span));
      if (labels[i] == LabelKind::kName) ++named_labels;
    }

    bool any = false;
    bool block_quote = false;  // inside a statement quoted as a block, without quotation marks
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      std::string_view line = analysis.view(paragraphs[i].span);
      matches.clear();
      FindPhrases(analysis, matcher_, line, 0, &matches);
      bool address = false, veto = false;
      for (const PhraseMatch& m : matches) {
        address = address || KindOf(m.phrase) == PhraseKind::kAddress;
        veto = veto || KindOf(m.phrase) == PhraseKind::kVeto;
      }
      // The block quotation runs from the paragraph after its introduction
      // for as long as the paragraphs keep speaking as "we" or to "you".
      if (block_quote && !address) block_quote = false;
      const bool speaker = labels[i] == LabelKind::kCertain ||
                           (labels[i] == LabelKind::kName && named_labels >= 2);
      if (!matches.empty()) {
        verdicts[i] = Judge(line, matches, max_words, speaker || block_quote);
        any = any || verdicts[i].kind != LineVerdict::kNone;
      }
      if (IntroducesBlockQuote(line, veto)) block_quote = true;
    }
    if (!any) return;

    // Buttons chain from banner text only: a lone control line ("Cookie
    // settings" in a footer) does not pull in the footer links next to it.
    auto flagged = [&](size_t j) {
      auto k = verdicts[j].kind;
      return k == LineVerdict::kBanner || k == LineVerdict::kButton;
    };
    auto attach = [&](size_t i, size_t j) {
      verdicts[i].kind = LineVerdict::kButton;
      verdicts[i].adjacent = j;
      verdicts[i].banner = verdicts[j].kind == LineVerdict::kButton ? verdicts[j].banner : j;
    };
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (verdicts[i].kind != LineVerdict::kButtonCandidate) continue;
      for (size_t d = 1; d <= static_cast<size_t>(window) && d <= i; ++d) {
        if (flagged(i - d)) {
          attach(i, i - d);
          break;
        }
      }
    }
    for (size_t i = verdicts.size(); i-- > 0;) {
      if (verdicts[i].kind != LineVerdict::kButtonCandidate) continue;
      for (size_t d = 1; d <= static_cast<size_t>(window) && i + d < verdicts.size(); ++d) {
        if (flagged(i + d)) {
          attach(i, i + d);
          break;
        }
      }
    }

    for (size_t i = 0; i < verdicts.size(); ++i) {
      Report(analysis.text(), verdicts, i, paragraphs, window, max_words, sink);
    }
  }

 private:
  static PhraseMatcher BuildMatcher(std::vector<PhraseKind>* kinds) {
    return CompileLexicons<PhraseKind>({
        {"consent-statements", PhraseKind::kStatement},
        {"consent-objects", PhraseKind::kObject},
        {"consent-address", PhraseKind::kAddress},
        {"consent-vetoes", PhraseKind::kVeto},
        {"consent-buttons", PhraseKind::kButton},
        {"consent-controls", PhraseKind::kControl},
        {"consent-verbs", PhraseKind::kVerb}}, kinds);
  }

  PhraseKind KindOf(size_t phrase) const { return kinds_[phrase]; }

  static bool StartsWithWeAndOurCount(std::string_view line) {
    return PhraseMatcher::Fold(line.substr(0, 11)) == "we and our" && line.size() > 11 &&
           line[10] == ' ' && line[11] >= '0' && line[11] <= '9';
  }

  static bool IsConditional(std::string_view phrase) {
    return phrase.size() > 3 && (phrase[0] == 'b' || phrase[0] == 'B') &&
           (phrase[1] == 'y' || phrase[1] == 'Y') && phrase[2] == ' ';
  }

  // "The company said in a statement:" / "It read:" on a line of its own:
  // the next paragraph is a quotation set as a block, without quotation marks.
  static bool IntroducesBlockQuote(std::string_view line, bool reporting_verb) {
    if (!line.ends_with(':')) return false;
    if (reporting_verb) return true;
    static constexpr std::string_view kCues[] = {" read:", " reads:", " follows:", " in full:",
                                                 " statement:", " said:", " says:"};
    for (std::string_view cue : kCues) {
      if (line.ends_with(cue)) return true;
    }
    return false;
  }

  // `quoted`: the line is a speaker's in a transcript, or part of a block
  // quotation, so its "we" and "you" are not the site's.
  LineVerdict Judge(std::string_view line, const std::vector<PhraseMatch>& matches,
                    int64_t max_words, bool quoted) const {
    LineVerdict v;
    v.words = CountBlankSeparatedWords(line);
    bool veto = false, address = false, verb = false, unconditional = false;
    InsideQuotationScan inside_quotation(line);
    for (const PhraseMatch& m : matches) {
      PhraseKind kind = KindOf(m.phrase);
      if (kind == PhraseKind::kVeto) veto = true;
      if (kind == PhraseKind::kVerb) verb = true;
      if (kind != PhraseKind::kStatement && kind != PhraseKind::kObject &&
          kind != PhraseKind::kAddress) {
        continue;
      }
      if (inside_quotation(m.span.start)) continue;
      if (kind == PhraseKind::kAddress) {
        address = true;
        continue;
      }
      std::string text(line.substr(m.span.start, m.span.size()));
      // "By using this site" is a condition: a banner when it goes on to the
      // reader's consent ("you agree"), not in "By using this site's search
      // page, you can ...". Other statements stand alone ("we use cookies").
      if (kind == PhraseKind::kStatement && !IsConditional(matcher_.phrase(m.phrase))) {
        unconditional = true;
      }
      auto& list = kind == PhraseKind::kStatement ? v.statements : v.objects;
      if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
    }
    // "We and our 842 partners ...": the consent framework's opening, with
    // the number of vendors in it.
    if (v.statements.empty() && StartsWithWeAndOurCount(line)) {
      v.statements.push_back(std::string(line.substr(0, line.find(' ', 11))));
      unconditional = true;
    }
    if (!veto && address && !v.statements.empty() && !v.objects.empty() &&
        (unconditional || verb) &&
        !quoted &&
        static_cast<int64_t>(v.words) <= max_words) {
      v.kind = LineVerdict::kBanner;
      return v;
    }
    bool control = false;
    if (IsButtonLine(line, matches, &v.labels, &control)) {
      v.kind = control ? LineVerdict::kControl : LineVerdict::kButtonCandidate;
    }
    return v;
  }

  // A short line made only of button labels and separators.
  bool IsButtonLine(std::string_view line, const std::vector<PhraseMatch>& matches,
                    std::vector<std::string>* labels, bool* control) const {
    constexpr size_t kMaxButtonLineBytes = 96;
    constexpr size_t kMaxButtonLineWords = 12;
    if (line.size() > kMaxButtonLineBytes || CountBlankSeparatedWords(line) > kMaxButtonLineWords) {
      return false;
    }
    // On the stack: a line of at most kMaxButtonLineBytes holds a few labels.
    bool covered[kMaxButtonLineBytes] = {};
    // Longest label at each start, left to right, without overlaps, for the evidence.
    absl::InlinedVector<PhraseMatch, 8> buttons;
    for (const PhraseMatch& m : matches) {
      PhraseKind kind = KindOf(m.phrase);
      if (kind != PhraseKind::kButton && kind != PhraseKind::kControl) continue;
      std::fill(covered + m.span.start, covered + m.span.end, true);
      buttons.push_back(m);
    }
    if (buttons.empty()) return false;
    for (size_t i = 0; i < line.size();) {
      size_t length = 1;
      if (!covered[i] && !IsButtonSeparator(static_cast<unsigned char>(line[i])) &&
          !IsMultiByteSeparatorAt(line, i, &length)) {
        return false;
      }
      i += length;
    }
    std::sort(buttons.begin(), buttons.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
      return a.span.start != b.span.start ? a.span.start < b.span.start
                                          : a.span.size() > b.span.size();
    });
    size_t taken_until = 0;
    for (const PhraseMatch& m : buttons) {
      if (m.span.start < taken_until) continue;
      labels->emplace_back(line.substr(m.span.start, m.span.size()));
      taken_until = m.span.end;
      if (KindOf(m.phrase) == PhraseKind::kControl) *control = true;
    }
    return true;
  }

  static void Report(std::string_view text, const std::vector<LineVerdict>& verdicts, size_t i,
                     const std::vector<Paragraph>& paragraphs, int64_t window, int64_t max_words,
                     FindingSink& sink) {
    const LineVerdict& v = verdicts[i];
    const Span span = paragraphs[i].span;
    const Fix fix = RemoveLineFix(text, span.start);  // the banner's line goes whole
    switch (v.kind) {
      case LineVerdict::kBanner:
        sink.Report(span,
                    "cookie/privacy consent banner in the article text (\"" + v.statements[0] +
                        "\" ... \"" + v.objects[0] + "\")",
                    {{"statements", v.statements},
                     {"objects", v.objects},
                     {"words", static_cast<int64_t>(v.words)},
                     {"max-words", max_words}},
                    fix);
        break;
      case LineVerdict::kControl:
        sink.Report(span,
                    "cookie consent " + QuotedList(v.labels, "control", "controls") +
                        " on a line of its own in the article text",
                    {{"labels", v.labels}}, fix);
        break;
      case LineVerdict::kButton: {
        const int64_t distance =
            static_cast<int64_t>(i > v.adjacent ? i - v.adjacent : v.adjacent - i);
        const int64_t banner_line = static_cast<int64_t>(paragraphs[v.banner].line + 1);
        const int64_t adjacent_line = static_cast<int64_t>(paragraphs[v.adjacent].line + 1);
        sink.Report(span,
                    "consent banner " + QuotedList(v.labels, "button", "buttons") +
                        " next to the banner on line " + std::to_string(banner_line),
                    {{"labels", v.labels},
                     {"banner-line", banner_line},
                     {"adjacent-line", adjacent_line},
                     {"distance", distance},
                     {"button-window", window}},
                    fix);
        break;
      }
      case LineVerdict::kNone:
      case LineVerdict::kButtonCandidate:
        break;
    }
  }

  std::vector<PhraseKind> kinds_;  // per phrase of matcher_; declared first, built with it
  PhraseMatcher matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeConsentBannerRule() { return std::make_unique<ConsentBannerRule>(); }

}  // namespace newslint
