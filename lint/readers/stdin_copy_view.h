// newslint readers: where "-" is read from when stdin was copied to disk.

#ifndef NEWSLINT_LINT_READERS_STDIN_COPY_VIEW_H_
#define NEWSLINT_LINT_READERS_STDIN_COPY_VIEW_H_

#include <cstdint>
#include <string_view>

namespace newslint {

// A copy of stdin on disk (StdinCopy, lint/spill.h) to read in its place:
// its file descriptor (-1: none, stdin itself is read), the offset of
// stdin's first byte in it, and the error that ended stdin while it was
// copied ("" when it ended at its end). A copy that holds only the start of
// stdin (the disk filled up) goes on with `unwritten`, the bytes read from
// stdin but not written, and then reads the rest of stdin from `rest_fd`;
// such a copy can be read once.
struct StdinCopyView {
  int fd = -1;
  uint64_t offset = 0;  // where stdin's bytes start in it
  std::string_view end_error;
  std::string_view unwritten;
  int rest_fd = -1;  // -1: the copy holds all of stdin

  // Whether "-" can be read more than once: a copy of all of stdin.
  bool ReadableTwice() const { return fd >= 0 && rest_fd < 0; }
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_STDIN_COPY_VIEW_H_
