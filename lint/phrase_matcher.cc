#include "lint/phrase_matcher.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "lint/byte_set.h"

namespace newslint {

namespace {

// One folded symbol of the text and the bytes it came from.
struct Unit {
  unsigned char symbol;
  size_t length;
};

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Length of a whitespace character at text[i] (ASCII space, U+00A0, U+2009,
// U+202F), or 0.
size_t SpaceLength(std::string_view text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (IsAsciiSpace(c)) return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < text.size()) {
    auto b1 = static_cast<unsigned char>(text[i + 1]);
    auto b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 == 0x80 && (b2 == 0x89 || b2 == 0xAF))) return 3;
  }
  return 0;
}

Unit NextUnit(std::string_view text, size_t i) {
  if (size_t len = SpaceLength(text, i)) {
    size_t j = i + len;
    while (j < text.size()) {
      size_t more = SpaceLength(text, j);
      if (more == 0) break;
      j += more;
    }
    return {' ', j - i};
  }
  auto c = static_cast<unsigned char>(text[i]);
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b2 == 0x98 || b2 == 0x99) return {'\'', 3};
    if (b2 == 0x9C || b2 == 0x9D) return {'"', 3};
  }
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
  return {c, 1};
}

// Letters and digits, ASCII or not. Non-ASCII code points count as letters
// unless they are punctuation, symbols or spaces from the common blocks.
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

uint32_t DecodeAt(std::string_view text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return c;
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > text.size()) return 0xFFFD;
  uint32_t cp = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t i = pos - 1;
  for (int back = 0; back < 3 && i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
       ++back) {
    --i;
  }
  return IsWordCodePoint(DecodeAt(text, i));
}

