// garbled/spelling: a sentence dense with lower-case words Hunspell does not
// know ("the goverment anounced a nolonger teh plan"), the trace of spinning,
// machine translation, OCR or text glued together without its spaces.
//
// One typo is not garbling: the rule fires on a density (unknown words per
// candidate word, with a minimum count) or on a run of unknown words in a
// row. Candidates are lower-case ASCII words of three letters or more, so
// names, acronyms, numbers, codes and foreign words with accents never count;
// URLs, handles, hashtags, markup, units, contractions, quotes in another
// language and non-English articles are left out before counting.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/byte_set.h"
#include "lint/dictionary.h"
#include "lint/flat_hash.h"
#include "lint/quotations.h"
#include "lint/utf8.h"
#include "rules/garbled/spelling_shape.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/spelling",
    Severity::kWarning,
    "A sentence dense with lower-case words the English dictionary does not know, the trace of "
    "spinning, machine translation or a broken encoding.",
    {
        {"min-ratio", "float", "0.3",
         "Share of a sentence's checked words that must be unknown for the density signal."},
        {"min-unknown", "int", "3",
         "Distinct unknown words a sentence needs for the density signal."},
        {"min-run", "int", "3",
         "Distinct unknown words in a row that fire the run signal on their own."},
        {"min-misspelt", "int", "2",
         "Of the unknown words, how many must look like misspelt English (one letter away "
         "from a known word, or two known words run together) for either signal to count."},
        {"min-english-share", "float", "0.08",
         "Share of an article's words that must be English function words (the, of, and, "
         "that, ...) for the article to be checked at all."},
        {"words", "list", "[]", "More words to count as known (compared in lower case)."},
        {"word-files", "list", "[]",
         "Files of more known words, one a line, \"#\" starts a comment; a relative path is "
         "taken from the current directory."},
        {"dictionary", "string", "\"/usr/share/hunspell/en_US\"",
         "The Hunspell dictionary, as a path without \".aff\" and \".dic\"."},
    }};

// Known words, looked up by string_view per word; never iterated.
using WordSet = StringSet;

// English function words that are not also common words of the other
// languages news comes in ("in", "a", "die", "was", "will", "is", "so",
// "but", "over", "to" are left out: German, Dutch, French, Italian, Polish
// use them). Used for the language gate, per article and per sentence.
constexpr std::string_view kEnglishFunctionWords[] = {
    "the",   "of",    "and",   "that",    "for",   "with",  "from",  "this",  "these",
    "those", "by",    "are",   "were",    "has",   "have",  "had",   "been",  "being",
    "would", "should", "could", "their",  "which", "who",   "whose", "its",   "it",
    "she",   "they",  "them",  "we",      "our",   "you",   "your",  "not",   "at",
    "as",    "be",    "said",  "says",    "after", "about", "than",  "into",  "when",
    "there", "what",  "can",   "his",     "does",  "did",   "how",   "why",   "where",
    "while", "because", "also"};

// A word of up to eight ASCII letters packed into an integer, lower-cased:
// the gate asks about every word of an article, and comparing integers is
// several times cheaper than hashing strings.
constexpr uint64_t PackLower(std::string_view w) {
  uint64_t v = 0;
  for (char c : w) {
    v = v << 8 | static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  }
  return v;
}

// kEnglishFunctionWords packed, in an open-addressed table of kSlots keys
// (0 marks an empty slot: a packed word of two letters or more is never 0).
// The gate asks about up to 400 words of every article and one or more of
// every sentence; a multiplicative hash finds most words in one probe where
// a binary search over the sorted keys took six unpredictable branches.
class FunctionWordTable {
 public:
  constexpr FunctionWordTable() {
    for (std::string_view w : kEnglishFunctionWords) {
      const uint64_t key = PackLower(w);
      size_t i = Slot(key);
      while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) % kSlots;
      slots_[i] = key;
    }
  }
  constexpr bool Contains(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) % kSlots) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static constexpr size_t kSlots = 256;  // over four times the words: short probe runs
  static constexpr size_t Slot(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 56);  // the top 8 bits
  }
  uint64_t slots_[kSlots] = {};
};

