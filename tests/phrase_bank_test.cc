// PhraseBank / FindPhrases: the one shared scan per article must answer every
// piece of text exactly as the rule's own matcher scanning that piece alone.

#include "lint/phrase_bank.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/readers/reader.h"
#include "lint/registry.h"
#include "lint/rule.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// The matchers of every built-in rule that takes part in the shared scan.
struct BuiltinMatchers {
  std::vector<std::unique_ptr<Rule>> rules = MakeAllRules();
  std::vector<const PhraseMatcher*> matchers;
  BuiltinMatchers() {
    for (const auto& rule : rules) AppendPhraseMatchers(*rule, &matchers);
  }
};

const BuiltinMatchers& Builtins() {
  static const BuiltinMatchers* b = new BuiltinMatchers();
  return *b;
}

// An Analysis of `article` as the Engine sets it up: with the bank installed.
void Install(Analysis& analysis, const PhraseBank& bank) {
  analysis.set_phrase_bank(&bank);
}

// Pieces rules ask about: every line, every paragraph, every sentence, every
// piece between two separators ("|", "/") of a line; and each line without
// its first or its last byte, which cuts words and characters.
std::vector<Span> Pieces(Analysis& analysis) {
  std::vector<Span> pieces = analysis.lines();
  for (const Paragraph& p : analysis.paragraphs()) pieces.push_back(p.span);
  for (const Sentence& s : analysis.sentences()) pieces.push_back(s.span);
  for (const Span& line : analysis.lines()) {
    const std::string_view text = analysis.view(line);
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '|' || text[i] == '/') {
        pieces.push_back({line.start + start, line.start + i});
        start = i + 1;
      }
    }
    pieces.push_back({line.start + start, line.end});
    // Cut inside a word or a character: the matcher must answer these.
    if (line.end - line.start >= 2) {
      pieces.push_back({line.start + 1, line.end});
      pieces.push_back({line.start, line.end - 1});
    }
  }
  return pieces;
}

// The built-in automata (each rule's, and the bank's of all of them: ~29,000
// states) are the same as the dense construction Compile() replaced would
// build: state for state, byte for byte (PhraseMatcherTest has the small
// and the synthetic cases).
TEST(PhraseBankTest, BuiltinTablesEqualTheDenseConstructions) {
  const PhraseBank bank(Builtins().matchers);
  std::vector<const PhraseMatcher*> all = Builtins().matchers;
  all.push_back(&bank.combined());
  ASSERT_GT(bank.combined().state_count(), 10000u);
  for (const PhraseMatcher* m : all) {
    EXPECT_TRUE(m->TransitionsForTest() == m->ReferenceTransitionsForTest())
        << m->size() << " phrases, first \"" << (m->size() > 0 ? m->phrase(0) : "") << "\"";
  }
}

TEST(PhraseBankTest, EveryPieceOfEveryFixtureMatchesTheRulesOwnScan) {
  const BuiltinMatchers& b = Builtins();
  ASSERT_GE(b.matchers.size(), 5u) << "the phrase rules no longer take part in the shared scan";
  const PhraseBank bank(b.matchers);
  const std::vector<Article> articles = FixtureArticles();
  ASSERT_GT(articles.size(), 100u);
  size_t compared = 0, matched = 0;
  for (const Article& article : articles) {
    Analysis analysis(article);
    Install(analysis, bank);
    const std::vector<Span> pieces = Pieces(analysis);
    for (const PhraseMatcher* m : b.matchers) {
      for (const Span& piece : pieces) {
        const std::string_view text = analysis.view(piece);
        for (size_t base : {size_t{0}, piece.start}) {
          std::vector<PhraseMatch> own, shared = {PhraseMatch{99, {1, 2}}};
          m->FindAll(text, base, &own);
          own.insert(own.begin(), PhraseMatch{99, {1, 2}});  // appended after what was there
          FindPhrases(analysis, *m, text, base, &shared);
          ASSERT_EQ(shared, own) << article.id << " piece [" << piece.start << ", " << piece.end
                                 << ") \"" << text << "\"";
          matched += own.size() - 1;
        }
        ASSERT_EQ(ContainsPhrase(analysis, *m, text), m->ContainsAny(text))
            << article.id << " \"" << text << "\"";
        ++compared;
      }
    }
  }
  // The comparison must have exercised real matches, not only empty answers.
  EXPECT_GT(matched, 1000u);
  EXPECT_GT(compared, 10000u);
}

