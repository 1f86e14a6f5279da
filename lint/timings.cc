#include "lint/timings.h"

#include <algorithm>
#include <stdexcept>

namespace newslint {

RuleTimings::RuleTimings()
    : ns_(new std::atomic<uint64_t>[kMaxRows]), calls_(new std::atomic<uint64_t>[kMaxRows]) {
  for (size_t i = 0; i < kMaxRows; ++i) {
    ns_[i].store(0);
    calls_[i].store(0);
  }
}

size_t RuleTimings::Row(const std::string& name) {
  auto it = std::find(names_.begin(), names_.end(), name);
  if (it != names_.end()) return static_cast<size_t>(it - names_.begin());
  // A fixed array: rows never move while workers add to them. A run has a
  // few dozen rows (one per rule, more with rule packs).
  if (names_.size() == kMaxRows) throw std::length_error("too many timing rows");
  names_.push_back(name);
  return names_.size() - 1;
}

std::vector<RuleTimings::Entry> RuleTimings::Entries() const {
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
  std::fprintf(out, "newslint: timings (CPU seconds over all threads; a shared view is charged to "
                    "the first rule that asks for it)\n");
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

}  // namespace newslint
