// attribution/speaker-mismatch: speech attributed to a person the article
// otherwise only talks about ("the Biden administration", "messages from
// President Joe Biden"), in a passage whose events belong to someone else:
// "Meeting with Kazakhstan's Tileuberdi, Biden pledged ..." where the article
// put the Secretary of State, not the President, in that meeting.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/attribution.h"
#include "lint/flat_hash.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "rules/likely_speaker.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

using WordSet = StringViewSet;  // looked up per token, never iterated

const RuleInfo kInfo = {
    "attribution/speaker-mismatch",
    Severity::kWarning,
    "Speech attributed to a person the article's own text rules out: one it otherwise only "
    "mentions as a reference, in a passage whose events belong to another person, or one the "
    "quotation itself talks about by name.",
    {}};

struct Frame {
  size_t person = People::kNone;  // the person the frame names
  Span span;                      // the frame, without its comma
};

struct Evidence1 {
  size_t likely = People::kNone;
  size_t sentence = static_cast<size_t>(-1);  // the sentence that establishes it
};

class SpeakerMismatchRule : public Rule {
 public:
  SpeakerMismatchRule() {
    for (std::string_view entry : LexiconEntries("attribution-event-frames")) {
      std::vector<std::string> words = EntryWords(entry);
      if (!words.empty()) frames_.push_back(std::move(words));
    }
  }

