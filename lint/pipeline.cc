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

#include "lint/article_stream.h"
#include "lint/dataset_pass.h"
#include "lint/worker_pool.h"
#include "lint/progress.h"
#include "lint/readers/formats.h"
#include "lint/scratch.h"
#include "lint/shard.h"
#include "lint/spill.h"

// gperftools' C interface (gperftools/malloc_extension_c.h), declared weak:
// defined when the newslint executable links tcmalloc (CMakeLists.txt), null
// in the tests, the Python module and sanitizer builds.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace newslint {
namespace {

// The most a chunk's spill records keep of their storage between batches.
constexpr size_t kKeptSpillBytes = size_t{8} << 20;

constexpr const char* kSpillWriteError =
    "cannot write the temporary file that holds the findings until the dataset rules are "
    "ready (is the disk of $TMPDIR, or of /var/tmp, full?)";
constexpr const char* kInputChanged =
    "an input changed while it was read: a run with dataset rules reads its inputs twice "
    "(findings, then the records to report them with) and they must stay the same in between";

// The lint pass of a run that lints each article once (see "Linting once" in
// lint/pipeline.h): lints every article as RunPipeline's report loop would,
// except that the dataset rules note and observe it instead of checking it
// (Engine::LintBatch with a NotedBatch), and writes each article's findings
// and memos to `spill` in input order. The observers of each chunk are
// absorbed in chunk order, so the statistics are the ones a first pass makes.
// Returns false with *error on a run failure, and with *spill_failed set
// too when the spill could not be written (the disk full).
bool LintAndNote(const PipelineOptions& options, const Engine& engine, const ShardPlan& plan,
                 const std::vector<DatasetRuleRun>& rules, WorkerPool& pool, SpillFile* spill,
                 ProgressLine* progress, std::string* error, bool* spill_failed) {
  Summary uncounted;  // the report pass counts the files and bytes
  ArticleStream stream(options, plan, &uncounted);
  const size_t datasets = rules.size();
  // What a chunk's worker leaves for the main thread: the chunk's observers
  // (one per rule) and its articles' spill records. Two generations: the
  // workers fill one while the main thread absorbs and writes the other.
  struct ChunkOut {
    std::vector<std::unique_ptr<DatasetObserver>> owned;
    std::vector<DatasetObserver*> observers;
    std::string records;
  };
  std::vector<ChunkOut> outs[2];
  std::vector<Article> current, next;
  std::vector<std::vector<Finding>> results;
  std::vector<std::string> memos;  // article k, rule d: memos[k * datasets + d]
  std::vector<size_t> chunks;
  std::atomic<size_t> cursor{0};
  int g = 0;
  auto work = [&] {
    for (size_t c; (c = cursor.fetch_add(1)) + 1 < chunks.size();) {
      const size_t begin = chunks[c], end = chunks[c + 1];
      for (size_t i = begin; i < end; ++i) FinishReading(&current[i]);
      ChunkOut& out = outs[g][c];
      engine.LintBatch(&current[begin], end - begin, &results[begin],
                       Engine::NotedBatch{&out.observers, &memos[begin * datasets]});
      size_t chunk_text = 0;
      for (size_t i = begin; i < end; ++i) chunk_text += current[i].text.size();
      TrimAfterLongText(chunk_text);
      out.records.clear();
      for (size_t i = begin; i < end; ++i) {
        AppendSpillRecord(current[i], results[i], &memos[i * datasets], datasets, &out.records);
        std::vector<Finding>().swap(results[i]);  // freed by the thread that made them
      }
    }
  };
  size_t pending = 0;  // chunks of outs[1 - g] not absorbed and written yet
  int64_t articles = 0;
  bool ok = stream.ReadBatch(&current, error);
  while (true) {
    const bool linting = ok && !current.empty();
    if (linting) {
      results.resize(current.size());
      memos.resize(current.size() * datasets);
      chunks = LintChunks(current, options.jobs);
      while (outs[g].size() + 1 < chunks.size()) {
        ChunkOut& out = outs[g].emplace_back();
        for (const DatasetRuleRun& r : rules) {
          out.owned.push_back(r.rule->MakeObserver());
          out.observers.push_back(out.owned.back().get());
        }
      }
      cursor.store(0);
      pool.Start(work);
    }
    // The previous batch, beside the workers: its statistics, then its records.
    bool written = true;
    for (size_t c = 0; c < pending; ++c) {
      ChunkOut& out = outs[1 - g][c];
      for (size_t d = 0; d < datasets; ++d) rules[d].rule->Absorb(*out.observers[d]);
      written = written && spill->Append(out.records);
      // Kept for the next batch (grown again each batch, the records took
      // page faults worth 2% of a run on the fixtures), unless a batch of
      // long records made them larger than a batch of news needs.
      if (out.records.capacity() > kKeptSpillBytes) std::string().swap(out.records);
    }
    pending = 0;
    if (!written) {
      if (linting) pool.Wait();
      *error = kSpillWriteError;
      *spill_failed = true;
      return false;
    }
    if (!linting) break;
    ok = stream.ReadBatch(&next, error);  // overlaps with the workers too
    pool.Wait();
    articles += static_cast<int64_t>(current.size());
    if (progress) progress->Update(articles, stream.position());
    pending = chunks.size() - 1;
    g = 1 - g;
    std::swap(current, next);
  }
  if (!ok) return false;
  for (const DatasetRuleRun& r : rules) r.rule->Finish();
  if (!spill->Rewind()) {
    *error = kSpillWriteError;
    *spill_failed = true;
    return false;
  }
  return true;
}

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

bool RunPipeline(const PipelineOptions& given, const Engine& engine,
                 const std::vector<Reporter*>& reporters, const RunInfo& run, Summary* summary,
                 std::string* error) {
  const auto started = std::chrono::steady_clock::now();
  PipelineOptions options = given;  // with the copy of stdin, when one is made
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
  std::unique_ptr<ProgressLine> progress;
  if (options.progress != nullptr) {
    progress = std::make_unique<ProgressLine>(options.progress, plan.shard_bytes, plan.sizes_known);
  }
  // One set of workers for the whole run: their thread-local state (the
  // Hunspell instance and its cache, scratch buffers) lives across batches
  // and passes.
  WorkerPool pool(options.jobs);
  // Dataset rules (e.g. boilerplate/template-line) need statistics of the
  // whole input before any finding is reported. A run lints each article
  // once, noting what the dataset rules need, keeps the findings in a spill
  // file, and reads the input again only to report them ("Linting once" in
  // pipeline.h). Stdin from a pipe, which cannot be read again, is copied
  // to a temporary file first, and read there by every pass; stdin from a
  // regular file is read again in place (StdinCopy). A
  // shard, whose dataset rules observe every file but lint only its slice,
  // reads every file for them first (RunDatasetPass), as does a run whose
  // spill file cannot be made.
  const std::vector<DatasetRuleRun> dataset = engine.dataset_rules();
  StdinCopy stdin_copy;
  const bool reads_stdin =
      std::find(options.files.begin(), options.files.end(), "-") != options.files.end();
  if (!dataset.empty() && reads_stdin) {
    if (!stdin_copy.Make(error)) {
      // Stdin is read once, as it was before the copy began: the dataset
      // rules stay silent (RunDatasetPass says so).
      std::fprintf(stderr, "newslint: note: %s\n", error->c_str());
      error->clear();
    }
    options.read.stdin_copy = stdin_copy.view();
  }
  SpillFile spill;
  bool lint_once = options.lint_once && !dataset.empty() && options.shard.count == 1 &&
                   (!reads_stdin || options.read.stdin_copy.ReadableTwice()) &&
                   spill.Create(error);
  if (lint_once) {
    for (const DatasetRuleRun& r : dataset) r.rule->Begin(*r.options);
    bool spill_failed = false;
    if (!LintAndNote(options, engine, plan, dataset, pool, &spill, progress.get(), error,
                     &spill_failed)) {
      if (!spill_failed) {
        summary->failure = *error;
        return false;
      }
      // Nothing is reported yet and the input can be read again: the run
      // goes on as one with a first pass (RunDatasetPass begins the
      // statistics anew), slower but with the same findings.
      std::fprintf(stderr, "newslint: note: %s; linting again after a first pass instead\n",
                   error->c_str());
      lint_once = false;
    }
  }
  if (!lint_once) {
    error->clear();  // a spill file that could not be made or written
    // An unopenable input fails the run here.
    if (!RunDatasetPass(options, dataset, engine.max_text_bytes(), error)) return false;
  }
  for (Reporter* r : reporters) r->Begin(run);

  // A lint-once run's report pass analyses nothing: with two jobs its
  // workers would idle while the main thread parsed every record and wrote
  // every report line, so they parse and render (as from
  // kWorkersDecodeFromJobs on). With one job the main thread keeps them,
  // 2.5% less CPU on the fixtures (the tenth round's finding again).
  const bool report_pass_decodes = lint_once && options.jobs >= 2;
  ArticleStream stream(options, plan, summary, /*workers_decode=*/report_pass_decodes);
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
  // From kWorkersDecodeFromJobs on, and in a lint-once run's report pass
  // with two jobs, the reporter whose records the workers render (Reporter::RendersAhead;
  // the JSONL report's serialising was the main thread's largest share),
  // unless a baseline removes findings on the main thread first.
  Reporter* ahead = nullptr;
  if (options.baseline == nullptr &&
      (options.jobs >= kWorkersDecodeFromJobs || report_pass_decodes)) {
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
  // A lint-once run's spill records of `current` and of `next`, read from
  // the spill file beside the input.
  std::vector<std::string> spilled, next_spilled;
  std::atomic<bool> changed{false};  // a spill record that is not its article's
  auto read_spilled = [&](size_t n, std::vector<std::string>* records) {
    records->resize(n);
    for (std::string& record : *records) {
      if (!spill.Next(&record)) {
        record.clear();  // fewer records than articles: DecodeSpillRecord says so
      }
    }
  };
  std::atomic<size_t> cursor{0};  // the next chunk
  std::vector<size_t> chunks;      // LintChunks of `current`
  auto work = [&] {
    const int me = WorkerPool::CurrentWorker();
    for (size_t i = 0; i < reported.size(); ++i) {
      if (reported_owners[i] == me) std::vector<Finding>().swap(reported[i]);
    }
    std::vector<std::string_view> memos;
    for (size_t c; (c = cursor.fetch_add(1)) + 1 < chunks.size();) {
      const size_t begin = chunks[c], end = chunks[c + 1];
      for (size_t i = begin; i < end; ++i) FinishReading(&current[i]);
      if (lint_once) {
        // Linted already: the findings come back from the spill, and the
        // dataset rules judge their memos against the finished statistics.
        for (size_t i = begin; i < end; ++i) {
          if (!DecodeSpillRecord(spilled[i], current[i], &results[i], &memos) ||
              memos.size() != dataset.size()) {
            changed.store(true);
            results[i].clear();
            continue;
          }
          engine.JudgeNoted(current[i], memos.data(), &results[i]);
          if (spilled[i].capacity() > kLintChunkBytes) std::string().swap(spilled[i]);
        }
      } else {
        engine.LintBatch(&current[begin], end - begin, &results[begin]);
        size_t chunk_text = 0;
        for (size_t i = begin; i < end; ++i) chunk_text += current[i].text.size();
        TrimAfterLongText(chunk_text);
      }
      for (size_t i = begin; i < end; ++i) {
        owners[i] = me;
        if (ahead) ahead->Render(current[i], results[i], &rendered[i]);
      }
    }
  };
  bool ok = stream.ReadBatch(&current, error);
  uint64_t current_position = stream.position();  // where the reader was after `current`
  if (lint_once) read_spilled(current.size(), &spilled);
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
      // A lint-once run's progress line was the lint pass's.
      if (progress && !lint_once) progress->Update(summary->articles, reporting_position);
      have_reporting = false;
    }
    if (!linting) break;
    ok = stream.ReadBatch(&next, error);  // overlaps with the workers too
    const uint64_t next_position = stream.position();
    if (lint_once) read_spilled(next.size(), &next_spilled);
    pool.Wait();
    if (changed.load()) {
      *error = kInputChanged;
      ok = false;
      break;
    }
    std::swap(spilled, next_spilled);
    std::swap(reporting, current);
    std::swap(reporting_results, results);
    std::swap(reporting_owners, owners);
    std::swap(reporting_rendered, rendered);
    reporting_position = current_position;
    have_reporting = true;
    std::swap(current, next);
    current_position = next_position;
  }
  if (ok && lint_once) {
    std::string extra;
    if (spill.Next(&extra)) {  // more records than the second read's articles
      *error = kInputChanged;
      ok = false;
    }
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
