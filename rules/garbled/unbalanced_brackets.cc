// garbled/unbalanced-brackets: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/unbalanced-brackets", Severity::kWarning,
                        "A paragraph with a bracket that is never closed or a closing bracket that was never opened.", {}};

class UnbalancedBracketsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeUnbalancedBracketsRule() { return std::make_unique<UnbalancedBracketsRule>(); }

}  // namespace newslint
