// ExtractHtml walks libxml2's SAX events; ExtractHtmlFromTree builds
// libxml2's document tree and walks that, as ExtractHtml did before. The two
// must give the same article for any page: every HTML fixture, pages built
// from the text fixtures with the markup scraped pages carry, pages that
// test the parser's corners, and deterministic mutations of all of them
// (fuzz_html_reader checks the same on the fuzzer's inputs).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"
#include "lint/readers/html_extractor.h"

namespace newslint {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = NEWSLINT_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> FixtureFiles(std::string_view extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "fixtures")) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "" when both walks extract the same article, else what differs.
std::string Disagreement(const std::string& html) {
  Article sax, tree;
  ExtractHtml(html, &sax);
  ExtractHtmlFromTree(html, &tree);
  const char* what = fuzz::ExtractionDifference(sax, tree);
  if (what == nullptr) return "";
  return std::string(what) + " differs\n  SAX:  " + sax.text.substr(0, 300) +
         "\n  tree: " + tree.text.substr(0, 300);
}

// A news page around a text fixture's paragraphs: head metadata, a menu, a
// share bar, the story with links, entities, inline markup, a hidden
// element, a comment, script and style, a related list, a footer.
std::string PageAround(const std::string& text, size_t seed) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>  Page &amp; title " + std::to_string(seed) + "</title>\n"
      "<meta property=\"og:title\" content=\"Story title\">\n"
      "<meta name=\"author\" content=\"Staff Writer\">\n"
      "<link rel=\"canonical\" href=\"https://news.example.org/story/" + std::to_string(seed) +
      "\">\n<style>.x { color: red }</style>\n<script>var a = '<p>not text</p>';</script>\n"
      "</head>\n<body class=\"page  Story\">\n"
      "<header role=\"banner\"><nav class=\"menu\"><ul>\n"
      "  <li><a href=\"/world\">World</a></li>\n  <li><a href=\"/sport\">Sport</a></li>\n"
      "</ul></nav></header>\n<main><article id=\"story-body\">\n<h1>Headline here</h1>\n"
      "<div class=\"share\" aria-hidden=\"true\"><a href=\"https://social.example/share\">"
      "Share</a> <span>|</span> <a href=\"mailto:x@example.org\">Email</a></div>\n";
  size_t start = 0, n = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    std::string escaped;
    for (char c : line) {
      if (c == '&') {
        escaped += "&amp;";
      } else if (c == '<') {
        escaped += "&lt;";
      } else {
        escaped += c;
      }
    }
    ++n;
    switch ((n + seed) % 6) {
      case 0:
        html += "<p>" + escaped + " <a href=\"https://source.example.com/" + std::to_string(n) +
                "\">source</a></p>\n";
        break;
      case 1:
        html += "  <p class=\"para\">\n    " + escaped + "\n  </p>\n";
        break;
      case 2:
        html += "<h2>" + escaped.substr(0, 40) + "</h2><p>" + escaped + "<br>\n</p>\n";
        break;
      case 3:
        html += "<div><b>" + escaped.substr(0, 20) + "</b>&nbsp;" +
                escaped.substr(std::min<size_t>(20, escaped.size())) +
                "<!-- comment --></div>\n";
        break;
      case 4:
        html += "<blockquote><p><i>" + escaped + "</i></p></blockquote>"
                "<div style=\"display:none\">hidden copy</div>\n";
        break;
      default:
        html += "<p>" + escaped + "</p><figure><img src=\"a.jpg\"> <figcaption>Photo: "
                "Agency</figcaption></figure>\n";
        break;
    }
  }
  html +=
      "</article></main>\n<aside class=\"related\"><h3>You might also like</h3><ul>"
      "<li><a href=\"/r/1\">Related one</a></li><li><a href=\"/r/2\">Related two</a></li>"
      "</ul></aside>\n<footer><p>&copy; 2026 Example News &mdash; All rights reserved</p>"
      "<a href=\"/privacy\" style=\"font-size:0\">privacy</a></footer>\n</body>\n</html>\n";
  return html;
}

std::string Nested(int depth, const std::string& open, const std::string& text) {
  std::string html;
  for (int i = 0; i < depth; ++i) html += open;
  return html + text;
}

