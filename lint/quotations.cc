// newslint: quotations, the shared view of an article's quotation marks.
// See lint/quotations.h for what counts as a mark and how marks pair.

#include "lint/quotations.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lint/byte_set.h"
#include "lint/quotations_internal.h"
#include "lint/swar.h"
#include "lint/utf8.h"

namespace newslint {

std::optional<QuoteGlyph> QuoteGlyphOf(char32_t cp) {
  switch (cp) {
    case U'"':
      return QuoteGlyph::kStraightDouble;
    case U'\'':
      return QuoteGlyph::kStraightSingle;
    case U'\u201C':
      return QuoteGlyph::kLeftDouble;
    case U'\u201D':
      return QuoteGlyph::kRightDouble;
    case U'\u201E':
      return QuoteGlyph::kLowDouble;
    case U'\u2018':
      return QuoteGlyph::kLeftSingle;
    case U'\u2019':
      return QuoteGlyph::kRightSingle;
    case U'\u201A':
      return QuoteGlyph::kLowSingle;
    case U'\u00AB':
      return QuoteGlyph::kLeftGuillemet;
    case U'\u00BB':
      return QuoteGlyph::kRightGuillemet;
    case U'\u2039':
      return QuoteGlyph::kLeftSingleGuillemet;
    case U'\u203A':
      return QuoteGlyph::kRightSingleGuillemet;
    case U'\u300C':
      return QuoteGlyph::kLeftCorner;
    case U'\u300D':
      return QuoteGlyph::kRightCorner;
    case U'\u300E':
      return QuoteGlyph::kLeftWhiteCorner;
    case U'\u300F':
      return QuoteGlyph::kRightWhiteCorner;
    default:
      return std::nullopt;
  }
}

QuoteFamily FamilyOf(QuoteGlyph glyph) {
  switch (glyph) {
    case QuoteGlyph::kStraightDouble:
    case QuoteGlyph::kLeftDouble:
    case QuoteGlyph::kRightDouble:
    case QuoteGlyph::kLowDouble:
      return QuoteFamily::kDouble;
    case QuoteGlyph::kStraightSingle:
    case QuoteGlyph::kLeftSingle:
    case QuoteGlyph::kRightSingle:
    case QuoteGlyph::kLowSingle:
      return QuoteFamily::kSingle;
    case QuoteGlyph::kLeftGuillemet:
    case QuoteGlyph::kRightGuillemet:
      return QuoteFamily::kGuillemet;
    case QuoteGlyph::kLeftSingleGuillemet:
    case QuoteGlyph::kRightSingleGuillemet:
      return QuoteFamily::kSingleGuillemet;
    case QuoteGlyph::kLeftCorner:
    case QuoteGlyph::kRightCorner:
      return QuoteFamily::kCorner;
    case QuoteGlyph::kLeftWhiteCorner:
    case QuoteGlyph::kRightWhiteCorner:
      return QuoteFamily::kWhiteCorner;
  }
  return QuoteFamily::kDouble;
}

std::string_view QuoteGlyphName(QuoteGlyph glyph) {
  switch (glyph) {
    case QuoteGlyph::kStraightDouble:
      return "straight-double";
    case QuoteGlyph::kStraightSingle:
      return "straight-single";
    case QuoteGlyph::kLeftDouble:
      return "left-double";
    case QuoteGlyph::kRightDouble:
      return "right-double";
    case QuoteGlyph::kLowDouble:
      return "low-double";
    case QuoteGlyph::kLeftSingle:
      return "left-single";
    case QuoteGlyph::kRightSingle:
      return "right-single";
    case QuoteGlyph::kLowSingle:
      return "low-single";
    case QuoteGlyph::kLeftGuillemet:
      return "left-guillemet";
    case QuoteGlyph::kRightGuillemet:
      return "right-guillemet";
    case QuoteGlyph::kLeftSingleGuillemet:
      return "left-single-guillemet";
    case QuoteGlyph::kRightSingleGuillemet:
      return "right-single-guillemet";
    case QuoteGlyph::kLeftCorner:
      return "left-corner";
    case QuoteGlyph::kRightCorner:
      return "right-corner";
    case QuoteGlyph::kLeftWhiteCorner:
      return "left-white-corner";
    case QuoteGlyph::kRightWhiteCorner:
      return "right-white-corner";
  }
  return "";
}

std::string_view QuoteFamilyName(QuoteFamily family) {
  switch (family) {
    case QuoteFamily::kDouble:
      return "double";
    case QuoteFamily::kSingle:
      return "single";
    case QuoteFamily::kGuillemet:
      return "guillemet";
    case QuoteFamily::kSingleGuillemet:
      return "single-guillemet";
    case QuoteFamily::kCorner:
      return "corner";
    case QuoteFamily::kWhiteCorner:
      return "white-corner";
  }
  return "";
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The bytes LooksLikeCode looks at.
constexpr std::string_view kSignBytes = "</=(){};\"";

}  // namespace

bool LooksLikeCode(std::string_view p) {
  // One pass over the bytes (this runs on every paragraph, for several
  // rules): any of the sure signs returns at once; braces count only with
  // a ";", "=" or "\":" somewhere in the paragraph.
  // The bytes the switch below looks at (kSignBytes); prose is skipped
  // sixteen bytes at a time where SSE2 is there, else a byte at a time,
  // without branching on each byte.
  static constexpr ByteSet kSign(kSignBytes);
  bool braces = false, assignment_like = false;
  const size_t n = p.size();
  // Whether the sign byte at i settles the answer (true: code); otherwise
  // notes what it adds. Looks only at p, so the order of the sign bytes it
  // is given (ascending, as in a plain loop) is all that matters.
  auto sign = [&](size_t i) {
    const char c = p[i];
    const char next = i + 1 < n ? p[i + 1] : '\0';
    switch (c) {
      case '<':
        if (next == '/' && i + 2 < n && IsAsciiAlpha(p[i + 2])) return true;  // </p
        if (p.substr(i, 4) == "<!--") return true;
        break;
      case '/':
        if (next == '>') return true;  // <br/>
        break;
      case '=':
        if (next == '>') return true;  // =>
        // An attribute: href="...", [caption id="..."].
        if (i > 0 && (next == '"' || next == '\'') && IsAsciiAlpha(p[i - 1])) return true;
        assignment_like = true;
        break;
      case '(':
        if (p.substr(i, 3) == "();") return true;
        break;
      case ')':
        if (next == '{') return true;
        break;
      case '{':
      case '}':
        braces = true;
        break;
      case ';':
        assignment_like = true;
        break;
      case '"':
        if (next == ':') assignment_like = true;
        break;
      default:
        break;
    }
    return false;
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Each block's sign bytes, in order, from a mask of the bytes equal to
  // one of kSignBytes: the same bytes the plain loop below stops at. Six
  // tests instead of nine: ( and ) are the bytes whose v | 1 is ')', and
  // ; < = the bytes in (':', '>') as signed bytes (those >= 0x80 are
  // negative, out of the range). (An extra byte in the mask would do no
  // harm either: `sign` ignores bytes that are not signs.)
  const char* const data = p.data();
  const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('/');
  const __m128i open_brace = _mm_set1_epi8('{'), close_brace = _mm_set1_epi8('}');
  const __m128i one = _mm_set1_epi8(1), paren = _mm_set1_epi8(')');
  const __m128i colon = _mm_set1_epi8(':'), greater = _mm_set1_epi8('>');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, open_brace), _mm_cmpeq_epi8(v, close_brace))),
        _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, one), paren),
                     _mm_and_si128(_mm_cmpgt_epi8(v, colon), _mm_cmplt_epi8(v, greater))));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0;
         mask &= mask - 1) {
      if (sign(i + static_cast<size_t>(__builtin_ctz(mask)))) return true;
    }
  }
#endif
  for (; i < n; ++i) {
    if (kSign.Has(p[i]) && sign(i)) return true;
  }
  return braces && assignment_like;
}

