// The indicators for the auditor (include/barnetslov/indicators.hpp, docs/indicators.md), each on
// hand-made cases whose figures are worked out by hand in the comments.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <span>
#include <stdexcept>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/case.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/indicators.hpp"
#include "barnetslov/loader.hpp"

using namespace barnetslov;

namespace {

const Calendar& calendar() {
    static const Calendar cal;
    return cal;
}

// A case file around `events` (municipality 0101, unit "Team A").
std::string case_xml(const std::string& events, const std::string& id = "c1") {
    return "<case xmlns=\"urn:barnetslov:case:1\" id=\"" + id + "\" municipality=\"0101\" unit=\"Team A\">\n"
           "  <child id=\"barn\" birth-date=\"2012-05-01\"/>\n  <party id=\"mor\" role=\"custody-holder\"/>\n  <events>\n" +
           events + "  </events>\n</case>\n";
}

std::shared_ptr<const Case> load(const std::string& events, const std::string& id = "c1") {
    LoadResult r = load_case_buffer(case_xml(events, id), fmt::format("{}.xml", id), calendar());
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? std::string() : r.errors.front().message);
    return r.kase;
}

IndicatorSettings settings(LocalDay as_of, std::optional<LocalDay> on = std::nullopt) {
    IndicatorSettings s;
    s.as_of = calendar().end_of_local_day(as_of) - Seconds{1};
    s.as_of_day = as_of;
    s.caseload_day = on.value_or(as_of);
    return s;
}

Indicators count(const std::vector<std::string>& cases, const IndicatorSettings& s, std::vector<GroupBy> axes = {GroupBy::year}) {
    Indicators ind(std::move(axes));
    int n = 0;
    for (const std::string& events : cases) {
        auto kase = load(events, fmt::format("c{}", ++n));
        if (kase) ind.add(CaseIndicators(*kase, s));
    }
    return ind;
}

const LocalDay late = local_day(2026, 6, 30);

// Three underretninger within 12 months: 2024-01-10, 2024-05-02, 2024-12-20 (the third within 12 months of the first).
const std::string three_notes =
    "    <underretning id=\"u1\" received-at=\"2024-01-10T09:00\" notifier=\"professional\" notifier-role=\"school\"/>\n"
    "    <underretning id=\"u2\" received-at=\"2024-05-02T09:00\" notifier=\"professional\" notifier-role=\"police\"/>\n"
    "    <underretning id=\"u3\" received-at=\"2024-12-20T09:00\" notifier=\"private\"/>\n";

}  // namespace

TEST(EarlySignals, ThreeWithinTwelveMonthsAndNoActionWithinFour) {
    const Indicators ind = count({three_notes}, settings(late));
    const auto rows = ind.early_signals();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});  // the third's year
    EXPECT_EQ(rows[0].with_pattern, 1u);
    EXPECT_EQ(rows[0].no_action, 1u);
    EXPECT_EQ(rows[0].pending, 0u);
}

TEST(EarlySignals, PendingWhileTheFourMonthsRunIsNotNoAction) {
    // As of 2025-04-20 (the window ends 2025-04-20, inclusive), nothing done yet: pending.
    const auto rows = count({three_notes}, settings(local_day(2025, 4, 20))).early_signals();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].with_pattern, 1u);
    EXPECT_EQ(rows[0].pending, 1u);
    EXPECT_EQ(rows[0].no_action, 0u);
    // A day later the 4 months have passed: no action.
    const auto after = count({three_notes}, settings(local_day(2025, 4, 21))).early_signals();
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].pending, 0u);
    EXPECT_EQ(after[0].no_action, 1u);
}

TEST(EarlySignals, ActionWithinFourMonthsAndTheLastDayOfTheWindow) {
    // An undersøgelse on the window's last day (2025-04-20) is action; a day later it is not.
    const auto acted = count({three_notes + "    <undersoegelse id=\"b1\" at=\"2025-04-20\" ref=\"u3\"/>\n"}, settings(late)).early_signals();
    ASSERT_EQ(acted.size(), 1u);
    EXPECT_EQ(acted[0].with_pattern, 1u);
    EXPECT_EQ(acted[0].no_action, 0u);
    const auto too_late = count({three_notes + "    <undersoegelse id=\"b1\" at=\"2025-04-21\" ref=\"u3\"/>\n"}, settings(late)).early_signals();
    ASSERT_EQ(too_late.size(), 1u);
    EXPECT_EQ(too_late[0].no_action, 1u);
    // An action on u_k's own day counts, even at an earlier hour: the indicators count days.
    const auto same_day = count({three_notes + "    <undersoegelse id=\"b1\" at=\"2024-12-20T08:00\"/>\n"}, settings(late)).early_signals();
    ASSERT_EQ(same_day.size(), 1u);
    EXPECT_EQ(same_day[0].no_action, 0u);
    // A placement refused is no action; one granted is.
    const std::string refused = "    <afgoerelse id=\"d1\" at=\"2025-01-10\" kind=\"placement-with-consent\" outcome=\"refused\"/>\n";
    EXPECT_EQ(count({three_notes + refused}, settings(late)).early_signals().at(0).no_action, 1u);
    const std::string granted = "    <afgoerelse id=\"d1\" at=\"2025-01-10\" kind=\"placement-with-consent\"/>\n";
    EXPECT_EQ(count({three_notes + granted}, settings(late)).early_signals().at(0).no_action, 0u);
}

