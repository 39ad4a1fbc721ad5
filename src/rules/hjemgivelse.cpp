// Ending a placement (catalog part B § 1): the hjemgivelse decision and its period (§ 100) and a
// request for hjemgivelse (§§ 99-100, Ankestyrelsen's guidance).
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/consents.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// ---- BL-ANB-HJEM-100: § 100 (Serviceloven § 68 stk. 2-3) ------------------------------------------

constexpr RuleVersion hjem_versions[] = {
    {Law::serviceloven, "§ 68 stk. 2-3", far_past, barnets_lov_start, Confidence::confirmed_old, "the same three duties (Ankestyrelsen 2015)"},
    {Law::barnets_lov, "§ 100", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord hjem_statute{
    .rule = "BL-ANB-HJEM-100",
    .read = "§ 100 stk. 1-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/100",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "An afgørelse on hjemgivelse and on the length of the hjemgivelsesperiode; a statement from the "
                "placement site before deciding; a period of up to 6 months that continues the placement; the plan "
                "revised before the return.",
};

constexpr const Reason* hjem_reasons[] = {
    &reasons::within_cap, &reasons::over_cap, &reasons::period_unknown, &reasons::site_statement_found,
    &reasons::site_statement_missing,
};

// The plan, the placement's statement and the decision's own end (the period).
constexpr Evidence hjem_evidence[] = {{.type = EventType::plan}, {.type = EventType::udtalelse}, {.type = EventType::afgoerelse, .attr = Attr::end}};
constexpr RuleMeta hjem_meta{
    .id = "BL-ANB-HJEM-100", .chapter = "placement", .title_da = "Hjemgivelse og hjemgivelsesperiode", .title_en = "Hjemgivelse: a period of at most 6 months, prepared before the return",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 6,
    .counting = "Three duties about each hjemgivelse decision (kind hjemgivelse): the period from its start (start, else the "
    "decision's date) ends (end) no later than the same calendar date 6 months on, clamped to the month's end "
    "(stk. 3); the current placement's statement (from placement-site-staff or foster-parent) came before the decision (stk. 2); a plan was made or revised "
    "from the decision's date until the end of the day of the return home (stk. 5).",
    .reading = "The return is the hjemgivelse event naming the decision; until it is on file, the planned return is the "
    "period's end, else the latest end the law allows (start + 6 months), and the plan finding is pending until "
    "then. A plan naming the decision wins, else the first plan (any kind) from the decision's date. No end: the "
    "period is indeterminate (a decision with no period states end = start). What the plan says about support "
    "after the return is BL-PLAN-CONTENT's.",
    .predecessor = "Serviceloven § 68 stk. 2-3", .versions = hjem_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::indeterminate}),
    .example = R"(<udtalelse id="ud1" at="2025-01-20" from="placement-site-staff" ref="d7"/>
<afgoerelse id="d7" at="2025-01-27" kind="hjemgivelse" start="2025-02-01" end="2025-04-30"/>
<plan id="p3" at="2025-02-15" kind="barnets-plan" revision="true" ref="d7"/>
<hjemgivelse id="hj1" at="2025-04-30" ref="d7"/>)",
    .changed_from = "the latest statement from the placement since the current placement counted, even one naming another decision",
    .reasons = hjem_reasons,
    .statute = &hjem_statute,
    .phase = Phase::with,
    .evidence = hjem_evidence};

class Hjemgivelse final : public RuleImpl {
public:
    Hjemgivelse() : RuleImpl(KindSet{Value::hjemgivelse}) {}
    const RuleMeta& meta() const override { return hjem_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const PlanIndex plans(c, ctx, [](const Event&) { return true; });  // BL-ANB-HJEM-100 takes a plan of any kind
        Deferred<SiteStatements> statements;                           // listed on first need
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::hjemgivelse || d.value(Attr::outcome) == Value::refused) continue;
            const LocalDay start = d.date(Attr::start).value_or(d.at().day);
            const Deadline limit = detail::make_deadline(hjem_meta, Moment{{}, start, false}, ctx.calendar);
            auto period_slot = out.add();
            Finding& period = *period_slot;
            judge_period(d, limit, period);
            if (!statements) statements.emplace(c, ctx);
            auto statement_slot = out.add();
            Finding& statement = *statement_slot;
            statements->judge(d, statement, hjem_meta);
            auto plan_slot = out.add();
            Finding& plan = *plan_slot;
            judge_plan(c, plans, d, limit, ctx, plan);
        }
    }

