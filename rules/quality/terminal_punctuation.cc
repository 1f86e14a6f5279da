// quality/terminal-punctuation: FineWeb's share of lines ending in terminal
// punctuation (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/terminal-punctuation",
    Severity::kInfo,
    "An article in which at most 12% of the non-blank lines end with terminal punctuation, the "
    "line-punctuation ratio of FineWeb's quality filter.",
    {
        {"min-share", "float", "0.12", "The share of non-blank lines ending in terminal "
                                       "punctuation must be above this."},
    },
    /*on_by_default=*/false};

class TerminalPunctuationRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    ReportQuality(sink, s.content, "few lines end a sentence",
                  {{"terminal-line-share", "<=", options.GetDouble("min-share", 0.12),
                    s.terminal_lines, s.lines.size()}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityTerminalPunctuationRule() {
  return std::make_unique<TerminalPunctuationRule>();
}

}  // namespace newslint
