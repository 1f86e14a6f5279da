// metadata/implausible-date: a published date that cannot be right: after
// the run (with a day's grace for time zones), before the web, or days away
// from the date the article's own URL carries.

#include <cstdlib>
#include <string>

#include "rules/metadata_dates.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "metadata/implausible-date",
    Severity::kWarning,
    "The published date cannot be right: it lies in the future of the run, before the web "
    "existed, or days away from the date in the article's URL.",
    {
        {"today", "string", "\"\"",
         "The run's date as YYYY-MM-DD; empty: today by the system clock (UTC). Set it to make "
         "a run reproducible."},
        {"future-grace-days", "int", "1",
         "Days a published date may lie past today before it counts as in the future (time "
         "zones, scheduled posts)."},
        {"earliest", "string", "\"1991-08-06\"",
         "The earliest plausible date (YYYY-MM-DD): the first web page went online on 6 August "
         "1991. Archives of older print stories can set it earlier."},
        {"url-tolerance-days", "int", "2",
         "Days the published date may differ from a full date in the URL path (/2026/03/14/)."},
    }};

class ImplausibleDateRule : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis&, const RuleOptions& options,
             FindingSink& sink) const override {
    if (article.published.empty()) return;
    const std::optional<CivilDate> published = ParseDate(article.published);
    if (!published) return;  // a form the reader does not know: no verdict
    const int64_t day = DaysFromCivil(*published);

    CivilDate today = TodayUtc();
    if (std::string t = options.GetString("today", ""); !t.empty()) {
      if (auto d = ParseDate(t)) today = *d;
    }
    CivilDate earliest{1991, 8, 6};
    if (auto d = ParseDate(options.GetString("earliest", "1991-08-06"))) earliest = *d;
    const int64_t grace = options.GetInt("future-grace-days", 1);
    const int64_t tolerance = options.GetInt("url-tolerance-days", 2);

    Evidence evidence = {{"published", article.published},
                         {"published_date", FormatDate(*published)}};
    std::string message;
    std::string signal;
    if (day > DaysFromCivil(today) + grace) {
      signal = "future";
      evidence.emplace_back("today", FormatDate(today));
      evidence.emplace_back("days_ahead", DaysFromCivil(*published) - DaysFromCivil(today));
      message = "published date " + FormatDate(*published) + " is in the future of the run (" +
                FormatDate(today) + ")";
    } else if (day < DaysFromCivil(earliest)) {
      signal = "before-web";
      evidence.emplace_back("earliest", FormatDate(earliest));
      message = "published date " + FormatDate(*published) + " is before the web existed (" +
                FormatDate(earliest) + ")";
    } else if (std::optional<CivilDate> in_url = DateInUrlPath(article.url)) {
      if (in_url->day != 0) {
        const int64_t diff = day - DaysFromCivil(*in_url);
        if (std::llabs(diff) > tolerance) {
          signal = "url-date";
          evidence.emplace_back("url_date", FormatDate(*in_url));
          evidence.emplace_back("days_apart", diff);
          evidence.emplace_back("tolerance_days", tolerance);
        }
      } else {
        // Year and month only: the month must match, or be the next one
        // when the story went up at the turn of a month.
        const int64_t months = (published->year * 12 + published->month) -
                               (in_url->year * 12 + in_url->month);
        if (months < 0 || months > 1) {
          signal = "url-date";
          evidence.emplace_back("url_date", FormatDate(*in_url));
          evidence.emplace_back("months_apart", months);
        }
      }
      if (!signal.empty()) {
        message = "published date " + FormatDate(*published) +
                  " contradicts the date in the URL (" + FormatDate(*in_url) + ")";
      }
    }
    if (signal.empty()) return;
    evidence.insert(evidence.begin(), {"signal", signal});
    sink.Report({0, 0}, std::move(message), std::move(evidence));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeImplausibleDateRule() { return std::make_unique<ImplausibleDateRule>(); }

}  // namespace newslint
