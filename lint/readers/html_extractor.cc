#include "lint/readers/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <simdjson.h>

#ifdef __SSE2__
#include <emmintrin.h>  // AppendCollapsed's fast path
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/readers/invalid_utf8.h"

namespace newslint {
namespace {

struct TagTraits {
  bool block = false;
  bool line_break = false;
  bool preformatted = false;
  bool not_rendered = false;                 // its text is not shown; its links are hidden
  bool skipped = false;                      // not even walked (raw text, foreign content)
  LinkRegion region = LinkRegion::kUnknown;  // a landmark element, else kUnknown
};

const TagTraits& TraitsOf(std::string_view tag) {
  static const auto* const kTraits = [] {
    auto* t = new std::unordered_map<std::string_view, TagTraits>();
    for (std::string_view b :
         {"address",  "article",    "aside",   "blockquote", "body",   "caption", "center",
          "dd",       "details",    "dialog",  "dir",        "div",    "dl",      "dt",
          "fieldset", "figcaption", "figure",  "footer",     "form",   "h1",      "h2",
          "h3",       "h4",         "h5",      "h6",         "header", "hgroup",  "hr",
          "html",     "legend",     "li",      "main",       "menu",   "nav",     "ol",
          "p",        "pre",        "section", "summary",    "table",  "tbody",   "td",
          "tfoot",    "th",         "thead",   "tr",         "ul"}) {
      (*t)[b].block = true;
    }
    (*t)["pre"].preformatted = true;
    (*t)["listing"] = {.block = true, .preformatted = true};
    (*t)["xmp"] = {.block = true, .preformatted = true};
    (*t)["br"].line_break = true;
    for (std::string_view n :
         {"head", "title", "noscript", "template", "iframe", "object", "canvas", "audio", "video",
          "select", "datalist", "noembed", "noframes"}) {
      (*t)[n].not_rendered = true;
    }
    for (std::string_view s : {"script", "style", "svg"}) (*t)[s].skipped = true;
    (*t)["nav"].region = LinkRegion::kNav;
    (*t)["header"].region = LinkRegion::kHeader;
    (*t)["footer"].region = LinkRegion::kFooter;
    (*t)["aside"].region = LinkRegion::kAside;
    return t;
  }();
  static const TagTraits kInline;
  auto it = kTraits->find(tag);
  return it == kTraits->end() ? kInline : it->second;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Bytes that may start a whitespace character: ASCII whitespace, and 0xC2
// (the lead byte of U+00A0).
constexpr auto kMayStartSpace = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[c] = true;
  table[0xC2] = true;
  return table;
}();

// Length of the whitespace character at s[i] (ASCII or U+00A0), else 0.
inline size_t SpaceLengthAt(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (!kMayStartSpace[c]) return 0;
  if (c != 0xC2) return 1;
  return i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0 ? 2 : 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether the whitespace-separated list `list` holds `word` (any case).
bool ListHas(std::string_view list, std::string_view word) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    size_t j = i;
    while (j < list.size() && !IsAsciiSpace(list[j])) ++j;
    if (j > i && EqualsIgnoringCase(list.substr(i, j - i), word)) return true;
    i = j;
  }
  return false;
}

// Appends `text` to *out with whitespace runs collapsed to one space; a
// space is only written before the next visible character. Returns whether
// a visible character was written.
bool AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  // Written through a pointer into room made once (a space and every byte
  // at most): appending word by word cost a call per word.
  const size_t before = out->size();
  out->resize(before + text.size() + 1);
  char* const begin = out->data();
  char* o = begin + before;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  bool pending = *pending_space;
  bool wrote = false;
  while (p < end) {
#ifdef __SSE2__
    // Sixteen bytes at once while their only white space is single ASCII
    // spaces (no \t..\r, no two spaces in a row, no 0xC2 that may start
    // U+00A0): they are written as they are, a leading space taken as
    // pending (written only before the next visible byte, and not first in
    // *out) and a trailing one held back as pending, as the byte loop
    // below does. Between two spaces the block has a visible byte.
    while (end - p >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const auto spaces =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
      // Signed compares: bytes >= 0x80 are below '\t' here.
      const __m128i control = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)),
                                            _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1)));
      const auto other = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(control, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))))));
      if ((other | (spaces & (spaces >> 1))) != 0) break;
      const unsigned lead = spaces & 1u, trail = (spaces >> 15) & 1u;
      if ((pending || lead != 0) && o != begin) *o++ = ' ';
      const size_t n = 16 - lead - trail;
      std::memcpy(o, p + lead, n);
      o += n;
      p += 16;
      pending = trail != 0;
      wrote = true;
    }
    if (p == end) break;
