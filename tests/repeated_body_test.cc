// Unit tests of dataset/repeated-body: what counts as a repeated passage,
// spans, evidence and the removal fix. The fixtures
// (fixtures/dataset/repeated-body*.txt) cover whole articles.

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "lint/fixes.h"
#include "lint/scratch.h"
#include "rules/dataset/first_seen.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// Three paragraphs of 25, 18 and 16 words: 59 words of prose.
const std::string kBody =
    "The county council voted on Tuesday to close the old bridge to lorries from next month, "
    "after engineers found cracks in two of its piers.\n"
    "Drivers of heavy vehicles will have to take the bypass, which adds about twelve minutes "
    "to the journey.\n"
    "Repairs are expected to take a year and to cost the county about four million pounds.\n";

std::vector<Finding> Lint(const std::string& text, int64_t min_words = 50) {
  return RunRule(*MakeRepeatedBodyRule(), text, {{"min-words", min_words}});
}

int64_t Int(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<int64_t>(*v) ? std::get<int64_t>(*v) : -1;
}
std::string Str(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}

TEST(RepeatedBodyTest, BodyAppendedTwiceIsOneFindingWithARemovalFix) {
  const std::string text = kBody + kBody;
  auto found = Lint(text);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(Str(f, "signal"), "repeated-body");
  EXPECT_EQ(Int(f, "words"), 59);
  EXPECT_EQ(Int(f, "first_line"), 1);
  EXPECT_EQ(Int(f, "differences"), 0);
  EXPECT_EQ(f.span.start, kBody.size());
  EXPECT_EQ(text.substr(f.span.end - 7, 8), " pounds.");  // the span ends with the last word
  ASSERT_TRUE(f.fix.has_value());
  EXPECT_EQ(ApplyFixes(text, found, FixFilter{}), kBody);
  // Without the final line break the removal takes the one before.
  const std::string unterminated = text.substr(0, text.size() - 1);
  found = Lint(unterminated);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(ApplyFixes(unterminated, found, FixFilter{}), kBody.substr(0, kBody.size() - 1));
}

TEST(RepeatedBodyTest, CopyInsideOneLineIsFlaggedWithoutFix) {
  std::string flat = kBody;
  for (char& c : flat) {
    if (c == '\n') c = ' ';
  }
  const std::string text = flat + flat;
  auto found = Lint(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.start, flat.size());
  EXPECT_FALSE(found[0].fix.has_value());
}

TEST(RepeatedBodyTest, OtherLineBreaksCapitalsAndQuotesStillMatch) {
  std::string second = kBody;
  for (char& c : second) {
    if (c == '\n') c = ' ';
  }
  second[0] = 't';  // "the county council"
  auto found = Lint(kBody + "\n" + second + "\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Int(found[0], "words"), 59);
}

TEST(RepeatedBodyTest, NearCopyCountsItsDifferencesAndOffersNoFix) {
  std::string second = kBody;
  second.replace(second.find("twelve"), 6, "fifteen");
  auto found = Lint(kBody + second);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Int(found[0], "differences"), 1);
  EXPECT_EQ(Int(found[0], "words"), 59);
  EXPECT_FALSE(found[0].fix.has_value());
}

TEST(RepeatedBodyTest, LongPassageInsideALongerArticle) {
  const std::string intro =
      "Residents packed the town hall on Monday evening to hear the plans for the bridge, "
      "which carries most of the traffic between the two halves of the town.\n";
  const std::string tail =
      "A public meeting on the diversion routes is planned for the end of the month, the "
      "council said in a statement on its website.\n";
  const std::string text = intro + kBody + tail + kBody;
  auto found = Lint(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Str(found[0], "signal"), "repeated-passage");
  EXPECT_EQ(Int(found[0], "first_line"), 2);
  EXPECT_EQ(ApplyFixes(text, found, FixFilter{}), intro + kBody + tail);
}

