// Differential tests of the attribution views' fast paths against plain
// reference implementations written here: WrittenStatement (one search per
// phrase prefix instead of one per phrase), LooksLikeCode (sixteen bytes at
// a time instead of one) and TitleMayStart (a byte filter before the title
// lookup), on the fixtures' text and on edge cases.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/attribution.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "lint/readers/reader.h"
#include "rules/lexicons/lexicon.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {


// Strings that stress byte loops: empty, short, every kind of space, UTF-8,
// and long lines.
std::vector<std::string> EdgeCases() {
  std::vector<std::string> out = {
      "", " ", "\n", "\t", "a", ".", "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80",
      "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 dash", "\xFF\xFE broken",
      std::string(1000, ' '), std::string(100000, 'x')};
  std::string mixed;
  for (int i = 0; i < 2000; ++i) mixed += "word\xC2\xA0\xE2\x80\x83 \t";
  out.push_back(mixed);
  return out;
}

// --- WrittenStatement -------------------------------------------------------

bool ReferenceWritten(std::string_view sentence) {
  static const char* const kWritten[] = {"in a statement", "in a written", "in a post",
                                         "on twitter",     "on social media", "in a letter",
                                         "in a filing",    "in a release", "in a tweet",
                                         "in an email",    "in an e-mail", "in a note"};
  for (const char* phrase : kWritten) {
    if (sentence.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

TEST(AttributionFastPathsTest, WrittenStatementMatchesOneSearchPerPhrase) {
  std::vector<std::string> cases = EdgeCases();
  for (std::string p : {"in a statement", "in a written", "in a post", "on twitter",
                        "on social media", "in a letter", "in a filing", "in a release",
                        "in a tweet", "in an email", "in an e-mail", "in a note"}) {
    cases.push_back(p);
    cases.push_back("he said " + p + ".");
    cases.push_back("main " + p + "s");                 // inside words, as bytes
    cases.push_back(p.substr(0, p.size() - 1));          // cut short
    cases.push_back("in ain a" + p.substr(4));           // overlapping prefixes
    cases.push_back(std::string(5000, ' ') + p);         // at the end of a long line
    std::string spaced = p;
    std::replace(spaced.begin(), spaced.end(), ' ', '\t');
    cases.push_back(spaced);                              // not a plain space: no match
    // At every offset from a 16-byte block's start, and across its end
    // (WrittenStatement checks sixteen positions at a time).
    for (size_t k = 0; k <= 40; ++k) {
      cases.push_back(std::string(k, 'x') + p);
      cases.push_back(std::string(k, 'o') + p + std::string(k % 7, 'n'));
      cases.push_back(std::string(k, 'x') + p.substr(0, p.size() - 1));
    }
  }
  for (std::string_view s : {"in a", "in an", "on ", "on", "in an e", "on social", "in a tweeted",
                             "on twitter\xE2\x80\x99s", "in a\xC2\xA0statement"}) {
    cases.emplace_back(s);
  }
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    for (const Sentence& s : an.sentences()) cases.emplace_back(an.lower_view(s.span));
    cases.push_back(ByteLoopLower(a.text));
  }
  int written = 0;
  for (const std::string& c : cases) {
    ASSERT_EQ(WrittenStatement(c), ReferenceWritten(c)) << "\"" << c.substr(0, 200) << "\"";
    written += ReferenceWritten(c);
  }
  EXPECT_GT(written, 30);  // the cases hold statements, not only misses
}

// --- LooksLikeCode ----------------------------------------------------------

// The byte-at-a-time loop LooksLikeCode replaced.
bool ReferenceLooksLikeCode(std::string_view p) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  bool braces = false, assignment_like = false;
  const size_t n = p.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = p[i];
    const char next = i + 1 < n ? p[i + 1] : '\0';
    switch (c) {
      case '<':
        if (next == '/' && i + 2 < n && alpha(p[i + 2])) return true;
        if (p.substr(i, 4) == "<!--") return true;
        break;
      case '/':
        if (next == '>') return true;
        break;
      case '=':
        if (next == '>') return true;
        if (i > 0 && (next == '"' || next == '\'') && alpha(p[i - 1])) return true;
        assignment_like = true;
        break;
      case '(':
        if (p.substr(i, 3) == "();") return true;
        break;
      case ')':
        if (next == '{') return true;
        break;
      case '{':
      case '}':
        braces = true;
        break;
      case ';':
        assignment_like = true;
        break;
      case '"':
        if (next == ':') assignment_like = true;
        break;
      default:
        break;
    }
  }
  return braces && assignment_like;
}

