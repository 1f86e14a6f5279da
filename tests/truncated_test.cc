// Unit tests of garbled/truncated: the story's end found past the page's
// footer, each signal with its evidence, the span, and the endings complete
// articles have. The fixtures (fixtures/garbled/truncated*.jsonl) cover
// whole articles.

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text) {
  return RunRule(*MakeTruncatedRule(), text);
}

std::vector<std::string> Signals(const std::string& text) {
  std::vector<Finding> f = Lint(text);
  if (f.empty()) return {};
  EXPECT_EQ(f.size(), 1u);
  return std::get<std::vector<std::string>>(f[0].evidence[0].second);
}

const EvidenceValue* Get(const Finding& f, const std::string& key) { return EvidenceOf(f, key); }

using V = std::vector<std::string>;

// Two paragraphs of story: the body the endings below are appended to.
const std::string kStory =
    "Council approves river path\n"
    "The city council on Tuesday approved a plan to open the riverbank to cyclists, ending two "
    "years of debate over the project.\n"
    "Residents of the old town said they had not been consulted, and several of them spoke "
    "against the plan at the meeting.\n";

TEST(TruncatedTest, ParagraphCutMidSentence) {
  const std::string cut =
      "The mayor said the work would begin in September and that the path should be finished "
      "before the";
  auto f = Lint(kStory + cut);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, kStory.size());  // the cut sentence
  EXPECT_EQ(f[0].span.end, kStory.size() + cut.size());
  EXPECT_EQ(std::get<std::vector<std::string>>(*Get(f[0], "signals")),
            V{"no-terminal-punctuation"});
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "ends_with")), "the");
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "words")), 18);
  EXPECT_EQ(f[0].message, "the article ends mid-sentence, after \"the\": the text was cut");
  EXPECT_FALSE(f[0].fix.has_value());
}

TEST(TruncatedTest, CutEndingsNeedAParagraphOfProse) {
  // A comma needs twelve words; "the" eight.
  EXPECT_EQ(Signals(kStory + "Work will begin in the autumn and last until the spring,"), V{});
  EXPECT_EQ(Signals(kStory +
                    "Work will begin in the autumn and should last until the end of next spring,"),
            V{"no-terminal-punctuation"});
  EXPECT_EQ(Signals(kStory + "Work will begin in the autumn, the"), V{});
  // An ordinary lower-case word: a full sentence before the cut one, or thirty words.
  EXPECT_EQ(
      Signals(kStory +
              "Cyclists welcomed the decision and said the path would be busy from the first day"),
      V{});
  EXPECT_EQ(
      Signals(
          kStory +
          "Cyclists welcomed the decision. They said the path would be busy from the first day"),
      V{"no-terminal-punctuation"});
  // A capitalised last word is a name: a caption credit, a bio.
  EXPECT_EQ(Signals(kStory + "Cyclists welcomed the decision. They said the path would be busy "
                             "from the first day, Reuters"),
            V{});
}

TEST(TruncatedTest, EllipsisAndReadMoreLinks) {
  EXPECT_EQ(Signals(kStory + "The mayor said the work would begin in September..."), V{"ellipsis"});
  EXPECT_EQ(Signals(kStory + "The mayor said the work would begin in September [\u2026]"),
            V{"ellipsis"});
  EXPECT_EQ(
      Signals(kStory + "The work would begin in September, the mayor told reporters on Tuesday..."),
      V{"ellipsis"});
  EXPECT_EQ(Signals(kStory + "Continue reading \u2192"), V{"read-more-link"});
  EXPECT_EQ(Signals(kStory + "Read the full story"), V{"read-more-link"});
  EXPECT_EQ(Signals(kStory + "The mayor said the work would begin in September. Read more \u00bb"),
            V{"read-more-link"});
  EXPECT_EQ(Signals(kStory + "The mayor said the work would begin in \u2026 [Read more]"),
            (V{"ellipsis", "read-more-link"}));
  // "Read more" alone heads link lists too: it counts as the text's last line.
  EXPECT_EQ(Signals(kStory + "Read more"), V{"read-more-link"});
  EXPECT_EQ(
      Signals(kStory + "Read more\nCyclists win fight for river path\nBridge to close for repairs"),
      V{});
}

