#include "rules/dataset_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>  // AppendWordKeys' fast path
#endif

#include "lint/block_hash.h"
#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/page_layout.h"

namespace newslint::dataset {
namespace {

uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return utf8::IsLetter(cp) || utf8::IsCombiningMark(cp);
}

// ASCII word characters (IsWordChar) as the byte the word hash takes:
// the letter lower-cased, the digit itself; 0 for every other byte (other
// ASCII, and every byte >= 0x80, which the callers then test for). One load
// in place of three range tests and the lower-casing, for the bytes that
// make up almost all of a news text; 256 entries so that a letter costs no
// test of the byte's range first.
constexpr auto kAsciiWord = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) t[c] = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<unsigned char>(c + 32);
  }
  return t;
}();

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

#ifdef __SSE2__
// AppendWordKeys' fast path, for 16 bytes at a time (SSE2: every x86-64 CPU).
// The bytes of `p[0, 16)` that are ASCII letters or digits (`word`) and those
// >= 0x80 (`high`), one bit per byte.
struct Classified {
  uint32_t word;
  uint32_t high;
};

inline Classified Classify16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // x < n unsigned, for bytes: (x ^ 0x80) < (n ^ 0x80) signed.
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(lower, _mm_set1_epi8('a')), flip),
                                        _mm_set1_epi8(static_cast<char>(26 ^ 0x80)));
  const __m128i digit = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8('0')), flip),
                                       _mm_set1_epi8(static_cast<char>(10 ^ 0x80)));
  return {static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit))),
          static_cast<uint32_t>(_mm_movemask_epi8(v))};
}

#endif

// The word key, over the bytes of a word: its lowered ASCII letters and
// digits, and three bytes per other code point (see AppendWordsWith).
// `Byte` feeds one; `AsciiWord` hashes a whole ASCII word of 1-16 letters
// and digits from a 16-byte block (the fast path), with the result the bytes
// fed one by one would give.
//
// BlockWordKey: BlockHasher (lint/block_hash.h), two multiplications per
// eight bytes.
struct BlockWordKey {
  static constexpr uint64_t kSeed = 0x3C6EF372FE94F82Bull;
  BlockHasher h{kSeed};
  void Byte(unsigned char b) { h.Byte(b); }
  uint64_t Final() { return h.Final(); }
#ifdef __SSE2__
  // The second block only for a word of more than eight bytes: a branch
  // (hashing it always and masking it in was slower: BM_DatasetAppendWordKeys
  // 630 against 682 MB/s).
  static uint64_t AsciiWord(const unsigned char* p, unsigned length) {
    constexpr uint64_t kLower = 0x2020202020202020ull;
    uint64_t x;
    std::memcpy(&x, p, 8);
    const unsigned first = length < 8 ? length : 8;  // bytes in block 0, 1..8
    uint64_t h = BlockHasher::Step(kSeed, (x | kLower) & (~0ull >> (64 - 8 * first)));
    if (length > 8) {
      std::memcpy(&x, p + 8, 8);
      h = BlockHasher::Step(h, (x | kLower) & (~0ull >> (64 - 8 * (length - 8))));
    }
    return BlockHasher::Finish(h, length);
  }
#endif
};

// The shingles' keys, in order: for the shingle of words i .. i+4 the
// polynomial of their hashes
//   K(i) = w[i] B^4 + w[i+1] B^3 + ... + w[i+4]   (mod 2^64),
// rolling: K(i+1) = (K(i) - w[i] B^4) B + w[i+5], two multiplications per
// shingle where hashing each afresh chained five. Two different shingles
// differ by a non-zero polynomial of 64-bit word hashes: equal keys with
// probability about 2^-64 (as repeated-body's k-grams). A sequence of fewer
// than kShingleWords words (n > 0) is one shingle: K of its words, plus its
// length times a constant.
constexpr uint64_t kShingleBase = 0x9E3779B97F4A7C15ull;  // odd
constexpr uint64_t kShingleBaseTop = [] {  // kShingleBase^(kShingleWords - 1)
  uint64_t p = 1;
  for (int j = 1; j < kShingleWords; ++j) p *= kShingleBase;
  return p;
}();

template <typename F>
void ForEachShingleKey(const Word* w, size_t n, F&& f) {
  const size_t first = std::min<size_t>(n, kShingleWords);
  uint64_t k = 0;
  for (size_t j = 0; j < first; ++j) k = k * kShingleBase + w[j].hash;
  if (n < static_cast<size_t>(kShingleWords)) {
    f(k + n * 0xD6E8FEB86659FD93ull);
    return;
  }
  f(k);
  for (size_t i = kShingleWords; i < n; ++i) {
    k = (k - w[i - kShingleWords].hash * kShingleBaseTop) * kShingleBase + w[i].hash;
    f(k);
  }
}

