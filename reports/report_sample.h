// newslint: the bounded sample of articles a report page embeds.
//
// On a million-article run the HTML report cannot carry every article, but
// every count and chart must stay exact. Counts come from the Summary
// (reports/summary.h); the articles shown come from a ReportSample: the
// `worst` articles by severity (most errors first, then warnings, then info,
// then most findings; ties by input order), plus up to `per_rule` articles
// for each rule (the first seen in input order), so a rare rule is never
// crowded out by a frequent one. An article kept for both reasons is kept
// once. Memory is bounded by the limits, not by the input.
//
// A sample is mergeable: the sample of two disjoint shards merged is the
// sample a single run over both would keep (selection depends only on each
// article's findings and its input position, never on arrival order), which
// is what `newslint merge` relies on. Input position is (shard order, source
// order, record), carried in SampledArticle::order.
//
// The JSON report carries the sample under "sample" (reports/json.cc), so
// `newslint merge part-*.json --report all.html` can draw the page without
// the inputs.

#ifndef NEWSLINT_REPORTS_REPORT_SAMPLE_H_
#define NEWSLINT_REPORTS_REPORT_SAMPLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/json_writer.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace newslint {

// Pieces of the JSON wire format (reports/json.cc) read back, shared by the
// sample and `newslint merge`. False with *error on malformed input.
//   a finding object, as WriteFinding writes it
bool ParseFindingJson(const simdjson::dom::element& e, Finding* out, std::string* error);
//   the standard base64 of JsonWriter::Text's {"bytes": ...} form
bool DecodeBase64(std::string_view in, std::string* out);

struct SampleLimits {
  int worst = 200;     // articles with the most severe findings
  int per_rule = 20;   // first articles of each rule
  // An embedded article's text is cut to this many bytes (at a UTF-8
  // boundary, findings past the cut still listed but not highlighted).
  int64_t max_text_bytes = 50'000;
};

struct SampledArticle {
  uint64_t order = 0;       // input position: smaller = earlier in the run
  std::string name;         // ArticleName()
  std::string id, source, url, site, title;
  int64_t record = 0;
  std::string text;         // maybe cut to SampleLimits::max_text_bytes
  bool text_cut = false;
  std::vector<Finding> findings;  // line/column/excerpt set
};

class ReportSample {
 public:
  explicit ReportSample(SampleLimits limits = {});

  // Offers one article (with its findings, sorted as reporters get them).
  // `order` must grow with input order within one run.
  void Add(uint64_t order, const Article& article, const std::vector<Finding>& findings);
  // Adds the sample of a disjoint shard whose orders all come after this
  // sample's (the caller offsets them; see `newslint merge`).
  void Merge(const ReportSample& other, uint64_t order_offset);

  // The kept articles, most severe first (the order the page lists them).
  std::vector<const SampledArticle*> Articles() const;
  const SampleLimits& limits() const { return limits_; }

  // {"limits": {...}, "articles": [{"order", "name", "id", "source",
  // "record", "url", "site", "title", "text", "text_cut", "findings"}]}
  void WriteJson(JsonWriter& w) const;
  // Reads what WriteJson wrote. False with *error on malformed input.
  static bool ParseJson(std::string_view json, ReportSample* out, std::string* error);

 private:
  // How an article ranks for the `worst` list (better = listed first).
  struct Rank {
    int64_t errors = 0, warnings = 0, infos = 0, findings = 0;
    uint64_t order = 0;
  };
  struct RankBetter {
    bool operator()(const Rank& a, const Rank& b) const;
  };
  static Rank RankOf(uint64_t order, const std::vector<Finding>& findings);
  // Selects again from kept_ as from scratch and rebuilds the state below
  // (after Merge and ParseJson).
  void Rebuild();

  SampleLimits limits_;
  std::vector<SampledArticle> kept_;  // sorted by order
  // Streaming state, derived from kept_: the ranks of the kept articles that
  // are among the `worst`; per rule, how many of its first `per_rule`
  // articles have been seen (capped there: the map has one entry per rule);
  // the orders of the articles kept as one of a rule's first.
  std::set<Rank, RankBetter> worst_;
  std::map<std::string, int64_t, std::less<>> rule_seen_;
  std::set<uint64_t> rule_kept_;
};

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_REPORT_SAMPLE_H_
