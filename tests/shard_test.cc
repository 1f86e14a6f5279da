// --shard K/N (lint/shard.h): the slices cover every record exactly once, in
// input order, with the file's true record numbers, whatever N is.

#include "lint/shard.h"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newslint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(ShardSpecTest, ParsesKOverN) {
  ShardSpec spec;
  std::string error;
  ASSERT_TRUE(ParseShardSpec("2/8", &spec, &error)) << error;
  EXPECT_EQ(spec.index, 2);
  EXPECT_EQ(spec.count, 8);
  ASSERT_TRUE(ParseShardSpec("1/1", &spec, &error)) << error;
  EXPECT_EQ(spec.index, 1);
  EXPECT_EQ(spec.count, 1);
}

TEST(ShardSpecTest, RejectsWhatIsNotKOverN) {
  ShardSpec spec;
  for (const char* bad : {"", "3", "0/3", "4/3", "-1/3", "1/0", "a/b", "1/3/5", " 1/3", "1/", "/3",
                          "1.5/3", "99999999999999/99999999999999"}) {
    std::string error;
    EXPECT_FALSE(ParseShardSpec(bad, &spec, &error)) << bad;
    EXPECT_THAT(error, HasSubstr("--shard")) << bad;
  }
}

TEST(ShardRangeTest, SplitsBytesEvenlyAndContiguously) {
  EXPECT_EQ(ShardRange(10, {1, 3}).begin, 0u);
  EXPECT_EQ(ShardRange(10, {1, 3}).end, 3u);
  EXPECT_EQ(ShardRange(10, {2, 3}).begin, 3u);
  EXPECT_EQ(ShardRange(10, {2, 3}).end, 6u);
  EXPECT_EQ(ShardRange(10, {3, 3}).begin, 6u);
  EXPECT_EQ(ShardRange(10, {3, 3}).end, 10u);
  // More shards than bytes: some ranges are empty, none overlaps.
  EXPECT_EQ(ShardRange(2, {1, 4}).end, 0u);
  EXPECT_EQ(ShardRange(2, {2, 4}).end, 1u);
  EXPECT_EQ(ShardRange(2, {4, 4}).end, 2u);
  // No overflow near 2^64.
  const uint64_t huge = ~uint64_t{0} - 5;
  EXPECT_EQ(ShardRange(huge, {7, 7}).end, huge);
}

TEST(PlanShardOfTest, StdinNeedsOneShard) {
  std::vector<ShardInput> inputs = {{"-", 0, false, true}};
  ShardPlan plan;
  std::string error;
  auto never = [](size_t) { return true; };
  EXPECT_TRUE(PlanShardOf(inputs, {1, 1}, never, &plan, &error)) << error;
  EXPECT_FALSE(plan.sizes_known);
  ASSERT_EQ(plan.pieces.size(), 1u);
  EXPECT_TRUE(plan.pieces[0].whole);
  EXPECT_FALSE(PlanShardOf(inputs, {1, 2}, never, &plan, &error));
  EXPECT_THAT(error, HasSubstr("stdin"));
}

TEST(PlanShardOfTest, UnsplittableFileGoesWholeToTheShardOfItsFirstByte) {
  // 100 bytes of text, then a 50-byte .txt (bytes 100..149), then 150 bytes
  // of JSONL. Three shards: [0,100), [100,200), [200,300).
  std::vector<ShardInput> inputs = {
      {"a.jsonl", 100, true, true}, {"b.txt", 50, true, false}, {"c.jsonl", 150, true, true}};
  auto split = [](size_t) { return true; };
  std::string error;
  ShardPlan plan;
  ASSERT_TRUE(PlanShardOf(inputs, {2, 3}, split, &plan, &error)) << error;
  ASSERT_EQ(plan.pieces.size(), 2u);
  EXPECT_EQ(plan.pieces[0].path, "b.txt");
  EXPECT_TRUE(plan.pieces[0].whole);
  EXPECT_EQ(plan.pieces[1].path, "c.jsonl");
  EXPECT_FALSE(plan.pieces[1].whole);
  EXPECT_EQ(plan.pieces[1].begin, 0u);
  EXPECT_EQ(plan.pieces[1].end, 50u);
  EXPECT_TRUE(plan.pieces[1].counts_file);
  EXPECT_EQ(plan.shard_bytes, 100u);

  ASSERT_TRUE(PlanShardOf(inputs, {3, 3}, split, &plan, &error)) << error;
  ASSERT_EQ(plan.pieces.size(), 1u);
  EXPECT_EQ(plan.pieces[0].begin, 50u);
  EXPECT_EQ(plan.pieces[0].end, 150u);
  EXPECT_FALSE(plan.pieces[0].counts_file);  // shard 2 holds its first byte

  // The same JSONL file when it cannot be split (compressed content): whole
  // in shard 2, nothing in shard 3.
  auto no_split = [](size_t) { return false; };
  ASSERT_TRUE(PlanShardOf(inputs, {3, 3}, no_split, &plan, &error)) << error;
  EXPECT_TRUE(plan.pieces.empty());
  ASSERT_TRUE(PlanShardOf(inputs, {2, 3}, no_split, &plan, &error)) << error;
  ASSERT_EQ(plan.pieces.size(), 2u);
  EXPECT_TRUE(plan.pieces[1].whole);
}

