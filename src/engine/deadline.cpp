#include "engine/deadline.hpp"

#include "calendar/months.hpp"

namespace barnetslov::detail {

namespace {
constexpr Seconds one_second{1};

MarginUnit unit_of(Convention c) {
    switch (c) {
        case Convention::elapsed_hours: return MarginUnit::seconds;
        case Convention::hverdage_after: return MarginUnit::hverdage;
        default: return MarginUnit::days;
    }
}

// Signed distance from `from` to `to` in the deadline's unit (positive when to is later).
std::int64_t distance(const Deadline& d, Instant from_instant, LocalDay from_day, Instant to_instant, LocalDay to_day,
                      const Calendar& cal) {
    switch (unit_of(d.convention)) {
        case MarginUnit::seconds: return (to_instant - from_instant).count();
        case MarginUnit::hverdage: return cal.hverdage_between(from_day, to_day);
        case MarginUnit::days: return (to_day - from_day).count();
    }
    return 0;
}
}  // namespace

std::pair<Instant, Instant> span_of(const Moment& m, const Calendar& cal) {
    if (m.has_time) return {m.instant, m.instant};
    return {cal.start_of_local_day(m.day), cal.end_of_local_day(m.day) - one_second};
}

namespace {
LocalDay take(CountedDay counted, Deadline& d) {
    d.clamped = counted.clamped;
    return counted.day;
}

// `due_instead`: the due day the caller sets at once (make_deadline_due); the counted day still decides `clamped`.
Deadline count_deadline(Convention convention, int amount, const Moment& start, const Calendar& cal,
                        const LocalDay* due_instead = nullptr) {
    Deadline d;
    d.convention = convention;
    d.amount = amount;
    d.start = start;
    if (convention == Convention::elapsed_hours) {
        const auto [lo, hi] = span_of(start, cal);
        d.due_first = Calendar::elapsed_hours_after(lo, amount);
        d.due_last = Calendar::elapsed_hours_after(hi, amount);
        d.due_day = cal.local_day(d.due_first);
        d.end_of_day = false;
        return d;
    }
    const LocalDay s = start.day;
    switch (convention) {
        case Convention::hverdage_after: d.due_day = cal.hverdage_after(s, amount); break;
        case Convention::months_after: d.due_day = take(detail::months_after_counted(s, amount), d); break;
        case Convention::months_before: d.due_day = take(detail::months_before_counted(s, amount), d); break;
        case Convention::years_after: d.due_day = take(detail::years_after_counted(s, amount), d); break;
        case Convention::weeks_after: d.due_day = weeks_after(s, amount); break;
        case Convention::days_after: d.due_day = days_after(s, amount); break;
        case Convention::days_counting_first: d.due_day = days_counting_first(s, amount); break;
        case Convention::none:
        case Convention::elapsed_hours: d.due_day = s; break;
    }
    set_due_day(d, due_instead ? *due_instead : d.due_day, cal);
    return d;
}
}  // namespace

Deadline make_deadline(const RuleMeta& meta, const Moment& start, const Calendar& cal) {
    return count_deadline(meta.convention, meta.amount, start, cal);
}

Deadline make_deadline_due(const RuleMeta& meta, const Moment& start, LocalDay day, const Calendar& cal) {
    return count_deadline(meta.convention, meta.amount, start, cal, &day);
}

Deadline make_deadline(const DeadlineTerm& term, const Moment& start, const Calendar& cal) {
    return count_deadline(term.convention, term.amount, start, cal);
}

Deadline make_deadline(const DeadlineTerm& term, int stated_amount, const Moment& start, const Calendar& cal) {
    return count_deadline(term.convention, stated_amount, start, cal);
}

Deadline due_on(DueBy by, const Moment& start, LocalDay day, const Calendar& cal) {
    Deadline d = count_deadline(Convention::none, 0, start, cal);
    d.due_by = by;
    set_due_day(d, day, cal);
    return d;
}

void set_due_day(Deadline& d, LocalDay day, const Calendar& cal) {
    d.due_day = day;
    d.due_first = d.due_last = cal.end_of_local_day(day) - one_second;
    d.end_of_day = true;
}

void set_limit_from_start(Deadline& d, LocalDay day, const Calendar& cal) {
    d.due_day = day;
    d.due_first = d.due_last = cal.start_of_local_day(day);
    d.end_of_day = false;
}

namespace {
// Lateness in hverdage (law README, "N hverdage after"): the hverdage after the due day up to and
// including `when`, that day counted as one even when it is not a hverdag — a kvittering sent on the
// Saturday after a Friday deadline is late by 1 hverdag. The same for a duty still undone, up to the
// as-of day.
std::int64_t hverdage_late(const Calendar& cal, LocalDay due_day, LocalDay when) {
    return cal.hverdage_between(due_day, when) + (cal.is_hverdag(when) ? 0 : 1);
}
// Conventions counted forward from the event the fulfilment answers.
bool counted_forward(Convention c) { return c != Convention::none && c != Convention::months_before; }
}  // namespace

void judge(Finding& f, const Deadline& d, const std::optional<Moment>& done, const EvalContext& ctx, Earlier earlier) {
    const Calendar& cal = ctx.calendar;
    f.deadline = d;
    f.done = done;
    f.margin_unit = unit_of(d.convention);
    if (done && earlier == Earlier::inconsistent && counted_forward(d.convention) && order(*done, d.start) == Order::before) {
        f.status = Status::indeterminate;
        f.reason = &reasons::inconsistent_dates;
        return;
    }
    if (done && !done->has_time && d.end_of_day && f.margin_unit != MarginUnit::seconds) {
        // A date-only fulfilment of a duty due at the end of a day (set_due_day): the days alone decide, as
        // the instants below would. Days end in the days' order, so the day's end is not after the due
        // day's end exactly when the day is not after the due day, and a later day starts after it;
        // the margin is in days or hverdage. Saves the day's end (~90 instructions through the zone
        // table) and, when late, its start: ~0.5 k a file of `check --summary` (issue 20, session 33).
        if (done->day <= d.due_day) {
            f.status = Status::met;
            f.reason = &reasons::done_in_time;
            f.margin = distance(d, {}, done->day, {}, d.due_day, cal);
        } else {
            f.status = Status::late;
            f.reason = &reasons::done_late;
            f.margin = f.margin_unit == MarginUnit::hverdage ? -hverdage_late(cal, d.due_day, done->day)
                                                             : -distance(d, {}, d.due_day, {}, done->day, cal);
        }
        return;
    }
    if (done) {
        // span_of(*done), its start found only when the end does not settle it (a day start is ~100
        // instructions through the zone table, and most duties are done in time).
        const Instant hi = done->has_time ? done->instant : cal.end_of_local_day(done->day) - one_second;
        if (hi <= d.due_first) {
            f.status = Status::met;
            f.reason = &reasons::done_in_time;
            f.margin = distance(d, hi, done->day, d.due_first, d.due_day, cal);
            return;
        }
        const Instant lo = done->has_time ? done->instant : cal.start_of_local_day(done->day);
        if (lo > d.due_last) {
            f.status = Status::late;
            f.reason = &reasons::done_late;
            f.margin = f.margin_unit == MarginUnit::hverdage ? -hverdage_late(cal, d.due_day, done->day)
                                                             : -distance(d, d.due_last, d.due_day, lo, done->day, cal);
        } else {
            f.status = Status::indeterminate;
            f.reason = &reasons::order_unknown;
        }
        return;
    }
    if (ctx.as_of > d.due_last) {
        f.status = Status::missed;
        f.reason = &reasons::overdue;
        f.margin = f.margin_unit == MarginUnit::hverdage ? -hverdage_late(cal, d.due_day, ctx.as_of_day)
                                                         : -distance(d, d.due_last, d.due_day, ctx.as_of, ctx.as_of_day, cal);
    } else if (ctx.as_of <= d.due_first) {
        f.status = Status::pending;
        f.reason = &reasons::due_ahead;
        f.margin = distance(d, ctx.as_of, ctx.as_of_day, d.due_first, d.due_day, cal);
    } else {
        f.status = Status::indeterminate;  // the deadline may or may not have passed
        f.reason = &reasons::order_unknown;
    }
}

Order order(const Moment& a, const Moment& b) {
    if (a.has_time && b.has_time) {
        if (a.instant < b.instant) return Order::before;
        if (a.instant > b.instant) return Order::after;
        return Order::unknown;
    }
    if (a.day < b.day) return Order::before;
    if (a.day > b.day) return Order::after;
    return Order::unknown;
}

}  // namespace barnetslov::detail
