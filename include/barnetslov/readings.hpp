// The readings a user may choose (law README, "Readings settled after the statute and authority
// review": "Readings a user may choose"). Every report states the readings it was judged by, so a
// figure is never quoted without the interpretation behind it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "barnetslov/calendar.hpp"

namespace barnetslov {

// § 156 stk. 5's "per year": the 12-month windows from the placement start (default) or the
// calendar years.
enum class SupervisionYear : std::uint8_t { placement, calendar };

// §§ 136-137's kvittering: owed to a professional notifier (default) or to every notifier.
enum class KvitteringTo : std::uint8_t { professional, all };

struct Readings {
    SupervisionYear supervision_year = SupervisionYear::placement;
    KvitteringTo kvittering_to = KvitteringTo::professional;
    // receipt-post-hverdage (0-20) and receipt-quickpost-days (0-20).
    DeemedReceiptOptions receipt{};
    // How far before a decision an unlinked record (views, hearing, information, consent,
    // statement, plan) may be dated and still serve it (1-24 months; the serving rule).
    int before_record_months = 6;
};

// One named reading and its value as the user would write it ("supervision-year", "placement").
struct ReadingValue {
    std::string name;
    std::string value;
    bool is_default = true;
    std::string default_value{};  // the README's default ("placement"), for "working (default holiday)"
};

// Every choosable reading with its value, in the README's order: the holiday options
// (grundlovsdag, juleaftensdag, nytaarsaftensdag) come from `holidays`, the rest from `readings`.
[[nodiscard]] std::vector<ReadingValue> describe_readings(const Readings& readings, const HolidayOptions& holidays);

// Sets reading `name` to `value` ("supervision-year", "calendar"). Returns an empty string on
// success, else a message naming the reading and its valid values; nothing is changed then.
[[nodiscard]] std::string set_reading(Readings& readings, HolidayOptions& holidays, std::string_view name, std::string_view value);

// Sets every (name, value) of `given` in order, as set_reading does; a name given twice is
// refused, since two values for one reading are a mistake, not a wish. Returns an empty string
// on success, else the message of the first problem; nothing is changed then.
[[nodiscard]] std::string set_readings(Readings& readings, HolidayOptions& holidays,
                                       std::span<const std::pair<std::string_view, std::string_view>> given);

// The names a user may set, in the README's order.
[[nodiscard]] std::span<const std::string_view> reading_names();

}  // namespace barnetslov
