// newslint: Abseil's flat hash containers keyed by strings, for the lookups
// made per token or per word (lexicon word sets, verdict caches).
//
// absl::flat_hash_set/map keep their entries in one open-addressed array (no
// node and no allocation per entry, one probe of a control-byte group per
// lookup), where std::unordered_* chase a bucket's linked nodes. The
// hash/equality pair below is transparent: a container keyed by std::string
// is searched with a std::string_view (or a const char*) without building a
// std::string. Debian's Abseil has its own absl::string_view (not an alias of
// std::string_view), so absl's default string hasher does not take a
// std::string_view: hence these functors.
//
// Two differences from std::unordered_* matter to callers:
//  - Iteration order is unspecified and changes from process to process (the
//    hash is seeded per process). Never let it reach output (findings,
//    messages, evidence, reports): sort first, or keep an ordered container.
//  - A rehash (any insert may cause one) moves the entries: pointers,
//    references and iterators into a container do not survive an insert.

#ifndef NEWSLINT_LINT_FLAT_HASH_H_
#define NEWSLINT_LINT_FLAT_HASH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace newslint {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// Owned strings, found by std::string_view.
using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;
// Views of strings that outlive the set (embedded lexicons, literals).
using StringViewSet = absl::flat_hash_set<std::string_view, StringHash, StringEq>;

}  // namespace newslint

#endif  // NEWSLINT_LINT_FLAT_HASH_H_
