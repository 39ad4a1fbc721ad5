// The evaluation's shortcuts change no finding (issue 20), on every example and rule fixture as of
// several dates, every field of every finding compared:
// - What the rules of one evaluation share (rules_detail::EvalMemo: the measures' ends, the decisions
//   about the child, the underretninger, TellParties' lists by person): each rule evaluated alone without
//   a memo (building all it needs itself, as tests/complexity_test.cpp runs them) gives exactly the
//   findings Engine::evaluate gives for that rule. The oracle for each piece added to the memo.
// - Engine::evaluate_each_rule hands on, in its batches of several rules, exactly Engine::evaluate's
//   findings in rule order (each rule's in the order it made them, which a Report sorts by subject),
//   also when called again from within its `take` (it keeps its buffer for the thread's next call).
// - The engine calls no rule made with its triggering decision kinds (RuleImpl::may_find) on a case
//   holding none of them: each rule run alone above walks the decisions as before, and
//   decision_kinds_and_bodies() meets a kind (a body) exactly when one of the case's decisions is of it
//   (by it).
// - RuleCalls, the engine's table of the rules to call, calls exactly the rules may_find admits.
// - detail::judge decides a date-only fulfilment of a duty due at the end of a day by the days alone:
//   as a fulfilment at that day's last second, or else at its first, would be judged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "engine/deadline.hpp"  // detail::judge
#include "engine/rule_interface.hpp"  // a private header: each rule run alone, without the memo
#include "rules/common.hpp"  // rules_detail::Ages
#include "case_files.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

// MeasureEndsState's two walks, each alone (private: the state answers by the direct walk within its
// budget, else by the listed one).
struct barnetslov::rules_detail::MeasureEndsWalks {
    static bool direct(const MeasureEndsState& s, const Event& d, std::optional<LocalDay>& end) { return s.direct(d, end); }
    static std::optional<LocalDay> listed(MeasureEndsState& s, const Event& d) { return s.listed(d); }
};

namespace {

bool same_deadline(const Deadline& a, const Deadline& b) {
    return a.convention == b.convention && a.amount == b.amount && a.start == b.start && a.due_day == b.due_day &&
           a.due_first == b.due_first && a.due_last == b.due_last && a.end_of_day == b.end_of_day && a.clamped == b.clamped &&
           a.moved_to_hverdag == b.moved_to_hverdag && a.due_by == b.due_by;
}

bool same(const Finding& a, const Finding& b) {
    if (a.events.size() != b.events.size()) return false;
    for (std::size_t i = 0; i < a.events.size(); ++i)
        if (a.events[i].event != b.events[i].event || a.events[i].role != b.events[i].role) return false;
    if (a.deadline.has_value() != b.deadline.has_value() || (a.deadline && !same_deadline(*a.deadline, *b.deadline))) return false;
    return a.rule == b.rule && a.version == b.version && a.has_version == b.has_version && a.status == b.status &&
           a.planned == b.planned && a.reason == b.reason && a.basis == b.basis && a.subject == b.subject && a.done == b.done &&
           a.margin == b.margin && a.margin_unit == b.margin_unit && a.attribute == b.attribute && a.count == b.count &&
           a.required == b.required;
}

// Three fixed dates and a few events' instants (some events known, the later ones not).
std::vector<Instant> dates_for(const Engine& engine, const Case& kase) {
    std::vector<Instant> dates = {parse_moment("2020-01-01", engine.calendar()).moment.instant,
                                  parse_moment("2026-07-01", engine.calendar()).moment.instant,
                                  parse_moment("2199-01-01", engine.calendar()).moment.instant};
    const auto events = kase.events();
    for (std::size_t k = 0; k < events.size(); k += std::max<std::size_t>(1, events.size() / 4)) dates.push_back(events[k].at().instant);
    return dates;
}

void by_subject(std::vector<Finding>::iterator from, std::vector<Finding>::iterator to) {
    std::stable_sort(from, to, [](const Finding& a, const Finding& b) { return a.subject < b.subject; });
}

// Each rule's run sorted by subject, as a Report has them.
void sort_each_rule(std::vector<Finding>& each) {
    for (auto from = each.begin(); from != each.end();) {
        const auto to = std::find_if(from, each.end(), [&](const Finding& f) { return f.rule != from->rule; });
        by_subject(from, to);
        from = to;
    }
}

// Engine::evaluate_each_rule's findings, every batch, each rule's sorted by subject.
std::vector<Finding> each_rule(const Engine& engine, const Case& kase, Instant as_of) {
    std::vector<Finding> each;
    engine.evaluate_each_rule(kase, as_of, [&](std::span<const Finding> fs) { each.insert(each.end(), fs.begin(), fs.end()); });
    sort_each_rule(each);
    return each;
}

TEST(DecisionKinds, MeetAKindOrBodyExactlyWhenOneOfTheCasesDecisionsIsOfOrByIt) {
    constexpr std::size_t values = static_cast<std::size_t>(Value::count_);
    for (std::size_t v = 0; v < values; ++v)
        EXPECT_EQ(rules_detail::placement_kinds.meets(KindSet{static_cast<Value>(v)}), rules_detail::is_placement(static_cast<Value>(v))) << v;
    const Engine engine;
    std::size_t met = 0;
    for (const fs::path& path : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) continue;
        const Case& kase = *loaded.kase;
        std::vector<bool> held(values, false);
        for (const std::uint32_t i : kase.events_of(EventType::afgoerelse)) {
            held[static_cast<std::size_t>(rules_detail::decision_kind(kase.event(i)))] = true;
            if (const auto body = kase.event(i).value(Attr::body)) held[static_cast<std::size_t>(*body)] = true;
        }
        const KindSet kinds = rules_detail::decision_kinds_and_bodies(kase);
        for (std::size_t v = 0; v < values; ++v) {
            EXPECT_EQ(kinds.meets(KindSet{static_cast<Value>(v)}), held[v]) << path << ", value " << v;
            met += held[v];
        }
        EXPECT_FALSE(kinds.meets(KindSet{}));
    }
    EXPECT_GT(met, 100u);
}

