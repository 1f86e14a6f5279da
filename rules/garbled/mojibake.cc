// garbled/mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1
// and encoded again ("â€™" for "’", "Ã©" for "é").

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/mojibake",
    Severity::kError,
    "Text garbled by a wrong character encoding: UTF-8 read as Windows-1252 or Latin-1 "
    "(\"â€™\" for \"’\", \"Ã©\" for \"é\"), or characters a conversion replaced by \"?\" "
    "or \"\ufffd\" (\"Kosovo?s\").",
    {
        {"max-rounds", "int", "3",
         "How many times a repaired sequence is decoded again, to undo text that was garbled "
         "more than once (\"Ã¢â‚¬â„¢\" is \"’\" garbled twice)."},
    }};

using utf8::Cp1252ByteOf;

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

// A character a conversion replaced by "?" or U+FFFD: text converted to
// ASCII or Latin-1 from a richer character set ("Kosovo?s", "JAKARTA (AFP) ?
// Indonesia", "?We will win?"), or bytes a decoder could not read ("caf\ufffd").
struct LostCharacter {
  Span span;
  std::string mark;     // "?" or "\ufffd"
  std::string kind;     // "apostrophe", "inside a word", "opening quote", "dash", ...
  std::string context;  // the word around it
  std::string likely;   // what it most likely stood for, for the message
  std::string fix;      // the repair when certain, else empty
  bool ambiguous = false;
};

// The white-space-delimited chunk of text around byte `pos`.
Span ChunkAround(std::string_view text, size_t pos) {
  size_t begin = pos, end = pos;
  while (begin > 0) {
    utf8::CodePoint before = utf8::DecodeBefore(text, begin);
    if (utf8::IsSpace(before.value)) break;
    begin -= before.length;
  }
  while (end < text.size()) {
    utf8::CodePoint at = utf8::DecodeAt(text, end);
    if (utf8::IsSpace(at.value)) break;
    end += at.length;
  }
  return {begin, end};
}

// URLs, query strings, e-mail addresses, code and templates put "?" inside
// words on purpose: "index.php?id=4", "/search?q=", "{{x?y}}".
bool LooksLikeCodeOrUrl(std::string_view chunk) {
  return chunk.find('/') != std::string_view::npos || chunk.find('=') != std::string_view::npos ||
         chunk.find('&') != std::string_view::npos || chunk.find('@') != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos ||
         chunk.find('{') != std::string_view::npos || chunk.find('_') != std::string_view::npos ||
         chunk.find('<') != std::string_view::npos;
}

// A whole word of `text` equal to `word` (case-sensitive), other than the
// occurrence at `skip`.
bool HasWordElsewhere(std::string_view text, std::string_view word, size_t skip) {
  if (word.size() < 2) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    if (at == skip) continue;
    size_t end = at + word.size();
    bool left = at == 0 || !utf8::IsLetter(utf8::DecodeBefore(text, at).value);
    bool right = end >= text.size() || !utf8::IsLetter(utf8::DecodeAt(text, end).value);
    // "Kosovo?s" elsewhere counts as the stem too: its "?" is not a letter.
    if (left && right) return true;
  }
  return false;
}

// Endings after an apostrophe: "don?t", "we?re", "I?m", "she?ll", "they?ve",
// "he?d", "Kosovo?s".
std::string_view ContractionAfter(std::string_view text, size_t pos) {
  for (std::string_view tail : {"t", "re", "ll", "ve", "m", "d", "s"}) {
    if (text.compare(pos, tail.size(), tail) != 0) continue;
    size_t end = pos + tail.size();
    if (end < text.size() && utf8::IsLetter(utf8::DecodeAt(text, end).value)) continue;
    return tail;
  }
  return {};
}

