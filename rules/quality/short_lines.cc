// quality/short-lines: FineWeb's share of short lines (definitions:
// docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/short-lines",
    Severity::kInfo,
    "An article in which at least 67% of the non-blank lines are 30 characters long or "
    "shorter, the short-line ratio of FineWeb's quality filter.",
    {
        {"max-share", "float", "0.67", "The share of short lines must be below this."},
        {"max-length", "int", "30", "Longest line, in characters, that counts as short."},
    },
    /*on_by_default=*/false};

class ShortLinesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    const int64_t max_length = options.GetInt("max-length", 30);
    const uint64_t short_lines = max_length < 0 ? 0 : s.ShortLines(static_cast<uint64_t>(max_length));
    ReportQuality(sink, s.content, "most lines are short",
                  {{"short-line-share", ">=", options.GetDouble("max-share", 0.67), short_lines,
                    s.lines.size()}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityShortLinesRule() { return std::make_unique<ShortLinesRule>(); }

}  // namespace newslint
