// newslint: PhraseBank, every phrase rule's lexicons found in one pass per article.
//
// A dozen rules (consent banners, share widgets, navigation, related-content
// teasers, account prompts, footers, captions, CMS leftovers, spun phrases,
// ...) each own PhraseMatchers and scan the article's lines
// with them. Each scan is one table lookup per byte, but a dozen scans of the
// same text are a dozen passes over it, each with its own cold table: under
// `--timings` they were about a fifth of the whole run.
//
// A rule that scans most of the article text implements PhraseUser and
// names its matchers. (A rule that scans only a few short lines with a
// lexicon of very common words, as boilerplate/byline-residue does with
// "the", "a", "of", keeps its own scan: in the shared scan those words would
// be found all over the prose, for nothing: listed in the bank, its "by",
// month and weekday words cost 2-3% more instructions on the whole run than
// its own scans of short lines, docs/performance.md, "Ninth round".) The
// Engine compiles every active rule's matchers into one
// PhraseBank (one Aho-Corasick automaton over all their phrases, each phrase
// tagged with the matcher it came from). Per article, the first rule that
// asks scans the whole text once (the PhraseHits view); every rule then gets
// its matches for a line or any other piece of the text from that scan:
//
//   class ConsentBannerRule : public Rule, public PhraseUser {
//     std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&matcher_}; }
//     ... in Check():
//     FindPhrases(analysis, matcher_, analysis.view(line.span), 0, &matches);
//
// FindPhrases(analysis, matcher, text, base, out) appends exactly what
// matcher.FindAll(text, base, out) appends, in the same order, for any
// `text`; it answers from the shared scan when `text` is a piece of the
// article text whose edges do not cut a word or a UTF-8 sequence (a line, a
// paragraph, a sentence, a label between separators), and otherwise (a
// copy, a piece that starts or ends inside a word, a rule run without an
// Engine) it falls back to matcher.FindAll. Why the shared scan gives the
// same answer: Aho-Corasick reports every occurrence in the text, so the
// occurrences inside a piece are those a scan of the piece alone finds; the
// folding (case, whitespace runs, quotes) is local to each character; and
// the whole-word checks at a match's edges read the same characters, except
// at the piece's own edges, where a scan of the piece alone sees the text
// begin or end (no word character) and the shared scan sees the character
// next to the piece, which the edge condition above makes a non-word one.
// tests/phrase_bank_test.cc compares both answers over every fixture.

#ifndef NEWSLINT_LINT_PHRASE_BANK_H_
#define NEWSLINT_LINT_PHRASE_BANK_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/phrase_matcher.h"

namespace newslint {

// Implemented by rules (next to Rule) whose Check() scans article text with
// PhraseMatchers through FindPhrases/ContainsPhrase.
class PhraseUser {
 public:
  virtual ~PhraseUser() = default;
  // The matchers; they must live as long as the rule (members, or static).
  virtual std::vector<const PhraseMatcher*> phrase_matchers() const = 0;
};

class Rule;

// Appends the matchers of `rule` to *out when the rule is a PhraseUser
// (nothing otherwise): how the Engine, tests and benchmarks gather a bank's
// matchers from a list of rules.
void AppendPhraseMatchers(const Rule& rule, std::vector<const PhraseMatcher*>* out);

// The matchers of the active rules compiled into one automaton. Immutable
// once built; shared by every worker thread.
class PhraseBank {
 public:
  // A matcher named twice (two rules sharing a static lexicon) is kept once.
  explicit PhraseBank(const std::vector<const PhraseMatcher*>& matchers);

  // The slot of `matcher`, or -1 when the bank does not hold it. One probe
  // of a small hash table, mostly: every FindPhrases/ContainsPhrase call asks
  // (some 400 K times on 5 MB of news), and a scan over the slots cost more
  // than the rest of the call.
  int SlotOf(const PhraseMatcher* matcher) const {
    for (size_t h = Hash(matcher);; h = (h + 1) & index_mask_) {
      const IndexEntry& e = index_[h];
      if (e.matcher == matcher) return e.slot;
      if (e.matcher == nullptr) return -1;
    }
  }
  size_t slot_count() const { return matchers_.size(); }
  size_t phrase_count() const { return slot_of_.size(); }
  const PhraseMatcher& combined() const { return *combined_; }
  // Phrase `global` of the combined automaton: its slot and its index in
  // that slot's matcher.
  uint32_t slot_of(size_t global) const { return slot_of_[global]; }
  uint32_t local_of(size_t global) const { return local_of_[global]; }

