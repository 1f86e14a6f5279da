// Tests of the CI gate and the machine formats: fingerprints, baselines,
// budgets, the exit code, and the sarif and github reporters.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/baseline.h"
#include "reports/fingerprint.h"
#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {
namespace {

Article MakeArticle(std::string source, int64_t record, std::string id, std::string url,
                    std::string text) {
  Article a;
  a.source = std::move(source);
  a.record = record;
  a.id = std::move(id);
  a.url = std::move(url);
  a.site = SiteOfUrl(a.url);
  a.text = std::move(text);
  return a;
}

// A finding on the `nth` occurrence (0-based) of `needle` in the text; line
// and column counted here (ASCII test texts: bytes are code points).
Finding On(const Article& a, std::string_view needle, std::string rule, int nth = 0,
           Severity severity = Severity::kWarning, std::string message = "m") {
  size_t at = a.text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = a.text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.span = {at, at + needle.size()};
  size_t line_start = a.text.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = (line_start == std::string::npos || at == 0) ? 0 : line_start + 1;
  f.line = 1 + static_cast<int64_t>(std::count(a.text.begin(), a.text.begin() + at, '\n'));
  f.column = 1 + static_cast<int64_t>(at - line_start);
  return f;
}

// --- Fingerprints ----------------------------------------------------------------

TEST(FingerprintTest, ShiftedOffsetsKeepTheFingerprint) {
  Article before = MakeArticle("a.jsonl", 3, "id-1", "",
                               "The minister didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t comment.");
  Article after = MakeArticle(
      "a.jsonl", 9, "id-1", "",
      "UPDATE: new paragraph.\nThe minister  didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t comment.");
  Finding f1 = On(before, "didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t", "garbled/mojibake");
  Finding f2 = On(after, "didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t", "garbled/mojibake");
  f2.message = "a reworded message";  // messages are not part of the key
  ASSERT_NE(f1.span.start, f2.span.start);
  auto id1 = IdentifyFindings(before, {f1});
  auto id2 = IdentifyFindings(after, {f2});
  EXPECT_EQ(id1[0].fingerprint, id2[0].fingerprint);
  EXPECT_EQ(FingerprintHex(id1[0].fingerprint).size(), 16u);
}

TEST(FingerprintTest, WhitespaceCollapsesButCaseAndTextCount) {
  EXPECT_EQ(CollapseSpace("  Accept \t all\n\xC2\xA0 cookies "), "Accept all cookies");
  Article a = MakeArticle("a.txt", 1, "a.txt", "", "Accept  all\ncookies");
  Article b = MakeArticle("a.txt", 1, "a.txt", "", "Accept all cookies");
  Article c = MakeArticle("a.txt", 1, "a.txt", "", "accept all cookies");
  Finding fa = On(a, "Accept  all\ncookies", "x/y");
  Finding fb = On(b, "Accept all cookies", "x/y");
  Finding fc = On(c, "accept all cookies", "x/y");
  uint64_t ka = IdentifyFindings(a, {fa})[0].fingerprint;
  EXPECT_EQ(ka, IdentifyFindings(b, {fb})[0].fingerprint);
  EXPECT_NE(ka, IdentifyFindings(c, {fc})[0].fingerprint);  // case kept
  Finding other_rule = fb;
  other_rule.rule = "x/z";
  EXPECT_NE(ka, IdentifyFindings(b, {other_rule})[0].fingerprint);
}

TEST(FingerprintTest, OccurrencesNumberIdenticalFindingsInOrder) {
  Article a = MakeArticle("a.jsonl", 1, "id", "", "Read more: x Read more: y Read more:");
  std::vector<Finding> f = {On(a, "Read more:", "b/r", 0), On(a, "Read more:", "b/r", 1),
                            On(a, "Read more:", "b/r", 2), On(a, "x", "b/other")};
  auto ids = IdentifyFindings(a, f);
  EXPECT_EQ(ids[0].occurrence, 0);
  EXPECT_EQ(ids[1].occurrence, 1);
  EXPECT_EQ(ids[2].occurrence, 2);
  EXPECT_EQ(ids[3].occurrence, 0);
  std::set<uint64_t> distinct = {ids[0].fingerprint, ids[1].fingerprint, ids[2].fingerprint};
  EXPECT_EQ(distinct.size(), 3u);
}

TEST(FingerprintTest, ArticleKeyIsIdElseUrlElseName) {
  EXPECT_EQ(ArticleKey(MakeArticle("a.jsonl", 4, "abc", "https://e.com/x", "")), "abc");
  // The reader's made-up ids do not count as ids.
  EXPECT_EQ(ArticleKey(MakeArticle("a.jsonl", 4, "a.jsonl:4", "https://e.com/x", "")),
            "https://e.com/x");
  EXPECT_EQ(ArticleKey(MakeArticle("a.jsonl", 4, "a.jsonl:4", "", "")), "a.jsonl#4");
  EXPECT_EQ(ArticleKey(MakeArticle("p.html", 1, "p.html", "", "")), "p.html");
  // Same finding in a record that moved to another line: same key when it has an id.
  Article x = MakeArticle("a.jsonl", 4, "abc", "", "bad");
  Article y = MakeArticle("b.jsonl", 70, "abc", "", "bad");
  EXPECT_EQ(IdentifyFindings(x, {On(x, "bad", "r/r")})[0].fingerprint,
            IdentifyFindings(y, {On(y, "bad", "r/r")})[0].fingerprint);
}

TEST(FingerprintTest, HexRoundTripsAndRejectsJunk) {
  uint64_t v = 0;
  ASSERT_TRUE(ParseFingerprint(FingerprintHex(0x0123456789abcdefull), &v));
  EXPECT_EQ(v, 0x0123456789abcdefull);
  EXPECT_EQ(FingerprintHex(0x0123456789abcdefull), "0123456789abcdef");
  EXPECT_FALSE(ParseFingerprint("0123456789ABCDEF", &v));
  EXPECT_FALSE(ParseFingerprint("0123456789abcde", &v));
  EXPECT_FALSE(ParseFingerprint("0123456789abcdeg", &v));
}

// --- Baseline ----------------------------------------------------------------------

std::unique_ptr<Baseline> BaselineOf(
    const std::vector<std::pair<Article, std::vector<Finding>>>& run) {
  BaselineWriter writer;
  for (const auto& [a, f] : run) writer.Add(a, f);
  std::string error;
  auto b = Baseline::Parse(writer.Json(), "mem.json", &error);
  EXPECT_TRUE(b) << error;
  return b;
}

TEST(BaselineTest, ShiftedTextStaysSuppressedChangedTextResurfaces) {
  Article old =
      MakeArticle("a.jsonl", 1, "story-1", "",
                  "Intro.\nAccept all cookies\nBody didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t.");
  auto baseline = BaselineOf({{old,
                               {On(old, "Accept all cookies", "boilerplate/consent-banner"),
                                On(old, "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "garbled/mojibake")}}});
  // Re-scraped: a new first paragraph shifts everything; the banner is the
  // same, the mojibake changed to another sequence.
  Article now =
      MakeArticle("a.jsonl", 5, "story-1", "",
                  "Breaking.\nIntro.\nAccept all cookies\nBody didn\xC3\xA2\xE2\x82\xAC\xC5\x93t.");
  std::vector<Finding> findings = {On(now, "Accept all cookies", "boilerplate/consent-banner"),
                                   On(now, "\xC3\xA2\xE2\x82\xAC\xC5\x93", "garbled/mojibake")};
  Summary s;
  baseline->Filter(now, &findings, &s);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "garbled/mojibake");
  EXPECT_EQ(s.suppressed, 1);
  baseline->Finish(&s);
  EXPECT_EQ(s.baseline_fixed, 1);  // the old mojibake is gone
  ASSERT_EQ(s.fixed.size(), 1u);
  EXPECT_EQ(s.fixed[0].rule, "garbled/mojibake");
  EXPECT_EQ(s.fixed[0].article, "story-1");
  EXPECT_EQ(s.fixed[0].text, "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2");
}

TEST(BaselineTest, DuplicatesAreCountedByOccurrence) {
  Article old = MakeArticle("a.jsonl", 1, "s", "", "Read more: Read more:");
  auto baseline =
      BaselineOf({{old, {On(old, "Read more:", "b/r", 0), On(old, "Read more:", "b/r", 1)}}});
  // Now three: two are known, the third is new.
  Article now = MakeArticle("a.jsonl", 1, "s", "", "Read more: Read more: Read more:");
  std::vector<Finding> findings = {On(now, "Read more:", "b/r", 0), On(now, "Read more:", "b/r", 1),
                                   On(now, "Read more:", "b/r", 2)};
  Summary s;
  baseline->Filter(now, &findings, &s);
  EXPECT_EQ(s.suppressed, 2);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].span.start, now.text.rfind("Read more:"));
  baseline->Finish(&s);
  EXPECT_EQ(s.baseline_fixed, 0);
}

TEST(BaselineTest, AnotherArticleIsNotSuppressed) {
  Article a = MakeArticle("a.jsonl", 1, "s-1", "", "Read more:");
  auto baseline = BaselineOf({{a, {On(a, "Read more:", "b/r")}}});
  Article b = MakeArticle("a.jsonl", 1, "s-2", "", "Read more:");
  std::vector<Finding> findings = {On(b, "Read more:", "b/r")};
  Summary s;
  baseline->Filter(b, &findings, &s);
  EXPECT_EQ(findings.size(), 1u);
  EXPECT_EQ(s.suppressed, 0);
}

TEST(BaselineTest, DuplicatedRecordsAreCounted) {
  // The same record twice in the input: one key, count 2, both suppressed.
  Article a = MakeArticle("a.jsonl", 1, "dup", "", "Read more:");
  Article a2 = MakeArticle("a.jsonl", 2, "dup", "", "Read more:");
  BaselineWriter writer;
  writer.Add(a, {On(a, "Read more:", "b/r")});
  writer.Add(a2, {On(a2, "Read more:", "b/r")});
  EXPECT_NE(writer.Json().find("\"count\":2"), std::string::npos) << writer.Json();
  std::string error;
  auto baseline = Baseline::Parse(writer.Json(), "m", &error);
  ASSERT_TRUE(baseline) << error;
  Summary s;
  for (int i = 0; i < 3; ++i) {
    std::vector<Finding> f = {On(a, "Read more:", "b/r")};
    baseline->Filter(a, &f, &s);
  }
  EXPECT_EQ(s.suppressed, 2);  // the third copy is new
}

TEST(BaselineTest, WrittenSortedAndByteIdentical) {
  Article a = MakeArticle("a.jsonl", 1, "zeta", "", "one two three");
  Article b = MakeArticle("a.jsonl", 2, "alpha", "", "four five");
  BaselineWriter w1, w2;
  w1.Add(a, {On(a, "two", "x/b"), On(a, "one", "x/a")});
  w1.Add(b, {On(b, "five", "x/a")});
  w2.Add(b, {On(b, "five", "x/a")});  // another order
  w2.Add(a, {On(a, "two", "x/b"), On(a, "one", "x/a")});
  EXPECT_EQ(w1.Json(), w2.Json());
  std::string json = w1.Json();
  EXPECT_EQ(json.rfind("{\n  \"schema\": \"newslint.baseline/1\",", 0), 0u) << json;
  size_t alpha = json.find("\"article\":\"alpha\"");
  size_t zeta_a = json.find("\"rule\":\"x/a\",\"article\":\"zeta\"");
  size_t zeta_b = json.find("\"rule\":\"x/b\",\"article\":\"zeta\"");
  ASSERT_NE(alpha, std::string::npos);
  EXPECT_LT(alpha, zeta_a);
  EXPECT_LT(zeta_a, zeta_b);
}

TEST(BaselineTest, LongAndHostileTextIsCutForDisplayOnly) {
  std::string long_text(300, 'x');
  Article a = MakeArticle("a.jsonl", 1, "id</script>\x1b", "", long_text + " \xFF");
  BaselineWriter w;
  w.Add(a, {On(a, long_text + " \xFF", "x/y")});
  std::string json = w.Json();
  EXPECT_LT(json.size(), 300u) << json;  // the 300-byte text is not in it
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(simdjson::padded_string(json)).get(doc), simdjson::SUCCESS);
  // Matching uses the key, so the lossy display text does not matter.
  std::string error;
  auto b = Baseline::Parse(json, "m", &error);
  ASSERT_TRUE(b) << error;
  std::vector<Finding> f = {On(a, long_text + " \xFF", "x/y")};
  Summary s;
  b->Filter(a, &f, &s);
  EXPECT_TRUE(f.empty());
}

TEST(BaselineTest, MalformedBaselinesSayWhatIsWrong) {
  struct Case {
    std::string json, message;
  };
  const Case cases[] = {
      {"not json", "baseline b.json: not valid JSON"},
      {"[]", "not a newslint baseline"},
      {"{\"schema\": \"newslint.report/1\", \"findings\": []}",
       "schema \"newslint.report/1\" is not newslint.baseline/1"},
      {"{\"schema\": \"newslint.baseline/1\"}", "\"findings\" must be an array"},
      {"{\"schema\": \"newslint.baseline/1\", \"findings\": [{\"key\": \"xyz\"}]}",
       "findings[0]: \"key\" must be a string of 16 hex digits"},
      {"{\"schema\": \"newslint.baseline/1\", \"findings\": [{\"key\": \"0123456789abcdef\", "
       "\"count\": 0}]}",
       "findings[0]: \"count\" must be a positive integer"},
  };
  for (const Case& c : cases) {
    std::string error;
    EXPECT_EQ(Baseline::Parse(c.json, "b.json", &error), nullptr) << c.json;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
  std::string error;
  EXPECT_EQ(Baseline::Load("/nonexistent/dir/b.json", &error), nullptr);
  EXPECT_NE(error.find("baseline /nonexistent/dir/b.json: cannot read it"), std::string::npos)
      << error;
}

TEST(BaselineTest, FixedListIsBounded) {
  BaselineWriter w;
  for (int i = 0; i < 30; ++i) {
    Article a = MakeArticle("a.jsonl", i + 1, "id-" + std::to_string(i), "", "bad");
    w.Add(a, {On(a, "bad", "x/y")});
  }
  std::string error;
  auto b = Baseline::Parse(w.Json(), "m", &error);
  ASSERT_TRUE(b) << error;
  Summary s;
  b->Finish(&s);
  EXPECT_EQ(s.baseline_fixed, 30);
  EXPECT_EQ(s.fixed.size(), Summary::kMaxFixedListed);
}

// --- Budgets and the exit code ---------------------------------------------------

Finding Simple(std::string rule, Severity severity = Severity::kWarning) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  return f;
}

TEST(BudgetTest, FamilyCountsArticlesWithAnyRuleOfTheFamilyOnce) {
  Summary s;
  s.Add(MakeArticle("x.jsonl", 1, "a", "", ""),
        {Simple("boilerplate/a"), Simple("boilerplate/b"), Simple("boilerplate/a")});
  s.Add(MakeArticle("x.jsonl", 2, "b", "", ""), {Simple("boilerplate/b"), Simple("garbled/x")});
  s.Add(MakeArticle("x.jsonl", 3, "c", "", ""), {});
  EXPECT_EQ(s.by_family["boilerplate"], 2);
  EXPECT_EQ(s.by_family["garbled"], 1);
  EXPECT_EQ(s.by_family.size(), 2u);
  Summary other;
  other.Add(MakeArticle("y.jsonl", 1, "d", "", ""), {Simple("garbled/x")});
  s.Merge(other);
  EXPECT_EQ(s.by_family["garbled"], 2);
  EXPECT_EQ(s.by_family["boilerplate"], 2);
}

TEST(BudgetTest, SharesAndBoundaries) {
  Summary s;
  for (int i = 0; i < 100; ++i) {
    std::vector<Finding> f;
    if (i < 2) f.push_back(Simple("boilerplate/a"));
    if (i >= 2 && i < 3) f.push_back(Simple("boilerplate/b"));
    if (i < 7) f.push_back(Simple("garbled/x"));
    s.Add(MakeArticle("x.jsonl", i + 1, "", "", ""), f);
  }
  s.budgets = {{"boilerplate", 0.03},    // 3 of 100: exactly at the limit
               {"boilerplate/a", 0.01},  // 2 > 1: broken by 1
               {"garbled/x", 0.07},      // 0.07 * 100 is 7.000000000000001 in doubles
               {"links", 0.0},           // no finding at all: ok
               {"links/spam-anchor", 0.0}};
  std::vector<Summary::BudgetResult> r = s.Budgets();
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].rule, "boilerplate");
  EXPECT_EQ(r[0].articles, 3);
  EXPECT_DOUBLE_EQ(r[0].actual, 0.03);
  EXPECT_EQ(r[0].allowed_articles, 3);
  EXPECT_FALSE(r[0].broken);
  EXPECT_EQ(r[1].rule, "boilerplate/a");
  EXPECT_EQ(r[1].articles, 2);
  EXPECT_EQ(r[1].allowed_articles, 1);
  EXPECT_TRUE(r[1].broken);
  EXPECT_EQ(r[2].allowed_articles, 7);
  EXPECT_FALSE(r[2].broken);
  EXPECT_EQ(r[3].articles, 0);
  EXPECT_FALSE(r[3].broken);
  EXPECT_FALSE(r[4].broken);
  EXPECT_TRUE(s.budget_broken());
  // 0.29 * 100 is 28.999999999999996 in doubles: still 29 allowed.
  s.budgets = {{"garbled", 0.29}};
  EXPECT_EQ(s.Budgets()[0].allowed_articles, 29);
  // A zero budget breaks on the first article.
  s.budgets = {{"garbled", 0.0}};
  EXPECT_TRUE(s.Budgets()[0].broken);
  // No articles: nothing is broken, the share is 0.
  Summary empty;
  empty.budgets = {{"garbled", 0.0}};
  EXPECT_FALSE(empty.budget_broken());
  EXPECT_EQ(empty.Budgets()[0].actual, 0);
}

