#include "rules/rule_pack.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <toml.hpp>

#include <re2/re2.h>
#include <re2/set.h>

#include "lint/phrase_bank.h"
#include "rules/page_layout.h"  // RemoveLineFix: the fix every whole-line boilerplate finding offers

namespace newslint {
namespace {

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

std::string Where(const std::string& source, const toml::value& v) {
  const auto loc = v.location();
  std::string out = source;
  if (loc.line() > 0) out += ":" + std::to_string(loc.line());
  return out;
}

// toml11 reports multi-line diagnostics; keep the first line, and the line
// number from the " NN | ..." excerpt when there is one.
std::string ParseFailure(const std::string& source, const std::string& what) {
  std::string first = what.substr(0, what.find('\n'));
  std::istringstream in(what);
  for (std::string line; std::getline(in, line);) {
    size_t i = line.find_first_not_of(' ');
    if (i == std::string::npos || !std::isdigit(static_cast<unsigned char>(line[i]))) continue;
    size_t j = i;
    while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
    if (line.compare(j, 2, " |") == 0) {
      return source + ":" + line.substr(i, j - i) + ": invalid TOML: " + first;
    }
  }
  return source + ": invalid TOML: " + first;
}

bool IsKebab(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

bool IsRuleId(std::string_view id) {
  size_t slash = id.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view family = id.substr(0, slash), name = id.substr(slash + 1);
  return IsKebab(family) && family.front() >= 'a' && family.front() <= 'z' && IsKebab(name);
}

// RE2 options of every pack pattern (and of the sets, with kSetMaxMem). RE2
// runs in time linear in the text, has no backreferences or look-around, and
// its memory is capped by max_mem: safe on hostile input.
constexpr int64_t kPatternMaxMem = 8 << 20;  // per pattern (RE2's default)
constexpr int64_t kSetMaxMem = 64 << 20;     // per RE2::Set (up to four)

RE2::Options PatternOptions(bool case_sensitive, int64_t max_mem = kPatternMaxMem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

bool OneLine(std::string_view s) { return s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos; }

// "{match}" and "{count}" are the placeholders; any other "{name}" is a typo.
std::string BadPlaceholder(std::string_view message) {
  for (size_t i = message.find('{'); i != std::string_view::npos; i = message.find('{', i + 1)) {
    size_t close = message.find('}', i);
    if (close == std::string_view::npos) break;
    std::string_view name = message.substr(i + 1, close - i - 1);
    bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
    if (word && name != "match" && name != "count") return std::string(name);
  }
  return "";
}

class PackParser {
 public:
  PackParser(const std::string& source, std::string* error) : source_(source), error_(error) {}

  bool Fail(const toml::value& where, const std::string& message) {
    *error_ = Where(source_, where) + ": " + message;
    return false;
  }

  bool String(const toml::value& v, const std::string& key, std::string* out) {
    if (!v.is_string()) return Fail(v, "'" + key + "' must be a string");
    *out = v.as_string().str;
    return true;
  }

  bool Parse(const toml::value& root, RulePack* pack) {
    pack->source = source_;
    const toml::value* pack_table = nullptr;
    const toml::value* rules = nullptr;
    for (const auto& [key, value] : root.as_table()) {
      if (key == "pack") {
        pack_table = &value;
      } else if (key == "rule") {
        rules = &value;
      } else {
        return Fail(value, "unknown table or key '" + key + "' (a pack has [pack] and [[rule]])");
      }
    }
    if (!pack_table) {
      *error_ = source_ + ": missing [pack] table with the pack's name";
      return false;
    }
    if (!ParsePackTable(*pack_table, pack)) return false;
    if (!rules) {
      *error_ = source_ + ": pack '" + pack->name + "' has no [[rule]]";
      return false;
    }
    if (!rules->is_array() || rules->as_array().empty()) {
      return Fail(*rules, "'rule' must be a list of [[rule]] tables");
    }
    std::map<std::string, int64_t> seen;
    for (const toml::value& table : rules->as_array()) {
      if (!table.is_table()) return Fail(table, "'rule' must be a list of [[rule]] tables");
      PackRuleSpec spec;
      if (!ParseRule(table, &spec)) return false;
      if (auto it = seen.find(spec.id); it != seen.end()) {
        *error_ = source_ + ":" + std::to_string(spec.line) + ": duplicate rule id '" + spec.id +
                  "' (first defined on line " + std::to_string(it->second) + ")";
        return false;
      }
      seen.emplace(spec.id, spec.line);
      pack->rules.push_back(std::move(spec));
    }
    return true;
  }

 private:
  bool ParsePackTable(const toml::value& table, RulePack* pack) {
    if (!table.is_table()) return Fail(table, "[pack] must be a table");
    for (const auto& [key, value] : table.as_table()) {
      if (key == "name") {
        if (!String(value, key, &pack->name)) return false;
        if (!IsKebab(pack->name)) {
          return Fail(value, "'name' of [pack] must be kebab-case (a-z, 0-9, '-'), got '" +
                                 pack->name + "'");
        }
      } else if (key == "description") {
        if (!String(value, key, &pack->description)) return false;
      } else {
        return Fail(value, "unknown key '" + key + "' in [pack] (name, description)");
      }
    }
    if (pack->name.empty()) return Fail(table, "[pack] has no 'name'");
    return true;
  }

  bool ParseRule(const toml::value& table, PackRuleSpec* spec) {
    const auto& t = table.as_table();
    auto id_it = t.find("id");
    if (id_it == t.end()) return Fail(table, "[[rule]] has no 'id'");
    if (!String(id_it->second, "id", &spec->id)) return false;
    spec->line = id_it->second.location().line();
    if (!IsRuleId(spec->id)) {
      return Fail(id_it->second, "rule id '" + spec->id +
                                     "' must be family/kebab-name (a-z, 0-9, '-'), e.g. house/edit-marker");
    }
    if (spec->id.starts_with("input/")) {
      return Fail(id_it->second, "rule id '" + spec->id + "': the input family is reserved for unreadable records");
    }
    const std::string in = " of " + spec->id;
    bool has_kind = false, has_phrases = false, has_summary = false, has_message = false;
    const toml::value* patterns = nullptr;
    const toml::value* phrases = nullptr;
    const toml::value* unit = nullptr;
    const toml::value* min_matches = nullptr;
    for (const auto& [key, value] : t) {
      if (key == "id") continue;
      if (key == "severity") {
        auto sev = value.is_string() ? ParseSeverity(value.as_string().str) : std::nullopt;
        if (!sev) return Fail(value, "'severity'" + in + " must be error, warning or info");
        spec->severity = *sev;
      } else if (key == "summary" || key == "message") {
        std::string* out = key == "summary" ? &spec->summary : &spec->message;
        if (!String(value, key, out)) return false;
        if (out->empty() || !OneLine(*out)) {
          return Fail(value, "'" + key + "'" + in + " must be one non-empty line");
        }
        if (key == "message") {
          if (std::string bad = BadPlaceholder(*out); !bad.empty()) {
            return Fail(value, "'message'" + in + " has an unknown placeholder {" + bad +
                                   "} (use {match} or {count})");
          }
          has_message = true;
        } else {
          has_summary = true;
        }
      } else if (key == "kind") {
        std::string kind;
        if (!String(value, key, &kind)) return false;
        if (kind == "line") {
          spec->kind = PackRuleKind::kLine;
        } else if (kind == "phrase") {
          spec->kind = PackRuleKind::kPhrase;
        } else if (kind == "pattern") {
          spec->kind = PackRuleKind::kPattern;
        } else {
          return Fail(value, "'kind'" + in + " must be \"line\", \"phrase\" or \"pattern\", got '" +
                                 kind + "'");
        }
        has_kind = true;

      } else if (key == "unit") {
        std::string name;
        if (!String(value, key, &name)) return false;
        if (name == "line") {
          spec->unit = PackUnit::kLine;
        } else if (name == "sentence") {
          spec->unit = PackUnit::kSentence;
        } else if (name == "paragraph") {
          spec->unit = PackUnit::kParagraph;
        } else {
          return Fail(value, "'unit'" + in + " must be line, sentence or paragraph, got '" + name + "'");
        }
        unit = &value;
      } else if (key == "min-matches") {
        if (!value.is_integer() || value.as_integer() < 1 || value.as_integer() > 1000) {
          return Fail(value, "'min-matches'" + in + " must be an integer from 1 to 1000");
        }
        spec->min_matches = value.as_integer();
        min_matches = &value;
      } else if (key == "case-sensitive") {
        if (!value.is_boolean()) return Fail(value, "'case-sensitive'" + in + " must be true or false");
        spec->case_sensitive = value.as_boolean();
      } else if (key == "phrases") {
        if (!value.is_array() || value.as_array().empty()) {
          return Fail(value, "'phrases'" + in + " must be a non-empty list of strings");
        }
        for (const toml::value& p : value.as_array()) {
          if (!p.is_string()) return Fail(p, "'phrases'" + in + " must be a list of strings");
          const std::string& phrase = p.as_string().str;
          if (PhraseMatcher::Fold(phrase).empty() || !OneLine(phrase)) {
            return Fail(p, "'phrases'" + in + " holds a blank or multi-line phrase");
          }
          spec->phrases.push_back(phrase);
        }
        has_phrases = true;
        phrases = &value;
      } else if (key == "patterns") {
        if (!value.is_array() || value.as_array().empty()) {
          return Fail(value, "'patterns'" + in + " must be a non-empty list of strings");
        }
        for (const toml::value& p : value.as_array()) {
          if (!p.is_string()) return Fail(p, "'patterns'" + in + " must be a list of strings");
          const std::string& pattern = p.as_string().str;
          if (pattern.empty() || !OneLine(pattern)) {
            return Fail(p, "'patterns'" + in + " holds an empty or multi-line pattern");
          }
          spec->patterns.push_back(pattern);
        }
        patterns = &value;  // compiled below, once case-sensitive is known
      } else {
        return Fail(value, "unknown key '" + key + "' in [[rule]] " + spec->id +
                               " (severity, summary, message, kind, unit, min-matches, phrases, "
                               "patterns, case-sensitive)");
      }
    }
    if (!has_summary) return Fail(id_it->second, "rule " + spec->id + " has no 'summary'");
    if (!has_message) return Fail(id_it->second, "rule " + spec->id + " has no 'message'");
    if (!has_kind) {
      return Fail(id_it->second,
                  "rule " + spec->id + " has no 'kind' (\"line\", \"phrase\" or \"pattern\")");
    }
    if (spec->kind == PackRuleKind::kPattern) {
      if (phrases) return Fail(*phrases, "'phrases'" + in + " is not for kind = \"pattern\" (use 'patterns')");
      if (!patterns) return Fail(id_it->second, "rule " + spec->id + " has no 'patterns'");
      // Compile every pattern now, as the rule will run it: a bad one is a
      // load error naming the file, the line of the pattern and the key.
      const RE2::Options options = PatternOptions(spec->case_sensitive);
      const auto& items = patterns->as_array();
      for (size_t i = 0; i < items.size(); ++i) {
        RE2 re(spec->patterns[i], options);
        if (!re.ok()) {
          std::string why = re.error();
          std::replace(why.begin(), why.end(), '\n', ' ');
          return Fail(items[i], "'patterns'" + in + ": invalid RE2 pattern '" + spec->patterns[i] +
                                    "': " + why);
        }
      }
    } else {
      if (patterns) {
        return Fail(*patterns, "'patterns'" + in + " applies only to kind = \"pattern\" (this rule has kind = \"" +
                                   std::string(spec->kind == PackRuleKind::kLine ? "line" : "phrase") +
                                   "\")");
      }
      if (!has_phrases) return Fail(id_it->second, "rule " + spec->id + " has no 'phrases'");
    }
    if (spec->kind == PackRuleKind::kLine && (unit || min_matches)) {
      return Fail(unit ? *unit : *min_matches,
                  std::string("'") + (unit ? "unit" : "min-matches") + "'" + in +
                      " applies only to kind = \"phrase\" or \"pattern\"");
    }
    return true;
  }

  const std::string& source_;
  std::string* error_;
};

// ---------------------------------------------------------------------------
// Matching helpers
// ---------------------------------------------------------------------------

// Characters allowed around a standalone label on its line: white space,
// separators, bullets, arrows and closing punctuation (":" "." "!").
size_t LabelTrimWidth(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    return std::string_view(" \t\r\f\v:|-*><.!/\\~=_").find(static_cast<char>(c)) !=
                   std::string_view::npos
               ? 1
               : 0;
  }
  static constexpr std::string_view kMarks[] = {
      "\u00a0", "\u00b7", "\u00bb", "\u00ab", "\u2022", "\u2013", "\u2014", "\u203a", "\u2039",
      "\u2192", "\u25b8", "\u25ba", "\u2026", "\u2009", "\u202f", "\u2002", "\u2003", "\u3000"};
  for (std::string_view mark : kMarks) {
    if (s.compare(i, mark.size(), mark) == 0) return mark.size();
  }
  return 0;
}

// [begin, end): the line without label trim characters on either side.
Span LabelCore(std::string_view line, size_t base) {
  size_t b = 0;
  while (b < line.size()) {
    size_t w = LabelTrimWidth(line, b);
    if (w == 0) break;
    b += w;
  }
  size_t e = line.size();
  while (e > b) {
    // Step back over one character (UTF-8 aware) and test it.
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    size_t w = LabelTrimWidth(line, start);
    if (w == 0 || start + w != e) break;
    e = start;
  }
  return {base + b, base + e};
}

// The line without surrounding ASCII and Unicode white space.
Span WhiteTrim(std::string_view line, size_t base) {
  auto space = [&](size_t i) -> size_t {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
    for (std::string_view m : {std::string_view("\u00a0"), std::string_view("\u2009"),
                               std::string_view("\u202f"), std::string_view("\u3000")}) {
      if (line.compare(i, m.size(), m) == 0) return m.size();
    }
    return 0;
  };
  size_t b = 0;
  while (b < line.size()) {
    size_t w = space(b);
    if (w == 0) break;
    b += w;
  }
  size_t e = line.size();
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    size_t w = space(start);
    if (w == 0 || start + w != e) break;
    e = start;
  }
  return {base + b, base + e};
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The matcher folds ASCII case; a case-sensitive rule also needs the ASCII
// letters of the occurrence to equal those of the phrase, in order.
bool SameAsciiLetters(std::string_view text, std::string_view phrase) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < text.size() && !IsAsciiLetter(text[i])) ++i;
    while (j < phrase.size() && !IsAsciiLetter(phrase[j])) ++j;
    if (i == text.size() || j == phrase.size()) return i == text.size() && j == phrase.size();
    if (text[i++] != phrase[j++]) return false;
  }
}

