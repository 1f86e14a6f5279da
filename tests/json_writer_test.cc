#include "reports/json_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

#include "lint/analysis.h"

namespace newslint {
namespace {

std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

// A slow, obviously right escaper to compare with: one code point at a time,
// validity decided by lint/analysis.h's IsValidUtf8.
std::string ReferenceJson(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t want = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (want == 0 || i + want > s.size() || !IsValidUtf8(s.substr(i, want))) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    std::string_view cp = s.substr(i, want);
    i += want;
    if (cp == "\xE2\x80\xA8") {
      out += "\\u2028";
    } else if (cp == "\xE2\x80\xA9") {
      out += "\\u2029";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      const char* named[] = {"b", "t", "n", nullptr, "f", "r"};
      if (c >= 8 && c <= 13 && named[c - 8]) {
        out += std::string("\\") + named[c - 8];
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    } else {
      out += cp;
    }
  }
  return out + "\"";
}

struct EscapeCase {
  std::string input;
  std::string expected;  // without the quotes
};

TEST(JsonStringTest, EscapesTable) {
  const EscapeCase cases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"say \"hi\"", "say \\\"hi\\\""},
      {"back\\slash", "back\\\\slash"},
      {"\n\r\t\b\f", "\\n\\r\\t\\b\\f"},
      {std::string("\0", 1), "\\u0000"},
      {"\x01\x1f", "\\u0001\\u001f"},
      {"\x1b[31m", "\\u001b[31m"},
      {"del\x7f", "del\x7f"},  // DEL is legal in JSON strings
      {"/", "/"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},                  // é stays UTF-8
      {"\xE2\x80\x99", "\xE2\x80\x99"},                // ’
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},        // emoji, 4 bytes
      {"a\xE2\x80\xA8" "b", "a\\u2028b"},              // LINE SEPARATOR
      {"a\xE2\x80\xA9" "b", "a\\u2029b"},              // PARAGRAPH SEPARATOR
      {"\xE2\x80\xAA", "\xE2\x80\xAA"},                // U+202A is not escaped
      {"\xFF", "\xEF\xBF\xBD"},                        // invalid byte
      {"a\xC3", "a\xEF\xBF\xBD"},                      // truncated at the end
      {"\xC3(", "\xEF\xBF\xBD("},                      // bad continuation
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},        // overlong "/"
      {"\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong, 3 bytes
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"\xF4\x90\x80\x80",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},      // above U+10FFFF
      {"didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t", "didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t"},
      // Specials on both sides of the 8-byte fast path.
      {"0123456\"89abcdef\\", "0123456\\\"89abcdef\\\\"},
      {"01234567\n", "01234567\\n"},
      {"0123456789abcde\xFF", "0123456789abcde\xEF\xBF\xBD"},
  };
  for (const EscapeCase& c : cases) {
    EXPECT_EQ(Json(c.input), "\"" + c.expected + "\"") << "input: " << c.input;
    EXPECT_EQ(Json(c.input), ReferenceJson(c.input)) << "input: " << c.input;
  }
}

// Random byte strings: the output is always valid UTF-8 and valid JSON, and
// a valid input reads back unchanged.
TEST(JsonStringTest, RandomBytesAlwaysGiveValidJson) {
  std::mt19937 rng(42);
  // Pieces: ASCII, escapes, NUL, well-formed sequences and stray bytes.
  const std::string pieces[] = {"a", "b", " ", "\"", "\\", "\n", "\t", "\x01", "\x7f",
                                std::string(1, '\0'), "\xC3\xA9", "\xE2\x80\xA8",
                                "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xED",
                                "\xC3", "\xF0\x9F", "abcdefghijklmnop"};
  simdjson::dom::parser parser;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    size_t len = rng() % 40;
    for (size_t i = 0; i < len; ++i) s += pieces[rng() % std::size(pieces)];
    std::string json = Json(s);
    ASSERT_EQ(json, ReferenceJson(s));
    ASSERT_TRUE(IsValidUtf8(json)) << json;
    simdjson::padded_string padded(json);
    std::string_view parsed;
    ASSERT_EQ(parser.parse(padded).get_string().get(parsed), simdjson::SUCCESS) << json;
    if (IsValidUtf8(s)) {
      EXPECT_EQ(parsed, s);
    }
    // Text() keeps the text as a string exactly when IsValidUtf8 accepts it.
    std::string text;
    JsonWriter w(&text);
    w.Text(s);
    EXPECT_EQ(text.rfind("{\"bytes\":", 0) != 0, IsValidUtf8(s)) << text;
    EXPECT_EQ(text == json, IsValidUtf8(s)) << text;
  }
}

