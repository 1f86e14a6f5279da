// Differential test of People::Resolve's fast path: it compares the name with
// the persons' lower-case names byte by byte, lowering A-Z on the fly,
// instead of building AsciiLower(name) per call. The reference here is the
// code it replaced (a lowered copy compared with AsciiLower of each person's
// names), on the fixtures' people and every token of their text, in several
// cases and with possessives, at every mention's offset.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/people.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

size_t ReferenceResolve(const People& people, std::string_view name, size_t offset) {
  const std::vector<Person>& persons = people.persons();
  const std::string lower = AsciiLower(StripPossessive(name));
  if (lower.empty()) return People::kNone;
  auto named = [&](size_t p) {
    return AsciiLower(persons[p].name) == lower || AsciiLower(persons[p].surname) == lower;
  };
  size_t first = People::kNone;
  size_t count = 0;
  for (size_t p = 0; p < persons.size(); ++p) {
    if (named(p)) {
      if (first == People::kNone) first = p;
      ++count;
    }
  }
  if (count == 0) {
    size_t only = People::kNone;
    for (size_t p = 0; p < persons.size(); ++p) {
      if (!persons[p].given.empty() && AsciiLower(persons[p].given) == lower) {
        if (only != People::kNone) return People::kNone;
        only = p;
      }
    }
    return only;
  }
  if (count == 1) return first;
  const std::vector<NameMention>& mentions = people.mentions();
  size_t last = People::kNone;
  for (const NameMention& m : mentions) {
    if (m.span.start >= offset) break;
    if (m.person != People::kNone && named(m.person)) last = m.person;
  }
  return last != People::kNone ? last : first;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

TEST(PeopleResolveFastPathTest, MatchesTheLoweredCopyOnFixtures) {
  size_t checked = 0, resolved = 0;
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    People people(an, nullptr);
    std::vector<std::string> names = {"", "'s", "\xE2\x80\x99", "s", "\xC3\x89mile", "[", "@"};
    for (const Person& p : people.persons()) {
      for (const std::string& n : {p.name, p.surname, p.given}) {
        for (const std::string& v : {n, Upper(n), AsciiLower(n)}) {
          names.push_back(v);
          names.push_back(v + "'s");
          names.push_back(v + "\xE2\x80\x99s");
          names.push_back(v + "'");
          names.push_back(v + "x");
          if (!v.empty()) names.push_back(v.substr(0, v.size() - 1));
          if (!v.empty()) names.push_back(v.substr(1));
        }
      }
    }
    for (const Token& t : an.tokens()) names.emplace_back(an.view(t.span));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<size_t> offsets = {0, a.text.size()};
    for (const NameMention& m : people.mentions()) offsets.push_back(m.span.start);
    if (offsets.size() > 12) offsets.resize(12);
    for (const std::string& n : names) {
      for (size_t off : offsets) {
        const size_t want = ReferenceResolve(people, n, off);
        ASSERT_EQ(people.Resolve(n, off), want) << "\"" << n << "\" at " << off;
        ++checked;
        resolved += want != People::kNone;
      }
    }
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_GT(resolved, 500u);  // the names resolve, not only misses
}

}  // namespace
}  // namespace newslint
