// The text report, for people at a terminal:
//
//   crawl/part-1.jsonl#17 (id abc-123, https://example.com/a): 1 finding
//   crawl/part-1.jsonl#17:3:18: error: mojibake: "â€™" is "’" read as Windows-1252 [garbled/mojibake]
//       3 | The minister didnâ€™t comment.
//         |                  ^^^
//
//   Checked 3 articles (2 files, 5.1 kB) in 0.50 s: 0.01 MB/s, 0.01 MB/s per core (1 job).
//   Found 1 finding in 1 of 3 articles: 1 error, 0 warnings, 0 info.
//
//   rule              severity  findings  articles
//   garbled/mojibake  error            1         1
//
// Carets sit under the finding's span within the excerpt, one per display
// column (a code point is one column, an East Asian wide character two, a
// combining mark none), at least one. Every scraped string is made safe for a
// terminal first: control characters become their U+2400 pictures, C1
// controls, bidi overrides and invalid UTF-8 become U+FFFD.

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/utf8.h"
#include "lint/readers/reader.h"
#include "reports/reporter.h"

namespace newslint {

namespace {

// --- Terminal-safe text ---------------------------------------------------------

// Decodes the well-formed UTF-8 code point at s[*i] and advances *i; an
// invalid byte decodes to U+FFFD and advances by one.
char32_t Decode(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  size_t n = s.size() - *i;
  unsigned char c = p[0];
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *i += 2;
    return (char32_t{c} & 0x1F) << 6 | (p[1] & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = (char32_t{c} & 0x0F) << 12 | (char32_t{p[1]} & 0x3F) << 6 | (p[2] & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *i += 3;
      return cp;
    }
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = (char32_t{c} & 0x07) << 18 | (char32_t{p[1]} & 0x3F) << 12 |
                  (char32_t{p[2]} & 0x3F) << 6 | (p[3] & 0x3F);
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      *i += 4;
      return cp;
    }
  }
  *i += 1;
  return 0xFFFD;
}

// What a terminal is shown for code point `cp` (tab is kept).
char32_t Displayable(char32_t cp) {
  if (cp == '\t') return cp;
  if (cp < 0x20) return 0x2400 + cp;  // control pictures: U+240A for "\n"
  if (cp == 0x7F) return 0x2421;
  if (cp >= 0x80 && cp <= 0x9F) return 0xFFFD;                    // C1 controls
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return 0xFFFD;
  return cp;
}

std::vector<char32_t> DisplayCodePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(Displayable(Decode(s, &i)));
  return out;
}


// Appends `s` made safe for a terminal (see Displayable).
void AppendSafe(std::string* out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    utf8::Append(Displayable(Decode(s, &i)), out);
  }
}

std::string Safe(std::string_view s) {
  std::string out;
  AppendSafe(&out, s);
  return out;
}

struct Range {
  char32_t first, last;
};

constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
};

template <size_t N>
bool InRanges(const Range (&ranges)[N], char32_t cp) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                             [](char32_t c, const Range& r) { return c < r.first; });
  return it != std::begin(ranges) && cp <= (it - 1)->last;
}

// Terminal columns of a displayable code point (approximate East Asian Width).
int ColumnsOf(char32_t cp) {
  if (cp < 0x300) return 1;
  if (InRanges(kZeroWidth, cp)) return 0;
  return InRanges(kWide, cp) ? 2 : 1;
}

// --- Caret placement ---------------------------------------------------------------

struct Carets {
  size_t start = 0;  // code-point index into the excerpt
  size_t count = 0;  // code points under the span (0: the span is empty)
};

size_t CommonPrefix(const std::vector<char32_t>& a, size_t at, const std::vector<char32_t>& b,
                    size_t cap) {
  size_t k = 0;
  while (k < cap && at + k < a.size() && k < b.size() && a[at + k] == b[k]) ++k;
  return k;
}

size_t CommonSuffix(const std::vector<char32_t>& a, size_t end, const std::vector<char32_t>& b,
                    size_t cap) {
  size_t k = 0;
  while (k < cap && k < end && k < b.size() && a[end - 1 - k] == b[b.size() - 1 - k]) ++k;
  return k;
}

