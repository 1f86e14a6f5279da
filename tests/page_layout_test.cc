#include "rules/page_layout.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "lint/analysis.h"
#include "lint/article.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

Article MakeArticle(std::string text) {
  Article a;
  a.text = std::move(text);
  return a;
}

// A prose line: 12+ words and a full stop.
constexpr std::string_view kProse =
    "The council voted on Tuesday to approve the new harbour toll after a long debate.";

// ---------------------------------------------------------------------------
// One line on its own: shape flags.
// ---------------------------------------------------------------------------

struct ShapeCase {
  std::string line;
  bool blank, bullet, sentence_end, prose, short_line;
  int words;
};

TEST(PageLayoutTest, LineShapes) {
  const std::vector<ShapeCase> cases = {
      // line                                   blank  bullet end    prose  short  words
      {"Home", false, false, false, false, true, 1},
      {"  • Business", false, true, false, false, true, 1},
      {"- Contact us", false, true, false, false, true, 2},
      {"-5 degrees", false, false, false, false, true, 2},  // no space after the dash
      {"Changing dynamics", false, false, false, false, true, 2},
      {"Accept the offer?", false, false, true, false, false, 3},
      {"He said “no.”", false, false, true, false, false, 3},  // closing quote after the stop
      {std::string(kProse), false, false, true, true, false, 15},
      {"One two three four five six seven eight nine", false, false, false, false, false, 9},
      {"   ", true, false, false, false, false, 0},
      {"«»", false, false, false, false, false, 0},  // no words: not short
  };
  for (const ShapeCase& c : cases) {
    Article article = MakeArticle(c.line);
    Analysis analysis(article);
    const PageLayout layout(analysis);
    ASSERT_EQ(layout.size(), 1u) << c.line;
    const LineLayout& l = layout.line(0);
    EXPECT_EQ(l.blank, c.blank) << c.line;
    EXPECT_EQ(l.bullet, c.bullet) << c.line;
    EXPECT_EQ(l.sentence_end, c.sentence_end) << c.line;
    EXPECT_EQ(l.prose, c.prose) << c.line;
    EXPECT_EQ(l.short_line, c.short_line) << c.line;
    EXPECT_EQ(l.words, c.words) << c.line;
  }
}

TEST(PageLayoutTest, SpanIsTheTrimmedLine) {
  Article article = MakeArticle("  \u00a0Home  \r\n");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  ASSERT_EQ(layout.size(), 1u);
  EXPECT_EQ(analysis.view(layout.line(0).span), "Home");
  EXPECT_EQ(layout.line(0).code_points, 4);
}

// tokens(i) is TokensIn(line(i).span) for every line of every fixture,
// blank lines (no token) included.
TEST(PageLayoutTest, LineTokensAreTokensInTheLine) {
  size_t lines = 0, with_tokens = 0;
  for (const Article& article : FixtureArticles()) {
    Analysis analysis(article);
    const PageLayout layout(analysis);
    for (size_t i = 0; i < layout.size(); ++i) {
      const std::span<const Token> in = analysis.TokensIn(layout.line(i).span);
      const std::span<const Token> got = layout.tokens(i);
      ASSERT_EQ(got.size(), in.size()) << article.source << " line " << i;
      if (!in.empty()) ASSERT_EQ(got.data(), in.data()) << article.source << " line " << i;
      with_tokens += !in.empty();
    }
    lines += layout.size();
  }
  EXPECT_GT(lines, with_tokens);  // blank lines among them
  EXPECT_GT(with_tokens, 1000u);
}

// ---------------------------------------------------------------------------
// Runs of short lines, across blank lines.
// ---------------------------------------------------------------------------

