// Tests of the quality/* measurements (rules/quality_metrics.h) and rules.
// Every expected value is worked out by hand in the comment beside it,
// following docs/rules/quality/README.md; a change of definition must change
// these numbers and the page together.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "lint/analysis.h"
#include "lint/registry.h"
#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// ---------------------------------------------------------------------------
// Word and line counts, table-driven.

struct CountCase {
  const char* name;
  std::string text;
  uint64_t words, word_chars, alphabetic, hashes, ellipses;
  uint64_t lines, line_chars, bullets, ellipsis_lines, terminal;
  uint64_t norm_words, norm_chars;
};

class CountTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(CountTest, MatchesHandCount) {
  const CountCase& c = GetParam();
  QualityStats s(c.text);
  EXPECT_EQ(s.word_count, c.words);
  EXPECT_EQ(s.word_chars, c.word_chars);
  EXPECT_EQ(s.alphabetic_words, c.alphabetic);
  EXPECT_EQ(s.hash_count, c.hashes);
  EXPECT_EQ(s.ellipsis_count, c.ellipses);
  EXPECT_EQ(s.lines.size(), c.lines);
  EXPECT_EQ(s.line_chars, c.line_chars);
  EXPECT_EQ(s.bullet_lines, c.bullets);
  EXPECT_EQ(s.ellipsis_lines, c.ellipsis_lines);
  EXPECT_EQ(s.terminal_lines, c.terminal);
  EXPECT_EQ(s.words.size(), c.norm_words);
  EXPECT_EQ(s.normalised_chars, c.norm_chars);
}

