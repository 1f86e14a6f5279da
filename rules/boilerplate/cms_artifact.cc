// boilerplate/cms-artifact: template and CMS leftovers such as
// "(TagsToTranslate)", shortcodes, "{{...}}", "undefined" and "Loading...".

#include <algorithm>
#include <string>
#include <vector>

#include "lint/byte_set.h"
#include "lint/phrase_bank.h"
#include "lint/scratch.h"
#include "rules/label_lines.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

// The bytes that can open a shortcode ("[") or a template placeholder
// ("{", "%", "$"): CheckMarkup looks only where one of them is.
constexpr ByteSet kMarkupOpeners("[{%$");

const RuleInfo kInfo = {
    "boilerplate/cms-artifact",
    Severity::kWarning,
    "Template and CMS leftovers such as \"(TagsToTranslate)\", shortcodes, \"{{...}}\", "
    "\"undefined\" and \"Loading...\".",
    {}};

enum Kind : uint8_t { kPhrase, kLine, kValue, kUnit, kCue };

// Artifacts and printed values: scanned on every line.
const LabelLexicon& Lexicon() {
  static const LabelLexicon lexicon({{"cms-artifact-phrases", kPhrase},
                                     {"cms-artifact-lines", kLine},
                                     {"cms-artifact-values", kValue}});
  return lexicon;
}

// The words around a printed value ("By", "min read"): common words, scanned
// only on the rare line that holds a value.
const LabelLexicon& ContextLexicon() {
  static const LabelLexicon lexicon({{"cms-artifact-value-units", kUnit},
                                     {"cms-artifact-value-cues", kCue}});
  return lexicon;
}

const std::vector<std::string_view>& ShortcodeNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v = LexiconEntries("cms-artifact-shortcodes");
    std::sort(v.begin(), v.end());
    return v;
  }();
  return names;
}

bool IsLowerIdentStart(char c) { return c >= 'a' && c <= 'z'; }
bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// The findings of one line, gathered before the line is reported once.
struct LineArtifacts {
  std::vector<std::string> artifacts;  // the matched text, for evidence
  std::vector<std::string> signals;
  void Add(std::string_view text, std::string_view signal) {
    std::string shown = Shorten(text, 60);
    if (artifacts.size() < 8 && std::find(artifacts.begin(), artifacts.end(), shown) == artifacts.end()) {
      artifacts.push_back(std::move(shown));
    }
    if (std::find(signals.begin(), signals.end(), signal) == signals.end()) {
      signals.emplace_back(signal);
    }
  }
};

// A shortcode at line[at] == '[': "[/name]", "[name key=...]" or a known bare
// "[name]". Returns its length, or 0.
size_t ShortcodeAt(std::string_view line, size_t at) {
  size_t i = at + 1;
  const bool closing = i < line.size() && line[i] == '/';
  if (closing) ++i;
  if (i >= line.size() || !IsLowerIdentStart(line[i])) return 0;
  const size_t name_start = i;
  while (i < line.size() && IsIdentChar(line[i])) ++i;
  std::string_view name = line.substr(name_start, i - name_start);
  if (i >= line.size()) return 0;
  if (line[i] == ']') {
    if (closing) return i + 1 - at;
    const auto& names = ShortcodeNames();
    return std::binary_search(names.begin(), names.end(), name) ? i + 1 - at : 0;
  }
  if (closing || line[i] != ' ') return 0;
  // Attributes: a `key=` with a value right after the "=", before the "]".
  const size_t end = line.find(']', i);
  if (end == std::string_view::npos || end - at > 400) return 0;
  for (size_t k = i + 1; k < end; ++k) {
    if (line[k] == '=' && IsAsciiLetter(line[k - 1]) && k + 1 < end &&
        (line[k + 1] == '"' || line[k + 1] == '\'' || IsAsciiAlnum(line[k + 1]) ||
         line.compare(k + 1, 3, "\u201d") == 0 || line.compare(k + 1, 3, "\u201c") == 0)) {
      return end + 1 - at;
    }
  }
  return 0;
}

