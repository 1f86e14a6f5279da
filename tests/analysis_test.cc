#include "lint/analysis.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "lint/utf8.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

Article MakeArticle(std::string text) {
  Article a;
  a.text = std::move(text);
  return a;
}

std::vector<std::string> Strings(Analysis& an, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(an.view(s));
  return out;
}

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

std::string Repeat(std::string_view s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

struct Utf8Case {
  std::string bytes;
  bool valid;
  size_t bad_offset;  // when !valid
  size_t code_points;
};

const Utf8Case kUtf8Cases[] = {
    {"", true, 0, 0},
    {"Police said the road would reopen on Monday.", true, 0, 44},
    {"Z\u00FCrich", true, 0, 6},
    {"\u041C\u043E\u0441\u043A\u0432\u0430", true, 0, 6},
    {"\xF0\x9F\x93\xB0 news", true, 0, 6},             // U+1F4F0
    {"\xEF\xBF\xBD", true, 0, 1},                      // U+FFFD
    {"\xF4\x8F\xBF\xBF", true, 0, 1},                  // U+10FFFF
    {"\xED\x9F\xBF", true, 0, 1},                      // U+D7FF, below surrogates
    {"\xC3\x28", false, 0, 2},                         // lead without continuation
    {"abc\xC0\xAF", false, 3, 5},                      // overlong "/"
    {"\xC1\xBF", false, 0, 2},                         // overlong
    {"\xE0\x80\xAF", false, 0, 3},                     // overlong 3-byte
    {"\xF0\x80\x80\xAF", false, 0, 4},                 // overlong 4-byte
    {"ok \xED\xA0\x80", false, 3, 6},                  // surrogate U+D800
    {"\xF4\x90\x80\x80", false, 0, 4},                 // U+110000
    {"\xF5\x80\x80\x80", false, 0, 4},
    {"news\xE2\x80", false, 4, 6},                     // truncated at the end
    {"a\x80", false, 1, 2},                            // stray continuation
    {"\xE2\x80\x94\xFF", false, 3, 2},                 // em dash, then 0xFF
    {std::string(37, 'x') + "\xFF", false, 37, 38},    // past the 8-byte fast path
    {std::string(64, 'y') + "\xC3\xA9" + std::string(20, 'z') + "\xC3", false, 86, 86},
    {Repeat("\u041A\u0438\u0435\u0432 ", 40), true, 0, 200},  // past the SIMD threshold
    {Repeat("\u00E9", 100) + "\xFF", false, 200, 101},
    // More than 255 continuation bytes in a kilobyte: a word-at-a-time
    // count that summed its lanes in one byte wrapped here.
    {Repeat("\u041A\u0438\u0435\u0432 ", 400), true, 0, 2000},
    {Repeat("\u201C\u201D", 500), true, 0, 1000},
    {Repeat("\u65B0\u95FB", 700) + "x", true, 0, 1401},
};

TEST(Utf8Test, ValidityAndCount) {
  for (const Utf8Case& c : kUtf8Cases) {
    SCOPED_TRACE(testing::PrintToString(c.bytes));
    size_t bad = 12345;
    EXPECT_EQ(IsValidUtf8(c.bytes, &bad), c.valid);
    if (!c.valid) {
      EXPECT_EQ(bad, c.bad_offset);
    }
    EXPECT_EQ(IsValidUtf8(c.bytes), c.valid);
    EXPECT_EQ(CountCodePoints(c.bytes), c.code_points);
  }
}

// The word-at-a-time paths agree with a byte-by-byte reading of Unicode
// table 3-7 on random mixtures of valid and invalid sequences.
size_t ReferenceLength(const unsigned char* p, size_t n) {
  auto in = [](unsigned char b, int lo, int hi) { return b >= lo && b <= hi; };
  if (p[0] < 0x80) return 1;
  if (in(p[0], 0xC2, 0xDF)) return n >= 2 && in(p[1], 0x80, 0xBF) ? 2 : 0;
  if (n < 3) return 0;
  if (p[0] == 0xE0) return in(p[1], 0xA0, 0xBF) && in(p[2], 0x80, 0xBF) ? 3 : 0;
  if (in(p[0], 0xE1, 0xEC) || in(p[0], 0xEE, 0xEF))
    return in(p[1], 0x80, 0xBF) && in(p[2], 0x80, 0xBF) ? 3 : 0;
  if (p[0] == 0xED) return in(p[1], 0x80, 0x9F) && in(p[2], 0x80, 0xBF) ? 3 : 0;
  if (n < 4 || !in(p[2], 0x80, 0xBF) || !in(p[3], 0x80, 0xBF)) return 0;
  if (p[0] == 0xF0) return in(p[1], 0x90, 0xBF) ? 4 : 0;
  if (in(p[0], 0xF1, 0xF3)) return in(p[1], 0x80, 0xBF) ? 4 : 0;
  if (p[0] == 0xF4) return in(p[1], 0x80, 0x8F) ? 4 : 0;
  return 0;
}

TEST(Utf8Test, MatchesReferenceOnRandomInput) {
  static const std::string_view kPieces[] = {
      "a",        "Hello world ", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x93\xB0", "\x80",
      "\xC3",     "\xE2\x80",     "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "0123456789abcdef",
  };
  uint32_t state = 2024;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    // Mostly short strings, and every tenth one long (up to ~2,400 pieces:
    // kilobytes of multi-byte text, where the word-at-a-time counts flush).
    for (int k = round % 10 == 9 ? round % 2400 : round % 23; k > 0; --k) {
      state = state * 1664525u + 1013904223u;
      s += kPieces[(state >> 20) % std::size(kPieces)];
    }
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = 0, count = 0, first_bad = std::string::npos;
    while (i < s.size()) {
      const size_t len = ReferenceLength(p + i, s.size() - i);
      if (len == 0 && first_bad == std::string::npos) first_bad = i;
      i += len == 0 ? 1 : len;
      ++count;
    }
    SCOPED_TRACE(testing::PrintToString(s));
    size_t bad = 0;
    ASSERT_EQ(IsValidUtf8(s, &bad), first_bad == std::string::npos);
    if (first_bad != std::string::npos) {
      ASSERT_EQ(bad, first_bad);
    }
    ASSERT_EQ(CountCodePoints(s), count);
  }
}

