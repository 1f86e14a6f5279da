// Unit tests of boilerplate/share-widget, boilerplate/ui-text and
// boilerplate/cms-artifact, and of the label-line scan they share
// (rules/label_lines.h). Table-driven: each row is an article and
// the lines the rule must flag, nothing more. The fixtures
// (fixtures/boilerplate/) cover whole articles.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/label_lines.h"
#include "rules/rules.h"

namespace newslint {
namespace {

// A story paragraph: long enough, with a full stop, to count as prose.
const std::string kProse =
    "The council voted on Tuesday to approve the budget after a long debate about road repairs.\n";

std::vector<Finding> Lint(const Rule& rule, const std::string& text) {
  Article article;
  article.text = text;
  Analysis analysis(article);
  std::vector<Finding> findings;
  FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
  rule.Check(article, analysis, RuleOptions(), sink);
  return findings;
}

std::vector<std::string> FlaggedLines(const Rule& rule, const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(rule, text)) out.push_back(text.substr(f.span.start, f.span.size()));
  return out;
}

struct Row {
  std::string text;
  std::vector<std::string> flagged;
};

void RunTable(const Rule& rule, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    EXPECT_EQ(FlaggedLines(rule, row.text), row.flagged) << "text:\n" << row.text;
  }
}

TEST(LabelLinesTest, OnlyLabelsSeparatorsIconsAndCounts) {
  enum : uint8_t { kAny };
  const LabelLexicon lexicon({{"share-widget-networks", kAny}, {"share-widget-ambiguous", kAny}});
  std::vector<PhraseMatch> scratch, labels;
  struct Case {
    std::string line;
    bool only_labels;
    bool number;
  };
  const std::vector<Case> cases = {
      {"Facebook Twitter Email Print", true, false},
      {"Facebook | X | LinkedIn", true, false},
      {"• Facebook  • Reddit", true, false},
      {"Comments (12)", true, true},
      {"1.2K shares", true, true},
      {"Facebook said on Tuesday", false, false},
      {"\u201cFacebook\u201d", false, false},  // a quotation, not a button
      {"x Twitter", false, false},              // "X" counts only as a capital
      {"Twitter 2k23", false, false},
  };
  for (const Case& c : cases) {
    LabelScan scan = ScanLabelLine(lexicon, c.line, &scratch, &labels);
    EXPECT_EQ(scan.only_labels, c.only_labels) << c.line;
    EXPECT_EQ(scan.number, c.number) << c.line;
  }
}

TEST(ShareWidgetRuleTest, Table) {
  std::unique_ptr<Rule> rule = MakeShareWidgetRule();
  RunTable(*rule, {
      // Share actions fire anywhere, even between paragraphs.
      {kProse + "Share\n" + kProse, {"Share"}},
      {kProse + "Share this article\n" + kProse, {"Share this article"}},
      {kProse + "Follow US\n" + kProse, {"Follow US"}},
      {kProse + "Comments (12)\n" + kProse, {"Comments (12)"}},
      {kProse + "Facebook | X | LinkedIn | WhatsApp\n" + kProse,
       {"Facebook | X | LinkedIn | WhatsApp"}},
      // Ambiguous words: with company, in the tail, but not alone in the story.
      {kProse + "Share this article\nPrint\nEmail\n" + kProse,
       {"Share this article", "Print", "Email"}},
      {kProse + "Email\n", {"Email"}},
      {kProse + "Print\n\n" + kProse, {}},
      {kProse + "Facebook\n\n" + kProse, {}},
      // A list the story introduces.
      {kProse + "The platforms fined were:\n  • Facebook\n  • TikTok\n" + kProse, {}},
      // Prose and quotations.
      {kProse + "Share prices tumble\n" + kProse, {}},
      {kProse + "She shared the video on Facebook and X.\n", {}},
      {kProse + "\u201cFollow us\u201d\n" + kProse, {}},
  });
}

TEST(ShareWidgetRuleTest, EvidenceNamesTheSignals) {
  std::unique_ptr<Rule> rule = MakeShareWidgetRule();
  std::vector<Finding> findings = Lint(*rule, kProse + "Share this article\nEmail\n");
  ASSERT_EQ(findings.size(), 2u);
  const auto& signals = std::get<std::vector<std::string>>(findings[1].evidence[0].second);
  EXPECT_EQ(findings[1].evidence[0].first, "signals");
  EXPECT_NE(std::find(signals.begin(), signals.end(), "next-to-share-line"), signals.end());
  EXPECT_NE(std::find(signals.begin(), signals.end(), "region:tail"), signals.end());
}

