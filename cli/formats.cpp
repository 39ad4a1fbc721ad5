#include "formats.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/case.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"

namespace barnetslov::cli {

namespace {

// RFC 4180: quote every field that needs it, doubling quotes.
std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"') q += '"';
        q += ch;
    }
    return q + '"';
}

}  // namespace

std::string csv_text(std::string_view s, bool always_quote) {
    std::string shown = printable(s);
    // A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
    // -2+3, @SUM(...)); a leading apostrophe makes it text. Tab and CR are escaped by printable
    // already, but the cell that began with one is marked all the same.
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) {
        shown.insert(0, 1, '\'');
        always_quote = true;
    }
    if (!always_quote) return csv_field(shown);
    std::string q = "\"";
    for (char ch : shown) {
        if (ch == '"') q += '"';
        q += ch;
    }
    return q + '"';
}

namespace {

std::string xml_escape(std::string_view s) { return markup_escape(s); }

std::string section_of(const Engine& engine, const Finding& f) {
    if (!f.has_version) return "";
    const RuleVersion& v = engine.meta(f).versions[f.version];
    return fmt::format("{} {}", law_name_da(v.law), v.section);
}

std::string optional_number(std::optional<std::int64_t> v) { return v ? std::to_string(*v) : ""; }

std::string unit_name(MarginUnit u) {
    switch (u) {
        case MarginUnit::seconds: return "seconds";
        case MarginUnit::days: return "days";
        case MarginUnit::hverdage: return "hverdage";
    }
    return "";
}


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

void html_report_incomplete(std::string& doc, const Incomplete& g, Lang lang) {
    // Under the heading's line (version, time, counts), before the readings.
    const std::string_view readings = "<p class=\"readings muted\">";
    const std::size_t at = doc.find(readings);
    if (at == std::string::npos) throw std::logic_error("the HTML report has no readings paragraph");
    doc.insert(at, fmt::format("<p class=\"errors incomplete\" data-not-checked=\"{}\"><strong>{}:</strong> {}.</p>\n", g.not_checked,
                               lang == Lang::da ? "Ufuldstændig" : "Incomplete", xml_escape(incomplete_sentence(g, lang))));
}

void csv_incomplete(std::string& out, const Incomplete& g, Lang lang) {
    out += ",,,,,,,incomplete,max_failures,,,,,,,,," + csv_field(incomplete_sentence(g, lang)) + "\r\n";
}

void junit_incomplete(std::string& out, const Incomplete& g) {
    out += fmt::format(
        "  <testsuite name=\"barnetslov\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase classname=\"batch\" name=\"incomplete batch\"><error type=\"incomplete\" message=\"{}\"/></testcase>\n"
        "  </testsuite>\n",
        xml_escape(incomplete_sentence(g, Lang::en)));
}

void csv_findings_header(std::string& out) {
    out += "file,case,municipality,unit,rule,section,severity,status,reason,basis,event,event_line,trigger,due,done,margin,margin_unit,summary\r\n";
}

void csv_findings(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang) {
    const Case& c = *report.kase;
    const Calendar& cal = engine.calendar();
    for (const Finding& f : report.findings) {
        if (!passes(filter, engine, report, f)) continue;
        const Event& e = c.event(f.subject);
        const FindingText t = describe(engine, report, f, lang);
        const std::string fields[] = {
            csv_text(c.source()), csv_text(c.id()), csv_text(c.municipality()), csv_text(c.unit()), csv_field(engine.meta(f).id),
            csv_field(section_of(engine, f)), csv_field(to_string(engine.meta(f).severity)), csv_field(to_string(f.status)),
            csv_field(reason_key(f.reason)), csv_field(basis_key(f.basis)), csv_text(e.id()), std::to_string(e.location().line), iso_moment(e.at(), cal),
            f.deadline ? iso_instant(f.deadline->due_first, cal) : "", f.done ? iso_moment(*f.done, cal) : "",
            optional_number(f.margin), f.margin ? unit_name(f.margin_unit) : "", csv_field(fmt::format("{} {}", t.summary, t.margin))};
        // Text from the case file or its name goes through csv_text (escaped, never a formula);
        // what the program writes (numbers such as a negative margin, dates, keys) stays as it is.
        bool first = true;
        for (const std::string& field : fields) {
            if (!first) out += ',';
            out += field;
            first = false;
        }
        out += "\r\n";
    }
}

void csv_error(std::string& out, const InputError& e) {
    out += csv_text(e.source) + ",,,,,,,error,,,," + std::to_string(e.location.line) + ",,,,,," + csv_text(e.to_string()) + "\r\n";
}

std::string summary_text(const Engine& engine, const Aggregates& figures, Lang lang, const std::optional<Incomplete>& incomplete) {
    const bool da = lang == Lang::da;
    std::string out = fmt::format("{} {}\n", figures.case_count(), da ? "sager" : "cases");
    if (incomplete) out += incomplete_line(*incomplete, lang);
    write_readings_text(out, engine.readings_used(), lang);
    out += fmt::format("{:<26} {:<14} {:>6} {:>6} {:>5} {:>6} {:>8} {:>7} {:>5} {:>5} {:>7}  {:>9}  {:>9}\n", da ? "regel" : "rule",
                       da ? "gruppe" : "group", da ? "sager" : "cases", "met", "late", "missed", "violated", "pending", "n/a", "indet",
                       da ? "rettid" : "on time", da ? "forsinket" : "late d", da ? "overskr." : "overdue d");
    auto pct = [](const GroupFigures& g) { return g.share_on_time() ? fmt::format("{:.1f} %", *g.share_on_time() * 100) : std::string("-"); };
    auto p50_90 = [](const DayHistogram& h) {
        return h.count() ? fmt::format("{}/{}", *h.percentile(50), *h.percentile(90)) : std::string("-");
    };
    for (const GroupFigures* g : figures.groups()) {
        const auto& s = g->status;
        out += fmt::format("{:<26} {:<14} {:>6} {:>6} {:>5} {:>6} {:>8} {:>7} {:>5} {:>5} {:>7}  {:>9}  {:>9}\n", g->rule,
                           g->group.empty() ? "-" : printable(g->group), g->cases, s[0], s[1], s[2], s[3], s[4], s[5], s[6], pct(*g),
                           p50_90(g->late_days), p50_90(g->overdue_days));
    }
    out += da ? "rettid = opfyldt / (opfyldt + forsinket + overskredet + tilsidesat); forsinket og overskredet: median/90 %-fraktil i dage\n"
              : "on time = met / (met + late + missed + violated); late d and overdue d: median/90th percentile in days\n";
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
        out += fmt::format("{:<26} {:<14} {:>6} {:>9}", g->rule, g->group.empty() ? "-" : printable(g->group), g->met_with_basis,
                           share ? fmt::format("{:.1f} %", *share * 100) : std::string("-"));
        if (barometer_without_basis(g->rule)) out += fmt::format("  ({})", barometer_indicator(g->rule));
        out += '\n';
    }
    return out;
}

