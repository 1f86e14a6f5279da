// garbled/repeated-word: a word written twice in a row ("the the", "to to"),
// left by spinning, machine translation or a scraper joining two copies.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/flat_hash.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/repeated-word",
    Severity::kWarning,
    "A word written twice in a row, such as \"the the\" or \"to to\", where English does not "
    "allow the repetition.",
    {
        {"allow", "list", "[]",
         "More words that may stand twice in a row (written in lower case), on top of the "
         "built-in list."},
    }};

// Closed-class words: their second copy is certainly a slip, so deleting it
// is a safe fix.
const StringViewSet& FunctionWords() {
  static const StringViewSet kWords = {
      "the", "a", "an", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into",
      "onto", "and", "or", "but", "nor", "as", "than", "is", "was", "are", "were", "be",
      "been", "being", "has", "have", "will", "would", "shall", "should", "can", "could",
      "may", "might", "must", "this", "these", "those", "its", "their", "his", "our", "my",
      "your", "we", "they", "he", "she", "it", "them", "him", "us", "not", "if", "about",
      "after", "before", "over", "under", "up", "out", "off", "which", "who", "whom",
      "whose", "when", "where", "while", "also"};
  return kWords;
}

// Prepositions that are also verb particles: "he was sworn in in January",
// "she came in in second place", "the deal was signed off off the record".
const StringViewSet& Particles() {
  static const StringViewSet kWords = {
      "in", "on", "up", "out", "off", "over", "down", "by", "around", "through", "along",
      "about", "back", "away", "behind", "across", "apart", "aside", "ahead"};
  return kWords;
}

// Verbs that take one of the particles above and do not end in -ed, -en or
// -ing ("came in in", "set up up" is not among them: "up up" is flagged
// after a verb not listed here).
const StringViewSet& ParticleVerbs() {
  static const StringViewSet kWords = {
      "come", "comes", "came", "go", "goes", "went", "get", "gets", "got", "give", "gives",
      "gave", "put", "puts", "set", "sets", "let", "lets", "cut", "cuts", "shut", "shuts",
      "run", "runs", "ran", "sit", "sits", "sat", "stand", "stands", "stood", "hold", "holds",
      "held", "take", "takes", "took", "log", "logs", "sign", "signs", "check", "checks",
      "step", "steps", "move", "moves", "turn", "turns", "break", "breaks", "broke", "bring",
      "brings", "brought", "call", "calls", "fill", "fills", "pay", "pays", "paid", "sell",
      "sells", "sold", "buy", "buys", "bought", "kick", "kicks", "hand", "hands", "pass",
      "passes", "lock", "locks", "stay", "stays", "live", "lives", "fit", "fits", "draw",
      "draws", "drew", "fall", "falls", "fell", "keep", "keeps", "kept", "leave", "leaves",
      "left", "make", "makes", "made", "win", "wins", "won", "throw", "throws", "threw",
      "blow", "blows", "blew", "grow", "grows", "grew", "drive", "drives", "drove", "ride",
      "rides", "rode", "swear", "swears", "swore", "send", "sends", "sent", "spend", "spends",
      "spent", "build", "builds", "built", "lay", "lays", "laid", "lead", "leads", "led",
      "stop", "stops", "drop", "drops", "shot", "wore", "woke", "dug", "spun", "hung", "sworn",
      "worn", "torn", "drawn", "thrown", "blown", "grown", "shown", "born"};
  return kWords;
}

