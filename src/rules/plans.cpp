// BL-PLAN-32, BL-PLAN-ANB, BL-OPF-FIRST, BL-OPF-CADENCE, BL-OPF-ANB, BL-TILS-2X
// (catalog part A § 4).
#include <algorithm>
#include <iterator>

#include <boost/container/small_vector.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// ---- Plans (§ 91; Serviceloven § 140) -------------------------------------------------------

namespace reasons {

// § 143: the plan is owed before the committee's decision that follows
constexpr Reason plan_due_at_committee{
    .key = "plan_due_at_committee",
    .da = "Formandens foreløbige anbringelse (§ 143) kræver ingen plan før den; planen skal foreligge før udvalgets efterfølgende afgørelse.",
    .en = "The chair's provisional placement (§ 143) needs no plan before it; the plan is owed before the committee's decision that follows.",
};

}  // namespace reasons

bool is_plan(const Event& e) {
    return e.type() == EventType::plan && e.value(Attr::kind).value_or(Value::barnets_plan) != Value::helhedsorienteret_plan;
}

// Serviceloven § 140 (before 2024): the plan of an urgent decision within 4 months (BL-PLAN-32, BL-PLAN-ANB).
constexpr DeadlineTerm urgent_handleplan[] = {
    {.convention = Convention::months_after, .amount = 4, .when = "an urgent decision before 2024 (Serviceloven § 140)"},
};

// Serviceloven § 140 (before 2024): the handleplan before the decision; for an urgent decision
// (provisional="true") a short note then, and the plan within 4 months. Plans serve decisions by the
// serving rule as under barnets lov (law README).
void judge_handleplan(const PlanServing& plans, const Event& d, const EvalContext& ctx, Finding& f) {
    const BeforeRecord b = plans.before(d);
    // As a § 47 placement's plan (the same date without times leaves the order open), but for an
    // urgent decision with no plan before it.
    if (b.record || d.flag(Attr::provisional) != true) return judge_plan_before(b, f);
    const Event* later = plans.after(d);
    use(f, later, EventRole::fulfilment);
    Moment start = d.at();
    start.has_time = false;
    judge_by(f, detail::make_deadline(urgent_handleplan[0], start, ctx.calendar), later, ctx);
    f.basis = Basis::urgent_plan;
}

// Barnets lov: the plan at the latest 3 months after the decision; one made before it is in time.
void judge_plan_3_months(const RuleMeta& meta, const PlanServing& plans, const Event& d, const EvalContext& ctx, Finding& f) {
    const Event* p = plans.for_decision(d);
    use(f, p, EventRole::fulfilment);
    Moment start = d.at();
    start.has_time = false;
    judge_by(f, detail::make_deadline(meta, start, ctx.calendar), p, ctx, detail::Earlier::in_time);
}

bool supportive_decision(const Event& d) {
    return decision_kind(d) == Value::supportive_measure && d.value(Attr::outcome) != Value::refused;
}
bool placement_decision(const Event& d) { return is_placement(decision_kind(d)) && d.value(Attr::outcome) != Value::refused; }

constexpr RuleVersion plan32_versions[] = {
    {Law::serviceloven, "§ 140 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old,
     "a handleplan before the decision; for an urgent decision, the plan within 4 months"},
    {Law::barnets_lov, "§ 91 stk. 1", barnets_lov_start, far_future, Confidence::confirmed,
     "the municipality decides whether a plan is needed; if so, within 3 months"},
};
constexpr StatuteRecord plan32_statute{
    .rule = "BL-PLAN-32",
    .read = "§ 91 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/91",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "On a § 32 stk. 1 decision the municipality decides whether to make barnets plan (§ 108 for the 16+); "
                "a plan it makes exists at the latest 3 months after the decision.",
};

constexpr const Reason* plan32_reasons[] = {
    &reasons::plan_not_chosen, &reasons::plan_choice_unknown, &reasons::plan_missing, &reasons::plan_after_decision,
};

// The plan, or (barnets lov) the decision's own plan-choice.
constexpr Evidence plan32_evidence[] = {{.type = EventType::plan}, {.type = EventType::afgoerelse, .attr = Attr::plan_choice}};
constexpr RuleMeta plan32_meta{
    .id = "BL-PLAN-32", .chapter = "plans", .title_da = "Barnets plan ved støttende indsatser", .title_en = "Barnets plan for a supportive measure",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 3,
    .counting = "3 calendar months after the § 32 decision, clamped to the month's end, ending at the end of that day. Before "
    "2024: the handleplan before the decision, or within 4 months of an urgent (provisional) one.",
    .reading = "The choice is read from the decision's plan attribute: no-plan is met (the choice was made), plan needs a plan "
    "(kind barnets-plan or ungeplan, preferably naming the decision in ref) within 3 months; no attribute is "
    "indeterminate. A plan made before the decision counts as in time. Refused requests decide no measure and give "
    "no finding.",
    .predecessor = "Serviceloven § 140 stk. 1", .versions = plan32_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure" plan="plan"/>
<plan id="p1" at="2024-08-15" kind="barnets-plan" ref="d1"/>)",
    .changed_from = "the first plan on or after the decision (or the latest before it) counted, even one naming another decision",
    .other_deadlines = urgent_handleplan,
    .reasons = plan32_reasons,
    .statute = &plan32_statute,
    .phase = Phase::with,
    .evidence = plan32_evidence};