std::string Shorten(std::string_view s, size_t max_bytes = 80) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string FormatMessage(std::string_view tmpl, std::string_view match, size_t count) {
  std::string out;
  out.reserve(tmpl.size() + match.size());
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 7, "{match}") == 0) {
      out += match;
      i += 7;
    } else if (tmpl.compare(i, 7, "{count}") == 0) {
      out += std::to_string(count);
      i += 7;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// PackRule
// ---------------------------------------------------------------------------

class PackRule : public Rule, public PhraseUser {
 public:
  PackRule(std::shared_ptr<const RulePackSet> set, size_t index)
      : set_(std::move(set)), index_(index) {}

  const RuleInfo& info() const override { return set_->info(index_); }

  // Every pack rule names the set's one matcher (the bank keeps it once):
  // the set's scan then reads its phrases from the article's shared scan.
  std::vector<const PhraseMatcher*> phrase_matchers() const override {
    if (const PhraseMatcher* m = set_->phrase_matcher()) return {m};
    return {};
  }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const PackMatches& cached =
        analysis.Shared<PackMatches>([&] { return set_->Scan(analysis); });
    if (cached.set == set_.get()) {
      set_->Report(index_, cached.by_rule[index_], analysis, sink);
      return;
    }
    // Rules of two different sets on one Analysis (two catalogues built side
    // by side in a test): correct, but this set scans for itself, uncached.
    const PackMatches own = set_->Scan(analysis);
    set_->Report(index_, own.by_rule[index_], analysis, sink);
  }

  const RulePackSet* set() const { return set_.get(); }
  size_t index() const { return index_; }

 private:
  std::shared_ptr<const RulePackSet> set_;
  size_t index_;
};

}  // namespace

