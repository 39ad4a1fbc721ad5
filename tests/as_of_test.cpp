// Judging a finished case decades later (issue 20, item 3). Once every measure and placement of a
// case has ended, a later as-of date can only move the duties the case already has on: a deadline
// still running is now passed, a window still open has closed. It invents no new duty — no
// supervision year after the placement ended, no follow-up of a measure that no longer runs. The
// one kind of duty that may first appear later is one counted from the child's birthday, which a
// rule lists from a year before its due day (the 17½-year ungestøtte decision, the contact person
// from 18): if the measure ended before then, it can only be not_applicable. So, as of 2199-12-31
// against as of the end of the year of the last event, for every example and rule fixture with an
// indsats-slut added for each of its measure starts:
//  - every finding has one counterpart (rule, subject, start and due day of its deadline), and
//  - a finding as of 2199 without a counterpart is not_applicable and due more than a year after the
//    year end (a duty counted from a birthday, not yet listed then).
// Not timed: the cost itself is measured in bench/ (BM_EvaluateEndedAsOf).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "case_files.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = BARNETSLOV_SOURCE_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The case file with `<indsats-slut ref="X"/>` on the day of its last event for every measure start X
// (those that ended already end no later: MeasureEnds takes the earliest end). Empty when the file
// has no measure start or no events element.
std::string with_measures_ended(const std::string& xml, const std::string& last_day) {
    static const std::regex start(R"re(<indsats-start\s[^>]*?\bid="([^"]+)")re");
    std::string ends;
    int n = 0;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), start); it != std::sregex_iterator(); ++it)
        ends += "<indsats-slut id=\"as-of-test-end-" + std::to_string(++n) + "\" at=\"" + last_day + "\" ref=\"" + (*it)[1].str() +
                "\"/>\n";
    const std::size_t at = xml.rfind("</events>");
    if (n == 0 || at == std::string::npos) return {};
    std::string out = xml;
    out.insert(at, ends);
    return out;
}

std::string iso(LocalDay d) {
    const auto y = ymd(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(y.year()), unsigned(y.month()), unsigned(y.day()));
    return buf;
}

using Key = std::tuple<std::uint16_t, std::uint32_t, long, long>;  // rule, subject, deadline start day, due day
Key key_of(const Finding& f) {
    if (!f.deadline) return {f.rule, f.subject, 0, 0};
    return {f.rule, f.subject, f.deadline->start.day.time_since_epoch().count(), f.deadline->due_day.time_since_epoch().count()};
}

std::map<Key, int> keys(const Report& r) {
    std::map<Key, int> out;
    for (const Finding& f : r.findings) ++out[key_of(f)];
    return out;
}

TEST(AsOf, AFinishedCaseJudgedDecadesLaterHasTheSameDuties) {
    const Engine engine;
    const Calendar& cal = engine.calendar();
    const Instant far = cal.end_of_local_day(local_day(calendar_last_year, 12, 31)) - Seconds{1};
    int cases = 0;
    for (const fs::path& p : test::examples_and_fixtures()) {
        const std::string xml = read(p);
        const LoadResult original = load_case_buffer(xml, p.string(), cal);
        if (!original.ok() || original.kase->events().empty()) continue;  // the fixtures of input errors
        const LocalDay last = original.kase->events().back().at().day;
        const std::string ended = with_measures_ended(xml, iso(last));
        if (ended.empty()) continue;
        const LoadResult loaded = load_case_buffer(ended, p.string(), cal);
        ASSERT_TRUE(loaded.ok()) << p << ": " << loaded.errors.front().to_string();
        ++cases;
        const Instant year_end = cal.end_of_local_day(local_day(int(ymd(last).year()), 12, 31)) - Seconds{1};
        const Report near = engine.evaluate(loaded.kase, year_end);
        const Report later = engine.evaluate(loaded.kase, far);
        const auto near_keys = keys(near);
        const auto later_keys = keys(later);
        for (const auto& [k, n] : near_keys) {
            const auto it = later_keys.find(k);
            EXPECT_TRUE(it != later_keys.end() && it->second == n)
                << p.filename() << ": " << engine.rulebook().rules()[std::get<0>(k)]->meta().id << " on event "
                << loaded.kase->event(std::get<1>(k)).id() << ": " << n << " finding(s) as of the year end, "
                << (it == later_keys.end() ? 0 : it->second) << " as of 2199";
        }
        // A duty counted from a birthday is listed from a year before its due day: one due later than
        // that as of the year end may be new by 2199, and only as not needed.
        const LocalDay listed_until = cal.local_day(year_end) + date::days{366};
        for (const Finding& f : later.findings) {
            if (near_keys.count(key_of(f))) continue;
            EXPECT_TRUE(f.status == Status::not_applicable && f.deadline && f.deadline->due_day > listed_until)
                << p.filename() << ": " << engine.rulebook().rules()[f.rule]->meta().id << " on event "
                << loaded.kase->event(f.subject).id() << ": a new duty as of 2199 after every measure ended"
                << (f.deadline ? ", due " + iso(f.deadline->due_day) : std::string());
        }
    }
    EXPECT_GT(cases, 50);  // the examples and fixtures with a measure start
}

