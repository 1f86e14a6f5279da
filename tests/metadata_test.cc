// The metadata/* rules and the date reader they share.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"

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

// The verdict of metadata/title-mismatch as first written: every body word
// copied into a set, and each missing title word of five letters or more
// compared with every word of the set. The rule now walks the body once,
// comparing without copies and stopping when enough of the title is found;
// it must give the same findings.
struct TitleVerdict {
  bool reported = false;
  int64_t title_words = 0;
  int64_t found = 0;
  std::vector<std::string> missing;
  friend bool operator==(const TitleVerdict&, const TitleVerdict&) = default;
};

std::vector<std::string> RefTitleWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    const bool word = cp.valid && (utf8::IsLetter(cp.value) || (cp.value >= '0' && cp.value <= '9'));
    if (word) {
      for (size_t k = 0; k < cp.length; ++k) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        cur += c;
      }
    } else if ((cp.value == '\'' || cp.value == 0x2019) && !cur.empty()) {
      size_t j = i + cp.length;
      while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) ++j;
      flush();
      i = j;
      continue;
    } else {
      flush();
    }
    i += cp.length;
  }
  flush();
  return out;
}

TitleVerdict RefTitleMismatch(const Article& a, int64_t min_title, int64_t min_body, double min_overlap) {
  static const std::unordered_set<std::string>* stop = [] {
    auto* set = new std::unordered_set<std::string>();
    for (const char* lang : {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "tr"}) {
      for (std::string_view w : LexiconEntries(std::string("language-") + lang)) set->emplace(w);
    }
    return set;
  }();
  TitleVerdict v;
  if (a.title.empty() || a.text.empty()) return v;
  std::vector<std::string> title;
  for (std::string& w : RefTitleWords(a.title)) {
    if (w.size() >= 2 && !stop->count(w) && std::find(title.begin(), title.end(), w) == title.end()) {
      title.push_back(std::move(w));
    }
  }
  if (static_cast<int64_t>(title.size()) < min_title) return v;
  const std::vector<std::string> body_words = RefTitleWords(a.text);
  if (static_cast<int64_t>(body_words.size()) < min_body) return v;
  if (a.text.find(a.title) != std::string::npos) return v;
  const std::unordered_set<std::string> body(body_words.begin(), body_words.end());
  for (const std::string& w : title) {
    bool found = body.count(w) > 0;
    const size_t stem = w.size() >= 6 ? 5 : w.size() >= 5 ? 4 : 0;
    for (const std::string& b : body) {
      if (found || stem == 0) break;
      found = b.size() >= stem && b.compare(0, stem, w, 0, stem) == 0;
    }
    if (found) {
      ++v.found;
    } else {
      v.missing.push_back(w);
    }
  }
  if (static_cast<double>(v.found) / static_cast<double>(title.size()) >= min_overlap) return v;
  v.reported = true;
  v.title_words = static_cast<int64_t>(title.size());
  return v;
}

TEST(TitleMismatchTest, SameVerdictsAsCopyingEveryBodyWord) {
  // Words that meet the rule's edge cases: case, stems of four and five
  // letters, "'s" and "’s" endings, letters outside ASCII, digits, function
  // words of several languages, one-letter words, a stray byte, and
  // separators that split or join.
  const std::vector<std::string> pool = {
      "election", "Elections", "elect", "ELECTED", "rates", "rate", "Rate", "rat", "minister",
      "Ministry", "Biden's", "Biden\u2019s", "biden", "don't", "rock'n'roll", "caf\u00e9",
      "Caf\u00c9", "Z\u00fcrich", "z\u00fcrich", "na\u00efve", "2026", "4th", "G7", "the", "and",
      "der", "les", "och", "a", "I", "x", "rail", "Rails", "contract", "contracts", "ab\xff" "cd",
      "\u041c\u043e\u0441\u043a\u0432\u0430", "over-the-top", "U.S.", "e-mail", "storm", "Storms",
      "flood", "floods", "port", "ports", "story", "contest", "portal", "ratio", "rattle"};
  const std::vector<std::string> glue = {" ", " ", " ", ", ", ". ", "\n", " \u2014 ", "-", "'", "\u2019"};
  std::mt19937 rng(20261201);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto phrase = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += (i ? pick(glue) : "") + pick(pool);
    return s;
  };
  const auto rule = MakeTitleMismatchRule();
  struct Settings {
    int64_t min_title, min_body;
    double min_overlap;
  };
  const Settings settings[] = {{3, 50, 0.2}, {1, 0, 0.5}, {2, 10, 1.0}, {1, 5, 1.5}, {3, 50, 0.0}};
  int reported = 0, compared = 0;
  for (int n = 0; n < 3000; ++n) {
    Article a;
    a.title = phrase(rng() % 12);
    a.text = phrase(rng() % 120);
    // One title in eight has some 80 distinct content words more, first
    // ("word17"): the pool's words then come past the first 64; the body
    // has a few of them too.
    if (rng() % 8 == 0) {
      std::string numbered;
      for (int k = 0; k < 100; ++k) numbered += "word" + std::to_string(rng() % 120) + " ";
      a.title = numbered + a.title;
      for (int k = 0; k < 5; ++k) a.text += " word" + std::to_string(rng() % 120);
    }
    if (rng() % 10 == 0) a.text += " " + a.title + " " + phrase(rng() % 10);
    const Settings& s = settings[n % std::size(settings)];
    const TitleVerdict want = RefTitleMismatch(a, s.min_title, s.min_body, s.min_overlap);
    const std::vector<Finding> f =
        RunRule(*rule, a,
                {{"min-title-words", s.min_title}, {"min-body-words", s.min_body},
                 {"min-overlap", s.min_overlap}});
    ASSERT_LE(f.size(), 1u);
    TitleVerdict got;
    if (!f.empty()) {
      got.reported = true;
      got.title_words = Int(f[0], "title_words");
      got.found = Int(f[0], "found_in_body");
      const EvidenceValue* m = EvidenceOf(f[0], "missing");
      ASSERT_NE(m, nullptr);
      got.missing = std::get<std::vector<std::string>>(*m);
    } else {
      got.found = want.reported ? -1 : want.found;  // not reported: only the verdict compares
      got.missing = want.reported ? std::vector<std::string>{} : want.missing;
    }
    ASSERT_EQ(got, want) << "title: " << a.title << "\ntext: " << a.text;
    reported += want.reported;
    ++compared;
  }
  // Both verdicts occur, often: the comparison means something.
  EXPECT_GT(reported, 300);
  EXPECT_LT(reported, compared - 300);
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
