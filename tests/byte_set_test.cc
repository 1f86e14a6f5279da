#include "lint/byte_set.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace newslint {
namespace {

TEST(ByteSetTest, HoldsExactlyTheBytesOfItsString) {
  constexpr ByteSet set("<=\"\xC2\xE2");
  for (int c = 0; c < 256; ++c) {
    const bool want = c == '<' || c == '=' || c == '"' || c == 0xC2 || c == 0xE2;
    EXPECT_EQ(set.Has(static_cast<unsigned char>(c)), want) << c;
    EXPECT_EQ(set.Has(static_cast<char>(c)), want) << c;
  }
}

// A byte >= 0x80 at every position of strings of every length up to 20 (the
// word-at-a-time loop, its overlapping tail and the short loop).
TEST(ByteSetTest, IsAsciiFindsAHighByteAtAnyPosition) {
  EXPECT_TRUE(IsAscii(""));
  for (size_t n = 1; n <= 20; ++n) {
    std::string s(n, 'a');
    EXPECT_TRUE(IsAscii(s)) << n;
    for (size_t at = 0; at < n; ++at) {
      std::string t = s;
      t[at] = '\x80';
      EXPECT_FALSE(IsAscii(t)) << n << " " << at;
    }
  }
}

// FindIn answers what find_first_of with the set's bytes answers, from every
// starting position (also past the end) of strings with and without them.
TEST(ByteSetTest, FindInAgreesWithFindFirstOf) {
  constexpr std::string_view kBytes = "[{%$\xE2";
  constexpr ByteSet set(kBytes);
  const std::string_view texts[] = {"",
                                    "plain prose without any",
                                    "[",
                                    "a {{name}} and [[x]] 50% $5",
                                    "ends with $",
                                    "\xE2\x80\x99 curly [",
                                    "%%%%"};
  for (std::string_view t : texts) {
    for (size_t pos = 0; pos <= t.size() + 1; ++pos) {
      EXPECT_EQ(set.FindIn(t, pos), t.find_first_of(kBytes, pos)) << t << " @" << pos;
    }
  }
}

// The vector search (sets of 1 to 8 distinct bytes) and the table search
// (more) against find_first_of: random texts over an alphabet that holds the
// set's bytes rarely, so that matches fall at every offset of a 16-byte block,
// in the tail, or nowhere; every starting position.
TEST(ByteSetTest, FindInAgreesWithFindFirstOfForEverySetSize) {
  // Bytes of every kind: NUL, ASCII punctuation, a high byte, 0xFF.
  constexpr std::string_view kPool("\0.,;:([\xE2\xFF{", 10);
  std::mt19937 rng(20261129);
  for (size_t count = 1; count <= kPool.size(); ++count) {
    const std::string_view bytes = kPool.substr(0, count);
    // The set's string may repeat bytes; the set holds each once.
    const ByteSet set(std::string(bytes) + std::string(bytes.substr(0, 1)));
    for (int round = 0; round < 200; ++round) {
      std::string text(rng() % 70, 'a');
      for (char& c : text) {
        const unsigned r = rng() % 40;
        if (r < kPool.size()) c = kPool[r];
        else if (r < 20) c = static_cast<char>('a' + r);
        else if (r < 22) c = static_cast<char>(0x80 + r);
      }
      for (size_t pos = 0; pos <= text.size() + 1; ++pos) {
        ASSERT_EQ(set.FindIn(text, pos), std::string_view(text).find_first_of(bytes, pos))
            << "set of " << count << " @" << pos << " in " << text.size() << " bytes";
      }
    }
  }
}

// Every byte value at every position of texts of printable ASCII around
// one 16-byte block and its tail, from every starting position.
TEST(ByteSetTest, SkipPrintableAsciiStopsAtEveryOtherByte) {
  auto reference = [](std::string_view t, size_t pos) {
    for (size_t i = pos; i < t.size(); ++i) {
      const auto c = static_cast<unsigned char>(t[i]);
      if (!((c >= 0x20 && c <= 0x7E) || c == '\t')) return i;
    }
    return t.size();
  };
  EXPECT_EQ(SkipPrintableAscii("", 0), 0u);
  EXPECT_EQ(SkipPrintableAscii("ab", 5), 2u);
  for (size_t n : {1, 15, 16, 17, 35}) {
    for (int c = 0; c < 256; ++c) {
      for (size_t at = 0; at < n; ++at) {
        std::string t(n, 'x');
        t[(at * 7) % n] = '\t';
        t[n - 1 - (at * 3) % n] = '~';
        t[at] = static_cast<char>(c);
        for (size_t pos = 0; pos <= n; pos += (pos < 3 ? 1 : 5)) {
          ASSERT_EQ(SkipPrintableAscii(t, pos), reference(t, pos))
              << "byte " << c << " at " << at << " of " << n << " from " << pos;
        }
      }
    }
  }
}

// Word counts against a byte loop, on random strings of spaces, tabs, other
// bytes and UTF-8 spaces, of lengths around the 16-byte blocks.
TEST(ByteSetTest, CountBlankSeparatedWordsAgreesWithAByteLoop) {
  auto reference = [](std::string_view s) {
    size_t words = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const bool blank = s[i] == ' ' || s[i] == '\t';
      const bool blank_before = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t';
      if (!blank && blank_before) ++words;
    }
    return words;
  };
  EXPECT_EQ(CountBlankSeparatedWords(""), 0u);
  EXPECT_EQ(CountBlankSeparatedWords("  one\ttwo  three "), 3u);
  EXPECT_EQ(CountBlankSeparatedWords("a\xC2\xA0" "b"), 1u);  // U+00A0 joins
  constexpr std::string_view kPool(" \t\tab\n\xC2\xA0.");
  std::mt19937 rng(29112026);
  for (int round = 0; round < 5000; ++round) {
    std::string s(rng() % 70, ' ');
    for (char& c : s) c = kPool[rng() % kPool.size()];
    ASSERT_EQ(CountBlankSeparatedWords(s), reference(s)) << s.size() << " bytes: " << s;
  }
}

}  // namespace
}  // namespace newslint
