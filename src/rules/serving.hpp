// Which event serves which trigger (law README, "Readings settled after the statute and authority
// review": "Which event serves which trigger"), decided here once for every rule.
//
// - A record whose `ref` names an event of the trigger's kind serves that trigger only (linked).
// - An unlinked record (no `ref`, or a `ref` to an event of another kind) serves,
//   * for a duty BEFORE a decision (views, hearing, information, consent, statement, plan): the first
//     decision about the child on or after it, and only that one, and only when it is dated within
//     `before-record-months` (6, INFERRED) before that decision;
//   * for a duty AFTER a trigger (assessment, kvittering, screening, plan within 3 months,
//     follow-up): the latest trigger of that kind on or before it.
// Triggers whose order among themselves the file cannot tell (the same date without times) are one
// group: a record serves each of them, since the file cannot show which came first and the engine
// never overstates. Every search here is a binary search on a list in time order, so a rule that asks
// once per trigger stays linear in the case.
#pragma once

#include <memory>
#include <span>

#include <boost/container/small_vector.hpp>

#include "rules/common.hpp"

// The reasons of the serving rule (law README): why a record does or does not serve a decision.
namespace barnetslov::reasons {

// no plan at all where one was required before the decision
inline constexpr Reason plan_missing{
    .key = "plan_missing",
    .da = "Der er ingen plan, selv om den skulle foreligge før afgørelsen.",
    .en = "There is no plan, although one had to exist before the decision.",
};

// the plan came after a decision it had to precede
inline constexpr Reason plan_after_decision{
    .key = "plan_after_decision",
    .da = "Planen kom først efter afgørelsen, som den skulle gå forud for.",
    .en = "The plan only came after the decision it had to precede.",
};

// the latest unlinked record is older than before-record-months before the decision
inline constexpr Reason record_too_old{
    .key = "record_too_old",
    .da = "Ingen aktuel registrering til denne afgørelse: den seneste er ældre end den tilladte periode før afgørelsen.",
    .en = "No current record for this decision: the latest is older than the period allowed before the decision.",
};

// the latest unlinked record is dated before an earlier decision, which it serves
inline constexpr Reason record_serves_earlier{
    .key = "record_serves_earlier",
    .da = "Ingen aktuel registrering til denne afgørelse: den seneste er dateret før en tidligere afgørelse og hører til den.",
    .en = "No current record for this decision: the latest is dated before an earlier decision and belongs to that one.",
};

// the latest unlinked record shares a date with an earlier decision; order unknown
inline constexpr Reason record_order_unknown{
    .key = "record_order_unknown",
    .da = "Kan ikke afgøres: den seneste registrering har samme dato som en tidligere afgørelse, og rækkefølgen fremgår ikke.",
    .en = "Cannot be decided: the latest record shares its date with an earlier decision, and the order is not shown.",
};

}  // namespace barnetslov::reasons