TEST(EarlySignals, TheFirstThirdWithinTwelveMonthsCountsOnce) {
    // u1 2023-01-05, u2 2023-06-01, u3 2024-01-06 (more than 12 months after u1), u4 2024-03-01 (within 12 months of u2):
    // the pattern is at u4, in 2024, once, although u5 would make another.
    const std::string notes =
        "    <underretning id=\"u1\" received-at=\"2023-01-05\"/>\n    <underretning id=\"u2\" received-at=\"2023-06-01\"/>\n"
        "    <underretning id=\"u3\" received-at=\"2024-01-06\"/>\n    <underretning id=\"u4\" received-at=\"2024-03-01\"/>\n"
        "    <underretning id=\"u5\" received-at=\"2024-03-02\"/>\n";
    const auto rows = count({notes}, settings(late)).early_signals();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});
    EXPECT_EQ(rows[0].with_pattern, 1u);
    // Two underretninger are no pattern, and rows of zeros are left out.
    EXPECT_TRUE(count({"    <underretning id=\"u1\" received-at=\"2023-01-05\"/>\n    <underretning id=\"u2\" received-at=\"2023-06-01\"/>\n"},
                      settings(late))
                    .early_signals()
                    .empty());
}

TEST(NotifierRoles, ByRoleAndUnknownWithoutOne) {
    const Indicators ind = count({three_notes}, settings(late));
    const auto rows = ind.notifier_roles();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].counts, (std::map<std::string, std::uint64_t>{{"police", 1}, {"school", 1}, {"unknown", 1}}));
    EXPECT_TRUE(ind.coverage().underretninger);
    // By quarter: 2024-Q1 school, 2024-Q2 police, 2024-Q4 unknown.
    const auto by_quarter = count({three_notes}, settings(late), {GroupBy::quarter}).notifier_roles();
    ASSERT_EQ(by_quarter.size(), 3u);
    EXPECT_EQ(by_quarter[0].keys, std::vector<std::string>{"2024-Q1"});
    EXPECT_EQ(by_quarter[2].counts.at("unknown"), 1u);
}

TEST(Continuity, DistinctCaseworkersAndHandoversPerChildYear) {
    // 2024: A, B, A (2 distinct, 2 handovers); 2025: B (1 distinct, 1 handover from the A of 2024).
    const std::string events =
        "    <underretning id=\"u1\" received-at=\"2024-02-01\" caseworker=\"A\"/>\n"
        "    <screening id=\"s1\" at=\"2024-02-02\" ref=\"u1\" caseworker=\"B\"/>\n"
        "    <notat id=\"n0\" at=\"2024-03-01\"/>\n"  // no caseworker: not a touch, no handover
        "    <undersoegelse id=\"b1\" at=\"2024-03-02\" ref=\"u1\" caseworker=\"A\"/>\n"
        "    <notat id=\"n1\" at=\"2025-01-05\" caseworker=\"B\"/>\n";
    const auto rows = count({events}, settings(late)).continuity();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});
    EXPECT_EQ(rows[0].child_periods, 1u);
    EXPECT_EQ(rows[0].caseworkers_sum, 2u);
    EXPECT_EQ(rows[0].handovers, 2u);
    EXPECT_EQ(rows[0].one_caseworker, 0u);
    EXPECT_EQ(rows[1].keys, std::vector<std::string>{"2025"});
    EXPECT_EQ(rows[1].caseworkers_sum, 1u);
    EXPECT_EQ(rows[1].handovers, 1u);
    EXPECT_EQ(rows[1].one_caseworker, 1u);
}

TEST(Continuity, ManyCaseworkersAreFoundPastTheLinearLookup) {
    // 30 caseworkers W0..W29 in January 2024, then the same 30 again in March: more than the 16 the
    // constructor looks up linearly before it turns to a hash map. 2024: 30 distinct, 59 handovers;
    // 2025: W17 alone, 1 handover from W29.
    std::string events;
    for (int round = 0; round < 2; ++round)
        for (int w = 0; w < 30; ++w)
            events += fmt::format("    <notat id=\"n{}-{}\" at=\"2024-{:02}-{:02}\" caseworker=\"W{}\"/>\n", round, w, round == 0 ? 1 : 3,
                                  w / 2 + 1, w);
    events += "    <notat id=\"n2\" at=\"2025-01-05\" caseworker=\"W17\"/>\n";
    const auto rows = count({events}, settings(late)).continuity();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});
    EXPECT_EQ(rows[0].caseworkers_sum, 30u);
    EXPECT_EQ(rows[0].handovers, 59u);
    EXPECT_EQ(rows[1].caseworkers_sum, 1u);
    EXPECT_EQ(rows[1].handovers, 1u);
}

