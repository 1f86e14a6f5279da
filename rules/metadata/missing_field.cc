// metadata/missing-field: a record lacks its title, URL or published date
// while the rest of its dataset has them: a page the scraper failed to parse,
// not a site that never gives the field. A dataset rule: the first pass counts,
// per site (per input file for records without a URL), how many records carry
// each field.

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "metadata/missing-field",
    Severity::kWarning,
    "The record lacks its title, URL or published date while the rest of its dataset has "
    "them.",
    {
        {"min-share", "double", "0.9",
         "A field counts as one the dataset has when at least this share of the records of "
         "the same site carry it."},
        {"min-records", "int", "10",
         "Sites with fewer records are judged against the whole input instead; an input with "
         "fewer records gets no verdict."},
    }};

enum Field { kTitle, kUrl, kPublished, kFieldCount };
constexpr const char* kFieldNames[kFieldCount] = {"title", "url", "published"};

struct Counts {
  int64_t records = 0;
  std::array<int64_t, kFieldCount> present{};
  void Add(const Counts& o) {
    records += o.records;
    for (int f = 0; f < kFieldCount; ++f) present[f] += o.present[f];
  }
};

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::array<bool, kFieldCount> Present(const Article& a) {
  return {!Blank(a.title), !Blank(a.url), !Blank(a.published)};
}

// The group a record is judged in: its site, or its file when it has no URL.
std::string GroupOf(const Article& a) { return a.site.empty() ? "file:" + a.source : a.site; }

class MissingFieldObserver : public DatasetObserver {
 public:
  void Observe(const Article& article, Analysis&, std::string_view) override {
    // A record the reader could not parse says nothing about the dataset.
    if (article.text.empty() && !article.input_findings.empty()) return;
    Counts& c = groups_[GroupOf(article)];
    ++c.records;
    const auto present = Present(article);
    for (int f = 0; f < kFieldCount; ++f) c.present[f] += present[f] ? 1 : 0;
  }
  std::map<std::string, Counts> groups_;
};

class MissingFieldRule : public DatasetRule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Begin(const RuleOptions&) override {
    groups_.clear();
    total_ = Counts{};
    ready_ = false;
  }

  std::unique_ptr<DatasetObserver> MakeObserver() const override {
    return std::make_unique<MissingFieldObserver>();
  }

  void Absorb(DatasetObserver& observer) override {
    auto& o = dynamic_cast<MissingFieldObserver&>(observer);
    for (const auto& [group, counts] : o.groups_) {
      groups_[group].Add(counts);
      total_.Add(counts);
    }
    o.groups_.clear();
  }

  void Finish() override { ready_ = true; }
  bool Finished() const override { return ready_; }

  // Judged on the record's fields alone: no memo.
  void Note(const Article&, Analysis&, std::string*) const override {}

  void CheckNoted(const Article& article, std::string_view, const RuleOptions& options,
                  FindingSink& sink) const override {
    if (!ready_) return;  // no first pass (stdin): silent
    if (article.text.empty() && !article.input_findings.empty()) return;
    const double min_share = options.GetDouble("min-share", 0.9);
    const int64_t min_records = options.GetInt("min-records", 10);
    const std::string group = GroupOf(article);
    const Counts* basis = nullptr;
    std::string basis_name;
    if (auto it = groups_.find(group); it != groups_.end() && it->second.records >= min_records) {
      basis = &it->second;
      basis_name = article.site.empty() ? article.source : article.site;
    } else if (total_.records >= min_records) {
      basis = &total_;
      basis_name = "the whole input";
    }
    if (basis == nullptr) return;
    const auto present = Present(article);
    std::vector<std::string> missing;
    std::string shares;
    Evidence evidence;
    for (int f = 0; f < kFieldCount; ++f) {
      if (present[f]) continue;
      const double share =
          static_cast<double>(basis->present[f]) / static_cast<double>(basis->records);
      if (share + 1e-9 < min_share) continue;
      missing.emplace_back(kFieldNames[f]);
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s%s in %lld of %lld", shares.empty() ? "" : ", ",
                    kFieldNames[f], static_cast<long long>(basis->present[f]),
                    static_cast<long long>(basis->records));
      shares += buf;
      evidence.emplace_back(std::string(kFieldNames[f]) + "_share", share);
    }
    if (missing.empty()) return;
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    evidence.insert(evidence.begin(), {"missing", missing});
    evidence.emplace_back("records", basis->records);
    evidence.emplace_back("judged_against", basis_name);
    evidence.emplace_back("min_share", min_share);
    sink.Report({0, 0},
                "record has no " + list + ", which " + basis_name + " has (" + shares + ")",
                std::move(evidence));
  }

 private:
  bool ready_ = false;
  std::map<std::string, Counts> groups_;
  Counts total_;
};

}  // namespace

std::unique_ptr<Rule> MakeMissingFieldRule() { return std::make_unique<MissingFieldRule>(); }

}  // namespace newslint
