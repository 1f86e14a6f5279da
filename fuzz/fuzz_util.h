// newslint fuzz targets: bytes from the fuzzer as a ByteSource, so the
// readers run on them exactly as on a file, without touching the disk.

#ifndef NEWSLINT_FUZZ_FUZZ_UTIL_H_
#define NEWSLINT_FUZZ_FUZZ_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "lint/readers/line_source.h"

namespace newslint {

// Hands out the bytes in reads of varying size (the first byte of the input
// picks the size), so buffer boundaries fall in many places.
class MemoryByteSource : public ByteSource {
 public:
  MemoryByteSource(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size),
        chunk_(size > 0 ? 1 + data[0] % 97 : 1) {}
  size_t Read(char* buffer, size_t size) override {
    const size_t n = std::min({size, size_ - at_, chunk_ * 64});
    std::memcpy(buffer, data_ + at_, n);
    at_ += n;
    return n;
  }
  const std::string& error() const override { return error_; }
  uint64_t raw_bytes_read() const override { return at_; }

 private:
  const char* data_;
  size_t size_;
  size_t at_ = 0;
  size_t chunk_;
  std::string error_;
};

}  // namespace newslint

#endif  // NEWSLINT_FUZZ_FUZZ_UTIL_H_
