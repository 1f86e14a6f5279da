// boilerplate/template-line: the dataset pass, thresholds, keying,
// normalisation, dedupe, the memory cap and parallel merging.

#include <gtest/gtest.h>

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/dataset_pass.h"
#include "lint/engine.h"
#include "lint/readers/reader.h"
#include "rules/boilerplate/template_line.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;
constexpr const char* kRule = "boilerplate/template-line";

struct Record {
  std::string url;  // "" for none: keyed by the file
  std::string text;
};

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// A unique story paragraph (prose: 12+ words and a full stop).
std::string Story(int i) {
  return "The council approved plan number " + std::to_string(i) +
         " on Tuesday after a long debate about its cost and the timetable for the work.";
}

class TemplateLineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-tmpl-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::vector<Record>& records) {
    std::string path = (fs::path(dir_) / name).string();
    std::ofstream out(path, std::ios::binary);
    for (const Record& r : records) {
      out << "{";
      if (!r.url.empty()) out << "\"url\": " << JsonString(r.url) << ", ";
      out << "\"text\": " << JsonString(r.text) << "}\n";
    }
    return path;
  }

  // Runs the dataset pass over `files` and lints every record; findings of
  // the rule, per record, as "LINE articles/site_articles".
  std::vector<std::vector<std::string>> Run(const std::vector<std::string>& files,
                                            std::map<std::string, OptionValue> options = {},
                                            int jobs = 1, size_t batch = 1024) {
    EngineSettings settings;
    settings.select = {kRule};
    settings.config.rules[kRule].options = std::move(options);
    std::string error;
    auto engine = Engine::Create(std::move(settings), &error);
    EXPECT_TRUE(engine) << error;
    PipelineOptions po;
    po.files = files;
    po.jobs = jobs;
    po.batch_articles = batch;
    EXPECT_TRUE(RunDatasetPass(po, engine->dataset_rules(), engine->max_text_bytes(), &error, nullptr)) << error;
    std::vector<std::vector<std::string>> out;
    for (const std::string& file : files) {
      auto reader = OpenReader(file, ReadOptions{}, &error);
      for (Article a; reader && reader->Next(&a);) {
        out.emplace_back();
        for (const Finding& f : engine->Lint(a)) {
          if (f.rule != kRule) continue;
          std::string s = std::to_string(f.line);
          for (const auto& [key, value] : f.evidence) {
            if (key == "articles") s += " " + std::to_string(std::get<int64_t>(value));
            if (key == "site_articles") s += "/" + std::to_string(std::get<int64_t>(value));
          }
          out.back().push_back(s);
        }
      }
    }
    return out;
  }

  // `m` articles of one site; the first `k` end with `line`.
  std::vector<Record> Site(const std::string& host, int m, int k, const std::string& line,
                           int seed = 0) {
    std::vector<Record> records;
    for (int i = 0; i < m; ++i) {
      std::string text = "Headline " + host + " " + std::to_string(seed + i) + "\n" + Story(seed + i);
      if (i < k) text += "\n" + line;
      records.push_back({"https://" + host + "/a/" + std::to_string(i), text});
    }
    return records;
  }

  static int Flagged(const std::vector<std::vector<std::string>>& results) {
    int n = 0;
    for (const auto& r : results) n += static_cast<int>(r.size());
    return n;
  }

  std::string dir_;
};

const std::string kFooter = "Follow the Example Times on social media";

struct ThresholdCase {
  int site_articles, with_line;
  int64_t min_articles;
  double min_share;
  bool flagged;
};

