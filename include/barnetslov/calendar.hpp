// The counting conventions of ../shared/law/README.md, one named function each.
//
// Instants are UTC (`Instant`); "days" are local dates in Europe/Copenhagen (`LocalDay`).
// Pure date arithmetic (months, weeks, ages, CPR) needs no time zone and is free functions;
// anything that needs the time-zone database or the holiday table goes through a `Calendar`,
// which is immutable after construction and safe to share between threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace date {
class time_zone;
}

namespace barnetslov {

using Instant = std::chrono::sys_seconds;  // UTC, whole seconds
using LocalDay = date::local_days;         // a calendar date in Copenhagen
using LocalTime = date::local_seconds;     // a Copenhagen wall-clock time
using Seconds = std::chrono::seconds;

// The years the library reads and counts, 1900 to 2199, written here once. A case file's date
// outside them is refused (a moment, a CPR number's birth date), the holiday table covers them,
// and a rule version from calendar_first_day applies "since always", one until calendar_end_day
// "from then on" (rule.hpp: from_the_start, open_ended).
inline constexpr int calendar_first_year = 1900;
inline constexpr int calendar_last_year = 2199;
inline constexpr LocalDay calendar_first_day = LocalDay{date::year{calendar_first_year} / 1 / 1};
inline constexpr LocalDay calendar_end_day = LocalDay{date::year{calendar_last_year + 1} / 1 / 1};  // the day after the last

// ---- Pure date arithmetic (no time zone) ---------------------------------------------------

// "N måneder": same day-of-month N months later; a day that does not exist in the target month
// is clamped to that month's last day (31 Jan + 1 month -> 28/29 Feb). n may be negative.
[[nodiscard]] LocalDay months_after(LocalDay day, int n);
// "N months before a date": same clamp; the caller treats the result as a limit from 00:00.
[[nodiscard]] LocalDay months_before(LocalDay day, int n);
// "N år" as 12*N months with the same clamp (29 Feb + 1 year -> 28 Feb).
[[nodiscard]] LocalDay years_after(LocalDay day, int n);
// "N uger": 7*N calendar days.
[[nodiscard]] LocalDay weeks_after(LocalDay day, int n);
// "N dage" where the first day is not counted: day + N.
[[nodiscard]] LocalDay days_after(LocalDay day, int n);
// "N dage" where the day of the start event is day 1 (§ 143): day + (N - 1).
[[nodiscard]] LocalDay days_counting_first(LocalDay day, int n);

// The local day on which someone born on `birth` turns `n`: the N-th birthday, or 1 March
// for a 29 February birthday in a non-leap year.
[[nodiscard]] LocalDay birthday(LocalDay birth, int n);
// Whether someone born on `birth` has turned `n` on `day` (from 00:00 on the birthday).
[[nodiscard]] bool has_turned(LocalDay birth, int n, LocalDay day);
// Completed years of age on `day`; negative before birth is reported as -1.
[[nodiscard]] int age_on(LocalDay birth, LocalDay day);

// Easter Sunday (Gregorian computus) for years 1583..9999.
[[nodiscard]] LocalDay easter_sunday(int year);

// Birth date from a CPR number "DDMMYY-SSSS" or "DDMMYYSSSS": the 7th digit chooses the
// century (law README). The modulus-11 check is deliberately not applied.
enum class CprError { none, format, date };
struct CprBirthDate {
    std::optional<LocalDay> day;
    CprError error = CprError::none;
};
[[nodiscard]] CprBirthDate birth_date_from_cpr(std::string_view cpr);

// The year, month and day of a LocalDay, and back, by Neri and Schneider's Euclidean affine functions
// (multiplications and shifts, no division): date::year_month_day's conversions were most of the cost
// of months_after, age_on and a deadline's clamp (~130 instructions a call, several per finding;
// bench/ANALYSIS.md). calendar_test checks both against its day list over every day 1850-2250.
struct CivilDate {
    int year;
    unsigned month, day;
};
// civil_date's first half: the year that begins on 1 March and the day of it (0 for 1 March, 365 for
// a leap year's 29 February). The text report writes a date's "-MM-DD" from a table by that day.
struct MarchYearDay {
    int year;
    unsigned day;
    [[nodiscard]] constexpr bool jan_feb() const { return day >= 306; }
    [[nodiscard]] constexpr int civil_year() const { return year + jan_feb(); }
};
[[nodiscard]] constexpr MarchYearDay march_year_day(LocalDay d) {
    constexpr std::uint32_t shift_years = 82 * 400;  // counts from 32,800 years before 0000-03-01: unsigned throughout
    constexpr std::uint32_t shift_days = 719468 + 146097 * 82;
    const std::uint32_t n = static_cast<std::uint32_t>(d.time_since_epoch().count()) + shift_days;
    const std::uint32_t n1 = 4 * n + 3;
    const std::uint32_t century = n1 / 146097;
    const std::uint32_t n2 = (n1 % 146097) | 3;
    const std::uint64_t p2 = std::uint64_t{2939745} * n2;
    const std::uint32_t year_of_century = static_cast<std::uint32_t>(p2 >> 32);
    const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2) / 2939745 / 4;
    return {static_cast<int>(100 * century + year_of_century - shift_years), day_of_year};
}
[[nodiscard]] constexpr CivilDate civil_date(LocalDay d) {
    const MarchYearDay m = march_year_day(d);
    const std::uint32_t n3 = 2141 * m.day + 197913;
    const std::uint32_t month = n3 >> 16, day = (n3 & 0xFFFF) / 2141;
    return {m.civil_year(), m.jan_feb() ? month - 12 : month, day + 1};
}
// Completed years from `born` to `on` (not before it): age_on's count, for a caller that keeps the
// birth's civil date (the rules' per-evaluation Ages). A 29 February birthday falls on 1 March in a
// common year (birthday()): 28 February is before it and 1 March is not, which comparing (month,
// day) with (2, 29) gives too.
[[nodiscard]] constexpr int completed_years(CivilDate born, CivilDate on) {
    const bool before_birthday = on.month < born.month || (on.month == born.month && on.day < born.day);
    return on.year - born.year - (before_birthday ? 1 : 0);
}
[[nodiscard]] constexpr LocalDay day_of(int y, unsigned m, unsigned d) {
    constexpr std::uint32_t shift_years = 82 * 400;
    constexpr std::uint32_t shift_days = 719468 + 146097 * 82;
    const bool jan_feb = m <= 2;
    const std::uint32_t year = static_cast<std::uint32_t>(y) + shift_years - jan_feb;  // years from March
    const std::uint32_t month = jan_feb ? m + 12 : m;
    const std::uint32_t century = year / 100;
    const std::uint32_t days = 1461 * year / 4 - century + century / 4 + (979 * month - 2919) / 32 + d - 1;
    return LocalDay{date::days{static_cast<std::int32_t>(days - shift_days)}};
}
// Days in month m (1-12) of year y.
[[nodiscard]] constexpr unsigned days_in_month(int y, unsigned m) {
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return 30 + ((m + (m >> 3)) & 1);
}

