// Copenhagen local time <-> Unix seconds for C callers, through the engine's calendar and the
// loader's own reading of a moment, so that a time a vendor converts here and the same time in
// a case file can never be read differently.
#include "internal.hpp"

#include <array>

#include "barnetslov/calendar.hpp"

using namespace barnetslov;
using namespace bl_detail;

namespace {

// The instant `text` names, or BL_ERROR_INPUT with the loader's words for why it names none.
bl_status parse_into(std::int64_t* out, const Engine& engine, std::string_view text, const char* function) {
    const ParsedMoment p = parse_moment(text, engine.calendar());
    if (p.status != MomentParse::ok)
        return failf(BL_ERROR_INPUT, "{}: {} {}", function, shown(text), moment_problem_text(p.status, text, engine.calendar()));
    *out = p.moment.instant.time_since_epoch().count();
    return ok();
}

struct Part {
    const char* name;
    int value, low, high;
};

}  // namespace

extern "C" {

bl_status bl_time_parse(int64_t* out, const bl_engine* engine, const char* text) {
    if (out) *out = 0;
    if (!out || !engine || !text) return fail(BL_ERROR_ARGUMENT, "bl_time_parse: out, engine and text must not be NULL");
    return guarded("bl_time_parse", [&] { return parse_into(out, engine->engine, text, "bl_time_parse"); });
}

bl_status bl_time_from_local(int64_t* out, const bl_engine* engine, int year, int month, int day, int hour, int minute,
                             int second) {
    if (out) *out = 0;
    if (!out || !engine) return fail(BL_ERROR_ARGUMENT, "bl_time_from_local: out and engine must not be NULL");
    return guarded("bl_time_from_local", [&] {
        const std::array<Part, 6> parts{{{"year", year, calendar_first_year, calendar_last_year},
                                         {"month", month, 1, 12},
                                         {"day", day, 1, 31},
                                         {"hour", hour, 0, 23},
                                         {"minute", minute, 0, 59},
                                         {"second", second, 0, 59}}};
        for (const Part& p : parts)
            if (p.value < p.low || p.value > p.high)
                return failf(BL_ERROR_ARGUMENT, "bl_time_from_local: {} {} is outside {}-{}", p.name, p.value, p.low, p.high);
        if (!date::year_month_day{date::year{year}, date::month{unsigned(month)}, date::day{unsigned(day)}}.ok())
            return failf(BL_ERROR_ARGUMENT, "bl_time_from_local: {:04}-{:02}-{:02} is not a day of the calendar", year, month, day);
        // Written out as a case file would hold it, so that the loader's reading and its
        // messages (the gap, the overlap) are the ones that apply.
        const std::string text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second);
        return parse_into(out, engine->engine, text, "bl_time_from_local");
    });
}

bl_status bl_time_format(char* out, size_t size, const bl_engine* engine, int64_t instant) {
    if (out && size > 0) out[0] = '\0';
    if (!out || !engine) return fail(BL_ERROR_ARGUMENT, "bl_time_format: out and engine must not be NULL");
    if (size < BL_TIME_TEXT_SIZE)
        return failf(BL_ERROR_RANGE, "bl_time_format: the buffer of {} bytes is smaller than BL_TIME_TEXT_SIZE ({})", size,
                     BL_TIME_TEXT_SIZE);
    if (!instant_in_range(instant))
        return failf(BL_ERROR_ARGUMENT, "bl_time_format: the instant {} is {}", instant, instant_range_text);
    return guarded("bl_time_format", [&] {
        const Instant t{Seconds{instant}};
        const Seconds utc_offset = engine->engine.calendar().utc_offset(t);
        const auto offset = std::chrono::duration_cast<std::chrono::minutes>(utc_offset).count();
        const LocalTime local{(t + utc_offset).time_since_epoch()};
        const LocalDay day = date::floor<date::days>(local);
        const date::hh_mm_ss<Seconds> clock{local - day};
        const auto ymd = date::year_month_day{day};
        const auto end = fmt::format_to_n(out, size - 1, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", int(ymd.year()),
                                          unsigned(ymd.month()), unsigned(ymd.day()), clock.hours().count(),
                                          clock.minutes().count(), clock.seconds().count(), offset < 0 ? '-' : '+',
                                          std::abs(offset) / 60, std::abs(offset) % 60);
        *end.out = '\0';
        return ok();
    });
}

}  // extern "C"
