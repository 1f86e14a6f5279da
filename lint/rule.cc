#include "lint/rule.h"

namespace newslint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

const OptionValue* RuleOptions::Find(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

bool RuleOptions::Has(std::string_view name) const { return Find(name) != nullptr; }

bool RuleOptions::GetBool(std::string_view name, bool def) const {
  const OptionValue* v = Find(name);
  if (const bool* b = v ? std::get_if<bool>(v) : nullptr) return *b;
  return def;
}

int64_t RuleOptions::GetInt(std::string_view name, int64_t def) const {
  const OptionValue* v = Find(name);
  if (const int64_t* i = v ? std::get_if<int64_t>(v) : nullptr) return *i;
  return def;
}

double RuleOptions::GetDouble(std::string_view name, double def) const {
  const OptionValue* v = Find(name);
  if (!v) return def;
  if (const double* d = std::get_if<double>(v)) return *d;
  if (const int64_t* i = std::get_if<int64_t>(v)) return static_cast<double>(*i);
  return def;
}

std::string RuleOptions::GetString(std::string_view name, std::string_view def) const {
  return std::string(GetStringView(name, def));
}

std::string_view RuleOptions::GetStringView(std::string_view name, std::string_view def) const {
  const OptionValue* v = Find(name);
  if (const std::string* s = v ? std::get_if<std::string>(v) : nullptr) return *s;
  return def;
}

std::vector<std::string> RuleOptions::GetList(std::string_view name) const {
  const OptionValue* v = Find(name);
  if (const auto* l = v ? std::get_if<std::vector<std::string>>(v) : nullptr) return *l;
  return {};
}

void FindingSink::Report(Span span, std::string message, Evidence evidence,
                         std::optional<Fix> fix) {
  if (reported_ == kMaxFindingsPerRule) {
    if (left_out_++ == 0) first_left_out_ = span;
    return;
  }
  ++reported_;
  Finding f;
  f.rule = std::string(rule_id_);
  f.severity = severity_;
  f.message = std::move(message);
  f.span = span;
  f.evidence = std::move(evidence);
  f.fix = std::move(fix);
  out_->push_back(std::move(f));
}

void FindingSink::Finish() {
  if (left_out_ == 0) return;
  Finding f;
  f.rule = std::string(rule_id_);
  f.severity = severity_;
  f.message = std::to_string(left_out_) + " more " +
              (left_out_ == 1 ? "finding" : "findings") + " of this rule in this article, not "
              "reported: at most " + std::to_string(kMaxFindingsPerRule) +
              " are kept per rule and article; the first left out is here";
  f.span = first_left_out_;
  f.evidence = {{"left_out", static_cast<int64_t>(left_out_)},
                {"max_per_rule", static_cast<int64_t>(kMaxFindingsPerRule)}};
  out_->push_back(std::move(f));
  left_out_ = 0;
}

void DatasetRule::Check(const Article& article, Analysis& analysis, const RuleOptions& options,
                        FindingSink& sink) const {
  if (!Finished()) return;  // no first pass (stdin, a single article): silent
  thread_local std::string memo;
  memo.clear();
  Note(article, analysis, &memo);
  CheckNoted(article, memo, options, sink);
}

void DatasetRule::NoteAndObserve(DatasetObserver& observer, const Article& article,
                                 Analysis& analysis) const {
  thread_local std::string memo;
  memo.clear();
  Note(article, analysis, &memo);
  observer.Observe(article, analysis, memo);
}

}  // namespace newslint
