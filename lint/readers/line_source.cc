#include "lint/readers/line_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace newslint {
namespace {

constexpr size_t kInitialLineBuffer = 256 * 1024;
constexpr size_t kCompressedChunk = 128 * 1024;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char a, char b) {
           return a == std::tolower(static_cast<unsigned char>(b));
         });
}

// A file descriptor, with a few bytes that may be peeked before reading.
class FileSource : public ByteSource {
 public:
  FileSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  // Stdin in its copy (StdinCopyView): read from the copy's byte `offset`
  // on with pread, whatever the descriptor's own offset; then, for a copy
  // that holds only the start of stdin, the bytes read from stdin but not
  // written to the copy and the rest of stdin itself; else the end, with
  // the error that ended stdin while it was copied ("" for none).
  explicit FileSource(const StdinCopyView& copy)
      : fd_(copy.fd),
        owned_(false),
        stage_(Stage::kCopy),
        offset_(copy.offset),
        end_error_(copy.end_error),
        unwritten_(copy.unwritten),
        rest_fd_(copy.rest_fd) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }

  size_t Read(char* buffer, size_t size) override {
    if (peeked_pos_ < peeked_.size()) {
      size_t n = std::min(size, peeked_.size() - peeked_pos_);
      std::memcpy(buffer, peeked_.data() + peeked_pos_, n);
      peeked_pos_ += n;
      return n;
    }
    return ReadFd(buffer, size);
  }

  const std::string& error() const override { return error_; }
  uint64_t raw_bytes_read() const override { return raw_bytes_read_; }

  // The first `n` bytes (fewer at the end of the file), without consuming them.
  std::string_view Peek(size_t n) {
    while (peeked_.size() < n) {
      char chunk[16];
      size_t got = ReadFd(chunk, std::min(sizeof chunk, n - peeked_.size()));
      if (got == 0) break;
      peeked_.append(chunk, got);
    }
    return std::string_view(peeked_).substr(0, n);
  }

 private:
  enum class Stage { kCopy, kUnwritten, kLive };

  size_t ReadFd(char* buffer, size_t size) {
    if (!error_.empty()) return 0;
    for (;;) {
      if (stage_ == Stage::kUnwritten) {
        if (unwritten_.empty()) {
          stage_ = Stage::kLive;
          fd_ = rest_fd_;
          continue;
        }
        const size_t n = std::min(size, unwritten_.size());
        std::memcpy(buffer, unwritten_.data(), n);
        unwritten_.remove_prefix(n);
        raw_bytes_read_ += n;
        return n;
      }
      const bool copy = stage_ == Stage::kCopy;
      ssize_t got = copy ? ::pread(fd_, buffer, size, static_cast<off_t>(offset_ + copy_read_))
                         : ::read(fd_, buffer, size);
      if (got > 0) {
        if (copy) copy_read_ += static_cast<uint64_t>(got);
        raw_bytes_read_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (got == 0 && copy && rest_fd_ >= 0) {  // the copy ends before stdin did
        stage_ = Stage::kUnwritten;
        continue;
      }
      if (got == 0) {
        error_ = copy ? end_error_ : "";  // where stdin broke off while it was copied
        return 0;
      }
      if (errno == EINTR) continue;
      error_ = std::string("read error: ") + std::strerror(errno);
      return 0;
    }
  }

  int fd_;
  bool owned_;
  Stage stage_ = Stage::kLive;
  uint64_t offset_ = 0;     // of the copy's first byte of stdin
  uint64_t copy_read_ = 0;  // bytes read from the copy
  std::string end_error_;
  std::string_view unwritten_;  // owned by the StdinCopy
  int rest_fd_ = -1;
  std::string peeked_;
  size_t peeked_pos_ = 0;
  std::string error_;
  uint64_t raw_bytes_read_ = 0;
};

