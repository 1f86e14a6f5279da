// garbled/truncated: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/truncated", Severity::kWarning,
                        "An article that stops mid-sentence or ends with an ellipsis, \"[…]\", \"Read more\" or \"Continue reading\".", {}};

class TruncatedRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeTruncatedRule() { return std::make_unique<TruncatedRule>(); }

}  // namespace newslint
