// The calendar on arbitrary dates: every counting convention checked against what it promises
// (calendar.hpp), not only for not crashing. Days run over 1583-9000 for the pure functions (the
// Gregorian computus holds from 1583) and 1900-2199 for time-zone work (the range of case files
// and of the C API). Counts stay within what rules use, with room: a rule counts at most a few
// hundred hverdage or a few hundred months.
#include <cstdint>
#include <string>

#include "barnetslov/calendar.hpp"
#include "barnetslov/case_builder.hpp"
#include "fuzz_input.hpp"

using namespace barnetslov;
using date::days;

namespace {

const Calendar& calendar(unsigned options) {
    // One calendar per combination of the three configurable days, built once.
    static const Calendar* all[8] = {};
    if (!all[options]) all[options] = new Calendar(HolidayOptions{(options & 1) != 0, (options & 2) != 0, (options & 4) != 0});
    return *all[options];
}

const LocalDay first_gregorian = local_day(1583, 1, 1), last_pure = local_day(9000, 12, 31);
const LocalDay first_tz = local_day(1900, 1, 1), last_tz = local_day(2199, 12, 31);

LocalDay day_in(fuzz::Input& in, LocalDay lo, LocalDay hi) {
    return lo + days{in.range(0, (hi - lo).count())};
}

unsigned last_day_of(date::year y, date::month m) { return unsigned(date::year_month_day_last{y, date::month_day_last{m}}.day()); }

void check_hverdage(const Calendar& cal, fuzz::Input& in) {
    const LocalDay d = day_in(in, first_tz - days{400}, last_tz);
    const int n = int(in.range(0, 400));
    const LocalDay after = cal.hverdage_after(d, n);
    if (n == 0) FUZZ_CHECK(after == d);
    else FUZZ_CHECK(after > d && cal.is_hverdag(after));
    FUZZ_CHECK(cal.hverdage_between(d, after) == n);
    FUZZ_CHECK(cal.hverdage_between(after, d) == -n);
    // The day before the n-th hverdag holds n - 1 of them.
    if (n > 0) FUZZ_CHECK(cal.hverdage_between(d, after - days{1}) == n - 1);

    const LocalDay next = cal.next_hverdag_from(d);
    FUZZ_CHECK(next >= d && next - d <= days{6} && cal.is_hverdag(next));
    for (LocalDay x = d; x < next; x += days{1}) FUZZ_CHECK(!cal.is_hverdag(x));

    const LocalDay e = d + days{in.range(0, 60)};
    const auto hols = cal.weekday_holidays_between(d, e);
    int weekdays = 0;
    for (LocalDay x = d + days{1}; x <= e; x += days{1}) {
        const date::weekday wd{x};
        weekdays += wd != date::Saturday && wd != date::Sunday;
    }
    FUZZ_CHECK(cal.hverdage_between(d, e) == weekdays - int(hols.size()));
    for (const auto& [day, h] : hols) {
        FUZZ_CHECK(day > d && day <= e && !cal.is_hverdag(day));
        FUZZ_CHECK(cal.non_working_holiday(day) == h);
    }
}

void check_months(fuzz::Input& in) {
    const LocalDay d = day_in(in, first_gregorian, last_pure);
    const int n = int(in.range(-2400, 2400));
    const auto a = ymd(d), r = ymd(months_after(d, n));
    FUZZ_CHECK(r.ok());
    const int months_from_zero = int(a.year()) * 12 + int(unsigned(a.month())) - 1 + n;
    FUZZ_CHECK(int(r.year()) * 12 + int(unsigned(r.month())) - 1 == months_from_zero);
    // Same day of the month, or the target month's last day when the month is shorter.
    const unsigned last = last_day_of(r.year(), r.month());
    FUZZ_CHECK(unsigned(r.day()) == std::min(unsigned(a.day()), last));
    FUZZ_CHECK(months_before(d, -n) == months_after(d, n));
    const int y = int(in.range(-200, 200));
    FUZZ_CHECK(years_after(d, y) == months_after(d, 12 * y));
    const int w = int(in.range(-5000, 5000));
    FUZZ_CHECK(weeks_after(d, w) - d == days{7 * w});
    FUZZ_CHECK(days_after(d, w) - d == days{w});
    FUZZ_CHECK(days_counting_first(d, w) == days_after(d, w - 1));
}

void check_ages(fuzz::Input& in) {
    const LocalDay birth = day_in(in, first_gregorian, last_pure);
    const int n = int(in.range(0, 120));
    const LocalDay b = birthday(birth, n);
    const auto bb = ymd(birth), bn = ymd(b);
    FUZZ_CHECK(bn.ok());
    if (bb.month() == date::February && bb.day() == date::day{29} && !bn.year().is_leap())
        FUZZ_CHECK(bn.month() == date::March && bn.day() == date::day{1} && int(bn.year()) == int(bb.year()) + n);
    else
        FUZZ_CHECK(bn.month() == bb.month() && bn.day() == bb.day() && int(bn.year()) == int(bb.year()) + n);
    FUZZ_CHECK(has_turned(birth, n, b));
    FUZZ_CHECK(!has_turned(birth, n, b - days{1}));
    FUZZ_CHECK(age_on(birth, b) == n);
    FUZZ_CHECK(age_on(birth, b - days{1}) == n - 1);
    FUZZ_CHECK(age_on(birth, birth - days{in.range(1, 100000)}) == -1);
}

void check_holidays(const Calendar& cal, fuzz::Input& in) {
    const int y = int(in.range(1583, 9000));
    const LocalDay easter = easter_sunday(y);
    const auto e = ymd(easter);
    FUZZ_CHECK(e.ok() && int(e.year()) == y);
    FUZZ_CHECK(date::weekday{easter} == date::Sunday);
    FUZZ_CHECK(easter >= local_day(y, 3, 22) && easter <= local_day(y, 4, 25));
    FUZZ_CHECK(danish_holiday(easter) == Holiday::paaskedag);
    FUZZ_CHECK(danish_holiday(easter + days{1}) == Holiday::anden_paaskedag);
    const auto list = cal.holidays_of_year(y);
    for (std::size_t i = 0; i < list.size(); ++i) {
        FUZZ_CHECK(int(ymd(list[i].first).year()) == y);
        FUZZ_CHECK(cal.non_working_holiday(list[i].first) == list[i].second);
        FUZZ_CHECK(!holiday_name_da(list[i].second).empty() && !holiday_name_en(list[i].second).empty());
        if (i > 0) FUZZ_CHECK(list[i - 1].first < list[i].first);
    }
    const LocalDay d = day_in(in, first_gregorian, last_pure);
    if (auto h = cal.non_working_holiday(d)) FUZZ_CHECK(danish_holiday(d) == h);
}

void check_time_zone(const Calendar& cal, fuzz::Input& in) {
    const LocalDay d = day_in(in, first_tz, last_tz);
    const Instant start = cal.start_of_local_day(d), end = cal.end_of_local_day(d);
    FUZZ_CHECK(cal.local_day(start) == d && cal.local_day(end - Seconds{1}) == d && cal.local_day(end) == d + days{1});
    const auto length = end - start;
    FUZZ_CHECK(length == std::chrono::hours{24} || length == std::chrono::hours{23} || length == std::chrono::hours{25});

    // An instant within the day: its wall-clock time reads back to it, unless it is in the
    // autumn overlap, where the wall-clock time alone is ambiguous.
    const Instant t = start + Seconds{in.range(0, length.count() - 1)};
    const Seconds offset = cal.utc_offset(t);
    FUZZ_CHECK(offset == Seconds{3600} || offset == Seconds{7200} || int(ymd(d).year()) < 1980);
    const LocalToInstant back = cal.to_instant(cal.local_time(t));
    FUZZ_CHECK(back.kind != LocalTimeKind::nonexistent);
    if (back.kind == LocalTimeKind::unique) FUZZ_CHECK(back.instant == t);

    // A wall-clock time: unique ones map to an instant that reads back; a gap time has no
    // instant whose wall clock shows it.
    const LocalTime wall = LocalTime{d} + Seconds{in.range(0, 86399)};
    const LocalToInstant r = cal.to_instant(wall);
    if (r.kind == LocalTimeKind::unique) FUZZ_CHECK(cal.local_time(r.instant) == wall);
    if (r.kind == LocalTimeKind::nonexistent) {
        const Instant guess{(wall - std::chrono::hours{1}).time_since_epoch()};
        FUZZ_CHECK(cal.local_time(guess) != wall && cal.local_time(guess - std::chrono::hours{1}) != wall);
    }
}

void check_text(const Calendar& cal, fuzz::Input& in) {
    // Dates and times as case files give them, and CPR numbers: whatever the text, a result that
    // says ok is in range and means what the text says.
    const std::string text = in.bytes(40);
    const ParsedMoment m = parse_moment(text, cal);
    if (m.status == MomentParse::ok) {
        const int y = int(ymd(m.moment.day).year());
        FUZZ_CHECK(y >= 1900 && y <= 2199);
        if (m.moment.has_time) FUZZ_CHECK(text.size() >= 16 && cal.local_day(m.moment.instant) >= m.moment.day - days{1});
        else FUZZ_CHECK(text.size() == 10);
    }
    const ParsedMoment dd = parse_date(text);
    if (dd.status == MomentParse::ok) FUZZ_CHECK(text.size() == 10 && !dd.moment.has_time);
    const CprBirthDate c = birth_date_from_cpr(text);
    FUZZ_CHECK(c.day.has_value() == (c.error == CprError::none));
    if (c.day) FUZZ_CHECK(ymd(*c.day).ok() && (text.size() == 10 || (text.size() == 11 && text[6] == '-')));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input in(data, size);
    const Calendar& cal = calendar(in.byte() & 7u);
    // A sequence of checks chosen by the input, so that one input can reach several.
    for (int step = 0; step < 16 && !in.empty(); ++step) {
        switch (in.byte() % 6) {
            case 0: check_hverdage(cal, in); break;
            case 1: check_months(in); break;
            case 2: check_ages(in); break;
            case 3: check_holidays(cal, in); break;
            case 4: check_time_zone(cal, in); break;
            default: check_text(cal, in); break;
        }
    }
    return 0;
}
