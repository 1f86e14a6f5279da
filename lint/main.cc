// newslint: the command line. `newslint --help` is the manual for this file.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/pipeline.h"
#include "lint/readers/reader.h"
#include "lint/registry.h"
#include "lint/rule_docs.h"
#include "reports/json_writer.h"
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
  newslint rules                               list every rule
  newslint explain garbled/mojibake            read a rule's documentation

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 the run failed (bad flag, unreadable config or input file).
Configuration: newslint.toml, found by walking up from the working folder
(see `newslint check --help`). Docs: docs/architecture.md, docs/rules/.)";

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
.jsonl, .txt). The default is the text format on stdout.
  text   path:line:column: severity: message [rule], with an excerpt; then a
         summary. JSONL records show as path#record:line:column.
  jsonl  one line per input record, in input order, findings or not.
  json   {"schema": "newslint.report/1", "tool", "run", "articles", "summary"}.
Spans are byte offsets into the text (end exclusive); columns count Unicode
code points. See docs/reports.md.

A record that cannot be read never stops the run: it gets an input/* finding
(input/invalid-json, input/missing-text, input/invalid-utf8, input/read-error)
and still yields its output record.

Configuration (newslint.toml):
  [lint]
  select = ["boilerplate", "garbled"]
  ignore = ["garbled/stray-punctuation"]
  fail-on = "warning"
  [rules."garbled/mojibake"]
  severity = "warning"     # or: enabled = false, or any option of the rule
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
  std::vector<std::string> fields;
  std::string fail_on;
  std::string config;
  bool no_config = false;
  bool include_text = false;
  bool show_clean = false;
  std::string color = "auto";
  int jobs = 0;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "newslint: %s\n", message.c_str());
  return kExitRunFailed;
}

int RunCheck(const CheckFlags& flags) {
  // Catalogue and configuration.
  auto catalogue_rules = MakeAllRules();
  auto catalogue = AllRuleInfos(catalogue_rules);
  Config config;
  std::string error;
  std::string config_path = flags.config;
  if (config_path.empty() && !flags.no_config) config_path = FindConfigFile(".");
  if (!config_path.empty() && !LoadConfig(config_path, catalogue, &config, &error)) {
    return Fail(error);
  }

  EngineSettings settings;
  settings.select = flags.select.empty() ? config.select : flags.select;
  settings.ignore = config.ignore;
  settings.ignore.insert(settings.ignore.end(), flags.ignore.begin(), flags.ignore.end());
  std::string fail_on = !flags.fail_on.empty() ? flags.fail_on : config.fail_on.value_or("error");
  settings.config = std::move(config);
  std::unique_ptr<Engine> engine = Engine::Create(std::move(settings), &error);
  if (!engine) return Fail(error);

  // Inputs.
  PipelineOptions options;
  if (!ExpandInputs(flags.paths, &options.files, &error)) return Fail(error);
  if (std::count(options.files.begin(), options.files.end(), "-") > 1) {
    return Fail("stdin (-) can be read only once");
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
  options.jobs = flags.jobs > 0 ? flags.jobs
                                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  // Outputs: pair --format with -o in order.
  std::vector<std::pair<std::string, std::string>> outputs;  // format, path ("" = stdout)
  if (flags.outputs.empty()) {
    if (flags.formats.size() > 1) return Fail("several --format values need one -o FILE each");
    outputs.emplace_back(flags.formats.empty() ? "text" : flags.formats[0], "");
  } else if (flags.formats.empty()) {
    for (const std::string& path : flags.outputs) {
      std::string format = FormatFromExtension(path);
      if (format.empty()) {
        return Fail("cannot tell the format of -o " + path + " from its extension; add --format");
      }
      outputs.emplace_back(format, path);
    }
  } else if (flags.formats.size() == flags.outputs.size()) {
    for (size_t i = 0; i < flags.formats.size(); ++i) {
      outputs.emplace_back(flags.formats[i], flags.outputs[i] == "-" ? "" : flags.outputs[i]);
    }
  } else {
    return Fail("--format and -o pair up in order: give one -o per --format");
  }

  ReportOptions report_options;
  report_options.include_text = flags.include_text;
  report_options.show_clean = flags.show_clean;
  std::vector<std::unique_ptr<std::ofstream>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  bool stdout_used = false;
  for (const auto& [format, path] : outputs) {
    std::ostream* out = &std::cout;
    if (!path.empty()) {
      std::error_code ec;
      auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent, ec);
      auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
      if (!*file) return Fail("cannot write '" + path + "'");
      out = file.get();
      files.push_back(std::move(file));
    } else {
      if (stdout_used) return Fail("only one format can go to stdout");
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
    } else {
      return Fail("unknown --format '" + format + "' (text, json, jsonl)");
    }
  }

  RunInfo run;
  run.tool_version = NEWSLINT_VERSION;
  run.inputs = flags.paths;
  run.started_at = NowIso8601();
  run.jobs = options.jobs;
  run.fail_never = fail_on == "never";
  run.fail_on = ParseSeverity(fail_on).value_or(Severity::kError);
  run.rules = engine->active_rule_ids();

  std::vector<Reporter*> sinks;
  for (auto& r : reporters) sinks.push_back(r.get());
  Summary summary;
  bool ok = RunPipeline(options, *engine, sinks, run, &summary, &error);
  std::cout.flush();
  for (auto& f : files) {
    f->flush();
    if (!*f) return Fail("writing a report failed (disk full?)");
  }
  if (!ok) return Fail(error);

  if (!stdout_used) {
    std::fprintf(stderr, "newslint: %lld articles, %lld findings (%lld errors, %lld warnings, %lld info)\n",
                 static_cast<long long>(summary.articles), static_cast<long long>(summary.findings()),
                 static_cast<long long>(summary.by_severity[2]),
                 static_cast<long long>(summary.by_severity[1]),
                 static_cast<long long>(summary.by_severity[0]));
    for (const auto& [format, path] : outputs) {
      std::fprintf(stderr, "newslint: wrote %s (%s)\n", path.c_str(), format.c_str());
    }
  }
  if (run.fail_never) return kExitClean;
  for (int s = static_cast<int>(run.fail_on); s <= static_cast<int>(Severity::kError); ++s) {
    if (summary.by_severity[s] > 0) return kExitFindings;
  }
  return kExitClean;
}

int RunRules(bool json) {
  auto rules = MakeAllRules();
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
      w.Key("doc"); w.String(info->doc_path());
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
    std::printf("%-*s  %-7s  %.*s\n", static_cast<int>(width), id.c_str(), sev.c_str(),
                static_cast<int>(info->summary.size()), info->summary.data());
    for (const OptionInfo& o : info->options) {
      std::printf("%-*s    option %.*s (%.*s, default %.*s): %.*s\n", static_cast<int>(width), "",
                  static_cast<int>(o.name.size()), o.name.data(), static_cast<int>(o.type.size()),
                  o.type.data(), static_cast<int>(o.default_value.size()), o.default_value.data(),
                  static_cast<int>(o.summary.size()), o.summary.data());
    }
  }
  return kExitClean;
}

int RunExplain(const std::string& id) {
  auto rules = MakeAllRules();
  auto catalogue = AllRuleInfos(rules);
  for (const RuleInfo* info : catalogue) {
    if (info->id != id) continue;
    std::string_view doc = RuleDoc(id);
    std::printf("%s  (default severity: %s)\n\n", id.c_str(),
                std::string(SeverityName(info->default_severity)).c_str());
    if (doc.empty()) {
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
  CLI::App app{"newslint " NEWSLINT_VERSION
               ": a fast linter for scraped news. It finds leaked site boilerplate,\n"
               "garbled text and broken records in JSONL, HTML and plain-text articles."};
  app.footer(kMainFooter);
  app.set_version_flag("--version", "newslint " NEWSLINT_VERSION);
  app.require_subcommand(1);

  CheckFlags flags;
  CLI::App* check = app.add_subcommand("check", "Lint files, folders (recursively) or - (stdin)");
  check->footer(kCheckFooter);
  check->add_option("paths", flags.paths, "Files, folders, or - for JSON Lines on stdin")
      ->required();
  check->add_option("-f,--format", flags.formats, "Output format: text, json, jsonl (repeatable)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->take_all();
  check->add_option("-o,--output", flags.outputs,
                    "Write the report to FILE (repeatable, paired with --format in order)")
      ->take_all();
  check->add_option("--select", flags.select, "Run only these rule ids or families (comma list)")
      ->delimiter(',');
  check->add_option("--ignore", flags.ignore, "Skip these rule ids or families (comma list)")
      ->delimiter(',');
  check->add_option("--fail-on", flags.fail_on,
                    "Exit 1 when a finding is at or above this severity [default: error]")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  check->add_option("--config", flags.config, "Read this newslint.toml (default: walk up from .)");
  check->add_flag("--no-config", flags.no_config, "Do not read any newslint.toml");
  check->add_option("-j,--jobs", flags.jobs, "Worker threads [default: all cores]")
      ->check(CLI::Range(1, 1024));
  check->add_option("--field", flags.fields,
                    "Read an article field from another JSON key, e.g. text=body (repeatable)");
  check->add_flag("--include-text", flags.include_text,
                  "json/jsonl: add the linted text to each record");
  check->add_flag("--show-clean", flags.show_clean, "text: list articles without findings too");
  check->add_option("--color", flags.color, "text on a terminal: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  bool rules_json = false;
  CLI::App* rules = app.add_subcommand("rules", "List every rule: id, default severity, summary, options");
  rules->add_flag("--json", rules_json, "Print the catalogue as JSON");

  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  explain->add_option("rule", explain_id, "Rule id, e.g. garbled/mojibake")->required();

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
    if (rules->parsed()) return RunRules(rules_json);
    if (explain->parsed()) return RunExplain(explain_id);
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  }
  return kExitRunFailed;
}
