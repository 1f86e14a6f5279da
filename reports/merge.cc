#include "reports/merge.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "lint/output_file.h"
#include "reports/html.h"
#include "reports/json_writer.h"
#include "reports/report_sample.h"

namespace newslint {
namespace {

namespace dom = simdjson::dom;

constexpr std::string_view kArticlesOpen = "  \"articles\": [";
constexpr std::string_view kArticlesEmpty = "  \"articles\": [],";
constexpr std::string_view kRecordIndent = "    ";
// A header (schema, tool, run) longer than this is not one of ours.
constexpr size_t kMaxHeaderBytes = 64 << 20;

struct PartHeader {
  std::string path;
  RunInfo run;
  bool has_shard = false;
};

bool PartError(std::string* error, const std::string& path, const std::string& message) {
  *error = "merge: " + path + ": " + message;
  return false;
}

bool ParseRun(dom::object run, RunInfo* out, bool* has_shard, std::string* error) {
  auto strings = [](dom::element e, std::vector<std::string>* list) {
    dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS) return false;
    for (dom::element item : a) {
      std::string_view s;
      if (item.get_string().get(s) != simdjson::SUCCESS) return false;
      list->emplace_back(s);
    }
    return true;
  };
  dom::element e;
  if (run.at_key("inputs").get(e) != simdjson::SUCCESS || !strings(e, &out->inputs)) {
    *error = "\"run\" has no \"inputs\" list";
    return false;
  }
  if (run.at_key("rules").get(e) != simdjson::SUCCESS || !strings(e, &out->rules)) {
    *error = "\"run\" has no \"rules\" list";
    return false;
  }
  std::string_view s;
  if (run.at_key("started_at").get_string().get(s) == simdjson::SUCCESS) out->started_at = s;
  int64_t jobs = 1;
  if (run.at_key("jobs").get_int64().get(jobs) == simdjson::SUCCESS) {
    out->jobs = static_cast<int>(jobs);
  }
  if (run.at_key("fail_on").get_string().get(s) == simdjson::SUCCESS) {
    out->fail_never = s == "never";
    out->fail_on = ParseSeverity(s).value_or(Severity::kError);
  }
  dom::object shard;
  if (run.at_key("shard").get_object().get(shard) == simdjson::SUCCESS) {
    if (shard.at_key("index").get_int64().get(out->shard_index) != simdjson::SUCCESS ||
        shard.at_key("count").get_int64().get(out->shard_count) != simdjson::SUCCESS ||
        out->shard_count < 1 || out->shard_index < 1 || out->shard_index > out->shard_count) {
      *error = "\"run\".\"shard\" is not {\"index\": K, \"count\": N} with 1 <= K <= N";
      return false;
    }
    *has_shard = true;
  }
  return true;
}

// One part, read front to back: the header, the article records one line at
// a time, then the tail (summary and sample).
class PartReader {
 public:
  explicit PartReader(std::string path) : path_(std::move(path)) {}

  // Opens the part and reads up to "articles" (the header is small).
  bool Open(PartHeader* header, std::string* error) {
    in_.open(path_, std::ios::binary);
    if (!in_) return PartError(error, path_, "cannot read it");
    std::string text;
    bool opened = false;
    while (std::getline(in_, line_)) {
      ++line_number_;
      if (line_number_ == 1 && line_ != "{") break;
      if (line_ == kArticlesOpen || line_ == kArticlesEmpty) {
        opened = true;
        in_articles_ = line_ == kArticlesOpen;
        break;
      }
      text += line_;
      text += '\n';
      if (text.size() > kMaxHeaderBytes) break;
    }
    if (!opened) {
      return PartError(error, path_,
                       "not a newslint JSON report as `newslint check --format json` writes it "
                       "(no \"articles\" line)");
    }
    text += "\"articles\": []}";
    dom::element root;
    if (auto e = parser_.parse(text).get(root); e != simdjson::SUCCESS) {
      return PartError(error, path_,
                       std::string("its header is not valid JSON: ") + simdjson::error_message(e));
    }
    std::string_view schema;
    if (root.at_key("schema").get_string().get(schema) != simdjson::SUCCESS ||
        schema != "newslint.report/1") {
      return PartError(error, path_, "not a newslint.report/1 JSON report");
    }
    header->path = path_;
    std::string_view version;
    if (root.at_pointer("/tool/version").get_string().get(version) == simdjson::SUCCESS) {
      header->run.tool_version = version;
    }
    dom::object run;
    if (root.at_key("run").get_object().get(run) != simdjson::SUCCESS) {
      return PartError(error, path_, "no \"run\" object");
    }
    std::string why;
    if (!ParseRun(run, &header->run, &header->has_shard, &why)) {
      return PartError(error, path_, why);
    }
    return true;
  }

