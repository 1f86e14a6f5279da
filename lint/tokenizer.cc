// Tokenize and ShapeOf (declared in lint/analysis.h).
//
// TokenizeStep's byte loop defines the tokens (TokenizeIntoReference runs it
// alone, for tests/tokenizer_blocks_test.cc and bench/). TokenizeInto
// classifies the text 64 bytes at a time into bit masks (SSE2) and takes the
// plain ASCII words and the gaps between them from the masks; every other
// word goes to the step. On English news that is about 40% fewer
// instructions than the byte loop alone; on text mostly of bytes >= 0x80 it
// runs the byte loop in stretches and costs about the same.

#include <emmintrin.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/swar.h"
#include "lint/tokenizer_reference.h"
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

namespace {

// One step of the tokenizer at `i`, a position the tokenizer reaches (text
// start, the end of a token or of a skipped unit): skips one unit that starts
// no word, or appends the word starting at `i`. Returns where the next step
// starts. This byte loop is the definition of the tokens: TokenizeInto's block
// path below only takes words whose tokens it can prove equal to this one's.
[[gnu::always_inline]] inline size_t TokenizeStep(std::string_view text, size_t i, size_t base,
                                                std::vector<Token>* out) {
  const size_t n = text.size();
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80 && kAscii[c].kind == Kind::kOther) return i + 1;
  const Unit u = UnitAt(text, i);
  if (!IsWordKind(u.kind)) return i + u.length;
  const size_t start = i;
  if (u.kind == Kind::kLetter && i + u.length < n && text[i + u.length] == '.') {
    TokenShape dotted;
    if (size_t end = MatchDottedLetters(text, i, u, &dotted); end != 0) {
      out->push_back({{base + start, base + end}, dotted});
      return end;
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
  return j;
}

// The step, out of line, for the block path: inlined there (and in the loop
// below) it cost the block loop 3-5% more instructions on English news than
// the call does.
[[gnu::noinline]] size_t TokenizeStepCall(std::string_view text, size_t i, size_t base,
                                          std::vector<Token>* out) {
  return TokenizeStep(text, i, base, out);
}

// The byte loop from `i` to the first step that ends at or after `stop`,
// out of line for the same reason; returns where it stopped.
[[gnu::noinline]] size_t ByteLoop(std::string_view text, size_t i, size_t stop, size_t base,
                                  std::vector<Token>* out) {
  while (i < stop) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && kAscii[c].kind == Kind::kOther) {
      ++i;
    } else {
      i = TokenizeStep(text, i, base, out);
    }
  }
  return i;
}

// The bytes of a 64-byte block, one bit per byte (bit k: byte k).
struct BlockMasks {
  uint64_t word;     // ASCII letters and digits
  uint64_t upper;    // 'A'..'Z'
  uint64_t digit;    // '0'..'9'
  uint64_t stop;     // '.' and ','
  uint64_t special;  // '.', ',', '\'', '-' and bytes >= 0x80
  uint64_t high;     // bytes >= 0x80
};

// SSE2 is part of x86-64, so this needs no dispatch. Signed byte compares:
// bytes >= 0x80 are negative and fall in no ASCII range.
inline BlockMasks ClassifyBlock(const char* p) {
  BlockMasks m{0, 0, 0, 0, 0, 0};
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Setting bit 5 folds 'A'..'Z' onto 'a'..'z' (and nothing else onto them).
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const __m128i stop = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
    const __m128i joiner = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
    const auto bits = [](__m128i x) -> uint64_t {
      return static_cast<uint32_t>(_mm_movemask_epi8(x));
    };
    const uint64_t letters = bits(letter);
    // Bit 5 of each byte moved to bit 7 (16-bit lanes: no bit crosses into
    // bit 7 of the next byte): set for lower-case letters.
    const uint64_t bit5 = bits(_mm_slli_epi16(v, 2));
    const uint64_t digits = bits(digit);
    const uint64_t stops = bits(stop);
    const uint64_t high = bits(v);
    const int shift = 16 * k;
    m.word |= (letters | digits) << shift;
    m.upper |= (letters & ~bit5) << shift;
    m.digit |= digits << shift;
    m.stop |= stops << shift;
    m.special |= (stops | bits(joiner) | high) << shift;
    m.high |= high << shift;
  }
  return m;
}

