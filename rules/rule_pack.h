// newslint: rule packs, phrase, line-label and pattern rules written as data (TOML).
//
// Most boilerplate a site leaves behind is a fixed phrase: "Download our app",
// "EDITOR NOTE", "Sponsored content". A rule pack lets anyone add such a rule
// without C++ (the way Vale styles are YAML files of a few check types). The
// format is documented for users in docs/rule-packs.md:
//
//   [pack]
//   name = "house-rules"
//
//   [[rule]]
//   id = "house/edit-marker"        # family/kebab-name, unique in the catalogue
//   severity = "warning"            # error | warning | info  (default: warning)
//   summary = "Editing notes of our CMS left in the published text."
//   message = "CMS editing note left in the text: {match}"
//   kind = "line"                   # "line" | "phrase" | "pattern"
//   phrases = ["EDITOR NOTE", "TK TK", "INSERT PHOTO HERE"]
//   case-sensitive = false
//
//   kind = "line"    the whole line, trimmed, is one of the phrases: a
//                    standalone label. Bullets, separators and a trailing ':'
//                    around it are allowed (LabelTrimWidth in rule_pack.cc).
//                    The span is the line without its surrounding white space;
//                    the finding's fix removes the line (--fix).
//   kind = "phrase"  any occurrence of a phrase. With `min-matches = N` (N > 1)
//                    the rule fires once per `unit` ("line", "sentence" or
//                    "paragraph") that holds at least N occurrences, and the
//                    span is the unit; with N = 1 every occurrence is a finding
//                    whose span is the occurrence. Phrase findings offer no fix.
//   kind = "pattern" `patterns = [...]` (RE2 syntax, never `phrases`) matched
//                    per `unit`, counted as for "phrase" (every non-empty
//                    match; overlaps of one rule's patterns count once). A
//                    match of a `unit = "line"` rule with min-matches 1 that
//                    covers the whole line (white space aside) takes the
//                    trimmed line as span and offers the line-removal fix; no
//                    other pattern finding offers a fix. `case-sensitive =
//                    false` (the default) is RE2's case-insensitive option.
//                    Patterns are compiled when the pack is parsed: a bad one
//                    is a load error.
//
// Phrases match as PhraseMatcher matches them (lint/phrase_matcher.h): whole
// words, runs of white space as one space, typographic quotes as ASCII ones,
// ASCII letters case-folded unless the rule says `case-sensitive = true`.
// Overlapping occurrences of one rule's phrases count once (the leftmost,
// then the longest, wins).
//
// Built-in packs live in rules/packs/*.toml and are compiled in (BuiltinPack);
// their rules come after the C++ rules in the catalogue. Users add packs with
// `[lint] packs = [...]` in newslint.toml or `newslint check --pack FILE`.
//
// One pass for every pack
// -----------------------
// A RulePackSet holds every pack of a run (built-in and user) and compiles
// the phrases of all their rules into ONE PhraseMatcher. Each PackRule is an
// ordinary Rule, but the first pack rule that runs on an article scans the
// article's lines once with that matcher and sorts every match to the rule
// that owns its phrase (RulePackSet::Scan). The result is cached in the
// article's Analysis (Analysis::Shared<PackMatches>), so the other pack rules
// only read their own list and report it. Scanning a line without a match
// allocates nothing; adding a rule adds phrases to the automaton, not a pass.
//
// Patterns follow the same design: every pattern of every pack rule goes into
// ONE RE2::Set (unanchored) per case mode and per scanned unit (lines for
// unit line/paragraph, sentences for unit sentence; at most four sets, none
// when no rule has patterns). Scan runs each set once over each unit to learn
// WHICH patterns match, then runs only those patterns' own RE2 for the spans.
// RE2 is linear in the text and memory-capped (max_mem), so hostile text
// cannot blow up a scan; if a set's DFA runs out of memory on a unit, that
// unit falls back to the matching patterns one by one.
//
// Lifetime: a PackRule's RuleInfo points into strings owned by its
// RulePackSet; every PackRule keeps the set alive through a shared_ptr, so
// the infos are valid for as long as any rule of the set exists.

#ifndef NEWSLINT_RULES_RULE_PACK_H_
#define NEWSLINT_RULES_RULE_PACK_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"
#include "lint/phrase_matcher.h"
#include "lint/rule.h"

