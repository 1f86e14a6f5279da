// newslint: quotations, the shared view of an article's quotation marks.
//
// Which marks open a quotation, which close one, which are apostrophes,
// inches or separators, and how they pair, computed once per article and
// read by every rule that cares about quotations (garbled/unbalanced-quotes
// today; attribution, "who said which quote", later):
//
//   const Quotations& q = analysis.Shared<Quotations>();
//   for (const Quotation& quote : q.quotations()) {
//     if (quote.level > 0) continue;                // nested quote
//     std::string_view said = analysis.view(quote.content);
//     if (quote.continues) ... q.quotations()[quote.first] ...  // earlier part
//   }
//   for (const QuoteProblem& p : q.problems()) ...  // marks that do not pair
//
// Marks. English “ ” and ‘ ’, straight " and ', French « » and ‹ › (with or
// without the inner spaces), German „ “ and ‚ ‘ and the reversed » «,
// Polish/Dutch „ ”, Swedish ” ”, CJK 「」 and 『』. A mark's role comes from
// the glyph and its neighbours: a straight " after a space opens, before a
// space closes; “ after a word and before a space or punctuation closes a
// German „; » before a word opens a reversed German quotation, » after a word
// closes a French one, and » with spaces on both sides closes an open «
// or is a separator ("Home » World"). Other quote marks next to a mark are
// looked through ("„‚Ja‘, sagte er“").
//
// Not quotation marks: apostrophes (’ or ' between letters: don’t, Kosovo’s,
// O’Brien; before digits and elisions: the ’90s, ’em, rock ’n’ roll; after a
// final s, x or z when nothing better closes an open single quote: the
// players’ union), feet and inches (5'11", a 12" single: a straight " after
// a digit is inches unless a quotation needs it closed and no later mark
// can), marks glued to mojibake lead letters (Ã” Â» ï»¿), marks inside URLs,
// and every mark of a paragraph that looks like code or markup.
//
// Single quotes are read conservatively: a ’ or ' after a letter closes an
// open single quotation only when no stronger candidate (one after
// punctuation) follows, and a problem is only recorded for a single mark
// when it is unmistakable (see QuoteProblem).
//
// Paragraphs. A quotation lives inside one paragraph (a non-blank line),
// except where news and verse carry it on:
//   * the news convention: a paragraph that leaves a quotation open is
//     continued by the next paragraph when that one opens with a quotation
//     mark of the same family (for guillemets also »); the reopening mark
//     starts the next part of the quotation, and the last part must close it;
//   * a line break inside a sentence (or after a line that trails off with
//     an ellipsis), or a line of verse (at most 12 words), that leaves a
//     quotation open is continued by the next paragraph (or,
//     through more verse, a later one) whose first closing mark finds
//     nothing open: the quotation spans the lines of a poem, or a scraper
//     broke a paragraph at a <br>. Lines in between must be verse and hold
//     no quotation marks; a line of verse that ends a sentence must see the
//     quotation end with the last line (only punctuation after the mark). A
//     paragraph of prose that leaves a quotation open before one that closes
//     a quotation never opened is two slips.
// Each paragraph's share of a quotation is one Quotation; the parts of one
// multi-paragraph quotation share `first`.

#ifndef NEWSLINT_LINT_QUOTATIONS_H_
#define NEWSLINT_LINT_QUOTATIONS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/finding.h"