TEST_F(TemplateLineTest, ThresholdsOnArticlesShareAndSiteSize) {
  const ThresholdCase cases[] = {
      {10, 5, 5, 0.3, true},    // 5 articles, 50%
      {10, 4, 5, 0.3, false},   // 4 < min-articles
      {20, 6, 5, 0.3, true},    // share exactly 30%
      {20, 5, 5, 0.3, false},   // 25% < 30%
      {5, 5, 5, 0.3, true},     // the smallest site judged
      {4, 4, 1, 0.3, false},    // site under min-site-articles (5)
      {5, 3, 3, 0.3, true},     // min-articles lowered
      {10, 5, 3, 0.5, true},    // share exactly 50%
      {10, 4, 3, 0.5, false},   // 40% < 50%
      {100, 30, 5, 0.3, true},  // large site at the share edge
      {100, 29, 5, 0.3, false},
  };
  for (const ThresholdCase& c : cases) {
    std::string path = Write("t.jsonl", Site("example-times.test", c.site_articles, c.with_line, kFooter));
    auto results = Run({path}, {{"min-articles", c.min_articles}, {"min-share", c.min_share}});
    ASSERT_EQ(results.size(), static_cast<size_t>(c.site_articles));
    const std::string expect = "3 " + std::to_string(c.with_line) + "/" + std::to_string(c.site_articles);
    for (int i = 0; i < c.site_articles; ++i) {
      SCOPED_TRACE(testing::Message() << "m=" << c.site_articles << " k=" << c.with_line
                                      << " min-articles=" << c.min_articles
                                      << " min-share=" << c.min_share << " record " << i);
      if (c.flagged && i < c.with_line) {
        EXPECT_EQ(results[i], std::vector<std::string>{expect});
      } else {
        EXPECT_TRUE(results[i].empty());
      }
    }
  }
}

TEST_F(TemplateLineTest, MinSiteArticlesOption) {
  std::string path = Write("t.jsonl", Site("small.test", 3, 3, kFooter));
  EXPECT_EQ(Flagged(Run({path}, {{"min-articles", int64_t{3}}})), 0);
  EXPECT_EQ(Flagged(Run({path}, {{"min-articles", int64_t{3}}, {"min-site-articles", int64_t{3}}})), 3);
}

TEST_F(TemplateLineTest, KeyedBySiteElseBySourceFile) {
  // Two sites in one file share a line, 3 articles each: 6 together, but
  // never 5 on one site.
  std::vector<Record> records = Site("one.test", 5, 3, kFooter);
  for (Record& r : Site("two.test", 5, 3, kFooter, 100)) records.push_back(r);
  EXPECT_EQ(Flagged(Run({Write("sites.jsonl", records)})), 0);

  // Without URLs the file is the site: 5 of 5 in one file fire, 3 + 3 across
  // two files do not.
  auto strip = [](std::vector<Record> rs) {
    for (Record& r : rs) r.url.clear();
    return rs;
  };
  EXPECT_EQ(Flagged(Run({Write("a.jsonl", strip(Site("x", 5, 5, kFooter)))})), 5);
  EXPECT_EQ(Flagged(Run({Write("b.jsonl", strip(Site("x", 5, 3, kFooter))),
                         Write("c.jsonl", strip(Site("x", 5, 3, kFooter, 100)))})),
            0);
  // The same host across two files is one site.
  EXPECT_EQ(Flagged(Run({Write("d.jsonl", Site("same.test", 5, 3, kFooter)),
                         Write("e.jsonl", Site("same.test", 5, 3, kFooter, 100))})),
            6);
}

TEST_F(TemplateLineTest, NormalisationFoldsCaseSpaceQuotesAndMarkersButNotDigits) {
  using template_line::LineHash;
  const uint64_t h = LineHash("Follow the Example Times on social media");
  EXPECT_EQ(LineHash("follow the EXAMPLE times on social media"), h);
  EXPECT_EQ(LineHash("  Follow  the Example\tTimes on social\u00a0media  "), h);
  EXPECT_EQ(LineHash("\u2022 Follow the Example Times on social media"), h);
  EXPECT_EQ(LineHash("- Follow the Example Times on social media"), h);
  EXPECT_EQ(LineHash("The \u201cTimes\u201d isn\u2019t"), LineHash("The \"Times\" isn't"));
  EXPECT_NE(LineHash("\u00a9 2024 Example Times"), LineHash("\u00a9 2023 Example Times"));
  EXPECT_NE(LineHash("Follow the Example Times on social media."), h);
  EXPECT_NE(LineHash("Followthe Example Times on social media"), h);

  // Through the rule: variants add up; changing years do not.
  std::vector<Record> records = Site("norm.test", 10, 0, "");
  const char* variants[] = {"Follow the Example Times on social media",
                            "FOLLOW THE EXAMPLE TIMES ON SOCIAL MEDIA",
                            "\u2022 Follow the  Example Times on social media",
                            "follow the example times on social media ",
                            "Follow the Example Times on social media"};
  for (int i = 0; i < 5; ++i) records[i].text += std::string("\n") + variants[i];
  for (int i = 5; i < 10; ++i) {
    records[i].text += "\nCopyright " + std::to_string(2015 + i) + " Example Times";
  }
  auto results = Run({Write("n.jsonl", records)});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(results[i], std::vector<std::string>{"3 5/10"}) << i;
  for (int i = 5; i < 10; ++i) EXPECT_TRUE(results[i].empty()) << i;
}

