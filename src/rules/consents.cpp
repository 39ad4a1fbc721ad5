#include "rules/consents.hpp"

#include "rules/common.hpp"

namespace barnetslov::rules_detail {

void judge_consents(const Case& c, const Event& d, const EvalContext& ctx, const ConsentSpec& spec, const Answers& answers,
                    Deferred<ChildRequests>& requests, Finding& f) {
    if (spec.committee_instead && by_committee(d)) {
        f.status = Status::met;
        f.reason = &reasons::right_body;
        return;
    }
    if (spec.child_request_instead && d.at().day >= l87_assumed) {
        if (!requests) requests.emplace(c, Value::supported_contact, ctx);
        if (const Event* request = requests->latest(d)) {
            use(f, request, EventRole::fulfilment);
            f.status = Status::met;
            f.reason = &reasons::child_request_found;
            return;
        }
    }
    auto who = parties_with_role(c, Value::custody_holder);
    if (spec.expectant_parents)
        for (std::uint32_t p : parties_with_role(c, Value::parent)) who.emplace_back(p);
    if (who.empty()) {
        f.status = Status::indeterminate;
        f.reason = &reasons::custody_holder_unknown;
        return;
    }
    bool child_age_unknown = false;
    if (spec.child_from_age > 0) {
        const auto age = child_age(c, ctx, d.at().day);
        if (!age) child_age_unknown = true;
        else if (*age >= spec.child_from_age) who.emplace_back(0);
    }
    bool missing = false, purpose = true;
    const Event* stale = nullptr;  // an answer on file that serves another decision, or is too old
    NotServing why = NotServing::none;
    bool none_on_file = false;     // someone's consent is missing with no answer on file at all
    for (std::uint32_t p : who) {
        const UnlinkedServing found = answers.find(d, p);
        const Event* answer = found.record;
        const bool given = consent_given(answer);
        use(f, answer ? answer : found.stale, given ? EventRole::fulfilment : EventRole::related);
        missing = missing || !given;
        if (!answer && found.stale && !stale) stale = found.stale, why = found.why;
        none_on_file = none_on_file || (!given && !(!answer && found.stale));
        if (given && spec.kind == Value::placement_with_consent && answer->flag(Attr::covers_purpose) == false) purpose = false;
    }
    // What the file shows was breached comes first: a consent missing outright, or one not covering the
    // purpose; a consent that exists but serves another decision only leaves the finding open.
    if (missing && none_on_file) {
        f.status = Status::violated;
        f.reason = &reasons::consents_missing;
    } else if (!purpose) {
        f.status = Status::violated;
        f.reason = &reasons::consent_not_covering_purpose;
        f.attribute = Attr::covers_purpose;
    } else if (missing) {
        f.status = Status::indeterminate;
        f.reason = not_serving_reason(why);
    } else if (child_age_unknown) {
        f.status = Status::indeterminate;
        f.reason = &reasons::age_unknown;
    } else {
        f.status = Status::met;
        f.reason = &reasons::consents_given;
    }
}

void ConsentRule::evaluate(const Case& c, const EvalContext& ctx, Findings& out) const {
    Deferred<Answers> answers;               // indexed on first need
    Deferred<SiteStatements> statements;
    Deferred<ChildRequests> requests;
    for_each_trigger(c, ctx, out, meta_, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == spec_.kind && d.value(Attr::outcome) != Value::refused; },
                     [&](const Event& d, Finding& f) {
        const auto birth = c.child().birth_date;
        if (spec_.expectant_parents && birth && d.at().day >= *birth) {
            f.status = Status::violated;
            f.reason = &reasons::child_already_born;
        } else {
            if (!answers) answers.emplace(c, ctx);
            judge_consents(c, d, ctx, spec_, *answers, requests, f);
        }
        if (spec_.kind == Value::placement_change) {
            if (!statements) statements.emplace(c, ctx);
            auto statement_slot = out.add();
            Finding& statement = *statement_slot;
            statements->judge(d, statement, meta_);
        }
    });
}

namespace {

bool site_statement(const Event& e) {
    // A foster family is the placement when the child lives with one.
    const auto from = e.value(Attr::from);
    return e.type() == EventType::udtalelse && (from == Value::placement_site_staff || from == Value::foster_parent);
}
}  // namespace

SiteStatements::SiteStatements(const Case& c, const EvalContext& ctx)
    : c_(c), ctx_(ctx), decisions_(c, ctx), unlinked_(unlinked_records(c, ctx, EventType::udtalelse, EventType::afgoerelse, site_statement)) {}

void SiteStatements::judge(const Event& d, Finding& f, const RuleMeta& meta) const {
    if (!open_finding(f, meta, d, d.at().day)) return;
    const BeforeRecord r = serve_before(c_, ctx_, decisions_, d, {unlinked_.data(), unlinked_.size()}, site_statement);
    judge_served(r, f, &reasons::site_statement_found, &reasons::site_statement_missing);
}

}  // namespace barnetslov::rules_detail
