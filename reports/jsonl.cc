// The JSONL report: one record per line, one line per input record, in input
// order, clean records included. The record format is written down at the
// top of reports/json.cc.

#include <ostream>
#include <string>

#include "reports/json_writer.h"
#include "reports/reporter.h"

namespace newslint {

namespace {

class JsonlReporter : public Reporter {
 public:
  JsonlReporter(std::ostream& out, const ReportOptions& options)
      : out_(out), options_(options), writer_(&buf_) {
    // Most records fit: the buffer is reused (clear() keeps the capacity),
    // so this only saves the first records' growth steps.
    buf_.reserve(16 << 10);
  }

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    WriteRecord(writer_, article, findings, options_);
    buf_.push_back('\n');
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void End(const RunInfo&, const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  ReportOptions options_;
  std::string buf_;
  JsonWriter writer_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonlReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JsonlReporter>(out, options);
}

}  // namespace newslint
