// Differential tests of the fast line and word hashes of the dataset family
// against simple reference implementations written here (the byte-at-a-time
// code they replaced): template_line::LineHash (sixteen or eight ASCII bytes
// at a time), duplicate_block::NormalisedHash (sixteen or eight ASCII bytes
// at a time, the same block hash), dataset::AppendWordKeys (sixteen bytes at
// a time, a table for the ASCII character classes) and dataset::MakeSignature
// (rolling shingle keys, one pass for both sketches). The fast paths must
// give the very same values: the hashes key tables and min-hash signatures
// whose results reach the output. And the signatures' estimates are checked
// for bias on random word sequences.
//
//   build/newslint_tests --gtest_filter='DatasetHash*'

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/byte_set.h"
#include "lint/utf8.h"
#include "rules/boilerplate/duplicate_block.h"
#include "rules/boilerplate/template_line.h"
#include "rules/dataset_text.h"
#include "rules/page_layout.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// ---------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------

// template_line::LineHash, one byte at a time.
class RefHasher {
 public:
  explicit RefHasher(uint64_t seed) : h_(seed) {}
  void Byte(unsigned char b) {
    word_ |= uint64_t{b} << (8 * n_);
    ++length_;
    if (++n_ == 8) Mix();
  }
  uint64_t Final() {
    if (n_ > 0) Mix();
    uint64_t z = h_ ^ length_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return z == 0 ? 1 : z;
  }

 private:
  void Mix() {
    h_ = std::rotl((h_ ^ (word_ * 0x9E3779B97F4A7C15ull)), 27) * 0xFF51AFD7ED558CCDull;
    word_ = 0;
    n_ = 0;
  }
  uint64_t h_;
  uint64_t word_ = 0;
  int n_ = 0;
  uint64_t length_ = 0;
};

char RefLineFoldQuote(char32_t cp) {
  switch (cp) {
    case U'‘': case U'’': case U'‛': case U'′': return '\'';
    case U'“': case U'”': case U'„': case U'″': return '"';
    default: return 0;
  }
}

uint64_t RefLineHash(std::string_view s) {
  RefHasher h(0x6A09E667F3BCC909ull);
  size_t i = 0;
  while (i < s.size() && utf8::SpaceLengthAt(s, i) > 0) i += utf8::SpaceLengthAt(s, i);
  if (i < s.size()) {
    utf8::CodePoint first = utf8::DecodeAt(s, i);
    if (IsListMarker(first.value) && i + first.length < s.size() &&
        utf8::SpaceLengthAt(s, i + first.length) > 0) {
      i += first.length;
    }
  }
  bool pending_space = false, started = false;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending_space = started;
        ++i;
        continue;
      }
      if (pending_space) h.Byte(' ');
      pending_space = false;
      started = true;
      h.Byte(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    if (size_t space = utf8::SpaceLengthAt(s, i); space > 0) {
      pending_space = started;
      i += space;
      continue;
    }
    if (pending_space) h.Byte(' ');
    pending_space = false;
    started = true;
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    if (char q = cp.valid ? RefLineFoldQuote(cp.value) : 0) {
      h.Byte(static_cast<unsigned char>(q));
    } else {
      for (size_t k = 0; k < cp.length; ++k) h.Byte(static_cast<unsigned char>(s[i + k]));
    }
    i += cp.length;
  }
  return h.Final();
}