TEST(ExitCodeTest, FindingsBudgetsAndFailures) {
  RunInfo run;
  run.fail_on = Severity::kError;
  Summary s;
  s.Add(MakeArticle("x.jsonl", 1, "", "", ""), {Simple("garbled/x", Severity::kWarning)});
  EXPECT_EQ(RunExitCode(run, s), 0);
  run.fail_on = Severity::kWarning;
  EXPECT_EQ(RunExitCode(run, s), 1);
  run.fail_never = true;
  EXPECT_EQ(RunExitCode(run, s), 0);
  s.budgets = {{"garbled", 0.5}};
  EXPECT_EQ(RunExitCode(run, s), 1);  // 1 of 1 > 0.5: budgets gate even with "never"
  s.budgets = {{"garbled", 1.0}};
  EXPECT_EQ(RunExitCode(run, s), 0);
  s.failure = "cannot open x";
  EXPECT_EQ(RunExitCode(run, s), 2);
}

// --- GitHub ---------------------------------------------------------------------------

std::string RenderWith(std::unique_ptr<Reporter> (*make)(std::ostream&, const ReportOptions&),
                       const std::vector<std::pair<Article, std::vector<Finding>>>& records,
                       const RunInfo& run = RunInfo{}, Summary summary = Summary{}) {
  std::ostringstream out;
  auto r = make(out, ReportOptions{});
  r->Begin(run);
  for (const auto& [a, f] : records) {
    summary.Add(a, f);
    r->Add(a, f);
  }
  r->End(run, summary);
  return out.str();
}

