// Rule packs (rules/rule_pack.h): parsing and validation, the three kinds,
// units and min-matches, case sensitivity, the one shared phrase matcher and
// the RE2 pattern sets.

#include "rules/rule_pack.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "lint/registry.h"

namespace newslint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A pack with one rule; `rule` is the body of its [[rule]] table after the id.
std::string Pack(const std::string& rule, const std::string& id = "house/test") {
  return "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"" + id + "\"\n" + rule;
}

const char* kLineRule =
    "summary = \"Labels.\"\nmessage = \"label: {match}\"\nkind = \"line\"\n"
    "phrases = [\"Sponsored content\", \"EDITOR NOTE\"]\n";

std::string ParseError(const std::string& text) {
  RulePack pack;
  std::string error;
  if (ParseRulePack(text, "house.toml", &pack, &error)) return "";
  return error;
}

TEST(RulePackTest, ParsesAWellFormedPack) {
  RulePack pack;
  std::string error;
  ASSERT_TRUE(ParseRulePack(Pack(std::string(kLineRule) + "severity = \"error\"\n"
                                 "case-sensitive = true\n"),
                            "house.toml", &pack, &error))
      << error;
  EXPECT_EQ(pack.name, "house");
  ASSERT_EQ(pack.rules.size(), 1u);
  const PackRuleSpec& r = pack.rules[0];
  EXPECT_EQ(r.id, "house/test");
  EXPECT_EQ(r.severity, Severity::kError);
  EXPECT_EQ(r.kind, PackRuleKind::kLine);
  EXPECT_TRUE(r.case_sensitive);
  EXPECT_THAT(r.phrases, ElementsAre("Sponsored content", "EDITOR NOTE"));
  EXPECT_EQ(r.line, 5);
}

TEST(RulePackTest, RejectsMistakesWithTheFileLineAndKey) {
  const std::string ok = "summary = \"S.\"\nmessage = \"M\"\n";
  struct Case {
    std::string text;
    std::string error_part;
  };
  const std::vector<Case> cases = {
      {Pack(std::string(kLineRule) + "colour = \"red\"\n"), "colour"},
      {Pack(kLineRule, "House/Test"), "family/kebab-name"},
      {Pack(kLineRule, "house"), "family/kebab-name"},
      {Pack(kLineRule, "house/a/b"), "family/kebab-name"},
      {Pack(kLineRule, "input/mine"), "input"},
      {Pack(ok + "kind = \"line\"\nphrases = []\n"), "phrases"},
      {Pack(ok + "kind = \"line\"\nphrases = [\"  \"]\n"), "phrases"},
      {Pack(ok + "kind = \"line\"\nphrases = [1]\n"), "phrases"},
      {Pack(ok + "kind = \"line\"\n"), "phrases"},
      {Pack(ok + "kind = \"regex\"\nphrases = [\"a\"]\n"), "kind"},
      {Pack(ok + "phrases = [\"a\"]\n"), "kind"},
      {Pack(ok + "kind = \"phrase\"\nunit = \"page\"\nphrases = [\"a\"]\n"), "unit"},
      {Pack(ok + "kind = \"phrase\"\nmin-matches = 0\nphrases = [\"a\"]\n"), "min-matches"},
      {Pack(ok + "kind = \"line\"\nunit = \"sentence\"\nphrases = [\"a\"]\n"), "unit"},
      {Pack(ok + "kind = \"line\"\nmin-matches = 2\nphrases = [\"a\"]\n"), "min-matches"},
      {Pack(ok + "kind = \"line\"\ncase-sensitive = \"yes\"\nphrases = [\"a\"]\n"), "case-sensitive"},
      {Pack(std::string(kLineRule) + "severity = \"fatal\"\n"), "severity"},
      {Pack("message = \"M\"\nkind = \"line\"\nphrases = [\"a\"]\n"), "summary"},
      {Pack("summary = \"S.\"\nkind = \"line\"\nphrases = [\"a\"]\n"), "message"},
      {Pack("summary = \"S.\"\nmessage = \"{matched}\"\nkind = \"line\"\nphrases = [\"a\"]\n"),
       "{matched}"},
      {Pack(kLineRule) + "\n[[rule]]\nid = \"house/test\"\n" + kLineRule, "duplicate rule id"},
      {"[[rule]]\nid = \"house/x\"\n" + std::string(kLineRule), "[pack]"},
      {"[pack]\nname = \"house\"\n", "[[rule]]"},
      {"[pack]\nname = \"House Rules\"\n[[rule]]\nid = \"house/x\"\n" + std::string(kLineRule),
       "name"},
      {"[pack]\nname = \"house\"\nauthor = \"me\"\n", "author"},
      {"[pack]\nname = \"house\"\n[rules]\n", "rules"},
      {"[pack\n", "invalid TOML"},
      {Pack(ok + "kind = \"pattern\"\n"), "patterns"},
      {Pack(ok + "kind = \"pattern\"\npatterns = []\n"), "patterns"},
      {Pack(ok + "kind = \"pattern\"\npatterns = [\"\"]\n"), "patterns"},
      {Pack(ok + "kind = \"pattern\"\npatterns = [\"a\"]\nphrases = [\"a\"]\n"), "phrases"},
      {Pack(ok + "kind = \"phrase\"\nphrases = [\"a\"]\npatterns = [\"a\"]\n"), "patterns"},
      {Pack(ok + "kind = \"line\"\nphrases = [\"a\"]\npatterns = [\"a\"]\n"), "patterns"},
      {Pack(ok + "kind = \"pattern\"\npatterns = [\"a(\"]\n"), "invalid RE2 pattern"},
  };
  for (const Case& c : cases) {
    std::string error = ParseError(c.text);
    EXPECT_THAT(error, HasSubstr(c.error_part)) << c.text;
    EXPECT_THAT(error, HasSubstr("house.toml")) << c.text;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  }
  // Errors about a key carry its line.
  EXPECT_THAT(ParseError(Pack(std::string(kLineRule) + "colour = \"red\"\n")),
              HasSubstr("house.toml:10:"));
}

