// metadata/language: the body is not in the language the dataset expects
// (`expected = "en"`), by two documented measures: the script of its letters,
// and, for Latin-script text, which language's function words it is made of.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "metadata/language",
    Severity::kWarning,
    "The body is not written in the language the dataset expects: its letters are in another "
    "script, or its function words are another language's.",
    {
        {"expected", "string", "\"\"",
         "The expected language, an ISO 639-1 code (en, de, fr, es, it, pt, nl, sv, pl, tr; "
         "or ru, uk, bg, el, ar, fa, he, hi, zh, ja, ko, th for their scripts). Empty: the rule "
         "is off."},
        {"min-words", "int", "30", "Shorter bodies get no verdict."},
        {"min-share", "double", "0.2",
         "The detected language's function words must make at least this share of the words."},
        {"max-expected-share", "double", "0.08",
         "... and the expected language's at most this share (a story quoting another "
         "language at length keeps more than this of its own)."},
        {"max-script-share", "double", "0.5",
         "Letters in a script other than the expected one's above this share make the verdict "
         "on their own."},
    }};

constexpr std::array<std::string_view, 10> kLatin = {"en", "de", "fr", "es", "it",
                                                     "pt", "nl", "sv", "pl", "tr"};

enum class Script : uint8_t {
  kLatin, kCyrillic, kGreek, kArabic, kHebrew, kDevanagari, kHan, kKana, kHangul, kThai,
  kOther, kCount
};

constexpr std::array<std::string_view, static_cast<size_t>(Script::kCount)> kScriptNames = {
    "latin", "cyrillic", "greek", "arabic", "hebrew", "devanagari", "han", "kana", "hangul",
    "thai", "other"};

Script ScriptOf(char32_t cp) {
  if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) return Script::kLatin;
  if (cp >= 0x370 && cp < 0x400) return Script::kGreek;
  if (cp >= 0x1F00 && cp < 0x2000) return Script::kGreek;
  if (cp >= 0x400 && cp < 0x530) return Script::kCyrillic;
  if (cp >= 0x590 && cp < 0x600) return Script::kHebrew;
  if ((cp >= 0x600 && cp < 0x780) || (cp >= 0xFB50 && cp < 0xFE00) ||
      (cp >= 0xFE70 && cp < 0xFF00)) {
    return Script::kArabic;
  }
  if (cp >= 0x900 && cp < 0x980) return Script::kDevanagari;
  if (cp >= 0xE00 && cp < 0xE80) return Script::kThai;
  if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0xAC00 && cp < 0xD7B0) ||
      (cp >= 0x3130 && cp < 0x3190)) {
    return Script::kHangul;
  }
  if (cp >= 0x3040 && cp < 0x3100) return Script::kKana;
  if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0) ||
      (cp >= 0x20000 && cp < 0x2FA20)) {
    return Script::kHan;
  }
  return Script::kOther;
}

// The script an expected language is written in; kOther when unknown.
Script ScriptOfLanguage(std::string_view code) {
  if (std::find(kLatin.begin(), kLatin.end(), code) != kLatin.end()) return Script::kLatin;
  static const std::unordered_map<std::string_view, Script> kMap = {
      {"ru", Script::kCyrillic}, {"uk", Script::kCyrillic}, {"bg", Script::kCyrillic},
      {"sr", Script::kCyrillic}, {"el", Script::kGreek},    {"ar", Script::kArabic},
      {"fa", Script::kArabic},   {"ur", Script::kArabic},   {"he", Script::kHebrew},
      {"hi", Script::kDevanagari}, {"mr", Script::kDevanagari}, {"ne", Script::kDevanagari},
      {"zh", Script::kHan},      {"ja", Script::kKana},     {"ko", Script::kHangul},
      {"th", Script::kThai}};
  auto it = kMap.find(code);
  return it == kMap.end() ? Script::kOther : it->second;
}

