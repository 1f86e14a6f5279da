// Unit tests of the attribution/* rules: what each flags, where, and the
// evidence it gives. The fixtures (fixtures/attribution/) cover whole
// articles, clean ones included.

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "lint/dictionary.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

bool HaveDictionary() { return Dictionary::ForThread() != nullptr; }

std::string Str(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v != nullptr && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}
int64_t Int(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v != nullptr && std::holds_alternative<int64_t>(*v) ? std::get<int64_t>(*v) : -1;
}
std::vector<std::string> List(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v != nullptr && std::holds_alternative<std::vector<std::string>>(*v)
             ? std::get<std::vector<std::string>>(*v)
             : std::vector<std::string>{};
}
std::string Flagged(const std::string& text, const Finding& f) {
  return text.substr(f.span.start, f.span.end - f.span.start);
}

// --- speaker-common-word -----------------------------------------------------------------

const char kTrade[] =
    "German Economy Minister Katrin Schneider arrived in Hanoi on Monday.\n"
    "Schneider said Germany would fund a training centre.\n"
    "“I came to listen first, and I leave convinced.” Tailor said.\n";

TEST(SpeakerCommonWordTest, FlagsACommonWordInTheSpeakerSlot) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  auto f = RunRule(*MakeSpeakerCommonWordRule(), kTrade);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(kTrade, f[0]), "Tailor");
  EXPECT_EQ(Str(f[0], "dictionary_word"), "tailor");
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Katrin Schneider");
  EXPECT_EQ(Str(f[0], "likely_speaker_basis"), "nearby-cue");
  EXPECT_EQ(Int(f[0], "likely_speaker_line"), 2);
  EXPECT_EQ(Str(f[0], "pattern"), "quote-speaker-verb");
}

TEST(SpeakerCommonWordTest, IndirectSpeechNeedsAPersonalPronoun) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  const std::string base =
      "German Economy Minister Katrin Schneider arrived in Hanoi on Monday.\n"
      "Schneider said Germany would fund a training centre.\n";
  EXPECT_EQ(RunRule(*MakeSpeakerCommonWordRule(), base + "Tailor said she would return.\n").size(),
            1u);
  // A company named with a common word speaks as "it".
  EXPECT_TRUE(
      RunRule(*MakeSpeakerCommonWordRule(), base + "Telegram said it had gained users.\n").empty());
}

TEST(SpeakerCommonWordTest, LeavesNamesPluralsTitlesAndHeadlinesAlone) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  const std::string base =
      "German Economy Minister Katrin Schneider arrived in Hanoi on Monday.\n"
      "Schneider said Germany would fund a training centre.\n";
  for (const char* line : {
           "“I am proud of the team,” Tailor said. She thanked Tailor for it.\n",  // a name elsewhere
           "“I am proud of the team,” Officials said.\n",                    // plural
           "“I am proud of the team,” Police said.\n",                       // collective
           "“I am proud of the team,” Coach said.\n",                        // title
           "“I am proud of the team,” Mum said.\n",                          // kinship
           "Tailor said she would return\n",                                // no full stop: a headline
           "“I am proud of the team,” said Grace, 34, a nurse.\n",           // apposition
       }) {
    EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(), base + line).empty()) << line;
  }
}

TEST(SpeakerCommonWordTest, SilentWithoutAnotherSpeaker) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(), "“I leave convinced.” Tailor said.\n").empty());
}

// The second pass: evidence that the slot holds a person besides "I" and
// "he"/"she", and evidence for an organisation that overrides it.
const char kTradeBase[] =
    "German Economy Minister Katrin Schneider arrived in Hanoi on Monday.\n"
    "Schneider said Germany would fund a training centre.\n"
    "The visit ends on Wednesday.\n";