TEST(PageLayoutTest, RunsSpanBlankLinesAndStopAtProse) {
  // 0 Home / 1 News / 2 blank / 3 Sport / 4 prose / 5 Contact / 6 blank
  Article article = MakeArticle("Home\nNews\n\nSport\n" + std::string(kProse) + "\nContact\n\n");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  ASSERT_EQ(layout.size(), 7u);
  struct RunCase {
    size_t line, begin, end, length;
  };
  const std::vector<RunCase> cases = {
      {0, 0, 4, 3}, {1, 0, 4, 3}, {3, 0, 4, 3},  // the blank line 2 belongs to the run
      {2, 2, 3, 0},                              // a blank line is in no run of its own
      {4, 4, 5, 1},                              // prose: its own line only
      {5, 5, 6, 1},                              // a trailing blank line does not extend a run
  };
  for (const RunCase& c : cases) {
    const LineLayout& l = layout.line(c.line);
    EXPECT_EQ(l.run_begin, c.begin) << "line " << c.line;
    EXPECT_EQ(l.run_end, c.end) << "line " << c.line;
    EXPECT_EQ(layout.run_length(c.line), c.length) << "line " << c.line;
  }
  EXPECT_EQ(layout.PreviousNonBlank(3), 1u);
  EXPECT_EQ(layout.NextNonBlank(1), 3u);
  EXPECT_EQ(layout.PreviousNonBlank(0), PageLayout::npos);
  EXPECT_EQ(layout.NextNonBlank(5), PageLayout::npos);
}

// ---------------------------------------------------------------------------
// Head, body and tail.
// ---------------------------------------------------------------------------

TEST(PageLayoutTest, RegionsAroundTheStory) {
  const std::string prose(kProse);
  // 0 Menu / 1 prose / 2 Sub-heading / 3 prose / 4 Related / 5 teaser
  Article article =
      MakeArticle("Menu\n" + prose + "\nSub-heading\n" + prose + "\nRelated\nAnother story\n");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  EXPECT_EQ(layout.body_begin(), 1u);
  EXPECT_EQ(layout.body_end(), 4u);
  const std::vector<PageRegion> expected = {PageRegion::kHead, PageRegion::kBody,
                                            PageRegion::kBody, PageRegion::kBody,
                                            PageRegion::kTail, PageRegion::kTail};
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(layout.region(i), expected[i]) << i;
}

// The story is the largest prose cluster, joined with nearby clusters: a
// prose-shaped banner far above it stays in the head, a fact list inside the
// story keeps the story whole.
TEST(PageLayoutTest, StoryIsTheLargestProseClusterWithItsNeighbours) {
  const std::string prose(kProse);
  std::string text = prose + "\n";                                  // 0: banner-like prose
  for (int i = 0; i < 12; ++i) text += "Section " + std::to_string(i) + "\n";  // 1-12: menu
  text += prose + "\n" + prose + "\n";                               // 13-14: story
  for (int i = 0; i < 6; ++i) text += "  • Fact " + std::to_string(i) + "\n";  // 15-20: list
  text += prose + "\n" + prose + "\n" + prose + "\n";                // 21-23: story
  text += "Latest\nTeaser one\n";                                    // 24-25: tail
  Article article = MakeArticle(text);
  Analysis analysis(article);
  const PageLayout layout(analysis);
  EXPECT_EQ(layout.body_begin(), 13u);
  EXPECT_EQ(layout.body_end(), 24u);
  EXPECT_EQ(layout.region(0), PageRegion::kHead);
  EXPECT_EQ(layout.region(17), PageRegion::kBody);
  EXPECT_EQ(layout.region(25), PageRegion::kTail);
}

// Weak lines join a flagged line within the window, chaining both ways; a
// blank line does not count towards the window, a distant weak line stays out.
TEST(PageLayoutTest, JoinFlaggedNeighboursChainsWithinTheWindow) {
  // 0 weak / 1 flagged / 2 blank / 3 weak / 4 weak / 5 other / 6 other / 7 weak
  Article article = MakeArticle("a\nb\n\nc\nd\ne\nf\ng\n");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  std::vector<uint8_t> weak = {1, 0, 0, 1, 1, 0, 0, 1};
  std::vector<uint8_t> flagged = {0, 1, 0, 0, 0, 0, 0, 0};
  std::vector<size_t> from = layout.JoinFlaggedNeighbours(weak, &flagged, 1);
  EXPECT_EQ(flagged, (std::vector<uint8_t>{1, 1, 0, 1, 1, 0, 0, 0}));
  EXPECT_EQ(from[0], 1u);
  EXPECT_EQ(from[3], 1u);  // across the blank line
  EXPECT_EQ(from[4], 3u);  // chained
  EXPECT_EQ(from[7], layout.size());
  flagged = {0, 1, 0, 0, 0, 0, 0, 0};
  layout.JoinFlaggedNeighbours(weak, &flagged, 3);
  EXPECT_EQ(flagged[7], 1u);  // 7 is three non-blank lines below 4
}

