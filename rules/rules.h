// newslint: factories of the built-in rules, one per rule file.
// Add a rule: write rules/<family>/<name>.cc defining its factory, declare the
// factory here, and list it in rules/registry.cc.

#ifndef NEWSLINT_RULES_RULES_H_
#define NEWSLINT_RULES_RULES_H_

#include <memory>

#include "lint/rule.h"

namespace newslint {

std::unique_ptr<Rule> MakeConsentBannerRule();      // boilerplate/consent-banner
std::unique_ptr<Rule> MakeNavigationRule();         // boilerplate/navigation
std::unique_ptr<Rule> MakeRelatedContentRule();     // boilerplate/related-content
std::unique_ptr<Rule> MakeShareWidgetRule();        // boilerplate/share-widget
std::unique_ptr<Rule> MakeUiTextRule();             // boilerplate/ui-text
std::unique_ptr<Rule> MakeCmsArtifactRule();        // boilerplate/cms-artifact
std::unique_ptr<Rule> MakeAccountPromptRule();      // boilerplate/account-prompt
std::unique_ptr<Rule> MakeSiteFooterRule();         // boilerplate/site-footer
std::unique_ptr<Rule> MakeBylineResidueRule();      // boilerplate/byline-residue
std::unique_ptr<Rule> MakeDuplicateBlockRule();     // boilerplate/duplicate-block
std::unique_ptr<Rule> MakeTemplateLineRule();       // boilerplate/template-line (dataset rule)
std::unique_ptr<Rule> MakeCaptionRule();            // boilerplate/caption
std::unique_ptr<Rule> MakeMojibakeRule();           // garbled/mojibake
std::unique_ptr<Rule> MakeHtmlResidueRule();        // garbled/html-residue
std::unique_ptr<Rule> MakeStrayPunctuationRule();   // garbled/stray-punctuation
std::unique_ptr<Rule> MakeSentenceFragmentRule();   // garbled/sentence-fragment
std::unique_ptr<Rule> MakeRepeatedWordRule();       // garbled/repeated-word
std::unique_ptr<Rule> MakeSpellingRule();            // garbled/spelling
std::unique_ptr<Rule> MakeUnbalancedQuotesRule();    // garbled/unbalanced-quotes
std::unique_ptr<Rule> MakeUnbalancedBracketsRule();  // garbled/unbalanced-brackets
std::unique_ptr<Rule> MakeInvisibleCharactersRule(); // garbled/invisible-characters
std::unique_ptr<Rule> MakeTruncatedRule();           // garbled/truncated
std::unique_ptr<Rule> MakeSpunPhraseRule();          // garbled/spun-phrase
std::unique_ptr<Rule> MakeGrammarRule();             // garbled/grammar
std::unique_ptr<Rule> MakeSpeakerCommonWordRule();     // attribution/speaker-common-word
std::unique_ptr<Rule> MakeSpeakerMismatchRule();       // attribution/speaker-mismatch
std::unique_ptr<Rule> MakeSpeakerNotIntroducedRule();  // attribution/speaker-not-introduced
std::unique_ptr<Rule> MakeConflictingSpeakersRule();   // attribution/conflicting-speakers
std::unique_ptr<Rule> MakeUnattributedQuoteRule();     // attribution/unattributed-quote
std::unique_ptr<Rule> MakeSpamAnchorRule();           // links/spam-anchor
std::unique_ptr<Rule> MakeBlocklistedDomainRule();    // links/blocklisted-domain
std::unique_ptr<Rule> MakeHiddenLinkRule();           // links/hidden-link
std::unique_ptr<Rule> MakeOffTopicAnchorRule();       // links/off-topic-anchor
std::unique_ptr<Rule> MakeLinkFarmRule();             // links/link-farm
std::unique_ptr<Rule> MakeSuspiciousUrlRule();        // links/suspicious-url
std::unique_ptr<Rule> MakeDuplicateArticleRule();     // dataset/duplicate-article (dataset rule)
std::unique_ptr<Rule> MakeRepeatedBodyRule();         // dataset/repeated-body
std::unique_ptr<Rule> MakeQualityWordCountRule();            // quality/word-count
std::unique_ptr<Rule> MakeQualityMeanWordLengthRule();       // quality/mean-word-length
std::unique_ptr<Rule> MakeQualitySymbolRatioRule();          // quality/symbol-ratio
std::unique_ptr<Rule> MakeQualityBulletLinesRule();          // quality/bullet-lines
std::unique_ptr<Rule> MakeQualityEllipsisLinesRule();        // quality/ellipsis-lines
std::unique_ptr<Rule> MakeQualityAlphabeticWordsRule();      // quality/alphabetic-words
std::unique_ptr<Rule> MakeQualityStopWordsRule();            // quality/stop-words
std::unique_ptr<Rule> MakeQualityDuplicateLinesRule();       // quality/duplicate-lines
std::unique_ptr<Rule> MakeQualityDuplicateParagraphsRule();  // quality/duplicate-paragraphs
std::unique_ptr<Rule> MakeQualityTopNgramRule();             // quality/top-ngram
std::unique_ptr<Rule> MakeQualityDuplicateNgramsRule();      // quality/duplicate-ngrams
std::unique_ptr<Rule> MakeQualityTerminalPunctuationRule();  // quality/terminal-punctuation
std::unique_ptr<Rule> MakeQualityShortLinesRule();           // quality/short-lines
std::unique_ptr<Rule> MakeQualityLoremIpsumRule();           // quality/lorem-ipsum
std::unique_ptr<Rule> MakeQualityCurlyBracesRule();          // quality/curly-braces
std::unique_ptr<Rule> MakeQualityJavascriptRule();           // quality/javascript
std::unique_ptr<Rule> MakeMissingFieldRule();         // metadata/missing-field (dataset rule)
std::unique_ptr<Rule> MakeImplausibleDateRule();      // metadata/implausible-date
std::unique_ptr<Rule> MakeBylineNotAPersonRule();     // metadata/byline-not-a-person
std::unique_ptr<Rule> MakeTitleMismatchRule();        // metadata/title-mismatch
std::unique_ptr<Rule> MakeLanguageRule();             // metadata/language

}  // namespace newslint

#endif  // NEWSLINT_RULES_RULES_H_
