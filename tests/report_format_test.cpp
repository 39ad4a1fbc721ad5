// The reports' date and time pieces (include/barnetslov/report.hpp) against fmt and date's own
// conversions: append_day writes years 0000-9999 by civil_date (no division) and the rest with fmt.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "barnetslov/calendar.hpp"
#include "barnetslov/case.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "report/text_pieces.hpp"  // private to src/report

namespace {

// What the text report writes through a pointer (put_moment): append_moment's text, at most
// moment_text_max bytes.
std::string put(const barnetslov::Moment& m, const barnetslov::Calendar& cal) {
    char text[barnetslov::moment_text_max];
    const char* end = barnetslov::put_moment(text, m, cal);
    return std::string(text, static_cast<std::size_t>(end - text));
}

std::string oracle(barnetslov::LocalDay d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

TEST(AppendDay, EveryDayOfYears0000To9999AndBeyondAsFmtOfYearMonthDay) {
    const barnetslov::Calendar cal;
    const barnetslov::LocalDay from{date::year{-3} / 1 / 1}, to{date::year{10003} / 1 / 1};
    std::size_t wrong = 0;
    std::string got;
    for (barnetslov::LocalDay d = from; d < to; d += date::days{1}) {
        got.clear();
        barnetslov::append_day(got, d);
        if (got != oracle(d) && ++wrong <= 5) ADD_FAILURE() << got << " != " << oracle(d);
        const barnetslov::Moment date_only{barnetslov::Instant{d.time_since_epoch()}, d, false};  // put_moment reads only the day
        if (put(date_only, cal) != got && ++wrong <= 5) ADD_FAILURE() << "put_moment: " << put(date_only, cal) << " != " << got;
    }
    EXPECT_EQ(wrong, 0u);
    // Far outside, where civil_date's unsigned arithmetic would wrap: still fmt's text.
    for (const int y : {-32767, -5000, 20000, 32767})
        EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{y} / 6 / 15}), oracle(barnetslov::LocalDay{date::year{y} / 6 / 15}));
    EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{2024} / 3 / 28}), "2024-03-28");
    EXPECT_EQ(barnetslov::format_day(barnetslov::LocalDay{date::year{-1} / 12 / 31}), "-001-12-31");
}

