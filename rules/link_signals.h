// newslint: what the links/* rules share: URL parts, the spam-anchor lexicon
// and its scorer, content words and commercial cues.
//
// Injected spam links are recognised by what they sell (the anchor text), by
// where they point (blocklists, shorteners, look-alike hosts) and by how they
// sit on the page (hidden, off-topic, in a farm of unrelated domains). The
// pieces every rule needs live here so that the rules agree on what an
// outbound link, a registered domain and a spam anchor are.

#ifndef NEWSLINT_RULES_LINK_SIGNALS_H_
#define NEWSLINT_RULES_LINK_SIGNALS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/analysis.h"
#include "lint/article.h"
#include "lint/finding.h"
#include "lint/flat_hash.h"

namespace newslint::links {

// The parts of a URL the rules read. `host` is lower-case, without port,
// user info or a trailing dot; empty for relative links, mailto:, tel:,
// javascript: and fragments (links that stay on the page's own site).
// `path` and `query` are views of the URL parsed: valid while it lives.
struct UrlParts {
  std::string scheme;  // lower-case, "" for scheme-relative or bare hosts
  std::string host;
  std::string_view path;   // from the first "/" after the host, without the query
  std::string_view query;  // after "?", without "#..."
};

// Parses an href or a URL written in text ("https://a.b/c", "//a.b/c",
// "www.a.b/c", "bit.ly/x"). Bare hosts are read only when `allow_bare` is set.
UrlParts ParseUrl(std::string_view url, bool allow_bare = false);

// Whether `host` is a dotted IPv4 address or a bracketed IPv6 address.
bool IsIpHost(std::string_view host);

// The registered domain of a host: the label before its public suffix
// ("news.bbc.co.uk" -> "bbc.co.uk", "a.b.example.com" -> "example.com"). A
// built-in list of common two-label suffixes stands in for the public suffix
// list; the host itself for IP addresses and one-label hosts.
std::string RegisteredDomain(std::string_view host);

// Whether a link to `host` leaves the page's site (`site` as in
// Article::site): an absolute link to another registered domain.
bool IsOutbound(std::string_view host, std::string_view site);

// Hosts of social networks and sharing services: outbound links every news
// page carries, never counted as unrelated domains.
bool IsSocialHost(std::string_view host);
// The same, with RegisteredDomain(host) already at hand.
bool IsSocialHost(std::string_view host, std::string_view registered);

// Words of a text for matching: ASCII letters lower-cased, split at every
// character that is not a letter or digit (so hyphens, dots and underscores
// separate words). Non-ASCII bytes stay inside words.
std::vector<std::string> MatchWords(std::string_view text);

// Content words: MatchWords without stop words and one- or two-letter words.
std::vector<std::string> ContentWords(std::string_view text);
bool IsStopWord(std::string_view word);

// Whether a word is a commercial cue ("buy", "cheap", "discount", "100mg").
bool IsCommercialCue(std::string_view word);

// Words that sell, and only sell ("buy", "cheap", "discount", "sale",
// "wholesale", "coupon", "promo", "deals", "outlet", "100mg"): the weaker
// cues ("free", "best", "top", "online", "review") open ordinary news links
// and partner-site names too ("free speech", "top officials").
bool IsSellingWord(std::string_view word);

// Big shops and affiliate networks a shopping guide links to ("Buy at
// Amazon"): their names are not off-topic content.
bool IsRetailerWord(std::string_view word);

// The verdict of the spam-anchor lexicon on a short text.
struct SpamScore {
  std::string category;             // best category, "" when nothing matched
  double score = 0;                 // its score; >= kSpamThreshold is spam
  std::vector<std::string> terms;   // lexicon terms and cues that matched
  bool veto = false;                // a news word ("stocks", "ban") cancelled it
  bool spam() const;
};

inline constexpr double kSpamThreshold = 1.0;
// Longest anchor text (in words) the scorer judges: longer anchors are
// sentences, where the words of the lexicon are ordinary news vocabulary.
inline constexpr size_t kMaxAnchorWords = 10;

// Scores `text` against the built-in lexicon (rules/lexicons/links-spam-*.txt):
// per category the weights of the terms found, plus a bonus for a commercial
// cue; a game title with a game-currency word ("2k24 mt", "wow gold") scores
// as game currency when the other words are commerce filler. Case, spacing
// ("via gra"), leetspeak digits ("v1agra") and hyphenation ("pay-day") are
// normalised. Texts over kMaxAnchorWords words score 0.
// Cost: one pass over the bytes into two per-thread buffers (no allocation
// per word), and per word and pair of words two table reads that rule out
// most lexicon lookups; a text where no word can start a term and none is a
// game-currency word returns there (most anchors and lines).
SpamScore ScoreSpam(std::string_view text);

// The span of `link` in the text: its anchor text on its line when found,
// else the whole line; for a link without a line, the first occurrence of its
// anchor text, else an empty span at 0 (the finding then sits on line 1).
Span LinkSpan(const Article& article, Analysis& analysis, const Link& link);

// What the links/* rules read of each of an article's links, worked out once
// per article (`analysis.Shared<LinkFacts>()`): six rules read every link,
// and each parsed every href and scored anchors again (a page carries fifty
// links or more: menu, share buttons, related stories, footer). The URL
// facts are read for every link when the view is built; the anchor's spam
// score on first request (links/spam-anchor asks it of every link, the
// other rules only of outside ones).
struct LinkFact {
  UrlParts url;             // ParseUrl(link.href)
  std::string registered;   // RegisteredDomain(url.host); "" without a host
  bool outbound = false;    // IsOutbound(url.host, article.site)
  bool social = false;      // IsSocialHost(url.host)
  bool outside() const { return outbound && !social; }  // an unrelated outbound link
};

class LinkFacts {
 public:
  explicit LinkFacts(Analysis& analysis);
  // The facts of article.links[i].
  const LinkFact& operator[](size_t i) const { return facts_[i]; }
  size_t size() const { return facts_.size(); }
  // ScoreSpam(article.links[i].anchor_text), scored on the first request.
  const SpamScore& Spam(size_t i) const;

 private:
  const Article& article_;
  std::vector<LinkFact> facts_;
  mutable std::vector<SpamScore> spam_;
  mutable std::vector<bool> scored_;
};

// Word counts of the article's title and text, less the words of its visible
// anchors, so that an anchor's own words do not count as the article's.
class ArticleVocabulary {
 public:
  explicit ArticleVocabulary(Analysis& analysis);
  ArticleVocabulary(const ArticleVocabulary&) = delete;  // counts_ holds views of words_
  ArticleVocabulary& operator=(const ArticleVocabulary&) = delete;
  // Whether `word` (from ContentWords) occurs in the article outside anchors.
  bool Has(std::string_view word) const;

 private:
  std::string words_;  // the words of the text and the title, lower-cased
  // Looked up only, never iterated.
  absl::flat_hash_map<std::string_view, int, StringHash, StringEq> counts_;
};

}  // namespace newslint::links

#endif  // NEWSLINT_RULES_LINK_SIGNALS_H_