// duplicate_block::NormalisedHash: the block hash over the UTF-8 bytes of
// the normalised line, one byte at a time.
uint64_t RefNormalisedHash(std::string_view s) {
  auto fold = [](char32_t cp) -> char32_t {
    switch (cp) {
      case U'‘': case U'’': case U'‛': case U'′': case U'`': return U'\'';
      case U'“': case U'”': case U'„': case U'″': case U'«': case U'»': return U'"';
      default: return cp;
    }
  };
  RefHasher h(0x510E527FADE682D1ull);
  auto feed = [&h](char32_t cp) {
    std::string bytes;
    utf8::Append(cp, &bytes);
    for (char b : bytes) h.Byte(static_cast<unsigned char>(b));
  };
  bool letters = false, pending_space = false, started = false;
  size_t i = 0;
  if (!s.empty()) {
    utf8::CodePoint first = utf8::DecodeAt(s, 0);
    if (IsListMarker(first.value) && first.length < s.size() &&
        utf8::SpaceLengthAt(s, first.length) > 0) {
      i = first.length;
    }
  }
  while (i < s.size()) {
    size_t space = utf8::SpaceLengthAt(s, i);
    if (space > 0) {
      pending_space = started;
      i += space;
      continue;
    }
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    i += cp.length;
    char32_t v = cp.valid ? cp.value : 0xFFFD;
    if (v >= 'A' && v <= 'Z') v += 'a' - 'A';
    v = fold(v);
    if (utf8::IsLetter(v)) letters = true;
    if (pending_space) feed(U' ');
    pending_space = false;
    started = true;
    feed(v);
  }
  if (!letters) return 0;
  return h.Final();
}


// dataset::AppendWordKeys with the range tests of the character classes.
bool RefIsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return utf8::IsLetter(cp) || utf8::IsCombiningMark(cp);
}

bool RefIsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

uint64_t RefMix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The byte stream of a word into FNV-1a, finalised: a hash of the normalised
// word independent of the block hash, for WordKeysEqualExactlyWhenWordHashesAre.
struct RefFnv {
  uint64_t h = 1469598103934665603ull;
  void Byte(unsigned char b) { h = (h ^ b) * 1099511628211ull; }
  uint64_t Final() const { return RefMix64(h); }
};
// ... into the block hash (RefHasher, the seed AppendWordKeys uses):
// dataset::AppendWordKeys' word key.
struct RefWordKey {
  RefHasher h{0x3C6EF372FE94F82Bull};
  void Byte(unsigned char b) { h.Byte(b); }
  uint64_t Final() { return h.Final(); }
};