#endif
    if (kMayStartSpace[*p]) {
      if (*p != 0xC2) {
        pending = true;
        ++p;
        continue;
      }
      if (p + 1 < end && p[1] == 0xA0) {  // U+00A0
        pending = true;
        p += 2;
        continue;
      }
    }
    if (pending && o != begin) *o++ = ' ';
    pending = false;
    wrote = true;
    *o++ = static_cast<char>(*p++);
    while (p < end && !kMayStartSpace[*p]) *o++ = static_cast<char>(*p++);
  }
  out->resize(static_cast<size_t>(o - begin));
  *pending_space = pending;
  return wrote;
}

// Whether an inline style hides the element.
bool StyleHides(std::string_view style) {
  if (style.empty()) return false;  // most elements: no copy to make
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Whether an inline style hides an element from readers while leaving its
// text in the page: font-size:0, opacity:0, positioning or indenting it far
// off-screen, or a zero width or height with overflow hidden, the tricks of
// injected spam links. Their links count as hidden (LinkRegion::kHidden);
// their text is kept, as a text extractor keeps it.
bool StyleHidesLinks(std::string_view style) {
  if (style.empty()) return false;  // most elements: no copy to make
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  compact.insert(compact.begin(), ';');
  auto value_of = [&](std::string_view property) -> std::string_view {
    std::string key(";");
    key.append(property);
    key.push_back(':');
    size_t at = compact.find(key);
    if (at == std::string::npos) return {};
    std::string_view v(compact);
    v.remove_prefix(at + key.size());
    return v.substr(0, v.find(';'));
  };
  auto zero = [](std::string_view v) {
    if (v.empty()) return false;
    size_t i = 0;
    while (i < v.size() && (v[i] == '0' || v[i] == '.')) ++i;
    std::string_view unit = v.substr(i);
    return i > 0 && (unit.empty() || unit == "px" || unit == "em" || unit == "rem" || unit == "pt" ||
                     unit == "%" || unit == "!important" || unit == "px!important");
  };
  // A length of -999px or less (or -99em / -99rem / -99%): far off-screen.
  auto far_negative = [](std::string_view v) {
    if (v.size() < 2 || v[0] != '-') return false;
    size_t i = 1;
    double n = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') n = n * 10 + (v[i++] - '0');
    if (i == 1) return false;
    std::string_view unit = v.substr(i);
    if (unit.starts_with("px")) return n >= 999;
    return (unit.starts_with("em") || unit.starts_with("rem") || unit.starts_with("%") ||
            unit.starts_with("vw") || unit.starts_with("vh")) && n >= 99;
  };
  if (zero(value_of("font-size")) || zero(value_of("opacity"))) return true;
  for (std::string_view p : {"left", "top", "right", "margin-left", "margin-top", "text-indent"}) {
    if (far_negative(value_of(p))) return true;
  }
  std::string_view overflow = value_of("overflow");
  if (overflow.starts_with("hidden") && (zero(value_of("width")) || zero(value_of("height")) ||
                                         zero(value_of("max-height")) || zero(value_of("max-width")))) {
    return true;
  }
  return false;
}

std::string_view NodeName(const xmlNode* node) {
  return node->name != nullptr ? std::string_view(reinterpret_cast<const char*>(node->name))
                               : std::string_view();
}

// The attributes ExtractHtml reads, as views into libxml2's strings (the
// tree's, or the parser's while a start tag's callback runs).
struct ElementAttributes {
  std::string_view class_list, id, style, aria_hidden, role, href, rel, name, property, itemprop,
      content;
  bool hidden = false;
  bool has_href = false;

  // From the tree (the reference walk).
  explicit ElementAttributes(const xmlNode* node) {
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      std::string_view value;
      if (a->children != nullptr && a->children->content != nullptr) {
        value = reinterpret_cast<const char*>(a->children->content);
      }
      Read(reinterpret_cast<const char*>(a->name), value);
    }
  }

  // From a start tag's name/value pairs (the SAX walk); a value is null for
  // an attribute written without one, as the tree's attribute has no text.
  explicit ElementAttributes(const xmlChar** pairs) {
    if (pairs == nullptr) return;
    for (size_t i = 0; pairs[i] != nullptr; i += 2) {
      std::string_view value;
      if (pairs[i + 1] != nullptr) value = reinterpret_cast<const char*>(pairs[i + 1]);
      Read(reinterpret_cast<const char*>(pairs[i]), value);
    }
  }

 private:
  void Read(std::string_view key, std::string_view value) {
    using Field = std::string_view ElementAttributes::*;
    static constexpr std::pair<std::string_view, Field> kRead[] = {
        {"class", &ElementAttributes::class_list},
        {"id", &ElementAttributes::id},
        {"style", &ElementAttributes::style},
        {"aria-hidden", &ElementAttributes::aria_hidden},
        {"role", &ElementAttributes::role},
        {"href", &ElementAttributes::href},
        {"rel", &ElementAttributes::rel},
        {"name", &ElementAttributes::name},
        {"property", &ElementAttributes::property},
        {"itemprop", &ElementAttributes::itemprop},
        {"content", &ElementAttributes::content},
    };
    hidden |= key == "hidden";
    has_href |= key == "href";
    for (const auto& [attribute, field] : kRead) {
      if (key == attribute) {
        this->*field = value;
        break;
      }
    }
  }
};

