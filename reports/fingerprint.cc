#include "reports/fingerprint.h"

#include <algorithm>
#include <unordered_map>

#include "lint/utf8.h"
#include "reports/reporter.h"

namespace newslint {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

void Mix(uint64_t* h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    *h ^= c;
    *h *= kFnvPrime;
  }
}

// Each field is preceded by its length, so ("ab", "c") and ("a", "bc") differ.
void Field(uint64_t* h, std::string_view bytes) {
  uint64_t n = bytes.size();
  for (int i = 0; i < 8; ++i) {
    *h ^= (n >> (8 * i)) & 0xFF;
    *h *= kFnvPrime;
  }
  Mix(h, bytes);
}

uint64_t SplitMix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

std::string ArticleKey(const Article& article) {
  const std::string& id = article.id;
  bool made_up = id.empty() || id == article.source ||
                 id == article.source + ":" + std::to_string(article.record);
  if (!made_up) return id;
  if (!article.url.empty()) return article.url;
  return ArticleName(article);
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t space = utf8::SpaceLengthAt(text, i);
    if (space > 0) {
      pending_space = !out.empty();
      i += space;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i++]);
  }
  return out;
}

std::string NormalizedMatch(const Article& article, const Finding& finding) {
  size_t start = std::min(finding.span.start, article.text.size());
  size_t end = std::clamp(finding.span.end, start, article.text.size());
  return CollapseSpace(std::string_view(article.text).substr(start, end - start));
}

uint64_t FingerprintOf(std::string_view article_key, std::string_view rule,
                       std::string_view normalized_text, int64_t occurrence) {
  uint64_t h = kFnvOffset;
  Field(&h, article_key);
  Field(&h, rule);
  Field(&h, normalized_text);
  Field(&h, std::to_string(occurrence));
  return SplitMix(h);
}

std::vector<FindingIdentity> IdentifyFindings(const Article& article,
                                              const std::vector<Finding>& findings) {
  std::vector<FindingIdentity> out(findings.size());
  if (findings.empty()) return out;
  const std::string key = ArticleKey(article);
  // Occurrences so far per (rule, text), keyed by the hash of the two.
  std::unordered_map<uint64_t, int64_t> seen;
  for (size_t i = 0; i < findings.size(); ++i) {
    FindingIdentity& id = out[i];
    id.text = NormalizedMatch(article, findings[i]);
    id.occurrence = seen[FingerprintOf("", findings[i].rule, id.text, 0)]++;
    id.fingerprint = FingerprintOf(key, findings[i].rule, id.text, id.occurrence);
  }
  return out;
}

std::string FingerprintHex(uint64_t fingerprint) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[fingerprint & 0xF];
    fingerprint >>= 4;
  }
  return out;
}

bool ParseFingerprint(std::string_view hex, uint64_t* fingerprint) {
  if (hex.size() != 16) return false;
  uint64_t v = 0;
  for (char c : hex) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  *fingerprint = v;
  return true;
}

}  // namespace newslint
