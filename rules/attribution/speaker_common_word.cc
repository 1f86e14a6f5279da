// attribution/speaker-common-word: a quotation or statement attributed to a
// capitalised common word ("... like all nations.” Flashing said."), the
// mark of a name machine-translated into its meaning (Blinken, through the
// German verb "blinken", became "Flashing").

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "lint/attribution.h"
#include "lint/dictionary.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "rules/attribution/likely_speaker.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "attribution/speaker-common-word",
    Severity::kWarning,
    "A quotation or statement attributed to a capitalised common word that the article never "
    "uses as a name, such as \"Flashing said\": a speaker's name machine-translated into its "
    "meaning.",
    {}};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// First-person singular words: a speaker who says "I" is a person, not a
// country or a company.
bool SpeaksInFirstPerson(Analysis& analysis, const Quotations& quotes, size_t first) {
  const std::vector<Quotation>& all = quotes.quotations();
  for (size_t q = first; q < all.size(); ++q) {
    if (all[q].first != first) continue;
    for (const Token& t : analysis.TokensIn(all[q].content)) {
      std::string w = AsciiLower(analysis.view(t.span));
      if (w == "i" || w == "me" || w == "my" || w == "myself" || w == "i'm" || w == "i've" ||
          w == "i’m" || w == "i’ve" || w == "i'd" || w == "i’d" || w == "i'll" || w == "i’ll") {
        return true;
      }
    }
  }
  return false;
}

// "he" or "she" (his, her, him) in the cue's sentence after its verb: the
// speaker is a person ("Flashing said he would return").
bool PersonalPronounAfter(Analysis& analysis, const Cue& cue) {
  const Sentence& s = analysis.sentences()[cue.sentence];
  const size_t from = cue.verb.empty() ? cue.speaker.end : std::max(cue.verb.end, cue.speaker.end);
  if (from >= s.span.end) return false;
  for (const Token& t : analysis.TokensIn({from, s.span.end})) {
    std::string w = AsciiLower(analysis.view(t.span));
    if (w == "he" || w == "she" || w == "his" || w == "her" || w == "him") return true;
  }
  return false;
}

// Whether the speaker's word opens its sentence (only marks and spaces
// before it).
bool SentenceInitial(Analysis& analysis, const Cue& cue) {
  const Sentence& s = analysis.sentences()[cue.sentence];
  for (const Token& t : analysis.TokensIn({s.span.start, cue.name.start})) {
    (void)t;
    return false;
  }
  return true;
}

