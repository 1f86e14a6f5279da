// newslint: a small streaming JSON writer, and the newslint objects in JSON.
//
// JsonWriter appends JSON text to a std::string that the caller owns and
// flushes (a reporter writes one record, hands the bytes to its stream, and
// clears the buffer, so nothing grows with the number of articles). It keeps
// only a stack of open containers; it never builds a tree.
//
//   std::string buf;
//   JsonWriter w(&buf);
//   w.BeginObject();
//   w.Key("rule");     w.String("garbled/mojibake");
//   w.Key("line");     w.Int(3);
//   w.Key("evidence"); w.WriteEvidence(finding.evidence);
//   w.EndObject();
//   // buf == {"rule":"garbled/mojibake","line":3,"evidence":{...}}
//
// Layout. A compact writer (the default) writes no whitespace at all. An
// indented writer puts every member and element on its own line, indented
// two spaces per level, with ": " after keys; a container opened with
// `one_line = true` inside it is written compactly, with everything nested in
// it, on one line (the JSON report uses this for its article records, so each
// record looks exactly like a JSONL line).
//
// Strings. Scraped text is hostile and often not UTF-8. JSON cannot carry raw
// bytes, so the writer offers two ways to write a string:
//
//   String(s)  a display string (ids, urls, messages, excerpts, evidence):
//              every byte that is not part of a well-formed UTF-8 sequence is
//              replaced by U+FFFD, so the output is always valid JSON and
//              valid UTF-8; lossy by design.
//   Text(s)    the article text (ReportOptions::include_text), which must
//              survive byte for byte: a JSON string when `s` is valid UTF-8
//              (well-formed as IsValidUtf8 in lint/analysis.h defines it: no
//              overlongs, surrogates or code points above U+10FFFF; the tests
//              check that the two agree), else the object
//              {"bytes": "<standard base64 of s, padded>"} (as ripgrep does).
//              Valid text costs one pass: escaping detects invalid bytes.
//
// Both escape '"', '\\', every control character below U+0020 (as \b \f \n
// \r \t or \u00XX) and U+2028 / U+2029 (as \u2028 / \u2029, so the output is
// also valid JavaScript). Everything else is written as UTF-8, unescaped.
// Cost: the escaper skips printable ASCII 16 bytes at a time (SSE2) and
// copies it in runs; only the other bytes (escapes, UTF-8 sequences,
// invalid bytes) are looked at one by one. Keys and values that are code
// literals go through SafeKey()/SafeString(), which skip the scan.
//
// Numbers. Int() writes integers exactly. Double() writes the shortest text
// that reads back as the same double (std::to_chars), with ".0" added when
// that text has neither '.' nor an exponent, so a double always looks like
// one (1.0, not 1); NaN and infinities, which JSON lacks, are written as null.
//
// Misuse (a value where a key is due, an unbalanced End) is a programming
// error; the writer checks it with assert() only.

#ifndef NEWSLINT_REPORTS_JSON_WRITER_H_
#define NEWSLINT_REPORTS_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/reporter.h"
#include "reports/summary.h"

namespace newslint {

// Appends `s` as a JSON string literal, quotes included, following the rules
// for display strings above (invalid UTF-8 bytes become U+FFFD).
void AppendJsonString(std::string* out, std::string_view s);

// Appends the shortest round-trip form of `v` (see Numbers above).
void AppendJsonDouble(std::string* out, double v);

// Appends the standard base64 encoding of `bytes` (RFC 4648 alphabet, with
// '=' padding).
void AppendBase64(std::string* out, std::string_view bytes);

class JsonWriter {
 public:
  enum class Layout { kCompact, kIndented };

  explicit JsonWriter(std::string* out, Layout layout = Layout::kCompact);

  // Containers. `one_line` matters only in an indented writer (see Layout).
  void BeginObject(bool one_line = false);
  void EndObject();
  void BeginArray(bool one_line = false);
  void EndArray();

  // The next member's key; must be followed by exactly one value.
  void Key(std::string_view key);

