// newslint readers (private): finding, reporting and carrying invalid UTF-8.
//
// Scraped text is kept byte for byte, including bytes that are not UTF-8. Two
// libraries the readers rely on refuse such bytes: simdjson rejects a JSON
// document that is not UTF-8, and libxml2 reinterprets the rest of a page as
// Latin-1 when it meets one. InvalidByteMask carries the bytes through them:
//
//   InvalidByteMask mask;
//   std::string masked;
//   if (mask.Mask(line, InvalidByteMask::Syntax::kJson, &masked)) {
//     ... parse `masked`, which is valid UTF-8 ...
//     mask.Unmask(&extracted_text);  // the original bytes again
//   }
//
// Each invalid byte b (always >= 0x80) becomes the private-use code point
// base + b, where the block `base` (a multiple of 0x100 in plane 16) is
// chosen so that the input holds no code point of that block, neither as
// UTF-8 nor as an escape of the given syntax (JSON \u escapes, HTML numeric
// character references). Unmask therefore restores exactly the original bytes
// and nothing else.

#ifndef NEWSLINT_LINT_READERS_INVALID_UTF8_H_
#define NEWSLINT_LINT_READERS_INVALID_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lint/article.h"

namespace newslint {

// Where the bytes that are not UTF-8 are. A byte is invalid when no
// well-formed UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF)
// starts at it and it does not belong to the sequence before it.
struct Utf8Scan {
  size_t first_invalid = 0;   // offset of the first invalid byte
  int64_t invalid_bytes = 0;  // 0 when the text is valid UTF-8

  bool valid() const { return invalid_bytes == 0; }
};

Utf8Scan ScanUtf8(std::string_view text);

// Adds input/invalid-utf8 to *article when article->text is not UTF-8: the
// span is the first invalid byte, the evidence {"invalid_bytes": count}.
void ReportInvalidUtf8(Article* article);

class InvalidByteMask {
 public:
  // The escape syntax of the text being masked, whose escapes could also
  // spell a placeholder code point.
  enum class Syntax { kJson, kHtml };

  // Writes `in` to *out with every invalid byte replaced by its placeholder.
  // Returns false (and leaves *out unspecified) when `in` uses every
  // placeholder block, which takes 256 distinct plane-16 blocks in one input.
  bool Mask(std::string_view in, Syntax syntax, std::string* out);

  // Replaces the placeholders in *text by the bytes they stand for.
  void Unmask(std::string* text) const;

 private:
  uint32_t base_ = 0;  // the first code point of the placeholder block
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_INVALID_UTF8_H_
