// What the loader harnesses (XML, JSON) check of what a loader gives: a case or errors (never
// both, never neither), at most Limits::max_errors errors, each with a message and a position
// inside the input, no CPR-shaped number and no raw control character in any message; and what
// loaded, evaluated by every rule and written as text and JSON, shows no CPR-shaped number either.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "fuzz_input.hpp"

namespace fuzz {

// DDMMYY-SSSS or DDMMYYSSSS with a day and month that could be a birth date, not inside a longer
// run of digits.
inline bool has_cpr_shape(std::string_view s) {
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        if (i > 0 && digit(i - 1)) continue;
        std::size_t j = i, n = 0;
        while (n < 6 && digit(j)) ++j, ++n;
        if (n != 6) continue;
        if (j < s.size() && s[j] == '-') ++j;
        std::size_t m = 0;
        while (m < 4 && digit(j)) ++j, ++m;
        if (m != 4 || digit(j)) continue;
        const int dd = (s[i] - '0') * 10 + (s[i + 1] - '0'), mm = (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) return true;
    }
    return false;
}

// A control character (C0 or DEL) other than those in `allowed`: messages and reports escape them.
inline bool has_control_character(std::string_view s, std::string_view allowed) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        return ((c >= 0 && c < 0x20) || c == 0x7F) && allowed.find(c) == std::string_view::npos;
    });
}

inline const barnetslov::Engine& engine() {
    static const barnetslov::Engine e;
    return e;
}

// `lines`: how many lines the input has, as the loader counts them.
inline void check_load(const barnetslov::LoadResult& r, std::string_view source, std::size_t lines, const barnetslov::Limits& limits) {
    using namespace barnetslov;
    FUZZ_CHECK(r.ok() == r.errors.empty());
    FUZZ_CHECK(r.errors.size() <= limits.max_errors);
    for (const InputError& e : r.errors) {
        FUZZ_CHECK(!e.message.empty() && e.source == source);
        FUZZ_CHECK(e.location.line <= lines && (e.location.line == 0) == (e.location.column == 0));
        FUZZ_CHECK(!has_cpr_shape(e.to_string()));
        FUZZ_CHECK(!has_control_character(e.to_string(), ""));
    }
    if (!r.ok()) return;
    // As of a time after every event, so that each rule has something to judge.
    const Instant as_of = engine().calendar().start_of_local_day(local_day(2026, 1, 1));
    const Report report = engine().evaluate(r.kase, as_of);
    std::string out;
    write_text(out, engine(), report, Lang::en);
    write_text(out, engine(), report, Lang::da);
    FUZZ_CHECK(!has_cpr_shape(out));
    FUZZ_CHECK(!has_control_character(out, "\n"));
    const std::string json = case_to_json(engine(), report);
    FUZZ_CHECK(!json.empty());
}

}  // namespace fuzz