std::vector<Span> FindUrlSpans(std::string_view p, size_t base) {
  std::vector<Span> out;
  // Every URL below holds "://" (the schemes), "ww." or "WW." (www.) or "@"
  // (an address): most paragraphs have none of them and need no walk.
  if (p.find("://") == std::string_view::npos && p.find("ww.") == std::string_view::npos &&
      p.find("WW.") == std::string_view::npos && p.find('@') == std::string_view::npos) {
    return out;
  }
  size_t i = 0;
  while (i < p.size()) {
    // One run of non-space characters.
    size_t sp = utf8::SpaceLengthAt(p, i);
    if (sp > 0) {
      i += sp;
      continue;
    }
    size_t run_start = i;
    while (i < p.size() && utf8::SpaceLengthAt(p, i) == 0) i += utf8::DecodeAt(p, i).length;
    std::string_view run = p.substr(run_start, i - run_start);

    size_t start = std::string_view::npos;
    for (std::string_view scheme : {"http://", "https://", "HTTP://", "HTTPS://", "www.", "WWW."}) {
      size_t at = run.find(scheme);
      if (at != std::string_view::npos && at < start) start = at;
    }
    if (start == std::string_view::npos) {
      // An e-mail address: letters or digits on both sides of "@" and a dot
      // after it.
      size_t at = run.find('@');
      if (at != std::string_view::npos && at > 0 && at + 1 < run.size() &&
          (IsAsciiAlpha(run[at - 1]) || (run[at - 1] >= '0' && run[at - 1] <= '9')) &&
          IsAsciiAlpha(run[at + 1]) && run.find('.', at) != std::string_view::npos) {
        start = at;
        while (start > 0 &&
               (IsAsciiAlpha(run[start - 1]) || (run[start - 1] >= '0' && run[start - 1] <= '9') ||
                run[start - 1] == '.' || run[start - 1] == '_' || run[start - 1] == '-' ||
                run[start - 1] == '+')) {
          --start;
        }
      }
    }
    if (start == std::string_view::npos) continue;

    // Trailing punctuation, quotation marks and closing brackets the URL
    // does not open belong to the sentence.
    size_t end = run.size();
    while (end > start) {
      utf8::CodePoint cp = utf8::DecodeBefore(run, end);
      const char32_t c = cp.value;
      bool drop = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                  c == '>' || QuoteGlyphOf(c).has_value();
      if (c == ')' || c == ']') {
        std::string_view url = run.substr(start, end - start);
        const char open = c == ')' ? '(' : '[';
        drop = std::count(url.begin(), url.end(), static_cast<char>(c)) >
               std::count(url.begin(), url.end(), open);
      }
      if (!drop) break;
      end -= cp.length;
    }
    if (end > start) out.push_back({base + run_start + start, base + run_start + end});
  }
  return out;
}

bool CutShort(std::string_view p, bool last_paragraph) {
  size_t end = p.size();
  while (end > 0 && utf8::SpaceLengthBefore(p, end) > 0) end -= utf8::SpaceLengthBefore(p, end);
  const std::string_view text = p.substr(0, end);
  if (text.ends_with("...") || text.ends_with("\u2026") || text.ends_with("[\u2026]") ||
      text.ends_with("[...]")) {
    return true;
  }
  return last_paragraph && !EndsLikeSentence(p);
}

namespace {

// What EndsLikeSentence makes of code point c at the end of what is left.
enum class SentenceEnd : uint8_t { kSkip, kYes, kNo };
SentenceEnd SentenceEndOf(char32_t c) {
  if (utf8::IsSpace(c) || QuoteGlyphOf(c).has_value() || c == ')' || c == ']' || c == '}' ||
      c == U'\uFF09') {
    return SentenceEnd::kSkip;
  }
  return c == '.' || c == '!' || c == '?' || c == U'\u2026' || c == U'\u3002' || c == U'\uFF01' ||
                 c == U'\uFF1F'
             ? SentenceEnd::kYes
             : SentenceEnd::kNo;
}

}  // namespace

