// newslint: quotations, the shared view of an article's quotation marks.
// See lint/quotations.h for what counts as a mark and how marks pair.

#include "lint/quotations.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lint/byte_set.h"
#include "lint/quotations_internal.h"
#include "lint/scratch.h"
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
  // one of kSignBytes: the same bytes the plain loop below stops at.
  const char* const data = p.data();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i hit = _mm_setzero_si128();
    for (char b : kSignBytes) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(b)));
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

bool EndsLikeSentence(std::string_view p) {
  size_t end = p.size();
  while (end > 0) {
    utf8::CodePoint cp = utf8::DecodeBefore(p, end);
    const char32_t c = cp.value;
    if (utf8::IsSpace(c) || QuoteGlyphOf(c).has_value() || c == ')' || c == ']' || c == '}' ||
        c == U'\uFF09') {
      end -= cp.length;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == U'\u2026' || c == U'\u3002' || c == U'\uFF01' ||
           c == U'\uFF1F';
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

// Whether the mark at cps[k] (k > 0) is a byte of UTF-8 read as Windows-1252
// (mojibake, garbled/mojibake's finding), not a quotation mark: "â€”" (—)
// and "â€“" (–) end in ” and “; "Ã“scar" (Óscar), "ESPAÃ‘A" (Ñ); "Â»"
// (»); "â‚¬" and "â„¢" (twice garbled); "ï»¿" (a byte-order mark). No word
// ends in Â or â. A word may end in Ã ("AMANHÃ”"), so
// those lead letters count only before a letter.
bool IsMojibake(std::span<const Cp> cps, size_t k) {
  const char32_t prev = cps[k - 1].c;
  if (prev == U'\u20AC') return k > 1 && cps[k - 2].c == U'\u00E2';  // â€
  if (prev == U'\u00C2' || prev == U'\u00E2') return true;           // Â, â‚¬, â„¢
  if (prev == U'\u00EF') return cps[k].c == U'\u00BB';               // ï»¿
  const bool lead = prev == U'\u00C3' || prev == U'\u00C4' || prev == U'\u00C5' ||
                    prev == U'\u00D0' || prev == U'\u00D1';
  return lead && k + 1 < cps.size() && cps[k + 1].cls == Cls::kLetter;
}

// The code points of `para`, as utf8::DecodeAt reads them one after the
// other (an invalid byte is U+FFFD, one byte long), with their classes, into
// `written` (room for para.size()); *count is how many. Returns how many are
// of class kQuote and lists their indices in `written`, in order, in
// `quote_at` (room for para.size() + 1), so that ScanMarks visits only them.
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

void ScanMarks(std::string_view para, size_t base, std::vector<RawMark>* out) {
  // Every mark is ASCII or starts with 0xC2 (« »), 0xE2 (‘ ’ “ ” „ ‚ ‹ ›)
  // or 0xE3 (「 」 『 』).
  // (A table per byte: find_first_of calls memchr on the set per byte.)
  // Eight bytes at a time while they are ASCII without " or ' (they hold no
  // such byte), then a byte at a time from the first word that may.
  static constexpr ByteSet kLead("\"'\xC2\xE2\xE3");
  size_t lead = 0;
  for (; lead + 8 <= para.size(); lead += 8) {
    const uint64_t w = swar::Load8(para.data() + lead);
    if (!swar::AllAscii(w) || (swar::Equal(w, '"') | swar::Equal(w, '\'')) != 0) break;
  }
  if (std::none_of(para.begin() + static_cast<std::ptrdiff_t>(lead), para.end(),
                   [](char c) { return kLead.Has(c); })) {
    return;
  }
  // The paragraph's code points. The buffers are reused (no allocation per
  // paragraph) and only grow: a paragraph has at most as many code points
  // as bytes, so they are sized once and written by index, without
  // push_back's capacity check per code point; `cps` views the part written.
  // Sized for the longest paragraph so far; a size of megabytes is let go
  // (lint/scratch.h) at the next paragraph that needs less.
  thread_local std::vector<Cp> buffer;
  thread_local std::vector<size_t> quote_buffer;
  if (buffer.capacity() * sizeof(Cp) > kMaxKeptBytes && para.size() * sizeof(Cp) <= kMaxKeptBytes) {
    ReuseScratch(buffer);
    ReuseScratch(quote_buffer);
  }
  if (buffer.size() < para.size()) buffer.resize(para.size());
  if (quote_buffer.size() < para.size() + 1) quote_buffer.resize(para.size() + 1);
  Cp* const written = buffer.data();
  const size_t* const quote_at = quote_buffer.data();
  size_t count = 0;
  const size_t quotes = DecodeParagraph(para, written, quote_buffer.data(), &count);
  if (quotes == 0) return;
  const std::span<const Cp> cps(written, count);
  const std::vector<Span> urls = FindUrlSpans(para, 0);

  const size_t n = cps.size();
  auto raw_cls = [&](size_t k, int dir) -> Cls {
    if (dir < 0) return k == 0 ? Cls::kEdge : cps[k - 1].cls;
    return k + 1 >= n ? Cls::kEdge : cps[k + 1].cls;
  };
  // The neighbour past any adjacent quotation marks ("„‚Ja‘, sagte er“").
  auto look_cls = [&](size_t k, int dir) -> Cls {
    size_t j = k;
    while (true) {
      if (dir < 0) {
        if (j == 0) return Cls::kEdge;
        --j;
      } else {
        if (j + 1 >= n) return Cls::kEdge;
        ++j;
      }
      if (cps[j].cls != Cls::kQuote) return cps[j].cls;
    }
  };
  // The ASCII word after position k, lower-cased, if it is one.
  auto word_after = [&](size_t k) {
    std::string w;
    size_t j = k + 1;
    while (j < n && cps[j].c < 0x80 && IsAsciiAlpha(static_cast<char>(cps[j].c)) && w.size() < 12) {
      w.push_back(static_cast<char>(cps[j].c | 0x20));
      ++j;
    }
    if (j < n && cps[j].cls == Cls::kLetter) w.clear();
    return w;
  };

  out->reserve(out->size() + quotes);  // at most one mark per quotation mark
  for (size_t q = 0; q < quotes; ++q) {
    const size_t k = quote_at[q];
    const char32_t c = cps[k].c;
    const QuoteGlyph glyph = *QuoteGlyphOf(c);
    const size_t pos = cps[k].pos;
    bool in_url = false;
    for (const Span& u : urls) in_url = in_url || (pos >= u.start && pos < u.end);
    if (in_url) continue;
    if (k > 0 && IsMojibake(cps, k)) continue;

    const Cls prev = look_cls(k, -1), next = look_cls(k, +1);
    const Cls raw_prev = raw_cls(k, -1), raw_next = raw_cls(k, +1);
    const bool ctx_open = OpenSide(prev) && !CloseSide(next);
    const bool ctx_close = !OpenSide(prev) && CloseSide(next);

    RawMark m;
    m.mark = {{base + pos, base + pos + (c < 0x80 ? 1u : c < 0x800 ? 2u : 3u)}, glyph};
    m.family = FamilyOf(glyph);
    switch (glyph) {
      case QuoteGlyph::kStraightDouble:
        // Hebrew writes acronyms with a " between letters (צה"ל).
        if (k > 0 && k + 1 < n && IsHebrewLetter(cps[k - 1].c) && IsHebrewLetter(cps[k + 1].c)) {
          continue;
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
        if (Wordish(raw_prev) && raw_next == Cls::kSpace) continue;
        m.cand = Cand::kOpen;
        break;
      case QuoteGlyph::kLowSingle:
        if (!(OpenSide(prev) && raw_next == Cls::kLetter)) continue;
        m.cand = Cand::kOpen;
        break;
      case QuoteGlyph::kLeftSingle:
        if (Wordish(raw_prev) && Wordish(raw_next)) continue;  // don‘t
        if (OpenSide(prev)) {
          if (raw_next == Cls::kDigit || IsElision(word_after(k))) continue;  // ‘90s, ‘em
          if (raw_next != Cls::kLetter) continue;
          m.cand = Cand::kOpen;
          m.clear = OpenSide(raw_prev) || raw_prev == Cls::kQuote;
        } else if (ctx_close) {
          m.cand = Cand::kClose;  // the German ‚…‘, or a misturned apostrophe
          m.strength = 3;
        } else {
          continue;
        }
        break;
      case QuoteGlyph::kRightSingle:
      case QuoteGlyph::kStraightSingle: {
        const bool straight = glyph == QuoteGlyph::kStraightSingle;
        if (straight && raw_prev == Cls::kDigit) continue;     // 5'11", 6' tall
        if (Wordish(raw_prev) && Wordish(raw_next)) continue;  // don’t, O’Brien, 1990’s
        if (OpenSide(prev)) {
          if (raw_next == Cls::kDigit || IsElision(word_after(k))) continue;  // ’90s, ’n’
          if (raw_next != Cls::kLetter) continue;
          m.cand = Cand::kOpen;
        } else if (Wordish(raw_prev)) {
          const char32_t before = cps[k - 1].c;
          const bool sibilant = before == 's' || before == 'S' || before == 'x' || before == 'X' ||
                                before == 'z' || before == 'Z' || before == U'\u00DF';
          m.cand = Cand::kAmbiguous;
          m.strength = sibilant ? 1 : 2;
        } else {
          m.cand = Cand::kClose;
          m.strength = 3;
          if (!straight && (CloseSide(raw_next) || raw_next == Cls::kQuote) && k > 0) {
            const char32_t before = cps[k - 1].c;
            bool clear = before == ',' || before == '!' || before == '?' || before == U'\u201D' ||
                         before == U'\u00BB';
            // A full stop after a word of two lower-case letters or more, not
            // after "U.S." (whose possessive is "U.S.’").
            if (before == '.' && k >= 3 && cps[k - 2].c < 0x80 && cps[k - 3].c < 0x80) {
              const char32_t a = cps[k - 3].c, b = cps[k - 2].c;
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
        if (raw_prev == Cls::kLetter && raw_next == Cls::kLetter) continue;
        m.cand = ctx_close ? Cand::kClose : Cand::kOpen;  // »reversed« closes with «
        break;
      case QuoteGlyph::kRightGuillemet:
      case QuoteGlyph::kRightSingleGuillemet:
        if (raw_prev == Cls::kLetter && raw_next == Cls::kLetter) continue;
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
    out->push_back(m);
  }
}

// ---------------------------------------------------------------------------
// Pairing the marks of one paragraph
// ---------------------------------------------------------------------------

struct ParaInput {
  size_t index = 0;
  Span span;
  const std::vector<RawMark>* marks = nullptr;
  bool prose = false;  // ends like a sentence
};

// A quotation left open by the previous paragraph.
struct Carry {
  QuoteFamily family = QuoteFamily::kDouble;
  size_t first = 0;     // index in quotations() of its first part
  bool reopen = false;  // the paragraph's first mark reopens it
};

class ParagraphPass {
 public:
  // `base` is the index the paragraph's first quotation will have.
  ParagraphPass(const ParaInput& in, size_t base) : in_(in), marks_(*in.marks), base_(base) {}

  // `carry`: the quotation the previous paragraph left open, or null.
  void Run(const Carry* carry) {
    // A quotation and a stack entry per opening mark, and one for the carry.
    if (const size_t most = marks_.size() + (carry ? 1 : 0); most > 0) {
      quotations_.reserve(most);
      stack_.reserve(most);
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
  struct Entry {
    size_t quotation;  // local index
    int raw;           // the opening raw mark, -1 for a part carried in without one
  };

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
    q.content.end = std::max(q.content.start, end);
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
  const std::vector<RawMark>& marks_;
  size_t base_;
  std::vector<Quotation> quotations_;
  std::vector<QuoteProblem> problems_;
  std::vector<Entry> stack_;
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
  std::vector<std::vector<RawMark>> marks(n);
  std::vector<ParaInput> inputs(n);
  for (size_t p = 0; p < n; ++p) {
    paragraph_spans_.push_back(paras[p].span);
    const std::string_view v = analysis.view(paras[p].span);
    inputs[p] = {p, paras[p].span, &marks[p], EndsLikeSentence(v)};
    if (LooksLikeCode(v)) {
      paragraphs_[p].skipped = true;
      continue;
    }
    ScanMarks(v, paras[p].span.start, &marks[p]);
  }

  Carry carry;
  bool carried = false;
  for (size_t p = 0; p < n; ++p) {
    ParagraphQuotes& pq = paragraphs_[p];
    pq.first_quotation = quotations_.size();
    pq.continues = carried;
    ParagraphPass pass(inputs[p], quotations_.size());
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
      const std::vector<RawMark>& qm = marks[q];
      bool reopens = false;
      if (!qm.empty() && qm[0].mark.span.start == paras[q].span.start) {
        ParagraphPass dry(inputs[q], 0);
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
          ParagraphPass dry(inputs[r], 0);
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
    for (Quotation& quote : pass.quotations()) quotations_.push_back(std::move(quote));
    std::vector<QuoteProblem>& found = pass.problems();
    std::stable_sort(found.begin(), found.end(), [](const QuoteProblem& a, const QuoteProblem& b) {
      return a.mark.span.start < b.mark.span.start;
    });
    for (QuoteProblem& problem : found) problems_.push_back(std::move(problem));
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
  const Quotation* best = nullptr;
  for (const Quotation& q : In(p)) {
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

}  // namespace quotations_internal

}  // namespace newslint
