// boilerplate/byline-residue: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class BylineResidueRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/byline-residue", Severity::kWarning,
                                "Author and timestamp lines of the page template outside the story text (\"Last updated: ...\", \"Published 5 hours ago\").", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeBylineResidueRule() { return std::make_unique<BylineResidueRule>(); }

}  // namespace newslint
