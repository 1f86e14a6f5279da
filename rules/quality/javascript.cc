// quality/javascript: C4's "javascript" line test (definitions:
// docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/javascript",
    Severity::kInfo,
    "An article with lines containing the word \"javascript\", lines that C4 drops as script "
    "notices or code.",
    {},
    /*on_by_default=*/false};

class JavascriptRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    ReportQuality(sink, s.first_javascript, "\"javascript\" in the text",
                  {{"javascript-line-count", ">", 0, s.javascript_lines, 0}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityJavascriptRule() { return std::make_unique<JavascriptRule>(); }

}  // namespace newslint
