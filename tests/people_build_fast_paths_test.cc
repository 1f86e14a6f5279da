// Differential tests of People::Build's cheaper bookkeeping against the code
// it replaced, written here as plain reference implementations:
//   - the name uses behind UsedAsNameOutside, now a list scanned per call,
//     against a hash map of word -> offsets built from the public mentions;
//   - the persons made from the introductions, now found by a scan of the
//     persons' lower-case surnames, against a map of lower surname ->
//     persons (and AsciiLower copies for the given names).
// On the fixtures' articles and on edge cases (case variants of names,
// possessives, UTF-8, every kind of space, a long line of names).

#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/flat_hash.h"
#include "lint/people.h"
#include "lint/utf8.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// People's SentenceInitial: whether token j's capital is owed to the start
// of sentence s, of a quotation, or of a clause after a colon or a dash.
bool ReferenceSentenceInitial(Analysis& an, size_t j, size_t s) {
  const std::string_view text = an.text();
  const size_t start = an.sentences()[s].span.start;
  std::string_view before = text.substr(start, an.tokens()[j].span.start - start);
  bool initial = true;
  for (size_t b = 0; b < before.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(before, b);
    if (utf8::IsLetter(cp.value) || (cp.value >= '0' && cp.value <= '9')) {
      initial = false;
      break;
    }
    b += cp.length;
  }
  if (initial) return true;
  size_t e = before.size();
  while (e > 0 && utf8::SpaceLengthBefore(before, e) > 0) e -= utf8::SpaceLengthBefore(before, e);
  if (e == 0) return true;
  utf8::CodePoint cp = utf8::DecodeBefore(before, e);
  return cp.value == ':' || cp.value == U'\u2014' || cp.value == U'\u2013' ||
         cp.value == U'\u201C' || cp.value == '"' || cp.value == U'\u2018' ||
         cp.value == U'\u00AB' || cp.value == U'\u201E';
}

// UsedAsNameOutside as it was: a map of word -> offsets of its name uses.
class ReferenceNameUses {
 public:
  ReferenceNameUses(Analysis& an, const People& people) : title_(an.article().title) {
    for (const NameMention& m : people.mentions()) {
      if (m.name_words == 0) continue;
      bool run = m.name_words >= 2 || !m.title.empty() || m.person != People::kNone ||
                 people.TitleCaseParagraph(m.paragraph);
      if (!run) run = !ReferenceSentenceInitial(an, m.name_token, m.sentence);
      if (!run) continue;
      for (size_t k = m.name_token; k < m.end_token; ++k) {
        uses_[StripPossessive(an.view(an.tokens()[k].span))].push_back(an.tokens()[k].span.start);
      }
    }
  }

  bool UsedAsNameOutside(std::string_view word, Span except) const {
    const std::string_view w = StripPossessive(word);
    if (auto it = uses_.find(w); it != uses_.end()) {
      for (size_t at : it->second) {
        if (at < except.start || at >= except.end) return true;
      }
    }
    std::string_view title = title_;
    for (size_t pos = title.find(w); pos != std::string_view::npos; pos = title.find(w, pos + 1)) {
      bool left = pos == 0 || !utf8::IsLetter(utf8::DecodeBefore(title, pos).value);
      size_t e = pos + w.size();
      bool right = e >= title.size() || !utf8::IsLetter(utf8::DecodeAt(title, e).value);
      if (left && right && pos > 0) return true;
    }
    return false;
  }

  size_t words() const { return uses_.size(); }

 private:
  std::string title_;
  StringMap<std::vector<size_t>> uses_;
};

// The persons the introductions make, as the map of lower surname ->
// persons made them: each introducing mention's person, and each person's
// final name, surname and given name.
struct ReferencePersons {
  std::vector<size_t> person_of_introduction;
  std::vector<std::string> names, surnames, givens;
};

