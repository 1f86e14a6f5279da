#include "lint/analysis.h"

#include <gtest/gtest.h>

namespace newslint {
namespace {

TEST(AnalysisTest, EmptyTextLocatesAtOrigin) {
  Article a;
  Analysis an(a);
  EXPECT_TRUE(an.lines().empty());
  EXPECT_EQ(an.Locate(0).line, 1);
  EXPECT_EQ(an.Locate(0).column, 1);
}

}  // namespace
}  // namespace newslint
