// BL-BARN-VIEWS and BL-BARN-VIEWS-EXC (catalog part A § 3).
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

namespace reasons {

constexpr Reason views_obtained{
    .key = "views_obtained",
    .da = "Barnets synspunkter blev indhentet før afgørelsen.",
    .en = "The child's views were obtained before the decision.",
};

constexpr Reason views_declined{
    .key = "views_declined",
    .da = "Barnet afslog samtalen før afgørelsen.",
    .en = "The child declined the conversation before the decision.",
};

constexpr Reason views_exception{
    .key = "views_exception",
    .da = "Samtalen blev undladt efter en registreret undtagelse (§ 5, stk. 4).",
    .en = "The conversation was omitted under a recorded exception (§ 5 stk. 4).",
};

constexpr Reason views_missing{
    .key = "views_missing",
    .da = "Der er ingen registrering af barnets synspunkter før afgørelsen.",
    .en = "There is no record of the child's views before the decision.",
};

constexpr Reason views_only_after{
    .key = "views_only_after",
    .da = "Barnets synspunkter blev først registreret efter afgørelsen.",
    .en = "The child's views were only recorded after the decision.",
};

// before 2024: not on SEL § 48's closed list
constexpr Reason decision_not_listed{
    .key = "decision_not_listed",
    .da = "Før 2024 krævede serviceloven § 48 kun børnesamtale før de opregnede afgørelser; denne var ikke opregnet.",
    .en = "Before 2024, Serviceloven § 48 required a conversation only before the decisions it listed; this kind was not listed.",
};

// before 2024: kind 'other', cannot tell if listed
constexpr Reason decision_kind_unknown{
    .key = "decision_kind_unknown",
    .da = "Før 2024 krævede kun de opregnede afgørelser børnesamtale; afgørelsestypen 'other' kan ikke placeres.",
    .en = "Before 2024 only listed decisions required a conversation; kind 'other' cannot be placed on or off the list.",
};

// unborn child, or not the municipality's decision
constexpr Reason decision_not_about_child{
    .key = "decision_not_about_child",
    .da = "Ikke kommunens afgørelse om barnets forhold (eller barnet er endnu ikke født).",
    .en = "Not the municipality's decision about the child's circumstances (or the child is not yet born).",
};

constexpr Reason exception_ok{
    .key = "exception_ok",
    .da = "Undtagelsen angiver sin begrundelse og, hvor det kræves, hvordan barnets synspunkter ellers blev indhentet.",
    .en = "The exception states its grounds and, where required, how the child's views were obtained instead.",
};

constexpr Reason exception_reason_missing{
    .key = "exception_reason_missing",
    .da = "Undtagelsen angiver ikke sin begrundelse (alder eller andre forhold).",
    .en = "The exception does not record its grounds (age or other circumstances).",
};

constexpr Reason exception_alternative_missing{
    .key = "exception_alternative_missing",
    .da = "Undtagelsen angiver ikke, hvordan barnets synspunkter ellers blev indhentet.",
    .en = "The exception does not record how the child's views were obtained instead.",
};

constexpr Reason exception_no_alternative{
    .key = "exception_no_alternative",
    .da = "Barnets synspunkter blev ikke indhentet på anden måde, som § 5, stk. 4 kræver.",
    .en = "The child's views were not obtained in any other way, as § 5 stk. 4 requires.",
};

constexpr Reason exception_not_needed{
    .key = "exception_not_needed",
    .da = "Før 2024 krævedes ingen børnesamtale før de afgørelser, undtagelsen angår.",
    .en = "Before 2024 no conversation was required before the decisions the exception concerns.",
};

}  // namespace reasons

using namespace rules_detail;

