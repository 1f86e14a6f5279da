// Throughput of garbled/truncated's line scans (rules/garbled/truncated_scan.h)
// against the loops they replaced, over the lines of fixtures/clean/*.txt
// lowered as the rule lowers them (every line, where the rule asks only of
// the lines it judges: read the figures as ratios within one run).
//
//   BM_TruncatedScan_SignOffPhrases          AnySubstring over the sign-off phrases
//   BM_TruncatedScanReference_PhraseFinds    a find per phrase (the old loop)
//   BM_TruncatedScan_Copulas                 WordAfterCopula with the bio words
//   BM_TruncatedScanReference_CopulaFinds    a loop of finds per copula (the old loop)
//   BM_TruncatedScan_Lower                   LowerInto a reused buffer
//
//   build/newslint_bench --benchmark_filter=TruncatedScan

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <benchmark/benchmark.h>

#include "rules/garbled/truncated_scan.h"
#include "rules/lexicons/lexicon.h"

namespace newslint {
namespace {

using truncated_internal::AnySubstring;

const std::vector<std::string>& RawLines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    const auto dir = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures/clean";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) {
        if (!line.starts_with("#!")) out.push_back(line);
      }
    }
    return out;
  }();
  return lines;
}

const std::vector<std::string>& LowerLines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    for (const std::string& l : RawLines()) out.push_back(truncated_internal::Lower(l));
    return out;
  }();
  return lines;
}

int64_t Bytes(const std::vector<std::string>& lines) {
  int64_t n = 0;
  for (const std::string& l : lines) n += static_cast<int64_t>(l.size());
  return n;
}

std::vector<std::string> Phrases() {
  std::vector<std::string> out;
  for (std::string_view e : LexiconEntries("truncated-sign-offs")) {
    if (!e.starts_with("line:") && !e.starts_with("word:")) out.emplace_back(e);
  }
  return out;
}

std::unordered_set<std::string> BioWords() {
  std::unordered_set<std::string> out;
  for (std::string_view e : LexiconEntries("truncated-sign-offs")) {
    if (e.starts_with("word:")) out.emplace(e.substr(5));
  }
  return out;
}

// Counts the lowered fixture lines `hit` says yes to, per iteration.
template <typename Hit>
void CountHits(benchmark::State& state, Hit&& hit) {
  const auto& lines = LowerLines();
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& l : lines) found += hit(l) ? 1 : 0;
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(state.iterations() * Bytes(lines));
}

void BM_TruncatedScan_SignOffPhrases(benchmark::State& state) {
  const AnySubstring scan(Phrases());
  CountHits(state, [&](const std::string& l) { return scan.FoundIn(l); });
}
BENCHMARK(BM_TruncatedScan_SignOffPhrases);

void BM_TruncatedScanReference_PhraseFinds(benchmark::State& state) {
  const std::vector<std::string> phrases = Phrases();
  CountHits(state, [&](const std::string& l) {
    for (const std::string& p : phrases) {
      if (l.find(p) != std::string::npos) return true;
    }
    return false;
  });
}
BENCHMARK(BM_TruncatedScanReference_PhraseFinds);

// The bio-word test both copula scans ask.
struct IsBioWord {
  bool operator()(std::string_view w) {
    word.assign(w);
    return words.count(word) > 0;
  }
  std::unordered_set<std::string> words = BioWords();
  std::string word;
};

void BM_TruncatedScan_Copulas(benchmark::State& state) {
  IsBioWord is_word;
  CountHits(state, [&](const std::string& l) {
    return truncated_internal::WordAfterCopula(l, is_word);
  });
}
BENCHMARK(BM_TruncatedScan_Copulas);

void BM_TruncatedScanReference_CopulaFinds(benchmark::State& state) {
  IsBioWord is_word;
  CountHits(state, [&](const std::string& l) {
    return truncated_internal::WordAfterCopulaByFinds(l, is_word);
  });
}
BENCHMARK(BM_TruncatedScanReference_CopulaFinds);

void BM_TruncatedScan_Lower(benchmark::State& state) {
  const auto& lines = RawLines();
  std::string buffer;
  for (auto _ : state) {
    for (const std::string& l : lines) {
      truncated_internal::LowerInto(l, &buffer);
      benchmark::DoNotOptimize(buffer.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(lines));
}
BENCHMARK(BM_TruncatedScan_Lower);

}  // namespace
}  // namespace newslint
