// Tests of ReportSample (reports/report_sample.h): which articles it keeps,
// that samples of shards merge into the sample of the whole, the cut text,
// and the JSON round trip.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>
#include <set>
#include <string>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/json_writer.h"
#include "reports/report_sample.h"

namespace newslint {
namespace {

Finding Make(std::string rule, Severity severity, size_t start = 0, size_t end = 1) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = "m";
  f.span = {start, end};
  f.line = 1;
  f.column = static_cast<int64_t>(start) + 1;
  return f;
}

Article MakeArticle(int n) {
  Article a;
  a.id = "a" + std::to_string(n);
  a.source = "in.jsonl";
  a.record = n + 1;
  a.url = "https://site" + std::to_string(n % 3) + ".example/" + std::to_string(n);
  a.site = SiteOfUrl(a.url);
  a.text = "text of article " + std::to_string(n);
  return a;
}

std::vector<uint64_t> Orders(const ReportSample& s) {
  std::vector<uint64_t> out;
  for (const SampledArticle* a : s.Articles()) out.push_back(a->order);
  return out;
}

constexpr Severity kE = Severity::kError, kW = Severity::kWarning, kI = Severity::kInfo;

TEST(ReportSampleTest, KeepsTheWorstAndTheFirstOfEachRule) {
  // order: findings
  //   0: w(a)            1: e(b)              2: clean
  //   3: w(a) w(a)       4: e(b) i(c)         5: i(c)
  //   6: e(b) e(b)       7: w(d)
  std::vector<std::vector<Finding>> findings = {
      {Make("x/a", kW)},
      {Make("x/b", kE)},
      {},
      {Make("x/a", kW), Make("x/a", kW)},
      {Make("x/b", kE), Make("x/c", kI)},
      {Make("x/c", kI)},
      {Make("x/b", kE), Make("x/b", kE)},
      {Make("x/d", kW)},
  };
  ReportSample sample(SampleLimits{/*worst=*/2, /*per_rule=*/1, /*max_text_bytes=*/1000});
  for (size_t i = 0; i < findings.size(); ++i) {
    sample.Add(i, MakeArticle(static_cast<int>(i)), findings[i]);
  }
  // Worst 2: 6 (two errors), then 4 (one error and an info) beats 1 (one
  // error). First of each rule: a -> 0, b -> 1, c -> 4, d -> 7. Not kept: 3
  // (two warnings, but not among the worst 2 nor first of rule a) and 5.
  // Listed most severe first: 6, 4, 1, then 0 and 7 (one warning each: by order).
  EXPECT_EQ(Orders(sample), (std::vector<uint64_t>{6, 4, 1, 0, 7}));
}

TEST(ReportSampleTest, ListsByErrorsThenWarningsThenInfoThenOrder) {
  ReportSample sample(SampleLimits{10, 0, 1000});
  sample.Add(0, MakeArticle(0), {Make("x/a", kI), Make("x/a", kI), Make("x/a", kI)});
  sample.Add(1, MakeArticle(1), {Make("x/a", kW)});
  sample.Add(2, MakeArticle(2), {Make("x/a", kW), Make("x/a", kI)});
  sample.Add(3, MakeArticle(3), {Make("x/a", kE)});
  sample.Add(4, MakeArticle(4), {Make("x/a", kW)});
  EXPECT_EQ(Orders(sample), (std::vector<uint64_t>{3, 2, 1, 4, 0}));
}

TEST(ReportSampleTest, NeverKeepsCleanArticlesAndHonoursZeroLimits) {
  ReportSample none(SampleLimits{0, 0, 1000});
  none.Add(0, MakeArticle(0), {Make("x/a", kE)});
  EXPECT_TRUE(none.Articles().empty());
  ReportSample sample(SampleLimits{5, 5, 1000});
  sample.Add(0, MakeArticle(0), {});
  EXPECT_TRUE(sample.Articles().empty());
}

TEST(ReportSampleTest, KeepsTheArticleFields) {
  ReportSample sample;
  Article a = MakeArticle(7);
  a.title = "A title";
  sample.Add(41, a, {Make("x/a", kW, 2, 4)});
  ASSERT_EQ(sample.Articles().size(), 1u);
  const SampledArticle& s = *sample.Articles()[0];
  EXPECT_EQ(s.order, 41u);
  EXPECT_EQ(s.name, "in.jsonl#8");
  EXPECT_EQ(s.id, "a7");
  EXPECT_EQ(s.url, "https://site1.example/7");
  EXPECT_EQ(s.site, "site1.example");
  EXPECT_EQ(s.title, "A title");
  EXPECT_EQ(s.record, 8);
  EXPECT_EQ(s.text, "text of article 7");
  EXPECT_FALSE(s.text_cut);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].span, (Span{2, 4}));
}