ReferencePersons MakeReferencePersons(Analysis& an, const People& people) {
  ReferencePersons out;
  auto name_word = [&](const NameMention& m, int k) {
    return StripPossessive(an.view(an.tokens()[m.name_token + k].span));
  };
  StringMap<std::vector<size_t>> by_surname;
  for (const NameMention& m : people.mentions()) {
    if (!m.introduces) continue;
    std::string surname(name_word(m, m.name_words - 1));
    std::string given = m.name_words >= 2 ? std::string(name_word(m, 0)) : std::string();
    std::string full;
    for (int k = 0; k < m.name_words; ++k) {
      if (k > 0) full += ' ';
      full += name_word(m, k);
    }
    size_t found = People::kNone;
    for (size_t p : by_surname[AsciiLower(surname)]) {
      if (given.empty() || out.givens[p].empty() ||
          AsciiLower(out.givens[p]) == AsciiLower(given)) {
        found = p;
        break;
      }
    }
    if (found == People::kNone) {
      found = out.names.size();
      out.names.push_back(full);
      out.surnames.push_back(surname);
      out.givens.push_back(given);
      by_surname[AsciiLower(surname)].push_back(found);
    }
    if (m.name_words > 1 && (out.givens[found].empty() || full.size() > out.names[found].size())) {
      out.names[found] = full;
      out.givens[found] = given;
    }
    out.person_of_introduction.push_back(found);
  }
  return out;
}

// Articles that stress the two paths: names in several cases, possessives,
// UTF-8 names, every kind of space between words, a long line of names.
std::vector<Article> EdgeArticles() {
  std::vector<std::string> texts = {
      "",
      " ",
      "Smith",
      "Bashar al-Assad met reporters. Later Bashar Al-Assad spoke to al-Assad aides.\n",
      "El-Sayed Ahmed arrived. Then el-Sayed Ahmed left, and Ahmed said so.\n",
      "Anna Smith met Anna SMITH and ANNA Smith. Smith\xE2\x80\x99s aide and Smith's car.\n",
      "Officials thanked Jos\xC3\xA9 \xC3\x81lvarez. \xC3\x81lvarez said Jos\xC3\xA9 was late.\n",
      "Joe Biden met Hunter Biden. Biden said Hunter Biden and Joe Biden agreed.\n",
      "Foreign Minister Ana Ruiz met President Ivo Kral. Ruiz and Kral spoke.\n",
      "Officials met Jane\xC2\xA0Roe and Ivo\xE2\x80\x89Kral and Li\tWei and Tom\xE3\x80\x80Hu.\n",
      "Flashing lights lit the square.\nOfficials thanked Cooper.\nCooper said it was late.\n",
      "Mr. Smith and Dr. Jones met Sen. Jane Roe and John F. Kennedy.\n",
  };
  std::string long_line = "Officials met";
  // Past People's limit for scanning name uses (1024): they are sorted.
  for (int i = 0; i < 1000; ++i) {
    long_line += " Anna Nam" + std::string(1, static_cast<char>('a' + i % 26)) + "son and";
    long_line += (i % 3 == 0) ? " ANNA Nameson" : " Bo Nameson";
  }
  texts.push_back(long_line + ".\n");
  std::vector<Article> out = ArticlesOfTexts(texts);
  Article titled;
  titled.title = "Cooper and Smith meet Flashing Lights";
  titled.text = "Cooper met Smith. Smith said the talks were useful.\n";
  out.push_back(titled);
  return out;
}

// Strings that stress byte loops: empty, every kind of space, UTF-8, long.
std::vector<std::string> EdgeCases() {
  return {"",       " ",        "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80", "th\xC3\xA9",
          "\xFF\xFE", "however\xC2\xA0", "the ", " the", std::string(1000, 't'),
          std::string(100000, 'x')};
}

std::vector<Article> AllArticles() {
  std::vector<Article> out = FixtureArticles();
  for (Article& a : EdgeArticles()) out.push_back(std::move(a));
  return out;
}

