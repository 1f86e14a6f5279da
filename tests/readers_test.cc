// Tests for lint/readers/: JSONL (plain, .gz, .zst, stdin), HTML files, plain
// text files, folder expansion, and the invalid-UTF-8 carrier.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "lint/readers/html_extractor.h"
#include "lint/readers/invalid_utf8.h"
#include "lint/readers/reader.h"

namespace newslint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A fresh folder under the test temp dir, removed with its contents.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = ::testing::TempDir() + "newslint_readers_XXXXXX";
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchFolder() { std::filesystem::remove_all(path_); }

  // Writes `bytes` to `name` (folders created as needed) and returns its path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::string path = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }

  // Writes `bytes` gzip-compressed, as one gzip member.
  std::string WriteGzip(const std::string& name, std::string_view bytes) const {
    std::string path = path_ + "/" + name;
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(file);
    return path;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string GzipMember(std::string_view bytes) {
  ScratchFolder scratch;
  std::string path = scratch.WriteGzip("member.gz", bytes);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string ZstdFrame(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  out.resize(size);
  return out;
}

std::vector<Article> ReadArticles(const std::string& path, const ReadOptions& options = {}) {
  std::string error;
  auto reader = OpenReader(path, options, &error);
  EXPECT_NE(reader, nullptr) << error;
  std::vector<Article> articles;
  if (reader == nullptr) return articles;
  Article article;
  while (reader->Next(&article)) articles.push_back(article);
  return articles;
}

// The input/* rule ids of an article, in order.
std::vector<std::string> Rules(const Article& a) {
  std::vector<std::string> rules;
  for (const Finding& f : a.input_findings) rules.push_back(f.rule);
  return rules;
}

std::string Message(const Article& a, std::string_view rule) {
  for (const Finding& f : a.input_findings) {
    if (f.rule == rule) return f.message;
  }
  return "";
}

const Finding* FindingOf(const Article& a, std::string_view rule) {
  for (const Finding& f : a.input_findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

// ---------------------------------------------------------------- JSONL

TEST(JsonlReaderTest, OneArticlePerLineIncludingBlankLines) {
  ScratchFolder dir;
  std::string path = dir.Write("a.jsonl",
                               "{\"id\": \"first\", \"text\": \"One.\"}\n"
                               "\n"
                               "   \t\n"
                               "{\"text\": \"Four.\"}\n");
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 4u);
  for (size_t i = 0; i < articles.size(); ++i) {
    EXPECT_EQ(articles[i].record, static_cast<int64_t>(i + 1));
    EXPECT_EQ(articles[i].source, path);
  }
  EXPECT_EQ(articles[0].id, "first");
  EXPECT_EQ(articles[0].text, "One.");
  EXPECT_THAT(Rules(articles[0]), IsEmpty());
  EXPECT_THAT(Rules(articles[1]), ElementsAre("input/invalid-json"));
  EXPECT_EQ(Message(articles[1], "input/invalid-json"), "blank line");
  EXPECT_EQ(articles[1].id, path + ":2");
  EXPECT_THAT(Rules(articles[2]), ElementsAre("input/invalid-json"));
  EXPECT_EQ(articles[3].id, path + ":4");
  EXPECT_EQ(articles[3].text, "Four.");
}

// Everything a reader fills in, as one string, to compare two reads.
std::string Describe(const Article& a) {
  std::string d = "id=" + a.id + "|source=" + a.source + "|record=" + std::to_string(a.record) +
                  "|url=" + a.url + "|title=" + a.title + "|byline=" + a.byline +
                  "|published=" + a.published + "|site=" + a.site + "|text=" + a.text +
                  "|raw_html=" + a.raw_html + "|raw=" + std::to_string(a.has_raw_record) + ":" +
                  a.raw_record + ":" + std::to_string(a.raw_text_value.start) + "-" +
                  std::to_string(a.raw_text_value.end);
  for (const Link& l : a.links) {
    d += "|link=" + l.href + ">" + l.anchor_text + "@" + std::to_string(l.line) + "/" +
         std::string(LinkRegionName(l.region));
  }
  for (const Block& b : a.blocks) d += "|block=" + b.tag_path + ":" + std::to_string(b.tokens.size());
  for (const Finding& f : a.input_findings) {
    d += "|finding=" + f.rule + ":" + f.message + ":" + std::to_string(f.span.start) + "-" +
         std::to_string(f.span.end);
  }
  return d;
}

// ReadOptions::defer_decoding (how the pipeline reads: its workers parse
// the records): Next() leaves the line undecoded, and FinishReading(), on
// any thread, makes the article a plain read makes, for every kind of record
// and every read option that changes one.
TEST(JsonlReaderTest, DeferredDecodingGivesTheSameArticleOnAnyThread) {
  ScratchFolder dir;
  const std::string lines =
      "\xEF\xBB\xBF{\"id\":\"a-1\",\"url\":\"https://www.example.org/x\",\"title\":\"T\","
      "\"text\":\"Plain text.\"}\r\n"
      "{\"id\":7,\"body\":\"Body field.\",\"text\":\"Text field.\",\"authors\":[{\"name\":\"A B\"}],"
      "\"links\":[\"https://a.example/\",{\"url\":\"https://b.example/\",\"anchor\":\"b\","
      "\"region\":\"nav\"}]}\n"
      "\n"
      "{\"text\": \"unterminated\n"
      "[1, 2]\n"
      "{\"title\":\"no text\",\"text\":null}\n"
      "{\"text\":\"caf\xE9 bytes\",\"title\":\"bad \xFF\"}\n"
      "{\"html\":\"<html><body><nav><a href=\\\"/s\\\">Sport</a></nav><p>First.</p></body></html>\"}\n"
      "{\"text\":\"x\"} trailing\n"
      "{\"text\":\"last, without a newline\"}";
  const std::string path = dir.Write("mixed.jsonl", lines);
  ReadOptions raw;
  raw.keep_raw_record = true;
  ReadOptions html;
  html.keep_html = true;
  ReadOptions body;
  body.fields = {{"text", "body"}, {"byline", "authors"}};
  for (const ReadOptions& options : {ReadOptions{}, raw, html, body}) {
    const std::vector<Article> plain = ReadArticles(path, options);
    ReadOptions deferred_options = options;
    deferred_options.defer_decoding = true;
    std::vector<Article> deferred = ReadArticles(path, deferred_options);
    ASSERT_EQ(deferred.size(), plain.size());
    ASSERT_EQ(plain.size(), 10u);
    for (const Article& a : deferred) {
      ASSERT_NE(a.decoder, nullptr) << a.record;
      EXPECT_FALSE(a.undecoded.empty() && a.record != 3) << a.record;  // line 3 is blank
      EXPECT_EQ(a.text, "");
      EXPECT_EQ(a.id, "");
    }
    // Two threads, each decoding every other record.
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 2; ++t) {
      threads.emplace_back([&deferred, t] {
        for (size_t i = t; i < deferred.size(); i += 2) FinishReading(&deferred[i]);
      });
    }
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < plain.size(); ++i) {
      EXPECT_EQ(deferred[i].decoder, nullptr);
      EXPECT_EQ(deferred[i].undecoded, "");
      EXPECT_EQ(Describe(deferred[i]), Describe(plain[i])) << "record " << i + 1;
    }
  }
  // Records of two inputs read with different field names, decoded by one
  // thread in turn: each with its own input's names.
  const std::string other = dir.Write("other.jsonl", "{\"body\":\"B1\",\"text\":\"T1\"}\n"
                                                     "{\"body\":\"B2\",\"text\":\"T2\"}\n");
  ReadOptions plain_names;
  plain_names.defer_decoding = true;
  ReadOptions body_names = body;
  body_names.defer_decoding = true;
  std::vector<Article> texts = ReadArticles(other, plain_names);
  std::vector<Article> bodies = ReadArticles(other, body_names);
  ASSERT_EQ(texts.size(), 2u);
  ASSERT_EQ(bodies.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    FinishReading(&texts[i]);
    FinishReading(&bodies[i]);
  }
  EXPECT_EQ(texts[0].text, "T1");
  EXPECT_EQ(bodies[0].text, "B1");
  EXPECT_EQ(texts[1].text, "T2");
  EXPECT_EQ(bodies[1].text, "B2");
  // An article read without the option is left as it is.
  Article read = ReadArticles(other)[0];
  const std::string before = Describe(read);
  FinishReading(&read);
  EXPECT_EQ(Describe(read), before);
}

TEST(JsonlReaderTest, FinalNewlineIsOptionalAndAddsNoRecord) {
  ScratchFolder dir;
  EXPECT_EQ(ReadArticles(dir.Write("a.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")).size(), 2u);
  std::vector<Article> unterminated =
      ReadArticles(dir.Write("b.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}"));
  ASSERT_EQ(unterminated.size(), 2u);
  EXPECT_EQ(unterminated[1].text, "b");
  EXPECT_THAT(Rules(unterminated[1]), IsEmpty());
  EXPECT_THAT(ReadArticles(dir.Write("empty.jsonl", "")), IsEmpty());
  EXPECT_EQ(ReadArticles(dir.Write("newline.jsonl", "\n")).size(), 1u);
}

TEST(JsonlReaderTest, CrlfLineEndingsAndByteOrderMark) {
  ScratchFolder dir;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl", "\xEF\xBB\xBF{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n"));
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].text, "a");
  EXPECT_EQ(articles[1].text, "b");
  EXPECT_THAT(Rules(articles[0]), IsEmpty());
}

