// attribution/conflicting-speakers: the same quoted words attributed to two
// different people in one article, as when a spinner or a translation swaps
// the speaker of one copy of a quotation.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/attribution.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "rules/likely_speaker.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "attribution/conflicting-speakers",
    Severity::kWarning,
    "The same quoted words attributed to two different people in one article, or one "
    "quotation running over several paragraphs given to two people.",
    {
        {"min-words", "int", "6", "Fewest words two quotations must share to be the same words."},
    }};

struct Said {
  size_t cue = 0;
  std::vector<std::string> words;  // lower case
  std::string speaker;             // the person's name, or the name as written
  std::string lower_speaker;       // compared when a speaker has no person
  size_t person = People::kNone;
  // One bit per word (of a hash of it): a run of words of another Said can
  // only be in this one when its bits are among these. The pairs of
  // quotations are compared all with all, so this test, not the search,
  // is what a long transcript of quotations pays per pair.
  uint64_t word_bits = 0;
};

uint64_t WordBit(std::string_view word) {
  return uint64_t{1} << (std::hash<std::string_view>{}(word) & 63);
}

// Whether `small` occurs in `big` as a run of words.
bool Contains(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  if (small.empty() || small.size() > big.size()) return false;
  return std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
}

// A cue that names its speaker, resolved by that name.
bool NamedByName(const Cue& cue) {
  return cue.kind == SpeakerKind::kName && cue.person != People::kNone &&
         cue.resolved_by == "name" && cue.pattern != CuePattern::kContinuation && !cue.proxy;
}

class ConflictingSpeakersRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  // The People view's dictionary.
  std::vector<std::string> dictionaries(const RuleOptions&) const override {
    return People::Dictionaries();
  }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t min_words = std::max<int64_t>(2, options.GetInt("min-words", 6));
    const Attribution& attr = analysis.Shared<Attribution>();
    const People& people = analysis.Shared<People>();
    const Quotations& quotes = analysis.Shared<Quotations>();
    const std::vector<Quotation>& all = quotes.quotations();
    const std::vector<Cue>& cues = attr.cues();

    // One quotation over several paragraphs (each paragraph opens a quote
    // mark, only the last closes it) is one speaker's words by convention:
    // two named cues on it that name two people contradict each other.
    std::vector<bool> reported(cues.size(), false);
    for (size_t b = 0; b < cues.size(); ++b) {
      const Cue& cy = cues[b];
      if (!NamedByName(cy) || cy.quotation >= all.size()) continue;
      const Quotation& opened = all[cy.quotation];  // the first part
      if (opened.paragraph >= cy.paragraph) continue;
      // Who speaks in the quotation's first paragraph: a cue on the
      // quotation itself, else the last cue of that paragraph before the
      // quotation opens ("“We trained for this,” Ruiz said. “The players
      // believed." leaves Ruiz speaking).
      const Cue* cx = nullptr;
      for (size_t a = 0; a < cues.size(); ++a) {
        const Cue& o = cues[a];
        if (a == b || o.paragraph != opened.paragraph || o.pattern == CuePattern::kContinuation) {
          continue;
        }
        if (o.quotation == cy.quotation) {
          cx = &o;
          break;
        }
        const size_t at = o.verb.empty() ? o.speaker.start : o.verb.start;
        if (at < opened.content.start) cx = &o;
      }
      if (cx == nullptr || !NamedByName(*cx) || cx->person == cy.person) continue;
      const std::string first = people.persons()[cx->person].name;
      const std::string second = people.persons()[cy.person].name;
      const int64_t first_line = LineOf(analysis, cx->verb.start);
      Evidence evidence = {
          {"signal", std::string("one-quotation-two-speakers")},
          {"paragraphs", static_cast<int64_t>(cy.paragraph - opened.paragraph + 1)},
          {"first_speaker", first},
          {"first_line", first_line},
          {"second_speaker", second},
      };
      std::string message = "one quotation running over several paragraphs is attributed to " +
                            first + " (line " + std::to_string(first_line) + ") and to " + second;
      sink.Report(cy.name, std::move(message), std::move(evidence));
      reported[b] = true;
    }

    // The level-0 parts from `first` on of the quotation whose first part is `first`.
    const QuotationParts parts(all);
    auto parts_of = [&](size_t first, auto&& visit) {
      parts.ForEach(first, [&](size_t q) {
        if (all[q].level == 0) visit(all[q]);
      });
    };
    std::vector<Said> said;
    for (size_t c = 0; c < cues.size(); ++c) {
      const Cue& cue = cues[c];
      if (cue.quotation == Attribution::kNoQuotation) continue;
      Said s;
      s.cue = c;
      s.person = cue.person;
      if (cue.person != People::kNone) {
        s.speaker = people.persons()[cue.person].name;
      } else if (cue.kind == SpeakerKind::kName) {
        s.speaker = std::string(analysis.view(cue.name));
      } else {
        continue;  // a pronoun or a phrase nobody can be told apart by
      }
      // One word per token: count them first, to skip a short quotation
      // without building its words and to fill the vector in one allocation.
      size_t words = 0;
      parts_of(cue.quotation,
               [&](const Quotation& part) { words += analysis.TokensIn(part.content).size(); });
      if (static_cast<int64_t>(words) < min_words) continue;
      s.words.reserve(words);
      parts_of(cue.quotation, [&](const Quotation& part) {
        for (const Token& t : analysis.TokensIn(part.content)) {
          s.words.push_back(AsciiLower(StripPossessive(analysis.view(t.span))));
          s.word_bits |= WordBit(s.words.back());
        }
      });
      s.lower_speaker = AsciiLower(s.speaker);
      said.push_back(std::move(s));
    }
    for (size_t b = 1; b < said.size(); ++b) {
      for (size_t a = 0; a < b; ++a) {
        const Said& x = said[a];
        const Said& y = said[b];
        const bool same = x.person != People::kNone && y.person != People::kNone
                              ? x.person == y.person
                              : x.lower_speaker == y.lower_speaker;
        if (same) continue;
        if (x.cue == y.cue || reported[y.cue]) continue;
        const Cue& cx = cues[x.cue];
        const Cue& cy = cues[y.cue];
        if (cx.quotation == cy.quotation) continue;
        const bool x_shorter = x.words.size() <= y.words.size();
        const std::vector<std::string>& shorter = x_shorter ? x.words : y.words;
        const std::vector<std::string>& longer = x_shorter ? y.words : x.words;
        const uint64_t shorter_bits = x_shorter ? x.word_bits : y.word_bits;
        const uint64_t longer_bits = x_shorter ? y.word_bits : x.word_bits;
        if ((shorter_bits & ~longer_bits) != 0) continue;  // a word the longer lacks
        if (!Contains(longer, shorter)) continue;
        std::string quoted;
        for (size_t k = 0; k < shorter.size() && k < 12; ++k) {
          if (k > 0) quoted += ' ';
          quoted += shorter[k];
        }
        if (shorter.size() > 12) quoted += " ...";
        const Span at = cy.kind == SpeakerKind::kNone ? Span(all[cy.quotation].content)
                        : cy.name.empty()             ? cy.speaker
                                                      : cy.name;
        const size_t first_at = cx.verb.empty() ? all[cx.quotation].content.start : cx.verb.start;
        Evidence evidence = {
            {"signal", std::string("same-words")},
            {"quote", quoted},
            {"shared_words", static_cast<int64_t>(shorter.size())},
            {"first_speaker", x.speaker},
            {"first_line", LineOf(analysis, first_at)},
            {"second_speaker", y.speaker},
        };
        std::string message = "the same quoted words are attributed to " + x.speaker +
                              " (line " + std::to_string(LineOf(analysis, first_at)) + ") and to " +
                              y.speaker;
        sink.Report(at, std::move(message), std::move(evidence));
        break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeConflictingSpeakersRule() {
  return std::make_unique<ConflictingSpeakersRule>();
}

}  // namespace newslint
