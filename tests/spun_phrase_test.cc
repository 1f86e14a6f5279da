// Unit tests of garbled/spun-phrase: the lexicon's format, the density gate,
// grouping by sentence, spans, evidence and options. The fixtures
// (fixtures/garbled/spun-phrase*.txt) cover whole articles.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/phrase_matcher.h"
#include "lint/rule.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text,
                          std::map<std::string, OptionValue> options = {}) {
  return RunRule(*MakeSpunPhraseRule(), text, std::move(options));
}

// The flagged text of each finding.
std::vector<std::string> Flagged(const std::string& text,
                                 std::map<std::string, OptionValue> options = {}) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(text, std::move(options))) {
    out.push_back(text.substr(f.span.start, f.span.size()));
  }
  return out;
}

const EvidenceValue* Find(const Evidence& e, std::string_view key) {
  for (const auto& [k, v] : e) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::vector<std::string_view> Split(std::string_view entry) {
  std::vector<std::string_view> fields;
  for (size_t from = 0;;) {
    size_t bar = entry.find('|', from);
    std::string_view f = entry.substr(from, bar == std::string_view::npos ? bar : bar - from);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
    fields.push_back(f);
    if (bar == std::string_view::npos) break;
    from = bar + 1;
  }
  return fields;
}

using V = std::vector<std::string>;

TEST(SpunPhraseLexiconTest, EveryEntryIsWellFormed) {
  std::vector<std::string_view> entries = LexiconEntries("spun-phrases");
  ASSERT_GE(entries.size(), 300u);
  std::set<std::string> phrases;
  size_t certain = 0;
  for (std::string_view entry : entries) {
    std::vector<std::string_view> f = Split(entry);
    ASSERT_TRUE(f.size() == 2 || f.size() == 3) << entry;
    EXPECT_FALSE(f[0].empty()) << entry;
    EXPECT_FALSE(f[1].empty()) << entry;
    if (f.size() == 3) {
      EXPECT_EQ(f[2], "certain") << entry;
      ++certain;
    }
    // Lower case, single spaces: the phrase is what the matcher compares.
    EXPECT_EQ(PhraseMatcher::Fold(f[0]), std::string(f[0])) << entry;
    EXPECT_NE(PhraseMatcher::Fold(f[0]), PhraseMatcher::Fold(f[1])) << entry;
    EXPECT_TRUE(phrases.insert(std::string(f[0])).second) << "duplicate: " << entry;
  }
  // Both tiers are in use.
  EXPECT_GT(certain, 100u);
  EXPECT_LT(certain, entries.size());
}

TEST(SpunPhraseTest, OneLikelyPhraseAloneIsHeldBackByTheGate) {
  EXPECT_TRUE(Lint("Her songs were sung the nation over.").empty());
  EXPECT_TRUE(Lint("After concentrated consideration, the panel said no.").empty());
  // The same expression twice, or two spellings of it, is still one.
  EXPECT_TRUE(Lint("Posts on web-based media spread. Web based media users shared them.").empty());
  EXPECT_TRUE(Lint("One legal counselor spoke. Two legal counselors did not.").empty());
}

TEST(SpunPhraseTest, TwoDistinctLikelyPhrasesPassTheGate) {
  const std::string text =
      "Shares rose on the financial exchange.\nPosts on web-based media drove sales.\n";
  EXPECT_EQ(Flagged(text), (V{"financial exchange", "web-based media"}));
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(std::get<std::string>(*Find(f[0].evidence, "gate")), "distinct-expressions");
  EXPECT_EQ(std::get<int64_t>(*Find(f[0].evidence, "distinct")), 2);
  EXPECT_EQ(std::get<int64_t>(*Find(f[0].evidence, "min-matches")), 2);
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "tiers")), V{"likely"});
  EXPECT_FALSE(f[0].fix.has_value());
  EXPECT_EQ(f[0].severity, Severity::kWarning);
}

TEST(SpunPhraseTest, CertainPhraseFiresAlone) {
  const std::string text = "The mayor will hold a squeeze meeting on Friday.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(text.substr(f[0].span.start, f[0].span.size()), "squeeze meeting");
  EXPECT_EQ(f[0].span.start, text.find("squeeze"));
  EXPECT_EQ(f[0].message, "spun phrase \"squeeze meeting\" for \"press conference\"");
  EXPECT_EQ(std::get<std::string>(*Find(f[0].evidence, "gate")), "certain-phrase");
  EXPECT_EQ(std::get<int64_t>(*Find(f[0].evidence, "distinct")), 1);
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "tiers")), V{"certain"});
  EXPECT_TRUE(Lint(text, {{"certain-alone", false}}).empty());
}

