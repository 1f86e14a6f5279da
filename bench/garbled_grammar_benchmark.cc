// Throughput of garbled/grammar over a synthetic news corpus generated here:
// about 4 MB of wire-style paragraphs full of the rule's look-alikes ("all
// the", "is this the", "anyone who wants to is", "does he have", "amid
// fears"), so that every signal runs its guards, and one paragraph in forty
// carrying a real defect ("the a plan", "decided to went", "they is",
// "amid.").
//
// Three figures, to read as ratios within one run:
//   BM_GarbledGrammar                      the rule, each article with a fresh
//                                          Analysis (sentences and tokens
//                                          built inside the loop)
//   BM_GarbledGrammar_AnalysisOnly         the sentences and tokens alone:
//                                          what any token rule pays first
//   BM_GarbledGrammarReference_MemchrLines a memchr pass over the same bytes
//
//   build-grammar/newslint_bench --benchmark_filter=GarbledGrammar

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "bench/synthetic_text.h"
#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"

namespace newslint {
namespace {

constexpr std::string_view kClean[] = {
    "All the ministers said on Tuesday that the talks would resume next week.",
    "Is this the end of the coalition, the newspaper asked in an editorial.",
    "Anyone who wants to is welcome to join the march, the organisers said.",
    "Does he have a plan for the economy? Voters are not sure.",
    "Prices rose amid fears of a drought in the south of the country.",
    "The official he spoke to said the file had been lost in 2019.",
    "Both the central bank and the regulator warned that inflation would stay high.",
    "“We was robbed,” the manager said after the final whistle.",
    "The company, which employs 1,200 people, plans to hire 300 more by June.",
    "Such a decision has not been taken since the 1990s, a spokeswoman said.",
    "They said they would return to the city once the water had receded.",
    "Rents are higher than in any other city, according to the survey.",
    "Officials in Zürich and São Paulo confirmed the figures on Friday."};
constexpr std::string_view kDefects[] = {
    "The government approved the a plan to expand the port.",
    "Fishermen decided to went to the capital to protest.",
    "The council said they is ready to pay compensation.",
    "Shares in the operator rose 4% on Tuesday amid.",
    "He have visited the site twice, and their the concerns were heard."};

// Paragraphs of two to four clean sentences; one in forty is a defect.
std::string CleanParagraph(PhrasePicker& rng) {
  std::string p;
  const int sentences = 2 + static_cast<int>(rng.Next() % 3);
  for (int s = 0; s < sentences; ++s) {
    if (s) p += ' ';
    p += rng.Pick(kClean);
  }
  return p;
}

const std::vector<Article>& Corpus() {
  static const std::vector<Article> corpus =
      SyntheticCorpus(20240612, 4u << 20, CleanParagraph, kDefects);
  return corpus;
}

size_t CorpusBytes() {
  size_t bytes = 0;
  for (const Article& a : Corpus()) bytes += a.text.size();
  return bytes;
}

void BM_GarbledGrammar(benchmark::State& state) {
  std::unique_ptr<Rule> rule = MakeGrammarRule();
  std::vector<Finding> findings;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : Corpus()) {
      Analysis analysis(article);
      findings.clear();
      FindingSink sink(rule->info().id, rule->info().default_severity, &findings);
      rule->Check(article, analysis, RuleOptions(), sink);
      found += findings.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_GarbledGrammar);

void BM_GarbledGrammar_AnalysisOnly(benchmark::State& state) {
  size_t count = 0;
  for (auto _ : state) {
    for (const Article& article : Corpus()) {
      Analysis analysis(article);
      count += analysis.sentences().size() + analysis.tokens().size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(count));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_GarbledGrammar_AnalysisOnly);

// Reference: find every line with memchr over the same bytes.
void BM_GarbledGrammarReference_MemchrLines(benchmark::State& state) { MemchrLinesReference(state, Corpus()); }
BENCHMARK(BM_GarbledGrammarReference_MemchrLines);

}  // namespace
}  // namespace newslint
