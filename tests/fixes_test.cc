// Tests for lint/fixes.* (ApplyFixes, FixFilter), the line-removal fix of
// the boilerplate rules (RemoveLineFix in rules/page_layout.h), the JSONL
// reader's raw records (ReadOptions::keep_raw_record) and the cleaned records
// of reports/fixed.cc.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lint/fixes.h"
#include "lint/readers/reader.h"
#include "reports/reporter.h"
#include "rules/page_layout.h"

namespace newslint {
namespace {

Finding WithFix(std::string rule, size_t start, size_t end, std::string text) {
  Finding f;
  f.rule = std::move(rule);
  f.span = {start, end};
  f.fix = Fix{{start, end}, std::move(text)};
  return f;
}

// A removal of the line holding byte `offset`, as a boilerplate rule makes it.
Finding LineRemoval(std::string_view text, size_t offset, std::string rule = "boilerplate/navigation") {
  Fix fix = RemoveLineFix(text, offset);
  Finding f;
  f.rule = std::move(rule);
  f.span = fix.span;
  f.fix = fix;
  return f;
}

Finding NoFix(std::string rule, size_t start, size_t end) {
  Finding f;
  f.rule = std::move(rule);
  f.span = {start, end};
  return f;
}

struct ApplyCase {
  std::string name;
  std::string text;
  std::vector<Finding> findings;
  std::vector<std::string> filter;
  std::string want;
  int64_t applied;
  int64_t skipped;
};

class FixApplyTest : public ::testing::TestWithParam<ApplyCase> {};

TEST_P(FixApplyTest, AppliesInOrderOfPosition) {
  const ApplyCase& c = GetParam();
  FixStats stats;
  std::string got = ApplyFixes(c.text, c.findings, FixFilter{c.filter}, &stats);
  EXPECT_EQ(got, c.want);
  EXPECT_EQ(stats.applied, c.applied);
  EXPECT_EQ(stats.skipped, c.skipped);
}

const std::string kMenu = "Home\nNews\nStory line one.\nStory line two.\nFooter";
//                         0    5    10               26               42

std::vector<ApplyCase> ApplyCases() {
  const std::string moji = "It didnâ€™t rain.\n<b>Share</b>\n";
  const size_t m = moji.find("â€™"), m_end = m + std::string("â€™").size();
  const size_t b = moji.find("<b>"), eb = moji.find("</b>");
  const std::string quote = "\xE2\x80\x99";
  return {
      {"empty_text", "", {}, {}, "", 0, 0},
      {"empty_text_line_removal", "", {LineRemoval("", 0)}, {}, "", 1, 0},
      {"no_fixes", "abc", {NoFix("garbled/mojibake", 0, 1)}, {}, "abc", 0, 0},
      {"one_replacement", "abcdef", {WithFix("garbled/mojibake", 2, 4, "X")}, {}, "abXef", 1, 0},
      {"unsorted_input", "abcdef",
       {WithFix("garbled/mojibake", 4, 5, "Y"), WithFix("garbled/mojibake", 0, 1, "X")}, {},
       "XbcdYf", 2, 0},
      {"overlapping_replacements", "abcdef",
       {WithFix("garbled/mojibake", 1, 4, "X"), WithFix("garbled/html-residue", 3, 5, "Y")}, {},
       "aXef", 1, 1},
      {"same_start_longer_first", "abcdef",
       {WithFix("garbled/mojibake", 1, 2, "x"), WithFix("garbled/html-residue", 1, 4, "Y")}, {},
       "aYef", 1, 1},
      {"touching_replacements", "abcdef",
       {WithFix("garbled/mojibake", 1, 3, "X"), WithFix("garbled/mojibake", 3, 5, "Y")}, {},
       "aXYf", 2, 0},
      {"insertion_inside_applied_span", "abcdef",
       {WithFix("garbled/mojibake", 1, 4, "X"), WithFix("garbled/mojibake", 2, 2, "!")}, {},
       "aXef", 1, 1},
      {"out_of_text", "abc", {WithFix("garbled/mojibake", 2, 9, "X")}, {}, "abc", 0, 1},
      {"first_line", kMenu, {LineRemoval(kMenu, 0)}, {},
       "News\nStory line one.\nStory line two.\nFooter", 1, 0},
      {"adjacent_line_removals", kMenu, {LineRemoval(kMenu, 0), LineRemoval(kMenu, 5)}, {},
       "Story line one.\nStory line two.\nFooter", 2, 0},
      {"last_line_without_newline", kMenu, {LineRemoval(kMenu, 44)}, {},
       "Home\nNews\nStory line one.\nStory line two.", 1, 0},
      {"last_two_lines_share_a_newline", kMenu,
       {LineRemoval(kMenu, 30), LineRemoval(kMenu, 44)}, {},
       "Home\nNews\nStory line one.\n", 2, 0},
      {"only_line", "Share this", {LineRemoval("Share this", 3)}, {}, "", 1, 0},
      {"crlf_last_line", "Story.\r\nShare", {LineRemoval("Story.\r\nShare", 9)}, {}, "Story.", 1, 0},
      {"crlf_line", "Share\r\nStory.", {LineRemoval("Share\r\nStory.", 0)}, {}, "Story.", 1, 0},
      {"duplicate_line_removal", kMenu, {LineRemoval(kMenu, 5), LineRemoval(kMenu, 6)}, {},
       "Home\nStory line one.\nStory line two.\nFooter", 2, 0},
      {"mojibake_next_to_line_removal", moji,
       {WithFix("garbled/mojibake", m, m_end, quote), LineRemoval(moji, b, "boilerplate/share-widget")},
       {}, "It didn\xE2\x80\x99t rain.\n", 2, 0},
      // Inside a removed line, a replacement is skipped; a removal merges.
      {"html_residue_inside_removed_line", moji,
       {LineRemoval(moji, b, "boilerplate/share-widget"), WithFix("garbled/html-residue", b, b + 3, " "),
        WithFix("garbled/html-residue", eb, eb + 4, "")},
       {}, "It didnâ€™t rain.\n", 2, 1},
      {"html_residue_alone", moji,
       {WithFix("garbled/html-residue", b, b + 3, ""), WithFix("garbled/html-residue", eb, eb + 4, "")},
       {}, "It didnâ€™t rain.\nShare\n", 2, 0},
      {"filter_family", moji,
       {WithFix("garbled/mojibake", m, m_end, quote), LineRemoval(moji, b, "boilerplate/share-widget")},
       {"garbled"}, "It didn\xE2\x80\x99t rain.\n<b>Share</b>\n", 1, 0},
      {"filter_id", moji,
       {WithFix("garbled/mojibake", m, m_end, quote), LineRemoval(moji, b, "boilerplate/share-widget")},
       {"boilerplate/share-widget"}, "It didnâ€™t rain.\n", 1, 0},
      {"invalid_utf8_kept", "a\xFF\nShare\n\xFE", {LineRemoval("a\xFF\nShare\n\xFE", 3)}, {},
       "a\xFF\n\xFE", 1, 0},
  };
}

INSTANTIATE_TEST_SUITE_P(Table, FixApplyTest, ::testing::ValuesIn(ApplyCases()),
                         [](const auto& info) { return info.param.name; });

TEST(FixFilterTest, MatchesIdsAndWholeFamilies) {
  EXPECT_TRUE(FixFilter{}.Selects("boilerplate/navigation"));
  FixFilter f{{"garbled", "boilerplate/share-widget"}};
  EXPECT_TRUE(f.Selects("garbled/mojibake"));
  EXPECT_TRUE(f.Selects("boilerplate/share-widget"));
  EXPECT_FALSE(f.Selects("boilerplate/navigation"));
  EXPECT_FALSE(FixFilter{{"garb"}}.Selects("garbled/mojibake"));
}

TEST(FixRemoveLineTest, SpansTheLineAndItsNewline) {
  const std::string text = "ab\ncd\n\nef";
  auto span = [&](size_t offset) {
    Fix f = RemoveLineFix(text, offset);
    EXPECT_EQ(f.text, "");
    return std::make_pair(f.span.start, f.span.end);
  };
  EXPECT_EQ(span(0), std::make_pair(size_t{0}, size_t{3}));
  EXPECT_EQ(span(1), std::make_pair(size_t{0}, size_t{3}));
  EXPECT_EQ(span(4), std::make_pair(size_t{3}, size_t{6}));
  EXPECT_EQ(span(8), std::make_pair(size_t{6}, size_t{9}));  // from the "\n" before
}

// The JSONL reader keeps the line and where the text value sits in it.
class JsonlRawRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "newslint_fixes_XXXXXX";
    dir_ = mkdtemp(pattern.data());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<Article> Read(const std::string& name, const std::string& bytes, bool keep = true) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    ReadOptions options;
    options.keep_raw_record = keep;
    std::string error;
    auto reader = OpenReader(path, options, &error);
    EXPECT_TRUE(reader) << error;
    std::vector<Article> out;
    if (!reader) return out;
    for (Article a; reader->Next(&a);) out.push_back(a);
    return out;
  }