TEST(Utf8Test, Windows1252RoundTrip) {
  EXPECT_EQ(utf8::Cp1252HighCharacter(0x92), U'\u2019');
  EXPECT_EQ(utf8::Cp1252HighCharacter(0x80), U'\u20ac');
  for (unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    EXPECT_EQ(utf8::Cp1252HighCharacter(undefined), 0u) << int(undefined);
  }
  EXPECT_EQ(utf8::Cp1252HighCharacter('A'), 0u);
  for (int b = 0x80; b <= 0x9F; ++b) {
    char32_t c = utf8::Cp1252HighCharacter(static_cast<unsigned char>(b));
    if (c != 0) EXPECT_EQ(utf8::Cp1252ByteOf(c), b);
  }
  EXPECT_EQ(utf8::Cp1252ByteOf(U'\u00e9'), 0xE9);  // Latin-1 stands for itself
  EXPECT_EQ(utf8::Cp1252ByteOf(U'\u0416'), -1);    // Cyrillic has no byte
}

TEST(Utf8Test, DecodeAndClassify) {
  EXPECT_EQ(utf8::DecodeAt("\xE2\x80\x99", 0).value, U'\u2019');
  EXPECT_EQ(utf8::DecodeAt("\xE2\x80\x99", 0).length, 3);
  EXPECT_FALSE(utf8::DecodeAt("\xE2\x80", 0).valid);
  EXPECT_EQ(utf8::DecodeAt("\xE2\x80", 0).length, 1);
  EXPECT_EQ(utf8::DecodeBefore("a\xC3\xA9", 3).value, U'\u00E9');
  EXPECT_FALSE(utf8::DecodeBefore("a\x80\x80", 3).valid);
  EXPECT_EQ(utf8::CaseOf(U'\u00DF'), utf8::LetterCase::kLower);    // ß
  EXPECT_EQ(utf8::CaseOf(U'\u0178'), utf8::LetterCase::kUpper);    // Ÿ
  EXPECT_EQ(utf8::CaseOf(U'\u00D7'), utf8::LetterCase::kNotLetter);  // ×
  EXPECT_EQ(utf8::CaseOf(U'\u4E2D'), utf8::LetterCase::kUncased);  // 中
  EXPECT_EQ(utf8::CaseOf(U'7'), utf8::LetterCase::kNotLetter);
  EXPECT_TRUE(utf8::IsSpace(U'\u00A0'));
  EXPECT_TRUE(utf8::IsSpace(U'\u3000'));
  EXPECT_FALSE(utf8::IsSpace(U'\u200D'));
  EXPECT_TRUE(utf8::IsCombiningMark(U'\u0301'));
}

