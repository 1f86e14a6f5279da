// dataset/duplicate-article: a story that appears earlier in the input, word
// for word (a hash of the normalised words) or with small edits (MinHash of
// word 5-grams, LSH bands, verified by the estimated Jaccard similarity).
// A dataset rule: the first pass signs every article, Finish() pairs them.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/bytes.h"
#include "rules/dataset_text.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

using dataset::kBandKeyBytes;
using dataset::kBands;
using dataset::kNibbleBytes;

const RuleInfo kInfo = {
    "dataset/duplicate-article",
    Severity::kWarning,
    "A story that appears earlier in the input, word for word or with small edits.",
    {
        {"threshold", "float", "0.3",
         "Two stories are near copies when the estimated Jaccard similarity of their word "
         "5-gram sets is at least this (0 to 1)."},
        {"min-words", "int", "30", "Stories with fewer words are neither indexed nor flagged."},
        {"max-articles", "int", "2000000",
         "Most articles the index holds (185 bytes each plus the record's id, at most 2000000 x "
         "250 bytes = 477 MiB at the default); later articles are still compared with the "
         "indexed ones but not indexed, and the run says so once."},
    }};

struct Settings {
  double threshold = 0.3;
  int64_t min_words = 30;
  int64_t max_articles = 2000000;

  static Settings From(const RuleOptions& o) {
    Settings s;
    s.threshold = std::clamp(o.GetDouble("threshold", s.threshold), 0.0, 1.0);
    s.min_words = std::max<int64_t>(1, o.GetInt("min-words", s.min_words));
    // Offsets into the id arena are 32-bit: 4 GiB / 65 bytes per id.
    s.max_articles = std::clamp<int64_t>(o.GetInt("max-articles", s.max_articles), 1, 60000000);
    return s;
  }
};

// Ids longer than this are kept cut (the locator source#record stays exact).
constexpr size_t kMaxIdBytes = 64;
constexpr uint32_t kDefaultId = UINT32_MAX;  // the id is "<source>:<record>"
constexpr uint32_t kNoPartner = UINT32_MAX;
constexpr uint8_t kExact = 255;  // estimate_ byte of an exact copy
// Earlier members of one LSH bucket a story is verified against, per band:
// a bucket of unrelated stories sharing a common phrase cannot make the pass
// quadratic; a real copy meets its original in several bands.
constexpr int kMaxTries = 64;

using dataset::StoryView;  // the story's words, once per article (first pass and Check alike)

struct Observed {
  dataset::Signature signature;
  std::string source;
  int64_t record = 0;
  std::string id;
};

class DuplicateArticleObserver : public DatasetObserver {
 public:
  explicit DuplicateArticleObserver(const Settings& s) : settings_(s) {}

  void Observe(const Article& article, Analysis& analysis, std::string_view) override {
    const StoryView& story = analysis.Shared<StoryView>();
    if (static_cast<int64_t>(story.words.size()) < settings_.min_words) return;
    // The entries are reused batch after batch, their strings keeping their
    // storage: Absorb runs on the main thread, and freeing a worker's
    // strings there takes the lock of the worker's malloc arena while the
    // worker allocates from it (see `reported` in lint/pipeline.cc).
    if (used_ == observed_.size()) observed_.emplace_back();
    Observed& o = observed_[used_++];
    dataset::MakeSignature(story.words.data(), story.words.size(), &o.signature);
    o.source.assign(article.source);
    o.record = article.record;
    o.id.assign(article.id);
  }

  std::vector<Observed> observed_;  // in input order; the first used_ hold this batch's
  size_t used_ = 0;

 private:
  Settings settings_;
};

