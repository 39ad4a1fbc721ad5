// Pure date arithmetic of the law README's counting conventions (no time zone needed).
#include "barnetslov/calendar.hpp"
#include "calendar/holidays.hpp"
#include "calendar/months.hpp"

#include <cctype>

namespace barnetslov {

using namespace date;

LocalDay months_after(LocalDay day, int n) { return detail::months_after_counted(day, n).day; }

LocalDay months_before(LocalDay day, int n) { return detail::months_before_counted(day, n).day; }

LocalDay years_after(LocalDay day, int n) { return detail::years_after_counted(day, n).day; }

LocalDay weeks_after(LocalDay day, int n) { return day + date::days{7 * n}; }

LocalDay days_after(LocalDay day, int n) { return day + date::days{n}; }

LocalDay days_counting_first(LocalDay day, int n) { return day + date::days{n - 1}; }

LocalDay birthday(LocalDay birth, int n) {
    const year_month_day b{birth};
    const year y = b.year() + years{n};
    if (b.month() == February && b.day() == day{29} && !y.is_leap()) return LocalDay{y / March / 1};
    return LocalDay{y / b.month() / b.day()};
}

bool has_turned(LocalDay birth, int n, LocalDay on) { return on >= birthday(birth, n); }

int age_on(LocalDay birth, LocalDay on) {
    if (on < birth) return -1;
    // The same answer as has_turned(birth, years, on), by comparing month and day instead of building the
    // birthday (a third date conversion; age_on runs per decision in several rules).
    return completed_years(civil_date(birth), civil_date(on));
}

LocalDay easter_sunday(int y) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int dom = (h + l - 7 * m + 114) % 31 + 1;
    return day_of(y, unsigned(month), unsigned(dom));
}

CprBirthDate birth_date_from_cpr(std::string_view cpr) {
    // Accept "DDMMYY-SSSS" or "DDMMYYSSSS"; nothing else.
    char digits[10];
    std::size_t n = 0;
    for (std::size_t i = 0; i < cpr.size(); ++i) {
        const char c = cpr[i];
        if (c == '-' && i == 6 && cpr.size() == 11) continue;
        if (!std::isdigit(static_cast<unsigned char>(c)) || n == 10) return {std::nullopt, CprError::format};
        digits[n++] = c;
    }
    if (n != 10) return {std::nullopt, CprError::format};
    auto two = [&](int at) { return (digits[at] - '0') * 10 + (digits[at + 1] - '0'); };
    const int dd = two(0), mm = two(2), yy = two(4), seventh = digits[6] - '0';
    int century;
    if (seventh <= 3) century = 1900;
    else if (seventh == 4 || seventh == 9) century = yy <= 36 ? 2000 : 1900;
    else century = yy <= 57 ? 2000 : 1800;
    const year_month_day d{year{century + yy}, month{unsigned(mm)}, day{unsigned(dd)}};
    if (!d.ok()) return {std::nullopt, CprError::date};
    return {LocalDay{d}, CprError::none};
}

std::string_view holiday_name_da(Holiday h) {
    switch (h) {
        case Holiday::nytaarsdag: return "nytårsdag";
        case Holiday::skaertorsdag: return "skærtorsdag";
        case Holiday::langfredag: return "langfredag";
        case Holiday::paaskedag: return "påskedag";
        case Holiday::anden_paaskedag: return "2. påskedag";
        case Holiday::store_bededag: return "store bededag";
        case Holiday::kristi_himmelfartsdag: return "Kristi himmelfartsdag";
        case Holiday::pinsedag: return "pinsedag";
        case Holiday::anden_pinsedag: return "2. pinsedag";
        case Holiday::juledag: return "juledag";
        case Holiday::anden_juledag: return "2. juledag";
        case Holiday::grundlovsdag: return "grundlovsdag";
        case Holiday::juleaftensdag: return "juleaftensdag";
        case Holiday::nytaarsaftensdag: return "nytårsaftensdag";
    }
    return "?";
}

std::string_view holiday_name_en(Holiday h) {
    switch (h) {
        case Holiday::nytaarsdag: return "New Year's Day";
        case Holiday::skaertorsdag: return "Maundy Thursday";
        case Holiday::langfredag: return "Good Friday";
        case Holiday::paaskedag: return "Easter Sunday";
        case Holiday::anden_paaskedag: return "Easter Monday";
        case Holiday::store_bededag: return "Great Prayer Day";
        case Holiday::kristi_himmelfartsdag: return "Ascension Day";
        case Holiday::pinsedag: return "Whit Sunday";
        case Holiday::anden_pinsedag: return "Whit Monday";
        case Holiday::juledag: return "Christmas Day";
        case Holiday::anden_juledag: return "Boxing Day";
        case Holiday::grundlovsdag: return "Constitution Day";
        case Holiday::juleaftensdag: return "Christmas Eve";
        case Holiday::nytaarsaftensdag: return "New Year's Eve";
    }
    return "?";
}

std::optional<Holiday> danish_holiday(LocalDay dayv) {
    const year_month_day d{dayv};
    const unsigned m = unsigned(d.month()), dd = unsigned(d.day());
    // The Easter-based helligdage first: 2. pinsedag or pinsedag can fall on 5 June, and then the
    // day is a helligdag whatever the options say about grundlovsdag.
    if (m >= 3 && m <= 6) {
        const int y = int(d.year());
        const int offset = (dayv - easter_sunday(y)).count();
        for (const detail::EasterHoliday& e : detail::easter_holidays)
            if (e.days_after_easter == offset && detail::kept_in(e.holiday, y)) return e.holiday;
    }
    if (m == 1 && dd == 1) return Holiday::nytaarsdag;
    if (m == 6 && dd == 5) return Holiday::grundlovsdag;
    if (m == 12) {
        if (dd == 24) return Holiday::juleaftensdag;
        if (dd == 25) return Holiday::juledag;
        if (dd == 26) return Holiday::anden_juledag;
        if (dd == 31) return Holiday::nytaarsaftensdag;
    }
    return std::nullopt;
}

}  // namespace barnetslov