TEST(JsonlReaderTest, InvalidJsonBecomesAFindingAndReadingGoesOn) {
  struct Case {
    std::string line;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"{\"text\": \"unclosed", "not valid JSON"},
      {"{\"text\": \"a\",}", "not valid JSON"},
      {"{\"text\": \"a\"", "not valid JSON"},
      {"{\"text\": \"a\"} trailing", "not valid JSON"},
      {"{\"text\": \"a\"}{\"text\": \"b\"}", "content after the end of the object"},
      {"[\"text\", \"a\"]", "not a JSON object but an array"},
      {"\"just a string\"", "not a JSON object but a string"},
      {"42", "not a JSON object but a number"},
      {"{\"text\": \"lone \\ud800 surrogate\"}", "not valid JSON"},
      {"not json at all", "not"},
  };
  for (const Case& c : cases) {
    ScratchFolder dir;
    std::vector<Article> articles =
        ReadArticles(dir.Write("a.jsonl", c.line + "\n{\"text\": \"after\"}\n"));
    ASSERT_EQ(articles.size(), 2u) << c.line;
    EXPECT_THAT(Rules(articles[0]), ElementsAre("input/invalid-json")) << c.line;
    EXPECT_THAT(Message(articles[0], "input/invalid-json"), HasSubstr(c.message_part)) << c.line;
    EXPECT_EQ(articles[0].text, "") << c.line;
    EXPECT_EQ(articles[1].text, "after") << c.line;
    EXPECT_THAT(Rules(articles[1]), IsEmpty()) << c.line;
  }
}

TEST(JsonlReaderTest, LineIsParsedAloneEvenWhenTheNextLineWouldCloseIt) {
  ScratchFolder dir;
  std::vector<Article> articles = ReadArticles(dir.Write("a.jsonl", "{\"text\": \"abc\n\"}\n"));
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_THAT(Rules(articles[0]), ElementsAre("input/invalid-json"));
  EXPECT_THAT(Rules(articles[1]), ElementsAre("input/invalid-json"));
}

TEST(JsonlReaderTest, MissingOrNonStringTextIsReported) {
  struct Case {
    std::string line;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"{\"title\": \"No body\"}",
       "no text field (tried text, maintext, content, body, article, article_text)"},
      {"{}", "no text field"},
      {"{\"text\": null}", "the text field is null"},
      {"{\"text\": 12}", "field 'text' is a number, not a string"},
      {"{\"text\": [\"a\"]}", "field 'text' is an array, not a string"},
      {"{\"maintext\": {\"a\": 1}}", "field 'maintext' is an object, not a string"},
      {"{\"text\": true}", "field 'text' is a boolean, not a string"},
      {"{\"html\": 5}", "'html' is a number"},
  };
  for (const Case& c : cases) {
    ScratchFolder dir;
    std::vector<Article> articles = ReadArticles(dir.Write("a.jsonl", c.line + "\n"));
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_THAT(Rules(articles[0]), ElementsAre("input/missing-text")) << c.line;
    EXPECT_THAT(Message(articles[0], "input/missing-text"), HasSubstr(c.message_part)) << c.line;
  }
}