// IsAllSpace's one-byte shortcut against the definition: every code point
// of the string is white space (IsSpace), for every single byte and for
// longer gaps.
TEST(Utf8Test, IsAllSpaceAgreesWithIsSpace) {
  for (int c = 0; c < 256; ++c) {
    const std::string s(1, static_cast<char>(c));
    EXPECT_EQ(utf8::IsAllSpace(s), c < 0x80 && utf8::IsSpace(static_cast<char32_t>(c))) << c;
  }
  EXPECT_TRUE(utf8::IsAllSpace(""));
  EXPECT_TRUE(utf8::IsAllSpace("  \t"));
  EXPECT_TRUE(utf8::IsAllSpace("\xC2\xA0"));
  EXPECT_TRUE(utf8::IsAllSpace(" \xE3\x80\x80\n"));
  EXPECT_FALSE(utf8::IsAllSpace(" -"));
  EXPECT_FALSE(utf8::IsAllSpace("\xE2\x80\x8D"));
}

// ---------------------------------------------------------------------------
// Lines and paragraphs
// ---------------------------------------------------------------------------

struct LinesCase {
  std::string_view text;
  std::vector<std::string> lines;
};

TEST(AnalysisTest, Lines) {
  const LinesCase cases[] = {
      {"", {}},
      {"a", {"a"}},
      {"a\n", {"a"}},
      {"\n", {""}},
      {"a\n\nb", {"a", "", "b"}},
      {"a\n\n", {"a", ""}},
      {"a\r\nb\r\n", {"a", "b"}},
      {"a\rb", {"a\rb"}},
      {"\r\n\r\n", {"", ""}},
  };
  for (const LinesCase& c : cases) {
    SCOPED_TRACE(testing::PrintToString(c.text));
    Article a = MakeArticle(std::string(c.text));
    Analysis an(a);
    EXPECT_EQ(Strings(an, an.lines()), c.lines);
  }
}

TEST(AnalysisTest, ParagraphsAreTrimmedNonBlankLines) {
  Article a = MakeArticle(
      "  Storm warning issued  \n\n\u00A0\n\tResidents were told to stay home.\u00A0\r\n \t \n"
      "\u2003Schools close Friday.");
  Analysis an(a);
  const std::vector<Paragraph>& ps = an.paragraphs();
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(an.view(ps[0].span), "Storm warning issued");
  EXPECT_EQ(ps[0].line, 0u);
  EXPECT_EQ(an.view(ps[1].span), "Residents were told to stay home.");
  EXPECT_EQ(ps[1].line, 3u);
  EXPECT_EQ(an.view(ps[2].span), "Schools close Friday.");
  EXPECT_EQ(ps[2].line, 5u);
}

