// The indicators for the auditor in the HTML report (docs/indicators.md): charts for goal
// attainment, continuity and the placement pattern in the style of the share-on-time chart (one
// stacked bar per group, n beside it), and tables for the caseload and the early signals. An
// indicator without data in the export says so and draws nothing.
#include "html_indicators.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/echo.hpp"

namespace barnetslov::detail {

namespace {

std::string esc(std::string_view s) { return markup_escape(s, true); }
std::string_view pick(Lang lang, std::string_view da, std::string_view en) { return lang == Lang::da ? da : en; }

std::string percent(std::uint64_t part, std::uint64_t n, Lang lang) {
    if (n == 0) return "–";
    std::string t = fmt::format("{:.1f} %", 100.0 * static_cast<double>(part) / static_cast<double>(n));
    if (lang == Lang::da) std::replace(t.begin(), t.end(), '.', ',');
    return t;
}

std::string decimal(std::uint64_t sum, std::uint64_t n, Lang lang) {
    if (n == 0) return "–";
    std::string t = fmt::format("{:.2f}", static_cast<double>(sum) / static_cast<double>(n));
    if (lang == Lang::da) std::replace(t.begin(), t.end(), '.', ',');
    return t;
}

std::string joined(const std::vector<std::string>& keys) {
    std::string g;
    for (const std::string& k : keys) g += (g.empty() ? "" : " / ") + k;
    return g;
}

std::string_view axis_name(GroupBy by, Lang lang) {
    return by == GroupBy::year           ? pick(lang, "År", "Year")
           : by == GroupBy::quarter      ? pick(lang, "Kvartal", "Quarter")
           : by == GroupBy::month        ? pick(lang, "Måned", "Month")
           : by == GroupBy::municipality ? pick(lang, "Kommune", "Municipality")
                                         : pick(lang, "Enhed", "Unit");
}

void no_data(std::string& out, std::string_view indicator, std::string_view why, Lang lang) {
    fmt::format_to(std::back_inserter(out), "<p class=\"nodata\" data-indicator=\"{}\">{} ({})</p>\n", indicator,
                   pick(lang, "Ingen data i dette udtræk", "No data in this export"), why);
}

// A segment of a stacked bar: its count, the CSS class that colours it, and its name in the legend.
struct Segment {
    std::uint64_t count;
    std::string_view css, label;
};

// One stacked bar per group, the share of the first segment and n beside it; `note` after that.
struct Bar {
    std::string group;
    std::vector<Segment> segments;
    std::string note;
    [[nodiscard]] std::uint64_t n() const {
        std::uint64_t s = 0;
        for (const Segment& g : segments) s += g.count;
        return s;
    }
};

void stacked_chart(std::string& out, std::string_view indicator, std::string_view heading, const std::vector<Bar>& bars, Lang lang) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<h3>{}</h3>\n", heading);
    if (!bars.empty()) {
        out += "<p class=\"legend\">";
        for (const Segment& s : bars.front().segments) fmt::format_to(it, "<span><i class=\"{}\"></i>{}</span>", s.css, s.label);
        out += "</p>\n";
    }
    constexpr int label = 170, bar = 400, row = 20;
    const int height = static_cast<int>(bars.size()) * row + 24;
    // Wider than the share-on-time chart: the text beside a bar says more (n, and what is shown apart).
    fmt::format_to(it, "<svg class=\"chart indicator-chart\" data-indicator=\"{}\" viewBox=\"0 0 1200 {}\" width=\"1200\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
                   indicator, height, height, heading);
    for (int p = 0; p <= 100; p += 25)
        fmt::format_to(it, "<line class=\"axis\" x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\"/><text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\">{3} %</text>\n",
                       label + bar * p / 100, height - 16, height - 4, p);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int y = static_cast<int>(i) * row;
        const std::uint64_t n = b.n();
        fmt::format_to(it, "<g data-group=\"{}\" data-n=\"{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", esc(b.group), n, label - 6, y + 14,
                       esc(b.group));
        fmt::format_to(it, "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", label, y + 3, bar, row - 6);
        double x = label;
        for (const Segment& s : b.segments) {
            if (s.count == 0 || n == 0) continue;
            const double w = static_cast<double>(s.count) / static_cast<double>(n) * bar;
            fmt::format_to(it, "<rect class=\"seg {}\" data-count=\"{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{}: {} ({})</title></rect>",
                           s.css, s.count, x, y + 3, w, row - 6, s.label, s.count, percent(s.count, n, lang));
            x += w;
        }
        fmt::format_to(it, "<text class=\"share\" x=\"{}\" y=\"{}\">{} {} (n={}){}</text></g>\n", label + bar + 8, y + 14,
                       b.segments.empty() ? std::string_view() : b.segments.front().label, percent(b.segments.empty() ? 0 : b.segments.front().count, n, lang),
                       n, b.note.empty() ? "" : "; " + esc(b.note));
    }
    out += "</svg>\n";
}

}  // namespace

