// newslint: the dates of the metadata/* rules: reading a record's published
// field, and the date a URL's path carries.
//
// Scrapers write dates in every form, so the reader accepts the forms news
// sites and scrapers use and refuses to guess otherwise:
//   ISO 8601 / RFC 3339  2026-03-14, 2026-03-14T09:30:00Z, 2026-03-14 09:30
//   slashes, year first  2026/03/14
//   RFC 2822 / HTTP      Sat, 14 Mar 2026 09:30:00 GMT
//   written out          14 March 2026, March 14, 2026, Mar. 14 2026, 14 Mar 2026
//   Unix time            1773480600 (seconds, 9-10 digits), 1773480600000 (ms, 12-13)
//   day and month first  14/03/2026 or 03/14/2026, only when one of the two
//                        numbers is above 12 (else it is ambiguous: nothing)
// A time of day and a zone are read past, not used: the rules compare days.

#ifndef NEWSLINT_RULES_METADATA_DATES_H_
#define NEWSLINT_RULES_METADATA_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newslint {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31; 0 when only year and month are known (URL paths)
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 of a full date (day >= 1), proleptic Gregorian.
int64_t DaysFromCivil(const CivilDate& date);
// The date of a day count (inverse of DaysFromCivil).
CivilDate CivilFromDays(int64_t days);
// "2026-03-14", or "2026-03" when day is 0.
std::string FormatDate(const CivilDate& date);
// Whether year, month and day make a real calendar date.
bool IsValidDate(const CivilDate& date);

// The date a published field holds (see the file comment), or nullopt.
std::optional<CivilDate> ParseDate(std::string_view text);

// The date in a URL's path: /2026/03/14/, /2026/03/ (day 0), /2026-03-14/ or
// a path segment or slug part 20260314 (a year 1990..2099 and a real date).
// Not in the host or the query string. nullopt when none.
std::optional<CivilDate> DateInUrlPath(std::string_view url);

// Today (UTC) by the system clock.
CivilDate TodayUtc();

}  // namespace newslint

#endif  // NEWSLINT_RULES_METADATA_DATES_H_
