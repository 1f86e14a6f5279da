// newslint: reporters write lint results in one output format each.
//
// The pipeline calls Begin() once, Add() once per input record *in input
// order* (also for records without findings), and End() once with the run's
// summary. A reporter streams: it must not keep articles after Add() returns
// (the HTML report, later, keeps a bounded sample).
//
// One format per file: reports/text.cc, reports/json.cc, reports/jsonl.cc,
// reports/sarif.cc, reports/github.cc, and reports/fixed.cc (the cleaned records of --fix).
// The JSON wire formats are written down at the top of reports/json.cc and in
// docs/reports.md.

#ifndef NEWSLINT_REPORTS_REPORTER_H_
#define NEWSLINT_REPORTS_REPORTER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "lint/fixes.h"
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
  // --shard K/N (lint/shard.h): this run is slice K of N; 0/0 when not
  // sharded. The JSON report records it so `newslint merge` can order and
  // check its parts.
  int64_t shard_index = 0;
  int64_t shard_count = 0;
  // The rules that ran and the input/* ids in force, with the severity their
  // findings get in this run and their one-sentence summary (sarif lists
  // them in tool.driver.rules). May be empty (then sarif lists `rules`).
  struct RuleDescription {
    std::string id;
    Severity severity = Severity::kWarning;
    std::string summary;
  };
  std::vector<RuleDescription> rule_descriptions;
};

// The exit code a run ends with (docs/ci.md): 2 when summary.failure is set;
// 1 when a finding is at or above run.fail_on (not with fail_never) or a
// budget is broken (also with fail_never: budgets are a gate of their own,
// configured on purpose); else 0. Findings suppressed by a baseline are not
// in the summary's counts, so they never fail a run. The sarif report
// records it as the invocation's exitCode.
int RunExitCode(const RunInfo& run, const Summary& summary);

// Where rule documentation lives: a rule's page is this + "<family>/<name>.md"
// (the layout of docs/rules/). Reports that link to rules (sarif, html) use
// ReportOptions::docs_url, set by --docs-url.
inline constexpr const char* kDefaultDocsUrl =
    "https://github.com/newslint/newslint/blob/main/docs/rules/";

struct ReportOptions {
  bool include_text = false;  // jsonl/json: add the linted text to each record
  bool color = false;         // text: ANSI colours
  bool show_clean = false;    // text: list articles without findings too
  bool debug_analysis = false;  // json/jsonl: add each article's speaker table and cues
                                // (reports/analysis_table.h)
  std::string docs_url = kDefaultDocsUrl;  // sarif/html: base of the rule doc links
  // html (and the JSON report's "sample"): the articles embedded, the
  // `report_articles` with the most severe findings plus the first
  // `report_per_rule` of each rule (SampleLimits, reports/report_sample.h).
  int report_articles = 200;   // --report-articles
  int report_per_rule = 20;    // --report-per-rule
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Begin(const RunInfo& run) { (void)run; }
  // `findings` are sorted by span start, then rule id; line/column/excerpt set.
  virtual void Add(const Article& article, const std::vector<Finding>& findings) = 0;
  virtual void End(const RunInfo& run, const Summary& summary) = 0;

  // A reporter whose output for a record depends only on the article and
  // its findings may have that output made on the worker threads, beside
  // the linting, instead of on the pipeline's main thread, whose work the
  // workers cannot share (lint/pipeline.h: from three jobs on). RendersAhead()
  // says it may; the pipeline then calls Render() on a worker (concurrently
  // for many records: it must read only the reporter's settings) and, in
  // input order on the main thread, AddRendered() instead of Add(). The two
  // together must write what Add() writes.
  virtual bool RendersAhead() const { return false; }
  virtual void Render(const Article& article, const std::vector<Finding>& findings,
                      std::string* out) const {
    (void)article, (void)findings;
    out->clear();
  }
  virtual void AddRendered(const Article& article, const std::vector<Finding>& findings,
                           std::string_view rendered) {
    (void)rendered;
    Add(article, findings);
  }
};

// text (reports/text.cc): for people. Per article with findings, a header
// line and `LOCATION: severity: message [rule]` per finding with the excerpt
// and a caret line under the span, rustc/clang style; then the run summary
// and a table of findings per rule. LOCATION is `source:line:column`, or
// `source#record:line:column` for a source that holds many records (see
// ArticleName). Scraped strings are made safe for a terminal (control
// characters shown as U+2400 pictures, invalid UTF-8 as U+FFFD).
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, const ReportOptions& options);
// json (reports/json.cc): one JSON document, "newslint.report/1", written
// incrementally (header in Begin, one article record per Add, summary in End).
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, const ReportOptions& options);
// jsonl (reports/jsonl.cc): exactly one compact JSON line per input record,
// in input order, also for records without findings.
std::unique_ptr<Reporter> MakeJsonlReporter(std::ostream& out, const ReportOptions& options);
// sarif (reports/sarif.cc): one SARIF 2.1.0 log with one run, streamed like
// the JSON report (rules in Begin, one result per finding in Add, the
// invocation in End). Locations and fingerprints: top of reports/sarif.cc
// and docs/reports.md.
std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const ReportOptions& options);
// github (reports/github.cc): GitHub Actions workflow commands, one
// `::error|warning|notice file=...,line=...::message` line per finding as it
// comes, then one line per broken budget and for fixed baseline findings.
std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out, const ReportOptions& options);
// html (reports/html.cc, declared in reports/html.h): one self-contained
// page, written at End() from the Summary and a bounded ReportSample.

// What the cleaned output of `newslint check --fix` did, counted as it goes.
struct FixedStats {
  int64_t records = 0;          // records written
  int64_t records_changed = 0;  // records whose text changed
  int64_t records_left_as_read = 0;  // JSONL records with fixes but no text string to replace
  FixStats fixes;               // fixes applied / skipped (lint/fixes.h)
};

// fixed (reports/fixed.cc): `newslint check --fix`, the cleaned records, not
// a report: each input record with the fixes of the rules `filter` selects
// applied to its text, one line per input record in input order. A JSONL
// record is its line as read with only the text field's string replaced; an
// HTML or text file becomes {"id","source","url","text"}. *stats is updated
// on every Add.
std::unique_ptr<Reporter> MakeFixedReporter(std::ostream& out, const FixFilter& filter,
                                            FixedStats* stats);

// How reports name an article for people: "SOURCE#RECORD" when its source
// holds one record per line (IsJsonlPath in lint/readers/reader.h; or record > 1), else "SOURCE" (an HTML or text file is
// one article). E.g. "crawl/part-1.jsonl#17", "pages/a.html".
std::string ArticleName(const Article& article);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_REPORTER_H_
