// End-to-end tests of the newslint binary: exit codes, output formats,
// malformed records and record alignment. Each test runs the real binary in a
// fresh temporary folder.

#include <sys/wait.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include "tests/cli_test_util.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class CliTest : public CliFolderTest {
 protected:
  static std::vector<std::string> Lines(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  // The rule ids of a jsonl output line's findings, in order.
  static std::vector<std::string> RulesOf(const std::string& jsonl_line) {
    simdjson::dom::parser parser;
    simdjson::dom::element record = parser.parse(jsonl_line);
    std::vector<std::string> rules;
    for (simdjson::dom::element f : record["findings"].get_array()) {
      rules.emplace_back(std::string_view(f["rule"].get_string()));
    }
    return rules;
  }

};

constexpr char kClean[] =
    "LISBON, Portugal (AP) — The central bank held its key rate at 3.5% on Thursday.\n"
    "\"We will act if prices rise again,\" the governor, Ana Sá, told reporters.\n";
constexpr char kMojibake[] = "The minister didnâ€™t comment on the report.\n";

TEST_F(CliTest, CleanTextExitsZero) {
  Write("clean.txt", kClean);
  RunResult r = Run("check clean.txt");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(CliTest, ErrorFindingExitsOneAndNamesRuleAndLocation) {
  Write("bad.txt", std::string(kClean) + kMojibake);
  RunResult r = Run("check bad.txt --color never");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("bad.txt:3:"));
  EXPECT_THAT(r.out, HasSubstr("[garbled/mojibake]"));
}

TEST_F(CliTest, FailOnControlsTheExitCode) {
  Write("bad.txt", kMojibake);
  EXPECT_EQ(Run("check bad.txt --fail-on never").exit_code, 0);
  EXPECT_EQ(Run("check bad.txt --fail-on error").exit_code, 1);
  EXPECT_EQ(Run("check bad.txt --ignore garbled").exit_code, 0);
  EXPECT_EQ(Run("check bad.txt --select boilerplate").exit_code, 0);
  EXPECT_EQ(Run("check bad.txt --select garbled/mojibake").exit_code, 1);
}

// --max-text-bytes: the mojibake on line 3 lies past a limit of 160
// bytes (the clean lines are 157 bytes); the rules do not see it, the run
// says so on line 3, and --fail-on takes the warning like any other.
TEST_F(CliTest, MaxTextBytesLintsUpToTheLimitAndSaysWhereItStopped) {
  Write("long.txt", std::string(kClean) + kMojibake);
  RunResult r = Run("check long.txt --color never --max-text-bytes 160");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("long.txt:3:1: warning: text of 207 bytes is over --max-text-bytes"));
  EXPECT_THAT(r.out, HasSubstr("[input/text-too-long]"));
  EXPECT_THAT(r.out, Not(HasSubstr("[garbled/mojibake]")));
  EXPECT_EQ(Run("check long.txt --max-text-bytes 160 --fail-on warning").exit_code, 1);
  RunResult whole = Run("check long.txt --color never --max-text-bytes 0");
  EXPECT_EQ(whole.exit_code, 1);
  EXPECT_THAT(whole.out, HasSubstr("[garbled/mojibake]"));
  EXPECT_THAT(whole.out, Not(HasSubstr("text-too-long")));
}

// A list option takes one (comma-separated) value per occurrence: the paths
// after it stay paths, as users write them.
TEST_F(CliTest, ListOptionsBeforePathsDoNotSwallowThem) {
  Write("bad.txt", kMojibake);
  RunResult r = Run("check --select garbled/mojibake,boilerplate bad.txt --color never");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("[garbled/mojibake]"));
  EXPECT_EQ(Run("check --ignore garbled bad.txt").exit_code, 0);
  EXPECT_EQ(Run("check --select boilerplate --select garbled bad.txt").exit_code, 1);
  EXPECT_EQ(Run("check --field text=body bad.txt").exit_code, 1);
}