LinkRegion RegionOfRole(std::string_view role) {
  if (ListHas(role, "navigation")) return LinkRegion::kNav;
  if (ListHas(role, "banner")) return LinkRegion::kHeader;
  if (ListHas(role, "contentinfo")) return LinkRegion::kFooter;
  if (ListHas(role, "complementary")) return LinkRegion::kAside;
  return LinkRegion::kUnknown;
}

// What the walk extracts, before it is merged into the Article.
struct ExtractedPage {
  std::string text;
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::string title, og_title, og_url, canonical, published_time, date, author, article_author;
};

// Renders a page from the parser's events, in document order: an element
// opens (Element, then Leave when it closes), text appears (Text), the page
// ends (Finish). Two walks drive it: the SAX callbacks of the parse itself
// (ExtractHtml), and the reference walk over libxml2's tree
// (ExtractHtmlFromTree), which sees the same elements and text.
class PageRenderer {
 public:
  explicit PageRenderer(ExtractedPage* page) : page_(page) {}

  // Whether the element's content is walked: false for an element whose
  // content is neither shown nor searched for links (script, style, svg, a
  // line break), and then the walk skips it and its content, and calls no
  // Leave for it.
  bool Element(std::string_view tag, const ElementAttributes& attrs) {
    const TagTraits& traits = TraitsOf(tag);
    if (traits.skipped) return false;
    ReadMetadata(tag, attrs);
    if (traits.line_break) {
      if (!InvisibleHere()) EndLine();
      return false;
    }
    Push(tag, traits, attrs);
    return true;
  }

  void Text(std::string_view text) {
    if (!frames_.empty() && frames_.back().in_title) {
      if (!title_done_) AppendCollapsed(text, &page_->title, &title_space_);
      return;
    }
    bool visible = !InvisibleHere();
    for (OpenLink& open : open_links_) {
      if (visible || open.hidden) {
        AppendCollapsed(text, &page_->links[open.index].anchor_text, &open.pending_space);
      }
    }
    if (!visible) return;
    if (!frames_.empty() && frames_.back().preformatted) {
      PreformattedText(text);
      return;
    }
    if (AppendCollapsed(text, &line_, &pending_space_)) Shown();
  }

  void Leave() {
    const Frame& frame = frames_.back();
    if (frame.link >= 0) open_links_.pop_back();
    if (frame.block && !frame.not_rendered) EndLine();
    if (frame.tag == "title" && !page_->title.empty()) title_done_ = true;
    tokens_.resize(frame.tokens_begin);
    frames_.pop_back();
    merged_frames_ = std::min(merged_frames_, frames_.size());
  }

  void Finish() { EndLine(); }

  // The reference walk: libxml2's tree, once, without recursion (pages can
  // nest deeply).
  void Render(const xmlDoc* doc) {
    const xmlNode* node = doc->children;
    while (node != nullptr) {
      bool entered = Enter(node);
      if (entered && node->children != nullptr) {
        node = node->children;
        continue;
      }
      if (entered) Leave();
      while (node != nullptr && node->next == nullptr) {
        node = node->parent;
        if (node == nullptr || node->type != XML_ELEMENT_NODE) {
          node = nullptr;
          break;
        }
        Leave();
      }
      if (node != nullptr) node = node->next;
    }
    Finish();
  }

