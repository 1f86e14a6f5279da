#include "lint/spill.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "lint/bytes.h"

namespace newslint {
namespace {

// Evidence values by their variant index (EvidenceValue, lint/finding.h).
// A record's frame: its length as a varint of exactly this many bytes (up
// to 32 GiB).
constexpr size_t kFrameBytes = 5;

enum : uint64_t { kBool = 0, kInt = 1, kDouble = 2, kString = 3, kList = 4 };

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

void EncodeValue(const EvidenceValue& value, std::string* out) {
  AppendVarint(out, value.index());
  switch (value.index()) {
    case kBool: AppendVarint(out, std::get<bool>(value) ? 1 : 0); break;
    case kInt: AppendVarint(out, ZigZag(std::get<int64_t>(value))); break;
    case kDouble: AppendDouble(out, std::get<double>(value)); break;
    case kString: AppendString(out, std::get<std::string>(value)); break;
    case kList: {
      const auto& list = std::get<std::vector<std::string>>(value);
      AppendVarint(out, list.size());
      for (const std::string& s : list) AppendString(out, s);
      break;
    }
  }
}

bool DecodeValue(ByteReader& in, EvidenceValue* value) {
  uint64_t index = 0, n = 0;
  std::string_view s;
  if (!in.Varint(&index)) return false;
  switch (index) {
    case kBool:
      if (!in.Varint(&n)) return false;
      *value = n != 0;
      return true;
    case kInt:
      if (!in.Varint(&n)) return false;
      *value = UnZigZag(n);
      return true;
    case kDouble: {
      double d = 0;
      if (!in.Double(&d)) return false;
      *value = d;
      return true;
    }
    case kString:
      if (!in.String(&s)) return false;
      *value = std::string(s);
      return true;
    case kList: {
      if (!in.Varint(&n)) return false;
      std::vector<std::string> list;
      for (uint64_t k = 0; k < n; ++k) {
        if (!in.String(&s)) return false;
        list.emplace_back(s);
      }
      *value = std::move(list);
      return true;
    }
    default:
      return false;
  }
}

void EncodeFinding(const Finding& f, std::string* out) {
  AppendString(out, f.rule);
  AppendVarint(out, static_cast<uint64_t>(f.severity));
  AppendString(out, f.message);
  AppendVarint(out, f.span.start);
  AppendVarint(out, f.span.end);
  AppendVarint(out, f.evidence.size());
  for (const auto& [key, value] : f.evidence) {
    AppendString(out, key);
    EncodeValue(value, out);
  }
  AppendVarint(out, f.fix.has_value() ? 1 : 0);
  if (f.fix) {
    AppendVarint(out, f.fix->span.start);
    AppendVarint(out, f.fix->span.end);
    AppendString(out, f.fix->text);
  }
  AppendVarint(out, ZigZag(f.line));
  AppendVarint(out, ZigZag(f.column));
  AppendString(out, f.excerpt);
}

bool DecodeFinding(ByteReader& in, Finding* f) {
  std::string_view s;
  uint64_t v = 0, n = 0;
  if (!in.String(&s)) return false;
  f->rule.assign(s);
  if (!in.Varint(&v) || v > static_cast<uint64_t>(Severity::kError)) return false;
  f->severity = static_cast<Severity>(v);
  if (!in.String(&s)) return false;
  f->message.assign(s);
  if (!in.Varint(&v) || !in.Varint(&n)) return false;
  f->span = {v, n};
  if (!in.Varint(&n)) return false;
  f->evidence.clear();
  for (uint64_t k = 0; k < n; ++k) {
    if (!in.String(&s)) return false;
    f->evidence.emplace_back(std::string(s), EvidenceValue());
    if (!DecodeValue(in, &f->evidence.back().second)) return false;
  }
  if (!in.Varint(&v)) return false;
  f->fix.reset();
  if (v != 0) {
    Fix fix;
    if (!in.Varint(&v) || !in.Varint(&n) || !in.String(&s)) return false;
    fix.span = {v, n};
    fix.text.assign(s);
    f->fix = std::move(fix);
  }
  if (!in.Varint(&v)) return false;
  f->line = UnZigZag(v);
  if (!in.Varint(&v)) return false;
  f->column = UnZigZag(v);
  if (!in.String(&s)) return false;
  f->excerpt.assign(s);
  return true;
}

}  // namespace

void AppendSpillRecord(const Article& article, const std::vector<Finding>& findings,
                       const std::string* memos, size_t n, std::string* records) {
  // The frame's length is written last, into five bytes kept for it: a
  // varint padded with continuation bytes reads as the same number.
  const size_t frame = records->size();
  records->append(kFrameBytes, '\0');
  std::string* out = records;
  AppendVarint(out, ZigZag(article.record));
  AppendVarint(out, article.text.size());
  AppendVarint(out, findings.size());
  for (const Finding& f : findings) EncodeFinding(f, out);
  AppendVarint(out, n);
  for (size_t d = 0; d < n; ++d) AppendString(out, memos[d]);
  uint64_t size = records->size() - frame - kFrameBytes;
  for (size_t k = 0; k < kFrameBytes; ++k, size >>= 7) {
    (*records)[frame + k] = static_cast<char>((size & 0x7F) | (k + 1 < kFrameBytes ? 0x80 : 0));
  }
}

bool DecodeSpillRecord(std::string_view record, const Article& article,
                       std::vector<Finding>* findings, std::vector<std::string_view>* memos) {
  ByteReader in(record);
  uint64_t v = 0, size = 0, n = 0;
  if (!in.Varint(&v) || UnZigZag(v) != article.record) return false;
  if (!in.Varint(&size) || size != article.text.size()) return false;
  if (!in.Varint(&n) || n > record.size()) return false;
  findings->clear();
  findings->resize(n);
  for (Finding& f : *findings) {
    if (!DecodeFinding(in, &f)) return false;
  }
  if (!in.Varint(&n) || n > record.size()) return false;
  memos->clear();
  for (uint64_t d = 0; d < n; ++d) {
    std::string_view memo;
    if (!in.String(&memo)) return false;
    memos->push_back(memo);
  }
  return in.done();
}

namespace {

// Makes a temporary file named `stem`-XXXXXX in $TMPDIR (else /var/tmp,
// which unlike /tmp is on disk on most systems: /tmp is often a tmpfs, held
// in memory) and unlinks it, so that it is gone with the run however the
// run ends. Its descriptor, or -1 with *error.
int MakeTemporaryFile(const char* stem, std::string* error) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = (dir && *dir ? std::string(dir) : std::string("/var/tmp")) + "/" + stem +
                     "-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    *error = "cannot make a temporary file in " + path.substr(0, path.rfind('/')) + ": " +
             std::strerror(errno);
    return -1;
  }
  unlink(path.c_str());
  return fd;
}

}  // namespace

