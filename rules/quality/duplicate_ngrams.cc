// quality/duplicate-ngrams: Gopher's share of characters in duplicated word
// 5- to 10-grams (definitions: docs/rules/quality/README.md).

#include <memory>
#include <string>
#include <vector>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/duplicate-ngrams",
    Severity::kInfo,
    "An article in which word n-grams that occur more than once cover more than 15% (n = 5) "
    "down to 10% (n = 10) of its word characters, the duplicate n-gram fractions of Gopher's "
    "repetition filter.",
    {
        {"max-5gram-share", "float", "0.15", "Largest character share of repeated 5-grams."},
        {"max-6gram-share", "float", "0.14", "Largest character share of repeated 6-grams."},
        {"max-7gram-share", "float", "0.13", "Largest character share of repeated 7-grams."},
        {"max-8gram-share", "float", "0.12", "Largest character share of repeated 8-grams."},
        {"max-9gram-share", "float", "0.11", "Largest character share of repeated 9-grams."},
        {"max-10gram-share", "float", "0.1", "Largest character share of repeated 10-grams."},
    },
    /*on_by_default=*/false};

// Gopher's thresholds, written out (0.15 - 0.01 * k is not exactly 0.14).
constexpr double kDefaults[] = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};

class DuplicateNgramsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.normalised_chars == 0) return;
    std::vector<QualitySignal> signals;
    for (size_t n = 5; n <= 10; ++n) {
      const std::string option = "max-" + std::to_string(n) + "gram-share";
      const double def = kDefaults[n - 5];
      signals.push_back({"duplicate-" + std::to_string(n) + "gram-char-share", ">",
                         options.GetDouble(option, def), s.ngrams[n].duplicate_chars,
                         s.normalised_chars});
    }
    ReportQuality(sink, s.content, "repeated word n-grams", signals);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityDuplicateNgramsRule() {
  return std::make_unique<DuplicateNgramsRule>();
}

}  // namespace newslint
