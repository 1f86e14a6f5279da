// The spill of a lint-once run (lint/spill.h) and its byte encoding
// (lint/bytes.h): what goes in comes back, field for field and in order, and
// a record that is not its article's, or is cut short, is refused. And the
// copy of stdin that a run with dataset rules reads twice.

#include "lint/spill.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "lint/bytes.h"
#include "lint/readers/reader.h"
#include "tests/stdin_test_util.h"

namespace newslint {
namespace {

using namespace std::string_literals;

TEST(ByteReaderTest, VarintsStringsAndDoublesComeBackInOrder) {
  const std::vector<uint64_t> numbers = {0, 1, 127, 128, 300, 16383, 16384, uint64_t{1} << 35,
                                         std::numeric_limits<uint64_t>::max()};
  std::string out;
  for (uint64_t n : numbers) AppendVarint(&out, n);
  AppendString(&out, "");
  AppendString(&out, "a\0b\xff"s);
  AppendDouble(&out, -0.25);
  AppendDouble(&out, std::numeric_limits<double>::infinity());
  ByteReader in(out);
  for (uint64_t n : numbers) {
    uint64_t got = 0;
    ASSERT_TRUE(in.Varint(&got));
    EXPECT_EQ(got, n);
  }
  std::string_view s;
  ASSERT_TRUE(in.String(&s));
  EXPECT_EQ(s, "");
  ASSERT_TRUE(in.String(&s));
  EXPECT_EQ(s, "a\0b\xff"s);
  double d = 0;
  ASSERT_TRUE(in.Double(&d));
  EXPECT_EQ(d, -0.25);
  ASSERT_TRUE(in.Double(&d));
  EXPECT_TRUE(std::isinf(d));
  EXPECT_TRUE(in.done());
  uint64_t more = 0;
  EXPECT_FALSE(in.Varint(&more));
}

TEST(ByteReaderTest, RefusesWhatIsCutShortOrMalformed) {
  std::string out;
  AppendString(&out, "twelve bytes");
  for (size_t cut = 0; cut < out.size(); ++cut) {
    ByteReader in(std::string_view(out).substr(0, cut));
    std::string_view s = "untouched";
    EXPECT_FALSE(in.String(&s)) << cut;
    EXPECT_EQ(s, "untouched");
  }
  // Eleven continuation bytes: no 64-bit number is that long.
  const std::string too_long = std::string(11, '\x80') + "\x01";
  ByteReader in(too_long);
  uint64_t v = 7;
  EXPECT_FALSE(in.Varint(&v));
  EXPECT_EQ(v, 7u);
  ByteReader short_double("1234567");
  double d = 0;
  EXPECT_FALSE(short_double.Double(&d));
}

Article MakeArticle(int64_t record, std::string text) {
  Article a;
  a.record = record;
  a.text = std::move(text);
  return a;
}

// Findings that use every field and every kind of evidence value.
std::vector<Finding> SampleFindings() {
  Finding a;
  a.rule = "boilerplate/template-line";
  a.severity = Severity::kWarning;
  a.message = "line recurs in 7 of 9 articles of example.com (78%)";
  a.span = {12, 40};
  a.evidence = {{"articles", int64_t{7}},
                {"offset", int64_t{-3}},
                {"share", 0.778},
                {"site", "example.com"s},
                {"flagged", true},
                {"missing", std::vector<std::string>{"title", "", "url \xE2\x80\x9Cquoted\xE2\x80\x9D"}}};
  a.fix = Fix{{12, 41}, ""};
  a.line = 2;
  a.column = 1;
  a.excerpt = "Sign up for our newsletter \xE2\x80\x94 it\xE2\x80\x99s free";
  Finding b;
  b.rule = "garbled/mojibake";
  b.severity = Severity::kError;
  b.message = "bytes with a NUL \0 inside"s;
  b.span = {0, 0};
  b.line = 1;
  b.column = 1;
  Finding c;
  c.rule = "input/bad-field";
  c.severity = Severity::kInfo;
  c.fix = Fix{{3, 5}, "replacement"};
  c.evidence = {{"flagged", false}, {"empty", std::vector<std::string>{}}};
  return {a, b, c};
}

void ExpectSameFindings(const std::vector<Finding>& got, const std::vector<Finding>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].rule, want[i].rule) << i;
    EXPECT_EQ(got[i].severity, want[i].severity) << i;
    EXPECT_EQ(got[i].message, want[i].message) << i;
    EXPECT_EQ(got[i].span, want[i].span) << i;
    EXPECT_EQ(got[i].evidence, want[i].evidence) << i;
    ASSERT_EQ(got[i].fix.has_value(), want[i].fix.has_value()) << i;
    if (want[i].fix) {
      EXPECT_EQ(got[i].fix->span, want[i].fix->span) << i;
      EXPECT_EQ(got[i].fix->text, want[i].fix->text) << i;
    }
    EXPECT_EQ(got[i].line, want[i].line) << i;
    EXPECT_EQ(got[i].column, want[i].column) << i;
    EXPECT_EQ(got[i].excerpt, want[i].excerpt) << i;
  }
}

