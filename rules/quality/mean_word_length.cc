// quality/mean-word-length: Gopher's mean word length bounds (definitions:
// docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/mean-word-length",
    Severity::kInfo,
    "An article whose mean word length is below 3 or above 10 characters, the bounds of "
    "Gopher's quality filter.",
    {
        {"min-length", "float", "3.0", "Shortest mean word length allowed, in characters."},
        {"max-length", "float", "10.0", "Longest mean word length allowed, in characters."},
    },
    /*on_by_default=*/false};

class MeanWordLengthRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "mean word length out of bounds",
                  {{"mean-word-length", "<", options.GetDouble("min-length", 3.0), s.word_chars,
                    s.word_count},
                   {"mean-word-length", ">", options.GetDouble("max-length", 10.0), s.word_chars,
                    s.word_count}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityMeanWordLengthRule() {
  return std::make_unique<MeanWordLengthRule>();
}

}  // namespace newslint