TEST(RulePackTest, BuiltinPacksParseAndTheirIdsAreFree) {
  ASSERT_FALSE(BuiltinPackNames().empty());
  ASSERT_EQ(BuiltinPacks().size(), BuiltinPackNames().size());
  std::vector<std::string> ids;
  for (const auto& rule : MakeAllRules()) ids.emplace_back(rule->info().id);
  EXPECT_THAT(ids, ::testing::Contains("boilerplate/app-promo"));
  // Pack rules come after the C++ rules, in catalogue order.
  EXPECT_EQ(ids.back(), "boilerplate/app-promo");
}

// Builds a set from pack texts and lints `text` with every rule of it.
class RulePackSetTest : public ::testing::Test {
 protected:
  void Build(const std::vector<std::string>& pack_texts) {
    std::vector<RulePack> packs;
    for (const std::string& t : pack_texts) {
      RulePack p;
      std::string error;
      ASSERT_TRUE(ParseRulePack(t, "house.toml", &p, &error)) << error;
      packs.push_back(std::move(p));
    }
    std::string error;
    set_ = RulePackSet::Build(std::move(packs), {"garbled/mojibake"}, &error);
    ASSERT_TRUE(set_) << error;
    rules_ = set_->MakeRules();
  }

  std::vector<Finding> Findings(const std::string& text) {
    Article article;
    article.text = text;
    Analysis analysis(article);
    std::vector<Finding> findings;
    for (const auto& rule : rules_) {
      FindingSink sink(rule->info().id, rule->info().default_severity, &findings);
      rule->Check(article, analysis, RuleOptions(), sink);
    }
    return findings;
  }

