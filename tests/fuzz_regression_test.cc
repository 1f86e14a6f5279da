// The fuzz targets' entry points (fuzz/fuzz_targets.h) in the normal suite:
// every input a fuzzer once failed on (tests/fuzz_regressions/<target>/,
// one file per input, as minimised by libFuzzer) and the fixtures the
// fuzzers start from go through the same function the fuzz target calls.
// In the sanitized suite (make test, build-fuzz/) they run under ASan and
// UBSan as in the fuzzer.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;

using Target = std::function<const char*(const uint8_t*, size_t)>;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The files of `folder` (recursively) whose name ends in `extension` (any
// name when empty) and, like the fuzzers' seeds, under 64 KiB.
std::vector<fs::path> Files(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.file_size() >= 64 * 1024) continue;
    if (!extension.empty() && entry.path().extension() != extension) continue;
    files.push_back(entry.path());
  }
  return files;
}

// Runs every file through `target`; returns how many went through.
size_t RunAll(const Target& target, const std::vector<fs::path>& files) {
  size_t ran = 0;
  for (const fs::path& file : files) {
    const std::string bytes = Slurp(file);
    const char* broken = target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    EXPECT_EQ(broken, nullptr) << file << ": " << broken;
    ++ran;
  }
  return ran;
}

const fs::path kSource = NEWSLINT_SOURCE_DIR;

struct Case {
  const char* name;       // the fuzz target, fuzz_<name>, and its regression folder
  const char* extension;  // of the fixtures that seed it
  Target target;
};

class FuzzRegressionTest : public ::testing::TestWithParam<Case> {};

TEST_P(FuzzRegressionTest, RegressionInputsGoThrough) {
  const Case& c = GetParam();
  const std::vector<fs::path> files = Files(kSource / "tests/fuzz_regressions" / c.name, "");
  if (files.empty()) GTEST_SKIP() << "no regression inputs for fuzz_" << c.name << " yet";
  RunAll(c.target, files);
}

TEST_P(FuzzRegressionTest, SeedFixturesGoThrough) {
  const Case& c = GetParam();
  EXPECT_GT(RunAll(c.target, Files(kSource / "fixtures", c.extension)), 0u)
      << "no " << c.extension << " fixtures found under " << kSource / "fixtures";
}

INSTANTIATE_TEST_SUITE_P(
    Targets, FuzzRegressionTest,
    ::testing::Values(Case{"jsonl_reader", ".jsonl", fuzz::JsonlReader},
                      Case{"html_reader", ".html", fuzz::HtmlReader},
                      Case{"analysis", ".txt", fuzz::AnalysisViews},
                      Case{"rules", ".txt", fuzz::EveryRule}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newslint
