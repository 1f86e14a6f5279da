#include "lint/analysis.h"

#include <algorithm>
#include <cstring>

namespace newslint {

namespace {

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

size_t SequenceLength(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
  else return 0;
  if (n < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t len = SequenceLength(p + i, n - i);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

size_t CountCodePoints(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size(), count = 0;
  while (i < n) {
    size_t len = SequenceLength(p + i, n - i);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

TokenShape ShapeOf(std::string_view word) {
  int upper = 0, lower = 0, digits = 0;
  bool first_upper = false, first = true;
  for (unsigned char c : word) {
    bool u = c >= 'A' && c <= 'Z', l = c >= 'a' && c <= 'z';
    if (c >= '0' && c <= '9') ++digits;
    if (u) ++upper;
    if (l) ++lower;
    if ((u || l) && first) { first_upper = u; first = false; }
  }
  if (upper + lower == 0) return TokenShape::kNumber;
  if (digits > 0) return TokenShape::kAlphanumeric;
  if (upper == 0) return TokenShape::kLower;
  if (lower == 0) return upper >= 2 ? TokenShape::kUpper : TokenShape::kCapitalized;
  if (first_upper && upper == 1) return TokenShape::kCapitalized;
  return TokenShape::kMixed;
}

std::vector<Token> Tokenize(std::string_view text, size_t base) {
  std::vector<Token> out;
  size_t i = 0, n = text.size();
  auto word_byte = [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
  };
  while (i < n) {
    if (!word_byte(text[i])) { ++i; continue; }
    size_t start = i;
    while (i < n && word_byte(text[i])) ++i;
    out.push_back({{base + start, base + i}, ShapeOf(text.substr(start, i - start))});
  }
  return out;
}

std::vector<Span> SplitSentences(std::string_view paragraph, size_t base) {
  std::vector<Span> out;
  size_t n = paragraph.size(), i = 0;
  while (i < n) {
    while (i < n && IsSpaceByte(paragraph[i])) ++i;
    if (i >= n) break;
    size_t start = i;
    while (i < n) {
      char c = paragraph[i++];
      if ((c == '.' || c == '?' || c == '!') && (i == n || paragraph[i] == ' ')) break;
    }
    size_t end = i;
    while (end > start && IsSpaceByte(paragraph[end - 1])) --end;
    out.push_back({base + start, base + end});
  }
  return out;
}

Analysis::Analysis(const Article& article) : article_(article) {}

const std::vector<Span>& Analysis::lines() {
  if (!lines_) {
    std::vector<Span> v;
    std::string_view t = text();
    size_t start = 0;
    while (start < t.size()) {
      size_t nl = t.find('\n', start);
      size_t end = nl == std::string_view::npos ? t.size() : nl;
      size_t e = end;
      if (e > start && t[e - 1] == '\r') --e;
      v.push_back({start, e});
      start = nl == std::string_view::npos ? t.size() : nl + 1;
    }
    lines_ = std::move(v);
  }
  return *lines_;
}

const std::vector<Paragraph>& Analysis::paragraphs() {
  if (!paragraphs_) {
    std::vector<Paragraph> v;
    const auto& ls = lines();
    std::string_view t = text();
    for (size_t i = 0; i < ls.size(); ++i) {
      size_t s = ls[i].start, e = ls[i].end;
      while (s < e && IsSpaceByte(t[s])) ++s;
      while (e > s && IsSpaceByte(t[e - 1])) --e;
      if (s < e) v.push_back({{s, e}, i});
    }
    paragraphs_ = std::move(v);
  }
  return *paragraphs_;
}

const std::vector<Sentence>& Analysis::sentences() {
  if (!sentences_) {
    std::vector<Sentence> v;
    const auto& ps = paragraphs();
    for (size_t i = 0; i < ps.size(); ++i) {
      for (Span s : SplitSentences(view(ps[i].span), ps[i].span.start)) v.push_back({s, i});
    }
    sentences_ = std::move(v);
  }
  return *sentences_;
}

const std::vector<Token>& Analysis::tokens() {
  if (!tokens_) tokens_ = Tokenize(text());
  return *tokens_;
}

size_t Analysis::LineIndexOf(size_t offset) {
  const auto& ls = lines();
  if (ls.empty()) return 0;
  auto it = std::upper_bound(ls.begin(), ls.end(), offset,
                             [](size_t o, const Span& s) { return o < s.start; });
  if (it == ls.begin()) return 0;
  return static_cast<size_t>(it - ls.begin()) - 1;
}

LineColumn Analysis::Locate(size_t offset) {
  const auto& ls = lines();
  if (ls.empty()) return {1, 1};
  size_t i = LineIndexOf(offset);
  std::string_view t = text();
  offset = std::min(offset, t.size());
  size_t start = ls[i].start;
  if (offset < start) offset = start;
  return {static_cast<int64_t>(i + 1),
          static_cast<int64_t>(CountCodePoints(t.substr(start, offset - start)) + 1)};
}

std::string Analysis::Excerpt(Span span, size_t max_code_points) {
  const auto& ls = lines();
  if (ls.empty()) return "";
  std::string_view line = view(ls[LineIndexOf(span.start)]);
  if (CountCodePoints(line) <= max_code_points) return std::string(line);
  return std::string(line.substr(0, std::min(line.size(), max_code_points))) + "...";
}

}  // namespace newslint
