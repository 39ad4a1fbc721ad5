// The HTML report's structure (include/barnetslov/html_report.hpp): self-contained, one row per
// finding with its status class, one aggregate row per group, Danish labels, and no CPR number.
// tests/html_browser_test.sh checks the same markup as a browser renders it.
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/html_report.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

namespace fs = std::filesystem;
using namespace barnetslov;

namespace {

const fs::path examples = fs::path(BARNETSLOV_SOURCE_DIR) / "examples";

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string fmt_tag(std::string_view before, std::string_view tag, std::string_view after) {
    std::string s(before);
    s.append(tag).append(after);
    return s;
}

// A case whose child has a CPR number: it must not reach the report in any spelling.
const std::string cpr_case =
    "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0900\" municipality=\"Eksempel Kommune\" unit=\"Nord &amp; Syd\">\n"
    "  <child id=\"barn\" cpr=\"150610-4321\"/>\n"
    "  <events>\n"
    "    <underretning id=\"u1\" received-at=\"2024-03-28T14:30\" notifier=\"professional\" channel=\"phone\"/>\n"
    "    <akutvurdering id=\"a1\" at=\"2024-03-30T09:10\" ref=\"u1\"/>\n"
    "  </events>\n"
    "</case>\n";

class HtmlReportTest : public ::testing::Test {
protected:
    Engine engine;
    Instant as_of{};
    std::vector<Report> reports;

    void SetUp() override {
        std::ifstream in(examples / "expected" / "AS_OF");
        std::string text;
        in >> text;
        const ParsedMoment p = parse_moment(text, engine.calendar());
        ASSERT_EQ(p.status, MomentParse::ok) << text;
        as_of = p.moment.instant;
        // A late 24-hour assessment, a missed 4-month deadline, pending deadlines, a violation.
        for (const char* name : {"03-late-24-hour-assessment.xml", "04-kvittering-after-easter.xml",
                                 "06-investigation-past-4-months-without-preliminary.xml", "07-decision-without-child-views.xml",
                                 "09-open-case-with-deadlines-ahead.xml", "19-clean-section-32-trajectory.xml"}) {
            LoadResult r = load_case_file(examples / name, engine.calendar());
            ASSERT_TRUE(r.ok()) << name;
            reports.push_back(engine.evaluate(r.kase, as_of));
        }
        LoadResult r = load_case_buffer(cpr_case, "cpr-case.xml", engine.calendar());
        ASSERT_TRUE(r.ok());
        ASSERT_EQ(r.kase->cpr(), "150610-4321");
        reports.push_back(engine.evaluate(r.kase, as_of));
    }

    std::string render(Lang lang, const Aggregates& figures, bool with_error = false) {
        HtmlReport html(engine, lang, as_of);
        for (const Report& r : reports) html.add_case(r);
        if (with_error) html.add_error(InputError{"broken <file>.xml", {3, 7}, "not well-formed"});
        return html.finish(figures);
    }

