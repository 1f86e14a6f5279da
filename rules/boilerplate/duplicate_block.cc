// boilerplate/duplicate-block: the headline repeated inside the text, blocks
// of lines repeated within one article, and logo text glued to itself.

#include "rules/boilerplate/duplicate_block.h"

#include <string.h>  // memrchr (GNU)

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/block_hash.h"
#include "lint/byte_set.h"
#include "lint/scratch.h"
#include "lint/swar.h"
#include "lint/utf8.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/duplicate-block",
    Severity::kWarning,
    "The headline repeated inside the text, and blocks of lines repeated within one article.",
    {
        {"min-line-words", "int", "8",
         "A single line repeated on its own is flagged when it has at least this many words."},
        {"min-block-words", "int", "4",
         "A repeated block of two lines is flagged when its lines hold at least this many words "
         "together; blocks of three or more lines need no minimum."},
        {"min-headline-words", "int", "4",
         "Without a title, a line above the story is treated as a headline when it has at least "
         "this many words."},
    }};

// A hash value no line ever gets: lines without letters (separators such as
// "—", "* * *", numbers) never match anything.
constexpr uint64_t kNoHash = 0;

}  // namespace

namespace duplicate_block {
namespace {

char32_t FoldQuote(char32_t cp) {
  switch (cp) {
    case U'‘': case U'’': case U'‛': case U'′': case U'`': return U'\'';
    case U'“': case U'”': case U'„': case U'″': case U'«': case U'»': return U'"';
    default: return cp;
  }
}

constexpr uint64_t kSeed = 0x510E527FADE682D1ull;

// A code point as its UTF-8 bytes (self-delimiting: no two sequences of
// code points give the same bytes).
inline void Feed(BlockHasher& h, char32_t cp) {
  char bytes[4];
  const size_t n = utf8::Encode(cp, bytes);
  for (size_t k = 0; k < n; ++k) h.Byte(static_cast<unsigned char>(bytes[k]));
}

}  // namespace

uint64_t NormalisedHash(std::string_view s) {
  BlockHasher h(kSeed);
  bool letters = false, pending_space = false, started = false;
  size_t i = 0;
  if (!s.empty()) {
    utf8::CodePoint first = utf8::DecodeAt(s, 0);
    if (IsListMarker(first.value) && first.length < s.size() &&
        utf8::SpaceLengthAt(s, first.length) > 0) {
      i = first.length;
    }
  }
  while (i < s.size()) {
    // Eight ASCII bytes at a time where each normalised character is the
    // byte itself (lower-cased, '`' folded): no \t..\r, no two spaces in a
    // row, a space first only when it is kept (after text, with no white
    // space pending), a space last only held back as pending (it is kept
    // only when text follows). Everything else takes the paths below, which
    // define the hash.
#ifdef __SSE2__
    // Sixteen at a time on the same terms when all sixteen qualify (with no
    // double space across their middle either): the characters fed and the
    // flags set are those of the two eight-byte steps below, with half the
    // tests.
    if (s.size() - i >= 16) {
      const swar::PlainBlock16 b = swar::PlainAscii16(s.data() + i);
      if (b.plain && ((b.spaces & 1) == 0 || (started && !pending_space))) {
        const uint64_t lo = b.lo ^ (swar::Equal(b.lo, '`') >> 7) * ('`' ^ '\'');
        const uint64_t hi = b.hi ^ (swar::Equal(b.hi, '`') >> 7) * ('`' ^ '\'');
        if ((swar::InRange(lo, 'a', 'z') | swar::InRange(hi, 'a', 'z')) != 0) letters = true;
        if (pending_space) h.Byte(' ');  // byte 0 is not a space here
        h.Bytes(lo, 8);
        pending_space = (b.spaces & 0x8000) != 0;  // byte 14 is text: started
        h.Bytes(pending_space ? hi & 0x00FFFFFFFFFFFFFFull : hi, pending_space ? 7 : 8);
        started = true;
        i += 16;
        continue;
      }
    }
#endif
    if (s.size() - i >= 8) {
      const uint64_t w = swar::Load8(s.data() + i);
      const swar::PlainChunk chunk = swar::PlainAscii8(w);
      const bool first_space = (chunk.spaces & 0x80) != 0;
      if (chunk.plain && (!first_space || (started && !pending_space))) {
        uint64_t lowered = swar::LowerAscii(w);
        lowered ^= (swar::Equal(lowered, '`') >> 7) * ('`' ^ '\'');
        if (swar::InRange(lowered, 'a', 'z') != 0) letters = true;
        if (pending_space) h.Byte(' ');  // byte 0 is not a space here
        pending_space = (chunk.spaces >> 56) != 0;  // byte 6 is text: started
        h.Bytes(pending_space ? lowered & 0x00FFFFFFFFFFFFFFull : lowered, pending_space ? 7 : 8);
        started = true;
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // ASCII inline, as the general path below treats it: white space
      // (space, \t..\r) pending, A-Z lowered, '`' folded to '\'', letters
      // a-z (utf8::IsLetter of an ASCII character).
      ++i;
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending_space = started;
        continue;
      }
      char32_t v = c;
      if (v >= 'A' && v <= 'Z') v += 'a' - 'A';
      if (v == '`') v = '\'';
      if (v >= 'a' && v <= 'z') letters = true;
      if (pending_space) h.Byte(' ');
      pending_space = false;
      started = true;
      h.Byte(static_cast<unsigned char>(v));
      continue;
    }
    size_t space = utf8::SpaceLengthAt(s, i);
    if (space > 0) {
      pending_space = started;
      i += space;
      continue;
    }
    utf8::CodePoint cp = utf8::DecodeAt(s, i);
    i += cp.length;
    char32_t v = cp.valid ? cp.value : 0xFFFD;
    v = FoldQuote(v);
    if (utf8::IsLetter(v)) letters = true;
    if (pending_space) h.Byte(' ');
    pending_space = false;
    started = true;
    Feed(h, v);
  }
  if (!letters) return kNoHash;
  return h.Final();  // never 0 (kNoHash)
}

// Every separator starts with a space: the last one in the title is the
// first found at a space, walking the spaces from the end (memrchr). Asked
// once per article, five rfinds compared the separators at every position
// of the title, a memcmp each: 2.8% of a run on short articles.
std::string_view StripSiteSuffix(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " :: "};
  size_t best = std::string_view::npos, best_len = 0;
  for (size_t end = title.size(); best == std::string_view::npos && end > 0;) {
    const void* space = memrchr(title.data(), ' ', end);
    if (space == nullptr) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(space) - title.data());
    for (std::string_view sep : kSeparators) {
      if (title.substr(at).starts_with(sep)) {
        best = at;
        best_len = sep.size();
        break;
      }
    }
    end = at;
  }
  if (best == std::string_view::npos) return title;
  std::string_view head = title.substr(0, best), site = title.substr(best + best_len);
  if (CountBlankSeparatedWords(site) > 5 || CountBlankSeparatedWords(head) < 2) return title;
  return head;
}

}  // namespace duplicate_block

