// The HTML report: one self-contained page (reports/html.h).
//
// The page is reports/html/page.html with its placeholders filled:
//   @CSP@        the Content-Security-Policy (HtmlContentSecurityPolicy)
//   @GENERATOR@  "newslint VERSION", HTML-escaped
//   @STYLE@      reports/html/style.css, as is
//   @SCRIPT@     reports/html/script.js, as is
//   @DATA@       the page data below, HTML-safe JSON (HtmlSafeJson)
// The style and script are hashed exactly as written, so the policy's
// 'sha256-...' sources match them and nothing else runs.
//
// Page data (read by script.js; not a stable interface, the JSON report is):
//
//   {"format": 1,
//    "tool": {"version": "0.1.0"},
//    "run": {"inputs": [...], "started_at": "...", "jobs": 2, "fail_on": "error",
//            "rules": 48},                       // how many rules ran
//    "docs_url": "https://.../docs/rules/",
//    "summary": {"files", "articles", "articles_with_findings", "findings", "bytes",
//                "input_bytes",
//                "by_severity": {"error", "warning", "info"},
//                "findings_per_article": [["0", n], ["1", n], ..., ["11+", n]],
//                "by_rule": [[id, findings, articles, severity], ...],  // most findings first
//                "by_site": [[site, articles, articles_with_findings, findings], ...],
//                                                // the max_sites with most findings
//                "sites": 1234},                 // distinct sites in the run
//    "sample": {"worst": 200, "per_rule": 20, "max_text_bytes": 50000, "articles": n},
//    "articles": [                               // ReportSample::Articles() order
//      {"name", "id", "source", "record", "url", "site", "title",
//       "cut": false, "text_bytes": 5120,        // text as embedded, maybe cut
//       "findings": [{"rule", "severity", "message", "line", "column", "excerpt",
//                     "evidence": [[key, value], ...],   // pairs keep the rule's order
//                     "start", "end",            // the span, bytes
//                     "shown": true}],           // false: past the cut, not highlighted
//       "segments": [[text, [finding index, ...]], ...]}]}
//
// Segments cut the text at every span boundary, so overlapping spans need no
// work in the browser and byte offsets never meet JavaScript's UTF-16
// strings: a segment lists the findings that cover it (empty: plain text);
// [null, [i, ...]] marks the place of findings with an empty span. Each
// segment is a display string (invalid UTF-8 shown as U+FFFD).

#include "reports/html.h"

#include <algorithm>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "lint/byte_set.h"
#include "reports/json_writer.h"
#include "reports/sha256.h"

namespace newslint {

namespace {

// Writes `json` (compact JSON text) HTML-safe.
void WriteSafe(std::ostream& out, std::string* json) {
  std::string safe = HtmlSafeJson(*json);
  out.write(safe.data(), static_cast<std::streamsize>(safe.size()));
  json->clear();
}

void WriteEvidencePairs(JsonWriter& w, const Evidence& evidence) {
  w.BeginArray();
  for (const auto& [key, value] : evidence) {
    w.BeginArray();
    w.String(key);
    std::visit(
        [&w](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) {
            w.Bool(v);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            w.Int(v);
          } else if constexpr (std::is_same_v<T, double>) {
            w.Double(v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            w.String(v);
          } else {
            w.BeginArray();
            for (const std::string& s : v) w.String(s);
            w.EndArray();
          }
        },
        value);
    w.EndArray();
  }
  w.EndArray();
}

void WriteSummaryData(JsonWriter& w, const Summary& s, const HtmlOptions& options) {
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
  // No elapsed time or throughput: the page of the same input is the same
  // bytes (snapshots), and they are the JSON report's business.
  w.Key("by_severity");
  w.BeginObject();
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    w.Key(SeverityName(sev));
    w.Int(s.by_severity[static_cast<size_t>(sev)]);
  }
  w.EndObject();
  w.Key("findings_per_article");
  w.BeginArray();
  for (size_t i = 0; i < s.findings_histogram.size(); ++i) {
    w.BeginArray();
    w.String(Summary::HistogramLabels()[i]);
    w.Int(s.findings_histogram[i]);
    w.EndArray();
  }
  w.EndArray();

