#include "lint/swar.h"

#include <bit>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace newslint {
namespace {

// The mask a per-byte predicate gives over eight bytes, byte k as bits 8k..
template <typename Pred>
uint64_t Reference(const std::string& s, Pred pred) {
  uint64_t m = 0;
  for (int k = 0; k < 8; ++k) {
    if (pred(static_cast<unsigned char>(s[k]))) m |= uint64_t{0x80} << (8 * k);
  }
  return m;
}

// Every ASCII byte at every position of an eight-byte word (the other
// positions cycling through the ASCII bytes too), against the byte-by-byte
// reading of each primitive.
TEST(SwarTest, MasksAgreeWithBytewiseTestsForEveryAsciiByteAtEveryPosition) {
  for (int pos = 0; pos < 8; ++pos) {
    for (int b = 0; b < 128; ++b) {
      std::string s(8, ' ');
      for (int k = 0; k < 8; ++k) s[k] = static_cast<char>((b * 7 + k * 37) % 128);
      s[pos] = static_cast<char>(b);
      const uint64_t w = swar::Load8(s.data());
      ASSERT_TRUE(swar::AllAscii(w));
      EXPECT_EQ(swar::Equal(w, ' '), Reference(s, [](unsigned c) { return c == ' '; })) << b;
      EXPECT_EQ(swar::Equal(w, '`'), Reference(s, [](unsigned c) { return c == '`'; })) << b;
      EXPECT_EQ(swar::AtLeast(w, 'a'), Reference(s, [](unsigned c) { return c >= 'a'; })) << b;
      EXPECT_EQ(swar::AtLeast(w, 0), Reference(s, [](unsigned) { return true; })) << b;
      EXPECT_EQ(swar::InRange(w, 'A', 'Z'),
                Reference(s, [](unsigned c) { return c >= 'A' && c <= 'Z'; }))
          << b;
      EXPECT_EQ(swar::InRange(w, '\t', '\r'),
                Reference(s, [](unsigned c) { return c >= '\t' && c <= '\r'; }))
          << b;
      std::string lowered = s;
      for (char& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      EXPECT_EQ(swar::LowerAscii(w), swar::Load8(lowered.data())) << b;
    }
  }
}

TEST(SwarTest, LoadKeepsTextOrderAndAllAsciiSeesEveryHighByte) {
  const std::string s = "abcdefgh";
  const uint64_t w = swar::Load8(s.data());
  for (int k = 0; k < 8; ++k) EXPECT_EQ((w >> (8 * k)) & 0xFF, uint64_t(s[k]));
  EXPECT_EQ(std::countr_zero(swar::Equal(w, 'd')) / 8, 3);
  for (int k = 0; k < 8; ++k) {
    std::string t = s;
    t[k] = '\xC3';
    EXPECT_FALSE(swar::AllAscii(swar::Load8(t.data()))) << k;
  }
}

TEST(SwarTest, PlainChunkRejectsControlBytesDoubleSpacesAndNonAscii) {
  auto plain = [](const char* s) { return swar::PlainAscii8(swar::Load8(s)).plain; };
  EXPECT_TRUE(plain("ab cd ef"));
  EXPECT_TRUE(plain(" abc def"));
  EXPECT_FALSE(plain("ab  cdef"));  // two spaces
  EXPECT_FALSE(plain("abc\tdefg"));
  EXPECT_FALSE(plain("abcdefg\n"));
  EXPECT_FALSE(plain("abc\xC3\xA9""efg"));
  EXPECT_EQ(swar::PlainAscii8(swar::Load8("a b c d ")).spaces,
            0x8000800080008000ull);  // bytes 1, 3, 5, 7
}

}  // namespace
}  // namespace newslint
