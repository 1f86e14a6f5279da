// newslint: which tokens garbled/spelling judges (rules/garbled/spelling.cc),
// in a header of its own so that tests/spelling_shape_test.cc can compare it
// with the byte-by-byte checks it replaced.

#ifndef NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_
#define NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace newslint {
namespace spelling_shape_internal {

// What CandidateShapeOf learns of each byte, from one table load: a byte
// outside a-z and "-", a vowel, a hyphen.
enum ShapeBit : uint8_t { kNotWordByte = 1, kVowelByte = 2, kHyphenByte = 4 };

inline constexpr std::array<uint8_t, 256> kShapeBits = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kNotWordByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 0;
  for (char c : std::string_view("aeiouy")) t[static_cast<unsigned char>(c)] = kVowelByte;
  t['-'] = kHyphenByte;
  return t;
}();

}  // namespace spelling_shape_internal

enum class CandidateShape { kNone, kPlain, kHyphenated };

// A lower-case ASCII word, possibly hyphenated ("long-term"), with a vowel:
// the only tokens the rule judges. Vowel-less tokens are abbreviations
// ("mgmt", "bbl", "pls"). kHyphenated when it has a hyphen (never first or
// last). The bits of all bytes are OR-ed in one branch-free pass, which
// answers as the byte-by-byte checks did (a word is a candidate when no byte
// is outside a-z and "-", one is a vowel, and no hyphen is at either end)
// and tells hyphenated words apart without a second scan for "-".
inline CandidateShape CandidateShapeOf(std::string_view w) {
  using namespace spelling_shape_internal;
  unsigned bits = 0;
  for (char c : w) bits |= kShapeBits[static_cast<unsigned char>(c)];
  if ((bits & (kNotWordByte | kVowelByte)) != kVowelByte) return CandidateShape::kNone;
  if ((bits & kHyphenByte) == 0) return CandidateShape::kPlain;
  if (w.front() == '-' || w.back() == '-') return CandidateShape::kNone;
  return CandidateShape::kHyphenated;
}

}  // namespace newslint

#endif  // NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_
