// Throughput of garbled/spelling and of the per-thread Hunspell dictionary
// behind it (lint/dictionary.h), over a synthetic news corpus generated here:
// about 4 MB of wire-style paragraphs with names, numbers, British spellings,
// URLs and units, where one paragraph in forty is garbled ("teh goverment
// anounced"), so that the rule also runs its slow path (the misspelling
// check of unknown words).
//
// Figures, to read as ratios within one run:
//   BM_Spelling_Rule                  the rule, each article with a fresh
//                                     Analysis (sentences and tokens built
//                                     inside the loop), the thread's
//                                     dictionary warm after the first pass
//   BM_Spelling_AnalysisOnly          the sentences and tokens alone: what
//                                     any token rule pays first
//   BM_Spelling_HunspellUncached      Hunspell's spell() on every lower-case
//                                     word of the corpus, no cache
//   BM_Spelling_CachedLookup          Dictionary::Knows() on the same words
//   BM_Spelling_CleanFixtures         the rule over fixtures/clean/*.txt
//   BM_SpellingReference_MemchrLines  a memchr pass over the corpus bytes
//
// Counters: hit_rate is the dictionary cache's hit rate over the timed
// iterations (warm); cold_hit_rate is the rate of one pass of the rule over
// the same input on a fresh thread, whose dictionary starts empty: what one
// worker of `newslint check` sees on that input.
//
//   build-spelling/newslint_bench --benchmark_filter=Spelling

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
#include <utility>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "bench/synthetic_text.h"
#include "lint/analysis.h"
#include "lint/dictionary.h"
#include "lint/rule.h"
#include "rules/rules.h"

namespace newslint {
namespace {

constexpr std::string_view kSubjects[] = {
    "The minister", "Officials in Nairobi", "The central bank", "Mayor Ana Sánchez",
    "A spokeswoman for the organisation", "The company’s chief executive", "Councillors in Leeds",
    "Police in São Paulo", "The regulator", "Residents of Kraków", "The defence secretary",
    "Analysts at the brokerage"};
constexpr std::string_view kVerbs[] = {
    "said on Tuesday that", "told reporters that", "warned that", "announced that",
    "confirmed in a statement that", "argued that", "recognised that", "acknowledged that"};
constexpr std::string_view kClauses[] = {
    "the talks would resume next week", "prices rose 3.5% in the year to March",
    "the programme would cost about $1.2 billion", "the vote was postponed until June",
    "“we will not accept these terms,” in a rare public rebuke",
    "the bridge, built in 1961, would close for repairs to its centre span",
    "the well-known, state-owned broadcaster had travelled a long way",
    "details were posted at https://www.example.org/news/2024 and by @agency_news",
    "trains would reach 300 km/h and the batteries store 75 kWh",
    "the neighbours had criticised the colour of the new theatre",
    "the harvest was smaller because of the drought and the heat",
    "inflation would slow gradually as energy prices fell",
    "the coastguard had rescued fourteen fishermen from the capsized trawler",
    "the judiciary would review the legislation before the autumn"};
constexpr std::string_view kGarbled[] = {
    "Teh goverment anounced that the econmy was strugling becuase of hte inflation.",
    "Officials said the emergancy fund wouldbe openedfor families whohad lost homes.",
    "The compnay whcih runs teh railway said servcies would resume on Friday."};
constexpr std::string_view kDatelines[] = {"NAIROBI, Kenya (AP) — ", "BRUSSELS (Reuters) — ",
                                           "WASHINGTON — ", ""};

const std::vector<Article>& Corpus() {
  static const std::vector<Article> corpus = SyntheticCorpus(
      20240611, 4u << 20,
      [](PhrasePicker& rng) {
        return WireParagraph(rng, {kDatelines, kSubjects, kVerbs, kClauses});
      },
      kGarbled);
  return corpus;
}

// The English articles of fixtures/clean (the German and French ones are
// skipped by the rule's language gate, so they would only dilute the rate).
const std::vector<Article>& CleanFixtures() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    const std::filesystem::path dir = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures/clean";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".txt" || name.starts_with("de-") || name.starts_with("fr-")) {
        continue;
      }
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      Article a;
      // Drop the fixture notes ("#!! ..."), which are not article text.
      std::string line;
      while (std::getline(text, line)) {
        if (!line.starts_with("#!")) a.text += line + "\n";
      }
      out.push_back(std::move(a));
    }
    return out;
  }();
  return articles;
}

