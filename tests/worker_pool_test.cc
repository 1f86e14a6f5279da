#include "lint/worker_pool.h"

#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace newslint {
namespace {

TEST(WorkerPoolTest, EveryWorkerKnowsItsOwnIndexAndOtherThreadsNone) {
  EXPECT_EQ(WorkerPool::CurrentWorker(), -1);  // the test's own thread
  for (int threads : {1, 2, 5}) {
    WorkerPool pool(threads);
    std::set<int> seen;
    std::mutex mu;
    pool.Start([&] {
      std::lock_guard<std::mutex> lock(mu);
      seen.insert(WorkerPool::CurrentWorker());
    });
    pool.Wait();
    std::set<int> expected;
    for (int i = 0; i < threads; ++i) expected.insert(i);
    EXPECT_EQ(seen, expected) << threads << " threads";
  }
  EXPECT_EQ(WorkerPool::CurrentWorker(), -1);
}

TEST(WorkerPoolTest, AWorkerKeepsItsIndexAcrossTasks) {
  WorkerPool pool(3);
  // The pipeline relies on it: a worker frees in one batch the findings it
  // made in the batch before. Each worker records its thread under its
  // index; the next task must find the same thread there.
  std::vector<std::thread::id> first(3), second(3);
  pool.Start([&] { first[static_cast<size_t>(WorkerPool::CurrentWorker())] = std::this_thread::get_id(); });
  pool.Wait();
  pool.Start([&] { second[static_cast<size_t>(WorkerPool::CurrentWorker())] = std::this_thread::get_id(); });
  pool.Wait();
  EXPECT_EQ(first, second);
  EXPECT_EQ(std::set<std::thread::id>(first.begin(), first.end()).size(), 3u);
}

}  // namespace
}  // namespace newslint
