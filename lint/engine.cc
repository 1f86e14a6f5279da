#include "lint/engine.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include "lint/analysis.h"
#include "lint/phrase_bank.h"
#include "lint/registry.h"
#include "lint/utf8.h"

namespace newslint {
namespace {

bool Matches(std::string_view pattern, std::string_view id) {
  if (pattern == id) return true;
  return id.size() > pattern.size() && id.substr(0, pattern.size()) == pattern &&
         id[pattern.size()] == '/';
}

bool MatchesAny(const std::vector<std::string>& patterns, std::string_view id) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return Matches(p, id); });
}

// Line, column and excerpt of a finding in the part of `text` the rules did
// not lint (the analysis holds only the part before): counted in the whole
// text, the column in code points as Analysis::Locate counts it, the excerpt
// the finding's line from the finding on, at most 60 code points.
void LocateAfterCut(std::string_view text, Finding* f) {
  const size_t at = std::min(f->span.start, text.size());
  const std::string_view before = text.substr(0, at);
  const size_t nl = before.rfind('\n');
  const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
  f->line = 1 + static_cast<int64_t>(std::count(before.begin(), before.end(), '\n'));
  f->column = 1 + static_cast<int64_t>(CountCodePoints(before.substr(line_start)));
  std::string_view rest = text.substr(at);
  rest = rest.substr(0, rest.find('\n'));
  size_t end = 0;
  for (int k = 0; k < 60 && end < rest.size(); ++k) end += utf8::DecodeAt(rest, end).length;
  f->excerpt.assign(rest.substr(0, end));
  if (end < rest.size()) f->excerpt += "\u2026";
}

// The input/text-too-long finding of a text the rules linted up to `cut`:
// its span is the rest.
Finding TextTooLongFinding(std::string_view text, size_t cut, uint64_t max_bytes) {
  Finding f;
  f.rule = "input/text-too-long";
  f.span = {cut, text.size()};
  const size_t lines = LinesOfPart(text.substr(0, cut));
  const uint64_t max_lines = MaxLintedLines(max_bytes);
  f.message = "text of " + std::to_string(text.size()) + " bytes is over --max-text-bytes (" +
              std::to_string(max_bytes) + " bytes or " + std::to_string(max_lines) +
              " lines): the rules linted its first " + std::to_string(cut) + " bytes (" +
              std::to_string(lines) + " lines), not the " + std::to_string(text.size() - cut) +
              " bytes after them";
  f.evidence = {{"text_bytes", static_cast<int64_t>(text.size())},
                {"linted_bytes", static_cast<int64_t>(cut)},
                {"linted_lines", static_cast<int64_t>(lines)},
                {"max_text_bytes", static_cast<int64_t>(max_bytes)}};
  return f;
}

// The order of an article's findings: by span start, then rule id; a rule's
// findings at one start in the order reported (the sorts are stable).
bool FindingBefore(const Finding& a, const Finding& b) {
  if (a.span.start != b.span.start) return a.span.start < b.span.start;
  return a.rule < b.rule;
}

// A rule must never take the run down: a rule that throws loses its
// findings on that article, and stderr says which rule and record failed.
void SayRuleFailed(const Rule& rule, const Article& article, const std::exception& e) {
  std::fprintf(stderr, "newslint: rule %.*s failed on %s: %s\n",
               static_cast<int>(rule.info().id.size()), rule.info().id.data(), article.id.c_str(),
               e.what());
}

}  // namespace

bool Engine::IsKnownIdOrFamily(std::string_view name,
                               const std::vector<const RuleInfo*>& catalogue) {
  return std::any_of(catalogue.begin(), catalogue.end(),
                     [&](const RuleInfo* info) { return Matches(name, info->id); });
}

std::unique_ptr<Engine> Engine::Create(EngineSettings settings, std::string* error) {
  std::vector<std::unique_ptr<Rule>> rules;
  if (!MakeAllRules(settings.packs, &rules, error)) return nullptr;
  return Create(std::move(settings), std::move(rules), error);
}

