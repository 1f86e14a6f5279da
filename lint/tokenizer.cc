// Tokenize and ShapeOf (declared in lint/analysis.h).

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/swar.h"
#include "lint/utf8.h"

namespace newslint {
namespace {

using utf8::LetterCase;

enum class Kind : uint8_t { kOther, kLetter, kDigit, kMark };

// One character of the text, classified.
struct Unit {
  char32_t cp;
  uint8_t length;
  Kind kind;
  LetterCase letter_case;
};

struct AsciiClass {
  Kind kind;
  LetterCase letter_case;
};

constexpr std::array<AsciiClass, 128> MakeAsciiTable() {
  std::array<AsciiClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = {Kind::kOther, LetterCase::kNotLetter};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = {Kind::kLetter, LetterCase::kUpper};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = {Kind::kLetter, LetterCase::kLower};
  for (int c = '0'; c <= '9'; ++c) t[c] = {Kind::kDigit, LetterCase::kNotLetter};
  return t;
}
constexpr std::array<AsciiClass, 128> kAscii = MakeAsciiTable();

inline Unit UnitAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1, kAscii[c].kind, kAscii[c].letter_case};
  const utf8::CodePoint cp = utf8::DecodeAt(s, i);
  if (!cp.valid) return {cp.value, 1, Kind::kOther, LetterCase::kNotLetter};
  const LetterCase lc = utf8::CaseOf(cp.value);
  if (lc != LetterCase::kNotLetter) return {cp.value, cp.length, Kind::kLetter, lc};
  if (utf8::IsCombiningMark(cp.value)) {
    return {cp.value, cp.length, Kind::kMark, LetterCase::kNotLetter};
  }
  return {cp.value, cp.length, Kind::kOther, LetterCase::kNotLetter};
}

inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
// Hyphen-minus, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+00AD SOFT HYPHEN.
inline bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0xAD; }
inline bool IsWordKind(Kind k) { return k == Kind::kLetter || k == Kind::kDigit; }

// The shape of a word from its counts of upper-case letters, other letters
// and digits and the case of its first letter. `possessive`: the word ends
// in "'s" or "’s", which does not count ("NATO's" is kUpper).
TokenShape ShapeOfCounts(int upper, int lower, int digits, LetterCase first, bool possessive) {
  if (possessive && upper + lower > 1) --lower;
  if (upper + lower == 0) return TokenShape::kNumber;
  if (digits > 0) return TokenShape::kAlphanumeric;
  if (upper == 0) return TokenShape::kLower;
  if (lower == 0 && upper >= 2) return TokenShape::kUpper;
  if (first == LetterCase::kUpper) return TokenShape::kCapitalized;
  return TokenShape::kMixed;
}

// ASCII letters and digits in one byte each for the tokenizer's word loop.
constexpr uint8_t kUpperBit = 1, kLowerBit = 2, kDigitBit = 4;
constexpr std::array<uint8_t, 128> MakeAsciiWordTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperBit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiWord = MakeAsciiWordTable();
// What a kAsciiWord class adds to the packed letter counts: upper-case
// letters in the low 32 bits, other letters in the high 32 bits.
constexpr uint64_t kOneUpper = 1, kOneLower = uint64_t{1} << 32;
constexpr uint64_t kLetterCount[5] = {0, kOneUpper, kOneLower, 0, 0};

// How many of the eight bytes at `p` are 'a'..'z' before the first that is
// not (0..8).
inline size_t LowerAsciiRun(const char* p) {
  const uint64_t w = swar::Load8(p);
  // swar's range test is exact for ASCII bytes; a byte >= 0x80 (masked out
  // by ~w) can only carry into the bytes after it, which the run, ending at
  // that byte, does not count.
  const uint64_t lower = swar::InRange(w, 'a', 'z') & ~w;
  const uint64_t stop = ~lower & swar::kHigh;  // the bytes that end the run
  return stop == 0 ? 8 : static_cast<size_t>(std::countr_zero(stop)) / 8;
}

// Accumulates the letters and digits of one word and names its shape.
class ShapeCounter {
 public:
  void Letter(LetterCase c) {
    if (first_ == LetterCase::kNotLetter) first_ = c;
    upper_ += c == LetterCase::kUpper;
    lower_ += c != LetterCase::kUpper;  // lower case and caseless letters
  }
  void Digit() { ++digits_; }

  TokenShape Shape(bool possessive) const {
    return ShapeOfCounts(upper_, lower_, digits_, first_, possessive);
  }

 private:
  int upper_ = 0, lower_ = 0, digits_ = 0;
  LetterCase first_ = LetterCase::kNotLetter;
};

bool EndsPossessive(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  return w[w.size() - 2] == '\'' ||
         (w.size() >= 5 && w.substr(w.size() - 4, 3) == "\u2019");
}