class SpeakerCommonWordRule : public Rule {
 public:
  SpeakerCommonWordRule() {
    for (std::string_view w : LexiconEntries("attribution-non-speakers")) non_speakers_.insert(w);
    for (std::string_view w : LexiconEntries("attribution-organisation-words")) {
      non_speakers_.insert(w);
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    Dictionary* dict = Dictionary::ForThread();
    if (dict == nullptr) return;
    const Attribution& attr = analysis.Shared<Attribution>();
    const People& people = analysis.Shared<People>();
    const Quotations& quotes = analysis.Shared<Quotations>();
    const std::vector<Cue>& cues = attr.cues();
    for (size_t c = 0; c < cues.size(); ++c) {
      const Cue& cue = cues[c];
      if (cue.kind != SpeakerKind::kName || cue.name_words != 1 || cue.titled ||
          cue.determiner || cue.person != People::kNone) {
        continue;
      }
      // Headlines, teasers and interface lines ("Shipyard admits ferries
      // will be late", "Show comments") are not sentences with speakers.
      if (people.TitleCaseParagraph(cue.paragraph) ||
          !EndsLikeSentence(analysis.view(analysis.paragraphs()[cue.paragraph].span))) {
        continue;
      }
      const std::string_view word = analysis.view(cue.name);
      if (word.size() < 3 || ShapeOf(word) != TokenShape::kCapitalized) continue;
      bool alpha = true;
      for (char ch : word) alpha = alpha && IsAsciiAlpha(ch);
      if (!alpha) continue;
      const std::string lower = AsciiLower(word);
      if (non_speakers_.count(lower) || lower.ends_with("ly")) continue;
      if (!dict->Knows(lower)) continue;
      if (IsPlural(dict, lower)) continue;
      // A title alone ("Coach said", "Minister said").
      std::span<const Token> slot = analysis.TokensIn(cue.name);
      if (!slot.empty() && MatchTitle(analysis, slot, 0) > 0) continue;
      if (people.UsedAsNameOutside(word, cue.name)) continue;
      const LikelySpeaker likely = FindLikelySpeaker(attr, people, c, People::kNone);
      if (likely.person == People::kNone) continue;
      // Companies, apps and places are named with common words too
      // ("Telegram said it had gained users", "Signal reported gains"):
      // the speaker must be a person, by a quotation in the first person
      // singular or by "he"/"she" after the verb ("Flashing said he ...").
      const bool first_person = cue.quotation != Attribution::kNoQuotation &&
                                SpeaksInFirstPerson(analysis, quotes, cue.quotation);
      const bool personal = PersonalPronounAfter(analysis, cue);
      if (!first_person && !personal) continue;
      // A common word the dictionary also knows as a proper noun ("Shell",
      // "Turkey", "Cook") is a name often enough: only a person's words next
      // to a named speaker make it a wrong speaker.
      const bool proper = ProperNoun(dict, word);
      if (proper && !(first_person && likely.basis == "nearby-cue")) continue;
      // "said Grace, 34, a nurse": an apposition makes any word a name.
      if (IntroducedByApposition(analysis, cue.name)) continue;
      // A first name that is also a word ("Hope", "Will", "Grace") is
      // capitalised on purpose inside a sentence; machine translation
      // leaves its common words where a sentence starts.
      if (proper && !SentenceInitial(analysis, cue)) continue;

      const Person& who = people.persons()[likely.person];
      Evidence evidence = {
          {"signal", std::string("common-word-speaker")},
          {"speaker", std::string(word)},
          {"dictionary_word", lower},
          {"dictionary_proper_noun", proper},
          {"name_uses_elsewhere", int64_t{0}},
          {"pattern", std::string(CuePatternName(cue.pattern))},
          {"quotation", cue.quotation != Attribution::kNoQuotation},
          {"first_person_quote", first_person},
          {"personal_pronoun", personal},
          {"likely_speaker", who.name},
          {"likely_speaker_basis", std::string(likely.basis)},
      };
      if (likely.cue != static_cast<size_t>(-1)) {
        const Cue& near = cues[likely.cue];
        const size_t at = near.verb.empty() ? near.speaker.start : near.verb.start;
        evidence.emplace_back("likely_speaker_line", LineOf(analysis, at));
      }
      std::string message = "speaker \"" + std::string(word) + "\" is a common word (\"" + lower +
                            "\") that the article never uses as a name; likely speaker: " +
                            who.name;
      sink.Report(cue.name, std::move(message), std::move(evidence));
    }
  }

 private:
  static bool IsPlural(Dictionary* dict, const std::string& lower) {
    if (lower.size() < 4 || !lower.ends_with("s") || lower.ends_with("ss")) return false;
    if (dict->Knows(lower.substr(0, lower.size() - 1))) return true;
    if (lower.ends_with("es") && dict->Knows(lower.substr(0, lower.size() - 2))) return true;
    if (lower.ends_with("ies") && dict->Knows(lower.substr(0, lower.size() - 3) + "y")) return true;
    return false;
  }

  static bool ProperNoun(Dictionary* dict, std::string_view word) {
    for (const std::string& stem : dict->hunspell().stem(std::string(word))) {
      if (!stem.empty() && stem[0] >= 'A' && stem[0] <= 'Z') return true;
    }
    return false;
  }

  std::unordered_set<std::string_view> non_speakers_;
};

}  // namespace

std::unique_ptr<Rule> MakeSpeakerCommonWordRule() {
  return std::make_unique<SpeakerCommonWordRule>();
}

}  // namespace newslint