std::vector<LostCharacter> FindLostCharacters(std::string_view text) {
  std::vector<LostCharacter> found;
  // Straight apostrophes between letters elsewhere in the article decide
  // which apostrophe a repair writes: the article's own style.
  bool straight_style = false;
  for (size_t at = text.find('\''); at != std::string_view::npos; at = text.find('\'', at + 1)) {
    if (at > 0 && at + 1 < text.size() && utf8::IsLetter(utf8::DecodeBefore(text, at).value) &&
        utf8::IsLetter(utf8::DecodeAt(text, at + 1).value)) {
      straight_style = true;
      break;
    }
  }
  const std::string apostrophe = straight_style ? "'" : "\u2019";
  bool any_clear = false;

  auto examine = [&](size_t pos, size_t len) {
    LostCharacter lost;
    lost.span = {pos, pos + len};
    lost.mark = std::string(text.substr(pos, len));
    const bool question = len == 1;
    Span chunk = ChunkAround(text, pos);
    std::string_view chunk_text = text.substr(chunk.start, chunk.end - chunk.start);
    if (LooksLikeCodeOrUrl(chunk_text)) return;
    lost.context = std::string(chunk_text);
    if (chunk.end - chunk.start == len) {  // on its own: show the words either side
      Span left = chunk.start > 1 ? ChunkAround(text, chunk.start - 2) : chunk;
      Span right = chunk.end + 1 < text.size() ? ChunkAround(text, chunk.end + 1) : chunk;
      if (text.substr(left.start, chunk.start - left.start).find('\n') != std::string_view::npos)
        left = chunk;
      if (text.substr(chunk.end, right.end - chunk.end).find('\n') != std::string_view::npos)
        right = chunk;
      lost.context = std::string(text.substr(left.start, right.end - left.start));
    }
    const char32_t before = pos > 0 ? utf8::DecodeBefore(text, pos).value : U' ';
    const char32_t after = pos + len < text.size() ? utf8::DecodeAt(text, pos + len).value : U' ';
    const bool letter_before = utf8::IsLetter(before);
    const bool letter_after = utf8::IsLetter(after);
    if (letter_before && letter_after) {
      std::string_view tail = ContractionAfter(text, pos + len);
      size_t stem_begin = chunk.start;
      while (stem_begin < pos && !utf8::IsLetter(utf8::DecodeAt(text, stem_begin).value)) {
        stem_begin += utf8::DecodeAt(text, stem_begin).length;
      }
      std::string_view stem = text.substr(stem_begin, pos - stem_begin);
      static const std::set<std::string_view> kPronouns = {
          "I", "i", "he", "she", "we", "you", "they", "He", "She", "We", "You", "They"};
      const bool contraction =
          (tail == "t" && !stem.empty() && (stem.back() == 'n' || stem.back() == 'N')) ||
          tail == "re" || tail == "ll" || tail == "ve" ||
          ((tail == "m" || tail == "d") && kPronouns.count(stem) > 0);
      lost.kind = "inside a word";
      lost.likely = "an accented letter, an apostrophe or a dash";
      if (contraction) {
        lost.kind = "apostrophe";
        lost.likely = "an apostrophe";
        if (question) lost.fix = apostrophe;
      } else if (tail == "s") {
        // "Kosovo?s" is a possessive when "Kosovo" stands alone elsewhere;
        // "Andr?s" is "Andrés", so without that the repair is a guess.
        lost.kind = "apostrophe or letter";
        lost.likely = "an apostrophe or an accented letter";
        if (HasWordElsewhere(text, stem, stem_begin)) {
          lost.kind = "apostrophe";
          lost.likely = "an apostrophe";
          if (question) lost.fix = apostrophe;
        }
      }
    } else if (!question) {
      // U+FFFD anywhere is a lost character: no text is written with it.
      lost.kind = letter_before || letter_after ? "inside or next to a word" : "on its own";
    } else if (!letter_before && letter_after &&
               (utf8::IsSpace(before) || pos == 0 || before == '(' || before == '\n')) {
      // "?We will win?": an opening quote. No English or French text puts a
      // question mark straight before a word.
      lost.kind = "opening quote";
      lost.likely = "an opening quotation mark";
    } else if (question && before == ',' && (utf8::IsSpace(after) || pos + 1 == text.size())) {
      // "we will win,? he said": a comma is never followed by "?".
      lost.kind = "closing quote";
      lost.likely = "a closing quotation mark";
    } else if (question && letter_before && after == ' ' && pos + 2 < text.size() &&
               utf8::CaseOf(utf8::DecodeAt(text, pos + 2).value) == utf8::LetterCase::kLower) {
      // "the Philippines? coast": a lost plural possessive or closing quote,
      // but informal questions run on in lower case too ("why? because").
      lost.kind = "apostrophe or closing quote";
      lost.likely = "an apostrophe or a closing quotation mark";
      lost.ambiguous = true;
    } else if (utf8::IsSpace(before) && utf8::IsSpace(after) && pos > 0) {
      // "(AFP) ? Indonesia", "2019 ? 2020": a dash. French puts a space
      // before "?", so alone this is not conclusive.
      lost.kind = "dash";
      lost.likely = "a dash";
      lost.ambiguous = true;
    } else {
      return;
    }
    any_clear = any_clear || !lost.ambiguous;
    found.push_back(std::move(lost));
  };

  for (size_t at = text.find('?'); at != std::string_view::npos; at = text.find('?', at + 1)) {
    examine(at, 1);
  }
  for (size_t at = text.find("\ufffd"); at != std::string_view::npos;
       at = text.find("\ufffd", at + 3)) {
    examine(at, 3);
  }
  std::sort(found.begin(), found.end(), [](const LostCharacter& a, const LostCharacter& b) {
    return a.span.start < b.span.start;
  });
  if (!any_clear) found.clear();  // only ambiguous ones: not conclusive
  return found;
}

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
    for (LostCharacter& lost : FindLostCharacters(text)) ReportLost(std::move(lost), sink);
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
  static void ExamineRun(std::string_view text, const std::vector<RunChar>& run, int64_t max_rounds,
                         std::vector<Candidate>* out) {
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
      } else if (run[k].cp >= 0x80 && run[k].cp <= 0x9F && utf8::Cp1252HighCharacter(static_cast<unsigned char>(run[k].cp)) != 0) {
        // A C1 control on its own: a Windows-1252 byte (0x92 for "’") that
        // was read as Latin-1, whose 0x80-0x9F are control characters.
        Candidate c;
        c.span = {run[k].start, run[k].end};
        utf8::Append(run[k].cp, &c.garbled);
        utf8::Append(utf8::Cp1252HighCharacter(static_cast<unsigned char>(run[k].cp)), &c.repaired);
        c.encoding = "Windows-1252 read as Latin-1 (ISO-8859-1)";
        out->push_back(std::move(c));
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

  static void ReportLost(LostCharacter lost, FindingSink& sink) {
    std::string message = "\"" + lost.mark + "\" in \"" + lost.context +
                          "\": a character lost in an encoding conversion";
    if (!lost.likely.empty()) message += "; it stood for " + lost.likely;
    Evidence evidence = {
        {"sequence", lost.mark},
        {"kind", lost.kind},
        {"context", lost.context},
        {"encoding", std::string(lost.mark == "?" ? "text converted to a character set "
                                                    "without the character; \"?\" put in its place"
                                                  : "bytes that were not valid in the "
                                                    "encoding used to read them, replaced by "
                                                    "U+FFFD")}};
    if (lost.ambiguous) {
      evidence.emplace_back("ambiguous", true);
      evidence.emplace_back("reason", std::string("not conclusive alone; reported because the "
                                                  "article has other lost characters"));
    }
    std::optional<Fix> fix;
    if (!lost.fix.empty()) fix = Fix{lost.span, lost.fix};
    sink.Report(lost.span, std::move(message), std::move(evidence), std::move(fix));
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
