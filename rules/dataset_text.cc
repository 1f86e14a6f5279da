#include "rules/dataset_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

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
// the letter lower-cased, the digit itself; 0 for every other ASCII byte.
// One load in place of three range tests and the lower-casing, for the
// bytes that make up almost all of a news text.
constexpr auto kAsciiWord = [] {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) t[c] = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<unsigned char>(c + 32);
  }
  return t;
}();

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

// The permutations: kBands * kRows for the bands, then kVerifyHashes for the
// estimate. Fixed constants (splitmix64 from a fixed seed), so signatures are
// the same on every run and machine.
constexpr int kPermutations = kBands * kRows + kVerifyHashes;

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
// minimum of the top 32 bits of a[k] * x + b[k] (192 multiply-adds per
// shingle). GCC builds it three times and the loader picks the widest the CPU
// has: AVX-512 multiplies eight 64-bit lanes at once, AVX2 four (as 32-bit
// pieces). The integer arithmetic, and so every signature, is the same
// whichever runs.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#endif
void AbsorbShingles(const uint64_t* shingles, size_t count, const uint64_t* a, const uint64_t* b,
                    uint32_t* mins) {
  for (size_t i = 0; i < count; ++i) {
    const uint64_t x = shingles[i];
    for (int k = 0; k < kPermutations; ++k) {
      const uint32_t v = static_cast<uint32_t>((a[k] * x + b[k]) >> 32);
      mins[k] = v < mins[k] ? v : mins[k];
    }
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

void AppendWords(std::string_view text, size_t begin, size_t end, std::vector<Word>* out) {
  end = std::min(end, text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = begin;
  while (i < end) {
    // Skip to the next word character: ASCII through the table (a zero
    // entry is ASCII that is not a word character), the rest decoded.
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      if (kAsciiWord[c] == 0) {
        ++i;
        continue;
      }
    } else {
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (!cp.valid || !IsWordChar(cp.value) || utf8::IsCombiningMark(cp.value)) {
        i += cp.length;
        continue;
      }
    }
    // One word: lowered code points into FNV-1a, finalised.
    Word w;
    w.span.start = i;
    uint64_t h = kFnvOffset;
    while (i < end) {
      const unsigned char b = bytes[i];
      if (b < 0x80) {
        if (const unsigned char lowered = kAsciiWord[b]; lowered != 0) {
          h = (h ^ lowered) * kFnvPrime;
          ++i;
          continue;
        }
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
      h = (h ^ (0x80 | (v & 0x7F))) * kFnvPrime;
      h = (h ^ ((v >> 7) & 0xFF)) * kFnvPrime;
      h = (h ^ ((v >> 15) & 0xFF)) * kFnvPrime;
      i += cp.length;
    }
    w.span.end = i;
    w.hash = Mix64(h);
    out->push_back(w);
  }
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
  shingles.clear();
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
  AbsorbShingles(shingles.data(), shingles.size(), p.a, p.b, mins);
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
