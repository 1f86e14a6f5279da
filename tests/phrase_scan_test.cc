// PhraseMatcher's scan (the packed table, its fast path over bytes that fold
// alone, the "a phrase may end here" state numbering) against a plain
// reference written here from the documented rules (lint/phrase_matcher.h):
// fold the text into units, try every phrase at every unit, check the
// whole-word edges. Over every fixture and random texts made to hit the
// folding's corners, with the automaton of every built-in phrase rule (the
// one the shared scan uses), small ones, and one too big for 16-bit cells.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lint/article.h"
#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/registry.h"
#include "lint/rule.h"
#include "tests/rule_test_util.h"

namespace newslint {
namespace {

// One folded symbol of the text and the bytes [start, end) it came from.
struct RefUnit {
  char symbol;
  size_t start, end;
};

// Length of the whitespace character at text[i], or 0: ASCII whitespace,
// U+00A0, U+2009, U+202F.
size_t RefSpace(std::string_view text, size_t i) {
  static constexpr std::string_view kAscii(" \t\r\n\f\v");
  if (kAscii.find(text[i]) != std::string_view::npos) return 1;
  for (std::string_view s : {"\u00a0", "\u2009", "\u202f"}) {
    if (text.substr(i, s.size()) == s) return s.size();
  }
  return 0;
}

std::vector<RefUnit> RefUnits(std::string_view text) {
  std::vector<RefUnit> out;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    if (RefSpace(text, i) > 0) {
      while (i < text.size() && RefSpace(text, i) > 0) i += RefSpace(text, i);
      out.push_back({' ', start, i});
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\u2018") || rest.starts_with("\u2019")) {
      out.push_back({'\'', start, i += 3});
    } else if (rest.starts_with("\u201c") || rest.starts_with("\u201d")) {
      out.push_back({'"', start, i += 3});
    } else {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back({c, start, ++i});
    }
  }
  return out;
}

std::string RefFold(std::string_view phrase) {
  std::string folded;
  for (const RefUnit& u : RefUnits(phrase)) folded.push_back(u.symbol);
  const size_t first = folded.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return folded.substr(first, folded.find_last_not_of(' ') - first + 1);
}

// The code point at text[i] (U+FFFD for a byte that starts no complete
// sequence), and whether it is a letter or digit as the header defines it.
uint32_t RefDecode(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return c;
  const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > text.size()) return 0xFFFD;
  uint32_t cp = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  return cp;
}

bool RefIsWord(uint32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7 || cp == 0xFEFF || cp == 0xFFFD) return false;
  for (auto [lo, hi] : {std::pair<uint32_t, uint32_t>{0x2000, 0x2BFF}, {0x3000, 0x303F},
                        {0xFE30, 0xFE4F}, {0xFF00, 0xFF0F}}) {
    if (cp >= lo && cp <= hi) return false;
  }
  return true;
}

bool RefWordBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t i = pos - 1;  // back to the lead byte, at most three continuation bytes
  for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; ++k) --i;
  return RefIsWord(RefDecode(text, i));
}

