// Unit tests of lint/people.h: who the article names, the surnames that refer
// back to them, and each mention's role. With the system dictionary when it
// is installed (name-likeness of untitled names), else without.

#include "lint/people.h"

#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/dictionary.h"

namespace newslint {
namespace {

class PeopleTest : public ::testing::Test {
 protected:
  void SetUp() override { dict_ = Dictionary::Load(Dictionary::kDefaultBase); }

  const People& Build(const std::string& text) {
    article_ = std::make_unique<Article>();
    article_->text = text;
    analysis_ = std::make_unique<Analysis>(*article_);
    return analysis_->Shared<People>([&] { return People(*analysis_, dict_.get()); });
  }

  // The person named `name` (full name), or nullptr.
  const Person* Find(const People& people, const std::string& name) {
    for (const Person& p : people.persons()) {
      if (p.name == name) return &p;
    }
    return nullptr;
  }

  // Roles of the mentions of person `name`, in text order, as "role:reason".
  std::vector<std::string> Roles(const People& people, const std::string& name) {
    std::vector<std::string> out;
    for (const NameMention& m : people.mentions()) {
      if (m.person == People::kNone || people.persons()[m.person].name != name) continue;
      out.push_back(std::string(MentionRoleName(m.role)) + ":" + std::string(m.reason));
    }
    return out;
  }

