// newslint: what the dataset/* rules compare: normalised words, word 5-gram
// MinHash signatures and their LSH band keys.
//
// dataset/duplicate-article pairs copies of one story across the input;
// dataset/repeated-body finds a passage printed twice inside one record. Both
// compare *words*, not bytes, so that the same text with other line breaks,
// other quotes or other capitals still compares equal:
//
//   words       maximal runs of letters, digits and combining marks (Unicode,
//               lint/utf8.h); an apostrophe (' U+2019 U+02BC) between two
//               such characters is dropped, so "don't" = "don’t" = "dont";
//               everything else (punctuation, symbols, white space, invalid
//               bytes) separates words and is not compared.
//   case        simple lower-casing, code point by code point, of ASCII,
//               Latin-1, Latin Extended-A, Greek and Cyrillic capitals (no
//               Unicode normalisation: "é" precomposed and "e" + U+0301 are
//               different words, as scrapers almost never mix them).
//   word hash   64 bits from the lowered word's bytes (an ASCII letter or
//               digit one byte, another code point three), two
//               multiplications per eight bytes (lint/block_hash.h;
//               AppendWordKeys): equal for two words exactly when their
//               normalised forms are, up to a 64-bit collision.
//
// A signature (MakeSignature) of a word sequence holds:
//   exact       a 64-bit hash of the whole normalised word sequence;
//   bands       kBands LSH band keys of 24 bits, each from kRows min-hash
//               values of the word 5-gram shingles;
//   nibbles     kVerifyHashes further min-hash values, 4 bits each ("b-bit
//               minwise hashing"), to estimate the Jaccard similarity of two
//               shingle sets (EstimateJaccard).
// The min-hash values come from one permutation hashing (Li, Owen and Zhang,
// 2012): each shingle's key is hashed once to 64 bits, cut into a band bin
// (6 bits: one of 64) with its value (26 bits) and an estimate bin (7 bits:
// one of 128) with its value (25 bits), and a bin keeps the smallest value
// that fell into it. Two stories' bins hold equal values with probability
// equal to the Jaccard similarity of their shingle sets, as k independent
// min-hashes would, for one hash per shingle instead of k. A bin no shingle
// reached (a story of fewer shingles than bins leaves many) borrows the
// value of the first filled bin along a probe sequence fixed by the bin's
// number ("optimal densification", Shrivastava, 2017), which keeps that
// probability. The bands and the estimate take disjoint bits of the hash,
// so that two articles meeting in a band are not estimated more similar for
// it.

#ifndef NEWSLINT_RULES_DATASET_TEXT_H_
#define NEWSLINT_RULES_DATASET_TEXT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"
#include "rules/page_layout.h"

namespace newslint::dataset {

struct Word {
  uint64_t hash = 0;
  Span span;  // bytes of the word in the text (apostrophes inside included)
};

// Appends the words of text[begin, end) to *out, each with its word hash
// (spans are offsets into `text`). Allocates only when *out grows.
void AppendWordKeys(std::string_view text, size_t begin, size_t end, std::vector<Word>* out);

// Simple lower case of one code point (see the header comment); others as
// they are.
char32_t SimpleLower(char32_t cp);

// The words of the article's story: the lines of PageLayout's body (the
// prose cluster and the short lines between its paragraphs) and the prose
// lines (12+ words ending with sentence punctuation) outside it; nothing
// when the text has no prose. Menus, labels, buttons and teaser headlines
// above and below the story are left out, so that two different stories
// printed in one site's template share little, and two crawls of one story
// with other teasers stay alike. Prose outside the cluster counts because
// which cluster is the largest can change with a few edits (a story of
// short paragraphs, a poem between two halves): the signature of a story
// must not jump with its layout.
void StoryWords(Analysis& analysis, std::vector<Word>* out);

// Whether line `i` of the layout is one of the story's (see StoryWords).
bool IsStoryLine(const PageLayout& layout, size_t i);

// The story's words (StoryWords), once per article: a shared view of the
// Analysis, which dataset/duplicate-article signs and dataset/repeated-body
// reuses (TextWordsFromStory).
struct StoryView {
  std::vector<Word> words;
  explicit StoryView(Analysis& analysis) { StoryWords(analysis, &words); }
};

// Appends the words of the article's whole text to *out: what
// AppendWordKeys(analysis.text(), 0, size, out) appends, taking the story
// lines' words from `story` (the article's StoryView) instead of hashing
// them again, and hashing only the other lines. The same words because a
// line starts after a line break (or at the text's start) and ends before
// one (or at its end), and a line break is no word character: the words
// of a line alone are the text's words inside it.
void TextWordsFromStory(Analysis& analysis, const StoryView& story, std::vector<Word>* out);

inline constexpr int kShingleWords = 5;
inline constexpr int kBands = 32;
inline constexpr int kRows = 2;
inline constexpr int kBandKeyBytes = 3;  // 24-bit band keys
inline constexpr int kVerifyHashes = 128;
inline constexpr int kBandBits = 6;    // kBands * kRows = 2^6 bins
inline constexpr int kVerifyBits = 7;  // kVerifyHashes = 2^7 bins
inline constexpr int kNibbleBytes = kVerifyHashes / 2;

struct Signature {
  uint64_t exact = 0;
  uint32_t words = 0;  // words of the sequence
  std::array<uint32_t, kBands> bands{};      // 24-bit keys
  std::array<uint8_t, kNibbleBytes> nibbles{};  // two 4-bit values per byte
};

// The signature of a word sequence. A sequence of fewer than kShingleWords
// words has one shingle, the whole sequence.
void MakeSignature(const Word* words, size_t n, Signature* out);

// Hash of the normalised word sequence alone (Signature::exact).
uint64_t ExactHash(const Word* words, size_t n);

// Fraction of equal 4-bit values of two nibble arrays (kNibbleBytes each).
double NibbleMatch(const uint8_t* a, const uint8_t* b);
// The Jaccard similarity of two shingle sets estimated from their nibble
// match: a 4-bit value matches by chance with probability 1/16, so
// J = (match - 1/16) / (15/16), clamped to [0, 1].
double EstimateJaccard(const uint8_t* a, const uint8_t* b);

// Probability that two shingle sets of Jaccard similarity `j` share at least
// one band: 1 - (1 - j^kRows)^kBands (the LSH S-curve).
double CandidateProbability(double j);

// The true Jaccard similarity of the word 5-gram shingle sets of two word
// sequences (exact, for tests and measurements).
double ShingleJaccard(const std::vector<Word>& a, const std::vector<Word>& b);

}  // namespace newslint::dataset

#endif  // NEWSLINT_RULES_DATASET_TEXT_H_
