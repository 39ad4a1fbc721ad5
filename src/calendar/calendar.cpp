// The Copenhagen calendar: time zone (date-tz on the OS tzdata) and the holiday table.
#include "barnetslov/calendar.hpp"
#include "calendar/holidays.hpp"

#include <algorithm>
#include <stdexcept>

#include <date/tz.h>

namespace barnetslov {

namespace {
constexpr int table_years = calendar_last_year - calendar_first_year + 1;  // outside them holidays are computed on demand

bool enabled(const HolidayOptions& o, Holiday h) {
    switch (h) {
        case Holiday::grundlovsdag: return o.grundlovsdag;
        case Holiday::juleaftensdag: return o.juleaftensdag;
        case Holiday::nytaarsaftensdag: return o.nytaarsaftensdag;
        default: return true;
    }
}

// The non-working holidays of year y under the options, in date order, each day once as
// danish_holiday names it: the table's 300 years visited without a vector, a sort and
// danish_holiday per candidate day (~1.3 M instructions of every start-up; issue 20, session 36).
template <class Visit>
void visit_holidays_of_year(int y, const HolidayOptions& o, Visit&& visit) {
    visit(day_of(y, 1, 1), Holiday::nytaarsdag);
    const LocalDay easter = easter_sunday(y);
    const LocalDay grundlov = day_of(y, 6, 5);
    bool grundlov_due = enabled(o, Holiday::grundlovsdag);
    for (const detail::EasterHoliday& e : detail::easter_holidays) {
        if (!detail::kept_in(e.holiday, y)) continue;
        const LocalDay day = easter + date::days{e.days_after_easter};
        if (grundlov_due && grundlov <= day) {
            // On pinsedag or 2. pinsedag, 5 June is that helligdag (danish_holiday), whatever the options.
            if (grundlov < day) visit(grundlov, Holiday::grundlovsdag);
            grundlov_due = false;
        }
        visit(day, e.holiday);
    }
    if (grundlov_due) visit(grundlov, Holiday::grundlovsdag);
    if (enabled(o, Holiday::juleaftensdag)) visit(day_of(y, 12, 24), Holiday::juleaftensdag);
    visit(day_of(y, 12, 25), Holiday::juledag);
    visit(day_of(y, 12, 26), Holiday::anden_juledag);
    if (enabled(o, Holiday::nytaarsaftensdag)) visit(day_of(y, 12, 31), Holiday::nytaarsaftensdag);
}
}  // namespace

Calendar::Calendar(HolidayOptions options) : options_(options) {
    try {
        zone_ = date::locate_zone("Europe/Copenhagen");
        // date-tz with USE_OS_TZDB reads only the transitions a TZif file lists (for Copenhagen they
        // end in October 2037) and not the rule in the file's footer, so it would keep winter time
        // for ever after. Beyond the last listed transition the footer's rule applies: the EU rule.
        const date::sys_info last = zone_->get_info(date::sys_days{date::year{2150} / 1 / 1});
        // A zone with summer time changes twice a year; a period that began before 2149 and still
        // runs in 2150 means the listed transitions have ended.
        if (last.begin < date::sys_days{date::year{2149} / 1 / 1} && last.begin > date::sys_seconds{} &&
            last.save == std::chrono::minutes{0}) {
            rule_from_ = Instant{last.begin};
            standard_offset_ = last.offset - std::chrono::duration_cast<Seconds>(last.save);
        }
        const Instant table_from{date::sys_days{date::year{calendar_first_year} / 1 / 1}};
        const Instant table_to = std::min(rule_from_, Instant{date::sys_days{date::year{calendar_first_year + table_years} / 1 / 1}});
        for (Instant t = table_from; t < table_to;) {
            const date::sys_info info = zone_->get_info(t);
            periods_.push_back({t, info.offset});
            t = std::max(Instant{info.end}, t + Seconds{1});
            periods_end_ = std::min(t, table_to);
        }
        // Per period, its days whose midnight is more than 26 hours from the period's ends (and 48 hours
        // from the table's): the midnights table_to_instant's usual case answers.
        constexpr Seconds reach = std::chrono::hours{26}, table_margin = std::chrono::hours{48};
        for (std::size_t i = 0; i < periods_.size(); ++i) {
            const Instant lo = std::max(periods_[i].begin + reach, periods_.front().begin + table_margin);
            const Instant end = i + 1 < periods_.size() ? periods_[i + 1].begin : periods_end_;
            const Instant hi = std::min(end - reach, periods_end_ - table_margin) - Seconds{1};  // the last midnight allowed
            const auto first_day = date::ceil<date::days>(lo).time_since_epoch().count();
            const auto last_day = date::floor<date::days>(hi).time_since_epoch().count();
            if (first_day <= last_day)
                midnight_days_.push_back({static_cast<std::int32_t>(first_day), static_cast<std::int32_t>(last_day), periods_[i].offset});
        }
        if (!midnight_days_.empty()) {
            day_blocks_from_ = midnight_days_.front().first;
            std::size_t k = 0;
            for (std::int32_t day = day_blocks_from_; day <= midnight_days_.back().last; day += 1 << day_block_shift) {
                while (midnight_days_[k].last < day) ++k;
                day_block_.push_back(static_cast<std::uint32_t>(k));
            }
        }
        // Where to start looking for the period of an instant, per block of 2^22 s (~48 days) from the
        // table's start: the last period begun by the block's start.
        if (!periods_.empty()) {
            const auto blocks = static_cast<std::size_t>(((periods_end_ - periods_.front().begin).count() >> block_shift) + 1);
            block_period_.reserve(blocks);
            std::size_t i = 0;
            for (std::size_t b = 0; b < blocks; ++b) {
                const Instant start = periods_.front().begin + Seconds{static_cast<std::int64_t>(b) << block_shift};
                while (i + 1 < periods_.size() && periods_[i + 1].begin <= start) ++i;
                block_period_.push_back(static_cast<std::uint32_t>(i));
            }
        }
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("time-zone database: cannot load Europe/Copenhagen (is tzdata installed?): ") + e.what());
    }
    table_start_ = barnetslov::local_day(calendar_first_year, 1, 1);
    const LocalDay end = barnetslov::local_day(calendar_first_year + table_years, 1, 1);
    table_.assign(std::size_t((end - table_start_).count()), 0);
    weekday_holidays_.reserve(std::size_t{table_years} * 14);  // at most 14 holidays a year
    for (int y = calendar_first_year; y < calendar_first_year + table_years; ++y)
        visit_holidays_of_year(y, options_, [&](LocalDay day, Holiday h) {
            table_[std::size_t((day - table_start_).count())] = static_cast<std::uint8_t>(h);
            const date::weekday wd{day};
            if (wd != date::Saturday && wd != date::Sunday) weekday_holidays_.push_back(day);  // sorted: the visits are
        });
    std::size_t h = 0;
    for (std::size_t b = 0; (b << holiday_block_shift) < table_.size(); ++b) {
        const LocalDay start = table_start_ + date::days{static_cast<int>(b << holiday_block_shift)};
        while (h < weekday_holidays_.size() && weekday_holidays_[h] < start) ++h;
        holiday_block_.push_back(static_cast<std::uint32_t>(h));
    }
}

