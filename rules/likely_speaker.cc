// newslint: the likely speaker near a cue. See likely_speaker.h.

#include "rules/likely_speaker.h"

#include <string>
#include <vector>

namespace newslint {

LikelySpeaker FindLikelySpeaker(const Attribution& attr, const People& people, size_t at,
                                size_t exclude) {
  const std::vector<Cue>& cues = attr.cues();
  const Cue& here = cues[at];
  LikelySpeaker best;
  size_t best_distance = static_cast<size_t>(-1);
  bool best_before = false;
  for (size_t c = 0; c < cues.size(); ++c) {
    if (c == at) continue;
    const Cue& cue = cues[c];
    if (cue.person == People::kNone || cue.person == exclude) continue;
    const bool before = c < at;
    size_t distance = before ? here.paragraph - std::min(here.paragraph, cue.paragraph)
                             : cue.paragraph - std::min(here.paragraph, cue.paragraph);
    if (before && cue.paragraph > here.paragraph) distance = 0;
    if (before ? distance > 3 : distance > 2) continue;
    // Within one paragraph distance, the nearer cue in text order wins: the
    // last one before, the first one after.
    bool better = best.person == People::kNone || distance < best_distance ||
                  (distance == best_distance && before && !best_before) ||
                  (distance == best_distance && before == best_before && before);
    if (distance == best_distance && !before && !best_before) better = false;
    if (better) {
      best.person = cue.person;
      best.basis = "nearby-cue";
      best.cue = c;
      best_distance = distance;
      best_before = before;
    }
  }
  if (best.person != People::kNone) return best;
  size_t main = people.MainParticipant();
  if (main != People::kNone && main != exclude) {
    best.person = main;
    best.basis = "main-participant";
  }
  return best;
}

size_t PrecedingSpeech(const std::vector<Cue>& cues, size_t c) {
  constexpr size_t kNoCue = static_cast<size_t>(-1);
  const Cue& cue = cues[c];
  if (cue.quotation == Attribution::kNoQuotation ||
      !(cue.pattern == CuePattern::kQuoteSpeakerVerb ||
        cue.pattern == CuePattern::kQuoteVerbSpeaker)) {
    return kNoCue;
  }
  size_t d = kNoCue;
  for (size_t k = c; k-- > 0;) {
    if (cues[k].pattern == CuePattern::kContinuation) continue;
    d = k;
    break;
  }
  if (d == kNoCue) return kNoCue;
  const Cue& o = cues[d];
  if (o.paragraph + 1 < cue.paragraph || o.kind != SpeakerKind::kName ||
      o.resolved_by != "name" || o.person == People::kNone ||
      o.pattern != CuePattern::kSpeakerVerb || o.statement || o.proxy) {
    return kNoCue;
  }
  static const char* const kCalls[] = {"ask", "urge", "challenge", "question"};
  for (const char* v : kCalls) {
    if (o.verb_base == v) return kNoCue;
  }
  return d;
}

bool IntroducedByApposition(Analysis& analysis, Span name) {
  const Sentence* sentence = nullptr;
  for (const Sentence& s : analysis.sentences()) {
    if (s.span.start <= name.start && name.start < s.span.end) sentence = &s;
  }
  if (sentence == nullptr || name.end >= sentence->span.end) return false;
  std::string_view after = analysis.view({name.end, sentence->span.end});
  size_t i = 0;
  while (i < after.size() && after[i] == ' ') ++i;
  if (i >= after.size() || after[i] != ',') return false;
  std::vector<Token> next = Tokenize(after.substr(i + 1));
  if (next.empty()) return false;
  const Token& t = next[0];
  if (t.shape == TokenShape::kNumber) return true;  // ", 19,"
  const std::string w = AsciiLower(after.substr(i + 1).substr(t.span.start, t.span.size()));
  return w == "a" || w == "an" || w == "the" || w == "who" || w == "whose" || w == "aged";
}

int64_t LineOf(Analysis& analysis, size_t offset) {
  return static_cast<int64_t>(analysis.LineIndexOf(offset)) + 1;
}

}  // namespace newslint
