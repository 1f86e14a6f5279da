// newslint: the piece of boilerplate/duplicate-block that tests reach into:
// the line normalisation hash. The rule itself is MakeDuplicateBlockRule()
// (rules/rules.h).

#ifndef NEWSLINT_RULES_BOILERPLATE_DUPLICATE_BLOCK_H_
#define NEWSLINT_RULES_BOILERPLATE_DUPLICATE_BLOCK_H_

#include <cstdint>
#include <string_view>

namespace newslint::duplicate_block {

// A 64-bit key of the normalised line: a leading list marker dropped, ASCII
// letters lower-cased, curly quotes, back-ticks and guillemets straightened,
// white-space runs as one space, trimmed; an invalid byte as U+FFFD. The
// key is lint/block_hash.h over the normalised line's UTF-8 bytes: equal
// keys for equal normalised lines, and otherwise equal with probability
// about 2^-64; the rule compares keys and nothing else. Allocates nothing.
// 0 for a line without letters, never 0 otherwise.
uint64_t NormalisedHash(std::string_view line);

// The title without a trailing site name ("Headline | Site", "Headline -
// Site", "Headline — Site"; the separators " | ", " - ", " – ",
// " — " and " :: ", the last one in the title): the title itself when
// there is none, when the site part has over five words, or when the head
// has under two.
std::string_view StripSiteSuffix(std::string_view title);

}  // namespace newslint::duplicate_block

#endif  // NEWSLINT_RULES_BOILERPLATE_DUPLICATE_BLOCK_H_
