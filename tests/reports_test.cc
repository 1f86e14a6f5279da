// Tests of the report formats (text, json, jsonl) and the run summary.
//
// Snapshot tests render one fixed, hand-built run in every format and compare
// with tests/snapshots/report.*. To review a change of output:
//
//   NEWSLINT_UPDATE_SNAPSHOTS=1 build/newslint_tests --gtest_filter='Snapshot*'
//   git diff tests/snapshots

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/finding.h"
#include "lint/readers/reader.h"
#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {
namespace {

// --- Building articles and findings by hand -----------------------------------

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

// Counts code points the way the engine does (an invalid byte counts as one).
int64_t CodePoints(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A finding on `text`'s first occurrence of `needle` (searched from `from`),
// with line, column and excerpt computed here, independently of the engine:
// the excerpt is the whole line, or `excerpt` when given.
Finding At(const Article& a, std::string_view needle, std::string rule, Severity severity,
           std::string message, Evidence evidence = {}, size_t from = 0,
           std::string excerpt = "") {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  size_t start = a.text.find(needle, from);
  EXPECT_NE(start, std::string::npos) << needle;
  f.span = {start, start + needle.size()};
  f.evidence = std::move(evidence);
  size_t line_start = 0;
  if (start > 0) {
    size_t nl = a.text.rfind('\n', start - 1);
    if (nl != std::string::npos) line_start = nl + 1;
  }
  size_t line_end = a.text.find('\n', start);
  if (line_end == std::string::npos) line_end = a.text.size();
  f.line = 1 + static_cast<int64_t>(std::count(a.text.begin(), a.text.begin() + start, '\n'));
  f.column = 1 + CodePoints(std::string_view(a.text).substr(line_start, start - line_start));
  f.excerpt = excerpt.empty() ? a.text.substr(line_start, line_end - line_start) : excerpt;
  return f;
}

struct Record {
  Article article;
  std::vector<Finding> findings;
};

// The fixed run the snapshots show: a plain-text file, JSONL records (clean,
// CJK and emoji, a cut excerpt, hostile bytes) and an HTML page.
std::vector<Record> SampleRecords() {
  std::vector<Record> run;

  Article mojibake = MakeArticle("fixtures/garbled/mojibake.txt", 1,
                                 "fixtures/garbled/mojibake.txt", "",
                                 "Minister silent\n\nThe minister didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t"
                                 " comment.\n");
  Finding m = At(mojibake, "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "garbled/mojibake",
                 Severity::kError,
                 "mojibake: \"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\" is \"\xE2\x80\x99\" read as "
                 "Windows-1252",
                 {{"sequence", std::string("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2")},
                  {"original", std::string("\xE2\x80\x99")},
                  {"encoding", std::string("windows-1252")},
                  {"occurrences", int64_t{1}},
                  {"confidence", 0.98}});
  m.fix = Fix{m.span, "\xE2\x80\x99"};
  run.push_back({mojibake, {m}});

  run.push_back({MakeArticle("crawl/part-1.jsonl", 1, "abc-122",
                             "https://www.example.com/world/clean", "A clean article.\n"),
                 {}});

  Article cjk = MakeArticle(
      "crawl/part-1.jsonl", 2, "abc-123", "https://news.example.org/asia/a?x=1",
      "\xE6\x9D\xB1\xE4\xBA\xAC (Tokyo) \xE2\x80\x94 Caf\xC3\xA9 owners said \xF0\x9F\x98\x80 "
      "\"we accept cookies\" today.\n"
      "\tAccept all cookies to continue reading\n"
      "Read more: Read more:\n");
  run.push_back(
      {cjk,
       {At(cjk, "we accept cookies", "boilerplate/consent-banner", Severity::kWarning,
           "consent banner text inside the article",
           {{"phrase", std::string("accept cookies")}, {"lexicon", std::string("consent")}}),
        At(cjk, "Accept all cookies to continue reading", "boilerplate/consent-banner",
           Severity::kWarning, "consent banner text inside the article",
           {{"phrase", std::string("accept all cookies")}}),
        At(cjk, "Read more:", "boilerplate/read-more", Severity::kInfo,
           "\"Read more:\" repeated on one line",
           {{"repeats", int64_t{2}},
            {"phrases", std::vector<std::string>{"Read more:", "Read more:"}},
            {"at_line_start", true}},
           0)}});

  std::string long_line =
      "In a speech that ran well over an hour, the visiting minister praised the host nation "
      "and said the talks had been productive, like all nations.\xE2\x80\x9D Flashing said. "
      "\xE2\x80\x9CTo freely trade is to freely live, and we will keep talking for as long "
      "as it takes.\n";
  Article quote = MakeArticle("crawl/part-1.jsonl", 3, "abc-124", "https://example.com/q",
                              long_line);
  run.push_back(
      {quote,
       {At(quote, "Flashing", "attribution/speaker-common-word", Severity::kError,
           "speaker of the quote is a common word, not a name: \"Flashing\"",
           {{"speaker", std::string("Flashing")},
            {"article_speakers", std::vector<std::string>{"Blinken", "Tokayev"}}},
           0,
           "...like all nations.\xE2\x80\x9D Flashing said. \xE2\x80\x9CTo freely...")}});

  Article hostile = MakeArticle("crawl/part-1.jsonl", 4, "abc-\x1b[2Jevil",
                                "https://example.com/\xFF", "Bad \xFF byte and \x1b[31mred\n");
  Finding bad = At(hostile, "\xFF", "input/invalid-utf8", Severity::kError,
                   "text is not valid UTF-8 (first bad byte at offset 4)",
                   {{"offset", int64_t{4}}});
  bad.excerpt = "Bad \xFF byte and \x1b[31mred";
  run.push_back({hostile, {bad}});

  Article page = MakeArticle("pages/story.html", 1, "pages/story.html",
                             "https://example.com/story", "Headline\nShare this article\n");
  run.push_back({page,
                 {At(page, "Share this article", "boilerplate/share-widget", Severity::kWarning,
                     "share widget text")}});
  return run;
}

RunInfo SampleRunInfo() {
  RunInfo run;
  run.tool_version = "0.1.0";
  run.inputs = {"fixtures/garbled/mojibake.txt", "crawl/", "pages/story.html"};
  run.started_at = "2025-01-31T12:00:00Z";
  run.jobs = 2;
  run.fail_on = Severity::kError;
  run.rules = {"attribution/speaker-common-word", "boilerplate/consent-banner",
               "boilerplate/read-more", "boilerplate/share-widget", "garbled/mojibake"};
  return run;
}

Summary SummaryOf(const std::vector<Record>& records) {
  Summary s;
  for (const Record& r : records) s.Add(r.article, r.findings);
  s.files = 3;
  s.input_bytes = 2048;
  s.elapsed_seconds = 0.25;
  s.jobs = 2;
  return s;
}

std::string Render(std::unique_ptr<Reporter> (*make)(std::ostream&, const ReportOptions&),
                   const ReportOptions& options, const std::vector<Record>& records) {
  std::ostringstream out;
  auto reporter = make(out, options);
  RunInfo run = SampleRunInfo();
  reporter->Begin(run);
  for (const Record& r : records) reporter->Add(r.article, r.findings);
  reporter->End(run, SummaryOf(records));
  return out.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// --- Summary ---------------------------------------------------------------------

Finding Simple(std::string rule, Severity severity) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  return f;
}

TEST(SummaryTest, AddCountsRulesSeveritiesSitesAndArticles) {
  Summary s;
  Article a = MakeArticle("x.jsonl", 1, "a", "https://www.example.com/a", "12345");
  Article b = MakeArticle("x.jsonl", 2, "b", "", "123");
  Article c = MakeArticle("x.jsonl", 3, "c", "https://example.com/c", "1234567890");
  s.Add(a, {Simple("r/one", Severity::kError), Simple("r/two", Severity::kInfo),
            Simple("r/one", Severity::kError)});
  s.Add(b, {Simple("r/two", Severity::kInfo)});
  s.Add(c, {});
  EXPECT_EQ(s.articles, 3);
  EXPECT_EQ(s.articles_with_findings, 2);
  EXPECT_EQ(s.bytes, 18);
  EXPECT_EQ(s.findings(), 4);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kError)], 2);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kWarning)], 0);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kInfo)], 2);
  EXPECT_EQ(s.max_severity(), static_cast<int>(Severity::kError));
  ASSERT_EQ(s.by_rule.size(), 2u);
  EXPECT_EQ(s.by_rule["r/one"].findings, 2);
  EXPECT_EQ(s.by_rule["r/one"].articles, 1);
  EXPECT_EQ(s.by_rule["r/one"].severity, Severity::kError);
  EXPECT_EQ(s.by_rule["r/two"].findings, 2);
  EXPECT_EQ(s.by_rule["r/two"].articles, 2);
  EXPECT_EQ(s.by_rule["r/two"].severity, Severity::kInfo);
  // a and c share a site (www. dropped); c has no finding but counts as an article.
  EXPECT_EQ(s.by_site,
            (std::map<std::string, SiteCount>{
                {"", {1, 1, 1, {{"r/two", {1, 1}}}}},
                {"example.com", {2, 1, 3, {{"r/one", {2, 1}}, {"r/two", {1, 1}}}}}}));
}