namespace newslint {

// The glyph of a quotation mark.
enum class QuoteGlyph : uint8_t {
  kStraightDouble,        // "
  kStraightSingle,        // '
  kLeftDouble,            // “  English opening; German closing
  kRightDouble,           // ”  English closing; Polish closing; Swedish both
  kLowDouble,             // „  German, Polish, Dutch, ... opening
  kLeftSingle,            // ‘  English opening; German closing
  kRightSingle,           // ’  English closing; also the apostrophe
  kLowSingle,             // ‚  German opening
  kLeftGuillemet,         // «  French opening; German reversed closing
  kRightGuillemet,        // »  French closing; German reversed opening
  kLeftSingleGuillemet,   // ‹
  kRightSingleGuillemet,  // ›
  kLeftCorner,            // 「
  kRightCorner,           // 」
  kLeftWhiteCorner,       // 『
  kRightWhiteCorner,      // 』
};

// Marks pair within a family: an opening mark is closed by a closing mark of
// the same family (“ by ” or ", „ by “ or ”, « by », » by «, ...).
// kSingle and kSingleGuillemet are the inner (nested) families.
enum class QuoteFamily : uint8_t {
  kDouble,           // " “ ” „
  kSingle,           // ' ‘ ’ ‚
  kGuillemet,        // « »
  kSingleGuillemet,  // ‹ ›
  kCorner,           // 「 」
  kWhiteCorner,      // 『 』
};

// The glyph of code point `cp`, or nullopt when it is not one of the marks
// above (primes ′ ″, backticks and accents are not quotation marks).
std::optional<QuoteGlyph> QuoteGlyphOf(char32_t cp);
QuoteFamily FamilyOf(QuoteGlyph glyph);
// "straight-double", "left-double", "low-double", "right-guillemet", ...
std::string_view QuoteGlyphName(QuoteGlyph glyph);
// "double", "single", "guillemet", "single-guillemet", "corner", "white-corner"
std::string_view QuoteFamilyName(QuoteFamily family);

// Offsets are 32-bit (TokenSpan, lint/analysis.h): Quotations reads no mark
// past kMaxTokenOffset, as Tokenize makes no token there.
struct QuoteMark {
  TokenSpan span;  // the mark's bytes (one code point)
  QuoteGlyph glyph = QuoteGlyph::kStraightDouble;
};

// One paragraph's part of a quotation. (Fields ordered by size: a record of
// a few hundred thousand marks holds as many of these, 64 bytes each.)
struct Quotation {
  std::optional<QuoteMark> open;   // none: a part carried into this paragraph
                                   // without a reopening mark (verse, or a
                                   // reopening mark the writer left out)
  std::optional<QuoteMark> close;  // none: left open (continued in the next
                                   // paragraph, or never closed)
  size_t paragraph = 0;            // index into Analysis::paragraphs()
  size_t first = 0;                // index in quotations() of the quotation's first
                                   // part (its own index when it does not continue)
  TokenSpan content;               // between the marks; a missing mark's side ends at the
                                   // paragraph's edge (or, for a nested quotation left
                                   // open, at the mark that closed the one around it)
  int level = 0;                   // 0 outermost, 1 nested in one quotation, ...
  QuoteFamily family = QuoteFamily::kDouble;
  bool continues = false;   // continues a quotation from an earlier paragraph
  bool continued = false;   // left open here and continued in a later paragraph
  bool mismatched = false;  // closed by a mark of another family („ … »)
};
static_assert(sizeof(Quotation) <= 64, "a Quotation is 64 bytes at most");

enum class QuoteProblemKind : uint8_t {
  kUnclosed,    // an opening mark never closed, and not continued
  kUnopened,    // a closing mark with nothing open
  kMismatched,  // a closing mark of another family than the opening one
};

// A mark that does not pair. Recorded only where the mark is unmistakable:
// double marks, guillemets (in a paragraph that ends like a sentence, so
// that "« Previous" and "Next »" links are left alone) and corner brackets
// always; of the single marks only a ‘ that plainly opens (after a space,
// before a word that is not an elision) with no ’ or ' after it in the
// paragraph, and a ’ that plainly closes (after , ! ? or a word's full stop)
// with nothing open. Straight single quotes and ‚ are never problems.
struct QuoteProblem {
  QuoteProblemKind kind = QuoteProblemKind::kUnclosed;
  bool continues = false;            // kUnclosed: the mark reopens a quotation
                                     // continued from the previous paragraph
  QuoteMark mark;                    // the offending mark
  std::optional<QuoteMark> opening;  // kMismatched: the mark it closes
  size_t paragraph = 0;
  size_t quotation = static_cast<size_t>(-1);  // kUnclosed, kMismatched: its
                                               // quotation; npos for kUnopened
};
static_assert(sizeof(QuoteProblem) <= 48, "a QuoteProblem is 48 bytes at most");

struct ParagraphQuotes {
  int opening = 0;             // marks that open (reopening marks included)
  int closing = 0;             // marks that close (unopened and mismatched included)
  size_t first_quotation = 0;  // this paragraph's parts: [first, end) of
  size_t end_quotation = 0;    // quotations()
  bool continues = false;      // starts inside a quotation from an earlier paragraph
  bool continued = false;      // ends inside one that a later paragraph continues
  bool skipped = false;        // looks like code or markup (or lies past 4 GiB): marks not read
};

// A paragraph of this many quotations or more is indexed by the code that
// asks questions of it per position (Quotations::At, garbled/spelling,
// attribution/unattributed-quote): below it a walk over the paragraph's
// quotations costs less than building the index, which news never needs
// (a paragraph of a news article holds a handful); above it the walks made
// a record of thousands of quotations quadratic (docs/performance.md,
// "Twentieth round").
inline constexpr size_t kManyQuotations = 16;

class Quotations {
 public:
  explicit Quotations(Analysis& analysis);

