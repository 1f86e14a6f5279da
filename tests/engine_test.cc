// Engine: rule selection, severity overrides, options, input/* findings and
// the ordering and location of findings. Config: newslint.toml parsing and
// validation. Pipeline: input order across files, batches and threads.

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/pipeline.h"
#include "lint/registry.h"
#include "reports/json_writer.h"
#include "reports/reporter.h"
#include "tests/rule_test_util.h"
#include "tests/stdin_test_util.h"

namespace newslint {
namespace {

TEST(RuleOptionsTest, StringsWithAndWithoutACopy) {
  const RuleOptions options(std::map<std::string, OptionValue>{
      {"dictionary", std::string("/opt/dicts/en_GB")}, {"min-words", int64_t{7}}});
  EXPECT_EQ(options.GetString("dictionary", "en_US"), "/opt/dicts/en_GB");
  EXPECT_EQ(options.GetStringView("dictionary", "en_US"), "/opt/dicts/en_GB");
  // Unset, or set to another type: the default.
  EXPECT_EQ(options.GetStringView("missing", "en_US"), "en_US");
  EXPECT_EQ(options.GetStringView("min-words", "none"), "none");
  EXPECT_EQ(options.GetString("min-words", "none"), "none");
  // The view is of the options' own text, not of a temporary.
  const std::string_view a = options.GetStringView("dictionary", "");
  const std::string_view b = options.GetStringView("dictionary", "");
  EXPECT_EQ(a.data(), b.data());
}

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kMojibakeLine[] = "It didnâ€™t rain.";        // garbled/mojibake (error)
constexpr char kStrayLine[] = "Prices rose , the board said.";  // garbled/stray-punctuation

std::unique_ptr<Engine> MakeEngine(EngineSettings settings) {
  std::string error;
  auto engine = Engine::Create(std::move(settings), &error);
  EXPECT_NE(engine, nullptr) << error;
  return engine;
}

std::vector<std::string> RuleIds(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const Finding& f : findings) ids.push_back(f.rule);
  return ids;
}

Article MakeArticle(std::string text) {
  Article a;
  a.id = "t";
  a.source = "t.txt";
  a.record = 1;
  a.text = std::move(text);
  return a;
}

TEST(EngineTest, RunsEveryRuleThatIsOnByDefault) {
  auto engine = MakeEngine({});
  std::vector<std::string> ids = engine->active_rule_ids();
  size_t on = 0;
  for (const auto& rule : MakeAllRules()) {
    if (rule->info().on_by_default) {
      ++on;
    } else {
      EXPECT_THAT(ids, ::testing::Not(::testing::Contains(std::string(rule->info().id))));
    }
  }
  EXPECT_EQ(ids.size(), on);
  EXPECT_THAT(ids, ::testing::Contains("garbled/mojibake"));
  EXPECT_THAT(ids, ::testing::Not(::testing::Contains("quality/word-count")));
}

std::vector<std::string> ActiveWith(std::vector<std::string> select,
                                    std::vector<std::string> ignore = {}) {
  EngineSettings settings;
  settings.select = std::move(select);
  settings.ignore = std::move(ignore);
  return MakeEngine(std::move(settings))->active_rule_ids();
}

TEST(EngineTest, ARuleOffByDefaultRunsWhenSelectedOrEnabled) {
  // By family and by id.
  EXPECT_THAT(ActiveWith({"quality"}), ::testing::Contains("quality/word-count"));
  // (input/* rules always run.)
  EXPECT_THAT(ActiveWith({"quality/word-count"}), ::testing::Contains("quality/word-count"));
  // Selecting another family leaves it off; so does ignoring it.
  EXPECT_THAT(ActiveWith({"garbled"}), ::testing::Not(::testing::Contains("quality/word-count")));
  EXPECT_THAT(ActiveWith({"quality"}, {"quality/word-count"}),
              ::testing::Not(::testing::Contains("quality/word-count")));
  // [rules."quality/word-count"] enabled = true in newslint.toml.
  EngineSettings settings;
  settings.config.rules["quality/word-count"].enabled = true;
  std::string error;
  auto engine = Engine::Create(std::move(settings), &error);
  ASSERT_NE(engine, nullptr) << error;
  EXPECT_THAT(engine->active_rule_ids(), ::testing::Contains("quality/word-count"));
}

struct SelectionCase {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> expected;  // rules firing on the two-line article
};

TEST(EngineTest, SelectAndIgnoreTakeIdsAndFamilies) {
  const std::vector<SelectionCase> cases = {
      {{}, {}, {"garbled/mojibake", "garbled/stray-punctuation"}},
      {{"garbled"}, {}, {"garbled/mojibake", "garbled/stray-punctuation"}},
      {{"garbled/mojibake"}, {}, {"garbled/mojibake"}},
      {{"boilerplate"}, {}, {}},
      {{}, {"garbled"}, {}},
      {{"garbled"}, {"garbled/mojibake"}, {"garbled/stray-punctuation"}},
      {{}, {"garbled/stray-punctuation"}, {"garbled/mojibake"}},
  };
  Article article = MakeArticle(std::string(kMojibakeLine) + "\n" + kStrayLine + "\n");
  for (const SelectionCase& c : cases) {
    EngineSettings settings;
    settings.select = c.select;
    settings.ignore = c.ignore;
    auto engine = MakeEngine(settings);
    EXPECT_EQ(RuleIds(engine->Lint(article)), c.expected)
        << "select=" << ::testing::PrintToString(c.select)
        << " ignore=" << ::testing::PrintToString(c.ignore);
  }
}

TEST(EngineTest, FamilyPrefixMustEndAtASlash) {
  std::string error;
  EngineSettings settings;
  settings.select = {"garb"};
  EXPECT_EQ(Engine::Create(settings, &error), nullptr);
  EXPECT_THAT(error, HasSubstr("'garb'"));
}

TEST(EngineTest, InputFindingsSurviveSelectionUnlessIgnoredByName) {
  Article article = MakeArticle("");
  article.AddInputFinding("input/missing-text", "record has no text field");
  EngineSettings only_garbled;
  only_garbled.select = {"garbled"};
  EXPECT_THAT(RuleIds(MakeEngine(only_garbled)->Lint(article)), ElementsAre("input/missing-text"));
  EngineSettings ignore_input;
  ignore_input.ignore = {"input"};
  EXPECT_TRUE(MakeEngine(ignore_input)->Lint(article).empty());
  EngineSettings ignore_one;
  ignore_one.ignore = {"input/missing-text"};
  EXPECT_TRUE(MakeEngine(ignore_one)->Lint(article).empty());
}

TEST(EngineTest, ConfigOverridesSeverityAndDisablesRules) {
  Article article = MakeArticle(std::string(kMojibakeLine) + "\n" + kStrayLine + "\n");
  EngineSettings settings;
  settings.config.rules["garbled/mojibake"].severity = Severity::kInfo;
  settings.config.rules["garbled/stray-punctuation"].enabled = false;
  auto engine = MakeEngine(settings);
  std::vector<Finding> findings = engine->Lint(article);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "garbled/mojibake");
  EXPECT_EQ(findings[0].severity, Severity::kInfo);
  EXPECT_FALSE(engine->IsEnabled("garbled/stray-punctuation"));
}

