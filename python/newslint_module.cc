// newslint's Python module (_newslint, re-exported by the package newslint):
// the engine in-process, for Dask, PySpark and Ray pipelines. docs/python.md
// is the user's page.
//
//   linter = newslint.Linter(config_path=None, select=None, ignore=None, jobs=None)
//   linter.lint(record)          -> [finding, ...]
//   linter.lint_many(records)    -> [[finding, ...], ...]   (GIL released)
//
// Findings must equal what `newslint check --format jsonl` writes for the same
// record, so both ends go through the CLI's own code rather than a second
// mapping that could drift:
//
//   - In: a record is turned into one JSON line (a dict through Python's
//     json.dumps; a str or bytes is taken as a JSONL line as read) and read
//     by the JSONL reader (MakeJsonlReader) from memory. Building the Article
//     from the dict directly would duplicate the reader's field mapping
//     (name priorities, null as absent, numbers as strings, author lists,
//     link objects, html extraction, input/* messages) and diverge with its
//     next change; a JSON line costs one json.dumps, small next to linting.
//   - Out: each finding is written by WriteFinding, the code the JSONL
//     reporter writes records with, and read back with json.loads: the dicts
//     are what json.loads makes of a JSONL report line's "findings" (display
//     strings with invalid UTF-8 as U+FFFD, doubles in shortest form, evidence
//     in rule order), with no second converter to keep in step.
//
// Dataset rules (lint/rule.h: boilerplate/template-line,
// dataset/duplicate-article, metadata/missing-field) need a pass over the
// whole input before linting; a record handed over alone has no corpus, so
// they stay silent here, as they do in the CLI reading stdin.
// Linter.dataset_rules names the ones that would otherwise run.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/readers/formats.h"
#include "lint/readers/line_source.h"
#include "lint/readers/reader.h"
#include "lint/registry.h"
#include "lint/worker_pool.h"
#include "reports/json_writer.h"

namespace py = pybind11;

