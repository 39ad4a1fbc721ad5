// The auditor's HTML report (include/barnetslov/html_report.hpp). One file an auditor can mail or
// archive: inline CSS and SVG only, so it opens the same offline in ten years. The markup carries
// stable classes and data-* attributes (tests/html_report_test.cpp, tests/html_browser_test.sh);
// colours live in the one <style> block, never per element, which keeps the file small.
#include "barnetslov/html_report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"
#include "html_indicators.hpp"

namespace barnetslov {

namespace {

// Everything printed comes from a case file or the rulebook: escape it all, attributes included.
std::string esc(std::string_view s) { return markup_escape(s, true); }
// Text between tags needs no escaped apostrophe: the events' ids ('u1') stay short.
std::string esc_text(std::string_view s) { return markup_escape(s, false); }

std::string_view pick(Lang lang, std::string_view da, std::string_view en) { return lang == Lang::da ? da : en; }

// The status words the text report prints too (status_word, one table for both).
std::string_view status_label(Status s, Lang lang) { return status_word(s, lang); }

std::string percent(double share, Lang lang) {
    std::string s = fmt::format("{:.1f}", share * 100.0);
    if (lang == Lang::da) std::replace(s.begin(), s.end(), '.', ',');
    return s + (lang == Lang::da ? " %" : "%");
}

std::string days_or_dash(std::optional<std::int64_t> d) { return d ? std::to_string(*d) : "–"; }

// "udløst af underretning 'u1' linje 8: 2024-03-28 14:30", as the text report prints an event.
std::string event_line(const Event& e, const Calendar& cal, Lang lang) {
    return fmt::format("{} '{}' {} {}: {}", event_name(e.type(), lang), e.id(), pick(lang, "linje", "line"), e.location().line,
                       format_moment(e.at(), cal));
}

// The style sheet. Status colours: met green, late amber, missed and violated red, pending grey
// (the issue's legend); the browser test reads them back as computed styles.
constexpr std::string_view css = R"(
:root{--met:#2e7d32;--late:#f59e0b;--missed:#c62828;--violated:#7b1fa2;--pending:#9e9e9e;--na:#cfd8dc;--ind:#5c6bc0}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#222;margin:1.5em auto;max-width:1240px;padding:0 1em}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.5em 0 .4em}h3{font-size:1.05em;margin:0}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted,.src{color:#666;font-size:.9em}
.case{border-top:2px solid #ccc;margin-top:1.5em;padding-top:.5em}
.ev{margin:0;padding:0;list-style:none;font-size:.9em}
.aggregates{font-size:.85em}.id{white-space:nowrap}
.findings td:first-child{font-weight:600;white-space:nowrap;border-left:6px solid var(--na)}.findings td:nth-child(2){white-space:nowrap}
tr.status-met td:first-child{border-left-color:var(--met)}tr.status-late td:first-child{border-left-color:var(--late)}
tr.status-missed td:first-child{border-left-color:var(--missed)}tr.status-violated td:first-child{border-left-color:var(--violated)}
tr.status-pending td:first-child{border-left-color:var(--pending)}tr.status-indeterminate td:first-child{border-left-color:var(--ind)}
svg{display:block;max-width:100%;height:auto;font-size:11px}
svg text{fill:#333}
.axis,.span{stroke:#999;stroke-width:1}.asof{stroke:#1565c0;stroke-dasharray:3 2}
.mark{fill:#455a64}.bar{fill:#1565c0}.track{fill:#eceff1}
.status-met{fill:var(--met)}.status-late{fill:var(--late)}
.status-missed{fill:var(--missed)}.status-violated{fill:var(--violated)}.status-pending{fill:var(--pending)}
.status-not_applicable{fill:var(--na)}.status-indeterminate{fill:var(--ind)}
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:50%}
.legend .status-met{background:var(--met)}.legend .status-late{background:var(--late)}
.legend .status-missed{background:var(--missed)}.legend .status-violated{background:var(--violated)}.legend .status-pending{background:var(--pending)}
.legend .status-not_applicable{background:var(--na)}.legend .status-indeterminate{background:var(--ind)}
.errors{color:#b71c1c}
.chart .bar{fill:#eceff1}.chart .small .seg{opacity:.4}.chart .ci{stroke:#212121;stroke-width:1.5}.chart .indicator .rule{font-weight:700}
.chart .level-good .share{fill:#1b5e20}.chart .level-fair .share{fill:#b26a00}.chart .level-poor .share{fill:#b71c1c}
.nodata{color:#6d4c41;font-style:italic}tr.data-none td{background:#fff3e0}tr.data-sparse td{background:#fffde7}
.trends{display:flex;flex-wrap:wrap;gap:.5em}.trend{margin:0;font-size:.8em}
.trendline{fill:none;stroke:#1565c0;stroke-width:1.5}.pt{fill:#1565c0}.pt.small{fill:#fff;stroke:#1565c0}
.law{stroke:#c62828;stroke-dasharray:3 2}.chart .national{stroke:#000;stroke-width:2;stroke-dasharray:2 2}.municipalities{font-size:.8em}
.others{font-size:.9em;color:#444}
.place-family{fill:#2e7d32;background:#2e7d32}.place-institution{fill:#6d4c41;background:#6d4c41}.place-other{fill:#90a4ae;background:#90a4ae}
body{display:flex;flex-direction:column}.top{order:1}.index{order:2}.cases{order:3}
.case{content-visibility:auto;contain-intrinsic-size:auto 400px}
.ix{content-visibility:auto;contain-intrinsic-size:auto 3600px;font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:10pt}.case{break-inside:avoid-page}tr{break-inside:avoid}
th{background:none}a{color:inherit;text-decoration:none}}
)";

// ---- the timeline: a date axis, the events as ticks, one lane per finding with a deadline ----

constexpr int tl_width = 1000, tl_label = 130, tl_right = 12, tl_lane = 14, tl_top = 44;

struct DayScale {
    LocalDay first, last;
    [[nodiscard]] double x(LocalDay d) const {
        const double span = static_cast<double>(std::max<std::int64_t>(1, (last - first).count()));
        return tl_label + static_cast<double>((d - first).count()) / span * (tl_width - tl_label - tl_right);
    }
};

// Compact on purpose: a page of 10,000 cases must render in a few seconds, and a browser's time
// goes with the number of elements. The events are one path (their ids and times are in the rows
// of the findings that rest on them); a lane is drawn for each problem finding with a deadline
// (the others are listed by rule under the table).
void write_timeline(std::string& out, const Engine& engine, const Report& report, const std::vector<const Finding*>& shown,
                    Lang lang) {
    const Case& c = *report.kase;
    const Calendar& cal = engine.calendar();
    std::vector<const Finding*> due;
    for (const Finding* f : shown)
        if (f->deadline && is_problem(f->status)) due.push_back(f);
    if (c.events().empty() && due.empty()) return;

    // The axis spans every event and every deadline drawn (its start, due day and fulfilment).
    std::optional<DayScale> s;
    const auto widen = [&s](LocalDay d) {
        if (!s) s = DayScale{d, d};
        s->first = std::min(s->first, d);
        s->last = std::max(s->last, d);
    };
    for (const Event& e : c.events()) widen(e.at().day);
    for (const Finding* f : due) {
        widen(f->deadline->start.day);
        widen(f->deadline->due_day);
        if (f->done) widen(f->done->day);
    }
    const int height = tl_top + static_cast<int>(due.size()) * tl_lane + 6;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<svg class=\"timeline\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
                   tl_width, height, tl_width, height, pick(lang, "Tidslinje", "Timeline"));
    // Axis with its two end dates, and the reference day when it falls inside.
    fmt::format_to(it, "<path class=\"axis\" d=\"M{} 20H{}\"/><text x=\"{}\" y=\"12\">{}</text><text x=\"{}\" y=\"12\" text-anchor=\"end\">{}</text>",
                   tl_label, tl_width - tl_right, tl_label, format_day(s->first), tl_width - tl_right, format_day(s->last));
    fmt::format_to(it, "<text x=\"0\" y=\"33\">{}</text>", pick(lang, "hændelser", "events"));
    const LocalDay as_of_day = cal.local_day(report.as_of);
    if (as_of_day >= s->first && as_of_day <= s->last)
        fmt::format_to(it, "<path class=\"asof\" d=\"M{:.0f} 16V{}\"/>", s->x(as_of_day), height);
    if (!c.events().empty()) {
        out += "<path class=\"mark\" d=\"";
        for (const Event& e : c.events()) fmt::format_to(it, "M{:.0f} 24h2v12h-2z", s->x(e.at().day) - 1);
        out += "\"/>";
    }
    // One lane per deadline: the counted period as a line, the due day as a dot in the status colour.
    for (std::size_t i = 0; i < due.size(); ++i) {
        const Finding& f = *due[i];
        const Deadline& d = *f.deadline;
        const int y = tl_top + static_cast<int>(i) * tl_lane + tl_lane / 2;
        const std::string_view id = engine.meta(f).id;
        fmt::format_to(it, "\n<text x=\"0\" y=\"{}\">{}</text><path class=\"span\" d=\"M{:.0f} {}H{:.0f}", y + 4, esc(id), s->x(d.start.day), y,
                       s->x(d.due_day));
        if (f.done) fmt::format_to(it, "M{:.0f} {}v10", s->x(f.done->day), y - 5);
        fmt::format_to(it, "\"/><circle class=\"due status-{}\" cx=\"{:.0f}\" cy=\"{}\" r=\"5\"/>", to_string(f.status), s->x(d.due_day), y);
    }
    out += "</svg>\n";
}

// A problem finding's row: status, rule, section, the events it rests on, the counting, the result.
// (The rule's title is in the figures table and the index; the other findings are listed by rule
// under the table, write_others.)
void write_finding_row(std::string& out, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    const RuleMeta& m = engine.meta(f);
    const Calendar& cal = engine.calendar();
    const std::string_view status = to_string(f.status);
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<tr class=\"finding status-{}\" data-rule=\"{}\" data-status=\"{}\"><td>{}</td><td>{}</td><td>",
                   status, esc(m.id), status, status_label(f.status, lang), esc(m.id));
    if (f.has_version) {
        const RuleVersion& v = m.versions[f.version];
        fmt::format_to(it, "{} {}", law_name_da(v.law), esc(v.section));
    } else {
        out += "–";
    }
    out += "</td><td>";
    for (std::size_t i = 0; i < f.events.size(); ++i)
        fmt::format_to(it, "{}{} {}", i ? "<br>" : "", role_name(f.events[i].role, lang),
                       esc_text(event_line(report.kase->event(f.events[i].event), cal, lang)));
    const FindingText t = describe(engine, report, f, lang);
    fmt::format_to(it, "</td><td>{}</td><td>{}", esc_text(t.counting), esc_text(t.summary));
    if (!t.margin.empty()) fmt::format_to(it, " <b>({})</b>", esc_text(t.margin));
    if (!t.basis.empty()) fmt::format_to(it, "<br><span class=\"muted\">{}</span>", esc_text(t.basis));
    out += "</td></tr>\n";
}

// The findings that are no problem (met, pending, not applicable), by status: their rules, a
// pending one with its due day. data-STATUS holds each count.
void write_others(std::string& out, const Engine& engine, const std::vector<const Finding*>& shown, Lang lang) {
    std::array<std::size_t, status_count> n{};
    for (const Finding* f : shown)
        if (!is_problem(f->status)) ++n[static_cast<std::size_t>(f->status)];
    if (n[static_cast<std::size_t>(Status::met)] + n[static_cast<std::size_t>(Status::pending)] +
            n[static_cast<std::size_t>(Status::not_applicable)] == 0)
        return;
    auto it = std::back_inserter(out);
    out += "<p class=\"others\"";
    for (Status st : {Status::met, Status::pending, Status::not_applicable})
        fmt::format_to(it, " data-{}=\"{}\"", to_string(st), n[static_cast<std::size_t>(st)]);
    out += '>';
    bool first_status = true;
    for (Status st : {Status::met, Status::pending, Status::not_applicable}) {
        if (n[static_cast<std::size_t>(st)] == 0) continue;
        fmt::format_to(it, "{}<b class=\"s-{}\">{} ({}):</b>", first_status ? "" : "<br>", to_string(st), status_label(st, lang),
                       n[static_cast<std::size_t>(st)]);
        first_status = false;
        bool first = true;
        for (const Finding* f : shown) {
            if (f->status != st) continue;
            fmt::format_to(it, "{} {}", first ? "" : ",", esc(engine.meta(*f).id));
            if (st == Status::pending && f->deadline) fmt::format_to(it, " ({})", format_day(f->deadline->due_day));
            first = false;
        }
    }
    out += "</p>\n";
}

// Escaped text holds no '<', so each "<li>" is one error.
std::size_t error_count(std::string_view items) {
    std::size_t n = 0;
    for (std::size_t at = items.find("<li>"); at != std::string_view::npos; at = items.find("<li>", at + 4)) ++n;
    return n;
}

// ---- the figures: data coverage, the chart, the table, trends by quarter, municipalities ----

const RuleMeta* meta_of(const Engine& engine, std::string_view id) {
    const Rule* r = engine.rulebook().find(id);
    return r ? &r->meta() : nullptr;
}

std::string_view title_of(const Engine& engine, std::string_view id, Lang lang) {
    const RuleMeta* m = meta_of(engine, id);
    return m ? (lang == Lang::da ? m->title_da : m->title_en) : "";
}

std::string_view data_label(DataCoverage d, Lang lang) {
    switch (d) {
        case DataCoverage::present: return pick(lang, "til stede", "present");
        case DataCoverage::sparse: return pick(lang, "sparsomme", "sparse");
        case DataCoverage::none: return pick(lang, "ingen data i dette udtræk", "no data in this export");
    }
    return "";
}

// The share on time, its n and 95 % interval, as a cell: "83.1% (n=1847) 80.2–85.7%", small n marked.
std::string share_cell(const GroupFigures& g, DataCoverage data, Lang lang) {
    if (data == DataCoverage::none) return fmt::format("<span class=\"nodata\">{}</span>", data_label(data, lang));
    const auto share = g.share_on_time();
    if (!share) return "–";
    const Interval i = *g.share_on_time_interval();
    return fmt::format("{} <span class=\"muted\">(n={}{})<br>{}–{}</span>", percent(*share, lang), g.judged(),
                       g.small_sample() ? fmt::format(", <abbr class=\"small\" title=\"{}\">{}</abbr>",
                                                      pick(lang, "færre end 30 bedømte fund", "fewer than 30 judged findings"),
                                                      pick(lang, "lille n", "small n"))
                                        : std::string(),
                       percent(i.low, lang), percent(i.high, lang));
}

// The table that opens the figures: per rule, how many files carry what it is judged on.
// Opens the figures: the rules whose evidence the export lacks (no data) or seldom carries
// (sparse) in a table of their own, then every rule's coverage folded in a <details> (no script),
// so that the chart stays on the first screen.
void write_coverage(std::string& out, const Engine& engine, const Aggregates& figures, Lang lang) {
    auto it = std::back_inserter(out);
    const std::vector<RuleCoverage> coverage = figures.coverage();
    const auto lacking = static_cast<std::size_t>(
        std::count_if(coverage.begin(), coverage.end(), [](const RuleCoverage& c) { return c.data != DataCoverage::present; }));
    fmt::format_to(it, "<div class=\"coverage\" data-rules=\"{}\" data-lacking=\"{}\">\n<h2 id=\"coverage\">{}</h2>\n<p class=\"muted\">{}</p>\n",
                   coverage.size(), lacking, pick(lang, "Datadækning", "Data coverage"),
                   pick(lang, "En regel bedømmes på bestemte hændelser i sagen. Findes de i ingen fil, bærer udtrækket ikke de data, "
                              "reglen kræver: dens tal vises som \"ingen data\", ikke som 0 % rettidigt. Sparsomme: færre end 1 af 100 "
                              "filer med fund har dem.",
                        "A rule is judged on particular events in the case. Where no file carries them, the export does not carry "
                        "what the rule needs: its figures read \"no data\", not 0 % on time. Sparse: fewer than 1 in 100 files with "
                        "findings carry them."));
    const auto table = [&](std::string_view cls, bool lacking_only) {
        fmt::format_to(it, "<table class=\"{}\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n", cls,
                       pick(lang, "Regel", "Rule"), pick(lang, "Titel", "Title"), pick(lang, "Bedømmes på", "Judged on"),
                       pick(lang, "Filer med fund", "Files with findings"), pick(lang, "Filer med data", "Files with the evidence"),
                       pick(lang, "Data", "Data"));
        for (const RuleCoverage& c : coverage) {
            if (lacking_only && c.data == DataCoverage::present) continue;
            const RuleMeta* m = meta_of(engine, c.rule);
            fmt::format_to(it, "<tr class=\"data-{}\" data-rule=\"{}\" data-coverage=\"{}\"><td class=\"id\">{}</td><td>{}</td><td><code>{}</code></td>"
                               "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                           to_string(c.data), esc(c.rule), to_string(c.data), esc(c.rule), esc(title_of(engine, c.rule, lang)),
                           esc(m ? evidence_text(*m) : ""), c.files_with_findings, c.files_with_evidence, data_label(c.data, lang));
        }
        out += "</tbody></table>\n";
    };
    if (lacking > 0) table("coverage-lacking", true);
    else fmt::format_to(it, "<p>{}</p>\n", pick(lang, "Udtrækket bærer data for alle regler med fund.", "The export carries the evidence of every rule with findings."));
    fmt::format_to(it, "<details><summary>{} ({})</summary>\n", pick(lang, "Alle reglers datadækning", "Every rule's data coverage"),
                   coverage.size());
    table("coverage-all", false);
    out += "</details>\n</div>\n";
}

// `indexed`: whether the page's index has a part for a rule (HtmlReport::indexed): its id then links there.
void write_aggregates(std::string& out, const Engine& engine, const Aggregates& figures, Lang lang,
                      const std::function<bool(std::string_view)>& indexed) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<h2>{}</h2>\n<table class=\"aggregates\"><thead><tr><th>{}</th>", pick(lang, "Samlede tal", "Aggregates"),
                   pick(lang, "Regel", "Rule"));
    for (GroupBy by : figures.axes()) {
        const std::string_view name = by == GroupBy::year         ? pick(lang, "År", "Year")
                                      : by == GroupBy::quarter      ? pick(lang, "Kvartal", "Quarter")
                                      : by == GroupBy::month        ? pick(lang, "Måned", "Month")
                                      : by == GroupBy::municipality ? pick(lang, "Kommune", "Municipality")
                                                                    : pick(lang, "Enhed", "Unit");
        fmt::format_to(it, "<th>{}</th>", name);
    }
    fmt::format_to(it, "<th>{}</th><th>{}</th><th>{}</th>", pick(lang, "Titel", "Title"), pick(lang, "Børnesagsbarometret", "Indicator"),
                   pick(lang, "Sager", "Cases"));
    for (std::size_t s = 0; s < status_count; ++s) fmt::format_to(it, "<th>{}</th>", status_label(static_cast<Status>(s), lang));
    fmt::format_to(it, "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   pick(lang, "Rettidigt (n, 95 %-interval)", "On time (n, 95 % interval)"),
                   pick(lang, "Rettidigt uden undtagelse", "On time without an exception"),
                   pick(lang, "Dage for sent (median)", "Days late (median)"), pick(lang, "Dage for sent (p90)", "Days late (p90)"),
                   pick(lang, "Dage overskredet (median / p90)", "Days overdue (median / p90)"));
    for (const GroupFigures* g : figures.groups()) {
        const DataCoverage data = figures.data(g->rule);
        fmt::format_to(it, "<tr data-rule=\"{}\" data-group=\"{}\" data-coverage=\"{}\"><td class=\"id\">{}</td>", esc(g->rule), esc(g->group),
                       to_string(data),
                       indexed(g->rule) ? fmt::format("<a href=\"#{}\">{}</a>", html_problems_anchor(g->rule), esc(g->rule)) : esc(g->rule));
        for (const std::string& k : g->keys) fmt::format_to(it, "<td>{}</td>", esc(k));
        fmt::format_to(it, "<td>{}</td><td>{}</td><td class=\"n\">{}</td>", esc(title_of(engine, g->rule, lang)),
                       esc(barometer_indicator(g->rule)), g->cases);
        for (std::uint64_t n : g->status) fmt::format_to(it, "<td class=\"n\">{}</td>", n);
        const auto strict = g->share_on_time_without_basis();
        fmt::format_to(it, "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} / {}</td></tr>\n",
                       share_cell(*g, data, lang), data == DataCoverage::none ? "–" : strict ? percent(*strict, lang) : "–",
                       days_or_dash(g->late_days.percentile(50)), days_or_dash(g->late_days.percentile(90)),
                       days_or_dash(g->overdue_days.percentile(50)), days_or_dash(g->overdue_days.percentile(90)));
    }
    out += "</tbody></table>\n";
}

// A rule's judged findings summed over its groups.
struct Judged {
    std::uint64_t met = 0, late = 0, missed = 0, violated = 0;
    [[nodiscard]] std::uint64_t n() const { return met + late + missed + violated; }
    [[nodiscard]] double share() const { return static_cast<double>(met) / static_cast<double>(n()); }
    void add(const GroupFigures& g) {
        met += g.status[static_cast<std::size_t>(Status::met)];
        late += g.status[static_cast<std::size_t>(Status::late)];
        missed += g.status[static_cast<std::size_t>(Status::missed)];
        violated += g.status[static_cast<std::size_t>(Status::violated)];
    }
};

// The level a share is drawn in: at least 90 % good, at least 75 % fair, else poor.
std::string_view level(double share) { return share >= 0.9 ? "good" : share >= 0.75 ? "fair" : "poor"; }

// One bar per rule with a share on time (its groups summed), worst first: met, late, missed and
// violated as stacked segments, the 95 % interval as a whisker, n beside it; the Børnesagsbarometret
// indicators highlighted. Rules without data in the export are listed under the chart, not drawn as 0 %.
void write_chart(std::string& out, const Engine& engine, const Aggregates& figures, Lang lang) {
    std::vector<std::pair<std::string, Judged>> rules;  // in rulebook order, as the groups come
    for (const GroupFigures* g : figures.groups()) {
        if (rules.empty() || rules.back().first != g->rule) rules.emplace_back(g->rule, Judged{});
        rules.back().second.add(*g);
    }
    std::vector<std::string> no_data;
    std::erase_if(rules, [&](const auto& r) {
        if (r.second.n() > 0 && figures.data(r.first) == DataCoverage::none) no_data.push_back(r.first);
        return r.second.n() == 0 || figures.data(r.first) == DataCoverage::none;
    });
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second.share() < b.second.share(); });
    constexpr int label = 170, bar = 600, row = 20;
    std::vector<const NationalFigure*> cited;
    const int height = static_cast<int>(rules.size()) * row + 24;
    auto it = std::back_inserter(out);
    const std::string_view heading = pick(lang, "Andel rettidigt pr. regel, laveste først", "Share on time per rule, lowest first");
    fmt::format_to(it, "<h2>{}</h2>\n<p class=\"legend\"><span><i class=\"status-met\"></i>{}</span><span><i class=\"status-late\"></i>{}</span>"
                       "<span><i class=\"status-missed\"></i>{}</span><span><i class=\"status-violated\"></i>{}</span><span>━ {}</span>"
                       "<span>★ {}</span></p>\n",
                   heading, status_label(Status::met, lang), status_label(Status::late, lang), status_label(Status::missed, lang),
                   status_label(Status::violated, lang), pick(lang, "95 %-interval", "95 % interval"),
                   pick(lang, "Børnesagsbarometrets indikatorer", "Børnesagsbarometret indicators"));
    fmt::format_to(it, "<svg class=\"chart\" viewBox=\"0 0 1000 {}\" width=\"1000\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n", height,
                   height, heading);
    for (int p = 0; p <= 100; p += 25)
        fmt::format_to(it, "<line class=\"axis\" x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\"/><text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>\n",
                       label + bar * p / 100, height - 16, height - 4, percent(p / 100.0, lang));
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto& [id, j] = rules[i];
        const double share = j.share();
        const Interval ci = wilson_interval(j.met, j.n());
        const bool indicator = !barometer_indicator(id).empty();
        const int y = static_cast<int>(i) * row;
        // A small sample's bar is pale: "100 % (1/1)" must not look like "100 % (1847/1847)".
        fmt::format_to(it, "<g class=\"level-{}{}{}\"><text class=\"rule\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>", level(share),
                       indicator ? " indicator" : "", j.n() < small_sample ? " small" : "", label - 6, y + 14, indicator ? "★ " : "", esc(id));
        fmt::format_to(it, "<rect class=\"bar\" data-rule=\"{}\" data-share=\"{:.4f}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} {}: {} (n={})</title></rect>",
                       esc(id), share, label, y + 3, bar, row - 6, esc(id), esc(title_of(engine, id, lang)), percent(share, lang), j.n());
        double x = label;
        for (const auto& [count, status] : {std::pair{j.met, Status::met}, std::pair{j.late, Status::late}, std::pair{j.missed, Status::missed},
                                            std::pair{j.violated, Status::violated}}) {
            if (count == 0) continue;
            const double w = static_cast<double>(count) / static_cast<double>(j.n()) * bar;
            fmt::format_to(it, "<rect class=\"seg status-{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"/>", to_string(status), x, y + 3, w,
                           row - 6);
            x += w;
        }
        fmt::format_to(it, "<line class=\"ci\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\"/>", label + ci.low * bar, y + row / 2, label + ci.high * bar,
                       y + row / 2);
        // A published national figure for the same duty, where docs/national-figures.json cites one.
        if (const NationalFigure* nf = national_figure(id)) {
            cited.push_back(nf);
            fmt::format_to(it, "<line class=\"national\" data-rule=\"{0}\" x1=\"{1:.1f}\" y1=\"{2}\" x2=\"{1:.1f}\" y2=\"{3}\"><title>{4} {5} ({6}, {7})</title></line>",
                           esc(id), label + nf->share * bar, y, y + row, pick(lang, "Landstal", "National figure"), percent(nf->share, lang),
                           esc(nf->source), esc(nf->published));
        }
        fmt::format_to(it, "<text class=\"share\" x=\"{}\" y=\"{}\">{} (n={}){}</text></g>\n", label + bar + 8, y + 14, percent(share, lang), j.n(),
                       j.n() < small_sample ? pick(lang, " lille n", " small n") : "");
    }
    out += "</svg>\n";
    if (!cited.empty()) {
        fmt::format_to(it, "<p class=\"muted national-sources\">{}:", pick(lang, "Stiplet lodret streg: offentliggjort landstal for samme pligt",
                                                                       "Dashed vertical mark: a published national figure for the same duty"));
        for (const NationalFigure* nf : cited) {
            // The address as text without its scheme, not a link: the report loads and links nothing
            // from the network (tests/html_report_test.cpp, IsSelfContained).
            std::string_view address = nf->address;
            if (const auto scheme = address.find("://"); scheme != std::string_view::npos) address.remove_prefix(scheme + 3);
            fmt::format_to(it, " {} {}: {} ({}, {}, <span class=\"address\">{}</span>).", esc(nf->rule), percent(nf->share, lang), esc(nf->what),
                           esc(nf->source), esc(nf->published), esc(address));
        }
        out += "</p>\n";
    }
    if (!no_data.empty()) {
        fmt::format_to(it, "<p class=\"nodata-rules\">{}:", pick(lang, "Ingen data i dette udtræk (ikke tegnet)", "No data in this export (not drawn)"));
        for (const std::string& id : no_data) fmt::format_to(it, " <span data-rule=\"{}\">{}</span>", esc(id), esc(id));
        out += "</p>\n";
    }
}

// Per rule, the share on time by quarter of the day its duty started: a small line chart each, the
// quarter barnets lov came into force (2024-Q1) marked. Hollow points: fewer than 30 judged findings.
void write_trends(std::string& out, const Engine& engine, const Aggregates& by_quarter, Lang lang) {
    std::vector<std::string> quarters;  // every quarter with a judged finding, in order
    for (const GroupFigures* g : by_quarter.groups())
        if (g->judged() > 0 && by_quarter.data(g->rule) != DataCoverage::none && !g->keys.empty()) quarters.push_back(g->keys.front());
    std::sort(quarters.begin(), quarters.end());
    quarters.erase(std::unique(quarters.begin(), quarters.end()), quarters.end());
    if (quarters.size() < 2) return;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<h2 id=\"trends\">{}</h2>\n<p class=\"muted\">{} {} – {}. {}</p>\n<div class=\"trends\">\n",
                   pick(lang, "Udvikling pr. kvartal", "Trend by quarter"), pick(lang, "Andel rettidigt pr. kvartal,", "Share on time per quarter,"),
                   quarters.front(), quarters.back(),
                   pick(lang, "Den stiplede linje: barnets lov trådte i kraft 1. januar 2024. Hule punkter: færre end 30 bedømte fund.",
                        "The dashed line: barnets lov came into force on 1 January 2024. Hollow points: fewer than 30 judged findings."));
    constexpr int w = 300, h = 80, left = 30, right = 8, top = 6, bottom = 16;
    const auto x_of = [&](std::size_t q) {
        return left + static_cast<double>(q) * (w - left - right) / static_cast<double>(quarters.size() - 1);
    };
    const auto y_of = [&](double share) { return top + (1 - share) * (h - top - bottom); };
    const auto law = std::lower_bound(quarters.begin(), quarters.end(), std::string("2024-Q1"));
    std::string_view rule;
    std::string points, line;
    auto flush = [&] {
        if (rule.empty() || points.empty()) return;
        fmt::format_to(it, "<figure class=\"trend\" data-rule=\"{}\"><figcaption>{}{} <span class=\"muted\">{}</span></figcaption>"
                           "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
                       esc(rule), barometer_indicator(rule).empty() ? "" : "★ ", esc(rule), esc(title_of(engine, rule, lang)), w, h, w, h, esc(rule));
        fmt::format_to(it, "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><text x=\"2\" y=\"{3}\">100</text><text x=\"2\" y=\"{1}\">0</text>",
                       left, h - bottom, w - right, top + 8);
        if (law != quarters.end() && law != quarters.begin()) {
            const double x = (x_of(static_cast<std::size_t>(law - quarters.begin()) - 1) + x_of(static_cast<std::size_t>(law - quarters.begin()))) / 2;
            fmt::format_to(it, "<line class=\"law\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/>", x, top, h - bottom);
        }
        fmt::format_to(it, "<polyline class=\"trendline\" points=\"{}\"/>{}", line, points);
        fmt::format_to(it, "<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></svg></figure>\n", left, h - 3,
                       quarters.front(), w - right, h - 3, quarters.back());
        points.clear();
        line.clear();
    };
    for (const GroupFigures* g : by_quarter.groups()) {
        if (g->judged() == 0 || by_quarter.data(g->rule) == DataCoverage::none || g->keys.empty()) continue;
        if (g->rule != rule) {
            flush();
            rule = g->rule;
        }
        const auto q = static_cast<std::size_t>(std::lower_bound(quarters.begin(), quarters.end(), g->keys.front()) - quarters.begin());
        const double share = *g->share_on_time();
        fmt::format_to(std::back_inserter(line), "{:.1f},{:.1f} ", x_of(q), y_of(share));
        fmt::format_to(std::back_inserter(points), "<circle class=\"{}\" data-quarter=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"><title>{}: {} (n={})</title></circle>",
                       g->small_sample() ? "pt small" : "pt", esc(g->keys.front()), x_of(q), y_of(share), esc(g->keys.front()), percent(share, lang),
                       g->judged());
    }
    flush();
    out += "</div>\n";
}

// Rules down, municipalities across: the share on time and n of each.
void write_municipalities(std::string& out, const Engine& engine, const Aggregates& by_municipality, Lang lang) {
    std::vector<std::string> places;
    for (const GroupFigures* g : by_municipality.groups())
        if (!g->keys.empty()) places.push_back(g->keys.front());
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    if (places.empty()) return;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<h2 id=\"municipalities\">{}</h2>\n<table class=\"municipalities\"><thead><tr><th>{}</th>",
                   pick(lang, "Kommuner sammenlignet", "Municipalities compared"), pick(lang, "Regel", "Rule"));
    for (const std::string& p : places)
        fmt::format_to(it, "<th data-municipality=\"{}\">{}</th>", esc(p), p.empty() ? std::string(pick(lang, "(ingen)", "(none)")) : esc(p));
    out += "</tr></thead><tbody>\n";
    std::string_view rule;
    std::size_t column = 0;
    auto close = [&] {
        if (rule.empty()) return;
        for (; column < places.size(); ++column) out += "<td class=\"n\">–</td>";
        out += "</tr>\n";
    };
    for (const GroupFigures* g : by_municipality.groups()) {
        if (g->keys.empty()) continue;
        if (g->rule != rule) {
            close();
            rule = g->rule;
            column = 0;
            fmt::format_to(it, "<tr data-rule=\"{}\"><td class=\"id\" title=\"{}\">{}</td>", esc(rule), esc(title_of(engine, rule, lang)), esc(rule));
        }
        const auto at = static_cast<std::size_t>(std::lower_bound(places.begin(), places.end(), g->keys.front()) - places.begin());
        for (; column < at; ++column) out += "<td class=\"n\">–</td>";
        fmt::format_to(it, "<td class=\"n\">{}</td>", share_cell(*g, by_municipality.data(g->rule), lang));
        ++column;
    }
    close();
    out += "</tbody></table>\n";
}

}  // namespace

namespace {
constexpr std::size_t index_block = 200;  // index lines per block (.ix)
}  // namespace

std::string html_problems_anchor(std::string_view rule_id) {
    // Rule ids are letters, digits and '-' (BL-UND-24H): an id as it is; anything else as '_'.
    std::string id = "problems-";
    for (const char ch : rule_id) id += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
    return id;
}

HtmlReport::HtmlReport(const Engine& engine, Lang lang, Instant as_of, HtmlOptions options)
    : engine_(&engine), lang_(lang), as_of_(as_of), options_(options), cases_mode_(options.cases.value_or(HtmlCases::all)),
      index_(options.index == false ? 0 : engine.rulebook().rules().size()) {
    const std::string title(pick(lang_, "barnetslov: rapport til tilsyn", "barnetslov: audit report"));
    fmt::format_to(std::back_inserter(ready_),
                   "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n"
                   "<div class=\"cases\" id=\"cases\">\n<h2>{}</h2>\n",
                   pick(lang_, "da", "en"), esc(title), css, pick(lang_, "Sager", "Cases"));
}

void HtmlReport::add_case(const Report& report, const AggregateFilter& filter) {
    const Case& c = *report.kase;
    std::vector<const Finding*> shown;
    bool problem = false;
    for (const Finding& f : report.findings)
        if (passes(filter, *engine_, report, f)) {
            shown.push_back(&f);
            problem = problem || is_problem(f.status);
        }
    ++case_count_;
    problem_cases_ += problem;
    // The index: per rule, this case's problems by status. A case shown is linked to.
    if (problem && !index_.empty()) {
        std::vector<std::array<std::uint32_t, status_count>> per_rule(index_.size());
        for (const Finding* f : shown)
            if (is_problem(f->status) && f->rule < per_rule.size()) ++per_rule[f->rule][static_cast<std::size_t>(f->status)];
        for (std::size_t r = 0; r < per_rule.size(); ++r) {
            const auto& n = per_rule[r];
            if (n[static_cast<std::size_t>(Status::late)] + n[static_cast<std::size_t>(Status::missed)] +
                    n[static_cast<std::size_t>(Status::violated)] + n[static_cast<std::size_t>(Status::indeterminate)] == 0)
                continue;
            RuleIndex& idx = index_[r];
            const std::size_t before = idx.rows.size();
            auto it = std::back_inserter(idx.rows);
            // Lines, not table rows, in blocks of index_block that the browser lays out only when
            // they come into view: a table of thousands of rows alone takes seconds to lay out.
            if (idx.cases % index_block == 0) idx.rows += idx.cases == 0 ? "<div class=\"ix\">\n" : "</div>\n<div class=\"ix\">\n";
            if (cases_mode_ == HtmlCases::none)
                idx.rows += esc_text(c.id());
            else
                fmt::format_to(it, "<a href=\"#case-{}\">{}</a>", case_count_, esc_text(c.id()));
            fmt::format_to(it, " <span class=\"src\">{}</span>", esc_text(c.source()));
            for (Status st : {Status::late, Status::missed, Status::violated, Status::indeterminate})
                if (n[static_cast<std::size_t>(st)]) fmt::format_to(it, " · {} {}", status_label(st, lang_), n[static_cast<std::size_t>(st)]);
            idx.rows += "<br>\n";
            ++idx.cases;
            index_bytes_ += idx.rows.size() - before;
        }
        if (index_bytes_ > (1u << 20)) spill_index();
    }
    if (cases_mode_ == HtmlCases::none || (cases_mode_ == HtmlCases::problems && !problem)) return;

    std::string section;
    auto it = std::back_inserter(section);
    // The case's id and where it belongs; never the child's CPR number (Case::cpr() is not read here).
    fmt::format_to(it, "<section class=\"case\" data-case=\"{}\" id=\"case-{}\">\n<h3>{} {} <span class=\"src\">{}</span></h3>\n", esc(c.id()),
                   case_count_, pick(lang_, "Sag", "Case"), esc(c.id()), esc(c.source()));
    std::string where = c.municipality().empty() ? "" : fmt::format("{} {}", pick(lang_, "kommune", "municipality"), c.municipality());
    if (!c.unit().empty()) where += where.empty() ? c.unit() : ", " + c.unit();
    if (!where.empty()) fmt::format_to(it, "<p class=\"muted\">{}</p>\n", esc(where));
    write_timeline(section, *engine_, report, shown, lang_);
    if (shown.empty()) {
        fmt::format_to(it, "<p>{}</p>\n", pick(lang_, "Ingen fund.", "No findings."));
    } else {
        if (problem) {
            fmt::format_to(it, "<table class=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                           pick(lang_, "Status", "Status"), pick(lang_, "Regel", "Rule"), pick(lang_, "Bestemmelse", "Section"),
                           pick(lang_, "Hændelser", "Events"), pick(lang_, "Frist", "Deadline"), pick(lang_, "Resultat", "Result"));
            for (const Finding* f : shown)
                if (is_problem(f->status)) write_finding_row(section, *engine_, report, *f, lang_);
            section += "</tbody></table>\n";
        }
        write_others(section, *engine_, shown, lang_);
    }
    section += "</section>\n";
    show(std::move(section), problem);
}

// A section for the page: written at once under a decided selection; held while an unset one is
// undecided, until the batch passes html_all_cases_limit (then only the problem cases go on).
void HtmlReport::show(std::string section, bool problem) {
    if (options_.cases) {
        ready_ += section;
        ++shown_cases_;
        return;
    }
    held_.emplace_back(std::move(section), problem);
    if (case_count_ <= html_all_cases_limit) return;
    cases_mode_ = HtmlCases::problems;
    options_.cases = HtmlCases::problems;
    for (auto& [text, is_problem_case] : held_)
        if (is_problem_case) {
            ready_ += text;
            ++shown_cases_;
        }
    held_.clear();
    held_.shrink_to_fit();
}

// The index rows held so far go to the caller's store (HtmlOptions::index_store), so that memory
// does not grow with the number of problem cases; without a store, or one that fails, they stay here.
void HtmlReport::spill_index() {
    if (!options_.index_store) return;
    for (std::size_t r = 0; r < index_.size(); ++r) {
        RuleIndex& idx = index_[r];
        if (idx.rows.empty()) continue;
        if (!options_.index_store->append(r, idx.rows)) return;
        idx.stored = true;
        index_bytes_ -= idx.rows.size();
        idx.rows.clear();
        idx.rows.shrink_to_fit();
    }
}

bool HtmlReport::indexed(std::string_view rule_id) const {
    if (!index_on_) return false;
    const auto rules = engine_->rulebook().rules();
    for (std::size_t r = 0; r < rules.size() && r < index_.size(); ++r)
        if (rules[r]->meta().id == rule_id) return index_[r].cases > 0;
    return false;
}

void HtmlReport::write_index(std::string& out, const std::function<void(std::string&)>& flush) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "<div class=\"index\" id=\"problems\">\n<h2>{}</h2>\n", pick(lang_, "Sager med problemer pr. regel", "Cases with problems per rule"));
    const auto rules = engine_->rulebook().rules();
    bool any = false;
    for (std::size_t r = 0; r < index_.size(); ++r) {
        RuleIndex& idx = index_[r];
        if (idx.cases == 0) continue;
        any = true;
        const RuleMeta& m = rules[r]->meta();
        fmt::format_to(it, "<section class=\"index-rule\" id=\"{}\" data-rule=\"{}\">\n<h3>{} {} <span class=\"muted\">({} {})</span></h3>\n",
                       html_problems_anchor(m.id), esc(m.id), esc(m.id), esc(lang_ == Lang::da ? m.title_da : m.title_en), idx.cases,
                       pick(lang_, "sager", "cases"));
        if (idx.stored)
            options_.index_store->read(r, [&](std::string_view piece) {
                out.append(piece);
                if (flush && out.size() > (1u << 20)) flush(out);
            });
        out += idx.rows;
        out += "</div>\n</section>\n";
    }
    if (!any) fmt::format_to(it, "<p>{}</p>\n", pick(lang_, "Ingen sager med problemer.", "No cases with problems."));
    out += "</div>\n";
}

