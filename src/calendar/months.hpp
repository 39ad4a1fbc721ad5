// The month conventions with whether the day of the month was clamped: a deadline keeps that
// (Deadline::clamped), and learning it here saves converting both days back to civil dates (~40
// instructions of each months deadline; issue 20, session 35). months_after, months_before and
// years_after (calendar.hpp) are these without the flag.
#pragma once

#include "barnetslov/calendar.hpp"

namespace barnetslov::detail {

struct CountedDay {
    LocalDay day;
    bool clamped;  // the day of the month did not exist in the target month
};

[[nodiscard]] constexpr CountedDay months_after_counted(LocalDay day, int n) {
    // By civil_date and day_of: date::year_month_day's conversions both ways and its month
    // arithmetic were ~130 instructions a call.
    const CivilDate d = civil_date(day);
    const int months = d.year * 12 + static_cast<int>(d.month) - 1 + n;
    const int y = months >= 0 ? months / 12 : (months - 11) / 12;
    const auto m = static_cast<unsigned>(months - y * 12) + 1;
    const unsigned last = days_in_month(y, m);
    return {day_of(y, m, d.day <= last ? d.day : last), d.day > last};
}
[[nodiscard]] constexpr CountedDay months_before_counted(LocalDay day, int n) { return months_after_counted(day, -n); }
[[nodiscard]] constexpr CountedDay years_after_counted(LocalDay day, int n) { return months_after_counted(day, 12 * n); }

}  // namespace barnetslov::detail
