// newslint: the rule doc pages, compiled in from docs/rules/<family>/<name>.md
// so that `newslint explain RULE` works wherever the binary is.

#ifndef NEWSLINT_LINT_RULE_DOCS_H_
#define NEWSLINT_LINT_RULE_DOCS_H_

#include <string>
#include <string_view>

namespace newslint {

// The Markdown doc page of rule `id` ("garbled/mojibake"); empty if none.
std::string_view RuleDoc(std::string_view id);

}  // namespace newslint

#endif  // NEWSLINT_LINT_RULE_DOCS_H_
