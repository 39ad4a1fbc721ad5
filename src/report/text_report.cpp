// The people's report. One block per case:
//
//   examples/03-late-24h.xml: case 2024-0117 (municipality 0101, Familieafdelingen Nord)
//     LATE      BL-UND-24H  barnets lov § 136  Assessment of an underretning within 24 hours
//               trigger     underretning 'u1' line 8: 2024-03-28 14:30
//               fulfilment  akutvurdering 'a1' line 12: 2024-03-29 16:00
//               due         24 hours after 2024-03-28 14:30 = 2024-03-29 14:30
//               result      Done after the deadline. late by 1 h 30 min
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/echo.hpp"
#include "text_pieces.hpp"

namespace barnetslov {

namespace {

// Appends `s` left-aligned in `width` columns, counting code points as fmt's {:<N} does.
void padded(std::string& out, std::string_view s, std::size_t width) {
    out += s;
    std::size_t columns = 0;
    for (unsigned char ch : s) columns += (ch & 0xC0) != 0x80;
    if (columns < width) out.append(width - columns, ' ');
}

// The labels of a finding's lines. Each is printed with its indent and padding, built once: a
// report prints a few per finding, and padding them per line was a tenth of the report's cost.
// The roles' names are the reports' shared ones (role_name); the rest are the text report's own.
enum class Label : std::uint8_t { trigger, fulfilment, exception, related, blank, due, result, basis };
constexpr EventRole label_roles[] = {EventRole::trigger, EventRole::fulfilment, EventRole::exception, EventRole::related};
constexpr std::string_view other_labels[][2] = {{"", ""}, {"frist", "due"}, {"resultat", "result"}, {"grundlag", "basis"}};
constexpr std::size_t label_count = std::size(label_roles) + std::size(other_labels);

std::string_view label_name(std::size_t i, Lang lang) {
    if (i < std::size(label_roles)) return role_name(label_roles[i], lang);
    return other_labels[i - std::size(label_roles)][lang == Lang::da ? 0 : 1];
}

// Upper case as the status column prints it: ASCII and the Danish letters (æ ø å are 0xC3 0xA6,
// 0xB8, 0xA5; their capitals 0x20 lower).
std::string upper(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 'a' + 'A');
        else if (c == 0xC3 && i + 1 < out.size() && (out[i + 1] == '\xA6' || out[i + 1] == '\xB8' || out[i + 1] == '\xA5'))
            out[i + 1] = static_cast<char>(static_cast<unsigned char>(out[i + 1]) - 0x20);
    }
    return out;
}

std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// A status as the text report's column shows it: in English its key ("NOT_APPLICABLE", as scripts
// have read it), in Danish its word ("KAN IKKE AFGØRES"); in capitals.
std::string status_name(Status s, Lang lang) { return upper(lang == Lang::da ? status_word(s, lang) : to_string(s)); }

// The status column of a language: as wide as its longest status name, so that the labels below
// line up under the rule id.
std::size_t status_width(Lang lang) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < status_count; ++i) w = std::max(w, columns(status_name(static_cast<Status>(i), lang)));
    return w;
}

Label role_label(EventRole r) {
    switch (r) {
        case EventRole::trigger: return Label::trigger;
        case EventRole::fulfilment: return Label::fulfilment;
        case EventRole::exception: return Label::exception;
        case EventRole::related: return Label::related;
    }
    return Label::blank;
}

// The texts a finding's lines begin with, by language (0 Danish, 1 English), made once: the status
// column ("  LATE           "), the labels with their indent and padding ("trigger    "), and each event
// type's name. Padding them per line was a tenth of the report's cost.
// A status column or a label in a block of fixed size, copied whole (a few moves, no call) and the
// cursor advanced by its length: the buffer a finding is written into has room beyond it. 32 bytes, the
// longest (a Danish label's: 2 + 16 + 1 + 12 + 1), copied as two 16-byte moves where 48 took three
// (0.36 k instructions a file).
struct Fixed {
    char text[32];
    std::size_t size;
};

Fixed fixed(const std::string& s) {
    Fixed f{};
    if (s.size() > sizeof f.text) throw std::logic_error("barnetslov::write_text: a label longer than its block: " + s);
    std::memcpy(f.text, s.data(), s.size());
    f.size = s.size();
    return f;
}