// A moment with a time: "YYYY-MM-DD HH:MM", ":SS" only when the seconds are not zero, in Copenhagen's
// local time, made in one piece; against fmt of date's year_month_day and hh_mm_ss.
TEST(AppendMoment, LocalTimesAcrossYearsAndSummerTimeAsFmtOfDate) {
    const barnetslov::Calendar cal;
    std::size_t wrong = 0, checked = 0;
    const auto check = [&](barnetslov::Instant t) {
        const barnetslov::LocalTime lt = cal.local_time(t);
        const barnetslov::LocalDay day = date::floor<date::days>(lt);
        const date::hh_mm_ss<std::chrono::seconds> tod{lt - day};
        std::string want = oracle(day) + fmt::format(" {:02}:{:02}", tod.hours().count(), tod.minutes().count());
        if (tod.seconds().count() != 0) want += fmt::format(":{:02}", tod.seconds().count());
        const std::string got = barnetslov::format_moment(barnetslov::Moment{t, day, true}, cal);
        const std::string put_text = put(barnetslov::Moment{t, day, true}, cal);
        ++checked;
        if (got != want && ++wrong <= 5) ADD_FAILURE() << got << " != " << want;
        if (put_text != want && ++wrong <= 5) ADD_FAILURE() << "put_moment: " << put_text << " != " << want;
    };
    // Every 7 min 13 s over 2023-2025 (odd steps: every minute and second value, both summer-time changes).
    for (barnetslov::Instant t{date::sys_days{date::year{2023} / 1 / 1}}; t < barnetslov::Instant{date::sys_days{date::year{2026} / 1 / 1}};
         t += std::chrono::seconds{433})
        check(t);
    for (const int y : {1900, 1901, 1999, 2199})
        for (int k = 0; k < 2000; ++k) check(barnetslov::Instant{date::sys_days{date::year{y} / 1 / 1}} + std::chrono::seconds{k * 15'791});
    EXPECT_EQ(wrong, 0u) << "of " << checked;
    // Far outside 0000-9999, with a time and without: by fmt.
    for (const int y : {-32767, -1, 10000, 20000, 32767}) {
        const barnetslov::LocalDay day{date::year{y} / 6 / 15};
        const barnetslov::Instant noon{date::sys_days{date::year{y} / 6 / 15} + std::chrono::hours{11} + std::chrono::seconds{7}};
        check(noon);
        const barnetslov::Moment date_only{cal.start_of_local_day(day), day, false};
        EXPECT_EQ(put(date_only, cal), oracle(day)) << y;
        EXPECT_EQ(barnetslov::format_moment(date_only, cal), oracle(day)) << y;
    }
    EXPECT_EQ(wrong, 0u) << "of " << checked;
    EXPECT_EQ(barnetslov::format_moment(barnetslov::Moment{barnetslov::Instant{date::sys_days{date::year{2024} / 3 / 28}} + std::chrono::hours{13} +
                                                               std::chrono::minutes{30},
                                                           barnetslov::LocalDay{date::year{2024} / 3 / 28}, true},
                                        cal),
              "2024-03-28 14:30");
}

}  // namespace

namespace {

// The text report's buffer: on the caller's stack until a piece needs more room than is left, then
// on the heap with what was written so far.
TEST(TextBuffer, GrowsFromTheStackToTheHeapKeepingItsText) {
    char local[8];
    barnetslov::TextBuffer out(local, sizeof local);
    std::string want;
    for (int k = 0; k < 2000; ++k) {
        const std::string piece = std::to_string(k) + (k % 7 == 0 ? std::string(k % 300, 'x') : ",");
        if (k % 2 == 0) {
            out.append(piece);
        } else {  // through the cursor, with more room asked than used
            char* p = out.room(piece.size() + 100);
            out.set(barnetslov::put(p, piece));
        }
        want += piece;
        ASSERT_EQ(out.text(), want) << k;
    }
    out.resize(5);
    EXPECT_EQ(out.text(), want.substr(0, 5));
    out.clear();
    EXPECT_EQ(out.size(), 0u);
    out.append("abc");
    EXPECT_EQ(out.text(), "abc");
}

// put copies every length, the short ones inline by overlapping copies, and writes nothing past it.
TEST(Put, EveryLengthFrom0To80) {
    std::string source(81, ' ');
    for (std::size_t i = 0; i < source.size(); ++i) source[i] = static_cast<char>('!' + i);
    for (std::size_t n = 0; n < source.size(); ++n) {
        std::string target(100, '.');
        const char* end = barnetslov::put(target.data() + 3, std::string_view(source).substr(1, n));
        EXPECT_EQ(end, target.data() + 3 + n);
        EXPECT_EQ(target, std::string(3, '.') + source.substr(1, n) + std::string(97 - n, '.')) << n;
    }
    char one = 'x';
    EXPECT_EQ(barnetslov::put(&one, std::string_view{}), &one);  // null data, nothing written
    EXPECT_EQ(one, 'x');
}

// put_int writes as fmt does, at most int_text_max bytes.
TEST(PutInt, AsFmt) {
    for (const std::int64_t v : {std::int64_t{0}, std::int64_t{7}, std::int64_t{-7}, std::int64_t{10}, std::int64_t{99}, std::int64_t{100},
                                 std::int64_t{65535}, std::int64_t{-86399}, std::numeric_limits<std::int64_t>::max(),
                                 std::numeric_limits<std::int64_t>::min()}) {
        char text[barnetslov::int_text_max];
        const char* end = barnetslov::put_int(text, v);
        EXPECT_EQ(std::string(text, static_cast<std::size_t>(end - text)), fmt::format("{}", v));
    }
    // Every number of up to six digits, and each power of ten and its neighbours: the digits are
    // written in pairs, an odd one first.
    std::vector<std::int64_t> values;
    for (std::int64_t v = -999999; v <= 999999; ++v) values.push_back(v);
    for (std::int64_t ten = 1; ten <= std::numeric_limits<std::int64_t>::max() / 10; ten *= 10)
        for (const std::int64_t v : {ten - 1, ten, ten + 1, 10 * ten - 1}) values.insert(values.end(), {v, -v});
    for (const std::int64_t v : values) {
        char text[barnetslov::int_text_max];
        const char* end = barnetslov::put_int(text, v);
        ASSERT_EQ(std::string_view(text, static_cast<std::size_t>(end - text)), fmt::format_int(v).str()) << v;
    }
}

}  // namespace

namespace {

// Calls each(name, report) for every example's report as of the examples' day and far later (more
// deadlines missed, months open).
template <class Each>
void for_each_example_report(const barnetslov::Engine& engine, Each each) {
    for (const char* as_of_text : {"2024-12-01", "2199-01-01"}) {
        const barnetslov::ParsedMoment as_of = barnetslov::parse_moment(as_of_text, engine.calendar());
        ASSERT_EQ(as_of.status, barnetslov::MomentParse::ok);
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(BARNETSLOV_SOURCE_DIR) / "examples")) {
            if (entry.path().extension() != ".xml") continue;
            barnetslov::LoadResult loaded = barnetslov::load_case_file(entry.path(), engine.calendar());
            if (!loaded.ok()) continue;  // the examples of input errors
            each(entry.path().filename().string(), engine.evaluate(loaded.kase, as_of.moment.instant));
        }
    }
}

