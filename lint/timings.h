// newslint: where a run's CPU time goes, per rule (`newslint check --timings`).
//
// A linter that is slow on someone's corpus should say which rule is slow, so
// that they can --ignore it or report it (ESLint's TIMING=1 does the same).
// With --timings the engine measures every rule's Check() on every article,
// the dataset pass measures every dataset rule's Observe(), and the run ends
// with a table on stderr, slowest first.
//
// What a row means: CPU time summed over all worker threads (so with --jobs 2
// the rows add up to about twice the wall time). The analysis views are built
// lazily and shared (lint/analysis.h), so a view's cost is charged to the first
// rule that asks for it on each article; the "(analysis and sorting)" row is
// the engine's own work around the rules. Measuring costs two clock reads per
// rule per article (well under 1% of a run); without --timings nothing is
// measured.

#ifndef NEWSLINT_LINT_TIMINGS_H_
#define NEWSLINT_LINT_TIMINGS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace newslint {

class RuleTimings {
 public:
  RuleTimings();

  // Returns the index of `name`, adding a row if it is new; Add() takes
  // that index. Not thread-safe: register every row before the run starts.
  size_t Row(const std::string& name);

  void Add(size_t row, std::chrono::nanoseconds elapsed) {
    ns_[row].fetch_add(static_cast<uint64_t>(elapsed.count()), std::memory_order_relaxed);
  }
  void Count(size_t row) { calls_[row].fetch_add(1, std::memory_order_relaxed); }

  // The table: rows with any time, slowest first, with seconds, share of the
  // total and microseconds per call. `wall_seconds` is the run's wall time.
  void Print(std::FILE* out, double wall_seconds) const;

  struct Entry {
    std::string name;
    double seconds = 0;
    uint64_t calls = 0;
  };
  std::vector<Entry> Entries() const;  // in row order

 private:
  static constexpr size_t kMaxRows = 1024;
  std::vector<std::string> names_;
  std::unique_ptr<std::atomic<uint64_t>[]> ns_;
  std::unique_ptr<std::atomic<uint64_t>[]> calls_;
};

// Times a scope into one row: `ScopedTiming t(timings, row);` (no-op when
// `timings` is null).
class ScopedTiming {
 public:
  ScopedTiming(RuleTimings* timings, size_t row) : timings_(timings), row_(row) {
    if (timings_) start_ = std::chrono::steady_clock::now();
  }
  ~ScopedTiming() {
    if (!timings_) return;
    timings_->Add(row_, std::chrono::steady_clock::now() - start_);
    timings_->Count(row_);
  }
  ScopedTiming(const ScopedTiming&) = delete;
  ScopedTiming& operator=(const ScopedTiming&) = delete;

 private:
  RuleTimings* timings_;
  size_t row_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_TIMINGS_H_
