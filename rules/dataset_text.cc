#include "rules/dataset_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// GCC 12's AVX-512 intrinsics start from _mm512_undefined_epi32(), which
// -Wuninitialized takes for a read of an uninitialised value.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif

#ifdef __SSE2__
#include <emmintrin.h>  // AppendWords' fast path (with clang too, which skips the block above)
#endif

#include "lint/block_hash.h"
#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/page_layout.h"

namespace newslint::dataset {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

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
// AppendWords' fast path, for 16 bytes at a time (SSE2: every x86-64 CPU).
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

// FNV-1a over the lowered bytes of the ASCII word p[0, length), 1 <= length
// <= 16, p[0, 16) readable: the hash AppendWords' byte loop computes. The
// lowered byte of a letter or a digit is the byte | 0x20 (digits have that
// bit already). The eight steps of a block run whatever the word's length
// inside it (no branch for the word's end to mispredict; the second block
// only for a word past eight bytes), each step's state is stored, and the
// state after step `length` is loaded back: one store per step, where picking it
// in registers took four instructions (a compare, a negation, an and, an
// or; a select `j == length ? h : result` GCC 12 made a branch on the
// length, the very branch the fixed steps are there to avoid).
inline uint64_t HashAsciiWord(const unsigned char* p, unsigned length) {
  constexpr uint64_t kLower = 0x2020202020202020ull;
  uint64_t states[16];
  uint64_t x;
  std::memcpy(&x, p, 8);
  x |= kLower;
  uint64_t h = kFnvOffset;
  for (unsigned j = 0; j < 8; ++j) {
    h = (h ^ (x & 0xFF)) * kFnvPrime;
    x >>= 8;
    states[j] = h;
  }
  if (length > 8) {
    std::memcpy(&x, p + 8, 8);
    x |= kLower;
    for (unsigned j = 8; j < 16; ++j) {
      h = (h ^ (x & 0xFF)) * kFnvPrime;
      x >>= 8;
      states[j] = h;
    }
  }
  return states[length - 1];
}
#endif

// The two word hashes, over the same bytes of a word: its lowered ASCII
// letters and digits, and three bytes per other code point (see
// AppendWordsWith). `Byte` feeds one; `AsciiWord` hashes a whole ASCII word
// of 1-16 letters and digits from a 16-byte block (the fast path), with the
// result the bytes fed one by one would give.
//
// FnvWordHash: FNV-1a, finalised; the hash signatures are made of
// (AppendWords), which must not change.
struct FnvWordHash {
  uint64_t h = kFnvOffset;
  void Byte(unsigned char b) { h = (h ^ b) * kFnvPrime; }
  uint64_t Final() const { return Mix64(h); }
#ifdef __SSE2__
  static uint64_t AsciiWord(const unsigned char* p, unsigned length) {
    return Mix64(HashAsciiWord(p, length));
  }
#endif
};

// BlockWordKey: BlockHasher, two multiplications per eight bytes; a key for
// equality only (AppendWordKeys).
struct BlockWordKey {
  static constexpr uint64_t kSeed = 0x3C6EF372FE94F82Bull;
  BlockHasher h{kSeed};
  void Byte(unsigned char b) { h.Byte(b); }
  uint64_t Final() { return h.Final(); }
#ifdef __SSE2__
  // The second block only for a word of more than eight bytes: a branch,
  // as in HashAsciiWord (hashing it always and masking it in was slower:
  // BM_DatasetAppendWordKeys 630 against 682 MB/s).
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

// The permutations: kBands * kRows for the bands, then kVerifyHashes for the
// estimate (kPermutations). Fixed constants (splitmix64 from a fixed seed),
// so signatures are the same on every run and machine.

struct Permutations {
  uint64_t a[kPermutations];
  uint64_t b[kPermutations];
  Permutations() {
    uint64_t state = 0x5EED0DA7A5E70001ull;
    for (int k = 0; k < kPermutations; ++k) {
      state += 0x9E3779B97F4A7C15ull;
      a[k] = Mix64(state) | 1;
      state += 0x9E3779B97F4A7C15ull;
      b[k] = Mix64(state);
    }
  }
};

const Permutations& Perms() {
  static const Permutations kPerms;
  return kPerms;
}

uint64_t ShingleHash(const Word* w, size_t n) {
  uint64_t h = w[0].hash;
  for (size_t j = 1; j < n; ++j) h = (std::rotl(h, 23) ^ w[j].hash) * 0x9E3779B97F4A7C15ull;
  return Mix64(h ^ n);
}

// The signature's hot loop: for every shingle hash x and permutation k, the
// minimum of the top 32 bits of a[k] * x + b[k] (mod 2^64; 192 multiply-adds
// per shingle). This is the definition; the vector kernels below must give
// the very same minima (tests/dataset_hash_test.cc compares them).
void AbsorbScalar(const uint64_t* shingles, size_t count, const uint64_t* a, const uint64_t* b,
                  uint32_t* mins) {
  for (size_t i = 0; i < count; ++i) {
    const uint64_t x = shingles[i];
    for (int k = 0; k < kPermutations; ++k) {
      const uint32_t v = static_cast<uint32_t>((a[k] * x + b[k]) >> 32);
      mins[k] = v < mins[k] ? v : mins[k];
    }
  }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define NEWSLINT_ABSORB_X86 1

// Both kernels take the permutations in blocks that stay in registers while
// every shingle passes (the minima too: no load or store per shingle), and
// keep a minimum per lane that only at the end becomes the 32-bit minimum.

// AVX-512 (F + DQ): one 64-bit low multiply (vpmullq) and one add per lane,
// then an unsigned 64-bit minimum of the whole sums. The top 32 bits of the
// smallest sum are the smallest top 32 bits (u < v implies u >> 32 <= v >> 32),
// so the shift and the narrowing wait for the end of the block.
__attribute__((target("avx512f,avx512dq"))) void AbsorbAvx512(const uint64_t* shingles,
                                                              size_t count, const uint64_t* a,
                                                              const uint64_t* b, uint32_t* mins) {
  constexpr int kLanes = 8, kVectors = 8, kBlock = kLanes * kVectors;  // 24 of 32 registers
  static_assert(kPermutations % kBlock == 0);
  for (int k0 = 0; k0 < kPermutations; k0 += kBlock) {
    __m512i av[kVectors], bv[kVectors], mv[kVectors];
    for (int j = 0; j < kVectors; ++j) {
      av[j] = _mm512_loadu_si512(a + k0 + kLanes * j);
      bv[j] = _mm512_loadu_si512(b + k0 + kLanes * j);
      mv[j] = _mm512_set1_epi64(-1);
    }
    for (size_t i = 0; i < count; ++i) {
      const __m512i x = _mm512_set1_epi64(static_cast<long long>(shingles[i]));
      for (int j = 0; j < kVectors; ++j) {
        mv[j] = _mm512_min_epu64(mv[j], _mm512_add_epi64(_mm512_mullo_epi64(av[j], x), bv[j]));
      }
    }
    for (int j = 0; j < kVectors; ++j) {
      uint32_t* m = mins + k0 + kLanes * j;
      const __m256i top = _mm512_cvtepi64_epi32(_mm512_srli_epi64(mv[j], 32));
      const __m256i old = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(m));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(m), _mm256_min_epu32(old, top));
    }
  }
}

// AVX2 has no 64-bit multiply. With a = aL + 2^32 aH and x = xL + 2^32 xH
// (32-bit halves), modulo 2^64
//   a * x + b = (aL * xL + b) + 2^32 * (aH * xL + aL * xH),
// (the 2^64 aH xH term vanishes), and adding 2^32 * c changes only the top
// half, so
//   top32(a * x + b) = top32(aL * xL + b) + aH * xL + aL * xH   (mod 2^32).
// Per lane: aL * xL by one 32x32->64 multiply (vpmuludq), the two cross
// products by one 32-bit multiply (vpmulld) of the lane (aL, aH) with the
// lane (xH, xL), one of them moved to the top half by a shift; 32-bit adds
// (no carry between the halves) sum into the top half of the lane, whose
// running minimum is kept (the bottom half is junk and ignored).
__attribute__((target("avx2"))) void AbsorbAvx2(const uint64_t* shingles, size_t count,
                                                const uint64_t* a, const uint64_t* b,
                                                uint32_t* mins) {
  constexpr int kLanes = 4, kVectors = 4, kBlock = kLanes * kVectors;
  static_assert(kPermutations % kBlock == 0);
  for (int k0 = 0; k0 < kPermutations; k0 += kBlock) {
    __m256i av[kVectors], bv[kVectors], mv[kVectors];
    for (int j = 0; j < kVectors; ++j) {
      av[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + k0 + kLanes * j));
      bv[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + k0 + kLanes * j));
      mv[j] = _mm256_set1_epi32(-1);
    }
    for (size_t i = 0; i < count; ++i) {
      const __m256i x = _mm256_set1_epi64x(static_cast<long long>(shingles[i]));
      const __m256i xs = _mm256_shuffle_epi32(x, 0xB1);  // the halves swapped: (xH, xL)
      for (int j = 0; j < kVectors; ++j) {
        const __m256i low = _mm256_add_epi64(_mm256_mul_epu32(av[j], x), bv[j]);
        const __m256i cross = _mm256_mullo_epi32(av[j], xs);  // (aL xH, aH xL)
        const __m256i sum =
            _mm256_add_epi32(_mm256_add_epi32(low, cross), _mm256_slli_epi64(cross, 32));
        mv[j] = _mm256_min_epu32(mv[j], sum);
      }
    }
    for (int j = 0; j < kVectors; ++j) {
      alignas(32) uint32_t lanes[2 * kLanes];
      _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), mv[j]);
      for (int l = 0; l < kLanes; ++l) {
        uint32_t& m = mins[k0 + kLanes * j + l];
        m = std::min(m, lanes[2 * l + 1]);  // the top half of lane l
      }
    }
  }
}
#endif