// The words of text[begin, end), each word's bytes (lowered ASCII letters
// and digits; three bytes per other code point) fed to a `Hash`.
template <class Hash>
void RefWords(std::string_view text, size_t begin, size_t end, std::vector<dataset::Word>* out) {
  end = std::min(end, text.size());
  size_t i = begin;
  while (i < end) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!RefIsWordChar(c)) {
        ++i;
        continue;
      }
    } else {
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (!cp.valid || !RefIsWordChar(cp.value) || utf8::IsCombiningMark(cp.value)) {
        i += cp.length;
        continue;
      }
    }
    dataset::Word w;
    w.span.start = i;
    Hash h;
    while (i < end) {
      const unsigned char b = static_cast<unsigned char>(text[i]);
      if (b < 0x80) {
        if (RefIsWordChar(b)) {
          h.Byte(static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
          ++i;
          continue;
        }
        if (b == '\'' && i + 1 < end) {
          utf8::CodePoint next = utf8::DecodeAt(text, i + 1);
          if (next.valid && RefIsWordChar(next.value) && !utf8::IsCombiningMark(next.value)) {
            ++i;
            continue;
          }
        }
        break;
      }
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      if (!cp.valid) break;
      if (RefIsApostrophe(cp.value)) {
        if (i + cp.length < end) {
          utf8::CodePoint next = utf8::DecodeAt(text, i + cp.length);
          if (next.valid && RefIsWordChar(next.value) && !utf8::IsCombiningMark(next.value)) {
            i += cp.length;
            continue;
          }
        }
        break;
      }
      if (!RefIsWordChar(cp.value)) break;
      const char32_t v = dataset::SimpleLower(cp.value);
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

void RefAppendWords(std::string_view text, size_t begin, size_t end,
                    std::vector<dataset::Word>* out) {
  RefWords<RefFnv>(text, begin, end, out);
}

void RefAppendWordKeys(std::string_view text, size_t begin, size_t end,
                       std::vector<dataset::Word>* out) {
  RefWords<RefWordKey>(text, begin, end, out);
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

// Every line of every fixture text (annotation lines included: they are text
// too), and every fixture text whole.
std::vector<std::string> FixtureLines() {
  std::vector<std::string> out;
  const auto root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    out.push_back(text);
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      out.push_back(text.substr(start, nl - start));
      start = nl + 1;
    }
  }
  return out;
}

// Hand-made edge cases: empty, white space of every kind and at every place,
// capitals at the ASCII boundaries, list markers, quotes, invalid UTF-8.
std::vector<std::string> EdgeCases() {
  std::vector<std::string> out = {
      "",
      " ",
      "\t\n\v\f\r",
      "a",
      "A",
      "abcdefgh",
      "ABCDEFGH",
      "abcdefg ",
      " abcdefg",
      "abc  def",
      "abcdefgh ijklmnop",
      "@[`{AZaz",
      "\x40\x41\x5A\x5B\x60\x61\x7A\x7B\x1F\x20\x08\x09\x0D\x0E\x7F\x00",
      std::string("nul\0byte inside!", 16),
      "\u2022 Follow the Example Times on social media",
      "- a list item with a dash",
      "-no space after the dash",
      "* ",
      "\u00a0\u2003Non-breaking\u00a0and em\u2003spaces\u200b here\u3000 \ufeff",
      "The \u201cTimes\u201d isn\u2019t \u2018here\u2019 \u201e\u2033\u2032\u201b`",
      "\u00abGuillemets\u00bb and \u00c9T\u00c9 caf\u00e9 \u0416\u0438\u0437\u043d\u044c "
      "\u65e5\u672c\u8a9e \U0001F600 emoji",
      "bad \xff\xfe bytes \xc3 truncated \xe2\x80 and \xed\xa0\x80 surrogate",
      "\xc2\x85next-line \xe1\x9a\x80ogham space",
      "trailing spaces     ",
      "    leading spaces",
      "tabs\tin\tthe\tmiddle\tof\tthe\tline",
      "CRLF line\r",
      "1234567 1234567 12345678 123456789",
  };
  std::string long_line;
  for (int i = 0; i < 2000; ++i) {
    long_line += (i % 7 == 0 ? "Word" : "word");
    long_line += std::to_string(i);
    long_line += (i % 13 == 0 ? "  " : i % 17 == 0 ? "\u00a0" : " ");
  }
  out.push_back(long_line);
  return out;
}

// Seeded random strings over pieces that stress the eight-byte path: runs of
// letters of every length, single and double spaces, tabs, capitals,
// multi-byte characters and invalid bytes at every offset.
std::vector<std::string> RandomLines() {
  static constexpr std::string_view kPieces[] = {
      "a", "b", "Z", "Q", "x", "hello", "WORLD", "MixedCase", "ab", "abcdefg", "abcdefgh",
      "abcdefghi", " ", " ", " ", "  ", "\t", "\n", "\r\n", ".", ",", "'", "`", "\"", "-",
      "@", "[", "{", "0", "42", "\u00a0", "\u2019", "\u201c", "\u00e9", "\u00c9", "\u2022",
      "\u2014", "\u3000", "\xff", "\xc3", "\x7f", std::string_view("\0", 1)};
  std::mt19937 rng(20261129);
  std::vector<std::string> out;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int pieces = static_cast<int>(rng() % 40);
    for (int k = 0; k < pieces; ++k) {
      s += kPieces[rng() % std::size(kPieces)];
    }
    out.push_back(s);
  }
  return out;
}

// Block boundaries: one special piece at every offset of lines of every
// length up to 26 bytes (so in the first sixteen-byte window, in both
// eight-byte halves of it, in the window after it and in the bytes left
// over), between runs of letters, digits, capitals or spaces. The pieces
// include the bytes whose low seven bits are a space, a tab or a letter
// (0xA0, 0x89, 0xC1, 0xE1) and the white space, quotes and apostrophes the
// normalisers treat apart.
std::vector<std::string> BoundaryLines() {
  static constexpr std::string_view kSpecial[] = {
      " ", "  ", "\t", "\r", "'", "`", "\xa0", "\x89", "\xc1", "\xe1", "\xc2\xa0",
      "\u2019", "\u201c", "\u00e9", "\u00c9", "\u0301", "-", "A", "9", std::string_view("\0", 1)};
  static constexpr std::string_view kFill[] = {
      "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789012345678901234567",
      "ab cd ef gh ij kl mn op qr", "a  b  c  d  e  f  g  h  i  j"};
  std::vector<std::string> out;
  for (std::string_view fill : kFill) {
    for (size_t length = 0; length <= 26; ++length) {
      for (std::string_view special : kSpecial) {
        for (size_t at = 0; at <= length; ++at) {
          std::string s(fill.substr(0, at));
          s += special;
          s += fill.substr(at, length - std::min(length, at + special.size()));
          out.push_back(s);
          out.push_back(" " + s + " ");
        }
      }
    }
  }
  return out;
}

