// Sharded runs end to end: ParseSummaryJson, `newslint check --shard K/N`,
// `newslint merge`, and the progress line, run through the real binary as
// tests/cli_test.cc does.

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

#include "reports/json_writer.h"
#include "reports/summary.h"

#include "tests/cli_test_util.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// --- ParseSummaryJson ----------------------------------------------------------

TEST(ParseSummaryJsonTest, ReadsEveryCount) {
  const char* json = R"({
    "files": 3, "articles": 6, "articles_with_findings": 5, "findings": 7,
    "bytes": 503, "input_bytes": 2048, "elapsed_seconds": 0.25,
    "mb_per_second": 0.008192, "mb_per_second_per_core": 0.004096, "jobs": 2,
    "by_severity": {"error": 2, "warning": 4, "info": 1},
    "findings_per_article": {"0": 1, "1": 2, "2": 1, "3-5": 2, "6-10": 0, "11+": 0},
    "by_rule": {"garbled/mojibake": {"findings": 1, "articles": 1, "severity": "error"},
                "boilerplate/ui-text": {"findings": 4, "articles": 3, "severity": "warning"}},
    "by_site": {"": {"articles": 1, "articles_with_findings": 1, "findings": 1},
                "example.com": {"articles": 5, "articles_with_findings": 4, "findings": 6}},
    "by_family": {"garbled": {"articles": 1}, "boilerplate": {"articles": 3}},
    "budgets": [{"rule": "boilerplate", "allowed": 0.02, "actual": 0.5, "articles": 3,
                 "allowed_articles": 0, "broken": true}],
    "suppressed": 4, "baseline_fixed": 1,
    "fixed": [{"rule": "garbled/mojibake", "article": "a-1", "text": "\u00e2\u20ac\u2122"}]
  })";
  Summary s;
  std::string error;
  ASSERT_TRUE(ParseSummaryJson(json, &s, &error)) << error;
  EXPECT_EQ(s.files, 3);
  EXPECT_EQ(s.articles, 6);
  EXPECT_EQ(s.articles_with_findings, 5);
  EXPECT_EQ(s.bytes, 503);
  EXPECT_EQ(s.input_bytes, 2048);
  EXPECT_DOUBLE_EQ(s.elapsed_seconds, 0.25);
  EXPECT_EQ(s.jobs, 2);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kError)], 2);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kWarning)], 4);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(Severity::kInfo)], 1);
  EXPECT_EQ(s.findings(), 7);
  EXPECT_EQ(s.findings_histogram, (std::array<int64_t, 6>{1, 2, 1, 2, 0, 0}));
  ASSERT_EQ(s.by_rule.size(), 2u);
  EXPECT_EQ(s.by_rule["boilerplate/ui-text"].findings, 4);
  EXPECT_EQ(s.by_rule["boilerplate/ui-text"].articles, 3);
  EXPECT_EQ(s.by_rule["garbled/mojibake"].severity, Severity::kError);
  EXPECT_EQ(s.by_site[""], (SiteCount{1, 1, 1}));
  EXPECT_EQ(s.by_site["example.com"], (SiteCount{5, 4, 6}));
  EXPECT_EQ(s.by_family["boilerplate"], 3);
  ASSERT_EQ(s.budgets.size(), 1u);
  EXPECT_DOUBLE_EQ(s.budgets["boilerplate"], 0.02);
  EXPECT_EQ(s.suppressed, 4);
  EXPECT_EQ(s.baseline_fixed, 1);
  ASSERT_EQ(s.fixed.size(), 1u);
  EXPECT_EQ(s.fixed[0].text, "\u00e2\u20ac\u2122");
}

TEST(ParseSummaryJsonTest, WhatWriteSummaryWritesReadsBackTheSame) {
  Summary s;
  s.files = 12;
  s.articles = 1000;
  s.articles_with_findings = 300;
  s.bytes = 4'000'000;
  s.input_bytes = 5'000'000;
  s.elapsed_seconds = 1.0 / 3;
  s.jobs = 8;
  s.by_severity = {7, 80, 900};
  s.findings_histogram = {700, 100, 50, 40, 9, 1};
  s.by_rule["garbled/mojibake"] = {900, 200, Severity::kError};
  s.by_rule["links/spam-anchor"] = {87, 99, Severity::kWarning};
  s.by_site["news.example"] = {600, 200, 700, {{"garbled/mojibake", {690, 199}},
                                                {"links/spam-anchor", {10, 1}}}};
  s.by_site["caf\xC3\xA9.example"] = {400, 100, 287};
  s.by_family["garbled"] = 200;
  s.budgets["links"] = 0.1;
  s.suppressed = 3;
  s.baseline_fixed = 2;
  s.fixed.push_back({"key \"1\"", "garbled/mojibake", "</script>"});
  std::string first;
  JsonWriter w1(&first, JsonWriter::Layout::kIndented);
  WriteSummary(w1, s);
  Summary back;
  std::string error;
  ASSERT_TRUE(ParseSummaryJson(first, &back, &error)) << error;
  std::string second;
  JsonWriter w2(&second, JsonWriter::Layout::kIndented);
  WriteSummary(w2, back);
  EXPECT_EQ(first, second);
  EXPECT_EQ(back.by_site, s.by_site);
  EXPECT_EQ(back.elapsed_seconds, 1.0 / 3);  // shortest round-trip doubles
}