// Within one article a rule's findings count once towards its articles, the
// rule keeps the severity of its last finding, and a family counts the
// article once however many of its rules fired.
TEST(SummaryTest, AddCountsEachRuleAndFamilyOncePerArticle) {
  Summary s;
  Article a = MakeArticle("x.jsonl", 1, "a", "https://example.com/a", "text");
  s.Add(a, {Simple("fam/one", Severity::kWarning), Simple("fam/two", Severity::kInfo),
            Simple("other/three", Severity::kInfo), Simple("fam/one", Severity::kError),
            Simple("fam/two", Severity::kInfo), Simple("fam/one", Severity::kError)});
  Article b = MakeArticle("x.jsonl", 2, "b", "https://example.com/b", "text");
  s.Add(b, {Simple("fam/two", Severity::kWarning)});
  EXPECT_EQ(s.by_rule["fam/one"].findings, 3);
  EXPECT_EQ(s.by_rule["fam/one"].articles, 1);
  EXPECT_EQ(s.by_rule["fam/one"].severity, Severity::kError);
  EXPECT_EQ(s.by_rule["fam/two"].findings, 3);
  EXPECT_EQ(s.by_rule["fam/two"].articles, 2);
  EXPECT_EQ(s.by_rule["fam/two"].severity, Severity::kWarning);
  EXPECT_EQ(s.by_rule["other/three"].articles, 1);
  EXPECT_EQ(s.by_family, (std::map<std::string, int64_t>{{"fam", 2}, {"other", 1}}));
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kError)], 2);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kWarning)], 2);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kInfo)], 3);
  EXPECT_EQ(s.by_site.at("example.com").by_rule,
            (std::map<std::string, SiteRuleCount>{
                {"fam/one", {3, 1}}, {"fam/two", {3, 2}}, {"other/three", {1, 1}}}));
  EXPECT_EQ(s.by_site.at("example.com").findings, 7);
}

