#include "reports/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <variant>

#include "reports/analysis_table.h"

namespace newslint {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// True when one of the 8 bytes of `w` may need attention: a control
// character, '"', '\\' or a non-ASCII byte (false positives are fine).
inline bool NeedsAttention(uint64_t w) {
  uint64_t below_space = (w - kOnes * 0x20) & ~w;
  uint64_t q = w ^ (kOnes * '"');
  uint64_t b = w ^ (kOnes * '\\');
  uint64_t quote = (q - kOnes) & ~q;
  uint64_t backslash = (b - kOnes) & ~b;
  return ((below_space | quote | backslash | w) & kHighs) != 0;
}

// Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0.
inline size_t Utf8SequenceLength(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void AppendEscapedAscii(std::string* out, unsigned char c) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\b': out->append("\\b"); return;
    case '\f': out->append("\\f"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    default: break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out->append(buf, 6);
}

// Appends `s` as a JSON string literal; returns how many invalid bytes were
// replaced by U+FFFD (0: `s` is valid UTF-8).
size_t EscapeString(std::string* out, std::string_view s) {
  size_t replaced = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->push_back('"');
  size_t run = 0;  // start of the bytes copied verbatim at the next flush
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (NeedsAttention(w)) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out->append(s.data() + run, i - run);
      AppendEscapedAscii(out, c);
      run = ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    bool line_separator = len == 3 && c == 0xE2 && p[i + 1] == 0x80 &&
                          (p[i + 2] == 0xA8 || p[i + 2] == 0xA9);
    if (len != 0 && !line_separator) {
      i += len;
      continue;
    }
    out->append(s.data() + run, i - run);
    if (line_separator) {
      out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
      i += 3;
    } else {
      out->append("\xEF\xBF\xBD");  // U+FFFD for one invalid byte
      i += 1;
      ++replaced;
    }
    run = i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
  return replaced;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) { EscapeString(out, s); }

void AppendJsonDouble(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  std::string_view text(buf, static_cast<size_t>(end - buf));
  out->append(text);
  if (text.find_first_of(".eE") == std::string_view::npos) out->append(".0");
}

void AppendBase64(std::string* out, std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  size_t at = out->size();
  out->resize(at + (n + 2) / 3 * 4);
  char* o = out->data() + at;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t{p[i]} << 16) | (uint32_t{p[i + 1]} << 8) | p[i + 2];
    *o++ = kAlphabet[v >> 18];
    *o++ = kAlphabet[(v >> 12) & 63];
    *o++ = kAlphabet[(v >> 6) & 63];
    *o++ = kAlphabet[v & 63];
  }
  if (n - i == 1) {
    uint32_t v = uint32_t{p[i]} << 16;
    *o++ = kAlphabet[v >> 18];
    *o++ = kAlphabet[(v >> 12) & 63];
    *o++ = '=';
    *o++ = '=';
  } else if (n - i == 2) {
    uint32_t v = (uint32_t{p[i]} << 16) | (uint32_t{p[i + 1]} << 8);
    *o++ = kAlphabet[v >> 18];
    *o++ = kAlphabet[(v >> 12) & 63];
    *o++ = kAlphabet[(v >> 6) & 63];
    *o++ = '=';
  }
}

// --- JsonWriter -------------------------------------------------------------

JsonWriter::JsonWriter(std::string* out, Layout layout) : out_(out), layout_(layout) {}

bool JsonWriter::indented() const {
  return layout_ == Layout::kIndented && (stack_.empty() || !stack_.back().one_line);
}

