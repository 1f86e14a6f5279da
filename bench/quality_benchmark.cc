// Throughput of the quality/* measurements: the shared view alone
// (QualityStats: words, lines, paragraphs, n-gram hashes and counts) and the
// sixteen quality rules on top of it, over about 4 MB of synthetic wire copy
// (paragraphs of two to four sentences separated by blank lines, some
// non-ASCII names and curly quotes, now and then a repeated boilerplate line).
//
// Read the figures as ratios against BM_QualityReference_MemchrLines in the
// same run (shared machines drift):
//
//   build/newslint_bench --benchmark_filter='Quality'

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "bench/synthetic_text.h"
#include "lint/analysis.h"
#include "lint/registry.h"
#include "lint/rule.h"
#include "rules/quality_metrics.h"

namespace newslint {
namespace {

constexpr std::string_view kSubjects[] = {
    "The minister", "Officials in Nairobi", "The central bank", "Mayor Ana Sánchez",
    "A spokeswoman for the ministry", "The company’s chief executive", "Lawmakers in Zürich",
    "Police in São Paulo", "The regulator", "Residents of Kraków"};
constexpr std::string_view kVerbs[] = {
    "said on Tuesday that", "told reporters that", "warned that", "announced that",
    "confirmed in a statement that", "argued that"};
constexpr std::string_view kClauses[] = {
    "the talks would resume next week", "prices rose 3.5% in the year to March",
    "the plan would cost about $1.2 billion", "the vote was postponed until June",
    "“we will not accept these terms,” in a rare public rebuke",
    "the bridge, built in 1961, would close for repairs",
    "the U.S., Britain and France backed the measure", "a deal was “close, but not done”"};
constexpr std::string_view kDatelines[] = {"NAIROBI, Kenya (AP) — ", "BRUSSELS (Reuters) — ",
                                           "WASHINGTON — ", ""};
// Lines the repetition metrics should see: template lines, a hashtag row.
constexpr std::string_view kDefects[] = {"Advertisement", "Share this article",
                                         "#news #world #politics", "Read more..."};

const std::vector<Article>& Corpus() {
  static const std::vector<Article> corpus = SyntheticCorpus(
      20240801, 4u << 20,
      [](PhrasePicker& rng) {
        return WireParagraph(rng, {kDatelines, kSubjects, kVerbs, kClauses});
      },
      kDefects, 10);
  return corpus;
}

// The view alone, built from the text.
void BM_QualityStats(benchmark::State& state) {
  const std::vector<Article>& corpus = Corpus();
  uint64_t words = 0;
  for (auto _ : state) {
    for (const Article& article : corpus) {
      QualityStats stats(article.text);
      words += stats.word_count + stats.ngrams[5].duplicate_chars;
    }
  }
  benchmark::DoNotOptimize(std::as_const(words));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
}
BENCHMARK(BM_QualityStats)->Unit(benchmark::kMillisecond);

// All sixteen rules with a fresh Analysis per article (the view is built
// once, on the first rule's call, and shared).
void BM_QualityRules(benchmark::State& state) {
  std::vector<std::unique_ptr<Rule>> rules;
  for (auto& rule : MakeAllRules()) {
    if (rule->info().family() == "quality") rules.push_back(std::move(rule));
  }
  const std::vector<Article>& corpus = Corpus();
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
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes(corpus)));
  state.counters["rules"] = static_cast<double>(rules.size());
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_QualityRules)->Unit(benchmark::kMillisecond);

void BM_QualityReference_MemchrLines(benchmark::State& state) {
  MemchrLinesReference(state, Corpus());
}
BENCHMARK(BM_QualityReference_MemchrLines)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newslint