TEST(ReportSampleTest, CutsTheTextAtACharacterBoundary) {
  // "ab€cd": € is 3 bytes (2..4). A limit of 3 or 4 bytes falls inside it:
  // the cut moves back to byte 2.
  Article a = MakeArticle(0);
  a.text = "ab\xE2\x82\xAC" "cd";
  for (int64_t limit : {3, 4}) {
    ReportSample sample(SampleLimits{1, 0, limit});
    sample.Add(0, a, {Make("x/a", kE, 5, 6)});
    const SampledArticle& s = *sample.Articles()[0];
    EXPECT_EQ(s.text, "ab") << limit;
    EXPECT_TRUE(s.text_cut);
    EXPECT_EQ(s.findings.size(), 1u);  // the finding past the cut stays listed
  }
  ReportSample exact(SampleLimits{1, 0, 5});
  exact.Add(0, a, {Make("x/a", kE)});
  EXPECT_EQ(exact.Articles()[0]->text, "ab\xE2\x82\xAC");
  ReportSample whole(SampleLimits{1, 0, 7});
  whole.Add(0, a, {Make("x/a", kE)});
  EXPECT_EQ(whole.Articles()[0]->text, a.text);
  EXPECT_FALSE(whole.Articles()[0]->text_cut);
  // A run of stray continuation bytes is not a character: cut where it is.
  Article junk = MakeArticle(1);
  junk.text = std::string(10, '\x80');
  ReportSample j(SampleLimits{1, 0, 6});
  j.Add(0, junk, {Make("x/a", kE)});
  EXPECT_EQ(j.Articles()[0]->text.size(), 6u);
}

// --- Merge: an independent reference selection over random runs -------------

struct Item {
  uint64_t order;
  std::vector<Finding> findings;
};

std::vector<Item> RandomRun(std::mt19937* rng, int n) {
  static const std::vector<std::string> kRules = {"f/a", "f/b", "f/c", "g/d", "g/e", "g/f"};
  std::vector<Item> items;
  for (int i = 0; i < n; ++i) {
    Item it{static_cast<uint64_t>(i), {}};
    int k = static_cast<int>((*rng)() % 5);  // 0..4 findings
    for (int j = 0; j < k; ++j) {
      it.findings.push_back(Make(kRules[(*rng)() % kRules.size()], static_cast<Severity>((*rng)() % 3),
                                 j, j + 1));
    }
    items.push_back(std::move(it));
  }
  return items;
}

// The selection written the obvious way: rank every article, keep the top
// `worst`, and for each rule its first `per_rule` articles in order.
std::vector<uint64_t> Reference(const std::vector<Item>& items, int worst, int per_rule) {
  struct R {
    int64_t e = 0, w = 0, i = 0, n = 0;
    uint64_t order = 0;
  };
  std::vector<R> ranks;
  std::set<uint64_t> keep;
  std::map<std::string, int> seen;
  for (const Item& it : items) {
    if (it.findings.empty()) continue;
    R r;
    r.order = it.order;
    r.n = static_cast<int64_t>(it.findings.size());
    std::set<std::string> rules;
    for (const Finding& f : it.findings) {
      (f.severity == kE ? r.e : f.severity == kW ? r.w : r.i) += 1;
      rules.insert(f.rule);
    }
    for (const std::string& rule : rules) {
      if (seen[rule]++ < per_rule) keep.insert(it.order);
    }
    ranks.push_back(r);
  }
  auto better = [](const R& a, const R& b) {
    return std::tie(b.e, b.w, b.i, b.n, a.order) < std::tie(a.e, a.w, a.i, a.n, b.order);
  };
  std::sort(ranks.begin(), ranks.end(), better);
  for (size_t k = 0; k < ranks.size() && k < static_cast<size_t>(worst); ++k) keep.insert(ranks[k].order);
  std::vector<uint64_t> out;
  for (const R& r : ranks) {
    if (keep.contains(r.order)) out.push_back(r.order);
  }
  return out;
}