TEST(SpeakerCommonWordTest, ADirectQuotationAmongPersonsQuotations) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  const std::string text = std::string(kTradeBase) + "“The talks went well,” Harvest said.\n";
  auto f = RunRule(*MakeSpeakerCommonWordRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Harvest");
  EXPECT_EQ(List(f[0], "person_signals"), std::vector<std::string>{"persons-speak"});
  // The first person plural is how organisations speak.
  EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(),
                      std::string(kTradeBase) + "“We are pleased with the talks,” Harvest said.\n")
                  .empty());
  // Right after a named person's indirect speech, the words go on with
  // that person's thought, whatever their voice.
  const std::string base = kTradeBase;
  const std::string after = base.substr(0, base.rfind("The visit"));
  auto g = RunRule(*MakeSpeakerCommonWordRule(),
                   after + "“We are pleased with the talks,” Harvest said.\n");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(List(g[0], "person_signals"), std::vector<std::string>{"follows-speech"});
  EXPECT_EQ(Str(g[0], "likely_speaker"), "Katrin Schneider");
  // Among companies' words, a company.
  EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(),
                      "Shoppers could not pay on Saturday.\nTelegram said nothing.\n"
                      "“The fault is fixed,” Harvest said.\n")
                  .empty());
}

TEST(SpeakerCommonWordTest, AVerbFormOrAPronounThatFollows) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  auto f = RunRule(*MakeSpeakerCommonWordRule(),
                   std::string(kTradeBase) + "“We are pleased,” Flashing said.\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(List(f[0], "person_signals"), std::vector<std::string>{"verb-form"});
  f = RunRule(*MakeSpeakerCommonWordRule(),
              std::string(kTradeBase) + "“We are pleased,” Window said. She left for Hue.\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(List(f[0], "person_signals"), std::vector<std::string>{"pronoun-follows"});
}

TEST(SpeakerCommonWordTest, OrganisationEvidenceOverridesTheWeakSignals) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  for (const char* line : {
           "“The fault is fixed,” Harvest said in a statement.\n",  // in writing
           "“The fault is fixed,” Harvest said. It apologised.\n",  // nothing personal
           "Harvest said it had fixed the fault.\n",                // "it"
           "“The fault is fixed,” Harvest said. The Harvest app works again.\n",
       }) {
    EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(), std::string(kTradeBase) + line).empty())
        << line;
  }
  // A written statement in the first person singular is still a person's.
  auto f = RunRule(*MakeSpeakerCommonWordRule(),
                   std::string(kTradeBase) + "“I am pleased,” Harvest said in a statement.\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "organisation_evidence"), "statement");
}

TEST(SpeakerCommonWordTest, APluralOnlyInsideASentence) {
  if (!HaveDictionary()) GTEST_SKIP() << "hunspell-en-us is not installed";
  EXPECT_EQ(RunRule(*MakeSpeakerCommonWordRule(),
                    std::string(kTradeBase) + "“The talks went well,” Gardens said.\n")
                .size(),
            1u);
  // A group at a sentence's start.
  EXPECT_TRUE(RunRule(*MakeSpeakerCommonWordRule(),
                      std::string(kTradeBase) + "Gardens said he would return.\n")
                  .empty());
}

// --- speaker-mismatch --------------------------------------------------------------------

const char kTour[] =
    "Irish Foreign Minister Orla Keaney arrived in Accra on Wednesday.\n"
    "Keaney held talks with Ghanaian Foreign Minister Kwame Asante-Boateng on cocoa.\n"
    "The tour follows Prime Minister Declan Moriarty’s election.\n"
    "Meeting with Ghana’s Asante-Boateng, Moriarty promised “full support” for the port.\n";

TEST(SpeakerMismatchTest, EventFrameBelongingToAnotherPerson) {
  auto f = RunRule(*MakeSpeakerMismatchRule(), kTour);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(kTour, f[0]), "Moriarty");
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"event-frame"});
  EXPECT_EQ(Str(f[0], "speaker_person"), "Declan Moriarty");
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Orla Keaney");
  EXPECT_EQ(Int(f[0], "established_line"), 2);
  EXPECT_EQ(Int(f[0], "speaker_reference_mentions"), 1);
  EXPECT_EQ(Str(f[0], "frame"), "Meeting with Ghana’s Asante-Boateng");
}

TEST(SpeakerMismatchTest, QuietWhenTheSpeakerTakesPartElsewhere) {
  std::string text = kTour;
  text += "Moriarty flew to Accra on Thursday to join the talks.\n";
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(), text).empty());
}