 private:
  struct Frame {
    std::string_view tag;
    bool block = false;
    bool preformatted = false;
    bool not_rendered = false;
    bool in_title = false;
    LinkRegion region = LinkRegion::kBody;
    size_t innermost_block = 0;               // index of the nearest block frame (itself or above)
    size_t tokens_begin = 0, tokens_end = 0;  // into tokens_
    int64_t link = -1;  // index into page_->links of the <a href> this frame is
  };

  static constexpr size_t kMaxPathElements = 64;
  static constexpr size_t kMaxTokens = 64;

  struct OpenLink {
    size_t index;
    bool hidden;  // the link itself is not rendered: take all its text
    bool pending_space = false;
  };

  // Returns whether the node is an element whose children should be walked
  // (a frame was pushed).
  bool Enter(const xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) Text(reinterpret_cast<const char*>(node->content));
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    if (TraitsOf(NodeName(node)).skipped) return false;  // its attributes are not read
    return Element(NodeName(node), ElementAttributes(node));
  }

  void Push(std::string_view tag, const TagTraits& traits, const ElementAttributes& attrs) {
    Frame frame;
    const Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    frame.tag = tag;
    frame.block = traits.block;
    frame.preformatted = traits.preformatted || (parent != nullptr && parent->preformatted);
    bool hides_text = traits.not_rendered || attrs.hidden || StyleHides(attrs.style);
    frame.not_rendered = hides_text || (parent != nullptr && parent->not_rendered);
    frame.in_title = tag == "title" || (parent != nullptr && parent->in_title);
    bool hides_links = hides_text || EqualsIgnoringCase(Trim(attrs.aria_hidden), "true") ||
                       StyleHidesLinks(attrs.style);
    if (parent != nullptr) frame.region = parent->region;
    if (hides_links) {
      frame.region = LinkRegion::kHidden;
    } else if (frame.region != LinkRegion::kHidden) {
      LinkRegion landmark = RegionOfRole(attrs.role);
      if (landmark == LinkRegion::kUnknown) landmark = traits.region;
      if (landmark != LinkRegion::kUnknown) frame.region = landmark;
    }
    frame.innermost_block =
        frame.block ? frames_.size() : (parent != nullptr ? parent->innermost_block : 0);
    frame.tokens_begin = tokens_.size();
    AddTokens(attrs.class_list, /*split=*/true);
    AddTokens(attrs.id, /*split=*/false);
    frame.tokens_end = tokens_.size();

    if (frame.block && !frame.not_rendered) EndLine();
    if (tag == "a" && attrs.has_href) {
      frame.link = static_cast<int64_t>(page_->links.size());
      Link link;
      link.href = std::string(Trim(attrs.href));
      link.region = frame.region;
      page_->links.push_back(std::move(link));
      open_links_.push_back({static_cast<size_t>(frame.link), frame.not_rendered});
    }
    frames_.push_back(frame);
  }

  bool InvisibleHere() const { return !frames_.empty() && frames_.back().not_rendered; }

  void AddTokens(std::string_view value, bool split) {
    size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && IsAsciiSpace(value[i])) ++i;
      size_t j = i;
      while (j < value.size() && (!split || !IsAsciiSpace(value[j]))) ++j;
      std::string_view token = Trim(value.substr(i, j - i));
      if (!token.empty()) tokens_.push_back(Lower(token));
      i = j;
    }
  }

  void ReadMetadata(std::string_view tag, const ElementAttributes& attrs) {
    auto keep_first = [](std::string* field, std::string_view value) {
      value = Trim(value);
      if (field->empty() && !value.empty()) *field = std::string(value);
    };
    if (tag == "meta") {
      std::string_view content = attrs.content;
      for (std::string_view key : {attrs.property, attrs.name, attrs.itemprop}) {
        std::string k = Lower(Trim(key));
        if (k == "og:title")
          keep_first(&page_->og_title, content);
        else if (k == "og:url")
          keep_first(&page_->og_url, content);
        else if (k == "article:published_time")
          keep_first(&page_->published_time, content);
        else if (k == "date" || k == "pubdate" || k == "datepublished")
          keep_first(&page_->date, content);
        else if (k == "author")
          keep_first(&page_->author, content);
        else if (k == "article:author")
          keep_first(&page_->article_author, content);
      }
    } else if (tag == "link" && ListHas(attrs.rel, "canonical")) {
      keep_first(&page_->canonical, attrs.href);
    }
  }

  void PreformattedText(std::string_view text) {
    while (!text.empty()) {
      size_t newline = text.find('\n');
      std::string_view piece = text.substr(0, newline);
      for (char c : piece) {
        if (c != '\r') line_.push_back(c);
      }
      if (HasVisibleCharacter(piece)) Shown();
      if (newline == std::string_view::npos) break;
      EndLine();
      text.remove_prefix(newline + 1);
    }
  }

  static bool HasVisibleCharacter(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
      size_t space = SpaceLengthAt(text, i);
      if (space == 0) return true;
      i += space;
    }
    return false;
  }

  // Visible text went onto the current line: start the line's block if it is
  // new, merge the tokens of the elements holding the text, place open links.
  // Bounded work per line however deep the page nests: the tag path keeps
  // its innermost kMaxPathElements elements, and tokens are merged once per
  // frame and line.
  void Shown() {
    const size_t top = frames_.size();
    if (!line_shown_) {
      line_shown_ = true;
      line_block_.tag_path.clear();
      line_block_.tokens.clear();
      const size_t block = top == 0 ? 0 : frames_.back().innermost_block;
      const size_t first = block + 1 > kMaxPathElements ? block + 1 - kMaxPathElements : 0;
      if (first > 0) line_block_.tag_path = "...";
      for (size_t i = first; i <= block && i < top; ++i) {
        if (!line_block_.tag_path.empty()) line_block_.tag_path.push_back('>');
        line_block_.tag_path.append(frames_[i].tag);
        MergeTokens(frames_[i]);
      }
      merged_frames_ = std::max(block + 1, top > kMaxPathElements ? top - kMaxPathElements : 0);
    }
    for (size_t i = merged_frames_; i < top; ++i) MergeTokens(frames_[i]);
    merged_frames_ = std::max(merged_frames_, top);
    const int64_t line_number = static_cast<int64_t>(page_->blocks.size()) + 1;
    for (const OpenLink& open : open_links_) {
      Link& link = page_->links[open.index];
      if (!open.hidden && link.line == 0) link.line = line_number;
    }
  }

  void MergeTokens(const Frame& frame) {
    auto& tokens = line_block_.tokens;
    for (size_t t = frame.tokens_begin; t < frame.tokens_end && tokens.size() < kMaxTokens; ++t) {
      if (std::find(tokens.begin(), tokens.end(), tokens_[t]) == tokens.end()) {
        tokens.push_back(tokens_[t]);
      }
    }
  }

  void EndLine() {
    if (line_shown_) {
      std::string_view line = line_;
      while (!line.empty() && IsAsciiSpace(line.back())) line.remove_suffix(1);
      if (!page_->text.empty()) page_->text.push_back('\n');
      page_->text.append(line);
      page_->blocks.push_back(line_block_);
    }
    line_.clear();
    line_shown_ = false;
    pending_space_ = false;
  }

  ExtractedPage* page_;
  std::vector<Frame> frames_;
  std::vector<std::string> tokens_;  // class and id tokens of the open elements
  std::vector<OpenLink> open_links_;
  std::string line_;
  bool line_shown_ = false;
  bool pending_space_ = false;
  size_t merged_frames_ = 0;  // frames (from the root) whose tokens the line has
  Block line_block_;
  bool title_space_ = false;
  bool title_done_ = false;
};