// Serviceloven § 48 stk. 1 (2013 wording) required a conversation only before decisions under
// §§ 51, 52, 52 a, 56, 57 a, 57 b, 58, 62, 63, 65 stk. 2-3, 68-71 and 75 (catalog, BL-BARN-VIEWS
// history). These are the decision kinds of the vocabulary that map onto that list.
bool on_sel_48_list(Value kind, std::optional<Value> body) {
    if (body == Value::chair) return true;  // § 75 provisional decisions
    switch (kind) {
        case Value::investigation_without_consent:  // § 51
        case Value::supportive_measure:             // § 52, § 52 a
        case Value::placement_with_consent:         // § 52 stk. 3 nr. 7
        case Value::youth_order:                    // § 57 a
        case Value::placement_without_consent:      // § 58
        case Value::placement_continued:            // § 62
        case Value::treatment:                      // § 63
        case Value::hjemgivelse:                    // § 68
        case Value::permanent_placement:            // § 68 a
        case Value::placement_change:               // § 69
        case Value::contact:                        // § 71
        case Value::contact_supported:
        case Value::contact_suspension:
        case Value::contact_restriction:
            return true;
        default: return false;
    }
}

// Decisions outside § 5 stk. 3: not about the child's circumstances under the act, not the
// municipality's own, or about a child not yet born.
bool outside_section_5(Value kind, std::optional<Value> body) {
    return kind == Value::aktindsigt || kind == Value::complaint_decision ||
           kind == Value::placement_unborn_with_consent || kind == Value::placement_unborn_without_consent ||
           body == Value::appeals_board || body == Value::court;
}

constexpr RuleVersion views_versions[] = {
    {Law::serviceloven, "§ 48 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old,
     "børnesamtale before the decisions on a closed list (§§ 51, 52, 52 a, 56, 57 a, 57 b, 58, 62, 63, 65 stk. 2-3, "
     "68-71, 75); a child declining counted as compliance (Ankestyrelsen)"},
    {Law::barnets_lov, "§ 5 stk. 3", barnets_lov_start, far_future, Confidence::confirmed,
     "before every afgørelse or beslutning about the child's circumstances"},
};

constexpr StatuteRecord views_statute{
    .rule = "BL-BARN-VIEWS",
    .read = "§ 5 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/5",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The child's attitude and views are obtained and included løbende, through conversations and other "
                "direct contact, before any beslutning or afgørelse about the child's circumstances: no closed list, "
                "no age limit, and possibly without the custody holder's consent or presence. A child who declines is "
                "not addressed (stays UNCONFIRMED).",
};

constexpr const Reason* views_reasons[] = {
    &reasons::views_obtained, &reasons::views_declined, &reasons::views_exception, &reasons::views_missing,
    &reasons::views_only_after, &reasons::decision_not_listed, &reasons::decision_kind_unknown,
    &reasons::decision_not_about_child, &reasons::exception_alternative_missing, &reasons::exception_no_alternative,
    &reasons::record_too_old, &reasons::record_serves_earlier, &reasons::record_order_unknown,
};

constexpr Evidence views_evidence[] = {{.type = EventType::boernesamtale}, {.type = EventType::boernesamtale_undtagelse}};
constexpr RuleMeta views_meta{
    .id = "BL-BARN-VIEWS", .chapter = "involvement", .title_da = "Barnets synspunkter inddraget før afgørelsen",
    .title_en = "Child's views obtained before the decision", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "Ordering, not a deadline: a record of the child's views (conversation or other direct contact) dated "
    "before the decision. With times on both, the conversation must come first; on the same date without a "
    "time the order cannot be known and the finding says so (basis same_day).",
    .reading = "A views record linked to the decision (ref) is preferred; otherwise the latest record before it counts, "
    "and the finding names it and its date. A child who declined the conversation counts as heard (old "
    "practice; UNCONFIRMED under barnets lov). A recorded § 5 stk. 4 exception counts, basis "
    "views_exception (judged by BL-BARN-VIEWS-EXC). Before 2024, a decision of kind 'other' is "
    "indeterminate because it cannot be placed on or off Serviceloven § 48's list.",
    .predecessor = "Serviceloven § 48 stk. 1", .versions = views_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<boernesamtale id="bs1" at="2024-05-27T14:00" ref="d1" method="conversation" outcome="views-recorded"/>
<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure" section="§ 32 stk. 1 nr. 3"/>)",
    .changed_from = "the latest conversation before the decision counted, however old and whatever decision it was for; a § 5 stk. 4 exception counted on its own",
    .reasons = views_reasons,
    .statute = &views_statute,
    .phase = Phase::before,
    .evidence = views_evidence};