constexpr FunctionWordTable kFunctionWordTable;
static_assert(kFunctionWordTable.Contains(PackLower("because")) &&
              !kFunctionWordTable.Contains(PackLower("becaus")));

// Stems of chemical and drug names, which news writes in lower case and no
// general dictionary lists in full ("perfluorooctanoic", "semaglutide").
constexpr std::string_view kChemicalStems[] = {
    "methyl", "ethyl", "propyl", "butyl", "phenyl", "benz",  "chlor", "fluor", "brom",
    "sulf",   "sulph", "phosph", "nitro", "hydrox", "amino", "amine", "amide", "oxide",
    "carbox", "acet",  "glyc",   "cyclo", "ketone", "toxin", "dioxin"};
constexpr std::string_view kDrugEndings[] = {
    "mab",   "tide",   "vir",     "tinib",  "pril",  "sartan", "olol",    "statin", "prazole",
    "mycin", "cillin", "floxacin", "azole", "dronate", "gliflozin", "parin", "caine",
    "semide", "azepam", "profen", "tadine", "triptan", "setron", "lukast", "glitazone"};

bool IsChemicalOrDrugName(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view stem : kChemicalStems) {
    if (w.find(stem) != std::string_view::npos) return true;
  }
  for (std::string_view end : kDrugEndings) {
    if (w.ends_with(end)) return true;
  }
  return false;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// The bytes next to which a word can be part of a URL, an address, a
// handle, a hashtag, a file name or markup (see Judge): a table, asked for
// both neighbours of every candidate word, where a find() in the string
// was a memchr call each.
constexpr ByteSet kMachineBytes("./@#_=:&\\~^|*<>{}?%+");

// Bytes that mark a non-space chunk as machine text (see InMachineChunk).
constexpr ByteSet kChunkMarkBytes("@#/\\_=<>{}|~^&*");

bool IsSpaceAt(std::string_view s, size_t i) { return utf8::SpaceLengthAt(s, i) > 0; }

// The run of non-space bytes around [start, end) in `text` looks like a
// URL, an e-mail address, a handle, a hashtag, a file or domain name, or
// markup ("https://x.org/a-b", "@ap_news", "#breaking", "photo.jpg",
// "&nbsp;", "align=left").
bool InMachineChunk(std::string_view text, size_t start, size_t end) {
  size_t b = start;
  while (b > 0) {
    const size_t n = utf8::SpaceLengthBefore(text, b);
    if (n > 0) break;
    --b;
  }
  size_t e = end;
  while (e < text.size() && !IsSpaceAt(text, e)) ++e;
  const std::string_view chunk = text.substr(b, e - b);
  if (chunk.find("://") != std::string_view::npos) return true;
  // A table, where find_first_of() called memchr over the set for each byte.
  if (kChunkMarkBytes.FindIn(chunk) != std::string_view::npos) return true;
  for (size_t i = 1; i + 1 < chunk.size(); ++i) {
    const char before = chunk[i - 1], after = chunk[i + 1];
    const bool letter_before = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z');
    const bool alnum_after = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                             (after >= '0' && after <= '9');
    if (chunk[i] == '.' && letter_before && alnum_after) return true;  // "example.com"
  }
  return false;
}

class SpellingRule : public Rule {
 public:
  SpellingRule() {
    for (std::string_view w : LexiconEntries("spelling-known-words")) builtin_.emplace(Lower(w));
  }