TEST(AnalysisTest, SentencesStayInsideTheirParagraph) {
  Article a = MakeArticle(
      "Bridge reopens after repairs\n\nThe bridge reopened Monday. Traffic was light\n"
      "in the morning. Officials said the work cost $2.1 million.");
  Analysis an(a);
  std::vector<std::string> got;
  std::vector<size_t> paragraph;
  for (const Sentence& s : an.sentences()) {
    got.emplace_back(an.view(s.span));
    paragraph.push_back(s.paragraph);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "Bridge reopens after repairs", "The bridge reopened Monday.",
                     "Traffic was light", "in the morning.",
                     "Officials said the work cost $2.1 million."}));
  EXPECT_EQ(paragraph, (std::vector<size_t>{0, 1, 1, 2, 2}));
}

TEST(AnalysisTest, TokensInSpan) {
  Article a = MakeArticle("Rain fell. Roads in the U.S. closed.\nNew line here");
  Analysis an(a);
  ASSERT_EQ(an.sentences().size(), 3u);
  std::vector<std::string> words;
  for (const Token& t : an.TokensIn(an.sentences()[1].span)) words.emplace_back(an.view(t.span));
  EXPECT_EQ(words, (std::vector<std::string>{"Roads", "in", "the", "U.S.", "closed"}));
  EXPECT_TRUE(an.TokensIn({3, 3}).empty());
  EXPECT_EQ(an.TokensIn({0, a.text.size()}).size(), an.tokens().size());
  for (const Token& t : an.tokens()) {
    EXPECT_EQ(an.LineIndexOf(t.span.start), an.LineIndexOf(t.span.end - 1));
  }
}

// TokenWalk answers as TokensIn for the lines, sentences and paragraphs of
// every fixture walked in order, and for spans out of order, overlapping or
// empty (the search fallback).
TEST(AnalysisTest, TokenWalkGivesTokensIn) {
  auto same = [](std::span<const Token> a, std::span<const Token> b) {
    return a.data() == b.data() && a.size() == b.size();
  };
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    TokenWalk lines(an.tokens()), sentences(an.tokens()), paragraphs(an.tokens());
    for (const Span& l : an.lines()) ASSERT_TRUE(same(lines.In(l), an.TokensIn(l))) << a.source;
    for (const Sentence& s : an.sentences()) {
      ASSERT_TRUE(same(sentences.In(s.span), an.TokensIn(s.span))) << a.source;
    }
    for (const Paragraph& p : an.paragraphs()) {
      ASSERT_TRUE(same(paragraphs.In(p.span), an.TokensIn(p.span))) << a.source;
    }
    // Ascending with gaps (a view asking about a few of the lines): the
    // walk gallops over the tokens between.
    for (size_t every : {2, 3, 7, 40}) {
      TokenWalk sparse(an.tokens());
      for (size_t i = 0; i < an.lines().size(); i += every) {
        const Span l = an.lines()[i];
        ASSERT_TRUE(same(sparse.In(l), an.TokensIn(l))) << a.source << " every " << every;
      }
    }
    // Backwards, and spans that start inside or between tokens.
    TokenWalk any(an.tokens());
    const size_t n = a.text.size();
    for (size_t k = 0; k < 40 && n > 0; ++k) {
      const size_t start = (n - 1) - (k * 7919) % n;
      const Span span{start, std::min(n, start + (k * 31) % 200)};
      ASSERT_TRUE(same(any.In(span), an.TokensIn(span))) << a.source << " " << start;
    }
  }
}

