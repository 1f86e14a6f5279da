// newslint: the check pipeline, from input paths to reports.
//
//   files ─► ArticleReader ─► batch of Articles ─► N workers: Engine::Lint
//         ─► results in input order ─► every Reporter + the Summary
//
// The main thread reads the next batch while the workers lint the current
// one; results are emitted batch by batch in input order, so output records
// line up with input records whatever --jobs is. Memory is bounded by two
// batches (a batch closes at `batch_articles` articles or `batch_bytes` of
// text, whichever comes first).

#ifndef NEWSLINT_LINT_PIPELINE_H_
#define NEWSLINT_LINT_PIPELINE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/readers/reader.h"
#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {

struct PipelineOptions {
  std::vector<std::string> files;  // already expanded (ExpandInputs)
  ReadOptions read;
  int jobs = 1;
  size_t batch_articles = 1024;
  size_t batch_bytes = 16 << 20;
};

// Lints every file and feeds each reporter. Returns false with *error when an
// input cannot be opened (a run failure: exit 2); reporters may then hold a
// partial report. `summary` is filled either way.
bool RunPipeline(const PipelineOptions& options, const Engine& engine,
                 const std::vector<Reporter*>& reporters, const RunInfo& run, Summary* summary,
                 std::string* error);

}  // namespace newslint

#endif  // NEWSLINT_LINT_PIPELINE_H_