// Files on disk, sharded N = 1..7 ways: every record read exactly once.
class ShardFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "newslint-shard-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::string WriteGzip(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    gzFile f = gzopen(p.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
    return p.string();
  }

  // A JSONL record whose id names its file and line, so the expected
  // record number is written in the data, not computed.
  static std::string Record(const std::string& file, int line, size_t text_bytes) {
    return "{\"id\":\"" + file + "-" + std::to_string(line) + "\",\"text\":\"" +
           std::string(text_bytes, 'x') + "\"}";
  }

  fs::path dir_;
};

struct Seen {
  std::string source;
  int64_t record;
  std::string id;
  friend bool operator==(const Seen&, const Seen&) = default;
};

TEST_F(ShardFilesTest, EveryRecordInExactlyOneShardInInputOrder) {
  std::vector<std::string> files;
  // Lines of varied sizes, a blank line, CRLF lines, and one 5 kB line that
  // straddles shard boundaries for most N.
  std::string a;
  for (int line = 1; line <= 40; ++line) {
    if (line == 7) {
      a += "\n";  // a blank line is a record too (input/invalid-json)
    } else if (line == 20) {
      a += Record("a", line, 5000) + "\n";
    } else if (line % 5 == 0) {
      a += Record("a", line, static_cast<size_t>(line * 13 % 97)) + "\r\n";
    } else {
      a += Record("a", line, static_cast<size_t>(line * 31 % 200)) + "\n";
    }
  }
  files.push_back(Write("a.jsonl", a));
  files.push_back(Write("b-empty.jsonl", ""));
  files.push_back(Write("c.txt", "One plain-text article.\n"));
  std::string d;  // no final newline
  for (int line = 1; line <= 9; ++line) {
    d += Record("d", line, static_cast<size_t>(line * 57 % 300));
    if (line < 9) d += "\n";
  }
  files.push_back(Write("d.jsonl", d));
  std::string e;
  for (int line = 1; line <= 12; ++line) e += Record("e", line, 150) + "\n";
  files.push_back(WriteGzip("e.jsonl.gz", e));
  // gzip content under a plain .jsonl name: detected, never split.
  files.push_back(WriteGzip("f.jsonl", e));
  files.push_back(Write("g-empty.txt", ""));
  std::string h;
  for (int line = 1; line <= 25; ++line) h += Record("h", line, 90) + "\n";
  files.push_back(Write("h.jsonl", h));

  // The single run, read by the readers themselves.
  std::vector<Seen> expected;
  uint64_t expected_input_bytes = 0;
  ReadOptions read;
  for (const std::string& file : files) {
    std::string error;
    auto reader = OpenReader(file, read, &error);
    ASSERT_NE(reader, nullptr) << error;
    Article article;
    while (reader->Next(&article)) expected.push_back({article.source, article.record, article.id});
    expected_input_bytes += reader->bytes_read();
  }
  ASSERT_EQ(expected.size(), 40u + 0 + 1 + 9 + 12 + 12 + 1 + 25);

  for (int64_t n = 1; n <= 7; ++n) {
    std::vector<Seen> seen;
    int64_t files_counted = 0;
    uint64_t input_bytes = 0;
    for (int64_t k = 1; k <= n; ++k) {
      ShardPlan plan;
      std::string error;
      ASSERT_TRUE(PlanShard(files, {k, n}, &plan, &error)) << error;
      for (const ShardPiece& piece : plan.pieces) {
        auto reader = OpenShardPiece(piece, read, &error);
        ASSERT_NE(reader, nullptr) << error;
        files_counted += piece.counts_file;
        Article article;
        while (reader->Next(&article)) seen.push_back({article.source, article.record, article.id});
        input_bytes += reader->bytes_read();
      }
    }
    EXPECT_EQ(seen, expected) << "N = " << n;
    EXPECT_EQ(files_counted, static_cast<int64_t>(files.size())) << "N = " << n;
    EXPECT_EQ(input_bytes, expected_input_bytes) << "N = " << n;
  }
  // Record numbers are the file's lines: "a-33" is record 33 of a.jsonl.
  for (const Seen& s : expected) {
    if (s.id.rfind("a-", 0) == 0) EXPECT_EQ("a-" + std::to_string(s.record), s.id);
  }
}

