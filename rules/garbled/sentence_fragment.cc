// garbled/sentence-fragment: a sentence inside a prose paragraph that starts
// in lower case after a full stop ("... with Moscow. to deal with."), or a
// short verbless fragment left between sentences ("For the.").

#include <string>
#include <string_view>
#include <vector>

#include "lint/flat_hash.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "garbled/sentence-fragment",
    Severity::kWarning,
    "A sentence inside a prose paragraph that starts in lower case after a full stop, or a "
    "short verbless fragment left between sentences, such as \"... with the ministry. to deal "
    "with.\"",
    {
        {"max-fragment-words", "int", "4",
         "Longest sentence, in words, that counts as a verbless fragment."},
    }};

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The sentence without trailing white space.
std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

class SentenceFragmentRule : public Rule {
 public:
  SentenceFragmentRule() {
    for (std::string_view w : LexiconEntries("sentence-fragment-abbreviations")) {
      abbreviations_.emplace(w);
    }
    for (std::string_view w : LexiconEntries("sentence-fragment-particles")) {
      if (w.starts_with("name:")) {
        names_.emplace(w.substr(5));
      } else {
        particles_.emplace(w);
      }
    }
    for (std::string_view w : LexiconEntries("sentence-fragment-verbs")) verbs_.emplace(w);
    for (std::string_view w : LexiconEntries("sentence-fragment-function-words")) {
      if (w.starts_with("open:")) openers_.emplace(w.substr(5));
      if (w.starts_with("end:")) enders_.emplace(w.substr(4));
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-fragment-words", 4);
    const std::vector<Sentence>& sentences = analysis.sentences();
    const std::vector<Paragraph>& paragraphs = analysis.paragraphs();
    const PageLayout* layout = nullptr;

    size_t first = 0;  // the first sentence of sentences[i]'s paragraph
    for (size_t i = 1; i < sentences.size(); ++i) {
      const Sentence& s = sentences[i];
      const Sentence& prev = sentences[i - 1];
      if (prev.paragraph != s.paragraph) {  // first sentence of its paragraph
        first = i;
        continue;
      }
      // A paragraph that itself starts in lower case is written that way
      // (a post, a handle, a brand): its other lower-case starts are style.
      std::string_view para_start = analysis.view(sentences[first].span);
      if (!para_start.empty() && !IsAsciiUpper(para_start[0]) && !IsAsciiDigit(para_start[0]) &&
          static_cast<unsigned char>(para_start[0]) < 0x80 && para_start[0] != '"' &&
          para_start[0] != '\'' && para_start[0] != '(' && para_start[0] != '[') {
        continue;
      }
      if (layout == nullptr) layout = &analysis.Shared<PageLayout>();
      if (layout->line(paragraphs[s.paragraph].line).bullet) continue;

      std::string_view text = analysis.view(s.span);
      if (text.empty()) continue;
      std::span<const Token> tokens = analysis.SentenceTokens(i);
      if (tokens.empty()) continue;  // ". ." and other punctuation
      if (!EndsWithOrdinaryWord(analysis, i - 1)) continue;

      // The words in lower case, one per token; only a short sentence's are
      // read (HasVerbCue and the opener and ender below), so only those are
      // built.
      std::vector<std::string> words;
      const bool ends_with_stop = TrimRight(text).ends_with('.');
      const bool lower_start = IsLowerCaseStart(analysis, s, text, tokens);
      const bool is_short = ends_with_stop && static_cast<int64_t>(tokens.size()) <= max_words;
      if (is_short) {
        for (const Token& t : tokens) words.push_back(Lower(analysis.view(t.span)));
      }
      const bool short_verbless = is_short && !HasVerbCue(words);

      std::string kind;
      if (lower_start) {
        kind = short_verbless ? "verbless-fragment" : "lower-case-start";
      } else if (short_verbless && words.size() >= 2 && tokens[0].shape == TokenShape::kCapitalized &&
                 tokens[0].span.start == s.span.start &&
                 openers_.count(words.front()) && enders_.count(words.back()) &&
                 TokenEndsAtStop(analysis, s, tokens.back())) {
        kind = "verbless-fragment";
      } else {
        continue;
      }
      Span span{s.span.start, s.span.start + TrimFragment(text).size()};
      std::string fragment(analysis.view(span));
      std::string message = kind == "verbless-fragment"
                                ? "verbless fragment \"" + fragment + "\" left between sentences"
                                : "sentence starts in lower case after a full stop: \"" +
                                      Shorten(fragment) + "\"";
      sink.Report(span, std::move(message), {{"kind", kind}, {"fragment", fragment}});
    }
  }

 private:
  // The sentence up to and including its first terminator run ("to deal
  // with. ." -> "to deal with.").
  static std::string_view TrimFragment(std::string_view text) {
    text = TrimRight(text);
    size_t dot = text.find(". ");
    if (dot != std::string_view::npos) text = text.substr(0, dot + 1);
    return text;
  }

  static std::string Shorten(const std::string& s) {
    if (s.size() <= 60) return s;
    size_t cut = s.rfind(' ', 60);
    if (cut == std::string::npos || cut < 20) cut = 60;
    return s.substr(0, cut) + "...";
  }

  // The last token ends right before the sentence's full stop.
  static bool TokenEndsAtStop(Analysis& analysis, const Sentence& s, const Token& t) {
    std::string_view rest = analysis.view({t.span.end, s.span.end});
    return !rest.empty() && rest[0] == '.';
  }

  // The previous sentence ends with a single full stop right after an
  // ordinary word: not an ellipsis, a quote or bracket, an abbreviation, an
  // initial, a dotted word, a number or a unit after a number.
  bool EndsWithOrdinaryWord(Analysis& analysis, size_t prev_index) const {
    const Sentence& prev = analysis.sentences()[prev_index];
    std::string_view p = TrimRight(analysis.view(prev.span));
    if (p.size() < 2 || p.back() != '.') return false;
    const char before = p[p.size() - 2];
    if (before == '.' || IsBlank(before)) return false;  // "..", ". ."
    std::span<const Token> tokens = analysis.SentenceTokens(prev_index);
    if (tokens.empty()) return false;
    const Token& last = tokens.back();
    const size_t stop = prev.span.start + p.size() - 1;
    if (last.span.end != stop) return false;  // a dotted token or a symbol before the stop
    if (last.shape != TokenShape::kLower && last.shape != TokenShape::kCapitalized &&
        last.shape != TokenShape::kUpper) {
      return false;
    }
    std::string_view word = analysis.view(last.span);
    if (word.size() < 2) return false;  // an initial
    if (word.find('.') != std::string_view::npos) return false;
    // "www.example. com" style: the word is glued to other text before it.
    if (last.span.start > prev.span.start) {
      char b = analysis.text()[last.span.start - 1];
      if (b == '.' || b == '/' || b == '@' || b == '-' || b == '_') return false;
    }
    if (abbreviations_.count(Lower(word))) return false;
    // "5 in. long", "20 min. until": a short word after a number is a unit.
    if (word.size() <= 4 && tokens.size() >= 2) {
      const Token& before_tok = tokens[tokens.size() - 2];
      std::string_view gap = analysis.view({before_tok.span.end, last.span.start});
      bool blank_gap = true;
      for (char c : gap) blank_gap = blank_gap && IsBlank(c);
      if (blank_gap && (before_tok.shape == TokenShape::kNumber ||
                        before_tok.shape == TokenShape::kAlphanumeric)) {
        return false;
      }
    }
    return true;
  }

  // The sentence starts with an ordinary lower-case English word: not a
  // brand in mixed case, a name particle, an abbreviation, a URL or handle.
  bool IsLowerCaseStart(Analysis& analysis, const Sentence& s, std::string_view text,
                        std::span<const Token> tokens) const {
    if (!IsAsciiLower(text[0])) return false;  // digits, symbols, quotes, caseless scripts
    const Token& t = tokens[0];
    if (t.span.start != s.span.start || t.shape != TokenShape::kLower) return false;
    std::string_view word = analysis.view(t.span);
    if (word.find('.') != std::string_view::npos) return false;  // "e.g.", "p.m."
    // The first run of non-blank text: a URL, a domain, a path or a handle.
    size_t end = 0;
    while (end < text.size() && !IsBlank(text[end])) ++end;
    std::string_view chunk = text.substr(0, end);
    if (chunk.find("://") != std::string_view::npos || chunk.find_first_of("@/\\#_=") != std::string_view::npos) {
      return false;
    }
    for (size_t k = 0; k + 1 < chunk.size(); ++k) {
      if (chunk[k] == '.' && (IsAsciiLower(chunk[k + 1]) || IsAsciiUpper(chunk[k + 1]) ||
                              IsAsciiDigit(chunk[k + 1]))) {
        return false;  // "example.com", "will.i.am"
      }
    }
    // "etc. and", "approx. two": the word itself is abbreviated.
    const size_t after = t.span.end - s.span.start;
    if (after < text.size() && text[after] == '.') {
      if (after + 1 < text.size()) return false;
      if (abbreviations_.count(word)) return false;
    }
    const std::string lower = Lower(word);
    if (names_.count(lower)) return false;  // "adidas", written in lower case
    // A particle before a capitalised name ("de Gaulle", "van der Berg").
    if (particles_.count(lower) && tokens.size() >= 2 && tokens[1].shape != TokenShape::kLower) {
      return false;
    }
    if (particles_.count(lower) && tokens.size() >= 3 && particles_.count(Lower(analysis.view(tokens[1].span))) &&
        tokens[2].shape != TokenShape::kLower) {
      return false;
    }
    return true;
  }

  bool HasVerbCue(const std::vector<std::string>& words) const {
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[k];
      const bool after_to = k > 0 && words[k - 1] == "to";
      if (after_to) continue;
      if (verbs_.count(w)) return true;
      if (w.size() >= 5 && w.ends_with("ed")) return true;
      if (w.find('\'') != std::string::npos || w.find("\u2019") != std::string::npos) {
        // "it's", "don't", "they're": a contraction carries a verb.
        if (!w.ends_with("'s") && !w.ends_with("\u2019s")) return true;
        if (w == "it's" || w == "it\u2019s" || w == "that's" || w == "that\u2019s" ||
            w == "there's" || w == "there\u2019s" || w == "he's" || w == "he\u2019s" ||
            w == "she's" || w == "she\u2019s" || w == "what's" || w == "what\u2019s") {
          return true;
        }
      }
    }
    return false;
  }

  // Lexicon words, looked up per token (by string_view); never iterated.
  StringSet abbreviations_;
  StringSet particles_;
  StringSet names_;
  StringSet verbs_;
  StringSet openers_;
  StringSet enders_;
};

}  // namespace

std::unique_ptr<Rule> MakeSentenceFragmentRule() {
  return std::make_unique<SentenceFragmentRule>();
}

}  // namespace newslint
