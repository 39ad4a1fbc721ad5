// A finding: one rule applied to one duty in one case, with everything a caseworker needs to
// follow it — the events it rests on, how the deadline was counted, and the margin.
// Messages are built from these structured fields (report/messages), never parsed back.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "barnetslov/case.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

// What an event is to a finding.
enum class EventRole : std::uint8_t {
    trigger,      // started the duty (an underretning, a decision)
    fulfilment,   // did what the duty asks (the assessment, the kvittering)
    exception,    // a lawful exception used (foreløbig vurdering, § 5 stk. 4)
    related,      // shown for context (a later conversation, the written underretning)
};

// Why a finding has its status; selects the explanation text.
enum class Reason : std::uint8_t {
    done_in_time,
    done_late,
    overdue,
    due_ahead,
    order_unknown,               // a date without a time on the deciding day
    before_rule,                 // no version of the rule applies on the trigger day
    lacks_conclusion,            // 24 h: the assessment states neither/only one conclusion
    notifier_not_professional,   // kvittering: private/anonymous notifier
    notifier_unknown,
    awareness_unknown,           // 4 months: no start of the clock in the file
    subject_not_covered,         // e.g. kommende forældre (§ 26), deadline unconfirmed
    preliminary_in_time,         // 4 months: met through a foreløbig vurdering
    preliminary_late,
    still_open_after_preliminary,
    views_obtained,
    views_declined,
    views_exception,
    views_missing,
    views_only_after,
    decision_not_listed,         // before 2024: not on SEL § 48's closed list
    decision_kind_unknown,       // before 2024: kind 'other', cannot tell if listed
    decision_not_about_child,    // unborn child, or not the municipality's decision
    exception_ok,
    exception_reason_missing,
    exception_alternative_missing,
    exception_no_alternative,
    exception_not_needed,
};

enum class Basis : std::uint8_t {
    none,
    foreloebig_vurdering,  // § 20 stk. 3 / SEL § 50 stk. 7
    views_exception,       // § 5 stk. 4
    child_declined,        // the child declined the conversation (UNCONFIRMED under barnets lov)
    same_day,              // conversation and decision on the same date, order within it unknown
};

enum class MarginUnit : std::uint8_t { seconds, days, hverdage };

struct EventUse {
    std::uint32_t event;
    EventRole role;
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
    bool end_of_day = true; // due at the end of due_day (day-based) rather than at an instant
    bool clamped = false;   // month arithmetic clamped to the month's last day
};

struct Finding {
    std::uint16_t rule = 0;       // index in the engine's rulebook
    std::uint8_t version = 0;     // index into the rule's versions (valid unless before_rule)
    bool has_version = false;
    Status status = Status::indeterminate;
    Reason reason = Reason::done_in_time;
    Basis basis = Basis::none;
    std::uint32_t subject = 0;    // the event the duty is about
    std::vector<EventUse> events; // subject first
    std::optional<Deadline> deadline;
    std::optional<Moment> done;   // when the duty was fulfilled
    // Signed margin: > 0 time to spare (or left, when pending), < 0 late or overdue by.
    std::optional<std::int64_t> margin;
    MarginUnit margin_unit = MarginUnit::seconds;
};

struct EvalContext {
    const Calendar& calendar;
    Instant as_of;
    LocalDay as_of_day;
    // Events dated after the as-of instant are not yet known and are ignored by every rule.
    [[nodiscard]] bool known(const Event& e) const {
        return e.at().has_time ? e.at().instant <= as_of : e.at().day <= as_of_day;
    }
};

// The sink rules write to; the engine stamps each finding with the rule's index.
class Findings {
public:
    explicit Findings(std::vector<Finding>& out) : out_(out) {}
    Finding& add(std::uint16_t rule_index) {
        Finding& f = out_.emplace_back();
        f.rule = rule_index;
        return f;
    }
    void set_rule(std::uint16_t index) { current_ = index; }
    Finding& add() { return add(current_); }

private:
    std::vector<Finding>& out_;
    std::uint16_t current_ = 0;
};

}  // namespace barnetslov