class ChildViews final : public RuleImpl {
public:
    ChildViews() : RuleImpl(any_decision) {}  // every finding is about a decision
    const RuleMeta& meta() const override { return views_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const ChildDecisions decisions(c, ctx);
        const auto any = [](const Event&) { return true; };
        const auto views = unlinked_records(c, ctx, EventType::boernesamtale, EventType::afgoerelse, any);
        const auto exceptions = unlinked_records(c, ctx, EventType::boernesamtale_undtagelse, EventType::afgoerelse, any);
        for_each_trigger(c, ctx, out, views_meta, EventType::afgoerelse, [&](const Event& d, Finding& f) {
            // Read once: both tests below ask a decision's kind and body.
            const Value kind = d.value(Attr::kind).value_or(Value::other);
            const auto body = d.value(Attr::body);
            if (outside_section_5(kind, body)) {
                f.status = Status::not_applicable;
                f.reason = &reasons::decision_not_about_child;
                return;
            }
            const bool barnets_lov = views_versions[f.version].law == Law::barnets_lov;
            if (!barnets_lov && !on_sel_48_list(kind, body)) {
                f.status = kind == Value::other ? Status::indeterminate : Status::not_applicable;
                f.reason = kind == Value::other ? &reasons::decision_kind_unknown : &reasons::decision_not_listed;
                return;
            }
            // serve_before() for the conversations and for the exceptions, with the decision's linked
            // records found in one walk of its referrers for both, not one each, and one window.
            LinkedRecords linked_views, linked_exceptions;
            for_each_linked(c, d, [&](const Event& e) {
                if (!ctx.known(e)) return;
                if (e.type() == EventType::boernesamtale) linked_views.consider(e, d.at());
                else if (e.type() == EventType::boernesamtale_undtagelse) linked_exceptions.consider(e, d.at());
            });
            const DecisionWindow window(ctx, decisions, d);
            const BeforeRecord v = serve_before_linked(c, window, {views.data(), views.size()}, linked_views);
            const BeforeRecord x = serve_before_linked(c, window, {exceptions.data(), exceptions.size()}, linked_exceptions);
            judge_views(v, x, barnets_lov, f);
        });
    }

private:
    // What is tied to this decision by `ref` speaks for it before what merely came earlier; a record
    // certainly before the decision before one of the same date.
    static void judge_views(const BeforeRecord& v, const BeforeRecord& x, bool barnets_lov, Finding& f) {
        const bool views_first = v.record && !v.same_day;
        const bool use_exception = x.record && (!views_first || (x.linked && !v.linked));
        f.status = Status::met;
        if (views_first && !use_exception) {
            views_obtained(*v.record, f, false);
        } else if (use_exception) {
            use(f, x.record, EventRole::exception);
            f.basis = Basis::views_exception;
            f.reason = &reasons::views_exception;
            // § 5 stk. 4 waives only the conversation: the views are still obtained another way.
            if (barnets_lov) {
                const auto alt = x.record->value(Attr::alternative);
                if (!alt) {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::exception_alternative_missing;
                } else if (*alt == Value::none_) {
                    f.status = Status::violated;
                    f.reason = &reasons::exception_no_alternative;
                }
            }
        } else if (v.record) {
            views_obtained(*v.record, f, true);
        } else if (const BeforeRecord& stale = v.stale ? v : x; stale.stale) {
            // A record exists, but not one that serves this decision: the file cannot show the
            // views were obtained for it, nor that they were not.
            use(f, stale.stale, EventRole::related);
            f.status = Status::indeterminate;
            f.reason = not_serving_reason(stale.why);
        } else {
            f.status = Status::violated;
            f.reason = v.after ? &reasons::views_only_after : &reasons::views_missing;
            use(f, v.after, EventRole::related);
        }
    }

    static void views_obtained(const Event& r, Finding& f, bool same_day) {
        f.done = r.at();
        use(f, &r, EventRole::fulfilment);
        const bool declined = r.value(Attr::outcome) == Value::declined;
        f.reason = declined ? &reasons::views_declined : &reasons::views_obtained;
        if (same_day) f.basis = Basis::same_day;
        else if (declined) f.basis = Basis::child_declined;
    }
};