  std::vector<std::pair<std::string_view, const RuleCount*>> rules;
  for (const auto& [id, count] : s.by_rule) rules.emplace_back(id, &count);
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    return a.second->findings > b.second->findings;
  });
  w.Key("by_rule");
  w.BeginArray();
  for (const auto& [id, count] : rules) {
    w.BeginArray();
    w.String(id);
    w.Int(count->findings);
    w.Int(count->articles);
    w.String(SeverityName(count->severity));
    w.EndArray();
  }
  w.EndArray();

  std::vector<std::pair<std::string_view, const SiteCount*>> sites;
  for (const auto& [site, count] : s.by_site) sites.emplace_back(site, &count);
  std::stable_sort(sites.begin(), sites.end(), [](const auto& a, const auto& b) {
    if (a.second->findings != b.second->findings) return a.second->findings > b.second->findings;
    return a.second->articles > b.second->articles;
  });
  if (sites.size() > static_cast<size_t>(std::max(options.max_sites, 0))) {
    sites.resize(static_cast<size_t>(std::max(options.max_sites, 0)));
  }
  w.Key("by_site");
  w.BeginArray();
  for (const auto& [site, count] : sites) {
    w.BeginArray();
    w.String(site);
    w.Int(count->articles);
    w.Int(count->articles_with_findings);
    w.Int(count->findings);
    w.EndArray();
  }
  w.EndArray();
  w.Key("sites");
  w.Int(static_cast<int64_t>(s.by_site.size()));
  w.EndObject();
}

void WriteArticleData(JsonWriter& w, const SampledArticle& a) {
  w.BeginObject();
  w.Key("name");
  w.String(a.name);
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
  w.Key("title");
  w.String(a.title);
  w.Key("cut");
  w.Bool(a.text_cut);
  w.Key("text_bytes");
  w.Int(static_cast<int64_t>(a.text.size()));
  std::vector<TextSegment> segments = SegmentText(a.text.size(), a.findings);
  std::vector<char> shown(a.findings.size(), 0);
  for (const TextSegment& s : segments) {
    for (int i : s.findings) shown[static_cast<size_t>(i)] = 1;
  }
  w.Key("findings");
  w.BeginArray();
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const Finding& f = a.findings[i];
    w.BeginObject();
    w.Key("rule");
    w.String(f.rule);
    w.Key("severity");
    w.String(SeverityName(f.severity));
    w.Key("message");
    w.String(f.message);
    w.Key("line");
    w.Int(f.line);
    w.Key("column");
    w.Int(f.column);
    w.Key("excerpt");
    w.String(f.excerpt);
    w.Key("evidence");
    WriteEvidencePairs(w, f.evidence);
    w.Key("start");
    w.Int(static_cast<int64_t>(f.span.start));
    w.Key("end");
    w.Int(static_cast<int64_t>(f.span.end));
    w.Key("shown");
    w.Bool(shown[i] != 0);
    w.EndObject();
  }
  w.EndArray();
  w.Key("segments");
  w.BeginArray();
  std::string_view text = a.text;
  for (const TextSegment& s : segments) {
    w.BeginArray();
    if (s.marker) {
      w.Null();
    } else {
      w.String(text.substr(s.start, s.end - s.start));
    }
    w.BeginArray();
    for (int i : s.findings) w.Int(i);
    w.EndArray();
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
}

// Replaces each @NAME@ of `page` by parts[NAME] through `emit`.
template <typename Emit>
void FillTemplate(std::string_view page, Emit emit) {
  size_t at = 0;
  while (at < page.size()) {
    size_t open = page.find('@', at);
    if (open == std::string_view::npos) break;
    size_t close = page.find('@', open + 1);
    if (close == std::string_view::npos) break;
    std::string_view name = page.substr(open + 1, close - open - 1);
    bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return c >= 'A' && c <= 'Z';
    });
    if (!is_name) {
      emit(page.substr(at, open + 1 - at), std::string_view());
      at = open + 1;
      continue;
    }
    emit(page.substr(at, open - at), name);
    at = close + 1;
  }
  emit(page.substr(at), std::string_view());
}

}  // namespace

