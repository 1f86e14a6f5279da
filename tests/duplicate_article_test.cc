// Unit tests of dataset/duplicate-article and its signatures
// (rules/dataset_text.h), and the measurement of what it pairs: near copies
// of the clean fixtures made with seeded random word edits (recall per edit
// rate and per true Jaccard bucket) and every pair of distinct clean articles
// (precision). The figures are printed; the assertions are floors a little
// below them.
//
//   build-dataset/newslint_tests --gtest_filter='DuplicateArticle*'

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/rule.h"
#include "rules/dataset_text.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

using dataset::Word;

std::vector<Word> WordsOf(std::string_view text) {
  std::vector<Word> w;
  dataset::AppendWordKeys(text, 0, text.size(), &w);
  return w;
}

std::vector<std::string> WordTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Word& w : WordsOf(text)) out.emplace_back(text.substr(w.span.start, w.span.size()));
  return out;
}

TEST(DatasetTextTest, WordsFoldCaseQuotesAndPunctuation) {
  const auto a = WordsOf("Don't STOP: the Café's \u201cÉtude\u201d, 3.5 times!");
  const auto b = WordsOf("don\u2019t stop the caf\u00e9s \u00e9tude 3 5 TIMES");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].hash, b[i].hash) << i;
  EXPECT_EQ(WordTexts("Don't STOP: the Café's"),
            (std::vector<std::string>{"Don't", "STOP", "the", "Café's"}));
  // A trailing apostrophe is not part of the word; a leading one neither.
  EXPECT_EQ(WordTexts("the players' 'best' game"),
            (std::vector<std::string>{"the", "players", "best", "game"}));
  EXPECT_NE(WordsOf("Stadt")[0].hash, WordsOf("Staat")[0].hash);
}

TEST(DatasetTextTest, SimpleLowerCoversEuropeanScripts) {
  EXPECT_EQ(dataset::SimpleLower(U'Ä'), U'ä');
  EXPECT_EQ(dataset::SimpleLower(U'Ł'), U'ł');
  EXPECT_EQ(dataset::SimpleLower(U'Ž'), U'ž');
  EXPECT_EQ(dataset::SimpleLower(U'Ω'), U'ω');
  EXPECT_EQ(dataset::SimpleLower(U'Ж'), U'ж');
  EXPECT_EQ(dataset::SimpleLower(U'Ё'), U'ё');
  EXPECT_EQ(dataset::SimpleLower(U'×'), U'×');
  EXPECT_EQ(dataset::SimpleLower(U'ß'), U'ß');
}

TEST(DatasetTextTest, SCurveMeetsTheTarget) {
  EXPECT_GE(dataset::CandidateProbability(0.45), 0.99);
  EXPECT_LT(dataset::CandidateProbability(0.05), 0.08);
  EXPECT_NEAR(dataset::CandidateProbability(1.0), 1.0, 1e-12);
}

TEST(DatasetTextTest, IdenticalSignaturesEstimateOne) {
  const auto w = WordsOf("one two three four five six seven eight nine ten eleven twelve");
  dataset::Signature a, b;
  dataset::MakeSignature(w.data(), w.size(), &a);
  dataset::MakeSignature(w.data(), w.size(), &b);
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_DOUBLE_EQ(dataset::EstimateJaccard(a.nibbles.data(), b.nibbles.data()), 1.0);
  EXPECT_EQ(a.bands, b.bands);
  const auto v = WordsOf("one two three four five six seven eight nine ten eleven thirteen");
  dataset::MakeSignature(v.data(), v.size(), &b);
  EXPECT_NE(a.exact, b.exact);
}

// ---------------------------------------------------------------------------
// Running the rule as the dataset pass does
// ---------------------------------------------------------------------------

Article MakeArticle(std::string text, int64_t record, std::string id = "",
                    std::string source = "in.jsonl") {
  Article a;
  a.text = std::move(text);
  a.record = record;
  a.source = std::move(source);
  a.id = id.empty() ? a.source + ":" + std::to_string(record) : std::move(id);
  return a;
}

// The rule's findings for each article, once its first pass is finished.
std::vector<std::vector<Finding>> CheckAll(const DatasetRule& rule, const std::vector<Article>& articles,
                                           const RuleOptions& opts) {
  std::vector<std::vector<Finding>> out(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    Analysis analysis(articles[i]);
    FindingSink sink(rule.info().id, rule.info().default_severity, &out[i]);
    rule.Check(articles[i], analysis, opts, sink);
  }
  return out;
}

