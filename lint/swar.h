// newslint: eight ASCII bytes at a time in one 64-bit word ("SIMD within a
// register"), for the byte loops that hash or count runs of plain text.
//
//   const uint64_t w = swar::Load8(p);    // byte k of the text is byte k of w
//   if (swar::AllAscii(w)) {
//     const uint64_t spaces = swar::Equal(w, ' ');        // 0x80 in each byte that is ' '
//     const uint64_t upper = swar::InRange(w, 'A', 'Z');
//     ...
//   }
//
// Masks have 0x80 in the bytes that answer yes and 0 elsewhere; byte k of the
// text is bits 8k..8k+7, whatever the machine's byte order, so
// std::countr_zero(mask) / 8 is the position of the first yes. The range and
// equality tests hold only for words whose bytes are all ASCII (AllAscii):
// for b < 0x80, b + (0x80 - t) has its high bit set exactly when b >= t and
// never carries into the next byte.

#ifndef NEWSLINT_LINT_SWAR_H_
#define NEWSLINT_LINT_SWAR_H_

#include <bit>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace newslint::swar {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x80 * kOnes;

// The eight bytes at p, byte k of the text as byte k (bits 8k..) of the word.
inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

inline bool AllAscii(uint64_t w) { return (w & kHigh) == 0; }

// Bytes >= t (t <= 0x80; all bytes ASCII).
inline uint64_t AtLeast(uint64_t w, unsigned char t) { return (w + (0x80 - t) * kOnes) & kHigh; }

// Bytes in [lo, hi] (hi < 0x80; all bytes ASCII).
inline uint64_t InRange(uint64_t w, unsigned char lo, unsigned char hi) {
  return AtLeast(w, lo) & ~AtLeast(w, static_cast<unsigned char>(hi + 1));
}

// Bytes equal to c (c < 0x80; all bytes ASCII).
inline uint64_t Equal(uint64_t w, unsigned char c) {
  return ~((w ^ (c * kOnes)) + 0x7F * kOnes) & kHigh;
}

// The word with 'A'..'Z' lowered (all bytes ASCII): 0x80 >> 2 == 'a' - 'A'.
inline uint64_t LowerAscii(uint64_t w) { return w | (InRange(w, 'A', 'Z') >> 2); }

// The word with 'A'..'Z' lowered and every other byte as it is, for any
// bytes (UTF-8 or not): the range test runs on the low seven bits of each
// byte (ASCII, so InRange holds) and the bytes with the high bit set are
// then taken out of the mask, so 0xC1 (0x41 | 0x80) stays 0xC1.
inline uint64_t LowerAsciiAnyBytes(uint64_t w) {
  const uint64_t upper = InRange(w & ~kHigh, 'A', 'Z') & ~w;
  return w | (upper >> 2);
}

// Eight bytes a normaliser that turns every white-space run into one space
// can take as they are: all ASCII, none of \t..\r, no two spaces next to
// each other. `spaces` is the mask of their spaces (valid when `plain`).
struct PlainChunk {
  bool plain;
  uint64_t spaces;
};
inline PlainChunk PlainAscii8(uint64_t w) {
  if (!AllAscii(w)) return {false, 0};
  const uint64_t spaces = Equal(w, ' ');
  return {InRange(w, '\t', '\r') == 0 && (spaces & (spaces << 8)) == 0, spaces};
}

#ifdef __SSE2__
// PlainAscii8 for sixteen bytes at once (SSE2, part of x86-64), with the
// bytes lowered ('A'..'Z'): `plain` when all sixteen are ASCII, none of
// \t..\r and no two spaces are next to each other, also across the middle;
// `spaces` has bit k set when byte k is a space; `lo` and `hi` are bytes
// 0-7 and 8-15 lowered, as LowerAscii gives them (valid when `plain`).
struct PlainBlock16 {
  bool plain;
  unsigned spaces;
  uint64_t lo, hi;
};
inline PlainBlock16 PlainAscii16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto spaces =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
  // Bytes >= 0x80 are negative as signed bytes: outside both ranges below,
  // and in `high`.
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
  const auto control = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
      _mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1)))));
  if ((high | control | (spaces & (spaces >> 1))) != 0) return {false, spaces, 0, 0};
  const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  const __m128i lowered = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  return {true, spaces, static_cast<uint64_t>(_mm_cvtsi128_si64(lowered)),
          static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(lowered, lowered)))};
}
#endif

}  // namespace newslint::swar

#endif  // NEWSLINT_LINT_SWAR_H_