TEST(SpeakerMismatchTest, ParagraphCuesAloneNeedASwapShape) {
  const std::string base =
      "Irish Foreign Minister Orla Keaney arrived in Lomé on Friday.\n"
      "Prime Minister Declan Moriarty’s government has promised more aid.\n";
  // A bare surname quoted beside the protagonist's quotation.
  auto f = RunRule(*MakeSpeakerMismatchRule(),
                   base + "“We came to listen,” Keaney said. “Our farmers face the same storms,” "
                          "Moriarty added.\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"paragraph-cues"});
  // A written statement from afar is not a swap.
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                      base + "“We came to listen,” Keaney said. Moriarty said in a statement that "
                             "“aid will follow.”\n")
                  .empty());
}

TEST(SpeakerMismatchTest, TheQuotationNamesItsSpeaker) {
  const std::string text =
      "Defence lawyer Thomas Adeyemi addressed the jury on Friday.\n"
      "Daniel Okoro, 41, denies fraud.\n"
      "Adeyemi said the warehouse kept no records.\n"
      "“Mr Okoro followed instructions,” Okoro said.\n";
  auto f = RunRule(*MakeSpeakerMismatchRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Okoro");
  EXPECT_EQ(f[0].span.start, text.rfind("Okoro"));
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"quote-names-speaker"});
  EXPECT_EQ(Str(f[0], "named_in_quote"), "Okoro");
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Thomas Adeyemi");
  // Two persons with the surname: which one the words mean is a guess.
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                      "President Joe Biden spoke on Friday.\nHunter Biden, 54, denies fraud.\n"
                      "“Hunter Biden did nothing wrong,” Biden said.\n")
                  .empty());
  // Someone else's words quoted inside the quotation may address the speaker.
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                      "Defence lawyer Thomas Adeyemi addressed the jury.\n"
                      "Daniel Okoro, 41, denies fraud.\n"
                      "“The boss said, ‘Okoro, keep it,’ and I kept it,” Okoro said.\n")
                  .empty());
}

TEST(SpeakerMismatchTest, ThePronounThatFollowsHasTheOtherGender) {
  const std::string base =
      "The chair, Margaret Oduya, and the parents' representative, Thomas Brennan, met.\n\n";
  const std::string text = base +
                           "Oduya said parents had not been told about the plan.\n\n"
                           "“We found out from a notice,” he said.\n";
  auto f = RunRule(*MakeSpeakerMismatchRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, text.rfind("Oduya"));
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"pronoun-gender"});
  EXPECT_EQ(Str(f[0], "pronoun"), "he");
  EXPECT_EQ(Int(f[0], "pronoun_line"), 5);
  EXPECT_EQ(Str(f[0], "speaker_gender"), "female");
  EXPECT_EQ(Str(f[0], "speaker_gender_basis"), "given-name");
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Thomas Brennan");
  // The same pronoun agreeing with the speaker: nothing.
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                      base + "Brennan said parents had not been told.\n\n"
                             "“We found out from a notice,” he said.\n")
                  .empty());
  // Something between could be "he": a man she talks about, a male noun.
  for (const char* between : {"Oduya said his plan had not been shown to her.",
                              "Oduya said her husband had read the notice.",
                              "Oduya said a man had phoned the office."}) {
    EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                        base + between + "\n\n“We found out from a notice,” he said.\n")
                    .empty())
        << between;
  }
  // A given name both men and women carry gives no gender.
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(),
                      "The chair, Sam Oduya, and the parents' representative, Thomas Brennan, "
                      "met.\n\nOduya said parents had not been told.\n\n"
                      "“We found out from a notice,” she said.\n")
                  .empty());
  // An honorific outranks the given-name list: "Mr Maria Oduya" is a man.
  const std::string titled =
      "The chair, Mr Maria Oduya, and the parents' representative, Joanna Brennan, met.\n\n"
      "Oduya said parents had not been told.\n\n“We found out from a notice,” she said.\n";
  auto g = RunRule(*MakeSpeakerMismatchRule(), titled);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(Str(g[0], "speaker_gender"), "male");
  EXPECT_EQ(Str(g[0], "speaker_gender_basis"), "title");
}

