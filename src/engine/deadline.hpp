// Counting and judging deadlines, shared by every rule so that all count alike.
#pragma once

#include <optional>
#include <utility>

#include "barnetslov/finding.hpp"

namespace barnetslov::detail {

// The instants a moment may stand for, inclusive: one instant, or a whole local day.
[[nodiscard]] std::pair<Instant, Instant> span_of(const Moment& m, const Calendar& cal);

// Counts a deadline of `amount` units of `convention` from `start`.
[[nodiscard]] Deadline make_deadline(Convention convention, int amount, const Moment& start, const Calendar& cal);

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
// (Reason::inconsistent_dates) unless `earlier` says it is in time.
void judge(Finding& f, const Deadline& deadline, const std::optional<Moment>& done, const EvalContext& ctx,
           Earlier earlier = Earlier::inconsistent);

enum class Order { before, unknown, after };
// Whether `a` is before `b`; `unknown` when they share a date and either lacks a time.
[[nodiscard]] Order order(const Moment& a, const Moment& b);

}  // namespace barnetslov::detail
