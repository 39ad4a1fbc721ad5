#include "deadlines.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"

namespace barnetslov::cli {

void add_deadlines(DeadlineRows& rows, const Engine& engine, const Report& report, const AggregateFilter& filter,
                   Instant pending_until) {
    ++rows.cases;
    const Case& c = *report.kase;
    for (const Finding& f : report.findings) {
        if (f.status != Status::missed && f.status != Status::pending) continue;
        if (!passes(filter, engine, report, f)) continue;
        // --within narrows the pending deadlines only: what is overdue is always listed.
        if (f.status == Status::pending && f.deadline && f.deadline->due_first > pending_until) continue;
        const DeadlinePart part = f.status == Status::missed ? DeadlinePart::overdue
                                  : f.deadline               ? DeadlinePart::pending
                                                             : DeadlinePart::open;
        const Event& e = c.event(f.subject);
        DeadlineRow r;
        r.part = part;
        r.status = f.status;
        r.meta = &engine.meta(f);
        if (f.has_version) {
            const RuleVersion& v = r.meta->versions[f.version];
            r.law = law_name_da(v.law);
            r.section = v.section;
        }
        r.reason = f.reason;
        r.source = c.source();
        r.case_id = c.id();
        r.municipality = c.municipality();
        r.unit = std::string(finding_unit(c, f));  // responsible on the day the duty started
        r.event_id = e.id();
        r.event_type = event_spec(e.type()).element;
        r.event_at = e.at();
        r.line = e.location().line;
        r.column = e.location().column;
        r.deadline = f.deadline;
        r.margin = f.margin;
        r.margin_unit = f.margin_unit;
        r.text_en = describe(engine, report, f, Lang::en);
        r.text_da = describe(engine, report, f, Lang::da);
        (part == DeadlinePart::overdue ? rows.overdue : part == DeadlinePart::pending ? rows.pending : rows.open).push_back(std::move(r));
    }
}

void sort_deadlines(DeadlineRows& rows) {
    // A missed finding always has a deadline (the status says it passed); one without would go
    // last rather than be lost.
    auto by_due = [](const DeadlineRow& a, const DeadlineRow& b) {
        if (!a.deadline || !b.deadline) return a.deadline.has_value() && !b.deadline;
        return a.deadline->due_first < b.deadline->due_first;
    };
    std::stable_sort(rows.overdue.begin(), rows.overdue.end(), by_due);
    std::stable_sort(rows.pending.begin(), rows.pending.end(), by_due);
    std::stable_sort(rows.open.begin(), rows.open.end(),
                     [](const DeadlineRow& a, const DeadlineRow& b) { return a.event_at.instant < b.event_at.instant; });
}

namespace {

const FindingText& text_of(const DeadlineRow& r, Lang lang) { return lang == Lang::da ? r.text_da : r.text_en; }
std::string_view title_of(const DeadlineRow& r, Lang lang) { return lang == Lang::da ? r.meta->title_da : r.meta->title_en; }

// "barnets lov § 136", as check's CSV and JUnit say it; "" without a version.
std::string section_text(const DeadlineRow& r) { return r.law.empty() ? std::string() : r.law + ' ' + r.section; }

// Whether the deadline is an instant (a count of hours) rather than the end of a day.
bool timed(const Deadline& d) { return d.convention == Convention::elapsed_hours; }

// The due time as check's text report writes it: "2024-10-11 14:30" for an hours deadline, the
// day for one that ends with its day (or, for a lower bound, begins with it).
std::string due_text(const Deadline& d, const Calendar& cal) {
    return timed(d) ? format_moment(Moment{d.due_first, cal.local_day(d.due_first), true}, cal) : format_day(d.due_day);
}

std::string as_of_text(Instant as_of, const Calendar& cal) { return format_moment(Moment{as_of, cal.local_day(as_of), true}, cal); }

// "15 overdue, 21 pending (within 14 days), 9 open without deadline"
std::string counts_line(const DeadlineRows& rows, const DeadlineListInfo& info) {
    const bool da = info.lang == Lang::da;
    const std::string scope = info.within_days ? fmt::format("{} {} {}", da ? "inden for" : "within", *info.within_days, da ? "dage" : "days")
                                               : std::string(da ? "alle" : "all");
    if (da)
        return fmt::format("{} overskredne, {} verserende ({}), {} åbne uden frist\n", rows.overdue.size(), rows.pending.size(), scope,
                           rows.open.size());
    return fmt::format("{} overdue, {} pending ({}), {} open without deadline\n", rows.overdue.size(), rows.pending.size(), scope,
                       rows.open.size());
}

}  // namespace

std::string deadlines_text(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info) {
    const Calendar& cal = engine.calendar();
    const bool da = info.lang == Lang::da;
    std::string out = counts_line(rows, info);
    if (info.incomplete) out += incomplete_line(*info.incomplete, info.lang);
    out += fmt::format("{} {} ({})\n", da ? "pr." : "as of", as_of_text(info.as_of, cal), da ? "København" : "Copenhagen");
    write_readings_text(out, engine.readings_used(), info.lang);
    auto part = [&](const std::vector<DeadlineRow>& list, std::string_view heading) {
        if (list.empty()) return;
        fmt::format_to(std::back_inserter(out), "\n{}\n", heading);
        for (const DeadlineRow& r : list) {
            // An open duty shows when it arose instead of a due time, and says it has no deadline.
            const std::string when = r.deadline ? due_text(*r.deadline, cal) : format_moment(r.event_at, cal);
            const std::string_view margin = r.deadline ? std::string_view(text_of(r, info.lang).margin)
                                                       : std::string_view(da ? "ingen frist" : "no deadline");
            fmt::format_to(std::back_inserter(out), "{:<16}  {:<26} {:<22} {}  {} '{}' {} {}\n    {}\n", when, margin, r.meta->id,
                           printable(r.case_id), printable(r.source), printable(r.event_id), da ? "linje" : "line", r.line,
                           title_of(r, info.lang));
        }
    };
    part(rows.overdue, da ? "OVERSKREDET, længst overskredet først:" : "OVERDUE, most overdue first:");
    part(rows.pending, da ? "VERSERENDE, efter frist:" : "PENDING, by due time:");
    part(rows.open, da ? "ÅBNE UDEN FRIST, ældste først (dato: da pligten opstod):"
                       : "OPEN WITHOUT DEADLINE, oldest first (date: when the duty arose):");
    return out;
}

namespace {

constexpr std::string_view part_key(DeadlinePart p) {
    switch (p) {
        case DeadlinePart::overdue: return "overdue";
        case DeadlinePart::pending: return "pending";
        case DeadlinePart::open: return "open";
    }
    return "";
}

}  // namespace

std::string deadlines_csv(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info) {
    const Calendar& cal = engine.calendar();
    const CsvDialect& d = info.csv;
    static const std::vector<std::string> header{"list", "due", "due_day", "margin", "margin_unit", "margin_text", "file", "case",
                                                 "municipality", "unit", "rule", "section", "severity", "status", "reason", "event",
                                                 "event_line", "trigger", "title"};
    std::string out(csv_start(d));
    csv_row(out, header, d);
    for (const auto* list : {&rows.overdue, &rows.pending, &rows.open}) {
        for (const DeadlineRow& r : *list) {
            const std::optional<Deadline>& dl = r.deadline;
            // Text from the case file or its name through csv_text (escaped, never a formula), as in
            // check's CSV; dates, keys and numbers the program writes as they are (a margin stays a number).
            const std::string fields[] = {std::string(part_key(r.part)),
                                          dl ? iso_instant(dl->due_first, cal) : "",
                                          dl ? format_day(dl->due_day) : "",
                                          r.margin ? std::to_string(*r.margin) : "",
                                          r.margin ? unit_name(r.margin_unit) : "",
                                          csv_text(text_of(r, info.lang).margin, false, d),
                                          csv_text(r.source, false, d),
                                          csv_text(r.case_id, false, d),
                                          csv_text(r.municipality, false, d),
                                          csv_text(r.unit, false, d),
                                          std::string(r.meta->id),
                                          csv_text(section_text(r), false, d),
                                          std::string(to_string(r.meta->severity)),
                                          std::string(to_string(r.status)),
                                          std::string(reason_key(r.reason)),
                                          csv_text(r.event_id, false, d),
                                          std::to_string(r.line),
                                          iso_moment(r.event_at, cal),
                                          csv_text(title_of(r, info.lang), false, d)};
            csv_row(out, fields, d);
        }
    }
    // A list of a batch that gave up ends in a row "incomplete" (list and status), the sentence as its title.
    if (info.incomplete) {
        std::vector<std::string> cells(header.size());
        cells[0] = cells[13] = "incomplete";
        cells.back() = csv_text(incomplete_sentence(*info.incomplete, info.lang), false, d);
        csv_row(out, cells, d);
    }
    return out;
}

namespace {

using json = nlohmann::ordered_json;

json text_json(const FindingText& t) {
    return json{{"summary", t.summary}, {"counting", t.counting}, {"margin", t.margin}};
}

// A row with the report JSON's key names (docs/report-json.md): a finding's rule, law, section,
// titles, severity, status and reason; its case's source, case_id, municipality and unit; the
// subject event as an entry of a finding's `events` (without `role`); the deadline's keys.
json row_json(const DeadlineRow& r, const Calendar& cal) {
    json j;
    j["status"] = to_string(r.status);
    j["rule"] = r.meta->id;
    j["law"] = r.law.empty() ? json(nullptr) : json(r.law);
    j["section"] = r.law.empty() ? json(nullptr) : json(r.section);
    j["title_da"] = r.meta->title_da;
    j["title_en"] = r.meta->title_en;
    j["severity"] = to_string(r.meta->severity);
    j["reason"] = reason_key(r.reason);
    j["source"] = r.source;
    j["case_id"] = r.case_id;
    j["municipality"] = r.municipality;
    j["unit"] = r.unit;
    j["event"] = json{{"id", r.event_id}, {"type", r.event_type}, {"at", iso_moment(r.event_at, cal)}, {"line", r.line}, {"column", r.column}};
    if (r.deadline) {
        const Deadline& d = *r.deadline;
        j["deadline"] = json{{"convention", to_string(d.convention)}, {"amount", d.amount},
                             {"start", iso_moment(d.start, cal)},     {"due", iso_instant(d.due_first, cal)},
                             {"due_latest", iso_instant(d.due_last, cal)}, {"due_day", format_day(d.due_day)},
                             {"end_of_day", d.end_of_day}};
    } else {
        j["deadline"] = nullptr;
    }
    j["margin"] = r.margin ? json{{"value", *r.margin}, {"unit", unit_name(r.margin_unit)}} : json(nullptr);
    j["text_en"] = text_json(r.text_en);
    j["text_da"] = text_json(r.text_da);
    return j;
}

}  // namespace

std::string deadlines_json(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info) {
    const Calendar& cal = engine.calendar();
    json readings = json::object();
    for (const ReadingValue& r : engine.readings_used()) readings[r.name] = r.value;
    json summary{{"cases", rows.cases},
                 {"errors", info.errors.size()},
                 {"overdue", rows.overdue.size()},
                 {"pending", rows.pending.size()},
                 {"open", rows.open.size()}};
    if (info.incomplete) {
        summary["incomplete"] = true;
        summary["not_checked"] = info.incomplete->not_checked;
    }
    json doc{{"format", "barnetslov-deadlines"},
             {"format_version", 1},
             {"library_version", BL_VERSION_STRING},
             {"as_of", iso_instant(info.as_of, cal)},
             {"readings", std::move(readings)},
             {"within_days", info.within_days ? json(*info.within_days) : json(nullptr)},
             {"summary", std::move(summary)}};
    for (const auto& [key, list] : {std::pair{"overdue", &rows.overdue}, std::pair{"pending", &rows.pending}, std::pair{"open", &rows.open}}) {
        json a = json::array();
        for (const DeadlineRow& r : *list) a.push_back(row_json(r, cal));
        doc[key] = std::move(a);
    }
    json errs = json::array();
    for (const InputError& e : info.errors)
        errs.push_back(json{{"source", e.source}, {"line", e.location.line}, {"column", e.location.column}, {"message", e.message}});
    doc["errors"] = std::move(errs);
    // As the report JSON: anything not UTF-8 that slipped through becomes U+FFFD, not an exception.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// ---- iCalendar (RFC 5545) ----------------------------------------------------------------------

namespace {

// A TEXT value (3.3.11): backslash, semicolon and comma escaped, a line feed as \n. What comes from
// a case file has been through printable() first, so it holds no other control character.
std::string ics_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        if (ch == '\\' || ch == ';' || ch == ',') out += '\\';
        if (ch == '\n') out += "\\n";
        else out += ch;
    }
    return out;
}

// A content line, folded (3.1): no line longer than 75 octets before its CRLF, a continuation
// starting with one space, and never a cut inside a UTF-8 sequence (a byte 10xxxxxx continues one).
void append_line(std::string& out, std::string_view line) {
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

// 20250115T110000Z: a UTC DATE-TIME (3.3.5, form 2).
std::string ics_utc(Instant t) {
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<Seconds> tod{t - day};
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()), tod.hours().count(),
                       tod.minutes().count(), tod.seconds().count());
}

