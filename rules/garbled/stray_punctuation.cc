// garbled/stray-punctuation: doubled, clashing or detached punctuation left by
// machine translation, spinning or scraping (". ." ",," " ," ",.").

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "lint/byte_set.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/stray-punctuation",
    Severity::kWarning,
    "Doubled, clashing or detached punctuation that no editor would leave, such as \". .\", "
    "\",,\", \",.\" or a space before a comma.",
    {
        {"space-before", "bool", "true",
         "Flag a space before a comma or full stop (\"the company , which\"), and before a "
         "semicolon or colon."},
        {"abbreviations", "list", "[]",
         "More lower-case abbreviations after which \".,\" and \".;\" are correct, on top of "
         "the built-in list."},
    }};

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlnum(char c) { return IsAsciiLower(c) || IsAsciiUpper(c) || (c >= '0' && c <= '9'); }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsHighByte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// The end of a word, a number, or a closing quote or bracket: what a comma or
// full stop can follow. Bytes >= 0x80 are letters or typographic quotes.
bool EndsWord(char c) {
  return IsAsciiAlnum(c) || IsHighByte(c) || c == ')' || c == ']' || c == '"' || c == '\'' ||
         c == '%';
}

bool ClosingQuoteAt(std::string_view line, size_t i) {
  if (i >= line.size()) return false;
  if (line[i] == '"' || line[i] == '\'' || line[i] == ')') return true;
  return line.substr(i, 3) == "\u201d" || line.substr(i, 3) == "\u2019";
}

struct Stray {
  Span span;  // in the line
  std::string kind;
  std::string message;
  std::optional<std::string> fix;
  std::string word;  // the word before ".,", for the evidence
};

class StrayPunctuationRule : public Rule {
 public:
  StrayPunctuationRule() {
    for (std::string_view a : LexiconEntries("stray-punctuation-abbreviations")) {
      abbreviations_.emplace(a);
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const bool space_before = options.GetBool("space-before", true);
    // A space before ":" ";" "?" "!" used throughout the article is a
    // typographic convention (French), not a slip: then detached colons and
    // semicolons are left alone.
    const bool spaced_high_punctuation = SpacedHighPunctuationCount(analysis.text()) >= 3;
    std::unordered_set<std::string> extra;
    for (const std::string& a : options.GetList("abbreviations")) extra.insert(a);

    std::vector<Stray> found;
    for (const Paragraph& p : analysis.paragraphs()) {
      std::string_view line = analysis.view(p.span);
      found.clear();
      if (IsPunctuationOnly(line)) {
        found.push_back({{0, line.size()},
                         "punctuation-only line",
                         "line of nothing but stray punctuation \"" + std::string(line) + "\"",
                         std::string(),
                         ""});
      } else {
        ScanLine(line, space_before, space_before && !spaced_high_punctuation, extra, &found);
      }
      for (Stray& s : found) {
        Span span{p.span.start + s.span.start, p.span.start + s.span.end};
        Evidence evidence = {{"kind", s.kind},
                             {"text", std::string(line.substr(s.span.start, s.span.size()))}};
        if (!s.word.empty()) evidence.emplace_back("word", s.word);
        std::optional<Fix> fix;
        if (s.fix) fix = Fix{span, *s.fix};
        sink.Report(span, std::move(s.message), std::move(evidence), std::move(fix));
      }
    }
  }

 private:
  // "." ". ." ",": a line with punctuation and nothing else. An ellipsis line
  // ("...", ". . .") is left alone; so are dashes and asterisks (section breaks).
  static bool IsPunctuationOnly(std::string_view line) {
    size_t dots = 0, others = 0;
    for (char c : line) {
      if (c == '.') {
        ++dots;
      } else if (c == ',' || c == ';' || c == ':') {
        ++others;
      } else if (!IsBlank(c)) {
        return false;
      }
    }
    return others > 0 || (dots > 0 && dots < 3);
  }

  // A URL, e-mail address, path or code fragment: punctuation rules do not apply.
  static bool InsideUrlOrCode(std::string_view line, size_t pos) {
    size_t start = pos, end = pos;
    while (start > 0 && !IsBlank(line[start - 1])) --start;
    while (end < line.size() && !IsBlank(line[end])) ++end;
    std::string_view token = line.substr(start, end - start);
    return token.find("://") != std::string_view::npos ||
           token.find("www.") != std::string_view::npos ||
           token.find_first_of("@/\\=<>{}|") != std::string_view::npos;
  }

  // Start of the blanks that end right before `pos`, if a word ends before
  // them; npos otherwise.
  static size_t DetachedFrom(std::string_view line, size_t pos) {
    if (pos == 0 || !IsBlank(line[pos - 1])) return std::string_view::npos;
    size_t k = pos;
    while (k > 0 && IsBlank(line[k - 1])) --k;
    if (k == 0 || !EndsWord(line[k - 1])) return std::string_view::npos;
    // ":-) ," ";) .": an emoticon ends in a bracket but is not a word.
    if (line[k - 1] == ')' && k >= 2 &&
        (line[k - 2] == ':' || line[k - 2] == ';' || line[k - 2] == '-' || line[k - 2] == '=')) {
      return std::string_view::npos;
    }
    return k;
  }

  // Occurrences of a letter, a space (ASCII or no-break) and one of : ; ? !
  static int SpacedHighPunctuationCount(std::string_view text) {
    static constexpr ByteSet kHigh(":;?!");
    int count = 0;
    for (size_t i = kHigh.FindIn(text, 2); i != std::string_view::npos;
         i = kHigh.FindIn(text, i + 1)) {
      size_t k = i;
      if (text[k - 1] == ' ') {
        k -= 1;
      } else if (static_cast<unsigned char>(text[k - 1]) == 0xA0 &&
                 static_cast<unsigned char>(text[k - 2]) == 0xC2) {
        k -= 2;
      } else {
        continue;
      }
      if (k > 0) {
        const unsigned char b = static_cast<unsigned char>(text[k - 1]);
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80) ++count;
      }
    }
    return count;
  }

