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
// lazily and shared (lint/analysis.h): each has a row of its own ("view:
// PageLayout", "view: tokens"), and its time is taken off the rule that asked
// for it first on each article, so that a rule's row is the rule's own work
// (a view that builds another view is charged without the inner one; a
// view built in the dataset pass and in the lint pass has one row for both). The
// "(analysis and sorting)" row is the engine's own work around the rules.
// Measuring costs two clock reads per rule and per view per article (well
// under 1% of a run); without --timings nothing is measured.

#ifndef NEWSLINT_LINT_TIMINGS_H_
#define NEWSLINT_LINT_TIMINGS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

namespace newslint {

class RuleTimings {
 public:
  RuleTimings();

  // Returns the index of `name`, adding a row if it is new; Add() takes
  // that index. Rows are added under a lock (views add theirs when first
  // built, from any thread); Add() and Count() take none.
  size_t Row(const std::string& name);

  void Add(size_t row, std::chrono::nanoseconds elapsed) {
    ns_[row].fetch_add(static_cast<uint64_t>(elapsed.count()), std::memory_order_relaxed);
  }
  void Count(size_t row, uint64_t calls = 1) {
    calls_[row].fetch_add(calls, std::memory_order_relaxed);
  }

  // The table: rows with any time, slowest first, with seconds, share of the
  // total and microseconds per call. `wall_seconds` is the run's wall time.
  void Print(std::FILE* out, double wall_seconds) const;

  struct Entry {
    std::string name;
    double seconds = 0;
    uint64_t calls = 0;
  };
  std::vector<Entry> Entries() const;  // in row order

  // Distinct for every RuleTimings made in the process (caches of rows key on it).
  uint64_t serial() const { return serial_; }

 private:
  static uint64_t NextSerial();

  static constexpr size_t kMaxRows = 1024;
  uint64_t serial_;
  mutable std::mutex names_mutex_;
  std::vector<std::string> names_;
  std::unique_ptr<std::atomic<uint64_t>[]> ns_;
  std::unique_ptr<std::atomic<uint64_t>[]> calls_;
};

// The views' clock of the thread linting: with --timings the engine installs
// one for each chunk of articles it lints (Engine::LintBatch) and the
// dataset pass one for each article (ScopedViewClock), and ScopedTiming
// reads views_ns before and after each rule's call, to take the views the
// rule built off its row. Without --timings no clock is installed and a view's
// build costs one thread-local read more.
struct ViewClock {
  RuleTimings* timings = nullptr;
  uint64_t views_ns = 0;  // outermost view builds on this thread, summed
  int depth = 0;          // views being built, one inside the other
  static constexpr int kMaxDepth = 16;
  uint64_t nested_ns[kMaxDepth] = {};  // per depth: the inner views' time
};

// Times a scope into one row: `ScopedTiming t(timings, row);` (no-op when
// `timings` is null). With the thread's ViewClock, the views built in the
// scope are left out (they have rows of their own); with a `parent` scope,
// the time charged here is left out of the parent's row too:
//
//   ScopedTiming lint(timings, engine_row, &views);          // the engine's own work
//   { ScopedTiming rule(timings, rule_row, &views, &lint); rule->Check(...); }
class ScopedTiming {
 public:
  ScopedTiming(RuleTimings* timings, size_t row, const ViewClock* views = nullptr,
               ScopedTiming* parent = nullptr)
      : timings_(timings), row_(row), views_(views), parent_(parent) {
    if (!timings_) return;
    if (views_) views_before_ = views_->views_ns;
    start_ = std::chrono::steady_clock::now();
  }
  ~ScopedTiming() {
    if (!timings_) return;
    const auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now() - start_);
    const auto in_views = std::chrono::nanoseconds(views_ ? views_->views_ns - views_before_ : 0);
    const auto own = elapsed - in_views - excluded_;
    timings_->Add(row_, own);
    timings_->Count(row_, calls_);
    if (parent_) parent_->excluded_ += own;
  }
  ScopedTiming(const ScopedTiming&) = delete;
  ScopedTiming& operator=(const ScopedTiming&) = delete;

  // The scope counts as `calls` calls of its row (one by default): a scope
  // that does the work of n calls at once, so that the row's time per call
  // stays comparable.
  void CountAs(uint64_t calls) { calls_ = calls; }

 private:
  RuleTimings* timings_;
  size_t row_;
  const ViewClock* views_;
  ScopedTiming* parent_;
  uint64_t calls_ = 1;
  uint64_t views_before_ = 0;
  std::chrono::nanoseconds excluded_{0};  // charged to scopes inside this one
  std::chrono::steady_clock::time_point start_;
};

// The calling thread's clock, or null.
ViewClock*& ThreadViewClock();

// Installs `clock` on this thread for a scope when it has timings (and
// restores the previous one).
class ScopedViewClock {
 public:
  explicit ScopedViewClock(ViewClock* clock) : previous_(ThreadViewClock()) {
    if (clock->timings) ThreadViewClock() = clock;
  }
  ~ScopedViewClock() { ThreadViewClock() = previous_; }
  ScopedViewClock(const ScopedViewClock&) = delete;
  ScopedViewClock& operator=(const ScopedViewClock&) = delete;

 private:
  ViewClock* previous_;
};

// Times the build of one view into its row, "view: NAME" (a no-op when the
// thread has no clock): `ViewTiming t("tokens");` (a string literal: its
// address keys a cache of rows), or with the view's type, whose name
// (without "newslint::") names the row.
class ViewTiming {
 public:
  explicit ViewTiming(std::string_view name) : clock_(ThreadViewClock()) {
    if (clock_) Begin(name);
  }
  explicit ViewTiming(const std::type_info& type) : clock_(ThreadViewClock()) {
    if (clock_) Begin(type);
  }
  ~ViewTiming() {
    if (clock_) End();
  }
  ViewTiming(const ViewTiming&) = delete;
  ViewTiming& operator=(const ViewTiming&) = delete;

 private:
  void Begin(std::string_view name);
  void Begin(const std::type_info& type);
  void Begin(const void* key, const std::function<std::string()>& name);
  void End();

  ViewClock* clock_;
  size_t row_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_TIMINGS_H_
