// Tests of the links/* rules and what they share (rules/links/).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "lint/analysis.h"
#include "lint/config.h"
#include "lint/readers/html_extractor.h"
#include "lint/registry.h"
#include "rules/link_blocklist.h"
#include "rules/link_signals.h"
#include "rules/rules.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;
using links::ScoreSpam;

std::vector<Finding> RunOn(const Rule& rule, const Article& article,
                           std::map<std::string, OptionValue> options = {}) {
  Analysis analysis(article);
  std::vector<Finding> findings;
  FindingSink sink(rule.info().id, rule.info().default_severity, &findings);
  rule.Check(article, analysis, RuleOptions(std::move(options)), sink);
  return findings;
}

std::string Str(const Finding& f, std::string_view key) {
  const EvidenceValue* v = EvidenceOf(f, key);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}

Article PageArticle(std::string_view html, std::string_view site) {
  Article a;
  ExtractHtml(html, &a);
  a.site = std::string(site);
  return a;
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("newslint-links-" + name + "-" +
                                              std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void WriteFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// --- The scorer ------------------------------------------------------------

TEST(SpamScoreTest, GameTitleWithCurrencyIsGameCurrency) {
  for (const char* text : {"nba 2k23 mt", "NBA 2K24 MT", "buy cheap wow gold", "fifa 24 coins",
                           "osrs gold", "poe currency", "NBA-2K25 MT fast delivery"}) {
    links::SpamScore s = ScoreSpam(text);
    EXPECT_TRUE(s.spam()) << text;
    EXPECT_EQ(s.category, "game-currency") << text;
  }
}

TEST(SpamScoreTest, GameWordsInOrdinaryPhrasesAreNot) {
  for (const char* text : {"FIFA coins explained", "NBA 2K", "the coins in the new season",
                           "WOW gold medal for Norway", "How NBA 2K24 changed its MT rules"}) {
    EXPECT_FALSE(ScoreSpam(text).spam()) << text;
  }
}

TEST(SpamScoreTest, NormalisesCaseSpacingLeetAndHyphens) {
  EXPECT_EQ(ScoreSpam("V1AGRA online").category, "pharmacy");
  EXPECT_TRUE(ScoreSpam("V1AGRA online").spam());
  EXPECT_TRUE(ScoreSpam("via gra online").spam());  // split word
  EXPECT_TRUE(ScoreSpam("pay-day loans").spam());   // hyphenated
  EXPECT_TRUE(ScoreSpam("paydayloans").spam());     // run together
  EXPECT_TRUE(ScoreSpam("c@sino bonus").spam());
}

TEST(SpamScoreTest, WeakTermsNeedACue) {
  EXPECT_FALSE(ScoreSpam("online casino").spam());
  links::SpamScore s = ScoreSpam("best online casino");
  EXPECT_TRUE(s.spam());
  EXPECT_DOUBLE_EQ(s.score, 1.1);
  EXPECT_EQ(s.terms, (std::vector<std::string>{"online casino", "best"}));
}

TEST(SpamScoreTest, NewsWordsVetoButNotInsideATerm) {
  EXPECT_FALSE(ScoreSpam("best casino stocks").spam());
  EXPECT_FALSE(ScoreSpam("payday loans crackdown").spam());
  EXPECT_TRUE(ScoreSpam("ray ban outlet").spam());  // "ban" belongs to the term
}

TEST(SpamScoreTest, LongTextsAreNotJudged) {
  EXPECT_EQ(ScoreSpam("the board said payday loans would be capped at twice the sum lent").score, 0);
}

// --- URLs ------------------------------------------------------------------

TEST(UrlTest, ParsesHostsAndRegisteredDomains) {
  links::UrlParts u = links::ParseUrl("https://user@News.BBC.co.uk:443/a/b?x=1#top");
  EXPECT_EQ(u.host, "news.bbc.co.uk");
  EXPECT_EQ(u.path, "/a/b");
  EXPECT_EQ(u.query, "x=1");
  EXPECT_EQ(links::RegisteredDomain(u.host), "bbc.co.uk");
  EXPECT_EQ(links::RegisteredDomain("a.b.example.com"), "example.com");
  EXPECT_EQ(links::ParseUrl("/local/story").host, "");
  EXPECT_EQ(links::ParseUrl("mailto:desk@example.com").host, "");
  EXPECT_EQ(links::ParseUrl("//cdn.example.net/x").host, "cdn.example.net");
  EXPECT_EQ(links::ParseUrl("bit.ly/abc", true).host, "bit.ly");
  EXPECT_TRUE(links::IsIpHost("203.0.113.7"));
  EXPECT_FALSE(links::IsIpHost("203.0.113"));
  EXPECT_FALSE(links::IsIpHost("1.2.3.400"));
  EXPECT_TRUE(links::IsOutbound("shop.example.org", "news.example.com"));
  EXPECT_FALSE(links::IsOutbound("cdn.example.com", "news.example.com"));
}

TEST(UrlTest, SchemeIsReadOnlyBeforeThePathQueryOrFragment) {
  EXPECT_EQ(links::ParseUrl("HTTPS://Example.COM./a").scheme, "https");
  EXPECT_EQ(links::ParseUrl("HTTPS://Example.COM./a").host, "example.com");
  EXPECT_EQ(links::ParseUrl("ftp://files.example.org").host, "files.example.org");
  EXPECT_EQ(links::ParseUrl("ftp://files.example.org").path, "");
  // A ':' after a '/', '?' or '#' is not a scheme's: these stay on the site.
  for (const char* relative : {"/a:b", "?q=http://x.example", "#x:y", "path/to:x"}) {
    EXPECT_EQ(links::ParseUrl(relative).host, "") << relative;
    EXPECT_EQ(links::ParseUrl(relative).scheme, "") << relative;
  }
  EXPECT_EQ(links::ParseUrl("1http://x.example/").host, "");  // a scheme starts with a letter
  EXPECT_EQ(links::ParseUrl("javascript:void(0)").host, "");
  EXPECT_EQ(links::ParseUrl("https:relative").host, "");
  EXPECT_EQ(links::ParseUrl("https://a.example\\evil.example/x").host, "a.example");
  EXPECT_EQ(links::ParseUrl("https://a.example#frag?no").query, "");
  EXPECT_EQ(links::ParseUrl("https://a.example/p?x=1#f").path, "/p");
  EXPECT_EQ(links::ParseUrl("  www.Example.com?x=2").host, "www.example.com");
  EXPECT_EQ(links::ParseUrl("  www.Example.com?x=2").query, "x=2");
  // Without "//", what comes before a ':' is a scheme (RFC 3986 allows '.'
  // in one), so a bare host with a port is not read as a host.
  EXPECT_EQ(links::ParseUrl("www.example.com:8080/x").host, "");
  EXPECT_EQ(links::ParseUrl("[::1]/x", true).host, "[::1]");
}

// LinkFacts works out, once per article, what the rules asked of every link
// themselves before: the same answers as the functions, link by link.
TEST(LinkFactsTest, SameAnswersAsAskingTheFunctionsPerLink) {
  const std::vector<std::string> hrefs = {
      "/world", "#top", "mailto:desk@example.com", "tel:+15550100", "javascript:void(0)",
      "https://www.example.com/news/1", "https://example.com/", "//cdn.example.com/x.js",
      "https://news.example.co.uk/a", "https://example.co.uk", "https://www.facebook.com/sharer?u=1",
      "https://m.facebook.com/page", "https://twitter.com/intent/tweet", "https://t.co/abc",
      "https://bit.ly/3xYz", "http://203.0.113.7/promo", "https://[2001:db8::1]/x",
      "https://xn--pple-43d.com/login", "HTTPS://SHOP.Example.ORG./Buy?aff_id=7",
      "https://user@casino.example.net:8443/bonus", "www.pills.example.biz/cheap",
      "https://gov.uk", "https://localhost/x", ""};
  const std::vector<std::string> anchors = {"Home", "buy cheap viagra online", "nba 2k24 mt",
                                            "Read the full report", "payday loans", "",
                                            "best casino bonus", "stocks fell on loan fears"};
  for (const std::string site : {"example.com", "news.example.co.uk", "", "203.0.113.7",
                                 "facebook.com"}) {
    Article article;
    article.site = site;
    article.text = "Story text.";
    for (size_t i = 0; i < hrefs.size(); ++i) {
      Link link;
      link.href = hrefs[i];
      link.anchor_text = anchors[i % anchors.size()];
      article.links.push_back(link);
    }
    Analysis analysis(article);
    const links::LinkFacts& facts = analysis.Shared<links::LinkFacts>();
    ASSERT_EQ(facts.size(), hrefs.size());
    for (size_t i = 0; i < hrefs.size(); ++i) {
      SCOPED_TRACE("site '" + site + "', href '" + hrefs[i] + "'");
      const links::UrlParts url = links::ParseUrl(hrefs[i]);
      const links::LinkFact& f = facts[i];
      EXPECT_EQ(f.url.scheme, url.scheme);
      EXPECT_EQ(f.url.host, url.host);
      EXPECT_EQ(f.url.path, url.path);
      EXPECT_EQ(f.url.query, url.query);
      EXPECT_EQ(f.registered, url.host.empty() ? "" : links::RegisteredDomain(url.host));
      EXPECT_EQ(f.outbound, links::IsOutbound(url.host, site));
      EXPECT_EQ(f.social, !url.host.empty() && links::IsSocialHost(url.host));
      EXPECT_EQ(f.outside(), links::IsOutbound(url.host, site) && !links::IsSocialHost(url.host));
      const links::SpamScore expected = ScoreSpam(article.links[i].anchor_text);
      const links::SpamScore& got = facts.Spam(i);
      EXPECT_EQ(got.category, expected.category);
      EXPECT_EQ(got.score, expected.score);
      EXPECT_EQ(got.terms, expected.terms);
      EXPECT_EQ(got.veto, expected.veto);
    }
  }
}

// The words as MatchWords read them before it wrote them into one buffer
// (a std::string per word, built byte by byte), the content words and the
// article's vocabulary built from those: the references for the
// buffer-writing versions.
std::vector<std::string> ReferenceMatchWords(std::string_view text) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool inner = (c == '@' || c == '$') && !cur.empty() && i + 1 < text.size() &&
                       alpha(text[i + 1]);
    if (alpha(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80 || inner) {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::vector<std::string> ReferenceContentWords(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& w : ReferenceMatchWords(text)) {
    const bool has_alpha = std::any_of(w.begin(), w.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
    if (w.size() >= 3 && has_alpha && !links::IsStopWord(w)) out.push_back(w);
  }
  return out;
}

TEST(ArticleVocabularyTest, SameWordsAndAnswersAsAStringPerWord) {
  const std::vector<std::string> pieces = {
      "The", "budget", "vote", "c@sino", "ca$ino", "$100", "@handle", "e-mail", "naïve",
      "Zürich", "v1agra", "THE", "and", "of", "2K24", "100mg", "U.S.", "don't", "x", "ab",
      "Ray-Ban", "mid-2020s", "#tag", "a@", "@b", "$", "@@x", "user@host.example", "\xe2\x80\x94",
      "\xff", "Buy", "cheap", "sunglasses", "report", "Reports", "minister", "said", "9", "1st"};
  const std::vector<std::string> gaps = {" ", "  ", "\n", ", ", ". ", "-", "_", "/", "\t", "", "'"};
  std::mt19937 rng(20261202);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto text_of = [&](size_t words) {
    std::string t;
    for (size_t i = 0; i < words; ++i) t += pick(pieces) + pick(gaps);
    return t;
  };
  for (int round = 0; round < 400; ++round) {
    Article article;
    article.text = text_of(rng() % 120);
    article.title = text_of(rng() % 10);
    for (size_t k = rng() % 6; k > 0; --k) {
      Link link;
      link.href = "https://shop.example/x";
      link.anchor_text = text_of(1 + rng() % 4);
      link.line = static_cast<int64_t>(rng() % 2);  // 0: not in the text
      article.links.push_back(link);
    }
    SCOPED_TRACE("text '" + article.text + "', title '" + article.title + "'");
    EXPECT_EQ(links::MatchWords(article.text), ReferenceMatchWords(article.text));
    EXPECT_EQ(links::ContentWords(article.text), ReferenceContentWords(article.text));
    std::map<std::string, int> counts;
    for (const std::string& w : ReferenceContentWords(article.text)) ++counts[w];
    for (const Link& link : article.links) {
      if (link.line <= 0) continue;
      for (const std::string& w : ReferenceContentWords(link.anchor_text)) {
        if (auto it = counts.find(w); it != counts.end()) --it->second;
      }
    }
    for (const std::string& w : ReferenceContentWords(article.title)) counts[w] += 1000;
    Analysis analysis(article);
    const links::ArticleVocabulary& vocab = analysis.Shared<links::ArticleVocabulary>();
    std::set<std::string> asked;
    for (const std::string& p : pieces) {
      for (const std::string& w : ReferenceMatchWords(p)) asked.insert(w);
    }
    for (const auto& [w, n] : counts) asked.insert(w);
    for (const std::string& w : asked) {
      auto it = counts.find(w);
      EXPECT_EQ(vocab.Has(w), it != counts.end() && it->second > 0) << w;
    }
  }
}

// --- Blocklist -------------------------------------------------------------

TEST(BlocklistTest, ReadsDomainsAndLooksUpParentsUpToTheRegisteredDomain) {
  links::Blocklist list;
  list.AddDomains("# comment\n\nWWW.Casino-Royal.example\n*.pills.example.\nco.uk\n bad.example \n",
                  "gambling");
  EXPECT_EQ(list.size(), 4u);
  EXPECT_TRUE(list.Find("casino-royal.example"));
  EXPECT_TRUE(list.Find("bad.example"));
  auto m = list.FindHost("shop.pills.example", "pills.example");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->domain, "pills.example");
  EXPECT_EQ(m->category, "gambling");
  // A listed public suffix does not take down every site under it.
  EXPECT_FALSE(list.FindHost("news.bbc.co.uk", "bbc.co.uk"));
  EXPECT_FALSE(list.FindHost("example", "example"));
}

TEST(BlocklistTest, KeepsTheFirstCategoryAndSurvivesGrowth) {
  links::Blocklist list;
  list.AddDomains("a.example\n", "first");
  list.AddDomains("a.example\n", "second");
  EXPECT_EQ(list.size(), 1u);
  EXPECT_EQ(list.Find("a.example")->category, "first");
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "site" + std::to_string(i) + ".example\n";
  list.AddDomains(many, "bulk");
  EXPECT_EQ(list.size(), 200001u);
  EXPECT_TRUE(list.Find("site0.example"));
  EXPECT_TRUE(list.Find("site199999.example"));
  EXPECT_FALSE(list.Find("site200000.example"));
  EXPECT_LT(list.MemoryBytes(), 200001u * 48);  // table at most half full + arena
}

TEST(BlocklistTest, LoadsUt1FoldersAndPlainFiles) {
  fs::path dir = TempDir("ut1");
  WriteFile(dir / "ut1" / "gambling" / "domains", "spin.example\n");
  WriteFile(dir / "ut1" / "phishing" / "domains", "fake-bank.example\n");
  WriteFile(dir / "ut1" / "README", "not a category\n");
  WriteFile(dir / "extra-spam.txt", "junk.example\n");
  links::Blocklist list;
  std::string error;
  ASSERT_TRUE(list.Load({(dir / "ut1").string(), (dir / "extra-spam.txt").string()}, &error))
      << error;
  EXPECT_EQ(list.Find("spin.example")->category, "gambling");
  EXPECT_EQ(list.Find("fake-bank.example")->category, "phishing");
  EXPECT_EQ(list.Find("junk.example")->category, "extra-spam");
  links::Blocklist one;
  ASSERT_TRUE(one.Load({(dir / "ut1" / "gambling").string()}, &error)) << error;
  EXPECT_EQ(one.Find("spin.example")->category, "gambling");
  links::Blocklist bad;
  EXPECT_FALSE(bad.Load({(dir / "missing").string()}, &error));
  EXPECT_NE(error.find("missing"), std::string::npos);
  fs::remove_all(dir);
}

// A million domains load and are all found. How fast is a benchmark's
// question (BM_LinksBlocklistLoad in bench/links_benchmark.cc), not a test's.
TEST(BlocklistTest, LoadsAMillionDomains) {
  std::mt19937_64 rng(7);
  std::string text;
  text.reserve(20 << 20);
  std::string first;
  for (int i = 0; i < 1000000; ++i) {
    uint64_t r = rng();
    const size_t at = text.size();
    for (int k = 0; k < 10; ++k, r /= 26) text.push_back(static_cast<char>('a' + r % 26));
    text += ".example\n";
    if (i == 0) first = text.substr(at, text.size() - at - 1);
  }
  links::Blocklist list;
  list.AddDomains(text, "bulk");
  EXPECT_GT(list.size(), 990000u);
  EXPECT_TRUE(list.Find(first).has_value()) << first;
  EXPECT_FALSE(list.Find("not-listed.example").has_value());
}

// --- Config ----------------------------------------------------------------

TEST(LinksConfigTest, ResolvesBlocklistsAndHandsThemToTheRule) {
  fs::path dir = TempDir("config");
  WriteFile(dir / "lists" / "spam.txt", "spam.example\n");
  WriteFile(dir / "newslint.toml", "[links]\nblocklists = [\"lists/spam.txt\"]\n");
  auto rules = MakeAllRules();
  Config config;
  std::string error;
  ASSERT_TRUE(LoadConfig((dir / "newslint.toml").string(), AllRuleInfos(rules), &config, &error))
      << error;
  ASSERT_EQ(config.link_blocklists.size(), 1u);
  EXPECT_EQ(config.link_blocklists[0], (dir / "lists" / "spam.txt").string());
  const auto& opts = config.rules["links/blocklisted-domain"].options;
  ASSERT_TRUE(opts.count("blocklists"));
  EXPECT_EQ(std::get<std::vector<std::string>>(opts.at("blocklists")), config.link_blocklists);

  WriteFile(dir / "newslint.toml", "[links]\nblocklists = [\"lists/nope.txt\"]\n");
  Config bad;
  EXPECT_FALSE(LoadConfig((dir / "newslint.toml").string(), AllRuleInfos(rules), &bad, &error));
  EXPECT_NE(error.find("nope.txt"), std::string::npos);
  WriteFile(dir / "newslint.toml", "[links]\nblocklist = [\"lists/spam.txt\"]\n");
  EXPECT_FALSE(LoadConfig((dir / "newslint.toml").string(), AllRuleInfos(rules), &bad, &error));
  EXPECT_NE(error.find("unknown key 'blocklist'"), std::string::npos);
  WriteFile(dir / "newslint.toml", "[links]\nblocklists = \"lists/spam.txt\"\n");
  EXPECT_FALSE(LoadConfig((dir / "newslint.toml").string(), AllRuleInfos(rules), &bad, &error));
  fs::remove_all(dir);
}

// --- Rules -----------------------------------------------------------------

TEST(BlocklistedDomainTest, FlagsListedHostsWithTheirCategory) {
  fs::path dir = TempDir("rule");
  WriteFile(dir / "ut1" / "gambling" / "domains", "spin-palace.example\n");
  Article a;
  a.text = "Story line one.\nLucky spins\n";
  a.site = "news.example.com";
  a.links = {{"https://promo.spin-palace.example/x", "Lucky spins", 2, LinkRegion::kFooter},
             {"https://other.example/", "Other", 0, LinkRegion::kBody}};
  auto rule = MakeBlocklistedDomainRule();
  auto findings = RunOn(*rule, a, {{"blocklists", std::vector<std::string>{(dir / "ut1").string()}}});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Str(findings[0], "category"), "gambling");
  EXPECT_EQ(Str(findings[0], "domain"), "spin-palace.example");
  EXPECT_EQ(Str(findings[0], "host"), "promo.spin-palace.example");
  EXPECT_EQ(Str(findings[0], "region"), "footer");
  EXPECT_EQ(findings[0].span.start, 16u);
  EXPECT_TRUE(RunOn(*rule, a).empty());  // no lists configured
  fs::remove_all(dir);
}

TEST(SpamAnchorTest, FlagsTheStrayLineOnceAndSaysWhy) {
  auto rule = MakeSpamAnchorRule();
  std::string story;
  for (int i = 0; i < 6; ++i) {
    story += "The council met on Tuesday to discuss the harbour budget and the new ferry timetable.\n";
  }
  auto findings = RunRule(*rule, story + "\nnba 2k23 mt\n\nContact us\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Str(findings[0], "category"), "game-currency");
  EXPECT_EQ(Str(findings[0], "signal"), "stray-line");
  EXPECT_EQ(Str(findings[0], "region"), "region:tail");
  EXPECT_EQ(findings[0].span.start, story.size() + 1);
  EXPECT_EQ(findings[0].span.size(), 11u);
  // Seven words is no stray anchor; a sentence is prose.
  EXPECT_TRUE(RunRule(*rule, story + "\nbuy cheap wow gold now and here\n").empty());
  EXPECT_TRUE(RunRule(*rule, story + "\nBuy cheap wow gold.\n").empty());
}

TEST(SpamAnchorTest, SubHeadingSharingWordsWithItsParagraphIsNotFlagged) {
  auto rule = MakeSpamAnchorRule();
  std::string text =
      "The regulator proposed a cap on the cost of short-term loans on Monday, officials said.\n"
      "Lenders said the cap would push some borrowers towards unlicensed firms, they said.\n"
      "Payday loans no credit check\n"
      "Payday loans with no credit check would be banned outright under the proposal, it said.\n"
      "The consultation closes at the end of next month, the regulator said on Monday.\n";
  EXPECT_TRUE(RunRule(*rule, text).empty());
}

TEST(SpamAnchorTest, LinkAndItsLineAreOneFinding) {
  auto rule = MakeSpamAnchorRule();
  Article a;
  a.text = "Story text here.\nbest essay writing service\n";
  a.links = {{"https://essays.example/", "best essay writing service", 0, LinkRegion::kUnknown}};
  auto findings = RunOn(*rule, a);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Str(findings[0], "signal"), "anchor-text");
  EXPECT_EQ(Str(findings[0], "host"), "essays.example");
  EXPECT_EQ(findings[0].span.start, 17u);
}

TEST(HiddenLinkTest, CssTricksHideLinksAndDuplicatesDoNotCount) {
  const std::string page = R"(<html><body><article>
<p>The mayor opened the new bridge on Saturday morning in front of a large crowd of residents.</p>
<p>Residents can read more <a href="https://www.city.example/bridge">on the city website</a>.
<span style="font-size: 0"><a href="https://pills.example/">cheap cialis</a></span>
<span style="position:absolute; left:-9999px"><a href="https://spin.example/">lucky spins casino</a></span>
<span style="opacity:0.5"><a href="https://ok.example/">faded but shown</a></span>
<a href="https://www.city.example/bridge" aria-hidden="true">bridge photo</a></p>
<div style="width:0;height:0;overflow:hidden"><a href="https://essays.example/">essay help</a></div>
<div style="display:none"><a href="https://www.audit-office.example/report">Read the full report</a></div>
</article></body></html>)";
  Article a = PageArticle(page, "news.example.org");
  auto rule = MakeHiddenLinkRule();
  auto findings = RunOn(*rule, a);
  std::vector<std::string> hosts;
  for (const Finding& f : findings) hosts.push_back(Str(f, "host"));
  EXPECT_EQ(hosts, (std::vector<std::string>{"pills.example", "spin.example", "essays.example"}));
  // Text hidden by size or position stays in the extracted text.
  EXPECT_NE(a.text.find("cheap cialis"), std::string::npos);
  EXPECT_EQ(Str(findings[0], "category"), "pharmacy");
}

TEST(OffTopicAnchorTest, CommercialAnchorsWithoutSharedWords) {
  Article a;
  a.text = "The council approved the budget for the new swimming pool on Tuesday evening.\n"
           "Buy at Amazon | cheap ray ban sunglasses | discount swimming goggles\n";
  a.site = "news.example.com";
  a.links = {{"https://www.amazon.com/dp/X?tag=a-20", "Buy at Amazon", 2, LinkRegion::kBody},
             {"https://shades.example/", "cheap ray ban sunglasses", 2, LinkRegion::kBody},
             {"https://goggles.example/", "discount swimming goggles", 2, LinkRegion::kBody},
             {"/local", "cheap parking tips", 2, LinkRegion::kBody}};
  auto findings = RunOn(*MakeOffTopicAnchorRule(), a);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Str(findings[0], "anchor"), "cheap ray ban sunglasses");
  EXPECT_EQ(Str(findings[0], "host"), "shades.example");
}