void JsonWriter::NewLine(size_t depth) {
  out_->push_back('\n');
  out_->append(depth * 2, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  if (!f.first) out_->push_back(',');
  f.first = false;
  if (indented()) NewLine(stack_.size());
}

void JsonWriter::Open(char bracket, bool one_line) {
  BeforeValue();
  out_->push_back(bracket);
  bool inherited = !stack_.empty() && stack_.back().one_line;
  stack_.push_back(Frame{true, one_line || inherited});
}

void JsonWriter::Close(char bracket) {
  assert(!stack_.empty() && !after_key_);
  bool had_items = !stack_.back().first;
  bool was_indented = indented();
  stack_.pop_back();
  if (had_items && was_indented) NewLine(stack_.size());
  out_->push_back(bracket);
}

void JsonWriter::BeginObject(bool one_line) { Open('{', one_line); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray(bool one_line) { Open('[', one_line); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(std::string_view key) {
  assert(!stack_.empty() && !after_key_);
  BeforeValue();
  AppendJsonString(out_, key);
  out_->append(indented() ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
}

// One pass for the common case: escape, and only when a byte had to be
// replaced (the text is not valid UTF-8) take it back and write base64.
void JsonWriter::Text(std::string_view s) {
  BeforeValue();
  size_t mark = out_->size();
  if (EscapeString(out_, s) == 0) return;
  out_->resize(mark);
  out_->append("{\"bytes\":\"");
  AppendBase64(out_, s);
  out_->append("\"}");
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out_->append(buf, static_cast<size_t>(end - buf));
}

void JsonWriter::Double(double v) {
  BeforeValue();
  AppendJsonDouble(out_, v);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::WriteEvidence(const Evidence& evidence) {
  BeginObject();
  for (const auto& [key, value] : evidence) {
    Key(key);
    std::visit(
        [this](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) {
            Bool(v);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            Int(v);
          } else if constexpr (std::is_same_v<T, double>) {
            Double(v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            String(v);
          } else {
            BeginArray();
            for (const std::string& s : v) String(s);
            EndArray();
          }
        },
        value);
  }
  EndObject();
}

void JsonWriter::WriteFix(const std::optional<Fix>& fix) {
  if (!fix) {
    Null();
    return;
  }
  BeginObject();
  Key("start");
  Int(static_cast<int64_t>(fix->span.start));
  Key("end");
  Int(static_cast<int64_t>(fix->span.end));
  Key("text");
  String(fix->text);
  EndObject();
}

// --- newslint objects ---------------------------------------------------------

void WriteFinding(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Key("rule");
  w.String(f.rule);
  w.Key("severity");
  w.String(SeverityName(f.severity));
  w.Key("message");
  w.String(f.message);
  w.Key("span");
  w.BeginObject();
  w.Key("start");
  w.Int(static_cast<int64_t>(f.span.start));
  w.Key("end");
  w.Int(static_cast<int64_t>(f.span.end));
  w.EndObject();
  w.Key("line");
  w.Int(f.line);
  w.Key("column");
  w.Int(f.column);
  w.Key("excerpt");
  w.String(f.excerpt);
  w.Key("evidence");
  w.WriteEvidence(f.evidence);
  w.Key("fix");
  w.WriteFix(f.fix);
  w.EndObject();
}

void WriteRecord(JsonWriter& w, const Article& a, const std::vector<Finding>& findings,
                 const ReportOptions& options) {
  w.BeginObject(/*one_line=*/true);
  w.Key("id");
  w.String(a.id);
  w.Key("source");
  w.String(a.source);
  w.Key("record");
  w.Int(a.record);
  w.Key("url");
  w.String(a.url);
  w.Key("site");
  w.String(a.site);
  w.Key("findings");
  w.BeginArray();
  for (const Finding& f : findings) WriteFinding(w, f);
  w.EndArray();
  if (options.debug_analysis) {
    w.Key("analysis");
    WriteAnalysisTable(w, a);
  }
  if (options.include_text) {
    w.Key("text");
    w.Text(a.text);
  }
  w.EndObject();
}

void WriteSummary(JsonWriter& w, const Summary& s) {
  w.BeginObject();
  w.Key("files");
  w.Int(s.files);
  w.Key("articles");
  w.Int(s.articles);
  w.Key("articles_with_findings");
  w.Int(s.articles_with_findings);
  w.Key("findings");
  w.Int(s.findings());
  w.Key("bytes");
  w.Int(s.bytes);
  w.Key("input_bytes");
  w.Int(s.input_bytes);
  w.Key("elapsed_seconds");
  w.Double(s.elapsed_seconds);
  w.Key("mb_per_second");
  w.Double(s.mb_per_second());
  w.Key("mb_per_second_per_core");
  w.Double(s.mb_per_second_per_core());
  w.Key("jobs");
  w.Int(s.jobs);
  w.Key("by_severity");
  w.BeginObject();
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    w.Key(SeverityName(sev));
    w.Int(s.by_severity[static_cast<size_t>(sev)]);
  }
  w.EndObject();
  w.Key("by_rule");
  w.BeginObject();
  for (const auto& [id, count] : s.by_rule) {
    w.Key(id);
    w.BeginObject(/*one_line=*/true);
    w.Key("findings");
    w.Int(count.findings);
    w.Key("articles");
    w.Int(count.articles);
    w.Key("severity");
    w.String(SeverityName(count.severity));
    w.EndObject();
  }
  w.EndObject();
  w.Key("by_site");
  w.BeginObject();
  for (const auto& [site, count] : s.by_site) {
    w.Key(site);
    w.BeginObject(true);
    w.Key("articles");
    w.Int(count.articles);
    w.Key("articles_with_findings");
    w.Int(count.articles_with_findings);
    w.Key("findings");
    w.Int(count.findings);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

}  // namespace newslint
