// Unit tests of the Quotations view (lint/quotations.h): which marks open and
// close, how they pair and nest, the paragraphs a quotation runs over, and
// the problems it records. The rule on top of it is tested in
// unbalanced_quotes_test.cc.

#include "lint/quotations.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "lint/analysis.h"

namespace newslint {
namespace {

struct Fixture {
  explicit Fixture(std::string text) {
    article.text = std::move(text);
    analysis = std::make_unique<Analysis>(article);
  }
  const Quotations& q() { return analysis->Shared<Quotations>(); }
  std::string View(Span s) { return std::string(analysis->view(s)); }

  // "content" for each quotation, with its level when nested ("1:no") and
  // "+" before / after a part that continues / is continued.
  std::vector<std::string> Contents() {
    std::vector<std::string> out;
    for (const Quotation& quote : q().quotations()) {
      std::string s;
      if (quote.continues) s += "+";
      if (quote.level > 0) s += std::to_string(quote.level) + ":";
      s += View(quote.content);
      if (quote.continued) s += "+";
      out.push_back(s);
    }
    return out;
  }
  // "kind mark" for each problem: "unclosed “", "unopened ”", "mismatched „»".
  std::vector<std::string> Problems() {
    std::vector<std::string> out;
    for (const QuoteProblem& p : q().problems()) {
      switch (p.kind) {
        case QuoteProblemKind::kUnclosed:
          out.push_back("unclosed " + View(p.mark.span));
          break;
        case QuoteProblemKind::kUnopened:
          out.push_back("unopened " + View(p.mark.span));
          break;
        case QuoteProblemKind::kMismatched:
          out.push_back("mismatched " + View(p.opening->span) + View(p.mark.span));
          break;
      }
    }
    return out;
  }