using AbsorbFn = void (*)(const uint64_t*, size_t, const uint64_t*, const uint64_t*, uint32_t*);

AbsorbFn AbsorbFor(AbsorbKernel kernel) {
  switch (kernel) {
#ifdef NEWSLINT_ABSORB_X86
    case AbsorbKernel::kAvx512:
      return AbsorbAvx512;
    case AbsorbKernel::kAvx2:
      return AbsorbAvx2;
#endif
    default:
      return AbsorbScalar;
  }
}

// The widest kernel the CPU (and the OS, for the AVX-512 registers) has,
// chosen once.
AbsorbFn BestAbsorb() {
  static const AbsorbFn kBest = [] {
    for (AbsorbKernel k : {AbsorbKernel::kAvx512, AbsorbKernel::kAvx2}) {
      if (AbsorbKernelSupported(k)) return AbsorbFor(k);
    }
    return AbsorbFor(AbsorbKernel::kScalar);
  }();
  return kBest;
}

}  // namespace

bool AbsorbKernelSupported(AbsorbKernel kernel) {
  switch (kernel) {
    case AbsorbKernel::kScalar:
      return true;
#ifdef NEWSLINT_ABSORB_X86
    case AbsorbKernel::kAvx512:
      __builtin_cpu_init();
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
    case AbsorbKernel::kAvx2:
      __builtin_cpu_init();
      return __builtin_cpu_supports("avx2");
#endif
    default:
      return false;
  }
}

