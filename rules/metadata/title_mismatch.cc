// metadata/title-mismatch: the record's title does not occur in its body and
// shares almost none of its words with it: the body is another page's (an
// index, a teaser list, the next article) saved under this title.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

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

// Words of `s`: runs of letters and digits (UTF-8 letters included), lower-
// cased (ASCII), apostrophe endings dropped ("Biden's" -> "biden").
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    const bool word = cp.valid && (utf8::IsLetter(cp.value) ||
                                   (cp.value >= '0' && cp.value <= '9'));
    if (word) {
      for (size_t k = 0; k < cp.length; ++k) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        cur += c;
      }
    } else if ((cp.value == '\'' || cp.value == 0x2019) && !cur.empty()) {
      // "biden's": the letters after the apostrophe are dropped.
      size_t j = i + cp.length;
      while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) ++j;
      flush();
      i = j;
      continue;
    } else {
      flush();
    }
    i += cp.length;
  }
  flush();
  return out;
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
    std::vector<std::string> title;
    for (std::string& w : Words(article.title)) {
      if (w.size() >= 2 && !stop_.count(w) && std::find(title.begin(), title.end(), w) ==
                                                  title.end()) {
        title.push_back(std::move(w));
      }
    }
    if (static_cast<int64_t>(title.size()) < options.GetInt("min-title-words", 3)) return;
    const std::vector<std::string> body_words = Words(article.text);
    if (static_cast<int64_t>(body_words.size()) < options.GetInt("min-body-words", 50)) return;
    // The title as written in the body (a headline repeated as the first
    // line): it belongs there, whatever the words say.
    if (article.text.find(article.title) != std::string::npos) return;

    std::unordered_set<std::string_view> body(body_words.begin(), body_words.end());
    std::vector<std::string> missing;
    int found = 0;
    for (const std::string& w : title) {
      if (Found(w, body)) {
        ++found;
      } else {
        missing.push_back(w);
      }
    }
    const double overlap = static_cast<double>(found) / static_cast<double>(title.size());
    const double min_overlap = options.GetDouble("min-overlap", 0.2);
    if (overlap >= min_overlap) return;
    sink.Report({0, 0},
                "title \"" + article.title.substr(0, 120) + "\" shares " +
                    std::to_string(found) + " of its " + std::to_string(title.size()) +
                    " content words with the body",
                {{"title", article.title.substr(0, 200)},
                 {"title_words", static_cast<int64_t>(title.size())},
                 {"found_in_body", int64_t{found}},
                 {"overlap", overlap},
                 {"threshold", min_overlap},
                 {"missing", missing}});
  }

 private:
  // The word in the body, or a form sharing its first five letters with a
  // body word of five letters or more ("elections" / "election", "rates" /
  // "rate" by the four-letter stem of a short word).
  static bool Found(const std::string& w, const std::unordered_set<std::string_view>& body) {
    if (body.count(w)) return true;
    const size_t stem = w.size() >= 6 ? 5 : w.size() >= 5 ? 4 : 0;
    if (stem == 0) return false;
    const std::string_view prefix = std::string_view(w).substr(0, stem);
    for (std::string_view b : body) {
      if (b.size() >= stem && b.substr(0, stem) == prefix) return true;
    }
    return false;
  }

  std::unordered_set<std::string_view> stop_;
};

}  // namespace

std::unique_ptr<Rule> MakeTitleMismatchRule() { return std::make_unique<TitleMismatchRule>(); }

}  // namespace newslint
