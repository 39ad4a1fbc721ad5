// A finding: one rule applied to one duty in one case, with everything a caseworker needs to
// follow it — the events it rests on, how the deadline was counted, and the margin.
// Messages are built from these structured fields (report/messages), never parsed back.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "barnetslov/case.hpp"
#include "barnetslov/inline_vector.hpp"
#include "barnetslov/readings.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

// What an event is to a finding.
enum class EventRole : std::uint8_t {
    trigger,      // started the duty (an underretning, a decision)
    fulfilment,   // did what the duty asks (the assessment, the kvittering)
    exception,    // a lawful exception used (foreløbig vurdering, § 5 stk. 4)
    related,      // shown for context (a later conversation, the written underretning)
};

enum class Basis : std::uint8_t {
    none,
    foreloebig_vurdering,  // § 20 stk. 3 / SEL § 50 stk. 7
    views_exception,       // § 5 stk. 4
    child_declined,        // the child declined the conversation (UNCONFIRMED under barnets lov)
    same_day,              // conversation and decision on the same date, order within it unknown
    urgent_plan,           // Serviceloven § 140: an urgent decision, the handleplan within 4 months
    hearing_exception,     // § 142 stk. 2: hearing the child would harm it
    provisional_parallel,  // § 46 stk. 3 / § 32 stk. 4: acting before the undersøgelse ends
    deviation_explained,   // § 21 stk. 5 "som udgangspunkt": one caseworker, with a recorded reason
};

enum class MarginUnit : std::uint8_t { seconds, days, hverdage };

struct EventUse {
    std::uint32_t event;
    EventRole role;
};

// What an uncounted deadline (Convention::none) is due by: a date the decision fixed, or the day of
// an event the law ties the duty to.
enum class DueBy : std::uint8_t {
    counted, fixed_in_decision, placement_start, return_home, planned_return, day_before_18,
    calendar_year_end,  // the last day of a calendar year (supervision-year=calendar)
    placement_end,      // the day the placement ended (a period it cut short)
};

// A deadline, as counted. The due time is an inclusive interval [due_first, due_last] of
// instants: one instant for a counted clock, a whole day when the start had no time of day.
struct Deadline {
    Convention convention = Convention::none;
    int amount = 0;
    Moment start;           // the moment the clock started
    LocalDay due_day{};     // the local day the deadline falls on
    Instant due_first{};    // earliest possible last moment
    Instant due_last{};     // latest possible last moment (== due_first when exact)
    // Due at the end of due_day (day-based). False for an hours deadline (an instant), and for a
    // lower bound ("not earlier than", § 49), whose limit is 00:00 local on due_day: due_first is
    // then the first allowed instant rather than the last.
    bool end_of_day = true;
    bool clamped = false;   // month arithmetic clamped to the month's last day
    bool moved_to_hverdag = false;  // a citizen's deadline ending on a non-hverdag moved on
    DueBy due_by = DueBy::counted;  // Convention::none: what the due day is
};

struct Finding {
    // Written out so that a Finding made in place (std::vector::emplace_back(), as the rules' sink
    // makes every one) sets its members as below and no more: with the implicit constructor that
    // value-initialisation zeroes all 176 bytes first, one `rep stos` a finding, which cost more
    // CPU time than the member stores (bench/ANALYSIS.md, session 29).
    Finding() noexcept {}

    std::uint16_t rule = 0;       // index in the engine's rulebook
    std::uint8_t version = 0;     // index into the rule's versions (valid unless before_rule)
    bool has_version = false;
    Status status = Status::indeterminate;
    // Judged with an event dated after the report's as-of time, as if that event happens as planned
    // (EvaluateOptions::planned_as_proposed): what a plan would give, never what the file shows.
    bool planned = false;
    const Reason* reason = nullptr;  // never null in a finding the engine returns
    Basis basis = Basis::none;
    std::uint32_t subject = 0;    // the event the duty is about
    // Subject first. Inline room for four: most findings name two or three events, and an
    // allocation per finding was a third of evaluating a typical case (bench/ANALYSIS.md).
    InlineVector<EventUse, 4> events;
    std::optional<Deadline> deadline;
    std::optional<Moment> done;   // when the duty was fulfilled
    // Signed margin: > 0 time to spare (or left, when pending), < 0 late or overdue by.
    std::optional<std::int64_t> margin;
    MarginUnit margin_unit = MarginUnit::seconds;
    // The attribute of the subject a content finding judged (has-reasons, has-purpose, ...).
    std::optional<Attr> attribute;
    // For counted requirements (supervision visits): how many were found, and how many needed.
    std::uint16_t count = 0;
    std::uint16_t required = 0;
};

}  // namespace barnetslov
