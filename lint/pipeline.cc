#include "lint/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "lint/dataset_pass.h"
#include "lint/worker_pool.h"
#include "lint/progress.h"
#include "lint/readers/formats.h"
#include "lint/scratch.h"
#include "lint/shard.h"

// gperftools' C interface (gperftools/malloc_extension_c.h), declared weak:
// defined when the newslint executable links tcmalloc (CMakeLists.txt), null
// in the tests, the Python module and sanitizer builds.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace newslint {
namespace {

// Pulls articles from the pieces of the input files (the whole files unless
// --shard) one after another.
class ArticleStream {
 public:
  ArticleStream(const PipelineOptions& options, const ShardPlan& plan, Summary* summary)
      : options_(options), read_(BatchReadOptions(options)), plan_(plan), summary_(summary) {}

  // Fills *batch (cleared first) up to the batch limits. False on a run
  // failure (*error set); an empty batch at the end of the inputs.
  bool ReadBatch(std::vector<Article>* batch, std::string* error) {
    batch->clear();
    size_t bytes = 0;
    while (batch->size() < options_.batch_articles && bytes < options_.batch_bytes) {
      if (!reader_) {
        if (next_piece_ == plan_.pieces.size()) break;
        const ShardPiece& piece = plan_.pieces[next_piece_++];
        reader_ = OpenShardPiece(piece, read_, error);
        // A file split across shards counts once, in the shard with its first byte.
        if (piece.counts_file) ++summary_->files;
        if (!reader_) {
          // A file that cannot be opened (no permission, gone since the
          // folder was listed) is one record carrying input/read-error, as a
          // file that breaks off mid-read is: one bad file never ends a long
          // run. Reported by the shard that owns the file's first byte.
          done_bytes_ += piece.bytes();
          if (!piece.counts_file) continue;
          batch->emplace_back();
          Article& article = batch->back();
          article.id = piece.path;
          article.source = piece.path;
          article.record = 1;
          article.AddInputFinding("input/read-error", *error);
          error->clear();
          continue;
        }
      }
      batch->emplace_back();
      if (!reader_->Next(&batch->back())) {
        batch->pop_back();
        summary_->input_bytes += static_cast<int64_t>(reader_->bytes_read());
        reader_.reset();
        done_bytes_ += plan_.pieces[next_piece_ - 1].bytes();
        continue;
      }
      bytes += BatchBytes(batch->back());
    }
    return true;
  }

  // Input bytes read so far as stored, for the progress line.
  uint64_t position() const {
    if (!reader_) return done_bytes_;
    return done_bytes_ +
           std::min(reader_->source_position(), plan_.pieces[next_piece_ - 1].bytes());
  }

 private:
  const PipelineOptions& options_;
  ReadOptions read_;
  const ShardPlan& plan_;
  Summary* summary_;
  size_t next_piece_ = 0;
  uint64_t done_bytes_ = 0;  // bytes of the pieces read to the end
  std::unique_ptr<ArticleReader> reader_;
};

}  // namespace