void AbsorbShingles(AbsorbKernel kernel, const uint64_t* shingles, size_t count,
                    const uint64_t* a, const uint64_t* b, uint32_t* mins) {
  AbsorbFor(kernel)(shingles, count, a, b, mins);
}

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

// AppendWords and AppendWordKeys: the words, and each word's bytes fed to a
// `Hash` (FnvWordHash or BlockWordKey).
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

void AppendWords(std::string_view text, size_t begin, size_t end, std::vector<Word>* out) {
  AppendWordsWith<FnvWordHash>(text, begin, end, out);
}

void AppendWordKeys(std::string_view text, size_t begin, size_t end, std::vector<Word>* out) {
  AppendWordsWith<BlockWordKey>(text, begin, end, out);
}

void StoryWords(Analysis& analysis, std::vector<Word>* out) {
  const PageLayout& layout = analysis.Shared<PageLayout>();
  std::string_view text = analysis.text();
  auto story = [&](size_t i) {
    const LineLayout& l = layout.line(i);
    return !l.blank && (layout.region(i) == PageRegion::kBody || l.prose);
  };
  // One allocation instead of a dozen doublings: the layout's token count
  // of the story lines, plus an eighth for words the tokenizer keeps whole
  // ("well-known", "3.5") and AppendWords splits. Only a capacity hint.
  size_t tokens = 0;
  for (size_t i = 0; i < layout.size(); ++i) {
    if (story(i)) tokens += static_cast<size_t>(layout.line(i).words);
  }
  out->reserve(out->size() + tokens + tokens / 8);
  for (size_t i = 0; i < layout.size(); ++i) {
    if (!story(i)) continue;
    const LineLayout& l = layout.line(i);
    AppendWords(text, l.span.start, l.span.end, out);
  }
}

