// Differential tests of the byte-level shortcuts in the garbled/ and links/
// rules (issue 9, round 5): a rule that skips a line, a paragraph or a
// whole article after a quick test of its bytes must report exactly what it
// reports when it reads everything.
//
// The reference is the rule itself on a text the shortcut cannot skip:
//   * garbled/invisible-characters decodes every line that has a byte of a
//     four-byte sequence, so "<line>é <emoji>" is read in full. The emoji is
//     no invisible character, and the "é" before it (in both texts) keeps
//     it from being any character's neighbour or the end of an ANSI escape
//     sequence ("\x1b[" takes any printable ASCII byte as its last);
//   * garbled/html-residue reads lines independently, so its findings on a
//     text are those on each line alone, shifted to the line's offset.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/link_signals.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// "<start>+<size> <message>" for each finding, in order.
std::vector<std::string> Describe(const std::vector<Finding>& findings, size_t shift = 0) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(std::to_string(f.span.start + shift) + "+" + std::to_string(f.span.size()) +
                  " " + f.message);
  }
  return out;
}

std::string Encode(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// A small deterministic generator (the test must not depend on a seed).
class Lcg {
 public:
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state_ >> 33);
  }

 private:
  uint64_t state_ = 0x9E3779B97F4A7C15ull;
};

const std::string kEnd = "\u00e9";         // a letter, never flagged, in no escape sequence
const std::string kEmoji = " \U0001F600";  // read in full, flagged never

TEST(InvisibleCharactersPrefilterTest, EveryCodePointAsInAFullDecode) {
  auto rule = MakeInvisibleCharactersRule();
  std::vector<char32_t> cps;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp < 0xD800 || cp > 0xDFFF) cps.push_back(cp);
  }
  // The supplementary planes: the edges of each plane (noncharacters
  // U+xFFFE, U+xFFFF), the tag and variation-selector blocks, private use.
  for (char32_t plane = 1; plane <= 16; ++plane) {
    for (char32_t low = 0; low < 0x100; ++low) cps.push_back(plane << 16 | low);
    for (char32_t low = 0xFF00; low <= 0xFFFF; ++low) cps.push_back(plane << 16 | low);
  }
  for (char32_t cp = 0xE0100; cp <= 0xE01FF; ++cp) cps.push_back(cp);
  size_t flagged = 0;
  for (char32_t cp : cps) {
    for (const std::string& text : {"a" + Encode(cp) + "b", "said " + Encode(cp) + " the",
                                    Encode(cp) + "x", "x" + Encode(cp)}) {
      const auto fast = Describe(RunRule(*rule, text + kEnd));
      const auto full = Describe(RunRule(*rule, text + kEnd + kEmoji));
      ASSERT_EQ(fast, full) << "U+" << std::hex << static_cast<uint32_t>(cp);
      flagged += fast.empty() ? 0 : 1;
    }
  }
  // The comparison means something: thousands of them are flagged.
  EXPECT_GT(flagged, 10000u);
}

TEST(InvisibleCharactersPrefilterTest, RandomBytesAsInAFullDecode) {
  // Lines of the bytes the prefilter looks at (lead bytes, continuation
  // bytes, controls) among letters, so ill-formed and cut sequences come up.
  const std::string alphabet =
      std::string("ab \t\x01\x1b[m\r\x7f") + "\x80\x81\x8b\x8e\x8f\x90\x93\x9c\x9d\xa0\xa4\xa6"
      "\xa8\xa9\xad\xae\xb7\xb8\xb9\xbb\xbc\xbf\xc2\xc3\xd8\xe1\xe2\xe3\xee\xef\xf0\xf3\xf4";
  auto rule = MakeInvisibleCharactersRule();
  Lcg rng;
  size_t flagged = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string line;
    const size_t len = 1 + rng.Next() % 6;
    for (size_t k = 0; k < len; ++k) line += alphabet[rng.Next() % alphabet.size()];
    const auto fast = Describe(RunRule(*rule, line + kEnd));
    const auto full = Describe(RunRule(*rule, line + kEnd + kEmoji));
    ASSERT_EQ(fast, full) << "line of " << line.size() << " bytes, case " << n;
    flagged += fast.empty() ? 0 : 1;
  }
  EXPECT_GT(flagged, 1000u);
}

