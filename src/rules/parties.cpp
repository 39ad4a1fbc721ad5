#include "rules/parties.hpp"

#include <boost/container/small_vector.hpp>

#include "rules/common.hpp"

namespace barnetslov::rules_detail {

void TellParties::evaluate(const Case& c, const EvalContext& ctx, Findings& out) const {
    auto fits = [&](const Event& e, std::uint32_t person) {
        return ctx.known(e) && e.person(Attr::party) == person && (!spec_.topic || e.value(Attr::topic) == spec_.topic);
    };
    // The letters naming no decision, by person: built once, they serve every decision.
    std::optional<ByParty> unlinked;
    if (!spec_.must_name_decision)
        unlinked.emplace(c, spec_.type, [&](const Event& e) {
            return ctx.known(e) && (!spec_.topic || e.value(Attr::topic) == spec_.topic) && !first_ref(c, e, EventType::afgoerelse);
        });
    for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(i);
        if (!ctx.known(d)) continue;
        const auto version = version_for(meta_, d.at().day);
        if (version && !spec_.in_scope(c, d, *version)) continue;
        if (!version && !spec_.in_scope(c, d, 0)) continue;
        Finding& f = out.add();
        if (!open_finding(f, meta_, d, d.at().day)) continue;
        const bool concerned = !spec_.child_concerned || spec_.child_concerned(d, f.version);
        const int threshold = concerned ? spec_.child_age[f.version] : 0;

        // The first letter (of the type and topic) to `person` that counts for this decision: one
        // naming it, or (unless the rule requires that) one naming no decision, dated no later than
        // it. A letter naming another decision is about that one, not this. Candidates of the first
        // kind are among the decision's referrers; of the second, the first of the person's letters
        // naming no decision is the only one that can be first, as "no later than" holds for a prefix.
        auto told = [&](std::uint32_t person) -> const Event* {
            const Event* linked = nullptr;
            for (std::uint32_t k : c.referrers(i)) {
                const Event& e = c.event(k);
                if (e.type() == spec_.type && fits(e, person)) {
                    linked = &e;
                    break;
                }
            }
            if (spec_.must_name_decision) return linked;
            auto in_time = [&](const Event* e) { return e && detail::order(e->at(), d.at()) != detail::Order::after; };
            if (!in_time(linked)) linked = nullptr;
            const auto plain = unlinked->of(person);
            const Event* first_plain = plain.empty() ? nullptr : &c.event(plain.front());
            if (!in_time(first_plain)) first_plain = nullptr;
            if (!linked) return first_plain;
            if (!first_plain) return linked;
            return linked->index() < first_plain->index() ? linked : first_plain;
        };

        boost::container::small_vector<std::uint32_t, 8> who;  // the people to tell
        if (spec_.custody_holders) {
            for (std::uint32_t p = 1; p < c.persons().size(); ++p)
                if (c.persons()[p].role == Value::custody_holder) who.push_back(p);
            if (who.empty()) {
                f.status = Status::indeterminate;
                f.reason = Reason::custody_holder_unknown;
                continue;
            }
        }
        const Event* child_told = told(0);
        const auto age = child_age(c, d.at().day);
        const bool child_required = threshold > 0 && age && *age >= threshold;
        if (!spec_.custody_holders) {  // a rule about the child alone
            if (!child_told && !age) {
                f.status = Status::indeterminate;
                f.reason = Reason::age_unknown;
                continue;
            }
            if (!child_told && !child_required) {
                f.status = Status::not_applicable;
                f.reason = Reason::under_age;
                continue;
            }
        }
        if (child_told || child_required) who.push_back(0);
        std::uint16_t n = 0;
        for (std::uint32_t p : who)
            if (const Event* e = told(p)) {
                ++n;
                use(f, e, EventRole::fulfilment);
            }
        f.count = n;
        f.required = static_cast<std::uint16_t>(who.size());
        if (n < who.size()) {
            f.status = Status::violated;
            f.reason = Reason::not_all_informed;
        } else if (threshold > 0 && !age && !child_told) {
            f.status = Status::indeterminate;
            f.reason = Reason::age_unknown;
        } else {
            f.status = Status::met;
            f.reason = Reason::all_informed;
        }
    }
}

}  // namespace barnetslov::rules_detail