TEST(PeopleBuildFastPathsTest, UsedAsNameOutsideMatchesTheMapOfNameUses) {
  size_t checked = 0, used = 0, articles_with_uses = 0;
  for (const Article& a : AllArticles()) {
    Analysis an(a);
    People people(an, nullptr);
    const ReferenceNameUses reference(an, people);
    articles_with_uses += reference.words() > 0;
    std::vector<std::string> words = {"", "'s", "\xE2\x80\x99", "s", "\xC3\x89mile", "Smith"};
    for (const Token& t : an.tokens()) {
      if (t.shape == TokenShape::kLower || t.shape == TokenShape::kNumber) continue;
      const std::string w(an.view(t.span));
      words.push_back(w);
      words.push_back(w + "'s");
      words.push_back(w + "\xE2\x80\x99s");
      words.push_back(AsciiLower(w));
      if (w.size() > 1) words.push_back(w.substr(0, w.size() - 1));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const size_t size = a.text.size();
    std::vector<Span> excepts = {{size, size}, {0, size}, {0, 0}};
    for (const NameMention& m : people.mentions()) {
      excepts.push_back(m.span);
      excepts.push_back(m.name);
      excepts.push_back({m.name.start, m.name.start + 1});
      if (excepts.size() > 40) break;
    }
    for (const std::string& w : words) {
      for (const Span& except : excepts) {
        const bool want = reference.UsedAsNameOutside(w, except);
        ASSERT_EQ(people.UsedAsNameOutside(w, except), want)
            << "\"" << w << "\" outside [" << except.start << ", " << except.end << ") in \""
            << a.text.substr(0, 200) << "\"";
        ++checked;
        used += want;
      }
    }
  }
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(used, 5000u);  // name uses are found, not only misses
  EXPECT_GT(articles_with_uses, 50u);
}

TEST(PeopleBuildFastPathsTest, PersonsMatchTheMapOfSurnames) {
  size_t introductions = 0, merged = 0;
  for (const Article& a : AllArticles()) {
    Analysis an(a);
    People people(an, nullptr);
    const ReferencePersons want = MakeReferencePersons(an, people);
    ASSERT_EQ(people.persons().size(), want.names.size()) << a.text.substr(0, 200);
    for (size_t p = 0; p < want.names.size(); ++p) {
      EXPECT_EQ(people.persons()[p].name, want.names[p]);
      EXPECT_EQ(people.persons()[p].surname, want.surnames[p]);
      EXPECT_EQ(people.persons()[p].given, want.givens[p]);
    }
    size_t k = 0, made = 0;
    for (const NameMention& m : people.mentions()) {
      if (!m.introduces) continue;
      ASSERT_LT(k, want.person_of_introduction.size());
      EXPECT_EQ(m.person, want.person_of_introduction[k])
          << std::string(an.view(m.span)) << " in \"" << a.text.substr(0, 200) << "\"";
      if (want.person_of_introduction[k] < made) {
        ++merged;  // a person introduced again
      } else {
        made = want.person_of_introduction[k] + 1;
      }
      ++k;
      ++introductions;
    }
    EXPECT_EQ(k, want.person_of_introduction.size());
    // A one-word mention that introduces nobody gets the person Resolve
    // gives its word (Build now passes the word itself, not a copy).
    for (const NameMention& m : people.mentions()) {
      if (m.introduces || m.name_words != 1) continue;
      EXPECT_EQ(m.person, people.Resolve(an.view(m.name), m.span.start))
          << std::string(an.view(m.name));
    }
  }
  EXPECT_GT(introductions, 500u);
  EXPECT_GT(merged, 100u);  // persons introduced more than once
}

// IsNameFunctionWord (bitsets for short words and for the first two bytes
// of long ones, before the hash set) against a search of the list.
TEST(PeopleBuildFastPathsTest, FunctionWordsMatchASearchOfTheList) {
  const std::span<const std::string_view> list = NameFunctionWords();
  auto reference = [&](std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  size_t checked = 0, found = 0;
  auto check = [&](std::string_view w) {
    const bool want = reference(w);
    ASSERT_EQ(IsNameFunctionWord(w), want) << "\"" << w << "\"";
    ++checked;
    found += want;
  };
  for (std::string_view w : list) {
    check(w);
    const std::string s(w);
    check(s + "s");
    check(s.substr(0, s.size() - 1));
    check(s.substr(1));
    check(s + "\xE2\x80\x99s");
  }
  // Every word of up to four letters over the letters the list starts and
  // ends with, and the fixtures' words lowered (possessive stripped or not).
  ForEachStringOver("abehilnorstuwy.'", 4, [&](std::string_view w) { check(w); });
  for (const Article& a : AllArticles()) {
    Analysis an(a);
    for (const Token& t : an.tokens()) {
      const std::string lower = AsciiLower(an.view(t.span));
      check(lower);
      check(StripPossessive(lower));
    }
  }
  for (const std::string& w : EdgeCases()) check(w);
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(found, 10000u);  // the fixtures' "the", "however", ...
}

}  // namespace
}  // namespace newslint
