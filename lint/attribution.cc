// newslint: attribution cues, who says what. See lint/attribution.h.

#include "lint/attribution.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lint/flat_hash.h"
#include "lint/quotations.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"

namespace newslint {
namespace {

// Lexicon words, looked up per token. Never iterated (lint/flat_hash.h).
using WordSet = FilteredWordSet;  // lint/flat_hash.h

struct VerbTable {
  std::vector<std::string> bases;  // owns the base forms
  // Looked up by string_view per token; never iterated.
  StringMap<ReportingVerb> forms;
  // FindReportingVerb asks of every word it is given: this rejects most
  // without hashing ("the", "of", "with"; not "and", like "add"). Holds
  // "according" too (see MayStartCue).
  EdgeLengthFilter filter;
  // The first two bytes of the forms of two bytes or more: most common
  // words the filter passes fail here, before a hash. Neither rejects a form.
  std::bitset<65536> first_two;
  bool MayBeForm(std::string_view w) const {
    if (!filter.MayContain(w)) return false;
    return w.size() < 2 ||
           first_two.test(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]));
  }

  // The scan's filter (Builder::ScanSentence asks it of every lower-case
  // word): `filter` (which "according" is added to as well), then one bit per
  // key of every form and of "according", the key mixing a word's first two
  // bytes, last byte and length. A form or "according" always passes (every
  // bit it tests is set); other words pass far less often than they pass
  // MayBeForm (in profiles about 100k words of a run of clean news passed it
  // only to fail the hash lookup).
  std::bitset<65536> scan_keys;
  static uint32_t ScanKey(std::string_view w) {  // w not empty
    const uint32_t first = static_cast<unsigned char>(w[0]);
    const uint32_t second = w.size() >= 2 ? static_cast<unsigned char>(w[1]) : 0;
    const uint32_t last = static_cast<unsigned char>(w.back());
    // The size's low eight bits (the shift drops the others).
    const uint32_t size = static_cast<uint32_t>(w.size()) << 24;
    return ((first | second << 8 | last << 16 | size) * 0x9E3779B1u) >> 16;
  }
  void AddScanKey(std::string_view w) {
    if (w.empty()) return;
    filter.Add(w);
    scan_keys.set(ScanKey(w));
  }
  // False: `w` is neither a form nor "according".
  bool MayStartCue(std::string_view w) const {
    return filter.MayContain(w) && scan_keys.test(ScanKey(w));  // MayContain("") is false
  }
};

const VerbTable& Verbs() {
  static const VerbTable kTable = [] {
    VerbTable t;
    std::vector<std::vector<std::string>> lines;
    for (std::string_view entry : LexiconEntries("reporting-verbs")) {
      std::vector<std::string> words = EntryWords(entry);
      if (!words.empty()) lines.push_back(std::move(words));
    }
    t.bases.reserve(lines.size());
    for (const auto& words : lines) t.bases.push_back(words[0]);
    for (size_t l = 0; l < lines.size(); ++l) {
      const auto& words = lines[l];
      std::string_view base = t.bases[l];
      for (size_t k = 0; k < words.size(); ++k) {
        VerbForm form = VerbForm::kBase;
        const std::string& w = words[k];
        if (k == 0) {
          form = VerbForm::kBase;
        } else if (w.size() > 3 && w.ends_with("ing")) {
          form = VerbForm::kIng;
        } else if (k == 1) {
          form = VerbForm::kPast;
        } else if (k == 2) {
          form = VerbForm::kPresent;
        } else {
          form = VerbForm::kParticiple;
        }
        // A form listed twice (a past that is also the participle) keeps
        // its first reading.
        t.forms.emplace(w, ReportingVerb{base, form});
        t.AddScanKey(w);  // and filter.Add(w)
        if (w.size() >= 2) {
          t.first_two.set(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]));
        }
      }
    }
    t.AddScanKey("according");
    return t;
  }();
  return kTable;
}

const WordSet& Pronouns() {
  static const WordSet kSet = {"he", "she", "they", "we", "i", "it", "you"};
  return kSet;
}

// Words that end a noun phrase's search: a slot never ends in one of them.
const WordSet& NotNounEnds() {
  static const WordSet kSet = {
      "that", "and", "but", "or", "which", "who", "whom", "whose", "as", "is", "was", "are",
      "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
      "may", "might", "must", "should", "shall", "do", "does", "did", "not", "to", "of", "in",
      "on", "at", "by", "for", "with", "from", "about", "than", "so", "if", "when", "while",
      "where", "what", "how", "why", "there", "here", "also", "then", "this", "these", "those",
      "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "all", "just",
      "only", "even", "once", "previously", "repeatedly", "reportedly", "widely", "often",
      "long", "recently", "had", "it", "once"};
  return kSet;
}

const WordSet& Determiners() {
  static const WordSet kSet = {"the", "a", "an", "his", "her", "its", "their", "our",
                               "this", "that", "another", "one", "my", "your", "some",
                               "several", "many", "two", "three", "both"};
  return kSet;
}

// Words between a subject and its reporting verb.
const WordSet& SlotGapWords() {
  static const WordSet kSet = {"also",       "then",     "later",    "meanwhile", "previously",
                               "again",      "now",      "still",    "once",      "never",
                               "has",        "had",      "have",     "already",   "recently",
                               "subsequently", "initially", "earlier", "separately", "further",
                               "himself",    "herself",  "repeatedly", "reportedly", "often",
                               "always",     "first",    "too"};
  return kSet;
}