INSTANTIATE_TEST_SUITE_P(
    Quality, CountTest,
    ::testing::Values(
        // Nothing at all.
        CountCase{"Empty", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        // Only white space: no word, every line blank.
        CountCase{"OnlyWhitespace", " \t\n \r\n\xC2\xA0\n", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        // "Hello": 1 word of 5; 1 line of 5, no terminal; normalised "hello" = 5.
        CountCase{"OneWord", "Hello", 1, 5, 1, 0, 0, 1, 5, 0, 0, 0, 1, 5},
        // CRLF: words One(3) two.(4) Three(5) four!(5) = 17; lines "One two." (8)
        // and "Three four!" (11) = 19, both terminal; normalised one two three
        // four = 3+3+5+4 = 15.
        CountCase{"Crlf", "One two.\r\nThree four!\r\n", 4, 17, 4, 0, 0, 2, 19, 0, 0, 2, 4, 15},
        // "Ça coûte 5 €.": Ça(2) coûte(5) 5(1) €.(2) = 10 code points, not 14
        // bytes; letters in Ça and coûte = 2; line 2+1+5+1+1+1+2 = 13, ends in
        // "."; normalised ça(2) coûte(5) 5(1), "€." strips to nothing: 3 / 8.
        CountCase{"NonAscii", "\xC3\x87" "a co\xC3\xBBte 5 \xE2\x82\xAC.", 4, 10, 2, 0, 0, 1, 13,
                  0, 0, 1, 3, 8},
        // A line of only "…": one word of 1 code point, no letter; one
        // ellipsis; the line ends with an ellipsis and "…" is terminal;
        // nothing survives normalisation.
        CountCase{"OnlyEllipsis", "\xE2\x80\xA6", 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0},
        // "..." counted as str.count does: Wait... (1) what.... (1, four dots)
        // no...... (2) = 4; words 7+8+8 = 23; the line ends with "...".
        CountCase{"Ellipses", "Wait... what.... no......", 3, 23, 3, 0, 4, 1, 25, 0, 1, 1, 3, 10},
        // "#news #world today": 2 "#"; words 5+6+5 = 16; normalised news world
        // today = 4+5+5 = 14.
        CountCase{"Hashes", "#news #world today", 3, 16, 3, 2, 0, 1, 18, 0, 0, 0, 3, 14},
        // Bullets: "•", "-" and "*" open bullet lines, "—" (em dash) does not:
        // 3 of 5 lines. Words: • one - two * three — four plain = 9 words,
        // 1+3+1+3+1+5+1+4+5 = 24; lines 5+5+7+6+5 = 28; normalised one two
        // three four plain = 3+3+5+4+5 = 20.
        CountCase{"Bullets", "\xE2\x80\xA2 one\n- two\n* three\n\xE2\x80\x94 four\nplain", 9, 24,
                  5, 0, 0, 5, 28, 3, 0, 0, 5, 20},
        // U+200B is not white space (str.isspace() says no): "a\u200Bb" is one
        // word of 3 code points; U+00A0 is: "c\u00A0d" is two words.
        CountCase{"ZeroWidthSpaceJoins", "a\xE2\x80\x8B" "b c\xC2\xA0" "d", 3, 5, 3, 0, 0, 1, 7, 0,
                  0, 0, 3, 5},
        // An ill-formed byte is one character and not a letter: "ab\xFF" "cd"
        // is one word of 5, kept whole by normalisation (it sits between
        // letters); "ef" 2 more.
        CountCase{"InvalidUtf8", "ab\xFF" "cd ef", 2, 7, 2, 0, 0, 1, 8, 0, 0, 0, 2, 7}),
    [](const ::testing::TestParamInfo<CountCase>& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------
// Duplicate lines and paragraphs.

struct DuplicateCase {
  const char* name;
  std::string text;
  uint64_t lines, line_chars, dup_lines, dup_line_chars;
  uint64_t paragraphs, dup_paragraphs, dup_paragraph_chars;
};

class DuplicateTest : public ::testing::TestWithParam<DuplicateCase> {};

TEST_P(DuplicateTest, MatchesHandCount) {
  const DuplicateCase& c = GetParam();
  QualityStats s(c.text);
  EXPECT_EQ(s.lines.size(), c.lines);
  EXPECT_EQ(s.line_chars, c.line_chars);
  EXPECT_EQ(s.duplicate_lines, c.dup_lines);
  EXPECT_EQ(s.duplicate_line_chars, c.dup_line_chars);
  EXPECT_EQ(s.paragraph_count, c.paragraphs);
  EXPECT_EQ(s.duplicate_paragraphs, c.dup_paragraphs);
  EXPECT_EQ(s.duplicate_paragraph_chars, c.dup_paragraph_chars);
}

INSTANTIATE_TEST_SUITE_P(
    Quality, DuplicateTest,
    ::testing::Values(
        // Lines A B A A C (blank line not counted): the 3rd and 5th repeat A:
        // 2 duplicates of 1 character each. Paragraphs [A B A] and [A C]
        // differ.
        DuplicateCase{"Lines", "A\nB\nA\n\nA\nC", 5, 5, 2, 2, 2, 0, 0},
        // Four one-line paragraphs, the 3rd and 4th repeat the 1st ("Alpha
        // beta." = 11): 2 duplicates, 22 characters of 11+6+11+11 = 39. Two
        // blank lines in a row separate paragraphs like one.
        DuplicateCase{"Paragraphs", "Alpha beta.\n\nGamma.\n\nAlpha beta.\n\n\nAlpha beta.", 4, 39,
                      2, 22, 4, 2, 22},
        // A two-line paragraph repeated: lines "x y" "z" "x y" "z": 2
        // duplicate lines (3+1 = 4 characters); paragraph 2 repeats
        // paragraph 1: 1 duplicate of 3+1 = 4 characters (the joining "\n"
        // is not counted).
        DuplicateCase{"TwoLineParagraph", "x y\nz\n\nx y\nz", 4, 8, 2, 4, 2, 1, 4},
        // "x y\nz" and "x y z" are different paragraphs: the line break counts.
        DuplicateCase{"LineBreakMatters", "x y\nz\n\nx y z", 3, 9, 0, 0, 2, 0, 0},
        // Lines are compared without surrounding white space: "  same " and
        // "same" are one line twice (4 characters each).
        DuplicateCase{"Trimmed", "  same \r\nsame", 2, 8, 1, 4, 1, 0, 0},
        // A white-space-only line is blank: it separates paragraphs and is
        // never a duplicate.
        DuplicateCase{"BlankLinesIgnored", "a\n \n\t\nb\n \n", 2, 2, 0, 0, 2, 0, 0}),
    [](const ::testing::TestParamInfo<DuplicateCase>& info) {
      return std::string(info.param.name);
    });

// ---------------------------------------------------------------------------
// N-grams.

TEST(QualityNgramTest, TopAndDuplicateNgrams) {
  // Normalised words: the cat sat on mats and the cat sat on mats
  // (3 3 3 2 4 3 3 3 3 2 4 = 33 characters).
  QualityStats s("The cat sat on mats, and the cat sat on mats.");
  ASSERT_EQ(s.words.size(), 11u);
  EXPECT_EQ(s.normalised_chars, 33u);
  // 2-grams occurring twice: the cat (6), cat sat (6), sat on (5), on mats
  // (6). Ties on count go to more characters, then to the first: "the cat",
  // 2 x 6 = 12.
  EXPECT_EQ(s.ngrams[2].top_count, 2u);
  EXPECT_EQ(s.ngrams[2].top_chars, 6u);
  EXPECT_EQ(s.ngrams[2].top_first, 0u);
  // 3-grams twice: the cat sat (9), cat sat on (8), sat on mats (9): "the cat
  // sat", 2 x 9 = 18.
  EXPECT_EQ(s.ngrams[3].top_chars * s.ngrams[3].top_count, 18u);
  EXPECT_EQ(s.ngrams[3].top_first, 0u);
  // 4-grams twice: the cat sat on (11), cat sat on mats (12): the longer one
  // wins although it comes second: 2 x 12 = 24, first at word 1.
  EXPECT_EQ(s.ngrams[4].top_chars * s.ngrams[4].top_count, 24u);
  EXPECT_EQ(s.ngrams[4].top_first, 1u);
  // The 5-gram "the cat sat on mats" occurs at words 0 and 6: words 0-4 and
  // 6-10 are covered, 15 + 15 = 30 of 33 characters ("and" is not).
  EXPECT_EQ(s.ngrams[5].duplicate_chars, 30u);
  // No 6-gram repeats, nor any longer one.
  for (size_t n = 6; n <= 10; ++n) EXPECT_EQ(s.ngrams[n].duplicate_chars, 0u) << n;
}

TEST(QualityNgramTest, NormalisationIgnoresCaseAndSurroundingPunctuation) {
  // the cat sat the cat sat: "the cat sat" twice = 2 x 9 = 18 of 18.
  QualityStats s("\"The cat, sat.\" the CAT sat");
  EXPECT_EQ(s.normalised_chars, 18u);
  EXPECT_EQ(s.ngrams[3].top_count, 2u);
  EXPECT_EQ(s.ngrams[3].top_chars, 9u);
  // Inner punctuation stays: "cat's" and "cats" differ.
  QualityStats t("cat's cats cat's cats");
  EXPECT_EQ(t.ngrams[2].top_count, 1u + 1u);  // "cat's cats" at 0 and 2
  EXPECT_EQ(t.ngrams[2].top_chars, 9u);
}

TEST(QualityNgramTest, OverlappingOccurrencesCountEachTime) {
  // a b a b a b: "a b" occurs 3 times (overlaps allowed), 3 x 2 = 6 of 6.
  QualityStats s("a b a b a b");
  EXPECT_EQ(s.ngrams[2].top_count, 3u);
  EXPECT_EQ(s.ngrams[2].top_chars, 2u);
  // "a b a b" occurs at 0 and 2: 2 x 4 = 8 characters of 6, a share above 1,
  // as in Gopher, datatrove, dolma and RedPajama.
  EXPECT_EQ(s.ngrams[4].top_count * s.ngrams[4].top_chars, 8u);
  // Duplicated 4-grams cover all six words once: 6, not 8.
  EXPECT_EQ(s.ngrams[4].duplicate_chars, 6u);
}

TEST(QualityNgramTest, NoRepeatMeansZero) {
  QualityStats s("one two three four five six seven eight nine ten eleven");
  for (size_t n = 2; n <= 10; ++n) {
    EXPECT_EQ(s.ngrams[n].top_count, 0u) << n;
    EXPECT_EQ(s.ngrams[n].duplicate_chars, 0u) << n;
  }
  QualityStats one("word");
  EXPECT_EQ(one.ngrams[2].top_count, 0u);
}

TEST(QualityNgramTest, WordsDroppedByNormalisationDoNotBreakNgrams) {
  // "—" normalises to nothing: the words are a b a b.
  QualityStats s("a \xE2\x80\x94 b a b");
  ASSERT_EQ(s.words.size(), 4u);
  EXPECT_EQ(s.ngrams[2].top_count, 2u);
}

// ---------------------------------------------------------------------------
// Normalisation and glyph sets.

TEST(QualityNormaliseTest, LowerCaseMapping) {
  EXPECT_EQ(quality::LowerForNgrams(U'A'), U'a');
  EXPECT_EQ(quality::LowerForNgrams(U'\u00C9'), U'\u00E9');  // É -> é
  EXPECT_EQ(quality::LowerForNgrams(U'\u00D7'), U'\u00D7');  // × stays
  EXPECT_EQ(quality::LowerForNgrams(U'\u00DF'), U'\u00DF');  // ß stays
  EXPECT_EQ(quality::LowerForNgrams(U'\u0391'), U'\u03B1');  // Α -> α
  EXPECT_EQ(quality::LowerForNgrams(U'\u0401'), U'\u0451');  // Ё -> ё
  EXPECT_EQ(quality::LowerForNgrams(U'\u0416'), U'\u0436');  // Ж -> ж
  EXPECT_EQ(quality::LowerForNgrams(U'\u0141'), U'\u0141');  // Ł is not lowered
  EXPECT_EQ(quality::NormalisedWordHash("\"Über,\""), quality::NormalisedWordHash("über"));
  EXPECT_NE(quality::NormalisedWordHash("Łódź"), quality::NormalisedWordHash("łódź"));
  EXPECT_EQ(quality::NormalisedWordHash("..."), 0u);
}

TEST(QualityNormaliseTest, WhiteSpaceIsPythonsIsspace) {
  for (char32_t cp : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                      0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
    EXPECT_TRUE(quality::IsPythonSpace(cp)) << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {0x08, 0x1B, 0x21, 0x200B, 0x2060, 0xFEFF}) {
    EXPECT_FALSE(quality::IsPythonSpace(cp)) << static_cast<uint32_t>(cp);
  }
}

TEST(QualityStatsTest, StopWordsAndShortLines) {
  // Normalised: the the the to that's: "the" x 3 and "to" = 4; "that's" is not "that".
  QualityStats s("The the, THE. to that's");
  std::vector<uint64_t> stop;
  for (const char* w : {"the", "be", "to", "of", "and", "that", "have", "with"}) {
    stop.push_back(quality::NormalisedWordHash(w));
  }
  EXPECT_EQ(s.CountWords(stop), 4u);
  EXPECT_EQ(s.default_stop_words, 4u);  // counted during the scan, same answer
  // Lines of 30 and 31 code points: one short line at 30, none at 29.
  QualityStats t(std::string(30, 'x') + "\n" + std::string(31, 'y'));
  EXPECT_EQ(t.ShortLines(30), 1u);
  EXPECT_EQ(t.ShortLines(29), 0u);
}

TEST(QualityStatsTest, MarkersAndTheirSpans) {
  const std::string text = "Intro.\nLorem Ipsum dolor {x} and lorem ipsum.\nEnable JavaScript now.\n"
                           "javascript:void(0) {";
  QualityStats s(text);
  EXPECT_EQ(s.lorem_ipsum_count, 2u);
  EXPECT_EQ(s.first_lorem_ipsum, (Span{7, 18}));
  EXPECT_EQ(s.curly_brace_count, 2u);
  EXPECT_EQ(text.substr(s.first_curly_brace.start, 3), "{x}");
  EXPECT_EQ(s.javascript_lines, 2u);
  EXPECT_EQ(text.substr(s.first_javascript.start, 10), "JavaScript");
  // "lorem  ipsum" (two spaces) is not the marker.
  EXPECT_EQ(QualityStats("lorem  ipsum").lorem_ipsum_count, 0u);
}

TEST(QualityStatsTest, ContentSpanSkipsLeadingAndTrailingBlankLines) {
  const std::string text = "\n\n  Title\nBody.  \n\n";
  QualityStats s(text);
  EXPECT_EQ(text.substr(s.content.start, s.content.size()), "Title\nBody.");
}

// ---------------------------------------------------------------------------
// The rules: evidence, thresholds, one finding per article.

std::string Words(int n, const std::string& word = "word") {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + word;
  return out;
}

double DoubleOf(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  if (v == nullptr) return -1;
  if (const double* d = std::get_if<double>(v)) return *d;
  if (const int64_t* i = std::get_if<int64_t>(v)) return static_cast<double>(*i);
  return -1;
}

TEST(QualityRulesTest, WordCountBoundsAndOptions) {
  auto rule = MakeQualityWordCountRule();
  // 49 words: below 50.
  auto f = RunRule(*rule, Words(49));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(DoubleOf(f[0], "value"), 49);
  EXPECT_EQ(DoubleOf(f[0], "threshold"), 50);
  EXPECT_EQ(EvidenceOf(f[0], "numerator"), nullptr);  // a count, not a ratio
  // Exactly 50: inside the bounds.
  EXPECT_TRUE(RunRule(*rule, Words(50)).empty());
  // Options move the bounds.
  EXPECT_TRUE(RunRule(*rule, Words(49), {{"min-words", int64_t{10}}}).empty());
  EXPECT_EQ(RunRule(*rule, Words(60), {{"max-words", int64_t{59}}}).size(), 1u);
  // No words: silent.
  EXPECT_TRUE(RunRule(*rule, " \n ").empty());
}

TEST(QualityRulesTest, SymbolRatioReportsBothSignalsInOneFinding) {
  auto rule = MakeQualitySymbolRatioRule();
  // 10 words, 2 "#" and 2 ellipses ("..." and "…"): 0.2 and 0.2, both > 0.1.
  auto f = RunRule(*rule, "#a #b c d e f g h... i j\xE2\x80\xA6");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*EvidenceOf(f[0], "metric")), "hash-ratio");
  EXPECT_DOUBLE_EQ(DoubleOf(f[0], "value"), 0.2);
  EXPECT_EQ(DoubleOf(f[0], "numerator"), 2);
  EXPECT_EQ(DoubleOf(f[0], "denominator"), 10);
  const auto& signals = std::get<std::vector<std::string>>(*EvidenceOf(f[0], "signals"));
  ASSERT_EQ(signals.size(), 2u);
  EXPECT_EQ(signals[0], "hash-ratio 0.2 > 0.1 (2/10)");
  EXPECT_EQ(signals[1], "ellipsis-ratio 0.2 > 0.1 (2/10)");
  // Exactly 0.1 (1 of 10) does not fire: the filters drop only above it.
  EXPECT_TRUE(RunRule(*rule, "#a b c d e f g h i j").empty());
}

TEST(QualityRulesTest, DuplicateLinesPointsAtTheFirstRepeat) {
  auto rule = MakeQualityDuplicateLinesRule();
  // Lines: Share (5) Body one. (9) Share Share: 2 of 4 repeat = 0.5 > 0.3;
  // characters 10 of 5+9+5+5 = 24 = 0.4167 > 0.2.
  const std::string text = "Share\nBody one.\nShare\nShare";
  auto f = RunRule(*rule, text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span, (Span{16, 21}));  // the second "Share"
  EXPECT_DOUBLE_EQ(DoubleOf(f[0], "value"), 0.5);
  const auto& signals = std::get<std::vector<std::string>>(*EvidenceOf(f[0], "signals"));
  ASSERT_EQ(signals.size(), 2u);
  EXPECT_EQ(signals[1], "duplicate-line-char-share 0.4167 > 0.2 (10/24)");
}

TEST(QualityRulesTest, TerminalPunctuationFiresAtTheThresholdItself) {
  auto rule = MakeQualityTerminalPunctuationRule();
  // FineWeb drops at ratio <= 0.12. 1 terminal line of 9: 0.111 fires; 1
  // of 8 = 0.125 does not.
  std::string nine = "End.\n";
  for (int i = 0; i < 8; ++i) nine += "line\n";
  EXPECT_EQ(RunRule(*rule, nine).size(), 1u);
  std::string eight = "End.\n";
  for (int i = 0; i < 7; ++i) eight += "line\n";
  EXPECT_TRUE(RunRule(*rule, eight).empty());
  // A curly closing quote ends a sentence too.
  EXPECT_TRUE(RunRule(*rule, "\xE2\x80\x9CYes,\xE2\x80\x9D\nno\nno\nno").empty());
}

TEST(QualityRulesTest, ShortLinesAtTwoThirds) {
  auto rule = MakeQualityShortLinesRule();
  const std::string long_line(40, 'x');
  // 2 short of 3 = 0.667 < 0.67: silent; 3 of 4 = 0.75 fires.
  EXPECT_TRUE(RunRule(*rule, "a\nb\n" + long_line).empty());
  auto f = RunRule(*rule, "a\nb\nc\n" + long_line);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(DoubleOf(f[0], "value"), 0.75);
  EXPECT_EQ(std::get<std::string>(*EvidenceOf(f[0], "comparison")), ">=");
}

TEST(QualityRulesTest, TopNgramNamesTheNgram) {
  auto rule = MakeQualityTopNgramRule();
  // "Buy now" x 5 and "today": normalised buy now buy now ... today:
  // 3+3 = 6 chars x 5 = 30 of 35 = 0.857 > 0.2.
  auto f = RunRule(*rule, "Buy now! Buy now! Buy now! Buy now! Buy now! today");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*EvidenceOf(f[0], "metric")), "top-2gram-char-share");
  EXPECT_DOUBLE_EQ(DoubleOf(f[0], "value"), 30.0 / 35.0);
  EXPECT_EQ(std::get<std::string>(*EvidenceOf(f[0], "top-2gram")), "Buy now");
  EXPECT_EQ(DoubleOf(f[0], "top-2gram-count"), 5);
}