TEST_F(CliTest, RunFailuresExitTwoWithAOneLineMessage) {
  RunResult missing = Run("check no-such-file.jsonl");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no-such-file.jsonl"));
  EXPECT_EQ(Run("check --no-such-flag x").exit_code, 2);
  EXPECT_EQ(Run("check x --format yaml").exit_code, 2);
  Write("a.txt", kClean);
  RunResult unknown = Run("check a.txt --select garbled/no-such-rule");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("garbled/no-such-rule"));
  Write("bad.toml", "[lint\nselect = 3\n");
  RunResult config = Run("check a.txt --config bad.toml");
  EXPECT_EQ(config.exit_code, 2);
  EXPECT_THAT(config.err, HasSubstr("bad.toml"));
}

TEST_F(CliTest, ConfigIsFoundByWalkingUpAndValidated) {
  Write("bad.txt", kMojibake);
  Write("sub/dir/keep.txt", "");
  Write("newslint.toml", "[lint]\nignore = [\"garbled/mojibake\"]\n");
  EXPECT_EQ(Run("check bad.txt").exit_code, 0);
  EXPECT_EQ(Run("check bad.txt --no-config").exit_code, 1);
  Write("newslint.toml", "[rules.\"garbled/mojibake\"]\nseverity = \"warning\"\n");
  EXPECT_EQ(Run("check bad.txt").exit_code, 0);
  EXPECT_EQ(Run("check bad.txt --fail-on warning").exit_code, 1);
  Write("newslint.toml", "[rules.\"garbled/mojibake\"]\nno-such-option = 1\n");
  RunResult r = Run("check bad.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no-such-option"));
}

TEST_F(CliTest, JsonlHasOneLinePerInputRecordInOrderWithInputFindings) {
  std::string input;
  input += R"({"id": "ok-1", "text": "A clean sentence about the budget."})" "\n";
  input += R"({"id": "broken", "text": "unterminated)" "\n";
  input += R"({"id": "no-text", "title": "Only a title"})" "\n";
  input += "\n";
  input += std::string(R"({"id": "bad-utf8", "text": "Caf)") + "\xe9" + R"( au lait"})" "\n";
  input += R"({"id": 42, "maintext": "A mapped field."})" "\n";
  input += R"({"id": "moji", "text": "It didnâ€™t rain."})" "\n";
  Write("in.jsonl", input);
  RunResult r = Run("check in.jsonl --format jsonl --jobs 3");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_THAT(RulesOf(lines[0]), ::testing::IsEmpty());
  EXPECT_THAT(RulesOf(lines[1]), ::testing::ElementsAre("input/invalid-json"));
  EXPECT_THAT(RulesOf(lines[2]), ::testing::ElementsAre("input/missing-text"));
  EXPECT_THAT(RulesOf(lines[3]), ::testing::ElementsAre("input/invalid-json"));
  EXPECT_THAT(RulesOf(lines[4]), ::testing::Contains("input/invalid-utf8"));
  EXPECT_THAT(RulesOf(lines[5]), ::testing::IsEmpty());
  EXPECT_THAT(RulesOf(lines[6]), ::testing::ElementsAre("garbled/mojibake"));
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); ++i) {
    simdjson::dom::element rec = parser.parse(lines[i]);
    EXPECT_EQ(int64_t(rec["record"]), static_cast<int64_t>(i + 1));
    EXPECT_EQ(std::string_view(rec["source"]), "in.jsonl");
  }
  EXPECT_EQ(std::string_view(parser.parse(lines[5])["id"]), "42");
}