  void ScanLine(std::string_view line, bool space_before, bool detached_colons,
                const std::unordered_set<std::string>& extra, std::vector<Stray>* out) const {
    // Every test below starts at one of these bytes; the others are skipped
    // (ByteSet::FindIn, 16 bytes at a time).
    static constexpr ByteSet kMark(".,;:([");
    for (size_t i = 0; i < line.size();) {
      i = kMark.FindIn(line, i);
      if (i == std::string_view::npos) break;
      const char c = line[i];
      if (c == '.') {
        i = ScanDots(line, i, space_before, extra, out);
        continue;
      }
      if (c == ',') {
        size_t j = i;
        while (j < line.size() && line[j] == ',') ++j;
        size_t n = j;
        while (n < line.size() && IsBlank(line[n])) ++n;
        const size_t detached = DetachedFrom(line, i);
        if (j - i == 1 && n > j && n < line.size() && line[n] == ',' &&
            (detached != std::string_view::npos || (i > 0 && EndsWord(line[i - 1]))) &&
            !InsideUrlOrCode(line, i)) {
          // "rose , , officials said" / "rose, , officials": a comma whose
          // clause was dropped between two others. One finding, space
          // before it included.
          size_t m = n;
          while (m < line.size() && line[m] == ',') ++m;
          size_t start = detached != std::string_view::npos ? detached : i;
          out->push_back({{start, m},
                          "spaced doubled comma",
                          "doubled comma \"" + std::string(line.substr(i, m - i)) + "\"",
                          std::string(","),
                          ""});
          i = m;
          continue;
        }
        if (space_before) {
          if (size_t k = detached; k != std::string_view::npos && !InsideUrlOrCode(line, k - 1)) {
            out->push_back(
                {{k, i + 1}, "space before comma", "space before a comma", std::string(","), ""});
          }
        }
        if (j - i >= 2 && !InsideUrlOrCode(line, i)) {
          out->push_back({{i, j},
                          "doubled comma",
                          "doubled comma \"" + std::string(line.substr(i, j - i)) + "\"",
                          std::string(","),
                          ""});
        } else if (j < line.size() &&
                   (line[j] == ';' || line[j] == ':' ||
                    (line[j] == '.' && line.substr(j, 2) != "..")) &&
                   !InsideUrlOrCode(line, i)) {
          out->push_back({{i, j + 1},
                          "comma clash",
                          "comma followed by \"" + std::string(1, line[j]) + "\"",
                          std::nullopt,
                          ""});
          j += 1;
        }
        i = j;
        continue;
      }
      if (c == ';' && i + 1 < line.size() && line[i + 1] == ';' && i > 0 && EndsWord(line[i - 1]) &&
          (i + 2 >= line.size() || IsBlank(line[i + 2])) && !InsideUrlOrCode(line, i) &&
          !ClosesCharacterReference(line, i)) {
        out->push_back(
            {{i, i + 2}, "doubled semicolon", "doubled semicolon \";;\"", std::string(";"), ""});
        i += 2;
        continue;
      }
      if ((c == ';' || c == ':') && i + 1 < line.size() &&
          (line[i + 1] == '.' || line[i + 1] == ',') && line.substr(i + 1, 2) != ".." && i > 0 &&
          (EndsWord(line[i - 1]) || IsBlank(line[i - 1])) &&
          (i + 2 >= line.size() || IsBlank(line[i + 2])) && !InsideUrlOrCode(line, i) &&
          !ClosesCharacterReference(line, i)) {
        // "prices rose ;." "the mayor said:,": two clause marks in a row,
        // one of them left from a sentence that was cut.
        out->push_back({{i, i + 2},
                        c == ';' ? "semicolon clash" : "colon clash",
                        std::string(c == ';' ? "semicolon" : "colon") + " followed by \"" +
                            std::string(1, line[i + 1]) + "\"",
                        std::nullopt,
                        ""});
        i += 2;
        continue;
      }
      if ((c == '(' || c == '[') && EmptyBrackets(line, i, out)) {
        i += 1;
        continue;
      }
      if ((c == ';' || c == ':') && detached_colons) DetachedSemicolonOrColon(line, i, out);
      ++i;
    }
  }

