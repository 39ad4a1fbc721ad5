#include "barnetslov/engine.hpp"

#include <algorithm>
#include <utility>

#include "barnetslov/case.hpp"
#include "engine/rule_interface.hpp"
#include "rules/serving.hpp"

namespace barnetslov {

bool Report::has_problems() const {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return is_problem(f.status); });
}

namespace {
// Which rules an evaluation calls. One table for every engine: an engine's rulebook is always
// Rulebook::standard() (its constructor's; a Rulebook has no other maker), the same rules in the same order.
const rules_detail::RuleCalls& rule_calls() {
    static const rules_detail::RuleCalls calls(Rulebook::standard().rules());
    return calls;
}
}  // namespace

// The table of rule calls is built here, once a process, so that no evaluation pays for it.
Engine::Engine(EngineOptions options)
    : calendar_(options.holidays), rulebook_(Rulebook::standard()), readings_(options.readings) {
    rule_calls();
}

namespace {

// Rule `i`'s findings on `kase`, appended to `out`. They come in rule order, and most rules append in
// event order already: a rule's findings are sorted by subject only when they are not, keeping equal
// subjects in the rule's order.
void evaluate_rule(const Rule& rule, std::size_t i, const Case& kase, const EvalContext& ctx, Findings& sink, std::vector<Finding>& out) {
    static constexpr auto by_subject = [](const Finding& a, const Finding& b) { return a.subject < b.subject; };
    const std::size_t from = out.size();
    sink.set_rule(static_cast<std::uint16_t>(i));
    impl(rule).evaluate(kase, ctx, sink);
    const auto first = out.begin() + static_cast<std::ptrdiff_t>(from);
    // Most rules give none or one finding on a case: nothing to order.
    if (first + 1 < out.end() && !std::is_sorted(first, out.end(), by_subject)) std::stable_sort(first, out.end(), by_subject);
}

// evaluate_each_rule's buffer of findings, kept emptied for the next evaluation on this thread: its
// allocation and free were ~470 instructions a file of `check --summary` (~12 KiB, past malloc's
// per-thread caches). Kept up to 64 KiB, the buffer of a case of ~170 events, and freed when the
// thread ends: a bound like those of the case's blocks (capi/barnetslov.h, THREADS; the C API does not
// call evaluate_each_rule).
thread_local std::vector<Finding> spare_findings;
constexpr std::size_t kept_findings = 64 * 1024 / sizeof(Finding);

// The local day of the as-of instant of this thread's last evaluate_each_rule: a run of `check` judges
// every file as of one instant, and Calendar::local_day was ~59 instructions a file. Keyed by the
// instant alone: every Calendar reads it in the one zone, Europe/Copenhagen (the holidays do not
// enter it).
struct AsOfDay {
    bool set = false;
    Instant as_of;
    LocalDay day;
};
thread_local AsOfDay last_as_of;

LocalDay as_of_day(const Calendar& calendar, Instant as_of) {
    if (!last_as_of.set || last_as_of.as_of != as_of) last_as_of = {true, as_of, calendar.local_day(as_of)};
    return last_as_of.day;
}

}  // namespace

Report Engine::evaluate(std::shared_ptr<const Case> kase, Instant as_of) const { return evaluate(std::move(kase), as_of, EvaluateOptions{}); }

