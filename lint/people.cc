// newslint: people, the persons an article names. See lint/people.h.

#include "lint/people.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "lint/attribution.h"
#include "lint/dictionary.h"
#include "lint/flat_hash.h"
#include "lint/quotations.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"

namespace newslint {
namespace {

// Lexicon words, looked up per token. Never iterated (lint/flat_hash.h).
using WordSet = FilteredWordSet;  // lint/flat_hash.h

WordSet LexiconSet(std::string_view name) {
  WordSet set;
  for (std::string_view w : LexiconEntries(name)) set.insert(w);
  return set;
}

const WordSet& FemaleGivenNames() {
  static const WordSet kSet = LexiconSet("given-names-female");
  return kSet;
}
const WordSet& MaleGivenNames() {
  static const WordSet kSet = LexiconSet("given-names-male");
  return kSet;
}
const WordSet& OrganisationWords() {
  static const WordSet kSet = LexiconSet("attribution-organisation-words");
  return kSet;
}
const WordSet& PlaceStarts() {
  static const WordSet kSet = LexiconSet("attribution-place-starts");
  return kSet;
}
const WordSet& ReferenceHeads() {
  static const WordSet kSet = LexiconSet("attribution-reference-heads");
  return kSet;
}
const WordSet& ActionVerbs() {
  static const WordSet kSet = LexiconSet("attribution-action-verbs");
  return kSet;
}

// Titles as word sequences (lower case, full stops dropped), grouped by first
// word, longest first.
struct TitleTable {
  // Iterated only to fill `first_words` and sort each list, where order is moot.
  StringMap<std::vector<std::vector<std::string>>> by_first;
  // The first words: MatchTitle runs on every token, and this rejects most
  // without hashing.
  EdgeLengthFilter first_words;
  bool MayStart(std::string_view key) const { return first_words.MayContain(key); }
  // The first two bytes of the first words of two bytes or more: most keys
  // that pass MayStart (names: "smith", "biden") fail here without hashing.
  std::bitset<65536> first_two;
  bool MayStartKey(std::string_view key) const {
    if (!MayStart(key)) return false;
    return key.size() < 2 || first_two.test(static_cast<unsigned char>(key[0]) << 8 |
                                            static_cast<unsigned char>(key[1]));
  }
  // MayStart for a lowered token, without making its key: a token without
  // dots is its own key; one with dots is left to MatchTitle. People::Build
  // asks this inline before calling MatchTitle on every token.
  bool MayStartToken(std::string_view lower) const {
    if (lower.empty()) return false;  // MayStart("") is false, and "" has no dots
    // Most tokens are rejected here without looking for dots. Dropping dots
    // other than the first and last byte keeps the key's first and last
    // byte and never lengthens it, so when neither end is a dot, a key
    // MatchTitle could find (with or without dots) is a first word of at
    // most lower.size() bytes with lower's first and last byte: none such,
    // no title, exactly as MayStart or MatchTitle would answer.
    const unsigned char a = static_cast<unsigned char>(lower.front());
    const unsigned char z = static_cast<unsigned char>(lower.back());
    if (a != '.' && z != '.') {
      if (!first_words.MayContainUpTo(a, z, lower.size())) return false;
      // Likewise the first two bytes, when neither is a dot: they are the
      // key's first two, and the key (two bytes or more) is a first word.
      if (lower.size() >= 2 && lower[1] != '.' &&
          !first_two.test(a << 8 | static_cast<unsigned char>(lower[1]))) {
        return false;
      }
    }
    for (char c : lower) {
      if (c == '.') return true;
    }
    return MayStart(lower);
  }