// SentenceTokens(s) is TokensIn(sentences()[s].span), for every sentence of
// every fixture, asked in any order (the first call finds them all), and
// SentenceTokenRange gives the same tokens as indices into tokens().
TEST(AnalysisTest, SentenceTokensAreTokensInEachSentence) {
  auto same = [](std::span<const Token> a, std::span<const Token> b) {
    return a.data() == b.data() && a.size() == b.size();
  };
  size_t sentences = 0, empty = 0;
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    const size_t n = an.sentences().size();
    // Last sentence first: nothing may depend on the order of the calls.
    for (size_t k = n; k-- > 0;) {
      const std::span<const Token> in = an.TokensIn(an.sentences()[k].span);
      ASSERT_TRUE(same(an.SentenceTokens(k), in)) << a.source << " sentence " << k;
      const auto [first, end] = an.SentenceTokenRange(k);
      ASSERT_EQ(first, static_cast<size_t>(in.data() - an.tokens().data())) << a.source;
      ASSERT_EQ(end - first, in.size()) << a.source;
      empty += in.empty();
    }
    sentences += n;
  }
  EXPECT_GT(sentences, 1000u);  // the fixtures hold many sentences...
  EXPECT_GT(empty, 0u);         // ...and some without a token ("...", "—")
}

TEST(AnalysisTest, SentenceTokensOfAShortText) {
  Article a = MakeArticle(
      "Minister Jane Roe arrived. She met Kral!\n"
      "\n"
      "\u201cWe will sign,\u201d Roe said. ... \u2014 Then nothing.\n");
  Analysis an(a);
  std::vector<std::vector<std::string>> words;
  for (size_t s = 0; s < an.sentences().size(); ++s) {
    words.emplace_back();
    for (const Token& t : an.SentenceTokens(s)) words.back().emplace_back(an.view(t.span));
  }
  const std::vector<std::vector<std::string>> expected = {
      {"Minister", "Jane", "Roe", "arrived"}, {"She", "met", "Kral"}, {"We", "will", "sign", "Roe", "said"}};
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(std::vector(words.begin(), words.begin() + 3), expected);
}

// CodePointsIn skips the validation of valid pieces of valid text: it must
// still count exactly as CountCodePoints, for lines and for spans whose edges
// cut a sequence, in valid text and in text with invalid bytes.
TEST(AnalysisTest, CodePointsInCountsAsCountCodePoints) {
  std::vector<Article> articles = FixtureArticles();
  articles.push_back(MakeArticle("Z\u00FCrich \u2014 \u041A\u0438\u0435\u0432\n\xF0\x9F\x93\xB0 ok"));
  articles.push_back(MakeArticle("caf\u00E9 \xFF broken\n\xE2\x80 cut \u00E9t\u00E9\n\x80\x80"));
  articles.push_back(MakeArticle(Repeat("\u00E9t\u00E9 ", 30) + "\xC3"));
  size_t cut_edges = 0;
  for (const Article& a : articles) {
    Analysis an(a);
    for (const Span& l : an.lines()) {
      ASSERT_EQ(an.CodePointsIn(l), CountCodePoints(an.view(l))) << a.source;
    }
    const size_t n = a.text.size();
    for (size_t k = 0; k < 60 && n > 0; ++k) {
      const size_t start = (k * 7919) % n;
      const Span span{start, std::min(n, start + (k * 37) % 300)};
      const auto cont = [&](size_t i) {
        return i < n && (static_cast<unsigned char>(a.text[i]) & 0xC0) == 0x80;
      };
      cut_edges += cont(span.start) || cont(span.end);
      ASSERT_EQ(an.CodePointsIn(span), CountCodePoints(an.view(span)))
          << a.source << " " << span.start << "-" << span.end;
    }
  }
  EXPECT_GT(cut_edges, 0u);  // some spans did cut a sequence
}

// ---------------------------------------------------------------------------
// Locate and Excerpt
// ---------------------------------------------------------------------------

struct LocateCase {
  size_t offset;
  int64_t line;
  int64_t column;
};