std::string_view PackRuleKindName(PackRuleKind kind) {
  switch (kind) {
    case PackRuleKind::kLine: return "line";
    case PackRuleKind::kPhrase: return "phrase";
    case PackRuleKind::kPattern: return "pattern";
  }
  return "phrase";
}

std::string_view PackUnitName(PackUnit unit) {
  switch (unit) {
    case PackUnit::kLine: return "line";
    case PackUnit::kSentence: return "sentence";
    case PackUnit::kParagraph: return "paragraph";
  }
  return "line";
}

bool ParseRulePack(std::string_view text, const std::string& source, RulePack* pack,
                   std::string* error) {
  toml::value root;
  try {
    std::istringstream in{std::string(text)};
    root = toml::parse(in, source);
  } catch (const std::exception& e) {
    *error = ParseFailure(source, e.what());
    return false;
  }
  *pack = RulePack();
  return PackParser(source, error).Parse(root, pack);
}

bool LoadRulePackFile(const std::string& path, RulePack* pack, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read rule pack " + path;
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseRulePack(ss.str(), path, pack, error);
}

const std::vector<RulePack>& BuiltinPacks() {
  static const std::vector<RulePack> kPacks = [] {
    std::vector<RulePack> packs;
    for (std::string_view name : BuiltinPackNames()) {
      RulePack pack;
      std::string error;
      if (!ParseRulePack(BuiltinPack(name), "<builtin>/" + std::string(name) + ".toml", &pack,
                         &error)) {
        throw std::logic_error("built-in rule pack is invalid: " + error);
      }
      packs.push_back(std::move(pack));
    }
    return packs;
  }();
  return kPacks;
}