class Plan32 final : public RuleImpl {
public:
    Plan32() : RuleImpl(KindSet{Value::supportive_measure}) {}
    const RuleMeta& meta() const override { return plan32_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // Listed at the first decision in scope: a case without one needs no pass over its plans.
        Deferred<PlanServing> plans;
        const auto serving = [&]() -> const PlanServing& { return plans.get_or_make(c, ctx, supportive_decision, is_plan); };
        for_each_trigger(c, ctx, out, plan32_meta, EventType::afgoerelse, [&](const Event& d) { return supportive_decision(d); },
                         [&](const Event& d, Finding& f) {
            if (plan32_versions[f.version].law == Law::serviceloven) {
                judge_handleplan(serving(), d, ctx, f);
                return;
            }
            const auto choice = d.value(Attr::plan_choice);
            f.attribute = Attr::plan_choice;
            if (!choice) {
                f.status = Status::indeterminate;
                f.reason = &reasons::plan_choice_unknown;
            } else if (*choice == Value::no_plan) {
                f.status = Status::met;
                f.reason = &reasons::plan_not_chosen;
            } else {
                f.attribute.reset();
                judge_plan_3_months(plan32_meta, serving(), d, ctx, f);
            }
        });
    }
};

constexpr RuleVersion plan_anb_versions[] = {
    {Law::serviceloven, "§ 140", far_past, barnets_lov_start, Confidence::confirmed_old,
     "a handleplan before the placement decision; for an urgent decision, within 4 months"},
    {Law::barnets_lov, "§ 91 stk. 2", barnets_lov_start, far_future, Confidence::confirmed,
     "§ 46: within 3 months; § 47: before the decision"},
};
constexpr StatuteRecord plan_anb_statute{
    .rule = "BL-PLAN-ANB",
    .read = "§ 91 stk. 2-3; § 95 stk. 2; § 49",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/91, "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/49; Ankestyrelsen on the chair's decision, "
              "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/akutte-afgorelser",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "A plan is mandatory for a § 46 or § 47 placement, at the latest 3 months after the decision, and for "
                "§ 47 before it (jf. § 51 stk. 1 nr. 3); there is no urgency exception. § 91 says nothing of the "
                "chair's § 143 decision, which § 95 stk. 2 nr. 1 expects to run before the undersøgelse ends; a § 49 "
                "decision is by its wording a § 47 stk. 1 decision (the settled reading, INFERRED).",
};

constexpr const Reason* plan_anb_reasons[] = {
    &reasons::plan_missing, &reasons::plan_after_decision, &reasons::record_too_old, &reasons::record_serves_earlier,
    &reasons::record_order_unknown, &reasons::plan_due_at_committee,
};

constexpr Evidence plan_anb_evidence[] = {{.type = EventType::plan}};
constexpr RuleMeta plan_anb_meta{
    .id = "BL-PLAN-ANB", .chapter = "plans", .title_da = "Barnets plan ved anbringelse", .title_en = "Barnets plan for a placement", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 3,
    .counting = "With consent (§ 46): 3 calendar months after the decision, end of that day. Without consent (§ 47, also at a "
    "15+'s own wish under § 47 stk. 4): the plan exists before the committee's decision. Before 2024: the handleplan "
    "before the decision, or within 4 months of an urgent one.",
    .reading = "Before-the-decision means an earlier date, or an earlier time when both have one; the same date without times "
    "is indeterminate. Which plan serves a decision follows the law README's serving rule: a plan naming the "
    "decision or its measure start serves it; an unlinked plan serves the first decision about the child on or "
    "after it, within before-record-months (6), and for the 3 months after a decision, the latest decision on or "
    "before it. A plan after a § 47 decision is violated, as is none at all; a plan that exists but serves another "
    "decision is indeterminate. A § 49 placement of an unborn child is a § 47 stk. 1 decision: plan before it. A "
    "chair's provisional placement (§ 143) needs no plan before it: the plan is owed before the committee's "
    "decision that follows (not_applicable here, judged there), or, if none follows, within 3 months of the "
    "provisional decision (INFERRED, December 2026).",
    .predecessor = "Serviceloven § 140", .versions = plan_anb_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::not_applicable,
                 Status::indeterminate}),
    .example = R"(<plan id="p2" at="2024-08-20" kind="barnets-plan"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>)",
    .changed_from = "a chair's § 143 placement needed a plan before it (violated without); § 49 was not covered; any plan near the decision counted",
    .other_deadlines = urgent_handleplan,
    .reasons = plan_anb_reasons,
    .statute = &plan_anb_statute,
    .phase = Phase::before,
    .evidence = plan_anb_evidence};

