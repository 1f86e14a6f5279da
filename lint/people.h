// newslint: people, the shared view of the persons an article names.
//
// The attribution rules ask who the article is about, who acts in its events
// and who is only talked about. People answers from the text alone, once per
// article:
//
//   const People& people = analysis.Shared<People>();
//   for (const Person& p : people.persons())
//     ... p.name, p.participant, p.reference ...
//   for (const NameMention& m : people.mentions())
//     if (m.person != People::kNone && m.role == MentionRole::kParticipant) ...
//
// Names. A mention is a run of capitalised words (hyphenated parts such as
// "Kassym-Jomart" are one token; particles bin, al, de, van, von, da, ...
// may stand between them; an initial "F." too), possibly after titles and
// modifiers ("US Secretary of State", "Kazakh Foreign Minister", "Rovers
// manager"; rules/lexicons/person-titles.txt, matched without regard to
// case). The words after the last title are the name; a possessive ends a
// run ("Turkmenistan's Foreign Minister Rasit Merodow" is two runs).
//
// A mention introduces a person when it has a title ("President Tokayev",
// "Mr Smith") or is a name of two to four words that reads as one: no
// organisation, place or time word (rules/lexicons/attribution-organisation-
// words.txt: "European Union", "Central Asia", "March"), no place start
// ("Hong Kong"), and, when a dictionary is available, every word either
// unknown to it ("Tileuberdi") or known to it as a proper noun ("Susan",
// "Rice"): "Changing Dynamics" and "Blinken Arrives" are not names. A single
// capitalised word is a mention of a person whose surname (or, failing
// that, unique given name) it is: "Blinken" after "Antony Blinken", also
// when the full name comes later. Two introductions with the same surname
// and different given names are two persons ("Joe Biden", "Hunter Biden");
// a bare surname then goes to the one mentioned last. A title alone ("the
// foreign minister") is a mention only when exactly one person holds it.
//
// Roles. Each mention of a person outside quotation marks is a
//   participant  the subject of a verb ("Blinken sat down", "Blinken, in
//                Astana, said"), the speaker after an inverted reporting
//                verb ("said Blinken"), or present in an event ("meeting
//                with X", "talks with X", "told X", "met X");
//   reference    a possessive ("Biden's administration"), a modifier ("the
//                Biden administration", "Biden aides"), or the object of a
//                preposition that does not put the person in the scene
//                ("messages from X", "on behalf of X", "appointed by X",
//                "under X", "for X");
//   other        anything else (a name in a list, an apposition, a headline).
// Mentions inside quotations are the speaker's words, not the story's
// events: their role is always "other" (they still resolve).
//
// Gender. From an honorific or gendered title ("Mr", "Dame", "spokeswoman"),
// else from a given name that names one gender only (rules/lexicons/given-
// names-*.txt: "Maria", "Owen"; names both carry, such as "Sam", "Jean" and
// "Andrea", are not there); otherwise unknown. Never from pronouns, which is
// what the attribution rules check against it.
//
// Precision over recall: a sentence-initial capitalised dictionary word alone
// is never a name.

#ifndef NEWSLINT_LINT_PEOPLE_H_
#define NEWSLINT_LINT_PEOPLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"
#include "lint/flat_hash.h"

namespace newslint {

class Dictionary;

enum class MentionRole : uint8_t { kParticipant, kReference, kOther };
std::string_view MentionRoleName(MentionRole role);  // "participant", "reference", "other"

// A person's gender as the text gives it (see Gender in the class comment);
// kUnknown when it does not.
enum class Gender : uint8_t { kUnknown, kMale, kFemale };

struct NameMention {
  Span span;              // titles, modifiers and name: "Kazakh Foreign Minister Mukhtar Tileuberdi"
  Span name;              // the name words, possessive included: "Mukhtar Tileuberdi", "Biden’s"
  Span title;             // the last title phrase, empty when none
  size_t first_token = 0;  // index into Analysis::tokens() of span's first token
  size_t name_token = 0;   // ... of the name's first token
  size_t end_token = 0;    // one past the mention's last token
  size_t sentence = 0;     // index into Analysis::sentences()
  size_t paragraph = 0;    // index into Analysis::paragraphs()
  size_t person = static_cast<size_t>(-1);  // index into People::persons(), or People::kNone
  MentionRole role = MentionRole::kOther;
  bool subject = false;     // a participant as the subject of a verb
  bool possessive = false;  // "Biden's", "Blinken’s"
  bool quoted = false;      // inside a quotation
  bool introduces = false;  // a title and a name, or a full name
  int name_words = 0;       // words in `name` (particles included)
  std::string_view reason;  // why the role: "possessive", "subject", "from", ...
};

struct Person {
  std::string name;                  // the fullest name seen: "Antony Blinken"
  std::string surname;               // its last word, no possessive: "Blinken"
  std::string given;                 // its first word when it has two or more
  std::vector<std::string> titles;   // as written, in order of appearance, distinct
  std::vector<std::string> aliases;  // other forms that named the person ("Blinken", "Mr Blinken")
  size_t introduced_at = 0;          // byte offset of the first introducing mention
  size_t first_mention = 0;          // index into People::mentions()
  Gender gender = Gender::kUnknown;
  std::string_view gender_basis;     // "title" (an honorific or a gendered title:
                                     // "Mrs", "spokeswoman"), "given-name", or ""
  int participant = 0;  // mentions by role
  int reference = 0;
  int other = 0;
  int subject = 0;  // participant mentions that are the subject of a verb
};

class People {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // Uses Dictionary::ForThread() when it is available (see the class comment).
  explicit People(Analysis& analysis);
  // With a given dictionary (nullptr: none), for tests.
  People(Analysis& analysis, Dictionary* dictionary);
  // The same, built with the reference code Build's fast paths replaced
  // (their definitions), for differential tests: the result must be equal.
  static People ReferenceForTest(Analysis& analysis, Dictionary* dictionary);
  // The dictionaries the view reads (Dictionary::ForThread's default), for
  // the Rule::dictionaries of rules that ask for it, so that the Engine
  // preloads them.
  static std::vector<std::string> Dictionaries();