// Makes *spill, writes `records` to it and reads the first back.
void WriteAndReadFirst(const std::string& records, SpillFile* spill, std::string* first) {
  std::string error;
  ASSERT_TRUE(spill->Create(&error)) << error;
  ASSERT_TRUE(spill->Append(records));
  ASSERT_TRUE(spill->Rewind());
  ASSERT_TRUE(spill->Next(first));
}

TEST(SpillRecordTest, FindingsAndMemosComeBackFieldForField) {
  const Article article = MakeArticle(41, "Some text of the article.\nSecond line.\n");
  const std::vector<Finding> findings = SampleFindings();
  const std::string memos[] = {"", "\x01\x00\xff memo"s, std::string(300, 'm')};
  std::string records;
  AppendSpillRecord(article, findings, memos, 3, &records);
  SpillFile spill;
  std::string record;
  ASSERT_NO_FATAL_FAILURE(WriteAndReadFirst(records, &spill, &record));
  std::vector<Finding> got = {Finding{}};  // replaced
  std::vector<std::string_view> got_memos = {"stale"};
  ASSERT_TRUE(DecodeSpillRecord(record, article, &got, &got_memos));
  ExpectSameFindings(got, findings);
  ASSERT_EQ(got_memos.size(), 3u);
  for (size_t d = 0; d < 3; ++d) EXPECT_EQ(got_memos[d], memos[d]) << d;
  EXPECT_FALSE(spill.Next(&record));
}

TEST(SpillRecordTest, RefusesARecordOfAnotherArticleOrCutShort) {
  const Article article = MakeArticle(7, "Seven.");
  const std::string memo = "memo";
  std::string framed;
  AppendSpillRecord(article, SampleFindings(), &memo, 1, &framed);
  SpillFile spill;
  std::string record;
  ASSERT_NO_FATAL_FAILURE(WriteAndReadFirst(framed, &spill, &record));
  std::vector<Finding> findings;
  std::vector<std::string_view> memos;
  ASSERT_TRUE(DecodeSpillRecord(record, article, &findings, &memos));
  // Another record number, another text length: the input changed.
  EXPECT_FALSE(DecodeSpillRecord(record, MakeArticle(8, "Seven."), &findings, &memos));
  EXPECT_FALSE(DecodeSpillRecord(record, MakeArticle(7, "Seven!!"), &findings, &memos));
  for (size_t cut = 0; cut < record.size(); ++cut) {
    EXPECT_FALSE(DecodeSpillRecord(std::string_view(record).substr(0, cut), article, &findings,
                                   &memos))
        << cut;
  }
  EXPECT_FALSE(DecodeSpillRecord(record + "x", article, &findings, &memos));
}