class PlanPlacement final : public RuleImpl {
public:
    PlanPlacement() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return plan_anb_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // Listed at the first decision in scope, as in Plan32.
        Deferred<PlanServing> plans;
        const auto serving = [&]() -> const PlanServing& { return plans.get_or_make(c, ctx, placement_decision, is_plan); };
        // The committee's placement decisions, which follow a chair's provisional one (§ 143).
        TimeOrdered committee;
        committee.assign_if(c, c.events_of(EventType::afgoerelse), [&](const Event& e) {
            return ctx.known(e) && e.value(Attr::body) == Value::committee && placement_chain_kind(decision_kind(e));
        });
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            if (!ctx.known(d) || !placement_decision(d)) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, plan_anb_meta, d, d.at().day)) continue;
            if (plan_anb_versions[f.version].law == Law::serviceloven) {
                judge_handleplan(serving(), d, ctx, f);
                continue;
            }
            if (kind == Value::placement_with_consent || kind == Value::placement_unborn_with_consent) {
                judge_plan_3_months(plan_anb_meta, serving(), d, ctx, f);
                continue;
            }
            if (d.value(Attr::body) == Value::chair) {
                // § 143: no plan before the chair's provisional placement; it is owed before the
                // committee's decision that follows (judged there), else within 3 months.
                if (const std::size_t next = committee.first_after(d.at()); next < committee.size()) {
                    use(f, &committee.at(next), EventRole::related);
                    f.status = Status::not_applicable;
                    f.reason = &reasons::plan_due_at_committee;
                } else {
                    judge_plan_3_months(plan_anb_meta, serving(), d, ctx, f);
                }
                continue;
            }
            // § 47 (and § 49, a § 47 stk. 1 decision): the plan exists before the committee's decision.
            judge_plan_before(serving().before(d), f);
        }
    }

};

// ---- Follow-up (§§ 95-96; Serviceloven § 70) -----------------------------------------------

namespace reasons {

// a measure start that names no decision of a known kind
constexpr Reason measure_kind_unknown{
    .key = "measure_kind_unknown",
    .da = "Indsatsens start henviser ikke til en afgørelse af en kendt type.",
    .en = "The start of the measure does not refer to a decision of a known kind.",
};

constexpr Reason custody_contact_made{
    .key = "custody_contact_made",
    .da = "Der var kontakt med forældremyndighedsindehaveren før opfølgningen.",
    .en = "There was contact with the custody holder before the follow-up.",
};

constexpr Reason custody_contact_missing{
    .key = "custody_contact_missing",
    .da = "Der er ingen kontakt med forældremyndighedsindehaveren før opfølgningen.",
    .en = "There is no contact with the custody holder before the follow-up.",
};

}  // namespace reasons

// The measures § 95 stk. 1 covers: §§ 32, 46, 47, 114-116 and 120.
constexpr bool followed_up(Value kind) {
    return kind == Value::supportive_measure || kind == Value::ungestoette || is_placement(kind);
}

// The follow-ups of measures (opfølgning naming a measure's start or its decision), with what is read of
// each decision — its known follow-ups, its known starts — listed once per evaluation: read per start, a
// decision with many starts had all its referrers (every start and follow-up) read once per start, which
// grew with the square of the case (issue 15).
class FollowUps {
public:
    // The lists of the evaluation's memo when there is one (FollowUpLists), else its own.
    FollowUps(const Case& c, const EvalContext& ctx)
        : c_(c), ctx_(ctx), lists_(shared_or_own(ctx, &EvalMemo::followup_lists, own_, c)) {}

    // The first follow-up of `start` dated on or after its day: naming it or its decision `d`.
    [[nodiscard]] const Event* first(const Event& start, const Event& d) {
        const Event* out = nullptr;
        for (std::uint32_t k : c_.referrers(start.index()))
            if (keep(k, start)) {
                out = &c_.event(k);
                break;
            }
        const auto of_d = from_day(c_, followups(d), start.at().day);
        if (!of_d.empty() && (!out || of_d.front() < out->index())) out = &c_.event(of_d.front());
        return out;
    }

    // Every follow-up of `start`, in time order: those naming it dated on or after its day, and those naming
    // its decision `d` dated on or after its day and before the day of the decision's next start. A follow-up
    // naming only the decision belongs to the latest of the decision's starts on or before it (law README,
    // serving rule: the latest trigger on or before it), not to every earlier start as well: listed for every
    // start, a decision with many starts and many follow-ups gave starts x follow-ups findings.
    // Inline: a std::vector here was an allocation per measure start in two rules.
    [[nodiscard]] boost::container::small_vector<const Event*, 8> all(const Event& start, const Event& d) {
        IndexList of_start;
        for (std::uint32_t k : c_.referrers(start.index()))
            if (keep(k, start)) of_start.emplace_back(k);
        const Lists l = lists(d);  // once: followups(d) and starts(d) each looked the decision up
        auto of_d = from_day(c_, followups(l), start.at().day);
        const auto s = starts(l);
        const auto next = std::upper_bound(s.begin(), s.end(), start.index());
        if (next != s.end()) of_d = of_d.first(of_d.size() - from_day(c_, of_d, c_.event(*next).at().day).size());
        // The union made straight into the events, not into a list of indices first.
        boost::container::small_vector<const Event*, 8> out;
        std::set_union(of_start.begin(), of_start.end(), of_d.begin(), of_d.end(),
                       boost::iterators::make_function_output_iterator([&](std::uint32_t i) { out.emplace_back(&c_.event(i)); }));
        return out;
    }

private:
    bool keep(std::uint32_t k, const Event& start) const {
        const Event& o = c_.event(k);
        return o.type() == EventType::opfoelgning && ctx_.known(o) && o.at().day >= start.at().day;
    }
    using Lists = FollowUpLists::Lists;
    // The known follow-ups naming decision `d`, and its known starts (indsats-start naming it first), in time order.
    Lists lists(const Event& d) {
        return lists_.decisions.get(d.index(), [&] {
            Lists l;
            l.followups_at = static_cast<std::uint32_t>(lists_.followups.size());
            l.starts_at = static_cast<std::uint32_t>(lists_.starts.size());
            for (std::uint32_t k : c_.referrers(d.index())) {
                const Event& e = c_.event(k);
                if (!ctx_.known(e)) continue;
                if (e.type() == EventType::opfoelgning) lists_.followups.emplace_back(k);
                else if (e.type() == EventType::indsats_start && measure_decision(c_, e) == &d) lists_.starts.emplace_back(k);
            }
            l.followups_n = static_cast<std::uint32_t>(lists_.followups.size()) - l.followups_at;
            l.starts_n = static_cast<std::uint32_t>(lists_.starts.size()) - l.starts_at;
            return l;
        });
    }
    std::span<const std::uint32_t> followups(const Lists& l) const { return {lists_.followups.data() + l.followups_at, l.followups_n}; }
    std::span<const std::uint32_t> starts(const Lists& l) const { return {lists_.starts.data() + l.starts_at, l.starts_n}; }
    std::span<const std::uint32_t> followups(const Event& d) { return followups(lists(d)); }

