// newslint: reporters write lint results in one output format each.
//
// The pipeline calls Begin() once, Add() once per input record *in input
// order* (also for records without findings), and End() once with the run's
// summary. A reporter streams: it must not keep articles after Add() returns
// (the HTML report, later, keeps a bounded sample).
//
// One format per file: reports/text.cc, reports/json.cc, reports/jsonl.cc.
// The JSON wire formats are written down at the top of reports/json.cc and in
// docs/reports.md.

#ifndef NEWSLINT_REPORTS_REPORTER_H_
#define NEWSLINT_REPORTS_REPORTER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/summary.h"

namespace newslint {

struct RunInfo {
  std::string tool_version;             // NEWSLINT_VERSION
  std::vector<std::string> inputs;      // the paths as given on the command line
  std::string started_at;               // ISO 8601 UTC
  int jobs = 1;
  Severity fail_on = Severity::kError;
  bool fail_never = false;              // --fail-on never
  std::vector<std::string> rules;       // ids of the rules that ran
};

struct ReportOptions {
  bool include_text = false;  // jsonl/json: add the linted text to each record
  bool color = false;         // text: ANSI colours
  bool show_clean = false;    // text: list articles without findings too
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Begin(const RunInfo& run) { (void)run; }
  // `findings` are sorted by span start, then rule id; line/column/excerpt set.
  virtual void Add(const Article& article, const std::vector<Finding>& findings) = 0;
  virtual void End(const RunInfo& run, const Summary& summary) = 0;
};

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> MakeJsonlReporter(std::ostream& out, const ReportOptions& options);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_REPORTER_H_
