#include "lint/fixes.h"

#include <algorithm>

namespace newslint {

bool FixFilter::Selects(std::string_view rule_id) const {
  if (rules.empty()) return true;
  for (const std::string& r : rules) {
    if (r == rule_id) return true;
    if (rule_id.size() > r.size() && rule_id.substr(0, r.size()) == r && rule_id[r.size()] == '/') {
      return true;
    }
  }
  return false;
}

std::string ApplyFixes(std::string_view text, const std::vector<Finding>& findings,
                       const FixFilter& filter, FixStats* stats) {
  FixStats local;
  std::vector<const Fix*> fixes;
  for (const Finding& f : findings) {
    if (!f.fix || !filter.Selects(f.rule)) continue;
    const Span& s = f.fix->span;
    if (s.start > s.end || s.end > text.size()) {
      ++local.skipped;
      continue;
    }
    fixes.push_back(&*f.fix);
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Fix* a, const Fix* b) {
    if (a->span.start != b->span.start) return a->span.start < b->span.start;
    return a->span.end > b->span.end;
  });

  std::string out;
  out.reserve(text.size());
  size_t copied = 0;         // bytes of `text` before this are in `out` or removed
  size_t applied_end = 0;    // end of the last applied span
  bool last_removal = false; // the last applied fix removed bytes
  bool any = false;
  for (const Fix* fix : fixes) {
    const Span& s = fix->span;
    const bool removal = fix->text.empty() && !s.empty();
    if (any && s.start < applied_end) {
      if (removal && last_removal) {  // overlapping removals: remove the union
        applied_end = std::max(applied_end, s.end);
        copied = applied_end;
        ++local.applied;
      } else {
        ++local.skipped;
      }
      continue;
    }
    out.append(text.substr(copied, s.start - copied));
    out.append(fix->text);
    copied = s.end;
    applied_end = s.end;
    last_removal = removal;
    any = true;
    ++local.applied;
  }
  out.append(text.substr(copied));
  if (stats != nullptr) *stats += local;
  return out;
}

}  // namespace newslint