    const Case& c_;
    const EvalContext& ctx_;
    Deferred<FollowUpLists> own_;  // without a memo
    FollowUpLists& lists_;
};

// BL-OPF-FIRST: the undersøgelser running when a measure started and concluded later (§ 95 stk. 2,
// nr. 1), for the measure starts in time order: one sweep over the undersøgelser per evaluation, where a scan of
// them all per start grew with the square of the case.
class ParallelConclusions {
public:
    ParallelConclusions(const Case& c, const EvalContext& ctx) : c_(c), ctx_(ctx) {}

    // The earliest conclusion after `start`'s day of an undersøgelse started on or before it (on a
    // tie, that of the undersøgelse listed first). Asked for starts in time order.
    const Event* of(const Event& start) {
        const LocalDay day = start.at().day;
        const auto all = c_.events_of(EventType::undersoegelse);
        for (; next_ < all.size() && c_.event(all[next_]).at().day <= day; ++next_) {
            if (!ctx_.known(c_.event(all[next_]))) continue;
            const Event* end = first_referrer(c_, all[next_], EventType::undersoegelse_afsluttet, ctx_);
            if (end && end->at().day > day) {  // one concluded by now is concluded for every later start too
                running_.push_back({end->at().day, next_, end});
                std::push_heap(running_.begin(), running_.end(), later);
            }
        }
        // Conclusions this start has reached are behind every later start too.
        while (!running_.empty() && running_.front().day <= day) {
            std::pop_heap(running_.begin(), running_.end(), later);
            running_.pop_back();
        }
        return running_.empty() ? nullptr : running_.front().end;
    }

private:
    struct Conclusion {
        LocalDay day;
        std::size_t order;  // the undersøgelse's place among them
        const Event* end;
    };
    // The heap's order: the earliest conclusion on top.
    static bool later(const Conclusion& a, const Conclusion& b) { return a.day != b.day ? a.day > b.day : a.order > b.order; }

    const Case& c_;
    const EvalContext& ctx_;
    std::size_t next_ = 0;  // the first undersøgelse not yet looked at
    boost::container::small_vector<Conclusion, 8> running_;
};

constexpr RuleVersion opf_first_versions[] = {
    {Law::serviceloven, "§ 70 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old, "within 3 months of the start"},
    {Law::barnets_lov, "§ 95 stk. 1-2", barnets_lov_start, far_future, Confidence::confirmed,
     "3 months after the start, or when a parallel afdækning/undersøgelse is concluded, if earlier"},
};
constexpr StatuteRecord opf_first_statute{
    .rule = "BL-OPF-FIRST",
    .read = "§ 95 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Follow-up is owed once an indsats under §§ 32, 46, 47, 114-116 or 120 has started; the first comes at "
                "the earlier of the conclusion of an afdækning or undersøgelse run in parallel with a § 32 stk. 4 "
                "measure or a § 46 or § 143 placement, and 3 months after iværksættelse.",
};

constexpr const Reason* opf_first_reasons[] = {&reasons::measure_kind_unknown, &reasons::measure_ended};

constexpr Evidence opf_first_evidence[] = {{.type = EventType::opfoelgning}};
constexpr RuleMeta opf_first_meta{
    .id = "BL-OPF-FIRST", .chapter = "plans", .title_da = "Første opfølgning", .title_en = "First follow-up on a measure", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::months_after, .amount = 3,
    .counting = "3 calendar months after the measure started (iværksættelse: its indsats-start, not the decision), end of "
    "that day; from 2024 earlier when an undersøgelse running in parallel is concluded before then: the day of "
    "its conclusion.",
    .reading = "Measures under §§ 32, 46, 47, 114-116 and 120 (decision kinds supportive-measure, placement-*, ungestoette). "
    "A follow-up counts when it names the measure's start or its decision in ref, or, naming neither a start nor a "
    "decision, when this is the latest measure start on or before it (law README, serving rule); one naming the start "
    "but dated before it is indeterminate (inconsistent dates). A parallel undersøgelse is one "
    "started on or before the measure's start and concluded after it. A measure that ended before the deadline "
    "needs no follow-up (not_applicable). Ankestyrelsen's Børnesagsbarometer indicator: first follow-up within 3 "
    "months.",
    .predecessor = "Serviceloven § 70 stk. 1", .versions = opf_first_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure"/>
<indsats-start id="m1" at="2024-06-10" ref="d1"/>
<opfoelgning id="o1" at="2024-09-05" ref="m1" cadence-decided="true" reasons-given="true"/>)",
    .reasons = opf_first_reasons,
    .statute = &opf_first_statute,
    .phase = Phase::after,
    .evidence = opf_first_evidence};

