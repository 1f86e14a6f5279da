#include "lint/dataset_pass.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <thread>

#include "lint/analysis.h"
#include "lint/article_stream.h"
#include "lint/shard.h"
#include "lint/worker_pool.h"
#include "reports/summary.h"

namespace newslint {
namespace {

// One observer per rule for one slice of a batch.
using ObserverSet = std::vector<std::unique_ptr<DatasetObserver>>;

}  // namespace

bool RunDatasetPass(const PipelineOptions& options, const std::vector<DatasetRuleRun>& rules,
                    uint64_t max_text_bytes, std::string* error, std::FILE* note) {
  if (rules.empty()) return true;
  for (const DatasetRuleRun& r : rules) r.rule->Begin(*r.options);
  if (!options.read.stdin_copy.ReadableTwice() &&
      std::find(options.files.begin(), options.files.end(), "-") != options.files.end()) {
    if (note) {
      std::string ids;
      for (const DatasetRuleRun& r : rules) {
        ids += (ids.empty() ? "" : ", ") + std::string(r.rule->info().id);
      }
      std::fprintf(note,
                   "newslint: note: %s skipped: dataset rules read the input twice and stdin "
                   "can be read only once\n",
                   ids.c_str());
    }
    return true;
  }

  const int jobs = std::max(1, options.jobs);
  // A batch is cut into contiguous slices, each observed by one worker into
  // its own observers and merged in slice order: the statistics see the
  // articles in input order whatever --jobs is. With several workers, four
  // slices each, taken in turn: one slice per worker left the worker on a
  // faster core, or with shorter articles, waiting at the end of every batch.
  const int slices = jobs == 1 ? 1 : 4 * jobs;
  // Two generations of observers: the workers fill one while the main thread
  // merges the other (the previous batch's) and reads the next batch.
  std::vector<ObserverSet> observers[2];
  for (auto& generation : observers) {
    generation.resize(slices);
    for (ObserverSet& set : generation) {
      for (const DatasetRuleRun& r : rules) set.push_back(r.rule->MakeObserver());
    }
  }
  bool pending = false;  // observers[1 - g] hold a batch not merged yet
  auto absorb = [&](int g) {
    for (ObserverSet& set : observers[g]) {
      for (size_t k = 0; k < rules.size(); ++k) rules[k].rule->Absorb(*set[k]);
    }
  };

  std::vector<size_t> rows;  // --timings rows, one per rule
  if (options.timings) {
    for (const DatasetRuleRun& r : rules) {
      rows.push_back(options.timings->Row(std::string(r.rule->info().id) + " (first pass)"));
    }
  }

  // Every input file whole, whatever --shard: a shard's statistics count
  // them all. A file that cannot be opened is an article without text, as
  // in the lint pass (which reports it); the files and bytes are the lint
  // pass's to count.
  ShardPlan plan;
  if (!PlanShard(options.files, ShardSpec{}, &plan, error)) return false;
  Summary uncounted;
  ArticleStream reader(options, plan, &uncounted);
  WorkerPool pool(jobs);  // one set of threads for the whole pass
  std::vector<Article> current, next;
  bool ok = reader.ReadBatch(&current, error);
  int g = 0;
  while (ok && !current.empty()) {
    const size_t n = current.size();
    auto work = [&, g](int j) {
      const size_t begin = n * j / slices, end = n * (j + 1) / slices;
      ObserverSet& set = observers[g][j];
      for (size_t i = begin; i < end; ++i) {
        FinishReading(&current[i]);
        Article part;  // filled only for a text over max_text_bytes
        const Article& article = LintedPart(current[i], max_text_bytes, &part);
        {
          Analysis analysis(article);
          ViewClock views{options.timings};  // --timings: views are rows of their own
          const ScopedViewClock install(&views);
          for (size_t k = 0; k < set.size(); ++k) {
            const ScopedTiming timing(options.timings, options.timings ? rows[k] : 0, &views);
            try {
              rules[k].rule->NoteAndObserve(*set[k], article, analysis);
            } catch (const std::exception& e) {
              std::fprintf(stderr, "newslint: dataset pass of %.*s failed on %s: %s\n",
                           static_cast<int>(rules[k].rule->info().id.size()),
                           rules[k].rule->info().id.data(), current[i].id.c_str(), e.what());
            }
          }
        }
        TrimAfterLongText(article.text.size());  // the analysis is gone
      }
    };
    // Which worker takes which slice does not matter: they are merged in
    // slice order.
    std::atomic<int> slice{0};
    pool.Start([&] {
      for (int j; (j = slice.fetch_add(1)) < slices;) work(j);
    });
    if (pending) absorb(1 - g);  // overlaps with the workers
    ok = reader.ReadBatch(&next, error);
    pool.Wait();
    pending = true;
    g = 1 - g;
    std::swap(current, next);
  }
  if (pending) absorb(1 - g);
  if (!ok) return false;
  for (const DatasetRuleRun& r : rules) r.rule->Finish();
  return true;
}

}  // namespace newslint