std::size_t Calendar::weekday_holidays_through(LocalDay d) const {
    // Every holiday before the block's first is before d: the answer is at or after it.
    std::size_t h = holiday_block_[static_cast<std::size_t>((d - table_start_).count()) >> holiday_block_shift];
    while (h < weekday_holidays_.size() && weekday_holidays_[h] <= d) ++h;
    return h;
}

LocalDay Calendar::local_day(Instant t) const { return date::floor<date::days>(local_time(t)); }

LocalTime Calendar::local_time(Instant t) const {
    return LocalTime{(t + utc_offset(t)).time_since_epoch()};
}

namespace {
// 01:00 UTC on the last Sunday of `m` in year `y`: when EU clocks change.
Instant eu_change(int y, unsigned m) {
    const date::sys_days last_sunday{date::year{y} / date::month{m} / date::Sunday[date::last]};
    return Instant{last_sunday} + std::chrono::hours{1};
}
}  // namespace

Seconds Calendar::rule_offset(Instant t) const {
    const int y = int(date::year_month_day{date::floor<date::days>(t)}.year());
    const bool summer = t >= eu_change(y, 3) && t < eu_change(y, 10);
    return standard_offset_ + (summer ? std::chrono::hours{1} : std::chrono::hours{0});
}

LocalToInstant Calendar::rule_to_instant(LocalTime t) const {
    const int y = int(date::year_month_day{date::floor<date::days>(t)}.year());
    const Seconds summer = standard_offset_ + std::chrono::hours{1};
    // Wall-clock instants of the changes: spring forward from standard time, back from summer time.
    const LocalTime spring = LocalTime{(eu_change(y, 3) + standard_offset_).time_since_epoch()};
    const LocalTime autumn = LocalTime{(eu_change(y, 10) + summer).time_since_epoch()};
    if (t >= spring && t < spring + std::chrono::hours{1}) return {LocalTimeKind::nonexistent, {}};
    if (t >= autumn - std::chrono::hours{1} && t < autumn) return {LocalTimeKind::ambiguous, {}};
    const Seconds offset = (t >= spring && t < autumn) ? summer : standard_offset_;
    return {LocalTimeKind::unique, Instant{(t - offset).time_since_epoch()}};
}