// The text report writes a finding's pieces straight into its lines; describe() copies the same pieces
// into a FindingText. Over every example, as of the examples' day and far later (more deadlines
// missed, months open), in both languages: each finding's due, result and basis lines in the text
// are describe()'s counting, summary with the margin inside its full stop, and basis, in order.
TEST(TextReport, FindingLinesAreDescribesPieces) {
    const barnetslov::Engine engine;
    std::size_t findings = 0, with_counting = 0, with_margin = 0;
    for_each_example_report(engine, [&](const std::string& name, const barnetslov::Report& report) {
        for (const barnetslov::Lang lang : {barnetslov::Lang::da, barnetslov::Lang::en}) {
            std::string text;
            barnetslov::write_text(text, engine, report, lang);
            std::size_t at = 0;
            for (const barnetslov::Finding& f : report.findings) {
                const barnetslov::FindingText t = barnetslov::describe(engine, report, f, lang);
                const std::string result = [&] {
                    std::string r = t.summary;
                    if (!t.margin.empty() && !r.empty() && r.back() == '.') r.insert(r.size() - 1, " (" + t.margin + ")");
                    return r;
                }();
                for (const std::string* line : {&t.counting, &result, &t.basis}) {
                    if (line->empty()) continue;
                    const std::size_t found = text.find(" " + *line + "\n", at);
                    ASSERT_NE(found, std::string::npos) << name << ": " << *line;
                    at = found + line->size();
                }
                ++findings;
                with_counting += !t.counting.empty();
                with_margin += !t.margin.empty();
            }
        }
    });
    EXPECT_GT(findings, 500u);
    EXPECT_GT(with_counting, 100u);
    EXPECT_GT(with_margin, 100u);
}

// The text report writes most findings' summaries inline (reasons_own_summary) and calls
// put_summary for the rest. Over every example, as of the examples' day and far later, in both
// languages: what the inline path takes is the reason's own sentence and nothing more, and every
// finding it declines carries an attribute, a count or a months-open clock (put_summary composes those).
TEST(TextReport, ReasonsOwnSummaryOnlyForUncomposedFindings) {
    const barnetslov::Engine engine;
    std::size_t own = 0, composed = 0;
    for_each_example_report(engine, [&](const std::string& name, const barnetslov::Report& report) {
        for (const barnetslov::Lang lang : {barnetslov::Lang::da, barnetslov::Lang::en}) {
            for (const barnetslov::Finding& f : report.findings) {
                if (const std::optional<std::string_view> text = barnetslov::reasons_own_summary(f, lang)) {
                    ++own;
                    EXPECT_EQ(*text, barnetslov::reason_summary(f.reason, lang)) << name;
                    EXPECT_EQ(*text, barnetslov::describe(engine, report, f, lang).summary) << name;
                } else {
                    ++composed;
                    EXPECT_TRUE(f.attribute || f.required > 0 || (f.reason && f.reason->tells_months_open && f.deadline)) << name;
                }
            }
        }
    });
    EXPECT_GT(own, 500u);
    EXPECT_GT(composed, 50u);
}

