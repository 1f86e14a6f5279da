// boilerplate/navigation: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class NavigationRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/navigation", Severity::kWarning,
                                "Menus, breadcrumbs, skip links and pagination of the site template left in the article text.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeNavigationRule() { return std::make_unique<NavigationRule>(); }

}  // namespace newslint