TEST(JsonlReaderTest, MapsCommonFieldNames) {
  struct Case {
    std::string line;
    std::string text, url, title, byline, published;
  };
  const std::vector<Case> cases = {
      {R"({"text":"t","url":"https://www.Example.com/a","title":"T","byline":"B","published":"P"})",
       "t", "https://www.Example.com/a", "T", "B", "P"},
      {R"({"maintext":"m","link":"l","headline":"h","author":"a","date":"d"})", "m", "l", "h", "a",
       "d"},
      {R"({"content":"c","source_url":"s","date_publish":"2024-01-02"})", "c", "s", "", "",
       "2024-01-02"},
      {R"({"body":"b","canonical_url":"c","publish_date":"p"})", "b", "c", "", "", "p"},
      {R"({"article":"a","pubdate":"p"})", "a", "", "", "", "p"},
      {R"({"article_text":"x","datePublished":"dp"})", "x", "", "", "", "dp"},
      // The first name of the list wins, whatever the order of the keys.
      {R"({"content":"low","text":"high","link":"low","url":"high"})", "high", "high", "", "", ""},
      // null counts as absent.
      {R"({"text":null,"content":"fallback"})", "fallback", "", "", "", ""},
      // Numbers are kept as written.
      {R"({"text":"t","published":1700000000})", "t", "", "", "", "1700000000"},
      {R"({"text":"t","authors":["Ann Lee","Bo Chen"]})", "t", "", "", "Ann Lee, Bo Chen", ""},
      {R"({"text":"t","authors":[{"name":"Ann Lee"},{"name":"Bo"}]})", "t", "", "", "Ann Lee, Bo",
       ""},
      {R"({"text":"esc\n\"q\" \u00e9"})", "esc\n\"q\" \xC3\xA9", "", "", "", ""},
  };
  for (const Case& c : cases) {
    ScratchFolder dir;
    std::vector<Article> articles = ReadArticles(dir.Write("a.jsonl", c.line + "\n"));
    ASSERT_EQ(articles.size(), 1u);
    const Article& a = articles[0];
    EXPECT_THAT(Rules(a), IsEmpty()) << c.line;
    EXPECT_EQ(a.text, c.text) << c.line;
    EXPECT_EQ(a.url, c.url) << c.line;
    EXPECT_EQ(a.title, c.title) << c.line;
    EXPECT_EQ(a.byline, c.byline) << c.line;
    EXPECT_EQ(a.published, c.published) << c.line;
  }
}

TEST(JsonlReaderTest, SiteComesFromUrl) {
  ScratchFolder dir;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl", R"({"text":"t","url":"https://www.Example.com/news/1"})"
                                        "\n"));
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].site, "example.com");
}

TEST(JsonlReaderTest, FieldOverrideReplacesTheDefaultNames) {
  ScratchFolder dir;
  std::string path =
      dir.Write("a.jsonl", R"({"text":"ignored","body":"used","headline":"H","title":"T"})"
                           "\n"
                           R"({"text":"only text"})"
                           "\n");
  ReadOptions options;
  options.fields = {{"text", "body"}, {"title", "headline"}};
  std::vector<Article> articles = ReadArticles(path, options);
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].text, "used");
  EXPECT_EQ(articles[0].title, "H");
  EXPECT_THAT(Rules(articles[1]), ElementsAre("input/missing-text"));
  EXPECT_THAT(Message(articles[1], "input/missing-text"), HasSubstr("(tried body)"));
}

TEST(JsonlReaderTest, UnknownOverrideTargetFailsToOpen) {
  ScratchFolder dir;
  ReadOptions options;
  options.fields = {{"bodytext", "body"}};
  std::string error;
  EXPECT_EQ(OpenReader(dir.Write("a.jsonl", "{}\n"), options, &error), nullptr);
  EXPECT_THAT(error, HasSubstr("'bodytext'"));
}

TEST(JsonlReaderTest, IdFromStringOrNumberElsePathAndLine) {
  ScratchFolder dir;
  std::string path = dir.Write("a.jsonl", R"({"id":"abc-1","text":"t"})"
                                          "\n"
                                          R"({"id":12345,"text":"t"})"
                                          "\n"
                                          R"({"id":{"x":1},"text":"t"})"
                                          "\n"
                                          R"({"text":"t"})"
                                          "\n");
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(articles[0].id, "abc-1");
  EXPECT_EQ(articles[1].id, "12345");
  EXPECT_EQ(articles[2].id, path + ":3");
  EXPECT_EQ(articles[3].id, path + ":4");
}

TEST(JsonlReaderTest, LinksFromStringsOrObjects) {
  ScratchFolder dir;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl", R"({"text":"t","links":["https://a.example/",)"
                                        R"({"href":"/b","text":"Bee","region":"footer"},)"
                                        R"({"url":"/c","anchor_text":"Sea"},)"
                                        R"({"href":"/d","anchor":"Dee","region":"sidebar"}, 7]})"
                                        "\n"));
  ASSERT_EQ(articles.size(), 1u);
  const std::vector<Link>& links = articles[0].links;
  ASSERT_EQ(links.size(), 4u);
  EXPECT_EQ(links[0].href, "https://a.example/");
  EXPECT_EQ(links[0].region, LinkRegion::kUnknown);
  EXPECT_EQ(links[1].href, "/b");
  EXPECT_EQ(links[1].anchor_text, "Bee");
  EXPECT_EQ(links[1].region, LinkRegion::kFooter);
  EXPECT_EQ(links[2].href, "/c");
  EXPECT_EQ(links[2].anchor_text, "Sea");
  EXPECT_EQ(links[3].anchor_text, "Dee");
  EXPECT_EQ(links[3].region, LinkRegion::kUnknown);
  for (const Link& link : links) EXPECT_EQ(link.line, 0);
}

TEST(JsonlReaderTest, HtmlOnlyRecordIsExtracted) {
  ScratchFolder dir;
  std::string line =
      R"({"title":"From JSON","html":"<html><head><title>From page</title>)"
      R"(<meta name=\"author\" content=\"Page Author\"></head><body><p>First &amp; only.</p>)"
      R"(<script>x()</script><p><a href=\"/more\">More</a></p></body></html>"})";
  std::string path = dir.Write("a.jsonl", line + "\n");
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_THAT(Rules(a), IsEmpty());
  EXPECT_EQ(a.text, "First & only.\nMore");
  EXPECT_EQ(a.title, "From JSON");
  EXPECT_EQ(a.byline, "Page Author");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].line, 2);
  EXPECT_EQ(a.blocks.size(), 2u);
  EXPECT_EQ(a.raw_html, "");

  ReadOptions keep;
  keep.keep_html = true;
  EXPECT_THAT(ReadArticles(path, keep)[0].raw_html, HasSubstr("<title>From page</title>"));
}

TEST(JsonlReaderTest, TextFieldWinsOverHtml) {
  ScratchFolder dir;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl", R"({"text":"plain","html":"<p>page</p>"})"
                                        "\n"));
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text, "plain");
  EXPECT_THAT(articles[0].blocks, IsEmpty());
}

