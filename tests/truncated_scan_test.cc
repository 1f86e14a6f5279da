// Differential tests of garbled/truncated's text scans
// (rules/garbled/truncated_scan.h) against the plain loops they replace:
// the rule's lower-casing of a whole text, a find per phrase, and a loop of
// finds per copula. On fixture text, its lines lowered as the rule lowers
// them, and every short string over alphabets that make the edge cases
// (0xC3 before ASCII and before continuation bytes, overlapping patterns,
// patterns at the very start and end).

#include "rules/garbled/truncated_scan.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/lexicons/lexicon.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

using truncated_internal::AnySubstring;
using truncated_internal::LowerInto;
using truncated_internal::LowerSuffixInto;
using truncated_internal::WordAfterCopula;

// The rule's lower-casing as it was written, a fresh string per call.
std::string ReferenceLower(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

bool ReferenceAnyFind(std::string_view text, const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (text.find(p) != std::string_view::npos) return true;
  }
  return false;
}

// The rule's IsBio loop as it was written (truncated_scan.h keeps it as
// the definition).
bool ReferenceWordAfterCopula(const std::string& lower, const std::set<std::string>& words) {
  return truncated_internal::WordAfterCopulaByFinds(
      lower, [&](std::string_view w) { return words.count(std::string(w)) > 0; });
}

std::vector<std::string> FixtureLines() {
  std::vector<std::string> lines;
  for (const Article& a : FixtureArticles()) {
    std::string_view text = a.text;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      lines.emplace_back(text.substr(0, nl));
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  }
  // Spaces of every kind, UTF-8, a very long line.
  lines.push_back("");
  lines.push_back(" \t\u00a0\u2009\u3000 Reporting\u00a0by Jane Doe; Editing by \u00c9mile Zola");
  lines.push_back("\u00c9DITING BY \u00c0 \u00c3\u0080 \xC3" "A" "DDITIONAL REPORTING");
  lines.push_back(std::string(100000, 'x') + " Compiled By " + std::string(5000, 'y'));
  lines.push_back(std::string(70000, 'r') + "eporting b");
  return lines;
}

std::vector<std::string> Lexicon(std::string_view name, std::string_view prefix, bool with) {
  std::vector<std::string> out;
  for (std::string_view e : LexiconEntries(name)) {
    if (e.starts_with(prefix) != with) continue;
    out.emplace_back(with ? e.substr(prefix.size()) : e);
  }
  return out;
}

TEST(TruncatedScanTest, LowerIntoIsTheRuleLowerAndReusesItsBuffer) {
  std::string buffer = "leftover text longer than what follows";
  ForEachStringOver(std::string_view("A\xC3\x80\x97\x9E\x9F" "a.", 8), 6, [&](std::string_view s) {
    LowerInto(s, &buffer);
    ASSERT_EQ(buffer, ReferenceLower(s));
  });
  // Past eight bytes: chunks of ASCII after 0xC3 of both parities.
  ForEachStringOver(std::string_view("A\xC3\x80" "a", 4), 11, [&](std::string_view s) {
    LowerInto(s, &buffer);
    ASSERT_EQ(buffer, ReferenceLower(s));
  });
  for (const std::string& line : FixtureLines()) {
    LowerInto(line, &buffer);
    ASSERT_EQ(buffer, ReferenceLower(line));
  }
}

TEST(TruncatedScanTest, LowerSuffixIsTheEndOfTheWholeLower) {
  std::string buffer;
  auto check = [&](std::string_view s) {
    const std::string whole = ReferenceLower(s);
    for (size_t min_len : {0, 1, 2, 3, 5, 8, 40}) {
      const size_t from = LowerSuffixInto(s, min_len, &buffer);
      ASSERT_LE(from, s.size());
      ASSERT_GE(s.size() - from, std::min(min_len, s.size())) << s;
      ASSERT_EQ(buffer, whole.substr(from)) << "min_len " << min_len << " of \"" << s << "\"";
    }
  };
  // 0xC3 runs of both parities before ASCII capitals and Latin-1 seconds.
  ForEachStringOver(std::string_view("A\xC3\x80\x97" "a", 5), 7, check);
  ForEachFixtureSubstring(24, check);
  for (const std::string& line : FixtureLines()) check(line);
}

