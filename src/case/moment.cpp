// Date and timestamp values as the law README reads them: a date alone is that local day; a
// time without an offset is Copenhagen time, refused in the spring gap and the autumn overlap.
#include "barnetslov/case_builder.hpp"

#include <atomic>
#include <cstdint>

#include "case/day_start.hpp"

namespace barnetslov {
namespace {

class Cursor {
public:
    explicit Cursor(std::string_view s) : s_(s) {}
    bool digits(std::size_t n, int& out) {
        if (pos_ + n > s_.size()) return false;
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const char c = s_[pos_ + i];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        pos_ += n;
        out = v;
        return true;
    }
    bool lit(char c) {
        if (pos_ < s_.size() && s_[pos_] == c) { ++pos_; return true; }
        return false;
    }
    // YYYY-MM-DD at the cursor, as digits(4), lit('-'), digits(2), lit('-'), digits(2) would
    // read it: the ten bytes tested at once instead of one call and bounds check a character
    // (issue 20, second pass: nine values in ten are dates or start with one).
    bool date(int& y, int& m, int& d) {
        if (pos_ + 10 > s_.size()) return false;
        const char* p = s_.data() + pos_;
        unsigned bad = (p[4] != '-') | (p[7] != '-');
        for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) bad |= static_cast<unsigned>(static_cast<unsigned char>(p[i] - '0') > 9);
        if (bad) return false;
        const auto digit = [p](int i) { return p[i] - '0'; };
        y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
        m = digit(5) * 10 + digit(6);
        d = digit(8) * 10 + digit(9);
        pos_ += 10;
        return true;
    }
    bool done() const { return pos_ == s_.size(); }
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    void skip_digits() { while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};


bool read_date(Cursor& c, LocalDay& out, MomentParse& why) {
    int y = 0, m = 0, d = 0;
    if (!c.date(y, m, d)) {
        why = MomentParse::not_a_date;
        return false;
    }
    const date::year_month_day ymd{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
    if (!ymd.ok()) { why = MomentParse::not_a_date; return false; }
    if (y < calendar_first_year || y > calendar_last_year) { why = MomentParse::out_of_range; return false; }
    out = LocalDay{ymd};
    return true;
}

}  // namespace

std::atomic<std::uint64_t> detail::day_table[detail::day_slots];

Instant detail::day_start_asked(const Calendar& calendar, LocalDay day) {
    const std::int64_t n = (day - calendar_first_day).count();
    if (n < 0 || n >= (std::int64_t{1} << 30)) return calendar.start_of_local_day(day);
    const Instant midnight{LocalTime{day}.time_since_epoch()};
    const Instant start = calendar.start_of_local_day(day);
    const std::int64_t offset = (midnight - start).count();  // hours at most
    if (offset > -day_offset_bias && offset < day_offset_bias)
        day_table[static_cast<std::size_t>(n) % day_slots].store(static_cast<std::uint64_t>(n + 1) << 32 | static_cast<std::uint64_t>(offset + day_offset_bias),
                                                                 std::memory_order_relaxed);
    return start;
}

ParsedMoment parse_date(std::string_view text) {
    Cursor c(text);
    ParsedMoment r;
    LocalDay day;
    if (!read_date(c, day, r.status)) return r;
    if (!c.done()) return {MomentParse::not_a_date, {}};
    r.moment = Moment{Instant{}, day, false};
    return r;
}

ParsedMoment parse_moment(std::string_view text, const Calendar& calendar) {
    Cursor c(text);
    ParsedMoment r;
    LocalDay day;
    if (!read_date(c, day, r.status)) return r;
    if (c.done()) {
        r.moment = Moment{detail::day_start(calendar, day), day, false};
        return r;
    }
    int hh = 0, mm = 0, ss = 0;
    if (!c.lit('T') || !c.digits(2, hh) || !c.lit(':') || !c.digits(2, mm)) return {MomentParse::not_a_time, {}};
    if (c.lit(':')) {
        if (!c.digits(2, ss)) return {MomentParse::not_a_time, {}};
        if (c.lit('.')) {
            if (c.peek() < '0' || c.peek() > '9') return {MomentParse::not_a_time, {}};
            c.skip_digits();  // fractions of a second are below what any rule counts
        }
    }
    if (hh > 23 || mm > 59 || ss > 59) return {MomentParse::not_a_time, {}};
    const LocalTime wall = LocalTime{day} + std::chrono::hours{hh} + std::chrono::minutes{mm} + Seconds{ss};

    if (c.done()) {  // Copenhagen wall-clock time
        const LocalToInstant li = calendar.to_instant(wall);
        if (li.kind == LocalTimeKind::nonexistent) return {MomentParse::gap, {}};
        if (li.kind == LocalTimeKind::ambiguous) return {MomentParse::overlap, {}};
        r.moment = Moment{li.instant, day, true};
        return r;
    }
    int sign = 1, oh = 0, om = 0;
    if (!c.lit('Z')) {
        if (c.lit('-')) sign = -1;
        else if (!c.lit('+')) return {MomentParse::not_a_time, {}};
        if (!c.digits(2, oh) || !c.lit(':') || !c.digits(2, om) || oh > 18 || om > 59) return {MomentParse::not_a_time, {}};
    }
    if (!c.done()) return {MomentParse::not_a_time, {}};
    const Seconds offset = sign * (std::chrono::hours{oh} + std::chrono::minutes{om});
    const Instant instant{(wall - offset).time_since_epoch()};
    // The local day is Copenhagen's, whatever offset the writer used.
    r.moment = Moment{instant, calendar.local_day(instant), true};
    return r;
}

}  // namespace barnetslov
