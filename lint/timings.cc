#include "lint/timings.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <stdexcept>

namespace newslint {

uint64_t RuleTimings::NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

RuleTimings::RuleTimings()
    : serial_(NextSerial()), ns_(new std::atomic<uint64_t>[kMaxRows]), calls_(new std::atomic<uint64_t>[kMaxRows]) {
  for (size_t i = 0; i < kMaxRows; ++i) {
    ns_[i].store(0);
    calls_[i].store(0);
  }
}

size_t RuleTimings::Row(const std::string& name) {
  const std::lock_guard<std::mutex> lock(names_mutex_);
  auto it = std::find(names_.begin(), names_.end(), name);
  if (it != names_.end()) return static_cast<size_t>(it - names_.begin());
  // A fixed array: rows never move while workers add to them. A run has a
  // few dozen rows (one per rule, more with rule packs).
  if (names_.size() == kMaxRows) throw std::length_error("too many timing rows");
  names_.push_back(name);
  return names_.size() - 1;
}

std::vector<RuleTimings::Entry> RuleTimings::Entries() const {
  const std::lock_guard<std::mutex> lock(names_mutex_);
  std::vector<Entry> out;
  for (size_t i = 0; i < names_.size(); ++i) {
    out.push_back({names_[i], static_cast<double>(ns_[i].load()) / 1e9, calls_[i].load()});
  }
  return out;
}

void RuleTimings::Print(std::FILE* out, double wall_seconds) const {
  std::vector<Entry> rows = Entries();
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Entry& e) { return e.calls == 0; }),
             rows.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Entry& a, const Entry& b) { return a.seconds > b.seconds; });
  double total = 0;
  for (const Entry& e : rows) total += e.seconds;
  size_t width = 4;
  for (const Entry& e : rows) width = std::max(width, e.name.size());
  std::fprintf(out, "newslint: timings (CPU seconds over all threads; a rule's row is its own work, "
                    "the views the rules share are rows of their own)\n");
  std::fprintf(out, "  %-*s %9s %7s %10s\n", static_cast<int>(width), "rule", "seconds", "share",
               "us/call");
  for (const Entry& e : rows) {
    std::fprintf(out, "  %-*s %9.3f %6.1f%% %10.1f\n", static_cast<int>(width), e.name.c_str(),
                 e.seconds, total > 0 ? 100 * e.seconds / total : 0.0,
                 e.calls ? 1e6 * e.seconds / static_cast<double>(e.calls) : 0.0);
  }
  std::fprintf(out, "  %-*s %9.3f %6.1f%%   (wall time %.3f s)\n", static_cast<int>(width),
               "total", total, 100.0, wall_seconds);
}

ViewClock*& ThreadViewClock() {
  thread_local ViewClock* clock = nullptr;
  return clock;
}

namespace {

// The row of a view, from a cache per thread keyed by the view's name or
// type (a few dozen pointer compares at most): the row's name is built and
// looked up under the lock once per thread, not on every article.
// Keyed by the RuleTimings' serial number, not its address: a later one may
// be made where an earlier one was.
size_t CachedRow(RuleTimings* timings, const void* key, const std::function<std::string()>& name) {
  struct Cached {
    uint64_t serial;
    const void* key;
    size_t row;
  };
  thread_local std::vector<Cached> cache;
  for (const Cached& c : cache) {
    if (c.key == key && c.serial == timings->serial()) return c.row;
  }
  const size_t row = timings->Row("view: " + name());
  cache.push_back({timings->serial(), key, row});
  return row;
}

}  // namespace

void ViewTiming::Begin(const void* key, const std::function<std::string()>& name) {
  if (clock_->depth >= ViewClock::kMaxDepth) {
    clock_ = nullptr;  // deeper than any view nests: charged to the outer one
    return;
  }
  row_ = CachedRow(clock_->timings, key, name);
  clock_->nested_ns[clock_->depth++] = 0;
  start_ = std::chrono::steady_clock::now();
}

void ViewTiming::Begin(std::string_view name) {
  Begin(name.data(), [name] { return std::string(name); });
}

void ViewTiming::Begin(const std::type_info& type) {
  Begin(&type, [&type] {
    // "newslint::PageLayout" -> "PageLayout", "newslint::(anonymous
    // namespace)::StoryView" -> "StoryView"; the mangled name if the
    // demangler fails.
    int status = 0;
    char* demangled = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
    std::string name = status == 0 && demangled ? demangled : type.name();
    std::free(demangled);
    for (std::string_view prefix : {"newslint::", "(anonymous namespace)::"}) {
      if (name.rfind(prefix, 0) == 0) name.erase(0, prefix.size());
    }
    return name;
  });
}

void ViewTiming::End() {
  const auto elapsed = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_)
          .count());
  const int depth = --clock_->depth;
  clock_->timings->Add(row_, std::chrono::nanoseconds(elapsed - clock_->nested_ns[depth]));
  clock_->timings->Count(row_);
  if (depth > 0) {
    clock_->nested_ns[depth - 1] += elapsed;
  } else {
    clock_->views_ns += elapsed;
  }
}

}  // namespace newslint