bool EndsLikeSentence(std::string_view p) {
  // SentenceEndOf from a table for ASCII: this runs on every paragraph, and
  // most end in an ASCII letter or full stop. An ASCII byte is not a
  // continuation byte, so DecodeBefore would read it alone, as it is.
  static const std::array<SentenceEnd, 128> kAscii = [] {
    std::array<SentenceEnd, 128> table{};
    for (char32_t a = 0; a < 128; ++a) table[a] = SentenceEndOf(a);
    return table;
  }();
  size_t end = p.size();
  while (end > 0) {
    const auto last = static_cast<unsigned char>(p[end - 1]);
    SentenceEnd what;
    size_t length = 1;
    if (last < 0x80) {
      what = kAscii[last];
    } else {
      const utf8::CodePoint cp = utf8::DecodeBefore(p, end);
      what = SentenceEndOf(cp.value);
      length = cp.length;
    }
    if (what != SentenceEnd::kSkip) return what == SentenceEnd::kYes;
    end -= length;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Reading the marks of one paragraph
// ---------------------------------------------------------------------------

namespace {

// A paragraph that leaves a quotation open is continued through at most this
// many lines of verse, each of at most kVerseWords words, to a closing mark.
constexpr size_t kMaxVerseLines = 12;
constexpr size_t kVerseWords = 12;

// What is around a mark.
enum class Cls : uint8_t {
  kEdge,  // start or end of the paragraph
  kSpace,
  kLetter,
  kDigit,
  kOpenBracket,  // ( [ { ¿ ¡
  kCloseBracket,
  kDash,   // - – — /
  kPunct,  // . , ; : ! ? …
  kQuote,  // another quotation mark
  kOther,  // symbols, emoji, invalid bytes
};

Cls ClassOfAny(char32_t c) {
  if (utf8::IsSpace(c)) return Cls::kSpace;
  if ((c >= '0' && c <= '9') || c == U'\u00BD' || c == U'\u00BC' || c == U'\u00BE') {
    return Cls::kDigit;
  }
  if (QuoteGlyphOf(c).has_value()) return Cls::kQuote;
  if (utf8::IsLetter(c) || utf8::IsCombiningMark(c)) return Cls::kLetter;
  switch (c) {
    case '(':
    case '[':
    case '{':
    case U'\u00BF':
    case U'\u00A1':
    case U'\uFF08':
    case U'\u3010':
      return Cls::kOpenBracket;
    case ')':
    case ']':
    case '}':
    case U'\uFF09':
    case U'\u3011':
      return Cls::kCloseBracket;
    case '-':
    case '/':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
      return Cls::kDash;
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case U'\u2026':
    case U'\u3002':
    case U'\uFF0C':
    case U'\uFF01':
    case U'\uFF1F':
    case U'\u3001':
      return Cls::kPunct;
    default:
      return Cls::kOther;
  }
}

// ClassOfAny, from a table for ASCII: ScanMarks classifies every code point
// of a paragraph with a quotation mark or an apostrophe, and the Unicode
// tests (IsSpace, CaseOf, QuoteGlyphOf) per letter showed in profiles.
const std::array<Cls, 128>& AsciiClasses() {
  static const std::array<Cls, 128> kAscii = [] {
    std::array<Cls, 128> table{};
    for (char32_t a = 0; a < 128; ++a) table[a] = ClassOfAny(a);
    return table;
  }();
  return kAscii;
}
Cls ClassOf(char32_t c) { return c < 128 ? AsciiClasses()[c] : ClassOfAny(c); }

// Before a mark: where a quotation may start.
bool OpenSide(Cls c) {
  return c == Cls::kEdge || c == Cls::kSpace || c == Cls::kOpenBracket || c == Cls::kDash;
}
// After a mark: where a quotation may end.
bool CloseSide(Cls c) {
  return c == Cls::kEdge || c == Cls::kSpace || c == Cls::kCloseBracket || c == Cls::kPunct ||
         c == Cls::kDash;
}
bool Wordish(Cls c) { return c == Cls::kLetter || c == Cls::kDigit; }
bool IsHebrewLetter(char32_t c) { return c >= U'\u05D0' && c <= U'\u05EA'; }

bool IsStraight(QuoteGlyph g) {
  return g == QuoteGlyph::kStraightDouble || g == QuoteGlyph::kStraightSingle;
}
bool IsInner(QuoteFamily f) {
  return f == QuoteFamily::kSingle || f == QuoteFamily::kSingleGuillemet;
}

// Words an apostrophe opens: ’em, rock ’n’ roll, ’til, ’tis, 'Ndrangheta.
bool IsElision(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "em",  "n",  "til",   "tis", "twas",       "cause", "cos", "bout", "round", "nuff", "neath",
      "ere", "ol", "scuse", "kay", "ndrangheta", "s",     "d",   "ll",   "re",    "ve",   "t"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// The role a mark may play, before pairing.
enum class Cand : uint8_t {
  kOpen,
  kClose,
  kToggle,       // straight " between two words or two spaces: closes an open one, else opens
  kInch,         // straight " after a digit: inches unless a quotation needs it
  kSpacedClose,  // » › with spaces on both sides: closes an open «, else a separator
  kAmbiguous,    // ’ ' after a letter: closes an open single quote, else an apostrophe
};

struct RawMark {
  QuoteMark mark;
  QuoteFamily family = QuoteFamily::kDouble;
  Cand cand = Cand::kOpen;
  // Single marks that may close: 1 after s, x, z (the players’), 2 after
  // another letter or a digit, 3 after punctuation (the surest).
  uint8_t strength = 0;
  // A ‘ that plainly opens, a ’ that plainly closes.
  bool clear = false;
};

struct Cp {
  size_t pos;  // offset in the paragraph
  char32_t c;
  Cls cls;
};

// Whether the mark (one with a code point before it) is a byte of UTF-8 read as Windows-1252
// (mojibake, garbled/mojibake's finding), not a quotation mark: "â€”" (—)
// and "â€“" (–) end in ” and “; "Ã“scar" (Óscar), "ESPAÃ‘A" (Ñ); "Â»"
// (»); "â‚¬" and "â„¢" (twice garbled); "ï»¿" (a byte-order mark). No word
// ends in Â or â. A word may end in Ã ("AMANHÃ”"), so
// those lead letters count only before a letter.
template <typename Near>
bool IsMojibake(const Near& near) {
  const char32_t prev = near.Before(1).c;
  if (prev == U'\u20AC') return near.HasBefore(2) && near.Before(2).c == U'\u00E2';  // â€
  if (prev == U'\u00C2' || prev == U'\u00E2') return true;  // Â, â‚¬, â„¢
  if (prev == U'\u00EF') return near.Mark().c == U'\u00BB';  // ï»¿
  const bool lead = prev == U'\u00C3' || prev == U'\u00C4' || prev == U'\u00C5' ||
                    prev == U'\u00D0' || prev == U'\u00D1';
  return lead && near.HasAfter() && near.After().cls == Cls::kLetter;
}

// The code points of `para`, as utf8::DecodeAt reads them one after the
// other (an invalid byte is U+FFFD, one byte long), with their classes, into
// `written` (room for para.size()); *count is how many. Returns how many are
// of class kQuote and lists their indices in `written`, in order, in
// `quote_at` (room for para.size() + 1), so that ScanMarksReference visits
// only them.
// `quote_at` is written without a branch: the slot past the last entry takes
// the index of each other code point.
inline size_t DecodeParagraph(std::string_view para, Cp* written, size_t* quote_at,
                              size_t* count_out) {
  size_t count = 0, quotes = 0;
  const std::array<Cls, 128>& ascii = AsciiClasses();  // ClassOf, without a call per letter
  const auto* bytes = reinterpret_cast<const unsigned char*>(para.data());
  const size_t size = para.size();
  for (size_t i = 0; i < size;) {
    // Eight ASCII bytes at once (most of a paragraph): each is a code point
    // of its own, as DecodeAt would read it (i is always where a code point
    // starts), so the entries are those of the byte loop below.
    if (i + 8 <= size && swar::AllAscii(swar::Load8(para.data() + i))) {
      for (size_t k = 0; k < 8; ++k) {
        const unsigned char b = bytes[i + k];
        const Cls cls = ascii[b];
        written[count] = {i + k, b, cls};
        quote_at[quotes] = count;
        quotes += cls == Cls::kQuote;
        ++count;
      }
      i += 8;
      continue;
    }
    const utf8::CodePoint cp = utf8::DecodeAt(para, i);
    const Cls cls = cp.value < 128 ? ascii[cp.value] : ClassOfAny(cp.value);
    written[count] = {i, cp.value, cls};
    quote_at[quotes] = count;
    quotes += cls == Cls::kQuote;
    ++count;
    i += cp.length;
  }
  *count_out = count;
  return quotes;
}

// The role of the quotation mark `near` stands at, or nullopt when it is not
// a quotation mark there (mojibake, an apostrophe, inches, ...). `Near` gives
// the code points around the mark as the forward utf8::DecodeAt walk over
// the paragraph reads them (ArrayNear from the decoded paragraph, TextNear
// from the bytes around the mark): Mark(); HasBefore(d) and Before(d), the
// d-th code point before it (d = 1..3); HasAfter() and After(), the one
// after it; LookBefore() and LookAfter(), the class of the nearest neighbour
// that is not a quotation mark (kEdge past the paragraph's edge); and
// WordAfter(), the ASCII word after the mark, lower-cased, if it is one.
template <typename Near>
std::optional<RawMark> ReadMark(const Near& near, size_t base) {
  const char32_t c = near.Mark().c;
  const QuoteGlyph glyph = *QuoteGlyphOf(c);
  const size_t pos = near.Mark().pos;
  if (near.HasBefore(1) && IsMojibake(near)) return std::nullopt;

  const Cls prev = near.LookBefore(), next = near.LookAfter();
  const Cls raw_prev = near.HasBefore(1) ? near.Before(1).cls : Cls::kEdge;
  const Cls raw_next = near.HasAfter() ? near.After().cls : Cls::kEdge;
  const bool ctx_open = OpenSide(prev) && !CloseSide(next);
  const bool ctx_close = !OpenSide(prev) && CloseSide(next);

  RawMark m;
  m.mark = {{base + pos, base + pos + (c < 0x80 ? 1u : c < 0x800 ? 2u : 3u)}, glyph};
  m.family = FamilyOf(glyph);
  switch (glyph) {
    case QuoteGlyph::kStraightDouble:
      // Hebrew writes acronyms with a " between letters (צה"ל).
      if (near.HasBefore(1) && near.HasAfter() && IsHebrewLetter(near.Before(1).c) &&
          IsHebrewLetter(near.After().c)) {
        return std::nullopt;
      }
      if (raw_prev == Cls::kDigit) {
        m.cand = Cand::kInch;
      } else {
        m.cand = ctx_open ? Cand::kOpen : ctx_close ? Cand::kClose : Cand::kToggle;
      }
      break;
    case QuoteGlyph::kLeftDouble:
      m.cand = ctx_close ? Cand::kClose : Cand::kOpen;
      break;
    case QuoteGlyph::kRightDouble:
      // 6’2”: autocorrect curls the inch mark too.
      m.cand = raw_prev == Cls::kDigit ? Cand::kInch : ctx_open ? Cand::kOpen : Cand::kClose;
      break;
    case QuoteGlyph::kLowDouble:
      // "word„ word": a comma in the wrong code page, not a quotation.
      if (Wordish(raw_prev) && raw_next == Cls::kSpace) return std::nullopt;
      m.cand = Cand::kOpen;
      break;
    case QuoteGlyph::kLowSingle:
      if (!(OpenSide(prev) && raw_next == Cls::kLetter)) return std::nullopt;
      m.cand = Cand::kOpen;
      break;
    case QuoteGlyph::kLeftSingle:
      if (Wordish(raw_prev) && Wordish(raw_next)) return std::nullopt;  // don‘t
      if (OpenSide(prev)) {
        if (raw_next == Cls::kDigit || IsElision(near.WordAfter())) return std::nullopt;  // ‘90s
        if (raw_next != Cls::kLetter) return std::nullopt;
        m.cand = Cand::kOpen;
        m.clear = OpenSide(raw_prev) || raw_prev == Cls::kQuote;
      } else if (ctx_close) {
        m.cand = Cand::kClose;  // the German ‚…‘, or a misturned apostrophe
        m.strength = 3;
      } else {
        return std::nullopt;
      }
      break;
    case QuoteGlyph::kRightSingle:
    case QuoteGlyph::kStraightSingle: {
      const bool straight = glyph == QuoteGlyph::kStraightSingle;
      if (straight && raw_prev == Cls::kDigit) return std::nullopt;     // 5'11", 6' tall
      // don’t, O’Brien, 1990’s
      if (Wordish(raw_prev) && Wordish(raw_next)) return std::nullopt;
      if (OpenSide(prev)) {
        if (raw_next == Cls::kDigit || IsElision(near.WordAfter())) return std::nullopt;  // ’90s
        if (raw_next != Cls::kLetter) return std::nullopt;
        m.cand = Cand::kOpen;
      } else if (Wordish(raw_prev)) {
        const char32_t before = near.Before(1).c;
        const bool sibilant = before == 's' || before == 'S' || before == 'x' || before == 'X' ||
                              before == 'z' || before == 'Z' || before == U'\u00DF';
        m.cand = Cand::kAmbiguous;
        m.strength = sibilant ? 1 : 2;
      } else {
        m.cand = Cand::kClose;
        m.strength = 3;
        if (!straight && (CloseSide(raw_next) || raw_next == Cls::kQuote) && near.HasBefore(1)) {
          const char32_t before = near.Before(1).c;
          bool clear = before == ',' || before == '!' || before == '?' || before == U'\u201D' ||
                       before == U'\u00BB';
          // A full stop after a word of two lower-case letters or more, not
          // after "U.S." (whose possessive is "U.S.’").
          if (before == '.' && near.HasBefore(3) && near.Before(2).c < 0x80 &&
              near.Before(3).c < 0x80) {
            const char32_t a = near.Before(3).c, b = near.Before(2).c;
            clear = ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) &&
                    ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'));
          }
          m.clear = clear;
        }
      }
      break;
    }
    case QuoteGlyph::kLeftGuillemet:
    case QuoteGlyph::kLeftSingleGuillemet:
      if (raw_prev == Cls::kLetter && raw_next == Cls::kLetter) return std::nullopt;
      m.cand = ctx_close ? Cand::kClose : Cand::kOpen;  // »reversed« closes with «
      break;
    case QuoteGlyph::kRightGuillemet:
    case QuoteGlyph::kRightSingleGuillemet:
      if (raw_prev == Cls::kLetter && raw_next == Cls::kLetter) return std::nullopt;
      if (ctx_open) {
        m.cand = Cand::kOpen;  // »reversed« opens with »
      } else if (prev == Cls::kSpace || prev == Cls::kEdge) {
        m.cand = Cand::kSpacedClose;  // « text » or "Home » World"
      } else {
        m.cand = Cand::kClose;
      }
      break;
    case QuoteGlyph::kLeftCorner:
    case QuoteGlyph::kLeftWhiteCorner:
      m.cand = Cand::kOpen;
      break;
    case QuoteGlyph::kRightCorner:
    case QuoteGlyph::kRightWhiteCorner:
      m.cand = Cand::kClose;
      break;
  }
  return m;
}

// The ASCII word of the code points from cps[j] on, lower-cased (at most 12
// letters), or "" when a letter that is not ASCII continues it.
template <typename NextAt>
std::string WordFrom(NextAt&& at) {
  std::string w;
  std::optional<Cp> cp = at();
  while (cp && cp->c < 0x80 && IsAsciiAlpha(static_cast<char>(cp->c)) && w.size() < 12) {
    w.push_back(static_cast<char>(cp->c | 0x20));
    cp = at();
  }
  if (cp && cp->cls == Cls::kLetter) w.clear();
  return w;
}

// The neighbours of cps[k] in the decoded paragraph (the reference scan).
struct ArrayNear {
  std::span<const Cp> cps;
  size_t k;

  const Cp& Mark() const { return cps[k]; }
  bool HasBefore(size_t d) const { return k >= d; }
  const Cp& Before(size_t d) const { return cps[k - d]; }
  bool HasAfter() const { return k + 1 < cps.size(); }
  const Cp& After() const { return cps[k + 1]; }
  Cls LookBefore() const {
    for (size_t j = k; j-- > 0;) {
      if (cps[j].cls != Cls::kQuote) return cps[j].cls;
    }
    return Cls::kEdge;
  }
  Cls LookAfter() const {
    for (size_t j = k + 1; j < cps.size(); ++j) {
      if (cps[j].cls != Cls::kQuote) return cps[j].cls;
    }
    return Cls::kEdge;
  }
  std::string WordAfter() const {
    size_t j = k + 1;
    return WordFrom([&]() -> std::optional<Cp> {
      if (j >= cps.size()) return std::nullopt;
      return cps[j++];
    });
  }
};

// ScanMarks as it was first written, the definition the faster ScanMarks
// below is tested against (tests/quotations_scan_test.cc): the whole
// paragraph decoded into code points, then each quotation mark read with
// its neighbours from that array.
void ScanMarksReference(std::string_view para, size_t base, std::vector<RawMark>* out) {
  std::vector<Cp> written(para.size());
  std::vector<size_t> quote_at(para.size() + 1);
  size_t count = 0;
  const size_t quotes = DecodeParagraph(para, written.data(), quote_at.data(), &count);
  if (quotes == 0) return;
  const std::span<const Cp> cps(written.data(), count);
  const std::vector<Span> urls = FindUrlSpans(para, 0);
  for (size_t q = 0; q < quotes; ++q) {
    const size_t k = quote_at[q];
    const size_t pos = cps[k].pos;
    bool in_url = false;
    for (const Span& u : urls) in_url = in_url || (pos >= u.start && pos < u.end);
    if (in_url) continue;
    if (const std::optional<RawMark> m = ReadMark(ArrayNear{cps, k}, base)) out->push_back(*m);
  }
}

// The code point of `para` that the forward DecodeAt walk starts at byte
// `pos` (one it stops at), with its class.
Cp CodePointAt(std::string_view para, size_t pos, uint8_t* length) {
  const utf8::CodePoint cp = utf8::DecodeAt(para, pos);
  *length = cp.length;
  return {pos, cp.value, ClassOf(cp.value)};
}

// The code point of `para` that ends at byte `pos` (0 < pos, a byte the
// forward DecodeAt walk stops at), as that walk reads it: utf8::DecodeBefore
// gives the same. Every byte that is not a continuation byte (10xxxxxx) is
// one the walk stops at (a well-formed sequence holds continuation bytes
// only after its first; an ill-formed byte is stepped over alone). If the
// walk reads a well-formed sequence ending at `pos`, its first byte is the
// nearest such byte at most three continuation bytes back, where
// DecodeBefore looks and finds it; if the walk reads the byte before `pos`
// alone (ill-formed), no well-formed sequence ends at `pos` from a byte the
// walk stops at, so DecodeBefore finds none either and reads that byte
// alone as U+FFFD too.
Cp CodePointBefore(std::string_view para, size_t pos) {
  const utf8::CodePoint cp = utf8::DecodeBefore(para, pos);
  return {pos - cp.length, cp.value, ClassOf(cp.value)};
}

// The neighbours of the mark at byte `pos` of `para`, decoded from the bytes
// around it on demand (CodePointBefore backwards): what ArrayNear gives for the
// same code point of the decoded paragraph, without decoding the rest.
// What LookBefore and LookAfter last found at the end of a run of quotation
// marks, kept by ScanMarks from one mark to the next: in a run of n marks
// ("“““…", a hostile or broken text) each mark would otherwise walk the
// whole run, n^2 steps; with the memo the walks of a paragraph's marks,
// which come in text order, cover each byte once.
struct QuoteRunMemo {
  // Walking back from `before_at` (a code point start) through quotation
  // marks ends at a code point of class before_cls (kEdge: the paragraph's
  // start).
  size_t before_at = std::string_view::npos;
  Cls before_cls = Cls::kEdge;
  // Every code point in [after_from, after_to) is a quotation mark, and the
  // one at after_to is of class after_cls (kEdge: the paragraph's end).
  size_t after_from = std::string_view::npos;
  size_t after_to = 0;
  Cls after_cls = Cls::kEdge;
};

class TextNear {
 public:
  TextNear(std::string_view para, size_t pos, QuoteRunMemo* memo = nullptr)
      : para_(para), memo_(memo) {
    mark_ = CodePointAt(para, pos, &mark_length_);
    after_pos_ = pos + mark_length_;
    if (after_pos_ < para.size()) after_ = CodePointAt(para, after_pos_, &after_length_);
    if (pos > 0) before_[0] = CodePointBefore(para, pos);
  }

  const Cp& Mark() const { return mark_; }
  bool HasBefore(size_t d) const {
    if (d == 1) return mark_.pos > 0;
    Fill(d);
    return d <= filled_;
  }
  const Cp& Before(size_t d) const {
    Fill(d);
    return before_[d - 1];
  }
  bool HasAfter() const { return after_pos_ < para_.size(); }
  const Cp& After() const { return after_; }
  Cls LookBefore() const {
    if (mark_.pos == 0) return Cls::kEdge;
    if (before_[0].cls != Cls::kQuote) return before_[0].cls;
    Cls found = Cls::kEdge;
    for (size_t j = before_[0].pos; j > 0;) {
      if (memo_ != nullptr && j == memo_->before_at) {
        found = memo_->before_cls;  // the rest of the run, walked for an earlier mark
        break;
      }
      const Cp cp = CodePointBefore(para_, j);
      if (cp.cls != Cls::kQuote) {
        found = cp.cls;
        break;
      }
      j = cp.pos;
    }
    if (memo_ != nullptr) {
      memo_->before_at = mark_.pos;
      memo_->before_cls = found;
    }
    return found;
  }
  Cls LookAfter() const {
    if (after_pos_ >= para_.size()) return Cls::kEdge;
    if (after_.cls != Cls::kQuote) return after_.cls;
    const size_t from = after_pos_ + after_length_;
    if (memo_ != nullptr && from >= memo_->after_from && from <= memo_->after_to) {
      return memo_->after_cls;  // inside the run an earlier mark walked
    }
    uint8_t length = 0;
    size_t j = from;
    Cls found = Cls::kEdge;
    for (; j < para_.size(); j += length) {
      const Cp cp = CodePointAt(para_, j, &length);
      if (cp.cls != Cls::kQuote) {
        found = cp.cls;
        break;
      }
    }
    if (memo_ != nullptr) {
      memo_->after_from = from;
      memo_->after_to = j;
      memo_->after_cls = found;
    }
    return found;
  }
  std::string WordAfter() const {
    size_t j = after_pos_;
    return WordFrom([&]() -> std::optional<Cp> {
      if (j >= para_.size()) return std::nullopt;
      uint8_t length = 0;
      const Cp cp = CodePointAt(para_, j, &length);
      j += length;
      return cp;
    });
  }

 private:
  // Decodes the code points before the mark up to the d-th (d <= 3), as
  // far as the paragraph goes; filled_ is how many there are.
  void Fill(size_t d) const {
    if (filled_ == 0) filled_ = mark_.pos > 0 ? 1 : 0;
    while (filled_ < d && filled_ > 0 && before_[filled_ - 1].pos > 0) {
      before_[filled_] = CodePointBefore(para_, before_[filled_ - 1].pos);
      ++filled_;
    }
  }

  std::string_view para_;
  QuoteRunMemo* memo_;
  Cp mark_{};
  uint8_t mark_length_ = 1;
  size_t after_pos_ = 0;
  Cp after_{};
  uint8_t after_length_ = 1;
  mutable std::array<Cp, 3> before_{};
  mutable size_t filled_ = 0;
};

// The quotation marks of one paragraph with the roles they may play, in
// text order, appended to `out` (spans offset by `base`).
//
// Most bytes of a paragraph are nowhere near a mark, so the scan does not
// decode them: every mark is " or ' or starts with 0xC2 (« »), 0xE2 (‘ ’ “
// ” „ ‚ ‹ ›) or 0xE3 (「 」 『 』), bytes that always start a code point of
// the forward DecodeAt walk (see CodePointBefore), so the marks are found by
// looking for those five bytes (sixteen bytes at a time with SSE2) and
// decoding there; each mark's neighbours are then decoded from the bytes
// around it (TextNear). ScanMarksReference decodes the whole paragraph and
// reads the same code points from the array: ReadMark gets the same
// answers from both.
void ScanMarks(std::string_view para, size_t base, std::vector<RawMark>* out) {
  std::optional<std::vector<Span>> urls;  // found at the first mark
  size_t next_url = 0;                    // the first URL that does not end before the mark
  QuoteRunMemo memo;
  const auto* bytes = reinterpret_cast<const unsigned char*>(para.data());
  const size_t n = para.size();
  auto alnum = [](unsigned char b) {
    return IsAsciiAlpha(static_cast<char>(b)) || (b >= '0' && b <= '9');
  };
  auto candidate = [&](size_t pos) {
    // Most marks are apostrophes inside words (don't, it’s, O’Brien,
    // 1990’s): ReadMark drops a ' or ’ with a letter or digit on both sides
    // (IsMojibake needs a letter that is not ASCII before it), and so does
    // the URL test. An ASCII byte is a code point of its own, so this needs
    // no decoding and no URL search.
    const size_t apostrophe = bytes[pos] == '\'' ? 1
                              : bytes[pos] == 0xE2 && pos + 3 < n && bytes[pos + 1] == 0x80 &&
                                      bytes[pos + 2] == 0x99
                                  ? 3
                                  : 0;
    if (apostrophe != 0 && pos > 0 && pos + apostrophe < n && alnum(bytes[pos - 1]) &&
        alnum(bytes[pos + apostrophe])) {
      return;
    }
    if (bytes[pos] >= 0x80) {
      const utf8::CodePoint cp = utf8::DecodeAt(para, pos);
      if (!QuoteGlyphOf(cp.value).has_value()) return;
    }
    if (!urls) urls = FindUrlSpans(para, 0);
    // The URLs are in text order, and so are the marks: a cursor, not a
    // search of every URL for every mark.
    while (next_url < urls->size() && (*urls)[next_url].end <= pos) ++next_url;
    if (next_url < urls->size() && pos >= (*urls)[next_url].start) return;
    if (const std::optional<RawMark> m = ReadMark(TextNear(para, pos, &memo), base)) {
      out->push_back(*m);
    }
  };
  static constexpr ByteSet kLead("\"'\xC2\xE2\xE3");
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(para.data() + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))),
                     _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))),
                                    _mm_set1_epi8(static_cast<char>(0xE2)))));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
      candidate(i + static_cast<size_t>(__builtin_ctz(mask)));
    }
  }
