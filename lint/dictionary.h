// newslint: a per-thread Hunspell dictionary with a verdict cache.
//
// Hunspell is not thread-safe and loading a dictionary takes tens of
// milliseconds, while Rule::Check() runs on many threads at once, article
// after article. Dictionary gives each worker thread its own Hunspell
// instance, loaded on first use and kept for the thread's lifetime, with a
// cache of verdicts in front of it (news text repeats its words: most lookups
// are cache hits, see docs/rules/garbled/spelling.md for measured rates).
//
//   Dictionary* dict = Dictionary::ForThread();   // this thread's en_US
//   if (dict == nullptr) return;                   // files missing: stay silent
//   if (!dict->KnowsAnyEnglish("colour")) ...      // knows it via "color"
//
// A Dictionary belongs to the thread that got it from ForThread(): never
// hand the pointer to another thread. It stays valid until the thread ends.
//
// Hunspell's spell() is the ground truth. Note what it means for callers:
//   * en_US knows many words only capitalised: Knows("Monday") is true,
//     Knows("monday") false. Knows() does not change case; a rule asking
//     "is this capitalised word a common word?" lowers it first.
//   * words are looked up as given, after one normalisation: a typographic
//     apostrophe (U+2019, U+02BC) becomes "'", so "don’t" is "don't" also
//     with a dictionary whose .aff file has no ICONV line for it.
//   * en_US does not know British and Commonwealth spellings ("colour",
//     "organisation", "centre", "travelled", "defence", "catalogue");
//     KnowsAnyEnglish() also accepts a word whose American form (by the
//     systematic rewrites of AmericanForms) is known.

#ifndef NEWSLINT_LINT_DICTIONARY_H_
#define NEWSLINT_LINT_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "lint/flat_hash.h"

class Hunspell;

namespace newslint {

class Dictionary {
 public:
  // The system's US English Hunspell dictionary (Debian: hunspell-en-us),
  // as a base path: ".aff" and ".dic" are appended.
  static constexpr std::string_view kDefaultBase = "/usr/share/hunspell/en_US";
  // Verdicts kept per thread and dictionary before the cache is emptied.
  // At about 100 bytes an entry this bounds the cache near 3 MB a thread;
  // a news article has a few hundred distinct words, and the words that
  // recur across articles re-enter the cache at once after it is emptied.
  static constexpr size_t kDefaultCacheCapacity = size_t{1} << 15;

  struct Counters {
    uint64_t lookups = 0;     // Knows() and KnowsAnyEnglish() calls
    uint64_t cache_hits = 0;  // of which answered from the cache
    uint64_t clears = 0;      // times the full cache was emptied
    double hit_rate() const {
      return lookups == 0 ? 0.0 : static_cast<double>(cache_hits) / static_cast<double>(lookups);
    }
  };

  // The calling thread's dictionary for `base` (<base>.aff and <base>.dic),
  // loaded on the first call from this thread and reused on later calls.
  // nullptr when either file cannot be read; the first failure for a base
  // in the process writes one line to stderr (see SetMissingReporter), and
  // the thread does not retry. When a thread ends, its dictionary is kept
  // for the next new thread (cache kept warm, counters reset) rather than
  // destroyed: the pipeline starts workers per batch, and loading and
  // destroying Hunspell cost more than linting a few MB of news.
  static Dictionary* ForThread(std::string_view base = kDefaultBase);

  // Starts loading `count` dictionaries of `base`, one after the other, on a
  // thread of its own, and returns at once: ForThread(base) then takes one
  // of them instead of loading its own, and waits for a load in progress
  // rather than starting another. The Engine's head start
  // (EngineSettings::dictionary_preloads): loading Hunspell takes tens of
  // milliseconds, which the worker's first Check() spent waiting, most of a
  // small run's time, while the main thread could have been compiling the
  // phrase automaton at the same time. Dictionaries nobody takes stay in the
  // pool of idle ones. The returned object waits for the thread when
  // destroyed; ForThread does not need it alive.
  class Preloading;
  static std::unique_ptr<Preloading> Preload(std::string_view base, int count);
  // Dictionaries of `base` in the idle pool (tests).
  static size_t IdleCountForTest(std::string_view base);

  // A dictionary of one's own (tests, benchmarks): not cached per thread,
  // nothing reported when the files are missing (nullptr).
  static std::unique_ptr<Dictionary> Load(std::string_view base,
                                          size_t cache_capacity = kDefaultCacheCapacity);

