// links/link-farm: a block of many outbound links to unrelated domains with
// commercial anchors: the footer or hidden box a hacked page sells links in.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/link_signals.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "links/link-farm",
    Severity::kWarning,
    "A block of links to many unrelated outside domains, several with commercial anchors.",
    {
        {"min-domains", "int", "5", "Fewest distinct outside domains in one block."},
        {"min-commercial", "int", "3", "Fewest links with commercial anchor text in the block."},
    }};

// Links closer than this many lines, in the same region, form one block.
constexpr int64_t kMaxLineGap = 2;

class LinkFarmRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const size_t min_domains = static_cast<size_t>(options.GetInt("min-domains", 5));
    const size_t min_commercial = static_cast<size_t>(options.GetInt("min-commercial", 3));
    if (article.links.size() < min_domains) return;
    // Blocks: visible links by nearby lines within one region; links without
    // a line (hidden, or JSONL input) by region.
    std::vector<const Link*> placed;
    std::map<LinkRegion, std::vector<const Link*>> unplaced;
    for (const Link& link : article.links) {
      if (link.line > 0) {
        placed.push_back(&link);
      } else {
        unplaced[link.region].push_back(&link);
      }
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const Link* a, const Link* b) { return a->line < b->line; });
    std::vector<std::vector<const Link*>> blocks;
    for (const Link* link : placed) {
      if (blocks.empty() || link->line - blocks.back().back()->line > kMaxLineGap ||
          link->region != blocks.back().back()->region) {
        blocks.emplace_back();
      }
      blocks.back().push_back(link);
    }
    for (auto& [region, block] : unplaced) blocks.push_back(block);

    for (const auto& block : blocks) {
      if (block.size() < min_domains) continue;
      std::set<std::string> domains;
      std::vector<std::string> commercial;
      int64_t outside = 0;
      const Link* first_outside = nullptr;
      for (const Link* link : block) {
        links::UrlParts url = links::ParseUrl(link->href);
        if (!links::IsOutbound(url.host, article.site) || links::IsSocialHost(url.host)) continue;
        ++outside;
        if (!first_outside) first_outside = link;
        domains.insert(links::RegisteredDomain(url.host));
        links::SpamScore s = links::ScoreSpam(link->anchor_text);
        bool cue = false;
        for (const std::string& w : links::MatchWords(link->anchor_text)) cue |= links::IsSellingWord(w);
        if (!s.veto && (s.score > 0 || cue)) commercial.push_back(link->anchor_text);
      }
      if (domains.size() < min_domains || commercial.size() < min_commercial) continue;
      const Link& first = *first_outside;
      Span span = links::LinkSpan(article, analysis, first);
      if (first.line > 0) span = analysis.lines()[first.line - 1];
      const int64_t commercial_count = static_cast<int64_t>(commercial.size());
      if (commercial.size() > 10) commercial.resize(10);
      std::vector<std::string> domain_list(domains.begin(), domains.end());
      sink.Report(span,
                  std::to_string(domains.size()) + " outside domains linked from one " +
                      std::string(LinkRegionName(first.region)) + " block",
                  {{"signal", std::string("unrelated-domains")},
                   {"links", static_cast<int64_t>(block.size())},
                   {"outside-links", outside},
                   {"domains", static_cast<int64_t>(domains.size())},
                   {"min-domains", static_cast<int64_t>(min_domains)},
                   {"domain-list", domain_list},
                   {"commercial-anchors", commercial_count},
                   {"anchors", commercial},
                   {"region", std::string(LinkRegionName(first.region))}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLinkFarmRule() { return std::make_unique<LinkFarmRule>(); }

}  // namespace newslint