  // The next article record (the compact JSON object, without indent or
  // comma), valid until the next call. False at the end of "articles" (then
  // check *error).
  bool NextRecord(std::string_view* record, std::string* error) {
    if (!in_articles_) return false;
    if (!std::getline(in_, line_)) {
      in_articles_ = false;
      return PartError(error, path_, "cut short inside \"articles\" (did its run fail?)");
    }
    ++line_number_;
    if (line_ == "  ],") {
      in_articles_ = false;
      return false;
    }
    std::string_view r = line_;
    if (r.substr(0, kRecordIndent.size()) != kRecordIndent) return BadRecord(error);
    r.remove_prefix(kRecordIndent.size());
    if (!r.empty() && r.back() == ',') r.remove_suffix(1);
    if (r.size() < 2 || r.front() != '{' || r.back() != '}') return BadRecord(error);
    ++records_;
    *record = r;
    return true;
  }

  // Reads the rest: "summary" and, when present, "sample".
  bool ReadTail(Summary* summary, std::optional<ReportSample>* sample, std::string* error) {
    if (!error->empty()) return false;
    std::string text = "{\n";
    while (std::getline(in_, line_)) {
      text += line_;
      text += '\n';
    }
    dom::element root;
    if (auto e = parser_.parse(text).get(root); e != simdjson::SUCCESS) {
      return PartError(error, path_,
                       std::string("the summary after \"articles\" is not valid JSON (cut "
                                   "short?): ") +
                           simdjson::error_message(e));
    }
    dom::element s;
    if (root.at_key("summary").get(s) != simdjson::SUCCESS) {
      return PartError(error, path_, "no \"summary\"");
    }
    std::string why;
    if (!ParseSummaryJson(simdjson::minify(s), summary, &why)) return PartError(error, path_, why);
    if (summary->articles != records_) {
      return PartError(error, path_,
                       std::to_string(records_) + " article records but its summary counts " +
                           std::to_string(summary->articles));
    }
    dom::element sample_json;
    sample->reset();
    if (root.at_key("sample").get(sample_json) == simdjson::SUCCESS) {
      ReportSample parsed;
      if (!ReportSample::ParseJson(simdjson::minify(sample_json), &parsed, &why)) {
        return PartError(error, path_, why);
      }
      *sample = std::move(parsed);
    }
    return true;
  }

  int64_t records() const { return records_; }

 private:
  bool BadRecord(std::string* error) {
    in_articles_ = false;
    return PartError(error, path_,
                     "line " + std::to_string(line_number_) +
                         " is not an article record on one line, as newslint writes them");
  }