TEST(EngineTest, FindingsAreSortedAndLocatedInCodePoints) {
  // Line 2 carries mojibake after a two-byte character; line 1 a stray comma.
  Article article = MakeArticle(std::string(kStrayLine) + "\nÉté: didnâ€™t.\n");
  std::vector<Finding> findings = MakeEngine({})->Lint(article);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "garbled/stray-punctuation");
  EXPECT_EQ(findings[0].line, 1);
  EXPECT_EQ(findings[1].rule, "garbled/mojibake");
  EXPECT_EQ(findings[1].line, 2);
  EXPECT_EQ(findings[1].column, 10);  // "Été: didn" is 9 code points, 11 bytes
  EXPECT_EQ(article.text.substr(findings[1].span.start, findings[1].span.size()), "â€™");
  EXPECT_THAT(findings[1].excerpt, HasSubstr("didnâ€™t"));
}

// Findings come out by offset, then rule id, and those equal in both in the
// order they were reported: the order std::stable_sort gives, for a few
// findings (sorted in place) and for many.
TEST(EngineTest, FindingsKeepReportOrderWhereOffsetAndRuleTie) {
  const char* const kRules[] = {"input/read-error", "input/invalid-json"};
  for (size_t count : {2u, 12u, 32u, 33u, 90u}) {
    Article article = MakeArticle(std::string(200, 'x'));
    std::vector<std::pair<size_t, std::string>> reported;  // (offset, rule), in report order
    for (size_t k = 0; k < count; ++k) {
      const size_t offset = (k * 37) % 5;  // out of order, with ties from the 11th on
      const std::string rule = kRules[(k * 5) % 2];
      article.AddInputFinding(rule, "report " + std::to_string(k), Span{offset, offset + 1});
      reported.emplace_back(offset, rule);
    }
    std::vector<size_t> expected(count);
    for (size_t k = 0; k < count; ++k) expected[k] = k;
    std::stable_sort(expected.begin(), expected.end(), [&](size_t a, size_t b) {
      return reported[a] < reported[b];
    });
    const std::vector<Finding> findings = MakeEngine({})->Lint(article);
    ASSERT_EQ(findings.size(), count);
    for (size_t k = 0; k < count; ++k) {
      EXPECT_EQ(findings[k].message, "report " + std::to_string(expected[k]))
          << count << " findings, position " << k;
    }
  }
}

TEST(EngineTest, InputFindingSpansAreClampedToTheText) {
  Article article = MakeArticle("short");
  article.AddInputFinding("input/read-error", "stream broke", Span{3, 999});
  std::vector<Finding> findings = MakeEngine({})->Lint(article);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].span.start, 3u);
  EXPECT_EQ(findings[0].span.end, 5u);
}

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-config-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Loads `toml` as a config file; returns the error ("" on success).
  std::string Load(const std::string& toml, Config* config) {
    fs::path p = dir_ / "newslint.toml";
    std::ofstream(p) << toml;
    if (rules_.empty()) rules_ = MakeAllRules();
    std::string error;
    if (!LoadConfig(p.string(), AllRuleInfos(rules_), config, &error)) return error;
    return "";
  }

  fs::path dir_;
  std::vector<std::unique_ptr<Rule>> rules_;
};

TEST_F(ConfigTest, ReadsLintTableAndRuleTables) {
  Config config;
  ASSERT_EQ(Load("[lint]\nselect = [\"garbled\"]\nignore = [\"garbled/stray-punctuation\"]\n"
                 "fail-on = \"warning\"\n\n[rules.\"garbled/mojibake\"]\nseverity = \"info\"\n"
                 "enabled = false\n",
                 &config),
            "");
  EXPECT_THAT(config.select, ElementsAre("garbled"));
  EXPECT_THAT(config.ignore, ElementsAre("garbled/stray-punctuation"));
  EXPECT_EQ(config.fail_on, "warning");
  ASSERT_TRUE(config.rules.count("garbled/mojibake"));
  EXPECT_EQ(config.rules["garbled/mojibake"].severity, Severity::kInfo);
  EXPECT_EQ(config.rules["garbled/mojibake"].enabled, false);
}

TEST_F(ConfigTest, RejectsMistakesWithTheFileAndTheKey) {
  struct Case {
    std::string toml;
    std::string error_part;
  };
  const std::vector<Case> cases = {
      {"[lint]\nselct = [\"garbled\"]\n", "selct"},
      {"[lint]\nfail-on = \"sometimes\"\n", "fail-on"},
      {"[lint]\nselect = 3\n", "select"},
      {"[rules.\"garbled/nope\"]\nseverity = \"info\"\n", "garbled/nope"},
      {"[rules.\"garbled/mojibake\"]\nseverity = \"fatal\"\n", "severity"},
      {"[rules.\"garbled/mojibake\"]\nenabled = \"no\"\n", "enabled"},
      {"[rules.\"garbled/mojibake\"]\nno-such-option = 1\n", "no-such-option"},
      {"[budgets]\nx = 1\n", "budgets"},
      {"[lint\n", "newslint.toml"},
  };
  for (const Case& c : cases) {
    Config config;
    std::string error = Load(c.toml, &config);
    EXPECT_THAT(error, HasSubstr(c.error_part)) << c.toml;
    EXPECT_THAT(error, HasSubstr("newslint.toml")) << c.toml;
  }
}