bool WordCharAt(std::string_view text, size_t pos) {
  return pos < text.size() && IsWordCodePoint(DecodeAt(text, pos));
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


// Bytes that fold to themselves or to a lower-case letter in one step, with
// what they fold to; -1 for the bytes NextUnit must look at (whitespace, and
// the lead bytes of U+00A0 and of U+2009/U+202F/typographic quotes).
struct FastFold {
  int16_t symbol[256];
  constexpr FastFold() : symbol() {
    for (int c = 0; c < 256; ++c) {
      symbol[c] = static_cast<int16_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    for (int c : {0x20, 0x09, 0x0D, 0x0A, 0x0C, 0x0B, 0xC2, 0xE2}) symbol[c] = -1;
  }
};
constexpr FastFold kFastFold;

// Bytes that may start a whitespace character (SpaceLength): ASCII spaces and
// the lead bytes of U+00A0, U+2009 and U+202F.
constexpr ByteSet kMayStartSpace(" \t\r\n\f\v\xC2\xE2");
}  // namespace

bool PhraseMatcher::CleanEdgesDecoding(std::string_view text, size_t start, size_t end) {
  auto continuation = [&](size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  return start <= end && end <= text.size() && !continuation(start) && !continuation(end) &&
         !WordCharBefore(text, start) && !WordCharAt(text, end);
}

std::string PhraseMatcher::Fold(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    Unit u = NextUnit(text, i);
    out.push_back(static_cast<char>(u.symbol));
    i += u.length;
  }
  size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

template <typename Cell>
void PhraseCells<Cell>::Allocate(size_t cells) {
  constexpr size_t kLine = 64, kHugePage = size_t{2} << 20;
  const size_t bytes = std::max((cells * sizeof(Cell) + kLine - 1) / kLine * kLine, kLine);
  size_ = cells;
  if (bytes < kHugePage) {
    void* p = std::aligned_alloc(kLine, bytes);
    if (p == nullptr) throw std::bad_alloc();
    std::memset(p, 0, bytes);
    cells_ = std::unique_ptr<Cell[], Free>(static_cast<Cell*>(p), Free{});
    return;
  }
  // Mapped by itself, not from malloc: main() has glibc serve blocks up to
  // 32 MB from its heaps, whose pages earlier allocations have already
  // touched (4 KB each, too late for the advice). Whole huge pages from a
  // 2 MB boundary; fresh mapped pages read as zero.
  const size_t mapped = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* region = mmap(nullptr, mapped + kHugePage, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(region);
  const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > start) munmap(region, aligned - start);
  if (const size_t tail = start + mapped + kHugePage - (aligned + mapped); tail > 0) {
    munmap(reinterpret_cast<void*>(aligned + mapped), tail);
  }
  madvise(reinterpret_cast<void*>(aligned), mapped, MADV_HUGEPAGE);  // a refusal changes nothing else
  cells_ = std::unique_ptr<Cell[], Free>(reinterpret_cast<Cell*>(aligned), Free{mapped});
}

template <typename Cell>
void PhraseCells<Cell>::Free::operator()(Cell* p) const {
  if (mapped > 0) {
    munmap(p, mapped);
  } else {
    std::free(p);
  }
}

template class PhraseCells<uint16_t>;
template class PhraseCells<uint32_t>;

PhraseMatcher::PhraseMatcher(const std::vector<std::string_view>& phrases)
    : phrases_(phrases.begin(), phrases.end()) {
  Compile();
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) : phrases_(phrases) {
  Compile();
}

void PhraseMatcher::Compile() {
  size_t longest = 1;
  for (const std::string& p : phrases_) {
    std::string f = Fold(p);
    needs_start_boundary_.push_back(!f.empty() && IsAsciiAlnum(f.front()) ? 1 : 0);
    needs_end_boundary_.push_back(!f.empty() && IsAsciiAlnum(f.back()) ? 1 : 0);
    for (unsigned char c : f) {
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint8_t>(class_count_++);
    }
    longest = std::max(longest, f.size());
    size_t first_word = 0;
    while (first_word < f.size() && IsAsciiAlnum(static_cast<unsigned char>(f[first_word]))) {
      ++first_word;
    }
    if (first_word > 0) {
      first_words_.push_back(f.substr(0, first_word));
      longest_first_word_ = std::max(longest_first_word_, first_word);
    }
    folded_.push_back(std::move(f));
  }
  std::sort(first_words_.begin(), first_words_.end());
  first_words_.erase(std::unique(first_words_.begin(), first_words_.end()), first_words_.end());
  first_words_.shrink_to_fit();
  size_t history = 1;
  while (history < longest) history <<= 1;
  history_mask_ = history - 1;
}

void PhraseMatcher::BuildAutomaton() const {
  // From nothing, also when a build that threw (Pack: a table over 2^31
  // cells) is tried again by the next scan (call_once lets it).
  ends_here_.clear();
  // The trie, sparse: the child of each (state, class) edge in a hash map
  // (a dense table of every state's row of classes, grown as the trie grew,
  // cost most of a start-up: tens of megabytes of fresh pages, copied at
  // each doubling, for a few tens of thousands of edges).
  absl::flat_hash_map<uint64_t, int32_t> child_of;
  ends_here_.emplace_back();  // the root
  for (size_t p = 0; p < folded_.size(); ++p) {
    if (folded_[p].empty()) continue;
    size_t state = 0;
    for (unsigned char c : folded_[p]) {
      const auto [it, added] = child_of.try_emplace(uint64_t{state} << 8 | byte_class_[c],
                                                    static_cast<int32_t>(ends_here_.size()));
      if (added) ends_here_.emplace_back();
      state = static_cast<size_t>(it->second);
    }
    ends_here_[state].push_back(static_cast<uint32_t>(p));
  }
  const size_t states = ends_here_.size();
  // Each state's children in class order, state after state: the edges
  // sorted by key (state, class), and where each state's start.
  std::vector<std::pair<uint64_t, int32_t>> edges(child_of.begin(), child_of.end());
  std::sort(edges.begin(), edges.end());
  std::vector<uint32_t> first_edge(states + 1, 0);
  for (const auto& e : edges) ++first_edge[(e.first >> 8) + 1];
  for (size_t s = 0; s < states; ++s) first_edge[s + 1] += first_edge[s];

  // Breadth-first (children in class order): failure links and dictionary
  // links. The DFA's step from state s on class c is s's child, else the
  // step from s's failure state, down to the root, where a missing edge
  // (and class 0 always) leads back to the root; Pack() writes each row as
  // its failure state's row with its own children over it.
  std::vector<int32_t> fail(states, 0);
  auto step = [&](size_t s, uint64_t c) -> int32_t {
    for (;;) {
      if (const auto it = child_of.find(uint64_t{s} << 8 | c); it != child_of.end()) return it->second;
      if (s == 0) return 0;
      s = static_cast<size_t>(fail[s]);
    }
  };
  dict_link_.assign(states, -1);
  output_link_.assign(states, -1);
  std::vector<size_t> bfs_order;  // the root, then states as the queue pops them
  bfs_order.reserve(states);
  bfs_order.push_back(0);
  for (size_t k = 0; k < bfs_order.size(); ++k) {
    const size_t s = bfs_order[k];
    if (s != 0) {
      const auto f = static_cast<size_t>(fail[s]);
      dict_link_[s] = ends_here_[f].empty() ? dict_link_[f] : static_cast<int32_t>(f);
      output_link_[s] = ends_here_[s].empty() ? dict_link_[s] : static_cast<int32_t>(s);
    }
    for (uint32_t e = first_edge[s]; e < first_edge[s + 1]; ++e) {
      const auto child = static_cast<size_t>(edges[e].second);
      fail[child] = s == 0 ? 0 : step(static_cast<size_t>(fail[s]), edges[e].first & 0xFF);
      bfs_order.push_back(child);
    }
  }
  Pack(bfs_order, fail, edges, first_edge);
  // Where the column of each byte the fast path folds by itself starts, so
  // that the scan reads one table per byte before the cell; -1 sends it to
  // NextUnit.
  for (int c = 0; c < 256; ++c) {
    const int16_t folded = kFastFold.symbol[c];
    fast_cell_[c] = folded < 0 ? -1 : static_cast<int32_t>(column_cell_[folded]);
  }
}

void PhraseMatcher::Pack(const std::vector<size_t>& bfs_order, const std::vector<int32_t>& fail,
                         const std::vector<std::pair<uint64_t, int32_t>>& edges,
                         const std::vector<uint32_t>& first_edge) const {
  const size_t states = ends_here_.size();
  // Renumber: breadth-first, the states where a phrase may end (output_link_
  // set) after all the others, breadth-first among themselves. The root ends
  // no phrase and stays 0.
  std::vector<int32_t> new_id(states);
  size_t numbered = 0;
  for (const bool reporting : {false, true}) {
    if (reporting) report_from_ = numbered;
    for (const size_t old : bfs_order) {
      if ((output_link_[old] >= 0) == reporting) new_id[old] = static_cast<int32_t>(numbered++);
    }
  }
  auto renumber = [&](int32_t s) { return s < 0 ? s : new_id[static_cast<size_t>(s)]; };
  std::vector<int32_t> output_link(states), dict_link(states);
  std::vector<std::vector<uint32_t>> ends_here(states);
  for (size_t old = 0; old < states; ++old) {
    const size_t n = static_cast<size_t>(new_id[old]);
    output_link[n] = renumber(output_link_[old]);
    dict_link[n] = renumber(dict_link_[old]);
    ends_here[n] = std::move(ends_here_[old]);
  }
  output_link_ = std::move(output_link);
  dict_link_ = std::move(dict_link);
  ends_here_ = std::move(ends_here);
  end_info_.assign(states, 0);
  for (size_t n = 0; n < states; ++n) {
    if (ends_here_[n].empty()) continue;
    const uint32_t p = ends_here_[n][0];
    end_info_[n] = static_cast<uint32_t>(folded_[p].size() << 2) |
                   (needs_start_boundary_[p] ? kNeedsStart : 0u) |
                   (needs_end_boundary_[p] ? kNeedsEnd : 0u);
  }

  // Columns in the order news text uses their bytes most: the space, the
  // letters by English frequency, then common punctuation and the column of
  // bytes in no phrase.
  static constexpr std::string_view kByFrequency = " etaoinshrdlcumwfgypbvkjxqz.,'";
  constexpr size_t kUnset = static_cast<size_t>(-1);
  std::vector<size_t> column_of(class_count_, kUnset);
  size_t next_column = 0;
  for (unsigned char b : kByFrequency) {
    const size_t c = byte_class_[b];
    if (c != 0 && column_of[c] == kUnset) column_of[c] = next_column++;
  }
  column_of[0] = next_column++;
  for (size_t c = 1; c < class_count_; ++c) {
    if (column_of[c] == kUnset) column_of[c] = next_column++;
  }
  // The table in planes of one 64-byte line per state: plane k holds
  // columns [k * kPerLine, (k + 1) * kPerLine) of every state, state after
  // state, and starts on a line boundary. A step on one of the bytes above
  // (most steps) reads plane 0, a dense array of the states' first lines:
  // the lines text visits lie three times closer together than in rows of
  // all the columns, and the row's offset is one shift of the state.
  std::vector<uint32_t> cell_of_column(class_count_);  // by class
  auto fill = [&](auto& cells) {
    using Cell = std::remove_cvref_t<decltype(*cells.data())>;
    constexpr size_t kPerLine = 64 / sizeof(Cell);
    const size_t planes = (class_count_ + kPerLine - 1) / kPerLine;
    const size_t plane_cells = states * kPerLine;
    // Column offsets are 32-bit (fast_cell_): a table of 8 GB at most.
    if (planes * plane_cells > size_t{INT32_MAX}) {
      throw std::length_error("PhraseMatcher: too many phrases for one automaton");
    }
    cells.Allocate(planes * plane_cells);
    for (size_t c = 0; c < class_count_; ++c) {
      cell_of_column[c] =
          static_cast<uint32_t>(column_of[c] / kPerLine * plane_cells + column_of[c] % kPerLine);
    }
    // Breadth-first, so that a state's failure state (nearer the root)
    // is written before it: its lines copied, then its own children over
    // them. The root's row is all zeros (the root, new id 0) but for its
    // children; the padding past the last column stays zero in every row.
    Cell* const base = cells.data();
    for (const size_t old : bfs_order) {
      const auto n = static_cast<size_t>(new_id[old]);
      if (old != 0) {
        const auto from = static_cast<size_t>(new_id[static_cast<size_t>(fail[old])]);
        for (size_t plane = 0; plane < planes; ++plane) {
          std::memcpy(base + plane * plane_cells + n * kPerLine,
                      base + plane * plane_cells + from * kPerLine, 64);
        }
      }
      for (uint32_t e = first_edge[old]; e < first_edge[old + 1]; ++e) {
        const int32_t to = new_id[static_cast<size_t>(edges[e].second)];
        base[cell_of_column[edges[e].first & 0xFF] + n * kPerLine] = static_cast<Cell>(to);
      }
    }
  };
  if (states <= 0xFFFF) {
    fill(cells16_);
  } else {
    fill(cells32_);
  }
  for (int c = 0; c < 256; ++c) column_cell_[c] = cell_of_column[byte_class_[c]];
}

std::vector<uint32_t> PhraseMatcher::TransitionsForTest() const {
  const size_t states = state_count();  // built
  std::vector<uint32_t> out(states * 256);
  const size_t line_shift = cells16_.empty() ? 4 : 5;  // cells per 64-byte line: 16 or 32
  for (size_t n = 0; n < states; ++n) {
    for (size_t b = 0; b < 256; ++b) {
      const size_t at = column_cell_[b] + (n << line_shift);
      out[n * 256 + b] = cells16_.empty() ? cells32_.data()[at] : cells16_.data()[at];
    }
  }
  return out;
}

std::vector<uint32_t> PhraseMatcher::ReferenceTransitionsForTest() const {
  // The trie, with -1 for a missing edge, in rows of class_count_.
  const size_t classes = class_count_;
  std::vector<int32_t> next(classes, -1);
  std::vector<bool> ends(1, false);
  for (const std::string& phrase : folded_) {
    if (phrase.empty()) continue;
    size_t state = 0;
    for (unsigned char c : phrase) {
      if (next[state * classes + byte_class_[c]] < 0) {
        next[state * classes + byte_class_[c]] = static_cast<int32_t>(ends.size());
        ends.push_back(false);
        next.resize(next.size() + classes, -1);
      }
      state = static_cast<size_t>(next[state * classes + byte_class_[c]]);
    }
    ends[state] = true;
  }
  // Breadth-first: failure links, missing edges filled in, and whether a
  // phrase ends at each state or at a suffix (Pack() numbers those last).
  const size_t states = ends.size();
  std::vector<int32_t> fail(states, 0);
  std::vector<bool> reports(states, false);
  std::deque<size_t> queue;
  std::vector<size_t> bfs_order = {0};
  for (size_t c = 0; c < classes; ++c) {
    int32_t& edge = next[c];
    if (edge < 0 || c == 0) {
      edge = 0;
    } else {
      queue.push_back(static_cast<size_t>(edge));
    }
  }
  while (!queue.empty()) {
    const size_t s = queue.front();
    queue.pop_front();
    bfs_order.push_back(s);
    const auto f = static_cast<size_t>(fail[s]);
    reports[s] = ends[s] || reports[f];
    for (size_t c = 0; c < classes; ++c) {
      int32_t& edge = next[s * classes + c];
      const int32_t via_fail = next[f * classes + c];
      if (edge < 0) {
        edge = via_fail;
      } else {
        fail[static_cast<size_t>(edge)] = via_fail;
        queue.push_back(static_cast<size_t>(edge));
      }
    }
  }
  std::vector<uint32_t> new_id(states);
  uint32_t numbered = 0;
  for (const bool reporting : {false, true}) {
    for (const size_t old : bfs_order) {
      if (reports[old] == reporting) new_id[old] = numbered++;
    }
  }
  std::vector<uint32_t> out(states * 256);
  for (size_t old = 0; old < states; ++old) {
    for (size_t b = 0; b < 256; ++b) {
      out[new_id[old] * 256 + b] = new_id[static_cast<size_t>(next[old * classes + byte_class_[b]])];
    }
  }
  return out;
}

namespace {

// The next state from `state` on a byte whose column starts at `column`
// (a pointer into Pack()'s planes, found from the byte alone: off the chain
// of dependent reads). A state's line in a plane is one shift away.
template <typename Cell>
inline size_t Step(const Cell* column, size_t state) {
  constexpr unsigned kLineShift = sizeof(Cell) == 2 ? 5 : 4;  // 64-byte lines of cells
  return column[state << kLineShift];
}

}  // namespace

// The scan's inner loop: steps the automaton over the bytes that fold by
// themselves and over single spaces, until a phrase may end at the step or a
// byte needs NextUnit. It calls nothing, and is kept out of line, so that
// its state, position and tables stay in registers (inlined into the scan,
// whose match handling makes calls, the compiler kept them on the stack and
// every step waited on a store and a reload).
template <typename Cell>
struct FastPath {
  const Cell* cells;
  size_t report_from;
  const int32_t* fast_cell;
  size_t space_cell;
  const char* data;
  size_t n;
  size_t* history;
  size_t mask;

  // From byte i; returns where it stopped, with *reports set when the last
  // step reached a state where a phrase ends.
  __attribute__((noinline)) size_t Run(size_t i, size_t* state_io, size_t* fed_io,
                                       bool* reports) const {
    // Members in locals: a store to `history` may alias them, locals not.
    const Cell* const table = cells;
    const size_t first_reporting = report_from;
    const int32_t* const fast = fast_cell;
    const size_t space = space_cell;
    const char* const bytes = data;
    const size_t size = n;
    size_t* const ring = history;
    const size_t ring_mask = mask;
    size_t state = *state_io;
    size_t fed = *fed_io;
    while (i < size) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      size_t column;
      if (const int32_t f = fast[c]; f >= 0) {
        column = static_cast<size_t>(f);
      } else if (c == ' ' && (i + 1 == size || !kMayStartSpace.Has(bytes[i + 1]))) {
        column = space;  // a single space between words: NextUnit's answer
      } else {
        break;
      }
      ring[fed & ring_mask] = i;
      ++fed;
      ++i;
      // The column's address is made opaque to the compiler, so that the
      // step's load adds it to the shifted state in its addressing (one
      // add fewer on the chain from one state to the next, which is what a
      // byte costs: the compiler otherwise added the column to the state
      // first).
      const Cell* column_cells = table + column;
#if defined(__GNUC__)
      asm("" : "+r"(column_cells));
#endif
      state = Step(column_cells, state);
      if (state >= first_reporting) {
        *reports = true;
        break;
      }
    }
    *state_io = state;
    *fed_io = fed;
    return i;
  }
};

template <typename OnMatch>
void PhraseMatcher::Scan(std::string_view text, size_t base, OnMatch&& on_match) const {
  EnsureBuilt();
  if (ends_here_.size() <= 1 || text.empty()) return;  // no phrase, or nothing to scan
  if (!cells16_.empty()) {
    ScanWith(cells16_, text, base, on_match);
  } else {
    ScanWith(cells32_, text, base, on_match);
  }
}

template <typename Cell, typename OnMatch>
void PhraseMatcher::ScanWith(const PhraseCells<Cell>& table, std::string_view text, size_t base,
                             OnMatch&& on_match) const {
  size_t unit_start[64];
  std::vector<size_t> long_history;
  size_t* history = unit_start;
  if (history_mask_ >= 64) {
    long_history.resize(history_mask_ + 1);
    history = long_history.data();
  }
  const Cell* const cells = table.data();
  const size_t mask = history_mask_;
  const size_t n = text.size();
  const FastPath<Cell> fast{cells, report_from_, fast_cell_, column_cell_[static_cast<unsigned char>(' ')],
                            text.data(), n, history, mask};
  size_t fed = 0;
  size_t state = 0;
  for (size_t i = 0; i < n;) {
    bool reports = false;
    i = fast.Run(i, &state, &fed, &reports);
    if (!reports) {
      if (i >= n) break;
      // A byte the fast path leaves to NextUnit: a whitespace run, a
      // typographic quote, a lead byte of a space character.
      history[fed & mask] = i;
      ++fed;
      const Unit u = NextUnit(text, i);
      i += u.length;
      state = Step(cells + column_cell_[u.symbol], state);
      if (state < report_from_) continue;  // no phrase ends here
    }
    for (int32_t s = output_link_[state]; s >= 0; s = dict_link_[static_cast<size_t>(s)]) {
      // Every phrase ending at a state folds to the same text (the state's
      // path from the root): one length and one boundary check for all.
      const uint32_t info = end_info_[static_cast<size_t>(s)];
      const size_t start = history[(fed - (info >> 2)) & mask];
      if ((info & kNeedsStart) && WordCharBefore(text, start)) continue;
      if ((info & kNeedsEnd) && WordCharAt(text, i)) continue;
      for (uint32_t p : ends_here_[static_cast<size_t>(s)]) {
        if (!on_match(PhraseMatch{p, {base + start, base + i}})) return;
      }
    }
  }
}

void PhraseMatcher::FindAll(std::string_view text, size_t base,
                            std::vector<PhraseMatch>* out) const {
  Scan(text, base, [out](const PhraseMatch& m) {
    out->push_back(m);
    return true;
  });
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text, size_t base) const {
  std::vector<PhraseMatch> out;
  FindAll(text, base, &out);
  return out;
}

bool PhraseMatcher::ContainsAny(std::string_view text) const {
  bool found = false;
  Scan(text, 0, [&found](const PhraseMatch&) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace newslint
