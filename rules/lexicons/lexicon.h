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
#include <vector>

namespace newslint {

// The raw text of rules/lexicons/<name>.txt; empty if there is no such file.
std::string_view BuiltinLexicon(std::string_view name);

// The entries of a lexicon: non-blank, non-comment lines, trimmed.
std::vector<std::string_view> LexiconEntries(std::string_view name);

}  // namespace newslint

#endif  // NEWSLINT_RULES_LEXICONS_LEXICON_H_