class LanguageRule : public Rule {
 public:
  LanguageRule() {
    for (size_t l = 0; l < kLatin.size(); ++l) {
      for (std::string_view w : LexiconEntries("language-" + std::string(kLatin[l]))) {
        words_[w] |= uint16_t{1} << l;
      }
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const std::string expected = options.GetString("expected", "");
    if (expected.empty()) return;
    const Script expected_script = ScriptOfLanguage(expected);
    if (expected_script == Script::kOther) return;  // a language the rule cannot tell

    const std::string_view text = article.text;
    // Letters by script.
    std::array<int64_t, static_cast<size_t>(Script::kCount)> letters{};
    int64_t all_letters = 0;
    for (size_t i = 0; i < text.size();) {
      const utf8::CodePoint cp = utf8::DecodeAt(text, i);
      i += cp.length;
      if (!cp.valid || cp.value < 0x41) continue;
      // Han, kana and Hangul are uncased: CaseOf says kUncased for letters.
      if (!utf8::IsLetter(cp.value)) continue;
      ++letters[static_cast<size_t>(ScriptOf(cp.value))];
      ++all_letters;
    }
    // Function words of the Latin-script languages.
    std::array<int64_t, kLatin.size()> hits{};
    int64_t words = 0;
    for (const Token& t : analysis.tokens()) {
      if (t.shape == TokenShape::kNumber) continue;
      ++words;
      auto it = words_.find(analysis.lower_view(t.span));
      if (it == words_.end()) continue;
      for (size_t l = 0; l < kLatin.size(); ++l) {
        if (it->second & (uint16_t{1} << l)) ++hits[l];
      }
    }
    const int64_t min_words = options.GetInt("min-words", 30);
    // Han text has no spaces: count its characters as words for the floor.
    const int64_t units = std::max(words, letters[static_cast<size_t>(Script::kHan)] +
                                              letters[static_cast<size_t>(Script::kKana)]);
    if (units < min_words || all_letters == 0) return;

    // 1. Script. Japanese mixes kana with Han: both count as its script.
    size_t top_script = 0;
    for (size_t s = 1; s < letters.size(); ++s) {
      if (letters[s] > letters[top_script]) top_script = s;
    }
    int64_t expected_letters = letters[static_cast<size_t>(expected_script)];
    if (expected_script == Script::kKana) {
      expected_letters += letters[static_cast<size_t>(Script::kHan)];
    }
    const double other_share =
        1.0 - static_cast<double>(expected_letters) / static_cast<double>(all_letters);
    const double max_script = options.GetDouble("max-script-share", 0.5);
    if (other_share > max_script) {
      const std::string script(kScriptNames[top_script]);
      sink.Report({0, 0},
                  "body is written mostly in the " + script + " script, not in that of the "
                  "expected language (" + expected + ")",
                  {{"signal", "script"},
                   {"expected", expected},
                   {"detected_script", script},
                   {"other_script_share", other_share},
                   {"threshold", max_script},
                   {"letters", all_letters}});
      return;
    }
    if (expected_script != Script::kLatin || words < min_words) return;

    // 2. Function words (Latin script).
    size_t best = 0;
    for (size_t l = 1; l < kLatin.size(); ++l) {
      if (hits[l] > hits[best]) best = l;
    }
    const size_t want =
        static_cast<size_t>(std::find(kLatin.begin(), kLatin.end(), expected) - kLatin.begin());
    const double best_share = static_cast<double>(hits[best]) / static_cast<double>(words);
    const double expected_share = static_cast<double>(hits[want]) / static_cast<double>(words);
    const double min_share = options.GetDouble("min-share", 0.2);
    const double max_expected = options.GetDouble("max-expected-share", 0.08);
    if (best == want || best_share < min_share || expected_share > max_expected) return;
    const std::string detected(kLatin[best]);
    sink.Report({0, 0},
                "body reads as " + detected + ", not " + expected + ": " +
                    std::to_string(hits[best]) + " of " + std::to_string(words) +
                    " words are " + detected + " function words",
                {{"signal", "function-words"},
                 {"expected", expected},
                 {"detected", detected},
                 {"detected_share", best_share},
                 {"min_share", min_share},
                 {"expected_share", expected_share},
                 {"max_expected_share", max_expected},
                 {"words", words}});
  }

 private:
  // Lower-case function word -> bit set of the kLatin languages listing it.
  std::unordered_map<std::string_view, uint16_t> words_;
};

}  // namespace

std::unique_ptr<Rule> MakeLanguageRule() { return std::make_unique<LanguageRule>(); }

}  // namespace newslint