// "U.S.", "a.m.", "J.K.", "U.S.A": two or more single letters joined by dots,
// starting with the letter `first` at `start`. On a match returns the end of
// the token (after the final dot, if there is one) and counts the letters.
size_t MatchDottedLetters(std::string_view s, size_t start, const Unit& first,
                          TokenShape* shape) {
  const size_t n = s.size();
  size_t pos = start + first.length;  // just after a single letter
  Unit letters[16];
  size_t count = 0;
  letters[count++] = first;
  while (pos < n && s[pos] == '.' && count < 16) {
    if (pos + 1 >= n) break;
    const Unit next = UnitAt(s, pos + 1);
    if (next.kind != Kind::kLetter) break;
    const size_t after = pos + 1 + next.length;
    if (after < n && IsWordKind(UnitAt(s, after).kind)) break;  // not a single letter
    letters[count++] = next;
    pos = after;
  }
  if (count < 2) return 0;
  ShapeCounter counter;
  for (size_t k = 0; k < count; ++k) counter.Letter(letters[k].letter_case);
  *shape = counter.Shape(false);
  return (pos < n && s[pos] == '.') ? pos + 1 : pos;
}

}  // namespace

TokenShape ShapeOf(std::string_view word) {
  ShapeCounter shape;
  for (size_t i = 0; i < word.size();) {
    const Unit u = UnitAt(word, i);
    if (u.kind == Kind::kLetter) {
      shape.Letter(u.letter_case);
    } else if (u.kind == Kind::kDigit) {
      shape.Digit();
    }
    i += u.length;
  }
  return shape.Shape(EndsPossessive(word));
}

void TokenizeInto(std::string_view text, size_t base, std::vector<Token>* out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && kAscii[c].kind == Kind::kOther) {
      ++i;
      continue;
    }
    const Unit u = UnitAt(text, i);
    if (!IsWordKind(u.kind)) {
      i += u.length;
      continue;
    }
    const size_t start = i;
    if (u.kind == Kind::kLetter && i + u.length < n && text[i + u.length] == '.') {
      TokenShape dotted;
      if (size_t end = MatchDottedLetters(text, i, u, &dotted); end != 0) {
        out->push_back({{base + start, base + end}, dotted});
        i = end;
        continue;
      }
    }
    // The word's counts live in locals (registers): upper-case letters and
    // other letters (caseless ones count as lower, as in ShapeCounter) packed
    // in one 64-bit word, 32 bits each, and digits. A token is part of one
    // record, so no count reaches 2^32. The case of the first letter matters
    // to the shape only when the word has no digit, and then its first unit
    // is that letter.
    uint64_t letters = u.kind != Kind::kLetter                   ? 0
                       : u.letter_case == LetterCase::kUpper ? kOneUpper
                                                             : kOneLower;
    uint64_t digits = u.kind == Kind::kDigit;
    bool prev_digit = u.kind == Kind::kDigit;
    size_t j = i + u.length;
    while (j < n) {
      // Most of a word is lower-case ASCII: count a run of them eight bytes
      // at a time (what the byte loop below would count one by one).
      if (n - j >= 8) {
        if (const size_t run = LowerAsciiRun(text.data() + j); run > 0) {
          letters += run * kOneLower;
          prev_digit = false;
          j += run;
          continue;
        }
      }
      const unsigned char b = static_cast<unsigned char>(text[j]);
      Unit v;
      if (b < 0x80) {
        const uint8_t w = kAsciiWord[b];
        if (w != 0) {  // a letter or a digit
          letters += kLetterCount[w];
          prev_digit = w == kDigitBit;
          digits += prev_digit;
          ++j;
          continue;
        }
        if (b != '\'' && b != '-' && b != '.' && b != ',') break;
        v = {b, 1, Kind::kOther, LetterCase::kNotLetter};
      } else {
        v = UnitAt(text, j);
        if (v.kind == Kind::kLetter) {
          letters += v.letter_case == LetterCase::kUpper ? kOneUpper : kOneLower;
          prev_digit = false;
          j += v.length;
          continue;
        }
        if (v.kind == Kind::kMark) {
          j += v.length;
          continue;
        }
      }
      // A joiner stays inside the word only with a word character after it.
      if (j + v.length >= n) break;
      const Kind next = UnitAt(text, j + v.length).kind;
      const Kind prev = prev_digit ? Kind::kDigit : Kind::kLetter;
      if (IsApostrophe(v.cp) && next == Kind::kLetter) {
        // "Kyiv's", "don't"
      } else if (IsHyphen(v.cp) && IsWordKind(next) &&
                 !(prev == Kind::kDigit && next == Kind::kDigit)) {
        // "long-term", "F-16", "COVID-19"; not "1990-2000".
      } else if ((v.cp == '.' || v.cp == ',') && prev == Kind::kDigit && next == Kind::kDigit) {
        // "1,200", "3.5"
      } else {
        break;
      }
      j += v.length;
    }
    const bool possessive = EndsPossessive(text.substr(start, j - start));
    out->push_back({{base + start, base + j},
                    ShapeOfCounts(static_cast<int>(letters & 0xFFFFFFFF),
                                  static_cast<int>(letters >> 32), static_cast<int>(digits),
                                  u.letter_case, possessive)});
    i = j;
  }
}

std::vector<Token> Tokenize(std::string_view text, size_t base) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);  // news averages a token per 6 bytes
  TokenizeInto(text, base, &out);
  return out;
}

}  // namespace newslint
