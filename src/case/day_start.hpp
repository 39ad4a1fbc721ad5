// The instant a Copenhagen day begins, remembered: the builder asks it of every date it reads,
// and the calendar answers with a search of its zone table (~150 instructions; issue 20).
#pragma once

#include "barnetslov/calendar.hpp"

namespace barnetslov::detail {

// calendar.start_of_local_day(day), from a table shared by all threads for the days asked
// before. The answer depends on the zone alone, which every Calendar reads the same
// (Europe/Copenhagen); the holiday options play no part in it.
[[nodiscard]] Instant day_start(const Calendar& calendar, LocalDay day);

}  // namespace barnetslov::detail