// The engine's table of the rules to call (RuleCalls) calls exactly the rules that may_find admits, in
// the rulebook's order.
TEST(RuleCalls, CallExactlyTheRulesMayFindAdmitsInOrder) {
    const Engine engine;
    const auto rules = engine.rulebook().rules();
    const rules_detail::RuleCalls calls(rules);
    std::size_t cases = 0, skipped = 0, triggered = 0;
    for (const fs::path& path : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) continue;
        const Case& kase = *loaded.kase;
        const KindSet held = rules_detail::decision_kinds_and_bodies(kase);
        std::vector<std::size_t> expected, called;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (impl(*rules[i]).may_find(held)) expected.push_back(i);
            else ++skipped;
            triggered += impl(*rules[i]).triggers() && impl(*rules[i]).may_find(held);
        }
        calls.each(kase, [&](std::size_t i) { called.push_back(i); });
        EXPECT_EQ(called, expected) << path;
        ++cases;
    }
    EXPECT_GT(cases, 100u);
    EXPECT_GT(skipped, 1000u);
    EXPECT_GT(triggered, 100u);
}

TEST(MeasureEnds, TheDirectWalkAndTheListedWalkGiveTheSameEnd) {
    const Engine engine;
    std::size_t compared = 0, ended = 0;
    for (const fs::path& path : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) continue;
        const Case& kase = *loaded.kase;
        for (const Instant as_of : dates_for(engine, kase)) {
            const EvalContext ctx = eval_context(engine.calendar(), as_of, engine.readings(), nullptr, kase);
            rules_detail::MeasureEndsState state(kase, ctx);
            for (const std::uint32_t i : kase.events_of(EventType::afgoerelse)) {
                std::optional<LocalDay> direct;
                if (!rules_detail::MeasureEndsWalks::direct(state, kase.event(i), direct)) continue;  // past its budget
                EXPECT_EQ(direct, rules_detail::MeasureEndsWalks::listed(state, kase.event(i))) << path << ", event " << i;
                ++compared;
                ended += direct.has_value();
            }
        }
    }
    EXPECT_GT(compared, 1000u);
    EXPECT_GT(ended, 50u);
}

