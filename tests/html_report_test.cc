// Tests of the HTML report: SHA-256 (the CSP hashes), HTML-safe JSON, the
// text segments behind the highlights, the page itself (policy, escaping,
// determinism), the Summary's findings histogram, and the CLI flags
// (--report, --format html, .html outputs, --report-articles). The page in a
// real browser is tests/browser/html_report_test.py.

#include <sys/wait.h>

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/html.h"
#include "reports/json_writer.h"
#include "reports/report_sample.h"
#include "reports/sha256.h"
#include "reports/summary.h"

namespace newslint {
namespace {

// --- SHA-256 ------------------------------------------------------------------

TEST(Sha256Test, Fips180Vectors) {
  // FIPS 180-4 / NIST example values.
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PaddingBoundaries) {
  // Lengths around the 55/56- and 64-byte edges of the padding (values from
  // Python's hashlib).
  EXPECT_EQ(Sha256Hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Sha256Hex(std::string(63, 'a')), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(Sha256Hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(Sha256Hex(std::string(65, 'a')), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
  EXPECT_EQ(Sha256Hex(std::string(119, 'a')), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  EXPECT_EQ(Sha256Hex(std::string(120, 'a')), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
  std::string bytes;
  for (int r = 0; r < 3; ++r) {
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  }
  EXPECT_EQ(Sha256Hex(bytes), "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363");
  EXPECT_EQ(Sha256Base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

// --- HTML-safe JSON -------------------------------------------------------------

TEST(HtmlSafeJsonTest, NoMarkupCharacterSurvivesAndTheJsonMeansTheSame) {
  std::string hostile = "</script><script>alert(1)</script><!-- a & b > c \xE2\x80\xA8";
  std::string json;
  JsonWriter w(&json);
  w.BeginObject();
  w.Key("<k>");
  w.String(hostile);
  w.EndObject();
  std::string safe = HtmlSafeJson(json);
  EXPECT_EQ(safe.find_first_of("<>&"), std::string::npos) << safe;
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);  // U+2028 escaped by JsonWriter
  simdjson::dom::parser parser;
  simdjson::dom::object o;
  ASSERT_EQ(parser.parse(simdjson::padded_string(safe)).get(o), simdjson::SUCCESS);
  std::string_view value;
  ASSERT_EQ(o["<k>"].get(value), simdjson::SUCCESS);
  EXPECT_EQ(value, hostile);
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

// HtmlSafeJson copies the runs between markup bytes whole: the same output
// as escaping byte by byte, for a markup byte at every offset of a 16-byte
// block, runs of them, and texts that end on one or just after one.
TEST(HtmlSafeJsonTest, EscapesTheSameAsByteByByte) {
  auto reference = [](std::string_view json) {
    std::string out;
    for (char c : json) {
      if (c == '<') {
        out += "\\u003c";
      } else if (c == '>') {
        out += "\\u003e";
      } else if (c == '&') {
        out += "\\u0026";
      } else {
        out += c;
      }
    }
    return out;
  };
  size_t cases = 0;
  for (size_t length = 0; length <= 40; ++length) {
    for (size_t at = 0; at <= length; ++at) {
      for (const char* markup : {"<", ">", "&", "<&>", "\xE2\x80\x9C<"}) {
        std::string json(length, 'a');
        for (size_t k = 0; k < json.size(); k += 7) json[k] = "\"x\\\xC3\xA9 {"[k % 6];
        json.insert(at, markup);
        ASSERT_EQ(HtmlSafeJson(json), reference(json)) << json;
        ++cases;
      }
    }
  }
  EXPECT_GT(cases, 4000u);
  EXPECT_EQ(HtmlSafeJson(""), "");
  EXPECT_EQ(HtmlSafeJson("&&"), "\\u0026\\u0026");
}

// --- Segments ---------------------------------------------------------------------

Finding Span(size_t start, size_t end, std::string rule = "x/y") {
  Finding f;
  f.rule = std::move(rule);
  f.span = {start, end};
  return f;
}

std::string Describe(const std::vector<TextSegment>& segments) {
  std::string out;
  for (const TextSegment& s : segments) {
    out += s.marker ? "@" + std::to_string(s.start) : std::to_string(s.start) + "-" + std::to_string(s.end);
    out += "{";
    for (size_t i = 0; i < s.findings.size(); ++i) out += (i ? "," : "") + std::to_string(s.findings[i]);
    out += "} ";
  }
  return out;
}

TEST(SegmentTextTest, OverlappingNestedEmptyAndCutSpans) {
  // 0: [2,6)  1: [4,8)  2: empty at 5  3: [8,20) runs past the text (10)
  // 4: [12,14) wholly past it  5: [0,10) around everything
  std::vector<Finding> f = {Span(2, 6), Span(4, 8), Span(5, 5), Span(8, 20), Span(12, 14), Span(0, 10)};
  EXPECT_EQ(Describe(SegmentText(10, f)),
            "0-2{5} 2-4{0,5} 4-5{0,1,5} @5{2} 5-6{0,1,5} 6-8{1,5} 8-10{3,5} ");
  EXPECT_EQ(Describe(SegmentText(0, {})), "");
  EXPECT_EQ(Describe(SegmentText(4, {})), "0-4{} ");
  // Empty spans at the start and the end of the text; identical spans.
  EXPECT_EQ(Describe(SegmentText(4, {Span(0, 0), Span(4, 4), Span(1, 3), Span(1, 3)})),
            "@0{0} 0-1{} 1-3{2,3} 3-4{} @4{1} ");
}

// --- Summary histogram ------------------------------------------------------------

TEST(SummaryHistogramTest, BucketsAddAndMerge) {
  Summary s;
  Article a;
  for (int n : {0, 1, 2, 3, 5, 6, 10, 11, 40}) {
    std::vector<Finding> findings(static_cast<size_t>(n), Span(0, 1));
    s.Add(a, findings);
  }
  EXPECT_EQ(s.findings_histogram, (std::array<int64_t, 6>{1, 1, 1, 2, 2, 2}));
  Summary t;
  t.Add(a, {});
  t.Add(a, {Span(0, 1)});
  s.Merge(t);
  EXPECT_EQ(s.findings_histogram, (std::array<int64_t, 6>{2, 2, 1, 2, 2, 2}));
  std::string json;
  JsonWriter w(&json);
  WriteSummary(w, s);
  EXPECT_NE(json.find(R"("findings_per_article":{"0":2,"1":2,"2":1,"3-5":2,"6-10":2,"11+":2})"),
            std::string::npos)
      << json;
}

// --- The page -----------------------------------------------------------------------

const char* kHostile[] = {
    "<script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "javascript:document.title='pwned'",
    "</textarea></script><!--",
};

struct Page {
  std::string html;
  ReportSample sample{SampleLimits{10, 2, 1000}};
  Summary summary;
  RunInfo run;
};

Page HostilePage() {
  Page p;
  p.run.tool_version = "9.9.9";
  p.run.started_at = "2025-01-01T00:00:00Z";
  p.run.inputs = {"in<put>.jsonl"};
  Article a;
  a.id = kHostile[0];
  a.source = "in.jsonl";
  a.record = 1;
  a.url = kHostile[2];
  a.title = kHostile[1];
  a.text = std::string("Intro ") + kHostile[0] + " mid " + kHostile[3] + " bad \xFF\xFE end";
  Finding f = Span(6, 6 + std::string(kHostile[0]).size(), "garbled/html-residue");
  f.severity = Severity::kError;
  f.message = kHostile[1];
  f.evidence = {{"tag", std::string(kHostile[3])}};
  std::vector<Finding> findings = {f, Span(a.text.size() - 6, a.text.size() - 4, "input/invalid-utf8")};
  p.summary.Add(a, findings);
  p.sample.Add(0, a, findings);
  HtmlOptions options;
  std::ostringstream out;
  WriteHtmlReport(out, p.run, p.summary, p.sample, options);
  p.html = out.str();
  return p;
}

// The text between `open` (the end of an opening tag) and the next `close`.
std::string Between(const std::string& html, const std::string& open, const std::string& close) {
  size_t at = html.find(open);
  if (at == std::string::npos) return "";
  at += open.size();
  return html.substr(at, html.find(close, at) - at);
}

TEST(HtmlReportTest, OnlyTheHashedScriptAndStyleCanRun) {
  Page p = HostilePage();
  // One policy, naming the embedded script and style by hash.
  std::string csp = Between(p.html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  std::string script = Between(p.html, "<script>", "</script>");
  std::string style = Between(p.html, "<style>", "</style>");
  ASSERT_FALSE(script.empty());
  ASSERT_FALSE(style.empty());
  EXPECT_EQ(script, HtmlAsset("script"));
  EXPECT_EQ(style, HtmlAsset("style"));
  EXPECT_NE(csp.find("script-src 'sha256-" + Sha256Base64(script) + "'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src 'sha256-" + Sha256Base64(style) + "'"), std::string::npos) << csp;
  // Exactly two script elements: the data (not executable) and the hashed one.
  std::regex open_script("<script[^>]*>", std::regex::icase);
  std::vector<std::string> tags;
  for (auto it = std::sregex_iterator(p.html.begin(), p.html.end(), open_script); it != std::sregex_iterator(); ++it) {
    tags.push_back(it->str());
  }
  EXPECT_EQ(tags, (std::vector<std::string>{"<script type=\"application/json\" id=\"newslint-data\">", "<script>"}));
  std::string_view page = HtmlAsset("page");
  EXPECT_EQ(std::count(p.html.begin(), p.html.end(), '<'),
            std::count(page.begin(), page.end(), '<') + std::count(script.begin(), script.end(), '<') +
                std::count(style.begin(), style.end(), '<'))
      << "every '<' of the page is the template's, the script's or the style's";
}

TEST(HtmlReportTest, ScrapedStringsOnlyInTheEscapedData) {
  Page p = HostilePage();
  std::string data = Between(p.html, "<script type=\"application/json\" id=\"newslint-data\">", "</script>");
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(data.find_first_of("<>&"), std::string::npos);
  for (const char* payload : kHostile) {
    // Markup never appears raw; a javascript: url is a harmless JSON string.
    if (std::string_view(payload).find('<') != std::string_view::npos) {
      EXPECT_EQ(p.html.find(payload), std::string::npos) << payload;
    }
  }
  EXPECT_EQ(p.html.find("href=\"javascript:"), std::string::npos);
  EXPECT_EQ(p.html.find("<img"), std::string::npos);
  EXPECT_EQ(p.html.find("\xFF"), std::string::npos);  // invalid UTF-8 became U+FFFD
  EXPECT_NE(p.html.find("<meta name=\"generator\" content=\"newslint 9.9.9\">"), std::string::npos);

  // The data reads back: the payloads are there as strings, in segments.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(simdjson::padded_string(data)).get(root), simdjson::SUCCESS);
  EXPECT_EQ(int64_t(root["summary"]["articles"]), 1);
  EXPECT_EQ(int64_t(root["summary"]["by_severity"]["error"]), 1);
  simdjson::dom::element article = root["articles"].at(0);
  EXPECT_EQ(std::string_view(article["id"]), kHostile[0]);
  EXPECT_EQ(std::string_view(article["url"]), kHostile[2]);
  EXPECT_EQ(std::string_view(article["title"]), kHostile[1]);
  std::string joined;
  std::vector<std::string> highlighted;
  for (simdjson::dom::element seg : article["segments"]) {
    std::string_view text = seg.at(0);
    joined += text;
    if (seg.at(1).get_array().size() > 0) highlighted.emplace_back(text);
  }
  EXPECT_EQ(joined, std::string("Intro ") + kHostile[0] + " mid " + kHostile[3] +
                        " bad \xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_EQ(highlighted, (std::vector<std::string>{kHostile[0], "\xEF\xBF\xBD\xEF\xBF\xBD"}));
}

TEST(HtmlReportTest, DeterministicAndNoExternalUrlInThePagesMarkup) {
  Page a = HostilePage();
  Page b = HostilePage();
  EXPECT_EQ(a.html, b.html);
  // The template and style load nothing: no src= or url( to anywhere.
  std::string page(HtmlAsset("page"));
  std::string style(HtmlAsset("style"));
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_EQ(page.find("href="), std::string::npos);
  EXPECT_EQ(style.find("url("), std::string::npos);
  EXPECT_EQ(style.find("@import"), std::string::npos);
  // The embedded files are ASCII (safe to embed, hash and serve as UTF-8).
  for (std::string_view asset : {HtmlAsset("page"), HtmlAsset("style"), HtmlAsset("script")}) {
    EXPECT_TRUE(std::all_of(asset.begin(), asset.end(), [](char c) { return (c & 0x80) == 0; }));
  }
}

TEST(HtmlReportTest, SitesAreCappedButCountsStayExact) {
  Summary s;
  for (int i = 0; i < 30; ++i) {
    Article a;
    a.site = "site" + std::to_string(i) + ".example";
    s.Add(a, std::vector<Finding>(static_cast<size_t>(i % 7), Span(0, 1)));
  }
  ReportSample sample;
  HtmlOptions options;
  options.max_sites = 5;
  std::ostringstream out;
  WriteHtmlReport(out, RunInfo{}, s, sample, options);
  std::string data = Between(out.str(), "id=\"newslint-data\">", "</script>");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(simdjson::padded_string(data)).get(root), simdjson::SUCCESS);
  EXPECT_EQ(root["summary"]["by_site"].get_array().size(), 5u);
  EXPECT_EQ(int64_t(root["summary"]["sites"]), 30);
  EXPECT_EQ(int64_t(root["summary"]["articles"]), 30);
  // Most findings first: sites 6, 13, 20, 27 have 6 findings each.
  EXPECT_EQ(int64_t(root["summary"]["by_site"].at(0).at(3)), 6);
}

// --- The CLI --------------------------------------------------------------------------

namespace fs = std::filesystem;

class HtmlCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-html-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(const std::string& args) {
    std::string cmd = "cd '" + dir_.string() + "' && '" NEWSLINT_BINARY "' " + args +
                      " >out.txt 2>err.txt </dev/null";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string Slurp(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  // Number of articles a page embeds.
  size_t PageArticles(const std::string& html) {
    std::string data = Between(html, "id=\"newslint-data\">", "</script>");
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    EXPECT_EQ(parser.parse(simdjson::padded_string(data)).get(root), simdjson::SUCCESS);
    return root["articles"].get_array().size();
  }

  fs::path dir_;
};

std::string Corpus() {
  // Three records with findings (mojibake, consent banner, invalid JSON) and
  // one clean.
  return "{\"id\":\"a\",\"url\":\"https://one.example/a\",\"text\":\"The minister didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t say.\"}\n"
         "{\"id\":\"b\",\"text\":\"We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.\\nThe council met on Monday.\"}\n"
         "not json\n"
         "{\"id\":\"d\",\"text\":\"The council met on Monday and approved the budget.\"}\n";
}

TEST_F(HtmlCliTest, ReportFlagFormatFlagAndExtensionAllWriteThePage) {
  Write("in.jsonl", Corpus());
  ASSERT_EQ(Run("check in.jsonl --select garbled,boilerplate,input --fail-on never --report r1.html -o r.json"), 0) << Slurp("err.txt");
  ASSERT_EQ(Run("check in.jsonl --select garbled,boilerplate,input --fail-on never -o r2.htm"), 0) << Slurp("err.txt");
  ASSERT_EQ(Run("check in.jsonl --select garbled,boilerplate,input --fail-on never --format html -o r3.out"), 0) << Slurp("err.txt");
  for (const char* name : {"r1.html", "r2.htm", "r3.out"}) {
    std::string html = Slurp(name);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << name;
    EXPECT_EQ(PageArticles(html), 3u) << name;
  }
  EXPECT_NE(Slurp("err.txt").find("wrote r3.out (html)"), std::string::npos) << Slurp("err.txt");
  // The pages differ only by started_at.
  std::regex started("\"started_at\":\"[^\"]*\"");
  EXPECT_EQ(std::regex_replace(Slurp("r1.html"), started, ""), std::regex_replace(Slurp("r2.htm"), started, ""));

  // The JSON report carries the same sample after its summary.
  std::string json = Slurp("r.json");
  ASSERT_NE(json.find("\"summary\""), std::string::npos);
  EXPECT_LT(json.find("\"summary\""), json.find("\"sample\""));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(simdjson::padded_string(json)).get(root), simdjson::SUCCESS);
  ReportSample sample;
  std::string error;
  ASSERT_TRUE(ReportSample::ParseJson(simdjson::to_string(root["sample"]), &sample, &error)) << error;
  ASSERT_EQ(sample.Articles().size(), 3u);
  EXPECT_EQ(sample.Articles()[0]->id, "a");  // the mojibake error comes first
  EXPECT_EQ(sample.limits().worst, 200);
}

TEST_F(HtmlCliTest, ReportLimitsBoundTheEmbeddedArticles) {
  Write("in.jsonl", Corpus());
  ASSERT_EQ(Run("check in.jsonl --select garbled,boilerplate,input --fail-on never --report r.html --report-articles 1 --report-per-rule 0 -o r.json"), 0)
      << Slurp("err.txt");
  EXPECT_EQ(PageArticles(Slurp("r.html")), 1u);
  // Counts stay exact: the summary still has every article.
  std::string data = Between(Slurp("r.html"), "id=\"newslint-data\">", "</script>");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(simdjson::padded_string(data)).get(root), simdjson::SUCCESS);
  EXPECT_EQ(int64_t(root["summary"]["articles"]), 4);
  EXPECT_EQ(int64_t(root["summary"]["articles_with_findings"]), 3);
  EXPECT_EQ(int64_t(root["sample"]["worst"]), 1);
  EXPECT_NE(Slurp("r.json").find("\"limits\": {\"worst\":1,\"per_rule\":0,"), std::string::npos);
  EXPECT_EQ(Run("check in.jsonl --report r.html --report-articles -1"), 2);
}

}  // namespace
}  // namespace newslint