  // The first words hashed with their size: a bit per HeadHash(Head(w),
  // w.size()). MayStartTokenAt tests it; the byte filters above let about
  // a fifth of all tokens through to a hash lookup that nearly always
  // failed, and scanned each of them for dots twice.
  static constexpr int kHeadHashBits = 15;
  std::bitset<size_t{1} << kHeadHashBits> first_heads;
  // The first eight bytes of `w` (fewer: zero-padded) as a number.
  static uint64_t Head(std::string_view w) {
    uint64_t head = 0;
    std::memcpy(&head, w.data(), std::min<size_t>(w.size(), 8));
    return head;
  }
  static size_t HeadHash(uint64_t head, size_t size) {
    return static_cast<size_t>(((head ^ size) * 0x9E3779B97F4A7C15ull) >> (64 - kHeadHashBits));
  }
  // MayStartToken for a lowered token [p, p + n) of a buffer that ends at
  // `end`, as People::Build asks it of every token: false only where
  // MatchTitleIn finds no title. A token without dots is its own key, and a
  // key MatchTitleIn finds is a first word, whose bit is set; a token with
  // a dot passes (MatchTitleIn drops its dots), as it passes MayStartToken.
  // So wherever this says false, MayStartToken says false or MatchTitleIn
  // returns 0: the run collected is the same.
  bool MayStartTokenAt(const char* p, size_t n, const char* end) const {
    static_assert(std::endian::native == std::endian::little,
                  "the masked load below keeps the first n bytes as Head() does");
    if (n == 0) return false;
    uint64_t head;
    if (end - p >= 8) {
      std::memcpy(&head, p, 8);  // one load; the bytes past the token masked off
      if (n < 8) head &= ~uint64_t{0} >> (64 - 8 * n);
    } else {
      head = Head(std::string_view(p, n));
    }
    // A '.' byte among the first eight: (x - 0x01..) & ~x & 0x80.. is
    // nonzero exactly when x has a zero byte (padding bytes XOR '.' are not).
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    const uint64_t x = head ^ (kOnes * '.');
    if (((x - kOnes) & ~x & (kOnes * 0x80)) != 0) return true;
    for (size_t k = 8; k < n; ++k) {
      if (p[k] == '.') return true;
    }
    return first_heads.test(HeadHash(head, n));
  }
};

std::string DropDots(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

const TitleTable& Titles() {
  static const TitleTable kTable = [] {
    TitleTable t;
    for (std::string_view entry : LexiconEntries("person-titles")) {
      std::vector<std::string> words;
      size_t i = 0;
      while (i < entry.size()) {
        size_t j = entry.find(' ', i);
        if (j == std::string_view::npos) j = entry.size();
        if (j > i) words.push_back(DropDots(entry.substr(i, j - i)));
        i = j + 1;
      }
      if (words.empty() || words[0].empty()) continue;
      auto& list = t.by_first[words[0]];
      if (std::find(list.begin(), list.end(), words) == list.end()) list.push_back(words);
    }
    for (auto& [first, list] : t.by_first) {
      t.first_words.Add(first);
      t.first_heads.set(TitleTable::HeadHash(TitleTable::Head(first), first.size()));
      if (first.size() >= 2) {
        t.first_two.set(static_cast<unsigned char>(first[0]) << 8 |
                        static_cast<unsigned char>(first[1]));
      }
      std::sort(list.begin(), list.end(),
                [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
    return t;
  }();
  return kTable;
}

// Particles that may stand inside a name ("Mohammed bin Salman", "Ursula von
// der Leyen", "Luiz Inácio Lula da Silva").
const WordSet& Particles() {
  static const WordSet kSet = {"bin", "bint", "ibn", "al", "el", "de", "del", "della", "di",
                               "da", "dos", "das", "du", "van", "von", "der", "den", "ter",
                               "ten", "le", "la", "y", "abu"};
  return kSet;
}

// Capitalised words that open sentences and never name anyone; skipping
// them keeps the mention list short.
constexpr std::string_view kFunctionWords[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "here", "his", "her", "its", "their", "our", "my", "your", "and", "but",
    "or", "so", "yet", "if", "when", "while", "as", "at", "in", "on", "of", "for", "to",
    "from", "with", "by", "after", "before", "since", "until", "what", "who", "which", "why",
    "how", "where", "also", "not", "no", "yes", "all", "some", "many", "most", "one", "both",
    "each", "every", "any", "however", "meanwhile", "nevertheless", "still", "then", "now",
    "later", "earlier", "last", "next"};

const WordSet& FunctionWords() {
  static const WordSet kSet(std::begin(kFunctionWords), std::end(kFunctionWords));
  return kSet;
}

// A word of one to three letters a-z as a number below 27^3 (letters are
// digits 1-26: no two such words share one).
constexpr size_t kShortWords = 27 * 27 * 27;
std::optional<size_t> ShortWordIndex(std::string_view w) {
  if (w.empty() || w.size() > 3) return std::nullopt;
  size_t index = 0;
  for (char c : w) {
    if (c < 'a' || c > 'z') return std::nullopt;
    index = index * 27 + static_cast<size_t>(c - 'a' + 1);
  }
  return index;
}

// FunctionWords().count(lower) for a word of at most three bytes, from a
// bitset: the title-case test asks it of every short token ("the", "of"),
// where the hash lookups showed in profiles.
bool IsShortFunctionWord(std::string_view lower) {
  static const std::bitset<kShortWords> kBits = [] {
    std::bitset<kShortWords> bits;
    for (std::string_view w : kFunctionWords) {
      if (std::optional<size_t> index = ShortWordIndex(w)) bits.set(*index);
    }
    return bits;
  }();
  std::optional<size_t> index = ShortWordIndex(lower);
  return index && kBits.test(*index);
}

// The first two bytes of the function words of four bytes or more: most
// longer capitalised words ("Smith", "Kazakhstan") fail here, where the
// word set's own filter let many through to a hash lookup. It rejects no
// function word.
bool LongFunctionWordMayStart(std::string_view lower) {
  static const std::bitset<65536> kFirstTwo = [] {
    std::bitset<65536> bits;
    for (std::string_view w : kFunctionWords) {
      if (w.size() > 3) {
        bits.set(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]));
      }
    }
    return bits;
  }();
  return kFirstTwo.test(static_cast<unsigned char>(lower[0]) << 8 |
                        static_cast<unsigned char>(lower[1]));
}

// FunctionWords().count(lower) for any word: the short ones ("The", "He",
// "In" open most runs of capitalised words) from the bitset, the longer
// ones past a filter on their first two bytes.
bool IsFunctionWord(std::string_view lower) {
  if (lower.size() <= 3) return IsShortFunctionWord(lower);
  return LongFunctionWordMayStart(lower) && FunctionWords().count(lower) > 0;
}

}  // namespace

bool IsNameFunctionWord(std::string_view lower) { return IsFunctionWord(lower); }
std::span<const std::string_view> NameFunctionWords() { return kFunctionWords; }

namespace {

// Prepositions whose object is talked about, not present in the scene.
const WordSet& ReferencePrepositions() {
  static const WordSet kSet = {"from",   "of",      "by",      "under",  "for",  "about",
                               "behind", "against", "than",    "like",   "toward", "towards",
                               "via",    "over",    "despite", "unlike", "after", "before",
                               "without", "praising", "criticising", "criticizing"};
  return kSet;
}

// Verbs whose object is in the scene with the subject ("told Blinken", "met
// Tokayev").
const WordSet& EventObjectVerbs() {
  static const WordSet kSet = {
      "told",     "tells",    "met",       "meets",      "meeting",  "greeted",   "greets",
      "hosted",   "hosts",    "hosting",   "joined",     "joins",    "thanked",   "thanks",
      "received", "receives", "welcomed",  "welcomes",   "welcoming", "accompanied",
      "phoned",   "called",   "interviewed", "asked",    "asks",     "urged",     "urges",
      "briefed",  "congratulated", "embraced", "hugged", "visited",  "beat",      "defeated",
      "faced",    "faces",    "warned",    "assured",    "reassured", "informed"};
  return kSet;
}

// Verbs after which "to X" puts X in the scene ("spoke to X").
const WordSet& ToPresenceVerbs() {
  static const WordSet kSet = {"spoke",   "speaking", "speaks",  "talked", "talking",
                               "talks",   "listened", "turned",  "said",   "says",
                               "explained", "wrote",  "replied", "responded", "introduced"};
  return kSet;
}

// Adverbs and auxiliaries that may stand between a subject and its verb.
const WordSet& SubjectGapWords() {
  static const WordSet kSet = {"also",     "then",       "later",    "meanwhile", "previously",
                               "again",    "now",        "still",    "once",      "never",
                               "too",      "already",    "recently", "subsequently",
                               "initially", "earlier",   "separately", "first",   "further",
                               "himself",  "herself",    "repeatedly", "reportedly",
                               "often",    "always",     "not"};
  return kSet;
}

// Title abbreviations written with a full stop ("Mr. Smith", "Sen. Roe").
const WordSet& Abbreviations() {
  static const WordSet kSet = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen",
                               "lt", "col", "sgt", "capt", "adm", "rev", "st", "hon", "pres"};
  return kSet;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool HasPossessive(std::string_view word) {
  // Asked of nearly every token: most end in neither "s" nor "S".
  if (word.empty() || (word.back() != 's' && word.back() != 'S')) return false;
  return EndsWith(word, "'s") || EndsWith(word, "\xE2\x80\x99s") || EndsWith(word, "'S") ||
         EndsWith(word, "\xE2\x80\x99S");
}

// AsciiLower(a) == AsciiLower(b), without the copies (AsciiLower keeps the
// length and maps each byte by itself).
bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = IsAsciiUpper(a[i]) ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = IsAsciiUpper(b[i]) ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

// s == lit, compared inline: string_view's operator== called compare()
// out of line whenever the sizes matched, some 200 times per article.
template <size_t N>
inline bool Is(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

bool IsTitleCaseWord(TokenShape shape) {
  return shape == TokenShape::kCapitalized || shape == TokenShape::kUpper;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view StripPossessive(std::string_view word) {
  // Every ending below ends in "s", "S", "'" or the last byte of U+2019.
  if (word.empty()) return word;
  if (const char last = word.back(); last != 's' && last != 'S' && last != '\'' && last != '\x99') {
    return word;
  }
  if (EndsWith(word, "'s") || EndsWith(word, "'S")) return word.substr(0, word.size() - 2);
  if (EndsWith(word, "\xE2\x80\x99s") || EndsWith(word, "\xE2\x80\x99S")) {
    return word.substr(0, word.size() - 4);
  }
  if (EndsWith(word, "'")) return word.substr(0, word.size() - 1);
  if (EndsWith(word, "\xE2\x80\x99")) return word.substr(0, word.size() - 3);
  return word;
}

namespace {

// StripPossessive with its common case inline: a word whose last byte
// ends none of the possessive endings is returned as it is (the function's
// own first test).
inline std::string_view StripPossessiveInline(std::string_view word) {
  if (word.empty()) return word;
  const char last = word.back();
  if (last != 's' && last != 'S' && last != '\'' && last != '\x99') return word;
  return StripPossessive(word);
}

}  // namespace

std::string_view MentionRoleName(MentionRole role) {
  switch (role) {
    case MentionRole::kParticipant:
      return "participant";
    case MentionRole::kReference:
      return "reference";
    case MentionRole::kOther:
      return "other";
  }
  return "other";
}

namespace {

// MatchTitle on the text and its lowered copy (Analysis::lower_view of the
// whole text, taken once): People::Build asks it of every token, where a call
// of lower_view per token showed in profiles.
size_t MatchTitleIn(std::string_view text, std::string_view lower_text,
                    std::span<const Token> tokens, size_t i) {
  if (i >= tokens.size()) return 0;
  const TitleTable& table = Titles();
  // Lowered views of the text (no copy); dots are dropped only when there
  // are any ("Gov." is "gov"), which is rare: MatchTitle runs on every token.
  // Tokens are short: a plain loop beats a call of memchr.
  auto key = [&](const Token& t, std::string* scratch) -> std::string_view {
    std::string_view lower = lower_text.substr(t.span.start, t.span.end - t.span.start);
    bool dot = false;
    for (char c : lower) dot |= c == '.';
    if (!dot) return lower;
    *scratch = DropDots(lower);
    return *scratch;
  };
  std::string scratch;
  const std::string_view first = key(tokens[i], &scratch);
  if (!table.MayStartKey(first)) return 0;
  auto it = table.by_first.find(first);
  if (it == table.by_first.end()) return 0;
  for (const std::vector<std::string>& words : it->second) {
    if (i + words.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < words.size() && ok; ++k) {
      const Token& prev = tokens[i + k - 1];
      const Token& t = tokens[i + k];
      std::string_view gap = text.substr(prev.span.end, t.span.start - prev.span.end);
      if (gap.starts_with(".")) gap.remove_prefix(1);
      if (gap.empty() || !utf8::IsAllSpace(gap)) {
        ok = false;
        break;
      }
      if (key(t, &scratch) != words[k]) ok = false;
    }
    if (ok) return words.size();
  }
  return 0;
}

}  // namespace

size_t MatchTitle(Analysis& analysis, std::span<const Token> tokens, size_t i) {
  if (i >= tokens.size()) return 0;
  const std::string_view text = analysis.text();
  return MatchTitleIn(text, analysis.lower_view({0, text.size()}), tokens, i);
}

bool TitleMayStart(std::string_view lower) { return Titles().MayStartToken(lower); }

bool IsActionVerb(std::string_view lower) {
  if (ActionVerbs().count(lower)) return true;
  std::optional<ReportingVerb> v = FindReportingVerb(lower);
  return v && (v->form == VerbForm::kPast || v->form == VerbForm::kPresent);
}

namespace {
StringMap<bool>* ThreadNameCache(Dictionary* dict);
}  // namespace

Gender GenderOfTitle(std::string_view lower_title) {
  static const WordSet kMale = {"mr", "sir", "lord", "king", "prince", "emperor", "sheikh",
                                "emir", "sultan", "father", "congressman", "chairman",
                                "spokesman"};
  static const WordSet kFemale = {"mrs",      "ms",       "miss",         "dame",
                                  "lady",     "queen",    "princess",     "baroness",
                                  "congresswoman", "chairwoman", "spokeswoman", "actress"};
  std::string last = DropDots(lower_title);
  size_t sp = last.rfind(' ');
  if (sp != std::string::npos) last = last.substr(sp + 1);
  if (kMale.count(last)) return Gender::kMale;
  if (kFemale.count(last)) return Gender::kFemale;
  return Gender::kUnknown;
}

People::People(Analysis& analysis) {
  Dictionary* dictionary = Dictionary::ForThread();
  Build<false>(analysis, dictionary, dictionary != nullptr ? ThreadNameCache(dictionary) : nullptr);
}

People::People(Analysis& analysis, Dictionary* dictionary) {
  Build<false>(analysis, dictionary, nullptr);
}

std::vector<std::string> People::Dictionaries() {
  return {std::string(Dictionary::kDefaultBase)};
}

People People::ReferenceForTest(Analysis& analysis, Dictionary* dictionary) {
  People people;
  people.Build<true>(analysis, dictionary, nullptr);
  return people;
}

namespace {

// What a name word is to the dictionary.
class NameLexicon {
 public:
  // Looked up by string_view; never iterated.
  using Cache = StringMap<bool>;
  // `cache` holds verdicts of `dict` (it may outlive the article: see
  // ThreadNameCache).
  NameLexicon(Dictionary* dict, Cache* cache) : dict_(dict), cache_(*cache) {}

  // Unknown to the dictionary, or known to it as a proper noun ("Susan",
  // "Rice", "Biden"): a word a name may be made of. Without a dictionary,
  // every word may.
  bool NameLike(std::string_view word) {
    if (dict_ == nullptr) return true;
    const std::string_view w = StripPossessive(word);
    auto it = cache_.find(w);
    if (it != cache_.end()) return it->second;
    bool result = true;
    if (dict_->Knows(w) || dict_->Knows(AsciiLower(w))) {
      result = false;
      for (const std::string& stem : dict_->hunspell().stem(std::string(w))) {
        if (!stem.empty() && IsAsciiUpper(stem[0])) {
          result = true;
          break;
        }
      }
      // A word Hunspell knows in both cases but whose stems all come from
      // the lower-case entry is a common word ("Changing", "Flashing").
    }
    cache_.emplace(w, result);
    return result;
  }

 private:
  Dictionary* dict_;
  Cache& cache_;
};

// Verdicts of the thread's own dictionary, kept across articles: Hunspell's
// stem() on every capitalised word was a tenth of the attribution views, and
// names recur from article to article. Only for Dictionary::ForThread(),
// which lives as long as the process, so its address names it; bounded like
// the dictionary's own cache.
NameLexicon::Cache* ThreadNameCache(Dictionary* dict) {
  constexpr size_t kCapacity = size_t{1} << 15;
  thread_local Dictionary* owner = nullptr;
  thread_local NameLexicon::Cache cache;
  if (owner != dict || cache.size() >= kCapacity) {
    cache.clear();
    owner = dict;
  }
  return &cache;
}

}  // namespace

// Up to this many name uses, UsedAsNameOutside scans them all (a few
// thousand instructions at most per call); past it, Build sorts them by word
// and UsedAsNameOutside searches. Nearly every article has fewer: sorting
// the ~100 uses of every article cost more than all the lookups.
constexpr size_t kNameUseScanLimit = 1024;

// Name uses ordered by their word (a view of the text, People::text_), and
// compared with a word, for std::sort and std::equal_range.
struct People::NameUseOrder {
  std::string_view text;
  std::string_view Word(const NameUse& u) const { return text.substr(u.at, u.size); }
  bool operator()(const NameUse& a, const NameUse& b) const { return Word(a) < Word(b); }
  bool operator()(const NameUse& a, std::string_view w) const { return Word(a) < w; }
  bool operator()(std::string_view w, const NameUse& b) const { return w < Word(b); }
};

template <bool kReference>
void People::Build(Analysis& analysis, Dictionary* dictionary, StringMap<bool>* name_cache) {
  const std::vector<Token>& tokens = analysis.tokens();
  const std::vector<Sentence>& sentences = analysis.sentences();
  const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
  const Quotations& quotations = analysis.Shared<Quotations>();
  const std::string_view text = analysis.text();
  // The lowered text, taken once: lower_view per token showed in profiles.
  const std::string_view lower_text = analysis.lower_view({0, text.size()});
  // A view made directly: tokens lie inside the text, so substr's bounds
  // check (and its out-of-line call, a million a run) adds nothing.
  auto lower_of = [&](const Token& t) {
    return std::string_view(lower_text.data() + t.span.start, t.span.end - t.span.start);
  };
  // The same for the text itself (analysis.view, without substr's check
  // and out-of-line call: it ran several times per token).
  auto text_of = [&](const Token& t) {
    return std::string_view(text.data() + t.span.start, t.span.end - t.span.start);
  };
  NameLexicon::Cache article_cache;
  NameLexicon names(dictionary, name_cache != nullptr ? name_cache : &article_cache);
  article_title_ = analysis.article().title;
  text_ = text;

  // Title-case paragraphs: headlines and sub-headings, where every word is
  // capitalised and capitals say nothing about names.
  title_case_.assign(paragraphs.size(), false);
  TokenWalk paragraph_tokens(tokens);  // the paragraphs come in text order
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    // A headline has no full stop; a sentence full of names does. Asked
    // first: most paragraphs end like a sentence, and then their words need
    // no counting (the count decides nothing for them).
    if (EndsLikeSentence(analysis.view(paragraphs[p].span))) continue;
    int words = 0;
    int capitals = 0;
    // Only the few paragraphs that do not end like a sentence get here: the
    // walk gallops over the paragraphs between (a binary search over all
    // the tokens each, Analysis::TokensIn, read more of them).
    for (const Token& t : paragraph_tokens.In(paragraphs[p].span)) {
      if (t.shape == TokenShape::kNumber || t.shape == TokenShape::kAlphanumeric) continue;
      std::string_view lower = lower_of(t);
      if (lower.size() <= 3 && IsShortFunctionWord(lower)) continue;
      ++words;
      if (IsTitleCaseWord(t.shape)) ++capitals;
    }
    title_case_[p] = words >= 3 && capitals * 4 >= words * 3;
  }

  auto gap_of = [&](size_t a, size_t b) {  // text between tokens a and b (a < b)
    // Tokens ascend and do not overlap: the gap lies inside the text.
    return std::string_view(text.data() + tokens[a].span.end,
                            tokens[b].span.start - tokens[a].span.end);
  };
  // Whether token j's capital is owed to the start of sentence s, of a
  // quotation, or of a clause after a colon or a dash.
  auto SentenceInitial = [&](size_t j, size_t s) {
    const size_t start = sentences[s].span.start;
    std::string_view before = text.substr(start, tokens[j].span.start - start);
    bool initial = true;
    for (size_t b = 0; b < before.size();) {
      utf8::CodePoint cp = utf8::DecodeAt(before, b);
      if (utf8::IsLetter(cp.value) || (cp.value >= '0' && cp.value <= '9')) {
        initial = false;
        break;
      }
      b += cp.length;
    }
    if (initial) return true;
    size_t e = before.size();
    while (e > 0 && utf8::SpaceLengthBefore(before, e) > 0) e -= utf8::SpaceLengthBefore(before, e);
    if (e == 0) return true;
    utf8::CodePoint cp = utf8::DecodeBefore(before, e);
    return cp.value == ':' || cp.value == U'\u2014' || cp.value == U'\u2013' ||
           cp.value == U'\u201C' || cp.value == '"' || cp.value == U'\u2018' ||
           cp.value == U'\u00AB' || cp.value == U'\u201E';
  };

  const TitleTable& titles = Titles();
  // Quotations::At(offset) != nullptr for the mentions' offsets, which
  // ascend: the paragraph by a cursor rather than a binary search per
  // mention. Both take the last paragraph starting at or before the offset
  // (At's upper_bound over the same spans, Analysis::paragraphs()); then
  // the same test of its quotations. An offset before the cursor's
  // paragraph (never, as mentions ascend) starts the walk over.
  size_t quote_paragraph = 0;
  auto quoted_at = [&](size_t offset) {
    if constexpr (kReference) {
      return quotations.At(offset) != nullptr;
    } else {
      if (paragraphs.empty()) return false;
      if (paragraphs[quote_paragraph].span.start > offset) quote_paragraph = 0;
      while (quote_paragraph + 1 < paragraphs.size() &&
             paragraphs[quote_paragraph + 1].span.start <= offset) {
        ++quote_paragraph;
      }
      const Span para = paragraphs[quote_paragraph].span;
      if (para.start > offset || offset >= para.end) return false;
      for (const Quotation& q : quotations.In(quote_paragraph)) {
        if (offset >= q.content.start && offset < q.content.end) return true;
      }
      return false;
    }
  };
  // The word sets, fetched once (each getter is a call and a guard check).
  const WordSet& particles = Particles();
  const WordSet& organisation_words = OrganisationWords();
  const WordSet& place_starts = PlaceStarts();
  const WordSet& reference_heads = ReferenceHeads();
  const WordSet& event_object_verbs = EventObjectVerbs();
  const WordSet& to_presence_verbs = ToPresenceVerbs();
  const WordSet& reference_prepositions = ReferencePrepositions();
  const WordSet& subject_gap_words = SubjectGapWords();
  const WordSet& abbreviations = Abbreviations();
  // Whether a title may start at token t (false: MatchTitleIn finds none):
  // asked of every token. The reference is the byte filter the fast one
  // replaced (see TitleTable::MayStartTokenAt).
  const char* const lower_end = lower_text.data() + lower_text.size();
  auto may_start_title = [&](const Token& t) {
    if constexpr (kReference) {
      return titles.MayStartToken(lower_of(t));
    } else {
      return titles.MayStartTokenAt(lower_text.data() + t.span.start, t.span.end - t.span.start,
                                    lower_end);
    }
  };

  // Room for the mentions at once: news has about one name mention per ten
  // tokens, and growing the vector of these large records by doubling cost
  // People more than the loop that finds them.
  mentions_.reserve(tokens.size() / 8 + 4);
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::pair<size_t, size_t> range = analysis.SentenceTokenRange(s);
    const size_t base = range.first;
    const size_t end = range.second;
    if (base == end) continue;
    const size_t paragraph = sentences[s].paragraph;
    std::span<const Token> all(tokens);

    // Whether token j joins the run that ends with token j - 1.
    auto connected = [&](size_t j) {
      std::string_view gap = gap_of(j - 1, j);
      if (!gap.empty() && utf8::IsAllSpace(gap) && gap.size() <= 3) return true;
      // "John F. Kennedy", "Mr. Smith", "Sen. Jane Roe".
      if (gap.size() >= 2 && gap[0] == '.' && utf8::IsAllSpace(gap.substr(1))) {
        std::string_view prev = text_of(tokens[j - 1]);
        if (prev.size() == 1 && IsAsciiUpper(prev[0])) return true;
        return abbreviations.count(lower_of(tokens[j - 1])) > 0;
      }
      return false;
    };
    auto is_cap = [&](size_t j) {
      const Token& t = tokens[j];
      if (t.shape != TokenShape::kCapitalized) {
        // "al-Assad", "bin-Salman": a lower-case particle glued to a name.
        if (t.shape != TokenShape::kMixed) return false;
        std::string_view v = text_of(t);
        return v.starts_with("al-") || v.starts_with("el-") || v.starts_with("bin-");
      }
      std::string_view v = text_of(t);
      if (v.size() == 1) {
        // An initial ("F." in "John F. Kennedy"); "A" and "I" are words.
        return j + 1 < end && text.size() > t.span.end && text[t.span.end] == '.' &&
               v != "A" && v != "I";
      }
      return true;
    };
    auto is_modifier = [&](size_t j) {  // "US", "UN", "U.S."
      const Token& t = tokens[j];
      return t.shape == TokenShape::kUpper && t.span.size() <= 5;
    };

    for (size_t i = base; i < end;) {
      // A run opens with a title, a capitalised word (is_cap: kCapitalized
      // or kMixed) or a modifier (kUpper); particles only follow a name. A
      // token of another shape opens one only as a title: skip it here,
      // as the loop below would, when no title can start with it.
      if (const TokenShape shape = tokens[i].shape;
          (shape == TokenShape::kLower || shape == TokenShape::kNumber ||
           shape == TokenShape::kAlphanumeric) &&
          !may_start_title(tokens[i])) {
        ++i;
        continue;
      }
      // A capitalised function word ("The", "He") opens no name. Asked before
      // the run is collected: collecting it changes nothing, and whatever it
      // found the answer would be the same ++i (it was asked after the run,
      // which was then collected for nothing at most sentence starts).
      if (tokens[i].shape == TokenShape::kCapitalized && IsFunctionWord(lower_of(tokens[i]))) {
        ++i;
        continue;
      }
      // Collect one run: titles, modifiers, capitalised words, particles.
      size_t j = i;
      size_t last_title_start = static_cast<size_t>(-1);
      size_t last_title_end = static_cast<size_t>(-1);
      size_t name_start = static_cast<size_t>(-1);
      bool possessive = false;
      while (j < end) {
        if (j > i && !connected(j)) break;
        if (size_t k = may_start_title(tokens[j]) ? MatchTitleIn(text, lower_text, all, j) : 0;
            k > 0 && j + k <= end) {
          bool chain = true;
          for (size_t m = j + 1; m < j + k; ++m) chain = chain && connected(m);
          if (chain) {
            last_title_start = j;
            last_title_end = j + k;
            name_start = static_cast<size_t>(-1);
            j += k;
            if (HasPossessive(text_of(tokens[j - 1]))) {
              possessive = true;
              break;
            }
            continue;
          }
        }
        if (is_cap(j)) {
          if (name_start == static_cast<size_t>(-1)) name_start = j;
          ++j;
          if (HasPossessive(text_of(tokens[j - 1]))) {
            possessive = true;
            break;
          }
          continue;
        }
        if (is_modifier(j) && name_start == static_cast<size_t>(-1)) {
          ++j;
          continue;
        }
        if (name_start != static_cast<size_t>(-1) && j + 1 < end &&
            tokens[j].shape == TokenShape::kLower &&
            particles.count(lower_of(tokens[j])) && is_cap(j + 1) &&
            connected(j + 1)) {
          ++j;
          continue;
        }
        break;
      }
      if (j == i) {
        ++i;
        continue;
      }
      // Trailing particles or modifiers are not part of a name.
      size_t run_end = j;
      NameMention m;
      m.first_token = i;
      m.end_token = run_end;
      m.sentence = s;
      m.paragraph = paragraph;
      m.possessive = possessive;
      if (last_title_end != static_cast<size_t>(-1)) {
        m.title = {tokens[last_title_start].span.start, tokens[last_title_end - 1].span.end};
      }
      size_t first_name = name_start;
      if (first_name == static_cast<size_t>(-1) || first_name >= run_end) {
        // Titles and modifiers only ("the foreign minister", "US"): a
        // mention only as a title after "the".
        bool after_the = i > base &&
                         Is(lower_of(tokens[i - 1]), "the") &&
                         utf8::IsAllSpace(gap_of(i - 1, i));
        if (last_title_end == static_cast<size_t>(-1) || !after_the || possessive) {
          i = j;
          continue;
        }
        m.name_token = run_end;
        m.span = {tokens[i].span.start, tokens[run_end - 1].span.end};
        m.name = {m.span.end, m.span.end};
        m.name_words = 0;
      } else {
        // A name after a title: the name is what follows the last title.
        m.name_token = first_name;
        m.span = {tokens[i].span.start, tokens[run_end - 1].span.end};
        m.name = {tokens[first_name].span.start, tokens[run_end - 1].span.end};
        m.name_words = static_cast<int>(run_end - first_name);
        if (m.name_words == 1 && last_title_end == static_cast<size_t>(-1)) {
          if (IsFunctionWord(StripPossessiveInline(lower_of(tokens[first_name])))) {
            i = j;
            continue;
          }
        }
      }
      // Possessive after a final plural "s" ("Jones’ car").
      if (!m.possessive && m.name_words > 0 && m.name.end < text.size()) {
        // text.substr(m.name.end, 3) and its starts_with, compared inline
        // (they were out-of-line calls per mention).
        const std::string_view after(text.data() + m.name.end,
                                     std::min<size_t>(3, text.size() - m.name.end));
        const std::string_view last = text_of(tokens[run_end - 1]);
        const bool apostrophe = !after.empty() && after[0] == '\'';
        if ((apostrophe || Is(after, "\xE2\x80\x99")) && !last.empty() && last.back() == 's') {
          size_t len = apostrophe ? 1 : 3;
          size_t next = m.name.end + len;
          if (next >= text.size() || !utf8::IsLetter(utf8::DecodeAt(text, next).value)) {
            m.possessive = true;
          }
        }
      }
      m.quoted = quoted_at(m.span.start);
      mentions_.push_back(m);
      i = j;
    }
  }

  // Introductions: a title and a name, or a full name of two to four words.
  auto name_word = [&](const NameMention& m, size_t k) {
    return StripPossessiveInline(text_of(tokens[m.name_token + k]));
  };
  // AsciiLower(name_word(m, k)) without a copy: the possessive endings
  // StripPossessive drops are the same length in either case.
  auto lower_name_word = [&](const NameMention& m, size_t k) {
    return StripPossessiveInline(lower_of(tokens[m.name_token + k]));
  };
  auto valid_name = [&](const NameMention& m) {
    if (m.name_words < 1) return false;
    int words = 0;
    for (int k = 0; k < m.name_words; ++k) {
      const std::string_view lower = lower_name_word(m, k);
      if (particles.count(lower)) continue;
      ++words;
      if (organisation_words.count(lower)) return false;
    }
    return words >= 1 && words <= 4;
  };
  for (NameMention& m : mentions_) {
    if (!valid_name(m)) continue;
    if (!m.title.empty()) {
      m.introduces = true;
      continue;
    }
    if (m.name_words < 2 || title_case_[m.paragraph]) continue;
    if (place_starts.count(lower_name_word(m, 0))) continue;
    // Every word must be name-like, except that a first name which is also
    // a common word ("Tor", "Grace", "Will") passes where its capital is not
    // owed to the start of a sentence.
    bool all_names = true;
    for (int k = 0; k < m.name_words && all_names; ++k) {
      std::string_view w = name_word(m, k);
      if (particles.count(lower_name_word(m, k))) continue;
      if (w.size() == 1) continue;  // an initial
      all_names = names.NameLike(w) || (k == 0 && !SentenceInitial(m.name_token, m.sentence));
    }
    m.introduces = all_names;
  }

  // Persons, from the introductions in text order. Each person's lower-case
  // surname (a surname never changes once the person is made): the persons
  // with a surname are found by a scan of these, in the order they were
  // made, as a map of lower surname -> persons gave them, without a map
  // slot and a vector per person (an article names a dozen or so).
  std::vector<std::string> lower_surnames;
  constexpr size_t kSurnameScanLimit = 64;
  StringMap<std::vector<size_t>> by_surname;  // from kSurnameScanLimit persons on
  for (size_t mi = 0; mi < mentions_.size(); ++mi) {
    NameMention& m = mentions_[mi];
    if (!m.introduces) continue;
    std::string surname(name_word(m, m.name_words - 1));
    std::string given = m.name_words >= 2 ? std::string(name_word(m, 0)) : std::string();
    std::string full;
    for (int k = 0; k < m.name_words; ++k) {
      if (k > 0) full += ' ';
      full += name_word(m, k);
    }
    std::string lower_surname = AsciiLower(surname);
    size_t found = kNone;
    auto fits = [&](size_t p) {
      const Person& person = persons_[p];
      return given.empty() || person.given.empty() || EqualIgnoringAsciiCase(person.given, given);
    };
    if (by_surname.empty()) {
      for (size_t p = 0; p < persons_.size(); ++p) {
        if (lower_surnames[p] == lower_surname && fits(p)) {
          found = p;
          break;
        }
      }
    } else if (const auto it = by_surname.find(lower_surname); it != by_surname.end()) {
      for (const size_t p : it->second) {
        if (fits(p)) {
          found = p;
          break;
        }
      }
    }
    if (found == kNone) {
      found = persons_.size();
      Person person;
      person.name = full;
      person.surname = surname;
      person.given = given;
      person.introduced_at = m.span.start;
      person.first_mention = mi;
      persons_.push_back(std::move(person));
      lower_surnames.push_back(std::move(lower_surname));
      // A page that names hundreds of persons (a list of candidates, a
      // transcript) gets the map after all: the scan would be quadratic.
      if (!by_surname.empty()) {
        by_surname[lower_surnames.back()].push_back(found);
      } else if (persons_.size() == kSurnameScanLimit) {
        for (size_t p = 0; p < persons_.size(); ++p) by_surname[lower_surnames[p]].push_back(p);
      }
    }
    Person& person = persons_[found];
    if (m.name_words > 1 && (person.given.empty() || full.size() > person.name.size())) {
      person.name = full;
      person.given = given;
    }
    if (!m.title.empty()) {
      std::string title(analysis.view({m.span.start, m.title.end}));
      if (std::find(person.titles.begin(), person.titles.end(), title) == person.titles.end()) {
        person.titles.push_back(title);
      }
      if (person.gender == Gender::kUnknown) {
        person.gender = GenderOfTitle(AsciiLower(analysis.view(m.title)));
        if (person.gender != Gender::kUnknown) person.gender_basis = "title";
      }
    }
    m.person = found;
  }

  // A gender no title gave, from a given name that names one gender only
  // (rules/lexicons/given-names-*.txt leave out names both carry).
  for (Person& person : persons_) {
    if (person.gender != Gender::kUnknown || person.given.empty()) continue;
    const std::string given = AsciiLower(person.given);
    if (FemaleGivenNames().count(given)) {
      person.gender = Gender::kFemale;
    } else if (MaleGivenNames().count(given)) {
      person.gender = Gender::kMale;
    }
    if (person.gender != Gender::kUnknown) person.gender_basis = "given-name";
  }

  // Persons' names are final now: lower them once for Resolve(), which
  // otherwise lowered every person's name on every call.
  lower_names_.clear();
  lower_names_.reserve(persons_.size());
  for (size_t p = 0; p < persons_.size(); ++p) {
    const Person& person = persons_[p];
    lower_names_.push_back(
        {AsciiLower(person.name), std::move(lower_surnames[p]), AsciiLower(person.given)});
  }

  // The other mentions: surnames, given names, unique titles. `form`, a
  // name's words joined, is reused by this loop and the next.
  std::string form;
  for (NameMention& m : mentions_) {
    if (m.person != kNone) continue;
    if (m.name_words == 0) {
      std::string title = AsciiLower(analysis.view(m.title));
      size_t sp = title.rfind(' ');
      m.person = ResolveTitle(sp == std::string::npos ? title : title.substr(sp + 1));
      continue;
    }
    if (m.name_words > 2) continue;
    if (m.name_words == 1) {  // the word itself: no copy to make
      m.person = Resolve(name_word(m, 0), m.span.start);
      continue;
    }
    form.clear();
    for (int k = 0; k < m.name_words; ++k) {
      if (k > 0) form += ' ';
      form += name_word(m, k);
    }
    m.person = Resolve(form, m.span.start);
  }
  for (size_t mi = 0; mi < mentions_.size(); ++mi) {
    const NameMention& m = mentions_[mi];
    if (m.person == kNone) continue;
    Person& person = persons_[m.person];
    if (m.span.start < persons_[m.person].introduced_at && !m.introduces) {
      // Mentioned before the introduction: still the person's first mention.
      person.first_mention = std::min(person.first_mention, mi);
    }
    if (m.name_words > 0) {
      form.clear();  // reused: no allocation per mention
      for (int k = 0; k < m.name_words; ++k) {
        if (k > 0) form += ' ';
        form += name_word(m, k);
      }
      if (form != person.name &&
          std::find(person.aliases.begin(), person.aliases.end(), form) == person.aliases.end()) {
        person.aliases.push_back(form);
      }
    }
  }

  // Roles.
  for (NameMention& m : mentions_) {
    const size_t s = m.sentence;
    const std::pair<size_t, size_t> range = analysis.SentenceTokenRange(s);
    const size_t base = range.first;
    const size_t end = range.second;
    auto lower_at = [&](size_t j) { return lower_of(tokens[j]); };
    auto set = [&](MentionRole role, std::string_view reason, bool subject = false) {
      m.role = role;
      m.reason = reason;
      m.subject = subject;
    };
    if (m.quoted) {
      set(MentionRole::kOther, "quoted");
      continue;
    }
    if (m.possessive) {
      set(MentionRole::kReference, "possessive");
      continue;
    }
    // The word before the mention, looking through possessives and
    // determiners ("with Kazakhstan's Tileuberdi", "with the minister").
    size_t prev = m.first_token;
    while (prev > base) {
      --prev;
      std::string_view v = text_of(tokens[prev]);
      if (!utf8::IsAllSpace(gap_of(prev, prev + 1))) {
        prev = static_cast<size_t>(-1);
        break;
      }
      if (HasPossessive(v) && tokens[prev].shape != TokenShape::kLower) continue;
      std::string_view lv = lower_of(tokens[prev]);
      if (Is(lv, "his") || Is(lv, "her") || Is(lv, "their") || Is(lv, "its") || Is(lv, "our")) {
        continue;
      }
      break;
    }
    if (prev == m.first_token) prev = static_cast<size_t>(-1);
    const bool has_prev = prev != static_cast<size_t>(-1) && prev >= base;
    const std::string_view prev_word = has_prev ? lower_at(prev) : std::string_view();
    const size_t next = m.end_token;
    const bool has_next = next < end && utf8::IsAllSpace(gap_of(next - 1, next));
    const std::string_view next_word = has_next ? lower_at(next) : std::string_view();

    if (has_prev && m.first_token == prev + 1) {
      std::optional<ReportingVerb> verb = FindReportingVerb(prev_word);
      if (verb && (verb->form == VerbForm::kPast || verb->form == VerbForm::kPresent) &&
          !Is(prev_word, "told") && !Is(prev_word, "tells") && !Is(prev_word, "asked") &&
          !Is(prev_word, "urged") && !Is(prev_word, "warned")) {
        set(MentionRole::kParticipant, "inverted-cue", /*subject=*/true);
        continue;
      }
    }
    if (has_prev && (Is(prev_word, "the") || Is(prev_word, "a") || Is(prev_word, "an"))) {
      if (has_next && tokens[next].shape == TokenShape::kLower) {
        set(MentionRole::kReference, "modifier");
      } else {
        set(MentionRole::kOther, "determiner");
      }
      continue;
    }
    if (has_next && tokens[next].shape == TokenShape::kLower && reference_heads.count(next_word)) {
      set(MentionRole::kReference, "modifier");
      continue;
    }
    if (has_prev) {
      if (Is(prev_word, "with")) {
        set(MentionRole::kParticipant, "with");
        continue;
      }
      if (event_object_verbs.count(prev_word)) {
        set(MentionRole::kParticipant, "object");
        continue;
      }
      if (Is(prev_word, "to")) {
        bool presence = prev > base && to_presence_verbs.count(lower_at(prev - 1));
        set(presence ? MentionRole::kParticipant : MentionRole::kReference,
            presence ? "spoke-to" : "to");
        continue;
      }
      if (reference_prepositions.count(prev_word)) {
        set(MentionRole::kReference, "preposition");
        continue;
      }
    }
    // Subject: a verb after the name, through adverbs, auxiliaries and a
    // comma-bracketed apposition ("Blinken, meanwhile, said").
    size_t k = next;
    if (k < end) {
      std::string_view g = gap_of(k - 1, k);
      if (g.find(',') != std::string_view::npos) {
        bool closed = false;
        size_t c = k;
        for (; c + 1 < end && c < k + 15; ++c) {
          std::string_view inner = gap_of(c, c + 1);
          if (inner.find(',') != std::string_view::npos) {
            closed = inner.size() <= 3;
            break;
          }
          if (!utf8::IsAllSpace(inner) && !Is(inner, "-")) break;
        }
        k = closed ? c + 1 : end;
      } else if (!utf8::IsAllSpace(g)) {
        k = end;
      }
    }
    while (k < end && subject_gap_words.count(lower_at(k))) ++k;
    while (k < end && tokens[k].shape == TokenShape::kLower && EndsWith(lower_at(k), "ly") &&
           lower_at(k).size() > 4) {
      ++k;
    }
    if (k < end && tokens[k].shape == TokenShape::kLower) {
      std::string_view w = lower_at(k);
      if (IsActionVerb(w) || (w.size() > 4 && EndsWith(w, "ed"))) {
        set(MentionRole::kParticipant, "subject", /*subject=*/true);
        continue;
      }
    }
    // Coordinated with the mention before it: "talks with X and then Y".
    if (has_prev && (Is(prev_word, "and") || Is(prev_word, "then") || Is(prev_word, "or"))) {
      size_t q = prev;
      while (q > base &&
             (Is(lower_at(q), "and") || Is(lower_at(q), "then") || Is(lower_at(q), "or"))) {
        --q;
      }
      // The mention ending at token q + 1 comes before m (mentions ascend
      // and do not overlap): walk back from m, not from the last mention.
      for (size_t k = static_cast<size_t>(&m - mentions_.data()); k-- > 0;) {
        const NameMention* it = &mentions_[k];
        if (it->end_token < q + 1) break;
        if (it->end_token == q + 1 && it->sentence == s && !it->possessive &&
            it->role != MentionRole::kOther && !it->subject) {
          set(it->role, it->reason);
          break;
        }
      }
      if (m.role != MentionRole::kOther) continue;
    }
    set(MentionRole::kOther, "");
  }

  for (const NameMention& m : mentions_) {
    if (m.person == kNone) continue;
    Person& person = persons_[m.person];
    switch (m.role) {
      case MentionRole::kParticipant:
        ++person.participant;
        if (m.subject) ++person.subject;
        break;
      case MentionRole::kReference:
        ++person.reference;
        break;
      case MentionRole::kOther:
        ++person.other;
        break;
    }
  }

  // Where capitalised words are used as names.
  for (const NameMention& m : mentions_) {
    if (m.name_words == 0) continue;
    bool run = m.name_words >= 2 || !m.title.empty() || m.person != kNone ||
               title_case_[m.paragraph];
    if (!run) {
      // A single capitalised word counts where a capital is not owed to the
      // start of a sentence, a quotation, a colon or a dash.
      const bool initial = SentenceInitial(m.name_token, m.sentence);
      run = !initial;
    }
    if (!run) continue;
    for (size_t k = m.name_token; k < m.end_token; ++k) {
      const std::string_view w = StripPossessiveInline(text_of(tokens[k]));
      name_uses_.push_back({tokens[k].span.start, w.size()});  // w: a prefix of the token
    }
  }
  // Many uses: sorted by word, for UsedAsNameOutside to search rather than
  // scan (a scan per call would make an article of many cues and many
  // names quadratic).
  if (name_uses_.size() > kNameUseScanLimit) SortNameUses();
}

// Out of line: rare, and inlined into Build it cost Build more than it does.
[[gnu::noinline]] void People::SortNameUses() {
  std::sort(name_uses_.begin(), name_uses_.end(), NameUseOrder{text_});
}

const NameMention* People::MentionAt(size_t offset) const {
  auto it = std::upper_bound(mentions_.begin(), mentions_.end(), offset,
                             [](size_t o, const NameMention& m) { return o < m.span.start; });
  while (it != mentions_.begin()) {
    --it;
    if (offset >= it->name.start && offset < it->name.end) return &*it;
    if (offset >= it->span.end) break;
  }
  return nullptr;
}

const NameMention* People::MentionIn(Span span) const {
  // Mentions are found left to right and never overlap, so both their starts
  // and their ends ascend: the last mention starting before span.end is the
  // only candidate. (A linear scan here made long articles quadratic: it is
  // asked once per token.)
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), span.end,
                             [](const NameMention& m, size_t end) { return m.span.start < end; });
  if (it == mentions_.begin()) return nullptr;
  --it;
  return it->span.end > span.start ? &*it : nullptr;
}

size_t People::Resolve(std::string_view name, size_t offset) const {
  // `bare` is compared with the lower-case names as AsciiLower(bare) would
  // be (same size, every byte equal once A-Z is lowered), without copying
  // and lowering it per call: Resolve runs per mention.
  const std::string_view bare = StripPossessive(name);
  if (bare.empty()) return kNone;
  auto is_lower_of_bare = [bare](const std::string& lower) {
    if (lower.size() != bare.size()) return false;
    for (size_t i = 0; i < bare.size(); ++i) {
      const char c = bare[i];
      if (lower[i] != (IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c)) return false;
    }
    return true;
  };
  // Whether person p's full name or surname is AsciiLower(bare). The matches
  // are counted, not collected: Resolve runs per mention, and a vector of
  // them cost an allocation per call.
  auto named = [&](size_t p) {
    return is_lower_of_bare(lower_names_[p].name) || is_lower_of_bare(lower_names_[p].surname);
  };
  size_t first = kNone;
  size_t count = 0;
  for (size_t p = 0; p < persons_.size(); ++p) {
    if (named(p)) {
      if (first == kNone) first = p;
      ++count;
    }
  }
  if (count == 0) {
    // A unique given name ("Antony" for "Antony Blinken").
    size_t only = kNone;
    for (size_t p = 0; p < persons_.size(); ++p) {
      if (!persons_[p].given.empty() && is_lower_of_bare(lower_names_[p].given)) {
        if (only != kNone) return kNone;
        only = p;
      }
    }
    return only;
  }
  if (count == 1) return first;
  // Several persons with the surname: the one mentioned last before offset.
  // Mentions ascend by start: walk back from the last one before offset.
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), offset,
                             [](const NameMention& m, size_t at) { return m.span.start < at; });
  while (it != mentions_.begin()) {
    --it;
    if (it->person != kNone && named(it->person)) return it->person;
  }
  return first;
}

