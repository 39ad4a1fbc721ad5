#include "barnetslov/engine.hpp"

#include <algorithm>

#include "barnetslov/case.hpp"

namespace barnetslov {

bool Report::has_problems() const {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return is_problem(f.status); });
}

Engine::Engine(EngineOptions options)
    : calendar_(options.holidays), rulebook_(Rulebook::standard()), readings_(options.readings) {}

Report Engine::evaluate(std::shared_ptr<const Case> kase, Instant as_of) const {
    Report report;
    report.as_of = as_of;
    report.kase = std::move(kase);
    if (!report.kase) return report;
    const EvalContext ctx{calendar_, as_of, calendar_.local_day(as_of), readings_};
    // About one finding per event; a quarter more, so that a case with a few more does not copy
    // them all once more at the end.
    const std::size_t events = report.kase->events().size();
    report.findings.reserve(events + events / 4 + 16);
    Findings sink(report.findings);
    const auto rules = rulebook_.rules();
    const auto by_subject = [](const Finding& a, const Finding& b) { return a.subject < b.subject; };
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::size_t from = report.findings.size();
        sink.set_rule(static_cast<std::uint16_t>(i));
        rules[i]->evaluate(*report.kase, ctx, sink);
        // Findings come in rule order, and most rules append in event order already: sort a rule's
        // findings by subject only when they are not, keeping equal subjects in the rule's order.
        const auto first = report.findings.begin() + static_cast<std::ptrdiff_t>(from);
        if (!std::is_sorted(first, report.findings.end(), by_subject)) std::stable_sort(first, report.findings.end(), by_subject);
    }
    return report;
}

}  // namespace barnetslov