TEST(SpillFileTest, RecordsComeBackInTheOrderWritten) {
  SpillFile spill;
  std::string error;
  ASSERT_TRUE(spill.Create(&error)) << error;
  // Appended in batches of varying size, records of varying length (one
  // past a megabyte, as a long record's findings can be).
  std::vector<std::string> memos;
  for (int r = 0; r < 300; ++r) {
    memos.push_back(std::string(r == 150 ? (size_t{1} << 20) + 5 : static_cast<size_t>(r * 7), 'a' + r % 26));
  }
  std::string batch;
  for (int r = 0; r < 300; ++r) {
    AppendSpillRecord(MakeArticle(r + 1, std::string(r % 5, 'x')), {}, &memos[r], 1, &batch);
    if (r % 37 == 0) {
      ASSERT_TRUE(spill.Append(batch));
      batch.clear();
    }
  }
  ASSERT_TRUE(spill.Append(batch));
  EXPECT_GT(spill.bytes(), uint64_t{1} << 20);
  ASSERT_TRUE(spill.Rewind());
  std::string record;
  for (int r = 0; r < 300; ++r) {
    ASSERT_TRUE(spill.Next(&record)) << r;
    std::vector<Finding> findings;
    std::vector<std::string_view> got;
    ASSERT_TRUE(DecodeSpillRecord(record, MakeArticle(r + 1, std::string(r % 5, 'x')), &findings, &got))
        << r;
    EXPECT_TRUE(findings.empty());
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0], memos[r]) << r;
  }
  EXPECT_FALSE(spill.Next(&record));
}

TEST(SpillFileTest, SaysWhereItCouldNotMakeTheFile) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent/newslint-spill-test", 1);
  SpillFile spill;
  std::string error;
  EXPECT_FALSE(spill.Create(&error));
  EXPECT_NE(error.find("/nonexistent/newslint-spill-test"), std::string::npos) << error;
  if (old) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
}

// The bytes of the file `fd` refers to, by pread from its start.
std::string ReadAll(int fd) {
  std::string all;
  char buffer[4096];
  for (ssize_t got; (got = pread(fd, buffer, sizeof buffer, static_cast<off_t>(all.size()))) > 0;) {
    all.append(buffer, static_cast<size_t>(got));
  }
  return all;
}

class StdinCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("newslint-stdin-copy-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // A file of `bytes` in the test's folder, open for reading.
  int OpenFileOf(const std::string& bytes) {
    const std::filesystem::path p = dir_ / ("in" + std::to_string(files_++));
    std::ofstream(p, std::ios::binary) << bytes;
    return open(p.c_str(), O_RDONLY);
  }
  std::filesystem::path dir_;
  int files_ = 0;
};

TEST_F(StdinCopyTest, HoldsEveryByteOfTheStream) {
  // Past the copy's 1 MiB buffer, every byte value.
  std::string bytes;
  for (size_t i = 0; i < (size_t{3} << 20) + 17; ++i) bytes.push_back(static_cast<char>(i * 131 % 256));
  StdinCopy copy;
  std::string error;
  {
    PipeOf in(bytes);
    ASSERT_TRUE(copy.Make(&error, in.read_end())) << error;
  }
  EXPECT_TRUE(copy.copied());
  EXPECT_TRUE(copy.view().ReadableTwice());
  EXPECT_EQ(copy.view().end_error, "");
  EXPECT_EQ(copy.bytes(), bytes.size());
  EXPECT_EQ(copy.view().offset, 0u);
  EXPECT_TRUE(ReadAll(copy.view().fd) == bytes);

  StdinCopy empty;
  {
    PipeOf in("");
    ASSERT_TRUE(empty.Make(&error, in.read_end())) << error;
  }
  EXPECT_TRUE(empty.copied());
  EXPECT_EQ(empty.bytes(), 0u);
  EXPECT_EQ(ReadAll(empty.view().fd), "");
}

// Stdin that is a regular file (`newslint check - < file`) is not copied:
// it is read again from where stdin stood when the run began.
TEST_F(StdinCopyTest, TakesARegularFileAsItIsFromWhereStdinStands) {
  const int file = OpenFileOf("skipped by the shell\n{\"text\": \"One.\"}\n");
  ASSERT_GE(file, 0);
  ASSERT_EQ(lseek(file, 21, SEEK_SET), 21);
  StdinCopy copy;
  std::string error;
  ASSERT_TRUE(copy.Make(&error, file)) << error;
  close(file);  // the copy holds its own descriptor
  EXPECT_FALSE(copy.copied());
  EXPECT_EQ(copy.view().offset, 21u);
  EXPECT_EQ(copy.view().end_error, "");
  ReadOptions options;
  options.stdin_copy = copy.view();
  EXPECT_TRUE(options.stdin_copy.ReadableTwice());
  for (int open_count = 0; open_count < 2; ++open_count) {
    std::unique_ptr<ArticleReader> reader = OpenReader("-", options, &error);
    ASSERT_NE(reader, nullptr) << error;
    std::vector<Article> got;
    for (Article a; reader->Next(&a);) got.push_back(a);
    ASSERT_EQ(got.size(), 1u) << open_count;
    EXPECT_EQ(got[0].text, "One.");
    EXPECT_TRUE(got[0].input_findings.empty());
  }
}

