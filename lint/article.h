// newslint: the Article, one record being linted.
//
// Readers (lint/readers/) turn every input record into exactly one Article,
// even a record that could not be read: its problems are recorded in
// `input_findings` (rule ids `input/*`) and the article goes through the
// pipeline with whatever text could be recovered (often none). This is what
// keeps output records aligned with input records.
//
// All byte offsets in newslint refer to `text`, which is kept byte for byte as
// the scraper produced it: invalid UTF-8 is not replaced (it is reported as
// `input/invalid-utf8`).

#ifndef NEWSLINT_LINT_ARTICLE_H_
#define NEWSLINT_LINT_ARTICLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"

namespace newslint {

// Where on the page a link sat. HTML input knows; JSONL input usually does not.
enum class LinkRegion { kBody, kNav, kHeader, kFooter, kAside, kHidden, kUnknown };

std::string_view LinkRegionName(LinkRegion r);  // "body", "nav", ..., "unknown"

class RecordDecoder;

struct Link {
  std::string href;
  std::string anchor_text;
  int64_t line = 0;  // 1-based line of `text` the anchor sits on; 0 if unknown
  LinkRegion region = LinkRegion::kUnknown;
};

// DOM evidence behind one line of `text` (HTML input only).
struct Block {
  std::string tag_path;             // e.g. "html>body>div>footer>p"
  std::vector<std::string> tokens;  // class and id tokens on the path, lower-cased
};

struct Article {
  std::string id;       // from the record, else "<file>:<line>", else the file name
  std::string source;   // the input file ("-" for stdin)
  int64_t record = 0;   // 1-based line in a JSONL file; 1 for a whole-file article
  std::string url;
  std::string title;
  std::string byline;
  std::string published;
  std::string site;     // host of `url`, lower-cased, without "www."
  std::string text;
  std::vector<Link> links;
  std::vector<Block> blocks;  // HTML input: one per line of `text`; else empty
  std::string raw_html;       // when the input had it (HTML file or `html` field)
  std::vector<Finding> input_findings;  // input/* problems found while reading

  // The record as read, for writing it back with only its text changed
  // (`newslint check --fix`). Kept only when ReadOptions::keep_raw_record is
  // set, and only by the JSONL reader; empty otherwise, so normal runs pay
  // nothing.
  //   has_raw_record  true for every JSONL record read with the option, also
  //                   one that could not be parsed
  //   raw_record      the line as read, without its "\n" (a "\r" before it
  //                   kept); a UTF-8 byte order mark opening a file is not
  //                   part of its first record
  //   raw_text_value  where the text field's JSON string sits in raw_record,
  //                   quotes included; empty when `text` did not come from a
  //                   string text field (bad JSON, no text, text from html)
  bool has_raw_record = false;
  std::string raw_record;
  Span raw_text_value;

  // A record read with ReadOptions::defer_decoding and not yet decoded: its
  // line (with padding capacity after it) and what decodes it
  // (FinishReading). Empty and null otherwise.
  std::string undecoded;
  std::shared_ptr<const RecordDecoder> decoder;

  // Records an input/* finding on this article. `span` is into `text` (empty
  // span at 0 when the problem is the whole record).
  void AddInputFinding(std::string rule, std::string message, Span span = {},
                       Evidence evidence = {});
};

// Decodes a record that a reader left undecoded (ReadOptions::defer_decoding
// in lint/readers/reader.h). Decode() is called from any thread, for many
// records at once.
class RecordDecoder {
 public:
  virtual ~RecordDecoder() = default;
  // Fills *article (id, source and record set as the reader sets them before
  // decoding) from `record`, the bytes the reader kept (Article::undecoded,
  // moved in: a JSONL line keeps at least 64 bytes of capacity after its
  // end, which the parser reads).
  virtual void Decode(std::string record, Article* article) const = 0;
};

// Decodes *article when it was read with ReadOptions::defer_decoding (then
// Article::decoder is set); nothing otherwise.
void FinishReading(Article* article);

// --max-text-bytes: how much of a text the rules lint. Memory while an
// article is linted grows with its units (lines, tokens, quotation marks,
// each described by the shared views), 30 times the text for news but up to
// 120 times for text that is all separators, and a record may be as large as
// --max-record-bytes. So the rules see at most the first `max_bytes` bytes of
// a text and at most its first max_bytes / kMinBytesPerLine lines (a page of
// blank lines is the most lines per byte); the engine reports the rest as
// input/text-too-long. The longest news articles are a few hundred
// kilobytes, well inside the default. 0: no limit.
inline constexpr uint64_t kDefaultMaxTextBytes = uint64_t{1} << 20;
inline constexpr uint64_t kMinBytesPerLine = 16;

// Where the part of `text` the rules lint ends: text.size() when the text
// is within both limits, else the end of the last line (its "\n" included)
// that fits both, or, when the first line alone is over max_bytes, the last
// code point boundary at or before max_bytes.
size_t LintedLength(std::string_view text, uint64_t max_bytes);
// The lines LintedLength allows with `max_bytes`: max_bytes / kMinBytesPerLine, at least 1.
inline uint64_t MaxLintedLines(uint64_t max_bytes) {
  return max_bytes / kMinBytesPerLine > 0 ? max_bytes / kMinBytesPerLine : 1;
}
// The lines of `part`, a text's start cut after a "\n" or inside a line:
// its line breaks, plus one for a last line without one (none when empty).
size_t LinesOfPart(std::string_view part);

// The article the rules see: `article` itself when LintedLength keeps its
// whole text, else *storage, filled with its metadata, the first
// LintedLength bytes of its text, the DOM blocks of those lines and the links
// that are not on a later line (not raw_html, raw_record or input_findings,
// which the rules do not read).
const Article& LintedPart(const Article& article, uint64_t max_bytes, Article* storage);

// Host of a URL, lower-cased and without a leading "www."; "" if none.
std::string SiteOfUrl(std::string_view url);

}  // namespace newslint

#endif  // NEWSLINT_LINT_ARTICLE_H_