// Civil date of a LocalDay, and formatting as ISO 8601 ("2024-03-28").
[[nodiscard]] inline date::year_month_day ymd(LocalDay d) { return date::year_month_day{d}; }
[[nodiscard]] inline LocalDay local_day(int y, unsigned m, unsigned d) {
    return LocalDay{date::year{y} / date::month{m} / date::day{d}};
}

// Deemed receipt of a decision (law README, Ankestyrelsen guidance; configurable per channel):
// digital post and delivery in person the day it is sent, ordinary post 6 hverdage after it is
// dated, Quickpost 2 days after.
enum class DeliveryChannel { digital, in_person, post, quickpost };
struct DeemedReceiptOptions {
    int post_hverdage = 6;
    int quickpost_days = 2;
};
class Calendar;
[[nodiscard]] LocalDay deemed_receipt(const Calendar& cal, LocalDay sent, DeliveryChannel channel,
                                      const DeemedReceiptOptions& options = {});

// ---- Holidays ------------------------------------------------------------------------------

enum class Holiday : std::uint8_t {
    nytaarsdag = 1,
    skaertorsdag,
    langfredag,
    paaskedag,
    anden_paaskedag,
    store_bededag,  // up to and including 2023
    kristi_himmelfartsdag,
    pinsedag,
    anden_pinsedag,
    juledag,
    anden_juledag,
    // The three extra non-working days of the procedural-deadline rule (configurable).
    grundlovsdag,
    juleaftensdag,
    nytaarsaftensdag,
};
[[nodiscard]] std::string_view holiday_name_da(Holiday h);
[[nodiscard]] std::string_view holiday_name_en(Holiday h);