TEST(ParseSummaryJsonTest, RejectsMalformedSummaries) {
  Summary s;
  std::string error;
  EXPECT_FALSE(ParseSummaryJson("{\"files\": 1", &s, &error));
  EXPECT_FALSE(ParseSummaryJson("[]", &s, &error));
  EXPECT_FALSE(ParseSummaryJson(R"({"files": "three", "articles": 1})", &s, &error));
  EXPECT_THAT(error, HasSubstr("files"));
  EXPECT_FALSE(ParseSummaryJson(
      R"({"files": 1, "articles": 1, "articles_with_findings": 0, "bytes": 1, "input_bytes": 1,
          "jobs": 1, "by_severity": {"error": 0, "warning": 0, "info": 0},
          "by_rule": {"a/b": {"findings": 1, "articles": 1, "severity": "fatal"}},
          "by_site": {}})",
      &s, &error));
  EXPECT_THAT(error, HasSubstr("fatal"));
}

// --- End to end -----------------------------------------------------------------

class ShardMergeTest : public CliFolderTest {
 protected:
  // The report without what legitimately differs between a single run and
  // merged shards: timings, jobs, the shard.
  static std::string WithoutTimings(const std::string& report) {
    std::istringstream in(report);
    std::string out;
    for (std::string line; std::getline(in, line);) {
      if (line.find("\"started_at\"") != std::string::npos ||
          line.find("\"jobs\"") != std::string::npos ||
          line.find("\"elapsed_seconds\"") != std::string::npos ||
          line.find("\"mb_per_second") != std::string::npos ||
          line.find("\"shard\"") != std::string::npos || line.rfind("Checked ", 0) == 0) {
        continue;
      }
      out += line + "\n";
    }
    return out;
  }

  // A small crawl: JSONL records of varied sizes (some defective, one with
  // hostile strings), a JSONL without a final newline and with CRLF, a gzip
  // file, an HTML page, a text file and an empty file.
  void WriteCorpus() {
    std::string a;
    for (int i = 1; i <= 60; ++i) {
      std::string text = "LISBON (AP) — The council met on Tuesday to discuss the budget.";
      if (i % 7 == 0) text += " The minister didnâ€™t comment.";
      if (i % 11 == 0) text += "\\nWe use cookies to improve your experience.\\nAccept all";
      text += std::string(static_cast<size_t>(i * 37 % 400), 'a');
      a += "{\"id\":\"a-" + std::to_string(i) + "\",\"url\":\"https://site" +
           std::to_string(i % 4) + ".example/n/" + std::to_string(i) + "\",\"text\":\"" + text +
           "\"}\n";
      if (i == 30) a += "not json at all\n";
      if (i == 45) a += "{\"id\":\"<script>alert(1)</script>\",\"url\":\"javascript:alert(1)\","
                        "\"text\":\"</textarea><img onerror=x> caf\xff text\"}\n";
    }
    Write("crawl/a.jsonl", a);
    std::string b;
    for (int i = 1; i <= 15; ++i) {
      b += "{\"id\":\"b-" + std::to_string(i) +
           "\",\"text\":\"Officials said the vote was close . . and and it adjourned.\"}";
      if (i < 15) b += "\r\n";
    }
    Write("crawl/b.jsonl", b);
    std::string c;
    for (int i = 1; i <= 10; ++i) {
      c += "{\"id\":\"c-" + std::to_string(i) + "\",\"text\":\"Read more: Subscribe now\"}\n";
    }
    gzFile gz = gzopen((dir_ / "crawl/c.jsonl.gz").c_str(), "wb");
    gzwrite(gz, c.data(), static_cast<unsigned>(c.size()));
    gzclose(gz);
    Write("crawl/d.html",
          "<html><head><title>Museum</title></head><body><p>The museum reopens on Friday.</p>"
          "<p>Share this article: Facebook Twitter Email</p></body></html>");
    Write("crawl/e.txt", "The minister didnâ€™t comment on the report.\n");
    Write("crawl/f.jsonl", "");
  }

};

