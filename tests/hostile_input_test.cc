// End-to-end: hostile and broken input never crashes newslint, never loses a
// record, and never reaches outside the input (issue 10). Each test runs the
// real binary over files written here.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli_test_util.h"

// Built with AddressSanitizer: GCC says so with __SANITIZE_ADDRESS__, clang
// (the sanitized suite's compiler, make fuzz) with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define NEWSLINT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWSLINT_TEST_ASAN 1
#endif
#endif

namespace newslint {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HostileInputTest : public CliFolderTest {
 protected:
  // The output lines of a JSONL report, parsed: (record number, rule ids).
  std::vector<std::pair<int64_t, std::vector<std::string>>> Records(const std::string& jsonl) {
    std::vector<std::pair<int64_t, std::vector<std::string>>> out;
    simdjson::dom::parser parser;
    size_t start = 0;
    while (start < jsonl.size()) {
      size_t end = jsonl.find('\n', start);
      if (end == std::string::npos) end = jsonl.size();
      simdjson::dom::element e;
      EXPECT_EQ(parser.parse(jsonl.substr(start, end - start)).get(e), simdjson::SUCCESS)
          << jsonl.substr(start, end - start);
      int64_t record = 0;
      std::vector<std::string> rules;
      if (e.is_object()) {
        if (e["record"].get(record) != simdjson::SUCCESS) record = 0;
        simdjson::dom::array findings;
        if (e["findings"].get(findings) == simdjson::SUCCESS) {
          for (simdjson::dom::element f : findings) {
            std::string_view rule;
            if (f["rule"].get(rule) == simdjson::SUCCESS) rules.emplace_back(rule);
          }
        }
      }
      out.emplace_back(record, rules);
      start = end + 1;
    }
    return out;
  }

