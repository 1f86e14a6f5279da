// Formats with one Article per file: HTML pages and plain text.

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
    } else {
      Render(std::move(content), article);
    }
    if (!error.empty()) {
      article->AddInputFinding(
          "input/read-error",
          "input ends early after " + std::to_string(bytes_read_) + " bytes: " + error);
    }
    return true;
  }

  uint64_t bytes_read() const override { return bytes_read_; }

 protected:
  virtual void Render(std::string content, Article* article) = 0;

 private:
  std::string path_;
  std::unique_ptr<ByteSource> bytes_;
  uint64_t limit_;
  bool done_ = false;
  uint64_t bytes_read_ = 0;
};

class HtmlFileReader : public WholeFileReader {
 public:
  HtmlFileReader(std::string path, std::unique_ptr<ByteSource> bytes, bool keep_html,
                 uint64_t limit)
      : WholeFileReader(std::move(path), std::move(bytes), limit), keep_html_(keep_html) {}

 protected:
  void Render(std::string content, Article* article) override {
    ExtractHtml(content, article);
    article->site = SiteOfUrl(article->url);
    ReportInvalidUtf8(article);
    if (keep_html_) article->raw_html = std::move(content);
  }

 private:
  bool keep_html_;
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
                                                  bool keep_html, uint64_t max_record_bytes) {
  return std::make_unique<HtmlFileReader>(std::move(path), std::move(bytes), keep_html,
                                          max_record_bytes);
}

std::unique_ptr<ArticleReader> MakeTextFileReader(std::string path,
                                                  std::unique_ptr<ByteSource> bytes,
                                                  uint64_t max_record_bytes) {
  return std::make_unique<TextFileReader>(std::move(path), std::move(bytes), max_record_bytes);
}

}  // namespace newslint