#endif
  for (; i < n; ++i) {
    if (kLead.Has(para[i])) candidate(i);
  }
}

// ---------------------------------------------------------------------------
// Pairing the marks of one paragraph
// ---------------------------------------------------------------------------

struct ParaInput {
  size_t index = 0;
  Span span;
  std::span<const RawMark> marks;
  bool prose = false;  // ends like a sentence
};

// An entry of ParagraphPass's stack of open quotations.
struct PassEntry {
  size_t quotation;  // local index
  int raw;           // the opening raw mark, -1 for a part carried in without one
};

// What a ParagraphPass writes, kept by the caller so that the passes over an
// article's paragraphs reuse the room (no allocation per paragraph).
// Moves *from's elements to the end of *to: the vectors swap when *to is
// empty, so *from leaves with *to's (empty) room.
template <typename T>
void AppendOrTake(std::vector<T>* from, std::vector<T>* to) {
  if (to->empty()) {
    to->swap(*from);
    from->clear();
    return;
  }
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
}

// See ParagraphPass::Run.
constexpr size_t kManyMarks = 4096;

struct PassBuffers {
  std::vector<Quotation> quotations;
  std::vector<QuoteProblem> problems;
  std::vector<PassEntry> stack;
};

// A quotation left open by the previous paragraph.
struct Carry {
  QuoteFamily family = QuoteFamily::kDouble;
  size_t first = 0;     // index in quotations() of its first part
  bool reopen = false;  // the paragraph's first mark reopens it
};