TEST(JsonlReaderTest, InvalidUtf8IsKeptByteForByteAndReported) {
  ScratchFolder dir;
  // \xFF is never UTF-8; \xC3 starts a sequence that "(" does not continue;
  // \xE2\x82 is a cut-off euro sign.
  const std::string text = "caf\xC3\xA9 \xFF ok \xC3(x) \xE2\x82";
  const std::string title = "T\xFE";
  std::string path =
      dir.Write("a.jsonl", "{\"text\": \"" + text + "\", \"title\": \"" + title + "\"}\n");
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.text, text);
  EXPECT_EQ(a.title, title);
  ASSERT_THAT(Rules(a), ElementsAre("input/invalid-utf8"));
  const Finding& f = *FindingOf(a, "input/invalid-utf8");
  EXPECT_EQ(f.span.start, 6u);
  EXPECT_EQ(f.span.end, 7u);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].first, "invalid_bytes");
  EXPECT_EQ(std::get<int64_t>(f.evidence[0].second), 4);
}

TEST(JsonlReaderTest, InvalidUtf8NextToPrivateUseCharactersAndEscapes) {
  ScratchFolder dir;
  // U+10FFFF and U+10FF80 written as UTF-8, U+10FFFE as a JSON escape: all
  // must survive next to the invalid byte unchanged.
  const std::string line =
      "{\"text\": \"a\xF4\x8F\xBF\xBF b\xF4\x8F\xBE\x80 c\\udbff\\udffe d\x80\"}\n";
  std::vector<Article> articles = ReadArticles(dir.Write("a.jsonl", line));
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text, "a\xF4\x8F\xBF\xBF b\xF4\x8F\xBE\x80 c\xF4\x8F\xBF\xBE d\x80");
  EXPECT_THAT(Rules(articles[0]), ElementsAre("input/invalid-utf8"));
}

TEST(JsonlReaderTest, InvalidUtf8InsideHtmlField) {
  ScratchFolder dir;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl", "{\"html\": \"<p>na\xEFve</p>\"}\n"));
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text, "na\xEFve");
  EXPECT_THAT(Rules(articles[0]), ElementsAre("input/invalid-utf8"));
}

TEST(JsonlReaderTest, LongLineGrowsTheBuffer) {
  ScratchFolder dir;
  const std::string long_text(3 * 1024 * 1024, 'x');
  std::string path = dir.Write(
      "a.jsonl", "{\"text\":\"short\"}\n{\"text\":\"" + long_text + "\"}\n{\"text\":\"end\"}\n");
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[1].text, long_text);
  EXPECT_EQ(articles[2].text, "end");
}

TEST(JsonlReaderTest, ARecordOverTheLimitIsSkippedAndReported) {
  ScratchFolder dir;
  const std::string long_text(300 * 1024, 'x');
  const std::string big = "{\"text\":\"" + long_text + "\"}";
  const std::string content = "{\"text\":\"short\"}\n" + big + "\n{\"text\":\"end\"}\n" + big;
  ReadOptions options;
  options.max_record_bytes = 100 * 1024;
  std::string error;
  auto reader = OpenReader(dir.Write("a.jsonl", content), options, &error);
  ASSERT_NE(reader, nullptr) << error;
  std::vector<Article> articles;
  for (Article a; reader->Next(&a);) articles.push_back(a);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(articles[0].text, "short");
  EXPECT_TRUE(articles[1].text.empty());
  EXPECT_EQ(Rules(articles[1]), std::vector<std::string>{"input/record-too-large"});
  EXPECT_EQ(articles[1].record, 2);
  EXPECT_EQ(articles[1].id, dir.path() + "/a.jsonl:2");
  const Finding* f = FindingOf(articles[1], "input/record-too-large");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(std::get<int64_t>(f->evidence[0].second), static_cast<int64_t>(big.size()));
  EXPECT_EQ(std::get<int64_t>(f->evidence[1].second), 100 * 1024);
  // Reading goes on after it, with the right line numbers, also for a last
  // record without a final newline.
  EXPECT_EQ(articles[2].text, "end");
  EXPECT_EQ(articles[2].record, 3);
  EXPECT_EQ(Rules(articles[3]), std::vector<std::string>{"input/record-too-large"});
  EXPECT_EQ(reader->bytes_read(), content.size());
  // --fix reads every record whole.
  options.keep_raw_record = true;
  articles = ReadArticles(dir.path() + "/a.jsonl", options);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(articles[1].text, long_text);
}

TEST(TextFileReaderTest, AFileOverTheLimitIsOneRecordTooLarge) {
  ScratchFolder dir;
  ReadOptions options;
  options.max_record_bytes = 1000;
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.txt", std::string(5000, 'y')), options);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_TRUE(articles[0].text.empty());
  EXPECT_EQ(Rules(articles[0]), std::vector<std::string>{"input/record-too-large"});
  articles = ReadArticles(dir.Write("b.html", "<p>" + std::string(5000, 'z') + "</p>"), options);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(Rules(articles[0]), std::vector<std::string>{"input/record-too-large"});
  // At the limit: read.
  articles = ReadArticles(dir.Write("c.txt", std::string(1000, 'y')), options);
  EXPECT_EQ(articles[0].text.size(), 1000u);
}

TEST(JsonlReaderTest, BytesReadCountsTheWholeInput) {
  ScratchFolder dir;
  const std::string content = "{\"text\":\"a\"}\n\n{\"text\":\"bb\"}";
  std::string error;
  auto reader = OpenReader(dir.Write("a.jsonl", content), {}, &error);
  ASSERT_NE(reader, nullptr);
  Article a;
  while (reader->Next(&a)) {
  }
  EXPECT_EQ(reader->bytes_read(), content.size());
}

TEST(JsonlReaderTest, ReadsGzipIncludingConcatenatedMembers) {
  ScratchFolder dir;
  std::string path =
      dir.Write("a.jsonl.gz", GzipMember("{\"text\":\"one\"}\n{\"text\":\"two\"}\n") +
                                  GzipMember("{\"text\":\"three\"}\n"));
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[2].text, "three");
  EXPECT_EQ(articles[2].record, 3);
  for (const Article& a : articles) EXPECT_THAT(Rules(a), IsEmpty());
}

TEST(JsonlReaderTest, ReadsZstdIncludingConcatenatedFrames) {
  ScratchFolder dir;
  std::string path = dir.Write("a.ndjson.zst", ZstdFrame("{\"text\":\"one\"}\n{\"text\":\"two\"") +
                                                   ZstdFrame("}\n{\"text\":\"three\"}\n"));
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[1].text, "two");
  EXPECT_EQ(articles[2].text, "three");
  for (const Article& a : articles) EXPECT_THAT(Rules(a), IsEmpty());
}

