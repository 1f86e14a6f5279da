// newslint: attribution, the shared view of who says what in an article.
//
// Built on Quotations (lint/quotations.h: which marks open and close which
// quotation) and People (lint/people.h: the persons the article names), it
// finds the attribution cues of news writing, once per article:
//
//   const Attribution& attr = analysis.Shared<Attribution>();
//   for (const Cue& cue : attr.cues()) {
//     ... cue.speaker_text, cue.person, cue.quotation, cue.verb_base ...
//   }
//
// Cues. A reporting verb (rules/lexicons/reporting-verbs.txt, about 70
// verbs with their forms; "according to" built in) with its speaker slot, in
// the patterns news uses:
//
//   kQuoteSpeakerVerb  “Q,” S said.       “Q.” S said.   (S before the verb)
//   kQuoteVerbSpeaker  “Q,” said S.
//   kSpeakerVerbQuote  S said: “Q”        S said, “Q”    S told reporters: “Q”
//   kSpeakerVerb       S said (that) ...  (a partial “quote” later in the
//                      sentence is attributed to S)
//   kVerbSpeaker       ..., said S.       (no quotation)
//   kAccordingTo       according to S
//   kContinuation      a quotation without a cue of its own right after a
//                      quotation of a known speaker (the rest of a split
//                      quote, the next paragraph of a speech)
//
// The speaker slot is the phrase next to the verb (adverbs, "has"/"had" and
// a comma-bracketed apposition skipped: "Blinken, meanwhile, said",
// "Istanbul's mayor, Ekrem İmamoğlu, said"): a name (capitalised words with
// their titles), a pronoun, or a common noun phrase ("the minister", "a
// spokeswoman for the ministry", "officials"). The speaker resolves to a
// person of People:
//   name     the person the name mentions (surname, full name, alias);
//   title    "the minister" when exactly one person holds the title;
//   pronoun  he/she: the person of the latest subject mention before the cue
//            in this or the three paragraphs before it, skipping a person
//            whose honorific gives the other gender;
//   carried  a continuation: the speaker of the quotation it continues.
// A verb inside a quotation is the speaker's words, not a cue. A base form
// ("say") is a cue only after a pronoun or a plural noun ("they say"); an
// -ing form (", saying") only carries on a cue earlier in its sentence.

#ifndef NEWSLINT_LINT_ATTRIBUTION_H_
#define NEWSLINT_LINT_ATTRIBUTION_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"
#include "lint/people.h"

namespace newslint {

enum class CuePattern : uint8_t {
  kQuoteSpeakerVerb,
  kQuoteVerbSpeaker,
  kSpeakerVerbQuote,
  kSpeakerVerb,
  kVerbSpeaker,
  kAccordingTo,
  kContinuation,
};
// "quote-speaker-verb", "quote-verb-speaker", "speaker-verb-quote",
// "speaker-verb", "verb-speaker", "according-to", "continuation"
std::string_view CuePatternName(CuePattern pattern);

enum class SpeakerKind : uint8_t {
  kName,     // capitalised words, maybe with titles: "Blinken", "President Tokayev"
  kPronoun,  // he, she, they, we, I, it
  kNominal,  // a common noun phrase: "the minister", "officials", "a spokeswoman"
  kNone,     // a continuation
};
std::string_view SpeakerKindName(SpeakerKind kind);  // "name", "pronoun", "nominal", "none"

struct Cue {
  CuePattern pattern = CuePattern::kSpeakerVerb;
  SpeakerKind kind = SpeakerKind::kNone;
  Span speaker;              // the slot, titles included; empty for a continuation
  std::string speaker_text;  // its text (for a continuation, the carried speaker's)
  Span name;                 // kName: the name words (no titles), possessive excluded
  int name_words = 0;        // kName: words in `name`
  bool titled = false;       // kName: a title or honorific in the slot
  bool determiner = false;   // the slot opens with a determiner or possessive ("the", "his")
  bool proxy = false;        // the slot names the person it speaks for ("a spokeswoman for
                             // Smith"): that person is not the speaker
  Span verb;                 // the verb ("according to": both words); empty for a continuation
  std::string verb_base;     // "say", "tell", "according to"; "" for a continuation
  size_t person = People::kNone;  // the resolved person
  std::string_view resolved_by;   // "name", "title", "pronoun", "carried", or ""
  size_t quotation = static_cast<size_t>(-1);  // index into Quotations::quotations() of the
                                               // first part of the quotation it attributes
  size_t sentence = 0;
  size_t paragraph = 0;
  size_t carried_from = static_cast<size_t>(-1);  // kContinuation: the quotation (first part)
                                                  // whose cue's speaker carries on
  bool statement = false;  // the words came in writing: "in a statement", "wrote", "tweeted",
                           // "posted", "according to"
};

// The forms of a reporting verb.
enum class VerbForm : uint8_t { kBase, kPast, kPresent, kIng, kParticiple };
struct ReportingVerb {
  std::string_view base;
  VerbForm form = VerbForm::kPast;
};
// The reporting verb whose form the lower-case word is, if any.
std::optional<ReportingVerb> FindReportingVerb(std::string_view lower);

// Whether a lower-cased sentence says its words came in writing: it holds
// (anywhere, as bytes) "in a statement", "in a written", "in a post", "in a
// letter", "in a filing", "in a release", "in a tweet", "in a note", "in an
// email", "in an e-mail", "on twitter" or "on social media". Sets
// Cue::statement for the cues of the sentence.
bool WrittenStatement(std::string_view lower_sentence);

class Attribution {
 public:
  static constexpr size_t kNoQuotation = static_cast<size_t>(-1);

  explicit Attribution(Analysis& analysis);

  // Every cue, in text order (a continuation at its quotation).
  const std::vector<Cue>& cues() const { return cues_; }
  // The cue attributing quotation `q` (the index of any part: its first part
  // counts), or nullptr.
  const Cue* CueOf(size_t q) const;
  // Cues whose resolved person is `person`.
  int CuesOf(size_t person) const;

 private:
  std::vector<Cue> cues_;
  std::vector<size_t> cue_of_quotation_;  // per quotation (first part): index into cues_
  std::vector<size_t> first_part_;        // per quotation: its first part
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_ATTRIBUTION_H_