// 20250122: a DATE (3.3.4), the reports' day without its dashes.
std::string ics_date(LocalDay d) {
    std::string s = format_day(d);
    std::erase(s, '-');
    return s;
}

// A UID's parts percent-encoded: only letters, digits and . _ ~ - stay, so that the UID needs no
// TEXT escaping and cannot be read as two values. Case and event ids hold no CPR number (the case
// builder refuses one in any id).
void append_uid_part(std::string& out, std::string_view s) {
    for (const char ch : s) {
        const auto b = static_cast<unsigned char>(ch);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '.' || b == '_' || b == '~' || b == '-')
            out += ch;
        else
            fmt::format_to(std::back_inserter(out), "%{:02X}", b);
    }
}

}  // namespace

std::string deadlines_ics(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info) {
    const Calendar& cal = engine.calendar();
    const bool da = info.lang == Lang::da;
    std::string out;
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out, fmt::format("PRODID:-//barnetslov//barnetslov {} deadlines//{}", BL_VERSION_STRING, da ? "DA" : "EN"));
    append_line(out, "CALSCALE:GREGORIAN");
    append_line(out, "METHOD:PUBLISH");
    append_line(out, std::string("X-WR-CALNAME:") + (da ? "barnetslov frister" : "barnetslov deadlines"));
    if (info.incomplete)
        append_line(out, "X-BARNETSLOV-INCOMPLETE:" + ics_text(incomplete_sentence(*info.incomplete, info.lang)));
    // Every event is stamped with the as-of time, never the clock: the same input gives the same file.
    const std::string stamp = ics_utc(info.as_of);
    std::set<std::string> uids;
    for (const auto* list : {&rows.overdue, &rows.pending}) {
        for (const DeadlineRow& r : *list) {
            if (!r.deadline) continue;
            const Deadline& d = *r.deadline;
            // The same duty keeps its UID from run to run, so that a calendar importing a newer list
            // updates the event instead of adding a second one: municipality, case, rule, subject
            // event and due day. A duplicate (two files of one case) gets a number after it.
            std::string uid;
            for (const std::string_view part : {std::string_view(r.municipality), std::string_view(r.case_id), r.meta->id,
                                                std::string_view(r.event_id), std::string_view(ics_date(d.due_day))}) {
                append_uid_part(uid, part);
                uid += '/';
            }
            uid.pop_back();
            std::string unique = uid;
            for (int n = 2; !uids.insert(unique).second; ++n) unique = fmt::format("{}/{}", uid, n);
            const FindingText& t = text_of(r, info.lang);
            append_line(out, "BEGIN:VEVENT");
            append_line(out, "UID:" + unique + "@barnetslov");
            append_line(out, "DTSTAMP:" + stamp);
            if (timed(d)) {
                // An hours deadline: a short event at the due instant, or spanning the instants it can
                // be when its start had no time of day.
                append_line(out, "DTSTART:" + ics_utc(d.due_first));
                append_line(out, "DTEND:" + ics_utc(std::max(d.due_last, d.due_first + std::chrono::minutes{15})));
            } else {
                // A day deadline: an all-day event on its day.
                append_line(out, "DTSTART;VALUE=DATE:" + ics_date(d.due_day));
                append_line(out, "DTEND;VALUE=DATE:" + ics_date(d.due_day + date::days{1}));
            }
            const bool overdue = r.part == DeadlinePart::overdue;
            append_line(out, "SUMMARY:" + ics_text(fmt::format("{}{} {} ({} {})", overdue ? (da ? "OVERSKREDET: " : "OVERDUE: ") : "",
                                                               r.meta->id, title_of(r, info.lang), da ? "sag" : "case",
                                                               printable(r.case_id))));
            // As the text report says it: the section, the file and case, the subject event, how the
            // deadline is counted, the result and the time overdue or left.
            std::string description = section_text(r);
            if (!description.empty()) description += ": ";
            fmt::format_to(std::back_inserter(description), "{}\n{}: {} {}", title_of(r, info.lang), printable(r.source), da ? "sag" : "case",
                           printable(r.case_id));
            if (!r.municipality.empty() || !r.unit.empty()) {
                description += " (";
                if (!r.municipality.empty())
                    fmt::format_to(std::back_inserter(description), "{} {}{}", da ? "kommune" : "municipality", printable(r.municipality),
                                   r.unit.empty() ? "" : ", ");
                description += printable(r.unit) + ')';
            }
            fmt::format_to(std::back_inserter(description), "\n{} '{}' {} {}: {}\n", r.event_type, printable(r.event_id), da ? "linje" : "line",
                           r.line, format_moment(r.event_at, cal));
            if (!t.counting.empty()) fmt::format_to(std::back_inserter(description), "{} {}\n", da ? "frist" : "due", t.counting);
            description += t.summary;
            if (!t.margin.empty())
                fmt::format_to(std::back_inserter(description), " ({} {} {})", t.margin, da ? "pr." : "as of", as_of_text(info.as_of, cal));
            append_line(out, "DESCRIPTION:" + ics_text(description));
            append_line(out, std::string("CATEGORIES:") + (overdue ? (da ? "Overskredet" : "Overdue") : (da ? "Verserende" : "Pending")));
            // A deadline does not make the caseworker busy.
            append_line(out, "TRANSP:TRANSPARENT");
            append_line(out, "END:VEVENT");
        }
    }
    append_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace barnetslov::cli