TEST(TruncatedTest, SpanCoversTheLastSentenceAndItsMarks) {
  const std::string last =
      "The mayor said the work would begin soon. Details of the route were not published... "
      "Read more";
  auto f = Lint(kStory + last);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, kStory.size() + last.find("Details"));
  EXPECT_EQ(f[0].span.end, kStory.size() + last.size());
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "marker")), "Read more");
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "ellipsis")), "...");
}

TEST(TruncatedTest, TheStoryEndsBeforeThePageFooter) {
  const std::string cut =
      "The mayor said the work would begin in September and that the path should be finished "
      "before the";
  auto f = Lint(kStory + cut + "\nShare this article\nFacebook X Email\n\u00a9 2024 City Post");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, kStory.size());
  // A complete story with the same footer is fine.
  EXPECT_EQ(Signals(kStory + "Share this article\nFacebook X Email\n\u00a9 2024 City Post"), V{});
}

TEST(TruncatedTest, FeedFootersAreSkipped) {
  EXPECT_EQ(Signals(kStory + "The post Council approves river path appeared first on City Post."),
            V{});
  EXPECT_EQ(Signals(kStory + "The mayor said work would begin soon [...]\n"
                             "The post Council approves river path appeared first on City Post."),
            V{"ellipsis"});
}

TEST(TruncatedTest, EndingsOfCompleteArticles) {
  const std::vector<std::string> endings = {
      "(Reporting by Ewan Grant; Editing by Helen Marsh)",
      "\u2014 Reporting by Ewan Grant; Editing by Helen Marsh",
      "Reporting by Ewan Grant; editing by Helen Marsh and the",
      "ENDS",
      "###",
      "-30-",
      "What happens next",
      "Photo: Ewan Grant/City Post",
      "Will the council listen?",
      "She called the vote \u201cthe best day for the old town in years\u201d",
      "\u201cWe will see what the summer brings\u2026\u201d",
      "Asked about the cost, she said: \u201cThat is for the council to explain.\u201d",
      "This is the first of three reports on the city's rivers. To be continued\u2026",
      "This is a developing story and will be updated",
      "The route is published at council.example.org/river-path",
      "Sign up for our newsletter to get the latest stories delivered to your inbox every day",
      "The council listed the conditions it attached to the money, which the operator accepted:\n"
      "1. Two crossings a day\n2. Fares frozen",
      "The path, as the mayor likes to say, will be worth the wait\u2026\n"
      "(Reporting by Ewan Grant)",
      "  \u2022 new lighting along the whole path and in the two tunnels under the",
      "Children in the city should read more.",
      "Ewan Grant is a freelance journalist based in Glasgow. He writes about transport, housing "
      "and the islands",
      "The minister's full statement on the decision can be read in the document embedded below:",
      "Residents said the council should have asked for more",
  };
  for (const std::string& e : endings) EXPECT_EQ(Signals(kStory + e), V{}) << e;
}

TEST(TruncatedTest, ListsOfExcerptsAreNotOneTruncatedArticle) {
  const std::string page =
      "Latest news\n"
      "The city council on Tuesday approved a plan to open the riverbank to cyclists, ending "
      "two years of debate...\n"
      "Read more\n"
      "Residents of the old town said they had not been consulted about the new bus routes "
      "through the centre...\n"
      "Read more\n";
  EXPECT_EQ(Signals(page), V{});
}

TEST(TruncatedTest, OneParagraphArticleCutMidSentence) {
  EXPECT_EQ(
      Signals("Health officials said on Friday that the number of measles cases in the region "
              "had doubled in a month, and urged parents to check that their children had "
              "received both doses of the"),
      V{"no-terminal-punctuation"});
  // A page of short lines has no story: nothing to judge.
  EXPECT_EQ(Signals("Home\nWorld\nBusiness\nSign in to continue reading the"), V{});
}

}  // namespace
}  // namespace newslint
