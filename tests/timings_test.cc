// --timings and the analysis views (lint/timings.h): each view built while a
// thread's ViewClock is installed is charged to a row of its own, without the
// views it builds in turn, and nothing is measured without a clock.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/timings.h"

namespace newslint {
namespace {

// The scopes sleep for times far apart, so that a row that wrongly holds a
// nested scope's time is off by 200 ms or more, and the bounds allow 150 ms
// of a busy machine's delays: nothing here fails on a slow machine.
constexpr auto kShort = std::chrono::milliseconds(10);
constexpr auto kMiddle = std::chrono::milliseconds(200);
constexpr auto kLong = std::chrono::milliseconds(400);

double Seconds(std::chrono::milliseconds d) { return std::chrono::duration<double>(d).count(); }

struct InnerView {
  explicit InnerView(Analysis&) { std::this_thread::sleep_for(kLong); }
};

struct OuterView {
  explicit OuterView(Analysis& analysis) {
    std::this_thread::sleep_for(kShort);
    analysis.Shared<InnerView>();
  }
};

const RuleTimings::Entry* Find(const std::vector<RuleTimings::Entry>& entries,
                               const std::string& name) {
  for (const RuleTimings::Entry& e : entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

Article MakeArticle() {
  Article a;
  a.text = "Prices rose on Monday.\nThe board met.";
  return a;
}

TEST(TimingsTest, EachViewHasARowWithoutTheViewsItBuilds) {
  RuleTimings timings;
  ViewClock clock{&timings};
  const ScopedViewClock install(&clock);
  const Article article = MakeArticle();
  Analysis analysis(article);
  analysis.Shared<OuterView>();
  analysis.Shared<OuterView>();  // built once per article: no second build
  analysis.tokens();

  const std::vector<RuleTimings::Entry> entries = timings.Entries();
  const RuleTimings::Entry* outer = Find(entries, "view: OuterView");
  const RuleTimings::Entry* inner = Find(entries, "view: InnerView");
  const RuleTimings::Entry* tokens = Find(entries, "view: tokens");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  ASSERT_NE(tokens, nullptr);
  EXPECT_EQ(outer->calls, 1u);
  EXPECT_EQ(inner->calls, 1u);
  EXPECT_EQ(tokens->calls, 1u);
  // Each slept once; the outer row holds its own short sleep, not the
  // inner view's long one.
  EXPECT_GE(inner->seconds, Seconds(kLong));
  EXPECT_GE(outer->seconds, Seconds(kShort));
  EXPECT_LT(outer->seconds, Seconds(kShort) + 0.15);
  // What the engine takes off the rule that asked: every outermost build,
  // the inner view's included.
  EXPECT_GE(static_cast<double>(clock.views_ns) / 1e9, Seconds(kShort) + Seconds(kLong));
  EXPECT_EQ(clock.depth, 0);
}

TEST(TimingsTest, AScopeIsChargedWithoutItsViewsAndInnerScopes) {
  // As the engine charges Lint() and a rule's Check(): the rule's row
  // without the views it built, the engine's without the rule and the views.
  RuleTimings timings;
  const size_t engine_row = timings.Row("(analysis and sorting)");
  const size_t rule_row = timings.Row("garbled/grammar");
  ViewClock clock{&timings};
  const ScopedViewClock install(&clock);
  const Article article = MakeArticle();
  {
    ScopedTiming engine(&timings, engine_row, &clock);
    std::this_thread::sleep_for(kShort);
    {
      const ScopedTiming rule(&timings, rule_row, &clock, &engine);
      std::this_thread::sleep_for(kMiddle);
      Analysis analysis(article);
      analysis.Shared<InnerView>();  // kLong
    }
  }
  const std::vector<RuleTimings::Entry> entries = timings.Entries();
  // Each row its own sleep: with the inner scope's or the view's it would
  // be at least kMiddle (the engine's) or kLong (the rule's) longer.
  const struct {
    const char* row;
    std::chrono::milliseconds own;
  } kRows[] = {{"(analysis and sorting)", kShort}, {"garbled/grammar", kMiddle}, {"view: InnerView", kLong}};
  for (const auto& [row, own] : kRows) {
    const RuleTimings::Entry* e = Find(entries, row);
    ASSERT_NE(e, nullptr) << row;
    EXPECT_EQ(e->calls, 1u) << row;
    EXPECT_GE(e->seconds, Seconds(own)) << row;
    EXPECT_LT(e->seconds, Seconds(own) + 0.15) << row;
  }
}

TEST(TimingsTest, ARunAfterAnotherGetsItsOwnRows) {
  // Each thread caches the rows of the views; a second RuleTimings made
  // where the first was, with its rows in another order, must not get the
  // first one's rows.
  std::optional<RuleTimings> timings;
  const Article article = MakeArticle();
  for (int run = 0; run < 2; ++run) {
    timings.emplace();
    if (run == 1) timings->Row("garbled/spelling");
    ViewClock clock{&*timings};
    const ScopedViewClock install(&clock);
    Analysis analysis(article);
    analysis.tokens();
    const std::vector<RuleTimings::Entry> entries = timings->Entries();
    const RuleTimings::Entry* tokens = Find(entries, "view: tokens");
    ASSERT_NE(tokens, nullptr) << run;
    EXPECT_EQ(tokens->calls, 1u) << run;
    if (run == 1) EXPECT_EQ(Find(entries, "garbled/spelling")->calls, 0u);
  }
}

TEST(TimingsTest, NothingIsMeasuredWithoutAClock) {
  RuleTimings timings;
  ViewClock clock{nullptr};  // --timings off: the engine installs no clock
  const ScopedViewClock install(&clock);
  EXPECT_EQ(ThreadViewClock(), nullptr);
  const Article article = MakeArticle();
  Analysis analysis(article);
  analysis.tokens();
  analysis.sentences();
  EXPECT_TRUE(timings.Entries().empty());
  EXPECT_EQ(clock.views_ns, 0u);
}

TEST(TimingsTest, TheClockIsRestoredAfterItsScope) {
  RuleTimings timings;
  ViewClock outer{&timings};
  const ScopedViewClock install(&outer);
  {
    ViewClock inner{&timings};
    const ScopedViewClock nested(&inner);
    EXPECT_EQ(ThreadViewClock(), &inner);
  }
  EXPECT_EQ(ThreadViewClock(), &outer);
}

}  // namespace
}  // namespace newslint
