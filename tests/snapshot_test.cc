// Snapshot tests of every output format, end to end: the real binary lints
// the fixed input set fixtures/report/snapshot-input/ (JSONL records, clean,
// garbled, hostile and unreadable; an HTML page; a plain-text file) and each
// output is compared byte for byte with tests/snapshots/cli/<name>, after
// the fields that change from run to run are normalised (timings, start
// time, version, the working folder in SARIF's SRCROOT).
//
// To review a change of output, re-write the snapshots and diff them:
//
//   make snapshots                      (or: NEWSLINT_UPDATE_SNAPSHOTS=1 \
//                                         build/newslint_tests --gtest_filter='*Snapshot*')
//   git diff tests/snapshots
//
// The rules are selected (kRules) so that a new rule or a reworded summary
// elsewhere in the catalogue does not change these files.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

namespace newslint {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInput = "fixtures/report/snapshot-input";
constexpr const char* kRules =
    "--select garbled/mojibake,garbled/html-residue,garbled/invisible-characters,"
    "boilerplate/consent-banner,boilerplate/share-widget";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What changes between runs and machines, replaced by fixed markers.
std::string Normalise(std::string s) {
  struct Rule {
    const char* pattern;
    const char* replacement;
  };
  static const Rule kRulesToApply[] = {
      // text: "in 0.01 s: 1.37 MB/s, 1.37 MB/s per core"
      {R"re(in [0-9.]+ s: [0-9.]+ MB/s, [0-9.]+ MB/s per core)re",
       "in <T> s: <R> MB/s, <R> MB/s per core"},
      // json summary (indented) and the html page's data (compact)
      {R"re("elapsed_seconds":( ?)[0-9.e+-]+)re", R"re("elapsed_seconds":$1"<T>")re"},
      {R"re("mb_per_second":( ?)[0-9.e+-]+)re", R"re("mb_per_second":$1"<R>")re"},
      {R"re("mb_per_second_per_core":( ?)[0-9.e+-]+)re", R"re("mb_per_second_per_core":$1"<R>")re"},
      {R"re("started_at":( ?)"[^"]*")re", R"re("started_at":$1"<TIME>")re"},
      // newslint's version, not SARIF's "2.1.0"
      {R"re("version":( ?)"(?!2\.1\.0")[^"]*")re", R"re("version":$1"<VERSION>")re"},
      // sarif
      {R"re("startTimeUtc":( ?)"[^"]*")re", R"re("startTimeUtc":$1"<TIME>")re"},
      {R"re("uri":( ?)"file://[^"]*/")re", R"re("uri":$1"file:///<CWD>/")re"},
      // html
      {R"re(content="newslint [^"]*")re", R"re(content="newslint <VERSION>")re"},
  };
  for (const Rule& r : kRulesToApply) {
    s = std::regex_replace(s, std::regex(r.pattern), r.replacement);
  }
  return s;
}

class CliSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-snap-XXXXXX").string();
    tmp_ = mkdtemp(tmpl.data());
    ASSERT_FALSE(tmp_.empty());
  }
  void TearDown() override { fs::remove_all(tmp_); }

  // Runs `newslint check ARGS` from the source folder (so that paths in the
  // output are the relative ones a user sees); stdout goes to `out`.
  int Check(const std::string& args, const fs::path& out) {
    std::string cmd = "cd '" NEWSLINT_SOURCE_DIR "' && '" NEWSLINT_BINARY "' check " + args +
                      " >'" + out.string() + "' 2>'" + (tmp_ / "err.txt").string() + "' </dev/null";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  void ExpectSnapshot(const std::string& name, const std::string& raw) {
    std::string actual = Normalise(raw);
    fs::path path = fs::path(NEWSLINT_SOURCE_DIR) / "tests/snapshots/cli" / name;
    const char* update = std::getenv("NEWSLINT_UPDATE_SNAPSHOTS");
    if (update != nullptr && std::string(update) == "1") {
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << actual;
      std::cout << "updated " << path.string() << "\n";
      return;
    }
    ASSERT_TRUE(fs::exists(path)) << "missing snapshot " << path
                                  << "; create it with `make snapshots`";
    EXPECT_EQ(actual, Slurp(path)) << "snapshot tests/snapshots/cli/" << name
                                   << " differs; review with `make snapshots && git diff "
                                      "tests/snapshots`";
  }

  // One format on stdout; the exit code is 1 (the input has an error finding).
  void Format(const std::string& format, const std::string& name, const std::string& extra = "") {
    fs::path out = tmp_ / "out";
    int code = Check(
        std::string(kInput) + " --no-config -j 1 " + kRules + " --format " + format + " " + extra,
        out);
    EXPECT_EQ(code, 1) << Slurp(tmp_ / "err.txt");
    ExpectSnapshot(name, Slurp(out));
  }

  fs::path tmp_;
};

TEST_F(CliSnapshotTest, Text) { Format("text", "check.txt", "--color never"); }
TEST_F(CliSnapshotTest, Json) { Format("json", "check.json"); }
TEST_F(CliSnapshotTest, Jsonl) { Format("jsonl", "check.jsonl"); }
TEST_F(CliSnapshotTest, Sarif) { Format("sarif", "check.sarif"); }
TEST_F(CliSnapshotTest, Github) { Format("github", "check.github"); }
TEST_F(CliSnapshotTest, Html) { Format("html", "check.html"); }

// The CI gate: budgets (tests/snapshots/gate/gate.toml) and a baseline
// (tests/snapshots/gate/snapshot-baseline.json) in the text, json and github
// reports; one budget is broken, so the exit code is 1.
TEST_F(CliSnapshotTest, GateText) {
  Format("text", "gate.txt",
         "--color never --config tests/snapshots/gate/gate.toml --baseline "
         "tests/snapshots/gate/snapshot-baseline.json");
}
TEST_F(CliSnapshotTest, GateGithub) {
  Format("github", "gate.github",
         "--config tests/snapshots/gate/gate.toml --baseline tests/snapshots/gate/snapshot-baseline.json");
}
TEST_F(CliSnapshotTest, GateSarif) {
  Format("sarif", "gate.sarif",
         "--config tests/snapshots/gate/gate.toml --baseline tests/snapshots/gate/snapshot-baseline.json");
}

// The baseline file --write-baseline writes (sorted, stable).
TEST_F(CliSnapshotTest, WrittenBaseline) {
  fs::path baseline = tmp_ / "baseline.json";
  EXPECT_EQ(Check(std::string(kInput) + " --no-config -j 1 " + kRules + " --write-baseline '" +
                      baseline.string() + "' --fail-on never",
                  tmp_ / "out"),
            0)
      << Slurp(tmp_ / "err.txt");
  ExpectSnapshot("baseline.json", Slurp(baseline));
}

}  // namespace
}  // namespace newslint