// TokenizeInto, 64 bytes at a time. Most words are ASCII letters and digits
// ended by a space or by "." or ","; for them the step's byte loop only
// counts, so their token comes from the masks: the end from countr_zero,
// the counts from popcount; the gaps between words (ASCII that is no letter
// or digit, joiners included: the step skips them one by one) go by
// countr_zero too. Everything else (a byte >= 0x80, a word that runs into
// one or into an apostrophe or a hyphen, a "." or "," that may join digits
// or start "U.S.", a word that fills the rest of the block) goes to
// TokenizeStep at the unit's start, a position the byte loop reaches too, so
// the two make the same steps. Cloned for POPCNT: without it std::popcount
// is a libgcc call.
__attribute__((target_clones("popcnt", "default"))) void TokenizeBlocks(
    std::string_view text, size_t base, std::vector<Token>* out) {
  const char* const data = text.data();
  const size_t n = text.size();
  BlockMasks m{0, 0, 0, 0, 0, 0};
  size_t block = 0, block_end = 0;  // the masks describe text[block, block + 64)
  bool dense = false;               // half the block's bytes are >= 0x80
  size_t i = 0;
  while (i < n) {
    if (i >= block_end) {
      if (dense) {
        // The last block was mostly bytes >= 0x80 (Cyrillic, Greek, CJK
        // text), where nearly every word goes to the step anyway: run the
        // byte loop for the next 256 bytes without classifying them.
        i = ByteLoop(text, i, n - i > 256 ? i + 256 : n, base, out);
        dense = false;
        if (i >= n) break;
      }
      block = i;
      block_end = i + 64;
      if (n - i >= 64) {
        m = ClassifyBlock(data + i);
      } else {
        // The last bytes, padded with NULs: no word, no special byte, so
        // the masks end where the text does.
        char tail[64] = {};
        std::memcpy(tail, data + i, n - i);
        m = ClassifyBlock(tail);
      }
      dense = std::popcount(m.high) >= 32;
    }
    const unsigned skip = static_cast<unsigned>(i - block);  // < 64
    // Bytes the step skips one at a time: ASCII that is no letter or digit
    // (a joiner outside a word is skipped like a space).
    const uint64_t starts = (m.word | m.high) >> skip;
    if (starts == 0) {
      i = block_end;
      continue;
    }
    const unsigned at = skip + static_cast<unsigned>(std::countr_zero(starts));
    i = block + at;
    if (((m.word >> at) & 1) != 0) {  // else a byte >= 0x80: the step
      // The run of ASCII letters and digits from `at`. The bits shifted in
      // above bit 63 - at are 0 in m.word >> at, so ~ stops the count there.
      const unsigned len = static_cast<unsigned>(std::countr_zero(~(m.word >> at)));
      const unsigned end = at + len;
      if (end == 64) {  // the word may go on in the next block
        if (at > 0) {
          block_end = i;  // describe the 64 bytes from the word's start
          continue;
        }
        // else a word of 64 bytes or more: the step
      } else if (((m.special >> end) & 1) == 0 ||
                 (((m.stop >> end) & 1) != 0 && ((m.digit >> (end - 1)) & 1) == 0 &&
                  !(len == 1 && data[block + end] == '.'))) {
        // In the tail block the run ends at n at the latest (the NULs), and
        // there the byte loop ends the word too. A byte that is no joiner
        // ends it. A "." or "," ends it too when the word's last byte is a
        // letter (it joins only digit to digit), unless the word is one
        // letter and the byte is "." ("U.S.": the step tries the dotted
        // letters first).
        //
        // No apostrophe inside, so not possessive; lower = letters - upper.
        // The step passes the case of the first unit (kNotLetter for a
        // digit), which ShapeOfCounts reads only for a word without digits,
        // whose first byte is then a letter: upper or lower by m.upper.
        const uint64_t span = ((uint64_t{1} << len) - 1) << at;  // len < 64
        const int upper = std::popcount(m.upper & span);
        const int digits = std::popcount(m.digit & span);
        const LetterCase first =
            ((m.upper >> at) & 1) != 0 ? LetterCase::kUpper : LetterCase::kLower;
        out->push_back({{base + i, base + block + end},
                        ShapeOfCounts(upper, static_cast<int>(len) - upper - digits, digits,
                                      first, false)});
        i = block + end;
        continue;
      }
    }
    i = TokenizeStepCall(text, i, base, out);
  }
}

}  // namespace

void TokenizeIntoReference(std::string_view text, size_t base, std::vector<Token>* out) {
  for (size_t i = 0; i < text.size();) {
    // The step's first test, inline: the loop TokenizeInto ran before its
    // block path skipped the gaps without a call (bench/ compares the two).
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && kAscii[c].kind == Kind::kOther) {
      ++i;
      continue;
    }
    i = TokenizeStep(text, i, base, out);
  }
}

void TokenizeInto(std::string_view text, size_t base, std::vector<Token>* out) {
  // Token offsets are 32-bit (TokenSpan): text past kMaxTokenOffset (4 GiB)
  // is not tokenised. Only a record over 4 GiB gets there, which needs
  // --max-record-bytes raised 500-fold and some 120 GB to lint.
  if (base >= kMaxTokenOffset) return;
  if (text.size() > kMaxTokenOffset - base) text = text.substr(0, kMaxTokenOffset - base);
  TokenizeBlocks(text, base, out);
}

std::vector<Token> Tokenize(std::string_view text, size_t base) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);  // news averages a token per 6 bytes
  TokenizeInto(text, base, &out);
  return out;
}

}  // namespace newslint
