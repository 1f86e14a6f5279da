#include "lint/pipeline.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "lint/dataset_pass.h"

namespace newslint {
namespace {

// Pulls articles from the input files one after another.
class ArticleStream {
 public:
  ArticleStream(const PipelineOptions& options, Summary* summary)
      : options_(options), summary_(summary) {}

  // Fills *batch (cleared first) up to the batch limits. False on a run
  // failure (*error set); an empty batch at the end of the inputs.
  bool ReadBatch(std::vector<Article>* batch, std::string* error) {
    batch->clear();
    size_t bytes = 0;
    while (batch->size() < options_.batch_articles && bytes < options_.batch_bytes) {
      if (!reader_) {
        if (next_file_ == options_.files.size()) break;
        const std::string& file = options_.files[next_file_++];
        reader_ = OpenReader(file, options_.read, error);
        if (!reader_) return false;
        ++summary_->files;
      }
      batch->emplace_back();
      if (!reader_->Next(&batch->back())) {
        batch->pop_back();
        summary_->input_bytes += static_cast<int64_t>(reader_->bytes_read());
        reader_.reset();
        continue;
      }
      bytes += batch->back().text.size();
    }
    return true;
  }

 private:
  const PipelineOptions& options_;
  Summary* summary_;
  size_t next_file_ = 0;
  std::unique_ptr<ArticleReader> reader_;
};

}  // namespace

bool RunPipeline(const PipelineOptions& options, const Engine& engine,
                 const std::vector<Reporter*>& reporters, const RunInfo& run, Summary* summary,
                 std::string* error) {
  const auto started = std::chrono::steady_clock::now();
  summary->jobs = options.jobs;
  // Dataset rules (e.g. boilerplate/template-line) first read every input
  // once for their statistics; an unopenable input fails the run here.
  if (!RunDatasetPass(options, engine.dataset_rules(), error)) return false;
  for (Reporter* r : reporters) r->Begin(run);

  ArticleStream stream(options, summary);
  std::vector<Article> current, next;
  bool ok = stream.ReadBatch(&current, error);
  while (ok && !current.empty()) {
    std::vector<std::vector<Finding>> results(current.size());
    std::atomic<size_t> cursor{0};
    auto work = [&] {
      for (size_t i; (i = cursor.fetch_add(1)) < current.size();) {
        results[i] = engine.Lint(current[i]);
      }
    };
    std::vector<std::thread> workers;
    const int jobs = std::max(1, options.jobs);
    workers.reserve(jobs);
    for (int j = 0; j < jobs; ++j) workers.emplace_back(work);
    ok = stream.ReadBatch(&next, error);  // overlaps with the workers
    for (std::thread& t : workers) t.join();
    for (size_t i = 0; i < current.size(); ++i) {
      summary->Add(current[i], results[i]);
      for (Reporter* r : reporters) r->Add(current[i], results[i]);
    }
    std::swap(current, next);
  }
  summary->elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (Reporter* r : reporters) r->End(run, *summary);
  return ok;
}

}  // namespace newslint
