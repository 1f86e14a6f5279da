// newslint: UTF-8 decoding and the small Unicode tables newslint needs.
//
// Article text is kept byte for byte as the scraper produced it, so every
// function here accepts ill-formed UTF-8 and makes progress over it: an
// invalid byte decodes as one unit of length 1 (never zero), so a loop of
// the form
//
//   for (size_t i = 0; i < s.size();) {
//     utf8::CodePoint cp = utf8::DecodeAt(s, i);
//     ...
//     i += cp.length;
//   }
//
// always terminates. Validation is strict, as RFC 3629 and Unicode table 3-7
// require: overlong forms, surrogates (U+D800..U+DFFF) and values above
// U+10FFFF are ill-formed.
//
// The letter table covers the scripts that matter for news in European and
// neighbouring languages: Latin (Basic, Latin-1, Extended-A/B, IPA, Extended
// Additional), Greek (incl. Extended), Cyrillic (incl. Supplement), Armenian,
// Georgian, Hebrew, Arabic, Devanagari, Thai, CJK ideographs, kana and Hangul.
// Upper and lower case is known for Latin, Greek, Cyrillic, Armenian and
// Georgian; letters of other scripts are caseless (`kUncased`).
//
// IsValidUtf8 and CountCodePoints (declared in lint/analysis.h) live with this
// module: on inputs of 64 bytes and more both first run simdjson's SIMD
// validator (~10 GB/s); IsValidUtf8 falls back to a scalar scan (eight ASCII
// bytes at a time) only to find the offset of a bad byte, and CountCodePoints
// counts non-continuation bytes eight at a time once the text is known valid.

#ifndef NEWSLINT_LINT_UTF8_H_
#define NEWSLINT_LINT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newslint::utf8 {

// The code point at one position. For an ill-formed sequence `valid` is
// false, `value` is U+FFFD and `length` is 1: the caller steps over one byte.
struct CodePoint {
  char32_t value = 0;
  uint8_t length = 1;
  bool valid = true;
};

// Length of the well-formed sequence starting at p[0] (1..4), or 0 if the
// bytes at p (n of them available, n >= 1) do not start one.
inline size_t SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte, or overlong 2-byte lead
  if (c < 0xE0) return (n >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (p[2] & 0xC0) != 0x80) return 0;
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // no overlongs
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // no surrogates
    return (p[1] >= lo && p[1] <= hi) ? 3 : 0;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // no overlongs
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // <= U+10FFFF
    return (p[1] >= lo && p[1] <= hi) ? 4 : 0;
  }
  return 0;
}

// Decodes the code point starting at byte `i` of `s` (i < s.size()).
inline CodePoint DecodeAt(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t len = SequenceLength(p, s.size() - i);
  switch (len) {
    case 1: return {p[0], 1, true};
    case 2: return {char32_t((p[0] & 0x1F) << 6 | (p[1] & 0x3F)), 2, true};
    case 3:
      return {char32_t((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F)), 3, true};
    case 4:
      return {char32_t((p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 |
                       (p[3] & 0x3F)),
              4, true};
    default: return {0xFFFD, 1, false};
  }
}

// Decodes the code point that ends just before byte `end` (end > 0). Steps
// back over at most three continuation bytes; if they do not form one
// well-formed sequence, the last byte alone is returned as invalid.
CodePoint DecodeBefore(std::string_view s, size_t end);

// Case of a letter; kNotLetter for everything else (digits, punctuation,
// marks, symbols, invalid input).
enum class LetterCase : uint8_t { kNotLetter, kUpper, kLower, kUncased };

LetterCase CaseOf(char32_t cp);
inline bool IsLetter(char32_t cp) { return CaseOf(cp) != LetterCase::kNotLetter; }

// Combining marks that continue a word (U+0300..U+036F and the other
// combining diacritical blocks; also U+200D ZERO WIDTH JOINER).
bool IsCombiningMark(char32_t cp);

// Windows-1252, the encoding text is most often wrongly read as (the WHATWG
// Encoding Standard reads "iso-8859-1" as windows-1252 too). The character
// of byte 0x80-0x9F, or 0 for the five bytes it leaves undefined (81, 8D,
// 8F, 90, 9D).
char32_t Cp1252HighCharacter(unsigned char byte);
// The byte a character came from when bytes were read as Windows-1252 (or
// as Latin-1, whose 0x80-0xFF stand for themselves); -1 if none.
int Cp1252ByteOf(char32_t cp);

// White space for trimming and boundary purposes: ASCII space, tab, CR, LF,
// FF, VT, and U+00A0, U+1680, U+2000..U+200B, U+2028, U+2029, U+202F,
// U+205F, U+3000, U+FEFF (zero-width and byte-order marks count, because
// scraped text is full of them).
bool IsSpace(char32_t cp);

// Byte length of the white-space character at s[i], or 0 if s[i] does not
// start one (i < s.size()).
inline size_t SpaceLengthAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
  if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;
  const CodePoint cp = DecodeAt(s, i);
  return cp.valid && IsSpace(cp.value) ? cp.length : 0;
}

// Whether `s` is nothing but white space (IsSpace); true for "".
bool IsAllSpaceSlow(std::string_view s);
inline bool IsAllSpace(std::string_view s) {
  // The gap between two words is one space far more often than not.
  if (s.size() == 1) return s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r');
  return IsAllSpaceSlow(s);
}
// Whether `s` holds a letter or an ASCII digit.
bool HasLetterOrDigit(std::string_view s);

// Byte length of the white-space character ending at s[end-1], or 0.
size_t SpaceLengthBefore(std::string_view s, size_t end);

// `s` without leading and trailing white space (as IsSpace defines it), as
// offsets: [*start, *end) narrowed in place.
void Trim(std::string_view s, size_t* start, size_t* end);

// Where to cut `s` to at most `max_bytes` without splitting a character:
// s.size() when it is shorter, else max_bytes moved back over at most three
// continuation bytes to where a sequence starts (in an invalid run of
// continuation bytes, max_bytes itself).
inline size_t CutBefore(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s.size();
  const auto continuation = [&](size_t i) {
    return (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  size_t cut = max_bytes;
  for (int back = 0; back < 3 && cut > 0 && continuation(cut); ++back) --cut;
  return continuation(cut) ? max_bytes : cut;
}

// Writes the UTF-8 encoding of `cp` (which must be a Unicode scalar value)
// to out[0, 4) and returns its length, 1-4.
size_t Encode(char32_t cp, char* out);
// Appends the UTF-8 encoding of `cp` (a Unicode scalar value).
void Append(char32_t cp, std::string* out);

}  // namespace newslint::utf8

#endif  // NEWSLINT_LINT_UTF8_H_