// Findings per article, after a first pass over all of them (observed on
// two "threads", absorbed in input order).
std::vector<std::vector<Finding>> RunDataset(const std::vector<Article>& articles,
                                             std::map<std::string, OptionValue> options = {}) {
  static const std::unique_ptr<Rule> kRule = MakeDuplicateArticleRule();
  auto& rule = dynamic_cast<DatasetRule&>(*kRule);
  const RuleOptions opts(std::move(options));
  rule.Begin(opts);
  auto o1 = rule.MakeObserver(), o2 = rule.MakeObserver();
  const size_t half = articles.size() / 2;
  for (size_t i = 0; i < articles.size(); ++i) {
    Analysis analysis(articles[i]);
    rule.NoteAndObserve(i < half ? *o1 : *o2, articles[i], analysis);
  }
  rule.Absorb(*o1);
  rule.Absorb(*o2);
  rule.Finish();
  return CheckAll(rule, articles, opts);
}

std::string Str(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}
double Num(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<double>(*v) ? std::get<double>(*v) : -1;
}

std::string CleanFixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures/clean" / name);
  std::string line, text;
  while (std::getline(in, line)) {
    if (line.rfind("#!", 0) == 0) continue;
    text += line + "\n";
  }
  return text;
}

std::vector<std::string> CleanTexts() {
  std::vector<std::filesystem::path> paths;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures/clean")) {
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(CleanFixture(p.filename().string()));
  return texts;
}

TEST(DuplicateArticleTest, ExactCopiesPointAtTheFirstRecord) {
  const std::string story = CleanFixture("courts.txt");
  // The same story with other capitals, quotes and line breaks is still an
  // exact copy of the words; the site's menu above it does not count.
  std::string restyled = "Home\nNews\nSport\n" + story;
  std::vector<Article> in = {MakeArticle(story, 1, "a-1"), MakeArticle(CleanFixture("science.txt"), 2),
                             MakeArticle(restyled, 3, "a-3"), MakeArticle(story, 4)};
  auto found = RunDataset(in);
  EXPECT_TRUE(found[0].empty());
  EXPECT_TRUE(found[1].empty());
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(Str(found[2][0], "kind"), "exact");
  EXPECT_EQ(Str(found[2][0], "other"), "in.jsonl#1");
  EXPECT_EQ(Str(found[2][0], "other_id"), "a-1");
  EXPECT_EQ(Str(found[2][0], "signal"), "exact-text-hash");
  EXPECT_DOUBLE_EQ(Num(found[2][0], "jaccard"), 1.0);
  // The finding spans the story, not the menu above it.
  const size_t menu = std::string("Home\nNews\nSport\n").size();
  ASSERT_GT(found[2][0].span.start, menu);
  EXPECT_EQ(restyled.substr(found[2][0].span.start), story.substr(found[2][0].span.start - menu));
  ASSERT_EQ(found[3].size(), 1u);
  EXPECT_EQ(Str(found[3][0], "other"), "in.jsonl#1");  // the earliest, not record 3
}

// Replaces about `rate` of the words: substitutions, insertions and
// deletions in equal parts, scattered, seeded.
std::string Edit(const std::string& text, double rate, uint32_t seed,
                 const std::vector<std::string>& vocabulary) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string word, edited;
    auto add = [&](const std::string& w) { edited += (edited.empty() ? "" : " ") + w; };
    while (words >> word) {
      if (coin(rng) >= rate) {
        add(word);
        continue;
      }
      const double kind = coin(rng);
      if (kind < 1.0 / 3) {
        add(vocabulary[pick(rng)]);  // substitution
      } else if (kind < 2.0 / 3) {
        add(word);  // insertion
        add(vocabulary[pick(rng)]);
      }  // else deletion
    }
    // Keep the line's end punctuation so the page layout still sees prose.
    if (!line.empty() && std::string(".!?\"").find(line.back()) != std::string::npos &&
        (edited.empty() || edited.back() != line.back())) {
      edited += line.back();
    }
    out += edited + "\n";
  }
  return out;
}

std::vector<Word> StoryOf(const std::string& text) {
  Article a = MakeArticle(text, 1);
  Analysis an(a);
  std::vector<Word> w;
  dataset::StoryWords(an, &w);
  return w;
}

