#include "formats.hpp"
#include "indicator_formats.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/case.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"

namespace barnetslov::cli {

namespace {

std::string quote(std::string_view s) {
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"') q += '"';
        q += ch;
    }
    return q + '"';
}

}  // namespace

std::optional<CsvDialect> csv_dialect(std::string_view name) {
    for (const CsvDialect& d : {csv_rfc4180, csv_excel})
        if (d.name == name) return d;
    return std::nullopt;
}

std::string_view csv_start(const CsvDialect& d) { return d.bom ? "\xEF\xBB\xBF" : ""; }

// RFC 4180: quote every field that needs it, doubling quotes; the dialect's separator is what needs it.
std::string csv_field(std::string_view s, const CsvDialect& d) {
    const char needs[] = {d.separator, '"', '\r', '\n'};
    if (s.find_first_of(std::string_view(needs, sizeof needs)) == std::string_view::npos) return std::string(s);
    return quote(s);
}

std::string fixed_text(double v, int decimals, char mark) {
    std::array<char, 64> digits;
    const auto [end, error] = std::isfinite(v) ? std::to_chars(digits.data(), digits.data() + digits.size(), v, std::chars_format::fixed, decimals)
                                               : std::to_chars_result{digits.data(), std::errc::value_too_large};
    // Not finite, or too long for the buffer (no share, ratio or interval is): fmt's text as it was.
    std::string s = error == std::errc{} ? std::string(digits.data(), end) : fmt::format("{:.{}f}", v, decimals);
    if (mark != '.') std::replace(s.begin(), s.end(), '.', mark);
    return s;
}

std::string csv_number(double v, int decimals, const CsvDialect& d) { return fixed_text(v, decimals, d.decimal); }

void table_row(std::string& out, std::span<const Column> columns, std::initializer_list<std::string_view> cells) {
    const std::string_view* cell = cells.begin();
    for (std::size_t k = 0; k < columns.size() && k < cells.size(); ++k, ++cell) {
        // Its width in characters: the UTF-8 bytes that begin one (the Danish headings' å, é, ø are two bytes).
        const auto width = static_cast<std::size_t>(std::count_if(cell->begin(), cell->end(), [](char c) { return (c & 0xC0) != 0x80; }));
        out.append(columns[k].gap + (width < columns[k].width ? columns[k].width - width : 0), ' ').append(*cell);
    }
}

void csv_row(std::string& out, std::span<const std::string> cells, const CsvDialect& d) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += d.separator;
        out += cells[i];
    }
    out += "\r\n";
}

std::string csv_text(std::string_view s, bool always_quote, const CsvDialect& d) {
    std::string shown = printable(s);
    // A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
    // -2+3, @SUM(...)); a leading apostrophe makes it text. Tab and CR are escaped by printable
    // already, but the cell that began with one is marked all the same.
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) {
        shown.insert(0, 1, '\'');
        always_quote = true;
    }
    return always_quote ? quote(shown) : csv_field(shown, d);
}

namespace {

std::string xml_escape(std::string_view s) { return markup_escape(s); }

}  // namespace

std::string section_of(const Engine& engine, const Finding& f) {
    if (!f.has_version) return "";
    const RuleVersion& v = engine.meta(f).versions[f.version];
    return fmt::format("{} {}", law_name_da(v.law), v.section);
}

namespace {

std::string optional_number(std::optional<std::int64_t> v) { return v ? std::to_string(*v) : ""; }

}  // namespace

std::string unit_name(MarginUnit u) {
    switch (u) {
        case MarginUnit::seconds: return "seconds";
        case MarginUnit::days: return "days";
        case MarginUnit::hverdage: return "hverdage";
    }
    return "";
}

namespace {

std::string files(std::size_t n, Lang lang) {
    if (lang == Lang::da) return fmt::format("{} {}", n, n == 1 ? "fil" : "filer");
    return fmt::format("{} {}", n, n == 1 ? "file" : "files");
}

}  // namespace

std::string incomplete_sentence(const Incomplete& g, Lang lang) {
    if (lang == Lang::da)
        return fmt::format("opgav, efter at {} ikke kunne læses (--max-failures {}); {} blev ikke kontrolleret", files(g.failed, lang),
                           g.max_failures, files(g.not_checked, lang));
    return fmt::format("gave up after {} could not be read (--max-failures {}); {} not checked", files(g.failed, lang),
                       g.max_failures, files(g.not_checked, lang));
}

