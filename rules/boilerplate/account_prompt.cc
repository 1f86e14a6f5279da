// boilerplate/account-prompt: sign-in, registration, subscription, newsletter
// and paywall prompts left in the article text.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    "boilerplate/account-prompt",
    Severity::kWarning,
    "Sign-in, registration, subscription, newsletter and paywall prompts left in the article "
    "text.",
    {
        {"max-words", "int", "50",
         "A line with more words than this is story text, not a prompt, whatever it says."},
        {"window", "int", "2",
         "A weak widget line (\"Welcome back!\", \"Register\", \"Password\") is flagged when it "
         "is within this many non-blank lines of a flagged prompt line."},
    }};

enum class Kind : uint8_t { kLabel, kWeakLabel, kPhrase, kVeto };

constexpr size_t kMaxLabelLineWords = 12;

// Characters that may sit between widget labels: "Sign in | Register", "Log in · Subscribe".
bool IsSeparatorAt(std::string_view s, size_t i, size_t* length) {
  static constexpr std::string_view kMulti[] = {"\u00a0", "\u00b7", "\u2022", "\u2013",
                                                "\u2014", "\u00bb", "\u203a", "\u2192"};
  for (std::string_view sep : kMulti) {
    if (s.substr(i, sep.size()) == sep) {
      *length = sep.size();
      return true;
    }
  }
  *length = 1;
  const char c = s[i];
  return c == ' ' || c == '\t' || c == '|' || c == '/' || c == '-' || c == ',' || c == ':' ||
         c == '?' || c == '!' || c == '.' || c == '>' || c == '[' || c == ']' || c == '(' ||
         c == ')';
}

// A word that addresses the reader or speaks as the site.
bool IsAddressWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"you", "your", "you're", "you’re", "you've",
                                                "you’ve", "our", "us", "we"};
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view k : kWords) {
    if (lower == k) return true;
  }
  return false;
}

// The first word of a prompt written as an order to the reader.
bool IsImperative(std::string_view w) {
  static constexpr std::string_view kWords[] = {"get",   "sign",   "subscribe", "join",
                                                "enter", "support", "become",   "start",
                                                "unlock", "create", "try",      "register"};
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view k : kWords) {
    if (lower == k) return true;
  }
  return false;
}

struct Verdict {
  enum Level : uint8_t { kNone, kWeak, kStrong } level = kNone;
  const char* what = nullptr;
  std::vector<std::string> signals;
  std::vector<std::string> phrases;
};

class AccountPromptRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&matcher_}; }

  AccountPromptRule() : matcher_(BuildMatcher(&kinds_)) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-words", 50);
    const size_t window = static_cast<size_t>(std::max<int64_t>(0, options.GetInt("window", 2)));
    const PageLayout& layout = analysis.Shared<PageLayout>();
    thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per article
    ReuseScratch(matches);
    std::vector<Verdict> verdicts;  // allocated only once a candidate is seen
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& line = layout.line(i);
      if (line.blank || line.words > max_words) continue;
      std::string_view text = analysis.view(line.span);
      matches.clear();
      FindPhrases(analysis, matcher_, text, 0, &matches);
      if (matches.empty()) continue;
      Verdict v = Judge(analysis, layout, i, text, matches);
      if (v.level == Verdict::kNone) continue;
      if (verdicts.empty()) verdicts.resize(layout.size());
      verdicts[i] = std::move(v);
    }
    if (verdicts.empty()) return;

    std::vector<uint8_t> flagged(verdicts.size(), 0);
    std::vector<uint8_t> weak(verdicts.size(), 0);
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (verdicts[i].level == Verdict::kStrong) flagged[i] = 1;
      if (verdicts[i].level == Verdict::kWeak && InDomWidget(layout, i)) flagged[i] = 1;
      weak[i] = verdicts[i].level == Verdict::kWeak;
    }
    const std::vector<size_t> neighbour = layout.JoinFlaggedNeighbours(weak, &flagged, window);
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (!flagged[i]) continue;
      Verdict& v = verdicts[i];
      const LineLayout& line = layout.line(i);
      if (line.short_line) v.signals.push_back("short-line");
      const PageRegion region = layout.region(i);
      v.signals.emplace_back(RegionSignal(region));
      if (InDomWidget(layout, i)) v.signals.push_back("dom:account-widget");
      if (!line.dom_container.empty()) v.signals.push_back("dom:" + std::string(line.dom_container));
      if (neighbour[i] < layout.size()) v.signals.push_back("neighbour");
      Evidence evidence{{"signals", v.signals}, {"phrases", v.phrases}};
      if (neighbour[i] < layout.size()) {
        evidence.push_back({"prompt-line", static_cast<int64_t>(neighbour[i] + 1)});
      }
      sink.Report(line.span, std::string(v.what) + " (\"" + v.phrases.front() + "\") in the article text",
                  std::move(evidence), layout.RemoveLineFix(i));
    }
  }

 private:
  static PhraseMatcher BuildMatcher(std::vector<Kind>* kinds) {
    return CompileLexicons<Kind>({
        {"account-prompt-labels", Kind::kLabel},
        {"account-prompt-weak-labels", Kind::kWeakLabel},
        {"account-prompt-phrases", Kind::kPhrase},
        {"account-prompt-vetoes", Kind::kVeto}}, kinds);
  }

  static bool InDomWidget(const PageLayout& layout, size_t i) {
    static constexpr std::string_view kTokens[] = {"login",     "signin",  "sign-in",
                                                   "subscribe", "newsletter", "paywall",
                                                   "register",  "account"};
    for (std::string_view t : kTokens) {
      if (layout.DomTokenContains(i, t)) return true;
    }
    return false;
  }

  Verdict Judge(Analysis& analysis, const PageLayout& layout, size_t i, std::string_view text,
                const std::vector<PhraseMatch>& matches) const {
    Verdict v;
    const LineLayout& line = layout.line(i);

    // A widget line: only labels and separators.
    if (static_cast<size_t>(line.words) <= kMaxLabelLineWords) {
      bool strong = false;
      if (LabelLine(text, line.bullet, matches, &v.phrases, &strong)) {
        // "• Log in" in the body is a how-to's step; a bulleted menu is
        // boilerplate/navigation's.
        if (line.bullet) return Verdict{};
        v.level = strong ? Verdict::kStrong : Verdict::kWeak;
        v.what = strong ? "sign-in or subscription widget" : "account widget label";
        v.signals.push_back(strong ? "label-line" : "weak-label-line");
        for (const std::string& p : v.phrases) v.signals.push_back("phrase:" + p);
        return v;
      }
      v.phrases.clear();
    }

    // A prompt sentence written to the reader.
    bool veto = false;
    const PhraseMatch* prompt = nullptr;
    InsideQuotationScan inside_quotation(text);
    for (const PhraseMatch& m : matches) {
      if (kinds_[m.phrase] == Kind::kVeto) veto = true;
      if (kinds_[m.phrase] == Kind::kPhrase && !prompt && !inside_quotation(m.span.start)) {
        prompt = &m;
      }
    }
    if (veto || prompt == nullptr) return v;
    // In the story's body, a prose line must also speak to the reader (or
    // open with the prompt): a sentence reporting on paywalls does neither.
    // The reader is addressed outside the phrase itself ("delivered to your
    // inbox" alone is also how a story about scams reads), or the line opens
    // with the prompt or with an imperative ("Get ...", "Join ...").
    const size_t base = line.span.start;
    const bool at_start = prompt->span.start == 0;
    bool address = false, imperative = false;
    std::span<const Token> tokens = analysis.TokensIn(line.span);
    if (!tokens.empty()) imperative = IsImperative(analysis.view(tokens.front().span));
    for (const Token& t : tokens) {
      const bool in_phrase = t.span.start >= base + prompt->span.start &&
                             t.span.end <= base + prompt->span.end;
      if (!in_phrase && IsAddressWord(analysis.view(t.span))) {
        address = true;
        break;
      }
    }
    const bool addressed = at_start || imperative || address;
    // In the story's body, a prose line that does not speak to the reader
    // counts only next to another prompt line.
    v.level = line.prose && layout.region(i) == PageRegion::kBody && !addressed
                  ? Verdict::kWeak
                  : Verdict::kStrong;
    v.what = "paywall, subscription or newsletter prompt";
    v.phrases.push_back(std::string(text.substr(prompt->span.start, prompt->span.size())));
    v.signals.push_back("phrase:" + v.phrases.back());
    if (address) v.signals.push_back("reader-address");
    if (at_start) v.signals.push_back("line-start");
    if (imperative && !at_start) v.signals.push_back("imperative");
    return v;
  }

  // True when `text` (after a list marker) is only widget labels and separators.
  bool LabelLine(std::string_view text, bool bullet, const std::vector<PhraseMatch>& matches,
                 std::vector<std::string>* labels, bool* strong) const {
    size_t pos = 0;
    if (bullet) {
      pos = text.find(' ');
      if (pos == std::string_view::npos) return false;
    }
    while (pos < text.size()) {
      size_t length = 0;
      if (IsSeparatorAt(text, pos, &length)) {
        pos += length;
        continue;
      }
      const PhraseMatch* best = nullptr;
      for (const PhraseMatch& m : matches) {
        const Kind k = kinds_[m.phrase];
        if ((k != Kind::kLabel && k != Kind::kWeakLabel) || m.span.start != pos) continue;
        if (!best || m.span.size() > best->span.size()) best = &m;
      }
      if (best == nullptr) return false;
      if (kinds_[best->phrase] == Kind::kLabel) *strong = true;
      labels->emplace_back(text.substr(best->span.start, best->span.size()));
      pos = best->span.end;
    }
    return !labels->empty();
  }

  std::vector<Kind> kinds_;  // per phrase of matcher_
  PhraseMatcher matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeAccountPromptRule() { return std::make_unique<AccountPromptRule>(); }

}  // namespace newslint
