// Differential test of CandidateShapeOf (rules/garbled/spelling_shape.h),
// which tokens garbled/spelling judges: its one table-driven pass against
// the byte-by-byte checks it replaced plus a search for "-", on the
// fixtures' text, every short string over boundary bytes, and edge cases.
// And of PlainWordChunk, the short cut before garbled/spelling's
// InMachineChunk scan: it must never be true where the scan (copied below)
// is true.

#include "rules/garbled/spelling_shape.h"
#include "tests/rule_test_util.h"
#include "lint/utf8.h"

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

// garbled/spelling's InMachineChunk as it is (rules/garbled/spelling.cc),
// with find_first_of for its table of marks.
bool ReferenceInMachineChunk(std::string_view text, size_t start, size_t end) {
  size_t b = start;
  while (b > 0 && utf8::SpaceLengthBefore(text, b) == 0) --b;
  size_t e = end;
  while (e < text.size() && utf8::SpaceLengthAt(text, e) == 0) ++e;
  const std::string_view chunk = text.substr(b, e - b);
  if (chunk.find("://") != std::string_view::npos) return true;
  if (chunk.find_first_of("@#/\\_=<>{}|~^&*") != std::string_view::npos) return true;
  for (size_t i = 1; i + 1 < chunk.size(); ++i) {
    const char before = chunk[i - 1], after = chunk[i + 1];
    const bool letter_before = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z');
    const bool alnum_after = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                             (after >= '0' && after <= '9');
    if (chunk[i] == '.' && letter_before && alnum_after) return true;
  }
  return false;
}

// Checks every candidate word of `text` (every span CandidateShapeOf
// accepts, up to 12 bytes) and returns how often PlainWordChunk was true.
size_t ExpectPlainChunksNotMachine(std::string_view text) {
  size_t plain = 0;
  for (size_t s = 0; s < text.size(); ++s) {
    for (size_t e = s + 1; e <= text.size() && e - s <= 12; ++e) {
      if (CandidateShapeOf(text.substr(s, e - s)) == CandidateShape::kNone) continue;
      if (!PlainWordChunk(text, s, e)) continue;
      ++plain;
      EXPECT_FALSE(ReferenceInMachineChunk(text, s, e))
          << "\"" << std::string(text) << "\" [" << s << ", " << e << ")";
    }
  }
  return plain;
}

TEST(SpellingShapeTest, PlainWordChunkEdgeCases) {
  // Plain: the short cut answers.
  for (std::string_view t : {"rose.", "rose", " rose.", "why?\" he", "said.)", "end.\n",
                             "end.\tx", "a long-term plan.", "over.\"' next", "x rose!"}) {
    EXPECT_GT(ExpectPlainChunksNotMachine(t), 0u) << t;
  }
  // Machine text or not plain: whatever the short cut says, never a wrong "plain".
  for (std::string_view t : {"(said.)", "example.com", "see example.com.", "a.b",
                             "https://x.org/a-b",
                             "photo.jpg", "mail@ex.org", "#breaking", "a_b", "x.\u00a0y",
                             "\u00a0rose.", "rose.\u2003", "on:", "why?x", "end.a", "e.g.",
                             "", ".", "-", "a-", "\xE2\x80\x99rose.", "rose.\xC2"}) {
    ExpectPlainChunksNotMachine(t);
  }
  EXPECT_FALSE(PlainWordChunk("example.com", 0, 7));
  EXPECT_FALSE(PlainWordChunk("x.rose.", 2, 6));
  EXPECT_FALSE(PlainWordChunk("rose.\xC2\xA0", 0, 4));  // U+00A0 takes the full scan
  EXPECT_TRUE(PlainWordChunk("rose.", 0, 4));
  EXPECT_TRUE(PlainWordChunk("a rose.)\n", 2, 6));
  const std::string long_line = std::string(50000, 'e') + "." + std::string(50000, '.');
  EXPECT_TRUE(PlainWordChunk(long_line, 0, 50000));
  EXPECT_FALSE(ReferenceInMachineChunk(long_line, 0, 50000));
}

TEST(SpellingShapeTest, PlainWordChunkShortStrings) {
  // Words, every closing mark, the bytes that make machine text, and
  // spaces of each kind (ASCII, no-break U+00A0 as C2 A0).
  const std::string alphabet = std::string("ab-.?\")/:@_ \n\xC2\xA0", 15);
  size_t plain = 0;
  ForEachStringOver(alphabet, 5,
                    [&](std::string_view t) { plain += ExpectPlainChunksNotMachine(t); });
  EXPECT_GT(plain, 1000u);
}

TEST(SpellingShapeTest, PlainWordChunkFixtureText) {
  size_t plain = 0;
  for (const Article& a : FixtureArticles()) {
    const std::string_view text = a.text.size() > 20000 ? std::string_view(a.text).substr(0, 20000)
                                                        : std::string_view(a.text);
    plain += ExpectPlainChunksNotMachine(text);
  }
  EXPECT_GT(plain, 1000u);
}

}  // namespace
}  // namespace newslint