  const std::vector<Person>& persons() const { return persons_; }
  // Every name mention, persons and not (person == kNone), in text order.
  const std::vector<NameMention>& mentions() const { return mentions_; }

  // The mention whose name words hold byte `offset`, or nullptr.
  const NameMention* MentionAt(size_t offset) const;
  // The mention whose span (titles included) overlaps `span` last, or nullptr.
  const NameMention* MentionIn(Span span) const;

  // The person a name refers to at byte `offset`: a full name, a surname, or
  // a unique given name ("Blinken", "Antony Blinken", "Blinken’s"); kNone
  // when none. Several persons with the surname: the one mentioned last
  // before `offset` (else the first introduced).
  size_t Resolve(std::string_view name, size_t offset) const;
  // The only person holding a title whose last word is `word` ("minister",
  // "president"; case ignored), or kNone when none or several.
  size_t ResolveTitle(std::string_view word) const;

  // Whether the capitalised word `word` (possessive ignored) is used as a
  // name somewhere outside `except`: capitalised inside a sentence rather
  // than at its start, part of a name of two or more words or after a title,
  // or in the article's title field.
  bool UsedAsNameOutside(std::string_view word, Span except) const;

  // The person with the most participant mentions (ties: more subject
  // mentions, then the first introduced), or kNone when nobody participates.
  size_t MainParticipant() const;

  // Whether paragraph `p` is written in title case (a headline or
  // sub-heading: most words capitalised), where capitals say nothing.
  bool TitleCaseParagraph(size_t p) const { return p < title_case_.size() && title_case_[p]; }

 private:
  People() = default;
  // `name_cache`: dictionary verdicts on name words kept across articles, or
  // nullptr for a cache of this article only. kReference: with the code the
  // fast paths replaced (ReferenceForTest).
  template <bool kReference>
  void Build(Analysis& analysis, Dictionary* dictionary, StringMap<bool>* name_cache);

  std::vector<Person> persons_;
  std::vector<NameMention> mentions_;
  std::vector<bool> title_case_;
  // Where capitalised words (possessive stripped) are used as a name, in
  // text order: each use's word is text_.substr(at, size), a token of the
  // article's text without its possessive ending. Only UsedAsNameOutside
  // reads them, for the few cue names one rule asks about, so it scans them
  // (past kNameUseScanLimit uses, Build sorts them by word and it
  // searches); a hash map of word -> offsets, built for every article, cost
  // a map slot and a vector per word (most of People's allocations) for
  // lookups that are rare, and a copy of every word cost an append each.
  struct NameUseOrder;
  void SortNameUses();
  struct NameUse {
    size_t at = 0;  // byte offset of the word in the text
    size_t size = 0;
  };
  std::string_view text_;  // the article's text (Analysis::text()), which outlives the view
  std::vector<NameUse> name_uses_;
  std::string article_title_;
  // Per person, lower-case name, surname and given name (for Resolve()).
  struct LowerNames {
    std::string name;
    std::string surname;
    std::string given;
  };
  std::vector<LowerNames> lower_names_;
};

// Lexicons shared with lint/attribution.cc, compiled once.

// The lower-case person-titles.txt phrase matching tokens at `i` of
// `tokens` (case ignored, optional "." after an abbreviation), as a count of
// tokens, or 0.
size_t MatchTitle(Analysis& analysis, std::span<const Token> tokens, size_t i);
// Whether a person-titles.txt phrase may start at a token whose lowered text
// is `lower`: false means MatchTitle finds none there. The quick filter
// People asks of every token before MatchTitle.
bool TitleMayStart(std::string_view lower);
// Whether the lower-case word is a finite verb form that makes the name
// before it a subject (attribution-action-verbs.txt or a reporting verb).
bool IsActionVerb(std::string_view lower);
// Whether the lower-case word is a function word that opens no name when
// capitalised ("the", "he", "however"); NameFunctionWords() lists them (for
// tests of the fast path).
bool IsNameFunctionWord(std::string_view lower);
std::span<const std::string_view> NameFunctionWords();
// The gender an honorific or royal title gives, from its lower-case text.
Gender GenderOfTitle(std::string_view lower_title);

// ASCII-lowered copy (non-ASCII bytes kept).
std::string AsciiLower(std::string_view s);
// `word` without a final possessive "'s" / "’s" (or a bare "'"/"’").
std::string_view StripPossessive(std::string_view word);

}  // namespace newslint

#endif  // NEWSLINT_LINT_PEOPLE_H_