  const RuleInfo& info() const override { return kInfo; }
  std::vector<std::string> dictionaries(const RuleOptions& options) const override {
    return {options.GetString("dictionary", Dictionary::kDefaultBase)};
  }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    Dictionary* dict =
        Dictionary::ForThread(options.GetStringView("dictionary", Dictionary::kDefaultBase));
    if (dict == nullptr) return;  // ForThread told the user once
    const double min_english = options.GetDouble("min-english-share", 0.08);
    if (!IsEnglishArticle(analysis, min_english)) return;
    const WordSet& user = UserWords(options);
    const Thresholds th{options.GetDouble("min-ratio", 0.3),
                        static_cast<size_t>(std::max<int64_t>(1, options.GetInt("min-unknown", 3))),
                        static_cast<size_t>(std::max<int64_t>(1, options.GetInt("min-run", 3))),
                        static_cast<size_t>(std::max<int64_t>(0, options.GetInt("min-misspelt", 2)))};

    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
    std::vector<Verdict> verdicts;
    // A paragraph's quotations are looked through for each of its sentences
    // with unknown words; for a paragraph of many (a transcript on one
    // line), each paragraph's outermost quotations, made on the first
    // sentence that needs them: a sentence looked through every quotation
    // of the article, which a one-line transcript of thousands made quadratic. They do not
    // overlap, so they come with rising ends as well as starts, and those
    // that reach past a sentence's start are found by a binary search (when
    // the ends do rise; else from the paragraph's first).
    std::vector<std::vector<const Quotation*>> outer;
    std::vector<int8_t> ends_rise;
    const std::vector<Sentence>& sentences = analysis.sentences();
    for (size_t si = 0; si < sentences.size(); ++si) {
      const Sentence& s = sentences[si];
      const std::span<const Token> toks = analysis.SentenceTokens(si);
      if (toks.size() < std::min(th.min_unknown, th.min_run)) continue;
      if (!HasEnglishFunctionWord(analysis, toks)) continue;  // a sentence in another language
      const Span para = paragraphs[s.paragraph].span;
      size_t unknown = 0;
      verdicts.assign(toks.size(), Verdict::kSkipped);
      for (size_t i = 0; i < toks.size(); ++i) {
        verdicts[i] = Judge(analysis, para, toks, i, *dict, user);
        if (verdicts[i] == Verdict::kUnknown) ++unknown;
      }
      if (unknown < std::min(th.min_unknown, th.min_run)) continue;  // neither signal can fire
      // Words quoted in another language do not count: «Nous ne céderons pas».
      // Outermost quotations only: a quote nested in a quote belongs to it.
      const Quotations& quotes = analysis.Shared<Quotations>();
      auto skip_if_foreign = [&](const Quotation& q) {
        if (q.content.end <= s.span.start || q.content.start >= s.span.end) return;
        if (!IsForeignQuote(analysis, q.content)) return;
        for (size_t i = 0; i < toks.size(); ++i) {
          if (toks[i].span.start >= q.content.start && toks[i].span.end <= q.content.end) {
            verdicts[i] = Verdict::kSkipped;
          }
        }
      };
      if (quotes.In(s.paragraph).size() < kManyQuotations) {
        for (const Quotation& q : quotes.In(s.paragraph)) {
          if (q.level == 0 && q.paragraph == s.paragraph) skip_if_foreign(q);
        }
      } else {
        if (outer.empty()) {
          outer.resize(paragraphs.size());
          ends_rise.assign(paragraphs.size(), 1);
          for (const Quotation& q : quotes.quotations()) {
            if (q.level > 0 || q.paragraph >= paragraphs.size()) continue;
            std::vector<const Quotation*>& list = outer[q.paragraph];
            if (!list.empty() && list.back()->content.end > q.content.end) ends_rise[q.paragraph] = 0;
            list.push_back(&q);
          }
        }
        const std::vector<const Quotation*>& candidates = outer[s.paragraph];
        auto from = candidates.begin();
        if (ends_rise[s.paragraph]) {
          from = std::partition_point(candidates.begin(), candidates.end(),
                                      [&](const Quotation* q) { return q->content.end <= s.span.start; });
        }
        for (auto it = from; it != candidates.end(); ++it) {
          // Quotations come in order of their start: this one and all after
          // it start past the sentence.
          if (ends_rise[s.paragraph] && (*it)->content.start >= s.span.end) break;
          skip_if_foreign(**it);
        }
      }
      Measure(analysis, s, toks, verdicts, th, *dict, sink);
    }
  }

 private:
  enum class Verdict { kSkipped, kKnown, kUnknown };
  struct Thresholds {
    double min_ratio;
    size_t min_unknown;
    size_t min_run;
    size_t min_misspelt;
  };

  // Whether `t` is one of kEnglishFunctionWords, in any case ("The").
  static bool IsEnglishFunctionWord(Analysis& analysis, const Token& t) {
    if (t.shape != TokenShape::kLower && t.shape != TokenShape::kCapitalized) return false;
    const std::string_view w = analysis.view(t.span);
    if (w.size() < 2 || w.size() > 7) return false;
    return kFunctionWordTable.Contains(PackLower(w));
  }

  // Whether at least `min_share` of the article's words are English
  // function words, judged on its first kGateWords words: enough to tell
  // the language, and the cost stays flat on long articles. Stops as soon as
  // the answer is certain.
  static bool IsEnglishArticle(Analysis& analysis, double min_share) {
    constexpr size_t kGateWords = 400;
    const double needed = min_share * kGateWords;
    size_t words = 0, english = 0;
    for (const Token& t : analysis.tokens()) {
      if (t.shape == TokenShape::kNumber) continue;
      ++words;
      if (IsEnglishFunctionWord(analysis, t) && static_cast<double>(++english) >= needed) {
        return true;
      }
      if (words == kGateWords) break;
    }
    return words > 0 && static_cast<double>(english) >= min_share * static_cast<double>(words);
  }

  static bool HasEnglishFunctionWord(Analysis& analysis, std::span<const Token> toks) {
    for (const Token& t : toks) {
      if (IsEnglishFunctionWord(analysis, t)) return true;
    }
    return false;
  }

  // A quote with no English function word in it is in another language
  // (or a one-word scare quote, which is deliberate either way).
  static bool IsForeignQuote(Analysis& analysis, Span content) {
    return !HasEnglishFunctionWord(analysis, analysis.TokensIn(content));
  }

  // The user's words (`words`, `word-files`) for the options of this run,
  // read once per thread: options are fixed for a run, so the set is keyed
  // on their values and rebuilt only when they change (tests, benchmarks).
  static const WordSet& UserWords(const RuleOptions& options) {
    struct Cached {
      bool valid = false;
      std::vector<std::string> words, files;
      WordSet set;
    };
    thread_local Cached cached;
    std::vector<std::string> words = options.GetList("words");
    std::vector<std::string> files = options.GetList("word-files");
    if (cached.valid && words == cached.words && files == cached.files) return cached.set;
    cached.set.clear();
    for (const std::string& w : words) {
      std::string t = Trim(w);
      if (!t.empty()) cached.set.insert(Lower(t));
    }
    for (const std::string& path : files) {
      std::ifstream in(path);
      if (!in) {
        ReportUnreadable(path);
        continue;
      }
      std::string line;
      while (std::getline(in, line)) {
        std::string t = Trim(line);
        if (t.empty() || t[0] == '#') continue;
        cached.set.insert(Lower(t));
      }
    }
    cached.words = std::move(words);
    cached.files = std::move(files);
    cached.valid = true;
    return cached.set;
  }

  static void ReportUnreadable(const std::string& path) {
    static std::mutex mu;
    static std::set<std::string>* reported = new std::set<std::string>();
    std::lock_guard<std::mutex> lock(mu);
    if (!reported->insert(path).second) return;
    std::fprintf(stderr, "newslint: garbled/spelling: cannot read word file %s\n", path.c_str());
  }

  // In the built-in or the user's list, as written or as a plural.
  bool Listed(std::string_view w, const WordSet& user) const {
    auto in = [&](std::string_view x) { return builtin_.count(x) > 0 || user.count(x) > 0; };
    if (in(w)) return true;
    if (w.size() > 3 && w.ends_with('s') && in(w.substr(0, w.size() - 1))) return true;
    if (w.size() > 4 && w.ends_with("es") && in(w.substr(0, w.size() - 2))) return true;
    return false;
  }

  // The dictionary first: it answers almost every word from its cache.
  bool KnownWord(std::string_view w, Dictionary& dict, const WordSet& user) const {
    return dict.KnowsAnyEnglish(w) || Listed(w, user);
  }

  Verdict Judge(Analysis& analysis, Span para, std::span<const Token> toks, size_t i,
                Dictionary& dict, const WordSet& user) const {
    const Token& t = toks[i];
    // Capitalised words are names or sentence starts, capitals are acronyms.
    if (t.shape != TokenShape::kLower) return Verdict::kSkipped;
    const std::string_view w = analysis.view(t.span);
    // Short tokens are abbreviations and units ("km", "mg"); apostrophes,
    // dots, digits and non-ASCII letters mark contractions, possessives,
    // "e.g.", codes and foreign words.
    if (w.size() < 3) return Verdict::kSkipped;
    const CandidateShape shape = CandidateShapeOf(w);
    if (shape == CandidateShape::kNone) return Verdict::kSkipped;
    const std::string_view text = analysis.text().substr(0, para.end);
    // Only a word touching one of kMachineBytes can be part of a URL, an
    // address, a handle, a hashtag, a file name or markup; the others skip
    // the scan.
    // Of those, a word that ends a sentence ("rose.") is most; PlainWordChunk
    // tells it, and the others like it, from its neighbours without the scan
    // (it is true only where InMachineChunk is false).
    const bool touches = (t.span.start > para.start && kMachineBytes.Has(text[t.span.start - 1])) ||
                         (t.span.end < para.end && kMachineBytes.Has(text[t.span.end]));
    if (touches) {
      const std::string_view chunk_text = text.substr(para.start);
      const size_t start = t.span.start - para.start, end = t.span.end - para.start;
      if (!PlainWordChunk(chunk_text, start, end) && InMachineChunk(chunk_text, start, end)) {
        return Verdict::kSkipped;
      }
    }
    // A short word after a number is a unit: "40 kmh", "5 lakh", "3 tbsp".
    if (i > 0 && w.size() <= 5 &&
        (toks[i - 1].shape == TokenShape::kNumber || toks[i - 1].shape == TokenShape::kAlphanumeric)) {
      bool blank = true;
      for (size_t k = toks[i - 1].span.end; k < t.span.start; ++k) {
        blank = blank && (text[k] == ' ' || text[k] == '\t');
      }
      if (blank) return Verdict::kSkipped;
    }
    bool known;
    if (shape == CandidateShape::kPlain) {
      known = KnownWord(w, dict, user);
      if (!known && IsChemicalOrDrugName(w)) return Verdict::kSkipped;
      // A name written in lower case ("paris", "google", "monday") is a
      // style, not garbling: Hunspell knows it capitalised.
      if (!known) {
        // Capitalised in a buffer on the stack, not a std::string per miss
        // (a longer word, which Hunspell never knows, takes a string).
        char cap[128];
        if (w.size() <= sizeof(cap)) {
          std::copy(w.begin(), w.end(), cap);
          cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
          if (dict.Knows(std::string_view(cap, w.size()))) return Verdict::kSkipped;
        } else {
          std::string big(w);
          big[0] = static_cast<char>(big[0] - 'a' + 'A');
          if (dict.Knows(big)) return Verdict::kSkipped;
        }
      }
    } else {
      // A compound is known when Hunspell knows it whole or knows each part
      // ("long-term", "anti-war", "cyber-attack"); parts under three
      // letters ("e-mail", "co-founder") pass.
      known = dict.Knows(w) || Listed(w, user);
      if (!known) {
        known = true;
        for (size_t b = 0; b <= w.size();) {
          size_t e = w.find('-', b);
          if (e == std::string_view::npos) e = w.size();
          const std::string_view part = w.substr(b, e - b);
          if (part.size() >= 3 && !KnownWord(part, dict, user) && !IsChemicalOrDrugName(part)) {
            known = false;
          }
          b = e + 1;
        }
      }
    }
    return known ? Verdict::kKnown : Verdict::kUnknown;
  }

  static void Measure(Analysis& analysis, const Sentence& s, std::span<const Token> toks,
                      const std::vector<Verdict>& verdicts, const Thresholds& th,
                      Dictionary& dict, FindingSink& sink) {
    size_t candidates = 0, unknown = 0;
    std::vector<std::string> distinct;  // unknown words, first occurrence order
    size_t best_run = 0;
    std::vector<std::string> run;       // distinct words of the current run
    std::vector<std::string> best_run_words;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (verdicts[i] != Verdict::kUnknown) {
        run.clear();
        if (verdicts[i] == Verdict::kKnown) ++candidates;
        continue;
      }
      ++candidates;
      ++unknown;
      std::string w(analysis.view(toks[i].span));
      if (std::find(distinct.begin(), distinct.end(), w) == distinct.end()) distinct.push_back(w);
      // A word repeated inside a run ("yada yada yada") does not lengthen it.
      if (std::find(run.begin(), run.end(), w) == run.end()) run.push_back(w);
      if (run.size() > best_run) {
        best_run = run.size();
        best_run_words = run;
      }
    }
    if (candidates == 0) return;
    const double ratio = static_cast<double>(unknown) / static_cast<double>(candidates);
    const bool density = distinct.size() >= th.min_unknown && ratio >= th.min_ratio;
    const bool in_a_row = best_run >= th.min_run;
    if (!density && !in_a_row) return;
    // Loanwords, dish names and words of other languages are unknown too,
    // but they are not near an English word; garbling is ("teh", "nolonger").
    // Hyphenated words are judged by their parts (above), so they do not
    // count here.
    // The check costs hundreds of lookups for a new word, so a sentence of
    // junk with thousands of distinct unknown words is judged on its first
    // kMaxJudged of them.
    constexpr size_t kMaxJudged = 32;
    std::vector<std::string> misspelt;
    for (size_t k = 0; k < distinct.size() && k < kMaxJudged; ++k) {
      if (dict.LooksMisspelt(distinct[k])) misspelt.push_back(distinct[k]);
    }
    if (misspelt.size() < th.min_misspelt) return;

    std::vector<std::string> signals;
    if (density) signals.emplace_back("density");
    if (in_a_row) signals.emplace_back("run");
    const double rounded = static_cast<double>(static_cast<int64_t>(ratio * 100 + 0.5)) / 100;
    std::string message;
    if (density) {
      message = std::to_string(unknown) + " of " + std::to_string(candidates) +
                " words unknown to the dictionary";
      if (in_a_row) message += ", " + std::to_string(best_run) + " in a row";
    } else {
      message = std::to_string(best_run) + " words in a row unknown to the dictionary";
    }
    message += ": ";
    const std::vector<std::string>& shown = density ? distinct : best_run_words;
    for (size_t k = 0; k < shown.size() && k < 6; ++k) {
      if (k) message += ", ";
      message += "\"" + shown[k] + "\"";
    }
    if (shown.size() > 6) message += ", ...";
    // Evidence lists at most kMaxListed words; "unknown" counts them all.
    constexpr size_t kMaxListed = 20;
    const size_t distinct_count = distinct.size();
    if (distinct.size() > kMaxListed) distinct.resize(kMaxListed);
    if (misspelt.size() > kMaxListed) misspelt.resize(kMaxListed);
    Evidence evidence = {
        {"signals", signals},
        {"oov", distinct},
        {"unknown", static_cast<int64_t>(distinct_count)},
        {"oov_ratio", rounded},
        {"threshold", th.min_ratio},
        {"min_unknown", static_cast<int64_t>(th.min_unknown)},
        {"checked_words", static_cast<int64_t>(candidates)},
        {"run", static_cast<int64_t>(best_run)},
        {"run_threshold", static_cast<int64_t>(th.min_run)},
        {"misspelt", misspelt},
    };
    sink.Report(s.span, std::move(message), std::move(evidence));
  }

  WordSet builtin_;
};

}  // namespace

std::unique_ptr<Rule> MakeSpellingRule() { return std::make_unique<SpellingRule>(); }

}  // namespace newslint
