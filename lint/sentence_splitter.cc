// SplitSentences (declared in lint/analysis.h). The decision table is
// documented there; this file holds the word lists and the scanner.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/utf8.h"

namespace newslint {
namespace {

using utf8::LetterCase;

// Sorted (byte order) lists, checked at compile time.
template <size_t N>
constexpr bool IsSorted(const std::array<std::string_view, N>& a) {
  for (size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) return false;
  }
  return true;
}

// Abbreviations that precede a name or a number and never end a sentence:
// "Gov. Newsom", "Sgt. Maj. Ortiz", "Fig. 3", "vs. Chelsea", "e.g. Paris".
constexpr auto kTitles = std::to_array<std::string_view>({
    "Adm",  "Atty", "Brig", "Capt",   "Cmdr", "Col", "Cpl",  "Det",  "Dr",   "Fig",  "Fr",
    "Ft",   "Gen",  "Gov",  "Hon",    "Insp", "Lt",  "Maj",  "Messrs", "Mme", "Mr", "Mrs",
    "Ms",   "Msgr", "Mt",   "Pfc",    "Pres", "Prof", "Pvt", "Rep",  "Reps", "Rev", "Rt",
    "Sen",  "Sens", "Sgt",  "Spc",    "Supt", "Vol", "approx", "cf", "e.g",  "i.e",  "viz",
    "vs"});
static_assert(IsSorted(kTitles));

// Abbreviations that may also end a sentence: AP state names, months, days,
// company suffixes, "Jr.", "St.", "etc.", "et al.", "No." (a number usually
// follows). After one of these the sentence ends only before a word that
// typically starts a sentence (kSentenceStarters).
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "Ala",   "Apr",  "Ariz", "Ark",  "Assn", "Aug",  "Ave",  "Blvd", "Bros", "Calif", "Co",
    "Colo",  "Conn", "Corp", "Dec",  "Del",  "Dept", "Feb",  "Fla",  "Fri",  "Ga",    "Hwy",
    "Ill",   "Inc",  "Ind",  "Jan",  "Jr",   "Jul",  "Jun",  "Kan",  "Kans", "Ky",    "La",
    "Ltd",   "Mar",  "Mass", "Md",   "Mich", "Minn", "Miss", "Mo",   "Mon",  "Mont",  "Neb",
    "Nev",   "No",   "Nos",  "Nov",  "Oct",  "Okla", "Ore",  "Pa",   "Ph.D", "Rd",    "Sat",
    "Sep",   "Sept", "Sr",   "St",   "Sun",  "Tenn", "Tex",  "Thu",  "Thur", "Thurs", "Tue",
    "Tues",  "Univ", "Va",   "Vt",   "W.Va", "Wash", "Wed",  "Wis",  "al",   "etc"});
static_assert(IsSorted(kAbbreviations));

// Brand names spelled with "!" ("Yahoo! News"): treated like kAbbreviations.
constexpr auto kExclaimedNames = std::to_array<std::string_view>({"Jeopardy", "Yahoo"});
static_assert(IsSorted(kExclaimedNames));

// Words (lower-cased) that usually start a sentence rather than continue a
// name: after "U.S." or "Inc." a capitalised word from this list starts a new
// sentence ("... in the U.S. The next day"), any other capitalised word
// continues it ("the U.S. Army", "10 a.m. Tuesday", "Apple Inc. Chief").
constexpr auto kSentenceStarters = std::to_array<std::string_view>({
    "a",       "after",  "again",    "all",     "also",      "although", "an",     "and",
    "another", "any",    "as",       "at",      "because",   "before",   "both",   "but",
    "by",      "during", "each",     "earlier", "even",      "every",    "for",    "from",
    "he",      "her",    "here",     "his",     "how",       "however",  "i",      "if",
    "in",      "instead", "it",      "its",     "last",      "later",    "many",   "meanwhile",
    "more",    "most",   "my",       "neither", "nevertheless", "not",   "now",    "on",
    "once",    "only",   "or",       "other",   "our",       "she",      "since",  "so",
    "some",    "still",  "such",     "that",    "the",       "their",    "then",   "there",
    "these",   "they",   "this",     "those",   "though",    "thus",     "to",     "under",
    "until",   "we",     "what",     "when",    "where",     "which",    "while",  "who",
    "why",     "yet",    "you"});
static_assert(IsSorted(kSentenceStarters));

