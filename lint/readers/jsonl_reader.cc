// JSON Lines: one Article per line, parsed with simdjson On Demand.
//
// A record's fields are read in one pass over the object. Each article field
// has a list of record field names (JsonlFieldNames); the first name of the
// list present in the record wins, whatever the order of the record's keys.
// A field present with the value null counts as absent. Values of fields
// newslint does not read are checked for structure only.

#include <simdjson.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/readers/formats.h"
#include "lint/readers/html_extractor.h"
#include "lint/readers/invalid_utf8.h"
#include "lint/scratch.h"

namespace newslint {
namespace {

namespace od = simdjson::ondemand;

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING);

enum Slot { kId, kUrl, kTitle, kByline, kPublished, kText, kHtml, kLinks, kSlotCount };

std::string_view TypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "unknown";
}

std::string_view TrimJsonSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The names of a link object's fields, in priority order.
constexpr std::string_view kLinkHrefNames[] = {"href", "url"};
constexpr std::string_view kLinkTextNames[] = {"text", "anchor", "anchor_text"};
constexpr size_t kNotFound = SIZE_MAX;

template <size_t N>
size_t IndexOf(const std::string_view (&names)[N], std::string_view key) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == key) return i;
  }
  return kNotFound;
}

LinkRegion RegionNamed(std::string_view name) {
  for (LinkRegion r : {LinkRegion::kBody, LinkRegion::kNav, LinkRegion::kHeader,
                       LinkRegion::kFooter, LinkRegion::kAside, LinkRegion::kHidden}) {
    if (LinkRegionName(r) == name) return r;
  }
  return LinkRegion::kUnknown;
}

// The value chosen so far for one article field in the record being read.
struct SlotValue {
  int priority = INT_MAX;  // index of its name in the slot's list; INT_MAX: none
  std::string_view name;   // the record field it came from
  od::json_type type = od::json_type::null;
  std::string_view scalar;        // a string's value, or a number as written
  std::vector<std::string> list;  // an array's strings (byline)
  bool seen_null = false;         // some name of the slot was present as null
  Span raw;  // a string's JSON token (quotes included) in the parsed buffer; keep_raw only

  bool present() const { return priority != INT_MAX; }
  bool usable_as_string() const {
    return present() && (type == od::json_type::string || type == od::json_type::number);
  }
};

// Turns one JSONL line into an Article: the record's fields by the names
// tried for each (JsonlFieldNames), input/* findings for what cannot be
// read. Holds the parser and scratch buffers, so one per thread.
class JsonlRecordDecoder {
 public:
  JsonlRecordDecoder(const JsonlFieldNames& names, bool keep_html, bool keep_raw)
      : keep_html_(keep_html), keep_raw_(keep_raw) {
    auto add = [&](Slot slot, const std::vector<std::string>& list) {
      slot_names_[slot] = list;
      for (size_t i = 0; i < list.size(); ++i) {
        name_index_.push_back({list[i], slot, static_cast<int>(i)});
      }
    };
    add(kId, names.id);
    add(kUrl, names.url);
    add(kTitle, names.title);
    add(kByline, names.byline);
    add(kPublished, names.published);
    add(kText, names.text);
    add(kHtml, names.html);
    add(kLinks, names.links);
    std::sort(name_index_.begin(), name_index_.end());
  }

  // Fills *article (source and record already set) from `line`, which has
  // kLinePadding readable bytes after its end; the id defaults to
  // "<source>:<record>".
  void Decode(std::string_view line, Article* article) {
    ReadRecord(line, article);
    if (article->id.empty()) article->id = DefaultId(*article);
    // The parser keeps room for the longest line it parsed (several bytes
    // per byte: a 12 MB line left 32 MB); past kMaxKeptBytes that room goes
    // back, as a scratch buffer's does (lint/scratch.h), rather than staying
    // with the reader for the rest of its file.
    if (parser_.capacity() > kMaxKeptBytes) parser_ = od::parser();
  }

  static std::string DefaultId(const Article& article) {
    return article.source + ":" + std::to_string(article.record);
  }

