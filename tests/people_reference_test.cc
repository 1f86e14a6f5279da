// Differential test of People against People::ReferenceForTest, the same
// Build compiled with the code its fast paths replaced (the byte filters of
// TitleTable::MayStartToken before MatchTitleIn, where People now asks
// TitleTable::MayStartTokenAt: a masked eight-byte load, a dot test and a
// hashed bit per title first word). The whole result is compared: every
// person and mention field, title-case paragraphs, sentence token ranges,
// MentionAt/MentionIn, Resolve, ResolveTitle and UsedAsNameOutside. On the
// fixtures' articles and on edge cases (titles at the very end of the text,
// titles with dots, long title words, UTF-8, every kind of space).

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/dictionary.h"
#include "lint/people.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Article> EdgeArticles() {
  std::vector<std::string> texts = {
      "",
      " ",
      ".",
      "President",
      "president",
      "Mr",
      "Mr.",
      "the minister",
      "Officials met the President",
      "Officials met President Ivo Kral",
      "Officials met Gov. Ana Ruiz and Sen. Ivo Kral. The senator said so.",
      "Officials met Gov.Ana Ruiz and Sen.Ivo Kral and U.S. Secretary of State Ana Roe.",
      "Officials met the foreign minister. Foreign Minister Ana Ruiz spoke to Mr. Kral.",
      "Congresswoman Jane Roe met spokeswoman Ana Ruiz and Vice-President Ivo Kral.\n"
      "The congresswoman and the spokeswoman said the vice-president agreed.",
      "PRESIDENT IVO KRAL MET PRIME MINISTER ANA RUIZ\n\nPresident Kral said it.",
      "Minister\xC2\xA0" "Ana Ruiz met Minister\xE2\x80\x89Ivo Kral and Minister\tLi Wei and "
      "Minister\xE3\x80\x80Tom Hu. Ruiz said so.",
      "Pr\xC3\xA9sident Jos\xC3\xA9 \xC3\x81lvarez met pr\xC3\xA9sidente Ana Ruiz. "
      "\xC3\x81lvarez's aide and Ruiz\xE2\x80\x99 car.",
      "e.g. minister.of.state Ana Ruiz met mr. Kral, and dr.. Roe and ..Smith.",
      // Tokens with dots inside whose key (dots dropped) is a title: "S.E.N"
      // is "sen", "G.o.v." is "gov", "Min.ister" is "minister".
      "Officials met S.E.N. Ana Ruiz and G.o.v. Ivo Kral and Min.ister Li Wei.",
      "Officials met s.e.n. Ana Ruiz, p.resident Ivo Kral and Spokes.woman Jane Roe.",
      "Chairman Ivo Kral\xE2\x80\x99s deputy met Chairwoman Ana Ruiz\xE2\x80\x99 aide. "
      "\"President Kral said so,\" she said. Kral, meanwhile, said no.",
  };
  // Title words of every length up to the eight-byte load and past it, at
  // the very end of the text (the load must not read past the buffer).
  for (std::string_view w : {"Dr", "Mrs", "Sgt.", "Queen", "Senator", "Minister", "President",
                             "Spokeswoman", "Congresswoman", "Ministerx", "Presidents"}) {
    texts.push_back("Officials met " + std::string(w));
    texts.push_back("Officials met " + std::string(w) + " Ana Ruiz");
    texts.push_back(std::string(w) + " Ana Ruiz said so. " + std::string(w) + " Ruiz left.");
  }
  std::string long_line = "Officials met";
  for (int i = 0; i < 300; ++i) {
    long_line += i % 2 ? " President Ivo Kr" : " Minister Ana Ru";
    long_line += static_cast<char>('a' + i % 26);
    long_line += " and";
  }
  texts.push_back(long_line + " others.");
  std::vector<Article> out = ArticlesOfTexts(texts);
  Article titled;
  titled.title = "President Kral meets Minister Ruiz";
  titled.text = "President Ivo Kral met Minister Ana Ruiz. Kral said the talks were useful.\n";
  out.push_back(titled);
  return out;
}

void ExpectSamePerson(const Person& a, const Person& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.surname, b.surname);
  EXPECT_EQ(a.given, b.given);
  EXPECT_EQ(a.titles, b.titles);
  EXPECT_EQ(a.aliases, b.aliases);
  EXPECT_EQ(a.introduced_at, b.introduced_at);
  EXPECT_EQ(a.first_mention, b.first_mention);
  EXPECT_EQ(a.gender, b.gender);
  EXPECT_EQ(a.gender_basis, b.gender_basis);
  EXPECT_EQ(a.participant, b.participant);
  EXPECT_EQ(a.reference, b.reference);
  EXPECT_EQ(a.other, b.other);
  EXPECT_EQ(a.subject, b.subject);
}

