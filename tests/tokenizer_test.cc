#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "lint/analysis.h"

namespace newslint {
namespace {

char ShapeLetter(TokenShape s) {
  switch (s) {
    case TokenShape::kLower: return 'l';
    case TokenShape::kCapitalized: return 'C';
    case TokenShape::kUpper: return 'U';
    case TokenShape::kMixed: return 'M';
    case TokenShape::kNumber: return 'N';
    case TokenShape::kAlphanumeric: return 'A';
  }
  return '?';
}

// Tokens rendered as "text|shape" joined by spaces; shapes: l lower,
// C capitalized, U upper, M mixed, N number, A alphanumeric.
std::string Render(std::string_view text) {
  std::string out;
  for (const Token& t : Tokenize(text)) {
    if (!out.empty()) out += ' ';
    out.append(text.substr(t.span.start, t.span.size()));
    out += '|';
    out += ShapeLetter(t.shape);
  }
  return out;
}

struct TokenCase {
  std::string_view text;
  std::string_view tokens;
};

const TokenCase kCases[] = {
    {"", ""},
    {" \t\n--- !!", ""},
    {"Police closed the road.", "Police|C closed|l the|l road|l"},
    {"Kyiv's long-term plan", "Kyiv's|C long-term|l plan|l"},
    {"Kyiv\u2019s mayor", "Kyiv\u2019s|C mayor|l"},
    {"don't O'Brien rock 'n' roll", "don't|l O'Brien|C rock|l n|l roll|l"},
    {"the Smiths' house", "the|l Smiths|C house|l"},
    {"the 1990's boom", "the|l 1990's|A boom|l"},
    {"NATO's AFP iPhone eBay McCain tHe", "NATO's|U AFP|U iPhone|M eBay|M McCain|C tHe|M"},
    {"A I", "A|C I|C"},
    {"The U.S. and U.K. agreed", "The|C U.S.|U and|l U.K.|U agreed|l"},
    {"U.S.A. U.S", "U.S.A.|U U.S|U"},
    {"at 6 a.m. sharp", "at|l 6|N a.m.|l sharp|l"},
    {"e.g., i.e.", "e.g.|l i.e.|l"},
    {"J.K. Rowling", "J.K.|U Rowling|C"},
    {"Ph.D. student", "Ph|C D|C student|l"},
    {"U.S.-led", "U.S.|U led|l"},
    {"1,200 troops and 3.5 percent", "1,200|N troops|l and|l 3.5|N percent|l"},
    {"$1.5bn 2.5% 1. 3,", "1.5bn|A 2.5|N 1|N 3|N"},
    // Long lower-case runs (counted eight bytes at a time) end at the
    // ASCII bytes next to 'a' and 'z' and at non-ASCII letters.
    {"abcdefghij{klmnopqrst`uvwxyzabcd@efghijklmn[opq",
     "abcdefghij|l klmnopqrst|l uvwxyzabcd|l efghijklmn|l opq|l"},
    {"electricity\u00e9lectricit\u00e9 governmentS notwithstanding9",
     "electricity\u00e9lectricit\u00e9|l governmentS|M notwithstanding9|A"},
    {"G7 C5 2k23 4th COVID-19 F-16 v2.0", "G7|A C5|A 2k23|A 4th|A COVID-19|A F-16|A v2.0|A"},
    {"1990-2000 20-year-old", "1990|N 2000|N 20-year-old|A"},
    {"pre- and post-war", "pre|l and|l post-war|l"},
    {"war\u2014peace", "war|l peace|l"},
    {"Jean\u2010Pierre", "Jean\u2010Pierre|C"},
    {"infor\u00ADmation", "infor\u00ADmation|l"},
    {"end.Next www.example.com", "end|l Next|C www|l example|l com|l"},
    {"Z\u00FCrich \u00C6r\u00F8 S\u00E3o Paulo", "Z\u00FCrich|C \u00C6r\u00F8|C S\u00E3o|C Paulo|C"},
    {"\u0141\u00D3D\u0179 \u0142\u00F3d\u017A \u0130stanbul",
     "\u0141\u00D3D\u0179|U \u0142\u00F3d\u017A|l \u0130stanbul|C"},
    {"Cafe\u0301 cre\u0300me", "Cafe\u0301|C cre\u0300me|l"},
    {"\u041C\u043E\u0441\u043A\u0432\u0430 \u0438 \u041A\u0418\u0415\u0412",
     "\u041C\u043E\u0441\u043A\u0432\u0430|C \u0438|l \u041A\u0418\u0415\u0412|U"},
    {"\u0391\u03B8\u03AE\u03BD\u03B1 \u0395\u0395", "\u0391\u03B8\u03AE\u03BD\u03B1|C \u0395\u0395|U"},
    {"\u5317\u4EAC \u6B22\u8FCE", "\u5317\u4EAC|l \u6B22\u8FCE|l"},
    {"Nguy\u1EC5n \u0110\u1EA1i", "Nguy\u1EC5n|C \u0110\u1EA1i|C"},
    {"price\u00A0rise", "price|l rise|l"},
    // Invalid UTF-8 separates tokens and is never part of one.
    {"caf\xC3 bar\xFF\xFE" "baz", "caf|l bar|l baz|l"},
    {"abc\xC3", "abc|l"},
    {"\xE2\x80", ""},
    {"\xED\xA0\x80word", "word|l"},
    {"x\xC0\xAFy", "x|l y|l"},
};

TEST(TokenizerTest, Table) {
  for (const TokenCase& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Render(c.text), c.tokens);
  }
}

TEST(TokenizerTest, SpansAreOffsetByBase) {
  const std::vector<Token> tokens = Tokenize("Hi there", 40);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].span, (Span{40, 42}));
  EXPECT_EQ(tokens[1].span, (Span{43, 48}));
}

