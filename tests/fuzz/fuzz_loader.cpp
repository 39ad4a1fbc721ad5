// The XML loader on arbitrary bytes, and whatever it accepts evaluated by every rule and written
// as text and JSON. Checked: no crash, a case or errors (never both, never neither), at most
// Limits::max_errors errors, each with a message and a position inside the input, and no
// CPR-shaped number in any message or text report (privacy: the loader refuses CPR numbers
// outside a cpr attribute, and never echoes one), nor a raw control character.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "fuzz_input.hpp"

using namespace barnetslov;

namespace {

const Engine& engine() {
    static const Engine e;
    return e;
}

// DDMMYY-SSSS or DDMMYYSSSS with a day and month that could be a birth date, not inside a longer
// run of digits.
bool has_cpr_shape(std::string_view s) {
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
bool has_control_character(std::string_view s, std::string_view allowed) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        return ((c >= 0 && c < 0x20) || c == 0x7F) && allowed.find(c) == std::string_view::npos;
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Limits limits;
    limits.max_file_bytes = 1u << 20;
    const LoadResult r = load_case_buffer(text, "fuzz.xml", engine().calendar(), limits);
    FUZZ_CHECK(r.ok() == r.errors.empty());
    FUZZ_CHECK(r.errors.size() <= limits.max_errors);
    // Lines end at LF, CRLF or a CR alone, as the loader counts them (XML 1.0 2.11).
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    for (const InputError& e : r.errors) {
        FUZZ_CHECK(!e.message.empty() && e.source == "fuzz.xml");
        FUZZ_CHECK(e.location.line <= lines && (e.location.line == 0) == (e.location.column == 0));
        FUZZ_CHECK(!has_cpr_shape(e.to_string()));
        FUZZ_CHECK(!has_control_character(e.to_string(), ""));
    }
    if (!r.ok()) return 0;
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
    return 0;
}
