// quality/symbol-ratio: Gopher's symbol-to-word ratios, for the hash sign and
// for the ellipsis (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/symbol-ratio",
    Severity::kInfo,
    "An article with more than 0.1 hash signs, or more than 0.1 ellipses (\"...\" or \"…\"), "
    "per word, the symbol-to-word ratios of Gopher's quality filter.",
    {
        {"max-hash-ratio", "float", "0.1", "Most \"#\" per word allowed."},
        {"max-ellipsis-ratio", "float", "0.1", "Most \"...\" and \"…\" per word allowed."},
    },
    /*on_by_default=*/false};

class SymbolRatioRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "too many symbols per word",
                  {{"hash-ratio", ">", options.GetDouble("max-hash-ratio", 0.1), s.hash_count,
                    s.word_count},
                   {"ellipsis-ratio", ">", options.GetDouble("max-ellipsis-ratio", 0.1),
                    s.ellipsis_count, s.word_count}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualitySymbolRatioRule() { return std::make_unique<SymbolRatioRule>(); }

}  // namespace newslint