TEST(TimeKey, ASlotReusedAcrossPeriodsGivesEachDaysOwnKey) {
    // The slot remembers its period: a day in it, at its edges and outside, on every time axis.
    for (GroupBy by : {GroupBy::year, GroupBy::quarter, GroupBy::month}) {
        TimeKeySlot slot;
        LocalDay day = LocalDay(date::year(2023) / 11 / 28);
        for (int i = 0; i < 500; i += (i % 7) + 1, day += date::days((i % 7) + 1)) {
            EXPECT_EQ(time_key(by, day, slot), time_key(by, day)) << to_string(by) << " " << i;
        }
    }
    TimeKeySlot slot;
    EXPECT_EQ(time_key(GroupBy::quarter, LocalDay(date::year(2024) / 3 / 31), slot), "2024-Q1");
    EXPECT_EQ(time_key(GroupBy::quarter, LocalDay(date::year(2024) / 4 / 1), slot), "2024-Q2");
    EXPECT_EQ(time_key(GroupBy::month, LocalDay(date::year(2024) / 4 / 1), slot), "2024-04");  // another axis, same slot
    EXPECT_EQ(time_key(GroupBy::month, LocalDay(date::year(2024) / 12 / 31), slot), "2024-12");
    EXPECT_EQ(time_key(GroupBy::year, LocalDay(date::year(2025) / 1 / 1), slot), "2025");
    EXPECT_EQ(time_key(GroupBy::unit, LocalDay(date::year(2025) / 1 / 1), slot), "");
}

// Every example's and test fixture's case file.
std::vector<std::filesystem::path> example_and_fixture_files() {
    const std::filesystem::path root(BARNETSLOV_SOURCE_DIR);
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / "tests" / "fixtures"))
        if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
    return files;
}

// Every row of `ind` as text, in the order the rows are read.
std::string rows_text(const Indicators& ind) {
    std::string out;
    const auto keys = [&out](const std::vector<std::string>& k) {
        for (const std::string& x : k) out += x + "/";
        out += ' ';
    };
    for (const auto& r : ind.goal_attainment()) {
        keys(r.keys);
        out += fmt::format("goal {} {} {} {} {} {}\n", r.measure_kind, r.area, r.count[0], r.count[1], r.count[2], r.count[3]);
    }
    for (const auto& r : ind.continuity()) {
        keys(r.keys);
        out += fmt::format("continuity {} {} {} {} {}\n", r.child_periods, r.caseworkers_sum, r.handovers, r.one_caseworker, r.cases_without_caseworker);
    }
    for (const auto& r : ind.caseload()) {
        keys(r.keys);
        out += fmt::format("caseload {} {} {} {}\n", r.open_cases, r.caseworkers, r.max_open_per_caseworker, r.open_without_caseworker);
    }
    for (const auto& r : ind.placement_pattern()) {
        keys(r.keys);
        for (const auto& [name, n] : r.counts) out += fmt::format("placement {} {}\n", name, n);
    }
    for (const auto& r : ind.notifier_roles()) {
        keys(r.keys);
        for (const auto& [name, n] : r.counts) out += fmt::format("role {} {}\n", name, n);
    }
    for (const auto& r : ind.early_signals()) {
        keys(r.keys);
        out += fmt::format("signal {} {} {}\n", r.with_pattern, r.no_action, r.pending);
    }
    return out;
}