// ---------------------------------------------------------------------------
// RulePackSet
// ---------------------------------------------------------------------------

// The patterns of every pattern rule, grouped by what they scan (lines or
// sentences) and case mode: one RE2::Set per group that has patterns.
struct RulePackSet::PatternIndex {
  struct Group {
    bool sentences = false;  // scans Analysis::sentences(), else lines()
    bool case_sensitive = false;
    std::unique_ptr<RE2::Set> set;            // all the group's patterns, unanchored
    std::vector<const RE2*> regexes;          // set index -> the pattern alone, for spans
    std::vector<uint32_t> rule;               // set index -> index into rules_
    std::vector<uint32_t> pattern;            // set index -> index into the rule's patterns
  };
  std::vector<std::unique_ptr<RE2>> regexes;  // owns Group::regexes
  std::vector<Group> groups;                  // only groups with patterns, compiled
};

RulePackSet::RulePackSet() = default;
RulePackSet::~RulePackSet() = default;

std::shared_ptr<const RulePackSet> RulePackSet::Build(
    std::vector<RulePack> packs, const std::vector<std::string_view>& reserved_ids,
    std::string* error) {
  std::shared_ptr<RulePackSet> set(new RulePackSet());
  set->packs_ = std::move(packs);
  std::set<std::string_view> reserved(reserved_ids.begin(), reserved_ids.end());
  std::map<std::string_view, const RulePack*> seen;
  std::vector<std::string_view> phrases;
  for (const RulePack& pack : set->packs_) {
    for (const PackRuleSpec& spec : pack.rules) {
      const std::string where = pack.source + ":" + std::to_string(spec.line) + ": rule id '" + spec.id;
      if (reserved.count(spec.id)) {
        *error = where + "' is a built-in rule; choose another id";
        return nullptr;
      }
      if (auto it = seen.find(spec.id); it != seen.end()) {
        *error = where + "' is already defined in " + it->second->source;
        return nullptr;
      }
      seen.emplace(spec.id, &pack);
      const auto index = static_cast<uint32_t>(set->rules_.size());
      set->rules_.push_back({&pack, &spec, RuleInfo{spec.id, spec.severity, spec.summary, {}}});
      for (size_t p = 0; p < spec.phrases.size(); ++p) {
        if (spec.kind == PackRuleKind::kLine) {
          set->longest_line_phrase_ = std::max(set->longest_line_phrase_, spec.phrases[p].size());
        } else {
          set->only_line_rules_ = false;
        }
        phrases.push_back(spec.phrases[p]);
        set->phrase_rule_.push_back(index);
        set->phrase_in_rule_.push_back(static_cast<uint32_t>(p));
      }
      if (!spec.patterns.empty() && !set->AddPatterns(index, error)) return nullptr;
    }
  }
  if (!phrases.empty()) set->matcher_.emplace(phrases);
  if (set->patterns_) {
    for (PatternIndex::Group& g : set->patterns_->groups) {
      if (!g.set->Compile()) {
        *error = "rule packs: the " + std::string(g.case_sensitive ? "case-sensitive" : "case-insensitive") +
                 " patterns of all packs do not fit in " + std::to_string(kSetMaxMem >> 20) +
                 " MB once compiled together; use fewer or simpler patterns";
        return nullptr;
      }
    }
  }
  return set;
}