 private:
  struct NameEntry {
    std::string name;
    Slot slot;
    int priority;
    friend bool operator<(const NameEntry& a, const NameEntry& b) { return a.name < b.name; }
  };

  void ReadRecord(std::string_view line, Article* article) {
    if (TrimJsonSpace(line).empty()) {
      article->AddInputFinding("input/invalid-json", "blank line");
      return;
    }
    simdjson::padded_string_view json(line.data(), line.size(), line.size() + kLinePadding);
    masked_ = false;
    json_base_ = line.data();
    if (!simdjson::validate_utf8(line.data(), line.size())) {
      if (!mask_.Mask(line, InvalidByteMask::Syntax::kJson, &masked_line_)) {
        article->AddInputFinding("input/invalid-json",
                                 "line is not valid UTF-8 and cannot be parsed");
        return;
      }
      masked_ = true;
      masked_line_.reserve(masked_line_.size() + simdjson::SIMDJSON_PADDING);
      json = simdjson::padded_string_view(masked_line_);
      json_base_ = masked_line_.data();
    }
    for (SlotValue& slot : slots_) slot = SlotValue{};
    links_.clear();
    std::string problem;
    if (simdjson::error_code error = ParseFields(json, &problem)) {
      if (problem.empty())
        problem = "line is not valid JSON: " + std::string(simdjson::error_message(error));
      article->AddInputFinding("input/invalid-json", std::move(problem));
      return;
    }
    FillArticle(article);
  }

