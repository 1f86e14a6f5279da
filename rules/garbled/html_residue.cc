// garbled/html-residue: HTML entities, tags and comments that the scraper
// left in the article text.

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/html-residue",
    Severity::kWarning,
    "HTML entities, tags or comments left in the article text, such as \"&amp;\", \"&#8217;\", "
    "\"<br>\" or \"</p>\".",
    {
        {"entities", "bool", "true", "Flag named and numeric character references."},
        {"tags", "bool", "true", "Flag tags of known HTML elements, and HTML comments."},
    }};

enum class FixClass { kInline, kBreak, kKeep };

// Windows-1252 characters for &#128; to &#159;, as the HTML specification
// decodes them; 0 where the number stays a C1 control.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};


std::string Describe(const std::string& decoded) {
  if (decoded == "\u00a0") return "a no-break space";
  if (decoded == "\u00ad") return "a soft hyphen";
  if (decoded == "\u200b") return "a zero-width space";
  if (decoded == " ") return "a space";
  return "\"" + decoded + "\"";
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A character reference: its length from the '&' and what it stands for.
struct Reference {
  size_t length = 0;  // 0: not a reference
  std::string decoded;
  bool valid = true;  // numeric references to 0, surrogates or > U+10FFFF are not
};

// One thing found on a line.
struct Residue {
  Span span;  // in the line
  std::string kind;
  std::string decoded;  // entities
  std::string element;  // tags
  std::optional<std::string> fix;
};

class HtmlResidueRule : public Rule {
 public:
  HtmlResidueRule() {
    for (std::string_view entry : LexiconEntries("html-entities")) {
      size_t space = entry.find(' ');
      if (space == std::string_view::npos) continue;
      std::string decoded;
      utf8::Append(static_cast<uint32_t>(std::stoul(std::string(entry.substr(space + 1)), nullptr, 16)),
                 &decoded);
      entities_.emplace(std::string(entry.substr(0, space)), std::move(decoded));
    }
    for (std::string_view entry : LexiconEntries("html-elements")) {
      size_t space = entry.find(' ');
      if (space == std::string_view::npos) continue;
      std::string_view cls = entry.substr(space + 1);
      elements_.emplace(std::string(entry.substr(0, space)), cls == "inline" ? FixClass::kInline
                                                             : cls == "break" ? FixClass::kBreak
                                                                              : FixClass::kKeep);
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const bool want_entities = options.GetBool("entities", true);
    const bool want_tags = options.GetBool("tags", true);
    if (!want_entities && !want_tags) return;
    std::string_view text = analysis.text();
    // Every entity starts at a '&' and every tag or comment at a '<' (the
    // triggers): an article without them has no residue, and a line
    // without them holds none. `hit` is the first trigger at or after where
    // the scan stands, found for the whole text at memchr speed; the lines
    // it skips are those it would find nothing on.
    TriggerFinder find(text, want_entities, want_tags);
    size_t hit = find.Next(0);
    if (hit == std::string_view::npos) return;

    std::vector<Residue> found;
    for (const Span& line_span : analysis.lines()) {
      // (Only line breaks lie between lines: hit is never before this line.)
      if (hit < line_span.start) hit = find.Next(line_span.start);
      if (line_span.end <= hit) continue;
      std::string_view line = analysis.view(line_span);
      found.clear();
      // The triggers of the line in order, each after the residue found at
      // the one before, as line.find_first_of("&<", next) would give them.
      while (hit < line_span.end) {
        const size_t pos = hit - line_span.start;
        size_t next = pos + 1;
        std::optional<Residue> r =
            line[pos] == '&' ? Entity(line, pos) : Tag(line, pos);
        if (r && !IsQuotedMention(line, r->span)) {
          next = r->span.end;
          found.push_back(std::move(*r));
        }
        hit = find.Next(line_span.start + next);
      }
      // hit is now the first trigger after the line (none lay between the
      // last `next` and the line's end).
      if (!found.empty()) {
        std::vector<bool> mention = NamedMentions(line, found);
        for (size_t k = 0; k < found.size(); ++k) {
          if (!mention[k]) Report(line, line_span.start, std::move(found[k]), sink);
        }
      }
      if (hit == std::string_view::npos) break;  // no trigger in the lines left
    }
  }

 private:
  // The first '&' and/or '<' of a text at or after a position, for
  // positions that never go back: the next '&' and the next '<' are each
  // found with memchr and kept until the position passes them, so every
  // byte is read about once per kind. (string_view::find_first_of("&<")
  // calls memchr on the two-byte set for every byte of the text.)
  class TriggerFinder {
   public:
    TriggerFinder(std::string_view text, bool amp, bool lt)
        : text_(text),
          amp_(amp ? Find('&', 0) : std::string_view::npos),
          lt_(lt ? Find('<', 0) : std::string_view::npos),
          want_amp_(amp),
          want_lt_(lt) {}

    size_t Next(size_t from) {
      // amp_ is the first '&' at or after the last `from` (npos: none):
      // while it is not behind the new `from`, it is still the first.
      if (want_amp_ && amp_ < from) amp_ = Find('&', from);
      if (want_lt_ && lt_ < from) lt_ = Find('<', from);
      return std::min(amp_, lt_);
    }

   private:
    size_t Find(char c, size_t from) const {
      if (from >= text_.size()) return std::string_view::npos;
      const void* p = std::memchr(text_.data() + from, c, text_.size() - from);
      return p == nullptr ? std::string_view::npos
                          : static_cast<size_t>(static_cast<const char*>(p) - text_.data());
    }

    std::string_view text_;
    size_t amp_;
    size_t lt_;
    bool want_amp_;
    bool want_lt_;
  };

  // "&name;", "&#8217;", "&#x2019;" at line[pos], with "&amp;" absorbing a
  // reference escaped once more ("&amp;rsquo;").
  Reference ReferenceAt(std::string_view line, size_t pos) const {
    Reference ref;
    size_t i = pos + 1;
    if (i < line.size() && line[i] == '#') {
      bool hex = i + 1 < line.size() && (line[i + 1] == 'x' || line[i + 1] == 'X');
      size_t digits_start = i + (hex ? 2 : 1), j = digits_start;
      uint64_t value = 0;
      while (j < line.size() && j - digits_start < 8 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(line[j])) != 0 : IsAsciiDigit(line[j]))) {
        value = value * (hex ? 16 : 10) +
                static_cast<uint64_t>(IsAsciiDigit(line[j]) ? line[j] - '0' : Lower(line[j]) - 'a' + 10);
        ++j;
      }
      if (j == digits_start || j >= line.size() || line[j] != ';') return ref;
      ref.length = j + 1 - pos;
      if (value >= 0x80 && value <= 0x9F && kCp1252High[value - 0x80] != 0) value = kCp1252High[value - 0x80];
      ref.valid = value != 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
      if (ref.valid) utf8::Append(static_cast<uint32_t>(value), &ref.decoded);
      return ref;
    }
    size_t j = i;
    while (j < line.size() && j - i < 32 && IsAsciiAlnum(line[j])) ++j;
    if (j == i) return ref;
    auto it = entities_.find(std::string(line.substr(i, j - i)));
    if (it == entities_.end()) return ref;
    if (j < line.size() && line[j] == ';') {
      ref.length = j + 1 - pos;
    } else if (IsOneOf(it->first, kSemicolonOptional)) {
      ref.length = j - pos;  // "&amp " and friends: read without ";" by browsers too
    } else {
      return ref;
    }
    ref.decoded = it->second;
    return ref;
  }

  std::optional<Residue> Entity(std::string_view line, size_t pos) const {
    Reference ref = ReferenceAt(line, pos);
    if (ref.length == 0) return std::nullopt;
    Residue r;
    r.kind = line[pos + 1] == '#' ? "numeric character reference" : "named character reference";
    size_t end = pos + ref.length;
    // "&amp;#8217;" / "&amp;amp;": the text was escaped twice; decode both.
    while (ref.decoded == "&" && end < line.size() && (IsAsciiAlnum(line[end]) || line[end] == '#')) {
      std::string again(1, '&');
      again.append(line.substr(end, 40));
      Reference inner = ReferenceAt(again, 0);
      if (inner.length == 0 || again[inner.length - 1] != ';') break;
      end += inner.length - 1;
      ref = inner;
      r.kind = "doubly escaped character reference";
    }
    // "&lt;p&gt;": a tag escaped once, reported as one tag.
    if (ref.decoded == "<") {
      if (std::optional<Residue> tag = EscapedTag(line, pos, end)) return tag;
    }
    r.span = {pos, end};
    r.decoded = ref.decoded;
    if (ref.valid) r.fix = ref.decoded;
    return r;
  }

  std::optional<Residue> EscapedTag(std::string_view line, size_t pos, size_t after_lt) const {
    size_t i = after_lt;
    if (i < line.size() && line[i] == '/') ++i;
    size_t name_start = i;
    while (i < line.size() && IsAsciiAlnum(line[i])) ++i;
    auto element = elements_.find(LowerCopy(line.substr(name_start, i - name_start)));
    if (element == elements_.end()) return std::nullopt;
    constexpr std::string_view kGt = "&gt;";
    size_t close = line.find(kGt, i);
    if (close == std::string_view::npos || close - i > 400) return std::nullopt;
    std::string_view between = line.substr(i, close - i);
    if (!between.empty() && !IsSpace(between[0]) && between != "/" && between != " /") return std::nullopt;
    if (between.find('<') != std::string_view::npos || between.find("&lt;") != std::string_view::npos)
      return std::nullopt;
    Residue r;
    r.kind = "escaped tag";
    r.span = {pos, close + kGt.size()};
    r.element = element->first;
    r.fix = TagFix(line, r.span, element->second);
    return r;
  }

  // "<p>", "</p>", "<br/>", "<p class=\"lead\">", "<!-- ... -->" at line[pos].
  std::optional<Residue> Tag(std::string_view line, size_t pos) const {
    if (line.substr(pos, 4) == "<!--") {
      size_t close = line.find("-->", pos + 4);
      if (close == std::string_view::npos) return std::nullopt;
      Residue r;
      r.kind = "comment";
      r.span = {pos, close + 3};
      r.fix = TagFix(line, r.span, FixClass::kBreak);
      return r;
    }
    size_t i = pos + 1;
    if (i < line.size() && line[i] == '/') ++i;
    size_t name_start = i;
    if (i >= line.size() || !IsAsciiAlpha(line[i])) return std::nullopt;
    while (i < line.size() && IsAsciiAlnum(line[i])) ++i;
    std::string_view name = line.substr(name_start, i - name_start);
    if (!IsSingleCase(name)) return std::nullopt;  // "<Time>": a title in angle brackets
    auto element = elements_.find(LowerCopy(name));
    if (element == elements_.end()) return std::nullopt;
    size_t end = AttributesEnd(line, i, name_start > pos + 1);
    if (end == 0) return std::nullopt;
    Residue r;
    r.kind = "tag";
    r.span = {pos, end};
    r.element = element->first;
    r.fix = TagFix(line, r.span, element->second);
    return r;
  }

  // Parses `attr="v" attr2=v boolean` up to ">" or "/>" from line[i]; the end
  // of the tag, or 0 when this is not tag syntax. A closing tag takes no
  // attributes. Every attribute needs a value unless it is a known boolean
  // attribute, so "a <b and c> d" is not a tag.
  static size_t AttributesEnd(std::string_view line, size_t i, bool closing) {
    static constexpr std::string_view kBoolean[] = {
        "allowfullscreen", "async",    "autoplay", "checked",  "controls",    "defer",
        "disabled",        "hidden",   "itemscope", "loop",    "muted",       "nomodule",
        "novalidate",      "open",     "playsinline", "readonly", "required", "selected"};
    while (true) {
      size_t before_space = i;
      while (i < line.size() && IsSpace(line[i])) ++i;
      if (i >= line.size()) return 0;
      if (line[i] == '>') return i + 1;
      if (line[i] == '/' && i + 1 < line.size() && line[i + 1] == '>') return i + 2;
      if (closing || i == before_space) return 0;  // attributes need a space before them
      size_t name_start = i;
      if (!IsAsciiAlpha(line[i])) return 0;
      while (i < line.size() && (IsAsciiAlnum(line[i]) || line[i] == '-' || line[i] == '_' ||
                                 line[i] == ':' || line[i] == '.')) {
        ++i;
      }
      std::string name = LowerCopy(line.substr(name_start, i - name_start));
      if (i < line.size() && line[i] == '=') {
        ++i;
        if (i >= line.size()) return 0;
        if (line[i] == '"' || line[i] == '\'') {
          size_t close = line.find(line[i], i + 1);
          if (close == std::string_view::npos) return 0;
          i = close + 1;
        } else {
          size_t value_start = i;
          while (i < line.size() && !IsSpace(line[i]) && line[i] != '>' && line[i] != '"' &&
                 line[i] != '\'' && line[i] != '<' && line[i] != '=' && line[i] != '`') {
            ++i;
          }
          if (i == value_start) return 0;
        }
      } else if (!IsOneOf(name, kBoolean) && !name.starts_with("data-")) {
        return 0;
      }
    }
  }

  static std::optional<std::string> TagFix(std::string_view line, Span span, FixClass cls) {
    switch (cls) {
      case FixClass::kKeep:
        return std::nullopt;
      case FixClass::kInline:
        return std::string();
      case FixClass::kBreak: {
        bool space_before = span.start == 0 || IsSpace(line[span.start - 1]);
        bool space_after = span.end >= line.size() || IsSpace(line[span.end]);
        return space_before || space_after ? std::string() : std::string(" ");
      }
    }
    return std::nullopt;
  }

  // `"<p>"`, `“&amp;”`, `` `<br>` ``: an article about HTML naming markup.
  static bool IsQuotedMention(std::string_view line, Span span) {
    static constexpr std::string_view kOpen[] = {"\"", "'", "`", "\u201c", "\u2018"};
    static constexpr std::string_view kClose[] = {"\"", "'", "`", "\u201d", "\u2019"};
    std::string_view before = line.substr(0, span.start);
    std::string_view after = line.substr(span.end);
    for (size_t k = 0; k < std::size(kOpen); ++k) {
      if (before.ends_with(kOpen[k]) && after.starts_with(kClose[k])) return true;
    }
    return false;
  }

  // Markup an article about the web names on purpose, beyond a single quoted
  // tag (IsQuotedMention):
  //   * named by what it is: `the &nbsp; entity`, `the HTML <br> tag`, `tags
  //     such as <p> and <div> elements` (markup, or a list of markup joined by
  //     ", " "and" "or", set off by spaces and followed by a noun for markup);
  //   * a quoted snippet: `"<script>alert(1)</script>"`, a quotation that
  //     opens with markup and closes with markup.
  static std::vector<bool> NamedMentions(std::string_view line, const std::vector<Residue>& found) {
    std::vector<bool> mention(found.size(), false);
    static constexpr std::string_view kNouns[] = {
        "tag",        "tags",       "element",    "elements", "entity", "entities",
        "character",  "characters", "reference",  "references", "attribute", "code",
        "markup",     "comment",    "sequence",   "string",   "escape"};
    static constexpr std::string_view kJoins[] = {", and ", ", or ", ", ", " and ", " or ", " / "};
    for (size_t k = found.size(); k-- > 0;) {
      Span sp = found[k].span;
      bool set_off = sp.start == 0 || IsSpace(line[sp.start - 1]) || line[sp.start - 1] == '(';
      if (!set_off) continue;
      std::string_view after = line.substr(sp.end);
      if (after.starts_with(" ")) {
        size_t n = 1;
        while (n < after.size() && IsAsciiAlpha(after[n])) ++n;
        if (IsOneOf(after.substr(1, n - 1), kNouns)) {
          mention[k] = true;
          continue;
        }
      }
      if (k + 1 < found.size() && mention[k + 1]) {
        for (std::string_view join : kJoins) {
          if (after.starts_with(join) && sp.end + join.size() == found[k + 1].span.start) {
            mention[k] = true;
            break;
          }
        }
      }
    }
    // Quoted snippets.
    static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
        {"\"", "\""}, {"\u201c", "\u201d"}, {"`", "`"}};
    for (const auto& [open, close] : kQuotes) {
      for (size_t from = 0;;) {
        size_t o = line.find(open, from);
        if (o == std::string_view::npos) break;
        size_t content = o + open.size();
        size_t c = line.find(close, content);
        if (c == std::string_view::npos) break;
        from = c + close.size();
        // The residues are in line order and do not overlap (each is found
        // after the one before ends): the one starting at the content and
        // the one ending at the close by binary search, not a walk of all
        // residues for each quotation (a line of markup has thousands).
        const auto starting = std::lower_bound(
            found.begin(), found.end(), content,
            [](const Residue& r, size_t at) { return r.span.start < at; });
        const auto ending = std::lower_bound(
            found.begin(), found.end(), c, [](const Residue& r, size_t at) { return r.span.end < at; });
        const size_t first = starting != found.end() && starting->span.start == content
                                 ? static_cast<size_t>(starting - found.begin())
                                 : found.size();
        const size_t last = ending != found.end() && ending->span.end == c
                                ? static_cast<size_t>(ending - found.begin())
                                : found.size();
        if (first == found.size() || last == found.size() || last < first) continue;
        for (size_t k = first; k <= last; ++k) mention[k] = true;
      }
    }
    return mention;
  }

  // "p", "BR", "h2": HTML is written in one case; "Time" is a word.
  static bool IsSingleCase(std::string_view name) {
    bool upper = false, lower = false;
    for (char c : name) {
      upper = upper || (c >= 'A' && c <= 'Z');
      lower = lower || (c >= 'a' && c <= 'z');
    }
    return !(upper && lower);
  }

  static std::string LowerCopy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = Lower(c);
    return out;
  }

  static void Report(std::string_view line, size_t base, Residue r, FindingSink& sink) {
    std::string text(line.substr(r.span.start, r.span.size()));
    Span span{base + r.span.start, base + r.span.end};
    std::string message;
    Evidence evidence = {{"kind", r.kind}, {"text", text}};
    if (r.kind == "escaped tag") {
      message = "escaped HTML tag \"" + text + "\" left in the article text";
      evidence.emplace_back("element", r.element);
    } else if (!r.element.empty()) {
      message = "HTML tag \"" + text + "\" left in the article text";
      evidence.emplace_back("element", r.element);
    } else if (r.kind == "comment") {
      message = "HTML comment \"" + text + "\" left in the article text";
    } else {
      message = "HTML " + r.kind + " \"" + text + "\" left in the article text";
      if (!r.decoded.empty()) message += "; it stands for " + Describe(r.decoded);
      evidence.emplace_back("decoded", r.decoded);
    }
    std::optional<Fix> fix;
    if (r.fix) fix = Fix{span, *r.fix};
    sink.Report(span, std::move(message), std::move(evidence), std::move(fix));
  }

  template <size_t N>
  static bool IsOneOf(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  }

  static constexpr std::string_view kSemicolonOptional[] = {"amp", "nbsp", "quot", "lt", "gt"};

  std::unordered_map<std::string, std::string> entities_;
  std::unordered_map<std::string, FixClass> elements_;
};

}  // namespace

std::unique_ptr<Rule> MakeHtmlResidueRule() { return std::make_unique<HtmlResidueRule>(); }

}  // namespace newslint