TEST_F(ShardFilesTest, ShardsStartAndStopAtLineBoundaries) {
  // Ten 100-byte lines (99 bytes + "\n"): 1000 bytes, four shards of 250.
  std::string text;
  for (int line = 1; line <= 10; ++line) {
    std::string r = Record("a", line, 0);  // {"id":"a-N","text":""}
    r.insert(r.size() - 2, std::string(99 - r.size(), 'x'));  // a 99-byte record
    ASSERT_EQ(r.size(), 99u);
    text += r + "\n";
  }
  std::string file = Write("a.jsonl", text);
  // Lines start at 0, 100, ..., 900. Shard 2 holds [250, 500): lines 4 and 5
  // (starting at 300 and 400); line 3 (200..299) straddles its start and
  // belongs to shard 1.
  ShardPlan plan;
  std::string error;
  ASSERT_TRUE(PlanShard({file}, {2, 4}, &plan, &error)) << error;
  ASSERT_EQ(plan.pieces.size(), 1u);
  auto reader = OpenShardPiece(plan.pieces[0], ReadOptions{}, &error);
  ASSERT_NE(reader, nullptr) << error;
  std::vector<int64_t> records;
  Article article;
  while (reader->Next(&article)) records.push_back(article.record);
  EXPECT_EQ(records, (std::vector<int64_t>{4, 5}));
  // A range starting exactly at a line start takes that line: shard 5 of 10
  // is [400, 500), line 5.
  ASSERT_TRUE(PlanShard({file}, {5, 10}, &plan, &error)) << error;
  reader = OpenShardPiece(plan.pieces[0], ReadOptions{}, &error);
  ASSERT_NE(reader, nullptr) << error;
  records.clear();
  while (reader->Next(&article)) records.push_back(article.record);
  EXPECT_EQ(records, (std::vector<int64_t>{5}));
}

TEST_F(ShardFilesTest, ByteBalanced) {
  std::string text;
  for (int line = 1; line <= 2000; ++line) text += Record("a", line, 80 + line % 40) + "\n";
  std::string file = Write("a.jsonl", text);
  const int64_t n = 6;
  for (int64_t k = 1; k <= n; ++k) {
    ShardPlan plan;
    std::string error;
    ASSERT_TRUE(PlanShard({file}, {k, n}, &plan, &error)) << error;
    auto reader = OpenShardPiece(plan.pieces.at(0), ReadOptions{}, &error);
    ASSERT_NE(reader, nullptr) << error;
    Article article;
    while (reader->Next(&article)) {
    }
    // Each shard reads its sixth of the bytes, give or take one line (< 200 bytes).
    const double share = static_cast<double>(text.size()) / n;
    EXPECT_NEAR(static_cast<double>(reader->bytes_read()), share, 200.0) << "K = " << k;
  }
}

TEST_F(ShardFilesTest, StdinCannotBeSharded) {
  ShardPlan plan;
  std::string error;
  EXPECT_TRUE(PlanShard({"-"}, {1, 1}, &plan, &error)) << error;
  EXPECT_FALSE(PlanShard({"-"}, {1, 3}, &plan, &error));
  EXPECT_THAT(error, HasSubstr("stdin"));
}

}  // namespace
}  // namespace newslint
