// Throughput of the first four rules (boilerplate/consent-banner,
// garbled/mojibake, garbled/html-residue, garbled/stray-punctuation) and of
// the PhraseMatcher, over a synthetic news corpus generated here: about 4 MB
// of wire-style articles with accented names and curly quotes, where roughly
// one paragraph in forty carries a defect (a banner, mojibake, an entity or a
// tag, stray punctuation), so that every rule also runs its slow paths.
//
// Each rule benchmark lints every article with a fresh Analysis, so it
// includes building the lines/paragraphs views the rule reads. Read the
// figures as ratios against BM_RulesReference_MemchrLines in the same run: a
// plain memchr pass over the same bytes, which is what "near memory speed"
// means on the machine at hand.
//
//   build/newslint_bench --benchmark_filter='Rules|PhraseMatcher'

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
#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/registry.h"
#include "lint/rule.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

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
    "cookies and other trackers were used without consent, according to the complaint",
    "the U.S., Britain and France backed the measure", "a deal was “close, but not done”"};
constexpr std::string_view kDefects[] = {
    "We use cookies to personalise content and ads. By using this site, you agree to our "
    "Privacy Policy.\nAccept all\nReject all",
    "The minister said the plan wasnâ€™t finished, and FranÃ§ois agreed.",
    "Smith &amp; Wesson said the company&#8217;s sales rose.<br>Shares fell.",
    "The company , which denied it, said,, adding that talks would go on. .",
    "<p class=\"lead\">Floodwaters receded on Wednesday.</p>"};
constexpr std::string_view kDatelines[] = {"NAIROBI, Kenya (AP) — ", "BRUSSELS (Reuters) — ",
                                           "WASHINGTON — ", ""};

const std::vector<Article>& Corpus() {
  static const std::vector<Article> corpus = SyntheticCorpus(
      20240611, 4u << 20,
      [](PhrasePicker& rng) {
        return WireParagraph(rng, {kDatelines, kSubjects, kVerbs, kClauses});
      },
      kDefects);
  return corpus;
}

size_t CorpusBytes() {
  size_t bytes = 0;
  for (const Article& a : Corpus()) bytes += a.text.size();
  return bytes;
}

void RunRules(benchmark::State& state, const std::vector<std::unique_ptr<Rule>>& rules) {
  const std::vector<Article>& corpus = Corpus();
  std::vector<Finding> findings;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : corpus) {
      Analysis analysis(article);
      findings.clear();
      for (const auto& rule : rules) {
        FindingSink sink(rule->info().id, rule->info().default_severity, &findings);
        rule->Check(article, analysis, RuleOptions(), sink);
      }
      found += findings.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["findings/iter"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

template <std::unique_ptr<Rule> (*Factory)()>
void BM_Rules_One(benchmark::State& state) {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(Factory());
  RunRules(state, rules);
}
BENCHMARK_TEMPLATE(BM_Rules_One, MakeConsentBannerRule)->Name("BM_Rules_ConsentBanner");
BENCHMARK_TEMPLATE(BM_Rules_One, MakeMojibakeRule)->Name("BM_Rules_Mojibake");
BENCHMARK_TEMPLATE(BM_Rules_One, MakeHtmlResidueRule)->Name("BM_Rules_HtmlResidue");
BENCHMARK_TEMPLATE(BM_Rules_One, MakeStrayPunctuationRule)->Name("BM_Rules_StrayPunctuation");

void BM_Rules_AllFourSharingOneAnalysis(benchmark::State& state) {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(MakeConsentBannerRule());
  rules.push_back(MakeMojibakeRule());
  rules.push_back(MakeHtmlResidueRule());
  rules.push_back(MakeStrayPunctuationRule());
  RunRules(state, rules);
}
BENCHMARK(BM_Rules_AllFourSharingOneAnalysis);

// The matcher alone, over every line, with the consent lexicons (about 300
// phrases): the cost every phrase-based boilerplate rule pays.
void BM_PhraseMatcher_ConsentLexicons(benchmark::State& state) {
  std::vector<std::string_view> phrases;
  for (const char* name : {"consent-statements", "consent-objects", "consent-address",
                           "consent-vetoes", "consent-buttons", "consent-controls"}) {
    for (std::string_view p : LexiconEntries(name)) phrases.push_back(p);
  }
  PhraseMatcher matcher(phrases);
  std::vector<PhraseMatch> matches;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : Corpus()) {
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
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["phrases"] = static_cast<double>(phrases.size());
}
BENCHMARK(BM_PhraseMatcher_ConsentLexicons);

// The one shared scan per article (lint/phrase_bank.h): every phrase of every
// built-in rule that scans phrases, in one automaton, over each whole text.
// Compare with BM_PhraseMatcher_ConsentLexicons (one rule's lexicons): the
// combined automaton is much larger, so its table misses the caches more,
// but it replaces a dozen such scans.
void BM_PhraseBank_AllBuiltinRules(benchmark::State& state) {
  const std::vector<std::unique_ptr<Rule>> rules = MakeAllRules();
  std::vector<const PhraseMatcher*> matchers;
  for (const auto& rule : rules) AppendPhraseMatchers(*rule, &matchers);
  const PhraseBank bank(matchers);
  std::vector<PhraseMatch> matches;
  size_t found = 0;
  for (auto _ : state) {
    for (const Article& article : Corpus()) {
      matches.clear();
      bank.combined().FindAll(article.text, 0, &matches);
      found += matches.size();
    }
  }
  benchmark::DoNotOptimize(std::as_const(found));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["phrases"] = static_cast<double>(bank.phrase_count());
  state.counters["states"] = static_cast<double>(bank.combined().state_count());
  state.counters["matches/MB"] = static_cast<double>(found) /
                                 static_cast<double>(std::max<int64_t>(1, state.iterations())) /
                                 (static_cast<double>(CorpusBytes()) / 1e6);
}
BENCHMARK(BM_PhraseBank_AllBuiltinRules);

// Reference: find every line with memchr over the same bytes.
void BM_RulesReference_MemchrLines(benchmark::State& state) { MemchrLinesReference(state, Corpus()); }
BENCHMARK(BM_RulesReference_MemchrLines);

}  // namespace
}  // namespace newslint