  std::string dir_;
};

TEST_F(JsonlRawRecordTest, KeepsLineAndTextValue) {
  const std::string line1 = "{ \"id\" : 7 ,\"text\" :  \"a\\nb \\u00e9\"  , \"x\":[1]}";
  const std::string line2 = "{\"html\":\"<p>Hi there.</p>\"}";
  const std::string line3 = "not json";
  auto articles = Read("a.jsonl", "\xEF\xBB\xBF" + line1 + "\r\n" + line2 + "\n" + line3 + "\n");
  ASSERT_EQ(articles.size(), 3u);
  const Article& a = articles[0];
  EXPECT_TRUE(a.has_raw_record);
  EXPECT_EQ(a.raw_record, line1 + "\r");  // the BOM is not part of the record
  EXPECT_EQ(a.raw_record.substr(a.raw_text_value.start, a.raw_text_value.size()),
            "\"a\\nb \\u00e9\"");
  EXPECT_EQ(a.text, "a\nb \xC3\xA9");
  EXPECT_EQ(articles[1].raw_record, line2);
  EXPECT_TRUE(articles[1].raw_text_value.empty());  // the text came from html
  EXPECT_EQ(articles[2].raw_record, line3);
  EXPECT_TRUE(articles[2].raw_text_value.empty());
}

