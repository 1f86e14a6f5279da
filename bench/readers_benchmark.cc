// Throughput of the readers: JSONL parsing (plain, .gz, .zst) and HTML text
// extraction. Bytes processed are uncompressed input bytes, so the MB/s
// figures compare directly with the rule engine's.

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lint/article.h"
#include "lint/readers/html_extractor.h"
#include "lint/readers/reader.h"

namespace newslint {
namespace {

// A news-like paragraph of about 600 bytes, varied by `seed`.
std::string Paragraph(int seed) {
  std::string p = "The minister said on Tuesday that talks on the " + std::to_string(seed) +
                  "-point plan would resume next week, according to officials. ";
  for (int i = 0; i < 5; ++i) {
    p += "\"We are not there yet,\" she told reporters in the capital, adding that "
         "negotiators had made progress on trade and energy (item " +
         std::to_string(seed * 7 + i) + "). ";
  }
  return p;
}

// `records` JSONL records with about 4 KB of text each.
std::string JsonlCorpus(int records) {
  std::string out;
  for (int r = 0; r < records; ++r) {
    std::string text;
    for (int p = 0; p < 6; ++p) text += (p ? "\\n" : "") + Paragraph(r + p);
    out += "{\"id\":" + std::to_string(r) + ",\"url\":\"https://www.example.com/news/" +
           std::to_string(r) +
           "\",\"title\":\"Talks resume\",\"authors\":[\"A. Writer\"],"
           "\"date_publish\":\"2024-03-0" +
           std::to_string(r % 9 + 1) + "\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

std::string HtmlPage(int paragraphs) {
  std::string html =
      "<!DOCTYPE html><html><head><title>Talks resume</title>"
      "<meta property=\"og:title\" content=\"Talks resume\">"
      "<meta name=\"author\" content=\"A. Writer\"><style>p{margin:0}</style>"
      "<script>window.dataLayer=[];</script></head><body>"
      "<header class=\"site-header\"><nav><ul>";
  for (int i = 0; i < 20; ++i) {
    html += "<li><a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) +
            "</a></li>";
  }
  html += "</ul></nav></header><main><article class=\"story\"><h1>Talks resume</h1>";
  for (int p = 0; p < paragraphs; ++p) {
    html += "<p class=\"para\">" + Paragraph(p) + " <a href=\"https://example.org/" +
            std::to_string(p) + "\">More &amp; more</a></p>\n";
    if (p % 10 == 9) html += "<div class=\"ad\" style=\"display:none\">Advert</div>";
  }
  html += "</article></main><footer><p>&copy; Example News</p></footer></body></html>";
  return html;
}

// A file in $TMPDIR (else /tmp) holding `bytes`, removed at the end.
class CorpusFile {
 public:
  CorpusFile(const std::string& name, const std::string& bytes) {
    const char* tmp = getenv("TMPDIR");
    path_ = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/" + name;
    std::ofstream(path_, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~CorpusFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Gzip(const std::string& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size())) + 32;
  std::string out(size, '\0');
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string Zstd(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3));
  return out;
}

enum class Packing { kPlain, kGzip, kZstd };

void BM_JsonlRead(benchmark::State& state, Packing packing) {
  const std::string corpus = JsonlCorpus(2000);
  std::string name = "newslint_bench_" + std::to_string(getpid()) + ".jsonl";
  std::string bytes = corpus;
  if (packing == Packing::kGzip) {
    name += ".gz";
    bytes = Gzip(corpus);
  } else if (packing == Packing::kZstd) {
    name += ".zst";
    bytes = Zstd(corpus);
  }
  CorpusFile file(name, bytes);
  int64_t articles = 0;
  for (auto _ : state) {
    std::string error;
    auto reader = OpenReader(file.path(), {}, &error);
    if (reader == nullptr) {
      state.SkipWithError(error.c_str());
      return;
    }
    Article article;
    while (reader->Next(&article)) {
      benchmark::DoNotOptimize(article.text.data());
      ++articles;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.size()));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_JsonlRead, plain, Packing::kPlain)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_JsonlRead, gzip, Packing::kGzip)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_JsonlRead, zstd, Packing::kZstd)->Unit(benchmark::kMillisecond);

// ExtractHtml (the SAX walk) against ExtractHtmlFromTree (libxml2's tree,
// then a walk of it), the reference run over the same page in the same
// invocation.
template <void (*Extract)(std::string_view, Article*)>
void BM_ExtractHtml(benchmark::State& state) {
  const std::string html = HtmlPage(static_cast<int>(state.range(0)));
  Article article;
  for (auto _ : state) {
    Extract(html, &article);
    benchmark::DoNotOptimize(article.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(html.size()));
}
BENCHMARK(BM_ExtractHtml<ExtractHtml>)
    ->Name("BM_ExtractHtml")
    ->Arg(20)
    ->Arg(200)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExtractHtml<ExtractHtmlFromTree>)
    ->Name("BM_ExtractHtmlFromTree")
    ->Arg(20)
    ->Arg(200)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newslint