TEST(Indicators, RowsFoundByNumbersAsByText) {
    // add() finds a record's row by its keys as numbers (a period's first day, a unit's or municipality's
    // number) and names a row by text only when it is new; merge() goes by the text alone. So the cases
    // counted into one Indicators must give what each counted into its own and merged gives: every example
    // and fixture (and BARNETSLOV_FIGURES_CORPUS's generated files, when set), twice (rows found again), on axes
    // that take every kind of key. A row is found first in a direct-mapped cache of 32 a kind of record: by
    // month and unit there are more rows than that, so entries are replaced and found again in the index.
    std::vector<std::filesystem::path> files = example_and_fixture_files();
    if (const char* corpus = std::getenv("BARNETSLOV_FIGURES_CORPUS"))
        for (const auto& e : std::filesystem::directory_iterator(corpus))
            if (e.path().extension() == ".xml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<CaseIndicators> cases;
    for (const auto& file : files) {
        const LoadResult r = load_case_file(file, calendar());
        if (r.ok()) cases.emplace_back(*r.kase, settings(late, local_day(2024, 6, 1)));
    }
    ASSERT_GT(cases.size(), 30u);
    const std::vector<std::vector<GroupBy>> axes_list{{GroupBy::year},
                                                      {GroupBy::quarter, GroupBy::municipality},
                                                      {GroupBy::month, GroupBy::unit},
                                                      {GroupBy::unit, GroupBy::year, GroupBy::municipality},
                                                      {GroupBy::municipality, GroupBy::unit}};
    for (const auto& axes : axes_list) {
        Indicators together(axes), merged(axes);
        for (int round = 0; round < 2; ++round)
            for (const CaseIndicators& c : cases) {
                together.add(c);
                Indicators one(axes);
                one.add(c);
                merged.merge(one);
            }
        const std::string text = rows_text(together);
        EXPECT_GT(text.size(), 200u);
        EXPECT_EQ(text, rows_text(merged)) << to_string(axes.front());
        if (axes.front() == GroupBy::month) {
            EXPECT_GT(together.continuity().size(), 64u);  // past the cache's 32
        }
    }
}

TEST(Continuity, RunsOfOneCaseworkerCountAsEachEventCountedInTurn) {
    // Indicators::add counts the continuity a run of one caseworker and a period at a time (the period's touches
    // found by their days, a handover at each run's start). Here the definition, event by event: a period is the
    // touches in the window with the time keys (as text) of its first, a handover a touch whose caseworker is not the
    // touch before's (in or out of the window), the row the time keys and the unit on the period's last touch.
    // Over every example and fixture (and BARNETSLOV_FIGURES_CORPUS's generated files, when set) and the hand-made
    // cases above, on year, month, quarter axes, with and without a --since/--until window.
    std::vector<std::shared_ptr<const Case>> cases;
    std::vector<std::filesystem::path> files = example_and_fixture_files();
    if (const char* corpus = std::getenv("BARNETSLOV_FIGURES_CORPUS"))
        for (const auto& e : std::filesystem::directory_iterator(corpus))
            if (e.path().extension() == ".xml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        if (LoadResult r = load_case_file(file, calendar()); r.ok()) cases.push_back(r.kase);
    std::string many;  // caseworkers A, A, B, B, A, C, ... across months and years, some events without one
    for (int k = 0; k < 40; ++k)
        many += fmt::format("    <notat id=\"n{}\" at=\"{}-{:02}-{:02}\"{}/>\n", k, 2021 + k / 12, k % 12 + 1, k % 28 + 1,
                            k % 7 == 6 ? std::string() : fmt::format(" caseworker=\"{}\"", "AABBAC"[k % 6]));
    cases.push_back(load(many, "many"));
    ASSERT_GT(cases.size(), 30u);

    const std::vector<std::vector<GroupBy>> axes_list{{GroupBy::year}, {GroupBy::month, GroupBy::unit}, {GroupBy::quarter, GroupBy::municipality}};
    const std::vector<std::pair<std::optional<LocalDay>, std::optional<LocalDay>>> windows{
        {std::nullopt, std::nullopt}, {local_day(2022, 3, 15), local_day(2023, 2, 10)}, {local_day(2021, 7, 4), std::nullopt}, {std::nullopt, local_day(2022, 6, 30)}};
    std::size_t handovers = 0;
    for (const auto& axes_asked : axes_list)
        for (const auto& [since, until] : windows) {
            IndicatorSettings s = settings(late);
            s.since = since;
            s.until = until;
            Indicators counted(axes_asked);
            const std::vector<GroupBy> axes = counted.axes();
            std::map<std::vector<std::string>, std::array<std::uint64_t, 5>> expected;
            for (const auto& kase : cases) {
                counted.add(CaseIndicators(*kase, s));
                const auto in_window = [&](LocalDay d) { return (!since || d >= *since) && (!until || d <= *until); };
                const auto keys = [&](LocalDay day) {
                    std::vector<std::string> k;
                    for (GroupBy by : axes)
                        k.push_back(by == GroupBy::unit ? std::string(kase->unit_on(day)) : by == GroupBy::municipality ? kase->municipality() : time_key(by, day));
                    return k;
                };
                const auto time_keys = [&](LocalDay day) {
                    std::vector<std::string> k;
                    for (GroupBy by : axes)
                        if (by != GroupBy::unit && by != GroupBy::municipality) k.push_back(time_key(by, day));
                    return k;
                };
                std::vector<std::pair<LocalDay, std::string>> touches;
                for (const Event& e : kase->events())
                    if (const auto w = e.text(Attr::caseworker)) touches.emplace_back(e.at().day, std::string(*w));
                if (touches.empty()) {
                    if (!kase->events().empty() && in_window(kase->events().back().at().day)) ++expected[keys(kase->events().back().at().day)][4];
                    continue;
                }
                for (std::size_t t = 0; t < touches.size();) {
                    if (!in_window(touches[t].first)) {
                        ++t;
                        continue;
                    }
                    const auto period = time_keys(touches[t].first);
                    std::set<std::string> distinct;
                    std::uint64_t changes = 0;
                    for (; t < touches.size() && in_window(touches[t].first) && time_keys(touches[t].first) == period; ++t) {
                        changes += t > 0 && touches[t - 1].second != touches[t].second;
                        distinct.insert(touches[t].second);
                    }
                    auto& row = expected[keys(touches[t - 1].first)];
                    ++row[0];
                    row[1] += distinct.size();
                    row[2] += changes;
                    row[3] += distinct.size() == 1;
                    handovers += changes;
                }
            }
            std::map<std::vector<std::string>, std::array<std::uint64_t, 5>> got;
            for (const ContinuityRow& r : counted.continuity())
                got[r.keys] = {r.child_periods, r.caseworkers_sum, r.handovers, r.one_caseworker, r.cases_without_caseworker};
            std::erase_if(expected, [](const auto& e) { return e.second[0] == 0 && e.second[4] == 0; });
            EXPECT_EQ(got, expected) << to_string(axes_asked.front()) << " " << (since ? "since " : "") << (until ? "until" : "");
        }
    EXPECT_GT(handovers, 100u);
}

TEST(Indicators, AnAxisNamedTwiceCountsOnce) {
    // Indicators is public and takes any list of axes; a record's keys have a slot an axis, so repeats
    // (here 14 axes, more than there are kinds) must count as the axis named once, as Aggregates does.
    const std::vector<GroupBy> once{GroupBy::unit, GroupBy::quarter, GroupBy::municipality};
    std::vector<GroupBy> repeated;
    for (int i = 0; i < 14; ++i) repeated.push_back(once[static_cast<std::size_t>(i % 3)]);
    EXPECT_EQ(Indicators(repeated).axes(), once);
    const IndicatorSettings s = settings(late);
    const std::string text = rows_text(count({three_notes}, s, repeated));
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text, rows_text(count({three_notes}, s, once)));
}

TEST(TimeKey, TextAndPeriodAsDatesOwnConversions) {
    // time_key's slot by civil_date and day_of against date::year_month_day's text and month arithmetic:
    // every day of 1850-2250 and a few far ones, on every time axis (the slot's period is what a record's
    // row is found by, so it must be the key's period exactly).
    const auto check = [](GroupBy by, LocalDay day) {
        const date::year_month_day d{day};
        const auto month = unsigned(d.month());
        const unsigned first_month = by == GroupBy::year ? 1 : by == GroupBy::quarter ? (month - 1) / 3 * 3 + 1 : month;
        const int months = by == GroupBy::year ? 12 : by == GroupBy::quarter ? 3 : 1;
        const std::string text = by == GroupBy::year      ? fmt::format("{}", int(d.year()))
                                 : by == GroupBy::quarter ? fmt::format("{}-Q{}", int(d.year()), (month - 1) / 3 + 1)
                                                          : fmt::format("{}-{:02}", int(d.year()), month);
        const date::year_month start = d.year() / date::month(first_month);
        TimeKeySlot slot;
        ASSERT_EQ(time_key(by, day, slot), text) << day.time_since_epoch().count();
        ASSERT_EQ(slot.from, LocalDay(start / date::day(1))) << text;
        ASSERT_EQ(slot.to, LocalDay((start + date::months(months)) / date::day(1))) << text;
    };
    for (GroupBy by : {GroupBy::year, GroupBy::quarter, GroupBy::month}) {
        for (LocalDay day = LocalDay(date::year(1850) / 1 / 1); day <= LocalDay(date::year(2250) / 12 / 31); day += date::days(1)) check(by, day);
        for (int y : {-1000, -1, 0, 1, 999, 1000, 9999, 10000, 30000})
            for (unsigned m = 1; m <= 12; ++m) {
                const LocalDay first = LocalDay(date::year(y) / date::month(m) / 1);
                check(by, first);
                check(by, first - date::days(1));
            }
    }
}

TEST(Continuity, ACaseWithNoCaseworkerIsCountedApartNeverAsOne) {
    const Indicators ind = count({three_notes}, settings(late));
    EXPECT_FALSE(ind.coverage().caseworkers);
    const auto rows = ind.continuity();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});  // the year of its last event
    EXPECT_EQ(rows[0].cases_without_caseworker, 1u);
    EXPECT_EQ(rows[0].child_periods, 0u);
    EXPECT_EQ(rows[0].one_caseworker, 0u);
}

