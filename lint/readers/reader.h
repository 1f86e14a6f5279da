// newslint: readers turn input files into Articles, one record at a time.
//
//   std::string error;
//   auto reader = OpenReader("crawl/part-0001.jsonl.zst", options, &error);
//   if (!reader) { /* run failure: print error, exit 2 */ }
//   Article a;
//   while (reader->Next(&a)) { ... }
//
// Formats, chosen by file name:
//   *.jsonl, *.ndjson, *.json (each optionally .gz or .zst), and "-" (stdin):
//       JSON Lines, streamed; one Article per line (blank lines included)
//   *.html, *.htm: one Article per file, text extracted with libxml2
//   anything else named on the command line (*.txt, *.md, ...): one Article
//       per file, the file's bytes as text
//
// The contract every reader keeps: every input record yields exactly one
// Article, in input order. A record that cannot be read (bad JSON, no text
// field, invalid UTF-8, a truncated compressed stream) still yields an
// Article, carrying `input/*` findings, and reading goes on. A file that
// cannot be opened at all makes OpenReader return null; the pipeline then
// reports it as one record with `input/read-error` and goes on (a path that
// does not exist on the command line is caught before, by ExpandInputs).

#ifndef NEWSLINT_LINT_READERS_READER_H_
#define NEWSLINT_LINT_READERS_READER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/readers/stdin_copy_view.h"

namespace newslint {

// --max-record-bytes default: several times the largest news page with its
// HTML, and small enough that linting one record stays within a few hundred
// MB (a record takes about 30 times its size while its views are built:
// 8.6 MB of text peaked at 278 MB).
inline constexpr uint64_t kDefaultMaxRecordBytes = 8ull << 20;

struct ReadOptions {
  // Overrides of the JSONL field for an Article field, from --field
  // ARTICLE_FIELD=RECORD_FIELD, e.g. {"text", "body"}. Keys: id, url, title,
  // byline, published, text, html, links.
  std::map<std::string, std::string> fields;
  // Keep the HTML page in Article::raw_html (HTML files, JSONL `html` field).
  bool keep_html = false;
  // JSONL: keep each record's line and the place of its text value in it
  // (Article::raw_record, raw_text_value), for writing cleaned records.
  bool keep_raw_record = false;
  // Records (JSONL lines, whole HTML or text files) larger than this many
  // bytes are not read into memory: each becomes an input/record-too-large
  // finding on an empty article, and the run goes on (--max-record-bytes).
  // Not applied with keep_raw_record (--fix must write every record back).
  uint64_t max_record_bytes = kDefaultMaxRecordBytes;
  // JSONL and HTML files: Next() reads the record's line (the page) but
  // leaves it undecoded (Article::undecoded); FinishReading() decodes it (and
  // extracts the page's text), on any thread. The
  // pipeline sets it from three jobs on (lint/pipeline.h), so that its
  // workers, not its reading thread, parse the records (and extract the text
  // of `html` fields). Whoever sets it must call FinishReading() on every
  // article before using it.
  bool defer_decoding = false;
  // Where "-" is read from when the run copied stdin to disk first (a run
  // with dataset rules reads its input twice; StdinCopy, lint/spill.h,
  // which the views point into): the copy, read from stdin's first byte at
  // every open, ending with the error that ended stdin while it was copied
  // (the reader reports it where stdin's would have); fd -1: stdin itself.
  StdinCopyView stdin_copy;
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // Reads the next record into *article (overwriting it). False at the end.
  virtual bool Next(Article* article) = 0;
  // Bytes of input consumed so far (uncompressed), for throughput figures.
  virtual uint64_t bytes_read() const = 0;
  // Bytes of the file as stored (compressed for .gz/.zst) read so far, for
  // the progress line; may run ahead of the records returned (read buffers).
  // 0 when the reader cannot tell (then progress moves file by file).
  virtual uint64_t source_position() const { return 0; }
};

// Opens `path` ("-" for stdin, read as JSONL). Returns null and sets *error
// to a one-line message naming the file when it cannot be opened.
std::unique_ptr<ArticleReader> OpenReader(const std::string& path, const ReadOptions& options,
                                          std::string* error);

// True for "-" and for JSON Lines names (.jsonl, .ndjson, .json, each
// optionally .gz or .zst, any case): the inputs that hold one record per line.
// Reports name such a record "path#record".
bool IsJsonlPath(std::string_view path);

// Expands command-line paths into the files to read, in order: a file is
// taken as given; a folder is walked recursively, in byte order of names,
// taking only known input names (.jsonl .ndjson .json, with .gz or .zst;
// .html .htm; .txt) and skipping hidden files and folders; "-" is kept. Sets
// *error and returns false when a path does not exist.
bool ExpandInputs(const std::vector<std::string>& paths, std::vector<std::string>* files,
                  std::string* error);

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_READER_H_