TEST(InvisibleCharactersPrefilterTest, TypographicTextIsStillCleanAndStillRead) {
  auto rule = MakeInvisibleCharactersRule();
  // Curly quotes, dashes, no-break spaces, Cyrillic, CJK: nothing to flag.
  EXPECT_TRUE(RunRule(*rule, "\u201cYes,\u201d she said \u2014 it\u2019s 5\u00a0km \u2013 "
                             "\u041c\u043e\u0441\u043a\u0432\u0430 \u6771\u4eac\uff08\u5171\uff09")
                  .empty());
  // The same line with one zero-width space is read and flagged.
  EXPECT_EQ(RunRule(*rule, "\u201cYes,\u201d she said\u200b \u2014 it\u2019s").size(), 1u);
}

std::vector<std::string> HtmlResidueByLine(const Rule& rule, const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    for (std::string& d : Describe(RunRule(rule, text.substr(start, end - start)), start)) {
      out.push_back(std::move(d));
    }
    start = end + 1;
  }
  return out;
}

TEST(HtmlResiduePrefilterTest, WholeTextAsLineByLine) {
  auto rule = MakeHtmlResidueRule();
  const std::vector<std::string> pieces = {
      "Prices rose&nbsp;sharply", "<p>The council met", "no markup here", "",
      "AT&T and Q&A", "the end</p>", "&amp;", "<br>", "a\r", "x &#8217; y <b>bold</b>",
      "&lt;div&gt;", "<!-- c -->", "plain", "tail &", "<br><br>&nbsp;&nbsp;x",
      "a&amp;&lt;b <i>&</i>"};
  Lcg rng;
  size_t compared = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const size_t lines = 1 + rng.Next() % 6;
    for (size_t k = 0; k < lines; ++k) {
      if (k > 0) text += '\n';
      text += pieces[rng.Next() % pieces.size()];
    }
    const auto whole = Describe(RunRule(*rule, text));
    ASSERT_EQ(whole, HtmlResidueByLine(*rule, text)) << text;
    compared += whole.size();
  }
  EXPECT_GT(compared, 1000u);
  // Residues back to back: each is found where the one before ends.
  EXPECT_EQ(Describe(RunRule(*rule, "x <br><br>&nbsp;&nbsp;x a&amp;&lt;b c")),
            (std::vector<std::string>{
                "2+4 HTML tag \"<br>\" left in the article text",
                "6+4 HTML tag \"<br>\" left in the article text",
                "10+6 HTML named character reference \"&nbsp;\" left in the article text; it "
                "stands for a no-break space",
                "16+6 HTML named character reference \"&nbsp;\" left in the article text; it "
                "stands for a no-break space",
                "25+5 HTML named character reference \"&amp;\" left in the article text; it "
                "stands for \"&\"",
                "30+4 HTML named character reference \"&lt;\" left in the article text; it "
                "stands for \"<\""}));
  // Entities right after a line break, at the start and at the very end.
  EXPECT_EQ(Describe(RunRule(*rule, "no\n&nbsp;x\nplain\nthe&nbsp;")).size(), 2u);
  EXPECT_EQ(Describe(RunRule(*rule, "&nbsp;x")).size(), 1u);
}

TEST(UnbalancedBracketsPrefilterTest, FullWidthAndLenticularBracketsAreRead) {
  auto rule = MakeUnbalancedBracketsRule();
  // Only a lenticular bracket (lead byte 0xE3) or only a full-width one
  // (0xEF): the byte test must let the paragraph through.
  EXPECT_EQ(RunRule(*rule, "\u3010\u901f\u5831 \u4e2d\u56fd is here.").size(), 1u);
  EXPECT_EQ(RunRule(*rule, "\u5171\u540c\uff09 is here.").size(), 1u);
  // A bracket carried over a line break into the next paragraph, and one
  // whose next paragraph has no bracket at all.
  EXPECT_TRUE(RunRule(*rule, "The plan (which the council\nbacked) passed.").empty());
  EXPECT_EQ(RunRule(*rule, "The plan (which the council\nbacked it passed.").size(), 1u);
  EXPECT_TRUE(RunRule(*rule, "No brackets here.\nNor here.").empty());
}

