// newslint: the finding record.
//
// A Finding is one defect in one article: which rule saw it, how severe it is,
// where it is (a byte span into Article::text), a one-line message for people
// and the evidence (measured values, thresholds, matched phrases) that made the
// rule fire. Rules create findings through FindingSink (lint/rule.h); the
// engine stamps the rule id and severity and computes line, column and excerpt
// once, so every report format shows the same numbers.
//
// Offsets are bytes into the UTF-8 text, end exclusive. Lines are 1-based.
// Columns are 1-based and count Unicode code points (what an editor shows),
// not bytes.

#ifndef NEWSLINT_LINT_FINDING_H_
#define NEWSLINT_LINT_FINDING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace newslint {

// How sure a rule is that the record is wrong. Ordered: kInfo < kWarning < kError.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);  // "info", "warning", "error"
// Parses "info" / "warning" / "error"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view name);

// A half-open byte range [start, end) into Article::text.
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A safe replacement: substitute `text` for the bytes in `span`. Only offered
// where the repair is certain (e.g. mojibake whose original is unambiguous).
struct Fix {
  Span span;
  std::string text;
};

// One measured value behind a finding. Evidence is an ordered list of
// key/value pairs, written out as a JSON object in that order.
using EvidenceValue = std::variant<bool, int64_t, double, std::string,
                                   std::vector<std::string>>;
using Evidence = std::vector<std::pair<std::string, EvidenceValue>>;

struct Finding {
  std::string rule;  // "family/kebab-name"
  Severity severity = Severity::kWarning;
  std::string message;
  Span span;
  Evidence evidence;
  std::optional<Fix> fix;

  // Filled by the engine after the rules ran (see Locate in analysis.h).
  int64_t line = 0;    // 1-based
  int64_t column = 0;  // 1-based, Unicode code points
  std::string excerpt;  // the finding's line, trimmed to a window around it
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_FINDING_H_
