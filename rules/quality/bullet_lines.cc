// quality/bullet-lines: Gopher's share of lines that start with a bullet
// (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/bullet-lines",
    Severity::kInfo,
    "An article in which more than 90% of the non-blank lines start with a bullet, the "
    "bullet-line share of Gopher's quality filter.",
    {
        {"max-share", "float", "0.9", "Largest share of non-blank lines that may start with a "
                                      "bullet."},
    },
    /*on_by_default=*/false};

class BulletLinesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "most lines are bullets",
                  {{"bullet-line-share", ">", options.GetDouble("max-share", 0.9), s.bullet_lines,
                    s.lines.size()}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityBulletLinesRule() { return std::make_unique<BulletLinesRule>(); }

}  // namespace newslint
