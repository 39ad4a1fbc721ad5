// The people's report. One block per case:
//
//   examples/03-late-24h.xml: case 2024-0117 (municipality 0101, Familieafdelingen Nord)
//     LATE      BL-UND-24H  barnets lov § 136  Assessment of an underretning within 24 hours
//               trigger     underretning 'u1' line 8: 2024-03-28 14:30
//               fulfilment  akutvurdering 'a1' line 12: 2024-03-29 16:00
//               due         24 hours after 2024-03-28 14:30 = 2024-03-29 14:30
//               result      Done after the deadline. late by 1 h 30 min
#include <cctype>

#include <fmt/format.h>

#include "barnetslov/report.hpp"

namespace barnetslov {

namespace {

std::string_view role_name(EventRole r, Lang lang) {
    const bool da = lang == Lang::da;
    switch (r) {
        case EventRole::trigger: return da ? "udløst af" : "trigger";
        case EventRole::fulfilment: return da ? "opfyldt af" : "fulfilment";
        case EventRole::exception: return da ? "undtagelse" : "exception";
        case EventRole::related: return da ? "se også" : "related";
    }
    return "";
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

void write_text_error(std::string& out, const InputError& e) { fmt::format_to(std::back_inserter(out), "{}\n", e.to_string()); }

void write_text(std::string& out, const Engine& engine, const Report& report, Lang lang) {
    const Case& c = *report.kase;
    const Calendar& cal = engine.calendar();
    const bool da = lang == Lang::da;
    auto it = std::back_inserter(out);
    std::string where = c.municipality().empty() ? "" : fmt::format("{} {}", da ? "kommune" : "municipality", c.municipality());
    if (!c.unit().empty()) where += where.empty() ? c.unit() : ", " + c.unit();
    fmt::format_to(it, "{}: {} {}{}\n", c.source(), da ? "sag" : "case", c.id(), where.empty() ? "" : fmt::format(" ({})", where));
    if (report.findings.empty()) fmt::format_to(it, "  {}\n", da ? "ingen fund" : "no findings");
    const std::string indent(17, ' ');
    for (const Finding& f : report.findings) {
        const RuleMeta& m = engine.meta(f);
        std::string section = "-";
        if (f.has_version) {
            const RuleVersion& v = m.versions[f.version];
            section = fmt::format("{} {}", law_name_da(v.law), v.section);
        }
        fmt::format_to(it, "  {:<14} {}  {}  {}\n", upper(to_string(f.status)), m.id, section, da ? m.title_da : m.title_en);
        for (const EventUse& u : f.events) {
            const Event& e = c.event(u.event);
            fmt::format_to(it, "{}{:<11} {} '{}' {} {}: {}\n", indent, role_name(u.role, lang), event_spec(e.type()).element, e.id(),
                           da ? "linje" : "line", e.location().line, format_moment(e.at(), cal));
            if (u.role == EventRole::trigger && e.type() == EventType::underretning) {
                if (const auto w = e.moment(Attr::written_received_at); w && w->day != e.at().day)
                    fmt::format_to(it, "{}{:<11} {} {}\n", indent, "", da ? "skriftlig underretning modtaget" : "written underretning received",
                                   format_moment(*w, cal) + (da ? " (starter ikke fristen forfra)" : " (does not restart the clock)"));
            }
        }
        const FindingText t = describe(engine, report, f, lang);
        if (!t.counting.empty()) fmt::format_to(it, "{}{:<11} {}\n", indent, da ? "frist" : "due", t.counting);
        std::string result = t.summary;
        if (!t.margin.empty() && !result.empty() && result.back() == '.') {
            result.pop_back();
            result += fmt::format(" ({}).", t.margin);
        }
        fmt::format_to(it, "{}{:<11} {}\n", indent, da ? "resultat" : "result", result);
        if (!t.basis.empty()) fmt::format_to(it, "{}{:<11} {}\n", indent, da ? "grundlag" : "basis", t.basis);
    }
}

}  // namespace barnetslov