TEST(ReportSampleTest, MatchesAReferenceSelectionAndMergesLikeOneRun) {
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) {
    int n = 1 + static_cast<int>(rng() % 80);
    int worst = static_cast<int>(rng() % 8);
    int per_rule = static_cast<int>(rng() % 4);
    std::vector<Item> items = RandomRun(&rng, n);
    SampleLimits limits{worst, per_rule, 1000};

    ReportSample whole(limits);
    for (const Item& it : items) whole.Add(it.order, MakeArticle(static_cast<int>(it.order)), it.findings);
    ASSERT_EQ(Orders(whole), Reference(items, worst, per_rule))
        << "round " << round << " n=" << n << " worst=" << worst << " per_rule=" << per_rule;

    // Split in two shards; the second numbers its articles from 0 again and
    // is merged with its orders offset by the size of the first.
    size_t cut = rng() % (items.size() + 1);
    ReportSample a(limits), b(limits);
    for (size_t i = 0; i < cut; ++i) {
      a.Add(items[i].order, MakeArticle(static_cast<int>(i)), items[i].findings);
    }
    for (size_t i = cut; i < items.size(); ++i) {
      b.Add(i - cut, MakeArticle(static_cast<int>(i)), items[i].findings);
    }
    a.Merge(b, cut);
    ASSERT_EQ(Orders(a), Orders(whole)) << "round " << round << " cut=" << cut;
    for (size_t k = 0; k < a.Articles().size(); ++k) {
      EXPECT_EQ(a.Articles()[k]->id, whole.Articles()[k]->id);
    }
  }
}

TEST(ReportSampleTest, MergeOfThreeShardsInAnyGroupingIsTheWhole) {
  std::mt19937 rng(11);
  std::vector<Item> items = RandomRun(&rng, 90);
  SampleLimits limits{5, 2, 1000};
  ReportSample whole(limits), s1(limits), s2(limits), s3(limits);
  for (const Item& it : items) whole.Add(it.order, MakeArticle(static_cast<int>(it.order)), it.findings);
  for (size_t i = 0; i < 30; ++i) s1.Add(i, MakeArticle(static_cast<int>(i)), items[i].findings);
  for (size_t i = 30; i < 60; ++i) s2.Add(i - 30, MakeArticle(static_cast<int>(i)), items[i].findings);
  for (size_t i = 60; i < 90; ++i) s3.Add(i - 60, MakeArticle(static_cast<int>(i)), items[i].findings);
  ReportSample left = s1;  // (s1 + s2) + s3
  left.Merge(s2, 30);
  left.Merge(s3, 60);
  ReportSample right = s2;  // s1 + (s2 + s3)
  right.Merge(s3, 30);
  ReportSample right_all = s1;
  right_all.Merge(right, 30);
  EXPECT_EQ(Orders(left), Orders(whole));
  EXPECT_EQ(Orders(right_all), Orders(whole));
}

// --- JSON -------------------------------------------------------------------

std::string ToJson(const ReportSample& s) {
  std::string buf;
  JsonWriter w(&buf);
  s.WriteJson(w);
  EXPECT_TRUE(w.done());
  return buf;
}

