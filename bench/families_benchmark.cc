// Throughput of each rule family, and of every rule together, on the
// project's own fixtures: the clean articles and the defective ones (every
// fixtures/**/*.txt, annotations stripped, each titled with its first line
// and carrying a news page's links), repeated to about 4 MB. The mix is what the rules meet in practice: mostly
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
#include <cctype>
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

// The links a scraper stores beside a news page's text, as bench/corpus.py
// --links writes them: the site's menu, share buttons, sources cited in the
// story (anchors are words of the text), related stories (other fixtures'
// headlines) and the footer; about fifty, all clean. The links/* rules read
// them; without them they have nothing to do.
std::vector<Link> PageLinks(size_t i, const std::string& url, const std::string& text,
                            const std::vector<std::string>& headlines) {
  static const char* const kSections[] = {"world",   "politics", "business", "markets",
                                          "technology", "science", "health", "sport",
                                          "culture", "opinion", "weather", "video"};
  static const char* const kSources[] = {
      "https://www.reuters.com/world/", "https://apnews.com/article/",
      "https://www.sec.gov/news/press-release/", "https://www.who.int/news/item/",
      "https://data.worldbank.org/indicator/", "https://www.nature.com/articles/",
      "https://www.bls.gov/news.release/", "https://eur-lex.europa.eu/legal-content/"};
  static const std::pair<const char*, const char*> kShare[] = {
      {"https://www.facebook.com/sharer/sharer.php?u=", "Share on Facebook"},
      {"https://twitter.com/intent/tweet?url=", "Share on X"},
      {"https://www.linkedin.com/sharing/share-offsite/?url=", "Share on LinkedIn"},
      {"https://api.whatsapp.com/send?text=", "Share on WhatsApp"},
      {"mailto:?subject=Story&body=", "Email"}};
  static const std::pair<const char*, const char*> kFooter[] = {
      {"/about", "About us"}, {"/contact", "Contact"}, {"/privacy", "Privacy policy"},
      {"/terms", "Terms of use"}, {"/cookies", "Cookie settings"}, {"/advertise", "Advertise"},
      {"/careers", "Careers"}, {"/newsletters", "Newsletters"},
      {"https://www.example-media-group.com/", "Example Media Group"},
      {"https://help.example-media-group.com/corrections", "Corrections"}};
  auto link = [](std::string href, std::string text, LinkRegion region) {
    Link l;
    l.href = std::move(href);
    l.anchor_text = std::move(text);
    l.region = region;
    return l;
  };
  const std::string site = url.substr(0, url.find("/news/"));
  std::vector<Link> links = {link("/", "Home", LinkRegion::kNav)};
  for (size_t k = 0; k < std::size(kSections); ++k) {
    std::string name = kSections[k];
    std::string label = name;
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    links.push_back(link((k % 2 ? "/" : site + "/") + name, label, LinkRegion::kNav));
  }
  for (const auto& [base, label] : kShare) links.push_back(link(base + url, label, LinkRegion::kAside));
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    if (std::isalpha(static_cast<unsigned char>(w[0]))) words.push_back(w);
  }
  for (size_t k = 0; k < 6 && words.size() >= 4; ++k) {
    const size_t start = (i * 7 + k * 37) % (words.size() - 3);
    std::string anchor = words[start];
    for (size_t n = 1; n < 2 + (i + k) % 3 && start + n < words.size(); ++n) anchor += " " + words[start + n];
    links.push_back(link(kSources[(i + k) % std::size(kSources)] + std::to_string(i) + "-" +
                             std::to_string(k),
                         anchor, LinkRegion::kBody));
  }
  for (size_t k = 0; k < 8 && !headlines.empty(); ++k) {
    const size_t j = (i + 1 + k * 13) % headlines.size();
    links.push_back(link(site + "/news/" + std::to_string(j), headlines[j], LinkRegion::kAside));
  }
  for (const auto& [href, label] : kFooter) links.push_back(link(href, label, LinkRegion::kFooter));
  return links;
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
    std::vector<std::string> headlines;
    for (const std::string& t : texts) headlines.push_back(Headline(t));
    std::vector<Article> articles;
    size_t bytes = 0;
    for (size_t i = 0; !texts.empty() && bytes < (4u << 20); ++i) {
      Article a;
      a.id = "a" + std::to_string(i);
      a.url = "https://site" + std::to_string(i % 20) + ".example/news/" + std::to_string(i);
      a.text = texts[i % texts.size()];
      a.title = Headline(a.text);
      a.site = "site" + std::to_string(i % 20) + ".example";
      a.links = PageLinks(i, a.url, a.text, headlines);
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
