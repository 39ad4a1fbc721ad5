// Builds a Case from named elements and attributes, with one set of checks and messages.
//
// The XML loader drives it element by element; vendors who hold their data in a database drive
// it directly (or through the C API's bl_builder_*). Either way an attribute is checked against
// the vocabulary the same way and a bad value gives the same message:
//   case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is not a date
//
// Privacy: a CPR number is accepted only in the child's and a sibling's cpr attribute. A value
// holding one in any other attribute is refused, so that no id or label the library prints can
// carry one: six digits that form a real date (DDMMYY and the century digit), at most two
// separators and four digits, however written (fullwidth or other Unicode digits, character
// references, a space, dot, slash, NBSP or dash between, invisible characters such as a soft
// hyphen or a zero-width space inside), and not inside a longer run of digits. Messages never
// show such a value, and mask the digits of anything CPR-like they echo ('######-####'); the
// source name is shown escaped and masked the same way in every message and report.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "barnetslov/case.hpp"

namespace barnetslov {

namespace detail {
struct BuilderAccess;  // the library's own front ends (src/case/builder_access.hpp)
}

// Upper bounds on what one case may hold; a case over a limit is rejected with a clear error.
struct Limits {
    std::size_t max_file_bytes = 16u << 20;     // 16 MiB
    std::size_t max_events = 100'000;
    std::size_t max_persons = 1'000;
    std::size_t max_attribute_length = 4'096;
    std::size_t max_refs_per_event = 64;
    std::size_t max_depth = 8;                  // XML element nesting (the vocabulary needs 3)
    std::size_t max_errors = 50;                // errors collected before giving up
};

// What kind of problem an InputError is: a stable key a front end can map to its own handling
// (one per value below; the message says the rest).
namespace input_error_code {
inline constexpr std::string_view io = "io";                                   // the input could not be read
inline constexpr std::string_view syntax = "syntax";                           // not well-formed XML or JSON
inline constexpr std::string_view format = "format";                           // not this case-file format or version
inline constexpr std::string_view structure = "structure";                     // an element or key where it may not be
inline constexpr std::string_view encoding = "encoding";                       // a name or value not valid UTF-8
inline constexpr std::string_view unknown_element = "unknown_element";         // not an event type or person element
inline constexpr std::string_view unknown_attribute = "unknown_attribute";     // not an attribute of its element
inline constexpr std::string_view duplicate_attribute = "duplicate_attribute"; // given twice
inline constexpr std::string_view missing_attribute = "missing_attribute";     // a required attribute absent
inline constexpr std::string_view missing_element = "missing_element";         // the case has no child
inline constexpr std::string_view invalid_value = "invalid_value";             // not a value of the attribute's type
inline constexpr std::string_view nonexistent_time = "nonexistent_time";       // a wall-clock time the clocks skip
inline constexpr std::string_view ambiguous_time = "ambiguous_time";           // a wall-clock time the clocks pass twice
inline constexpr std::string_view out_of_range = "out_of_range";               // a date outside 1900-2199
inline constexpr std::string_view cpr_elsewhere = "cpr_elsewhere";             // a CPR number outside a cpr attribute
inline constexpr std::string_view invalid_cpr = "invalid_cpr";                 // a cpr attribute that is not one
inline constexpr std::string_view inconsistent = "inconsistent";               // birth-date and CPR number disagree
inline constexpr std::string_view duplicate_id = "duplicate_id";
inline constexpr std::string_view unknown_ref = "unknown_ref";                 // names no event or person of the case
inline constexpr std::string_view self_ref = "self_ref";                       // an event that refers to itself
inline constexpr std::string_view limit = "limit";                             // over one of the Limits
}  // namespace input_error_code

struct InputError {
    std::string source;
    SourceLocation location;  // 0/0 when there is no position
    std::string message;      // "event 'kvittering' attribute 'at': '2024-13-01' is not a date"
    // Where in the case the problem is, for a front end that maps it back to its own rows (the
    // C API's bl_input_problem). Names and ids are shown as the message shows them (masked).
    std::string_view code = input_error_code::structure;
    std::string element{};         // "case", "child", "party", "sibling", an event element, or "" (the input)
    std::int64_t event_index = -1; // the event's 0-based position among the input's events (begin_event calls), or -1
    std::string id{};              // the element's id, when known
    std::string attribute{};       // the attribute at fault, or ""

