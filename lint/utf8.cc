#include "lint/utf8.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include <simdjson.h>

#include "lint/analysis.h"

namespace newslint {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t Load64(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The offset of the first ill-formed sequence, or n: a scalar scan, eight
// ASCII bytes at a time. simdjson's validator runs first on longer input.
size_t FirstInvalid(const unsigned char* p, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && (Load64(p + i) & kHighBits) == 0) i += 8;
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const size_t len = utf8::SequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

// Number of continuation bytes (10xxxxxx), eight bytes at a time.
size_t ContinuationBytes(const unsigned char* p, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t count = 0, i = 0;
  // Each byte lane counts up to one per word, and the multiply by kOnes
  // adds the eight lanes into the top byte: the flush must come before the
  // eight lanes together can pass 255, so after 31 words (at most 248).
  // (After 127 words, as first written, text of more than a quarter
  // continuation bytes, Cyrillic, Greek, Chinese, curly quotes, wrapped
  // its count modulo 256.)
  while (i + 8 <= n) {
    uint64_t sums = 0;
    for (int k = 0; k < 31 && i + 8 <= n; ++k, i += 8) {
      const uint64_t w = Load64(p + i);
      sums += ((w & ~(w << 1)) & kHighBits) >> 7;  // bit 7 set, bit 6 clear
    }
    count += (sums * kOnes) >> 56;
  }
  for (; i < n; ++i) count += (p[i] & 0xC0) == 0x80;
  return count;
}

// Below this size the scalar scan beats simdjson's dispatch overhead.
constexpr size_t kSimdMinSize = 64;

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (s.size() >= kSimdMinSize && simdjson::validate_utf8(s.data(), s.size())) return true;
  const size_t bad = FirstInvalid(p, s.size());
  if (bad == s.size()) return true;
  if (bad_offset != nullptr) *bad_offset = bad;
  return false;
}

size_t CountContinuationBytes(std::string_view s) {
  return ContinuationBytes(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

size_t CountCodePoints(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n >= kSimdMinSize && simdjson::validate_utf8(s.data(), n)) {
    return n - ContinuationBytes(p, n);
  }
  // Ill-formed text: decode, so that each invalid byte counts as one.
  size_t i = 0, count = 0;
  while (i < n) {
    while (i + 8 <= n && (Load64(p + i) & kHighBits) == 0) {
      i += 8;
      count += 8;
    }
    if (i >= n) break;
    const size_t len = p[i] < 0x80 ? 1 : utf8::SequenceLength(p + i, n - i);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

namespace utf8 {
namespace {

// How case is laid out inside one range of letters.
enum class Layout : uint8_t {
  kUpper,
  kLower,
  kUncased,
  kEvenUpper,  // pairs: even code point upper, odd lower (Ā ā, Ё.. Ѡ ѡ)
  kOddUpper,   // pairs: odd code point upper, even lower (Ĺ ĺ)
  kBit3Upper,  // Greek Extended: blocks of 8, lower then upper
};

struct LetterRange {
  char32_t lo, hi;
  Layout layout;
};

// Sorted, non-overlapping. Latin Extended-B before U+01CD is approximated as
// lower case (it is rare in news and its case pairs are irregular).
constexpr LetterRange kLetters[] = {
    {0x00AA, 0x00AA, Layout::kUncased},  {0x00B5, 0x00B5, Layout::kLower},
    {0x00BA, 0x00BA, Layout::kUncased},  {0x00C0, 0x00D6, Layout::kUpper},
    {0x00D8, 0x00DE, Layout::kUpper},    {0x00DF, 0x00F6, Layout::kLower},
    {0x00F8, 0x00FF, Layout::kLower},    {0x0100, 0x012F, Layout::kEvenUpper},
    {0x0130, 0x0130, Layout::kUpper},    {0x0131, 0x0131, Layout::kLower},
    {0x0132, 0x0137, Layout::kEvenUpper}, {0x0138, 0x0138, Layout::kLower},
    {0x0139, 0x0148, Layout::kOddUpper}, {0x0149, 0x0149, Layout::kLower},
    {0x014A, 0x0177, Layout::kEvenUpper}, {0x0178, 0x0178, Layout::kUpper},
    {0x0179, 0x017E, Layout::kOddUpper}, {0x017F, 0x01CC, Layout::kLower},
    {0x01CD, 0x01DC, Layout::kOddUpper}, {0x01DD, 0x01DD, Layout::kLower},
    {0x01DE, 0x01EF, Layout::kEvenUpper}, {0x01F0, 0x01F0, Layout::kLower},
    {0x01F1, 0x01F2, Layout::kUpper},    {0x01F3, 0x01F3, Layout::kLower},
    {0x01F4, 0x01F4, Layout::kUpper},    {0x01F5, 0x01F5, Layout::kLower},
    {0x01F6, 0x01F7, Layout::kUpper},    {0x01F8, 0x021F, Layout::kEvenUpper},
    {0x0220, 0x0220, Layout::kUpper},    {0x0221, 0x0221, Layout::kLower},
    {0x0222, 0x0233, Layout::kEvenUpper}, {0x0234, 0x0239, Layout::kLower},
    {0x023A, 0x023B, Layout::kUpper},    {0x023C, 0x023C, Layout::kLower},
    {0x023D, 0x023E, Layout::kUpper},    {0x023F, 0x0240, Layout::kLower},
    {0x0241, 0x0241, Layout::kUpper},    {0x0242, 0x0242, Layout::kLower},
    {0x0243, 0x0245, Layout::kUpper},    {0x0246, 0x024F, Layout::kEvenUpper},
    {0x0250, 0x02AF, Layout::kLower},    {0x02B0, 0x02C1, Layout::kUncased},
    {0x02C6, 0x02D1, Layout::kUncased},  {0x02E0, 0x02E4, Layout::kUncased},
    {0x0370, 0x0373, Layout::kEvenUpper}, {0x0376, 0x0377, Layout::kEvenUpper},
    {0x037B, 0x037D, Layout::kLower},    {0x037F, 0x037F, Layout::kUpper},
    {0x0386, 0x0386, Layout::kUpper},    {0x0388, 0x038A, Layout::kUpper},
    {0x038C, 0x038C, Layout::kUpper},    {0x038E, 0x038F, Layout::kUpper},
    {0x0390, 0x0390, Layout::kLower},    {0x0391, 0x03A1, Layout::kUpper},
    {0x03A3, 0x03AB, Layout::kUpper},    {0x03AC, 0x03CE, Layout::kLower},
    {0x03CF, 0x03CF, Layout::kUpper},    {0x03D0, 0x03D1, Layout::kLower},
    {0x03D2, 0x03D4, Layout::kUpper},    {0x03D5, 0x03D7, Layout::kLower},
    {0x03D8, 0x03EF, Layout::kEvenUpper}, {0x03F0, 0x03F3, Layout::kLower},
    {0x03F4, 0x03F4, Layout::kUpper},    {0x03F5, 0x03F5, Layout::kLower},
    {0x03F7, 0x03F7, Layout::kUpper},    {0x03F8, 0x03F8, Layout::kLower},
    {0x03F9, 0x03FA, Layout::kUpper},    {0x03FB, 0x03FC, Layout::kLower},
    {0x03FD, 0x042F, Layout::kUpper},    {0x0430, 0x045F, Layout::kLower},
    {0x0460, 0x0481, Layout::kEvenUpper}, {0x048A, 0x04BF, Layout::kEvenUpper},
    {0x04C0, 0x04C0, Layout::kUpper},    {0x04C1, 0x04CE, Layout::kOddUpper},
    {0x04CF, 0x04CF, Layout::kLower},    {0x04D0, 0x052F, Layout::kEvenUpper},
    {0x0531, 0x0556, Layout::kUpper},    {0x0560, 0x0588, Layout::kLower},
    {0x05D0, 0x05EA, Layout::kUncased},  {0x05EF, 0x05F2, Layout::kUncased},
    {0x0620, 0x064A, Layout::kUncased},  {0x066E, 0x066F, Layout::kUncased},
    {0x0671, 0x06D3, Layout::kUncased},  {0x06D5, 0x06D5, Layout::kUncased},
    {0x06FA, 0x06FC, Layout::kUncased},  {0x0904, 0x0939, Layout::kUncased},
    {0x093D, 0x093D, Layout::kUncased},  {0x0950, 0x0950, Layout::kUncased},
    {0x0958, 0x0961, Layout::kUncased},  {0x0971, 0x097F, Layout::kUncased},
    {0x0E01, 0x0E30, Layout::kUncased},  {0x0E32, 0x0E33, Layout::kUncased},
    {0x0E40, 0x0E46, Layout::kUncased},  {0x10A0, 0x10C5, Layout::kUpper},
    {0x10D0, 0x10FA, Layout::kLower},    {0x10FD, 0x10FF, Layout::kLower},
    {0x1C90, 0x1CBA, Layout::kUpper},    {0x1CBD, 0x1CBF, Layout::kUpper},
    {0x1E00, 0x1E95, Layout::kEvenUpper}, {0x1E96, 0x1E9D, Layout::kLower},
    {0x1E9E, 0x1E9E, Layout::kUpper},    {0x1E9F, 0x1E9F, Layout::kLower},
    {0x1EA0, 0x1EFF, Layout::kEvenUpper}, {0x1F00, 0x1F6F, Layout::kBit3Upper},
    {0x1F70, 0x1F7D, Layout::kLower},    {0x1F80, 0x1FAF, Layout::kBit3Upper},
    {0x1FB0, 0x1FB7, Layout::kLower},    {0x1FB8, 0x1FBC, Layout::kUpper},
    {0x1FC2, 0x1FC7, Layout::kLower},    {0x1FC8, 0x1FCC, Layout::kUpper},
    {0x1FD0, 0x1FD7, Layout::kLower},    {0x1FD8, 0x1FDB, Layout::kUpper},
    {0x1FE0, 0x1FE7, Layout::kLower},    {0x1FE8, 0x1FEC, Layout::kUpper},
    {0x1FF2, 0x1FF7, Layout::kLower},    {0x1FF8, 0x1FFC, Layout::kUpper},
    {0x2C00, 0x2C2F, Layout::kUpper},    {0x2C30, 0x2C5F, Layout::kLower},
    {0x2D00, 0x2D25, Layout::kLower},    {0x3005, 0x3006, Layout::kUncased},
    {0x3041, 0x3096, Layout::kUncased},  {0x309D, 0x309F, Layout::kUncased},
    {0x30A1, 0x30FA, Layout::kUncased},  {0x30FC, 0x30FF, Layout::kUncased},
    {0x3105, 0x312F, Layout::kUncased},  {0x3131, 0x318E, Layout::kUncased},
    {0x3400, 0x4DBF, Layout::kUncased},  {0x4E00, 0x9FFF, Layout::kUncased},
    {0xA640, 0xA66D, Layout::kEvenUpper}, {0xA680, 0xA69B, Layout::kEvenUpper},
    {0xA722, 0xA76F, Layout::kEvenUpper}, {0xAC00, 0xD7A3, Layout::kUncased},
    {0xF900, 0xFAFF, Layout::kUncased},  {0xFF21, 0xFF3A, Layout::kUpper},
    {0xFF41, 0xFF5A, Layout::kLower},    {0xFF66, 0xFF9D, Layout::kUncased},
    {0x20000, 0x323AF, Layout::kUncased},
};

struct MarkRange {
  char32_t lo, hi;
};

constexpr MarkRange kMarks[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x093C},
    {0x093E, 0x094F}, {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200C, 0x200D}, {0x20D0, 0x20FF}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},
};

template <typename Range, size_t N>
constexpr bool IsSortedTable(const Range (&table)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (table[i].lo > table[i].hi) return false;
    if (i > 0 && table[i - 1].hi >= table[i].lo) return false;
  }
  return true;
}
static_assert(IsSortedTable(kLetters));
static_assert(IsSortedTable(kMarks));

// The range holding cp, or nullptr.
template <typename Range, size_t N>
const Range* FindRange(const Range (&table)[N], char32_t cp) {
  const Range* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                     [](char32_t c, const Range& r) { return c < r.lo; });
  if (it == std::begin(table)) return nullptr;
  --it;
  return cp <= it->hi ? it : nullptr;
}

}  // namespace

LetterCase CaseOf(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return LetterCase::kUpper;
    if (cp >= 'a' && cp <= 'z') return LetterCase::kLower;
    return LetterCase::kNotLetter;
  }
  // Fast paths for the common blocks: Russian/Ukrainian Cyrillic, Latin-1.
  if (cp >= 0x0400 && cp <= 0x045F) return cp < 0x0430 ? LetterCase::kUpper : LetterCase::kLower;
  if (cp >= 0x00C0 && cp <= 0x00FF && cp != 0x00D7 && cp != 0x00F7) {
    return cp < 0x00DF ? LetterCase::kUpper : LetterCase::kLower;
  }
  const LetterRange* r = FindRange(kLetters, cp);
  if (r == nullptr) return LetterCase::kNotLetter;
  switch (r->layout) {
    case Layout::kUpper: return LetterCase::kUpper;
    case Layout::kLower: return LetterCase::kLower;
    case Layout::kUncased: return LetterCase::kUncased;
    case Layout::kEvenUpper: return cp % 2 == 0 ? LetterCase::kUpper : LetterCase::kLower;
    case Layout::kOddUpper: return cp % 2 == 1 ? LetterCase::kUpper : LetterCase::kLower;
    case Layout::kBit3Upper: return (cp & 8) != 0 ? LetterCase::kUpper : LetterCase::kLower;
  }
  return LetterCase::kNotLetter;
}

