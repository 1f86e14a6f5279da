// The quotation scan (lint/quotations.cc, ScanMarks) finds the marks by
// their lead bytes, sixteen bytes at a time, and decodes only the code
// points around each mark (backwards too); these compare it with the
// reference scan, which decodes the whole paragraph first, on every
// paragraph of every fixture article (and the whole Quotations view built
// from either), every substring of fixture text up to 24 bytes (UTF-8 cut
// anywhere), every string of up to six bytes over an alphabet of mark bytes,
// random bytes, and edge cases: every mark at every offset around the 16-,
// 32- and 64-byte block edges, ill-formed UTF-8 before and after marks,
// runs of marks, very long lines.

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

using quotations_internal::ScanMarksForTest;
using quotations_internal::ScannedMark;

std::string Hex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
    out += ' ';
  }
  return out;
}

// Returns how many marks the scans read.
size_t ExpectScansAgree(std::string_view para) {
  const std::vector<ScannedMark> fast = ScanMarksForTest(para, false);
  const std::vector<ScannedMark> want = ScanMarksForTest(para, true);
  EXPECT_EQ(fast, want) << "\"" << para << "\"\n" << Hex(para);
  return want.size();
}

// Every mark of lint/quotations.h, and bytes that look like one.
const std::vector<std::string>& Marks() {
  static const std::vector<std::string> kMarks = {
      "\"",           "'",            "\u201C",       "\u201D",       "\u201E",
      "\u2018",       "\u2019",       "\u201A",       "\u00AB",       "\u00BB",
      "\u2039",       "\u203A",       "\u300C",       "\u300D",       "\u300E",
      "\u300F",       "\u2032",       "\u2033",       "\u2014",       "\u00A0",
      "\u3001",       "\xE2\x80",     "\xE2",         "\xC2",         "\xE3\x80",
      "\xC2\xBB\xBB", "\x80\xE2\x80\x9D"};
  return kMarks;
}

// What can stand next to a mark.
const std::vector<std::string>& Neighbours() {
  static const std::vector<std::string> kNeighbours = {
      "",        "a",        "s",       "x",          "1",        " ",        "\u00A0",
      ".",       ",",        "!",       "(",          ")",        "-",        "\u2014",
      "\u00E9",  "\u05D0",   "\u00C3",  "\u00C2",     "\u00E2\u20AC", "\u00EF",  "\u00E2",
      "\x80",    "\x99\x99", "\xE2\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98", "U.S.", "do.",
      "em",      "n",        "90",      "\u2026",     "\u300D",  "\u201D\u201D"};
  return kNeighbours;
}

TEST(QuotationsScanTest, KnownMarks) {
  // Behaviour the comparison below relies on the reference for: apostrophes
  // inside words are not marks, quotation marks are.
  EXPECT_TRUE(ScanMarksForTest("don\u2019t stop", false).empty());
  EXPECT_TRUE(ScanMarksForTest("the \u201990s", false).empty());
  const std::vector<ScannedMark> marks = ScanMarksForTest("\u201CYes,\u201D he said", false);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].start, 0u);
  EXPECT_EQ(marks[0].end, 3u);
  EXPECT_EQ(marks[1].start, 7u);
  EXPECT_EQ(marks[1].end, 10u);
  EXPECT_NE(marks[0].cand, marks[1].cand);  // one opens, one closes
  // A mark in a URL is not one.
  EXPECT_TRUE(ScanMarksForTest("see http://x.org/a'b now", false).empty());
  // Past the first sixteen-byte block, and in the tail after the last one.
  const std::string french = std::string(40, 'a') + " \u00ABoui\u00BB." + std::string(17, 'b');
  EXPECT_EQ(ScanMarksForTest(french, false).size(), 2u);
  EXPECT_EQ(ScanMarksForTest(std::string(32, 'a') + " \u300Cx\u300D", false).size(), 2u);
}

TEST(QuotationsScanTest, FixtureParagraphs) {
  size_t paragraphs = 0, marks = 0;
  for (const Article& article : FixtureArticles()) {
    Analysis analysis(article);
    for (const Paragraph& p : analysis.paragraphs()) {
      marks += ExpectScansAgree(analysis.view(p.span));
      ++paragraphs;
    }
    // Whole texts too: lines, blank lines and all.
    ExpectScansAgree(article.text);
  }
  EXPECT_GT(paragraphs, 1000u);
  EXPECT_GT(marks, 1000u);
}