// The one hash of a shingle that both sketches take their bins and values
// from (dataset_text.h), from disjoint bits:
//   bits 63..58  the band bin (kBandBits)       bits 57..32  its value (26 bits)
//   bits 31..25  the estimate's bin (kVerifyBits)  bits 24..0  its value (25 bits)
// so the bands and the estimate see independent hashes. A value is below
// 2^26, so UINT32_MAX marks a bin no shingle reached. Values this short
// make two different minima in a bin equal with probability 2^-25, a
// thousandth of the 1/16 by which two 4-bit nibbles agree anyway.
constexpr uint64_t kSketchSeed = 0x5EED0DA7A5E70001ull;
static_assert(kBandBits + 26 + kVerifyBits + 25 == 64);

// A densified bin's probe sequence: kMaxProbes bins picked by a hash of the
// bin, the attempt and a seed, then the bins after the last of them in turn.
// Any sequence fixed by the bin alone keeps the property (the walk only
// bounds the time, and reaches every bin); a story of 26 shingles (the
// fewest min-words lets in) fills about 23 of 128 bins, and 64 hashed probes
// all miss them with probability about 3 x 10^-6.
constexpr uint64_t kMaxProbes = 64;

// Optimal densification (dataset_text.h): every bin no shingle reached
// (mins[bin] == UINT32_MAX) takes the value of the first bin along its probe
// sequence that a shingle reached.
template <int kBits>
void Densify(uint64_t seed, uint32_t* mins) {
  constexpr unsigned kBins = 1u << kBits;
  bool filled[kBins];
  bool any = false;
  for (unsigned bin = 0; bin < kBins; ++bin) {
    filled[bin] = mins[bin] != UINT32_MAX;
    any |= filled[bin];
  }
  if (!any) return;
  for (unsigned bin = 0; bin < kBins; ++bin) {
    if (filled[bin]) continue;
    // The probe sequence depends on the bin and the seed only, so two
    // stories borrow from the same bins, and only from bins a shingle
    // reached: a borrowed value agrees exactly when the lender's does.
    unsigned from = bin;
    for (uint64_t attempt = 1;; ++attempt) {
      from = attempt <= kMaxProbes
                 ? static_cast<unsigned>(Mix64(seed ^ (static_cast<uint64_t>(bin) << 32 | attempt)) >>
                                         (64 - kBits))
                 : (from + 1) % kBins;
      if (filled[from]) break;
    }
    mins[bin] = mins[from];
  }
}

}  // namespace