TEST(JsonlReaderTest, DetectsCompressionByMagicNumber) {
  ScratchFolder dir;
  EXPECT_EQ(ReadArticles(dir.Write("gz.jsonl", GzipMember("{\"text\":\"g\"}\n")))[0].text, "g");
  EXPECT_EQ(ReadArticles(dir.Write("zst.json", ZstdFrame("{\"text\":\"z\"}\n")))[0].text, "z");
}

// A compressed stream cut at `cut` bytes: records before the cut are normal,
// the line the cut falls in (or one extra record) carries input/read-error.
TEST(JsonlReaderTest, TruncatedStreamsReportReadError) {
  struct Case {
    std::string name;
    std::string compressed;
  };
  // Several zstd blocks (128 KiB each), so a cut leaves whole blocks behind.
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "{\"text\":\"record " + std::to_string(i) + "\"}\n";
  for (const Case& c : {Case{"a.jsonl.gz", GzipMember(big)}, Case{"a.jsonl.zst", ZstdFrame(big)}}) {
    ScratchFolder dir;
    std::string truncated = c.compressed.substr(0, c.compressed.size() * 2 / 3);
    std::vector<Article> articles = ReadArticles(dir.Write(c.name, truncated));
    ASSERT_GE(articles.size(), 2u) << c.name;
    ASSERT_LT(articles.size(), 20000u) << c.name;
    for (size_t i = 0; i + 1 < articles.size(); ++i) {
      EXPECT_THAT(Rules(articles[i]), IsEmpty()) << c.name << " record " << i + 1;
      EXPECT_EQ(articles[i].text, "record " + std::to_string(i)) << c.name;
    }
    const Article& last = articles.back();
    EXPECT_THAT(Rules(last), ElementsAre("input/read-error")) << c.name;
    EXPECT_THAT(Message(last, "input/read-error"), HasSubstr("truncated")) << c.name;
    EXPECT_EQ(last.record, static_cast<int64_t>(articles.size()));
    EXPECT_EQ(last.text, "");
  }
}

TEST(JsonlReaderTest, StreamBrokenAtLineBoundaryAddsOneRecord) {
  // A gzip member whose data ends exactly after "\n" but whose trailer
  // (CRC and length, 8 bytes) is missing.
  ScratchFolder dir;
  std::string member = GzipMember("{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
  std::vector<Article> articles =
      ReadArticles(dir.Write("a.jsonl.gz", member.substr(0, member.size() - 8)));
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[1].text, "b");
  EXPECT_THAT(Rules(articles[1]), IsEmpty());
  EXPECT_EQ(articles[2].record, 3);
  EXPECT_EQ(articles[2].id, dir.path() + "/a.jsonl.gz:3");
  EXPECT_THAT(Rules(articles[2]), ElementsAre("input/read-error"));
}

TEST(JsonlReaderTest, CorruptOrEmptyCompressedFilesReportReadError) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"junk.jsonl.gz", "this is not gzip data at all\n"},
      {"junk.jsonl.zst", "this is not zstd data at all\n"},
      {"empty.jsonl.gz", ""},
      {"empty.jsonl.zst", ""},
      {"trailing.jsonl.gz", GzipMember("{\"text\":\"a\"}\n") + "garbage"},
  };
  for (const auto& [name, bytes] : cases) {
    ScratchFolder dir;
    std::vector<Article> articles = ReadArticles(dir.Write(name, bytes));
    ASSERT_FALSE(articles.empty()) << name;
    EXPECT_THAT(Rules(articles.back()), ElementsAre("input/read-error")) << name;
    EXPECT_FALSE(Message(articles.back(), "input/read-error").empty()) << name;
  }
}

TEST(JsonlReaderTest, ReadsStdin) {
  ScratchFolder dir;
  std::string path = dir.Write("in.jsonl", "{\"text\":\"from stdin\"}\n");
  int saved = dup(STDIN_FILENO);
  int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  std::vector<Article> articles = ReadArticles("-");
  dup2(saved, STDIN_FILENO);
  close(saved);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text, "from stdin");
  EXPECT_EQ(articles[0].source, "-");
  EXPECT_EQ(articles[0].id, "-:1");
}

TEST(JsonlReaderTest, ArbitraryBytesNeverCrash) {
  ScratchFolder dir;
  std::string junk;
  uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245 + 12345;
    junk.push_back(static_cast<char>(state >> 24));
    if (i % 97 == 0) junk += "{\"text\":\"";
  }
  std::vector<Article> articles = ReadArticles(dir.Write("junk.jsonl", junk));
  EXPECT_FALSE(articles.empty());
}

// ---------------------------------------------------------------- Opening

TEST(ReaderOpenTest, MissingFileOrFolderIsAnError) {
  ScratchFolder dir;
  for (const std::string& path : {dir.path() + "/nope.jsonl", dir.path() + "/nope.html",
                                  dir.path() + "/nope.txt", dir.path()}) {
    std::string error;
    EXPECT_EQ(OpenReader(path, {}, &error), nullptr) << path;
    EXPECT_THAT(error, HasSubstr("cannot read '" + path + "'")) << path;
    EXPECT_EQ(error.find('\n'), std::string::npos);
  }
}

// ---------------------------------------------------------------- HTML

Article Extract(const std::string& html, const std::string& name = "page.html") {
  ScratchFolder dir;
  std::vector<Article> articles = ReadArticles(dir.Write(name, html));
  EXPECT_EQ(articles.size(), 1u);
  if (articles.empty()) return Article{};
  // One block per line of text, and no empty line.
  const Article& a = articles[0];
  size_t lines = a.text.empty() ? 0 : std::count(a.text.begin(), a.text.end(), '\n') + 1;
  EXPECT_EQ(a.blocks.size(), lines);
  EXPECT_EQ(a.text.find("\n\n"), std::string::npos);
  return a;
}

TEST(HtmlExtractorTest, OneLinePerBlockAndInlineElementsJoin) {
  Article a = Extract(
      "<html><body><h1>Storm  hits\n the coast</h1>"
      "<div><p>Winds of <b>120</b>&nbsp;km/h<i>, then</i> rain.<br>More <span>soon</span>.</p>"
      "<ul><li>One</li><li>Two</li></ul></div>"
      "<table><tr><td>Cell A</td><td>Cell B</td></tr></table>"
      "<p>   </p><div>tail text</div></body></html>");
  EXPECT_EQ(a.text,
            "Storm hits the coast\nWinds of 120 km/h, then rain.\nMore soon.\nOne\nTwo\n"
            "Cell A\nCell B\ntail text");
  EXPECT_EQ(a.blocks.size(), 8u);
  EXPECT_THAT(Rules(a), IsEmpty());
}