void HtmlReport::add_error(const InputError& error) { errors_ += fmt::format("<li>{}</li>\n", esc(error.to_string())); }

std::string HtmlReport::finish(const Aggregates& figures, const std::function<void(std::string&)>& flush) {
    const Calendar& cal = engine_->calendar();
    const std::string title(pick(lang_, "barnetslov: rapport til tilsyn", "barnetslov: audit report"));
    // An undecided selection at the end: the batch stayed within the limit, so every case is shown.
    for (auto& [text, problem] : held_) {
        ready_ += text;
        ++shown_cases_;
    }
    held_.clear();
    index_on_ = !index_.empty() && options_.index.value_or(case_count_ > html_index_limit);
    std::string out = std::move(ready_);
    ready_.clear();
    auto it = std::back_inserter(out);
    if (cases_mode_ == HtmlCases::none)
        fmt::format_to(it, "<p class=\"muted\">{}</p>\n", pick(lang_, "Sagerne er udeladt (--cases none).", "The cases are left out (--cases none)."));
    out += "</div>\n";
    // The index before the top part in the markup (the style sheet shows it after): it is the one
    // part that grows with the batch, and goes out through `flush` as it is read back.
    if (index_on_) write_index(out, flush);
    out += "<div class=\"top\">\n";
    fmt::format_to(it, "<h1>{}</h1>\n<p>barnetslov {} · {} {} (København) · {} {} · {} {}</p>\n", esc(title), BL_VERSION_STRING,
                   pick(lang_, "opgjort pr.", "as of"), format_moment(Moment{as_of_, cal.local_day(as_of_), true}, cal),
                   case_count_, pick(lang_, "sager", "cases"), error_count(errors_),
                   pick(lang_, "filer kunne ikke læses", "files could not be read"));
    // The readings the batch was judged by (law README: reports state them); one chosen away from
    // its default is bold and names the default.
    fmt::format_to(it, "<p class=\"readings muted\">{}:", pick(lang_, "Fortolkninger", "Readings"));
    const std::vector<ReadingValue> readings = engine_->readings_used();
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const ReadingValue& r = readings[i];
        fmt::format_to(it, " <span data-reading=\"{}\" data-value=\"{}\">{}{}={}{}</span>{}", esc(r.name), esc(r.value),
                       r.is_default ? "" : "<strong>", esc(r.name), esc(r.value),
                       r.is_default ? "" : fmt::format("</strong> ({} {})", pick(lang_, "standard", "default"), esc(r.default_value)),
                       i + 1 < readings.size() ? "," : "");
    }
    out += "</p>\n";
    // Which cases have a section below, when not every one has.
    const std::string_view mode = cases_mode_ == HtmlCases::all ? "all" : cases_mode_ == HtmlCases::problems ? "problems" : "none";
    fmt::format_to(it, "<p class=\"shown muted\" data-cases=\"{}\" data-shown=\"{}\" data-problem-cases=\"{}\">", mode, shown_cases_, problem_cases_);
    if (cases_mode_ == HtmlCases::all)
        fmt::format_to(it, "{} <a href=\"#cases\">{}</a>.", pick(lang_, "Alle sager er vist", "Every case is shown"), pick(lang_, "nedenfor", "below"));
    else if (cases_mode_ == HtmlCases::problems)
        fmt::format_to(it, "{} {} {} {} <a href=\"#cases\">{}</a> (--cases problems; --cases all {}).", shown_cases_, pick(lang_, "af", "of"),
                       case_count_, pick(lang_, "sager, dem med et problem (for sent, overskredet, tilsidesat eller uafklaret), er vist",
                                         "cases, those with a problem (late, missed, violated or indeterminate), are shown"),
                       pick(lang_, "nedenfor", "below"), pick(lang_, "viser alle", "shows every case"));
    else
        fmt::format_to(it, "{} (--cases none).", pick(lang_, "Ingen sager er vist", "No case is shown"));
    out += "</p>\n";
    // The batch's findings per status, with the colour legend of the timelines.
    std::array<std::uint64_t, status_count> totals{};
    for (const GroupFigures* g : figures.groups())
        for (std::size_t s = 0; s < status_count; ++s) totals[s] += g->status[s];
    out += "<p class=\"legend\">";
    for (std::size_t s = 0; s < status_count; ++s)
        fmt::format_to(it, "<span><i class=\"status-{}\"></i>{}: {}</span>", to_string(static_cast<Status>(s)),
                       status_label(static_cast<Status>(s), lang_), totals[s]);
    out += "</p>\n";
    if (!errors_.empty())
        fmt::format_to(it, "<h2>{}</h2>\n<ul class=\"errors\">\n{}</ul>\n", pick(lang_, "Filer der ikke kunne læses", "Files that could not be read"),
                       errors_);
    // Data coverage first (what the figures can and cannot say), then the chart: the overview a
    // supervisor reads before the figures behind it; then trends and municipalities where given.
    write_coverage(out, *engine_, figures, lang_);
    write_chart(out, *engine_, figures, lang_);
    detail::write_indicators(out, figures.indicators(), lang_);  // beside the compliance figures (docs/indicators.md)
    write_aggregates(out, *engine_, figures, lang_, [this](std::string_view rule) { return indexed(rule); });
    if (by_quarter_) write_trends(out, *engine_, *by_quarter_, lang_);
    if (by_municipality_) write_municipalities(out, *engine_, *by_municipality_, lang_);
    out += "</div>\n</body>\n</html>\n";
    errors_.clear();
    return out;
}

}  // namespace barnetslov
