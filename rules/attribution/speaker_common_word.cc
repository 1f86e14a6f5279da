// attribution/speaker-common-word: a quotation or statement attributed to a
// capitalised common word ("... like all nations.” Flashing said."), the
// mark of a name machine-translated into its meaning (Blinken, through the
// German verb "blinken", became "Flashing").

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/attribution.h"
#include "lint/dictionary.h"
#include "lint/flat_hash.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "rules/likely_speaker.h"
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

bool IsWord(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words) {
    if (w == x) return true;
  }
  return false;
}

// First-person plural words ("we", "our", "us"): the voice organisations
// speak in ("We are working with our partners"). A quotation that also says
// "I" is a person's (SpeaksInFirstPerson decides first).
bool SpeaksInFirstPersonPlural(Analysis& analysis, const Quotations& quotes, size_t first) {
  const std::vector<Quotation>& all = quotes.quotations();
  for (size_t q = first; q < all.size(); ++q) {
    if (all[q].first != first) continue;
    for (const Token& t : analysis.TokensIn(all[q].content)) {
      std::string w = AsciiLower(analysis.view(t.span));
      if (IsWord(w, {"we", "us", "our", "ours", "ourselves", "we're", "we’re", "we've", "we’ve",
                     "we'll", "we’ll", "we'd", "we’d"})) {
        return true;
      }
    }
  }
  return false;
}

// The sentence after the cue's (in its paragraph or the next) goes on about
// a person: it opens with "He"/"She", or holds a "he said"/"she said" cue,
// and names no person itself that the pronoun could stand for.
bool PronounFollows(Analysis& analysis, const Attribution& attr, const People& people,
                    const Cue& cue) {
  const std::vector<Sentence>& sentences = analysis.sentences();
  const size_t next = cue.sentence + 1;
  if (next >= sentences.size() || sentences[next].paragraph > cue.paragraph + 1) return false;
  for (const NameMention& m : people.mentions()) {
    if (m.sentence == next && !m.quoted && m.person != People::kNone) return false;
  }
  std::span<const Token> toks = analysis.SentenceTokens(next);
  if (!toks.empty() && IsWord(analysis.view(toks[0].span), {"He", "She"})) return true;
  for (const Cue& c : attr.cues()) {
    if (c.sentence == next && c.kind == SpeakerKind::kPronoun &&
        IsWord(AsciiLower(c.speaker_text), {"he", "she"})) {
      return true;
    }
  }
  return false;
}

// Whether the cue nearest to cue `at` (before it within three paragraphs,
// else after it within two) gives its words to a known person: the article
// quotes persons here, not companies.
bool PersonCueNear(const Attribution& attr, size_t at) {
  const std::vector<Cue>& cues = attr.cues();
  const Cue& here = cues[at];
  // Names decide; "the team reported", "they said" say nothing either way.
  auto decides = [](const Cue& o) {
    return o.kind == SpeakerKind::kName ||
           (o.kind == SpeakerKind::kPronoun && o.person != People::kNone);
  };
  for (size_t d = at; d-- > 0;) {
    const Cue& o = cues[d];
    if (o.paragraph + 3 < here.paragraph) break;
    if (decides(o)) return o.person != People::kNone;
  }
  for (size_t d = at + 1; d < cues.size(); ++d) {
    const Cue& o = cues[d];
    if (o.paragraph > here.paragraph + 2) break;
    if (decides(o)) return o.person != People::kNone;
  }
  return false;
}

// Why the speaker looks like an organisation, or "" when nothing says so:
// words that came in writing ("said in a statement"), "it"/"its" right
// after the verb ("Telegram said it") or opening the next sentence, "the X"
// or "X, which" anywhere.
std::string_view OrganisationEvidence(Analysis& analysis, const Cue& cue, std::string_view word) {
  // Persons write letters; organisations issue statements.
  if (cue.statement && cue.verb_base != "write") return "statement";
  const Sentence& s = analysis.sentences()[cue.sentence];
  const size_t from = std::max(cue.verb.end, cue.speaker.end);
  if (from < s.span.end) {
    std::span<const Token> after = analysis.TokensIn({from, s.span.end});
    if (!after.empty() && IsWord(AsciiLower(analysis.view(after[0].span)), {"it", "its"})) {
      return "it-after-verb";
    }
  }
  // The next sentence goes on with "It" ("Harvest said. It apologised").
  if (cue.sentence + 1 < analysis.sentences().size()) {
    const Sentence& next = analysis.sentences()[cue.sentence + 1];
    std::span<const Token> toks = analysis.TokensIn(next.span);
    if (next.paragraph <= cue.paragraph + 1 && !toks.empty() &&
        IsWord(analysis.view(toks[0].span), {"It", "Its"})) {
      return "it-follows";
    }
  }
  const std::string_view text = analysis.text();
  for (size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if (end < text.size() && IsAsciiAlpha(text[end])) continue;
    if (at > 0 && IsAsciiAlpha(text[at - 1])) continue;
    if (at >= 4 && AsciiLower(text.substr(at - 4, 4)) == "the ") return "the-name";
    if (text.substr(end).starts_with(", which")) return "which";
  }
  return "";
}

