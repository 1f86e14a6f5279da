// newslint: PhraseMatcher, many phrases found in one pass over a line.
//
// Phrase-based rules (consent banners, share widgets, "Read more" teasers,
// house rule packs) look for hundreds of fixed phrases in every line of every
// article. Running one regex per phrase per line is the slow way; a
// PhraseMatcher compiles the whole list once into an Aho-Corasick automaton
// and then finds every occurrence of every phrase in a single left-to-right
// pass over the text, one table lookup per input byte.
//
// Make it once (in the rule's constructor; it is safe to share between
// threads, and builds its automaton on the first scan), then scan lines:
//
//   PhraseMatcher matcher(LexiconEntries("consent-statements"));
//   for (const Paragraph& p : analysis.paragraphs()) {
//     for (const PhraseMatch& m : matcher.FindAll(analysis.view(p.span), p.span.start)) {
//       // m.phrase: index into the phrases given to the constructor
//       // m.span:   bytes of the occurrence in the article text
//     }
//   }
//
// What counts as a match
// ----------------------
// Phrases and text are compared after the same light folding, which never
// changes what the span of a match points at:
//
//   * ASCII letters are case-folded ("Accept All" matches "accept all").
//     Non-ASCII bytes pass through unchanged: "É" does not match "é".
//   * A run of whitespace (space, tab, CR, LF, form feed, U+00A0 no-break
//     space, U+2009 thin space, U+202F narrow no-break space) matches a single
//     space in a phrase, so "we  use\u00a0cookies" matches "we use cookies".
//   * Typographic apostrophes and single quotes (U+2018, U+2019) match "'";
//     typographic double quotes (U+201C, U+201D) match '"'. Write phrases
//     with ASCII quotes.
//   * Whole words only: when a phrase begins with a letter or digit, the
//     character before the match must not be a letter or digit; likewise
//     after a phrase that ends with one. Letters include non-ASCII letters,
//     so "cookies" does not match inside "cookiesé", and "ok" does not match
//     inside "book" or "Okafor". Punctuation at a phrase's edge is matched
//     literally and needs no boundary ("got it!").
//
// Every occurrence is reported, overlapping ones included: scanning "accept
// all cookies" for {"accept all", "all cookies", "cookies"} yields all three.
// Matches come out ordered by their end offset; among matches that end at the
// same byte, longer phrases come first. Phrases that fold to the same text are
// distinct entries and each is reported.
//
// Cost: building is linear in the total length of the phrases; the automaton
// takes about (number of states) x (distinct bytes in the phrases, rounded up
// to a multiple of 32) x 2 bytes (x 4 above 65,535 states).
// Scanning is linear in the text plus the number of matches and allocates
// nothing unless a match is found.

#ifndef NEWSLINT_LINT_PHRASE_MATCHER_H_
#define NEWSLINT_LINT_PHRASE_MATCHER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/finding.h"

namespace newslint {

// The cells of a PhraseMatcher's packed table (see PhraseMatcher::Pack),
// zeroed, from a 64-byte boundary. A table of 2 MB or more (the combined
// automaton of every rule's phrases, 6 MB) is mapped by itself and asked to
// sit on transparent huge pages (madvise; the kernel may say no): its first
// touch then faults once per 2 MB instead of once per 4 KB, and a scan
// needs one TLB entry per 2 MB of it.
template <typename Cell>
class PhraseCells {
 public:
  void Allocate(size_t cells);
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const Cell* data() const { return cells_.get(); }
  Cell* data() { return cells_.get(); }

 private:
  struct Free {
    size_t mapped = 0;  // bytes mapped by mmap; 0: from aligned_alloc
    void operator()(Cell* p) const;
  };
  std::unique_ptr<Cell[], Free> cells_;
  size_t size_ = 0;
};

struct PhraseMatch {
  size_t phrase = 0;  // index into the phrases the matcher was built from
  Span span;          // the occurrence in the scanned text, offsets + base
  friend bool operator==(const PhraseMatch&, const PhraseMatch&) = default;
};

class PhraseMatcher {
 public:
  // Takes `phrases` (folded, their first words and byte classes now; the
  // automaton on the first scan, or Build()). A phrase that folds to
  // nothing (empty or blank) is kept in the numbering but never matches.
  explicit PhraseMatcher(const std::vector<std::string_view>& phrases);
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  // Builds the automaton now, if it is not built yet; every scan does so
  // first, once, whatever the thread (std::call_once). Most rules' own
  // matchers are never scanned in a run with an Engine (their phrases are
  // found by the Engine's combined automaton, lint/phrase_bank.h), and the
  // spun-phrase table alone is 12,759 states: built on the first scan,
  // they cost a run's start-up nothing. The combined automaton is built at
  // once (PhraseBank), while the dictionaries load.
  void Build() const { EnsureBuilt(); }

  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;
  PhraseMatcher(PhraseMatcher&&) = default;
  PhraseMatcher& operator=(PhraseMatcher&&) = default;