TEST_F(TemplateLineTest, ALineCountsOncePerArticleAndEveryCopyIsFlagged) {
  std::vector<Record> records = Site("dup.test", 10, 4, kFooter);
  for (int i = 0; i < 4; ++i) records[i].text += "\n" + kFooter;  // twice in 4 articles
  EXPECT_EQ(Flagged(Run({Write("a.jsonl", records)})), 0);         // 4 articles, not 8

  records = Site("dup.test", 10, 5, kFooter);
  for (int i = 0; i < 5; ++i) records[i].text += "\n" + kFooter;
  auto results = Run({Write("b.jsonl", records)});
  EXPECT_EQ(results[0], (std::vector<std::string>{"3 5/10", "4 5/10"}));
}

TEST_F(TemplateLineTest, DuplicateArticlesCountOnce) {
  // The same page crawled six times is one article: its lines are not template.
  std::vector<Record> records(6, Record{"https://dupe.test/a", "Headline\n" + Story(1) + "\n" + kFooter});
  for (Record& r : Site("dupe.test", 4, 0, "", 50)) records.push_back(r);
  EXPECT_EQ(Flagged(Run({Write("d.jsonl", records)})), 0);
}

TEST_F(TemplateLineTest, WhatMustNotCount) {
  // Per article: a short line, a credit line, a sub-heading and a short
  // sentence inside the story, all recurring on every article.
  std::vector<Record> records;
  for (int i = 0; i < 10; ++i) {
    records.push_back({"https://quiet.test/" + std::to_string(i),
                       "Photos\nBy Dana Whitfield\n" + Story(i) + "\nHe said.\nWhat happens next\n" +
                           Story(i + 100) + "\nReporting by Dana Whitfield; Editing by Sam Ortiz\nMore"});
  }
  EXPECT_EQ(Flagged(Run({Write("q.jsonl", records)})), 0);
}

TEST_F(TemplateLineTest, ProseDisclaimerAfterTheStoryIsTemplate) {
  const std::string disclaimer =
      "Opinions expressed by guest contributors do not necessarily reflect the views of the "
      "Example Times.";
  auto results = Run({Write("p.jsonl", Site("legal.test", 6, 6, disclaimer))});
  EXPECT_EQ(Flagged(results), 6);
  EXPECT_EQ(results[0], std::vector<std::string>{"3 6/6"});
}

TEST_F(TemplateLineTest, CountTableEvictsRareEntriesAndKeepsFrequentOnes) {
  template_line::CountTable table(64);
  const uint64_t frequent[] = {11, 22, 33, 44};
  uint64_t unique = 1000;
  for (int article = 0; article < 50; ++article) {
    for (uint64_t k : frequent) table.Add(k);
    for (int j = 0; j < 10; ++j) table.Add(unique++);
    EXPECT_LE(table.size(), 64u);
  }
  for (uint64_t k : frequent) EXPECT_EQ(table.Get(k), 50u) << k;
  EXPECT_GT(table.evictions(), 0u);
  EXPECT_EQ(table.Get(1000), 0u);  // an early unique key is gone
  EXPECT_LE(table.bytes(), 12 * template_line::CountTable::MaxCapacity(64));
  EXPECT_EQ(template_line::CountTable::MaxCapacity(6000000), size_t{1} << 23);  // 96 MiB
}

TEST_F(TemplateLineTest, CountTableUnderCountsNeverOverCounts) {
  // Full of entries seen twice: a new key evicts them (threshold rises) or is
  // dropped, and no count ever exceeds the true one.
  template_line::CountTable table(8);
  for (uint64_t k = 1; k <= 8; ++k) table.Add(k), table.Add(k);
  table.Add(100);
  EXPECT_LE(table.size(), 8u);
  for (uint64_t k = 1; k <= 8; ++k) EXPECT_LE(table.Get(k), 2u);
  EXPECT_LE(table.Get(100), 1u);
}