  // Key() and String() for text known to need no escaping: the literals in
  // the code (member names, severity names), printable ASCII without '"' or
  // '\\'. Written as they are, which saves the escaper's scan on the dozen
  // keys of every finding; the output is what Key() and String() would
  // write (assert()-checked).
  void SafeKey(std::string_view key);
  void SafeString(std::string_view s);

  void String(std::string_view s);  // display string: invalid bytes -> U+FFFD
  void Text(std::string_view s);    // string if valid UTF-8, else {"bytes": base64}
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();

  // Evidence as an object, members in the order the rule gave them: bool,
  // integer, double, string, or an array of strings.
  void WriteEvidence(const Evidence& evidence);
  // null, or {"start", "end", "text"}.
  void WriteFix(const std::optional<Fix>& fix);

  // For a value written in one piece (WriteFinding on one line): when the
  // writer puts no line break here (compact, or inside a one-line
  // container), writes what goes before a value (a comma after an earlier
  // element) and returns the output, to which the caller appends exactly one
  // complete value in compact form; null where the value would be indented.
  std::string* RawValue();

  // True when every container opened has been closed.
  bool done() const { return stack_.empty() && !after_key_; }

 private:
  struct Frame {
    bool first = true;     // no member or element written yet
    bool one_line = false;
  };
  void BeforeValue();
  void NewLine(size_t depth);
  bool indented() const;
  void Open(char bracket, bool one_line);
  void Close(char bracket);

  std::string* out_;
  Layout layout_;
  std::vector<Frame> stack_;
  bool after_key_ = false;
};

// ---------------------------------------------------------------------------
// newslint objects. The wire format (key order included) is written down at
// the top of reports/json.cc and in docs/reports.md.

// One finding: {"rule", "severity", "message", "span": {"start", "end"},
// "line", "column", "excerpt", "evidence": {...}, "fix": null | {...}}.
void WriteFinding(JsonWriter& w, const Finding& finding);
// The same object written through the writer's calls: what WriteFinding does
// where the writer indents. On one line WriteFinding appends the same text in
// pieces (tests/json_writer_test.cc compares the two).
void WriteFindingByCalls(JsonWriter& w, const Finding& finding);

// One input record: {"id", "source", "record", "url", "site", "findings":
// [...]} plus "analysis" (reports/analysis_table.h) when
// options.debug_analysis and "text" (see JsonWriter::Text) when
// options.include_text. The
// JSONL report writes one of these per line; the JSON report writes the same
// objects in its "articles" array.
void WriteRecord(JsonWriter& w, const Article& article, const std::vector<Finding>& findings,
                 const ReportOptions& options);

// The run summary: {"files", "articles", "articles_with_findings",
// "findings", "bytes", "input_bytes", "elapsed_seconds", "mb_per_second",
// "mb_per_second_per_core", "jobs", "by_severity": {"error", "warning",
// "info"}, "findings_per_article": {"0", "1", "2", "3-5", "6-10", "11+"},
// "by_rule": {id: {"findings", "articles", "severity"}}, "by_site":
// {site: {"articles", "articles_with_findings", "findings", "by_rule": {id:
// {"findings", "articles"}}}}, "by_family":
// {family: {"articles"}}, "budgets": [{"rule", "allowed", "actual",
// "articles", "allowed_articles", "broken"}], "suppressed",
// "baseline_fixed", "fixed": [{"rule", "article", "text"}]}. by_rule,
// by_site, by_family and budgets are sorted by key.
void WriteSummary(JsonWriter& w, const Summary& summary);

// Reads a summary back from the JSON WriteSummary wrote (`newslint merge`
// merges the summaries of shard reports). Derived values (findings,
// mb_per_second, budget verdicts) are recomputed, not read; members missing
// from an older report keep their defaults. False with *error on malformed
// input.
bool ParseSummaryJson(std::string_view json, Summary* out, std::string* error);

// The JSON report's opening, up to and including "run": `{"schema":
// "newslint.report/1", "tool": {...}, "run": {"inputs", "started_at", "jobs",
// "fail_on", "rules", and "shard": {"index", "count"} for a shard}` (the
// object left open, for "articles" to follow). Shared by the JSON reporter
// and `newslint merge`.
void WriteReportHeader(JsonWriter& w, const RunInfo& run);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_JSON_WRITER_H_