TEST(SpeakerMismatchTest, AQuotationHandedToAnAbsentPersonMidThought) {
  const std::string text =
      "Agriculture Minister Grace Adebayo arrived in Abuja.\n"
      "Trade envoy Ruth Okonkwo left for Accra on Monday.\n"
      "Talks on rice imports continued.\n"
      "Farmers have waited two years.\n"
      "Adebayo said the exemption would cover only registered importers.\n"
      "“It is not open to everyone,” Okonkwo said.\n";
  auto f = RunRule(*MakeSpeakerMismatchRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Okonkwo");
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"follows-other-speaker"});
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Grace Adebayo");
  EXPECT_EQ(Int(f[0], "established_line"), 5);
  // A question calls for the other person's answer.
  std::string asked = text;
  const std::string said = "Adebayo said the exemption";
  asked.replace(asked.find(said), said.size(), "Adebayo asked whether the exemption");
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(), asked).empty()) << asked;
  // The person was in the passage just before: a reply.
  std::string present = text;
  const std::string talks = "Talks on rice imports continued.";
  present.replace(present.find(talks), talks.size(), "Okonkwo held talks on rice imports.");
  EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(), present).empty()) << present;
}

TEST(SpeakerMismatchTest, AReplyToTheSpeakersOwnQuotation) {
  const std::string text =
      "Mayor Anna Lindgren and her challenger, Tom Hale, met for a debate on Tuesday.\n"
      "“We have cut waiting lists by a third,” Lindgren said. “No council has done more.”\n"
      "“Only by moving people to another list,” Lindgren retorted.\n"
      "Hale said the figures would be checked.\n";
  auto f = RunRule(*MakeSpeakerMismatchRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, text.find("Lindgren retorted"));
  EXPECT_EQ(Flagged(text, f[0]), "Lindgren");
  EXPECT_EQ(List(f[0], "signals"), std::vector<std::string>{"replies-to-self"});
  EXPECT_EQ(Str(f[0], "likely_speaker"), "Tom Hale");
  EXPECT_EQ(Str(f[0], "reply_verb"), "retorted");
  EXPECT_EQ(Int(f[0], "previous_quote_line"), 2);
  auto quiet = [](std::string t, const std::string& from, const std::string& to) {
    t.replace(t.find(from), from.size(), to);
    EXPECT_TRUE(RunRule(*MakeSpeakerMismatchRule(), t).empty()) << t;
  };
  // The other side replies: the clean exchange.
  quiet(text, "Lindgren retorted", "Hale retorted");
  // "said" continues the speaker's own thought.
  quiet(text, "Lindgren retorted", "Lindgren said");
  // A question in the previous paragraph: the reply may answer it.
  quiet(text, "No council has done more.", "Who has done more?");
  // Narration after the quotation may hold what is replied to.
  quiet(text, "“No council has done more.”", "Hale shook his head.");
}

// --- speaker-not-introduced ---------------------------------------------------------------