TEST(SummaryTest, MaxSeverityIsMinusOneWithoutFindings) {
  Summary s;
  s.Add(MakeArticle("x.txt", 1, "x", "", "text"), {});
  EXPECT_EQ(s.max_severity(), -1);
  EXPECT_EQ(s.findings(), 0);
}

TEST(SummaryTest, MergeAddsShards) {
  Summary a, b;
  a.Add(MakeArticle("a.jsonl", 1, "1", "https://x.org/", "aaaa"),
        {Simple("r/one", Severity::kWarning)});
  a.files = 1;
  a.input_bytes = 100;
  a.elapsed_seconds = 2;
  a.jobs = 4;
  b.Add(MakeArticle("b.jsonl", 1, "2", "https://x.org/", "bb"),
        {Simple("r/one", Severity::kWarning), Simple("r/two", Severity::kError)});
  b.Add(MakeArticle("b.jsonl", 2, "3", "https://y.org/", "b"), {});
  b.files = 2;
  b.input_bytes = 50;
  b.elapsed_seconds = 3;
  b.jobs = 4;

  Summary total;
  total.Merge(a);
  total.Merge(b);
  EXPECT_EQ(total.files, 3);
  EXPECT_EQ(total.articles, 3);
  EXPECT_EQ(total.articles_with_findings, 2);
  EXPECT_EQ(total.bytes, 7);
  EXPECT_EQ(total.input_bytes, 150);
  EXPECT_DOUBLE_EQ(total.elapsed_seconds, 3);
  EXPECT_EQ(total.jobs, 8);
  EXPECT_EQ(total.findings(), 3);
  EXPECT_EQ(total.by_rule["r/one"].findings, 2);
  EXPECT_EQ(total.by_rule["r/one"].articles, 2);
  EXPECT_EQ(total.by_rule["r/two"].articles, 1);
  EXPECT_EQ(total.by_rule["r/two"].severity, Severity::kError);
  // Per site and rule: r/one on x.org in both shards adds up.
  EXPECT_EQ(total.by_site,
            (std::map<std::string, SiteCount>{
                {"x.org", {2, 2, 3, {{"r/one", {2, 2}}, {"r/two", {1, 1}}}}},
                {"y.org", {1, 0, 0, {}}}}));

  // Merging is the same as adding everything to one summary.
  Summary direct = a;
  direct.Merge(b);
  EXPECT_EQ(direct.by_rule.size(), total.by_rule.size());
  EXPECT_EQ(direct.by_severity, total.by_severity);
  EXPECT_EQ(direct.jobs, 8);
  // An empty shard changes nothing.
  direct.Merge(Summary{});
  EXPECT_EQ(direct.jobs, 8);
  EXPECT_EQ(direct.articles, 3);
}

