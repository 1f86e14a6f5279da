#include "lint/readers/reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "lint/readers/formats.h"
#include "lint/readers/line_source.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;

enum class Format { kJsonl, kHtml, kText };

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  return std::equal(s.begin(), s.end(), suffix.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

// The name without a trailing .gz or .zst.
std::string_view WithoutCompressionSuffix(std::string_view name) {
  for (std::string_view suffix : {".gz", ".zst"}) {
    if (EndsWithIgnoringCase(name, suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return name;
}


bool IsHtmlName(std::string_view name) {
  name = WithoutCompressionSuffix(name);
  return EndsWithIgnoringCase(name, ".html") || EndsWithIgnoringCase(name, ".htm");
}

Format FormatOf(std::string_view path) {
  if (IsJsonlPath(path)) return Format::kJsonl;
  if (IsHtmlName(path)) return Format::kHtml;
  return Format::kText;
}

// Names a folder walk takes: what `newslint check folder/` should lint.
bool IsKnownInputName(std::string_view name) {
  return IsJsonlPath(name) || EndsWithIgnoringCase(name, ".html") ||
         EndsWithIgnoringCase(name, ".htm") || EndsWithIgnoringCase(name, ".txt");
}

std::string CannotRead(const std::string& path, const std::error_code& ec) {
  return "cannot read '" + path + "': " + ec.message();
}

bool WalkFolder(const fs::path& folder, std::vector<std::string>* files, std::string* error) {
  struct Entry {
    std::string name;
    bool is_folder;
  };
  std::vector<Entry> entries;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    // Folders are entered only when they are real folders, not symlinks, so a
    // walk cannot loop; symlinks to files are read.
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      entries.push_back({std::move(name), true});
    } else if (it->is_regular_file(type_ec) && IsKnownInputName(name)) {
      entries.push_back({std::move(name), false});
    }
  }
  if (ec) {
    *error = CannotRead(folder.string(), ec);
    return false;
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (const Entry& entry : entries) {
    fs::path path = folder / entry.name;
    if (entry.is_folder) {
      if (!WalkFolder(path, files, error)) return false;
    } else {
      files->push_back(path.string());
    }
  }
  return true;
}

}  // namespace

bool IsJsonlPath(std::string_view path) {
  if (path == "-") return true;
  std::string_view name = WithoutCompressionSuffix(path);
  return EndsWithIgnoringCase(name, ".jsonl") || EndsWithIgnoringCase(name, ".ndjson") ||
         EndsWithIgnoringCase(name, ".json");
}

void ClearArticle(Article* article) {
  article->id.clear();
  article->source.clear();
  article->record = 0;
  article->url.clear();
  article->title.clear();
  article->byline.clear();
  article->published.clear();
  article->site.clear();
  article->text.clear();
  article->links.clear();
  article->blocks.clear();
  article->raw_html.clear();
  article->input_findings.clear();
  article->has_raw_record = false;
  article->raw_record.clear();
  article->raw_text_value = {};
  article->undecoded.clear();
  article->decoder.reset();
}

uint64_t RecordLimit(const ReadOptions& options) {
  return options.keep_raw_record ? UINT64_MAX : options.max_record_bytes;
}

void AddRecordTooLarge(Article* article, uint64_t bytes, uint64_t limit) {
  article->AddInputFinding("input/record-too-large",
                           "record of " + std::to_string(bytes) + " bytes is over the limit of " +
                               std::to_string(limit) + " bytes (--max-record-bytes); not read",
                           {}, {{"bytes", static_cast<int64_t>(bytes)},
                                {"limit", static_cast<int64_t>(limit)}});
}

std::unique_ptr<ArticleReader> OpenReader(const std::string& path, const ReadOptions& options,
                                          std::string* error) {
  const Format format = FormatOf(path);
  JsonlFieldNames names;
  if (format == Format::kJsonl && !ResolveJsonlFieldNames(options, &names, error)) return nullptr;
  Compression compression = CompressionOfName(path);
  if (format != Format::kJsonl && compression == Compression::kDetect) {
    compression = Compression::kNone;
  }
  std::unique_ptr<ByteSource> bytes = OpenByteSource(path, compression, error, options.stdin_copy);
  if (bytes == nullptr) return nullptr;
  switch (format) {
    case Format::kJsonl:
      return MakeJsonlReader(path, std::move(bytes), std::move(names), options.keep_html,
                             options.keep_raw_record, 1, RecordLimit(options),
                             options.defer_decoding);
    case Format::kHtml:
      return MakeHtmlFileReader(path, std::move(bytes), options.keep_html,
                                RecordLimit(options), options.defer_decoding);
    case Format::kText:
      break;
  }
  return MakeTextFileReader(path, std::move(bytes), RecordLimit(options));
}

bool ExpandInputs(const std::vector<std::string>& paths, std::vector<std::string>* files,
                  std::string* error) {
  for (const std::string& path : paths) {
    if (path == "-") {
      files->push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec) {
      *error = CannotRead(path, ec);
      return false;
    }
    if (fs::is_directory(status)) {
      if (!WalkFolder(path, files, error)) return false;
    } else {
      files->push_back(path);
    }
  }
  return true;
}

}  // namespace newslint
