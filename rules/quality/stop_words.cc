// quality/stop-words: Gopher's stop-word test, the presence of common English
// function words (definitions: docs/rules/quality/README.md).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/quality_metrics.h"
#include "rules/quality_report.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "quality/stop-words",
    Severity::kInfo,
    "An article with fewer than two occurrences of the English stop words the, be, to, of, "
    "and, that, have and with, the stop-word test of Gopher's quality filter.",
    {
        {"min-count", "int", "2", "Fewest stop-word occurrences an article must have."},
        {"words", "list", "[\"the\", \"be\", \"to\", \"of\", \"and\", \"that\", \"have\", \"with\"]",
         "The stop words (normalised like the article's words: case and surrounding "
         "punctuation do not matter)."},
    },
    /*on_by_default=*/false};

class StopWordsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const QualityStats& s = analysis.Shared<QualityStats>();
    if (s.word_count == 0) return;
    uint64_t count = s.default_stop_words;
    if (options.Has("words")) {
      std::vector<uint64_t> hashes;
      for (const std::string& w : options.GetList("words")) {
        if (uint64_t h = quality::NormalisedWordHash(w)) hashes.push_back(h);
      }
      count = s.CountWords(hashes);
    }
    ReportQuality(sink, s.content, "few English stop words",
                  {{"stop-word-count", "<", static_cast<double>(options.GetInt("min-count", 2)),
                    count, 0}});
  }
};

}  // namespace

std::unique_ptr<Rule> MakeQualityStopWordsRule() { return std::make_unique<StopWordsRule>(); }

}  // namespace newslint
