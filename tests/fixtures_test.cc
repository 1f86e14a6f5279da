// The fixture runner: every fixtures/**/*.{txt,html,jsonl} is one test.
//
// A fixture is an article's text with its expected findings written inline.
// A line starting with "#! " is an annotation, not text: it lists the rule ids
// expected on the nearest preceding text line, one id per expected finding
// ("#! garbled/mojibake garbled/mojibake" means two). A first line starting
// with "#!!" is a note about the file and is ignored. Annotation lines are
// removed before linting, so line numbers are those of the remaining text.
//
// HTML and JSONL fixtures go through the real readers, so they also test what
// a reader makes of a page or a record:
//   *.html   an annotation is a comment `<!--! RULE [RULE...]: SUBSTRING -->`;
//            the findings are expected on the one line of the extracted text
//            that contains SUBSTRING (zero or several such lines is an error).
//   *.jsonl  a record lists its expected findings in an `expect` field, as
//            "LINE RULE" strings; a line that is not a JSON object is
//            expected to yield exactly input/invalid-json (judged by an
//            independent parse here, not by the reader under test).
//            Dataset rules (boilerplate/template-line, dataset/duplicate-
//            article) see the whole file:
//            the dataset pass runs over it before its records are linted,
//            so the records of one file are the dataset. Text and HTML
//            fixtures are one article each and get no dataset pass (their
//            dataset rules stay silent).
//
// The world is closed: every rule in the catalogue runs with its default
// options, or with the newslint.toml of the fixture's own folder if it has one
// (fixtures/links/blocklisted/ names a blocklist that way) (through the Engine, so input/* findings count too), and any finding the fixture does not name fails the test, as does
// any named finding that does not appear, or an annotation naming a rule id
// the catalogue does not know.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/config.h"
#include "lint/dataset_pass.h"
#include "lint/engine.h"
#include "lint/readers/reader.h"
#include "lint/registry.h"
#include "lint/rule.h"

namespace newslint {
namespace {

struct Fixture {
  std::string text;                                 // annotations stripped
  std::vector<std::string> lines;                   // lines of `text`
  std::multiset<std::pair<int64_t, std::string>> expected;  // (1-based line, rule id)
  std::vector<std::string> errors;                  // malformed annotations
};

Fixture ParseFixture(std::string_view content) {
  Fixture f;
  bool first = true;
  int64_t raw_line = 0;
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    ++raw_line;
    if (first && line.starts_with("#!!")) {
      first = false;
      continue;
    }
    first = false;
    if (line.starts_with("#! ") || line == "#!") {
      if (f.lines.empty()) {
        f.errors.push_back("file line " + std::to_string(raw_line) +
                           ": annotation before any text line");
        continue;
      }
      std::istringstream ids{std::string(line.substr(2))};
      std::string id;
      bool any = false;
      while (ids >> id) {
        f.expected.emplace(static_cast<int64_t>(f.lines.size()), id);
        any = true;
      }
      if (!any) f.errors.push_back("file line " + std::to_string(raw_line) + ": empty annotation");
      continue;
    }
    f.lines.emplace_back(line);
  }
  for (size_t i = 0; i < f.lines.size(); ++i) {
    if (i > 0) f.text += '\n';
    f.text += f.lines[i];
  }
  return f;
}

// The engine settings of a fixture: every rule with default options, as
// `newslint check --no-config` would run them, unless the fixture's own
// folder holds a newslint.toml (not looked up further): then that config, as
// `newslint check --config` would read it. Settings only a config can give,
// such as [links] blocklists, are tested this way.
EngineSettings SettingsForFixture(const std::string& path, std::string* error) {
  EngineSettings settings;
  if (path.empty()) return settings;
  const std::filesystem::path config = std::filesystem::path(path).parent_path() / "newslint.toml";
  if (!std::filesystem::exists(config)) return settings;
  auto rules = MakeAllRules();
  if (!LoadConfig(config.string(), AllRuleInfos(rules), &settings.config, error)) {
    *error = "config: " + *error;
  }
  return settings;
}

// Runs the rules of the fixture's settings; findings come back located. One
// engine per config, kept for the run.
std::vector<Finding> LintWithAllRules(const Article& article, const std::string& path) {
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  const std::string key = std::filesystem::path(path).parent_path().string();
  auto it = engines.find(key);
  if (it == engines.end()) {
    std::string error;
    std::unique_ptr<Engine> engine = Engine::Create(SettingsForFixture(path, &error), &error);
    EXPECT_TRUE(engine != nullptr && error.empty()) << path << ": " << error;
    if (!engine) return {};
    it = engines.emplace(key, std::move(engine)).first;
  }
  return it->second->Lint(article);
}

std::string Quote(const Fixture& f, int64_t line) {
  if (line < 1 || line > static_cast<int64_t>(f.lines.size())) return "    | (no such line)";
  return "    | " + f.lines[static_cast<size_t>(line - 1)];
}

// Every difference between what the fixture expects and what the rules found,
// one readable paragraph each; empty when they agree.
std::vector<std::string> CompareWithExpectations(const Fixture& f,
                                                 const std::vector<Finding>& findings) {
  std::vector<std::string> problems = f.errors;
  auto rules = MakeAllRules();
  std::set<std::string, std::less<>> known;
  for (const RuleInfo* info : AllRuleInfos(rules)) known.emplace(info->id);
  for (const auto& [line, rule] : f.expected) {
    if (!known.contains(rule)) {
      problems.push_back("line " + std::to_string(line) + ": annotation names unknown rule id [" +
                         rule + "]\n" + Quote(f, line));
    }
  }

  std::multiset<std::pair<int64_t, std::string>> unmatched = f.expected;
  for (const Finding& finding : findings) {
    if (finding.span.end > f.text.size() || finding.span.start > finding.span.end) {
      problems.push_back("[" + finding.rule + "] reported a span outside the text: " +
                         std::to_string(finding.span.start) + ".." +
                         std::to_string(finding.span.end));
      continue;
    }
    if (finding.fix && (finding.fix->span.end > f.text.size() ||
                        finding.fix->span.start > finding.fix->span.end)) {
      problems.push_back("[" + finding.rule + "] offered a fix outside the text");
    }
    auto it = unmatched.find({finding.line, finding.rule});
    if (it != unmatched.end()) {
      unmatched.erase(it);
      continue;
    }
    problems.push_back("line " + std::to_string(finding.line) + ": unexpected [" + finding.rule +
                       "] " + finding.message + "\n" + Quote(f, finding.line));
  }
  for (const auto& [line, rule] : unmatched) {
    if (!known.contains(rule)) continue;  // already reported
    problems.push_back("line " + std::to_string(line) + ": expected [" + rule +
                       "] but it did not fire\n" + Quote(f, line));
  }
  return problems;
}

std::vector<std::string> LintFixture(std::string_view content, const std::string& name,
                                     const std::string& path = "") {
  Fixture f = ParseFixture(content);
  Article article;
  article.id = name;
  article.source = name;
  article.record = 1;
  article.text = f.text;
  return CompareWithExpectations(f, LintWithAllRules(article, path));
}

std::filesystem::path FixtureRoot() {
  return std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
}

// Splits `text` into its lines (no trailing empty line for a final "\n").
std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  return lines;
}

