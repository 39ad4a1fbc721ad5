// The Copenhagen calendar: time zone (date-tz on the OS tzdata) and the holiday table.
#include "barnetslov/calendar.hpp"

#include <algorithm>
#include <stdexcept>

#include <date/tz.h>

namespace barnetslov {

namespace {
constexpr int table_years = 300;  // 1900..2199; outside it holidays are computed on demand

bool enabled(const HolidayOptions& o, Holiday h) {
    switch (h) {
        case Holiday::grundlovsdag: return o.grundlovsdag;
        case Holiday::juleaftensdag: return o.juleaftensdag;
        case Holiday::nytaarsaftensdag: return o.nytaarsaftensdag;
        default: return true;
    }
}
}  // namespace

Calendar::Calendar(HolidayOptions options) : options_(options) {
    try {
        zone_ = date::locate_zone("Europe/Copenhagen");
        (void)zone_->get_info(Instant{});  // load the zone now, not on the first evaluation
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("time-zone database: cannot load Europe/Copenhagen (is tzdata installed?): ") + e.what());
    }
    table_start_ = barnetslov::local_day(first_year_, 1, 1);
    const LocalDay end = barnetslov::local_day(first_year_ + table_years, 1, 1);
    table_.assign(std::size_t((end - table_start_).count()), 0);
    for (int y = first_year_; y < first_year_ + table_years; ++y)
        for (const auto& [day, h] : holidays_of_year(y))
            table_[std::size_t((day - table_start_).count())] = static_cast<std::uint8_t>(h);
}

LocalDay Calendar::local_day(Instant t) const { return date::floor<date::days>(local_time(t)); }

LocalTime Calendar::local_time(Instant t) const {
    return LocalTime{(t + utc_offset(t)).time_since_epoch()};
}

Seconds Calendar::utc_offset(Instant t) const { return zone_->get_info(t).offset; }

LocalToInstant Calendar::to_instant(LocalTime t) const {
    const date::local_info info = zone_->get_info(t);
    switch (info.result) {
        case date::local_info::unique: return {LocalTimeKind::unique, Instant{(t - info.first.offset).time_since_epoch()}};
        case date::local_info::nonexistent: return {LocalTimeKind::nonexistent, {}};
        default: return {LocalTimeKind::ambiguous, {}};
    }
}

Instant Calendar::start_of_local_day(LocalDay day) const {
    // Copenhagen changes clocks at 02:00/03:00, so midnight is always unique.
    return to_instant(LocalTime{day}).instant;
}

Instant Calendar::end_of_local_day(LocalDay day) const { return start_of_local_day(day + date::days{1}); }

std::optional<Holiday> Calendar::non_working_holiday(LocalDay day) const {
    const auto i = (day - table_start_).count();
    std::optional<Holiday> h;
    if (i >= 0 && std::size_t(i) < table_.size()) {
        if (table_[std::size_t(i)] != 0) h = static_cast<Holiday>(table_[std::size_t(i)]);
        return h;  // the table is built with the options applied
    }
    h = danish_holiday(day);
    if (h && !enabled(options_, *h)) h.reset();
    return h;
}

bool Calendar::is_non_working_holiday(LocalDay day) const { return non_working_holiday(day).has_value(); }

bool Calendar::is_hverdag(LocalDay day) const {
    const date::weekday wd{day};
    return wd != date::Saturday && wd != date::Sunday && !is_non_working_holiday(day);
}

LocalDay Calendar::hverdage_after(LocalDay day0, int n) const {
    LocalDay d = day0;
    for (int counted = 0; counted < n;) {
        d += date::days{1};
        if (is_hverdag(d)) ++counted;
    }
    return d;
}

int Calendar::hverdage_between(LocalDay from, LocalDay to) const {
    if (to < from) return -hverdage_between(to, from);
    int n = 0;
    for (LocalDay d = from + date::days{1}; d <= to; d += date::days{1}) n += is_hverdag(d) ? 1 : 0;
    return n;
}

std::vector<std::pair<LocalDay, Holiday>> Calendar::weekday_holidays_between(LocalDay from, LocalDay to) const {
    std::vector<std::pair<LocalDay, Holiday>> out;
    for (LocalDay d = from + date::days{1}; d <= to; d += date::days{1}) {
        const date::weekday wd{d};
        if (wd == date::Saturday || wd == date::Sunday) continue;
        if (auto h = non_working_holiday(d)) out.emplace_back(d, *h);
    }
    return out;
}

std::vector<std::pair<LocalDay, Holiday>> Calendar::holidays_of_year(int y) const {
    std::vector<std::pair<LocalDay, Holiday>> out;
    const LocalDay easter = easter_sunday(y);
    auto add = [&](LocalDay d) {
        if (auto h = danish_holiday(d); h && enabled(options_, *h)) out.emplace_back(d, *h);
    };
    add(barnetslov::local_day(y, 1, 1));
    for (int off : {-3, -2, 0, 1, 26, 39, 49, 50}) add(easter + date::days{off});
    add(barnetslov::local_day(y, 6, 5));
    for (unsigned dd : {24u, 25u, 26u, 31u}) add(barnetslov::local_day(y, 12, dd));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace barnetslov
