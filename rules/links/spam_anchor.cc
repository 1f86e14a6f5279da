// links/spam-anchor: link text that sells something spammers sell (game
// currency, casinos, pills, loans, essays, replicas, backlinks, followers,
// crypto schemes), in a link or on a stray short line of extracted text.

#include <set>
#include <string>
#include <vector>

#include "rules/link_signals.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

using links::ScoreSpam;
using links::SpamScore;

const RuleInfo kInfo = {
    "links/spam-anchor",
    Severity::kWarning,
    "Link text, or a stray short line, that sells game currency, casinos, pills, loans, essays, "
    "replicas, backlinks, followers or crypto schemes.",
    {
        {"max-line-words", "int", "6",
         "Longest stray line (in words) judged in text mode."},
    }};

// The evidence every finding carries: category, score and matched terms.
Evidence ScoreEvidence(std::string_view signal, const SpamScore& s) {
  return {{"signal", std::string(signal)},
          {"category", s.category},
          {"terms", s.terms},
          {"score", s.score},
          {"threshold", links::kSpamThreshold}};
}

class SpamAnchorRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    std::set<size_t> reported_lines;  // 0-based
    std::set<std::pair<size_t, std::string>> reported_spans;  // (start, anchor)
    // Links: every anchor, wherever it sits on the page.
    const links::LinkFacts* facts =
        article.links.empty() ? nullptr : &analysis.Shared<links::LinkFacts>();
    for (size_t i = 0; i < article.links.size(); ++i) {
      const Link& link = article.links[i];
      const SpamScore& s = facts->Spam(i);
      if (!s.spam()) continue;
      const links::UrlParts& url = (*facts)[i].url;
      // The site's own menu ("Sportsbook promo codes" on a paper with a
      // betting section) is its navigation, not an injected link.
      if ((link.region == LinkRegion::kNav || link.region == LinkRegion::kHeader) &&
          !(*facts)[i].outbound) {
        continue;
      }
      Span span = links::LinkSpan(article, analysis, link);
      if (!reported_spans.insert({span.start, link.anchor_text}).second) continue;
      if (link.line > 0) {
        reported_lines.insert(static_cast<size_t>(link.line - 1));
      } else if (!span.empty()) {
        reported_lines.insert(analysis.LineIndexOf(span.start));  // JSONL: found in the text
      }
      Evidence ev = ScoreEvidence("anchor-text", s);
      ev.emplace_back("anchor", link.anchor_text);
      ev.emplace_back("href", link.href);
      ev.emplace_back("host", url.host);
      ev.emplace_back("region", std::string(LinkRegionName(link.region)));
      sink.Report(span, "link text sells " + s.category + ": \"" + link.anchor_text + "\"",
                  std::move(ev));
    }
    // Text: a stray short line near the start or the end of the article, or
    // standing alone between blocks, is what an injected anchor leaves after
    // extraction.
    const int max_words = static_cast<int>(options.GetInt("max-line-words", 6));
    const PageLayout& layout = analysis.Shared<PageLayout>();
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& line = layout.line(i);
      if (line.blank || reported_lines.count(i)) continue;
      if (line.words > max_words) {
        ReportTrailingFragment(analysis, line.span, max_words, sink);
        continue;
      }
      if (line.words < 1 || line.sentence_end) continue;
      std::string_view text = analysis.view(line.span);
      SpamScore s = ScoreSpam(text);
      if (!s.spam()) continue;
      const PageRegion region = layout.region(i);
      if (region == PageRegion::kBody && !StandsAlone(analysis, layout, i)) continue;
      Evidence ev = ScoreEvidence("stray-line", s);
      ev.emplace_back("anchor", std::string(text));
      ev.emplace_back("region", std::string(RegionSignal(region)));
      ev.emplace_back("words", static_cast<int64_t>(line.words));
      sink.Report(line.span, "stray line sells " + s.category + ": \"" + std::string(text) + "\"",
                  std::move(ev));
    }
  }

 private:
  // An anchor injected at the end of a paragraph survives extraction glued
  // to it: "... the board said on Friday. buy cheap wow gold". The words
  // after the paragraph's last sentence terminator, when they are a short
  // run without a terminator of their own, are judged like a stray line.
  static void ReportTrailingFragment(Analysis& analysis, Span line, int max_words,
                                     FindingSink& sink) {
    std::string_view text = analysis.view(line);
    size_t cut = text.find_last_of(".!?");
    if (cut == std::string_view::npos || cut + 1 >= text.size() || cut == 0) return;
    const char before = text[cut - 1];
    const char after = text[cut + 1];
    // "3.5", "example.com", "U.S." are not sentence ends.
    if (!((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') || before == '"' ||
          before == ')' || static_cast<unsigned char>(before) >= 0x80)) {
      return;
    }
    if (after != ' ' && !(after >= 'a' && after <= 'z')) return;
    size_t b = cut + 1;
    while (b < text.size() && text[b] == ' ') ++b;
    std::string_view rest = text.substr(b);
    const size_t words = links::MatchWords(rest).size();
    if (words == 0 || words > static_cast<size_t>(max_words)) return;
    SpamScore s = ScoreSpam(rest);
    if (!s.spam()) return;
    Evidence ev = ScoreEvidence("trailing-fragment", s);
    ev.emplace_back("anchor", std::string(rest));
    ev.emplace_back("words", static_cast<int64_t>(words));
    sink.Report({line.start + b, line.end},
                "text after the last sentence sells " + s.category + ": \"" + std::string(rest) + "\"",
                std::move(ev));
  }

  // A short line inside the story is a stray anchor only when it shares no
  // content word with the lines around it: a sub-heading ("Payday loans")
  // introduces the paragraph that follows and shares its words.
  static bool StandsAlone(Analysis& analysis, const PageLayout& layout, size_t i) {
    // Topic words only: "buy" or "cheap" next to the line says nothing.
    std::vector<std::string> words;
    for (std::string& w : links::ContentWords(analysis.view(layout.line(i).span))) {
      if (!links::IsCommercialCue(w) && !links::IsSellingWord(w)) words.push_back(std::move(w));
    }
    for (size_t n : {layout.PreviousNonBlank(i), layout.NextNonBlank(i)}) {
      if (n == PageLayout::npos) continue;
      std::vector<std::string> near = links::ContentWords(analysis.view(layout.line(n).span));
      for (const std::string& w : words) {
        for (const std::string& v : near) {
          if (w == v) return false;
        }
      }
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSpamAnchorRule() { return std::make_unique<SpamAnchorRule>(); }

}  // namespace newslint
