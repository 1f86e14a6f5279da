#include "reports/report_sample.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <simdjson.h>

#include "lint/utf8.h"
#include "reports/reporter.h"

namespace newslint {

namespace {

// Distinct rule ids of `findings`, sorted.
std::vector<std::string_view> DistinctRules(const std::vector<Finding>& findings) {
  std::vector<std::string_view> rules;
  rules.reserve(findings.size());
  for (const Finding& f : findings) rules.push_back(f.rule);
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  return rules;
}

// The first `max_bytes` of `text`, cut where a character starts.
size_t CutPoint(std::string_view text, int64_t max_bytes) {
  if (max_bytes < 0) return text.size();
  return utf8::CutBefore(text, static_cast<size_t>(max_bytes));
}

bool DecodeBase64Impl(std::string_view in, std::string* out) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (in.size() % 4 != 0) return false;
  out->clear();
  for (size_t i = 0; i < in.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = in[i + k];
      if (c == '=' && i + 4 == in.size() && k >= 2) {
        v[k] = 0;
        ++pad;
      } else if (pad > 0 || (v[k] = value(c)) < 0) {
        return false;
      }
    }
    uint32_t n = (uint32_t(v[0]) << 18) | (uint32_t(v[1]) << 12) | (uint32_t(v[2]) << 6) | v[3];
    out->push_back(static_cast<char>(n >> 16));
    if (pad < 2) out->push_back(static_cast<char>((n >> 8) & 0xFF));
    if (pad < 1) out->push_back(static_cast<char>(n & 0xFF));
  }
  return true;
}

// --- Reading what WriteJson wrote (simdjson DOM; a sample is small) ----------

using simdjson::dom::element;
using simdjson::dom::object;

bool Fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

bool GetString(object o, const char* key, std::string* out, std::string* error) {
  std::string_view v;
  auto field = o[key];
  if (field.error() == simdjson::NO_SUCH_FIELD) return true;  // optional: stays ""
  if (field.get(v) != simdjson::SUCCESS) return Fail(error, std::string(key) + " is not a string");
  out->assign(v);
  return true;
}

bool GetInt(object o, const char* key, int64_t* out, std::string* error, bool required = false) {
  auto field = o[key];
  if (field.error() == simdjson::NO_SUCH_FIELD) {
    return required ? Fail(error, std::string("missing ") + key) : true;
  }
  if (field.get(*out) != simdjson::SUCCESS) return Fail(error, std::string(key) + " is not an integer");
  return true;
}

bool ParseEvidence(element e, Evidence* out, std::string* error) {
  object o;
  if (e.get(o) != simdjson::SUCCESS) return Fail(error, "evidence is not an object");
  for (auto [key, value] : o) {
    EvidenceValue v;
    switch (value.type()) {
      case simdjson::dom::element_type::BOOL: v = bool(value.get_bool()); break;
      case simdjson::dom::element_type::INT64: v = int64_t(value.get_int64()); break;
      case simdjson::dom::element_type::UINT64:
        v = static_cast<int64_t>(uint64_t(value.get_uint64()));
        break;
      case simdjson::dom::element_type::DOUBLE: v = double(value.get_double()); break;
      case simdjson::dom::element_type::STRING: v = std::string(value.get_string().value()); break;
      case simdjson::dom::element_type::ARRAY: {
        std::vector<std::string> items;
        simdjson::dom::array array;
        if (value.get(array) != simdjson::SUCCESS) return Fail(error, "evidence array unreadable");
        for (element item : array) {
          std::string_view s;
          if (item.get(s) != simdjson::SUCCESS) return Fail(error, "evidence array holds a non-string");
          items.emplace_back(s);
        }
        v = std::move(items);
        break;
      }
      default:
        return Fail(error, "evidence value of unsupported type");
    }
    out->emplace_back(std::string(key), std::move(v));
  }
  return true;
}

