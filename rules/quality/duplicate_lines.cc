// quality/duplicate-lines: Gopher's duplicate-line fractions, by count and by
// characters (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/duplicate-lines",
    Severity::kInfo,
    "An article in which more than 30% of the non-blank lines, or lines holding more than 20% "
    "of the characters, repeat an earlier line, the duplicate-line fractions of Gopher's "
    "repetition filter.",
    {
        {"max-share", "float", "0.3", "Largest share of non-blank lines that may repeat an "
                                      "earlier line."},
        {"max-char-share", "float", "0.2", "Largest share of the characters of non-blank lines "
                                           "that may lie in lines repeating an earlier line."},
    },
    /*on_by_default=*/false};

class DuplicateLinesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0 || s.duplicate_lines == 0) return;
    // The finding points at the first line that repeats an earlier one.
    ReportQuality(sink, s.lines[s.first_duplicate_line].span, "lines repeat earlier lines",
                  {{"duplicate-line-share", ">", options.GetDouble("max-share", 0.3),
                    s.duplicate_lines, s.lines.size()},
                   {"duplicate-line-char-share", ">", options.GetDouble("max-char-share", 0.2),
                    s.duplicate_line_chars, s.line_chars}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityDuplicateLinesRule() {
  return std::make_unique<DuplicateLinesRule>();
}

}  // namespace newslint
