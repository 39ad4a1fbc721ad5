// One set of checks for every way a case comes in (XML loader, C++ and C builders).
#include "barnetslov/case_builder.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/container/small_vector.hpp>
#include <fmt/format.h>

#include "barnetslov/echo.hpp"
#include "case/builder_access.hpp"
#include "case/case_spare.hpp"
#include "case/day_start.hpp"
#include "case/name_index.hpp"
#include "case/text_block.hpp"
#include "case/thread_kept.hpp"

namespace barnetslov {

bool CaseBuilder::utf8_ok(std::string_view a, std::string_view b) const {
    return utf8_checked_ || (valid_utf8(a) && valid_utf8(b));
}

std::string InputError::to_string() const {
    if (location.line == 0) return fmt::format("{}: {}", source, message);
    return fmt::format("{}:{}:{}: {}", source, location.line, location.column, message);
}

namespace {

// `rejected`: a begin_* call failed and reported why; the element's attributes are ignored.
enum class Open { none, child, person, event, rejected };

// The attribute names of the case, the child, a party or a sibling, as the vocabulary lists them
// ("id, municipality, unit"): what a message about an unknown one offers instead.
std::string attr_list(std::string_view element) {
    std::string out;
    for (const CaseAttrSpec& a : case_element_spec(element).attrs) {
        if (!out.empty()) out += ", ";
        out += a.name;
    }
    return out;
}

// `v` is the word `w`: a length test and an inlined compare (string_view's == was a call).
template <std::size_t N>
bool is_word(std::string_view v, const char (&w)[N]) {
    return v.size() == N - 1 && detail::same_bytes(v.data(), w, N - 1);  // memcmp stayed a call for "false"
}

// The characters of an id, by byte: one load a character instead of five ranges (issue 20).
constexpr std::array<bool, 256> id_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                                         c == '_' || c == '.' || c == ':';
    return t;
}();

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return id_chars[static_cast<unsigned char>(c)]; });
}

// One pass over an id, a pseudonym or a list of ids that both checks its characters and rules
// out a CPR number: `v` is 1 to `max` bytes, each one that `kind` allows, and has fewer than ten
// ASCII digits. Such a text is ASCII without '&', which find_cpr answers "none" for at once
// (echo.cpp: ascii_with_few_digits, may_hold_digits); so where this says true, valid_id (for
// id_text_id) is true and looks_like_cpr false, and neither is called. False says nothing: the
// caller checks as before. Ids and references were scanned three times each (valid_id, the CPR
// detector, the copy; issue 20, session 28).
// The weight of a byte in such a text: 1 for an ASCII digit, 0 for another allowed byte, 64 for
// any other (so that one sum, one add a byte, answers both questions: below 10 or not).
enum IdText : std::uint8_t { id_text_id, id_text_pseudonym, id_text_id_list };
constexpr std::array<std::array<std::uint8_t, 256>, 3> id_text_weights = [] {
    std::array<std::array<std::uint8_t, 256>, 3> t{};
    for (int c = 0; c < 256; ++c) {
        const auto i = static_cast<std::size_t>(c);
        const bool digit = c >= '0' && c <= '9';
        t[id_text_id][i] = digit ? 1 : id_chars[i] ? 0 : 64;                      // valid_id's characters
        t[id_text_pseudonym][i] = digit ? 1 : id_chars[i] && c != ':' ? 0 : 64;  // a pseudonym's: no ':'
        t[id_text_id_list][i] = digit ? 1 : id_chars[i] || c == ' ' ? 0 : 64;     // ids joined by spaces
    }
    return t;
}();
[[gnu::always_inline]] inline bool plain_id_text(std::string_view v, IdText kind, std::size_t max) {
    if (v.empty() || v.size() > max) return false;
    const std::array<std::uint8_t, 256>& weight = id_text_weights[kind];
    std::size_t sum = 0;
    for (const char c : v) {
        sum += weight[static_cast<unsigned char>(c)];
        // Not vectorised: for the few values of 16 bytes or more, GCC's vector loop kept a frame
        // of 1 KiB and six saved registers in event_attribute for every attribute (issue 20, session 33).
        asm("" : "+r"(sum));
    }
    return sum < 10;
}

// The first day of each month of the calendar's years (1900-01 to 2199-12) as days since
// 1970-01-01, times 32, plus the month's length: a date written YYYY-MM-DD is then read with one
// table load, where year_month_day's checks and its days-from-civil arithmetic made parse_moment
// ~160 instructions a date (issue 20, session 29).
constexpr auto month_starts = [] {
    std::array<std::int32_t, 12 * (calendar_last_year - calendar_first_year + 1)> t{};
    for (int y = calendar_first_year; y <= calendar_last_year; ++y)
        for (unsigned m = 1; m <= 12; ++m) {
            const date::year_month_day first{date::year{y}, date::month{m}, date::day{1}};
            const auto days = date::sys_days{first}.time_since_epoch().count();
            const auto length = static_cast<unsigned>(date::year_month_day_last{date::year{y}, date::month_day_last{date::month{m}}}.day());
            t[static_cast<std::size_t>(y - calendar_first_year) * 12 + m - 1] = static_cast<std::int32_t>(days * 32 + static_cast<int>(length));
        }
    return t;
}();

// `v` is a date of the calendar's years written YYYY-MM-DD: its day, as parse_date and
// parse_moment read it. False for anything else (another form, a day that does not exist, a year
// outside them), which the caller then reads the full way, for the same answer or its message.
// The ten bytes are tested as two words: digits by (c & 0xF0) == 0x30 and ((c + 6) & 0xF0) == 0x30
// (no carry leaves a byte that passes the first test), the dashes by a compare.
[[gnu::always_inline]] inline bool plain_date(std::string_view v, LocalDay& day) {
    if (v.size() != 10) return false;
    const std::uint64_t a = detail::load8(v.data());
    std::uint16_t b;
    std::memcpy(&b, v.data() + 8, 2);
    constexpr std::uint64_t digits = 0x00FFFF00FFFFFFFFu;  // bytes 0-3, 5 and 6 (little-endian)
    constexpr std::uint64_t high = 0xF0F0F0F0F0F0F0F0u & digits, thirty = 0x3030303030303030u & digits, six = 0x0606060606060606u & digits;
    if ((a & ~digits) != 0x2D00002D00000000u || (a & high) != thirty || ((a + six) & high) != thirty) return false;
    if ((b & 0xF0F0u) != 0x3030u || ((b + 0x0606u) & 0xF0F0u) != 0x3030u) return false;
    const int y = int(a & 0xF) * 1000 + int((a >> 8) & 0xF) * 100 + int((a >> 16) & 0xF) * 10 + int((a >> 24) & 0xF);
    const unsigned m = unsigned((a >> 40) & 0xF) * 10 + unsigned((a >> 48) & 0xF);
    const int d = int(b & 0xF) * 10 + int((b >> 8) & 0xF);
    if (y < calendar_first_year || y > calendar_last_year || m - 1 >= 12) return false;
    const std::int32_t start = month_starts[static_cast<std::size_t>(y - calendar_first_year) * 12 + m - 1];
    if (d < 1 || d > (start & 31)) return false;
    day = LocalDay{date::days{(start >> 5) + d - 1}};
    return true;
}

std::string enum_list(std::span<const Value> values) {
    std::string out;
    for (Value v : values) {
        if (!out.empty()) out += ", ";
        out += value_name(v);
    }
    return out;
}

// The spec of attribute `name` of an event of `spec`'s type, and which attribute the name is: a
// table of each type's attributes by Attr, built once, and the vocabulary's hash of names. The
// loader looks up every attribute it reads; comparing the name with each of the event's names
// was ~130 instructions an attribute (issue 20). `attr` is set for "id" whether or not the type
// lists it, and for no other name the type does not have.
//
// The names are looked up here, in an instance of the vocabulary's own index (name_index.hpp) under
// the same static as the type table: inlined into event_attribute, without attr_from_name's call,
// guard and six saved registers (~70 instructions a name; issue 20, second pass).
struct EventAttrTables {
    // by_type[type][attr]: the attribute's spec in its type's list (the first, should one appear
    // twice), or nullptr: one load, where a position in the list was five instructions more an
    // attribute (issue 20, session 34).
    std::vector<std::array<const AttrSpec*, attr_count>> by_type;
    detail::NameIndex<Attr> names;
    // The vocabulary's values by name, as value_from_name finds them (enum_value).
    detail::NameIndex<Value> values;
    std::array<std::string_view, attr_count> attr_names;  // attr_name's, without its call
    // Each type's required attributes (and id) as one set: an event that has them all, as most
    // do, is one test instead of a walk of its type's attribute list (close_open_element).
    std::vector<std::bitset<attr_count>> required;
};
const EventAttrTables& event_attr_tables() {
    static const EventAttrTables tables = [] {
        std::array<std::string_view, attr_count> names{};
        for (std::size_t a = 0; a < attr_count; ++a) names[a] = attr_name(static_cast<Attr>(a));
        std::array<std::string_view, static_cast<std::size_t>(Value::count_)> values{};
        for (std::size_t v = 0; v < values.size(); ++v) values[v] = value_name(static_cast<Value>(v));
        EventAttrTables t{std::vector<std::array<const AttrSpec*, attr_count>>(event_type_count), detail::NameIndex<Attr>(names),
                          detail::NameIndex<Value>(values), names, std::vector<std::bitset<attr_count>>(event_type_count)};
        for (const EventSpec& e : event_specs()) {
            for (std::size_t i = e.attrs.size(); i-- > 0;)
                t.by_type[static_cast<std::size_t>(e.type)][static_cast<std::size_t>(e.attrs[i].attr)] = &e.attrs[i];
            auto& required = t.required[static_cast<std::size_t>(e.type)];
            required.set(static_cast<std::size_t>(Attr::id));
            for (const AttrSpec& a : e.attrs)
                if (a.required) required.set(static_cast<std::size_t>(a.attr));
        }
        return t;
    }();
    return tables;
}
// `row` is tables.by_type[spec.type]: the builder keeps it and the tables' address for the open
// event, where the static's guard and the row's address were ~6 instructions an attribute (issue
// 20, session 32).
[[gnu::always_inline]] inline const AttrSpec* event_attr_spec(const EventAttrTables& tables, const AttrSpec* const* const& row,
                                                              std::string_view name, std::optional<Attr>& attr) {
    attr = tables.names.find(name);
    if (!attr) return nullptr;
    // The row read here, after the name's lookup (hence by reference), not before it: GCC loaded
    // it (and the spec, before session 34), and the open event's address, at event_attribute's
    // start and kept them through the lookup in saved registers and on the stack (~8
    // instructions an attribute; issue 20, session 33).
    asm("" ::: "memory");
    const AttrSpec* const as = row[static_cast<std::size_t>(*attr)];
    if (!as && *attr != Attr::id) attr.reset();
    return as;
}

// An event's id appended (an std::string's append may call): out of line, for event_attribute's
// tail call.
[[gnu::noinline]] bool append_id(std::string& id, std::string_view value) {
    id.append(value.data(), value.size());
    return true;
}

// A Copenhagen wall-clock time written YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss on a day of 24 hours
// (no clock change in it): the moment parse_moment reads, the day's start from day_start plus the
// time, without parse_moment's date checks and the calendar's search of its zone table (~260 ->
// ~190 instructions a time; issue 20, session 32). False for anything else, which the caller then
// reads the full way, for the same answer or its message. Out of line: event_attribute calls it
// for ~1 value in 40.
[[gnu::noinline]] bool plain_wall_clock(const Calendar& calendar, std::string_view v, Moment& out) {
    if ((v.size() != 16 && v.size() != 19) || v[10] != 'T' || v[13] != ':' || (v.size() == 19 && v[16] != ':')) return false;
    LocalDay day;
    if (!plain_date(v.substr(0, 10), day)) return false;
    const auto two_digits = [v](std::size_t i, unsigned& n) {
        const unsigned a = static_cast<unsigned char>(v[i]) - unsigned{'0'}, b = static_cast<unsigned char>(v[i + 1]) - unsigned{'0'};
        n = a * 10 + b;
        return a < 10 && b < 10;
    };
    unsigned hh = 0, mm = 0, ss = 0;
    if (!two_digits(11, hh) || !two_digits(14, mm) || (v.size() == 19 && !two_digits(17, ss))) return false;
    // The calendar's last day is left to parse_moment: the next is outside the calendar's years.
    static constexpr LocalDay last_day = LocalDay{date::year{calendar_last_year} / 12 / 31};
    if (hh > 23 || mm > 59 || ss > 59 || day >= last_day) return false;
    const Instant start = detail::day_start(calendar, day);
    if (detail::day_start(calendar, day + date::days{1}) - start != std::chrono::hours{24}) return false;
    out = Moment{start + Seconds{hh * 3600 + mm * 60 + ss}, day, true};
    return true;
}