class FirstFollowUp final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return opf_first_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        ParallelConclusions parallel_conclusion(c, ctx);
        FollowUps followups(c, ctx);
        MeasureEnds ends(c, ctx);
        // The serving rule (law README) for follow-ups naming neither a measure start nor a decision:
        // each serves the latest measure start on or before it. One naming the start but dated before
        // it is inconsistent (detail::judge).
        const auto plain = unlinked_records(c, ctx, EventType::opfoelgning, EventType::indsats_start,
                                            [&](const Event& e) { return !first_ref(c, e, EventType::afgoerelse); });
        TimeOrdered starts;
        starts.assign_if(c, c.events_of(EventType::indsats_start), [&](const Event& e) { return ctx.known(e); });
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            if (!ctx.known(start)) continue;
            const Event* decision = measure_decision(c, start);
            if (decision && !followed_up(decision_kind(*decision))) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, opf_first_meta, start, start.at().day)) continue;
            if (!decision) {
                f.status = Status::indeterminate;
                f.reason = &reasons::measure_kind_unknown;
                continue;
            }
            use(f, decision, EventRole::related);
            Moment s = start.at();
            s.has_time = false;
            Deadline d = detail::make_deadline(opf_first_meta, s, ctx.calendar);
            if (opf_first_versions[f.version].law == Law::barnets_lov) {
                if (const Event* parallel = parallel_conclusion.of(start); parallel && parallel->at().day < d.due_day) {
                    use(f, parallel, EventRole::related);
                    detail::set_due_day(d, parallel->at().day, ctx.calendar);
                    d.clamped = false;
                }
            }
            const Event* first = followups.first(start, *decision);
            const Event* served = serve_after(c, ctx, starts, start, {plain.data(), plain.size()},
                                              [](const Event& e) { return e.type() == EventType::opfoelgning; });
            const bool served_consistent = served && detail::order(served->at(), start.at()) != detail::Order::before;
            if (served && (!first || (served_consistent && served->index() < first->index()))) first = served;
            const auto ended = ends.of(*decision);
            judge_running(f, d, first, ended, ctx);
        }
    }
};

constexpr RuleVersion cadence_versions[] = {
    {Law::serviceloven, "§ 70", far_past, barnets_lov_start, Confidence::confirmed_old,
     "after the first follow-up, at most 6 months between follow-ups"},
    {Law::barnets_lov, "§ 95 stk. 3", barnets_lov_start, far_future, Confidence::confirmed,
     "no fixed interval: at the first follow-up, a decision on later follow-up with reasons to child and parents"},
};
constexpr StatuteRecord cadence_statute{
    .rule = "BL-OPF-CADENCE",
    .read = "§ 95 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "At the first follow-up the municipality decides how later follow-up is organised, reflecting the case "
                "and the child's wishes and needs, and gives the child and the parents its reasons. No fixed interval.",
};

constexpr const Reason* cadence_reasons[] = {
    &reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::measure_ended,
};

// The next follow-up (Serviceloven), which carries no flag; under barnets lov the first follow-up's cadence-decided and reasons-given.
constexpr Evidence cadence_evidence[] = {{.type = EventType::opfoelgning}};
constexpr RuleMeta cadence_meta{
    .id = "BL-OPF-CADENCE", .chapter = "plans", .title_da = "Den videre opfølgning", .title_en = "How follow-up continues", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 6,
    .counting = "From 2024 no deadline: the first follow-up records a decision on later follow-up (cadence-decided) and that its "
    "reasons were given to the child and the parents (reasons-given). Before 2024: each follow-up is followed by the "
    "next within 6 calendar months while the measure runs.",
    .reading = "Barnets lov: either flag false on the first follow-up is violated, absent indeterminate. Serviceloven: one "
    "finding per follow-up, judging the next one; a measure that ended before the 6 months needs none "
    "(not_applicable). The version is that in force on the day of the follow-up that starts the duty. A measure's "
    "follow-ups are those naming its start and those naming its decision; one naming only the decision belongs to "
    "the latest of the decision's starts on or before it (the serving rule), not to every start of the decision.",
    .predecessor = "Serviceloven § 70 (3 then ≤ 6 months)", .versions = cadence_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::not_applicable,
                 Status::indeterminate}),
    .example = R"(<indsats-start id="m1" at="2024-06-10" ref="d1"/>