  const RuleInfo& info() const override { return kInfo; }
  // The People view's dictionary.
  std::vector<std::string> dictionaries(const RuleOptions&) const override {
    return People::Dictionaries();
  }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const Attribution& attr = analysis.Shared<Attribution>();
    const People& people = analysis.Shared<People>();
    const std::vector<Cue>& cues = attr.cues();
    const std::vector<NameMention>& mentions = people.mentions();
    const std::vector<Sentence>& sentences = analysis.sentences();
    const Quotations& quotes = analysis.Shared<Quotations>();
    // What the per-cue tests below ask of all cues and mentions, gathered
    // once (Index): a test that walked every mention for every cue made a
    // long transcript of quotations quadratic.
    std::optional<Index> index;
    for (size_t c = 0; c < cues.size(); ++c) {
      const Cue& cue = cues[c];
      if (cue.kind != SpeakerKind::kName || cue.person == People::kNone ||
          cue.resolved_by != "name" || cue.pattern == CuePattern::kContinuation) {
        continue;
      }
      if (!index) index.emplace(people, quotes, cues);
      const size_t p = cue.person;
      // Two signals that need no reference-only speaker; a cue with both is
      // one finding listing both.
      //   quote-names-speaker: the quotation names its own speaker ("“Smith
      //     was the better player,” Smith said"): people say "I", and a
      //     quotation that talks about a person by name is someone else's
      //     words about them.
      //   follows-other-speaker: a bare surname's quotation right after
      //     another named person's indirect speech ("Delaney said the board
      //     had accepted every recommendation. / “We got this wrong,” Smith
      //     said."), while the surname's person is absent from the passage:
      //     news hands a quotation to a new speaker with a transition, not
      //     mid-thought.
      const NameMention* self = SelfMention(*index, cue);
      const size_t follows = FollowsOtherSpeaker(*index, cues, c);
      //   replies-to-self: a quotation opening its paragraph, attributed
      //     with a reply verb ("replied", "retorted") to the person whose
      //     quotation made the whole previous paragraph: a reply answers
      //     someone else, so the replier is the other side of the exchange.
      const size_t echo = RepliesToSelf(analysis, quotes, cues, c);
      //   pronoun-gender: the next quotation goes on with "he said" or
      //     "she said", and nothing between the two could be that pronoun
      //     but this speaker, whose gender the article gives otherwise
      //     ("Maria Lindqvist", "Mr Hartley"): the pronoun kept the real
      //     speaker's gender when the name was swapped.
      const size_t pronoun = PronounDisagrees(analysis, people, cues, c);
      if (self != nullptr || follows != kNoCue || echo != kNoCue || pronoun != kNoCue) {
        // The other speaker whose words these are: the one who was speaking,
        // else the nearest other cue's person or the main participant.
        LikelySpeaker likely;
        if (echo != kNoCue) {
          likely = FindLikelySpeaker(attr, people, c, p);
          if (likely.person == cues[echo].person) likely.person = People::kNone;
        } else if (pronoun != kNoCue && self == nullptr && follows == kNoCue) {
          likely = PronounsPerson(people, cues, c, pronoun);
        } else if (follows != kNoCue) {
          likely.person = cues[follows].person;
          likely.basis = "preceding-speech";
          likely.cue = follows;
        } else {
          likely = FindLikelySpeaker(attr, people, c, p);
        }
        if (likely.person != People::kNone) {
          const Person& speaker = people.persons()[p];
          const Person& who = people.persons()[likely.person];
          std::vector<std::string> signals;
          if (self != nullptr) signals.emplace_back("quote-names-speaker");
          if (follows != kNoCue) signals.emplace_back("follows-other-speaker");
          if (echo != kNoCue) signals.emplace_back("replies-to-self");
          if (pronoun != kNoCue) signals.emplace_back("pronoun-gender");
          Evidence evidence = {
              {"signals", signals},
              {"speaker", std::string(analysis.view(cue.name))},
              {"speaker_person", speaker.name},
          };
          if (self != nullptr) {
            evidence.emplace_back("named_in_quote", std::string(analysis.view(self->name)));
          }
          evidence.emplace_back("likely_speaker", who.name);
          evidence.emplace_back("likely_speaker_basis", std::string(likely.basis));
          if (likely.cue != static_cast<size_t>(-1)) {
            const Cue& near = cues[likely.cue];
            const size_t at = near.verb.empty() ? near.speaker.start : near.verb.start;
            evidence.emplace_back("likely_speaker_line", LineOf(analysis, at));
          }
          if (follows != kNoCue) {
            const Span established = sentences[cues[follows].sentence].span;
            evidence.emplace_back("established_by", std::string(analysis.view(established)));
            evidence.emplace_back("established_line", LineOf(analysis, established.start));
          }
          if (pronoun != kNoCue) {
            evidence.emplace_back("pronoun", std::string(analysis.view(cues[pronoun].speaker)));
            evidence.emplace_back("pronoun_line", LineOf(analysis, cues[pronoun].speaker.start));
            evidence.emplace_back("speaker_gender",
                                  std::string(speaker.gender == Gender::kFemale ? "female"
                                                                                : "male"));
            evidence.emplace_back("speaker_gender_basis", std::string(speaker.gender_basis));
          }
          if (echo != kNoCue) {
            evidence.emplace_back("reply_verb", std::string(analysis.view(cue.verb)));
            evidence.emplace_back("previous_quote_line", LineOf(analysis, cues[echo].speaker.start));
          }
          std::string message =
              pronoun != kNoCue && self == nullptr && follows == kNoCue && echo == kNoCue
                  ? "speech attributed to " + speaker.name + ", but the next quotation goes on "
                        "with \"" + std::string(analysis.view(cues[pronoun].speaker)) +
                        "\", which cannot be " + speaker.name + "; likely speaker: " + who.name
              : echo != kNoCue && self == nullptr
                  ? "reply attributed to " + speaker.name + ", whose own quotation it answers; " +
                        "likely speaker: " + who.name
              : self != nullptr
                  ? "speech attributed to " + speaker.name +
                        ", whom the quotation itself names (\"" +
                        std::string(analysis.view(self->name)) + "\"); likely speaker: " + who.name
                  : "quotation attributed to " + speaker.name +
                        ", who is absent from the passage, right after " + who.name +
                        " speaks; likely speaker: " + who.name;
          sink.Report(cue.name, std::move(message), std::move(evidence));
          continue;
        }
      }
      // Only ever a reference elsewhere: no participant mention outside the
      // sentences where words are put in the person's mouth (a spinner that
      // swaps one speaker often swaps two), and at least one reference.
      const int participant_elsewhere = index->participant_elsewhere[p];
      const int references = index->references[p];
      if (participant_elsewhere > 0 || references == 0) continue;

      std::vector<std::string> signals;
      Evidence1 best;
      std::string frame_text;
      // Signal 1: an event frame whose person the article met with someone else.
      if (std::optional<Frame> frame = EventFrame(analysis, people, cue); frame) {
        frame_text = std::string(analysis.view(frame->span));
        // The sentences before the cue's, in order, by their mentions (in
        // text order, so sentence by sentence; a sentence without one
        // names no one).
        for (size_t k = 0; k < mentions.size() && mentions[k].sentence < cue.sentence &&
                           best.likely == People::kNone;) {
          const size_t s = mentions[k].sentence;
          bool names_frame_person = false;
          bool names_speaker = false;
          size_t other = People::kNone;
          for (; k < mentions.size() && mentions[k].sentence == s; ++k) {
            const NameMention& m = mentions[k];
            if (m.quoted) continue;
            if (m.person == frame->person) names_frame_person = true;
            if (m.person == p) names_speaker = true;
            if (m.person != People::kNone && m.person != frame->person && m.person != p &&
                m.subject && other == People::kNone) {
              other = m.person;
            }
          }
          if (names_frame_person && !names_speaker && other != People::kNone) {
            best.likely = other;
            best.sentence = s;
          }
        }
        if (best.likely != People::kNone) signals.emplace_back("event-frame");
      }
      // Signal 2: the paragraph's other cues give the words to one other person.
      size_t para_person = People::kNone;
      size_t para_cue = static_cast<size_t>(-1);
      bool para_single = true;
      for (const size_t d : index->CuesOfParagraph(cue.paragraph)) {
        const Cue& o = cues[d];
        if (d == c || o.person == People::kNone) continue;
        if (o.pattern == CuePattern::kContinuation && o.carried_from == cue.quotation) continue;
        if (o.person == p) {
          para_single = false;
          continue;
        }
        if (para_person == People::kNone) {
          para_person = o.person;
          para_cue = d;
        } else if (para_person != o.person) {
          para_single = false;
        }
      }
      if (para_person != People::kNone && para_single &&
          people.persons()[para_person].participant > 0) {
        signals.emplace_back("paragraph-cues");
        if (best.likely == People::kNone) {
          // Alone, the signal needs a swap's shape: a bare surname speaking
          // in a quotation beside the other person's quotation, not a
          // statement issued from afar.
          const Cue& o = cues[para_cue];
          const bool alone_ok = cue.name_words == 1 && !cue.titled && !cue.statement &&
                                cue.quotation != Attribution::kNoQuotation &&
                                o.quotation != Attribution::kNoQuotation;
          if (!alone_ok) continue;
          best.likely = para_person;
          best.sentence = o.sentence;
        }
      }
      if (best.likely == People::kNone) continue;

      const Person& speaker = people.persons()[p];
      const Person& likely = people.persons()[best.likely];
      const Span established = sentences[best.sentence].span;
      Evidence evidence = {
          {"signals", signals},
          {"speaker", std::string(analysis.view(cue.name))},
          {"speaker_person", speaker.name},
          {"speaker_participant_mentions_outside_speech", int64_t{participant_elsewhere}},
          {"speaker_reference_mentions", int64_t{references}},
          {"likely_speaker", likely.name},
          {"established_by", std::string(analysis.view(established))},
          {"established_line", LineOf(analysis, established.start)},
      };
      if (!frame_text.empty()) evidence.emplace_back("frame", frame_text);
      std::string message = "speech attributed to " + speaker.name +
                            ", whom the article otherwise only mentions in passing, in an event "
                            "that belongs to " + likely.name;
      sink.Report(cue.name, std::move(message), std::move(evidence));
    }
  }

 private:
  static constexpr size_t kNoCue = static_cast<size_t>(-1);

  // The article's cues and mentions arranged for the per-cue tests, built
  // once per article in time linear in them (a hash set and a stable sort).
  struct Index {
    Index(const People& people, const Quotations& quotes, const std::vector<Cue>& cues)
        : mentions(people.mentions()) {
      const size_t persons = people.persons().size();
      participant_elsewhere.assign(persons, 0);
      unquoted_begin.assign(persons + 1, 0);
      references.assign(persons, 0);
      shares_surname.assign(persons, false);
      // Sentences where words are put in a person's mouth by name.
      absl::flat_hash_set<uint64_t> speech;
      for (const Cue& o : cues) {
        if (o.person != People::kNone && o.kind == SpeakerKind::kName) {
          speech.insert(Key(o.person, o.sentence));
        }
      }
      const std::vector<Quotation>& all = quotes.quotations();
      for (size_t k = 0; k < mentions.size(); ++k) {
        const NameMention& m = mentions[k];
        if (m.person == People::kNone) continue;
        if (m.role == MentionRole::kParticipant && !speech.contains(Key(m.person, m.sentence))) {
          ++participant_elsewhere[m.person];
        }
        if (m.role == MentionRole::kReference) ++references[m.person];
        if (!m.quoted) {
          ++unquoted_begin[m.person + 1];
          continue;
        }
        if (m.name_words == 0) continue;
        const Quotation* at = quotes.At(m.name.start);
        if (at == nullptr || at->level != 0) continue;
        const size_t q = static_cast<size_t>(at - all.data());
        if (q < all.size()) named_in_quotation.try_emplace(Key(m.person, all[q].first), k);
      }
      // Each person's mentions outside quotations, in one vector grouped by
      // person (counted above, placed now), in text order within a person.
      for (size_t o = 0; o < persons; ++o) unquoted_begin[o + 1] += unquoted_begin[o];
      unquoted.resize(unquoted_begin[persons]);
      {
        std::vector<size_t> next(unquoted_begin.begin(), unquoted_begin.end() - 1);
        for (size_t k = 0; k < mentions.size(); ++k) {
          const NameMention& m = mentions[k];
          if (m.person != People::kNone && !m.quoted) unquoted[next[m.person]++] = k;
        }
      }
      absl::flat_hash_map<std::string_view, int> surnames;
      for (const Person& person : people.persons()) ++surnames[person.surname];
      for (size_t o = 0; o < persons; ++o) {
        shares_surname[o] = surnames[people.persons()[o].surname] > 1;
      }
      by_paragraph.resize(cues.size());
      for (size_t d = 0; d < cues.size(); ++d) by_paragraph[d] = d;
      std::stable_sort(by_paragraph.begin(), by_paragraph.end(), [&](size_t a, size_t b) {
        return cues[a].paragraph < cues[b].paragraph;
      });
      paragraph_of.resize(cues.size());
      for (size_t i = 0; i < cues.size(); ++i) paragraph_of[i] = cues[by_paragraph[i]].paragraph;
    }

    static uint64_t Key(size_t a, size_t b) {
      return (static_cast<uint64_t>(a) << 32) ^ static_cast<uint32_t>(b);
    }

    // The cues of paragraph p, in cue order.
    std::span<const size_t> CuesOfParagraph(size_t p) const {
      const auto [lo, hi] = std::equal_range(paragraph_of.begin(), paragraph_of.end(), p);
      return {by_paragraph.data() + (lo - paragraph_of.begin()),
              static_cast<size_t>(hi - lo)};
    }

    const std::vector<NameMention>& mentions;
    // Per person: participant mentions outside the sentences of the
    // person's own named cues, and reference mentions.
    std::vector<int> participant_elsewhere, references;
    // Mentions outside quotations of person o, in text order:
    // unquoted[unquoted_begin[o], unquoted_begin[o + 1]).
    std::vector<size_t> unquoted, unquoted_begin;
    std::span<const size_t> UnquotedOf(size_t o) const {
      return {unquoted.data() + unquoted_begin[o], unquoted_begin[o + 1] - unquoted_begin[o]};
    }
    std::vector<bool> shares_surname;              // another person has the same surname
    // (person, first part of an outer quotation) -> the first mention of the
    // person by name inside that quotation.
    absl::flat_hash_map<uint64_t, size_t> named_in_quotation;
    std::vector<size_t> by_paragraph;  // cue indices, by paragraph, in cue order within one
    std::vector<size_t> paragraph_of;  // paragraph of by_paragraph[i]
  };

  // The cue of another person's indirect speech (PrecedingSpeech) that
  // cue `c`'s quotation follows, when cue `c` is a bare surname not in
  // writing and its person is mentioned nowhere outside quotations from two
  // paragraphs before that speech up to the cue; else kNoCue.
  static size_t FollowsOtherSpeaker(const Index& index, const std::vector<Cue>& cues, size_t c) {
    const Cue& cue = cues[c];
    if (cue.name_words != 1 || cue.titled || cue.statement) return kNoCue;
    const size_t d = PrecedingSpeech(cues, c);
    if (d == kNoCue || cues[d].person == cue.person) return kNoCue;
    // The person's last mention outside quotations before the cue: its
    // paragraph is the latest of all such mentions (text order).
    const std::span<const size_t> own = index.UnquotedOf(cue.person);
    const auto before = std::partition_point(own.begin(), own.end(), [&](size_t k) {
      return index.mentions[k].span.start < cue.speaker.start;
    });
    if (before != own.begin() && index.mentions[*(before - 1)].paragraph + 2 >= cues[d].paragraph) {
      return kNoCue;
    }
    return d;
  }

  // The cue before `c` when `c` replies to its own person: `c` is a bare
  // name with a reply verb, its quotation opens its paragraph, and the
  // previous paragraph is one quotation (nothing outside the marks but its
  // cue) attributed by name to the same person; else kNoCue. Not after a
  // question in the previous paragraph ("..., Smith asked himself").
  static size_t RepliesToSelf(Analysis& analysis, const Quotations& quotes,
                              const std::vector<Cue>& cues, size_t c) {
    const Cue& cue = cues[c];
    if (c == 0 || cue.statement || cue.quotation == Attribution::kNoQuotation) return kNoCue;
    if (cue.verb_base != "reply" && cue.verb_base != "retort" && cue.verb_base != "respond" &&
        cue.verb_base != "counter") {
      return kNoCue;
    }
    if (cue.pattern != CuePattern::kQuoteSpeakerVerb &&
        cue.pattern != CuePattern::kQuoteVerbSpeaker) {
      return kNoCue;
    }
    // Past the previous paragraph's continuation parts ("..., Smith said.
    // “More words.”") to the cue that names its speaker.
    size_t d = c - 1;
    while (d > 0 && cues[d].pattern == CuePattern::kContinuation &&
           cues[d].paragraph + 1 == cue.paragraph) {
      --d;
    }
    const Cue& prev = cues[d];
    if (prev.kind != SpeakerKind::kName || prev.person != cue.person ||
        prev.resolved_by != "name" || prev.quotation == Attribution::kNoQuotation ||
        prev.paragraph + 1 != cue.paragraph || prev.statement) {
      return kNoCue;
    }
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
    const Quotation& q = quotes.quotations()[cue.quotation];
    const Quotation& pq = quotes.quotations()[prev.quotation];
    if (!q.open || q.open->span.start != paragraphs[cue.paragraph].span.start) return kNoCue;
    if (!pq.open || pq.open->span.start != paragraphs[prev.paragraph].span.start) return kNoCue;
    // The previous paragraph ends with its cue's sentence: nothing between
    // the two quotations that could pose the question being answered.
    const std::string_view para = analysis.view(paragraphs[prev.paragraph].span);
    const size_t cue_end = std::max(prev.speaker.end, prev.verb.end);
    if (cue_end < paragraphs[prev.paragraph].span.start) return kNoCue;
    const std::string_view rest =
        para.substr(std::min(para.size(), cue_end - paragraphs[prev.paragraph].span.start));
    // (A second quotation of the same speaker may follow the cue.)
    const size_t first = rest.find_first_not_of(" .\t");
    if (first != std::string_view::npos) {
      const std::string_view tail = rest.substr(first);
      const bool quoted = (tail.starts_with("\u201C") || tail.starts_with("\"")) &&
                          (tail.ends_with("\u201D") || tail.ends_with("\""));
      if (!quoted) return kNoCue;
    }
    if (para.find('?') != std::string_view::npos) return kNoCue;
    return d;
  }

  // The cue right after cue `c` (continuations of `c` aside) when it is a
  // "he"/"she" pronoun of the other gender than `c`'s person, in `c`'s
  // paragraph or the next, and nothing between `c`'s speaker and the
  // pronoun (outside quotation marks) could be what the pronoun stands for:
  // no other name, no pronoun or gendered noun of the pronoun's gender ("his
  // plan", "her husband"). `c`'s person must have a known gender and the
  // pronoun must attribute a quotation. Else kNoCue.
  static size_t PronounDisagrees(Analysis& analysis, const People& people,
                                 const std::vector<Cue>& cues, size_t c) {
    const Cue& cue = cues[c];
    const Person& person = people.persons()[cue.person];
    if (person.gender == Gender::kUnknown || cue.proxy) return kNoCue;
    size_t d = c + 1;
    while (d < cues.size() && cues[d].pattern == CuePattern::kContinuation) ++d;
    if (d >= cues.size()) return kNoCue;
    const Cue& next = cues[d];
    if (next.kind != SpeakerKind::kPronoun || next.quotation == Attribution::kNoQuotation ||
        next.paragraph > cue.paragraph + 1) {
      return kNoCue;
    }
    const std::string pronoun = AsciiLower(analysis.view(next.speaker));
    Gender want;
    if (pronoun == "he") {
      want = Gender::kMale;
    } else if (pronoun == "she") {
      want = Gender::kFemale;
    } else {
      return kNoCue;
    }
    if (want == person.gender) return kNoCue;
    const Span between = {std::max(cue.speaker.end, cue.verb.end), next.speaker.start};
    if (between.end <= between.start) return kNoCue;
    const std::vector<NameMention>& mentions = people.mentions();
    for (auto m = std::partition_point(
             mentions.begin(), mentions.end(),
             [&](const NameMention& x) { return x.span.start < between.start; });
         m != mentions.end() && m->span.start < between.end; ++m) {
      if (!m->quoted && m->person != cue.person) return kNoCue;
    }
    static const WordSet kMaleWords = {"he",      "him",     "his",    "himself", "man",
                                       "men",     "boy",     "father", "son",     "husband",
                                       "brother", "uncle",   "nephew", "grandfather",
                                       "boyfriend", "spokesman", "chairman"};
    static const WordSet kFemaleWords = {"she",     "her",       "hers",   "herself",  "woman",
                                         "women",   "girl",      "mother", "daughter", "wife",
                                         "sister",  "aunt",      "niece",  "grandmother",
                                         "girlfriend", "spokeswoman", "chairwoman"};
    const WordSet& blockers = want == Gender::kMale ? kMaleWords : kFemaleWords;
    const Quotations& quotes = analysis.Shared<Quotations>();
    for (const Token& t : analysis.TokensIn(between)) {
      if (!blockers.count(AsciiLower(analysis.view(t.span)))) continue;
      if (quotes.At(t.span.start) == nullptr) return kNoCue;
    }
    return d;
  }

  // Who the pronoun of cue `d` stands for when it is not cue `c`'s person:
  // its own resolution when that fits, else the latest other named speaker
  // of the pronoun's gender before `c`.
  static LikelySpeaker PronounsPerson(const People& people, const std::vector<Cue>& cues,
                                      size_t c, size_t d) {
    LikelySpeaker likely;
    const Gender other = people.persons()[cues[c].person].gender == Gender::kMale
                             ? Gender::kFemale
                             : Gender::kMale;
    auto fits = [&](size_t person) {
      return person != People::kNone && person != cues[c].person &&
             people.persons()[person].gender != people.persons()[cues[c].person].gender &&
             (people.persons()[person].gender == other ||
              people.persons()[person].gender == Gender::kUnknown);
    };
    if (fits(cues[d].person)) {
      likely.person = cues[d].person;
      likely.basis = "pronoun";
      likely.cue = d;
      return likely;
    }
    for (size_t e = c; e-- > 0;) {
      if (cues[e].kind == SpeakerKind::kName && fits(cues[e].person) &&
          people.persons()[cues[e].person].gender == other) {
        likely.person = cues[e].person;
        likely.basis = "nearby-cue";
        likely.cue = e;
        return likely;
      }
    }
    // Else the person the story named last before the cue who may be the
    // pronoun ("a contemporary photographer, Sam Whitehorse, ...").
    const std::vector<NameMention>& mentions = people.mentions();
    for (size_t k = mentions.size(); k-- > 0;) {
      const NameMention& m = mentions[k];
      if (m.span.start >= cues[c].speaker.start || m.quoted || !fits(m.person)) continue;
      likely.person = m.person;
      likely.basis = "earlier-mention";
      return likely;
    }
    return likely;
  }

  // A mention of the cue's person by name in the words of the direct
  // quotation the cue attributes (its outer level; a nested quotation is
  // someone else's words, where the speaker may be addressed), or nullptr.
  // Not when another person shares the surname ("Hunter Biden", "Joe
  // Biden"): which one the quotation means is a guess.
  static const NameMention* SelfMention(const Index& index, const Cue& cue) {
    if (cue.quotation == Attribution::kNoQuotation ||
        !(cue.pattern == CuePattern::kQuoteSpeakerVerb ||
          cue.pattern == CuePattern::kQuoteVerbSpeaker ||
          cue.pattern == CuePattern::kSpeakerVerbQuote)) {
      return nullptr;
    }
    if (index.shares_surname[cue.person]) return nullptr;
    const auto it = index.named_in_quotation.find(Index::Key(cue.person, cue.quotation));
    return it == index.named_in_quotation.end() ? nullptr : &index.mentions[it->second];
  }

  // "Meeting with X, <speaker> said": a frame at the start of the cue's
  // sentence naming a person other than the speaker, with the speaker's
  // name right after its comma.
  std::optional<Frame> EventFrame(Analysis& analysis, const People& people, const Cue& cue) const {
    const Sentence& s = analysis.sentences()[cue.sentence];
    std::span<const Token> toks = analysis.SentenceTokens(cue.sentence);
    if (toks.empty()) return std::nullopt;
    size_t matched = 0;
    for (const std::vector<std::string>& words : frames_) {
      if (words.size() > toks.size() || words.size() <= matched) continue;
      bool ok = true;
      for (size_t k = 0; k < words.size() && ok; ++k) {
        ok = AsciiLower(analysis.view(toks[k].span)) == words[k];
      }
      if (ok) matched = words.size();
    }
    if (matched == 0) return std::nullopt;
    // The frame runs to the first comma; the speaker follows it.
    const size_t from = toks[matched - 1].span.end;
    std::string_view rest = analysis.view({from, s.span.end});
    size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const size_t comma_at = from + comma;
    if (cue.speaker.start < comma_at) return std::nullopt;
    std::string_view between = analysis.view({comma_at + 1, cue.speaker.start});
    for (char ch : between) {
      if (ch != ' ') return std::nullopt;
    }
    Frame frame;
    frame.span = {toks[0].span.start, comma_at};
    for (const NameMention& m : people.mentions()) {
      if (m.span.start >= comma_at) break;
      if (m.span.start < from) continue;
      if (m.person != People::kNone && m.person != cue.person) frame.person = m.person;
    }
    if (frame.person == People::kNone) return std::nullopt;
    return frame;
  }

  std::vector<std::vector<std::string>> frames_;
};

}  // namespace

std::unique_ptr<Rule> MakeSpeakerMismatchRule() { return std::make_unique<SpeakerMismatchRule>(); }

}  // namespace newslint
