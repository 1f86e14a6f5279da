// Throughput of the phrase-lexicon garbled rules (garbled/spun-phrase) over a
// synthetic news corpus generated here: about 4 MB of wire-style articles
// with accented names and curly quotes. In the "spun" corpus roughly one
// paragraph in forty comes from a content farm's spinner, so the rule also
// runs its slow path (sorting matches, the gate, sentences, findings); the
// "clean" corpus has none, the case of nearly every real article, where the
// rule returns after the matcher finds nothing.
//
// Each rule benchmark lints every article with a fresh Analysis, so it
// includes building the paragraphs view the rule reads (and the sentences it
// reads when a phrase matched). Read the figures as ratios against
// BM_GarbledPhrasesReference_MemchrLines in the same run: a plain memchr pass
// over the same bytes.
//
//   build/newslint_bench --benchmark_filter='SpunPhrase|GarbledPhrases'

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
#include "lint/phrase_matcher.h"
#include "lint/rule.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

constexpr std::string_view kSubjects[] = {
    "The minister", "Officials in Nairobi", "The central bank", "Mayor Ana Sánchez",
    "A spokeswoman for the ministry", "The company’s chief executive", "Lawmakers in Zürich",
    "Police in São Paulo", "The regulator", "Residents of Kraków", "The health minister",
    "Opposition leaders"};
constexpr std::string_view kVerbs[] = {
    "said on Tuesday that", "told a press conference that", "warned that", "announced that",
    "confirmed in a statement that", "argued that", "wrote on social media that"};
constexpr std::string_view kClauses[] = {
    "the talks would resume next week", "prices rose 3.5% in the year to March",
    "the plan would cost about $1.2 billion", "the vote was postponed until June",
    "“we will not accept these terms,” in a rare public rebuke",
    "the bridge, built in 1961, would close for repairs",
    "the stock market had recovered most of its losses",
    "the U.S., Britain and France backed the measure", "a deal was “close, but not done”",
    "the vast amount of information collected would be deleted",
    "breast cancer screening would start in the north in order to cut waiting times"};
// Spun paragraphs: what a synonym spinner makes of the lines above.
constexpr std::string_view kSpun[] = {
    "The wellbeing pastor told a squeeze meeting that bosom malignancy screening would start "
    "in the north, and that the spending plan shortfall had delayed it.",
    "Rovers reached the semi-last after a punishment shootout; Okoro scored an objective "
    "before limping off with a hamstring physical issue.",
    "Shares fell on the financial exchange as posts on web-based media spread claims about "
    "the inventory network, the top managerial staff said.",
    "The unfamiliar undertakings clergyman said harmony talks would resume after weighty "
    "battling over the beyond year.",
    "Atmosphere change and worldwide warming were the focus of the atmosphere culmination, "
    "where general wellbeing authorities spoke."};
constexpr std::string_view kDatelines[] = {"NAIROBI, Kenya (AP) — ", "BRUSSELS (Reuters) — ",
                                           "WASHINGTON — ", ""};

std::vector<Article> MakeCorpus(bool spun) {
  return SyntheticCorpus(
      20241107, 4u << 20,
      [](PhrasePicker& rng) {
        return WireParagraph(rng, {kDatelines, kSubjects, kVerbs, kClauses});
      },
      spun ? std::span<const std::string_view>(kSpun) : std::span<const std::string_view>());
}

const std::vector<Article>& SpunCorpus() {
  static const std::vector<Article> corpus = MakeCorpus(true);
  return corpus;
}

const std::vector<Article>& CleanCorpus() {
  static const std::vector<Article> corpus = MakeCorpus(false);
  return corpus;
}

size_t Bytes(const std::vector<Article>& corpus) {
  size_t bytes = 0;
  for (const Article& a : corpus) bytes += a.text.size();
  return bytes;
}

void RunRule(benchmark::State& state, const Rule& rule, const std::vector<Article>& corpus) {
  std::vector<Finding> findings;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : corpus) {
      Analysis analysis(article);
      findings.clear();
      FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
      rule.Check(article, analysis, RuleOptions(), sink);
      found += findings.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(corpus)));
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

void BM_SpunPhrase_SpunCorpus(benchmark::State& state) {
  auto rule = MakeSpunPhraseRule();
  RunRule(state, *rule, SpunCorpus());
}
BENCHMARK(BM_SpunPhrase_SpunCorpus);

void BM_SpunPhrase_CleanCorpus(benchmark::State& state) {
  auto rule = MakeSpunPhraseRule();
  RunRule(state, *rule, CleanCorpus());
}
BENCHMARK(BM_SpunPhrase_CleanCorpus);

// The matcher alone over every line, with the whole spun-phrase lexicon
// (about a thousand phrases): the floor under the rule.
void BM_SpunPhrase_MatcherOnly(benchmark::State& state) {
  std::vector<std::string_view> phrases;
  for (std::string_view entry : LexiconEntries("spun-phrases")) {
    std::string_view phrase = entry.substr(0, entry.find('|'));
    while (!phrase.empty() && phrase.back() == ' ') phrase.remove_suffix(1);
    phrases.push_back(phrase);
  }
  PhraseMatcher matcher(phrases);
  std::vector<PhraseMatch> matches;
  size_t found = 0;
  const std::vector<Article>& corpus = SpunCorpus();
  for (auto _ : state) {
    for (const Article& article : corpus) {
      std::string_view text = article.text;
      for (size_t start = 0; start < text.size();) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        matches.clear();
        matcher.FindAll(text.substr(start, nl - start), start, &matches);
        found += matches.size();
        start = nl + 1;
      }
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(corpus)));
  state.counters["phrases"] = static_cast<double>(phrases.size());
}
BENCHMARK(BM_SpunPhrase_MatcherOnly);

// Reference: find every line with memchr over the same bytes.
void BM_GarbledPhrasesReference_MemchrLines(benchmark::State& state) { MemchrLinesReference(state, SpunCorpus()); }
BENCHMARK(BM_GarbledPhrasesReference_MemchrLines);

}  // namespace
}  // namespace newslint