  // Runs newslint ARGS in the folder without a shell, and returns its exit
  // code and its own peak resident memory in bytes (wait4's rusage of that
  // child alone, so nothing else the test process ran counts).
  std::pair<int, int64_t> RunMeasured(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(NEWSLINT_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string err = (dir_ / "err.txt").string();
    pid_t pid = fork();
    if (pid == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(126);
      int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) dup2(fd, 2);
      execv(NEWSLINT_BINARY, argv.data());
      _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return {-1, 0};
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, int64_t{usage.ru_maxrss} * 1024};
  }
};

// One JSONL file with a bit of everything that goes wrong in real crawls:
// every line must come out as exactly one record, in order.
TEST_F(HostileInputTest, EveryRecordYieldsOneOutputRecordInOrder) {
  std::string in;
  in += "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"A byte order mark opens the file.\"}\n";
  in += "{\"id\":\"crlf\",\"text\":\"Windows line end.\"}\r\n";
  in += "{\"id\":\"nul\",\"text\":\"A NUL \\u0000 escaped, and a raw one: ";
  in += std::string(1, '\0');
  in += "\"}\n";
  in += "\x89PNG\r\x1A\n";  // binary junk: a PNG header split by its own newline
  in += "{\"id\":\"bad-utf8-\xFF\",\"url\":\"https://ex.com/\xC3\",\"title\":\"\xE2\x82\","
        "\"text\":\"Broken \xF0\x9F bytes\"}\n";
  in += "{\"id\":\"lone-cr\",\"text\":\"one\\rtwo\rthree\"}\n";
  in += "not json at all\n";
  in += "\n";
  in += "{\"id\":\"big\",\"text\":\"" + std::string(200000, 'x') + "\"}\n";
  in += "{\"id\":\"deep\",\"text\":\"t\",\"x\":" + std::string(5000, '[') + std::string(5000, ']') +
        "}\n";
  in += "{\"id\":\"last\",\"text\":\"The end, without a final newline.\"}";
  Write("mixed.jsonl", in);
  RunResult r = Run("check mixed.jsonl --no-config --fail-on never --max-record-bytes 100000 "
                    "--format jsonl -o out.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = Records(Slurp(dir_ / "out.jsonl"));
  // 11 lines (the PNG header's "\r\x1A\n" is one line).
  ASSERT_EQ(records.size(), 11u);
  for (size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].first, int64_t(i + 1));
  EXPECT_THAT(records[3].second, ::testing::Contains("input/invalid-json"));  // PNG
  EXPECT_THAT(records[4].second, ::testing::Contains("input/invalid-utf8"));
  EXPECT_THAT(records[6].second, ::testing::Contains("input/invalid-json"));
  EXPECT_THAT(records[7].second, ::testing::Contains("input/invalid-json"));  // blank line
  EXPECT_THAT(records[8].second, ::testing::Contains("input/record-too-large"));
  EXPECT_THAT(records[10].second, Not(::testing::Contains(::testing::StartsWith("input/"))));
}

std::string Gzip(const std::string& bytes) {
  std::string out(compressBound(bytes.size()) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A .gz that expands a thousandfold is streamed, and a truncated one is a
// finding on its last record, not an abort.
TEST_F(HostileInputTest, CompressionBombsAndTruncatedStreams) {
  std::string record = "{\"id\":\"z\",\"text\":\"" + std::string(2'000'000, 'a') + "\"}\n";
  std::string bomb;
  for (int i = 0; i < 10; ++i) bomb += record;  // 20 MB of text, ~20 kB compressed
  const std::string gz = Gzip(bomb);
  ASSERT_LT(gz.size() * 500, bomb.size());
  Write("bomb.jsonl.gz", gz);
  RunResult r = Run("check bomb.jsonl.gz --no-config --fail-on never --select input "
                    "--max-record-bytes 1000000 --format jsonl -o out.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = Records(Slurp(dir_ / "out.jsonl"));
  ASSERT_EQ(records.size(), 10u);
  for (const auto& rec : records) {
    EXPECT_THAT(rec.second, ::testing::Contains("input/record-too-large"));
  }
  // Truncated: half of a two-record stream.
  const std::string two = Gzip("{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  Write("cut.jsonl.gz", two.substr(0, two.size() / 2));
  r = Run("check cut.jsonl.gz --no-config --fail-on never --format jsonl -o cut.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  records = Records(Slurp(dir_ / "cut.jsonl"));
  ASSERT_FALSE(records.empty());
  EXPECT_THAT(records.back().second, ::testing::Contains("input/read-error"));
}

// A 200 MB record on one line, between two ordinary ones: it becomes an
// input/record-too-large finding (default --max-record-bytes, 8 MiB) and is
// never held in memory; its neighbours are linted.
TEST_F(HostileInputTest, TwoHundredMegabyteLineIsAFindingNotAnAllocation) {
  {
    std::ofstream out(dir_ / "huge.jsonl", std::ios::binary);
    out << "{\"id\":\"before\",\"text\":\"An ordinary record.\"}\n";
    out << "{\"id\":\"huge\",\"text\":\"";
    const std::string chunk(1 << 20, 'w');
    for (int i = 0; i < 200; ++i) out << chunk;
    out << "\"}\n";
    out << "{\"id\":\"after\",\"text\":\"Another ordinary record.\"}\n";
  }
  auto [exit_code, peak] = RunMeasured(
      {"check", "huge.jsonl", "--no-config", "--fail-on", "never", "--format", "jsonl", "-o",
       "out.jsonl"});
  ASSERT_EQ(exit_code, 0) << Slurp(dir_ / "err.txt");
  auto records = Records(Slurp(dir_ / "out.jsonl"));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].second, ::testing::ElementsAre("input/record-too-large"));
  EXPECT_THAT(records[0].second, Not(::testing::Contains(::testing::StartsWith("input/"))));
  EXPECT_THAT(records[2].second, Not(::testing::Contains(::testing::StartsWith("input/"))));
  // Holding the line would take 200 MB on top of the run's own memory; a run
  // of two small records takes a few tens of MB (the dictionary, the rules'
  // tables), and about 150 MB in the sanitized build (ASan's shadow memory
  // and quarantine), so the bound sits just under the line's size.
  EXPECT_LT(peak, 190 << 20) << "peak RSS " << peak;
  std::filesystem::remove(dir_ / "huge.jsonl");
}

// Records of a megabyte that repeat one shape news never has: a run of
// brackets or of quotation marks, a transcript of a thousand speakers, name
// after name with pronoun cues, blank lines, a paragraph of thousands of
// quotations, quotation marks at random, a line of markup. A step that walks all of
// something for each of something (every mention for every cue, the rest of
// a run of marks for every mark) is invisible on news and took from seconds
// to hours here (bench/shapes.py, docs/performance.md: "Cost against article
// length"); linear, the whole file takes a few seconds. What the test
// asserts is that every record comes through, linted, in bounded memory.
TEST_F(HostileInputTest, MegabyteRecordsOfOneShapeGoThrough) {
  auto repeat = [](const std::string& part, size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += part;
    return out;
  };
  // Distinct capitalised names ("Bacd Fegh"), as JSON-safe ASCII.
  size_t counter = 0;
  auto name = [&counter] {
    std::string n;
    for (size_t v = ++counter * 2654435761u; n.size() < 5; v /= 7) n += static_cast<char>('a' + v % 7);
    n[0] = static_cast<char>(n[0] - 'a' + 'A');
    return n;
  };
  auto names = [&](const std::string& before, const std::string& between, size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += before + name() + " " + name() + between;
    return out;
  };
  constexpr size_t kBytes = 1'000'000;
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"brackets", std::string(kBytes, '(')},
      {"close-brackets", repeat("[", kBytes / 2) + repeat(")", kBytes / 2)},
      {"quote-run", repeat("\u201C", kBytes / 6) + repeat("\u201D", kBytes / 6)},
      // Every mark unclosed, and the paragraph ends in marks: unbalanced-quotes
      // asked CutShort, which reads back over them all, for each (300 KB: 74 s).
      {"open-quotes", repeat("\u201C", kBytes / 3)},
      {"transcript", names("\u201CWe will go,\u201D said ", ".\\n\\n", kBytes)},
      {"names-said", names("", " said the plan would work. ", kBytes)},
      {"name-lists", names("", ", " + name() + " " + name() + " and Mr " + name() +
                                   " met. He said she said. ", kBytes)},
      {"blank-lines", repeat("\\n", kBytes)},
      {"one-line-talk", repeat("\u201CWe will go there again and again,\u201D he said. ", kBytes)},
      {"mark-soup", [&] {
         static const char* const kMarks[] = {"\\\"", "'", "\u2018", "\u2019", "\u201C",
                                              "\u201D", " ", "a"};
         std::string out;
         for (uint32_t v = 1; out.size() < kBytes;) {
           v = v * 1664525u + 1013904223u;
           out += kMarks[v >> 29];
         }
         return out;
       }()},
      {"markup", repeat("<div class=\\\"x\\\"><a href=\\\"/y\\\">Z</a></div>", kBytes)},
  };
  std::string in;
  for (const auto& [id, text] : shapes) {
    in += "{\"id\":\"" + id + "\",\"url\":\"https://ex.com/" + id + "\",\"text\":\"" + text +
          "\"}\n";
  }
  Write("shapes.jsonl", in);
  auto [exit_code, peak] = RunMeasured({"check", "shapes.jsonl", "--no-config", "--fail-on",
                                        "never", "--format", "jsonl", "-o", "out.jsonl", "-j",
                                        "2", "--report", "report.html"});
  ASSERT_EQ(exit_code, 0) << Slurp(dir_ / "err.txt");
  // Issue 9's bound, with two jobs and the HTML report: each record's views
  // cost it tens of MB (the 32-bit marks of Quotations and
  // unbalanced-brackets, --max-text-bytes, the findings cap), and the run
  // peaks at about 220 MB. Before those limits this file took 2 GB (and 93
  // s). ASan's shadow memory and quarantine of freed blocks would measure
  // the sanitizer, not newslint: the sanitized build does not assert it.
#if !defined(NEWSLINT_TEST_ASAN)
  EXPECT_LT(peak, int64_t{300} << 20) << "peak RSS " << peak;
#endif
  auto records = Records(Slurp(dir_ / "out.jsonl"));
  ASSERT_EQ(records.size(), shapes.size());
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].first, int64_t(i + 1));
    std::vector<std::string> input;
    for (const std::string& rule : records[i].second) {
      if (rule.starts_with("input/")) input.push_back(rule);
    }
    // 500,000 blank lines are over --max-text-bytes' 65,536 lines: linted
    // to there, the rest one finding. Every other shape is linted whole.
    if (shapes[i].first == "blank-lines") {
      EXPECT_THAT(input, ::testing::ElementsAre("input/text-too-long"));
    } else {
      EXPECT_THAT(input, ::testing::IsEmpty()) << shapes[i].first;
    }
  }
}