// The SAX walk: the parser's callbacks drive the renderer directly, so no
// tree is built and freed for each page. The callbacks get the parser
// context (libxml2's default user data); the walk's state is its _private.
// The HTML parser balances its events: every start tag it reports, written
// or implied, gets an end (auto-closed, or at the end of the page), so the
// walk counts the open elements.
//
// Where libxml2's tree handlers (SAX2.c) put a node otherwise than the
// events' order says, the walk does as the tree does, so that both walks
// give the same article (tests/html_sax_test.cc):
// - an element's name is its local part, after the first colon ("o:p" is
//   a p; xmlSplitQName), as the tree names its nodes;
// - text outside every element has no place in the tree, and is dropped;
// - an element that starts when every element is closed (content after
//   </html>) goes under the document's first child, when that is an element
//   (no doctype, comment or processing instruction came first): the first
//   root element's frame is held open until the end for it.
class SaxWalk {
 public:
  explicit SaxWalk(PageRenderer* renderer) : renderer_(renderer) {}

  static void Install(xmlSAXHandler* sax) {
    std::memset(sax, 0, sizeof(*sax));
    sax->initialized = 1;  // the SAX1 callbacks, the ones the HTML parser calls
    sax->startElement = &SaxWalk::StartElement;
    sax->endElement = &SaxWalk::EndElement;
    sax->characters = &SaxWalk::Characters;
    // Raw text (script, style) arrives as CDATA; the tree keeps it as CDATA
    // nodes, which the tree walk takes as text.
    sax->cdataBlock = &SaxWalk::Characters;
    // Nodes that take the document's first place from an element.
    sax->internalSubset = &SaxWalk::Doctype;
    sax->comment = &SaxWalk::Comment;
    sax->processingInstruction = &SaxWalk::ProcessingInstruction;
    // With blanks kept (no HTML_PARSE_NOBLANKS) the parser reports white
    // space as characters; the tree's handler for ignorable white space
    // drops it, and so does this walk (the callback is left null).
  }

