// boilerplate/account-prompt: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class AccountPromptRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/account-prompt", Severity::kWarning,
                                "Sign-in, registration, subscription, newsletter and paywall prompts left in the article text.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeAccountPromptRule() { return std::make_unique<AccountPromptRule>(); }

}  // namespace newslint
