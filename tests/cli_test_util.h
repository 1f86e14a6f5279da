// newslint tests: running the real binary in a scratch folder, for the
// end-to-end tests of the CLI, the CI gate and shard/merge.
//
//   class MyCliTest : public CliFolderTest {};
//   TEST_F(MyCliTest, ...) {
//     Write("in.jsonl", "...");
//     RunResult r = Run("check in.jsonl --format json");
//     EXPECT_EQ(r.exit_code, 0);
//   }

#ifndef NEWSLINT_TESTS_CLI_TEST_UTIL_H_
#define NEWSLINT_TESTS_CLI_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newslint {

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// A fresh temporary folder per test, removed afterwards; `newslint` runs
// with it as the working folder.
class CliFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "newslint-test-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `bytes` to `name` under the folder (parents created).
  std::filesystem::path Write(const std::string& name, const std::string& bytes) {
    std::filesystem::path p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  static std::string Slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // Runs `newslint ARGS` in the folder, stdin from `stdin_file` (else
  // /dev/null); stdout and stderr are captured.
  RunResult Run(const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = "cd '" + dir_.string() + "' && '" NEWSLINT_BINARY "' " + args +
                      " >out.txt 2>err.txt";
    cmd += stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "out.txt");
    r.err = Slurp(dir_ / "err.txt");
    return r;
  }

  std::filesystem::path dir_;
};

}  // namespace newslint

#endif  // NEWSLINT_TESTS_CLI_TEST_UTIL_H_