// Which of the three extra days count as non-working. Default: all three (law README).
struct HolidayOptions {
    bool grundlovsdag = true;
    bool juleaftensdag = true;
    bool nytaarsaftensdag = true;
};

// The Danish helligdag (or configured extra day) on `day`, if any, ignoring options.
[[nodiscard]] std::optional<Holiday> danish_holiday(LocalDay day);

// ---- The calendar: time zone + holiday table -----------------------------------------------

// How a Copenhagen wall-clock time maps to an instant.
enum class LocalTimeKind { unique, nonexistent /* spring gap */, ambiguous /* autumn overlap */ };
struct LocalToInstant {
    LocalTimeKind kind = LocalTimeKind::unique;
    Instant instant{};  // valid only when kind == unique
};

class Calendar {
public:
    // Throws std::runtime_error when the OS time-zone database lacks Europe/Copenhagen.
    explicit Calendar(HolidayOptions options = {});

    [[nodiscard]] const HolidayOptions& options() const { return options_; }

    // Local date of an instant in Copenhagen.
    [[nodiscard]] LocalDay local_day(Instant t) const;
    // Copenhagen wall-clock time of an instant.
    [[nodiscard]] LocalTime local_time(Instant t) const;
    // UTC offset in force at an instant (+01:00 or +02:00 in the period that matters).
    [[nodiscard]] Seconds utc_offset(Instant t) const;
    // A wall-clock time read as Copenhagen time; gap and overlap are reported, never guessed.
    [[nodiscard]] LocalToInstant to_instant(LocalTime t) const;

    // 00:00 local on `day`; on a day whose midnight the clocks skipped (15 May 1940), the instant
    // of the jump.
    [[nodiscard]] Instant start_of_local_day(LocalDay day) const;
    // "By the end of day D": the exclusive bound 00:00 local on D + 1.
    [[nodiscard]] Instant end_of_local_day(LocalDay day) const;

    // "24 timer": start + N hours of elapsed time, in UTC (DST neither adds nor removes an hour).
    [[nodiscard]] static Instant elapsed_hours_after(Instant start, int hours) {
        return start + std::chrono::hours{hours};
    }

    // Non-working day under the configured options (helligdag or enabled extra day).
    [[nodiscard]] bool is_non_working_holiday(LocalDay day) const;
    [[nodiscard]] std::optional<Holiday> non_working_holiday(LocalDay day) const;
    // A hverdag: Monday-Friday and not a non-working holiday.
    [[nodiscard]] bool is_hverdag(LocalDay day) const;
    // "N hverdage after": day0 is day 0; the N-th hverdag after it (n >= 0; n == 0 gives day0).
    [[nodiscard]] LocalDay hverdage_after(LocalDay day0, int n) const;
    // The citizen's deadline that ends on a non-hverdag moves to the next hverdag (law README,
    // complaint deadline; UNCONFIRMED for this area). Returns `day` when it is a hverdag.
    [[nodiscard]] LocalDay next_hverdag_from(LocalDay day) const;
    // Hverdage in the half-open interval (from, to]; negative when to < from.
    [[nodiscard]] int hverdage_between(LocalDay from, LocalDay to) const;
    // The holidays falling on Monday-Friday in (from, to], for explanations.
    [[nodiscard]] std::vector<std::pair<LocalDay, Holiday>> weekday_holidays_between(
        LocalDay from, LocalDay to) const;