TEST(EvalMemo, EachRuleAloneWithoutTheMemoGivesTheSameFindings) {
    const Engine engine;
    const auto rules = engine.rulebook().rules();
    std::size_t compared = 0;
    for (const fs::path& path : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) continue;  // fixtures of load errors
        const Case& kase = *loaded.kase;
        for (const Instant as_of : dates_for(engine, kase)) {
            const Report full = engine.evaluate(loaded.kase, as_of);
            const EvalContext ctx = eval_context(engine.calendar(), as_of, engine.readings(), nullptr, kase);
            std::size_t at = 0;  // the full report's findings, in rule order
            for (std::size_t i = 0; i < rules.size(); ++i) {
                std::vector<Finding> alone;
                alone.reserve(64);
                Findings sink(alone);
                sink.set_rule(static_cast<std::uint16_t>(i));
                impl(*rules[i]).evaluate(kase, ctx, sink);
                by_subject(alone.begin(), alone.end());
                for (const Finding& f : alone) {
                    ASSERT_LT(at, full.findings.size()) << path << ": " << rules[i]->meta().id;
                    EXPECT_TRUE(same(f, full.findings[at])) << path << ": " << rules[i]->meta().id << ", subject " << f.subject;
                    ++at, ++compared;
                }
            }
            EXPECT_EQ(at, full.findings.size()) << path;
        }
    }
    EXPECT_GT(compared, 10'000u);
}

TEST(EvaluateEachRule, HandsOnEveryFindingOfEvaluateInRuleOrder) {
    const Engine engine;
    std::size_t compared = 0;
    for (const fs::path& path : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) continue;
        for (const Instant as_of : dates_for(engine, *loaded.kase)) {
            const Report full = engine.evaluate(loaded.kase, as_of);
            const std::vector<Finding> each = each_rule(engine, *loaded.kase, as_of);
            ASSERT_EQ(each.size(), full.findings.size()) << path;
            for (std::size_t k = 0; k < each.size(); ++k, ++compared) EXPECT_TRUE(same(each[k], full.findings[k])) << path << ", finding " << k;
        }
    }
    EXPECT_GT(compared, 10'000u);
}