struct Pieces {
    std::array<std::array<Fixed, status_count>, 2> status;
    std::array<std::array<Fixed, label_count>, 2> labels;
    std::array<std::array<std::string_view, event_type_count>, 2> event_names;
};

const Pieces& text_pieces() {
    static const Pieces pieces = [] {
        Pieces t;
        for (const Lang lang : {Lang::da, Lang::en}) {
            const std::size_t g = lang == Lang::da ? 0 : 1;
            for (std::size_t i = 0; i < status_count; ++i) {
                std::string text = "  ";
                padded(text, status_name(static_cast<Status>(i), lang), status_width(lang));
                text += ' ';
                t.status[g][i] = fixed(text);
            }
            for (std::size_t i = 0; i < label_count; ++i) {
                std::string text(2 + status_width(lang) + 1, ' ');
                padded(text, label_name(i, lang), 11);
                text += ' ';
                t.labels[g][i] = fixed(text);
            }
            for (std::size_t i = 0; i < event_type_count; ++i) t.event_names[g][i] = event_name(static_cast<EventType>(i), lang);
        }
        return t;
    }();
    return pieces;
}

// Each event's line after its label ("underretning 'u1' line 8: 2024-03-28 14:30\n"), kept the first
// time it is written for a case: an event is named in two or three findings on average, and its
// name, id, line number and moment were written anew each time (~230 instructions, the moment's
// local time and date most of them). The first events and some KB of their lines, on the stack.
struct EventLines {
    static constexpr std::size_t max_events = 256;
    std::array<std::uint16_t, max_events> start;
    std::array<std::uint16_t, max_events> size{};  // 0: not kept
    char text[8192];
    std::size_t used = 0;

    void keep(std::size_t k, const char* from, const char* to) {
        const auto n = static_cast<std::size_t>(to - from);
        if (k >= max_events || n > sizeof text - used) return;
        std::memcpy(text + used, from, n);
        start[k] = static_cast<std::uint16_t>(used);
        size[k] = static_cast<std::uint16_t>(n);
        used += n;
    }
};

char* put(char* p, const Fixed& f) {
    std::memcpy(p, f.text, sizeof f.text);
    return p + f.size;
}

void put_line_start(TextBuffer& out, const Fixed& label) { out.set(put(out.room(sizeof label.text), label)); }
using barnetslov::put;  // text_pieces.hpp's, beside the Fixed one above

// A finding's header line after its status column: "BL-UND-24H  barnets lov § 136  Assessment of an
// underretning within 24 hours\n", "-" for the law without a version; at most header_text_max() bytes.
std::string_view header_title(const RuleMeta& m, bool da) { return da ? m.title_da : m.title_en; }
std::string_view header_law(const RuleVersion* v) { return v ? law_name_da(v->law) : std::string_view{}; }
std::size_t header_text_max(const RuleMeta& m, const RuleVersion* v, bool da) {
    return m.id.size() + header_law(v).size() + (v ? v->section.size() : 0) + header_title(m, da).size() + 8;
}
char* put_header(char* p, const RuleMeta& m, const RuleVersion* v, bool da) {
    p = put(p, m.id);
    p = put(p, "  ");
    if (v) {
        p = put(p, header_law(v));
        *p++ = ' ';
        p = put(p, v->section);
    } else {
        *p++ = '-';
    }
    p = put(p, "  ");
    p = put(p, header_title(m, da));
    *p++ = '\n';
    return p;
}

// Every header line of the standard rulebook's rules, by rule, version (and none) and language, made
// once: the rules and their metadata are static objects (Rulebook), the same for every engine and
// thread. Writing the line's five pieces and asking for the law's name was ~27 instructions more a finding
// (~1 k a file of the text report).
class HeaderLines {
public:
    HeaderLines() {
        const Rulebook book = Rulebook::standard();
        for (const Rule* r : book.rules()) {
            const RuleMeta& m = r->meta();
            metas_.push_back(&m);
            first_.push_back(lines_.size());
            for (std::size_t k = 0; k <= m.versions.size(); ++k) {
                const RuleVersion* v = k < m.versions.size() ? &m.versions[k] : nullptr;
                for (const bool da : {true, false}) {
                    std::string line(header_text_max(m, v, da), '\0');
                    line.resize(static_cast<std::size_t>(put_header(line.data(), m, v, da) - line.data()));
                    lines_.push_back(std::move(line));
                }
            }
        }
    }
    // The line of rule `rule` (its index in the standard rulebook) with metadata m; empty when m is not
    // that rule's.
    [[nodiscard]] std::string_view line(std::size_t rule, const RuleMeta& m, const RuleVersion* v, bool da) const {
        if (rule >= metas_.size() || metas_[rule] != &m) return {};
        const std::size_t k = v ? static_cast<std::size_t>(v - m.versions.data()) : m.versions.size();
        return lines_[first_[rule] + 2 * k + (da ? 0 : 1)];
    }

private:
    std::vector<const RuleMeta*> metas_;
    std::vector<std::size_t> first_;
    std::vector<std::string> lines_;
};

