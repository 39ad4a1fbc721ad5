#include "barnetslov/engine.hpp"

#include <algorithm>

#include "barnetslov/case.hpp"

namespace barnetslov {

bool Report::has_problems() const {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
        return f.status == Status::late || f.status == Status::missed || f.status == Status::violated ||
               f.status == Status::indeterminate;
    });
}

Engine::Engine(EngineOptions options) : calendar_(options.holidays), rulebook_(Rulebook::standard()) {}

Report Engine::evaluate(std::shared_ptr<const Case> kase, Instant as_of) const {
    Report report;
    report.as_of = as_of;
    report.kase = std::move(kase);
    if (!report.kase) return report;
    const EvalContext ctx{calendar_, as_of, calendar_.local_day(as_of)};
    Findings sink(report.findings);
    const auto rules = rulebook_.rules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        sink.set_rule(static_cast<std::uint16_t>(i));
        rules[i]->evaluate(*report.kase, ctx, sink);
    }
    // Rules append per rule in event order already; the stable sort makes that a guarantee.
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        return a.rule != b.rule ? a.rule < b.rule : a.subject < b.subject;
    });
    return report;
}

}  // namespace barnetslov