  // Where ForThread() reports a dictionary it cannot read, once per base per
  // process; the default writes "newslint: ..." to stderr. Set it before
  // worker threads start (tests silence it).
  using MissingReporter = std::function<void(const std::string& message)>;
  static void SetMissingReporter(MissingReporter reporter);

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Hunspell's verdict on `word` as written (apostrophes normalised),
  // from the cache when it has been asked before.
  bool Knows(std::string_view word);
  // Knows(word), or one of AmericanForms(word) is known: "colour",
  // "organisation", "centres", "travelled", "manoeuvres". Cached too.
  bool KnowsAnyEnglish(std::string_view word);
  // Whether an unknown lower-case word looks like misspelt English rather
  // than a word of another language: one edit (a letter deleted, inserted,
  // replaced, or two neighbours swapped) from a word Hunspell knows ("teh",
  // "goverment", "anounced", "bild"), or two known words written without
  // the space between them ("nolonger", "alot"). False for known words,
  // words outside a-z and words over 30 letters. Costs a few hundred
  // Hunspell lookups the first time a thread asks about a word; cached.
  bool LooksMisspelt(std::string_view word);
  // Hunspell's verdict without the cache and without counting (benchmarks).
  bool SpellUncached(std::string_view word);

  const Counters& counters() const { return counters_; }
  void ResetCounters() { counters_ = {}; }
  size_t cache_size() const { return cache_.size(); }
  size_t cache_capacity() const { return cache_capacity_; }
  const std::string& base() const { return base_; }

  // The underlying instance, for stem() and analyze(); same thread only.
  Hunspell& hunspell() { return *hunspell_; }

 private:
  Dictionary(std::string base, std::unique_ptr<Hunspell> hunspell, size_t cache_capacity);

  // Bits of a cached entry.
  static constexpr uint8_t kKnown = 1;          // Hunspell knows the word as written
  static constexpr uint8_t kVariantsDone = 2;   // AmericanForms were tried
  static constexpr uint8_t kVariantKnown = 4;   // ... and one of them is known
  static constexpr uint8_t kNearDone = 8;       // LooksMisspelt was computed
  static constexpr uint8_t kNear = 16;          // ... and it is true

  // A direct-mapped copy of recently used entries of cache_, keyed by a
  // cheap hash of the word: the words of news repeat, and one slot compare
  // answers them without hashing and probing the big flat map. It only ever
  // holds (word, flags) pairs that cache_ holds too: Find() copies an entry
  // in on a hit, Store() writes through, and emptying cache_ empties it.
  struct FrontSlot {
    uint8_t size = kEmptySlot;  // bytes of `word` used, or kEmptySlot
    uint8_t flags = 0;
    char word[22];
  };
  static constexpr uint8_t kEmptySlot = 0xFF;
  static constexpr size_t kFrontBits = 12;  // 4,096 slots of 24 bytes
  static size_t FrontIndex(std::string_view word);
  void SetFront(std::string_view word, uint8_t flags);

  // The cached flags of `word` into *flags; false when it is not cached.
  bool Find(std::string_view word, uint8_t* flags);
  // Caches `flags` for `word`, emptying the cache first when it is full.
  void Store(std::string_view word, uint8_t flags);
  bool Spell(std::string_view word);
  bool OneEditFromKnown(const std::string& word);

  std::string base_;
  std::unique_ptr<Hunspell> hunspell_;
  size_t cache_capacity_;
  // Asked once or more per word of every article: a flat map (lint/flat_hash.h).
  // Never iterated; nothing keeps a pointer into it across Store().
  StringMap<uint8_t> cache_;
  std::unique_ptr<FrontSlot[]> front_;
  Counters counters_;
  std::string scratch_;
};

// American spellings a British or Commonwealth spelling of an English word
// may stand for, by systematic rewrites of a lower-case ASCII word, one or
// two applied in sequence: -our -> -or (colour, favourite), -is(e|ing|ation)
// -> -iz- (organise, realisation), -yse -> -yze (analyse), -tre/-bre/-gre/
// -vre -> -ter/-ber/-ger/-ver (centre, fibre, meagre, manoeuvre), -ogue ->
// -og (catalogue), -ence -> -ense (defence, licence), -ll- -> -l- before a
// vowel (travelled, counsellor), final -l/-lment -> -ll (enrol, fulfilment),
// -mme -> -m (programme), ae/oe -> e (paediatric, oestrogen), -gement ->
// -gment (judgement), -geing -> -ging (ageing). Candidates only: the caller
// checks them against a dictionary. Empty for other words.
std::vector<std::string> AmericanForms(std::string_view word);

// See Dictionary::Preload.
class Dictionary::Preloading {
 public:
  Preloading(std::string base, int count);
  ~Preloading();  // waits for the loading thread
  Preloading(const Preloading&) = delete;
  Preloading& operator=(const Preloading&) = delete;

 private:
  std::thread thread_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_DICTIONARY_H_