TEST(SummaryTest, Throughput) {
  Summary s;
  s.bytes = 3'000'000;
  EXPECT_EQ(s.mb_per_second(), 0);  // no elapsed time yet
  s.elapsed_seconds = 2;
  s.jobs = 3;
  EXPECT_DOUBLE_EQ(s.mb_per_second(), 1.5);
  EXPECT_DOUBLE_EQ(s.mb_per_second_per_core(), 0.5);
  s.input_bytes = 8'000'000;  // input bytes win when known
  EXPECT_DOUBLE_EQ(s.mb_per_second(), 4);
  s.jobs = 0;
  EXPECT_DOUBLE_EQ(s.mb_per_second_per_core(), 4);
}

// --- Names ---------------------------------------------------------------------------

TEST(ReportNamesTest, MultiRecordSourcesGetARecordNumber) {
  EXPECT_TRUE(IsJsonlPath("a/b.jsonl"));
  EXPECT_TRUE(IsJsonlPath("a/b.JSONL.zst"));
  EXPECT_TRUE(IsJsonlPath("b.ndjson.gz"));
  EXPECT_TRUE(IsJsonlPath("b.json"));
  EXPECT_TRUE(IsJsonlPath("-"));
  EXPECT_FALSE(IsJsonlPath("page.html"));
  EXPECT_FALSE(IsJsonlPath("notes.txt.gz"));
  EXPECT_FALSE(IsJsonlPath("jsonl"));
  EXPECT_EQ(ArticleName(MakeArticle("c.jsonl", 1, "", "", "")), "c.jsonl#1");
  EXPECT_EQ(ArticleName(MakeArticle("-", 7, "", "", "")), "-#7");
  EXPECT_EQ(ArticleName(MakeArticle("p.html", 1, "", "", "")), "p.html");
}

// --- JSONL -------------------------------------------------------------------------

TEST(ReportJsonlTest, OneParsableLinePerRecordInOrder) {
  std::vector<Record> records = SampleRecords();
  std::string out = Render(MakeJsonlReporter, {}, records);
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), records.size());
  ASSERT_EQ(out.back(), '\n');
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); ++i) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(simdjson::padded_string(lines[i])).get(doc), simdjson::SUCCESS)
        << lines[i];
    EXPECT_TRUE(IsValidUtf8(lines[i]));
    int64_t record = 0;
    ASSERT_EQ(doc["record"].get(record), simdjson::SUCCESS);
    EXPECT_EQ(record, records[i].article.record);
    simdjson::dom::array findings;
    ASSERT_EQ(doc["findings"].get(findings), simdjson::SUCCESS);
    EXPECT_EQ(findings.size(), records[i].findings.size());
    EXPECT_EQ(doc["text"].error(), simdjson::NO_SUCH_FIELD);
  }
}