// Before a reporting verb form, a word that makes it no verb of speech by
// the subject ("was told", "to say", "the noted author").
const WordSet& NotCueBefore() {
  static const WordSet kSet = {"was",  "were", "is",  "are",   "be",   "been",  "being",
                               "to",   "the",  "a",   "an",    "get",  "got",   "gets",
                               "when", "if",   "as",  "newly", "much", "widely", "who",
                               "which", "had", "has"};
  return kSet;
}

const WordSet& Modals() {
  static const WordSet kSet = {"will", "would", "can", "could", "may", "might", "must",
                               "should", "shall", "did", "does", "do", "not", "to"};
  return kSet;
}

// Only spaces and the punctuation that may stand between a quotation and
// its cue (",", ".", "!", "?", ";", dashes).
bool OnlyCuePunctuation(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    if (!(utf8::IsSpace(cp.value) || cp.value == ',' || cp.value == '.' || cp.value == '!' ||
          cp.value == '?' || cp.value == ';' || cp.value == U'\u2014' || cp.value == U'\u2013' ||
          cp.value == '-')) {
      return false;
    }
    i += cp.length;
  }
  return true;
}

// Whether a phrase of WrittenStatement starts at s[at], where s holds "in" or
// "on" at s[at].
bool WrittenPhraseAt(std::string_view s, size_t at) {
  const std::string_view rest = s.substr(at);
  if (rest.starts_with("in a")) {
    const std::string_view tail = rest.substr(4);
    for (std::string_view t : {" statement", " written", " post", " letter", " filing", " release",
                               " tweet", " note", "n email", "n e-mail"}) {
      if (tail.starts_with(t)) return true;
    }
    return false;
  }
  if (rest.starts_with("on ")) {
    const std::string_view tail = rest.substr(3);
    return tail.starts_with("twitter") || tail.starts_with("social media");
  }
  return false;
}

}  // namespace

bool WrittenStatement(std::string_view lower_sentence) {
  // Every phrase (attribution.h) starts with "in a" or "on ": a phrase
  // occurs exactly where "in" or "on" does and the rest of the phrase
  // follows, so checking every position of "in" and "on" finds what a
  // search per phrase found. Those positions are found sixteen at a time
  // (a search for "in a" ran memchr from each "i" of the sentence, and
  // showed in profiles); the byte loop takes the rest and every position
  // without SSE2.
  const std::string_view s = lower_sentence;
  const char* const p = s.data();
  size_t i = 0;
#ifdef __SSE2__
  // Positions i..i+15, reading bytes i..i+16.
  for (; i + 17 <= s.size(); i += 16) {
    const __m128i at = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i io =
        _mm_or_si128(_mm_cmpeq_epi8(at, _mm_set1_epi8('i')), _mm_cmpeq_epi8(at, _mm_set1_epi8('o')));
    auto hits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(io, _mm_cmpeq_epi8(next, _mm_set1_epi8('n')))));
    for (; hits != 0; hits &= hits - 1) {
      if (WrittenPhraseAt(s, i + static_cast<size_t>(std::countr_zero(hits)))) return true;
    }
  }
#endif
  for (; i + 1 < s.size(); ++i) {
    if ((p[i] == 'i' || p[i] == 'o') && p[i + 1] == 'n' && WrittenPhraseAt(s, i)) return true;
  }
  return false;
}

namespace {

struct Slot {
  SpeakerKind kind = SpeakerKind::kNone;
  Span span;
  const NameMention* mention = nullptr;
  bool determiner = false;
  bool possessor = false;  // the slot is a name after a preposition inside a
                           // larger phrase ("a spokeswoman for Smith")
};

class Builder {
 public:
  Builder(Analysis& analysis, std::vector<Cue>* cues)
      : an_(analysis),
        tokens_(analysis.tokens()),
        lower_text_(analysis.lower_view({0, analysis.text().size()})),
        sentences_(analysis.sentences()),
        paragraphs_(analysis.paragraphs()),
        quotes_(analysis.Shared<Quotations>()),
        people_(analysis.Shared<People>()),
        cues_(*cues) {}

  void Run() {
    // Room for the cues of a typical article (news has about one cue in
    // four sentences), so pushing them rarely moves the ones before.
    cues_.reserve(sentences_.size() / 2 + 4);
    for (size_t s = 0; s < sentences_.size(); ++s) ScanSentence(s);
    Continuations();
    SortByAnchor();
    for (Cue& cue : cues_) Resolve(cue);
    // Continuations take the speaker of the cue they carry on, resolved now.
    for (Cue& cue : cues_) {
      if (cue.pattern != CuePattern::kContinuation) continue;
      for (const Cue& from : cues_) {
        if (from.quotation == cue.carried_from) {
          cue.person = from.person;
          cue.speaker_text = from.speaker_text;
          cue.resolved_by = from.person != People::kNone ? "carried" : "";
          cue.statement = from.statement;
          break;
        }
      }
    }
  }