void ExpectSameQuotations(const Quotations& a, const Quotations& b, const std::string& what) {
  ASSERT_EQ(a.quotations().size(), b.quotations().size()) << what;
  for (size_t i = 0; i < a.quotations().size(); ++i) {
    const Quotation& x = a.quotations()[i];
    const Quotation& y = b.quotations()[i];
    auto mark = [](const std::optional<QuoteMark>& m) {
      return m ? std::vector<size_t>{m->span.start, m->span.end, size_t(m->glyph)}
               : std::vector<size_t>{};
    };
    EXPECT_EQ(mark(x.open), mark(y.open)) << what << " quotation " << i;
    EXPECT_EQ(mark(x.close), mark(y.close)) << what << " quotation " << i;
    EXPECT_EQ(x.content.start, y.content.start) << what << " quotation " << i;
    EXPECT_EQ(x.content.end, y.content.end) << what << " quotation " << i;
    EXPECT_EQ(x.paragraph, y.paragraph) << what << " quotation " << i;
    EXPECT_EQ(x.family, y.family) << what << " quotation " << i;
    EXPECT_EQ(x.level, y.level) << what << " quotation " << i;
    EXPECT_EQ(x.continues, y.continues) << what << " quotation " << i;
    EXPECT_EQ(x.continued, y.continued) << what << " quotation " << i;
    EXPECT_EQ(x.first, y.first) << what << " quotation " << i;
    EXPECT_EQ(x.mismatched, y.mismatched) << what << " quotation " << i;
  }
  ASSERT_EQ(a.problems().size(), b.problems().size()) << what;
  for (size_t i = 0; i < a.problems().size(); ++i) {
    const QuoteProblem& x = a.problems()[i];
    const QuoteProblem& y = b.problems()[i];
    EXPECT_EQ(x.kind, y.kind) << what << " problem " << i;
    EXPECT_EQ(x.mark.span.start, y.mark.span.start) << what << " problem " << i;
    EXPECT_EQ(x.mark.glyph, y.mark.glyph) << what << " problem " << i;
    EXPECT_EQ(x.opening.has_value(), y.opening.has_value()) << what << " problem " << i;
    if (x.opening && y.opening) {
      EXPECT_EQ(x.opening->span.start, y.opening->span.start) << what << " problem " << i;
    }
    EXPECT_EQ(x.paragraph, y.paragraph) << what << " problem " << i;
    EXPECT_EQ(x.quotation, y.quotation) << what << " problem " << i;
    EXPECT_EQ(x.continues, y.continues) << what << " problem " << i;
  }
  ASSERT_EQ(a.paragraph_count(), b.paragraph_count()) << what;
  for (size_t p = 0; p < a.paragraph_count(); ++p) {
    const ParagraphQuotes& x = a.paragraph(p);
    const ParagraphQuotes& y = b.paragraph(p);
    EXPECT_EQ(x.opening, y.opening) << what << " paragraph " << p;
    EXPECT_EQ(x.closing, y.closing) << what << " paragraph " << p;
    EXPECT_EQ(x.first_quotation, y.first_quotation) << what << " paragraph " << p;
    EXPECT_EQ(x.end_quotation, y.end_quotation) << what << " paragraph " << p;
    EXPECT_EQ(x.continues, y.continues) << what << " paragraph " << p;
    EXPECT_EQ(x.continued, y.continued) << what << " paragraph " << p;
    EXPECT_EQ(x.skipped, y.skipped) << what << " paragraph " << p;
  }
}

TEST(QuotationsScanTest, FixtureArticlesWholeView) {
  size_t quotations = 0;
  for (const Article& article : FixtureArticles()) {
    Analysis fast_analysis(article);
    const Quotations fast(fast_analysis);
    quotations_internal::UseReferenceScanForTest(true);
    Analysis ref_analysis(article);
    const Quotations ref(ref_analysis);
    quotations_internal::UseReferenceScanForTest(false);
    ExpectSameQuotations(fast, ref, article.id + " " + article.text.substr(0, 60));
    quotations += ref.quotations().size();
  }
  EXPECT_GT(quotations, 500u);
}