namespace {

using duplicate_block::NormalisedHash;
using duplicate_block::StripSiteSuffix;

// A logo printed twice with nothing between: "SiteNameSiteName". Returns the
// repeated half, or "" when the line is not one string glued to itself.
std::string_view GluedHalf(std::string_view s) {
  if (s.size() < 8 || s.size() > 160 || s.size() % 2 != 0) return {};
  std::string_view half = s.substr(0, s.size() / 2);
  if (half != s.substr(s.size() / 2)) return {};
  utf8::CodePoint first = utf8::DecodeAt(half, 0);
  bool upper_or_digit = (first.value >= '0' && first.value <= '9') ||
                        utf8::CaseOf(first.value) == utf8::LetterCase::kUpper;
  if (!upper_or_digit) return {};
  if (utf8::SpaceLengthBefore(half, half.size()) > 0) return {};
  int letters = 0;
  for (size_t i = 0; i < half.size();) {
    utf8::CodePoint cp = utf8::DecodeAt(half, i);
    if (utf8::IsLetter(cp.value)) ++letters;
    i += cp.length;
  }
  if (letters < 4) return {};
  // "HaHaHaHa" is a laugh, not a logo: the half must not itself be glued.
  if (half.size() % 2 == 0 && half.substr(0, half.size() / 2) == half.substr(half.size() / 2)) {
    return {};
  }
  return half;
}

enum class Kind : uint8_t { kNone, kBlock, kLine, kHeadline, kTitle, kGlued };

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kBlock: return "block";
    case Kind::kLine: return "line";
    case Kind::kHeadline: return "headline";
    case Kind::kTitle: return "title";
    case Kind::kGlued: return "glued";
    case Kind::kNone: break;
  }
  return "";
}

