// garbled/spelling: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/spelling", Severity::kWarning,
                        "A sentence dense with lower-case words the English dictionary does not know, the trace of spinning, machine translation or a broken encoding.", {}};

class SpellingRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeSpellingRule() { return std::make_unique<SpellingRule>(); }

}  // namespace newslint
