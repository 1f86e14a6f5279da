// The reference quotation scan (lint/quotations.cc, ScanMarksReference, the
// definition the faster ScanMarks is compared with in
// tests/quotations_scan_test.cc) reads a paragraph into code points eight
// ASCII bytes at a time and lists the quotation marks among them as it goes; these compare that reading with the plain utf8::DecodeAt
// loop it replaced, on fixture text (every substring of up to 24 bytes, UTF-8
// cut anywhere, and every paragraph of every fixture article), random bytes of
// every value, and edge cases.

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "lint/analysis.h"
#include "lint/quotations.h"
#include "lint/quotations_internal.h"
#include "lint/utf8.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

using quotations_internal::DecodedCodePoint;
using quotations_internal::DecodeParagraphForTest;

// The reference: one DecodeAt after the other; a quotation mark is a code
// point with a glyph (no glyph is a space or a digit, the classes ClassOfAny
// tests before it).
struct RefCodePoint {
  size_t pos;
  char32_t c;
};
std::vector<RefCodePoint> ReferenceDecode(std::string_view s) {
  std::vector<RefCodePoint> out;
  for (size_t i = 0; i < s.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    out.push_back({i, cp.value});
    i += cp.length;
  }
  return out;
}

// The class the scan gives a code point read alone (a paragraph shorter than
// eight bytes takes the DecodeAt path), by its bytes.
int ClassAlone(std::string_view bytes) {
  std::vector<DecodedCodePoint> cps;
  std::vector<size_t> quotes;
  DecodeParagraphForTest(bytes, &cps, &quotes);
  return cps.at(0).cls;
}

void ExpectDecodesLikeReference(std::string_view s) {
  std::vector<DecodedCodePoint> cps;
  std::vector<size_t> quote_at;
  DecodeParagraphForTest(s, &cps, &quote_at);
  const std::vector<RefCodePoint> want = ReferenceDecode(s);
  ASSERT_EQ(cps.size(), want.size()) << s;
  std::vector<size_t> want_quotes;
  for (size_t k = 0; k < want.size(); ++k) {
    ASSERT_EQ(cps[k].pos, want[k].pos) << s;
    ASSERT_EQ(cps[k].c, want[k].c) << s;
    if (QuoteGlyphOf(want[k].c).has_value()) want_quotes.push_back(k);
    ASSERT_EQ(cps[k].cls == quotations_internal::QuoteClassForTest(),
              QuoteGlyphOf(want[k].c).has_value())
        << s << " at " << k;
  }
  ASSERT_EQ(quote_at, want_quotes) << s;
  // Classes: the same as each code point gets alone (checked on ASCII, where
  // the fast path looks classes up itself, and on short texts in full).
  static const std::vector<int> kAsciiAlone = [] {
    std::vector<int> v;
    for (int b = 0; b < 128; ++b) v.push_back(ClassAlone(std::string(1, static_cast<char>(b))));
    return v;
  }();
  for (size_t k = 0; k < cps.size(); ++k) {
    const size_t end = k + 1 < cps.size() ? cps[k + 1].pos : s.size();
    if (want[k].c < 0x80) {
      ASSERT_EQ(cps[k].cls, kAsciiAlone[want[k].c]) << s;
    } else if (s.size() <= 12) {
      ASSERT_EQ(cps[k].cls, ClassAlone(s.substr(cps[k].pos, end - cps[k].pos))) << s;
    }
  }
}

TEST(QuotationsDecodeTest, AgreesWithDecodeAtOnFixtureSubstrings) {
  const size_t checked =
      ForEachFixtureSubstring(24, [](std::string_view s) { ExpectDecodesLikeReference(s); });
  EXPECT_GT(checked, 100'000u);
}

TEST(QuotationsDecodeTest, AgreesWithDecodeAtOnEveryFixtureParagraph) {
  size_t paragraphs = 0;
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    for (const Paragraph& p : an.paragraphs()) {
      ExpectDecodesLikeReference(an.view(p.span));
      ++paragraphs;
    }
    ExpectDecodesLikeReference(a.text);
  }
  EXPECT_GT(paragraphs, 1000u);
}

TEST(QuotationsDecodeTest, AgreesWithDecodeAtOnRandomBytes) {
  std::mt19937 rng(1129);
  // Bytes of every value; then mostly ASCII with quotation marks, UTF-8
  // leads and continuation bytes mixed in (sequences cut or complete).
  const std::string pieces[] = {"a", "Z", " ", "\"", "'", "9", ".", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", "\xE3\x80\x8C", "\xE2",
                                "\x80", "\xC2", "\xE3\x80", "\xF0\x9F\x98\x80", "\xED\xA0\x80",
                                "\xC3\xA9", "\xE2\x80\x94", "\xE2\x80\xAF", "\xFF"};
  for (size_t len = 0; len <= 80; ++len) {
    for (int round = 0; round < 60; ++round) {
      std::string s(len, '\0');
      for (char& c : s) c = static_cast<char>(rng() & 0xFF);
      ExpectDecodesLikeReference(s);
      std::string t;
      while (t.size() < len) {
        const unsigned r = rng() % 64;
        t += r < std::size(pieces) ? pieces[r] : std::string(1, static_cast<char>('a' + r % 26));
      }
      ExpectDecodesLikeReference(t);
    }
  }
}

TEST(QuotationsDecodeTest, EdgeCases) {
  ExpectDecodesLikeReference("");
  ExpectDecodesLikeReference("\"");
  ExpectDecodesLikeReference("abcdefg\"");
  ExpectDecodesLikeReference("abcdefgh\"");
  ExpectDecodesLikeReference("\"abcdefgh'ijklmnop'");
  // A multi-byte mark straddling the eight-byte words, at every offset.
  for (size_t pad = 0; pad < 16; ++pad) {
    ExpectDecodesLikeReference(std::string(pad, 'x') + "\xE2\x80\x9CQuoted\xE2\x80\x9D, he said");
    ExpectDecodesLikeReference(std::string(pad, 'x') + "\xE2\x80" + std::string(9, 'y'));
  }
  // Spaces of every kind around marks.
  ExpectDecodesLikeReference(
      "\t\"a\"\n\xC2\xA0\xE2\x80\x9C" "b\xE2\x80\x9D\xE2\x80\x83'c'\xE3\x80\x80\xC2\xAB" "d\xC2\xBB "
      "\xE2\x80\x89\xE2\x80\x98" "e\xE2\x80\x99\xE2\x80\xAF");
  // A very long line.
  std::string long_line;
  for (int k = 0; k < 5000; ++k) long_line += "He said \"yes\" and \xE2\x80\x98no\xE2\x80\x99. ";
  ExpectDecodesLikeReference(long_line);
}

}  // namespace
}  // namespace newslint
