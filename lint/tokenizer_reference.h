// The tokenizer's byte loop on its own, for the differential test: TokenizeInto
// (lint/analysis.h) must append exactly the tokens this appends, for any text.
#ifndef NEWSLINT_LINT_TOKENIZER_REFERENCE_H_
#define NEWSLINT_LINT_TOKENIZER_REFERENCE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "lint/analysis.h"

namespace newslint {

// The definition of the tokens, one unit at a time (lint/tokenizer.cc
// TokenizeStep); TokenizeInto takes most ASCII words 64 bytes at a time.
void TokenizeIntoReference(std::string_view text, size_t base, std::vector<Token>* out);

}  // namespace newslint

#endif  // NEWSLINT_LINT_TOKENIZER_REFERENCE_H_