TEST(JsonBase64Test, Rfc4648Vectors) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [in, out] : cases) {
    std::string got;
    AppendBase64(&got, in);
    EXPECT_EQ(got, out);
  }
  std::string got;
  AppendBase64(&got, std::string_view("\xFF\xFE\x00", 3));
  EXPECT_EQ(got, "//4A");
}

TEST(JsonDoubleTest, ShortestRoundTrip) {
  const std::pair<double, std::string> cases[] = {
      {0.0, "0.0"},       {-0.0, "-0.0"},    {1.0, "1.0"},           {0.1, "0.1"},
      {0.5, "0.5"},       {123.456, "123.456"}, {1e21, "1e+21"},     {1.5e-7, "1.5e-07"},
      {1.0 / 3, "0.3333333333333333"}, {-2.25, "-2.25"}, {42.0, "42.0"},
      {std::numeric_limits<double>::quiet_NaN(), "null"},
      {std::numeric_limits<double>::infinity(), "null"},
      {-std::numeric_limits<double>::infinity(), "null"},
  };
  for (const auto& [v, text] : cases) {
    std::string got;
    AppendJsonDouble(&got, v);
    EXPECT_EQ(got, text);
    if (std::isfinite(v)) {
      EXPECT_EQ(std::strtod(got.c_str(), nullptr), v) << got;
    }
  }
}

TEST(JsonWriterTest, CompactNesting) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.Int(-7);
  w.Key("b");
  w.BeginArray();
  w.Bool(true);
  w.Bool(false);
  w.Null();
  w.Double(2.5);
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.Key("c");
  w.String("x");
  w.EndObject();
  EXPECT_TRUE(w.done());
  EXPECT_EQ(out, R"({"a":-7,"b":[true,false,null,2.5,{},[]],"c":"x"})");
}

TEST(JsonWriterTest, IndentedWithOneLineContainers) {
  std::string out;
  JsonWriter w(&out, JsonWriter::Layout::kIndented);
  w.BeginObject();
  w.Key("list");
  w.BeginArray();
  w.Int(1);
  w.BeginObject(/*one_line=*/true);
  w.Key("k");
  w.BeginArray();
  w.Int(2);
  w.Int(3);
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.Key("empty");
  w.BeginObject();
  w.EndObject();
  w.EndObject();
  EXPECT_EQ(out,
            "{\n"
            "  \"list\": [\n"
            "    1,\n"
            "    {\"k\":[2,3]}\n"
            "  ],\n"
            "  \"empty\": {}\n"
            "}");
}

TEST(JsonWriterTest, TextIsStringWhenValidElseBase64Bytes) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.Text("caf\xC3\xA9\n");
  w.Text("caf\xE9");  // Latin-1 é: not UTF-8
  w.EndArray();
  EXPECT_EQ(out, "[\"caf\xC3\xA9\\n\",{\"bytes\":\"Y2Fm6Q==\"}]");
}

TEST(JsonWriterTest, EvidenceKeepsOrderAndTypes) {
  Evidence ev = {{"speaker", std::string("Flashing")},
                 {"count", int64_t{3}},
                 {"ratio", 0.25},
                 {"certain", false},
                 {"names", std::vector<std::string>{"Blinken", "Tokayev"}},
                 {"bad", std::string("\xFF")}};
  std::string out;
  JsonWriter w(&out);
  w.WriteEvidence(ev);
  EXPECT_EQ(out,
            R"({"speaker":"Flashing","count":3,"ratio":0.25,"certain":false,)"
            R"("names":["Blinken","Tokayev"],"bad":")"
            "\xEF\xBF\xBD\"}");
}

TEST(JsonWriterTest, FixNullOrReplacement) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.WriteFix(std::nullopt);
  w.WriteFix(Fix{Span{4, 10}, "\xE2\x80\x99"});
  w.EndArray();
  EXPECT_EQ(out, "[null,{\"start\":4,\"end\":10,\"text\":\"\xE2\x80\x99\"}]");
}

TEST(JsonWriterTest, FindingObjectKeyOrder) {
  Finding f;
  f.rule = "garbled/mojibake";
  f.severity = Severity::kError;
  f.message = "m";
  f.span = {1, 2};
  f.line = 3;
  f.column = 4;
  f.excerpt = "e";
  std::string out;
  JsonWriter w(&out);
  WriteFinding(w, f);
  EXPECT_EQ(out,
            R"({"rule":"garbled/mojibake","severity":"error","message":"m",)"
            R"("span":{"start":1,"end":2},"line":3,"column":4,"excerpt":"e",)"
            R"("evidence":{},"fix":null})");
}

}  // namespace
}  // namespace newslint
