// garbled/grammar: a few word sequences that machine translation produces
// and edited news never does. Each is a named signal over the tokens of one
// sentence, compared in lower case:
//
//   determiner-pair       two central determiners in a row ("the a", "their
//                         the")
//   to-finite-verb        an infinitive "to" before a finite verb ("decided
//                         to went", "he hoped to was")
//   dangling-preposition  a preposition English does not strand, right
//                         before the full stop ("... rose sharply amid.")
//   pronoun-agreement     a nominative pronoun and a verb that disagree
//                         ("they is", "he have"), outside quoted speech
//
// A sentence with several matches is one finding that lists them all.
// The word lists are closed and live in rules/lexicons/grammar-*.txt; every
// list says what it leaves out and why.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/flat_hash.h"
#include "lint/utf8.h"
#include "rules/garbled/grammar_key.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/grammar",
    Severity::kWarning,
    "Word sequences that machine translation produces and edited news never does, such as two "
    "determiners in a row or \"to\" before a finite verb.",
    {}};

// What a lexicon says about a word; one word may carry several bits.
enum WordBit : uint32_t {
  kLead = 1u << 0,           // may open a determiner pair
  kFollow = 1u << 1,         // may close a determiner pair
  kPhrase = 1u << 2,         // "priori": "a" before it is not the article
  kFinite = 1u << 3,         // a finite verb that cannot follow infinitive "to"
  kGovernor = 1u << 4,       // takes an infinitive "to"
  kToGuard = 1u << 5,        // earlier in the clause, "to" may close it
  kDanglingEnd = 1u << 6,    // last word of a never-stranded preposition
  kPronoun = 1u << 7,        // first word of an agreement pair
  kAgreeVerb = 1u << 8,      // second word of an agreement pair
  kAux = 1u << 9,            // before a pronoun: an inversion ("does he have")
  kMandative = 1u << 10,     // before a pronoun: a subjunctive ("that he have")
  kCoord = 1u << 11,         // before a pronoun: a joined subject ("he and she")
  kMention = 1u << 12,       // before a pronoun: a word about it ("the royal we")
  kNumeralLabel = 1u << 13,  // before "I": a Roman numeral ("type I is")
  kWhGuard = 1u << 14,       // a guard only at a subject clause's start ("how")
  kWhAfter = 1u << 15,       // before "how": a nominal clause ("of how")
  kRelative = 1u << 16,      // "that": a guard unless a conjunction
  kThatConj = 1u << 17,      // before "that": it is the conjunction ("said that")
  kCoordPlural = 1u << 18,   // "and" before a pronoun and a plural verb
  kStranding = 1u << 19,     // may open a relative clause that strands a
                             // preposition ("the group that ... according to.")
  kSubject = 1u << 20,       // a subject pronoun, for relatives without "that"
  kOpener = 1u << 21,        // before a pronoun: a plain clause ("then they")
  kFiniteAux = 1u << 22,     // a finite copula or auxiliary ("was", "didn't")
};

enum class Signal { kDeterminerPair, kToFiniteVerb, kDanglingPreposition, kPronounAgreement };

std::string_view SignalName(Signal s) {
  switch (s) {
    case Signal::kDeterminerPair:
      return "determiner-pair";
    case Signal::kToFiniteVerb:
      return "to-finite-verb";
    case Signal::kDanglingPreposition:
      return "dangling-preposition";
    case Signal::kPronounAgreement:
      return "pronoun-agreement";
  }
  return "";
}

std::string_view SignalDescription(Signal s) {
  switch (s) {
    case Signal::kDeterminerPair:
      return "two determiners in a row";
    case Signal::kToFiniteVerb:
      return "\"to\" before a finite verb";
    case Signal::kDanglingPreposition:
      return "preposition left dangling before the full stop";
    case Signal::kPronounAgreement:
      return "pronoun and verb disagree";
  }
  return "";
}

struct Match {
  Signal signal;
  Span span;
};

// How far back "to-finite-verb" reads the clause before "to" for a guard.
constexpr size_t kClauseWindow = 10;

