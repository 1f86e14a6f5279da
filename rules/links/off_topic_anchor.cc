// links/off-topic-anchor: an outbound link in the story or the footer whose
// anchor text has nothing to do with the article and reads as an ad ("cheap
// ray ban sunglasses" under a story on a budget vote).

#include <set>
#include <string>
#include <vector>

#include "rules/link_signals.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "links/off-topic-anchor",
    Severity::kWarning,
    "An outbound link in the story or the footer whose anchor text shares no content word with "
    "the article and reads as commercial.",
    {}};

class OffTopicAnchorRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    if (article.links.empty()) return;
    const links::ArticleVocabulary* vocab = nullptr;
    std::set<std::pair<size_t, std::string>> reported;  // (start, anchor)
    const links::LinkFacts& facts = analysis.Shared<links::LinkFacts>();
    for (size_t i = 0; i < article.links.size(); ++i) {
      const Link& link = article.links[i];
      if (link.region != LinkRegion::kBody && link.region != LinkRegion::kFooter &&
          link.region != LinkRegion::kUnknown) {
        continue;
      }
      if (!facts[i].outside()) continue;
      const links::UrlParts& url = facts[i].url;
      std::vector<std::string> words = links::MatchWords(link.anchor_text);
      if (words.empty() || words.size() > links::kMaxAnchorWords) continue;
      const links::SpamScore& s = facts.Spam(i);
      if (s.spam() || s.veto) continue;  // links/spam-anchor reports it
      std::vector<std::string> cues;
      for (const std::string& w : words) {
        if (links::IsSellingWord(w)) cues.push_back(w);
      }
      if (cues.empty() && s.score <= 0) continue;
      // The topic words: content words that are neither cues nor shop names.
      std::vector<std::string> topic;
      for (const std::string& w : links::ContentWords(link.anchor_text)) {
        if (!links::IsSellingWord(w) && !links::IsCommercialCue(w) && !links::IsRetailerWord(w)) {
          topic.push_back(w);
        }
      }
      if (topic.empty()) continue;  // "Buy at Amazon", "Best deals"
      if (!vocab) vocab = &analysis.Shared<links::ArticleVocabulary>();
      bool shared = false;
      for (const std::string& w : topic) shared |= vocab->Has(w);
      if (shared) continue;
      Span span = links::LinkSpan(article, analysis, link);
      if (!reported.insert({span.start, link.anchor_text}).second) continue;
      Evidence ev = {{"signal", std::string("no-shared-word")},
                     {"anchor", link.anchor_text},
                     {"topic-words", topic},
                     {"shared-words", int64_t{0}},
                     {"commercial", cues.empty() ? s.terms : cues},
                     {"host", url.host},
                     {"region", std::string(LinkRegionName(link.region))}};
      if (s.score > 0) ev.emplace_back("category", s.category);
      sink.Report(span, "off-topic commercial link to " + url.host + ": \"" + link.anchor_text + "\"",
                  std::move(ev));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOffTopicAnchorRule() { return std::make_unique<OffTopicAnchorRule>(); }

}  // namespace newslint
