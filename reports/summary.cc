#include "reports/summary.h"

#include <algorithm>
#include <string_view>

namespace newslint {

void Summary::Add(const Article& article, const std::vector<Finding>& findings) {
  ++articles;
  bytes += static_cast<int64_t>(article.text.size());
  SiteCount& site = by_site[article.site];
  ++site.articles;
  if (findings.empty()) return;
  ++articles_with_findings;
  ++site.articles_with_findings;
  site.findings += static_cast<int64_t>(findings.size());
  // Rules seen in this article, to count each rule's articles once.
  std::vector<std::string_view> seen;
  for (const Finding& f : findings) {
    ++by_severity[static_cast<size_t>(f.severity)];
    RuleCount& count = by_rule[f.rule];
    ++count.findings;
    count.severity = f.severity;
    if (std::find(seen.begin(), seen.end(), f.rule) == seen.end()) {
      seen.push_back(f.rule);
      ++count.articles;
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
  for (const auto& [id, count] : other.by_rule) {
    auto [it, inserted] = by_rule.try_emplace(id, count);
    if (inserted) continue;
    it->second.findings += count.findings;
    it->second.articles += count.articles;
  }
  for (const auto& [name, count] : other.by_site) {
    SiteCount& site = by_site[name];
    site.articles += count.articles;
    site.articles_with_findings += count.articles_with_findings;
    site.findings += count.findings;
  }
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

}  // namespace newslint
