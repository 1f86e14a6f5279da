#include "lint/shard.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

#include "lint/readers/formats.h"
#include "lint/readers/line_source.h"

namespace newslint {
namespace {

constexpr size_t kScanChunk = 1 << 20;

bool ParsePositive(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && *out >= 1;
}

// The shard whose range holds byte `offset`; shard N for an offset at or
// past the end (an empty file last in the input). Ranges never overlap, and
// an empty range holds nothing, so exactly one shard owns each offset.
int64_t OwnerOf(uint64_t offset, uint64_t total, int64_t count) {
  if (offset >= total) return count;
  using u128 = unsigned __int128;
  int64_t k = static_cast<int64_t>(static_cast<u128>(offset) * count / total) + 1;
  k = std::clamp<int64_t>(k, 1, count);
  while (k > 1 && ShardRange(total, {k, count}).begin > offset) --k;
  while (k < count && ShardRange(total, {k, count}).end <= offset) ++k;
  return k;
}

std::string CannotRead(const std::string& path) {
  return "cannot read '" + path + "': " + std::strerror(errno);
}

// A file descriptor closed on every way out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads [offset, offset + size) with pread; returns bytes read (0 at the end),
// -1 on an error.
ssize_t ReadAt(int fd, char* buffer, size_t size, uint64_t offset) {
  for (;;) {
    ssize_t got = ::pread(fd, buffer, size, static_cast<off_t>(offset));
    if (got >= 0 || errno != EINTR) return got;
  }
}

// Where the first line starting at or after `begin` (> 0) starts, and how
// many lines come before it: lines start at 0 and after each "\n", so that
// is one past the first "\n" at or after begin - 1. Sets *found = false when
// no line starts there (the rest of the file is one line's tail).
bool FindFirstLine(int fd, uint64_t begin, uint64_t* start, int64_t* lines_before, bool* found,
                   const std::string& path, std::string* error) {
  std::vector<char> buffer(kScanChunk);
  int64_t newlines = 0;
  uint64_t at = 0;
  // Newlines before begin - 1: every one of them starts a line before ours.
  while (at < begin - 1) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(buffer.size(), begin - 1 - at));
    ssize_t got = ReadAt(fd, buffer.data(), want, at);
    if (got < 0) {
      *error = CannotRead(path);
      return false;
    }
    if (got == 0) {  // the file shrank since it was planned
      *found = false;
      return true;
    }
    newlines += std::count(buffer.data(), buffer.data() + got, '\n');
    at += static_cast<uint64_t>(got);
  }
  for (;;) {
    ssize_t got = ReadAt(fd, buffer.data(), buffer.size(), at);
    if (got < 0) {
      *error = CannotRead(path);
      return false;
    }
    if (got == 0) {
      *found = false;
      return true;
    }
    const void* nl = std::memchr(buffer.data(), '\n', static_cast<size_t>(got));
    if (nl != nullptr) {
      *start = at + static_cast<uint64_t>(static_cast<const char*>(nl) - buffer.data()) + 1;
      *lines_before = newlines + 1;
      *found = true;
      return true;
    }
    at += static_cast<uint64_t>(got);
  }
}

class EmptyReader : public ArticleReader {
 public:
  bool Next(Article*) override { return false; }
  uint64_t bytes_read() const override { return 0; }
};

// The lines of a JSONL reader up to the first one that starts at or after
// `limit` bytes from where the reader started.
class RangeReader : public ArticleReader {
 public:
  RangeReader(std::unique_ptr<ArticleReader> inner, uint64_t limit, uint64_t skipped)
      : inner_(std::move(inner)), limit_(limit), skipped_(skipped) {}

  bool Next(Article* article) override {
    if (inner_->bytes_read() >= limit_) return false;
    return inner_->Next(article);
  }
  uint64_t bytes_read() const override { return inner_->bytes_read(); }
  uint64_t source_position() const override { return skipped_ + inner_->source_position(); }

 private:
  std::unique_ptr<ArticleReader> inner_;
  uint64_t limit_;
  uint64_t skipped_;  // bytes of the piece before its first line
};

bool HasCompressedMagic(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return false;  // OpenShardPiece reports it
  unsigned char magic[4] = {0, 0, 0, 0};
  ssize_t got = ReadAt(fd.get(), reinterpret_cast<char*>(magic), sizeof magic, 0);
  if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return true;
  return got == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd;
}

}  // namespace

bool ParseShardSpec(std::string_view text, ShardSpec* spec, std::string* error) {
  size_t slash = text.find('/');
  ShardSpec s;
  if (slash == std::string_view::npos || !ParsePositive(text.substr(0, slash), &s.index) ||
      !ParsePositive(text.substr(slash + 1), &s.count)) {
    *error = "--shard takes K/N with whole numbers 1 <= K <= N, e.g. 2/8; got '" +
             std::string(text) + "'";
    return false;
  }
  if (s.index > s.count) {
    *error = "--shard " + std::string(text) + ": K must be between 1 and N";
    return false;
  }
  *spec = s;
  return true;
}

