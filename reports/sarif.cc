// The SARIF 2.1.0 report (OASIS Static Analysis Results Interchange Format),
// for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF
// viewers. One log, one run:
//
//   {
//     "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
//     "version": "2.1.0",
//     "runs": [
//       {
//         "tool": {"driver": {"name": "newslint", "version", "informationUri",
//                             "rules": [reportingDescriptor...]}},
//         "originalUriBaseIds": {"SRCROOT": {"uri": "file:///the/working/folder/"}},
//         "columnKind": "unicodeCodePoints",
//         "results": [result...],        // one per finding, in input order
//         "invocations": [{"executionSuccessful", "exitCode", "exitCodeDescription",
//                          "startTimeUtc", "toolExecutionNotifications"?}],
//         "properties": {"articles", "findings", "suppressed", "baselineFixed", "budgets"}
//       }
//     ]
//   }
//
// Rules. Every rule that ran and every input/* id in force
// (RunInfo::rule_descriptions): id, name (the kebab name in PascalCase),
// shortDescription (the rule's summary), helpUri (ReportOptions::docs_url +
// "<family>/<name>.md", for rules with a doc page), help, defaultConfiguration
// (level: error -> "error", warning -> "warning", info -> "note", as
// configured for this run) and the family as a tag.
//
// Results. ruleId, ruleIndex (left out for a rule not in the list), level,
// message.text, one location, partialFingerprints {"newslint/v1": the
// fingerprint of reports/fingerprint.h, stable across re-scrapes} and
// properties {"article": {"key", "id", "url", "source", "record"},
// "evidence": {...}}.
//
// Locations. artifactLocation.uri is the input file: relative paths as given
// (normalised, percent-encoded) against uriBaseId SRCROOT, the working folder,
// whose absolute file: URI is in originalUriBaseIds; absolute paths as
// file:// URIs; stdin as "-". A SARIF region is a region *of that file*, so:
//   * a whole-file article (plain text, HTML): region {startLine,
//     startColumn, endLine, endColumn, charOffset, charLength} in the
//     article's text, which is the file itself for plain text and the
//     page's extracted text for HTML (columns and characters count Unicode
//     code points, as columnKind says; end column exclusive);
//   * a JSONL record: region {startLine: R, endLine: R}, R being the record's
//     line in the file, so that code scanning marks the right line; the
//     finding's place in the article's text is in properties.textRegion
//     (same six keys), and logicalLocations names the record: {"name": its
//     article key, "fullyQualifiedName": "SOURCE#R", "kind": "object"}.
//
// Streaming: the header and rules in Begin, one result per finding in Add
// (each on one line), the invocation in End, so memory does not grow with the
// input. A log cut short (a killed run) is not valid JSON.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "lint/readers/reader.h"
#include "lint/rule_docs.h"
#include "lint/utf8.h"
#include "reports/fingerprint.h"
#include "reports/json_writer.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

// "attribution/speaker-common-word" -> "SpeakerCommonWord".
std::string PascalName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id.substr(id.find('/') + 1)) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

// Percent-encodes a path for a URI: unreserved characters, '/' and a few
// sub-delimiters stay; everything else (spaces, '#', '%', '?', non-ASCII
// bytes) becomes %XX.
std::string EncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

// Code points in text[from, to) (an invalid byte counts as one, as the
// engine's columns do).
int64_t CodePointsBetween(std::string_view text, size_t from, size_t to) {
  int64_t n = 0;
  for (size_t i = from; i < to;) {
    i += utf8::DecodeAt(text, i).length;
    ++n;
  }
  return n;
}

// A finding's place in its article's text, in SARIF's terms.
struct TextRegion {
  int64_t start_line = 1, start_column = 1, end_line = 1, end_column = 1;
  int64_t char_offset = 0, char_length = 0;
};

class SarifReporter : public Reporter {
 public:
  SarifReporter(std::ostream& out, const ReportOptions& options)
      : out_(out), options_(options), writer_(&buf_, JsonWriter::Layout::kIndented) {}