  // "rule-id span-text | message" per finding, in report order.
  std::vector<std::string> Lint(const std::string& text) {
    std::vector<Finding> findings = Findings(text);
    std::vector<std::string> out;
    for (const Finding& f : findings) {
      out.push_back(f.rule + " " + text.substr(f.span.start, f.span.size()) + " | " + f.message);
    }
    return out;
  }

  std::shared_ptr<const RulePackSet> set_;
  std::vector<std::unique_ptr<Rule>> rules_;
};

TEST_F(RulePackSetTest, LineKindFlagsStandaloneLabelsOnly) {
  Build({Pack(kLineRule)});
  EXPECT_THAT(Lint("Sponsored content\n"
                   "  Sponsored content:  \n"
                   "• EDITOR NOTE —\n"
                   "This is sponsored content from our partners.\n"
                   "Sponsored contents\n"
                   "EDITOR NOTE: check the figures\n"),
              ElementsAre("house/test Sponsored content | label: Sponsored content",
                          "house/test Sponsored content: | label: Sponsored content:",
                          "house/test • EDITOR NOTE — | label: • EDITOR NOTE —"));
}

TEST_F(RulePackSetTest, LineKindFindingsRemoveTheLine) {
  Build({Pack(kLineRule)});
  Article article;
  article.text = "Story.\nSponsored content\nMore story.";
  Analysis analysis(article);
  std::vector<Finding> findings;
  FindingSink sink("house/test", Severity::kWarning, &findings);
  rules_[0]->Check(article, analysis, RuleOptions(), sink);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_TRUE(findings[0].fix);
  EXPECT_EQ(article.text.substr(findings[0].fix->span.start, findings[0].fix->span.size()),
            "Sponsored content\n");
  EXPECT_EQ(findings[0].fix->text, "");
}

TEST_F(RulePackSetTest, PhraseKindFindsEveryOccurrenceOnce) {
  Build({Pack("summary = \"S.\"\nmessage = \"placeholder {match}\"\nkind = \"phrase\"\n"
              "phrases = [\"TK\", \"TK TK\", \"insert photo here\"]\n")});
  EXPECT_THAT(Lint("The mayor said TK TK about the plan. INSERT PHOTO HERE\nTKO is a word.\n"),
              ElementsAre("house/test TK TK | placeholder TK TK",
                          "house/test INSERT PHOTO HERE | placeholder INSERT PHOTO HERE"));
}

TEST_F(RulePackSetTest, MinMatchesCountsPerUnit) {
  const std::string hedges =
      "summary = \"S.\"\nmessage = \"{count} hedges: {match}\"\nkind = \"phrase\"\n"
      "min-matches = 2\nphrases = [\"reportedly\", \"allegedly\", \"sources say\"]\n";
  const std::string text =
      "He reportedly left. She allegedly stayed.\n"
      "It was reportedly and allegedly sold, sources say.\n"
      "Only reportedly here.\n";
  Build({Pack(hedges + "unit = \"line\"\n")});
  EXPECT_THAT(Lint(text),
              ElementsAre("house/test He reportedly left. She allegedly stayed. | 2 hedges: "
                          "reportedly, allegedly",
                          "house/test It was reportedly and allegedly sold, sources say. | 3 "
                          "hedges: reportedly, allegedly, sources say"));
  Build({Pack(hedges + "unit = \"sentence\"\n")});
  EXPECT_THAT(Lint(text), ElementsAre("house/test It was reportedly and allegedly sold, sources "
                                      "say. | 3 hedges: reportedly, allegedly, sources say"));
  Build({Pack(hedges + "unit = \"paragraph\"\n")});
  EXPECT_EQ(Lint(text).size(), 2u);
}

TEST_F(RulePackSetTest, CaseSensitivity) {
  const std::string rule =
      "summary = \"S.\"\nmessage = \"{match}\"\nkind = \"phrase\"\nphrases = [\"TK\"]\n";
  Build({Pack(rule)});
  EXPECT_EQ(Lint("TK and tk and Tk\n").size(), 3u);
  Build({Pack(rule + "case-sensitive = true\n")});
  EXPECT_THAT(Lint("TK and tk and Tk\n"), ElementsAre("house/test TK | TK"));
}

