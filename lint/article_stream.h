// newslint: the articles of a run's inputs, batch by batch.
//
// The pipeline's passes (lint/pipeline.h) and the dataset rules' first pass
// (lint/dataset_pass.h) read their inputs the same way: the pieces of a
// ShardPlan (whole files unless --shard) one after another, into batches
// that close at PipelineOptions::batch_articles articles or batch_bytes of
// text (lint/pipeline.h, BatchBytes):
//
//   ArticleStream stream(options, plan, &summary);
//   std::vector<Article> batch;
//   while (stream.ReadBatch(&batch, &error) && !batch.empty()) ...
//
// A file that cannot be opened is one article carrying input/read-error (in
// the shard that owns the file's first byte), so one bad file never ends a
// run.

#ifndef NEWSLINT_LINT_ARTICLE_STREAM_H_
#define NEWSLINT_LINT_ARTICLE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/pipeline.h"
#include "lint/readers/reader.h"
#include "lint/shard.h"
#include "reports/summary.h"

namespace newslint {

class ArticleStream {
 public:
  // `summary` counts the files and the bytes read. `workers_decode`: the
  // workers parse the records (FinishReading), as from
  // kWorkersDecodeFromJobs on.
  ArticleStream(const PipelineOptions& options, const ShardPlan& plan, Summary* summary,
                bool workers_decode = false);

  // Fills *batch (cleared first) up to the batch limits. False on a run
  // failure (*error set); an empty batch at the end of the inputs.
  bool ReadBatch(std::vector<Article>* batch, std::string* error);

  // Input bytes read so far as stored, for the progress line.
  uint64_t position() const;

 private:
  const PipelineOptions& options_;
  ReadOptions read_;
  const ShardPlan& plan_;
  Summary* summary_;
  size_t next_piece_ = 0;
  uint64_t done_bytes_ = 0;  // bytes of the pieces read to the end
  std::unique_ptr<ArticleReader> reader_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_ARTICLE_STREAM_H_