bool RulePackSet::AddPatterns(uint32_t index, std::string* error) {
  const PackRuleSpec& spec = *rules_[index].spec;
  if (!patterns_) patterns_ = std::make_unique<PatternIndex>();
  const bool sentences = spec.unit == PackUnit::kSentence;
  PatternIndex::Group* group = nullptr;
  for (PatternIndex::Group& g : patterns_->groups) {
    if (g.sentences == sentences && g.case_sensitive == spec.case_sensitive) group = &g;
  }
  if (!group) {
    PatternIndex::Group& g = patterns_->groups.emplace_back();
    g.sentences = sentences;
    g.case_sensitive = spec.case_sensitive;
    g.set = std::make_unique<RE2::Set>(PatternOptions(spec.case_sensitive, kSetMaxMem),
                                       RE2::UNANCHORED);
    group = &g;
  }
  for (size_t p = 0; p < spec.patterns.size(); ++p) {
    const std::string where = rules_[index].pack->source + ":" + std::to_string(spec.line) +
                              ": 'patterns' of " + spec.id + ": invalid RE2 pattern '" +
                              spec.patterns[p] + "': ";
    auto re = std::make_unique<RE2>(spec.patterns[p], PatternOptions(spec.case_sensitive));
    std::string why;
    if (!re->ok()) {
      why = re->error();
    } else if (group->set->Add(spec.patterns[p], &why) < 0 && why.empty()) {
      why = "rejected by RE2::Set";
    }
    if (!why.empty()) {
      std::replace(why.begin(), why.end(), '\n', ' ');
      *error = where + why;
      return false;
    }
    group->regexes.push_back(re.get());
    group->rule.push_back(index);
    group->pattern.push_back(static_cast<uint32_t>(p));
    patterns_->regexes.push_back(std::move(re));
  }
  return true;
}