 private:
  // Sorts the cues by Anchor as std::sort sorting them with that comparison
  // did, without moving whole Cues (two strings each) about: std::sort's
  // steps depend only on the answers of the comparisons, so sorting (anchor,
  // index) pairs under the same comparison of anchors gives the same
  // permutation (equal anchors included), which then moves each cue once.
  void SortByAnchor() {
    std::vector<std::pair<size_t, size_t>> order(cues_.size());
    for (size_t i = 0; i < cues_.size(); ++i) order[i] = {Anchor(cues_[i]), i};
    std::sort(order.begin(), order.end(),
              [](const std::pair<size_t, size_t>& a, const std::pair<size_t, size_t>& b) {
                return a.first < b.first;
              });
    bool moved = false;
    for (size_t i = 0; i < order.size() && !moved; ++i) moved = order[i].second != i;
    if (!moved) return;
    std::vector<Cue> sorted;
    sorted.reserve(cues_.capacity());
    for (const auto& [anchor, i] : order) sorted.push_back(std::move(cues_[i]));
    cues_ = std::move(sorted);
  }

  size_t Anchor(const Cue& c) const {
    if (!c.verb.empty()) return c.verb.start;
    const Quotation& q = quotes_.quotations()[c.quotation];
    return q.open ? q.open->span.start : q.content.start;
  }

  // The lowered text is taken once (lower_text_): Lower runs per token.
  std::string_view Lower(size_t j) const {
    // Made directly: tokens lie inside the text (no bounds check needed).
    const Span t = tokens_[j].span;
    return std::string_view(lower_text_.data() + t.start, t.end - t.start);
  }
  std::string_view Gap(size_t a, size_t b) const {
    return an_.view({tokens_[a].span.end, tokens_[b].span.start});
  }
  bool Quoted(size_t j) const { return quotes_.At(tokens_[j].span.start) != nullptr; }

  // Whether level-0 quotation `qi` opens its sentence: nothing but spaces and
  // punctuation between the sentence's start and its opening mark.
  bool Standalone(size_t qi) const {
    const Quotation& first = quotes_.quotations()[quotes_.quotations()[qi].first];
    if (!first.open) return true;
    const size_t at = first.open->span.start;
    for (const Sentence& s : sentences_) {
      if (s.span.start <= at && at < s.span.end) {
        return !utf8::HasLetterOrDigit(an_.view({s.span.start, at}));
      }
    }
    return false;
  }

  // Where a quotation starts: its opening mark, or (a part carried in) its
  // content.
  static size_t StartOf(const Quotation& q) {
    return q.open ? q.open->span.start : q.content.start;
  }
  // Whether paragraph p's quotations come in order of StartOf, as
  // Quotations gives them; checked once per paragraph all the same, and the
  // searches below fall back to walks when not.
  bool StartsSorted(size_t p) const {
    if (starts_sorted_.empty()) starts_sorted_.assign(paragraphs_.size(), -1);
    if (starts_sorted_[p] < 0) {
      const std::span<const Quotation> in = quotes_.In(p);
      starts_sorted_[p] = std::is_sorted(in.begin(), in.end(),
                                         [](const Quotation& a, const Quotation& b) {
                                           return StartOf(a) < StartOf(b);
                                         })
                              ? 1
                              : 0;
    }
    return starts_sorted_[p] == 1;
  }
  // Index in In(p) of the first quotation starting at or after `offset`
  // (StartsSorted(p) must hold).
  size_t FirstStartingAt(size_t p, size_t offset) const {
    const std::span<const Quotation> in = quotes_.In(p);
    return static_cast<size_t>(
        std::partition_point(in.begin(), in.end(),
                             [&](const Quotation& q) { return StartOf(q) < offset; }) -
        in.begin());
  }

  // The level-0 quotation of paragraph `p` whose closing mark ends before
  // `offset` with only cue punctuation between, or npos.
  size_t QuoteClosingBefore(size_t p, size_t offset) const {
    std::span<const Quotation> in = quotes_.In(p);
    const size_t base = static_cast<size_t>(in.data() - quotes_.quotations().data());
    // Those starting at or after `offset` close after it: skipped unread.
    for (size_t k = StartsSorted(p) ? FirstStartingAt(p, offset) : in.size(); k-- > 0;) {
      const Quotation& q = in[k];
      if (q.level != 0 || !q.close || q.close->span.end > offset) continue;
      if (!OnlyCuePunctuation(an_.view({q.close->span.end, offset}))) return Attribution::kNoQuotation;
      return base + k;
    }
    return Attribution::kNoQuotation;
  }

  // The level-0 quotation opened right after the verb ending at `from`, past
  // a few words of adjunct ("in a statement", "to reporters") and a colon or
  // comma, in the same sentence or the next, or npos.
  size_t QuoteOpeningAfter(size_t p, size_t from, size_t limit_tokens) const {
    std::span<const Quotation> in = quotes_.In(p);
    const size_t base = static_cast<size_t>(in.data() - quotes_.quotations().data());
    // Those starting before `from` open before it: skipped unread.
    for (size_t k = StartsSorted(p) ? FirstStartingAt(p, from) : 0; k < in.size(); ++k) {
      const Quotation& q = in[k];
      if (q.level != 0 || !q.open || q.open->span.start < from) continue;
      std::string_view between = an_.view({from, q.open->span.start});
      // The opening must follow a colon or comma (or the verb directly).
      size_t e = between.size();
      while (e > 0 && utf8::SpaceLengthBefore(between, e) > 0) e -= utf8::SpaceLengthBefore(between, e);
      bool introduced = e == 0 || between[e - 1] == ':' || between[e - 1] == ',';
      if (!introduced) return Attribution::kNoQuotation;
      if (e > 0) {
        std::string_view words = between.substr(0, e - 1);
        if (words.find_first_of(".!?;") != std::string_view::npos) return Attribution::kNoQuotation;
        size_t count = Tokenize(words).size();
        if (count > limit_tokens) return Attribution::kNoQuotation;
      }
      return base + k;
    }
    return Attribution::kNoQuotation;
  }