std::vector<std::string> ReadArticles(const std::string& path, std::vector<Article>* articles) {
  std::string error;
  auto reader = OpenReader(path, ReadOptions{}, &error);
  if (!reader) return {"cannot open: " + error};
  for (Article a; reader->Next(&a);) articles->push_back(std::move(a));
  return {};
}

std::vector<std::string> LintHtmlFixture(const std::string& path, std::string_view content) {
  std::vector<Article> articles;
  std::vector<std::string> problems = ReadArticles(path, &articles);
  if (!problems.empty()) return problems;
  if (articles.size() != 1) return {"an HTML page must yield exactly one article"};
  Fixture f;
  f.text = articles[0].text;
  f.lines = SplitLines(f.text);
  for (size_t at = content.find("<!--!"); at != std::string_view::npos;
       at = content.find("<!--!", at + 1)) {
    size_t end = content.find("-->", at);
    size_t colon = content.find(':', at);
    if (end == std::string_view::npos || colon == std::string_view::npos || colon > end) {
      f.errors.push_back("malformed annotation at byte " + std::to_string(at));
      continue;
    }
    std::string_view ids = content.substr(at + 5, colon - at - 5);
    std::string needle(content.substr(colon + 1, end - colon - 1));
    needle.erase(0, needle.find_first_not_of(' '));
    needle.erase(needle.find_last_not_of(' ') + 1);
    std::vector<int64_t> hits;
    for (size_t i = 0; i < f.lines.size(); ++i) {
      if (f.lines[i].find(needle) != std::string::npos) hits.push_back(static_cast<int64_t>(i + 1));
    }
    if (hits.size() != 1) {
      f.errors.push_back("annotation text \"" + needle + "\" is on " + std::to_string(hits.size()) +
                         " lines of the extracted text (needs exactly one)");
      continue;
    }
    std::istringstream in{std::string(ids)};
    for (std::string id; in >> id;) f.expected.emplace(hits[0], id);
  }
  return CompareWithExpectations(f, LintWithAllRules(articles[0], path));
}

// What an independent parse of a raw JSONL line says the reader must report.
std::vector<std::string> JsonlExpectations(std::string raw, Fixture* f) {
  for (char& c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) c = '?';  // the expectations are ASCII
  }
  simdjson::dom::parser parser;
  simdjson::dom::object record;
  if (parser.parse(raw).get(record) != simdjson::SUCCESS) {
    f->expected.emplace(1, "input/invalid-json");
    return {};
  }
  simdjson::dom::array expect;
  if (record["expect"].get(expect) != simdjson::SUCCESS) return {};
  for (simdjson::dom::element e : expect) {
    std::string_view item;
    int64_t line = 0;
    std::string rule;
    if (e.get(item) != simdjson::SUCCESS ||
        !(std::istringstream(std::string(item)) >> line >> rule)) {
      return {"`expect` items must be strings \"LINE RULE\""};
    }
    f->expected.emplace(line, rule);
  }
  return {};
}

