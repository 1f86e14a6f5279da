// boilerplate/caption: stub, being written.

#include "rules/rules.h"

namespace newslint {
namespace {

class CaptionRule : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"boilerplate/caption", Severity::kWarning,
                                "Photo and video captions and credits left between the paragraphs of the story.", {}};
    return kInfo;
  }
  void Check(const Article&, Analysis&, const RuleOptions&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> MakeCaptionRule() { return std::make_unique<CaptionRule>(); }

}  // namespace newslint
