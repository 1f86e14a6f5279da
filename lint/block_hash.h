// newslint: a small streaming 64-bit hash that takes bytes eight at a time.
//
//   BlockHasher h(kSeed);
//   h.Byte(b);             // one byte
//   h.Bytes(v, k);         // the k (1..8) low bytes of v, as k calls of Byte()
//   uint64_t key = h.Final();
//
// Bytes are gathered into 64-bit blocks (byte k of a block is bits 8k..8k+7);
// each full block, and the last partial one zero-padded, is multiplied into
// the state; the state and the byte count are finalised with splitmix64.
// Two multiplications per eight bytes, against FNV-1a's one per byte: for
// keys that only have to be equal exactly when their bytes are (table keys,
// dedup), not for hashes whose values reach the output through a min-hash.
// The same bytes give the same key however they are fed (Byte, Bytes, or
// whole blocks through the static Step and Finish), which is what lets fast
// paths take eight or sixteen bytes at once while a byte loop defines the
// key. Final() is never
// 0 (0 is free to mean "empty" in a table).
//
// Used by boilerplate/template-line and boilerplate/duplicate-block (line
// keys) and dataset/repeated-body (word keys, dataset::AppendWordKeys).

#ifndef NEWSLINT_LINT_BLOCK_HASH_H_
#define NEWSLINT_LINT_BLOCK_HASH_H_

#include <bit>
#include <cstdint>

namespace newslint {

class BlockHasher {
 public:
  explicit BlockHasher(uint64_t seed) : h_(seed) {}

  void Byte(unsigned char b) {
    word_ |= uint64_t{b} << (8 * n_);
    ++length_;
    if (++n_ == 8) Mix();
  }
  // The k (1..8) low bytes of `v` (its other bytes zero), exactly as k calls
  // of Byte() in order: the same block is gathered and mixed at the same
  // byte count.
  void Bytes(uint64_t v, int k) {
    const int room = 8 - n_;  // bytes the current block still takes
    word_ |= v << (8 * n_);
    length_ += static_cast<uint64_t>(k);
    if (k < room) {
      n_ += k;
      return;
    }
    Mix();
    n_ = k - room;
    if (n_ > 0) word_ = v >> (8 * room);  // room < k <= 8: a shift below 64
  }
  uint64_t Final() {
    if (n_ > 0) Mix();
    return Finish(h_, length_);
  }

  // The steps themselves, for fast paths that hold whole blocks in
  // registers: a fresh hasher fed blocks b_1..b_m (the last one zero-padded)
  // of `length` bytes in all has Final() == Finish(Step(..Step(seed, b_1)..,
  // b_m), length).
  static uint64_t Step(uint64_t h, uint64_t block) {
    return std::rotl((h ^ (block * 0x9E3779B97F4A7C15ull)), 27) * 0xFF51AFD7ED558CCDull;
  }
  static uint64_t Finish(uint64_t h, uint64_t length) {
    uint64_t z = h ^ length;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return z == 0 ? 1 : z;
  }

 private:
  void Mix() {
    h_ = Step(h_, word_);
    word_ = 0;
    n_ = 0;
  }
  uint64_t h_;
  uint64_t word_ = 0;
  int n_ = 0;
  uint64_t length_ = 0;
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_BLOCK_HASH_H_