// White space collapses to one space between visible characters, whatever
// the run (spaces, tabs, newlines, U+00A0), wherever it falls against the
// extractor's 16-byte blocks and the tags that cut the text into pieces;
// the reference splits the text at white space and joins the words with
// one space.
TEST(HtmlExtractorTest, WhiteSpaceCollapsesAcrossBlocksAndPieces) {
  const std::vector<std::string> kAtoms = {"a", "b", "Q", "7", " ", " ", "  ", "\t", "\n",
                                           "\xC2\xA0", "\xC3\xA9", "\xC2\xA9", ".", "-"};
  auto is_space = [](const std::string& atom) {
    return atom.find_first_not_of(" \t\n") == std::string::npos || atom == "\xC2\xA0";
  };
  uint64_t x = 12345;
  auto next = [&x] {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(x >> 33);
  };
  for (int round = 0; round < 400; ++round) {
    std::string body, expected;
    bool gap = false;
    const size_t atoms = next() % 60;
    for (size_t i = 0; i < atoms; ++i) {
      const std::string& atom = kAtoms[next() % kAtoms.size()];
      if (next() % 9 == 0) body += next() % 2 ? "<b>" : "</b>";  // cut into pieces
      body += atom;
      if (is_space(atom)) {
        gap = true;
      } else {
        if (gap && !expected.empty()) expected += ' ';
        gap = false;
        expected += atom;
      }
    }
    Article a;
    ExtractHtml("<html><body><p>" + body + "</p><p><a href=\"/x\">" + body +
                    "</a></p></body></html>",
                &a);
    const std::string both = expected.empty() ? "" : expected + "\n" + expected;
    EXPECT_EQ(a.text, both) << body;
    ASSERT_EQ(a.links.size(), 1u) << body;
    EXPECT_EQ(a.links[0].anchor_text, expected) << body;
  }
}

TEST(HtmlExtractorTest, DropsWhatIsNotShown) {
  Article a = Extract(
      "<html><head><title>Title</title><style>p{color:red}</style>"
      "<script>var x = '<p>no</p>';</script></head><body>"
      "<p>Shown<!-- a comment --> text</p>"
      "<script>document.write('no')</script><noscript>Enable JS</noscript>"
      "<template><p>template</p></template><svg><text>svg</text></svg>"
      "<iframe>frame</iframe>"
      "<div hidden>hidden attribute</div>"
      "<div style=\"display: none\">display none</div>"
      "<div style=\"color:red;VISIBILITY:hidden\">visibility hidden</div>"
      "<p>Visible <span style=\"display:none !important\">secret</span>end</p>"
      "</body></html>");
  EXPECT_EQ(a.text, "Shown text\nVisible end");
}

TEST(HtmlExtractorTest, PreKeepsSpacesAndLines) {
  Article a = Extract("<p>Before</p><pre>  indented  code\n\n  second line\n</pre><p>After</p>");
  EXPECT_EQ(a.text, "Before\n  indented  code\n  second line\nAfter");
}

TEST(HtmlExtractorTest, DecodesEntitiesAndCharacterReferences) {
  Article a =
      Extract("<p>Fish &amp; chips &eacute; &#8217; &#x201C;q&#x201D; &lt;b&gt; &unknown;</p>");
  EXPECT_EQ(a.text, "Fish & chips \xC3\xA9 \xE2\x80\x99 \xE2\x80\x9Cq\xE2\x80\x9D <b> &unknown;");
}

TEST(HtmlExtractorTest, LinksWithRegionsLinesAndAnchorText) {
  Article a = Extract(
      "<html><body>"
      "<header><a href=\"/\">Home</a></header>"
      "<nav><ul><li><a href=\"/world\"> World\n news </a></li></ul></nav>"
      "<div role=\"navigation\"><a href=\"/r\">Role nav</a></div>"
      "<article><p>Read <a href=\"https://x.example/story\">the <b>full</b> story</a> now.</p>"
      "<p><a href=\"/img\"><img src=\"a.png\"></a></p>"
      "<p aria-hidden=\"true\"><a href=\"/aria\">Aria</a></p></article>"
      "<aside><a href=\"/side\">Side</a></aside>"
      "<div role=\"contentinfo\"><nav><a href=\"/inner\">Inner</a></nav></div>"
      "<footer><a href=\"/about\">About</a></footer>"
      "<div style=\"display:none\"><a href=\"/hidden\">Hidden <span>link</span></a></div>"
      "<noscript><a href=\"/ns\">No script</a></noscript>"
      "<a name=\"anchor-only\">not a link</a>"
      "</body></html>");
  struct Expected {
    std::string href, anchor;
    int64_t line;
    LinkRegion region;
  };
  const std::vector<Expected> expected = {
      {"/", "Home", 1, LinkRegion::kHeader},
      {"/world", "World news", 2, LinkRegion::kNav},
      {"/r", "Role nav", 3, LinkRegion::kNav},
      {"https://x.example/story", "the full story", 4, LinkRegion::kBody},
      {"/img", "", 0, LinkRegion::kBody},
      {"/aria", "Aria", 5, LinkRegion::kHidden},
      {"/side", "Side", 6, LinkRegion::kAside},
      {"/inner", "Inner", 7, LinkRegion::kNav},
      {"/about", "About", 8, LinkRegion::kFooter},
      {"/hidden", "Hidden link", 0, LinkRegion::kHidden},
      {"/ns", "No script", 0, LinkRegion::kHidden},
  };
  EXPECT_EQ(a.text,
            "Home\nWorld news\nRole nav\nRead the full story now.\nAria\nSide\nInner\nAbout\n"
            "not a link");
  ASSERT_EQ(a.links.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.links[i].href, expected[i].href) << i;
    EXPECT_EQ(a.links[i].anchor_text, expected[i].anchor) << i;
    EXPECT_EQ(a.links[i].line, expected[i].line) << i;
    EXPECT_EQ(LinkRegionName(a.links[i].region), LinkRegionName(expected[i].region)) << i;
  }
}

