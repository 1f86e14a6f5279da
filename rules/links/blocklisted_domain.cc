// links/blocklisted-domain: a link to a host that a blocklist the user named
// in newslint.toml ([links] blocklists) lists, by the host itself or by one of
// its parent domains up to the registered domain.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "rules/link_blocklist.h"
#include "rules/link_signals.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "links/blocklisted-domain",
    Severity::kWarning,
    "A link to a domain on a blocklist named in newslint.toml ([links] blocklists).",
    {
        {"blocklists", "list", "[]",
         "Blocklist files and UT1-style folders; set by [links] blocklists (paths relative to "
         "newslint.toml), which this option extends."},
    }};

class BlocklistedDomainRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    if (article.links.empty()) return;
    std::shared_ptr<const links::Blocklist> list = ListFor(options.GetList("blocklists"));
    if (!list || list->size() == 0) return;
    std::set<std::pair<size_t, std::string>> reported;  // (span start, host)
    const links::LinkFacts& facts = analysis.Shared<links::LinkFacts>();
    for (size_t i = 0; i < article.links.size(); ++i) {
      const Link& link = article.links[i];
      const links::UrlParts& url = facts[i].url;
      if (url.host.empty()) continue;
      const std::string& registered = facts[i].registered;
      auto match = list->FindHost(url.host, registered);
      if (!match) continue;
      Span span = links::LinkSpan(article, analysis, link);
      if (!reported.insert({span.start, url.host}).second) continue;
      sink.Report(span,
                  "link to " + url.host + ", listed as " + std::string(match->category),
                  {{"signal", std::string("blocklist")},
                   {"category", std::string(match->category)},
                   {"domain", std::string(match->domain)},
                   {"host", url.host},
                   {"registered-domain", registered},
                   {"anchor", link.anchor_text},
                   {"region", std::string(LinkRegionName(link.region))}});
    }
  }

 private:
  // The shared list for these paths; each worker thread remembers the last
  // one it asked for, so the shared cache's lock is taken once per thread.
  static std::shared_ptr<const links::Blocklist> ListFor(const std::vector<std::string>& paths) {
    if (paths.empty()) return nullptr;
    thread_local std::vector<std::string> last_paths;
    thread_local std::shared_ptr<const links::Blocklist> last_list;
    thread_local bool loaded = false;
    if (!loaded || last_paths != paths) {
      last_list = links::SharedBlocklist(paths, nullptr);
      last_paths = paths;
      loaded = true;
    }
    return last_list;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeBlocklistedDomainRule() {
  return std::make_unique<BlocklistedDomainRule>();
}

}  // namespace newslint
