// newslint: a byte encoding for what a run writes down and reads back
// itself: dataset rules' memos (DatasetRule::Note, lint/rule.h) and the
// findings a run keeps on disk until its dataset rules are ready
// (lint/spill.h). Never a file format: the writer and the reader are the
// same build of newslint, in the same run.
//
//   std::string out;
//   AppendVarint(&out, 42);
//   AppendString(&out, "text");
//   ByteReader in(out);
//   uint64_t n; std::string_view s;
//   if (!in.Varint(&n) || !in.String(&s)) { /* cut short */ }
//
// Unsigned integers are LEB128 varints (seven bits a byte, low first);
// strings are a varint length and the bytes; a double is its eight bytes.

#ifndef NEWSLINT_LINT_BYTES_H_
#define NEWSLINT_LINT_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newslint {

inline void AppendVarint(std::string* out, uint64_t v) {
  char buf[10];
  size_t n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, n);
}

inline void AppendString(std::string* out, std::string_view s) {
  AppendVarint(out, s.size());
  out->append(s);
}

inline void AppendDouble(std::string* out, double d) {
  char buf[sizeof d];
  std::memcpy(buf, &d, sizeof d);
  out->append(buf, sizeof d);
}

// Reads what the Append functions wrote, in the same order. Every read
// returns false, and leaves its output alone, when the bytes run out or a
// varint is malformed.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool Varint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64 && at_ < bytes_.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      result |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) {
        *v = result;
        return true;
      }
    }
    at_ = bytes_.size();  // malformed or cut short: nothing more to read
    return false;
  }

  bool String(std::string_view* s) {
    uint64_t n = 0;
    if (!Varint(&n) || n > bytes_.size() - at_) {
      at_ = bytes_.size();
      return false;
    }
    *s = bytes_.substr(at_, n);
    at_ += n;
    return true;
  }

  bool Double(double* d) {
    if (bytes_.size() - at_ < sizeof *d) {
      at_ = bytes_.size();
      return false;
    }
    std::memcpy(d, bytes_.data() + at_, sizeof *d);
    at_ += sizeof *d;
    return true;
  }

  bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_BYTES_H_
