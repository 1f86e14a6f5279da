// newslint: factories of the built-in rules, one per rule file.
// Add a rule: write rules/<family>/<name>.cc defining its factory, declare the
// factory here, and list it in rules/registry.cc.

#ifndef NEWSLINT_RULES_RULES_H_
#define NEWSLINT_RULES_RULES_H_

#include <memory>

#include "lint/rule.h"

namespace newslint {

std::unique_ptr<Rule> MakeConsentBannerRule();     // boilerplate/consent-banner
std::unique_ptr<Rule> MakeMojibakeRule();          // garbled/mojibake
std::unique_ptr<Rule> MakeHtmlResidueRule();       // garbled/html-residue
std::unique_ptr<Rule> MakeStrayPunctuationRule();  // garbled/stray-punctuation

}  // namespace newslint

#endif  // NEWSLINT_RULES_RULES_H_