// The value of enumerated attribute `as` named `value`, or none when it names none of the
// attribute's values: what value_from_name and a search of as.values gave, from the tables'
// instance of the same index (the vocabulary's names, the first of equal names winning) and a
// search of the attribute's values by number. Comparing `value` with the names of the
// attribute's values was ~52 instructions an enumerated value, behind a static's guard (issue 20,
// session 33).
[[gnu::always_inline]] inline std::optional<Value> enum_value(const EventAttrTables& tables, const AttrSpec& as, std::string_view value) {
    const auto v = tables.values.find(value);
    if (v)
        for (const Value x : as.values)  // std::find was a call
            if (x == *v) return v;
    return std::nullopt;
}

// The spec of the event type named `element`, or nullptr: event_type_from_element, with its own
// instance of the same index, so that the lookup inlines into begin_event (the call, its guard and
// saved registers were half of its ~70 instructions; issue 20, session 28), and the spec from the
// same static (event_spec() was a call and a range check an event; session 32).
struct EventSpecTable {
    detail::NameIndex<EventType> index;
    std::array<const EventSpec*, event_type_count> specs;
};
// Out of line: inlined, its locals gave begin_event a frame of 1 KiB and made GCC keep the
// builder's state on the stack (issue 20, session 34).
[[gnu::noinline]] EventSpecTable make_event_spec_table() {
    std::array<std::string_view, event_type_count> names{};
    for (const EventSpec& e : event_specs()) names[static_cast<std::size_t>(e.type)] = e.element;
    EventSpecTable t{detail::NameIndex<EventType>(names), {}};
    for (std::size_t i = 0; i < event_type_count; ++i) t.specs[i] = &event_spec(static_cast<EventType>(i));
    return t;
}
[[gnu::always_inline]] inline const EventSpec* event_spec_of(std::string_view element) {
    static const EventSpecTable table = make_event_spec_table();
    const auto type = table.index.find(element);
    return type ? table.specs[static_cast<std::size_t>(*type)] : nullptr;
}

// Privacy: a CPR number is accepted only where it belongs (the child's and a sibling's cpr); in
// any other attribute it is refused, so that no id, name or label the library prints, and no
// message, can carry one. The value is not shown.
constexpr const char* cpr_elsewhere =
    "looks like a CPR number, which belongs only in the cpr attribute of the child or a sibling (the value is not shown)";

// The clock change that makes the wall-clock time `text` (a value parse_moment found in a gap or
// an overlap) not exist or occur twice: its instant, and the offsets before and after it. Found
// from the calendar, because not every change was at 02:00/03:00: on 15 May 1940 Copenhagen went
// from 00:00 straight to 01:00, on 14 May 1916 from 23:00 to 00:00.
struct ClockChange {
    Instant at;
    Seconds before, after;
};
std::optional<ClockChange> clock_change_at(std::string_view text, const Calendar& calendar) {
    int v[5] = {};
    constexpr std::size_t starts[] = {0, 5, 8, 11, 14}, lengths[] = {4, 2, 2, 2, 2};
    if (text.size() < 16) return std::nullopt;
    for (std::size_t k = 0; k < 5; ++k)
        for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            v[k] = v[k] * 10 + (text[i] - '0');
        }
    const LocalTime wall = LocalTime{local_day(v[0], unsigned(v[1]), unsigned(v[2]))} + std::chrono::hours{v[3]} + std::chrono::minutes{v[4]};
    // The change lies within a few hours before the wall-clock time read as UTC (offsets are
    // +01:00 and +02:00): the first instant with the later offset, by bisection.
    Instant lo{(wall - std::chrono::hours{4}).time_since_epoch()}, hi{(wall + std::chrono::hours{1}).time_since_epoch()};
    const Seconds before = calendar.utc_offset(lo), after = calendar.utc_offset(hi);
    if (before == after) return std::nullopt;
    while (hi - lo > Seconds{1}) {
        const Instant mid = lo + (hi - lo) / 2;
        (calendar.utc_offset(mid) == before ? lo : hi) = mid;
    }
    return ClockChange{hi, before, after};
}

// "02:00", or "24:00" for the midnight that ends the day of `day_of`.
std::string wall_clock(Instant t, Seconds offset, LocalTime day_of) {
    const LocalTime local{(t + offset).time_since_epoch()};
    const auto day = date::floor<date::days>(day_of);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - LocalTime{day}).count();
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string offset_text(Seconds offset) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
}

std::string moment_problem(MomentParse p, bool date_only, std::string_view text = {}, const Calendar* calendar = nullptr) {
    switch (p) {
        case MomentParse::ok: return {};
        case MomentParse::not_a_date: return "is not a date";
        case MomentParse::not_a_time:
            return date_only ? "is not a date (YYYY-MM-DD)"
                             : "is not a date or time (YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][+hh:mm|Z])";
        case MomentParse::gap:
        case MomentParse::overlap: {
            const auto change = calendar ? clock_change_at(text, *calendar) : std::nullopt;
            const LocalTime start_of_change = change ? LocalTime{(change->at + change->before).time_since_epoch()} : LocalTime{};
            if (p == MomentParse::gap) {
                if (!change) return "does not exist in Copenhagen time (the clocks skip it); give a UTC offset";
                return fmt::format("does not exist in Copenhagen time (the clocks skip {}-{}); give a UTC offset",
                                   wall_clock(change->at, change->before, start_of_change),
                                   wall_clock(change->at, change->after, start_of_change));
            }
            if (!change) return "occurs twice in Copenhagen time (the clocks go back); give a UTC offset";
            return fmt::format("occurs twice in Copenhagen time (the clocks go back at {}); give a UTC offset: {} for the first, {} for the second",
                               wall_clock(change->at, change->before, start_of_change), offset_text(change->before),
                               offset_text(change->after));
        }
        case MomentParse::out_of_range: return "is outside the years 1900-2199";
    }
    return "is not valid";
}

std::string_view moment_code(MomentParse p) {
    switch (p) {
        case MomentParse::gap: return input_error_code::nonexistent_time;
        case MomentParse::overlap: return input_error_code::ambiguous_time;
        case MomentParse::out_of_range: return input_error_code::out_of_range;
        default: return input_error_code::invalid_value;
    }
}

// The messages of finish()'s checks of ids and references, the same whether or not the case has
// other problems too.
std::string duplicate_id_message(std::string_view id, std::uint32_t first_line) {
    return fmt::format("duplicate id '{}' (first used at line {})", id, first_line);
}
std::string duplicate_person_id_message(std::string_view id) { return fmt::format("duplicate id '{}' (also a child, party or sibling)", id); }
std::string unknown_ref_message(std::string_view element, std::string_view id) {
    return fmt::format("event '{}' attribute 'ref': no event has id '{}'", element, id);
}
// An attribute that names one event of a given type (maal-status's goal names a maal).
std::string unknown_target_message(std::string_view element, Attr a, std::string_view id) {
    const std::string_view target = event_spec(event_ref_target(a)).element;
    return fmt::format("event '{}' attribute '{}': no event has id '{}' (it must name a '{}' event)", element, attr_name(a), id, target);
}
std::string wrong_target_message(std::string_view element, Attr a, std::string_view id, EventType is) {
    const std::string_view target = event_spec(event_ref_target(a)).element;
    return fmt::format("event '{}' attribute '{}': event '{}' is a '{}', not a '{}'", element, attr_name(a), id, event_spec(is).element, target);
}
std::string self_ref_message(std::string_view element) { return fmt::format("event '{}' attribute 'ref': the event refers to itself", element); }
std::string unknown_party_message(std::string_view element, std::string_view attribute, std::string_view id) {
    return fmt::format("event '{}' attribute '{}': no child, party or sibling has id '{}'", element, attribute, id);
}

// Calls f(id) for each id of a list that CaseBuilder::State::ref_ids holds (joined by one ' ').
// Inlined, and the ' ' found by a loop: ids are a few bytes, and a call to memchr per id and one
// to this function per event (most name none) were a fifth of finish() (issue 20, session 28).
template <class F>
[[gnu::always_inline]] inline void for_each_id(std::string_view ids, F f) {
    const char* p = ids.data();
    const char* const end = p + ids.size();
    while (p != end) {
        const char* q = p;
        while (q != end && *q != ' ') ++q;
        f(std::string_view(p, static_cast<std::size_t>(q - p)));
        p = q == end ? end : q + 1;
    }
}

// Whether two ids (or a person's id and a party attribute) are the same: ids are mostly of 2 to 8
// bytes, compared by loads from each end (same_bytes), where string_view's == called memcmp
// (issue 20, session 28). Always inlined, as id_slot below: GCC kept both out of line in finish(),
// ~10 instructions a call for ~45 calls a file (issue 20, session 33).
[[gnu::always_inline]] inline bool same_id(std::string_view a, std::string_view b) {
    return a.size() == b.size() && detail::same_bytes(a.data(), b.data(), a.size());
}

// The slot of an id in finish()'s table of 2^bits slots: its bytes read eight (or four) at a time
// and multiplied (Fibonacci hashing, the top bits), where FNV-1a was a multiply per byte. Up to 8
// bytes the value read and the length determine the id; a longer one is read whole.
[[gnu::always_inline]] inline std::size_t id_slot(std::string_view id, unsigned bits) {
    const char* p = id.data();
    const std::size_t n = id.size();
    constexpr std::uint64_t golden = 0x9E3779B97F4A7C15u;
    std::uint64_t h;
    if (n >= 8) {
        h = n;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            h = (h ^ detail::load8(p + i)) * golden;
            h ^= h >> 32;
        }
        h ^= detail::load8(p + n - 8);
    } else if (n >= 4) {
        h = detail::load4(p) | std::uint64_t{detail::load4(p + n - 4)} << 32;
    } else {
        h = n == 0 ? 0 : static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 | static_cast<unsigned char>(p[n - 1]) << 16;
    }
    h = (h ^ std::uint64_t{n} << 59) * golden;
    return static_cast<std::size_t>(h >> (64 - bits));
}

// `order` (n entries): the positions of `events` in time order, ties in input order. Files are
// mostly in time order with a few events out of place: an insertion sort moves only those; past
// a budget of moves (an order far from sorted) std::stable_sort finishes the job, which gives the
// same order, as both keep ties in input order.
template <class Key>
void stable_time_order(const std::vector<Event>& events, std::span<std::uint32_t> order, Key instant) {
    const auto n = static_cast<std::uint32_t>(order.size());
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    std::uint64_t moves = 0;
    const std::uint64_t budget = 8 * std::uint64_t{n} + 64;
    for (std::uint32_t i = 1; i < n; ++i) {
        if (moves > budget) {
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return instant(events[a]) < instant(events[b]); });
            return;
        }
        const std::uint32_t v = order[i];
        const auto key = instant(events[v]);
        std::uint32_t j = i;
        while (j > 0 && key < instant(events[order[j - 1]])) {
            order[j] = order[j - 1];
            --j;
        }
        moves += i - j;
        order[j] = v;
    }
}

// A party's roles, and the one `value` names (none if it names no role).
std::span<const Value> party_roles() {
    static const std::span<const Value> roles = find_case_attr_spec(case_element_spec("party"), "role")->values;
    return roles;
}
// By a scan of the roles' names (eight), where value_from_name and a search of the roles for its
// answer were ~110 instructions a party (issue 20, session 36). A value's name names it alone.
std::optional<Value> party_role(std::string_view value) {
    struct NamedRole {
        std::string_view name;
        Value value;
    };
    static const std::vector<NamedRole> named = [] {
        std::vector<NamedRole> out;
        for (const Value v : party_roles()) out.push_back({value_name(v), v});
        return out;
    }();
    for (const NamedRole& role : named)
        if (role.name.size() == value.size() && detail::same_bytes(role.name.data(), value.data(), value.size())) return role.value;
    return std::nullopt;
}

