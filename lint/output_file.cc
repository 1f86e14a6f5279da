#include "lint/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace newslint {

OutputFile::~OutputFile() { Abandon(); }

bool OutputFile::Open(const std::string& path, std::string* error) {
  path_ = path;
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  // A destination that exists and is not a regular file (/dev/null,
  // /dev/stdout, a FIFO) is written in place: there is nothing to rename
  // over, and renaming over a device node would replace it.
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  direct_ = !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  // Else the same folder as the destination, so the rename stays on one
  // file system.
  temp_ = direct_ ? path : path + ".tmp-" + std::to_string(static_cast<long>(getpid()));
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  open_ = true;
  return true;
}

bool OutputFile::Commit(std::string* error) {
  if (!open_) return true;
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) {
    *error = "writing '" + path_ + "' failed (disk full?); the file was not written";
    Abandon();
    return false;
  }
  if (!direct_ && std::rename(temp_.c_str(), path_.c_str()) != 0) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    Abandon();
    return false;
  }
  open_ = false;
  return true;
}

void OutputFile::Abandon() {
  if (!open_) return;
  if (out_.is_open()) out_.close();
  if (!direct_) std::remove(temp_.c_str());
  open_ = false;
}

}  // namespace newslint
