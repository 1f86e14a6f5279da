// boilerplate/site-footer: copyright, "All rights reserved", contact, imprint,
// terms and site-credit lines of the site footer kept in the article text.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "rules/label_lines.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/site-footer",
    Severity::kWarning,
    "Copyright, \"All rights reserved\", contact, imprint and terms lines of the site footer.",
    {
        {"max-words", "int", "40",
         "A line with more words than this is story text, not a footer line."},
        {"window", "int", "2",
         "A weak footer line (a contact line, a single legal link, a bare \"©\" credit) is "
         "flagged when it is within this many non-blank lines of a flagged footer line."},
    }};

enum class Kind : uint8_t { kRights, kCopyright, kCredit, kCompany, kLegal, kContact, kVeto };

// The legal labels come first in site-footer-legal.txt; labels after this
// comment line ("about us", "contact", ...) are footer links that are not legal.
constexpr std::string_view kFirstNonLegalLabel = "about us";

// Characters that may sit between footer links: "Terms | Privacy · Cookies".
bool IsLinkSeparatorAt(std::string_view s, size_t i, size_t* length) {
  static constexpr std::string_view kMulti[] = {"\u00a0", "\u00b7", "\u2022", "\u2013",
                                                "\u2014", "\u00bb", "\u203a", "\u2502"};
  for (std::string_view sep : kMulti) {
    if (s.substr(i, sep.size()) == sep) {
      *length = sep.size();
      return true;
    }
  }
  *length = 1;
  const char c = s[i];
  return c == ' ' || c == '\t' || c == '|' || c == '/' || c == '-' || c == ',' || c == ':' ||
         c == '[' || c == ']';
}

// Byte offset of the line's first word after a list marker ("• ", "- ").
size_t ContentStart(std::string_view line, bool bullet) {
  if (!bullet) return 0;
  size_t i = line.find(' ');
  while (i != std::string_view::npos && i < line.size() && line[i] == ' ') ++i;
  return i == std::string_view::npos ? 0 : i;
}

