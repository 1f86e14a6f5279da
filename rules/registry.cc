// The catalogue: every built-in rule, listed explicitly, in the order
// `newslint rules` prints them. Adding a rule means adding a line here; a
// rule written as data goes into a pack under rules/packs/ instead, and its
// rules follow the C++ rules.

#include "lint/registry.h"

#include <filesystem>
#include <set>
#include <stdexcept>

#include "rules/rule_pack.h"
#include "rules/rules.h"

namespace newslint {
namespace {

std::vector<std::unique_ptr<Rule>> MakeCppRules() {
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
  rules.push_back(MakeTemplateLineRule());
  rules.push_back(MakeCaptionRule());
  rules.push_back(MakeMojibakeRule());
  rules.push_back(MakeHtmlResidueRule());
  rules.push_back(MakeStrayPunctuationRule());
  rules.push_back(MakeSentenceFragmentRule());
  rules.push_back(MakeRepeatedWordRule());
  rules.push_back(MakeSpellingRule());
  rules.push_back(MakeUnbalancedQuotesRule());
  rules.push_back(MakeUnbalancedBracketsRule());
  rules.push_back(MakeInvisibleCharactersRule());
  rules.push_back(MakeTruncatedRule());
  rules.push_back(MakeSpunPhraseRule());
  rules.push_back(MakeGrammarRule());
  rules.push_back(MakeSpeakerCommonWordRule());
  rules.push_back(MakeSpeakerMismatchRule());
  rules.push_back(MakeSpeakerNotIntroducedRule());
  rules.push_back(MakeConflictingSpeakersRule());
  rules.push_back(MakeUnattributedQuoteRule());
  rules.push_back(MakeSpamAnchorRule());
  rules.push_back(MakeBlocklistedDomainRule());
  rules.push_back(MakeHiddenLinkRule());
  rules.push_back(MakeOffTopicAnchorRule());
  rules.push_back(MakeLinkFarmRule());
  rules.push_back(MakeSuspiciousUrlRule());
  rules.push_back(MakeDuplicateArticleRule());
  rules.push_back(MakeRepeatedBodyRule());
  rules.push_back(MakeQualityWordCountRule());
  rules.push_back(MakeQualityMeanWordLengthRule());
  rules.push_back(MakeQualitySymbolRatioRule());
  rules.push_back(MakeQualityBulletLinesRule());
  rules.push_back(MakeQualityEllipsisLinesRule());
  rules.push_back(MakeQualityAlphabeticWordsRule());
  rules.push_back(MakeQualityStopWordsRule());
  rules.push_back(MakeQualityDuplicateLinesRule());
  rules.push_back(MakeQualityDuplicateParagraphsRule());
  rules.push_back(MakeQualityTopNgramRule());
  rules.push_back(MakeQualityDuplicateNgramsRule());
  rules.push_back(MakeQualityTerminalPunctuationRule());
  rules.push_back(MakeQualityShortLinesRule());
  rules.push_back(MakeQualityLoremIpsumRule());
  rules.push_back(MakeQualityCurlyBracesRule());
  rules.push_back(MakeQualityJavascriptRule());
  rules.push_back(MakeMissingFieldRule());
  rules.push_back(MakeImplausibleDateRule());
  rules.push_back(MakeBylineNotAPersonRule());
  rules.push_back(MakeTitleMismatchRule());
  rules.push_back(MakeLanguageRule());
  return rules;
}

// Ids a pack rule may not take: the C++ rules and input/*.
std::vector<std::string_view> ReservedIds(const std::vector<std::unique_ptr<Rule>>& cpp_rules) {
  std::vector<std::string_view> ids;
  for (const auto& r : cpp_rules) ids.push_back(r->info().id);
  for (const RuleInfo& i : InputRuleInfos()) ids.push_back(i.id);
  return ids;
}

void AppendPackRules(const RulePackSet& set, std::vector<std::unique_ptr<Rule>>* rules) {
  for (auto& r : set.MakeRules()) rules->push_back(std::move(r));
}

// The built-in packs alone, compiled once and shared by every catalogue
// made without user packs. `cpp_rules`: the C++ rules (their ids are
// reserved), which the caller has just made anyway.
const RulePackSet& BuiltinPackSet(const std::vector<std::unique_ptr<Rule>>& cpp_rules) {
  static const std::shared_ptr<const RulePackSet> kSet = [&] {
    std::string error;
    auto set = RulePackSet::Build(BuiltinPacks(), ReservedIds(cpp_rules), &error);
    if (!set) throw std::logic_error("built-in rule packs: " + error);
    return set;
  }();
  return *kSet;
}

}  // namespace

std::vector<std::unique_ptr<Rule>> MakeAllRules() {
  std::vector<std::unique_ptr<Rule>> rules = MakeCppRules();
  AppendPackRules(BuiltinPackSet(rules), &rules);
  return rules;
}

bool MakeAllRules(const std::vector<std::string>& pack_files,
                  std::vector<std::unique_ptr<Rule>>* rules, std::string* error) {
  if (pack_files.empty()) {
    *rules = MakeAllRules();
    return true;
  }
  std::vector<RulePack> packs = BuiltinPacks();
  std::set<std::filesystem::path> loaded;
  for (const std::string& file : pack_files) {
    std::error_code ec;
    std::filesystem::path key = std::filesystem::weakly_canonical(file, ec);
    if (ec) key = file;
    if (!loaded.insert(key).second) continue;  // named twice (config and --pack)
    RulePack pack;
    if (!LoadRulePackFile(file, &pack, error)) return false;
    packs.push_back(std::move(pack));
  }
  std::vector<std::unique_ptr<Rule>> cpp = MakeCppRules();
  auto set = RulePackSet::Build(std::move(packs), ReservedIds(cpp), error);
  if (!set) return false;
  *rules = std::move(cpp);
  AppendPackRules(*set, rules);
  return true;
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
      {"input/record-too-large", Severity::kError,
       "A record larger than --max-record-bytes, skipped without being read into memory.", {}},
      {"input/text-too-long", Severity::kWarning,
       "A text longer than --max-text-bytes (or a sixteenth as many lines): the rules lint it up "
       "to the last line that fits, not the rest.", {}},
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