// A read error on stdin (here a folder, which read() refuses) ends the copy
// without failing it; the reader of the copy reports it on the record it
// broke off in, as the reader of stdin itself does.
TEST_F(StdinCopyTest, KeepsTheErrorThatEndedStdinForItsReader) {
  const int folder = open(dir_.c_str(), O_RDONLY);
  ASSERT_GE(folder, 0);
  StdinCopy copy;
  std::string error;
  ASSERT_TRUE(copy.Make(&error, folder)) << error;
  close(folder);
  EXPECT_TRUE(copy.copied());
  EXPECT_EQ(copy.bytes(), 0u);
  EXPECT_NE(copy.view().end_error.find("read error"), std::string::npos) << copy.view().end_error;

  // Records before the error come back; the error ends the input there.
  // A copy is read from its start at every open.
  StdinCopy two;
  {
    PipeOf in("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
    ASSERT_TRUE(two.Make(&error, in.read_end())) << error;
  }
  ReadOptions options;
  options.stdin_copy = two.view();
  options.stdin_copy.end_error = "read error: Input/output error";
  for (int open_count = 0; open_count < 2; ++open_count) {
    std::unique_ptr<ArticleReader> reader = OpenReader("-", options, &error);
    ASSERT_NE(reader, nullptr) << error;
    std::vector<Article> got;
    for (Article a; reader->Next(&a);) got.push_back(a);
    ASSERT_EQ(got.size(), 3u) << open_count;
    EXPECT_EQ(got[0].text, "One.");
    EXPECT_EQ(got[1].text, "Two.");
    EXPECT_EQ(got[0].source, "-");
    ASSERT_EQ(got[2].input_findings.size(), 1u);
    EXPECT_EQ(got[2].input_findings[0].rule, "input/read-error");
    EXPECT_NE(got[2].input_findings[0].message.find("Input/output error"), std::string::npos)
        << got[2].input_findings[0].message;
  }
}

// A copy that cannot be written (the disk full, here a file size limit)
// fails with a message that says so, and stdin can still be read once,
// every record: what the copy holds, what was read but not written, then
// the rest of stdin.
TEST_F(StdinCopyTest, SaysWhenItCannotBeWrittenAndStillReadsStdinOnce) {
  std::string bytes;
  for (int r = 0; r < 3000; ++r) bytes += "{\"text\": \"Record " + std::to_string(r) + ".\"}\n";
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  StdinCopy copy;
  std::string error;
  bool made = true;
  std::vector<Article> got;
  {
    PipeOf in(bytes);
    rlimit small = saved;
    small.rlim_cur = 16 << 10;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    made = copy.Make(&error, in.read_end());
    setrlimit(RLIMIT_FSIZE, &saved);
    ReadOptions options;
    options.stdin_copy = copy.view();
    EXPECT_FALSE(options.stdin_copy.ReadableTwice());
    std::string open_error;
    std::unique_ptr<ArticleReader> reader = OpenReader("-", options, &open_error);
    ASSERT_NE(reader, nullptr) << open_error;
    for (Article a; reader->Next(&a);) got.push_back(a);
  }
  std::signal(SIGXFSZ, old_handler);
  EXPECT_FALSE(made);
  EXPECT_NE(error.find("cannot write the temporary copy of stdin"), std::string::npos) << error;
  EXPECT_NE(error.find("full?"), std::string::npos) << error;
  EXPECT_GT(copy.bytes(), 0u);  // the copy did hold the start
  EXPECT_LT(copy.bytes(), bytes.size() / 2);
  ASSERT_EQ(got.size(), 3000u);
  for (int r = 0; r < 3000; ++r) {
    ASSERT_EQ(got[r].text, "Record " + std::to_string(r) + ".") << r;
    ASSERT_TRUE(got[r].input_findings.empty()) << r;
  }
}

}  // namespace
}  // namespace newslint
