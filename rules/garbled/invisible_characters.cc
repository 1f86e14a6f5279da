// garbled/invisible-characters: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/invisible-characters", Severity::kWarning,
                        "Control characters, zero-width characters or private-use code points inside the text.", {}};

class InvisibleCharactersRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeInvisibleCharactersRule() { return std::make_unique<InvisibleCharactersRule>(); }

}  // namespace newslint