namespace newslint {
namespace {

// The JSONL reader's input: records already in memory, one per line.
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string data) : data_(std::move(data)) {}
  size_t Read(char* buffer, size_t size) override {
    const size_t n = std::min(size, data_.size() - pos_);
    std::memcpy(buffer, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  const std::string& error() const override { return error_; }
  uint64_t raw_bytes_read() const override { return pos_; }

 private:
  std::string data_;
  size_t pos_ = 0;
  std::string error_;  // memory never breaks off
};

// Ids or families: a list of strings, or one comma-separated string as
// --select takes them.
std::vector<std::string> NameList(const py::object& names, const char* what) {
  std::vector<std::string> out;
  if (names.is_none()) return out;
  auto add = [&](std::string s) {
    size_t start = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      if (comma == std::string::npos) comma = s.size();
      if (comma > start) out.push_back(s.substr(start, comma - start));
      start = comma + 1;
    }
  };
  if (py::isinstance<py::str>(names)) {
    add(names.cast<std::string>());
    return out;
  }
  for (py::handle item : names) {
    if (!py::isinstance<py::str>(item)) {
      throw py::type_error(std::string(what) + " takes rule ids or families as strings");
    }
    add(item.cast<std::string>());
  }
  return out;
}

// One record as a JSONL line (no "\n" in it), appended to *out.
void AppendRecordLine(const py::handle& record, const py::object& dumps, std::string* out) {
  std::string_view line;
  std::string holder;
  if (PyUnicode_Check(record.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(record.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    line = std::string_view(data, static_cast<size_t>(size));
  } else if (PyBytes_Check(record.ptr())) {
    line = std::string_view(PyBytes_AS_STRING(record.ptr()),
                            static_cast<size_t>(PyBytes_GET_SIZE(record.ptr())));
  } else if (PyByteArray_Check(record.ptr())) {
    line = std::string_view(PyByteArray_AS_STRING(record.ptr()),
                            static_cast<size_t>(PyByteArray_GET_SIZE(record.ptr())));
  } else {
    // json.dumps escapes every control character, so its output is one line.
    py::object text = dumps(record);
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    out->append(data, static_cast<size_t>(size));
    out->push_back('\n');
    return;
  }
  // A line as read from a file (dask.bag.read_text keeps the "\n").
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (line.find('\n') != std::string_view::npos) {
    throw py::value_error("a str or bytes record is one JSONL line; this one holds a line break");
  }
  out->append(line);
  out->push_back('\n');
}

class Linter {
 public:
  Linter(py::object config_path, py::object select, py::object ignore, py::object jobs)
      : config_path_(config_path.is_none() ? "" : py::str(config_path).cast<std::string>()),
        select_(NameList(select, "select")),
        ignore_(NameList(ignore, "ignore")) {
    if (!jobs.is_none()) {
      jobs_ = jobs.cast<int>();
      if (jobs_ < 1) throw py::value_error("jobs must be at least 1");
    } else {
      jobs_ = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    // As `newslint check --config` builds its engine (lint/main.cc RunCheck):
    // the catalogue with the config's packs, the config checked against it,
    // flags over the file. No file is looked for when none is named: a
    // library run inside a Dask worker has no meaningful working folder.
    std::string error;
    std::vector<std::string> packs;
    std::vector<std::unique_ptr<Rule>> rules;
    Config config;
    bool ok = true;
    if (!config_path_.empty()) ok = ReadConfigPacks(config_path_, &packs, &error);
    if (ok) ok = MakeAllRules(packs, &rules, &error);
    if (ok && !config_path_.empty()) {
      ok = LoadConfig(config_path_, AllRuleInfos(rules), &config, &error);
    }
    if (ok) {
      EngineSettings settings;
      settings.select = select_.empty() ? config.select : select_;
      settings.ignore = config.ignore;
      settings.ignore.insert(settings.ignore.end(), ignore_.begin(), ignore_.end());
      settings.config = std::move(config);
      settings.packs = std::move(packs);
      engine_ = Engine::Create(std::move(settings), &error);
      ok = engine_ != nullptr;
    }
    if (!ok) throw py::value_error(error);  // the message the CLI prints after "newslint: "
  }

  ~Linter() {
    // A pool inherited through fork() has no threads to join: leak it.
    if (pool_ && pool_pid_ != getpid()) pool_.release();
  }

  py::object Lint(const py::handle& record) {
    py::list one;
    one.append(record);
    return LintMany(one, /*use_pool=*/false)[0];
  }

  py::object LintText(const py::object& text, const py::object& title, const py::object& url) {
    py::dict record;
    record["text"] = text;
    if (!title.is_none()) record["title"] = title;
    if (!url.is_none()) record["url"] = url;
    return Lint(record);
  }

  // Converts every record while holding the GIL, then reads and lints them
  // without it, on the worker pool, in input order.
  py::list LintMany(const py::iterable& records, bool use_pool = true) {
    py::object dumps = py::module_::import("json").attr("dumps");
    std::string lines;
    size_t count = 0;
    for (py::handle record : records) {
      AppendRecordLine(record, dumps, &lines);
      ++count;
    }
    std::string json;  // [[finding, ...], ...] in input order
    {
      py::gil_scoped_release release;
      std::vector<Article> articles(count);
      // The CLI's reader and limits: "<python>" names the input in default
      // ids, which findings never show.
      auto reader = MakeJsonlReader("<python>", std::make_unique<MemorySource>(std::move(lines)),
                                    JsonlFieldNames{}, /*keep_html=*/false,
                                    /*keep_raw_record=*/false, /*first_line=*/1,
                                    kDefaultMaxRecordBytes);
      size_t read = 0;
      while (read < count && reader->Next(&articles[read])) ++read;
      std::vector<std::string> results(count);
      auto lint_one = [&](size_t i) {
        std::vector<Finding> findings = engine_->Lint(articles[i]);
        JsonWriter w(&results[i]);
        w.BeginArray();
        for (const Finding& f : findings) WriteFinding(w, f);
        w.EndArray();
      };
      if (use_pool && jobs_ > 1 && count > 1) {
        std::lock_guard<std::mutex> lock(pool_mu_);  // one lint_many on the pool at a time
        WorkerPool& pool = Pool();
        std::atomic<size_t> cursor{0};
        pool.Start([&] {
          for (size_t i; (i = cursor.fetch_add(1)) < count;) lint_one(i);
        });
        pool.Wait();
      } else {
        for (size_t i = 0; i < count; ++i) lint_one(i);
      }
      size_t total = 2;
      for (const std::string& r : results) total += r.size() + 1;
      json.reserve(total);
      json.push_back('[');
      for (size_t i = 0; i < count; ++i) {
        if (i > 0) json.push_back(',');
        json.append(results[i]);
      }
      json.push_back(']');
    }
    // JsonWriter's output is valid UTF-8 (invalid bytes became U+FFFD).
    py::str text(json.data(), json.size());
    return py::module_::import("json").attr("loads")(text).cast<py::list>();
  }

  std::vector<std::string> rules() const { return engine_->active_rule_ids(); }

  std::vector<std::string> dataset_rules() const {
    std::vector<std::string> ids;
    for (const DatasetRuleRun& run : engine_->dataset_rules()) {
      ids.emplace_back(run.rule->info().id);
    }
    return ids;
  }

  int jobs() const { return jobs_; }
  const std::string& config_path() const { return config_path_; }
  const std::vector<std::string>& select() const { return select_; }
  const std::vector<std::string>& ignore() const { return ignore_; }

 private:
  // Started on first use and kept, so workers keep their thread-local state
  // (Hunspell, caches) across batches, as in the CLI. A child of fork()
  // starts its own.
  WorkerPool& Pool() {
    if (pool_ && pool_pid_ != getpid()) pool_.release();
    if (!pool_) {
      pool_ = std::make_unique<WorkerPool>(jobs_);
      pool_pid_ = getpid();
    }
    return *pool_;
  }

  std::string config_path_;
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
  int jobs_ = 1;
  std::unique_ptr<Engine> engine_;
  std::mutex pool_mu_;
  std::unique_ptr<WorkerPool> pool_;
  pid_t pool_pid_ = 0;
};

py::object OrNone(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }
py::object OrNone(const std::vector<std::string>& v) {
  return v.empty() ? py::none() : py::object(py::cast(v));
}

}  // namespace
}  // namespace newslint

PYBIND11_MODULE(_newslint, m) {
  using newslint::Linter;
  m.doc() = "newslint's engine in-process (see the package newslint and docs/python.md).";
  m.attr("__version__") = NEWSLINT_VERSION;

  py::class_<Linter>(m, "Linter", R"doc(
A configured newslint engine.

Linter(config_path=None, select=None, ignore=None, jobs=None)

config_path  a newslint.toml, read as `newslint check --config PATH` reads it
             (None: no file, the built-in defaults; none is searched for)
select       rule ids or families to run (a list, or "a,b" as --select)
ignore       rule ids or families to skip (as --ignore, added to the file's)
jobs         worker threads for lint_many (None: one per core)

Raises ValueError with the CLI's message for a bad config or an unknown rule.
Dataset rules (see dataset_rules) stay silent: they need the whole corpus.
)doc")
      .def(py::init<py::object, py::object, py::object, py::object>(),
           py::arg("config_path") = py::none(), py::arg("select") = py::none(),
           py::arg("ignore") = py::none(), py::arg("jobs") = py::none())
      .def("lint", &Linter::Lint, py::arg("record"), R"doc(
Lints one record and returns its findings, each a dict as in the JSONL report:
{"rule", "severity", "message", "span": {"start", "end"}, "line", "column",
"excerpt", "evidence", "fix"}.

record  a dict shaped like a JSONL input record (text, title, url, id, date,
        author, links, html, ... as the JSONL reader maps them), or a str or
        bytes holding one JSONL line as read from a file.
)doc")
      .def("lint_many", [](Linter& l, const py::iterable& records) { return l.LintMany(records); },
           py::arg("records"), R"doc(
Lints many records (an iterable of what lint() takes) on the linter's worker
threads with the GIL released; returns one list of findings per record, in
input order: equal to [linter.lint(r) for r in records].
)doc")
      .def("lint_text", &Linter::LintText, py::arg("text"), py::arg("title") = py::none(),
           py::arg("url") = py::none(),
           "Lints a text (with an optional title and url): lint({'text': text, ...}).")
      .def_property_readonly("rules", &Linter::rules,
                             "Ids of the rules that run, in catalogue order (input/* not counted).")
      .def_property_readonly("dataset_rules", &Linter::dataset_rules,
                             "Enabled dataset rules, which stay silent on records linted here.")
      .def_property_readonly("jobs", &Linter::jobs)
      .def(py::pickle(
          [](const Linter& l) {
            return py::make_tuple(newslint::OrNone(l.config_path()), newslint::OrNone(l.select()),
                                  newslint::OrNone(l.ignore()), l.jobs());
          },
          [](const py::tuple& t) {
            if (t.size() != 4) throw std::runtime_error("newslint.Linter: bad pickled state");
            return std::make_unique<Linter>(t[0], t[1], t[2], t[3]);
          }));
}
