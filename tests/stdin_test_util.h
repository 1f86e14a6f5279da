// Test helpers for code that reads stdin: a pipe fed by a thread, and stdin
// redirected for the length of a scope.

#ifndef NEWSLINT_TESTS_STDIN_TEST_UTIL_H_
#define NEWSLINT_TESTS_STDIN_TEST_UTIL_H_

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <string>
#include <thread>
#include <utility>

namespace newslint {

// `bytes` through a pipe, as a shell gives stdin from a command: the code
// under test reads read_end() while a thread writes the bytes (in pieces of
// 70,000). The reading end is closed when the object goes, so a reader that
// stops early makes the writer's write fail (EPIPE, with SIGPIPE ignored
// meanwhile) instead of blocking; a StdinFrom(read_end()) must go first
// (declared after the PipeOf), as it holds the reading end too.
class PipeOf {
 public:
  explicit PipeOf(std::string bytes) : bytes_(std::move(bytes)) {
    old_sigpipe_ = std::signal(SIGPIPE, SIG_IGN);
    if (pipe(fds_) != 0) fds_[0] = fds_[1] = -1;
    writer_ = std::thread([this] {
      for (size_t at = 0; at < bytes_.size();) {
        const ssize_t put = write(fds_[1], bytes_.data() + at, std::min<size_t>(70000, bytes_.size() - at));
        if (put <= 0) break;
        at += static_cast<size_t>(put);
      }
      close(fds_[1]);
    });
  }
  ~PipeOf() {
    close(fds_[0]);
    writer_.join();
    std::signal(SIGPIPE, old_sigpipe_);
  }
  int read_end() const { return fds_[0]; }

 private:
  std::string bytes_;
  int fds_[2];
  std::thread writer_;
  void (*old_sigpipe_)(int) = nullptr;
};

// Stdin (file descriptor 0) is `fd` until the object goes, then what it was.
class StdinFrom {
 public:
  explicit StdinFrom(int fd) : saved_(dup(STDIN_FILENO)) { ok_ = dup2(fd, STDIN_FILENO) >= 0; }
  ~StdinFrom() {
    dup2(saved_, STDIN_FILENO);
    close(saved_);
  }
  bool ok() const { return ok_ && saved_ >= 0; }

 private:
  int saved_;
  bool ok_ = false;
};

}  // namespace newslint

#endif  // NEWSLINT_TESTS_STDIN_TEST_UTIL_H_