TEST(PageLayoutTest, NoProseMeansNoBody) {
  Article article = MakeArticle("Home\nNews\nSport\n");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  EXPECT_EQ(layout.body_begin(), 0u);
  EXPECT_EQ(layout.body_end(), 0u);
  EXPECT_EQ(layout.region(0), PageRegion::kTail);
}

TEST(PageLayoutTest, EmptyText) {
  Article article = MakeArticle("");
  Analysis analysis(article);
  const PageLayout layout(analysis);
  EXPECT_EQ(layout.size(), 0u);
}

// ---------------------------------------------------------------------------
// HTML: template containers and class/id tokens.
// ---------------------------------------------------------------------------

TEST(PageLayoutTest, DomContainerFromTagPath) {
  struct DomCase {
    std::string tag_path;
    std::string_view container;
  };
  const std::vector<DomCase> cases = {
      {"html>body>nav>ul>li>a", "nav"},
      {"html>body>header>div>p", "header"},
      {"html>body>footer>nav>a", "nav"},       // the innermost container wins
      {"html>body>nav>div>footer>p", "footer"},
      {"html>body>aside>p", "aside"},
      {"html>body>main>article>p", ""},
      {"html>body>navbar>p", ""},              // a tag name that only starts with "nav"
      {"html>body>div>canvas>p", ""},
      {"html>body>nav>footer>canvas", "footer"},  // "nav" inside "canvas" is no tag
  };
  std::string text;
  Article article;
  for (const DomCase& c : cases) {
    text += "Home\n";
    article.blocks.push_back({c.tag_path, {}});
  }
  article.text = text;
  Analysis analysis(article);
  const PageLayout layout(analysis);
  ASSERT_EQ(layout.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(layout.line(i).dom_container, cases[i].container) << cases[i].tag_path;
  }
}

TEST(PageLayoutTest, DomTokenContains) {
  Article article;
  article.text = "Share\nStory text\n";
  article.blocks.push_back({"html>body>div>p", {"social-share", "toolbar"}});
  article.blocks.push_back({"html>body>article>p", {"story"}});
  Analysis analysis(article);
  const PageLayout layout(analysis);
  EXPECT_TRUE(layout.DomTokenContains(0, "share"));
  EXPECT_FALSE(layout.DomTokenContains(0, "related"));
  EXPECT_FALSE(layout.DomTokenContains(1, "share"));

  Article plain = MakeArticle("Share\n");
  Analysis plain_analysis(plain);
  const PageLayout plain_layout(plain_analysis);
  EXPECT_FALSE(plain_layout.DomTokenContains(0, "share"));  // no DOM evidence
  EXPECT_EQ(plain_layout.line(0).dom_container, "");
}

// ---------------------------------------------------------------------------
// The shared view is built once per article.
// ---------------------------------------------------------------------------

TEST(PageLayoutTest, SharedReturnsTheSameObject) {
  Article article = MakeArticle("Home\nNews\n");
  Analysis analysis(article);
  const PageLayout& first = analysis.Shared<PageLayout>();
  const PageLayout& second = analysis.Shared<PageLayout>();
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(first.size(), 2u);

  Article other = MakeArticle("Home\n");
  Analysis other_analysis(other);
  EXPECT_NE(&other_analysis.Shared<PageLayout>(), &first);
  EXPECT_EQ(other_analysis.Shared<PageLayout>().size(), 1u);
}

// The layout counts each line's words in one walk of the token list, by
// shape without a branch; they are the tokens Analysis::TokensIn gives for
// the line, on every fixture.
TEST(PageLayoutTest, LineWordsAreTheTokensInTheLine) {
  for (const Article& a : FixtureArticles()) {
    Analysis analysis(a);
    const PageLayout layout(analysis);
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank) continue;
      int letters_words = 0, capitalized = 0;
      for (const Token& t : analysis.TokensIn(l.span)) {
        letters_words += t.shape != TokenShape::kNumber;
        capitalized += t.shape == TokenShape::kCapitalized || t.shape == TokenShape::kUpper ||
                       t.shape == TokenShape::kMixed;
      }
      ASSERT_EQ(static_cast<size_t>(l.words), analysis.TokensIn(l.span).size()) << a.source << ":" << i;
      ASSERT_EQ(l.letters_words, letters_words) << a.source << ":" << i;
      ASSERT_EQ(l.capitalized, capitalized) << a.source << ":" << i;
    }
  }
}

}  // namespace
}  // namespace newslint
