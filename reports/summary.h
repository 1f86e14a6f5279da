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
struct SiteCount {
  int64_t articles = 0;
  int64_t articles_with_findings = 0;
  int64_t findings = 0;
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

  // Counts one article and its findings: articles, bytes (text size),
  // articles_with_findings, by_severity, by_rule (findings, and articles with
  // at least one finding of the rule; severity from the findings) and by_site
  // (articles, articles with findings and findings per Article::site). files,
  // input_bytes, elapsed_seconds and jobs are the pipeline's to set.
  void Add(const Article& article, const std::vector<Finding>& findings);
  // Adds the summary of a disjoint shard: counts add up; elapsed_seconds is
  // the longer of the two (shards run side by side) and jobs add up (the
  // cores of all shards). A rule's severity is kept from this summary when
  // both have it. An empty summary (no files, no articles) is neutral:
  // `Summary total; for (...) total.Merge(part);` takes jobs from the parts.
  void Merge(const Summary& other);

  int64_t findings() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
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