  Article article;
  std::unique_ptr<Analysis> analysis;
};

using V = std::vector<std::string>;

std::vector<std::string> Contents(const std::string& text) { return Fixture(text).Contents(); }
std::vector<std::string> Problems(const std::string& text) { return Fixture(text).Problems(); }

TEST(QuotationsTest, PairsCurlyAndStraightMarks) {
  EXPECT_EQ(Contents("He said \u201cyes\u201d today."), V{"yes"});
  EXPECT_EQ(Contents("\"Go,\" he said. \"Now.\""), (V{"Go,", "Now."}));
  EXPECT_EQ(Contents("\" Nous partons \", a-t-il dit."), V{" Nous partons "});
  EXPECT_EQ(Contents("Dwayne \"The Rock\" Johnson"), V{"The Rock"});
  EXPECT_EQ(Contents("He said:\"No.\"Then he left."), V{"No."});
}

TEST(QuotationsTest, SpansOfMarksAndContent) {
  Fixture f("A \u201cb\u201d c");
  ASSERT_EQ(f.q().quotations().size(), 1u);
  const Quotation& quote = f.q().quotations()[0];
  ASSERT_TRUE(quote.open && quote.close);
  EXPECT_EQ(quote.open->span, (Span{2, 5}));
  EXPECT_EQ(quote.open->glyph, QuoteGlyph::kLeftDouble);
  EXPECT_EQ(quote.close->span, (Span{6, 9}));
  EXPECT_EQ(quote.close->glyph, QuoteGlyph::kRightDouble);
  EXPECT_EQ(quote.content, (Span{5, 6}));
  EXPECT_EQ(quote.family, QuoteFamily::kDouble);
  EXPECT_EQ(quote.paragraph, 0u);
  EXPECT_EQ(quote.first, 0u);
}

TEST(QuotationsTest, NestsQuotations) {
  EXPECT_EQ(Contents("\u201cHe said \u2018no\u2019 twice,\u201d she said."),
            (V{"He said \u2018no\u2019 twice,", "1:no"}));
  // British style: single outside, double inside.
  EXPECT_EQ(Contents("\u2018He called it \u201cmadness\u201d,\u2019 she said."),
            (V{"He called it \u201cmadness\u201d,", "1:madness"}));
  // Straight doubles nested in curly ones.
  EXPECT_EQ(Contents("\u201cHe called it \"madness,\" and left,\u201d she said."),
            (V{"He called it \"madness,\" and left,", "1:madness,"}));
  EXPECT_EQ(Contents("\"'Yes,' he said,\" she wrote."), (V{"'Yes,' he said,", "1:Yes,"}));
}

TEST(QuotationsTest, ApostrophesAreNotMarks) {
  for (const char* text : {
           "The players\u2019 union met in the \u201990s.",
           "Rock \u2019n\u2019 roll and O\u2019Neill don\u2019t mix, Kosovo\u2019s envoy said.",
           "The players' union met in the '90s; rock 'n' roll, O'Neill, 'em.",
           "Ma\u2019am, it\u2019s the Joneses\u2019 car and the boss\u2019 office.",
           "The 1990's were good, and the dog\u2018s bowl too.",
           "\u2019Tis the season, and \u2018til then we wait.",
           "L\u2019adjoint d\u2019Aujourd\u2019hui, geht\u2019s, Hans\u2019 Auto.",
       }) {
    Fixture f(text);
    EXPECT_TRUE(f.q().quotations().empty()) << text;
    EXPECT_TRUE(f.q().problems().empty()) << text;
    EXPECT_EQ(f.q().paragraph(0).opening, 0) << text;
    EXPECT_EQ(f.q().paragraph(0).closing, 0) << text;
  }
}

TEST(QuotationsTest, SingleQuotesPreferTheSurestClosingMark) {
  EXPECT_EQ(Contents("\u2018The players\u2019 union is strong,\u2019 he said."),
            V{"The players\u2019 union is strong,"});
  EXPECT_EQ(Contents("\u2018Fine\u2019 and the players\u2019 union."), V{"Fine"});
  EXPECT_EQ(Contents("the so-called 'peace dividend' was spent"), V{"peace dividend"});
}

TEST(QuotationsTest, FeetAndInches) {
  Fixture f("He is 5'11\" and she is 6\u20192\u201d, with a 12\" record.");
  EXPECT_TRUE(f.q().quotations().empty());
  EXPECT_TRUE(f.q().problems().empty());
  // The quotation needs a closing mark and a later one is there: inches.
  EXPECT_EQ(Contents("\"He's 6'2\",\" the coach said."), V{"He's 6'2\","});
  EXPECT_EQ(Contents("\u201cHe\u2019s 6\u20195\u201d,\u201d the coach said."),
            V{"He\u2019s 6\u20195\u201d,"});
  EXPECT_TRUE(Problems("\u201cHe\u2019s 6\u20195\u201d.").empty());
  // No later closing mark: the " after the digit closes.
  EXPECT_EQ(Contents("\"Apollo 13\" and \"Gravity\" won."), (V{"Apollo 13", "Gravity"}));
  EXPECT_EQ(Contents("the film \u201cApollo 13\u201d and \u201cGravity\u201d"),
            (V{"Apollo 13", "Gravity"}));
}

TEST(QuotationsTest, FrenchGermanAndOtherStyles) {
  EXPECT_EQ(Contents("\u00ab\u00a0Non\u00a0\u00bb, a-t-il dit."), V{"\u00a0Non\u00a0"});
  EXPECT_EQ(Contents("\u00abNon\u00bb, a-t-il dit."), V{"Non"});
  EXPECT_EQ(Contents("Er sagte: \u201eDas ist \u201agut\u2018.\u201c Dann ging er."),
            (V{"Das ist \u201agut\u2018.", "1:gut"}));
  EXPECT_EQ(Contents("Sie sagte: \u00bbWir kommen wieder\u00ab."), V{"Wir kommen wieder"});
  EXPECT_EQ(Contents("Napisa\u0142: \u201eDzi\u0119kujemy\u201d."), V{"Dzi\u0119kujemy"});
  EXPECT_EQ(Contents("Hon sa: \u201dVi kommer\u201d."), V{"Vi kommer"});
  EXPECT_EQ(Contents("\u300c\u4f60\u597d\u300d"), V{"\u4f60\u597d"});
  Fixture f("Er sagte: \u201eDas ist gut.\u201c");
  ASSERT_EQ(f.q().quotations().size(), 1u);
  EXPECT_EQ(f.q().quotations()[0].close->glyph, QuoteGlyph::kLeftDouble);
}

TEST(QuotationsTest, SeparatorsAndMojibakeAreNotMarks) {
  for (const char* text : {
           "Home \u00bb World \u00bb Europe",
           "Read this story in the app \u00bb",
           "Home \u203a Politics \u203a Council",
           "The vote \u00e2\u20ac\u201d the first since 2019 \u00e2\u20ac\u201d was close.",
           "The 2019\u00e2\u20ac\u201c2020 season ended early.",
           "\u00ef\u00bb\u00bfWASHINGTON (AP) The Senate voted.",
           "It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s the third ruling.",
           "Visit https://example.org/search?q=\"flood for the list.",
           "\u05d3\u05d5\u05d1\u05e8 \u05e6\u05d4\"\u05dc \u05d0\u05de\u05e8.",
       }) {
    Fixture f(text);
    EXPECT_TRUE(f.q().problems().empty()) << text;
  }
  // A word may end in \u00c3: the mark after it is a mark.
  EXPECT_EQ(Contents("The song \u201cAMANH\u00c3\u201d topped the charts."), V{"AMANH\u00c3"});
}

TEST(QuotationsTest, CodeParagraphsAreSkipped) {
  Fixture f("<img src=\"a.jpg alt=\"x\">\nHe said \u201cyes\u201d.");
  EXPECT_TRUE(f.q().paragraph(0).skipped);
  EXPECT_FALSE(f.q().paragraph(1).skipped);
  EXPECT_EQ(f.q().problems().size(), 0u);
  EXPECT_EQ(f.q().quotations().size(), 1u);
  EXPECT_TRUE(LooksLikeCode("{\"a\": 1, \"b\": [2]}"));
  EXPECT_TRUE(LooksLikeCode("[caption id=\"attachment_1\" align=\"none\"]"));
  EXPECT_TRUE(LooksLikeCode("const f = (x) => x;"));
  EXPECT_FALSE(LooksLikeCode("He said \u201cyes\u201d (twice) = a lot; see [1]."));
}

// Each sign of code on its own, at the start, in the middle and at the end
// of a paragraph, and the news text that comes close to them.
TEST(QuotationsTest, LooksLikeCodeSignsAnywhereInTheParagraph) {
  for (const char* code : {"</p>", "<br/>", "x => y", "href=\"a\"", "<!-- ad -->", "init();",
                           "if (a){", "{ color: red; }", "{ width = 3 }", "{\"k\":1}"}) {
    const std::string c = code;
    EXPECT_TRUE(LooksLikeCode(c)) << c;
    EXPECT_TRUE(LooksLikeCode("The page read " + c)) << c;
    EXPECT_TRUE(LooksLikeCode(c + " and more")) << c;
  }
  for (const char* prose :
       {"Scores rose 3<4 in the poll.", "He wrote a/b testing in {curly} braces.",
        "The vote was 5 = 5 on Tuesday.", "It ended (finally).", "A { lone brace",
        "She said: \"No.\"", "The score: 2 > 1; final", "</ 3 spaces", "x =\"", "<!- almost"}) {
    EXPECT_FALSE(LooksLikeCode(prose)) << prose;
  }
}

TEST(QuotationsTest, NewsConventionContinuesAcrossParagraphs) {
  Fixture f(
      "\u201cWe heard every side,\u201d she said. \u201cThe ferry stays.\n"
      "\n"
      "\u201cIt is how the doctor gets there.\n"
      "\u201cSo we kept it.\u201d\n"
      "The vote was 7-2.");
  EXPECT_EQ(f.Contents(), (V{"We heard every side,", "The ferry stays.+",
                             "+It is how the doctor gets there.+", "+So we kept it."}));
  EXPECT_TRUE(f.q().problems().empty());
  const auto& qs = f.q().quotations();
  EXPECT_EQ(qs[2].first, 1u);
  EXPECT_EQ(qs[3].first, 1u);
  EXPECT_EQ(qs[3].paragraph, 2u);
  EXPECT_EQ(qs[2].open->glyph, QuoteGlyph::kLeftDouble);
  EXPECT_FALSE(f.q().paragraph(0).continues);
  EXPECT_TRUE(f.q().paragraph(0).continued);
  EXPECT_TRUE(f.q().paragraph(1).continues);
  EXPECT_TRUE(f.q().paragraph(2).continues);
  EXPECT_FALSE(f.q().paragraph(2).continued);
  EXPECT_FALSE(f.q().paragraph(3).continues);
  // The reopening mark counts as an opening mark of its paragraph.
  EXPECT_EQ(f.q().paragraph(1).opening, 1);
  EXPECT_EQ(f.q().paragraph(1).closing, 0);
  EXPECT_EQ(f.q().paragraph(0).opening, 2);
  EXPECT_EQ(f.q().paragraph(0).closing, 1);
  // Straight marks, British single quotes and French guillemets de suite.
  EXPECT_TRUE(Problems("\"We will.\n\"We did.\"").empty());
  EXPECT_TRUE(Problems("\u2018We will.\n\u2018We did.\u2019").empty());
  EXPECT_TRUE(Problems("\u00ab Nous irons.\n\u00bb Nous sommes all\u00e9s. \u00bb").empty());
}

TEST(QuotationsTest, LastPartMustClose) {
  Fixture f("\u201cWe will.\n\u201cWe did, she said.\nThe end.");
  EXPECT_EQ(f.Problems(), V{"unclosed \u201c"});
  ASSERT_EQ(f.q().problems().size(), 1u);
  EXPECT_TRUE(f.q().problems()[0].continues);
  EXPECT_EQ(f.q().problems()[0].paragraph, 1u);
  EXPECT_EQ(f.q().problems()[0].quotation, 1u);
}

TEST(QuotationsTest, VerseAndLineBreaksCarryAQuotation) {
  Fixture f(
      "She read:\n\u201cThe grey boat leaves at seven,\nand the gulls go with it,\n"
      "and the island waits.\u201d\nThe council voted.");
  EXPECT_TRUE(f.q().problems().empty());
  EXPECT_EQ(f.Contents(), (V{"The grey boat leaves at seven,+", "+and the gulls go with it,+",
                             "+and the island waits."}));
  EXPECT_FALSE(f.q().quotations()[1].open.has_value());
  EXPECT_EQ(f.q().quotations()[2].first, 0u);
  // A line that trails off, and a scraper's <br> inside a sentence.
  EXPECT_TRUE(Problems("\u201cWe will\u2026\n\u2026fight on,\u201d he said.").empty());
  EXPECT_TRUE(Problems("\u201cWe will fight on\nand we will win,\u201d he said.").empty());
  // Verse whose first line ends a sentence: the quotation ends the last line.
  EXPECT_TRUE(Problems("\u201cI counted the gulls.\nThe sea said nothing.\u201d").empty());
  // Short sentences of prose: a quotation closed inside a sentence is not
  // the end of a poem.
  EXPECT_EQ(Problems("He said \"no.\nShe said it was over\" and left."),
            (V{"unclosed \"", "unopened \""}));
  // A long line of prose between the lines of verse ends the carry.
  EXPECT_EQ(Problems("\u201cThe grey boat leaves at seven,\n"
                     "and then the council, after a long debate that lasted until well past "
                     "midnight, voted to keep it\n"
                     "and the island waits.\u201d"),
            (V{"unclosed \u201c", "unopened \u201d"}));
}

TEST(QuotationsTest, ProseParagraphsDoNotCancelOut) {
  EXPECT_EQ(Problems("\u201cWe will not sign an agreement that cuts pay, the union said on "
                     "Monday.\nThe minister said the offer was fair and final.\u201d Talks end."),
            (V{"unclosed \u201c", "unopened \u201d"}));
}

TEST(QuotationsTest, RecordsProblems) {
  EXPECT_EQ(Problems("\u201cWe will not sign, the union said."), V{"unclosed \u201c"});
  EXPECT_EQ(Problems("The minister said it was final.\u201d Talks end."), V{"unopened \u201d"});
  EXPECT_EQ(Problems("It cost millions\" every day."), V{"unopened \""});
  EXPECT_EQ(Problems("Er sagte: \u201eWir sind bereit\u00bb, und ging."),
            V{"mismatched \u201e\u00bb"});
  EXPECT_EQ(Problems("\u00abNous partons\u201d, a-t-il dit."), V{"mismatched \u00ab\u201d"});
  // A nested quotation left open when the outer one closes.
  EXPECT_EQ(Problems("\u201cHe said \"stop and left,\u201d she said."), V{"unclosed \""});
  Fixture f("A \u201eb\u00bb c.");
  ASSERT_EQ(f.q().quotations().size(), 1u);
  EXPECT_TRUE(f.q().quotations()[0].mismatched);
  EXPECT_EQ(f.q().problems()[0].quotation, 0u);
  EXPECT_EQ(f.q().paragraph(0).opening, 1);
  EXPECT_EQ(f.q().paragraph(0).closing, 1);
}

TEST(QuotationsTest, SingleMarksAreProblemsOnlyWhenUnmistakable) {
  EXPECT_EQ(Problems("\u2018This is the end, the driver said."), V{"unclosed \u2018"});
  EXPECT_EQ(Problems("We are not moving,\u2019 the tenants said."), V{"unopened \u2019"});
  EXPECT_EQ(Problems("We are not moving.\u2019 The tenants left."), V{"unopened \u2019"});
  for (const char* text : {
           "\u2018The players\u2019 union, the driver said.",  // a candidate closer
           "'This is the end, the driver said.",               // straight: never
           "Allies of the U.S.\u2019 said so.",                // a possessive
           "The goin\u2019 is tough.",
           "\u201aGut, sagte er.",
       }) {
    EXPECT_TRUE(Problems(text).empty()) << text;
  }
}

TEST(QuotationsTest, GuillemetsNeedASentence) {
  EXPECT_TRUE(Problems("\u00ab Previous").empty());
  EXPECT_TRUE(Problems("\u00bbMehr lesen").empty());
  EXPECT_EQ(Problems("\u00ab Nous ne c\u00e9derons pas, a d\u00e9clar\u00e9 le maire."),
            V{"unclosed \u00ab"});
}

// At() by its definition: of the quotations whose content holds the
// offset, the deepest, and of equally deep ones the last.
const Quotation* NaiveAt(const Quotations& q, size_t offset) {
  const Quotation* best = nullptr;
  for (const Quotation& x : q.quotations()) {
    if (offset >= x.content.start && offset < x.content.end && (!best || x.level >= best->level)) {
      best = &x;
    }
  }
  return best;
}

// A paragraph of many quotations takes At() through an index of its
// content edges (Quotations::AtIndex); every offset must get the answer of
// the definition, nested, unclosed, continued and carried parts included.
TEST(QuotationsTest, AtOverManyQuotationsAgreesWithTheDefinition) {
  std::mt19937 rng(20261201);
  const std::vector<std::string> pieces = {
      "\u201c", "\u201d", "\u2018", "\u2019", "\"", " ", "word ", "a ", ", ", ". ", "\n\n",
      "\u00ab", "\u00bb", "'s "};
  size_t indexed = 0;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const size_t n = std::uniform_int_distribution<size_t>(20, 600)(rng);
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    Fixture f(text);
    for (size_t p = 0; p < f.q().paragraph_count(); ++p) indexed += f.q().In(p).size() >= 16;
    for (size_t offset = 0; offset <= text.size(); ++offset) {
      ASSERT_EQ(f.q().At(offset), NaiveAt(f.q(), offset)) << round << " at " << offset;
    }
  }
  EXPECT_GT(indexed, 50u);  // paragraphs that took the index
}

TEST(QuotationsTest, AtFindsTheInnermostQuotation) {
  const std::string text = "x \u201ca \u2018b\u2019 c\u201d y";
  Fixture f(text);
  ASSERT_EQ(f.q().quotations().size(), 2u);
  EXPECT_EQ(f.q().At(0), nullptr);
  const Quotation* outer = f.q().At(text.find('a'));
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(outer->level, 0);
  const Quotation* inner = f.q().At(text.find('b'));
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->level, 1);
  EXPECT_EQ(f.q().At(text.find('y')), nullptr);
  EXPECT_EQ(f.q().In(0).size(), 2u);
}

TEST(QuotationsTest, Helpers) {
  EXPECT_TRUE(EndsLikeSentence("He said \u201cyes.\u201d"));
  EXPECT_TRUE(EndsLikeSentence("(Really?)"));
  EXPECT_FALSE(EndsLikeSentence("He said \u201cyes"));
  EXPECT_FALSE(EndsLikeSentence(""));
  const std::string p = "See (https://example.org/a_(b)), or www.example.com/x.";
  std::vector<Span> urls = FindUrlSpans(p);
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_EQ(p.substr(urls[0].start, urls[0].size()), "https://example.org/a_(b)");
  EXPECT_EQ(p.substr(urls[1].start, urls[1].size()), "www.example.com/x");
  urls = FindUrlSpans("Write to \u201cnews@example.org\u201d.");
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_EQ(QuoteGlyphName(QuoteGlyph::kLowDouble), "low-double");
  EXPECT_EQ(FamilyOf(QuoteGlyph::kRightSingleGuillemet), QuoteFamily::kSingleGuillemet);
  EXPECT_FALSE(QuoteGlyphOf(U'\u2033').has_value());  // a double prime
}

}  // namespace
}  // namespace newslint
