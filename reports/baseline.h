// newslint: baselines, so that old debt does not block CI (docs/ci.md).
//
// `--write-baseline FILE` records every finding of a run; `--baseline FILE`
// suppresses the findings it records. A finding is known by its fingerprint
// (reports/fingerprint.h: article key, rule, normalised matched text,
// occurrence), never by offsets, so re-scraping that shifts the text does not
// resurface known findings, while a change of the matched text does.
//
// The file is JSON, schema "newslint.baseline/1", written sorted so that two
// runs over the same input write the same bytes:
//
//   {
//     "schema": "newslint.baseline/1",
//     "findings": [
//       {"key":"3f1c...","rule":"garbled/mojibake","article":"abc-123","text":"didnâ€™t","occurrence":0,"count":1},
//       ...
//     ]
//   }
//
//   key         the fingerprint, 16 hex digits: the only field matching reads
//   rule, article, text, occurrence
//               what the key was made from, for people reviewing the file
//               and for the list of fixed findings; `text` is cut to 60 bytes
//               (at a character boundary, "…" added) and is a display string
//               (invalid UTF-8 shown as U+FFFD)
//   count       how many findings of the run had this key (more than 1 only
//               when articles share a key, e.g. a duplicated record)
//
// Entries are sorted by article, rule, text, occurrence, then key.
//
// Memory. Loading keeps only a hash map from key to remaining count: 48
// bytes per entry measured with mallinfo2 over a million entries (a node of
// next pointer, key and count, rounded up by malloc, and ~1.4 bucket pointers),
// so a million-entry baseline costs ~48 MB; the file and its parse tree live
// only while it loads. Fixed entries are those whose count
// was never used up by the end; to list them (at most
// Summary::kMaxFixedListed) the file is read once more. Writing keeps one
// entry per distinct finding of the run (its display fields, ~100-200 bytes)
// until the end, when they are sorted and written.

#ifndef NEWSLINT_REPORTS_BASELINE_H_
#define NEWSLINT_REPORTS_BASELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"
#include "reports/summary.h"

namespace newslint {

inline constexpr const char* kBaselineSchema = "newslint.baseline/1";

class Baseline {
 public:
  // Reads a baseline file. nullptr with *error ("baseline PATH: what is
  // wrong") when it cannot be read or is not a newslint.baseline/1 document.
  static std::unique_ptr<Baseline> Load(const std::string& path, std::string* error);
  // Parses baseline JSON (Load without the file); `path` names it in errors.
  static std::unique_ptr<Baseline> Parse(const std::string& json, const std::string& path,
                                         std::string* error);

  // Removes from *findings those the baseline knows (each entry absorbs up
  // to `count` findings), adding their number to summary->suppressed.
  void Filter(const Article& article, std::vector<Finding>* findings, Summary* summary);
  // At the end of the run: summary->baseline_fixed and summary->fixed.
  void Finish(Summary* summary);

  size_t size() const { return remaining_.size(); }

 private:
  struct Identity {
    size_t operator()(uint64_t key) const { return static_cast<size_t>(key); }
  };
  std::string path_;
  std::string json_;  // kept only when the baseline was parsed from memory
  std::unordered_map<uint64_t, uint32_t, Identity> remaining_;
};

// Collects the findings of a run (before any baseline suppresses them) and
// writes them as a baseline.
class BaselineWriter {
 public:
  void Add(const Article& article, const std::vector<Finding>& findings);
  // The baseline document, sorted (see above).
  std::string Json() const;
  // Writes Json() to `path`; false with *error when it cannot.
  bool Write(const std::string& path, std::string* error) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string article, rule, text;
    int64_t occurrence = 0;
    int64_t count = 0;
  };
  std::unordered_map<uint64_t, Entry> entries_;
};

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_BASELINE_H_
