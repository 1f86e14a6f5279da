#include "lint/phrase_matcher.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace newslint {
namespace {

// The matched text of every match, in the order the matcher reports them.
std::vector<std::string> Matched(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const PhraseMatch& match : m.FindAll(text)) {
    out.emplace_back(text.substr(match.span.start, match.span.size()));
  }
  return out;
}

struct Case {
  std::vector<std::string> phrases;
  std::string text;
  std::vector<std::string> expected;  // matched text, in report order
};

void PrintTo(const Case& c, std::ostream* os) { *os << "text \"" << c.text << "\""; }

class PhraseMatcherTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(PhraseMatcherTableTest, FindsExactlyTheExpectedMatches) {
  const Case& c = GetParam();
  PhraseMatcher matcher(c.phrases);
  EXPECT_EQ(Matched(matcher, c.text), c.expected) << "text: " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    PhraseMatcher, PhraseMatcherTableTest,
    ::testing::Values(
        // Case folding of ASCII; UTF-8 bytes compared as they are.
        Case{{"we use cookies"}, "WE USE COOKIES to help", {"WE USE COOKIES"}},
        Case{{"café"}, "Le Café and the café", {"Café", "café"}},
        Case{{"café"}, "CAFÉ", {}},
        // Whole words only, ASCII and non-ASCII neighbours alike.
        Case{{"ok"}, "book Okafor ok OK. (ok)", {"ok", "OK", "ok"}},
        Case{{"cookie"}, "cookies cookie-jar cookieé écookie", {"cookie"}},
        Case{{"terms"}, "the terms\u2019 scope", {"terms"}},
        Case{{"accept"}, "\u201cAccept\u201d", {"Accept"}},
        // Whitespace runs, tabs, no-break and thin spaces fold to one space.
        Case{{"accept all"}, "Accept  all\tAccept\u00a0all Accept\u202fall", {"Accept  all", "Accept\u00a0all", "Accept\u202fall"}},
        Case{{"accept all"}, "acceptall", {}},
        // Typographic quotes fold to ASCII ones.
        Case{{"we're"}, "We\u2019re here, we're there", {"We\u2019re", "we're"}},
        Case{{"by clicking \"accept"}, "By clicking \u201cAccept all\u201d", {"By clicking \u201cAccept"}},
        // Overlapping and nested phrases are all reported, longest first at one end.
        Case{{"accept all", "all cookies", "cookies", "accept all cookies"},
             "Accept all cookies",
             {"Accept all", "Accept all cookies", "all cookies", "cookies"}},
        Case{{"he", "she", "hers", "his"}, "ushers she his", {"she", "his"}},
        // Punctuation at a phrase edge needs no boundary.
        Case{{"got it!"}, "Got it!Next", {"Got it!"}},
        // Phrases that fold to nothing never match.
        Case{{"", "   ", "x"}, "x y", {"x"}},
        // Same folded text twice: both entries reported.
        Case{{"Accept", "accept"}, "accept", {"accept", "accept"}}));

TEST(PhraseMatcherTest, ReportsPhraseIndexAndBase) {
  PhraseMatcher matcher(std::vector<std::string>{"privacy policy", "cookie"});
  std::vector<PhraseMatch> matches = matcher.FindAll("Our Privacy Policy", 100);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].phrase, 0u);
  EXPECT_EQ(matches[0].span, (Span{104, 118}));
  EXPECT_EQ(matcher.phrase(0), "privacy policy");
  EXPECT_EQ(matcher.size(), 2u);
}

TEST(PhraseMatcherTest, MatchStartIsExactAfterCollapsedWhitespace) {
  PhraseMatcher matcher(std::vector<std::string>{"a b c"});
  std::string text = "x a   b \u00a0 c y";
  auto matches = matcher.FindAll(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].span.start, matches[0].span.size()), "a   b \u00a0 c");
}

TEST(PhraseMatcherTest, LongPhrasesUseTheHeapHistory) {
  std::string longest(200, 'z');
  PhraseMatcher matcher(std::vector<std::string>{longest, "zz"});
  std::string text = "a " + longest + " b";
  auto matches = matcher.FindAll(text);
  ASSERT_EQ(matches.size(), 1u);  // "zz" is inside a longer word: no boundary
  EXPECT_EQ(matches[0].span, (Span{2, 202}));
}

TEST(PhraseMatcherTest, ContainsAnyStopsEarly) {
  PhraseMatcher matcher(std::vector<std::string>{"reject all"});
  EXPECT_TRUE(matcher.ContainsAny("please Reject All now"));
  EXPECT_FALSE(matcher.ContainsAny("rejected all"));
  EXPECT_FALSE(PhraseMatcher(std::vector<std::string>{}).ContainsAny("anything"));
}

TEST(PhraseMatcherTest, FoldIsTheComparisonForm) {
  EXPECT_EQ(PhraseMatcher::Fold("  Accept\u00a0 ALL\u2019s \u201cx\u201d "), "accept all's \"x\"");
}

TEST(PhraseMatcherTest, InvalidUtf8PassesThrough) {
  PhraseMatcher matcher(std::vector<std::string>{"ok"});
  std::string text = "\xff ok \xc3";
  EXPECT_EQ(Matched(matcher, text), (std::vector<std::string>{"ok"}));
}

}  // namespace
}  // namespace newslint