TEST(AnalysisTest, Locate) {
  // Bytes: "ab\n" 0-2, "c" 3, "é" 4-5, "\r" 6, "\n" 7, "xyz" 8-10.
  Article a = MakeArticle("ab\nc\u00E9\r\nxyz");
  const LocateCase cases[] = {
      {0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 2, 3},
      {7, 2, 3}, {8, 3, 1}, {10, 3, 3}, {11, 3, 4}, {500, 3, 4},
  };
  for (const LocateCase& c : cases) {
    SCOPED_TRACE(c.offset);
    Analysis fresh(a);
    const LineColumn lc = fresh.Locate(c.offset);
    EXPECT_EQ(lc.line, c.line);
    EXPECT_EQ(lc.column, c.column);
  }
  // The incremental path gives the same answers, in any order.
  Analysis shared(a);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < std::size(cases); ++k) {
      const LocateCase& c = cases[pass == 0 ? k : std::size(cases) - 1 - k];
      const LineColumn lc = shared.Locate(c.offset);
      EXPECT_EQ(lc.line, c.line) << c.offset;
      EXPECT_EQ(lc.column, c.column) << c.offset;
    }
  }
}

TEST(AnalysisTest, LocateOnEmptyAndNewlineOnlyText) {
  Article empty = MakeArticle("");
  Analysis e(empty);
  EXPECT_EQ(e.LineIndexOf(0), 0u);
  EXPECT_EQ(e.Locate(0).line, 1);
  EXPECT_EQ(e.Locate(0).column, 1);
  EXPECT_EQ(e.Excerpt({0, 0}), "");

  Article trailing = MakeArticle("abc\n");
  Analysis t(trailing);
  EXPECT_EQ(t.Locate(4).line, 1);
  EXPECT_EQ(t.Locate(4).column, 4);
}

TEST(AnalysisTest, ExcerptShortLineIsWholeLine) {
  Article a = MakeArticle("First line\nThe minister spoke briefly.\nLast");
  Analysis an(a);
  const ExcerptWindow w = an.ExcerptOf({15, 23});  // "minister"
  EXPECT_EQ(w.text, "The minister spoke briefly.");
  EXPECT_EQ(w.span_column, 4u);
  EXPECT_EQ(w.span_width, 8u);
  EXPECT_EQ(an.Excerpt({15, 23}), "The minister spoke briefly.");
}

std::string CodePointSlice(std::string_view s, size_t from, size_t count) {
  size_t b = 0;
  for (size_t k = 0; k < from && b < s.size(); ++k) b += utf8::DecodeAt(s, b).length;
  size_t e = b;
  for (size_t k = 0; k < count && e < s.size(); ++k) e += utf8::DecodeAt(s, e).length;
  return std::string(s.substr(b, e - b));
}

struct ExcerptCase {
  std::string_view needle;  // the span: first occurrence in the line
  size_t max_code_points;
  bool cut_left;
  bool cut_right;
};

TEST(AnalysisTest, ExcerptCutsLongLinesAroundTheSpan) {
  std::string line;
  for (int i = 0; i < 20; ++i) line += "Der Bürgermeister sprach über die Straße. ";
  line += "ENDE";
  Article a = MakeArticle("Titel\n" + line + "\nFuß");
  Analysis an(a);
  const ExcerptCase cases[] = {
      {"Der", 40, false, true},       // at the start of the line
      {"ENDE", 40, true, false},      // at the end
      {"sprach", 60, false, true},    // first occurrence, near the start
      {"Straße. ENDE", 30, true, false},
      {"ENDE", 7, true, false},
  };
  for (const ExcerptCase& c : cases) {
    SCOPED_TRACE(c.needle);
    const size_t at = c.needle == "Straße. ENDE" || c.needle == "ENDE"
                          ? a.text.rfind(c.needle)
                          : a.text.find(c.needle, 6);
    const Span span{at, at + c.needle.size()};
    const ExcerptWindow w = an.ExcerptOf(span, c.max_code_points);
    EXPECT_LE(CountCodePoints(w.text), c.max_code_points) << w.text;
    EXPECT_TRUE(IsValidUtf8(w.text)) << w.text;
    EXPECT_EQ(w.text.starts_with("..."), c.cut_left) << w.text;
    EXPECT_EQ(w.text.ends_with("..."), c.cut_right) << w.text;
    EXPECT_EQ(CodePointSlice(w.text, w.span_column, w.span_width),
              CodePointSlice(c.needle, 0, w.span_width))
        << w.text;
    EXPECT_EQ(an.Excerpt(span, c.max_code_points), w.text);
  }
}