class ParagraphPass {
 public:
  // `base` is the index the paragraph's first quotation will have. The pass
  // writes into `buffers` (cleared here): one set per pass alive at a time.
  ParagraphPass(const ParaInput& in, size_t base, PassBuffers* buffers)
      : in_(in),
        marks_(in.marks),
        base_(base),
        quotations_(buffers->quotations),
        problems_(buffers->problems),
        stack_(buffers->stack) {
    quotations_.clear();
    problems_.clear();
    stack_.clear();
  }

  // `carry`: the quotation the previous paragraph left open, or null.
  void Run(const Carry* carry) {
    // A quotation and a stack entry per opening mark, and one for the carry.
    if (const size_t most = marks_.size() + (carry ? 1 : 0); most > 0) {
      quotations_.reserve(most);
      stack_.reserve(most);
      // And a problem per mark at most. Reserved only for a paragraph of
      // thousands of marks (a run of marks), where the list grown by
      // doubling held up to twice its size, and its old copy on top, at the
      // peak (37.7 MB against 16.8 MB for 349,000 unclosed marks); a news
      // paragraph has a handful of marks and mostly no problem.
      if (most > kManyMarks) problems_.reserve(most);
    }
    size_t i = 0;
    if (carry) {
      Quotation q;
      q.content = in_.span;
      q.paragraph = in_.index;
      q.family = carry->family;
      q.continues = true;
      q.first = carry->first;
      int raw = -1;
      if (carry->reopen && !marks_.empty()) {
        q.open = marks_[0].mark;
        q.content.start = marks_[0].mark.span.end;
        raw = 0;
        ++opening_;
        i = 1;
      }
      quotations_.push_back(q);
      stack_.push_back({0, raw});
    }
    for (; i < marks_.size(); ++i) Step(i);
  }

