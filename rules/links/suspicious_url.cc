// links/suspicious-url: a URL, in a link or written in the text, that hides
// where it goes or what it is: a URL shortener, a bare IP address, a
// punycode look-alike of a well-known name, or tracking and affiliate
// parameters left in a URL printed in the text.

#include <cstring>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lint/flat_hash.h"
#include "rules/lexicons/lexicon.h"
#include "rules/link_signals.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "links/suspicious-url",
    Severity::kWarning,
    "A URL that hides its destination or copies a known name: a URL shortener, an IP-address "
    "host, a punycode look-alike, or tracking and affiliate parameters printed in the text.",
    {}};

struct Shorteners {
  StringMap<bool> hosts;  // host -> pays per click; found by string_view
};

const Shorteners& ShortenerList() {
  static const Shorteners kList = [] {
    Shorteners s;
    for (std::string_view e : LexiconEntries("links-shorteners")) {
      std::vector<std::string> parts = EntryWords(e);
      if (!parts.empty()) s.hosts[parts[0]] = parts.size() > 1 && parts[1] == "ad";
    }
    return s;
  }();
  return kList;
}

// RFC 3492 Punycode decoding of one label without its "xn--" prefix; false
// on malformed input.
bool DecodePunycode(std::string_view in, std::u32string* out) {
  constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
  out->clear();
  size_t basic = in.rfind('-');
  if (basic != std::string_view::npos) {
    for (size_t i = 0; i < basic; ++i) out->push_back(static_cast<unsigned char>(in[i]));
    in.remove_prefix(basic + 1);
  }
  uint32_t n = 128, bias = 72;
  uint64_t i = 0;
  size_t pos = 0;
  while (pos < in.size()) {
    uint64_t old_i = i, w = 1;
    for (uint32_t k = kBase;; k += kBase) {
      if (pos >= in.size()) return false;
      char c = in[pos++];
      uint32_t digit;
      if (c >= 'a' && c <= 'z') digit = c - 'a';
      else if (c >= 'A' && c <= 'Z') digit = c - 'A';
      else if (c >= '0' && c <= '9') digit = c - '0' + 26;
      else return false;
      i += digit * w;
      if (i > 0x10FFFF * 64ull) return false;
      uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
      if (digit < t) break;
      w *= kBase - t;
    }
    uint64_t len = out->size() + 1;
    uint64_t delta = old_i == 0 ? (i - old_i) / kDamp : (i - old_i) / 2;
    delta += delta / len;
    uint32_t k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
      delta /= kBase - kTMin;
      k += kBase;
    }
    bias = k + static_cast<uint32_t>(((kBase - kTMin + 1) * delta) / (delta + kSkew));
    n += static_cast<uint32_t>(i / len);
    i %= len;
    if (n > 0x10FFFF) return false;
    out->insert(out->begin() + static_cast<ptrdiff_t>(i), n);
    ++i;
  }
  return true;
}

// The ASCII letter a character passes for (Cyrillic and Greek homoglyphs,
// Latin letters with diacritics); 0 when it passes for none.
char Skeleton(char32_t c) {
  if (c < 128) return static_cast<char>(c);
  static const std::unordered_map<char32_t, char> kMap = {
      {0x430, 'a'}, {0x435, 'e'}, {0x43E, 'o'}, {0x440, 'p'}, {0x441, 'c'}, {0x443, 'y'},
      {0x445, 'x'}, {0x456, 'i'}, {0x458, 'j'}, {0x455, 's'}, {0x501, 'd'}, {0x4BB, 'h'},
      {0x261, 'g'}, {0x3BF, 'o'}, {0x3B1, 'a'}, {0x3BD, 'v'}, {0x3B9, 'i'}, {0x3BA, 'k'},
      {0x3C1, 'p'}, {0x3C4, 't'}, {0x131, 'i'}, {0x1E37, 'l'}, {0x4CF, 'l'}, {0x3F2, 'c'},
      {0xE0, 'a'}, {0xE1, 'a'}, {0xE2, 'a'}, {0xE3, 'a'}, {0xE4, 'a'}, {0xE5, 'a'},
      {0xE8, 'e'}, {0xE9, 'e'}, {0xEA, 'e'}, {0xEB, 'e'}, {0xEC, 'i'}, {0xED, 'i'},
      {0xEE, 'i'}, {0xEF, 'i'}, {0xF2, 'o'}, {0xF3, 'o'}, {0xF4, 'o'}, {0xF5, 'o'},
      {0xF6, 'o'}, {0xF9, 'u'}, {0xFA, 'u'}, {0xFB, 'u'}, {0xFC, 'u'}, {0xE7, 'c'},
      {0xF1, 'n'}, {0xFD, 'y'}, {0x101, 'a'}, {0x113, 'e'}, {0x12B, 'i'}, {0x14D, 'o'}};
  auto it = kMap.find(c);
  return it == kMap.end() ? 0 : it->second;
}

// The well-known name a punycode label copies, or "".
std::string LookAlike(std::string_view host) {
  static const std::unordered_set<std::string> kBrands = [] {
    std::unordered_set<std::string> s;
    for (std::string_view e : LexiconEntries("links-brands")) s.emplace(e);
    return s;
  }();
  size_t i = 0;
  while (i < host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    std::string_view label = host.substr(i, j - i);
    i = j + 1;
    if (!label.starts_with("xn--")) continue;
    std::u32string decoded;
    if (!DecodePunycode(label.substr(4), &decoded)) continue;
    std::string skeleton;
    bool ok = true;
    for (char32_t c : decoded) {
      char s = Skeleton(c);
      if (s == 0) {
        ok = false;
        break;
      }
      if (s != '-') skeleton.push_back(s);
    }
    if (ok && kBrands.count(skeleton)) return skeleton;
  }
  return "";
}

