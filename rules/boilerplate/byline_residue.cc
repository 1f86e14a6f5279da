// boilerplate/byline-residue: author and timestamp lines of the page template
// ("Last updated: ...", "<author> 3 weeks ago", "By Jane Doe | March 3, 2024")
// left outside the story text.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/byline-residue",
    Severity::kWarning,
    "Author and timestamp lines of the page template outside the story text (\"Last updated: "
    "...\", \"Published 5 hours ago\").",
    {
        {"bare-bylines", "bool", "false",
         "Also flag a byline without a date (\"By Jane Doe\", \"By JOHN SMITH, Associated "
         "Press\") when it stands on a line of its own above or below the story."},
        {"max-words", "int", "16", "A line with more words than this is never a byline line."},
    }};

// What a token of a candidate line is.
enum class Cls : uint8_t {
  kOther,     // not known: a name, or a word of a sentence
  kLabel,     // "updated", "published" (first token of a label phrase)
  kIntro,     // "by", "posted by"
  kMonth,     // "February", "Feb"
  kDateWord,  // weekday, "a.m.", "ET", "at", "weeks"
  kRelative,  // "ago", "yesterday"
  kReadTime,  // "min read"
  kNumber,    // "28", "2023", "6:17" (as two numbers), "4th", "3h"
  kCont,      // the second and later tokens of a multi-word phrase
};

enum class Kind : uint8_t { kLabel, kIntro, kMonth, kDateWord, kRelative, kReadTime };

constexpr size_t kMaxTokens = 24;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "4th", "3h", "6pm", "10am", "5min": digits then a short time or ordinal suffix.
bool IsNumberWithUnit(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && IsAsciiDigit(t[i])) ++i;
  if (i == 0 || i == t.size()) return false;
  // A French clock time: "14h30", "9h05".
  if ((t[i] == 'h' || t[i] == 'H') && i + 3 == t.size() && IsAsciiDigit(t[i + 1]) &&
      IsAsciiDigit(t[i + 2])) {
    return true;
  }
  std::string suffix;
  for (size_t k = i; k < t.size(); ++k) {
    char c = t[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return false;
    suffix.push_back(c);
  }
  static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "am", "pm", "h",
                                                   "m",  "d",  "w",  "y",  "hr", "hrs", "min",
                                                   "mins"};
  for (std::string_view s : kSuffixes) {
    if (suffix == s) return true;
  }
  return false;
}

// "12.03.2024", "1.3.24": day, month and year joined by two dots (German and
// other European dates), which the tokenizer keeps as one number token.
bool IsDottedDate(std::string_view t) {
  size_t parts = 0, digits = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '.') {
      if (digits == 0 || digits > 4 || (parts < 2 && digits > 2)) return false;
      ++parts;
      digits = 0;
    } else if (IsAsciiDigit(t[i])) {
      ++digits;
    } else {
      return false;
    }
  }
  return parts == 3;
}

// Lower-case words that may sit inside an author's name ("Ana de la Cruz").
bool IsNameParticle(std::string_view t) {
  static constexpr std::string_view kWords[] = {"and", "de",  "van", "von", "der", "den",
                                                "la",  "le",  "da",  "di",  "du",  "bin",
                                                "al",  "el",  "dos", "das", "admin", "staff"};
  for (std::string_view w : kWords) {
    if (t == w) return true;
  }
  return false;
}

