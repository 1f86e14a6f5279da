// quality/top-ngram: Gopher's share of characters in the most frequent word
// 2-, 3- and 4-gram (definitions: docs/rules/quality/README.md).

#include <memory>
#include <string>
#include <vector>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/top-ngram",
    Severity::kInfo,
    "An article whose most frequent word 2-gram, 3-gram or 4-gram covers more than 20%, 18% "
    "or 16% of its word characters, the top n-gram fractions of Gopher's repetition filter.",
    {
        {"max-2gram-share", "float", "0.2", "Largest character share of the top 2-gram."},
        {"max-3gram-share", "float", "0.18", "Largest character share of the top 3-gram."},
        {"max-4gram-share", "float", "0.16", "Largest character share of the top 4-gram."},
    },
    /*on_by_default=*/false};

constexpr const char* kOptions[] = {"", "", "max-2gram-share", "max-3gram-share",
                                    "max-4gram-share"};
constexpr double kDefaults[] = {0, 0, 0.2, 0.18, 0.16};

class TopNgramRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.normalised_chars == 0) return;
    std::vector<QualitySignal> signals;
    Evidence extra;
    for (size_t n = 2; n <= 4; ++n) {
      const NgramStats& g = s.ngrams[n];
      QualitySignal signal{"top-" + std::to_string(n) + "gram-char-share", ">",
                           options.GetDouble(kOptions[n], kDefaults[n]),
                           g.top_count * g.top_chars, s.normalised_chars};
      if (signal.Fires()) {
        // The n-gram as it first stands in the text.
        const Span span{s.words[g.top_first].span.start, s.words[g.top_first + n - 1].span.end};
        extra.emplace_back("top-" + std::to_string(n) + "gram", std::string(analysis.view(span)));
        extra.emplace_back("top-" + std::to_string(n) + "gram-count",
                           static_cast<int64_t>(g.top_count));
      }
      signals.push_back(std::move(signal));
    }
    ReportQuality(sink, s.content, "one word n-gram dominates the text", signals,
                  std::move(extra));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityTopNgramRule() { return std::make_unique<TopNgramRule>(); }

}  // namespace newslint