char32_t SimpleLower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp < 0x100) return cp;
  if (cp <= 0x17F) {
    if (cp == 0x130) return U'i';
    if (cp == 0x178) return 0xFF;
    if ((cp < 0x138 || (cp >= 0x14A && cp < 0x178)) && cp % 2 == 0) return cp + 1;
    if (((cp >= 0x139 && cp < 0x149) || (cp >= 0x179 && cp < 0x17F)) && cp % 2 == 1) return cp + 1;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 37;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 63;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

namespace {

// AppendWordKeys: the words, and each word's bytes fed to a `Hash`
// (BlockWordKey; the tests feed the same bytes to hashes of their own).
template <class Hash>
void AppendWordsWith(std::string_view text, size_t begin, size_t end, std::vector<Word>* out) {
  end = std::min(end, text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = begin;
  while (i < end) {
#ifdef __SSE2__
    // 16 bytes at a time: skip to the next ASCII word character, and take a
    // word of ASCII letters and digits whole when the block shows where it
    // ends and what ends it. Anything else (a byte >= 0x80, an apostrophe
    // after the word, a word running past the block) goes to the byte loop
    // below for one step.
    if (i + 32 <= size) {
      const size_t block = i;
      const Classified k = Classify16(bytes + block);
      const uint32_t in_range = end - block >= 16 ? 0xFFFFu : (1u << (end - block)) - 1;
      const uint32_t next = (k.word | k.high) & in_range;
      if (next == 0) {
        i = block + 16;
        continue;
      }
      const unsigned skip = static_cast<unsigned>(std::countr_zero(next));
      i = block + skip;
      if ((k.word >> skip) & 1u) {
        // Bit 16: the block ends inside the word.
        const uint32_t stops = ((~k.word | ~in_range) & 0xFFFFu) | 0x10000u;
        const auto length = static_cast<unsigned>(std::countr_zero(stops >> skip));
        const size_t stop = i + length;
        // Ended by the range, or inside the block by ASCII that is not an
        // apostrophe (which may join "don't").
        if (stop >= end || (stop < block + 16 && bytes[stop] < 0x80 && bytes[stop] != '\'')) {
          out->push_back(Word{Hash::AsciiWord(bytes + i, length), {i, stop}});
          i = stop;
          continue;
        }
      }
    }
#endif
    // Skip to the next word character: ASCII letters and digits through the
    // table, the rest of ASCII skipped, bytes >= 0x80 decoded.
    const unsigned char c = bytes[i];
    if (kAsciiWord[c] != 0) {
      // an ASCII letter or digit: a word starts
    } else if (c < 0x80) {
      ++i;
      continue;
    } else {
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (!cp.valid || !IsWordChar(cp.value) || utf8::IsCombiningMark(cp.value)) {
        i += cp.length;
        continue;
      }
    }
    // One word: its bytes into the hash, finalised.
    Word w;
    w.span.start = i;
    Hash h;
    while (i < end) {
      // The run of ASCII letters and digits that makes up most words, in a
      // loop of its own (pointer, one load, one table load, the hash step).
      {
        const unsigned char* p = bytes + i;
        const unsigned char* const stop = bytes + end;
        unsigned char lowered;
        while (p < stop && (lowered = kAsciiWord[*p]) != 0) {
          h.Byte(lowered);
          ++p;
        }
        i = static_cast<size_t>(p - bytes);
        if (p == stop) break;
      }
      const unsigned char b = bytes[i];
      if (b < 0x80) {
        if (b == '\'' && i + 1 < end) {
          utf8::CodePoint next = utf8::DecodeAt(text, i + 1);
          if (next.valid && IsWordChar(next.value) && !utf8::IsCombiningMark(next.value)) {
            ++i;  // "don't": the apostrophe joins, and is not compared
            continue;
          }
        }
        break;
      }
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (!cp.valid) break;
      if (IsApostrophe(cp.value)) {
        if (i + cp.length < end) {
          utf8::CodePoint next = utf8::DecodeAt(text, i + cp.length);
          if (next.valid && IsWordChar(next.value) && !utf8::IsCombiningMark(next.value)) {
            i += cp.length;
            continue;
          }
        }
        break;
      }
      if (!IsWordChar(cp.value)) break;
      // Non-ASCII code points feed three bytes, the first >= 0x80 or 0x00
      // never fed by ASCII, so they cannot collide with ASCII letters.
      const char32_t v = SimpleLower(cp.value);
      h.Byte(static_cast<unsigned char>(0x80 | (v & 0x7F)));
      h.Byte(static_cast<unsigned char>((v >> 7) & 0xFF));
      h.Byte(static_cast<unsigned char>((v >> 15) & 0xFF));
      i += cp.length;
    }
    w.span.end = i;
    w.hash = h.Final();
    out->push_back(w);
  }
}

}  // namespace

void AppendWordKeys(std::string_view text, size_t begin, size_t end, std::vector<Word>* out) {
  AppendWordsWith<BlockWordKey>(text, begin, end, out);
}

bool IsStoryLine(const PageLayout& layout, size_t i) {
  const LineLayout& l = layout.line(i);
  return !l.blank && (layout.region(i) == PageRegion::kBody || l.prose);
}

void StoryWords(Analysis& analysis, std::vector<Word>* out) {
  const PageLayout& layout = analysis.Shared<PageLayout>();
  std::string_view text = analysis.text();
  auto story = [&](size_t i) { return IsStoryLine(layout, i); };
  // One allocation instead of a dozen doublings: the layout's token count
  // of the story lines, plus an eighth for words the tokenizer keeps whole
  // ("well-known", "3.5") and AppendWordKeys splits. Only a capacity hint.
  size_t tokens = 0;
  for (size_t i = 0; i < layout.size(); ++i) {
    if (story(i)) tokens += static_cast<size_t>(layout.line(i).words);
  }
  out->reserve(out->size() + tokens + tokens / 8);
  for (size_t i = 0; i < layout.size(); ++i) {
    if (!story(i)) continue;
    const LineLayout& l = layout.line(i);
    AppendWordKeys(text, l.span.start, l.span.end, out);
  }
}

void TextWordsFromStory(Analysis& analysis, const StoryView& story, std::vector<Word>* out) {
  const PageLayout& layout = analysis.Shared<PageLayout>();  // built with the story
  const std::string_view text = analysis.text();
  const std::vector<Word>& own = story.words;
  out->reserve(out->size() + own.size() + own.size() / 8 + 8);
  size_t w = 0;  // the next of the story's words: they come in line order
  for (size_t i = 0; i < layout.size(); ++i) {
    const Span line = layout.line(i).span;
    if (IsStoryLine(layout, i)) {
      while (w < own.size() && own[w].span.end <= line.end) out->push_back(own[w++]);
    } else if (!layout.line(i).blank) {
      AppendWordKeys(text, line.start, line.end, out);
    }
  }
}

uint64_t ExactHash(const Word* words, size_t n) {
  // Four chains, one per word position mod 4, so that a word waits for the
  // multiplication four words back rather than the last one; then joined
  // in order with the length.
  uint64_t h[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                   0x082EFA98EC4E6C89ull};
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    for (int l = 0; l < 4; ++l) {
      h[l] = (std::rotl(h[l], 29) ^ words[i + l].hash) * 0x9E3779B97F4A7C15ull;
    }
  }
  for (int l = 0; i < n; ++i, ++l) {
    h[l] = (std::rotl(h[l], 29) ^ words[i].hash) * 0x9E3779B97F4A7C15ull;
  }
  uint64_t joined = h[0];
  for (int l = 1; l < 4; ++l) joined = (std::rotl(joined, 29) ^ h[l]) * 0x9E3779B97F4A7C15ull;
  return Mix64(joined ^ n);
}

void MakeSignature(const Word* words, size_t n, Signature* out) {
  out->exact = ExactHash(words, n);
  out->words = static_cast<uint32_t>(std::min<size_t>(n, UINT32_MAX));
  out->bands.fill(0);
  out->nibbles.fill(0);
  if (n == 0) return;
  static_assert(kBands * kRows == 1 << kBandBits && kVerifyHashes == 1 << kVerifyBits);
  uint32_t band_mins[kBands * kRows], verify_mins[kVerifyHashes];
  std::fill(std::begin(band_mins), std::end(band_mins), UINT32_MAX);
  std::fill(std::begin(verify_mins), std::end(verify_mins), UINT32_MAX);
  ForEachShingleKey(words, n, [&](uint64_t key) {
    const uint64_t h = Mix64(key ^ kSketchSeed);
    const unsigned band_bin = static_cast<unsigned>(h >> 58);
    const uint32_t band_value = static_cast<uint32_t>(h >> 32) & 0x3FFFFFFu;
    const unsigned verify_bin = static_cast<unsigned>(h >> 25) & 0x7Fu;
    const uint32_t verify_value = static_cast<uint32_t>(h) & 0x1FFFFFFu;
    band_mins[band_bin] = std::min(band_mins[band_bin], band_value);
    verify_mins[verify_bin] = std::min(verify_mins[verify_bin], verify_value);
  });
  Densify<kBandBits>(kSketchSeed ^ 0xB5, band_mins);
  Densify<kVerifyBits>(kSketchSeed ^ 0x7E, verify_mins);
  for (int b = 0; b < kBands; ++b) {
    uint64_t key = static_cast<uint64_t>(b) * 0xD6E8FEB86659FD93ull;
    for (int r = 0; r < kRows; ++r) key = Mix64(key ^ band_mins[b * kRows + r]);
    out->bands[b] = static_cast<uint32_t>(key >> 40);
  }
  for (int k = 0; k < kVerifyHashes; ++k) {
    // The minimum's own bits are not uniform (a minimum is small), so the
    // stored nibble is a hash of it: equal minima give equal nibbles, others
    // agree with probability 1/16.
    const uint8_t nibble = static_cast<uint8_t>(Mix64(verify_mins[k] ^ 0x9E3779B97F4A7C15ull) & 0xF);
    out->nibbles[k / 2] |= static_cast<uint8_t>(k % 2 == 0 ? nibble : nibble << 4);
  }
}

double NibbleMatch(const uint8_t* a, const uint8_t* b) {
  int equal = 0;
  for (int i = 0; i < kNibbleBytes; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    uint64_t d = x ^ y;  // a zero nibble is an equal value
    d |= d >> 1;
    d |= d >> 2;
    equal += 16 - std::popcount(d & 0x1111111111111111ull);
  }
  return static_cast<double>(equal) / kVerifyHashes;
}

double EstimateJaccard(const uint8_t* a, const uint8_t* b) {
  const double j = (NibbleMatch(a, b) - 1.0 / 16) / (15.0 / 16);
  return std::clamp(j, 0.0, 1.0);
}

double CandidateProbability(double j) {
  return 1 - std::pow(1 - std::pow(j, kRows), kBands);
}

double ShingleJaccard(const std::vector<Word>& a, const std::vector<Word>& b) {
  auto shingles = [](const std::vector<Word>& w) {
    std::vector<uint64_t> s;
    ForEachShingleKey(w.data(), w.size(), [&](uint64_t key) { s.push_back(key); });
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
  };
  std::vector<uint64_t> x = shingles(a), y = shingles(b);
  if (x.empty() && y.empty()) return 1;
  size_t i = 0, k = 0, common = 0;
  while (i < x.size() && k < y.size()) {
    if (x[i] < y[k]) {
      ++i;
    } else if (y[k] < x[i]) {
      ++k;
    } else {
      ++common;
      ++i;
      ++k;
    }
  }
  return static_cast<double>(common) / static_cast<double>(x.size() + y.size() - common);
}

}  // namespace newslint::dataset
