// Micro-benchmarks for the shared analysis: UTF-8 validation, tokenisation,
// sentence splitting and a whole Analysis pass, over a synthetic news corpus
// generated here (about 4 MB of English wire copy with some non-ASCII names
// and curly quotes, plus 1 MB of Cyrillic text for the UTF-8 paths).
//
// Read the results as ratios against the reference benchmarks in the same
// run (BM_Reference_*: memchr newline counting, simdjson's UTF-8 validator),
// because absolute times on shared machines drift.
//
//   build/newslint_bench --benchmark_filter='Reference|Utf8|Tokenize|Split|Analysis|Attribution|Lower'

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include "bench/synthetic_text.h"
#include "lint/analysis.h"
#include "lint/attribution.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "lint/quotations_internal.h"
#include "lint/tokenizer_reference.h"

namespace newslint {
namespace {

constexpr std::string_view kSubjects[] = {
    "The minister",  "Police",           "Gov. Maria Torres",  "The U.S. military",
    "Mr. Okafor",    "Officials in Kyiv", "The company",       "Sen. Paul Whitfield",
    "Acme Corp.",    "Residents of Zürich", "Dr. Helen Park",  "The central bank",
    "John F. Ellis", "The council",      "Investors",          "Prosecutors in St. Louis",
};
constexpr std::string_view kVerbs[] = {
    "said", "announced", "warned", "confirmed", "denied", "expected", "reported", "agreed",
};
constexpr std::string_view kObjects[] = {
    "the plan would cost $1.5 billion over five years",
    "turnout reached 61.2% in the first round",
    "the talks would resume at 10 a.m. Tuesday",
    "the bridge on Route 9 would stay closed until Jan. 15",
    "prices rose 3.5 percent in the second quarter",
    "the No. 2 official had resigned",
    "the report, published at example.org/report-2024.pdf, was incomplete",
    "Kyiv’s long-term reconstruction needs were growing",
    "more than 1,200 people had been evacuated",
    "the decision was final... for now",
    "the U.N. envoy would visit next week",
    "the vote, e.g. in rural districts, was delayed",
};
constexpr std::string_view kQuotes[] = {
    "“We will rebuild,” she said.",
    "“Why now?” a reporter asked.",
    "\"This is not over,\" he told reporters.",
    "“It was chaos. Nobody knew what to do,” one witness said.",
};
constexpr std::string_view kDatelines[] = {
    "WASHINGTON (AP) — ", "LONDON (Reuters) - ", "KYIV, Ukraine (AP) — ", "",
};
constexpr std::string_view kCyrillic[] = {
    "Министр заявил, что переговоры возобновятся во вторник.",
    "По данным полиции, мост останется закрытым до 15 января.",
    "«Мы всё восстановим», — сказала мэр города.",
    "Цены выросли на 3,5 процента во втором квартале.",
};

// One article: a headline, then paragraphs of two to four sentences.
std::string MakeArticle(PhrasePicker& rng) {
  std::string a = "Officials weigh new measures after flooding\n\n";
  const int paragraphs = 6 + rng.Next() % 8;
  for (int p = 0; p < paragraphs; ++p) {
    if (p == 0) a += rng.Pick(kDatelines);
    const int sentences = 2 + rng.Next() % 3;
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) a += ' ';
      if (rng.Next() % 5 == 0) {
        a += rng.Pick(kQuotes);
        continue;
      }
      a += rng.Pick(kSubjects);
      a += ' ';
      a += rng.Pick(kVerbs);
      a += " that ";
      a += rng.Pick(kObjects);
      a += '.';
    }
    a += '\n';
  }
  return a;
}

struct Corpus {
  std::vector<std::string> articles;
  std::string all;  // the articles concatenated
};

const Corpus& EnglishCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    PhrasePicker rng(42);
    while (c->all.size() < (4u << 20)) {
      c->articles.push_back(MakeArticle(rng));
      c->all += c->articles.back();
    }
    return c;
  }();
  return *corpus;
}

// The English corpus as Articles (text only), for the benchmarks that build
// an Analysis per article.
const std::vector<Article>& EnglishArticles() {
  static const std::vector<Article>* articles = [] {
    const Corpus& corpus = EnglishCorpus();
    auto* a = new std::vector<Article>(corpus.articles.size());
    for (size_t i = 0; i < a->size(); ++i) (*a)[i].text = corpus.articles[i];
    return a;
  }();
  return *articles;
}

const std::string& CyrillicText() {
  static const std::string* text = [] {
    auto* t = new std::string;
    PhrasePicker rng(7);
    while (t->size() < (1u << 20)) {
      *t += rng.Pick(kCyrillic);
      *t += rng.Next() % 4 == 0 ? '\n' : ' ';
    }
    return t;
  }();
  return *text;
}

// --- References ------------------------------------------------------------

