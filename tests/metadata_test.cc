// The metadata/* rules and the date reader they share.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/metadata_dates.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::string Str(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}
int64_t Int(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<int64_t>(*v) ? std::get<int64_t>(*v) : -999;
}
double Num(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<double>(*v) ? std::get<double>(*v) : -1.0;
}

std::string Date(std::string_view s) {
  auto d = ParseDate(s);
  return d ? FormatDate(*d) : "-";
}

TEST(MetadataDatesTest, ReadsTheFormsScrapersWrite) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"2026-03-14", "2026-03-14"},
      {"2026-03-14T09:30:00Z", "2026-03-14"},
      {"2026-03-14 23:59:59+02:00", "2026-03-14"},
      {"2026/3/4", "2026-03-04"},
      {"Sat, 14 Mar 2026 09:30:00 GMT", "2026-03-14"},
      {"14 March 2026", "2026-03-14"},
      {"March 14, 2026", "2026-03-14"},
      {"Mar. 14 2026", "2026-03-14"},
      {"Sept 1, 2025", "2025-09-01"},
      {"14/03/2026", "2026-03-14"},
      {"03/14/2026", "2026-03-14"},
      {"1773480600", "2026-03-14"},     // 2026-03-14T09:30:00Z in seconds
      {"1773480600000", "2026-03-14"},  // ... in milliseconds
      {"0", "-"},                       // too few digits for Unix time
      {"03/04/2026", "-"},              // day and month ambiguous
      {"2026-02-30", "-"},              // no such day
      {"2024-02-29", "2024-02-29"},     // leap year
      {"2023-02-29", "-"},
      {"yesterday", "-"},
      {"", "-"},
      {"2026", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Date(c.in), c.out) << c.in;
}

TEST(MetadataDatesTest, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
}

TEST(MetadataDatesTest, DateInTheUrlPath) {
  auto at = [](std::string_view url) {
    auto d = DateInUrlPath(url);
    return d ? FormatDate(*d) : "-";
  };
  EXPECT_EQ(at("https://ex.com/2025/03/14/port-plan"), "2025-03-14");
  EXPECT_EQ(at("https://ex.com/world/2025/03/port-plan"), "2025-03");
  EXPECT_EQ(at("https://ex.com/news/2025-03-14-port-plan"), "2025-03-14");
  EXPECT_EQ(at("https://ex.com/a/20250314/port"), "2025-03-14");
  EXPECT_EQ(at("https://ex.com/a/port?date=2025/03/14"), "-");  // query string
  EXPECT_EQ(at("https://2025.ex.com/03/14"), "-");               // host
  EXPECT_EQ(at("https://ex.com/product/1234/5678"), "-");        // not a year
  EXPECT_EQ(at("https://ex.com/2025/13/40/x"), "-");             // no such month
  EXPECT_EQ(at("https://ex.com/story/12345678"), "-");           // an id, not a date
}

Article WithDate(std::string published, std::string url = "https://ex.com/a/story") {
  Article a;
  a.text = "The council met on Tuesday.";
  a.published = std::move(published);
  a.url = std::move(url);
  return a;
}

TEST(ImplausibleDateTest, FutureBeforeTheWebAndUrlDates) {
  const auto rule = MakeImplausibleDateRule();
  const std::map<std::string, OptionValue> today = {{"today", std::string("2026-11-28")}};
  auto f = RunRule(*rule, WithDate("2026-12-25"), today);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "signal"), "future");
  EXPECT_EQ(Int(f[0], "days_ahead"), 27);
  EXPECT_EQ(f[0].span.start, 0u);
  EXPECT_EQ(f[0].span.end, 0u);
  // Tomorrow is within the day of grace.
  EXPECT_TRUE(RunRule(*rule, WithDate("2026-11-29"), today).empty());
  f = RunRule(*rule, WithDate("1970-01-01T00:00:00Z"), today);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "signal"), "before-web");
  f = RunRule(*rule, WithDate("2024-11-02", "https://ex.com/2025/03/14/x"), today);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "signal"), "url-date");
  EXPECT_EQ(Int(f[0], "days_apart"), -132);
  // Two days apart is the tolerance; three is not.
  EXPECT_TRUE(RunRule(*rule, WithDate("2025-03-16", "https://ex.com/2025/03/14/x"), today).empty());
  EXPECT_EQ(RunRule(*rule, WithDate("2025-03-17", "https://ex.com/2025/03/14/x"), today).size(), 1u);
  // Year and month in the path: the same month or the next.
  EXPECT_TRUE(RunRule(*rule, WithDate("2025-04-01", "https://ex.com/2025/03/x"), today).empty());
  EXPECT_EQ(RunRule(*rule, WithDate("2025-06-01", "https://ex.com/2025/03/x"), today).size(), 1u);
  // Unreadable or ambiguous: no verdict.
  EXPECT_TRUE(RunRule(*rule, WithDate("03/04/2099"), today).empty());
  EXPECT_TRUE(RunRule(*rule, WithDate("last Tuesday"), today).empty());
  // An archive can move the earliest date back.
  EXPECT_TRUE(RunRule(*rule, WithDate("1985-06-01"),
                      {{"today", std::string("2026-11-28")}, {"earliest", std::string("1851-09-18")}})
                  .empty());
}

