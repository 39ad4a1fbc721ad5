// BL-BARN-REQ-ANB, BL-BARN-PFP and BL-ANB-PFP-NOGENB (requests decided as the law says),
// BL-UPLAN-TRIG / BL-UPLAN-3M (the ungeplan for young people of 16+), and BL-MISBRUG-14D (treatment
// for substance abuse within 14 days of the request).
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// The first decision that names request `r` in its ref.
const Event* decision_on(const Case& c, std::uint32_t r, const EvalContext& ctx) {
    return first_referrer(c, r, EventType::afgoerelse, ctx);
}

// ---- BL-BARN-REQ-ANB: § 48 -----------------------------------------------------------------------

// LOV nr 217 af 05/03/2024 added the complaint clause; its date in force is UNCONFIRMED: the day
// after it was given is assumed.
constexpr LocalDay lov217_assumed = LocalDay{date::year{2024} / 3 / 6};

constexpr RuleVersion req_versions[] = {
    {Law::barnets_lov, "§ 48 stk. 1", barnets_lov_start, lov217_assumed, Confidence::confirmed,
     "the request is assessed and decided; whether a refusal could be appealed was unclear"},
    {Law::barnets_lov, "§ 48 (LOV 217/2024)", lov217_assumed, far_future, Confidence::unconfirmed,
     "a refusal is a decision with klagevejledning; LOV 217's date in force UNCONFIRMED (6 March 2024 assumed)"},
};
constexpr StatuteRecord req_statute{
    .rule = "BL-BARN-REQ-ANB",
    .read = "§ 48 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/48",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "A child may ask to be placed (stk. 1); the municipality assesses whether a § 20 undersøgelse is needed, "
                "including whether §§ 46 or 47 are met, and a decision giving neither a placement nor support may be "
                "brought before Ankestyrelsen, with § 144 and forvaltningsloven § 25 applying (stk. 2, 2.-3. pkt.: the "
                "LOV 217/2024 clause).",
};

constexpr const Reason* req_reasons[] = {
    &reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::step_recorded,
    &reasons::step_outstanding,
};

// The decision on the request (its klagevejledning is read only on a refusal).
constexpr Evidence req_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta req_meta{
    .id = "BL-BARN-REQ-ANB", .chapter = "involvement", .title_da = "Barnets anmodning om anbringelse", .title_en = "The child's request to be placed",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a child's request to be placed (anmodning topic=\"placement\" from the child) is decided; after LOV "
    "217/2024 a decision giving neither a placement nor support (kind placement-request-refused) carries klagevejledning.",
    .reading = "Decided means an afgoerelse naming the request; until then pending without a due date. A refusal dated from the "
    "assumed date of LOV 217 needs has-klagevejledning=\"true\" (false: violated, absent: indeterminate); the version "
    "is that in force on the refusal's day. Only kind placement-request-refused is read as a refusal. New in barnets "
    "lov: not_applicable before 2024.",
    .predecessor = "none (new in barnets lov)", .versions = req_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<anmodning id="an2" at="2024-04-02" party="barn" topic="placement"/>
<afgoerelse id="d6" at="2024-04-30" kind="placement-request-refused" ref="an2" has-klagevejledning="true"/>)",
    .reasons = req_reasons,
    .statute = &req_statute,
    .evidence = req_evidence};

class PlacementRequest final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return req_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, req_meta, EventType::anmodning, [&](const Event& r) { return r.value(Attr::topic) == Value::placement && from_child(r); },
                         [&](const Event& r, Finding& f) {
            const std::uint32_t i = r.index();
            const Event* d = decision_on(c, i, ctx);
            use(f, d, EventRole::fulfilment);
            if (!d) {
                f.status = Status::pending;
                f.reason = &reasons::step_outstanding;
                return;
            }
            // The klagevejledning duty is triggered by the refusal: the version in force on its day decides.
            if (const auto v = version_in_force(req_meta, d->at().day)) f.version = *v;
            if (decision_kind(*d) == Value::placement_request_refused && f.version == 1 /* after LOV 217 */) {
                static constexpr Attr flags[] = {Attr::has_klagevejledning};
                judge_statements(f, *d, flags);
                return;
            }
            f.status = Status::met;
            f.reason = &reasons::step_recorded;
        });
    }
};

