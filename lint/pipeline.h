// newslint: the check pipeline, from input paths to reports.
//
//   files ─► ArticleReader ─► batch of Articles ─► N workers: Engine::LintBatch
//         ─► results in input order ─► every Reporter + the Summary
//
// Each worker takes a chunk of the batch at a time (LintChunks below) and
// lints it rule by rule (Engine::LintBatch).
//
// While the workers lint one batch, the main thread hands the previous
// batch's results to the reporters and reads the next batch; results are
// emitted batch by batch in input order, so output records line up with
// input records whatever --jobs is. Memory is bounded by three batches (a
// batch closes at `batch_articles` articles or `batch_bytes` of text, or of
// records still to parse, whichever comes first).
//
// Linting once. Dataset rules (lint/rule.h) judge an article against
// statistics of the whole input, so no finding is reported before the last
// record is read. With dataset rules on, the run lints in two passes over
// the input:
//
//   lint pass    files ─► batches ─► workers: Engine::LintBatch with a
//                NotedBatch (every rule's findings; the dataset rules note
//                what they need and observe) ─► spill file, in input order
//                (lint/spill.h); the observers absorbed in input order
//   report pass  files ─► batches ─► workers: the spilled findings merged
//                with the dataset rules' Engine::JudgeNoted ─► reporters
//
// The report pass parses the records again (the reporters need the
// article) but analyses nothing, so with two jobs its workers parse the
// records and render the JSONL report's lines (as from
// kWorkersDecodeFromJobs on). The spill holds findings and memos, not text; it grows
// with the findings (a few hundred bytes each). A record that comes back
// different (the input changed between the passes) fails the run; a spill
// that cannot be written (the disk full) makes the run start over with a
// first pass (RunDatasetPass), with a note on stderr. Stdin from a
// pipe, which cannot be read twice, is copied to a temporary file before
// the lint pass (StdinCopy, lint/spill.h: as much disk as stdin carries)
// and both passes read the copy (stdin from a regular file is read again
// in place); with --shard, whose dataset rules count every file but lint only the slice, a
// first pass (RunDatasetPass) observes every file and the lint pass lints
// and reports as one.
//
// With up to two jobs the main thread also parses the JSONL records (and
// extracts the text of HTML pages) and writes the JSONL report's records: it is then a pipeline stage of its own
// beside the workers, each thread's caches hold one kind of work, and on two
// cores that measured 5-14% less CPU than the workers doing it all
// (docs/performance.md, "Tenth round"). From three jobs on the workers do it
// (ReadOptions::defer_decoding, Reporter::RendersAhead): one thread doing it
// for all of them would cap the speed-up at the inverse of its share, 2.2x
// for records that carry their page's HTML, which the parse extracts.

#ifndef NEWSLINT_LINT_PIPELINE_H_
#define NEWSLINT_LINT_PIPELINE_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/readers/reader.h"
#include "lint/shard.h"
#include "lint/timings.h"
#include "reports/baseline.h"
#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {

// The --jobs from which the workers, not the main thread, parse the records
// and render the JSONL report's records (see above).
inline constexpr int kWorkersDecodeFromJobs = 3;

struct PipelineOptions {
  std::vector<std::string> files;  // already expanded (ExpandInputs)
  ReadOptions read;
  int jobs = 1;
  // A batch ends at whichever comes first (and one record past batch_bytes
  // at most). News reaches the articles first (1,024 articles are about
  // 5 MB of text); records of megabytes reach the bytes, and three batches
  // of them in flight are most of what a run holds besides the linting
  // (16 MB each took a run of 4 MB records from 183 to 209 MB,
  // docs/performance.md, "Twenty-second round").
  size_t batch_articles = 1024;
  size_t batch_bytes = 8 << 20;
  // --write-baseline: sees every finding, before the baseline filters them.
  BaselineWriter* baseline_writer = nullptr;
  // --baseline: removes known findings before the summary and the reporters
  // see them, and counts what it removed and what it never saw.
  Baseline* baseline = nullptr;
  // --shard K/N: lint only this slice of `files` (lint/shard.h); the dataset
  // pass still reads every file. 1/1 is the whole input.
  ShardSpec shard;
  // Where to draw the progress line (lint/progress.h), e.g. stderr; null for
  // none.
  std::FILE* progress = nullptr;
  // --timings (lint/timings.h): the dataset pass charges each dataset rule's
  // Observe() here; the engine's rows are set with Engine::set_timings.
  RuleTimings* timings = nullptr;
  // With dataset rules on, lint each article once and keep its findings in
  // a spill file until the rules' statistics are ready ("Linting once"
  // above); false runs a first pass for the statistics (RunDatasetPass)
  // before the lint pass, as --shard always does. The findings are the
  // same; tests compare the two.
  bool lint_once = true;
};

// How the pipeline and the dataset pass read a run's inputs in batches: the
// run's read options, with records left undecoded from
// kWorkersDecodeFromJobs on (the workers parse them, FinishReading); and
// what an article counts towards a batch's `batch_bytes`: its text, or the
// record still to decode.
inline ReadOptions BatchReadOptions(const PipelineOptions& options) {
  ReadOptions read = options.read;
  read.defer_decoding = options.jobs >= kWorkersDecodeFromJobs;
  return read;
}
inline size_t BatchBytes(const Article& article) {
  return article.text.size() + article.undecoded.size();
}

// After a worker linted (or the dataset pass observed) more than
// kMaxKeptBytes (lint/scratch.h) of text at once, which news never is (a
// chunk of news holds at most 1 MiB), the heaps give the memory that text's
// analysis freed back to the system (malloc_trim). main() has glibc keep
// freed memory for the next batch (M_TRIM_THRESHOLD), which saves time on
// news; after a long record it kept hundreds of megabytes of views that
// records of other shapes could not all reuse, and a run's peak grew with
// each long record (docs/performance.md, "Twenty-first round"). Nothing
// for shorter text or without glibc.
void TrimAfterLongText(size_t text_bytes);

// How a worker takes its articles from a batch: in chunks that
// Engine::LintBatch lints rule by rule. A chunk holds at most
// kLintChunkArticles articles and kLintChunkBytes of BatchBytes (an article
// larger than that is a chunk of its own): the chunk's analyses are alive at
// once, 15-30 times its text, so a worker holds some 15-30 MB more than it
// would linting one article at a time. With more than one job, a chunk also
// holds at most a (2 x jobs)-th of the articles not yet in a chunk, so the
// chunks shrink towards the batch's end and no worker idles long while
// another lints a large last chunk. Returns the chunks' first articles,
// then batch.size(): chunk c is [starts[c], starts[c + 1]).
inline constexpr size_t kLintChunkArticles = 1024;  // a whole batch with one job
inline constexpr size_t kLintChunkBytes = size_t{1} << 20;
std::vector<size_t> LintChunks(const std::vector<Article>& batch, int jobs,
                               size_t max_articles = kLintChunkArticles,
                               size_t max_bytes = kLintChunkBytes);

// Lints every file and feeds each reporter. Returns false with *error when an
// input cannot be opened (a run failure: exit 2); reporters may then hold a
// partial report, and summary->failure says why before their End(). `summary`
// is filled either way.
bool RunPipeline(const PipelineOptions& options, const Engine& engine,
                 const std::vector<Reporter*>& reporters, const RunInfo& run, Summary* summary,
                 std::string* error);

}  // namespace newslint

#endif  // NEWSLINT_LINT_PIPELINE_H_