std::vector<TextSegment> SegmentText(size_t text_size, const std::vector<Finding>& findings) {
  std::vector<TextSegment> out;
  std::vector<size_t> bounds = {0, text_size};
  struct Range {
    size_t start, end;
    int index;
  };
  std::vector<Range> ranges;
  std::vector<std::pair<size_t, int>> markers;  // (position, finding)
  for (size_t i = 0; i < findings.size(); ++i) {
    size_t start = findings[i].span.start;
    size_t end = std::min(findings[i].span.end, text_size);
    int index = static_cast<int>(i);
    if (findings[i].span.empty()) {
      if (start <= text_size) markers.emplace_back(start, index);
    } else if (start < text_size) {
      ranges.push_back({start, end, index});
      bounds.push_back(start);
      bounds.push_back(end);
    }
  }
  for (const auto& m : markers) bounds.push_back(m.first);
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::stable_sort(ranges.begin(), ranges.end(),
                   [](const Range& a, const Range& b) { return a.start < b.start; });
  std::stable_sort(markers.begin(), markers.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Range*> active;
  size_t next_range = 0, next_marker = 0;
  for (size_t k = 0; k < bounds.size(); ++k) {
    size_t b = bounds[k];
    TextSegment marker{b, b, {}, true};
    while (next_marker < markers.size() && markers[next_marker].first == b) {
      marker.findings.push_back(markers[next_marker++].second);
    }
    if (!marker.findings.empty()) {
      std::sort(marker.findings.begin(), marker.findings.end());
      out.push_back(std::move(marker));
    }
    if (k + 1 == bounds.size()) break;
    active.erase(std::remove_if(active.begin(), active.end(),
                                [b](const Range* r) { return r->end <= b; }),
                 active.end());
    while (next_range < ranges.size() && ranges[next_range].start <= b) {
      active.push_back(&ranges[next_range++]);
    }
    TextSegment segment{b, bounds[k + 1], {}, false};
    for (const Range* r : active) segment.findings.push_back(r->index);
    std::sort(segment.findings.begin(), segment.findings.end());
    out.push_back(std::move(segment));
  }
  return out;
}

std::string HtmlSafeJson(std::string_view json) {
  // The page data is megabytes of JSON with few of these bytes: the runs
  // between them are copied whole (a byte at a time, this was 4% of a
  // small run's instructions).
  static constexpr ByteSet kMarkup("<>&");
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size();) {
    const size_t at = std::min(kMarkup.FindIn(json, i), json.size());
    out.append(json.data() + i, at - i);
    if (at == json.size()) break;
    switch (json[at]) {
      case '<': out.append("\\u003c"); break;
      case '>': out.append("\\u003e"); break;
      default: out.append("\\u0026"); break;  // '&'
    }
    i = at + 1;
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string HtmlContentSecurityPolicy() {
  static const std::string kPolicy =
      "default-src 'none'; script-src 'sha256-" + Sha256Base64(HtmlAsset("script")) +
      "'; style-src 'sha256-" + Sha256Base64(HtmlAsset("style")) +
      "'; img-src data:; base-uri 'none'; form-action 'none'";
  return kPolicy;
}

void WriteHtmlReport(std::ostream& out, const RunInfo& run, const Summary& summary,
                     const ReportSample& sample, const HtmlOptions& options) {
  auto write = [&out](std::string_view s) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
  };
  FillTemplate(HtmlAsset("page"), [&](std::string_view literal, std::string_view name) {
    write(literal);
    if (name == "CSP") {
      write(HtmlContentSecurityPolicy());
    } else if (name == "GENERATOR") {
      write(HtmlEscape("newslint " + run.tool_version));
    } else if (name == "STYLE") {
      write(HtmlAsset("style"));
    } else if (name == "SCRIPT") {
      write(HtmlAsset("script"));
    } else if (name == "DATA") {
      // Written piece by piece (one article at a time), so the page costs no
      // more memory than the sample it is made from.
      std::string buf;
      JsonWriter w(&buf);
      std::vector<const SampledArticle*> articles = sample.Articles();
      w.BeginObject();
      w.Key("format");
      w.Int(1);
      w.Key("tool");
      w.BeginObject();
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
      w.Int(static_cast<int64_t>(run.rules.size()));
      w.EndObject();
      w.Key("docs_url");
      w.String(options.docs_url);
      w.Key("summary");
      WriteSummaryData(w, summary, options);
      w.Key("sample");
      w.BeginObject();
      w.Key("worst");
      w.Int(sample.limits().worst);
      w.Key("per_rule");
      w.Int(sample.limits().per_rule);
      w.Key("max_text_bytes");
      w.Int(sample.limits().max_text_bytes);
      w.Key("articles");
      w.Int(static_cast<int64_t>(articles.size()));
      w.EndObject();
      w.Key("articles");
      w.BeginArray();
      WriteSafe(out, &buf);
      for (const SampledArticle* a : articles) {
        WriteArticleData(w, *a);
        WriteSafe(out, &buf);
      }
      w.EndArray();
      w.EndObject();
      WriteSafe(out, &buf);
    } else if (!name.empty()) {
      write("@");
      write(name);
      write("@");
    }
  });
}

namespace {

class HtmlReporter : public Reporter {
 public:
  HtmlReporter(std::ostream& out, const ReportOptions& options)
      : out_(out),
        sample_(SampleLimits{options.report_articles, options.report_per_rule}) {
    html_.docs_url = options.docs_url;
  }

  void Add(const Article& article, const std::vector<Finding>& findings) override {
    sample_.Add(order_++, article, findings);
  }

  void End(const RunInfo& run, const Summary& summary) override {
    WriteHtmlReport(out_, run, summary, sample_, html_);
    out_.flush();
  }

 private:
  std::ostream& out_;
  ReportSample sample_;
  HtmlOptions html_;
  uint64_t order_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> MakeHtmlReporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<HtmlReporter>(out, options);
}

}  // namespace newslint
