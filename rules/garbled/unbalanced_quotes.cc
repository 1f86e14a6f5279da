// garbled/unbalanced-quotes: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/unbalanced-quotes", Severity::kWarning,
                        "A paragraph whose quotation marks do not pair up, allowing for a quotation that runs on into the next paragraph.", {}};

class UnbalancedQuotesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeUnbalancedQuotesRule() { return std::make_unique<UnbalancedQuotesRule>(); }

}  // namespace newslint
