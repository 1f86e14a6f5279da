#include "lint/readers/invalid_utf8.h"

#include <simdjson.h>

#include <bitset>
#include <cstring>

#include "lint/utf8.h"

namespace newslint {
namespace {

constexpr uint32_t kFirstPlane16Block = 0x1000;  // U+100000 >> 8
constexpr uint32_t kLastPlane16Block = 0x10FF;   // U+10FFFF >> 8

uint32_t DecodeFourByteSequence(const unsigned char* p) {
  return (uint32_t{p[0] & 0x07u} << 18) | (uint32_t{p[1] & 0x3Fu} << 12) |
         (uint32_t{p[2] & 0x3Fu} << 6) | uint32_t{p[3] & 0x3Fu};
}

void AppendFourByteSequence(uint32_t cp, std::string* out) {
  out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
  out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
  out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of the 4 hex digits after "\u" at s[i], or -1.
int32_t JsonEscapeAt(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  int32_t v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    int h = HexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

using BlockSet = std::bitset<kLastPlane16Block - kFirstPlane16Block + 1>;

void MarkBlock(uint32_t cp, BlockSet* used) {
  if (cp >= (kFirstPlane16Block << 8) && cp <= 0x10FFFF) used->set((cp >> 8) - kFirstPlane16Block);
}

// Plane-16 code points spelled as JSON surrogate-pair escapes.
void MarkJsonEscapes(std::string_view s, BlockSet* used) {
  for (size_t i = s.find("\\u"); i != std::string_view::npos; i = s.find("\\u", i + 2)) {
    int32_t high = JsonEscapeAt(s, i);
    if (high < 0xD800 || high > 0xDBFF) continue;
    int32_t low = JsonEscapeAt(s, i + 6);
    if (low < 0xDC00 || low > 0xDFFF) continue;
    MarkBlock(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), used);
  }
}

// Plane-16 code points spelled as HTML numeric character references.
void MarkHtmlCharacterReferences(std::string_view s, BlockSet* used) {
  for (size_t i = s.find("&#"); i != std::string_view::npos; i = s.find("&#", i + 2)) {
    size_t k = i + 2;
    int base = 10;
    if (k < s.size() && (s[k] == 'x' || s[k] == 'X')) {
      base = 16;
      ++k;
    }
    uint32_t cp = 0;
    for (; k < s.size() && cp <= 0x10FFFF; ++k) {
      int d = HexValue(s[k]);
      if (d < 0 || d >= base) break;
      cp = cp * base + d;
    }
    MarkBlock(cp, used);
  }
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view text) {
  Utf8Scan scan;
  if (simdjson::validate_utf8(text.data(), text.size())) return scan;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    size_t len = utf8::SequenceLength(p + i, n - i);
    if (len == 0) {
      if (scan.invalid_bytes++ == 0) scan.first_invalid = i;
      len = 1;
    }
    i += len;
  }
  return scan;
}

void ReportInvalidUtf8(Article* article) {
  Utf8Scan scan = ScanUtf8(article->text);
  if (scan.valid()) return;
  std::string message = "text is not valid UTF-8: " + std::to_string(scan.invalid_bytes) +
                        (scan.invalid_bytes == 1 ? " invalid byte" : " invalid bytes") +
                        ", the first at byte " + std::to_string(scan.first_invalid);
  article->AddInputFinding("input/invalid-utf8", std::move(message),
                           Span{scan.first_invalid, scan.first_invalid + 1},
                           {{"invalid_bytes", scan.invalid_bytes}});
}

bool InvalidByteMask::Mask(std::string_view in, Syntax syntax, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  BlockSet used;
  for (const void* hit = std::memchr(p, 0xF4, n); hit != nullptr;) {
    size_t i = static_cast<const unsigned char*>(hit) - p;
    if (utf8::SequenceLength(p + i, n - i) == 4) MarkBlock(DecodeFourByteSequence(p + i), &used);
    hit = i + 1 < n ? std::memchr(p + i + 1, 0xF4, n - i - 1) : nullptr;
  }
  if (syntax == Syntax::kJson) MarkJsonEscapes(in, &used);
  if (syntax == Syntax::kHtml) MarkHtmlCharacterReferences(in, &used);
  if (used.all()) return false;
  uint32_t block = kLastPlane16Block;
  while (used.test(block - kFirstPlane16Block)) --block;
  base_ = block << 8;

  out->clear();
  out->reserve(n + n / 8 + 16);
  for (size_t i = 0; i < n;) {
    size_t len = utf8::SequenceLength(p + i, n - i);
    if (len == 0) {
      AppendFourByteSequence(base_ + p[i], out);
      ++i;
    } else {
      out->append(in.data() + i, len);
      i += len;
    }
  }
  return true;
}

void InvalidByteMask::Unmask(std::string* text) const {
  if (base_ == 0) return;
  auto* p = reinterpret_cast<unsigned char*>(text->data());
  const size_t n = text->size();
  const auto* first = static_cast<unsigned char*>(std::memchr(p, 0xF4, n));
  if (first == nullptr) return;
  size_t write = first - p;
  for (size_t read = write; read < n;) {
    if (p[read] == 0xF4 && utf8::SequenceLength(p + read, n - read) == 4) {
      uint32_t cp = DecodeFourByteSequence(p + read);
      if ((cp & ~0xFFu) == base_ && (cp & 0xFF) >= 0x80) {
        p[write++] = static_cast<unsigned char>(cp & 0xFF);
        read += 4;
        continue;
      }
    }
    p[write++] = p[read++];
  }
  text->resize(write);
}

}  // namespace newslint