std::vector<std::string> AllInputs() {
  std::vector<std::string> out = FixtureLines();
  for (std::string& s : EdgeCases()) out.push_back(std::move(s));
  for (std::string& s : RandomLines()) out.push_back(std::move(s));
  for (std::string& s : BoundaryLines()) out.push_back(std::move(s));
  // Every suffix of a few lines: the eight-byte windows start at every
  // offset, and the line's end falls at every offset in a window.
  for (std::string_view base : {std::string_view("  The Quick  brown fox\tJUMPS over "
                                                 "the lazy dog\u2019s back, ABCDEFGHIJ zz "),
                                std::string_view("\u2022 List   item\u00a0with  Spaces  ")}) {
    for (size_t i = 0; i <= base.size(); ++i) {
      out.emplace_back(base.substr(i));
      out.emplace_back(base.substr(0, i));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

TEST(DatasetHashTest, LineHashMatchesTheByteAtATimeReference) {
  size_t checked = 0;
  for (const std::string& s : AllInputs()) {
    ASSERT_EQ(template_line::LineHash(s), RefLineHash(s)) << "line: \"" << s << "\"";
    ++checked;
  }
  EXPECT_GT(checked, 20000u);
}

TEST(DatasetHashTest, NormalisedHashMatchesTheByteAtATimeReference) {
  size_t checked = 0, with_letters = 0;
  for (const std::string& s : AllInputs()) {
    const uint64_t h = duplicate_block::NormalisedHash(s);
    ASSERT_EQ(h, RefNormalisedHash(s)) << "line: \"" << s << "\"";
    with_letters += h != 0;
    ++checked;
  }
  EXPECT_GT(checked, 20000u);
  EXPECT_GT(with_letters, checked / 2);
}

using WordsFn = void (*)(std::string_view, size_t, size_t, std::vector<dataset::Word>*);

// `fast` against `ref` on every input, and on ranges that cut words,
// apostrophes and multi-byte characters.
void ExpectSameWordsOnInputs(WordsFn fast_fn, WordsFn ref_fn) {
  size_t words = 0;
  std::vector<dataset::Word> fast, ref;
  auto same = [&](std::string_view s, size_t begin, size_t end) {
    fast.assign(3, dataset::Word{});  // appends after what is there
    ref.assign(3, dataset::Word{});
    fast_fn(s, begin, end, &fast);
    ref_fn(s, begin, end, &ref);
    if (fast.size() != ref.size()) return false;
    for (size_t k = 0; k < fast.size(); ++k) {
      if (fast[k].hash != ref[k].hash || fast[k].span.start != ref[k].span.start ||
          fast[k].span.end != ref[k].span.end) {
        return false;
      }
    }
    words += fast.size() - 3;
    return true;
  };
  for (const std::string& s : AllInputs()) {
    ASSERT_TRUE(same(s, 0, s.size())) << "text: \"" << s << "\"";
    if (s.size() < 200) {
      for (size_t b = 0; b <= s.size(); b += 3) {
        ASSERT_TRUE(same(s, b, s.size() - b / 2)) << "text: \"" << s << "\" from " << b;
      }
    }
  }
  EXPECT_GT(words, 100000u);
}

// duplicate-block's title without its site name, by the definition the
// fast version replaced: the last of the separators by rfind.
std::string_view StripSiteSuffixReference(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " :: "};
  size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view sep : kSeparators) {
    const size_t at = title.rfind(sep);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      best = at;
      best_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return title;
  const std::string_view head = title.substr(0, best), site = title.substr(best + best_len);
  if (CountBlankSeparatedWords(site) > 5 || CountBlankSeparatedWords(head) < 2) return title;
  return head;
}

TEST(DatasetHashTest, StripSiteSuffixMatchesTheReference) {
  // Titles of words and separator pieces in every order: separators at the
  // start and the end, several in one title, spaces doubled, pieces of a
  // separator without their spaces, dashes that are not separators.
  const std::vector<std::string> pieces = {"Budget", "vote", "delayed", " ", "  ", " | ", " - ",
                                           " \u2013 ", " \u2014 ", " :: ", "|", "-", "\u2013",
                                           ":", " :", "The Daily Post", "x"};
  std::mt19937 random(7);
  size_t stripped = 0, checked = 0;
  auto check = [&](const std::string& title) {
    const std::string_view got = duplicate_block::StripSiteSuffix(title);
    const std::string_view want = StripSiteSuffixReference(title);
    ASSERT_EQ(got.data(), want.data()) << title;
    ASSERT_EQ(got.size(), want.size()) << title;
    stripped += got.size() != title.size();
    ++checked;
  };
  check("");
  check(" ");
  check(" | Site");
  check("Headline words here | Site");
  check("Headline words | Section | Site");
  for (int n = 0; n < 20000; ++n) {
    std::string title;
    const int parts = 1 + static_cast<int>(random() % 9);
    for (int k = 0; k < parts; ++k) title += pieces[random() % pieces.size()];
    check(title);
  }
  EXPECT_GT(stripped, checked / 20);  // the comparison covers titles that lose a site name
}

TEST(DatasetHashTest, AppendWordKeysMatchTheReference) {
  ExpectSameWordsOnInputs(dataset::AppendWordKeys, RefAppendWordKeys);
}

// The fast paths take an ASCII word whole when a 16-byte block shows its
// end; here words of every length from every offset of a block, ended by
// every kind of byte that decides between that and the byte loop, and
// ranges that end at every byte around the word.
void ExpectSameWordsAtEveryBlockOffset(WordsFn fast_fn, WordsFn ref_fn) {
  const std::string_view kEnds[] = {" ", ".", "'s ", "'", "\u2019s ", "\u00e9t\u00e9 ",
                                    "\u201d ", "-9 ", "\n", "\xff"};
  std::vector<dataset::Word> fast, ref;
  size_t cases = 0;
  for (size_t offset = 0; offset < 18; ++offset) {
    for (size_t length = 1; length <= 19; ++length) {
      for (std::string_view end_of_word : kEnds) {
        std::string s(offset, ' ');
        if (offset > 2) s[offset - 2] = ',';
        for (size_t k = 0; k < length; ++k) s += "aZ7qM"[k % 5];
        s += end_of_word;
        s += "tail words follow here, padding past two blocks";
        const size_t word_end = offset + length;
        for (size_t end = offset; end <= std::min(s.size(), word_end + 6); ++end) {
          fast.clear();
          ref.clear();
          fast_fn(s, 0, end, &fast);
          ref_fn(s, 0, end, &ref);
          ASSERT_EQ(fast.size(), ref.size()) << "text: \"" << s << "\" to " << end;
          for (size_t k = 0; k < fast.size(); ++k) {
            ASSERT_EQ(fast[k].hash, ref[k].hash) << "text: \"" << s << "\" to " << end;
            ASSERT_EQ(fast[k].span, ref[k].span) << "text: \"" << s << "\" to " << end;
          }
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 10000u);
}

TEST(DatasetHashTest, AppendWordKeysAgreeAtEveryBlockOffset) {
  ExpectSameWordsAtEveryBlockOffset(dataset::AppendWordKeys, RefAppendWordKeys);
}

// What the dataset rules rely on: two words have the same key exactly when
// they have the same normalised form, here the same FNV-1a hash of its bytes
// (RefAppendWords, a hash independent of the block hash), over every word of
// every input, whichever path hashed each.
TEST(DatasetHashTest, WordKeysEqualExactlyWhenWordHashesAre) {
  std::unordered_map<uint64_t, uint64_t> key_of_hash, hash_of_key;
  std::vector<dataset::Word> hashes, keys;
  size_t distinct = 0;
  for (const std::string& s : AllInputs()) {
    hashes.clear();
    keys.clear();
    RefAppendWords(s, 0, s.size(), &hashes);
    dataset::AppendWordKeys(s, 0, s.size(), &keys);
    ASSERT_EQ(hashes.size(), keys.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      ASSERT_EQ(hashes[k].span, keys[k].span);
      const auto [at, added] = key_of_hash.try_emplace(hashes[k].hash, keys[k].hash);
      const std::string_view word = std::string_view(s).substr(keys[k].span.start, keys[k].span.size());
      ASSERT_EQ(at->second, keys[k].hash) << "one word, two keys: " << word;
      const auto [back, new_key] = hash_of_key.try_emplace(keys[k].hash, hashes[k].hash);
      ASSERT_EQ(back->second, hashes[k].hash) << "two words, one key: " << word;
      distinct += added;
    }
  }
  EXPECT_GT(distinct, 5000u);
}

// ---------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------

// The bins of one sketch by the definition (rules/dataset_text.h): each
// shingle's (bin, value) pair goes to its bin, which keeps the smallest
// value; an empty bin takes the value of the first filled bin on its probe
// sequence (64 hashed probes, then the bins after the last probe in turn).
std::vector<uint32_t> RefSketch(const std::vector<std::pair<size_t, uint32_t>>& shingles,
                                uint64_t seed, int bits) {
  const size_t bins = size_t{1} << bits;
  std::map<size_t, std::vector<uint32_t>> values;  // by bin; only filled bins
  for (const auto& [bin, value] : shingles) values[bin].push_back(value);
  std::vector<uint32_t> mins(bins);
  for (size_t bin = 0; bin < bins; ++bin) {
    size_t lender = bin;
    for (uint64_t attempt = 1; !values.count(lender); ++attempt) {
      lender = attempt <= 64 ? RefMix64(seed ^ (uint64_t{bin} << 32 | attempt)) >> (64 - bits)
                             : (lender + 1) % bins;
    }
    const std::vector<uint32_t>& v = values[lender];
    mins[bin] = *std::min_element(v.begin(), v.end());
  }
  return mins;
}

// dataset::MakeSignature written out plainly: each shingle's key computed
// afresh, not rolled.
dataset::Signature RefSignature(const std::vector<dataset::Word>& w) {
  constexpr uint64_t kBase = 0x9E3779B97F4A7C15ull, kSeed = 0x5EED0DA7A5E70001ull;
  auto key = [&](size_t start, size_t n) {
    uint64_t k = 0;
    for (size_t j = 0; j < n; ++j) {
      uint64_t power = 1;
      for (size_t e = j + 1; e < n; ++e) power *= kBase;
      k += w[start + j].hash * power;
    }
    return n < static_cast<size_t>(dataset::kShingleWords) ? k + n * 0xD6E8FEB86659FD93ull : k;
  };
  dataset::Signature s;
  uint64_t lanes[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                       0x082EFA98EC4E6C89ull};
  for (size_t i = 0; i < w.size(); ++i) {
    lanes[i % 4] = (std::rotl(lanes[i % 4], 29) ^ w[i].hash) * kBase;
  }
  uint64_t exact = lanes[0];
  for (int l = 1; l < 4; ++l) exact = (std::rotl(exact, 29) ^ lanes[l]) * kBase;
  s.exact = RefMix64(exact ^ w.size());
  s.words = static_cast<uint32_t>(w.size());
  if (w.empty()) return s;  // bands and nibbles zero
  std::vector<uint64_t> keys;
  if (w.size() < static_cast<size_t>(dataset::kShingleWords)) {
    keys.push_back(key(0, w.size()));
  } else {
    for (size_t i = 0; i + dataset::kShingleWords <= w.size(); ++i) {
      keys.push_back(key(i, dataset::kShingleWords));
    }
  }
  std::vector<std::pair<size_t, uint32_t>> band, verify;
  for (uint64_t k : keys) {
    const uint64_t h = RefMix64(k ^ kSeed);
    band.emplace_back(h >> 58, static_cast<uint32_t>((h >> 32) % (1u << 26)));
    verify.emplace_back((h >> 25) % 128, static_cast<uint32_t>(h % (1u << 25)));
  }
  const std::vector<uint32_t> band_mins = RefSketch(band, kSeed ^ 0xB5, dataset::kBandBits);
  const std::vector<uint32_t> verify_mins = RefSketch(verify, kSeed ^ 0x7E, dataset::kVerifyBits);
  for (int b = 0; b < dataset::kBands; ++b) {
    uint64_t k = static_cast<uint64_t>(b) * 0xD6E8FEB86659FD93ull;
    for (int r = 0; r < dataset::kRows; ++r) k = RefMix64(k ^ band_mins[b * dataset::kRows + r]);
    s.bands[b] = static_cast<uint32_t>(k >> 40);
  }
  for (int k = 0; k < dataset::kVerifyHashes; ++k) {
    const uint8_t nibble =
        static_cast<uint8_t>(RefMix64(verify_mins[k] ^ 0x9E3779B97F4A7C15ull) & 0xF);
    s.nibbles[k / 2] |= static_cast<uint8_t>(k % 2 == 0 ? nibble : nibble << 4);
  }
  return s;
}

// Random word sequences: `shared` words common to both, then `own_a` and
// `own_b` words of each alone, so their 5-gram sets overlap by about
// shared / (shared + own_a + own_b).
std::pair<std::vector<dataset::Word>, std::vector<dataset::Word>> Overlapping(
    std::mt19937_64& rng, size_t shared, size_t own_a, size_t own_b) {
  std::vector<dataset::Word> a, b;
  for (size_t i = 0; i < shared; ++i) {
    const uint64_t h = rng();
    a.push_back({h, {}});
    b.push_back({h, {}});
  }
  for (size_t i = 0; i < own_a; ++i) a.push_back({rng(), {}});
  for (size_t i = 0; i < own_b; ++i) b.push_back({rng(), {}});
  return {a, b};
}

// One permutation hashing keeps what k min-hashes give: two sets' bins agree
// with probability equal to their Jaccard similarity, so the estimate is
// unbiased. Checked on the mean over many random pairs, for stories with more
// shingles than bins and for short ones where most bins borrow (a probe
// sequence that depended on the story, or a borrowed value that did not
// come from a filled bin, would bias it).
TEST(DatasetHashTest, EstimatesAreUnbiasedForLongAndShortStories) {
  std::mt19937_64 rng(20261201);
  struct Case {
    size_t shared, own_a, own_b;
  };
  for (const Case c : {Case{400, 200, 200}, Case{300, 30, 90}, Case{40, 12, 12}, Case{40, 4, 30},
                       Case{12, 6, 6}, Case{20, 60, 20}}) {
    double truth = 0, estimate = 0, band_agreement = 0;
    constexpr int kTrials = 400;
    for (int t = 0; t < kTrials; ++t) {
      auto [a, b] = Overlapping(rng, c.shared, c.own_a, c.own_b);
      dataset::Signature sa, sb;
      dataset::MakeSignature(a.data(), a.size(), &sa);
      dataset::MakeSignature(b.data(), b.size(), &sb);
      truth += dataset::ShingleJaccard(a, b);
      estimate += dataset::EstimateJaccard(sa.nibbles.data(), sb.nibbles.data());
      for (int k = 0; k < dataset::kBands; ++k) band_agreement += sa.bands[k] == sb.bands[k];
    }
    truth /= kTrials;
    estimate /= kTrials;
    band_agreement /= kTrials * dataset::kBands;
    // The mean of 400 estimates: a standard error under 0.003.
    const std::string name = std::to_string(c.shared) + " shared, " + std::to_string(c.own_a) +
                             " and " + std::to_string(c.own_b) + " own";
    EXPECT_NEAR(estimate, truth, 0.015) << name;
    // A band agrees when both its rows do: about J^2.
    EXPECT_NEAR(band_agreement, truth * truth, 0.02) << name;
  }
}

// dataset/repeated-body takes the story lines' words from the StoryView
// (TextWordsFromStory) and hashes only the other lines: the whole text's
// words, which it must equal, are AppendWordKeys over all of it.
TEST(DatasetHashTest, TextWordsFromTheStoryAreTheTextsWords) {
  std::vector<Article> articles = FixtureArticles();
  // Line edges that a word could run across if a line's words were not the
  // text's words inside it: CRLF, a line ending on an apostrophe or a
  // non-ASCII letter, one starting with a combining mark or a curly quote,
  // words that reach a line's end in the middle of a 16-byte block, a tab,
  // a text without a final line break, and menu lines around the story.
  // Prose lines (twelve words and a full stop) so that PageLayout counts
  // them as story.
  const std::string prose = "the council voted on the plan after a long debate in the chamber";
  const std::string edges[] = {
      "Budget vote\r\n\r\n" + prose + " today.\r\n" + prose + " again, said the players'\r\n",
      prose + " at the caf\u00e9\n\u0301" + prose + " na\u00efve.\n\u201c" + prose + ".\u201d\n",
      prose + " abcdefghijklmnopqrstu.\n" + prose + "\tand\tthen.\n" + prose + " don't",
      "Menu\nHome\nSport\n\n" + prose + " first.\n\n" + prose + " second.\n\nShare\nPrint",
  };
  for (const std::string& text : edges) {
    Article a;
    a.text = text;
    articles.push_back(std::move(a));
  }
  size_t words = 0, partial = 0;
  for (const Article& article : articles) {
    Analysis analysis(article);
    std::vector<dataset::Word> want;
    dataset::AppendWordKeys(analysis.text(), 0, analysis.text().size(), &want);
    const dataset::StoryView& story = analysis.Shared<dataset::StoryView>();
    std::vector<dataset::Word> got;
    dataset::TextWordsFromStory(analysis, story, &got);
    ASSERT_EQ(got.size(), want.size()) << article.source << " record " << article.record;
    for (size_t k = 0; k < got.size(); ++k) {
      ASSERT_EQ(got[k].hash, want[k].hash) << article.source << " record " << article.record;
      ASSERT_EQ(got[k].span, want[k].span) << article.source << " record " << article.record;
    }
    words += got.size();
    // A story that leaves lines out: words both copied and hashed.
    partial += !story.words.empty() && story.words.size() < got.size();
  }
  EXPECT_GT(words, 10000u);
  EXPECT_GT(partial, 50u);
}

TEST(DatasetHashTest, SignaturesMatchThePlainDefinition) {
  auto same = [](const dataset::Signature& x, const dataset::Signature& y) {
    return x.exact == y.exact && x.words == y.words && x.bands == y.bands &&
           x.nibbles == y.nibbles;
  };
  std::vector<std::vector<dataset::Word>> sequences;
  for (const Article& article : FixtureArticles()) {
    Analysis analysis(article);
    sequences.emplace_back();
    dataset::StoryWords(analysis, &sequences.back());
    sequences.emplace_back();
    dataset::AppendWordKeys(article.text, 0, article.text.size(), &sequences.back());
  }
  // Fewer words than a shingle, and exactly one.
  for (size_t n = 0; n <= 6; ++n) {
    std::vector<dataset::Word> w;
    dataset::AppendWordKeys("one two three four five six", 0, 100, &w);
    w.resize(std::min(w.size(), n));
    sequences.push_back(w);
  }
  size_t long_ones = 0;
  for (const auto& w : sequences) {
    dataset::Signature got;
    dataset::MakeSignature(w.data(), w.size(), &got);
    ASSERT_TRUE(same(got, RefSignature(w))) << "a sequence of " << w.size() << " words";
    long_ones += w.size() >= 100;
  }
  EXPECT_GT(long_ones, 50u);
}

}  // namespace
}  // namespace newslint