 private:
  size_t Hash(const PhraseMatcher* m) const {
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(m) >> 4) * 0x9E3779B97F4A7C15ull >>
                               index_shift_);
  }

  // Open addressing over the matchers' addresses, at most a quarter full,
  // so a probe always reaches a free entry (or the matcher) soon.
  struct IndexEntry {
    const PhraseMatcher* matcher = nullptr;
    int slot = -1;
  };
  std::vector<IndexEntry> index_;
  size_t index_mask_ = 0;
  unsigned index_shift_ = 64;  // 64 - log2(index_.size())
  std::vector<const PhraseMatcher*> matchers_;  // by slot
  std::vector<uint32_t> slot_of_;               // by global phrase
  std::vector<uint32_t> local_of_;              // by global phrase
  std::unique_ptr<PhraseMatcher> combined_;
};

// One article's matches of every phrase in the bank, by slot, each slot's in
// the order PhraseMatcher::FindAll gives them (by end offset; longer first
// at the same end). Spans are article offsets; phrases are local indices.
// A shared view of the Analysis, of the bank the Engine installed in it
// (Analysis::set_phrase_bank); built from an Analysis without a bank (a rule
// run on its own) it holds nothing, and FindPhrases falls back to the
// matcher's own scan.
class PhraseHits {
 public:
  explicit PhraseHits(Analysis& analysis);

  const PhraseBank* bank() const { return bank_; }
  // The matches of slot `slot` lying inside [range.start, range.end).
  template <typename F>
  void ForEachIn(int slot, Span range, F&& f) const;

 private:
  // Where a slot's last search began and what it found: the first match of
  // the slot ending after `start`. A rule asks for line after line in text
  // order, and the next answer is then a short walk on from the last
  // instead of a binary search (whose branch, taken one way or the other
  // at random, was most of FindPhrases' own time). Only a cache: the view
  // answers the same without it; one thread uses an article's view.
  struct Cursor {
    size_t start = 0;
    size_t index = 0;  // into matches_
  };

  const PhraseBank* bank_ = nullptr;
  std::vector<PhraseMatch> matches_;  // grouped by slot, in scan order within a slot
  std::vector<size_t> slot_begin_;    // slot -> first index in matches_; slot_count()+1 entries
  mutable std::vector<Cursor> cursors_;  // per slot
};

// What matcher.FindAll(text, base, out) appends, from the article's shared
// scan when it can (see the top of this file).
void FindPhrases(Analysis& analysis, const PhraseMatcher& matcher, std::string_view text,
                 size_t base, std::vector<PhraseMatch>* out);
// What matcher.ContainsAny(text) answers, likewise.
bool ContainsPhrase(Analysis& analysis, const PhraseMatcher& matcher, std::string_view text);

template <typename F>
void PhraseHits::ForEachIn(int slot, Span range, F&& f) const {
  const PhraseMatch* first = matches_.data() + slot_begin_[static_cast<size_t>(slot)];
  const PhraseMatch* last = matches_.data() + slot_begin_[static_cast<size_t>(slot) + 1];
  // Within a slot the matches are sorted by end: skip those ending before
  // the range starts, stop at the first ending after it.
  const PhraseMatch* m = first;
  if (last - first > 8) {
    Cursor& cursor = cursors_[static_cast<size_t>(slot)];
    if (range.start >= cursor.start) {
      // The answer is at or after the last one (ends ascend): a few steps
      // on (the next line), else a search of the rest, so that a rule
      // that jumps back and forth stays logarithmic per call.
      m = matches_.data() + cursor.index;
      for (int k = 0; k < 8 && m != last && m->span.end <= range.start; ++k) ++m;
    }
    if (m != last && m->span.end <= range.start) {
      size_t lo = 0, hi = static_cast<size_t>(last - m);
      while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (m[mid].span.end <= range.start) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      m += lo;
    }
    cursor = {range.start, static_cast<size_t>(m - matches_.data())};
  }
  for (; m != last && m->span.end <= range.end; ++m) {
    if (m->span.start >= range.start && !f(*m)) return;
  }
}

}  // namespace newslint

#endif  // NEWSLINT_LINT_PHRASE_BANK_H_