std::string summary_csv(const Aggregates& figures, const std::optional<Incomplete>& incomplete) {
    static constexpr std::string_view header =
        "rule,group,indicator,cases,findings,met,late,missed,violated,pending,not_applicable,indeterminate,share_on_time,"
        "late_median_days,late_p90_days,overdue_median_days,overdue_p90_days,met_with_basis,share_on_time_without_basis\r\n";
    std::string out(header);
    for (const GroupFigures* g : figures.groups()) {
        out += fmt::format("{},{},{},{},{}", csv_field(g->rule), csv_text(g->group), csv_field(barometer_indicator(g->rule)), g->cases,
                           g->findings());
        for (std::uint64_t n : g->status) out += fmt::format(",{}", n);
        out += fmt::format(",{},{},{},{},{},{},{}\r\n", g->share_on_time() ? fmt::format("{:.4f}", *g->share_on_time()) : "",
                           optional_number(g->late_days.percentile(50)), optional_number(g->late_days.percentile(90)),
                           optional_number(g->overdue_days.percentile(50)), optional_number(g->overdue_days.percentile(90)),
                           g->met_with_basis,
                           g->share_on_time_without_basis() ? fmt::format("{:.4f}", *g->share_on_time_without_basis()) : "");
    }
    if (incomplete) {
        // As many cells as the header has: rule "incomplete", the files not checked under "cases".
        const auto columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ','));
        out += fmt::format("incomplete,,,{}{}\r\n", incomplete->not_checked, std::string(columns - 3, ','));
    }
    return out;
}

std::string summary_json(const Engine& engine, const Aggregates& figures, Instant as_of, const std::optional<Incomplete>& incomplete) {
    using json = nlohmann::ordered_json;
    auto days = [](const DayHistogram& h) {
        auto v = [](std::optional<std::int64_t> x) { return x ? json(*x) : json(nullptr); };
        return json{{"count", h.count()}, {"median", v(h.percentile(50))}, {"p90", v(h.percentile(90))}};
    };
    json groups = json::array();
    for (const GroupFigures* g : figures.groups()) {
        json status = json::object();
        for (std::size_t s = 0; s < status_count; ++s) status[std::string(to_string(static_cast<Status>(s)))] = g->status[s];
        const std::string_view indicator = barometer_indicator(g->rule);
        groups.push_back(json{{"rule", g->rule},
                              {"group", g->group},
                              {"indicator", indicator.empty() ? json(nullptr) : json(indicator)},
                              {"cases", g->cases},
                              {"findings", g->findings()},
                              {"status", std::move(status)},
                              {"share_on_time", g->share_on_time() ? json(*g->share_on_time()) : json(nullptr)},
                              {"met_with_basis", g->met_with_basis},
                              {"share_on_time_without_basis",
                               g->share_on_time_without_basis() ? json(*g->share_on_time_without_basis()) : json(nullptr)},
                              {"indicator_share", indicator.empty()                 ? json(nullptr)
                                                  : barometer_without_basis(g->rule) ? json("share_on_time_without_basis")
                                                                                      : json("share_on_time")},
                              {"late_days", days(g->late_days)},
                              {"overdue_days", days(g->overdue_days)}});
    }
    json readings = json::object();
    for (const ReadingValue& r : engine.readings_used()) readings[r.name] = r.value;
    const char* by = figures.group_by() == GroupBy::year ? "year" : figures.group_by() == GroupBy::unit ? "unit" : "rule";
    json doc{{"format", "barnetslov-summary"},
             {"version", 1},
             {"library_version", BL_VERSION_STRING},
             {"as_of", iso_instant(as_of, engine.calendar())},
             {"readings", readings},
             {"cases", figures.case_count()}};
    if (incomplete) {
        doc["incomplete"] = true;
        doc["not_checked"] = incomplete->not_checked;
    }
    doc["group_by"] = by;
    doc["groups"] = std::move(groups);
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
