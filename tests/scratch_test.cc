// ReuseScratch (lint/scratch.h): a reused buffer keeps a modest capacity
// and lets go of a large one.

#include "lint/scratch.h"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace newslint {
namespace {

TEST(ScratchTest, KeepsAModestBufferEmptied) {
  std::vector<uint64_t> v(1000, 7);
  const size_t capacity = v.capacity();
  ReuseScratch(v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), capacity);  // the allocation is reused
}

TEST(ScratchTest, ReleasesABufferOverTheBound) {
  std::vector<uint64_t> v(kMaxKeptBytes / sizeof(uint64_t) + 1, 7);
  ReuseScratch(v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), 0u);
}

TEST(ScratchTest, KeepsABufferExactlyAtTheBound) {
  std::vector<char> v;
  v.reserve(kMaxKeptBytes);
  v.push_back('x');
  const size_t capacity = v.capacity();
  ASSERT_LE(capacity * sizeof(char), kMaxKeptBytes);
  ReuseScratch(v);
  EXPECT_EQ(v.capacity(), capacity);
}

}  // namespace
}  // namespace newslint
