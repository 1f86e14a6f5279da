#include "lint/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace newslint {
namespace {

// The matched text of every match, in the order the matcher reports them.
std::vector<std::string> Matched(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const PhraseMatch& match : m.FindAll(text)) {
    out.emplace_back(text.substr(match.span.start, match.span.size()));
  }
  return out;
}

struct Case {
  std::vector<std::string> phrases;
  std::string text;
  std::vector<std::string> expected;  // matched text, in report order
};

void PrintTo(const Case& c, std::ostream* os) { *os << "text \"" << c.text << "\""; }

class PhraseMatcherTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(PhraseMatcherTableTest, FindsExactlyTheExpectedMatches) {
  const Case& c = GetParam();
  PhraseMatcher matcher(c.phrases);
  EXPECT_EQ(Matched(matcher, c.text), c.expected) << "text: " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    PhraseMatcher, PhraseMatcherTableTest,
    ::testing::Values(
        // Case folding of ASCII; UTF-8 bytes compared as they are.
        Case{{"we use cookies"}, "WE USE COOKIES to help", {"WE USE COOKIES"}},
        Case{{"café"}, "Le Café and the café", {"Café", "café"}},
        Case{{"café"}, "CAFÉ", {}},
        // Whole words only, ASCII and non-ASCII neighbours alike.
        Case{{"ok"}, "book Okafor ok OK. (ok)", {"ok", "OK", "ok"}},
        Case{{"cookie"}, "cookies cookie-jar cookieé écookie", {"cookie"}},
        Case{{"terms"}, "the terms\u2019 scope", {"terms"}},
        Case{{"accept"}, "\u201cAccept\u201d", {"Accept"}},
        // Whitespace runs, tabs, no-break and thin spaces fold to one space.
        Case{{"accept all"}, "Accept  all\tAccept\u00a0all Accept\u202fall", {"Accept  all", "Accept\u00a0all", "Accept\u202fall"}},
        Case{{"accept all"}, "acceptall", {}},
        // Typographic quotes fold to ASCII ones.
        Case{{"we're"}, "We\u2019re here, we're there", {"We\u2019re", "we're"}},
        Case{{"by clicking \"accept"}, "By clicking \u201cAccept all\u201d", {"By clicking \u201cAccept"}},
        // Overlapping and nested phrases are all reported, longest first at one end.
        Case{{"accept all", "all cookies", "cookies", "accept all cookies"},
             "Accept all cookies",
             {"Accept all", "Accept all cookies", "all cookies", "cookies"}},
        Case{{"he", "she", "hers", "his"}, "ushers she his", {"she", "his"}},
        // Punctuation at a phrase edge needs no boundary.
        Case{{"got it!"}, "Got it!Next", {"Got it!"}},
        // Phrases that fold to nothing never match.
        Case{{"", "   ", "x"}, "x y", {"x"}},
        // Same folded text twice: both entries reported.
        Case{{"Accept", "accept"}, "accept", {"accept", "accept"}}));

TEST(PhraseMatcherTest, ReportsPhraseIndexAndBase) {
  PhraseMatcher matcher(std::vector<std::string>{"privacy policy", "cookie"});
  std::vector<PhraseMatch> matches = matcher.FindAll("Our Privacy Policy", 100);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].phrase, 0u);
  EXPECT_EQ(matches[0].span, (Span{104, 118}));
  EXPECT_EQ(matcher.phrase(0), "privacy policy");
  EXPECT_EQ(matcher.size(), 2u);
}

TEST(PhraseMatcherTest, MatchStartIsExactAfterCollapsedWhitespace) {
  PhraseMatcher matcher(std::vector<std::string>{"a b c"});
  std::string text = "x a   b \u00a0 c y";
  auto matches = matcher.FindAll(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].span.start, matches[0].span.size()), "a   b \u00a0 c");
}

TEST(PhraseMatcherTest, LongPhrasesUseTheHeapHistory) {
  std::string longest(200, 'z');
  PhraseMatcher matcher(std::vector<std::string>{longest, "zz"});
  std::string text = "a " + longest + " b";
  auto matches = matcher.FindAll(text);
  ASSERT_EQ(matches.size(), 1u);  // "zz" is inside a longer word: no boundary
  EXPECT_EQ(matches[0].span, (Span{2, 202}));
}

TEST(PhraseMatcherTest, ContainsAnyStopsEarly) {
  PhraseMatcher matcher(std::vector<std::string>{"reject all"});
  EXPECT_TRUE(matcher.ContainsAny("please Reject All now"));
  EXPECT_FALSE(matcher.ContainsAny("rejected all"));
  EXPECT_FALSE(PhraseMatcher(std::vector<std::string>{}).ContainsAny("anything"));
}

