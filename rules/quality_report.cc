// newslint: the findings of the quality/* rules (see rules/quality_report.h).

#include "rules/quality_report.h"

#include <cstdio>
#include <utility>

namespace newslint {

bool QualitySignal::Fires() const {
  const double v = value();
  if (comparison == ">") return v > threshold;
  if (comparison == ">=") return v >= threshold;
  if (comparison == "<") return v < threshold;
  if (comparison == "<=") return v <= threshold;
  return false;
}

std::string FormatQualityNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string QualitySignal::Describe() const {
  std::string out = metric;
  out.append(" ").append(FormatQualityNumber(value()));
  out.append(" ").append(comparison).append(" ").append(FormatQualityNumber(threshold));
  if (is_ratio()) {
    out.append(" (").append(std::to_string(numerator)).append("/");
    out.append(std::to_string(denominator)).append(")");
  }
  return out;
}

void ReportQuality(FindingSink& sink, Span span, std::string_view what,
                   const std::vector<QualitySignal>& signals, Evidence extra) {
  std::vector<const QualitySignal*> fired;
  for (const QualitySignal& s : signals) {
    if (s.Fires()) fired.push_back(&s);
  }
  if (fired.empty()) return;
  const QualitySignal& first = *fired.front();
  Evidence evidence;
  evidence.emplace_back("metric", first.metric);
  if (first.is_ratio()) {
    evidence.emplace_back("value", first.value());
  } else {
    evidence.emplace_back("value", static_cast<int64_t>(first.numerator));
  }
  evidence.emplace_back("threshold", first.threshold);
  evidence.emplace_back("comparison", std::string(first.comparison));
  if (first.is_ratio()) {
    evidence.emplace_back("numerator", static_cast<int64_t>(first.numerator));
    evidence.emplace_back("denominator", static_cast<int64_t>(first.denominator));
  }
  std::vector<std::string> described;
  for (const QualitySignal* s : fired) described.push_back(s->Describe());
  std::string message(what);
  message.append(": ");
  for (size_t i = 0; i < described.size(); ++i) {
    if (i > 0) message.append("; ");
    message.append(described[i]);
  }
  evidence.emplace_back("signals", std::move(described));
  for (auto& e : extra) evidence.push_back(std::move(e));
  sink.Report(span, std::move(message), std::move(evidence));
}

}  // namespace newslint