  simdjson::error_code ParseFields(simdjson::padded_string_view json, std::string* problem) {
    od::document doc;
    if (auto error = parser_.iterate(json).get(doc)) return error;
    od::json_type type;
    if (auto error = doc.type().get(type)) return error;
    if (type != od::json_type::object) {
      *problem = "line is not a JSON object but " + std::string(TypeName(type));
      return simdjson::INCORRECT_TYPE;
    }
    od::object object;
    if (auto error = doc.get_object().get(object)) return error;
    for (auto field : object) {
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) return error;
      auto [first, last] = std::equal_range(name_index_.begin(), name_index_.end(), key, Compare{});
      if (first == last) continue;
      od::value value;
      if (auto error = field.value().get(value)) return error;
      if (auto error = ReadValue(first, last, value)) return error;
    }
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS) {
      *problem = "line is not valid JSON: content after the end of the object";
      return simdjson::TAPE_ERROR;
    }
    return simdjson::SUCCESS;
  }

  struct Compare {
    bool operator()(const NameEntry& e, std::string_view key) const { return e.name < key; }
    bool operator()(std::string_view key, const NameEntry& e) const { return key < e.name; }
  };

  // Reads a value for every slot in [first, last) (usually one) that it wins.
  simdjson::error_code ReadValue(std::vector<NameEntry>::const_iterator first,
                                 std::vector<NameEntry>::const_iterator last, od::value& value) {
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    bool wanted = false;
    for (auto it = first; it != last; ++it) {
      SlotValue& slot = slots_[it->slot];
      if (type == od::json_type::null) {
        slot.seen_null = true;
      } else if (it->priority < slot.priority) {
        wanted = true;
      }
    }
    if (!wanted) return simdjson::SUCCESS;

    std::string_view scalar;
    std::vector<std::string> list;
    std::vector<Link> links;
    bool is_links = false;
    Span raw;
    if (type == od::json_type::string) {
      if (keep_raw_) {
        // The token runs to the next structural character: trim the spaces.
        std::string_view token = TrimJsonSpace(value.raw_json_token());
        raw.start = static_cast<size_t>(token.data() - json_base_);
        raw.end = raw.start + token.size();
      }
      if (auto error = value.get_string().get(scalar)) return error;
    } else if (type == od::json_type::number) {
      scalar = TrimJsonSpace(value.raw_json_token());
    } else if (type == od::json_type::array) {
      for (auto it = first; it != last; ++it) is_links |= it->slot == kLinks;
      if (auto error = is_links ? ReadLinks(value, &links) : ReadStrings(value, &list)) {
        return error;
      }
    }
    for (auto it = first; it != last; ++it) {
      SlotValue& slot = slots_[it->slot];
      if (type == od::json_type::null || it->priority >= slot.priority) continue;
      slot.priority = it->priority;
      slot.name = it->name;
      slot.type = type;
      slot.scalar = scalar;
      slot.list = list;
      slot.raw = raw;
      if (it->slot == kLinks) links_ = links;
    }
    return simdjson::SUCCESS;
  }

  // Strings of an array, and the "name" of objects in it (author lists).
  static simdjson::error_code ReadStrings(od::value& value, std::vector<std::string>* out) {
    od::array array;
    if (auto error = value.get_array().get(array)) return error;
    for (auto element : array) {
      od::value item;
      if (auto error = element.get(item)) return error;
      od::json_type type;
      if (auto error = item.type().get(type)) return error;
      std::string_view s;
      if (type == od::json_type::string) {
        if (auto error = item.get_string().get(s)) return error;
      } else if (type == od::json_type::object) {
        od::object object;
        if (auto error = item.get_object().get(object)) return error;
        for (auto field : object) {
          std::string_view key;
          if (auto error = field.unescaped_key().get(key)) return error;
          if (key != "name") continue;
          od::value name;
          if (auto error = field.value().get(name)) return error;
          if (name.get_string().get(s) != simdjson::SUCCESS) s = {};
        }
      }
      if (!TrimJsonSpace(s).empty()) out->emplace_back(TrimJsonSpace(s));
    }
    return simdjson::SUCCESS;
  }

  // An array of hrefs, or of objects {href|url, text|anchor|anchor_text, region}.
  static simdjson::error_code ReadLinks(od::value& value, std::vector<Link>* out) {
    od::array array;
    if (auto error = value.get_array().get(array)) return error;
    for (auto element : array) {
      od::value item;
      if (auto error = element.get(item)) return error;
      od::json_type type;
      if (auto error = item.type().get(type)) return error;
      Link link;
      if (type == od::json_type::string) {
        std::string_view href;
        if (auto error = item.get_string().get(href)) return error;
        link.href = std::string(href);
      } else if (type == od::json_type::object) {
        od::object object;
        if (auto error = item.get_object().get(object)) return error;
        size_t href_rank = kNotFound, text_rank = kNotFound;
        for (auto field : object) {
          std::string_view key;
          if (auto error = field.unescaped_key().get(key)) return error;
          const size_t href_at = IndexOf(kLinkHrefNames, key);
          const size_t text_at = IndexOf(kLinkTextNames, key);
          const bool is_href = href_at < href_rank;
          const bool is_text = text_at < text_rank;
          if (!is_href && !is_text && key != "region") continue;
          od::value v;
          if (auto error = field.value().get(v)) return error;
          std::string_view s;
          if (v.get_string().get(s) != simdjson::SUCCESS) continue;
          if (is_href) {
            link.href = std::string(s);
            href_rank = href_at;
          } else if (is_text) {
            link.anchor_text = std::string(s);
            text_rank = text_at;
          } else {
            link.region = RegionNamed(s);
          }
        }
      } else {
        continue;
      }
      out->push_back(std::move(link));
    }
    return simdjson::SUCCESS;
  }

  // Copies a string slot into *field, restoring bytes that are not UTF-8.
  void Take(Slot slot, std::string* field) {
    const SlotValue& value = slots_[slot];
    if (value.usable_as_string()) {
      field->assign(value.scalar);
    } else if (value.type == od::json_type::array && !value.list.empty()) {
      field->clear();
      for (const std::string& item : value.list) {
        if (!field->empty()) field->append(", ");
        field->append(item);
      }
    } else {
      return;
    }
    if (masked_) mask_.Unmask(field);
  }

  // A span of the parsed buffer as a span of the line as read: the same,
  // unless invalid bytes were masked (one byte read, four bytes parsed).
  Span RawSpan(Span parsed) {
    if (!masked_) return parsed;
    std::string prefix = masked_line_.substr(0, parsed.start);
    std::string token = masked_line_.substr(parsed.start, parsed.size());
    mask_.Unmask(&prefix);
    mask_.Unmask(&token);
    return {prefix.size(), prefix.size() + token.size()};
  }

  std::string TriedNames(Slot slot) const {
    std::string names;
    for (const std::string& n : slot_names_[slot]) names += (names.empty() ? "" : ", ") + n;
    return names;
  }

  void FillArticle(Article* article) {
    const SlotValue& id = slots_[kId];
    if (id.usable_as_string()) Take(kId, &article->id);
    Take(kUrl, &article->url);
    Take(kTitle, &article->title);
    Take(kByline, &article->byline);
    Take(kPublished, &article->published);
    if (slots_[kLinks].present()) {
      article->links = std::move(links_);
      if (masked_) {
        for (Link& link : article->links) {
          mask_.Unmask(&link.href);
          mask_.Unmask(&link.anchor_text);
        }
      }
    }

    const SlotValue& text = slots_[kText];
    const SlotValue& html = slots_[kHtml];
    std::string html_string;
    if (html.present() && html.type == od::json_type::string) {
      Take(kHtml, &html_string);
      if (keep_html_) article->raw_html = html_string;
    }
    bool check_utf8 = masked_;
    if (text.present()) {
      if (text.type == od::json_type::string) {
        Take(kText, &article->text);
        if (keep_raw_) article->raw_text_value = RawSpan(text.raw);
      } else {
        article->AddInputFinding("input/missing-text",
                                 "field '" + std::string(text.name) + "' is " +
                                     std::string(TypeName(text.type)) + ", not a string");
      }
    } else if (html.present() && html.type == od::json_type::string) {
      std::vector<Link> record_links = std::move(article->links);
      ExtractHtml(html_string, article);
      if (slots_[kLinks].present()) article->links = std::move(record_links);
      check_utf8 = true;
    } else {
      std::string message = "record has no text field (tried " + TriedNames(kText) + ")";
      if (text.seen_null) message += "; the text field is null";
      if (html.present()) {
        message += "; '" + std::string(html.name) + "' is " + std::string(TypeName(html.type));
      }
      article->AddInputFinding("input/missing-text", std::move(message));
    }
    article->site = SiteOfUrl(article->url);
    if (check_utf8) ReportInvalidUtf8(article);
  }

  bool keep_html_;
  bool keep_raw_;
  const char* json_base_ = nullptr;  // the buffer being parsed (the line, or masked_line_)
  std::vector<std::string> slot_names_[kSlotCount];
  std::vector<NameEntry> name_index_;  // sorted by name

  od::parser parser_;
  InvalidByteMask mask_;
  std::string masked_line_;
  bool masked_ = false;
  SlotValue slots_[kSlotCount];
  std::vector<Link> links_;
};


