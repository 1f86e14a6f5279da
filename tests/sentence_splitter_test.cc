#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "lint/analysis.h"

namespace newslint {
namespace {

struct SplitCase {
  std::string_view paragraph;
  std::vector<std::string_view> sentences;
};

std::vector<std::string> Split(std::string_view paragraph) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(paragraph)) {
    out.emplace_back(paragraph.substr(s.start, s.end - s.start));
  }
  return out;
}

const SplitCase kCases[] = {
    // Plain boundaries.
    {"The council met on Monday. It approved the budget.",
     {"The council met on Monday.", "It approved the budget."}},
    {"WASHINGTON (AP) — The Senate passed the bill late Tuesday. Democrats cheered.",
     {"WASHINGTON (AP) — The Senate passed the bill late Tuesday.", "Democrats cheered."}},
    {"Will the plan work? Economists are divided.",
     {"Will the plan work?", "Economists are divided."}},
    {"Can you believe it?! The fans could not.", {"Can you believe it?!", "The fans could not."}},
    {"Officials confirmed the closure. More updates to follow",
     {"Officials confirmed the closure.", "More updates to follow"}},

    // A full stop after an ordinary word splits even before lower case.
    {"He discussed sanctions with Moscow. to deal with the fallout.",
     {"He discussed sanctions with Moscow.", "to deal with the fallout."}},
    {"Inflation was 2.5. analysts expected more.",
     {"Inflation was 2.5.", "analysts expected more."}},

    // Titles never end a sentence.
    {"Mr. Alvarez declined to comment. His lawyer did not return calls.",
     {"Mr. Alvarez declined to comment.", "His lawyer did not return calls."}},
    {"Dr. Helen Okafor and Mrs. Grant arrived at noon.",
     {"Dr. Helen Okafor and Mrs. Grant arrived at noon."}},
    {"Gov. Maria Torres met Sen. Paul Whitfield and Rep. Ana Ruiz in Albany.",
     {"Gov. Maria Torres met Sen. Paul Whitfield and Rep. Ana Ruiz in Albany."}},
    {"Lt. Gen. Omar Haddad and Sgt. Maj. Lee Park visited the base.",
     {"Lt. Gen. Omar Haddad and Sgt. Maj. Lee Park visited the base."}},
    {"Some cities, e.g. Paris and Rome, banned the scooters.",
     {"Some cities, e.g. Paris and Rome, banned the scooters."}},
    {"The final, Spain vs. Italy, drew a record audience.",
     {"The final, Spain vs. Italy, drew a record audience."}},

    // Dotted letters: "U.S." continues unless a sentence start follows.
    {"The U.S. military said the drill would last a week.",
     {"The U.S. military said the drill would last a week."}},
    {"The delegation returned to the U.S. The next day, talks resumed.",
     {"The delegation returned to the U.S.", "The next day, talks resumed."}},
    {"Troops flew back to the U.S. Army bases in Texas.",
     {"Troops flew back to the U.S. Army bases in Texas."}},
    {"Prices in the U.K. rose faster than in the U.N. member states.",
     {"Prices in the U.K. rose faster than in the U.N. member states."}},
    {"The polls open at 7 a.m. Tuesday and close at 8 p.m. Wednesday.",
     {"The polls open at 7 a.m. Tuesday and close at 8 p.m. Wednesday."}},
    {"The game ended at 10 p.m. The crowd left quietly.",
     {"The game ended at 10 p.m.", "The crowd left quietly."}},
    {R"("We love the U.S." Officials later apologized.)",
     {R"("We love the U.S.")", "Officials later apologized."}},

    // Initials.
    {"John F. Kennedy was killed in Dallas in 1963.",
     {"John F. Kennedy was killed in Dallas in 1963."}},
    {"J.K. Rowling's new novel sold out in a day.", {"J.K. Rowling's new novel sold out in a day."}},
    {"The suspect was identified as Malcolm X. He had no record.",
     {"The suspect was identified as Malcolm X.", "He had no record."}},

    // Numbers, money, percentages, times, versions.
    {"The economy grew 3.5 percent in the second quarter.",
     {"The economy grew 3.5 percent in the second quarter."}},
    {"The company raised $1.5 billion. Investors were pleased.",
     {"The company raised $1.5 billion.", "Investors were pleased."}},
    {"Turnout was 61.2%. That is a record.", {"Turnout was 61.2%.", "That is a record."}},
    {"The train left at 6.30 and arrived at 9.15 in Leeds.",
     {"The train left at 6.30 and arrived at 9.15 in Leeds."}},
    {"The app's v2.0 update fixed the bug. Users noticed.",
     {"The app's v2.0 update fixed the bug.", "Users noticed."}},

    // Abbreviations that may end a sentence.
    {"The storm hit St. Louis on Sunday night.", {"The storm hit St. Louis on Sunday night."}},
    {"The team is ranked No. 2 in the country.", {"The team is ranked No. 2 in the country."}},
    {"He walked out of No. 10 Downing Street. Reporters shouted questions.",
     {"He walked out of No. 10 Downing Street.", "Reporters shouted questions."}},
    {"The law takes effect Jan. 1. Lawmakers passed it in Sept. 2021.",
     {"The law takes effect Jan. 1.", "Lawmakers passed it in Sept. 2021."}},
    {"The deal was signed by Apple Inc. The terms were not disclosed.",
     {"The deal was signed by Apple Inc.", "The terms were not disclosed."}},
    {"Acme Corp. Chief Executive Dana Lee resigned.",
     {"Acme Corp. Chief Executive Dana Lee resigned."}},
    {"She grew up in Fresno, Calif. and moved east in 1998.",
     {"She grew up in Fresno, Calif. and moved east in 1998."}},
    {"He lives in Fresno, Calif. He commutes by train.",
     {"He lives in Fresno, Calif.", "He commutes by train."}},
    {"Martin Luther King Jr. Day is a federal holiday.",
     {"Martin Luther King Jr. Day is a federal holiday."}},
    {"They sold bread, milk, eggs, etc. and closed early.",
     {"They sold bread, milk, eggs, etc. and closed early."}},
    {"The study by Chen et al. was published Monday.",
     {"The study by Chen et al. was published Monday."}},
    {"She earned a Ph.D. in physics.", {"She earned a Ph.D. in physics."}},
    {"ST. LOUIS (AP) — A fire destroyed a warehouse.",
     {"ST. LOUIS (AP) — A fire destroyed a warehouse."}},
    {"GOV. NEWSOM SIGNS BUDGET", {"GOV. NEWSOM SIGNS BUDGET"}},
    {"She was born in Washington, D.C. He grew up in Ohio.",
     {"She was born in Washington, D.C.", "He grew up in Ohio."}},
    {"The museum was designed by I. M. Pei and opened in 1989.",
     {"The museum was designed by I. M. Pei and opened in 1989."}},
    {"The results are shown in Fig. 3 of the report.", {"The results are shown in Fig. 3 of the report."}},
    {"The meeting starts at 10 a.m. It is open to the public.",
     {"The meeting starts at 10 a.m.", "It is open to the public."}},
    {"The parent company (Acme Inc.) The subsidiary was sold.",
     {"The parent company (Acme Inc.)", "The subsidiary was sold."}},
    {"They bought fruit (apples, pears, etc.). Then they left.",
     {"They bought fruit (apples, pears, etc.).", "Then they left."}},
    {"The answer was no. then the talks collapsed.",
     {"The answer was no.", "then the talks collapsed."}},

    // Ellipses.
    {"We waited... and waited, the driver said.", {"We waited... and waited, the driver said."}},
    {"Nobody knows what comes next... The vote is on Thursday.",
     {"Nobody knows what comes next...", "The vote is on Thursday."}},
    {"The talks stalled\u2026 Then the lights went out.",
     {"The talks stalled\u2026", "Then the lights went out."}},
    {"The witness paused . . . and then spoke.", {"The witness paused . . . and then spoke."}},

    // Quotes and brackets close with their sentence.
    {R"(He said "no." Then he hung up.)", {R"(He said "no.")", "Then he hung up."}},
    {"\u201CWe will rebuild.\u201D The mayor spoke for ten minutes.",
     {"\u201CWe will rebuild.\u201D", "The mayor spoke for ten minutes."}},
    {"\u2018Enough.\u2019 That was all she said.", {"\u2018Enough.\u2019", "That was all she said."}},
    {R"("We will not back down," the minister said. Talks continue.)",
     {R"("We will not back down," the minister said.)", "Talks continue."}},
    {R"("Why now?" she asked. Nobody answered.)",
     {R"("Why now?" she asked.)", "Nobody answered."}},
    {"\u201CIs it safe?\u201D Mayor Ruth Adler asked reporters.",
     {"\u201CIs it safe?\u201D Mayor Ruth Adler asked reporters."}},
    {R"("We won!" The crowd roared.)", {R"("We won!")", "The crowd roared."}},
    {R"(He asked, "Is this the end?" and left.)", {R"(He asked, "Is this the end?" and left.)"}},
    {R"("She told me 'never again.'" The court adjourned.)",
     {R"("She told me 'never again.'")", "The court adjourned."}},
    {R"(Who pays? "Not us," the company said.)", {"Who pays?", R"("Not us," the company said.)"}},
    {"(The vote was 52-48.) Senators left for recess.",
     {"(The vote was 52-48.)", "Senators left for recess."}},
    {"The ministry (which declined to comment) was not involved.",
     {"The ministry (which declined to comment) was not involved."}},
    {"Yahoo! said it would cut 1,000 jobs.", {"Yahoo! said it would cut 1,000 jobs."}},
    {"She read it on Yahoo! News and called her editor.",
     {"She read it on Yahoo! News and called her editor."}},
    {"The deal went to Yahoo! The rest is history.", {"The deal went to Yahoo!", "The rest is history."}},

    // URLs and e-mail addresses.
    {"Read the report at www.example.org/reports/2024.pdf for details.",
     {"Read the report at www.example.org/reports/2024.pdf for details."}},
    {"Tips can be sent to news@example.com. All messages are confidential.",
     {"Tips can be sent to news@example.com.", "All messages are confidential."}},
    {"The U.S.-led coalition struck again. Officials confirmed it.",
     {"The U.S.-led coalition struck again.", "Officials confirmed it."}},

    // Headlines, bullets, numbered items, white space.
    {"Flood waters rise in eastern towns", {"Flood waters rise in eastern towns"}},
    {"\u2022 Police closed the bridge. Drivers were diverted.",
     {"\u2022 Police closed the bridge.", "Drivers were diverted."}},
    {"1. Voters head to the polls in March.", {"1. Voters head to the polls in March."}},
    {"  The river crested Sunday.  ", {"The river crested Sunday."}},
    {"The strike ended.\u00A0Workers returned Monday.",
     {"The strike ended.", "Workers returned Monday."}},
    {"The strike ended.Workers returned Monday.", {"The strike ended.Workers returned Monday."}},
    {"\u4F1A\u8BAE\u7ED3\u675F\u4E86\u3002\u8BB0\u8005\u79BB\u5F00\u4E86\u3002",
     {"\u4F1A\u8BAE\u7ED3\u675F\u4E86\u3002", "\u8BB0\u8005\u79BB\u5F00\u4E86\u3002"}},
    {"", {}},
    {" \t\u00A0 ", {}},
};