size_t CountNewlines(std::string_view s) {
  size_t n = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

void BM_Reference_MemchrNewlines(benchmark::State& state) {
  const std::string& text = EnglishCorpus().all;
  for (auto _ : state) benchmark::DoNotOptimize(CountNewlines(text));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Reference_MemchrNewlines);

void BM_Reference_SimdjsonUtf8(benchmark::State& state) {
  const std::string& text = state.range(0) == 0 ? EnglishCorpus().all : CyrillicText();
  for (auto _ : state) benchmark::DoNotOptimize(simdjson::validate_utf8(text.data(), text.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Reference_SimdjsonUtf8)->ArgName("cyrillic")->Arg(0)->Arg(1);

// --- UTF-8 -----------------------------------------------------------------

void BM_IsValidUtf8(benchmark::State& state) {
  const std::string& text = state.range(0) == 0 ? EnglishCorpus().all : CyrillicText();
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8(text));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_IsValidUtf8)->ArgName("cyrillic")->Arg(0)->Arg(1);

// Ill-formed input takes the scalar path that finds the first bad byte.
void BM_IsValidUtf8InvalidAtEnd(benchmark::State& state) {
  const std::string text = EnglishCorpus().all + "\xFF";
  size_t bad = 0;
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8(text, &bad));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_IsValidUtf8InvalidAtEnd);

void BM_CountCodePoints(benchmark::State& state) {
  const std::string& text = state.range(0) == 0 ? EnglishCorpus().all : CyrillicText();
  for (auto _ : state) benchmark::DoNotOptimize(CountCodePoints(text));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_CountCodePoints)->ArgName("cyrillic")->Arg(0)->Arg(1);

// --- Tokens and sentences --------------------------------------------------

void BM_Tokenize(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& a : corpus.articles) {
      std::vector<Token> t = Tokenize(a);
      tokens += t.size();
      benchmark::DoNotOptimize(t.data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
  state.counters["tokens"] = benchmark::Counter(double(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize);

void BM_TokenizeCyrillic(benchmark::State& state) {
  const std::string& text = CyrillicText();
  for (auto _ : state) {
    std::vector<Token> t = Tokenize(text);
    benchmark::DoNotOptimize(t.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_TokenizeCyrillic);

// `tokenize` into a reused vector, as Analysis does (no allocation per
// article, unlike BM_Tokenize): the English articles (arg 0) or the Cyrillic
// text (arg 1).
void TokenizeIntoLoop(benchmark::State& state,
                      void (*tokenize)(std::string_view, size_t, std::vector<Token>*)) {
  const Corpus& corpus = EnglishCorpus();
  const std::string& cyrillic = CyrillicText();
  std::vector<Token> t;
  for (auto _ : state) {
    if (state.range(0) == 0) {
      for (const std::string& a : corpus.articles) {
        t.clear();
        tokenize(a, 0, &t);
        benchmark::DoNotOptimize(t.data());
      }
    } else {
      t.clear();
      tokenize(cyrillic, 0, &t);
      benchmark::DoNotOptimize(t.data());
    }
  }
  const size_t bytes = state.range(0) == 0 ? corpus.all.size() : cyrillic.size();
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
}

// The byte loop that defines the tokens (what TokenizeInto ran before its
// 64-byte block path), against TokenizeInto.
void BM_TokenizeByteLoop(benchmark::State& state) {
  TokenizeIntoLoop(state, TokenizeIntoReference);
}
BENCHMARK(BM_TokenizeByteLoop)->ArgName("cyrillic")->Arg(0)->Arg(1);
void BM_TokenizeInto(benchmark::State& state) { TokenizeIntoLoop(state, TokenizeInto); }
BENCHMARK(BM_TokenizeInto)->ArgName("cyrillic")->Arg(0)->Arg(1);

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  std::vector<std::string_view> paragraphs;
  for (const std::string& a : corpus.articles) {
    size_t start = 0;
    while (start < a.size()) {
      size_t nl = a.find('\n', start);
      if (nl == std::string::npos) nl = a.size();
      if (nl > start) paragraphs.push_back(std::string_view(a).substr(start, nl - start));
      start = nl + 1;
    }
  }
  std::vector<Span> out;
  size_t sentences = 0;
  for (auto _ : state) {
    for (std::string_view p : paragraphs) {
      out.clear();
      SplitSentencesInto(p, 0, &out);
      sentences += out.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
  state.counters["sentences"] = benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences);

// Everything a rule run builds for one article: lines, paragraphs, sentences
// and tokens.
void BM_AnalysisAllViews(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  const std::vector<Article>& articles = EnglishArticles();
  for (auto _ : state) {
    for (const Article& a : articles) {
      Analysis an(a);
      benchmark::DoNotOptimize(an.sentences().size());
      benchmark::DoNotOptimize(an.tokens().size());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
  state.counters["articles"] =
      benchmark::Counter(double(articles.size()) * double(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalysisAllViews);

// Analysis::lower_view of a whole article (the lowered copy People and
// Attribution take once per article): eight bytes at a time. Compare with
// BM_Reference_LowerByteLoop, the byte loop it replaced.
void BM_LowerView(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  const std::vector<Article>& articles = EnglishArticles();
  for (auto _ : state) {
    for (const Article& a : articles) {
      Analysis an(a);
      benchmark::DoNotOptimize(an.lower_view({0, a.text.size()}).data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
}
BENCHMARK(BM_LowerView);

void BM_Reference_LowerByteLoop(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  for (auto _ : state) {
    for (const std::string& a : corpus.articles) {
      std::string lower(a);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      benchmark::DoNotOptimize(lower.data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
}
BENCHMARK(BM_Reference_LowerByteLoop);

// The attribution views the attribution rules share, built once per article
// (lint/attribution.h): Quotations, People (names, persons, roles; a token
// walk with a title match per token) and the cues (a reporting-verb lookup
// per lower-case token). The Analysis views under them are included: compare
// with BM_AnalysisAllViews.
void BM_AttributionViews(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  const std::vector<Article>& articles = EnglishArticles();
  size_t cues = 0;
  size_t mentions = 0;
  for (auto _ : state) {
    for (const Article& a : articles) {
      Analysis an(a);
      cues += an.Shared<Attribution>().cues().size();
      mentions += an.Shared<People>().mentions().size();
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
  state.counters["cues"] = benchmark::Counter(double(cues), benchmark::Counter::kIsRate);
  state.counters["mentions"] = benchmark::Counter(double(mentions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AttributionViews);

// The People view alone (no dictionary), its Analysis views and Quotations
// built beforehand: the token walk that collects names and titles, persons,
// resolution and roles. Compare with BM_Reference_People, the same Build
// with the code its fast paths replaced (People::ReferenceForTest).
template <bool kReference>
void PeopleBenchmark(benchmark::State& state) {
  const Corpus& corpus = EnglishCorpus();
  const std::vector<Article>& articles = EnglishArticles();
  std::vector<std::unique_ptr<Analysis>> analyses;
  for (const Article& a : articles) {
    analyses.push_back(std::make_unique<Analysis>(a));
    Analysis& an = *analyses.back();
    an.lower_view({0, a.text.size()});
    an.sentences();
    an.Shared<Quotations>();
  }
  size_t mentions = 0;
  for (auto _ : state) {
    for (const std::unique_ptr<Analysis>& an : analyses) {
      if constexpr (kReference) {
        mentions += People::ReferenceForTest(*an, nullptr).mentions().size();
      } else {
        mentions += People(*an, nullptr).mentions().size();
      }
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus.all.size()));
  state.counters["mentions"] = benchmark::Counter(double(mentions), benchmark::Counter::kIsRate);
}
void BM_People(benchmark::State& state) { PeopleBenchmark<false>(state); }
BENCHMARK(BM_People);
void BM_Reference_People(benchmark::State& state) { PeopleBenchmark<true>(state); }
BENCHMARK(BM_Reference_People);

// Every paragraph of the English corpus, as the Quotations view reads them;
// *bytes gets their total size.
std::vector<std::string> CorpusParagraphs(size_t* bytes) {
  std::vector<std::string> paragraphs;
  *bytes = 0;
  for (const std::string& a : EnglishCorpus().articles) {
    Article article;
    article.text = a;
    Analysis an(article);
    for (const Paragraph& p : an.paragraphs()) {
      paragraphs.emplace_back(an.view(p.span));
      *bytes += paragraphs.back().size();
    }
  }
  return paragraphs;
}

// LooksLikeCode (lint/quotations.h) on every paragraph of the corpus, as the
// Quotations view and garbled/unbalanced-brackets ask it: sixteen bytes at
// a time between the bytes it looks at.
void BM_LooksLikeCode(benchmark::State& state) {
  size_t bytes = 0;
  const std::vector<std::string> paragraphs = CorpusParagraphs(&bytes);
  size_t code = 0;
  for (auto _ : state) {
    for (const std::string& p : paragraphs) code += LooksLikeCode(p);
    benchmark::DoNotOptimize(code);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_LooksLikeCode);

// The quotation-mark scan of the Quotations view (lint/quotations.cc) on
// every paragraph of the corpus: the fast scan (Arg 0: the mark bytes found
// sixteen at a time, the code points decoded only around each mark) and the
// reference (Arg 1: the whole paragraph decoded first). Both include copying
// the marks out for the test hook.
void BM_QuotationScan(benchmark::State& state) {
  const bool reference = state.range(0) != 0;
  size_t bytes = 0;
  const std::vector<std::string> paragraphs = CorpusParagraphs(&bytes);
  size_t marks = 0;
  for (auto _ : state) {
    for (const std::string& p : paragraphs) {
      marks += quotations_internal::ScanMarksForTest(p, reference).size();
    }
    benchmark::DoNotOptimize(marks);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_QuotationScan)->ArgName("reference")->Arg(0)->Arg(1);

}  // namespace
}  // namespace newslint
