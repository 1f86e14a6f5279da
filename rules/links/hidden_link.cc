// links/hidden-link: an outbound link inside an element the page hides from
// readers (the hidden attribute, aria-hidden, or inline CSS such as
// display:none, font-size:0 or off-screen positioning): how injected links
// pass search engines while readers never see them.

#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/link_signals.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "links/hidden-link",
    Severity::kWarning,
    "An outbound link inside an element the page hides from readers (hidden, aria-hidden, or "
    "inline CSS such as display:none, font-size:0 or off-screen positioning).",
    {}};

bool HasLetter(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

class HiddenLinkRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    bool any_hidden = false;
    for (const Link& link : article.links) any_hidden |= link.region == LinkRegion::kHidden;
    if (!any_hidden) return;
    // Domains the page also links where readers see it: a hidden copy of a
    // visible link (an aria-hidden image link next to its headline) hides
    // nothing.
    std::unordered_set<std::string> visible_domains;
    const links::LinkFacts& facts = analysis.Shared<links::LinkFacts>();
    for (size_t i = 0; i < article.links.size(); ++i) {
      if (article.links[i].region == LinkRegion::kHidden) continue;
      if (!facts[i].url.host.empty()) visible_domains.insert(facts[i].registered);
    }
    std::set<std::string> reported;  // href
    for (size_t i = 0; i < article.links.size(); ++i) {
      const Link& link = article.links[i];
      if (link.region != LinkRegion::kHidden) continue;
      if (!facts[i].outside()) continue;
      const links::UrlParts& url = facts[i].url;
      if (!HasLetter(link.anchor_text)) continue;  // icon links, empty anchors
      const std::string& registered = facts[i].registered;
      if (visible_domains.count(registered)) continue;
      // Collapsed accordions, inactive carousel slides and tabs hide
      // ordinary links too ("Read the report"); an injected link sells.
      const links::SpamScore& s = facts.Spam(i);
      std::vector<std::string> cues;
      for (const std::string& w : links::MatchWords(link.anchor_text)) {
        if (links::IsCommercialCue(w)) cues.push_back(w);
      }
      const bool spam_terms = s.score > 0 && !s.veto;
      if (!spam_terms && cues.empty()) continue;
      if (!reported.insert(link.href).second) continue;
      Evidence ev = {{"signal", std::string("hidden-element")},
                     {"host", url.host},
                     {"registered-domain", registered},
                     {"anchor", link.anchor_text},
                     {"region", std::string(LinkRegionName(link.region))}};
      if (spam_terms) {
        ev.emplace_back("category", s.category);
        ev.emplace_back("terms", s.terms);
      } else {
        ev.emplace_back("terms", cues);
      }
      sink.Report(links::LinkSpan(article, analysis, link),
                  "hidden link to " + url.host + ": \"" + link.anchor_text + "\"", std::move(ev));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeHiddenLinkRule() { return std::make_unique<HiddenLinkRule>(); }

}  // namespace newslint