bool ParseFinding(element e, Finding* f, std::string* error) {
  object o;
  if (e.get(o) != simdjson::SUCCESS) return Fail(error, "finding is not an object");
  std::string severity;
  if (!GetString(o, "rule", &f->rule, error) || !GetString(o, "severity", &severity, error) ||
      !GetString(o, "message", &f->message, error) || !GetInt(o, "line", &f->line, error) ||
      !GetInt(o, "column", &f->column, error) || !GetString(o, "excerpt", &f->excerpt, error)) {
    return false;
  }
  std::optional<Severity> sev = ParseSeverity(severity);
  if (!sev) return Fail(error, "unknown severity '" + severity + "'");
  f->severity = *sev;
  object span;
  if (o["span"].get(span) != simdjson::SUCCESS) return Fail(error, "finding without span");
  int64_t start = 0, end = 0;
  if (!GetInt(span, "start", &start, error, true) || !GetInt(span, "end", &end, error, true)) {
    return false;
  }
  if (start < 0 || end < start) return Fail(error, "bad span");
  f->span = {static_cast<size_t>(start), static_cast<size_t>(end)};
  element evidence;
  if (o["evidence"].get(evidence) == simdjson::SUCCESS && !ParseEvidence(evidence, &f->evidence, error)) {
    return false;
  }
  element fix;
  if (o["fix"].get(fix) == simdjson::SUCCESS && !fix.is_null()) {
    object fo;
    if (fix.get(fo) != simdjson::SUCCESS) return Fail(error, "fix is not an object");
    Fix x;
    int64_t fs = 0, fe = 0;
    if (!GetInt(fo, "start", &fs, error, true) || !GetInt(fo, "end", &fe, error, true) ||
        !GetString(fo, "text", &x.text, error)) {
      return false;
    }
    if (fs < 0 || fe < fs) return Fail(error, "bad fix span");
    x.span = {static_cast<size_t>(fs), static_cast<size_t>(fe)};
    f->fix = std::move(x);
  }
  return true;
}

bool ParseArticle(element e, SampledArticle* a, std::string* error) {
  object o;
  if (e.get(o) != simdjson::SUCCESS) return Fail(error, "sample article is not an object");
  int64_t order = 0;
  if (!GetInt(o, "order", &order, error, true)) return false;
  if (order < 0) return Fail(error, "negative order");
  a->order = static_cast<uint64_t>(order);
  if (!GetString(o, "name", &a->name, error) || !GetString(o, "id", &a->id, error) ||
      !GetString(o, "source", &a->source, error) || !GetInt(o, "record", &a->record, error) ||
      !GetString(o, "url", &a->url, error) || !GetString(o, "site", &a->site, error) ||
      !GetString(o, "title", &a->title, error)) {
    return false;
  }
  element text;
  if (o["text"].get(text) == simdjson::SUCCESS) {
    std::string_view s;
    object bytes;
    if (text.get(s) == simdjson::SUCCESS) {
      a->text.assign(s);
    } else if (text.get(bytes) == simdjson::SUCCESS && bytes["bytes"].get(s) == simdjson::SUCCESS) {
      if (!DecodeBase64Impl(s, &a->text)) return Fail(error, "text.bytes is not base64");
    } else {
      return Fail(error, "text is neither a string nor {\"bytes\"}");
    }
  }
  bool cut = false;
  if (o["text_cut"].error() != simdjson::NO_SUCH_FIELD && o["text_cut"].get(cut) != simdjson::SUCCESS) {
    return Fail(error, "text_cut is not a bool");
  }
  a->text_cut = cut;
  simdjson::dom::array findings;
  if (o["findings"].get(findings) != simdjson::SUCCESS) return Fail(error, "article without findings");
  for (element f : findings) {
    a->findings.emplace_back();
    if (!ParseFinding(f, &a->findings.back(), error)) return false;
  }
  return true;
}

}  // namespace

bool ParseFindingJson(const simdjson::dom::element& e, Finding* out, std::string* error) {
  return ParseFinding(e, out, error);
}

bool DecodeBase64(std::string_view in, std::string* out) { return DecodeBase64Impl(in, out); }

// --- Selection ------------------------------------------------------------

bool ReportSample::RankBetter::operator()(const Rank& a, const Rank& b) const {
  if (a.errors != b.errors) return a.errors > b.errors;
  if (a.warnings != b.warnings) return a.warnings > b.warnings;
  if (a.infos != b.infos) return a.infos > b.infos;
  if (a.findings != b.findings) return a.findings > b.findings;
  return a.order < b.order;
}

