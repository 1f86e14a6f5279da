// newslint fuzz targets: what each libFuzzer target does with one input,
// shared by fuzz/*_fuzzer.cc and the normal suite
// (tests/fuzz_regression_test.cc runs the inputs the fuzzers once crashed on,
// and the fixtures, through the same functions).
//
// Each returns nullptr when the input went through with every invariant
// kept, else what broke; the sanitizers catch the rest.

#ifndef NEWSLINT_FUZZ_FUZZ_TARGETS_H_
#define NEWSLINT_FUZZ_FUZZ_TARGETS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/attribution.h"
#include "lint/engine.h"
#include "lint/fixes.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "lint/readers/formats.h"
#include "lint/readers/html_extractor.h"
#include "lint/registry.h"
#include "rules/page_layout.h"

namespace newslint::fuzz {

// The JSONL reader over arbitrary bytes: every line comes out as a record,
// in order.
inline const char* JsonlReader(const uint8_t* data, size_t size) {
  auto reader = MakeJsonlReader("fuzz.jsonl", std::make_unique<MemoryByteSource>(data, size),
                                JsonlFieldNames{}, /*keep_html=*/true,
                                /*keep_raw_record=*/size % 2 == 0, 1,
                                /*max_record_bytes=*/1 << 16);
  Article article;
  int64_t records = 0;
  while (reader->Next(&article)) {
    ++records;
    if (article.record != records) return "records out of order";
  }
  return nullptr;
}

// Whether two extractions of a page agree in everything ExtractHtml sets:
// text, blocks, links, metadata, input findings. nullptr if they do, else
// the first field that differs.
inline const char* ExtractionDifference(const Article& a, const Article& b) {
  if (a.text != b.text) return "text";
  if (a.blocks.size() != b.blocks.size()) return "number of blocks";
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    if (a.blocks[i].tag_path != b.blocks[i].tag_path) return "a block's tag path";
    if (a.blocks[i].tokens != b.blocks[i].tokens) return "a block's tokens";
  }
  if (a.links.size() != b.links.size()) return "number of links";
  for (size_t i = 0; i < a.links.size(); ++i) {
    const Link &x = a.links[i], &y = b.links[i];
    if (x.href != y.href || x.anchor_text != y.anchor_text || x.line != y.line ||
        x.region != y.region) {
      return "a link";
    }
  }
  if (a.title != b.title || a.url != b.url || a.published != b.published ||
      a.byline != b.byline) {
    return "metadata";
  }
  if (a.input_findings.size() != b.input_findings.size()) return "input findings";
  for (size_t i = 0; i < a.input_findings.size(); ++i) {
    if (a.input_findings[i].rule != b.input_findings[i].rule ||
        a.input_findings[i].message != b.input_findings[i].message) {
      return "input findings";
    }
  }
  return nullptr;
}

// The HTML reader (libxml2 and the text extraction) over arbitrary bytes,
// and the extraction's SAX walk against its reference, the walk of
// libxml2's tree (lint/readers/html_extractor.h): the same article.
inline const char* HtmlReader(const uint8_t* data, size_t size) {
  auto reader = MakeHtmlFileReader("fuzz.html", std::make_unique<MemoryByteSource>(data, size),
                                   /*keep_html=*/false, /*max_record_bytes=*/1 << 20);
  Article article;
  while (reader->Next(&article)) {
  }
  if (size <= (1u << 20)) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    Article sax, tree;
    ExtractHtml(html, &sax);
    ExtractHtmlFromTree(html, &tree);
    if (ExtractionDifference(sax, tree) != nullptr) {
      return "the SAX walk and the tree walk extract different articles";
    }
  }
  return nullptr;
}

// The shared analysis views (lines, sentences, tokens, quotations, people,
// attribution cues, page layout) over arbitrary text.
inline const char* AnalysisViews(const uint8_t* data, size_t size) {
  Article article;
  article.text.assign(reinterpret_cast<const char*>(data), size);
  Analysis analysis(article);
  (void)analysis.sentences();
  (void)analysis.tokens();
  (void)analysis.Shared<Quotations>();
  (void)analysis.Shared<People>();
  (void)analysis.Shared<Attribution>();
  (void)analysis.Shared<PageLayout>();
  if (!article.text.empty()) (void)analysis.Locate(size / 2);
  return nullptr;
}

// One engine with every rule on (the quality/* rules, off by default, too),
// made once per process.
inline Engine* EveryRuleEngine() {
  static std::unique_ptr<Engine> engine = [] {
    EngineSettings settings;
    for (const auto& rule : MakeAllRules()) {
      if (!rule->info().on_by_default) {
        settings.config.rules[std::string(rule->info().id)].enabled = true;
      }
    }
    std::string error;
    return Engine::Create(std::move(settings), &error);
  }();
  return engine.get();
}

// Every rule over arbitrary text, through the engine as `newslint check`
// runs them, then every fix applied as `--fix` does (a fix out of the text
// is skipped there by design): every finding's span lies in the text.
inline const char* EveryRule(const uint8_t* data, size_t size) {
  Article article;
  article.text.assign(reinterpret_cast<const char*>(data), size);
  article.title = article.text.substr(0, 40);
  article.url = "https://fuzz.example/2026/03/14/a";
  article.published = "2026-03-14";
  Engine* engine = EveryRuleEngine();
  if (engine == nullptr) return "the engine could not be made";
  const std::vector<Finding> findings = engine->Lint(article);
  for (const Finding& f : findings) {
    if (f.span.start > f.span.end || f.span.end > article.text.size()) {
      return "a finding's span lies outside the text";
    }
  }
  FixStats stats;
  (void)ApplyFixes(article.text, findings, FixFilter{}, &stats);
  return nullptr;
}

}  // namespace newslint::fuzz

#endif  // NEWSLINT_FUZZ_FUZZ_TARGETS_H_