    // Holidays of one year under the configured options, in date order.
    [[nodiscard]] std::vector<std::pair<LocalDay, Holiday>> holidays_of_year(int year) const;

private:
    // Offset under the EU summer-time rule, for instants after the last listed transition.
    Seconds rule_offset(Instant t) const;
    LocalToInstant rule_to_instant(LocalTime t) const;

    // The offset in force from `begin` to the next period's begin, from 1900 to where the zone's
    // listed transitions end: date-tz's get_info builds a whole sys_info per call, which was a
    // tenth of evaluating a case (bench/ANALYSIS.md). Outside [periods_.front().begin, periods_end_)
    // the zone (before) or the rule (after) answers.
    struct Period {
        Instant begin;
        Seconds offset;
    };
    [[nodiscard]] bool in_table(Instant t) const { return !periods_.empty() && t >= periods_.front().begin && t < periods_end_; }
    [[nodiscard]] Seconds table_offset(Instant t) const;
    // The last period begun by `t` (0 before the first), found from block_period_ instead of a binary
    // search over periods_ (most of start_of_local_day, asked per deadline and per date-only event).
    [[nodiscard]] std::size_t period_at(Instant t) const;
    static constexpr int block_shift = 22;
    [[nodiscard]] LocalToInstant table_to_instant(LocalTime t) const;
    // The days whose midnight table_to_instant finds by its usual case (a period spans 26 hours either
    // side of it) and in_table by 48 hours, per period: the day's start is then midnight less the
    // period's offset, found from day_block_ without to_instant's checks (most of the ~90 instructions
    // of each deadline's day end; issue 20, session 35).
    struct MidnightDays {
        std::int32_t first, last;  // epoch days, inclusive
        Seconds offset;
    };
    std::vector<MidnightDays> midnight_days_;
    static constexpr int day_block_shift = 5;
    std::int32_t day_blocks_from_ = 0;         // the epoch day of day_block_[0]
    std::vector<std::uint32_t> day_block_;      // per 2^day_block_shift days: the first of midnight_days_ not ended before
    [[nodiscard]] const MidnightDays* midnight_days_of(LocalDay day) const;

    HolidayOptions options_;
    const date::time_zone* zone_ = nullptr;
    std::vector<Period> periods_;
    Instant periods_end_{};
    std::vector<std::uint32_t> block_period_;  // per 2^block_shift s from periods_.front().begin: period_at there
    Instant rule_from_ = Instant::max();  // where the zone's transition table ends
    Seconds standard_offset_{3600};
    // Holiday per day for the years [calendar_first_year, calendar_last_year], 0 = none; built once.
    LocalDay table_start_{};
    std::vector<std::uint8_t> table_;
    std::vector<LocalDay> weekday_holidays_;  // the table's holidays on Monday-Friday, sorted
    // The weekday holidays up to and including table day `d` (upper_bound over weekday_holidays_): from
    // holiday_block_ and a scan of the few in one block, where the two binary searches over 300
    // years of holidays were ~290 instructions of each hverdage_between (bench/ANALYSIS.md).
    [[nodiscard]] std::size_t weekday_holidays_through(LocalDay d) const;
    static constexpr int holiday_block_shift = 6;
    std::vector<std::uint32_t> holiday_block_;  // per 2^holiday_block_shift days from table_start_: the first holiday on or after
};

}  // namespace barnetslov