uint64_t ExactHash(const Word* words, size_t n) {
  uint64_t h = 0x243F6A8885A308D3ull;
  for (size_t i = 0; i < n; ++i) h = (std::rotl(h, 29) ^ words[i].hash) * 0x9E3779B97F4A7C15ull;
  return Mix64(h ^ n);
}

void MakeSignature(const Word* words, size_t n, Signature* out) {
  out->exact = ExactHash(words, n);
  out->words = static_cast<uint32_t>(std::min<size_t>(n, UINT32_MAX));
  const Permutations& p = Perms();
  uint32_t mins[kPermutations];
  std::fill(std::begin(mins), std::end(mins), UINT32_MAX);
  thread_local std::vector<uint64_t> shingles;
  ReuseScratch(shingles);
  if (n == 0) {
    out->bands.fill(0);
    out->nibbles.fill(0);
    return;
  }
  if (n < static_cast<size_t>(kShingleWords)) {
    shingles.push_back(ShingleHash(words, n));
  } else {
    for (size_t i = 0; i + kShingleWords <= n; ++i) {
      shingles.push_back(ShingleHash(words + i, kShingleWords));
    }
  }
  BestAbsorb()(shingles.data(), shingles.size(), p.a, p.b, mins);
  for (int b = 0; b < kBands; ++b) {
    uint64_t key = static_cast<uint64_t>(b) * 0xD6E8FEB86659FD93ull;
    for (int r = 0; r < kRows; ++r) key = Mix64(key ^ mins[b * kRows + r]);
    out->bands[b] = static_cast<uint32_t>(key >> 40);
  }
  out->nibbles.fill(0);
  for (int k = 0; k < kVerifyHashes; ++k) {
    // The minimum's own bits are not uniform (a minimum is small), so the
    // stored nibble is a hash of it: equal minima give equal nibbles, others
    // agree with probability 1/16.
    const uint8_t nibble =
        static_cast<uint8_t>(Mix64(mins[kBands * kRows + k] ^ 0x9E3779B97F4A7C15ull) & 0xF);
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
    if (w.empty()) return s;
    if (w.size() < static_cast<size_t>(kShingleWords)) {
      s.push_back(ShingleHash(w.data(), w.size()));
      return s;
    }
    for (size_t i = 0; i + kShingleWords <= w.size(); ++i) {
      s.push_back(ShingleHash(w.data() + i, kShingleWords));
    }
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
