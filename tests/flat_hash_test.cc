#include "lint/flat_hash.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace newslint {
namespace {

// The hot paths look words up as views into the article's text: the hash
// must depend on the characters only, not on where they are stored.
TEST(FlatHashTest, HashAndEqualityFollowTheCharactersNotTheBuffer) {
  const std::string owned = "minister";
  const std::string text = "the minister said";
  const std::string_view view = std::string_view(text).substr(4, 8);
  ASSERT_NE(static_cast<const void*>(view.data()), static_cast<const void*>(owned.data()));
  EXPECT_EQ(StringHash{}(owned), StringHash{}(view));
  EXPECT_TRUE(StringEq{}(owned, view));
  EXPECT_FALSE(StringEq{}(owned, std::string_view(text).substr(4, 7)));
}

TEST(FlatHashTest, StringSetIsSearchedByViewAndLiteral) {
  StringSet set = {"said", "told"};
  const std::string text = "she told them";
  EXPECT_TRUE(set.contains(std::string_view(text).substr(4, 4)));
  EXPECT_TRUE(set.contains("said"));
  EXPECT_FALSE(set.contains(std::string_view(text).substr(4, 3)));  // "tol"
  EXPECT_FALSE(set.contains("them"));
}

// A StringMap inserted through a view owns its key: the view's buffer may
// change or go (an article's text) and the entry stays findable.
TEST(FlatHashTest, StringMapOwnsKeysInsertedThroughAView) {
  StringMap<int> map;
  std::string buffer = "Blinken's";
  map[std::string_view(buffer).substr(0, 7)] += 2;
  buffer.assign("XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");  // reallocates, overwrites
  auto it = map.find(std::string_view("Blinken"));
  ASSERT_NE(it, map.end());
  EXPECT_EQ(it->first, "Blinken");
  EXPECT_EQ(it->second, 2);
  EXPECT_EQ(map.size(), 1u);
}

TEST(FlatHashTest, StringViewSetIsSearchedByOwnedString) {
  static constexpr std::string_view kWords[] = {"mr", "mrs", "dr"};
  StringViewSet set(std::begin(kWords), std::end(kWords));
  EXPECT_TRUE(set.contains(std::string("mrs")));
  EXPECT_FALSE(set.contains(std::string("ms")));
}

// The filter never rejects a word that was added (it only spares lookups),
// and rejects words whose edges or length no added word has.
TEST(FlatHashTest, EdgeLengthFilterKeepsEveryAddedWordAndRejectsOthers) {
  EdgeLengthFilter filter;
  const std::vector<std::string> added = {"said", "told", "a", "acknowledged",
                                          std::string(40, 'x') + "y"};
  for (const std::string& w : added) filter.Add(w);
  for (const std::string& w : added) EXPECT_TRUE(filter.MayContain(w)) << w;
  EXPECT_FALSE(filter.MayContain(""));
  EXPECT_FALSE(filter.MayContain("the"));    // no word starts with "t" and ends with "e"
  EXPECT_FALSE(filter.MayContain("sad"));    // "s...d" added, but with 4 bytes
  EXPECT_FALSE(filter.MayContain("saith"));  // ends with "h"
  // Lengths of 31 bytes and more share one bit.
  EXPECT_TRUE(filter.MayContain(std::string(35, 'x') + "y"));
  // Only edges and length are kept: a word with the edges and the length of
  // an added one passes (the lookup behind the filter decides).
  EXPECT_TRUE(filter.MayContain("sand"));
}

// MayContainUpTo: some added word of at most max_size bytes with those edges.
TEST(FlatHashTest, EdgeLengthFilterUpToCoversEveryShorterLength) {
  EdgeLengthFilter filter;
  filter.Add("said");  // s...d, 4 bytes
  filter.Add("a");
  EXPECT_TRUE(filter.MayContainUpTo('s', 'd', 4));
  EXPECT_TRUE(filter.MayContainUpTo('s', 'd', 9));
  EXPECT_FALSE(filter.MayContainUpTo('s', 'd', 3));  // only a 4-byte one
  EXPECT_FALSE(filter.MayContainUpTo('s', 'x', 40));
  EXPECT_TRUE(filter.MayContainUpTo('a', 'a', 1));
  EXPECT_FALSE(filter.MayContainUpTo('a', 'a', 0));
  filter.Add(std::string(40, 'q'));  // 31 bytes and more share one bit
  EXPECT_TRUE(filter.MayContainUpTo('q', 'q', 31));
  EXPECT_TRUE(filter.MayContainUpTo('q', 'q', 1000));
  EXPECT_FALSE(filter.MayContainUpTo('q', 'q', 30));
}

// FilteredWordSet answers count() as its set alone would, the empty word too.
TEST(FlatHashTest, FilteredWordSetAnswersAsTheSet) {
  FilteredWordSet set = {"said", "told", "in a statement"};
  EXPECT_EQ(set.count("said"), 1u);
  EXPECT_EQ(set.count(std::string("told")), 1u);
  EXPECT_EQ(set.count("in a statement"), 1u);
  EXPECT_EQ(set.count("sand"), 0u);  // passes the filter, not in the set
  EXPECT_EQ(set.count("the"), 0u);
  EXPECT_EQ(set.count(""), 0u);
  set.insert("");
  EXPECT_EQ(set.count(""), 1u);
}

}  // namespace
}  // namespace newslint