double TrueJaccard(const std::string& a, const std::string& b) {
  return dataset::ShingleJaccard(StoryOf(a), StoryOf(b));
}

// The signatures' estimate of the Jaccard similarity of two texts' stories.
double EstimatedJaccard(const std::string& a, const std::string& b) {
  const std::vector<Word> wa = StoryOf(a), wb = StoryOf(b);
  dataset::Signature sa, sb;
  dataset::MakeSignature(wa.data(), wa.size(), &sa);
  dataset::MakeSignature(wb.data(), wb.size(), &sb);
  return dataset::EstimateJaccard(sa.nibbles.data(), sb.nibbles.data());
}

TEST(DuplicateArticleTest, NearCopyEvidence) {
  const std::string story = CleanFixture("international.txt");
  const auto vocabulary = WordTexts(CleanFixture("markets.txt"));
  const std::string copy = Edit(story, 0.05, 7, vocabulary);
  auto found = RunDataset({MakeArticle(story, 1, "orig"), MakeArticle(copy, 2, "copy")});
  EXPECT_TRUE(found[0].empty());
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(Str(found[1][0], "kind"), "near");
  EXPECT_EQ(Str(found[1][0], "signal"), "minhash-lsh");
  EXPECT_EQ(Str(found[1][0], "other_id"), "orig");
  const double truth = TrueJaccard(story, copy);
  EXPECT_NEAR(Num(found[1][0], "jaccard"), truth, 0.2) << truth;
  EXPECT_DOUBLE_EQ(Num(found[1][0], "threshold"), 0.3);
  // A stricter threshold than the pair's similarity leaves it alone.
  found = RunDataset({MakeArticle(story, 1), MakeArticle(copy, 2)}, {{"threshold", 0.99}});
  EXPECT_TRUE(found[1].empty());
}

TEST(DuplicateArticleTest, ShortStoriesAreNeverPaired) {
  const std::string brief = "The council approved the budget on Tuesday by seven votes to two.\n";
  auto found = RunDataset({MakeArticle(brief, 1), MakeArticle(brief, 2)});
  EXPECT_TRUE(found[1].empty());
  found = RunDataset({MakeArticle(brief, 1), MakeArticle(brief, 2)}, {{"min-words", int64_t{5}}});
  EXPECT_EQ(found[1].size(), 1u);
}

TEST(DuplicateArticleTest, ArticlesPastTheCapAreComparedNotIndexed) {
  const std::string a = CleanFixture("courts.txt"), b = CleanFixture("science.txt"),
                    c = CleanFixture("sports.txt");
  std::vector<Article> in = {MakeArticle(a, 1), MakeArticle(b, 2), MakeArticle(c, 3),
                             MakeArticle(a, 4), MakeArticle(c, 5)};
  auto found = RunDataset(in, {{"max-articles", int64_t{2}}});
  EXPECT_TRUE(found[2].empty());
  ASSERT_EQ(found[3].size(), 1u);  // a copy of an indexed article
  EXPECT_EQ(Str(found[3][0], "other"), "in.jsonl#1");
  EXPECT_TRUE(found[4].empty());  // its original (record 3) was not indexed
}

// The first pass reuses each observer from batch to batch (its entries
// keep their strings' storage): what one batch absorbed must not come back
// with the next, and a shorter id must replace a longer one whole.
TEST(DuplicateArticleTest, AnObserverReusedAcrossBatchesAbsorbsEachArticleOnce) {
  auto rule_ptr = MakeDuplicateArticleRule();
  auto& rule = dynamic_cast<DatasetRule&>(*rule_ptr);
  // Two indexed articles at most: one article absorbed twice would take
  // the second's place in the index.
  const RuleOptions opts({{"max-articles", int64_t{2}}});
  rule.Begin(opts);
  const std::string a = CleanFixture("courts.txt"), b = CleanFixture("science.txt");
  const std::vector<Article> in = {MakeArticle(a, 1, "the-first-record-with-a-long-id"),
                                   MakeArticle(b, 2, "b2"), MakeArticle(a, 3), MakeArticle(b, 4)};
  auto observer = rule.MakeObserver();
  for (const std::vector<size_t>& batch : {std::vector<size_t>{0}, {1}, {2, 3}}) {
    for (size_t i : batch) {
      Analysis analysis(in[i]);
      rule.NoteAndObserve(*observer, in[i], analysis);
    }
    rule.Absorb(*observer);
  }
  rule.Finish();
  const std::vector<std::vector<Finding>> found = CheckAll(rule, in, opts);
  EXPECT_TRUE(found[0].empty());
  EXPECT_TRUE(found[1].empty());
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(Str(found[2][0], "other"), "in.jsonl#1");
  EXPECT_EQ(Str(found[2][0], "other_id"), "the-first-record-with-a-long-id");
  ASSERT_EQ(found[3].size(), 1u);
  EXPECT_EQ(Str(found[3][0], "other"), "in.jsonl#2");
  EXPECT_EQ(Str(found[3][0], "other_id"), "b2");
}