TEST(Continuity, UnitIsTheOneResponsibleOnTheLastCaseworkerEvent) {
    const std::string events =
        "    <underretning id=\"u1\" received-at=\"2024-02-01\" caseworker=\"A\"/>\n"
        "    <ansvarlig-enhed id=\"ae1\" at=\"2024-06-01\" unit=\"Team B\"/>\n"
        "    <notat id=\"n1\" at=\"2024-06-01\" caseworker=\"C\"/>\n";
    const auto rows = count({events}, settings(late), {GroupBy::year, GroupBy::unit}).continuity();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, (std::vector<std::string>{"2024", "Team B"}));
    EXPECT_EQ(rows[0].handovers, 1u);
}

namespace {

// A supportive measure started, a plan with three goals, a follow-up naming the measure start that
// assesses them: reached, partly, dropped; a second follow-up naming the decision: not reached.
const std::string goals =
    "    <afgoerelse id=\"d1\" at=\"2024-03-01\" kind=\"supportive-measure\"/>\n"
    "    <indsats-start id=\"m1\" at=\"2024-03-05\" ref=\"d1\"/>\n"
    "    <plan id=\"p1\" at=\"2024-03-20\" ref=\"d1\"/>\n"
    "    <maal id=\"g1\" at=\"2024-03-20\" ref=\"p1\" area=\"school\"/>\n"
    "    <maal id=\"g2\" at=\"2024-03-20\" ref=\"p1\" area=\"family\"/>\n"
    "    <maal id=\"g3\" at=\"2024-03-20\" ref=\"p1\"/>\n"
    "    <opfoelgning id=\"o1\" at=\"2024-06-01\" ref=\"m1\"/>\n"
    "    <maal-status id=\"gs1\" at=\"2024-06-02\" ref=\"o1\" goal=\"g1\" status=\"reached\"/>\n"
    "    <maal-status id=\"gs2\" at=\"2024-06-02\" ref=\"o1\" goal=\"g2\" status=\"partly\"/>\n"
    "    <maal-status id=\"gs3\" at=\"2024-06-02\" ref=\"o1\" goal=\"g3\" status=\"dropped\"/>\n"
    "    <opfoelgning id=\"o2\" at=\"2025-01-10\" ref=\"d1\"/>\n"
    "    <maal-status id=\"gs4\" at=\"2025-01-10\" ref=\"o2\" goal=\"g1\" status=\"not-reached\"/>\n";

}  // namespace

