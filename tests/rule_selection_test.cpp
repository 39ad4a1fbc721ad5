// EvaluateOptions::rules (`check --rules`): a rule left out is not evaluated, and the findings of
// the rules that run are exactly a full run's. For every example and every single rule, the
// selected run's report (as JSON, every field of every finding) equals the full run's report with
// only that rule's findings kept; likewise with planned_as_proposed, for evaluate_each_rule, and
// for a pair of rules. An empty selection runs every rule; a selection of none runs none.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = BARNETSLOV_SOURCE_DIR;

std::vector<std::shared_ptr<const Case>> examples(const Calendar& cal) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(source_dir / "examples"))
        if (e.path().extension() == ".xml") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::shared_ptr<const Case>> out;
    for (const fs::path& p : paths) {
        LoadResult r = load_case_file(p, cal);
        EXPECT_TRUE(r.ok()) << p;
        if (r.ok()) out.push_back(r.kase);
    }
    return out;
}

Instant as_of(const Calendar& cal) { return parse_moment("2025-01-15T12:00", cal).moment.instant; }

// `full` with only the findings of the rules `chosen` selects.
Report only(const Report& full, const RuleSelection& chosen) {
    Report r = full;
    r.findings.clear();
    for (const Finding& f : full.findings)
        if (selects(chosen, f.rule)) r.findings.push_back(f);
    return r;
}

RuleSelection just(std::size_t rules, std::initializer_list<std::size_t> chosen) {
    RuleSelection s(rules, false);
    for (const std::size_t i : chosen) s[i] = true;
    return s;
}

TEST(RuleSelection, EverySingleRuleGivesTheFullRunsFindingsOfThatRule) {
    const Engine engine;
    const std::size_t n = engine.rulebook().rules().size();
    const auto cases = examples(engine.calendar());
    ASSERT_GT(cases.size(), 20u);
    std::size_t compared = 0;
    for (const bool planned : {false, true}) {
        for (const auto& kase : cases) {
            const Report full = engine.evaluate(kase, as_of(engine.calendar()), EvaluateOptions{planned, {}});
            for (std::size_t i = 0; i < n; ++i) {
                const RuleSelection chosen = just(n, {i});
                const Report selected = engine.evaluate(kase, as_of(engine.calendar()), EvaluateOptions{planned, chosen});
                ASSERT_EQ(case_to_json(engine, selected), case_to_json(engine, only(full, chosen)))
                    << kase->source() << " rule " << engine.rulebook().rules()[i]->meta().id << (planned ? " planned" : "");
                for (const Finding& f : selected.findings) ASSERT_EQ(f.rule, i);
                compared += selected.findings.size();
            }
        }
    }
    EXPECT_GT(compared, 100u);  // the comparison saw findings, not only empty reports
}

TEST(RuleSelection, PairsEmptyAndNone) {
    const Engine engine;
    const std::size_t n = engine.rulebook().rules().size();
    const RuleSelection pair = just(n, {0, n - 1}), none(n, false);
    for (const auto& kase : examples(engine.calendar())) {
        const Report full = engine.evaluate(kase, as_of(engine.calendar()));
        EXPECT_EQ(case_to_json(engine, engine.evaluate(kase, as_of(engine.calendar()), EvaluateOptions{false, {}})), case_to_json(engine, full));
        EXPECT_EQ(case_to_json(engine, engine.evaluate(kase, as_of(engine.calendar()), EvaluateOptions{false, pair})),
                  case_to_json(engine, only(full, pair)));
        const Report nothing = engine.evaluate(kase, as_of(engine.calendar()), EvaluateOptions{false, none});
        EXPECT_TRUE(nothing.findings.empty());
        EXPECT_EQ(nothing.events_after_as_of, full.events_after_as_of);  // still said, whatever the rules
    }
}

TEST(RuleSelection, EvaluateEachRuleRunsOnlyTheChosen) {
    const Engine engine;
    const std::size_t n = engine.rulebook().rules().size();
    for (const auto& kase : examples(engine.calendar())) {
        const Report full = engine.evaluate(kase, as_of(engine.calendar()));
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t seen = 0;
            engine.evaluate_each_rule(*kase, as_of(engine.calendar()), [&](std::span<const Finding> fs) {
                for (const Finding& f : fs) ASSERT_EQ(f.rule, i);
                seen += fs.size();
            }, just(n, {i}));
            EXPECT_EQ(seen, static_cast<std::size_t>(std::count_if(full.findings.begin(), full.findings.end(), [i](const Finding& f) { return f.rule == i; })));
        }
    }
}

}  // namespace