  std::unique_ptr<Dictionary> dict_;
  std::unique_ptr<Article> article_;
  std::unique_ptr<Analysis> analysis_;
};

using V = std::vector<std::string>;

TEST_F(PeopleTest, TitlesIntroduceAndSurnamesReferBack) {
  const People& people = Build(
      "US Secretary of State Antony Blinken arrived in Astana.\n"
      "Blinken sat down for talks with Kazakh Foreign Minister Mukhtar Tileuberdi.\n"
      "Blinken’s trip was his first.\n");
  ASSERT_EQ(people.persons().size(), 2u);
  const Person* blinken = Find(people, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->surname, "Blinken");
  EXPECT_EQ(blinken->given, "Antony");
  EXPECT_EQ(blinken->titles, V{"US Secretary of State"});
  EXPECT_EQ(blinken->aliases, V{"Blinken"});
  EXPECT_EQ(Roles(people, "Antony Blinken"),
            (V{"participant:subject", "participant:subject", "reference:possessive"}));
  EXPECT_EQ(Roles(people, "Mukhtar Tileuberdi"), V{"participant:with"});
  const Person* tileuberdi = Find(people, "Mukhtar Tileuberdi");
  ASSERT_NE(tileuberdi, nullptr);
  EXPECT_EQ(tileuberdi->titles, V{"Kazakh Foreign Minister"});
  // The name's span leaves the titles out; the mention's span holds them.
  const NameMention& first = people.mentions()[0];
  EXPECT_EQ(analysis_->view(first.span), "US Secretary of State Antony Blinken");
  EXPECT_EQ(analysis_->view(first.name), "Antony Blinken");
  EXPECT_EQ(analysis_->view(first.title), "Secretary of State");
}

TEST_F(PeopleTest, ReferencesAreTalkedAboutNotPresent) {
  const People& people = Build(
      "The trip came during President Joe Biden’s first term.\n"
      "US officials said the Biden administration wanted more trade.\n"
      "Tokayev said he had received messages from President Joe Biden.\n"
      "The envoy was appointed by Biden last year.\n");
  EXPECT_EQ(Roles(people, "Joe Biden"),
            (V{"reference:possessive", "reference:modifier", "reference:preposition",
               "reference:preposition"}));
  const Person* biden = Find(people, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->participant, 0);
  EXPECT_EQ(biden->reference, 4);
}

TEST_F(PeopleTest, ObjectsOfMeetingsAndInvertedSpeakersParticipate) {
  const People& people = Build(
      "President Kassym-Jomart Tokayev welcomed the visit.\n"
      "“We are friends,” said President Tokayev.\n"
      "Minister Jane Roe told Tokayev that the deal was ready.\n"
      "Roe, meanwhile, said more talks would follow.\n");
  EXPECT_EQ(Roles(people, "Kassym-Jomart Tokayev"),
            (V{"participant:subject", "participant:inverted-cue", "participant:object"}));
  EXPECT_EQ(Roles(people, "Jane Roe"), (V{"participant:subject", "participant:subject"}));
}

TEST_F(PeopleTest, MentionsInsideQuotationsAreOther) {
  const People& people = Build(
      "Minister Jane Roe arrived on Monday.\n"
      "“Roe has never kept a promise,” the opposition leader said.\n");
  EXPECT_EQ(Roles(people, "Jane Roe"), (V{"participant:subject", "other:quoted"}));
}

TEST_F(PeopleTest, SameSurnameDifferentGivenNamesAreTwoPersons) {
  const People& people = Build(
      "President Joe Biden spoke first.\n"
      "His son Hunter Biden did not attend.\n"
      "Later, Biden said the talks had gone well.\n");
  ASSERT_NE(Find(people, "Joe Biden"), nullptr);
  ASSERT_NE(Find(people, "Hunter Biden"), nullptr);
  // The bare surname goes to the Biden mentioned last.
  const NameMention& last = people.mentions().back();
  EXPECT_EQ(people.persons()[last.person].name, "Hunter Biden");
}

TEST_F(PeopleTest, PlacesOrganisationsAndHeadingsAreNotPersons) {
  if (!dict_) GTEST_SKIP() << "hunspell-en-us is not installed";
  const People& people = Build(
      "Changing dynamics\n"
      "The European Union and Central Asia signed a deal in Hong Kong on Monday.\n"
      "The Caspian Pipeline Consortium was exempted.\n"
      "Blinken Arrives In Kazakhstan For Talks\n");
  EXPECT_TRUE(people.persons().empty());
  EXPECT_TRUE(people.TitleCaseParagraph(3));
  EXPECT_FALSE(people.TitleCaseParagraph(1));
}

TEST_F(PeopleTest, CommonWordSurnamesAndFirstNamesAreNamesWithAFullName) {
  if (!dict_) GTEST_SKIP() << "hunspell-en-us is not installed";
  const People& people = Build(
      "Former adviser Susan Rice joined the board.\n"
      "Her spokesman, Tor Eriksen, said nothing.\n"
      "Rice said the rules were changing.\n");
  ASSERT_NE(Find(people, "Susan Rice"), nullptr);
  // "Tor" is a common word, but capitalised inside a sentence it is a name.
  ASSERT_NE(Find(people, "Tor Eriksen"), nullptr);
  EXPECT_EQ(people.Resolve("Rice", article_->text.size()), 0u);
}

TEST_F(PeopleTest, UsedAsNameOutsideIgnoresSentenceStarts) {
  const People& people = Build(
      "Flashing lights lit the square.\n"
      "Officials thanked Cooper for the report.\n"
      "Cooper said it was late.\n");
  const size_t end = article_->text.size();
  EXPECT_FALSE(people.UsedAsNameOutside("Flashing", {end, end}));
  EXPECT_TRUE(people.UsedAsNameOutside("Cooper", {end, end}));
  // The only name use of "Cooper" is the one inside the excepted span.
  const size_t at = article_->text.find("Cooper");
  EXPECT_FALSE(people.UsedAsNameOutside("Cooper", {at, at + 6}));
}

TEST_F(PeopleTest, TitleAloneResolvesWhenOnePersonHoldsIt) {
  const People& people = Build(
      "Foreign Minister Ana Ruiz met President Ivo Kral.\n"
      "The minister said the talks were useful.\n");
  EXPECT_EQ(people.persons()[people.ResolveTitle("minister")].name, "Ana Ruiz");
  EXPECT_EQ(people.ResolveTitle("senator"), People::kNone);
  const NameMention& last = people.mentions().back();
  EXPECT_EQ(last.name_words, 0);
  EXPECT_EQ(people.persons()[last.person].name, "Ana Ruiz");
}

TEST_F(PeopleTest, MainParticipantHasMostParticipantMentions) {
  const People& people = Build(
      "Coach Ana Ruiz arrived.\n"
      "Ruiz met striker Ivo Kral.\n"
      "Ruiz said the team was ready.\n");
  ASSERT_NE(people.MainParticipant(), People::kNone);
  EXPECT_EQ(people.persons()[people.MainParticipant()].name, "Ana Ruiz");
}

TEST_F(PeopleTest, ShortFunctionWordsDoNotCountInTitleCase) {
  const People& people = Build(
      "Blinken in Astana for the Talks\n"
      "Blinken met Kral in Astana for the talks\n"
      "Blinken Met Kral in Astana for Oil and Gas\n");
  // Only "Blinken", "Astana" and "Talks" count: all capitalised.
  EXPECT_TRUE(people.TitleCaseParagraph(0));
  // "met" and "talks" count, lower case.
  EXPECT_FALSE(people.TitleCaseParagraph(1));
  // Three letters but no function word: "Met", "Oil" and "Gas" count.
  EXPECT_TRUE(people.TitleCaseParagraph(2));
}

}  // namespace
}  // namespace newslint