// Speech verbs (lower-cased) of an attribution after a quoted question or
// exclamation: `"Why now?" Johnson asked.` is one sentence.
constexpr auto kSpeechVerbs = std::to_array<std::string_view>({
    "added",   "adds",     "answered", "argued",  "asked",    "asks",    "continued",
    "cried",   "declared", "demanded", "exclaimed", "explained", "insisted", "joked",
    "noted",   "posted",   "quipped",  "recalled", "replied", "responded", "said",
    "says",    "screamed", "shouted",  "snapped", "stated",   "tells",   "thundered",
    "told",    "tweeted",  "urged",    "warned",  "wondered", "writes",  "wrote",
    "yelled"});
static_assert(IsSorted(kSpeechVerbs));

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::binary_search(list.begin(), list.end(), word);
}

constexpr char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }
constexpr char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? char(c - 32) : c; }

enum class WordBefore : uint8_t {
  kWord,          // an ordinary word: a full stop after it ends the sentence
  kTitle,         // kTitles: never ends a sentence
  kAbbreviation,  // kAbbreviations, dotted letters, a single capital letter
  kListMarker,    // "1." or "a." opening the sentence: never ends it
};

// A word of up to 8 bytes as one integer, so that the abbreviation lookup
// after every full stop compares integers, not strings.
constexpr uint64_t Pack(std::string_view w, bool upper) {
  uint64_t key = 0;
  for (char c : w) key = key << 8 | static_cast<unsigned char>(upper ? AsciiUpper(c) : c);
  return key;
}

struct PackedWord {
  uint64_t key;
  WordBefore kind;
};

// kTitles and kAbbreviations as written and in capitals ("ST. LOUIS").
constexpr auto MakeAbbreviationTable() {
  std::array<PackedWord, 2 * (kTitles.size() + kAbbreviations.size())> t{};
  size_t k = 0;
  for (bool upper : {false, true}) {
    for (std::string_view w : kTitles) t[k++] = {Pack(w, upper), WordBefore::kTitle};
    for (std::string_view w : kAbbreviations) t[k++] = {Pack(w, upper), WordBefore::kAbbreviation};
  }
  std::sort(t.begin(), t.end(), [](const PackedWord& a, const PackedWord& b) { return a.key < b.key; });
  return t;
}
constexpr auto kAbbreviationTable = MakeAbbreviationTable();

constexpr bool AllFitAndUnique() {
  for (std::string_view w : kTitles) {
    if (w.size() > 8) return false;
  }
  for (std::string_view w : kAbbreviations) {
    if (w.size() > 8) return false;
  }
  for (size_t i = 1; i < kAbbreviationTable.size(); ++i) {
    if (kAbbreviationTable[i - 1].key == kAbbreviationTable[i].key) return false;
  }
  return true;
}
static_assert(AllFitAndUnique());

// kTitle or kAbbreviation if `word` is listed, else kWord.
WordBefore LookUpAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 8) return WordBefore::kWord;
  const uint64_t key = Pack(word, false);
  const auto it = std::lower_bound(
      kAbbreviationTable.begin(), kAbbreviationTable.end(), key,
      [](const PackedWord& e, uint64_t k) { return e.key < k; });
  return it != kAbbreviationTable.end() && it->key == key ? it->kind : WordBefore::kWord;
}

