// newslint: the quality/* measurements. Definitions: rules/quality_metrics.h
// and docs/rules/quality/README.md (which this file must match exactly).

#include "rules/quality_metrics.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>

#include "lint/utf8.h"

namespace newslint {
namespace quality {

bool IsPythonSpace(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

char32_t LowerForNgrams(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;
  if (cp >= 0x391 && cp <= 0x3A9) return cp == 0x3A2 ? cp : cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

bool IsBulletGlyph(char32_t cp) {
  switch (cp) {
    case U'-': case U'*': case U'\u00B7': case U'\u2013': case U'\u2022': case U'\u2023':
    case U'\u2043': case U'\u25AA': case U'\u25A0': case U'\u25CF': case U'\u25E6':
      return true;
    default:
      return false;
  }
}

bool IsTerminalGlyph(char32_t cp) {
  switch (cp) {
    case U'.': case U'!': case U'?': case U'"': case U'\'': case U'\u2019': case U'\u201D':
    case U'\u00BB': case U'\u2026': case U'\u3002': case U'\uFF01': case U'\uFF1F':
      return true;
    default:
      return false;
  }
}

namespace {

// Never 0: 0 marks an empty slot in the counting table and "no word".
inline uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

// A code point kept inside a normalised word: a letter, an ASCII digit or a
// combining mark (lint/utf8.h's tables).
inline bool IsKept(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  return utf8::IsLetter(cp) || utf8::IsCombiningMark(cp);
}

// The code point at s[i]; an ill-formed byte decodes as U+FFFD of length 1
// (neither white space, nor a letter, nor kept).
inline utf8::CodePoint At(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1, true};
  return utf8::DecodeAt(s, i);
}

// The hash of a byte string, eight bytes at a time: lines and lowered words
// both go through it.
class ChunkHasher {
 public:
  explicit ChunkHasher(size_t size) : h_(0x9E3779B97F4A7C15ull ^ size) {}
  void Add(uint64_t v) {
    h_ = (h_ ^ v) * 0xBF58476D1CE4E5B9ull;
    h_ ^= h_ >> 29;
  }
  uint64_t Finish() const {
    uint64_t h = h_ * 0x94D049BB133111EBull;
    h ^= h >> 31;
    return NonZero(h);
  }

 private:
  uint64_t h_;
};

inline uint64_t Load(const char* p, size_t n) {  // n <= 8, zero-padded
  uint64_t v = 0;
  std::memcpy(&v, p, n);
  return v;
}

uint64_t HashBytes(std::string_view s) {
  ChunkHasher h(s.size());
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) h.Add(Load(s.data() + i, 8));
  h.Add(Load(s.data() + i, s.size() - i));
  return h.Finish();
}

// A-Z lowered in eight bytes at once; bytes >= 0x80 are left alone.
inline uint64_t LowerAsciiSwar(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t seven = v & ~kHigh;
  const uint64_t ge_a = seven + kOnes * (0x80 - 'A');      // high bit: byte >= 'A'
  const uint64_t gt_z = seven + kOnes * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
  const uint64_t upper = ge_a & ~gt_z & ~v & kHigh;
  return v | (upper >> 2);
}

// Hash of an ASCII-only string, lowered on the way.
uint64_t HashLoweredAscii(std::string_view s) {
  ChunkHasher h(s.size());
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) h.Add(LowerAsciiSwar(Load(s.data() + i, 8)));
  h.Add(LowerAsciiSwar(Load(s.data() + i, s.size() - i)));
  return h.Finish();
}

// Hash of the lowered bytes of s (the normalised part of a word).
uint64_t HashLowered(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  if (ascii) return HashLoweredAscii(s);
  std::string lowered;
  lowered.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    const char32_t l = cp.valid ? LowerForNgrams(cp.value) : 0;
    if (!cp.valid || l == cp.value) {
      lowered.append(s.substr(i, cp.length));
    } else {
      utf8::Append(l, &lowered);
    }
    i += cp.length;
  }
  return HashBytes(lowered);
}

// Strips the code points that are not kept from both ends of `word`;
// returns the byte range kept (empty if none).
Span KeptPart(std::string_view word) {
  size_t start = 0, end = word.size();
  while (start < end) {
    const utf8::CodePoint cp = At(word, start);
    if (cp.valid && IsKept(cp.value)) break;
    start += cp.length;
  }
  while (end > start) {
    const utf8::CodePoint cp = utf8::DecodeBefore(word, end);
    if (cp.valid && IsKept(cp.value)) break;
    end -= cp.length;
  }
  return {start, end};
}

// An open-addressing table from 64-bit keys (never 0) to counts, reused per
// thread so that counting n-grams allocates nothing once warm.
class CountTable {
 public:
  void Reset(size_t items) {
    size_t cap = 16;
    while (cap < items * 2) cap <<= 1;
    shift_ = 64 - __builtin_ctzll(cap);
    mask_ = cap - 1;
    if (slots_.size() < cap) slots_.resize(cap);
    std::fill(slots_.begin(), slots_.begin() + static_cast<ptrdiff_t>(cap), Slot{});
  }
  // Adds one to `key`'s count; returns its slot.
  uint32_t Add(uint64_t key) {
    size_t i = (key * 0x9E3779B97F4A7C15ull) >> shift_;
    while (true) {
      Slot& s = slots_[i];
      if (s.key == key) {
        ++s.count;
        return static_cast<uint32_t>(i);
      }
      if (s.key == 0) {
        s.key = key;
        s.count = 1;
        return static_cast<uint32_t>(i);
      }
      i = (i + 1) & mask_;
    }
  }
  uint64_t count(uint32_t slot) const { return slots_[slot].count; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint64_t count = 0;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 60;
};

CountTable& ScratchTable() {
  thread_local CountTable table;
  return table;
}

// Case-insensitive (A-Z only) search for a lower-case ASCII needle.
size_t FindAsciiInsensitive(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  const char first = needle[0];
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if ((hay[i] | 0x20) != first) continue;
    size_t k = 1;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

uint64_t NormalisedWordHash(std::string_view word) {
  // The caller's word may hold white space (an option value): take it whole,
  // as one word, like the stats do for a run of non-space code points.
  const Span kept = KeptPart(word);
  if (kept.empty()) return 0;
  return HashLowered(word.substr(kept.start, kept.size()));
}

}  // namespace quality

using quality::At;

QualityStats::QualityStats(std::string_view text) {
  ScanWords(text);
  ScanLines(text);
  ScanNgrams();
}

namespace quality {
namespace {

// Classes of ASCII bytes for the word scan.
enum : uint8_t { kOther = 0, kSpace = 1, kLetter = 2, kDigit = 3 };

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (int c = 0x09; c <= 0x0D; ++c) t[c] = kSpace;
  for (int c = 0x1C; c <= 0x20; ++c) t[c] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

inline bool EqualsAsciiInsensitive(std::string_view s, std::string_view lower_needle) {
  if (s.size() != lower_needle.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
    if (c != lower_needle[i]) return false;
  }
  return true;
}

// The hashes of the default stop words, for the count the view keeps.
const std::array<uint64_t, 8>& GopherStopWordHashes() {
  static const std::array<uint64_t, 8> kHashes = [] {
    std::array<uint64_t, 8> h{};
    const char* words[] = {"the", "be", "to", "of", "and", "that", "have", "with"};
    for (size_t i = 0; i < 8; ++i) h[i] = HashLowered(words[i]);
    return h;
  }();
  return kHashes;
}

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h = h * 0x9E3779B97F4A7C15ull + v;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return NonZero(h);
}

}  // namespace
}  // namespace quality

void QualityStats::ScanWords(std::string_view text) {
  // "#", "{", "..." (counted as Python's str.count does: non-overlapping,
  // left to right) and "…".
  hash_count = static_cast<uint64_t>(std::count(text.begin(), text.end(), '#'));
  curly_brace_count = static_cast<uint64_t>(std::count(text.begin(), text.end(), '{'));
  if (curly_brace_count > 0) {
    const size_t at = text.find('{');
    first_curly_brace = {at, at + 1};
  }
  for (size_t at = text.find("..."); at != std::string_view::npos; at = text.find("...", at + 3)) {
    ++ellipsis_count;
  }
  for (size_t at = text.find("\xE2\x80\xA6"); at != std::string_view::npos;
       at = text.find("\xE2\x80\xA6", at + 3)) {
    ++ellipsis_count;
  }

  const auto& stop_hashes = quality::GopherStopWordHashes();
  words.reserve(text.size() / 6);
  const size_t n = text.size();
  size_t line = 0;                   // lines seen so far ("\n" before i)
  size_t javascript_line = SIZE_MAX;  // the last line counted for "javascript"
  size_t i = 0;
  while (i < n) {
    // Skip white space, counting lines.
    const unsigned char c0 = static_cast<unsigned char>(text[i]);
    if (c0 < 0x80) {
      if (quality::kAsciiClasses[c0] == quality::kSpace) {
        line += c0 == '\n';
        ++i;
        continue;
      }
    } else {
      const utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (cp.valid && quality::IsPythonSpace(cp.value)) {
        i += cp.length;
        continue;
      }
    }
    // One word, up to the next white space.
    const size_t start = i;
    uint32_t chars = 0;
    bool alpha = false;
    size_t kept_start = std::string_view::npos, kept_end = 0;
    uint32_t kept_chars_before = 0, kept_chars_end = 0;
    bool ascii = true;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        const uint8_t cls = quality::kAsciiClasses[c];
        if (cls == quality::kSpace) break;
        ++chars;
        if (cls != quality::kOther) {
          alpha |= cls == quality::kLetter;
          if (kept_start == std::string_view::npos) {
            kept_start = i;
            kept_chars_before = chars - 1;
          }
          kept_end = i + 1;
          kept_chars_end = chars;
        }
        ++i;
        continue;
      }
      const utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (cp.valid && quality::IsPythonSpace(cp.value)) break;
      ++chars;
      ascii = false;
      if (cp.valid) {
        const bool letter = utf8::IsLetter(cp.value);
        alpha |= letter;
        if (letter || utf8::IsCombiningMark(cp.value)) {
          if (kept_start == std::string_view::npos) {
            kept_start = i;
            kept_chars_before = chars - 1;
          }
          kept_end = i + cp.length;
          kept_chars_end = chars;
        }
      }
      i += cp.length;
    }
    ++word_count;
    word_chars += chars;
    if (alpha) ++alphabetic_words;
    if (kept_start != std::string_view::npos) {
      QualityWord w;
      w.span = {kept_start, kept_end};
      w.chars = kept_chars_end - kept_chars_before;
      const std::string_view kept = text.substr(kept_start, kept_end - kept_start);
      w.hash = ascii ? quality::HashLoweredAscii(kept) : quality::HashLowered(kept);
      normalised_chars += w.chars;
      if (w.chars <= 4) {
        for (uint64_t sh : stop_hashes) {
          if (sh == w.hash) {
            ++default_stop_words;
            break;
          }
        }
      }
      words.push_back(w);
    }