  // The noun phrase ending with token e (inclusive), as a slot.
  Slot SlotEndingAt(size_t base, size_t e) const {
    Slot slot;
    if (Quoted(e)) return slot;
    const std::string_view w = Lower(e);
    if (Pronouns().count(w)) {
      slot.kind = SpeakerKind::kPronoun;
      slot.span = tokens_[e].span;
      return slot;
    }
    if (const NameMention* m = people_.MentionAt(tokens_[e].span.start);
        m != nullptr && m->end_token == e + 1 && !m->possessive) {
      return MentionSlot(base, *m);
    }
    if (const NameMention* m = people_.MentionIn(tokens_[e].span);
        m != nullptr && m->end_token == e + 1 && m->name_words == 0 && !m->possessive) {
      return MentionSlot(base, *m);  // "the minister"
    }
    if (NotNounEnds().count(w)) return slot;
    const TokenShape shape = tokens_[e].shape;
    if (shape == TokenShape::kNumber) return slot;
    if (shape == TokenShape::kLower && w.size() > 4 && w.ends_with("ed")) return slot;
    if (shape == TokenShape::kLower && w.size() > 3 && w.ends_with("ing")) return slot;
    // A common noun phrase: back to its determiner, a comma or 8 words.
    size_t start = e;
    bool det = false;
    for (size_t k = e; k > base && e - k < 8;) {
      if (!utf8::IsAllSpace(Gap(k - 1, k)) &&
          !(Gap(k - 1, k) == "\xE2\x80\x99" || Gap(k - 1, k) == "'")) {
        break;
      }
      --k;
      const std::string_view kw = Lower(k);
      if (Determiners().count(kw)) {
        start = k;
        det = true;
        // "a spokeswoman for the ministry": keep going past a preposition.
        if (k > base && utf8::IsAllSpace(Gap(k - 1, k))) {
          const std::string_view before = Lower(k - 1);
          if (before == "for" || before == "of" || before == "at" || before == "from") {
            continue;
          }
        }
        break;
      }
      if (NotNounEnds().count(kw) && kw != "for" && kw != "of" && kw != "at" && kw != "from") break;
      if (tokens_[k].shape == TokenShape::kLower && kw.size() > 4 && kw.ends_with("ed")) break;
      start = k;
    }
    slot.kind = SpeakerKind::kNominal;
    slot.span = {tokens_[start].span.start, tokens_[e].span.end};
    slot.determiner = det;
    return slot;
  }

  Slot MentionSlot(size_t base, const NameMention& m) const {
    Slot slot;
    slot.mention = &m;
    slot.span = m.span;
    slot.kind = m.name_words > 0 ? SpeakerKind::kName : SpeakerKind::kNominal;
    if (m.first_token > base && utf8::IsAllSpace(Gap(m.first_token - 1, m.first_token))) {
      const std::string_view before = Lower(m.first_token - 1);
      if (Determiners().count(before)) {
        slot.determiner = true;
        slot.span.start = tokens_[m.first_token - 1].span.start;
      }
      // "a spokeswoman for Smith said": the name is not the speaker.
      if (before == "for" || before == "of" || before == "to" || before == "at" ||
          before == "from" || before == "with" || before == "by") {
        slot.possessor = true;
        slot.kind = SpeakerKind::kNominal;
        // The phrase it belongs to: back to its determiner ("a spokeswoman").
        for (size_t k = m.first_token - 1; k > base && m.first_token - k < 7; --k) {
          if (!utf8::IsAllSpace(Gap(k - 1, k))) break;
          if (Determiners().count(Lower(k - 1))) {
            slot.span.start = tokens_[k - 1].span.start;
            break;
          }
        }
      }
    }
    if (!m.title.empty() && m.name_words == 0) slot.determiner = true;
    return slot;
  }

  // The speaker slot before the verb at token j.
  Slot SpeakerBefore(size_t base, size_t j) const {
    Slot none;
    if (j == base) return none;
    size_t k = j - 1;
    // Adverbs and auxiliaries: "Blinken later said", "Smith has said".
    while (k > base && tokens_[k].shape == TokenShape::kLower && utf8::IsAllSpace(Gap(k, k + 1)) &&
           (SlotGapWords().count(Lower(k)) ||
            (Lower(k).size() > 4 && Lower(k).ends_with("ly")))) {
      --k;
    }
    std::string_view gap = Gap(k, k + 1);
    if (utf8::IsAllSpace(gap)) return SlotEndingAt(base, k);
    // "Blinken, meanwhile, said" / "Istanbul's mayor, Ekrem İmamoğlu, said".
    if (gap.find(',') == std::string_view::npos || gap.size() > 3) return none;
    if (Quoted(k)) return none;
    size_t c = k;  // first token of the apposition
    bool found = false;
    while (c > base && k - c < 15) {
      std::string_view g = Gap(c - 1, c);
      if (g.find(',') != std::string_view::npos && g.size() <= 3) {
        found = true;
        break;
      }
      if (!utf8::IsAllSpace(g) && g != "-" && g != "\xE2\x80\x99" && g != "'") return none;
      --c;
    }
    if (!found) return none;
    // The apposition is itself the name: "the mayor, Jane Roe, said".
    if (const NameMention* m = people_.MentionAt(tokens_[k].span.start);
        m != nullptr && m->first_token == c && m->end_token == k + 1 && m->name_words > 0) {
      Slot before = SlotEndingAt(base, c - 1);
      if (before.kind == SpeakerKind::kNominal || before.kind == SpeakerKind::kNone) {
        return MentionSlot(base, *m);
      }
    }
    return SlotEndingAt(base, c - 1);
  }

