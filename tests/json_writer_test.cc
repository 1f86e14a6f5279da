#include "reports/json_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "lint/analysis.h"
#include "tests/rule_test_util.h"

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

// The escaper as it was before the 16-byte block scan (8 bytes at a time,
// SWAR), kept verbatim as the reference the fast path is compared with,
// byte for byte, together with the invalid-byte count Text() relies on.
namespace previous {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

inline bool NeedsAttention(uint64_t w) {
  uint64_t below_space = (w - kOnes * 0x20) & ~w;
  uint64_t q = w ^ (kOnes * '"');
  uint64_t b = w ^ (kOnes * '\\');
  uint64_t quote = (q - kOnes) & ~q;
  uint64_t backslash = (b - kOnes) & ~b;
  return ((below_space | quote | backslash | w) & kHighs) != 0;
}

inline size_t Utf8SequenceLength(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

void AppendEscapedAscii(std::string* out, unsigned char c) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\b': out->append("\\b"); return;
    case '\f': out->append("\\f"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    default: break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out->append(buf, 6);
}

size_t EscapeString(std::string* out, std::string_view s) {
  size_t replaced = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->push_back('"');
  size_t run = 0;
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (NeedsAttention(w)) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out->append(s.data() + run, i - run);
      AppendEscapedAscii(out, c);
      run = ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    bool line_separator = len == 3 && c == 0xE2 && p[i + 1] == 0x80 &&
                          (p[i + 2] == 0xA8 || p[i + 2] == 0xA9);
    if (len != 0 && !line_separator) {
      i += len;
      continue;
    }
    out->append(s.data() + run, i - run);
    if (line_separator) {
      out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
      i += 3;
    } else {
      out->append("\xEF\xBF\xBD");
      i += 1;
      ++replaced;
    }
    run = i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
  return replaced;
}

std::string Json(std::string_view s) {
  std::string out;
  EscapeString(&out, s);
  return out;
}

}  // namespace previous

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

// The differential check: AppendJsonString against the previous escaper,
// and Text() (string or base64) against what the previous invalid-byte
// count decides. `s` is copied to a buffer of its own size, so a read past
// its end is caught by the sanitizer build.
void ExpectSameAsPrevious(std::string_view s) {
  const std::string exact(s);
  std::string got = "prefix";  // appends, never overwrites
  AppendJsonString(&got, exact);
  ASSERT_EQ(got, "prefix" + previous::Json(exact)) << "input: " << testing::PrintToString(exact);
  std::string text;
  JsonWriter w(&text);
  w.Text(exact);
  std::string expected;
  if (previous::EscapeString(&expected, exact) != 0) {
    expected = "{\"bytes\":\"";
    AppendBase64(&expected, exact);
    expected += "\"}";
  }
  ASSERT_EQ(text, expected) << "input: " << testing::PrintToString(exact);
}

TEST(JsonStringDifferentialTest, FixtureSubstrings) {
  // Every substring up to 40 bytes: UTF-8 cut at every point, every
  // position of a special byte relative to the 16-byte blocks and the tail.
  const size_t checked = ForEachFixtureSubstring(40, [](std::string_view s) {
    ExpectSameAsPrevious(s);
  });
  EXPECT_GT(checked, 100000u);
}

TEST(JsonStringDifferentialTest, FixtureArticles) {
  size_t articles = 0;
  for (const Article& a : FixtureArticles()) {
    ExpectSameAsPrevious(a.text);
    ExpectSameAsPrevious(a.id);
    ExpectSameAsPrevious(a.url);
    ++articles;
  }
  EXPECT_GT(articles, 10u);
}

TEST(JsonStringDifferentialTest, EveryByteAtEveryOffset) {
  // Each single byte, and each special sequence, at every offset of strings
  // of 0 to 50 plain bytes: first, last, across a 16-byte block boundary,
  // in the overlapping last block, in a string shorter than a block.
  std::vector<std::string> specials;
  for (int b = 0; b < 256; ++b) specials.push_back(std::string(1, static_cast<char>(b)));
  for (const char* seq : {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xA7", "\xE2\x80\xAA",
                          "\xE2\x80\x99", "\xE2\x80\x94", "\xC3\xA9", "\xF0\x9F\x98\x80",
                          "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
                          "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xC2\x80",
                          "\xC1\xBF", "\xE2\x80", "\xE2", "\xF0\x9F\x98", "\xC3\xA9\xC3"}) {
    specials.push_back(seq);
  }
  for (size_t len = 0; len <= 50; ++len) {
    for (size_t at = 0; at <= len; ++at) {
      for (const std::string& sp : specials) {
        std::string s(len, 'x');
        s.insert(at, sp);
        ExpectSameAsPrevious(s);
        // And the sequence cut short at the end of the string.
        ExpectSameAsPrevious(std::string_view(s).substr(0, at + sp.size() - 1));
      }
    }
  }
}

TEST(JsonStringDifferentialTest, AllShortStringsOverSpecialAlphabet) {
  // Every string of up to 4 bytes over bytes that start, continue or break
  // sequences, plus the escapes: all neighbourings of special bytes.
  const std::string alphabet(
      "a\"\\\n\x01\x7f\x80\x9f\xA8\xBF\xC2\xC3\xDF\xE0\xE2\xED\xEF\xF0\xF4\xF5\xFF",
      21);
  ForEachStringOver(alphabet, 4, [](std::string_view s) { ExpectSameAsPrevious(s); });
}

TEST(JsonStringDifferentialTest, RandomStringsValidAndInvalid) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a", "The minister said ", " ", "\"", "\\", "\n", "\r\n", "\t",
                                "\x1f", "\x7f", std::string(1, '\0'), "\xC3\xA9", "\xE2\x80\x99",
                                "\xE2\x80\x9C", "\xE2\x80\x94", "\xE2\x80\xA8", "\xE2\x80\xA9",
                                "\xE6\x9D\xB1", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xED\xA0",
                                "\xC3", "\xE2\x80", "\xF0\x9F"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t len = rng() % (round % 10 == 0 ? 400 : 40);
    for (size_t i = 0; i < len; ++i) s += pieces[rng() % std::size(pieces)];
    ExpectSameAsPrevious(s);
  }
  // Uniformly random bytes, mostly invalid.
  for (int round = 0; round < 5000; ++round) {
    std::string s(rng() % 100, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    ExpectSameAsPrevious(s);
  }
  // Dense valid text of each sequence length, cut at every end.
  for (const char* unit : {"\xC3\xA9", "\xE2\x80\x99", "\xE6\x9D\xB1", "\xF0\x9F\x98\x80"}) {
    std::string s;
    for (int k = 0; k < 40; ++k) s += unit;
    for (size_t cut = 0; cut <= s.size(); ++cut) ExpectSameAsPrevious(s.substr(0, cut));
  }
}