// ---- BL-BARN-PFP and BL-ANB-PFP-NOGENB: § 42 stk. 4 ---------------------------------------------------

namespace reasons {

// a renewal deadline where the law gives none
constexpr Reason renewal_set{
    .key = "renewal_set",
    .da = "Afgørelsen fastsætter en genbehandlingsfrist, som loven ikke giver.",
    .en = "The decision sets a renewal deadline the law does not provide for.",
};

constexpr Reason no_renewal{
    .key = "no_renewal",
    .da = "Afgørelsen fastsætter ingen genbehandlingsfrist.",
    .en = "The decision sets no renewal deadline.",
};

}  // namespace reasons

constexpr RuleVersion pfp_versions[] = {
    {Law::serviceloven, "§ 78 stk. 4", far_past, barnets_lov_start, Confidence::confirmed_old, ""},
    {Law::barnets_lov, "§ 42 stk. 4", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord pfp_statute{
    .rule = "BL-BARN-PFP",
    .read = "§ 42 stk. 4; § 142 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/42 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
    .noted_in = "part-c-network-parents-special.md (§ 42, December 2026); statute-notes.md (§ 142)",
    .read_on = december_2026,
    .confirms = "Foster parents or the child may ask that the child is not moved from private foster care, and the "
                "decision is the committee's (§ 142 stk. 1 lists § 42 stk. 4). No age limit for the child's request "
                "(VEJ 9148 sec. 228).",
};

constexpr const Reason* pfp_reasons[] = {&reasons::step_recorded, &reasons::step_outstanding, &reasons::wrong_body};

// The decision on the request. Its body is judged too, but an unstated body is the municipality's
// (vocabulary default) and such a decision is named as well, so the type alone.
constexpr Evidence pfp_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta pfp_meta{
    .id = "BL-BARN-PFP", .chapter = "involvement", .title_da = "Begæring om at barnet ikke flyttes fra privat plejefamilie",
    .title_en = "A 'no move' request in private foster care decided by the committee", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a request from the foster parents or the child, at any age (anmodning topic=\"no-move\"), is "
    "decided by the børne- og ungeudvalg.",
    .reading = "Decided means an afgoerelse naming the request; body committee is met, any other body violated; until decided, "
    "pending without a due date. That the decision sets no renewal deadline is BL-ANB-PFP-NOGENB.",
    .predecessor = "Serviceloven § 78 stk. 4", .versions = pfp_versions, .statuses = status_bits({Status::met, Status::violated, Status::pending}),
    .example = R"(<anmodning id="an3" at="2024-06-03" party="barn" topic="no-move"/>
<afgoerelse id="d7" at="2024-06-25" kind="foster-care-no-move" body="committee" ref="an3"/>)",
    .reasons = pfp_reasons,
    .statute = &pfp_statute,
    .evidence = pfp_evidence};

class NoMoveRequest final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return pfp_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, pfp_meta, EventType::anmodning, [&](const Event& r) { return r.value(Attr::topic) == Value::no_move; },
                         [&](const Event& r, Finding& f) {
            const std::uint32_t i = r.index();
            const Event* d = decision_on(c, i, ctx);
            use(f, d, EventRole::fulfilment);
            if (!d) {
                f.status = Status::pending;
                f.reason = &reasons::step_outstanding;
            } else if (d->value(Attr::body) == Value::committee) {
                f.status = Status::met;
                f.reason = &reasons::step_recorded;
            } else {
                f.status = Status::violated;
                f.reason = &reasons::wrong_body;
            }
        });
    }
};

