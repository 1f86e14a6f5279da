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
    // a line (hidden, or JSONL input) by region. Links are held by index,
    // to read their facts.
    const std::vector<Link>& all = article.links;
    std::vector<size_t> placed;
    std::map<LinkRegion, std::vector<size_t>> unplaced;
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].line > 0) {
        placed.push_back(i);
      } else {
        unplaced[all[i].region].push_back(i);
      }
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [&](size_t a, size_t b) { return all[a].line < all[b].line; });
    std::vector<std::vector<size_t>> blocks;
    for (size_t i : placed) {
      if (blocks.empty() || all[i].line - all[blocks.back().back()].line > kMaxLineGap ||
          all[i].region != all[blocks.back().back()].region) {
        blocks.emplace_back();
      }
      blocks.back().push_back(i);
    }
    for (auto& [region, block] : unplaced) blocks.push_back(std::move(block));

    const links::LinkFacts* facts = nullptr;
    for (const auto& block : blocks) {
      if (block.size() < min_domains) continue;
      if (!facts) facts = &analysis.Shared<links::LinkFacts>();
      // Most blocks (a menu, share buttons, a footer) link the site itself
      // or a few networks: count the outside links before reading anchors.
      size_t outside = 0;
      for (size_t i : block) outside += (*facts)[i].outside();
      if (outside < min_domains) continue;
      std::set<std::string> domains;
      const Link* first_outside = nullptr;
      for (size_t i : block) {
        if (!(*facts)[i].outside()) continue;
        if (!first_outside) first_outside = &all[i];
        domains.insert((*facts)[i].registered);
      }
      if (domains.size() < min_domains) continue;
      std::vector<std::string> commercial;
      for (size_t i : block) {
        if (!(*facts)[i].outside()) continue;
        const links::SpamScore& s = facts->Spam(i);
        if (s.veto) continue;
        bool cue = s.score > 0;
        if (!cue) {
          for (const std::string& w : links::MatchWords(all[i].anchor_text)) {
            cue |= links::IsSellingWord(w);
          }
        }
        if (cue) commercial.push_back(all[i].anchor_text);
      }
      if (commercial.size() < min_commercial) continue;
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
                   {"outside-links", static_cast<int64_t>(outside)},
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
