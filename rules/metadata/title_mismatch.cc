// metadata/title-mismatch: the record's title does not occur in its body and
// shares almost none of its words with it: the body is another page's (an
// index, a teaser list, the next article) saved under this title.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "metadata/title-mismatch",
    Severity::kWarning,
    "The title does not occur in the body and shares almost none of its words with it: the "
    "body belongs to another page, such as an index or teaser list saved as the article.",
    {
        {"min-title-words", "int", "3",
         "Titles with fewer content words get no verdict (\"World News\" says too little)."},
        {"min-body-words", "int", "50", "Bodies with fewer words get no verdict."},
        {"min-overlap", "double", "0.2",
         "The share of the title's content words found in the body below which the title "
         "does not belong to the body."},
    }};

// Words of `s` as [start, end) byte ranges, in order: runs of letters and
// digits (UTF-8 letters included; digits are ASCII), an apostrophe ending
// ("Biden's": the ASCII letters after ' or U+2019) dropped. A word's bytes
// lower-cased (ASCII) are its form. Calls f(start, end) for each, and stops
// when f returns false.
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  constexpr size_t kNone = std::string_view::npos;
  size_t start = kNone;  // where the current word began, if one has
  for (size_t i = 0; i < s.size();) {
    // The character at i: of a word, an apostrophe, or a break. ASCII (one
    // byte, most of them) without decoding.
    const auto c = static_cast<unsigned char>(s[i]);
    size_t length = 1;
    bool word, apostrophe;
    if (c < 0x80) {
      word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      apostrophe = c == '\'';
    } else {
      const utf8::CodePoint cp = utf8::DecodeAt(s, i);
      length = cp.length;
      word = cp.valid && utf8::IsLetter(cp.value);
      apostrophe = cp.value == 0x2019;
    }
    if (word) {
      if (start == kNone) start = i;
      i += length;
      continue;
    }
    size_t next = i + length;
    if (apostrophe && start != kNone) {
      while (next < s.size() && (s[next] | 0x20) >= 'a' && (s[next] | 0x20) <= 'z') ++next;
    }
    if (start != kNone && !f(start, i)) return;
    start = kNone;
    i = next;
  }
  if (start != kNone) f(start, s.size());
}

// Appends the words of `s`, lower-cased (ASCII), to *out.
void AppendWords(std::string_view s, std::vector<std::string>* out) {
  ForEachWord(s, [&](size_t start, size_t end) {
    std::string w(s.substr(start, end - start));
    for (char& c : w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out->push_back(std::move(w));
    return true;
  });
}

// Whether the first n bytes at `text`, lower-cased (ASCII), are
// `lower`'s first n.
bool SameLowered(const char* text, const std::string& lower, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

class TitleMismatchRule : public Rule {
 public:
  TitleMismatchRule() {
    for (const char* lang : {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "tr"}) {
      for (std::string_view w : LexiconEntries(std::string("language-") + lang)) {
        stop_.insert(w);
      }
    }
  }

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis&, const RuleOptions& options,
             FindingSink& sink) const override {
    if (article.title.empty() || article.text.empty()) return;
    // The lists are reused from one article to the next: no allocation per
    // article (a word of up to 15 bytes needs none of its own).
    thread_local std::vector<std::string> words, title;
    ReuseScratch(words);
    ReuseScratch(title);
    AppendWords(article.title, &words);
    for (std::string& w : words) {
      if (w.size() >= 2 && !stop_.count(w) && std::find(title.begin(), title.end(), w) ==
                                                  title.end()) {
        title.push_back(std::move(w));
      }
    }
    if (static_cast<int64_t>(title.size()) < options.GetInt("min-title-words", 3)) return;
    const int64_t min_body_words = options.GetInt("min-body-words", 50);
    const double min_overlap = options.GetDouble("min-overlap", 0.2);
    const double title_words = static_cast<double>(title.size());
    // Enough of the title found: no finding, whatever the rest of the body
    // holds. Most titles belong to their bodies and find their words in the
    // first lines: the walk of the body stops there.
    auto enough = [&](size_t found) { return static_cast<double>(found) / title_words >= min_overlap; };
    if (enough(0)) return;

    // The body's words against the title's, in one walk of the body per 64
    // title words (a title has a dozen: one walk), without copying a word:
    // a body word is compared only with the title words still missing that
    // start with its first byte.
    thread_local std::vector<uint8_t> found_word;
    ReleaseIfLarge(found_word);
    found_word.assign(title.size(), 0);
    size_t found = 0;
    int64_t body_words = 0;
    const std::string_view text = article.text;
    for (size_t chunk = 0; chunk < title.size(); chunk += 64) {
      const size_t chunk_end = std::min(title.size(), chunk + 64);
      uint64_t by_first[256] = {};
      for (size_t t = chunk; t < chunk_end; ++t) {
        by_first[static_cast<unsigned char>(title[t][0])] |= uint64_t{1} << (t - chunk);
      }
      int64_t words = 0;
      bool settled = false;
      ForEachWord(text, [&](size_t start, size_t end) {
        ++words;
        auto first = static_cast<unsigned char>(text[start]);
        if (first >= 'A' && first <= 'Z') first = static_cast<unsigned char>(first - 'A' + 'a');
        for (uint64_t candidates = by_first[first]; candidates != 0; candidates &= candidates - 1) {
          const size_t t = chunk + static_cast<size_t>(std::countr_zero(candidates));
          if (!Matches(text.data() + start, end - start, title[t])) continue;
          by_first[first] &= ~(uint64_t{1} << (t - chunk));  // found: compared no more
          found_word[t] = 1;
          if (enough(++found)) {
            settled = true;
            return false;
          }
        }
        return true;
      });
      if (settled) return;
      if (chunk == 0) body_words = words;  // the whole body, walked to its end
      if (body_words < min_body_words) return;
    }
    // The title as written in the body (a headline repeated as the first
    // line): it belongs there, whatever the words say.
    if (article.text.find(article.title) != std::string::npos) return;

    std::vector<std::string> missing;
    for (size_t t = 0; t < title.size(); ++t) {
      if (!found_word[t]) missing.push_back(title[t]);
    }
    const double overlap = static_cast<double>(found) / title_words;
    sink.Report({0, 0},
                "title \"" + article.title.substr(0, 120) + "\" shares " +
                    std::to_string(found) + " of its " + std::to_string(title.size()) +
                    " content words with the body",
                {{"title", article.title.substr(0, 200)},
                 {"title_words", static_cast<int64_t>(title.size())},
                 {"found_in_body", static_cast<int64_t>(found)},
                 {"overlap", overlap},
                 {"threshold", min_overlap},
                 {"missing", missing}});
  }

 private:
  // Whether the body word of `size` bytes at `word` finds the lower-case
  // title word `w`: it is `w` (in any case), or, for a title word of five
  // letters or more, it shares `w`'s first four letters (five, for six
  // letters or more): "elections" finds "election", "rates" finds "rate".
  static bool Matches(const char* word, size_t size, const std::string& w) {
    const size_t stem = w.size() >= 6 ? 5 : w.size() >= 5 ? 4 : 0;
    if (stem == 0) return size == w.size() && SameLowered(word, w, size);
    return size >= stem && SameLowered(word, w, stem);
  }

  std::unordered_set<std::string_view> stop_;
};

}  // namespace

std::unique_ptr<Rule> MakeTitleMismatchRule() { return std::make_unique<TitleMismatchRule>(); }

}  // namespace newslint
