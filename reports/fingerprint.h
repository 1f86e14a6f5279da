// newslint: stable identities of findings, for baselines and SARIF.
//
// A finding's fingerprint must survive a re-scrape: the same defect in the
// same article should keep its identity when an edit above it shifts every
// offset, and lose it when the defective text itself changes. So it hashes
//
//   article key   Article::id when the record had one, else its url, else
//                 ArticleName() ("source#record" or the file name);
//   rule id;
//   matched text  the bytes of the finding's span with every run of white
//                 space (utf8::IsSpace, so NBSP and zero-width spaces too)
//                 collapsed to one ASCII space and the ends trimmed; case
//                 kept;
//   occurrence    how many earlier findings of the article (in the order the
//                 engine sorts them: by span start, then rule id) have the
//                 same rule and matched text: the second identical
//                 "Read more:" is occurrence 1, and stays 1 wherever it moves;
//
// and never an offset, a line, a column or the message. The hash is 64-bit
// FNV-1a over the four fields, each prefixed by its length (so field
// boundaries cannot shift), finished with the SplitMix64 mixer; printed as
// 16 lower-case hex digits. 64 bits keep accidental collisions negligible:
// with a million baseline entries, a new finding matches one by chance with
// probability ~5e-14.
//
// "v1" in the SARIF property "newslint/v1" and the baseline schema
// "newslint.baseline/1" name this recipe; changing it needs a new version.

#ifndef NEWSLINT_REPORTS_FINGERPRINT_H_
#define NEWSLINT_REPORTS_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/article.h"
#include "lint/finding.h"

namespace newslint {

// The article part of the key: id, else url, else ArticleName(article). An
// id the reader made up ("<file>:<line>", or the file name) counts as none.
std::string ArticleKey(const Article& article);

// The span's bytes, white space collapsed and trimmed (see above). A span
// outside the text is clamped to it.
std::string NormalizedMatch(const Article& article, const Finding& finding);
std::string CollapseSpace(std::string_view text);

uint64_t FingerprintOf(std::string_view article_key, std::string_view rule,
                       std::string_view normalized_text, int64_t occurrence);

// One finding's identity, with the parts it was made from.
struct FindingIdentity {
  uint64_t fingerprint = 0;
  std::string text;  // NormalizedMatch
  int64_t occurrence = 0;
};

// The identities of `findings` (one per finding, same order) of `article`,
// which share ArticleKey(article).
std::vector<FindingIdentity> IdentifyFindings(const Article& article,
                                              const std::vector<Finding>& findings);

// 16 lower-case hex digits; ParseFingerprint reads them back (false for
// anything else).
std::string FingerprintHex(uint64_t fingerprint);
bool ParseFingerprint(std::string_view hex, uint64_t* fingerprint);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_FINGERPRINT_H_