  // Number of phrases, and phrase `i` exactly as it was given.
  size_t size() const { return phrases_.size(); }
  const std::string& phrase(size_t i) const { return phrases_[i]; }
  // States of the automaton (the root included); its scan table holds
  // state_count() x (distinct bytes in the phrases) cells.
  size_t state_count() const {
    EnsureBuilt();
    return ends_here_.size();
  }
  // Columns of the scan table: the distinct folded bytes of the phrases, plus
  // one for every other byte.
  size_t class_count() const { return class_count_; }

  // The automaton's step on each byte value from each state: element
  // state * 256 + byte, as the scan reads it from the packed table. And the
  // same from the dense construction Compile() replaced (every state's row
  // of classes, grown with the trie and filled breadth-first), numbered as
  // Pack() numbers: for differential tests, which expect equal tables.
  std::vector<uint32_t> TransitionsForTest() const;
  std::vector<uint32_t> ReferenceTransitionsForTest() const;

  // Appends every whole-word occurrence in `text` to *out; spans are offsets
  // into `text` plus `base` (pass the line's start to get article offsets).
  void FindAll(std::string_view text, size_t base, std::vector<PhraseMatch>* out) const;
  std::vector<PhraseMatch> FindAll(std::string_view text, size_t base = 0) const;

  // True when some phrase occurs in `text`; stops at the first occurrence.
  bool ContainsAny(std::string_view text) const;

