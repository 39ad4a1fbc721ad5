// The instant a Copenhagen day begins, remembered: the builder asks it of every date it reads,
// and the calendar answers with a search of its zone table (~150 instructions; issue 20).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "barnetslov/calendar.hpp"

namespace barnetslov::detail {

// calendar.start_of_local_day(day), from a table shared by all threads for the days asked
// before. The answer depends on the zone alone, which every Calendar reads the same
// (Europe/Copenhagen); the holiday options play no part in it.
//
// Inline where the day was asked before (a table word's load and a compare, where the call was
// ~27 instructions a date; issue 20, session 32); day_start_asked asks the calendar and keeps the
// answer. The table: direct-mapped, one 64-bit word a slot: the day (its number from 1900-01-01,
// plus one, so that 0 is an empty slot) in the upper half, the day's offset (local midnight minus
// its start, in seconds, biased to be unsigned) in the lower. A word is read and written whole,
// relaxed: a slot holds another day's or no answer, never a torn one, and then the calendar is asked.
constexpr std::size_t day_slots = 8192;  // 64 KiB: the days of some 22 years without a clash
constexpr std::int64_t day_offset_bias = std::int64_t{1} << 31;
extern std::atomic<std::uint64_t> day_table[day_slots];
[[nodiscard]] Instant day_start_asked(const Calendar& calendar, LocalDay day);
// The start of `day` if the table holds it (no call), else false.
[[nodiscard, gnu::always_inline]] inline bool day_start_held(LocalDay day, Instant& start) {
    const std::int64_t n = (day - calendar_first_day).count();
    if (n < 0 || n >= (std::int64_t{1} << 30)) return false;
    const std::uint64_t held = day_table[static_cast<std::size_t>(n) % day_slots].load(std::memory_order_relaxed);
    if ((held >> 32) != static_cast<std::uint64_t>(n + 1)) return false;
    start = Instant{LocalTime{day}.time_since_epoch()} - Seconds{static_cast<std::int64_t>(held & 0xFFFFFFFF) - day_offset_bias};
    return true;
}
[[nodiscard, gnu::always_inline]] inline Instant day_start(const Calendar& calendar, LocalDay day) {
    if (Instant start; day_start_held(day, start)) return start;
    return day_start_asked(calendar, day);
}

}  // namespace barnetslov::detail