  // The end of the page: the held root element closes.
  void Finish() {
    if (held_root_) {
      held_root_ = false;
      renderer_->Leave();
    }
    renderer_->Finish();
  }

 private:
  enum class FirstChild : uint8_t { kNone, kElement, kOther };

  static SaxWalk* Of(void* ctx) {
    return static_cast<SaxWalk*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
  }

  static std::string_view LocalName(std::string_view name) {
    if (name.empty() || name[0] == ':') return name;
    const size_t colon = name.find(':');
    if (colon == std::string_view::npos || colon + 1 == name.size()) return name;
    return name.substr(colon + 1);
  }

  static void StartElement(void* ctx, const xmlChar* name, const xmlChar** attributes) {
    SaxWalk* w = Of(ctx);
    if (w->skip_ > 0) {  // inside an element whose content is not walked
      ++w->skip_;
      return;
    }
    // The document's first child. (The parser implies <html> before any
    // other element, so an element at the top level is an html element,
    // whose content is walked.)
    const bool first =
        w->open_ == 0 && !w->held_root_ && w->first_child_ == FirstChild::kNone;
    if (first) w->first_child_ = FirstChild::kElement;
    const std::string_view tag = LocalName(reinterpret_cast<const char*>(name));
    if (w->renderer_->Element(tag, ElementAttributes(attributes))) {
      ++w->open_;
      if (first) w->root_ = true;
    } else {
      w->skip_ = 1;
    }
  }

  static void EndElement(void* ctx, const xmlChar*) {
    SaxWalk* w = Of(ctx);
    if (w->skip_ > 0) {
      --w->skip_;
      return;
    }
    if (w->open_ == 0) return;
    if (--w->open_ > 0) {
      w->renderer_->Leave();
      return;
    }
    if (w->root_) {
      w->root_ = false;
      if (w->first_child_ == FirstChild::kElement) {
        w->held_root_ = true;  // later top-level elements go under it
        return;
      }
    }
    w->renderer_->Leave();
    // A doctype came while an element under the held root was open: what
    // starts at the top level from now on goes beside the doctype.
    if (w->held_root_ && w->first_child_ != FirstChild::kElement) {
      w->held_root_ = false;
      w->renderer_->Leave();
    }
  }

  static void Characters(void* ctx, const xmlChar* text, int length) {
    SaxWalk* w = Of(ctx);
    // The tree has no place for text outside every element, and drops it.
    if (w->skip_ > 0 || w->open_ == 0 || length <= 0) return;
    w->renderer_->Text(std::string_view(reinterpret_cast<const char*>(text),
                                        static_cast<size_t>(length)));
  }

  // The tree puts a doctype first among the document's children: an
  // element that starts at the top level later goes beside it.
  static void Doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    SaxWalk* w = Of(ctx);
    w->first_child_ = FirstChild::kOther;
    if (w->held_root_ && w->open_ == 0) {
      w->held_root_ = false;
      w->renderer_->Leave();
    }
  }

  static void TopLevelNode(SaxWalk* w) {
    if (w->open_ == 0 && !w->held_root_ && w->skip_ == 0 && w->first_child_ == FirstChild::kNone) {
      w->first_child_ = FirstChild::kOther;
    }
  }
  static void Comment(void* ctx, const xmlChar*) { TopLevelNode(Of(ctx)); }
  static void ProcessingInstruction(void* ctx, const xmlChar*, const xmlChar*) {
    TopLevelNode(Of(ctx));
  }

  PageRenderer* renderer_;
  size_t open_ = 0;  // elements entered and not left, the held root left out
  size_t skip_ = 0;  // depth inside an element whose content is skipped
  FirstChild first_child_ = FirstChild::kNone;  // the document's first child
  bool root_ = false;       // the open elements are under the document's first child
  bool held_root_ = false;  // that element has ended; its frame waits for more
};

