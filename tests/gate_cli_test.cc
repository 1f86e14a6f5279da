// End-to-end tests of the CI gate: exit codes of budgets and baselines, and
// the sarif and github formats as the binary writes them. Each test runs the
// real binary in a fresh temporary folder, as tests/cli_test.cc does.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli_test_util.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class GateCliTest : public CliFolderTest {
 protected:
  // `newslint check in.jsonl` with kRules and `args`.
  RunResult Check(const std::string& args);
};

// Four articles, one with mojibake (an error), one with a consent banner (a
// warning), two clean. With kRules newslint finds exactly these two (the
// selection keeps new rules elsewhere in the catalogue out of these tests).
constexpr char kRules[] = " --select garbled/mojibake,boilerplate/consent-banner ";
constexpr char kCorpus[] =
    R"({"id": "a-1", "text": "The minister didnâ€™t comment on the report."}
{"id": "a-2", "text": "The council met on Monday and approved the budget."}
{"id": "a-3", "text": "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.\nThe vote passed."}
{"id": "a-4", "text": "Rain is expected on Tuesday, forecasters said."}
)";

RunResult GateCliTest::Check(const std::string& args) {
  return Run(std::string("check in.jsonl") + kRules + args);
}

TEST_F(GateCliTest, BrokenBudgetExitsOneEvenWithFailOnNever) {
  Write("in.jsonl", kCorpus);
  Write("newslint.toml", "[budgets]\n\"garbled\" = 0.2\n\"boilerplate/consent-banner\" = 0.25\n");
  RunResult r = Check(" --fail-on never --color never");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  // 1 of 4 garbled articles is 25% > 20%; 1 of 4 banners is exactly 25%: kept.
  EXPECT_THAT(r.out, HasSubstr("Budgets: 1 of 2 budgets broken."));
  EXPECT_THAT(r.out, HasSubstr("garbled                     25.00% of articles (1 of 4), allowed "
                               "20.00% (0): broken, 1 article over"));
  EXPECT_THAT(r.out, HasSubstr("boilerplate/consent-banner  25.00% of articles (1 of 4), allowed "
                               "25.00% (1): ok"));

  Write("newslint.toml", "[budgets]\n\"garbled\" = 0.25\n");
  EXPECT_EQ(Check(" --fail-on never").exit_code, 0);
}

TEST_F(GateCliTest, BudgetsInTheJsonSummary) {
  Write("in.jsonl", kCorpus);
  Write("gate.toml", "[budgets]\n\"garbled\" = 0.0\n");
  RunResult r = Check(" --config gate.toml --fail-on never --format json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(simdjson::padded_string(r.out)).get(doc), simdjson::SUCCESS) << r.out;
  simdjson::dom::array budgets = doc["summary"]["budgets"];
  ASSERT_EQ(budgets.size(), 1u);
  EXPECT_EQ(std::string_view(budgets.at(0)["rule"]), "garbled");
  EXPECT_EQ(double(budgets.at(0)["allowed"]), 0.0);
  EXPECT_EQ(double(budgets.at(0)["actual"]), 0.25);
  EXPECT_EQ(int64_t(budgets.at(0)["articles"]), 1);
  EXPECT_TRUE(bool(budgets.at(0)["broken"]));
  EXPECT_EQ(int64_t(doc["summary"]["by_family"]["garbled"]["articles"]), 1);
}

TEST_F(GateCliTest, InvalidBudgetsAreRunFailures) {
  Write("in.jsonl", kCorpus);
  Write("a.toml", "[budgets]\n\"garbled/no-such-rule\" = 0.1\n");
  RunResult r = Check(" --config a.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown rule or family 'garbled/no-such-rule' in [budgets]"));
  Write("b.toml", "[budgets]\n\"garbled\" = 2\n");
  r = Check(" --config b.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err,
              HasSubstr("b.toml:2: budget of 'garbled' must be a share of articles from 0 to 1"));
  Write("c.toml", "[budgets]\n\"garbled\" = \"2%\"\n");
  EXPECT_EQ(Check(" --config c.toml").exit_code, 2);
  Write("d.toml", "[budgets]\n\"garbled\" = -0.1\n");
  EXPECT_EQ(Check(" --config d.toml").exit_code, 2);
}

