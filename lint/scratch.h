// newslint: thread-local scratch vectors that are reused from one article to
// the next.
//
// A buffer a thread reuses keeps its capacity, which saves an allocation
// per article; but one pathological record (8 MB of line breaks, a
// paragraph of a million code points) must not pin its worst case for the
// rest of the run, once per worker thread (the memory bound of
// docs/performance.md). So a buffer is taken for the next use through
// ReuseScratch: cleared, or released when it holds more than kMaxKeptBytes
// (ReleaseIfLarge, for a buffer that is resized rather than cleared).
//
//   thread_local std::vector<Span> v;
//   ReuseScratch(v);
//   ... v.push_back(...) ...

#ifndef NEWSLINT_LINT_SCRATCH_H_
#define NEWSLINT_LINT_SCRATCH_H_

#include <cstddef>
#include <vector>

namespace newslint {

inline constexpr size_t kMaxKeptBytes = size_t{1} << 20;

// Frees `v`'s storage when that is over kMaxKeptBytes (true), and leaves
// `v` as it is otherwise: for a buffer its user resizes rather than clears,
// so that its elements are not zeroed on every use.
template <typename T>
bool ReleaseIfLarge(std::vector<T>& v) {
  if (v.capacity() * sizeof(T) <= kMaxKeptBytes) return false;
  std::vector<T>().swap(v);
  return true;
}

// Empties `v` for reuse; frees its storage when that is over kMaxKeptBytes.
template <typename T>
void ReuseScratch(std::vector<T>& v) {
  if (!ReleaseIfLarge(v)) v.clear();
}

}  // namespace newslint

#endif  // NEWSLINT_LINT_SCRATCH_H_
