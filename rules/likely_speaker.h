// newslint: what the attribution rules share: the article's likely speaker
// near a cue, and small text helpers.

#ifndef NEWSLINT_RULES_LIKELY_SPEAKER_H_
#define NEWSLINT_RULES_LIKELY_SPEAKER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/attribution.h"
#include "lint/people.h"

namespace newslint {

struct LikelySpeaker {
  size_t person = People::kNone;
  std::string_view basis;  // "nearby-cue" or "main-participant"
  size_t cue = static_cast<size_t>(-1);  // nearby-cue: index into Attribution::cues()
};

// Who most likely speaks at cue `at` (an index into attr.cues()) when its
// own speaker is wrong: the resolved speaker of the nearest other cue in the
// same paragraph or up to three paragraphs before it (before wins a tie with
// after, up to two paragraphs after), other than `exclude`; else the
// article's main participant (People::MainParticipant) if it is not
// `exclude`. person == kNone when there is nobody.
LikelySpeaker FindLikelySpeaker(const Attribution& attr, const People& people, size_t at,
                                size_t exclude);

// The cue of a person's indirect speech ("Delaney said the board had
// accepted every recommendation.") that the direct quotation of cue `c`
// follows: the nearest cue before `c` (continuations aside), in its
// paragraph or the one before, naming a person by name in the pattern "S
// said (that) ...", not in writing, not a spokesperson, and not a question
// or an appeal ("asked", "urged", "challenged", "questioned": the answer is
// someone else's); cue `c` must attribute a quotation ("“Q,” S said",
// "“Q,” said S"). Returns an index into `cues`, or -1 (size_t) when none.
size_t PrecedingSpeech(const std::vector<Cue>& cues, size_t c);

// Whether the name at `name` is followed by an apposition that introduces a
// person ("Amara, 19, a student", "Grace, a nurse", "Mark, who ..."): the
// writer meant a name, even a common word or a first name alone.
bool IntroducedByApposition(Analysis& analysis, Span name);

// The 1-based line of byte `offset`.
int64_t LineOf(Analysis& analysis, size_t offset);

}  // namespace newslint

#endif  // NEWSLINT_RULES_LIKELY_SPEAKER_H_
