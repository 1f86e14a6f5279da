// newslint: small byte-level helpers for hot loops.
//
// ByteSet: a set of byte values built at compile time from the bytes of a
// string, answered by one table read. Scanners use it to skip the bytes
// that cannot matter ("is this a sign of code?", "may a space start
// here?") without a memchr or find_first_of call per byte:
//
//   constexpr ByteSet kSign("</=(){};\"");
//   if (kSign.Has(text[i])) ...
//   size_t at = kSign.FindIn(text);  // std::string_view::npos when none
//
// (std::string_view::find_first_of with a set of several bytes calls
// memchr on the set once per byte of the text.)
//
// IsAscii: whether a string has no byte >= 0x80, eight bytes at a time.

#ifndef NEWSLINT_LINT_BYTE_SET_H_
#define NEWSLINT_LINT_BYTE_SET_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newslint {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) has_[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool Has(char c) const { return has_[static_cast<unsigned char>(c)]; }
  constexpr bool Has(unsigned char c) const { return has_[c]; }

  // The first position at or after `pos` whose byte is in the set, or
  // npos: what text.find_first_of(<the set's bytes>, pos) answers.
  size_t FindIn(std::string_view text, size_t pos = 0) const {
    for (size_t i = pos; i < text.size(); ++i) {
      if (has_[static_cast<unsigned char>(text[i])]) return i;
    }
    return std::string_view::npos;
  }

 private:
  bool has_[256] = {};
};

inline bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t bits = 0;
  if (n >= 8) {
    uint64_t v;
    for (; n > 8; p += 8, n -= 8) {
      std::memcpy(&v, p, 8);
      bits |= v;
    }
    std::memcpy(&v, p + n - 8, 8);  // the last 8 bytes, overlapping the loop's
    bits |= v;
  } else {
    for (; n > 0; ++p, --n) bits |= static_cast<unsigned char>(*p);
  }
  return (bits & 0x8080808080808080ull) == 0;
}

}  // namespace newslint

#endif  // NEWSLINT_LINT_BYTE_SET_H_
