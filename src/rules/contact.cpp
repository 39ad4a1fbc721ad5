// BL-SAMV-SUSPEND8W (part B § 2) and BL-BARN-SAMV-REQ (part A § 3): one duty each.
#include "barnetslov/rules/contact.hpp"

#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;


constexpr RuleVersion cap_versions[] = {
    {Law::barnets_lov, "§ 104 stk. 4", barnets_lov_start, l87_assumed, Confidence::confirmed,
     "before L 87; the end of this version on 1 Jan 2025 is the catalog's assumed date for L 87 (UNCONFIRMED)"},
    {Law::barnets_lov, "§ 104 stk. 5", l87_assumed, far_future, Confidence::confirmed, "after L 87 (date assumed, UNCONFIRMED)"},
};
constexpr RuleMeta cap_meta{
    "BL-SAMV-SUSPEND8W", "contact", "Suspension af samvær på barnets anmodning i højst 8 uger",
    "A suspension of contact at the child's request lasts at most 8 weeks", Severity::error, Confidence::confirmed,
    Convention::weeks_after, 8,
    "8 weeks = 56 days from the first day of the suspension: its last day (end) may be at most start + 56.",
    "The period is the decision's start and end (contact-suspension decisions). No start or end is indeterminate. "
    "New in barnets lov: not_applicable before 2024. Renewal or a new request straight after is UNCONFIRMED and not "
    "judged. The decision is judged by the section in force on its date (stk. 4, then stk. 5 from the assumed L 87 "
    "date).",
    "none (new in barnets lov)", cap_versions,
    status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    R"(<anmodning id="an1" at="2024-09-02" party="barn" topic="contact-suspension"/>
<afgoerelse id="d5" at="2024-09-05" kind="contact-suspension" ref="an1" start="2024-09-06" end="2024-10-31"/>)"};

class SuspensionCap final : public Rule {
public:
    const RuleMeta& meta() const override { return cap_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::contact_suspension) continue;
            Finding& f = out.add();
            if (!open_finding(f, cap_meta, d, d.at().day)) continue;
            const auto start = d.date(Attr::start), end = d.date(Attr::end);
            if (!start || !end) {
                f.status = Status::indeterminate;
                f.reason = Reason::period_unknown;
                f.attribute = start ? Attr::end : Attr::start;
                continue;
            }
            Deadline limit = detail::make_deadline(Convention::weeks_after, 8, Moment{{}, *start, false}, ctx.calendar);
            f.deadline = limit;
            f.done = Moment{ctx.calendar.start_of_local_day(*end), *end, false};
            f.margin = (limit.due_day - *end).count();
            f.margin_unit = MarginUnit::days;
            f.status = *end <= limit.due_day ? Status::met : Status::violated;
            f.reason = *end <= limit.due_day ? Reason::within_cap : Reason::over_cap;
        }
    }
};

constexpr RuleVersion request_versions[] = {
    {Law::barnets_lov, "§ 103 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, "new in barnets lov"},
};
constexpr RuleMeta request_meta{
    "BL-BARN-SAMV-REQ", "involvement", "Barnets anmodning om suspension af samvær",
    "The child's request to suspend contact", Severity::error, Confidence::confirmed, Convention::none, 0,
    "No deadline: a decision suspending contact under § 104 stk. 5 (stk. 4 before L 87) rests on a request from the "
    "child, made before the decision.",
    "The request is an anmodning topic=\"contact-suspension\" from the child (party = the child's id), dated no later "
    "than the decision. A request for a støtteperson's presence (§ 104 stk. 4 after L 87) is "
    "recorded as topic=\"supported-contact\" and judged with BL-SAMV-SUPPORTED. The 8-week cap is "
    "BL-SAMV-SUSPEND8W.",
    "none (new in barnets lov)", request_versions,
    status_bits({Status::met, Status::violated, Status::not_applicable}),
    R"(<anmodning id="an1" at="2024-09-02" party="barn" topic="contact-suspension"/>
<afgoerelse id="d5" at="2024-09-05" kind="contact-suspension" ref="an1" start="2024-09-06" end="2024-10-31"/>)"};

class SuspensionRequest final : public Rule {
public:
    const RuleMeta& meta() const override { return request_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::contact_suspension) continue;
            Finding& f = out.add();
            if (!open_finding(f, request_meta, d, d.at().day)) continue;
            const Event* request = nullptr;
            for (std::uint32_t k : c.events_of(EventType::anmodning)) {
                const Event& e = c.event(k);
                if (ctx.known(e) && from_child(e) && e.value(Attr::topic) == Value::contact_suspension &&
                    detail::order(e.at(), d.at()) != detail::Order::after)
                    request = &e;
            }
            use(f, request, EventRole::fulfilment);
            f.status = request ? Status::met : Status::violated;
            f.reason = request ? Reason::child_request_found : Reason::child_request_missing;
        }
    }
};

}  // namespace

const Rule& contact_suspension_cap() {
    static const SuspensionCap rule;
    return rule;
}
const Rule& contact_suspension_request() {
    static const SuspensionRequest rule;
    return rule;
}

}  // namespace barnetslov::rules