class DuplicateArticleRule : public DatasetRule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Begin(const RuleOptions& options) override {
    settings_ = Settings::From(options);
    cap_ = static_cast<size_t>(settings_.max_articles);
    ready_ = false;
    noted_cap_ = false;
    exact_.clear();
    words_.clear();
    bands_.clear();
    nibbles_.clear();
    record_.clear();
    id_ref_.clear();
    ids_.clear();
    partner_.clear();
    estimate_.clear();
    ranges_.clear();
    sources_.clear();
    source_ids_.clear();
    overflow_.clear();
    indexed_ids_bytes_ = 0;
  }

  std::unique_ptr<DatasetObserver> MakeObserver() const override {
    return std::make_unique<DuplicateArticleObserver>(settings_);
  }

  void Absorb(DatasetObserver& observer) override {
    auto& o = dynamic_cast<DuplicateArticleObserver&>(observer);
    for (size_t k = 0; k < o.used_; ++k) Append(o.observed_[k]);
    o.used_ = 0;
  }

  void Finish() override {
    const size_t n = exact_.size();
    Pair(0, std::min(n, cap_));
    if (n > cap_) Sweep();
    // Check() needs only the pairs and the locators.
    FreeVector(&exact_);
    FreeVector(&words_);
    FreeVector(&bands_);
    FreeVector(&nibbles_);
    ready_ = true;
  }

  bool Finished() const override { return ready_; }

  // The memo: the story's span (PageLayout's body, trailing blank lines
  // left out), or nothing when the layout found no body.
  void Note(const Article&, Analysis& analysis, std::string* memo) const override {
    const PageLayout& layout = analysis.Shared<PageLayout>();
    if (layout.body_end() <= layout.body_begin()) return;
    size_t last = layout.body_end() - 1;
    while (last > layout.body_begin() && layout.line(last).blank) --last;
    const size_t start = layout.line(layout.body_begin()).span.start;
    AppendVarint(memo, start);
    AppendVarint(memo, layout.line(last).span.end - start);
  }

  void CheckNoted(const Article& article, std::string_view memo, const RuleOptions&,
                  FindingSink& sink) const override {
    if (!ready_) return;  // no first pass (stdin, a single article): silent
    uint32_t partner = kNoPartner;
    uint8_t estimate = 0;
    if (!Lookup(article, &partner, &estimate)) return;
    ByteReader in(memo);
    uint64_t start = 0, size = 0;
    if (!in.Varint(&start) || !in.Varint(&size)) return;  // no body
    const Span story{start, start + size};

    const std::string other = Locator(partner);
    const std::string other_id = IdOf(partner);
    const bool exact = estimate == kExact;
    const double jaccard = exact ? 1.0 : std::round(estimate / 250.0 * 1000) / 1000;
    char value[16];
    std::snprintf(value, sizeof value, "%.2f", jaccard);
    std::string message =
        exact ? "the story is a copy of record " + other_id + " (" + other +
                    "): the same words in the same order"
              : "the story is a near copy of record " + other_id + " (" + other +
                    "): estimated word 5-gram Jaccard similarity " + value;
    Evidence evidence{{"kind", std::string(exact ? "exact" : "near")},
                      {"other", other},
                      {"other_id", other_id},
                      {"jaccard", jaccard}};
    if (exact) {
      evidence.emplace_back("signal", std::string("exact-text-hash"));
    } else {
      evidence.emplace_back("signal", std::string("minhash-lsh"));
      evidence.emplace_back("threshold", settings_.threshold);
    }
    sink.Report(story, std::move(message), std::move(evidence));
  }

 private:
  struct Range {
    size_t begin = 0, end = 0;  // article indexes
    uint32_t source = 0;
  };
  // A flagged article past the cap: no index entry, only its pair.
  struct Overflow {
    uint32_t source;
    uint32_t record;
    uint32_t partner;
    uint8_t estimate;
    bool operator<(const Overflow& o) const {
      return source != o.source ? source < o.source : record < o.record;
    }
  };

  template <typename T>
  static void FreeVector(std::vector<T>* v) {
    std::vector<T>().swap(*v);
  }

  static uint32_t Record32(int64_t record) {
    return static_cast<uint32_t>(std::clamp<int64_t>(record, 0, UINT32_MAX - 1));
  }

  uint32_t SourceId(const std::string& source) {
    auto [it, inserted] = source_ids_.emplace(source, static_cast<uint32_t>(sources_.size()));
    if (inserted) sources_.push_back(source);
    return it->second;
  }

  void Append(const Observed& a) {
    const size_t i = exact_.size();
    if (i == cap_ && !noted_cap_) {
      noted_cap_ = true;
      std::fprintf(stderr,
                   "newslint: note: dataset/duplicate-article indexed max-articles = %zu "
                   "articles; later articles are compared with them but not indexed\n",
                   cap_);
    }
    if (i == cap_) indexed_ids_bytes_ = ids_.size();
    const dataset::Signature& s = a.signature;
    exact_.push_back(s.exact);
    words_.push_back(s.words);
    for (int b = 0; b < kBands; ++b) {
      for (int k = 0; k < kBandKeyBytes; ++k) {
        bands_.push_back(static_cast<uint8_t>(s.bands[b] >> (8 * k)));
      }
    }
    nibbles_.insert(nibbles_.end(), s.nibbles.begin(), s.nibbles.end());
    const uint32_t record = Record32(a.record);
    record_.push_back(record);
    if (a.id == a.source + ":" + std::to_string(a.record)) {
      id_ref_.push_back(kDefaultId);
    } else {
      id_ref_.push_back(static_cast<uint32_t>(ids_.size()));
      size_t len = a.id.size();
      bool cut = len > kMaxIdBytes;
      if (cut) {
        len = kMaxIdBytes;
        while (len > 0 && (static_cast<unsigned char>(a.id[len]) & 0xC0) == 0x80) --len;
      }
      ids_.push_back(static_cast<char>(len | (cut ? 0x80 : 0)));
      ids_.append(a.id, 0, len);
    }
    partner_.push_back(kNoPartner);
    estimate_.push_back(0);
    const uint32_t source = SourceId(a.source);
    if (!ranges_.empty() && ranges_.back().source == source && ranges_.back().end == i &&
        record_[i - 1] < record) {
      ranges_.back().end = i + 1;
    } else {
      ranges_.push_back({i, i + 1, source});
    }
    // Articles past the cap wait in a buffer of at most cap/8 (at least
    // 1024), compared with the index when it fills.
    if (i + 1 >= cap_ + std::max<size_t>(cap_ / 8, 1024)) Sweep();
  }

  const uint8_t* Nibbles(size_t i) const { return nibbles_.data() + i * kNibbleBytes; }
  uint32_t BandKey(size_t i, int band) const {
    const uint8_t* p = bands_.data() + (i * kBands + band) * kBandKeyBytes;
    return p[0] | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16);
  }

  // Finds the earliest indexed partner (index < cap_ and < q) of every
  // article q in [qbegin, qend): first an exact copy, else a near copy.
  void Pair(size_t qbegin, size_t qend) {
    const size_t n = exact_.size();
    if (qbegin >= qend) return;
    {
      std::vector<std::pair<uint64_t, uint32_t>> byhash;
      byhash.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        if (i < cap_ || (i >= qbegin && i < qend)) byhash.emplace_back(exact_[i], i);
      }
      std::sort(byhash.begin(), byhash.end());
      for (size_t s = 0; s < byhash.size();) {
        size_t e = s + 1;
        while (e < byhash.size() && byhash[e].first == byhash[s].first) ++e;
        const uint32_t first = byhash[s].second;
        for (size_t t = s + 1; t < e && first < cap_; ++t) {
          const uint32_t q = byhash[t].second;
          if (q >= qbegin && q < qend) {
            partner_[q] = first;
            estimate_[q] = kExact;
          }
        }
        s = e;
      }
    }
    // An exact copy is represented by the first of its group: it neither
    // looks for a near partner nor serves as one.
    auto exact_copy = [&](size_t i) { return estimate_[i] == kExact; };
    const double floor_ratio = settings_.threshold * 0.8;
    std::vector<uint64_t> keys;
    keys.reserve(n);
    for (int band = 0; band < kBands; ++band) {
      keys.clear();
      for (size_t i = 0; i < n; ++i) {
        const bool query = i >= qbegin && i < qend;
        if ((i >= cap_ && !query) || exact_copy(i)) continue;
        keys.push_back(uint64_t{BandKey(i, band)} << 32 | i);
      }
      std::sort(keys.begin(), keys.end());
      for (size_t s = 0; s < keys.size();) {
        size_t e = s + 1;
        while (e < keys.size() && (keys[e] >> 32) == (keys[s] >> 32)) ++e;
        for (size_t t = s + 1; t < e; ++t) {
          const uint32_t q = static_cast<uint32_t>(keys[t]);
          if (q < qbegin || q >= qend) continue;
          int tries = 0;
          for (size_t u = s; u < t; ++u) {
            const uint32_t p = static_cast<uint32_t>(keys[u]);
            if (p >= cap_ || p >= partner_[q] || ++tries > kMaxTries) break;
            // J <= smaller set / larger set: a story much longer than the
            // other cannot be its near copy, whatever the estimate says.
            const double ratio = static_cast<double>(std::min(words_[p], words_[q])) /
                                 std::max(words_[p], words_[q]);
            if (ratio < floor_ratio) continue;
            const double j = dataset::EstimateJaccard(Nibbles(p), Nibbles(q));
            if (j + 1e-9 >= settings_.threshold) {
              partner_[q] = p;
              estimate_[q] = static_cast<uint8_t>(std::lround(std::min(j, 1.0) * 250));
              break;
            }
          }
        }
        s = e;
      }
    }
  }

  // Compares the articles past the cap with the index, keeps the pairs of
  // the flagged ones and drops the rest.
  void Sweep() {
    const size_t n = exact_.size();
    if (n <= cap_) return;
    Pair(cap_, n);
    for (size_t q = cap_; q < n; ++q) {
      if (partner_[q] == kNoPartner) continue;
      overflow_.push_back({SourceOf(q), record_[q], partner_[q], estimate_[q]});
    }
    exact_.resize(cap_);
    words_.resize(cap_);
    bands_.resize(cap_ * kBands * kBandKeyBytes);
    nibbles_.resize(cap_ * kNibbleBytes);
    record_.resize(cap_);
    id_ref_.resize(cap_);
    ids_.resize(indexed_ids_bytes_);
    partner_.resize(cap_);
    estimate_.resize(cap_);
    while (!ranges_.empty() && ranges_.back().begin >= cap_) ranges_.pop_back();
    if (!ranges_.empty()) ranges_.back().end = std::min(ranges_.back().end, cap_);
    std::sort(overflow_.begin(), overflow_.end());
  }

  uint32_t SourceOf(size_t i) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), i,
                               [](size_t v, const Range& r) { return v < r.begin; });
    return it == ranges_.begin() ? 0 : std::prev(it)->source;
  }

  std::string Locator(uint32_t i) const {
    return sources_[SourceOf(i)] + "#" + std::to_string(record_[i]);
  }

  std::string IdOf(uint32_t i) const {
    if (id_ref_[i] == kDefaultId) return sources_[SourceOf(i)] + ":" + std::to_string(record_[i]);
    const unsigned char head = static_cast<unsigned char>(ids_[id_ref_[i]]);
    std::string id = ids_.substr(id_ref_[i] + 1, head & 0x7F);
    if (head & 0x80) id += "\u2026";
    return id;
  }

  bool Lookup(const Article& a, uint32_t* partner, uint8_t* estimate) const {
    auto it = source_ids_.find(a.source);
    if (it == source_ids_.end()) return false;
    const uint32_t source = it->second;
    const uint32_t record = Record32(a.record);
    for (const Range& r : ranges_) {
      if (r.source != source) continue;
      auto begin = record_.begin() + static_cast<std::ptrdiff_t>(r.begin);
      auto end = record_.begin() + static_cast<std::ptrdiff_t>(r.end);
      auto at = std::lower_bound(begin, end, record);
      if (at == end || *at != record) continue;
      const size_t i = static_cast<size_t>(at - record_.begin());
      if (partner_[i] == kNoPartner) return false;
      *partner = partner_[i];
      *estimate = estimate_[i];
      return true;
    }
    const Overflow key{source, record, 0, 0};
    auto at = std::lower_bound(overflow_.begin(), overflow_.end(), key);
    if (at == overflow_.end() || at->source != source || at->record != record) return false;
    *partner = at->partner;
    *estimate = at->estimate;
    return true;
  }

  Settings settings_;
  size_t cap_ = 2000000;
  bool ready_ = false;
  bool noted_cap_ = false;
  // Per indexed article, by index (input order): 8 + 4 + 96 + 64 bytes
  // during the pass only, then 4 + 4 + 4 + 1 bytes and the id.
  std::vector<uint64_t> exact_;
  std::vector<uint32_t> words_;
  std::vector<uint8_t> bands_;    // kBands 24-bit keys, little-endian
  std::vector<uint8_t> nibbles_;  // kNibbleBytes
  std::vector<uint32_t> record_;
  std::vector<uint32_t> id_ref_;  // offset into ids_, or kDefaultId
  std::string ids_;               // [length | 0x80 if cut][bytes] ...
  std::vector<uint32_t> partner_;
  std::vector<uint8_t> estimate_;  // Jaccard x 250, or kExact
  std::vector<Range> ranges_;
  std::vector<std::string> sources_;
  std::unordered_map<std::string, uint32_t> source_ids_;
  std::vector<Overflow> overflow_;  // sorted by (source, record)
  size_t indexed_ids_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateArticleRule() { return std::make_unique<DuplicateArticleRule>(); }

}  // namespace newslint