TEST(AnalysisTest, ExcerptCentresAShortSpanInTheMiddle) {
  std::string line(100, 'a');
  line += "TARGET";
  line += std::string(100, 'b');
  Article a = MakeArticle(line);
  Analysis an(a);
  const ExcerptWindow w = an.ExcerptOf({100, 106}, 26);
  EXPECT_EQ(w.text, "...aaaaaaaTARGETbbbbbbb...");
  EXPECT_EQ(w.span_column, 10u);
  EXPECT_EQ(w.span_width, 6u);
}

TEST(AnalysisTest, ExcerptKeepsInvalidBytesWhole) {
  std::string line = std::string(50, 'x') + "\xFF\xC3" + std::string(50, 'y');
  Article a = MakeArticle(line);
  Analysis an(a);
  const ExcerptWindow w = an.ExcerptOf({50, 51}, 20);
  EXPECT_LE(CountCodePoints(w.text), 20u);
  EXPECT_NE(w.text.find('\xFF'), std::string::npos);
}

// ExcerptOf as first written, the definition: every count from the line's
// start, decoding (ExcerptOf keeps counts between calls on valid UTF-8).
ExcerptWindow ReferenceExcerptOf(std::string_view text, const std::vector<Span>& lines, Span span,
                                 size_t max) {
  if (lines.empty()) return {};
  size_t index = 0;
  while (index + 1 < lines.size() && lines[index + 1].start <= span.start) ++index;
  const std::string_view line = text.substr(lines[index].start, lines[index].size());
  const size_t s0 = std::clamp(span.start, lines[index].start, lines[index].end) - lines[index].start;
  const size_t s1 = std::clamp(span.end, lines[index].start + s0, lines[index].end) - lines[index].start;
  const size_t before = CountCodePoints(line.substr(0, s0));
  const size_t width = CountCodePoints(line.substr(s0, s1 - s0));
  const size_t total = before + width + CountCodePoints(line.substr(s1));
  if (total <= max) return {std::string(line), before, width};
  const size_t room = max - 6, pad = width >= room ? 0 : (room - width) / 2;
  const size_t centred = before > pad ? before - pad : 0;
  size_t from, to;
  if (centred == 0) {
    from = 0, to = max - 3;
  } else if (total - (max - 3) <= centred) {
    from = total - (max - 3), to = total;
  } else {
    from = centred, to = centred + room;
  }
  auto advance = [&](size_t at, size_t n) {
    for (; n > 0 && at < line.size(); --n) at += utf8::DecodeAt(line, at).length;
    return at;
  };
  const size_t b_from = advance(0, from), b_to = advance(b_from, to - from);
  ExcerptWindow out;
  if (from > 0) out.text += "...";
  out.text.append(line.substr(b_from, b_to - b_from));
  if (to < total) out.text += "...";
  out.span_column = (from > 0 ? 3 : 0) + (before > from ? before - from : 0);
  const size_t span_end = std::min(before + width, to);
  out.span_width = span_end > std::max(before, from) ? span_end - std::max(before, from) : 0;
  return out;
}

