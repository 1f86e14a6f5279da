// garbled/mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1
// and encoded again ("â€™" for "’", "Ã©" for "é").

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/mojibake",
    Severity::kError,
    "UTF-8 text that was decoded as Windows-1252 or Latin-1 and encoded again, such as "
    "\"â€™\" for \"’\" or \"Ã©\" for \"é\".",
    {
        {"max-rounds", "int", "3",
         "How many times a repaired sequence is decoded again, to undo text that was garbled "
         "more than once (\"Ã¢â‚¬â„¢\" is \"’\" garbled twice)."},
    }};

// Code points of Windows-1252 bytes 0x80-0x9F; 0 where the byte is undefined.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

// The byte a code point came from when bytes were read as Windows-1252 (or as
// Latin-1, whose C1 controls U+0080-U+009F stand for themselves); -1 if none.
int Cp1252ByteOf(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == cp) return 0x80 + i;
  }
  return -1;
}

// Length of the well-formed UTF-8 sequence at b[0..n) and its code point; 0
// when the bytes are not one (overlongs and surrogates included).
size_t DecodeUtf8(const unsigned char* b, size_t n, uint32_t* cp) {
  if (n == 0) return 0;
  unsigned char c = b[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((b[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b[i] & 0x3F);
  }
  if (len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) return 0;
  if (len == 4 && (v < 0x10000 || v > 0x10FFFF)) return 0;
  *cp = v;
  return len;
}


bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  return true;
}

// Characters a garbled sequence plausibly stood for in the first place:
// Latin-1 and Latin Extended-A letters and symbols, Romanian comma-below
// letters, typographic punctuation and symbols, emoji, the byte-order mark.
// Anything else (Greek, Cyrillic, CJK, ...) can also be mojibake but is
// weaker evidence alone, because ordinary accented text sometimes spells it.
bool IsLikelyOriginal(uint32_t cp) {
  return (cp >= 0xA0 && cp <= 0x17F) || (cp >= 0x218 && cp <= 0x21B) ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFEFF ||
         cp == 0xFFFD;
}

// One non-ASCII character of the text that has a Windows-1252 byte.
struct RunChar {
  uint32_t cp;
  unsigned char byte;
  size_t start, end;  // in the text
};

// Undoes one round of garbling: reads `text` back as Windows-1252 bytes and
// decodes those as UTF-8. False when some character has no Windows-1252 byte,
// when the bytes are not valid UTF-8, or when nothing would change.
bool UndoOneRound(std::string_view text, std::string* out) {
  out->clear();
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  bool changed = false;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    size_t len = DecodeUtf8(b + i, text.size() - i, &cp);
    if (len == 0) return false;
    int byte = cp < 0x80 ? static_cast<int>(cp) : Cp1252ByteOf(cp);
    if (byte < 0) return false;
    out->push_back(static_cast<char>(byte));
    changed = changed || cp >= 0x80;
    i += len;
  }
  size_t bad = 0;
  return changed && IsValidUtf8(*out, &bad);
}

std::string Describe(std::string_view repaired) {
  if (repaired == "\u00a0") return "a no-break space";
  if (repaired == "\ufeff") return "a byte-order mark";
  if (repaired == "\u00ad") return "a soft hyphen";
  if (repaired == "\u200b") return "a zero-width space";
  return "\"" + std::string(repaired) + "\"";
}

struct Candidate {
  Span span;
  std::string garbled;
  std::string repaired;  // empty when unknown
  std::string encoding;
  int64_t rounds = 1;
  bool ambiguous = false;  // reported only when the article has unambiguous mojibake
  bool fixable = true;
  std::string note;
};

class MojibakeRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_rounds = std::max<int64_t>(1, options.GetInt("max-rounds", 3));
    std::string_view text = analysis.text();
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    std::vector<Candidate> candidates;
    std::vector<RunChar> run;
    bool any_clear_case = false;

    size_t i = 0;
    while (i < text.size()) {
      i = SkipAscii(text, i);
      if (i >= text.size()) break;
      run.clear();
      while (i < text.size()) {
        uint32_t cp;
        size_t len = DecodeUtf8(b + i, text.size() - i, &cp);
        if (len == 0 || cp < 0x80) break;
        int byte = Cp1252ByteOf(cp);
        if (byte < 0) break;
        run.push_back({cp, static_cast<unsigned char>(byte), i, i + len});
        i += len;
      }
      if (run.empty()) {  // a character with no Windows-1252 byte, or invalid UTF-8
        uint32_t cp;
        size_t len = DecodeUtf8(b + i, text.size() - i, &cp);
        i += len == 0 ? 1 : len;
        continue;
      }
      ExamineRun(text, run, max_rounds, &candidates);
    }

    // Ambiguous sequences are reported only with corroboration: unambiguous
    // mojibake elsewhere in the article, or the same lone "Â" seen twice.
    int lone_capital_a = 0;
    for (const Candidate& c : candidates) {
      any_clear_case = any_clear_case || !c.ambiguous;
      if (c.garbled == "\u00c2") ++lone_capital_a;
    }
    for (Candidate& c : candidates) {
      if (c.ambiguous && !any_clear_case && !(c.garbled == "\u00c2" && lone_capital_a >= 2)) {
        continue;
      }
      Report(std::move(c), sink);
    }
  }

 private:
  static size_t SkipAscii(std::string_view text, size_t i) {
    while (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    return i;
  }

  static uint32_t CodePointBefore(std::string_view text, size_t pos) {
    if (pos == 0) return ' ';
    size_t i = pos - 1;
    while (i > 0 && pos - i < 4 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    uint32_t cp = 0xFFFD;
    DecodeUtf8(reinterpret_cast<const unsigned char*>(text.data()) + i, pos - i, &cp);
    return cp;
  }

  static uint32_t CodePointAt(std::string_view text, size_t pos) {
    if (pos >= text.size()) return ' ';
    uint32_t cp = 0xFFFD;
    DecodeUtf8(reinterpret_cast<const unsigned char*>(text.data()) + pos, text.size() - pos, &cp);
    return cp;
  }

  // Splits a run of Windows-1252 characters into garbled sequences: stretches
  // whose bytes decode as multi-byte UTF-8.
  static void ExamineRun(std::string_view text, const std::vector<RunChar>& run,
                         int64_t max_rounds, std::vector<Candidate>* out) {
    std::string bytes;
    for (const RunChar& r : run) bytes.push_back(static_cast<char>(r.byte));
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());

    size_t k = 0;
    while (k < run.size()) {
      size_t first = k;
      int clear = 0, weak = 0;
      std::string decoded;
      while (k < run.size()) {
        uint32_t cp;
        size_t len = DecodeUtf8(b + k, run.size() - k, &cp);
        if (len < 2) break;
        if (IsAmbiguousWordEnd(text, run, k, len) || !IsLikelyOriginal(cp)) {
          ++weak;
        } else {
          ++clear;
        }
        utf8::Append(cp, &decoded);
        k += len;
      }
      if (k > first) {
        out->push_back(MakeCandidate(run, first, k, decoded, max_rounds, clear == 0 && weak < 2));
        continue;
      }
      if (IsLoneCapitalACircumflex(text, run, k)) {
        Candidate c;
        c.span = {run[k].start, run[k].end};
        c.garbled = "\u00c2";
        c.repaired = "";
        c.encoding = "UTF-8 read as Windows-1252";
        c.note = "a no-break space (C2 A0) whose second byte became a plain space";
        c.ambiguous = true;  // "the letters Â and Ê" is rare, but real
        out->push_back(std::move(c));
      } else if (IsTruncatedPunctuation(run, k)) {
        Candidate c;
        c.span = {run[k].start, run[k + 1].end};
        c.garbled = "\u00e2\u20ac";
        c.encoding = "UTF-8 read as Windows-1252";
        c.fixable = false;
        c.note = "a curly quote or dash (E2 80 xx) whose last byte was lost; most often \"\u201d\"";
        out->push_back(std::move(c));
        k += 2;
        continue;
      }
      ++k;
    }
  }

  // A letter that ends a word followed by closing punctuation, such as
  // Portuguese "IRMÃ" before "”": the pair happens to be valid UTF-8 (Ô).
  // A possessive "’s" after the pair still ends the word.
  static bool IsAmbiguousWordEnd(std::string_view text, const std::vector<RunChar>& run, size_t k,
                                 size_t len) {
    if (len != 2) return false;
    static constexpr unsigned char kClosing[] = {0x92, 0x94, 0x85, 0x96, 0x97, 0xBB, 0x9B, 0xA0};
    unsigned char second = run[k + 1].byte;
    if (std::memchr(kClosing, second, sizeof kClosing) == nullptr) return false;
    uint32_t before = k > 0 ? run[k - 1].cp : CodePointBefore(text, run[k].start);
    // The letter ends a word ("IRMÃ”"), or is a one-letter word ("the village
    // of Å’s harbour"); "Â" alone before "»" or "©" is mojibake, not a word.
    if (!IsLetter(before) && run[k].cp == 0xC2) return false;
    if (k + 2 < run.size()) return !IsLetter(run[k + 2].cp);
    size_t next = run[k + 1].end;
    uint32_t after = CodePointAt(text, next);
    if ((after == 's' || after == 'S') &&
        (second == 0x92 || second == 0xA0)) {  // possessive: "ÄÄ’s", "IRMÃ’S"
      after = CodePointAt(text, next + 1);
    }
    return !IsLetter(after);
  }

  // "Â" on its own before a space: a no-break space garbled to "Â\u00a0",
  // whose no-break space was later normalised to a plain space.
  static bool IsLoneCapitalACircumflex(std::string_view text, const std::vector<RunChar>& run,
                                       size_t k) {
    if (run[k].cp != 0xC2 || k + 1 != run.size()) return false;
    uint32_t before = k > 0 ? run[k - 1].cp : CodePointBefore(text, run[k].start);
    uint32_t after = CodePointAt(text, run[k].end);
    bool space_after = run[k].end >= text.size() || after == ' ' || after == '\t' ||
                       after == '\n' || after == '\r';
    return space_after && !IsLetter(before);
  }

  // "â€" ending a run: the first two bytes of U+2018-U+201D and friends.
  static bool IsTruncatedPunctuation(const std::vector<RunChar>& run, size_t k) {
    return run[k].byte == 0xE2 && k + 2 == run.size() && run[k + 1].byte == 0x80;
  }

  static Candidate MakeCandidate(const std::vector<RunChar>& run, size_t first, size_t last,
                                 const std::string& decoded, int64_t max_rounds, bool ambiguous) {
    Candidate c;
    c.span = {run[first].start, run[last - 1].end};
    bool c1_controls = false, cp1252_specials = false;
    for (size_t k = first; k < last; ++k) {
      utf8::Append(run[k].cp, &c.garbled);
      c1_controls = c1_controls || run[k].cp < 0xA0;
      cp1252_specials = cp1252_specials || run[k].cp > 0xFF;
    }
    c.repaired = decoded;
    std::string again;
    while (c.rounds < max_rounds && UndoOneRound(c.repaired, &again)) {
      c.repaired = again;
      ++c.rounds;
    }
    c.encoding = cp1252_specials && c1_controls ? "UTF-8 read as Windows-1252 and Latin-1"
                 : cp1252_specials              ? "UTF-8 read as Windows-1252"
                 : c1_controls                  ? "UTF-8 read as Latin-1 (ISO-8859-1)"
                                                : "UTF-8 read as Windows-1252 or Latin-1";
    if (c.rounds > 1) c.encoding += ", " + std::to_string(c.rounds) + " times";
    c.ambiguous = ambiguous;
    return c;
  }

  static void Report(Candidate c, FindingSink& sink) {
    std::string fix_text = c.repaired == "\ufeff" ? "" : c.repaired;
    std::string message = "mojibake \"" + c.garbled + "\": ";
    if (!c.fixable) {
      message += c.note;
    } else if (!c.note.empty()) {
      message += c.note + "; delete the \"\u00c2\"";
    } else {
      message += "should read " + Describe(c.repaired) + " (" + c.encoding + ")";
    }
    Evidence evidence = {{"sequence", c.garbled},
                         {"repaired", c.fixable ? c.repaired : std::string()},
                         {"encoding", c.encoding},
                         {"rounds", c.rounds}};
    if (c.ambiguous) {
      evidence.emplace_back("ambiguous", true);
      evidence.emplace_back("reason", std::string("not conclusive alone; reported because the "
                                                  "article has other mojibake"));
    }
    std::optional<Fix> fix;
    if (c.fixable) fix = Fix{c.span, fix_text};
    sink.Report(c.span, std::move(message), std::move(evidence), std::move(fix));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeMojibakeRule() { return std::make_unique<MojibakeRule>(); }

}  // namespace newslint
