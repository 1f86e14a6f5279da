// garbled/unbalanced-brackets: a paragraph with a bracket that is never
// closed, a closing bracket that was never opened, or a pair of two kinds
// ("[ ... )"). Brackets pair within a paragraph; emoticons, list markers,
// URLs and code are not read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/byte_set.h"
#include "lint/quotations.h"
#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/unbalanced-brackets",
    Severity::kWarning,
    "A paragraph with a bracket that is never closed or a closing bracket that was never "
    "opened.",
    {}};

enum class Kind : uint8_t { kRound, kSquare, kCurly, kLenticular };

// The kind of a bracket and whether it opens; nullopt for other characters.
std::optional<std::pair<Kind, bool>> BracketOf(char32_t c) {
  switch (c) {
    case '(':
    case U'\uFF08':
      return std::pair{Kind::kRound, true};
    case ')':
    case U'\uFF09':
      return std::pair{Kind::kRound, false};
    case '[':
    case U'\uFF3B':
      return std::pair{Kind::kSquare, true};
    case ']':
    case U'\uFF3D':
      return std::pair{Kind::kSquare, false};
    case '{':
    case U'\uFF5B':
      return std::pair{Kind::kCurly, true};
    case '}':
    case U'\uFF5D':
      return std::pair{Kind::kCurly, false};
    case U'\u3010':
      return std::pair{Kind::kLenticular, true};
    case U'\u3011':
      return std::pair{Kind::kLenticular, false};
    default:
      return std::nullopt;
  }
}

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kRound:
      return "round";
    case Kind::kSquare:
      return "square";
    case Kind::kCurly:
      return "curly";
    case Kind::kLenticular:
      return "lenticular";
  }
  return "";
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsEyes(char32_t c) { return c == ':' || c == ';' || c == '='; }
bool IsNose(char32_t c) {
  return c == '-' || c == '^' || c == 'o' || c == '\'' || c == U'\u2019' || c == U'\u2011';
}

// A bracket paragraph problem, before policy.
// (Offsets are 32-bit, as Cp's: a paragraph of a million brackets holds as
// many of these and of the entries below.)
struct Problem {
  enum Type : uint8_t { kUnclosed, kUnopened, kMismatched } type;
  TokenSpan mark;
  Kind kind;
  TokenSpan opening;  // kMismatched
};

struct Cp {
  uint32_t pos;  // absolute offset (below kMaxTokenOffset: Check stops there)
  char32_t c;
  // Index of the first code point of the run of this one ("((((": the first
  // "("), so that reading a bracket's run costs one step, not the run.
  uint32_t run;
  uint8_t len;
};

struct ParagraphResult {
  std::vector<Problem> problems;  // unopened and mismatched, in order
  struct Open {
    Kind kind;
    TokenSpan mark;
  };
  std::vector<Open> open;  // left open at the end, outermost first
  int opening = 0;
  int closing = 0;
  std::optional<Kind> first_unopened;
  bool emoticon_closer = false;  // a ")" of an emoticon after an open "("
};

// Whether cps[k] is part of an emoticon: ":)", ":-)", ";-)", ":'(", "=)",
// ":))" (a run of the same bracket after one), or "(:" "(-:" before a space.
bool IsEmoticon(const std::vector<Cp>& cps, size_t k) {
  const char32_t c = cps[k].c;
  if (c == ')' || c == '(' || c == ']' || c == '[') {
    const size_t j = cps[k].run;  // ":)))"
    if (j > 0 && IsNose(cps[j - 1].c) && j > 1 &&
        (IsEyes(cps[j - 2].c) || (cps[j - 2].c == '8' && cps[j - 1].c == '-'))) {
      return true;
    }
    if (j > 0 && IsEyes(cps[j - 1].c)) {
      // "ratio 3:)" is a typo, not a face: eyes after a digit do not count.
      return !(j > 1 && IsAsciiDigit(cps[j - 2].c));
    }
  }
  if (c == '(') {
    size_t j = k + 1;
    if (j < cps.size() && IsNose(cps[j].c)) ++j;
    if (j < cps.size() && IsEyes(cps[j].c) &&
        (j + 1 == cps.size() || utf8::IsSpace(cps[j + 1].c))) {
      return true;
    }
  }
  return false;
}