// Concatenated gzip members, inflated with zlib.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(kCompressedChunk) {
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) Fail("cannot initialise zlib");
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  size_t Read(char* buffer, size_t size) override {
    if (done_ || size == 0) return 0;
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    const uInt out_size = stream_.avail_out;
    while (stream_.avail_out == out_size && !done_) {
      if (stream_.avail_in == 0 && !input_ended_) {
        size_t got = raw_->Read(reinterpret_cast<char*>(in_.data()), in_.size());
        if (got == 0) input_ended_ = true;
        stream_.next_in = in_.data();
        stream_.avail_in = static_cast<uInt>(got);
      }
      if (stream_.avail_in == 0 && input_ended_) {
        if (!raw_->error().empty()) {
          Fail(raw_->error());
        } else if (in_member_) {
          Fail("gzip stream is truncated");
        } else if (members_ == 0) {
          Fail("gzip stream is empty");
        } else {
          done_ = true;
        }
        break;
      }
      in_member_ = true;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        ++members_;
        in_member_ = false;
        inflateReset(&stream_);
      } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && stream_.avail_in == 0)) {
        Fail(std::string("gzip data is corrupt: ") +
             (stream_.msg != nullptr ? stream_.msg : "zlib error " + std::to_string(rc)));
      }
    }
    return out_size - stream_.avail_out;
  }

  const std::string& error() const override { return error_; }
  uint64_t raw_bytes_read() const override { return raw_->raw_bytes_read(); }

 private:
  void Fail(std::string message) {
    error_ = std::move(message);
    done_ = true;
  }

  std::unique_ptr<ByteSource> raw_;
  std::vector<Bytef> in_;
  z_stream stream_{};
  bool input_ended_ = false;
  bool in_member_ = false;
  int64_t members_ = 0;
  bool done_ = false;
  std::string error_;
};

// Concatenated zstd frames, decompressed with ZSTD_decompressStream.
class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(ZSTD_DStreamInSize()), stream_(ZSTD_createDStream()) {
    if (stream_ == nullptr) Fail("cannot initialise zstd");
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }

  size_t Read(char* buffer, size_t size) override {
    if (done_ || size == 0) return 0;
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0 && !done_) {
      if (input_.pos == input_.size && !input_ended_) {
        size_t got = raw_->Read(in_.data(), in_.size());
        if (got == 0) input_ended_ = true;
        input_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      if (input_.pos == input_.size && input_ended_ && !raw_->error().empty()) {
        Fail(raw_->error());
        break;
      }
      if (input_.pos == input_.size && input_ended_ && frame_complete_) {
        if (frames_ == 0) Fail("zstd stream is empty");
        done_ = true;
        break;
      }
      size_t rc = ZSTD_decompressStream(stream_, &out, &input_);
      if (ZSTD_isError(rc)) {
        Fail(std::string("zstd data is corrupt: ") + ZSTD_getErrorName(rc));
        break;
      }
      frame_complete_ = rc == 0;
      if (frame_complete_) ++frames_;
      if (out.pos == 0 && input_.pos == input_.size && input_ended_ && !frame_complete_) {
        Fail("zstd stream is truncated");
      }
    }
    return out.pos;
  }

  const std::string& error() const override { return error_; }
  uint64_t raw_bytes_read() const override { return raw_->raw_bytes_read(); }

 private:
  void Fail(std::string message) {
    error_ = std::move(message);
    done_ = true;
  }

  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_DStream* stream_;
  bool input_ended_ = false;
  bool frame_complete_ = true;  // between frames: the stream may end here
  int64_t frames_ = 0;
  bool done_ = false;
  std::string error_;
};

}  // namespace

Compression CompressionOfName(std::string_view path) {
  if (EndsWith(path, ".gz")) return Compression::kGzip;
  if (EndsWith(path, ".zst")) return Compression::kZstd;
  return Compression::kDetect;
}

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path, Compression compression,
                                           std::string* error, const StdinCopyView& stdin_copy) {
  auto cannot_read = [&](const char* why) {
    *error = "cannot read '" + path + "': " + why;
    return nullptr;
  };
  std::unique_ptr<FileSource> file;
  if (path == "-" && stdin_copy.fd >= 0) {
    file = std::make_unique<FileSource>(stdin_copy);
  } else if (path == "-") {
    file = std::make_unique<FileSource>(STDIN_FILENO, /*owned=*/false);
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return cannot_read(std::strerror(errno));
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return cannot_read(std::strerror(EISDIR));
    }
    file = std::make_unique<FileSource>(fd, /*owned=*/true);
  }
  if (compression == Compression::kDetect) {
    std::string_view magic = file->Peek(4);
    if (magic.substr(0, 2) == "\x1f\x8b") {
      compression = Compression::kGzip;
    } else if (magic == "\x28\xb5\x2f\xfd") {
      compression = Compression::kZstd;
    } else {
      compression = Compression::kNone;
    }
  }
  switch (compression) {
    case Compression::kGzip:
      return std::make_unique<GzipSource>(std::move(file));
    case Compression::kZstd:
      return std::make_unique<ZstdSource>(std::move(file));
    default:
      return file;
  }
}

