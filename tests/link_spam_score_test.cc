// Differential test of links::ScoreSpam (rules/link_signals.cc) against the
// implementation it replaced (round 8): a std::string per word in each of
// two readings, a std::map of categories, hash lookups for every word and
// pair. The fast scorer reads the words into two shared buffers, puts edge
// filters in front of the lexicon indexes, and returns early when no word
// can start a term and none is a currency word; every field of the result
// (category, score, terms, veto) must be the same as the reference's.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "lint/flat_hash.h"
#include "rules/lexicons/lexicon.h"
#include "rules/link_signals.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

using links::SpamScore;

// ---- The reference: the scorer as it was (a1448f8), unchanged but for names.
namespace reference {

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
// Looked up only (Candidates); never iterated.
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
    lex.currency = WordSet("links-game-currency");
    lex.cues = WordSet("links-spam-cues");
    lex.vetoes = WordSet("links-spam-vetoes");
    return lex;
  }();
  return kLexicon;
}

// The words of a text in the two readings the scorer compares: as written
// (lower case) and with leetspeak undone ("v1agra" -> "viagra").
struct Reading {
  std::vector<std::string> raw;
  std::vector<std::string> plain;
};

// Reading stops after the word that makes more than `max_words` (the
// words before it are read as without the limit): ScoreSpam needs to know
// only that a text is too long, not all its words.
Reading Read(std::string_view text, size_t max_words = static_cast<size_t>(-1)) {
  Reading r;
  r.raw.reserve(8);  // most texts read here are anchors of a few words
  r.plain.reserve(8);
  // "@" and "$" inside a word are letters ("c@sino", "ca$ino"); elsewhere
  // they separate words.
  std::string cur;
  std::string cur_plain;
  auto flush = [&] {
    if (!cur.empty()) {
      r.raw.push_back(cur);
      bool has_alpha = std::any_of(cur.begin(), cur.end(), IsAsciiAlpha);
      if (IsTwoKEdition(cur) || IsDosage(cur) || !has_alpha) {
        r.plain.push_back(cur);
      } else {
        r.plain.push_back(cur_plain);
      }
    }
    cur.clear();
    cur_plain.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool inner_symbol = (c == '@' || c == '$') && !cur.empty() && i + 1 < text.size() &&
                        IsAsciiAlpha(text[i + 1]);
    if (IsWordByte(c) || inner_symbol) {
      char l = Lower(c);
      cur.push_back(l);
      cur_plain.push_back(Unleet(l));
    } else {
      flush();
      if (r.raw.size() > max_words) return r;
    }
  }
  flush();
  return r;
}

bool WordIs(const Reading& r, size_t i, std::string_view w) {
  return r.raw[i] == w || r.plain[i] == w;
}

// Whether w == a + b, without building a + b.
bool IsConcatenation(std::string_view w, std::string_view a, std::string_view b) {
  return w.size() == a.size() + b.size() && w.starts_with(a) && w.ends_with(b);
}

// Matches the phrase `words` at word i of r; a phrase word may be split in
// two ("via gra"), and a whole phrase may be written as one word
// ("paydayloans", "pay-day" was split at the hyphen). Returns the number of
// text words consumed, 0 for no match.
size_t MatchAt(const Reading& r, size_t i, const std::vector<std::string>& words,
               std::string_view joined) {
  if (words.size() > 1 && (r.raw[i] == joined || r.plain[i] == joined)) return 1;
  size_t j = i;
  for (const std::string& w : words) {
    if (j >= r.raw.size()) return 0;
    if (WordIs(r, j, w)) {
      ++j;
    } else if (j + 1 < r.raw.size() &&
               (IsConcatenation(w, r.raw[j], r.raw[j + 1]) ||
                IsConcatenation(w, r.plain[j], r.plain[j + 1]))) {
      j += 2;
    } else {
      return 0;
    }
  }
  return j - i;
}