// Token offsets are 32-bit (TokenSpan): text that would end past
// kMaxTokenOffset is cut there instead of giving offsets that wrap around.
TEST(TokenizerTest, OffsetsStopAtTheirLimit) {
  const std::vector<Token> near = Tokenize("alpha beta", kMaxTokenOffset - 10);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[1].span, (Span{kMaxTokenOffset - 4, kMaxTokenOffset}));
  const std::vector<Token> cut = Tokenize("alpha beta", kMaxTokenOffset - 7);
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(cut[0].span, (Span{kMaxTokenOffset - 7, kMaxTokenOffset - 2}));
  EXPECT_EQ(cut[1].span, (Span{kMaxTokenOffset - 1, kMaxTokenOffset}));  // "b" of "beta"
  EXPECT_TRUE(Tokenize("alpha", kMaxTokenOffset).empty());
  // A span converts to a Span and back unchanged.
  const Span s = cut[0].span;
  EXPECT_EQ(TokenSpan(s), cut[0].span);
}

// `count` pieces drawn from `pieces` by a fixed linear congruential
// sequence (the same strings on every run).
std::string RandomText(uint32_t* state, int count, const std::vector<std::string_view>& pieces) {
  std::string s;
  for (int i = 0; i < count; ++i) {
    *state = *state * 1664525u + 1013904223u;
    s += pieces[(*state >> 24) % pieces.size()];
  }
  return s;
}

// Every byte sequence tokenises without looping and with ordered, disjoint,
// in-range spans.
TEST(TokenizerTest, ArbitraryBytesTerminate) {
  static constexpr std::string_view kAlphabet = "aZ9.,'-\xC3\xA9\xE2\x80\x99\x9D\xFF \xCC\x81";
  std::vector<std::string_view> bytes;  // one piece per byte: sequences cut anywhere
  for (size_t i = 0; i < kAlphabet.size(); ++i) bytes.push_back(kAlphabet.substr(i, 1));
  uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    const std::string s = RandomText(&state, round % 40, bytes);
    size_t prev = 0;
    for (const Token& t : Tokenize(s)) {
      ASSERT_LE(prev, t.span.start) << s;
      ASSERT_LT(t.span.start, t.span.end) << s;
      ASSERT_LE(t.span.end, s.size()) << s;
      prev = t.span.end;
    }
  }
}

struct ShapeCase {
  std::string_view word;
  TokenShape shape;
};

const ShapeCase kShapes[] = {
    {"minister", TokenShape::kLower},
    {"e-mail", TokenShape::kLower},
    {"a.m.", TokenShape::kLower},
    {"Blinken", TokenShape::kCapitalized},
    {"Kyiv's", TokenShape::kCapitalized},
    {"McCain", TokenShape::kCapitalized},
    {"A", TokenShape::kCapitalized},
    {"NATO", TokenShape::kUpper},
    {"U.S.", TokenShape::kUpper},
    {"AFP", TokenShape::kUpper},
    {"NATO's", TokenShape::kUpper},
    {"NATO\u2019s", TokenShape::kUpper},
    {"NATOs", TokenShape::kCapitalized},
    {"iPhone", TokenShape::kMixed},
    {"eBay", TokenShape::kMixed},
    {"tHe", TokenShape::kMixed},
    {"1991", TokenShape::kNumber},
    {"3.5", TokenShape::kNumber},
    {"1,200", TokenShape::kNumber},
    {"", TokenShape::kNumber},
    {"C5", TokenShape::kAlphanumeric},
    {"2k23", TokenShape::kAlphanumeric},
    {"G7", TokenShape::kAlphanumeric},
    {"4th", TokenShape::kAlphanumeric},
    {"\u041C\u041E\u0421\u041A\u0412\u0410", TokenShape::kUpper},
    {"\u043C\u043E\u0441\u043A\u0432\u0430", TokenShape::kLower},
    {"\u00C9lys\u00E9e", TokenShape::kCapitalized},
    {"\u00DCBER", TokenShape::kUpper},
    {"\u03B1\u0398", TokenShape::kMixed},
    {"\u05E9\u05DC\u05D5\u05DD", TokenShape::kLower},  // caseless Hebrew
};

TEST(TokenizerTest, ShapeOf) {
  for (const ShapeCase& c : kShapes) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(ShapeLetter(ShapeOf(c.word)), ShapeLetter(c.shape));
  }
}

// The tokenizer counts a word's letters in its own loop; ShapeOf counts them
// with ShapeCounter. Every token's shape is ShapeOf of its text, and each
// word above is one token of its expected shape.
TEST(TokenizerTest, TokenShapesAgreeWithShapeOf) {
  for (const ShapeCase& c : kShapes) {
    if (c.word.empty()) continue;
    SCOPED_TRACE(c.word);
    const std::vector<Token> tokens = Tokenize(c.word);
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(ShapeLetter(tokens[0].shape), ShapeLetter(c.shape));
  }
  const std::vector<std::string_view> pieces = {
      "a", "Z", "Q", "9", "0", ".", ",", "'", "-", " ", "\u00E9", "\u00C9", "\u2019",
      "\u2010", "\u0301", "\u041C", "\u043C", "\u05E9", "\xFF", "s", "S"};
  uint32_t state = 777;
  for (int round = 0; round < 5000; ++round) {
    const std::string s = RandomText(&state, round % 48, pieces);
    for (const Token& t : Tokenize(s)) {
      const std::string_view word = std::string_view(s).substr(t.span.start, t.span.size());
      ASSERT_EQ(ShapeLetter(t.shape), ShapeLetter(ShapeOf(word))) << s << " | " << word;
    }
  }
}

}  // namespace
}  // namespace newslint