bool contains(const std::vector<std::string>& ids, std::string_view id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// The ids of the child, the parties and the siblings, each with where it was first given: a list
// compared by same_id while a case has a few people (most have 2 to 5), a hash table past
// `few_max`. A std::unordered_map alone was a node (an allocation) and a hash per id, ~270
// instructions a person (issue 20, session 31).
class PersonIds {
public:
    // Adds `id` unless it is there: where it was first given, and whether it is new.
    std::pair<SourceLocation, bool> emplace(std::string_view id, SourceLocation at) {
        if (many_.empty()) {
            for (const auto& [known, where] : few_)
                if (same_id(known, id)) return {where, false};
            if (few_.size() < few_max) {
                few_.emplace_back(std::piecewise_construct, std::forward_as_tuple(id), std::forward_as_tuple(at));  // no string moved
                return {at, true};
            }
            for (auto& [known, where] : few_) many_.emplace(std::move(known), where);
            few_.clear();
        }
        const auto [it, fresh] = many_.emplace(std::string(id), at);
        return {it->second, fresh};
    }
    [[nodiscard]] bool contains(std::string_view id) const {
        if (many_.empty()) return std::any_of(few_.begin(), few_.end(), [id](const auto& known) { return same_id(known.first, id); });
        return many_.count(std::string(id)) != 0;
    }
    [[nodiscard]] std::size_t size() const { return few_.size() + many_.size(); }
    void clear() {
        few_.clear();
        many_.clear();
    }
    // The list's block, emptied, for another PersonIds (a State's, kept by the thread: State::KeptLists).
    // The table is for the rare case of many people and is not handed on: moving it (an
    // out-of-line move and clear) was ~100 instructions a file (issue 20, session 36).
    using Few = std::vector<std::pair<std::string, SourceLocation>>;
    [[nodiscard]] Few take_few() {
        few_.clear();
        return std::move(few_);
    }
    void give_few(Few&& few) { few_ = std::move(few); }

private:
    static constexpr std::size_t few_max = 16;
    Few few_;
    std::unordered_map<std::string, SourceLocation> many_;
};

// A CPR number whose seventh digit puts the birth in the 1800s (5-8 with YY > 57) is refused like
// a birth-date before 1900: outside the calendar's years.
bool before_1900(const CprBirthDate& r) { return r.day && *r.day < calendar_first_day; }

}  // namespace

std::string moment_problem_text(MomentParse problem, std::string_view text, const Calendar& calendar) {
    return moment_problem(problem, false, text, &calendar);
}