TEST(SuspiciousUrlScanTest, UrlsInTextWhereverTheyStand) {
  auto rule = MakeSuspiciousUrlRule();
  auto spans = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Finding& f : RunRule(*rule, text)) {
      out.push_back(text.substr(f.span.start, f.span.size()));
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(spans("bit.ly/abc1 at the start"), V{"bit.ly/abc1"});
  EXPECT_EQ(spans("ends with bit.ly/abc1"), V{"bit.ly/abc1"});
  EXPECT_EQ(spans("U.S. officials: bit.ly/abc1, and e.g. http://1.2.3.4/x."),
            (V{"bit.ly/abc1", "http://1.2.3.4/x"}));
  EXPECT_EQ(spans("see\tbit.ly/abc1\nand\r\n(bit.ly/abc2)"), (V{"bit.ly/abc1", "bit.ly/abc2"}));
  EXPECT_EQ(spans("a.b.c bit.ly/abc1 x.y bit.ly/abc2"), (V{"bit.ly/abc1", "bit.ly/abc2"}));
  EXPECT_EQ(spans("no dots at all here bit"), V{});
  EXPECT_EQ(spans("\x01" "bit.ly/abc1"), V{"bit.ly/abc1"});  // a control byte splits chunks
}

// garbled/sentence-fragment lower-cases a sentence's words only when it is
// short enough to be a verbless fragment: the limit is inclusive.
TEST(SentenceFragmentWordsTest, ShortMeansAtMostMaxFragmentWords) {
  auto rule = MakeSentenceFragmentRule();
  auto kind = [&](const std::string& text, int64_t max_words) {
    std::vector<Finding> f = RunRule(*rule, text, {{"max-fragment-words", max_words}});
    if (f.size() != 1) return std::string("findings: ") + std::to_string(f.size());
    return std::get<std::string>(*EvidenceOf(f[0], "kind"));
  };
  const std::string four = "The talks ended with Moscow. to deal with it.";
  EXPECT_EQ(kind(four, 4), "verbless-fragment");
  EXPECT_EQ(kind(four, 3), "lower-case-start");
  EXPECT_EQ(kind("The talks ended with Moscow. to deal with it now.", 4), "lower-case-start");
  EXPECT_EQ(kind("The talks ended with Moscow. For the.", 4), "verbless-fragment");
  EXPECT_EQ(kind("The talks ended with Moscow. For the.", 2), "verbless-fragment");
  EXPECT_EQ(kind("The talks ended with Moscow. For the.", 1), "findings: 0");
}

// garbled/grammar asks whether only white space separates two tokens when a
// signal looks at them (not for every token ahead): a "/" between the words
// still blocks every signal.
TEST(GrammarSpaceBeforeTest, OnlyWhiteSpaceJoinsTheWords) {
  auto rule = MakeGrammarRule();
  auto count = [&](const std::string& text) { return RunRule(*rule, text).size(); };
  EXPECT_EQ(count("He decided to went home."), 1u);
  EXPECT_EQ(count("He decided to\u00a0went home."), 1u);  // a no-break space is white space
  EXPECT_EQ(count("He decided to/went home."), 0u);
  EXPECT_EQ(count("He decided/to went home."), 0u);
  EXPECT_EQ(count("We saw the a thing there."), 1u);
  EXPECT_EQ(count("We saw the/a thing there."), 0u);
  EXPECT_EQ(count("We saw the a/thing there."), 0u);
  EXPECT_EQ(count("They is here today."), 1u);
  EXPECT_EQ(count("They/is here today."), 0u);
}

// ScoreSpam stops reading a text once it has more than kMaxAnchorWords
// words: up to the limit it scores, past it it never does, however the
// words are separated.
TEST(SpamScorePrefilterTest, WordLimitAsDocumented) {
  static_assert(links::kMaxAnchorWords == 10);
  const std::string spam = "cheap viagra pills";  // 3 words
  ASSERT_TRUE(links::ScoreSpam(spam).spam());
  for (const std::string& sep : {" ", " - ", ", ", "/", " @ ", "\t"}) {
    std::string text = spam;
    for (int words = 4; words <= 12; ++words) {
      text += sep + "aa";
      EXPECT_EQ(links::ScoreSpam(text).spam(), words <= 10) << words << " words: " << text;
      EXPECT_EQ(links::ScoreSpam(text + ".").spam(), words <= 10) << text;
      EXPECT_EQ(links::MatchWords(text).size(), static_cast<size_t>(words)) << text;
    }
  }
}

}  // namespace
}  // namespace newslint
