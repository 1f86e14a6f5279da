// newslint: `newslint merge`, shard reports joined into one.
//
//   newslint check crawl/ --shard 1/3 -o part-1.json      (on three machines)
//   newslint check crawl/ --shard 2/3 -o part-2.json
//   newslint check crawl/ --shard 3/3 -o part-3.json
//   newslint merge part-*.json -o all.json --report all.html
//
// The parts are JSON reports (schema newslint.report/1). When they record
// their shard ("run": {"shard": {"index": K, "count": N}}) they are put in K
// order and must form the complete set 1..N; otherwise they are taken in the
// order given. The merged report is the one a single run over the whole
// input would have written, apart from timings and jobs:
//   * "articles": the parts' records concatenated, copied through as text
//     (each record is one line of a part, reports/json.cc), so a part is
//     streamed, never held in memory;
//   * "summary": the parts' summaries read back (ParseSummaryJson) and added
//     up (Summary::Merge: elapsed_seconds the longest part's, jobs summed);
//   * "sample": the parts' samples merged (ReportSample::Merge, each part's
//     orders offset by the articles of the parts before it), which is what
//     the HTML report draws;
//   * "run": inputs and rules united in order of first appearance, jobs
//     summed, started_at the earliest, fail_on the first part's, no "shard".
// The text and JSONL formats are written from the same records (text reads
// each record back into an Article and its findings; carets are placed from
// the text only when the parts carry it, --include-text, else by column).

#ifndef NEWSLINT_REPORTS_MERGE_H_
#define NEWSLINT_REPORTS_MERGE_H_

#include <string>
#include <utility>
#include <vector>

#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {

struct MergeOptions {
  std::vector<std::string> parts;  // JSON report files
  // (format, path) pairs; format json, jsonl, text or html; path "" = stdout.
  std::vector<std::pair<std::string, std::string>> outputs;
  ReportOptions report;  // text: color, show_clean; html: docs_url
};

struct MergeResult {
  RunInfo run;
  Summary summary;
};

// Merges options.parts into every output. False with a one-line *error when
// a part cannot be read, is not a newslint JSON report, is cut short, or the
// parts do not form a complete set of shards (a run failure: exit 2).
// Notes (parts that ran different rules) go to `notes` (stderr; null: none).
bool MergeReports(const MergeOptions& options, MergeResult* result, std::string* error,
                  std::FILE* notes = stderr);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_MERGE_H_