TEST_F(TemplateLineTest, TinyMaxEntriesStillFindsTheTemplate) {
  std::vector<Record> records = Site("cap.test", 40, 40, kFooter);
  for (int i = 0; i < 40; ++i) {  // plenty of one-off lines to fill the table
    for (int j = 0; j < 6; ++j) records[i].text += "\nOne-off tail line " + std::to_string(i * 10 + j);
  }
  auto results = Run({Write("cap.jsonl", records)}, {{"max-entries", int64_t{32}}});
  EXPECT_EQ(Flagged(results), 40);
  EXPECT_EQ(results[39], std::vector<std::string>{"3 40/40"});
}

TEST_F(TemplateLineTest, ParallelObserversMergeToTheSameCounts) {
  std::vector<Record> records;
  for (int s = 0; s < 3; ++s) {
    const std::string host = "site" + std::to_string(s) + ".test";
    for (Record& r : Site(host, 400, 100 + 60 * s, kFooter, s * 1000)) records.push_back(r);
  }
  for (size_t i = 0; i < records.size(); i += 3) records[i].text += "\nShared tail line of site family";
  std::string path = Write("big.jsonl", records);
  auto one = Run({path}, {}, 1, 37);
  auto four = Run({path}, {}, 4, 37);
  auto capped_one = Run({path}, {{"max-entries", int64_t{200}}}, 1, 37);
  auto capped_four = Run({path}, {{"max-entries", int64_t{200}}}, 4, 37);
  EXPECT_EQ(one, four);
  EXPECT_EQ(capped_one, capped_four);
  EXPECT_GT(Flagged(one), 0);
  EXPECT_EQ(one, Run({path}, {}, 3, 1024));  // batch size does not matter either
}

TEST_F(TemplateLineTest, StdinSkipsThePassAndTheRuleStaysSilent) {
  EngineSettings settings;
  settings.select = {kRule};
  std::string error;
  auto engine = Engine::Create(std::move(settings), &error);
  ASSERT_TRUE(engine);
  ASSERT_EQ(engine->dataset_rules().size(), 1u);
  PipelineOptions po;
  po.files = {"-"};
  std::FILE* note = std::tmpfile();
  ASSERT_TRUE(RunDatasetPass(po, engine->dataset_rules(), engine->max_text_bytes(), &error, note));
  std::rewind(note);
  char buffer[512] = {};
  ASSERT_NE(std::fgets(buffer, sizeof buffer, note), nullptr);
  std::fclose(note);
  EXPECT_NE(std::string(buffer).find("boilerplate/template-line skipped"), std::string::npos) << buffer;
  EXPECT_NE(std::string(buffer).find("stdin"), std::string::npos);

  Article a;
  a.site = "example.test";
  a.text = "Headline\n" + Story(1) + "\n" + kFooter;
  EXPECT_TRUE(engine->Lint(a).empty());
}

TEST_F(TemplateLineTest, SilentWithoutAPassAndWhenDisabled) {
  std::string error;
  auto engine = Engine::Create(EngineSettings{}, &error);
  Article a;
  a.site = "example.test";
  a.text = "Headline\n" + Story(1) + "\n" + kFooter;
  for (const Finding& f : engine->Lint(a)) EXPECT_NE(f.rule, kRule);

  EngineSettings off;
  off.ignore = {kRule};
  auto without = Engine::Create(std::move(off), &error);
  ASSERT_NE(without, nullptr) << error;
  for (const DatasetRuleRun& run : without->dataset_rules()) {
    EXPECT_NE(run.rule->info().id, kRule);
  }
}

// A file that cannot be opened adds nothing to the statistics and does not
// stop the pass: the lint pass reports it as an input/read-error record.
TEST_F(TemplateLineTest, AnUnopenableInputIsSkippedByThePass) {
  EngineSettings settings;
  settings.select = {kRule};
  std::string error;
  auto engine = Engine::Create(std::move(settings), &error);
  PipelineOptions po;
  po.files = {(fs::path(dir_) / "missing.jsonl").string()};
  EXPECT_TRUE(RunDatasetPass(po, engine->dataset_rules(), engine->max_text_bytes(), &error, nullptr));
  EXPECT_TRUE(error.empty()) << error;
}

}  // namespace
}  // namespace newslint