namespace barnetslov::rules_detail {

// A decision about the child: every afgørelse except kinds aktindsigt and complaint-decision and
// except the decisions of Ankestyrelsen or a court (law README).
inline bool about_child(const Event& d) {
    if (d.type() != EventType::afgoerelse) return false;
    const Value kind = decision_kind(d);
    const auto body = d.value(Attr::body);
    return kind != Value::aktindsigt && kind != Value::complaint_decision && body != Value::appeals_board && body != Value::court;
}

// The event of `kind` that record `r` is linked to: the first its `ref` names; nullptr: unlinked. A
// `ref` to an event of another kind leaves a record unlinked (README). A plan naming a measure's start
// (indsats-start) ALSO serves that measure's decision ("A plan also serves a decision when it names the
// decision's measure"): for_each_linked offers it to that decision, and it stays unlinked for the rest.
inline const Event* linked_to(const Case& c, const Event& r, EventType kind) { return first_ref(c, r, kind); }

// Calls `fn` for each record linked to trigger `t`: its referrers, and the plans naming the measure
// start (indsats-start) that puts a decision into effect (linked_to), in time order per list.
template <class Fn>
void for_each_linked(const Case& c, const Event& t, Fn fn) {
    for (std::uint32_t r : c.referrers(t.index())) {
        const Event& e = c.event(r);
        fn(e);
        if (e.type() == EventType::indsats_start && t.type() == EventType::afgoerelse)
            for (std::uint32_t k : c.referrers(r))
                if (c.event(k).type() == EventType::plan && !first_ref(c, c.event(k), EventType::afgoerelse)) fn(c.event(k));
    }
}

// The known decisions about the child, listed once per evaluation.
class ChildDecisions {
public:
    // Listed once per evaluation where there is a memo (six rules ask), else for this rule.
    ChildDecisions(const Case& c, const EvalContext& ctx) {
        if (!ctx.memo) {
            assign(own_, c, ctx);
            list_ = &own_;
            return;
        }
        auto& shared = ctx.memo->child_decisions;
        if (!shared) assign(shared.emplace(), c, ctx);
        list_ = &*shared;
    }
    ChildDecisions(const ChildDecisions&) = delete;
    ChildDecisions& operator=(const ChildDecisions&) = delete;
    // The latest decision about the child certainly before `m` (nullptr: none).
    [[nodiscard]] const Event* previous(const Moment& m) const {
        const int p = list_->last_before(m);
        return p < 0 ? nullptr : &list_->at(static_cast<std::size_t>(p));
    }

private:
    static void assign(TimeOrdered& to, const Case& c, const EvalContext& ctx) {
        to.assign_if(c, c.events_of(EventType::afgoerelse), [&](const Event& e) { return ctx.known(e) && about_child(e); });
    }
    TimeOrdered own_;
    const TimeOrdered* list_ = nullptr;
};

// Why the latest unlinked record did not serve the decision.
enum class NotServing : std::uint8_t {
    none,
    too_old,           // dated more than before-record-months before the decision
    earlier_decision,  // dated before an earlier decision about the child, which it serves
    order_unknown,     // on the date of an earlier decision, order within the day unknown
};

inline const Reason* not_serving_reason(NotServing why) {
    switch (why) {
        case NotServing::too_old: return &reasons::record_too_old;
        case NotServing::earlier_decision: return &reasons::record_serves_earlier;
        case NotServing::order_unknown:
        case NotServing::none: break;
    }
    return &reasons::record_order_unknown;
}

// The latest of `upto` (unlinked records not after decision `d`, in time order) and whether it serves
// `d`: dated after the previous decision about the child and within before-record-months of `d`.
struct UnlinkedServing {
    const Event* record = nullptr;  // the latest, when it serves
    const Event* stale = nullptr;   // the latest, when it does not
    NotServing why = NotServing::none;
};

// What latest_unlinked asks about decision `d` whatever the record: the previous decision about the
// child and the first day of the before-record-months before `d`. Each found when first asked and
// kept, so that a rule asking for several people's records about one decision (TellParties)
// finds them once per decision, not once per person.
class DecisionWindow {
public:
    DecisionWindow(const EvalContext& ctx, const ChildDecisions& decisions, const Event& d) : ctx_(ctx), decisions_(decisions), d_(d) {}
    [[nodiscard]] const Event& decision() const { return d_; }
    [[nodiscard]] const Event* previous() const {
        if (!has_previous_) previous_ = decisions_.previous(d_.at()), has_previous_ = true;
        return previous_;
    }
    [[nodiscard]] LocalDay oldest() const {
        if (!oldest_) oldest_ = months_before(d_.at().day, ctx_.readings.before_record_months);
        return *oldest_;
    }

private:
    const EvalContext& ctx_;
    const ChildDecisions& decisions_;
    const Event& d_;
    mutable const Event* previous_ = nullptr;
    mutable bool has_previous_ = false;
    mutable std::optional<LocalDay> oldest_;
};

inline UnlinkedServing latest_unlinked(const Case& c, const DecisionWindow& w, std::span<const std::uint32_t> upto) {
    UnlinkedServing out;
    if (upto.empty()) return out;
    const Event& r = c.event(upto.back());
    const Event* prev = w.previous();
    const auto vs_prev = prev ? detail::order(r.at(), prev->at()) : detail::Order::after;
    if (vs_prev == detail::Order::before) out.why = NotServing::earlier_decision;
    else if (vs_prev == detail::Order::unknown) out.why = NotServing::order_unknown;
    else if (r.at().day < w.oldest()) out.why = NotServing::too_old;
    (out.why == NotServing::none ? out.record : out.stale) = &r;
    return out;
}
inline UnlinkedServing latest_unlinked(const Case& c, const EvalContext& ctx, const ChildDecisions& decisions, const Event& d,
                                       std::span<const std::uint32_t> upto) {
    return latest_unlinked(c, DecisionWindow(ctx, decisions, d), upto);
}

// What serves a decision as a before-duty.
struct BeforeRecord {
    const Event* record = nullptr;  // the record that serves (certainly before, else the same day)
    bool same_day = false;          // on the decision's date, order within the day unknown
    bool linked = false;            // it names the decision
    const Event* stale = nullptr;   // the latest unlinked record that does not serve, when none serves
    NotServing why = NotServing::none;
    const Event* after = nullptr;   // the first record after the decision, linked or unlinked: for explanations
};

// serve_before with the linked records already found (TellParties finds every person's in one pass),
// for the decision of window `w`.
inline BeforeRecord serve_before_linked(const Case& c, const DecisionWindow& w, std::span<const std::uint32_t> unlinked,
                                        LinkedRecords linked) {
    BeforeRecord out;
    const Moment at = w.decision().at();
    // Unlinked: the latest record not after the decision, if it serves it; a record certainly before
    // may precede a same-day one.
    const Event* unlinked_before = nullptr;
    const Event* unlinked_same = nullptr;
    const auto upto = not_after(c, unlinked, at);
    const UnlinkedServing latest = latest_unlinked(c, w, upto);
    if (latest.record && detail::order(latest.record->at(), at) == detail::Order::before) {
        unlinked_before = latest.record;
    } else if (latest.record) {
        unlinked_same = latest.record;
        if (const UnlinkedServing earlier = latest_unlinked(c, w, upto.first(upto.size() - 1));
            earlier.record && detail::order(earlier.record->at(), at) == detail::Order::before)
            unlinked_before = earlier.record;
    } else {
        out.stale = latest.stale;
        out.why = latest.why;
    }
    if (upto.size() < unlinked.size()) {
        const Event& a = c.event(unlinked[upto.size()]);
        if (!linked.after || a.index() < linked.after->index()) linked.after = &a;
    }
    out.after = linked.after;
    if (linked.before) out.record = linked.before, out.linked = true;
    else if (unlinked_before) out.record = unlinked_before;
    else if (linked.same) out.record = linked.same, out.linked = true, out.same_day = true;
    else if (unlinked_same) out.record = unlinked_same, out.same_day = true;
    if (out.record) out.stale = nullptr, out.why = NotServing::none;
    return out;
}
inline BeforeRecord serve_before_linked(const Case& c, const EvalContext& ctx, const ChildDecisions& decisions, const Event& d,
                                        std::span<const std::uint32_t> unlinked, LinkedRecords linked) {
    return serve_before_linked(c, DecisionWindow(ctx, decisions, d), unlinked, linked);
}

// The before-duty serving rule for decision `d`. `unlinked`: the known unlinked records that the rule
// accepts, in time order (for one person, where the duty is per person). `linked(e)`: whether a
// referrer `e` of the decision (or of its measure start, for plans) is a record the rule accepts.
template <class Linked>
BeforeRecord serve_before(const Case& c, const EvalContext& ctx, const ChildDecisions& decisions, const Event& d,
                          std::span<const std::uint32_t> unlinked, Linked linked) {
    // Linked records: among the decision's referrers (and, for a plan, its measure starts').
    LinkedRecords records;
    for_each_linked(c, d, [&](const Event& e) {
        if (ctx.known(e) && linked(e)) records.consider(e, d.at());
    });
    return serve_before_linked(c, ctx, decisions, d, unlinked, records);
}

// The known unlinked records of `type` that `keep` accepts, in time order (unlinked with respect
// to triggers of kind `trigger`).
template <class Keep>
boost::container::small_vector<std::uint32_t, 16> unlinked_records(const Case& c, const EvalContext& ctx, EventType type,
                                                                    EventType trigger, Keep keep) {
    boost::container::small_vector<std::uint32_t, 16> out;
    for (std::uint32_t k : c.events_of(type)) {
        const Event& e = c.event(k);
        if (ctx.known(e) && !linked_to(c, e, trigger) && keep(e)) out.emplace_back(k);
    }
    return out;
}

// The after-duty serving rule: the record that serves trigger `u` among `triggers` (the known
// triggers of its kind, time ordered) — the earliest of a record linked to it and the first unlinked
// record from it on, unless a later trigger certainly after `u` comes first (that one is served). A
// linked record dated before the trigger is returned only when nothing else serves: judging it gives
// `indeterminate` (inconsistent dates; detail::judge).
template <class Linked>
const Event* serve_after(const Case& c, const EvalContext& ctx, const TimeOrdered& triggers, const Event& u,
                         std::span<const std::uint32_t> unlinked, Linked linked) {
    const Event* consistent = nullptr;
    const Event* inconsistent = nullptr;
    for_each_linked(c, u, [&](const Event& e) {
        if (!ctx.known(e) || !linked(e)) return;
        if (detail::order(e.at(), u.at()) == detail::Order::before) {
            if (!inconsistent || e.index() < inconsistent->index()) inconsistent = &e;
        } else if (!consistent || e.index() < consistent->index()) {
            consistent = &e;
        }
    });
    // The first unlinked record not certainly before `u`: records of earlier days are before it; on
    // its day, date-only records (at 00:00, first) are of unknown order, timed ones before it by instant.
    const auto day = from_day(c, unlinked, u.at().day);
    auto from = day.begin();
    if (u.at().has_time && from != day.end() && c.event(*from).at().has_time)
        from = std::partition_point(day.begin(), day.end(), [&](std::uint32_t k) { return c.event(k).at().instant < u.at().instant; });
    if (from != day.end()) {
        const Event& r = c.event(*from);
        // The next trigger certainly after u: if it is certainly before r, r serves that one instead.
        const std::size_t next = triggers.first_after(u.at());
        const bool served_later = next < triggers.size() && detail::order(triggers.at(next).at(), r.at()) == detail::Order::before;
        if (!served_later && (!consistent || r.index() < consistent->index())) consistent = &r;
    }
    return consistent ? consistent : inconsistent;
}

}  // namespace barnetslov::rules_detail

