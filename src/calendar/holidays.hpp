// The helligdage counted from Easter Sunday, written once: danish_holiday names a day by them and
// the Calendar's holiday table visits them year by year (calendar.cpp).
#pragma once

#include "barnetslov/calendar.hpp"

namespace barnetslov::detail {

struct EasterHoliday {
    int days_after_easter;
    Holiday holiday;
};
// In date order.
inline constexpr EasterHoliday easter_holidays[] = {
    {-3, Holiday::skaertorsdag},  {-2, Holiday::langfredag},           {0, Holiday::paaskedag},
    {1, Holiday::anden_paaskedag}, {26, Holiday::store_bededag},        {39, Holiday::kristi_himmelfartsdag},
    {49, Holiday::pinsedag},       {50, Holiday::anden_pinsedag},
};
// Store bededag was a helligdag up to and including 2023.
[[nodiscard]] constexpr bool kept_in(Holiday h, int year) { return h != Holiday::store_bededag || year <= 2023; }

}  // namespace barnetslov::detail
