// Unit tests of lint/attribution.h: the cue patterns, speaker slots, what a
// speaker resolves to, and the quotation each cue attributes.

#include "lint/attribution.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/quotations.h"

namespace newslint {
namespace {

class AttributionTest : public ::testing::Test {
 protected:
  const Attribution& Build(const std::string& text) {
    article_ = std::make_unique<Article>();
    article_->text = text;
    analysis_ = std::make_unique<Analysis>(*article_);
    return analysis_->Shared<Attribution>();
  }

  // Each cue as "pattern|speaker|person|quoted words" ("-" for none).
  std::vector<std::string> Cues(const std::string& text) {
    const Attribution& attr = Build(text);
    const People& people = analysis_->Shared<People>();
    const Quotations& quotes = analysis_->Shared<Quotations>();
    std::vector<std::string> out;
    for (const Cue& c : attr.cues()) {
      std::string s = std::string(CuePatternName(c.pattern)) + "|" + c.speaker_text + "|";
      s += c.person == People::kNone ? "-" : people.persons()[c.person].name;
      s += "|";
      s += c.quotation == Attribution::kNoQuotation
               ? std::string("-")
               : std::string(analysis_->view(quotes.quotations()[c.quotation].content));
      out.push_back(s);
    }
    return out;
  }

  std::unique_ptr<Article> article_;
  std::unique_ptr<Analysis> analysis_;
};

using V = std::vector<std::string>;

TEST_F(AttributionTest, QuoteThenSpeakerThenVerb) {
  EXPECT_EQ(Cues("Coach Ana Ruiz arrived.\n“We are ready,” Ruiz said.\n"),
            V{"quote-speaker-verb|Ruiz|Ana Ruiz|We are ready,"});
  // A quotation closed by a full stop, the speaker opening the next sentence.
  EXPECT_EQ(Cues("Coach Ana Ruiz arrived.\n“We are ready.” Ruiz said.\n"),
            V{"quote-speaker-verb|Ruiz|Ana Ruiz|We are ready."});
}

TEST_F(AttributionTest, QuoteThenVerbThenSpeaker) {
  EXPECT_EQ(Cues("“We are ready,” said coach Ana Ruiz.\n"),
            V{"quote-verb-speaker|coach Ana Ruiz|Ana Ruiz|We are ready,"});
  // A phrase, then the name in apposition.
  EXPECT_EQ(Cues("“No estamos solos,” said the mayor of Ñuñoa, Sebastián Sichel.\n"),
            V{"quote-verb-speaker|Sebastián Sichel|Sebastián Sichel|No estamos solos,"});
}

TEST_F(AttributionTest, SpeakerVerbColonQuote) {
  EXPECT_EQ(Cues("Minister Ana Ruiz told reporters on Monday: “We are ready.”\n"),
            V{"speaker-verb-quote|Minister Ana Ruiz|Ana Ruiz|We are ready."});
}

TEST_F(AttributionTest, IndirectSpeechTakesAPartialQuotation) {
  EXPECT_EQ(Cues("Minister Ana Ruiz said the talks had made “real progress” on trade.\n"),
            V{"speaker-verb|Minister Ana Ruiz|Ana Ruiz|real progress"});
  EXPECT_EQ(Cues("Ana Ruiz, meanwhile, said the deal was done.\n"),
            V{"speaker-verb|Ana Ruiz|Ana Ruiz|-"});
}

TEST_F(AttributionTest, AccordingTo) {
  EXPECT_EQ(Cues("The plant will close, according to Governor Ana Ruiz.\n"),
            V{"according-to|Governor Ana Ruiz|Ana Ruiz|-"});
}

TEST_F(AttributionTest, PronounsResolveToTheLatestSubject) {
  EXPECT_EQ(Cues("Mr Ivo Kral met Ms Ana Ruiz.\n“It went well,” she said.\n"),
            V{"quote-speaker-verb|she|Ana Ruiz|It went well,"});
  // The subject, not the object, is the antecedent; a gender from an
  // honorific rules a person out.
  EXPECT_EQ(Cues("Mr Ivo Kral met Ms Ana Ruiz.\n“It went well,” he said.\n"),
            V{"quote-speaker-verb|he|Ivo Kral|It went well,"});
  // "they" resolves to nobody.
  EXPECT_EQ(Cues("Mr Ivo Kral arrived.\n“It went well,” they said.\n"),
            V{"quote-speaker-verb|they|-|It went well,"});
}

TEST_F(AttributionTest, ContinuationsCarryTheSpeaker) {
  EXPECT_EQ(Cues("Coach Ana Ruiz arrived.\n“We are ready,” Ruiz said. “We have trained for this.”\n"
                 "“Nothing will stop us.”\n"),
            (V{"quote-speaker-verb|Ruiz|Ana Ruiz|We are ready,",
               "continuation|Ruiz|Ana Ruiz|We have trained for this.",
               "continuation|Ruiz|Ana Ruiz|Nothing will stop us."}));
  // A quotation two paragraphs on, or after another cue, carries nothing.
  EXPECT_EQ(Cues("“We are ready,” Ruiz said.\nThe match starts at noon.\n“Nothing will stop us.”\n"),
            V{"quote-speaker-verb|Ruiz|-|We are ready,"});
}

TEST_F(AttributionTest, ASpokespersonForSomeoneIsNotThatPerson) {
  EXPECT_EQ(Cues("Prime Minister Ruth Halvorsen stayed home.\n"
                 "A spokeswoman for Halvorsen said the trip was off.\n"),
            V{"speaker-verb|A spokeswoman for Halvorsen|-|-"});
  EXPECT_EQ(Cues("Istanbul’s mayor, Ekrem İmamoğlu, said the plan was ready.\n"),
            V{"speaker-verb|Ekrem İmamoğlu|Ekrem İmamoğlu|-"});
}

TEST_F(AttributionTest, NotCues) {
  EXPECT_TRUE(Cues("He declined to say whether the plan would go ahead.\n").empty());
  EXPECT_TRUE(Cues("The minister was told about the leak on Friday.\n").empty());
  EXPECT_TRUE(Cues("“Ruiz said we would win,” the fan shouted.\n").size() == 1);
  EXPECT_EQ(Cues("Residents say the road is dangerous.\n"),
            V{"speaker-verb|Residents|-|-"});
}

TEST_F(AttributionTest, CueOfAnyPartOfAQuotation) {
  const Attribution& attr =
      Build("“The first paragraph of a long speech,\n“and the second,” Ruiz said.\n");
  const Quotations& quotes = analysis_->Shared<Quotations>();
  ASSERT_GE(quotes.quotations().size(), 2u);
  ASSERT_NE(attr.CueOf(0), nullptr);
  EXPECT_EQ(attr.CueOf(0), attr.CueOf(1));
  EXPECT_EQ(attr.CueOf(0)->speaker_text, "Ruiz");
}

}  // namespace
}  // namespace newslint