    // "source:line:column: message", or "source: message" without a position.
    [[nodiscard]] std::string to_string() const;
};

class CaseBuilder {
public:
    // `source` names the input in messages (a path, or e.g. "case 2024-0117" for a vendor). It is
    // kept as shown: bytes that are not UTF-8 as \xHH, control characters escaped, and the digits
    // of anything CPR-like as '#' (Case::source, InputError::source).
    CaseBuilder(std::string source, const Calendar& calendar, Limits limits = {});
    // Starts from a copy of `base` (its child, people and events), to add events to it: e.g. a
    // decision not yet made, to see what findings it would give. `base` is not changed.
    CaseBuilder(const Case& base, const Calendar& calendar, Limits limits = {});
    ~CaseBuilder();
    CaseBuilder(const CaseBuilder&) = delete;
    CaseBuilder& operator=(const CaseBuilder&) = delete;

    // Each call records an error (and returns false) when the input is wrong; building goes on
    // so that one pass reports every problem, up to Limits::max_errors.
    bool case_attribute(std::string_view name, std::string_view value, SourceLocation at = {});
    bool begin_child(SourceLocation at = {});
    bool child_attribute(std::string_view name, std::string_view value, SourceLocation at = {});
    // `element` is "party" or "sibling".
    bool begin_person(std::string_view element, SourceLocation at = {});
    bool person_attribute(std::string_view name, std::string_view value, SourceLocation at = {});
    // `element` is an event element name of the vocabulary ("underretning", "kvittering", ...).
    bool begin_event(std::string_view element, SourceLocation at = {});
    bool event_attribute(std::string_view name, std::string_view value, SourceLocation at = {});

    // An error found outside the vocabulary (e.g. by the XML parser), kept in order with the rest.
    void add_error(SourceLocation at, std::string message) { add_error(at, input_error_code::structure, std::move(message)); }
    void add_error(SourceLocation at, std::string_view code, std::string message);

    [[nodiscard]] bool ok() const { return errors_.empty(); }
    [[nodiscard]] const std::vector<InputError>& errors() const { return errors_; }
    [[nodiscard]] std::size_t event_count() const;

    // Checks what can only be checked at the end (required attributes, ids, references), orders
    // the events in time and hands over the case. Returns nullptr when any error was recorded.
    [[nodiscard]] std::shared_ptr<const Case> finish();

private:
    friend struct detail::BuilderAccess;
    struct State;
    // The element a problem is about (InputError::element, event_index, id).
    struct Subject {
        std::string_view element;
        std::int64_t event_index = -1;
        std::string_view id;
    };
    [[nodiscard]] Subject open_subject() const;
    [[nodiscard]] static Subject event_subject(const Event& e);
    bool fail(SourceLocation at, const Subject& about, std::string_view code, std::string_view attribute, std::string message);
    bool utf8_ok(std::string_view a, std::string_view b = {}) const;
    // event_attribute with every check and message; event_attribute itself takes the ordinary
    // attribute on a short path and hands anything else to this (src/case/case_builder.cpp).
    bool event_attribute_checked(std::string_view name, std::string_view value, SourceLocation at);
    void close_open_element();
    // finish() of a case refused for other problems: its duplicate ids and unknown references
    // too, so that one round reports every problem (src/case/case_builder.cpp).
    void report_ids_and_refs();
    void refused_id(std::vector<std::string>& refused, bool& unknown, std::string_view value) const;

    std::string source_;
    const Calendar& calendar_;
    Limits limits_;
    std::vector<InputError> errors_;
    std::unique_ptr<State> state_;
    // Set by the XML loader, which has checked the whole file: checking each value again was 2 %
    // of a batch (bench/ANALYSIS.md).
    bool utf8_checked_ = false;
    // Set by the JSON loader for a value of a kind no attribute takes as it stands (null, an
    // object, a number where text belongs): the attribute counts as given, so that no "lacks
    // required attribute" follows, and this says what is wrong with it instead of its value.
    std::string_view refusal_;
};

// Reads a date/time value as the law README prescribes. Exposed for the CLI's --as-of and tests.
enum class MomentParse { ok, not_a_date, not_a_time, gap, overlap, out_of_range };
struct ParsedMoment {
    MomentParse status = MomentParse::ok;
    Moment moment;
};
[[nodiscard]] ParsedMoment parse_moment(std::string_view text, const Calendar& calendar);
[[nodiscard]] ParsedMoment parse_date(std::string_view text);
// Why `text` is not a moment, as the builder's messages say it ("does not exist in Copenhagen
// time (the clocks skip 02:00-03:00); give a UTC offset"), for a front end that reads times
// outside a case (the C API's bl_time_parse). "" for MomentParse::ok.
[[nodiscard]] std::string moment_problem_text(MomentParse problem, std::string_view text, const Calendar& calendar);

}  // namespace barnetslov