TEST(ReportSampleTest, JsonRoundTrip) {
  ReportSample sample(SampleLimits{3, 1, 12});
  Article a = MakeArticle(1);
  a.title = "T\xC3\xA9l\xC3\xA9" "com \"quoted\" <b>";
  a.text = "Bad \xFF byte and a long tail";  // invalid UTF-8: base64 in JSON; cut at 12
  Finding f = Make("garbled/mojibake", kE, 4, 5);
  f.message = "message \xE2\x80\x9Cquoted\xE2\x80\x9D";
  f.excerpt = "Bad ? byte";
  f.evidence = {{"flag", true},
                {"count", int64_t{-3}},
                {"ratio", 0.25},
                {"whole", 2.0},
                {"word", std::string("caf\xC3\xA9")},
                {"list", std::vector<std::string>{"x", "y"}}};
  f.fix = Fix{{4, 5}, "'"};
  sample.Add(5, a, {f, Make("boilerplate/caption", kI, 0, 3)});
  Article b = MakeArticle(2);
  sample.Add(9, b, {Make("links/link-farm", kW, 0, 0)});

  std::string json = ToJson(sample);
  ReportSample back;
  std::string error;
  ASSERT_TRUE(ReportSample::ParseJson(json, &back, &error)) << error;
  EXPECT_EQ(back.limits().worst, 3);
  EXPECT_EQ(back.limits().per_rule, 1);
  EXPECT_EQ(back.limits().max_text_bytes, 12);
  EXPECT_EQ(ToJson(back), json);  // nothing lost, nothing reordered
  ASSERT_EQ(back.Articles().size(), 2u);
  const SampledArticle& x = *back.Articles()[0];
  EXPECT_EQ(x.order, 5u);
  EXPECT_EQ(x.text, "Bad \xFF byte a");  // raw bytes back from base64
  EXPECT_TRUE(x.text_cut);
  EXPECT_EQ(x.title, a.title);
  ASSERT_EQ(x.findings.size(), 2u);
  const Finding& g = x.findings[0];
  EXPECT_EQ(g.rule, "garbled/mojibake");
  EXPECT_EQ(g.severity, kE);
  EXPECT_EQ(g.message, f.message);
  EXPECT_EQ(g.span, (Span{4, 5}));
  ASSERT_EQ(g.evidence.size(), 6u);
  EXPECT_EQ(std::get<bool>(g.evidence[0].second), true);
  EXPECT_EQ(std::get<int64_t>(g.evidence[1].second), -3);
  EXPECT_EQ(std::get<double>(g.evidence[2].second), 0.25);
  EXPECT_EQ(std::get<double>(g.evidence[3].second), 2.0);  // "2.0" stays a double
  EXPECT_EQ(std::get<std::string>(g.evidence[4].second), "caf\xC3\xA9");
  EXPECT_EQ(std::get<std::vector<std::string>>(g.evidence[5].second),
            (std::vector<std::string>{"x", "y"}));
  ASSERT_TRUE(g.fix.has_value());
  EXPECT_EQ(g.fix->span, (Span{4, 5}));
  EXPECT_EQ(g.fix->text, "'");
  EXPECT_FALSE(x.findings[1].fix.has_value());
}

TEST(ReportSampleTest, ParsedSampleStillMergesAndSelects) {
  // A sample read back keeps its limits: merging two read-back shards equals
  // the sample of the whole.
  std::mt19937 rng(3);
  std::vector<Item> items = RandomRun(&rng, 40);
  SampleLimits limits{4, 1, 1000};
  ReportSample whole(limits), a(limits), b(limits);
  for (const Item& it : items) whole.Add(it.order, MakeArticle(static_cast<int>(it.order)), it.findings);
  for (size_t i = 0; i < 25; ++i) a.Add(i, MakeArticle(static_cast<int>(i)), items[i].findings);
  for (size_t i = 25; i < 40; ++i) b.Add(i - 25, MakeArticle(static_cast<int>(i)), items[i].findings);
  ReportSample ra, rb;
  std::string error;
  ASSERT_TRUE(ReportSample::ParseJson(ToJson(a), &ra, &error)) << error;
  ASSERT_TRUE(ReportSample::ParseJson(ToJson(b), &rb, &error)) << error;
  ra.Merge(rb, 25);
  EXPECT_EQ(Orders(ra), Orders(whole));
}

TEST(ReportSampleTest, ParseJsonRejectsMalformedInput) {
  ReportSample out;
  std::string error;
  EXPECT_FALSE(ReportSample::ParseJson("", &out, &error));
  EXPECT_FALSE(ReportSample::ParseJson("[1, 2]", &out, &error));
  EXPECT_FALSE(ReportSample::ParseJson(R"({"articles": []})", &out, &error));
  EXPECT_NE(error.find("limits"), std::string::npos) << error;
  const std::string limits = R"("limits": {"worst": 2, "per_rule": 1, "max_text_bytes": 100})";
  EXPECT_FALSE(ReportSample::ParseJson("{" + limits + R"(, "articles": [{"name": "x"}]})", &out, &error));
  EXPECT_NE(error.find("order"), std::string::npos) << error;
  EXPECT_FALSE(ReportSample::ParseJson(
      "{" + limits + R"(, "articles": [{"order": 1, "findings": [{"rule": "a/b", "severity": "fatal", "span": {"start": 0, "end": 1}}]}]})",
      &out, &error));
  EXPECT_NE(error.find("severity"), std::string::npos) << error;
  EXPECT_FALSE(ReportSample::ParseJson(
      "{" + limits + R"(, "articles": [{"order": 1, "text": {"bytes": "!!"}, "findings": []}]})", &out, &error));
  EXPECT_TRUE(ReportSample::ParseJson(
      "{" + limits + R"(, "articles": [{"order": 1, "findings": [{"rule": "a/b", "severity": "info", "span": {"start": 0, "end": 1}}]}]})",
      &out, &error))
      << error;
  EXPECT_EQ(out.Articles().size(), 1u);
}

}  // namespace
}  // namespace newslint