private:
    static void judge_period(const Event& d, const Deadline& limit, Finding& f) {
        if (!open_finding(f, hjem_meta, d, d.at().day)) return;
        const auto end = d.date(Attr::end);
        f.deadline = limit;
        if (!end) {
            f.status = Status::indeterminate;
            f.reason = &reasons::period_unknown;
            f.attribute = Attr::end;
            return;
        }
        f.margin = (limit.due_day - *end).count();
        f.margin_unit = MarginUnit::days;
        f.status = *end <= limit.due_day ? Status::met : Status::violated;
        f.reason = *end <= limit.due_day ? &reasons::within_cap : &reasons::over_cap;
    }

    static void judge_plan(const Case& c, const PlanIndex& plans, const Event& d, const Deadline& limit, const EvalContext& ctx,
                           Finding& f) {
        if (!open_finding(f, hjem_meta, d, d.at().day)) return;
        const Event* returned = first_referrer(c, d.index(), EventType::hjemgivelse, ctx);
        use(f, returned, EventRole::related);
        const LocalDay return_day = returned ? returned->at().day : d.date(Attr::end).value_or(limit.due_day);
        const Deadline dl = detail::due_on(returned ? DueBy::return_home : DueBy::planned_return, d.at(), return_day, ctx.calendar);
        const Event* plan = plans.near(&d, d.at().day, false);
        use(f, plan, EventRole::fulfilment);
        judge_by(f, dl, plan, ctx);
    }
};

// ---- BL-ANB-HJEM-REQ: §§ 99-100 (UNCONFIRMED), Serviceloven § 68 -------------------------------------

constexpr RuleVersion req_versions[] = {
    {Law::serviceloven, "§ 68", far_past, barnets_lov_start, Confidence::confirmed_old, ""},
    {Law::barnets_lov, "§§ 99-100 (UNCONFIRMED)", barnets_lov_start, far_future, Confidence::confirmed,
     "Ankestyrelsen's guidance CONFIRMED; the section UNCONFIRMED"},
};
constexpr StatuteRecord req_statute{
    .rule = "BL-ANB-HJEM-REQ",
    .read = "§ 100",
    .not_found = "§ 99",
    .source = "§ 100: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/100; § 99 not found, best secondary "
              "source: Ankestyrelsen (the catalog's [ASTHJEM], not re-read), https://ast.dk/born-familie/"
              "hvad-handler-din-klage-om/sager-om-born-og-unge/anbringelse-uden-samtykke/"
              "anmodning-om-at-barnet-eller-den-unge-kommer-hjem-til-familien-hjemgivelse",
    .noted_in = "statute-notes.md (§ 100); issue 14 lookup (§ 99)",
    .read_on = december_2026,
    .confirms = "§ 100 confirms the hjemgivelse decision and its period. The duty to assess a request, and to put a "
                "refusal in a § 47 case to the committee, rests on Ankestyrelsen's page; where it sits in barnets lov "
                "is not known.",
};

constexpr const Reason* req_reasons[] = {
    &reasons::under_age, &reasons::step_recorded, &reasons::step_outstanding, &reasons::wrong_body,
    &reasons::right_body,
};

constexpr Evidence req_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta req_meta{
    .id = "BL-ANB-HJEM-REQ", .chapter = "placement", .title_da = "Anmodning om hjemgivelse", .title_en = "A request for hjemgivelse is decided; a refusal in a § 47 case by the committee",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a request for hjemgivelse (anmodning topic=\"hjemgivelse\") from a custody holder or a young "
    "person of 15+ is decided; where the child is placed without consent, a refusal is the børne- og "
    "ungeudvalg's decision.",
    .reading = "Decided means an afgoerelse naming the request; until then pending without a due date (the guidance sets "
    "none; there is no duty while the case is at Ankestyrelsen or a court, which the file does not show). A refusal "
    "is outcome=\"refused\", or a committee decision to continue the placement; placed without consent means a "
    "placement-without-consent decision before the request whose measure had not ended. A request from a child "
    "under 15 is not this duty (not_applicable). The notice to the committee when a § 47 placement ends is not "
    "checked: no event records it.",
    .predecessor = "Serviceloven § 68", .versions = req_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable}),
    .example = R"(<anmodning id="an4" at="2025-03-03" party="mor" topic="hjemgivelse"/>