ReportSample::Rank ReportSample::RankOf(uint64_t order, const std::vector<Finding>& findings) {
  Rank r;
  r.order = order;
  r.findings = static_cast<int64_t>(findings.size());
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) ++r.errors;
    else if (f.severity == Severity::kWarning) ++r.warnings;
    else ++r.infos;
  }
  return r;
}

ReportSample::ReportSample(SampleLimits limits) : limits_(limits) {}

void ReportSample::Add(uint64_t order, const Article& article, const std::vector<Finding>& findings) {
  // A clean article is never shown: the page lists articles with findings
  // (the exact counts of clean ones come from the Summary).
  if (findings.empty()) return;
  Rank rank = RankOf(order, findings);
  const size_t worst_limit = static_cast<size_t>(std::max(limits_.worst, 0));
  bool worst = worst_limit > 0 &&
               (worst_.size() < worst_limit || RankBetter{}(rank, *std::prev(worst_.end())));
  bool per_rule = false;
  if (limits_.per_rule > 0) {
    for (std::string_view rule : DistinctRules(findings)) {
      auto it = rule_seen_.find(rule);
      if (it == rule_seen_.end()) it = rule_seen_.emplace(std::string(rule), 0).first;
      if (it->second < limits_.per_rule) {
        ++it->second;
        per_rule = true;
      }
    }
  }
  if (!worst && !per_rule) return;

  SampledArticle a;
  a.order = order;
  a.name = ArticleName(article);
  a.id = article.id;
  a.source = article.source;
  a.url = article.url;
  a.site = article.site;
  a.title = article.title;
  a.record = article.record;
  size_t cut = CutPoint(article.text, limits_.max_text_bytes);
  a.text.assign(article.text, 0, cut);
  a.text_cut = cut < article.text.size();
  a.findings = findings;
  // Orders grow within a run, so this is an append; an out-of-order caller
  // still gets a sorted kept_.
  auto at = std::upper_bound(kept_.begin(), kept_.end(), order,
                             [](uint64_t o, const SampledArticle& k) { return o < k.order; });
  kept_.insert(at, std::move(a));
  if (per_rule) rule_kept_.insert(order);
  if (worst) {
    worst_.insert(rank);
    if (worst_.size() > worst_limit) {
      auto last = std::prev(worst_.end());
      uint64_t dropped = last->order;
      worst_.erase(last);
      if (!rule_kept_.contains(dropped)) {
        auto it = std::lower_bound(kept_.begin(), kept_.end(), dropped,
                                   [](const SampledArticle& k, uint64_t o) { return k.order < o; });
        if (it != kept_.end() && it->order == dropped) kept_.erase(it);
      }
    }
  }
}

// The selection is a function of the candidates' findings and orders only:
// S(A u B) == S(S(A) u S(B)), because an article among the `worst` of A u B
// is among the `worst` of its own part, and one of a rule's first `per_rule`
// in A u B is one of them in its part. So selecting again from the union of
// two samples gives the sample of the whole.
void ReportSample::Rebuild() {
  std::sort(kept_.begin(), kept_.end(),
            [](const SampledArticle& a, const SampledArticle& b) { return a.order < b.order; });
  worst_.clear();
  rule_seen_.clear();
  rule_kept_.clear();
  std::vector<char> keep(kept_.size(), 0);
  for (size_t i = 0; i < kept_.size(); ++i) {
    if (kept_[i].findings.empty()) continue;
    for (std::string_view rule : DistinctRules(kept_[i].findings)) {
      auto it = rule_seen_.find(rule);
      if (it == rule_seen_.end()) it = rule_seen_.emplace(std::string(rule), 0).first;
      if (it->second < limits_.per_rule) {
        ++it->second;
        keep[i] = 1;
      }
    }
    if (keep[i]) rule_kept_.insert(kept_[i].order);
  }
  std::vector<std::pair<Rank, size_t>> ranks;
  for (size_t i = 0; i < kept_.size(); ++i) {
    if (!kept_[i].findings.empty()) ranks.emplace_back(RankOf(kept_[i].order, kept_[i].findings), i);
  }
  std::sort(ranks.begin(), ranks.end(),
            [](const auto& a, const auto& b) { return RankBetter{}(a.first, b.first); });
  size_t worst_limit = static_cast<size_t>(std::max(limits_.worst, 0));
  for (size_t k = 0; k < ranks.size() && k < worst_limit; ++k) {
    worst_.insert(ranks[k].first);
    keep[ranks[k].second] = 1;
  }
  std::vector<SampledArticle> kept;
  kept.reserve(kept_.size());
  for (size_t i = 0; i < kept_.size(); ++i) {
    if (!keep[i]) continue;
    SampledArticle& a = kept_[i];
    // A sample read with a larger text limit is cut to this one's.
    size_t cut = CutPoint(a.text, limits_.max_text_bytes);
    if (cut < a.text.size()) {
      a.text.resize(cut);
      a.text_cut = true;
    }
    kept.push_back(std::move(a));
  }
  kept_ = std::move(kept);
}

