// Unit tests of garbled/repeated-word: spans, fixes, evidence and the allow
// option. The fixtures (fixtures/garbled/repeated-word*.txt) cover articles.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text,
                          std::map<std::string, OptionValue> options = {}) {
  return RunRule(*MakeRepeatedWordRule(), text, std::move(options));
}

// "<flagged text> -> <fix>" for each finding ("<none>" without a fix).
std::vector<std::string> Flags(const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(text)) {
    out.push_back(text.substr(f.span.start, f.span.end - f.span.start) + " -> " +
                  (f.fix ? f.fix->text : "<none>"));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(RepeatedWordTest, FlagsDoubledWords) {
  EXPECT_EQ(Flags("plan to to reopen"), V{"to to -> to"});
  EXPECT_EQ(Flags("The the council"), V{"The the -> The"});
  EXPECT_EQ(Flags("on the\u00a0the deal"), V{"the\u00a0the -> the"});
  EXPECT_EQ(Flags("of the the the talks"), V{"the the the -> the"});
  EXPECT_EQ(Flags("found a a survivor"), V{"a a -> a"});
  EXPECT_EQ(Flags("hit harvest harvest yields"), V{"harvest harvest -> <none>"});
  EXPECT_EQ(Flags("interest in in the deal"), V{"in in -> in"});
  EXPECT_EQ(Flags("The report is is due"), V{"is is -> is"});
}

TEST(RepeatedWordTest, EvidenceCountsCopies) {
  auto f = Lint("talks on the the the ceasefire");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "\"the\" repeated 3 times");
  ASSERT_EQ(f[0].evidence.size(), 2u);
  EXPECT_EQ(std::get<std::string>(f[0].evidence[0].second), "the");
  EXPECT_EQ(std::get<int64_t>(f[0].evidence[1].second), 3);
}

TEST(RepeatedWordTest, LeavesAllowedDoublingsAlone) {
  for (const char* text : {
           "they had had enough", "said that that was all", "What it is is a tax",
           "All he was was tired", "what they do do is", "handed her her passport",
           "sworn in in January", "came in in second", "logged on on Monday",
           "a very very close race", "No no, not that", "bye bye", "knock knock",
           "yada yada", "la la la", "Sirhan Sirhan", "Walla Walla", "Baden-Baden",
           "mahi mahi", "10 10", "1 1/2 cups", "object Object", "at AT&T", "THE THE",
           "Go, go, go!", "the drums, the drums", "he paused \u2014 he paused",
           "Berlin. Berlin is", "to the\nthe city", "die Frau, die die Wahl gewann",
           "nous nous sommes", "x x", "b b"}) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

TEST(RepeatedWordTest, AllowOption) {
  EXPECT_EQ(Lint("hit harvest harvest yields", {{"allow", std::vector<std::string>{"Harvest"}}})
                .size(),
            0u);
}

}  // namespace
}  // namespace newslint
