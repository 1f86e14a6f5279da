// quality/ellipsis-lines: Gopher's share of lines that end with an ellipsis
// (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/ellipsis-lines",
    Severity::kInfo,
    "An article in which more than 30% of the non-blank lines end with an ellipsis (\"...\" or "
    "\"…\"), the ellipsis-line share of Gopher's quality filter.",
    {
        {"max-share", "float", "0.3", "Largest share of non-blank lines that may end with an "
                                      "ellipsis."},
    },
    /*on_by_default=*/false};

class EllipsisLinesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "many lines end with an ellipsis",
                  {{"ellipsis-line-share", ">", options.GetDouble("max-share", 0.3),
                    s.ellipsis_lines, s.lines.size()}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityEllipsisLinesRule() {
  return std::make_unique<EllipsisLinesRule>();
}

}  // namespace newslint
