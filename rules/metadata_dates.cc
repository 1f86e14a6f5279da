#include "rules/metadata_dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <vector>

namespace newslint {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The month a word names (English, full or three-letter, "Sept"), or 0.
int MonthOfWord(std::string_view word) {
  static const char* const kMonths[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "sept") return 9;
  if (lower.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (lower == full) return m + 1;
    if (lower.size() == 3 && full.substr(0, 3) == lower) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static const char* const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* d : kDays) {
    std::string_view full = d;
    if (lower == full || (lower.size() == 3 && full.substr(0, 3) == lower)) return true;
  }
  return false;
}

// Tokens of a date: runs of digits, runs of letters; everything else
// separates them (and is remembered, for "-" and "/").
struct Tok {
  std::string_view text;
  bool digits = false;
  char sep_before = ' ';  // the first separator character before the token
};

std::vector<Tok> Tokens(std::string_view s) {
  std::vector<Tok> out;
  char sep = ' ';
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsDigit(c) || IsAlpha(c)) {
      size_t j = i;
      const bool digits = IsDigit(c);
      while (j < s.size() && (digits ? IsDigit(s[j]) : IsAlpha(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), digits, sep});
      sep = ' ';
      i = j;
    } else {
      if (sep == ' ') sep = c;
      ++i;
    }
  }
  return out;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::optional<CivilDate> Valid(int y, int m, int d) {
  CivilDate date{y, m, d};
  if (!IsValidDate(date)) return std::nullopt;
  return date;
}

}  // namespace

int64_t DaysFromCivil(const CivilDate& date) {
  // Howard Hinnant's days_from_civil.
  int64_t y = date.year;
  const unsigned m = static_cast<unsigned>(date.month);
  const unsigned d = static_cast<unsigned>(date.day);
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string FormatDate(const CivilDate& date) {
  char buf[32];
  if (date.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return buf;
}

bool IsValidDate(const CivilDate& date) {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[date.month - 1];
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  if (date.month == 2 && leap) days = 29;
  return date.day <= days;
}

std::optional<CivilDate> ParseDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 64) return std::nullopt;
  // Unix time: the whole field is digits (maybe a fraction).
  {
    size_t n = 0;
    while (n < text.size() && IsDigit(text[n])) ++n;
    const bool whole = n == text.size() || (text[n] == '.' && n + 1 < text.size());
    if (whole && n >= 9 && n <= 13 && n != 11) {
      int64_t v = 0;
      for (size_t i = 0; i < n; ++i) v = v * 10 + (text[i] - '0');
      if (n >= 12) v /= 1000;
      return CivilFromDays(v / 86400);
    }
    if (whole) return std::nullopt;
  }
  std::vector<Tok> t = Tokens(text);
  size_t i = 0;
  if (i < t.size() && !t[i].digits && IsWeekday(t[i].text)) ++i;
  if (t.size() < i + 3) return std::nullopt;
  const Tok& a = t[i];
  const Tok& b = t[i + 1];
  const Tok& c = t[i + 2];
  // Year first: 2026-03-14, 2026/03/14 (a time may follow).
  if (a.digits && a.text.size() == 4 && b.digits && c.digits && b.text.size() <= 2 &&
      c.text.size() <= 2 && (b.sep_before == '-' || b.sep_before == '/' || b.sep_before == '.')) {
    return Valid(ToInt(a.text), ToInt(b.text), ToInt(c.text));
  }
  // 14 March 2026, 14 Mar. 2026
  if (a.digits && a.text.size() <= 2 && !b.digits && c.digits && c.text.size() == 4) {
    const int m = MonthOfWord(b.text);
    if (m != 0) return Valid(ToInt(c.text), m, ToInt(a.text));
  }
  // March 14, 2026
  if (!a.digits && b.digits && b.text.size() <= 2 && c.digits && c.text.size() == 4) {
    const int m = MonthOfWord(a.text);
    if (m != 0) return Valid(ToInt(c.text), m, ToInt(b.text));
  }
  // 14/03/2026 or 03/14/2026: only when unambiguous.
  if (a.digits && b.digits && c.digits && a.text.size() <= 2 && b.text.size() <= 2 &&
      c.text.size() == 4 && (b.sep_before == '/' || b.sep_before == '.' || b.sep_before == '-')) {
    const int x = ToInt(a.text);
    const int y = ToInt(b.text);
    if (x > 12 && y <= 12) return Valid(ToInt(c.text), y, x);
    if (y > 12 && x <= 12) return Valid(ToInt(c.text), x, y);
    if (x == y) return Valid(ToInt(c.text), x, y);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<CivilDate> DateInUrlPath(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view path = rest.substr(slash);
  const size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  // Segments.
  std::vector<std::string_view> seg;
  for (size_t i = 0; i < path.size();) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) seg.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  auto all_digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
      if (!IsDigit(c)) return false;
    }
    return true;
  };
  auto year_ok = [](int y) { return y >= 1990 && y <= 2099; };
  for (size_t k = 0; k < seg.size(); ++k) {
    const std::string_view s = seg[k];
    // /2026/03/14/ or /2026/03/
    if (s.size() == 4 && all_digits(s) && year_ok(ToInt(s)) && k + 1 < seg.size() &&
        seg[k + 1].size() <= 2 && all_digits(seg[k + 1])) {
      const int y = ToInt(s);
      const int m = ToInt(seg[k + 1]);
      if (m < 1 || m > 12) continue;
      if (k + 2 < seg.size() && seg[k + 2].size() <= 2 && all_digits(seg[k + 2])) {
        if (auto d = Valid(y, m, ToInt(seg[k + 2]))) return d;
        continue;
      }
      return CivilDate{y, m, 0};
    }
    // 2026-03-14 as a segment or a slug's start; 20260314 as a segment.
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' &&
        all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2)) &&
        (s.size() == 10 || !IsDigit(s[10]))) {
      const int y = ToInt(s.substr(0, 4));
      if (year_ok(y)) {
        if (auto d = Valid(y, ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2)))) return d;
      }
    }
    if (s.size() == 8 && all_digits(s)) {
      const int y = ToInt(s.substr(0, 4));
      if (year_ok(y)) {
        if (auto d = Valid(y, ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2)))) return d;
      }
    }
  }
  return std::nullopt;
}

CivilDate TodayUtc() {
  const auto now = std::chrono::system_clock::now();
  const int64_t secs =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return CivilFromDays(secs / 86400);
}

}  // namespace newslint
