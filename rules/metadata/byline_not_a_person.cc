// metadata/byline-not-a-person: the author field holds something other than
// a person or a proper credit: the publisher's own name, a section ("World
// News"), a generic credit or CMS placeholder ("Staff", "admin"), a paid-
// content label ("Promoted By"), a date, or an interface label ("Share").

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules/lexicons/lexicon.h"
#include "rules/link_signals.h"
#include "rules/metadata_dates.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "metadata/byline-not-a-person",
    Severity::kInfo,
    "The author field names no person: it holds the publisher, a section, \"Staff\", a "
    "paid-content label such as \"Promoted By\", a date, or an interface label.",
    {}};

using WordSet = std::unordered_set<std::string_view>;

WordSet Set(std::string_view name) {
  WordSet set;
  for (std::string_view w : LexiconEntries(name)) set.insert(w);
  return set;
}

// Lower case, inner white space collapsed, "By " and punctuation at the ends
// dropped: "  BY  World News: " -> "world news".
std::string Normalise(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(u));
  }
  auto trim = [&] {
    const char* kEdge = " .,:;|-\u2013\u2014()[]\"'*";
    const size_t a = out.find_first_not_of(kEdge);
    if (a == std::string::npos) {
      out.clear();
      return;
    }
    out = out.substr(a, out.find_last_not_of(kEdge) - a + 1);
  };
  trim();
  if (out.rfind("by ", 0) == 0 && out.size() > 3) out = out.substr(3);
  trim();
  return out;
}

std::string AlnumOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// A credit made of nothing but a date or time and the words around one
// ("March 14, 2026", "Updated 10:45 AM GMT", "Published on 14/03/2026"): every
// word is a month, a weekday, a time word or a number, and one is a number.
bool IsDateCredit(const std::string& credit) {
  if (ParseDate(credit)) return true;
  static const std::unordered_set<std::string_view> kWords = {
      "updated", "published", "posted", "modified", "last", "on", "at", "am", "pm", "a", "m",
      "p", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "et",
      "ist", "hours", "hour", "ago", "minutes", "min", "mins", "yesterday", "today", "of", "th",
      "st", "nd", "rd"};
  static const std::unordered_set<std::string_view> kCalendar = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
      "sat", "sun"};
  bool digit = false;
  for (size_t i = 0; i < credit.size();) {
    const unsigned char c = static_cast<unsigned char>(credit[i]);
    if (std::isdigit(c)) {
      digit = true;
      ++i;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < credit.size() && std::isalpha(static_cast<unsigned char>(credit[j]))) ++j;
      const std::string_view w(credit.data() + i, j - i);
      if (!kWords.count(w) && !kCalendar.count(w)) return false;
      i = j;
    } else {
      ++i;
    }
  }
  return digit;
}

class BylineNotAPersonRule : public Rule {
 public:
  BylineNotAPersonRule()
      : sections_(Set("byline-sections")),
        staff_(Set("byline-staff")),
        promoted_(Set("byline-promoted")),
        ui_(Set("byline-ui")) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis&, const RuleOptions&,
             FindingSink& sink) const override {
    const std::string whole = Normalise(article.byline);
    if (whole.empty()) return;
    std::string kind = Kind(whole, article.site);
    if (kind.empty()) {
      // Several credits ("Staff, Agencies", "Staff Writer | Updated 10:45"):
      // flagged when every one of them is no person.
      std::vector<std::string> parts = Split(article.byline);
      if (parts.size() < 2) return;
      for (const std::string& p : parts) {
        const std::string k = Kind(p, article.site);
        if (k.empty()) return;
        if (kind.empty()) kind = k;
      }
    }
    const std::string shown(article.byline.substr(0, 120));
    sink.Report({0, 0}, "author field \"" + shown + "\" is " + Describe(kind) + ", not a person",
                {{"signal", kind}, {"byline", shown}});
  }

 private:
  static std::string Describe(std::string_view kind) {
    if (kind == "publisher") return "the publisher's name";
    if (kind == "section") return "a section name";
    if (kind == "staff") return "a generic credit";
    if (kind == "promoted") return "a paid-content label";
    if (kind == "date") return "a date";
    return "an interface label";
  }

  // The kind of non-person a normalised credit is, or "".
  std::string Kind(const std::string& credit, std::string_view site) const {
    if (credit.empty()) return "";
    if (staff_.count(credit)) return "staff";
    if (sections_.count(credit)) return "section";
    if (ui_.count(credit)) return "ui";
    if (promoted_.count(credit)) return "promoted";
    for (std::string_view p : promoted_) {
      if (p.size() >= 8 && credit.size() > p.size() && credit.rfind(p, 0) == 0 &&
          credit[p.size()] == ' ') {
        return "promoted";
      }
    }
    if (IsDateCredit(credit)) return "date";
    if (!site.empty() && IsPublisher(credit, site)) return "publisher";
    return "";
  }

  // "example-harbor-news.com", "Example Harbor News", "BBC News" on bbc.co.uk.
  static bool IsPublisher(const std::string& credit, std::string_view site) {
    const std::string c = AlnumOnly(credit);
    if (c.size() < 3) return false;
    if (c == AlnumOnly(site)) return true;
    const std::string domain = links::RegisteredDomain(site);
    const std::string label = AlnumOnly(domain.substr(0, domain.find('.')));
    if (label.size() < 3) return false;
    if (c == label) return true;
    static const char* const kSuffixes[] = {"news", "online", "digital", "media", "staff",
                                            "newsroom", "com", "net", "org", "team", "desk"};
    if (c.size() > label.size() && c.rfind(label, 0) == 0) {
      const std::string rest = c.substr(label.size());
      for (const char* s : kSuffixes) {
        if (rest == s) return true;
      }
    }
    return false;
  }

  static std::vector<std::string> Split(std::string_view byline) {
    std::vector<std::string> parts;
    std::string cur;
    auto flush = [&] {
      std::string n = Normalise(cur);
      if (!n.empty()) parts.push_back(n);
      cur.clear();
    };
    for (size_t i = 0; i < byline.size(); ++i) {
      const char ch = byline[i];
      if (ch == ',' || ch == ';' || ch == '|' || ch == '/') {
        flush();
      } else if (byline.substr(i, 5) == " and ") {
        flush();
        i += 4;
      } else {
        cur += ch;
      }
    }
    flush();
    return parts;
  }

  WordSet sections_, staff_, promoted_, ui_;
};

}  // namespace

std::unique_ptr<Rule> MakeBylineNotAPersonRule() {
  return std::make_unique<BylineNotAPersonRule>();
}

}  // namespace newslint