std::size_t Calendar::period_at(Instant t) const {
    if (t < periods_.front().begin) return 0;
    const auto block = static_cast<std::size_t>((t - periods_.front().begin).count() >> block_shift);
    std::size_t i = block_period_[std::min(block, block_period_.size() - 1)];
    while (i + 1 < periods_.size() && periods_[i + 1].begin <= t) ++i;  // a block holds a few transitions at most
    return i;
}

Seconds Calendar::table_offset(Instant t) const { return periods_[period_at(t)].offset; }

// Every period that could hold the instant is tried: a wall-clock time is t - offset for the
// offset of the period it falls in; none in a gap, two in an overlap.
LocalToInstant Calendar::table_to_instant(LocalTime t) const {
    constexpr std::chrono::hours reach{26};  // beyond any UTC offset
    const Instant as_utc{t.time_since_epoch()};
    auto it = periods_.begin() + static_cast<std::ptrdiff_t>(period_at(as_utc - reach));
    // The usual case, a time more than a day from any change of offset: one period spans all the
    // times it could be, and the loop below would find just that one (~30 instructions of each of
    // the ~12 deadlines' and fulfilments' day ends a case, issue 20 session 31).
    if (const auto next = std::next(it); it->begin <= as_utc - reach && (next != periods_.end() ? next->begin : periods_end_) > as_utc + reach)
        return {LocalTimeKind::unique, as_utc - it->offset};
    int found = 0;
    Instant instant{};
    for (; it != periods_.end() && it->begin <= as_utc + reach; ++it) {
        const Instant u = as_utc - it->offset;
        const Instant end = std::next(it) != periods_.end() ? std::next(it)->begin : periods_end_;
        if (u >= it->begin && u < end) ++found, instant = u;
    }
    if (found == 1) return {LocalTimeKind::unique, instant};
    return {found == 0 ? LocalTimeKind::nonexistent : LocalTimeKind::ambiguous, {}};
}

Seconds Calendar::utc_offset(Instant t) const {
    if (t >= rule_from_) return rule_offset(t);
    if (in_table(t)) return table_offset(t);
    return zone_->get_info(t).offset;
}

LocalToInstant Calendar::to_instant(LocalTime t) const {
    if (rule_from_ != Instant::max() && t >= LocalTime{(rule_from_ + standard_offset_).time_since_epoch()} + std::chrono::hours{24})
        return rule_to_instant(t);
    constexpr std::chrono::hours margin{48};
    const Instant as_utc{t.time_since_epoch()};
    if (in_table(as_utc - margin) && in_table(as_utc + margin)) return table_to_instant(t);
    const date::local_info info = zone_->get_info(t);
    switch (info.result) {
        case date::local_info::unique: return {LocalTimeKind::unique, Instant{(t - info.first.offset).time_since_epoch()}};
        case date::local_info::nonexistent: return {LocalTimeKind::nonexistent, {}};
        default: return {LocalTimeKind::ambiguous, {}};
    }
}

const Calendar::MidnightDays* Calendar::midnight_days_of(LocalDay day) const {
    const std::int32_t n = day.time_since_epoch().count();
    if (n < day_blocks_from_ || midnight_days_.empty() || n > midnight_days_.back().last) return nullptr;
    std::size_t k = day_block_[static_cast<std::uint32_t>(n - day_blocks_from_) >> day_block_shift];
    while (midnight_days_[k].last < n) ++k;  // a block of 32 days holds two changes at most
    return midnight_days_[k].first <= n ? &midnight_days_[k] : nullptr;
}

