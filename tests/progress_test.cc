// The progress line (lint/progress.h): its text, its redraw rate, and that it
// leaves nothing behind.

#include "lint/progress.h"

#include <cstdio>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newslint {
namespace {

TEST(FormatProgressLineTest, KnownTotalShowsPercentRateAndEta) {
  ProgressCounters c;
  c.articles = 1204000;
  c.bytes_done = 2'310'400'000;
  c.bytes_total = 8'000'000'000;
  c.total_known = true;
  c.elapsed_seconds = 24;
  // 96.27 MB/s; (8000 - 2310.4) MB left / 96.27 MB/s = 59.1 s -> 1m00s.
  EXPECT_EQ(FormatProgressLine(c),
            "newslint: 1,204,000 articles, 2,310.4 of 8,000.0 MB (28.9%), 96.3 MB/s, ETA 1m00s");
}

TEST(FormatProgressLineTest, UnknownTotalHasNoPercentOrEta) {
  ProgressCounters c;
  c.articles = 1;
  c.bytes_done = 1'500'000;
  c.elapsed_seconds = 0.5;
  EXPECT_EQ(FormatProgressLine(c), "newslint: 1 article, 1.5 MB, 3.0 MB/s");
}

TEST(FormatProgressLineTest, NoTimeYetAndOvershoot) {
  ProgressCounters c;
  c.bytes_total = 1'000'000;
  c.total_known = true;
  EXPECT_EQ(FormatProgressLine(c), "newslint: 0 articles, 0.0 of 1.0 MB (0.0%), -- MB/s, ETA --");
  // Read-ahead past the planned total never shows more than 100%.
  c.articles = 10;
  c.bytes_done = 1'300'000;
  c.elapsed_seconds = 2;
  EXPECT_EQ(FormatProgressLine(c),
            "newslint: 10 articles, 1.0 of 1.0 MB (100.0%), 0.5 MB/s, ETA 0s");
}

TEST(FormatProgressLineTest, LongEtaInHours) {
  ProgressCounters c;
  c.articles = 5;
  c.bytes_done = 1'000'000;
  c.bytes_total = 10'000'000'000;
  c.total_known = true;
  c.elapsed_seconds = 1;  // 1 MB/s, 9,999 MB left: 9,999 s = 2h46m
  EXPECT_EQ(FormatProgressLine(c),
            "newslint: 5 articles, 1.0 of 10,000.0 MB (0.0%), 1.0 MB/s, ETA 2h46m");
}

// Reads back what the line wrote to a temporary FILE.
std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[256];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  return s;
}

TEST(ProgressLineTest, RedrawsAtMostFourTimesASecondAndWipesItself) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  double now = 100;
  ProgressLine line(f, 0, /*total_known=*/false, [&] { return now; });
  now = 101;
  line.Update(10, 2'000'000);   // drawn: the first update
  now = 101.1;
  line.Update(20, 4'000'000);   // 0.1 s later: skipped
  now = 101.3;
  line.Update(30, 13'000'000);  // 0.3 s after the first: drawn, over the first
  line.Finish();
  const std::string first = "newslint: 10 articles, 2.0 MB, 2.0 MB/s";
  const std::string second = "newslint: 30 articles, 13.0 MB, 10.0 MB/s";
  EXPECT_EQ(Contents(f), "\r" + first + "\r" + second + "\r" + std::string(second.size(), ' ') +
                             "\r");
  std::fclose(f);
}

TEST(ProgressLineTest, ShorterLineBlanksTheRestOfTheLongerOne) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  double now = 0;
  ProgressLine line(f, 0, false, [&] { return now; });
  now = 10;
  line.Update(1000, 100'000'000);  // "newslint: 1,000 articles, 100.0 MB, 10.0 MB/s"
  now = 1000;
  line.Update(1000, 100'000'000);  // "... 0.1 MB/s": one character shorter
  std::string out = Contents(f);
  EXPECT_EQ(out,
            "\rnewslint: 1,000 articles, 100.0 MB, 10.0 MB/s"
            "\rnewslint: 1,000 articles, 100.0 MB, 0.1 MB/s ");
  std::fclose(f);
}

TEST(ProgressLineTest, NothingDrawnNothingWiped) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  ProgressLine line(f, 0, false, [] { return 0.0; });
  line.Finish();
  EXPECT_EQ(Contents(f), "");
  std::fclose(f);
}

}  // namespace
}  // namespace newslint