TEST_F(RulePackSetTest, OneMatcherServesEveryRuleOfEveryPack) {
  // Two rules in two packs share a phrase: both fire, from one scan.
  Build({Pack(kLineRule, "house/label"),
         "[pack]\nname = \"ads\"\n[[rule]]\nid = \"ads/sponsored\"\nsummary = \"S.\"\n"
         "message = \"ad: {match}\"\nkind = \"phrase\"\nphrases = [\"sponsored content\"]\n"});
  EXPECT_THAT(Lint("Sponsored content\n"),
              ElementsAre("house/label Sponsored content | label: Sponsored content",
                          "ads/sponsored Sponsored content | ad: Sponsored content"));

  Article article;
  article.text = "Sponsored content\nEDITOR NOTE\n";
  Analysis analysis(article);
  const PackMatches& m = analysis.Shared<PackMatches>([&] { return set_->Scan(analysis); });
  EXPECT_EQ(m.set, set_.get());
  ASSERT_EQ(m.by_rule.size(), 2u);
  EXPECT_EQ(m.by_rule[0].size(), 2u);
  EXPECT_EQ(m.by_rule[1].size(), 1u);
  // Later rules read the cache: the same object comes back.
  EXPECT_EQ(&analysis.Shared<PackMatches>([&]() -> PackMatches { ADD_FAILURE(); return {}; }), &m);
}

// The wire-slug rule of docs/rule-packs.md.
const char* kSlugRule = R"(summary = "Wire slugs."
message = "wire slug: {match}"
kind = "pattern"
patterns = ['^[A-Z]{3,}-[A-Z0-9]+\s*$', '^\(\w+ \d+\)$']
)";