std::vector<std::string> LintJsonlFixture(const std::string& path, std::string_view content) {
  std::vector<Article> articles;
  std::vector<std::string> problems = ReadArticles(path, &articles);
  if (!problems.empty()) return problems;
  // A fresh engine per file: its dataset rules learn from this file only.
  std::string error;
  EngineSettings settings = SettingsForFixture(path, &error);
  if (!error.empty()) return {error};
  std::unique_ptr<Engine> engine = Engine::Create(std::move(settings), &error);
  if (!engine) return {"engine: " + error};
  PipelineOptions options;
  options.files = {path};
  if (!RunDatasetPass(options, engine->dataset_rules(), engine->max_text_bytes(), &error)) return {"dataset pass: " + error};
  std::vector<std::string> raw = SplitLines(content);
  if (articles.size() != raw.size()) {
    return {std::to_string(raw.size()) + " input lines gave " + std::to_string(articles.size()) +
            " records"};
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    Fixture f;
    f.text = articles[i].text;
    f.lines = SplitLines(f.text);
    f.errors = JsonlExpectations(raw[i], &f);
    for (const std::string& p : CompareWithExpectations(f, engine->Lint(articles[i]))) {
      problems.push_back("record " + std::to_string(i + 1) + " (" + articles[i].id + "): " + p);
    }
  }
  return problems;
}

std::vector<std::string> FixturePaths() {
  std::vector<std::string> paths;
  if (!std::filesystem::exists(FixtureRoot())) return paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(FixtureRoot())) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".jsonl")) {
      paths.push_back(std::filesystem::relative(entry.path(), FixtureRoot()).generic_string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

class FixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureTest, FindingsMatchAnnotations) {
  std::ifstream in(FixtureRoot() / GetParam(), std::ios::binary);
  ASSERT_TRUE(in) << "cannot read fixtures/" << GetParam();
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string path = (FixtureRoot() / GetParam()).string();
  std::string ext = std::filesystem::path(path).extension().string();
  std::vector<std::string> problems = ext == ".html"    ? LintHtmlFixture(path, content)
                                      : ext == ".jsonl" ? LintJsonlFixture(path, content)
                                                        : LintFixture(content, "fixtures/" + GetParam(), path);
  std::string report;
  for (const std::string& p : problems) report += p + "\n";
  EXPECT_TRUE(problems.empty()) << "fixtures/" << GetParam() << ": " << problems.size()
                                << " problem(s)\n" << report;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(FixturePaths()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

// The runner itself: the closed world must not silently open.

TEST(FixtureRunnerTest, FindsFixtures) { EXPECT_FALSE(FixturePaths().empty()); }

TEST(FixtureRunnerTest, StripsAnnotationsAndNumbersRemainingLines) {
  Fixture f = ParseFixture(
      "#!! note: ignored\nfirst\n#! garbled/mojibake\nsecond\n#! a/b a/b\n\nfourth\n");
  EXPECT_EQ(f.text, "first\nsecond\n\nfourth");
  EXPECT_EQ(f.expected.count({1, "garbled/mojibake"}), 1u);
  EXPECT_EQ(f.expected.count({2, "a/b"}), 2u);
  EXPECT_TRUE(f.errors.empty());
}

TEST(FixtureRunnerTest, AnnotationBeforeAnyTextIsAnError) {
  EXPECT_FALSE(ParseFixture("#! garbled/mojibake\ntext\n").errors.empty());
}

TEST(FixtureRunnerTest, UnannotatedFindingFails) {
  std::vector<std::string> problems =
      LintFixture("Clean opening line.\nThe company , which denied it, said so.\n", "inline");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("line 2: unexpected [garbled/stray-punctuation]"), std::string::npos)
      << problems[0];
}

TEST(FixtureRunnerTest, AnnotatedFindingPasses) {
  EXPECT_TRUE(LintFixture("The company , which denied it, said so.\n"
                          "#! garbled/stray-punctuation\n",
                          "inline")
                  .empty());
}

TEST(FixtureRunnerTest, MissingFindingFails) {
  std::vector<std::string> problems =
      LintFixture("A clean sentence.\n#! garbled/mojibake\n", "inline");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("expected [garbled/mojibake] but it did not fire"), std::string::npos);
}

TEST(FixtureRunnerTest, CountsRepeatedIds) {
  std::string text = "Prices rose 5\u00c3\u00a9 and \u00c3\u00a8 today.\n";
  EXPECT_FALSE(LintFixture(text + "#! garbled/mojibake\n", "inline").empty());
  EXPECT_TRUE(LintFixture(text + "#! garbled/mojibake garbled/mojibake\n", "inline").empty());
}

TEST(FixtureRunnerTest, UnknownRuleIdFails) {
  std::vector<std::string> problems =
      LintFixture("A clean sentence.\n#! garbled/no-such-rule\n", "inline");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("unknown rule id [garbled/no-such-rule]"), std::string::npos);
}

}  // namespace
}  // namespace newslint