  // The speaker slot after the verb at token j ("said Blinken", "said the
  // mayor of X, Jane Roe").
  Slot SpeakerAfter(size_t end, size_t j) const {
    Slot none;
    size_t k = j + 1;
    if (k >= end || !utf8::IsAllSpace(Gap(j, k))) return none;
    if (Quoted(k)) return none;
    const std::string_view w = Lower(k);
    if (Pronouns().count(w)) {
      Slot slot;
      slot.kind = SpeakerKind::kPronoun;
      slot.span = tokens_[k].span;
      return slot;
    }
    if (const NameMention* m = people_.MentionAt(tokens_[k].span.start);
        m != nullptr && m->first_token == k) {
      Slot slot = MentionSlot(k, *m);
      return slot;
    }
    if (const NameMention* m = people_.MentionIn(tokens_[k].span);
        m != nullptr && m->first_token == k) {
      return MentionSlot(k, *m);
    }
    if (!Determiners().count(w) && tokens_[k].shape != TokenShape::kLower) return none;
    if (NotNounEnds().count(w) && !Determiners().count(w)) return none;
    // A common noun phrase, then maybe ", Name" in apposition.
    size_t e = k;
    while (e + 1 < end && e - k < 8 && utf8::IsAllSpace(Gap(e, e + 1))) {
      const NameMention* m = people_.MentionAt(tokens_[e + 1].span.start);
      if (m != nullptr && m->name_words > 0) {
        e = m->end_token - 1;
        continue;
      }
      ++e;
    }
    if (e + 1 < end) {
      std::string_view g = Gap(e, e + 1);
      if (g.find(',') != std::string_view::npos && g.size() <= 3) {
        if (const NameMention* m = people_.MentionAt(tokens_[e + 1].span.start);
            m != nullptr && m->first_token == e + 1 && m->name_words > 0) {
          return MentionSlot(e + 1, *m);
        }
      }
    }
    Slot slot;
    slot.kind = SpeakerKind::kNominal;
    slot.span = {tokens_[k].span.start, tokens_[e].span.end};
    slot.determiner = Determiners().count(w) > 0;
    return slot;
  }

  void Fill(Cue& cue, const Slot& slot) const {
    cue.kind = slot.kind;
    cue.speaker = slot.span;
    cue.speaker_text = std::string(an_.view(slot.span));
    cue.determiner = slot.determiner;
    cue.proxy = slot.possessor;
    if (slot.mention != nullptr && !slot.possessor) {
      const NameMention& m = *slot.mention;
      cue.titled = !m.title.empty();
      if (m.name_words > 0) {
        cue.name = m.name;
        // The name without a possessive.
        std::string_view n = an_.view(m.name);
        cue.name.end = cue.name.start + StripPossessive(n).size();
        cue.name_words = m.name_words;
      }
    }
  }

  void ScanSentence(size_t s) {
    // Found once for the article (Analysis::SentenceTokenRange).
    const auto [base, end] = an_.SentenceTokenRange(s);
    if (base == end) return;
    const size_t first_cue = cues_.size();
    const VerbTable& verbs = Verbs();
    // The walk over every token stays small and apart from what a candidate
    // verb costs (TryCue, not inlined): most words are no cue, and with the
    // candidate's work inlined here the loop kept its values on the stack
    // (about 30 instructions per lower-case word in profiles). Every token
    // that may give a cue (a lower-case form or "according") still reaches
    // TryCue: VerbTable::MayStartCue passes them all. Any other word TryCue
    // meets returns at its hash lookup, with no effect, as it did here.
    const Token* const tokens = tokens_.data();
    const char* const lower = lower_text_.data();
    for (size_t j = base; j < end; ++j) {
      const Token& t = tokens[j];
      if (t.shape != TokenShape::kLower) continue;
      const std::string_view w(lower + t.span.start, t.span.end - t.span.start);
      if (verbs.MayStartCue(w)) TryCue(s, base, end, j);
    }
    if (cues_.size() == first_cue) return;
    AfterCues(s, first_cue);
  }