// The ids of the phrases of `index` that may match somewhere in r, in
// increasing order: a phrase starts at a word as written or un-leeted, or at
// two words run together ("via gra").
std::vector<int> Candidates(const PhraseIndex& index, const Reading& r) {
  std::vector<int> ids;
  auto add = [&](std::string_view key) {
    auto it = index.find(key);
    if (it != index.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
  };
  std::string pair;  // two words run together, one buffer for all pairs
  auto add_pair = [&](const std::string& a, const std::string& b) {
    pair.assign(a).append(b);
    add(pair);
  };
  for (size_t i = 0; i < r.raw.size(); ++i) {
    add(r.raw[i]);
    if (r.plain[i] != r.raw[i]) add(r.plain[i]);
    if (i + 1 < r.raw.size()) {
      add_pair(r.raw[i], r.raw[i + 1]);
      if (r.plain[i] != r.raw[i] || r.plain[i + 1] != r.raw[i + 1]) {
        add_pair(r.plain[i], r.plain[i + 1]);
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}


bool IsCommercialCue(std::string_view word) {
  return SpamLexicon().cues.count(word) > 0 || IsDosage(word);
}

SpamScore ReferenceScoreSpam(std::string_view text) {
  SpamScore best;
  using links::kMaxAnchorWords;
  const Lexicon& lex = SpamLexicon();
  Reading r = Read(text, kMaxAnchorWords);
  if (r.raw.empty() || r.raw.size() > kMaxAnchorWords) return best;
  std::vector<uint8_t> used(r.raw.size(), 0);
  std::map<std::string, SpamScore> by_category;
  // Lexicon terms, longest first, without overlaps.
  for (int id : Candidates(lex.term_index, r)) {
    const Term* t = &lex.terms[static_cast<size_t>(id)];
    for (size_t i = 0; i < r.raw.size(); ++i) {
      if (used[i]) continue;
      size_t n = MatchAt(r, i, t->words, t->joined);
      if (n == 0 || std::any_of(used.begin() + i, used.begin() + i + n, [](uint8_t u) { return u; })) {
        continue;
      }
      std::fill(used.begin() + i, used.begin() + i + n, 1);
      SpamScore& s = by_category[t->category];
      s.category = t->category;
      s.score += t->weight;
      s.terms.push_back(t->text);
      break;  // a term counts once
    }
  }
  // A game title next to a game-currency word, everything else commerce
  // filler: "nba 2k23 mt", "buy cheap wow gold", "fifa 24 coins".
  {
    std::vector<uint8_t> role(r.raw.size(), 0);  // 1 title, 2 currency
    std::string title;
    for (size_t i = 0; i < r.raw.size(); ++i) {
      if (IsTwoKEdition(r.raw[i])) {
        role[i] = 1;
        // "nba 2k23", "wwe 2k24": the series name belongs to the title.
        if (i > 0 && (r.raw[i - 1] == "nba" || r.raw[i - 1] == "wwe" || r.raw[i - 1] == "pga")) {
          role[i - 1] = 1;
        }
        if (title.empty()) title = r.raw[i];
      }
    }
    for (int id : Candidates(lex.title_index, r)) {
      const size_t ti = static_cast<size_t>(id);
      const std::vector<std::string>& words = lex.titles[ti];
      const std::string& joined = lex.titles_joined[ti];
      for (size_t i = 0; i < r.raw.size(); ++i) {
        size_t n = MatchAt(r, i, words, joined);
        if (n == 0) continue;
        for (size_t k = i; k < i + n; ++k) role[k] = 1;
        if (title.empty()) {
          for (size_t k = 0; k < words.size(); ++k) title += (k ? " " : "") + words[k];
        }
      }
    }
    std::string currency;
    for (size_t i = 0; i < r.raw.size(); ++i) {
      if (role[i] == 0 && (lex.currency.count(r.raw[i]) || lex.currency.count(r.plain[i]))) {
        role[i] = 2;
        if (currency.empty()) currency = r.raw[i];
      }
    }
    bool filler_only = true;
    for (size_t i = 0; i < r.raw.size(); ++i) {
      if (role[i] != 0) continue;
      const std::string& w = r.raw[i];
      bool number = std::all_of(w.begin(), w.end(), IsDigit);  // "fifa 24 coins", "100k"
      static const StringViewSet kFiller = {
          "for", "the", "and", "of", "to", "in", "on", "with", "get", "us", "eu", "na", "pc",
          "ps4", "ps5", "xbox", "switch", "reliable", "secure", "100", "k", "m", "fast", "sell"};
      if (!number && !kFiller.count(w) && !lex.cues.count(w)) filler_only = false;
    }
    if (!title.empty() && !currency.empty() && filler_only && r.raw.size() <= 6) {
      SpamScore& s = by_category["game-currency"];
      s.category = "game-currency";
      s.score += 1.0;
      s.terms.push_back(title + " + " + currency);
      for (size_t i = 0; i < r.raw.size(); ++i) {
        if (role[i]) used[i] = 1;
      }
    }
  }
  if (by_category.empty()) return best;
  // One cue bonus, for a cue word no term consumed.
  std::string cue;
  bool veto = false;
  for (size_t i = 0; i < r.raw.size(); ++i) {
    if (!used[i] && lex.vetoes.count(r.raw[i])) veto = true;  // "ray ban outlet" sells
    if (!used[i] && cue.empty() && IsCommercialCue(r.raw[i])) cue = r.raw[i];
  }
  for (auto& [name, s] : by_category) {
    if (!cue.empty()) {
      s.score += 0.5;
      s.terms.push_back(cue);
    }
    if (s.score > best.score) best = s;
  }
  best.veto = veto;
  return best;
}

}  // namespace reference

// ---- The comparison.

std::string Describe(const SpamScore& s) {
  std::string out = "category=" + s.category + " score=" + std::to_string(s.score) +
                    " veto=" + (s.veto ? "1" : "0") + " terms=[";
  for (const std::string& t : s.terms) out += t + "|";
  return out + "]";
}

// Compares every field; returns false (after one failure message) on a
// difference, so a loop over millions of texts stops at the first.
bool Same(std::string_view text) {
  const SpamScore want = reference::ReferenceScoreSpam(text);
  const SpamScore got = links::ScoreSpam(text);
  if (got.category == want.category && got.score == want.score && got.terms == want.terms &&
      got.veto == want.veto && got.spam() == want.spam()) {
    return true;
  }
  ADD_FAILURE() << "text \"" << text << "\"\n  want " << Describe(want) << "\n  got  "
                << Describe(got);
  return false;
}

TEST(SpamScoreFastPath, EdgeCases) {
  const std::vector<std::string> texts = {
      "", " ", "\t\n", "-", "@", "$", "@casino", "c@sino", "ca$ino", "c@$ino", "c@", "casino@",
      "casino$ bonus", "c@sino bonus", "ca$ino bonus", "CA$INO BONUS", "v1agra", "V1AGRA online",
      "via gra", "via gra online", "v1a gra online", "paydayloans", "pay-day loans",
      "payday loans", "PAYDAYLOANS now", "pay day loans", "p4yd4y l04ns", "buy cheap viagra",
      "viagra 100mg", "100mg", "buy 100mg", "nba 2k23 mt", "NBA 2K23 MT", "buy nba 2k23 mt",
      "nba 2k24 vc fast", "wwe 2k24 vc", "pga 2k23 vc", "2k23 mt", "2k23", "mt", "2k23mt",
      "buy cheap wow gold", "wow gold", "wowgold", "w0w g0ld", "fifa 24 coins", "fifa 24 coins ps5",
      "fifa 24 coins for xbox and pc cheap", "fc 24 coins", "fc24 coins", "madden 24 coins",
      "osrs gold", "0srs g0ld", "rs gold", "runescape gold buy", "world of warcraft gold",
      "worldofwarcraft gold", "world of warcraft gold cheap and fast for us eu",
      "path of exile orbs", "poe chaos orbs", "chaos orbs", "best online casino",
      "online casino", "best casino stocks", "payday loans crackdown", "ray ban outlet",
      "ray-ban outlet", "rayban outlet", "replica watches", "cheap replica watches",
      "buy followers", "buy instagram followers", "free vbucks", "free v bucks", "free robux",
      "robux", "robux promo", "elo boost", "elo boosting", "power leveling", "powerleveling",
      "the board said payday loans would be capped at twice the sum lent",
      "one two three four five six seven eight nine ten",
      "one two three four five six seven eight nine ten eleven",
      "buy cheap viagra online one two three four five six",
      "buy cheap viagra online one two three four five six seven",
      "buy cheap viagra online one two three four five six seven.",
      "viagra viagra viagra viagra viagra viagra viagra viagra viagra viagra",
      "viagra viagra viagra viagra viagra viagra viagra viagra viagra viagra viagra",
      "caf\xc3\xa9 casino bonus", "\xc3\xa9\xc3\xa9 viagra", "casino\xc2\xa0" "bonus",
      "casino\xe2\x80\x83" "bonus", "viagra\xe2\x80\x8b", "\xff\xfe casino bonus",
      "casino\r\nbonus", "casino\fbonus\vnow", "casino_bonus", "casino.bonus", "casino/bonus",
      "https://casino-bonus.example.com/viagra", "buy essays online", "essay writing service",
      "write my essay cheap", "buy backlinks", "seo backlinks cheap", "crypto doubling",
      "bitcoin doubler", "0", "1", "11111", "2k", "k2", "4444 5555", "100 k", "100k mt nba 2k23",
  };
  for (const std::string& t : texts) Same(t);
  // Very long texts: long words, many words, many separators.
  Same(std::string(100000, 'a'));
  Same(std::string(100000, ' ') + "buy viagra" + std::string(100000, ' '));
  Same("buy " + std::string(70000, 'x') + " viagra");
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "viagra ";
  Same(many);
}

// Every link anchor, title and line of every fixture (the texts the links
// rules score), as written, lower-cased and cut after each word.
TEST(SpamScoreFastPath, FixtureAnchorsAndLines) {
  size_t texts = 0;
  for (const Article& a : FixtureArticles()) {
    std::vector<std::string_view> pieces = {a.title};
    for (const Link& link : a.links) pieces.push_back(link.anchor_text);
    std::string_view text = a.text;
    while (!text.empty()) {
      size_t nl = text.find('\n');
      pieces.push_back(text.substr(0, nl));
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
    for (std::string_view p : pieces) {
      if (!Same(p)) return;
      ++texts;
      // The tail after each space: the trailing fragments spam-anchor scores.
      for (size_t sp = p.find(' '); sp != std::string_view::npos && sp < 400;
           sp = p.find(' ', sp + 1)) {
        if (!Same(p.substr(sp + 1))) return;
      }
    }
  }
  EXPECT_GT(texts, 1000u);
}

// Every substring of up to 16 bytes of the fixture files (UTF-8 and words cut
// anywhere).
TEST(SpamScoreFastPath, FixtureSubstrings) {
  bool ok = true;
  size_t n = ForEachFixtureSubstring(16, [&](std::string_view s) {
    if (ok) ok = Same(s);
  });
  EXPECT_TRUE(ok);
  EXPECT_GT(n, 100000u);
}

// Random texts built from the lexicons' own words (so that terms, titles,
// currency words, cues and vetoes meet in every combination), with leetspeak,
// upper case, split and run-together words and separators of every kind.
TEST(SpamScoreFastPath, RandomLexiconTexts) {
  std::vector<std::string> vocab = {"buy", "cheap", "online", "best", "free", "nba", "wwe",
                                    "pga", "2k23", "2k24", "24", "100", "100mg", "k", "m",
                                    "for", "the", "and", "us", "pc", "ps5", "stocks", "ban",
                                    "news", "said", "city", "caf\xc3\xa9", "x", "a"};
  for (const char* lex : {"links-spam-terms", "links-game-titles", "links-game-currency",
                          "links-spam-cues", "links-spam-vetoes"}) {
    for (std::string_view e : LexiconEntries(lex)) {
      std::vector<std::string> words = EntryWords(e);
      size_t from = std::string_view(lex) == "links-spam-terms" ? 2 : 0;
      for (size_t i = from; i < words.size(); ++i) vocab.push_back(words[i]);
    }
  }
  std::sort(vocab.begin(), vocab.end());
  vocab.erase(std::unique(vocab.begin(), vocab.end()), vocab.end());
  const std::vector<std::string> seps = {" ", " ", " ", "-", ".", "  ", "\t", ", ", "\xc2\xa0",
                                         "", "/", " @ ", " $"};
  std::mt19937_64 rng(9);
  size_t spam = 0;
  for (int iter = 0; iter < 300000; ++iter) {
    const size_t words = 1 + rng() % 12;
    std::string text;
    for (size_t w = 0; w < words; ++w) {
      if (w > 0) text += seps[rng() % seps.size()];
      std::string word = vocab[rng() % vocab.size()];
      for (char& c : word) {
        const uint64_t roll = rng() % 40;
        if (roll == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (roll == 1) {
          switch (c) {
            case 'a': c = (rng() & 1) ? '4' : '@'; break;
            case 's': c = (rng() & 1) ? '5' : '$'; break;
            case 'o': c = '0'; break;
            case 'i': c = '1'; break;
            case 'e': c = '3'; break;
            default: break;
          }
        }
      }
      if (word.size() > 3 && rng() % 20 == 0) word.insert(1 + rng() % (word.size() - 2), " ");
      text += word;
    }
    if (!Same(text)) return;
    spam += links::ScoreSpam(text).spam();
  }
  EXPECT_GT(spam, 1000u);  // the texts reach the scoring paths, not only the early exit
}

}  // namespace
}  // namespace newslint