void ReportSample::Merge(const ReportSample& other, uint64_t order_offset) {
  for (const SampledArticle& a : other.kept_) {
    kept_.push_back(a);
    kept_.back().order += order_offset;
  }
  Rebuild();
}

std::vector<const SampledArticle*> ReportSample::Articles() const {
  std::vector<std::pair<Rank, const SampledArticle*>> ranked;
  ranked.reserve(kept_.size());
  for (const SampledArticle& a : kept_) ranked.emplace_back(RankOf(a.order, a.findings), &a);
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return RankBetter{}(a.first, b.first); });
  std::vector<const SampledArticle*> out;
  out.reserve(ranked.size());
  for (const auto& [rank, a] : ranked) out.push_back(a);
  return out;
}

// --- JSON -------------------------------------------------------------------

void ReportSample::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("limits");
  w.BeginObject(/*one_line=*/true);
  w.Key("worst");
  w.Int(limits_.worst);
  w.Key("per_rule");
  w.Int(limits_.per_rule);
  w.Key("max_text_bytes");
  w.Int(limits_.max_text_bytes);
  w.EndObject();
  w.Key("articles");
  w.BeginArray();
  for (const SampledArticle* a : Articles()) {
    w.BeginObject(/*one_line=*/true);
    w.Key("order");
    w.Int(static_cast<int64_t>(a->order));
    w.Key("name");
    w.String(a->name);
    w.Key("id");
    w.String(a->id);
    w.Key("source");
    w.String(a->source);
    w.Key("record");
    w.Int(a->record);
    w.Key("url");
    w.String(a->url);
    w.Key("site");
    w.String(a->site);
    w.Key("title");
    w.String(a->title);
    w.Key("text");
    w.Text(a->text);
    w.Key("text_cut");
    w.Bool(a->text_cut);
    w.Key("findings");
    w.BeginArray();
    for (const Finding& f : a->findings) WriteFinding(w, f);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

bool ReportSample::ParseJson(std::string_view json, ReportSample* out, std::string* error) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto e = parser.parse(padded).get(root); e != simdjson::SUCCESS) {
    return Fail(error, std::string("sample is not valid JSON: ") + simdjson::error_message(e));
  }
  object o;
  if (root.get(o) != simdjson::SUCCESS) return Fail(error, "sample is not an object");
  SampleLimits limits;
  object lo;
  if (o["limits"].get(lo) != simdjson::SUCCESS) return Fail(error, "sample without limits");
  int64_t worst = limits.worst, per_rule = limits.per_rule;
  if (!GetInt(lo, "worst", &worst, error, true) || !GetInt(lo, "per_rule", &per_rule, error, true) ||
      !GetInt(lo, "max_text_bytes", &limits.max_text_bytes, error, true)) {
    return false;
  }
  if (worst < 0 || per_rule < 0 || worst > INT32_MAX || per_rule > INT32_MAX) {
    return Fail(error, "sample limits out of range");
  }
  limits.worst = static_cast<int>(worst);
  limits.per_rule = static_cast<int>(per_rule);
  simdjson::dom::array articles;
  if (o["articles"].get(articles) != simdjson::SUCCESS) return Fail(error, "sample without articles");
  ReportSample sample(limits);
  for (element a : articles) {
    SampledArticle article;
    if (!ParseArticle(a, &article, error)) return false;
    sample.kept_.push_back(std::move(article));
  }
  sample.Rebuild();
  *out = std::move(sample);
  return true;
}

}  // namespace newslint