bool RefWordAt(std::string_view text, size_t pos) {
  return pos < text.size() && RefIsWord(RefDecode(text, pos));
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Every whole-word occurrence of every phrase, in the order FindAll promises:
// by end, longer first at the same end, then by phrase index.
class Reference {
 public:
  explicit Reference(const std::vector<std::string>& phrases) {
    for (size_t p = 0; p < phrases.size(); ++p) {
      folded_.push_back(RefFold(phrases[p]));
      const std::string& f = folded_.back();
      if (!f.empty()) by_start_[f.substr(0, std::min<size_t>(2, f.size()))].push_back(p);
    }
  }

  std::vector<PhraseMatch> FindAll(std::string_view text, size_t base) const {
    const std::vector<RefUnit> units = RefUnits(text);
    std::string symbols;
    for (const RefUnit& u : units) symbols.push_back(u.symbol);
    std::vector<std::tuple<size_t, size_t, size_t>> found;  // (end, start, phrase)
    for (size_t k = 0; k < units.size(); ++k) {
      for (size_t key_len : {1, 2}) {
        if (k + key_len > units.size()) continue;
        const auto bucket = by_start_.find(symbols.substr(k, key_len));
        if (bucket == by_start_.end()) continue;
        for (size_t p : bucket->second) {
          const std::string& f = folded_[p];
          if (std::min<size_t>(2, f.size()) != key_len) continue;
          if (symbols.compare(k, f.size(), f) != 0) continue;
          const size_t start = units[k].start, end = units[k + f.size() - 1].end;
          if (IsAlnum(f.front()) && RefWordBefore(text, start)) continue;
          if (IsAlnum(f.back()) && RefWordAt(text, end)) continue;
          found.emplace_back(end, start, p);
        }
      }
    }
    std::sort(found.begin(), found.end());
    std::vector<PhraseMatch> out;
    for (auto [end, start, p] : found) out.push_back(PhraseMatch{p, {base + start, base + end}});
    return out;
  }

  const std::vector<std::string>& folded() const { return folded_; }

 private:
  std::vector<std::string> folded_;
  std::map<std::string, std::vector<size_t>> by_start_;  // first one or two symbols -> phrases
};

std::string Describe(const std::vector<PhraseMatch>& matches, std::string_view text) {
  std::string out;
  for (const PhraseMatch& m : matches) {
    out += "  #" + std::to_string(m.phrase) + " [" + std::to_string(m.span.start) + "," +
           std::to_string(m.span.end) + ") \"" +
           std::string(text.substr(m.span.start, m.span.size())) + "\"\n";
  }
  return out;
}

// FindAll and ContainsAny against the reference; the number of matches.
size_t ExpectSame(const PhraseMatcher& matcher, const Reference& ref, std::string_view text) {
  const std::vector<PhraseMatch> expected = ref.FindAll(text, 7);
  const std::vector<PhraseMatch> got = matcher.FindAll(text, 7);
  EXPECT_EQ(got, expected) << "text (" << text.size() << " bytes): "
                           << text.substr(0, 300) << "\nmatcher:\n"
                           << Describe(got, std::string(7, ' ') + std::string(text))
                           << "reference:\n"
                           << Describe(expected, std::string(7, ' ') + std::string(text));
  EXPECT_EQ(matcher.ContainsAny(text), !expected.empty()) << text.substr(0, 300);
  return expected.size();
}

struct Lexicon {
  std::vector<std::string> phrases;
  std::unique_ptr<PhraseMatcher> matcher;
  std::unique_ptr<Reference> ref;
  void Build() {
    matcher = std::make_unique<PhraseMatcher>(phrases);
    ref = std::make_unique<Reference>(phrases);
  }
};

// Every phrase of every built-in rule that takes part in the shared scan,
// compiled as the Engine compiles them.
const Lexicon& BuiltinLexicon() {
  static const Lexicon* lexicon = [] {
    auto* l = new Lexicon;
    const std::vector<std::unique_ptr<Rule>> rules = MakeAllRules();
    std::vector<const PhraseMatcher*> matchers;
    for (const auto& rule : rules) AppendPhraseMatchers(*rule, &matchers);
    const PhraseBank bank(matchers);
    for (size_t i = 0; i < bank.phrase_count(); ++i) {
      l->phrases.push_back(bank.combined().phrase(i));
    }
    l->Build();
    return l;
  }();
  return *lexicon;
}

struct Rng {
  uint64_t seed;
  size_t operator()(size_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(seed >> 33) % n;
  }
};

// Random text that hits the folding's corners: pieces of phrases with their
// case, spaces and quotes varied, words glued to them, every kind of space
// alone and in runs, typographic quotes, UTF-8 letters and symbols at the
// edges of phrases, invalid bytes.
std::string RandomText(Rng& rng, const std::vector<std::string>& phrases, size_t pieces) {
  static const std::vector<std::string> kFill = {
      " ",  "  ",     "\t",     "\n",        "\r\n",   "\u00a0", "\u2009", "\u202f",
      " \u00a0 ", "\u2018", "\u2019", "\u201c", "\u201d", "'",      "\"",     ",",
      ".",  "é",      "É",      "ß",         "中",     "\u2014", "\u00d7", "x",
      "7",  "-",      "\xc3",   "\xa9",      "\xff",   "said",   "the",    "we",
      "You", "(",     ")",      "\u00aa",    "\u3001", "\ufeff", "\xe2\x80", "\xc2"};
  std::string text;
  for (size_t k = 0; k < pieces; ++k) {
    if (rng(3) == 0) {
      text += kFill[rng(kFill.size())];
      continue;
    }
    std::string p = phrases[rng(phrases.size())];
    if (rng(4) == 0 && p.size() > 2) p = p.substr(rng(p.size() / 2), p.size() / 2 + 1);  // a piece
    std::string varied;
    for (size_t i = 0; i < p.size(); ++i) {
      const char c = p[i];
      if (c == ' ' && rng(3) == 0) {
        varied += kFill[rng(9)];  // another kind of space, or a run
      } else if (c == '\'' && rng(2) == 0) {
        varied += rng(2) ? "\u2019" : "\u2018";
      } else if (c == '"' && rng(2) == 0) {
        varied += rng(2) ? "\u201c" : "\u201d";
      } else if (c >= 'a' && c <= 'z' && rng(5) == 0) {
        varied.push_back(static_cast<char>(c - 'a' + 'A'));
      } else {
        varied.push_back(c);
      }
    }
    text += varied;
    if (rng(4) != 0) text += kFill[rng(kFill.size())];
  }
  return text;
}

TEST(PhraseScanTest, BuiltinAutomatonOnEveryFixtureMatchesTheReference) {
  const Lexicon& lex = BuiltinLexicon();
  ASSERT_GT(lex.phrases.size(), 2000u);
  ASSERT_LE(lex.matcher->state_count(), 0xFFFFu) << "expected 16-bit cells";
  const std::vector<Article> articles = FixtureArticles();
  ASSERT_GT(articles.size(), 100u);
  size_t matches = 0;
  for (const Article& a : articles) {
    matches += ExpectSame(*lex.matcher, *lex.ref, a.text);
    if (HasFailure()) return;
  }
  EXPECT_GT(matches, 5000u);
}

TEST(PhraseScanTest, BuiltinAutomatonOnRandomTextsMatchesTheReference) {
  const Lexicon& lex = BuiltinLexicon();
  Rng rng{2026};
  size_t matches = 0;
  for (int t = 0; t < 300 && !HasFailure(); ++t) {
    matches += ExpectSame(*lex.matcher, *lex.ref, RandomText(rng, lex.phrases, 1 + rng(60)));
  }
  EXPECT_GT(matches, 3000u);
}

TEST(PhraseScanTest, EdgeCases) {
  const Lexicon& lex = BuiltinLexicon();
  Rng rng{99};
  std::vector<std::string> texts = {"", " ", "\u00a0", "\xe2", "\xe2\x80", "\xc2", "said",
                                    "Said.", " said ", "\u201csaid\u201d", "saidé", "ésaid"};
  for (int c = 0; c < 256; ++c) texts.push_back(std::string(1, static_cast<char>(c)) + "said");
  for (int c = 0; c < 256; ++c) texts.push_back("said" + std::string(1, static_cast<char>(c)));
  // Very long lines: one with no phrase at all, one of phrases and spaces of
  // every kind with no line break, and a long whitespace run.
  texts.push_back(std::string(200000, 'q'));
  texts.push_back(RandomText(rng, lex.phrases, 20000));
  texts.push_back("we" + std::string(100000, ' ') + "said" + std::string(5000, '\t') + "you");
  for (const std::string& text : texts) {
    ExpectSame(*lex.matcher, *lex.ref, text);
    if (HasFailure()) return;
  }
}

// Small automata (rows of one cache line, few states) and one with more
// than 65,535 states (32-bit cells), from random phrases over a small
// alphabet so that they share prefixes and suffixes (deep failure and
// dictionary links).
void ExpectRandomLexiconMatchesTheReference(size_t phrase_count, uint64_t seed, bool wide) {
  Rng rng{seed};
  static constexpr std::string_view kLetters = "abcdeABé'\u2019-.,";
  auto word = [&] {
    std::string w;
    for (size_t n = 1 + rng(5); n > 0; --n) {
      const size_t at = rng(kLetters.size());
      // Whole UTF-8 characters: é and ’ take two and three bytes.
      if ((static_cast<unsigned char>(kLetters[at]) & 0xC0) == 0x80) continue;
      size_t len = 1;
      while (at + len < kLetters.size() &&
             (static_cast<unsigned char>(kLetters[at + len]) & 0xC0) == 0x80) {
        ++len;
      }
      w += kLetters.substr(at, len);
    }
    return w.empty() ? std::string("a") : w;
  };
  Lexicon lex;
  for (size_t i = 0; i < phrase_count; ++i) {
    std::string p = word();
    for (size_t n = rng(wide ? 6 : 3); n > 0; --n) p += (rng(4) ? " " : "\u00a0 ") + word();
    lex.phrases.push_back(p);
  }
  lex.phrases.push_back("");     // kept in the numbering, never matches
  lex.phrases.push_back("  ");   // likewise
  lex.phrases.push_back(lex.phrases[0]);  // the same phrase twice: both reported
  lex.Build();
  EXPECT_EQ(lex.matcher->state_count() > 0xFFFF, wide) << lex.matcher->state_count();
  size_t matches = 0;
  for (int t = 0; t < 200 && !::testing::Test::HasFailure(); ++t) {
    matches += ExpectSame(*lex.matcher, *lex.ref, RandomText(rng, lex.phrases, 1 + rng(80)));
  }
  EXPECT_GT(matches, 1000u);
}

TEST(PhraseScanTest, SmallAutomataMatchTheReference) {
  ExpectRandomLexiconMatchesTheReference(5, 1, false);
  ExpectRandomLexiconMatchesTheReference(60, 2, false);
  ExpectRandomLexiconMatchesTheReference(700, 3, false);
}

TEST(PhraseScanTest, AutomatonWithWideCellsMatchesTheReference) {
  ExpectRandomLexiconMatchesTheReference(30000, 4, true);
}

// CleanEdges (its ASCII shortcut and the general case) against the
// definition in the header, for every piece of short fixture substrings.
TEST(PhraseScanTest, CleanEdgesMatchesItsDefinition) {
  auto continuation = [](std::string_view text, size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t clean = 0, checked = 0;
  auto check = [&](std::string_view text, size_t start, size_t end) {
    const bool expected = start <= end && end <= text.size() && !continuation(text, start) &&
                          !continuation(text, end) && !RefWordBefore(text, start) &&
                          !RefWordAt(text, end);
    EXPECT_EQ(PhraseMatcher::CleanEdges(text, start, end), expected)
        << "[" << start << "," << end << ") of \"" << text.substr(0, 200) << "\"";
    clean += expected;
    ++checked;
  };
  // Every piece of short texts, edges past the end included.
  for (std::string_view text :
       {"", "a", " a ", "é", "aé", "éa", "\xa9" "a", "a\xa9", "\xe2\x80\x94x", "x\u00a0y",
        "\xff\xfe", "7.5", "_-_", "\u00aa\u00d7"}) {
    for (size_t start = 0; start <= text.size() + 1; ++start) {
      for (size_t end = 0; end <= text.size() + 1; ++end) check(text, start, end);
    }
  }
  // Pieces of up to six bytes at every offset of every fixture.
  for (const Article& a : FixtureArticles()) {
    for (size_t start = 0; start <= a.text.size(); ++start) {
      for (size_t end = start; end <= a.text.size() && end <= start + 6; ++end) {
        check(a.text, start, end);
      }
    }
    if (HasFailure()) return;
  }
  EXPECT_GT(clean, 50000u);
  EXPECT_GT(checked, 3 * clean);
}

}  // namespace
}  // namespace newslint
