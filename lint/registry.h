// newslint: the explicit list of every rule.
//
// There is no static-initialiser registration: rules/registry.cc lists every
// rule factory in one place, so `newslint rules --json` and the docs are
// complete by construction. The `input/*` ids are not rules that run; readers
// emit them for records that could not be read. They are listed here too so
// that they can be explained, selected and ignored like any other id.

#ifndef NEWSLINT_LINT_REGISTRY_H_
#define NEWSLINT_LINT_REGISTRY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"

namespace newslint {

// A new instance of every built-in rule, in catalogue order: the C++ rules,
// then the rules of the built-in packs (rules/packs/*.toml, rules/rule_pack.h).
std::vector<std::unique_ptr<Rule>> MakeAllRules();

// As MakeAllRules(), followed by the rules of the user packs in
// `pack_files` (in order; a file named twice is read once). Built-in and user
// packs share one phrase matcher. False with a one-line *error naming the
// file and line when a pack cannot be read, is invalid, or reuses an id.
bool MakeAllRules(const std::vector<std::string>& pack_files,
                  std::vector<std::unique_ptr<Rule>>* rules, std::string* error);

// The RuleInfo of every input/* id.
const std::vector<RuleInfo>& InputRuleInfos();

// Every id the catalogue knows (rules and input/*), in catalogue order.
std::vector<const RuleInfo*> AllRuleInfos(const std::vector<std::unique_ptr<Rule>>& rules);

}  // namespace newslint

#endif  // NEWSLINT_LINT_REGISTRY_H_