// A piece that cuts a word: the shared scan saw the letter before it and
// rejected the match, a scan of the piece alone accepts it. FindPhrases
// gives the piece-alone answer (it falls back to the matcher).
TEST(PhraseBankTest, PiecesThatCutAWordGetTheAnswerOfTheirOwnScan) {
  const PhraseMatcher matcher(std::vector<std::string_view>{"accept all", "cookies"});
  const PhraseBank bank({&matcher});
  Article article;
  article.text = "Xaccept all cookiesZ\nPlease accept all cookies.";
  Analysis analysis(article);
  Install(analysis, bank);
  const std::string_view text = analysis.text();
  const std::string_view cut = text.substr(1, 18);  // "accept all cookies" inside "X...Z"
  std::vector<PhraseMatch> got;
  FindPhrases(analysis, matcher, cut, 0, &got);
  const std::vector<PhraseMatch> want = {{0, {0, 10}}, {1, {11, 18}}};
  EXPECT_EQ(got, want);
  EXPECT_TRUE(ContainsPhrase(analysis, matcher, cut));
  // The whole first line: the letters around the phrases make them no match.
  got.clear();
  FindPhrases(analysis, matcher, text.substr(0, 20), 0, &got);
  EXPECT_TRUE(got.empty());
  EXPECT_FALSE(ContainsPhrase(analysis, matcher, text.substr(0, 20)));
  // The second line, from the shared scan, in article offsets.
  got.clear();
  FindPhrases(analysis, matcher, text.substr(21), 21, &got);
  const std::vector<PhraseMatch> second = {{0, {28, 38}}, {1, {39, 46}}};
  EXPECT_EQ(got, second);
}

// A piece cut inside a UTF-8 sequence and text that is not the article's
// (a copy) are answered by the matcher itself.
TEST(PhraseBankTest, CopiesAndPiecesInsideACharacterFallBack) {
  const PhraseMatcher matcher(std::vector<std::string_view>{"read more"});
  const PhraseBank bank({&matcher});
  Article article;
  article.text = "\u00e9read more";
  Analysis analysis(article);
  Install(analysis, bank);
  const std::string copy(analysis.text());
  std::vector<PhraseMatch> got;
  FindPhrases(analysis, matcher, copy, 0, &got);
  EXPECT_TRUE(got.empty());  // "é" is a letter: no word boundary
  got.clear();
  // Starting at the second byte of "é": a stray continuation byte, not a letter.
  FindPhrases(analysis, matcher, analysis.text().substr(1), 0, &got);
  EXPECT_EQ(got, matcher.FindAll(analysis.text().substr(1)));
  EXPECT_EQ(got.size(), 1u);
}

// Without a bank (a rule run outside an Engine) and with a matcher the bank
// does not hold, FindPhrases is the matcher's own scan.
TEST(PhraseBankTest, NoBankOrUnknownMatcherFallsBack) {
  const PhraseMatcher held(std::vector<std::string_view>{"sign up"});
  const PhraseMatcher other(std::vector<std::string_view>{"log in"});
  const PhraseBank bank({&held, &held});  // named twice, kept once
  EXPECT_EQ(bank.slot_count(), 1u);
  EXPECT_EQ(bank.SlotOf(&other), -1);
  Article article;
  article.text = "Sign up or log in to comment.";
  for (bool with_bank : {false, true}) {
    Analysis analysis(article);
    if (with_bank) Install(analysis, bank);
    std::vector<PhraseMatch> got;
    FindPhrases(analysis, other, analysis.text(), 0, &got);
    EXPECT_EQ(got, other.FindAll(analysis.text()));
    got.clear();
    FindPhrases(analysis, held, analysis.text(), 0, &got);
    EXPECT_EQ(got, held.FindAll(analysis.text()));
    EXPECT_EQ(got.size(), 1u);
  }
}

// Phrases shared by several matchers, overlapping phrases and phrases that
// fold to the same text: each slot keeps its own numbering and order.
TEST(PhraseBankTest, SlotsKeepTheirOwnNumberingAndOrder) {
  const PhraseMatcher a(std::vector<std::string_view>{"all cookies", "accept all cookies", "cookies"});
  const PhraseMatcher b(std::vector<std::string_view>{"cookies", "Cookies", "accept"});
  const PhraseBank bank({&a, &b});
  EXPECT_EQ(bank.phrase_count(), 6u);
  Article article;
  article.text = "We use cookies. Accept all cookies?";
  Analysis analysis(article);
  Install(analysis, bank);
  for (const PhraseMatcher* m : {&a, &b}) {
    std::vector<PhraseMatch> got;
    FindPhrases(analysis, *m, analysis.text(), 0, &got);
    EXPECT_EQ(got, m->FindAll(analysis.text()));
  }
  std::vector<PhraseMatch> got;
  FindPhrases(analysis, a, analysis.text(), 0, &got);
  // "cookies" at 7, then at the end: the longest first.
  const std::vector<PhraseMatch> want = {
      {2, {7, 14}}, {1, {16, 34}}, {0, {23, 34}}, {2, {27, 34}}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace newslint