TEST(SentenceSplitterTest, Table) {
  for (const SplitCase& c : kCases) {
    SCOPED_TRACE(c.paragraph);
    std::vector<std::string> want(c.sentences.begin(), c.sentences.end());
    EXPECT_EQ(Split(c.paragraph), want);
  }
}

TEST(SentenceSplitterTest, SpansAreOffsetByBase) {
  const std::string_view p = "Rain fell. Roads closed.";
  const std::vector<Span> spans = SplitSentences(p, 100);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{100, 110}));
  EXPECT_EQ(spans[1], (Span{111, 124}));
}

TEST(SentenceSplitterTest, IntoAppends) {
  std::vector<Span> out = {{0, 1}};
  SplitSentencesInto("One. Two.", 5, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1], (Span{5, 9}));
  EXPECT_EQ(out[2], (Span{10, 14}));
}

// Every span is non-empty, inside the paragraph, in order, starts and ends
// on non-space bytes, and nothing but white space lies between spans.
TEST(SentenceSplitterTest, SpansTileTheParagraph) {
  for (const SplitCase& c : kCases) {
    SCOPED_TRACE(c.paragraph);
    const std::string_view p = c.paragraph;
    size_t prev_end = 0;
    for (const Span& s : SplitSentences(p)) {
      ASSERT_LT(s.start, s.end);
      ASSERT_LE(s.end, p.size());
      ASSERT_LE(prev_end, s.start);
      for (size_t k = prev_end; k < s.start; ++k) {
        const unsigned char b = static_cast<unsigned char>(p[k]);
        EXPECT_TRUE(b == ' ' || b == '\t' || b >= 0x80) << "byte " << k;
      }
      EXPECT_NE(p[s.start], ' ');
      EXPECT_NE(p[s.end - 1], ' ');
      prev_end = s.end;
    }
  }
}

