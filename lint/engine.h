// newslint: the engine runs the selected rules over one article.
//
// It owns the rule instances, decides which ones run (--select / --ignore /
// newslint.toml), applies severity overrides and per-rule options, merges the
// reader's input/* findings, sorts every finding by position and computes its
// line, column and excerpt. It is immutable once built and Lint() is safe to
// call from many threads at once.
//
// Selection, in order:
//   1. start from `select` (rule ids or families; empty means every rule);
//   2. remove `ignore` (ids or families) and rules with `enabled = false`.
// The `input` family is on unless ignored by name (`--ignore input` or an
// `input/...` id): selecting other families never hides an unreadable record.

#ifndef NEWSLINT_LINT_ENGINE_H_
#define NEWSLINT_LINT_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/config.h"
#include "lint/dictionary.h"
#include "lint/finding.h"
#include "lint/rule.h"
#include "lint/timings.h"

namespace newslint {

class PhraseBank;

struct EngineSettings {
  std::vector<std::string> select;  // ids or families; empty = all
  std::vector<std::string> ignore;  // ids or families
  Config config;                    // severities, enabled flags, options
  std::vector<std::string> packs;   // user rule-pack files, after the built-in rules
  // --max-text-bytes: the rules lint at most this much of a text (see
  // LintedLength in lint/article.h); 0 for no limit.
  uint64_t max_text_bytes = kDefaultMaxTextBytes;
  // Dictionaries to start loading for each base the active rules name
  // (Rule::dictionaries) while the engine compiles: one per thread that will
  // lint (`newslint check`: --jobs). 0, the default, loads none ahead (tests
  // and tools that make engines they never run).
  int dictionary_preloads = 0;
};

class Engine {
 public:
  // Builds the engine; false with a one-line *error for an unknown id or
  // family, or a rule pack that cannot be loaded.
  static std::unique_ptr<Engine> Create(EngineSettings settings, std::string* error);
  // The same with the catalogue's rules already made (MakeAllRules with
  // settings.packs, as `newslint check` does to read the config against
  // them): the engine takes them instead of compiling every rule again.
  static std::unique_ptr<Engine> Create(EngineSettings settings,
                                        std::vector<std::unique_ptr<Rule>> rules, std::string* error);

  // The findings of every enabled rule on `article`, plus its input/*
  // findings, sorted by span start, then rule id; line, column and excerpt set.
  // A text longer than max_text_bytes() is linted up to LintedLength
  // (lint/article.h), and the rest is one input/text-too-long finding; a
  // rule keeps at most FindingSink::kMaxFindingsPerRule findings per article.
  std::vector<Finding> Lint(const Article& article) const;

  // Lint() of articles[0..n), into findings[0..n) (replacing what they
  // held): the same findings, computed rule by rule rather than article by
  // article. Each rule's Check() runs over all n articles before the next
  // rule starts, so its code, its tables (lexicons, automata, caches) and
  // the branch history stay warm across n articles instead of being evicted
  // by the sixty other rules between two articles; on news this takes a
  // fifth off the run (docs/performance.md, "Thirteenth round"). The cost is
  // memory: the n articles' analyses (15-30 times their text) are alive at
  // once, so callers bound n by bytes as well (LintChunks).
  void LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings) const;

  // A run that lints each article once (lint/pipeline.h) lints it
  // before the dataset rules' statistics are ready. Given `noted`,
  // LintBatch() runs no dataset rule's Check(): each dataset rule notes the
  // article (DatasetRule::Note) into noted->memos and its observer observes
  // it, and `findings` hold the other rules' findings, sorted and located.
  // Once the statistics are finished, JudgeNoted() adds the dataset rules'
  // findings from the memos: together the same findings, in the same order,
  // as Lint() after a first pass.
  struct NotedBatch {
    // One per dataset rule, in dataset_rules() order; they observe the
    // articles in order.
    const std::vector<DatasetObserver*>* observers = nullptr;
    // memos[k * dataset_rules().size() + d]: rule d's memo of article k,
    // replaced.
    std::string* memos = nullptr;
  };
  void LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings,
                 const NotedBatch& noted) const;
  // Merges into *findings (LintBatch's, with `noted`) the dataset rules'
  // findings on `article` from its memos (memos[d] for dataset rule d).
  void JudgeNoted(const Article& article, const std::string_view* memos,
                  std::vector<Finding>* findings) const;

  // Ids of the rules that run (not counting input/*), in catalogue order.
  std::vector<std::string> active_rule_ids() const;
  // The severity findings of `id` get in this run.
  Severity SeverityOf(std::string_view id) const;
  bool IsEnabled(std::string_view id) const;
  // The enabled dataset rules (see DatasetRule in lint/rule.h) with their
  // options, in catalogue order: what RunDatasetPass (lint/dataset_pass.h)
  // runs its first pass for. The rules are the engine's own instances.
  std::vector<DatasetRuleRun> dataset_rules() const;

  // What the rules lint of a text (EngineSettings::max_text_bytes); the
  // dataset pass (lint/dataset_pass.h) observes the same part.
  uint64_t max_text_bytes() const { return max_text_bytes_; }
  // --timings: from now on, Lint() charges each rule's Check() and its own
  // work to a row of `timings` (one per active rule, registered here). Call
  // before the run; `timings` must outlive it. Null turns measuring off.
  void set_timings(RuleTimings* timings);
  RuleTimings* timings() const { return timings_; }

  // Whether `name` is a known rule id or family.
  static bool IsKnownIdOrFamily(std::string_view name,
                                const std::vector<const RuleInfo*>& catalogue);

 private:
  struct ActiveRule {
    const Rule* rule;
    Severity severity;
    RuleOptions options;
  };
  Engine() = default;

  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<ActiveRule> active_;
  // Per active_ rule: its index among the dataset rules, or -1.
  std::vector<int> dataset_index_;
  void LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings,
                 const NotedBatch* noted) const;
  // Sorts an article's findings, clamps their spans to its text and sets
  // their line, column and excerpt (`analysis` is of `linted`, the part of
  // `article` the rules saw).
  void Place(const Article& article, const Article& linted, Analysis& analysis,
             std::vector<Finding>* findings) const;
  std::vector<const RuleInfo*> catalogue_;
  std::vector<std::string> enabled_ids_;  // sorted; includes input/* ids in force
  Config config_;
  // The active rules' phrase lexicons in one automaton (lint/phrase_bank.h);
  // null when no active rule scans phrases.
  std::shared_ptr<const PhraseBank> phrase_bank_;
  uint64_t max_text_bytes_ = kDefaultMaxTextBytes;
  RuleTimings* timings_ = nullptr;
  // Dictionary::Preload's loads (EngineSettings::dictionary_preloads), which
  // the engine waits for when destroyed.
  std::vector<std::unique_ptr<Dictionary::Preloading>> preloads_;
  std::vector<size_t> timing_rows_;  // per active_ rule
  size_t engine_row_ = 0;            // the engine's own work
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_ENGINE_H_