TEST(ReportJsonlTest, CleanRecordStillWritesALine) {
  std::ostringstream out;
  auto r = MakeJsonlReporter(out, {});
  r->Add(MakeArticle("x.jsonl", 1, "id-1", "https://www.a.com/x", "ok"), {});
  r->Add(MakeArticle("x.jsonl", 2, "id-2", "", ""), {});
  r->End(RunInfo{}, Summary{});
  EXPECT_EQ(out.str(),
            "{\"id\":\"id-1\",\"source\":\"x.jsonl\",\"record\":1,\"url\":\"https://www.a.com/x\","
            "\"site\":\"a.com\",\"findings\":[]}\n"
            "{\"id\":\"id-2\",\"source\":\"x.jsonl\",\"record\":2,\"url\":\"\",\"site\":\"\","
            "\"findings\":[]}\n");
}

TEST(ReportJsonlTest, IncludeTextKeepsInvalidBytesAsBase64) {
  ReportOptions options;
  options.include_text = true;
  std::ostringstream out;
  auto r = MakeJsonlReporter(out, options);
  r->Add(MakeArticle("x.jsonl", 1, "a", "", "caf\xC3\xA9\n"), {});
  r->Add(MakeArticle("x.jsonl", 2, "b", "", "caf\xE9"), {});
  r->End(RunInfo{}, Summary{});
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(simdjson::padded_string(lines[0])).get(doc), simdjson::SUCCESS);
  std::string_view text;
  ASSERT_EQ(doc["text"].get(text), simdjson::SUCCESS);
  EXPECT_EQ(text, "caf\xC3\xA9\n");
  ASSERT_EQ(parser.parse(simdjson::padded_string(lines[1])).get(doc), simdjson::SUCCESS);
  std::string_view bytes;
  ASSERT_EQ(doc["text"]["bytes"].get(bytes), simdjson::SUCCESS);
  EXPECT_EQ(bytes, "Y2Fm6Q==");
}

// The pipeline has the JSONL records rendered on the worker threads
// (Reporter::RendersAhead): Render() then AddRendered() must write what Add()
// writes, with every option that changes a record, and Render() replaces
// what its string held (the pipeline reuses the strings).
TEST(ReportJsonlTest, RenderedAheadIsWhatAddWrites) {
  ReportOptions with_text;
  with_text.include_text = true;
  ReportOptions with_analysis;
  with_analysis.debug_analysis = true;
  for (const ReportOptions& options : {ReportOptions{}, with_text, with_analysis}) {
    const std::vector<Record> records = SampleRecords();
    const std::string added = Render(MakeJsonlReporter, options, records);
    std::ostringstream out;
    auto r = MakeJsonlReporter(out, options);
    ASSERT_TRUE(r->RendersAhead());
    RunInfo run = SampleRunInfo();
    r->Begin(run);
    std::string rendered = "left over from the record before";
    for (const Record& rec : records) {
      r->Render(rec.article, rec.findings, &rendered);
      EXPECT_EQ(rendered.back(), '\n');
      r->AddRendered(rec.article, rec.findings, rendered);
    }
    r->End(run, SummaryOf(records));
    EXPECT_EQ(out.str(), added) << "include_text " << options.include_text << ", debug_analysis "
                                << options.debug_analysis;
  }
}

// The JSONL report gathers records and writes them in large pieces: a long
// run's output leaves before the run ends, every record once, in order, and
// End() writes the rest.
TEST(ReportJsonlTest, WritesInPiecesInOrderAndTheRestAtTheEnd) {
  std::ostringstream out;
  auto r = MakeJsonlReporter(out, ReportOptions{});
  const std::string long_id(500, 'i');
  constexpr int kRecords = 2000;  // about 1 MB of records
  for (int k = 0; k < kRecords; ++k) {
    r->Add(MakeArticle("x.jsonl", k + 1, long_id + std::to_string(k), "", "text"), {});
  }
  const size_t before_end = out.str().size();
  EXPECT_GT(before_end, 0u);
  r->End(RunInfo{}, Summary{});
  EXPECT_GT(out.str().size(), before_end);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), static_cast<size_t>(kRecords));
  simdjson::dom::parser parser;
  for (int k = 0; k < kRecords; ++k) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(simdjson::padded_string(lines[k])).get(doc), simdjson::SUCCESS);
    int64_t record = 0;
    ASSERT_EQ(doc["record"].get(record), simdjson::SUCCESS);
    EXPECT_EQ(record, k + 1);
  }
}

// --- JSON ---------------------------------------------------------------------------