class BylineResidueRule : public Rule {
 public:
  BylineResidueRule() : matcher_(BuildMatcher(&kinds_)) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const bool bare_bylines = options.GetBool("bare-bylines", false);
    const int64_t max_words = options.GetInt("max-words", 16);
    const PageLayout& layout = analysis.Shared<PageLayout>();
    thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per article
    ReuseScratch(matches);
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& line = layout.line(i);
      if (line.blank || line.prose || line.words == 0 || line.words > max_words ||
          static_cast<size_t>(line.words) > kMaxTokens) {
        continue;
      }
      std::string_view text = analysis.view(line.span);
      // A question ("And a year ago?") is speech, never a template's stamp.
      if (text.ends_with("?")) continue;
      matches.clear();
      matcher_.FindAll(text, line.span.start, &matches);
      if (matches.empty()) continue;
      std::span<const Token> tokens = layout.tokens(i);
      Verdict v = Judge(analysis, layout, i, tokens, matches, bare_bylines);
      if (v.form == nullptr) continue;
      Report(analysis, layout, i, v, sink);
    }
  }

 private:
  struct Verdict {
    const char* form = nullptr;  // nullptr: not a byline line
    const char* message = nullptr;
    std::string phrase;          // the label or intro, as written
    const char* anchor = nullptr;
    bool needs_margin = false;   // only outside the story's paragraphs
  };

  static PhraseMatcher BuildMatcher(std::vector<Kind>* kinds) {
    return CompileLexicons<Kind>({
        {"byline-residue-labels", Kind::kLabel},
        {"byline-residue-intros", Kind::kIntro},
        {"byline-residue-months", Kind::kMonth},
        {"byline-residue-date-words", Kind::kDateWord},
        {"byline-residue-relative", Kind::kRelative},
        {"byline-residue-read-time", Kind::kReadTime}}, kinds);
  }

  static Cls ClsOf(Kind k) {
    switch (k) {
      case Kind::kLabel: return Cls::kLabel;
      case Kind::kIntro: return Cls::kIntro;
      case Kind::kMonth: return Cls::kMonth;
      case Kind::kDateWord: return Cls::kDateWord;
      case Kind::kRelative: return Cls::kRelative;
      case Kind::kReadTime: return Cls::kReadTime;
    }
    return Cls::kOther;
  }

  // Labels and intros are compared first (a line opens with them); among the
  // rest a longer phrase wins ("min read" over "min").
  static int Priority(Kind k) {
    return k == Kind::kLabel || k == Kind::kIntro ? 2 : k == Kind::kReadTime ? 1 : 0;
  }

  Verdict Judge(Analysis& analysis, const PageLayout& layout, size_t i,
                std::span<const Token> tokens, const std::vector<PhraseMatch>& matches,
                bool bare_bylines) const {
    Verdict v;
    const size_t n = tokens.size();
    if (n == 0 || n > kMaxTokens) return v;
    // Classify every token: by the phrase that covers exactly whole tokens,
    // else by its shape.
    std::array<Cls, kMaxTokens> cls{};
    std::array<uint8_t, kMaxTokens> prio{};
    std::array<uint8_t, kMaxTokens> phrase_len{};  // tokens of the phrase starting here
    for (size_t t = 0; t < n; ++t) {
      cls[t] = tokens[t].shape == TokenShape::kNumber ? Cls::kNumber
               : tokens[t].shape == TokenShape::kAlphanumeric &&
                       IsNumberWithUnit(analysis.view(tokens[t].span))
                   ? Cls::kNumber
                   : Cls::kOther;
    }
    for (const PhraseMatch& m : matches) {
      size_t first = n, last = n;
      for (size_t t = 0; t < n; ++t) {
        if (tokens[t].span.start == m.span.start) first = t;
        if (tokens[t].span.end == m.span.end) last = t;
      }
      if (first == n || last == n || last < first) continue;
      const Kind kind = kinds_[m.phrase];
      const int p = Priority(kind) * 16 + static_cast<int>(last - first);
      if (cls[first] != Cls::kOther && cls[first] != Cls::kNumber && p <= prio[first]) continue;
      cls[first] = ClsOf(kind);
      prio[first] = static_cast<uint8_t>(p);
      phrase_len[first] = static_cast<uint8_t>(last - first + 1);
      for (size_t t = first + 1; t <= last; ++t) cls[t] = Cls::kCont;
    }

    // prefix: [intro name...] [label]   or   [label]   or   [Name...] (bare names)
    size_t t = 0;
    bool intro = false, label = false, name = false;
    std::string_view intro_text, label_text;
    if (cls[0] == Cls::kIntro) {
      intro = true;
      intro_text = PhraseText(analysis, tokens, 0, phrase_len[0]);
      t = phrase_len[0];
      size_t names = 0;
      while (t < n && names < 6 && IsNameToken(analysis, tokens[t], cls[t])) {
        ++names;
        ++t;
      }
      if (names == 0) return v;
      name = true;
    } else if (cls[0] == Cls::kOther) {
      size_t names = 0;
      while (t < n && names < 5 && IsNameToken(analysis, tokens[t], cls[t])) {
        ++names;
        ++t;
      }
      if (names == 0 || names > 4 || t == n) return v;
      // "CHAIR: Two years ago.": a speaker's label in a transcript, then
      // what the speaker said; a byline does not put a colon after the name.
      if (analysis.view({tokens[t - 1].span.end, tokens[t].span.start}).find(':') !=
          std::string_view::npos) {
        return v;
      }
      name = true;
    }
    if (t < n && cls[t] == Cls::kLabel) {
      label = true;
      label_text = PhraseText(analysis, tokens, t, phrase_len[t]);
      t += phrase_len[t];
    }
    if (!intro && !label && !name && t != 0) return v;

    // The rest: a date or a time and nothing else.
    bool month = false, relative = false, read_time = false;
    size_t numbers = 0;
    for (size_t k = t; k < n; ++k) {
      switch (cls[k]) {
        case Cls::kMonth: month = true; break;
        case Cls::kRelative: relative = true; break;
        case Cls::kReadTime: read_time = true; break;
        case Cls::kNumber: ++numbers; break;
        case Cls::kDateWord: case Cls::kCont: break;
        default: return v;
      }
    }
    const bool numeric_date = NumericDate(analysis, tokens, t, n);
    // A month anchors a date only next to a number ("Feb 28", "March 2023").
    const char* anchor = read_time                ? "read-time"
                         : relative               ? "relative-time"
                         : month && numbers > 0   ? "month-date"
                         : numeric_date           ? "numeric-date"
                                                  : nullptr;
    const bool empty_rest = t == n;
    // Outside the story: not wedged between two prose lines. The layout's
    // head/tail regions alone are not enough on real pages, where a consent
    // banner above the headline or teasers below the story read as prose.
    const size_t prev = layout.PreviousNonBlank(i), next = layout.NextNonBlank(i);
    const bool in_story = prev != PageLayout::npos && layout.line(prev).prose &&
                          next != PageLayout::npos && layout.line(next).prose;
    const bool by_dom = ByDom(layout, i);
    const bool margin = by_dom || !in_story;
    const bool outer = by_dom || (!in_story && layout.region(i) != PageRegion::kBody);

    if (intro) {
      v.phrase = std::string(intro_text);
      // "by" and its German and French equivalents ("von", "par").
      const std::string folded_intro = PhraseMatcher::Fold(intro_text);
      const bool by_alone = folded_intro == "by" || folded_intro == "von" || folded_intro == "par";
      if (anchor != nullptr) {
        v.form = "byline-with-date";
        v.message = "author and date line of the page template";
        v.anchor = anchor;
        return v;
      }
      if (!empty_rest) return Verdict{};
      if (by_alone && !bare_bylines) return Verdict{};
      v.form = by_alone ? "bare-byline" : "author-line";
      v.message = "author line of the page template";
      v.needs_margin = true;
      return margin ? v : Verdict{};
    }
    if (anchor == nullptr) return v;
    v.anchor = anchor;
    if (label) {
      v.form = "timestamp";
      v.phrase = std::string(label_text);
      v.message = "timestamp line of the page template";
      return v;
    }
    if (read_time) {
      // A bare "4 min read" is an interface string (boilerplate/ui-text's);
      // this rule takes it only with a date or an author on the line.
      if (!name && !month && !relative && !numeric_date) return Verdict{};
      v.form = "reading-time";
      v.message = "reading-time line of the page template";
      return v;
    }
    // "Merry 3 weeks ago", "Jane Doe February 28, 2023": only outside the
    // story's paragraphs; a date alone only above or below the story too.
    v.needs_margin = true;
    if (name ? !margin : !outer) return Verdict{};
    v.form = name ? "author-with-date" : "date";
    v.message = name ? "author and date line of the page template"
                     : "date line of the page template";
    return v;
  }

  static std::string_view PhraseText(Analysis& analysis, std::span<const Token> tokens,
                                     size_t first, size_t len) {
    if (len == 0) len = 1;
    return analysis.view({tokens[first].span.start, tokens[first + len - 1].span.end});
  }

  static bool IsNameToken(Analysis& analysis, const Token& token, Cls cls) {
    if (cls != Cls::kOther) return false;
    switch (token.shape) {
      case TokenShape::kCapitalized: case TokenShape::kUpper: case TokenShape::kMixed:
        return true;
      case TokenShape::kLower:
        return IsNameParticle(analysis.view(token.span));
      default:
        return false;
    }
  }

  // Three or more numbers joined by "/", "-" or "." ("2023/02/28",
  // "28.02.2023", "2024-03-12").
  static bool NumericDate(Analysis& analysis, std::span<const Token> tokens, size_t from,
                          size_t n) {
    size_t chain = 0;
    for (size_t k = from; k < n; ++k) {
      if (tokens[k].shape != TokenShape::kNumber) {
        chain = 0;
        continue;
      }
      // "12.03.2024": a German dotted date is one number token.
      if (IsDottedDate(analysis.view(tokens[k].span))) return true;
      if (chain > 0 && k > 0) {
        std::string_view gap =
            analysis.view({tokens[k - 1].span.end, tokens[k].span.start});
        if (gap == "/" || gap == "-" || gap == ".") {
          if (++chain >= 3) return true;
          continue;
        }
      }
      chain = 1;
    }
    return false;
  }

  static bool ByDom(const PageLayout& layout, size_t i) {
    static constexpr std::string_view kTokens[] = {"byline", "author", "dateline", "timestamp",
                                                   "meta", "posted-on", "entry-date"};
    for (std::string_view token : kTokens) {
      if (layout.DomTokenContains(i, token)) return true;
    }
    return false;
  }

  static void Report(Analysis& analysis, const PageLayout& layout, size_t i, const Verdict& v,
                     FindingSink& sink) {
    const LineLayout& line = layout.line(i);
    std::vector<std::string> signals;
    signals.push_back(std::string("form:") + v.form);
    if (!v.phrase.empty()) signals.push_back("phrase:" + v.phrase);
    if (v.anchor != nullptr) signals.push_back(std::string("anchor:") + v.anchor);
    if (line.short_line) signals.push_back("short-line");
    const PageRegion region = layout.region(i);
    signals.emplace_back(RegionSignal(region));
    if (v.needs_margin) signals.push_back("outside-prose");
    if (ByDom(layout, i)) signals.push_back("dom:byline");
    if (!line.dom_container.empty()) signals.push_back("dom:" + std::string(line.dom_container));
    Evidence evidence{{"signals", signals}, {"form", std::string(v.form)},
                      {"words", static_cast<int64_t>(line.words)}};
    if (!v.phrase.empty()) evidence.push_back({"phrase", v.phrase});
    static_cast<void>(analysis);
    sink.Report(line.span, v.message, std::move(evidence), layout.RemoveLineFix(i));
  }

  std::vector<Kind> kinds_;  // per phrase of matcher_; declared first, built with it
  PhraseMatcher matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeBylineResidueRule() { return std::make_unique<BylineResidueRule>(); }

}  // namespace newslint