TEST_F(ShardMergeTest, MergedShardsEqualOneRun) {
  WriteCorpus();
  RunResult single = Run("check crawl --fail-on never -o single.json -o single.jsonl");
  ASSERT_EQ(single.exit_code, 0) << single.err;
  for (int k = 1; k <= 3; ++k) {
    RunResult part = Run("check crawl --fail-on never --shard " + std::to_string(k) +
                         "/3 -o part-" + std::to_string(k) + ".json");
    ASSERT_EQ(part.exit_code, 0) << part.err;
    EXPECT_THAT(Slurp(dir_ / ("part-" + std::to_string(k) + ".json")),
                HasSubstr("\"shard\": {\"index\":" + std::to_string(k) + ",\"count\":3}"));
  }
  // The parts given out of order: merge puts them in shard order.
  RunResult merged =
      Run("merge part-3.json part-1.json part-2.json -o merged.json -o merged.jsonl");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  const std::string one = Slurp(dir_ / "single.json");
  const std::string all = Slurp(dir_ / "merged.json");
  EXPECT_EQ(WithoutTimings(all), WithoutTimings(one));
  EXPECT_THAT(all, Not(HasSubstr("\"shard\"")));
  EXPECT_EQ(Slurp(dir_ / "merged.jsonl"), Slurp(dir_ / "single.jsonl"));
  // Every shard got some of the work, and the JSONL file was split.
  for (int k = 1; k <= 3; ++k) {
    EXPECT_THAT(Slurp(dir_ / ("part-" + std::to_string(k) + ".json")),
                HasSubstr("\"source\":\"crawl/a.jsonl\""));
  }
  // Jobs add up in the merged run and summary.
  EXPECT_THAT(all, HasSubstr("\"jobs\": "));
}

TEST_F(ShardMergeTest, MoreShardsThanRecordsStillMergeToOneRun) {
  WriteCorpus();
  ASSERT_EQ(Run("check crawl --fail-on never -o single.json").exit_code, 0);
  std::string parts;
  const int n = 7;
  for (int k = 1; k <= n; ++k) {
    std::string name = "p" + std::to_string(k) + ".json";
    ASSERT_EQ(Run("check crawl --fail-on never --shard " + std::to_string(k) + "/" +
                  std::to_string(n) + " -o " + name)
                  .exit_code,
              0);
    parts += " " + name;
  }
  RunResult merged = Run("merge" + parts + " -o merged.json");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(WithoutTimings(Slurp(dir_ / "merged.json")),
            WithoutTimings(Slurp(dir_ / "single.json")));
}

TEST_F(ShardMergeTest, TextOfMergedPartsWithTheirTextEqualsOneRun) {
  WriteCorpus();
  RunResult single = Run("check crawl --fail-on never --color never -o single.txt");
  ASSERT_EQ(single.exit_code, 0) << single.err;
  for (int k = 1; k <= 2; ++k) {
    ASSERT_EQ(Run("check crawl --fail-on never --include-text --shard " + std::to_string(k) +
                  "/2 -o part-" + std::to_string(k) + ".json")
                  .exit_code,
              0);
  }
  RunResult merged = Run("merge part-1.json part-2.json --format text --color never");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(WithoutTimings(merged.out), WithoutTimings(Slurp(dir_ / "single.txt")));
  EXPECT_THAT(merged.out, HasSubstr("[garbled/mojibake]"));
}

TEST_F(ShardMergeTest, MergeExitCodeFollowsFailOn) {
  WriteCorpus();
  ASSERT_EQ(Run("check crawl --shard 1/2 -o p1.json").exit_code, 1);  // mojibake errors
  Run("check crawl --shard 2/2 -o p2.json");
  EXPECT_EQ(Run("merge p1.json p2.json -o all.json").exit_code, 1);
  EXPECT_EQ(Run("merge p1.json p2.json -o all.json --fail-on never").exit_code, 0);
}

