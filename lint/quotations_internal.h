// newslint: a look inside lint/quotations.cc for tests: how the quotation
// scan reads a paragraph into code points (eight ASCII bytes at a time, the
// rest with utf8::DecodeAt), so that tests can compare it with the plain
// DecodeAt loop. Not for rules: use lint/quotations.h.

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

}  // namespace newslint::quotations_internal

#endif  // NEWSLINT_LINT_QUOTATIONS_INTERNAL_H_