TEST(AttributionFastPathsTest, LooksLikeCodeMatchesTheByteLoop) {
  std::vector<std::string> cases = EdgeCases();
  // Every sign, alone and in pairs, at every offset around the 16-byte
  // blocks (a sign whose neighbour lies in the next block).
  const std::vector<std::string> signs = {"</p", "<!--", "/>", "=>", "a=\"", "a='", "();",
                                          "){",  "{",    "}",  ";",  "=",    "\":", "<",
                                          "/",   "(",    ")",  "\""};
  for (size_t at = 0; at < 40; ++at) {
    for (const std::string& s : signs) {
      cases.push_back(std::string(at, 'x') + s);
      cases.push_back(std::string(at, ' ') + s + std::string(40 - at, 'y'));
      for (const std::string& t : {std::string("{"), std::string(";"), std::string("=")}) {
        cases.push_back(std::string(at, 'z') + s + std::string(at % 17, ' ') + t);
      }
    }
  }
  // Random strings over the signs, letters, spaces and UTF-8 bytes.
  std::mt19937 rng(9);
  const std::string alphabet = "</=(){};\"'!-:ax \xC2\xA0\xE2\x80\x9C";
  for (int k = 0; k < 20000; ++k) {
    std::string s(rng() % 48, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    cases.push_back(std::move(s));
  }
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    for (const Paragraph& p : an.paragraphs()) cases.emplace_back(an.view(p.span));
    for (const Span& l : an.lines()) cases.emplace_back(an.view(l));
    cases.push_back(a.text);
  }
  int code = 0;
  for (const std::string& c : cases) {
    ASSERT_EQ(LooksLikeCode(c), ReferenceLooksLikeCode(c)) << "\"" << c.substr(0, 200) << "\"";
    code += ReferenceLooksLikeCode(c);
  }
  EXPECT_GT(code, 1000);
  EXPECT_GT(static_cast<int>(cases.size()) - code, 1000);
}

// --- TitleMayStart ----------------------------------------------------------

// The first words of the titles, lower case, dots dropped: where MatchTitle
// may find a title, the token's key (its lowered text without dots) is one.
std::vector<std::string> TitleFirstWords() {
  std::vector<std::string> out;
  for (std::string_view entry : LexiconEntries("person-titles")) {
    std::string first(entry.substr(0, entry.find(' ')));
    first.erase(std::remove(first.begin(), first.end(), '.'), first.end());
    if (!first.empty()) out.push_back(ByteLoopLower(first));
  }
  return out;
}

TEST(AttributionFastPathsTest, TitleMayStartPassesEveryTitleStart) {
  const std::vector<std::string> firsts = TitleFirstWords();
  ASSERT_GT(firsts.size(), 50u);
  std::vector<std::string> tokens;
  for (const std::string& f : firsts) {
    tokens.push_back(f);
    tokens.push_back(f + ".");
    tokens.push_back("." + f);
    // Dots inside: "u.s" for "us", "go.v" for "gov".
    for (size_t k = 1; k < f.size(); ++k) tokens.push_back(f.substr(0, k) + "." + f.substr(k));
    tokens.push_back(std::string(40, 'q') + f);
  }
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    for (const Token& t : an.tokens()) tokens.emplace_back(an.lower_view(t.span));
  }
  for (const std::string& e : EdgeCases()) tokens.push_back(e);
  int passed = 0, rejected = 0;
  for (const std::string& t : tokens) {
    std::string key = t;
    key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
    const bool title = std::find(firsts.begin(), firsts.end(), key) != firsts.end();
    if (title) {
      ASSERT_TRUE(TitleMayStart(t)) << "\"" << t << "\"";
      ++passed;
    } else {
      rejected += !TitleMayStart(t);
    }
  }
  EXPECT_GT(passed, 500);
  EXPECT_GT(rejected, 1000);  // a filter that passes everything filters nothing
}

// MatchTitle itself agrees: wherever it finds a title, TitleMayStart passed.
TEST(AttributionFastPathsTest, TitleMayStartPassesWhereMatchTitleMatches) {
  int titles = 0;
  for (const Article& a : FixtureArticles()) {
    Analysis an(a);
    const std::vector<Token>& tokens = an.tokens();
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (MatchTitle(an, tokens, i) == 0) continue;
      ++titles;
      ASSERT_TRUE(TitleMayStart(an.lower_view(tokens[i].span)))
          << "\"" << an.view(tokens[i].span) << "\"";
    }
  }
  EXPECT_GT(titles, 100);
}

}  // namespace
}  // namespace newslint
