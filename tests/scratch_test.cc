// ReuseScratch and ReleaseIfLarge (lint/scratch.h): a reused buffer keeps a
// modest capacity and lets go of a large one.

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

// ReleaseIfLarge leaves a modest buffer as it is, contents and all, and
// says whether it freed one.
TEST(ScratchTest, ReleaseIfLargeKeepsAModestBufferWhole) {
  std::vector<uint64_t> v(1000, 7);
  const size_t capacity = v.capacity();
  EXPECT_FALSE(ReleaseIfLarge(v));
  EXPECT_EQ(v.size(), 1000u);
  EXPECT_EQ(v[999], 7u);
  EXPECT_EQ(v.capacity(), capacity);
  std::vector<uint64_t> large(kMaxKeptBytes / sizeof(uint64_t) + 1, 7);
  EXPECT_TRUE(ReleaseIfLarge(large));
  EXPECT_TRUE(large.empty());
  EXPECT_EQ(large.capacity(), 0u);
}

}  // namespace
}  // namespace newslint
