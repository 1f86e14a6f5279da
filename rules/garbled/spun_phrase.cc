// garbled/spun-phrase: phrases that synonym spinners and round-trip machine
// translation write in place of fixed expressions ("squeeze meeting" for
// "press conference", "web-based life" for "social media"), looked up in the
// lexicon rules/lexicons/spun-phrases.txt.
//
// One such phrase can be a writer's own turn; spinning leaves many. So an
// article is reported only when it holds at least `min-matches` distinct spun
// expressions, or one from the lexicon's "certain" tier (phrases absurd in any
// context). Then every spun phrase in it is reported, one finding per
// sentence.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/spun-phrase",
    Severity::kWarning,
    "A phrase that synonym spinners or round-trip translation write in place of a fixed "
    "expression, such as \"squeeze meeting\" for \"press conference\" or \"web-based life\" for "
    "\"social media\".",
    {
        {"min-matches", "int", "2",
         "Distinct spun expressions an article needs before any of its likely-tier phrases is "
         "reported."},
        {"certain-alone", "bool", "true",
         "Report a phrase of the certain tier even when it is the article's only spun "
         "expression."},
    }};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The key under which an expression counts once towards the gate: lower
// case, hyphens as spaces, a plural "s" dropped, so that "squeeze meeting"
// and "squeeze meetings", or "web-based life" and "web based life", are one
// expression. Two spins of the same original ("squeeze meeting", "squeeze
// gathering") count once as well: the gate asks for several expressions.
std::string ExpressionKey(std::string_view original) {
  std::string key;
  for (char c : original) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-') c = ' ';
    key.push_back(c);
  }
  if (key.size() > 3 && key.back() == 's' && key[key.size() - 2] != 's') key.pop_back();
  return key;
}

// The lexicon, parsed and compiled once for all threads.
struct SpunLexicon {
  std::vector<std::string_view> originals;  // per phrase
  std::vector<uint8_t> certain;             // per phrase
  std::vector<uint32_t> expression;         // per phrase: index of its ExpressionKey
  PhraseMatcher matcher;

  static SpunLexicon Build() {
    std::vector<std::string_view> phrases, originals;
    std::vector<uint8_t> certain;
    std::vector<uint32_t> expression;
    std::unordered_map<std::string, uint32_t> keys;
    for (std::string_view entry : LexiconEntries("spun-phrases")) {
      // "spun phrase | original expression [| certain]"; the format is
      // checked by tests/spun_phrase_test.cc, so a malformed line only has
      // to be harmless here.
      std::vector<std::string_view> fields;
      for (size_t from = 0;;) {
        size_t bar = entry.find('|', from);
        fields.push_back(Trim(entry.substr(from, bar == std::string_view::npos ? bar : bar - from)));
        if (bar == std::string_view::npos) break;
        from = bar + 1;
      }
      if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) continue;
      phrases.push_back(fields[0]);
      originals.push_back(fields[1]);
      certain.push_back(fields.size() > 2 && fields[2] == "certain" ? 1 : 0);
      auto [it, added] = keys.emplace(ExpressionKey(fields[1]), static_cast<uint32_t>(keys.size()));
      expression.push_back(it->second);
    }
    return SpunLexicon{std::move(originals), std::move(certain), std::move(expression),
                       PhraseMatcher(phrases)};
  }
};

const SpunLexicon& Lexicon() {
  static const SpunLexicon kLexicon = SpunLexicon::Build();
  return kLexicon;
}

// Length of the quotation mark ending at `end` (exclusive), or 0.
size_t QuoteBefore(std::string_view text, size_t end) {
  if (end >= 1 && (text[end - 1] == '"' || text[end - 1] == '\'')) return 1;
  if (end >= 2 && text.substr(end - 2, 2) == "\xc2\xab") return 2;  // «
  if (end >= 3) {
    std::string_view q = text.substr(end - 3, 3);
    if (q == "\xe2\x80\x9c" || q == "\xe2\x80\x98" || q == "\xe2\x80\x9e" ||
        q == "\xe2\x80\x9d" || q == "\xe2\x80\x99") {
      return 3;  // “ ‘ „ ” ’
    }
  }
  return 0;
}

bool QuoteAt(std::string_view text, size_t start) {
  if (start >= text.size()) return false;
  if (text[start] == '"' || text[start] == '\'') return true;
  std::string_view rest = text.substr(start);
  return rest.starts_with("\xe2\x80\x9d") || rest.starts_with("\xe2\x80\x99") ||
         rest.starts_with("\xe2\x80\x9c") || rest.starts_with("\xc2\xbb");  // ” ’ “ »
}

