// newslint: worker threads that live for the whole run.
//
// The pipeline lints batch after batch; starting fresh threads per batch
// threw away everything a worker keeps in thread-local storage (its Hunspell
// instance and verdict cache, scratch buffers), which then had to be built
// again for every batch. A WorkerPool starts its threads once:
//
//   WorkerPool pool(jobs);
//   pool.Start([&] { ...take items from a shared cursor... });  // on every worker
//   ... read the next batch meanwhile ...
//   pool.Wait();                                                // all returned
//
// Start() runs the task once on each worker and returns at once; Wait()
// blocks until every worker has returned from it. One task at a time.

#ifndef NEWSLINT_LINT_WORKER_POOL_H_
#define NEWSLINT_LINT_WORKER_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace newslint {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Start(std::function<void()> task);
  void Wait();
  int size() const { return static_cast<int>(threads_.size()); }

  // The calling thread's index among its pool's workers (0 to size() - 1),
  // or -1 on a thread that is no pool's worker. Lets a task keep per-worker
  // state, e.g. which worker allocated what, so that it frees it too.
  static int CurrentWorker();

 private:
  void Loop(int index);

  std::mutex mu_;
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  std::function<void()> task_;
  uint64_t generation_ = 0;  // bumped by every Start()
  int running_ = 0;          // workers still inside the current task
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_WORKER_POOL_H_
