#include "rules/parties.hpp"

#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules_detail {

void TellParties::evaluate(const Case& c, const EvalContext& ctx, Findings& out) const {
    // The letters naming no decision, by person: built once, each serves the decision the serving
    // rule gives it (law README), unless the rule needs a letter naming the decision. Built at the
    // first decision that asks (told() below): on most cases a rule of the four has no decision in
    // its scope, and the build was ~550 instructions a rule for nothing.
    Deferred<ByParty> unlinked;
    Deferred<ChildDecisions> decisions;
    const auto build_unlinked = [&] {
        unlinked.emplace(c, spec_.type, [&](const Event& e) {
            return ctx.known(e) && (!spec_.topic || e.value(Attr::topic) == spec_.topic) && !linked_to(c, e, EventType::afgoerelse);
        });
        decisions.emplace(c, ctx);
    };
    // Per person, the letters naming the decision: found once per decision in one pass over its
    // referrers, where a scan of them per person grew with people x letters. The evaluation's shared
    // lists when there is a memo, made at the first decision in scope (PersonLetters).
    Deferred<PersonLetters> own_letters;
    PersonLetters* letters = nullptr;
    std::uint32_t people = 0;  // once: persons().size() divides by sizeof(Person), and letter_of asks per letter
    auto letter_of = [&](const Event& e) -> std::optional<std::uint32_t> {
        // The type first: most of a decision's referrers are of other types, and need no look-up.
        if (e.type() != spec_.type) return std::nullopt;
        const auto p = e.person(Attr::party);
        if (!p || *p >= people || !ctx.known(e) || (spec_.topic && e.value(Attr::topic) != spec_.topic)) return std::nullopt;
        return p;
    };
    for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(i);
        if (!ctx.known(d)) continue;
        const auto version = version_in_force(meta_, d.at().day);
        if (version && !spec_.in_scope(c, d, *version)) continue;
        if (!version && !spec_.in_scope(c, d, 0)) continue;
        auto f_slot = out.add();
        Finding& f = *f_slot;
        if (!open_finding(f, d, version)) continue;  // the version found above, on the same day
        if (spec_.nothing_owed && spec_.nothing_owed(c, d)) {
            use(f, first_ref(c, d, EventType::anmodning), EventRole::related);
            f.status = Status::not_applicable;
            f.reason = &reasons::request_granted;
            continue;
        }
        const bool concerned = !spec_.child_concerned || spec_.child_concerned(d, f.version);
        const int threshold = concerned ? spec_.child_age[f.version] : 0;
        if (!letters) {
            letters = &shared_or_own(ctx, &EvalMemo::person_letters, own_letters, c);
            people = letters->people();
        }
        letters->clear();
        if (spec_.must_name_decision) {
            for (std::uint32_t k : c.referrers(i))
                if (const auto p = letter_of(c.event(k)); p && !letters->naming(*p)) letters->naming(*p) = &c.event(k), letters->touch(*p);
        } else {
            for_each_linked(c, d, [&](const Event& e) {
                if (const auto p = letter_of(e)) letters->linked(*p).consider(e, d.at()), letters->touch(*p);
            });
        }
        // The letter to `person` that serves this decision: one naming it (any date, where the rule
        // requires that), else the serving rule's record before it; `stale` names a letter that
        // exists but serves another decision or is too old.
        const Event* stale = nullptr;
        NotServing why = NotServing::none;
        Deferred<DecisionWindow> window;  // made at the first letter: most decisions' told() return before it
        auto told = [&](std::uint32_t person, bool* has_stale) -> const Event* {
            if (spec_.must_name_decision) return letters->naming(person);
            if (!unlinked) build_unlinked();
            const LinkedRecords& linked = letters->linked(person);
            // No letter to this person at all: nothing serves, nothing is stale (serve_before_linked's answer).
            if (unlinked->of(person).empty() && !linked.before && !linked.same && !linked.after) return nullptr;
            if (!window) window.emplace(ctx, *decisions, d);
            const BeforeRecord r = serve_before_linked(c, *window, unlinked->of(person), linked);
            if (!r.record && r.stale && has_stale) {
                *has_stale = true;
                if (!stale) stale = r.stale, why = r.why;
            }
            return r.record;
        };
        // The people to tell: the custody holders (where the rule names them), then the child.
        std::span<const std::uint32_t> holders;
        if (spec_.custody_holders) {
            holders = letters->custody_holders();
            if (holders.empty()) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_holder_unknown;
                continue;
            }
        }
        const Event* child_told = told(0, nullptr);
        const auto age = child_age(c, ctx, d.at().day);
        const bool child_required = threshold > 0 && age && *age >= threshold;
        if (!spec_.custody_holders) {  // a rule about the child alone
            if (!child_told && !age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            if (!child_told && !child_required) {
                f.status = Status::not_applicable;
                f.reason = &reasons::under_age;
                continue;
            }
        }
        const bool tell_child = child_told || child_required;
        std::uint16_t n = 0;
        bool someone_without_record = false;  // untold, with no letter at all before the decision
        const auto tell = [&](std::uint32_t p) {
            bool has_stale = false;
            if (const Event* e = told(p, &has_stale)) {
                ++n;
                use(f, e, EventRole::fulfilment);
            } else if (!has_stale) {
                someone_without_record = true;
            }
        };
        for (std::uint32_t p : holders) tell(p);
        if (tell_child) tell(0);
        const std::size_t required = holders.size() + (tell_child ? 1 : 0);
        f.count = n;
        f.required = static_cast<std::uint16_t>(required);
        if (n < required) {
            use(f, stale, EventRole::related);
            if (!someone_without_record) {
                // Every missing letter exists, but not one that serves this decision.
                f.status = Status::indeterminate;
                f.reason = not_serving_reason(why);
            } else if (spec_.breach_shown && !spec_.breach_shown(d)) {
                f.status = Status::indeterminate;
                f.reason = &reasons::hearing_not_recorded;
            } else {
                f.status = Status::violated;
                f.reason = &reasons::not_all_informed;
            }
        } else if (threshold > 0 && !age && !child_told) {
            f.status = Status::indeterminate;
            f.reason = &reasons::age_unknown;
        } else {
            f.status = Status::met;
            f.reason = &reasons::all_informed;
        }
    }
}

}  // namespace barnetslov::rules_detail
