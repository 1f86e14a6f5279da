// Unit tests of garbled/invisible-characters: which contexts make an invisible
// code point legitimate, spans of runs, fixes and evidence. The fixtures
// (fixtures/garbled/invisible-characters*) cover articles.

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text) {
  return RunRule(*MakeInvisibleCharactersRule(), text);
}

// "<byte offset>+<length> -> <fix>" for each finding ("<none>" without a fix).
std::vector<std::string> Flags(const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(text)) {
    out.push_back(std::to_string(f.span.start) + "+" + std::to_string(f.span.size()) + " -> " +
                  (f.fix ? "\"" + f.fix->text + "\"" : "<none>"));
  }
  return out;
}

const EvidenceValue* Get(const Finding& f, const std::string& key) { return EvidenceOf(f, key); }

using V = std::vector<std::string>;

TEST(InvisibleCharactersTest, FlagsZeroWidthAndFormatCharacters) {
  EXPECT_EQ(Flags("minis\u200bter"), V{"5+3 -> \"\""});         // ZWSP
  EXPECT_EQ(Flags("a\u2060b"), V{"1+3 -> \"\""});               // word joiner
  EXPECT_EQ(Flags("said\ufeff the"), V{"4+3 -> \"\""});         // BOM mid-text
  EXPECT_EQ(Flags("\ufeffThe text"), V{"0+3 -> \"\""});         // BOM opening a record
  EXPECT_EQ(Flags("Bundes\u00adregierung"), V{"6+2 -> \"\""});  // soft hyphen
  EXPECT_EQ(Flags("book\u200cshop"), V{"4+3 -> \"\""});         // ZWNJ between Latin letters
  EXPECT_EQ(Flags("a\u200db"), V{"1+3 -> \"\""});               // ZWJ between Latin letters
  EXPECT_EQ(Flags("x\u2062y"), V{"1+3 -> \"\""});               // invisible times
  EXPECT_EQ(Flags("photo \ufffc shows"), V{"6+3 -> \"\""});     // object replacement
  EXPECT_EQ(Flags("won \ufe0f today"), V{"4+3 -> \"\""});       // orphaned VS16
  EXPECT_EQ(Flags("a\ufe0f"), V{"1+3 -> \"\""});                // VS after a Latin letter
}

TEST(InvisibleCharactersTest, LeavesLegitimateUses) {
  EXPECT_EQ(Flags("\U0001F468\u200d\U0001F469\u200d\U0001F467"), V{});        // emoji ZWJ sequence
  EXPECT_EQ(Flags("\u2764\ufe0f\u200d\U0001F525"), V{});                      // VS16 then ZWJ
  EXPECT_EQ(Flags("\U0001F3F3\ufe0f\u200d\U0001F308"), V{});                  // rainbow flag
  EXPECT_EQ(Flags("1\ufe0f\u20e3 and \u263a\ufe0e"), V{});                    // keycap, text style
  EXPECT_EQ(Flags("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"), V{});  // Persian ZWNJ
  EXPECT_EQ(Flags("\u0915\u094d\u200d\u0937"), V{});                          // Devanagari ZWJ
  EXPECT_EQ(Flags("\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22"), V{});  // Thai ZWSP
  EXPECT_EQ(Flags("\u845b\U000e0100\u98fe"), V{});  // ideographic variation
  // Subdivision flag: black flag, tag letters, cancel tag.
  EXPECT_EQ(Flags("\U0001F3F4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"), V{});
  EXPECT_EQ(Flags("\u05e9\u05dc \u200f2024\u200f \u05d4\u05d9\u05d0"), V{});  // RLM in Hebrew
  EXPECT_EQ(Flags("Tab\tand CRLF\r\nline two\r\n"), V{});
  EXPECT_EQ(Flags("no-break\u00a0and narrow\u202fspaces"), V{});
  EXPECT_EQ(Flags("a final CR left by a stripped LF\r"), V{});
}

TEST(InvisibleCharactersTest, BidiControlsAreJudgedPerLine) {
  // The Hebrew line keeps its marks; the English line after it does not.
  const std::string text =
      "\u05e9\u05dc\u05d5\u05dd \u200e2024\u200e\nFollow \u202a@site\u202c now";
  EXPECT_EQ(Flags(text), (V{"27+3 -> \"\"", "35+3 -> \"\""}));
  EXPECT_EQ(Flags("invoice\u202egpj.exe"), V{"7+3 -> \"\""});  // RLO spoofing a file name
}

TEST(InvisibleCharactersTest, LeavesMojibakeAndInvalidBytesToOtherRules) {
  EXPECT_EQ(Flags("Mar\u00c3\u00ada"), V{});   // "í" garbled: mojibake's soft hyphen
  EXPECT_EQ(Flags("deal\u0092s terms"), V{});  // Windows-1252 "’" read as Latin-1
  EXPECT_EQ(Flags("\u00c3\u0081lvaro"), V{});  // "Á" garbled, an undefined byte inside
  EXPECT_EQ(Flags("deal\x92s terms"), V{});    // not UTF-8: input/invalid-utf8's
  EXPECT_EQ(Flags("budget\u0081 on"), V{"6+2 -> <none>"});  // an undefined byte alone
}

