// garbled/spun-phrase: STUB, to be replaced by the rule's implementation.

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {"garbled/spun-phrase", Severity::kWarning,
                        "Phrases that synonym spinners and round-trip translation write in place of fixed expressions, such as \"bad luck\" for \"misfortune\".", {}};

class SpunPhraseRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeSpunPhraseRule() { return std::make_unique<SpunPhraseRule>(); }

}  // namespace newslint
