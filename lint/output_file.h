// newslint: report files that are whole or absent.
//
// A report is written under a temporary name next to its destination
// ("report.json.tmp-12345") and renamed over the destination only when the
// run has written all of it and every write succeeded. An interrupted run,
// a full disk or a failed run leaves the destination as it was (missing, or
// the previous complete report), never a truncated file that looks whole;
// the temporary file is removed. A destination that is not a regular file
// (/dev/null, /dev/stdout, a FIFO) is written in place.
//
//   OutputFile out;
//   if (!out.Open("out/report.json", &error)) ...   // parents are created
//   out.stream() << ...;
//   if (!out.Commit(&error)) ...                     // flush, close, rename
//   // destroyed without Commit(): the temporary file is removed

#ifndef NEWSLINT_LINT_OUTPUT_FILE_H_
#define NEWSLINT_LINT_OUTPUT_FILE_H_

#include <fstream>
#include <string>

namespace newslint {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Creates the destination's parent folders and opens the temporary file.
  // False with *error ("cannot write 'PATH': REASON") when it cannot.
  bool Open(const std::string& path, std::string* error);
  std::ostream& stream() { return out_; }
  const std::string& path() const { return path_; }
  // Flushes and closes the temporary file and renames it to the
  // destination. False with *error when a write failed (the disk is full)
  // or the rename did; the temporary file is then removed.
  bool Commit(std::string* error);
  // Removes the temporary file without touching the destination.
  void Abandon();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool open_ = false;
  bool direct_ = false;  // a device or FIFO: written in place, no rename
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_OUTPUT_FILE_H_