Report Engine::evaluate(std::shared_ptr<const Case> kase, Instant as_of, EvaluateOptions options) const {
    Report report;
    report.as_of = as_of;
    report.kase = std::move(kase);
    if (!report.kase) return report;
    rules_detail::EvalMemo memo;  // shared by this evaluation's rules
    const EvalContext ctx = eval_context(calendar_, as_of, readings_, &memo, *report.kase);
    // About one finding per event; a quarter more, so that a case with a few more does not copy
    // them all once more at the end.
    const std::size_t events = report.kase->events().size();
    report.findings.reserve(events + events / 4 + 16);
    const auto rules = rulebook_.rules();
    Findings sink(report.findings);  // one for all rules: between rules no finding is open
    // selects() on the vector<bool> per rule was ~7 instructions a rule; every rule is the usual case.
    const bool every_rule = options.rules.empty();
    rule_calls().each(*report.kase, [&](std::size_t i) {
        if (every_rule || selects(options.rules, i)) evaluate_rule(*rules[i], i, *report.kase, ctx, sink, report.findings);
    });
    // The events not yet known: a suffix of the time order (known_events).
    const auto all = report.kase->events();
    for (std::size_t k = ctx.known_end; k < all.size(); ++k) report.events_after_as_of.push_back(all[k].index());
    if (!options.planned_as_proposed || report.events_after_as_of.empty()) return report;
    // The planned events are the last in time order: judging as of the last one's time knows them all.
    const Case& c = *report.kase;
    const Instant planned_until = c.event(report.events_after_as_of.back()).at().instant;
    Report as_planned = evaluate(report.kase, planned_until, EvaluateOptions{false, options.rules});
    std::vector<bool> is_planned(c.events().size(), false);
    for (const std::uint32_t i : report.events_after_as_of) is_planned[i] = true;
    const auto names_planned = [&](const Finding& f) {
        return std::any_of(f.events.begin(), f.events.end(), [&](const EventUse& u) { return is_planned[u.event]; });
    };
    // A duty (a rule and its subject) that a planned event touches is shown whole as planned:
    // all of that rule's findings about that subject come from the evaluation as of the plan
    // (a rule may judge one subject more than once, a visit a year), none from as_of.
    using Duty = std::pair<std::uint16_t, std::uint32_t>;
    std::vector<Duty> touched;
    for (const Finding& f : as_planned.findings)
        if (names_planned(f)) touched.emplace_back(f.rule, f.subject);
    std::sort(touched.begin(), touched.end());
    const auto is_touched = [&](const Finding& f) { return std::binary_search(touched.begin(), touched.end(), Duty{f.rule, f.subject}); };
    std::vector<Finding> kept;
    kept.reserve(report.findings.size() + as_planned.findings.size());
    for (Finding& f : report.findings)
        if (!is_touched(f)) kept.push_back(std::move(f));
    for (Finding& f : as_planned.findings)
        if (is_touched(f)) {
            f.planned = true;
            kept.push_back(std::move(f));
        }
    std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
        return a.rule != b.rule ? a.rule < b.rule : a.subject < b.subject;
    });
    report.findings = std::move(kept);
    return report;
}

void Engine::evaluate_each_rule(const Case& kase, Instant as_of, const std::function<void(std::span<const Finding>)>& take,
                                const RuleSelection& selection) const {
    rules_detail::EvalMemo memo;  // shared by this evaluation's rules
    const EvalContext ctx = eval_context(calendar_, as_of, as_of_day(calendar_, as_of), readings_, &memo, kase);
    // At most a batch at a time, in the buffer the last evaluation on this thread left (taken, so that a
    // `take` that evaluates again gets one of its own).
    std::vector<Finding> findings = std::exchange(spare_findings, {});
    // Handed on a batch at a time, rules after rules (engine.hpp), not a call per rule: the call and the
    // clearing were ~25 instructions for each of the ~20 rules with findings in a file (session 32).
    // Room for two findings an event, up to a batch: with evaluate()'s one and a quarter, one file in eight
    // outgrew it, and moving the findings was ~570 instructions a file. Plus the room the sink keeps for
    // handles still open when a batch fills (Findings::max_open), so that it never grows the vector just
    // before flushing it.
    constexpr std::size_t batch_size = 4096;
    const std::size_t events = kase.events().size();
    findings.reserve(std::min<std::size_t>(2 * events + 16, batch_size) + Findings::max_open);
    struct To {
        const std::function<void(std::span<const Finding>)>& take;
    } to{take};
    const auto flush = [](void* context, std::vector<Finding>& batch) { static_cast<To*>(context)->take(batch); };
    Findings sink(findings, batch_size, flush, &to);
    const auto rules = rulebook_.rules();
    const bool every_rule = selection.empty();  // as in evaluate(): not a vector<bool> test per rule
    rule_calls().each(kase, [&](std::size_t i) {
        if (!every_rule && !selects(selection, i)) return;
        sink.set_rule(static_cast<std::uint16_t>(i));
        impl(*rules[i]).evaluate(kase, ctx, sink);
    });
    if (!findings.empty()) take(findings);
    findings.clear();
    if (findings.capacity() <= kept_findings) spare_findings = std::move(findings);
}

}  // namespace barnetslov
