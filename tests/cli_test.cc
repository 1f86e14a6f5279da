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

namespace newslint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-cli-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  static std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // Runs `newslint ARGS` in the temp folder, optionally with stdin from a file.
  RunResult Run(const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = "cd '" + dir_.string() + "' && '" NEWSLINT_BINARY "' " + args + " >out.txt 2>err.txt";
    cmd += stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "out.txt");
    r.err = Slurp(dir_ / "err.txt");
    return r;
  }

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

  fs::path dir_;
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

TEST_F(CliTest, JobsDoNotChangeTheOutput) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"" +
             (i % 7 == 0 ? "Prices rose , again." : "Prices rose again.") + "\"}\n";
  }
  Write("many.jsonl", input);
  RunResult one = Run("check many.jsonl --format jsonl --jobs 1");
  RunResult four = Run("check many.jsonl --format jsonl --jobs 4");
  EXPECT_EQ(Lines(one.out).size(), 300u);
  EXPECT_EQ(one.out, four.out);
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
