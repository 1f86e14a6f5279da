#include "rules/link_signals.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "absl/container/inlined_vector.h"
#include "lint/flat_hash.h"
#include "lint/scratch.h"
#include "rules/lexicons/lexicon.h"

namespace newslint::links {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(char c) {
  return IsAsciiAlpha(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Lexicon words, looked up by string_view per word; never iterated.
StringSet WordSet(std::string_view lexicon) {
  StringSet out;
  for (std::string_view e : LexiconEntries(lexicon)) out.insert(LowerCopy(e));
  return out;
}

// Two-label public suffixes common in news links: a stand-in for the public
// suffix list, which the binary does not carry.
bool IsSecondLevelSuffix(std::string_view label2, std::string_view tld) {
  static const StringViewSet kSecond = {
      "co", "com", "net", "org", "gov", "edu", "ac", "ltd", "plc", "me", "or", "ne", "go", "gob",
      "nic", "mil", "sch", "nhs", "police", "gv", "asn", "id", "in", "info", "biz", "nom"};
  return tld.size() == 2 && kSecond.count(label2) > 0;
}

// Leetspeak digits and symbols read as the letters they stand for.
char Unleet(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    case '@': return 'a';
    case '$': return 's';
    default: return c;
  }
}

// Whether a token is a game edition such as "2k23" (kept as written, never
// un-leeted).
bool IsTwoKEdition(std::string_view w) {
  return w.size() == 4 && w[0] == '2' && w[1] == 'k' && IsDigit(w[2]) && IsDigit(w[3]);
}

// Whether a token is a dosage ("100mg"): a pharmacy cue.
bool IsDosage(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && IsDigit(w[i])) ++i;
  return i > 0 && i + 2 == w.size() && w.substr(i) == "mg";
}

struct Term {
  std::string category;
  double weight = 0;
  std::vector<std::string> words;
  std::string joined;  // words without spaces, for "paydayloans"
  std::string text;    // as written in the lexicon
};

// Phrases by the words they can start with (their first word, and their
// words run together), so a text is compared only with phrases that may
// match it.
// Looked up (Candidates), and iterated only to fill the order-free
// EdgeLengthFilters of its keys.
using PhraseIndex = StringMap<std::vector<int>>;

void IndexPhrase(PhraseIndex* index, const std::vector<std::string>& words,
                 const std::string& joined, int id) {
  if (words.empty()) return;
  (*index)[words[0]].push_back(id);
  if (words.size() > 1) (*index)[joined].push_back(id);
}

struct Lexicon {
  std::vector<Term> terms;  // longest first, so terms never overlap
  std::vector<std::vector<std::string>> titles;
  std::vector<std::string> titles_joined;
  PhraseIndex term_index;
  PhraseIndex title_index;
  // Filters in front of the two indexes and the currency set: most words of
  // an anchor start no phrase, and two table reads say so without hashing.
  EdgeLengthFilter term_filter;
  EdgeLengthFilter title_filter;
  EdgeLengthFilter currency_filter;
  StringSet currency;
  StringSet cues;
  StringSet vetoes;
};

const Lexicon& SpamLexicon() {
  static const Lexicon kLexicon = [] {
    Lexicon lex;
    for (std::string_view e : LexiconEntries("links-spam-terms")) {
      std::vector<std::string> parts = EntryWords(e);
      if (parts.size() < 3) continue;
      Term t;
      t.category = parts[0];
      t.weight = std::strtod(parts[1].c_str(), nullptr);
      t.words.assign(parts.begin() + 2, parts.end());
      for (const std::string& w : t.words) {
        t.joined += w;
        if (!t.text.empty()) t.text += ' ';
        t.text += w;
      }
      lex.terms.push_back(std::move(t));
    }
    std::stable_sort(lex.terms.begin(), lex.terms.end(),
                     [](const Term& a, const Term& b) { return a.words.size() > b.words.size(); });
    for (std::string_view e : LexiconEntries("links-game-titles")) {
      lex.titles.push_back(EntryWords(e));
      std::string joined;
      for (const std::string& w : lex.titles.back()) joined += w;
      lex.titles_joined.push_back(std::move(joined));
    }
    for (size_t i = 0; i < lex.terms.size(); ++i) {
      IndexPhrase(&lex.term_index, lex.terms[i].words, lex.terms[i].joined, static_cast<int>(i));
    }
    for (size_t i = 0; i < lex.titles.size(); ++i) {
      IndexPhrase(&lex.title_index, lex.titles[i], lex.titles_joined[i], static_cast<int>(i));
    }
    for (const auto& [key, ids] : lex.term_index) lex.term_filter.Add(key);
    for (const auto& [key, ids] : lex.title_index) lex.title_filter.Add(key);
    lex.currency = WordSet("links-game-currency");
    for (const std::string& w : lex.currency) lex.currency_filter.Add(w);
    lex.cues = WordSet("links-spam-cues");
    lex.vetoes = WordSet("links-spam-vetoes");
    return lex;
  }();
  return kLexicon;
}

// Lower-cases the words of `text` one after the other into `out` (room for
// text.size() bytes) and calls f(word) with each, a view of `out`: the words
// of MatchWords without a std::string per word. A word is a run of ASCII
// letters and digits and non-ASCII bytes; "@" and "$" inside a word, before
// a letter, are letters too ("c@sino", "ca$ino") and elsewhere separate
// words.
template <typename F>
void ForEachMatchWord(std::string_view text, char* out, F&& f) {
  size_t len = 0;    // bytes written
  size_t start = 0;  // of the word being read
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool inner_symbol = (c == '@' || c == '$') && in_word && i + 1 < text.size() &&
                              IsAsciiAlpha(text[i + 1]);
    if (IsWordByte(c) || inner_symbol) {
      if (!in_word) {
        in_word = true;
        start = len;
      }
      out[len++] = Lower(c);
    } else if (in_word) {
      in_word = false;
      f(std::string_view(out + start, len - start));
    }
  }
  if (in_word) f(std::string_view(out + start, len - start));
}