TEST(GoalAttainment, CountsPerMeasureKindAndAreaDroppedApart) {
    const Indicators ind = count({goals}, settings(late));
    EXPECT_TRUE(ind.coverage().goals);
    const auto rows = ind.goal_attainment();
    // 2024: (supportive-measure, family) partly; (.., school) reached; (.., unknown) dropped; 2025: (.., school) not reached.
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2024"});
    EXPECT_EQ(rows[0].measure_kind, "supportive-measure");
    EXPECT_EQ(rows[0].area, "family");
    EXPECT_EQ(rows[0].count, (std::array<std::uint64_t, 4>{0, 1, 0, 0}));
    EXPECT_EQ(rows[1].area, "school");
    EXPECT_EQ(rows[1].count, (std::array<std::uint64_t, 4>{1, 0, 0, 0}));
    EXPECT_EQ(rows[2].area, "unknown");
    EXPECT_EQ(rows[2].count, (std::array<std::uint64_t, 4>{0, 0, 0, 1}));  // dropped: counted apart, not in n
    EXPECT_EQ(rows[3].keys, std::vector<std::string>{"2025"});
    EXPECT_EQ(rows[3].count, (std::array<std::uint64_t, 4>{0, 0, 1, 0}));
    // 2024's shares are over reached + partly + not-reached = 2: the dropped goal does not dilute them.
    std::uint64_t reached = 0, n = 0;
    for (const GoalRow& r : rows)
        if (r.keys.front() == "2024") {
            reached += r.count[0];
            n += r.count[0] + r.count[1] + r.count[2];
        }
    EXPECT_EQ(reached, 1u);
    EXPECT_EQ(n, 2u);
}

TEST(GoalAttainment, FollowUpWithoutADecisionIsUnknownKindAndNoStatusNoData) {
    const std::string events =
        "    <plan id=\"p1\" at=\"2024-03-20\"/>\n    <maal id=\"g1\" at=\"2024-03-20\" ref=\"p1\" area=\"health\"/>\n"
        "    <notat id=\"x\" at=\"2024-04-01\"/>\n"
        "    <opfoelgning id=\"o1\" at=\"2024-06-01\" ref=\"x\"/>\n"
        "    <maal-status id=\"gs1\" at=\"2024-06-01\" ref=\"o1\" goal=\"g1\" status=\"reached\"/>\n";
    const auto rows = count({events}, settings(late)).goal_attainment();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].measure_kind, "unknown");
    EXPECT_EQ(rows[0].area, "health");
    EXPECT_FALSE(count({three_notes}, settings(late)).coverage().goals);
}

TEST(PlacementPattern, SiteTypesAndUnknownWithoutOne) {
    const std::string events =
        "    <afgoerelse id=\"d1\" at=\"2024-03-01\" kind=\"placement-with-consent\" site-type=\"network-foster-family\"/>\n"
        "    <afgoerelse id=\"d2\" at=\"2024-05-01\" kind=\"placement-change\" site-type=\"opholdssted\"/>\n"
        "    <afgoerelse id=\"d3\" at=\"2024-07-01\" kind=\"placement-site\"/>\n"
        "    <afgoerelse id=\"d4\" at=\"2024-08-01\" kind=\"placement-with-consent\" outcome=\"refused\" site-type=\"opholdssted\"/>\n"
        "    <afgoerelse id=\"d5\" at=\"2024-09-01\" kind=\"supportive-measure\"/>\n";
    const Indicators ind = count({events}, settings(late));
    const auto rows = ind.placement_pattern();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].counts,
              (std::map<std::string, std::uint64_t>{{"network-foster-family", 1}, {"opholdssted", 1}, {"unknown", 1}}));
    EXPECT_TRUE(ind.coverage().site_types);
    EXPECT_EQ(site_group("network-foster-family"), SiteGroup::family);
    EXPECT_EQ(site_group("municipal-foster-family"), SiteGroup::family);
    EXPECT_EQ(site_group("doegninstitution"), SiteGroup::institution);
    EXPECT_EQ(site_group("efterskole"), SiteGroup::other);
    EXPECT_EQ(site_group("unknown"), SiteGroup::unknown);
    // Placements none of which has a site-type: counted as unknown, and the pattern has no data.
    const Indicators bare = count({"    <afgoerelse id=\"d3\" at=\"2024-07-01\" kind=\"placement-site\"/>\n"}, settings(late));
    EXPECT_TRUE(bare.coverage().placements);
    EXPECT_FALSE(bare.coverage().site_types);
    EXPECT_EQ(bare.placement_pattern().at(0).counts.at("unknown"), 1u);
}

namespace {

// Three cases, each open on 2024-06-15 by one condition and not on 2024-06-16.
const std::string open_by_measure =
    "    <afgoerelse id=\"d1\" at=\"2023-01-10\" kind=\"supportive-measure\" caseworker=\"A\"/>\n"
    "    <indsats-start id=\"m1\" at=\"2023-02-01\" ref=\"d1\"/>\n"
    "    <indsats-slut id=\"m1-end\" at=\"2024-06-16\" ref=\"m1\" caseworker=\"B\"/>\n";
const std::string open_by_investigation =
    "    <undersoegelse id=\"b1\" at=\"2023-11-01\" caseworker=\"A\"/>\n"
    "    <undersoegelse-afsluttet id=\"b1-end\" at=\"2024-06-16\" ref=\"b1\"/>\n";
const std::string open_by_underretning =  // (2024-02-15, 2024-06-15] holds 2024-02-16; (2024-02-16, 2024-06-16] does not
    "    <underretning id=\"u1\" received-at=\"2024-02-16T10:00\"/>\n";

}  // namespace