  bool open_at_end() const { return !stack_.empty(); }
  QuoteFamily bottom_family() const { return quotations_[stack_[0].quotation].family; }
  size_t bottom_first() const { return quotations_[stack_[0].quotation].first; }

  // Ends the paragraph: quotations still open are unclosed, except the
  // outermost one when a later paragraph continues it.
  void EndParagraph(bool bottom_continued) {
    while (!stack_.empty()) {
      if (stack_.size() == 1 && bottom_continued) {
        quotations_[stack_[0].quotation].continued = true;
        stack_.pop_back();
        break;
      }
      Unclosed(in_.span.end);
    }
  }

  std::vector<Quotation>& quotations() { return quotations_; }
  std::vector<QuoteProblem>& problems() { return problems_; }
  int opening() const { return opening_; }
  int closing() const { return closing_; }
  std::optional<QuoteFamily> first_unopened() const { return first_unopened_; }
  // Where the first closing mark that found nothing open ends.
  size_t first_unopened_end() const { return first_unopened_end_; }
  bool starts_open() const { return starts_open_; }

 private:
  using Entry = PassEntry;

  QuoteFamily FamilyAt(size_t k) const { return quotations_[stack_[k].quotation].family; }

  // Whether the innermost open quotation of the outer families (skipping
  // single quotes nested in it) is of family f; for an inner family, the
  // innermost open quotation.
  bool NearestIs(QuoteFamily f) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (IsInner(FamilyAt(k)) && !IsInner(f)) continue;
      return FamilyAt(k) == f;
    }
    return false;
  }

  void Step(size_t i) {
    const RawMark& m = marks_[i];
    switch (m.cand) {
      case Cand::kOpen:
        Push(i);
        break;
      case Cand::kToggle:
        if (NearestIs(QuoteFamily::kDouble)) {
          Close(i, QuoteFamily::kDouble);
        } else {
          Push(i);
        }
        break;
      case Cand::kInch:
        if (NearestIs(QuoteFamily::kDouble) && !LaterDoubleCloser(i))
          Close(i, QuoteFamily::kDouble);
        break;
      case Cand::kClose:
        Close(i, m.family);
        break;
      case Cand::kSpacedClose:
        if (NearestIs(m.family)) Close(i, m.family);
        break;
      case Cand::kAmbiguous:
        if (!stack_.empty() && FamilyAt(stack_.size() - 1) == QuoteFamily::kSingle) {
          if (!LaterStrongerSingle(i)) Close(i, QuoteFamily::kSingle);
        } else if (!first_unopened_) {
          // For the look-ahead of the previous paragraph: a verse line may
          // end a single quotation after a letter.
          first_unopened_ = QuoteFamily::kSingle;
          first_unopened_end_ = m.mark.span.end;
        }
        break;
    }
  }

  void Push(size_t i) {
    const RawMark& m = marks_[i];
    Quotation q;
    q.open = m.mark;
    q.content = {m.mark.span.end, in_.span.end};
    q.paragraph = in_.index;
    q.family = m.family;
    q.level = static_cast<int>(stack_.size());
    q.first = base_ + quotations_.size();
    if (i == 0 && m.mark.span.start == in_.span.start) starts_open_ = true;
    stack_.push_back({quotations_.size(), static_cast<int>(i)});
    quotations_.push_back(q);
    ++opening_;
  }

  void Close(size_t i, QuoteFamily f) {
    const RawMark& m = marks_[i];
    ++closing_;
    // A straight mark closes a straight one, a typographic mark a
    // typographic one, when both are open: “He called it "madness,” ...
    // leaves the " open. Mixed pairs (“Yes," he said) close otherwise.
    const bool straight = IsStraight(m.mark.glyph);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = stack_.size(); k-- > 0;) {
        if (FamilyAt(k) != f) continue;
        const std::optional<QuoteMark>& open = quotations_[stack_[k].quotation].open;
        if (pass == 0 && (!open || IsStraight(open->glyph) != straight)) continue;
        PopAbove(k, m.mark.span.start);
        CloseTop(m, false);
        return;
      }
    }
    if (!IsInner(f)) {
      for (size_t k = stack_.size(); k-- > 0;) {
        if (IsInner(FamilyAt(k))) continue;
        PopAbove(k, m.mark.span.start);
        const Entry top = stack_.back();
        CloseTop(m, true);
        // A part carried in without a mark: its opening mark is paragraphs
        // away, and the pair is too uncertain to report.
        if (!quotations_[top.quotation].open) return;
        QuoteProblem p;
        p.kind = QuoteProblemKind::kMismatched;
        p.mark = m.mark;
        p.opening = quotations_[top.quotation].open;
        p.paragraph = in_.index;
        p.quotation = base_ + top.quotation;
        problems_.push_back(p);
        return;
      }
    }
    if (!first_unopened_) {
      first_unopened_ = f;
      first_unopened_end_ = m.mark.span.end;
    }
    if (ReportableUnopened(m)) {
      QuoteProblem p;
      p.kind = QuoteProblemKind::kUnopened;
      p.mark = m.mark;
      p.paragraph = in_.index;
      problems_.push_back(p);
    }
  }

  // Closes the innermost open quotation with mark m (of another family when
  // `mismatched`).
  void CloseTop(const RawMark& m, bool mismatched) {
    Quotation& q = quotations_[stack_.back().quotation];
    q.close = m.mark;
    q.content.end = m.mark.span.start;
    q.mismatched = mismatched;
    stack_.pop_back();
  }

  void PopAbove(size_t k, size_t end) {
    while (stack_.size() > k + 1) Unclosed(end);
  }

  // The innermost open quotation ends unclosed at byte `end`.
  void Unclosed(size_t end) {
    const Entry e = stack_.back();
    stack_.pop_back();
    Quotation& q = quotations_[e.quotation];
    q.content.end = static_cast<uint32_t>(std::max<size_t>(q.content.start, end));
    if (e.raw < 0 || !ReportableUnclosed(static_cast<size_t>(e.raw))) return;
    QuoteProblem p;
    p.kind = QuoteProblemKind::kUnclosed;
    p.mark = marks_[e.raw].mark;
    p.paragraph = in_.index;
    p.quotation = base_ + e.quotation;
    p.continues = q.continues;
    problems_.push_back(p);
  }

  bool ReportableUnclosed(size_t raw) const {
    const RawMark& m = marks_[raw];
    switch (m.family) {
      case QuoteFamily::kDouble:
      case QuoteFamily::kCorner:
      case QuoteFamily::kWhiteCorner:
        return true;
      case QuoteFamily::kGuillemet:
      case QuoteFamily::kSingleGuillemet:
        return in_.prose;  // not "« Previous"
      case QuoteFamily::kSingle:
        if (m.mark.glyph != QuoteGlyph::kLeftSingle || !m.clear) return false;
        for (size_t j = raw + 1; j < marks_.size(); ++j) {
          if (marks_[j].family == QuoteFamily::kSingle &&
              (marks_[j].cand == Cand::kClose || marks_[j].cand == Cand::kAmbiguous)) {
            return false;
          }
        }
        return true;
    }
    return false;
  }

  bool ReportableUnopened(const RawMark& m) const {
    switch (m.family) {
      case QuoteFamily::kDouble:
      case QuoteFamily::kCorner:
      case QuoteFamily::kWhiteCorner:
        return true;
      case QuoteFamily::kGuillemet:
      case QuoteFamily::kSingleGuillemet:
        return in_.prose;
      case QuoteFamily::kSingle:
        return m.mark.glyph == QuoteGlyph::kRightSingle && m.clear;
    }
    return false;
  }

  // A " or ” after a digit is inches when a later mark, not paired with
  // another one after it, can close the open quotation ("He's 6'2"," she
  // said); it closes the quotation in "Apollo 13" and "Gravity".
  bool LaterDoubleCloser(size_t i) const {
    int depth = 0;
    for (size_t j = i + 1; j < marks_.size(); ++j) {
      const RawMark& m = marks_[j];
      if (m.family != QuoteFamily::kDouble) continue;
      switch (m.cand) {
        case Cand::kOpen:
          ++depth;
          break;
        case Cand::kClose:
        case Cand::kToggle:
          if (depth == 0) return true;
          --depth;
          break;
        case Cand::kInch:
          if (depth > 0) --depth;
          break;
        default:
          break;
      }
    }
    return false;
  }

  // A later single mark, before the next single that opens, that closes
  // more surely than marks_[i] ("‘The players’ union is strong,’ he said").
  bool LaterStrongerSingle(size_t i) const {
    for (size_t j = i + 1; j < marks_.size(); ++j) {
      const RawMark& m = marks_[j];
      if (m.family != QuoteFamily::kSingle) continue;
      if (m.cand == Cand::kOpen) return false;
      if ((m.cand == Cand::kClose || m.cand == Cand::kAmbiguous) &&
          m.strength > marks_[i].strength) {
        return true;
      }
    }
    return false;
  }

  const ParaInput& in_;
  std::span<const RawMark> marks_;
  size_t base_;
  std::vector<Quotation>& quotations_;
  std::vector<QuoteProblem>& problems_;
  std::vector<Entry>& stack_;
  int opening_ = 0;
  int closing_ = 0;
  std::optional<QuoteFamily> first_unopened_;
  size_t first_unopened_end_ = 0;
  bool starts_open_ = false;
};