TEST(SpeakerNotIntroducedTest, SurnameBeforeItsIntroduction) {
  const std::string text =
      "Regional fire chief Marta Lindqvist said crews had rescued 14 people.\n"
      "“We will rebuild every bridge,” Zawadzki said.\n"
      "Mayor Piotr Zawadzki opened the town hall.\n";
  auto f = RunRule(*MakeSpeakerNotIntroducedRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Zawadzki");
  EXPECT_EQ(Str(f[0], "signal"), "introduced-later");
  EXPECT_EQ(Int(f[0], "introduced_line"), 3);
  EXPECT_EQ(List(f[0], "introduced_people"), std::vector<std::string>{"Marta Lindqvist"});
  EXPECT_EQ(f[0].severity, Severity::kInfo);
}

TEST(SpeakerNotIntroducedTest, NeverIntroducedNeedsAFirstPersonQuotation) {
  const std::string intro = "Regional fire chief Marta Lindqvist said crews had rescued 14 people.\n";
  EXPECT_EQ(RunRule(*MakeSpeakerNotIntroducedRule(),
                    intro + "“I have never seen the river this high,” Kowalczyk said.\n")
                .size(),
            1u);
  // A company speaks in the plural, and an introduced surname is fine.
  EXPECT_TRUE(RunRule(*MakeSpeakerNotIntroducedRule(),
                      intro + "“We are reviewing the damage,” Gazprom said.\n")
                  .empty());
  EXPECT_TRUE(RunRule(*MakeSpeakerNotIntroducedRule(),
                      intro + "“I have never seen the river this high,” Lindqvist said.\n")
                  .empty());
  // Without anyone introduced properly, there is no house style to break.
  EXPECT_TRUE(RunRule(*MakeSpeakerNotIntroducedRule(),
                      "“I have never seen the river this high,” Kowalczyk said.\n")
                  .empty());
}

// --- conflicting-speakers -----------------------------------------------------------------

TEST(ConflictingSpeakersTest, SameWordsTwoSpeakers) {
  const std::string text =
      "Finance Minister Rui Almeida presented the budget.\n"
      "“We will not raise taxes on working families this year,” Almeida said.\n"
      "Opposition leader Carla Mendes disagreed.\n"
      "“We will not raise taxes on working families this year,” Mendes said.\n";
  auto f = RunRule(*MakeConflictingSpeakersRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Mendes");
  EXPECT_EQ(Str(f[0], "first_speaker"), "Rui Almeida");
  EXPECT_EQ(Str(f[0], "second_speaker"), "Carla Mendes");
  EXPECT_EQ(Int(f[0], "first_line"), 2);
  EXPECT_EQ(Int(f[0], "shared_words"), 10);
}

TEST(ConflictingSpeakersTest, ShortOrSameSpeakerIsFine) {
  EXPECT_TRUE(RunRule(*MakeConflictingSpeakersRule(),
                      "Minister Rui Almeida spoke.\n“No new taxes,” Almeida said.\n"
                      "Leader Carla Mendes spoke.\n“No new taxes,” Mendes said.\n")
                  .empty());
  EXPECT_TRUE(RunRule(*MakeConflictingSpeakersRule(),
                      "Minister Rui Almeida spoke.\n"
                      "“We will not raise taxes on working families,” Almeida said.\n"
                      "“We will not raise taxes on working families,” he repeated.\n")
                  .empty());
}

TEST(ConflictingSpeakersTest, OneQuotationOverParagraphsTwoSpeakers) {
  const std::string text =
      "Coach Ana Ruiz spoke after the final.\n\n"
      "“We trained for this all year,” Ruiz said. “The players believed.\n\n"
      "“Nobody will forget tonight,” Okafor said.\n\n"
      "Captain Ben Okafor lifted the cup.\n";
  auto f = RunRule(*MakeConflictingSpeakersRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), "Okafor");
  EXPECT_EQ(Str(f[0], "signal"), "one-quotation-two-speakers");
  EXPECT_EQ(Str(f[0], "first_speaker"), "Ana Ruiz");
  EXPECT_EQ(Int(f[0], "first_line"), 3);
  EXPECT_EQ(Int(f[0], "paragraphs"), 2);
  // The same speaker closing the quotation is the convention.
  std::string same = text;
  same.replace(same.find("Okafor said"), 6, "Ruiz");
  EXPECT_TRUE(RunRule(*MakeConflictingSpeakersRule(), same).empty());
  // A new quotation in the next paragraph is a new speaker's.
  std::string closed = text;
  closed.replace(closed.find("believed."), 9, "believed.”");
  EXPECT_TRUE(RunRule(*MakeConflictingSpeakersRule(), closed).empty());
}

// --- unattributed-quote -------------------------------------------------------------------

TEST(UnattributedQuoteTest, LongQuotationWithNoSpeakerAround) {
  const std::string quote =
      "“This budget protects the libraries, the pools and the bus routes that families rely on "
      "every single day.”";
  const std::string text = "The council approved the budget on Thursday.\n" + quote +
                           "\nThe new rates take effect in April.\n";
  auto f = RunRule(*MakeUnattributedQuoteRule(), text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Flagged(text, f[0]), quote);
  EXPECT_EQ(Int(f[0], "words"), 18);
  // A speaker in the paragraph before, or a cue after, attributes it.
  EXPECT_TRUE(RunRule(*MakeUnattributedQuoteRule(),
                      "Mayor Ana Ruiz defended the budget.\n" + quote + "\n")
                  .empty());
  EXPECT_TRUE(RunRule(*MakeUnattributedQuoteRule(),
                      "The council approved it.\n" + quote + "\nThat was how the mayor put it, "
                      "the council said.\n")
                  .empty());
  // Shorter than min-words.
  EXPECT_TRUE(RunRule(*MakeUnattributedQuoteRule(), text, {{"min-words", int64_t{30}}}).empty());
}

}  // namespace
}  // namespace newslint
