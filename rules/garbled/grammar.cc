// garbled/grammar: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/grammar", Severity::kWarning,
                        "Word sequences that machine translation produces and edited news never does, such as two determiners in a row or \"to\" before a finite verb.", {}};

class GrammarRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeGrammarRule() { return std::make_unique<GrammarRule>(); }

}  // namespace newslint
