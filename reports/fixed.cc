// The cleaned records of `newslint check --fix`: every input record written
// back with the fixes of the selected rules applied to its text, one line per
// input record, in input order.
//
// JSONL input (Article::has_raw_record): the record's line as read, with only
// the JSON string of its text field replaced by the cleaned text; key order,
// spacing, escapes, other fields and unknown fields stay byte for byte. A
// record is written exactly as read when it has no fix to apply, when it
// could not be parsed, or when its text did not come from a string text
// field (it came from an `html` field: the record holds no text to replace).
//
// HTML and plain-text input (one article per file): one compact JSON line
// {"id", "source", "url", "text"} with the cleaned text.
//
// The cleaned text is escaped as JSON ('"', '\\', control characters below
// U+0020, U+2028 and U+2029); every other byte is written as it is. Bytes that
// are not UTF-8 are therefore kept as the input had them, not replaced with
// U+FFFD: a cleaned record is exactly as (in)valid UTF-8 as the record it
// came from, and a pipeline that must repair encodings sees the same bytes
// newslint reported as input/invalid-utf8.

#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "lint/fixes.h"
#include "reports/json_writer.h"
#include "reports/reporter.h"

namespace newslint {

namespace {

void AppendJsonTextKeepingBytes(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out->append("\\\""); continue;
      case '\\': out->append("\\\\"); continue;
      case '\b': out->append("\\b"); continue;
      case '\f': out->append("\\f"); continue;
      case '\n': out->append("\\n"); continue;
      case '\r': out->append("\\r"); continue;
      case '\t': out->append("\\t"); continue;
      default: break;
    }
    if (c < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('"');
}

bool HasSelectedFix(const std::vector<Finding>& findings, const FixFilter& filter) {
  for (const Finding& f : findings) {
    if (f.fix && filter.Selects(f.rule)) return true;
  }
  return false;
}

class FixedReporter : public Reporter {
 public:
  FixedReporter(std::ostream& out, FixFilter filter, FixedStats* stats)
      : out_(out), filter_(std::move(filter)), stats_(stats) {}

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    buf_.clear();
    ++stats_->records;
    const bool fixable = HasSelectedFix(findings, filter_);
    if (article.has_raw_record) {
      const Span value = article.raw_text_value;
      if (fixable && value.empty()) ++stats_->records_left_as_read;
      std::string cleaned;
      if (fixable && !value.empty() && value.end <= article.raw_record.size()) {
        cleaned = ApplyFixes(article.text, findings, filter_, &stats_->fixes);
      }
      if (!fixable || value.empty() || cleaned == article.text) {
        buf_.append(article.raw_record);
      } else {
        ++stats_->records_changed;
        std::string_view raw = article.raw_record;
        buf_.append(raw.substr(0, value.start));
        AppendJsonTextKeepingBytes(&buf_, cleaned);
        buf_.append(raw.substr(value.end));
      }
    } else {
      std::string cleaned = fixable ? ApplyFixes(article.text, findings, filter_, &stats_->fixes)
                                    : article.text;
      if (cleaned != article.text) ++stats_->records_changed;
      buf_.append("{\"id\":");
      AppendJsonString(&buf_, article.id);
      buf_.append(",\"source\":");
      AppendJsonString(&buf_, article.source);
      buf_.append(",\"url\":");
      AppendJsonString(&buf_, article.url);
      buf_.append(",\"text\":");
      AppendJsonTextKeepingBytes(&buf_, cleaned);
      buf_.push_back('}');
    }
    buf_.push_back('\n');
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

  void End(const RunInfo&, const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  FixFilter filter_;
  FixedStats* stats_;
  std::string buf_;
};

}  // namespace

std::unique_ptr<Reporter> MakeFixedReporter(std::ostream& out, const FixFilter& filter,
                                            FixedStats* stats) {
  return std::make_unique<FixedReporter>(out, filter, stats);
}

}  // namespace newslint