TEST(JsonStringDifferentialTest, EmptyAndLong) {
  ExpectSameAsPrevious("");
  EXPECT_EQ(Json(""), "\"\"");
  std::string ascii;
  while (ascii.size() < (1 << 20)) ascii += "Plain ASCII news text, no escapes at all. ";
  ExpectSameAsPrevious(ascii);
  EXPECT_EQ(Json(ascii), "\"" + ascii + "\"");
  std::string mixed;
  while (mixed.size() < (1 << 20)) {
    mixed += "Le ministre n\xE2\x80\x99" "a pas comment\xC3\xA9 \"le\" rapport\n\xE2\x80\xA8\xFF";
  }
  ExpectSameAsPrevious(mixed);
  EXPECT_EQ(Json(mixed), ReferenceJson(mixed));
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

TEST(JsonWriterTest, SafeKeyAndStringWriteWhatKeyAndStringWrite) {
  for (JsonWriter::Layout layout : {JsonWriter::Layout::kCompact, JsonWriter::Layout::kIndented}) {
    std::string safe, escaped;
    JsonWriter a(&safe, layout), b(&escaped, layout);
    const std::string long_key(40, 'k');  // past SafeKey's short-key buffer
    a.BeginObject();
    b.BeginObject();
    a.SafeKey("severity");
    b.Key("severity");
    a.SafeString("warning");
    b.String("warning");
    a.SafeKey("span");
    b.Key("span");
    a.BeginObject(/*one_line=*/true);
    b.BeginObject(/*one_line=*/true);
    a.SafeKey("start");
    b.Key("start");
    a.Int(1);
    b.Int(1);
    a.SafeKey(long_key.substr(0, 32));
    b.Key(long_key.substr(0, 32));
    a.Int(3);
    b.Int(3);
    a.SafeKey(long_key.substr(0, 33));
    b.Key(long_key.substr(0, 33));
    a.Null();
    b.Null();
    a.SafeKey("");
    b.Key("");
    a.SafeString("");
    b.String("");
    a.EndObject();
    b.EndObject();
    a.SafeKey(long_key);
    b.Key(long_key);
    a.Int(2);
    b.Int(2);
    a.SafeKey("list");
    b.Key("list");
    a.BeginArray();
    b.BeginArray();
    a.SafeString("x y/z");
    b.String("x y/z");
    a.SafeString("error");
    b.String("error");
    a.EndArray();
    b.EndArray();
    a.EndObject();
    b.EndObject();
    EXPECT_EQ(safe, escaped);
    EXPECT_TRUE(a.done());
    const std::string k32(32, 'k'), k33(33, 'k'), k40(40, 'k');
    if (layout == JsonWriter::Layout::kCompact) {
      EXPECT_EQ(safe, "{\"severity\":\"warning\",\"span\":{\"start\":1,\"" + k32 + "\":3,\"" + k33 +
                          "\":null,\"\":\"\"},\"" + k40 + "\":2,\"list\":[\"x y/z\",\"error\"]}");
    } else {
      EXPECT_EQ(safe, "{\n  \"severity\": \"warning\",\n  \"span\": {\"start\":1,\"" + k32 +
                          "\":3,\"" + k33 + "\":null,\"\":\"\"},\n  \"" + k40 +
                          "\": 2,\n  \"list\": [\n    \"x y/z\",\n    \"error\"\n  ]\n}");
    }
  }
  // Keys that need escaping still go through the escaper, after a comma.
  std::string escaped_keys;
  JsonWriter e(&escaped_keys);
  e.BeginObject();
  e.Key("a");
  e.Int(1);
  e.Key("q\"\\\n\xFF");
  e.Int(2);
  e.Key("\xE2\x80\xA8");
  e.Int(3);
  e.EndObject();
  EXPECT_EQ(escaped_keys, "{\"a\":1,\"q\\\"\\\\\\n\xEF\xBF\xBD\":2,\"\\u2028\":3}");
  std::string out;
  JsonWriter w(&out, JsonWriter::Layout::kIndented);
  w.BeginObject();
  w.SafeKey("k");
  w.SafeString("v");
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"k\": \"v\"\n}");
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

// WriteFinding writes a finding on one line in pieces of literal text; the
// oracle is the same object written through the writer's own calls
// (WriteFindingByCalls, built on the calls tested above). Every kind of
// evidence value, keys and strings that need escaping, invalid UTF-8,
// numbers of every sign and form, with and without a fix, as the first and a
// later element of an array, compact and inside a one-line container of an
// indented writer.
std::vector<Finding> FindingsOfEveryShape() {
  std::vector<Finding> out;
  Finding plain;
  plain.rule = "boilerplate/consent-banner";
  out.push_back(plain);
  Finding full;
  full.rule = "attribution/speaker-mismatch";
  full.severity = Severity::kError;
  full.message = "quote \"pinned\" on\tthe wrong\nperson \xE2\x80\xA8 caf\xC3\xA9 \xFF\x01";
  full.span = {12345678901, 12345678999};
  full.line = -1;
  full.column = 0;
  full.excerpt = "\xE2\x80\x9CWe will,\xE2\x80\x9D Flashing said.\\";
  full.evidence = {{"speaker", std::string("Flashing")},
                   {"count", int64_t{-42}},
                   {"big", int64_t{9223372036854775807}},
                   {"ratio", 0.1},
                   {"whole", 3.0},
                   {"huge", 1e21},
                   {"nan", std::nan("")},
                   {"certain", true},
                   {"doubt", false},
                   {"names", std::vector<std::string>{"Blinken", "", "\xC3\xA9\"\x7F"}},
                   {"none", std::vector<std::string>{}},
                   {"cl\xC3\xA9 \"quoted\"\n", std::string("\xC0\xAF")},
                   {"", std::string()}};
  full.fix = Fix{Span{4, 10}, "\xE2\x80\x99\r\n"};
  out.push_back(full);
  Finding removal;
  removal.rule = "dataset/repeated-body";
  removal.severity = Severity::kInfo;
  removal.fix = Fix{Span{0, 0}, ""};
  out.push_back(removal);
  return out;
}

TEST(JsonWriterTest, FindingOnOneLineIsWhatTheWritersCallsWrite) {
  const std::vector<Finding> findings = FindingsOfEveryShape();
  for (JsonWriter::Layout layout : {JsonWriter::Layout::kCompact, JsonWriter::Layout::kIndented}) {
    std::string fast, oracle;
    JsonWriter a(&fast, layout), b(&oracle, layout);
    for (JsonWriter* w : {&a, &b}) {
      w->BeginObject(/*one_line=*/true);
      w->SafeKey("findings");
      w->BeginArray();
    }
    for (const Finding& f : findings) {
      WriteFinding(a, f);
      WriteFindingByCalls(b, f);
    }
    for (JsonWriter* w : {&a, &b}) {
      w->EndArray();
      w->EndObject();
    }
    EXPECT_EQ(fast, oracle);
    EXPECT_EQ(fast.find('\n'), std::string::npos);
  }
  // Where the writer indents, the finding is laid out over lines, and holds
  // what the one-line form holds: minified, the two are the same text.
  for (const Finding& f : findings) {
    std::string indented, flat;
    JsonWriter a(&indented, JsonWriter::Layout::kIndented), b(&flat);
    WriteFinding(a, f);
    WriteFinding(b, f);
    EXPECT_NE(indented.find('\n'), std::string::npos);
    std::string minified(indented.size(), '\0');
    size_t length = 0;
    ASSERT_EQ(simdjson::minify(indented.data(), indented.size(), minified.data(), length),
              simdjson::SUCCESS);
    minified.resize(length);
    EXPECT_EQ(minified, flat);
  }
}

}  // namespace
}  // namespace newslint