// A truncated .zst, like a truncated .gz: the records before the cut are
// linted and the break is a finding on the last one.
TEST_F(HostileInputTest, TruncatedZstdKeepsWhatWasRead) {
  // Varied words, so the stream holds several zstd blocks (a block is
  // decoded whole: a cut inside the first one would leave nothing to read).
  std::string plain;
  uint64_t seed = 42;
  for (int i = 0; i < 3000; ++i) {
    plain += "{\"id\":\"z" + std::to_string(i) + "\",\"text\":\"Record";
    for (int w = 0; w < 30; ++w) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      plain += " w" + std::to_string(seed >> 44);
    }
    plain += ".\"}\n";
  }
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 3);
  ASSERT_FALSE(ZSTD_isError(n));
  Write("cut.jsonl.zst", packed.substr(0, n * 2 / 3));
  RunResult r = Run("check cut.jsonl.zst --no-config --fail-on never --format jsonl -o out.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = Records(Slurp(dir_ / "out.jsonl"));
  ASSERT_GT(records.size(), 100u);
  ASSERT_LT(records.size(), 3000u);
  for (size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].first, int64_t(i + 1));
  EXPECT_THAT(records.back().second, ::testing::Contains("input/read-error"));
}

// A file newslint may not read, in a folder with readable ones: one record
// with input/read-error naming the file, the others linted, exit 1 (an
// error finding), reports written. As root (CI), the run drops to `nobody`
// so that the permission bits apply.
TEST_F(HostileInputTest, UnreadableFileIsAFindingAndTheRunGoesOn) {
  Write("crawl/a.jsonl", "{\"id\":\"a\",\"text\":\"Prices rose on Monday.\"}\n");
  Write("crawl/b.jsonl", "{\"id\":\"b\",\"text\":\"Nobody may read this.\"}\n");
  Write("crawl/c.jsonl", "{\"id\":\"c\",\"text\":\"Prices fell on Tuesday.\"}\n");
  namespace fs = std::filesystem;
  fs::permissions(dir_ / "crawl" / "b.jsonl", fs::perms::none);
  std::string prefix;
  if (geteuid() == 0) {
    if (std::system("command -v runuser >/dev/null 2>&1") != 0) GTEST_SKIP() << "no runuser";
    prefix = "runuser -u nobody -- ";
    fs::permissions(dir_, fs::perms::all);  // nobody writes the report here
    // ... and must reach the binary: skip where its folders are private.
    if (std::system(("runuser -u nobody -- test -x '" NEWSLINT_BINARY "'")) != 0) {
      GTEST_SKIP() << "the user nobody cannot run " NEWSLINT_BINARY;
    }
  }
  const std::string cmd = "cd '" + dir_.string() + "' && " + prefix + "'" NEWSLINT_BINARY
                          "' check crawl --no-config --format jsonl -o out.jsonl 2>err.txt";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << Slurp(dir_ / "err.txt");
  const std::string out = Slurp(dir_ / "out.jsonl");
  auto records = Records(out);
  ASSERT_EQ(records.size(), 3u) << out;
  EXPECT_THAT(records[0].second, ::testing::IsEmpty());
  EXPECT_THAT(records[1].second, ::testing::ElementsAre("input/read-error"));
  EXPECT_THAT(records[2].second, ::testing::IsEmpty());
  EXPECT_THAT(out, HasSubstr("cannot read 'crawl/b.jsonl': Permission denied"));
}

