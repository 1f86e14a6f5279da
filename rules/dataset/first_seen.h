// newslint: FirstSeen, dataset/repeated-body's table of the first position
// of each k-gram key in one article (rules/dataset/repeated_body.cc).
//
//   FirstSeen seen;            // one per thread, reused article after article
//   seen.Reset(n);             // an article with n keys
//   uint32_t first = seen.FindOrInsert(key, pos);  // == pos: a new key

#ifndef NEWSLINT_RULES_DATASET_FIRST_SEEN_H_
#define NEWSLINT_RULES_DATASET_FIRST_SEEN_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "lint/scratch.h"

namespace newslint::dataset {

// Open addressing: k-gram hash -> first word position. A slot holds its key,
// its position and the round (article) that wrote it: a slot of an earlier
// round is empty, so Reset clears nothing (a new round number) and a probe
// reads one slot, not a key array and a value array. Which slot a key lands
// in never changes what FindOrInsert returns: the position first stored for
// the key in this round.
class FirstSeen {
 public:
  void Reset(size_t n) {
    const size_t capacity = std::bit_ceil(std::max<size_t>(16, 2 * n));
    // Too small, or a long record's table too large to keep (lint/scratch.h).
    if (slots_.size() < capacity ||
        (slots_.size() > capacity && slots_.size() * sizeof(Slot) > kMaxKeptBytes)) {
      std::vector<Slot>(capacity).swap(slots_);  // round 0: never current below
      round_ = 0;
    }
    mask_ = capacity - 1;
    if (++round_ == 0) {  // wrapped: old rounds could look current
      for (Slot& slot : slots_) slot.round = 0;
      round_ = 1;
    }
  }
  // The position stored for `key`, storing `pos` when there is none.
  uint32_t FindOrInsert(uint64_t key, uint32_t pos) {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.round != round_) {
        slot = {key, pos, round_};
        return pos;
      }
      if (slot.key == key) return slot.pos;
    }
  }

  // The table's memory: what a thread keeps between articles.
  size_t table_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t pos = 0;
    uint32_t round = 0;
  };
  std::vector<Slot> slots_;  // at least mask_ + 1; slots past it are unused
  size_t mask_ = 0;
  uint32_t round_ = 0;
};

}  // namespace newslint::dataset

#endif  // NEWSLINT_RULES_DATASET_FIRST_SEEN_H_
