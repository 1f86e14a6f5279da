// newslint: domain blocklists for links/blocklisted-domain.
//
// A blocklist holds millions of domains (the UT1 lists run to several
// million), is loaded once per run and read by every worker thread. Domains
// are kept in one byte arena; an open-addressing hash table of 8-byte slots
// (arena offset, length, category, hash tag) indexes them, at most half full.
// Memory is about 16 bytes of table plus the domain's bytes per domain (see
// docs/rules/links/blocklisted-domain.md for the measured figure); a lookup
// hashes the key once and probes a few adjacent slots.
//
// Sources: a UT1-style folder (`<dir>/<category>/domains`, or a category
// folder holding `domains`) or a plain file of one domain per line (category:
// the file name without extension). Lines are trimmed and lower-cased; blank
// lines, "#" comments and a leading "*." or "www." are skipped.

#ifndef NEWSLINT_RULES_LINK_BLOCKLIST_H_
#define NEWSLINT_RULES_LINK_BLOCKLIST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::links {

class Blocklist {
 public:
  struct Match {
    std::string_view domain;    // the listed domain that matched
    std::string_view category;  // its category (UT1 folder or file name)
  };

  // Adds every source in `paths`; false with *error naming the path that
  // could not be read.
  bool Load(const std::vector<std::string>& paths, std::string* error);
  // Adds the domains of one buffer (one per line) under `category`.
  void AddDomains(std::string_view text, std::string_view category);
  // Adds one domain; a domain already listed keeps its first category.
  void Add(std::string_view domain, uint16_t category);

  // Whether `domain` (lower-case) is listed, exactly.
  std::optional<Match> Find(std::string_view domain) const;
  // The host or one of its parent domains, from the host down to
  // `registered` (its registered domain), the most specific first.
  std::optional<Match> FindHost(std::string_view host, std::string_view registered) const;

  size_t size() const { return size_; }
  // Bytes held by the arena and the table (capacity, not size).
  size_t MemoryBytes() const;
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  uint16_t CategoryId(std::string_view name);
  void Grow();
  void Reserve(size_t domains);  // room for this many without growing
  void Rehash(size_t slots);     // slots: a power of two
  bool Insert(uint64_t hash, uint32_t offset, uint32_t length, uint16_t category);

  std::string arena_;
  std::vector<uint64_t> table_;  // 0 = empty
  size_t size_ = 0;
  std::vector<std::string> categories_;
  std::vector<std::string> sources_;
};

// The blocklist of `paths`, loaded on first use and shared read-only by every
// thread for the rest of the run (one load per distinct list of paths).
// nullptr, with *error set the first time, when a source cannot be read.
std::shared_ptr<const Blocklist> SharedBlocklist(const std::vector<std::string>& paths,
                                                 std::string* error);

}  // namespace newslint::links

#endif  // NEWSLINT_RULES_LINK_BLOCKLIST_H_
