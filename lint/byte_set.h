// newslint: small byte-level helpers for hot loops.
//
// ByteSet: a set of byte values built at compile time from the bytes of a
// string, answered by one table read. Scanners use it to skip the bytes
// that cannot matter ("is this a sign of code?", "may a space start
// here?") without a memchr or find_first_of call per byte:
//
//   constexpr ByteSet kSign("</=(){};\"");
//   if (kSign.Has(text[i])) ...
//   size_t at = kSign.FindIn(text);  // std::string_view::npos when none
//
// (std::string_view::find_first_of with a set of several bytes calls
// memchr on the set once per byte of the text.) A set of at most
// kMaxNeedles bytes, as most scanners' sets are, is searched 16 bytes at a
// time with SSE2 (one compare per byte of the set); larger sets, and the
// last bytes of a text, one table read per byte.
//
// IsAscii: whether a string has no byte >= 0x80, eight bytes at a time.
// SkipPrintableAscii: past printable ASCII and tabs (the bytes of most
// news text), 16 bytes at a time.
// CountBlankSeparatedWords: the words of a line split at spaces and tabs,
// 16 bytes at a time.

#ifndef NEWSLINT_LINT_BYTE_SET_H_
#define NEWSLINT_LINT_BYTE_SET_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newslint {

class ByteSet {
 public:
  // Sets of up to this many distinct bytes are searched with vector compares.
  static constexpr int kMaxNeedles = 8;

  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      if (has_[b]) continue;
      has_[b] = true;
      if (count_ < kMaxNeedles) needles_[count_] = b;
      ++count_;
    }
  }
  constexpr bool Has(char c) const { return has_[static_cast<unsigned char>(c)]; }
  constexpr bool Has(unsigned char c) const { return has_[c]; }

  // The first position at or after `pos` whose byte is in the set, or
  // npos: what text.find_first_of(<the set's bytes>, pos) answers.
  size_t FindIn(std::string_view text, size_t pos = 0) const {
    size_t i = pos;
#if defined(__SSE2__)
    switch (count_) {
      case 1: i = Skip<1>(text, i); break;
      case 2: i = Skip<2>(text, i); break;
      case 3: i = Skip<3>(text, i); break;
      case 4: i = Skip<4>(text, i); break;
      case 5: i = Skip<5>(text, i); break;
      case 6: i = Skip<6>(text, i); break;
      case 7: i = Skip<7>(text, i); break;
      case 8: i = Skip<8>(text, i); break;
      default: break;
    }
#endif
    for (; i < text.size(); ++i) {
      if (has_[static_cast<unsigned char>(text[i])]) return i;
    }
    return std::string_view::npos;
  }

 private:
#if defined(__SSE2__)
  // From `i`, 16 bytes at a time: the position of the first byte of the set
  // in a block, or the start of the last bytes (fewer than 16) left for the
  // table loop. Never past the end, so FindIn's loop ends it.
  template <int kCount>
  size_t Skip(std::string_view text, size_t i) const {
    __m128i needle[kCount];
    for (int k = 0; k < kCount; ++k) needle[k] = _mm_set1_epi8(static_cast<char>(needles_[k]));
    const char* const data = text.data();
    if (i >= text.size()) return i;
    for (; text.size() - i >= 16; i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      __m128i hit = _mm_cmpeq_epi8(block, needle[0]);
      for (int k = 1; k < kCount; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, needle[k]));
      if (const int mask = _mm_movemask_epi8(hit); mask != 0) {
        return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      }
    }
    return i;
  }
#endif

  bool has_[256] = {};
  unsigned char needles_[kMaxNeedles] = {};  // the first distinct bytes, in order
  int count_ = 0;                            // distinct bytes in the set
};

inline bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t bits = 0;
  if (n >= 8) {
    uint64_t v;
    for (; n > 8; p += 8, n -= 8) {
      std::memcpy(&v, p, 8);
      bits |= v;
    }
    std::memcpy(&v, p + n - 8, 8);  // the last 8 bytes, overlapping the loop's
    bits |= v;
  } else {
    for (; n > 0; ++p, --n) bits |= static_cast<unsigned char>(*p);
  }
  return (bits & 0x8080808080808080ull) == 0;
}

// The first position at or after `pos` whose byte is neither printable
// ASCII (0x20-0x7E) nor a tab, or text.size() when there is none (also when
// pos > text.size()).
inline size_t SkipPrintableAscii(std::string_view text, size_t pos) {
  const size_t n = text.size();
  size_t i = pos;
  if (i >= n) return n;
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(0x20 - 1), above = _mm_set1_epi8(0x7F);
  const __m128i tab = _mm_set1_epi8('\t');
  for (; n - i >= 16; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Signed compares: bytes >= 0x80 are negative, so not above 0x1F.
    const __m128i plain = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(block, below), _mm_cmplt_epi8(block, above)),
        _mm_cmpeq_epi8(block, tab));
    if (const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(plain)) & 0xFFFFu;
        other != 0) {
      return i + static_cast<size_t>(__builtin_ctz(other));
    }
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t') || c >= 0x7F) return i;
  }
  return n;
}

// The number of maximal runs of bytes other than ' ' and '\t' in `s`: the
// word count the boilerplate rules compare with their limits (a UTF-8
// space such as U+00A0 does not separate words here).
inline size_t CountBlankSeparatedWords(std::string_view s) {
  size_t words = 0, i = 0;
  bool in_word = false;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
  for (; s.size() - i >= 16; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const auto blank = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, space), _mm_cmpeq_epi8(block, tab))));
    // A word starts at a non-blank byte whose previous byte is blank (bit
    // k - 1 of `blank`, or for k = 0 the last byte of the previous block).
    const unsigned blank_before = (blank << 1) | (in_word ? 0u : 1u);
    words += static_cast<size_t>(__builtin_popcount(~blank & blank_before & 0xFFFFu));
    in_word = (blank & 0x8000u) == 0;
  }
#endif
  for (; i < s.size(); ++i) {
    const bool blank = s[i] == ' ' || s[i] == '\t';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

}  // namespace newslint

#endif  // NEWSLINT_LINT_BYTE_SET_H_
