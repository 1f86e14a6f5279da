// newslint readers (private): the reader of each input format.
//
// OpenReader (reader.cc) picks one by file name; the formats themselves live
// in jsonl_reader.cc (JSON Lines) and whole_file_readers.cc (HTML and plain
// text, one Article per file).

#ifndef NEWSLINT_LINT_READERS_FORMATS_H_
#define NEWSLINT_LINT_READERS_FORMATS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/readers/line_source.h"
#include "lint/readers/reader.h"

namespace newslint {

// The article fields a JSONL record can fill, and the record field names
// tried for each, in priority order (the first one present wins).
struct JsonlFieldNames {
  std::vector<std::string> id = {"id"};
  std::vector<std::string> url = {"url", "link", "source_url", "canonical_url"};
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> byline = {"byline", "author", "authors"};
  std::vector<std::string> published = {"published",    "date",    "date_publish",
                                        "publish_date", "pubdate", "datePublished"};
  std::vector<std::string> text = {"text", "maintext", "content",
                                   "body", "article",  "article_text"};
  std::vector<std::string> html = {"html", "raw_html"};
  std::vector<std::string> links = {"links"};
};

// The default names with ReadOptions::fields applied (an override replaces
// the whole list of its article field). False, with *error set, for an
// override of a field that does not exist.
bool ResolveJsonlFieldNames(const ReadOptions& options, JsonlFieldNames* names, std::string* error);

// JSON Lines from `bytes`; `path` names the input in ids and messages.
// `first_line` is the line number of the first line of `bytes` (a shard that
// starts inside the file, lint/shard.h, keeps the file's true line numbers).
// `defer_decoding`: see ReadOptions::defer_decoding.
std::unique_ptr<ArticleReader> MakeJsonlReader(std::string path, std::unique_ptr<ByteSource> bytes,
                                               JsonlFieldNames names, bool keep_html,
                                               bool keep_raw_record = false,
                                               int64_t first_line = 1,
                                               uint64_t max_record_bytes = UINT64_MAX,
                                               bool defer_decoding = false);

// One Article per file: the page's visible text, extracted with libxml2.
std::unique_ptr<ArticleReader> MakeHtmlFileReader(std::string path,
                                                  std::unique_ptr<ByteSource> bytes,
                                                  bool keep_html,
                                                  uint64_t max_record_bytes = UINT64_MAX,
                                                  bool defer_decoding = false);

// One Article per file: the file's bytes as text (a UTF-8 BOM removed).
std::unique_ptr<ArticleReader> MakeTextFileReader(std::string path,
                                                  std::unique_ptr<ByteSource> bytes,
                                                  uint64_t max_record_bytes = UINT64_MAX);

// The input/record-too-large finding of a record of `bytes` bytes over
// `limit`, on an article left empty.
void AddRecordTooLarge(Article* article, uint64_t bytes, uint64_t limit);

// Empties every field of *article, keeping the allocated capacity of its
// strings for the next record.
void ClearArticle(Article* article);

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_FORMATS_H_
