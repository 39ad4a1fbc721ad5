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

// Appends `s` left-aligned in `width` columns, counting code points as fmt's {:<N} does; plain
// appends instead of fmt because a report line is a handful of pieces and fmt's run-time parsing
// of the format string was a quarter of a batch (bench/ANALYSIS.md).
void padded(std::string& out, std::string_view s, std::size_t width) {
    out += s;
    std::size_t columns = 0;
    for (unsigned char ch : s) columns += (ch & 0xC0) != 0x80;
    if (columns < width) out.append(width - columns, ' ');
}

// "<indent><label padded to 11> "
void label(std::string& out, std::string_view name) {
    out.append(17, ' ');
    padded(out, name, 11);
    out += ' ';
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
    std::string where = c.municipality().empty() ? "" : fmt::format("{} {}", da ? "kommune" : "municipality", c.municipality());
    if (!c.unit().empty()) where += where.empty() ? c.unit() : ", " + c.unit();
    fmt::format_to(std::back_inserter(out), "{}: {} {}{}\n", c.source(), da ? "sag" : "case", c.id(), where.empty() ? "" : fmt::format(" ({})", where));
    if (report.findings.empty()) out += da ? "  ingen fund\n" : "  no findings\n";
    for (const Finding& f : report.findings) {
        const RuleMeta& m = engine.meta(f);
        out += "  ";
        padded(out, upper(to_string(f.status)), 14);
        out += ' ';
        out += m.id;
        out += "  ";
        if (f.has_version) {
            const RuleVersion& v = m.versions[f.version];
            out += law_name_da(v.law);
            out += ' ';
            out += v.section;
        } else {
            out += '-';
        }
        out += "  ";
        out += da ? m.title_da : m.title_en;
        out += '\n';
        for (const EventUse& u : f.events) {
            const Event& e = c.event(u.event);
            label(out, role_name(u.role, lang));
            out += event_spec(e.type()).element;
            out += " '";
            out += e.id();
            out += da ? "' linje " : "' line ";
            out += std::to_string(e.location().line);
            out += ": ";
            out += format_moment(e.at(), cal);
            out += '\n';
            if (u.role == EventRole::trigger && e.type() == EventType::underretning) {
                if (const auto w = e.moment(Attr::written_received_at); w && w->day != e.at().day) {
                    label(out, "");
                    out += da ? "skriftlig underretning modtaget " : "written underretning received ";
                    out += format_moment(*w, cal);
                    out += da ? " (starter ikke fristen forfra)\n" : " (does not restart the clock)\n";
                }
            }
        }
        const FindingText t = describe(engine, report, f, lang);
        if (!t.counting.empty()) {
            label(out, da ? "frist" : "due");
            out += t.counting;
            out += '\n';
        }
        label(out, da ? "resultat" : "result");
        if (!t.margin.empty() && !t.summary.empty() && t.summary.back() == '.') {
            out.append(t.summary, 0, t.summary.size() - 1);
            out += " (";
            out += t.margin;
            out += ").";
        } else {
            out += t.summary;
        }
        out += '\n';
        if (!t.basis.empty()) {
            label(out, da ? "grundlag" : "basis");
            out += t.basis;
            out += '\n';
        }
    }
}

}  // namespace barnetslov