// The text report writes a few findings at a time into its buffer before appending them (on the
// heap past the stack's room): the same bytes as writing each finding alone. Over every example, as of
// the examples' day and far later, in both languages: the whole report is its header followed by
// each finding's lines as a report of that finding alone writes them.
TEST(TextReport, FindingsWrittenTogetherAsEachAlone) {
    const barnetslov::Engine engine;
    std::size_t reports = 0, long_reports = 0;
    for_each_example_report(engine, [&](const std::string& name, const barnetslov::Report& report) {
        if (report.findings.empty()) return;
        for (const barnetslov::Lang lang : {barnetslov::Lang::da, barnetslov::Lang::en}) {
            std::string whole;
            barnetslov::write_text(whole, engine, report, lang);
            barnetslov::Report none = report;
            none.findings.clear();
            std::string head;
            barnetslov::write_text(head, engine, none, lang);
            head.resize(head.rfind("  ", head.size() - 2));  // less its "no findings" line
            std::string expected = head;
            for (const barnetslov::Finding& f : report.findings) {
                barnetslov::Report alone = none;
                alone.findings.push_back(f);
                std::string text;
                barnetslov::write_text(text, engine, alone, lang);
                ASSERT_EQ(text.substr(0, head.size()), head) << name;
                expected += text.substr(head.size());
            }
            EXPECT_EQ(whole, expected) << name;
            ++reports;
            long_reports += whole.size() - head.size() > 8192;
        }
    });
    EXPECT_GT(reports, 50u);
    EXPECT_GT(long_reports, 0u);  // past the stack buffer: appended in several pieces, the heap reached
}

// The header line of each finding ("BL-UND-24H  barnets lov § 136  Assessment of ...") is made once per
// rule, version and language (text_report.cpp's HeaderLines): for every rule of the rulebook, each of
// its versions and none, in both languages, the line a finding of it starts with is fmt's of its metadata.
TEST(TextReport, HeaderLinesAsFmtOfTheRuleMeta) {
    const barnetslov::Engine engine;
    barnetslov::Report report;
    for_each_example_report(engine, [&](const std::string&, const barnetslov::Report& r) {
        if (!report.kase && !r.findings.empty()) report = r;
    });
    ASSERT_TRUE(report.kase);
    barnetslov::Finding f = report.findings.front();
    f.events.clear();
    f.deadline.reset();
    std::size_t lines = 0;
    const auto rules = engine.rulebook().rules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const barnetslov::RuleMeta& m = rules[i]->meta();
        for (std::size_t k = 0; k <= m.versions.size(); ++k) {
            f.rule = static_cast<std::uint16_t>(i);
            f.has_version = k < m.versions.size();
            f.version = static_cast<std::uint8_t>(f.has_version ? k : 0);
            report.findings.assign(1, f);
            for (const barnetslov::Lang lang : {barnetslov::Lang::da, barnetslov::Lang::en}) {
                const std::string_view title = lang == barnetslov::Lang::da ? m.title_da : m.title_en;
                const std::string expected =
                    f.has_version ? fmt::format("{}  {} {}  {}\n", m.id, barnetslov::law_name_da(m.versions[k].law), m.versions[k].section, title)
                                  : fmt::format("{}  -  {}\n", m.id, title);
                std::string text;
                barnetslov::write_text(text, engine, report, lang);
                const std::size_t start = text.find('\n') + 1;
                const std::string line = text.substr(start, text.find('\n', start) + 1 - start);
                ASSERT_GT(line.size(), expected.size()) << m.id;
                EXPECT_EQ(line.substr(line.size() - expected.size()), expected) << m.id;
                ++lines;
            }
        }
    }
    EXPECT_GT(lines, 2 * rules.size());
}

}  // namespace
