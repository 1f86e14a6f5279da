// newslint: the first pass of the dataset rules, for runs that cannot lint
// each article once.
//
// Dataset rules (DatasetRule, lint/rule.h) judge an article against
// statistics of the whole input. A run gathers them in its lint pass and
// reports afterwards ("Linting once", lint/pipeline.h), except with
// --shard K/N, whose statistics count every file while the shard lints only
// its slice (and when the pipeline's spill file cannot be made): then this
// pass reads every input once more, before the lint pass:
//
//   auto dataset = engine.dataset_rules();
//   if (!RunDatasetPass(options, dataset, engine.max_text_bytes(), &error)) { /* exit 2 */ }
//   RunPipeline(options, engine, ...);   // Check() reads the statistics
//
// The pass reads the files with OpenReader in batches (the limits of
// PipelineOptions), observes each batch on `jobs` threads while the main
// thread merges the previous batch's observers and reads the next batch, and
// merges observers in input order, so the statistics are the same whatever
// --jobs is. It keeps no article past its batch.
//
// stdin cannot be read twice: RunPipeline copies it to a temporary file
// first (ReadOptions::stdin_copy) and this pass reads the copy. Given "-"
// without a whole copy (none made, or the disk filled up), the pass is
// skipped, the dataset rules stay silent for the whole run, and one note
// says so on stderr.

#ifndef NEWSLINT_LINT_DATASET_PASS_H_
#define NEWSLINT_LINT_DATASET_PASS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "lint/pipeline.h"
#include "lint/rule.h"

namespace newslint {

// Runs the first pass of `rules` over options.files. Returns false with a
// one-line *error when an input cannot be opened (a run failure: exit 2);
// the rules then stay silent. Does nothing when `rules` is empty. `note`
// receives the stdin note (stderr by default; null for none). The rules
// observe what the lint pass lets them check of each article: LintedPart
// (lint/article.h) with `max_text_bytes`, the engine's.
bool RunDatasetPass(const PipelineOptions& options, const std::vector<DatasetRuleRun>& rules,
                    uint64_t max_text_bytes, std::string* error, std::FILE* note = stderr);

}  // namespace newslint

#endif  // NEWSLINT_LINT_DATASET_PASS_H_