const HeaderLines& header_lines() {
    static const HeaderLines lines;
    return lines;
}

}  // namespace

void write_text_error(std::string& out, const InputError& e) {
    out += e.to_string();
    out += '\n';
}

void write_readings_text(std::string& out, std::span<const ReadingValue> readings, Lang lang) {
    const bool da = lang == Lang::da;
    std::string line = da ? "fortolkninger:" : "readings:";
    bool line_has_item = false;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const ReadingValue& r = readings[i];
        std::string item = r.name + '=' + r.value;
        if (!r.is_default) item += (da ? " (standard " : " (default ") + r.default_value + ')';
        if (i + 1 < readings.size()) item += ',';
        // Names and values are ASCII, so bytes are columns.
        if (line_has_item && line.size() + 1 + item.size() > 100) {
            out += line;
            out += '\n';
            line = "  ";
        } else {
            line += ' ';
        }
        line += item;
        line_has_item = true;
    }
    out += line;
    out += '\n';
}

void write_text(std::string& out, const Engine& engine, const Report& report, Lang lang) {
    const Case& c = *report.kase;
    const Calendar& cal = engine.calendar();
    const bool da = lang == Lang::da;
    // A finding takes some 300 bytes; growing the string as it filled was a twentieth of the report.
    // Never less than double, so that a caller appending case after case keeps amortised growth.
    const std::size_t need = out.size() + 256 + 384 * report.findings.size();
    if (need > out.capacity()) out.reserve(std::max(need, 2 * out.capacity()));
    // The values come from the case file: never a control character raw to a terminal or a log.
    append_printable(out, c.source());
    out += da ? ": sag " : ": case ";
    append_printable(out, c.id());
    if (!c.municipality().empty() || !c.unit().empty()) {
        out += " (";
        if (!c.municipality().empty()) {
            out += da ? "kommune " : "municipality ";
            append_printable(out, c.municipality());
            if (!c.unit().empty()) out += ", ";
        }
        append_printable(out, c.unit());
        out += ')';
    }
    out += '\n';
    if (!report.events_after_as_of.empty()) {
        // Never silently: a planned event is not a done one.
        const std::size_t n = report.events_after_as_of.size();
        out += da ? fmt::format("  {} {} dateret efter vurderingstidspunktet er ikke vurderet:", n, n == 1 ? "hændelse" : "hændelser")
                  : fmt::format("  {} {} dated after the as-of time {} not judged:", n, n == 1 ? "event" : "events", n == 1 ? "was" : "were");
        constexpr std::size_t shown = 3;
        for (std::size_t k = 0; k < std::min(n, shown); ++k) {
            const Event& e = c.event(report.events_after_as_of[k]);
            out += k ? ", " : " ";
            out += event_name(e.type(), lang);
            out += " '";
            out += e.id();
            out += "' ";
            append_moment(out, e.at(), cal);
        }
        if (n > shown) out += da ? fmt::format(" og {} flere", n - shown) : fmt::format(" and {} more", n - shown);
        out += '\n';
    }
    if (report.findings.empty()) out += da ? "  ingen fund\n" : "  no findings\n";
    const Pieces& pieces = text_pieces();
    const std::size_t g = da ? 0 : 1;
    const auto& labels = pieces.labels[g];
    const HeaderLines& headers = header_lines();
    // Findings' lines are written into a buffer on the stack and appended to `out` a few findings at
    // a time: an append per finding was a call and a copy each. Appended before the buffer passes
    // glibc's rep-movsb threshold (4 KiB with AVX2), whose copies valgrind counts byte by byte.
    constexpr std::size_t append_at = 3072;
    char local[8192];
    TextBuffer lines_of_finding(local, sizeof local);
    TextBuffer& w = lines_of_finding;
    EventLines lines;
    for (const Finding& f : report.findings) {
        const RuleMeta& m = engine.meta(f);
        const RuleVersion* v = f.has_version ? &m.versions[f.version] : nullptr;
        if (w.size() > append_at) {
            out.append(w.text());
            w.clear();
        }
        const std::string_view header = headers.line(f.rule, m, v, da);
        char* p = w.room(sizeof(Fixed::text) + (header.empty() ? header_text_max(m, v, da) : header.size()));
        p = put(p, pieces.status[g][static_cast<std::size_t>(f.status)]);
        p = header.empty() ? put_header(p, m, v, da) : put(p, header);
        w.set(p);
        for (const EventUse& u : f.events) {
            const Event& e = c.event(u.event);
            const std::string_view name = pieces.event_names[g][static_cast<std::size_t>(e.type())];
            // The label, the line (its words, number and moment: at most 64 bytes besides the name and
            // id) and the written-received line (at most 160 bytes).
            p = w.room(2 * sizeof(Fixed::text) + name.size() + e.id().size() + 64 + 160);
            p = put(p, labels[static_cast<std::size_t>(role_label(u.role))]);
            const std::size_t k = u.event;
            if (k < EventLines::max_events && lines.size[k] != 0) {
                p = put(p, std::string_view(lines.text + lines.start[k], lines.size[k]));
            } else {
                char* const from = p;
                p = put(p, name);
                p = put(p, " '");
                p = put(p, e.id());
                p = da ? put(p, "' linje ") : put(p, "' line ");
                p = put_int(p, e.location().line);
                p = put(p, ": ");
                p = put_moment(p, e.at(), cal);
                *p++ = '\n';
                lines.keep(k, from, p);
            }
            if (u.role == EventRole::trigger && e.type() == EventType::underretning) {
                if (const auto wr = e.moment(Attr::written_received_at); wr && wr->day != e.at().day) {
                    p = put(p, labels[static_cast<std::size_t>(Label::blank)]);
                    p = da ? put(p, "skriftlig underretning modtaget ") : put(p, "written underretning received ");
                    p = put_moment(p, *wr, cal);
                    p = da ? put(p, " (starter ikke fristen forfra)\n") : put(p, " (does not restart the clock)\n");
                }
            }
            w.set(p);
        }
        if (f.deadline) {
            put_line_start(w, labels[static_cast<std::size_t>(Label::due)]);
            put_counting(w, engine, report, f, lang);
            w.append("\n");
        }
        // The result line: the summary with the margin inside its full stop ("Done after the deadline (late
        // by 1 h 30 min)."). Most findings' summary is their reason's own sentence: the line is then
        // written in one piece, where the label, the sentence, the margin and the line's end asked for
        // room each (~1 k instructions a file).
        const Fixed& result = labels[static_cast<std::size_t>(Label::result)];
        if (const std::optional<std::string_view> own = reasons_own_summary(f, lang)) {
            p = put(put(w.room(sizeof result.text + own->size() + margin_in_stop_max + 1), result), *own);
            if (f.margin && !own->empty() && own->back() == '.') p = put_margin_in_stop(p - 1, f, lang);
        } else {
            put_line_start(w, result);
            const std::size_t summary_start = w.size();
            put_summary(w, engine, report, f, lang);
            p = w.room(margin_in_stop_max + 1);
            if (f.margin && w.size() > summary_start && p[-1] == '.') p = put_margin_in_stop(p - 1, f, lang);
        }
        *p++ = '\n';
        w.set(p);
        if (f.planned) {
            put_line_start(w, labels[static_cast<std::size_t>(Label::blank)]);
            w.append(da ? "som planlagt: vurderet som om hændelserne dateret efter vurderingstidspunktet sker som planlagt\n"
                        : "as planned: judged as if the events dated after the as-of time happen as planned\n");
        }
        // Most findings have none: no call.
        if (const std::string_view basis = f.basis != Basis::none ? basis_phrase(f.basis, lang) : std::string_view{}; !basis.empty()) {
            put_line_start(w, labels[static_cast<std::size_t>(Label::basis)]);
            w.append(basis);
            w.append("\n");
        }
    }
    out.append(w.text());
}

}  // namespace barnetslov