std::string incomplete_line(const Incomplete& g, Lang lang) {
    return fmt::format("{}: {}\n", lang == Lang::da ? "UFULDSTÆNDIG" : "INCOMPLETE", incomplete_sentence(g, lang));
}

std::string totals_text(const Totals& t, Lang lang) {
    const bool da = lang == Lang::da;
    std::uint64_t findings = 0, problems = 0;
    std::string by_status, problem_words;
    for (std::size_t i = 0; i < status_count; ++i) {
        const auto s = static_cast<Status>(i);
        findings += t.by_status[i];
        by_status += fmt::format("{}{} {}", i ? ", " : "", t.by_status[i], status_word(s, lang));
        if (!is_problem(s)) continue;
        problems += t.by_status[i];
        // "late, missed, violated or indeterminate", from the same words as the statuses.
        const bool last = s == Status::indeterminate;
        problem_words += fmt::format("{}{}", problem_words.empty() ? "" : last ? (da ? " eller " : " or ") : ", ", status_word(s, lang));
    }
    std::string out = da ? fmt::format("i alt: {} {} vurderet, {} fund ({}), {} input ikke læst\n", t.cases, t.cases == 1 ? "sag" : "sager",
                                       findings, by_status, t.not_read)
                         : fmt::format("totals: {} {} checked, {} {} ({}), {} {} not read\n", t.cases, t.cases == 1 ? "case" : "cases",
                                       findings, findings == 1 ? "finding" : "findings", by_status, t.not_read,
                                       t.not_read == 1 ? "input" : "inputs");
    // As cli/main.cpp's exit codes: 2 for an input not read, whatever the findings; else 1 for a problem.
    const int code = t.not_read ? 2 : problems ? 1 : 0;
    std::string why;
    if (da) {
        const std::string problem_text = problems ? fmt::format("{} fund har status {}", problems, problem_words)
                                                  : fmt::format("intet fund har status {}", problem_words);
        why = t.not_read ? fmt::format("{} input kunne ikke læses (fejlene står på standard error); {}", t.not_read, problem_text)
                         : problem_text;
        out += fmt::format("afslutningskode {}: {}\n", code, why);
    } else {
        const std::string problem_text = problems ? fmt::format("{} {} {}", problems, problems == 1 ? "finding is" : "findings are", problem_words)
                                                  : fmt::format("no finding is {}", problem_words);
        why = t.not_read ? fmt::format("{} {} could not be read (the errors are on standard error); {}", t.not_read,
                                       t.not_read == 1 ? "input" : "inputs", problem_text)
                         : problem_text;
        out += fmt::format("exit code {}: {}\n", code, why);
    }
    return out;
}

void html_report_incomplete(std::string& doc, const Incomplete& g, Lang lang) {
    // Under the heading's line (version, time, counts), before the readings.
    const std::string_view readings = "<p class=\"readings muted\">";
    const std::size_t at = doc.find(readings);
    if (at == std::string::npos) throw std::logic_error("the HTML report has no readings paragraph");
    doc.insert(at, fmt::format("<p class=\"errors incomplete\" data-not-checked=\"{}\"><strong>{}:</strong> {}.</p>\n", g.not_checked,
                               lang == Lang::da ? "Ufuldstændig" : "Incomplete", xml_escape(incomplete_sentence(g, lang))));
}

void csv_incomplete(std::string& out, const Incomplete& g, Lang lang, const CsvDialect& d) {
    std::string cells[18];
    cells[7] = "incomplete";
    cells[8] = "max_failures";
    cells[17] = csv_field(incomplete_sentence(g, lang), d);
    csv_row(out, cells, d);
}

void junit_incomplete(std::string& out, const Incomplete& g) {
    out += fmt::format(
        "  <testsuite name=\"barnetslov\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase classname=\"batch\" name=\"incomplete batch\"><error type=\"incomplete\" message=\"{}\"/></testcase>\n"
        "  </testsuite>\n",
        xml_escape(incomplete_sentence(g, Lang::en)));
}

void csv_findings_header(std::string& out, const CsvDialect& d) {
    out += csv_start(d);
    const std::string cells[] = {"file", "case", "municipality", "unit", "rule", "section", "severity", "status", "reason",
                                 "basis", "event", "event_line", "trigger", "due", "done", "margin", "margin_unit", "summary"};
    csv_row(out, cells, d);
}