  // "approved ; critics" "said : no": a space before ";" or ":", as French
  // typography writes them and machine translation carries over. Only before
  // a space or the end of the line, so emoticons (" :)" " ;-)") are left
  // alone, and not between numbers ("a 3 : 1 ratio", "2 : 1 win").
  static void DetachedSemicolonOrColon(std::string_view line, size_t i, std::vector<Stray>* out) {
    size_t k = DetachedFrom(line, i);
    if (k == std::string_view::npos) return;
    if (i + 1 < line.size() && !IsBlank(line[i + 1])) return;
    size_t n = i + 1;
    while (n < line.size() && IsBlank(line[n])) ++n;
    bool digit_before = line[k - 1] >= '0' && line[k - 1] <= '9';
    bool digit_after = n < line.size() && line[n] >= '0' && line[n] <= '9';
    if (line[i] == ':' && digit_before && digit_after) return;
    if (InsideUrlOrCode(line, k - 1)) return;
    const bool semi = line[i] == ';';
    out->push_back({{k, i + 1},
                    semi ? "space before semicolon" : "space before colon",
                    semi ? "space before a semicolon" : "space before a colon",
                    std::string(1, line[i]),
                    ""});
  }

  // "approved () by the council", "shares of Acme [] rose": brackets with
  // nothing inside, after a word and a space, in the middle of a sentence:
  // what is left when a scraper drops a link, a ticker or a credit from
  // them. Not "f()" (code: no space before), not "( )" or "[ ]" with a space
  // inside (a form's blank, a checklist box), not at the end of a line.
  static bool EmptyBrackets(std::string_view line, size_t i, std::vector<Stray>* out) {
    const char close = line[i] == '(' ? ')' : ']';
    size_t j = i + 1;
    if (j >= line.size() || line[j] != close) return false;
    size_t after = j + 1;
    if (after >= line.size()) return false;
    if (!IsBlank(line[after]) && line[after] != ',' && line[after] != '.' && line[after] != ';') {
      return false;
    }
    size_t k = DetachedFrom(line, i);
    if (k == std::string_view::npos || line[k - 1] == ')' || line[k - 1] == ']') return false;
    if (InsideUrlOrCode(line, k - 1)) return false;
    out->push_back({{k, after},
                    "empty brackets",
                    "empty brackets \"" + std::string(line.substr(i, after - i)) +
                        "\": what they held was lost",
                    std::string(),
                    ""});
    return true;
  }

  // "&amp;;": the first ";" ends an HTML entity (garbled/html-residue's business).
  static bool ClosesCharacterReference(std::string_view line, size_t i) {
    size_t k = i;
    while (k > 0 && (IsAsciiAlnum(line[k - 1]) || line[k - 1] == '#')) --k;
    return k > 0 && line[k - 1] == '&';
  }

  // A run of full stops, possibly spaced (". . ."), starting at line[i]; the
  // index after it.
  size_t ScanDots(std::string_view line, size_t i, bool space_before,
                  const std::unordered_set<std::string>& extra, std::vector<Stray>* out) const {
    size_t j = i, dots = 0;
    bool spaced = false;
    while (j < line.size()) {
      if (line[j] == '.') {
        ++dots;
        ++j;
      } else if (line[j] == ' ' && j + 1 < line.size() && line[j + 1] == '.' && dots > 0) {
        spaced = true;
        ++j;
      } else {
        break;
      }
    }
    if (dots >= 3) return j;  // an ellipsis, typed or AP-style spaced
    if (dots == 2) {
      DoubledFullStop(line, i, j, spaced, out);
      return j;
    }
    if (space_before) DetachedFullStop(line, i, out);
    if (j < line.size() && (line[j] == ',' || line[j] == ';')) {
      FullStopClash(line, i, extra, out);
    }
    return j;
  }

