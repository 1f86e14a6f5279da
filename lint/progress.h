// newslint: the progress line of a long run, on stderr.
//
//   newslint: 1,204,000 articles, 2,310.4 of 8,000.0 MB (28.9%), 96.2 MB/s, ETA 59s
//
// Drawn only when stderr is a terminal (or with --progress; --no-progress
// silences it), redrawn in place with "\r" at most four times a second, and
// wiped at the end so that nothing of it stays in the terminal's scrollback.
// MB (10^6 bytes) are bytes of the input files as stored: for .gz/.zst the
// compressed bytes read, so the percentage and ETA hold for compressed input
// too. Without a known total (stdin, a pipe) the line shows no percentage
// and no ETA.
//
// The pipeline (lint/pipeline.cc) calls Update() from its main thread as each
// batch of results is emitted, so the line needs no locking and costs one
// clock read per batch.

#ifndef NEWSLINT_LINT_PROGRESS_H_
#define NEWSLINT_LINT_PROGRESS_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

namespace newslint {

struct ProgressCounters {
  int64_t articles = 0;
  uint64_t bytes_done = 0;    // input bytes read (as stored)
  uint64_t bytes_total = 0;   // meaningful only when total_known
  bool total_known = false;
  double elapsed_seconds = 0;
};

// The line for these counters, without "\r" or newline (pure; tested).
std::string FormatProgressLine(const ProgressCounters& counters);

class ProgressLine {
 public:
  // `now` returns seconds on a steady clock (injectable for tests; default
  // std::chrono::steady_clock).
  ProgressLine(std::FILE* out, uint64_t bytes_total, bool total_known,
               std::function<double()> now = {});

  // New counters; redraws when the last draw is at least 0.25 s old.
  void Update(int64_t articles, uint64_t bytes_done);
  // Wipes the line (if one was drawn). Idempotent.
  void Finish();

  static constexpr double kRedrawSeconds = 0.25;

 private:
  void Draw(const std::string& line);

  std::FILE* out_;
  uint64_t bytes_total_;
  bool total_known_;
  std::function<double()> now_;
  double started_;
  double last_draw_ = -1;
  size_t drawn_width_ = 0;  // bytes of the line on screen (0: none)
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_PROGRESS_H_
