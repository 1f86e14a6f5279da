// newslint: the text scans of garbled/truncated (rules/garbled/truncated.cc)
// in a header of their own so that tests/truncated_scan_test.cc can compare
// them with the plain loops they replace: the rule's lower-casing, a
// lower-cased suffix for the read-more markers, one pass for "any of these
// phrases occurs" instead of a find per phrase, and one pass over the
// copulas of an author's bio.

#ifndef NEWSLINT_RULES_GARBLED_TRUNCATED_SCAN_H_
#define NEWSLINT_RULES_GARBLED_TRUNCATED_SCAN_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lint/swar.h"

namespace newslint {
namespace truncated_internal {

// ASCII and Latin-1 letters to lower case (the lexicons are English, German
// and French), into *out (its capacity is kept: callers pass a reused
// buffer). A byte after 0xC3 is read as the second byte of a Latin-1 letter
// and never lowered as ASCII, valid UTF-8 or not.
//
// Eight bytes at a time while they are all ASCII: the byte loop would take
// them one step each (none is 0xC3) and lower only A..Z, and the step after
// them starts at the ninth byte, so each chunk starts a step as each byte
// step does.
inline void LowerInto(std::string_view s, std::string* out) {
  out->assign(s);
  char* p = out->data();
  const size_t n = out->size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w = swar::Load8(p + i);
      if (swar::AllAscii(w)) {
        w = swar::LowerAscii(w);
        if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
        std::memcpy(p + i, &w, 8);
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 'A' && c <= 'Z') {
      p[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < n) {
      unsigned char d = static_cast<unsigned char>(p[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) p[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
    ++i;
  }
}

inline std::string Lower(std::string_view s) {
  std::string out;
  LowerInto(s, &out);
  return out;
}

// The last bytes of Lower(s), at least `min_len` of them (all of s when it
// is shorter), into *out; returns how many bytes of s were left off the
// front. LowerInto pairs 0xC3 with the byte after it from the start of the
// text, so the suffix must start where that pairing starts afresh: at 0 or
// after a byte other than 0xC3 (such a byte is lowered alone or is the
// second of a pair, and either way the next byte starts a step). Backing up
// over 0xC3 bytes finds such a point, and from there LowerInto lowers each
// byte exactly as it does in the whole of s.
inline size_t LowerSuffixInto(std::string_view s, size_t min_len, std::string* out) {
  size_t from = s.size() > min_len ? s.size() - min_len : 0;
  while (from > 0 && static_cast<unsigned char>(s[from - 1]) == 0xC3) --from;
  LowerInto(s.substr(from), out);
  return from;
}

// Whether any of a fixed set of byte strings occurs in a text: the answer
// of `text.find(p) != npos` for some p, in one pass. Each position whose
// two bytes begin some pattern (a 64 Kbit table) is compared with the
// patterns of its first byte; one-byte patterns are looked up by byte, and
// an empty pattern occurs in every text.
class AnySubstring {
 public:
  AnySubstring() = default;
  explicit AnySubstring(const std::vector<std::string>& patterns) {
    patterns_ = patterns;
    std::stable_sort(patterns_.begin(), patterns_.end(),
                     [](const std::string& a, const std::string& b) {
                       if (a.empty() || b.empty()) return a.empty() && !b.empty();
                       return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
                     });
    begin_.fill(0);
    end_.fill(0);
    for (size_t k = 0; k < patterns_.size(); ++k) {
      const std::string& p = patterns_[k];
      if (p.empty()) {
        any_empty_ = true;
        continue;
      }
      const unsigned char c0 = static_cast<unsigned char>(p[0]);
      if (end_[c0] == 0) begin_[c0] = static_cast<uint16_t>(k);
      end_[c0] = static_cast<uint16_t>(k + 1);
      if (p.size() == 1) {
        single_[c0] = true;
      } else {
        const unsigned pair = c0 | (static_cast<unsigned>(static_cast<unsigned char>(p[1])) << 8);
        pairs_[pair >> 6] |= uint64_t{1} << (pair & 63);
      }
    }
  }

  bool FoundIn(std::string_view text) const {
    if (any_empty_) return true;
    const size_t n = text.size();
    const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < n; ++i) {
      if (single_[s[i]]) return true;
      if (i + 1 == n) break;
      const unsigned pair = s[i] | (static_cast<unsigned>(s[i + 1]) << 8);
      if (!(pairs_[pair >> 6] >> (pair & 63) & 1)) continue;
      const std::string_view rest = text.substr(i);
      for (size_t k = begin_[s[i]]; k < end_[s[i]]; ++k) {
        if (rest.starts_with(patterns_[k])) return true;
      }
    }
    return false;
  }

 private:
  std::vector<std::string> patterns_;  // sorted by first byte, empty first
  std::array<uint16_t, 256> begin_{}, end_{};  // patterns_[begin_[c], end_[c]) start with c
  std::array<bool, 256> single_{};             // a one-byte pattern
  std::array<uint64_t, 1024> pairs_{};         // first two bytes of a longer pattern
  bool any_empty_ = false;
};

// Whether `is_word` holds for one of the five words after a copula in
// `lower`: every occurrence of every copula, each as the rule's loop of
// finds visits it (so overlapping ones too), in one pass over the spaces
// the copulas start with. The answer is an "or" over the same (copula,
// place) pairs, so the order of the visits does not matter.
inline constexpr std::string_view kCopulas[] = {" is a ", " is an ", " is the ", " ist ", " est "};
static_assert([] {
  for (std::string_view c : kCopulas) {
    if (c.size() < 2 || c[0] != ' ' || (c[1] != 'i' && c[1] != 'e')) return false;
  }
  return true;
}());  // what WordAfterCopula's test of the two first bytes relies on

// Whether `is_word` holds for one of the (up to) five words of `lower` from
// `start` on: runs of a..z and bytes >= 0x80, one byte between them.
template <typename IsWord>
bool AnyOfFiveWordsFrom(std::string_view lower, size_t start, IsWord& is_word) {
  for (int word = 0; word < 5 && start < lower.size(); ++word) {
    size_t end = start;
    while (end < lower.size() && ((lower[end] >= 'a' && lower[end] <= 'z') ||
                                  static_cast<unsigned char>(lower[end]) >= 0x80)) {
      ++end;
    }
    if (is_word(lower.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

template <typename IsWord>
bool WordAfterCopula(std::string_view lower, IsWord&& is_word) {
  // Every copula starts with ' ' and has 'i' or 'e' after it.
  for (size_t at = lower.find(' '); at != std::string_view::npos; at = lower.find(' ', at + 1)) {
    if (at + 1 >= lower.size() || (lower[at + 1] != 'i' && lower[at + 1] != 'e')) continue;
    const std::string_view rest = lower.substr(at);
    for (std::string_view copula : kCopulas) {
      if (rest.starts_with(copula) && AnyOfFiveWordsFrom(lower, at + copula.size(), is_word)) {
        return true;
      }
    }
  }
  return false;
}

// The definition WordAfterCopula answers for: the rule's loop of finds as
// it was, one copula after another (tests/truncated_scan_test.cc compares
// the two; bench/truncated_benchmark.cc times both).
template <typename IsWord>
bool WordAfterCopulaByFinds(std::string_view lower, IsWord&& is_word) {
  for (std::string_view copula : kCopulas) {
    for (size_t at = lower.find(copula); at != std::string_view::npos;
         at = lower.find(copula, at + 1)) {
      if (AnyOfFiveWordsFrom(lower, at + copula.size(), is_word)) return true;
    }
  }
  return false;
}

}  // namespace truncated_internal
}  // namespace newslint

#endif  // NEWSLINT_RULES_GARBLED_TRUNCATED_SCAN_H_
