// newslint: which tokens garbled/spelling judges (rules/garbled/spelling.cc),
// and when a judged word is plainly not inside machine text, in a header of
// their own so that tests/spelling_shape_test.cc can compare them with the
// checks they replace or short-cut.

#ifndef NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_
#define NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newslint {
namespace spelling_shape_internal {

// What CandidateShapeOf learns of each byte, from one table load: a byte
// outside a-z and "-", a vowel, a hyphen.
enum ShapeBit : uint8_t { kNotWordByte = 1, kVowelByte = 2, kHyphenByte = 4 };

// Closing marks that may follow a word in prose ("end.", "why?\"", "said).");
// none is in the rule's kChunkMarkBytes, none is ':' (of "://"), none is a
// letter or digit. See PlainWordChunk.
inline constexpr std::array<bool, 256> kPlainAfter = [] {
  std::array<bool, 256> t{};
  for (char c : std::string_view(".?!,;\"')]")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

inline bool IsAsciiSpaceByte(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

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

// Whether the run of non-space bytes around a candidate word [start, end) of
// `text` (CandidateShapeOf(word) != kNone) is just the word and closing marks
// after it ("rose.", "why?\"", "said.)"), told from the bytes next to the
// word. garbled/spelling asks this before its full InMachineChunk scan of
// every word a '.' or '?' touches (most sentence ends): when it is true,
// InMachineChunk is false, because the run then holds only a-z, "-" and
// kPlainAfter bytes, so no "://" (no ':') and no byte of kChunkMarkBytes,
// and no "x.y" (a '.' after the word is followed by another mark, a space
// or the end, never by a letter or digit). An ASCII space byte is one that
// utf8::SpaceLengthAt and SpaceLengthBefore count; other spaces (U+00A0)
// take the full scan. tests/spelling_shape_test.cc checks the implication
// against a copy of InMachineChunk.
inline bool PlainWordChunk(std::string_view text, size_t start, size_t end) {
  using namespace spelling_shape_internal;
  if (start > 0 && !IsAsciiSpaceByte(text[start - 1])) return false;
  size_t e = end;
  while (e < text.size() && kPlainAfter[static_cast<unsigned char>(text[e])]) ++e;
  return e == text.size() || IsAsciiSpaceByte(text[e]);
}

}  // namespace newslint

#endif  // NEWSLINT_RULES_GARBLED_SPELLING_SHAPE_H_