void ExpectSameAnswers(const std::vector<std::string>& patterns,
                       const std::vector<std::string>& texts) {
  const AnySubstring scan(patterns);
  for (const std::string& t : texts) {
    ASSERT_EQ(scan.FoundIn(t), ReferenceAnyFind(t, patterns)) << "text \"" << t << "\"";
  }
}

TEST(TruncatedScanTest, AnySubstringAnswersAsAFindPerPattern) {
  std::vector<std::string> lowered;
  for (const std::string& line : FixtureLines()) lowered.push_back(ReferenceLower(line));
  // The rule's pattern sets: the sign-off phrases and the footer words.
  const std::vector<std::string> phrases = [] {
    std::vector<std::string> p = Lexicon("truncated-sign-offs", "line:", false);
    std::erase_if(p, [](const std::string& s) { return s.starts_with("word:"); });
    return p;
  }();
  ASSERT_GE(phrases.size(), 5u);
  size_t found = 0;
  const AnySubstring scan(phrases);
  for (const std::string& t : lowered) found += scan.FoundIn(t);
  EXPECT_GT(found, 0u);  // the fixtures have sign-offs: both answers are exercised
  ExpectSameAnswers(phrases, lowered);
  ExpectSameAnswers({"copyright", "all rights reserved", "http://", "https://"}, lowered);
  // The table marks, on the lines as written.
  ExpectSameAnswers({" | ", "\t", " \u00b7 ", " \u2022 ", "\u00a9"}, FixtureLines());
  // Fixture text through patterns of one byte, shared first bytes, UTF-8.
  ExpectSameAnswers({"e", "\xC3\xA9", "by "}, lowered);
  ExpectSameAnswers({"\xE2\x80\x94 ", "ende", "reporting by"}, lowered);
  ExpectSameAnswers({}, lowered);

  // Every short string over an alphabet, through overlapping pattern sets.
  std::vector<std::string> texts;
  ForEachStringOver(std::string_view("ab \xC3", 4), 7, [&](std::string_view s) {
    texts.emplace_back(s);
  });
  ExpectSameAnswers({"ab", "abb", "b a"}, texts);
  ExpectSameAnswers({"bb", "a"}, texts);
  ExpectSameAnswers({"b\xC3", "\xC3\xC3\xC3"}, texts);
  ExpectSameAnswers({" ", "aaaaaaaa"}, texts);
  ExpectSameAnswers({"ba b", "ba ba", "bab"}, texts);
  ExpectSameAnswers({"", "ab"}, texts);  // an empty pattern occurs everywhere
  ExpectSameAnswers({}, texts);
}

TEST(TruncatedScanTest, WordAfterCopulaVisitsWhatTheFindsVisited) {
  std::vector<std::string> words_list = Lexicon("truncated-sign-offs", "word:", true);
  ASSERT_GE(words_list.size(), 5u);
  const std::set<std::string> words(words_list.begin(), words_list.end());
  auto check = [](std::string_view lower, const std::set<std::string>& set) {
    const bool fast = WordAfterCopula(lower, [&](std::string_view w) {
      return set.count(std::string(w)) > 0;
    });
    ASSERT_EQ(fast, ReferenceWordAfterCopula(std::string(lower), set)) << "\"" << lower << "\"";
  };
  std::vector<std::string> lines;
  for (const std::string& line : FixtureLines()) lines.push_back(ReferenceLower(line));
  for (std::string_view s :
       {"jane doe is a freelance journalist based in nairobi", "x is an independent reporter",
        "x is the paper's correspondent.", "sie ist redakteurin", "elle est journaliste",
        "he is a is a reporter", "is a reporter", " is a", " is a one two three four five reporter",
        " is a one two three four reporter", " est \xC3\xA9 journaliste"}) {
    lines.emplace_back(s);
  }
  size_t bios = 0;
  for (const std::string& lower : lines) {
    check(lower, words);
    bios += ReferenceWordAfterCopula(lower, words);
  }
  EXPECT_GE(bios, 6u);  // both answers are exercised
  // Overlapping copulas, a word at the very end, the empty word.
  const std::set<std::string> few = {"a", "x", "", "ta"};
  ForEachStringOver(std::string_view(" isaetx", 7), 7,
                    [&](std::string_view s) { check(s, few); });
}

}  // namespace
}  // namespace newslint
