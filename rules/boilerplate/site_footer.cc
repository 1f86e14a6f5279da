// boilerplate/site-footer: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class SiteFooterRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/site-footer", Severity::kWarning,
                                "Copyright, \"All rights reserved\", contact, imprint and terms lines of the site footer.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeSiteFooterRule() { return std::make_unique<SiteFooterRule>(); }

}  // namespace newslint
