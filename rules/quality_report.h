// newslint: how the quality/* rules word their findings.
//
// A quality rule measures one heuristic, with one or more signals (the
// symbol ratio has a hash and an ellipsis signal, the duplicate n-grams one
// signal per n). An article gets at most one finding per rule, listing every
// signal that crossed its threshold. The evidence lets a reviewer redo the
// arithmetic:
//
//   {"metric": "duplicate-line-share", "value": 0.4, "threshold": 0.3,
//    "comparison": ">", "numerator": 4, "denominator": 10,
//    "signals": ["duplicate-line-share 0.4 > 0.3 (4/10)", ...]}
//
// metric/value/threshold/numerator/denominator belong to the first signal
// that fired (in the order the rule's page lists them); "signals" lists them
// all. Counts (word count, stop words, markers) have no numerator and
// denominator, and an integer value.

#ifndef NEWSLINT_RULES_QUALITY_REPORT_H_
#define NEWSLINT_RULES_QUALITY_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"
#include "lint/rule.h"

namespace newslint {

struct QualitySignal {
  std::string metric;           // e.g. "duplicate-line-share"
  std::string_view comparison;  // how the value crossed: ">", "<", ">=", "<="
  double threshold = 0;
  // A ratio numerator/denominator when denominator > 0, else the count
  // `numerator` itself.
  uint64_t numerator = 0;
  uint64_t denominator = 0;

  bool is_ratio() const { return denominator > 0; }
  double value() const {
    return is_ratio() ? static_cast<double>(numerator) / static_cast<double>(denominator)
                      : static_cast<double>(numerator);
  }
  // Whether the value crossed the threshold, by `comparison`.
  bool Fires() const;
  // "duplicate-line-share 0.4 > 0.3 (4/10)".
  std::string Describe() const;
};

// Reports one finding for the signals that fire (nothing when none does).
// `what` opens the message ("lines repeat earlier lines"); `extra` evidence
// is appended after the signals.
void ReportQuality(FindingSink& sink, Span span, std::string_view what,
                   const std::vector<QualitySignal>& signals, Evidence extra = {});

// A number as the messages show it: up to four decimals, no trailing zeros.
std::string FormatQualityNumber(double v);

}  // namespace newslint

#endif  // NEWSLINT_RULES_QUALITY_REPORT_H_
