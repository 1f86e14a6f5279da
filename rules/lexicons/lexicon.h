// newslint: built-in lexicons, compiled in from rules/lexicons/*.txt.
//
// A lexicon file is UTF-8 text, one entry per line; lines starting with "#"
// are comments and blank lines are skipped. Every file states where its
// entries come from (all of them are newslint's own writing unless the file
// says otherwise).
//
//   for (std::string_view phrase : LexiconEntries("consent")) ...

#ifndef NEWSLINT_RULES_LEXICONS_LEXICON_H_
#define NEWSLINT_RULES_LEXICONS_LEXICON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/phrase_matcher.h"

namespace newslint {

// The raw text of rules/lexicons/<name>.txt; empty if there is no such file.
std::string_view BuiltinLexicon(std::string_view name);

// The entries of a lexicon: non-blank, non-comment lines, trimmed.
std::vector<std::string_view> LexiconEntries(std::string_view name);

// The space-separated words of one lexicon entry ("sat down with" ->
// {"sat", "down", "with"}), for lexicons of multi-word patterns.
inline std::vector<std::string> EntryWords(std::string_view entry) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < entry.size()) {
    size_t j = entry.find(' ', i);
    if (j == std::string_view::npos) j = entry.size();
    if (j > i) words.emplace_back(entry.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// One PhraseMatcher over the entries of several lexicons, each lexicon's
// phrases tagged with a kind: (*kinds)[phrase index of a match] tells which
// lexicon the phrase came from. Lexicons are taken in the order given.
//
//   enum class Kind { kLabel, kVeto };
//   std::vector<Kind> kinds;
//   PhraseMatcher m = CompileLexicons<Kind>(
//       {{"my-rule-labels", Kind::kLabel}, {"my-rule-vetoes", Kind::kVeto}}, &kinds);
template <typename Kind>
PhraseMatcher CompileLexicons(std::initializer_list<std::pair<std::string_view, Kind>> lexicons,
                              std::vector<Kind>* kinds) {
  std::vector<std::string_view> phrases;
  for (const auto& [name, kind] : lexicons) {
    for (std::string_view p : LexiconEntries(name)) {
      phrases.push_back(p);
      kinds->push_back(kind);
    }
  }
  return PhraseMatcher(phrases);
}

}  // namespace newslint

#endif  // NEWSLINT_RULES_LEXICONS_LEXICON_H_