TEST(QuotationsScanTest, FixtureSubstrings) {
  size_t marks = 0;
  const size_t checked =
      ForEachFixtureSubstring(24, [&](std::string_view s) { marks += ExpectScansAgree(s); });
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(marks, 10000u);
}

TEST(QuotationsScanTest, EveryShortStringOverMarkBytes) {
  // Lead and continuation bytes of “ ” ’ » 「, ASCII quotes, letters,
  // digits, a space and a full stop: marks glued to ill-formed UTF-8 in
  // every arrangement up to six bytes.
  ForEachStringOver("\"'a1 .\xE2\x80\x9D\x99\xC2\xBB\xE3\x8C", 5,
                    [](std::string_view s) { ExpectScansAgree(s); });
  ForEachStringOver("'s \xE2\x80\x99\xC3", 7, [](std::string_view s) { ExpectScansAgree(s); });
}

TEST(QuotationsScanTest, MarksAtEveryOffsetAroundBlockEdges) {
  for (const std::string& mark : Marks()) {
    for (const std::string& before : Neighbours()) {
      for (const std::string& after : Neighbours()) {
        const std::string core = before + mark + after;
        for (size_t pad :
             {0, 1, 2, 3, 13, 14, 15, 16, 17, 29, 30, 31, 32, 33, 61, 62, 63, 64, 65}) {
          ExpectScansAgree(std::string(pad, 'a') + core);
          ExpectScansAgree(std::string(pad, 'a') + core + std::string(pad, 'b'));
          ExpectScansAgree(std::string(pad, ' ') + core + " " + mark + std::string(pad, 'c'));
        }
      }
    }
  }
}

TEST(QuotationsScanTest, NestedUnclosedAndRunsOfMarks) {
  const std::vector<std::string> cases = {
      "",
      "\"",
      "''",
      "\u201C\u2018Yes,\u2019 she said.\u201D",
      "\u201E\u201AJa\u2018, sagte er\u201C",
      "\u00AB Il a dit \u2039 non \u203A \u00BB",
      "\u00BBreversed\u00AB and Home \u00BB World",
      "\u201CUnclosed at the end",
      "closed with nothing open.\u201D He left.",
      "\"\"\"\"\"\"\u201C\u201D\u201C\u201D\u2019\u2019\u2019' x \"\"\"",
      "He\u2019s 6\u20192\u201D and 5'11\", a 12\" single",
      "the players\u2019 union, rock \u2019n\u2019 roll, \u2019em, \u201990s, O\u2019Brien",
      "\u05E6\u05D4\"\u05DC and \u05D0\"",
      "\u00E2\u20AC\u201D \u00C3\u201Cscar \u00C2\u00BB \u00EF\u00BB\u00BF AMANH\u00C3\u201D",
      "U.S.\u2019 role, he said.\u2019 and yes!\u2019 and do.\u2019",
      "\u300C\u300E\u6771\u4EAC\u300F\u300D",
      "\xE2\x80\x99\x99\x99\x99 \x80\x80\x80\x80\x80\"a\" \xF0\x9F\x98\x80\u2019s",
      "\xE2\x80\u201D\xE2\u2019\xC2\u00BB\xE3\x80\u300D",
  };
  for (const std::string& c : cases) {
    ExpectScansAgree(c);
    for (size_t pad = 1; pad < 70; ++pad) ExpectScansAgree(std::string(pad, 'x') + " " + c);
  }
  // A very long line: marks far apart, and a run of thousands of marks.
  std::string longline;
  for (int i = 0; i < 2000; ++i) {
    longline += "word ";
    if (i % 97 == 0) longline += "\u201Cquoted\u201D ";
    if (i % 89 == 0) longline += "it\u2019s ";
  }
  ExpectScansAgree(longline);
  std::string marks_only;
  for (int i = 0; i < 3000; ++i) marks_only += i % 3 == 0 ? "\u201C" : i % 3 == 1 ? "'" : "\u00BB";
  ExpectScansAgree(marks_only);
  ExpectScansAgree("a " + marks_only + " b");
}