// Where the finding's span sits in its excerpt. The excerpt is the span's
// line, perhaps cut with "..." (Analysis::Excerpt), so the span is found by
// matching the text around it: the line before the span must end where the
// carets start, and the span's own text must follow.
Carets PlaceCarets(const std::vector<char32_t>& excerpt, std::string_view text,
                   const Finding& f) {
  const size_t s0 = std::min(f.span.start, text.size());
  const size_t s1 = std::clamp(f.span.end, s0, text.size());
  const size_t window = excerpt.size() * 4 + 16;  // bytes of context worth decoding

  size_t lo = s0 > window ? s0 - window : 0;
  size_t line_start = lo;
  bool whole_prefix = lo == 0;
  if (size_t nl = text.substr(lo, s0 - lo).rfind('\n'); nl != std::string_view::npos) {
    line_start = lo + nl + 1;
    whole_prefix = true;
  }
  while (!whole_prefix && line_start < s0 && (text[line_start] & 0xC0) == 0x80) ++line_start;
  std::string_view before = text.substr(line_start, s0 - line_start);
  std::string_view span = text.substr(s0, std::min(s1 - s0, window));
  span = span.substr(0, span.find('\n'));

  std::vector<char32_t> pre = DisplayCodePoints(before);
  std::vector<char32_t> body = DisplayCodePoints(span);
  const size_t cap = 256;

  Carets c;
  bool placed = false;
  if (text.empty() && f.span.start > 0) {
    // No text to place by (a merged report whose parts lacked
    // --include-text): the finding's column, when the excerpt starts at the
    // start of its line.
    const bool cut = excerpt.size() >= 3 && excerpt[0] == '.' && excerpt[1] == '.' &&
                     excerpt[2] == '.';
    const int64_t column = std::max<int64_t>(f.column, 1) - 1;
    c.start = cut ? 0 : std::min(static_cast<size_t>(column), excerpt.size());
    c.count = c.start < excerpt.size() ? 1 : 0;
    return c;
  }
  if (whole_prefix && pre.size() <= excerpt.size() &&
      std::equal(pre.begin(), pre.end(), excerpt.begin())) {
    c.start = pre.size();
    placed = true;
  } else {
    size_t best = 0;
    for (size_t p = 0; p <= excerpt.size(); ++p) {
      size_t score = CommonSuffix(excerpt, p, pre, cap) + CommonPrefix(excerpt, p, body, cap);
      if (score > best) {
        best = score;
        c.start = p;
      }
    }
    placed = best > 0;
  }
  if (!placed) {
    int64_t column = std::max<int64_t>(f.column, 1) - 1;
    c.start = std::min(static_cast<size_t>(column), excerpt.size());
    return c;
  }
  c.count = CommonPrefix(excerpt, c.start, body, excerpt.size());
  return c;
}

// --- Formatting --------------------------------------------------------------------

std::string Count(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  return Count(n) + " " + std::string(n == 1 ? one : many);
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string HumanBytes(int64_t n) {
  if (n < 1000) return Plural(n, "byte", "bytes");
  static constexpr const char* kUnits[] = {"kB", "MB", "GB", "TB", "PB"};
  double v = static_cast<double>(n) / 1000;
  size_t unit = 0;
  while (v >= 1000 && unit + 1 < std::size(kUnits)) {
    v /= 1000;
    ++unit;
  }
  return Fixed(v, 1) + " " + kUnits[unit];
}

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\x1b[1;31m";
    case Severity::kWarning: return "\x1b[1;33m";
    case Severity::kInfo: return "\x1b[1;36m";
  }
  return kBold;
}