// The corners of libxml2's HTML parser where a tree and its events could
// part: names with colons, misnesting, implied and stray elements, text
// outside every element, white space the parser calls ignorable, raw text,
// processing instructions, character sets, NUL bytes.
std::vector<std::string> CornerPages() {
  return {
      "",
      " ",
      "just text",
      "<p>text</p> after",
      "<html><body><p>in</p></body></html> trailing text <b>bold</b>",
      "<html><body><p>one</p></body></html><p>second body</p>",
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><body>\n  <p>a</p>\n  "
      "<p>b</p>\n</body></html>",
      "<!DOCTYPE html><html><body> <div> <span>x</span> <img src=a> <span>y</span> </div> "
      "<table> <tr> <td>c</td> <td>d</td> </tr> </table></body></html>",
      "<fb:like href=\"x\">liked</fb:like><o:p>office</o:p><p>a<x:nav>ns nav</x:nav></p>",
      "<svg><a href=\"/in-svg\">svg link</a><text>t</text></svg><math><mi>x</mi></math>",
      "<p>a<?php echo 1; ?>b<?xml-stylesheet x?>c</p>",
      "<p>one<p>two<div>three<p>four</b></i>five</span>",
      "<a href=\"/a\">outer <a href=\"/b\">inner</a> tail</a>",
      "<table><p>in table</p><tr><td>cell<td>cell2</table>",
      "<ul><li>one<li>two<ul><li>nested</ul></ul>",
      "<title>a</title><title>b</title><p>x</p>",
      "<head><title>T</title><p>body text in head</p></head><body><p>b</p></body>",
      "<pre>  line one\n\n  line   two\r\n<b>bold</b>\n</pre><p>after</p>",
      "<textarea>raw <b>text</b></textarea><xmp><p>xmp</p></xmp>",
      "<script>if (a < b) { document.write('</p>'); }</script><p>after script</p>",
      "<style>p { content: '</style>' }</style><p>after style</p>",
      "<noscript><a href=\"/js\">Enable JS</a></noscript><p>x</p>",
      "<p>&nbsp;&nbsp;lead&nbsp;space &#x41;&#66; &unknown; &amp &lt;tag&gt;</p>",
      "<p>a\xC2\xA0\xC2\xA0" "b \xC2 c</p>",
      "<div hidden><a href=\"/h\">hidden link</a></div><div aria-hidden=\"TRUE\">x</div>",
      "<div style=\"position:absolute; left:-9999px\"><a href=\"/spam\">spam</a></div>",
      "<p>\xFF\xFE broken bytes \xC3</p>",
      "<meta charset=\"windows-1252\"><p>caf\xE9 \x93q\x94</p>",
      "<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>",
      "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 valid UTF-8</p>",
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\"><p>ok</p>",
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">"
      "<p>caf\xC3\xA9 \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC</p>",
      "<meta charset=\"utf-16\"><p>caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D</p>",
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><p>caf\xC3\xA9 na\xC3\xAFve</p>",
      "<p>before</p><meta charset=\"koi8-r\"><p>after \xD0\x9F\xD1\x80\xD0\xB8</p>",
      std::string("\0\0\0<p>nul first</p>", 19),
      std::string("<\0p\0>x", 6),
      std::string("<p>nul \0 inside</p>", 19),
      "\xEF\xBB\xBF<p>bom</p>",
      "\xEF\xBB\xBF\xEF\xBB\xBF<p>two byte order marks</p>",
      "\xEF\xBB\xBF\xEF\xBB\xBF",
      "\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF<p>three</p>",
      "\xFF\xFE<\0p\0>\0u\0t\0f\0-\0001\0006\0<\0/\0p\0>\0",
      "<?xml version=\"1.0\"?><p>xml declaration</p>",
      "<!-- only a comment -->",
      "<![CDATA[cdata text]]><p>x</p>",
      "<p>unclosed <b>bold <i>italic",
      "</div></p><p>stray closers</span>",
      "<<<>>><p a=\"b>c</p>",
      "<p class=\"A  b\tC\" id=\" Main \">tokens</p><div class=\"a a b\"><p>dup</p></div>",
      "<a href=\"  /spaced  \">  spaced   anchor  </a>",
      "<br><br/><p>x<br>y</p><br>",
      "<body><p>x</p></body><body class=\"second\"><p>y</p></body>",
      "<html class=\"root\"><html class=\"again\"><p>x</p></html>",
      "<frameset><frame src=\"a\"></frameset><p>after frameset</p>",
      "<select><option>a</option></select><p>after select</p>",
      "<!-- first --><html><body><p>a</p></body></html><p>after, beside the root</p>",
      "<!DOCTYPE html><html><p>a</p></html><p>after, beside the root</p>",
      "<html><p>a</p><!DOCTYPE html><p>misplaced doctype</p></html><p>after</p>",
      "<html><p>a</p></html><!DOCTYPE html><p>doctype after the root</p>",
      "<html><p>a</p></html>text<!DOCTYPE html><p>doctype under a second root</p><b>b</b>",
      "<?pi first?><html><p>a</p></html><p>after a processing instruction</p>",
      "<html><p>a</p></html><!-- comment after --><p>after a comment</p>",
      "<html><title>t</title></html><title>second title</title><p>x</p>",
      "<html><p>a</p></html><script>x</script><p>after a script</p>",
      Nested(300, "<div><span>", "deep"),
      Nested(20000, "<div><span>", "deeper"),
      Nested(500, "<a href=\"/n\">", "nested links"),
  };
}