size_t People::ResolveTitle(std::string_view word) const {
  std::string w = AsciiLower(word);
  if (w.empty()) return kNone;
  size_t only = kNone;
  for (size_t p = 0; p < persons_.size(); ++p) {
    for (const std::string& title : persons_[p].titles) {
      std::string t = AsciiLower(title);
      size_t sp = t.rfind(' ');
      std::string last = sp == std::string::npos ? t : t.substr(sp + 1);
      if (DropDots(last) == DropDots(w)) {
        if (only != kNone && only != p) return kNone;
        only = p;
      }
    }
  }
  return only;
}

bool People::UsedAsNameOutside(std::string_view word, Span except) const {
  const std::string_view w = StripPossessive(word);
  // Any use of the word outside `except`, as a lookup of the word's offsets
  // and a scan of them would find: a scan of all uses when they are few,
  // else of the word's own (Build sorted them by word).
  std::span<const NameUse> uses(name_uses_);
  if (name_uses_.size() > kNameUseScanLimit) {
    const auto [lo, hi] =
        std::equal_range(name_uses_.begin(), name_uses_.end(), w, NameUseOrder{text_});
    uses = std::span<const NameUse>(lo, hi);
  }
  for (const NameUse& use : uses) {
    if ((use.at < except.start || use.at >= except.end) && text_.substr(use.at, use.size) == w) {
      return true;
    }
  }
  // The title field: a capitalised word there is a name unless it opens it.
  std::string_view title = article_title_;
  for (size_t pos = title.find(w); pos != std::string_view::npos; pos = title.find(w, pos + 1)) {
    bool left = pos == 0 || !utf8::IsLetter(utf8::DecodeBefore(title, pos).value);
    size_t e = pos + w.size();
    bool right = e >= title.size() || !utf8::IsLetter(utf8::DecodeAt(title, e).value);
    if (left && right && pos > 0) return true;
  }
  return false;
}

size_t People::MainParticipant() const {
  size_t best = kNone;
  for (size_t p = 0; p < persons_.size(); ++p) {
    const Person& person = persons_[p];
    if (person.participant == 0) continue;
    if (best == kNone || person.participant > persons_[best].participant ||
        (person.participant == persons_[best].participant &&
         person.subject > persons_[best].subject)) {
      best = p;
    }
  }
  return best;
}

}  // namespace newslint
