// newslint: label lines, shared by boilerplate/share-widget, boilerplate/ui-text
// and boilerplate/cms-artifact.
//
// A widget leaves lines that are nothing but its labels: "Share", "Facebook |
// X | Email", "Comments (12)", "Aa", "Story continues below advertisement",
// "Loading...". The same words inside a sentence are the story's. So these
// rules do not ask "does the line contain a label?" but "is the line made only
// of labels?": every byte of it must be covered by a lexicon phrase, or be a
// separator or icon (| / · • » × ▶ ...), or, where the rule allows it, a
// count ("12", "1.2K"). A letter that no phrase covers, or a quotation mark,
// and the line is not a label line.
//
//   static const LabelLexicon lexicon({{"share-widget-actions", kAction}, ...});
//   std::vector<PhraseMatch> scratch, labels;
//   LabelScan scan = ScanLabelLine(lexicon, line, &scratch, &labels);
//   if (scan.only_labels) ... labels[k].phrase, lexicon.kind(labels[k].phrase)
//
// Lexicon entries are matched as PhraseMatcher matches them (ASCII case
// folded, whole words); an entry written with a leading "=" ("=Aa", "=X",
// "=undefined") must also match its exact letter case.

#ifndef NEWSLINT_RULES_LABEL_LINES_H_
#define NEWSLINT_RULES_LABEL_LINES_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/phrase_matcher.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"

namespace newslint {

// Several lexicon files compiled into one matcher; each phrase keeps the kind
// (a rule's own enum, as uint8_t) of the file it came from.
class LabelLexicon {
 public:
  LabelLexicon(std::initializer_list<std::pair<std::string_view, uint8_t>> files)
      : matcher_(Collect(files, &kinds_, &exact_case_)) {}

  const PhraseMatcher& matcher() const { return matcher_; }
  uint8_t kind(size_t phrase) const { return kinds_[phrase]; }
  const std::string& phrase(size_t i) const { return matcher_.phrase(i); }

  // Every occurrence in `line` (offsets relative to `line`), exact-case
  // entries checked; appended to *out after clearing it.
  void FindAll(std::string_view line, std::vector<PhraseMatch>* out) const {
    out->clear();
    matcher_.FindAll(line, 0, out);
    std::erase_if(*out, [&](const PhraseMatch& m) {
      return exact_case_[m.phrase] &&
             line.substr(m.span.start, m.span.size()) != matcher_.phrase(m.phrase);
    });
  }

 private:
  static std::vector<std::string_view> Collect(
      std::initializer_list<std::pair<std::string_view, uint8_t>> files,
      std::vector<uint8_t>* kinds, std::vector<uint8_t>* exact_case) {
    std::vector<std::string_view> phrases;
    for (const auto& [name, kind] : files) {
      for (std::string_view p : LexiconEntries(name)) {
        const bool exact = p.size() > 1 && p[0] == '=';
        phrases.push_back(exact ? p.substr(1) : p);
        kinds->push_back(kind);
        exact_case->push_back(exact ? 1 : 0);
      }
    }
    return phrases;
  }