// A per-thread buffer of at least `size` bytes for ForEachMatchWord (one
// that grew past kMaxKeptBytes for a long text is let go at the next call).
char* WordBuffer(size_t size) {
  thread_local std::string buffer;
  if (buffer.size() > kMaxKeptBytes && size <= kMaxKeptBytes) std::string().swap(buffer);
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

// A content word: three bytes or more, a letter among them (ASCII or not),
// not a stop word.
bool IsContentWord(std::string_view w) {
  if (w.size() < 3) return false;
  const bool has_alpha = std::any_of(w.begin(), w.end(), [](char c) {
    return IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
  });
  return has_alpha && !IsStopWord(w);
}

// The words of a text as ScoreSpam reads them, in two readings: as written
// (raw: the words of ForEachMatchWord, lower-cased) and plain, with
// leetspeak undone byte by byte ("v1agra" -> "viagra"; Unleet) except in
// 2K editions, dosages and words without a letter, which stay as written. The words are written one after the other, without
// separators, into one lowered buffer and one un-leeted buffer of the same
// length (Unleet maps a byte to a byte, and a word kept as written is as
// long as itself), so word i is [start[i], start[i + 1]) of either buffer,
// and two words run together ("via gra" -> "viagra") are the span of words
// i and i + 1: no pair is built.
class AnchorWords {
 public:
  // Reads `text`; false when it has more than kMaxAnchorWords words (then
  // the words are not all read), which ScoreSpam scores 0.
  bool Read(std::string_view text) {
    // Words are at most as long as the text: size the buffers once and
    // write by index (they only grow, and keep their capacity, up to
    // kMaxKeptBytes: a longer text's buffers go at the next read, as the
    // scratch buffers of lint/scratch.h do).
    if (raw_.size() > kMaxKeptBytes) {
      std::string().swap(raw_);
      std::string().swap(plain_);
    }
    if (raw_.size() < text.size()) {
      raw_.resize(text.size());
      plain_.resize(text.size());
    }
    char* const raw = raw_.data();
    char* const plain = plain_.data();
    size_t len = 0;  // bytes written
    n_ = 0;
    start_[0] = 0;
    bool in_word = false;
    bool has_alpha = false;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      // As in ForEachMatchWord: "@" and "$" inside a word are letters ("c@sino").
      const bool inner_symbol = (c == '@' || c == '$') && in_word && i + 1 < text.size() &&
                                IsAsciiAlpha(text[i + 1]);
      if (IsWordByte(c) || inner_symbol) {
        if (!in_word) {
          // A word begun is a word: this is word n_ + 1.
          if (n_ == kMaxAnchorWords) return false;
          in_word = true;
          has_alpha = false;
        }
        const char l = Lower(c);
        raw[len] = l;
        plain[len] = Unleet(l);
        ++len;
        has_alpha = has_alpha || IsAsciiAlpha(c);
      } else if (in_word) {
        EndWord(len, has_alpha);
        in_word = false;
      }
    }
    if (in_word) EndWord(len, has_alpha);
    return true;
  }

  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  std::string_view raw(size_t i) const { return Span(raw_, i, i + 1); }
  std::string_view plain(size_t i) const { return Span(plain_, i, i + 1); }
  // Words i and i + 1 run together (i + 1 < size()).
  std::string_view raw_pair(size_t i) const { return Span(raw_, i, i + 2); }
  std::string_view plain_pair(size_t i) const { return Span(plain_, i, i + 2); }
  // plain(i) != raw(i): the word has leetspeak undone.
  bool unleeted(size_t i) const { return unleeted_[i]; }

 private:
  // Ends word n_ at byte e of the buffers.
  void EndWord(size_t e, bool has_alpha) {
    const size_t b = start_[n_];
    const std::string_view w(raw_.data() + b, e - b);
    // Editions, dosages and words without a letter stay as written in the
    // plain reading.
    if (IsTwoKEdition(w) || IsDosage(w) || !has_alpha) {
      std::copy(w.begin(), w.end(), plain_.begin() + static_cast<std::ptrdiff_t>(b));
      unleeted_[n_] = false;
    } else {
      unleeted_[n_] = std::string_view(plain_.data() + b, e - b) != w;
    }
    start_[++n_] = static_cast<uint32_t>(e);
  }
  std::string_view Span(const std::string& s, size_t from, size_t to) const {
    return std::string_view(s.data() + start_[from], start_[to] - start_[from]);
  }

  std::string raw_;    // the first start_[n_] bytes are the words
  std::string plain_;  // likewise
  size_t n_ = 0;
  uint32_t start_[kMaxAnchorWords + 1];
  bool unleeted_[kMaxAnchorWords];
};