TEST(Caseload, OpenOnTheDayByEachConditionAndNotTheDayAfter) {
    const std::vector<std::string> cases{open_by_measure, open_by_investigation, open_by_underretning};
    const Indicators on = count(cases, settings(late, local_day(2024, 6, 15)), {GroupBy::year, GroupBy::municipality});
    ASSERT_EQ(on.caseload_axes(), std::vector<GroupBy>{GroupBy::municipality});
    const auto rows = on.caseload();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"0101"});
    EXPECT_EQ(rows[0].open_cases, 3u);
    EXPECT_EQ(rows[0].caseworkers, 1u);               // A, on both cases that name one by D (B comes on D + 1)
    EXPECT_EQ(rows[0].max_open_per_caseworker, 2u);
    EXPECT_EQ(rows[0].open_without_caseworker, 1u);   // the underretning names no caseworker
    EXPECT_EQ(rows[0].mean_open_per_caseworker(), 2.0);
    EXPECT_TRUE(count(cases, settings(late, local_day(2024, 6, 16))).caseload().empty());
    // Each alone, to see each condition does it.
    for (const std::string& c : cases) EXPECT_EQ(count({c}, settings(late, local_day(2024, 6, 15))).caseload().at(0).open_cases, 1u) << c;
}

TEST(Caseload, NotOpenBeforeItsFirstEventAndUnitOnTheDay) {
    const std::string events =
        "    <afdaekning id=\"a1\" at=\"2024-03-01\" caseworker=\"A\"/>\n"
        "    <ansvarlig-enhed id=\"ae1\" at=\"2024-04-01\" unit=\"Team B\"/>\n";
    EXPECT_TRUE(count({events}, settings(late, local_day(2024, 2, 29))).caseload().empty());
    const auto rows = count({events}, settings(late, local_day(2024, 4, 1)), {GroupBy::unit}).caseload();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].keys, std::vector<std::string>{"Team B"});
    EXPECT_EQ(rows[0].caseworkers, 1u);
}

TEST(Indicators, MergedEqualsAddedInOneAndYearWithoutATimeAxis) {
    const IndicatorSettings s = settings(late, local_day(2024, 6, 15));
    Indicators whole = count({three_notes, goals, open_by_measure}, s, {GroupBy::unit});
    EXPECT_EQ(whole.axes(), (std::vector<GroupBy>{GroupBy::year, GroupBy::unit}));
    Indicators a = count({three_notes}, s, {GroupBy::unit}), b = count({goals, open_by_measure}, s, {GroupBy::unit});
    a.merge(b);
    EXPECT_EQ(a.goal_attainment().size(), whole.goal_attainment().size());
    EXPECT_EQ(a.early_signals().at(0).with_pattern, whole.early_signals().at(0).with_pattern);
    EXPECT_EQ(a.caseload().at(0).open_cases, whole.caseload().at(0).open_cases);
    EXPECT_EQ(a.continuity().size(), whole.continuity().size());
}

namespace {

// Every group and coverage row of `figures` as text, with the lateness histograms as all their percentiles.
std::string figures_text(const Aggregates& figures) {
    std::string out = fmt::format("cases {}\n", figures.case_count());
    const auto days = [&out](const DayHistogram& h) {
        out += fmt::format(" n{}", h.count());
        for (int p = 0; p <= 100; p += 5) out += fmt::format(" {}", h.percentile(p).value_or(-1));
    };
    for (const GroupFigures* g : figures.groups()) {
        out += fmt::format("{} [{}] {} {} {} {}", g->rule, g->group, g->cases, g->cases_with_evidence, g->met_with_basis, fmt::join(g->status, ","));
        days(g->late_days);
        days(g->overdue_days);
        out += '\n';
    }
    for (const RuleCoverage& c : figures.coverage())
        out += fmt::format("coverage {} {} {} {}\n", c.rule, c.files_with_findings, c.files_with_evidence, to_string(c.data));
    return out;
}

}  // namespace

