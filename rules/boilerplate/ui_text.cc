// boilerplate/ui-text: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class UiTextRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/ui-text", Severity::kWarning,
                                "Interface strings of the page (\"Aa\", \"Undo\", \"Read more\", \"Advertisement\") left in the article text.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeUiTextRule() { return std::make_unique<UiTextRule>(); }

}  // namespace newslint