// Lower-cases ASCII letters and writes the typographic apostrophe U+2019 as
// "'", so "Didn’t" and "didn't" look the same.
void LowerInto(std::string_view word, std::string* out) {
  out->clear();
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' &&
               word[i + 2] == '\x99') {
      out->push_back('\'');
      i += 2;
    } else {
      out->push_back(c);
    }
  }
}

std::string Lower(std::string_view word) {
  std::string out;
  LowerInto(word, &out);
  return out;
}

// The lexicon words and their WordBits: a flat open-addressing table, filled
// once by the constructor and read-only afterwards. Every token of every
// sentence is looked up, so a lookup builds the word's 16-byte key
// (rules/garbled/grammar_key.h: lower-cased, length in the last byte) with a
// few loads, hashes two integers and compares two per probe (no per-byte
// hashing, no memcmp call, no allocation). A bit per hash value in front of
// the slots turns most words that are in no list away before any probe.
class WordTable {
 public:
  struct Slot {
    GrammarKey key;  // size() == 0: empty
    uint32_t bits = 0;
    // The key's bytes are the word (little-endian: byte 0 first in memory).
    std::string_view word() const {
      return {reinterpret_cast<const char*>(&key), key.size()};
    }
  };

  // Adds `bits` to a lower-case word; false if the word is too long.
  bool Add(std::string_view lower, uint32_t bits) {
    GrammarKey key;
    if (!MakeGrammarKey(lower, &key)) return false;
    const uint64_t hash = GrammarKeyHash(key);
    filter_[FilterWord(hash)] |= FilterBit(hash);
    Slot& slot = slots_[Probe(key, hash)];
    if (slot.key.size() == 0) {
      slot.key = key;
      ++count_;
    }
    slot.bits |= bits;
    return count_ * 2 < kSlots;  // keep the load factor under 1/2
  }

  // The slot of `word` compared in lower case (a U+2019 apostrophe as "'"),
  // or nullptr when the word is in no list.
  const Slot* Find(std::string_view word) const {
    GrammarKey key;
    if (!MakeGrammarKey(word, &key)) return nullptr;
    const uint64_t hash = GrammarKeyHash(key);
    // Three in five words looked up are in no list; for nine in ten of
    // those a clear bit answers from 512 bytes that stay in the first-level
    // cache, where the probe of a slot (24 KB of them) missed it.
    if ((filter_[FilterWord(hash)] & FilterBit(hash)) == 0) return nullptr;
    const Slot& slot = slots_[Probe(key, hash)];
    return slot.key.size() == 0 ? nullptr : &slot;
  }

 private:
  static constexpr size_t kSlotBits = 10;
  static constexpr size_t kSlots = size_t{1} << kSlotBits;
  // One bit per value of the hash's top 12 bits, set for every word added
  // (a few hundred of 4,096 bits): a clear bit means "in no list".
  static constexpr size_t kFilterBits = 12;
  static size_t FilterWord(uint64_t hash) { return static_cast<size_t>(hash >> (64 - kFilterBits + 6)); }
  static uint64_t FilterBit(uint64_t hash) { return uint64_t{1} << ((hash >> (64 - kFilterBits)) & 63); }

