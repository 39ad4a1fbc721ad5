// Counting and judging deadlines, shared by every rule so that all count alike.
#pragma once

#include <optional>
#include <utility>

#include "barnetslov/finding.hpp"
#include "engine/rule_interface.hpp"

// The general reasons (general_reasons(), rule.hpp): the outcomes of a counted deadline, which judge()
// gives for every rule that has one, and before_rule, which open_finding() gives.
namespace barnetslov::reasons {

inline constexpr Reason done_in_time{
    .key = "done_in_time",
    .da = "Opfyldt inden fristen.",
    .en = "Done before the deadline.",
};

inline constexpr Reason done_late{
    .key = "done_late",
    .da = "Opfyldt efter fristen.",
    .en = "Done after the deadline.",
};

inline constexpr Reason overdue{
    .key = "overdue",
    .da = "Ikke opfyldt, og fristen er udløbet.",
    .en = "Not done, and the deadline has passed.",
};

inline constexpr Reason due_ahead{
    .key = "due_ahead",
    .da = "Endnu ikke opfyldt; fristen er ikke udløbet.",
    .en = "Not done yet; the deadline is ahead.",
};

// a date without a time on the deciding day
inline constexpr Reason order_unknown{
    .key = "order_unknown",
    .da = "Kan ikke afgøres: en dato uden klokkeslæt falder på den dag, fristen udløber.",
    .en = "Cannot be decided: a date without a time of day falls on the day the deadline ends.",
};

// the fulfilment is dated before the event it answers
inline constexpr Reason inconsistent_dates{
    .key = "inconsistent_dates",
    .da = "Kan ikke afgøres: opfyldelsen er dateret før den hændelse, den besvarer (modstridende datoer).",
    .en = "Cannot be decided: the fulfilment is dated before the event it answers (inconsistent dates).",
};

// no version of the rule applies on the trigger day
inline constexpr Reason before_rule{
    .key = "before_rule",
    .da = "Pligten fandtes ikke på den dag, der udløste den.",
    .en = "The duty did not exist on the day that would have started it.",
};

}  // namespace barnetslov::reasons

namespace barnetslov::detail {

// The instants a moment may stand for, inclusive: one instant, or a whole local day.
[[nodiscard]] std::pair<Instant, Instant> span_of(const Moment& m, const Calendar& cal);

// A rule's deadline counted from `start` as its metadata says: convention and amount are written once,
// in the RuleMeta, never again at the call.
[[nodiscard]] Deadline make_deadline(const RuleMeta& meta, const Moment& start, const Calendar& cal);
// The same made due on `day` (as set_due_day does), without converting the counted day to instants first:
// a rule that judges a window a year calls it per window (BL-TILS-2X).
[[nodiscard]] Deadline make_deadline_due(const RuleMeta& meta, const Moment& start, LocalDay day, const Calendar& cal);
// One of the rule's other deadlines (an element of meta.other_deadlines).
[[nodiscard]] Deadline make_deadline(const DeadlineTerm& term, const Moment& start, const Calendar& cal);
// The same with the amount the case file states (a term with amount_from_case).
[[nodiscard]] Deadline make_deadline(const DeadlineTerm& term, int stated_amount, const Moment& start, const Calendar& cal);
// A due day that is not counted (Convention::none): fixed in a decision, or the day of an event (`by`).
// `start` is what the finding counts from in its text.
[[nodiscard]] Deadline due_on(DueBy by, const Moment& start, LocalDay day, const Calendar& cal);

// Makes `day` the deadline's due day, due at the end of it (a date fixed in a decision, a day
// moved to the next hverdag, a day brought forward by an earlier event).
void set_due_day(Deadline& d, LocalDay day, const Calendar& cal);

// Whether a fulfilment may be dated before the deadline's start: for most duties it answers the
// event that started the clock, so one dated before it is inconsistent (law README, "Inconsistent
// dates": indeterminate, never met); a plan made before the decision it serves is in time.
enum class Earlier : bool { inconsistent, in_time };
// Makes `day` a lower bound ("not earlier than"): allowed from 00:00 local on that day (law README,
// months before a date). end_of_day is false and due_first the first allowed instant.
void set_limit_from_start(Deadline& d, LocalDay day, const Calendar& cal);

// Sets status, reason, done and margin of `f` for a deadline fulfilled at `done` (or not yet).
// A fulfilment dated before the start of a deadline counted forward is `indeterminate`
// (&reasons::inconsistent_dates) unless `earlier` says it is in time.
void judge(Finding& f, const Deadline& deadline, const std::optional<Moment>& done, const EvalContext& ctx,
           Earlier earlier = Earlier::inconsistent);

enum class Order { before, unknown, after };
// Whether `a` is before `b`; `unknown` when they share a date and either lacks a time.
[[nodiscard]] Order order(const Moment& a, const Moment& b);

}  // namespace barnetslov::detail
