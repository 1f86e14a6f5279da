// Unit tests of garbled/unbalanced-quotes: spans, messages, evidence and the
// paragraphs it leaves to garbled/truncated. How marks pair is tested on the
// Quotations view (quotations_test.cc); fixtures/garbled/unbalanced-quotes*
// cover articles.

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
  return RunRule(*MakeUnbalancedQuotesRule(), text);
}

std::string At(const std::string& text, const Finding& f) {
  return text.substr(f.span.start, f.span.end - f.span.start);
}

const EvidenceValue* Get(const Finding& f, const std::string& key) { return EvidenceOf(f, key); }

TEST(UnbalancedQuotesTest, UnclosedQuotation) {
  const std::string text = "The union said \u201cit will strike on Monday.\nTalks end.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(At(text, f[0]), "\u201c");
  EXPECT_EQ(f[0].span.start, 15u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_FALSE(f[0].fix.has_value());
  EXPECT_EQ(f[0].message,
            "opening \u201c is never closed in this paragraph, and the next paragraph does not "
            "continue the quotation");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "signal")), "unclosed");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "mark")), "\u201c");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "kind")), "left-double");
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "opening-marks")), 1);
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "closing-marks")), 0);
}

TEST(UnbalancedQuotesTest, StrayClosingMarkAndCounts) {
  const std::string text = "He called it \u201cfair\u201d and final.\u201d Talks end.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, text.rfind("\u201d"));
  EXPECT_EQ(f[0].message, "closing \u201d without an opening quotation mark");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "signal")), "unopened");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "kind")), "right-double");
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "opening-marks")), 1);
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "closing-marks")), 2);
}

TEST(UnbalancedQuotesTest, MismatchedMarks) {
  const std::string text = "Er sagte: \u201eWir sind bereit\u00bb, und ging.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(At(text, f[0]), "\u00bb");
  EXPECT_EQ(f[0].message, "mismatched quotation marks: \u201e closed by \u00bb");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "signal")), "mismatched");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "opened-by")), "\u201e");
}

TEST(UnbalancedQuotesTest, OneFindingPerMark) {
  const std::string text = "It was over\u201d, he said\u201d, and \u201cthen \u201cnothing.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 4u);
  for (size_t i = 1; i < f.size(); ++i) EXPECT_LT(f[i - 1].span.start, f[i].span.start);
}

TEST(UnbalancedQuotesTest, ContinuedQuotationMustClose) {
  const std::string text = "\u201cWe waited.\n\u201cNow we want answers, she said.\nThe end.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, text.find("\u201cNow"));
  EXPECT_TRUE(std::get<bool>(*Get(f[0], "continues")));
  EXPECT_NE(f[0].message.find("continued from the previous paragraph"), std::string::npos);
  EXPECT_TRUE(Lint("\u201cWe waited.\n\u201cNow we want answers,\u201d she said.").empty());
}

TEST(UnbalancedQuotesTest, LeavesCutParagraphsToTruncated) {
  // The article stops inside the quotation.
  EXPECT_TRUE(Lint("The vote was close.\nThe mayor said \u201cwe will").empty());
  // An excerpt cut with an ellipsis, anywhere.
  EXPECT_TRUE(Lint("Minister: \u201cWe will never forget what...\nThe vote was close.").empty());
  EXPECT_TRUE(Lint("Minister: \u201cWe will never forget what\u2026\nThe vote was close.").empty());
  // A last paragraph that ends a sentence is not cut.
  EXPECT_EQ(Lint("The vote was close.\nThe mayor said \u201cwe will win.").size(), 1u);
  // A stray closing mark in the last paragraph is not the cut's doing.
  EXPECT_EQ(Lint("The vote was close.\nThe mayor said we will\u201d").size(), 1u);
}

TEST(UnbalancedQuotesTest, SilentOnBalancedText) {
  for (const char* text : {
           "\u201cWe heard every side,\u201d she said. \u201cThe ferry stays.\n\u201cSo we kept "
           "it.\u201d",
           "\u2018It was never about the money,\u2019 said Ms Shaw.",
           "The players\u2019 union, the \u201990s, rock \u2019n\u2019 roll, O\u2019Neill.",
           "He is 5'11\" tall.",
           "\u00ab\u00a0Non\u00a0\u00bb, a-t-il dit.",
           "Home \u00bb World \u00bb Europe",
       }) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

}  // namespace
}  // namespace newslint
