// newslint: the command line. `newslint --help` is the manual for this file.

#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/fixes.h"
#include "lint/output_file.h"
#include "lint/pipeline.h"
#include "lint/shard.h"
#include "lint/readers/reader.h"
#include "lint/registry.h"
#include "lint/rule_docs.h"
#include "rules/rule_pack.h"
#include "reports/baseline.h"
#include "reports/json_writer.h"
#include "reports/html.h"
#include "reports/merge.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitRunFailed = 2;

constexpr const char* kMainFooter = R"(
Examples:
  newslint check scraped/                      lint every .jsonl/.html/.txt under scraped/
  newslint check out.jsonl.zst -o flags.jsonl  one output line per input line
  newslint check - < articles.jsonl            read JSON Lines from stdin
  newslint check a.jsonl --fix -o clean.jsonl  the records again with the safe fixes applied
  newslint rules                               list every rule
  newslint explain garbled/mojibake            read a rule's documentation
  newslint check crawl/ --shard 2/8 -o p2.json one slice of a large run (K/N)
  newslint merge p*.json -o all.json           join the slices' JSON reports

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it
or a [budgets] budget broken (even with --fail-on never), 2 the run failed
(bad flag, unreadable config, baseline or input file). CI: docs/ci.md.
Configuration: newslint.toml, found by walking up from the working folder
(see `newslint check --help`). Docs: docs/architecture.md, docs/rules/,
docs/rule-packs.md (house rules as data: --pack FILE).)";

constexpr const char* kCheckFooter = R"(
Inputs: files and folders (walked recursively; inside folders only .jsonl,
.ndjson, .json (also .gz, .zst), .html, .htm and .txt are read), or - for
JSON Lines on stdin. A JSONL line is one article: the text comes from the
first of text, maintext, content, body, article, article_text (override with
--field text=NAME); id, url, title, byline/authors, published/date, html and
links are read when present. HTML pages are reduced to their visible text,
one line per block. Any other file is one plain-text article.

