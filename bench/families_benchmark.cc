// Throughput of each rule family, and of every rule together, on the
// project's own fixtures: the clean articles and the defective ones (every
// fixtures/**/*.txt, annotations stripped, each titled with its first line),
// repeated to about 4 MB. The mix is what the rules meet in practice: mostly
// clean prose, with boilerplate, mojibake, garbled sentences and spam in
// some articles, so the slow paths run too.
//
// Each benchmark lints every article with a fresh Analysis, so it includes
// building the views (lines, sentences, tokens, page layout, ...) its rules
// read. Read the figures as ratios against the references in the same run:
//   BM_FamilyReference_MemchrLines   a memchr pass over the same bytes;
//   BM_FamilyReference_Analysis      sentences and tokens alone, what every
//                                    sentence-level rule needs first.
//
//   build/newslint_bench --benchmark_filter='Family'
//   build/newslint_bench --benchmark_filter='EngineChunk'   (rule by rule over chunks)
//   build/newslint_bench --benchmark_filter='FamilyRule/garbled'   (per rule)

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/engine.h"
#include "lint/registry.h"
#include "lint/rule.h"

namespace newslint {
namespace {

// The title a scraper stores: the headline, here the text's first non-blank
// line cut to twelve words (as bench/corpus.py). metadata/title-mismatch
// reads it; without one it has nothing to do.
std::string Headline(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string word, title;
    for (int n = 0; n < 12 && words >> word; ++n) title += (n ? " " : "") + word;
    if (!title.empty()) return title;
  }
  return "";
}

const std::vector<Article>& FixtureCorpus() {
  static const std::vector<Article> corpus = [] {
    std::vector<std::string> texts;
    std::vector<std::filesystem::path> paths;
    const auto root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());  // the same corpus on every machine
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::string line, text;
      while (std::getline(in, line)) {
        if (line.rfind("#!", 0) == 0) continue;  // fixture annotations
        text += line;
        text += '\n';
      }
      texts.push_back(std::move(text));
    }
    std::vector<Article> articles;
    size_t bytes = 0;
    for (size_t i = 0; !texts.empty() && bytes < (4u << 20); ++i) {
      Article a;
      a.id = "a" + std::to_string(i);
      a.url = "https://site" + std::to_string(i % 20) + ".example/news/" + std::to_string(i);
      a.text = texts[i % texts.size()];
      a.title = Headline(a.text);
      bytes += a.text.size();
      articles.push_back(std::move(a));
    }
    return articles;
  }();
  return corpus;
}

size_t FixtureCorpusBytes() {
  size_t bytes = 0;
  for (const Article& a : FixtureCorpus()) bytes += a.text.size();
  return bytes;
}

// The catalogue's rules of the family or with the id `prefix` ("" for all). Dataset
// rules are left out: without their first pass they stay silent, and their
// cost is the pass, measured in the pipeline benchmarks.
std::vector<std::unique_ptr<Rule>> RulesOf(std::string_view prefix) {
  std::vector<std::unique_ptr<Rule>> rules;
  for (auto& rule : MakeAllRules()) {
    if (dynamic_cast<DatasetRule*>(rule.get()) != nullptr) continue;
    if (!prefix.empty() && rule->info().family() != prefix && rule->info().id != prefix) {
      continue;
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

void BM_Family(benchmark::State& state, std::string_view family) {
  const std::vector<std::unique_ptr<Rule>> rules = RulesOf(family);
  const std::vector<Article>& corpus = FixtureCorpus();
  const RuleOptions options;
  std::vector<Finding> findings;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : corpus) {
      Analysis analysis(article);
      findings.clear();
      for (const auto& rule : rules) {
        FindingSink sink(rule->info().id, rule->info().default_severity, &findings);
        rule->Check(article, analysis, options, sink);
      }
      found += findings.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * FixtureCorpusBytes()));
  state.counters["rules"] = static_cast<double>(rules.size());
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK_CAPTURE(BM_Family, boilerplate, "boilerplate")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, garbled, "garbled")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, attribution, "attribution")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, links, "links")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, quality, "quality")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, metadata, "metadata")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, all, "")->Unit(benchmark::kMillisecond);

// One benchmark per rule, BM_FamilyRule/<id>: which rule of a family costs
// what. Registered at start-up from the catalogue, so a new rule is measured
// without touching this file.
void BM_FamilyRule(benchmark::State& state, std::string id) { BM_Family(state, id); }

void RegisterPerRuleBenchmarks() {
  for (const auto& rule : RulesOf("")) {
    std::string id(rule->info().id);
    benchmark::RegisterBenchmark(("BM_FamilyRule/" + id).c_str(), BM_FamilyRule, id)
        ->Unit(benchmark::kMillisecond);
  }
}
const bool kPerRuleRegistered = RegisterAtStartup(RegisterPerRuleBenchmarks);

// The default rule set through the Engine (with its shared phrase bank), the
// corpus linted in chunks of state.range(0) articles rule by rule
// (Engine::LintBatch), as the pipeline's workers do: /1 is the article-by-
// article order the engine had before; /1024 and more with one job. The
// ratio between the chunk sizes in one run is the gain of keeping each
// rule's code and tables warm over a chunk (docs/performance.md,
// "Thirteenth round").
void BM_EngineChunk(benchmark::State& state) {
  static const std::unique_ptr<Engine> engine = [] {
    std::string error;
    auto e = Engine::Create(EngineSettings{}, &error);
    if (!e) std::fprintf(stderr, "BM_EngineChunk: %s\n", error.c_str());
    return e;
  }();
  if (!engine) {
    state.SkipWithError("no engine");
    return;
  }
  const std::vector<Article>& corpus = FixtureCorpus();
  const size_t chunk = static_cast<size_t>(state.range(0));
  std::vector<std::vector<Finding>> findings(corpus.size());
  size_t found = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.size(); i += chunk) {
      const size_t n = std::min(chunk, corpus.size() - i);
      engine->LintBatch(&corpus[i], n, &findings[i]);
    }
    for (const std::vector<Finding>& f : findings) found += f.size();
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * FixtureCorpusBytes()));
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_EngineChunk)->Arg(1)->Arg(16)->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_FamilyReference_Analysis(benchmark::State& state) {
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Article& article : FixtureCorpus()) {
      Analysis analysis(article);
      tokens += analysis.sentences().size() + analysis.tokens().size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * FixtureCorpusBytes()));
}
BENCHMARK(BM_FamilyReference_Analysis)->Unit(benchmark::kMillisecond);

void BM_FamilyReference_MemchrLines(benchmark::State& state) { MemchrLinesReference(state, FixtureCorpus()); }
BENCHMARK(BM_FamilyReference_MemchrLines)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newslint
