#include "rules/parties.hpp"

#include "rules/common.hpp"

namespace barnetslov::rules_detail {

void TellParties::evaluate(const Case& c, const EvalContext& ctx, Findings& out) const {
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

        auto told = [&](std::uint32_t person) -> const Event* {
            for (std::uint32_t k : c.events_of(spec_.type)) {
                const Event& e = c.event(k);
                if (!ctx.known(e) || e.person(Attr::party) != person) continue;
                if (spec_.topic && e.value(Attr::topic) != spec_.topic) continue;
                // A letter or hearing that names another decision is about that one, not this.
                if (!c.refers_to(e, i) && first_ref(c, e, EventType::afgoerelse)) continue;
                const bool in_time = spec_.must_name_decision ? c.refers_to(e, i)
                                                              : detail::order(e.at(), d.at()) != detail::Order::after;
                if (in_time) return &e;
            }
            return nullptr;
        };

        std::vector<std::uint32_t> who;
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
