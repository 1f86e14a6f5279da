// newslint: the rule interface. Read this before writing a rule.
//
// A rule is one class in one file, rules/<family>/<name>.cc, with a doc page
// docs/rules/<family>/<name>.md whose first sentence is the rule's summary
// word for word. A rule:
//
//   * describes itself with a RuleInfo (id, default severity, summary,
//     options it reads);
//   * implements Check(), which reads the article and the shared Analysis and
//     reports findings to a FindingSink. Check() is const and is called from
//     many worker threads at once: keep per-call state on the stack, and
//     per-thread state (caches, Hunspell handles) in thread_local storage;
//     nothing may carry over from one call to the next as if it were the
//     same article's: the engine runs each rule over a chunk of articles
//     before the next rule (Engine::LintBatch), so consecutive calls on a
//     thread are for different articles, each with its own Analysis;
//   * is listed once, explicitly, in rules/registry.cc.
//
// The engine stamps the rule id and severity on every finding, applies
// --select/--ignore and severity overrides from newslint.toml, and computes
// line, column and excerpt, so Check() only says *where* and *why*.
//
//   class ShoutingRule : public Rule {
//    public:
//     const RuleInfo& info() const override { return kInfo; }
//     void Check(const Article& a, Analysis& an, const RuleOptions& opt,
//                FindingSink& out) const override {
//       for (const Token& t : an.tokens())
//         if (t.shape == TokenShape::kUpper && t.span.size() > 12)
//           out.Report(t.span, "word in capitals", {{"word", std::string(an.view(t.span))}});
//     }
//   };

#ifndef NEWSLINT_LINT_RULE_H_
#define NEWSLINT_LINT_RULE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/finding.h"

namespace newslint {

// One option a rule reads from [rules."<id>"] in newslint.toml.
struct OptionInfo {
  std::string_view name;         // kebab-case, e.g. "min-words"
  std::string_view type;         // "int", "float", "bool", "string", "list"
  std::string_view default_value;  // as written in TOML, for docs and `rules --json`
  std::string_view summary;
};

struct RuleInfo {
  std::string_view id;  // "family/kebab-name", stable forever once released
  Severity default_severity = Severity::kWarning;
  std::string_view summary;  // one sentence, same as the doc page's first sentence
  std::vector<OptionInfo> options;
  // Off by default: the rule runs only when --select / [lint] select names it
  // (or its family), or [rules."<id>"] enabled = true. For measurements a
  // data team opts into (the quality/* filters), not verdicts on every
  // article.
  bool on_by_default = true;

  std::string_view family() const { return id.substr(0, id.find('/')); }
  // "docs/rules/<id>.md"
  std::string doc_path() const { return "docs/rules/" + std::string(id) + ".md"; }
};

// A value given in newslint.toml for a rule option.
using OptionValue = std::variant<bool, int64_t, double, std::string, std::vector<std::string>>;

// The options of one rule, as configured. Getters return the default when
// the option is not set; a value of the wrong type is rejected when the
// config is loaded, not here.
class RuleOptions {
 public:
  RuleOptions() = default;
  explicit RuleOptions(const std::map<std::string, OptionValue>& values)
      : values_(values.begin(), values.end()) {}

  bool GetBool(std::string_view name, bool def) const;
  int64_t GetInt(std::string_view name, int64_t def) const;
  double GetDouble(std::string_view name, double def) const;  // accepts ints too
  std::string GetString(std::string_view name, std::string_view def) const;
  // As GetString, without a copy: the option's own text (alive as long as
  // these options) or `def`. For a Check() that reads it per article.
  std::string_view GetStringView(std::string_view name, std::string_view def) const;
  std::vector<std::string> GetList(std::string_view name) const;  // empty if unset
  bool Has(std::string_view name) const;

 private:
  const OptionValue* Find(std::string_view name) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

// Where a rule's findings go. The sink stamps rule id and severity.
//
// It keeps at most kMaxFindingsPerRule of one rule's findings on one article
// (in the order reported) and counts the rest: a record that is not news
// (a megabyte of markup, of quotation marks) can make a rule report tens of
// thousands of times, and each finding is held, then written, in full (77,000
// html-residue findings on one record took 100 MB). Finish() then adds one
// finding of the rule that says how many more there were, at the first
// left out. Fixes of findings left out are not applied by --fix either.
class FindingSink {
 public:
  static constexpr size_t kMaxFindingsPerRule = 1000;

