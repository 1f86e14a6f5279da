// newslint readers (private): the visible text of an HTML page.
//
// ExtractHtml parses a page with libxml2's forgiving HTML parser (no network,
// no DTD or entity loading) and renders it roughly as a browser would show it
// to a reader, one block per line:
//
//   <html><head><title>Storm</title></head><body>
//     <nav><a href="/">Home</a></nav>
//     <article><h1>Storm hits  coast</h1>
//       <p>Winds of <b>120 km/h</b> &amp; rain.<br>More soon.</p>
//     <script>track()</script></article></body></html>
//
// becomes the text
//
//   Home
//   Storm hits coast
//   Winds of 120 km/h & rain.
//   More soon.
//
// with one Block per line (tag path "html>body>article>p", class and id
// tokens), the link "/" (anchor "Home", line 1, region nav) and the title
// "Storm".
//
// Rendering rules:
//   * Block elements (p, div, h1-h6, li, td, th, tr, blockquote, section,
//     article, header, footer, nav, aside, figure, figcaption, pre, dt, dd,
//     ...) start and end a line; <br> ends a line; inline elements join.
//     Table cells are blocks: each cell is a line of its own.
//   * Runs of whitespace (ASCII whitespace and no-break spaces) become one
//     space; lines are trimmed. Inside <pre> spaces are kept and each source
//     line is a line.
//   * Lines with no visible character are dropped: the text has no empty
//     lines, no leading or trailing newline, and lines are joined with "\n".
//   * Not rendered: script, style, svg, template, noscript, iframe, object,
//     canvas, audio, video, select, the head, comments, and elements hidden
//     with the `hidden` attribute or an inline style display:none or
//     visibility:hidden.
//   * Entities and character references are decoded ("&amp;" -> "&").
//
// Links: every <a href>, in document order, with the href as written, the
// anchor text (whitespace collapsed; for a link that is shown, only its shown
// text), the 1-based line of the text holding its first visible character
// (0 when none is shown), and its region: hidden inside anything not rendered,
// marked aria-hidden="true", or hidden by an inline style that keeps its text
// in the page (font-size:0, opacity:0, far off-screen positioning or
// text-indent, zero width or height with overflow:hidden; see
// StyleHidesLinks); else nav, header, footer or aside after the
// nearest such element (or role navigation, banner, contentinfo,
// complementary); else body.
//
// Blocks: for each line, the tag path from <html> to the innermost block
// element holding the line, and the lower-cased, deduplicated class and id
// tokens of the elements on that path and of the inline elements whose text
// is on the line, outermost first. So that absurdly deep pages cost linear
// time, a path keeps its innermost 64 elements (then it starts with
// "...>"), only the innermost 64 open elements contribute tokens, and a
// line keeps at most 64 tokens.
//
// Encoding: a page that is valid UTF-8 is read as UTF-8, whatever it
// declares (stale declarations are common; legacy-charset text is almost
// never valid UTF-8). Any other page is decoded as it declares (<meta
// charset>, http-equiv Content-Type, a UTF-16 byte order mark), with
// ISO-8859-1, ASCII and windows-1252 all read as windows-1252, as browsers
// do. A page that declares nothing, UTF-8, or a charset libxml2 does not
// know is read as UTF-8, and its bytes that are not UTF-8 are kept byte for
// byte in the text (reported by the caller as input/invalid-utf8), never
// reinterpreted as Latin-1.

#ifndef NEWSLINT_LINT_READERS_HTML_EXTRACTOR_H_
#define NEWSLINT_LINT_READERS_HTML_EXTRACTOR_H_

#include <string_view>

#include "lint/article.h"

namespace newslint {

// Renders `html` into *article: sets text, blocks and links (replacing what
// was there) and fills each of title, url, published and byline that is still
// empty from the page's metadata:
//   title      <meta property="og:title">, else <title>
//   url        <meta property="og:url">, else <link rel="canonical">
//   published  <meta property="article:published_time">, else
//              <meta name="date|pubdate"> or itemprop="datePublished"
//   byline     <meta name="author">, else <meta property="article:author">
// Does not set site, raw_html or input findings, except input/read-error for
// a page too large for libxml2 (2 GiB). Never fails on malformed input: junk
// yields whatever text libxml2 recovers, an empty page an empty text.
// Thread-safe. Walks the parser's events as they come (SAX): no document
// tree is built.
void ExtractHtml(std::string_view html, Article* article);

// The same extraction from the document tree libxml2 builds (htmlReadMemory,
// then a walk of the tree): ExtractHtml's reference in the tests, which
// compare the two on every HTML fixture and on generated and mutated pages,
// and in BM_ExtractHtml.
void ExtractHtmlFromTree(std::string_view html, Article* article);

}  // namespace newslint

#endif  // NEWSLINT_LINT_READERS_HTML_EXTRACTOR_H_