class TextReporter : public Reporter {
 public:
  TextReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    if (findings.empty() && !options_.show_clean) return;
    buf_.clear();
    std::string name = Safe(ArticleName(article));
    Header(article, name, findings.size());
    for (const Finding& f : findings) Diagnostic(article, name, f);
    buf_.push_back('\n');
    Flush();
  }

  void End(const RunInfo&, const Summary& s) override {
    buf_.clear();
    int64_t volume = s.input_bytes > 0 ? s.input_bytes : s.bytes;
    buf_ += "Checked " + Plural(s.articles, "article", "articles") + " (" +
            Plural(s.files, "file", "files") + ", " + HumanBytes(volume) + ") in " +
            Fixed(s.elapsed_seconds, 2) + " s: " + Fixed(s.mb_per_second(), 2) + " MB/s, " +
            Fixed(s.mb_per_second_per_core(), 2) + " MB/s per core (" +
            Plural(s.jobs, "job", "jobs") + ").\n";
    if (s.findings() == 0) {
      buf_ += "No findings in " + Plural(s.articles, "article", "articles") + ".\n";
      Gate(s);
      Flush();
      return;
    }
    auto sev = [&](Severity v) { return s.by_severity[static_cast<size_t>(v)]; };
    buf_ += "Found " + Plural(s.findings(), "finding", "findings") + " in " +
            Count(s.articles_with_findings) + " of " +
            Plural(s.articles, "article", "articles") + ": ";
    Paint(SeverityColor(Severity::kError), Plural(sev(Severity::kError), "error", "errors"));
    buf_ += ", ";
    Paint(SeverityColor(Severity::kWarning),
          Plural(sev(Severity::kWarning), "warning", "warnings"));
    buf_ += ", ";
    Paint(SeverityColor(Severity::kInfo), Count(sev(Severity::kInfo)) + " info");
    buf_ += ".\n\n";
    RuleTable(s);
    Gate(s);
    Flush();
  }

 private:
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void Paint(std::string_view color, std::string_view s) {
    if (options_.color) buf_ += color;
    buf_ += s;
    if (options_.color) buf_ += kReset;
  }

  // NAME (id ID, URL): N findings
  void Header(const Article& a, const std::string& name, size_t findings) {
    std::string line = name;
    std::vector<std::string> about;
    if (!a.id.empty() && a.id != a.source && a.id != a.source + ":" + std::to_string(a.record))
      about.push_back("id " + Safe(a.id));
    if (!a.url.empty()) about.push_back(Safe(a.url));
    for (size_t i = 0; i < about.size(); ++i) line += (i == 0 ? " (" : ", ") + about[i];
    if (!about.empty()) line += ")";
    line += ": ";
    line += findings == 0 ? "no findings"
                          : Plural(static_cast<int64_t>(findings), "finding", "findings");
    Paint(kBold, line);
    buf_ += '\n';
  }

  // LOCATION: severity: message [rule], then the code frame.
  void Diagnostic(const Article& a, const std::string& name, const Finding& f) {
    Paint(kBold, name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ":");
    buf_ += ' ';
    Paint(SeverityColor(f.severity), SeverityName(f.severity));
    buf_ += ": ";
    AppendSafe(&buf_, f.message);
    buf_ += " [";
    Paint(kBold, f.rule);
    buf_ += "]\n";
    if (f.excerpt.empty()) return;

    std::vector<char32_t> excerpt = DisplayCodePoints(f.excerpt);
    Carets c = PlaceCarets(excerpt, a.text, f);
    std::string number = std::to_string(f.line);
    size_t gutter = std::max<size_t>(number.size(), 5);
    buf_.append(gutter - number.size(), ' ');
    buf_ += number + " | ";
    for (char32_t cp : excerpt) utf8::Append(cp, &buf_);
    buf_ += '\n';
    buf_.append(gutter, ' ');
    buf_ += " | ";
    for (size_t i = 0; i < c.start; ++i) {
      if (excerpt[i] == '\t') {
        buf_ += '\t';
      } else {
        buf_.append(static_cast<size_t>(ColumnsOf(excerpt[i])), ' ');
      }
    }
    size_t columns = 0;
    for (size_t i = c.start; i < c.start + c.count; ++i)
      columns += excerpt[i] == '\t' ? 1 : static_cast<size_t>(ColumnsOf(excerpt[i]));
    Paint(SeverityColor(f.severity), std::string(std::max<size_t>(columns, 1), '^'));
    buf_ += '\n';
  }

  // The CI gate after the summary: what the baseline suppressed and what
  // it knew that is gone, then each budget with its verdict.
  //
  //   Baseline: 3 known findings suppressed; 1 fixed since the baseline:
  //     fixed: garbled/mojibake in abc-123: "didnâ€™t"
  //   Budgets: 1 of 2 broken.
  //     boilerplate        3.00% of articles (3 of 100), allowed 2.00% (2): broken, 1 article over
  //     links/spam-anchor  0.00% of articles (0 of 100), allowed 0.00% (0): ok
  void Gate(const Summary& s) {
    if (s.suppressed > 0 || s.baseline_fixed > 0) {
      buf_ += "\nBaseline: " + Plural(s.suppressed, "known finding", "known findings") +
              " suppressed; " + Count(s.baseline_fixed) + " fixed since the baseline";
      buf_ += s.fixed.empty() ? ".\n" : ":\n";
      for (const Summary::FixedFinding& f : s.fixed) {
        buf_ += "  fixed: ";
        AppendSafe(&buf_, f.rule);
        buf_ += " in ";
        AppendSafe(&buf_, f.article);
        buf_ += ": \"";
        AppendSafe(&buf_, f.text);
        buf_ += "\"\n";
      }
      if (s.baseline_fixed > static_cast<int64_t>(s.fixed.size())) {
        buf_ += "  ... and " + Count(s.baseline_fixed - static_cast<int64_t>(s.fixed.size())) +
                " more\n";
      }
    }
    std::vector<Summary::BudgetResult> budgets = s.Budgets();
    if (budgets.empty()) return;
    int64_t broken = std::count_if(budgets.begin(), budgets.end(),
                                   [](const Summary::BudgetResult& b) { return b.broken; });
    buf_ += "\nBudgets: " + Count(broken) + " of " +
            Plural(static_cast<int64_t>(budgets.size()), "budget", "budgets") + " broken.\n";
    size_t width = 0;
    for (const auto& b : budgets) width = std::max(width, b.rule.size());
    for (const auto& b : budgets) {
      buf_ += "  ";
      Paint(kBold, b.rule);
      buf_.append(width - b.rule.size() + 2, ' ');
      buf_ += Fixed(100 * b.actual, 2) + "% of articles (" + Count(b.articles) + " of " +
              Count(s.articles) + "), allowed " + Fixed(100 * b.allowed, 2) + "% (" +
              Count(b.allowed_articles) + "): ";
      if (b.broken) {
        Paint(SeverityColor(Severity::kError),
              "broken, " + Plural(b.articles - b.allowed_articles, "article", "articles") +
                  " over");
      } else {
        buf_ += "ok";
      }
      buf_ += '\n';
    }
  }

  void RuleTable(const Summary& s) {
    std::vector<std::pair<std::string, RuleCount>> rows(s.by_rule.begin(), s.by_rule.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.findings > b.second.findings;
    });
    size_t width = 4;
    for (const auto& [id, count] : rows) width = std::max(width, id.size());
    auto cell = [](std::string s, size_t w, bool right) {
      std::string pad(w > s.size() ? w - s.size() : 0, ' ');
      return right ? pad + s : s + pad;
    };
    buf_ += cell("rule", width, false) + "  severity  findings  articles\n";
    for (const auto& [id, count] : rows) {
      Paint(kBold, id);
      buf_.append(width - id.size() + 2, ' ');
      Paint(SeverityColor(count.severity), cell(std::string(SeverityName(count.severity)), 8, false));
      buf_ += "  " + cell(Count(count.findings), 8, true) + "  " +
              cell(Count(count.articles), 8, true) + "\n";
    }
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buf_;
};

}  // namespace

std::string ArticleName(const Article& article) {
  if (article.record > 1 || IsJsonlPath(article.source))
    return article.source + "#" + std::to_string(article.record);
  return article.source;
}

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace newslint