// Looks `word` up in a lower-case list, ignoring ASCII case.
template <size_t N>
bool ContainsFolded(const std::array<std::string_view, N>& list, std::string_view word) {
  char buf[16];
  if (word.empty() || word.size() > sizeof buf) return false;
  for (size_t i = 0; i < word.size(); ++i) buf[i] = AsciiLower(word[i]);
  return Contains(list, std::string_view(buf, word.size()));
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "U.S", "a.m", "J.K", "N.Y": single letters with dots between them (the
// final dot is the candidate terminator and is not part of `w`).
bool IsDottedLetters(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

inline unsigned char ByteAt(std::string_view p, size_t i) {
  return i < p.size() ? static_cast<unsigned char>(p[i]) : 0;
}

// True if p[i+1], p[i+2] are `b1` and one of `b2s` (the tail of a 3-byte
// character whose lead byte the caller checked).
inline bool Tail3(std::string_view p, size_t i, unsigned char b1,
                  std::initializer_list<unsigned char> b2s) {
  if (ByteAt(p, i + 1) != b1) return false;
  const unsigned char b2 = ByteAt(p, i + 2);
  for (unsigned char b : b2s) {
    if (b == b2) return true;
  }
  return false;
}

// Byte length of a closing quote or bracket at p[i], or 0:
// " ' ) ] } » ” ’ › 」 』 ）
size_t ClosingLengthAt(std::string_view p, size_t i) {
  switch (ByteAt(p, i)) {
    case '"': case '\'': case ')': case ']': case '}':
      return 1;
    case 0xC2: return ByteAt(p, i + 1) == 0xBB ? 2 : 0;
    case 0xE2: return Tail3(p, i, 0x80, {0x9D, 0x99, 0xBA}) ? 3 : 0;
    case 0xE3: return Tail3(p, i, 0x80, {0x8D, 0x8F}) ? 3 : 0;
    case 0xEF: return Tail3(p, i, 0xBC, {0x89}) ? 3 : 0;
    default: return 0;
  }
}

// Byte length of an opening quote or bracket (or Spanish ¿ ¡) at p[i], or 0:
// " ' ( [ { « ¿ ¡ “ ‘ „ ‹ 「 『 （
size_t OpeningLengthAt(std::string_view p, size_t i) {
  switch (ByteAt(p, i)) {
    case '"': case '\'': case '(': case '[': case '{':
      return 1;
    case 0xC2: {
      const unsigned char b = ByteAt(p, i + 1);
      return (b == 0xAB || b == 0xBF || b == 0xA1) ? 2 : 0;
    }
    case 0xE2: return Tail3(p, i, 0x80, {0x9C, 0x98, 0x9E, 0xB9}) ? 3 : 0;
    case 0xE3: return Tail3(p, i, 0x80, {0x8C, 0x8E}) ? 3 : 0;
    case 0xEF: return Tail3(p, i, 0xBC, {0x88}) ? 3 : 0;
    default: return 0;
  }
}

bool IsQuoteByte(std::string_view p, size_t i) {
  const char c = p[i];
  return c == '"' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;  // ” ’ » › 」 』
}

enum class StopKind {
  kPeriod,     // one "."
  kEllipsis,   // "...", ". . .", "…"
  kQuestion,   // any "?" or "!" in the run ("?!", "!!", "?..."), ‼ ⁇ ⁈ ⁉
  kFullWidth,  // 。 ！ ？ ｡: CJK text has no space after them
};

struct Stop {
  size_t end = 0;  // 0: no terminator here
  StopKind kind = StopKind::kPeriod;
};

// Length of a multi-byte terminator at p[i] (… ‼ ⁇ ⁈ ⁉ 。 ！ ？ ｡) and its
// kind; 0 if none.
size_t WideTerminatorAt(std::string_view p, size_t i, StopKind* kind) {
  switch (ByteAt(p, i)) {
    case 0xE2:
      if (Tail3(p, i, 0x80, {0xA6})) {
        *kind = StopKind::kEllipsis;
      } else if (Tail3(p, i, 0x80, {0xBC}) || Tail3(p, i, 0x81, {0x87, 0x88, 0x89})) {
        *kind = StopKind::kQuestion;
      } else {
        return 0;
      }
      return 3;
    case 0xE3:
      if (!Tail3(p, i, 0x80, {0x82})) return 0;
      *kind = StopKind::kFullWidth;
      return 3;
    case 0xEF:
      if (!Tail3(p, i, 0xBC, {0x81, 0x9F}) && !Tail3(p, i, 0xBD, {0xA1})) return 0;
      *kind = StopKind::kFullWidth;
      return 3;
    default:
      return 0;
  }
}

Stop ParseStop(std::string_view p, size_t i) {
  const size_t n = p.size();
  size_t j = i, dots = 0;
  bool question = false, ellipsis = false, full_width = false;
  while (j < n) {
    const char c = p[j];
    if (c == '.') {
      ++dots;
      ++j;
      // Spaced ellipsis ". . .": only when at least two more dots follow.
      if (j + 3 < n && p[j] == ' ' && p[j + 1] == '.' && p[j + 2] == ' ' && p[j + 3] == '.') {
        ellipsis = true;
        ++j;
      } else if (ellipsis && j + 1 < n && p[j] == ' ' && p[j + 1] == '.') {
        ++j;
      }
      continue;
    }
    if (c == '?' || c == '!') {
      question = true;
      ++j;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0xE2) {
      StopKind k;
      if (size_t len = WideTerminatorAt(p, j, &k); len != 0) {
        question = question || k == StopKind::kQuestion;
        ellipsis = ellipsis || k == StopKind::kEllipsis;
        full_width = full_width || k == StopKind::kFullWidth;
        j += len;
        continue;
      }
    }
    break;
  }
  if (j == i) return {};
  if (full_width) return {j, StopKind::kFullWidth};
  if (question) return {j, StopKind::kQuestion};
  if (ellipsis || dots >= 2) return {j, StopKind::kEllipsis};
  return {j, StopKind::kPeriod};
}

// The first word after a candidate boundary, past opening quotes/brackets.
struct NextWord {
  std::string_view word;  // its letters ("" if it starts with no letter)
  LetterCase first = LetterCase::kNotLetter;
  bool digit = false;
  size_t start = 0;       // byte offset of the word in the paragraph
};

NextWord ReadNextWord(std::string_view p, size_t i) {
  const size_t n = p.size();
  while (i < n) {
    const size_t len = OpeningLengthAt(p, i);
    if (len == 0) break;
    i += len;
  }
  NextWord next;
  next.start = i;
  if (i >= n) return next;
  if (IsAsciiDigit(p[i])) {
    next.digit = true;
    return next;
  }
  size_t j = i;
  if (static_cast<unsigned char>(p[i]) < 0x80) {  // ASCII word
    const char c = p[i];
    next.first = (c >= 'A' && c <= 'Z')   ? LetterCase::kUpper
                 : (c >= 'a' && c <= 'z') ? LetterCase::kLower
                                          : LetterCase::kNotLetter;
    while (j < n && IsAsciiLetter(p[j])) ++j;
    next.word = p.substr(i, j - i);
    return next;
  }
  while (j < n) {
    const utf8::CodePoint cp = utf8::DecodeAt(p, j);
    const LetterCase lc = cp.valid ? utf8::CaseOf(cp.value) : LetterCase::kNotLetter;
    if (lc == LetterCase::kNotLetter) break;
    if (j == i) next.first = lc;
    j += cp.length;
  }
  next.word = p.substr(i, j - i);
  return next;
}

bool IsUpperStart(const NextWord& w) { return w.first == LetterCase::kUpper; }
bool IsLowerStart(const NextWord& w) { return w.first == LetterCase::kLower; }
bool IsStarter(const NextWord& w) {
  return IsUpperStart(w) && ContainsFolded(kSentenceStarters, w.word);
}

// True if, from `i`, up to four capitalised words lead to a speech verb:
// `Johnson asked`, `Sen. Maria Cantwell said`.
bool AttributionFollows(std::string_view p, size_t i) {
  const size_t n = p.size();
  for (int words = 0; words < 5 && i < n; ++words) {
    size_t j = i;
    while (j < n && utf8::SpaceLengthAt(p, j) == 0) ++j;
    std::string_view w = p.substr(i, j - i);
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' ||
                          w.back() == ':' || w.back() == '!' || w.back() == '?')) {
      w.remove_suffix(1);
    }
    if (ContainsFolded(kSpeechVerbs, w)) return true;
    if (w.empty() || words == 4) return false;
    const utf8::CodePoint cp = utf8::DecodeAt(w, 0);
    if (!cp.valid || utf8::CaseOf(cp.value) != LetterCase::kUpper) return false;
    i = j;
    while (i < n && utf8::SpaceLengthAt(p, i) != 0) ++i;
  }
  return false;
}

WordBefore ClassifyWordBefore(std::string_view p, size_t sentence_start, size_t stop) {
  size_t w = stop;
  while (w > sentence_start) {
    const unsigned char b = static_cast<unsigned char>(p[w - 1]);
    if (b < 0x80) {
      if (b == ' ' || (b >= '\t' && b <= '\r')) break;
      --w;
      continue;
    }
    const utf8::CodePoint cp = utf8::DecodeBefore(p, w);
    if (cp.valid && utf8::IsSpace(cp.value)) break;
    w -= cp.length;
  }
  while (w < stop) {
    const size_t len = OpeningLengthAt(p, w);
    if (len == 0) break;
    w += len;
  }
  const std::string_view word = p.substr(w, stop - w);
  if (word.empty()) return WordBefore::kWord;
  if (const WordBefore listed = LookUpAbbreviation(word); listed != WordBefore::kWord) {
    return listed;
  }
  if (IsDottedLetters(word)) return WordBefore::kAbbreviation;
  const utf8::CodePoint cp = utf8::DecodeAt(word, 0);
  const bool single = cp.length == word.size();
  if (w == sentence_start &&
      ((single && IsAsciiLetter(word[0])) ||
       (word.size() <= 3 && std::all_of(word.begin(), word.end(), IsAsciiDigit)))) {
    return WordBefore::kListMarker;
  }
  if (single && cp.valid && utf8::CaseOf(cp.value) == LetterCase::kUpper) {
    return WordBefore::kAbbreviation;  // an initial: "John F. Kennedy"
  }
  return WordBefore::kWord;
}

// Whether the paragraph splits after the terminator that starts at `stop`,
// whose run (terminators, then closing quotes and brackets) ends at
// `closed`, with the next word starting at or after `next`.
bool EndsSentence(std::string_view p, size_t sentence_start, size_t stop, const Stop& s,
                  size_t closed, size_t next) {
  const NextWord w = ReadNextWord(p, next);
  const bool closing = closed > s.end;
  switch (s.kind) {
    case StopKind::kFullWidth:
      return true;
    case StopKind::kEllipsis:
      return IsUpperStart(w);
    case StopKind::kQuestion: {
      if (IsLowerStart(w)) return false;  // `"Why?" she asked`, `Yahoo! said`
      if (!closing) {
        size_t b = stop;
        while (b > sentence_start && IsAsciiLetter(p[b - 1])) --b;
        if (Contains(kExclaimedNames, p.substr(b, stop - b))) return IsStarter(w);
      }
      bool quoted = false;
      for (size_t k = s.end; k < closed; ++k) quoted = quoted || IsQuoteByte(p, k);
      if (quoted && IsUpperStart(w) && AttributionFollows(p, w.start)) return false;
      return true;
    }
    case StopKind::kPeriod:
      switch (ClassifyWordBefore(p, sentence_start, stop)) {
        case WordBefore::kWord:
          return true;
        case WordBefore::kTitle:
        case WordBefore::kListMarker:
          return false;
        case WordBefore::kAbbreviation:
          if (IsLowerStart(w) || w.digit) return false;
          // A quote or bracket closing after "U.S." ends the sentence.
          if (closing) return IsUpperStart(w);
          return IsStarter(w);
      }
  }
  return true;
}

// Bytes that can start a terminator: . ? ! and the lead bytes of … ‼ ⁇ 。 ！ ？.
constexpr std::array<bool, 256> MakeStopTable() {
  std::array<bool, 256> t{};
  t['.'] = t['?'] = t['!'] = true;
  t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}
constexpr std::array<bool, 256> kMayStop = MakeStopTable();

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t HasByte(uint64_t w, unsigned char c) {
  const uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighBits;
}

// The first offset in [i, end) whose byte may start a terminator, or `end`.
// Skips eight bytes at a time while none is ".", "?", "!" or >= 0xE0.
size_t FindStopCandidate(std::string_view p, size_t i, size_t end) {
  for (;;) {
    while (i + 8 <= end) {
      uint64_t w;
      std::memcpy(&w, p.data() + i, sizeof w);
      const uint64_t hit = HasByte(w, '.') | HasByte(w, '?') | HasByte(w, '!') |
                           (w & (w << 1) & (w << 2) & kHighBits);
      if (hit != 0) break;
      i += 8;
    }
    const size_t limit = std::min(end, i + 8);
    while (i < limit && !kMayStop[static_cast<unsigned char>(p[i])]) ++i;
    if (i < limit || i >= end) return i;
  }
}

}  // namespace