constexpr StatuteRecord nogenb_statute{
    .rule = "BL-ANB-PFP-NOGENB",
    .read = "§ 42 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/42; guidance VEJ 9148 sec. 228, "
              "https://regelrytter.dk/vej/2024-9148-sec-228",
    .noted_in = "part-c-network-parents-special.md (§ 42, December 2026); VEJ 9148 found again in the issue 14 lookup",
    .read_on = december_2026,
    .confirms = "Foster parents or the child may ask that the child is not moved from private foster care. That no "
                "genbehandlingsfrist is set, unlike for § 47 placements, comes from the guidance (VEJ 9148), not from "
                "the text.",
};

constexpr const Reason* nogenb_reasons[] = {&reasons::renewal_set, &reasons::no_renewal};

// Judged from the decision alone (a renewal date on it is the breach): always data.
constexpr Evidence nogenb_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta nogenb_meta{
    .id = "BL-ANB-PFP-NOGENB", .chapter = "placement", .title_da = "Ingen genbehandlingsfrist for afgørelse om at barnet ikke flyttes",
    .title_en = "No renewal deadline for a 'no move' decision in private foster care", .severity = Severity::warning, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a § 42 stk. 4 decision has no genbehandlingsfrist, unlike a placement without consent (§ 50).",
    .reading = "A foster-care-no-move decision that states a renewal deadline (renewal-due or renewal-years-stated) is violated; "
    "one that states none is met. The request being decided by the committee is BL-BARN-PFP.",
    .predecessor = "Serviceloven § 78 stk. 4", .versions = pfp_versions, .statuses = status_bits({Status::met, Status::violated}),
    .example = R"(<afgoerelse id="d7" at="2024-06-25" kind="foster-care-no-move" body="committee" ref="an3"/>)",
    .reasons = nogenb_reasons,
    .statute = &nogenb_statute,
    .phase = Phase::with,
    .evidence = nogenb_evidence};

class NoMoveWithoutRenewal final : public RuleImpl {
public:
    NoMoveWithoutRenewal() : RuleImpl(KindSet{Value::foster_care_no_move}) {}
    const RuleMeta& meta() const override { return nogenb_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, nogenb_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::foster_care_no_move; },
                         [&](const Event& d, Finding& f) {
            const bool renewal = d.has(Attr::renewal_due) || d.has(Attr::renewal_years_stated);
            f.attribute = d.has(Attr::renewal_due) ? Attr::renewal_due : Attr::renewal_years_stated;
            f.status = renewal ? Status::violated : Status::met;
            f.reason = renewal ? &reasons::renewal_set : &reasons::no_renewal;
        });
    }
};

// ---- BL-UPLAN-TRIG and BL-UPLAN-3M: § 108 --------------------------------------------------------------

namespace reasons {

// "no plan" where the plan is mandatory
constexpr Reason plan_mandatory{
    .key = "plan_mandatory",
    .da = "Afgørelsen siger, at der ikke skal være en ungeplan, men den er obligatorisk ved anbringelse.",
    .en = "The decision says no ungeplan will be made, but it is mandatory for a placement.",
};

// the decision records that a plan will be made
constexpr Reason plan_chosen{
    .key = "plan_chosen",
    .da = "Kommunen besluttede ved afgørelsen, at der skal udarbejdes en plan.",
    .en = "At the decision the municipality decided to make a plan.",
};

}  // namespace reasons

bool ungeplan(const Event& e) { return e.type() == EventType::plan && e.value(Attr::kind) == Value::ungeplan; }

constexpr bool youth_measure(Value kind) { return kind == Value::supportive_measure || kind == Value::ungestoette || is_placement(kind); }
bool youth_decision(const Event& d) { return youth_measure(decision_kind(d)) && d.value(Attr::outcome) != Value::refused; }

constexpr std::string_view no_16_plus_substance_before_2024 =
    "the catalog names SEL § 140 as predecessor but gives no substance for 16+: not_applicable before 2024";

