// garbled/invisible-characters: code points that print nothing (or nothing
// meaningful) inside the text: control characters, zero-width characters,
// bidirectional controls, stray variation selectors and tag characters, and
// private-use code points (icon-font glyphs) that other fonts cannot show.
//
// Each of them is legitimate somewhere: a zero-width joiner builds emoji and
// Indic conjuncts, a zero-width non-joiner is spelling in Persian, a
// right-to-left mark belongs in Hebrew and Arabic lines, a variation selector
// follows an emoji, tag characters spell a subdivision flag. The rule judges
// each by its neighbours and reports only where none of those uses applies.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/byte_set.h"
#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/invisible-characters",
    Severity::kWarning,
    "Control characters, zero-width characters or private-use code points inside the text.",
    {}};

// What kind of invisible code point a character is; also the evidence signal.
enum class Kind : uint8_t {
  kNone,
  kControl,            // C0 controls other than tab and line feed, and DEL
  kC1Control,          // U+0080-U+009F
  kSoftHyphen,         // U+00AD
  kZeroWidth,          // U+200B, U+2060, U+180E
  kJoiner,             // U+200C, U+200D
  kBidi,               // U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069
  kInvisibleOperator,  // U+2061-U+2064
  kSeparator,          // U+2028, U+2029
  kByteOrderMark,      // U+FEFF
  kVariationSelector,  // U+FE00-U+FE0F, U+E0100-U+E01EF
  kTag,                // U+E0000-U+E007F
  kPrivateUse,         // U+E000-U+F8FF, planes 15 and 16
  kNoncharacter,       // U+FDD0-U+FDEF, U+xFFFE, U+xFFFF
  kObjectReplacement,  // U+FFFC
  kAnnotation,         // U+FFF9-U+FFFB
};

std::string_view SignalOf(Kind k) {
  switch (k) {
    case Kind::kControl:
      return "control-character";
    case Kind::kC1Control:
      return "c1-control";
    case Kind::kSoftHyphen:
      return "soft-hyphen";
    case Kind::kZeroWidth:
      return "zero-width";
    case Kind::kJoiner:
      return "joiner";
    case Kind::kBidi:
      return "bidi-control";
    case Kind::kInvisibleOperator:
      return "invisible-operator";
    case Kind::kSeparator:
      return "line-separator";
    case Kind::kByteOrderMark:
      return "byte-order-mark";
    case Kind::kVariationSelector:
      return "variation-selector";
    case Kind::kTag:
      return "tag-character";
    case Kind::kPrivateUse:
      return "private-use";
    case Kind::kNoncharacter:
      return "noncharacter";
    case Kind::kObjectReplacement:
      return "object-replacement";
    case Kind::kAnnotation:
      return "annotation-character";
    case Kind::kNone:
      break;
  }
  return "";
}

Kind KindOf(char32_t cp) {
  if (cp < 0x20) return (cp == '\t' || cp == '\n') ? Kind::kNone : Kind::kControl;
  if (cp < 0x7F) return Kind::kNone;
  if (cp == 0x7F) return Kind::kControl;
  if (cp <= 0x9F) return Kind::kC1Control;
  if (cp == 0xAD) return Kind::kSoftHyphen;
  if (cp < 0x061C) return Kind::kNone;
  // clang-format off
  switch (cp) {
    case 0x061C: case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C:
    case 0x202D: case 0x202E: case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return Kind::kBidi;
    case 0x180E: case 0x200B: case 0x2060:
      return Kind::kZeroWidth;
    case 0x200C: case 0x200D:
      return Kind::kJoiner;
    case 0x2061: case 0x2062: case 0x2063: case 0x2064:
      return Kind::kInvisibleOperator;
    case 0x2028: case 0x2029:
      return Kind::kSeparator;
    case 0xFEFF:
      return Kind::kByteOrderMark;
    case 0xFFF9: case 0xFFFA: case 0xFFFB:
      return Kind::kAnnotation;
    case 0xFFFC:
      return Kind::kObjectReplacement;
    default:
      break;
  }
  // clang-format on
  if (cp < 0xE000) return Kind::kNone;
  if (cp <= 0xF8FF) return Kind::kPrivateUse;
  if (cp >= 0xFE00 && cp <= 0xFE0F) return Kind::kVariationSelector;
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return Kind::kNoncharacter;
  if (cp >= 0xE0000 && cp <= 0xE007F) return Kind::kTag;
  if (cp >= 0xE0100 && cp <= 0xE01EF) return Kind::kVariationSelector;
  if (cp >= 0xF0000) return Kind::kPrivateUse;  // planes 15 and 16 (noncharacters caught above)
  return Kind::kNone;
}