<opfoelgning id="o1" at="2024-09-05" ref="m1" cadence-decided="true" reasons-given="true"/>)",
    .reasons = cadence_reasons,
    .statute = &cadence_statute,
    .phase = Phase::after,
    .evidence = cadence_evidence};

class FollowUpCadence final : public RuleImpl {
public:
    // Every finding is on a follow-up of a start whose decision is of a followed-up kind.
    FollowUpCadence() : RuleImpl(KindSet::where(followed_up)) {}
    const RuleMeta& meta() const override { return cadence_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr flags[] = {Attr::cadence_decided, Attr::reasons_given};
        FollowUps all(c, ctx);
        MeasureEnds ends(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            if (!ctx.known(start)) continue;
            const Event* decision = measure_decision(c, start);
            if (!decision || !followed_up(decision_kind(*decision))) continue;
            const auto followups = all.all(start, *decision);
            const auto ended = ends.of(*decision);
            for (std::size_t k = 0; k < followups.size(); ++k) {
                const Event& o = *followups[k];
                const auto v = version_in_force(cadence_meta, o.at().day);
                if (!v) continue;
                if (cadence_versions[*v].law == Law::barnets_lov) {
                    if (k != 0) continue;  // the duty sits on the first follow-up only
                    auto f_slot = out.add();
                    Finding& f = *f_slot;
                    open_finding(f, o, v);
                    judge_statements(f, o, flags);
                    continue;
                }
                auto f_slot = out.add();
                Finding& f = *f_slot;
                open_finding(f, o, v);
                Moment s = o.at();
                s.has_time = false;
                const Deadline d = detail::make_deadline(cadence_meta, s, ctx.calendar);
                const Event* next = k + 1 < followups.size() ? followups[k + 1] : nullptr;
                judge_running(f, d, next, ended, ctx);
            }
        }
    }
};

constexpr RuleVersion opf_anb_versions[] = {
    {Law::barnets_lov, "§ 96", barnets_lov_start, far_future, Confidence::confirmed,
     "the catalog names SEL § 70 stk. 2 as predecessor but gives no substance: not_applicable before 2024"},
};
constexpr StatuteRecord opf_anb_statute{
    .rule = "BL-OPF-ANB",
    .read = "§ 96",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/96",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Follow-up on a § 46 or § 47 placement goes with the supervision under § 156 stk. 2 and 5 and happens "
                "after contact with the custody holder; plan revision builds on the § 20 undersøgelse.",
};

constexpr const Reason* opf_anb_reasons[] = {
    &reasons::custody_contact_made, &reasons::custody_contact_missing, &reasons::custody_holder_unknown,
};

constexpr Evidence opf_anb_evidence[] = {{.type = EventType::kontakt}};
constexpr RuleMeta opf_anb_meta{
    .id = "BL-OPF-ANB", .chapter = "plans", .title_da = "Opfølgning på anbringelse efter kontakt med forældremyndigheden",
    .title_en = "Follow-up on a placement after contact with the custody holder", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before each follow-up on a placement (§§ 46, 47) there is contact (kontakt) with a custody "
    "holder, after the placement started or after the previous follow-up.",
    .reading = "Any recorded contact (meeting, call, letter) with a party of role custody-holder counts, on the follow-up's "
    "date or earlier. A file with no custody-holder party is indeterminate. Before 2024 not_applicable: the "
    "predecessor's substance is not in the catalog. A placement's follow-ups are those naming its start and those "
    "naming its decision; one naming only the decision belongs to the latest of the decision's starts on or before "
    "it (the serving rule), not to every start of the decision.",
    .predecessor = "Serviceloven § 70 stk. 2 (substance not in the catalog)", .versions = opf_anb_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<party id="mor" role="custody-holder"/>
<kontakt id="c1" at="2024-11-01" party="mor" channel="phone"/>
<opfoelgning id="o2" at="2024-11-05" ref="m2"/>)",
    .reasons = opf_anb_reasons,
    .statute = &opf_anb_statute,
    .phase = Phase::after,
    .evidence = opf_anb_evidence};

class PlacementFollowUpContact final : public RuleImpl {
public:
    PlacementFollowUpContact() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return opf_anb_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        bool custody_holder = false;
        for (const Person& p : c.persons()) custody_holder = custody_holder || p.role == Value::custody_holder;
        FollowUps followups(c, ctx);
        Deferred<IndexList> contacts;  // the known contacts with a custody holder, on first need
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            if (!ctx.known(start)) continue;
            const Event* decision = measure_decision(c, start);
            if (!decision || !is_placement(decision_kind(*decision))) continue;
            LocalDay since = start.at().day;
            for (const Event* o : followups.all(start, *decision)) {
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (!open_finding(f, opf_anb_meta, *o, o->at().day)) {
                    since = o->at().day;
                    continue;
                }
                if (!custody_holder) {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::custody_holder_unknown;
                    continue;
                }
                // The latest contact with a custody holder dated from `since` to the follow-up's date (the
                // contacts listed once: a scan of every contact in the window per follow-up grew with the
                // square of the case where many contacts were with others).
                if (!contacts) {
                    contacts.emplace();
                    for (std::uint32_t k : c.events_of(EventType::kontakt)) {
                        const Event& e = c.event(k);
                        const auto who = e.person(Attr::party);
                        if (ctx.known(e) && who && c.persons()[*who].role == Value::custody_holder) contacts->emplace_back(k);
                    }
                }
                const Event* contact = nullptr;
                const auto from = from_day(c, all(*contacts), since);
                const auto window = from.first(from.size() - from_day(c, from, o->at().day + date::days{1}).size());
                if (!window.empty()) contact = &c.event(window.back());
                use(f, contact, EventRole::fulfilment);
                f.status = contact ? Status::met : Status::violated;
                f.reason = contact ? &reasons::custody_contact_made : &reasons::custody_contact_missing;
                since = o->at().day;
            }
        }
    }
};