constexpr RuleVersion trig_versions[] = {
    {Law::barnets_lov, "§ 108 stk. 1-2", barnets_lov_start, far_future, Confidence::confirmed,
     no_16_plus_substance_before_2024},
};
constexpr StatuteRecord trig_statute{
    .rule = "BL-UPLAN-TRIG",
    .read = "§ 108 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "The municipality takes a position on an ungeplan when a young person with barnets plan, or a § 32 "
                "recipient without one, turns 16, when support under §§ 32, 114, 115 or 120 is decided for a 16+ not "
                "supported under § 32 before, and on support under § 116 jf. § 114 (stk. 1); an ungeplan is mandatory "
                "for a placement (§§ 46, 47) of a 16+ and for re-established døgnophold under § 116 (stk. 2).",
};

constexpr const Reason* trig_reasons[] = {
    &reasons::plan_not_chosen, &reasons::plan_choice_unknown, &reasons::age_unknown, &reasons::under_age,
    &reasons::plan_mandatory, &reasons::plan_chosen,
};

// Judged from the decision's own plan-choice.
constexpr Evidence trig_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::plan_choice}};
constexpr RuleMeta trig_meta{
    .id = "BL-UPLAN-TRIG", .chapter = "plans", .title_da = "Beslutning om ungeplan", .title_en = "A decision whether to make an ungeplan", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: at a decision on support (§§ 32, 46, 47, 114-116, 120) for a young person who has turned 16, the "
    "municipality decides whether to make an ungeplan (the decision's plan attribute); for a placement it is "
    "mandatory.",
    .reading = "plan=\"plan\" is met; \"no-plan\" is met for § 32 support and violated for a placement; no attribute is "
    "indeterminate. Under 16: not_applicable. The decision at the 16th birthday of a child already receiving "
    "support has no event to carry it and is not checked; the ungeplan that follows it is BL-UPLAN-3M.",
    .predecessor = "Serviceloven § 140 (no substance for 16+ in the catalog)", .versions = trig_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d8" at="2025-02-10" kind="supportive-measure" plan="plan"/>)",
    .reasons = trig_reasons,
    .statute = &trig_statute,
    .phase = Phase::with,
    .evidence = trig_evidence};

class UngeplanChoice final : public RuleImpl {
public:
    UngeplanChoice() : RuleImpl(KindSet::where(youth_measure)) {}
    const RuleMeta& meta() const override { return trig_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            if (!ctx.known(d) || !youth_measure(kind) || d.value(Attr::outcome) == Value::refused) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, trig_meta, d, d.at().day)) continue;
            const auto age = child_age(c, ctx, d.at().day);
            if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            if (*age < 16) {
                f.status = Status::not_applicable;
                f.reason = &reasons::under_age;
                continue;
            }
            const auto choice = d.value(Attr::plan_choice);
            f.attribute = Attr::plan_choice;
            if (!choice) {
                f.status = Status::indeterminate;
                f.reason = &reasons::plan_choice_unknown;
            } else if (*choice == Value::no_plan && is_placement(kind)) {
                f.status = Status::violated;
                f.reason = &reasons::plan_mandatory;
            } else {
                f.status = Status::met;
                f.reason = *choice == Value::plan ? &reasons::plan_chosen : &reasons::plan_not_chosen;
            }
        }
    }
};

constexpr RuleVersion u3m_versions[] = {
    {Law::barnets_lov, "§ 108 stk. 3-5", barnets_lov_start, far_future, Confidence::confirmed,
     no_16_plus_substance_before_2024},
};
constexpr StatuteRecord u3m_statute{
    .rule = "BL-UPLAN-3M",
    .read = "§ 108 stk. 3-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "The ungeplan exists at the latest 3 months after the decision on the measure or after the 16th "
                "birthday (stk. 3); for a placement without consent it is made before the decision, jf. § 51 stk. 1 "
                "nr. 3 (stk. 4); one plan may cover several young people (stk. 5).",
};

