// newslint: the fixed-size key garbled/grammar looks its word table up by.
//
// garbled/grammar compares every lower-case or capitalised token of every
// sentence with its lexicons, in lower case and with a typographic
// apostrophe U+2019 read as "'" ("Didn’t" is "didn't"). Listed words have at
// most kGrammarKeyMaxWord bytes in that form, so a word fits in 16 bytes:
// its lower-cased bytes, zero-padded, in bytes 0-14 and its length in byte
// 15. Two such keys are equal exactly when the words are (the length byte
// tells "a" from "a\0"), so the table compares two integers per probe
// instead of calling memcmp, and hashes two integers instead of every byte.
//
// MakeGrammarKey builds the key of an ASCII token with a few overlapping
// loads and a lower-casing of eight bytes at a time; anything else (bytes
// over 0x7F, so maybe a U+2019) takes the byte loop it replaced.
// tests/grammar_key_test.cc compares both with a plain reference.

#ifndef NEWSLINT_RULES_GARBLED_GRAMMAR_KEY_H_
#define NEWSLINT_RULES_GARBLED_GRAMMAR_KEY_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "lint/swar.h"

namespace newslint {

// Longest word a key holds, in bytes after lower-casing.
inline constexpr size_t kGrammarKeyMaxWord = 15;

struct GrammarKey {
  uint64_t lo = 0;  // bytes 0-7 of the word (little-endian: byte 0 lowest)
  uint64_t hi = 0;  // bytes 8-14, then the length in the top byte
  bool operator==(const GrammarKey&) const = default;
  size_t size() const { return static_cast<size_t>(hi >> 56); }
};

namespace grammar_key_internal {

// Four bytes in text order (lint/swar.h's Load8 for eight).
inline uint64_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  return v;
}

// The byte loop: lower-cases ASCII letters, reads U+2019 as "'", and fails
// past kGrammarKeyMaxWord bytes or on an empty word.
inline bool SlowKey(std::string_view word, GrammarKey* key) {
  unsigned char buf[16] = {};
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' &&
               word[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    }
    if (n == kGrammarKeyMaxWord) return false;
    buf[n++] = static_cast<unsigned char>(c);
  }
  if (n == 0) return false;
  buf[15] = static_cast<unsigned char>(n);
  std::memcpy(&key->lo, buf, 8);
  std::memcpy(&key->hi, buf + 8, 8);
  return true;
}

}  // namespace grammar_key_internal

// The key of `word` lower-cased with U+2019 as "'"; false when that form is
// empty or longer than kGrammarKeyMaxWord bytes (in no list).
inline bool MakeGrammarKey(std::string_view word, GrammarKey* key) {
  using namespace grammar_key_internal;
  const char* p = word.data();
  const size_t n = word.size();
  // Over 15 bytes only a word with a U+2019 (three bytes for one) can still
  // fit; 0 bytes never does.
  if (n - 1 >= kGrammarKeyMaxWord) {
    return n != 0 && SlowKey(word, key);
  }
  uint64_t lo, hi = 0;
  if (n >= 8) {
    lo = swar::Load8(p);
    // The last 8 bytes, shifted down past the 16 - n of them that lo holds.
    if (n > 8) hi = swar::Load8(p + n - 8) >> (8 * (16 - n));
  } else if (n >= 4) {
    // Two overlapping 4-byte loads; the shared bytes are the same.
    lo = Load4(p) | (Load4(p + n - 4) << (8 * (n - 4)));
  } else {
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    lo = byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
  }
  if (!swar::AllAscii(lo | hi)) return SlowKey(word, key);  // maybe a U+2019
  key->lo = swar::LowerAscii(lo);
  key->hi = swar::LowerAscii(hi) | uint64_t{n} << 56;
  return true;
}

// A hash of the key for a power-of-two table: the top bits of a product.
inline uint64_t GrammarKeyHash(const GrammarKey& key) {
  return ((key.hi * 0xC2B2AE3D27D4EB4Full) ^ key.lo) * 0x9E3779B97F4A7C15ull;
}

}  // namespace newslint

#endif  // NEWSLINT_RULES_GARBLED_GRAMMAR_KEY_H_