constexpr RuleVersion exc_versions[] = {
    {Law::serviceloven, "§ 48", far_past, barnets_lov_start, Confidence::confirmed_old,
     "the conversation could be omitted where the child's maturity or the nature of the case decisively spoke "
     "against it; no duty to obtain the views another way"},
    {Law::barnets_lov, "§ 5 stk. 4", barnets_lov_start, far_future, Confidence::confirmed,
     "only in quite special cases, when age or other circumstances decisively speak against it; the views "
     "must then be obtained another way"},
};

constexpr StatuteRecord exc_statute{
    .rule = "BL-BARN-VIEWS-EXC",
    .read = "§ 5 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/5",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Only in 'helt særlige tilfælde', when age or other circumstances decisively speak against it, may the "
                "conversation or direct contact be waived, and the views are then obtained another way: the exception "
                "removes the form, not the duty.",
};

constexpr const Reason* exc_reasons[] = {
    &reasons::exception_ok, &reasons::exception_reason_missing, &reasons::exception_alternative_missing,
    &reasons::exception_no_alternative, &reasons::exception_not_needed,
};

// Judged from the exception's own grounds and, under barnets lov, the other way the views were obtained.
constexpr Evidence exc_evidence[] = {{.type = EventType::boernesamtale_undtagelse, .attr = Attr::reason}, {.type = EventType::boernesamtale_undtagelse, .attr = Attr::alternative}};
constexpr RuleMeta exc_meta{
    .id = "BL-BARN-VIEWS-EXC", .chapter = "involvement", .title_da = "Undtagelse fra samtale med barnet",
    .title_en = "Exception to the conversation with the child", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: each recorded exception must state its grounds (reason: age or circumstances) and, under "
    "barnets lov, how the child's views were obtained instead (alternative).",
    .reading = "An exception without recorded grounds, or (from 2024) without a recorded alternative, is "
    "indeterminate: the file does not show whether the requirement was met. alternative='none' is violated. "
    "Before 2024 an exception tied only to decisions off Serviceloven § 48's list is not_applicable.",
    .predecessor = "Serviceloven § 48", .versions = exc_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<boernesamtale-undtagelse id="ex1" at="2024-09-30" ref="d2" reason="circumstances" alternative="professionals"/>
<afgoerelse id="d2" at="2024-10-01" kind="contact" section="§ 104 stk. 1"/>)",
    .reasons = exc_reasons,
    .statute = &exc_statute,
    .phase = Phase::before,
    .evidence = exc_evidence};

class ChildViewsException final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return exc_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, exc_meta, EventType::boernesamtale_undtagelse, [&](const Event& x, Finding& f) {
            const bool barnets_lov = exc_versions[f.version].law == Law::barnets_lov;
            bool any_listed = false, any_decision = false;
            for (std::uint32_t r : x.refs()) {
                const Event& d = c.event(r);
                if (d.type() != EventType::afgoerelse) continue;
                any_decision = true;
                f.events.push_back({r, EventRole::related});
                any_listed = any_listed || on_sel_48_list(d.value(Attr::kind).value_or(Value::other), d.value(Attr::body)) ||
                             d.value(Attr::kind) == Value::other;
            }
            if (!barnets_lov && any_decision && !any_listed) {
                f.status = Status::not_applicable;
                f.reason = &reasons::exception_not_needed;
                return;
            }
            if (!x.has(Attr::reason)) {
                f.status = Status::indeterminate;
                f.reason = &reasons::exception_reason_missing;
                return;
            }
            if (barnets_lov) {
                const auto alt = x.value(Attr::alternative);
                if (!alt) {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::exception_alternative_missing;
                    return;
                }
                if (*alt == Value::none_) {
                    f.status = Status::violated;
                    f.reason = &reasons::exception_no_alternative;
                    return;
                }
            }
            f.status = Status::met;
            f.reason = &reasons::exception_ok;
        });
    }
};

}  // namespace

const Rule& child_views_before_decision() {
    static const ChildViews rule;
    return rule;
}

const Rule& child_views_exception() {
    static const ChildViewsException rule;
    return rule;
}

}  // namespace barnetslov::rules
