// boilerplate/template-line: a line that recurs across many articles of the
// same site, learned in a first pass over the whole input (a dataset rule).

#include "rules/boilerplate/template_line.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>

#include "lint/block_hash.h"
#include "lint/bytes.h"
#include "lint/scratch.h"
#include "lint/swar.h"
#include "lint/utf8.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace template_line {
namespace {

char FoldQuote(char32_t cp) {
  switch (cp) {
    case U'‘': case U'’': case U'‛': case U'′': return '\'';
    case U'“': case U'”': case U'„': case U'″': return '"';
    default: return 0;
  }
}

}  // namespace

uint64_t LineHash(std::string_view s) {
  BlockHasher h(0x6A09E667F3BCC909ull);
  size_t i = 0;
  while (i < s.size() && utf8::SpaceLengthAt(s, i) > 0) i += utf8::SpaceLengthAt(s, i);
  if (i < s.size()) {
    utf8::CodePoint first = utf8::DecodeAt(s, i);
    if (IsListMarker(first.value) && i + first.length < s.size() &&
        utf8::SpaceLengthAt(s, i + first.length) > 0) {
      i += first.length;
    }
  }
  bool pending_space = false, started = false;
  while (i < s.size()) {
    // Eight ASCII bytes at a time where the normalised text is the bytes
    // themselves, lower-cased: no \t..\r, no two spaces in a row, a space
    // first only when it is kept (after text, with no white space pending),
    // a space last only held back as pending (it is kept only when text
    // follows). Everything else takes the byte path below, which defines
    // the hash.
#ifdef __SSE2__
    // Sixteen at a time on the same terms when all sixteen qualify (with no
    // double space across their middle either): the bytes fed are those the
    // two eight-byte steps below would feed, with half the tests.
    if (s.size() - i >= 16) {
      const swar::PlainBlock16 b = swar::PlainAscii16(s.data() + i);
      if (b.plain && ((b.spaces & 1) == 0 || (started && !pending_space))) {
        if (pending_space) h.Byte(' ');  // byte 0 is not a space here
        h.Bytes(b.lo, 8);
        if ((b.spaces & 0x8000) != 0) {
          h.Bytes(b.hi & 0x00FFFFFFFFFFFFFFull, 7);
          pending_space = true;  // byte 14 is text: started
        } else {
          h.Bytes(b.hi, 8);
          pending_space = false;
        }
        started = true;
        i += 16;
        continue;
      }
    }
#endif
    if (s.size() - i >= 8) {
      const uint64_t w = swar::Load8(s.data() + i);
      const swar::PlainChunk chunk = swar::PlainAscii8(w);
      const bool first_space = (chunk.spaces & 0x80) != 0;
      if (chunk.plain && (!first_space || (started && !pending_space))) {
        const uint64_t lowered = swar::LowerAscii(w);
        if (pending_space) h.Byte(' ');  // byte 0 is not a space here
        if ((chunk.spaces >> 56) != 0) {
          h.Bytes(lowered & 0x00FFFFFFFFFFFFFFull, 7);
          pending_space = true;  // byte 6 is text: started
        } else {
          h.Bytes(lowered, 8);
          pending_space = false;
        }
        started = true;
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending_space = started;
        ++i;
        continue;
      }
      if (pending_space) h.Byte(' ');
      pending_space = false;
      started = true;
      h.Byte(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    if (size_t space = utf8::SpaceLengthAt(s, i); space > 0) {
      pending_space = started;
      i += space;
      continue;
    }
    if (pending_space) h.Byte(' ');
    pending_space = false;
    started = true;
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    if (char q = cp.valid ? FoldQuote(cp.value) : 0) {
      h.Byte(static_cast<unsigned char>(q));
    } else {
      for (size_t k = 0; k < cp.length; ++k) h.Byte(static_cast<unsigned char>(s[i + k]));
    }
    i += cp.length;
  }
  return h.Final();
}

uint64_t SiteKey(std::string_view site, std::string_view source) {
  BlockHasher h(0xBB67AE8584CAA73Bull);
  const bool by_site = !site.empty();
  h.Byte(by_site ? 's' : 'f');
  for (char c : by_site ? site : source) h.Byte(static_cast<unsigned char>(c));
  return h.Final();
}

uint64_t EntryKey(uint64_t site_key, uint64_t line_hash) {
  uint64_t z = line_hash ^ (site_key * 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCDull;
  z ^= z >> 33;
  return z == 0 ? 1 : z;
}

// ---------------------------------------------------------------------------
// CountTable
// ---------------------------------------------------------------------------

size_t CountTable::MaxCapacity(size_t max_entries) {
  const size_t need = std::max<size_t>(max_entries, 1) + std::max<size_t>(max_entries, 1) / 3 + 1;
  return std::bit_ceil(std::max<size_t>(need, 16));
}

CountTable::CountTable(size_t max_entries)
    : max_entries_(std::max<size_t>(max_entries, 1)), max_capacity_(MaxCapacity(max_entries)) {
  Clear();
}

void CountTable::Clear() {
  const size_t initial = std::min<size_t>(max_capacity_, size_t{1} << 16);
  keys_.assign(initial, 0);
  counts_.assign(initial, 0);
  keys_.shrink_to_fit();
  counts_.shrink_to_fit();
  size_ = 0;
  evictions_ = 0;
  dropped_ = 0;
}

size_t CountTable::Slot(uint64_t key) const {
  const size_t mask = keys_.size() - 1;
  size_t i = static_cast<size_t>(key) & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

uint32_t CountTable::Get(uint64_t key) const {
  const size_t i = Slot(key);
  return keys_[i] == key ? counts_[i] : 0;
}

void CountTable::Add(uint64_t key) {
  size_t i = Slot(key);
  if (keys_[i] == key) {
    if (counts_[i] != UINT32_MAX) ++counts_[i];
    return;
  }
  if (size_ >= max_entries_) {
    Evict();
    if (size_ >= max_entries_) {
      ++dropped_;
      return;
    }
    i = Slot(key);
  } else if ((size_ + 1) * 4 > keys_.size() * 3 && keys_.size() < max_capacity_) {
    Rehash(keys_.size() * 2, 0);
    i = Slot(key);
  }
  keys_[i] = key;
  counts_[i] = 1;
  ++size_;
}

// Rebuilds the table at `capacity` slots, leaving out the entries whose
// count is at most `evict_at_most` (0: none).
void CountTable::Rehash(size_t capacity, uint32_t evict_at_most) {
  std::vector<uint64_t> keys(capacity, 0);
  std::vector<uint32_t> counts(capacity, 0);
  const size_t mask = capacity - 1;
  size_t kept = 0;
  for (size_t s = 0; s < keys_.size(); ++s) {
    if (keys_[s] == 0 || counts_[s] <= evict_at_most) continue;
    size_t i = static_cast<size_t>(keys_[s]) & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[s];
    counts[i] = counts_[s];
    ++kept;
  }
  evictions_ += size_ - kept;
  size_ = kept;
  keys_ = std::move(keys);
  counts_ = std::move(counts);
}

// Frees at least a quarter of the table when it can: the entries seen in one
// article go first; the threshold rises (up to 16 articles) only when they
// are too few. Amortised over the quarter freed, eviction costs O(1) per key.
void CountTable::Evict() {
  uint64_t histogram[17] = {};
  for (size_t s = 0; s < keys_.size(); ++s) {
    if (keys_[s] != 0) ++histogram[std::min<uint32_t>(counts_[s], 16)];
  }
  uint32_t threshold = 1;
  uint64_t freed = histogram[1];
  while (threshold < 16 && freed * 4 < size_) freed += histogram[++threshold];
  if (freed == 0) return;
  Rehash(keys_.size(), threshold);
}

}  // namespace template_line

namespace {

using template_line::CountTable;

const RuleInfo kInfo = {
    "boilerplate/template-line",
    Severity::kWarning,
    "A line that recurs across many articles of the same site: part of the site's template, "
    "not of the story.",
    {
        {"min-articles", "int", "5",
         "A line is flagged when it appears in at least this many articles of its site."},
        {"min-share", "float", "0.3",
         "... and in at least this share of its site's articles (0 to 1)."},
        {"min-site-articles", "int", "5",
         "Sites with fewer articles than this in the input are never judged."},
        {"min-words", "int", "2", "Lines with fewer words (with letters) are never counted."},
        {"min-chars", "int", "8", "Lines with fewer characters (code points) are never counted."},
        {"max-entries", "int", "6000000",
         "Most (site, line) entries the first pass keeps: 12 bytes per slot, at most 96 MiB at "
         "the default; when full, lines seen in one article are evicted."},
    }};

struct Settings {
  int64_t min_articles = 5;
  double min_share = 0.3;
  int64_t min_site_articles = 5;
  int64_t min_words = 2;
  int64_t min_chars = 8;
  int64_t max_entries = 6000000;

  static Settings From(const RuleOptions& o) {
    Settings s;
    s.min_articles = std::max<int64_t>(1, o.GetInt("min-articles", s.min_articles));
    s.min_share = o.GetDouble("min-share", s.min_share);
    s.min_site_articles = std::max<int64_t>(1, o.GetInt("min-site-articles", s.min_site_articles));
    s.min_words = o.GetInt("min-words", s.min_words);
    s.min_chars = o.GetInt("min-chars", s.min_chars);
    s.max_entries = std::max<int64_t>(1, o.GetInt("max-entries", s.max_entries));
    return s;
  }
};

bool StartsWithFolded(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != prefix[i]) return false;
  }
  return true;
}

// Credit lines: a byline ("By Jane Doe"), a wire sign-off ("Reporting by
// ...; Editing by ..."), a photo credit. They name people, differ per article
// and, where one reporter writes much of a small site, recur without being
// template; byline-residue and caption own them.
bool IsCreditLine(std::string_view line, const LineLayout& l) {
  while (!line.empty() && (line.front() == '(' || line.front() == '[')) line.remove_prefix(1);
  static constexpr std::string_view kCues[] = {
      "reporting by", "additional reporting", "editing by", "writing by", "written by",
      "compiled by",  "photo by",             "photos by",  "photograph by", "produced by",
      "with reporting by", "contributing:"};
  for (std::string_view cue : kCues) {
    if (StartsWithFolded(line, cue)) return true;
  }
  return l.words <= PageLayout::kShortWords && StartsWithFolded(line, "by ");
}

// Whether line i takes part in the statistics; the same test in the first
// pass and in Check(), so counts and findings agree.
bool Counted(const PageLayout& layout, size_t i, std::string_view text, const Settings& s) {
  const LineLayout& l = layout.line(i);
  if (l.blank || l.letters_words < s.min_words || l.code_points < s.min_chars) return false;
  // Inside the story (PageLayout's body: the prose cluster with the short
  // lines between its paragraphs) only prose counts: short sentences ("He
  // said.") and a series' recurring sub-headings ("What happens next") recur
  // by chance or by editorial formula, while a paragraph of 12 or more words
  // recurring verbatim is a disclaimer, an author box or an editor's note
  // that the layout could not tell from the story's last paragraph.
  if (layout.region(i) == PageRegion::kBody && !l.prose) return false;
  return !IsCreditLine(text.substr(l.span.start, l.span.end - l.span.start), l);
}

uint64_t SiteKeyOf(const Article& a) { return template_line::SiteKey(a.site, a.source); }

// The memo of an article (DatasetRule::Note): whether it has a non-blank
// line; the fingerprint of its non-blank lines, in order; then, for each
// line Counted(), its span and LineHash. The first pass counts the lines,
// Check() judges them: they hash each line once between them.
void NoteLines(const Article& article, Analysis& analysis, const Settings& settings,
               std::string* memo) {
  const PageLayout& layout = analysis.Shared<PageLayout>();
  thread_local std::string lines;
  lines.clear();
  uint64_t fingerprint = 0;  // of every non-blank line, in order
  bool any = false;
  for (size_t i = 0; i < layout.size(); ++i) {
    const LineLayout& l = layout.line(i);
    if (l.blank) continue;
    any = true;
    const uint64_t h = template_line::LineHash(analysis.view(l.span));
    fingerprint = template_line::EntryKey(fingerprint, h);
    if (!Counted(layout, i, article.text, settings)) continue;
    AppendVarint(&lines, l.span.start);
    AppendVarint(&lines, l.span.end - l.span.start);
    AppendVarint(&lines, h);
  }
  AppendVarint(memo, any ? 1 : 0);
  AppendVarint(memo, fingerprint);
  memo->append(lines);
}

// A memo read back: its header, then its counted lines one by one.
class NotedLines {
 public:
  explicit NotedLines(std::string_view memo) : in_(memo) {
    ok_ = in_.Varint(&any_) && in_.Varint(&fingerprint_);
  }
  bool any() const { return ok_ && any_ != 0; }
  uint64_t fingerprint() const { return fingerprint_; }
  // The next counted line's span and hash; false after the last.
  bool Next(Span* span, uint64_t* hash) {
    uint64_t start = 0, size = 0;
    if (!ok_ || in_.done() || !in_.Varint(&start) || !in_.Varint(&size) || !in_.Varint(hash)) {
      return false;
    }
    *span = {start, start + size};
    return true;
  }

 private:
  ByteReader in_;
  bool ok_ = false;
  uint64_t any_ = 0, fingerprint_ = 0;
};

class TemplateLineObserver : public DatasetObserver {
 public:
  void Observe(const Article& article, Analysis&, std::string_view memo) override {
    NotedLines lines(memo);
    if (!lines.any()) return;  // an empty record is not one of the site's articles
    thread_local std::vector<uint64_t> hashes;
    ReuseScratch(hashes);
    Span span;
    for (uint64_t h; lines.Next(&span, &h);) hashes.push_back(h);
    const uint64_t site = SiteKeyOf(article);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    // One record per article: [site, fingerprint key, n, n line keys].
    records_.push_back(site);
    records_.push_back(template_line::EntryKey(site, lines.fingerprint() ^ kFingerprintTag));
    records_.push_back(hashes.size());
    for (uint64_t h : hashes) records_.push_back(template_line::EntryKey(site, h));
  }

  static constexpr uint64_t kFingerprintTag = 0xA5F1D3C7B2E49680ull;
  std::vector<uint64_t> records_;  // in input order
};

class TemplateLineRule : public DatasetRule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Begin(const RuleOptions& options) override {
    settings_ = Settings::From(options);
    ready_ = false;
    sites_.clear();
    duplicates_ = 0;
    table_ = std::make_unique<CountTable>(static_cast<size_t>(settings_.max_entries));
  }

  std::unique_ptr<DatasetObserver> MakeObserver() const override {
    return std::make_unique<TemplateLineObserver>();
  }

  void Absorb(DatasetObserver& observer) override {
    auto& o = dynamic_cast<TemplateLineObserver&>(observer);
    if (!table_) Begin(RuleOptions());
    const std::vector<uint64_t>& r = o.records_;
    for (size_t at = 0; at + 3 <= r.size();) {
      const uint64_t site = r[at], fingerprint = r[at + 1];
      const size_t n = static_cast<size_t>(r[at + 2]);
      at += 3;
      // An article already seen on this site (the same text crawled twice,
      // AMP and canonical pages) counts once: its lines are not template.
      if (table_->Get(fingerprint) == 0) {
        table_->Add(fingerprint);
        ++sites_[site];
        for (size_t k = 0; k < n; ++k) table_->Add(r[at + k]);
      } else {
        ++duplicates_;
      }
      at += n;
    }
    o.records_.clear();
  }

  void Finish() override { ready_ = table_ != nullptr; }
  bool Finished() const override { return ready_; }

  void Note(const Article& article, Analysis& analysis, std::string* memo) const override {
    NoteLines(article, analysis, settings_, memo);
  }

  void CheckNoted(const Article& article, std::string_view memo, const RuleOptions&,
                  FindingSink& sink) const override {
    if (!ready_) return;  // no first pass (stdin, a single article): silent
    const Settings& s = settings_;
    const uint64_t site = SiteKeyOf(article);
    auto it = sites_.find(site);
    if (it == sites_.end() || it->second < s.min_site_articles) return;
    const int64_t site_articles = it->second;
    NotedLines lines(memo);
    Span span;
    for (uint64_t h; lines.Next(&span, &h);) {
      const int64_t n = table_->Get(template_line::EntryKey(site, h));
      if (n < s.min_articles) continue;
      const double share = static_cast<double>(n) / static_cast<double>(site_articles);
      if (share + 1e-9 < s.min_share) continue;
      const std::string& name = article.site.empty() ? article.source : article.site;
      char percent[16];
      std::snprintf(percent, sizeof percent, "%.0f%%", share * 100);
      Evidence evidence{{"articles", n},
                        {"site_articles", site_articles},
                        {"share", std::round(share * 1000) / 1000},
                        {"site", name},
                        {"min_articles", s.min_articles},
                        {"min_share", s.min_share},
                        {"min_site_articles", s.min_site_articles}};
      sink.Report(span,
                  "line recurs in " + std::to_string(n) + " of " + std::to_string(site_articles) +
                      " articles of " + name + " (" + percent +
                      "): part of the site's template, not of the story",
                  std::move(evidence), RemoveLineFix(article.text, span.start));
    }
  }

 private:
  Settings settings_;
  bool ready_ = false;
  std::unique_ptr<CountTable> table_;
  std::unordered_map<uint64_t, int64_t> sites_;  // site key -> distinct non-empty articles
  int64_t duplicates_ = 0;                        // articles skipped as already seen
};

}  // namespace

std::unique_ptr<Rule> MakeTemplateLineRule() { return std::make_unique<TemplateLineRule>(); }

}  // namespace newslint