std::unique_ptr<Engine> Engine::Create(EngineSettings settings,
                                       std::vector<std::unique_ptr<Rule>> rules, std::string* error) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->rules_ = std::move(rules);
  engine->catalogue_ = AllRuleInfos(engine->rules_);
  for (const auto* list : {&settings.select, &settings.ignore}) {
    for (const std::string& name : *list) {
      if (!IsKnownIdOrFamily(name, engine->catalogue_)) {
        *error = "unknown rule or family '" + name + "' (see `newslint rules`)";
        return nullptr;
      }
    }
  }
  engine->config_ = std::move(settings.config);
  engine->max_text_bytes_ = settings.max_text_bytes;
  const Config& config = engine->config_;
  auto enabled = [&](const RuleInfo& info) {
    const std::string_view id = info.id;
    bool input = id.substr(0, 6) == "input/";
    const bool selected = !settings.select.empty() && MatchesAny(settings.select, id);
    if (!input && !settings.select.empty() && !selected) return false;
    if (MatchesAny(settings.ignore, id)) return false;
    auto it = config.rules.find(std::string(id));
    if (it != config.rules.end() && it->second.enabled.has_value()) return *it->second.enabled;
    return info.on_by_default || selected;
  };
  for (const RuleInfo* info : engine->catalogue_) {
    if (enabled(*info)) engine->enabled_ids_.emplace_back(info->id);
  }
  std::sort(engine->enabled_ids_.begin(), engine->enabled_ids_.end());
  for (const auto& rule : engine->rules_) {
    const RuleInfo& info = rule->info();
    if (!enabled(info)) continue;
    RuleOptions options;
    if (auto it = config.rules.find(std::string(info.id)); it != config.rules.end()) {
      options = RuleOptions(it->second.options);
    }
    engine->active_.push_back({rule.get(), engine->SeverityOf(info.id), std::move(options)});
  }
  int datasets = 0;
  for (const ActiveRule& a : engine->active_) {
    engine->dataset_index_.push_back(dynamic_cast<const DatasetRule*>(a.rule) ? datasets++ : -1);
  }
  // The dictionaries load on a thread of their own while the phrases compile.
  if (settings.dictionary_preloads > 0) {
    std::vector<std::string> bases;
    for (const ActiveRule& a : engine->active_) {
      for (std::string& base : a.rule->dictionaries(a.options)) {
        if (std::find(bases.begin(), bases.end(), base) == bases.end()) bases.push_back(std::move(base));
      }
    }
    for (const std::string& base : bases) {
      engine->preloads_.push_back(Dictionary::Preload(base, settings.dictionary_preloads));
    }
  }
  std::vector<const PhraseMatcher*> matchers;
  for (const ActiveRule& a : engine->active_) AppendPhraseMatchers(*a.rule, &matchers);
  if (!matchers.empty()) engine->phrase_bank_ = std::make_shared<const PhraseBank>(matchers);
  return engine;
}

Severity Engine::SeverityOf(std::string_view id) const {
  if (auto it = config_.rules.find(std::string(id)); it != config_.rules.end() && it->second.severity) {
    return *it->second.severity;
  }
  for (const RuleInfo* info : catalogue_) {
    if (info->id == id) return info->default_severity;
  }
  return Severity::kError;
}

bool Engine::IsEnabled(std::string_view id) const {
  return std::binary_search(enabled_ids_.begin(), enabled_ids_.end(), id);
}

std::vector<DatasetRuleRun> Engine::dataset_rules() const {
  std::vector<DatasetRuleRun> out;
  for (const ActiveRule& a : active_) {
    // The engine owns the rules as non-const objects (rules_); only dataset
    // rules' statistics are written, between passes (see lint/rule.h).
    if (auto* d = dynamic_cast<const DatasetRule*>(a.rule)) {
      out.push_back({const_cast<DatasetRule*>(d), &a.options});
    }
  }
  return out;
}

std::vector<std::string> Engine::active_rule_ids() const {
  std::vector<std::string> ids;
  for (const ActiveRule& a : active_) ids.emplace_back(a.rule->info().id);
  return ids;
}

void Engine::set_timings(RuleTimings* timings) {
  timings_ = timings;
  timing_rows_.clear();
  if (!timings) return;
  engine_row_ = timings->Row("(analysis and sorting)");
  for (const ActiveRule& a : active_) timing_rows_.push_back(timings->Row(std::string(a.rule->info().id)));
}

std::vector<Finding> Engine::Lint(const Article& article) const {
  std::vector<Finding> findings;
  LintBatch(&article, 1, &findings);
  return findings;
}

void Engine::LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings) const {
  LintBatch(articles, n, findings, nullptr);
}

void Engine::LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings,
                       const NotedBatch& noted) const {
  LintBatch(articles, n, findings, &noted);
}

