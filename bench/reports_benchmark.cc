// Throughput of the JSON output path: string escaping (ASCII news text,
// mixed UTF-8, text with invalid bytes, excerpt-sized strings), base64 of
// raw text, and whole JSONL records. BM_Memcpy is the reference in the same
// binary: compare ratios, not absolute numbers, on a shared machine.
//
//   build/newslint_bench --benchmark_filter='Memcpy|Json|Base64'

#include <benchmark/benchmark.h>

#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/json_writer.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

constexpr size_t kTextBytes = 64 << 10;

std::string Repeat(std::string_view paragraph, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += paragraph;
  out.resize(bytes);
  return out;
}

const std::string& AsciiText() {
  static const std::string text = Repeat(
      "The minister did not comment on the report, which was published on Tuesday. \"We will "
      "look at the findings carefully,\" a spokesperson said, adding that the talks would "
      "resume next week in Geneva.\n",
      kTextBytes);
  return text;
}

const std::string& MixedUtf8Text() {
  static const std::string text = Repeat(
      "Le ministre n\xE2\x80\x99" "a pas comment\xC3\xA9 le rapport publi\xC3\xA9 mardi. "
      "\xE2\x80\x9CNous examinerons les conclusions,\xE2\x80\x9D a d\xC3\xA9" "clar\xC3\xA9 "
      "un porte-parole \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE4\xBC\x9A\xE8\xAD"
      "\xB0.\n",
      kTextBytes);
  return text;
}

const std::string& InvalidText() {
  static const std::string text =
      Repeat("Le ministre n'a pas comment\xE9 le rapport publi\xE9 mardi \xE0 Gen\xE8ve.\n",
             kTextBytes);
  return text;
}

void BM_Memcpy(benchmark::State& state) {
  const std::string& text = AsciiText();
  std::vector<char> dst(text.size());
  for (auto _ : state) {
    std::memcpy(dst.data(), text.data(), text.size());
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Memcpy);

void EscapeBenchmark(benchmark::State& state, const std::string& text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (auto _ : state) {
    out.clear();
    AppendJsonString(&out, text);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_JsonEscapeAscii(benchmark::State& state) { EscapeBenchmark(state, AsciiText()); }
BENCHMARK(BM_JsonEscapeAscii);

void BM_JsonEscapeMixedUtf8(benchmark::State& state) { EscapeBenchmark(state, MixedUtf8Text()); }
BENCHMARK(BM_JsonEscapeMixedUtf8);

void BM_JsonEscapeInvalidUtf8(benchmark::State& state) { EscapeBenchmark(state, InvalidText()); }
BENCHMARK(BM_JsonEscapeInvalidUtf8);

// Excerpt-sized strings (1 to 200 bytes, cut anywhere in mixed UTF-8 news
// text): what a finding's message, excerpt and evidence cost, where the
// per-call work and the tail of the block scan matter more than the
// 16-byte loop.
void BM_JsonEscapeShortStrings(benchmark::State& state) {
  const std::string& text = MixedUtf8Text();
  std::vector<std::string_view> pieces;
  size_t bytes = 0;
  for (size_t at = 0, len = 1; at + len <= text.size(); at += len, len = len % 200 + 7) {
    pieces.push_back(std::string_view(text).substr(at, len));
    bytes += len;
  }
  std::string out;
  out.reserve(text.size() * 2);
  for (auto _ : state) {
    out.clear();
    for (std::string_view piece : pieces) AppendJsonString(&out, piece);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_JsonEscapeShortStrings);

void BM_Base64(benchmark::State& state) {
  const std::string& text = InvalidText();
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendBase64(&out, text);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Base64);

// A stream buffer that drops what it is given, so the benchmark measures the
// reporter, not the stream.
class NullBuffer : public std::streambuf {
 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  int overflow(int c) override { return c; }
};

// A JSONL record for an 8 kB article with four findings; arg 1 adds the text.
void BM_JsonlWriteRecord(benchmark::State& state) {
  Article a;
  a.id = "cc-news-000123";
  a.source = "crawl/part-0001.jsonl.zst";
  a.record = 123;
  a.url = "https://www.example.com/world/2024/05/minister-silent";
  a.site = "example.com";
  a.text = MixedUtf8Text().substr(0, 8 << 10);
  std::vector<Finding> findings;
  for (int i = 0; i < 4; ++i) {
    Finding f;
    f.rule = "garbled/mojibake";
    f.severity = Severity::kError;
    f.message = "mojibake: \"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\" is \"\xE2\x80\x99\"";
    f.span = {static_cast<size_t>(100 * i), static_cast<size_t>(100 * i + 8)};
    f.line = 1 + i;
    f.column = 17;
    f.excerpt = a.text.substr(0, 160);
    f.evidence = {{"sequence", std::string("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2")},
                  {"confidence", 0.98},
                  {"occurrences", int64_t{4}}};
    findings.push_back(std::move(f));
  }
  ReportOptions options;
  options.include_text = state.range(0) != 0;
  NullBuffer null;
  std::ostream sink(&null);
  auto reporter = MakeJsonlReporter(sink, options);
  for (auto _ : state) reporter->Add(a, findings);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_JsonlWriteRecord)->Arg(0)->Arg(1);

}  // namespace
}  // namespace newslint