size_t Bytes(const std::vector<Article>& articles) {
  size_t bytes = 0;
  for (const Article& a : articles) bytes += a.text.size();
  return bytes;
}

// Every lower-case ASCII word of three letters or more, in text order: the
// words the rule asks the dictionary about.
const std::vector<std::string>& CorpusWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const Article& a : Corpus()) {
      for (const Token& t : Tokenize(a.text)) {
        std::string_view w = std::string_view(a.text).substr(t.span.start, t.span.size());
        if (t.shape != TokenShape::kLower || w.size() < 3) continue;
        if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
          continue;
        }
        out.emplace_back(w);
      }
    }
    return out;
  }();
  return words;
}

size_t LintAll(const Rule& rule, const std::vector<Article>& articles) {
  std::vector<Finding> findings;
  size_t found = 0;
  for (const Article& article : articles) {
    Analysis analysis(article);
    findings.clear();
    FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
    rule.Check(article, analysis, RuleOptions(), sink);
    found += findings.size();
  }
  return found;
}

// One pass of the rule on a new thread, whose dictionary starts empty.
double ColdHitRate(const std::vector<Article>& articles) {
  double rate = 0;
  std::thread t([&] {
    auto rule = MakeSpellingRule();
    LintAll(*rule, articles);
    if (Dictionary* d = Dictionary::ForThread()) rate = d->counters().hit_rate();
  });
  t.join();
  return rate;
}

void RunRule(benchmark::State& state, const std::vector<Article>& articles) {
  auto rule = MakeSpellingRule();
  Dictionary* dict = Dictionary::ForThread();
  if (dict == nullptr) {
    state.SkipWithError("no Hunspell dictionary");
    return;
  }
  const double cold = ColdHitRate(articles);
  LintAll(*rule, articles);  // load and warm the dictionary outside the timing
  dict->ResetCounters();
  size_t found = 0;
  for (auto _ : state) found += LintAll(*rule, articles);
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(articles)));
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
  state.counters["hit_rate"] = dict->counters().hit_rate();
  state.counters["cold_hit_rate"] = cold;
  state.counters["lookups/iter"] =
      static_cast<double>(dict->counters().lookups) /
      static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

void BM_Spelling_Rule(benchmark::State& state) { RunRule(state, Corpus()); }
BENCHMARK(BM_Spelling_Rule);

void BM_Spelling_CleanFixtures(benchmark::State& state) { RunRule(state, CleanFixtures()); }
BENCHMARK(BM_Spelling_CleanFixtures);

void BM_Spelling_AnalysisOnly(benchmark::State& state) {
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Article& article : Corpus()) {
      Analysis analysis(article);
      tokens += analysis.sentences().size() + analysis.tokens().size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(Corpus())));
}
BENCHMARK(BM_Spelling_AnalysisOnly);

void BM_Spelling_HunspellUncached(benchmark::State& state) {
  Dictionary* dict = Dictionary::ForThread();
  if (dict == nullptr) {
    state.SkipWithError("no Hunspell dictionary");
    return;
  }
  const std::vector<std::string>& words = CorpusWords();
  size_t known = 0;
  for (auto _ : state) {
    for (const std::string& w : words) known += dict->SpellUncached(w);
  }
  benchmark::DoNotOptimize(std::as_const(known));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(Corpus())));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_Spelling_HunspellUncached)->Unit(benchmark::kMillisecond);

void BM_Spelling_CachedLookup(benchmark::State& state) {
  Dictionary* dict = Dictionary::ForThread();
  if (dict == nullptr) {
    state.SkipWithError("no Hunspell dictionary");
    return;
  }
  const std::vector<std::string>& words = CorpusWords();
  dict->ResetCounters();
  size_t known = 0;
  for (auto _ : state) {
    for (const std::string& w : words) known += dict->Knows(w);
  }
  benchmark::DoNotOptimize(std::as_const(known));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(Corpus())));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
  state.counters["hit_rate"] = dict->counters().hit_rate();
}
BENCHMARK(BM_Spelling_CachedLookup)->Unit(benchmark::kMillisecond);

// Reference: find every line with memchr over the same bytes.
void BM_SpellingReference_MemchrLines(benchmark::State& state) { MemchrLinesReference(state, Corpus()); }
BENCHMARK(BM_SpellingReference_MemchrLines);

}  // namespace
}  // namespace newslint