void csv_findings(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang,
                  const CsvDialect& d) {
    const Case& c = *report.kase;
    const Calendar& cal = engine.calendar();
    for (const Finding& f : report.findings) {
        if (!passes(filter, engine, report, f)) continue;
        const Event& e = c.event(f.subject);
        const FindingText t = describe(engine, report, f, lang);
        // Text from the case file or its name goes through csv_text (escaped, never a formula);
        // what the program writes (numbers such as a negative margin, dates, keys) stays as it is.
        const std::string fields[] = {
            csv_text(c.source(), false, d), csv_text(c.id(), false, d), csv_text(c.municipality(), false, d), csv_text(finding_unit(c, f), false, d),
            csv_field(engine.meta(f).id, d), csv_field(section_of(engine, f), d), csv_field(to_string(engine.meta(f).severity), d),
            csv_field(to_string(f.status), d), csv_field(reason_key(f.reason), d), csv_field(basis_key(f.basis), d),
            csv_text(e.id(), false, d), std::to_string(e.location().line), iso_moment(e.at(), cal),
            f.deadline ? iso_instant(f.deadline->due_first, cal) : "", f.done ? iso_moment(*f.done, cal) : "",
            optional_number(f.margin), f.margin ? unit_name(f.margin_unit) : "", csv_field(fmt::format("{} {}", t.summary, t.margin), d)};
        csv_row(out, fields, d);
    }
}

void csv_error(std::string& out, const InputError& e, const CsvDialect& d) {
    std::string cells[18];
    cells[0] = csv_text(e.source, false, d);
    cells[7] = "error";
    cells[11] = std::to_string(e.location.line);
    cells[17] = csv_text(e.to_string(), false, d);
    csv_row(out, cells, d);
}

namespace {

// "83.1 %" or "83,1 %" (Danish decimal comma), one decimal.
std::string share_text(double share, Lang lang) { return fixed_text(share * 100, 1, decimal_mark(lang)) + " %"; }

// "[76.4–88.6]": the 95 % interval in percent.
std::string interval_text(const Interval& i, Lang lang) {
    const char mark = decimal_mark(lang);
    return '[' + fixed_text(i.low * 100, 1, mark) + '-' + fixed_text(i.high * 100, 1, mark) + ']';
}

// The figures table of summary_text: the counts, n, the share, its interval and the days late and overdue.
constexpr std::array<Column, 13> figure_columns{{{2, 6}, {1, 6}, {1, 5}, {1, 6}, {1, 8}, {1, 7}, {1, 5}, {1, 5}, {1, 6}, {2, 9}, {1, 13}, {2, 9}, {1, 9}}};

const RuleMeta* meta_of(const Engine& engine, std::string_view id) {
    const Rule* r = engine.rulebook().find(id);
    return r ? &r->meta() : nullptr;
}

}  // namespace