// The charset a page declares in its first 64 KiB (<meta charset=...>,
// http-equiv content "...; charset=..."), lower-cased; "" if none.
std::string DeclaredCharset(std::string_view html) {
  std::string_view head = html.substr(0, 64 * 1024);
  static constexpr std::string_view kKey = "charset";
  for (size_t i = 0; i + kKey.size() <= head.size(); ++i) {
    if (!EqualsIgnoringCase(head.substr(i, kKey.size()), kKey)) continue;
    size_t k = i + kKey.size();
    while (k < head.size() && IsAsciiSpace(head[k])) ++k;
    if (k >= head.size() || head[k] != '=') continue;
    ++k;
    while (k < head.size() && (IsAsciiSpace(head[k]) || head[k] == '"' || head[k] == '\'')) ++k;
    size_t end = k;
    while (end < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
            head[end] == '_' || head[end] == '.' || head[end] == ':')) {
      ++end;
    }
    if (end > k) return Lower(head.substr(k, end - k));
  }
  return "";
}

bool IsUtf8Name(std::string_view charset) { return charset == "utf-8" || charset == "utf8"; }

// Whether libxml2 can decode `charset`.
bool LibxmlKnowsCharset(const std::string& charset) {
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

// The labels browsers decode as windows-1252 (WHATWG Encoding Standard),
// ISO-8859-1 and ASCII included.
bool IsWindows1252Label(std::string_view charset) {
  for (std::string_view label :
       {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
        "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "ibm819", "cp819",
        "us-ascii", "ascii", "ansi_x3.4-1968"}) {
    if (charset == label) return true;
  }
  return false;
}

// windows-1252 to UTF-8, as browsers decode it: the five bytes the code page
// leaves undefined become the C1 controls of the same value.
std::string DecodeWindows1252(std::string_view bytes) {
  static constexpr char16_t kHighHalf[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    char32_t cp = b < 0x80 ? b : b < 0xA0 ? kHighHalf[b - 0x80] : b;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

void IgnoreLibxmlMessage(void*, const char*, ...) {}

// libxml2 is initialised once per process; its error messages (which go to
// stderr by default, per thread) are silenced in every thread that parses.
void PrepareLibxml() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  thread_local const bool silenced = [] {
    xmlSetGenericErrorFunc(nullptr, IgnoreLibxmlMessage);
    return true;
  }();
  (void)initialised;
  (void)silenced;
}

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | XML_PARSE_HUGE;

// Parses the page with the SAX walk into *page; false when libxml2 could not
// start (the tree walk's null document). A page ExtractHtml made valid UTF-8
// (`valid_utf8`, charset "UTF-8") is parsed in place: no encoding handler,
// whose conversion copied the page through a growing buffer; the context is
// told the bytes are UTF-8, and HTML_PARSE_IGNORE_ENC keeps a <meta charset>
// from switching it to another encoding, which is what naming UTF-8
// achieved. The parser's look at the first four bytes (UTF-16 and UCS-4
// patterns, all with a NUL byte) would still apply, so a page with a NUL
// among them names its encoding as before.
bool ParseWithSax(std::string_view html, const std::string& charset, bool valid_utf8,
                  ExtractedPage* page) {
  const bool in_place =
      valid_utf8 && std::memchr(html.data(), 0, std::min<size_t>(html.size(), 4)) == nullptr;
  // The UTF-8 handler skips a byte order mark at the start (one more than
  // ExtractHtml took off: a page may carry two); in place, so does this.
  if (in_place && html.starts_with("\xEF\xBB\xBF")) html.remove_prefix(3);
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (ctxt == nullptr) return false;
  PageRenderer renderer(page);
  SaxWalk walk(&renderer);
  SaxWalk::Install(ctxt->sax);
  ctxt->_private = &walk;
  htmlCtxtUseOptions(ctxt, kParseOptions | (in_place ? HTML_PARSE_IGNORE_ENC : 0));
  ctxt->html = 1;
  // In place: the bytes are UTF-8 (the HTML parser's context starts without
  // a charset, and its first byte >= 0x80 would switch it to Latin-1).
  if (in_place) ctxt->charset = XML_CHAR_ENCODING_UTF8;
  if (!in_place && !charset.empty()) {
    // As htmlReadMemory does with an encoding named.
    if (xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset.c_str())) {
      xmlSwitchToEncoding(ctxt, handler);
      if (ctxt->input->encoding != nullptr) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
      ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>(charset.c_str()));
    }
  }
  htmlParseDocument(ctxt);
  walk.Finish();
  if (ctxt->myDoc != nullptr) {  // none is made without the tree's handlers; freed if one were
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  htmlFreeParserCtxt(ctxt);
  return true;
}

enum class Walk { kSax, kTree };

void Extract(std::string_view html, Article* article, Walk walk) {
  PrepareLibxml();
  article->text.clear();
  article->blocks.clear();
  article->links.clear();
  if (html.size() >= 3 && html.substr(0, 3) == "\xEF\xBB\xBF") html.remove_prefix(3);
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    article->AddInputFinding("input/read-error",
                             "HTML page of " + std::to_string(html.size()) +
                                 " bytes is too large to parse (the limit is 2 GiB)");
    return;
  }

  // Decide how the page is decoded. A page that is valid UTF-8 is read as
  // UTF-8 whatever it declares: a stale <meta charset> is common, and text in
  // a legacy charset is almost never valid UTF-8. Otherwise windows-1252 and
  // its aliases are decoded here, as browsers decode them; another charset
  // libxml2 knows is left to libxml2; and a page meant to be UTF-8 carries its
  // stray bytes through the parser as placeholders.
  std::string charset;
  bool valid_utf8 = false;  // the bytes the parser gets (charset is then "UTF-8")
  std::string converted;
  InvalidByteMask mask;
  bool is_masked = false;
  const bool utf16_bom = html.substr(0, 2) == "\xFF\xFE" || html.substr(0, 2) == "\xFE\xFF";
  if (utf16_bom) {
    // libxml2 reads the byte order mark.
  } else if (simdjson::validate_utf8(html.data(), html.size())) {
    charset = "UTF-8";
    valid_utf8 = true;
  } else {
    charset = DeclaredCharset(html);
    if (IsWindows1252Label(charset)) {
      converted = DecodeWindows1252(html);
      html = converted;
      charset = "UTF-8";
      valid_utf8 = true;  // every code point encoded afresh
    } else if (charset.empty() || IsUtf8Name(charset) || !LibxmlKnowsCharset(charset)) {
      charset = "UTF-8";
      is_masked = mask.Mask(html, InvalidByteMask::Syntax::kHtml, &converted);
      if (is_masked) html = converted;
      valid_utf8 = simdjson::validate_utf8(html.data(), html.size());
    }
  }

  ExtractedPage page;
  if (walk == Walk::kTree) {
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr,
                                    charset.empty() ? nullptr : charset.c_str(), kParseOptions);
    if (doc == nullptr) return;
    PageRenderer(&page).Render(doc);
    xmlFreeDoc(doc);
  } else if (!ParseWithSax(html, charset, valid_utf8, &page)) {
    return;
  }

  if (is_masked) {
    mask.Unmask(&page.text);
    for (std::string* s : {&page.title, &page.og_title, &page.og_url, &page.canonical,
                           &page.published_time, &page.date, &page.author, &page.article_author}) {
      mask.Unmask(s);
    }
    for (Link& link : page.links) {
      mask.Unmask(&link.href);
      mask.Unmask(&link.anchor_text);
    }
    for (Block& block : page.blocks) {
      for (std::string& token : block.tokens) mask.Unmask(&token);
    }
  }

  auto fill = [](std::string* field, std::string& first, std::string& second) {
    if (!field->empty()) return;
    *field = std::move(!first.empty() ? first : second);
  };
  fill(&article->title, page.og_title, page.title);
  fill(&article->url, page.og_url, page.canonical);
  fill(&article->published, page.published_time, page.date);
  fill(&article->byline, page.author, page.article_author);
  article->text = std::move(page.text);
  article->blocks = std::move(page.blocks);
  article->links = std::move(page.links);
}

}  // namespace

void ExtractHtml(std::string_view html, Article* article) { Extract(html, article, Walk::kSax); }

void ExtractHtmlFromTree(std::string_view html, Article* article) {
  Extract(html, article, Walk::kTree);
}

}  // namespace newslint