std::vector<std::unique_ptr<Rule>> RulePackSet::MakeRules() const {
  std::vector<std::unique_ptr<Rule>> rules;
  std::shared_ptr<const RulePackSet> self = shared_from_this();
  for (size_t i = 0; i < rules_.size(); ++i) rules.push_back(std::make_unique<PackRule>(self, i));
  return rules;
}

PackMatches RulePackSet::Scan(Analysis& analysis) const {
  PackMatches out;
  out.set = this;
  out.by_rule.resize(rules_.size());
  if (rules_.empty()) return out;
  thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per line
  const std::vector<Span>& lines = analysis.lines();
  for (size_t li = 0; matcher_ && li < lines.size(); ++li) {
    const std::string_view line = analysis.view(lines[li]);
    // When every phrase rule is a line rule, a line far longer than the
    // longest phrase (with room for bullets, separators and white space)
    // cannot be one of them: skip the scan of prose paragraphs.
    if (only_line_rules_ && line.size() > 2 * longest_line_phrase_ + 32) continue;
    matches.clear();
    FindPhrases(analysis, *matcher_, line, lines[li].start, &matches);
    if (matches.empty()) continue;
    std::optional<Span> core;  // label bounds, computed on the first line-kind match
    for (const PhraseMatch& m : matches) {
      const uint32_t r = phrase_rule_[m.phrase];
      const uint32_t p = phrase_in_rule_[m.phrase];
      const PackRuleSpec& spec = *rules_[r].spec;
      if (spec.case_sensitive && !SameAsciiLetters(analysis.view(m.span), spec.phrases[p])) {
        continue;
      }
      std::vector<PackHit>& hits = out.by_rule[r];
      if (spec.kind == PackRuleKind::kLine) {
        if (!core) core = LabelCore(line, lines[li].start);
        if (m.span.start > core->start || m.span.end < core->end) continue;
        if (!hits.empty() && hits.back().line == li) continue;  // one finding per line
        hits.push_back({WhiteTrim(line, lines[li].start), p, static_cast<uint32_t>(li)});
      } else {
        hits.push_back({m.span, p, static_cast<uint32_t>(li)});
      }
    }
  }
  if (patterns_) ScanPatterns(analysis, &out);
  // Phrase and pattern rules: overlapping occurrences count once, leftmost
  // then longest.
  for (size_t r = 0; r < rules_.size(); ++r) {
    std::vector<PackHit>& hits = out.by_rule[r];
    if (rules_[r].spec->kind == PackRuleKind::kLine || hits.size() < 2) continue;
    std::sort(hits.begin(), hits.end(), [](const PackHit& a, const PackHit& b) {
      return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    size_t kept = 0, last_end = 0;
    for (const PackHit& h : hits) {
      if (kept > 0 && h.span.start < last_end) continue;
      hits[kept++] = h;
      last_end = h.span.end;
    }
    hits.resize(kept);
  }
  return out;
}

void RulePackSet::ScanPatterns(Analysis& analysis, PackMatches* out) const {
  thread_local std::vector<int> which;  // reused: no allocation per unit
  const std::vector<Span>& lines = analysis.lines();
  for (const PatternIndex::Group& g : patterns_->groups) {
    const std::vector<Sentence>* sentences = g.sentences ? &analysis.sentences() : nullptr;
    const size_t units = sentences ? sentences->size() : lines.size();
    for (size_t u = 0; u < units; ++u) {
      const Span unit = sentences ? (*sentences)[u].span : lines[u];
      if (unit.size() == 0) continue;
      const std::string_view text = analysis.view(unit);
      which.clear();
      RE2::Set::ErrorInfo info{RE2::Set::kNoError};
      if (!g.set->Match(text, &which, &info) && info.kind != RE2::Set::kNoError) {
        // The set's DFA ran out of memory on this unit: ask each pattern
        // alone (each RE2 falls back to its NFA; still linear).
        which.clear();
        for (size_t k = 0; k < g.regexes.size(); ++k) {
          if (RE2::PartialMatch(text, *g.regexes[k])) which.push_back(static_cast<int>(k));
        }
      }
      const uint32_t line = sentences ? static_cast<uint32_t>(
                                            analysis.paragraphs()[(*sentences)[u].paragraph].line)
                                      : static_cast<uint32_t>(u);
      for (int k : which) {
        const RE2& re = *g.regexes[k];
        const uint32_t r = g.rule[k];
        const PackRuleSpec& spec = *rules_[r].spec;
        std::vector<PackHit>& hits = out->by_rule[r];
        // Every non-empty, non-overlapping match of this pattern in the unit.
        re2::StringPiece m;
        for (size_t pos = 0; pos <= text.size();) {
          if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
          const size_t start = static_cast<size_t>(m.data() - text.data());
          const size_t end = start + m.size();
          if (end > start) {
            Span span{unit.start + start, unit.start + end};
            if (!sentences && spec.unit == PackUnit::kLine && spec.min_matches <= 1) {
              // A match over the whole line (white space aside) is a line.
              const Span trimmed = WhiteTrim(text, unit.start);
              if (span.start <= trimmed.start && span.end >= trimmed.end) span = trimmed;
            }
            hits.push_back({span, g.pattern[k], line});
          }
          pos = end > start ? end : end + 1;
          // Stay on a character boundary when stepping past an empty match.
          while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        }
      }
    }
  }
}

void RulePackSet::Report(size_t i, const std::vector<PackHit>& hits, Analysis& analysis,
                         FindingSink& sink) const {
  if (hits.empty()) return;
  const PackRuleSpec& spec = *rules_[i].spec;
  const RulePack& pack = *rules_[i].pack;
  const bool pattern = spec.kind == PackRuleKind::kPattern;
  if (spec.kind == PackRuleKind::kLine || spec.min_matches <= 1) {
    for (const PackHit& h : hits) {
      // kind = line: always a whole line. kind = pattern, unit = line: when
      // the match covered the whole line (Scan then made the span the
      // trimmed line). Other findings are inside a line: no fix.
      bool whole_line = spec.kind == PackRuleKind::kLine;
      if (pattern && spec.unit == PackUnit::kLine) {
        const Span line = analysis.lines()[h.line];
        const Span trimmed = WhiteTrim(analysis.view(line), line.start);
        whole_line = h.span.start == trimmed.start && h.span.end == trimmed.end;
      }
      sink.Report(h.span, FormatMessage(spec.message, Shorten(analysis.view(h.span)), 1),
                  {{"pack", pack.name},
                   {"kind", std::string(PackRuleKindName(spec.kind))},
                   {pattern ? "pattern" : "phrase",
                    pattern ? spec.patterns[h.phrase] : spec.phrases[h.phrase]}},
                  whole_line ? std::optional<Fix>(RemoveLineFix(analysis.text(), h.span.start))
                             : std::nullopt);
    }
    return;
  }
  // min-matches > 1: group the hits by unit, one finding per unit that holds enough.
  const bool by_sentence = spec.unit == PackUnit::kSentence;
  const std::vector<Sentence>* sentences = by_sentence ? &analysis.sentences() : nullptr;
  auto unit_of = [&](const PackHit& h) -> size_t {
    if (!by_sentence) return h.line;
    auto it = std::upper_bound(sentences->begin(), sentences->end(), h.span.start,
                               [](size_t offset, const Sentence& s) { return offset < s.span.start; });
    return it == sentences->begin() ? 0 : static_cast<size_t>(it - sentences->begin() - 1);
  };
  for (size_t first = 0; first < hits.size();) {
    const size_t unit = unit_of(hits[first]);
    size_t last = first + 1;
    while (last < hits.size() && unit_of(hits[last]) == unit) ++last;
    const size_t count = last - first;
    if (static_cast<int64_t>(count) >= spec.min_matches) {
      Span span;
      if (by_sentence && !sentences->empty()) {
        span = (*sentences)[unit].span;
      } else {
        span = WhiteTrim(analysis.view(analysis.lines()[unit]), analysis.lines()[unit].start);
      }
      std::vector<std::string> found;
      std::string joined;
      for (size_t k = first; k < last; ++k) {
        found.emplace_back(analysis.view(hits[k].span));
        if (k > first) joined += ", ";
        joined += found.back();
      }
      sink.Report(span, FormatMessage(spec.message, Shorten(joined), count),
                  {{"pack", pack.name},
                   {"kind", std::string(PackRuleKindName(spec.kind))},
                   {"unit", std::string(PackUnitName(spec.unit))},
                   {"matches", static_cast<int64_t>(count)},
                   {"min-matches", spec.min_matches},
                   {pattern ? "texts" : "phrases", std::move(found)}});
    }
    first = last;
  }
}

std::optional<PackRuleRef> PackRuleOf(const Rule& rule) {
  const auto* pack_rule = dynamic_cast<const PackRule*>(&rule);
  if (!pack_rule) return std::nullopt;
  return PackRuleRef{pack_rule->set(), pack_rule->index()};
}

}  // namespace newslint