// Zero-width format characters: they sit between the characters that give
// them a meaning, so the rule looks through them to find a character's
// neighbours ("a" and "b" are the neighbours of the ZWJ in "a<ZWSP><ZWJ>b").
bool IsTransparent(Kind k) {
  switch (k) {
    case Kind::kSoftHyphen:
    case Kind::kZeroWidth:
    case Kind::kJoiner:
    case Kind::kBidi:
    case Kind::kInvisibleOperator:
    case Kind::kByteOrderMark:
    case Kind::kVariationSelector:
    case Kind::kTag:
      return true;
    default:
      return false;
  }
}

// clang-format off
const char* const kC0Names[32] = {
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR",
    "RECORD SEPARATOR", "UNIT SEPARATOR",
};
// clang-format on

// clang-format off
const char* const kC1Names[32] = {
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX",
    "NEXT LINE", "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
    "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA",
    "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
};
// clang-format on

std::string NameOf(char32_t cp) {
  if (cp < 0x20) return kC0Names[cp];
  if (cp == 0x7F) return "DELETE";
  if (cp >= 0x80 && cp <= 0x9F) return kC1Names[cp - 0x80];
  switch (cp) {
    case 0x00AD:
      return "SOFT HYPHEN";
    case 0x061C:
      return "ARABIC LETTER MARK";
    case 0x180E:
      return "MONGOLIAN VOWEL SEPARATOR";
    case 0x200B:
      return "ZERO WIDTH SPACE";
    case 0x200C:
      return "ZERO WIDTH NON-JOINER";
    case 0x200D:
      return "ZERO WIDTH JOINER";
    case 0x200E:
      return "LEFT-TO-RIGHT MARK";
    case 0x200F:
      return "RIGHT-TO-LEFT MARK";
    case 0x2028:
      return "LINE SEPARATOR";
    case 0x2029:
      return "PARAGRAPH SEPARATOR";
    case 0x202A:
      return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B:
      return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C:
      return "POP DIRECTIONAL FORMATTING";
    case 0x202D:
      return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E:
      return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2060:
      return "WORD JOINER";
    case 0x2061:
      return "FUNCTION APPLICATION";
    case 0x2062:
      return "INVISIBLE TIMES";
    case 0x2063:
      return "INVISIBLE SEPARATOR";
    case 0x2064:
      return "INVISIBLE PLUS";
    case 0x2066:
      return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067:
      return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068:
      return "FIRST STRONG ISOLATE";
    case 0x2069:
      return "POP DIRECTIONAL ISOLATE";
    case 0xFEFF:
      return "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)";
    case 0xFFF9:
      return "INTERLINEAR ANNOTATION ANCHOR";
    case 0xFFFA:
      return "INTERLINEAR ANNOTATION SEPARATOR";
    case 0xFFFB:
      return "INTERLINEAR ANNOTATION TERMINATOR";
    case 0xFFFC:
      return "OBJECT REPLACEMENT CHARACTER";
    case 0xE0001:
      return "LANGUAGE TAG";
    case 0xE0020:
      return "TAG SPACE";
    case 0xE007F:
      return "CANCEL TAG";
    default:
      break;
  }
  if (cp >= 0xFE00 && cp <= 0xFE0F) return "VARIATION SELECTOR-" + std::to_string(cp - 0xFE00 + 1);
  if (cp >= 0xE0100 && cp <= 0xE01EF) {
    return "VARIATION SELECTOR-" + std::to_string(cp - 0xE0100 + 17);
  }
  if (cp >= 0xE0041 && cp <= 0xE005A)
    return std::string("TAG LATIN CAPITAL LETTER ") + char(cp - 0xE0000);
  if (cp >= 0xE0061 && cp <= 0xE007A) {
    return std::string("TAG LATIN SMALL LETTER ") + char(cp - 0xE0000 - 'a' + 'A');
  }
  if (cp >= 0xE0030 && cp <= 0xE0039) return std::string("TAG DIGIT ") + char(cp - 0xE0000);
  if (cp >= 0xE0000 && cp <= 0xE007F) return "TAG CHARACTER";
  if (KindOf(cp) == Kind::kNoncharacter) return "NONCHARACTER";
  if (cp >= 0x100000) return "SUPPLEMENTARY PRIVATE USE AREA-B CHARACTER";
  if (cp >= 0xF0000) return "SUPPLEMENTARY PRIVATE USE AREA-A CHARACTER";
  return "PRIVATE USE CHARACTER";
}