bool WordIs(const AnchorWords& r, size_t i, std::string_view w) {
  return r.raw(i) == w || r.plain(i) == w;
}

// Matches the phrase `words` at word i of r; a phrase word may be split in
// two ("via gra"), and a whole phrase may be written as one word
// ("paydayloans", "pay-day" was split at the hyphen). Returns the number of
// text words consumed, 0 for no match.
size_t MatchAt(const AnchorWords& r, size_t i, const std::vector<std::string>& words,
               std::string_view joined) {
  if (words.size() > 1 && (r.raw(i) == joined || r.plain(i) == joined)) return 1;
  size_t j = i;
  for (const std::string& w : words) {
    if (j >= r.size()) return 0;
    if (WordIs(r, j, w)) {
      ++j;
    } else if (j + 1 < r.size() && (w == r.raw_pair(j) || w == r.plain_pair(j))) {
      j += 2;  // w is the two words run together
    } else {
      return 0;
    }
  }
  return j - i;
}

// Phrase ids; anchors rarely have more than a few candidates.
using IdList = absl::InlinedVector<int, 16>;

// The ids of the phrases of `index` that may match somewhere in r, in
// increasing order: a phrase starts at a word as written or un-leeted, or at
// two words run together ("via gra"). `filter` holds every key of `index`,
// so a key it rejects would not have been found.
IdList Candidates(const PhraseIndex& index, const EdgeLengthFilter& filter, const AnchorWords& r) {
  IdList ids;
  auto add = [&](std::string_view key) {
    if (!filter.MayContain(key)) return;
    auto it = index.find(key);
    if (it != index.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
  };
  for (size_t i = 0; i < r.size(); ++i) {
    add(r.raw(i));
    if (r.unleeted(i)) add(r.plain(i));
    if (i + 1 < r.size()) {
      add(r.raw_pair(i));
      if (r.unleeted(i) || r.unleeted(i + 1)) add(r.plain_pair(i));
    }
  }
  if (ids.size() > 1) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  return ids;
}

// Whether a word of r, as written or un-leeted, is a game-currency word.
bool IsCurrencyWord(const Lexicon& lex, std::string_view w) {
  return lex.currency_filter.MayContain(w) && lex.currency.count(w) > 0;
}

}  // namespace

bool SpamScore::spam() const { return !veto && score >= kSpamThreshold; }