// evaluate_each_rule keeps its buffer for the next call on the thread: a call made from within `take`
// (another case, evaluated while the first one's batch is being read) gets a buffer of its own, and
// neither changes the other's findings.
TEST(EvaluateEachRule, ACallFromWithinTakeChangesNeitherEvaluation) {
    const Engine engine;
    std::vector<LoadResult> cases;
    for (const fs::path& path : test::examples_and_fixtures())
        if (LoadResult loaded = load_case_file(path, engine.calendar()); loaded.ok()) cases.push_back(std::move(loaded));
    ASSERT_GT(cases.size(), 2u);
    const Instant as_of = parse_moment("2026-07-01", engine.calendar()).moment.instant;
    std::size_t compared = 0;
    for (std::size_t k = 0; k + 1 < cases.size(); ++k) {
        const Case& outer = *cases[k].kase;
        const Case& inner = *cases[k + 1].kase;
        std::vector<Finding> outer_each, inner_each;
        engine.evaluate_each_rule(outer, as_of, [&](std::span<const Finding> fs) {
            if (inner_each.empty()) inner_each = each_rule(engine, inner, as_of);
            outer_each.insert(outer_each.end(), fs.begin(), fs.end());
        });
        sort_each_rule(outer_each);
        for (const auto& [got, kase] : {std::pair{&outer_each, &cases[k].kase}, std::pair{&inner_each, &cases[k + 1].kase}}) {
            if (got->empty()) continue;  // the outer case had no finding: take was not called
            const Report full = engine.evaluate(*kase, as_of);
            ASSERT_EQ(got->size(), full.findings.size());
            for (std::size_t i = 0; i < got->size(); ++i, ++compared) EXPECT_TRUE(same((*got)[i], full.findings[i])) << k << ", finding " << i;
        }
    }
    EXPECT_GT(compared, 1'000u);
}

// Every day from 1900 to 2199 (every change of offset, and 15 May 1940, which has no midnight) as the due day,
// the fulfilment the day before, on it and after it; deadlines of every convention counted from it, so
// that the margin is also in hverdage.
TEST(Judge, ADateOnlyFulfilmentIsJudgedAsItsDayWouldBe) {
    const Engine engine;
    const Calendar& cal = engine.calendar();
    const Case none;
    const EvalContext ctx = eval_context(cal, parse_moment("2100-01-01", cal).moment.instant, engine.readings(), nullptr, none);
    const auto judged = [&](const Deadline& d, const Moment& done) {
        Finding f;
        detail::judge(f, d, done, ctx, detail::Earlier::in_time);
        return f;
    };
    constexpr Convention conventions[] = {Convention::none, Convention::hverdage_after, Convention::months_after, Convention::days_after};
    std::size_t compared = 0;
    const LocalDay first = local_day(1900, 1, 2), last = local_day(2199, 12, 30);
    for (LocalDay day = first; day <= last; day += date::days{1}) {
        const Moment start{cal.start_of_local_day(day), day, false};
        const auto convention = conventions[static_cast<std::size_t>((day - first).count()) % std::size(conventions)];
        DeadlineTerm term;
        term.convention = convention;
        term.amount = convention == Convention::none ? 0 : 3;
        const Deadline d = detail::make_deadline(term, start, cal);
        for (const int delta : {-1, 0, 1}) {
            const LocalDay on = d.due_day + date::days{delta};
            if (on < first || on > last) continue;
            const auto [lo, hi] = detail::span_of(Moment{{}, on, false}, cal);
            const Finding got = judged(d, Moment{lo, on, false});
            const Finding at_end = judged(d, Moment{hi, on, true}), at_start = judged(d, Moment{lo, on, true});
            const Finding& want = at_end.status == Status::met ? at_end : at_start;
            ASSERT_TRUE(want.status == Status::met || want.status == Status::late) << (day - first).count();
            EXPECT_EQ(got.status, want.status) << (day - first).count() << " " << delta;
            EXPECT_EQ(got.reason, want.reason) << (day - first).count() << " " << delta;
            EXPECT_EQ(got.margin, want.margin) << (day - first).count() << " " << delta;
            EXPECT_EQ(got.margin_unit, want.margin_unit);
            ++compared;
        }
    }
    EXPECT_GT(compared, 300'000u);
}

// child_age's Ages (the evaluation's memo) against age_on: every birth day of 1999-2004 (two 29 Februaries,
// and the days around each year's turn and each birthday), each asked about days from before the birth to
// 25 years after it, in an order that jumps between years.
TEST(Ages, GiveTheAgeAgeOnGives) {
    std::size_t compared = 0;
    for (LocalDay birth = local_day(1999, 1, 1); birth <= local_day(2004, 12, 31); birth += date::days{1}) {
        const rules_detail::Ages ages(birth);
        for (int step = 0; step < 400; ++step) {
            // 400 days spread over -2 .. +25 years, not in time order (a stride of 5 years and a few days).
            const LocalDay on = birth + date::days{-730 + (step * 1831 + (step % 3)) % (27 * 366)};
            ASSERT_EQ(ages.on(on), age_on(birth, on)) << (birth - local_day(1999, 1, 1)).count() << " " << step;
            ++compared;
        }
        for (const int years : {0, 1, 4, 17}) {  // the days around a birthday, and around the turn of the year
            for (const LocalDay around : {birthday(birth, years), local_day(civil_date(birth).year + years, 1, 1)})
                for (int d = -2; d <= 2; ++d) {
                    const LocalDay on = around + date::days{d};
                    ASSERT_EQ(ages.on(on), age_on(birth, on)) << (birth - local_day(1999, 1, 1)).count() << " " << d;
                    ++compared;
                }
        }
    }
    EXPECT_GT(compared, 800'000u);
}

}  // namespace
