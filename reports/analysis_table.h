// newslint: the analysis behind the attribution rules, as JSON, for
// `newslint check --debug-analysis` (ReportOptions::debug_analysis).
//
// Written as the "analysis" member of a record (reports/json.cc documents the
// record), after "findings":
//
//   "analysis": {
//     "speakers": [                      // People (lint/people.h), in order of introduction
//       {"name": "Antony Blinken", "aliases": ["Blinken"],
//        "titles": ["US Secretary of State"], "gender": "male",
//        "gender_basis": "given-name", "first_line": 3,
//        "participant": 6, "reference": 1, "other": 0, "cues": 4}, ...],
//     "cues": [                          // Attribution (lint/attribution.h), in text order
//       {"line": 13, "pattern": "speaker-verb", "verb": "pledge", "speaker": "Biden",
//        "kind": "name", "person": "Joe Biden", "resolved_by": "name",
//        "quotation": true}, ...]}
//
// "person" is null for a speaker no person resolves to, "verb" is "" for a
// continuation. The analysis is rebuilt from the article for the report, so
// the flag costs nothing when it is off.

#ifndef NEWSLINT_REPORTS_ANALYSIS_TABLE_H_
#define NEWSLINT_REPORTS_ANALYSIS_TABLE_H_

#include "lint/article.h"
#include "reports/json_writer.h"

namespace newslint {

// Writes the analysis object (a value: call after w.Key("analysis")).
void WriteAnalysisTable(JsonWriter& w, const Article& article);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_ANALYSIS_TABLE_H_
