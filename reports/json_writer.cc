#include "reports/json_writer.h"

#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <variant>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <simdjson.h>

#include "reports/analysis_table.h"

namespace newslint {

using namespace std::string_view_literals;

namespace {

// kPlainAscii[c]: byte c is copied as it is when it stands alone: printable
// ASCII (0x20..0x7F) other than '"' and '\\'. Every other byte needs a look:
// a control character or '"' / '\\' (escaped), or a byte >= 0x80 (the start
// of a UTF-8 sequence, or an invalid byte).
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// Bit k set when byte k of the 16 at p needs a look (!kPlainAscii).
inline unsigned Attention16(const unsigned char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compare: bytes >= 0x80 are negative, so "< 0x20" takes both the
  // control characters and every non-ASCII byte.
  const __m128i m = _mm_or_si128(
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(m));
#else
  unsigned m = 0;
  for (int k = 0; k < 16; ++k) m |= static_cast<unsigned>(!kPlainAscii[p[k]]) << k;
  return m;
#endif
}

// The first position at or after i (i <= n) whose byte needs a look, or n.
// Sixteen bytes at a time; the last partial block of a string of 16 bytes or
// more is read as the string's last 16 bytes with the already scanned ones
// shifted out (never a read past the end); shorter strings go byte by byte.
inline size_t NextAttention(const unsigned char* p, size_t i, size_t n) {
  for (; i + 16 <= n; i += 16) {
    const unsigned m = Attention16(p + i);
    if (m != 0) return i + static_cast<size_t>(std::countr_zero(m));
  }
  if (i == n) return n;
  if (n >= 16) {
    const unsigned m = Attention16(p + n - 16) >> (16 - (n - i));
    return m != 0 ? i + static_cast<size_t>(std::countr_zero(m)) : n;
  }
  while (i < n && kPlainAscii[p[i]]) ++i;
  return i;
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
//
// Plain bytes (kPlainAscii) are never looked at one by one: NextAttention
// skips them sixteen at a time and they are copied in runs. At a byte that
// needs a look, the bytes that need one are handled one after another
// (dense non-ASCII text does not go back to the block scan for every
// character) until the next plain byte. The output is the same as a
// code-point-at-a-time escaper's: the block scan only decides where the
// runs of plain bytes end, and every other byte goes through the same
// cases as before (escape, valid sequence kept unless U+2028/U+2029,
// invalid byte replaced).
size_t EscapeString(std::string* out, std::string_view s) {
  size_t replaced = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->push_back('"');
  size_t run = 0;  // start of the bytes copied verbatim at the next flush
  size_t i = 0;
  while ((i = NextAttention(p, i, n)) < n) {
    do {
      const unsigned char c = p[i];
      if (c < 0x80) {  // a control character, '"' or '\\'
        out->append(s.data() + run, i - run);
        AppendEscapedAscii(out, c);
        run = ++i;
        continue;
      }
      // The frequent 2-byte sequences (é, ü) first.
      if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        i += 2;
        continue;
      }
      const size_t len = Utf8SequenceLength(p + i, n - i);
      if (len == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        out->append(s.data() + run, i - run);
        out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
        run = i;
      } else if (len != 0) {
        i += len;
      } else {
        out->append(s.data() + run, i - run);
        out->append("\xEF\xBF\xBD");  // U+FFFD for one invalid byte
        i += 1;
        ++replaced;
        run = i;
      }
    } while (i < n && !kPlainAscii[p[i]]);
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
  // indented(), with the stack known not to be empty.
  if (layout_ == Layout::kIndented && !f.one_line) NewLine(stack_.size());
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
  // A key that needs no escaping (evidence names, rule ids, sites) is
  // written as it is; escaping would leave it unchanged.
  if (NextAttention(reinterpret_cast<const unsigned char*>(key.data()), 0, key.size()) ==
      key.size()) {
    SafeKey(key);
    return;
  }
  BeforeValue();
  AppendJsonString(out_, key);
  out_->append(indented() ? ": " : ":");
  after_key_ = true;
}

#ifndef NDEBUG
static bool NeedsNoEscaping(std::string_view s) {
  for (unsigned char c : s) {
    if (!kPlainAscii[c]) return false;
  }
  return true;
}
#endif

void JsonWriter::SafeKey(std::string_view key) {
  assert(!stack_.empty() && !after_key_);
  assert(NeedsNoEscaping(key));
  constexpr size_t kShortKey = 32;
  Frame& f = stack_.back();
  after_key_ = true;
  // What BeforeValue() would do here (a key always has an open object and
  // no pending key): a comma unless first, and a new line when indented.
  const bool spaced = layout_ == Layout::kIndented && !f.one_line;
  if (!spaced && key.size() <= kShortKey) {
    // Compact: `,"key":` (comma unless first) in one append.
    char buf[kShortKey + 4];
    size_t len = 0;
    buf[len] = ',';
    len += f.first ? 0 : 1;
    f.first = false;
    buf[len++] = '"';
    std::memcpy(buf + len, key.data(), key.size());
    len += key.size();
    buf[len++] = '"';
    buf[len++] = ':';
    out_->append(buf, len);
    return;
  }
  if (!f.first) out_->push_back(',');
  f.first = false;
  if (spaced) NewLine(stack_.size());
  out_->push_back('"');
  out_->append(key);
  out_->append(spaced ? "\": " : "\":");
}

void JsonWriter::SafeString(std::string_view s) {
  assert(NeedsNoEscaping(s));
  BeforeValue();
  out_->push_back('"');
  out_->append(s);
  out_->push_back('"');
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
  SafeKey("start");
  Int(static_cast<int64_t>(fix->span.start));
  SafeKey("end");
  Int(static_cast<int64_t>(fix->span.end));
  SafeKey("text");
  String(fix->text);
  EndObject();
}

std::string* JsonWriter::RawValue() {
  if (indented()) return nullptr;
  BeforeValue();
  return out_;
}

namespace {

// WriteFinding on one line, appended in pieces of literal text rather than
// through the writer's calls (a dozen keys, each a call that looked at the
// open containers: on the main thread, the JSONL report's largest cost).
// The output is the writer's, byte for byte (tests/json_writer_test.cc
// compares the two).
void AppendInt(std::string* out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out->append(buf, static_cast<size_t>(end - buf));
}

// `"key":`, escaped when the key needs it (as Key() does).
void AppendFlatKey(std::string* out, std::string_view key) {
  if (NextAttention(reinterpret_cast<const unsigned char*>(key.data()), 0, key.size()) ==
      key.size()) {
    out->push_back('"');
    out->append(key);
    out->append("\":"sv);
  } else {
    EscapeString(out, key);
    out->push_back(':');
  }
}

void AppendFlatEvidence(std::string* out, const Evidence& evidence) {
  out->push_back('{');
  bool first = true;
  for (const auto& [key, value] : evidence) {
    if (!first) out->push_back(',');
    first = false;
    AppendFlatKey(out, key);
    std::visit(
        [out](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) {
            out->append(v ? "true"sv : "false"sv);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            AppendInt(out, v);
          } else if constexpr (std::is_same_v<T, double>) {
            AppendJsonDouble(out, v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            EscapeString(out, v);
          } else {
            out->push_back('[');
            for (size_t k = 0; k < v.size(); ++k) {
              if (k > 0) out->push_back(',');
              EscapeString(out, v[k]);
            }
            out->push_back(']');
          }
        },
        value);
  }
  out->push_back('}');
}

void AppendFlatFinding(std::string* out, const Finding& f) {
  out->append("{\"rule\":"sv);
  EscapeString(out, f.rule);
  out->append(",\"severity\":\""sv);
  out->append(SeverityName(f.severity));
  out->append("\",\"message\":"sv);
  EscapeString(out, f.message);
  out->append(",\"span\":{\"start\":"sv);
  AppendInt(out, static_cast<int64_t>(f.span.start));
  out->append(",\"end\":"sv);
  AppendInt(out, static_cast<int64_t>(f.span.end));
  out->append("},\"line\":"sv);
  AppendInt(out, f.line);
  out->append(",\"column\":"sv);
  AppendInt(out, f.column);
  out->append(",\"excerpt\":"sv);
  EscapeString(out, f.excerpt);
  out->append(",\"evidence\":"sv);
  AppendFlatEvidence(out, f.evidence);
  if (!f.fix) {
    out->append(",\"fix\":null}"sv);
    return;
  }
  out->append(",\"fix\":{\"start\":"sv);
  AppendInt(out, static_cast<int64_t>(f.fix->span.start));
  out->append(",\"end\":"sv);
  AppendInt(out, static_cast<int64_t>(f.fix->span.end));
  out->append(",\"text\":"sv);
  EscapeString(out, f.fix->text);
  out->append("}}"sv);
}

}  // namespace

// --- newslint objects ---------------------------------------------------------

void WriteFinding(JsonWriter& w, const Finding& f) {
  if (std::string* out = w.RawValue()) {
    AppendFlatFinding(out, f);
    return;
  }
  WriteFindingByCalls(w, f);
}

void WriteFindingByCalls(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.SafeKey("rule");
  w.String(f.rule);
  w.SafeKey("severity");
  w.SafeString(SeverityName(f.severity));
  w.SafeKey("message");
  w.String(f.message);
  w.SafeKey("span");
  w.BeginObject();
  w.SafeKey("start");
  w.Int(static_cast<int64_t>(f.span.start));
  w.SafeKey("end");
  w.Int(static_cast<int64_t>(f.span.end));
  w.EndObject();
  w.SafeKey("line");
  w.Int(f.line);
  w.SafeKey("column");
  w.Int(f.column);
  w.SafeKey("excerpt");
  w.String(f.excerpt);
  w.SafeKey("evidence");
  w.WriteEvidence(f.evidence);
  w.SafeKey("fix");
  w.WriteFix(f.fix);
  w.EndObject();
}

void WriteRecord(JsonWriter& w, const Article& a, const std::vector<Finding>& findings,
                 const ReportOptions& options) {
  w.BeginObject(/*one_line=*/true);
  w.SafeKey("id");
  w.String(a.id);
  w.SafeKey("source");
  w.String(a.source);
  w.SafeKey("record");
  w.Int(a.record);
  w.SafeKey("url");
  w.String(a.url);
  w.SafeKey("site");
  w.String(a.site);
  w.SafeKey("findings");
  w.BeginArray();
  for (const Finding& f : findings) WriteFinding(w, f);
  w.EndArray();
  if (options.debug_analysis) {
    w.SafeKey("analysis");
    WriteAnalysisTable(w, a);
  }
  if (options.include_text) {
    w.SafeKey("text");
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
  w.Key("findings_per_article");
  w.BeginObject(/*one_line=*/true);
  for (size_t i = 0; i < s.findings_histogram.size(); ++i) {
    w.Key(Summary::HistogramLabels()[i]);
    w.Int(s.findings_histogram[i]);
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
    w.Key("by_rule");
    w.BeginObject();
    for (const auto& [rule, rc] : count.by_rule) {
      w.Key(rule);
      w.BeginObject();
      w.Key("findings");
      w.Int(rc.findings);
      w.Key("articles");
      w.Int(rc.articles);
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  w.Key("by_family");
  w.BeginObject();
  for (const auto& [family, articles] : s.by_family) {
    w.Key(family);
    w.BeginObject(true);
    w.Key("articles");
    w.Int(articles);
    w.EndObject();
  }
  w.EndObject();
  // The CI gate (docs/ci.md): budgets judged, baseline suppressions and
  // fixed findings.
  w.Key("budgets");
  w.BeginArray();
  for (const Summary::BudgetResult& b : s.Budgets()) {
    w.BeginObject(true);
    w.Key("rule");
    w.String(b.rule);
    w.Key("allowed");
    w.Double(b.allowed);
    w.Key("actual");
    w.Double(b.actual);
    w.Key("articles");
    w.Int(b.articles);
    w.Key("allowed_articles");
    w.Int(b.allowed_articles);
    w.Key("broken");
    w.Bool(b.broken);
    w.EndObject();
  }
  w.EndArray();
  w.Key("suppressed");
  w.Int(s.suppressed);
  w.Key("baseline_fixed");
  w.Int(s.baseline_fixed);
  w.Key("fixed");
  w.BeginArray();
  for (const Summary::FixedFinding& f : s.fixed) {
    w.BeginObject(true);
    w.Key("rule");
    w.String(f.rule);
    w.Key("article");
    w.String(f.article);
    w.Key("text");
    w.String(f.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// --- The report header and the summary read back (newslint merge) -----------

void WriteReportHeader(JsonWriter& w, const RunInfo& run) {
  w.BeginObject();
  w.Key("schema");
  w.String("newslint.report/1");
  w.Key("tool");
  w.BeginObject(/*one_line=*/true);
  w.Key("name");
  w.String("newslint");
  w.Key("version");
  w.String(run.tool_version);
  w.EndObject();
  w.Key("run");
  w.BeginObject();
  w.Key("inputs");
  w.BeginArray();
  for (const std::string& input : run.inputs) w.String(input);
  w.EndArray();
  w.Key("started_at");
  w.String(run.started_at);
  w.Key("jobs");
  w.Int(run.jobs);
  w.Key("fail_on");
  w.String(run.fail_never ? "never" : SeverityName(run.fail_on));
  w.Key("rules");
  w.BeginArray();
  for (const std::string& rule : run.rules) w.String(rule);
  w.EndArray();
  if (run.shard_count > 0) {
    w.Key("shard");
    w.BeginObject(/*one_line=*/true);
    w.Key("index");
    w.Int(run.shard_index);
    w.Key("count");
    w.Int(run.shard_count);
    w.EndObject();
  }
  w.EndObject();
}

namespace {

namespace dom = simdjson::dom;

bool SummaryError(std::string* error, std::string_view message) {
  error->assign("summary: ");
  error->append(message);
  return false;
}

// SummaryError for member `key`: `summary: "key" is not ...`.
bool SummaryMemberError(std::string* error, std::string_view key, std::string_view is_not) {
  error->assign("summary: \"");
  error->append(key);
  error->append("\" ");
  error->append(is_not);
  return false;
}

// An integer member; absent is 0 unless `required`.
bool SummaryInt(dom::object o, std::string_view key, int64_t* out, std::string* error,
                bool required = true) {
  dom::element e;
  if (o.at_key(key).get(e) != simdjson::SUCCESS) {
    if (!required) return true;
    return SummaryError(error, "no \"" + std::string(key) + "\"");
  }
  if (e.get_int64().get(*out) != simdjson::SUCCESS) {
    return SummaryMemberError(error, key, "is not an integer");
  }
  return true;
}

// An object member. When it is absent and not `required`, *present is set
// false (a default dom::object must not be read).
bool SummaryObject(dom::object o, std::string_view key, dom::object* out, std::string* error,
                   bool required = true, bool* present = nullptr) {
  dom::element e;
  if (present != nullptr) *present = false;
  if (o.at_key(key).get(e) != simdjson::SUCCESS) {
    if (required) return SummaryError(error, "no \"" + std::string(key) + "\"");
    return true;
  }
  if (present != nullptr) *present = true;
  if (e.get_object().get(*out) != simdjson::SUCCESS) {
    return SummaryMemberError(error, key, "is not an object");
  }
  return true;
}

bool SummaryString(dom::object o, std::string_view key, std::string* out, std::string* error) {
  std::string_view s;
  if (o.at_key(key).get_string().get(s) != simdjson::SUCCESS) {
    return SummaryMemberError(error, key, "is not a string");
  }
  out->assign(s);
  return true;
}

}  // namespace

bool ParseSummaryJson(std::string_view json, Summary* out, std::string* error) {
  dom::parser parser;
  simdjson::padded_string padded(json);
  dom::element root;
  if (auto e = parser.parse(padded).get(root); e != simdjson::SUCCESS) {
    return SummaryError(error, std::string("not valid JSON: ") + simdjson::error_message(e));
  }
  dom::object o;
  if (root.get_object().get(o) != simdjson::SUCCESS) return SummaryError(error, "not an object");
  Summary s;
  int64_t jobs = 1;
  if (!SummaryInt(o, "files", &s.files, error) || !SummaryInt(o, "articles", &s.articles, error) ||
      !SummaryInt(o, "articles_with_findings", &s.articles_with_findings, error) ||
      !SummaryInt(o, "bytes", &s.bytes, error) ||
      !SummaryInt(o, "input_bytes", &s.input_bytes, error) ||
      !SummaryInt(o, "jobs", &jobs, error) ||
      !SummaryInt(o, "suppressed", &s.suppressed, error, /*required=*/false) ||
      !SummaryInt(o, "baseline_fixed", &s.baseline_fixed, error, /*required=*/false)) {
    return false;
  }
  s.jobs = static_cast<int>(jobs);
  dom::element elapsed;
  if (o.at_key("elapsed_seconds").get(elapsed) == simdjson::SUCCESS && !elapsed.is_null() &&
      elapsed.get_double().get(s.elapsed_seconds) != simdjson::SUCCESS) {
    return SummaryError(error, "\"elapsed_seconds\" is not a number");
  }

  dom::object by_severity;
  if (!SummaryObject(o, "by_severity", &by_severity, error)) return false;
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (!SummaryInt(by_severity, SeverityName(sev), &s.by_severity[static_cast<size_t>(sev)],
                    error)) {
      return false;
    }
  }
  dom::object histogram;
  bool has_histogram = false;
  if (!SummaryObject(o, "findings_per_article", &histogram, error, /*required=*/false,
                     &has_histogram)) {
    return false;
  }
  for (size_t i = 0; has_histogram && i < s.findings_histogram.size(); ++i) {
    if (!SummaryInt(histogram, Summary::HistogramLabels()[i], &s.findings_histogram[i], error,
                    /*required=*/false)) {
      return false;
    }
  }

  dom::object by_rule;
  if (!SummaryObject(o, "by_rule", &by_rule, error)) return false;
  for (auto [key, value] : by_rule) {
    dom::object r;
    if (value.get_object().get(r) != simdjson::SUCCESS) {
      return SummaryError(error, "by_rule entry is not an object");
    }
    RuleCount count;
    std::string severity;
    if (!SummaryInt(r, "findings", &count.findings, error) ||
        !SummaryInt(r, "articles", &count.articles, error) ||
        !SummaryString(r, "severity", &severity, error)) {
      return false;
    }
    std::optional<Severity> sev = ParseSeverity(severity);
    if (!sev) return SummaryError(error, "unknown severity '" + severity + "'");
    count.severity = *sev;
    s.by_rule[std::string(key)] = count;
  }
  dom::object by_site;
  if (!SummaryObject(o, "by_site", &by_site, error)) return false;
  for (auto [key, value] : by_site) {
    dom::object site;
    if (value.get_object().get(site) != simdjson::SUCCESS) {
      return SummaryError(error, "by_site entry is not an object");
    }
    SiteCount count;
    if (!SummaryInt(site, "articles", &count.articles, error) ||
        !SummaryInt(site, "articles_with_findings", &count.articles_with_findings, error) ||
        !SummaryInt(site, "findings", &count.findings, error)) {
      return false;
    }
    dom::object site_rules;
    bool has_site_rules = false;
    if (!SummaryObject(site, "by_rule", &site_rules, error, /*required=*/false,
                       &has_site_rules)) {
      return false;
    }
    if (has_site_rules) {
      for (auto [rule, rv] : site_rules) {
        dom::object r;
        if (rv.get_object().get(r) != simdjson::SUCCESS) {
          return SummaryError(error, "by_site by_rule entry is not an object");
        }
        SiteRuleCount rc;
        if (!SummaryInt(r, "findings", &rc.findings, error) ||
            !SummaryInt(r, "articles", &rc.articles, error)) {
          return false;
        }
        count.by_rule[std::string(rule)] = rc;
      }
    }
    s.by_site[std::string(key)] = count;
  }
  dom::object by_family;
  bool has_by_family = false;
  if (!SummaryObject(o, "by_family", &by_family, error, /*required=*/false, &has_by_family)) {
    return false;
  }
  if (has_by_family) {
    for (auto [key, value] : by_family) {
      dom::object family;
      int64_t articles = 0;
      if (value.get_object().get(family) != simdjson::SUCCESS ||
          !SummaryInt(family, "articles", &articles, error)) {
        return SummaryError(error, "by_family entry is not {\"articles\": N}");
      }
      s.by_family[std::string(key)] = articles;
    }
  }
  dom::array budgets;
  if (o.at_key("budgets").get_array().get(budgets) == simdjson::SUCCESS) {
    for (dom::element b : budgets) {
      std::string_view rule;
      double allowed = 0;
      if (b.at_key("rule").get_string().get(rule) != simdjson::SUCCESS ||
          b.at_key("allowed").get_double().get(allowed) != simdjson::SUCCESS) {
        return SummaryError(error, "budget without rule or allowed");
      }
      s.budgets[std::string(rule)] = allowed;
    }
  }
  dom::array fixed;
  if (o.at_key("fixed").get_array().get(fixed) == simdjson::SUCCESS) {
    for (dom::element f : fixed) {
      dom::object fo;
      Summary::FixedFinding ff;
      if (f.get_object().get(fo) != simdjson::SUCCESS ||
          !SummaryString(fo, "rule", &ff.rule, error) ||
          !SummaryString(fo, "article", &ff.article, error) ||
          !SummaryString(fo, "text", &ff.text, error)) {
        return SummaryError(error, "fixed entry is not {\"rule\", \"article\", \"text\"}");
      }
      s.fixed.push_back(std::move(ff));
    }
  }
  *out = std::move(s);
  return true;
}

}  // namespace newslint