TEST(LinkFarmTest, NeedsManyDomainsAndCommercialAnchors) {
  Article a;
  a.text = "Story.\nfooter links\n";
  a.site = "news.example.com";
  auto add = [&](const std::string& host, const std::string& text) {
    a.links.push_back({"https://" + host + "/", text, 2, LinkRegion::kFooter});
  };
  for (const char* h : {"garden.example", "food.example", "motor.example", "travel.example",
                        "kids.example", "tech.example"}) {
    add(h, "Sister site");
  }
  auto rule = MakeLinkFarmRule();
  EXPECT_TRUE(RunOn(*rule, a).empty());  // a publisher's network
  add("a.example", "cheap loans");
  add("b.example", "best slots");
  add("c.example", "buy followers");
  auto findings = RunOn(*rule, a);
  ASSERT_EQ(findings.size(), 1u);
  const EvidenceValue* d = EvidenceOf(findings[0], "domains");
  ASSERT_TRUE(d);
  EXPECT_EQ(std::get<int64_t>(*d), 9);
  EXPECT_EQ(std::get<int64_t>(*EvidenceOf(findings[0], "commercial-anchors")), 3);
}

TEST(SuspiciousUrlTest, ShortenersIpsLookAlikesAndTrackingInText) {
  auto rule = MakeSuspiciousUrlRule();
  auto findings = RunRule(*rule,
                          "Details at bit.ly/3xYz9, or https://203.0.113.9/win and "
                          "https://xn--pple-43d.com/id. Read https://paper.example/a?utm_source=x&id=2.\n"
                          "Munich: https://xn--mnchen-3ya.de/ and e.g. 3.5 or example.com/a.\n");
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].span.start, 11u);
  EXPECT_EQ(findings[0].span.size(), 12u);  // "bit.ly/3xYz9" without the comma
  EXPECT_EQ(Str(findings[2], "looks-like"), "apple");
  const EvidenceValue* p = EvidenceOf(findings[3], "parameters");
  ASSERT_TRUE(p);
  EXPECT_EQ(std::get<std::vector<std::string>>(*p), std::vector<std::string>{"utm_source"});
}