std::unique_ptr<ByteSource> OpenByteSourceAt(const std::string& path, uint64_t offset,
                                             std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read '" + path + "': " + std::strerror(errno);
    return nullptr;
  }
  if (::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
    *error = "cannot read '" + path + "': " + std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  return std::make_unique<FileSource>(fd, /*owned=*/true);
}

LineSource::LineSource(std::unique_ptr<ByteSource> bytes)
    : bytes_(std::move(bytes)), buffer_(kInitialLineBuffer + kLinePadding) {}

bool LineSource::Next(std::string_view* line) {
  line_error_.clear();
  oversized_ = 0;
  for (;;) {
    const char* data = buffer_.data();
    const size_t search_from = begin_ + scanned_;
    const void* newline = std::memchr(data + search_from, '\n', end_ - search_from);
    if (newline != nullptr) {
      size_t at = static_cast<const char*>(newline) - data;
      *line = std::string_view(data + begin_, at - begin_);
      if (line->size() > max_line_) {
        // Already buffered whole (it fit in what one read brought), but too
        // long all the same: the same answer as for a line skipped unread.
        oversized_ = line->size();
        *line = std::string_view(data + begin_, 0);
      }
      bytes_consumed_ += at + 1 - begin_;
      begin_ = at + 1;
      scanned_ = 0;
      return true;
    }
    scanned_ = end_ - begin_;
    if (end_ - begin_ > max_line_) {
      // Too long to keep: drop what is buffered and read on to the line's
      // end, keeping only its length.
      uint64_t length = end_ - begin_;
      bytes_consumed_ += length;
      begin_ = end_ = scanned_ = 0;
      bool ended = true;
      while (!stream_ended_ && Fill()) {
        const void* nl = std::memchr(buffer_.data(), '\n', end_);
        if (nl != nullptr) {
          const size_t at = static_cast<const char*>(nl) - buffer_.data();
          length += at;
          bytes_consumed_ += at + 1;
          begin_ = at + 1;
          ended = false;
          break;
        }
        length += end_;
        bytes_consumed_ += end_;
        end_ = 0;
      }
      oversized_ = length;
      // Give the grown buffer back: the next lines are likely ordinary.
      if (buffer_.size() > kInitialLineBuffer + kLinePadding && end_ - begin_ <= kInitialLineBuffer) {
        std::vector<char> small(kInitialLineBuffer + kLinePadding);
        std::memcpy(small.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
        buffer_.swap(small);
      }
      *line = std::string_view(buffer_.data(), 0);
      if (ended) {
        line_error_ = bytes_->error();
        error_reported_ = !line_error_.empty();
      }
      return true;
    }
    if (!stream_ended_ && Fill()) continue;

    if (begin_ < end_ || (!bytes_->error().empty() && !error_reported_)) {
      *line = std::string_view(data + begin_, end_ - begin_);
      bytes_consumed_ += end_ - begin_;
      begin_ = end_;
      scanned_ = 0;
      line_error_ = bytes_->error();
      error_reported_ = !line_error_.empty();
      return true;
    }
    return false;
  }
}

bool LineSource::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  size_t capacity = buffer_.size() - kLinePadding;
  if (end_ == capacity) {
    // Grow, but never past what tells an oversized line (max_line_ + 1
    // bytes): a line over the limit costs at most that much memory, however
    // long it is.
    const size_t enough = max_line_ == static_cast<size_t>(-1) ? max_line_ : max_line_ + 1;
    capacity = std::max(capacity + 1, std::min(capacity * 2, enough));
    buffer_.resize(capacity + kLinePadding);
  }
  size_t got = bytes_->Read(buffer_.data() + end_, capacity - end_);
  if (got == 0) {
    stream_ended_ = true;
    return false;
  }
  end_ += got;
  return true;
}

}  // namespace newslint