  // The index of the slot holding `key` (whose hash is `hash`), or of the
  // empty slot where it would go (there always is one: Add keeps the table
  // half empty).
  size_t Probe(const GrammarKey& key, uint64_t hash) const {
    for (size_t i = hash >> (64 - kSlotBits);; i = (i + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[i];
      if (slot.key.size() == 0 || slot.key == key) return i;
    }
  }

  std::array<uint64_t, (size_t{1} << kFilterBits) / 64> filter_{};
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  size_t count_ = 0;
};
static_assert(std::endian::native == std::endian::little, "WordTable::Slot::word() reads the key's bytes");

// Only white space (ASCII, no-break and the other Unicode spaces) in s.
bool AllSpace(std::string_view s) {
  if (s.size() == 1) return s[0] == ' ' || s[0] == '\t';  // the usual gap
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8::SpaceLengthAt(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string_view TrimRightSpace(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Prepositions that share a dangling one's object in a list: "before,
// during and after.", "inside, outside."
const StringViewSet& CoordinatedPrepositions() {
  static const StringViewSet kWords = {
      "before", "after",   "during", "since",  "until",   "till",  "throughout",
      "inside", "outside", "around", "within", "without", "above", "below",
      "over",   "under",   "near",   "beyond", "among",   "amid",  "despite"};
  return kWords;
}

// The token follows an opening quotation mark or bracket (`"The a`,
// `(the a`), not another symbol (`\a`, `-a`, `/the`).
bool OpensAfter(Analysis& analysis, const Token& t) {
  std::string_view text = analysis.text();
  if (t.span.start == 0) return true;
  size_t j = t.span.start - 1;
  while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  switch (utf8::DecodeAt(text, j).value) {
    case U'"':
    case U'\'':
    case U'(':
    case U'[':
    case U'\u201C':
    case U'\u2018':
    case U'\u201E':
    case U'\u00AB':
      return true;
    default:
      return utf8::IsSpace(utf8::DecodeAt(text, j).value);
  }
}

// True when byte `offset` of the paragraph lies inside quotation marks:
// "...", “...”, „...“, «...», or ‘...’ (a ’ between letters is an
// apostrophe, not a closing mark). A paragraph that opens a quote and never
// closes it (a quote that runs on into the next paragraph) is quoted to its
// end.
bool InsideQuotes(std::string_view para, size_t offset) {
  bool straight = false;
  int curly = 0;
  int single = 0;
  auto is_letter_at = [&](size_t i) {
    return i < para.size() && utf8::IsLetter(utf8::DecodeAt(para, i).value);
  };
  auto letter_before = [&](size_t i) {
    if (i == 0) return false;
    size_t j = i - 1;
    while (j > 0 && (static_cast<unsigned char>(para[j]) & 0xC0) == 0x80) --j;
    return utf8::IsLetter(utf8::DecodeAt(para, j).value);
  };
  for (size_t i = 0; i < offset && i < para.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(para, i);
    switch (cp.value) {
      case U'"':
        straight = !straight;
        break;
      case U'\u201C':
      case U'\u201E':
      case U'\u00AB':
        ++curly;
        break;
      case U'\u201D':
      case U'\u00BB':
        if (curly > 0) --curly;
        break;
      case U'\u2018':
        if (!letter_before(i)) ++single;
        break;
      case U'\u2019':
        if (single > 0 && !is_letter_at(i + cp.length)) --single;
        break;
      default:
        break;
    }
    i += cp.length;
  }
  return straight || curly > 0 || single > 0;
}

// A transcript line: "Q:", "A:", "SMITH:", "Mayor Lee:" opens the paragraph,
// so the paragraph is speech even without quotation marks.
bool IsSpeakerLine(Analysis& analysis, Span para) {
  std::span<const Token> toks = analysis.TokensIn(para);
  for (size_t k = 0; k < toks.size() && k < 4; ++k) {
    if (toks[k].shape != TokenShape::kCapitalized && toks[k].shape != TokenShape::kUpper) {
      return false;
    }
    std::string_view after = analysis.view({toks[k].span.end, para.end});
    if (after.starts_with(":")) return true;
    if (k + 1 < toks.size() &&
        !AllSpace(analysis.view({toks[k].span.end, toks[k + 1].span.start}))) {
      return false;
    }
  }
  return false;
}

class GrammarRule : public Rule {
 public:
  GrammarRule() {
    for (std::string_view e : LexiconEntries("grammar-determiners")) {
      if (e.starts_with("lead:")) Tag(e.substr(5), kLead);
      if (e.starts_with("follow:")) Tag(e.substr(7), kFollow);
      if (e.starts_with("phrase:")) Tag(e.substr(7), kPhrase);
    }
    for (std::string_view e : LexiconEntries("grammar-finite-verbs")) {
      if (e.starts_with("aux:")) {
        Tag(e.substr(4), kFinite | kFiniteAux);
      } else {
        Tag(e, kFinite);
      }
    }
    for (std::string_view e : LexiconEntries("grammar-infinitive-governors")) {
      if (e.starts_with("gov:")) Tag(e.substr(4), kGovernor);
      if (e.starts_with("guard:")) Tag(e.substr(6), kToGuard);
      if (e.starts_with("wh:")) Tag(e.substr(3), kWhGuard);
      if (e.starts_with("wh-after:")) Tag(e.substr(9), kWhAfter);
      if (e.starts_with("relative:")) Tag(e.substr(9), kRelative);
      if (e.starts_with("that:")) Tag(e.substr(5), kThatConj);
      if (e.starts_with("pronoun:")) Tag(e.substr(8), kSubject);
      if (e.starts_with("opener:")) Tag(e.substr(7), kOpener);
    }
    for (std::string_view e : LexiconEntries("grammar-dangling")) {
      if (e.starts_with("stranding:")) {
        Tag(e.substr(10), kStranding);
        continue;
      }
      std::vector<std::string> words;
      size_t start = 0;
      while (start < e.size()) {
        size_t sp = e.find(' ', start);
        if (sp == std::string_view::npos) sp = e.size();
        if (sp > start) words.push_back(Lower(e.substr(start, sp - start)));
        start = sp + 1;
      }
      if (words.empty()) continue;
      Tag(words.back(), kDanglingEnd);
      dangling_.push_back(std::move(words));
    }
    for (std::string_view e : LexiconEntries("grammar-agreement")) {
      if (e.starts_with("pair:")) {
        std::string pair = Lower(e.substr(5));
        size_t sp = pair.find(' ');
        if (sp == std::string::npos) continue;
        Tag(pair.substr(0, sp), kPronoun);
        Tag(pair.substr(sp + 1), kAgreeVerb);
        pairs_.insert(std::move(pair));
      }
      if (e.starts_with("aux:")) Tag(e.substr(4), kAux);
      if (e.starts_with("that:")) Tag(e.substr(5), kMandative);
      if (e.starts_with("coord:")) Tag(e.substr(6), kCoord);
      if (e.starts_with("coord-plural:")) Tag(e.substr(13), kCoordPlural);
      if (e.starts_with("mention:")) Tag(e.substr(8), kMention);
      if (e.starts_with("numeral:")) Tag(e.substr(8), kNumeralLabel);
    }
    // garbled/sentence-fragment flags short capitalised fragments that open
    // with one of these words; this rule leaves such sentences to it.
    for (std::string_view e : LexiconEntries("sentence-fragment-function-words")) {
      if (e.starts_with("open:")) fragment_openers_.emplace(Lower(e.substr(5)));
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    SentenceWords w;
    std::vector<Match> matches;
    const std::vector<Sentence>& sentences = analysis.sentences();
    for (size_t si = 0; si < sentences.size(); ++si) {
      const Sentence& s = sentences[si];
      std::span<const Token> toks = analysis.SentenceTokens(si);
      if (toks.empty()) continue;
      Classify(analysis, toks, &w);
      if (w.any == 0) continue;
      matches.clear();
      if (w.any & kLead) FindDeterminerPairs(analysis, toks, w, &matches);
      if (w.any & kFinite) FindToFiniteVerbs(toks, w, &matches);
      if (w.any & kDanglingEnd) FindDanglingPreposition(analysis, s, toks, w, &matches);
      if (w.any & kAgreeVerb) FindAgreement(analysis, s, toks, w, &matches);
      if (!matches.empty()) Report(analysis, s, matches, sink);
    }
  }

 private:
  // The words of one sentence as the signals read them, reused from one
  // sentence to the next.
  struct SentenceWords {
    std::vector<std::string_view> lower;  // lower-cased (the table's copy),
                                          // only for listed words
    std::vector<uint32_t> bits;           // WordBit of each token
    uint32_t any = 0;                     // union of bits
    std::string_view text;                // the article's text
    std::span<const Token> toks;          // the sentence's tokens

    // Only white space between token i - 1 and token i (false for the
    // first). Asked only around the few tokens a signal looks at, so it is
    // computed then rather than for every token of every sentence.
    bool SpaceBefore(size_t i) const {
      if (i == 0) return false;
      const size_t end = toks[i - 1].span.end;
      return AllSpace(text.substr(end, toks[i].span.start - end));
    }
  };

  // The lexicons hold a few hundred words of at most kGrammarKeyMaxWord
  // bytes (tests/grammar_test.cc checks both), so Add() cannot fail here.
  void Tag(std::string_view word, uint32_t bit) { words_.Add(Lower(word), bit); }

  void Classify(Analysis& analysis, std::span<const Token> toks, SentenceWords* w) const {
    const size_t n = toks.size();
    w->lower.resize(n);
    w->bits.assign(n, 0);
    w->any = 0;
    w->text = analysis.text();
    w->toks = toks;
    for (size_t i = 0; i < n; ++i) {
      const Token& t = toks[i];
      w->lower[i] = {};
      // Words in capitals ("THE A TEAM"), numbers and codes are in no list.
      if (t.shape != TokenShape::kLower && t.shape != TokenShape::kCapitalized) continue;
      const WordTable::Slot* slot = words_.Find(analysis.view(t.span));
      if (slot == nullptr) continue;
      w->bits[i] = slot->bits;
      w->lower[i] = slot->word();
      w->any |= slot->bits;
    }
  }

  // "the a", "their the": a lead and a different follow determiner, the
  // second in lower case, then another word. The lead is in lower case, or
  // capitalised as the sentence's first word ("The a ...").
  static void FindDeterminerPairs(Analysis& analysis, std::span<const Token> toks,
                                  const SentenceWords& w, std::vector<Match>* out) {
    for (size_t i = 0; i + 2 < toks.size(); ++i) {
      if (!(w.bits[i] & kLead) || !(w.bits[i + 1] & kFollow)) continue;
      if (toks[i].shape != TokenShape::kLower && i != 0) continue;  // "Plan A the"
      if (toks[i + 1].shape != TokenShape::kLower) continue;        // "the A team"
      if (w.lower[i] == w.lower[i + 1]) continue;  // "the the": garbled/repeated-word
      if (!w.SpaceBefore(i + 1) || !w.SpaceBefore(i + 2)) continue;  // "the a/b test"
      // "an a cappella group", "the a priori case": not the article.
      if (w.lower[i + 1] == "a" && (w.bits[i + 2] & kPhrase)) continue;
      // "the a and the b", "An a may be used": letters named, not articles.
      const std::string next = Lower(analysis.view(toks[i + 2].span));
      if (next == "and" || next == "or" || (w.bits[i + 2] & (kAux | kFinite))) continue;
      if (w.lower[i + 1] == "a" && toks[i + 2].span.size() == 1) continue;  // "the a b c of"
      // "\a an ASCII bell", "-a the": an escape or an option, not a word.
      if (!(i > 0 && w.SpaceBefore(i)) && !OpensAfter(analysis, toks[i])) continue;
      out->push_back({Signal::kDeterminerPair, {toks[i].span.start, toks[i + 1].span.end}});
    }
  }

  // "decided to went": a governor of the infinitive, "to", and a finite verb,
  // all in lower case with only white space between them, and no word in the
  // clause before that lets "to" end an elided infinitive or a relative
  // clause ("Anyone who hopes to is welcome").
  static void FindToFiniteVerbs(std::span<const Token> toks, const SentenceWords& w,
                                std::vector<Match>* out) {
    for (size_t i = 1; i + 1 < toks.size(); ++i) {
      if (!(w.bits[i + 1] & kFinite) || toks[i + 1].shape != TokenShape::kLower) continue;
      if (toks[i].shape != TokenShape::kLower || w.lower[i] != "to") continue;
      if (!(w.bits[i - 1] & kGovernor) || toks[i - 1].shape != TokenShape::kLower) continue;
      if (!w.SpaceBefore(i) || !w.SpaceBefore(i + 1)) continue;
      // A copula or auxiliary only after a pronoun subject: after a noun it
      // may be the main verb ("The reforms the president promised to were
      // dropped").
      if ((w.bits[i + 1] & kFiniteAux) &&
          !(i >= 2 && (w.bits[i - 2] & kSubject) && w.SpaceBefore(i - 1))) {
        continue;
      }
      if (ClauseEndsAtTo(toks, w, i)) continue;
      out->push_back({Signal::kToFiniteVerb, {toks[i - 1].span.start, toks[i + 1].span.end}});
    }
  }

  // Whether a word earlier in the clause of the governor before toks[i]
  // ("to") lets "to" end an elided infinitive or a relative clause, so that
  // the verb after it is the main verb: "Anyone who wants to is welcome".
  // The clause runs back to the first punctuation mark or the sentence
  // start, at most kClauseWindow words.
  static bool ClauseEndsAtTo(std::span<const Token> toks, const SentenceWords& w, size_t i) {
    size_t start = i - 1;  // the governor
    while (start > 0 && w.SpaceBefore(start) && i - start < kClauseWindow) --start;
    for (size_t g = start; g + 1 < i; ++g) {
      const uint32_t bits = w.bits[g];
      if (bits & kToGuard) return true;
      // "How he plans to is unclear", "the question of how he plans to is
      // open"; not the adverbial "..., when officials tried to took".
      if ((bits & kWhGuard) && (g <= 1 || (w.bits[g - 1] & kWhAfter))) return true;
      // "Residents that wanted to were evacuated"; not "said that".
      if ((bits & kRelative) && !(g > 0 && (w.bits[g - 1] & kThatConj))) return true;
      // "The places they were allowed to were few": a relative clause
      // without "that", its pronoun right after a noun.
      if ((bits & kSubject) && g > start && toks[g - 1].shape == TokenShape::kLower &&
          !(w.bits[g - 1] & (kOpener | kThatConj))) {
        return true;
      }
    }
    return false;
  }

  // "... rose sharply amid.": a never-stranded preposition (or the last
  // word of a multi-word one, "according to") right before the sentence's
  // single full stop.
  void FindDanglingPreposition(Analysis& analysis, const Sentence& s, std::span<const Token> toks,
                               const SentenceWords& w, std::vector<Match>* out) const {
    const size_t n = toks.size();
    const size_t last = n - 1;
    if (!(w.bits[last] & kDanglingEnd) || toks[last].shape != TokenShape::kLower) return;
    if (TrimRightSpace(analysis.view({toks[last].span.end, s.span.end})) != ".") return;
    // A sentence that starts in lower case, or a short one that opens with a
    // preposition ("For the.", "Among the."), is garbled/sentence-fragment's.
    std::string_view text = analysis.view(s.span);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') return;
    if (n <= 4 && fragment_openers_.count(Lower(analysis.view(toks[0].span)))) return;
    for (const std::vector<std::string>& phrase : dangling_) {
      if (phrase.size() > n || phrase.back() != w.lower[last]) continue;
      const size_t first = n - phrase.size();
      bool ok = true;
      for (size_t k = 0; k + 1 < phrase.size() && ok; ++k) {
        const size_t t = first + k;
        ok = toks[t].shape == TokenShape::kLower && w.SpaceBefore(t + 1) &&
             Lower(analysis.view(toks[t].span)) == phrase[k];
      }
      if (!ok) continue;
      if (first > 0) {
        // Only white space or a comma before the preposition: not a word
        // spoken about ("= despite.", "'despite'.").
        std::string_view gap = analysis.view({toks[first - 1].span.end, toks[first].span.start});
        const size_t comma = gap.find(',');
        std::string spaces(gap);
        if (comma != std::string_view::npos) spaces.erase(comma, 1);
        if (!spaces.empty() && !AllSpace(spaces)) return;
        // A shared object left out by coordination or contrast: "before
        // and amid.", "because of it, not despite.", "before, amid."
        const std::string before = Lower(analysis.view(toks[first - 1].span));
        if (before == "and" || before == "or" || before == "nor" || before == "but" ||
            before == "not" || before == "never") {
          return;
        }
        if (comma != std::string_view::npos && CoordinatedPrepositions().count(before)) return;
      }
      // A relative clause that strands the preposition: "the group that
      // parcels are sorted according to.", "what it was admitted despite."
      for (size_t k = 0; k < first; ++k) {
        if (!(w.bits[k] & kStranding)) continue;
        if ((w.bits[k] & kRelative) && k > 0 && (w.bits[k - 1] & kThatConj)) continue;
        return;
      }
      out->push_back({Signal::kDanglingPreposition, {toks[first].span.start, toks[last].span.end}});
      return;
    }
  }

  // "they is", "he have": a listed pronoun-verb pair, unless the pronoun is
  // inverted after an auxiliary, joined to another subject, spoken about,
  // in a mandative subjunctive, a Roman numeral, or inside quoted speech
  // (speech may reproduce dialect: "We was robbed").
  void FindAgreement(Analysis& analysis, const Sentence& s, std::span<const Token> toks,
                     const SentenceWords& w, std::vector<Match>* out) const {
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      if (!(w.bits[i] & kPronoun) || !(w.bits[i + 1] & kAgreeVerb)) continue;
      if (toks[i + 1].shape != TokenShape::kLower || !w.SpaceBefore(i + 1)) continue;
      std::string_view pronoun = analysis.view(toks[i].span);
      const bool is_i = w.lower[i] == "i";
      if (is_i) {
        if (pronoun != "I") continue;  // "i" in lower case: a label or a typo
      } else if (toks[i].shape != TokenShape::kLower && i != 0) {
        continue;  // "They Is Coming": a title
      }
      std::string pair(w.lower[i]);
      pair.append(" ").append(w.lower[i + 1]);
      if (!pairs_.count(pair)) continue;
      if (i > 0) {
        const uint32_t prev = w.bits[i - 1];
        if (prev & (kAux | kCoord | kMention)) continue;
        const std::string_view verb = w.lower[i + 1];
        if ((prev & kCoordPlural) && (verb == "are" || verb == "have" || verb == "do")) continue;
        if ((prev & kMandative) && (verb == "have" || verb == "do")) continue;
        // "Elizabeth I is", "World War I has", "type I is": a numeral.
        if (is_i && (toks[i - 1].shape != TokenShape::kLower || (prev & kNumeralLabel))) continue;
      }
      const Paragraph& para = analysis.paragraphs()[s.paragraph];
      if (InsideQuotes(analysis.view(para.span), toks[i].span.start - para.span.start)) continue;
      if (IsSpeakerLine(analysis, para.span)) continue;
      out->push_back({Signal::kPronounAgreement, {toks[i].span.start, toks[i + 1].span.end}});
    }
  }

  // One finding per sentence. One match: its words are the span. Several:
  // the sentence is the span, and the evidence lists each match.
  static void Report(Analysis& analysis, const Sentence& s, std::vector<Match>& matches,
                     FindingSink& sink) {
    std::sort(matches.begin(), matches.end(),
              [](const Match& a, const Match& b) { return a.span.start < b.span.start; });
    std::vector<std::string> signals, texts, offsets;
    for (const Match& m : matches) {
      signals.emplace_back(SignalName(m.signal));
      texts.emplace_back(analysis.view(m.span));
      offsets.push_back(std::to_string(m.span.start) + "-" + std::to_string(m.span.end));
    }
    Span span;
    std::string message;
    if (matches.size() == 1) {
      span = matches[0].span;
      message = std::string(SignalDescription(matches[0].signal)) + ": \"" + texts[0] + "\"";
    } else {
      span = {s.span.start, s.span.start + TrimRightSpace(analysis.view(s.span)).size()};
      message = std::to_string(matches.size()) + " ungrammatical sequences: ";
      for (size_t k = 0; k < matches.size(); ++k) {
        if (k > 0) message += "; ";
        message += std::string(SignalDescription(matches[k].signal)) + " (\"" + texts[k] + "\")";
      }
    }
    Evidence evidence = {{"signals", std::move(signals)},
                         {"matches", std::move(texts)},
                         {"offsets", std::move(offsets)}};
    sink.Report(span, std::move(message), std::move(evidence));
  }

  WordTable words_;
  std::vector<std::vector<std::string>> dangling_;
  // Looked up per sentence, never iterated.
  StringSet pairs_;
  StringSet fragment_openers_;
};

}  // namespace

std::unique_ptr<Rule> MakeGrammarRule() { return std::make_unique<GrammarRule>(); }

}  // namespace newslint
