#include "lint/article.h"

#include <cctype>

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