bool IsCombiningMark(char32_t cp) { return cp >= 0x0300 && FindRange(kMarks, cp) != nullptr; }

namespace {
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};
}  // namespace

bool IsAllSpaceSlow(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLengthAt(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool HasLetterOrDigit(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    CodePoint cp = DecodeAt(s, i);
    if (IsLetter(cp.value) || (cp.value >= '0' && cp.value <= '9')) return true;
    i += cp.length;
  }
  return false;
}

char32_t Cp1252HighCharacter(unsigned char byte) {
  return byte >= 0x80 && byte <= 0x9F ? kCp1252High[byte - 0x80] : 0;
}

int Cp1252ByteOf(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == cp) return 0x80 + i;
  }
  return -1;
}

bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  switch (cp) {
    case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200B;
  }
}

CodePoint DecodeBefore(std::string_view s, size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t start = end - 1;
  for (int back = 0; start > 0 && back < 3 && (p[start] & 0xC0) == 0x80; ++back) --start;
  const CodePoint cp = DecodeAt(s, start);
  if (cp.valid && start + cp.length == end) return cp;
  return {0xFFFD, 1, false};
}

size_t SpaceLengthBefore(std::string_view s, size_t end) {
  const unsigned char c = static_cast<unsigned char>(s[end - 1]);
  if (c < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
  const CodePoint cp = DecodeBefore(s, end);
  return cp.valid && IsSpace(cp.value) ? cp.length : 0;
}

void Trim(std::string_view s, size_t* start, size_t* end) {
  while (*start < *end) {
    const size_t len = SpaceLengthAt(s, *start);
    if (len == 0 || *start + len > *end) break;
    *start += len;
  }
  while (*end > *start) {
    const size_t len = SpaceLengthBefore(s, *end);
    if (len == 0 || *end - len < *start) break;
    *end -= len;
  }
}

size_t Encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void Append(char32_t cp, std::string* out) {
  char bytes[4];
  out->append(bytes, Encode(cp, bytes));
}

}  // namespace utf8
}  // namespace newslint
