// newslint: a look inside lint/quotations.cc for tests: how the reference
// quotation scan reads a paragraph into code points (eight ASCII bytes at a
// time, the rest with utf8::DecodeAt), so that tests can compare it with the
// plain DecodeAt loop; and the marks the scan reads, from the fast scan (the
// bytes around each mark) and from the reference (the whole paragraph
// decoded), so that tests can compare the two. Not for rules: use
// lint/quotations.h.

#ifndef NEWSLINT_LINT_QUOTATIONS_INTERNAL_H_
#define NEWSLINT_LINT_QUOTATIONS_INTERNAL_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace newslint::quotations_internal {

struct DecodedCodePoint {
  size_t pos;  // byte offset in the paragraph
  char32_t c;  // U+FFFD for an invalid byte
  int cls;     // the scan's class of c (kQuote for a quotation mark)
};

// The code points the scan reads from `para`, and the indices among them of
// those of the quotation-mark class, in order.
void DecodeParagraphForTest(std::string_view para, std::vector<DecodedCodePoint>* cps,
                            std::vector<size_t>* quote_at);

// The class value of a quotation mark in DecodedCodePoint::cls.
int QuoteClassForTest();

// A mark as the scan reads it, before pairing (RawMark, with its enums as
// numbers).
struct ScannedMark {
  size_t start = 0, end = 0;
  int glyph = 0, family = 0, cand = 0, strength = 0;
  bool clear = false;
  bool operator==(const ScannedMark&) const = default;
};

// The marks of `para` (offsets from its start) as the scan Quotations uses
// reads them, or (`reference`) as the reference scan does.
std::vector<ScannedMark> ScanMarksForTest(std::string_view para, bool reference);

// Makes every Quotations built from now on (on any thread) read its marks
// with the reference scan (true) or the fast one (false, the default).
void UseReferenceScanForTest(bool reference);

}  // namespace newslint::quotations_internal

#endif  // NEWSLINT_LINT_QUOTATIONS_INTERNAL_H_
