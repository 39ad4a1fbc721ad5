#include "rules/consents.hpp"

#include "rules/common.hpp"

namespace barnetslov::rules_detail {

void judge_consents(const Case& c, const Event& d, const EvalContext& ctx, const ConsentSpec& spec, const Answers& answers, Finding& f) {
    if (spec.committee_instead && by_committee(d)) {
        f.status = Status::met;
        f.reason = Reason::right_body;
        return;
    }
    if (spec.child_request_instead && d.at().day >= l87_assumed)
        if (const Event* request = latest_child_request(c, d, Value::supported_contact, ctx)) {
            use(f, request, EventRole::fulfilment);
            f.status = Status::met;
            f.reason = Reason::child_request_found;
            return;
        }
    auto who = parties_with_role(c, Value::custody_holder);
    if (spec.expectant_parents)
        for (std::uint32_t p : parties_with_role(c, Value::parent)) who.push_back(p);
    if (who.empty()) {
        f.status = Status::indeterminate;
        f.reason = Reason::custody_holder_unknown;
        return;
    }
    bool child_age_unknown = false;
    if (spec.child_from_age > 0) {
        const auto age = child_age(c, d.at().day);
        if (!age) child_age_unknown = true;
        else if (*age >= spec.child_from_age) who.push_back(0);
    }
    bool missing = false, purpose = true;
    for (std::uint32_t p : who) {
        const Event* answer = answers.latest(d, p);
        const bool given = consent_given(answer);
        use(f, answer, given ? EventRole::fulfilment : EventRole::related);
        missing = missing || !given;
        if (given && spec.kind == Value::placement_with_consent && answer->flag(Attr::covers_purpose) == false) purpose = false;
    }
    if (missing) {
        f.status = Status::violated;
        f.reason = Reason::consents_missing;
    } else if (!purpose) {
        f.status = Status::violated;
        f.reason = Reason::consent_not_covering_purpose;
        f.attribute = Attr::covers_purpose;
    } else if (child_age_unknown) {
        f.status = Status::indeterminate;
        f.reason = Reason::age_unknown;
    } else {
        f.status = Status::met;
        f.reason = Reason::consents_given;
    }
}

void ConsentRule::evaluate(const Case& c, const EvalContext& ctx, Findings& out) const {
    std::optional<Answers> answers;  // indexed on first need
    for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(i);
        if (!ctx.known(d) || decision_kind(d) != spec_.kind || d.value(Attr::outcome) == Value::refused) continue;
        Finding& f = out.add();
        if (!open_finding(f, meta_, d, d.at().day)) continue;
        const auto birth = c.child().birth_date;
        if (spec_.expectant_parents && birth && d.at().day >= *birth) {
            f.status = Status::violated;
            f.reason = Reason::child_already_born;
        } else {
            if (!answers) answers.emplace(c, ctx);
            judge_consents(c, d, ctx, spec_, *answers, f);
        }
        if (spec_.kind == Value::placement_change) judge_site_statement(c, d, ctx, out.add(), meta_);
    }
}

void judge_site_statement(const Case& c, const Event& d, const EvalContext& ctx, Finding& f, const RuleMeta& meta) {
    if (!open_finding(f, meta, d, d.at().day)) return;
    // The current placement began with the latest placement decision before `d`; a statement from an
    // earlier placement is not its statement.
    LocalDay since = far_past;
    for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
        const Event& p = c.event(k);
        const Value kind = decision_kind(p);
        if (ctx.known(p) && p.at().day < d.at().day && p.value(Attr::outcome) != Value::refused &&
            (is_placement(kind) || kind == Value::placement_change))
            since = p.at().day;
    }
    const Event* statement = nullptr;
    for (std::uint32_t k : c.events_of(EventType::udtalelse)) {
        const Event& e = c.event(k);
        // A foster family is the placement when the child lives with one.
        const auto from = e.value(Attr::from);
        if (!ctx.known(e) || (from != Value::placement_site_staff && from != Value::foster_parent) ||
            detail::order(e.at(), d.at()) == detail::Order::after || e.at().day < since)
            continue;
        if (c.refers_to(e, d.index())) {
            statement = &e;
            break;
        }
        statement = &e;  // else the latest before the decision
    }
    use(f, statement, EventRole::fulfilment);
    f.status = statement ? Status::met : Status::violated;
    f.reason = statement ? Reason::site_statement_found : Reason::site_statement_missing;
}

}  // namespace barnetslov::rules_detail
