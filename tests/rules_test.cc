// Unit tests of the boilerplate/consent-banner, garbled/mojibake,
// garbled/html-residue and garbled/stray-punctuation rules: exact spans,
// fixes, evidence and options. The fixtures (fixtures/) cover whole articles.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const Rule& rule, const std::string& text,
                          std::map<std::string, OptionValue> options = {}) {
  std::vector<Finding> findings = RunRule(rule, text, std::move(options));
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return a.span.start < b.span.start; });
  return findings;
}

// What a finding covers and what its fix would put there ("<none>" without one).
struct Flag {
  std::string text;
  std::string fix;
  friend bool operator==(const Flag&, const Flag&) = default;
  friend void PrintTo(const Flag& f, std::ostream* os) {
    *os << "{\"" << f.text << "\" -> \"" << f.fix << "\"}";
  }
};
constexpr const char* kNoFix = "<none>";

std::vector<Flag> Flags(const Rule& rule, const std::string& text,
                        std::map<std::string, OptionValue> options = {}) {
  std::vector<Flag> out;
  for (const Finding& f : Lint(rule, text, std::move(options))) {
    if (f.fix) EXPECT_EQ(f.fix->span, f.span) << "fix span differs from finding span";
    out.push_back({text.substr(f.span.start, f.span.size()), f.fix ? f.fix->text : kNoFix});
  }
  return out;
}

std::string ApplyFixes(const std::string& text, std::vector<Finding> findings) {
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return a.span.start > b.span.start; });
  std::string out = text;
  for (const Finding& f : findings) {
    if (f.fix) out.replace(f.fix->span.start, f.fix->span.size(), f.fix->text);
  }
  return out;
}

const EvidenceValue* Find(const Evidence& evidence, std::string_view key) {
  return EvidenceOf(evidence, key);
}

struct Case {
  std::string text;
  std::vector<Flag> expected;
};
void PrintTo(const Case& c, std::ostream* os) { *os << "\"" << c.text << "\""; }

// ---------------------------------------------------------------------------
// garbled/mojibake

class MojibakeTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(MojibakeTableTest, FlagsAndRepairs) {
  auto rule = MakeMojibakeRule();
  EXPECT_EQ(Flags(*rule, GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Mojibake, MojibakeTableTest,
    ::testing::Values(
        Case{"wasn\u00e2\u20ac\u2122t", {{"\u00e2\u20ac\u2122", "\u2019"}}},
        Case{"caf\u00c3\u00a9 au lait", {{"\u00c3\u00a9", "\u00e9"}}},
        Case{"\u00c2\u00a35m", {{"\u00c2\u00a3", "\u00a3"}}},
        // Double encoding, undone in two rounds.
        Case{"It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s",
             {{"\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", "\u2019"}}},
        // Latin-1 reading: C1 controls instead of Windows-1252 specials.
        Case{"don\u00e2\u0080\u0099t", {{"\u00e2\u0080\u0099", "\u2019"}}},
        // A byte-order mark is repaired by deleting it.
        Case{"\u00ef\u00bb\u00bfNAIROBI", {{"\u00ef\u00bb\u00bf", ""}}},
        // "â€" with its third byte lost: flagged, no fix.
        Case{"\u00e2\u20ac\u0153Yes,\u00e2\u20ac she said",
             {{"\u00e2\u20ac\u0153", "\u201c"}, {"\u00e2\u20ac", kNoFix}}},
        // Adjacent garbled characters are one finding.
        Case{"Cr\u00c3\u00a8\u00c3\u00a9", {{"\u00c3\u00a8\u00c3\u00a9", "\u00e8\u00e9"}}},
        // Correct text, however accented.
        Case{"caf\u00e9 na\u00efve Z\u00fcrich S\u00e3o \u00d8lstykke \u00c5ngstr\u00f6m", {}},
        Case{"S\u00c3O PAULO, \u00a35, 40\u00b0C, \u00a9 2024, \u00bfQu\u00e9?", {}},
        Case{"\u201cCAF\u00c9\u201d and \u201cAMANH\u00c3\u201d", {}},
        Case{"\u041a\u0438\u0435\u0432 \u0391\u03b8\u03ae\u03bd\u03b1 \u6771\u4eac", {}},
        // Invalid UTF-8 is stepped over, not decoded.
        Case{"\xff\xfe \xc3", {}}));

TEST(MojibakeTest, AmbiguousWordEndNeedsCorroboration) {
  auto rule = MakeMojibakeRule();
  const std::string title = "the song \u201cAMANH\u00c3\u201d topped the charts";
  EXPECT_TRUE(Lint(*rule, title).empty());
  const std::string with_other = title + "; it wasn\u00e2\u20ac\u2122t expected";
  std::vector<Finding> findings = Lint(*rule, with_other);
  ASSERT_EQ(findings.size(), 2u);
  const EvidenceValue* ambiguous = Find(findings[0].evidence, "ambiguous");
  ASSERT_NE(ambiguous, nullptr);
  EXPECT_TRUE(std::get<bool>(*ambiguous));
}

TEST(MojibakeTest, PossessiveAfterWordEndIsStillAmbiguous) {
  auto rule = MakeMojibakeRule();
  EXPECT_TRUE(Lint(*rule, "the band P\u00c4\u2019s new album").empty());
}

TEST(MojibakeTest, LoneCapitalACircumflexNeedsCorroboration) {
  auto rule = MakeMojibakeRule();
  EXPECT_TRUE(Lint(*rule, "the letters \u00c2 and \u00ca are rare").empty());
  EXPECT_EQ(Flags(*rule, "rose 2.5\u00c2 per cent, then 3\u00c2 per cent"),
            (std::vector<Flag>{{"\u00c2", ""}, {"\u00c2", ""}}));
}

TEST(MojibakeTest, MaxRoundsLimitsRepeatedRepair) {
  auto rule = MakeMojibakeRule();
  const std::string twice = "It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s";
  std::vector<Finding> findings = Lint(*rule, twice, {{"max-rounds", int64_t{1}}});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fix->text, "\u00e2\u20ac\u2122");
}

TEST(MojibakeTest, EvidenceNamesSequenceRepairAndEncoding) {
  auto rule = MakeMojibakeRule();
  std::vector<Finding> findings = Lint(*rule, "M\u00c3\u00bcnchen");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "sequence")), "\u00c3\u00bc");
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "repaired")), "\u00fc");
  EXPECT_NE(std::get<std::string>(*Find(findings[0].evidence, "encoding")).find("UTF-8 read as"),
            std::string::npos);
  EXPECT_EQ(findings[0].severity, Severity::kError);
}

TEST(MojibakeTest, ApplyingFixesLeavesNothingToFix) {
  auto rule = MakeMojibakeRule();
  const std::string text =
      "\u00e2\u20ac\u0153We are ready,\u00e2\u20ac\u009d said Fran\u00c3\u00a7ois \u00e2\u20ac\u201d "
      "in M\u00c3\u00bcnchen, at 41\u00c2\u00b0C.";
  std::string fixed = ApplyFixes(text, Lint(*rule, text));
  EXPECT_EQ(fixed, "\u201cWe are ready,\u201d said Fran\u00e7ois \u2014 in M\u00fcnchen, at 41\u00b0C.");
  EXPECT_TRUE(Lint(*rule, fixed).empty());
}

TEST(MojibakeTest, LoneC1ControlIsAWindows1252ByteReadAsLatin1) {
  auto rule = MakeMojibakeRule();
  EXPECT_EQ(Flags(*rule, "the deal\u0092s terms"), (std::vector<Flag>{{"\u0092", "\u2019"}}));
  // 0x81 is undefined in Windows-1252: nothing to repair it to.
  EXPECT_TRUE(Lint(*rule, "odd \u0081 byte").empty());
}

// Characters a conversion replaced by "?" or U+FFFD.
TEST(MojibakeLostCharacterTest, ContractionsAreRepairedInTheArticlesApostropheStyle) {
  auto rule = MakeMojibakeRule();
  EXPECT_EQ(Flags(*rule, "They didn?t know; we?re sure."),
            (std::vector<Flag>{{"?", "\u2019"}, {"?", "\u2019"}}));
  // An article that writes straight apostrophes gets a straight one.
  EXPECT_EQ(Flags(*rule, "It's late and they didn?t know."), (std::vector<Flag>{{"?", "'"}}));
}