TEST(QualityRulesTest, StopWordsOptionReplacesTheList) {
  auto rule = MakeQualityStopWordsRule();
  const std::string german = "Der Rat hat die Vorlage mit der Mehrheit angenommen";
  EXPECT_EQ(RunRule(*rule, german).size(), 1u);
  EXPECT_TRUE(
      RunRule(*rule, german, {{"words", std::vector<std::string>{"der", "die", "das"}}}).empty());
}

TEST(QualityRulesTest, MarkersReportTheFirstMatch) {
  auto rule = MakeQualityLoremIpsumRule();
  const std::string text = "Title\nLorem ipsum dolor sit amet.\nlorem ipsum again";
  auto f = RunRule(*rule, text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span, (Span{6, 17}));
  EXPECT_EQ(DoubleOf(f[0], "value"), 2);
  EXPECT_TRUE(RunRule(*MakeQualityCurlyBracesRule(), "no braces } here").empty());
  EXPECT_EQ(RunRule(*MakeQualityJavascriptRule(), "Please enable JavaScript.").size(), 1u);
}

// The quality rules are off by default, so the fixture runner does not run
// them on fixtures/clean/. This test does: on the clean articles only the
// metrics that these articles truly cross may fire (German and French text
// has no English stop words, a results list is short lines, a box score is
// mostly numbers, a quoted chorus repeats its lines).
TEST(QualityRulesTest, CleanArticlesCrossOnlyWhereTheMetricIsTrue) {
  const std::map<std::string, std::set<std::string>> expected = {
      {"de-fussball-interview.txt", {"quality/stop-words"}},
      {"de-landtag-haushalt.txt", {"quality/stop-words"}},
      {"fr-budget-municipal.txt", {"quality/stop-words"}},
      {"fr-culture-entretien.txt", {"quality/stop-words"}},
      {"fr-plain-spaces.txt", {"quality/stop-words"}},
      {"p1-song-chorus.txt", {"quality/duplicate-ngrams"}},
      {"p1-weekend-results.txt", {"quality/short-lines"}},
      {"sports.txt", {"quality/alphabetic-words"}},
  };
  std::vector<std::unique_ptr<Rule>> rules;
  for (auto& rule : MakeAllRules()) {
    if (rule->info().family() == "quality") rules.push_back(std::move(rule));
  }
  ASSERT_EQ(rules.size(), 16u);
  const std::filesystem::path dir = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures/clean";
  size_t articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++articles;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line, text;
    bool first = true;
    while (std::getline(in, line)) {
      const bool note = first && line.starts_with("#!!");
      first = false;
      if (note || line.starts_with("#! ") || line == "#!") continue;  // annotations
      text += line + "\n";
    }
    std::set<std::string> found;
    for (const auto& rule : rules) {
      for (const Finding& f : RunRule(*rule, text)) found.insert(f.rule);
    }
    const std::string name = entry.path().filename().string();
    auto it = expected.find(name);
    EXPECT_EQ(found, it == expected.end() ? std::set<std::string>{} : it->second) << name;
  }
  EXPECT_GE(articles, 38u);
}

TEST(QualityRulesTest, OffByDefault) {
  for (auto& rule : MakeAllRules()) {
    if (rule->info().family() != "quality") continue;
    EXPECT_FALSE(rule->info().on_by_default) << rule->info().id;
    EXPECT_EQ(rule->info().default_severity, Severity::kInfo) << rule->info().id;
  }
}

}  // namespace
}  // namespace newslint