void write_indicators(std::string& out, const Indicators& ind, Lang lang) {
    if (!ind.any()) return;
    auto it = std::back_inserter(out);
    const IndicatorCoverage& cov = ind.coverage();
    fmt::format_to(it, "<section class=\"indicators\">\n<h2>{}</h2>\n<p class=\"muted\">{}</p>\n", pick(lang, "Indikatorer", "Indicators"),
                   pick(lang, "Tal, ikke fund mod en regel; definitionerne står i docs/indicators.md.",
                        "Figures, not findings against a rule; docs/indicators.md defines them."));

    // Goal attainment: reached / partly / not reached per group, dropped apart.
    const std::string_view goals_heading = pick(lang, "Målopfyldelse ved opfølgning", "Goal attainment at follow-up");
    if (!cov.goals) {
        fmt::format_to(it, "<h3>{}</h3>\n", goals_heading);
        no_data(out, "goal_attainment", pick(lang, "ingen fil har maal-status", "no file carries maal-status"), lang);
    } else {
        std::map<std::string, std::array<std::uint64_t, goal_status_count>> by_group;
        for (const GoalRow& r : ind.goal_attainment())
            for (std::size_t s = 0; s < goal_status_count; ++s) by_group[joined(r.keys)][s] += r.count[s];
        std::vector<Bar> bars;
        for (const auto& [group, c] : by_group)
            bars.push_back({group,
                            {{c[0], "status-met", pick(lang, "nået", "reached")}, {c[1], "status-late", pick(lang, "delvis", "partly")},
                             {c[2], "status-missed", pick(lang, "ikke nået", "not reached")}},
                            fmt::format("{} {}", c[3], pick(lang, "opgivet (ikke i n)", "dropped (not in n)"))});
        stacked_chart(out, "goal_attainment", goals_heading, bars, lang);
        // Per measure kind and per goal area, over all groups: the breakdowns the chart sums away.
        std::map<std::string, std::array<std::uint64_t, goal_status_count>> by_kind, by_area;
        for (const GoalRow& r : ind.goal_attainment())
            for (std::size_t s = 0; s < goal_status_count; ++s) {
                by_kind[r.measure_kind][s] += r.count[s];
                by_area[r.area][s] += r.count[s];
            }
        fmt::format_to(it, "<table class=\"aggregates indicator-table\" data-indicator=\"goal_attainment\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
                           "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                       pick(lang, "Indsatsens art / målets område", "Measure kind / goal area"), pick(lang, "Nået", "Reached"),
                       pick(lang, "Delvis", "Partly"), pick(lang, "Ikke nået", "Not reached"), pick(lang, "Opgivet", "Dropped"), "n",
                       pick(lang, "Andel nået", "Share reached"));
        for (const auto* by : {&by_kind, &by_area})
            for (const auto& [name, c] : *by) {
                const std::uint64_t n = c[0] + c[1] + c[2];
                fmt::format_to(it, "<tr data-breakdown=\"{}\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                                   "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                               by == &by_kind ? "measure_kind" : "area", esc(name), c[0], c[1], c[2], c[3], n, percent(c[0], n, lang));
            }
        out += "</tbody></table>\n";
    }

    // Continuity: child-periods with one caseworker against more.
    const std::string_view cont_heading = pick(lang, "Kontinuitet: barn-perioder med én rådgiver", "Continuity: child-periods with one caseworker");
    const auto continuity = ind.continuity();
    if (!cov.caseworkers) {
        fmt::format_to(it, "<h3>{}</h3>\n", cont_heading);
        no_data(out, "continuity", pick(lang, "ingen hændelse har caseworker", "no event carries a caseworker"), lang);
    } else {
        std::vector<Bar> bars;
        for (const ContinuityRow& r : continuity)
            bars.push_back({joined(r.keys),
                            {{r.one_caseworker, "status-met", pick(lang, "én rådgiver", "one caseworker")},
                             {r.child_periods - r.one_caseworker, "status-late", pick(lang, "flere", "more")}},
                            fmt::format("{} {} {}, {} {}; {} {}", pick(lang, "gns.", "mean"), decimal(r.caseworkers_sum, r.child_periods, lang),
                                        pick(lang, "rådgivere", "caseworkers"), decimal(r.handovers, r.child_periods, lang),
                                        pick(lang, "skift", "handovers"), r.cases_without_caseworker,
                                        pick(lang, "sager uden rådgiveroplysning", "cases without caseworker data"))});
        stacked_chart(out, "continuity", cont_heading, bars, lang);
    }

    // Placement pattern: family care, institution, other; unknown apart.
    const std::string_view place_heading = pick(lang, "Anbringelsesmønster: familiepleje og institution", "Placement pattern: family care and institutions");
    if (!cov.site_types) {
        fmt::format_to(it, "<h3>{}</h3>\n", place_heading);
        no_data(out, "placement_pattern",
                cov.placements ? pick(lang, "ingen anbringelse har site-type", "no placement carries a site-type")
                               : pick(lang, "ingen anbringelsesafgørelse", "no placement decision"),
                lang);
    } else {
        std::vector<Bar> bars;
        for (const CountsRow& r : ind.placement_pattern()) {
            std::array<std::uint64_t, 4> g{};
            for (const auto& [name, c] : r.counts) g[static_cast<std::size_t>(site_group(name))] += c;
            const auto network = r.counts.find("network-foster-family");
            bars.push_back({joined(r.keys),
                            {{g[0], "place-family", pick(lang, "familiepleje", "family care")},
                             {g[1], "place-institution", pick(lang, "institution", "institution")},
                             {g[2], "place-other", pick(lang, "andet", "other")}},
                            fmt::format("{} {} {} (n={}); {} {}", pick(lang, "netværk", "network"),
                                        percent(network == r.counts.end() ? 0 : network->second, g[0], lang),
                                        pick(lang, "af familiepleje", "of family care"), g[0], g[3], pick(lang, "af ukendt type", "of unknown type"))});
        }
        stacked_chart(out, "placement_pattern", place_heading, bars, lang);
    }

    // Caseload on the day: a table.
    const std::string day = ind.caseload_day() ? fmt::format("{:04}-{:02}-{:02}", int(ymd(*ind.caseload_day()).year()),
                                                             unsigned(ymd(*ind.caseload_day()).month()), unsigned(ymd(*ind.caseload_day()).day()))
                                               : std::string("–");
    fmt::format_to(it, "<h3>{} {}</h3>\n<table class=\"aggregates indicator-table\" data-indicator=\"caseload\" data-day=\"{}\"><thead><tr>",
                   pick(lang, "Sagsbelastning den", "Caseload on"), day, day);
    for (GroupBy by : ind.caseload_axes()) fmt::format_to(it, "<th>{}</th>", axis_name(by, lang));
    fmt::format_to(it, "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n", pick(lang, "Åbne sager", "Open cases"),
                   pick(lang, "Rådgivere", "Caseworkers"), pick(lang, "Åbne sager pr. rådgiver (gns.)", "Open cases per caseworker (mean)"),
                   pick(lang, "Flest hos én", "Most with one"), pick(lang, "Åbne uden rådgiver", "Open without a caseworker"));
    for (const CaseloadRow& r : ind.caseload()) {
        out += "<tr>";
        for (const std::string& k : r.keys) fmt::format_to(it, "<td>{}</td>", esc(k));
        const auto mean = r.mean_open_per_caseworker();
        fmt::format_to(it, "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                       r.open_cases, cov.caseworkers ? std::to_string(r.caseworkers) : "–",
                       cov.caseworkers && mean ? decimal(r.open_cases - r.open_without_caseworker, r.caseworkers, lang) : "–",
                       cov.caseworkers ? std::to_string(r.max_open_per_caseworker) : "–", r.open_without_caseworker);
    }
    out += "</tbody></table>\n";
    if (!cov.caseworkers) no_data(out, "caseload", pick(lang, "om rådgivere: ingen hændelse har caseworker", "on caseworkers: no event carries a caseworker"), lang);

    // Early signals: a table.
    fmt::format_to(it, "<h3>{}</h3>\n", pick(lang, "Tidlige signaler: 3 underretninger inden for 12 måneder",
                                             "Early signals: 3 underretninger within 12 months"));
    if (!cov.underretninger) {
        no_data(out, "early_signals", pick(lang, "ingen underretning", "no underretning"), lang);
    } else {
        fmt::format_to(it, "<table class=\"aggregates indicator-table\" data-indicator=\"early_signals\"><thead><tr>");
        for (GroupBy by : ind.axes()) fmt::format_to(it, "<th>{}</th>", axis_name(by, lang));
        fmt::format_to(it, "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n", pick(lang, "Børn med mønstret", "Children with the pattern"),
                       pick(lang, "Ingen handling inden for 4 måneder", "No action within 4 months"), pick(lang, "Afventer", "Pending"),
                       pick(lang, "Andel uden handling (n)", "Share without action (n)"));
        for (const SignalRow& r : ind.early_signals()) {
            out += "<tr>";
            for (const std::string& k : r.keys) fmt::format_to(it, "<td>{}</td>", esc(k));
            const std::uint64_t n = r.with_pattern - r.pending;
            fmt::format_to(it, "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} (n={})</td></tr>\n", r.with_pattern,
                           r.no_action, r.pending, percent(r.no_action, n, lang), n);
        }
        out += "</tbody></table>\n";
    }
    out += "</section>\n";
}

}  // namespace barnetslov::detail
