// newslint: the speaker table of --debug-analysis. See analysis_table.h.

#include "reports/analysis_table.h"

#include "lint/analysis.h"
#include "lint/attribution.h"
#include "lint/people.h"

namespace newslint {

void WriteAnalysisTable(JsonWriter& w, const Article& article) {
  Analysis analysis(article);
  const People& people = analysis.Shared<People>();
  const Attribution& attr = analysis.Shared<Attribution>();
  auto line = [&](size_t offset) { return static_cast<int64_t>(analysis.LineIndexOf(offset)) + 1; };
  w.BeginObject();
  w.Key("speakers");
  w.BeginArray();
  for (size_t p = 0; p < people.persons().size(); ++p) {
    const Person& person = people.persons()[p];
    w.BeginObject();
    w.Key("name");
    w.String(person.name);
    w.Key("aliases");
    w.BeginArray();
    for (const std::string& a : person.aliases) w.String(a);
    w.EndArray();
    w.Key("titles");
    w.BeginArray();
    for (const std::string& t : person.titles) w.String(t);
    w.EndArray();
    w.Key("gender");
    w.String(person.gender == Gender::kFemale ? "female"
             : person.gender == Gender::kMale ? "male"
                                              : "unknown");
    w.Key("gender_basis");
    w.String(person.gender_basis);
    w.Key("first_line");
    w.Int(line(people.mentions()[person.first_mention].span.start));
    w.Key("participant");
    w.Int(person.participant);
    w.Key("reference");
    w.Int(person.reference);
    w.Key("other");
    w.Int(person.other);
    w.Key("cues");
    w.Int(attr.CuesOf(p));
    w.EndObject();
  }
  w.EndArray();
  w.Key("cues");
  w.BeginArray();
  for (const Cue& cue : attr.cues()) {
    w.BeginObject();
    const size_t at = !cue.verb.empty() ? cue.verb.start
                      : !cue.speaker.empty()
                          ? cue.speaker.start
                          : analysis.sentences()[cue.sentence].span.start;
    w.Key("line");
    w.Int(line(at));
    w.Key("pattern");
    w.String(CuePatternName(cue.pattern));
    w.Key("verb");
    w.String(cue.verb_base);
    w.Key("speaker");
    w.String(cue.speaker_text);
    w.Key("kind");
    w.String(SpeakerKindName(cue.kind));
    w.Key("person");
    if (cue.person == People::kNone) {
      w.Null();
    } else {
      w.String(people.persons()[cue.person].name);
    }
    w.Key("resolved_by");
    w.String(cue.resolved_by);
    w.Key("quotation");
    w.Bool(cue.quotation != Attribution::kNoQuotation);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace newslint