std::string CodePointLabel(char32_t cp) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (char32_t v = cp; v > 0 || digits.size() < 4; v >>= 4)
    digits.insert(digits.begin(), kHex[v & 0xF]);
  return "U+" + digits;
}

// A C1 control in web text is almost always a Windows-1252 byte decoded as
// Latin-1, which garbled/mojibake reports and repairs; only the five bytes
// Windows-1252 leaves undefined are this rule's.
using utf8::Cp1252ByteOf;

// C0 controls that are the low byte of a General Punctuation character cut to
// one byte (U+2013 -> 0x13, U+2019 -> 0x19): "don\x19t" lost an apostrophe.
char32_t NarrowedPunctuation(char32_t cp) {
  switch (cp) {
    case 0x13:
    case 0x14:
    case 0x18:
    case 0x19:
    case 0x1C:
    case 0x1D:
      return 0x2000 + cp;
    default:
      return 0;
  }
}

// Scripts whose text uses the zero-width space as a word separator (Thai,
// Lao, Khmer, Myanmar, Tibetan and their relatives) or as a line-break
// opportunity (CJK).
bool UsesZeroWidthSpace(char32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0FFF) || (cp >= 0x1000 && cp <= 0x109F) ||
         (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x1950 && cp <= 0x19DF) ||
         (cp >= 0x1A20 && cp <= 0x1AAF) || (cp >= 0x1B00 && cp <= 0x1B7F) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xA980 && cp <= 0xAA7F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

// Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and
// the others of U+0590-U+08FF, their presentation forms, and the historic
// right-to-left blocks of plane 1.
bool IsRightToLeft(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0x10800 && cp <= 0x10FFF) ||
         (cp >= 0x1E800 && cp <= 0x1EFFF);
}

// Characters between which a joiner or non-joiner does nothing: ASCII, Latin,
// Greek, Cyrillic, combining accents, general punctuation. Joiners are
// spelling in Arabic, Persian, Indic and other scripts and build emoji
// sequences; none of those is in this set.
bool IsNonJoiningContext(char32_t cp) {
  return cp < 0x0250 || (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0370 && cp <= 0x052F) ||
         (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0x2000 && cp <= 0x205F);
}

bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool IsWordChar(char32_t cp) {
  return utf8::IsLetter(cp) || IsAsciiDigit(cp) || (cp != 0x200D && utf8::IsCombiningMark(cp));
}

bool IsBlank(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200A);
}

// One decoded character of a line. An ANSI escape sequence ("\x1b[31m") is
// one character of value ESC spanning the whole sequence.
struct Char {
  char32_t value = 0;
  size_t start = 0;
  size_t end = 0;
  bool valid = true;
  Kind kind = Kind::kNone;
  bool flagged = false;
};