TEST(MojibakeLostCharacterTest, PossessiveIsRepairedOnlyWhenTheStemStandsAlone) {
  auto rule = MakeMojibakeRule();
  EXPECT_EQ(Flags(*rule, "Kosovo?s border. Kosovo said no."),
            (std::vector<Flag>{{"?", "\u2019"}}));
  // "Andr?s" is "Andrés": flagged, but the repair would be a guess.
  EXPECT_EQ(Flags(*rule, "Mayor Andr?s Ruiz spoke."), (std::vector<Flag>{{"?", kNoFix}}));
}

TEST(MojibakeLostCharacterTest, ReplacementCharacterIsAlwaysFlaggedNeverRepaired) {
  auto rule = MakeMojibakeRule();
  EXPECT_EQ(Flags(*rule, "the city\ufffds budget \ufffd a record"),
            (std::vector<Flag>{{"\ufffd", kNoFix}, {"\ufffd", kNoFix}}));
}

TEST(MojibakeLostCharacterTest, SpacedQuestionMarkNeedsCorroboration) {
  auto rule = MakeMojibakeRule();
  // French puts a space before "?": alone, a spaced "?" proves nothing.
  EXPECT_TRUE(Lint(*rule, "Pourquoi ? Parce que le budget est serr\u00e9.").empty());
  EXPECT_TRUE(Lint(*rule, "JAKARTA (AFP) ? Indonesia said").empty());
  std::vector<Finding> findings = Lint(*rule, "JAKARTA (AFP) ? Indonesia?s navy said");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "kind")), "dash");
  EXPECT_TRUE(std::get<bool>(*Find(findings[0].evidence, "ambiguous")));
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "context")), "(AFP) ? Indonesia?s");
}

TEST(MojibakeLostCharacterTest, QuestionsUrlsAndQueryStringsAreLeftAlone) {
  auto rule = MakeMojibakeRule();
  EXPECT_TRUE(Lint(*rule,
                   "Will rates fall? Nobody knows. \u201cWhy now?\u201d he asked. See "
                   "https://example.org/a?id=4&x=1 or example.com/search?q=rates or "
                   "index.php?page_id=2. Did she go to the U.S.? No.")
                  .empty());
}

TEST(MojibakeLostCharacterTest, LostQuotesAroundSpeech) {
  auto rule = MakeMojibakeRule();
  std::vector<Finding> findings = Lint(*rule, "?We will win,? she said.");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "kind")), "opening quote");
  EXPECT_EQ(std::get<std::string>(*Find(findings[1].evidence, "kind")), "closing quote");
  EXPECT_FALSE(findings[0].fix.has_value());
}

// ---------------------------------------------------------------------------
// garbled/html-residue

class HtmlResidueTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(HtmlResidueTableTest, FlagsAndRepairs) {
  auto rule = MakeHtmlResidueRule();
  EXPECT_EQ(Flags(*rule, GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    HtmlResidue, HtmlResidueTableTest,
    ::testing::Values(
        Case{"Smith &amp; Wesson", {{"&amp;", "&"}}},
        Case{"AT&amp;T", {{"&amp;", "&"}}},
        Case{"it&#8217;s &#x2019; &#X2019;", {{"&#8217;", "\u2019"}, {"&#x2019;", "\u2019"}, {"&#X2019;", "\u2019"}}},
        Case{"the fund&#146;s", {{"&#146;", "\u2019"}}},  // Windows-1252 number, as HTML reads it
        Case{"bad &#0; ref", {{"&#0;", kNoFix}}},
        Case{"caf&eacute; &Eacute;", {{"&eacute;", "\u00e9"}, {"&Eacute;", "\u00c9"}}},
        Case{"Tom &amp Jerry", {{"&amp", "&"}}},
        Case{"the chairman&amp;rsquo;s &amp;amp;", {{"&amp;rsquo;", "\u2019"}, {"&amp;amp;", "&"}}},
        Case{"end.<br>Next", {{"<br>", " "}}},
        Case{"end. <br/> Next", {{"<br/>", ""}}},
        Case{"<BR />", {{"<BR />", ""}}},
        Case{"<strong>Update:</strong> text", {{"<strong>", ""}, {"</strong>", ""}}},
        Case{"10<sup>6</sup>", {{"<sup>", kNoFix}, {"</sup>", kNoFix}}},
        Case{"<p class=\"lead\" data-x=1 hidden>Hi", {{"<p class=\"lead\" data-x=1 hidden>", ""}}},
        Case{"a <a href='/x'>link</a>", {{"<a href='/x'>", ""}, {"</a>", ""}}},
        Case{"<!-- ad --> text", {{"<!-- ad -->", ""}}},
        Case{"&lt;p&gt;Hello&lt;/p&gt;", {{"&lt;p&gt;", ""}, {"&lt;/p&gt;", ""}}},
        Case{"x &lt; y", {{"&lt;", "<"}}},
        // Not residue.
        Case{"AT&T, R&D, Q&A, S&P, &c., Tom & Jerry;", {}},
        Case{"x < y and y > z, <3, <30 minutes, a <b and c> d, -> <-", {}},
        Case{"mail <tips@example.com>, <Name Withheld>, the album <Time>", {}},
        Case{"a \"<p>\" tag, `<br>`, \u201c&amp;\u201d, '<div>'", {}},
        Case{"unclosed <!-- comment, <p unclosed, <p class=x", {}},
        Case{"&unknown; &AMPx; &#; &#x;", {}}));

TEST(HtmlResidueTest, OptionsTurnKindsOff) {
  auto rule = MakeHtmlResidueRule();
  const std::string text = "A &amp; B<br>C";
  EXPECT_EQ(Flags(*rule, text, {{"entities", false}}), (std::vector<Flag>{{"<br>", " "}}));
  EXPECT_EQ(Flags(*rule, text, {{"tags", false}}), (std::vector<Flag>{{"&amp;", "&"}}));
  EXPECT_TRUE(Lint(*rule, text, {{"tags", false}, {"entities", false}}).empty());
}

TEST(HtmlResidueTest, EvidenceNamesKindAndElement) {
  auto rule = MakeHtmlResidueRule();
  std::vector<Finding> findings = Lint(*rule, "x <div class=\"a\">y");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "kind")), "tag");
  EXPECT_EQ(std::get<std::string>(*Find(findings[0].evidence, "element")), "div");
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
}

// ---------------------------------------------------------------------------
// garbled/stray-punctuation

class StrayPunctuationTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(StrayPunctuationTableTest, FlagsAndRepairs) {
  auto rule = MakeStrayPunctuationRule();
  EXPECT_EQ(Flags(*rule, GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    StrayPunctuation, StrayPunctuationTableTest,
    ::testing::Values(
        Case{"to deal with. .", {{". .", "."}}},
        Case{"to deal with . .", {{" . .", "."}}},
        Case{"the company , which", {{" ,", ","}}},
        Case{"the company   , which", {{"   ,", ","}}},
        Case{"said,, adding", {{",,", ","}}},
        Case{"said ,, adding", {{" ,", ","}, {",,", ","}}},
        Case{"on Sunday .", {{" .", "."}}},
        Case{"on Sunday . Then", {{" .", "."}}},
        Case{"he said .\u201d", {{" .", "."}}},
        Case{"said,. the", {{",.", kNoFix}}},
        Case{"on Monday,;", {{",;", kNoFix}}},
        Case{"rose , , officials said", {{" , ,", ","}}},
        Case{"rose, , officials said", {{", ,", ","}}},
        Case{"prices rose ;. Analysts", {{";.", kNoFix}}},
        Case{"the mayor said:, adding", {{":,", kNoFix}}},
        Case{"approved () by the council", {{" ()", ""}}},
        Case{"a phone number ( ) and an e-mail", {}},
        Case{"shares of Acme [] rose", {{" []", ""}}},
        Case{"call f() and g( ) now", {}},
        Case{"- [ ] buy milk", {}},
        Case{"Name: ( )", {}},
        Case{"the index fell (-) to 3", {}},
        Case{"the committee said., without", {{".,", kNoFix}}},
        Case{"prices;; however", {{";;", ";"}}},
        Case{".", {{".", ""}}},
        Case{" . . ", {{". .", ""}}},
        Case{",", {{",", ""}}},
        Case{"in the U.S.. The", {{"..", "."}}},
        Case{"it ended..", {{"..", "."}}},
        // Correct English.
        Case{"Apple Inc., the U.S., 10 a.m.; etc., vs., Ph.D., Jr., Calif., Wash.,", {}},
        Case{"we will . . . do it . . . . Then... more\u2026", {}},
        Case{"1,000.50, 3.5%, ?!, !!, Yahoo!, a .com site, .45 caliber", {}},
        Case{"Microsoft's . NET framework", {}},
        Case{"wait.. what", {}},
        Case{"...", {}},
        Case{". . .", {}},
        Case{"***", {}},
        Case{"see https://example.com/a,,b and x@y.com ,z", {}},
        Case{"for (;;) and &amp;; here", {}},
        Case{"in Java. .NET is", {}},
        Case{"  , leading comma", {}},
        Case{"adj.: a word", {}}));

TEST(StrayPunctuationTest, AbbreviationsOptionExtendsTheList) {
  auto rule = MakeStrayPunctuationRule();
  const std::string text = "the abbrv., then";
  EXPECT_EQ(Lint(*rule, text).size(), 1u);
  EXPECT_TRUE(
      Lint(*rule, text, {{"abbreviations", std::vector<std::string>{"abbrv"}}}).empty());
}

TEST(StrayPunctuationTest, SpaceBeforeOptionTurnsDetachedChecksOff) {
  auto rule = MakeStrayPunctuationRule();
  EXPECT_TRUE(Lint(*rule, "the company , which closed .", {{"space-before", false}}).empty());
  EXPECT_EQ(Lint(*rule, "said,, then", {{"space-before", false}}).size(), 1u);
}

// ---------------------------------------------------------------------------
// boilerplate/consent-banner

std::vector<int64_t> FlaggedLines(const std::string& text,
                                  std::map<std::string, OptionValue> options = {}) {
  auto rule = MakeConsentBannerRule();
  Article article;
  article.text = text;
  Analysis analysis(article);
  std::vector<int64_t> lines;
  for (const Finding& f : Lint(*rule, text, std::move(options))) {
    lines.push_back(analysis.Locate(f.span.start).line);
  }
  return lines;
}

TEST(ConsentBannerTest, BannerLineNeedsStatementObjectAndVoice) {
  EXPECT_EQ(FlaggedLines("We use cookies to measure traffic."), (std::vector<int64_t>{1}));
  // A statement without an object, an object without a statement, and a
  // statement and object without the site's voice.
  EXPECT_TRUE(FlaggedLines("By continuing to browse late at night, teens lose sleep.").empty());
  EXPECT_TRUE(FlaggedLines("The regulator said the cookie banners broke the law.").empty());
  EXPECT_TRUE(FlaggedLines("Readers were warned that by continuing to browse they accepted "
                           "its use of cookies.")
                  .empty());
}

TEST(ConsentBannerTest, QuotationsAndReportingVerbsAreNews) {
  EXPECT_TRUE(FlaggedLines("A pop-up read \u201cWe use cookies to improve your experience.\u201d")
                  .empty());
  EXPECT_TRUE(FlaggedLines("\"By using our site you agree to our terms,\" it warned.").empty());
  EXPECT_TRUE(FlaggedLines("By using this site, you agree to our terms, the company argued.")
                  .empty());
  EXPECT_TRUE(FlaggedLines("\u201cWe use cookies only with consent, and we always have.").empty());
}

TEST(ConsentBannerTest, InterviewTranscriptsAreSpeakers) {
  EXPECT_TRUE(FlaggedLines("A: We use cookies, like every publisher, but we ask first.").empty());
  EXPECT_TRUE(FlaggedLines("Q. Do you agree to our terms? A. Yes.").empty());
  EXPECT_TRUE(FlaggedLines("MS. ARDERN: We use cookies on our site, and we say so.").empty());
  EXPECT_EQ(FlaggedLines("Note: we use cookies on this site.").size(), 1u);
}

TEST(ConsentBannerTest, ButtonsOnlyNextToABanner) {
  EXPECT_TRUE(FlaggedLines("Accept\nReject all\nOK").empty());
  EXPECT_EQ(FlaggedLines("We use cookies.\n\nAccept\n\nReject all\nNews story.\nMore news.\nOK"),
            (std::vector<int64_t>{1, 3, 5}));
  // Buttons before the banner count too, and chain through each other.
  EXPECT_EQ(FlaggedLines("Manage options\nAccept all\nThis site uses cookies."),
            (std::vector<int64_t>{1, 2, 3}));
}

TEST(ConsentBannerTest, ButtonWindowOption) {
  const std::string text = "We use cookies.\nStory one.\nStory two.\nAccept";
  EXPECT_EQ(FlaggedLines(text), (std::vector<int64_t>{1}));
  EXPECT_EQ(FlaggedLines(text, {{"button-window", int64_t{3}}}), (std::vector<int64_t>{1, 4}));
}

TEST(ConsentBannerTest, ControlsStandAloneButDoNotAnchorButtons) {
  EXPECT_EQ(FlaggedLines("Story.\nCookie settings\nPrivacy Policy\nAccept"),
            (std::vector<int64_t>{2}));
  EXPECT_EQ(FlaggedLines("Reject all cookies | Accept all cookies"), (std::vector<int64_t>{1}));
}

TEST(ConsentBannerTest, ButtonLineMustBeOnlyLabels) {
  EXPECT_EQ(FlaggedLines("We use cookies.\nAccept or leave the site now"),
            (std::vector<int64_t>{1}));
  EXPECT_EQ(FlaggedLines("We use cookies.\n  \u2022 Accept \u00b7 Decline \u203a"),
            (std::vector<int64_t>{1, 2}));
}

TEST(ConsentBannerTest, MaxWordsOption) {
  const std::string text = "We use cookies on this site to count visits and remember choices.";
  EXPECT_EQ(FlaggedLines(text).size(), 1u);
  EXPECT_TRUE(FlaggedLines(text, {{"max-words", int64_t{5}}}).empty());
}

TEST(ConsentBannerTest, FindingSpansTheTrimmedLineWithEvidence) {
  auto rule = MakeConsentBannerRule();
  const std::string text = "  By using this site, you agree to the Privacy Policy.  \n Accept ";
  std::vector<Finding> findings = Lint(*rule, text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(text.substr(findings[0].span.start, findings[0].span.size()),
            "By using this site, you agree to the Privacy Policy.");
  EXPECT_EQ(std::get<std::vector<std::string>>(*Find(findings[0].evidence, "statements")),
            (std::vector<std::string>{"By using this site"}));
  EXPECT_EQ(std::get<int64_t>(*Find(findings[0].evidence, "max-words")), 150);
  EXPECT_EQ(text.substr(findings[1].span.start, findings[1].span.size()), "Accept");
  EXPECT_EQ(std::get<int64_t>(*Find(findings[1].evidence, "banner-line")), 1);
  // The fix removes the whole line, white space and "\n" included; the last
  // line, which no "\n" ends, from the "\n" before it.
  ASSERT_TRUE(findings[0].fix.has_value());
  EXPECT_EQ(findings[0].fix->span, (Span{0, text.find('\n') + 1}));
  EXPECT_EQ(findings[0].fix->text, "");
  ASSERT_TRUE(findings[1].fix.has_value());
  EXPECT_EQ(findings[1].fix->span, (Span{text.find('\n'), text.size()}));
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
}

// ---------------------------------------------------------------------------
// Catalogue facts every rule here must keep.

TEST(RuleInfoTest, IdsSeveritiesAndOptionsAreAsDocumented) {
  struct Expected {
    std::unique_ptr<Rule> rule;
    std::string id;
    Severity severity;
    std::vector<std::string> options;
  };
  std::vector<Expected> expected;
  expected.push_back({MakeConsentBannerRule(), "boilerplate/consent-banner", Severity::kWarning,
                      {"max-words", "button-window"}});
  expected.push_back({MakeMojibakeRule(), "garbled/mojibake", Severity::kError, {"max-rounds"}});
  expected.push_back({MakeHtmlResidueRule(), "garbled/html-residue", Severity::kWarning,
                      {"entities", "tags"}});
  expected.push_back({MakeStrayPunctuationRule(), "garbled/stray-punctuation", Severity::kWarning,
                      {"space-before", "abbreviations"}});
  for (const Expected& e : expected) {
    const RuleInfo& info = e.rule->info();
    EXPECT_EQ(info.id, e.id);
    EXPECT_EQ(info.default_severity, e.severity) << e.id;
    std::vector<std::string> names;
    for (const OptionInfo& o : info.options) names.emplace_back(o.name);
    EXPECT_EQ(names, e.options) << e.id;
    EXPECT_TRUE(info.summary.ends_with(".")) << e.id;
  }
}

}  // namespace
}  // namespace newslint