TEST(QuotationsScanTest, RandomBytes) {
  std::mt19937 rng(20261129);
  const std::string alphabet =
      "\"' aeiostx1.,!?()-\xE2\x80\x9C\x9D\x98\x99\xC2\xBB\xAB\xE3\x8C\x8D\xC3\xD7\x90\xEF\xF0\x9F";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> any(0, 255);
  std::uniform_int_distribution<size_t> length(0, 150);
  for (int round = 0; round < 40000; ++round) {
    std::string s(length(rng), ' ');
    for (char& c : s) c = static_cast<char>(round % 4 == 0 ? any(rng) : alphabet[pick(rng)]);
    ExpectScansAgree(s);
  }
}

// Marks among URLs (ScanMarks skips a mark inside one with a cursor over
// the paragraph's URLs) and in runs next to other runs (the scan remembers
// where its last walk over a run of marks ended).
TEST(QuotationsScanTest, RandomTokensWithUrlsAndRuns) {
  std::mt19937 rng(20261201);
  const std::vector<std::string> tokens = {
      "\u201C", "\u201D", "'",  "\"", "\u2019", "\u00BB", "\u00AB", "word", " ", " ", "(", ")",
      ".",      ",",      "-",  "1",  "http://ex.com/a'b\"c", "https://x.org/\u201Cq\u201D",
      "www.site.net/it's", "me@mail.org", "\xE2\x80", "\xC3"};
  std::uniform_int_distribution<size_t> pick(0, tokens.size() - 1);
  std::uniform_int_distribution<size_t> length(0, 60);
  size_t marks = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (size_t n = length(rng); n > 0; --n) s += tokens[pick(rng)];
    marks += ExpectScansAgree(s);
  }
  EXPECT_GT(marks, 100000u);  // the strings hold marks the scans read, not only skipped ones
}

// EndsLikeSentence as it was written before its ASCII table: DecodeBefore and
// the Unicode tests for every code point from the end.
bool ReferenceEndsLikeSentence(std::string_view p) {
  size_t end = p.size();
  while (end > 0) {
    utf8::CodePoint cp = utf8::DecodeBefore(p, end);
    const char32_t c = cp.value;
    if (utf8::IsSpace(c) || QuoteGlyphOf(c).has_value() || c == ')' || c == ']' || c == '}' ||
        c == U'\uFF09') {
      end -= cp.length;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == U'\u2026' || c == U'\u3002' || c == U'\uFF01' ||
           c == U'\uFF1F';
  }
  return false;
}

TEST(QuotationsScanTest, EndsLikeSentenceMatchesReference) {
  EXPECT_TRUE(EndsLikeSentence("He left.\u201D )  "));
  EXPECT_FALSE(EndsLikeSentence("Home \u00BB World \u00BB"));
  size_t sentences = 0;
  for (const Article& article : FixtureArticles()) {
    Analysis analysis(article);
    for (const Paragraph& p : analysis.paragraphs()) {
      const std::string_view v = analysis.view(p.span);
      ASSERT_EQ(EndsLikeSentence(v), ReferenceEndsLikeSentence(v)) << v;
      sentences += EndsLikeSentence(v);
    }
  }
  EXPECT_GT(sentences, 500u);
  ForEachFixtureSubstring(12, [](std::string_view s) {
    ASSERT_EQ(EndsLikeSentence(s), ReferenceEndsLikeSentence(s)) << Hex(s);
  });
  ForEachStringOver(".a \"')\xE2\x80\xA6\x9D\xC2\xBB\xA0\xEF\xBC\x89", 5, [](std::string_view s) {
    ASSERT_EQ(EndsLikeSentence(s), ReferenceEndsLikeSentence(s)) << Hex(s);
  });
  for (int b = 0; b < 256; ++b) {
    for (const std::string tail : {"", " ", "\u201D", ")", "\u3000"}) {
      const std::string s = "x" + std::string(1, static_cast<char>(b)) + tail;
      ASSERT_EQ(EndsLikeSentence(s), ReferenceEndsLikeSentence(s)) << Hex(s);
    }
  }
}

}  // namespace
}  // namespace newslint
