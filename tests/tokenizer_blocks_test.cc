// TokenizeInto's 64-byte block path against the byte loop that defines the
// tokens (TokenizeIntoReference): same spans, same shapes, for any text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "lint/analysis.h"
#include "lint/tokenizer_reference.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// Empty when the two agree, else the first difference.
std::string Diff(std::string_view text, size_t base = 1000) {
  std::vector<Token> fast, ref;
  fast.push_back({{7, 9}, TokenShape::kMixed});  // appends, keeps what is there
  ref.push_back({{7, 9}, TokenShape::kMixed});
  TokenizeInto(text, base, &fast);
  TokenizeIntoReference(text, base, &ref);
  for (size_t k = 0; k < fast.size() || k < ref.size(); ++k) {
    if (k >= fast.size() || k >= ref.size() || fast[k].span.start != ref[k].span.start ||
        fast[k].span.end != ref[k].span.end || fast[k].shape != ref[k].shape) {
      std::string d = "token " + std::to_string(k) + " of " + std::to_string(ref.size());
      if (k < ref.size()) {
        d += " ref [" + std::to_string(ref[k].span.start) + "," +
             std::to_string(ref[k].span.end) + ") shape " +
             std::to_string(static_cast<int>(ref[k].shape));
      }
      if (k < fast.size()) {
        d += " fast [" + std::to_string(fast[k].span.start) + "," +
             std::to_string(fast[k].span.end) + ") shape " +
             std::to_string(static_cast<int>(fast[k].shape));
      }
      return d;
    }
  }
  return "";
}

// Pieces that exercise every branch of the byte loop: ASCII letters of both
// cases, digits, the joiners in every role, spaces of every kind, UTF-8
// letters, marks, curly apostrophe, Unicode hyphens, invalid and cut UTF-8.
const std::vector<std::string_view> kPieces = {
    "a", "b", "s", "z", "A", "S", "Z", "0", "9", ".", ",", "'", "-", " ", "  ", "\t", "\n",
    "\r", "\v", "\f", std::string_view("\0", 1), "!", "\"", "(", ")", "/", ":", "@", "[", "`",
    "{", "~", "\x7F",
    "\u00A0", "\u2009", "\u3000", "\u200B", "\u00E9", "\u00C9", "\u2019", "\u2010", "\u2011",
    "\u00AD", "\u0301", "\u041C", "\u043C", "\u05E9", "\u4E2D", "\U0001F600", "\xFF", "\xC3",
    "\xE2\x80", "\x80", "word", "Word", "WORD", "1990", "U.S.", "a.m.", "Kyiv's", "1,200",
    "3.5", "long-term", "F-16", "1990-2000", "NATO\u2019s", "e-mail", "x"};

std::string RandomText(uint32_t* state, size_t pieces) {
  std::string s;
  for (size_t i = 0; i < pieces; ++i) {
    *state = *state * 1664525u + 1013904223u;
    s += kPieces[(*state >> 16) % kPieces.size()];
  }
  return s;
}

TEST(TokenizerBlocksTest, EdgeCases) {
  EXPECT_EQ(Diff(""), "");
  EXPECT_EQ(Diff(" "), "");
  EXPECT_EQ(Diff("a"), "");
  EXPECT_EQ(Diff("A."), "");
  for (size_t len : {1, 62, 63, 64, 65, 127, 128, 129, 1000, 100000}) {
    for (char c : {'a', 'Q', '7'}) {
      const std::string word(len, c);
      SCOPED_TRACE(len);
      EXPECT_EQ(Diff(word), "");
      EXPECT_EQ(Diff(" " + word + " "), "");
      EXPECT_EQ(Diff(word + "." + word), "");
      EXPECT_EQ(Diff(word + "'s"), "");
    }
  }
  // A very long line of short words and one of every piece.
  std::string line;
  for (int k = 0; k < 20000; ++k) line += "Police said 12 U.S. troops, long-term. ";
  EXPECT_EQ(Diff(line), "");
  std::string all;
  for (std::string_view p : kPieces) all += p;
  EXPECT_EQ(Diff(all), "");
}

// Every piece after 0..130 bytes of each kind of filler, followed by each
// kind of ending: words and joiners across the 64-byte block boundaries (and
// 8, 16 and 32).
TEST(TokenizerBlocksTest, EveryPieceAtEveryBlockOffset) {
  const std::vector<std::string_view> fillers = {" ", "a", "Z", "7", "ab ", ".", "\u00E9"};
  const std::vector<std::string_view> endings = {"", " ", "a", "7", ".", ",", ".7", ",a",
                                                 "'s", "-x", "\u2019s", "\u0301", "\u00E9"};
  for (std::string_view filler : fillers) {
    for (std::string_view piece : kPieces) {
      for (std::string_view ending : endings) {
        std::string s;
        for (size_t pad = 0; pad <= 130; ++pad) {
          std::string text = s + std::string(piece) + std::string(ending);
          ASSERT_EQ(Diff(text), "") << "filler '" << filler << "' pad " << pad << " piece '"
                                    << piece << "' ending '" << ending << "'";
          s += filler;
          if (s.size() > 130) break;
        }
      }
    }
  }
}

TEST(TokenizerBlocksTest, RandomText) {
  uint32_t state = 2026;
  for (int round = 0; round < 40000; ++round) {
    const std::string s = RandomText(&state, round % 120);
    ASSERT_EQ(Diff(s), "") << s;
  }
}

// Text mostly of bytes >= 0x80, where TokenizeInto runs the byte loop for
// stretches, with ASCII words and joiners in every position between.
TEST(TokenizerBlocksTest, MostlyNonAsciiText) {
  const std::vector<std::string_view> words = {
      "\u041C\u043E\u0441\u043A\u0432\u0430", "\u0422\u0410\u0421\u0421", "\u4E2D\u6587",
      "\u03B1\u0398", " ", "\n", "\u00A0", "\u2019", "\u0301"};
  uint32_t state = 99;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t target = 1 + static_cast<size_t>(round) % 1500;
    while (s.size() < target) {
      state = state * 1664525u + 1013904223u;
      if ((state >> 28) < 12) {
        s += words[(state >> 16) % words.size()];
      } else {
        s += kPieces[(state >> 16) % kPieces.size()];
      }
    }
    ASSERT_EQ(Diff(s), "") << s;
  }
}

// Every string of up to 6 bytes over joiners, letters, a digit, a space and
// a two-byte letter, alone and after 60 spaces (across the block boundary).
TEST(TokenizerBlocksTest, EveryShortString) {
  const std::string pad(60, ' ');
  ForEachStringOver("aZ9.,'- \xC3\xA9", 6, [&](std::string_view w) {
    ASSERT_EQ(Diff(w), "") << w;
    ASSERT_EQ(Diff(pad + std::string(w)), "") << w;
  });
}

TEST(TokenizerBlocksTest, FixtureText) {
  size_t bytes = 0;
  for (const Article& a : FixtureArticles()) {
    const std::string_view text(a.text);
    for (size_t offset = 0; offset < 64 && offset <= text.size(); ++offset) {
      ASSERT_EQ(Diff(text.substr(offset)), "") << a.id << " offset " << offset;
      bytes += text.size() - offset;
    }
  }
  EXPECT_GT(bytes, 100000u);  // the fixtures were found
  const size_t checked = ForEachFixtureSubstring(40, [](std::string_view s) {
    ASSERT_EQ(Diff(s), "") << s;
  });
  EXPECT_GT(checked, 10000u);
}

}  // namespace
}  // namespace newslint
