// newslint: configuration from newslint.toml.
//
//   [lint]
//   select = ["boilerplate", "garbled"]    # ids or families; default: all
//   ignore = ["garbled/stray-punctuation"]
//   fail-on = "error"                      # error | warning | info | never
//   packs = ["house-rules.toml"]           # rule packs (docs/rule-packs.md),
//                                          # relative to this file's folder
//
//   [links]
//   blocklists = ["ut1", "extra.txt"]      # links/blocklisted-domain: UT1-style
//                                          # folders (<category>/domains) and
//                                          # one-domain-per-line files, relative
//                                          # to this file's folder; each must exist
//
//   [rules."garbled/mojibake"]
//   severity = "warning"                   # override the default severity
//   enabled = false                        # same as ignoring it
//   min-sequences = 2                      # any rule option (see `newslint rules`)
//
//   [budgets]                              # CI gate (docs/ci.md): rule id or
//   "boilerplate" = 0.02                   # family -> share of articles allowed
//   "links/spam-anchor" = 0.0              # to have a finding of it, 0..1; a
//                                          # broken budget makes the run exit 1
//
// The file is found by walking up from the working folder (the first
// newslint.toml seen), unless --config names one. Command-line flags win over
// the file. Unknown keys, unknown rule ids and options of the wrong type are
// errors (exit 2), so a typo never silently disables a check.
//
// Rule packs add rules, and [rules."house/..."] tables may configure them, so
// the catalogue depends on the file. The order of operations is:
//   1. ReadConfigPacks(path): the pack files the config names;
//   2. the caller builds the catalogue with them (MakeAllRules(packs, ...)
//      in lint/registry.h, adding packs named on the command line);
//   3. LoadConfig(path, catalogue): everything else, rule tables checked
//      against that catalogue.

#ifndef NEWSLINT_LINT_CONFIG_H_
#define NEWSLINT_LINT_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/finding.h"
#include "lint/rule.h"

namespace newslint {

struct RuleConfig {
  std::optional<Severity> severity;
  std::optional<bool> enabled;
  std::map<std::string, OptionValue> options;
};

struct Config {
  std::string path;  // where it was read from; "" when there was no file
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<std::string> fail_on;  // "error" | "warning" | "info" | "never"
  std::vector<std::string> packs;      // rule-pack files, resolved against the config's folder
  std::string language;  // [lint] language: the expected language ("en"), for metadata/language
  std::map<std::string, RuleConfig> rules;
  // [links] blocklists, resolved against the config's folder. LoadConfig also
  // appends them to the "blocklists" option of links/blocklisted-domain, the
  // rule that reads them.
  std::vector<std::string> link_blocklists;
  // [budgets]: rule id or family -> share of articles allowed (0..1).
  std::map<std::string, double> budgets;
};

// Walks up from `start_dir` looking for newslint.toml; "" if none.
std::string FindConfigFile(const std::string& start_dir);

// The rule packs named by [lint] packs, each resolved against the folder of
// the config file. False with a one-line *error naming the file when the file
// cannot be parsed or `packs` is not a list of strings.
bool ReadConfigPacks(const std::string& path, std::vector<std::string>* packs,
                     std::string* error);

// Parses a config file. Checks rule ids and option names/types against
// `known` (the catalogue). Returns false with a one-line *error naming the
// file on any problem.
bool LoadConfig(const std::string& path, const std::vector<const RuleInfo*>& known,
                Config* config, std::string* error);

}  // namespace newslint

#endif  // NEWSLINT_LINT_CONFIG_H_