TEST(SentenceSplitterTest, SurvivesInvalidUtf8AndOddInput) {
  const std::string_view inputs[] = {
      "\xE2\x80",  "\xFF. \xFE.", "...", "?!?!", ". . .", "\xE2\x80\xA6", "a.\xC2",
      "Mr.",       "\"", "U.S. \xE2\x80\x9C", "end.\xE2\x80\x9D", "\xEF\xBC",
  };
  for (std::string_view in : inputs) {
    SCOPED_TRACE(in);
    for (const Span& s : SplitSentences(in)) {
      EXPECT_LT(s.start, s.end);
      EXPECT_LE(s.end, in.size());
    }
  }
  // Random mixtures of the pieces the splitter looks at.
  static const std::string_view kPieces[] = {
      ".", "?", "!", " ", "\"", "'", ")", "(", "U.S.", "Mr.", "a", "The", "x", "1",
      "\u2026", "\u201D", "\u201C", "\u3002", "\u00A0", "\xE2", "\xE2\x80", "\xFF", ". . "};
  uint32_t state = 99;
  for (int round = 0; round < 5000; ++round) {
    std::string in;
    for (int k = round % 17; k > 0; --k) {
      state = state * 1664525u + 1013904223u;
      in += kPieces[(state >> 20) % std::size(kPieces)];
    }
    size_t prev = 0;
    for (const Span& s : SplitSentences(in)) {
      ASSERT_LE(prev, s.start) << in;
      ASSERT_LT(s.start, s.end) << in;
      ASSERT_LE(s.end, in.size()) << in;
      prev = s.end;
    }
  }
}

}  // namespace
}  // namespace newslint