// The paragraph trails off: "...", "…".
bool EndsWithEllipsis(std::string_view p) {
  size_t end = p.size();
  while (end > 0) {
    const utf8::CodePoint cp = utf8::DecodeBefore(p, end);
    if (!utf8::IsSpace(cp.value) && !QuoteGlyphOf(cp.value).has_value()) break;
    end -= cp.length;
  }
  p = p.substr(0, end);
  return p.ends_with("...") || p.ends_with("\u2026");
}

// Set by quotations_internal::UseReferenceScanForTest.
std::atomic<bool> use_reference_scan{false};

// Whether text[from, to) holds no letter or digit.
bool OnlyPunctuationAfter(std::string_view text, size_t from, size_t to) {
  for (size_t i = from; i < to;) {
    const utf8::CodePoint cp = utf8::DecodeAt(text, i);
    const Cls cls = ClassOf(cp.value);
    if (cls == Cls::kLetter || cls == Cls::kDigit) return false;
    i += cp.length;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// Quotations
// ---------------------------------------------------------------------------

Quotations::Quotations(Analysis& analysis) {
  const std::vector<Paragraph>& paras = analysis.paragraphs();
  const size_t n = paras.size();
  paragraphs_.resize(n);
  paragraph_spans_.reserve(n);
  // All paragraphs' marks in one vector (paragraph p's are [mark_end[p - 1],
  // mark_end[p])), viewed per paragraph once all are read.
  std::vector<RawMark> marks;
  std::vector<size_t> mark_end(n);
  std::vector<ParaInput> inputs(n);
  const bool reference = use_reference_scan.load(std::memory_order_relaxed);
  for (size_t p = 0; p < n; ++p) {
    paragraph_spans_.push_back(paras[p].span);
    const std::string_view v = analysis.view(paras[p].span);
    inputs[p] = {p, paras[p].span, {}, EndsLikeSentence(v)};
    // Past 4 GiB (a --max-record-bytes raised 500-fold and --max-text-bytes
    // 0) a mark's offset does not fit QuoteMark's 32 bits: not read, as
    // Tokenize makes no token there.
    if (LooksLikeCode(v) || paras[p].span.end > kMaxTokenOffset) {
      paragraphs_[p].skipped = true;
    } else if (reference) {
      ScanMarksReference(v, paras[p].span.start, &marks);
    } else {
      ScanMarks(v, paras[p].span.start, &marks);
    }
    mark_end[p] = marks.size();
  }
  for (size_t p = 0; p < n; ++p) {
    const size_t begin = p == 0 ? 0 : mark_end[p - 1];
    inputs[p].marks = std::span<const RawMark>(marks).subspan(begin, mark_end[p] - begin);
  }
  PassBuffers pass_buffers, dry_buffers;

  Carry carry;
  bool carried = false;
  for (size_t p = 0; p < n; ++p) {
    ParagraphQuotes& pq = paragraphs_[p];
    pq.first_quotation = quotations_.size();
    pq.continues = carried;
    ParagraphPass pass(inputs[p], quotations_.size(), &pass_buffers);
    pass.Run(carried ? &carry : nullptr);
    carried = false;

    // Is the quotation left open continued by the next paragraph?
    size_t through = p;  // last line of verse the quotation runs through
    bool continued = false;
    QuoteFamily family = QuoteFamily::kDouble;
    size_t first = 0;
    if (pass.open_at_end() && p + 1 < n && !paragraphs_[p + 1].skipped) {
      family = pass.bottom_family();
      first = pass.bottom_first();
      const size_t q = p + 1;
      const std::span<const RawMark> qm = inputs[q].marks;
      bool reopens = false;
      if (!qm.empty() && qm[0].mark.span.start == paras[q].span.start) {
        ParagraphPass dry(inputs[q], 0, &dry_buffers);
        dry.Run(nullptr);
        // French continuation paragraphs may open with » ("guillemets de suite").
        reopens =
            (dry.starts_open() && qm[0].family == family) ||
            (family == QuoteFamily::kGuillemet && qm[0].mark.glyph == QuoteGlyph::kRightGuillemet);
      }
      // Without a reopening mark, only a line break inside a sentence or
      // lines of verse let the quotation run on: a paragraph of prose that
      // leaves it open, before one that closes a quotation never opened, is
      // two slips, not one quotation. A line of verse that ends a sentence
      // is short, and the quotation must end with the poem's last line
      // (“I counted the gulls. / The sea said nothing.”), not inside a
      // sentence of prose (He said "no. / She said it was over" and left.).
      const bool mid_sentence = !inputs[p].prose || EndsWithEllipsis(analysis.view(paras[p].span));
      const bool verse = mid_sentence || analysis.TokensIn(paras[p].span).size() <= kVerseWords;
      if (reopens) {
        carry = Carry{family, first, true};
        carried = continued = true;
      } else if (verse) {
        for (size_t r = q; r < n && r <= q + kMaxVerseLines; ++r) {
          if (paragraphs_[r].skipped) break;
          ParagraphPass dry(inputs[r], 0, &dry_buffers);
          dry.Run(nullptr);
          if (dry.first_unopened() == family &&
              (mid_sentence || OnlyPunctuationAfter(analysis.text(), dry.first_unopened_end(),
                                                    paras[r].span.end))) {
            carry = Carry{family, first, false};
            carried = continued = true;
            through = r - 1;
            break;
          }
          if (dry.opening() + dry.closing() > 0) break;
          if (analysis.TokensIn(paras[r].span).size() > kVerseWords) break;
        }
      }
    }
    pass.EndParagraph(continued);
    pq.opening = pass.opening();
    pq.closing = pass.closing();
    pq.continued = continued;
    // The pass's parts and problems join the article's. Into an empty list
    // (an article's first paragraph with quotations; a record of one
    // paragraph of thousands of marks) the pass's vector is taken whole,
    // not copied: the copy held a paragraph's parts twice, at the peak of a
    // record of marks (docs/performance.md, "Twenty-first round").
    const auto by_start = [](const QuoteProblem& a, const QuoteProblem& b) {
      return a.mark.span.start < b.mark.span.start;
    };
    std::vector<QuoteProblem>& found = pass.problems();
    // Mostly in order already; stable_sort's buffer is half the list.
    if (!std::is_sorted(found.begin(), found.end(), by_start)) {
      std::stable_sort(found.begin(), found.end(), by_start);
    }
    AppendOrTake(&pass.quotations(), &quotations_);
    AppendOrTake(&found, &problems_);
    pq.end_quotation = quotations_.size();

    // Lines of verse the quotation runs through without a mark.
    for (size_t k = p + 1; k <= through; ++k) {
      ParagraphQuotes& kq = paragraphs_[k];
      kq.first_quotation = quotations_.size();
      Quotation part;
      part.content = paras[k].span;
      part.paragraph = k;
      part.family = family;
      part.continues = true;
      part.continued = true;
      part.first = first;
      quotations_.push_back(part);
      kq.end_quotation = quotations_.size();
      kq.continues = true;
      kq.continued = true;
    }
    p = through;
  }
}

std::span<const Quotation> Quotations::In(size_t paragraph) const {
  const ParagraphQuotes& pq = paragraphs_[paragraph];
  return std::span<const Quotation>(quotations_)
      .subspan(pq.first_quotation, pq.end_quotation - pq.first_quotation);
}

const Quotation* Quotations::At(size_t offset) const {
  auto it = std::upper_bound(paragraph_spans_.begin(), paragraph_spans_.end(), offset,
                             [](size_t off, const Span& s) { return off < s.start; });
  if (it == paragraph_spans_.begin()) return nullptr;
  const size_t p = static_cast<size_t>(it - paragraph_spans_.begin()) - 1;
  if (offset >= paragraph_spans_[p].end) return nullptr;
  const std::span<const Quotation> in = In(p);
  if (in.size() >= kManyQuotations) {
    if (at_index_.empty()) at_index_.resize(paragraph_spans_.size());
    std::unique_ptr<AtIndex>& index = at_index_[p];
    if (index == nullptr) {
      // A sweep over the content edges: at each edge the quotations ending
      // there leave and those starting there join; the answer is the
      // deepest present, the last of equally deep ones (as the loop below).
      index = std::make_unique<AtIndex>();
      std::vector<std::pair<size_t, size_t>> starts, ends;  // (edge, index in `in`)
      for (size_t i = 0; i < in.size(); ++i) {
        if (in[i].content.start >= in[i].content.end) continue;  // holds no byte
        starts.emplace_back(in[i].content.start, i);
        ends.emplace_back(in[i].content.end, i);
        index->edges.push_back(in[i].content.start);
        index->edges.push_back(in[i].content.end);
      }
      std::sort(index->edges.begin(), index->edges.end());
      index->edges.erase(std::unique(index->edges.begin(), index->edges.end()),
                         index->edges.end());
      std::sort(starts.begin(), starts.end());
      std::sort(ends.begin(), ends.end());
      std::set<std::pair<int, size_t>> present;  // (level, index in `in`)
      size_t s = 0, e = 0;
      for (const size_t edge : index->edges) {
        for (; e < ends.size() && ends[e].first == edge; ++e) {
          present.erase({in[ends[e].second].level, ends[e].second});
        }
        for (; s < starts.size() && starts[s].first == edge; ++s) {
          present.insert({in[starts[s].second].level, starts[s].second});
        }
        index->answer.push_back(present.empty() ? nullptr : &in[present.rbegin()->second]);
      }
    }
    const auto it = std::upper_bound(index->edges.begin(), index->edges.end(), offset);
    if (it == index->edges.begin()) return nullptr;
    return index->answer[static_cast<size_t>(it - index->edges.begin()) - 1];
  }
  const Quotation* best = nullptr;
  for (const Quotation& q : in) {
    if (offset >= q.content.start && offset < q.content.end && (!best || q.level >= best->level)) {
      best = &q;
    }
  }
  return best;
}

namespace quotations_internal {

void DecodeParagraphForTest(std::string_view para, std::vector<DecodedCodePoint>* cps,
                            std::vector<size_t>* quote_at) {
  std::vector<Cp> written(para.size());
  std::vector<size_t> quotes(para.size() + 1);
  size_t count = 0;
  quotes.resize(DecodeParagraph(para, written.data(), quotes.data(), &count));
  cps->clear();
  for (size_t k = 0; k < count; ++k) {
    cps->push_back({written[k].pos, written[k].c, static_cast<int>(written[k].cls)});
  }
  *quote_at = std::move(quotes);
}

int QuoteClassForTest() { return static_cast<int>(Cls::kQuote); }

std::vector<ScannedMark> ScanMarksForTest(std::string_view para, bool reference) {
  std::vector<RawMark> marks;
  if (reference) {
    ScanMarksReference(para, 0, &marks);
  } else {
    ScanMarks(para, 0, &marks);
  }
  std::vector<ScannedMark> out;
  for (const RawMark& m : marks) {
    out.push_back({m.mark.span.start, m.mark.span.end, static_cast<int>(m.mark.glyph),
                   static_cast<int>(m.family), static_cast<int>(m.cand), m.strength, m.clear});
  }
  return out;
}

void UseReferenceScanForTest(bool reference) {
  use_reference_scan.store(reference, std::memory_order_relaxed);
}

}  // namespace quotations_internal

}  // namespace newslint