Outputs: --format and -o pair up in order (--format json -o r.json --format
jsonl -o r.jsonl); with -o alone the format follows the extension (.json,
.jsonl, .txt, .sarif). The default is the text format on stdout.
  text   path:line:column: severity: message [rule], with an excerpt; then a
         summary. JSONL records show as path#record:line:column.
  jsonl  one line per input record, in input order, findings or not.
  json   {"schema": "newslint.report/1", "tool", "run", "articles", "summary",
         "sample"}.
  sarif  SARIF 2.1.0 (.sarif) for GitHub code scanning: rules with doc links,
         one result per finding with a stable fingerprint. A JSONL record's
         region is its line in the file; its place in the text is in
         properties.textRegion.
  github ::error/::warning/::notice file=...,line=...::message workflow
         commands for GitHub Actions (JSONL: line = the record's line).
  html   one self-contained page (.html, .htm; or --report FILE.html): counts
         and charts of the whole run, the articles with the most severe
         findings (--report-articles, default 200) and the first of each rule
         (--report-per-rule, default 20) with findings highlighted in the
         text; filters by rule, family, severity, site and a text search.
Spans are byte offsets into the text (end exclusive); columns count Unicode
code points. See docs/reports.md.

Cleaning: --fix writes every input record again, one line each, in input
order, with the fixes of the findings applied to its text (boilerplate rules
remove the flagged line; garbled rules repair bytes where the repair is
certain). The first -o is the cleaned output (stdout without -o); further -o's
pair with --format for reports as above:
  newslint check crawl.jsonl --fix -o clean.jsonl --format json -o report.json
A JSONL record keeps every byte but its text field's string; a record that
could not be parsed, whose text came from an html field, or that has nothing
to fix is written exactly as read. An HTML or text file becomes one line
{"id","source","url","text"}. Bytes that are not UTF-8 are kept as read.
--fix-rules boilerplate,garbled/mojibake limits which rules' fixes apply.

CI gate (docs/ci.md):
  newslint check out/ --baseline newslint.baseline.json \
      --format sarif -o newslint.sarif --format github -o -
--write-baseline FILE records every finding of the run; --baseline FILE
suppresses the findings it records (matched on article id/url, rule and the
matched text, not on offsets, so a re-scrape that moves text keeps them
known) and reports the ones that are gone as fixed. Suppressed findings count
neither for --fail-on nor for budgets. [budgets] in newslint.toml caps the
share of articles with a finding of a rule or family; a broken budget exits 1.

Large runs: --shard K/N lints the K-th of N byte-balanced, contiguous slices
of the inputs (plain JSONL files split at line boundaries, record numbers
kept; compressed, HTML and text files whole; not stdin); join the shards'
JSON reports with `newslint merge part-*.json -o all.json`. A progress line
(articles, MB, MB/s, ETA) is drawn on stderr when it is a terminal.
Dataset rules (boilerplate/template-line, dataset/duplicate-article,
metadata/missing-field) judge a record against the whole input: the run
lints each record once, keeps its findings in an unlinked temporary file in
$TMPDIR (else /var/tmp; a few hundred bytes per finding) and reads the inputs
again to report them. Stdin from a pipe, which can be read only once, is
first copied there whole (as many bytes as it carries; --ignore those three
to stream it; if the disk fills up they stay silent); stdin from a file is
read again in place.

A record that cannot be read never stops the run: it gets an input/* finding
(input/invalid-json, input/missing-text, input/invalid-utf8, input/read-error,
input/record-too-large over --max-record-bytes)
and still yields its output record. A text over --max-text-bytes (1 MiB, or
65,536 lines) is linted up to the last line that fits, and the rest is one
input/text-too-long warning, and a rule keeps at most 1,000 findings per
article (one more finding counts the rest): memory per record stays bounded.

Configuration (newslint.toml):
  [lint]
  select = ["boilerplate", "garbled"]
  ignore = ["garbled/stray-punctuation"]
  fail-on = "warning"
  packs = ["house-rules.toml"]   # rule packs: phrase rules as data, relative to
                                 # this file (docs/rule-packs.md); also --pack FILE
  language = "en"          # the expected language, for metadata/language
  [rules."garbled/mojibake"]
  severity = "warning"     # or: enabled = false, or any option of the rule
  [rules."quality/word-count"]
  enabled = true           # quality/* (the Gopher, C4 and FineWeb filters) are
                           # off by default: enable them here or --select quality
  [budgets]                # share of articles allowed a finding of it (0..1)
  "boilerplate" = 0.02
  "links/spam-anchor" = 0.0
Flags win over the file.)";

std::string NowIso8601() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string FormatFromExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".json") return "json";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  if (ext == ".txt" || ext == ".log") return "text";
  if (ext == ".sarif") return "sarif";
  if (ext == ".html" || ext == ".htm") return "html";
  return "";
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr && term != nullptr &&
         std::string(term) != "dumb";
}

struct CheckFlags {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> packs;
  std::vector<std::string> fields;
  bool fix = false;
  std::vector<std::string> fix_rules;
  std::string fail_on;
  std::string config;
  bool no_config = false;
  bool include_text = false;
  bool show_clean = false;
  bool debug_analysis = false;
  uint64_t max_record_bytes = kDefaultMaxRecordBytes;
  uint64_t max_text_bytes = kDefaultMaxTextBytes;
  std::string docs_url = kDefaultDocsUrl;
  std::string report;          // --report FILE.html
  int report_articles = 200;   // --report-articles
  int report_per_rule = 20;    // --report-per-rule
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // --write-baseline FILE
  std::string color = "auto";
  int jobs = 0;
  std::string shard;         // --shard K/N
  bool progress = false;     // --progress
  bool no_progress = false;  // --no-progress
  bool timings = false;      // --timings
};

struct MergeFlags {
  std::vector<std::string> parts;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string report;   // --report FILE.html
  std::string fail_on;  // "" = the parts'
  std::string docs_url = kDefaultDocsUrl;
  bool show_clean = false;
  std::string color = "auto";
};

constexpr const char* kMergeFooter = R"(
Sharded runs: each worker lints one slice and writes a JSON report,
  newslint check crawl/ --shard K/N -o part-K.json      (K = 1..N)
then one merge joins them into the report a single run would write:
  newslint merge part-*.json -o all.json --report all.html
Parts that record their shard are put in K order and must be 1..N, each
once (else exit 2, naming what is missing or repeated); parts without one
are taken in the order given. Summaries add up (elapsed: the longest part's;
jobs: summed); the HTML page is drawn from the parts' samples. Exit codes
as for check, judged on the merged counts. See docs/reports.md.)";

int Fail(const std::string& message) {
  std::fprintf(stderr, "newslint: %s\n", message.c_str());
  return kExitRunFailed;
}

// The catalogue of a run: the built-in rules (C++ and built-in packs), then
// the rules of the packs the config names ([lint] packs), then --pack files.
// Packs come first because [rules."<id>"] tables may configure their rules.
bool LoadCatalogue(const std::string& config_path, const std::vector<std::string>& flag_packs,
                   std::vector<std::string>* packs, std::vector<std::unique_ptr<Rule>>* rules,
                   std::string* error) {
  if (!config_path.empty() && !ReadConfigPacks(config_path, packs, error)) return false;
  packs->insert(packs->end(), flag_packs.begin(), flag_packs.end());
  return MakeAllRules(*packs, rules, error);
}

int RunCheck(const CheckFlags& flags) {
  // Catalogue (with the rule packs) first, then the configuration checked against it.
  std::string error;
  std::string config_path = flags.config;
  if (config_path.empty() && !flags.no_config) config_path = FindConfigFile(".");
  std::vector<std::string> packs;
  std::vector<std::unique_ptr<Rule>> catalogue_rules;
  if (!LoadCatalogue(config_path, flags.packs, &packs, &catalogue_rules, &error)) {
    return Fail(error);
  }
  auto catalogue = AllRuleInfos(catalogue_rules);
  Config config;
  if (!config_path.empty() && !LoadConfig(config_path, catalogue, &config, &error)) {
    return Fail(error);
  }

  EngineSettings settings;
  settings.select = flags.select.empty() ? config.select : flags.select;
  settings.ignore = config.ignore;
  settings.ignore.insert(settings.ignore.end(), flags.ignore.begin(), flags.ignore.end());
  std::string fail_on = !flags.fail_on.empty() ? flags.fail_on : config.fail_on.value_or("error");
  std::map<std::string, double> budgets = config.budgets;
  settings.config = std::move(config);
  settings.packs = std::move(packs);
  settings.max_text_bytes = flags.max_text_bytes;
  const int jobs = flags.jobs > 0 ? flags.jobs
                                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  settings.dictionary_preloads = jobs;  // one per linting thread (lint/pipeline.h)
  // The engine takes the catalogue's rules (made from the same packs) rather
  // than compiling every rule's lexicons a second time; `catalogue` still
  // points into them, now owned by the engine.
  std::unique_ptr<Engine> engine =
      Engine::Create(std::move(settings), std::move(catalogue_rules), &error);
  if (!engine) return Fail(error);

  // Inputs.
  PipelineOptions options;
  if (!ExpandInputs(flags.paths, &options.files, &error)) return Fail(error);
  if (std::count(options.files.begin(), options.files.end(), "-") > 1) {
    return Fail("stdin (-) can be read only once");
  }
  // --shard K/N (lint/shard.h): checked here, before any report is opened.
  if (!flags.shard.empty()) {
    if (!ParseShardSpec(flags.shard, &options.shard, &error)) return Fail(error);
    if (options.shard.count > 1 &&
        std::find(options.files.begin(), options.files.end(), "-") != options.files.end()) {
      return Fail("--shard " + flags.shard +
                  " cannot read stdin (-): a shard needs the size of its input");
    }
  }
  for (const std::string& f : flags.fields) {
    size_t eq = f.find('=');
    static const std::vector<std::string> kFields = {"id", "url", "title", "byline", "published",
                                                     "text", "html", "links"};
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size() ||
        std::find(kFields.begin(), kFields.end(), f.substr(0, eq)) == kFields.end()) {
      return Fail("--field takes ARTICLE_FIELD=RECORD_FIELD with ARTICLE_FIELD one of id, url, "
                  "title, byline, published, text, html, links; got '" + f + "'");
    }
    options.read.fields[f.substr(0, eq)] = f.substr(eq + 1);
  }
  options.jobs = jobs;
  options.read.keep_raw_record = flags.fix;  // cleaned JSONL records rewrite the line as read
  options.read.max_record_bytes = flags.max_record_bytes;
  for (const std::string& name : flags.fix_rules) {
    if (!Engine::IsKnownIdOrFamily(name, catalogue)) {
      return Fail("unknown rule or family '" + name + "' in --fix-rules (see `newslint rules`)");
    }
  }

  // Outputs: pair --format with -o in order. With --fix the first -o is the
  // cleaned output (stdout without -o) and the report is written only when
  // asked for (--format or a further -o).
  std::vector<std::string> report_paths = flags.outputs;
  std::string fix_path;  // "" = stdout
  if (flags.fix && !report_paths.empty()) {
    fix_path = report_paths.front() == "-" ? "" : report_paths.front();
    report_paths.erase(report_paths.begin());
  }
  std::vector<std::pair<std::string, std::string>> outputs;  // format, path ("" = stdout)
  if (report_paths.empty()) {
    if (flags.formats.size() > 1) return Fail("several --format values need one -o FILE each");
    if (flags.fix && fix_path.empty() && !flags.formats.empty()) {
      return Fail("--fix writes the cleaned records to stdout; give the report an -o FILE");
    }
    if (!flags.fix || !flags.formats.empty()) {
      outputs.emplace_back(flags.formats.empty() ? "text" : flags.formats[0], "");
    }
  } else if (flags.formats.empty()) {
    for (const std::string& path : report_paths) {
      std::string format = FormatFromExtension(path);
      if (format.empty()) {
        return Fail("cannot tell the format of -o " + path + " from its extension; add --format");
      }
      outputs.emplace_back(format, path);
    }
  } else if (flags.formats.size() == report_paths.size()) {
    for (size_t i = 0; i < flags.formats.size(); ++i) {
      outputs.emplace_back(flags.formats[i], report_paths[i] == "-" ? "" : report_paths[i]);
    }
  } else {
    return Fail("--format and -o pair up in order: give one -o per --format");
  }
  // --report: the HTML page as one more output, whatever the other outputs are.
  if (!flags.report.empty()) outputs.emplace_back("html", flags.report);

  ReportOptions report_options;
  report_options.include_text = flags.include_text;
  report_options.show_clean = flags.show_clean;
  report_options.debug_analysis = flags.debug_analysis;
  report_options.docs_url = flags.docs_url;
  report_options.report_articles = flags.report_articles;
  report_options.report_per_rule = flags.report_per_rule;
  // Report files are written under a temporary name and renamed when the
  // run is complete (lint/output_file.h): never a truncated report.
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  bool stdout_used = flags.fix && fix_path.empty();
  for (const auto& [format, path] : outputs) {
    std::ostream* out = &std::cout;
    if (!path.empty()) {
      auto file = std::make_unique<OutputFile>();
      if (!file->Open(path, &error)) return Fail(error);
      out = &file->stream();
      files.push_back(std::move(file));
    } else {
      if (stdout_used) {
        return Fail(flags.fix ? "--fix writes the cleaned records to stdout; give the report an -o FILE"
                              : "only one format can go to stdout");
      }
      stdout_used = true;
    }
    ReportOptions ro = report_options;
    ro.color = path.empty() && format == "text" && UseColor(flags.color);
    if (format == "text") {
      reporters.push_back(MakeTextReporter(*out, ro));
    } else if (format == "json") {
      reporters.push_back(MakeJsonReporter(*out, ro));
    } else if (format == "jsonl") {
      reporters.push_back(MakeJsonlReporter(*out, ro));
    } else if (format == "sarif") {
      reporters.push_back(MakeSarifReporter(*out, ro));
    } else if (format == "github") {
      reporters.push_back(MakeGithubReporter(*out, ro));
    } else if (format == "html") {
      reporters.push_back(MakeHtmlReporter(*out, ro));
    } else {
      return Fail("unknown --format '" + format + "' (text, json, jsonl, sarif, github, html)");
    }
  }

  // --fix: the cleaned records, written like one more report (reports/fixed.cc).
  FixedStats fixed_stats;
  if (flags.fix) {
    std::ostream* out = &std::cout;
    if (!fix_path.empty()) {
      auto file = std::make_unique<OutputFile>();
      if (!file->Open(fix_path, &error)) return Fail(error);
      out = &file->stream();
      files.push_back(std::move(file));
    }
    reporters.push_back(MakeFixedReporter(*out, FixFilter{flags.fix_rules}, &fixed_stats));
  }

  RunInfo run;
  run.tool_version = NEWSLINT_VERSION;
  run.inputs = flags.paths;
  run.started_at = NowIso8601();
  run.jobs = options.jobs;
  run.fail_never = fail_on == "never";
  run.fail_on = ParseSeverity(fail_on).value_or(Severity::kError);
  run.rules = engine->active_rule_ids();
  if (!flags.shard.empty()) {
    run.shard_index = options.shard.index;
    run.shard_count = options.shard.count;
  }
  // The rules with their summaries (sarif's tool.driver.rules): those that
  // run, then the input/* ids in force.
  for (const RuleInfo* info : catalogue) {
    std::string id(info->id);
    bool input = info->family() == "input";
    if (input ? !engine->IsEnabled(id)
              : std::find(run.rules.begin(), run.rules.end(), id) == run.rules.end()) {
      continue;
    }
    run.rule_descriptions.push_back({id, engine->SeverityOf(id), std::string(info->summary)});
  }
  std::stable_sort(run.rule_descriptions.begin(), run.rule_descriptions.end(),
            [&](const RunInfo::RuleDescription& a, const RunInfo::RuleDescription& b) {
              return (a.id.rfind("input/", 0) == 0) < (b.id.rfind("input/", 0) == 0);
            });
  for (const auto& [id, allowed] : budgets) {
    bool runs = false;
    for (const RunInfo::RuleDescription& r : run.rule_descriptions) {
      runs |= r.id == id || r.id.substr(0, r.id.find('/')) == id;
    }
    if (!runs) {
      std::fprintf(stderr,
                   "newslint: warning: budget '%s' in [budgets]: none of its rules runs "
                   "(--select/--ignore), so it cannot break\n",
                   id.c_str());
    }
  }

  // The CI gate: a baseline to suppress known findings, one to write.
  std::unique_ptr<Baseline> baseline;
  if (!flags.baseline.empty()) {
    baseline = Baseline::Load(flags.baseline, &error);
    if (!baseline) return Fail(error);
    options.baseline = baseline.get();
  }
  BaselineWriter baseline_writer;
  if (!flags.write_baseline.empty()) options.baseline_writer = &baseline_writer;

  std::vector<Reporter*> sinks;
  for (auto& r : reporters) sinks.push_back(r.get());
  Summary summary;
  summary.budgets = budgets;
  // The progress line (lint/progress.h): on a terminal stderr, unless a
  // report is being printed on the same terminal; --progress forces it.
  const bool stdout_is_report_terminal = stdout_used && isatty(STDOUT_FILENO);
  if (flags.progress ||
      (!flags.no_progress && isatty(STDERR_FILENO) && !stdout_is_report_terminal)) {
    options.progress = stderr;
  }
  // --timings (lint/timings.h): measured from here on, printed at the end.
  std::unique_ptr<RuleTimings> timings;
  if (flags.timings) {
    timings = std::make_unique<RuleTimings>();
    engine->set_timings(timings.get());
    options.timings = timings.get();
  }
  const auto run_start = std::chrono::steady_clock::now();
  bool ok = RunPipeline(options, *engine, sinks, run, &summary, &error);
  if (timings) {
    timings->Print(stderr, std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                         run_start).count());
  }
  std::cout.flush();
  // A failed run keeps no report: the temporary files go when `files` does.
  if (!ok) return Fail(error);
  for (auto& f : files) {
    if (!f->Commit(&error)) return Fail(error);
  }
  if (!flags.write_baseline.empty()) {
    if (!baseline_writer.Write(flags.write_baseline, &error)) return Fail(error);
    std::fprintf(stderr, "newslint: wrote baseline %s (%zu findings)\n",
                 flags.write_baseline.c_str(), baseline_writer.size());
  }

  if (flags.fix) {
    std::fprintf(stderr,
                 "newslint: --fix: %lld of %lld records changed, %lld fixes applied, %lld skipped "
                 "(overlapping another fix)\n",
                 static_cast<long long>(fixed_stats.records_changed),
                 static_cast<long long>(fixed_stats.records),
                 static_cast<long long>(fixed_stats.fixes.applied),
                 static_cast<long long>(fixed_stats.fixes.skipped));
    if (fixed_stats.records_left_as_read > 0) {
      std::fprintf(stderr,
                   "newslint: --fix: %lld records with fixes written as read (text from an html "
                   "field, no text string to replace)\n",
                   static_cast<long long>(fixed_stats.records_left_as_read));
    }
    std::fprintf(stderr, "newslint: wrote %s (cleaned records)\n",
                 fix_path.empty() ? "stdout" : fix_path.c_str());
  }
  if (!stdout_used) {
    std::fprintf(stderr, "newslint: %lld articles, %lld findings (%lld errors, %lld warnings, %lld info)\n",
                 static_cast<long long>(summary.articles), static_cast<long long>(summary.findings()),
                 static_cast<long long>(summary.by_severity[2]),
                 static_cast<long long>(summary.by_severity[1]),
                 static_cast<long long>(summary.by_severity[0]));
    if (baseline) {
      std::fprintf(stderr, "newslint: baseline: %lld known findings suppressed, %lld fixed\n",
                   static_cast<long long>(summary.suppressed),
                   static_cast<long long>(summary.baseline_fixed));
    }
    for (const Summary::BudgetResult& b : summary.Budgets()) {
      if (!b.broken) continue;
      std::fprintf(stderr,
                   "newslint: budget '%s' broken: %.2f%% of articles (%lld of %lld), allowed "
                   "%.2f%% (%lld)\n",
                   b.rule.c_str(), 100 * b.actual, static_cast<long long>(b.articles),
                   static_cast<long long>(summary.articles), 100 * b.allowed,
                   static_cast<long long>(b.allowed_articles));
    }
    for (const auto& [format, path] : outputs) {
      std::fprintf(stderr, "newslint: wrote %s (%s)\n", path.c_str(), format.c_str());
    }
  }
  // Budgets gate even with --fail-on never (reports/reporter.h, docs/ci.md).
  return RunExitCode(run, summary) == 0 ? kExitClean : kExitFindings;
}

// `newslint merge` (reports/merge.h): the outputs paired as in `check`.
int RunMerge(const MergeFlags& flags) {
  MergeOptions options;
  options.parts = flags.parts;
  if (flags.outputs.empty()) {
    if (flags.formats.size() > 1) return Fail("several --format values need one -o FILE each");
    if (!flags.formats.empty() || flags.report.empty()) {
      options.outputs.emplace_back(flags.formats.empty() ? "text" : flags.formats[0], "");
    }
  } else if (flags.formats.empty()) {
    for (const std::string& path : flags.outputs) {
      std::string format = FormatFromExtension(path);
      if (format != "json" && format != "jsonl" && format != "text" && format != "html") {
        return Fail("cannot tell the format of -o " + path + " from its extension; add --format");
      }
      options.outputs.emplace_back(format, path == "-" ? "" : path);
    }
  } else if (flags.formats.size() == flags.outputs.size()) {
    for (size_t i = 0; i < flags.formats.size(); ++i) {
      options.outputs.emplace_back(flags.formats[i], flags.outputs[i] == "-" ? "" : flags.outputs[i]);
    }
  } else {
    return Fail("--format and -o pair up in order: give one -o per --format");
  }
  if (!flags.report.empty()) options.outputs.emplace_back("html", flags.report);
  int on_stdout = 0;
  for (const auto& [format, path] : options.outputs) on_stdout += path.empty();
  if (on_stdout > 1) return Fail("only one format can go to stdout");
  options.report.docs_url = flags.docs_url;
  options.report.show_clean = flags.show_clean;
  options.report.color = UseColor(flags.color);

  MergeResult result;
  std::string error;
  if (!MergeReports(options, &result, &error)) return Fail(error);
  if (!flags.fail_on.empty()) {
    result.run.fail_never = flags.fail_on == "never";
    result.run.fail_on = ParseSeverity(flags.fail_on).value_or(Severity::kError);
  }
  if (on_stdout == 0) {
    const Summary& s = result.summary;
    std::fprintf(stderr,
                 "newslint: merged %zu parts: %lld articles, %lld findings (%lld errors, %lld "
                 "warnings, %lld info)\n",
                 flags.parts.size(), static_cast<long long>(s.articles),
                 static_cast<long long>(s.findings()), static_cast<long long>(s.by_severity[2]),
                 static_cast<long long>(s.by_severity[1]), static_cast<long long>(s.by_severity[0]));
    for (const auto& [format, path] : options.outputs) {
      std::fprintf(stderr, "newslint: wrote %s (%s)\n", path.c_str(), format.c_str());
    }
  }
  return RunExitCode(result.run, result.summary) == 0 ? kExitClean : kExitFindings;
}

// The pack rule behind catalogue entry `info`, if it is one.
std::optional<PackRuleRef> PackRuleFor(const std::vector<std::unique_ptr<Rule>>& rules,
                                       const RuleInfo* info) {
  for (const auto& r : rules) {
    if (&r->info() == info) return PackRuleOf(*r);
  }
  return std::nullopt;
}

int RunRules(bool json, const std::vector<std::string>& flag_packs) {
  std::vector<std::string> packs;
  std::vector<std::unique_ptr<Rule>> rules;
  std::string error;
  if (!LoadCatalogue(FindConfigFile("."), flag_packs, &packs, &rules, &error)) return Fail(error);
  auto catalogue = AllRuleInfos(rules);
  if (json) {
    std::string buf;
    JsonWriter w(&buf, JsonWriter::Layout::kIndented);
    w.BeginArray();
    for (const RuleInfo* info : catalogue) {
      w.BeginObject();
      w.Key("id"); w.String(info->id);
      w.Key("family"); w.String(info->family());
      w.Key("severity"); w.String(SeverityName(info->default_severity));
      w.Key("summary"); w.String(info->summary);
      w.Key("on_by_default"); w.Bool(info->on_by_default);
      std::optional<PackRuleRef> pack = PackRuleFor(rules, info);
      // A user's pack rule has no doc page: its pack file documents it.
      w.Key("doc");
      w.String(pack && RuleDoc(info->id).empty() ? pack->set->pack_of(pack->index).source
                                                 : info->doc_path());
      if (pack) {
        const PackRuleSpec& spec = pack->set->rule(pack->index);
        w.Key("pack"); w.String(pack->set->pack_of(pack->index).name);
        w.Key("kind"); w.String(PackRuleKindName(spec.kind));
        const bool patterns = spec.kind == PackRuleKind::kPattern;
        w.Key(patterns ? "patterns" : "phrases");
        w.BeginArray();
        for (const std::string& item : patterns ? spec.patterns : spec.phrases) w.String(item);
        w.EndArray();
      }
      w.Key("options");
      w.BeginArray();
      for (const OptionInfo& o : info->options) {
        w.BeginObject();
        w.Key("name"); w.String(o.name);
        w.Key("type"); w.String(o.type);
        w.Key("default"); w.String(o.default_value);
        w.Key("summary"); w.String(o.summary);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    std::cout << buf << "\n";
    return kExitClean;
  }
  size_t width = 0;
  for (const RuleInfo* info : catalogue) width = std::max(width, info->id.size());
  for (const RuleInfo* info : catalogue) {
    std::string id(info->id);
    std::string sev(SeverityName(info->default_severity));
    std::printf("%-*s  %-7s  %s%.*s\n", static_cast<int>(width), id.c_str(), sev.c_str(),
                info->on_by_default ? "" : "(off by default: --select it) ",
                static_cast<int>(info->summary.size()), info->summary.data());
    for (const OptionInfo& o : info->options) {
      std::printf("%-*s    option %.*s (%.*s, default %.*s): %.*s\n", static_cast<int>(width), "",
                  static_cast<int>(o.name.size()), o.name.data(), static_cast<int>(o.type.size()),
                  o.type.data(), static_cast<int>(o.default_value.size()), o.default_value.data(),
                  static_cast<int>(o.summary.size()), o.summary.data());
    }
    if (std::optional<PackRuleRef> pack = PackRuleFor(rules, info)) {
      const PackRuleSpec& spec = pack->set->rule(pack->index);
      const bool patterns = spec.kind == PackRuleKind::kPattern;
      std::printf("%-*s    pack %s (%s), kind %s, %zu %s\n", static_cast<int>(width), "",
                  pack->set->pack_of(pack->index).name.c_str(),
                  pack->set->pack_of(pack->index).source.c_str(),
                  std::string(PackRuleKindName(spec.kind)).c_str(),
                  patterns ? spec.patterns.size() : spec.phrases.size(),
                  patterns ? "patterns" : "phrases");
    }
  }
  return kExitClean;
}

// A pack rule without a doc page, described from its pack.
void ExplainPackRule(const RulePackSet& set, size_t index) {
  const PackRuleSpec& spec = set.rule(index);
  const RulePack& pack = set.pack_of(index);
  std::printf("%s\n\n", spec.summary.c_str());
  std::printf("Rule pack: %s (%s, line %lld)\n", pack.name.c_str(), pack.source.c_str(),
              static_cast<long long>(spec.line));
  if (spec.kind == PackRuleKind::kLine) {
    std::printf("Kind:      line (a line that is one of the phrases, standing alone)\n");
  } else {
    std::printf(spec.kind == PackRuleKind::kPattern
                    ? "Kind:      pattern (any match of an RE2 pattern)\n"
                    : "Kind:      phrase (any occurrence of a phrase)\n");
    std::printf("Unit:      %s, fires at %lld match%s per unit\n",
                std::string(PackUnitName(spec.unit)).c_str(),
                static_cast<long long>(spec.min_matches), spec.min_matches == 1 ? "" : "es");
  }
  std::printf("Case:      %s\n", spec.case_sensitive ? "sensitive" : "insensitive (ASCII letters)");
  std::printf("Message:   %s\n", spec.message.c_str());
  const bool patterns = spec.kind == PackRuleKind::kPattern;
  std::printf(patterns ? "Patterns:\n" : "Phrases:\n");
  for (const std::string& item : patterns ? spec.patterns : spec.phrases) {
    std::printf("  - %s\n", item.c_str());
  }
}

int RunExplain(const std::string& id, const std::vector<std::string>& flag_packs) {
  std::vector<std::string> packs;
  std::vector<std::unique_ptr<Rule>> rules;
  std::string error;
  if (!LoadCatalogue(FindConfigFile("."), flag_packs, &packs, &rules, &error)) return Fail(error);
  auto catalogue = AllRuleInfos(rules);
  for (const RuleInfo* info : catalogue) {
    if (info->id != id) continue;
    std::string_view doc = RuleDoc(id);
    std::printf("%s  (default severity: %s)\n\n", id.c_str(),
                std::string(SeverityName(info->default_severity)).c_str());
    std::optional<PackRuleRef> pack = PackRuleFor(rules, info);
    if (doc.empty() && pack) {
      ExplainPackRule(*pack->set, pack->index);
    } else if (doc.empty()) {
      std::printf("%.*s\n", static_cast<int>(info->summary.size()), info->summary.data());
    } else {
      std::fwrite(doc.data(), 1, doc.size(), stdout);
    }
    return kExitClean;
  }
  return Fail("unknown rule '" + id + "' (see `newslint rules`)");
}

}  // namespace
}  // namespace newslint

int main(int argc, char** argv) {
  using namespace newslint;
#if defined(__GLIBC__)
  // glibc hands freed memory back to the system once 128 KB lie free at the
  // top of a heap, and serves larger blocks by mmap: between two batches of
  // articles the heaps shrank and grew again a page at a time. Kept, the
  // memory serves the next batch: the run took 3-10% less time, for a peak
  // RSS of 173 MB instead of 135-151 MB on 500 MB (the bound is 300 MB;
  // docs/performance.md, eighth round). When the executable links tcmalloc
  // (CMakeLists.txt, NEWSLINT_TCMALLOC) these calls reach glibc's unused
  // allocator and change nothing: tcmalloc keeps freed memory for reuse by
  // itself, and TrimAfterLongText asks it to hand back a long text's.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  CLI::App app{"newslint " NEWSLINT_VERSION
               ": a fast linter for scraped news. It finds leaked site boilerplate,\n"
               "garbled text, quotes pinned on the wrong speaker, spam links, duplicate\n"
               "articles, broken metadata and broken records in JSONL, HTML and\n"
               "plain-text articles, and measures the pretraining filters' heuristics\n"
               "(quality/*, on request). Reports: text, json, jsonl, sarif, github, html."};
  app.footer(kMainFooter);
  app.set_version_flag("--version", "newslint " NEWSLINT_VERSION);
  app.require_subcommand(1);

  CheckFlags flags;
  CLI::App* check = app.add_subcommand("check", "Lint files, folders (recursively) or - (stdin)");
  check->footer(kCheckFooter);
  check->add_option("paths", flags.paths, "Files, folders, or - for JSON Lines on stdin")
      ->required();
  check->add_option("-f,--format", flags.formats,
                    "Output format: text, json, jsonl, sarif, github, html (repeatable)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github", "html"}))
      ->take_all();
  check->add_option("-o,--output", flags.outputs,
                    "Write the report to FILE (repeatable, paired with --format in order; "
                    "with --fix the first -o is the cleaned output)")
      ->take_all();
  CLI::Option* fix_flag = check->add_flag(
      "--fix", flags.fix,
      "Write every record again with the fixes applied (flagged boilerplate lines removed, "
      "mojibake, entities and invisible characters repaired)");
  check->add_option("--fix-rules", flags.fix_rules,
                    "Apply only these rules' fixes: ids or families (comma list) [default: all]")
      ->delimiter(',')
      ->needs(fix_flag)
      ->allow_extra_args(false);
  check->add_option("--select", flags.select, "Run only these rule ids or families (comma list)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--ignore", flags.ignore, "Skip these rule ids or families (comma list)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--pack", flags.packs,
                    "Also run the rules of this rule pack, a TOML file (repeatable; see "
                    "docs/rule-packs.md)")
      ->allow_extra_args(false);
  check->add_option("--fail-on", flags.fail_on,
                    "Exit 1 when a finding is at or above this severity [default: error]")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  check->add_option("--config", flags.config, "Read this newslint.toml (default: walk up from .)");
  check->add_option("--baseline", flags.baseline,
                    "Suppress the findings recorded in this baseline file (known debt; see "
                    "docs/ci.md); findings it records that are gone are reported as fixed");
  check->add_option("--write-baseline", flags.write_baseline,
                    "Record every finding of this run (suppressed ones too) in FILE, a baseline "
                    "for --baseline");
  check->add_flag("--no-config", flags.no_config, "Do not read any newslint.toml");
  check->add_option("-j,--jobs", flags.jobs,
                    "Worker threads [default: all cores]. The output is the same for any number; "
                    "with one or two, the main thread also parses the records and writes the JSONL "
                    "report, from three on the workers do (docs/performance.md)")
      ->check(CLI::Range(1, 1024));
  check->add_option("--field", flags.fields,
                    "Read an article field from another JSON key, e.g. text=body (repeatable)")
      ->allow_extra_args(false);
  check->add_option("--max-record-bytes", flags.max_record_bytes,
                    "Records (JSONL lines, HTML or text files) larger than this are skipped "
                    "with an input/record-too-large finding, never read into memory")
      ->capture_default_str();
  check->add_option("--max-text-bytes", flags.max_text_bytes,
                    "The rules lint at most this many bytes of a text, and at most a sixteenth "
                    "as many lines: a longer text is linted to the last line that fits, the "
                    "rest is an input/text-too-long warning (0: no limit; memory per record "
                    "grows with it, docs/performance.md)")
      ->capture_default_str();
  check->add_flag("--include-text", flags.include_text,
                  "json/jsonl: add the linted text to each record");
  check->add_flag("--show-clean", flags.show_clean, "text: list articles without findings too");
  check->add_option("--docs-url", flags.docs_url,
                    "sarif/html: base URL of the rule docs; a rule's page is BASE + family/name.md")
      ->capture_default_str();
  check->add_option("--report", flags.report,
                    "Also write the HTML report, one self-contained page, to FILE (e.g. "
                    "report.html; same as --format html -o FILE)");
  check->add_option("--report-articles", flags.report_articles,
                    "html/json: articles with the most severe findings the page embeds (counts "
                    "and charts always cover every article)")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  check->add_option("--report-per-rule", flags.report_per_rule,
                    "html/json: also embed the first N articles of each rule")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  check->add_flag("--debug-analysis", flags.debug_analysis,
                  "json/jsonl: add each article's speaker table (names, aliases, participant "
                  "and reference mentions) and attribution cues, as \"analysis\"");
  check->add_option("--color", flags.color, "text on a terminal: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--shard", flags.shard,
                    "Lint only slice K of N (e.g. 2/8): the inputs cut into N byte-balanced, "
                    "contiguous slices in input order; merge the JSON reports with `newslint "
                    "merge`")
      ->allow_extra_args(false);
  CLI::Option* progress_flag = check->add_flag(
      "--progress", flags.progress,
      "Show the progress line (articles, MB, MB/s, ETA) on stderr even when it is not a "
      "terminal [default: on a terminal]");
  check->add_flag("--no-progress", flags.no_progress, "Never show the progress line")
      ->excludes(progress_flag);
  check->add_flag("--timings", flags.timings,
                  "Print on stderr, at the end, the CPU time each rule took (slowest first), to "
                  "find the rule that makes a run slow; the analysis views the rules share "
                  "(tokens, page layout, phrase scan, people, ...) are rows of their own "
                  "(\"view: ...\"), not part of the rule that asked first");

  MergeFlags merge_flags;
  CLI::App* merge = app.add_subcommand(
      "merge", "Join the JSON reports of shards (--shard K/N) into one report");
  merge->footer(kMergeFooter);
  merge->add_option("parts", merge_flags.parts, "JSON reports of `newslint check --format json`")
      ->required();
  merge->add_option("-f,--format", merge_flags.formats,
                    "Output format: json, jsonl, text, html (repeatable)")
      ->check(CLI::IsMember({"json", "jsonl", "text", "html"}))
      ->take_all();
  merge->add_option("-o,--output", merge_flags.outputs,
                    "Write the merged report to FILE (repeatable, paired with --format in order; "
                    "else the format follows the extension)")
      ->take_all();
  merge->add_option("--report", merge_flags.report,
                    "Also write the HTML report of the whole run to FILE");
  merge->add_option("--fail-on", merge_flags.fail_on,
                    "Exit 1 when a finding is at or above this severity [default: the parts']")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  merge->add_option("--docs-url", merge_flags.docs_url, "html: base URL of the rule docs")
      ->capture_default_str();
  merge->add_flag("--show-clean", merge_flags.show_clean,
                  "text: list articles without findings too");
  merge->add_option("--color", merge_flags.color, "text on a terminal: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  bool rules_json = false;
  CLI::App* rules = app.add_subcommand("rules", "List every rule: id, default severity, summary, options");
  rules->add_flag("--json", rules_json, "Print the catalogue as JSON");
  std::vector<std::string> rules_packs;
  rules->add_option("--pack", rules_packs,
                    "Also list the rules of this rule pack (repeatable; the packs of the "
                    "newslint.toml found by walking up are always listed)")
      ->allow_extra_args(false);

  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  explain->add_option("rule", explain_id, "Rule id, e.g. garbled/mojibake")->required();
  std::vector<std::string> explain_packs;
  explain->add_option("--pack", explain_packs, "Also look in this rule pack (repeatable)")
      ->allow_extra_args(false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitRunFailed;
  }
  try {
    if (check->parsed()) return RunCheck(flags);
    if (rules->parsed()) return RunRules(rules_json, rules_packs);
    if (merge->parsed()) return RunMerge(merge_flags);
    if (explain->parsed()) return RunExplain(explain_id, explain_packs);
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  }
  return kExitRunFailed;
}