std::string summary_text(const Engine& engine, const Aggregates& figures, Lang lang, const std::optional<Incomplete>& incomplete) {
    const bool da = lang == Lang::da;
    std::string out = fmt::format("{} {}\n", figures.case_count(), da ? "sager" : "cases");
    if (incomplete) out += incomplete_line(*incomplete, lang);
    write_readings_text(out, engine.readings_used(), lang);
    // Data coverage first: a rule whose evidence the export does not carry has no share on time.
    for (const RuleCoverage& c : figures.coverage()) {
        if (c.data == DataCoverage::present) continue;
        const RuleMeta* m = meta_of(engine, c.rule);
        const std::string evidence = m ? evidence_text(*m) : "";
        out += c.data == DataCoverage::none
                   ? fmt::format(fmt::runtime(da ? "INGEN DATA I DETTE UDTRÆK: {} (ingen af {} filer har {})\n"
                                                 : "NO DATA IN THIS EXPORT: {} (none of {} files carries {})\n"),
                                 c.rule, c.files_with_findings, evidence)
                   : fmt::format(fmt::runtime(da ? "SPARSOMME DATA: {} ({} af {} filer har {})\n" : "SPARSE DATA: {} ({} of {} files carry {})\n"),
                                 c.rule, c.files_with_evidence, c.files_with_findings, evidence);
    }
    const std::string axes = [&] {
        std::string a;
        for (GroupBy by : figures.axes()) a.append(a.empty() ? "  " : " / ").append(to_string(by));
        return a;
    }();
    auto p50_90 = [](const DayHistogram& h) {
        return h.count() ? fmt::format("{}/{}", *h.percentile(50), *h.percentile(90)) : std::string("-");
    };
    std::string_view last_rule;
    for (const GroupFigures* g : figures.groups()) {
        if (g->rule != last_rule) {
            // Each rule under its own heading: id, title, the Børnesagsbarometret indicator it reproduces.
            last_rule = g->rule;
            const RuleMeta* m = meta_of(engine, g->rule);
            out += fmt::format("\n{}  {}\n", g->rule, m ? (da ? m->title_da : m->title_en) : "");
            if (const auto indicator = barometer_indicator(g->rule); !indicator.empty())
                out += fmt::format("  {}: {}\n", da ? "Børnesagsbarometret" : "Børnesagsbarometret indicator", indicator);
            table_row(out, figure_columns,
                      {da ? "sager" : "cases", da ? "overh." : "met", da ? "sent" : "late", da ? "overs." : "missed", da ? "tilsides" : "violated",
                       da ? "verser." : "pending", da ? "i.rel" : "n/a", da ? "uafg." : "indet", "n", da ? "rettid" : "on time",
                       da ? "95 %-interval" : "95 % interval", da ? "sent d" : "late d", da ? "overs. d" : "overdue d"});
            out.append(axes) += '\n';
        }
        const auto& st = g->status;
        std::string share = "-", interval;
        if (figures.data(g->rule) == DataCoverage::none) {
            share = da ? "ingen data" : "no data";
        } else if (const auto v = g->share_on_time()) {
            share = share_text(*v, lang) + (g->small_sample() ? "*" : " ");
            interval = interval_text(*g->share_on_time_interval(), lang);
        }
        // The group's name last: a long unit name cannot push the figures out of their columns.
        using std::to_string;
        table_row(out, figure_columns,
                  {to_string(g->cases), to_string(st[0]), to_string(st[1]), to_string(st[2]), to_string(st[3]), to_string(st[4]), to_string(st[5]),
                   to_string(st[6]), to_string(g->judged()), share, interval, p50_90(g->late_days), p50_90(g->overdue_days)});
        if (!g->group.empty()) out.append("  ").append(printable(g->group));
        out += '\n';
    }
    out += da ? "\novers. = overskredet, verser. = verserende, i.rel = ikke relevant, uafg. = kan ikke afgøres; n = bedømte fund = "
                "overholdt + for sent + overskredet + tilsidesat; rettid = overholdt / n, med 95 %-interval (Wilson); * færre end 30 "
                "bedømte fund; sent d og overs. d: median/90 %-fraktil i dage; ingen data: ingen fil i udtrækket har det, reglen "
                "bedømmes på\n"
              : "\nn = judged findings = met + late + missed + violated; on time = met / n, with its 95 % interval (Wilson); * fewer than 30 judged findings; "
                "late d and overdue d: median/90th percentile in days; no data: no file of the export carries what the rule is judged "
                "on\n";
    // The groups with findings met only through a basis (a lawful exception: a foreløbig vurdering, ...), with the
    // share on time without them (for BL-UNDS-4M the Børnesagsbarometret indicator, "concluded within 4 months").
    bool header = false;
    for (const GroupFigures* g : figures.groups()) {
        if (g->met_with_basis == 0) continue;
        if (!header) {
            out += da ? "opfyldt på et grundlag (lovlig undtagelse, fx foreløbig vurdering), og rettid uden dem:\n"
                      : "met on a basis (a lawful exception, e.g. a foreløbig vurdering), and on time without them:\n";
            header = true;
        }
        const auto share = g->share_on_time_without_basis();
        out += fmt::format("  {:<26} {:>6} {:>9}", g->rule, g->met_with_basis,
                           figures.data(g->rule) == DataCoverage::none ? std::string(da ? "ingen data" : "no data")
                           : share                                   ? share_text(*share, lang)
                                                                     : std::string("-"));
        if (!g->group.empty()) out.append("  ").append(printable(g->group));
        if (barometer_without_basis(g->rule)) out += fmt::format("  ({})", barometer_indicator(g->rule));
        out += '\n';
    }
    if (figures.indicators().any()) indicators_text(out, figures.indicators(), lang);
    return out;
}