TEST(GithubReportTest, WholeFileFindingHasLineColumnsAndTitle) {
  Article a = MakeArticle("pages/a.txt", 1, "pages/a.txt", "", "Title\nThe minister didn't.\n");
  Finding f = On(a, "minister", "garbled/x", 0, Severity::kError, "bad word");
  std::string out = RenderWith(MakeGithubReporter, {{a, {f}}});
  EXPECT_EQ(out,
            "::error file=pages/a.txt,line=2,col=5,endLine=2,endColumn=12,"
            "title=garbled/x::bad word\n");
}

TEST(GithubReportTest, SeveritiesMapToCommands) {
  Article a = MakeArticle("a.txt", 1, "a.txt", "", "abc");
  std::string out = RenderWith(MakeGithubReporter, {{a,
                                                     {On(a, "a", "x/e", 0, Severity::kError),
                                                      On(a, "b", "x/w", 0, Severity::kWarning),
                                                      On(a, "c", "x/i", 0, Severity::kInfo)}}});
  std::istringstream lines(out);
  std::string l1, l2, l3;
  std::getline(lines, l1);
  std::getline(lines, l2);
  std::getline(lines, l3);
  EXPECT_EQ(l1.rfind("::error ", 0), 0u) << out;
  EXPECT_EQ(l2.rfind("::warning ", 0), 0u) << out;
  EXPECT_EQ(l3.rfind("::notice ", 0), 0u) << out;
}

