// newslint: the pieces of boilerplate/template-line that tests reach into:
// the line normalisation hash and the bounded count table of the first pass.
// The rule itself is MakeTemplateLineRule() (rules/rules.h).

#ifndef NEWSLINT_RULES_BOILERPLATE_TEMPLATE_LINE_H_
#define NEWSLINT_RULES_BOILERPLATE_TEMPLATE_LINE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newslint::template_line {

// 64-bit hash of a line after normalisation: a leading list marker ("• ",
// "- ", ...) dropped, ASCII letters lower-cased, curly quotes straightened,
// every run of white space (Unicode spaces included) one space, leading and
// trailing white space ignored. Digits are kept: "© 2024 Site" and "© 2023
// Site" are two lines, and a date line that changes every article never
// recurs. Allocates nothing; never returns 0.
uint64_t LineHash(std::string_view line);

// The key of a site: Article::site when set, else Article::source ("s:" and
// "f:" spaces never collide).
uint64_t SiteKey(std::string_view site, std::string_view source);

// The table key of (site, line hash); never 0.
uint64_t EntryKey(uint64_t site_key, uint64_t line_hash);

// (site, line) key -> number of articles, in one open-addressing table of
// 12 bytes per slot (8-byte key, 4-byte saturating count), linear probing,
// load factor at most 3/4, grown by doubling up to the power of two that
// holds `max_entries`. When `max_entries` keys are held and a new key
// arrives, the entries seen in the fewest articles are evicted (count 1
// first; a higher count only when count-1 entries are under a quarter of the
// table), so a frequent line survives and an evicted line that returns starts
// again from 1: counts can only be under-counted, never over-counted.
class CountTable {
 public:
  explicit CountTable(size_t max_entries);

  void Add(uint64_t key);            // +1 article
  uint32_t Get(uint64_t key) const;  // 0 when absent
  void Clear();

  size_t size() const { return size_; }
  size_t capacity() const { return keys_.size(); }
  size_t max_entries() const { return max_entries_; }
  uint64_t evictions() const { return evictions_; }  // entries evicted so far
  uint64_t dropped() const { return dropped_; }      // keys not stored: table full
  size_t bytes() const { return keys_.size() * (sizeof(uint64_t) + sizeof(uint32_t)); }
  // Slots the table grows to at most: bytes() <= 12 * max_capacity().
  static size_t MaxCapacity(size_t max_entries);

 private:
  size_t Slot(uint64_t key) const;
  void Rehash(size_t capacity, uint32_t evict_at_most);
  void Evict();

  size_t max_entries_;
  size_t max_capacity_;
  size_t size_ = 0;
  uint64_t evictions_ = 0;
  uint64_t dropped_ = 0;
  std::vector<uint64_t> keys_;    // 0 = empty slot
  std::vector<uint32_t> counts_;
};

}  // namespace newslint::template_line

#endif  // NEWSLINT_RULES_BOILERPLATE_TEMPLATE_LINE_H_