bool HasEmailAddress(std::string_view line) {
  for (size_t at = line.find('@'); at != std::string_view::npos; at = line.find('@', at + 1)) {
    if (at == 0 || at + 1 >= line.size()) continue;
    const char before = line[at - 1];
    if (!((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
          (before >= '0' && before <= '9'))) {
      continue;
    }
    size_t end = at + 1;
    while (end < line.size() && line[end] != ' ' && line[end] != ',' && line[end] != ';') ++end;
    std::string_view domain = line.substr(at + 1, end - at - 1);
    const size_t dot = domain.find('.');
    if (dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size()) return true;
  }
  return false;
}

// True when the phrase at `pos` opens a statement: nothing but white space
// and separators (". | · — : ©") between it and the previous statement.
bool OpensStatement(std::string_view line, size_t pos) {
  while (pos > 0) {
    const unsigned char c = static_cast<unsigned char>(line[pos - 1]);
    if (c == ' ' || c == '\t') {
      --pos;
      continue;
    }
    if (c == '.' || c == '|' || c == ':' || c == ';' || c == '-' || c == ')' || c == ']') return true;
    if (c >= 0x80) {  // "·", "—", "–", "©", "•": any non-letter symbol ends in a byte >= 0x80
      static constexpr std::string_view kSymbols[] = {"\u00b7", "\u2014", "\u2013", "\u00a9",
                                                      "\u2022", "\u00a0"};
      for (std::string_view sym : kSymbols) {
        if (pos >= sym.size() && line.substr(pos - sym.size(), sym.size()) == sym) return true;
      }
      return false;
    }
    return false;
  }
  return true;
}

// True when the phrase ending at byte `end` closes its statement: the line
// ends, or a full stop, a separator or a new statement (a capital, a digit)
// follows ("All rights reserved.", "All rights reserved | Terms"). A
// lower-case word after it, with or without a comma, means the phrase is
// part of a sentence ("All rights reserved, they say, in the type ...").
bool ClosesStatement(std::string_view line, size_t end) {
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  if (end >= line.size()) return true;
  const unsigned char c = static_cast<unsigned char>(line[end]);
  if (c == '.' || c == '|' || c == ';' || c == ')' || c == '!' || c == ']') return true;
  if (c >= 0x80) return !(c >= 0xC3 && c <= 0xC5 && end + 1 < line.size() &&
                          static_cast<unsigned char>(line[end + 1]) >= 0xA0);  // "é": a word
  if (c == ',') {
    ++end;
    while (end < line.size() && line[end] == ' ') ++end;
    if (end >= line.size()) return true;
  }
  const char d = line[end];
  return (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9');
}

// True when a copyright word ("Copyright", "Copyright (c)") at `end` goes on
// as a notice: a year, a "©" or a holder's name follows, not a lower-case
// word of a sentence about copyright ("Copyright in a photograph lasts ...",
// "Copyright notices are stamped ...").
bool OpensNotice(std::string_view line, size_t end) {
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  if (end >= line.size()) return true;
  const char c = line[end];
  return !(c >= 'a' && c <= 'z');
}

bool IsYear(std::string_view token) {
  return token.size() == 4 && (token.starts_with("19") || token.starts_with("20")) &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What one line turned out to be.
struct Verdict {
  enum Level : uint8_t { kNone, kWeak, kStrong } level = kNone;
  std::vector<std::string> signals;
  std::string phrase;  // the first phrase that made the line a footer line
  const char* what = nullptr;
};

class SiteFooterRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&matcher_}; }

  SiteFooterRule() : matcher_(BuildMatcher(&kinds_, &legal_)) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article&, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_words = options.GetInt("max-words", 40);
    const size_t window = static_cast<size_t>(std::max<int64_t>(0, options.GetInt("window", 2)));
    const PageLayout& layout = analysis.Shared<PageLayout>();
    thread_local std::vector<PhraseMatch> matches;  // reused: no allocation per article
    ReuseScratch(matches);
    std::vector<Verdict> verdicts;  // allocated only once a candidate is seen
    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& line = layout.line(i);
      if (line.blank || line.words > max_words) continue;
      std::string_view text = analysis.view(line.span);
      matches.clear();
      FindPhrases(analysis, matcher_, text, 0, &matches);
      const bool email = HasEmailAddress(text);
      if (matches.empty() && !email) continue;
      Verdict v = Judge(analysis, layout, i, text, matches, email);
      if (v.level == Verdict::kNone) continue;
      if (verdicts.empty()) verdicts.resize(layout.size());
      verdicts[i] = std::move(v);
    }
    if (verdicts.empty()) return;

    // Weak lines join a footer: within `window` non-blank lines of a flagged
    // line, chained in both directions, or inside a DOM footer.
    std::vector<uint8_t> flagged(verdicts.size(), 0);
    std::vector<uint8_t> weak(verdicts.size(), 0);
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (verdicts[i].level == Verdict::kStrong) flagged[i] = 1;
      if (verdicts[i].level == Verdict::kWeak && InDomFooter(layout, i)) flagged[i] = 1;
      weak[i] = verdicts[i].level == Verdict::kWeak;
    }
    const std::vector<size_t> neighbour = layout.JoinFlaggedNeighbours(weak, &flagged, window);
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (!flagged[i]) continue;
      Verdict& v = verdicts[i];
      const LineLayout& line = layout.line(i);
      if (line.short_line) v.signals.push_back("short-line");
      const PageRegion region = layout.region(i);
      v.signals.emplace_back(RegionSignal(region));
      if (!line.dom_container.empty()) v.signals.push_back("dom:" + std::string(line.dom_container));
      if (InDomFooter(layout, i) && line.dom_container != "footer") v.signals.push_back("dom:footer-class");
      Evidence evidence{{"signals", v.signals}, {"phrase", v.phrase}};
      if (neighbour[i] < layout.size()) {
        v.signals.push_back("neighbour");
        evidence[0].second = v.signals;
        evidence.push_back({"footer-line", static_cast<int64_t>(neighbour[i] + 1)});
      }
      sink.Report(line.span, std::string(v.what) + " of the site footer in the article text",
                  std::move(evidence), layout.RemoveLineFix(i));
    }
  }

 private:
  static PhraseMatcher BuildMatcher(std::vector<Kind>* kinds, std::vector<uint8_t>* legal) {
    static constexpr std::pair<const char*, Kind> kLexicons[] = {
        {"site-footer-rights", Kind::kRights},     {"site-footer-copyright", Kind::kCopyright},
        {"site-footer-credits", Kind::kCredit},    {"site-footer-company", Kind::kCompany},
        {"site-footer-legal", Kind::kLegal},       {"site-footer-contact", Kind::kContact},
        {"site-footer-vetoes", Kind::kVeto}};
    std::vector<std::string_view> phrases;
    for (const auto& [name, kind] : kLexicons) {
      bool is_legal = true;
      for (std::string_view p : LexiconEntries(name)) {
        if (kind == Kind::kLegal && p == kFirstNonLegalLabel) is_legal = false;
        phrases.push_back(p);
        kinds->push_back(kind);
        legal->push_back(kind == Kind::kLegal && is_legal);
      }
    }
    return PhraseMatcher(phrases);
  }

  static bool InDomFooter(const PageLayout& layout, size_t i) {
    return layout.line(i).dom_container == "footer" || layout.DomTokenContains(i, "footer") ||
           layout.DomTokenContains(i, "copyright") || layout.DomTokenContains(i, "colophon");
  }

  Verdict Judge(Analysis& analysis, const PageLayout& layout, size_t i, std::string_view text,
                const std::vector<PhraseMatch>& matches, bool email) const {
    Verdict v;
    const LineLayout& line = layout.line(i);
    const size_t start = ContentStart(text, line.bullet);
    bool veto = false, year = false;
    const PhraseMatch* rights = nullptr;             // anywhere on the line
    const PhraseMatch* standalone_rights = nullptr;  // opening a statement of its own
    size_t companies = 0;
    const PhraseMatch* copyright = nullptr;
    const PhraseMatch* credit = nullptr;
    const PhraseMatch* company = nullptr;
    const PhraseMatch* contact = nullptr;
    InsideQuotationScan inside_quotation(text);
    for (const PhraseMatch& m : matches) {
      switch (kinds_[m.phrase]) {
        case Kind::kVeto: veto = true; break;
        case Kind::kRights:
          if (!rights && !inside_quotation(m.span.start)) rights = &m;
          if (!standalone_rights && !inside_quotation(m.span.start) &&
              OpensStatement(text, m.span.start) && RightsStatementCloses(text, m, matches)) {
            standalone_rights = &m;
          }
          break;
        case Kind::kCopyright:
          if (m.span.start == start && (!copyright || m.span.size() > copyright->span.size())) copyright = &m;
          break;
        case Kind::kCredit:
          if (m.span.start == start && !credit) credit = &m;
          break;
        case Kind::kCompany:
          if (!inside_quotation(m.span.start)) {
            if (!company) company = &m;
            ++companies;
          }
          break;
        case Kind::kContact:
          if (m.span.start == start && (!contact || m.span.size() > contact->span.size())) contact = &m;
          break;
        case Kind::kLegal: break;
      }
    }
    if (veto) return v;
    // "Copyright" as a word opens a notice only when a year, "©" or a name
    // follows it; "Copyright law ..." is a sentence about copyright.
    if (copyright != nullptr &&
        std::isalpha(static_cast<unsigned char>(text[copyright->span.start])) &&
        !OpensNotice(text, copyright->span.end)) {
      copyright = nullptr;
    }
    if (copyright != nullptr) {
      for (const Token& t : analysis.TokensIn(line.span)) {
        if (t.shape == TokenShape::kNumber && IsYear(analysis.view(t.span))) year = true;
      }
    }
    auto phrase = [&](const PhraseMatch* m) {
      return std::string(text.substr(m->span.start, m->span.size()));
    };
    auto strong = [&](const char* what, const PhraseMatch* m, const char* signal) {
      v.level = Verdict::kStrong;
      v.what = what;
      v.phrase = phrase(m);
      v.signals.push_back(std::string(signal) + v.phrase);
      return v;
    };

    if (copyright != nullptr) {
      const bool word = std::isalpha(static_cast<unsigned char>(text[copyright->span.start]));
      if (year || rights) {
        v = strong("copyright line", copyright, "phrase:");
        if (year) v.signals.push_back("year");
        if (rights) v.signals.push_back("phrase:" + phrase(rights));
        return v;
      }
      // "© Example Media" alone: a footer credit next to other footer lines,
      // else a photo credit (boilerplate/caption's).
      if (!word && line.words <= 8) {
        v.level = Verdict::kWeak;
        v.what = "copyright line";
        v.phrase = phrase(copyright);
        v.signals.push_back("phrase:" + v.phrase);
        return v;
      }
    }
    // "All rights reserved." as a statement of its own, not "the studio has
    // all rights reserved for sequels".
    if (standalone_rights) return strong("rights notice", standalone_rights, "phrase:");
    // "Registered in England and Wales No. ..." opens the line, or two
    // registration phrases ("registered office", "company number") meet.
    if (company && (company->span.start == start || (companies >= 2 && HasDigit(text)))) {
      return strong("company registration line", company, "phrase:");
    }
    if (credit && line.words <= 8) {
      v = strong("site credit", credit, "phrase:");
      if (layout.region(i) == PageRegion::kBody) v.level = Verdict::kWeak;
      return v;
    }
    // Footer links: a line made only of link labels and separators.
    size_t labels = 0, legal = 0;
    std::string first_label;
    if (LinkLine(text, start, matches, &labels, &legal, &first_label) && legal > 0 &&
        !line.bullet) {
      v.what = labels >= 2 ? "legal links line" : "legal link";
      v.level = labels >= 2 ? Verdict::kStrong : Verdict::kWeak;
      v.phrase = first_label;
      v.signals.push_back("links:" + std::to_string(labels));
      v.signals.push_back("phrase:" + first_label);
      return v;
    }
    if ((contact || email) && line.words <= 20 && !line.bullet) {
      v.level = Verdict::kWeak;
      v.what = "contact line";
      v.phrase = contact ? phrase(contact) : std::string("e-mail address");
      if (contact) v.signals.push_back("phrase:" + v.phrase);
      if (email) v.signals.push_back("email");
      return v;
    }
    return v;
  }

  // True when the rights phrase `m`, or a longer rights phrase that starts
  // inside it ("this material may not be published" / "may not be
  // published, broadcast, rewritten or redistributed"), closes its statement.
  bool RightsStatementCloses(std::string_view text, const PhraseMatch& m,
                             const std::vector<PhraseMatch>& matches) const {
    if (ClosesStatement(text, m.span.end)) return true;
    for (const PhraseMatch& other : matches) {
      if (kinds_[other.phrase] != Kind::kRights) continue;
      if (other.span.start >= m.span.start && other.span.start < m.span.end &&
          other.span.end > m.span.end && ClosesStatement(text, other.span.end)) {
        return true;
      }
    }
    return false;
  }

  static bool HasDigit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // True when `text` from `start` is only footer link labels and separators.
  bool LinkLine(std::string_view text, size_t start, const std::vector<PhraseMatch>& matches,
                size_t* labels, size_t* legal, std::string* first_label) const {
    if (text.size() > 160) return false;
    // Longest label at each position, left to right, without overlaps.
    size_t pos = start;
    while (pos < text.size()) {
      size_t length = 0;
      if (IsLinkSeparatorAt(text, pos, &length)) {
        pos += length;
        continue;
      }
      const PhraseMatch* best = nullptr;
      for (const PhraseMatch& m : matches) {
        if (kinds_[m.phrase] != Kind::kLegal || m.span.start != pos) continue;
        if (!best || m.span.size() > best->span.size()) best = &m;
      }
      if (best == nullptr) return false;
      if (*labels == 0) *first_label = std::string(text.substr(best->span.start, best->span.size()));
      ++*labels;
      if (legal_[best->phrase]) ++*legal;
      pos = best->span.end;
    }
    return *labels > 0;
  }

  std::vector<Kind> kinds_;      // per phrase of matcher_
  std::vector<uint8_t> legal_;   // per phrase: a legal link label
  PhraseMatcher matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeSiteFooterRule() { return std::make_unique<SiteFooterRule>(); }

}  // namespace newslint