TEST_F(GateCliTest, BaselineSuppressesKnownFindingsAfterARescrape) {
  Write("in.jsonl", kCorpus);
  RunResult w = Check(" --write-baseline known.json --fail-on never");
  ASSERT_EQ(w.exit_code, 0) << w.err;
  EXPECT_THAT(w.err, HasSubstr("wrote baseline known.json"));
  std::string first = Slurp(dir_ / "known.json");
  // Written twice: byte-identical.
  ASSERT_EQ(Check(" --write-baseline again.json --fail-on never -j 3").exit_code, 0);
  EXPECT_EQ(first, Slurp(dir_ / "again.json"));

  // The same corpus: everything known, exit 0 although there is an error.
  RunResult r = Check(" --baseline known.json --color never");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Baseline: 2 known findings suppressed; 0 fixed"));

  // The JSONL report (whose records the workers render from three jobs on,
  // unless there is a baseline) leaves the known findings out too, with one
  // job and with three.
  for (const char* jobs : {" -j 1", " -j 3"}) {
    RunResult j = Check(std::string(" --baseline known.json --format jsonl") + jobs);
    EXPECT_EQ(j.exit_code, 0) << j.err;
    EXPECT_EQ(std::count(j.out.begin(), j.out.end(), '\n'), 4) << j.out;
    EXPECT_THAT(j.out, Not(HasSubstr("\"rule\":"))) << j.out;
  }
  RunResult all = Check(" --format jsonl --fail-on never");
  EXPECT_THAT(all.out, HasSubstr("\"rule\":\"garbled/mojibake\"")) << all.out;

  // Re-scraped: records moved and text shifted; the mojibake is still known.
  Write("in.jsonl",
        R"({"id": "a-4", "text": "Rain is expected on Tuesday, forecasters said."}
{"id": "a-1", "text": "UPDATED. The  minister didnâ€™t comment on the report."}
{"id": "a-2", "text": "The council met on Monday and approved the budget. Fansâ€™ cheered."}
)");
  r = Check(" --baseline known.json --color never");
  EXPECT_EQ(r.exit_code, 1) << r.out;  // a-2's new mojibake is new
  EXPECT_THAT(r.out, HasSubstr("in.jsonl#3:1:"));
  EXPECT_THAT(r.out, Not(HasSubstr("in.jsonl#2:")));
  // a-3 and its consent banner are gone: fixed.
  EXPECT_THAT(r.out,
              HasSubstr("Baseline: 1 known finding suppressed; 1 fixed since the baseline:"));
  EXPECT_THAT(r.out, HasSubstr("  fixed: boilerplate/consent-banner in a-3: \"We use cookies"));
}

TEST_F(GateCliTest, MissingOrMalformedBaselineIsExitTwo) {
  Write("in.jsonl", kCorpus);
  RunResult r = Check(" --baseline nope.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("baseline nope.json: cannot read it"));
  Write("bad.json", "{\"schema\": \"newslint.baseline/1\", \"findings\": [{\"key\": 12}]}");
  r = Check(" --baseline bad.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(
      r.err,
      HasSubstr("baseline bad.json: findings[0]: \"key\" must be a string of 16 hex digits"));
  Write("bad2.json", "{\"schema\": \"newslint.baseline/1\",");
  r = Check(" --baseline bad2.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("baseline bad2.json: not valid JSON"));
}

TEST_F(GateCliTest, SarifFromExtensionAndGithubOnStdout) {
  Write("in.jsonl", kCorpus);
  // The command of docs/ci.md: SARIF to a file, annotations on stdout.
  RunResult r = Check(" --format sarif -o newslint.sarif --format github -o -");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("::error file=in.jsonl,line=1,title=garbled/mojibake::"));
  EXPECT_THAT(r.out,
              HasSubstr("::warning file=in.jsonl,line=3,title=boilerplate/consent-banner::"));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string sarif = Slurp(dir_ / "newslint.sarif");
  ASSERT_EQ(parser.parse(simdjson::padded_string(sarif)).get(doc), simdjson::SUCCESS) << sarif;
  EXPECT_EQ(int64_t(doc["runs"].at(0)["invocations"].at(0)["exitCode"]), 1);
  EXPECT_EQ(simdjson::dom::array(doc["runs"].at(0)["results"]).size(), 2u);

  ASSERT_EQ(Check(" -o report.sarif --fail-on never").exit_code, 0);
  std::string by_extension = Slurp(dir_ / "report.sarif");
  EXPECT_THAT(by_extension, HasSubstr("\"version\": \"2.1.0\""));
}

}  // namespace
}  // namespace newslint