void SplitSentencesInto(std::string_view p, size_t base, std::vector<Span>* out) {
  const size_t n = p.size();
  size_t start = 0, end = n;
  utf8::Trim(p, &start, &end);
  if (start >= end) return;
  p = p.substr(0, end);
  size_t i = start;
  while ((i = FindStopCandidate(p, i, end)) < end) {
    const Stop s = ParseStop(p, i);
    if (s.end == 0) {
      ++i;
      continue;
    }
    size_t closed = s.end;
    while (closed < end) {
      const size_t len = ClosingLengthAt(p, closed);
      if (len == 0) break;
      closed += len;
    }
    if (closed >= end) break;  // the paragraph's last sentence
    size_t next = closed;
    while (next < end) {
      const size_t len = utf8::SpaceLengthAt(p, next);
      if (len == 0) break;
      next += len;
    }
    if (next == closed && s.kind != StopKind::kFullWidth) {
      i = s.end;  // "3.5", "example.com", "U.S.-led", `no."Then`
      continue;
    }
    if (EndsSentence(p, start, i, s, closed, next)) {
      out->push_back({base + start, base + closed});
      start = next;
    }
    i = next;
  }
  out->push_back({base + start, base + end});
}

std::vector<Span> SplitSentences(std::string_view paragraph, size_t base) {
  std::vector<Span> out;
  SplitSentencesInto(paragraph, base, &out);
  return out;
}

}  // namespace newslint
