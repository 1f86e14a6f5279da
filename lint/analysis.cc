#include "lint/analysis.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>

#include "lint/scratch.h"
#include "lint/swar.h"
#include "lint/utf8.h"

namespace newslint {
namespace {

// Byte offset of the code point `count` code points after `from` (invalid
// bytes count as one, as in CountCodePoints).
size_t AdvanceCodePoints(std::string_view s, size_t from, size_t count) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (count > 0 && from < s.size()) {
    const size_t len = utf8::SequenceLength(p + from, s.size() - from);
    from += len == 0 ? 1 : len;
    --count;
  }
  return from;
}

}  // namespace

Analysis::Analysis(const Article& article) : article_(article) {}

size_t Analysis::NextSharedIndex() {
  static std::atomic<size_t> next{0};
  return next.fetch_add(1, std::memory_order_relaxed);
}

std::string_view Analysis::lower_view(Span s) {
  if (!lower_) {
    const ViewTiming timing("lower-case text");
    // Eight bytes at a time, without a branch or a conditional store per
    // byte (the byte loop showed in profiles): swar::LowerAsciiAnyBytes
    // lowers A..Z and leaves every other byte value as it is, as the byte
    // loop on the tail does.
    lower_.emplace(article_.text);
    char* p = lower_->data();
    const size_t n = lower_->size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w = swar::LowerAsciiAnyBytes(swar::Load8(p + i));
      if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
      std::memcpy(p + i, &w, 8);
    }
    for (; i < n; ++i) {
      if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] - 'A' + 'a');
    }
  }
  return std::string_view(*lower_).substr(s.start, s.end - s.start);
}

const std::vector<Span>& Analysis::lines() {
  if (!lines_) {
    const ViewTiming timing("lines");
    // Built in a reused buffer and copied out at its final size: one
    // allocation per article instead of one per doubling.
    thread_local std::vector<Span> v;
    ReuseScratch(v);
    const std::string_view t = text();
    const char* data = t.data();
    size_t start = 0;
    while (start < t.size()) {
      const void* nl = std::memchr(data + start, '\n', t.size() - start);
      const size_t end = nl ? static_cast<const char*>(nl) - data : t.size();
      const size_t content_end = (end > start && t[end - 1] == '\r') ? end - 1 : end;
      v.push_back({start, content_end});
      start = end + 1;
    }
    lines_.emplace(v.begin(), v.end());
  }
  return *lines_;
}

const std::vector<Paragraph>& Analysis::paragraphs() {
  if (!paragraphs_) {
    const ViewTiming timing("paragraphs");
    std::vector<Paragraph> v;
    const std::vector<Span>& ls = lines();
    v.reserve(ls.size());  // at most one paragraph per line
    const std::string_view t = text();
    for (size_t i = 0; i < ls.size(); ++i) {
      size_t start = ls[i].start, end = ls[i].end;
      utf8::Trim(t, &start, &end);
      if (start < end) v.push_back({{start, end}, i});
    }
    paragraphs_ = std::move(v);
  }
  return *paragraphs_;
}

const std::vector<Sentence>& Analysis::sentences() {
  if (!sentences_) {
    const ViewTiming timing("sentences");
    // Reused buffers; the sentences are copied out at their final size.
    thread_local std::vector<Sentence> v;
    thread_local std::vector<Span> spans;
    ReuseScratch(v);
    ReuseScratch(spans);
    const std::vector<Paragraph>& ps = paragraphs();
    for (size_t i = 0; i < ps.size(); ++i) {
      spans.clear();
      SplitSentencesInto(view(ps[i].span), ps[i].span.start, &spans);
      for (const Span& s : spans) v.push_back({s, i});
    }
    sentences_.emplace(v.begin(), v.end());
  }
  return *sentences_;
}

const std::vector<Token>& Analysis::tokens() {
  if (!tokens_) {
    const ViewTiming timing("tokens");
    tokens_ = Tokenize(text());
  }
  return *tokens_;
}

size_t Analysis::CodePointsIn(Span s) {
  const std::string_view piece = view(s);
  const std::string_view t = text();
  if (text_validity_ == Validity::kUnknown) {
    text_validity_ = IsValidUtf8(t) ? Validity::kValid : Validity::kInvalid;
  }
  // A continuation byte at an edge: the piece starts or ends inside a
  // sequence, and its cut bytes count one each.
  const auto inside = [&](size_t i) {
    return i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
  };
  if (text_validity_ == Validity::kValid && !inside(s.start) && !inside(s.start + piece.size())) {
    return piece.size() - CountContinuationBytes(piece);
  }
  return CountCodePoints(piece);
}

std::span<const Token> Analysis::TokensIn(Span span) {
  const std::vector<Token>& ts = tokens();
  auto first = std::lower_bound(ts.begin(), ts.end(), span.start,
                                [](const Token& t, size_t o) { return t.span.start < o; });
  auto last = std::lower_bound(first, ts.end(), span.end,
                               [](const Token& t, size_t o) { return t.span.end <= o; });
  return {first, last};
}

void Analysis::FindSentenceTokens() {
  const std::vector<Sentence>& ss = sentences();
  TokenWalk walk(tokens());  // the sentences come in text order
  std::vector<std::pair<uint32_t, uint32_t>> ranges(ss.size());
  for (size_t s = 0; s < ss.size(); ++s) {
    const auto [first, end] = walk.RangeIn(ss[s].span);
    ranges[s] = {static_cast<uint32_t>(first), static_cast<uint32_t>(end)};
  }
  sentence_tokens_ = std::move(ranges);
}