void TrimAfterLongText(size_t text_bytes) {
  if (text_bytes <= kMaxKeptBytes) return;
  // tcmalloc, when the executable links it (CMakeLists.txt), holds the
  // memory glibc's malloc_trim would have handed back: ask it instead.
  if (MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

std::vector<size_t> LintChunks(const std::vector<Article>& batch, int jobs, size_t max_articles,
                               size_t max_bytes) {
  std::vector<size_t> starts;
  const size_t n = batch.size();
  const size_t balance = jobs > 1 ? 2 * static_cast<size_t>(jobs) : 0;
  for (size_t i = 0; i < n;) {
    starts.push_back(i);
    size_t limit = std::max<size_t>(1, max_articles);
    if (balance > 0) limit = std::min(limit, std::max<size_t>(1, (n - i) / balance));
    size_t bytes = BatchBytes(batch[i]);
    size_t end = i + 1;
    while (end < n && end - i < limit && bytes + BatchBytes(batch[end]) <= max_bytes) {
      bytes += BatchBytes(batch[end]);
      ++end;
    }
    i = end;
  }
  starts.push_back(n);
  return starts;
}

bool RunPipeline(const PipelineOptions& options, const Engine& engine,
                 const std::vector<Reporter*>& reporters, const RunInfo& run, Summary* summary,
                 std::string* error) {
  const auto started = std::chrono::steady_clock::now();
  summary->jobs = options.jobs;
  // Bad --field names are a run failure, checked once here: from now on a
  // reader that cannot be opened means a file that cannot be (a finding).
  JsonlFieldNames names;
  if (!ResolveJsonlFieldNames(options.read, &names, error)) {
    summary->failure = *error;
    return false;
  }
  // What this run reads: every file whole, or the slice of --shard K/N.
  ShardPlan plan;
  if (!PlanShard(options.files, options.shard, &plan, error)) return false;
  // Dataset rules (e.g. boilerplate/template-line) first read every input
  // once for their statistics (every file, also in a shard, so that a
  // shard's findings are a single run's); an unopenable input fails the run
  // here.
  if (!RunDatasetPass(options, engine.dataset_rules(), engine.max_text_bytes(), error)) return false;
  for (Reporter* r : reporters) r->Begin(run);

  ArticleStream stream(options, plan, summary);
  std::unique_ptr<ProgressLine> progress;
  if (options.progress != nullptr) {
    progress = std::make_unique<ProgressLine>(options.progress, plan.shard_bytes, plan.sizes_known);
  }
  // Three batches in flight: the workers lint `current` while the main
  // thread hands the previous batch's results to the reporters and then
  // reads `next`. Reporting (JSON, SARIF, the HTML sample, baselines) thus
  // runs beside the linting instead of between batches, when the workers
  // would wait; it still sees the batches one after another in input order.
  std::vector<Article> reporting, current, next;
  std::vector<std::vector<Finding>> reporting_results, results;
  // The findings of the batch reported last, and which worker linted each of
  // its articles (`owners`, rotating with `results`). Each worker frees the
  // findings it made itself at the start of the next batch: freed on this
  // thread, every free took the lock of the worker's malloc arena while the
  // worker allocated from it (glibc), and the two threads woke each other
  // through futexes thousands of times a run.
  std::vector<std::vector<Finding>> reported;
  std::vector<int> reporting_owners, owners, reported_owners;
  // From kWorkersDecodeFromJobs on, the reporter whose records the workers
  // render (Reporter::RendersAhead; the JSONL report's serialising was the
  // main thread's largest share), unless a baseline removes findings on the
  // main thread first.
  Reporter* ahead = nullptr;
  if (options.baseline == nullptr && options.jobs >= kWorkersDecodeFromJobs) {
    for (Reporter* r : reporters) {
      if (r->RendersAhead()) {
        ahead = r;
        break;
      }
    }
  }
  std::vector<std::string> reporting_rendered, rendered;
  uint64_t reporting_position = 0;
  bool have_reporting = false;
  // One set of workers for the whole run: their thread-local state (the
  // Hunspell instance and its cache, scratch buffers) lives across batches.
  WorkerPool pool(options.jobs);
  std::atomic<size_t> cursor{0};  // the next chunk
  std::vector<size_t> chunks;      // LintChunks of `current`
  auto work = [&] {
    const int me = WorkerPool::CurrentWorker();
    for (size_t i = 0; i < reported.size(); ++i) {
      if (reported_owners[i] == me) std::vector<Finding>().swap(reported[i]);
    }
    for (size_t c; (c = cursor.fetch_add(1)) + 1 < chunks.size();) {
      const size_t begin = chunks[c], end = chunks[c + 1];
      for (size_t i = begin; i < end; ++i) FinishReading(&current[i]);
      engine.LintBatch(&current[begin], end - begin, &results[begin]);
      size_t chunk_text = 0;
      for (size_t i = begin; i < end; ++i) chunk_text += current[i].text.size();
      TrimAfterLongText(chunk_text);
      for (size_t i = begin; i < end; ++i) {
        owners[i] = me;
        if (ahead) ahead->Render(current[i], results[i], &rendered[i]);
      }
    }
  };
  bool ok = stream.ReadBatch(&current, error);
  uint64_t current_position = stream.position();  // where the reader was after `current`
  while (true) {
    // A batch whose read failed is not linted (its last record may be cut).
    const bool linting = ok && !current.empty();
    // The findings of the batch reported last: the workers free them (see
    // `reported` above), or this thread once the input is done.
    reported = std::move(results);
    reported_owners.swap(owners);
    if (linting) {
      results.clear();
      results.resize(current.size());
      owners.assign(current.size(), -1);
      if (ahead) rendered.resize(current.size());
      chunks = LintChunks(current, options.jobs);
      cursor.store(0);
      pool.Start(work);
    } else {
      reported.clear();
    }
    if (have_reporting) {
      for (size_t i = 0; i < reporting.size(); ++i) {
        if (options.baseline_writer) options.baseline_writer->Add(reporting[i], reporting_results[i]);
        if (options.baseline) options.baseline->Filter(reporting[i], &reporting_results[i], summary);
        summary->Add(reporting[i], reporting_results[i]);
        for (Reporter* r : reporters) {
          if (r == ahead) {
            r->AddRendered(reporting[i], reporting_results[i], reporting_rendered[i]);
            // Freed at once: kept for the next batch, each of a batch's
            // strings grew to the largest record its place ever held (27 MB
            // more peak memory on 50 MB of fixtures).
            std::string().swap(reporting_rendered[i]);
          } else {
            r->Add(reporting[i], reporting_results[i]);
          }
        }
      }
      if (progress) progress->Update(summary->articles, reporting_position);
      have_reporting = false;
    }
    if (!linting) break;
    ok = stream.ReadBatch(&next, error);  // overlaps with the workers too
    const uint64_t next_position = stream.position();
    pool.Wait();
    std::swap(reporting, current);
    std::swap(reporting_results, results);
    std::swap(reporting_owners, owners);
    std::swap(reporting_rendered, rendered);
    reporting_position = current_position;
    have_reporting = true;
    std::swap(current, next);
    current_position = next_position;
  }
  summary->elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.baseline) options.baseline->Finish(summary);
  if (!ok) summary->failure = *error;
  if (progress) progress->Finish();  // before End(): the text report may share the terminal
  for (Reporter* r : reporters) r->End(run, *summary);
  return ok;
}

}  // namespace newslint