<afgoerelse id="d14" at="2025-04-08" kind="hjemgivelse" outcome="refused" body="committee" ref="an4"/>)",
    .reasons = req_reasons,
    .statute = &req_statute,
    .evidence = req_evidence};

// Whether the child was placed without consent when a request was made, and the placement still ran
// (BL-ANB-HJEM-REQ). Asked once per refused request: reading every decision (and a placement's end) per
// request grew with the square of the case. The requests come in time order, so the placements dated
// up to the request are a growing prefix of the time-ordered decisions, each placement's end found once.
class PlacedWithoutConsent {
public:
    PlacedWithoutConsent(const Case& c, const EvalContext& ctx)
        : c_(c), ctx_(ctx), decisions_(c.events_of(EventType::afgoerelse)), ends_(c, ctx) {}

    // `request` must not be earlier than the one asked about before.
    [[nodiscard]] bool at(const Event& request) {
        const LocalDay day = request.at().day;
        for (; next_ < decisions_.size() && c_.event(decisions_[next_]).at().day <= day; ++next_) {
            const Event& p = c_.event(decisions_[next_]);
            if (!ctx_.known(p) || p.value(Attr::outcome) == Value::refused || decision_kind(p) != Value::placement_without_consent)
                continue;
            const auto end = ends_.of(p);
            if (!end) open_ = true;
            else last_end_ = std::max(last_end_, *end);
        }
        return open_ || last_end_ > day;
    }

private:
    const Case& c_;
    const EvalContext& ctx_;
    std::span<const std::uint32_t> decisions_;
    MeasureEnds ends_;
    std::size_t next_ = 0;                // decisions_[0 .. next_) are dated no later than the last request
    bool open_ = false;                   // one of those placements has no end
    LocalDay last_end_ = LocalDay::min(); // the latest end among those that have one
};

class HjemgivelseRequest final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return req_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        PlacedWithoutConsent placed(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::anmodning)) {
            const Event& r = c.event(i);
            if (!ctx.known(r) || r.value(Attr::topic) != Value::hjemgivelse) continue;
            // The custody holder or the young person asks; an unnamed requester is not assumed to be someone else.
            const auto who = r.person(Attr::party);
            if (who && *who != 0 && c.persons()[*who].role != Value::custody_holder) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, req_meta, r, r.at().day)) continue;
            if (from_child(r)) {
                const auto age = child_age(c, ctx, r.at().day);
                if (age && *age < 15) {
                    f.status = Status::not_applicable;
                    f.reason = &reasons::under_age;
                    continue;
                }
            }
            const Event* d = first_referrer(c, i, EventType::afgoerelse, ctx);
            use(f, d, EventRole::fulfilment);
            if (!d) {
                f.status = Status::pending;
                f.reason = &reasons::step_outstanding;
                continue;
            }
            const bool refusal = d->value(Attr::outcome) == Value::refused ||
                                 (decision_kind(*d) == Value::placement_continued && by_committee(*d));
            if (refusal && placed.at(r)) {
                f.status = by_committee(*d) ? Status::met : Status::violated;
                f.reason = by_committee(*d) ? &reasons::right_body : &reasons::wrong_body;
                continue;
            }
            f.status = Status::met;
            f.reason = &reasons::step_recorded;
        }
    }
};

}  // namespace

const Rule& hjemgivelse_period() {
    static const Hjemgivelse rule;
    return rule;
}
const Rule& hjemgivelse_request() {
    static const HjemgivelseRequest rule;
    return rule;
}

}  // namespace barnetslov::rules
