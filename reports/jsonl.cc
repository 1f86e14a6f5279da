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
    buf_.reserve(kFlushBytes + (16 << 10));
  }

  // Records are gathered and written kFlushBytes at a time: written one by
  // one, a record of a few kilobytes overflowed the stream's own buffer and
  // went out in a system call of its own (on the pipeline's main thread,
  // beside the workers). Each format has its own output (the CLI refuses two
  // on one stream), so holding records back reorders nothing.
  void Add(const Article& article, const std::vector<Finding>& findings) override {
    WriteRecord(writer_, article, findings, options_);
    buf_.push_back('\n');
    if (buf_.size() >= kFlushBytes) Flush();
  }

  // From three jobs on the pipeline has the record rendered on a worker
  // thread (Reporter::RendersAhead) and its main thread only appends it.
  bool RendersAhead() const override { return true; }
  void Render(const Article& article, const std::vector<Finding>& findings,
              std::string* out) const override {
    out->clear();
    JsonWriter writer(out);
    WriteRecord(writer, article, findings, options_);
    out->push_back('\n');
  }
  void AddRendered(const Article&, const std::vector<Finding>&, std::string_view rendered) override {
    buf_.append(rendered);
    if (buf_.size() >= kFlushBytes) Flush();
  }

  void End(const RunInfo&, const Summary&) override {
    Flush();
    out_.flush();
  }

 private:
  static constexpr size_t kFlushBytes = 256 << 10;

  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    // A record larger than the usual (an article's text included) does not
    // keep its size here for the rest of the run.
    if (buf_.capacity() > 4 * kFlushBytes) {
      std::string().swap(buf_);
      buf_.reserve(kFlushBytes + (16 << 10));
    } else {
      buf_.clear();
    }
  }

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
