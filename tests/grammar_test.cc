// Unit tests of garbled/grammar: each signal, its look-alikes, spans and
// evidence, and one finding per sentence. The fixtures
// (fixtures/garbled/grammar*.txt) cover whole articles.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/rule.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

std::vector<Finding> Lint(const std::string& text) {
  static const auto* rule = MakeGrammarRule().release();
  return RunRule(*rule, text);
}

std::vector<std::string> StringList(const Finding& f, std::string_view key) {
  for (const auto& [k, v] : f.evidence) {
    if (k == key) return std::get<std::vector<std::string>>(v);
  }
  ADD_FAILURE() << "no evidence " << key;
  return {};
}

// "<signal>: <flagged text>" for each finding with one match.
std::vector<std::string> Flags(const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Lint(text)) {
    std::vector<std::string> signals = StringList(f, "signals");
    std::string s;
    for (const std::string& sig : signals) s += (s.empty() ? "" : "+") + sig;
    out.push_back(s + ": " + text.substr(f.span.start, f.span.end - f.span.start));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(GrammarTest, DeterminerPairs) {
  EXPECT_EQ(Flags("He said the a decision was near."), V{"determiner-pair: the a"});
  EXPECT_EQ(Flags("The a plan was approved."), V{"determiner-pair: The a"});
  EXPECT_EQ(Flags("They met their the leaders."), V{"determiner-pair: their the"});
  EXPECT_EQ(Flags("It hit an the old bridge."), V{"determiner-pair: an the"});
  EXPECT_EQ(Flags("We saw the this week report."), V{"determiner-pair: the this"});
  EXPECT_EQ(Flags("She sold a my house."), V{"determiner-pair: a my"});
  EXPECT_EQ(Flags("It cut the\u00a0their budget."), V{"determiner-pair: the\u00a0their"});
  EXPECT_EQ(Flags("Officials (the a group) met."), V{"determiner-pair: the a"});
  EXPECT_EQ(Flags("\u201cThe a plan works,\u201d she said."), V{"determiner-pair: The a"});
}

TEST(GrammarTest, DeterminerLookAlikes) {
  for (const char* text : {
           "All the ministers came.", "Both the parties agreed.", "Half the town was flooded.",
           "Such a decision is rare.", "What a night it was.", "Quite a few stayed.",
           "Many a voter was surprised.", "Is this the end?", "Are these the ones?",
           "Were those the reasons?", "He said that the vote was close.",
           "The choice was his the whole time.", "They gave her the keys.",
           "She is the one.", "This one is new.", "The A team won.", "Plan A the team chose.",
           "Her the A-list guests.", "They sang an a cappella version.",
           "The a priori case is weak.", "Try the a la carte menu.",
           "Compare the a and the b columns.", "the a/b test", "The the council.",
           "THE A TEAM RETURNS", "It is the A-list.", "It ran the a.m. show.",
           "They ate at the a", "Its a shame.", "Your the best.", "An a may be used.",
           "The a is silent.", "\\a an ASCII bell", "Use -a the first time.",
           "See /the a b c.", "He learned the a b c of politics."}) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

TEST(GrammarTest, ToFiniteVerb) {
  EXPECT_EQ(Flags("The minister decided to went home."), V{"to-finite-verb: decided to went"});
  EXPECT_EQ(Flags("He wanted to went home."), V{"to-finite-verb: wanted to went"});
  EXPECT_EQ(Flags("She hopes to was the leader."), V{"to-finite-verb: hopes to was"});
  EXPECT_EQ(Flags("They tried to took the city."), V{"to-finite-verb: tried to took"});
  EXPECT_EQ(Flags("He seems to says more."), V{"to-finite-verb: seems to says"});
  EXPECT_EQ(Flags("They refused to didn\u2019t answer."),
            V{"to-finite-verb: refused to didn\u2019t"});
  EXPECT_EQ(Flags("Officials said he decided to was the winner."),
            V{"to-finite-verb: decided to was"});
  // An adverbial "when" and the conjunction "that" do not end the clause.
  EXPECT_EQ(Flags("It began in 2019, when officials tried to took the land."),
            V{"to-finite-verb: tried to took"});
  EXPECT_EQ(Flags("The mayor said that they decided to went home."),
            V{"to-finite-verb: decided to went"});
  // A pronoun after a reporting word or a conjunction opens a plain clause.
  EXPECT_EQ(Flags("Officials said they decided to went home."),
            V{"to-finite-verb: decided to went"});
  EXPECT_EQ(Flags("The vote failed and then they tried to took power."),
            V{"to-finite-verb: tried to took"});
}

TEST(GrammarTest, ToFiniteVerbLookAlikes) {
  for (const char* text : {
           // A relative or quantifying word earlier in the clause: "to" ends
           // an elided infinitive and the verb after it is the main verb.
           "Anyone who hopes to is welcome.", "Those who chose to were evacuated.",
           "Whether he plans to is unclear.", "Those who intend to can apply.",
           "All the strikers hoped to was a hearing.", "Residents that decided to were moved.",
           "How he plans to is unclear.", "The question of how he plans to is open.",
           "But why they chose to was never said.", "The reforms he promised to were dropped.",
           "The reforms the president promised to were dropped.",
           // A copula after a noun subject may be the main verb after a
           // relative clause without "that".
           "The places they were allowed to were few.",
           "The areas reporters were allowed to were limited.",
           "The roads residents needed to were closed.", "Anyone who wants to is welcome.",
           "Those able to were evacuated.", "If he wants to, he can.",
           // "to" as a preposition left at the end of a relative clause.
           "The official he spoke to said no.", "The school she was going to closed.",
           "What they agreed to was a truce.", "The life he got used to was gone.",
           // Past tenses that are also nouns, adjectives or base forms.
           "They switched to paid plans.", "Damage to built heritage grew.",
           "Access to spent fuel is limited.", "An appeal to woke voters failed.",
           "She decided to found a company.", "He chose to saw the log.",
           // Capitals, line breaks, and English.
           "They decided to Went Street.", "He decided to\nwent", "Decided To Went.",
           "He decided to go."}) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
  // Known limit: for the same reason a copula after a noun subject is never
  // flagged, also where it is an error.
  EXPECT_TRUE(Lint("Officials decided to was the plan.").empty());
}

TEST(GrammarTest, DanglingPreposition) {
  EXPECT_EQ(Flags("Prices rose sharply amid."), V{"dangling-preposition: amid"});
  EXPECT_EQ(Flags("The figures were released according to."),
            V{"dangling-preposition: according to"});
  EXPECT_EQ(Flags("He cited several rivals such as."), V{"dangling-preposition: such as"});
  EXPECT_EQ(Flags("The ban was lifted in addition to."),
            V{"dangling-preposition: in addition to"});
  EXPECT_EQ(Flags("Work began in March, prior to."), V{"dangling-preposition: prior to"});
  EXPECT_EQ(Flags("Trade grew. Stocks fell despite. Bonds rose."),
            V{"dangling-preposition: despite"});
  EXPECT_EQ(Flags("Rents here are higher than."), V{"dangling-preposition: than"});
  // A reporting word makes "that" the conjunction, not a relative pronoun.
  EXPECT_EQ(Flags("Officials said that prices rose amid."), V{"dangling-preposition: amid"});
}

TEST(GrammarTest, DanglingLookAlikes) {
  for (const char* text : {
           "The talks went on during the night.", "Trade grew before and amid.",
           "Trade grew before, amid.", "The trend is concerning.",
           "Run it after the session, not during.", "A detail worth including.",
           "The rivals it was counted among.", "Expensive because of it, not despite.",
           "The group that parcels are sorted according to.",
           "What it was admitted despite.", "The pair although and despite.",
           "Malgr\u00e9 = despite.", "Use the word \"despite\".",
           "That is what they asked for.", "The people he worked with.",
           "He has nothing to worry about.", "The train is due to.",
           "Prices rose amid...", "Prices rose amid?", "It was among the best.",
           "Prices rose AMID.", "\"Prices rose amid.\" he said",
           // garbled/sentence-fragment's: a lower-case start, a short
           // fragment opening with a preposition.
           "Prices rose. amid the storm and despite.", "Among the.", "For those among."}) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
}

TEST(GrammarTest, PronounAgreement) {
  EXPECT_EQ(Flags("The ministers said they is ready."), V{"pronoun-agreement: they is"});
  EXPECT_EQ(Flags("He have visited the site."), V{"pronoun-agreement: He have"});
  EXPECT_EQ(Flags("Officials said we was told."), V{"pronoun-agreement: we was"});
  EXPECT_EQ(Flags("And then I is going."), V{"pronoun-agreement: I is"});
  EXPECT_EQ(Flags("The mayor said she are ready."), V{"pronoun-agreement: she are"});
  // "and" opens a clause before a singular verb.
  EXPECT_EQ(Flags("The offer was low, and we was not told."), V{"pronoun-agreement: we was"});
}

TEST(GrammarTest, AgreementLookAlikes) {
  for (const char* text : {
           "Does he have a plan?", "What did he do?", "Would she have known?",
           "The court ordered that he have no contact.", "The judge ordered he have no contact.",
           "It is vital she do the work.", "He and she are ready.", "You and I have met.",
           "Neither he nor they has won.", "The singular they is accepted.",
           "The royal we has returned.", "If he were elected, he said.", "As it were.",
           "Those who made it are happy.", "What I told you is true.",
           "Elizabeth I is buried there.", "World War I has ended.", "In type I is rare.",
           "They Is Coming is a film.", "i is a letter.", "Anyone who does it is fine.",
           // Quoted speech may reproduce dialect.
           "\"We was robbed,\" the coach said.", "The coach said \u201cwe was robbed\u201d today.",
           "She said \u2018they is\u2019 was wrong.", "Q: Where were you? A: We was at home.",
           "COACH: We was robbed."}) {
    EXPECT_TRUE(Lint(text).empty()) << text;
  }
  // Known limit: after a capitalised word, "I" reads as a Roman numeral
  // ("Elizabeth I is"), also when that word only opens the sentence.
  EXPECT_TRUE(Lint("Then I is going.").empty());
  // An apostrophe is not a closing quotation mark, and a quote closed
  // before the pronoun does not hide it.
  EXPECT_EQ(Flags("The players\u2019 union said they is ready."),
            V{"pronoun-agreement: they is"});
  EXPECT_EQ(Flags("\u201cNo,\u201d he said; they is angry."),
            V{"pronoun-agreement: they is"});
}

TEST(GrammarTest, SeveralSignalsInOneSentenceAreOneFinding) {
  const std::string text = "Intro. The officials decided to went to the a meeting. Next.";
  std::vector<Finding> f = Lint(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(text.substr(f[0].span.start, f[0].span.end - f[0].span.start),
            "The officials decided to went to the a meeting.");
  EXPECT_EQ(StringList(f[0], "signals"), (V{"to-finite-verb", "determiner-pair"}));
  EXPECT_EQ(StringList(f[0], "matches"), (V{"decided to went", "the a"}));
  EXPECT_EQ(StringList(f[0], "offsets"), (V{"21-36", "40-45"}));
  EXPECT_EQ(f[0].message,
            "2 ungrammatical sequences: \"to\" before a finite verb (\"decided to went\"); two "
            "determiners in a row (\"the a\")");
  EXPECT_FALSE(f[0].fix.has_value());
}

TEST(GrammarTest, OneFindingPerSentence) {
  std::vector<Finding> f = Lint("They is late. The a bus broke down.\nHe have left.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].message, "pronoun and verb disagree: \"They is\"");
  EXPECT_EQ(StringList(f[1], "offsets"), V{"14-19"});
  EXPECT_EQ(f[2].span.start, 36u);
  EXPECT_EQ(f[2].span.end, 43u);
}

// The rule keeps its words in a fixed table of 1024 slots, half of them
// usable, with keys of at most 15 bytes.
TEST(GrammarTest, LexiconWordsFitTheTable) {
  std::set<std::string> words;
  for (const char* name : {"grammar-determiners", "grammar-finite-verbs",
                           "grammar-infinitive-governors", "grammar-dangling",
                           "grammar-agreement"}) {
    std::vector<std::string_view> entries = LexiconEntries(name);
    EXPECT_FALSE(entries.empty()) << name;
    for (std::string_view e : entries) {
      if (size_t colon = e.find(':'); colon != std::string_view::npos) e.remove_prefix(colon + 1);
      std::istringstream in{std::string(e)};
      for (std::string word; in >> word;) {
        EXPECT_LE(word.size(), 15u) << name << ": " << word;
        words.insert(word);
      }
    }
  }
  EXPECT_LT(words.size(), 512u);
}

// The finite-verb list must hold no word that Hunspell's en_US knows as a
// noun (flag M) or a verb base (flags G, D): "to found", "to saw", "to
// rose" are English.
TEST(GrammarTest, FiniteVerbsAreNoNounsOrBasesInHunspell) {
  std::ifstream dic("/usr/share/hunspell/en_US.dic");
  if (!dic) GTEST_SKIP() << "hunspell-en-us is not installed";
  std::unordered_map<std::string, std::string> flags;
  std::string line;
  while (std::getline(dic, line)) {
    size_t slash = line.find('/');
    std::string word = line.substr(0, slash);
    std::string f = slash == std::string::npos ? "" : line.substr(slash + 1);
    flags[word] += f;
  }
  size_t checked = 0;
  for (std::string_view e : LexiconEntries("grammar-finite-verbs")) {
    if (e.starts_with("aux:")) e.remove_prefix(4);
    auto it = flags.find(std::string(e));
    if (it == flags.end()) continue;  // "is", "has", "says": not stems at all
    ++checked;
    EXPECT_EQ(it->second.find_first_of("MGD"), std::string::npos)
        << e << " has flags " << it->second;
  }
  EXPECT_GT(checked, 40u);
}

}  // namespace
}  // namespace newslint