// ReadOptions::defer_decoding: the records' lines are decoded on the thread
// that calls FinishReading(), each thread with a decoder of its own, made
// from the same settings when it first decodes a line of this file.
class DeferredJsonl : public RecordDecoder {
 public:
  DeferredJsonl(JsonlFieldNames names, bool keep_html, bool keep_raw)
      : names_(std::move(names)), keep_html_(keep_html), keep_raw_(keep_raw) {}

  void Decode(std::string record, Article* article) const override {
    struct Mine {
      uint64_t generation = 0;  // of the DeferredJsonl the decoder was made for
      std::unique_ptr<JsonlRecordDecoder> decoder;
    };
    thread_local Mine mine;
    // By generation, not by address: a later file's settings may come at the
    // address of an earlier one's.
    if (mine.generation != generation_) {
      mine.decoder = std::make_unique<JsonlRecordDecoder>(names_, keep_html_, keep_raw_);
      mine.generation = generation_;
    }
    mine.decoder->Decode(record, article);
  }

 private:
  static uint64_t NextGeneration() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1);
  }

  JsonlFieldNames names_;
  bool keep_html_;
  bool keep_raw_;
  uint64_t generation_ = NextGeneration();
};

class JsonlReader : public ArticleReader {
 public:
  JsonlReader(std::string path, std::unique_ptr<ByteSource> bytes, JsonlFieldNames names,
              bool keep_html, bool keep_raw, int64_t first_line, uint64_t max_record_bytes,
              bool defer)
      : path_(std::move(path)), lines_(std::move(bytes)), keep_raw_(keep_raw),
        line_number_(first_line - 1), decoder_(names, keep_html, keep_raw) {
    max_record_bytes_ = max_record_bytes;
    if (max_record_bytes < static_cast<uint64_t>(SIZE_MAX)) {
      lines_.set_max_line(static_cast<size_t>(max_record_bytes));
    }
    if (defer) deferred_ = std::make_shared<DeferredJsonl>(std::move(names), keep_html, keep_raw);
  }