TEST(Aggregates, CountsPerRuleAsRowsPerFinding) {
    // check --summary by rule alone keeps a case's findings as counts per rule (CaseFigures::Detail::counts);
    // every other use keeps a row per finding. Both must give the same figures and the same statuses: every
    // example and fixture (and BARNETSLOV_FIGURES_CORPUS's generated files, when set), each case counted
    // twice, without a filter and with each kind of filter. Each axis set, which needs the rows, gets the same
    // figures from rows taken a rule at a time as from the whole report, and refuses counts.
    std::vector<std::filesystem::path> files = example_and_fixture_files();
    std::size_t generated = 0;
    if (const char* corpus = std::getenv("BARNETSLOV_FIGURES_CORPUS"))
        for (const auto& e : std::filesystem::directory_iterator(corpus))
            if (e.path().extension() == ".xml") files.push_back(e.path()), ++generated;
    std::sort(files.begin(), files.end());
    std::vector<std::shared_ptr<const Case>> cases;
    for (const auto& file : files)
        if (LoadResult r = load_case_file(file, calendar()); r.ok()) cases.push_back(r.kase);
    ASSERT_GT(cases.size(), 30u + generated / 2);

    static const Engine engine;
    const EvidenceIndex evidence(engine);
    const Instant as_of = calendar().end_of_local_day(late) - Seconds{1};
    std::vector<AggregateFilter> filters(4);
    filters[1].since = local_day(2023, 1, 1);
    filters[2].until = local_day(2024, 6, 30);
    filters[3].rules = {"BL-UND-24H", "BL-UNDS-4M", "BL-PLAN-32"};
    const std::vector<std::vector<GroupBy>> axes_list{{},
                                                      {GroupBy::year},
                                                      {GroupBy::quarter, GroupBy::municipality},
                                                      {GroupBy::month, GroupBy::unit},
                                                      {GroupBy::unit, GroupBy::year, GroupBy::municipality}};
    std::size_t findings = 0;
    for (const auto& axes : axes_list)
        for (const AggregateFilter& filter : filters) {
            Aggregates by_report(engine, axes, filter), by_rows(engine, axes, filter), by_counts(engine, axes, filter),
                by_pieces(engine, axes, filter);
            for (int round = 0; round < 2; ++round)
                for (const auto& kase : cases) {
                    by_report.add(engine.evaluate(kase, as_of));
                    CaseFigures rows(engine, *kase, evidence, CaseFigures::Detail::rows);
                    CaseFigures counts(engine, *kase, evidence, CaseFigures::Detail::counts);
                    // A batch of evaluate_each_rule may end inside a rule's findings (it flushes when full): the
                    // same findings handed on in pieces of 1, 3 and 2 split every rule's run across calls.
                    CaseFigures pieces(engine, *kase, evidence, CaseFigures::Detail::counts);
                    std::size_t piece = 0;
                    engine.evaluate_each_rule(*kase, as_of, [&](std::span<const Finding> f) {
                        rows.add(engine, *kase, f, filter);
                        counts.add(engine, *kase, f, filter);
                        while (!f.empty()) {
                            const std::size_t n = std::min<std::size_t>(f.size(), std::array{1, 3, 2}[piece++ % 3]);
                            pieces.add(engine, *kase, f.first(n), filter);
                            f = f.subspan(n);
                        }
                    });
                    ASSERT_EQ(rows.statuses(), counts.statuses());
                    ASSERT_EQ(rows.statuses(), pieces.statuses());
                    for (std::uint64_t n : rows.statuses()) findings += n;
                    by_rows.add(rows);
                    if (axes.empty()) {
                        by_counts.add(counts);
                        by_pieces.add(pieces);
                    } else {
                        EXPECT_THROW(by_counts.add(counts), std::invalid_argument);
                    }
                }
            const std::string text = figures_text(by_report);
            EXPECT_GT(text.size(), 300u);
            EXPECT_EQ(text, figures_text(by_rows));
            if (axes.empty()) {
                EXPECT_EQ(text, figures_text(by_counts));
                EXPECT_EQ(text, figures_text(by_pieces));
            }
        }
    EXPECT_GT(findings, 1000u);
}

TEST(Aggregates, FilesWithEvidenceAsEachCaseCarries) {
    // Aggregates counts the files carrying each rule's evidence as bit-sliced counters (a file's rule set added
    // a word at a time); here against a count rule by rule of EvidenceIndex::carried: every example and fixture
    // (and BARNETSLOV_FIGURES_CORPUS's generated files, when set), the i-th added 1 + i % 37 times so that the
    // counts carry across many bits, into one Aggregates, into two merged, and into a copy.
    std::vector<std::filesystem::path> files = example_and_fixture_files();
    if (const char* corpus = std::getenv("BARNETSLOV_FIGURES_CORPUS"))
        for (const auto& e : std::filesystem::directory_iterator(corpus))
            if (e.path().extension() == ".xml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    static const Engine engine;
    const EvidenceIndex evidence(engine);
    const Instant as_of = calendar().end_of_local_day(late) - Seconds{1};
    Aggregates one(engine, std::vector<GroupBy>{}), first(engine, std::vector<GroupBy>{}), second(engine, std::vector<GroupBy>{});
    std::vector<std::uint64_t> expected(engine.rulebook().rules().size());
    std::vector<std::uint8_t> carried;
    std::size_t i = 0;
    for (const auto& file : files) {
        const LoadResult r = load_case_file(file, calendar());
        if (!r.ok()) continue;
        CaseFigures figures(engine, *r.kase, evidence, CaseFigures::Detail::counts);
        engine.evaluate_each_rule(*r.kase, as_of, [&](std::span<const Finding> f) { figures.add(engine, *r.kase, f, {}); });
        evidence.carried(*r.kase, carried);
        for (std::size_t n = 0; n < 1 + i % 37; ++n) {
            one.add(figures);
            (n % 2 == 0 ? first : second).add(figures);
            for (std::size_t rule = 0; rule < carried.size(); ++rule) expected[rule] += carried[rule];
        }
        ++i;
    }
    ASSERT_GT(i, 30u);
    first.merge(second);
    const Aggregates copy(one);
    std::size_t rows = 0;
    for (const Aggregates* a : std::array<const Aggregates*, 3>{&one, &first, &copy})
        for (const RuleCoverage& c : a->coverage()) {
            const auto rule = engine.rulebook().index_of(c.rule);
            ASSERT_TRUE(rule);
            EXPECT_EQ(c.files_with_evidence, expected[*rule]) << c.rule;
            ++rows;
        }
    EXPECT_GT(rows, 60u);
    EXPECT_GT(*std::max_element(expected.begin(), expected.end()), 1000u);
}
