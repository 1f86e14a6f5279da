// quality/word-count: Gopher's document length bounds, in white-space
// separated words (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/word-count",
    Severity::kInfo,
    "An article with fewer than 50 or more than 100,000 words, the length bounds of Gopher's "
    "quality filter.",
    {
        {"min-words", "int", "50", "Fewest words an article may have."},
        {"max-words", "int", "100000", "Most words an article may have."},
    },
    /*on_by_default=*/false};

class WordCountRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    // No words at all: nothing to measure (input/missing-text covers a
    // record without text).
    if (s.word_count == 0) return;
    const double min = static_cast<double>(options.GetInt("min-words", 50));
    const double max = static_cast<double>(options.GetInt("max-words", 100000));
    ReportQuality(sink, s.content, "word count out of bounds",
                  {{"word-count", "<", min, s.word_count, 0},
                   {"word-count", ">", max, s.word_count, 0}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityWordCountRule() { return std::make_unique<WordCountRule>(); }

}  // namespace newslint
