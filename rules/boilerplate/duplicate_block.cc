// boilerplate/duplicate-block: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class DuplicateBlockRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/duplicate-block", Severity::kWarning,
                                "The headline repeated inside the text, and blocks of lines repeated within one article.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateBlockRule() { return std::make_unique<DuplicateBlockRule>(); }

}  // namespace newslint