Instant Calendar::start_of_local_day(LocalDay day) const {
    const LocalTime midnight{day};
    if (const MidnightDays* m = midnight_days_of(day)) return Instant{midnight.time_since_epoch()} - m->offset;
    const LocalToInstant r = to_instant(midnight);
    if (r.kind == LocalTimeKind::unique) return r.instant;
    // Copenhagen changes its clocks at 02:00/03:00 now, but not always: on 15 May 1940 they went
    // from 00:00 straight to 01:00, so that day has no midnight (found by tests/fuzz). A day
    // begins when its first wall-clock time begins, under the offset in force just before: after
    // a gap at midnight, the instant of the jump; in an overlap, the first of the two midnights.
    const Seconds before = utc_offset(Instant{midnight.time_since_epoch()} - std::chrono::hours{12});
    return Instant{(midnight - before).time_since_epoch()};
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

namespace {
// The k-th Monday-Friday strictly after d (k > 0).
LocalDay weekdays_after(LocalDay d, int k) {
    const int from_monday = static_cast<int>(date::weekday{d}.iso_encoding()) - 1;  // 0 Monday .. 6 Sunday
    const int friday_or_before = std::min(from_monday, 4);  // after a weekend day as after its Friday
    const int total = friday_or_before + k;  // weekdays from the week's Monday
    return d + date::days{7 * (total / 5) + total % 5 - from_monday};
}

LocalDay hverdage_walk(const Calendar& cal, LocalDay day0, int n) {
    LocalDay d = day0;
    for (int counted = 0; counted < n;) {
        d += date::days{1};
        if (cal.is_hverdag(d)) ++counted;
    }
    return d;
}
}  // namespace

LocalDay Calendar::hverdage_after(LocalDay day0, int n) const {
    // Within the holiday table by arithmetic: the n-th weekday after day0, then one weekday more
    // for each weekday holiday passed (weekday_holidays_, from day0's block on), until a step
    // passes none. The day walk this replaces was ~190 instructions a call (bench/ANALYSIS.md,
    // session 35); a result past the table's end takes the walk (holidays there are not listed).
    const LocalDay table_end = table_start_ + date::days{static_cast<int>(table_.size())};
    if (day0 >= table_start_ && day0 < table_end) {
        std::size_t h = weekday_holidays_through(day0);
        LocalDay d = day0;
        for (int step = n; step > 0;) {
            d = weekdays_after(d, step);
            for (step = 0; h < weekday_holidays_.size() && weekday_holidays_[h] <= d; ++h) ++step;
        }
        if (d < table_end) return d;
    }
    return hverdage_walk(*this, day0, n);
}

LocalDay Calendar::next_hverdag_from(LocalDay day) const {
    while (!is_hverdag(day)) day += date::days{1};
    return day;
}

LocalDay deemed_receipt(const Calendar& cal, LocalDay sent, DeliveryChannel channel, const DeemedReceiptOptions& options) {
    switch (channel) {
        case DeliveryChannel::digital:
        case DeliveryChannel::in_person: return sent;
        case DeliveryChannel::post: return cal.hverdage_after(sent, options.post_hverdage);
        case DeliveryChannel::quickpost: return days_after(sent, options.quickpost_days);
    }
    return sent;
}

namespace {
// Monday-Friday days from a fixed Monday (1970-01-05) up to and including `d`; negative before it.
std::int64_t weekdays_through(LocalDay d) {
    const std::int64_t n = d.time_since_epoch().count() - 4;
    const std::int64_t weeks = n >= 0 ? n / 7 : -((-n + 6) / 7);
    return 5 * weeks + std::min<std::int64_t>(n - 7 * weeks + 1, 5);
}
}  // namespace

int Calendar::hverdage_between(LocalDay from, LocalDay to) const {
    if (to < from) return -hverdage_between(to, from);
    // Within the holiday table: weekdays by arithmetic, less the weekday holidays between, counted
    // from holiday_block_ (weekday_holidays_through). A missed deadline's margin spans years, and walking it day by day was most
    // of judging one (bench/ANALYSIS.md).
    if (from >= table_start_ && to < table_start_ + date::days{static_cast<int>(table_.size())}) {
        const std::size_t holidays = weekday_holidays_through(to) - weekday_holidays_through(from);
        return static_cast<int>(weekdays_through(to) - weekdays_through(from) - static_cast<std::int64_t>(holidays));
    }
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
    visit_holidays_of_year(y, options_, [&](LocalDay day, Holiday h) { out.emplace_back(day, h); });
    return out;
}

}  // namespace barnetslov