// A template placeholder at line[at]: "{{ x }}", "{% x %}", "${x}", "%%X%%".
// Returns its length, or 0.
size_t PlaceholderAt(std::string_view line, size_t at) {
  std::string_view rest = line.substr(at);
  auto closed_by = [&](std::string_view close) -> size_t {
    const size_t end = rest.find(close, 2);
    return end == std::string_view::npos || end > 120 ? 0 : end + close.size();
  };
  if (rest.starts_with("{{")) return closed_by("}}");
  if (rest.starts_with("{%")) return closed_by("%}");
  if (rest.starts_with("${") || rest.starts_with("%%")) {
    size_t i = 2;
    if (i >= rest.size() || !(IsAsciiLetter(rest[i]) || rest[i] == '_')) return 0;
    while (i < rest.size() && (IsAsciiAlnum(rest[i]) || rest[i] == '_' || rest[i] == '.')) ++i;
    if (rest[0] == '$') return i < rest.size() && rest[i] == '}' ? i + 1 : 0;
    return rest.compare(i, 2, "%%") == 0 ? i + 2 : 0;
  }
  return 0;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t'; }

// Whether line[from, to) holds no letter or digit: only separators and spaces.
bool OnlySeparators(std::string_view line, size_t from, size_t to) {
  for (size_t i = from; i < to;) {
    const utf8::CodePoint cp = utf8::DecodeAt(line, i);
    if (utf8::IsLetter(cp.value) || (cp.value >= U'0' && cp.value <= U'9')) return false;
    i += cp.length;
  }
  return true;
}

class CmsArtifactRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&Lexicon().matcher()}; }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const LabelLexicon& lexicon = Lexicon();
    const PageLayout& layout = analysis.Shared<PageLayout>();
    // Reused: no allocation per article.
    thread_local std::vector<PhraseMatch> matches, labels, context;
    ReuseScratch(matches);
    ReuseScratch(labels);
    ReuseScratch(context);
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank) continue;
      std::string_view line = analysis.view(l.span);
      const bool markup = kMarkupOpeners.FindIn(line) != std::string_view::npos;
      const bool phrases = ContainsPhrase(analysis, lexicon.matcher(), line);
      if (!markup && !phrases) continue;
      LineArtifacts found;
      if (phrases) CheckPhrases(lexicon, l, line, &matches, &labels, &context, &found);
      if (markup) CheckMarkup(line, &found);
      if (found.artifacts.empty()) continue;
      const PageRegion region = layout.region(i);
      // A whole-line "Loading..." in a list the story introduces ("users saw
      // the words:" / "Loading..." / "Please wait") is quoted, not leftover.
      if (region == PageRegion::kBody && found.signals.size() == 1 &&
          found.signals[0] == "whole-line" && IntroducedList(analysis, layout, i)) {
        continue;
      }
      found.signals.emplace_back(RegionSignal(region));
      std::string message = "template/CMS leftover in the article text: \"" + found.artifacts[0] + "\"";
      sink.Report(l.span, std::move(message),
                  {{"signals", std::move(found.signals)},
                   {"phrase", found.artifacts[0]},
                   {"artifacts", std::move(found.artifacts)}},
                  layout.RemoveLineFix(i));
    }
  }

 private:
  static void CheckPhrases(const LabelLexicon& lexicon, const LineLayout& l, std::string_view line,
                           std::vector<PhraseMatch>* matches, std::vector<PhraseMatch>* labels,
                           std::vector<PhraseMatch>* context, LineArtifacts* found) {
    // The whole line is a spinner's text or a printed empty value.
    const LabelScan scan = ScanLabelLine(lexicon, line, matches, labels, /*allow_numbers=*/false);
    if (scan.only_labels &&
        std::all_of(labels->begin(), labels->end(), [&](const PhraseMatch& m) {
          return lexicon.kind(m.phrase) == kLine || lexicon.kind(m.phrase) == kValue;
        })) {
      found->Add(line, "whole-line");
      return;
    }
    // ScanLabelLine left every exact-case match in *matches, sorted by start.
    bool context_found = false;
    InsideQuotationScan inside_quotation(line);
    for (size_t k = 0; k < matches->size(); ++k) {
      const PhraseMatch& m = (*matches)[k];
      const uint8_t kind = lexicon.kind(m.phrase);
      std::string_view text = line.substr(m.span.start, m.span.size());
      if (kind == kPhrase) {
        if (!inside_quotation(m.span.start)) found->Add(text, "phrase:cms");
        continue;
      }
      if (kind != kValue || inside_quotation(m.span.start)) continue;
      if (!context_found) {
        ContextLexicon().FindAll(line, context);
        context_found = true;
      }
      if (const char* signal = ValueContext(lexicon, l, line, *matches, *context, k)) {
        found->Add(text, signal);
      }
    }
  }

  // Why a JavaScript value ("undefined", "null", "NaN") inside a line stands
  // where a template field should be, or nullptr when it reads as prose.
  static const char* ValueContext(const LabelLexicon& lexicon, const LineLayout& l,
                                  std::string_view line, const std::vector<PhraseMatch>& matches,
                                  const std::vector<PhraseMatch>& context, size_t k) {
    const Span v = matches[k].span;
    // Glued to a URL or an attribute: "/undefined/", "id=null".
    if ((v.start > 0 && (line[v.start - 1] == '/' || line[v.start - 1] == '=')) ||
        (v.end < line.size() && line[v.end] == '/')) {
      return "value:in-url";
    }
    size_t before = v.start;
    while (before > 0 && IsSpaceByte(line[before - 1])) --before;
    size_t after = v.end;
    while (after < line.size() && IsSpaceByte(line[after])) ++after;
    for (const PhraseMatch& m : matches) {
      // "undefined undefined", "null, null": two empty fields side by side.
      if (lexicon.kind(m.phrase) == kValue && m.span != v &&
          ((m.span.end <= v.start && OnlySeparators(line, m.span.end, v.start)) ||
           (m.span.start >= v.end && OnlySeparators(line, v.end, m.span.start)))) {
        return "value:repeated";
      }
    }
    const LabelLexicon& around = ContextLexicon();
    for (const PhraseMatch& m : context) {
      const uint8_t kind = around.kind(m.phrase);
      // "NaN min read", "undefined comments" on a short line.
      if (kind == kUnit && m.span.start == after && l.words <= PageLayout::kShortWords &&
          !l.sentence_end) {
        return "value:before-unit";
      }
      // "By undefined", "Updated: null | World": a field after its cue, with
      // nothing but separators after it, on a line that is not a sentence.
      if (kind == kCue && m.span.end == before && !l.sentence_end &&
          l.words <= PageLayout::kShortWords && OnlySeparators(line, v.end, line.size())) {
        return "value:after-cue";
      }
    }
    return nullptr;
  }

  // Whether line i belongs to a column of short lines under a line of the
  // story that ends with ":": walks up over at most 6 non-prose lines.
  static bool IntroducedList(Analysis& analysis, const PageLayout& layout, size_t i) {
    size_t k = i;
    for (int step = 0; step < 6; ++step) {
      k = layout.PreviousNonBlank(k);
      if (k == PageLayout::npos || layout.region(k) != PageRegion::kBody) return false;
      std::string_view text = analysis.view(layout.line(k).span);
      if (!text.empty() && text.back() == ':') return true;
      if (layout.line(k).prose || layout.line(k).words > PageLayout::kShortWords) return false;
    }
    return false;
  }

  static void CheckMarkup(std::string_view line, LineArtifacts* found) {
    InsideQuotationScan placeholder_quoted(line);
    for (size_t i = kMarkupOpeners.FindIn(line); i != std::string_view::npos;
         i = kMarkupOpeners.FindIn(line, i + 1)) {
      if (line[i] == '[') {
        if (size_t n = ShortcodeAt(line, i)) {
          found->Add(line.substr(i, n), "shortcode");
          i += n - 1;
        }
        continue;
      }
      if (size_t n = PlaceholderAt(line, i)) {
        if (!placeholder_quoted(i)) found->Add(line.substr(i, n), "template-placeholder");
        i += n - 1;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeCmsArtifactRule() { return std::make_unique<CmsArtifactRule>(); }

}  // namespace newslint
