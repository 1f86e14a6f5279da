#include "reports/baseline.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <tuple>

#include "lint/output_file.h"
#include "reports/fingerprint.h"
#include "reports/json_writer.h"

namespace newslint {
namespace {

constexpr size_t kMaxShownText = 60;

// `text` cut to kMaxShownText bytes at a character boundary, "…" added.
std::string Shown(std::string_view text) {
  if (text.size() <= kMaxShownText) return std::string(text);
  size_t cut = kMaxShownText;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "baseline " + path + ": cannot read it (" + std::strerror(errno) + ")";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Calls visit(key, count, entry) for each entry of a baseline document, in
// file order. False with *error ("baseline PATH: ...") on a malformed one.
template <typename Visit>
bool ForEachEntry(const std::string& json, const std::string& path, std::string* error,
                  Visit visit) {
  auto fail = [&](const std::string& what) {
    *error = "baseline " + path + ": " + what;
    return false;
  };
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto e = parser.parse(simdjson::padded_string(json)).get(doc); e) {
    return fail(std::string("not valid JSON (") + simdjson::error_message(e) + ")");
  }
  simdjson::dom::object root;
  std::string_view schema;
  if (doc.get(root) || root["schema"].get(schema)) {
    return fail(std::string("not a newslint baseline (no \"schema\": \"") + kBaselineSchema +
                "\")");
  }
  if (schema != kBaselineSchema) {
    return fail("schema \"" + std::string(schema) + "\" is not " + kBaselineSchema);
  }
  simdjson::dom::array findings;
  if (root["findings"].get(findings)) return fail("\"findings\" must be an array");
  size_t i = 0;
  for (simdjson::dom::element entry : findings) {
    std::string where = "findings[" + std::to_string(i++) + "]";
    std::string_view hex;
    uint64_t key = 0;
    if (entry["key"].get(hex) || !ParseFingerprint(hex, &key)) {
      return fail(where + ": \"key\" must be a string of 16 hex digits");
    }
    int64_t count = 1;
    if (auto c = entry["count"]; c.error() != simdjson::NO_SUCH_FIELD) {
      if (c.get(count) || count < 1 || count > UINT32_MAX) {
        return fail(where + ": \"count\" must be a positive integer");
      }
    }
    visit(key, static_cast<uint32_t>(count), entry);
  }
  return true;
}

}  // namespace

std::unique_ptr<Baseline> Baseline::Load(const std::string& path, std::string* error) {
  std::string json;
  if (!ReadFile(path, &json, error)) return nullptr;
  std::unique_ptr<Baseline> b = Parse(json, path, error);
  if (b) b->json_.clear();  // Finish reads the file again, if it must
  return b;
}

std::unique_ptr<Baseline> Baseline::Parse(const std::string& json, const std::string& path,
                                          std::string* error) {
  auto b = std::make_unique<Baseline>();
  b->path_ = path;
  bool ok = ForEachEntry(
      json, path, error,
      [&](uint64_t key, uint32_t count, simdjson::dom::element) { b->remaining_[key] += count; });
  if (!ok) return nullptr;
  b->json_ = json;
  return b;
}

void Baseline::Filter(const Article& article, std::vector<Finding>* findings, Summary* summary) {
  if (findings->empty() || remaining_.empty()) return;
  std::vector<FindingIdentity> ids = IdentifyFindings(article, *findings);
  size_t kept = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    auto it = remaining_.find(ids[i].fingerprint);
    if (it != remaining_.end() && it->second > 0) {
      --it->second;
      ++summary->suppressed;
      continue;
    }
    if (kept != i) (*findings)[kept] = std::move((*findings)[i]);
    ++kept;
  }
  findings->resize(kept);
}

void Baseline::Finish(Summary* summary) {
  int64_t fixed = 0;
  for (const auto& [key, count] : remaining_) fixed += count;
  summary->baseline_fixed += fixed;
  if (fixed == 0) return;
  std::string json = json_;
  std::string error;
  if (json.empty() && !ReadFile(path_, &json, &error)) return;  // the count stays right
  ForEachEntry(json, path_, &error, [&](uint64_t key, uint32_t, simdjson::dom::element entry) {
    if (summary->fixed.size() >= Summary::kMaxFixedListed) return;
    auto it = remaining_.find(key);
    if (it == remaining_.end() || it->second == 0) return;
    it->second = 0;  // list a key once
    Summary::FixedFinding f;
    std::string_view s;
    if (!entry["article"].get(s)) f.article = s;
    if (!entry["rule"].get(s)) f.rule = s;
    if (!entry["text"].get(s)) f.text = s;
    summary->fixed.push_back(std::move(f));
  });
}

void BaselineWriter::Add(const Article& article, const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  std::vector<FindingIdentity> ids = IdentifyFindings(article, findings);
  std::string key;
  for (size_t i = 0; i < findings.size(); ++i) {
    auto [it, inserted] = entries_.try_emplace(ids[i].fingerprint);
    if (inserted) {
      if (key.empty()) key = ArticleKey(article);
      it->second.article = Shown(key);
      it->second.rule = findings[i].rule;
      it->second.text = Shown(ids[i].text);
      it->second.occurrence = ids[i].occurrence;
    }
    ++it->second.count;
  }
}

std::string BaselineWriter::Json() const {
  std::vector<std::pair<uint64_t, const Entry*>> sorted;
  sorted.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) sorted.emplace_back(key, &entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    const Entry& x = *a.second;
    const Entry& y = *b.second;
    return std::tie(x.article, x.rule, x.text, x.occurrence, a.first) <
           std::tie(y.article, y.rule, y.text, y.occurrence, b.first);
  });
  std::string out;
  JsonWriter w(&out, JsonWriter::Layout::kIndented);
  w.BeginObject();
  w.Key("schema");
  w.String(kBaselineSchema);
  w.Key("findings");
  w.BeginArray();
  for (const auto& [key, entry] : sorted) {
    w.BeginObject(/*one_line=*/true);
    w.Key("key");
    w.String(FingerprintHex(key));
    w.Key("rule");
    w.String(entry->rule);
    w.Key("article");
    w.String(entry->article);
    w.Key("text");
    w.String(entry->text);
    w.Key("occurrence");
    w.Int(entry->occurrence);
    w.Key("count");
    w.Int(entry->count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

bool BaselineWriter::Write(const std::string& path, std::string* error) const {
  OutputFile out;  // renamed into place when whole (lint/output_file.h)
  if (!out.Open(path, error)) return false;
  const std::string json = Json();
  out.stream().write(json.data(), static_cast<std::streamsize>(json.size()));
  return out.Commit(error);
}

}  // namespace newslint
