#include "lint/article.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "lint/utf8.h"

namespace newslint {

std::string_view LinkRegionName(LinkRegion r) {
  switch (r) {
    case LinkRegion::kBody: return "body";
    case LinkRegion::kNav: return "nav";
    case LinkRegion::kHeader: return "header";
    case LinkRegion::kFooter: return "footer";
    case LinkRegion::kAside: return "aside";
    case LinkRegion::kHidden: return "hidden";
    case LinkRegion::kUnknown: return "unknown";
  }
  return "unknown";
}

void Article::AddInputFinding(std::string rule, std::string message, Span span,
                              Evidence evidence) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::kError;
  f.message = std::move(message);
  f.span = span;
  f.evidence = std::move(evidence);
  input_findings.push_back(std::move(f));
}

void FinishReading(Article* article) {
  if (article->decoder == nullptr) return;
  const std::shared_ptr<const RecordDecoder> decoder = std::move(article->decoder);  // leaves null
  std::string record = std::move(article->undecoded);
  article->undecoded.clear();
  decoder->Decode(std::move(record), article);
}

size_t LintedLength(std::string_view text, uint64_t max_bytes) {
  if (max_bytes == 0) return text.size();
  const uint64_t max_lines = MaxLintedLines(max_bytes);
  // A text of at most max_lines bytes has at most max_lines line breaks.
  if (text.size() <= max_lines) return text.size();
  const size_t window = static_cast<size_t>(std::min<uint64_t>(text.size(), max_bytes));
  // The end of line max_lines (its "\n"), if it lies within the window.
  const char* p = text.data();
  const char* const end = text.data() + window;
  size_t last_break = std::string_view::npos;  // the last "\n" in the window
  for (uint64_t lines = 0; p < end; ++lines) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (nl == nullptr) break;
    last_break = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
    if (lines + 1 == max_lines && last_break + 1 < text.size()) return last_break + 1;
    p = static_cast<const char*>(nl) + 1;
  }
  if (text.size() <= max_bytes) return text.size();
  if (last_break != std::string_view::npos) return last_break + 1;
  // One line longer than max_bytes: cut where a character starts.
  return utf8::CutBefore(text, window);
}

size_t LinesOfPart(std::string_view part) {
  const auto breaks = static_cast<size_t>(std::count(part.begin(), part.end(), '\n'));
  return breaks + (part.empty() || part.back() == '\n' ? 0 : 1);
}

const Article& LintedPart(const Article& article, uint64_t max_bytes, Article* storage) {
  const size_t keep = LintedLength(article.text, max_bytes);
  if (keep == article.text.size()) return article;
  Article& part = *storage;
  part = Article();
  part.id = article.id;
  part.source = article.source;
  part.record = article.record;
  part.url = article.url;
  part.title = article.title;
  part.byline = article.byline;
  part.published = article.published;
  part.site = article.site;
  part.text.assign(article.text, 0, keep);
  const size_t lines = LinesOfPart(part.text);
  part.blocks.assign(article.blocks.begin(),
                     article.blocks.begin() + static_cast<std::ptrdiff_t>(
                                                  std::min(lines, article.blocks.size())));
  for (const Link& link : article.links) {
    if (link.line <= static_cast<int64_t>(lines)) part.links.push_back(link);
  }
  return part;
}

std::string SiteOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (url.substr(0, 2) != "//") return "";
    scheme = 0;
    url.remove_prefix(2);
  } else {
    url.remove_prefix(scheme + 3);
  }
  size_t end = url.find_first_of("/?#");
  std::string_view host = url.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    host = host.substr(0, close == std::string_view::npos ? host.size() : close + 1);
  } else if (size_t colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  std::string out;
  out.reserve(host.size());
  for (char c : host) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (out.rfind("www.", 0) == 0) out.erase(0, 4);
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace newslint
