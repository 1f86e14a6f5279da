// newslint: Abseil's flat hash containers keyed by strings, for the lookups
// made per token or per word (lexicon word sets, verdict caches).
//
// absl::flat_hash_set/map keep their entries in one open-addressed array (no
// node and no allocation per entry, one probe of a control-byte group per
// lookup), where std::unordered_* chase a bucket's linked nodes. The
// hash/equality pair below is transparent: a container keyed by std::string
// is searched with a std::string_view (or a const char*) without building a
// std::string. Debian's Abseil has its own absl::string_view (not an alias of
// std::string_view), so absl's default string hasher does not take a
// std::string_view: hence these functors.
//
// Two differences from std::unordered_* matter to callers:
//  - Iteration order is unspecified and changes from process to process (the
//    hash is seeded per process). Never let it reach output (findings,
//    messages, evidence, reports): sort first, or keep an ordered container.
//  - A rehash (any insert may cause one) moves the entries: pointers,
//    references and iterators into a container do not survive an insert.

#ifndef NEWSLINT_LINT_FLAT_HASH_H_
#define NEWSLINT_LINT_FLAT_HASH_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace newslint {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// Owned strings, found by std::string_view.
using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;
// Views of strings that outlive the set (embedded lexicons, literals).
using StringViewSet = absl::flat_hash_set<std::string_view, StringHash, StringEq>;

// A filter in front of a word set, for lookups made on every token: per
// first and per last byte of the words added, a bit per length (bit 31: 31
// bytes or more). MayContain(w) false means w was never added, so the
// hash lookup can be skipped; most tokens ("the", "of", "with") are rejected
// by two table reads.
class EdgeLengthFilter {
 public:
  void Add(std::string_view w) {
    if (w.empty()) return;
    const uint32_t bit = uint32_t{1} << Bit(w);
    first_[static_cast<unsigned char>(w.front())] |= bit;
    last_[static_cast<unsigned char>(w.back())] |= bit;
  }
  bool MayContain(std::string_view w) const {
    if (w.empty()) return false;
    const size_t bit = Bit(w);
    return (first_[static_cast<unsigned char>(w.front())] >> bit & 1) &&
           (last_[static_cast<unsigned char>(w.back())] >> bit & 1);
  }
  // Whether a word of 1..max_size bytes starting with byte `first` and
  // ending with byte `last` may have been added (false: none was).
  bool MayContainUpTo(unsigned char first, unsigned char last, size_t max_size) const {
    const uint32_t upto = max_size >= 31 ? ~uint32_t{0} : (uint32_t{2} << max_size) - 1;
    return (first_[first] & last_[last] & upto) != 0;
  }

 private:
  static size_t Bit(std::string_view w) { return w.size() < 31 ? w.size() : 31; }
  uint32_t first_[256] = {};
  uint32_t last_[256] = {};
};

// A word set asked about nearly every token (the attribution views' word
// lists): an EdgeLengthFilter in front of the hash set rejects most words
// without hashing them (it never rejects a word the set holds, so count() answers
// as the set alone would). Holds views of strings that outlive it
// (lexicons, literals); looked up only.
class FilteredWordSet {
 public:
  FilteredWordSet() = default;
  FilteredWordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) insert(w);
  }
  template <typename It>
  FilteredWordSet(It first, It last) {
    for (; first != last; ++first) insert(*first);
  }
  void insert(std::string_view w) {
    set_.insert(w);
    filter_.Add(w);  // ignores "", which MayContain never passes
    has_empty_ = has_empty_ || w.empty();
  }
  size_t count(std::string_view w) const {
    if (w.empty()) return has_empty_ ? 1 : 0;
    return filter_.MayContain(w) && set_.contains(w) ? 1 : 0;
  }

 private:
  StringViewSet set_;
  EdgeLengthFilter filter_;
  bool has_empty_ = false;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_FLAT_HASH_H_
