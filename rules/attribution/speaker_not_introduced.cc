// attribution/speaker-not-introduced: a speaker named by a surname alone
// that no earlier mention introduces ("“...,” Merodow said." with no
// "Foreign Minister Rasit Merodow" before it), in an article that introduces
// its other speakers properly.

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
    "attribution/speaker-not-introduced",
    Severity::kInfo,
    "A speaker named by a surname alone that no earlier mention introduces with a full name or "
    "a title, in an article that introduces its other people properly.",
    {}};

bool FirstPersonSingular(Analysis& analysis, const Quotations& quotes, size_t first) {
  const std::vector<Quotation>& all = quotes.quotations();
  for (size_t q = first; q < all.size(); ++q) {
    if (all[q].first != first) continue;
    for (const Token& t : analysis.TokensIn(all[q].content)) {
      std::string w = AsciiLower(analysis.view(t.span));
      if (w == "i" || w == "me" || w == "my" || w == "myself") return true;
      if (w.starts_with("i'") || w.starts_with("i\xE2\x80\x99")) return true;
    }
  }
  return false;
}

class SpeakerNotIntroducedRule : public Rule {
 public:
  SpeakerNotIntroducedRule() {
    for (std::string_view w : LexiconEntries("attribution-non-speakers")) skip_.insert(w);
    for (std::string_view w : LexiconEntries("attribution-organisation-words")) skip_.insert(w);
  }

  const RuleInfo& info() const override { return kInfo; }
  // The People view's dictionary (also the one it looks words up in).
  std::vector<std::string> dictionaries(const RuleOptions&) const override {
    return People::Dictionaries();
  }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const Attribution& attr = analysis.Shared<Attribution>();
    const People& people = analysis.Shared<People>();
    const Quotations& quotes = analysis.Shared<Quotations>();
    Dictionary* dict = Dictionary::ForThread();
    for (const Cue& cue : attr.cues()) {
      if (cue.kind != SpeakerKind::kName || cue.name_words != 1 || cue.titled || cue.determiner) {
        continue;
      }
      if (people.TitleCaseParagraph(cue.paragraph)) continue;
      const std::string_view word = analysis.view(cue.name);
      if (ShapeOf(word) != TokenShape::kCapitalized || word.size() < 2) continue;
      const std::string lower = AsciiLower(word);
      if (skip_.count(lower)) continue;
      // A word the dictionary knows, in either case, is a common word (see
      // attribution/speaker-common-word) or a well-known name: a capital,
      // a company, an agency ("Moscow", "Boeing", "Reuters").
      if (dict != nullptr && (dict->Knows(word) || dict->Knows(lower))) continue;

      // "said Amara, 19, a student": the apposition is the introduction.
      if (IntroducedByApposition(analysis, cue.name)) continue;
      std::string signal;
      int64_t introduced_line = 0;
      if (cue.person != People::kNone) {
        const Person& person = people.persons()[cue.person];
        if (person.introduced_at < cue.speaker.start) continue;
        signal = "introduced-later";
        introduced_line = LineOf(analysis, person.introduced_at);
      } else {
        // Never introduced at all. Companies and places speak too ("Gazprom
        // said"): only a quotation in the first person singular, the words
        // of one person, makes the speaker a person, and only when the
        // word appears nowhere before the cue.
        if (cue.quotation == Attribution::kNoQuotation ||
            !FirstPersonSingular(analysis, quotes, cue.quotation)) {
          continue;
        }
        bool seen_before = false;
        for (const NameMention& m : people.mentions()) {
          if (m.span.start >= cue.speaker.start) break;
          for (size_t k = m.name_token; k < m.end_token; ++k) {
            if (StripPossessive(analysis.view(analysis.tokens()[k].span)) == word) seen_before = true;
          }
        }
        if (seen_before) continue;
        signal = "first-person-quote";
      }
      // Others introduced properly before the cue.
      std::vector<std::string> introduced;
      for (size_t p = 0; p < people.persons().size(); ++p) {
        const Person& person = people.persons()[p];
        if (p == cue.person || person.introduced_at >= cue.speaker.start) continue;
        introduced.push_back(person.name);
      }
      if (introduced.empty()) continue;
      if (introduced.size() > 5) introduced.resize(5);

      Evidence evidence = {
          {"signal", signal},
          {"speaker", std::string(word)},
          {"introduced_people", introduced},
      };
      if (introduced_line > 0) {
        evidence.emplace_back("introduced_line", introduced_line);
        evidence.emplace_back("full_name", people.persons()[cue.person].name);
      }
      std::string message = "speaker \"" + std::string(word) + "\" is named by surname alone ";
      message += introduced_line > 0
                     ? "before the article introduces " + people.persons()[cue.person].name +
                           " (line " + std::to_string(introduced_line) + ")"
                     : std::string("and never introduced");
      sink.Report(cue.name, std::move(message), std::move(evidence));
    }
  }

 private:
  StringViewSet skip_;  // looked up only
};

}  // namespace

std::unique_ptr<Rule> MakeSpeakerNotIntroducedRule() {
  return std::make_unique<SpeakerNotIntroducedRule>();
}

}  // namespace newslint
