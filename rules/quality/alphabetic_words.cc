// quality/alphabetic-words: Gopher's share of words holding a letter
// (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/alphabetic-words",
    Severity::kInfo,
    "An article in which fewer than 80% of the words contain a letter, the alphabetic-word "
    "share of Gopher's quality filter.",
    {
        {"min-share", "float", "0.8", "Smallest share of words that must contain a letter."},
    },
    /*on_by_default=*/false};

class AlphabeticWordsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "few words contain a letter",
                  {{"alphabetic-word-share", "<", options.GetDouble("min-share", 0.8),
                    s.alphabetic_words, s.word_count}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityAlphabeticWordsRule() {
  return std::make_unique<AlphabeticWordsRule>();
}

}  // namespace newslint
