// The reports' date and time pieces (include/barnetslov/report.hpp) against fmt and date's own
// conversions: append_day writes years 0000-9999 by civil_date (no division) and the rest with fmt.
#include <string>

#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "barnetslov/report.hpp"

namespace {

std::string oracle(barnetslov::LocalDay d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

TEST(AppendDay, EveryDayOfYears0000To9999AndBeyondAsFmtOfYearMonthDay) {
    const barnetslov::LocalDay from{date::year{-3} / 1 / 1}, to{date::year{10003} / 1 / 1};
    std::size_t wrong = 0;
    std::string got;
    for (barnetslov::LocalDay d = from; d < to; d += date::days{1}) {
        got.clear();
        barnetslov::append_day(got, d);
        if (got != oracle(d) && ++wrong <= 5) ADD_FAILURE() << got << " != " << oracle(d);
    }
    EXPECT_EQ(wrong, 0u);
    // Far outside, where civil_date's unsigned arithmetic would wrap: still fmt's text.
    for (const int y : {-32767, -5000, 20000, 32767})
        EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{y} / 6 / 15}), oracle(barnetslov::LocalDay{date::year{y} / 6 / 15}));
    EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{2024} / 3 / 28}), "2024-03-28");
    EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{-1} / 12 / 31}), "-001-12-31");
}

}  // namespace