Article WithByline(std::string byline, std::string site = "example-courier.com") {
  Article a;
  a.text = "The council met on Tuesday.";
  a.byline = std::move(byline);
  a.site = std::move(site);
  a.url = "https://www." + a.site + "/a";
  return a;
}

TEST(BylineNotAPersonTest, KindsOfNonPerson) {
  const auto rule = MakeBylineNotAPersonRule();
  struct Case {
    const char* byline;
    const char* signal;  // "" = no finding
  };
  const Case cases[] = {
      {"Staff", "staff"},
      {"BY STAFF WRITER", "staff"},
      {"admin", "staff"},
      {"World News", "section"},
      {"By Sport", "section"},
      {"Promoted By Acme Loans", "promoted"},
      {"Sponsored content", "promoted"},
      {"March 14, 2026", "date"},
      {"Updated 10:45 AM GMT", "date"},
      {"Share", "ui"},
      {"Follow us", "ui"},
      {"Example Courier", "publisher"},
      {"example-courier.com", "publisher"},
      {"Example Courier News", "publisher"},
      {"Staff Writer, Agencies", "staff"},
      {"Dana Whitfield", ""},
      {"Reuters", ""},
      {"By Jane Doe and John Roe", ""},
      {"Jane Doe, Staff Writer", ""},
      {"Marcus Lee | Updated 10:45 AM", ""},
      {"Ana Sport", ""},
      {"May Lin", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    auto f = RunRule(*rule, WithByline(c.byline));
    if (*c.signal == '\0') {
      EXPECT_TRUE(f.empty()) << c.byline;
    } else {
      ASSERT_EQ(f.size(), 1u) << c.byline;
      EXPECT_EQ(Str(f[0], "signal"), c.signal) << c.byline;
    }
  }
  // The publisher check needs the site: "BBC News" on bbc.co.uk.
  EXPECT_EQ(RunRule(*rule, WithByline("BBC News", "bbc.co.uk")).size(), 1u);
  EXPECT_TRUE(RunRule(*rule, WithByline("BBC News", "example.com")).empty());
}

std::string Words(int n, const std::string& word) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + word + std::to_string(i);
  return s;
}

TEST(TitleMismatchTest, OverlapOfContentWords) {
  const auto rule = MakeTitleMismatchRule();
  Article a;
  a.text = "The water board approved the filtration plant after a long debate about nitrates "
           "and the cost to households. " +
           Words(50, "filler");
  a.title = "Minister resigns over rail contract";
  auto f = RunRule(*rule, a);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Int(f[0], "title_words"), 4);  // minister, resigns, rail, contract ("over": a function word)
  EXPECT_EQ(Int(f[0], "found_in_body"), 0);
  // Stems: "approves" finds "approved", "plants" finds "plant": 2 of 3.
  a.title = "Board approves plants";
  EXPECT_TRUE(RunRule(*rule, a).empty());
  // One of five found: 0.2 is not below the threshold.
  a.title = "Nitrates scandal shocks rail passengers";
  EXPECT_TRUE(RunRule(*rule, a).empty());
  // Too few content words.
  a.title = "Local news";
  EXPECT_TRUE(RunRule(*rule, a).empty());
  // The title written in the body.
  a.title = "Minister resigns over rail contract";
  a.text = a.title + "\n\n" + a.text;
  EXPECT_TRUE(RunRule(*rule, a).empty());
}

TEST(LanguageTest, ScriptAndFunctionWords) {
  const auto rule = MakeLanguageRule();
  const std::map<std::string, OptionValue> en = {{"expected", std::string("en")}};
  const std::string english =
      "The council said on Tuesday that the new plant would be built by the end of the year, "
      "and that the cost would be shared between the city and the region, which has promised "
      "to pay for most of the work on the pipes.";
  EXPECT_TRUE(RunRule(*rule, english, en).empty());
  // Off without an expected language.
  const std::string german =
      "Der Stadtrat hat am Dienstag beschlossen, dass die neue Anlage bis zum Ende des Jahres "
      "gebaut wird, und dass die Kosten zwischen der Stadt und der Region geteilt werden, die "
      "den größten Teil der Arbeiten an den Leitungen bezahlen will.";
  EXPECT_TRUE(RunRule(*rule, german).empty());
  auto f = RunRule(*rule, german, en);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "signal"), "function-words");
  EXPECT_EQ(Str(f[0], "detected"), "de");
  EXPECT_GE(Num(f[0], "detected_share"), 0.2);
  // German expected: the English text is the odd one.
  f = RunRule(*rule, english, {{"expected", std::string("de")}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "detected"), "en");
  const std::string greek =
      "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη ότι η νέα μονάδα θα κατασκευαστεί μέχρι το "
      "τέλος του έτους και ότι το κόστος θα μοιραστεί ανάμεσα στην πόλη και την περιφέρεια, "
      "η οποία έχει υποσχεθεί να πληρώσει το μεγαλύτερο μέρος των έργων στους αγωγούς.";
  f = RunRule(*rule, greek, en);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(Str(f[0], "signal"), "script");
  EXPECT_EQ(Str(f[0], "detected_script"), "greek");
  EXPECT_TRUE(RunRule(*rule, greek, {{"expected", std::string("el")}}).empty());
  // Too short for a verdict.
  EXPECT_TRUE(RunRule(*rule, "Der Stadtrat hat am Dienstag beschlossen.", en).empty());
}

}  // namespace
}  // namespace newslint
