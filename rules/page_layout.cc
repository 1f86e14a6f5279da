#include "rules/page_layout.h"

#include <algorithm>
#include <span>

#include "lint/scratch.h"
#include "lint/utf8.h"

namespace newslint {
bool IsListMarker(char32_t cp) {
  switch (cp) {
    case U'•': case U'·': case U'▪': case U'►': case U'›': case U'»': case U'–':
    case U'-': case U'*': case U'◦': case U'▸': case U'■': case U'●':
      return true;
    default:
      return false;
  }
}

namespace {

bool IsClosing(char32_t cp) {
  switch (cp) {
    case U'"': case U'\'': case U'’': case U'”': case U')': case U']': case U'»':
      return true;
    default:
      return false;
  }
}

// Whether the line ends with . ! ? (possibly followed by closing quotes or
// brackets). An ellipsis counts: a teaser cut with "..." is still not prose
// by length alone, and prose needs kProseWords words besides.
bool EndsSentence(std::string_view line) {
  size_t end = line.size();
  while (end > 0) {
    utf8::CodePoint cp = utf8::DecodeBefore(line, end);
    if (!IsClosing(cp.value)) {
      return cp.value == U'.' || cp.value == U'!' || cp.value == U'?' || cp.value == U'…';
    }
    end -= cp.length;
  }
  return false;
}

std::string_view ContainerOf(const Block& block) {
  // The last template container on the path wins ("html>body>footer>nav>a" is nav).
  // (Compares positions of whole tag names: an rfind of the name found would
  // also hit it inside a longer tag, "canvas" for "nav".)
  std::string_view path = block.tag_path, found;
  size_t found_at = 0;
  for (std::string_view name : {"nav", "header", "footer", "aside"}) {
    for (size_t at = path.find(name); at != std::string_view::npos; at = path.find(name, at + 1)) {
      bool starts = at == 0 || path[at - 1] == '>';
      size_t after = at + name.size();
      bool ends = after == path.size() || path[after] == '>';
      if (starts && ends && (found.empty() || at > found_at)) {
        found = name;
        found_at = at;
      }
    }
  }
  return found;
}

}  // namespace

PageLayout::PageLayout(Analysis& analysis) : article_(analysis.article()) {
  const std::vector<Span>& spans = analysis.lines();
  std::string_view text = analysis.text();
  lines_.resize(spans.size());
  TokenWalk line_tokens(analysis.tokens());  // the lines come in text order
  tokens_ = analysis.tokens().data();
  for (size_t i = 0; i < spans.size(); ++i) {
    LineLayout& l = lines_[i];
    size_t start = spans[i].start, end = spans[i].end;
    utf8::Trim(text, &start, &end);
    l.span = {start, end};
    l.blank = start >= end;
    l.run_begin = i;
    l.run_end = i + 1;
    if (l.blank) continue;
    std::string_view line = text.substr(start, end - start);
    l.code_points = static_cast<int>(analysis.CodePointsIn(l.span));
    utf8::CodePoint first = utf8::DecodeAt(line, 0);
    l.bullet = IsListMarker(first.value) && first.length < line.size() &&
               utf8::SpaceLengthAt(line, first.length) > 0;
    // Counted without a branch per token (the shapes alternate
    // unpredictably): a bit per shape says whether it counts.
    constexpr auto kBit = [](TokenShape shape) { return 1u << static_cast<unsigned>(shape); };
    constexpr unsigned kLetters = ~kBit(TokenShape::kNumber);
    constexpr unsigned kCapitals =
        kBit(TokenShape::kCapitalized) | kBit(TokenShape::kUpper) | kBit(TokenShape::kMixed);
    const auto [first_token, end_token] = line_tokens.RangeIn(l.span);
    const std::span<const Token> tokens(analysis.tokens().data() + first_token,
                                        end_token - first_token);
    l.first_token = static_cast<uint32_t>(first_token);
    l.words = static_cast<int>(tokens.size());
    for (const Token& t : tokens) {
      const auto shape = static_cast<unsigned>(t.shape);
      l.letters_words += static_cast<int>((kLetters >> shape) & 1u);
      l.capitalized += static_cast<int>((kCapitals >> shape) & 1u);
    }
    l.sentence_end = EndsSentence(line);
    l.prose = l.sentence_end && l.words >= kProseWords;
    l.short_line = !l.sentence_end && l.words > 0 && l.words <= kShortWords;
    if (i < article_.blocks.size()) l.dom_container = ContainerOf(article_.blocks[i]);
  }
  // Runs of short lines; blank lines inside a run belong to it.
  for (size_t i = 0; i < lines_.size();) {
    if (!lines_[i].short_line) {
      ++i;
      continue;
    }
    size_t j = i, last = i;
    while (j < lines_.size() && (lines_[j].blank || lines_[j].short_line)) {
      if (lines_[j].short_line) last = j;
      ++j;
    }
    for (size_t k = i; k <= last; ++k) {
      if (lines_[k].short_line) {
        lines_[k].run_begin = i;
        lines_[k].run_end = last + 1;
      }
    }
    i = last + 1;
  }
  FindStory();
}

// The story is found in two steps. Prose lines form clusters that tolerate
// up to kMaxStoryGap other non-blank lines (sub-headings, short quotes, a
// caption) between two prose lines. The largest cluster (by words) is the
// core of the story; it then takes in neighbouring clusters separated from it
// by at most kMaxStoryJoin other lines (a fact list or a short Q&A inside the
// story). Taking the page's first prose line to its last instead would let a
// prose-shaped consent banner above the story, far from it, stretch the body
// over a whole menu.
void PageLayout::FindStory() {
  struct Cluster {
    size_t begin, end;  // line indexes, [begin, end)
    int64_t words;
    int gap_before;     // non-blank non-prose lines since the previous cluster
  };
  thread_local std::vector<Cluster> clusters;  // reused: no allocation per article
  ReuseScratch(clusters);
  int gap = 0;
  for (size_t i = 0; i < lines_.size(); ++i) {
    const LineLayout& l = lines_[i];
    if (l.blank) continue;
    if (!l.prose) {
      ++gap;
      continue;
    }
    if (!clusters.empty() && gap <= kMaxStoryGap) {
      clusters.back().end = i + 1;
      clusters.back().words += l.words;
    } else {
      clusters.push_back({i, i + 1, l.words, gap});
    }
    gap = 0;
  }
  if (clusters.empty()) return;
  size_t core = 0;
  for (size_t c = 1; c < clusters.size(); ++c) {
    if (clusters[c].words > clusters[core].words) core = c;
  }
  size_t first = core, last = core;
  while (first > 0 && clusters[first].gap_before <= kMaxStoryJoin) --first;
  while (last + 1 < clusters.size() && clusters[last + 1].gap_before <= kMaxStoryJoin) ++last;
  body_begin_ = clusters[first].begin;
  body_end_ = clusters[last].end;
}

size_t PageLayout::run_length(size_t i) const {
  size_t n = 0;
  for (size_t k = lines_[i].run_begin; k < lines_[i].run_end; ++k) n += !lines_[k].blank;
  return n;
}

bool PageLayout::DomTokenContains(size_t i, std::string_view needle) const {
  if (i >= article_.blocks.size()) return false;
  for (const std::string& token : article_.blocks[i].tokens) {
    if (token.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string_view RegionSignal(PageRegion region) {
  switch (region) {
    case PageRegion::kHead: return "region:head";
    case PageRegion::kBody: return "region:body";
    case PageRegion::kTail: return "region:tail";
  }
  return "region:body";
}

std::vector<size_t> PageLayout::JoinFlaggedNeighbours(const std::vector<uint8_t>& weak,
                                                      std::vector<uint8_t>* flagged,
                                                      size_t window) const {
  const size_t n = flagged->size();
  std::vector<size_t> neighbour(n, lines_.size());
  for (int pass = 0; pass < 2; ++pass) {  // downwards, then upwards
    for (size_t step = 0; step < n; ++step) {
      const size_t i = pass == 0 ? step : n - 1 - step;
      if ((*flagged)[i] || !weak[i]) continue;
      size_t j = i;
      for (size_t d = 0; d < window; ++d) {
        j = pass == 0 ? PreviousNonBlank(j) : NextNonBlank(j);
        if (j == npos || j >= n) break;
        if ((*flagged)[j]) {
          (*flagged)[i] = 1;
          neighbour[i] = j;
          break;
        }
      }
    }
  }
  return neighbour;
}

size_t PageLayout::PreviousNonBlank(size_t i) const {
  while (i > 0) {
    if (!lines_[--i].blank) return i;
  }
  return npos;
}

Fix PageLayout::RemoveLineFix(size_t i) const {
  return newslint::RemoveLineFix(article_.text, lines_[i].span.start);
}

Fix RemoveLineFix(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t start = offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  size_t end = text.find('\n', offset);
  if (end != std::string_view::npos) return Fix{{start, end + 1}, ""};
  end = text.size();
  if (start > 0) {
    --start;  // the "\n" ending the line before
    if (start > 0 && text[start - 1] == '\r') --start;
  }
  return Fix{{start, end}, ""};
}

size_t PageLayout::NextNonBlank(size_t i) const {
  while (++i < lines_.size()) {
    if (!lines_[i].blank) return i;
  }
  return npos;
}

}  // namespace newslint