// One and two jobs parse the records and write the JSONL records on the
// main thread, three and more on the workers (lint/pipeline.h): the same
// output, for every kind of record, the dataset rules' first pass included.
TEST_F(CliTest, JobsDoNotChangeTheOutput) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"" +
             (i % 7 == 0 ? "Prices rose , again." : "Prices rose again.") + "\"}\n";
    if (i % 50 == 0) {
      input += "{\"id\": \"broken\", \"text\": \"unterminated\n";
      input += "\n";
      input += std::string("{\"text\": \"Caf") + "\xe9" + " au lait\", \"title\": 7}\n";
      input += "{\"url\": \"https://www.example.com/p\", \"html\": \"<html><body><nav>"
               "<a href=\\\"/\\\">Home</a> | <a href=\\\"/world\\\">World</a> | Sport</nav>"
               "<p>The council approved the budget on Monday.</p></body></html>\"}\n";
      input += "{\"id\": 42, \"maintext\": \"We use cookies to improve your experience. "
               "Accept all cookies.\"}\n";
      input += "{\"text\": \"The regional water board voted on Thursday to raise rates by four "
               "percent next spring, citing repairs to two aging treatment plants. Residents may "
               "comment at a public hearing in March, the board said in a statement.\"}\n";
    }
  }
  Write("many.jsonl", input);
  RunResult one = Run("check many.jsonl --format jsonl --fail-on never --jobs 1");
  EXPECT_EQ(Lines(one.out).size(), 336u);
  EXPECT_THAT(one.out, HasSubstr("input/invalid-json"));
  EXPECT_THAT(one.out, HasSubstr("input/invalid-utf8"));
  EXPECT_THAT(one.out, HasSubstr("boilerplate/consent-banner"));
  EXPECT_THAT(one.out, HasSubstr("dataset/duplicate-article"));
  for (const char* jobs : {" --jobs 2", " --jobs 3", " --jobs 4"}) {
    RunResult other = Run(std::string("check many.jsonl --format jsonl --fail-on never") + jobs);
    EXPECT_EQ(one.out, other.out) << jobs;
  }
}

TEST_F(CliTest, TimingsListEveryRuleThatRanAndChangeNoOutput) {
  std::string input;
  for (int i = 0; i < 40; ++i) {
    input += "{\"id\": \"t" + std::to_string(i) + "\", \"url\": \"https://a.example/" +
             std::to_string(i) + "\", \"text\": \"Prices rose , again on Monday.\"}\n";
  }
  Write("t.jsonl", input);
  const std::string select =
      "--select garbled/stray-punctuation,garbled/repeated-word,dataset/duplicate-article";
  RunResult plain = Run("check t.jsonl --format jsonl --fail-on never " + select);
  RunResult timed = Run("check t.jsonl --format jsonl --fail-on never --timings " + select);
  EXPECT_EQ(plain.out, timed.out);
  EXPECT_EQ(plain.err.find("timings"), std::string::npos) << plain.err;
  // One row per rule that ran (the dataset rule's noting, observing and
  // judging in its own: the run lints each article once), one per analysis
  // view the rules built (the tokens, the page layout the dataset rule reads
  // its story from), and a total; rules that did not run are not listed.
  for (const char* row : {"  garbled/stray-punctuation ", "  garbled/repeated-word ",
                          "  dataset/duplicate-article ", "  view: tokens ", "  view: PageLayout ", "  (analysis and sorting) ",
                          "  total "}) {
    EXPECT_NE(timed.err.find(row), std::string::npos) << row << "\n" << timed.err;
  }
  EXPECT_EQ(timed.err.find("garbled/spelling"), std::string::npos) << timed.err;
  EXPECT_EQ(timed.err.find("(first pass)"), std::string::npos) << timed.err;
  // Rows are sorted slowest first: the seconds column never increases.
  std::istringstream lines(timed.err);
  double previous = 1e300;
  int rows = 0;
  int view_rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  ", 0) != 0 || line.find("  rule ") == 0 || line.find("  total ") == 0) {
      continue;
    }
    // name ... seconds share% us/call: the seconds are third from the end.
    std::istringstream fields(line);
    std::vector<std::string> words;
    for (std::string w; fields >> w;) words.push_back(w);
    ASSERT_GE(words.size(), 4u) << line;
    const double seconds = std::stod(words[words.size() - 3]);
    ASSERT_GE(seconds, 0) << line;
    EXPECT_LE(seconds, previous) << line;
    previous = seconds;
    ++(line.find("  view: ") == 0 ? view_rows : rows);
  }
  EXPECT_EQ(rows, 4) << timed.err;  // the rules' and the engine's
  EXPECT_GE(view_rows, 2) << timed.err;
}