  void Begin(const RunInfo& run) override {
    if (begun_) return;
    begun_ = true;
    JsonWriter& w = writer_;
    w.BeginObject();
    w.Key("$schema");
    w.String("https://json.schemastore.org/sarif-2.1.0.json");
    w.Key("version");
    w.String("2.1.0");
    w.Key("runs");
    w.BeginArray();
    w.BeginObject();
    w.Key("tool");
    w.BeginObject();
    w.Key("driver");
    w.BeginObject();
    w.Key("name");
    w.String("newslint");
    if (!run.tool_version.empty()) {
      w.Key("version");
      w.String(run.tool_version);
    }
    w.Key("informationUri");
    w.String("https://github.com/newslint/newslint");
    w.Key("rules");
    w.BeginArray();
    if (!run.rule_descriptions.empty()) {
      for (const RunInfo::RuleDescription& r : run.rule_descriptions) WriteRule(r, true);
    } else {
      for (const std::string& id : run.rules) WriteRule({id, Severity::kWarning, ""}, false);
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    w.Key("originalUriBaseIds");
    w.BeginObject();
    w.Key("SRCROOT");
    w.BeginObject(/*one_line=*/true);
    w.Key("uri");
    std::error_code ec;
    std::string cwd = std::filesystem::current_path(ec).generic_string();
    if (cwd.empty() || cwd.back() != '/') cwd.push_back('/');
    w.String("file://" + EncodePath(cwd));
    w.EndObject();
    w.EndObject();
    w.Key("columnKind");
    w.String("unicodeCodePoints");
    w.Key("results");
    w.BeginArray();
    Flush();
  }

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    if (!begun_) Begin(RunInfo{});
    if (findings.empty()) return;
    std::vector<FindingIdentity> ids = IdentifyFindings(article, findings);
    const bool record_of_many = IsJsonlPath(article.source) || article.record > 1;
    const std::string name = ArticleName(article);
    const std::string key = ArticleKey(article);
    // Findings come sorted by span start: count code points incrementally.
    size_t at_byte = 0;
    int64_t at_char = 0;
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      TextRegion region = Locate(article.text, f, &at_byte, &at_char);
      WriteResult(article, f, ids[i], region, record_of_many, name, key);
    }
    Flush();
  }

  void End(const RunInfo& run, const Summary& summary) override {
    if (!begun_) Begin(run);
    JsonWriter& w = writer_;
    w.EndArray();  // results
    w.Key("invocations");
    w.BeginArray();
    w.BeginObject();
    const int exit_code = RunExitCode(run, summary);
    w.Key("executionSuccessful");
    w.Bool(summary.failure.empty());
    w.Key("exitCode");
    w.Int(exit_code);
    w.Key("exitCodeDescription");
    std::string description;
    if (!summary.failure.empty()) {
      description = "the run failed";
    } else {
      RunInfo findings_only = run;
      Summary counts_only;  // the severities without the budgets
      counts_only.by_severity = summary.by_severity;
      bool findings_fail = RunExitCode(findings_only, counts_only) != 0;
      description = findings_fail ? "findings at or above --fail-on" : "";
      if (summary.budget_broken()) {
        description += std::string(description.empty() ? "" : "; ") + "a budget is broken";
      }
      if (description.empty()) description = "no finding at or above --fail-on, no budget broken";
    }
    w.String(description);
    if (!run.started_at.empty()) {
      w.Key("startTimeUtc");
      w.String(run.started_at);
    }
    if (!summary.failure.empty()) {
      w.Key("toolExecutionNotifications");
      w.BeginArray();
      w.BeginObject(/*one_line=*/true);
      w.Key("level");
      w.String("error");
      w.Key("message");
      w.BeginObject();
      w.Key("text");
      w.String(summary.failure);
      w.EndObject();
      w.EndObject();
      w.EndArray();
    }
    w.EndObject();
    w.EndArray();
    w.Key("properties");
    w.BeginObject();
    w.Key("articles");
    w.Int(summary.articles);
    w.Key("findings");
    w.Int(summary.findings());
    w.Key("suppressed");
    w.Int(summary.suppressed);
    w.Key("baselineFixed");
    w.Int(summary.baseline_fixed);
    w.Key("budgets");
    w.BeginArray();
    for (const Summary::BudgetResult& b : summary.Budgets()) {
      w.BeginObject(/*one_line=*/true);
      w.Key("rule");
      w.String(b.rule);
      w.Key("allowed");
      w.Double(b.allowed);
      w.Key("actual");
      w.Double(b.actual);
      w.Key("articles");
      w.Int(b.articles);
      w.Key("broken");
      w.Bool(b.broken);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();  // run
    w.EndArray();   // runs
    w.EndObject();
    buf_.push_back('\n');
    Flush();
    out_.flush();
  }

 private:
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void WriteRule(const RunInfo::RuleDescription& r, bool known_level) {
    JsonWriter& w = writer_;
    rule_index_.emplace(r.id, static_cast<int64_t>(rule_index_.size()));
    w.BeginObject(/*one_line=*/true);
    w.Key("id");
    w.String(r.id);
    w.Key("name");
    w.String(PascalName(r.id));
    if (!r.summary.empty()) {
      w.Key("shortDescription");
      w.BeginObject();
      w.Key("text");
      w.String(r.summary);
      w.EndObject();
    }
    const bool documented = !RuleDoc(r.id).empty();
    const std::string url = options_.docs_url + r.id + ".md";
    if (documented) {
      w.Key("helpUri");
      w.String(url);
    }
    if (!r.summary.empty() || documented) {
      w.Key("help");
      w.BeginObject();
      w.Key("text");
      w.String(documented ? r.summary + (r.summary.empty() ? "" : " ") + "Documentation: " + url
                          : r.summary);
      w.Key("markdown");
      w.String(documented
                   ? r.summary + (r.summary.empty() ? "" : "\n\n") + "[Documentation](" + url + ")"
                   : r.summary);
      w.EndObject();
    }
    if (known_level) {
      w.Key("defaultConfiguration");
      w.BeginObject();
      w.Key("level");
      w.String(SarifLevel(r.severity));
      w.EndObject();
    }
    w.Key("properties");
    w.BeginObject();
    w.Key("tags");
    w.BeginArray();
    w.String(r.id.substr(0, r.id.find('/')));
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }

  // The finding's region in the text. *at_byte / *at_char carry the code
  // point count of the text up to a byte offset from one finding to the next.
  static TextRegion Locate(std::string_view text, const Finding& f, size_t* at_byte,
                           int64_t* at_char) {
    TextRegion r;
    size_t start = std::min(f.span.start, text.size());
    size_t end = std::clamp(f.span.end, start, text.size());
    if (start < *at_byte) {  // not sorted after all: count from the top
      *at_byte = 0;
      *at_char = 0;
    }
    *at_char += CodePointsBetween(text, *at_byte, start);
    *at_byte = start;
    r.char_offset = *at_char;
    r.char_length = CodePointsBetween(text, start, end);
    r.start_line = std::max<int64_t>(f.line, 1);
    r.start_column = std::max<int64_t>(f.column, 1);
    size_t last_newline = std::string_view::npos;
    int64_t newlines = 0;
    for (size_t i = start; i < end; ++i) {
      if (text[i] == '\n') {
        ++newlines;
        last_newline = i;
      }
    }
    r.end_line = r.start_line + newlines;
    r.end_column = newlines == 0 ? r.start_column + r.char_length
                                 : 1 + CodePointsBetween(text, last_newline + 1, end);
    return r;
  }

  void WriteRegion(const TextRegion& r) {
    JsonWriter& w = writer_;
    w.BeginObject();
    w.Key("startLine");
    w.Int(r.start_line);
    w.Key("startColumn");
    w.Int(r.start_column);
    w.Key("endLine");
    w.Int(r.end_line);
    w.Key("endColumn");
    w.Int(r.end_column);
    w.Key("charOffset");
    w.Int(r.char_offset);
    w.Key("charLength");
    w.Int(r.char_length);
    w.EndObject();
  }

  void WriteArtifact(const std::string& source) {
    JsonWriter& w = writer_;
    w.BeginObject();
    if (source == "-") {
      w.Key("uri");
      w.String("-");
    } else {
      std::filesystem::path p = std::filesystem::path(source).lexically_normal();
      std::string path = p.generic_string();
      if (p.is_absolute()) {
        w.Key("uri");
        w.String("file://" + EncodePath(path));
      } else {
        w.Key("uri");
        w.String(EncodePath(path));
        w.Key("uriBaseId");
        w.String("SRCROOT");
      }
    }
    w.EndObject();
  }

  void WriteResult(const Article& a, const Finding& f, const FindingIdentity& id,
                   const TextRegion& region, bool record_of_many, const std::string& name,
                   const std::string& key) {
    JsonWriter& w = writer_;
    w.BeginObject(/*one_line=*/true);
    w.Key("ruleId");
    w.String(f.rule);
    if (auto it = rule_index_.find(f.rule); it != rule_index_.end()) {
      w.Key("ruleIndex");
      w.Int(it->second);
    }
    w.Key("level");
    w.String(SarifLevel(f.severity));
    w.Key("message");
    w.BeginObject();
    w.Key("text");
    w.String(f.message.empty() ? f.rule : f.message);
    w.EndObject();
    w.Key("locations");
    w.BeginArray();
    w.BeginObject();
    w.Key("physicalLocation");
    w.BeginObject();
    w.Key("artifactLocation");
    WriteArtifact(a.source);
    w.Key("region");
    if (record_of_many) {
      w.BeginObject();
      w.Key("startLine");
      w.Int(std::max<int64_t>(a.record, 1));
      w.Key("endLine");
      w.Int(std::max<int64_t>(a.record, 1));
      w.EndObject();
    } else {
      WriteRegion(region);
    }
    w.EndObject();  // physicalLocation
    if (record_of_many) {
      w.Key("logicalLocations");
      w.BeginArray();
      w.BeginObject();
      w.Key("name");
      w.String(key);
      w.Key("fullyQualifiedName");
      w.String(name);
      w.Key("kind");
      w.String("object");
      w.EndObject();
      w.EndArray();
    }
    w.EndObject();  // location
    w.EndArray();
    w.Key("partialFingerprints");
    w.BeginObject();
    w.Key("newslint/v1");
    w.String(FingerprintHex(id.fingerprint));
    w.EndObject();
    w.Key("properties");
    w.BeginObject();
    w.Key("article");
    w.BeginObject();
    w.Key("key");
    w.String(key);
    w.Key("id");
    w.String(a.id);
    w.Key("url");
    w.String(a.url);
    w.Key("source");
    w.String(a.source);
    w.Key("record");
    w.Int(a.record);
    w.EndObject();
    if (record_of_many) {
      w.Key("textRegion");
      WriteRegion(region);
    }
    if (!f.evidence.empty()) {
      w.Key("evidence");
      w.WriteEvidence(f.evidence);
    }
    w.EndObject();
    w.EndObject();
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buf_;
  JsonWriter writer_;
  bool begun_ = false;
  std::map<std::string, int64_t, std::less<>> rule_index_;
};

}  // namespace

std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<SarifReporter>(out, options);
}

}  // namespace newslint
