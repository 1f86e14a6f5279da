// newslint tests: running one rule over a text, and reading its evidence.
// Shared by the rule unit tests so each test file states only what it checks.

#ifndef NEWSLINT_TESTS_RULE_TEST_UTIL_H_
#define NEWSLINT_TESTS_RULE_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/readers/reader.h"
#include "lint/rule.h"

namespace newslint {

// Calls f on every substring of at most `max_len` bytes starting in the
// first 20,000 bytes of each fixture file (raw bytes: real tokens, their
// neighbours, UTF-8 cut anywhere), until about 4 million; returns how many.
template <typename F>
size_t ForEachFixtureSubstring(size_t max_len, F&& f) {
  const auto root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
  size_t checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || checked > 4'000'000) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string_view view(text);
    for (size_t i = 0; i < view.size() && i < 20000; ++i) {
      for (size_t len = 0; len <= max_len && i + len <= view.size(); ++len) {
        f(view.substr(i, len));
        ++checked;
      }
    }
  }
  return checked;
}

// Calls f on every string of 0 to `max_len` bytes over `alphabet` (every
// byte sequence the alphabet can make up to that length).
template <typename F>
void ForEachStringOver(std::string_view alphabet, size_t max_len, F&& f) {
  std::string w;
  for (size_t len = 0; len <= max_len; ++len) {
    std::vector<size_t> idx(len, 0);
    while (true) {
      w.clear();
      for (size_t i : idx) w += alphabet[i];
      f(std::string_view(w));
      size_t k = 0;
      while (k < len && ++idx[k] == alphabet.size()) idx[k++] = 0;
      if (k == len) break;
    }
  }
}

// A..Z lowered one byte at a time, every other byte as it is: the plain
// definition the lower-casing fast paths are compared with.
inline std::string ByteLoopLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// One article per text (no title, no URL): edge cases for the differential
// tests.
inline std::vector<Article> ArticlesOfTexts(const std::vector<std::string>& texts) {
  std::vector<Article> out;
  for (const std::string& t : texts) {
    Article a;
    a.text = t;
    out.push_back(std::move(a));
  }
  return out;
}

// Every record of every fixture (.txt, .jsonl, .html), as the readers give
// them: the corpus the differential tests of fast paths run over.
inline std::vector<Article> FixtureArticles() {
  std::vector<Article> out;
  const std::filesystem::path root = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "fixtures";
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext != ".txt" && ext != ".jsonl" && ext != ".html" && ext != ".htm") continue;
    std::string error;
    auto reader = OpenReader(e.path().string(), ReadOptions{}, &error);
    if (!reader) continue;
    for (Article a; reader->Next(&a);) out.push_back(std::move(a));
  }
  return out;
}

// The findings of `rule` on `text` as one article's text, with `options` as
// newslint.toml would give them, in the order the rule reported them.
inline std::vector<Finding> RunRule(const Rule& rule, const std::string& text,
                                    std::map<std::string, OptionValue> options = {}) {
  Article article;
  article.text = text;
  Analysis analysis(article);
  std::vector<Finding> findings;
  FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
  rule.Check(article, analysis, RuleOptions(std::move(options)), sink);
  return findings;
}

// The same for a whole article (metadata rules read its fields).
inline std::vector<Finding> RunRule(const Rule& rule, const Article& article,
                                    std::map<std::string, OptionValue> options = {}) {
  Analysis analysis(article);
  std::vector<Finding> findings;
  FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
  rule.Check(article, analysis, RuleOptions(std::move(options)), sink);
  return findings;
}

// The evidence value under `key`, or nullptr.
inline const EvidenceValue* EvidenceOf(const Evidence& evidence, std::string_view key) {
  for (const auto& [k, v] : evidence) {
    if (k == key) return &v;
  }
  return nullptr;
}
inline const EvidenceValue* EvidenceOf(const Finding& finding, std::string_view key) {
  return EvidenceOf(finding.evidence, key);
}

}  // namespace newslint

#endif  // NEWSLINT_TESTS_RULE_TEST_UTIL_H_