std::string summary_csv(const Aggregates& figures, const std::optional<Incomplete>& incomplete, const CsvDialect& d) {
    // Columns are only ever added at the end: a spreadsheet or script that reads them by position keeps working.
    std::vector<std::string> header{
        "rule", "group", "indicator", "cases", "findings", "met", "late", "missed", "violated", "pending", "not_applicable",
        "indeterminate", "share_on_time", "late_median_days", "late_p90_days", "overdue_median_days", "overdue_p90_days",
        "met_with_basis", "share_on_time_without_basis", "judged", "share_on_time_low95", "share_on_time_high95", "small_sample",
        "cases_with_evidence", "data"};
    for (GroupBy by : figures.axes()) header.emplace_back(to_string(by));
    // The indicators' rows (rule INDICATOR) add their columns after the axes.
    const std::size_t compliance_cells = header.size();
    const bool indicators = figures.indicators().any();
    if (indicators)
        for (std::string& c : indicator_csv_columns(figures.indicators(), figures.axes())) header.push_back(std::move(c));
    std::string out(csv_start(d));
    csv_row(out, header, d);
    const auto share = [&d](std::optional<double> v) { return v ? csv_number(*v, 4, d) : std::string(); };
    for (const GroupFigures* g : figures.groups()) {
        const DataCoverage data = figures.data(g->rule);
        const bool shown = data != DataCoverage::none;  // no data: no share, not 0
        const auto interval = shown ? g->share_on_time_interval() : std::nullopt;
        std::vector<std::string> cells{csv_field(g->rule, d), csv_text(g->group, false, d), csv_field(barometer_indicator(g->rule), d),
                                       std::to_string(g->cases), std::to_string(g->findings())};
        for (std::uint64_t n : g->status) cells.push_back(std::to_string(n));
        cells.insert(cells.end(), {shown ? share(g->share_on_time()) : "", optional_number(g->late_days.percentile(50)),
                                   optional_number(g->late_days.percentile(90)), optional_number(g->overdue_days.percentile(50)),
                                   optional_number(g->overdue_days.percentile(90)), std::to_string(g->met_with_basis),
                                   shown ? share(g->share_on_time_without_basis()) : "", std::to_string(g->judged()),
                                   interval ? share(interval->low) : "", interval ? share(interval->high) : "",
                                   g->small_sample() ? "true" : "false", std::to_string(g->cases_with_evidence), std::string(to_string(data))});
        for (const std::string& k : g->keys) cells.push_back(csv_text(k, false, d));
        cells.resize(header.size());
        csv_row(out, cells, d);
    }
    if (indicators) indicators_csv(out, figures.indicators(), figures.axes(), compliance_cells, d);
    if (incomplete) {
        // As many cells as the header has: rule "incomplete", the files not checked under "cases".
        std::vector<std::string> cells(header.size());
        cells[0] = "incomplete";
        cells[3] = std::to_string(incomplete->not_checked);
        csv_row(out, cells, d);
    }
    return out;
}

