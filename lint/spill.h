// newslint: the spill of a run that lints each article once.
//
// With dataset rules on, no finding can be reported before the whole input
// has been read: a line's count across its site is known only at the end.
// Such a run (lint/pipeline.h) lints every article as it reads it, writes
// each article's findings and its dataset rules' memos (DatasetRule::Note)
// to a temporary file, one record per article in input order, and once the
// statistics are finished reads the records back beside the input's
// articles to report them:
//
//   SpillFile spill;
//   if (!spill.Create(&error)) ...;             // $TMPDIR or /var/tmp, unlinked
//   std::string records;
//   AppendSpillRecord(article, findings, memos, n, &records);  // framed
//   spill.Append(records);  ...                 // every article, in order
//   spill.Rewind();
//   std::string record;
//   spill.Next(&record);                        // one record, in order
//   DecodeSpillRecord(record, article, &findings, &memos);
//
// The file is removed from its folder as soon as it is made: it is gone
// when the run ends however it ends. It holds the findings and memos only,
// not the text: what it takes grows with the findings (a few hundred bytes
// each) and the lines the dataset rules note (a few bytes each), not with
// the input.

#ifndef NEWSLINT_LINT_SPILL_H_
#define NEWSLINT_LINT_SPILL_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "lint/readers/stdin_copy_view.h"

namespace newslint {

// Appends to *out one record, framed with its length: an article's findings
// (every field) and its `n` memos, with what identifies the article (its
// record number and text length).
void AppendSpillRecord(const Article& article, const std::vector<Finding>& findings,
                       const std::string* memos, size_t n, std::string* out);

// Reads a record AppendSpillRecord wrote (SpillFile::Next unframes it): the findings into *findings
// (replaced), the memos as views into `record`. False when the record is
// malformed or was written for another article than `article` (another
// record number or text length: the input changed between the reads).
bool DecodeSpillRecord(std::string_view record, const Article& article,
                       std::vector<Finding>* findings, std::vector<std::string_view>* memos);

class SpillFile {
 public:
  SpillFile() = default;
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Makes the file in $TMPDIR (else /var/tmp, which unlike /tmp is on disk
  // on most systems) and unlinks it. False with a one-line *error when it
  // cannot.
  bool Create(std::string* error);
  // Appends records AppendSpillRecord framed. False on a write error.
  bool Append(std::string_view records);
  // Ends the writing and goes back to the first record. False on an error
  // (the disk full).
  bool Rewind();
  // The next record into *record (replaced); false at the end or on an
  // error.
  bool Next(std::string* record);
  // Bytes appended so far.
  uint64_t bytes() const { return bytes_; }

 private:
  std::FILE* file_ = nullptr;
  uint64_t bytes_ = 0;
};

// A copy of stdin in a temporary file, for a run that reads its input twice
// (dataset rules: lint/pipeline.h). Stdin can be read only once, so such a
// run copies it to its end before the first pass, and every pass reads the
// copy where the inputs say "-" (ReadOptions::stdin_copy):
//
//   StdinCopy copy;
//   if (!copy.Make(&error)) ...;   // note it: "-" can be read once only
//   read_options.stdin_copy = copy.view();
//
// The copy holds stdin's bytes as they came (compressed if they were), in
// $TMPDIR (else /var/tmp), unlinked at once like the spill: it takes as
// much disk as stdin carried, and is gone when the run ends. Stdin that is
// a regular file (`newslint check - < file`) can be read again as it is:
// then nothing is copied, and the passes read it from where stdin stood.
class StdinCopy {
 public:
  StdinCopy() = default;
  ~StdinCopy();
  StdinCopy(const StdinCopy&) = delete;
  StdinCopy& operator=(const StdinCopy&) = delete;

  // Copies stdin (`from`, for tests) to its end, or takes it as it is when
  // it is a regular file. A read error on stdin is no failure: the copy
  // holds what came before it, and the view's end_error says what ended it,
  // for the reader to report on the record it broke off in, as it would
  // have reading stdin itself.
  //
  // False with a one-line *error when the file cannot be made or written
  // (the disk full). Stdin is then partly read, and the view reads it once:
  // what the copy holds, what was read but not written, then the rest of
  // stdin (view().ReadableTwice() is false).
  bool Make(std::string* error, int from = 0);
  // Where to read stdin's bytes (valid while this object lives).
  StdinCopyView view() const;
  // Bytes copied (0 when stdin is a regular file, taken as it is).
  uint64_t bytes() const { return bytes_; }
  bool copied() const { return copied_; }

 private:
  int fd_ = -1;
  uint64_t offset_ = 0;
  bool copied_ = false;
  std::string end_error_;
  uint64_t bytes_ = 0;
  std::string unwritten_;  // read from stdin, not written to the copy
  int rest_fd_ = -1;       // stdin, when the copy holds only its start
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_SPILL_H_
