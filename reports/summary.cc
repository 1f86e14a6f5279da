#include "reports/summary.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "absl/container/inlined_vector.h"

#include "reports/reporter.h"

namespace newslint {

void Summary::Add(const Article& article, const std::vector<Finding>& findings) {
  ++articles;
  bytes += static_cast<int64_t>(article.text.size());
  SiteCount& site = by_site[article.site];
  ++site.articles;
  ++findings_histogram[HistogramBucket(findings.size())];
  if (findings.empty()) return;
  ++articles_with_findings;
  ++site.articles_with_findings;
  site.findings += static_cast<int64_t>(findings.size());
  // The article's rules, each once, with its number of findings and the
  // severity of its last one. An article has a handful of rules: a linear
  // search of them costs less than the two map lookups per finding it
  // replaces (this runs on the pipeline's main thread, beside the workers).
  struct Tally {
    const std::string* rule;
    int64_t findings;
    Severity severity;
  };
  absl::InlinedVector<Tally, 16> tallies;
  for (const Finding& f : findings) {
    ++by_severity[static_cast<size_t>(f.severity)];
    auto same = [&](const Tally& t) { return *t.rule == f.rule; };
    if (auto it = std::find_if(tallies.begin(), tallies.end(), same); it != tallies.end()) {
      ++it->findings;
      it->severity = f.severity;
    } else {
      tallies.push_back({&f.rule, 1, f.severity});
    }
  }
  absl::InlinedVector<std::string_view, 8> families;
  for (const Tally& t : tallies) {
    RuleCount& count = by_rule[*t.rule];
    count.findings += t.findings;
    ++count.articles;
    count.severity = t.severity;
    SiteRuleCount& site_rule = site.by_rule[*t.rule];
    site_rule.findings += t.findings;
    ++site_rule.articles;
    std::string_view family = std::string_view(*t.rule).substr(0, t.rule->find('/'));
    if (std::find(families.begin(), families.end(), family) == families.end()) {
      families.push_back(family);
      ++by_family[std::string(family)];
    }
  }
}

void Summary::Merge(const Summary& other) {
  bool empty = files == 0 && articles == 0;
  bool other_empty = other.files == 0 && other.articles == 0;
  files += other.files;
  articles += other.articles;
  articles_with_findings += other.articles_with_findings;
  bytes += other.bytes;
  input_bytes += other.input_bytes;
  elapsed_seconds = std::max(elapsed_seconds, other.elapsed_seconds);
  if (empty) {
    jobs = other.jobs;
  } else if (!other_empty) {
    jobs += other.jobs;
  }
  for (size_t i = 0; i < by_severity.size(); ++i) by_severity[i] += other.by_severity[i];
  for (size_t i = 0; i < findings_histogram.size(); ++i) {
    findings_histogram[i] += other.findings_histogram[i];
  }
  for (const auto& [id, count] : other.by_rule) {
    auto [it, inserted] = by_rule.try_emplace(id, count);
    if (inserted) continue;
    it->second.findings += count.findings;
    it->second.articles += count.articles;
  }
  for (const auto& [family, n] : other.by_family) by_family[family] += n;
  for (const auto& [rule, allowed] : other.budgets) budgets.try_emplace(rule, allowed);
  suppressed += other.suppressed;
  baseline_fixed += other.baseline_fixed;
  for (const FixedFinding& f : other.fixed) {
    if (fixed.size() >= kMaxFixedListed) break;
    fixed.push_back(f);
  }
  if (failure.empty()) failure = other.failure;
  for (const auto& [name, count] : other.by_site) {
    SiteCount& site = by_site[name];
    site.articles += count.articles;
    site.articles_with_findings += count.articles_with_findings;
    site.findings += count.findings;
    for (const auto& [rule, rc] : count.by_rule) {
      SiteRuleCount& mine = site.by_rule[rule];
      mine.findings += rc.findings;
      mine.articles += rc.articles;
    }
  }
}

size_t Summary::HistogramBucket(size_t findings) {
  if (findings <= 2) return findings;
  if (findings <= 5) return 3;
  if (findings <= 10) return 4;
  return 5;
}

const std::array<const char*, 6>& Summary::HistogramLabels() {
  static const std::array<const char*, 6> kLabels = {"0", "1", "2", "3-5", "6-10", "11+"};
  return kLabels;
}

std::vector<Summary::BudgetResult> Summary::Budgets() const {
  std::vector<BudgetResult> results;
  for (const auto& [rule, allowed] : budgets) {
    BudgetResult r;
    r.rule = rule;
    r.allowed = allowed;
    if (rule.find('/') != std::string::npos) {
      auto it = by_rule.find(rule);
      if (it != by_rule.end()) r.articles = it->second.articles;
    } else {
      auto it = by_family.find(rule);
      if (it != by_family.end()) r.articles = it->second;
    }
    r.actual = articles > 0 ? static_cast<double>(r.articles) / static_cast<double>(articles) : 0;
    // In integers, so that 0.02 of 100 articles allows exactly 2: the
    // product is nudged by a relative 1e-9 before flooring, because 0.07 *
    // 100 is 7.000000000000001 in doubles and 0.29 * 100 is 28.999999999999996.
    double allowed_exact = allowed * static_cast<double>(articles);
    r.allowed_articles = static_cast<int64_t>(std::floor(allowed_exact * (1 + 1e-9)));
    r.broken = r.articles > r.allowed_articles;
    results.push_back(std::move(r));
  }
  return results;
}

bool Summary::budget_broken() const {
  for (const BudgetResult& r : Budgets()) {
    if (r.broken) return true;
  }
  return false;
}

int Summary::max_severity() const {
  for (int s = static_cast<int>(Severity::kError); s >= 0; --s)
    if (by_severity[static_cast<size_t>(s)] > 0) return s;
  return -1;
}

double Summary::mb_per_second() const {
  if (elapsed_seconds <= 0) return 0;
  int64_t n = input_bytes > 0 ? input_bytes : bytes;
  return static_cast<double>(n) / 1e6 / elapsed_seconds;
}

double Summary::mb_per_second_per_core() const {
  return mb_per_second() / std::max(jobs, 1);
}

int RunExitCode(const RunInfo& run, const Summary& summary) {
  if (!summary.failure.empty()) return 2;
  if (summary.budget_broken()) return 1;
  if (run.fail_never) return 0;
  for (int s = static_cast<int>(run.fail_on); s <= static_cast<int>(Severity::kError); ++s) {
    if (summary.by_severity[static_cast<size_t>(s)] > 0) return 1;
  }
  return 0;
}

}  // namespace newslint