  // ". ." always; ".." after a word at the end of a line or before a new
  // sentence ("U.S.. The"), not before lower case ("wait.. what", informal).
  static void DoubledFullStop(std::string_view line, size_t i, size_t j, bool spaced,
                              std::vector<Stray>* out) {
    if (InsideUrlOrCode(line, i)) return;
    if (spaced) {
      if (j < line.size() && IsAsciiAlnum(line[j])) return;  // "in Java. .NET is"
      size_t start = i;
      if (size_t k = DetachedFrom(line, i); k != std::string_view::npos) start = k;
      out->push_back({{start, j},
                      "spaced double full stop",
                      "stray \". .\": a doubled full stop, not an ellipsis",
                      std::string("."),
                      ""});
      return;
    }
    if (i == 0 || !EndsWord(line[i - 1])) return;
    size_t k = j;
    while (k < line.size() && IsBlank(line[k])) ++k;
    bool sentence_follows =
        k == line.size() ||
        (k > j && (IsAsciiUpper(line[k]) || line[k] == '"' || line.substr(k, 3) == "\u201c"));
    if (!sentence_follows) return;
    out->push_back({{i, j},
                    "doubled full stop",
                    "doubled full stop \"..\", not an ellipsis",
                    std::string("."),
                    ""});
  }

  // "the company ." : a full stop detached from its word, followed by a space
  // or the end of the line (so " .com", " .45" and ".NET" are left alone).
  static void DetachedFullStop(std::string_view line, size_t i, std::vector<Stray>* out) {
    size_t k = DetachedFrom(line, i);
    if (k == std::string_view::npos) return;
    size_t after = i + 1;
    bool ends = after >= line.size() || IsBlank(line[after]) || ClosingQuoteAt(line, after);
    if (!ends) return;
    if (line.substr(after, 4) == " NET" &&
        (after + 4 >= line.size() || !IsAsciiAlnum(line[after + 4]))) {
      return;  // "Microsoft's . NET framework": ".NET" with a space in it
    }
    if (InsideUrlOrCode(line, k - 1)) return;
    out->push_back(
        {{k, i + 1}, "space before full stop", "space before a full stop", std::string("."), ""});
  }

  // ".," ".;" after an ordinary lower-case word ("said.,"). Correct after
  // abbreviations: "Inc.," "U.S.," "a.m.;" "etc.," are never flagged. ".:" is
  // not questioned at all: glossaries and dictionaries write "adj.:".
  void FullStopClash(std::string_view line, size_t i, const std::unordered_set<std::string>& extra,
                     std::vector<Stray>* out) const {
    size_t w = i;
    while (w > 0 && IsAsciiLower(line[w - 1])) --w;
    if (i - w < 3) return;
    if (w > 0 && !IsBlank(line[w - 1]) && line[w - 1] != '(' && line[w - 1] != '"') return;
    std::string word(line.substr(w, i - w));
    if (abbreviations_.count(word) || extra.count(word)) return;
    if (i - w <= kMaxUnitLength && FollowsNumber(line, w)) return;
    if (InsideUrlOrCode(line, i)) return;
    out->push_back({{i, i + 2},
                    "full stop clash",
                    "full stop followed by \"" + std::string(1, line[i + 1]) + "\" after \"" +
                        word + "\", which is not an abbreviation",
                    std::nullopt,
                    word});
  }

  // "8 reb.," "2 doz.;" "5 yds.,": a short word right after a number is a
  // unit or a statistic, abbreviated.
  static constexpr size_t kMaxUnitLength = 4;
  static bool FollowsNumber(std::string_view line, size_t w) {
    size_t k = w;
    while (k > 0 && IsBlank(line[k - 1])) --k;
    return k < w && k > 0 && line[k - 1] >= '0' && line[k - 1] <= '9';
  }

  std::unordered_set<std::string> abbreviations_;
};

}  // namespace

std::unique_ptr<Rule> MakeStrayPunctuationRule() {
  return std::make_unique<StrayPunctuationRule>();
}

}  // namespace newslint