  std::string path_;
  std::ifstream in_;
  std::string line_;
  int64_t line_number_ = 0;
  int64_t records_ = 0;
  bool in_articles_ = false;
  dom::parser parser_;
};

// Puts shard parts in K order and checks that they are 1..N exactly once.
bool OrderParts(std::vector<PartHeader>* parts, std::string* error) {
  size_t sharded = 0;
  for (const PartHeader& p : *parts) sharded += p.has_shard;
  if (sharded == 0) return true;  // the order given
  if (sharded != parts->size()) {
    for (const PartHeader& p : *parts) {
      if (!p.has_shard) {
        *error = "merge: " + p.path +
                 " records no shard (\"run\".\"shard\") but other parts do: merge the parts of "
                 "one sharded run";
        return false;
      }
    }
  }
  const int64_t count = parts->front().run.shard_count;
  for (const PartHeader& p : *parts) {
    if (p.run.shard_count != count) {
      *error = "merge: " + parts->front().path + " is a shard of " + std::to_string(count) +
               " but " + p.path + " is a shard of " + std::to_string(p.run.shard_count);
      return false;
    }
  }
  std::stable_sort(parts->begin(), parts->end(), [](const PartHeader& a, const PartHeader& b) {
    return a.run.shard_index < b.run.shard_index;
  });
  std::map<int64_t, std::vector<std::string>> by_index;
  for (const PartHeader& p : *parts) by_index[p.run.shard_index].push_back(p.path);
  std::string problems;
  auto add = [&](const std::string& s) { problems += (problems.empty() ? "" : "; ") + s; };
  std::string missing;
  int64_t missing_count = 0;
  for (int64_t k = 1; k <= count; ++k) {
    if (by_index.count(k)) continue;
    if (++missing_count <= 20) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
  }
  if (missing_count > 20) missing += ", ... (" + std::to_string(missing_count) + " in all)";
  if (missing_count > 0) {
    add("missing shard" + std::string(missing_count == 1 ? " " : "s ") + missing + " of " +
        std::to_string(count));
  }
  for (const auto& [k, paths] : by_index) {
    if (paths.size() < 2) continue;
    std::string names;
    for (const std::string& p : paths) names += (names.empty() ? "" : ", ") + p;
    add("shard " + std::to_string(k) + "/" + std::to_string(count) + " given " +
        std::to_string(paths.size()) + " times (" + names + ")");
  }
  if (!problems.empty()) {
    *error = "merge: the parts are not one complete sharded run: " + problems;
    return false;
  }
  return true;
}

void AddUnique(std::vector<std::string>* list, const std::vector<std::string>& more) {
  for (const std::string& s : more) {
    if (std::find(list->begin(), list->end(), s) == list->end()) list->push_back(s);
  }
}

RunInfo MergedRun(const std::vector<PartHeader>& parts, std::FILE* notes) {
  RunInfo run;
  run.tool_version = parts.front().run.tool_version;
  run.fail_on = parts.front().run.fail_on;
  run.fail_never = parts.front().run.fail_never;
  run.started_at = parts.front().run.started_at;
  run.jobs = 0;
  bool rules_differ = false, fail_on_differ = false;
  for (const PartHeader& p : parts) {
    AddUnique(&run.inputs, p.run.inputs);
    rules_differ |= p.run.rules != parts.front().run.rules;
    AddUnique(&run.rules, p.run.rules);
    run.jobs += p.run.jobs;
    // ISO 8601 UTC timestamps of one format sort as text.
    if (!p.run.started_at.empty() &&
        (run.started_at.empty() || p.run.started_at < run.started_at)) {
      run.started_at = p.run.started_at;
    }
    fail_on_differ |= p.run.fail_never != run.fail_never ||
                      (!run.fail_never && p.run.fail_on != run.fail_on);
  }
  if (notes != nullptr && rules_differ) {
    std::fprintf(notes,
                 "newslint: merge: note: the parts ran different rules; the merged report "
                 "lists them all\n");
  }
  if (notes != nullptr && fail_on_differ) {
    std::fprintf(notes, "newslint: merge: note: the parts have different fail_on; using %s's\n",
                 parts.front().path.c_str());
  }
  return run;
}

// --- Records read back, for the text report ----------------------------------


std::string StringOf(dom::element e, std::string_view key) {
  std::string_view s;
  if (e.at_key(key).get_string().get(s) != simdjson::SUCCESS) return "";
  return std::string(s);
}

int64_t IntOf(dom::element e, std::string_view key) {
  int64_t v = 0;
  if (e.at_key(key).get_int64().get(v) != simdjson::SUCCESS) return 0;
  return v;
}

bool ParseRecord(dom::parser& parser, std::string_view json, Article* article,
                 std::vector<Finding>* findings) {
  dom::element r;
  if (parser.parse(json).get(r) != simdjson::SUCCESS) return false;
  *article = Article{};
  findings->clear();
  article->id = StringOf(r, "id");
  article->source = StringOf(r, "source");
  article->record = IntOf(r, "record");
  article->url = StringOf(r, "url");
  article->site = StringOf(r, "site");
  dom::element text;
  if (r.at_key("text").get(text) == simdjson::SUCCESS) {
    std::string_view s;
    if (text.get_string().get(s) == simdjson::SUCCESS) {
      article->text = s;
    } else if (text.at_key("bytes").get_string().get(s) == simdjson::SUCCESS) {
      DecodeBase64(s, &article->text);
    }
  }
  dom::array list;
  if (r.at_key("findings").get_array().get(list) != simdjson::SUCCESS) return false;
  for (dom::element f : list) {
    Finding finding;
    std::string error;
    if (!ParseFindingJson(f, &finding, &error)) return false;
    findings->push_back(std::move(finding));
  }
  return true;
}

// --- Outputs -----------------------------------------------------------------

struct Output {
  std::string format;
  std::string path;  // "" = stdout
  std::ostream* out = nullptr;
  std::unique_ptr<OutputFile> file;  // renamed into place when complete
  std::unique_ptr<Reporter> text;  // format text
  int64_t records = 0;             // json: records written
};

void Write(std::ostream& out, std::string_view s) {
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

}  // namespace

bool MergeReports(const MergeOptions& options, MergeResult* result, std::string* error,
                  std::FILE* notes) {
  if (options.parts.empty()) {
    *error = "merge: no parts given";
    return false;
  }
  // First pass: every part's header, to order and check the set before a
  // byte of output is written.
  std::vector<PartHeader> parts;
  for (const std::string& path : options.parts) {
    PartReader reader(path);
    PartHeader header;
    if (!reader.Open(&header, error)) return false;
    parts.push_back(std::move(header));
  }
  if (!OrderParts(&parts, error)) return false;
  result->run = MergedRun(parts, notes);
  const RunInfo& run = result->run;

  std::vector<Output> outputs;
  bool want_records = false;  // some output needs the article records
  bool want_sample = false;
  for (const auto& [format, path] : options.outputs) {
    Output o;
    o.format = format;
    o.path = path;
    o.out = &std::cout;
    if (!path.empty()) {
      o.file = std::make_unique<OutputFile>();
      if (!o.file->Open(path, error)) {
        *error = "merge: " + *error;
        return false;
      }
      o.out = &o.file->stream();
    }
    if (format == "text") {
      ReportOptions ro = options.report;
      ro.color = options.report.color && path.empty();
      o.text = MakeTextReporter(*o.out, ro);
      o.text->Begin(run);
    } else if (format == "json") {
      std::string buf;
      JsonWriter w(&buf, JsonWriter::Layout::kIndented);
      WriteReportHeader(w, run);
      w.Key("articles");
      w.BeginArray();
      Write(*o.out, buf);
    } else if (format != "jsonl" && format != "html") {
      *error = "merge: unknown format '" + format + "' (text, json, jsonl, html)";
      return false;
    }
    want_records |= format != "html";
    want_sample |= format == "html" || format == "json";
    outputs.push_back(std::move(o));
  }

  // Second pass: the records, part by part, then each part's tail.
  Summary& total = result->summary;
  std::optional<ReportSample> sample;
  bool every_part_has_sample = true;
  uint64_t order_offset = 0;
  dom::parser record_parser;
  Article article;
  std::vector<Finding> findings;
  for (const PartHeader& header : parts) {
    PartReader reader(header.path);
    PartHeader again;
    if (!reader.Open(&again, error)) return false;
    std::string_view record;
    while (reader.NextRecord(&record, error)) {
      if (!want_records) continue;
      bool parsed = false;
      for (Output& o : outputs) {
        if (o.format == "json") {
          Write(*o.out, o.records++ == 0 ? "\n    " : ",\n    ");
          Write(*o.out, record);
        } else if (o.format == "jsonl") {
          Write(*o.out, record);
          Write(*o.out, "\n");
        } else if (o.text) {
          if (!parsed && !ParseRecord(record_parser, record, &article, &findings)) {
            return PartError(error, header.path, "an article record is not valid JSON");
          }
          parsed = true;
          o.text->Add(article, findings);
        }
      }
    }
    Summary part_summary;
    std::optional<ReportSample> part_sample;
    if (!reader.ReadTail(&part_summary, &part_sample, error)) return false;
    total.Merge(part_summary);
    if (!part_sample) {
      every_part_has_sample = false;
    } else if (!sample) {
      sample.emplace(part_sample->limits());
      sample->Merge(*part_sample, order_offset);
    } else {
      sample->Merge(*part_sample, order_offset);
    }
    order_offset += static_cast<uint64_t>(reader.records());
  }
  if (!every_part_has_sample) sample.reset();
  if (want_sample && !sample) {
    for (const Output& o : outputs) {
      if (o.format == "html") {
        *error =
            "merge: cannot draw the HTML report: a part has no \"sample\" (written by an older "
            "newslint)";
        return false;
      }
    }
  }

  for (Output& o : outputs) {
    if (o.format == "json") {
      std::string buf;
      // Close "articles" as JsonWriter would have: on its own line unless empty.
      if (o.records > 0) buf += "\n  ";
      buf += "]";
      // A writer positioned after the "articles" member of the top object.
      std::string tail;
      JsonWriter w(&tail, JsonWriter::Layout::kIndented);
      w.BeginObject();
      w.Key("summary");
      WriteSummary(w, total);
      if (sample) {
        w.Key("sample");
        sample->WriteJson(w);
      }
      w.EndObject();
      // `tail` is "{\n  \"summary\": ...\n}": drop its "{" to continue the
      // object the header opened.
      buf += ",";
      buf += std::string_view(tail).substr(1);
      buf += "\n";
      Write(*o.out, buf);
    } else if (o.text) {
      o.text->End(run, total);
    } else if (o.format == "html") {
      HtmlOptions html;
      html.docs_url = options.report.docs_url;
      WriteHtmlReport(*o.out, run, total, *sample, html);
    }
    o.out->flush();
    if (!*o.out) {
      *error = "merge: writing " + (o.path.empty() ? std::string("stdout") : o.path) +
               " failed (disk full?)";
      return false;
    }
  }
  for (Output& o : outputs) {
    if (o.file && !o.file->Commit(error)) {
      *error = "merge: " + *error;
      return false;
    }
  }
  return true;
}

}  // namespace newslint