TEST(RepeatedBodyTest, ShortRepeatsAreLeftAlone) {
  // One paragraph (25 words) printed twice: under min-words; another rule
  // (boilerplate/duplicate-block) speaks for repeated lines.
  const std::string para = kBody.substr(0, kBody.find('\n') + 1);
  EXPECT_TRUE(Lint(para + para).empty());
  EXPECT_EQ(Lint(para + para, 20).size(), 1u);
}

TEST(RepeatedBodyTest, VerseIsNotFlagged) {
  const std::string chorus =
      "Oh the river runs and the river bends\n"
      "and the river knows where the morning ends\n"
      "so we follow the river through the winter night\n"
      "till the river brings us home to the morning light\n"
      "oh the river runs and the river bends\n"
      "and we sing it again till the river ends\n";
  const std::string text = "The band closed the night with its best-known song, whose chorus runs:\n" +
                           chorus + "They played it twice, the second time with the crowd.\n" + chorus;
  EXPECT_TRUE(Lint(text).empty());
}

TEST(RepeatedBodyTest, ThreeCopiesAreOneFinding) {
  auto found = Lint(kBody + kBody + kBody);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Int(found[0], "words"), 118);
  EXPECT_EQ(ApplyFixes(kBody + kBody + kBody, found, FixFilter{}), kBody);
}

// FirstSeen, the table FindPassages asks for each k-gram's first position.

TEST(FirstSeenTest, AnswersTheFirstPositionOfEachKey) {
  dataset::FirstSeen seen;
  seen.Reset(100);  // 256 slots
  // 0x100 and 0x200 land in the slot of 0x000 (the key's low bits): found
  // by the whole key, not by their slot.
  const uint64_t keys[] = {0x000, 0x100, 0x200, 0x000, 0x300, 0x100, 0x200, 0xABCDEF12345ull};
  const uint32_t want[] = {0, 1, 2, 0, 4, 1, 2, 7};
  for (uint32_t i = 0; i < std::size(keys); ++i) {
    EXPECT_EQ(seen.FindOrInsert(keys[i], i), want[i]) << i;
  }
}

TEST(FirstSeenTest, ResetForgetsTheLastArticle) {
  dataset::FirstSeen seen;
  seen.Reset(10);
  EXPECT_EQ(seen.FindOrInsert(42, 3), 3u);
  EXPECT_EQ(seen.FindOrInsert(42, 9), 3u);
  for (int article = 0; article < 3; ++article) {
    seen.Reset(10);
    EXPECT_EQ(seen.FindOrInsert(42, 5), 5u) << article;  // not 3: a new article
    EXPECT_EQ(seen.FindOrInsert(42, 6), 5u) << article;
  }
  seen.Reset(5000);  // a larger table, then a smaller article again
  EXPECT_EQ(seen.FindOrInsert(42, 1), 1u);
  seen.Reset(10);
  EXPECT_EQ(seen.FindOrInsert(42, 2), 2u);
}

// A thread keeps its table from one article to the next, except a long
// record's: over kMaxKeptBytes it is freed at the next article, which gets a
// table of its own size (docs/performance.md, "Memory: one record").
TEST(FirstSeenTest, ALongRecordsTableIsNotKept) {
  dataset::FirstSeen seen;
  seen.Reset(20000);  // 65,536 slots: 1 MiB, the most that is kept
  const size_t kept = seen.table_bytes();
  ASSERT_LE(kept, kMaxKeptBytes);
  seen.Reset(100);
  EXPECT_EQ(seen.table_bytes(), kept);  // reused: no allocation per article
  seen.Reset(1000000);  // a long record: 2 M slots, 32 MiB
  EXPECT_GT(seen.table_bytes(), kMaxKeptBytes);
  EXPECT_EQ(seen.FindOrInsert(7, 0), 0u);
  seen.Reset(100);
  EXPECT_LE(seen.table_bytes(), 256 * 16u);  // the long record's table is gone
  EXPECT_EQ(seen.FindOrInsert(7, 4), 4u);
  EXPECT_EQ(seen.FindOrInsert(7, 8), 4u);
}

}  // namespace
}  // namespace newslint