struct CaseBuilder::State {
    // Default-initialised, which for a Case (every member a class or given an initialiser) is all
    // value-initialising does but zeroing its ~0.6 KiB first, ~75 instructions a file (issue 20, session 36).
    std::shared_ptr<Case> kase = std::make_shared_for_overwrite<Case>();
    Open open = Open::none;
    bool have_child = false;
    std::bitset<attr_count> seen_case, seen_element;
    // The open event (open == Open::event) is built in place as the last of `events`, not in a
    // member of its own moved into the list when it closes: a fresh Event move-assigned per event
    // and the move into the list were ~60 instructions an event (issue 20, session 28).
    [[nodiscard]] Event& open_event() { return events.back(); }
    [[nodiscard]] const Event& open_event() const { return events.back(); }
    // What begin_event copies for each event: emplace_back() value-initialises, which GCC does by a
    // `rep stos` of the event's 128 bytes, slow to start (~5 % of BM_LoadCaseBuffer/50's CPU
    // against the copy, for ~9 instructions an event more; issue 20, session 31).
    const Event blank_event{};
    const EventSpec* event_spec = nullptr;  // the open event's (event_spec() is a call and a range check)
    const EventAttrTables* const attr_tables = &event_attr_tables();
    const AttrSpec* const* attr_row = nullptr;  // the open event's type's in attr_tables->by_type
    bool event_ok = true;
    // event_attribute's short way takes a value shorter than this: the length limit plus one in a
    // builder whose loader checked the file's UTF-8, else 0 (none; also for a limit of SIZE_MAX).
    // One test for two, ~3 instructions an attribute (issue 20, session 34).
    std::size_t short_below = 0;
    [[nodiscard]] static std::size_t short_bound(const CaseBuilder& b) { return b.utf8_checked_ ? b.limits_.max_attribute_length + 1 : 0; }
    std::uint32_t next_ordinal = 1;
    std::vector<Event> events;
    Person person;
    // The open person's element: "party" or "sibling", the only names begin_person accepts, so
    // named by the kind instead of a copy of the name kept per person (~45 instructions a person; issue 20, session 35).
    [[nodiscard]] std::string_view person_element() const { return person.kind == PersonKind::party ? "party" : "sibling"; }
    std::string child_cpr;
    SourceLocation cpr_location, birth_location;
    std::optional<LocalDay> stated_birth;
    PersonIds person_ids;
    bool persons_over_limit = false;
    std::size_t element_errors_from = 0;  // the first error about the open element
    // What finish() needs to report duplicate ids and unknown references in the same round as
    // the values refused (report_ids_and_refs): the events refused for a value, the ids given but
    // refused (never shown; a reference to one is no second error), and whether an element was
    // refused whole or an id could not be read, so that a reference may name what was never seen.
    std::vector<Event> refused_events;
    std::vector<std::string> refused_event_ids, refused_person_ids;
    bool event_ids_unknown = false, person_ids_unknown = false;
    // Set by a loader that calls finish() once and then only reads errors() (BuilderAccess::last_case):
    // finish() then leaves this State as it is, emptied, instead of making a fresh one for a next case.
    bool last_case = false;
    // The ids each event's ref names, until finish() resolves them: one text for the case (ids
    // joined by ' '), and each event's piece of it in the event's refs_begin_ and ref_count_ (which
    // finish() then sets to its piece of the case's refs; the blank event's is empty). A
    // std::vector<std::string> per event was a heap block per event to fill and one to free
    // (issue 20); a list of the pieces by ordinal was ~0.3 k instructions a file to make ready
    // and look up (issue 20, session 35).
    detail::TextBlock ref_ids;
    [[nodiscard]] std::string_view ref_ids_of(const Event& e) const { return {ref_ids.data() + e.refs_begin_, e.ref_count_}; }
    static void set_ref_ids(Event& e, std::size_t begin, std::size_t end) {
        e.refs_begin_ = static_cast<std::uint32_t>(begin);
        e.ref_count_ = static_cast<std::uint32_t>(end - begin);
    }
    // The blocks a case left on this thread (Case::Spare), for the events, fields and text of
    // this one: taken where larger than this builder's, which are then empty (no event read yet).
    void take_spare_blocks() {
        Case::Spare* spare = Case::spare();
        if (!spare || !events.empty() || !fields.empty() || !texts.empty()) return;
        if (spare->events.capacity() > events.capacity()) std::swap(spare->events, events);
        if (spare->fields.capacity() > fields.capacity()) std::swap(spare->fields, fields);
        texts.take_larger(spare->texts);
    }
    // The blocks of the refs' ids and of the person ids' buckets: taken from the last
    // State on this thread (kept by its destructor, emptied) and left for the next. Made and freed
    // per file they were ~5 allocations and frees a file (issue 20, session 29).
    struct KeptLists {
        detail::TextBlock ref_ids;
        PersonIds::Few person_ids;
        bool here = false;  // whether the lists above are kept ones, for the next State to take
        void* state_block = nullptr;  // a State's memory, for the next State (operator new below)
        KeptLists() = default;
        KeptLists(const KeptLists&) = delete;
        KeptLists& operator=(const KeptLists&) = delete;
        ~KeptLists() { ::operator delete(state_block); }
    };
    // The State's own block is kept by the thread too, for the next builder's: its allocation and
    // free were ~150 instructions a file (issue 20, session 36). Every State is of one size.
    static void* operator new(std::size_t size) {
        static_assert(alignof(State) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "a block of ::operator new(size) fits");
        if (KeptLists* k = kept_lists(); k && k->state_block) return std::exchange(k->state_block, nullptr);
        return ::operator new(size);
    }
    static void operator delete(void* block) noexcept {
        if (KeptLists* k = kept_lists(); k && !k->state_block) {
            k->state_block = block;
            return;
        }
        ::operator delete(block);
    }
    static KeptLists* kept_lists() noexcept { return detail::thread_kept<KeptLists>(); }
    State() {
        if (KeptLists* k = kept_lists(); k && k->here) {
            k->here = false;
            ref_ids = std::move(k->ref_ids);
            person_ids.give_few(std::move(k->person_ids));
        }
    }
    ~State() {
        constexpr std::size_t large_bytes = std::size_t{1} << 16;  // the bound capi/barnetslov.h states
        KeptLists* k = kept_lists();
        if (!k || k->here || ref_ids.capacity() > large_bytes || person_ids.size() > 64) return;
        ref_ids.clear();
        k->ref_ids = std::move(ref_ids);
        k->person_ids = person_ids.take_few();
        k->here = true;
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    // Every event's fields (accepted and refused events alike, by Event::fields_begin_) and their
    // text, handed to the case by finish(): the events' pointers into them are set only there,
    // as the blocks move while they grow, so until then the builder reads them through these.
    std::vector<Event::Field> fields;
    detail::TextBlock texts;  // handed to the case by finish()
    [[nodiscard]] std::span<Event::Field> fields_of(const Event& e) {
        return std::span<Event::Field>(fields).subspan(e.fields_begin_, e.field_count_);
    }
    [[nodiscard]] std::span<const Event::Field> fields_of(const Event& e) const {
        return std::span<const Event::Field>(fields).subspan(e.fields_begin_, e.field_count_);
    }
    // Before finish() sorts them, an event's fields are in input order: found by a scan.
    [[nodiscard]] const Event::Field* field_of(const Event& e, Attr a) const {
        if (!e.present(a)) return nullptr;
        for (const Event::Field& f : fields_of(e))
            if (f.attr == a) return &f;
        return nullptr;
    }
    [[nodiscard]] SourceLocation location_of(const Event& e, Attr a) const {
        const Event::Field* f = field_of(e, a);
        return f ? f->location : e.location_;
    }
    [[nodiscard]] std::string_view text_of(const Event::Field& f) const { return {texts.data() + f.text_begin, f.text_size}; }
    // The text of the last pseudonym event_attribute took (none at first).
    struct {
        std::uint32_t text_begin = 0, text_size = 0;
    } last_pseudonym;
    [[gnu::always_inline]] void set_text(Event::Field& f, std::string_view value) {
        f.text_begin = static_cast<std::uint32_t>(texts.size());
        f.text_size = static_cast<std::uint32_t>(value.size());
        texts.append(value);
    }
    [[nodiscard]] bool has_required() const {
        const std::bitset<attr_count>& needed = attr_tables->required[static_cast<std::size_t>(open_event().type_)];
        return (needed & seen_element) == needed;
    }
    // The open event, accepted: dated by its primary attribute.
    void date_open_event() {
        Event& event = open_event();
        if (const Event::Field* f = field_of(event, event_spec->primary); f && (f->type == ValueType::moment || f->type == ValueType::date))
            event.at_ = f->moment;
    }
    // close_open_element's common case, for begin_event, where its call was ~30 instructions an
    // event (issue 20, session 33): an event accepted, with every required attribute and no problem
    // reported since it began, dated and closed. False, with nothing done, for anything else.
    [[gnu::always_inline]] bool closed_plainly(std::size_t error_count) {
        if (open != Open::event || element_errors_from < error_count || !event_ok || !has_required()) return false;
        date_open_event();
        open = Open::none;
        return true;
    }
    // begin_event's refusals (before begin_event).
    [[gnu::noinline, gnu::cold]] static bool refuse_event(CaseBuilder& b, std::string_view element, SourceLocation at, std::uint32_t ordinal);
    // event_attribute's short way, with calls or without (after event_attribute).
    template <bool may_call>
    static bool take_event_attribute(CaseBuilder& b, std::string_view name, std::string_view value, SourceLocation at);
};

CaseBuilder::CaseBuilder(std::string source, const Calendar& calendar, Limits limits)
    // The name is shown in every message and report: escaped and masked once, here (echo.hpp).
    // (Empty, as a loader that shows it itself gives it (BuilderAccess::shown_source), it shows as itself.)
    : source_(source.empty() ? std::move(source) : shown_name(source)), calendar_(calendar), limits_(limits), state_(std::make_unique<State>()) {}

CaseBuilder::CaseBuilder(const Case& base, const Calendar& calendar, Limits limits)
    : CaseBuilder(base.source(), calendar, limits) {
    State& s = *state_;
    Case& c = *s.kase;
    c.id_ = base.id_;
    c.municipality_ = base.municipality_;
    c.unit_ = base.unit_;
    s.seen_case.set();
    c.child_ = base.child_;
    s.have_child = true;
    s.child_cpr = base.cpr_;
    if (c.child_.birth_date_source == BirthDateSource::birth_date) s.stated_birth = c.child_.birth_date;
    s.person_ids.emplace(c.child_.id, c.child_.location);
    for (std::size_t i = 1; i < base.persons_.size(); ++i) {  // person 0 is the child; finish() adds it again
        c.persons_.push_back(base.persons_[i]);
        s.person_ids.emplace(base.persons_[i].id, base.persons_[i].location);
    }
    // Events go back to named references, as if read again; finish() resolves them anew. Their
    // fields keep their places in the blocks, copied whole.
    s.fields = base.fields_;
    s.texts.assign(base.texts_);
    s.events.reserve(base.events_.size() + 1);
    for (const Event& e : base.events_) {
        Event copy = e;
        copy.fields_ = nullptr;
        copy.texts_ = nullptr;
        copy.refs_ = nullptr;
        copy.refs_begin_ = copy.ref_count_ = 0;
        copy.ordinal_ = s.next_ordinal++;
        if (e.ref_count_ != 0) {
            const std::size_t begin = s.ref_ids.size();
            for (std::uint32_t r : e.refs()) {
                if (s.ref_ids.size() != begin) s.ref_ids.push_back(' ');
                s.ref_ids.append(base.events_[r].id_);
            }
            s.set_ref_ids(copy, begin, s.ref_ids.size());
        }
        s.events.push_back(std::move(copy));
    }
}

CaseBuilder::~CaseBuilder() = default;

std::size_t CaseBuilder::event_count() const {
    // The open event is in the list already (State::open_event) but counts once it is closed, as before.
    return state_->events.size() - (state_->open == Open::event ? 1 : 0);
}

void detail::BuilderAccess::last_case(CaseBuilder& b) { b.state_->last_case = true; }

void detail::BuilderAccess::utf8_checked(CaseBuilder& b) {
    b.utf8_checked_ = true;
    b.state_->short_below = CaseBuilder::State::short_bound(b);
}

void detail::BuilderAccess::reserve_events(CaseBuilder& b, std::size_t n) {
    b.state_->take_spare_blocks();
    b.state_->events.reserve(std::min(n, b.limits_.max_events + 1));
    // A generated file's events have four or five fields each (bench/ANALYSIS.md); room for more
    // than most need costs no more than room for fewer, and each doubling copies the fields.
    b.state_->fields.reserve(b.state_->fields.size() + 6 * std::min(n, b.limits_.max_events + 1));
    b.state_->texts.reserve(b.state_->texts.size() + 16 * std::min(n, b.limits_.max_events + 1));
    // The ids events' refs name, joined by ' ': a generated file's are ~3 bytes an event; grown
    // from nothing, the text was two or three blocks a file.
    b.state_->ref_ids.reserve(b.state_->ref_ids.size() + 4 * std::min(n, b.limits_.max_events + 1));
}

bool CaseBuilder::fail(SourceLocation at, const Subject& about, std::string_view code, std::string_view attribute,
                       std::string message) {
    if (errors_.size() < limits_.max_errors) {
        InputError e{source_, at, std::move(message)};
        e.code = code;
        e.element = about.element;
        e.event_index = about.event_index;
        e.id = about.id;
        e.attribute = attribute;
        errors_.push_back(std::move(e));
    }
    return false;
}

void CaseBuilder::add_error(SourceLocation at, std::string_view code, std::string message) {
    // A front end's own error (an element out of place, in another namespace, an event without a
    // type) may be about an element the builder never saw: its id is not known.
    state_->event_ids_unknown = state_->person_ids_unknown = true;
    fail(at, {}, code, {}, std::move(message));
}

CaseBuilder::Subject CaseBuilder::event_subject(const Event& e) {
    return {event_spec(e.type_).element, std::int64_t(e.ordinal_) - 1, e.id_};
}

CaseBuilder::Subject CaseBuilder::open_subject() const {
    const State& s = *state_;
    switch (s.open) {
        case Open::event: return event_subject(s.open_event());
        case Open::child: return {"child", -1, s.kase->child_.id};
        case Open::person: return {s.person_element(), -1, s.person.id};
        case Open::none:
        case Open::rejected: break;
    }
    return {};
}

void CaseBuilder::close_open_element() {
    State& s = *state_;
    // An element's id may come after a problem with another of its attributes: the problem
    // names it all the same. (The subject is made only when there is a problem to name.)
    if (s.element_errors_from < errors_.size())
        if (const Subject about = open_subject(); !about.id.empty())
            for (std::size_t i = s.element_errors_from; i < errors_.size(); ++i)
                if (errors_[i].id.empty() && errors_[i].element == about.element && errors_[i].event_index == about.event_index)
                    errors_[i].id = about.id;
    if (s.open == Open::event) {
        const EventSpec& spec = *s.event_spec;
        Event& event = s.open_event();
        if (!s.has_required()) {
            for (const AttrSpec& a : spec.attrs) {
                if (a.required && !s.seen_element[static_cast<std::size_t>(a.attr)]) {
                    s.event_ok = fail(event.location_, open_subject(), input_error_code::missing_attribute, attr_name(a.attr),
                                      fmt::format("event '{}'{} lacks required attribute '{}'", spec.element,
                                                  event.id_.empty() ? "" : fmt::format(" (id '{}')", event.id_), attr_name(a.attr)));
                }
            }
            if (!s.seen_element[static_cast<std::size_t>(Attr::id)])
                s.event_ok = fail(event.location_, open_subject(), input_error_code::missing_attribute, "id",
                                  fmt::format("event '{}' lacks required attribute 'id'", spec.element));
        }
        if (s.event_ok) {
            s.date_open_event();  // accepted: it stays where it was built
        } else {
            // The count the limit applies to, as when the open event was not in the list.
            if (s.events.size() - 1 + s.refused_events.size() < limits_.max_events) s.refused_events.push_back(std::move(event));
            else s.event_ids_unknown = true;
            s.events.pop_back();
        }
    } else if (s.open == Open::person) {
        // An id that was given but refused (invalid, or a duplicate) has its own message already.
        if (!s.seen_element[0]) {
            fail(s.person.location, open_subject(), input_error_code::missing_attribute, "id",
                 fmt::format("{} lacks required attribute 'id'", s.person_element()));
        } else if (!s.person.id.empty()) {
            s.kase->persons_.push_back(std::move(s.person));
        }
    }
    s.open = Open::none;
}

bool CaseBuilder::case_attribute(std::string_view name, std::string_view value, SourceLocation at) {
    State& s = *state_;
    // The ordinary attribute (known, given once, no CPR number, an id not empty; a loader that has
    // checked the file's UTF-8) taken at once, recording what the checks below record for it; the
    // rest, before anything is recorded, the full way, which says what is wrong (issue 20, session 31).
    if (utf8_checked_ && refusal_.empty() && value.size() <= limits_.max_attribute_length) {
        std::string* field = is_word(name, "id") ? &s.kase->id_ : is_word(name, "municipality") ? &s.kase->municipality_
                           : is_word(name, "unit")                                            ? &s.kase->unit_
                                                                                              : nullptr;
        const std::size_t bit = field == &s.kase->id_ ? 0 : field == &s.kase->municipality_ ? 1 : 2;
        if (field && !s.seen_case[bit] && !(bit == 0 && value.empty()) && !looks_like_cpr(value)) {
            s.seen_case[bit] = true;
            field->assign(value.data(), value.size());
            return true;
        }
    }
    const Subject about{"case", -1, s.kase->id_};
    if (!utf8_ok(name, value))
        return fail(at, about, input_error_code::encoding, {}, "case attribute: the name or value is not valid UTF-8 (not shown)");
    const bool known = is_word(name, "id") || is_word(name, "municipality") || is_word(name, "unit");
    if (!known)
        return fail(at, about, input_error_code::unknown_attribute, echo(name),
                    fmt::format("case has no attribute '{}' (expected {})", echo(name), attr_list("case")));
    const auto bad = [&](std::string_view code, std::string message) { return fail(at, about, code, name, std::move(message)); };
    if (value.size() > limits_.max_attribute_length)
        return bad(input_error_code::limit, fmt::format("case attribute '{}': value of {} bytes exceeds the limit of {} bytes", name,
                                                        value.size(), limits_.max_attribute_length));
    const std::size_t bit = is_word(name, "id") ? 0 : is_word(name, "municipality") ? 1 : 2;
    if (s.seen_case[bit]) return bad(input_error_code::duplicate_attribute, fmt::format("case attribute '{}' given twice", name));
    s.seen_case[bit] = true;
    if (!refusal_.empty()) return bad(input_error_code::invalid_value, fmt::format("case attribute '{}': {}", name, refusal_));
    if (looks_like_cpr(value)) return bad(input_error_code::cpr_elsewhere, fmt::format("case attribute '{}': {}", name, cpr_elsewhere));
    if (is_word(name, "id")) {
        if (value.empty()) return bad(input_error_code::invalid_value, "case attribute 'id': must not be empty");
        s.kase->id_ = std::string(value);
    } else if (is_word(name, "municipality")) {
        s.kase->municipality_ = std::string(value);
    } else {
        s.kase->unit_ = std::string(value);
    }
    return true;
}

bool CaseBuilder::begin_child(SourceLocation at) {
    close_open_element();
    State& s = *state_;
    s.element_errors_from = errors_.size();
    if (s.have_child) {
        s.open = Open::rejected;
        s.person_ids_unknown = true;
        return fail(at, {"child", -1, {}}, input_error_code::structure, {}, "case has more than one child element");
    }
    s.have_child = true;
    s.open = Open::child;
    s.seen_element.reset();
    s.kase->child_.location = at;
    // Room for the child (put first by finish()) and the parties and siblings of most cases, which
    // come after the child: one block, where growing by push_back and the child's insert made three
    // and moved the people twice (~600 instructions a file; issue 20, session 29).
    std::vector<Person>& people = s.kase->persons_;
    if (Case::Spare* spare = Case::spare(); spare && people.empty() && spare->persons.capacity() > people.capacity()) std::swap(spare->persons, people);
    if (people.capacity() < 4) people.reserve(4);
    return true;
}

bool CaseBuilder::child_attribute(std::string_view name, std::string_view value, SourceLocation at) {
    State& s = *state_;
    // The ordinary id, birth-date and due-date taken at once (as case_attribute's): an id of an id's
    // characters that is no CPR number and no other person's, a date alone (plain_date) that
    // agrees with a CPR number read before. The cpr and all else go the full way below.
    if (s.open == Open::child && utf8_checked_ && refusal_.empty() && value.size() <= limits_.max_attribute_length) {
        Child& child = s.kase->child_;
        LocalDay day;
        if (is_word(name, "id")) {
            if (!s.seen_element[0] && plain_id_text(value, id_text_id, 64) && s.person_ids.emplace(value, at).second) {
                s.seen_element[0] = true;
                child.id.assign(value.data(), value.size());
                return true;
            }
        } else if (is_word(name, "birth-date")) {
            if (!s.seen_element[1] && plain_date(value, day) && !(child.birth_date && *child.birth_date != day)) {
                s.seen_element[1] = true;
                s.stated_birth = day;
                child.birth_date = day;
                child.birth_date_source = BirthDateSource::birth_date;
                return true;
            }
        } else if (is_word(name, "due-date")) {
            if (!s.seen_element[3] && plain_date(value, day)) {
                s.seen_element[3] = true;
                child.due_date = day;
                return true;
            }
        }
    }
    if (s.open == Open::rejected) return false;  // begin_child reported the problem
    if (s.open != Open::child) {
        s.person_ids_unknown = true;
        return fail(at, {"child", -1, {}}, input_error_code::structure, {}, "child attribute given outside a child element");
    }
    const Subject about = open_subject();
    if (!utf8_ok(name, value)) {
        s.person_ids_unknown = true;
        return fail(at, about, input_error_code::encoding, {}, "child attribute: the name or value is not valid UTF-8 (not shown)");
    }
    Child& child = s.kase->child_;
    const std::size_t bit = is_word(name, "id") ? 0 : is_word(name, "birth-date") ? 1 : is_word(name, "cpr") ? 2 : is_word(name, "due-date") ? 3 : 99;
    if (bit == 99)
        return fail(at, about, input_error_code::unknown_attribute, echo(name),
                    fmt::format("child has no attribute '{}' (expected {})", echo(name), attr_list("child")));
    const auto bad = [&](std::string_view code, std::string message) {
        if (is_word(name, "id")) refused_id(s.refused_person_ids, s.person_ids_unknown, value);
        return fail(at, about, code, name, std::move(message));
    };
    if (s.seen_element[bit]) return bad(input_error_code::duplicate_attribute, fmt::format("child attribute '{}' given twice", name));
    s.seen_element[bit] = true;
    if (!refusal_.empty()) return bad(input_error_code::invalid_value, fmt::format("child attribute '{}': {}", name, refusal_));
    if (value.size() > limits_.max_attribute_length)
        return bad(input_error_code::limit, fmt::format("child attribute '{}': value of {} bytes exceeds the limit of {} bytes", name,
                                                        value.size(), limits_.max_attribute_length));
    if (!is_word(name, "cpr") && looks_like_cpr(value))
        return bad(input_error_code::cpr_elsewhere, fmt::format("child attribute '{}': {}", name, cpr_elsewhere));
    if (is_word(name, "id")) {
        if (!valid_id(value))
            return bad(input_error_code::invalid_value,
                       fmt::format("child attribute 'id': {} is not a valid id (letters, digits, '-', '_', '.', ':')", quoted(value)));
        child.id = std::string(value);
        if (const auto [first, fresh] = s.person_ids.emplace(child.id, at); !fresh)
            return bad(input_error_code::duplicate_id, fmt::format("duplicate id '{}' (first used at line {})", child.id, first.line));
        return true;
    }
    if (is_word(name, "cpr")) {
        // The value is never echoed: it is a CPR number, or meant to be one.
        const CprBirthDate r = birth_date_from_cpr(value);
        if (r.error == CprError::format)
            return bad(input_error_code::invalid_cpr, "child attribute 'cpr': not a CPR number (expected DDMMYY-SSSS; the value is not shown)");
        if (r.error == CprError::date)
            return bad(input_error_code::invalid_cpr, "child attribute 'cpr': its first six digits are not a date (the value is not shown)");
        if (before_1900(r))
            return bad(input_error_code::out_of_range,
                       "child attribute 'cpr': its birth date is outside the years 1900-2199 (the value is not shown)");
        s.child_cpr = std::string(value);
        s.cpr_location = at;
        if (s.stated_birth && *s.stated_birth != *r.day)
            return bad(input_error_code::inconsistent,
                       "child attribute 'cpr': the birth date in the CPR number differs from 'birth-date' (the value is not shown)");
        child.birth_date = r.day;
        if (child.birth_date_source == BirthDateSource::none) child.birth_date_source = BirthDateSource::cpr;
        return true;
    }
    const ParsedMoment p = parse_date(value);
    if (p.status != MomentParse::ok)
        return bad(moment_code(p.status), fmt::format("child attribute '{}': {} {}", name, quoted(value), moment_problem(p.status, true)));
    if (is_word(name, "birth-date")) {
        if (child.birth_date && *child.birth_date != p.moment.day)
            return bad(input_error_code::inconsistent, "child attribute 'birth-date': differs from the birth date in the CPR number");
        s.stated_birth = p.moment.day;
        child.birth_date = p.moment.day;
        child.birth_date_source = BirthDateSource::birth_date;
    } else {
        child.due_date = p.moment.day;
    }
    return true;
}

bool CaseBuilder::begin_person(std::string_view element, SourceLocation at) {
    close_open_element();
    State& s = *state_;
    s.element_errors_from = errors_.size();
    if (!utf8_ok(element)) {
        s.open = Open::rejected;
        s.person_ids_unknown = true;
        return fail(at, {}, input_error_code::encoding, {}, "a person element name is not valid UTF-8 (not shown)");
    }
    if (!is_word(element, "party") && !is_word(element, "sibling")) {
        s.open = Open::rejected;
        s.person_ids_unknown = true;
        return fail(at, {echo(element), -1, {}}, input_error_code::unknown_element, {},
                    fmt::format("{} is not a person element (party, sibling)", quoted(element)));
    }
    if (s.kase->persons_.size() >= limits_.max_persons) {
        s.open = Open::rejected;
        s.person_ids_unknown = true;
        if (s.persons_over_limit) return false;  // said once, not once per extra person
        s.persons_over_limit = true;
        return fail(at, {element, -1, {}}, input_error_code::limit, {},
                    fmt::format("more than {} parties and siblings (limit)", limits_.max_persons));
    }
    s.open = Open::person;
    // Made anew in place: the move-assign of a fresh Person was an out-of-line std::string
    // move-assign a person (~45 instructions). Destroying the last one frees nothing as a rule:
    // its id went to the case's persons.
    std::destroy_at(&s.person);
    ::new (&s.person) Person{};
    s.person.kind = is_word(element, "party") ? PersonKind::party : PersonKind::sibling;
    s.person.location = at;
    s.seen_element.reset();
    return true;
}

bool CaseBuilder::person_attribute(std::string_view name, std::string_view value, SourceLocation at) {
    State& s = *state_;
    // The ordinary id, birth-date, role and in-household taken at once (as child_attribute's; a
    // role or true/false is a vocabulary name, which holds no CPR number). The cpr and all else
    // go the full way below.
    if (s.open == Open::person && utf8_checked_ && refusal_.empty() && value.size() <= limits_.max_attribute_length) {
        const bool party = s.person.kind == PersonKind::party;
        LocalDay day;
        if (is_word(name, "id")) {
            if (!s.seen_element[0] && plain_id_text(value, id_text_id, 64) && s.person_ids.emplace(value, at).second) {
                s.seen_element[0] = true;
                s.person.id.assign(value.data(), value.size());
                return true;
            }
        } else if (is_word(name, "birth-date")) {
            if (!s.seen_element[1] && plain_date(value, day)) {
                s.seen_element[1] = true;
                s.person.birth_date = day;
                return true;
            }
        } else if (party && is_word(name, "role")) {
            if (const auto role = party_role(value); !s.seen_element[2] && role) {
                s.seen_element[2] = true;
                s.person.role = role;
                return true;
            }
        } else if (!party && is_word(name, "in-household")) {
            if (!s.seen_element[3] && (is_word(value, "true") || is_word(value, "false"))) {
                s.seen_element[3] = true;
                s.person.in_household = is_word(value, "true");
                return true;
            }
        }
    }
    if (s.open == Open::rejected) return false;  // begin_person reported the problem
    if (s.open != Open::person) {
        s.person_ids_unknown = true;
        return fail(at, {}, input_error_code::structure, {}, "party or sibling attribute given outside its element");
    }
    const std::string_view el = s.person_element();
    const Subject about = open_subject();
    if (!utf8_ok(name, value)) {
        s.person_ids_unknown = true;
        return fail(at, about, input_error_code::encoding, {},
                    fmt::format("{} attribute: the name or value is not valid UTF-8 (not shown)", el));
    }
    const bool party = s.person.kind == PersonKind::party;
    std::size_t bit = 99;
    if (is_word(name, "id")) bit = 0;
    else if (is_word(name, "birth-date")) bit = 1;
    else if (party && is_word(name, "role")) bit = 2;
    else if (!party && is_word(name, "in-household")) bit = 3;
    else if (!party && is_word(name, "cpr")) bit = 4;
    if (bit == 99)
        return fail(at, about, input_error_code::unknown_attribute, echo(name),
                    fmt::format("{} has no attribute '{}' (expected {})", el, echo(name), attr_list(el)));
    const auto bad = [&](std::string_view code, std::string message) {
        if (is_word(name, "id")) refused_id(s.refused_person_ids, s.person_ids_unknown, value);
        return fail(at, about, code, name, std::move(message));
    };
    if (s.seen_element[bit]) return bad(input_error_code::duplicate_attribute, fmt::format("{} attribute '{}' given twice", el, name));
    s.seen_element[bit] = true;
    if (!refusal_.empty()) return bad(input_error_code::invalid_value, fmt::format("{} attribute '{}': {}", el, name, refusal_));
    if (value.size() > limits_.max_attribute_length)
        return bad(input_error_code::limit, fmt::format("{} attribute '{}': value of {} bytes exceeds the limit of {} bytes", el, name,
                                                        value.size(), limits_.max_attribute_length));
    if (bit != 4 && looks_like_cpr(value))
        return bad(input_error_code::cpr_elsewhere, fmt::format("{} attribute '{}': {}", el, name, cpr_elsewhere));
    switch (bit) {
        case 0:
            if (!valid_id(value))
                return bad(input_error_code::invalid_value,
                           fmt::format("{} attribute 'id': {} is not a valid id (letters, digits, '-', '_', '.', ':')", el, quoted(value)));
            if (const auto [first, fresh] = s.person_ids.emplace(value, at); !fresh)
                return bad(input_error_code::duplicate_id, fmt::format("duplicate id '{}' (first used at line {})", value, first.line));
            s.person.id = std::string(value);
            return true;
        case 1: {
            const ParsedMoment p = parse_date(value);
            if (p.status != MomentParse::ok)
                return bad(moment_code(p.status),
                           fmt::format("{} attribute 'birth-date': {} {}", el, quoted(value), moment_problem(p.status, true)));
            s.person.birth_date = p.moment.day;
            return true;
        }
        case 2: {
            const auto v = party_role(value);
            if (!v)
                return bad(input_error_code::invalid_value,
                           fmt::format("party attribute 'role': {} is not one of: {}", quoted(value), enum_list(party_roles())));
            s.person.role = v;
            return true;
        }
        case 3:
            if (!is_word(value, "true") && !is_word(value, "false"))
                return bad(input_error_code::invalid_value,
                           fmt::format("sibling attribute 'in-household': {} is not one of: true, false", quoted(value)));
            s.person.in_household = is_word(value, "true");
            return true;
        default: {
            const CprBirthDate r = birth_date_from_cpr(value);
            if (r.error != CprError::none)
                return bad(input_error_code::invalid_cpr, "sibling attribute 'cpr': not a valid CPR number (the value is not shown)");
            if (before_1900(r))
                return bad(input_error_code::out_of_range,
                           "sibling attribute 'cpr': its birth date is outside the years 1900-2199 (the value is not shown)");
            if (!s.person.birth_date) s.person.birth_date = r.day;
            return true;
        }
    }
}

// begin_event's refusals, out of line: their messages' temporaries gave begin_event a frame and
// made GCC keep the state on the stack (issue 20, session 34).
bool CaseBuilder::State::refuse_event(CaseBuilder& b, std::string_view element, SourceLocation at, std::uint32_t ordinal) {
    State& s = *b.state_;
    const std::int64_t index = std::int64_t(ordinal) - 1;
    // A refused event element's attributes are not read: its id is not known.
    s.event_ids_unknown = true;
    if (!b.utf8_ok(element))
        return b.fail(at, {{}, index, {}}, input_error_code::encoding, {}, "an event element name is not valid UTF-8 (not shown)");
    if (!event_spec_of(element))
        return b.fail(at, {echo(element), index, {}}, input_error_code::unknown_element, {}, fmt::format("unknown event type {}", quoted(element)));
    if (s.events.size() == b.limits_.max_events) {  // over the limit
        b.fail(at, {element, index, {}}, input_error_code::limit, {}, fmt::format("more than {} events in one case (limit)", b.limits_.max_events));
        s.events.emplace_back();  // one placeholder past the limit, so the message is not repeated
    }
    return false;
}

bool CaseBuilder::begin_event(std::string_view element, SourceLocation at) {
    State& s = *state_;
    if (!s.closed_plainly(errors_.size())) close_open_element();
    s.element_errors_from = errors_.size();
    // Every call counts, refused or not, so that an event's index is the vendor's row number.
    const std::uint32_t ordinal = s.next_ordinal++;
    // (The UTF-8 test first: utf8_ok is a call.)
    const EventSpec* const spec = utf8_checked_ || utf8_ok(element) ? event_spec_of(element) : nullptr;
    if (!spec || s.events.size() >= limits_.max_events) [[unlikely]]
        return State::refuse_event(*this, element, at, ordinal);
    s.open = Open::event;
    Event& event = s.events.emplace_back(s.blank_event);
    event.fields_begin_ = static_cast<std::uint32_t>(s.fields.size());
    s.event_spec = spec;
    s.attr_row = s.attr_tables->by_type[static_cast<std::size_t>(spec->type)].data();
    event.type_ = spec->type;
    event.location_ = at;
    event.ordinal_ = ordinal;
    s.event_ok = true;
    s.seen_element.reset();
    return true;
}

// The ordinary attribute of an event (known to its type, given once, a value of its type that
// holds no CPR number), taken with no more than it needs; anything else, before any of it is
// recorded, goes to event_attribute_checked, which checks all again and says what is wrong. The
// full path's closures and messages made its every call cost a frame of 2 KiB and ~100
// instructions before the value was looked at (issue 20, session 28). What this records is what
// event_attribute_checked records for the same attribute.
bool CaseBuilder::event_attribute(std::string_view name, std::string_view value, SourceLocation at) {
    return State::take_event_attribute<false>(*this, name, value, at);
}

// The short way twice: with calls (may_call), and without any but tail calls, where every turn
// that needs one (a block to grow, a wall-clock time, a day not in day_start's table, a value the
// CPR detector must see, a list of refs, a name or value too long for same_bytes' loads) goes to
// the way with calls, from the start, before anything is recorded. A call anywhere in the
// function made every attribute save and restore six registers and keep a frame of 1.4 KiB,
// ~25 instructions an attribute (issue 20, session 33). The id's append is a tail call of its own.
template <bool may_call>
bool CaseBuilder::State::take_event_attribute(CaseBuilder& b, std::string_view name, std::string_view value, SourceLocation at) {
    State& s = *b.state_;
    if (s.open != Open::event || value.size() >= s.short_below || !b.refusal_.empty()) return b.event_attribute_checked(name, value, at);
    if constexpr (!may_call)
        if (name.size() > 24) return take_event_attribute<true>(b, name, value, at);
    std::optional<Attr> attr;
    const AttrSpec* as = event_attr_spec(*s.attr_tables, s.attr_row, name, attr);
    if (!attr || s.seen_element[static_cast<std::size_t>(*attr)]) return b.event_attribute_checked(name, value, at);
    Event& ev = s.open_event();
    if (*attr == Attr::id) {
        // As event_attribute_checked: a type that listed id with a type read before the CPR
        // detector would be read there (none does).
        if (as && as->type != ValueType::text && as->type != ValueType::pseudonym && as->type != ValueType::event_ref &&
            as->type != ValueType::party_ref && as->type != ValueType::id_refs)
            return b.event_attribute_checked(name, value, at);
        if (!plain_id_text(value, id_text_id, 64)) {
            if constexpr (!may_call) return take_event_attribute<true>(b, name, value, at);
            if (looks_like_cpr(value) || !valid_id(value)) return b.event_attribute_checked(name, value, at);
        }
        s.seen_element[static_cast<std::size_t>(Attr::id)] = true;
        // Appended to the id, empty until its attribute is read (begin_event makes a fresh Event, and
        // a second id goes to event_attribute_checked above): the same as assign, whose general
        // replace was ~75 instructions an id (issue 20, session 30).
        return append_id(ev.id_, value);
    }
    if (!as) return b.event_attribute_checked(name, value, at);
    if constexpr (!may_call)
        if (s.fields.size() == s.fields.capacity()) return take_event_attribute<true>(b, name, value, at);
    // Built in place (a 40-byte field built on the stack and copied by push_back was ~10
    // instructions and two more writes of it an attribute; issue 20, session 29); taken back
    // before a value is handed on, which builds its own.
    Event::Field& f = s.fields.emplace_back();
    f.attr = *attr;
    f.type = as->type;
    f.location = at;
    // The value read into f, or why not. Inlined, with one place that gives up below: a give_up
    // closure called from each case had its five captures stored on the stack for every attribute
    // (~8 instructions an attribute; issue 20, session 30).
    enum class Read { taken, refused, needs_calls };
    const auto read_value = [&]() __attribute__((always_inline)) -> Read {
        switch (as->type) {
            case ValueType::moment:
            case ValueType::date: {
                // A date alone (most values): what both parse_date and parse_moment give for it, the
                // instant being the start of its day.
                if (LocalDay day; plain_date(value, day)) {
                    Instant start;
                    if constexpr (may_call) start = detail::day_start(b.calendar_, day);
                    else if (!detail::day_start_held(day, start)) return Read::needs_calls;
                    f.moment = Moment{start, day, false};
                    break;
                }
                if constexpr (!may_call) return Read::needs_calls;
                if (as->type == ValueType::moment && plain_wall_clock(b.calendar_, value, f.moment)) break;
                const ParsedMoment p = as->type == ValueType::date ? parse_date(value) : parse_moment(value, b.calendar_);
                if (p.status != MomentParse::ok || (value.size() > 19 && value[19] == '.')) return Read::refused;
                f.moment = p.moment;
                if (as->type == ValueType::date) f.moment.instant = detail::day_start(b.calendar_, f.moment.day);
                break;
            }
            case ValueType::enumeration: {
                if constexpr (!may_call)
                    if (value.size() > 24) return Read::needs_calls;
                const auto v = enum_value(*s.attr_tables, *as, value);
                if (!v) return Read::refused;
                f.number = static_cast<std::int64_t>(*v);
                break;
            }
            case ValueType::boolean:
                if (!is_word(value, "true") && !is_word(value, "false")) return Read::refused;
                f.number = is_word(value, "true");
                break;
            case ValueType::integer: {
                if (value.empty() || value.size() > 9 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    return Read::refused;
                std::int64_t n = 0;
                for (char c : value) n = n * 10 + (c - '0');
                f.number = n;
                break;
            }
            case ValueType::text:
                if constexpr (!may_call) return Read::needs_calls;
                if (looks_like_cpr(value)) return Read::refused;
                s.set_text(f, value);
                break;
            case ValueType::pseudonym:
                if constexpr (!may_call)
                    if (!s.texts.fits(value.size())) return Read::needs_calls;
                // Mostly the one before (a file's events have one or two caseworkers): its text,
                // taken already, is shared, and neither checked nor copied again (~60 instructions
                // a caseworker; issue 20, session 32).
                if (value.size() == s.last_pseudonym.text_size && !value.empty() &&
                    detail::same_bytes(s.texts.data() + s.last_pseudonym.text_begin, value.data(), value.size())) {
                    f.text_begin = s.last_pseudonym.text_begin;
                    f.text_size = s.last_pseudonym.text_size;
                    break;
                }
                if (!plain_id_text(value, id_text_pseudonym, 64)) {
                    if constexpr (!may_call) return Read::needs_calls;
                    if (value.empty() || value.size() > 64 ||
                        std::find_if_not(value.begin(), value.end(), [](char c) { return c != ':' && id_chars[static_cast<unsigned char>(c)]; }) !=
                            value.end() ||
                        looks_like_cpr(value))
                        return Read::refused;
                }
                s.set_text(f, value);
                s.last_pseudonym = {f.text_begin, f.text_size};
                break;
            case ValueType::event_ref:
            case ValueType::party_ref:
                if (!plain_id_text(value, id_text_id, 64)) {
                    if constexpr (!may_call) return Read::needs_calls;
                    if (looks_like_cpr(value) || !valid_id(value)) return Read::refused;
                }
                if constexpr (!may_call)
                    if (!s.texts.fits(value.size())) return Read::needs_calls;
                s.set_text(f, value);  // resolved in finish()
                break;
            case ValueType::id_refs: {
                const std::size_t begin = s.ref_ids.size();
                // One id (most refs): valid and no CPR number as it is, and no list to split.
                if (plain_id_text(value, id_text_id, 64) && b.limits_.max_refs_per_event != 0) {
                    if constexpr (!may_call)
                        if (!s.ref_ids.fits(value.size())) return Read::needs_calls;
                    s.set_ref_ids(ev, begin, begin + value.size());
                    if constexpr (may_call) s.ref_ids.append(value);
                    else s.ref_ids.append_fitting(value);
                    break;
                }
                if constexpr (!may_call) return Read::needs_calls;
                // Every character an id's or ' ', and no CPR number: each id then only needs its length checked.
                const bool plain_chars = plain_id_text(value, id_text_id_list, value.size());
                if (!plain_chars && looks_like_cpr(value)) return Read::refused;
                std::size_t i = 0, count = 0;
                bool plain = true;
                while (plain && i < value.size()) {
                    while (i < value.size() && value[i] == ' ') ++i;
                    // The id's end by a loop, not find's memchr call: ids are a few bytes (issue 20, session 28).
                    std::size_t j = i;
                    while (j < value.size() && value[j] != ' ') ++j;
                    if (j > i) {
                        const std::string_view one = value.substr(i, j - i);
                        plain = (plain_chars ? one.size() <= 64 : valid_id(one)) && count < b.limits_.max_refs_per_event;
                        if (!plain) break;
                        if (count++ > 0) s.ref_ids.push_back(' ');
                        s.ref_ids.append(one);
                    }
                    i = j;
                }
                if (!plain || count == 0) {
                    s.ref_ids.truncate(begin);
                    return Read::refused;
                }
                s.set_ref_ids(ev, begin, s.ref_ids.size());
                break;
            }
            case ValueType::enumeration_list: return Read::refused;
        }
        return Read::taken;
    };
    // From here on the attribute, its name, where it was and the open event are read again from
    // the field and the state, hidden from GCC (the asm), which otherwise kept them and the
    // arguments from the lookup on: more values than the registers a function without calls may
    // use without saving them, and six saved a call (issue 20, session 33).
    const Read r = read_value();
    Event::Field* taken = &f;
    asm("" : "+r"(taken));
    const Attr a = taken->attr;
    if (r != Read::taken) {
        const std::string_view named = s.attr_tables->attr_names[static_cast<std::size_t>(a)];  // the same bytes as `name`
        const SourceLocation where = taken->location;                                           // `at`
        s.fields.pop_back();
        if constexpr (!may_call)
            if (r == Read::needs_calls) return take_event_attribute<true>(b, named, value, where);
        return b.event_attribute_checked(named, value, where);
    }
    State* state = &s;
    asm("" : "+r"(state));
    state->seen_element[static_cast<std::size_t>(a)] = true;
    Event& event = state->open_event();
    ++event.field_count_;
    event.mark_present(a);
    return true;
}

bool CaseBuilder::event_attribute_checked(std::string_view name, std::string_view value, SourceLocation at) {
    State& s = *state_;
    if (s.open != Open::event) return false;  // the begin_event error was already reported
    Event& ev = s.open_event();
    const EventSpec& spec = *s.event_spec;
    // What open_subject() gives for an event, made only when a message needs it.
    const auto about = [&] { return Subject{spec.element, std::int64_t(ev.ordinal_) - 1, ev.id_}; };
    auto bad = [&](std::string_view code, std::string what) {
        s.event_ok = false;
        if (name == "id") refused_id(s.refused_event_ids, s.event_ids_unknown, value);
        return fail(at, about(), code, name, fmt::format("event '{}' attribute '{}': {}", spec.element, name, what));
    };
    if (!utf8_checked_ && !utf8_ok(name, value)) {  // the test first: utf8_ok is a call
        s.event_ok = false;
        s.event_ids_unknown = true;
        return fail(at, about(), input_error_code::encoding, {},
                    fmt::format("event '{}' attribute: the name or value is not valid UTF-8 (not shown)", spec.element));
    }
    // Looked up in a table of each event type's attributes by name (event_attr_spec), not by
    // comparing the name with each of the event's attribute names.
    std::optional<Attr> attr;
    const EventAttrTables& tables = event_attr_tables();
    const AttrSpec* as = event_attr_spec(tables, tables.by_type[static_cast<std::size_t>(spec.type)].data(), name, attr);
    if (!as && attr != Attr::id) {
        s.event_ok = false;
        return fail(at, about(), input_error_code::unknown_attribute, echo(name),
                    fmt::format("event '{}' has no attribute '{}'", spec.element, echo(name)));
    }
    const std::size_t bit = static_cast<std::size_t>(*attr);
    if (s.seen_element[bit]) return bad(input_error_code::duplicate_attribute, "given twice");
    s.seen_element[bit] = true;
    if (!refusal_.empty()) return bad(input_error_code::invalid_value, std::string(refusal_));
    if (value.size() > limits_.max_attribute_length)
        return bad(input_error_code::limit,
                   fmt::format("value of {} bytes exceeds the limit of {} bytes", value.size(), limits_.max_attribute_length));
    // A date or time read as one has digits in runs of at most four (a fraction of a second
    // aside), so it holds no CPR number: it is parsed first and the detector, ~75 instructions a
    // value, runs only on values that could hold one. A value that is not a date is still
    // refused for a CPR number first, as before.
    const bool timed = as && (as->type == ValueType::moment || as->type == ValueType::date);
    ParsedMoment p;
    if (timed) p = as->type == ValueType::date ? parse_date(value) : parse_moment(value, calendar_);
    // A parsed value's only place for a '.' is after the seconds (YYYY-MM-DDThh:mm:ss.f): no scan.
    const bool plain_time = timed && p.status == MomentParse::ok && !(value.size() > 19 && value[19] == '.');
    // Likewise a value that is one of the attribute's enumerated values (the vocabulary's names
    // have digits in runs of at most two), true or false, or a whole number of at most nine digits
    // (a CPR number has ten): read first, the detector skipped (~65 instructions a value).
    std::optional<Value> enumerated;
    bool clean = plain_time;
    if (as && as->type == ValueType::enumeration) {
        enumerated = enum_value(*s.attr_tables, *as, value);
        clean = enumerated.has_value();
    } else if (as && as->type == ValueType::boolean) {
        clean = is_word(value, "true") || is_word(value, "false");
    } else if (as && as->type == ValueType::integer) {
        clean = !value.empty() && value.size() <= 9 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    if (!clean && looks_like_cpr(value)) {
        // A caseworker id is a pseudonym; a CPR number in it would put a person's number in every
        // figure that counts caseworkers. The rule is stated, the value not shown.
        if (as && as->type == ValueType::pseudonym)
            return bad(input_error_code::cpr_elsewhere,
                       "looks like a CPR number, which a caseworker id (a pseudonym: 1 to 64 letters, digits, '_', '-', '.') may not "
                       "hold (the value is not shown)");
        return bad(input_error_code::cpr_elsewhere, cpr_elsewhere);
    }

    if (*attr == Attr::id) {
        if (!valid_id(value))
            return bad(input_error_code::invalid_value, fmt::format("{} is not a valid id (letters, digits, '-', '_', '.', ':')", quoted(value)));
        ev.id_.assign(value.data(), value.size());
        return true;
    }
    // Built in place (one string move and a field copy less per attribute); taken back on a refusal.
    // present_ follows fields_: marked here, recomputed for the attribute when a refusal takes the field back.
    Event::Field& f = s.fields.emplace_back();
    ++ev.field_count_;
    const auto refuse = [&](std::string_view code, std::string what) {
        const Attr taken = s.fields.back().attr;
        s.fields.pop_back();
        --ev.field_count_;
        ev.unmark_present(taken);
        for (const Event::Field& other : s.fields_of(ev))
            if (other.attr == taken) ev.mark_present(taken);
        return bad(code, std::move(what));
    };
    f.attr = *attr;
    ev.mark_present(*attr);
    f.type = as->type;
    f.location = at;
    switch (as->type) {
        case ValueType::moment:
        case ValueType::date: {
            if (p.status != MomentParse::ok)
                return refuse(moment_code(p.status),
                              fmt::format("{} {}", quoted(value), moment_problem(p.status, as->type == ValueType::date, value, &calendar_)));
            f.moment = p.moment;
            if (as->type == ValueType::date) f.moment.instant = detail::day_start(calendar_, f.moment.day);
            break;
        }
        case ValueType::boolean:
            if (!clean) return refuse(input_error_code::invalid_value, fmt::format("{} is not one of: true, false", quoted(value)));
            f.number = is_word(value, "true");
            break;
        case ValueType::integer: {
            std::int64_t n = 0;
            if (value.empty() || value.size() > 9 ||
                !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return refuse(input_error_code::invalid_value, fmt::format("{} is not a whole number from 0 to 999999999", quoted(value)));
            for (char c : value) n = n * 10 + (c - '0');
            f.number = n;
            break;
        }
        case ValueType::enumeration: {
            const auto v = enumerated;  // one of the attribute's values, or none (enum_value)
            if (!v)
                return refuse(input_error_code::invalid_value, fmt::format("{} is not one of: {}", quoted(value), enum_list(as->values)));
            f.number = static_cast<std::int64_t>(*v);
            break;
        }
        case ValueType::text: s.set_text(f, value); break;
        case ValueType::pseudonym: {
            // Not echoed: a value that breaks the pattern is most often a person's name.
            constexpr std::string_view rule = "a caseworker id is a pseudonym of 1 to 64 letters (A-Z, a-z), digits, '_', '-', '.'";
            if (value.empty()) return refuse(input_error_code::invalid_value, fmt::format("is empty; {}", rule));
            if (value.size() > 64)
                return refuse(input_error_code::invalid_value, fmt::format("has {} characters; {} (the value is not shown)", value.size(), rule));
            // id_chars less ':': one load a character (nearly every event has a caseworker).
            const auto bad_char = std::find_if_not(value.begin(), value.end(), [](char c) { return c != ':' && id_chars[static_cast<unsigned char>(c)]; });
            if (bad_char != value.end())
                return refuse(input_error_code::invalid_value,
                              fmt::format("has a character other than those allowed at position {}; {} (the value is not shown)",
                                          bad_char - value.begin() + 1, rule));
            s.set_text(f, value);
            break;
        }
        case ValueType::enumeration_list: {
            // Kept as a set of positions in the attribute's list of values (at most 64: a static_assert in
            // vocabulary.cpp); Event::values gives them back in the list's order.
            std::uint64_t set = 0;
            std::size_t i = 0;
            while (i < value.size()) {
                while (i < value.size() && value[i] == ' ') ++i;
                const std::size_t j = std::min(value.find(' ', i), value.size());
                if (j > i) {
                    const std::string_view one = value.substr(i, j - i);
                    const auto v = value_from_name(one);
                    const auto pos = v ? std::find(as->values.begin(), as->values.end(), *v) : as->values.end();
                    if (pos == as->values.end())
                        return refuse(input_error_code::invalid_value, fmt::format("{} is not one of: {}", quoted(one), enum_list(as->values)));
                    set |= std::uint64_t{1} << (pos - as->values.begin());
                }
                i = j;
            }
            if (set == 0) return refuse(input_error_code::invalid_value, fmt::format("names no value (one or more of: {})", enum_list(as->values)));
            f.number = static_cast<std::int64_t>(set);
            break;
        }
        case ValueType::event_ref:
            if (!valid_id(value)) return refuse(input_error_code::invalid_value, fmt::format("{} is not a valid id", quoted(value)));
            s.set_text(f, value);  // resolved in finish(): the event may come later in the file
            break;
        case ValueType::party_ref:
            if (!valid_id(value)) return refuse(input_error_code::invalid_value, fmt::format("{} is not a valid id", quoted(value)));
            s.set_text(f, value);  // resolved in finish(): people may be declared after events
            break;
        case ValueType::id_refs: {
            const std::size_t begin = s.ref_ids.size();
            const auto refuse_ids = [&](std::string_view code, std::string what) {
                s.ref_ids.truncate(begin);
                return refuse(code, std::move(what));
            };
            std::size_t i = 0, count = 0;
            while (i < value.size()) {
                while (i < value.size() && value[i] == ' ') ++i;
                const std::size_t j = std::min(value.find(' ', i), value.size());
                if (j > i) {
                    const std::string_view one = value.substr(i, j - i);
                    if (!valid_id(one)) return refuse_ids(input_error_code::invalid_value, fmt::format("{} is not a valid id", quoted(one)));
                    if (count == limits_.max_refs_per_event)
                        return refuse_ids(input_error_code::limit, fmt::format("more than {} ids (limit)", limits_.max_refs_per_event));
                    if (count++ > 0) s.ref_ids.push_back(' ');
                    s.ref_ids.append(one);
                }
                i = j;
            }
            if (count == 0) return refuse_ids(input_error_code::invalid_value, "names no event id");
            s.set_ref_ids(ev, begin, s.ref_ids.size());
            break;
        }
    }
    return true;
}

void CaseBuilder::refused_id(std::vector<std::string>& refused, bool& unknown, std::string_view value) const {
    // A value the front end could not hand over (refusal_) is not known; one that is no valid id
    // no reference can name, as references are checked as ids.
    if (!refusal_.empty()) unknown = true;
    else if (valid_id(value)) refused.emplace_back(value);
}

void CaseBuilder::report_ids_and_refs() {
    State& s = *state_;
    // Every event read, accepted or refused for a value, in input order (past Limits::max_events
    // a placeholder of ordinal 0 stands for the rest: event_ids_unknown is set then).
    std::vector<const Event*> read;
    read.reserve(s.events.size() + s.refused_events.size());
    for (const std::vector<Event>* list : {&s.events, &s.refused_events})
        for (const Event& e : *list)
            if (e.ordinal_ != 0) read.push_back(&e);
    std::sort(read.begin(), read.end(), [](const Event* a, const Event* b) { return a->ordinal_ < b->ordinal_; });
    // The same checks as a case without other problems gets, in the same order: ids, then references.
    std::unordered_map<std::string_view, std::pair<const Event*, std::size_t>> by_id;  // first use, uses
    const auto person = [&s](std::string_view id) {
        return s.person_ids.contains(id) || (s.have_child && s.kase->child_.id.empty() && id == "child");
    };
    for (const Event* e : read) {
        if (e->id_.empty()) continue;
        auto& [first, uses] = by_id.try_emplace(e->id_, e, 0).first->second;
        if (uses++ > 0)
            fail(e->location_, event_subject(*e), input_error_code::duplicate_id, "id", duplicate_id_message(e->id_, first->location_.line));
        if (person(e->id_)) fail(e->location_, event_subject(*e), input_error_code::duplicate_id, "id", duplicate_person_id_message(e->id_));
    }
    for (const Event* e : read) {
        const std::string_view element = event_spec(e->type_).element;
        // A refused event's references count only if its ref attribute itself was accepted.
        if (e->present(Attr::ref))
            for_each_id(s.ref_ids_of(*e), [&](std::string_view id) {
                const auto it = by_id.find(id);
                if (it != by_id.end()) {
                    // To itself; of duplicate ids (said above) which one is meant is left open.
                    if (it->second.first == e && it->second.second == 1)
                        fail(s.location_of(*e, Attr::ref), event_subject(*e), input_error_code::self_ref, "ref", self_ref_message(element));
                } else if (!s.event_ids_unknown && !contains(s.refused_event_ids, id)) {
                    fail(s.location_of(*e, Attr::ref), event_subject(*e), input_error_code::unknown_ref, "ref", unknown_ref_message(element, id));
                }
            });
        for (const Event::Field& f : s.fields_of(*e)) {
            const std::string_view text = s.text_of(f);
            if (f.type == ValueType::party_ref && !person(text) && !s.person_ids_unknown && !contains(s.refused_person_ids, text))
                fail(f.location, event_subject(*e), input_error_code::unknown_ref, attr_name(f.attr),
                     unknown_party_message(element, attr_name(f.attr), text));
            if (f.type != ValueType::event_ref) continue;
            if (const auto it = by_id.find(text); it != by_id.end()) {
                if (it->second.first->type_ != event_ref_target(f.attr))
                    fail(f.location, event_subject(*e), input_error_code::unknown_ref, attr_name(f.attr),
                         wrong_target_message(element, f.attr, text, it->second.first->type_));
            } else if (!s.event_ids_unknown && !contains(s.refused_event_ids, text)) {
                fail(f.location, event_subject(*e), input_error_code::unknown_ref, attr_name(f.attr), unknown_target_message(element, f.attr, text));
            }
        }
    }
}

std::shared_ptr<const Case> CaseBuilder::finish() {
    close_open_element();
    State& s = *state_;
    Case& c = *s.kase;
    if (!s.seen_case[0]) fail({}, {"case", -1, {}}, input_error_code::missing_attribute, "id", "case lacks required attribute 'id'");
    if (!s.have_child) fail({}, {"case", -1, c.id_}, input_error_code::missing_element, {}, "case lacks a child element");
    if (!ok()) {
        report_ids_and_refs();
        return nullptr;
    }

    if (c.child_.id.empty()) c.child_.id = "child";
    c.cpr_ = s.child_cpr;
    // The child is person 0, so that a party attribute can name it like anyone else.
    Person child_person{c.child_.id, PersonKind::child, std::nullopt, c.child_.birth_date, std::nullopt, c.child_.location};
    c.persons_.insert(c.persons_.begin(), std::move(child_person));

    // A case has a few people: a scan comparing lengths first (same_id); a sorted table and a
    // binary search only for more than 8, where the scan was the cost. Ids are unique
    // (person_attribute refuses a second use), so both find the same person. Always inlined: GCC
    // kept it out of line, a call a party ref (issue 20, session 33).
    std::vector<std::pair<std::string_view, std::uint32_t>> person_index;
    if (c.persons_.size() > 8) {
        person_index.reserve(c.persons_.size());
        for (std::uint32_t i = 0; i < c.persons_.size(); ++i) person_index.emplace_back(c.persons_[i].id, i);
        std::sort(person_index.begin(), person_index.end());
    }
    const auto person_of = [&](std::string_view id) __attribute__((always_inline)) -> std::optional<std::uint32_t> {
        if (person_index.empty()) {
            for (std::uint32_t i = 0; i < c.persons_.size(); ++i)
                if (same_id(c.persons_[i].id, id)) return i;
            return std::nullopt;
        }
        const auto it = std::lower_bound(person_index.begin(), person_index.end(), std::pair<std::string_view, std::uint32_t>(id, 0));
        if (it == person_index.end() || it->first != id) return std::nullopt;
        return it->second;
    };

    const auto n = static_cast<std::uint32_t>(s.events.size());
    // Events by id: a hash table of event positions plus one (0 is a free slot; open addressing,
    // at most half full), so that checking the ids and resolving each reference is a hash and a
    // compare; sorting the ids and binary searches were a third of finish() (issue 20). Filled
    // in file order with the first event of each id; once the events are in time order, each
    // entry is turned into the earliest event of its id in time.
    unsigned table_bits = 4;
    while ((std::size_t{1} << table_bits) < 2 * std::size_t{n}) ++table_bits;
    const std::size_t table_size = std::size_t{1} << table_bits;
    // Scratch lists live on the stack for a case of up to ~100 events (most of them): the table,
    // then 2n + 1 for the time order (time_index, order) and later the referrers' counts (one resize, not four).
    // Only the table is zeroed: the rest is written before it is read.
    boost::container::small_vector<std::uint32_t, 512> scratch(table_size + 2 * std::size_t{n} + 1, boost::container::default_init);
    const std::span<std::uint32_t> table(scratch.data(), table_size);
    std::fill(table.begin(), table.end(), 0u);
    // The slot of `id`: the one holding it, or the free one where it would go. `events` is
    // s.events, in file order before the time order and in time order after it.
    // Always inlined: as a call (GCC's choice) its frame was ~20 instructions of each id's ~50.
    const auto slot_of = [&](std::string_view id) __attribute__((always_inline)) {
        std::size_t k = id_slot(id, table_bits);
        while (table[k] != 0 && !same_id(s.events[table[k] - 1].id_, id)) k = (k + 1) & (table_size - 1);
        return k;
    };
    // Ids are checked in file order: each duplicate names the line of the first use, and the
    // messages come in file order. first_use (made at the first duplicate): the first event of the
    // same id, or n for the first; clash (made at the first clash): ids a person has too, by their
    // first event.
    std::vector<std::uint32_t> first_use;
    std::vector<bool> clash;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::size_t k = slot_of(s.events[i].id_);
        if (table[k] == 0) {
            table[k] = i + 1;
        } else {
            if (first_use.empty()) first_use.assign(n, n);
            first_use[i] = table[k] - 1;
        }
    }
    // An event id that is a person's too: looked up once per person, not a scan of the people per
    // event.
    for (const Person& p : c.persons_)
        if (const std::size_t k = slot_of(p.id); table[k] != 0) {
            if (clash.empty()) clash.assign(n, false);
            clash[table[k] - 1] = true;
        }
    if (!first_use.empty() || !clash.empty())
        for (std::uint32_t i = 0; i < n; ++i) {
            const Event& e = s.events[i];
            const std::uint32_t first = first_use.empty() || first_use[i] == n ? i : first_use[i];
            if (first != i)
                fail(e.location_, event_subject(e), input_error_code::duplicate_id, "id", duplicate_id_message(e.id_, s.events[first].location_.line));
            if (!clash.empty() && clash[first])
                fail(e.location_, event_subject(e), input_error_code::duplicate_id, "id", duplicate_person_id_message(e.id_));
        }
    // Time order; ties keep input order, so the same file always gives the same order. Files are
    // usually written in time order already: then nothing moves, and an event's position in
    // time is its position in the file.
    const auto earlier = [](const Event& a, const Event& b) { return a.at_.instant < b.at_.instant; };
    // (std::is_sorted: no event earlier than the one before it, the order stable_time_order keeps.)
    const bool in_time_order = std::is_sorted(s.events.begin(), s.events.end(), earlier);
    const std::span<std::uint32_t> time_index(scratch.data() + table_size, n);  // file position -> position in time
    if (!in_time_order) {
        const std::span<std::uint32_t> order(scratch.data() + table_size + n, n);  // position in time -> file position
        stable_time_order(s.events, order, [](const Event& e) { return e.at_.instant; });
        for (std::uint32_t t = 0; t < n; ++t) time_index[order[t]] = t;
        // The events moved into time order in place, a cycle of the permutation at a time
        // (order[] is used up on the way): no second vector of events.
        for (std::uint32_t i = 0; i < n; ++i) {
            if (order[i] == i) continue;
            Event held = std::move(s.events[i]);
            std::uint32_t j = i;
            for (;;) {
                const std::uint32_t from = order[j];
                order[j] = j;
                if (from == i) {
                    s.events[j] = std::move(held);
                    break;
                }
                s.events[j] = std::move(s.events[from]);
                j = from;
            }
        }
        // Each id's entry: the earliest of its events in time (of duplicates, already an error).
        for (std::size_t k = 0; k < table_size; ++k)
            if (table[k] != 0) table[k] = time_index[table[k] - 1] + 1;
        if (!first_use.empty())
            for (std::uint32_t i = 0; i < n; ++i)
                if (first_use[i] != n) {
                    std::uint32_t& entry = table[slot_of(s.events[time_index[i]].id_)];
                    entry = std::min(entry, time_index[i] + 1);
                }
    }
    // (In time order already, the first event of an id in the file is its earliest.) Each event's
    // index_ is set as the references are resolved below, which visits each event once.
    const auto index_of = [&](std::string_view id) -> std::optional<std::uint32_t> {
        const std::size_t k = slot_of(id);
        if (table[k] == 0) return std::nullopt;
        return table[k] - 1;
    };
    // The attributes that may hold an event_ref or a party_ref field: an event with none of them
    // (by Event::present_, which follows its fields) has no field to resolve.
    static const auto ref_attrs = [] {
        std::array<std::uint64_t, std::tuple_size_v<decltype(Event::present_)>> bits{};
        for (const EventSpec& spec : event_specs())
            for (const AttrSpec& a : spec.attrs)
                if (a.type == ValueType::event_ref || a.type == ValueType::party_ref)
                    bits[static_cast<std::size_t>(a.attr) / 64] |= std::uint64_t{1} << (static_cast<std::size_t>(a.attr) % 64);
        return bits;
    }();
    // References are resolved in file order too, so that their messages come in file order. Each
    // event's targets go to the case's one list (Event::refs_begin_), not a vector per event.
    std::vector<std::uint32_t>& refs = c.event_refs_;
    if (Case::Spare* spare = Case::spare(); spare && spare->refs.capacity() > refs.capacity()) std::swap(spare->refs, refs);
    refs.reserve(s.ref_ids.size() / 2 + 1);  // ids of one character or more, one ' ' between
    for (std::uint32_t file_pos = 0; file_pos < n; ++file_pos) {
        const std::uint32_t time_pos = in_time_order ? file_pos : time_index[file_pos];
        Event& e = s.events[time_pos];
        e.index_ = time_pos;
        const std::string_view ids = s.ref_ids_of(e);
        e.refs_begin_ = static_cast<std::uint32_t>(refs.size());
        for_each_id(ids, [&](std::string_view id) {
            const auto target = index_of(id);
            if (!target) {
                fail(s.location_of(e, Attr::ref), event_subject(e), input_error_code::unknown_ref, "ref",
                     unknown_ref_message(event_spec(e.type_).element, id));
                return;
            }
            if (*target == e.index_) {
                fail(s.location_of(e, Attr::ref), event_subject(e), input_error_code::self_ref, "ref", self_ref_message(event_spec(e.type_).element));
                return;
            }
            refs.push_back(*target);
        });
        e.ref_count_ = static_cast<std::uint32_t>(refs.size()) - e.refs_begin_;
        bool may_name = false;
        for (std::size_t w = 0; w < ref_attrs.size(); ++w) may_name = may_name || (e.present_[w] & ref_attrs[w]) != 0;
        if (!may_name) continue;
        for (Event::Field& f : s.fields_of(e)) {
            const std::string_view text = s.text_of(f);
            if (f.type == ValueType::event_ref) {
                const auto target = index_of(text);
                if (!target)
                    fail(f.location, event_subject(e), input_error_code::unknown_ref, attr_name(f.attr),
                         unknown_target_message(event_spec(e.type_).element, f.attr, text));
                else if (const EventType is = s.events[*target].type_; is != event_ref_target(f.attr))
                    fail(f.location, event_subject(e), input_error_code::unknown_ref, attr_name(f.attr),
                         wrong_target_message(event_spec(e.type_).element, f.attr, text, is));
                else
                    f.number = *target;
                continue;
            }
            if (f.type != ValueType::party_ref) continue;
            const auto person = person_of(text);
            if (!person) {
                fail(f.location, event_subject(e), input_error_code::unknown_ref, attr_name(f.attr),
                     unknown_party_message(event_spec(e.type_).element, attr_name(f.attr), text));
                continue;
            }
            f.number = *person;
        }
    }
    if (!ok()) return nullptr;
    const auto refs_of = [&refs](const Event& e) { return std::span<const std::uint32_t>(refs).subspan(e.refs_begin_, e.ref_count_); };
    // Counting sorts into the case's flat lists (Case::events_of, Case::referrers), in time order,
    // in one block (Case::lists_): the referrers are counted first (into the scratch), so that
    // its size is known. An event that names the same event twice refers to it once. last[r]:
    // the latest event counted as naming r, plus one (the table's room, no longer needed).
    const std::span<std::uint32_t> counts(scratch.data() + table_size, n + 1);  // referrers of event i at counts[i + 1]
    std::fill(counts.begin(), counts.end(), 0u);
    std::uint32_t referrer_total = 0;
    if (!refs.empty()) {
        const std::span<std::uint32_t> last(scratch.data(), n);
        std::fill(last.begin(), last.end(), 0u);
        for (const Event& e : s.events)
            for (std::uint32_t r : refs_of(e))
                if (last[r] != e.index_ + 1) last[r] = e.index_ + 1, ++counts[r + 1], ++referrer_total;
    }
    if (Case::Spare* spare = Case::spare(); spare && spare->lists.capacity() > c.lists_.capacity()) std::swap(spare->lists, c.lists_);
    c.lists_.resize(2 * std::size_t{n} + 1 + referrer_total);
    const std::span<std::uint32_t> by_type(c.lists_.data(), n), starts(c.lists_.data() + n, n + 1),
        referrers(c.lists_.data() + 2 * std::size_t{n} + 1, referrer_total);
    c.by_type_start_.fill(0);
    for (const Event& e : s.events) ++c.by_type_start_[static_cast<std::size_t>(e.type_) + 1];
    for (std::size_t t = 0; t < event_type_count; ++t) c.by_type_start_[t + 1] += c.by_type_start_[t];
    {
        std::array<std::uint32_t, event_type_count> next{};
        std::copy_n(c.by_type_start_.begin(), event_type_count, next.begin());
        for (const Event& e : s.events) by_type[next[static_cast<std::size_t>(e.type_)]++] = e.index_;
    }
    starts[0] = 0;
    for (std::uint32_t i = 0; i < n; ++i) starts[i + 1] = starts[i] + counts[i + 1];
    if (referrer_total != 0) {
        const std::span<std::uint32_t> next(counts.data(), n);  // counts no longer needed
        std::copy_n(starts.begin(), n, next.begin());
        const std::span<std::uint32_t> last(scratch.data(), n);
        std::fill(last.begin(), last.end(), 0u);
        for (const Event& e : s.events)
            for (std::uint32_t r : refs_of(e))
                if (last[r] != e.index_ + 1) last[r] = e.index_ + 1, referrers[next[r]++] = e.index_;
    }
    c.events_ = std::move(s.events);
    c.fields_ = std::move(s.fields);
    c.texts_ = s.texts.take();
    c.point_events();
    // The name goes to the case at the end (moved, for a builder that builds no more: one copy
    // of it a file, not three; issue 20, session 29).
    if (s.last_case) c.source_ = std::move(source_);
    else c.source_ = source_;
    std::shared_ptr<const Case> out = std::move(s.kase);
    // A fresh State (its Case on the heap, and the old one freed) only for a builder that may
    // build again: ~1 k instructions a file for the loaders, which never do (issue 20, session 28).
    if (!s.last_case) {
        state_ = std::make_unique<State>();
        state_->short_below = State::short_bound(*this);
    }
    return out;
}

}  // namespace barnetslov