// An inflected verb form the dictionary derives from a shorter stem
// ("flashing" from "flash", "tempted" from "tempt").
bool VerbForm(Dictionary* dict, const std::string& lower) {
  if (lower.size() < 6 || !(lower.ends_with("ing") || lower.ends_with("ed"))) return false;
  for (const std::string& stem : dict->hunspell().stem(lower)) {
    if (!stem.empty() && stem != lower && stem.size() < lower.size() &&
        lower.compare(0, 2, stem, 0, 2) == 0) {
      return true;
    }
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
  // The People view's dictionary (also the one it looks words up in).
  std::vector<std::string> dictionaries(const RuleOptions&) const override {
    return People::Dictionaries();
  }

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
      // A title alone ("Coach said", "Minister said").
      std::span<const Token> slot = analysis.TokensIn(cue.name);
      if (!slot.empty() && MatchTitle(analysis, slot, 0) > 0) continue;
      if (people.UsedAsNameOutside(word, cue.name)) continue;
      const LikelySpeaker likely = FindLikelySpeaker(attr, people, c, People::kNone);
      if (likely.person == People::kNone) continue;
      // Companies, apps and places are named with common words too
      // ("Telegram said it had gained users", "Signal reported gains"). The
      // speaker must be a person, by one of:
      //   first-person-quote   the quotation says "I", "me", "my";
      //   personal-pronoun     "he"/"she" after the verb ("Flashing said he");
      //   pronoun-follows      the next sentence goes on with "He"/"She";
      //   verb-form            the word is an inflected verb ("Flashing",
      //                        "Tempted"), which organisations are not named;
      //   persons-speak        a direct quotation, not in writing nor in the
      //                        first person plural that organisations speak
      //                        in, among the quotations of persons (the
      //                        nearest cue before it names a person);
      //   follows-speech       a direct quotation right after a named
      //                        person's indirect speech ("Delaney said the
      //                        board ... / “We got this wrong,” Tailor
      //                        said."): the words go on with that person's
      //                        thought, whatever their voice.
      // and no evidence for an organisation: a written statement, "it"/"its"
      // after the verb, "the X", "X, which".
      const bool first_person = cue.quotation != Attribution::kNoQuotation &&
                                SpeaksInFirstPerson(analysis, quotes, cue.quotation);
      const bool personal = PersonalPronounAfter(analysis, cue);
      const bool follows = PronounFollows(analysis, attr, people, cue);
      const bool verb_form = VerbForm(dict, lower);
      const bool quoted = cue.quotation != Attribution::kNoQuotation &&
                          (!cue.statement || cue.verb_base == "write");
      const bool follows_speech =
          quoted && PrecedingSpeech(cues, c) != static_cast<size_t>(-1);
      const bool persons_speak = quoted && PersonCueNear(attr, c) &&
                                 !SpeaksInFirstPersonPlural(analysis, quotes, cue.quotation);
      const std::string_view organisation = OrganisationEvidence(analysis, cue, word);
      if (!organisation.empty() && !first_person && !personal) continue;
      std::vector<std::string> signals;
      if (first_person) signals.emplace_back("first-person-quote");
      if (personal) signals.emplace_back("personal-pronoun");
      if (follows) signals.emplace_back("pronoun-follows");
      if (verb_form) signals.emplace_back("verb-form");
      if (persons_speak) signals.emplace_back("persons-speak");
      if (follows_speech) signals.emplace_back("follows-speech");
      if (signals.empty()) continue;
      // A plural ("Gardens said") is a group ("Critics said") at a
      // sentence's start; capitalised inside a sentence it was meant as a
      // name.
      const bool initial = SentenceInitial(analysis, cue);
      if (IsPlural(dict, lower) && (initial || !quoted)) continue;
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
      if (proper && !initial) continue;

      const Person& who = people.persons()[likely.person];
      Evidence evidence = {
          {"signal", std::string("common-word-speaker")},
          {"speaker", std::string(word)},
          {"dictionary_word", lower},
          {"dictionary_proper_noun", proper},
          {"name_uses_elsewhere", int64_t{0}},
          {"pattern", std::string(CuePatternName(cue.pattern))},
          {"quotation", cue.quotation != Attribution::kNoQuotation},
          {"person_signals", signals},
          {"likely_speaker", who.name},
          {"likely_speaker_basis", std::string(likely.basis)},
      };
      // Overridden by a person's own voice ("I", "he said"): shown so a
      // reviewer sees both sides.
      if (!organisation.empty()) {
        evidence.emplace_back("organisation_evidence", std::string(organisation));
      }
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

  StringViewSet non_speakers_;  // looked up only
};

}  // namespace

std::unique_ptr<Rule> MakeSpeakerCommonWordRule() {
  return std::make_unique<SpeakerCommonWordRule>();
}

}  // namespace newslint