std::string summary_json(const Engine& engine, const Aggregates& figures, Instant as_of, const std::optional<Incomplete>& incomplete) {
    using json = nlohmann::ordered_json;
    auto days = [](const DayHistogram& h) {
        auto v = [](std::optional<std::int64_t> x) { return x ? json(*x) : json(nullptr); };
        return json{{"count", h.count()}, {"median", v(h.percentile(50))}, {"p90", v(h.percentile(90))}};
    };
    auto number = [](std::optional<double> v) { return v ? json(*v) : json(nullptr); };
    json groups = json::array();
    for (const GroupFigures* g : figures.groups()) {
        json status = json::object();
        for (std::size_t s = 0; s < status_count; ++s) status[std::string(to_string(static_cast<Status>(s)))] = g->status[s];
        const std::string_view indicator = barometer_indicator(g->rule);
        const DataCoverage data = figures.data(g->rule);
        const bool shown = data != DataCoverage::none;  // no data: the shares are null, never 0
        const auto interval = shown ? g->share_on_time_interval() : std::nullopt;
        json keys = json::object();
        for (std::size_t a = 0; a < figures.axes().size() && a < g->keys.size(); ++a) keys[std::string(to_string(figures.axes()[a]))] = g->keys[a];
        groups.push_back(json{{"rule", g->rule},
                              {"group", g->group},
                              {"indicator", indicator.empty() ? json(nullptr) : json(indicator)},
                              {"cases", g->cases},
                              {"findings", g->findings()},
                              {"status", status},
                              {"share_on_time", shown ? number(g->share_on_time()) : json(nullptr)},
                              {"met_with_basis", g->met_with_basis},
                              {"share_on_time_without_basis", shown ? number(g->share_on_time_without_basis()) : json(nullptr)},
                              {"indicator_share", indicator.empty()                 ? json(nullptr)
                                                  : barometer_without_basis(g->rule) ? json("share_on_time_without_basis")
                                                                                      : json("share_on_time")},
                              {"late_days", days(g->late_days)},
                              {"overdue_days", days(g->overdue_days)},
                              // Added in 0.3: the report JSON's name for the status counts, the group's key per
                              // axis, the sample size and interval, and the data coverage.
                              {"statuses", std::move(status)},
                              {"keys", std::move(keys)},
                              {"judged", g->judged()},
                              {"share_on_time_interval", interval ? json{{"low", interval->low}, {"high", interval->high}} : json(nullptr)},
                              {"small_sample", g->small_sample()},
                              {"cases_with_evidence", g->cases_with_evidence},
                              {"data", to_string(data)}});
    }
    json readings = json::object();
    for (const ReadingValue& r : engine.readings_used()) readings[r.name] = r.value;
    json axes = json::array();
    for (GroupBy by : figures.axes()) axes.push_back(to_string(by));
    json coverage = json::array();
    for (const RuleCoverage& c : figures.coverage()) {
        const RuleMeta* m = meta_of(engine, c.rule);
        coverage.push_back(json{{"rule", c.rule},
                                {"evidence", m ? evidence_text(*m) : ""},
                                {"files_with_findings", c.files_with_findings},
                                {"files_with_evidence", c.files_with_evidence},
                                {"data", to_string(c.data)}});
    }
    json doc{{"format", "barnetslov-summary"},
             {"version", 1},
             {"format_version", 1},
             {"library_version", BL_VERSION_STRING},
             {"as_of", iso_instant(as_of, engine.calendar())},
             {"readings", readings},
             {"cases", figures.case_count()}};
    if (incomplete) {
        doc["incomplete"] = true;
        doc["not_checked"] = incomplete->not_checked;
    }
    doc["group_by"] = to_string(figures.group_by());
    doc["axes"] = std::move(axes);
    doc["coverage"] = std::move(coverage);
    doc["groups"] = std::move(groups);
    // Added with issue 18: the indicators for the auditor (docs/indicators.md), raw counts only.
    if (figures.indicators().any()) {
        doc["indicators"] = indicators_json(figures.indicators());
        doc["indicator_groups"] = indicators_about_json(figures.indicators());
    }
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void junit_case(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang) {
    const Case& c = *report.kase;
    std::string cases;
    std::size_t tests = 0, failures = 0, skipped = 0;
    for (const Finding& f : report.findings) {
        if (!passes(filter, engine, report, f)) continue;
        ++tests;
        const RuleMeta& m = engine.meta(f);
        const Event& e = c.event(f.subject);
        const FindingText t = describe(engine, report, f, lang);
        cases += fmt::format("    <testcase classname=\"{}\" name=\"{} {} '{}' line {}\">", xml_escape(m.id), xml_escape(m.id),
                             event_spec(e.type()).element, xml_escape(e.id()), e.location().line);
        if (is_problem(f.status)) {
            ++failures;
            const std::string detail = fmt::format("{}{}{}", t.counting, t.counting.empty() || t.margin.empty() ? "" : "; ", t.margin);
            cases += fmt::format("\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ", to_string(f.status), xml_escape(t.summary),
                                 xml_escape(fmt::format("{} {}: {}", section_of(engine, f), to_string(f.status), detail)));
        } else if (f.status == Status::not_applicable) {
            ++skipped;
            cases += fmt::format("<skipped message=\"{}\"/>", xml_escape(t.summary));
        }
        cases += "</testcase>\n";
    }
    out += fmt::format("  <testsuite name=\"{}\" package=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}  </testsuite>\n",
                       xml_escape(c.id()), xml_escape(c.source()), tests, failures, skipped, cases);
}

void junit_error(std::string& out, const InputError& e) {
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase classname=\"load\" name=\"load {}\"><error type=\"input\" message=\"{}\"/></testcase>\n  </testsuite>\n",
        xml_escape(e.source), xml_escape(e.source), xml_escape(e.to_string()));
}

std::string junit_document(const std::string& suites, std::size_t tests, std::size_t failures, std::size_t errors, std::size_t skipped) {
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"barnetslov\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
        "skipped=\"{}\">\n{}</testsuites>\n",
        tests, failures, errors, skipped, suites);
}

}  // namespace barnetslov::cli