TEST(AnalysisTest, ExcerptOfManySpansAgreesWithCountingEachFromTheLineStart) {
  std::mt19937 rng(20261201);
  const std::vector<std::string> pieces = {"word ", "Straße ", "\u201Cq\u201D ", "\xF0\x9F\x98\x80",
                                           "\n", "a", "(", " "};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t n = std::uniform_int_distribution<size_t>(1, 400)(rng);
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    if (round % 3 == 0) text.insert(rng() % text.size(), "\xC3");  // ill-formed: decoded counts
    Article a = MakeArticle(text);
    Analysis an(a);
    const std::vector<Span> lines = an.lines();
    // Spans at code point starts (and some inside a sequence), mostly in
    // text order as the engine asks, sometimes going back.
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size(); i += utf8::DecodeAt(text, i).length) starts.push_back(i);
    std::vector<Span> spans;
    for (int k = 0; k < 40; ++k) {
      size_t b = starts[rng() % starts.size()];
      if (k % 13 == 0) b = rng() % text.size();
      const size_t e = std::min(text.size(), b + rng() % 30);
      spans.push_back({b, e});
    }
    std::sort(spans.begin(), spans.begin() + 30,
              [](const Span& x, const Span& y) { return x.start < y.start; });
    for (const Span& span : spans) {
      for (size_t max : {12u, 40u, 160u}) {
        const ExcerptWindow want = ReferenceExcerptOf(text, lines, span, max);
        const ExcerptWindow got = an.ExcerptOf(span, max);
        ASSERT_EQ(got.text, want.text) << round << " " << span.start << "-" << span.end;
        ASSERT_EQ(got.span_column, want.span_column);
        ASSERT_EQ(got.span_width, want.span_width);
      }
    }
  }
}

// A shared view type per N, each remembering its N, the article it was made
// from and how many of its kind were made.
template <int N>
struct CountedView {
  static inline int made = 0;
  int n = N;
  const Analysis* from;
  explicit CountedView(Analysis& analysis) : from(&analysis) { ++made; }
};

template <int... N>
void ExpectOneViewPerType(Analysis& analysis, std::integer_sequence<int, N...>) {
  // Built in one order, asked again in the other: each type's own view,
  // made once, whether its number is within the indexed ones or past them.
  std::vector<const void*> first = {&analysis.Shared<CountedView<N>>()...};
  std::vector<const void*> again;
  ((again.insert(again.begin(), &analysis.Shared<CountedView<N>>())), ...);
  std::reverse(again.begin(), again.end());
  EXPECT_EQ(first, again);
  const std::vector<int> numbers = {analysis.Shared<CountedView<N>>().n...};
  EXPECT_EQ(numbers, std::vector<int>({N...}));
  const std::vector<const Analysis*> from = {analysis.Shared<CountedView<N>>().from...};
  EXPECT_EQ(from, std::vector<const Analysis*>(sizeof...(N), &analysis));
}

TEST(AnalysisTest, SharedViewsOneOfEachTypePerArticle) {
  // More types than Analysis indexes directly (16), so that the list it
  // searches past them is exercised too.
  using Types = std::make_integer_sequence<int, 24>;
  const Article a = MakeArticle("One line.");
  const Article b = MakeArticle("Another line.");
  Analysis first(a);
  Analysis second(b);
  // The counters are per type and outlive the test: compare against their
  // values at the start, so that the test holds when it is repeated.
  const int made0 = CountedView<0>::made;
  const int made23 = CountedView<23>::made;
  const int made30 = CountedView<30>::made;
  ExpectOneViewPerType(first, Types{});
  EXPECT_EQ(CountedView<0>::made, made0 + 1);
  EXPECT_EQ(CountedView<23>::made, made23 + 1);
  ExpectOneViewPerType(second, Types{});
  EXPECT_EQ(CountedView<0>::made, made0 + 2);
  EXPECT_EQ(CountedView<23>::made, made23 + 2);
  EXPECT_NE(&first.Shared<CountedView<5>>(), &second.Shared<CountedView<5>>());
  EXPECT_NE(&first.Shared<CountedView<20>>(), &second.Shared<CountedView<20>>());
  // A view made by a factory is found by the plain call, and the other way.
  const auto& made = first.Shared<CountedView<30>>([&] { return CountedView<30>(first); });
  EXPECT_EQ(&made, &first.Shared<CountedView<30>>());
  EXPECT_EQ(CountedView<30>::made, made30 + 1);
}

}  // namespace
}  // namespace newslint