void Engine::LintBatch(const Article* articles, size_t n, std::vector<Finding>* findings,
                       const NotedBatch* noted) const {
  // --timings: the views are rows of their own, each rule's row is its
  // Check() without them, the engine's row the rest of LintBatch().
  ViewClock views{timings_};
  const ScopedViewClock install(&views);
  ScopedTiming engine_time(timings_, engine_row_, &views);
  engine_time.CountAs(n);  // the engine's row per article, as the rules' rows
  // An Analysis does not move (its views keep references to it): each
  // lives on the heap.
  std::vector<std::unique_ptr<Analysis>> analyses;
  analyses.reserve(n);
  // What the rules see of each article (LintedPart): the article itself, or
  // for a text over --max-text-bytes a copy of its first part, made here.
  std::vector<const Article*> linted(n);
  std::vector<std::unique_ptr<Article>> parts;  // the copies; none for news
  for (size_t k = 0; k < n; ++k) {
    linted[k] = &articles[k];
    if (LintedLength(articles[k].text, max_text_bytes_) != articles[k].text.size()) {
      parts.push_back(std::make_unique<Article>());
      linted[k] = &LintedPart(articles[k], max_text_bytes_, parts.back().get());
    }
    analyses.push_back(std::make_unique<Analysis>(*linted[k]));
    analyses.back()->set_phrase_bank(phrase_bank_.get());
    findings[k].clear();
  }
  const size_t datasets = noted ? noted->observers->size() : 0;
  for (size_t r = 0; r < active_.size(); ++r) {
    const ActiveRule& a = active_[r];
    const int d = dataset_index_[r];
    for (size_t k = 0; k < n; ++k) {
      FindingSink sink(a.rule->info().id, a.severity, &findings[k]);
      const ScopedTiming rule_time(timings_, timings_ ? timing_rows_[r] : 0, &views, &engine_time);
      try {
        if (noted != nullptr && d >= 0) {
          // Noted and observed now, judged once the statistics are ready.
          const auto* rule = static_cast<const DatasetRule*>(a.rule);
          std::string& memo = noted->memos[k * datasets + static_cast<size_t>(d)];
          memo.clear();
          rule->Note(*linted[k], *analyses[k], &memo);
          (*noted->observers)[static_cast<size_t>(d)]->Observe(*linted[k], *analyses[k], memo);
        } else {
          a.rule->Check(*linted[k], *analyses[k], a.options, sink);
        }
      } catch (const std::exception& e) {
        SayRuleFailed(*a.rule, articles[k], e);
      }
      sink.Finish();
    }
  }
  for (size_t k = 0; k < n; ++k) {
    const Article& article = articles[k];
    std::vector<Finding>& out = findings[k];
    for (const Finding& f : article.input_findings) {
      if (!IsEnabled(f.rule)) continue;
      Finding copy = f;
      copy.severity = SeverityOf(f.rule);
      out.push_back(std::move(copy));
    }
    const size_t cut = linted[k]->text.size();
    if (cut != article.text.size() && IsEnabled("input/text-too-long")) {
      out.push_back(TextTooLongFinding(article.text, cut, max_text_bytes_));
      out.back().severity = SeverityOf("input/text-too-long");
    }
    Place(article, *linted[k], *analyses[k], &out);
  }
  // The chunk's analyses freed together at the end, the last made first.
  // Freed one by one between the articles' sorting and excerpts, the blocks
  // of their views (made rule by rule, so interleaved across the chunk's
  // articles) went back to glibc's malloc among the excerpts' allocations:
  // freed together, the allocator's share of a run on the fixtures fell
  // from 8.5% to 7.3% of the samples, and the run took 1-3% less CPU
  // (three sets of pinned pairs; no change on clean news).
  for (size_t k = n; k-- > 0;) analyses[k].reset();
}

void Engine::Place(const Article& article, const Article& linted, Analysis& analysis,
                   std::vector<Finding>* findings) const {
  const size_t size = article.text.size();
  for (Finding& f : *findings) {
    f.span.start = std::min(f.span.start, size);
    f.span.end = std::clamp(f.span.end, f.span.start, size);
  }
  std::stable_sort(findings->begin(), findings->end(), FindingBefore);
  const size_t cut = linted.text.size();
  for (Finding& f : *findings) {
    if (cut != size && f.span.start >= cut) {
      LocateAfterCut(article.text, &f);  // beyond what the analysis holds
      continue;
    }
    LineColumn lc = analysis.Locate(f.span.start);
    f.line = lc.line;
    f.column = lc.column;
    f.excerpt = analysis.Excerpt(f.span);
  }
}

void Engine::JudgeNoted(const Article& article, const std::string_view* memos,
                        std::vector<Finding>* findings) const {
  ViewClock views{timings_};
  const ScopedViewClock install(&views);
  ScopedTiming engine_time(timings_, engine_row_, &views);
  engine_time.CountAs(0);  // LintBatch counted the article
  Article part;  // filled only for a text over max_text_bytes
  const Article& linted = LintedPart(article, max_text_bytes_, &part);
  thread_local std::vector<Finding> found;
  found.clear();
  for (size_t r = 0; r < active_.size(); ++r) {
    const int d = dataset_index_[r];
    if (d < 0) continue;
    const ActiveRule& a = active_[r];
    FindingSink sink(a.rule->info().id, a.severity, &found);
    ScopedTiming rule_time(timings_, timings_ ? timing_rows_[r] : 0, &views, &engine_time);
    rule_time.CountAs(0);  // the second half of the call LintBatch counted
    try {
      static_cast<const DatasetRule*>(a.rule)->CheckNoted(linted, memos[d], a.options, sink);
    } catch (const std::exception& e) {
      SayRuleFailed(*a.rule, article, e);
    }
    sink.Finish();
  }
  if (found.empty()) return;  // most articles: no analysis needed
  Analysis analysis(linted);
  Place(article, linted, analysis, &found);
  // Both sorted by (start, rule), and no rule in both: merged, they are in
  // the order one sort of them all gives.
  const size_t mid = findings->size();
  findings->insert(findings->end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
  found.clear();
  std::inplace_merge(findings->begin(), findings->begin() + static_cast<std::ptrdiff_t>(mid),
                     findings->end(), FindingBefore);
}

}  // namespace newslint