  // The cue, if any, of the lower-case token j of sentence s (tokens [base,
  // end)), which passes VerbTable::MayStartCue.
  [[gnu::noinline]] void TryCue(size_t s, size_t base, size_t end, size_t j) {
    const VerbTable& verbs = Verbs();
    const size_t p = sentences_[s].paragraph;
    {
      const std::string_view w = Lower(j);
      // Look the word up before asking whether it is quoted (a search of
      // the paragraph's quotations).
      const bool according = w == "according";
      auto found = verbs.forms.find(w);
      if (!according && found == verbs.forms.end()) return;
      if (Quoted(j)) return;
      if (according && j + 1 < end && Lower(j + 1) == "to" && utf8::IsAllSpace(Gap(j, j + 1))) {
        Slot slot = SpeakerAfter(end, j + 1);
        if (slot.kind == SpeakerKind::kName || slot.kind == SpeakerKind::kNominal) {
          Cue cue;
          cue.pattern = CuePattern::kAccordingTo;
          cue.verb = {tokens_[j].span.start, tokens_[j + 1].span.end};
          cue.verb_base = "according to";
          cue.sentence = s;
          cue.paragraph = p;
          cue.statement = true;
          Fill(cue, slot);
          cues_.push_back(std::move(cue));
        }
        return;
      }
      if (found == verbs.forms.end()) return;
      const ReportingVerb verb = found->second;
      if (verb.form == VerbForm::kIng || verb.form == VerbForm::kParticiple) return;
      if (j > base && utf8::IsAllSpace(Gap(j - 1, j)) && NotCueBefore().count(Lower(j - 1))) {
        // "has said" is fine when a subject stands before "has".
        const std::string_view before = Lower(j - 1);
        if (!((before == "has" || before == "had") && j - 1 > base)) return;
      }
      if (verb.form == VerbForm::kBase) {
        // "they say", "residents say"; not "to say", "will say".
        if (j == base || !utf8::IsAllSpace(Gap(j - 1, j))) return;
        const std::string_view before = Lower(j - 1);
        if (Modals().count(before)) return;
        bool plural = before == "they" || before == "we" || before == "i" || before == "you" ||
                      ((tokens_[j - 1].shape == TokenShape::kLower ||
                        tokens_[j - 1].shape == TokenShape::kCapitalized) &&
                       before.size() > 3 && before.ends_with("s") && !before.ends_with("ss"));
        if (!plural) return;
      }
      Cue cue;
      cue.verb = tokens_[j].span;
      cue.verb_base = std::string(verb.base);
      cue.sentence = s;
      cue.paragraph = p;
      Slot pre = SpeakerBefore(base, j);
      if (pre.kind != SpeakerKind::kNone) {
        Fill(cue, pre);
        size_t qb = QuoteClosingBefore(p, pre.span.start);
        if (qb != Attribution::kNoQuotation && Standalone(qb)) {
          cue.pattern = CuePattern::kQuoteSpeakerVerb;
          cue.quotation = quotes_.quotations()[qb].first;
        } else if (size_t qa = QuoteOpeningAfter(p, tokens_[j].span.end, 8);
                   qa != Attribution::kNoQuotation) {
          cue.pattern = CuePattern::kSpeakerVerbQuote;
          cue.quotation = quotes_.quotations()[qa].first;
        } else {
          cue.pattern = CuePattern::kSpeakerVerb;
        }
      } else {
        Slot post = SpeakerAfter(end, j);
        if (post.kind == SpeakerKind::kNone) return;
        Fill(cue, post);
        size_t qb = QuoteClosingBefore(p, tokens_[j].span.start);
        if (qb != Attribution::kNoQuotation) {
          cue.pattern = CuePattern::kQuoteVerbSpeaker;
          cue.quotation = quotes_.quotations()[qb].first;
        } else if (j > base && Gap(j - 1, j).find(',') != std::string_view::npos) {
          cue.pattern = CuePattern::kVerbSpeaker;
        } else {
          return;
        }
      }
      cue.statement = verb.base == "write" || verb.base == "tweet" || verb.base == "post";
      cues_.push_back(std::move(cue));
    }
  }

  // What a sentence with cues (from first_cue on) takes besides them.
  void AfterCues(size_t s, size_t first_cue) {
    const size_t p = sentences_[s].paragraph;
    // Statements in writing.
    const Span sentence = sentences_[s].span;
    const bool written = WrittenStatement(
        lower_text_.substr(sentence.start, sentence.end - sentence.start));  // = lower_view
    for (size_t c = first_cue; c < cues_.size(); ++c) cues_[c].statement |= written;
    // Partial quotations in the sentence go to the cue before them (or,
    // before any cue, to an inverted or "according to" cue after them).
    std::span<const Quotation> pq = quotes_.In(p);
    const size_t qbase = static_cast<size_t>(pq.data() - quotes_.quotations().data());
    // The sentence's quotations by a binary search rather than a walk over
    // the paragraph's for every sentence (one paragraph of a thousand
    // quotations and sentences).
    const bool sorted = StartsSorted(p);
    for (size_t k = sorted ? FirstStartingAt(p, sentence.start) : 0; k < pq.size(); ++k) {
      const Quotation& q = pq[k];
      const size_t at = StartOf(q);
      if (sorted && at >= sentence.end) break;  // past the sentence
      if (q.level != 0 || q.continues) continue;
      if (at < sentences_[s].span.start || at >= sentences_[s].span.end) continue;
      const size_t qi = qbase + k;
      bool taken = false;
      for (size_t c = first_cue; c < cues_.size(); ++c) taken = taken || cues_[c].quotation == qi;
      if (taken) continue;
      Cue* owner = nullptr;
      for (size_t c = first_cue; c < cues_.size(); ++c) {
        if (cues_[c].verb.start < at) owner = &cues_[c];
      }
      if (owner == nullptr) {
        for (size_t c = first_cue; c < cues_.size(); ++c) {
          if (cues_[c].pattern == CuePattern::kVerbSpeaker ||
              cues_[c].pattern == CuePattern::kAccordingTo) {
            owner = &cues_[c];
            break;
          }
        }
      }
      if (owner != nullptr && owner->quotation == Attribution::kNoQuotation) {
        owner->quotation = qi;
      }
    }
  }