// Query parameters that track a click or pay a referrer.
std::vector<std::string> TrackingParameters(std::string_view query) {
  static const std::unordered_set<std::string_view> kExact = {
      "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_eid", "mc_cid", "_hsenc",
      "_hsmi", "aff", "affid", "aff_id", "affiliate", "affiliate_id", "aff_sub", "clickid",
      "click_id", "subid", "ref_id", "partner_id"};
  std::vector<std::string> out;
  size_t i = 0;
  while (i < query.size()) {
    size_t amp = query.find('&', i);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(i, amp - i);
    std::string_view key = pair.substr(0, pair.find('='));
    if (key.starts_with("utm_") || kExact.count(key)) out.emplace_back(key);
    i = amp + 1;
  }
  return out;
}

struct Verdict {
  std::vector<std::string> signals;
  Evidence details;
};

Verdict Judge(const links::UrlParts& url, bool in_text) {
  Verdict v;
  if (url.host.empty()) return v;
  const Shorteners& sh = ShortenerList();
  const std::string_view host = url.host;
  auto it = sh.hosts.find(host.starts_with("www.") ? host.substr(4) : host);
  if (it != sh.hosts.end() && url.path.size() > 1) {
    v.signals.push_back(it->second ? "pay-per-click-shortener" : "shortener");
  }
  if (links::IsIpHost(url.host)) v.signals.push_back("ip-host");
  if (std::string brand = LookAlike(url.host); !brand.empty()) {
    v.signals.push_back("punycode-look-alike");
    v.details.emplace_back("looks-like", brand);
  }
  std::vector<std::string> params = TrackingParameters(url.query);
  // In an href, tracking and affiliate parameters are ordinary (a shopping
  // guide's links carry them); printed in the text they are leftovers, and
  // they add to another signal of the same URL.
  if (!params.empty() && (in_text || !v.signals.empty())) {
    v.signals.push_back("tracking-parameters");
    v.details.emplace_back("parameters", params);
  }
  return v;
}

bool IsUrlEdge(char c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '<' || c == '>' || c == '"' ||
         c == '\'' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

class SuspiciousUrlRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions&,
             FindingSink& sink) const override {
    std::set<std::pair<size_t, std::string>> reported;  // (span start, url)
    const links::LinkFacts* facts =
        article.links.empty() ? nullptr : &analysis.Shared<links::LinkFacts>();
    for (size_t i = 0; i < article.links.size(); ++i) {
      const Link& link = article.links[i];
      const links::UrlParts& url = (*facts)[i].url;
      Verdict v = Judge(url, false);
      if (v.signals.empty()) continue;
      Span span = links::LinkSpan(article, analysis, link);
      if (!reported.insert({span.start, link.href}).second) continue;
      Evidence ev = {{"signals", v.signals}, {"where", std::string("href")}, {"url", link.href},
                     {"host", url.host}, {"anchor", link.anchor_text},
                     {"region", std::string(LinkRegionName(link.region))}};
      ev.insert(ev.end(), v.details.begin(), v.details.end());
      sink.Report(span, "suspicious link (" + v.signals.front() + "): " + url.host, std::move(ev));
    }
    // URLs written in the text.
    // The text is read as chunks, maximal runs of bytes above ' ', and only
    // a chunk with a '.' can be a URL (the test below). So the scan jumps
    // from one '.' to the next (memchr) and widens each to its chunk: the
    // same chunks with a '.', in the same order, without reading every
    // byte of the text twice.
    std::string_view text = article.text;
    const char* const data = text.data();
    size_t i = 0;  // chunks before i are done
    while (i < text.size()) {
      const void* dot = std::memchr(data + i, '.', text.size() - i);
      if (dot == nullptr) break;
      const size_t d = static_cast<size_t>(static_cast<const char*>(dot) - data);
      size_t start = d;  // the chunk's start: i is at a chunk edge or before it
      while (start > i && static_cast<unsigned char>(text[start - 1]) > ' ') --start;
      size_t j = d + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) > ' ') ++j;
      size_t b = start, e = j;
      i = j;
      while (b < e && IsUrlEdge(text[b])) ++b;
      while (e > b && IsUrlEdge(text[e - 1])) --e;
      std::string_view chunk = text.substr(b, e - b);
      if (chunk.size() < 6 || chunk.find('.') == std::string_view::npos) continue;
      bool explicit_url = chunk.find("://") != std::string_view::npos ||
                          chunk.starts_with("www.") || chunk.starts_with("WWW.");
      links::UrlParts url = links::ParseUrl(chunk, /*allow_bare=*/true);
      if (!explicit_url) {
        // A bare "bit.ly/abc" is a URL; a bare "1.2.3.4" or "e.g." is not.
        if (!ShortenerList().hosts.count(url.host) || url.path.size() < 2) continue;
      }
      Verdict v = Judge(url, true);
      if (v.signals.empty()) continue;
      bool seen = false;  // the text shows a URL a link already reported
      for (const auto& r : reported) seen |= r.first == b;
      if (seen || !reported.insert({b, std::string(chunk)}).second) continue;
      Evidence ev = {{"signals", v.signals}, {"where", std::string("text")},
                     {"url", std::string(chunk)}, {"host", url.host}};
      ev.insert(ev.end(), v.details.begin(), v.details.end());
      sink.Report({b, e}, "suspicious URL in the text (" + v.signals.front() + "): " + url.host,
                  std::move(ev));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSuspiciousUrlRule() { return std::make_unique<SuspiciousUrlRule>(); }

}  // namespace newslint
