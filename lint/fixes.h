// newslint: applying the fixes of findings to an article's text.
//
// A Fix (lint/finding.h) replaces the bytes of a span with a text. ApplyFixes
// applies the fixes of the selected rules to a text in one pass:
//
//   FixFilter filter{{"boilerplate", "garbled/mojibake"}};  // empty: every rule
//   FixStats stats;
//   std::string cleaned = ApplyFixes(article.text, findings, filter, &stats);
//
// Order and conflicts. Fixes apply in order of position (span start, then
// the longer span first, then the order of `findings`). A fix that overlaps
// one already applied is skipped and counted in FixStats::skipped, with one
// exception: two removals (replacement "") that overlap are merged into the
// removal of their union, since deleting bytes twice cannot conflict
// (adjacent line removals share a "\n" when the last line has none). A fix
// strictly inside a removed line is therefore skipped: the line is gone. An
// insertion (an empty span) conflicts only when it falls strictly inside an
// applied span. A fix whose span lies outside the text is skipped too.
//
// Bytes are bytes: ApplyFixes neither checks nor repairs UTF-8.

#ifndef NEWSLINT_LINT_FIXES_H_
#define NEWSLINT_LINT_FIXES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"

namespace newslint {

// Which rules' fixes apply: rule ids or families ("boilerplate",
// "garbled/mojibake"); empty selects every rule.
struct FixFilter {
  std::vector<std::string> rules;

  bool Selects(std::string_view rule_id) const;
};

struct FixStats {
  int64_t applied = 0;  // fixes applied (a removal merged into another counts)
  int64_t skipped = 0;  // fixes of selected rules not applied: overlapping, or out of the text

  FixStats& operator+=(const FixStats& o) {
    applied += o.applied;
    skipped += o.skipped;
    return *this;
  }
};

// `text` with the fixes of the findings of selected rules applied. `stats`,
// when given, is added to (not reset).
std::string ApplyFixes(std::string_view text, const std::vector<Finding>& findings,
                       const FixFilter& filter, FixStats* stats = nullptr);

}  // namespace newslint

#endif  // NEWSLINT_LINT_FIXES_H_