  // Cue-less quotations right after a quotation of a known speaker.
  void Continuations() {
    const std::vector<Quotation>& all = quotes_.quotations();
    std::vector<size_t> owner(all.size(), static_cast<size_t>(-1));
    for (size_t c = 0; c < cues_.size(); ++c) {
      if (cues_[c].quotation != Attribution::kNoQuotation) owner[cues_[c].quotation] = c;
    }
    size_t prev_quote = static_cast<size_t>(-1);  // the last level-0 first part
    std::vector<Cue> added;
    // The cues' verbs by position, for "no other cue between the two
    // quotations" without a walk over every cue for every quotation.
    std::vector<std::pair<size_t, size_t>> verbs(cues_.size());
    for (size_t c = 0; c < cues_.size(); ++c) verbs[c] = {cues_[c].verb.start, c};
    std::sort(verbs.begin(), verbs.end());
    for (size_t qi = 0; qi < all.size(); ++qi) {
      const Quotation& q = all[qi];
      if (q.level != 0 || q.continues) continue;
      const size_t before = prev_quote;
      prev_quote = qi;
      if (owner[qi] != static_cast<size_t>(-1) || before == static_cast<size_t>(-1)) continue;
      if (owner[before] == static_cast<size_t>(-1)) continue;
      if (!Standalone(qi)) continue;
      // The paragraph where the earlier quotation ends.
      size_t last_part = before;
      while (last_part + 1 < all.size() && all[last_part].continued) {
        size_t n = last_part + 1;
        while (n < all.size() && !(all[n].continues && all[n].first == before)) ++n;
        if (n >= all.size()) break;
        last_part = n;
      }
      const size_t at = q.open ? q.open->span.start : q.content.start;
      const size_t prev_end = all[last_part].close ? all[last_part].close->span.end
                                                   : all[last_part].content.end;
      bool near = false;
      if (q.paragraph == all[last_part].paragraph) {
        near = true;
      } else if (q.paragraph == all[last_part].paragraph + 1 &&
                 !utf8::HasLetterOrDigit(an_.view({paragraphs_[q.paragraph].span.start, at}))) {
        near = true;
      }
      if (!near) continue;
      // No other cue between the two quotations.
      bool interrupted = false;
      for (auto v = std::upper_bound(verbs.begin(), verbs.end(),
                                     std::pair<size_t, size_t>{prev_end, SIZE_MAX});
           v != verbs.end() && v->first < at && !interrupted; ++v) {
        interrupted = v->second != owner[before];
      }
      if (interrupted) continue;
      Cue cue;
      cue.pattern = CuePattern::kContinuation;
      cue.kind = SpeakerKind::kNone;
      cue.quotation = qi;
      cue.carried_from = before;
      cue.paragraph = q.paragraph;
      // The sentence holding `at` (sentences do not overlap).
      if (auto s = std::upper_bound(sentences_.begin(), sentences_.end(), at,
                                    [](size_t o, const Sentence& x) { return o < x.span.start; });
          s != sentences_.begin() && at < (s - 1)->span.end) {
        cue.sentence = static_cast<size_t>(s - 1 - sentences_.begin());
      }
      owner[qi] = cues_.size() + added.size();
      added.push_back(std::move(cue));
      // A continuation is itself a known speaker for the next quotation:
      // map it to the cue it carries, by quotation.
    }
    for (Cue& c : added) cues_.push_back(std::move(c));
    // Chains: a continuation of a continuation carries the first cue. The
    // last cue of each quotation (the cue a walk over all cues would end
    // on), by quotation.
    std::vector<size_t> last_cue(all.size(), static_cast<size_t>(-1));
    for (size_t d = 0; d < cues_.size(); ++d) {
      if (cues_[d].quotation < all.size()) last_cue[cues_[d].quotation] = d;
    }
    for (Cue& c : cues_) {
      if (c.pattern != CuePattern::kContinuation) continue;
      size_t from = c.carried_from;
      for (int guard = 0; guard < 64; ++guard) {
        const Cue* src = from < all.size() && last_cue[from] != static_cast<size_t>(-1)
                             ? &cues_[last_cue[from]]
                             : nullptr;
        if (src == nullptr || src->pattern != CuePattern::kContinuation) break;
        from = src->carried_from;
      }
      c.carried_from = from;
    }
  }