TEST(ReportJsonTest, DocumentParsesWithSchemaArticlesAndSummary) {
  std::vector<Record> records = SampleRecords();
  std::string out = Render(MakeJsonReporter, {}, records);
  EXPECT_TRUE(IsValidUtf8(out));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(simdjson::padded_string(out)).get(doc), simdjson::SUCCESS) << out;
  std::string_view schema;
  ASSERT_EQ(doc["schema"].get(schema), simdjson::SUCCESS);
  EXPECT_EQ(schema, "newslint.report/1");
  std::string_view fail_on;
  ASSERT_EQ(doc["run"]["fail_on"].get(fail_on), simdjson::SUCCESS);
  EXPECT_EQ(fail_on, "error");
  simdjson::dom::array articles;
  ASSERT_EQ(doc["articles"].get(articles), simdjson::SUCCESS);
  EXPECT_EQ(articles.size(), records.size());
  int64_t n = 0;
  ASSERT_EQ(doc["summary"]["articles"].get(n), simdjson::SUCCESS);
  EXPECT_EQ(n, static_cast<int64_t>(records.size()));
  ASSERT_EQ(doc["summary"]["by_severity"]["error"].get(n), simdjson::SUCCESS);
  EXPECT_EQ(n, 3);
  ASSERT_EQ(doc["summary"]["by_rule"]["boilerplate/consent-banner"]["articles"].get(n),
            simdjson::SUCCESS);
  EXPECT_EQ(n, 1);
  double mbps = 0;
  ASSERT_EQ(doc["summary"]["mb_per_second"].get(mbps), simdjson::SUCCESS);
  EXPECT_DOUBLE_EQ(mbps, 2048 / 1e6 / 0.25);
}

TEST(ReportJsonTest, EmptyRunIsAValidDocument) {
  std::ostringstream out;
  auto r = MakeJsonReporter(out, {});
  RunInfo run;
  run.fail_never = true;
  r->Begin(run);
  r->End(run, Summary{});
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(simdjson::padded_string(out.str())).get(doc), simdjson::SUCCESS)
      << out.str();
  std::string_view fail_on;
  ASSERT_EQ(doc["run"]["fail_on"].get(fail_on), simdjson::SUCCESS);
  EXPECT_EQ(fail_on, "never");
  simdjson::dom::array articles;
  ASSERT_EQ(doc["articles"].get(articles), simdjson::SUCCESS);
  EXPECT_EQ(articles.size(), 0u);
}

// --- Text ---------------------------------------------------------------------------

// The code frame (excerpt line and caret line) printed for one finding.
std::pair<std::string, std::string> Frame(const Article& a, const Finding& f) {
  std::ostringstream out;
  auto r = MakeTextReporter(out, {});
  r->Add(a, {f});
  std::vector<std::string> lines = Lines(out.str());
  EXPECT_GE(lines.size(), 4u) << out.str();
  if (lines.size() < 4) return {};
  return {lines[2], lines[3]};
}

struct CaretCase {
  std::string text;
  std::string needle;
  std::string pad;  // expected before the carets, after the gutter
  size_t carets;
};

TEST(TextReportTest, CaretsCountCodePointsAndDisplayColumns) {
  const CaretCase cases[] = {
      {"The minister didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t comment.",
       "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", std::string(17, ' '), 3},
      // Multi-byte characters before the span: one column each.
      {"Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e here", "here", std::string(18, ' '), 4},
      // Multi-byte characters inside the span.
      {"x br\xC3\xBBl\xC3\xA9" "e y", "br\xC3\xBBl\xC3\xA9" "e", "  ", 6},
      // East Asian wide characters take two columns, before and inside the span.
      {"\xE6\x9D\xB1\xE4\xBA\xAC is \xE6\x9D\xB1\xE4\xBA\xAC", "is \xE6\x9D\xB1",
       std::string(5, ' '), 5},
      // An emoji is wide too.
      {"\xF0\x9F\x98\x80 ok", "ok", "   ", 2},
      // A combining accent takes no column.
      {"e\xCC\x81t\xCC\x81 go", "go", "   ", 2},
      // A tab before the span is repeated in the caret line.
      {"\tIndented", "Indented", "\t", 8},
      // An empty span (an insertion point) gets one caret.
      {"ab", "", "", 1},
      // A span at the end of the line.
      {"ab", "b", " ", 1},
  };
  for (const CaretCase& c : cases) {
    Article a = MakeArticle("t.txt", 1, "t.txt", "", c.text);
    Finding f = At(a, c.needle, "x/y", Severity::kWarning, "m");
    auto [excerpt, carets] = Frame(a, f);
    EXPECT_EQ(excerpt, "    1 | " + c.text) << c.text;
    EXPECT_EQ(carets, "      | " + c.pad + std::string(c.carets, '^')) << c.text;
  }
}