// Length of the CSI sequence "ESC [ params intermediates final" at s[i], or 0.
size_t AnsiSequenceLength(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || s[i] != 0x1B || s[i + 1] != '[') return 0;
  size_t k = i + 2;
  while (k < s.size() && s[k] >= 0x30 && s[k] <= 0x3F) ++k;
  while (k < s.size() && s[k] >= 0x20 && s[k] <= 0x2F) ++k;
  if (k < s.size() && s[k] >= 0x40 && s[k] <= 0x7E) return k + 1 - i;
  return 0;
}

// A run of adjacent flagged characters, [begin, end) into the line's chars.
struct Run {
  size_t begin = 0;
  size_t end = 0;
  std::optional<std::string> fix;  // replacement of the run's bytes, if certain
};

class InvisibleCharactersRule : public Rule {
 public:
  // More runs than this on one line are reported as one finding for the
  // line: text read with the wrong encoding (UTF-16 as bytes puts a NUL after
  // every letter) or old Mac line breaks would otherwise flood the report.
  static constexpr size_t kMaxRunsPerLine = 16;

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    std::string_view text = analysis.text();
    std::vector<Char> chars;
    std::vector<Run> runs;
    for (const Span& line : analysis.lines()) {
      if (!MayHoldInvisible(text.substr(line.start, line.size()))) continue;
      Decode(text, line, &chars);
      Judge(text, chars);
      runs.clear();
      for (size_t i = 0; i < chars.size();) {
        if (!chars[i].flagged) {
          ++i;
          continue;
        }
        Run run{i, i, std::nullopt};
        while (run.end < chars.size() && chars[run.end].flagged) ++run.end;
        run.fix = FixOf(chars, run);
        runs.push_back(std::move(run));
        i = runs.back().end;
      }
      if (runs.empty()) continue;
      if (runs.size() > kMaxRunsPerLine) {
        ReportLine(text, chars, runs, sink);
      } else {
        for (const Run& run : runs) Report(chars, run, sink);
      }
    }
  }

 private:
  // Quick test on the bytes, true when the line may hold a code point
  // KindOf() does not call kNone (only those can be flagged: Judge leaves
  // kNone characters alone). A valid UTF-8 sequence is the only encoding of
  // its code point, so the test reads the bytes each such code point is
  // written with: a control byte, C2 80-9F / C2 AD (U+0080-U+009F, U+00AD),
  // D8 9C (U+061C), E1 A0 8E (U+180E), E2 80 8B-8F / A8-AE and E2 81 A0-A4 /
  // A6-A9 (U+200B-U+200F, U+2028-U+202E, U+2060-U+2064, U+2066-U+2069), EE
  // (U+E000-U+EFFF), EF 80-A3 (U+F000-U+F8FF), EF B7 / B8 / BB / BF (the
  // blocks of U+FDD0-U+FDEF, U+FE00-U+FE0F, U+FEFF, U+FFF9-U+FFFF), and any
  // four-byte sequence. Lines of printable ASCII, Latin, Cyrillic, Greek or
  // CJK, and the typographic quotes and dashes (E2 80 93-9D), are skipped
  // without decoding. A sequence cut by the line's end answers true.
  static bool MayHoldInvisible(std::string_view line) {
    // The bytes the tests below look at (a "..."sv literal: the set includes
    // NUL). Printable ASCII and tabs, none of them, are skipped 16 bytes at
    // a time; the others with one table read.
    using std::string_view_literals::operator""sv;
    static constexpr ByteSet kLead(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14"
        "\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\x7F\xC2\xD8\xE1\xE2\xEE\xEF\xF0\xF1\xF2\xF3"
        "\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF"sv);
    const size_t n = line.size();
    auto byte = [&](size_t i) { return static_cast<unsigned char>(line[i]); };
    for (size_t i = SkipPrintableAscii(line, 0); i < n; i = SkipPrintableAscii(line, i + 1)) {
      if (!kLead.Has(line[i])) continue;
      const unsigned char c = byte(i);
      if (c < 0x80) return true;  // a control byte or DEL
      if (c >= 0xEE) {
        if (c != 0xEF) return true;  // EE: private use; F0-FF: four bytes (or invalid)
        if (i + 1 >= n) return true;
        const unsigned char b1 = byte(i + 1);
        if (b1 <= 0xA3 || b1 == 0xB7 || b1 == 0xB8 || b1 == 0xBB || b1 == 0xBF) return true;
        continue;
      }
      if (i + 1 >= n) return true;
      const unsigned char b1 = byte(i + 1);
      if (c == 0xC2) {
        if (b1 <= 0x9F || b1 == 0xAD) return true;
        continue;
      }
      if (c == 0xD8) {
        if (b1 == 0x9C) return true;
        continue;
      }
      if (i + 2 >= n) return true;
      const unsigned char b2 = byte(i + 2);
      if (c == 0xE1) {
        if (b1 == 0xA0 && b2 == 0x8E) return true;
        continue;
      }
      // c == 0xE2
      if (b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xA8 && b2 <= 0xAE))) return true;
      if (b1 == 0x81 && ((b2 >= 0xA0 && b2 <= 0xA4) || (b2 >= 0xA6 && b2 <= 0xA9))) return true;
    }
    return false;
  }

  static void Decode(std::string_view text, Span line, std::vector<Char>* chars) {
    chars->clear();
    for (size_t i = line.start; i < line.end;) {
      utf8::CodePoint cp = utf8::DecodeAt(text, i);
      Char c;
      c.value = cp.value;
      c.start = i;
      c.end = i + cp.length;
      c.valid = cp.valid;
      // Invalid bytes are input/invalid-utf8's: never flagged here.
      c.kind = cp.valid ? KindOf(cp.value) : Kind::kNone;
      if (cp.valid && cp.value == 0x1B) {
        const size_t ansi = AnsiSequenceLength(text.substr(0, line.end), i);
        if (ansi > 0) c.end = i + ansi;
      }
      chars->push_back(c);
      i = c.end;
    }
  }

  // The nearest character before / after index i that is not a zero-width
  // format character; nullopt at the line's edge.
  static std::optional<char32_t> Before(const std::vector<Char>& chars, size_t i) {
    while (i > 0) {
      --i;
      if (!IsTransparent(chars[i].kind)) return chars[i].value;
    }
    return std::nullopt;
  }
  static std::optional<char32_t> After(const std::vector<Char>& chars, size_t i) {
    for (++i; i < chars.size(); ++i) {
      if (!IsTransparent(chars[i].kind)) return chars[i].value;
    }
    return std::nullopt;
  }

  // Decides for every candidate of the line whether it is a defect here.
  static void Judge(std::string_view text, std::vector<Char>& chars) {
    bool rtl = false, latin1 = false;
    for (const Char& c : chars) {
      rtl = rtl || (c.valid && c.kind == Kind::kNone && IsRightToLeft(c.value));
      latin1 = latin1 || c.kind == Kind::kC1Control || c.kind == Kind::kSoftHyphen;
    }
    const std::vector<bool> mojibake =
        latin1 ? MojibakeBytes(chars) : std::vector<bool>(chars.size(), false);
    for (size_t i = 0; i < chars.size(); ++i) {
      Char& c = chars[i];
      if (c.kind == Kind::kNone) continue;
      const std::optional<char32_t> before = Before(chars, i), after = After(chars, i);
      switch (c.kind) {
        case Kind::kControl:
          // A CR ending the text is what is left of a CRLF whose LF was
          // stripped; it is not inside the text.
          c.flagged = !(c.value == '\r' && c.end == text.size());
          break;
        case Kind::kC1Control:
          // A C1 control that is a Windows-1252 byte read as Latin-1 (U+0092
          // for "’") is garbled/mojibake's, alone or inside a garbled UTF-8
          // sequence; the five bytes Windows-1252 leaves undefined are ours
          // unless they sit in such a sequence ("Ã" + U+0081 is "Á").
          c.flagged = utf8::Cp1252HighCharacter(static_cast<unsigned char>(c.value)) == 0 && !mojibake[i];
          break;
        case Kind::kSoftHyphen:
          // Inside a garbled UTF-8 sequence ("Ã\u00AD" is "í"): mojibake's.
          c.flagged = !mojibake[i];
          break;
        case Kind::kBidi:
          // Directional marks and isolates are how right-to-left text and
          // the numbers and names inside it are laid out.
          c.flagged = !rtl;
          break;
        case Kind::kZeroWidth:
          if (c.value == 0x180E) {
            auto mongolian = [](std::optional<char32_t> cp) {
              return cp && *cp >= 0x1800 && *cp <= 0x18AF;
            };
            c.flagged = !mongolian(before) && !mongolian(after);
          } else {
            c.flagged =
                !(before && UsesZeroWidthSpace(*before)) && !(after && UsesZeroWidthSpace(*after));
          }
          break;
        case Kind::kJoiner:
          c.flagged =
              (!before || IsNonJoiningContext(*before)) && (!after || IsNonJoiningContext(*after));
          break;
        case Kind::kVariationSelector:
          // Selects the emoji or text form of the symbol before it, or a
          // glyph variant of an ideograph; after a letter of the Latin,
          // Greek or Cyrillic alphabets, a space or nothing it selects
          // nothing (an emoji the scraper dropped left it behind).
          c.flagged = !before || IsBlank(*before) ||
                      (utf8::IsLetter(*before) && IsNonJoiningContext(*before));
          break;
        case Kind::kTag:
          c.flagged = !InFlagSequence(chars, i);
          break;
        default:
          c.flagged = true;
          break;
      }
    }
  }

  // Whether the tag character at i belongs to an emoji tag sequence: U+1F3F4
  // WAVING BLACK FLAG, tag characters, U+E007F CANCEL TAG (the flags of
  // England, Scotland and Wales).
  static bool InFlagSequence(const std::vector<Char>& chars, size_t i) {
    size_t first = i, last = i;
    while (first > 0 && chars[first - 1].kind == Kind::kTag) --first;
    while (last + 1 < chars.size() && chars[last + 1].kind == Kind::kTag) ++last;
    return first > 0 && chars[first - 1].value == 0x1F3F4 && chars[last].value == 0xE007F &&
           last > first;
  }

  // Marks the characters that garbled/mojibake reads as part of a garbled
  // UTF-8 sequence: in a run of characters that have a Windows-1252 byte,
  // the bytes that decode as a multi-byte UTF-8 sequence ("Ã" + U+00AD is
  // "í" garbled; "â" + U+0080 + U+0099 is "’" garbled), and "â€" cut short.
  static std::vector<bool> MojibakeBytes(const std::vector<Char>& chars) {
    std::vector<bool> covered(chars.size(), false);
    std::string bytes;
    for (size_t i = 0; i < chars.size();) {
      size_t end = i;
      bytes.clear();
      while (end < chars.size() && chars[end].valid && chars[end].value >= 0x80 &&
             Cp1252ByteOf(chars[end].value) >= 0) {
        bytes.push_back(static_cast<char>(Cp1252ByteOf(chars[end].value)));
        ++end;
      }
      if (end == i) {
        ++i;
        continue;
      }
      const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
      for (size_t k = 0; k < bytes.size();) {
        size_t len = utf8::SequenceLength(b + k, bytes.size() - k);
        if (len >= 2) {
          for (size_t m = k; m < k + len; ++m) covered[i + m] = true;
          k += len;
        } else if (b[k] == 0xE2 && k + 2 == bytes.size() && b[k + 1] == 0x80) {
          covered[i + k] = covered[i + k + 1] = true;
          k += 2;
        } else {
          ++k;
        }
      }
      i = end;
    }
    return covered;
  }

  // The replacement of a run when it is certain, else nullopt.
  static std::optional<std::string> FixOf(const std::vector<Char>& chars, const Run& run) {
    const bool at_line_start = run.begin == 0;
    const bool at_line_end = run.end == chars.size();
    const bool beside_space = (!at_line_start && IsBlank(chars[run.begin - 1].value)) ||
                              (!at_line_end && IsBlank(chars[run.end].value));
    std::string out;
    for (size_t i = run.begin; i < run.end; ++i) {
      const Char& c = chars[i];
      switch (c.kind) {
        case Kind::kControl:
          // NUL never stands for a character (UTF-16 read as bytes puts one
          // after every ASCII letter); an ANSI colour sequence is markup.
          if (c.value == 0 || (c.value == 0x1B && c.end - c.start > 1)) break;
          // Possibly a dash or quote cut to one byte, or SUB standing for a
          // lost character: removing it would lose that character.
          if (c.value >= 0x10 && c.value <= 0x1D && c.value != 0x1B) return std::nullopt;
          // Other controls may stand for a space (VT for a Word line break,
          // a bare CR for an old Mac one): removal is certain only where it
          // cannot join two words.
          if (!at_line_start && !at_line_end && !beside_space) return std::nullopt;
          break;
        case Kind::kC1Control:  // an undefined Windows-1252 byte: what did it stand for?
          return std::nullopt;
        case Kind::kSoftHyphen:
          // Before a line break it may be all that says the word goes on.
          if (at_line_end) return std::nullopt;
          break;
        case Kind::kAnnotation:  // removing the marks would merge text and annotation
        case Kind::kSeparator:   // a line or paragraph break: a space or a newline?
        case Kind::kPrivateUse:  // an icon, or a letter or ligature a font mapped privately
        case Kind::kNoncharacter:
          return std::nullopt;
        default:  // zero-width, joiners, bidi controls, BOM, selectors, tags, U+FFFC
          break;
      }
    }
    return out;
  }

  static std::string ContextOf(const std::vector<Char>& chars, const Run& run) {
    const bool start = run.begin == 0, end = run.end == chars.size();
    if (start && end) return "alone on a line";
    if (start) return "at the start of a line";
    if (end) return "at the end of a line";
    const char32_t before = chars[run.begin - 1].value, after = chars[run.end].value;
    if (IsWordChar(before) && IsWordChar(after)) {
      // A line break or separator between letters more likely joins two
      // words than splits one.
      for (size_t i = run.begin; i < run.end; ++i) {
        const char32_t v = chars[i].value;
        if (v == '\r' || v == 0x0B || v == 0x0C || (v >= 0x1C && v <= 0x1F) || v == 0x2028 ||
            v == 0x2029) {
          return "between two letters";
        }
      }
      return "inside a word";
    }
    if (IsBlank(before) || IsBlank(after)) return "between words";
    return "next to punctuation";
  }

  struct Description {
    std::vector<std::string> signals, code_points, names;
    std::string likely;       // the punctuation narrowed control bytes may stand for
    std::string hidden_text;  // ASCII spelled by tag characters
    bool ansi = false;        // an ANSI escape sequence ("\x1b[1m")
    int64_t count = 0;
    bool all_private_use = true, all_controls = true;
  };

  static void Describe(const std::vector<Char>& chars, const Run& run, Description* d) {
    auto add_unique = [](std::vector<std::string>* v, std::string s) {
      for (const std::string& x : *v) {
        if (x == s) return;
      }
      v->push_back(std::move(s));
    };
    for (size_t i = run.begin; i < run.end; ++i) {
      const Char& c = chars[i];
      ++d->count;
      add_unique(&d->signals, std::string(SignalOf(c.kind)));
      const size_t before = d->code_points.size();
      add_unique(&d->code_points, CodePointLabel(c.value));
      if (d->code_points.size() > before) d->names.push_back(NameOf(c.value));
      d->all_private_use = d->all_private_use && c.kind == Kind::kPrivateUse;
      d->all_controls = d->all_controls && (c.kind == Kind::kControl || c.kind == Kind::kC1Control);
      if (char32_t p = NarrowedPunctuation(c.value)) utf8::Append(p, &d->likely);
      d->ansi = d->ansi || (c.value == 0x1B && c.end - c.start > 1);
      if (c.kind == Kind::kTag && c.value >= 0xE0020 && c.value <= 0xE007E) {
        d->hidden_text.push_back(static_cast<char>(c.value - 0xE0000));
      }
    }
  }

  // The distinct code points with their names, the first few of them (the
  // evidence lists them all).
  static std::string Listing(const Description& d) {
    constexpr size_t kShown = 3;
    std::string s;
    for (size_t k = 0; k < d.code_points.size() && k < kShown; ++k) {
      if (k > 0) s += ", ";
      s += d.code_points[k] + " " + d.names[k];
    }
    if (d.code_points.size() > kShown) {
      s += " and " + std::to_string(d.code_points.size() - kShown) + " more";
    }
    return s;
  }

  static std::string Noun(const Description& d) {
    return d.all_private_use ? "private-use code point"
           : d.all_controls  ? "control character"
                             : "invisible character";
  }

  static std::string Hints(const Description& d) {
    std::string s;
    if (!d.likely.empty()) s += "; possibly \"" + d.likely + "\" cut to one byte";
    if (d.ansi) s += "; an ANSI terminal escape sequence";
    if (d.all_private_use) s += "; an icon-font glyph or a character only a private font can show";
    if (!d.hidden_text.empty()) s += "; the tags spell \"" + d.hidden_text + "\"";
    return s;
  }

  static Evidence EvidenceOf(const Description& d, std::string context) {
    Evidence e = {{"signals", d.signals},
                  {"code_points", d.code_points},
                  {"names", d.names},
                  {"count", d.count},
                  {"context", std::move(context)}};
    if (!d.likely.empty()) e.emplace_back("likely", d.likely);
    if (!d.hidden_text.empty()) e.emplace_back("hidden_text", d.hidden_text);
    return e;
  }

  static void Report(const std::vector<Char>& chars, const Run& run, FindingSink& sink) {
    Description d;
    Describe(chars, run, &d);
    const std::string context = ContextOf(chars, run);
    std::string message;
    if (d.count == 1) {
      message = Noun(d) + " " + Listing(d);
    } else {
      message = std::to_string(d.count) + " " + Noun(d) + "s (" + Listing(d) + ")";
    }
    message += " " + context + Hints(d);
    const Span span{chars[run.begin].start, chars[run.end - 1].end};
    std::optional<Fix> fix;
    if (run.fix) fix = Fix{span, *run.fix};
    sink.Report(span, std::move(message), EvidenceOf(d, context), std::move(fix));
  }

  // One finding for a line with more than kMaxRunsPerLine runs: the span
  // from the first run to the last; the fix rewrites it with every run
  // replaced, when every run has a certain fix.
  static void ReportLine(std::string_view text, const std::vector<Char>& chars,
                         const std::vector<Run>& runs, FindingSink& sink) {
    Description d;
    bool fixable = true;
    std::string cleaned;
    size_t pos = chars[runs.front().begin].start;
    for (const Run& run : runs) {
      Describe(chars, run, &d);
      fixable = fixable && run.fix.has_value();
      if (fixable) {
        cleaned.append(text.substr(pos, chars[run.begin].start - pos));
        cleaned.append(*run.fix);
        pos = chars[run.end - 1].end;
      }
    }
    const Span span{chars[runs.front().begin].start, chars[runs.back().end - 1].end};
    std::string message = std::to_string(d.count) + " " + Noun(d) + "s in " +
                          std::to_string(runs.size()) + " places on one line (" + Listing(d) + ")" +
                          Hints(d);
    if (d.code_points.size() == 1 && d.code_points[0] == "U+0000") {
      message += "; text in UTF-16 read as single bytes";
    }
    Evidence evidence = EvidenceOf(d, "throughout the line");
    evidence.emplace_back("runs", static_cast<int64_t>(runs.size()));
    std::optional<Fix> fix;
    if (fixable) fix = Fix{span, std::move(cleaned)};
    sink.Report(span, std::move(message), std::move(evidence), std::move(fix));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeInvisibleCharactersRule() {
  return std::make_unique<InvisibleCharactersRule>();
}

}  // namespace newslint