  bool Next(Article* article) override {
    std::string_view line;
    if (!lines_.Next(&line)) return false;
    ++line_number_;
    ClearArticle(article);
    article->source = path_;
    article->record = line_number_;
    const bool bom = line_number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF";
    if (keep_raw_) {
      article->has_raw_record = true;
      article->raw_record.assign(bom ? line.substr(3) : line);
    }
    if (lines_.oversized() > 0) {
      article->id = JsonlRecordDecoder::DefaultId(*article);
      AddRecordTooLarge(article, lines_.oversized(), max_record_bytes_);
      if (!lines_.error().empty()) {
        article->AddInputFinding("input/read-error",
                                 "input ends early in line " + std::to_string(line_number_) +
                                     ": " + lines_.error());
      }
      return true;
    }
    if (!lines_.error().empty()) {
      std::string message =
          "input ends early in line " + std::to_string(line_number_) + ": " + lines_.error();
      if (!line.empty()) message += " (" + std::to_string(line.size()) + " bytes of the line read)";
      article->id = JsonlRecordDecoder::DefaultId(*article);
      article->AddInputFinding("input/read-error", std::move(message));
      return true;
    }
    if (bom) line.remove_prefix(3);
    if (deferred_) {
      // A copy with the padding the parser reads past the end.
      article->undecoded.reserve(line.size() + kLinePadding);
      article->undecoded.assign(line);
      article->decoder = deferred_;
      return true;
    }
    decoder_.Decode(line, article);
    return true;
  }

  uint64_t bytes_read() const override { return lines_.bytes_consumed(); }
  uint64_t source_position() const override { return lines_.raw_bytes_read(); }

 private:
  std::string path_;
  LineSource lines_;
  uint64_t max_record_bytes_ = UINT64_MAX;
  bool keep_raw_;
  int64_t line_number_ = 0;
  JsonlRecordDecoder decoder_;
  std::shared_ptr<const DeferredJsonl> deferred_;
};

}  // namespace

bool ResolveJsonlFieldNames(const ReadOptions& options, JsonlFieldNames* names,
                            std::string* error) {
  for (const auto& [article_field, record_field] : options.fields) {
    std::vector<std::string>* list = nullptr;
    if (article_field == "id")
      list = &names->id;
    else if (article_field == "url")
      list = &names->url;
    else if (article_field == "title")
      list = &names->title;
    else if (article_field == "byline")
      list = &names->byline;
    else if (article_field == "published")
      list = &names->published;
    else if (article_field == "text")
      list = &names->text;
    else if (article_field == "html")
      list = &names->html;
    else if (article_field == "links")
      list = &names->links;
    if (list == nullptr) {
      *error = "newslint: unknown article field '" + article_field +
               "' in --field (expected id, url, title, byline, published, text, html or links)";
      return false;
    }
    *list = {record_field};
  }
  return true;
}

std::unique_ptr<ArticleReader> MakeJsonlReader(std::string path, std::unique_ptr<ByteSource> bytes,
                                               JsonlFieldNames names, bool keep_html,
                                               bool keep_raw_record, int64_t first_line,
                                               uint64_t max_record_bytes, bool defer_decoding) {
  return std::make_unique<JsonlReader>(std::move(path), std::move(bytes), std::move(names),
                                       keep_html, keep_raw_record, first_line, max_record_bytes,
                                       defer_decoding);
}

}  // namespace newslint