ByteRange ShardRange(uint64_t total, ShardSpec spec) {
  using u128 = unsigned __int128;
  auto at = [&](int64_t k) {
    return static_cast<uint64_t>(static_cast<u128>(total) * static_cast<u128>(k) /
                                 static_cast<u128>(spec.count));
  };
  return {at(spec.index - 1), at(spec.index)};
}

bool PlanShardOf(const std::vector<ShardInput>& inputs, ShardSpec spec,
                 const std::function<bool(size_t)>& can_split, ShardPlan* plan,
                 std::string* error) {
  *plan = ShardPlan{};
  for (const ShardInput& in : inputs) {
    if (in.size_known) {
      plan->total_bytes += in.size;
      continue;
    }
    plan->sizes_known = false;
    if (spec.count > 1) {
      *error = in.path == "-"
                   ? "--shard " + std::to_string(spec.index) + "/" + std::to_string(spec.count) +
                         " cannot read stdin (-): a shard needs the size of its input"
                   : "--shard cannot split '" + in.path +
                         "': it is not a regular file, so its size is unknown";
      return false;
    }
  }
  const ByteRange range = ShardRange(plan->total_bytes, spec);
  uint64_t offset = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ShardInput& in = inputs[i];
    ShardPiece piece;
    piece.path = in.path;
    piece.size = in.size;
    const uint64_t start = offset, end = offset + in.size;
    offset = end;
    const bool mine_whole = OwnerOf(start, plan->total_bytes, spec.count) == spec.index;
    if (!in.size_known || in.size == 0 || !in.jsonl) {
      if (!mine_whole) continue;
    } else {
      const uint64_t lo = std::max(start, range.begin), hi = std::min(end, range.end);
      if (lo >= hi) continue;  // no byte of the file in this shard
      const bool inside = start >= range.begin && end <= range.end;
      if (!inside && can_split(i)) {
        piece.whole = false;
        piece.begin = lo - start;
        piece.end = hi - start;
        piece.counts_file = start >= range.begin;
      } else if (!mine_whole) {
        continue;
      }
    }
    plan->shard_bytes += piece.bytes();
    plan->pieces.push_back(std::move(piece));
  }
  return true;
}

bool PlanShard(const std::vector<std::string>& files, ShardSpec spec, ShardPlan* plan,
               std::string* error) {
  std::vector<ShardInput> inputs;
  inputs.reserve(files.size());
  for (const std::string& path : files) {
    ShardInput in;
    in.path = path;
    if (path == "-") {
      in.size_known = false;
    } else {
      struct stat st;
      if (::stat(path.c_str(), &st) != 0) {
        // Gone since the inputs were listed: planned as an empty file, so the
        // shard that owns its place reports it (input/read-error) and the
        // others go on.
        in.size_known = true;
        in.size = 0;
        inputs.push_back(std::move(in));
        continue;
      }
      in.size_known = S_ISREG(st.st_mode);
      in.size = in.size_known ? static_cast<uint64_t>(st.st_size) : 0;
      in.jsonl = IsJsonlPath(path) && CompressionOfName(path) == Compression::kDetect;
    }
    inputs.push_back(std::move(in));
  }
  return PlanShardOf(
      inputs, spec, [&](size_t i) { return !HasCompressedMagic(inputs[i].path); }, plan, error);
}

std::unique_ptr<ArticleReader> OpenShardPiece(const ShardPiece& piece, const ReadOptions& options,
                                              std::string* error) {
  if (piece.whole) return OpenReader(piece.path, options, error);
  JsonlFieldNames names;
  if (!ResolveJsonlFieldNames(options, &names, error)) return nullptr;
  uint64_t start = 0;
  int64_t lines_before = 0;
  if (piece.begin > 0) {
    Fd fd(::open(piece.path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
      *error = CannotRead(piece.path);
      return nullptr;
    }
    bool found = false;
    if (!FindFirstLine(fd.get(), piece.begin, &start, &lines_before, &found, piece.path, error)) {
      return nullptr;
    }
    if (!found) return std::make_unique<EmptyReader>();
  }
  if (start >= piece.end) return std::make_unique<EmptyReader>();
  std::unique_ptr<ByteSource> bytes = OpenByteSourceAt(piece.path, start, error);
  if (bytes == nullptr) return nullptr;
  auto inner = MakeJsonlReader(piece.path, std::move(bytes), std::move(names), options.keep_html,
                               options.keep_raw_record, lines_before + 1,
                               options.keep_raw_record ? UINT64_MAX : options.max_record_bytes,
                               options.defer_decoding);
  return std::make_unique<RangeReader>(std::move(inner), piece.end - start, start - piece.begin);
}

}  // namespace newslint
