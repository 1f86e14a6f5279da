#include "lint/byte_set.h"

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

}  // namespace
}  // namespace newslint
