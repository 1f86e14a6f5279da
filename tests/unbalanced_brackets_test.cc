// Unit tests of garbled/unbalanced-brackets: spans, messages, evidence, and
// what is not a bracket of prose (list markers, emoticons, URLs, code).
// fixtures/garbled/unbalanced-brackets* cover articles.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text) {
  return RunRule(*MakeUnbalancedBracketsRule(), text);
}

const EvidenceValue* Get(const Finding& f, const std::string& key) { return EvidenceOf(f, key); }

// "signal mark" per finding.
std::vector<std::string> Flags(const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(text)) {
    out.push_back(std::get<std::string>(*Get(f, "signal")) + " " +
                  text.substr(f.span.start, f.span.end - f.span.start));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(UnbalancedBracketsTest, UnclosedBracket) {
  const std::string text = "The report (published on Monday found no evidence.\nThe end.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, 11u);
  EXPECT_EQ(f[0].span.end, 12u);
  EXPECT_EQ(f[0].message, "opening ( is never closed in this paragraph");
  EXPECT_FALSE(f[0].fix.has_value());
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "kind")), "round");
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "opening-brackets")), 1);
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "closing-brackets")), 0);
}

TEST(UnbalancedBracketsTest, StrayAndMismatchedBrackets) {
  EXPECT_EQ(Flags("The budget rose 4%) in the year to March."), V{"unopened )"});
  EXPECT_EQ(Flags("The budget [including repairs) is due."), V{"mismatched )"});
  EXPECT_EQ(Flags("The plan (see [annex) was approved."), V{"unclosed ["});
  EXPECT_EQ(Flags("A (b (c) d."), V{"unclosed ("});
  auto f = Lint("The budget [including repairs) is due.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "mismatched brackets: [ closed by )");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "opened-by")), "[");
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "opening-brackets")), 1);
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "closing-brackets")), 1);
}

TEST(UnbalancedBracketsTest, ListMarkersAreNotBrackets) {
  for (const char* text : {
           "1) repairs to the old bridge;",
           "a) Option one.",
           "iv) the fourth",
           "10) Item",
           "\u2022 b) the second",
           "choose between a) a smaller plan or b) a larger one",
           "Results: 1) Arsenal 2) Chelsea 3) Spurs.",
           "1.) First.",
       }) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
  // After a longer word it is a stray bracket.
  EXPECT_EQ(Flags("The score was final) and fair."), V{"unopened )"});
}

TEST(UnbalancedBracketsTest, EmoticonsAreNotBrackets) {
  for (const char* text : {
           "Finally :) See you",
           "one last time ;-)",
           "no bike lanes :( again",
           "sad :'(",
           "love it :))",
           "great =)",
           "cool 8-)",
           "(: hello",
           "(yes :)",
           "\u00af\\_(\u30c4)_/\u00af",
           "(\u256f\u00b0\u25a1\u00b0)\u256f",
       }) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
  // "3:)" is a typo, not a face.
  EXPECT_EQ(Flags("The ratio was 3:) in May."), V{"unopened )"});
}

TEST(UnbalancedBracketsTest, UrlsCodeAndIntervals) {
  for (const char* text : {
           "See https://en.wikipedia.org/wiki/Java_(programming_language for more.",
           "See (https://example.org/a_(b)) now.",
           "if (x > 0) { return y; }} else {",
           "The half-open interval [0, 1) was used.",
           "<div class=\"a\">(</div>",
       }) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

TEST(UnbalancedBracketsTest, ParagraphsAndCuts) {
  // A line break inside a sentence: the next line closes the bracket.
  EXPECT_TRUE(Lint("The council (which met\non Monday) agreed.").empty());
  // Two sentences of prose: two slips.
  EXPECT_EQ(Flags("The report (leaked on Monday said so.\nThe bridge, opened in 1932) is old."),
            (V{"unclosed (", "unopened )"}));
  // The article stops inside the brackets: garbled/truncated's finding.
  EXPECT_TRUE(Lint("The vote was close.\nThe council (which met on").empty());
  EXPECT_TRUE(Lint("The council (which met on...\nThe vote was close.").empty());
  EXPECT_EQ(Flags("The vote was close.\nThe council (which met on Monday agreed."),
            V{"unclosed ("});
}

TEST(UnbalancedBracketsTest, SilentOnBalancedText) {
  for (const char* text : {
           "RIVERTON (AP) \u2014 The council (a 240-page plan) met [sic].",
           "(The council delayed twice. It said the delay was needed.)",
           "Section 4(b) and Ca(OH)2 [PDF, 2 pages] {braces}.",
           "\u3010\u901f\u5831\u3011\uff08\u5171\u540c\uff09",
       }) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

TEST(UnbalancedBracketsTest, AnsiEscapeSequencesAreNotBrackets) {
  EXPECT_EQ(Flags("The log read \x1b[1mERROR\x1b[0m at noon, the engineer said.\nThe end."), V{});
  // Without the escape character the same "[" is an unclosed bracket.
  EXPECT_EQ(Flags("The log read [1mERROR at noon, the engineer said.\nThe end.").size(), 1u);
}

}  // namespace
}  // namespace newslint
