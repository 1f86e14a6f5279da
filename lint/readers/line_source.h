// newslint readers (private): bytes and lines from files, stdin, .gz and .zst.
//
// A ByteSource yields the (decompressed) bytes of one input; a LineSource
// splits them into lines with a buffer that grows only as far as the longest
// line, so a file of any size is read in bounded memory.
//
//   std::string error;
//   auto bytes = OpenByteSource("crawl.jsonl.gz", Compression::kGzip, &error);
//   LineSource lines(std::move(bytes));
//   std::string_view line;
//   while (lines.Next(&line)) {
//     if (!lines.error().empty()) { /* the input broke off in or before this line */ }
//   }
//
// Decompression errors (a truncated or corrupt stream) and I/O errors are not
// exceptions: the stream ends, and the LineSource reports the error on the
// line where it happened, so that every reader can turn it into an
// input/read-error finding on a record.

#ifndef NEWSLINT_LINT_READERS_LINE_SOURCE_H_
#define NEWSLINT_LINT_READERS_LINE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/readers/stdin_copy_view.h"

namespace newslint {

// How the bytes of a file are stored.
enum class Compression {
  kNone,
  kGzip,    // one or more concatenated gzip members
  kZstd,    // one or more concatenated zstd frames
  kDetect,  // gzip or zstd by their magic number, else none
};

// The compression a file name asks for: ".gz" -> kGzip, ".zst" -> kZstd,
// "-" and anything else -> kDetect.
Compression CompressionOfName(std::string_view path);

// A stream of bytes, read front to back once.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `size` bytes into `buffer` and returns how many were read;
  // 0 only at the end of the stream, which is either its true end or an
  // error (then error() says what went wrong).
  virtual size_t Read(char* buffer, size_t size) = 0;

  // "" while the stream is sound; after Read() returned 0, the reason the
  // stream ended early, e.g. "gzip stream is truncated".
  virtual const std::string& error() const = 0;

  // Bytes taken from the file itself so far (compressed bytes for .gz and
  // .zst), for the progress line; runs ahead of what was decompressed.
  virtual uint64_t raw_bytes_read() const = 0;
};

// Opens `path` ("-" for stdin, or for `stdin_copy` when it has one) and
// decompresses it as asked. Returns null and sets *error ("cannot read 'x':
// No such file or directory") when the file cannot be opened or is a
// folder. Errors inside the stream show up later, through
// ByteSource::error(). A copy of stdin is read from its first byte each
// time it is opened, and ends with the error stdin ended with.
std::unique_ptr<ByteSource> OpenByteSource(const std::string& path, Compression compression,
                                           std::string* error,
                                           const StdinCopyView& stdin_copy = {});

// The bytes of the plain (uncompressed) file `path` from byte `offset` on,
// for a shard that starts inside a file (lint/shard.h). Errors as above.
std::unique_ptr<ByteSource> OpenByteSourceAt(const std::string& path, uint64_t offset,
                                             std::string* error);

// Bytes guaranteed readable after the end of every line LineSource returns
// (the padding simdjson needs to parse a line where it lies).
inline constexpr size_t kLinePadding = 64;

class LineSource {
 public:
  explicit LineSource(std::unique_ptr<ByteSource> bytes);

  // Sets *line to the next line, without its "\n" (a "\r" before it is
  // kept), valid until the next call. False at the end. A final "\n" does
  // not start another line, and an empty input has no lines.
  //
  // When the stream broke off, the line it broke in is returned as far as it
  // was read, with error() set; if it broke off right after a "\n", one
  // extra empty line carries the error, so an error is never silent.
  bool Next(std::string_view* line);

  // "" for a sound line; else why the input ended in (or before) this line.
  const std::string& error() const { return line_error_; }

  // Lines longer than `bytes` are not kept: Next() skips over such a line
  // without buffering it, returns it empty and oversized() says how long it
  // was. Memory stays bounded by the limit, whatever the input holds.
  void set_max_line(size_t bytes) { max_line_ = bytes; }
  // The length of the line Next() skipped as too long, else 0.
  uint64_t oversized() const { return oversized_; }

  // Bytes handed out so far, newlines included.
  uint64_t bytes_consumed() const { return bytes_consumed_; }
  // Bytes taken from the file (ByteSource::raw_bytes_read), for progress.
  uint64_t raw_bytes_read() const { return bytes_->raw_bytes_read(); }

 private:
  bool Fill();  // reads more bytes after end_; false when the stream ended

  std::unique_ptr<ByteSource> bytes_;
  std::vector<char> buffer_;  // capacity() + kLinePadding bytes
  size_t begin_ = 0;          // first byte not yet handed out
  size_t end_ = 0;            // end of the bytes read
  size_t scanned_ = 0;        // bytes from begin_ known to hold no "\n"
  bool stream_ended_ = false;
  bool error_reported_ = false;
  std::string line_error_;
  uint64_t bytes_consumed_ = 0;
  size_t max_line_ = static_cast<size_t>(-1);
  uint64_t oversized_ = 0;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_LINE_SOURCE_H_