TEST(TextReportTest, CaretsFollowTheSpanIntoACutExcerpt) {
  std::string text = "first line\n" + std::string(200, 'a') + " needle " +
                     std::string(200, 'b') + "\n";
  Article a = MakeArticle("t.txt", 1, "t.txt", "", text);
  Finding f = At(a, "needle", "x/y", Severity::kError, "m", {}, 0,
                 "..." + std::string(10, 'a') + " needle " + std::string(10, 'b') + "...");
  auto [excerpt, carets] = Frame(a, f);
  EXPECT_EQ(excerpt, "    2 | ..." + std::string(10, 'a') + " needle " + std::string(10, 'b') +
                         "...");
  EXPECT_EQ(carets, "      | " + std::string(14, ' ') + "^^^^^^");
  EXPECT_EQ(f.column, 202);
}

TEST(TextReportTest, WithoutTheTextCaretsGoToTheFindingsColumn) {
  // A merged report whose parts were written without --include-text: the
  // finding keeps its line, column and excerpt, the article has no text.
  Article full = MakeArticle("t.txt", 1, "t.txt", "", "The minister didn't comment.");
  Finding f = At(full, "comment", "x/y", Severity::kInfo, "m");
  Article bare = MakeArticle("t.txt", 1, "t.txt", "", "");
  auto [excerpt, carets] = Frame(bare, f);
  EXPECT_EQ(excerpt, "    1 | The minister didn't comment.");
  EXPECT_EQ(carets, "      | " + std::string(20, ' ') + "^");
}

TEST(TextReportTest, RepeatedPhraseGetsCaretsUnderTheRightOccurrence) {
  Article a = MakeArticle("t.txt", 1, "t.txt", "", "Read more: Read more:");
  Finding f = At(a, "Read more:", "x/y", Severity::kInfo, "m", {}, 1);
  auto [excerpt, carets] = Frame(a, f);
  EXPECT_EQ(carets, "      | " + std::string(11, ' ') + std::string(10, '^'));
}

// Spans and excerpts that do not fit the text (a buggy rule, a cut in the
// middle of a character) still give one diagnostic line and a frame.
TEST(TextReportTest, SurvivesArbitrarySpansAndExcerpts) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a", " ", "\n", "\t", "\xC3\xA9", "\xE6\x9D\xB1", "\xFF",
                                "\xF0\x9F\x98\x80", "...", "\x1b"};
  for (int round = 0; round < 2000; ++round) {
    std::string text, excerpt;
    for (size_t i = rng() % 30; i > 0; --i) text += pieces[rng() % std::size(pieces)];
    for (size_t i = rng() % 12; i > 0; --i) excerpt += pieces[rng() % std::size(pieces)];
    Finding f;
    f.rule = "x/y";
    f.span = {rng() % (text.size() + 5), rng() % (text.size() + 5)};
    f.line = static_cast<int64_t>(rng() % 4);
    f.column = static_cast<int64_t>(rng() % 40) - 2;
    f.excerpt = excerpt;
    std::ostringstream out;
    auto r = MakeTextReporter(out, {});
    r->Add(MakeArticle("t.txt", 1, "t.txt", "", text), {f});
    std::vector<std::string> lines = Lines(out.str());
    ASSERT_EQ(lines.size(), excerpt.empty() ? 3u : 5u) << out.str();
    EXPECT_TRUE(IsValidUtf8(out.str()));
    if (!excerpt.empty()) EXPECT_NE(lines[3].find('^'), std::string::npos);
  }
}

TEST(TextReportTest, LocationUsesRecordNumberForJsonlSources) {
  Article a = MakeArticle("crawl/x.jsonl.zst", 12, "id-9", "https://e.com/a", "one\ntwo bad\n");
  Finding f = At(a, "bad", "x/y", Severity::kError, "bad word");
  std::ostringstream out;
  auto r = MakeTextReporter(out, {});
  r->Add(a, {f});
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "crawl/x.jsonl.zst#12 (id id-9, https://e.com/a): 1 finding");
  EXPECT_EQ(lines[1], "crawl/x.jsonl.zst#12:2:5: error: bad word [x/y]");
}

