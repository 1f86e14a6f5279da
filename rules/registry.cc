// The catalogue: every built-in rule, listed explicitly, in the order
// `newslint rules` prints them. Adding a rule means adding a line here.

#include "lint/registry.h"

#include "rules/rules.h"

namespace newslint {

std::vector<std::unique_ptr<Rule>> MakeAllRules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(MakeConsentBannerRule());
  rules.push_back(MakeNavigationRule());
  rules.push_back(MakeRelatedContentRule());
  rules.push_back(MakeShareWidgetRule());
  rules.push_back(MakeUiTextRule());
  rules.push_back(MakeCmsArtifactRule());
  rules.push_back(MakeAccountPromptRule());
  rules.push_back(MakeSiteFooterRule());
  rules.push_back(MakeBylineResidueRule());
  rules.push_back(MakeDuplicateBlockRule());
  rules.push_back(MakeCaptionRule());
  rules.push_back(MakeMojibakeRule());
  rules.push_back(MakeHtmlResidueRule());
  rules.push_back(MakeStrayPunctuationRule());
  return rules;
}

const std::vector<RuleInfo>& InputRuleInfos() {
  static const std::vector<RuleInfo> kInfos = {
      {"input/invalid-json", Severity::kError,
       "A JSONL line that is not a JSON object.", {}},
      {"input/missing-text", Severity::kError,
       "A record without a text field, or whose text field is not a string.", {}},
      {"input/invalid-utf8", Severity::kError,
       "Text that is not valid UTF-8, kept byte for byte as it was read.", {}},
      {"input/read-error", Severity::kError,
       "An input that could not be read to its end, such as a truncated .gz or .zst stream.", {}},
  };
  return kInfos;
}

std::vector<const RuleInfo*> AllRuleInfos(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const RuleInfo*> out;
  for (const auto& r : rules) out.push_back(&r->info());
  for (const RuleInfo& i : InputRuleInfos()) out.push_back(&i);
  return out;
}

}  // namespace newslint
