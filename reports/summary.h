// newslint: the run summary, an aggregate that can be merged across runs.
//
// Counts per rule, per severity and per site, plus the volume linted and the
// time it took. Two summaries of disjoint shards merge into the summary of
// the whole (Merge), which is what `newslint merge` will rely on.

#ifndef NEWSLINT_REPORTS_SUMMARY_H_
#define NEWSLINT_REPORTS_SUMMARY_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"

namespace newslint {

struct RuleCount {
  int64_t findings = 0;
  int64_t articles = 0;  // articles with at least one finding of this rule
  Severity severity = Severity::kWarning;  // as configured for this run
};

// One site's share of the run, for per-publisher rates. The map holds one
// entry per distinct site seen (hosts, not articles), so it stays small next
// to the input: tens of thousands of entries for a web-scale news crawl.
struct SiteRuleCount {
  int64_t findings = 0;
  int64_t articles = 0;  // the site's articles with at least one finding of the rule
  friend bool operator==(const SiteRuleCount&, const SiteRuleCount&) = default;
};

struct SiteCount {
  int64_t articles = 0;
  int64_t articles_with_findings = 0;
  int64_t findings = 0;
  // Per rule that fired on the site, so a dataset audit reads every rule by
  // publisher. Holds only rules seen, so it is at most sites x rules entries.
  std::map<std::string, SiteRuleCount> by_rule;
  friend bool operator==(const SiteCount&, const SiteCount&) = default;
};

struct Summary {
  int64_t files = 0;
  int64_t articles = 0;
  int64_t articles_with_findings = 0;
  int64_t bytes = 0;             // text bytes linted
  int64_t input_bytes = 0;       // bytes read from the inputs (uncompressed)
  double elapsed_seconds = 0;    // wall time of the run
  int jobs = 1;
  std::array<int64_t, 3> by_severity{};  // indexed by Severity
  std::map<std::string, RuleCount> by_rule;
  std::map<std::string, SiteCount> by_site;  // per Article::site ("" = no url)
  // Articles by how many findings they have: 0, 1, 2, 3-5, 6-10, 11+ (the
  // HTML report's histogram; exact, and six numbers whatever the input).
  std::array<int64_t, 6> findings_histogram{};
  // Articles with at least one finding of any rule of a family ("boilerplate"),
  // for family budgets; one entry per family seen.
  std::map<std::string, int64_t> by_family;

  // The CI gate (docs/ci.md). `budgets` are the [budgets] of newslint.toml,
  // rule id or family -> the share of articles allowed to have a finding of
  // it; the caller sets them, and they travel with the summary so that a
  // merged summary judges them over all shards (Budgets()).
  std::map<std::string, double> budgets;
  // --baseline: findings the baseline knew, removed before they were counted
  // anywhere else (reports/baseline.h); and baseline entries that no finding
  // of the run matched ("fixed"), the first kMaxFixedListed of them listed.
  int64_t suppressed = 0;
  int64_t baseline_fixed = 0;
  static constexpr size_t kMaxFixedListed = 20;
  struct FixedFinding {
    std::string article;  // article key (id, else url, else source#record)
    std::string rule;
    std::string text;     // the matched text as the baseline shows it
    friend bool operator==(const FixedFinding&, const FixedFinding&) = default;
  };
  std::vector<FixedFinding> fixed;
  // Why the run failed (it exits 2), set by the pipeline before reporters'
  // End(); "" for a run that read all its input.
  std::string failure;

  // Counts one article and its findings: articles, bytes (text size),
  // articles_with_findings, by_severity, by_rule (findings, and articles with
  // at least one finding of the rule; severity from the findings) and by_site
  // (articles, articles with findings and findings per Article::site) and
  // findings_histogram and by_family. files,
  // input_bytes, elapsed_seconds and jobs are the pipeline's to set.
  void Add(const Article& article, const std::vector<Finding>& findings);
  // Adds the summary of a disjoint shard: counts add up; elapsed_seconds is
  // the longer of the two (shards run side by side) and jobs add up (the
  // cores of all shards). A rule's severity is kept from this summary when
  // both have it. An empty summary (no files, no articles) is neutral:
  // `Summary total; for (...) total.Merge(part);` takes jobs from the parts.
  // by_family, suppressed and baseline_fixed add up (a baseline is loaded
  // whole by every shard, so a sharded run's baseline_fixed counts entries
  // each shard did not see: judge fixed findings on an unsharded run);
  // budgets and fixed are united (fixed up to kMaxFixedListed); the first
  // failure is kept.
  void Merge(const Summary& other);

  int64_t findings() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
  // The findings_histogram bucket of an article with `findings` findings,
  // and the buckets' labels ("0", "1", "2", "3-5", "6-10", "11+").
  static size_t HistogramBucket(size_t findings);
  static const std::array<const char*, 6>& HistogramLabels();
  // One budget judged: `articles` of the run's articles have a finding of
  // `rule` (a rule id, or any rule of a family), a share of `actual`; the
  // budget allows `allowed`, i.e. at most `allowed_articles` =
  // floor(allowed * articles of the run). Broken when articles >
  // allowed_articles (a 0.02 budget lets 2 of 100 articles through, not 3).
  struct BudgetResult {
    std::string rule;
    double allowed = 0;
    double actual = 0;  // 0 for a run without articles
    int64_t articles = 0;
    int64_t allowed_articles = 0;
    bool broken = false;
  };
  // Every budget, sorted by rule id or family.
  std::vector<BudgetResult> Budgets() const;
  bool budget_broken() const;

  // Highest severity seen, or nullopt-like -1 when there is no finding.
  int max_severity() const;
  // Megabytes (1e6 bytes) of input per second of wall time, and per core
  // (divided by jobs). Input is input_bytes when set (> 0), else bytes; both
  // are 0 when elapsed_seconds is 0.
  double mb_per_second() const;
  double mb_per_second_per_core() const;
};

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_SUMMARY_H_