// ---- Supervision visits (§ 156 stk. 5; Serviceloven § 148) --------------------------------------

namespace reasons {

constexpr Reason visits_enough{
    .key = "visits_enough",
    .da = "Der var de krævede tilsynsbesøg med samtale med barnet i perioden.",
    .en = "The required supervision visits with a conversation with the child took place in the period.",
};

constexpr Reason visits_short{
    .key = "visits_short",
    .da = "Der var for få tilsynsbesøg med samtale med barnet i perioden.",
    .en = "There were too few supervision visits with a conversation with the child in the period.",
};

// a placement year cut short by the end of the placement
constexpr Reason window_cut{
    .key = "window_cut",
    .da = "Anbringelsesåret blev afkortet til under 6 måneder, fordi anbringelsen sluttede; der kræves intet besøg.",
    .en = "The placement year was cut to under 6 months by the end of the placement; no visit is required.",
};

// § 156 stk. 5, calendar years: under 6 months of the year placed
constexpr Reason part_year_short{
    .key = "part_year_short",
    .da = "Anbringelsen dækkede under 6 måneder af kalenderåret; der kræves intet besøg.",
    .en = "The placement covered less than 6 months of the calendar year; no visit is required.",
};

}  // namespace reasons

constexpr RuleVersion tils_versions[] = {
    {Law::serviceloven, "§ 148", far_past, barnets_lov_start, Confidence::unconfirmed,
     "two visits a year assumed as under barnets lov; the stk. is UNCONFIRMED"},
    {Law::barnets_lov, "§ 156 stk. 5", barnets_lov_start, far_future, Confidence::inferred,
     "\"mindst to årlige tilsynsbesøg\" at the placement with a conversation with the child (text read); the year is "
     "undefined, so the windows and the 6-month rule for a part year are INFERRED"},
};
constexpr StatuteRecord tils_statute{
    .rule = "BL-TILS-2X",
    .read = "§ 156 stk. 5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/156 and https://www.regelrytter.dk/barnets-lov/156",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Supervision includes at least two annual visits at the placement site, where the municipality talks "
                "with the child, as far as possible without the site's staff. 'Årlige' is not defined and there is no "
                "rule for placements shorter than a year, so the year's counting stays a reading.",
};

constexpr const Reason* tils_reasons[] = {
    &reasons::visits_enough, &reasons::visits_short, &reasons::window_cut, &reasons::part_year_short,
};

// The visits counted (findings name none of them).
constexpr Evidence tils_evidence[] = {{.type = EventType::tilsynsbesoeg}};
constexpr RuleMeta tils_meta{
    .id = "BL-TILS-2X", .chapter = "plans", .title_da = "To tilsynsbesøg om året med samtale med barnet",
    .title_en = "Two supervision visits a year with a conversation with the child", .severity = Severity::error, .confidence = Confidence::inferred,
    .convention = Convention::years_after, .amount = 1,
    .counting = "Per placement year (reading supervision-year=placement, the default): the 12-month windows from the "
    "placement's start (start to start + 1 year, ...), each ending at the end of its last day. With "
    "supervision-year=calendar the windows are the calendar years, the first from the placement's start. A "
    "window cut short by the end of the placement ends on that day.",
    .reading = "A whole window that has ended needs at least 2 visits at the placement with a conversation with the child "
    "(missed with fewer); a running window with fewer is pending (visits still needed, time left to its end). A "
    "part window — the last one cut short by the end of the placement, or with calendar years the part of a year "
    "the placement covered — needs 1 visit when it lasted 6 months or more (missed with none) and none when "
    "shorter (not_applicable, with the reason): ten months of placement without a visit is missed, never "
    "not_applicable (law README, the per-year row; INFERRED). A visit counts when it names the placement's start "
    "or decision, and does not say at-placement=\"false\" or child-conversation=\"false\". Each window is judged by "
    "the version in force on its first day.",
    .predecessor = "Serviceloven § 148", .versions = tils_versions,
    .statuses = status_bits({Status::met, Status::missed, Status::pending, Status::not_applicable}),
    .example = R"(<indsats-start id="m2" at="2024-09-01" ref="d3"/>
<tilsynsbesoeg id="tb1" at="2024-12-10" ref="m2" child-conversation="true" staff-present="false"/>
<tilsynsbesoeg id="tb2" at="2025-05-20" ref="m2" child-conversation="true"/>)",
    .changed_from = "a placement year cut short by the end of the placement was not_applicable whatever its length",
    .reasons = tils_reasons,
    .counted_da = "besøg", .counted_en = "visits",
    .statute = &tils_statute,
    .evidence = tils_evidence};