// The counterpart of the above for a placement still running: its supervision years go on to the
// as-of date, one window a year, so a case that has not ended legitimately has more to report later.
TEST(AsOf, ARunningPlacementHasAVisitWindowEveryYear) {
    const Engine engine;
    const Calendar& cal = engine.calendar();
    const LoadResult loaded = load_case_buffer(read(source_dir / "examples" / "13-committee-placement-without-consent.xml"), "13", cal);
    ASSERT_TRUE(loaded.ok());
    const auto tils = engine.rulebook().index_of("BL-TILS-2X");
    ASSERT_TRUE(tils);
    auto windows = [&](int year) {
        const Report r = engine.evaluate(loaded.kase, cal.end_of_local_day(local_day(year, 12, 31)) - Seconds{1});
        return std::count_if(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.rule == *tils; });
    };
    // Placed 2024-09-02: placement years starting 2024-09-02, 2025-09-02, ... up to the as-of date.
    EXPECT_EQ(windows(2025), 2);
    EXPECT_EQ(windows(2199), 2199 - 2024 + 1);
}

// The engine takes the events known as of a moment to be a prefix of the time order (known_events in
// src/engine/rule_interface.hpp: a rule's known() compares an event's index, and the events after the
// as-of time are listed from the end). Checked on every example and fixture, as of each moment where
// the answer can change: every event's instant and the second before it, and the start of every
// event's day and the second before it, by the rule's own test of the event's moment.
TEST(AsOf, TheKnownEventsAreAPrefixOfTheTimeOrder) {
    const Engine engine;
    const Calendar& cal = engine.calendar();
    const auto known = [](const Event& e, Instant as_of, LocalDay as_of_day) {
        return e.at().has_time ? e.at().instant <= as_of : e.at().day <= as_of_day;
    };
    int cases = 0, moments = 0;
    for (const fs::path& p : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_buffer(read(p), p.string(), cal);
        if (!loaded.ok() || loaded.kase->events().empty()) continue;
        ++cases;
        std::vector<Instant> as_of;
        for (const Event& e : loaded.kase->events()) {
            for (const Instant t : {e.at().instant, cal.start_of_local_day(e.at().day), cal.end_of_local_day(e.at().day)}) {
                as_of.push_back(t);
                as_of.push_back(t - Seconds{1});
            }
        }
        for (const Instant t : as_of) {
            ++moments;
            const LocalDay day = cal.local_day(t);
            const auto events = loaded.kase->events();
            const auto first_unknown = std::find_if(events.begin(), events.end(), [&](const Event& e) { return !known(e, t, day); });
            const auto known_after = std::find_if(first_unknown, events.end(), [&](const Event& e) { return known(e, t, day); });
            EXPECT_TRUE(known_after == events.end()) << p << ": event " << known_after->id() << " is known but " << first_unknown->id()
                                                    << " before it is not";
        }
    }
    EXPECT_GT(cases, 300);
    EXPECT_GT(moments, 10000);
}

}  // namespace
