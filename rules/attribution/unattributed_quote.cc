// attribution/unattributed-quote: a long direct quotation standing alone as
// a paragraph, with no cue and no speaker nearby to carry over, so that no
// reader can tell who said it (often a cue lost when the page was spun,
// translated or scraped).

#include <string>
#include <string_view>
#include <vector>

#include "lint/attribution.h"
#include "lint/people.h"
#include "lint/quotations.h"
#include "lint/utf8.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "attribution/unattributed-quote",
    Severity::kInfo,
    "A long direct quotation standing alone as a paragraph, with no attribution cue and no "
    "speaker in the paragraphs around it to carry over.",
    {
        {"min-words", "int", "15", "Fewest words a quotation must have to be reported."},
    }};

class UnattributedQuoteRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t min_words = options.GetInt("min-words", 15);
    const Attribution& attr = analysis.Shared<Attribution>();
    const People& people = analysis.Shared<People>();
    const Quotations& quotes = analysis.Shared<Quotations>();
    const std::vector<Quotation>& all = quotes.quotations();
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();

    // Paragraphs with a cue, and with a person named outside quotation marks.
    std::vector<bool> has_cue(paragraphs.size(), false);
    std::vector<bool> has_person(paragraphs.size(), false);
    for (const Cue& c : attr.cues()) {
      if (c.pattern != CuePattern::kContinuation) has_cue[c.paragraph] = true;
    }
    for (const NameMention& m : people.mentions()) {
      if (!m.quoted && m.person != People::kNone) has_person[m.paragraph] = true;
    }
    auto speaker_near = [&](size_t p) {
      // The paragraph before gives a speaker (a cue, a named person, a
      // pronoun subject) or ends with a colon; or the one after opens with
      // a cue ("That was how Roe put it.").
      if (p > 0) {
        const size_t b = p - 1;
        if (has_cue[b] || has_person[b]) return true;
        std::string_view prev = analysis.view(paragraphs[b].span);
        if (prev.ends_with(":")) return true;
        for (const Token& t : analysis.TokensIn(paragraphs[b].span)) {
          std::string w = AsciiLower(analysis.view(t.span));
          if (w == "he" || w == "she" || w == "they" || w == "we" || w == "i") return true;
        }
      }
      if (p + 1 < paragraphs.size() && has_cue[p + 1]) return true;
      return false;
    };

    for (size_t qi = 0; qi < all.size(); ++qi) {
      const Quotation& q = all[qi];
      if (q.level != 0 || q.continues || !q.open) continue;
      if (attr.CueOf(qi) != nullptr) continue;
      const size_t p = q.paragraph;
      if (quotes.paragraph(p).skipped || people.TitleCaseParagraph(p)) continue;
      // The whole quotation, over its parts; it must fill its paragraphs.
      int64_t words = 0;
      size_t last = qi;
      bool alone = true;
      for (size_t k = qi; k < all.size(); ++k) {
        const Quotation& part = all[k];
        if (part.first != qi || part.level != 0) continue;
        // A quotation never closed swallows its own cue: garbled/unbalanced-
        // quotes reports the mark, and who spoke cannot be told.
        if (!part.close && !part.continued) alone = false;
        words += static_cast<int64_t>(analysis.TokensIn(part.content).size());
        const Span para = paragraphs[part.paragraph].span;
        const size_t open_at = part.open ? part.open->span.start : part.content.start;
        const size_t close_end = part.close ? part.close->span.end : part.content.end;
        if (utf8::HasLetterOrDigit(analysis.view({para.start, open_at})) ||
            utf8::HasLetterOrDigit(analysis.view({close_end, para.end}))) {
          alone = false;
        }
        last = k;
      }
      if (!alone || words < min_words) continue;
      if (speaker_near(p)) continue;
      if (all[last].paragraph + 1 < paragraphs.size() && has_cue[all[last].paragraph + 1]) continue;
      const Span span{q.open->span.start, q.close ? q.close->span.end : q.content.end};
      Evidence evidence = {
          {"words", words},
          {"min_words", min_words},
          {"paragraphs", static_cast<int64_t>(all[last].paragraph - p + 1)},
      };
      sink.Report(span,
                  "a quotation of " + std::to_string(words) +
                      " words with no speaker: no cue, and no speaker in the paragraphs around it",
                  std::move(evidence));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnattributedQuoteRule() {
  return std::make_unique<UnattributedQuoteRule>();
}

}  // namespace newslint