  // All quotation parts, in text order of their start (a part carried into
  // a paragraph starts at the paragraph's first byte; an outer quotation
  // comes before the ones nested in it).
  const std::vector<Quotation>& quotations() const { return quotations_; }
  // Marks that do not pair, in text order per paragraph.
  const std::vector<QuoteProblem>& problems() const { return problems_; }
  // Per paragraph (indexed like Analysis::paragraphs()).
  const ParagraphQuotes& paragraph(size_t i) const { return paragraphs_[i]; }
  size_t paragraph_count() const { return paragraphs_.size(); }
  std::span<const Quotation> In(size_t paragraph) const;

  // The innermost quotation whose content holds byte `offset`, or nullptr
  // (of those holding it, the deepest; of equally deep ones, the last).
  const Quotation* At(size_t offset) const;

 private:
  // At() for a paragraph of many quotations: the answer is constant between
  // consecutive content edges, so it is kept per edge (built on the first
  // question about the paragraph), and a question is a binary search.
  struct AtIndex {
    std::vector<size_t> edges;              // sorted, distinct
    std::vector<const Quotation*> answer;   // for [edges[i], edges[i + 1])
  };

  std::vector<Quotation> quotations_;
  std::vector<QuoteProblem> problems_;
  std::vector<ParagraphQuotes> paragraphs_;
  std::vector<Span> paragraph_spans_;
  mutable std::vector<std::unique_ptr<AtIndex>> at_index_;  // by paragraph, made on demand
};

// ---------------------------------------------------------------------------
// Helpers shared with garbled/unbalanced-brackets
// ---------------------------------------------------------------------------

// Whether a paragraph reads as code or markup rather than prose: HTML tags
// or comments ("</", "/>", "<!--"), attributes (href="...", [caption
// id="..."]), JSON or CSS/JS blocks (braces with ";", "=" or "\":"), "=>",
// "();", "){". Its quotes and brackets are code's (garbled/html-residue and
// boilerplate/cms-artifact report such lines).
bool LooksLikeCode(std::string_view paragraph);

// The URLs and e-mail addresses in `paragraph` (offsets + base): a run of
// non-space characters from "http://", "https://", "www." or the start of
// an address, without the punctuation, quotation marks and unmatched
// closing brackets after it.
std::vector<Span> FindUrlSpans(std::string_view paragraph, size_t base = 0);

// The parts of every quotation, chained: ForEach(all, first, visit) calls
// visit(k) for each k >= first with all[k].first == first, in increasing k,
// as a walk over every later quotation would, in time proportional to the
// parts (a rule that walked for each quotation was quadratic in a long
// transcript).
class QuotationParts {
 public:
  explicit QuotationParts(const std::vector<Quotation>& all)
      : head_(all.size(), kNone), next_(all.size(), kNone) {
    std::vector<size_t> last(all.size(), kNone);
    for (size_t q = 0; q < all.size(); ++q) {
      const size_t f = all[q].first;
      if (f >= all.size()) continue;
      (last[f] == kNone ? head_[f] : next_[last[f]]) = q;
      last[f] = q;
    }
  }

  template <typename Visit>
  void ForEach(size_t first, Visit&& visit) const {
    if (first >= head_.size()) return;
    for (size_t q = head_[first]; q != kNone; q = next_[q]) {
      if (q >= first) visit(q);
    }
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> head_, next_;
};

// Whether the paragraph ends like a sentence: . ! ? … (or 。！？), possibly
// followed by closing quotation marks and brackets.
bool EndsLikeSentence(std::string_view paragraph);

// Whether a paragraph was cut short, so that a quotation or bracket it leaves
// open is the cut's doing (garbled/truncated's finding), not a slip: it ends
// with an ellipsis ("...", "…", "[…]", "[...]"), or it is the article's last
// paragraph and does not end like a sentence.
bool CutShort(std::string_view paragraph, bool last_paragraph);

}  // namespace newslint

#endif  // NEWSLINT_LINT_QUOTATIONS_H_