TEST(SpunPhraseTest, BelowTheGateOnlyCertainPhrasesAreReported) {
  // Two certain spins of one expression: distinct is 1, both reported.
  EXPECT_EQ(Flagged("A squeeze meeting was held. Another squeeze gathering followed."),
            (V{"squeeze meeting", "squeeze gathering"}));
  // A certain and a likely spin of one expression: only the certain one.
  auto f = Lint("Web-based life is loud. Web-based media is louder.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "phrases")),
            V{"Web-based life"});
  // A likely phrase next to a certain one of another expression: distinct 2,
  // both reported, in one finding for their sentence.
  EXPECT_EQ(Flagged("At a squeeze meeting she praised the legal counselor."),
            V{"squeeze meeting she praised the legal counselor"});
  // min-matches 3 holds the likely phrase back; the certain one stays.
  EXPECT_EQ(Flagged("At a squeeze meeting she praised the legal counselor.",
                    {{"min-matches", int64_t{3}}}),
            V{"squeeze meeting"});
}

TEST(SpunPhraseTest, MinMatchesOption) {
  EXPECT_EQ(Flagged("Her songs were sung the nation over.", {{"min-matches", int64_t{1}}}),
            V{"the nation over"});
  // Zero and negative values act as 1.
  EXPECT_EQ(Flagged("Her songs were sung the nation over.", {{"min-matches", int64_t{0}}}),
            V{"the nation over"});
  EXPECT_TRUE(Lint("Shares rose on the financial exchange. Posts on web-based media rose.",
                   {{"min-matches", int64_t{3}}})
                  .empty());
}

TEST(SpunPhraseTest, OneFindingPerSentenceListingEveryPhrase) {
  const std::string text =
      "The wellbeing pastor told a squeeze meeting that bosom malignancy rates fell. "
      "Heart assault deaths rose.";
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(text.substr(f[0].span.start, f[0].span.size()),
            "wellbeing pastor told a squeeze meeting that bosom malignancy");
  EXPECT_EQ(f[0].message,
            "spun phrases \"wellbeing pastor\" for \"health minister\", \"squeeze meeting\" for "
            "\"press conference\", \"bosom malignancy\" for \"breast cancer\"");
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "phrases")),
            (V{"wellbeing pastor", "squeeze meeting", "bosom malignancy"}));
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "originals")),
            (V{"health minister", "press conference", "breast cancer"}));
  EXPECT_EQ(std::get<int64_t>(*Find(f[0].evidence, "distinct")), 4);
  // The second sentence, on the same line, is its own finding.
  EXPECT_EQ(text.substr(f[1].span.start, f[1].span.size()), "Heart assault");
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[1].evidence, "phrases")),
            V{"Heart assault"});
}

TEST(SpunPhraseTest, MatchesAnyCaseAndReportsTheTextAsWritten) {
  EXPECT_EQ(Flagged("WELLBEING PASTOR QUITS\nThe Squeeze Meeting was cancelled.\n"),
            (V{"WELLBEING PASTOR", "Squeeze Meeting"}));
  EXPECT_EQ(Flagged("a squeeze\u00a0meeting"), V{"squeeze\u00a0meeting"});
}

TEST(SpunPhraseTest, WholeWordsOnlyAndLongestPhraseWins) {
  EXPECT_TRUE(Lint("A squeeze meetingroom and web-based lifestyle brands.").empty());
  auto f = Lint("Firms bought enormous information examination tools.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "phrases")),
            V{"enormous information examination"});
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(f[0].evidence, "originals")),
            V{"big data analytics"});
}

TEST(SpunPhraseTest, QuotedMentionsAreNotUses) {
  EXPECT_TRUE(Lint("Spinners turn \"press conference\" into \"squeeze meeting\".").empty());
  EXPECT_TRUE(Lint("They wrote \u201cweb-based life\u201d and \u2018bosom malignancy\u2019.").empty());
  EXPECT_TRUE(Lint("Le logiciel \u00abcounterfeit consciousness\u00bb.").empty());
  // A quote on one side only is not a mention.
  EXPECT_EQ(Flagged("\"The squeeze meeting is off,\" he said."), V{"squeeze meeting"});
  // A mention does not count towards the gate either.
  EXPECT_TRUE(Lint("The \"financial exchange\" label aside, web-based media grew.").empty());
}

TEST(SpunPhraseTest, LiteralLookAlikesAreClean) {
  for (const char* text : {
           "the vast amount of information gathered by the agency",
           "the head of the administration said on Monday",
           "shares fell on the stock market and the securities exchange",
           "in order to cut costs, the firm will close two plants",
           "the press conference on social media and artificial intelligence",
           "a supporter shot a video; firms squeeze office space",
           "the cup last year and the first quarter last year",
           "negotiators agreed a working framework for the talks",
           "individuals from the public and private sectors",
           "the official royal residence; the adventure capital of the world",
           "an app to move windows between screens",
       }) {
    EXPECT_TRUE(Lint(text, {{"min-matches", int64_t{1}}}).empty()) << text;
  }
}

}  // namespace
}  // namespace newslint