// Whether the ")" at cps[k] ends a list marker: "1)", "a)", "iv)" at the
// start of the paragraph (after a bullet) or after a space ("options a)
// cheap, b) fast").
bool IsListMarker(const std::vector<Cp>& cps, size_t k) {
  if (cps[k].c != ')') return false;
  size_t j = k;
  if (j > 0 && cps[j - 1].c == '.') --j;  // "1.)"
  size_t word_end = j;
  while (j > 0 && (IsAsciiDigit(cps[j - 1].c) || IsAsciiLetter(cps[j - 1].c))) --j;
  const size_t len = word_end - j;
  if (len == 0) return false;
  bool digits = true, roman = true;
  for (size_t i = j; i < word_end; ++i) {
    const char32_t c = cps[i].c;
    digits = digits && IsAsciiDigit(c);
    roman = roman && (c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X');
  }
  if (!(len == 1 || (digits && len <= 3) || (roman && len <= 5))) return false;
  if (j == 0) return true;
  const char32_t before = cps[j - 1].c;
  return utf8::IsSpace(before) || before == '(' || before == U'\u2022' || before == '*' ||
         before == '-' || before == U'\u2013' || before == U'\u2014';
}

// "[0, 1)" or "(0, 1]": a half-open interval, in science and statistics.
bool IsInterval(std::string_view inner) {
  bool comma = false, digit = false;
  for (char c : inner) {
    if (c == ',') {
      if (comma) return false;
      comma = true;
    } else if ((c >= '0' && c <= '9')) {
      digit = true;
    } else if (c != ' ' && c != '.' && c != '-') {
      return false;
    }
  }
  return comma && digit;
}

// Whether s has a byte that can start a bracket BracketOf() knows: the six
// ASCII ones, or the lead byte of the full-width ones (U+FF08-U+FF5D start
// with 0xEF) and the lenticular ones (U+3010, U+3011 start with 0xE3). Text
// without any of them has no bracket.
bool MayHoldBracket(std::string_view s) {
  static constexpr ByteSet kBracketByte("()[]{}\xEF\xE3");
  return kBracketByte.FindIn(s) != std::string_view::npos;
}

ParagraphResult ReadParagraph(std::string_view text, Span span, std::optional<Kind> carried) {
  ParagraphResult r;
  std::string_view para = text.substr(span.start, span.size());
  // Most paragraphs hold no bracket at all.
  if (!MayHoldBracket(para)) return r;
  // Reused from one paragraph to the next (lint/scratch.h): most news
  // paragraphs hold a bracket ("(AP)", "(pictured)"), and building the list
  // afresh cost a handful of allocations each.
  thread_local std::vector<Cp> cps;
  ReuseScratch(cps);
  bool any = false;
  for (size_t i = 0; i < para.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(para, i);
    const auto k = static_cast<uint32_t>(cps.size());
    cps.push_back({static_cast<uint32_t>(span.start + i), cp.value,
                   k > 0 && cps[k - 1].c == cp.value ? cps[k - 1].run : k, cp.length});
    any = any || BracketOf(cp.value).has_value();
    i += cp.length;
  }
  if (!any) return r;
  const std::vector<Span> urls = FindUrlSpans(para, span.start);

  struct Entry {
    Kind kind;
    bool carried;
    TokenSpan mark;
  };
  static_assert(sizeof(Entry) <= 12, "an open bracket costs 12 bytes at most");
  std::vector<Entry> stack;
  // Entries of each kind on the stack: a closing bracket with none of its
  // kind open learns so without walking the stack (a paragraph of "[[[[…"
  // and ")))…" would walk it for every ")").
  int open_of_kind[4] = {0, 0, 0, 0};
  auto push = [&](const Entry& e) {
    stack.push_back(e);
    ++open_of_kind[static_cast<int>(e.kind)];
  };
  auto pop_to = [&](size_t size) {
    while (stack.size() > size) {
      --open_of_kind[static_cast<int>(stack.back().kind)];
      stack.pop_back();
    }
  };
  if (carried) push({*carried, true, {span.start, span.start}});
  size_t next_url = 0;  // the first URL that does not end before cps[k] (both in text order)

  for (size_t k = 0; k < cps.size(); ++k) {
    const auto bracket = BracketOf(cps[k].c);
    if (!bracket) continue;
    while (next_url < urls.size() && urls[next_url].end <= cps[k].pos) ++next_url;
    if (next_url < urls.size() && cps[k].pos >= urls[next_url].start) continue;
    // "\x1b[1m": the "[" of an ANSI escape sequence (terminal colours pasted
    // into a post) is not a bracket; garbled/invisible-characters flags the
    // escape character.
    if (k > 0 && cps[k - 1].c == 0x1B) continue;
    const auto [kind, opens] = *bracket;
    if (IsEmoticon(cps, k)) {
      if (!opens && !stack.empty()) r.emoticon_closer = true;
      continue;
    }
    const Span mark{cps[k].pos, cps[k].pos + cps[k].len};
    if (opens) {
      ++r.opening;
      push({kind, false, mark});
      continue;
    }
    // The innermost open bracket of this kind. The entries above it are
    // closed (reported unclosed) by it, so the walk costs each entry once.
    size_t match = stack.size();
    if (open_of_kind[static_cast<int>(kind)] > 0) {
      for (size_t i = stack.size(); i-- > 0;) {
        if (stack[i].kind == kind) {
          match = i;
          break;
        }
      }
    }
    if (match == stack.size() && stack.empty() && IsListMarker(cps, k)) continue;
    ++r.closing;
    if (match < stack.size()) {
      // Brackets opened inside this pair and never closed.
      for (size_t i = match + 1; i < stack.size(); ++i) {
        r.problems.push_back({Problem::kUnclosed, stack[i].mark, stack[i].kind, {}});
      }
      pop_to(match);
      continue;
    }
    if (!stack.empty()) {
      const Entry top = stack.back();
      pop_to(stack.size() - 1);
      if (top.carried) continue;
      const std::string_view inner = text.substr(top.mark.end, mark.start - top.mark.end);
      if (!IsInterval(inner)) r.problems.push_back({Problem::kMismatched, mark, kind, top.mark});
      continue;
    }
    if (!r.first_unopened) r.first_unopened = kind;
    r.problems.push_back({Problem::kUnopened, mark, kind, {}});
  }
  r.open.reserve(stack.size());
  for (const Entry& e : stack) {
    if (!e.carried) r.open.push_back({e.kind, e.mark});
  }
  return r;
}

// The paragraph ends with an ellipsis: an excerpt or a teaser cut short.
class UnbalancedBracketsRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const std::string_view text = analysis.text();
    // Without a bracket byte every paragraph reads as bracket-free
    // (ReadParagraph returns no problem and nothing open): nothing to report.
    if (!MayHoldBracket(text)) return;
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
    std::optional<Kind> carried;
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      const Span span = paragraphs[p].span;
      // Offsets here are 32-bit (Cp, Entry): text past 4 GiB, which only a
      // --max-record-bytes raised 500-fold with --max-text-bytes 0 lets in,
      // is not read, as Tokenize makes no token there.
      if (span.end > kMaxTokenOffset) break;
      const std::string_view view = analysis.view(span);
      // A paragraph without a bracket byte ends like a code paragraph: no
      // problem, nothing open, nothing carried on. Testing the bytes first
      // spares the LooksLikeCode scan of most paragraphs.
      if (!MayHoldBracket(view) || LooksLikeCode(view)) {
        carried.reset();
        continue;
      }
      const ParagraphResult r = ReadParagraph(text, span, carried);
      carried.reset();
      for (const Problem& problem : r.problems) Report(analysis, problem, r, sink);
      if (r.open.empty()) continue;

      // A line break inside a sentence (a scraper's <br>, a line of verse)
      // inside brackets the next line closes before anything else. A
      // paragraph that ends like a sentence with a bracket open, before one
      // that closes a bracket never opened, is two slips.
      // (A next paragraph without a bracket byte closes nothing.)
      if (r.open.size() == 1 && p + 1 < paragraphs.size() && !EndsLikeSentence(view) &&
          MayHoldBracket(analysis.view(paragraphs[p + 1].span)) &&
          !LooksLikeCode(analysis.view(paragraphs[p + 1].span))) {
        const ParagraphResult next = ReadParagraph(text, paragraphs[p + 1].span, std::nullopt);
        if (next.first_unopened == r.open[0].kind) {
          carried = r.open[0].kind;
          continue;
        }
      }
      // A "(" the paragraph's own emoticon may close: "(see you soon :)".
      if (r.emoticon_closer) continue;
      // A paragraph cut short inside the brackets: the cut is the defect
      // (garbled/truncated's finding at the article's end), not a slip.
      if (CutShort(view, p + 1 == paragraphs.size())) continue;
      for (const ParagraphResult::Open& o : r.open) {
        Report(analysis, {Problem::kUnclosed, o.mark, o.kind, {}}, r, sink);
      }
    }
  }

 private:
  static void Report(Analysis& analysis, const Problem& problem, const ParagraphResult& r,
                     FindingSink& sink) {
    const std::string mark(analysis.view(problem.mark));
    std::string message, signal;
    switch (problem.type) {
      case Problem::kUnclosed:
        signal = "unclosed";
        message = "opening " + mark + " is never closed in this paragraph";
        break;
      case Problem::kUnopened:
        signal = "unopened";
        message = "closing " + mark + " without an opening bracket";
        break;
      case Problem::kMismatched:
        signal = "mismatched";
        message = "mismatched brackets: " + std::string(analysis.view(problem.opening)) +
                  " closed by " + mark;
        break;
    }
    Evidence evidence = {{"signal", signal},
                         {"mark", mark},
                         {"kind", std::string(KindName(problem.kind))},
                         {"opening-brackets", static_cast<int64_t>(r.opening)},
                         {"closing-brackets", static_cast<int64_t>(r.closing)}};
    if (problem.type == Problem::kMismatched) {
      evidence.emplace_back("opened-by", std::string(analysis.view(problem.opening)));
    }
    sink.Report(problem.mark, std::move(message), std::move(evidence));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnbalancedBracketsRule() {
  return std::make_unique<UnbalancedBracketsRule>();
}

}  // namespace newslint