TEST_F(RulePackSetTest, PatternKindMatchesPerLineWithSpans) {
  RulePack pack;
  std::string error;
  ASSERT_TRUE(ParseRulePack(Pack(kSlugRule), "house.toml", &pack, &error)) << error;
  EXPECT_EQ(pack.rules[0].kind, PackRuleKind::kPattern);
  EXPECT_THAT(pack.rules[0].patterns, ElementsAre(R"(^[A-Z]{3,}-[A-Z0-9]+\s*$)", R"(^\(\w+ \d+\)$)"));
  EXPECT_TRUE(pack.rules[0].phrases.empty());

  Build({Pack(kSlugRule)});
  const std::string text =
      "AFP-NEWS1  \n"                        // whole line: span is the trimmed line
      "The AFP-NEWS desk said so.\n"         // ^ is the start of the line: no
      "(Reuters 2024)\n"
      "Story (Reuters 2024)\n";
  EXPECT_THAT(Lint(text), ElementsAre("house/test AFP-NEWS1 | wire slug: AFP-NEWS1",
                                      "house/test (Reuters 2024) | wire slug: (Reuters 2024)"));
  // A whole-line match of a unit = line rule removes the line.
  std::vector<Finding> findings = Findings(text);
  ASSERT_EQ(findings.size(), 2u);
  ASSERT_TRUE(findings[0].fix);
  EXPECT_EQ(text.substr(findings[0].fix->span.start, findings[0].fix->span.size()), "AFP-NEWS1  \n");
  ASSERT_EQ(findings[0].evidence.size(), 3u);
  EXPECT_EQ(findings[0].evidence[1].second, EvidenceValue(std::string("pattern")));
  EXPECT_EQ(findings[0].evidence[2].first, "pattern");
  EXPECT_EQ(findings[0].evidence[2].second, EvidenceValue(std::string(R"(^[A-Z]{3,}-[A-Z0-9]+\s*$)")));

  // Inside a line: every non-overlapping match is a finding, span = the
  // match, no fix; ^ anchors at the start of the unit only.
  Build({Pack(R"(summary = "S."
message = "placeholder {match}"
kind = "pattern"
patterns = ['\bTK\d*\b', '^TK']
)")});
  EXPECT_THAT(Lint("TK TK1 and TK22 here, not TKO.\n"),
              ElementsAre("house/test TK | placeholder TK", "house/test TK1 | placeholder TK1",
                          "house/test TK22 | placeholder TK22"));
  findings = Findings("Story TK here.\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_FALSE(findings[0].fix);
}

TEST_F(RulePackSetTest, PatternCaseSensitivity) {
  Build({Pack(kSlugRule)});  // case-sensitive = false: RE2's case-insensitive option
  EXPECT_THAT(Lint("afp-news\n(reuters 12)\n"),
              ElementsAre("house/test afp-news | wire slug: afp-news",
                          "house/test (reuters 12) | wire slug: (reuters 12)"));
  Build({Pack(std::string(kSlugRule) + "case-sensitive = true\n")});
  EXPECT_THAT(Lint("afp-news\nAFP-NEWS\n"), ElementsAre("house/test AFP-NEWS | wire slug: AFP-NEWS"));
}

TEST_F(RulePackSetTest, TwoPatternRulesSharingALineBothFire) {
  const std::string second = R"(
[[rule]]
id = "house/placeholder"
summary = "S."
message = "placeholder {match}"
kind = "pattern"
case-sensitive = true
patterns = ['TK\d*']
)";
  Build({Pack(kSlugRule, "house/slug") + second});
  EXPECT_THAT(Lint("TKX-NEWS\n"), ElementsAre("house/slug TKX-NEWS | wire slug: TKX-NEWS",
                                             "house/placeholder TK | placeholder TK"));
  // One scan, cached for both (two case modes: two sets).
  Article article;
  article.text = "TKX-NEWS\nno match\n";
  Analysis analysis(article);
  const PackMatches& m = analysis.Shared<PackMatches>([&] { return set_->Scan(analysis); });
  ASSERT_EQ(m.by_rule.size(), 2u);
  EXPECT_EQ(m.by_rule[0].size(), 1u);
  EXPECT_EQ(m.by_rule[1].size(), 1u);
}

TEST_F(RulePackSetTest, BadPatternIsALoadErrorNamingFileAndKey) {
  const std::string error = ParseError(Pack(R"(summary = "S."
message = "M"
kind = "pattern"
patterns = ['ok', '(abc']
)"));
  EXPECT_THAT(error, HasSubstr("house.toml:9:"));
  EXPECT_THAT(error, HasSubstr("'patterns' of house/test"));
  EXPECT_THAT(error, HasSubstr("(abc"));
  EXPECT_THAT(error, HasSubstr("missing )"));
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  // Backreferences are not RE2.
  EXPECT_THAT(ParseError(Pack(R"(summary = "S."
message = "M"
kind = "pattern"
patterns = ['(a)\1']
)")),
              HasSubstr("invalid RE2 pattern"));
}

TEST_F(RulePackSetTest, PatternMinMatchesPerSentence) {
  Build({Pack(R"(summary = "S."
message = "{count} hedges: {match}"
kind = "pattern"
unit = "sentence"
min-matches = 2
patterns = ['\bsources? (say|said)\b', '\breported(ly)?\b']
)")});
  const std::vector<Finding> findings =
      Findings("Sources say it was reportedly sold. He left.\n"
               "It reportedly closed. It was reported, and reported again.\n");
  std::vector<std::string> got;
  for (const Finding& f : findings) got.push_back(f.message);
  EXPECT_THAT(got, ElementsAre("2 hedges: Sources say, reportedly", "2 hedges: reported, reported"));
  EXPECT_THAT(Lint("Sources say it was reportedly sold. He left.\n"),
              ElementsAre("house/test Sources say it was reportedly sold. | 2 hedges: Sources "
                          "say, reportedly"));
  EXPECT_FALSE(findings[0].fix);
}

TEST_F(RulePackSetTest, PatternAndPhraseRulesInOnePackBothFire) {
  const std::string pattern_rule = std::string("\n[[rule]]\nid = \"house/slug\"\n") + kSlugRule;
  Build({Pack(kLineRule, "house/label") + pattern_rule});
  EXPECT_THAT(Lint("EDITOR NOTE\nAFP-NEWS\nStory.\n"),
              ElementsAre("house/label EDITOR NOTE | label: EDITOR NOTE",
                          "house/slug AFP-NEWS | wire slug: AFP-NEWS"));
}

TEST_F(RulePackSetTest, PatternsStayLinearOnHostileText) {
  Build({Pack(R"(summary = "S."
message = "{match}"
kind = "pattern"
patterns = ['(a|aa)+b', '(x+x+)+y']
)")});
  const std::string hostile = std::string(1 << 20, 'a') + "\n" + std::string(1 << 16, 'x') + "\n";
  EXPECT_TRUE(Lint(hostile).empty());
}

TEST_F(RulePackSetTest, IdsMayNotCollide) {
  RulePack a, b;
  std::string error;
  ASSERT_TRUE(ParseRulePack(Pack(kLineRule, "house/x"), "a.toml", &a, &error));
  ASSERT_TRUE(ParseRulePack(Pack(kLineRule, "house/x"), "b.toml", &b, &error));
  EXPECT_FALSE(RulePackSet::Build({a, b}, {}, &error));
  EXPECT_THAT(error, HasSubstr("b.toml:5"));
  EXPECT_THAT(error, HasSubstr("a.toml"));
  RulePack c;
  ASSERT_TRUE(ParseRulePack(Pack(kLineRule, "garbled/mojibake"), "c.toml", &c, &error));
  EXPECT_FALSE(RulePackSet::Build({c}, {"garbled/mojibake"}, &error));
  EXPECT_THAT(error, HasSubstr("built-in"));
}

// newslint.toml names packs relative to its folder; they are read before the
// [rules] tables, which may then configure pack rules.
TEST(RulePackConfigTest, PacksLoadBeforeRuleTablesAreChecked) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "newslint-packs-XXXXXX").string();
  const fs::path dir = mkdtemp(tmpl.data());
  fs::create_directories(dir / "packs");
  std::ofstream(dir / "packs/house.toml") << Pack(kLineRule, "house/label");
  const std::string config_path = (dir / "newslint.toml").string();
  std::ofstream(config_path) << "[lint]\npacks = [\"packs/house.toml\"]\n"
                                "[rules.\"house/label\"]\nseverity = \"error\"\n";

  std::vector<std::string> packs;
  std::string error;
  ASSERT_TRUE(ReadConfigPacks(config_path, &packs, &error)) << error;
  ASSERT_THAT(packs, ElementsAre((dir / "packs/house.toml").string()));
  std::vector<std::unique_ptr<Rule>> rules;
  ASSERT_TRUE(MakeAllRules(packs, &rules, &error)) << error;
  Config config;
  ASSERT_TRUE(LoadConfig(config_path, AllRuleInfos(rules), &config, &error)) << error;
  EXPECT_EQ(config.packs, packs);
  EXPECT_EQ(config.rules["house/label"].severity, Severity::kError);
  // Without the pack in the catalogue the rule table is an unknown rule.
  EXPECT_FALSE(LoadConfig(config_path, AllRuleInfos(MakeAllRules()), &config, &error));
  EXPECT_THAT(error, HasSubstr("house/label"));

  // The engine runs pack rules by family and with the configured severity.
  EngineSettings settings;
  settings.select = {"house"};
  settings.packs = packs;
  settings.config = config;
  auto engine = Engine::Create(settings, &error);
  ASSERT_TRUE(engine) << error;
  EXPECT_THAT(engine->active_rule_ids(), ElementsAre("house/label"));
  Article article;
  article.text = "EDITOR NOTE\nThe story.";
  std::vector<Finding> findings = engine->Lint(article);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "house/label");
  EXPECT_EQ(findings[0].severity, Severity::kError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newslint
