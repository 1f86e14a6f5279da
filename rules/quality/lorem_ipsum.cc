// quality/lorem-ipsum: C4's placeholder-text test (definitions:
// docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/lorem-ipsum",
    Severity::kInfo,
    "An article containing the placeholder text \"lorem ipsum\", which makes C4 drop the page.",
    {},
    /*on_by_default=*/false};

class LoremIpsumRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    ReportQuality(sink, s.first_lorem_ipsum, "placeholder text",
                  {{"lorem-ipsum-count", ">", 0, s.lorem_ipsum_count, 0}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityLoremIpsumRule() { return std::make_unique<LoremIpsumRule>(); }

}  // namespace newslint