class SupervisionVisits final : public RuleImpl {
public:
    SupervisionVisits() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return tils_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const bool calendar_years = ctx.readings.supervision_year == SupervisionYear::calendar;
        MeasureEnds ends(c, ctx);
        // The visits that count, as days in time order (those naming a decision listed once per decision):
        // a scan of every visit per placement, then of the decision's visits per start, grew with the
        // square of the case.
        auto counts = [&](std::uint32_t k) {
            const Event& v = c.event(k);
            return v.type() == EventType::tilsynsbesoeg && ctx.known(v) && v.flag(Attr::at_placement) != false &&
                   v.flag(Attr::child_conversation) != false;
        };
        EventMemo<std::pair<std::uint32_t, std::uint32_t>> of_decision_at(c.events().size());  // per decision: its visits in `days`
        boost::container::small_vector<LocalDay, 16> days;
        auto decision_visits = [&](const Event& d) -> std::span<const LocalDay> {
            const auto [at, n] = of_decision_at.get(d.index(), [&] {
                const auto first = static_cast<std::uint32_t>(days.size());
                for (std::uint32_t k : c.referrers(d.index()))
                    if (counts(k)) days.emplace_back(c.event(k).at().day);
                return std::pair<std::uint32_t, std::uint32_t>(first, static_cast<std::uint32_t>(days.size()) - first);
            });
            return {days.data() + at, n};
        };
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            if (!ctx.known(start)) continue;
            const Event* decision = measure_decision(c, start);
            if (!decision || !is_placement(decision_kind(*decision))) continue;
            const auto ended = ends.of(*decision);
            // The visits naming the start or the decision, one naming both counted once: those naming the
            // start, and those naming the decision less those that name the start too.
            boost::container::small_vector<LocalDay, 8> own, both;
            for (std::uint32_t k : c.referrers(i))
                if (counts(k)) {
                    own.emplace_back(c.event(k).at().day);
                    if (c.refers_to(c.event(k), decision->index())) both.emplace_back(c.event(k).at().day);
                }
            const auto of_decision = decision_visits(*decision);
            auto in = [](auto&& list, LocalDay from, LocalDay last) {
                return std::upper_bound(list.begin(), list.end(), last) - std::lower_bound(list.begin(), list.end(), from);
            };
            const LocalDay first = start.at().day;
            LocalDay next = first;  // where window n begins: the previous window's end (years_after(first, 0) is first)
            for (int n = 0;; ++n) {
                // Window n is [from, next): a placement year, or a calendar year (the first from the start).
                const LocalDay from = next;
                if (calendar_years) {
                    const int y = int(ymd(first).year()) + n;
                    next = local_day(y + 1, 1, 1);
                } else {
                    next = years_after(first, n + 1);
                }
                if (from > ctx.as_of_day || (ended && *ended <= from)) break;
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (!open_finding(f, tils_meta, start, from)) continue;
                const bool cut = ended && *ended < next;  // the placement ended inside the window
                // A part window: cut short, or (calendar years) a first year the placement entered after 1 January.
                const bool part = cut || (calendar_years && n == 0 && from != local_day(int(ymd(from).year()), 1, 1));
                const LocalDay last = cut ? *ended : next - date::days{1};
                const Moment window{{}, from, false};
                Deadline d;
                if (cut) d = detail::due_on(DueBy::placement_end, window, last, ctx.calendar);
                else if (calendar_years) d = detail::due_on(DueBy::calendar_year_end, window, last, ctx.calendar);
                else d = detail::make_deadline_due(tils_meta, window, last, ctx.calendar);
                f.deadline = d;
                // A part window needs one visit when it lasted 6 months or more, none when shorter.
                const LocalDay until = cut ? *ended : next;  // the window's exclusive end
                f.required = part ? (until >= months_after(from, 6) ? 1 : 0) : 2;
                f.count = static_cast<std::uint16_t>(in(own, from, last) + in(of_decision, from, last) - in(both, from, last));
                if (f.required == 0) {
                    f.status = Status::not_applicable;
                    f.reason = cut ? &reasons::window_cut : &reasons::part_year_short;
                } else if (f.count >= f.required) {
                    f.status = Status::met;
                    f.reason = &reasons::visits_enough;
                } else if (cut || ctx.as_of_day > last) {
                    f.status = Status::missed;
                    f.reason = &reasons::visits_short;
                    f.margin = -(ctx.as_of_day - last).count();
                    f.margin_unit = MarginUnit::days;
                } else {
                    f.status = Status::pending;
                    f.reason = &reasons::due_ahead;
                    f.margin = (last - ctx.as_of_day).count();
                    f.margin_unit = MarginUnit::days;
                }
            }
        }
    }
};

}  // namespace

const Rule& plan_supportive_measure() {
    static const Plan32 rule;
    return rule;
}
const Rule& plan_placement() {
    static const PlanPlacement rule;
    return rule;
}
const Rule& first_follow_up() {
    static const FirstFollowUp rule;
    return rule;
}
const Rule& follow_up_cadence() {
    static const FollowUpCadence rule;
    return rule;
}
const Rule& placement_follow_up_contact() {
    static const PlacementFollowUpContact rule;
    return rule;
}
const Rule& supervision_visits() {
    static const SupervisionVisits rule;
    return rule;
}

}  // namespace barnetslov::rules