constexpr const Reason* u3m_reasons[] = {
    &reasons::plan_missing, &reasons::plan_after_decision, &reasons::age_unknown, &reasons::record_too_old,
    &reasons::record_serves_earlier, &reasons::record_order_unknown,
};

constexpr Evidence u3m_evidence[] = {{.type = EventType::plan}};
constexpr RuleMeta u3m_meta{
    .id = "BL-UPLAN-3M", .chapter = "plans", .title_da = "Ungeplanen senest 3 måneder efter", .title_en = "The ungeplan within 3 months", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 3,
    .counting = "3 calendar months after the decision, or after the 16th birthday of a young person placed at that day, end of "
    "that day; for a placement without consent (§ 47) the ungeplan exists before the decision.",
    .reading = "Triggers: a decision with plan=\"plan\" for a 16+, any placement of a 16+ (mandatory), and the 16th birthday "
    "during a running placement (the finding is about the placement's start, due 3 months after the birthday). The "
    "ungeplan is a plan kind=\"ungeplan\"; which one serves a decision follows the law README's serving rule (one "
    "naming the decision or its measure start; else, before a § 47 decision, an unlinked one after the previous "
    "decision about the child and within before-record-months; after a decision, an unlinked one serving the latest "
    "such decision on or before it). A plan that exists but serves another decision is indeterminate. Before 2024 "
    "not_applicable.",
    .predecessor = "Serviceloven § 140 (no substance for 16+ in the catalog)", .versions = u3m_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::not_applicable,
                 Status::indeterminate}),
    .example = R"(<afgoerelse id="d9" at="2025-03-03" kind="placement-with-consent" plan="plan"/>
<plan id="up1" at="2025-05-20" kind="ungeplan" ref="d9"/>)",
    .changed_from = "the ungeplan nearest the decision counted, even one naming another decision",
    .reasons = u3m_reasons,
    .statute = &u3m_statute,
    .phase = Phase::after,
    .evidence = u3m_evidence};

class UngeplanDeadline final : public RuleImpl {
public:
    UngeplanDeadline() : RuleImpl(KindSet::where(youth_measure)) {}
    const RuleMeta& meta() const override { return u3m_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // Listed once: BL-UPLAN-3M looks for an ungeplan per decision and per running placement.
        const PlanIndex ungeplans(c, ctx, ungeplan);
        // Listed at the first decision in scope, as in Plan32 (plans.cpp).
        Deferred<PlanServing> plans;
        const auto serving = [&]() -> const PlanServing& { return plans.get_or_make(c, ctx, youth_decision, ungeplan); };
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            if (!ctx.known(d) || !youth_decision(d)) continue;
            const bool mandatory = is_placement(kind);
            if (!mandatory && d.value(Attr::plan_choice) != Value::plan) continue;
            const auto age = child_age(c, ctx, d.at().day);
            if (age && *age < 16) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, u3m_meta, d, d.at().day)) continue;
            if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            const bool before_decision = kind == Value::placement_without_consent || kind == Value::placement_own_wish_15;
            if (before_decision) {
                judge_plan_before(serving().before(d), f);
                continue;
            }
            const Event* p = serving().for_decision(d);
            use(f, p, EventRole::fulfilment);
            judge_by(f, detail::make_deadline(u3m_meta, Moment{{}, d.at().day, false}, ctx.calendar), p, ctx, detail::Earlier::in_time);
        }
        // The 16th birthday during a running placement.
        if (!c.child().birth_date) return;
        const LocalDay sixteen = birthday(*c.child().birth_date, 16);
        MeasureEnds ends(c, ctx);
        if (sixteen > ctx.as_of_day) return;
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            const Event* decision = measure_decision(c, start);
            if (!ctx.known(start) || !decision || !is_placement(decision_kind(*decision)) || start.at().day >= sixteen) continue;
            if (const auto end = ends.of(*decision); end && *end <= sixteen) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, u3m_meta, start, sixteen)) continue;
            const Event* p = ungeplans.near(nullptr, sixteen, false);
            use(f, p, EventRole::fulfilment);
            judge_by(f, detail::make_deadline(u3m_meta, Moment{{}, sixteen, false}, ctx.calendar), p, ctx);
        }
    }
};