TEST(PhraseMatcherTest, FoldIsTheComparisonForm) {
  EXPECT_EQ(PhraseMatcher::Fold("  Accept\u00a0 ALL\u2019s \u201cx\u201d "), "accept all's \"x\"");
}

// The scan table has 16-bit cells up to 65,535 states and 32-bit cells above
// (lint/phrase_matcher.h). Both must find exactly what a naive search finds:
// every phrase at every whole-word position, overlaps included.
std::vector<std::pair<size_t, size_t>> NaiveMatches(const std::vector<std::string>& phrases,
                                                    const std::string& text) {
  auto word = [&](size_t i) {
    return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]));
  };
  std::vector<std::pair<size_t, size_t>> out;  // (start, phrase)
  for (size_t p = 0; p < phrases.size(); ++p) {
    for (size_t at = text.find(phrases[p]); at != std::string::npos;
         at = text.find(phrases[p], at + 1)) {
      if ((at > 0 && word(at - 1)) || word(at + phrases[p].size())) continue;
      out.emplace_back(at, p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSameAsNaive(size_t phrase_count, bool wide_cells) {
  // Lower-case words from a small alphabet, so phrases share prefixes and
  // suffixes (deep failure and dictionary links), joined by single spaces.
  uint64_t seed = 12345 + phrase_count;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(seed >> 33);
  };
  auto make_word = [&] {
    std::string w;
    for (size_t n = 2 + next() % 5; n > 0; --n) w.push_back(static_cast<char>('a' + next() % 6));
    return w;
  };
  std::vector<std::string> phrases;
  for (size_t i = 0; i < phrase_count; ++i) {
    std::string p = make_word();
    for (size_t n = next() % 3; n > 0; --n) p += " " + make_word();
    phrases.push_back(p);
  }
  std::string text;
  for (int i = 0; i < 4000; ++i) {
    text += (next() % 4 == 0 ? phrases[next() % phrases.size()] : make_word());
    text += next() % 9 == 0 ? ", " : " ";
  }
  PhraseMatcher matcher(phrases);
  EXPECT_EQ(matcher.state_count() > 0xFFFF, wide_cells) << matcher.state_count();
  std::vector<std::pair<size_t, size_t>> found;
  for (const PhraseMatch& m : matcher.FindAll(text)) {
    ASSERT_EQ(text.substr(m.span.start, m.span.size()), phrases[m.phrase]);
    found.emplace_back(m.span.start, m.phrase);
  }
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, NaiveMatches(phrases, text));
  EXPECT_GT(found.size(), 500u);
}

TEST(PhraseMatcherTest, SmallAutomatonFindsWhatANaiveSearchFinds) { ExpectSameAsNaive(300, false); }

// Compile() builds the trie sparse and writes each state's row of the
// packed table as its failure state's row with its own children over it;
// the dense construction it replaced must give the same automaton, state
// for state and byte for byte: the same numbering, the same steps.
void ExpectSameTableAsDense(const std::vector<std::string>& phrases) {
  const PhraseMatcher matcher(phrases);
  const std::vector<uint32_t> table = matcher.TransitionsForTest();
  ASSERT_EQ(table.size(), matcher.state_count() * 256);
  const std::vector<uint32_t> reference = matcher.ReferenceTransitionsForTest();
  ASSERT_EQ(reference.size(), table.size());
  size_t differ = 0;
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] != reference[i] && differ++ < 5) {
      ADD_FAILURE() << "state " << i / 256 << ", byte " << i % 256 << ": " << table[i]
                    << " against " << reference[i];
    }
  }
  EXPECT_EQ(differ, 0u);
}

// The automaton is built on the first scan (std::call_once): threads that
// all scan a new matcher at once each get every match, the same as from a
// matcher built beforehand.
TEST(PhraseMatcherTest, FirstScansFromManyThreadsAtOnce) {
  const std::vector<std::string> phrases = {"we use cookies", "accept all", "privacy policy",
                                            "cookies", "all"};
  std::string text;
  for (int i = 0; i < 200; ++i) text += "We use cookies. Accept all or read our Privacy  Policy. ";
  PhraseMatcher built(phrases);
  built.Build();
  const std::vector<PhraseMatch> expected = built.FindAll(text);
  ASSERT_EQ(expected.size(), 200u * 5);
  for (int round = 0; round < 20; ++round) {
    const PhraseMatcher fresh(phrases);
    std::atomic<int> ready{0};
    std::vector<std::vector<PhraseMatch>> found(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < found.size(); ++t) {
      threads.emplace_back([&, t] {
        ++ready;
        while (ready.load() < 4) std::this_thread::yield();
        found[t] = t % 2 == 0 ? fresh.FindAll(text) : std::vector<PhraseMatch>{};
        if (t % 2 == 1 && fresh.ContainsAny(text)) found[t] = fresh.FindAll(text);
      });
    }
    for (std::thread& t : threads) t.join();
    for (const std::vector<PhraseMatch>& f : found) EXPECT_TRUE(f == expected);
  }
}