TEST(InvisibleCharactersTest, ControlCharacterFixes) {
  EXPECT_EQ(Flags(std::string("T\0he", 4)), V{"1+1 -> \"\""});  // NUL: always removed
  EXPECT_EQ(Flags("minister\x07 said"), V{"8+1 -> \"\""});      // beside a space
  EXPECT_EQ(Flags("minis\x07ter"), V{"5+1 -> <none>"});         // may stand for a letter
  EXPECT_EQ(Flags("didn\x19t say"), V{"4+1 -> <none>"});        // "’" cut to one byte
  EXPECT_EQ(Flags("said.\x0bThe vote"), V{"5+1 -> <none>"});    // VT for a line break
  EXPECT_EQ(Flags("said.\x0b"), V{"5+1 -> \"\""});              // at the line's end
  EXPECT_EQ(Flags("said\rthe vote"), V{"4+1 -> <none>"});       // old Mac line break
  EXPECT_EQ(Flags("said\r\r\nnext"), V{"4+1 -> \"\""});         // doubled CR of a CRLF
  EXPECT_EQ(Flags("the \x1b[1mminister\x1b[0m said"), (V{"4+4 -> \"\"", "16+4 -> \"\""}));
  EXPECT_EQ(Flags("the \x1b(B text"), V{"4+1 -> \"\""});  // lone ESC beside a space
}

TEST(InvisibleCharactersTest, NoFixWhereRemovalIsNotCertain) {
  EXPECT_EQ(Flags("Bundes\u00ad\nregierung"), V{"6+2 -> <none>"});  // SHY before a line break
  EXPECT_EQ(Flags("first\u2028second"), V{"5+3 -> <none>"});        // a space or a newline?
  EXPECT_EQ(Flags("\uf095 Call us"), V{"0+3 -> <none>"});           // icon-font glyph
  EXPECT_EQ(Flags("of\uf001ce"), V{"2+3 -> <none>"});               // private ligature "fi"
  EXPECT_EQ(Flags("a\ufff9b\ufffac\ufffb"), (V{"1+3 -> <none>", "5+3 -> <none>", "9+3 -> <none>"}));
  // One unfixable character makes the whole run unfixable.
  EXPECT_EQ(Flags("x\u200b\uf095y"), V{"1+6 -> <none>"});
}

TEST(InvisibleCharactersTest, OneFindingPerRunWithDistinctCodePoints) {
  auto f = Lint("The minis\u200b\u200b\ufeffter said so.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, 9u);
  EXPECT_EQ(f[0].span.end, 18u);
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "count")), 3);
  EXPECT_EQ(std::get<std::vector<std::string>>(*Get(f[0], "code_points")), (V{"U+200B", "U+FEFF"}));
  EXPECT_EQ(std::get<std::vector<std::string>>(*Get(f[0], "signals")),
            (V{"zero-width", "byte-order-mark"}));
  EXPECT_EQ(std::get<std::string>(*Get(f[0], "context")), "inside a word");
  EXPECT_EQ(f[0].message,
            "3 invisible characters (U+200B ZERO WIDTH SPACE, U+FEFF ZERO WIDTH NO-BREAK SPACE "
            "(BYTE ORDER MARK)) inside a word");
}

TEST(InvisibleCharactersTest, EvidenceSaysWhatTheCharactersMayHide) {
  auto tags = Lint("Done.\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065");
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*Get(tags[0], "hidden_text")), "ignore");
  EXPECT_NE(tags[0].message.find("and 3 more"), std::string::npos);

  auto narrowed = Lint("didn\x19t");
  ASSERT_EQ(narrowed.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*Get(narrowed[0], "likely")), "\u2019");
  EXPECT_EQ(narrowed[0].message,
            "control character U+0019 END OF MEDIUM inside a word; possibly \"\u2019\" cut to "
            "one byte");
}

TEST(InvisibleCharactersTest, ManyRunsOnOneLineAreOneFinding) {
  std::string text;
  for (char c : std::string("Council approves budget")) {
    text += c;
    text += '\0';
  }
  auto f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.start, 1u);
  EXPECT_EQ(f[0].span.end, text.size());
  EXPECT_EQ(std::get<int64_t>(*Get(f[0], "runs")), 23);
  ASSERT_TRUE(f[0].fix.has_value());
  EXPECT_EQ(f[0].fix->text, "ouncil approves budget");
  EXPECT_NE(f[0].message.find("UTF-16"), std::string::npos);

  // Sixteen runs are still reported one by one.
  std::string sixteen;
  for (int i = 0; i < 16; ++i) sixteen += "w\u200b";
  EXPECT_EQ(Lint(sixteen).size(), 16u);
}

}  // namespace
}  // namespace newslint