// ---- BL-MISBRUG-14D: § 33 with its bekendtgørelse (Serviceloven § 101 stk. 3) -------------------------
// Part C § 4: for a young person under 18 in the target group, treatment for substance abuse is started
// no later than 14 days after the request to the municipality (a waiting-time guarantee).

namespace reasons {

constexpr Reason adult_at_request{
    .key = "adult_at_request",
    .da = "Den unge var fyldt 18 år ved anmodningen; garantien gælder unge under 18.",
    .en = "The young person had turned 18 at the request; the guarantee is for young people under 18.",
};

constexpr Reason outside_target_group{
    .key = "outside_target_group",
    .da = "Kommunen vurderede, at den unge ikke er i behandlingsgarantiens målgruppe (target-group=\"false\").",
    .en = "The municipality assessed that the young person is not in the treatment guarantee's target group (target-group=\"false\").",
};

constexpr Reason target_group_not_recorded{
    .key = "target_group_not_recorded",
    .da = "Behandlingen blev ikke iværksat inden for de 14 dage, og sagen viser ikke kommunens vurdering af, om den unge er i "
          "behandlingsgarantiens målgruppe (ingen afgørelse med 'target-group').",
    .en = "Treatment did not start within the 14 days, and the file does not show the municipality's assessment of whether the "
          "young person is in the guarantee's target group (no decision with 'target-group').",
};

}  // namespace reasons

constexpr RuleVersion misbrug_versions[] = {
    {Law::serviceloven, "§ 101 stk. 3", far_past, barnets_lov_start, Confidence::confirmed_old,
     "the bekendtgørelse on the guarantee of social treatment for drug abuse for young people under 18: 14 days"},
    {Law::barnets_lov, "§ 33", barnets_lov_start, far_future, Confidence::inferred,
     "that the bekendtgørelse under § 33 keeps the 14 days is INFERRED; § 33's wording and the current bekendtgørelse UNCONFIRMED"},
};
constexpr StatuteRecord misbrug_statute{
    .rule = "BL-MISBRUG-14D",
    .not_found = "§ 33",
    .source = "not found; best secondary sources: the predecessor, Serviceloven § 101, https://danskelove.dk/serviceloven/101; "
              "the old bekendtgørelse on the guarantee (translation), https://www.global-regulation.com/translation/denmark/613242/notice-on-the-guarantee-of-"
              "social-treatment-for-drug-abuse-to-young-people-under-the-age-of-18-years-in-special-cases.html, and "
              "http://misbrugsportalen.dk/unge-og-behandling",
    .noted_in = "part-c-network-parents-special.md (§ 4, December 2026)",
    .read_on = december_2026,
    .confirms = "Under the old law, treatment for a young person under 18 in the target group (drug use causing serious social "
                "and behavioural problems, as the municipality assesses) was started no later than 14 days after the request "
                "by the parents or the young person, with the custody holder's consent and, from 15, the young person's. "
                "Barnets lov § 33 is named with Serviceloven § 101 in the reporting bekendtgørelse (BEK 1295/2023 § 1 nr. 5).",
};

constexpr const Reason* misbrug_reasons[] = {&reasons::adult_at_request, &reasons::outside_target_group, &reasons::age_unknown,
                                              &reasons::target_group_not_recorded};