// Deeply nested HTML, and HTML that declares external entities: no crash, no
// stack overflow, nothing fetched or expanded.
TEST_F(HostileInputTest, DeepHtmlAndExternalEntities) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep text at the bottom.</p>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  deep += "</body></html>";
  Write("deep.html", deep);
  RunResult r = Run("check deep.html --no-config --fail-on never --format jsonl -o deep.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Records(Slurp(dir_ / "deep.jsonl")).size(), 1u);

  Write("secret.txt", "TOP-SECRET-CONTENT\n");
  const std::string secret = (dir_ / "secret.txt").string();
  Write("xxe.html",
        "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file://" + secret +
            "\"><!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>\n"
            "<html><body><p>Before &xxe; after.</p></body></html>\n");
  r = Run("check xxe.html --no-config --fail-on never --include-text --format jsonl -o xxe.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Slurp(dir_ / "xxe.jsonl"), Not(HasSubstr("TOP-SECRET-CONTENT")));
}

// A folder with a symlink loop is walked once; a UTF-16 file is a finding.
TEST_F(HostileInputTest, SymlinkLoopsAndUtf16Files) {
  Write("crawl/a.txt", "A plain article.\n");
  std::filesystem::create_directory_symlink(dir_ / "crawl", dir_ / "crawl" / "loop");
  RunResult r = Run("check crawl --no-config --fail-on never --format jsonl -o out.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Records(Slurp(dir_ / "out.jsonl")).size(), 1u);  // a.txt, once
  // UTF-16 with its byte order mark: invalid UTF-8, reported, not a crash.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Hello")) {
    utf16 += c;
    utf16 += '\0';
  }
  Write("u16.txt", utf16);
  r = Run("check u16.txt --no-config --fail-on never --format jsonl -o u16.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto records = Records(Slurp(dir_ / "u16.jsonl"));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].second, ::testing::Contains("input/invalid-utf8"));
}

}  // namespace
}  // namespace newslint