UrlParts ParseUrl(std::string_view url, bool allow_bare) {
  UrlParts p;
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  // A scheme is what comes before a ':' that no '/', '?' or '#' precedes.
  // One loop over the bytes: find_first_of calls memchr on its set once per
  // byte of the URL.
  size_t first = 0;
  while (first < url.size() && url[first] != ':' && url[first] != '/' && url[first] != '?' &&
         url[first] != '#') {
    ++first;
  }
  std::string_view rest;
  if (first < url.size() && url[first] == ':' && first > 0 && IsAsciiAlpha(url[0])) {
    const size_t colon = first;
    p.scheme = LowerCopy(url.substr(0, colon));
    if (p.scheme != "http" && p.scheme != "https" && p.scheme != "ftp") return p;  // mailto:, tel:
    rest = url.substr(colon + 1);
    if (!rest.starts_with("//")) return p;
    rest.remove_prefix(2);
  } else if (url.starts_with("//")) {
    rest = url.substr(2);
  } else if (allow_bare || (url.size() > 4 && LowerCopy(url.substr(0, 4)) == "www.")) {
    rest = url;
  } else {
    return p;  // relative: the page's own site
  }
  size_t end = 0;
  while (end < rest.size() && rest[end] != '/' && rest[end] != '?' && rest[end] != '#' &&
         rest[end] != '\\') {
    ++end;
  }
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = rest.substr(end);  // "" when the authority ends the URL
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    authority = authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1);
  } else if (size_t port = authority.find(':'); port != std::string_view::npos) {
    authority = authority.substr(0, port);
  }
  while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  p.host = LowerCopy(authority);
  size_t hash = tail.find('#');
  if (hash != std::string_view::npos) tail = tail.substr(0, hash);
  size_t q = tail.find('?');
  p.path = tail.substr(0, q);
  if (q != std::string_view::npos) p.query = tail.substr(q + 1);
  return p;
}

bool IsIpHost(std::string_view host) {
  if (host.size() > 2 && host.front() == '[') return true;
  int parts = 0;
  size_t i = 0;
  while (i <= host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    std::string_view part = host.substr(i, j - i);
    if (part.empty() || part.size() > 3) return false;
    int value = 0;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || ptr != part.data() + part.size() || value > 255) return false;
    ++parts;
    i = j + 1;
  }
  return parts == 4;
}

std::string RegisteredDomain(std::string_view host) {
  if (host.empty() || IsIpHost(host)) return std::string(host);
  size_t last = host.rfind('.');
  if (last == std::string_view::npos) return std::string(host);
  size_t second = host.rfind('.', last - 1);
  if (second == std::string_view::npos) return std::string(host);
  std::string_view label2 = host.substr(second + 1, last - second - 1);
  std::string_view tld = host.substr(last + 1);
  if (IsSecondLevelSuffix(label2, tld)) {
    size_t third = host.rfind('.', second - 1);
    return std::string(third == std::string_view::npos || second == 0 ? host : host.substr(third + 1));
  }
  return std::string(host.substr(second + 1));
}

bool IsOutbound(std::string_view host, std::string_view site) {
  if (host.empty()) return false;
  if (site.empty()) return true;
  return RegisteredDomain(host) != RegisteredDomain(site);
}

bool IsSocialHost(std::string_view host, std::string_view registered) {
  static const StringSet kHosts = WordSet("links-social-hosts");
  return kHosts.count(host) > 0 || kHosts.count(registered) > 0;
}

bool IsSocialHost(std::string_view host) { return IsSocialHost(host, RegisteredDomain(host)); }