TEST(UiTextRuleTest, Table) {
  std::unique_ptr<Rule> rule = MakeUiTextRule();
  RunTable(*rule, {
      {"Aa\n" + kProse, {"Aa"}},
      {"AA\n" + kProse, {}},  // "Aa" is matched with its case
      {kProse + "ADVERTISEMENT\n" + kProse, {"ADVERTISEMENT"}},
      {kProse + "Story continues below advertisement\n" + kProse,
       {"Story continues below advertisement"}},
      {kProse + "3 min read\n" + kProse, {"3 min read"}},
      {kProse + "5 minutes\n" + kProse, {}},
      {kProse + "Removed from reading list\n\nUndo\n", {"Removed from reading list", "Undo"}},
      {kProse + "Undo\n\n" + kProse, {}},
      // "Reading: <headline>" above the story, or repeating the title.
      {"Reading: Council approves the road budget\n" + kProse,
       {"Reading: Council approves the road budget"}},
      {kProse + "Reading: a lost habit?\n" + kProse, {}},
      // Ambiguous words: a run of short lines above the story, not a list heading.
      {"Menu\nSearch\nCouncil approves the road budget\n" + kProse, {"Menu", "Search"}},
      {kProse + "Menu\n  • Soup\n  • Trout\n", {}},
      {kProse + "Search\n" + kProse, {}},
      {kProse + "Read more about the budget in our guide to the council's spending plans.\n", {}},
  });
}

TEST(CmsArtifactRuleTest, Table) {
  std::unique_ptr<Rule> rule = MakeCmsArtifactRule();
  RunTable(*rule, {
      {kProse + "(TagsToTranslate)News\n", {"(TagsToTranslate)News"}},
      {"Loading...\n" + kProse, {"Loading..."}},
      {kProse + "undefined\n", {"undefined"}},
      {"By undefined\n" + kProse, {"By undefined"}},
      {"undefined undefined | 3 hours ago\n" + kProse, {"undefined undefined | 3 hours ago"}},
      {kProse + "[caption id=\"a1\" width=\"600\"]A crane.[/caption]\n",
       {"[caption id=\"a1\" width=\"600\"]A crane.[/caption]"}},
      {kProse + "{{ headline }}\n", {"{{ headline }}"}},
      {kProse + "%%TITLE%%\n", {"%%TITLE%%"}},
      {kProse + "${title}\n", {"${title}"}},
      // Prose, quotations and brackets of quotations.
      {"The court declared the contract null and said the border remains undefined.\n", {}},
      {"\u201cHe [the mayor] knew,\u201d she said, calling the figures \u201cwrong [sic].\u201d\n", {}},
      {"The page showed \u201c[object Object]\u201d instead of the names of the candidates.\n", {}},
      {"An undefined border\n" + kProse, {}},
      {"Loading of grain stopped in March as trucks were turned back at the border post.\n", {}},
  });
}

// InsideQuotation compares only at the marks' lead bytes; the plain reading
// of its contract (count the marks that start before `pos`) must agree, also
// for marks cut at the end of the line and bytes that only look like them.
TEST(InsideQuotationTest, AgreesWithCountingMarksAtEveryPosition) {
  auto reference = [](std::string_view line, size_t pos) {
    int open = 0, close = 0, straight = 0;
    for (size_t i = 0; i < pos && i < line.size(); ++i) {
      const std::string_view rest = line.substr(i);
      if (rest.starts_with('"')) {
        ++straight;
      } else if (rest.starts_with("\u201c") || rest.starts_with("\u00ab")) {
        ++open;
      } else if (rest.starts_with("\u201d") || rest.starts_with("\u00bb")) {
        ++close;
      }
    }
    return open > close || straight % 2 == 1;
  };
  static constexpr std::string_view kPieces[] = {
      "a", " ", "\"", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2019", "\u00e9",
      "\xE2", "\xE2\x80", "\xC2", "\x80\x9C", "\xBB"};
  uint32_t state = 99;
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    for (int k = 0; k < round % 12; ++k) {
      state = state * 1664525u + 1013904223u;
      line += kPieces[(state >> 24) % std::size(kPieces)];
    }
    InsideQuotationScan rising(line), jumping(line);
    for (size_t pos = 0; pos <= line.size() + 1; ++pos) {
      ASSERT_EQ(InsideQuotation(line, pos), reference(line, pos)) << line << " @" << pos;
      ASSERT_EQ(rising(pos), reference(line, pos)) << line << " @" << pos;
      // One scan asked here and there, back and forth, as a rule's matches
      // of several kinds may ask it.
      state = state * 1664525u + 1013904223u;
      const size_t at = (state >> 16) % (line.size() + 2);
      ASSERT_EQ(jumping(at), reference(line, at)) << line << " @" << at;
    }
  }
}

}  // namespace
}  // namespace newslint