    Aggregates figures(GroupBy by = GroupBy::rule) {
        Aggregates a(engine, by);
        for (const Report& r : reports) a.add(r);
        return a;
    }
};

TEST_F(HtmlReportTest, IsSelfContained) {
    const std::string html = render(Lang::en, figures());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_EQ(count(html, "<script"), 0u);
    EXPECT_EQ(count(html, "http"), 0u);  // no http(s):// anywhere, not even in text
    EXPECT_EQ(count(html, "=\"//"), 0u);  // no protocol-relative src or href
    EXPECT_EQ(count(html, "<link"), 0u);
    EXPECT_EQ(count(html, "@import"), 0u);
    EXPECT_EQ(count(html, "url("), 0u);
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(HtmlReportTest, TagsBalance) {
    const std::string html = render(Lang::en, figures(), true);
    for (std::string_view tag : {"section", "table", "tr", "svg", "ul", "li", "g", "title", "text", "p", "td", "th"}) {
        // "<t" also starts "<title", "<table", ...: count an opening tag only when a space or '>' follows.
        const std::size_t opens = count(html, fmt_tag("<", tag, " ")) + count(html, fmt_tag("<", tag, ">"));
        EXPECT_EQ(opens, count(html, fmt_tag("</", tag, ">"))) << tag;
    }
    EXPECT_EQ(count(html, "<section class=\"case\""), reports.size());
}

// A problem finding has a row of its own; the others are counted, per status, in data-STATUS of
// the case's "others" paragraph.
std::size_t others_count(const std::string& html, std::string_view status) {
    std::size_t n = 0;
    const std::string key = fmt_tag(" data-", status, "=\"");
    for (std::size_t at = html.find("<p class=\"others\""); at != std::string::npos; at = html.find("<p class=\"others\"", at + 1)) {
        const std::size_t k = html.find(key, at);
        if (k != std::string::npos && k < html.find('>', at)) n += std::stoul(html.substr(k + key.size()));
    }
    return n;
}

TEST_F(HtmlReportTest, OneRowPerFindingWithItsStatus) {
    const std::string html = render(Lang::en, figures());
    std::size_t problems = 0;
    std::array<std::size_t, status_count> per_status{};
    for (const Report& r : reports) {
        for (const Finding& f : r.findings) {
            ++per_status[static_cast<std::size_t>(f.status)];
            problems += is_problem(f.status);
        }
    }
    EXPECT_EQ(count(html, "<tr class=\"finding"), problems);
    for (std::size_t s = 0; s < status_count; ++s) {
        const Status st = static_cast<Status>(s);
        if (!is_problem(st)) {
            EXPECT_EQ(count(html, "<tr class=\"finding status-" + std::string(to_string(st)) + "\""), 0u);
            EXPECT_EQ(others_count(html, to_string(st)), per_status[s]) << to_string(st);
            continue;
        }
        const std::string name(to_string(static_cast<Status>(s)));
        EXPECT_EQ(count(html, "<tr class=\"finding status-" + name + "\""), per_status[s]) << name;
        EXPECT_EQ(count(html, "data-status=\"" + name + "\""), per_status[s]) << name;
    }
    // The examples chosen give a late, a missed, a violated and a pending finding.
    for (Status s : {Status::met, Status::late, Status::missed, Status::violated, Status::pending})
        EXPECT_GT(per_status[static_cast<std::size_t>(s)], 0u) << to_string(s);
    // The colours the issue names are in the style sheet, keyed by the status classes; missed and
    // violated apart (issue 17: they shared a colour).
    for (std::string_view rule : {".status-met{fill:var(--met)}", ".status-late{fill:var(--late)}", ".status-missed{fill:var(--missed)}",
                                  ".status-violated{fill:var(--violated)}",
                                  ".status-pending{fill:var(--pending)}"})
        EXPECT_NE(html.find(rule), std::string::npos) << rule;
    // Every problem finding with a deadline has a marker on its case's timeline.
    std::size_t deadlines = 0;
    for (const Report& r : reports)
        for (const Finding& f : r.findings) deadlines += f.deadline.has_value() && is_problem(f.status);
    EXPECT_EQ(count(html, "<circle class=\"due status-"), deadlines);
    EXPECT_EQ(count(html, "<svg class=\"timeline\""), reports.size());
}

TEST_F(HtmlReportTest, OneAggregateRowPerGroupAndOneBarPerJudgedRule) {
    for (GroupBy by : {GroupBy::rule, GroupBy::year, GroupBy::unit}) {
        const Aggregates a = figures(by);
        const std::string html = render(Lang::en, a);
        const std::size_t table = html.find("<table class=\"aggregates\">");
        ASSERT_NE(table, std::string::npos);
        const std::string aggregates = html.substr(table, html.find("</table>", table) - table);
        EXPECT_EQ(count(aggregates, "<tr data-rule=\""), a.groups().size());
        std::set<std::string> judged;
        for (const GroupFigures* g : a.groups())
            if (g->share_on_time()) judged.insert(g->rule);
        EXPECT_EQ(count(html, "<rect class=\"bar\" data-rule=\""), judged.size());
        EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
    }
}

// docs/national-figures.json: a reference line only for a rule with a cited published figure, never
// for another, and every figure cited with its address and date (issue 17).
TEST_F(HtmlReportTest, NationalReferenceOnlyWhereCited) {
    ASSERT_FALSE(national_figures().empty());
    for (const NationalFigure& f : national_figures()) {
        EXPECT_NE(engine.rulebook().find(f.rule), nullptr) << f.rule;
        EXPECT_GT(f.share, 0.0);
        EXPECT_LE(f.share, 1.0);
        EXPECT_EQ(f.address.rfind("https://", 0), 0u) << f.rule;
        EXPECT_FALSE(f.source.empty() || f.published.empty() || f.read_on.empty() || f.what.empty()) << f.rule;
    }
    const Aggregates a = figures();
    const std::string html = render(Lang::en, a);
    std::size_t drawn = 0;
    for (const GroupFigures* g : a.groups()) {
        const bool bar = html.find("<rect class=\"bar\" data-rule=\"" + g->rule + "\"") != std::string::npos;
        const bool line = html.find("<line class=\"national\" data-rule=\"" + g->rule + "\"") != std::string::npos;
        EXPECT_EQ(line, bar && national_figure(g->rule) != nullptr) << g->rule;
        drawn += line;
    }
    EXPECT_EQ(count(html, "<line class=\"national\""), drawn);
    EXPECT_GT(drawn, 0u);  // BL-UND-24H has a bar in these examples and a cited figure
}

TEST_F(HtmlReportTest, DanishLabels) {
    const std::string da = render(Lang::da, figures());
    EXPECT_NE(da.find("<html lang=\"da\">"), std::string::npos);
    for (std::string_view label : {"Samlede tal", "Andel rettidigt pr. regel", "overholdt", "for sent", "verserende", "Regel", "Frist",
                                   "opgjort pr.", "udløst af", "linje"})
        EXPECT_NE(da.find(label), std::string::npos) << label;
    EXPECT_EQ(da.find("Share on time"), std::string::npos);
    EXPECT_EQ(da.find(">Rule<"), std::string::npos);
}

TEST_F(HtmlReportTest, EscapesTextAndListsErrors) {
    const std::string html = render(Lang::en, figures(), true);
    EXPECT_NE(html.find("Nord &amp; Syd"), std::string::npos);
    EXPECT_EQ(html.find("Nord & Syd"), std::string::npos);
    const std::size_t list = html.find("<ul class=\"errors\">");
    ASSERT_NE(list, std::string::npos);
    EXPECT_NE(html.find("<li>broken &lt;file&gt;.xml:3:7: not well-formed</li>", list), std::string::npos);
    EXPECT_EQ(count(render(Lang::en, figures()), "class=\"errors\""), 0u);
}

TEST_F(HtmlReportTest, NeverShowsACprNumber) {
    for (Lang lang : {Lang::en, Lang::da}) {
        const std::string html = render(lang, figures(GroupBy::unit), true);
        EXPECT_NE(html.find("data-case=\"2024-0900\""), std::string::npos);
        for (const Report& r : reports) {
            const std::string cpr = r.kase->cpr();
            if (cpr.empty()) continue;
            std::string plain = cpr;
            std::erase(plain, '-');
            for (const std::string& s : {cpr, plain, plain.substr(0, 6) + "-" + plain.substr(6)})
                EXPECT_EQ(html.find(s), std::string::npos) << r.kase->source() << " shows " << s;
        }
    }
}

TEST_F(HtmlReportTest, AFilterLimitsTheRowsShown) {
    AggregateFilter only{{"BL-UND-24H"}, std::nullopt, std::nullopt};
    Aggregates a(engine, GroupBy::rule, only);
    HtmlReport html(engine, Lang::en, as_of);
    std::size_t n = 0;
    for (const Report& r : reports) {
        a.add(r);
        html.add_case(r, only);
        for (const Finding& f : r.findings) n += engine.meta(f).id == "BL-UND-24H" && is_problem(f.status);
    }
    const std::string out = html.finish(a);
    EXPECT_GT(n, 0u);
    EXPECT_EQ(count(out, "<tr class=\"finding"), n);
    EXPECT_EQ(count(out, "<tr class=\"finding"), count(out, "data-rule=\"BL-UND-24H\" data-status="));
}


// --cases: which cases get a section; the index of problem cases per rule, linked from outside by
// html_problems_anchor(); and the page the same whether ready() is drained as it goes or not.
TEST_F(HtmlReportTest, CaseSelectionAndProblemIndex) {
    std::size_t problem_cases = 0;
    std::set<std::string> problem_rules;
    for (const Report& r : reports) {
        bool problem = false;
        for (const Finding& f : r.findings)
            if (is_problem(f.status)) {
                problem = true;
                problem_rules.insert(std::string(engine.meta(f).id));
            }
        problem_cases += problem;
    }
    ASSERT_GT(problem_cases, 0u);
    ASSERT_LT(problem_cases, reports.size());  // the examples chosen hold a case without problems
    const Aggregates a = figures();
    auto page = [&](HtmlOptions o, bool drain) {
        HtmlReport html(engine, Lang::en, as_of, o);
        std::string out;
        for (const Report& r : reports) {
            html.add_case(r);
            if (drain) {
                out += html.ready();
                html.ready().clear();
            }
        }
        std::string rest = html.finish(a, [&out](std::string& done) {
            out += done;
            done.clear();
        });
        for (const std::string& rule : problem_rules) EXPECT_EQ(html.indexed(rule), o.index == true) << rule;
        return out + rest;
    };
    const std::string all = page({HtmlCases::all, false}, true);
    EXPECT_EQ(all, page({HtmlCases::all, false}, false));
    EXPECT_EQ(all, page({}, true));  // unset: all, for a batch of a few cases, without the index
    EXPECT_EQ(count(all, "<section class=\"case\""), reports.size());
    EXPECT_EQ(count(all, "id=\"problems"), 0u);
    EXPECT_NE(all.find("data-cases=\"all\""), std::string::npos);

    const std::string problems = page({HtmlCases::problems, true}, true);
    EXPECT_EQ(problems, page({HtmlCases::problems, true}, false));
    EXPECT_EQ(count(problems, "<section class=\"case\""), problem_cases);
    EXPECT_NE(problems.find("data-shown=\"" + std::to_string(problem_cases) + "\""), std::string::npos);
    for (const std::string& rule : problem_rules) EXPECT_EQ(count(problems, "id=\"" + html_problems_anchor(rule) + "\""), 1u) << rule;
    EXPECT_EQ(count(problems, "<section class=\"index-rule\""), problem_rules.size());
    // Every link of the index leads to a case section on the page.
    for (std::size_t at = problems.find("<a href=\"#case-"); at != std::string::npos; at = problems.find("<a href=\"#case-", at + 1)) {
        const std::size_t from = at + std::string_view("<a href=\"#").size();
        const std::string target = problems.substr(from, problems.find('"', from) - from);
        EXPECT_EQ(count(problems, "<section class=\"case\" data-case=\""), problem_cases);
        EXPECT_NE(problems.find("\" id=\"" + target + "\">"), std::string::npos) << target;
    }

    const std::string none = page({HtmlCases::none, true}, true);
    EXPECT_EQ(count(none, "<section class=\"case\""), 0u);
    EXPECT_EQ(count(none, "<tr class=\"finding"), 0u);
    EXPECT_EQ(count(none, "<a href=\"#case-"), 0u);  // no section to link to
    EXPECT_EQ(count(none, "<section class=\"index-rule\""), problem_rules.size());
    EXPECT_EQ(html_problems_anchor("BL-UND-24H"), "problems-BL-UND-24H");
}

// Unset, the selection turns to problems once the batch passes html_all_cases_limit cases, and
// the index comes on above html_index_limit.
TEST_F(HtmlReportTest, DefaultsForALargeBatch) {
    std::size_t n = 0, problem_cases = 0;
    HtmlReport html(engine, Lang::en, as_of);
    Aggregates a = figures();
    std::string out;
    while (n <= html_index_limit) {
        for (const Report& r : reports) {
            html.add_case(r);
            ++n;
            problem_cases += std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return is_problem(f.status); });
        }
        out += html.ready();
        html.ready().clear();
    }
    out += html.finish(a);
    EXPECT_EQ(count(out, "<section class=\"case\""), problem_cases);
    EXPECT_NE(out.find("data-cases=\"problems\""), std::string::npos);
    EXPECT_NE(out.find("<div class=\"index\""), std::string::npos);
    EXPECT_TRUE(html.indexed("BL-UND-24H"));
}

}  // namespace
