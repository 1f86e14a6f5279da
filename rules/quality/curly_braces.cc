// quality/curly-braces: C4's curly-bracket test, a sign of code in the text
// (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/curly-braces",
    Severity::kInfo,
    "An article containing an opening curly brace \"{\", which makes C4 drop the page as "
    "likely code.",
    {},
    /*on_by_default=*/false};

class CurlyBracesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    ReportQuality(sink, s.first_curly_brace, "curly brace in the text",
                  {{"curly-brace-count", ">", 0, s.curly_brace_count, 0}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityCurlyBracesRule() { return std::make_unique<CurlyBracesRule>(); }

}  // namespace newslint