namespace barnetslov::rules_detail {

// A case's answers (samtykke), indexed once per evaluation for the rules that ask, per decision,
// for a person's answer about it (consents are before-duties: the serving rule applies).
class Answers {
public:
    Answers(const Case& c, const EvalContext& ctx)
        : c_(c), ctx_(ctx), decisions_(c, ctx), unlinked_(c, EventType::samtykke, [&](const Event& e) {
              return ctx.known(e) && !linked_to(c, e, EventType::afgoerelse);
          }) {}

    // The latest answer of person `who` about decision `d`, as the decision was made: dated no later
    // than it (the same date without times counts). That is the later of the latest naming `d` and
    // the latest naming no decision when that one serves `d`; a later withdrawal thus leaves none.
    [[nodiscard]] const Event* latest(const Event& d, std::uint32_t who) const { return find(d, who).record; }

    // As latest(), with the unlinked answer that exists but does not serve `d` when none serves.
    [[nodiscard]] UnlinkedServing find(const Event& d, std::uint32_t who) const {
        // The latest answer naming `d` of each person, found in one pass over its referrers when `d` is
        // first asked about: the rules ask for every custody holder in turn, and a scan per person grew
        // with people x answers.
        if (linked_for_ != d.index()) {
            linked_for_ = d.index();
            for (std::uint32_t p : touched_) linked_[p] = nullptr;
            touched_.clear();
            if (linked_.empty()) linked_.resize(c_.persons().size(), nullptr);
            for (std::uint32_t k : c_.referrers(d.index())) {
                const Event& e = c_.event(k);
                const auto p = e.person(Attr::party);
                if (e.type() != EventType::samtykke || !p || *p >= linked_.size() || !ctx_.known(e) ||
                    detail::order(e.at(), d.at()) == detail::Order::after)
                    continue;
                if (!linked_[*p]) touched_.emplace_back(*p);
                linked_[*p] = &e;  // referrers are in time order: the last one seen is the latest
            }
        }
        const Event* linked = who < linked_.size() ? linked_[who] : nullptr;
        UnlinkedServing out = latest_unlinked(c_, ctx_, decisions_, d, not_after(c_, unlinked_.of(who), d.at()));
        if (linked && (!out.record || linked->index() > out.record->index())) out.record = linked;
        if (out.record) out.stale = nullptr, out.why = NotServing::none;
        return out;
    }

private:
    const Case& c_;
    const EvalContext& ctx_;
    ChildDecisions decisions_;
    ByParty unlinked_;  // the known answers naming no decision, by person
    mutable std::uint32_t linked_for_ = 0xFFFFFFFF;  // the decision linked_ is of
    mutable boost::container::small_vector<const Event*, 8> linked_;  // per person: the latest answer naming it
    mutable boost::container::small_vector<std::uint32_t, 8> touched_;  // the people linked_ names
};

}  // namespace barnetslov::rules_detail

