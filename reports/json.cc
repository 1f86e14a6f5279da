// The JSON and JSONL wire formats of newslint, schema "newslint.report/1".
//
// Both formats are made of the same *record* object, one per input record.
// Keys always appear in the order shown; consumers should not rely on it, but
// diffs and snapshots do.
//
// Record (one JSONL line; one element of the JSON report's "articles"):
//
//   {"id": "abc-123",                   // Article::id
//    "source": "crawl/part-1.jsonl",    // the input file, "-" for stdin
//    "record": 17,                      // 1-based line in a JSONL file; 1 for a whole file
//    "url": "https://example.com/a",    // "" when unknown
//    "site": "example.com",             // host of url; "" when unknown
//    "findings": [Finding...],          // [] for a clean record
//    "analysis": {...},                 // only with debug_analysis (--debug-analysis):
//                                       // speaker table and cues, reports/analysis_table.h
//    "text": "..." | {"bytes": "..."}}  // only with include_text (see Strings)
//
// Finding (lint/finding.h, DESIGN §6):
//
//   {"rule": "garbled/mojibake",
//    "severity": "error",               // "error" | "warning" | "info"
//    "message": "...",
//    "span": {"start": 4211, "end": 4219},  // byte offsets into text, end exclusive
//    "line": 64,                        // 1-based
//    "column": 117,                     // 1-based, in Unicode code points
//    "excerpt": "...",                  // the finding's line, maybe cut, "..." where cut
//    "evidence": {"key": value, ...},   // in the rule's order; a value is a bool,
//                                       // an integer, a number, a string or an
//                                       // array of strings
//    "fix": null | {"start": 4211, "end": 4219, "text": "'"}}
//
// JSONL: exactly one record per line (compact, no whitespace), one line per
// input record, in input order, records without findings included, so line N
// of the output describes record N of the input (dolma's attribute files
// align the same way). Nothing else is written.
//
// JSON: one document, indented by two spaces, except that each element of
// "articles" is a record written on one line exactly as in JSONL. It is
// written as the run goes (the header at the start, one record per article,
// the summary and the sample at the end), so memory stays bounded and
// "summary" and "sample" come last:
//
//   {
//     "schema": "newslint.report/1",
//     "tool": {"name": "newslint", "version": "0.1.0"},
//     "run": {
//       "inputs": ["crawl/"],           // paths as given on the command line
//       "started_at": "2025-01-31T12:00:00Z",
//       "jobs": 8,
//       "fail_on": "error",             // "error" | "warning" | "info" | "never"
//       "rules": ["garbled/mojibake", ...],  // the rules that ran
//       "shard": {"index": 2, "count": 8}    // only with --shard K/N (lint/shard.h)
//     },
//     "articles": [
//       {"id":...,"findings":[...]},    // every record, in input order
//       ...
//     ],
//     "summary": {
//       "files": 2, "articles": 3, "articles_with_findings": 2, "findings": 4,
//       "bytes": 5120,                  // text bytes linted
//       "input_bytes": 6144,            // bytes read (uncompressed); 0 if unknown
//       "elapsed_seconds": 0.5,
//       "mb_per_second": 0.012288,      // input_bytes (else bytes) / 1e6 / elapsed
//       "mb_per_second_per_core": 0.001536,   // ... / jobs
//       "jobs": 8,
//       "by_severity": {"error": 3, "warning": 1, "info": 0},
//       "findings_per_article": {"0": 1, "1": 1, "2": 0, "3-5": 1, "6-10": 0, "11+": 0},
//                                       // articles by number of findings (exact)
//       "by_rule": {"garbled/mojibake": {"findings": 3, "articles": 2, "severity": "error"}},
//       "by_site": {"example.com": {"articles": 9, "articles_with_findings": 2, "findings": 4,
//                                   "by_rule": {"garbled/mojibake": {"findings": 3, "articles": 1}}}}
//                                       // per site (host of the url); "" = no url
//     },
//     "sample": {                       // the articles the HTML page shows
//       "limits": {"worst": 200, "per_rule": 20, "max_text_bytes": 200000},
//       "articles": [                   // most severe first, one per line
//         {"order": 0,                  // input position (0-based) within this run
//          "name": "crawl/part-1.jsonl#1", "id", "source", "record", "url", "site",
//          "title": "...",
//          "text": "..." | {"bytes": "..."},   // cut to max_text_bytes (see Strings)
//          "text_cut": false,
//          "findings": [Finding...]},
//         ...]
//     }
//   }
//
// The sample (reports/report_sample.h) holds the `worst` articles by
// severity (most errors, then warnings, then info; ties by order) and the
// first `per_rule` articles of each rule; its size is bounded by the limits
// (--report-articles, --report-per-rule), not by the input. Samples of
// shards merge into the sample of the whole (ReportSample::Merge, with the
// orders of a later shard offset by the articles before it), which is how
// `newslint merge` draws one page from many JSON reports.
//
// A report cut short (the run failed or was killed) is not valid JSON; use
// JSONL where partial output must stay readable.
//
// Strings. JSON cannot carry raw bytes, and scraped text is often not UTF-8:
//   * display strings (id, source, url, site, message, excerpt, evidence, fix
//     text) have each byte that is not part of well-formed UTF-8 replaced by
//     U+FFFD;
//   * "text" is a JSON string when the text is valid UTF-8, else
//     {"bytes": "<standard base64, padded>"} holding the raw bytes, so
//     nothing is lost (ripgrep's convention).
// '"', '\\', control characters and U+2028/U+2029 are escaped; all other
// characters are written as UTF-8. Doubles are written in shortest
// round-trip form (always with a '.' or exponent); integers exactly.

#include <ostream>
#include <string>

#include "reports/json_writer.h"
#include "reports/report_sample.h"
#include "reports/reporter.h"

namespace newslint {

namespace {

class JsonReporter : public Reporter {
 public:
  JsonReporter(std::ostream& out, const ReportOptions& options)
      : out_(out),
        options_(options),
        writer_(&buf_, JsonWriter::Layout::kIndented),
        sample_(SampleLimits{options.report_articles, options.report_per_rule}) {}

  void Begin(const RunInfo& run) override {
    if (begun_) return;
    begun_ = true;
    WriteReportHeader(writer_, run);
    writer_.Key("articles");
    writer_.BeginArray();
    Flush();
  }

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    if (!begun_) Begin(RunInfo{});
    WriteRecord(writer_, article, findings, options_);
    sample_.Add(order_++, article, findings);
    Flush();
  }

  void End(const RunInfo& run, const Summary& summary) override {
    if (!begun_) Begin(run);
    writer_.EndArray();
    writer_.Key("summary");
    WriteSummary(writer_, summary);
    writer_.Key("sample");
    sample_.WriteJson(writer_);
    writer_.EndObject();
    buf_.push_back('\n');
    Flush();
    out_.flush();
  }

 private:
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buf_;
  JsonWriter writer_;
  // The bounded sample the HTML page embeds, so `newslint merge` can draw
  // the page from JSON reports alone.
  ReportSample sample_;
  uint64_t order_ = 0;  // input position of the next record
  bool begun_ = false;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JsonReporter>(out, options);
}

}  // namespace newslint