TEST(TextReportTest, ScrapedStringsCannotDriveTheTerminal) {
  Article a = MakeArticle("t.txt", 1, "t.txt", "", "evil \x1b[2J here\xFF");
  Finding f = At(a, "here", "x/y", Severity::kError, "m\x1b[31m\n");
  std::ostringstream out;
  auto r = MakeTextReporter(out, {});
  r->Add(a, {f});
  std::string s = out.str();
  EXPECT_EQ(s.find('\x1b'), std::string::npos) << s;
  EXPECT_TRUE(IsValidUtf8(s));
  EXPECT_NE(s.find("evil \xE2\x90\x9B[2J here\xEF\xBF\xBD"), std::string::npos) << s;
  std::vector<std::string> lines = Lines(s);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[3], "      | " + std::string(10, ' ') + "^^^^");
}

TEST(TextReportTest, CleanRunSaysSo) {
  std::ostringstream out;
  auto r = MakeTextReporter(out, {});
  Summary s;
  Article a = MakeArticle("x.jsonl", 1, "a", "", "fine");
  r->Add(a, {});
  s.Add(a, {});
  s.files = 1;
  r->End(RunInfo{}, s);
  EXPECT_EQ(out.str(),
            "Checked 1 article (1 file, 4 bytes) in 0.00 s: 0.00 MB/s, 0.00 MB/s per core "
            "(1 job).\n"
            "No findings in 1 article.\n");
}

TEST(TextReportTest, ShowCleanListsCleanArticles) {
  ReportOptions options;
  options.show_clean = true;
  std::ostringstream out;
  auto r = MakeTextReporter(out, options);
  r->Add(MakeArticle("x.jsonl", 3, "a", "", "fine"), {});
  EXPECT_EQ(out.str(), "x.jsonl#3 (id a): no findings\n\n");
}

TEST(TextReportTest, RuleTableSortedByCountThenId) {
  std::string out = Render(MakeTextReporter, {}, SampleRecords());
  std::vector<std::string> lines = Lines(out);
  auto header = std::find_if(lines.begin(), lines.end(),
                             [](const std::string& l) { return l.rfind("rule ", 0) == 0; });
  ASSERT_NE(header, lines.end()) << out;
  std::vector<std::string> ids;
  for (auto it = header + 1; it != lines.end(); ++it) ids.push_back(it->substr(0, it->find(' ')));
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "boilerplate/consent-banner", "attribution/speaker-common-word",
                     "boilerplate/read-more", "boilerplate/share-widget", "garbled/mojibake",
                     "input/invalid-utf8"}));
}

// --- Snapshots ---------------------------------------------------------------------------

void ExpectSnapshot(const std::string& name, const std::string& actual) {
  std::string path = std::string(NEWSLINT_SOURCE_DIR) + "/tests/snapshots/" + name;
  const char* update = std::getenv("NEWSLINT_UPDATE_SNAPSHOTS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    std::cout << "updated " << path << "\n";
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing snapshot " << path
                  << "; create it with NEWSLINT_UPDATE_SNAPSHOTS=1";
  std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(actual, expected) << "snapshot " << name
                              << " differs; review with NEWSLINT_UPDATE_SNAPSHOTS=1 "
                                 "build/newslint_tests --gtest_filter='Snapshot*' && "
                                 "git diff tests/snapshots";
}

TEST(SnapshotTest, Text) {
  ExpectSnapshot("report.txt", Render(MakeTextReporter, {}, SampleRecords()));
}

TEST(SnapshotTest, TextColorShowClean) {
  ReportOptions options;
  options.color = true;
  options.show_clean = true;
  ExpectSnapshot("report_color.txt", Render(MakeTextReporter, options, SampleRecords()));
}

TEST(SnapshotTest, Json) {
  ExpectSnapshot("report.json", Render(MakeJsonReporter, {}, SampleRecords()));
}

TEST(SnapshotTest, JsonlWithText) {
  ReportOptions options;
  options.include_text = true;
  ExpectSnapshot("report.jsonl", Render(MakeJsonlReporter, options, SampleRecords()));
}

}  // namespace
}  // namespace newslint
