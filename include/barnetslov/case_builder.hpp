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

struct InputError {
    std::string source;
    SourceLocation location;  // 0/0 when there is no position
    std::string message;      // "event 'kvittering' attribute 'at': '2024-13-01' is not a date"

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
    void add_error(SourceLocation at, std::string message);

    [[nodiscard]] bool ok() const { return errors_.empty(); }
    [[nodiscard]] const std::vector<InputError>& errors() const { return errors_; }
    [[nodiscard]] std::size_t event_count() const;

    // Checks what can only be checked at the end (required attributes, ids, references), orders
    // the events in time and hands over the case. Returns nullptr when any error was recorded.
    [[nodiscard]] std::shared_ptr<const Case> finish();

private:
    friend struct detail::BuilderAccess;
    struct State;
    bool fail(SourceLocation at, std::string message);
    bool utf8_ok(std::string_view a, std::string_view b = {}) const;
    void close_open_element();

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

}  // namespace barnetslov
