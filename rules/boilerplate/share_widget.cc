// boilerplate/share-widget: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class ShareWidgetRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/share-widget", Severity::kWarning,
                                "Share, follow, print, e-mail and comment-count widgets, and runs of social network names.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeShareWidgetRule() { return std::make_unique<ShareWidgetRule>(); }

}  // namespace newslint