  void Resolve(Cue& cue) const {
    if (cue.pattern == CuePattern::kContinuation || cue.proxy) return;
    if (cue.kind == SpeakerKind::kName || cue.kind == SpeakerKind::kNominal) {
      const NameMention* m = people_.MentionIn(cue.speaker);
      if (m != nullptr && m->person != People::kNone && m->span.end == cue.speaker.end) {
        cue.person = m->person;
        cue.resolved_by = m->name_words > 0 ? "name" : "title";
      } else if (cue.kind == SpeakerKind::kName && cue.name_words > 0) {
        cue.person = people_.Resolve(an_.view(cue.name), cue.name.start);
        if (cue.person != People::kNone) cue.resolved_by = "name";
      }
      return;
    }
    if (cue.kind != SpeakerKind::kPronoun) return;
    const std::string w = AsciiLower(an_.view(cue.speaker));
    if (w != "he" && w != "she") return;
    const Gender want = w == "he" ? Gender::kMale : Gender::kFemale;
    // The latest sentence with a subject the pronoun can stand for. Its
    // subject wins; when its subject has the other gender (an honorific
    // says so), a participant of that sentence who fits does ("Mr Kral met
    // Ms Ruiz. ... she said").
    const std::vector<NameMention>& mentions = people_.mentions();
    // From the last mention before the cue (mentions are in text order; the
    // ones after it count for nothing, and walking them for every pronoun
    // made a long text quadratic).
    size_t k = static_cast<size_t>(
        std::partition_point(mentions.begin(), mentions.end(),
                             [&](const NameMention& m) { return m.span.start < cue.speaker.start; }) -
        mentions.begin());
    while (k > 0) {
      const size_t sentence = mentions[k - 1].sentence;
      size_t subject = People::kNone;
      size_t fallback = People::kNone;
      bool other_gender_subject = false;
      for (; k > 0 && mentions[k - 1].sentence == sentence; --k) {
        const NameMention& m = mentions[k - 1];
        if (m.span.start >= cue.speaker.start) continue;
        if (m.person == People::kNone || m.quoted || m.role != MentionRole::kParticipant) continue;
        const Gender g = people_.persons()[m.person].gender;
        const bool fits = g == Gender::kUnknown || g == want;
        if (m.subject && fits && subject == People::kNone) subject = m.person;
        if (m.subject && !fits) other_gender_subject = true;
        if (!m.subject && fits && fallback == People::kNone) fallback = m.person;
      }
      if (!mentions.empty() && sentences_[sentence].paragraph + 3 < cue.paragraph) break;
      const size_t found = subject != People::kNone ? subject
                           : other_gender_subject   ? fallback
                                                    : People::kNone;
      if (found != People::kNone) {
        cue.person = found;
        cue.resolved_by = "pronoun";
        return;
      }
    }
  }

  Analysis& an_;
  const std::vector<Token>& tokens_;
  const std::string_view lower_text_;  // Analysis::lower_view of the whole text
  const std::vector<Sentence>& sentences_;
  const std::vector<Paragraph>& paragraphs_;
  const Quotations& quotes_;
  const People& people_;
  std::vector<Cue>& cues_;
  // Per paragraph: whether its quotations' starts are in order (1), not
  // (0), or not yet known (-1).
  mutable std::vector<int8_t> starts_sorted_;
};

}  // namespace

std::string_view CuePatternName(CuePattern pattern) {
  switch (pattern) {
    case CuePattern::kQuoteSpeakerVerb:
      return "quote-speaker-verb";
    case CuePattern::kQuoteVerbSpeaker:
      return "quote-verb-speaker";
    case CuePattern::kSpeakerVerbQuote:
      return "speaker-verb-quote";
    case CuePattern::kSpeakerVerb:
      return "speaker-verb";
    case CuePattern::kVerbSpeaker:
      return "verb-speaker";
    case CuePattern::kAccordingTo:
      return "according-to";
    case CuePattern::kContinuation:
      return "continuation";
  }
  return "";
}

std::string_view SpeakerKindName(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kName:
      return "name";
    case SpeakerKind::kPronoun:
      return "pronoun";
    case SpeakerKind::kNominal:
      return "nominal";
    case SpeakerKind::kNone:
      return "none";
  }
  return "none";
}

std::optional<ReportingVerb> FindReportingVerb(std::string_view lower) {
  const VerbTable& t = Verbs();
  if (!t.MayBeForm(lower)) return std::nullopt;  // no form is "", nor fails the filter
  auto it = t.forms.find(lower);
  if (it == t.forms.end()) return std::nullopt;
  return it->second;
}

Attribution::Attribution(Analysis& analysis) {
  Builder(analysis, &cues_).Run();
  const std::vector<Quotation>& all = analysis.Shared<Quotations>().quotations();
  first_part_.resize(all.size());
  cue_of_quotation_.assign(all.size(), static_cast<size_t>(-1));
  for (size_t i = 0; i < all.size(); ++i) first_part_[i] = all[i].first;
  for (size_t c = 0; c < cues_.size(); ++c) {
    if (cues_[c].quotation < all.size() && cue_of_quotation_[cues_[c].quotation] == static_cast<size_t>(-1)) {
      cue_of_quotation_[cues_[c].quotation] = c;
    }
  }
}

const Cue* Attribution::CueOf(size_t q) const {
  if (q >= first_part_.size()) return nullptr;
  size_t c = cue_of_quotation_[first_part_[q]];
  return c == static_cast<size_t>(-1) ? nullptr : &cues_[c];
}

int Attribution::CuesOf(size_t person) const {
  int n = 0;
  for (const Cue& c : cues_) n += c.person == person && person != People::kNone;
  return n;
}

}  // namespace newslint