    // C4's markers, found inside words: neither can hold white space except
    // the one space of "lorem ipsum", which ends the word "...lorem".
    const std::string_view word = text.substr(start, i - start);
    if (word.size() >= 5 && quality::EqualsAsciiInsensitive(word.substr(word.size() - 5), "lorem") &&
        i + 6 <= n && text[i] == ' ' &&
        quality::EqualsAsciiInsensitive(text.substr(i + 1, 5), "ipsum")) {
      if (lorem_ipsum_count == 0) first_lorem_ipsum = {i - 5, i + 6};
      ++lorem_ipsum_count;
    }
    if (word.size() >= 10 && line != javascript_line) {
      const size_t at = quality::FindAsciiInsensitive(word, "javascript", 0);
      if (at != std::string_view::npos) {
        if (javascript_lines == 0) first_javascript = {start + at, start + at + 10};
        ++javascript_lines;
        javascript_line = line;
      }
    }
  }
}

void QualityStats::ScanLines(std::string_view text) {
  quality::CountTable& table = quality::ScratchTable();
  // At most one line per "\n" plus one; paragraphs are fewer than lines.
  const size_t max_lines =
      static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  table.Reset(max_lines * 2);

  uint64_t para_hash = 0;  // 0: no paragraph open
  uint64_t para_chars = 0;
  Span para_span;

  auto close_paragraph = [&] {
    if (para_hash == 0) return;
    ++paragraph_count;
    // Paragraph keys are hashed apart from line keys: a paragraph of one line
    // must not collide with that line in the shared table.
    const uint64_t key = quality::NonZero(para_hash ^ 0x5bd1e9955bd1e995ull);
    if (table.count(table.Add(key)) > 1) {
      if (duplicate_paragraphs == 0) first_duplicate_paragraph = para_span;
      ++duplicate_paragraphs;
      duplicate_paragraph_chars += para_chars;
    }
    para_hash = 0;
    para_chars = 0;
  };

  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t start = pos, end = nl;
    while (start < end) {
      const utf8::CodePoint cp = At(text, start);
      if (!cp.valid || !quality::IsPythonSpace(cp.value)) break;
      start += cp.length;
    }
    while (end > start) {
      const unsigned char last = static_cast<unsigned char>(text[end - 1]);
      if (last < 0x80) {
        if (quality::kAsciiClasses[last] != quality::kSpace) break;
        --end;
        continue;
      }
      const utf8::CodePoint cp = utf8::DecodeBefore(text, end);
      if (!cp.valid || !quality::IsPythonSpace(cp.value)) break;
      end -= cp.length;
    }
    if (start == end) {
      close_paragraph();
    } else {
      const std::string_view line = text.substr(start, end - start);
      QualityLine l;
      l.span = {start, end};
      l.chars = static_cast<uint32_t>(CountCodePoints(line));
      const utf8::CodePoint first = At(line, 0);
      const utf8::CodePoint last = utf8::DecodeBefore(line, line.size());
      l.bullet = first.valid && quality::IsBulletGlyph(first.value);
      l.terminal = last.valid && quality::IsTerminalGlyph(last.value);
      l.ellipsis = line.ends_with("...") || line.ends_with("\xE2\x80\xA6");
      bullet_lines += l.bullet;
      terminal_lines += l.terminal;
      ellipsis_lines += l.ellipsis;
      line_chars += l.chars;

      const uint64_t line_hash = quality::HashBytes(line);
      if (table.count(table.Add(line_hash)) > 1) {
        if (duplicate_lines == 0) first_duplicate_line = lines.size();
        ++duplicate_lines;
        duplicate_line_chars += l.chars;
      }
      // A paragraph is the sequence of its lines (its text is the lines
      // joined by "\n", and lines hold no "\n").
      if (para_hash == 0) {
        para_hash = quality::Mix(0x2545F4914F6CDD1Dull, line_hash);
        para_span = l.span;
      } else {
        para_hash = quality::Mix(para_hash, line_hash);
        para_span.end = end;
      }
      para_chars += l.chars;
      lines.push_back(l);
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  close_paragraph();
  if (!lines.empty()) content = {lines.front().span.start, lines.back().span.end};
}

void QualityStats::ScanNgrams() {
  const size_t w = words.size();
  if (w < 2) return;
  // prefix[i]: characters of words[0..i).
  std::vector<uint64_t> prefix(w + 1, 0);
  for (size_t i = 0; i < w; ++i) prefix[i + 1] = prefix[i] + words[i].chars;
  // gram[i]: hash of the n-gram starting at word i, grown one word per n.
  std::vector<uint64_t> gram(w);
  for (size_t i = 0; i < w; ++i) gram[i] = words[i].hash;
  // repeated[i]: the (n-1)-gram at i occurs twice or more (for n = 2, every
  // word may). An n-gram can repeat only if both (n-1)-grams inside it do,
  // so only those candidates are counted; the others occur once.
  std::vector<uint8_t> repeated(w, 1);
  std::vector<uint32_t> slot(w);
  quality::CountTable& table = quality::ScratchTable();

  for (size_t n = 2; n <= 10 && n <= w; ++n) {
    const size_t grams = w - n + 1;
    size_t candidates = 0;
    for (size_t i = 0; i < grams; ++i) {
      // Order matters ("a b" != "b a"): a polynomial step; the table mixes
      // the bits when it places the key.
      gram[i] = quality::NonZero(gram[i] * 0xFF51AFD7ED558CCDull + words[i + n - 1].hash);
      candidates += repeated[i] & repeated[i + 1];
    }
    if (candidates < 2) break;  // nothing can repeat at this n or above
    table.Reset(candidates);
    for (size_t i = 0; i < grams; ++i) {
      if (repeated[i] & repeated[i + 1]) slot[i] = table.Add(gram[i]);
    }
    NgramStats& s = ngrams[n];
    size_t cover_end = 0;  // words before this index are covered
    bool any = false;
    for (size_t i = 0; i < w; ++i) {
      if (i < grams) {
        const bool candidate = repeated[i] & repeated[i + 1];
        const uint64_t count = candidate ? table.count(slot[i]) : 1;
        repeated[i] = count >= 2;
        if (count >= 2) {
          any = true;
          cover_end = i + n;
          const uint64_t chars = prefix[i + n] - prefix[i];
          if (count > s.top_count || (count == s.top_count && chars > s.top_chars)) {
            s.top_count = count;
            s.top_chars = chars;
            s.top_first = i;
          }
        }
      } else {
        repeated[i] = 0;
      }
      if (i < cover_end) s.duplicate_chars += words[i].chars;
    }
    // No n-gram repeats: no longer one can (it would hold a repeated n-gram).
    if (!any) break;
  }
}

uint64_t QualityStats::ShortLines(uint64_t max_chars) const {
  uint64_t count = 0;
  for (const QualityLine& l : lines) count += l.chars <= max_chars;
  return count;
}

uint64_t QualityStats::CountWords(const std::vector<uint64_t>& hashes) const {
  uint64_t count = 0;
  for (const QualityWord& w : words) {
    for (uint64_t h : hashes) {
      if (w.hash == h) {
        ++count;
        break;
      }
    }
  }
  return count;
}

}  // namespace newslint
