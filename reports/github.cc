// The GitHub Actions report: workflow commands that GitHub turns into
// annotations on the run and on the pull request's files.
//
//   ::error file=a.txt,line=3,col=18,endLine=3,endColumn=20,title=garbled/mojibake::mojibake...
//   ::warning file=crawl/p.jsonl,line=17,title=boilerplate/share-widget::share widget text
//     [crawl/p.jsonl#17, id abc-123, text line 4, column 1]     (one line in the output)
//
// Severity: error -> ::error, warning -> ::warning, info -> ::notice.
//
// Position. `file` is the input path as given (GitHub wants it relative to the
// repository root: run newslint from there). A whole-file article (plain
// text, HTML) gets the finding's line and column in its text, and endLine
// and endColumn (the column of the span's last character, inclusive; col and
// endColumn only when the span sits on one line, as GitHub requires). A JSONL
// record gets line = the record's line in the file and no column, because
// the article's text is one string inside that line; the record, the
// article id and the finding's line and column in the text follow the
// message in brackets.
//
// Escaping (what GitHub's toolkit does): in the message `%` -> %25, CR ->
// %0D, LF -> %0A; in property values also `:` -> %3A and `,` -> %2C. So a
// scraped string can never end the command early or start a new one. Other
// control characters (ESC, which the log viewer would interpret) become their
// U+2400 pictures, and invalid UTF-8 becomes U+FFFD.
//
// After the findings: one ::error per broken budget and one ::notice when
// the baseline has fixed findings (no file, so they show on the run).
//
// GitHub shows at most 10 annotations of each type per step (and 50 per
// run) on the summary page; the rest are only in the log. Every finding is
// printed anyway: upload the SARIF report for the complete list.

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>

#include "lint/readers/reader.h"
#include "lint/utf8.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

std::string_view Command(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

// Appends `s` escaped for a workflow command: the message when `property`
// is false, a property value when it is true.
void AppendEscaped(std::string* out, std::string_view s, bool property) {
  for (size_t i = 0; i < s.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    char32_t c = cp.value;
    i += cp.length;
    if (!cp.valid) {
      utf8::Append(0xFFFD, out);
    } else if (c == '%') {
      *out += "%25";
    } else if (c == '\r') {
      *out += "%0D";
    } else if (c == '\n') {
      *out += "%0A";
    } else if (property && c == ':') {
      *out += "%3A";
    } else if (property && c == ',') {
      *out += "%2C";
    } else if (c == '\t') {
      out->push_back('\t');
    } else if (c < 0x20) {
      utf8::Append(0x2400 + c, out);
    } else if (c == 0x7F) {
      utf8::Append(0x2421, out);
    } else if (c >= 0x80 && c <= 0x9F) {
      utf8::Append(0xFFFD, out);  // C1 controls: a terminal may obey them
    } else {
      utf8::Append(c, out);
    }
  }
}

// Code points of text[from, to).
int64_t CodePoints(std::string_view text, size_t from, size_t to) {
  int64_t n = 0;
  for (size_t i = from; i < to;) {
    i += utf8::DecodeAt(text, i).length;
    ++n;
  }
  return n;
}

class GithubReporter : public Reporter {
 public:
  GithubReporter(std::ostream& out, const ReportOptions& options) : out_(out) { (void)options; }

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    if (findings.empty()) return;
    buf_.clear();
    const bool record_of_many = IsJsonlPath(article.source) || article.record > 1;
    for (const Finding& f : findings) {
      buf_ += "::";
      buf_ += Command(f.severity);
      buf_ += " file=";
      AppendEscaped(&buf_, article.source, true);
      if (record_of_many) {
        buf_ += ",line=" + std::to_string(std::max<int64_t>(article.record, 1));
      } else {
        int64_t line = std::max<int64_t>(f.line, 1);
        int64_t column = std::max<int64_t>(f.column, 1);
        const std::string_view text = article.text;
        size_t start = std::min(f.span.start, text.size());
        size_t end = std::clamp(f.span.end, start, text.size());
        size_t last_newline = text.substr(start, end - start).rfind('\n');
        if (last_newline == std::string_view::npos) {
          // Inclusive end column: the span's last character (the start for an empty span).
          int64_t length = CodePoints(text, start, end);
          buf_ += ",line=" + std::to_string(line) + ",col=" + std::to_string(column) +
                  ",endLine=" + std::to_string(line) +
                  ",endColumn=" + std::to_string(column + std::max<int64_t>(length - 1, 0));
        } else {
          int64_t newlines = 0;
          for (size_t i = start; i < end; ++i) newlines += text[i] == '\n';
          buf_ += ",line=" + std::to_string(line) + ",endLine=" + std::to_string(line + newlines);
        }
      }
      buf_ += ",title=";
      AppendEscaped(&buf_, f.rule, true);
      buf_ += "::";
      AppendEscaped(&buf_, f.message.empty() ? f.rule : f.message, false);
      if (record_of_many) {
        buf_ += " [";
        AppendEscaped(&buf_, ArticleName(article), false);
        if (!article.id.empty() &&
            article.id != article.source + ":" + std::to_string(article.record)) {
          buf_ += ", id ";
          AppendEscaped(&buf_, article.id, false);
        }
        buf_ +=
            ", text line " + std::to_string(f.line) + ", column " + std::to_string(f.column) + "]";
      }
      buf_ += '\n';
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

  void End(const RunInfo&, const Summary& s) override {
    buf_.clear();
    for (const Summary::BudgetResult& b : s.Budgets()) {
      if (!b.broken) continue;
      char share[192];
      std::snprintf(share, sizeof share, "%.2f%% of articles (%lld of %lld), allowed %.2f%% (%lld)",
                    100 * b.actual, static_cast<long long>(b.articles),
                    static_cast<long long>(s.articles), 100 * b.allowed,
                    static_cast<long long>(b.allowed_articles));
      buf_ += "::error title=newslint budget ";
      AppendEscaped(&buf_, b.rule, true);
      buf_ += "::budget of ";
      AppendEscaped(&buf_, b.rule, false);
      buf_ += " broken: ";
      buf_ += share;
      buf_ += '\n';
    }
    if (s.baseline_fixed > 0) {
      buf_ += "::notice title=newslint baseline::" + std::to_string(s.baseline_fixed) +
              (s.baseline_fixed == 1 ? " finding of the baseline is fixed"
                                     : " findings of the baseline are fixed") +
              "; write the baseline again (--write-baseline) to drop " +
              (s.baseline_fixed == 1 ? "it\n" : "them\n");
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string buf_;
};

}  // namespace

std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<GithubReporter>(out, options);
}

}  // namespace newslint