SpillFile::~SpillFile() {
  if (file_) std::fclose(file_);
}

bool SpillFile::Create(std::string* error) {
  const int fd = MakeTemporaryFile("newslint-spill", error);
  if (fd < 0) return false;
  file_ = fdopen(fd, "w+b");
  if (!file_) {
    *error = std::string("cannot open a temporary file: ") + std::strerror(errno);
    close(fd);
    return false;
  }
  static constexpr size_t kBuffer = size_t{1} << 20;
  std::setvbuf(file_, nullptr, _IOFBF, kBuffer);
  return true;
}

bool SpillFile::Append(std::string_view records) {
  bytes_ += records.size();
  return std::fwrite(records.data(), 1, records.size(), file_) == records.size();
}

bool SpillFile::Rewind() {
  return std::fflush(file_) == 0 && !std::ferror(file_) && std::fseek(file_, 0, SEEK_SET) == 0;
}

bool SpillFile::Next(std::string* record) {
  uint64_t size = 0;
  for (int shift = 0;; shift += 7) {
    const int c = getc_unlocked(file_);
    if (c == EOF || shift > 63) return false;
    size |= static_cast<uint64_t>(c & 0x7F) << shift;
    if ((c & 0x80) == 0) break;
  }
  record->resize(size);
  return std::fread(record->data(), 1, size, file_) == size;
}

StdinCopyView StdinCopy::view() const {
  return StdinCopyView{fd_, offset_, end_error_, unwritten_, rest_fd_};
}

StdinCopy::~StdinCopy() {
  if (fd_ >= 0) close(fd_);
}

bool StdinCopy::Make(std::string* error, int from) {
  // A regular file needs no copy: read it again from where stdin stands
  // (a shell may have read some of it before newslint started).
  struct stat st;
  if (fstat(from, &st) == 0 && S_ISREG(st.st_mode)) {
    const off_t at = lseek(from, 0, SEEK_CUR);
    if (at >= 0) {
      fd_ = dup(from);
      if (fd_ >= 0) {
        offset_ = static_cast<uint64_t>(at);
        return true;
      }
    }
  }
  const int copy = MakeTemporaryFile("newslint-stdin", error);
  if (copy < 0) {
    fd_ = -1;  // stdin itself, read once
    return false;
  }
  fd_ = copy;
  copied_ = true;
  std::vector<char> buffer(size_t{1} << 20);
  for (;;) {
    const ssize_t got = read(from, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      end_error_ = std::string("read error: ") + std::strerror(errno);
      return true;
    }
    if (got == 0) return true;
    for (ssize_t done = 0; done < got;) {
      const ssize_t put = write(fd_, buffer.data() + done, static_cast<size_t>(got - done));
      if (put < 0 && errno == EINTR) continue;
      if (put <= 0) {
        *error = std::string("cannot write the temporary copy of stdin: ") +
                 std::strerror(put < 0 ? errno : ENOSPC) +
                 " (is the disk of $TMPDIR, or of /var/tmp, full?)";
        unwritten_.assign(buffer.data() + done, static_cast<size_t>(got - done));
        rest_fd_ = from;
        return false;
      }
      done += put;
      bytes_ += static_cast<uint64_t>(put);
    }
  }
}

}  // namespace newslint