void ExpectSameMention(const NameMention& a, const NameMention& b) {
  EXPECT_EQ(a.span, b.span);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.first_token, b.first_token);
  EXPECT_EQ(a.name_token, b.name_token);
  EXPECT_EQ(a.end_token, b.end_token);
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.paragraph, b.paragraph);
  EXPECT_EQ(a.person, b.person);
  EXPECT_EQ(a.role, b.role);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.possessive, b.possessive);
  EXPECT_EQ(a.quoted, b.quoted);
  EXPECT_EQ(a.introduces, b.introduces);
  EXPECT_EQ(a.name_words, b.name_words);
  EXPECT_EQ(a.reason, b.reason);
}

struct Totals {
  size_t articles = 0, persons = 0, mentions = 0, titled = 0;
};

void CompareWithReference(const Article& article, Dictionary* dict, Totals* totals) {
  Analysis an(article);
  const People people(an, dict);
  Analysis ref_an(article);
  const People ref = People::ReferenceForTest(ref_an, dict);
  SCOPED_TRACE("article: \"" + article.text.substr(0, 200) + "\"");
  ++totals->articles;
  ASSERT_EQ(people.persons().size(), ref.persons().size());
  for (size_t p = 0; p < ref.persons().size(); ++p) {
    ExpectSamePerson(people.persons()[p], ref.persons()[p]);
  }
  ASSERT_EQ(people.mentions().size(), ref.mentions().size());
  for (size_t k = 0; k < ref.mentions().size(); ++k) {
    ExpectSameMention(people.mentions()[k], ref.mentions()[k]);
    totals->titled += !ref.mentions()[k].title.empty();
  }
  totals->persons += ref.persons().size();
  totals->mentions += ref.mentions().size();
  for (size_t p = 0; p < an.paragraphs().size() + 1; ++p) {
    EXPECT_EQ(people.TitleCaseParagraph(p), ref.TitleCaseParagraph(p));
  }
  EXPECT_EQ(people.MainParticipant(), ref.MainParticipant());
  const size_t size = article.text.size();
  for (size_t at = 0; at <= size; at += (size > 2000 ? 7 : 1)) {
    const NameMention* m = people.MentionAt(at);
    const NameMention* r = ref.MentionAt(at);
    ASSERT_EQ(m == nullptr, r == nullptr) << at;
    if (m != nullptr) EXPECT_EQ(m - people.mentions().data(), r - ref.mentions().data());
    m = people.MentionIn({at, at + 1});
    r = ref.MentionIn({at, at + 1});
    ASSERT_EQ(m == nullptr, r == nullptr) << at;
    if (m != nullptr) EXPECT_EQ(m - people.mentions().data(), r - ref.mentions().data());
  }
  for (const Token& t : an.tokens()) {
    if (t.shape == TokenShape::kLower || t.shape == TokenShape::kNumber) continue;
    const std::string_view w = an.view(t.span);
    EXPECT_EQ(people.Resolve(w, t.span.start), ref.Resolve(w, t.span.start)) << w;
    EXPECT_EQ(people.ResolveTitle(w), ref.ResolveTitle(w)) << w;
    EXPECT_EQ(people.UsedAsNameOutside(w, t.span), ref.UsedAsNameOutside(w, t.span)) << w;
    EXPECT_EQ(people.UsedAsNameOutside(w, {0, 0}), ref.UsedAsNameOutside(w, {0, 0})) << w;
  }
}

TEST(PeopleReferenceTest, PeopleMatchesTheReferenceBuild) {
  Totals totals;
  std::vector<Article> articles = FixtureArticles();
  for (Article& a : EdgeArticles()) articles.push_back(std::move(a));
  for (const Article& a : articles) CompareWithReference(a, nullptr, &totals);
  EXPECT_GT(totals.articles, 100u);
  EXPECT_GT(totals.persons, 400u);
  EXPECT_GT(totals.mentions, 3000u);
  EXPECT_GT(totals.titled, 300u);  // titles are found, not only names
}

// With the dictionary (its verdicts decide which names introduce persons).
TEST(PeopleReferenceTest, PeopleMatchesTheReferenceBuildWithTheDictionary) {
  Dictionary* dict = Dictionary::ForThread();
  if (dict == nullptr) GTEST_SKIP() << "hunspell-en-us is not installed";
  Totals totals;
  std::vector<Article> articles = FixtureArticles();
  for (Article& a : EdgeArticles()) articles.push_back(std::move(a));
  for (const Article& a : articles) CompareWithReference(a, dict, &totals);
  EXPECT_GT(totals.persons, 300u);
  EXPECT_GT(totals.titled, 300u);
}

}  // namespace
}  // namespace newslint
