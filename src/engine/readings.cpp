#include "barnetslov/readings.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "barnetslov/echo.hpp"

namespace barnetslov {
namespace {

constexpr std::array<std::string_view, 8> names = {
    "supervision-year", "kvittering-to", "grundlovsdag", "juleaftensdag",
    "nytaarsaftensdag", "receipt-post-hverdage", "receipt-quickpost-days", "before-record-months",
};

std::string_view day_word(bool holiday) { return holiday ? "holiday" : "working"; }

// A whole number in [lo, hi] written without sign, spaces or leading '+'.
bool parse_int(std::string_view s, int lo, int hi, int& out) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty() || s.front() == '-' || v < lo || v > hi) return false;
    out = v;
    return true;
}

// The user's value is echoed quoted and made printable (echo.hpp): it may come from a command
// line or a C caller, and a message goes to logs.
std::string bad_value(std::string_view name, std::string_view value, std::string_view valid) {
    std::string m = "reading '";
    m.append(name).append("': ").append(quoted(value)).append(" is not a valid value (valid: ").append(valid).append(")");
    return m;
}

// Each reading's value in the README's order; is_default set, default_value not yet.
std::vector<ReadingValue> values(const Readings& r, const HolidayOptions& h) {
    const Readings dr{};
    const HolidayOptions dh{};
    auto num = [](int v) { return std::to_string(v); };
    return {
        {"supervision-year", r.supervision_year == SupervisionYear::placement ? "placement" : "calendar",
         r.supervision_year == dr.supervision_year},
        {"kvittering-to", r.kvittering_to == KvitteringTo::professional ? "professional" : "all", r.kvittering_to == dr.kvittering_to},
        {"grundlovsdag", std::string(day_word(h.grundlovsdag)), h.grundlovsdag == dh.grundlovsdag},
        {"juleaftensdag", std::string(day_word(h.juleaftensdag)), h.juleaftensdag == dh.juleaftensdag},
        {"nytaarsaftensdag", std::string(day_word(h.nytaarsaftensdag)), h.nytaarsaftensdag == dh.nytaarsaftensdag},
        {"receipt-post-hverdage", num(r.receipt.post_hverdage), r.receipt.post_hverdage == dr.receipt.post_hverdage},
        {"receipt-quickpost-days", num(r.receipt.quickpost_days), r.receipt.quickpost_days == dr.receipt.quickpost_days},
        {"before-record-months", num(r.before_record_months), r.before_record_months == dr.before_record_months},
    };
}

}  // namespace

std::span<const std::string_view> reading_names() { return names; }

std::vector<ReadingValue> describe_readings(const Readings& r, const HolidayOptions& h) {
    std::vector<ReadingValue> out = values(r, h);
    const std::vector<ReadingValue> defaults = values(Readings{}, HolidayOptions{});
    for (std::size_t i = 0; i < out.size(); ++i) out[i].default_value = defaults[i].value;
    return out;
}

std::string set_reading(Readings& r, HolidayOptions& h, std::string_view name, std::string_view value) {
    auto holiday = [&](bool& flag) -> std::string {
        if (value == "holiday") flag = true;
        else if (value == "working") flag = false;
        else return bad_value(name, value, "holiday, working");
        return {};
    };
    if (name == "supervision-year") {
        if (value == "placement") r.supervision_year = SupervisionYear::placement;
        else if (value == "calendar") r.supervision_year = SupervisionYear::calendar;
        else return bad_value(name, value, "placement, calendar");
        return {};
    }
    if (name == "kvittering-to") {
        if (value == "professional") r.kvittering_to = KvitteringTo::professional;
        else if (value == "all") r.kvittering_to = KvitteringTo::all;
        else return bad_value(name, value, "professional, all");
        return {};
    }
    if (name == "grundlovsdag") return holiday(h.grundlovsdag);
    if (name == "juleaftensdag") return holiday(h.juleaftensdag);
    if (name == "nytaarsaftensdag") return holiday(h.nytaarsaftensdag);
    if (name == "receipt-post-hverdage")
        return parse_int(value, 0, 20, r.receipt.post_hverdage) ? std::string{} : bad_value(name, value, "a whole number 0-20");
    if (name == "receipt-quickpost-days")
        return parse_int(value, 0, 20, r.receipt.quickpost_days) ? std::string{} : bad_value(name, value, "a whole number 0-20");
    if (name == "before-record-months")
        return parse_int(value, 1, 24, r.before_record_months) ? std::string{} : bad_value(name, value, "a whole number 1-24");
    std::string m = "unknown reading ";
    m.append(quoted(name)).append(" (readings: ");
    for (std::size_t i = 0; i < names.size(); ++i) m.append(i ? ", " : "").append(names[i]);
    return m.append(")");
}

std::string set_readings(Readings& readings, HolidayOptions& holidays, std::span<const std::pair<std::string_view, std::string_view>> given) {
    // On copies, so that a problem half-way leaves the caller's options as they were.
    Readings r = readings;
    HolidayOptions h = holidays;
    for (auto it = given.begin(); it != given.end(); ++it) {
        if (std::any_of(given.begin(), it, [&](const auto& earlier) { return earlier.first == it->first; }))
            return "reading " + quoted(it->first) + " given twice";
        if (std::string m = set_reading(r, h, it->first, it->second); !m.empty()) return m;
    }
    readings = r;
    holidays = h;
    return {};
}

}  // namespace barnetslov