  // False only when no phrase can match `text` starting at byte i, told
  // without a scan from the run of ASCII letters and digits there: a phrase
  // matching at i begins with that run, lower-cased, as its own first word
  // (its folded form's leading letters and digits), since the byte after
  // its first word is, in the phrase and so in the text, no letter or digit,
  // or, where the phrase ends, a word boundary. A rule that needs a phrase
  // at a given place of a short line (a menu item at its start) asks this
  // first and scans only when it says true. True wherever it cannot tell:
  // another byte at i (a phrase may start with punctuation or a non-ASCII
  // letter), or a run longer than 64 bytes that a first word as long may
  // begin.
  bool MayStartAt(std::string_view text, size_t i) const {
    if (i >= text.size() || !IsAsciiAlnumByte(text[i])) return true;
    char word[kMaxFirstWord];
    size_t n = 0;
    for (; i + n < text.size() && IsAsciiAlnumByte(text[i + n]); ++n) {
      if (n >= longest_first_word_) return false;  // longer than every first word
      if (n >= kMaxFirstWord) return true;
      const char c = text[i + n];
      word[n] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return std::binary_search(first_words_.begin(), first_words_.end(), std::string_view(word, n));
  }

  // Whether the piece [start, end) of `text` has clean edges: neither end
  // inside a UTF-8 sequence, no word character (letter or digit) right
  // before it nor right after it. A piece with clean edges holds exactly the
  // matches that scanning the piece alone finds (see lint/phrase_bank.h).
  static bool CleanEdges(std::string_view text, size_t start, size_t end) {
    if (start > end || end > text.size()) return false;
    // ASCII around both edges (most calls: lines of news): no byte there is
    // a continuation byte, and the characters next to the piece are those
    // bytes (or none, at the ends of the text), so the test is on them.
    const auto before = static_cast<unsigned char>(start > 0 ? text[start - 1] : ' ');
    const auto first = static_cast<unsigned char>(start < text.size() ? text[start] : ' ');
    const auto after = static_cast<unsigned char>(end < text.size() ? text[end] : ' ');
    if ((before | first | after) >= 0x80) return CleanEdgesDecoding(text, start, end);
    auto alnum = [](unsigned char c) {
      return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    };
    return !alnum(before) && !alnum(after);
  }

  // The folded form of `text` that phrases are compared against (lower-case
  // ASCII, whitespace runs as one space, ASCII quotes), trimmed. For tests and
  // for callers that want to compare a whole line with a phrase.
  static std::string Fold(std::string_view text);

 private:
  // CleanEdges where a byte at an edge is not ASCII.
  static bool CleanEdgesDecoding(std::string_view text, size_t start, size_t end);
  static bool IsAsciiAlnumByte(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  static constexpr size_t kMaxFirstWord = 64;
  template <typename OnMatch>
  void Scan(std::string_view text, size_t base, OnMatch&& on_match) const;
  template <typename Cell, typename OnMatch>
  void ScanWith(const PhraseCells<Cell>& table, std::string_view text, size_t base,
                OnMatch&& on_match) const;
  void Compile();  // the phrases' folded forms, first words, byte classes
  void EnsureBuilt() const {
    std::call_once(*built_, [this] { BuildAutomaton(); });
  }
  void BuildAutomaton() const;  // the trie, its links, Pack()
  void Pack(const std::vector<size_t>& bfs_order, const std::vector<int32_t>& fail,
            const std::vector<std::pair<uint64_t, int32_t>>& edges,
            const std::vector<uint32_t>& first_edge) const;

  std::vector<std::string> phrases_;
  std::vector<std::string> folded_;        // per phrase
  std::vector<uint8_t> needs_start_boundary_;  // per phrase
  std::vector<uint8_t> needs_end_boundary_;    // per phrase
  // The first words of the folded phrases (MayStartAt), sorted and distinct,
  // and the longest.
  std::vector<std::string> first_words_;
  size_t longest_first_word_ = 0;

  uint8_t byte_class_[256] = {};  // folded byte -> its class (a column of the DFA)
  size_t class_count_ = 1;        // column 0: bytes that occur in no phrase

  // The automaton, built once on first use (EnsureBuilt, under call_once:
  // hence mutable) and read-only after.
  std::unique_ptr<std::once_flag> built_ = std::make_unique<std::once_flag>();
  // Where a byte's column starts in the packed table (Pack()): by folded
  // byte, and by text byte when it folds alone (else -1).
  mutable uint32_t column_cell_[256] = {};
  mutable int32_t fast_cell_[256] = {};
  // The DFA as the scan reads it (Pack()): each cell holds the next state.
  // States are numbered breadth-first, so that the states text visits most
  // (near the root) sit together, except that the states where a phrase
  // ends (there or at a suffix) come after all the others: "a phrase may end
  // here" is then `state >= report_from_`, a compare off the byte-to-byte
  // chain, and the cell is the next state with nothing to strip. The cells
  // are in planes of one 64-byte line per state (columns 0-31 of every
  // state, then 32-63, ...; 0-15, 16-31, ... with 32-bit cells), columns
  // ordered by how often news uses their bytes: most steps read plane 0,
  // whose lines text visits sit densely, and a step is load, shift, load.
  // 16-bit cells when the states fit (every built-in lexicon), else 32-bit.
  // Scanning is bound by that chain of dependent reads and by cache misses
  // on this table.
  mutable PhraseCells<uint16_t> cells16_;
  mutable PhraseCells<uint32_t> cells32_;
  mutable size_t report_from_ = 0;  // states from here on have a phrase ending at them or a suffix
  mutable std::vector<int32_t> output_link_;  // the state itself if a phrase ends there, else dict_link_
  mutable std::vector<int32_t> dict_link_;    // longest proper suffix state where a phrase ends, or -1
  mutable std::vector<std::vector<uint32_t>> ends_here_;  // phrases ending exactly at a state
  // Per state where phrases end: (folded length << 2) | kNeedsStart | kNeedsEnd,
  // the same for every phrase ending there.
  static constexpr uint32_t kNeedsStart = 2, kNeedsEnd = 1;
  mutable std::vector<uint32_t> end_info_;
  size_t history_mask_ = 0;       // ring buffer of unit starts, size a power of two
};

}  // namespace newslint

#endif  // NEWSLINT_LINT_PHRASE_MATCHER_H_
