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

// Whether a paragraph has a letter or digit before or after a quotation
// (utf8::HasLetterOrDigit of the piece), answered from where the
// paragraph's first letter ends and its last one starts, found once per
// paragraph: a paragraph of thousands of quotations was read from its start
// for each. A prefix of the paragraph holds a letter exactly when it holds
// the first one whole (decoding runs left to right, and a sequence the cut
// splits is no letter). A suffix starting where a code point of the
// paragraph starts holds one exactly when the last one starts in it; in
// ill-formed UTF-8 that start is not known, and the suffix is decoded.
// Made for paragraphs of kManyQuotations or more (lint/quotations.h).

class ParagraphLetters {
 public:
  ParagraphLetters(std::string_view text, size_t paragraphs)
      : text_(text), paragraphs_(paragraphs) {}

  bool Before(size_t p, Span para, size_t at) {
    Learn(p, para);
    return first_end_[p] != kNone && first_end_[p] <= at;
  }
  bool After(size_t p, Span para, size_t at) {
    Learn(p, para);
    const bool starts = at >= para.end || (static_cast<unsigned char>(text_[at]) & 0xC0) != 0x80;
    if (!valid_[p] || !starts) return utf8::HasLetterOrDigit(text_.substr(at, para.end - at));
    return last_start_[p] != kNone && last_start_[p] >= at;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  void Learn(size_t p, Span para) {
    if (known_.empty()) {  // made on first use: most articles never ask
      known_.assign(paragraphs_, false);
      first_end_.resize(paragraphs_);
      last_start_.resize(paragraphs_);
      valid_.resize(paragraphs_);
    }
    if (known_[p]) return;
    known_[p] = true;
    const std::string_view s = text_.substr(para.start, para.end - para.start);
    first_end_[p] = last_start_[p] = kNone;
    for (size_t i = 0; i < s.size();) {
      const utf8::CodePoint cp = utf8::DecodeAt(s, i);
      if (utf8::IsLetter(cp.value) || (cp.value >= '0' && cp.value <= '9')) {
        if (first_end_[p] == kNone) first_end_[p] = para.start + i + cp.length;
        last_start_[p] = para.start + i;
      }
      i += cp.length;
    }
    valid_[p] = IsValidUtf8(s);
  }

  std::string_view text_;
  size_t paragraphs_;
  std::vector<bool> known_;
  std::vector<size_t> first_end_, last_start_;
  std::vector<bool> valid_;
};

class UnattributedQuoteRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  // The People view's dictionary.
  std::vector<std::string> dictionaries(const RuleOptions&) const override {
    return People::Dictionaries();
  }

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

    const QuotationParts parts(all);  // each quotation's parts, without a walk per quotation
    ParagraphLetters letters(analysis.text(), paragraphs.size());
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
      parts.ForEach(qi, [&](size_t k) {
        const Quotation& part = all[k];
        if (part.level != 0) return;
        // A quotation never closed swallows its own cue: garbled/unbalanced-
        // quotes reports the mark, and who spoke cannot be told.
        if (!part.close && !part.continued) alone = false;
        words += static_cast<int64_t>(analysis.TokensIn(part.content).size());
        const Span para = paragraphs[part.paragraph].span;
        const size_t open_at = part.open ? part.open->span.start : part.content.start;
        const size_t close_end = part.close ? part.close->span.end : part.content.end;
        // A paragraph of a few quotations is read around each; one of many
        // (a transcript on one line) once (ParagraphLetters).
        const bool many = quotes.In(part.paragraph).size() >= kManyQuotations;
        if (alone && (many ? letters.Before(part.paragraph, para, open_at) ||
                                 letters.After(part.paragraph, para, close_end)
                           : utf8::HasLetterOrDigit(analysis.view({para.start, open_at})) ||
                                 utf8::HasLetterOrDigit(analysis.view({close_end, para.end})))) {
          alone = false;
        }
        last = k;
      });
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