  std::vector<uint8_t> kinds_;
  std::vector<uint8_t> exact_case_;
  PhraseMatcher matcher_;  // built last, from the lists above
};

// Quotation marks: a line holding one is a quotation or prose, never a label.
inline bool IsQuotationMark(char32_t cp) {
  return cp == U'"' || cp == U'\u201c' || cp == U'\u201d' || cp == U'\u201e' ||
         cp == U'\u2018' || cp == U'\'' || cp == U'`';
}

struct LabelScan {
  bool only_labels = false;  // every byte is a label, a separator, an icon or a count
  bool number = false;       // a count such as "12", "(3)", "1.2K" was seen
  bool icon = false;         // a non-ASCII symbol (×, ▶, ☰, an emoji) was seen
};

// Whether `line` (trimmed) is made only of labels of `lexicon`, separators,
// icons and, when `allow_numbers`, counts. *labels receives the leftmost
// longest labels that do not overlap, in line order; *scratch is working
// space (both are reused across lines so that scanning allocates nothing).
inline LabelScan ScanLabelLine(const LabelLexicon& lexicon, std::string_view line,
                               std::vector<PhraseMatch>* scratch,
                               std::vector<PhraseMatch>* labels, bool allow_numbers = true) {
  LabelScan scan;
  labels->clear();
  lexicon.FindAll(line, scratch);
  if (scratch->empty()) return scan;
  std::sort(scratch->begin(), scratch->end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start
                                        : a.span.size() > b.span.size();
  });
  size_t taken_until = 0;
  for (const PhraseMatch& m : *scratch) {
    if (m.span.start < taken_until) continue;
    labels->push_back(m);
    taken_until = m.span.end;
  }
  size_t next_label = 0;
  for (size_t i = 0; i < line.size();) {
    if (next_label < labels->size() && (*labels)[next_label].span.start == i) {
      i = (*labels)[next_label++].span.end;
      continue;
    }
    const utf8::CodePoint cp = utf8::DecodeAt(line, i);
    const char32_t c = cp.value;
    if (c >= U'0' && c <= U'9') {
      if (!allow_numbers) return scan;
      size_t j = i;
      while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') ||
                                 ((line[j] == ',' || line[j] == '.') && j + 1 < line.size() &&
                                  line[j + 1] >= '0' && line[j + 1] <= '9'))) {
        ++j;
      }
      // "1.2K", "3M": one unit letter glued to the number.
      if (j < line.size() && (line[j] == 'K' || line[j] == 'k' || line[j] == 'M' || line[j] == 'm') &&
          (j + 1 == line.size() || !(utf8::IsLetter(utf8::DecodeAt(line, j + 1).value) ||
                                     (line[j + 1] >= '0' && line[j + 1] <= '9')))) {
        ++j;
      }
      // Glued to a letter: a model name or a code ("2k23", "C5"), not a count.
      if (j < line.size() && utf8::IsLetter(utf8::DecodeAt(line, j).value)) return scan;
      scan.number = true;
      i = j;
      continue;
    }
    if (!cp.valid || utf8::IsLetter(c) || utf8::IsCombiningMark(c) || IsQuotationMark(c)) {
      return scan;
    }
    if (c >= 0x80 && !utf8::IsSpace(c)) scan.icon = true;
    i += cp.length;
  }
  scan.only_labels = !labels->empty();
  return scan;
}

// InsideQuotation (below) for many positions of one line, asked in any
// order, mostly rising (a line's phrase matches): the marks are counted on
// from the last position instead of from the line's start, so a line of a
// megabyte with thousands of matches is read about once, not once per
// match. Byte by byte, comparing only at the lead bytes of the marks: “ (E2
// 80 9C), ” (E2 80 9D), « (C2 AB), » (C2 BB); a mark counts when all its
// bytes are in the line, even past `pos`.
class InsideQuotationScan {
 public:
  explicit InsideQuotationScan(std::string_view line) : line_(line) {}

  bool operator()(size_t pos) {
    const size_t n = line_.size();
    if (pos < at_) at_ = open_ = close_ = straight_ = 0;  // going back: count again
    for (; at_ < pos && at_ < n; ++at_) {
      const auto c = static_cast<unsigned char>(line_[at_]);
      if (c == '"') {
        ++straight_;
      } else if (c == 0xE2) {
        if (at_ + 2 < n && static_cast<unsigned char>(line_[at_ + 1]) == 0x80) {
          const auto last = static_cast<unsigned char>(line_[at_ + 2]);
          open_ += last == 0x9C;
          close_ += last == 0x9D;
        }
      } else if (c == 0xC2 && at_ + 1 < n) {
        const auto second = static_cast<unsigned char>(line_[at_ + 1]);
        open_ += second == 0xAB;
        close_ += second == 0xBB;
      }
    }
    return open_ > close_ || straight_ % 2 == 1;
  }

 private:
  std::string_view line_;
  size_t at_ = 0;  // marks with their first byte before at_ are counted
  int open_ = 0, close_ = 0, straight_ = 0;
};

// True when byte `pos` of `line` is inside a quotation opened earlier on the
// line: more opening than closing curly quotes or guillemets (“ ” « ») before
// it, or an odd number of straight double quotes.
inline bool InsideQuotation(std::string_view line, size_t pos) {
  return InsideQuotationScan(line)(pos);
}

// `s` cut to at most `max_bytes` (never inside a UTF-8 sequence), with "..."
// where it was cut: for quoting a line in a message.
inline std::string Shorten(std::string_view s, size_t max_bytes = 80) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace newslint

#endif  // NEWSLINT_RULES_LABEL_LINES_H_
