// Differential test of MakeGrammarKey (rules/garbled/grammar_key.h), the
// key garbled/grammar looks every token up by: its fast path (overlapping
// loads, eight bytes lower-cased at a time) against a plain reference that
// lower-cases byte by byte, on the fixtures' text, every short string over
// an alphabet of boundary bytes, and edge cases.

#include "rules/garbled/grammar_key.h"
#include "tests/rule_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newslint {
namespace {

// The word as garbled/grammar compares it: ASCII letters lower-cased, the
// typographic apostrophe U+2019 as "'", every other byte as it is.
std::string ReferenceLower(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else if (w[i] >= 'A' && w[i] <= 'Z') {
      out += static_cast<char>(w[i] + ('a' - 'A'));
    } else {
      out += w[i];
    }
  }
  return out;
}

// Checks the key of `w` against the reference: absent when the lower-cased
// word is empty or over 15 bytes, else its bytes, zero-padded, and its size.
void ExpectKey(std::string_view w) {
  const std::string lower = ReferenceLower(w);
  GrammarKey key;
  const bool made = MakeGrammarKey(w, &key);
  ASSERT_EQ(made, !lower.empty() && lower.size() <= kGrammarKeyMaxWord)
      << "\"" << std::string(w) << "\"";
  if (!made) return;
  unsigned char bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<unsigned char>(key.lo >> (8 * i));
    bytes[8 + i] = static_cast<unsigned char>(key.hi >> (8 * i));
  }
  ASSERT_EQ(bytes[15], lower.size()) << "\"" << std::string(w) << "\"";
  for (size_t i = 0; i < 15; ++i) {
    const unsigned char want = i < lower.size() ? static_cast<unsigned char>(lower[i]) : 0;
    ASSERT_EQ(bytes[i], want) << "byte " << i << " of \"" << std::string(w) << "\"";
  }
}

TEST(GrammarKeyTest, EdgeCases) {
  for (std::string_view w :
       {"", "a", "A", "Z", "z", "@", "[", "`", "{", "The", "THE", "didn't", "Didn\xE2\x80\x99t",
        "DIDN\xE2\x80\x99T", "\xE2\x80\x99", "\xE2\x80", "\xE2\x80\x98", "caf\xC3\xA9",
        "\xC3\x89T\xC3\x89", "abcdefgh", "ABCDEFGHI", "abcdefghijklmno", "ABCDEFGHIJKLMNO",
        "abcdefghijklmnop", "Wouldn\xE2\x80\x99t\xE2\x80\x99ve", "a\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99"
        "\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99" "b",
        "x\xE2\x80\x99y\xE2\x80\x99z\xE2\x80\x99w\xE2\x80\x99v\xE2\x80\x99u\xE2\x80\x99t",
        "\x7F\x7F\x7F\x7F\x7F", " \t\n", "\xC2\xA0", "\xFF\xFE"}) {
    ExpectKey(w);
  }
  ExpectKey(std::string_view("a\0b", 3));
  ExpectKey(std::string_view("\0", 1));
  ExpectKey(std::string(1000, 'Q'));
  std::string apostrophes;
  for (int i = 0; i < 20; ++i) apostrophes += "\xE2\x80\x99";
  for (size_t n = 0; n <= apostrophes.size(); ++n) ExpectKey(std::string_view(apostrophes).substr(0, n));
}

// Every string of up to four bytes over bytes at the edges of the ranges
// the fast path tells apart (letters, the bytes next to them, 0, 0x7F, 0x80
// and the bytes of U+2019), and every length up to 17 of them.
TEST(GrammarKeyTest, ShortStringsOverBoundaryBytes) {
  const std::string alphabet = std::string("AZaz@[`{\x7F\x80\xE2\x99'", 13) + std::string(1, '\0');
  ForEachStringOver(alphabet, 4, [](std::string_view w) { ExpectKey(w); });
  std::string w;
  std::mt19937 rng(20261129);
  for (int round = 0; round < 200000; ++round) {
    w.assign(rng() % 18, ' ');
    for (char& c : w) c = alphabet[rng() % alphabet.size()];
    ExpectKey(w);
  }
}

// Every substring of up to 18 bytes of the fixtures' text: real tokens,
// their neighbours, and UTF-8 cut anywhere.
TEST(GrammarKeyTest, FixtureText) {
  EXPECT_GT(ForEachFixtureSubstring(18, [](std::string_view w) { ExpectKey(w); }), 100000u);
}

TEST(GrammarKeyTest, EqualKeysExactlyForEqualWords) {
  const std::vector<std::string> words = {"the", "The", "THE", "they", "them", "a", "an",
                                          "didn't", "Didn\xE2\x80\x99t", "abcdefgh",
                                          "abcdefghi", "thethethethethe"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      GrammarKey ka, kb;
      ASSERT_TRUE(MakeGrammarKey(a, &ka));
      ASSERT_TRUE(MakeGrammarKey(b, &kb));
      EXPECT_EQ(ka == kb, ReferenceLower(a) == ReferenceLower(b)) << a << " / " << b;
      if (ka == kb) EXPECT_EQ(GrammarKeyHash(ka), GrammarKeyHash(kb));
    }
  }
}

}  // namespace
}  // namespace newslint