TEST_F(CliTest, TruncatedGzipKeepsTheRecordsReadAndReportsTheBreak) {
  std::string input;
  for (int i = 0; i < 50; ++i) {
    input += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Record number " +
             std::to_string(i) + " of the wire feed, with enough words to compress.\"}\n";
  }
  fs::path full = dir_ / "full.jsonl.gz";
  gzFile gz = gzopen(full.c_str(), "wb");
  gzwrite(gz, input.data(), static_cast<unsigned>(input.size()));
  gzclose(gz);
  std::string bytes = Slurp(full);
  Write("cut.jsonl.gz", bytes.substr(0, bytes.size() * 2 / 3));

  RunResult ok = Run("check full.jsonl.gz --format jsonl");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(Lines(ok.out).size(), 50u);

  RunResult cut = Run("check cut.jsonl.gz --format jsonl");
  EXPECT_EQ(cut.exit_code, 1) << cut.err;
  std::vector<std::string> lines = Lines(cut.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_LT(lines.size(), 51u);
  EXPECT_THAT(RulesOf(lines.back()), ::testing::Contains("input/read-error"));
  for (size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_THAT(RulesOf(lines[i]), ::testing::IsEmpty());
}

TEST_F(CliTest, EmptyInputsAreNotRunFailures) {
  Write("empty.jsonl", "");
  Write("empty.txt", "");
  RunResult jsonl = Run("check empty.jsonl --format jsonl");
  EXPECT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(jsonl.out, "");
  RunResult txt = Run("check empty.txt --format jsonl");
  EXPECT_EQ(txt.exit_code, 0) << txt.err;
  EXPECT_EQ(Lines(txt.out).size(), 1u);
}

TEST_F(CliTest, StdinIsReadAsJsonl) {
  fs::path in = Write("in.jsonl", "{\"text\": \"It didnâ€™t rain.\"}\n{\"text\": \"Fine.\"}\n");
  RunResult r = Run("check - --format jsonl", in.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(RulesOf(lines[0]), ::testing::ElementsAre("garbled/mojibake"));
}

TEST_F(CliTest, FieldOverrideChoosesTheTextField) {
  Write("in.jsonl", "{\"text\": \"Clean.\", \"body\": \"It didnâ€™t rain.\"}\n");
  EXPECT_EQ(Run("check in.jsonl").exit_code, 0);
  EXPECT_EQ(Run("check in.jsonl --field text=body").exit_code, 1);
  EXPECT_EQ(Run("check in.jsonl --field nonsense").exit_code, 2);
}

TEST_F(CliTest, JsonReportIsOneDocumentWithSchemaSummaryAndArticles) {
  Write("a.txt", kMojibake);
  Write("b.txt", kClean);
  RunResult r = Run("check a.txt b.txt --format json -o out/report.json --include-text");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("out/report.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.load((dir_ / "out/report.json").string());
  EXPECT_EQ(std::string_view(doc["schema"]), "newslint.report/1");
  EXPECT_EQ(int64_t(doc["summary"]["articles"]), 2);
  simdjson::dom::array articles = doc["articles"];
  ASSERT_EQ(articles.size(), 2u);
  simdjson::dom::element first = articles.at(0);
  EXPECT_EQ(std::string_view(first["text"]), kMojibake);
  simdjson::dom::element finding = first["findings"].at(0);
  EXPECT_EQ(std::string_view(finding["rule"]), "garbled/mojibake");
  int64_t start = finding["span"]["start"], end = finding["span"]["end"];
  EXPECT_EQ(std::string(kMojibake).substr(start, end - start), "â€™");
  EXPECT_EQ(int64_t(finding["line"]), 1);
  EXPECT_EQ(int64_t(finding["column"]), 18);  // code points, not bytes
}

TEST_F(CliTest, SeveralOutputsInOneRun) {
  Write("a.txt", kMojibake);
  RunResult r = Run("check a.txt -o r/report.json -o r/report.jsonl -o r/report.txt");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "r/report.json"));
  EXPECT_EQ(Lines(Slurp(dir_ / "r/report.jsonl")).size(), 1u);
  EXPECT_THAT(Slurp(dir_ / "r/report.txt"), HasSubstr("[garbled/mojibake]"));
  EXPECT_EQ(Run("check a.txt -o report.unknown").exit_code, 2);
}

TEST_F(CliTest, HtmlPagesAreLintedAsVisibleText) {
  Write("page.html",
        "<html><head><title>T</title><script>var s = 'didnâ€™t';</script></head>"
        "<body><p>Clean paragraph.</p><p>It didnâ€™t rain.</p></body></html>");
  RunResult r = Run("check page.html --format jsonl --include-text");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element rec = parser.parse(r.out);
  std::string_view text = rec["text"];
  EXPECT_THAT(std::string(text), Not(HasSubstr("var s")));
  EXPECT_THAT(RulesOf(r.out), ::testing::ElementsAre("garbled/mojibake"));
}

TEST_F(CliTest, RulesAndExplainDescribeTheCatalogue) {
  RunResult list = Run("rules");
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_THAT(list.out, HasSubstr("boilerplate/consent-banner"));
  RunResult json = Run("rules --json");
  simdjson::dom::parser parser;
  simdjson::dom::array rules = parser.parse(json.out);
  std::vector<std::string> ids;
  for (simdjson::dom::element rule : rules) ids.emplace_back(std::string_view(rule["id"]));
  EXPECT_THAT(ids, ::testing::IsSupersetOf({"boilerplate/consent-banner", "garbled/mojibake",
                                            "garbled/html-residue", "garbled/stray-punctuation",
                                            "input/invalid-json"}));
  RunResult explain = Run("explain garbled/mojibake");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_THAT(explain.out, HasSubstr("## What it flags"));
  EXPECT_EQ(Run("explain nope/nope").exit_code, 2);
}

TEST_F(CliTest, HelpAnswersTheFirstQuestions) {
  RunResult help = Run("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Exit codes"));
  RunResult check = Run("check --help");
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_THAT(check.out, HasSubstr("--fail-on"));
  EXPECT_THAT(check.out, HasSubstr("newslint.toml"));
}

}  // namespace
}  // namespace newslint