TEST_F(JsonlRawRecordTest, InvalidUtf8MapsBackToTheLine) {
  const std::string line = "{\"t\xFF\":\"\xFE\",\"text\":\"x\xFFy\",\"z\":1}";
  auto articles = Read("b.jsonl", line + "\n");
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.text, "x\xFFy");
  EXPECT_EQ(a.raw_record.substr(a.raw_text_value.start, a.raw_text_value.size()),
            "\"x\xFFy\"");
}

TEST_F(JsonlRawRecordTest, NotKeptUnlessAsked) {
  auto articles = Read("c.jsonl", "{\"text\":\"a\"}\n", /*keep=*/false);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_FALSE(articles[0].has_raw_record);
  EXPECT_TRUE(articles[0].raw_record.empty());
}

TEST(FixedReporterTest, ReplacesOnlyTheTextValue) {
  Article a;
  a.has_raw_record = true;
  a.raw_record = "{\"k\": 1, \"text\": \"Menu\\nStory \\\"q\\\".\",  \"u\":2}";
  a.text = "Menu\nStory \"q\".";
  const size_t start = a.raw_record.find("\"Menu");
  a.raw_text_value = {start, a.raw_record.find(",  \"u\"")};
  std::ostringstream out;
  FixedStats stats;
  auto r = MakeFixedReporter(out, FixFilter{}, &stats);
  r->Add(a, {LineRemoval(a.text, 0)});
  Article html;  // a whole-file article
  html.id = "p.html";
  html.source = "p.html";
  html.text = "Share\nTab\there \xFF\xE2\x80\xA8.";
  r->Add(html, {LineRemoval(html.text, 0)});
  r->End(RunInfo{}, Summary{});
  EXPECT_EQ(out.str(),
            "{\"k\": 1, \"text\": \"Story \\\"q\\\".\",  \"u\":2}\n"
            "{\"id\":\"p.html\",\"source\":\"p.html\",\"url\":\"\",\"text\":\"Tab\\there \xFF\\u2028.\"}\n");
  EXPECT_EQ(stats.records, 2);
  EXPECT_EQ(stats.records_changed, 2);
  EXPECT_EQ(stats.fixes.applied, 2);
}

}  // namespace
}  // namespace newslint
