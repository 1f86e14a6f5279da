// Tests of --debug-analysis (ReportOptions::debug_analysis): the record
// carries the speaker table and cues, and nothing changes without it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <simdjson.h>

#include "lint/article.h"
#include "reports/json_writer.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

std::string Record(const Article& article, bool debug) {
  std::string buf;
  JsonWriter w(&buf);
  ReportOptions options;
  options.debug_analysis = debug;
  WriteRecord(w, article, {}, options);
  return buf;
}

Article Sample() {
  Article a;
  a.id = "a1";
  a.source = "a.txt";
  a.record = 1;
  a.text =
      "Foreign Minister Ana Ruiz met President Ivo Kral.\n"
      "“We agreed on everything,” Ruiz said.\n"
      "The talks followed Kral’s election.\n";
  return a;
}

TEST(DebugAnalysisTest, OffLeavesTheRecordAsItWas) {
  EXPECT_EQ(Record(Sample(), false),
            R"({"id":"a1","source":"a.txt","record":1,"url":"","site":"","findings":[]})");
}

TEST(DebugAnalysisTest, OnAddsSpeakersAndCues) {
  const std::string json = Record(Sample(), true);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  simdjson::dom::array speakers = doc["analysis"]["speakers"].get_array();
  ASSERT_EQ(speakers.size(), 2u);
  simdjson::dom::element ruiz = speakers.at(0);
  EXPECT_EQ(std::string_view(ruiz["name"].get_string()), "Ana Ruiz");
  EXPECT_EQ(std::string_view(ruiz["titles"].at(0).get_string()), "Foreign Minister");
  EXPECT_EQ(std::string_view(ruiz["aliases"].at(0).get_string()), "Ruiz");
  EXPECT_EQ(int64_t(ruiz["participant"].get_int64()), 2);
  EXPECT_EQ(int64_t(ruiz["cues"].get_int64()), 1);
  simdjson::dom::element kral = speakers.at(1);
  EXPECT_EQ(int64_t(kral["reference"].get_int64()), 1);
  simdjson::dom::element cue = doc["analysis"]["cues"].at(0);
  EXPECT_EQ(int64_t(cue["line"].get_int64()), 2);
  EXPECT_EQ(std::string_view(cue["pattern"].get_string()), "quote-speaker-verb");
  EXPECT_EQ(std::string_view(cue["person"].get_string()), "Ana Ruiz");
  EXPECT_TRUE(bool(cue["quotation"].get_bool()));
  // "analysis" comes after "findings".
  EXPECT_LT(json.find("\"findings\""), json.find("\"analysis\""));
}

}  // namespace
}  // namespace newslint