// Words before "is is" / "was was" that open a clause the first copy closes:
// "What it is is a tax", "All he was was tired", "The thing is is that".
const StringViewSet& ClauseOpeners() {
  static const StringViewSet kWords = {
      "what", "where", "who", "how", "why", "when", "whatever", "whoever", "all", "thing",
      "problem", "question", "point", "truth", "fact", "issue", "reason"};
  return kWords;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Only white space (ASCII, no-break and the other Unicode spaces) in s.
bool AllSpace(std::string_view s) { return !s.empty() && utf8::IsAllSpace(s); }

// Lower(a) == Lower(b), without building either.
bool EqualsLower(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (AsciiLower(a[k]) != AsciiLower(b[k])) return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class RepeatedWordRule : public Rule {
 public:
  RepeatedWordRule() {
    for (std::string_view w : LexiconEntries("repeated-word-allowed")) allowed_.emplace(w);
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    StringSet extra;
    for (const std::string& w : options.GetList("allow")) extra.insert(Lower(w));

    const size_t sentence_count = analysis.sentences().size();
    for (size_t si = 0; si < sentence_count; ++si) {
      std::span<const Token> toks = analysis.SentenceTokens(si);
      for (size_t i = 0; i + 1 < toks.size();) {
        size_t run = RunLength(analysis, toks, i);
        if (run < 2) {
          ++i;
          continue;
        }
        const std::string word = Lower(analysis.view(toks[i].span));
        if (!allowed_.count(word) && !extra.count(word) && !Allowed(analysis, toks, i, word)) {
          Report(analysis, toks, i, run, word, sink);
        }
        i += run;
      }
    }
  }

 private:
  // How many copies of toks[i] follow one another from i, separated by white
  // space only; 1 when the pair at i is not a candidate at all.
  static size_t RunLength(Analysis& analysis, std::span<const Token> toks, size_t i) {
    const Token& first = toks[i];
    // A repeated proper noun ("Walla Walla", "Sirhan Sirhan", "Duran Duran")
    // is capitalised both times; numbers ("10 10" in a table), codes and
    // all-capitals headings are not words a spinner doubles.
    if (first.shape != TokenShape::kLower && first.shape != TokenShape::kCapitalized) return 1;
    std::string_view text = analysis.view(first.span);
    // Single letters other than "a" are list labels, variables, initials.
    if (text.size() == 1 && AsciiLower(text[0]) != 'a') return 1;
    size_t n = 1;
    for (size_t j = i + 1; j < toks.size(); ++j) {
      const Token& t = toks[j];
      if (t.shape != TokenShape::kLower) break;  // "the The", "object Object"
      if (t.span.size() != first.span.size()) break;  // cheapest test first
      if (!AllSpace(analysis.view({toks[j - 1].span.end, t.span.start}))) break;
      if (!EqualsLower(analysis.view(t.span), text)) break;
      ++n;
    }
    return n;
  }

  // Context where English allows the doubling of a word not in the lexicon.
  static bool Allowed(Analysis& analysis, std::span<const Token> toks, size_t i,
                      const std::string& word) {
    // "sworn in in January", "came in in second", "logged on on Monday".
    if (Particles().count(word) && i > 0 && toks[i].shape == TokenShape::kLower) {
      const Token& prev = toks[i - 1];
      if (prev.shape == TokenShape::kLower &&
          AllSpace(analysis.view({prev.span.end, toks[i].span.start}))) {
        const std::string p = Lower(analysis.view(prev.span));
        if (ParticleVerbs().count(p) || EndsWith(p, "ed") || EndsWith(p, "en") ||
            EndsWith(p, "ing")) {
          return true;
        }
      }
    }
    // "What it is is a tax", "All he was was tired".
    if (word == "is" || word == "was") {
      const size_t from = i > 6 ? i - 6 : 0;
      for (size_t k = from; k < i; ++k) {
        if (ClauseOpeners().count(Lower(analysis.view(toks[k].span)))) return true;
      }
    }
    return false;
  }

  static void Report(Analysis& analysis, std::span<const Token> toks, size_t i, size_t run,
                     const std::string& word, FindingSink& sink) {
    const Token& first = toks[i];
    const Token& last = toks[i + run - 1];
    Span span{first.span.start, last.span.end};
    std::string shown(analysis.view(first.span));
    std::string message = "\"";
    message.append(word).append("\" repeated");
    if (run > 2) message.append(" ").append(std::to_string(run)).append(" times");
    Evidence evidence = {{"word", word}, {"count", static_cast<int64_t>(run)}};
    std::optional<Fix> fix;
    // Deleting the extra copies (and the space before them) is certain for a
    // function word; a doubled content word may hide a lost word instead.
    if (FunctionWords().count(word)) fix = Fix{span, shown};
    sink.Report(span, std::move(message), std::move(evidence), std::move(fix));
  }

  StringSet allowed_;  // looked up only
};

}  // namespace

std::unique_ptr<Rule> MakeRepeatedWordRule() { return std::make_unique<RepeatedWordRule>(); }

}  // namespace newslint
