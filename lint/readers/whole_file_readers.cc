// Formats with one Article per file: HTML pages and plain text.

#include <memory>
#include <string>
#include <utility>

#include "lint/readers/formats.h"
#include "lint/readers/html_extractor.h"
#include "lint/readers/invalid_utf8.h"

namespace newslint {
namespace {

// Reads the whole stream into *out; returns the stream's error ("" if none).
// Reads the whole stream into *out, or, past `limit` bytes, reads on
// without keeping anything and leaves *out empty with *total the size.
std::string ReadAll(ByteSource* bytes, uint64_t limit, std::string* out, uint64_t* total) {
  out->clear();
  size_t chunk = 64 * 1024;
  for (;;) {
    size_t at = out->size();
    out->resize(at + chunk);
    size_t got = bytes->Read(out->data() + at, chunk);
    out->resize(at + got);
    *total = out->size();
    if (got == 0) return bytes->error();
    if (out->size() > limit) break;
    if (chunk < 4 * 1024 * 1024) chunk *= 2;
  }
  // Too large: count the rest in a fixed buffer.
  out->clear();
  out->shrink_to_fit();
  std::string scratch(1 << 20, '\0');
  for (;;) {
    const size_t got = bytes->Read(scratch.data(), scratch.size());
    if (got == 0) return bytes->error();
    *total += got;
  }
}

std::string ReadErrorMessage(uint64_t bytes_read, const std::string& error) {
  return "input ends early after " + std::to_string(bytes_read) + " bytes: " + error;
}

class WholeFileReader : public ArticleReader {
 public:
  WholeFileReader(std::string path, std::unique_ptr<ByteSource> bytes, uint64_t limit)
      : path_(std::move(path)), bytes_(std::move(bytes)), limit_(limit) {}

  bool Next(Article* article) override {
    if (done_) return false;
    done_ = true;
    std::string content;
    uint64_t total = 0;
    std::string error = ReadAll(bytes_.get(), limit_, &content, &total);
    bytes_read_ = total;
    bytes_.reset();
    ClearArticle(article);
    article->id = path_;
    article->source = path_;
    article->record = 1;
    if (total > limit_) {
      AddRecordTooLarge(article, total, limit_);
    } else if (std::shared_ptr<const RecordDecoder> decoder = Deferred(bytes_read_, error)) {
      // ReadOptions::defer_decoding: the page is rendered by FinishReading(),
      // which adds the read error after what rendering found, as here.
      article->undecoded = std::move(content);
      article->decoder = std::move(decoder);
      return true;
    } else {
      Render(std::move(content), article);
    }
    if (!error.empty()) {
      article->AddInputFinding("input/read-error", ReadErrorMessage(bytes_read_, error));
    }
    return true;
  }

  uint64_t bytes_read() const override { return bytes_read_; }

 protected:
  virtual void Render(std::string content, Article* article) = 0;
  // What renders the file later (ReadOptions::defer_decoding), or null to
  // render it in Next().
  virtual std::shared_ptr<const RecordDecoder> Deferred(uint64_t bytes_read,
                                                        const std::string& error) {
    (void)bytes_read, (void)error;
    return nullptr;
  }

 private:
  std::string path_;
  std::unique_ptr<ByteSource> bytes_;
  uint64_t limit_;
  bool done_ = false;
  uint64_t bytes_read_ = 0;
};

void RenderHtml(std::string content, bool keep_html, Article* article) {
  ExtractHtml(content, article);
  article->site = SiteOfUrl(article->url);
  ReportInvalidUtf8(article);
  if (keep_html) article->raw_html = std::move(content);
}

// An HTML file read with ReadOptions::defer_decoding: the text is extracted
// on the thread that calls FinishReading().
class DeferredHtml : public RecordDecoder {
 public:
  DeferredHtml(bool keep_html, uint64_t bytes_read, std::string error)
      : keep_html_(keep_html), bytes_read_(bytes_read), error_(std::move(error)) {}

  void Decode(std::string record, Article* article) const override {
    RenderHtml(std::move(record), keep_html_, article);
    if (!error_.empty()) {
      article->AddInputFinding("input/read-error", ReadErrorMessage(bytes_read_, error_));
    }
  }

 private:
  bool keep_html_;
  uint64_t bytes_read_;
  std::string error_;
};

class HtmlFileReader : public WholeFileReader {
 public:
  HtmlFileReader(std::string path, std::unique_ptr<ByteSource> bytes, bool keep_html,
                 uint64_t limit, bool defer)
      : WholeFileReader(std::move(path), std::move(bytes), limit), keep_html_(keep_html),
        defer_(defer) {}

 protected:
  void Render(std::string content, Article* article) override {
    RenderHtml(std::move(content), keep_html_, article);
  }
  std::shared_ptr<const RecordDecoder> Deferred(uint64_t bytes_read,
                                                const std::string& error) override {
    if (!defer_) return nullptr;
    return std::make_shared<DeferredHtml>(keep_html_, bytes_read, error);
  }

 private:
  bool keep_html_;
  bool defer_;
};

class TextFileReader : public WholeFileReader {
 public:
  using WholeFileReader::WholeFileReader;

 protected:
  void Render(std::string content, Article* article) override {
    if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);
    article->text = std::move(content);
    ReportInvalidUtf8(article);
  }
};

}  // namespace

std::unique_ptr<ArticleReader> MakeHtmlFileReader(std::string path,
                                                  std::unique_ptr<ByteSource> bytes,
                                                  bool keep_html, uint64_t max_record_bytes,
                                                  bool defer_decoding) {
  return std::make_unique<HtmlFileReader>(std::move(path), std::move(bytes), keep_html,
                                          max_record_bytes, defer_decoding);
}

std::unique_ptr<ArticleReader> MakeTextFileReader(std::string path,
                                                  std::unique_ptr<ByteSource> bytes,
                                                  uint64_t max_record_bytes) {
  return std::make_unique<TextFileReader>(std::move(path), std::move(bytes), max_record_bytes);
}

}  // namespace newslint