TEST(HtmlExtractorTest, BlocksCarryTagPathAndTokens) {
  Article a = Extract(
      "<html><body><div class=\"Story  main\" id=\"Top\">"
      "<article><p>Para <span class=\"share-bar MAIN\">Share</span></p></article>"
      "<footer class=\"site-footer\"><p>Footer</p></footer>"
      "</div><p>Loose</p></body></html>");
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_EQ(a.blocks[0].tag_path, "html>body>div>article>p");
  EXPECT_THAT(a.blocks[0].tokens, ElementsAre("story", "main", "top", "share-bar"));
  EXPECT_EQ(a.blocks[1].tag_path, "html>body>div>footer>p");
  EXPECT_THAT(a.blocks[1].tokens, ElementsAre("story", "main", "top", "site-footer"));
  EXPECT_EQ(a.blocks[2].tag_path, "html>body>p");
  EXPECT_THAT(a.blocks[2].tokens, IsEmpty());
}

TEST(HtmlExtractorTest, Metadata) {
  struct Case {
    std::string head;
    std::string title, url, published, byline;
  };
  const std::vector<Case> cases = {
      {"<title> Page  title </title><meta property=\"og:title\" content=\"OG title\">"
       "<link rel=\"canonical\" href=\"https://www.News.example/c\">"
       "<meta property=\"og:url\" content=\"https://og.example/u\">"
       "<meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">"
       "<meta name=\"date\" content=\"2024-01-01\">"
       "<meta property=\"article:author\" content=\"https://fb.example/x\">"
       "<meta name=\"author\" content=\"Jane Roe\">",
       "OG title", "https://og.example/u", "2024-05-01T10:00:00Z", "Jane Roe"},
      {"<title>Page\n  title</title><link rel=\"Canonical\" href=\"https://www.News.example/c\">"
       "<meta name=\"pubdate\" content=\"2024-01-01\">"
       "<meta property=\"article:author\" content=\"Ann\">",
       "Page title", "https://www.News.example/c", "2024-01-01", "Ann"},
      {"", "", "", "", ""},
  };
  for (const Case& c : cases) {
    Article a = Extract("<html><head>" + c.head + "</head><body><p>x</p></body></html>");
    EXPECT_EQ(a.title, c.title) << c.head;
    EXPECT_EQ(a.url, c.url) << c.head;
    EXPECT_EQ(a.published, c.published) << c.head;
    EXPECT_EQ(a.byline, c.byline) << c.head;
    EXPECT_EQ(a.site, SiteOfUrl(c.url)) << c.head;
    EXPECT_EQ(a.text, "x");
  }
}

TEST(HtmlExtractorTest, MalformedAndJunkInputNeverCrashes) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div><span>";
  deep += "deep";
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary.push_back(static_cast<char>((i * 7919) & 0xFF));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"   \n ", ""},
      {"<p>unclosed <b>bold <i>italic", "unclosed bold italic"},
      {"</div></p><p>stray closers</span>", "stray closers"},
      {"<<<>>><p a=\"b>c</p>", ""},
      {"just text, no tags", "just text, no tags"},
      {deep, "deep"},
      {binary, ""},
  };
  for (const auto& [html, text] : cases) {
    Article a = Extract(html);
    EXPECT_EQ(a.record, 1);
    if (!text.empty()) {
      EXPECT_EQ(a.text, text);
    }
  }
}

TEST(HtmlExtractorTest, InvalidUtf8IsKeptAndReported) {
  // Undeclared, declared UTF-8, or declared as a charset libxml2 does not
  // know: the page is read as UTF-8 and its stray bytes are kept.
  for (const std::string head : {"", "<meta charset=\"utf-8\">",
                                 "<meta http-equiv=\"Content-Type\" "
                                 "content=\"text/html; charset=x-no-such-charset\">"}) {
    Article a =
        Extract("<html><head>" + head +
                "</head><body><p>caf\xE9 and na\xC3\xAFve</p><p>\xFF\xFE end</p></body></html>");
    EXPECT_EQ(a.text, "caf\xE9 and na\xC3\xAFve\n\xFF\xFE end") << head;
    ASSERT_THAT(Rules(a), ElementsAre("input/invalid-utf8")) << head;
    const Finding& f = *FindingOf(a, "input/invalid-utf8");
    EXPECT_EQ(f.span.start, 3u);
    EXPECT_EQ(std::get<int64_t>(f.evidence[0].second), 3);
  }
}

TEST(HtmlExtractorTest, DeclaredCharsetIsDecoded) {
  struct Case {
    std::string charset, body, text;
  };
  const std::vector<Case> cases = {
      // Latin-1 labels are read as windows-1252, as browsers read them.
      {"windows-1252", "caf\xE9 \x93quoted\x94 \x80",
       "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC"},
      {"ISO-8859-1", "\x93q\x94 \x8F", "\xE2\x80\x9Cq\xE2\x80\x9D \xC2\x8F"},
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      // Valid UTF-8 is read as UTF-8 whatever the page declares.
      {"iso-8859-1", "caf\xC3\xA9", "caf\xC3\xA9"},
  };
  for (const Case& c : cases) {
    Article a = Extract("<html><head><meta charset=\"" + c.charset + "\"></head><body><p>" +
                        c.body + "</p></body></html>");
    EXPECT_EQ(a.text, c.text) << c.charset;
    EXPECT_THAT(Rules(a), IsEmpty()) << c.charset;
  }
}

TEST(HtmlExtractorTest, ConcurrentExtractionsAgree) {
  std::string html = "<html><head><title>T</title></head><body><nav><a href=\"/\">Home</a></nav>";
  for (int i = 0; i < 200; ++i)
    html += "<p class=\"c\">Paragraph " + std::to_string(i) + " \xFF</p>";
  html += "</body></html>";
  Article expected;
  ExtractHtml(html, &expected);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Article a;
        ExtractHtml(html, &a);
        if (a.text != expected.text || a.links.size() != expected.links.size()) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
  EXPECT_EQ(expected.title, "T");
}

