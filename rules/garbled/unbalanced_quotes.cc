// garbled/unbalanced-quotes: a paragraph whose quotation marks do not pair
// up: an opening mark never closed (and not continued by the next
// paragraph, as news writes a quotation over several paragraphs), a closing
// mark with nothing open, or a pair of two families („ … »). The marks and
// their pairing come from the shared Quotations view (lint/quotations.h).

#include <string>
#include <string_view>

#include "lint/quotations.h"
#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/unbalanced-quotes",
    Severity::kWarning,
    "A paragraph whose quotation marks do not pair up, allowing for a quotation that runs on "
    "into the next paragraph.",
    {}};

// The paragraph ends with an ellipsis: an excerpt or a teaser cut short
// ("“We will never forget what…"), whose open quotation is the cut's doing.
class UnbalancedQuotesRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
    if (paragraphs.empty()) return;
    const Quotations& quotations = analysis.Shared<Quotations>();
    if (quotations.problems().empty()) return;
    const size_t last = paragraphs.size() - 1;
    // CutShort reads back over the paragraph's closing marks and spaces:
    // asked once per paragraph, not once per unclosed mark in it (a
    // paragraph of marks holds thousands, and ends in marks).
    size_t cut_asked = paragraphs.size();
    bool cut_short = false;

    for (const QuoteProblem& p : quotations.problems()) {
      if (p.kind == QuoteProblemKind::kUnclosed) {
        // A paragraph cut short leaves its quotation open: that is the cut
        // (garbled/truncated's finding at the article's end), not a slip.
        if (p.paragraph != cut_asked) {
          cut_asked = p.paragraph;
          cut_short = CutShort(analysis.view(paragraphs[p.paragraph].span), p.paragraph == last);
        }
        if (cut_short) continue;
      }
      const std::string mark(analysis.view(p.mark.span));
      const ParagraphQuotes& counts = quotations.paragraph(p.paragraph);
      std::string message;
      std::string signal;
      switch (p.kind) {
        case QuoteProblemKind::kUnclosed:
          signal = "unclosed";
          message =
              p.continues
                  ? "quotation continued from the previous paragraph is never closed: " + mark +
                        " reopens it here, and no closing mark follows"
                  : "opening " + mark +
                        " is never closed in this paragraph, and the next paragraph "
                        "does not continue the quotation";
          break;
        case QuoteProblemKind::kUnopened:
          signal = "unopened";
          message = "closing " + mark + " without an opening quotation mark";
          break;
        case QuoteProblemKind::kMismatched:
          signal = "mismatched";
          message = "mismatched quotation marks: " + std::string(analysis.view(p.opening->span)) +
                    " closed by " + mark;
          break;
      }
      Evidence evidence = {{"signal", signal},
                           {"mark", mark},
                           {"kind", std::string(QuoteGlyphName(p.mark.glyph))},
                           {"opening-marks", static_cast<int64_t>(counts.opening)},
                           {"closing-marks", static_cast<int64_t>(counts.closing)}};
      if (p.kind == QuoteProblemKind::kMismatched) {
        evidence.emplace_back("opened-by", std::string(analysis.view(p.opening->span)));
      }
      if (p.continues) evidence.emplace_back("continues", true);
      sink.Report(p.mark.span, std::move(message), std::move(evidence));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnbalancedQuotesRule() {
  return std::make_unique<UnbalancedQuotesRule>();
}

}  // namespace newslint
