// boilerplate/cms-artifact: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class CmsArtifactRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/cms-artifact", Severity::kWarning,
                                "Template and CMS leftovers such as \"(TagsToTranslate)\", shortcodes, \"{{...}}\", \"undefined\" and \"Loading...\".", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeCmsArtifactRule() { return std::make_unique<CmsArtifactRule>(); }

}  // namespace newslint