constexpr Evidence misbrug_evidence[] = {{.type = EventType::indsats_start}};
constexpr RuleMeta misbrug_meta{
    .id = "BL-MISBRUG-14D", .chapter = "special-procedures", .title_da = "Behandling for stofmisbrug iværksat inden for 14 dage",
    .title_en = "Treatment for substance abuse started within 14 days of the request", .severity = Severity::error,
    .confidence = Confidence::inferred, .convention = Convention::days_after, .amount = 14,
    .counting = "14 calendar days from the day of the request (anmodning topic=\"substance-abuse-treatment\"): the deadline is the end "
    "of that day + 14 (law README, \"N dage\"). Treatment has started when an indsats-start names the decision on the "
    "request (kind substance-abuse-treatment, naming the request) or the request itself.",
    .reading = "The guarantee is for young people under 18 in its target group, which the municipality assesses: a decision on "
    "the request with target-group=\"false\" makes the finding not_applicable, as does a young person of 18 or over on "
    "the day of the request. Treatment started in time is met. Started late, or not started when the 14 days have run "
    "out, is late or missed only when the file shows the duty applied (target-group=\"true\" and a birth date under 18); "
    "otherwise indeterminate, saying what the file lacks. The request's day is its date as recorded (first receipt; "
    "an oral request counts, INFERRED by analogy with the underretning). The carry-over of the 14 days to § 33 is "
    "INFERRED.",
    .predecessor = "Serviceloven § 101 stk. 3", .versions = misbrug_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<anmodning id="an4" at="2024-03-04" party="mor" topic="substance-abuse-treatment"/>
<afgoerelse id="d8" at="2024-03-08" kind="substance-abuse-treatment" ref="an4" target-group="true"/>
<indsats-start id="m4" at="2024-03-15" ref="d8"/>)",
    .reasons = misbrug_reasons,
    .statute = &misbrug_statute,
    .evidence = misbrug_evidence};

class SubstanceAbuseTreatment final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return misbrug_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, misbrug_meta, EventType::anmodning,
                         [](const Event& r) { return r.value(Attr::topic) == Value::substance_abuse_treatment; },
                         [&](const Event& r, Finding& f) {
            const std::optional<int> age = child_age(c, ctx, r.at().day);
            if (age && *age >= 18) {
                f.status = Status::not_applicable;
                f.reason = &reasons::adult_at_request;
                return;
            }
            const Event* d = nullptr;
            for (std::uint32_t i : c.referrers(r.index())) {
                const Event& e = c.event(i);
                if (e.type() == EventType::afgoerelse && ctx.known(e) && decision_kind(e) == Value::substance_abuse_treatment) {
                    d = &e;
                    break;
                }
            }
            use(f, d, EventRole::related);
            const std::optional<bool> in_group = d ? d->flag(Attr::target_group) : std::nullopt;
            if (in_group == false) {
                f.status = Status::not_applicable;
                f.reason = &reasons::outside_target_group;
                return;
            }
            const Event* started = d ? first_referrer(c, d->index(), EventType::indsats_start, ctx) : nullptr;
            if (!started) started = first_referrer(c, r.index(), EventType::indsats_start, ctx);
            use(f, started, EventRole::fulfilment);
            judge_by(f, detail::make_deadline(misbrug_meta, r.at(), ctx.calendar), started, ctx);
            // Late or missed only where the file shows the guarantee applied: a young person under 18 in its target group.
            if (f.status != Status::late && f.status != Status::missed) return;
            if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else if (!in_group) {
                f.status = Status::indeterminate;
                f.reason = &reasons::target_group_not_recorded;
            }
        });
    }
};

}  // namespace

const Rule& placement_request() {
    static const PlacementRequest rule;
    return rule;
}
const Rule& no_move_request() {
    static const NoMoveRequest rule;
    return rule;
}
const Rule& no_move_without_renewal() {
    static const NoMoveWithoutRenewal rule;
    return rule;
}
const Rule& ungeplan_choice() {
    static const UngeplanChoice rule;
    return rule;
}
const Rule& substance_abuse_treatment() {
    static const SubstanceAbuseTreatment rule;
    return rule;
}
const Rule& ungeplan_deadline() {
    static const UngeplanDeadline rule;
    return rule;
}

}  // namespace barnetslov::rules
