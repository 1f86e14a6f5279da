// boilerplate/related-content: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class RelatedContentRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/related-content", Severity::kWarning,
                                "Lists of other stories (\"You might also like\", \"Latest\", \"Most read\", \"Next article\") and the teaser headlines under them.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeRelatedContentRule() { return std::make_unique<RelatedContentRule>(); }

}  // namespace newslint