namespace newslint {

enum class PackRuleKind { kLine, kPhrase, kPattern };
enum class PackUnit { kLine, kSentence, kParagraph };

std::string_view PackRuleKindName(PackRuleKind kind);  // "line", "phrase", "pattern"
std::string_view PackUnitName(PackUnit unit);          // "line", "sentence", "paragraph"

// One [[rule]] of a pack, as written.
struct PackRuleSpec {
  std::string id;
  Severity severity = Severity::kWarning;
  std::string summary;
  std::string message;  // may hold {match} and {count}
  PackRuleKind kind = PackRuleKind::kPhrase;
  PackUnit unit = PackUnit::kLine;  // kind = phrase or pattern only
  int64_t min_matches = 1;          // kind = phrase or pattern only
  bool case_sensitive = false;
  std::vector<std::string> phrases;   // kind = line or phrase
  std::vector<std::string> patterns;  // kind = pattern (RE2 syntax, validated)
  int64_t line = 0;  // line of the rule's `id` in the pack file, for errors
};

struct RulePack {
  std::string name;
  std::string description;
  std::string source;  // the file it was read from, or "<builtin>/<name>.toml"
  std::vector<PackRuleSpec> rules;
};

// Parses the TOML text of a pack. `source` names it in errors. Validation is
// strict: unknown keys, missing keys, values of the wrong type, ids that are
// not family/kebab-name (or in the reserved `input` family), ids repeated in
// the pack, empty phrase lists or phrases, unknown kinds, units or
// placeholders, patterns RE2 rejects, `patterns` on a phrase kind or
// `phrases` on kind = pattern all fail with a one-line *error "<source>:<line>: ...".
bool ParseRulePack(std::string_view text, const std::string& source, RulePack* pack,
                   std::string* error);

// Reads and parses the pack file at `path` (errors name `path`).
bool LoadRulePackFile(const std::string& path, RulePack* pack, std::string* error);

// The raw text of rules/packs/<name>.toml, compiled in; empty if none.
std::string_view BuiltinPack(std::string_view name);
// The names of every compiled-in pack file ("boilerplate"), sorted.
std::vector<std::string_view> BuiltinPackNames();

// The built-in packs, parsed once (the build is wrong if they do not parse:
// this throws std::logic_error naming the pack).
const std::vector<RulePack>& BuiltinPacks();

// One matched phrase (or pattern) of one pack rule on one article.
struct PackHit {
  Span span;            // the occurrence (kind = line: the trimmed line)
  uint32_t phrase = 0;  // index into the rule's `phrases` (kind = pattern: `patterns`)
  uint32_t line = 0;    // 0-based index into Analysis::lines()
};

// Every pack rule's hits on one article: what RulePackSet::Scan computes and
// Analysis caches.
struct PackMatches {
  const void* set = nullptr;                 // the RulePackSet that scanned
  std::vector<std::vector<PackHit>> by_rule;  // indexed like RulePackSet::rule()
};

// The packs of one run and their one matcher. Immutable once built and safe
// to share between threads.
class RulePackSet : public std::enable_shared_from_this<RulePackSet> {
 public:
  // Compiles `packs`. Fails with "<source>:<line>: ..." when an id repeats
  // across packs or is one of `reserved_ids` (the C++ rules and input/*).
  static std::shared_ptr<const RulePackSet> Build(std::vector<RulePack> packs,
                                                  const std::vector<std::string_view>& reserved_ids,
                                                  std::string* error);

  const std::vector<RulePack>& packs() const { return packs_; }
  size_t rule_count() const { return rules_.size(); }
  const PackRuleSpec& rule(size_t i) const { return *rules_[i].spec; }
  const RulePack& pack_of(size_t i) const { return *rules_[i].pack; }
  const RuleInfo& info(size_t i) const { return rules_[i].info; }
  // The matcher of every phrase of every pack (nullptr when no rule has
  // phrases); Scan finds its phrases through FindPhrases (lint/phrase_bank.h).
  const PhraseMatcher* phrase_matcher() const { return matcher_ ? &*matcher_ : nullptr; }

  // A Rule for every rule of every pack, in pack order.
  std::vector<std::unique_ptr<Rule>> MakeRules() const;

  // The one pass: scans every line of the article once with the shared
  // matcher (and every line / sentence once per pattern set) and returns
  // every rule's hits (case, whole-line and overlap checks applied). Pack
  // rules call this through Analysis::Shared.
  PackMatches Scan(Analysis& analysis) const;

  // Reports rule `i`'s findings from its hits (grouping by unit for
  // min-matches > 1).
  void Report(size_t i, const std::vector<PackHit>& hits, Analysis& analysis,
              FindingSink& sink) const;

 private:
  struct CompiledRule {
    const RulePack* pack;
    const PackRuleSpec* spec;
    RuleInfo info;  // string_views into *spec
  };
  struct PatternIndex;  // the RE2 sets and patterns (rule_pack.cc)
  RulePackSet();
  bool AddPatterns(uint32_t index, std::string* error);  // rule `index`'s patterns
  void ScanPatterns(Analysis& analysis, PackMatches* out) const;

 public:
  ~RulePackSet();

 private:

  std::vector<RulePack> packs_;
  std::vector<CompiledRule> rules_;
  std::vector<uint32_t> phrase_rule_;    // matcher phrase -> index into rules_
  std::vector<uint32_t> phrase_in_rule_;  // matcher phrase -> index into the rule's phrases
  std::optional<PhraseMatcher> matcher_;  // none when no rule has phrases
  bool only_line_rules_ = true;           // every phrase rule is kind = "line"
  size_t longest_line_phrase_ = 0;        // bytes, over the line rules' phrases
  std::unique_ptr<PatternIndex> patterns_;
};

// The pack rule behind `rule`, or nullptr for a C++ rule: the set and the
// index of the rule in it (for `newslint rules` and `explain`).
struct PackRuleRef {
  const RulePackSet* set = nullptr;
  size_t index = 0;
};
std::optional<PackRuleRef> PackRuleOf(const Rule& rule);

}  // namespace newslint

#endif  // NEWSLINT_RULES_RULE_PACK_H_
