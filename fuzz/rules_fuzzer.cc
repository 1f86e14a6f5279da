// Fuzz target: every rule (the quality/* rules included) over arbitrary
// text, through the engine as `newslint check` runs them, fixes applied.

#include <cstdint>
#include <memory>
#include <string>

#include "lint/article.h"
#include "lint/engine.h"
#include "lint/fixes.h"
#include "lint/registry.h"

namespace {

newslint::Engine* TheEngine() {
  static std::unique_ptr<newslint::Engine> engine = [] {
    newslint::EngineSettings settings;
    // The rules that are off by default (quality/*) too.
    for (const auto& rule : newslint::MakeAllRules()) {
      if (!rule->info().on_by_default) {
        settings.config.rules[std::string(rule->info().id)].enabled = true;
      }
    }
    std::string error;
    auto e = newslint::Engine::Create(std::move(settings), &error);
    return e;
  }();
  return engine.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newslint;
  Article article;
  article.text.assign(reinterpret_cast<const char*>(data), size);
  article.title = article.text.substr(0, 40);
  article.url = "https://fuzz.example/2026/03/14/a";
  article.published = "2026-03-14";
  std::vector<Finding> findings = TheEngine()->Lint(article);
  for (const Finding& f : findings) {
    if (f.span.start > f.span.end || f.span.end > article.text.size()) __builtin_trap();
  }
  return 0;
}