TEST(DuplicateArticleTest, SilentWithoutAFirstPass) {
  auto rule = MakeDuplicateArticleRule();
  EXPECT_TRUE(RunRule(*rule, CleanFixture("courts.txt")).empty());
}

TEST(DuplicateArticleTest, LongIdsAreCutAndDefaultIdsNotStored) {
  const std::string story = CleanFixture("courts.txt");
  const std::string long_id(100, 'x');
  auto found = RunDataset({MakeArticle(story, 1, long_id), MakeArticle(story, 2),
                           MakeArticle(CleanFixture("science.txt"), 3),
                           MakeArticle(CleanFixture("science.txt"), 4)});
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(Str(found[1][0], "other_id"), std::string(64, 'x') + "\u2026");
  ASSERT_EQ(found[3].size(), 1u);
  EXPECT_EQ(Str(found[3][0], "other_id"), "in.jsonl:3");
}

// ---------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------

TEST(DuplicateArticleMeasure, RecallOfEditedCopiesAndPrecisionOnDistinctArticles) {
  std::vector<std::string> texts = CleanTexts();
  ASSERT_GE(texts.size(), 30u);
  // Longer articles: three clean articles end to end.
  const size_t singles = texts.size();
  for (size_t i = 0; i + 2 < singles; i += 3) texts.push_back(texts[i] + texts[i + 1] + texts[i + 2]);
  std::vector<std::string> vocabulary;
  for (const std::string& t : texts) {
    for (std::string& w : WordTexts(t)) vocabulary.push_back(std::move(w));
  }

  const double rates[] = {0.02, 0.05, 0.10, 0.15};
  const double bucket_edges[] = {0.0, 0.3, 0.4, 0.45, 0.5, 0.6, 0.8, 1.01};
  constexpr int kBuckets = 7;
  constexpr int kSeeds = 12;
  int found_by_rate[4] = {}, total_by_rate[4] = {};
  int found_by_bucket[kBuckets] = {}, total_by_bucket[kBuckets] = {};
  double j_sum[4] = {};
  // The estimate's error against the true Jaccard, for stories of fewer
  // than 300 words and of more.
  double error_sum[2] = {}, error_squares[2] = {};
  int errors[2] = {};
  for (int r = 0; r < 4; ++r) {
    for (size_t t = 0; t < texts.size(); ++t) {
      for (int seed = 0; seed < kSeeds; ++seed) {
        const std::string copy =
            Edit(texts[t], rates[r], static_cast<uint32_t>(1000 * r + 37 * t + seed), vocabulary);
        const double j = TrueJaccard(texts[t], copy);
        auto found = RunDataset({MakeArticle(texts[t], 1), MakeArticle(copy, 2)});
        const bool paired = found[1].size() == 1;
        const double error = EstimatedJaccard(texts[t], copy) - j;
        const int size_class = StoryOf(texts[t]).size() < 300 ? 0 : 1;
        error_sum[size_class] += error;
        error_squares[size_class] += error * error;
        ++errors[size_class];
        ++total_by_rate[r];
        found_by_rate[r] += paired;
        j_sum[r] += j;
        int b = 0;
        while (b + 1 < kBuckets && j >= bucket_edges[b + 1]) ++b;
        ++total_by_bucket[b];
        found_by_bucket[b] += paired;
      }
    }
  }
  std::printf("dataset/duplicate-article recall, %zu articles x %d seeds per rate:\n",
              texts.size(), kSeeds);
  for (int r = 0; r < 4; ++r) {
    std::printf("  edits %4.0f%%: mean true Jaccard %.3f, paired %d / %d = %.4f\n", rates[r] * 100,
                j_sum[r] / total_by_rate[r], found_by_rate[r], total_by_rate[r],
                static_cast<double>(found_by_rate[r]) / total_by_rate[r]);
  }
  for (int b = 0; b < kBuckets; ++b) {
    if (total_by_bucket[b] == 0) continue;
    std::printf("  true Jaccard [%.2f, %.2f): paired %d / %d = %.4f\n", bucket_edges[b],
                std::min(1.0, bucket_edges[b + 1]), found_by_bucket[b], total_by_bucket[b],
                static_cast<double>(found_by_bucket[b]) / total_by_bucket[b]);
  }
  for (int c = 0; c < 2; ++c) {
    if (errors[c] == 0) continue;
    const double mean = error_sum[c] / errors[c];
    std::printf("  estimate - true Jaccard, stories of %s 300 words (%d pairs): mean %+.4f, "
                "root mean square %.4f\n",
                c == 0 ? "under" : "at least", errors[c], mean,
                std::sqrt(error_squares[c] / errors[c]));
  }
  auto recall = [](int f, int t) { return t == 0 ? 1.0 : static_cast<double>(f) / t; };
  // Measured: 1.000, 1.000, 0.972, 0.574 (the 15% copies are mostly below
  // J = 0.3: not near copies by the rule's definition).
  EXPECT_GE(recall(found_by_rate[0], total_by_rate[0]), 0.995);
  EXPECT_GE(recall(found_by_rate[1], total_by_rate[1]), 0.995);
  EXPECT_GE(recall(found_by_rate[2], total_by_rate[2]), 0.965);
  EXPECT_GE(recall(found_by_rate[3], total_by_rate[3]), 0.5);
  // J >= 0.45: the target.
  int f45 = 0, t45 = 0;
  for (int b = 3; b < kBuckets; ++b) {
    f45 += found_by_bucket[b];
    t45 += total_by_bucket[b];
  }
  std::printf("  true Jaccard >= 0.45: paired %d / %d = %.4f\n", f45, t45, recall(f45, t45));
  EXPECT_GE(recall(f45, t45), 0.995);  // measured 1.000

  // Precision: every distinct article with every other, in one input: the
  // clean articles, then the three-article concatenations (each holds three
  // of the clean articles whole, so they run apart from them).
  auto count_flagged = [](const std::vector<std::string>& set) {
    std::vector<Article> all;
    for (size_t t = 0; t < set.size(); ++t) all.push_back(MakeArticle(set[t], static_cast<int64_t>(t + 1)));
    int flagged = 0;
    for (const auto& f : RunDataset(all)) flagged += !f.empty();
    return flagged;
  };
  const int flagged =
      count_flagged({texts.begin(), texts.begin() + static_cast<std::ptrdiff_t>(singles)}) +
      count_flagged({texts.begin() + static_cast<std::ptrdiff_t>(singles), texts.end()});
  double max_j = 0, max_est = 0;
  for (size_t x = 0; x < singles; ++x) {
    for (size_t y = x + 1; y < singles; ++y) {
      max_j = std::max(max_j, TrueJaccard(texts[x], texts[y]));
    }
  }
  // The highest estimate any distinct pair gets, to show the margin.
  std::vector<dataset::Signature> sigs(singles);
  for (size_t t = 0; t < singles; ++t) {
    const std::vector<Word> w = StoryOf(texts[t]);
    dataset::MakeSignature(w.data(), w.size(), &sigs[t]);
  }
  for (size_t x = 0; x < singles; ++x) {
    for (size_t y = x + 1; y < singles; ++y) {
      max_est = std::max(max_est, dataset::EstimateJaccard(sigs[x].nibbles.data(), sigs[y].nibbles.data()));
    }
  }
  const size_t concatenated = texts.size() - singles;
  const size_t pairs = singles * (singles - 1) / 2 + concatenated * (concatenated - 1) / 2;
  std::printf("dataset/duplicate-article precision: %zu distinct articles (%zu pairs), %d flagged; "
              "highest true Jaccard of two clean articles %.3f, highest estimate %.3f\n",
              texts.size(), pairs, flagged, max_j, max_est);
  EXPECT_EQ(flagged, 0);
  EXPECT_LT(max_est, 0.15);  // measured 0.075
}

}  // namespace
}  // namespace newslint