// A deterministic mutation: cut, repeat, insert a markup fragment or raw
// bytes, or replace a byte, at positions from a linear congruential
// sequence.
std::string Mutate(const std::string& page, uint64_t seed) {
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  auto next = [&x] {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x >> 33;
  };
  static const std::vector<std::string> kFragments = {
      "<p>", "</p>", "<div>", "</div>", "<b>", "</i>", "<br>", "<a href=\"/m\">", "</a>",
      "<script>", "</script>", "<style>", "<!--", "-->", "<pre>", "</pre>", "<title>",
      "</title>", "<svg>", "</svg>", "&amp;", "&nbsp;", "\xC2\xA0", " ", "\n", "<", ">", "\"",
      "<![CDATA[", "]]>", "<?pi?>", "<nav>", "<aside>", "<table>", "<td>", "<li>",
      "<span style=\"display:none\">", "<div hidden>", "\xFF", "\xE2\x80", std::string(1, '\0')};
  std::string out = page;
  const int edits = 1 + static_cast<int>(next() % 4);
  for (int e = 0; e < edits; ++e) {
    const size_t at = out.empty() ? 0 : next() % out.size();
    switch (next() % 4) {
      case 3:  // a byte replaced by any byte (charsets, invalid UTF-8)
        if (!out.empty()) out[at] = static_cast<char>(next() & 0xFF);
        break;
      case 0:
        out.erase(at, next() % 40);
        break;
      case 1:
        out.insert(at, out.substr(at, next() % 60));
        break;
      default:
        out.insert(at, kFragments[next() % kFragments.size()]);
        break;
    }
  }
  return out;
}

TEST(HtmlSaxWalkTest, EveryHtmlFixtureExtractsAsFromTheTree) {
  const std::vector<fs::path> files = FixtureFiles(".html");
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& file : files) {
    EXPECT_EQ(Disagreement(ReadFile(file)), "") << file;
  }
}

TEST(HtmlSaxWalkTest, CornerPagesExtractAsFromTheTree) {
  for (const std::string& page : CornerPages()) {
    EXPECT_EQ(Disagreement(page), "") << page;
  }
}

TEST(HtmlSaxWalkTest, PagesAroundTheTextFixturesExtractAsFromTheTree) {
  const std::vector<fs::path> files = FixtureFiles(".txt");
  ASSERT_GE(files.size(), 50u);
  size_t seed = 0;
  for (const fs::path& file : files) {
    const std::string page = PageAround(ReadFile(file), seed++);
    EXPECT_EQ(Disagreement(page), "") << file;
  }
}

TEST(HtmlSaxWalkTest, MutatedPagesExtractAsFromTheTree) {
  std::vector<std::string> pages = CornerPages();
  for (const fs::path& file : FixtureFiles(".html")) pages.push_back(ReadFile(file));
  const std::vector<fs::path> texts = FixtureFiles(".txt");
  for (size_t i = 0; i < texts.size(); i += 7) pages.push_back(PageAround(ReadFile(texts[i]), i));
  int compared = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (uint64_t m = 0; m < 24; ++m) {
      const std::string mutated = Mutate(pages[p], p * 1000 + m);
      EXPECT_EQ(Disagreement(mutated), "") << "page " << p << " mutation " << m << ":\n"
                                           << mutated.substr(0, 2000);
      ++compared;
    }
  }
  EXPECT_GT(compared, 1000);
}

// The comparison itself can fail: pages that extract differently are told
// apart.
TEST(HtmlSaxWalkTest, TheComparisonSeesADifference) {
  Article a, b;
  ExtractHtml("<p>one</p>", &a);
  ExtractHtml("<p>two</p>", &b);
  EXPECT_STREQ(fuzz::ExtractionDifference(a, b), "text");
  ExtractHtml("<p><a href=\"/x\">one</a></p>", &a);
  ExtractHtml("<p><a href=\"/y\">one</a></p>", &b);
  EXPECT_STREQ(fuzz::ExtractionDifference(a, b), "a link");
  ExtractHtml("<div class=\"x\">one</div>", &a);
  ExtractHtml("<div class=\"y\">one</div>", &b);
  EXPECT_STREQ(fuzz::ExtractionDifference(a, b), "a block's tokens");
}

}  // namespace
}  // namespace newslint
