// Differential test of CandidateShapeOf (rules/garbled/spelling_shape.h),
// which tokens garbled/spelling judges: its one table-driven pass against
// the byte-by-byte checks it replaced plus a search for "-", on the
// fixtures' text, every short string over boundary bytes, and edge cases.

#include "rules/garbled/spelling_shape.h"
#include "tests/rule_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace newslint {
namespace {

// The checks as garbled/spelling made them before the table: a-z and "-"
// only, no hyphen first or last, a vowel (y counts); then find('-').
CandidateShape Reference(std::string_view w) {
  bool vowel = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == '-') {
      if (i == 0 || i + 1 == w.size()) return CandidateShape::kNone;
      continue;
    }
    if (c < 'a' || c > 'z') return CandidateShape::kNone;
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') vowel = true;
  }
  if (!vowel) return CandidateShape::kNone;
  return w.find('-') == std::string_view::npos ? CandidateShape::kPlain
                                               : CandidateShape::kHyphenated;
}

void ExpectShape(std::string_view w) {
  ASSERT_EQ(CandidateShapeOf(w), Reference(w)) << "\"" << std::string(w) << "\"";
}

TEST(SpellingShapeTest, EdgeCases) {
  for (std::string_view w :
       {"", "a", "-", "--", "---", "a-", "-a", "a-b", "a--b", "bcd", "bcd-fgh", "by", "long-term",
        "e-mail", "teh", "Teh", "TEH", "caf\xC3\xA9", "don't", "e.g", "abc1", "`ab", "ab{",
        "mgmt", "rhythm", "z-y", "\xE2\x80\x99", " ab", "ab\t"}) {
    ExpectShape(w);
  }
  ExpectShape(std::string_view("a\0b", 3));
  ExpectShape(std::string(100000, 'e'));
  ExpectShape(std::string(100000, 'b') + "-");
}

TEST(SpellingShapeTest, ShortStringsOverBoundaryBytes) {
  const std::string alphabet = std::string("aeyzb-`{A,\x80\xFF", 12) + std::string(1, '\0');
  ForEachStringOver(alphabet, 5, [](std::string_view w) { ExpectShape(w); });
  std::string w;
  // Every byte value alone and inside a word.
  for (int c = 0; c < 256; ++c) {
    ExpectShape(std::string(1, static_cast<char>(c)));
    ExpectShape("ab" + std::string(1, static_cast<char>(c)) + "cd");
  }
  std::mt19937 rng(20261129);
  for (int round = 0; round < 200000; ++round) {
    w.assign(rng() % 24, ' ');
    for (char& c : w) c = alphabet[rng() % alphabet.size()];
    ExpectShape(w);
  }
}

TEST(SpellingShapeTest, FixtureText) {
  EXPECT_GT(ForEachFixtureSubstring(20, [](std::string_view w) { ExpectShape(w); }), 100000u);
}

}  // namespace
}  // namespace newslint