TEST(SuspiciousUrlTest, AffiliateParametersInHrefsAloneAreOrdinary) {
  Article a;
  a.text = "Buy it here.\n";
  a.links = {{"https://www.shop.example/p?tag=guide-20&utm_source=x", "Buy it here", 1,
              LinkRegion::kBody},
             {"https://t.co/abc", "pic", 1, LinkRegion::kBody}};
  EXPECT_TRUE(RunOn(*MakeSuspiciousUrlRule(), a).empty());
}

}  // namespace
}  // namespace newslint

namespace newslint {
namespace {

TEST(SpamScoreTest, NewsHeadlinesWithLexiconWordsStayQuiet) {
  for (const char* text : {"Live: sex abuse inquiry", "Payday lender collapses", "Fortnite skins",
                           "Best Fortnite skins", "Casino Royale", "Crypto giveaway scam"}) {
    EXPECT_FALSE(links::ScoreSpam(text).spam()) << text;
  }
}

TEST(LinkFarmTest, PartnerSitesWithWeakCuesAreNotAFarm) {
  Article a;
  a.text = "Story.\nnetwork\n";
  a.site = "news.example.com";
  const char* sites[][2] = {{"freepress.example", "Free Press"}, {"topgear.example", "Top Gear"},
                            {"bestlife.example", "Best Life"}, {"online.example", "Online Edition"},
                            {"review.example", "The Review"}};
  for (const auto& s : sites) {
    a.links.push_back({std::string("https://") + s[0] + "/", s[1], 2, LinkRegion::kFooter});
  }
  EXPECT_TRUE(RunOn(*MakeLinkFarmRule(), a).empty());
}

}  // namespace
}  // namespace newslint

namespace newslint {
namespace {

TEST(SpamAnchorTest, AnchorGluedAfterTheLastSentence) {
  auto rule = MakeSpamAnchorRule();
  const std::string para = "The board will meet again in May to vote on the ferry terminal plan.";
  auto findings = RunRule(*rule, para + " buy cheap wow gold\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Str(findings[0], "signal"), "trailing-fragment");
  EXPECT_EQ(findings[0].span.start, para.size() + 1);
  EXPECT_EQ(findings[0].span.end, para.size() + 19);
  EXPECT_EQ(RunRule(*rule, para + "nba 2k23 mt\n").size(), 1u);  // glued without a space
  // Words after a decimal point or inside a sentence are not a fragment.
  EXPECT_TRUE(RunRule(*rule, "Shares in the casino group rose 3.5 casino bonus\n").empty());
  EXPECT_TRUE(RunRule(*rule, para + " The regulator said casino bonus offers would be capped.\n").empty());
}

}  // namespace
}  // namespace newslint
