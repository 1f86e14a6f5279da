// Throughput of the dataset family's first pass on one core: what
// dataset/duplicate-article costs per article before the lint pass (the
// story's words from the page layout, two one-permutation sketches of the
// 5-gram shingles, band keys and nibbles), and the whole pass with Absorb and Finish (sorting the
// exact hashes and the 32 bands, verifying candidates). The corpus is every
// fixtures/**/*.txt (annotations stripped) repeated to about 4 MB, so the
// copies are exact duplicates and Finish has real groups to pair.
//
// Read the figures as ratios against the references in the same run:
//   BM_DatasetReference_MemchrLines    a memchr pass over the same bytes;
//   BM_DatasetReference_StoryWords     the page layout and the story's words
//                                      alone (what signing must read first).
//
//   build-dataset/newslint_bench --benchmark_filter='Dataset'
// (dataset/repeated-body, an ordinary rule, is measured by
// BM_FamilyRule/dataset/repeated-body in families_benchmark.cc.)

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/rule.h"
#include "rules/boilerplate/duplicate_block.h"
#include "rules/boilerplate/template_line.h"
#include "rules/dataset_text.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const std::vector<Article>& DatasetCorpus() {
  static const std::vector<Article> corpus = [] {
    std::vector<std::filesystem::path> paths;
    const auto root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> texts;
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::string line, text;
      while (std::getline(in, line)) {
        if (line.rfind("#!", 0) == 0) continue;
        text += line + '\n';
      }
      texts.push_back(std::move(text));
    }
    std::vector<Article> articles;
    size_t bytes = 0;
    for (size_t i = 0; !texts.empty() && bytes < (4u << 20); ++i) {
      Article a;
      a.source = "bench.jsonl";
      a.record = static_cast<int64_t>(i + 1);
      a.id = "a" + std::to_string(i);
      a.text = texts[i % texts.size()];
      bytes += a.text.size();
      articles.push_back(std::move(a));
    }
    return articles;
  }();
  return corpus;
}

void BM_DatasetReference_MemchrLines(benchmark::State& state) {
  MemchrLinesReference(state, DatasetCorpus());
}
BENCHMARK(BM_DatasetReference_MemchrLines)->Unit(benchmark::kMillisecond);

void BM_DatasetReference_StoryWords(benchmark::State& state) {
  const auto& corpus = DatasetCorpus();
  size_t words = 0;
  std::vector<dataset::Word> w;
  for (auto _ : state) {
    for (const Article& a : corpus) {
      Analysis analysis(a);
      w.clear();
      dataset::StoryWords(analysis, &w);
      words += w.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(words));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}
BENCHMARK(BM_DatasetReference_StoryWords)->Unit(benchmark::kMillisecond);

// Observe alone: the part of the first pass that runs on the worker threads.
void BM_DatasetFirstPass_Observe(benchmark::State& state) {
  const auto& corpus = DatasetCorpus();
  auto rule = MakeDuplicateArticleRule();
  auto& dataset_rule = dynamic_cast<DatasetRule&>(*rule);
  dataset_rule.Begin(RuleOptions());
  for (auto _ : state) {
    auto observer = dataset_rule.MakeObserver();
    for (const Article& a : corpus) {
      Analysis analysis(a);
      dataset_rule.NoteAndObserve(*observer, a, analysis);
    }
    benchmark::DoNotOptimize(observer.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
  state.counters["articles"] = static_cast<double>(corpus.size());
}
BENCHMARK(BM_DatasetFirstPass_Observe)->Unit(benchmark::kMillisecond);

// The whole first pass on one thread: Begin, Observe, Absorb, Finish.
void BM_DatasetFirstPass_Whole(benchmark::State& state) {
  const auto& corpus = DatasetCorpus();
  auto rule = MakeDuplicateArticleRule();
  auto& dataset_rule = dynamic_cast<DatasetRule&>(*rule);
  for (auto _ : state) {
    dataset_rule.Begin(RuleOptions());
    auto observer = dataset_rule.MakeObserver();
    for (const Article& a : corpus) {
      Analysis analysis(a);
      dataset_rule.NoteAndObserve(*observer, a, analysis);
    }
    dataset_rule.Absorb(*observer);
    dataset_rule.Finish();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}
BENCHMARK(BM_DatasetFirstPass_Whole)->Unit(benchmark::kMillisecond);

// Signing alone, words already split: the shingles and their sketches.
void BM_DatasetSignature(benchmark::State& state) {
  const auto& corpus = DatasetCorpus();
  std::vector<std::vector<dataset::Word>> stories;
  for (const Article& a : corpus) {
    Analysis analysis(a);
    stories.emplace_back();
    dataset::StoryWords(analysis, &stories.back());
  }
  dataset::Signature s;
  uint64_t sink = 0;
  for (auto _ : state) {
    for (const auto& w : stories) {
      dataset::MakeSignature(w.data(), w.size(), &s);
      sink ^= s.bands[0];
    }
  }
  benchmark::DoNotOptimize(std::as_const(sink));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}
BENCHMARK(BM_DatasetSignature)->Unit(benchmark::kMillisecond);

// The line hashes of the dataset family over every line of the corpus:
// boilerplate/template-line's LineHash (first pass and Check) and
// boilerplate/duplicate-block's NormalisedHash, and the word split of
// dataset/repeated-body (AppendWordKeys over the whole text, below).
template <typename Hash>
void HashLines(benchmark::State& state, Hash hash) {
  const auto& corpus = DatasetCorpus();
  uint64_t sink = 0;
  for (auto _ : state) {
    for (const Article& a : corpus) {
      std::string_view text = a.text;
      size_t start = 0;
      while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        sink ^= hash(text.substr(start, nl - start));
        start = nl + 1;
      }
    }
  }
  benchmark::DoNotOptimize(std::as_const(sink));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}

void BM_DatasetLineHash_TemplateLine(benchmark::State& state) {
  HashLines(state, [](std::string_view s) { return template_line::LineHash(s); });
}
BENCHMARK(BM_DatasetLineHash_TemplateLine)->Unit(benchmark::kMillisecond);

void BM_DatasetLineHash_DuplicateBlock(benchmark::State& state) {
  HashLines(state, [](std::string_view s) { return duplicate_block::NormalisedHash(s); });
}
BENCHMARK(BM_DatasetLineHash_DuplicateBlock)->Unit(benchmark::kMillisecond);

// The words of every text: with the word hash signatures take
// (duplicate-article's story) and with the word keys of repeated-body.
void AppendAllWords(benchmark::State& state,
                    void (*append)(std::string_view, size_t, size_t, std::vector<dataset::Word>*)) {
  const auto& corpus = DatasetCorpus();
  std::vector<dataset::Word> w;
  size_t words = 0;
  for (auto _ : state) {
    for (const Article& a : corpus) {
      w.clear();
      append(a.text, 0, a.text.size(), &w);
      words += w.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(words));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}

void BM_DatasetAppendWordKeys(benchmark::State& state) {
  AppendAllWords(state, dataset::AppendWordKeys);
}
BENCHMARK(BM_DatasetAppendWordKeys)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newslint