TEST(GithubReportTest, EscapesMessagesAndProperties) {
  Article a = MakeArticle("dir,x/a:b%.txt", 1, "dir,x/a:b%.txt", "", "abc");
  Finding f = On(a, "b", "x/y", 0, Severity::kWarning,
                 "100% bad\r\n::error file=evil::injected, \x1b[31mred\xFF");
  std::string out = RenderWith(MakeGithubReporter, {{a, {f}}});
  EXPECT_EQ(out,
            "::warning file=dir%2Cx/a%3Ab%25.txt,line=1,col=2,endLine=1,endColumn=2,title=x/y::"
            "100%25 bad%0D%0A::error file=evil::injected, \xE2\x90\x9B[31mred\xEF\xBF\xBD\n");
  // One line: nothing the message holds can start a second command.
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST(GithubReportTest, JsonlRecordUsesTheRecordLine) {
  Article a = MakeArticle("crawl/p.jsonl", 17, "abc-1", "https://e.com/", "one\ntwo bad\n");
  Finding f = On(a, "bad", "x/y", 0, Severity::kWarning, "bad word");
  std::string out = RenderWith(MakeGithubReporter, {{a, {f}}});
  EXPECT_EQ(out,
            "::warning file=crawl/p.jsonl,line=17,title=x/y::bad word [crawl/p.jsonl#17, id "
            "abc-1, text line 2, column 5]\n");
}

TEST(GithubReportTest, MultiLineSpanHasNoColumns) {
  Article a = MakeArticle("a.txt", 1, "a.txt", "", "ab\ncd\nef");
  Finding f = On(a, "b\ncd\ne", "x/y");
  std::string out = RenderWith(MakeGithubReporter, {{a, {f}}});
  EXPECT_EQ(out, "::warning file=a.txt,line=1,endLine=3,title=x/y::m\n");
}

TEST(GithubReportTest, BrokenBudgetsAndFixedFindingsAtTheEnd) {
  Summary s;
  s.budgets = {{"x", 0.0}, {"z", 1.0}};
  s.baseline_fixed = 2;
  Article a = MakeArticle("a.txt", 1, "a.txt", "", "ab");
  std::string out = RenderWith(MakeGithubReporter, {{a, {On(a, "a", "x/y")}}}, RunInfo{}, s);
  EXPECT_NE(out.find("\n::error title=newslint budget x::budget of x broken: 100.00% of articles "
                     "(1 of 1), allowed 0.00% (0)\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("budget z"), std::string::npos) << out;
  EXPECT_NE(out.find("::notice title=newslint baseline::2 findings of the baseline are fixed"),
            std::string::npos)
      << out;
}

// --- SARIF ------------------------------------------------------------------------------

// The parsed SARIF log of a run (the parser must outlive the returned element).
simdjson::dom::element ParseSarif(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(simdjson::padded_string(json)).get(doc), simdjson::SUCCESS) << json;
  return doc;
}

RunInfo SarifRun() {
  RunInfo run;
  run.tool_version = "0.1.0";
  run.started_at = "2025-01-31T12:00:00Z";
  run.fail_on = Severity::kError;
  run.rules = {"garbled/mojibake", "boilerplate/read-more"};
  run.rule_descriptions = {{"garbled/mojibake", Severity::kError, "Mojibake summary."},
                           {"boilerplate/read-more", Severity::kInfo, "Read more summary."},
                           {"input/invalid-utf8", Severity::kError, "Bad bytes."}};
  return run;
}

// The required properties of SARIF 2.1.0 (the schema's "required" lists) and
// the enumerations newslint uses, checked by hand: the schema itself is not
// available offline.
void ExpectValidSarif(simdjson::dom::element doc) {
  std::string_view version;
  ASSERT_EQ(doc["version"].get(version), simdjson::SUCCESS);
  EXPECT_EQ(version, "2.1.0");
  simdjson::dom::array runs;
  ASSERT_EQ(doc["runs"].get(runs), simdjson::SUCCESS);
  for (simdjson::dom::element run : runs) {
    std::string_view name;
    ASSERT_EQ(run["tool"]["driver"]["name"].get(name), simdjson::SUCCESS);
    std::string_view column_kind;
    ASSERT_EQ(run["columnKind"].get(column_kind), simdjson::SUCCESS);
    EXPECT_TRUE(column_kind == "unicodeCodePoints" || column_kind == "utf16CodeUnits");
    std::string_view base;
    ASSERT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"].get(base), simdjson::SUCCESS);
    EXPECT_EQ(base.rfind("file:///", 0), 0u);
    EXPECT_EQ(base.back(), '/');  // a base URI must end with a slash
    simdjson::dom::array rules;
    ASSERT_EQ(run["tool"]["driver"]["rules"].get(rules), simdjson::SUCCESS);
    for (simdjson::dom::element rule : rules) {
      std::string_view id, level;
      ASSERT_EQ(rule["id"].get(id), simdjson::SUCCESS);
      if (rule["defaultConfiguration"].error() == simdjson::SUCCESS) {
        ASSERT_EQ(rule["defaultConfiguration"]["level"].get(level), simdjson::SUCCESS);
        EXPECT_TRUE(level == "error" || level == "warning" || level == "note" || level == "none");
      }
      if (rule["shortDescription"].error() == simdjson::SUCCESS) {
        std::string_view text;
        EXPECT_EQ(rule["shortDescription"]["text"].get(text), simdjson::SUCCESS);
      }
    }
    simdjson::dom::array results;
    ASSERT_EQ(run["results"].get(results), simdjson::SUCCESS);
    for (simdjson::dom::element result : results) {
      std::string_view text, level, rule_id;
      ASSERT_EQ(result["message"]["text"].get(text), simdjson::SUCCESS);
      ASSERT_EQ(result["level"].get(level), simdjson::SUCCESS);
      EXPECT_TRUE(level == "error" || level == "warning" || level == "note" || level == "none");
      ASSERT_EQ(result["ruleId"].get(rule_id), simdjson::SUCCESS);
      int64_t index = -1;
      if (result["ruleIndex"].get(index) == simdjson::SUCCESS) {
        ASSERT_LT(static_cast<size_t>(index), rules.size());
        std::string_view indexed;
        ASSERT_EQ(rules.at(static_cast<size_t>(index))["id"].get(indexed), simdjson::SUCCESS);
        EXPECT_EQ(indexed, rule_id);
      }
      simdjson::dom::element region = result["locations"].at(0)["physicalLocation"]["region"];
      int64_t start_line = 0;
      ASSERT_EQ(region["startLine"].get(start_line), simdjson::SUCCESS);
      EXPECT_GE(start_line, 1);
      std::string_view uri;
      ASSERT_EQ(result["locations"].at(0)["physicalLocation"]["artifactLocation"]["uri"].get(uri),
                simdjson::SUCCESS);
      EXPECT_FALSE(uri.empty());
      std::string_view fingerprint;
      ASSERT_EQ(result["partialFingerprints"]["newslint/v1"].get(fingerprint), simdjson::SUCCESS);
      EXPECT_EQ(fingerprint.size(), 16u);
    }
    simdjson::dom::array invocations;
    ASSERT_EQ(run["invocations"].get(invocations), simdjson::SUCCESS);
    ASSERT_EQ(invocations.size(), 1u);
    bool ok = false;
    ASSERT_EQ(invocations.at(0)["executionSuccessful"].get(ok), simdjson::SUCCESS);
  }
}

TEST(SarifReportTest, RulesResultsAndInvocation) {
  Article page = MakeArticle("pages/a b.txt", 1, "pages/a b.txt", "",
                             "Title\nxx didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t.\n");
  Finding m = On(page, "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "garbled/mojibake", 0, Severity::kError,
                 "mojibake </script>");
  m.column = 8;  // in code points: "xx didn" is 7
  Article rec = MakeArticle("crawl/p.jsonl", 4, "abc", "https://e.com/x", "One.\nRead more: now");
  Finding r = On(rec, "Read more:", "boilerplate/read-more", 0, Severity::kInfo, "read more");
  Finding unknown = On(rec, "now", "house/custom", 0, Severity::kWarning, "custom");
  std::string out = RenderWith(MakeSarifReporter, {{page, {m}}, {rec, {r, unknown}}}, SarifRun());
  simdjson::dom::parser parser;
  simdjson::dom::element doc = ParseSarif(parser, out);
  ExpectValidSarif(doc);
  simdjson::dom::element run = doc["runs"].at(0);

  simdjson::dom::array rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(std::string_view(rules.at(0)["defaultConfiguration"]["level"]), "error");
  EXPECT_EQ(std::string_view(rules.at(1)["defaultConfiguration"]["level"]), "note");
  EXPECT_EQ(std::string_view(rules.at(1)["name"]), "ReadMore");
  EXPECT_EQ(std::string_view(rules.at(0)["shortDescription"]["text"]), "Mojibake summary.");

  simdjson::dom::array results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  // A whole-file article: the region in its text, columns in code points.
  simdjson::dom::element r0 = results.at(0);
  EXPECT_EQ(int64_t(r0["ruleIndex"]), 0);
  EXPECT_EQ(std::string_view(r0["level"]), "error");
  EXPECT_EQ(std::string_view(r0["message"]["text"]), "mojibake </script>");
  simdjson::dom::element loc = r0["locations"].at(0)["physicalLocation"];
  EXPECT_EQ(std::string_view(loc["artifactLocation"]["uri"]), "pages/a%20b.txt");
  EXPECT_EQ(std::string_view(loc["artifactLocation"]["uriBaseId"]), "SRCROOT");
  EXPECT_EQ(int64_t(loc["region"]["startLine"]), 2);
  EXPECT_EQ(int64_t(loc["region"]["startColumn"]), 8);
  EXPECT_EQ(int64_t(loc["region"]["endLine"]), 2);
  EXPECT_EQ(int64_t(loc["region"]["endColumn"]), 11);   // 3 code points, end exclusive
  EXPECT_EQ(int64_t(loc["region"]["charOffset"]), 13);  // "Title\n" + "xx didn"
  EXPECT_EQ(int64_t(loc["region"]["charLength"]), 3);
  // A JSONL record: the record's line in the file, the text region in properties.
  simdjson::dom::element r1 = results.at(1);
  EXPECT_EQ(int64_t(r1["ruleIndex"]), 1);
  EXPECT_EQ(std::string_view(r1["level"]), "note");
  simdjson::dom::element loc1 = r1["locations"].at(0);
  EXPECT_EQ(int64_t(loc1["physicalLocation"]["region"]["startLine"]), 4);
  EXPECT_EQ(loc1["physicalLocation"]["region"]["startColumn"].error(), simdjson::NO_SUCH_FIELD);
  EXPECT_EQ(std::string_view(loc1["logicalLocations"].at(0)["fullyQualifiedName"]),
            "crawl/p.jsonl#4");
  EXPECT_EQ(std::string_view(loc1["logicalLocations"].at(0)["name"]), "abc");
  EXPECT_EQ(int64_t(r1["properties"]["textRegion"]["startLine"]), 2);
  EXPECT_EQ(int64_t(r1["properties"]["textRegion"]["startColumn"]), 1);
  EXPECT_EQ(int64_t(r1["properties"]["textRegion"]["charOffset"]), 5);
  EXPECT_EQ(int64_t(r1["properties"]["article"]["record"]), 4);
  // A rule not in the list: no ruleIndex.
  EXPECT_EQ(results.at(2)["ruleIndex"].error(), simdjson::NO_SUCH_FIELD);
  // Fingerprints are the baseline's.
  EXPECT_EQ(std::string_view(r1["partialFingerprints"]["newslint/v1"]),
            FingerprintHex(IdentifyFindings(rec, {r, unknown})[0].fingerprint));

  simdjson::dom::element inv = run["invocations"].at(0);
  EXPECT_TRUE(bool(inv["executionSuccessful"]));
  EXPECT_EQ(int64_t(inv["exitCode"]), 1);  // an error finding, --fail-on error
  EXPECT_EQ(std::string_view(inv["exitCodeDescription"]), "findings at or above --fail-on");
  EXPECT_EQ(std::string_view(inv["startTimeUtc"]), "2025-01-31T12:00:00Z");
}

TEST(SarifReportTest, FailedRunIsNotSuccessful) {
  Summary s;
  s.failure = "cannot open 'x.jsonl'";
  std::string out = RenderWith(MakeSarifReporter, {}, SarifRun(), s);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = ParseSarif(parser, out);
  ExpectValidSarif(doc);
  simdjson::dom::element inv = doc["runs"].at(0)["invocations"].at(0);
  EXPECT_FALSE(bool(inv["executionSuccessful"]));
  EXPECT_EQ(int64_t(inv["exitCode"]), 2);
  EXPECT_EQ(std::string_view(inv["toolExecutionNotifications"].at(0)["message"]["text"]),
            "cannot open 'x.jsonl'");
}

TEST(SarifReportTest, HelpUriFollowsDocsUrl) {
  std::ostringstream out;
  ReportOptions options;
  options.docs_url = "https://docs.example/rules/";
  auto r = MakeSarifReporter(out, options);
  RunInfo run = SarifRun();
  r->Begin(run);
  r->End(run, Summary{});
  simdjson::dom::parser parser;
  simdjson::dom::element doc = ParseSarif(parser, out.str());
  EXPECT_EQ(std::string_view(doc["runs"].at(0)["tool"]["driver"]["rules"].at(0)["helpUri"]),
            "https://docs.example/rules/garbled/mojibake.md");
}

}  // namespace
}  // namespace newslint