TEST(PhraseMatcherTest, TableEqualsTheDenseConstructions) {
  // Shared prefixes and suffixes (deep failure links), case, punctuation,
  // whitespace runs, curly quotes, non-ASCII letters, duplicates, a phrase
  // inside another, and phrases that fold to nothing.
  ExpectSameTableAsDense({"cookie", "cookies", "Accept all cookies", "we use cookies",
                          "use cookies", "kies", "okie", "cook", "privacy policy",
                          "Privacy  Policy", "don\u2019t", "don't", "caf\u00e9", "\u00e9t\u00e9",
                          "u.s.", "\u00a9 2024", "(ap)", "[ad]", "", "   ", "cookie", "s", "e"});
  ExpectSameTableAsDense({});
  ExpectSameTableAsDense({"a"});
  uint64_t seed = 99;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(seed >> 33);
  };
  for (size_t count : {10u, 300u, 3000u}) {
    std::vector<std::string> phrases;
    for (size_t i = 0; i < count; ++i) {
      std::string p;
      for (size_t n = 1 + next() % 12; n > 0; --n) {
        const size_t k = next() % 10;
        p.push_back(k < 7 ? static_cast<char>('a' + next() % 5) : k < 9 ? ' ' : "-.'A"[next() % 4]);
      }
      phrases.push_back(p);
    }
    ExpectSameTableAsDense(phrases);
  }
}

TEST(PhraseMatcherTest, LargeAutomatonFindsWhatANaiveSearchFinds) {
  // ~20,000 phrases of up to ~27 bytes: well over 65,535 states.
  ExpectSameAsNaive(20000, true);
}

// MayStartAt says false only where no phrase matches: at every byte of a
// text made of the phrases' own words and others (capitalised, glued to
// digits, followed by non-ASCII letters and punctuation), a false is
// checked against the matches a scan finds, and it must say false at many
// word starts for the check to mean anything.
TEST(PhraseMatcherTest, MayStartAtIsFalseOnlyWhereNoPhraseStarts) {
  const std::vector<std::string> phrases = {
      "home", "news", "world news", "terms of use", "page", "pages", "next", "older posts",
      "skip to content", "e-edition", "what's on", "caf\u00e9", "\u00e9conomie", "-- more",
      "(video)", "a", "2024 archive", "x"};
  PhraseMatcher matcher(phrases);
  const std::string text =
      "Home | News | World News Terms of Use. Page 2 of 7 pages Next \u00bb Older posts "
      "homepage newsletter NEWS1 news\u00e9 Skip to content E-edition What\u2019s on "
      "What's new caf\u00e9 cafe caf\u00e9bar \u00e9conomie -- more (video) a an 2024 archive "
      "20240 x xylophone the council approved the budget on Tuesday";
  std::vector<bool> starts(text.size() + 1, false);
  for (const PhraseMatch& m : matcher.FindAll(text)) starts[m.span.start] = true;
  size_t said_false = 0, matches = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    matches += starts[i];
    if (matcher.MayStartAt(text, i)) continue;
    ++said_false;
    EXPECT_FALSE(starts[i]) << "a phrase starts at " << i << ": " << text.substr(i, 20);
  }
  EXPECT_GE(matches, 18u);      // 20 when written
  EXPECT_GE(said_false, 150u);  // 180 when written
  // The words of the last sentence start no phrase; "a" does.
  const size_t council = text.find("council");
  EXPECT_FALSE(matcher.MayStartAt(text, council));
  EXPECT_TRUE(matcher.MayStartAt(text, text.find(" a an") + 1));
  // Other bytes are left to the scan, and so is a first word of over 64
  // bytes when a phrase has one.
  EXPECT_TRUE(matcher.MayStartAt(text, text.find("(video)")));
  const std::string long_word(80, 'q');
  PhraseMatcher long_one(std::vector<std::string>{long_word + " end"});
  EXPECT_TRUE(long_one.MayStartAt(long_word + " end", 0));
  EXPECT_FALSE(long_one.MayStartAt(std::string(30, 'q') + " end", 0));
  EXPECT_FALSE(matcher.MayStartAt(long_word, 0));
}

TEST(PhraseMatcherTest, InvalidUtf8PassesThrough) {
  PhraseMatcher matcher(std::vector<std::string>{"ok"});
  std::string text = "\xff ok \xc3";
  EXPECT_EQ(Matched(matcher, text), (std::vector<std::string>{"ok"}));
}

}  // namespace
}  // namespace newslint
