// The pre-check of a proposed event (precheck.hpp): the case is copied through the same CaseBuilder a
// file goes through, so the event's values pass the same checks and give the same messages.
#include "barnetslov/precheck.hpp"

#include <algorithm>

namespace barnetslov {
namespace {

bool concerns(const Finding& f, std::uint32_t event) {
    return f.subject == event || std::any_of(f.events.begin(), f.events.end(), [&](const EventUse& u) { return u.event == event; });
}

}  // namespace

std::string_view to_string(PrecheckList l) {
    switch (l) {
        case PrecheckList::blocking: return "blocking";
        case PrecheckList::to_include: return "to_include";
        case PrecheckList::deadlines: return "deadlines";
        case PrecheckList::other: return "other";
    }
    return "?";
}

PrecheckList precheck_list(const RuleMeta& meta, const Finding& f) {
    // Whatever the rule, a duty left running with a due date is one the event starts (BL-PLAN-32's plan
    // within 3 months of the decision that chose it).
    if (f.status == Status::pending && f.deadline) return PrecheckList::deadlines;
    switch (meta.phase) {
        case Phase::before: return is_problem(f.status) ? PrecheckList::blocking : PrecheckList::other;
        case Phase::with: return PrecheckList::to_include;
        case Phase::after: return PrecheckList::deadlines;
        case Phase::none: break;
    }
    return PrecheckList::other;
}

std::vector<const Finding*> PrecheckResult::in(PrecheckList l) const {
    std::vector<const Finding*> out;
    for (std::size_t i = 0; i < lists.size() && i < report.findings.size(); ++i)
        if (lists[i] == l) out.push_back(&report.findings[i]);
    return out;
}

PrecheckResult precheck(const Engine& engine, const Case& kase, const ProposedEvent& event, Instant as_of, std::string_view id) {
    PrecheckResult result;
    CaseBuilder b(kase, engine.calendar());
    b.begin_event(event.element);
    b.event_attribute("id", id);
    for (const auto& [name, value] : event.attributes) b.event_attribute(name, value);
    std::shared_ptr<const Case> proposed = b.finish();
    if (!proposed) {
        result.errors = b.errors();
        return result;
    }
    const Event* added = proposed->find_event(id);
    if (!added) {  // finish() accepted the case, so the event is there; kept as a check, not a crash
        result.errors.push_back({std::string(kase.source()), {}, "the proposed event was not added"});
        return result;
    }
    const std::uint32_t index = added->index();
    const Moment& at = added->at();
    const Instant from = at.has_time ? at.instant : engine.calendar().start_of_local_day(at.day);
    result.report = engine.evaluate(proposed, std::max(as_of, from));
    std::erase_if(result.report.findings, [&](const Finding& f) { return !concerns(f, index); });
    result.lists.reserve(result.report.findings.size());
    for (const Finding& f : result.report.findings) result.lists.push_back(precheck_list(engine.meta(f), f));
    return result;
}

}  // namespace barnetslov