  FindingSink(std::string_view rule_id, Severity severity, std::vector<Finding>* out)
      : rule_id_(rule_id), severity_(severity), out_(out) {}

  void Report(Span span, std::string message, Evidence evidence = {},
              std::optional<Fix> fix = std::nullopt);
  // After the rule's Check(): the finding on the ones left out, if any.
  void Finish();
  size_t left_out() const { return left_out_; }

 private:
  std::string_view rule_id_;
  Severity severity_;
  std::vector<Finding>* out_;
  size_t reported_ = 0;
  size_t left_out_ = 0;
  Span first_left_out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
                     FindingSink& sink) const = 0;
  // The Hunspell dictionaries (their bases, see lint/dictionary.h) Check()
  // asks Dictionary::ForThread for under `options`, itself or through a
  // shared view (People, Attribution): the Engine starts loading them while
  // it compiles the phrase automaton (Dictionary::Preload). A head start
  // only: a base left out is loaded on first use, as before.
  virtual std::vector<std::string> dictionaries(const RuleOptions&) const { return {}; }
};

// ---------------------------------------------------------------------------
// Dataset rules
// ---------------------------------------------------------------------------
//
// A dataset rule judges an article against statistics of the whole input
// (boilerplate/template-line: a line that recurs across a site's articles).
// The statistics come from a pass over every input before any of its
// findings can be reported:
//
//   rule.Begin(options);                       // one thread: reset the stats
//   per worker thread: auto obs = rule.MakeObserver();
//                      rule.Note(article, analysis, &memo);
//                      obs->Observe(article, analysis, memo);  // many articles
//   one thread, in input order: rule.Absorb(*obs);         // drains obs
//   rule.Finish();                             // stats are now read-only
//   many threads: rule.Check(...)              // reads the finished stats
//
// Check() is in two halves, so that a run lints each article once
// (lint/pipeline.h, "Linting once"): Note() writes down, while the statistics
// are still being gathered, what the findings need of the article's
// analysis (the lines a rule would judge, with their hashes: a memo of a few
// bytes per line), and CheckNoted() judges the memo against the finished
// statistics, with the article but without its analysis. Check() is the two
// in a row, so a run that reads its input twice (stdin, --shard) finds the
// same.
//
// The rule's state is written only between passes (Begin, Absorb, Finish),
// from one thread; Note(), CheckNoted() and Check() stay const and
// thread-safe, and Note() reads only what Begin() set (it runs while Absorb
// writes the statistics). A rule whose pass did not run or did not finish
// (stdin input, a failed pass) must stay silent. Memory must stay bounded
// whatever the input size, and the bound documented on the rule's doc page.

// A per-thread accumulator of one dataset rule's first pass.
class DatasetObserver {
 public:
  virtual ~DatasetObserver() = default;
  // Called for every article of the input, from one thread at a time, with
  // the memo its rule's Note() wrote of the article.
  virtual void Observe(const Article& article, Analysis& analysis, std::string_view memo) = 0;
};

class DatasetRule : public Rule {
 public:
  // Resets the statistics and takes the options the pass and Check() use.
  virtual void Begin(const RuleOptions& options) = 0;
  // A fresh observer; observers hold no reference to the stats.
  virtual std::unique_ptr<DatasetObserver> MakeObserver() const = 0;
  // Merges an observer into the statistics and empties it (it may be
  // reused). Called from one thread; call order is input order.
  virtual void Absorb(DatasetObserver& observer) = 0;
  // Ends the pass: from now on Check() reads the statistics.
  virtual void Finish() = 0;
  // Whether Finish() ran since the last Begin(): the statistics are ready.
  virtual bool Finished() const = 0;

  // Appends to *memo what CheckNoted() needs of the article's analysis.
  virtual void Note(const Article& article, Analysis& analysis, std::string* memo) const = 0;
  // The findings on `article`, from Note()'s memo of it and the statistics:
  // none before Finish().
  virtual void CheckNoted(const Article& article, std::string_view memo,
                          const RuleOptions& options, FindingSink& sink) const = 0;
  // Note() and CheckNoted() in a row (nothing before Finish()).
  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const final;
  // Note() and observer.Observe() in a row: the first pass of a run that
  // reads its input twice.
  void NoteAndObserve(DatasetObserver& observer, const Article& article, Analysis& analysis) const;
};

// An enabled dataset rule and the options it runs with (Engine::dataset_rules).
struct DatasetRuleRun {
  DatasetRule* rule = nullptr;
  const RuleOptions* options = nullptr;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_RULE_H_
