// quality/duplicate-paragraphs: Gopher's duplicate-paragraph fractions, by
// count and by characters (definitions: docs/rules/quality/README.md).

#include <memory>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/duplicate-paragraphs",
    Severity::kInfo,
    "An article in which more than 30% of the paragraphs (runs of lines between blank lines), "
    "or paragraphs holding more than 20% of the characters, repeat an earlier paragraph, the "
    "duplicate-paragraph fractions of Gopher's repetition filter.",
    {
        {"max-share", "float", "0.3", "Largest share of paragraphs that may repeat an earlier "
                                      "paragraph."},
        {"max-char-share", "float", "0.2", "Largest share of the characters of non-blank lines "
                                           "that may lie in paragraphs repeating an earlier "
                                           "paragraph."},
    },
    /*on_by_default=*/false};

class DuplicateParagraphsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0 || s.duplicate_paragraphs == 0) return;
    // The finding points at the first paragraph that repeats an earlier one.
    ReportQuality(sink, s.first_duplicate_paragraph, "paragraphs repeat earlier paragraphs",
                  {{"duplicate-paragraph-share", ">", options.GetDouble("max-share", 0.3),
                    s.duplicate_paragraphs, s.paragraph_count},
                   {"duplicate-paragraph-char-share", ">",
                    options.GetDouble("max-char-share", 0.2), s.duplicate_paragraph_chars,
                    s.line_chars}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityDuplicateParagraphsRule() {
  return std::make_unique<DuplicateParagraphsRule>();
}

}  // namespace newslint