TEST_F(ShardMergeTest, MergeHtmlReportFromTheParts) {
  WriteCorpus();
  for (int k = 1; k <= 2; ++k) {
    ASSERT_EQ(Run("check crawl --fail-on never --shard " + std::to_string(k) + "/2 -o p" +
                  std::to_string(k) + ".json")
                  .exit_code,
              0);
  }
  RunResult merged = Run("merge p1.json p2.json --report all.html");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  const std::string page = Slurp(dir_ / "all.html");
  EXPECT_THAT(page, HasSubstr("<html"));
  EXPECT_THAT(page, HasSubstr("crawl/e.txt"));  // an article of part 2's sample
  EXPECT_THAT(page, HasSubstr("crawl/a.jsonl"));  // and of part 1's
  // Hostile strings of the records never reach the page raw.
  EXPECT_THAT(page, Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(page, Not(HasSubstr("</textarea><img")));
}

TEST_F(ShardMergeTest, IncompleteOrRepeatedShardsAreNamed) {
  WriteCorpus();
  for (int k = 1; k <= 3; ++k) {
    Run("check crawl --fail-on never --shard " + std::to_string(k) + "/3 -o p" +
        std::to_string(k) + ".json");
  }
  RunResult missing = Run("merge p1.json p3.json -o all.json");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("missing shard 2 of 3"));
  RunResult twice = Run("merge p1.json p2.json p2.json p3.json -o all.json");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_THAT(twice.err, HasSubstr("shard 2/3 given 2 times"));
  Run("check crawl --fail-on never -o whole.json");
  RunResult mixed = Run("merge p1.json p2.json p3.json whole.json -o all.json");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_THAT(mixed.err, HasSubstr("whole.json records no shard"));
  Run("check crawl --fail-on never --shard 1/2 -o other.json");
  RunResult counts = Run("merge p2.json p3.json other.json -o all.json");
  EXPECT_EQ(counts.exit_code, 2);
  EXPECT_THAT(counts.err, HasSubstr("shard of 2"));
}

TEST_F(ShardMergeTest, BrokenPartsFailTheMerge) {
  WriteCorpus();
  Run("check crawl --fail-on never --shard 1/2 -o p1.json");
  Run("check crawl --fail-on never --shard 2/2 -o p2.json");
  const std::string p2 = Slurp(dir_ / "p2.json");
  Write("cut.json", p2.substr(0, p2.size() / 2));
  RunResult cut = Run("merge p1.json cut.json -o all.json");
  EXPECT_EQ(cut.exit_code, 2);
  EXPECT_THAT(cut.err, HasSubstr("cut.json"));
  Write("other.json", "{\"hello\": 1}\n");
  EXPECT_EQ(Run("merge other.json -o all.json").exit_code, 2);
  EXPECT_EQ(Run("merge nowhere.json -o all.json").exit_code, 2);
  // A record removed: the summary no longer matches the records.
  std::string dropped = p2;
  size_t at = dropped.find("\n    {");
  size_t end = dropped.find('\n', at + 1);
  dropped.erase(at, end - at);
  Write("dropped.json", dropped);
  RunResult short_one = Run("merge p1.json dropped.json -o all.json");
  EXPECT_EQ(short_one.exit_code, 2);
  EXPECT_THAT(short_one.err, HasSubstr("summary counts"));
}

TEST_F(ShardMergeTest, ShardFlagIsChecked) {
  WriteCorpus();
  for (const char* bad : {"0/3", "4/3", "x", "1/0"}) {
    RunResult r = Run(std::string("check crawl --shard ") + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("--shard")) << bad;
  }
  Write("in.jsonl", "{\"text\":\"Hello.\"}\n");
  RunResult piped = Run("check - --shard 2/3", (dir_ / "in.jsonl").string());
  EXPECT_EQ(piped.exit_code, 2);
  EXPECT_THAT(piped.err, HasSubstr("stdin"));
  RunResult whole = Run("check - --shard 1/1 --format jsonl", (dir_ / "in.jsonl").string());
  EXPECT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(whole.out.size(), whole.out.find('\n') + 1);  // one record
}

TEST_F(ShardMergeTest, ProgressOnlyWhenAskedOrOnATerminal) {
  WriteCorpus();
  RunResult forced = Run("check crawl --fail-on never --progress -o r.json");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  // Drawn with "\r", counting the 89 articles of the 6 files (62 + 15 + 10
  // + 1 + 1), then wiped before the closing messages.
  EXPECT_THAT(forced.err, HasSubstr("\rnewslint: 89 articles, "));
  EXPECT_THAT(forced.err, HasSubstr("(100.0%)"));
  size_t last_cr = forced.err.rfind('\r');
  ASSERT_NE(last_cr, std::string::npos);
  EXPECT_EQ(forced.err.substr(last_cr, 2), "\rn");  // "\r" + blanks + "\r" + the next message
  EXPECT_EQ(forced.err.find_first_not_of(' ', forced.err.rfind('\r', last_cr - 1) + 1), last_cr);
  // stderr is a file here, not a terminal: no progress unless forced.
  RunResult quiet = Run("check crawl --fail-on never -o r.json");
  EXPECT_THAT(quiet.err, Not(HasSubstr("\r")));
  RunResult off = Run("check crawl --fail-on never --no-progress -o r.json");
  EXPECT_THAT(off.err, Not(HasSubstr("\r")));
}

}  // namespace
}  // namespace newslint