std::vector<std::string> MatchWords(std::string_view text) {
  std::vector<std::string> out;
  ForEachMatchWord(text, WordBuffer(text.size()), [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

bool IsStopWord(std::string_view word) {
  static const StringSet kStop = WordSet("links-stopwords");
  return kStop.count(word) > 0;
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  ForEachMatchWord(text, WordBuffer(text.size()), [&](std::string_view w) {
    if (IsContentWord(w)) out.emplace_back(w);
  });
  return out;
}

bool IsCommercialCue(std::string_view word) {
  return SpamLexicon().cues.count(word) > 0 || IsDosage(word);
}

bool IsSellingWord(std::string_view word) {
  static const StringViewSet kWords = {
      "buy", "cheap", "cheapest", "discount", "discounts", "sale", "wholesale", "coupon",
      "coupons", "promo", "deals", "outlet"};
  return kWords.count(word) > 0 || IsDosage(word);
}

bool IsRetailerWord(std::string_view word) {
  static const StringSet kShops = WordSet("links-retailers");
  return kShops.count(word) > 0;
}

SpamScore ScoreSpam(std::string_view text) {
  SpamScore best;
  const Lexicon& lex = SpamLexicon();
  // One reader per thread: its buffers keep their capacity from call to call.
  thread_local AnchorWords r;
  if (!r.Read(text) || r.empty()) return best;
  const size_t n = r.size();
  const IdList term_ids = Candidates(lex.term_index, lex.term_filter, r);
  // A game-currency verdict needs a currency word (raw or plain) that is not
  // part of a title; a term verdict needs a candidate term. With neither,
  // no category gets a score and the answer is the empty score (the veto is
  // read only once a category scored).
  bool has_currency = false;
  for (size_t i = 0; i < n && !has_currency; ++i) {
    has_currency = IsCurrencyWord(lex, r.raw(i)) || IsCurrencyWord(lex, r.plain(i));
  }
  if (term_ids.empty() && !has_currency) return best;
  uint8_t used[kMaxAnchorWords] = {};
  // The categories that scored, in the order they first scored; read in
  // name order below (as a std::map<category, SpamScore> would be), since
  // ties go to the first name.
  absl::InlinedVector<SpamScore, 2> by_category;
  auto category = [&](const std::string& name) -> SpamScore& {
    for (SpamScore& s : by_category) {
      if (s.category == name) return s;
    }
    by_category.emplace_back().category = name;
    return by_category.back();
  };
  // Lexicon terms, longest first, without overlaps.
  for (int id : term_ids) {
    const Term* t = &lex.terms[static_cast<size_t>(id)];
    for (size_t i = 0; i < n; ++i) {
      if (used[i]) continue;
      size_t m = MatchAt(r, i, t->words, t->joined);
      if (m == 0 || std::any_of(used + i, used + i + m, [](uint8_t u) { return u; })) {
        continue;
      }
      std::fill(used + i, used + i + m, 1);
      SpamScore& s = category(t->category);
      s.score += t->weight;
      s.terms.push_back(t->text);
      break;  // a term counts once
    }
  }
  // A game title next to a game-currency word, everything else commerce
  // filler: "nba 2k23 mt", "buy cheap wow gold", "fifa 24 coins". Without a
  // currency word nothing here scores or marks a word used.
  if (has_currency) {
    uint8_t role[kMaxAnchorWords] = {};  // 1 title, 2 currency
    std::string title;
    for (size_t i = 0; i < n; ++i) {
      if (IsTwoKEdition(r.raw(i))) {
        role[i] = 1;
        // "nba 2k23", "wwe 2k24": the series name belongs to the title.
        if (i > 0 && (r.raw(i - 1) == "nba" || r.raw(i - 1) == "wwe" || r.raw(i - 1) == "pga")) {
          role[i - 1] = 1;
        }
        if (title.empty()) title = r.raw(i);
      }
    }
    for (int id : Candidates(lex.title_index, lex.title_filter, r)) {
      const size_t ti = static_cast<size_t>(id);
      const std::vector<std::string>& words = lex.titles[ti];
      const std::string& joined = lex.titles_joined[ti];
      for (size_t i = 0; i < n; ++i) {
        size_t m = MatchAt(r, i, words, joined);
        if (m == 0) continue;
        for (size_t k = i; k < i + m; ++k) role[k] = 1;
        if (title.empty()) {
          for (size_t k = 0; k < words.size(); ++k) title += (k ? " " : "") + words[k];
        }
      }
    }
    std::string_view currency;
    for (size_t i = 0; i < n; ++i) {
      if (role[i] == 0 && (IsCurrencyWord(lex, r.raw(i)) || IsCurrencyWord(lex, r.plain(i)))) {
        role[i] = 2;
        if (currency.empty()) currency = r.raw(i);
      }
    }
    bool filler_only = true;
    for (size_t i = 0; i < n; ++i) {
      if (role[i] != 0) continue;
      const std::string_view w = r.raw(i);
      bool number = std::all_of(w.begin(), w.end(), IsDigit);  // "fifa 24 coins", "100k"
      static const StringViewSet kFiller = {
          "for", "the", "and", "of", "to", "in", "on", "with", "get", "us", "eu", "na", "pc",
          "ps4", "ps5", "xbox", "switch", "reliable", "secure", "100", "k", "m", "fast", "sell"};
      if (!number && !kFiller.count(w) && !lex.cues.count(w)) filler_only = false;
    }
    if (!title.empty() && !currency.empty() && filler_only && n <= 6) {
      static const std::string kGameCurrency = "game-currency";
      SpamScore& s = category(kGameCurrency);
      s.score += 1.0;
      s.terms.push_back(title + " + " + std::string(currency));
      for (size_t i = 0; i < n; ++i) {
        if (role[i]) used[i] = 1;
      }
    }
  }
  if (by_category.empty()) return best;
  // One cue bonus, for a cue word no term consumed.
  std::string_view cue;
  bool veto = false;
  for (size_t i = 0; i < n; ++i) {
    if (!used[i] && lex.vetoes.count(r.raw(i))) veto = true;  // "ray ban outlet" sells
    if (!used[i] && cue.empty() && IsCommercialCue(r.raw(i))) cue = r.raw(i);
  }
  std::sort(by_category.begin(), by_category.end(),
            [](const SpamScore& a, const SpamScore& b) { return a.category < b.category; });
  for (SpamScore& s : by_category) {
    if (!cue.empty()) {
      s.score += 0.5;
      s.terms.emplace_back(cue);
    }
    if (s.score > best.score) best = std::move(s);
  }
  best.veto = veto;
  return best;
}

Span LinkSpan(const Article& article, Analysis& analysis, const Link& link) {
  const std::vector<Span>& lines = analysis.lines();
  std::string_view text = article.text;
  if (link.line > 0 && static_cast<size_t>(link.line) <= lines.size()) {
    Span line = lines[link.line - 1];
    std::string_view lv = analysis.view(line);
    if (!link.anchor_text.empty()) {
      size_t at = lv.find(link.anchor_text);
      if (at != std::string_view::npos) {
        return {line.start + at, line.start + at + link.anchor_text.size()};
      }
    }
    size_t b = 0;
    while (b < lv.size() && (lv[b] == ' ' || lv[b] == '\t')) ++b;
    size_t e = lv.size();
    while (e > b && (lv[e - 1] == ' ' || lv[e - 1] == '\t')) --e;
    return {line.start + b, line.start + e};
  }
  if (link.anchor_text.size() >= 3) {
    size_t at = text.find(link.anchor_text);
    if (at != std::string_view::npos) return {at, at + link.anchor_text.size()};
  }
  return {0, 0};
}

LinkFacts::LinkFacts(Analysis& analysis) : article_(analysis.article()) {
  const std::vector<Link>& links = article_.links;
  facts_.reserve(links.size());
  const std::string site =
      article_.site.empty() ? std::string() : RegisteredDomain(article_.site);
  for (size_t i = 0; i < links.size(); ++i) {
    LinkFact& f = facts_.emplace_back();
    f.url = ParseUrl(links[i].href);
    if (f.url.host.empty()) continue;  // relative, mailto:, fragments: not outbound
    f.registered = RegisteredDomain(f.url.host);
    f.outbound = article_.site.empty() || f.registered != site;
    f.social = IsSocialHost(f.url.host, f.registered);
  }
  spam_.resize(links.size());
  scored_.assign(links.size(), false);
}

const SpamScore& LinkFacts::Spam(size_t i) const {
  if (!scored_[i]) {
    spam_[i] = ScoreSpam(article_.links[i].anchor_text);
    scored_[i] = true;
  }
  return spam_[i];
}

ArticleVocabulary::ArticleVocabulary(Analysis& analysis) {
  const Article& a = analysis.article();
  // The keys are views of words_, the text's and the title's words written
  // once: sized here and never again, so the views stay valid.
  words_.resize(a.text.size() + a.title.size());
  ForEachMatchWord(a.text, words_.data(), [&](std::string_view w) {
    if (IsContentWord(w)) ++counts_[w];
  });
  for (const Link& link : a.links) {
    if (link.line <= 0) continue;  // hidden anchors are not in the text
    ForEachMatchWord(link.anchor_text, WordBuffer(link.anchor_text.size()),
                     [&](std::string_view w) {
                       if (!IsContentWord(w)) return;
                       auto it = counts_.find(w);
                       if (it != counts_.end()) --it->second;
                     });
  }
  // The title is the article's own words, whatever links repeat it.
  ForEachMatchWord(a.title, words_.data() + a.text.size(), [&](std::string_view w) {
    if (IsContentWord(w)) counts_[w] += 1000;
  });
}

bool ArticleVocabulary::Has(std::string_view word) const {
  auto it = counts_.find(word);
  return it != counts_.end() && it->second > 0;
}

}  // namespace newslint::links
