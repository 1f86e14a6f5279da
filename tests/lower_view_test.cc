// Analysis::lower_view lowers eight bytes at a time (swar::LowerAsciiAnyBytes)
// with a byte loop on the tail; these compare it with the plain byte loop it
// replaced, on every fixture article, on random bytes of every value at
// every length and alignment, and on the edge cases (empty, UTF-8 whose
// bytes look like letters once the high bit is dropped, every kind of space).

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "lint/analysis.h"
#include "lint/swar.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// The byte loop lower_view had (ByteLoopLower, tests/rule_test_util.h) is
// the reference.

// lower_view of the whole text and of every span [start, end) near both ends
// (the view is cut from one lowered copy, so spans are checked too).
void ExpectLowersLikeByteLoop(const std::string& text) {
  Article a;
  a.text = text;
  Analysis an(a);
  const std::string want = ByteLoopLower(text);
  ASSERT_EQ(an.lower_view({0, text.size()}), want) << text;
  for (size_t start = 0; start < text.size() && start < 12; ++start) {
    for (size_t end = start; end <= text.size(); end += 5) {
      ASSERT_EQ(an.lower_view({start, end}), std::string_view(want).substr(start, end - start));
    }
  }
}

TEST(LowerViewTest, AgreesWithByteLoopOnEveryFixtureArticle) {
  size_t articles = 0, bytes = 0;
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    ASSERT_EQ(an.lower_view({0, a.text.size()}), ByteLoopLower(a.text)) << a.text.substr(0, 80);
    ++articles;
    bytes += a.text.size();
  }
  EXPECT_GT(articles, 100u);
  EXPECT_GT(bytes, 100'000u);
}

TEST(LowerViewTest, AgreesWithByteLoopOnRandomBytesOfEveryValue) {
  std::mt19937 rng(20261129);
  for (size_t len = 0; len <= 70; ++len) {
    for (int round = 0; round < 40; ++round) {
      std::string s(len, '\0');
      for (char& c : s) c = static_cast<char>(rng() & 0xFF);
      ExpectLowersLikeByteLoop(s);
    }
  }
  // Long texts, and mostly letters (upper and lower case, and the bytes
  // 0xC0..0xDA and 0xE0..0xFA, which are A..Z and a..z with the high bit).
  for (int round = 0; round < 50; ++round) {
    std::string s(1000 + round, '\0');
    for (char& c : s) {
      const unsigned r = rng();
      c = static_cast<char>(((r & 1) ? 0x80 : 0) | ((r & 2) ? 0x20 : 0) | ('A' + (r >> 8) % 28));
    }
    ExpectLowersLikeByteLoop(s);
  }
}

TEST(LowerViewTest, EveryByteValueAtEveryPosition) {
  for (int b = 0; b < 256; ++b) {
    for (size_t pos = 0; pos < 17; ++pos) {
      std::string s = "ABCxyz@[`{ZAza\x80\xFF\xC1\xDA";  // 18 bytes
      s[pos] = static_cast<char>(b);
      ExpectLowersLikeByteLoop(s);
    }
  }
}

TEST(LowerViewTest, EdgeCases) {
  ExpectLowersLikeByteLoop("");
  ExpectLowersLikeByteLoop("A");
  ExpectLowersLikeByteLoop("ABCDEFG");
  ExpectLowersLikeByteLoop("ABCDEFGH");
  ExpectLowersLikeByteLoop("ABCDEFGHI");
  // Spaces of every kind: ASCII, no-break, en/em/thin, ideographic, BOM.
  ExpectLowersLikeByteLoop(
      "Foreign\tMinister\nSAID\r\n\v\f \xC2\xA0X\xE2\x80\x82Y\xE2\x80\x83Z\xE2\x80\x89"
      "W\xE3\x80\x80V\xEF\xBB\xBFU");
  // UTF-8: É Ö Σ Д (upper case outside ASCII stays as it is), 「」, emoji.
  ExpectLowersLikeByteLoop("\xC3\x89TAT \xC3\x96L \xCE\xA3\xD0\x94 \xE3\x80\x8CQ\xE3\x80\x8D \xF0\x9F\x98\x80Z");
  EXPECT_EQ(ByteLoopLower("\xC3\x89TAT"), "\xC3\x89tat");
  ExpectLowersLikeByteLoop(std::string(100'000, 'Q') + "END");
}

// The word primitive itself, for every byte value at every position (the
// other positions cycling through all byte values).
TEST(LowerViewTest, SwarLowerAsciiAnyBytesForEveryByteAtEveryPosition) {
  for (int pos = 0; pos < 8; ++pos) {
    for (int b = 0; b < 256; ++b) {
      for (int shift = 0; shift < 256; shift += 13) {
        std::string s(8, '\0');
        for (int k = 0; k < 8; ++k) s[k] = static_cast<char>((b + shift + k * 37) & 0xFF);
        s[pos] = static_cast<char>(b);
        const std::string want = ByteLoopLower(s);
        ASSERT_EQ(swar::LowerAsciiAnyBytes(swar::Load8(s.data())), swar::Load8(want.data()))
            << b << " at " << pos;
      }
    }
  }
}

}  // namespace
}  // namespace newslint