namespace barnetslov::rules_detail {

// The records of one type that answer triggers of one kind (an assessment, a kvittering, a screening
// after an underretning), listed once per evaluation for the after-duty serving rule.
class AfterRecords {
public:
    AfterRecords(const Case& c, const EvalContext& ctx, EventType trigger, EventType type)
        : c_(c), ctx_(ctx), type_(type), unlinked_(unlinked_records(c, ctx, type, trigger, [](const Event&) { return true; })) {
        // The known underretninger, the triggers of seven of these lists in five rules, listed once per
        // evaluation where there is a memo; other triggers (one list each) by this list.
        if (trigger == EventType::underretning && ctx.memo) {
            auto& shared = ctx.memo->known_underretninger;
            if (!shared) assign_known(shared.emplace(), c, ctx, trigger);
            triggers_ = &*shared;
        } else {
            assign_known(own_, c, ctx, trigger);
            triggers_ = &own_;
        }
    }
    AfterRecords(const AfterRecords&) = delete;
    AfterRecords& operator=(const AfterRecords&) = delete;
    // The record that serves trigger `u` (see serve_after), or nullptr.
    [[nodiscard]] const Event* serving(const Event& u) const {
        return serve_after(c_, ctx_, *triggers_, u, {unlinked_.data(), unlinked_.size()},
                           [this](const Event& e) { return e.type() == type_; });
    }

private:
    static void assign_known(TimeOrdered& to, const Case& c, const EvalContext& ctx, EventType trigger) {
        to.assign_if(c, c.events_of(trigger), [&](const Event& e) { return ctx.known(e); });
    }
    const Case& c_;
    const EvalContext& ctx_;
    EventType type_;
    boost::container::small_vector<std::uint32_t, 16> unlinked_;
    TimeOrdered own_;
    const TimeOrdered* triggers_ = nullptr;
};

}  // namespace barnetslov::rules_detail

