// Blocklists for links/blocklisted-domain: loading a million domains from a
// file and looking hosts up, against references in the same run:
//   BM_LinksReference_MemchrLines     a memchr pass over the file's bytes
//                                     (the floor for any loader);
//   BM_LinksReference_UnorderedSet*   the same work with an
//                                     std::unordered_set<std::string>.
// The file holds 1,000,000 random domains (10-20 letters, a few labels, a
// common TLD), generated once per run into the temp folder.
// And the spam-anchor scorer (links::ScoreSpam) over the texts the links
// rules give it: every link anchor of the fixtures and every line of their
// text of at most 80 bytes (the stray lines links/spam-anchor scores):
//   BM_LinksScoreSpam_FixtureAnchors
//
//   build/newslint_bench --benchmark_filter='Links'

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"
#include "lint/article.h"
#include "lint/readers/reader.h"
#include "rules/link_blocklist.h"
#include "rules/link_signals.h"

namespace newslint {
namespace {

constexpr int kDomains = 1000000;

std::string RandomDomain(std::mt19937_64& rng) {
  static const char* kTlds[] = {"com", "net", "org", "info", "ru", "xyz", "co.uk", "de", "top"};
  std::string d;
  int labels = 1 + static_cast<int>(rng() % 3 == 0);
  for (int l = 0; l < labels; ++l) {
    int n = 5 + static_cast<int>(rng() % 10);
    for (int k = 0; k < n; ++k) d.push_back(static_cast<char>('a' + rng() % 26));
    if (rng() % 4 == 0) d += "-" + std::to_string(rng() % 1000);
    d.push_back('.');
  }
  d += kTlds[rng() % (sizeof kTlds / sizeof kTlds[0])];
  return d;
}

struct Corpus {
  std::string path;
  std::string bytes;
  std::vector<std::string> hosts;  // half listed (some as subdomains), half not
};

const Corpus& BlocklistCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::mt19937_64 rng(2026);
    std::vector<std::string> domains;
    domains.reserve(kDomains);
    for (int i = 0; i < kDomains; ++i) domains.push_back(RandomDomain(rng));
    for (const std::string& d : domains) c.bytes += d + "\n";
    c.path = (std::filesystem::temp_directory_path() / "newslint-bench-blocklist.txt").string();
    std::ofstream(c.path, std::ios::binary) << c.bytes;
    for (int i = 0; i < 100000; ++i) {
      const std::string& d = domains[rng() % domains.size()];
      c.hosts.push_back(i % 4 == 0 ? "www." + d : i % 4 == 1 ? "cdn.shop." + d : RandomDomain(rng));
    }
    return c;
  }();
  return corpus;
}

void BM_LinksBlocklistLoad(benchmark::State& state) {
  const Corpus& c = BlocklistCorpus();
  size_t domains = 0, memory = 0;
  for (auto _ : state) {
    links::Blocklist list;
    std::string error;
    if (!list.Load({c.path}, &error)) state.SkipWithError(error.c_str());
    domains = list.size();
    memory = list.MemoryBytes();
  }
  state.counters["domains"] = static_cast<double>(domains);
  state.counters["bytes_per_domain"] = static_cast<double>(memory) / static_cast<double>(domains);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes.size()));
}
BENCHMARK(BM_LinksBlocklistLoad)->Unit(benchmark::kMillisecond);

void BM_LinksBlocklistLookup(benchmark::State& state) {
  const Corpus& c = BlocklistCorpus();
  links::Blocklist list;
  std::string error;
  list.Load({c.path}, &error);
  std::vector<std::string> registered;
  for (const std::string& h : c.hosts) registered.push_back(links::RegisteredDomain(h));
  size_t hits = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.hosts.size(); ++i) hits += list.FindHost(c.hosts[i], registered[i]).has_value();
  }
  benchmark::DoNotOptimize(std::as_const(hits));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.hosts.size()));
}
BENCHMARK(BM_LinksBlocklistLookup)->Unit(benchmark::kMillisecond);

void BM_LinksReference_MemchrLines(benchmark::State& state) {
  static const std::vector<Article> corpus = [] {
    Article a;
    a.text = BlocklistCorpus().bytes;
    return std::vector<Article>{std::move(a)};
  }();
  MemchrLinesReference(state, corpus);
}
BENCHMARK(BM_LinksReference_MemchrLines)->Unit(benchmark::kMillisecond);

void BM_LinksReference_UnorderedSetLoad(benchmark::State& state) {
  const Corpus& c = BlocklistCorpus();
  size_t size = 0;
  for (auto _ : state) {
    std::unordered_set<std::string> set;
    std::string_view text = c.bytes;
    size_t i = 0;
    while (i < text.size()) {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) nl = text.size();
      set.emplace(text.substr(i, nl - i));
      i = nl + 1;
    }
    size = set.size();
  }
  benchmark::DoNotOptimize(std::as_const(size));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes.size()));
}
BENCHMARK(BM_LinksReference_UnorderedSetLoad)->Unit(benchmark::kMillisecond);

// Anchors and short lines of every fixture record.
const std::vector<std::string>& FixtureAnchors() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const auto root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".txt" && ext != ".jsonl" && ext != ".html")) continue;
      std::string error;
      auto reader = OpenReader(e.path().string(), ReadOptions{}, &error);
      if (!reader) continue;
      for (Article a; reader->Next(&a);) {
        for (const Link& link : a.links) out.push_back(link.anchor_text);
        std::string_view text = a.text;
        while (!text.empty()) {
          const size_t nl = std::min(text.find('\n'), text.size());
          if (nl > 0 && nl <= 80) out.emplace_back(text.substr(0, nl));
          text.remove_prefix(std::min(nl + 1, text.size()));
        }
      }
    }
    return out;
  }();
  return texts;
}

void BM_LinksScoreSpam_FixtureAnchors(benchmark::State& state) {
  const std::vector<std::string>& texts = FixtureAnchors();
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  size_t spam = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) spam += links::ScoreSpam(t).spam();
  }
  benchmark::DoNotOptimize(std::as_const(spam));
  state.counters["texts"] = static_cast<double>(texts.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_LinksScoreSpam_FixtureAnchors)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newslint