struct Verdict {
  Kind kind = Kind::kNone;
  uint32_t other = 0;        // the paragraph this one repeats (or, for kind kLine
                             // with `reversed`, the paragraph that repeats it)
  uint32_t block_lines = 0;  // kBlock: length of the repeated block
  bool has_other = false;
  bool reversed = false;     // the head copy of a line the story repeats
};

// Per-thread scratch, reused across articles: no allocation per line.
struct Scratch {
  std::vector<uint32_t> lines;        // paragraph -> layout line index
  std::vector<uint64_t> hashes;       // paragraph -> normalised hash
  std::vector<uint32_t> prev_same;    // paragraph -> earlier paragraph with the same hash, or npos
  std::vector<uint32_t> first_same;   // paragraph -> first paragraph with the same hash (itself if none)
  std::vector<std::pair<uint64_t, uint32_t>> order;
  std::vector<Verdict> verdicts;
};

constexpr uint32_t kNone32 = static_cast<uint32_t>(-1);

class DuplicateBlockRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t min_line_words = options.GetInt("min-line-words", 8);
    const int64_t min_block_words = options.GetInt("min-block-words", 4);
    const int64_t min_headline_words = options.GetInt("min-headline-words", 4);
    const PageLayout& layout = analysis.Shared<PageLayout>();
    std::string_view text = analysis.text();

    thread_local Scratch s;
    // Reused (lint/scratch.h): cleared, or freed after a record of very many lines.
    ReuseScratch(s.lines);
    ReuseScratch(s.hashes);
    ReuseScratch(s.order);
    ReuseScratch(s.prev_same);
    ReuseScratch(s.first_same);
    ReuseScratch(s.verdicts);
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank) continue;
      s.lines.push_back(static_cast<uint32_t>(i));
      s.hashes.push_back(l.letters_words > 0 ? NormalisedHash(text.substr(l.span.start, l.span.size()))
                                             : kNoHash);
    }
    const size_t n = s.lines.size();
    if (n == 0) return;
    for (size_t k = 0; k < n; ++k) {
      if (s.hashes[k] != kNoHash) s.order.emplace_back(s.hashes[k], static_cast<uint32_t>(k));
    }
    std::sort(s.order.begin(), s.order.end());
    s.prev_same.assign(n, kNone32);
    s.first_same.resize(n);
    for (size_t k = 0; k < n; ++k) s.first_same[k] = static_cast<uint32_t>(k);
    for (size_t j = 1; j < s.order.size(); ++j) {
      if (s.order[j].first == s.order[j - 1].first) {
        s.prev_same[s.order[j].second] = s.order[j - 1].second;
        s.first_same[s.order[j].second] = s.first_same[s.order[j - 1].second];
      }
    }
    s.verdicts.assign(n, Verdict{});

    auto L = [&](size_t k) -> const LineLayout& { return layout.line(s.lines[k]); };
    auto region = [&](size_t k) { return layout.region(s.lines[k]); };
    // The first line with the same text (precomputed: walking prev_same made
    // an article of many repeated lines quadratic).
    auto first_of = [&](size_t k) { return static_cast<size_t>(s.first_same[k]); };
    auto set = [&](size_t k, Verdict v) {
      if (static_cast<int>(v.kind) > static_cast<int>(s.verdicts[k].kind)) s.verdicts[k] = v;
    };

    // (c) one string glued to itself.
    for (size_t k = 0; k < n; ++k) {
      if (!GluedHalf(text.substr(L(k).span.start, L(k).span.size())).empty()) {
        Verdict v{Kind::kGlued};
        if (s.prev_same[k] != kNone32) {
          v.other = static_cast<uint32_t>(first_of(k));
          v.has_other = true;
        }
        set(k, v);
      }
    }

    // (a) the headline again: lines equal to the title, or to a headline-length
    // line above the story, after their first occurrence. Copies inside the
    // story are left alone (a lyric or a slogan that is also the headline).
    uint64_t title_hashes[2] = {kNoHash, kNoHash};
    if (!article.title.empty()) {
      std::string_view stripped = StripSiteSuffix(article.title);
      if (CountBlankSeparatedWords(stripped) >= 3 || CountCodePoints(stripped) >= 15) {
        title_hashes[0] = NormalisedHash(article.title);
        title_hashes[1] = NormalisedHash(stripped);
      }
    }
    // Inside the story, a copy of the title counts only between two prose
    // paragraphs: next to a colon or another short line it is verse.
    auto between_prose = [&](size_t k) {
      return k > 0 && k + 1 < n && L(k - 1).prose && L(k + 1).prose;
    };
    for (size_t k = 0; k < n; ++k) {
      if (s.prev_same[k] == kNone32) continue;
      const size_t m = first_of(k);
      const uint64_t h = s.hashes[k];
      const bool title = h == title_hashes[0] || h == title_hashes[1];
      if (region(k) == PageRegion::kBody && !(title && between_prose(k))) continue;
      if (title) {
        set(k, Verdict{Kind::kTitle, static_cast<uint32_t>(m), 0, true});
        continue;
      }
      const LineLayout& first = L(m);
      if (region(m) == PageRegion::kHead && !first.bullet && !first.prose &&
          first.words >= min_headline_words && first.code_points >= 20 && first.words <= 30) {
        set(k, Verdict{Kind::kHeadline, static_cast<uint32_t>(m), 0, true});
      }
    }

    // (b) repeated blocks and long repeated lines: for each paragraph, the
    // longest run that matches an earlier, non-overlapping run.
    constexpr int kMaxCandidates = 32;
    for (size_t k = 0; k < n;) {
      size_t best_m = 0, best_len = 0;
      int tried = 0;
      for (uint32_t m = s.prev_same[k]; m != kNone32 && tried < kMaxCandidates;
           m = s.prev_same[m], ++tried) {
        size_t len = 0;
        while (k + len < n && m + len < k && s.hashes[k + len] != kNoHash &&
               s.hashes[m + len] == s.hashes[k + len]) {
          ++len;
        }
        if (len >= best_len) {
          best_len = len;
          best_m = m;
        }
      }
      if (best_len == 0) {
        ++k;
        continue;
      }
      if (best_len >= 2 &&
          QualifiesAsBlock(layout, s, best_m, k, best_len, min_block_words)) {
        for (size_t j = 0; j < best_len; ++j) {
          set(k + j, Verdict{Kind::kBlock, static_cast<uint32_t>(best_m + j),
                             static_cast<uint32_t>(best_len), true});
        }
        k += best_len;
        continue;
      }
      const LineLayout& line = L(k);
      if (line.words >= min_line_words) {
        if (region(k) != PageRegion::kBody) {
          // A line first seen inside the story (a lyric, a slogan) is only a
          // copy when it is prose.
          const size_t m = first_of(k);
          if (region(m) != PageRegion::kBody || L(m).prose) {
            set(k, Verdict{Kind::kLine, static_cast<uint32_t>(m), 0, true});
          }
        } else if (line.prose) {
          const size_t m = first_of(k);
          if (region(m) == PageRegion::kHead) {
            // A standfirst above the story that the lede repeats: the head copy
            // is the template's, the story's own paragraph stays.
            Verdict v{Kind::kLine, static_cast<uint32_t>(k), 0, true};
            v.reversed = true;
            set(m, v);
          } else {
            set(k, Verdict{Kind::kLine, static_cast<uint32_t>(m), 0, true});
          }
        }
      }
      ++k;
    }

    for (size_t k = 0; k < n; ++k) Report(analysis, layout, s, k, sink);
  }

 private:
  static bool QualifiesAsBlock(const PageLayout& layout,
                               const Scratch& s, size_t m, size_t k,
                               size_t len, int64_t min_block_words) {
    int64_t words = 0;
    int prose = 0, numbered = 0;
    bool distinct = false;
    for (size_t j = 0; j < len; ++j) {
      const LineLayout& l = layout.line(s.lines[k + j]);
      words += l.words;
      prose += l.prose;
      numbered += l.words > l.letters_words;
      if (s.hashes[k + j] != s.hashes[k]) distinct = true;
    }
    // "Share" six times is one word repeated, not a block.
    if (!distinct) return false;
    if (len < 3 && words < min_block_words) return false;
    // Verse is not template: a chorus or a refrain quoted twice. Inside the
    // story, and wherever the first copy is part of the story, a repeated block
    // must be repeated paragraphs of prose.
    const bool verse = prose * 2 < static_cast<int>(len);
    if (verse && (layout.region(s.lines[k]) == PageRegion::kBody ||
                  layout.region(s.lines[m]) == PageRegion::kBody)) {
      return false;
    }
    // Lists of facts: ingredients ("2 large eggs") or results printed twice
    // in a recipe or a results box repeat for a reason; menus have no numbers.
    if (numbered * 2 > static_cast<int>(len)) return false;
    return true;
  }

  static void Report(Analysis& analysis, const PageLayout& layout,
                     const Scratch& s, size_t k, FindingSink& sink) {
    const Verdict& v = s.verdicts[k];
    if (v.kind == Kind::kNone) return;
    const LineLayout& line = layout.line(s.lines[k]);
    const int64_t other_line = v.has_other ? static_cast<int64_t>(s.lines[v.other]) + 1 : 0;
    std::vector<std::string> signals;
    signals.emplace_back(std::string("kind:") + std::string(KindName(v.kind)));
    const PageRegion r = layout.region(s.lines[k]);
    signals.emplace_back(RegionSignal(r));
    Evidence evidence{{"kind", std::string(KindName(v.kind))}};
    std::string message;
    switch (v.kind) {
      case Kind::kGlued: {
        std::string half(GluedHalf(analysis.view(line.span)));
        message = "the same text printed twice with nothing between (\"" + half +
                  "\"): a logo or label glued to itself";
        evidence.emplace_back("repeated", half);
        if (v.has_other) {
          message += "; also a copy of line " + std::to_string(other_line);
          evidence.emplace_back("first_line", other_line);
        }
        break;
      }
      case Kind::kTitle:
        message = "the headline repeated (its first copy is line " + std::to_string(other_line) + ")";
        evidence.emplace_back("first_line", other_line);
        evidence.emplace_back("title", analysis.article().title);
        break;
      case Kind::kHeadline:
        message = "the headline-length line " + std::to_string(other_line) +
                  " above the story printed again";
        evidence.emplace_back("first_line", other_line);
        break;
      case Kind::kBlock:
        message = "line repeats line " + std::to_string(other_line) + ", part of a block of " +
                  std::to_string(v.block_lines) + " lines printed again";
        evidence.emplace_back("first_line", other_line);
        evidence.emplace_back("block_lines", static_cast<int64_t>(v.block_lines));
        signals.emplace_back("run:" + std::to_string(v.block_lines));
        break;
      case Kind::kLine:
        if (v.reversed) {
          message = "line above the story that the story repeats on line " +
                    std::to_string(other_line);
          evidence.emplace_back("copy_line", other_line);
        } else {
          message = "line repeats line " + std::to_string(other_line);
          evidence.emplace_back("first_line", other_line);
        }
        evidence.emplace_back("words", static_cast<int64_t>(line.words));
        break;
      case Kind::kNone:
        return;
    }
    evidence.emplace_back("signals", std::move(signals));
    sink.Report(line.span, std::move(message), std::move(evidence),
                layout.RemoveLineFix(s.lines[k]));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateBlockRule() { return std::make_unique<DuplicateBlockRule>(); }

}  // namespace newslint