// ReadOptions::defer_decoding for HTML files: the page is kept and its text
// extracted by FinishReading(), on another thread, into the article a plain
// read makes.
TEST(HtmlFileReaderTest, DeferredExtractionGivesTheSameArticleOnAnotherThread) {
  ScratchFolder dir;
  const std::string path = dir.Write(
      "page.html",
      "<html><head><title>Budget passes</title><meta name=\"author\" content=\"A. Writer\">"
      "<link rel=\"canonical\" href=\"https://www.example.com/budget\"></head><body>"
      "<nav class=\"menu\"><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>"
      "<article><p>The council approved the budget on Monday.</p>"
      "<p>Caf\xE9 owners welcomed it, <a href=\"https://b.example/r\">the report</a> said.</p>"
      "</article><footer>Example News</footer><script>track()</script></body></html>");
  ReadOptions keep;
  keep.keep_html = true;
  for (const ReadOptions& options : {ReadOptions{}, keep}) {
    const std::vector<Article> plain = ReadArticles(path, options);
    ReadOptions deferred_options = options;
    deferred_options.defer_decoding = true;
    std::vector<Article> deferred = ReadArticles(path, deferred_options);
    ASSERT_EQ(plain.size(), 1u);
    ASSERT_EQ(deferred.size(), 1u);
    ASSERT_NE(deferred[0].decoder, nullptr);
    EXPECT_EQ(deferred[0].text, "");
    EXPECT_THAT(deferred[0].undecoded, HasSubstr("<nav class="));
    std::thread([&deferred] { FinishReading(&deferred[0]); }).join();
    EXPECT_EQ(deferred[0].decoder, nullptr);
    EXPECT_THAT(plain[0].text, HasSubstr("The council approved the budget on Monday."));
    EXPECT_THAT(Rules(plain[0]), ElementsAre("input/invalid-utf8"));
    EXPECT_EQ(Describe(deferred[0]), Describe(plain[0]));
  }
}

TEST(HtmlFileReaderTest, OneArticlePerFile) {
  ScratchFolder dir;
  const std::string html = "<html><body><p>Hello</p></body></html>";
  std::string path = dir.Write("Page.HTM", html);
  std::vector<Article> articles = ReadArticles(path);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, path);
  EXPECT_EQ(articles[0].source, path);
  EXPECT_EQ(articles[0].record, 1);
  EXPECT_EQ(articles[0].text, "Hello");
  EXPECT_EQ(articles[0].raw_html, "");
  ReadOptions keep;
  keep.keep_html = true;
  EXPECT_EQ(ReadArticles(path, keep)[0].raw_html, html);
}

// ---------------------------------------------------------------- Plain text

TEST(TextFileReaderTest, BytesAreKeptAsTheyAre) {
  struct Case {
    std::string bytes, text;
    bool invalid;
  };
  const std::vector<Case> cases = {
      {"  Line one\r\n\nLine two  \n", "  Line one\r\n\nLine two  \n", false},
      {"\xEF\xBB\xBFWith BOM", "With BOM", false},
      {"", "", false},
      {"ok \x80\x81 bad", "ok \x80\x81 bad", true},
  };
  for (const Case& c : cases) {
    ScratchFolder dir;
    std::string path = dir.Write("notes.txt", c.bytes);
    std::vector<Article> articles = ReadArticles(path);
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(articles[0].text, c.text);
    EXPECT_EQ(articles[0].id, path);
    EXPECT_EQ(articles[0].record, 1);
    if (c.invalid) {
      ASSERT_THAT(Rules(articles[0]), ElementsAre("input/invalid-utf8"));
      EXPECT_EQ(FindingOf(articles[0], "input/invalid-utf8")->span, (Span{3, 4}));
    } else {
      EXPECT_THAT(Rules(articles[0]), IsEmpty());
    }
  }
}

TEST(TextFileReaderTest, AnyUnknownNameIsText) {
  ScratchFolder dir;
  std::vector<Article> articles = ReadArticles(dir.Write("README", "{\"text\":\"not json\"}"));
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text, "{\"text\":\"not json\"}");
}

// ---------------------------------------------------------------- ExpandInputs

TEST(ExpandInputsTest, WalksFoldersInNameOrderTakingKnownNames) {
  ScratchFolder dir;
  for (const char* name : {"b.jsonl", "a.html", "A.txt", "sub/z.ndjson.zst", "sub/y.json.gz",
                           "sub/deeper/x.htm", "notes.md", "data.csv", ".hidden.jsonl",
                           ".git/config.json", "sub/.cache/c.jsonl", "c.jsonl.bz2"}) {
    dir.Write(name, "");
  }
  std::vector<std::string> files;
  std::string error;
  ASSERT_TRUE(ExpandInputs({dir.path() + "/", "-", dir.path() + "/notes.md"}, &files, &error))
      << error;
  const std::string& d = dir.path();
  EXPECT_THAT(files,
              ElementsAre(d + "/A.txt", d + "/a.html", d + "/b.jsonl", d + "/sub/deeper/x.htm",
                          d + "/sub/y.json.gz", d + "/sub/z.ndjson.zst", "-", d + "/notes.md"));
}

TEST(ExpandInputsTest, MissingPathIsAnError) {
  ScratchFolder dir;
  std::vector<std::string> files;
  std::string error;
  const std::string missing = dir.path() + "/missing.jsonl";
  EXPECT_FALSE(ExpandInputs({missing}, &files, &error));
  EXPECT_EQ(error, "cannot read '" + missing + "': No such file or directory");
}

// ---------------------------------------------------------------- UTF-8 carrier

TEST(ReaderInvalidUtf8Test, ScanCountsEveryInvalidByte) {
  struct Case {
    std::string text;
    size_t first;
    int64_t count;
  };
  const std::vector<Case> cases = {
      {"plain ascii", 0, 0},
      {"caf\xC3\xA9", 0, 0},
      {"\xF0\x9F\x98\x80 emoji", 0, 0},
      {"a\xFF", 1, 1},
      {"ab\xC0\xAF", 2, 2},        // overlong "/"
      {"\xED\xA0\x80", 0, 3},      // surrogate U+D800
      {"\xF4\x90\x80\x80", 0, 4},  // above U+10FFFF
      {"x\xE2\x82", 1, 2},         // cut-off sequence
      {"\x80 lone continuation", 0, 1},
  };
  for (const Case& c : cases) {
    Utf8Scan scan = ScanUtf8(c.text);
    EXPECT_EQ(scan.invalid_bytes, c.count) << c.text;
    if (c.count > 0) {
      EXPECT_EQ(scan.first_invalid, c.first) << c.text;
    }
  }
}

TEST(ReaderInvalidUtf8Test, MaskRoundTripsAllBytes) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  all += "\xF4\x8F\xBF\xBF";  // U+10FFFF, from the default placeholder block
  InvalidByteMask mask;
  std::string masked;
  ASSERT_TRUE(mask.Mask(all, InvalidByteMask::Syntax::kJson, &masked));
  EXPECT_TRUE(ScanUtf8(masked).valid());
  mask.Unmask(&masked);
  EXPECT_EQ(masked, all);
}

TEST(ReaderInvalidUtf8Test, HtmlCharacterReferencesAreNotConfusedWithPlaceholders) {
  Article a = Extract("<p>&#x10FFFF;&#1114110; \xFF</p>");
  EXPECT_EQ(a.text, "\xF4\x8F\xBF\xBF\xF4\x8F\xBF\xBE \xFF");
}

}  // namespace
}  // namespace newslint