namespace barnetslov::rules_detail {

// Plans of one kind (`is_plan`) by the serving rule (law README): the plan before a decision is a
// before-record, the plan within a period after it an after-record. Listed once per evaluation.
class PlanServing {
public:
    PlanServing(const Case& c, const EvalContext& ctx, bool (*trigger)(const Event&), bool (*is_plan)(const Event&))
        : c_(c), ctx_(ctx), is_plan_(is_plan), decisions_(c, ctx),
          unlinked_(unlinked_records(c, ctx, EventType::plan, EventType::afgoerelse, is_plan)) {
        triggers_.assign_if(c, c.events_of(EventType::afgoerelse), [&](const Event& e) { return ctx.known(e) && trigger(e); });
    }
    [[nodiscard]] BeforeRecord before(const Event& d) const {
        return serve_before(c_, ctx_, decisions_, d, {unlinked_.data(), unlinked_.size()}, is_plan_);
    }
    // The plan made for `d` after it (or, linked to it, at any time).
    [[nodiscard]] const Event* after(const Event& d) const {
        return serve_after(c_, ctx_, triggers_, d, {unlinked_.data(), unlinked_.size()}, is_plan_);
    }
    // The plan for `d` after it, else one before it that serves it.
    [[nodiscard]] const Event* for_decision(const Event& d) const {
        if (const Event* p = after(d)) return p;
        return before(d).record;
    }

private:
    const Case& c_;
    const EvalContext& ctx_;
    bool (*is_plan_)(const Event&);
    ChildDecisions decisions_;
    boost::container::small_vector<std::uint32_t, 16> unlinked_;
    TimeOrdered triggers_;
};

// No record serves a decision certainly before it: indeterminate when one on file serves another
// decision or is too old (b.stale), else violated for `missing`; a record that came only after the
// decision is named (related) when `name_later`.
inline void judge_unserved(const BeforeRecord& b, Finding& f, const Reason* missing, bool name_later = true) {
    if (b.stale) {
        use(f, b.stale, EventRole::related);
        f.status = Status::indeterminate;
        f.reason = not_serving_reason(b.why);
        return;
    }
    if (name_later) use(f, b.after, EventRole::related);
    f.status = Status::violated;
    f.reason = missing;
}

// A record that must exist before a decision (serve_before): met for `found` when one serves it
// certainly before, else as judge_unserved.
inline void judge_served(const BeforeRecord& b, Finding& f, const Reason* found, const Reason* missing, bool name_later = true) {
    if (!b.record) return judge_unserved(b, f, missing, name_later);
    use(f, b.record, EventRole::fulfilment);
    f.status = Status::met;
    f.reason = found;
}

// A plan that must exist before decision `d`: met when one serves it certainly before; the same date
// without times indeterminate; one that exists but serves another decision indeterminate; none at
// all violated (plan_after_decision when one came only after).
inline void judge_plan_before(const BeforeRecord& b, Finding& f) {
    if (!b.record) return judge_unserved(b, f, b.after ? &reasons::plan_after_decision : &reasons::plan_missing);
    use(f, b.record, EventRole::fulfilment);
    f.done = b.record->at();
    f.status = b.same_day ? Status::indeterminate : Status::met;
    f.reason = b.same_day ? &reasons::order_unknown : &reasons::done_in_time;
}

}  // namespace barnetslov::rules_detail