TEST_F(ConfigTest, ChecksOptionTypesAgainstTheRule) {
  // Feed every declared option a value of the wrong type.
  rules_ = MakeAllRules();
  int checked = 0;
  for (const auto& rule : rules_) {
    for (const OptionInfo& option : rule->info().options) {
      std::string wrong = option.type == "string" || option.type == "list" ? "1" : "\"text\"";
      Config config;
      std::string error = Load("[rules.\"" + std::string(rule->info().id) + "\"]\n" +
                                   std::string(option.name) + " = " + wrong + "\n",
                               &config);
      EXPECT_THAT(error, HasSubstr(std::string(option.name))) << rule->info().id;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_F(ConfigTest, FoundByWalkingUp) {
  fs::create_directories(dir_ / "a/b/c");
  EXPECT_EQ(FindConfigFile((dir_ / "a/b/c").string()), "");
  std::ofstream(dir_ / "a/newslint.toml") << "";
  EXPECT_EQ(fs::path(FindConfigFile((dir_ / "a/b/c").string())), dir_ / "a/newslint.toml");
}

// Each article's findings as the JSONL report writes them: rule, severity,
// message, span, line, column, excerpt, evidence and fix.
std::string Serialised(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    JsonWriter w(&out);
    WriteFinding(w, f);
    out += "\n";
  }
  return out;
}

// Records what the pipeline hands to reporters.
class RecordingReporter : public Reporter {
 public:
  void Add(const Article& article, const std::vector<Finding>& findings) override {
    seen.push_back(article.source + "#" + std::to_string(article.record) + ":" +
                   std::to_string(findings.size()));
    for (const Finding& f : findings) messages.push_back(f.rule + ": " + f.message);
  }
  void End(const RunInfo&, const Summary& summary) override { articles = summary.articles; }
  std::vector<std::string> seen;
  std::vector<std::string> messages;  // "rule: message" of every finding
  int64_t articles = 0;
};

TEST_F(ConfigTest, PipelineKeepsInputOrderAcrossFilesBatchesAndThreads) {
  std::vector<std::string> files, expected;
  for (int f = 0; f < 3; ++f) {
    fs::path p = dir_ / ("part-" + std::to_string(f) + ".jsonl");
    std::ofstream out(p);
    for (int r = 1; r <= 7; ++r) {
      bool bad = (f + r) % 3 == 0;
      out << "{\"text\": \"" << (bad ? kMojibakeLine : "Clean.") << "\"}\n";
      expected.push_back(p.string() + "#" + std::to_string(r) + ":" + (bad ? "1" : "0"));
    }
    files.push_back(p.string());
  }
  auto engine = MakeEngine({});
  // Batches of 4 straddle file boundaries; 1 and 7 divide the 21 records
  // evenly (the last batch is full); 32 holds them all in one batch.
  for (size_t batch : {1, 4, 7, 32}) {
    for (int jobs : {1, 2, 5}) {
      PipelineOptions options;
      options.files = files;
      options.jobs = jobs;
      options.batch_articles = batch;
      RecordingReporter reporter;
      Summary summary;
      std::string error;
      ASSERT_TRUE(RunPipeline(options, *engine, {&reporter}, RunInfo{}, &summary, &error))
          << error;
      EXPECT_EQ(reporter.seen, expected) << "jobs=" << jobs << " batch=" << batch;
      EXPECT_EQ(reporter.articles, 21);
      EXPECT_EQ(summary.articles, 21);
      EXPECT_EQ(summary.files, 3);
    }
  }
}

// The dataset rules' first pass cuts every batch into slices observed on
// the workers and merged in slice order, and reuses its observers from batch
// to batch: duplicate-article must pair the same records, naming the same
// earlier one, whatever the batch size and the number of jobs.
TEST_F(ConfigTest, DatasetPassFindsTheSameDuplicatesForAnyBatchAndJobs) {
  static const char* const kWords[] = {
      "council", "river",  "budget",  "school", "harbour", "minister", "winter", "market",
      "railway", "doctor", "village", "report", "storm",   "farmers",  "court",  "museum",
      "bridge",  "teacher", "airport", "police", "garden", "factory", "league", "voters"};
  // Article k: six sentences of fourteen words drawn by a generator seeded
  // with k, so no two stories share a run of words by chance.
  auto story = [&](uint32_t k) {
    uint32_t x = 2654435761u * (k + 1);
    std::string text;
    for (int s = 0; s < 6; ++s) {
      text += "The";
      for (int w = 0; w < 14; ++w) {
        x = x * 1664525u + 1013904223u;
        text += std::string(" ") + kWords[(x >> 16) % 24];
      }
      text += ". ";
    }
    return text;
  };
  // 40 records; records 23 and 37 repeat record 5's story, record 30
  // repeats record 12's.
  fs::path p = dir_ / "stories.jsonl";
  {
    std::ofstream out(p);
    for (uint32_t r = 1; r <= 40; ++r) {
      const uint32_t k = r == 23 ? 5 : r == 37 ? 5 : r == 30 ? 12 : r;
      out << "{\"id\": \"s" << r << "\", \"text\": \"" << story(k) << "\"}\n";
    }
  }
  // The later copy is flagged, naming the first record with the story.
  auto copy_of = [&](int r) {
    return "dataset/duplicate-article: the story is a copy of record s" + std::to_string(r) + " (" +
           p.string() + "#" + std::to_string(r) + "): the same words in the same order";
  };
  const std::vector<std::string> expected = {copy_of(5), copy_of(12), copy_of(5)};
  auto engine = MakeEngine({});
  for (size_t batch : {size_t{64}, size_t{1}, size_t{3}, size_t{7}}) {
    for (int jobs : {1, 2, 5}) {
      PipelineOptions options;
      options.files = {p.string()};
      options.jobs = jobs;
      options.batch_articles = batch;
      RecordingReporter reporter;
      Summary summary;
      std::string error;
      ASSERT_TRUE(RunPipeline(options, *engine, {&reporter}, RunInfo{}, &summary, &error)) << error;
      std::vector<std::string> duplicates;
      for (const std::string& m : reporter.messages) {
        if (m.starts_with("dataset/duplicate-article")) duplicates.push_back(m);
      }
      EXPECT_EQ(duplicates, expected) << "jobs=" << jobs << " batch=" << batch;
    }
  }
}

// Records each article's findings as the JSONL report writes them, and can
// run a step when the reporting begins (after a lint-once run's lint pass,
// before its second read).
class SerialisingReporter : public Reporter {
 public:
  void Begin(const RunInfo&) override {
    if (on_begin) on_begin();
  }
  void Add(const Article& article, const std::vector<Finding>& findings) override {
    articles.push_back(article.source + "#" + std::to_string(article.record) + "\n" +
                       Serialised(findings));
  }
  void End(const RunInfo&, const Summary&) override {}
  std::function<void()> on_begin;
  std::vector<std::string> articles;
};

// What a pipeline run over `files` reports, each article serialised (the
// run must succeed).
std::vector<std::string> SerialisedRun(const Engine& engine, std::vector<std::string> files, int jobs,
                                       size_t batch_articles, bool lint_once) {
  PipelineOptions options;
  options.files = std::move(files);
  options.jobs = jobs;
  options.batch_articles = batch_articles;
  options.lint_once = lint_once;
  SerialisingReporter reporter;
  Summary summary;
  std::string error;
  EXPECT_TRUE(RunPipeline(options, engine, {&reporter}, RunInfo{}, &summary, &error)) << error;
  return reporter.articles;
}

// The fixtures as files (sorted), which hold findings of every dataset rule.
std::vector<std::string> FixtureFiles() {
  std::vector<std::string> files;
  const fs::path root = fs::path(NEWSLINT_SOURCE_DIR) / "fixtures";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".txt" || ext == ".jsonl" || ext == ".html")) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every JSONL fixture in one file in `dir` (dataset rules find copies,
// template lines and missing fields there).
fs::path AllJsonlFixtures(const fs::path& dir) {
  const fs::path path = dir / "all.jsonl";
  std::ofstream out(path, std::ios::binary);
  for (const std::string& f : FixtureFiles()) {
    if (fs::path(f).extension() != ".jsonl") continue;
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!bytes.empty() && bytes.back() != '\n') bytes += '\n';
    out << bytes;
  }
  return path;
}

// `articles` with every mention of `path` as "-", as from stdin.
std::vector<std::string> AsFromStdin(std::vector<std::string> articles, const std::string& path) {
  for (std::string& a : articles) {
    for (size_t at; (at = a.find(path)) != std::string::npos;) a.replace(at, path.size(), "-");
  }
  return articles;
}

// A run that lints each article once (the findings kept in a spill file until
// the dataset rules' statistics are ready, then merged with theirs) reports
// what a run with a first pass for the statistics reports: the same findings, every field, in
// the same order, whatever the batches and jobs; also for texts cut at
// --max-text-bytes and for a file that cannot be opened.
TEST_F(ConfigTest, LintingOnceReportsWhatAFirstPassReports) {
  std::vector<std::string> files = FixtureFiles();
  ASSERT_GT(files.size(), 50u);
  files.insert(files.begin() + 3, (dir_ / "missing.jsonl").string());
  EngineSettings cut;
  cut.max_text_bytes = 1500;
  for (const EngineSettings& settings : {EngineSettings{}, cut}) {
    auto engine = MakeEngine(settings);
    auto run = [&](bool lint_once, int jobs, size_t batch) {
      return SerialisedRun(*engine, files, jobs, batch, lint_once);
    };
    const std::vector<std::string> twice = run(false, 1, 1024);
    ASSERT_GT(twice.size(), 100u);
    std::string all;
    for (const std::string& a : twice) all += a;
    for (const char* id : {"dataset/duplicate-article", "boilerplate/template-line",
                           "metadata/missing-field", "input/read-error"}) {
      EXPECT_NE(all.find(id), std::string::npos) << id;  // the comparison covers them
    }
    EXPECT_EQ(all.find("input/text-too-long") != std::string::npos, settings.max_text_bytes == 1500);
    for (auto [jobs, batch] : {std::pair{1, size_t{1024}}, {2, size_t{5}}, {5, size_t{1}},
                               {3, size_t{64}}}) {
      const std::vector<std::string> once = run(true, jobs, batch);
      ASSERT_EQ(once.size(), twice.size()) << jobs << " " << batch;
      for (size_t i = 0; i < twice.size(); ++i) {
        ASSERT_EQ(once[i], twice[i]) << "jobs=" << jobs << " batch=" << batch << " article " << i;
      }
    }
  }
}

// Stdin with dataset rules on: the run copies stdin from a pipe to a
// temporary file first, or reads stdin that is a regular file again as it
// is, and every pass reads that; so stdin gets the findings the same records
// get in a file (their source "-" instead of the file's name), whether the
// run lints once or makes a first pass, with one job or several, and
// compressed as through the pipe.
TEST_F(ConfigTest, DatasetRulesJudgeStdinAsTheyJudgeAFile) {
  const fs::path input = AllJsonlFixtures(dir_);
  const fs::path compressed = dir_ / "all.jsonl.zst";
  ASSERT_EQ(std::system(("zstd -q -f '" + input.string() + "' -o '" + compressed.string() + "'").c_str()), 0);
  auto engine = MakeEngine({});
  auto run = [&](const std::string& path, bool lint_once, int jobs) {
    // Batches of 7: the input is read over many batches.
    return SerialisedRun(*engine, {path}, jobs, 7, lint_once);
  };
  const std::vector<std::string> expected = AsFromStdin(run(input.string(), true, 1), input.string());
  ASSERT_GT(expected.size(), 30u);
  std::string all;
  for (const std::string& a : expected) all += a;
  for (const char* id : {"dataset/duplicate-article", "boilerplate/template-line",
                         "metadata/missing-field"}) {
    EXPECT_NE(all.find(id), std::string::npos) << id;  // the comparison covers them
  }
  std::string bytes;
  {
    std::ifstream in(input, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::string zstd_bytes;
  {
    std::ifstream in(compressed, std::ios::binary);
    zstd_bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Through a pipe (copied to a temporary file first) and as a regular file
  // (read again as it is).
  struct Case {
    const std::string* piped;  // null: the file `input` itself
    bool lint_once;
    int jobs;
  };
  for (const Case& c : {Case{&bytes, true, 1}, Case{&bytes, true, 2}, Case{&bytes, false, 2},
                        Case{&zstd_bytes, true, 3}, Case{nullptr, true, 2}, Case{nullptr, false, 1}}) {
    const std::string what = std::string(c.piped == &zstd_bytes ? "zstd pipe" : c.piped ? "pipe" : "file") +
                             " lint_once=" + std::to_string(c.lint_once) + " jobs=" + std::to_string(c.jobs);
    std::vector<std::string> got;
    std::string note;
    {
      std::optional<PipeOf> pipe;
      int fd = -1;
      if (c.piped) {
        pipe.emplace(*c.piped);
        fd = pipe->read_end();
      } else {
        fd = open(input.c_str(), O_RDONLY);
      }
      ASSERT_GE(fd, 0);
      {
        StdinFrom from(fd);
        ASSERT_TRUE(from.ok());
        testing::internal::CaptureStderr();
        got = run("-", c.lint_once, c.jobs);
        note = testing::internal::GetCapturedStderr();
      }
      if (!c.piped) close(fd);
    }
    EXPECT_EQ(note, "") << what;  // no "skipped" note
    ASSERT_EQ(got.size(), expected.size()) << what;
    for (size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(got[i], expected[i]) << what << " article " << i;
    }
  }
}

// A copy of stdin from a pipe that cannot be written (the disk of $TMPDIR
// full, here a file size limit) does not fail the run: stdin is read once,
// what the copy holds and then the rest, and the dataset rules stay silent,
// as they were on stdin before it was copied; two notes say why.
TEST_F(ConfigTest, StdinThatCannotBeCopiedIsReadOnceWithoutTheDatasetRules) {
  // The clean-news fixtures as records, repeated to 3 MB: past what the
  // copy can hold under the limit below (256 KB) and what it reads at once
  // (1 MiB), so that stdin read twice would come back short; while the
  // spill of so clean a text (no findings but the dataset rules' memos)
  // stays under the limit, so that the run could have linted once.
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(fs::path(NEWSLINT_SOURCE_DIR) / "fixtures" / "clean")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string text;
    for (std::string line; std::getline(in, line);) {
      if (!line.starts_with("#!")) text += line + "\n";
    }
    texts.push_back(text);
  }
  std::sort(texts.begin(), texts.end());
  ASSERT_GT(texts.size(), 10u);
  std::string bytes;
  for (int k = 0; bytes.size() < (size_t{3} << 20); ++k) {
    for (const std::string& text : texts) {
      bytes += "{\"id\": \"c" + std::to_string(k) + "-" + std::to_string(bytes.size()) + "\", \"text\": ";
      AppendJsonString(&bytes, text);
      bytes += "}\n";
    }
  }
  const fs::path input = dir_ / "repeated.jsonl";
  std::ofstream(input, std::ios::binary) << bytes;
  EngineSettings without;
  without.ignore = {"boilerplate/template-line", "dataset/duplicate-article", "metadata/missing-field"};
  const std::vector<std::string> expected =
      AsFromStdin(SerialisedRun(*MakeEngine(without), {input.string()}, 2, 7, true), input.string());
  auto engine = MakeEngine({});
  // The comparison covers a dataset rule's finding that the silence removes.
  std::string with;
  for (const std::string& a : SerialisedRun(*engine, {input.string()}, 2, 7, true)) with += a;
  ASSERT_NE(with.find("dataset/duplicate-article"), std::string::npos);

  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &limit), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> got;
  std::string note;
  {
    PipeOf pipe(bytes);
    StdinFrom from(pipe.read_end());
    ASSERT_TRUE(from.ok());
    rlimit small = limit;
    small.rlim_cur = 256 << 10;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    testing::internal::CaptureStderr();
    got = SerialisedRun(*engine, {"-"}, 2, 7, true);
    note = testing::internal::GetCapturedStderr();
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  std::signal(SIGXFSZ, old_handler);
  EXPECT_THAT(note, HasSubstr("cannot write the temporary copy of stdin"));
  EXPECT_THAT(note, HasSubstr("dataset/duplicate-article"));
  EXPECT_THAT(note, HasSubstr("skipped"));
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(got[i], expected[i]) << "article " << i;
}

// A spill that cannot be written (the disk of $TMPDIR full, here a file
// size limit) does not fail the run: nothing is reported yet, so it starts
// over with a first pass for the statistics and reports the same findings.
TEST_F(ConfigTest, LintingOnceFallsBackToAFirstPassWhenTheSpillCannotBeWritten) {
  const std::vector<std::string> files = FixtureFiles();
  auto engine = MakeEngine({});
  auto run = [&](bool lint_once, bool* ok) {
    PipelineOptions options;
    options.files = files;
    options.lint_once = lint_once;
    SerialisingReporter reporter;
    Summary summary;
    std::string error;
    *ok = RunPipeline(options, *engine, {&reporter}, RunInfo{}, &summary, &error);
    EXPECT_EQ(error, "");
    EXPECT_EQ(summary.failure, "");
    return reporter.articles;
  };
  bool ok = false;
  const std::vector<std::string> expected = run(false, &ok);
  ASSERT_TRUE(ok);
  // Writes past 16 KB fail with EFBIG (the signal the kernel sends with it
  // ignored); the fixtures' spill is some hundreds of kilobytes.
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 16 << 10;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  testing::internal::CaptureStderr();
  const std::vector<std::string> got = run(true, &ok);
  const std::string note = testing::internal::GetCapturedStderr();
  setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(ok);
  // The spill did fail (this is the fallback, not a lint-once run).
  EXPECT_THAT(note, HasSubstr("cannot write the temporary file"));
  EXPECT_THAT(note, HasSubstr("linting again after a first pass instead"));
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(got[i], expected[i]) << i;
}

// A lint-once run reads its input a second time to report: an input that
// changed in between (records added, or one rewritten) fails the run with a
// message that says so, rather than pairing findings with the wrong record.
TEST_F(ConfigTest, LintingOnceFailsWhenTheInputChangesBetweenItsReads) {
  const fs::path p = dir_ / "growing.jsonl";
  auto write = [&](int records, const std::string& last) {
    std::ofstream out(p);
    for (int r = 1; r < records; ++r) out << "{\"text\": \"Record " << r << " of the file.\"}\n";
    out << "{\"text\": \"" << last << "\"}\n";
  };
  auto engine = MakeEngine({});
  for (const std::function<void()>& change :
       {std::function<void()>([&] { write(6, "The last record."); }),  // one more
        std::function<void()>([&] { write(5, "The last record, longer now."); }),
        std::function<void()>([&] { write(4, "The last record."); })}) {  // one fewer
    write(5, "The last record.");
    PipelineOptions options;
    options.files = {p.string()};
    SerialisingReporter reporter;
    reporter.on_begin = change;
    Summary summary;
    std::string error;
    EXPECT_FALSE(RunPipeline(options, *engine, {&reporter}, RunInfo{}, &summary, &error));
    EXPECT_THAT(error, HasSubstr("an input changed while it was read"));
    EXPECT_EQ(summary.failure, error);
  }
  // Unchanged, the same file is reported in full.
  write(5, "The last record.");
  PipelineOptions options;
  options.files = {p.string()};
  SerialisingReporter reporter;
  Summary summary;
  std::string error;
  EXPECT_TRUE(RunPipeline(options, *engine, {&reporter}, RunInfo{}, &summary, &error)) << error;
  EXPECT_EQ(reporter.articles.size(), 5u);
}

// A file that cannot be opened once the run has started (gone since the
// folder was listed, no permission) is one record with input/read-error
// naming it; the files around it are linted as usual.
TEST_F(ConfigTest, PipelineReportsAFileItCannotOpenAndGoesOn) {
  std::ofstream(dir_ / "a.jsonl") << "{\"id\": \"a\", \"text\": \"Prices rose.\"}\n";
  std::ofstream(dir_ / "c.jsonl") << "{\"id\": \"c\", \"text\": \"Prices fell.\"}\n";
  PipelineOptions options;
  options.files = {(dir_ / "a.jsonl").string(), (dir_ / "missing.jsonl").string(),
                   (dir_ / "c.jsonl").string()};
  RecordingReporter reporter;
  Summary summary;
  std::string error;
  ASSERT_TRUE(RunPipeline(options, *MakeEngine({}), {&reporter}, RunInfo{}, &summary, &error))
      << error;
  EXPECT_EQ(reporter.articles, 3);
  const std::string missing = (dir_ / "missing.jsonl").string();
  EXPECT_EQ(reporter.seen, (std::vector<std::string>{(dir_ / "a.jsonl").string() + "#1:0",
                                                     missing + "#1:1",
                                                     (dir_ / "c.jsonl").string() + "#1:0"}));
  ASSERT_EQ(reporter.messages.size(), 1u);
  EXPECT_EQ(reporter.messages[0],
            "input/read-error: cannot read '" + missing + "': No such file or directory");
}


// LintBatch runs the rules rule by rule over its articles; every article
// must still get exactly the findings Lint gives it alone, in the same
// order: no rule may carry state from one article to the next, and no
// finding may land in another article's list.
TEST(EngineTest, LintBatchGivesEachArticleWhatLintGivesIt) {
  std::vector<Article> articles = FixtureArticles();
  ASSERT_GT(articles.size(), 100u);
  articles.push_back(MakeArticle(""));
  articles.back().AddInputFinding("input/missing-text", "no text");
  EngineSettings every_family;
  every_family.select = {"attribution", "boilerplate", "dataset", "garbled", "links", "metadata",
                         "quality", "input"};
  for (EngineSettings settings : {EngineSettings{}, every_family}) {
    auto engine = MakeEngine(settings);
    std::vector<std::string> alone;
    for (const Article& a : articles) alone.push_back(Serialised(engine->Lint(a)));
    size_t with_findings = 0;
    for (const std::string& s : alone) with_findings += !s.empty();
    EXPECT_GT(with_findings, 100u);  // the comparison below is not of empty lists
    // Stale findings in the lists: LintBatch replaces them.
    const size_t stale = static_cast<size_t>(
        std::find_if(alone.begin(), alone.end(), [](const std::string& s) { return !s.empty(); }) -
        alone.begin());
    for (size_t chunk : {size_t{1}, size_t{7}, articles.size()}) {
      std::vector<std::vector<Finding>> batch(articles.size(), engine->Lint(articles[stale]));
      for (size_t i = 0; i < articles.size(); i += chunk) {
        const size_t n = std::min(chunk, articles.size() - i);
        engine->LintBatch(&articles[i], n, &batch[i]);
      }
      for (size_t i = 0; i < articles.size(); ++i) {
        ASSERT_EQ(Serialised(batch[i]), alone[i])
            << "chunks of " << chunk << ", article " << i << " (" << articles[i].id << ")";
      }
    }
  }
}

// --max-text-bytes: where LintedLength cuts. The limit here is 160 bytes,
// so 10 lines.
TEST(LintedLengthTest, CutsAfterTheLastLineWithinBothLimits) {
  auto lines = [](size_t n, size_t width) {  // n lines of `width` bytes, "\n" included
    std::string out;
    for (size_t i = 0; i < n; ++i) out += std::string(width - 1, 'a' + i % 26) + "\n";
    return out;
  };
  EXPECT_EQ(LintedLength(lines(100, 30), 0), 3000u);  // 0: no limit
  EXPECT_EQ(LintedLength(lines(5, 30), 160), 150u);    // within both
  EXPECT_EQ(LintedLength(lines(10, 16), 160), 160u);   // exactly 10 lines, exactly 160 bytes
  EXPECT_EQ(LintedLength(lines(10, 16) + "b", 160), 160u);  // an 11th line: cut before it
  EXPECT_EQ(LintedLength(lines(7, 30), 160), 150u);    // bytes: the line ending at 149 is the last within
  EXPECT_EQ(LintedLength(lines(7, 30).substr(0, 209), 160), 150u);  // without the final "\n"
  EXPECT_EQ(LintedLength(lines(40, 4), 160), 40u);     // lines: ten of them
  EXPECT_EQ(LintedLength(lines(40, 4), 161), 40u);     // 161 / 16 is still 10
  EXPECT_EQ(LintedLength(std::string(300, '\n'), 160), 10u);  // blank lines
  // One line longer than the limit: cut where a code point starts.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\u00E9";  // é: lead byte at even offsets
  EXPECT_EQ(LintedLength(accents, 161), 160u);
  EXPECT_EQ(LintedLength(accents, 160), 160u);
  EXPECT_EQ(LintedLength(std::string(200, 'x'), 160), 160u);
  // Continuation bytes only (invalid UTF-8): no code point starts; cut at the limit.
  EXPECT_EQ(LintedLength(std::string(200, '\x80'), 161), 161u);
}

// LintedPart: the article itself when nothing is cut; else a copy with the
// metadata, the cut text, the DOM blocks of the kept lines and the links not
// on a later line (line 0: not known, kept).
TEST(LintedLengthTest, LintedPartKeepsWhatBelongsToTheKeptLines) {
  Article article = MakeArticle(std::string(100, 'a') + "\n" + std::string(50, 'b') + "\n" +
                                std::string(100, 'c') + "\n");
  article.url = "https://news.example/a";
  article.title = "Title";
  article.site = "news.example";
  article.raw_html = "<p>page</p>";
  for (int line = 1; line <= 3; ++line) {
    article.blocks.push_back({"html>body>p" + std::to_string(line), {}});
  }
  for (int64_t line : {0, 1, 2, 3}) {
    article.links.push_back({"https://x.example/" + std::to_string(line), "x", line,
                             LinkRegion::kBody});
  }
  Article storage;
  EXPECT_EQ(&LintedPart(article, 0, &storage), &article);
  EXPECT_EQ(&LintedPart(article, 4096, &storage), &article);
  const Article& part = LintedPart(article, 200, &storage);  // two lines: 152 bytes
  ASSERT_EQ(&part, &storage);
  EXPECT_EQ(part.text, article.text.substr(0, 152));
  EXPECT_EQ(part.id, article.id);
  EXPECT_EQ(part.url, article.url);
  EXPECT_EQ(part.title, article.title);
  EXPECT_EQ(part.site, article.site);
  EXPECT_EQ(part.record, article.record);
  EXPECT_TRUE(part.raw_html.empty());
  ASSERT_EQ(part.blocks.size(), 2u);
  EXPECT_EQ(part.blocks[1].tag_path, "html>body>p2");
  std::vector<int64_t> link_lines;
  for (const Link& l : part.links) link_lines.push_back(l.line);
  EXPECT_THAT(link_lines, ElementsAre(0, 1, 2));
}

// A text over --max-text-bytes: the rules lint it up to the cut, exactly as
// they lint that part alone, and the rest is one input/text-too-long finding
// located in the whole text.
TEST(EngineTest, ATextOverMaxTextBytesIsLintedUpToTheCut) {
  std::string text = std::string(kStrayLine) + "\n\n";
  for (int i = 1; text.size() < 3900; ++i) {
    text += "Paragraph " + std::to_string(i) + " of the council minutes records who voted.\n\n";
  }
  const size_t cut = text.size();  // under 4096 bytes, 256 lines
  text += "Été: " + std::string(4000, 'x') + "\n\n" + kMojibakeLine + "\n";
  Article article = MakeArticle(text);
  // An input finding past the cut is located in the whole text too.
  const size_t invalid = text.find("didn");
  article.AddInputFinding("input/invalid-utf8", "not UTF-8", Span{invalid, invalid + 1});

  EngineSettings limited;
  limited.max_text_bytes = 4096;
  ASSERT_EQ(LintedLength(text, 4096), cut);
  const std::vector<Finding> findings = MakeEngine(limited)->Lint(article);
  std::vector<Finding> rules_only;
  const Finding* too_long = nullptr;
  const Finding* utf8 = nullptr;
  for (const Finding& f : findings) {
    if (f.rule == "input/text-too-long") {
      too_long = &f;
    } else if (f.rule == "input/invalid-utf8") {
      utf8 = &f;
    } else {
      rules_only.push_back(f);
    }
  }
  const std::vector<Finding> part = MakeEngine({})->Lint(MakeArticle(text.substr(0, cut)));
  EXPECT_EQ(Serialised(rules_only), Serialised(part));
  EXPECT_THAT(RuleIds(part), ::testing::Contains("garbled/stray-punctuation"));
  EXPECT_THAT(RuleIds(findings), ::testing::Not(::testing::Contains("garbled/mojibake")));

  ASSERT_NE(too_long, nullptr);
  EXPECT_EQ(too_long->severity, Severity::kWarning);
  EXPECT_EQ(too_long->span.start, cut);
  EXPECT_EQ(too_long->span.end, text.size());
  const int64_t cut_line = 1 + std::count(text.begin(), text.begin() + cut, '\n');
  EXPECT_EQ(too_long->line, cut_line);
  EXPECT_EQ(too_long->column, 1);
  EXPECT_THAT(too_long->excerpt, ::testing::StartsWith("Été: xxx"));
  EXPECT_THAT(too_long->message, HasSubstr("linted its first " + std::to_string(cut) + " bytes"));
  ASSERT_NE(utf8, nullptr);
  EXPECT_EQ(utf8->line, cut_line + 2);
  EXPECT_EQ(utf8->column, 4);  // after "It ", 3 code points
  EXPECT_THAT(utf8->excerpt, ::testing::StartsWith("didn"));

  // Ignored, the finding goes; the cut stays. Severity follows the config.
  EngineSettings quiet = limited;
  quiet.ignore = {"input/text-too-long"};
  EXPECT_THAT(RuleIds(MakeEngine(quiet)->Lint(article)),
              ::testing::Not(::testing::AnyOf(::testing::Contains("input/text-too-long"),
                                   ::testing::Contains("garbled/mojibake"))));
  EngineSettings strict = limited;
  strict.config.rules["input/text-too-long"].severity = Severity::kError;
  for (const Finding& f : MakeEngine(strict)->Lint(article)) {
    if (f.rule == "input/text-too-long") EXPECT_EQ(f.severity, Severity::kError);
  }
  // Without the limit the whole text is linted.
  EngineSettings unlimited;
  unlimited.max_text_bytes = 0;
  EXPECT_THAT(RuleIds(MakeEngine(unlimited)->Lint(article)),
              ::testing::AllOf(::testing::Contains("garbled/mojibake"),
                               ::testing::Not(::testing::Contains("input/text-too-long"))));
}

// A rule's findings on one article stop at kMaxFindingsPerRule, in report
// order; Finish() adds one finding that counts the rest, at the first left
// out, with the rule's id and severity.
TEST(FindingSinkTest, KeepsTheFirstThousandAndCountsTheRest) {
  constexpr size_t kMax = FindingSink::kMaxFindingsPerRule;
  for (size_t reports : {kMax - 1, kMax, kMax + 1, kMax + 250}) {
    std::vector<Finding> out;
    FindingSink sink("garbled/example", Severity::kInfo, &out);
    for (size_t i = 0; i < reports; ++i) sink.Report(Span{i * 2, i * 2 + 1}, "n" + std::to_string(i));
    sink.Finish();
    const size_t kept = std::min(reports, kMax);
    ASSERT_EQ(out.size(), kept + (reports > kMax ? 1 : 0)) << reports;
    for (size_t i = 0; i < kept; ++i) EXPECT_EQ(out[i].message, "n" + std::to_string(i));
    if (reports <= kMax) continue;
    const Finding& more = out.back();
    EXPECT_EQ(more.rule, "garbled/example");
    EXPECT_EQ(more.severity, Severity::kInfo);
    EXPECT_EQ(more.span.start, kMax * 2);
    EXPECT_THAT(more.message, ::testing::StartsWith(std::to_string(reports - kMax) + " more"));
    EXPECT_EQ(std::get<int64_t>(more.evidence[0].second), static_cast<int64_t>(reports - kMax));
  }
}

// Through the engine: a paragraph of 1,500 unclosed quotations is 1,000
// garbled/unbalanced-quotes findings and one for the other 500.
TEST(EngineTest, ARulesFindingsOnOneArticleAreCapped) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "He wrote \u201Cnothing. ";
  text += "\n\nThe council met on Monday and agreed the budget for next year.\n";
  EngineSettings settings;
  settings.select = {"garbled/unbalanced-quotes"};
  const std::vector<Finding> findings = MakeEngine(settings)->Lint(MakeArticle(text));
  ASSERT_EQ(findings.size(), FindingSink::kMaxFindingsPerRule + 1);
  size_t notes = 0;
  for (const Finding& f : findings) {
    EXPECT_EQ(f.rule, "garbled/unbalanced-quotes");
    if (f.message.find("not reported") != std::string::npos) {
      ++notes;
      EXPECT_THAT(f.message, ::testing::StartsWith("500 more findings"));
    }
  }
  EXPECT_EQ(notes, 1u);
}

// --timings counts calls per article, however many articles a LintBatch
// call takes: the engine's row as the rules' rows.
TEST(EngineTest, TimingsCountEachArticleOfABatchAsACall) {
  auto engine = MakeEngine({});
  RuleTimings timings;
  engine->set_timings(&timings);
  std::vector<Article> articles = {MakeArticle(kMojibakeLine), MakeArticle(kStrayLine),
                                   MakeArticle("The board met on Monday.")};
  std::vector<std::vector<Finding>> findings(articles.size());
  engine->LintBatch(articles.data(), articles.size(), findings.data());
  engine->Lint(articles[0]);
  engine->set_timings(nullptr);
  size_t rows = 0;
  for (const RuleTimings::Entry& e : timings.Entries()) {
    if (e.name.starts_with("view: ")) continue;  // built once per article or less
    EXPECT_EQ(e.calls, 4u) << e.name;
    ++rows;
  }
  EXPECT_GT(rows, 20u);  // the engine's row and the rules'
}

std::vector<Article> ArticlesOfSizes(const std::vector<size_t>& sizes) {
  std::vector<Article> out;
  for (size_t n : sizes) out.push_back(MakeArticle(std::string(n, 'x')));
  return out;
}

// The chunks cover the batch in order, each non-empty.
void ExpectCover(const std::vector<size_t>& starts, size_t n) {
  ASSERT_GE(starts.size(), 1u);
  EXPECT_EQ(starts.front(), 0u);
  EXPECT_EQ(starts.back(), n);
  for (size_t c = 0; c + 1 < starts.size(); ++c) EXPECT_LT(starts[c], starts[c + 1]) << c;
}

TEST(LintChunksTest, OneJobTakesChunksOfTheLimitInOrder) {
  EXPECT_EQ(LintChunks({}, 1), std::vector<size_t>{0});
  const std::vector<Article> batch = ArticlesOfSizes(std::vector<size_t>(600, 100));
  EXPECT_EQ(LintChunks(batch, 1, 256, 1 << 20), (std::vector<size_t>{0, 256, 512, 600}));
  EXPECT_EQ(LintChunks(batch, 1, 1, 1 << 20).size(), 601u);
}

TEST(LintChunksTest, AChunkStaysWithinTheBytesUnlessOneArticleIsLarger) {
  // 400 + 400 fit in 1000, a third does not; 5000 is alone.
  const std::vector<Article> batch = ArticlesOfSizes({400, 400, 400, 5000, 100, 100});
  EXPECT_EQ(LintChunks(batch, 1, 256, 1000), (std::vector<size_t>{0, 2, 3, 4, 6}));
  // The bytes counted are the text and the record still to decode.
  std::vector<Article> undecoded = ArticlesOfSizes({0, 0, 0});
  for (Article& a : undecoded) a.undecoded.assign(600, 'y');
  EXPECT_EQ(LintChunks(undecoded, 1, 256, 1000), (std::vector<size_t>{0, 1, 2, 3}));
}

TEST(LintChunksTest, SeveralJobsGetChunksThatShrinkTowardsTheEnd) {
  const size_t n = 1024;
  const std::vector<Article> batch = ArticlesOfSizes(std::vector<size_t>(n, 10));
  for (int jobs : {2, 3, 8}) {
    const std::vector<size_t> starts = LintChunks(batch, jobs, 256, 1 << 20);
    ExpectCover(starts, n);
    for (size_t c = 0; c + 1 < starts.size(); ++c) {
      const size_t size = starts[c + 1] - starts[c];
      const size_t left = n - starts[c];
      EXPECT_LE(size, std::max<size_t>(1, left / (2 * jobs))) << "jobs " << jobs << ", chunk " << c;
    }
    // The first chunk is as large as the balance allows; the last ones hold
    // one article each.
    EXPECT_EQ(starts[1], std::min<size_t>(256, n / (2 * jobs)));
    EXPECT_EQ(starts[starts.size() - 1] - starts[starts.size() - 2], 1u);
    EXPECT_EQ(starts[starts.size() - 2] - starts[starts.size() - 3], 1u);
  }
}

}  // namespace
}  // namespace newslint