size_t Analysis::LineIndexOf(size_t offset) {
  const std::vector<Span>& ls = lines();
  auto it = std::upper_bound(ls.begin(), ls.end(), offset,
                             [](size_t o, const Span& s) { return o < s.start; });
  return it == ls.begin() ? 0 : static_cast<size_t>(it - ls.begin()) - 1;
}

LineColumn Analysis::Locate(size_t offset) {
  const std::vector<Span>& ls = lines();
  if (ls.empty()) return {1, 1};
  const size_t index = LineIndexOf(offset);
  const Span line = ls[index];
  offset = std::clamp(offset, line.start, line.end);
  const std::string_view t = text();
  if (index == located_line_ && offset >= located_offset_) {
    located_column_ += CountCodePoints(t.substr(located_offset_, offset - located_offset_));
  } else {
    located_column_ = 1 + CountCodePoints(t.substr(line.start, offset - line.start));
  }
  located_line_ = index;
  located_offset_ = offset;
  return {static_cast<int64_t>(index + 1), located_column_};
}

std::string Analysis::Excerpt(Span span, size_t max_code_points) {
  return ExcerptOf(span, max_code_points).text;
}

ExcerptWindow Analysis::ExcerptOf(Span span, size_t max_code_points) {
  const std::vector<Span>& ls = lines();
  if (ls.empty()) return {};
  const size_t line_index = LineIndexOf(span.start);
  const Span line_span = ls[line_index];
  const std::string_view line = view(line_span);
  const size_t line_start = line_span.start;
  const size_t s0 = std::clamp(span.start, line_start, line_start + line.size()) - line_start;
  const size_t s1 = std::clamp(span.end, line_start + s0, line_start + line.size()) - line_start;
  // In valid UTF-8, with s0 and s1 where code points start, a piece's code
  // points are its bytes less its continuation bytes, so counts add up over
  // pieces: the line's total and the count up to the last span's start are
  // kept (excerpt_*), and a finding further on the line counts only the
  // bytes in between. Otherwise each count decodes, as CountCodePoints does.
  if (text_validity_ == Validity::kUnknown) {
    text_validity_ = IsValidUtf8(text()) ? Validity::kValid : Validity::kInvalid;
  }
  const auto starts_code_point = [&](size_t i) {
    return i >= line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  };
  const bool additive =
      text_validity_ == Validity::kValid && starts_code_point(s0) && starts_code_point(s1);
  const auto count = [](std::string_view piece) {
    return piece.size() - CountContinuationBytes(piece);
  };
  size_t before, width, total;
  if (additive) {
    if (excerpt_line_ != line_index) {
      excerpt_line_ = line_index;
      excerpt_total_ = count(line);
      excerpt_anchor_ = 0;
      excerpt_anchor_code_points_ = 0;
    }
    if (s0 < excerpt_anchor_) {
      excerpt_anchor_ = 0;
      excerpt_anchor_code_points_ = 0;
    }
    before = excerpt_anchor_code_points_ + count(line.substr(excerpt_anchor_, s0 - excerpt_anchor_));
    excerpt_anchor_ = s0;
    excerpt_anchor_code_points_ = before;
    width = count(line.substr(s0, s1 - s0));
    total = excerpt_total_;
  } else {
    before = CountCodePoints(line.substr(0, s0));
    width = CountCodePoints(line.substr(s0, s1 - s0));
    total = before + width + CountCodePoints(line.substr(s1));
  }
  if (total <= max_code_points) return {std::string(line), before, width};

  // A window [from, to) in code points, with "..." on each cut side. Try a
  // window cut on both sides and centred on the span; if the line's start or
  // end is that close, anchor the window there and spend the saved marker.
  constexpr size_t kMarker = 3;
  const size_t max = max_code_points;
  size_t from, to;
  if (max <= 2 * kMarker) {  // too narrow for markers
    from = std::min(before, total - max);
    to = from + max;
  } else {
    const size_t room = max - 2 * kMarker;
    const size_t pad = width >= room ? 0 : (room - width) / 2;
    const size_t centred = before > pad ? before - pad : 0;
    if (centred == 0) {
      from = 0;
      to = max - kMarker;
    } else if (total - (max - kMarker) <= centred) {
      from = total - (max - kMarker);
      to = total;
    } else {
      from = centred;
      to = centred + room;
    }
  }

  // from <= before (the window starts at or before the span): in valid
  // UTF-8, back from s0 by whole code points; else forward from the start.
  size_t b_from;
  if (additive && from <= before) {
    b_from = s0;
    for (size_t k = before - from; k > 0; --k) {
      --b_from;
      while (b_from > 0 && !starts_code_point(b_from)) --b_from;
    }
  } else {
    b_from = AdvanceCodePoints(line, 0, from);
  }
  const size_t b_to = AdvanceCodePoints(line, b_from, to - from);
  ExcerptWindow out;
  out.text.reserve(b_to - b_from + 2 * kMarker);
  const bool markers = max > 2 * kMarker;
  if (markers && from > 0) out.text += "...";
  out.text.append(line.substr(b_from, b_to - b_from));
  if (markers && to < total) out.text += "...";
  const size_t lead = markers && from > 0 ? kMarker : 0;
  out.span_column = lead + (before > from ? before - from : 0);
  const size_t span_end = std::min(before + width, to);
  out.span_width = span_end > std::max(before, from) ? span_end - std::max(before, from) : 0;
  return out;
}

}  // namespace newslint