// A phrase standing alone between quotation marks is named, not used: an
// article about spinning software that quotes "squeeze meeting" as an
// example is not itself spun.
bool IsQuotedMention(std::string_view text, Span span) {
  return QuoteBefore(text, span.start) > 0 && QuoteAt(text, span.end);
}

class SpunPhraseRule : public Rule, public PhraseUser {
 public:
  // The lexicon read at registration, not on the first article (its
  // automaton is built on its first scan, which a run with an Engine does
  // not make: the Engine's combined automaton finds these phrases).
  SpunPhraseRule() { Lexicon(); }

  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&Lexicon().matcher}; }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const SpunLexicon& lex = Lexicon();
    thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per article
    ReuseScratch(matches);
    for (const Paragraph& p : analysis.paragraphs()) {
      FindPhrases(analysis, lex.matcher, analysis.view(p.span), p.span.start, &matches);
    }
    if (matches.empty()) return;  // the common case: nothing more to compute

    // Leftmost-longest, without overlaps: "enormous information examination"
    // is one phrase, not also "enormous information".
    std::sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
      if (a.span.start != b.span.start) return a.span.start < b.span.start;
      return a.span.size() > b.span.size();
    });
    std::vector<PhraseMatch> kept;
    size_t covered = 0;
    const std::string_view text = analysis.text();
    for (const PhraseMatch& m : matches) {
      if (m.span.start < covered) continue;
      if (IsQuotedMention(text, m.span)) continue;
      kept.push_back(m);
      covered = m.span.end;
    }
    if (kept.empty()) return;

    const int64_t min_matches = std::max<int64_t>(1, options.GetInt("min-matches", 2));
    const bool certain_alone = options.GetBool("certain-alone", true);
    std::vector<uint32_t> expressions;
    bool any_certain = false;
    for (const PhraseMatch& m : kept) {
      expressions.push_back(lex.expression[m.phrase]);
      any_certain = any_certain || lex.certain[m.phrase];
    }
    std::sort(expressions.begin(), expressions.end());
    const int64_t distinct = std::unique(expressions.begin(), expressions.end()) - expressions.begin();
    const bool dense = distinct >= min_matches;
    if (!dense && !(certain_alone && any_certain)) return;
    // Below the density gate only the certain phrases are reported.
    if (!dense) {
      std::erase_if(kept, [&](const PhraseMatch& m) { return !lex.certain[m.phrase]; });
    }

    // One finding per sentence, listing every spun phrase in it.
    const std::vector<Sentence>& sentences = analysis.sentences();
    size_t s = 0;
    for (size_t i = 0; i < kept.size();) {
      while (s < sentences.size() && sentences[s].span.end <= kept[i].span.start) ++s;
      size_t j = i + 1;
      if (s < sentences.size() && sentences[s].span.start <= kept[i].span.start) {
        while (j < kept.size() && kept[j].span.end <= sentences[s].span.end) ++j;
      }
      Report(analysis, lex, std::span<const PhraseMatch>(kept).subspan(i, j - i), distinct,
             min_matches, dense, sink);
      i = j;
    }
  }

 private:
  static void Report(Analysis& analysis, const SpunLexicon& lex,
                     std::span<const PhraseMatch> group, int64_t distinct, int64_t min_matches,
                     bool dense, FindingSink& sink) {
    std::vector<std::string> phrases, originals, tiers;
    std::string message = group.size() > 1 ? "spun phrases " : "spun phrase ";
    for (size_t k = 0; k < group.size(); ++k) {
      const PhraseMatch& m = group[k];
      phrases.emplace_back(analysis.view(m.span));
      originals.emplace_back(lex.originals[m.phrase]);
      tiers.emplace_back(lex.certain[m.phrase] ? "certain" : "likely");
      if (k > 0) message.append(", ");
      message.append("\"").append(phrases.back()).append("\" for \"").append(originals.back());
      message.append("\"");
    }
    Span span{group.front().span.start, group.back().span.end};
    Evidence evidence = {{"phrases", std::move(phrases)},
                         {"originals", std::move(originals)},
                         {"tiers", std::move(tiers)},
                         {"gate", std::string(dense ? "distinct-expressions" : "certain-phrase")},
                         {"distinct", distinct},
                         {"min-matches", min_matches}};
    // No fix: the original expression is a guess about the writer's intent
    // and restoring it rewrites the sentence.
    sink.Report(span, std::move(message), std::move(evidence));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSpunPhraseRule() { return std::make_unique<SpunPhraseRule>(); }

}  // namespace newslint