// `newslint check --fix`: cleaned records, byte-identical except the text.
namespace newslint {
namespace {

// A scraped article: a menu above the story, share widgets and a footer
// below it; the story holds one mojibake. As JSON string contents (escaped).
constexpr char kScrapedText[] =
    "Home\\nNews\\nSport\\nWeather\\nBusiness\\n\\n"
    "The minister said on Tuesday that the new budget would raise spending on schools and "
    "hospitals across the country.\\n"
    "She added that the plan, which parliament didnâ€™t approve yet, would be paid for by higher "
    "taxes on large companies.\\n"
    "Opposition leaders called the proposal reckless and said they would vote against it when "
    "it comes to the floor next week.\\n\\n"
    "Share this article\\nFacebook Twitter Email\\n"
    "\\u00a9 2024 Example News. All rights reserved.";

std::string Unescaped(const std::string& json_string_contents) {
  simdjson::dom::parser parser;
  std::string doc = "\"" + json_string_contents + "\"";
  return std::string(std::string_view(parser.parse(doc)));
}

TEST_F(CliTest, FixRewritesOnlyTheTextValueOfEachRecord) {
  const std::string prefix = "{ \"id\":\"a1\" ,  \"meta\" : {\"k\": [1, 2.50, null]}, \"text\" :   \"";
  const std::string suffix = "\"  ,\"url\" : \"https://news.example/a\",\"unknown\":\"\\u00e9\\/x\" }";
  const std::string record = prefix + kScrapedText + suffix;
  const std::string clean_record = "{\"id\":\"c1\", \"text\": \"Nothing to fix here.\"}";
  const std::string bad_json = "{\"id\": \"b1\", \"text\": \"unterminated";
  Write("crawl.jsonl", record + "\n" + bad_json + "\n" + clean_record + "\n\n" + bad_json);
  RunResult r = Run("check crawl.jsonl --fix -o out/clean.jsonl --format json -o report.json");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the report still has its findings
  EXPECT_THAT(r.err, HasSubstr("records changed"));
  EXPECT_THAT(r.err, HasSubstr("fixes applied"));
  std::vector<std::string> out = Lines(Slurp(dir_ / "out/clean.jsonl"));
  ASSERT_EQ(out.size(), 5u);  // one line per input line, blank and broken ones too
  // Only the inside of the text value changed.
  ASSERT_TRUE(out[0].starts_with(prefix)) << out[0];
  ASSERT_TRUE(out[0].ends_with(suffix)) << out[0];
  const std::string value = out[0].substr(prefix.size(), out[0].size() - prefix.size() - suffix.size());
  const std::string cleaned = Unescaped(value);
  const std::string original = Unescaped(kScrapedText);
  EXPECT_THAT(cleaned, HasSubstr("The minister said on Tuesday"));
  EXPECT_THAT(cleaned, HasSubstr("didn\u2019t approve"));  // the mojibake repaired
  for (const char* gone : {"Home\n", "Sport", "Weather", "Share this article", "Facebook",
                           "All rights reserved"}) {
    EXPECT_THAT(original, HasSubstr(gone));
    EXPECT_THAT(cleaned, Not(HasSubstr(gone)));
  }
  // The record without fixes, the blank line and the bad JSON lines: as read.
  EXPECT_EQ(out[1], bad_json);
  EXPECT_EQ(out[2], clean_record);
  EXPECT_EQ(out[3], "");
  EXPECT_EQ(out[4], bad_json);
  // The report went to its own -o.
  simdjson::dom::parser parser;
  simdjson::dom::element report = parser.load((dir_ / "report.json").string());
  EXPECT_EQ(std::string_view(report["schema"]), "newslint.report/1");
}

TEST_F(CliTest, FixRulesLimitsWhichFixesApply) {
  Write("crawl.jsonl", std::string("{\"text\":\"") + kScrapedText + "\"}\n");
  RunResult r = Run("check crawl.jsonl --fix --fix-rules garbled");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> out = Lines(r.out);  // no -o: the cleaned records on stdout
  ASSERT_EQ(out.size(), 1u) << r.out;
  simdjson::dom::parser parser;
  std::string text = std::string(std::string_view(parser.parse(out[0])["text"]));
  EXPECT_THAT(text, HasSubstr("didn\u2019t approve"));
  EXPECT_THAT(text, HasSubstr("Share this article\nFacebook Twitter Email\n"));
  EXPECT_THAT(text, HasSubstr("Home\nNews\n"));

  RunResult only_nav = Run("check crawl.jsonl --fix --fix-rules boilerplate/navigation");
  std::string nav_text =
      std::string(std::string_view(parser.parse(Lines(only_nav.out).at(0))["text"]));
  EXPECT_THAT(nav_text, Not(HasSubstr("Weather")));
  EXPECT_THAT(nav_text, HasSubstr("Share this article"));
  EXPECT_THAT(nav_text, HasSubstr("didnâ€™t"));

  EXPECT_EQ(Run("check crawl.jsonl --fix --fix-rules nope").exit_code, 2);
  EXPECT_EQ(Run("check crawl.jsonl --fix-rules garbled").exit_code, 2);  // needs --fix
  EXPECT_EQ(Run("check crawl.jsonl --fix --format json").exit_code, 2);  // two outputs on stdout
}

TEST_F(CliTest, FixWritesOneJsonLinePerHtmlPage) {
  Write("page.html",
        "<html><head><title>T</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
        "<article><p>The minister said on Tuesday that the new budget would raise spending on "
        "schools and hospitals across the country.</p>"
        "<p>She added that the plan, which parliament must still approve, would be paid for by "
        "higher taxes on large companies.</p></article>"
        "<footer><p>\u00a9 2024 Example News. All rights reserved.</p></footer></body></html>");
  RunResult r = Run("check page.html --fix -o clean.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // boilerplate findings are warnings
  std::vector<std::string> out = Lines(Slurp(dir_ / "clean.jsonl"));
  ASSERT_EQ(out.size(), 1u);
  simdjson::dom::parser parser;
  simdjson::dom::element rec = parser.parse(out[0]);
  EXPECT_EQ(std::string_view(rec["source"]), "page.html");
  std::string text = std::string(std::string_view(rec["text"]));
  EXPECT_THAT(text, HasSubstr("The minister said on Tuesday"));
  EXPECT_THAT(text, HasSubstr("higher taxes on large companies."));
  EXPECT_THAT(text, Not(HasSubstr("Weather")));
  EXPECT_THAT(text, Not(HasSubstr("All rights reserved")));
}

// Rule packs (docs/rule-packs.md): a user's house rule, as data.
constexpr const char* kHousePack =
    "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house/cms-label\"\nseverity = \"error\"\n"
    "summary = \"Advertorial labels of our CMS left in the article text.\"\n"
    "message = \"CMS label left in the text: {match}\"\nkind = \"line\"\n"
    "phrases = [\"Commercial feature\", \"Brand Studio\", \"Presented by our partners\"]\n";
constexpr const char* kHouseRecords =
    "{\"id\": \"a1\", \"text\": \"Commercial feature\\nThe council approved the budget on "
    "Tuesday.\"}\n"
    "{\"id\": \"a2\", \"text\": \"The council said a commercial feature would be labelled.\"}\n";

TEST_F(CliTest, HouseRulePackEndToEnd) {
  Write("newslint.toml", "[lint]\npacks = [\"rules/house.toml\"]\n\n"
                         "[rules.\"house/cms-label\"]\nseverity = \"error\"\n");
  Write("rules/house.toml", kHousePack);
  Write("a.jsonl", kHouseRecords);
  RunResult r = Run("check a.jsonl --format jsonl");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_THAT(RulesOf(lines[0]), ::testing::ElementsAre("house/cms-label"));
  EXPECT_THAT(RulesOf(lines[1]), ::testing::IsEmpty());
  simdjson::dom::parser parser;
  simdjson::dom::element finding = parser.parse(lines[0])["findings"].at(0);
  EXPECT_EQ(std::string_view(finding["severity"]), "error");
  EXPECT_EQ(std::string_view(finding["message"]), "CMS label left in the text: Commercial feature");
  EXPECT_EQ(int64_t(finding["span"]["start"]), 0);
  EXPECT_EQ(int64_t(finding["span"]["end"]), 18);
  EXPECT_EQ(std::string_view(finding["evidence"]["pack"]), "house");

  // Selection and config work on pack ids and families.
  EXPECT_EQ(Run("check a.jsonl --ignore house").exit_code, 0);
  EXPECT_EQ(Run("check a.jsonl --select house/cms-label --format jsonl").exit_code, 1);
  Write("newslint.toml", "[lint]\npacks = [\"rules/house.toml\"]\n\n"
                         "[rules.\"house/cms-label\"]\nseverity = \"info\"\n");
  EXPECT_EQ(Run("check a.jsonl").exit_code, 0);
  // A rule table for a pack rule needs the pack.
  Write("newslint.toml", "[rules.\"house/cms-label\"]\nseverity = \"info\"\n");
  RunResult unknown = Run("check a.jsonl");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("house/cms-label"));
}

TEST_F(CliTest, PackFlagAddsRulesAndBadPacksFailTheRun) {
  Write("house.toml", kHousePack);
  Write("a.jsonl", kHouseRecords);
  RunResult r = Run("check --no-config --pack house.toml a.jsonl --format jsonl");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(RulesOf(Lines(r.out).at(0)), ::testing::ElementsAre("house/cms-label"));
  // Without the pack the label is nobody's business.
  EXPECT_EQ(Run("check --no-config a.jsonl").exit_code, 0);

  Write("bad.toml", "[pack]\nname = \"bad\"\n\n[[rule]]\nid = \"bad/x\"\nsummary = \"S.\"\n"
                    "message = \"m\"\nkind = \"sometimes\"\nphrases = [\"a\"]\n");
  RunResult bad = Run("check --no-config --pack bad.toml a.jsonl");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.toml:8:"));
  EXPECT_THAT(bad.err, HasSubstr("kind"));
  Write("clash.toml", "[pack]\nname = \"clash\"\n\n[[rule]]\nid = \"garbled/mojibake\"\n"
                      "summary = \"S.\"\nmessage = \"m\"\nkind = \"line\"\nphrases = [\"a\"]\n");
  RunResult clash = Run("check --no-config --pack clash.toml a.jsonl");
  EXPECT_EQ(clash.exit_code, 2);
  EXPECT_THAT(clash.err, HasSubstr("clash.toml:5:"));
  EXPECT_EQ(Run("check --no-config --pack missing.toml a.jsonl").exit_code, 2);
}

TEST_F(CliTest, RulesAndExplainKnowPackRules) {
  Write("house.toml", kHousePack);
  RunResult json = Run("rules --json --pack house.toml");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  simdjson::dom::parser parser;
  bool found = false, builtin = false;
  for (simdjson::dom::element rule : parser.parse(json.out).get_array()) {
    std::string_view id = rule["id"];
    if (id == "boilerplate/app-promo") builtin = true;
    if (id != "house/cms-label") continue;
    found = true;
    EXPECT_EQ(std::string_view(rule["family"]), "house");
    EXPECT_EQ(std::string_view(rule["severity"]), "error");
    EXPECT_EQ(std::string_view(rule["pack"]), "house");
    EXPECT_EQ(std::string_view(rule["kind"]), "line");
    EXPECT_EQ(rule["phrases"].get_array().size(), 3u);
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE(builtin);  // built-in packs are always in the catalogue
  EXPECT_THAT(Run("rules").out, HasSubstr("boilerplate/app-promo"));

  RunResult explain = Run("explain house/cms-label --pack house.toml");
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_THAT(explain.out, HasSubstr("Advertorial labels of our CMS"));
  EXPECT_THAT(explain.out, HasSubstr("Kind:      line"));
  EXPECT_THAT(explain.out, HasSubstr("  - Brand Studio"));
  // The config's packs are found by walking up, as `check` does.
  Write("newslint.toml", "[lint]\npacks = [\"house.toml\"]\n");
  EXPECT_EQ(Run("explain house/cms-label").exit_code, 0);
  EXPECT_THAT(Run("explain boilerplate/app-promo").out, HasSubstr("## What it flags"));
}

}  // namespace
}  // namespace newslint

namespace newslint {
namespace {

class OutputFileCliTest : public CliFolderTest {};

TEST_F(OutputFileCliTest, AFailedRunLeavesNoReportAndKeepsTheOldOne) {
  Write("a.txt", "The minister didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t comment.\n");
  RunResult first = Run("check a.txt --fail-on never -o r.json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string whole = Slurp(dir_ / "r.json");
  ASSERT_FALSE(whole.empty());
  // The second run fails on an input it cannot read: r.json stays the first
  // run's, new.json is never created, and no temporary file is left.
  RunResult failed = Run("check a.txt missing.txt --fail-on never -o r.json -o new.jsonl");
  EXPECT_EQ(failed.exit_code, 2);
  EXPECT_EQ(Slurp(dir_ / "r.json"), whole);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "new.jsonl"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
        << entry.path();
  }
}

TEST_F(OutputFileCliTest, AFullDiskIsARunFailure) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  Write("a.txt", "Plain words.\n");
  RunResult r = Run("check a.txt --fail-on never --format json -o /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("disk full"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/full"));  // not replaced
}

}  // namespace
}  // namespace newslint
