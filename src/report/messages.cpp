// Sentences for findings, in Danish and English, from structured fields only.
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "barnetslov/report.hpp"
#include "text_pieces.hpp"

namespace barnetslov {

using namespace std::string_view_literals;  // a literal chosen by ?: appended without strlen

namespace {

struct Phrase {
    std::string_view da;
    std::string_view en;
};

Phrase basis_of(Basis b) {
    switch (b) {
        case Basis::none: return {"", ""};
        case Basis::foreloebig_vurdering:
            return {"foreløbig vurdering (§ 20, stk. 3 / SEL § 50, stk. 7)", "preliminary assessment (§ 20 stk. 3 / SEL § 50 stk. 7)"};
        case Basis::views_exception: return {"undtagelse efter § 5, stk. 4", "exception under § 5 stk. 4"};
        case Basis::child_declined:
            return {"barnet afslog samtalen (tæller som hørt: tidligere praksis, UNCONFIRMED efter barnets lov)",
                    "the child declined (counts as heard: earlier practice, UNCONFIRMED under barnets lov)"};
        case Basis::urgent_plan:
            return {"hastende afgørelse: handleplanen inden 4 måneder (SEL § 140)", "urgent decision: the handleplan within 4 months (SEL § 140)"};
        case Basis::hearing_exception:
            return {"høring undladt af hensyn til barnet (§ 142, stk. 2)", "hearing omitted for the child's sake (§ 142 stk. 2)"};
        case Basis::provisional_parallel:
            return {"foreløbig anbringelse under undersøgelsen (§ 46, stk. 3)", "provisional placement during the undersøgelse (§ 46 stk. 3)"};
        case Basis::deviation_explained:
            return {"begrundet afvigelse fra to rådgivere (§ 21, stk. 5: som udgangspunkt)",
                    "a reasoned deviation from two caseworkers (§ 21 stk. 5: as a starting point)"};
        case Basis::same_day:
            return {"samtale og afgørelse samme dato uden klokkeslæt; rækkefølgen den dag er ikke registreret",
                    "conversation and decision on the same date without times; the order that day is not recorded"};
    }
    return {"", ""};
}

std::string_view pick(Phrase p, Lang lang) { return lang == Lang::da ? p.da : p.en; }

Phrase due_by_phrase(DueBy b) {
    switch (b) {
        case DueBy::counted:
        case DueBy::fixed_in_decision: return {"frist fastsat i afgørelsen", "deadline fixed in the decision"};
        case DueBy::placement_start: return {"den dag anbringelsen begyndte", "the day the placement started"};
        case DueBy::return_home: return {"den dag barnet kom hjem", "the day the child returned home"};
        case DueBy::planned_return: return {"den planlagte hjemkomst (periodens slut)", "the planned return home (the period's end)"};
        case DueBy::day_before_18: return {"dagen før det 18. år", "the day before the 18th birthday"};
        case DueBy::calendar_year_end: return {"kalenderårets sidste dag", "the last day of the calendar year"};
        case DueBy::placement_end: return {"den dag anbringelsen sluttede", "the day the placement ended"};
    }
    return {"", ""};
}

// The report's pieces append into the caller's string: a text report prints several dates and
// sentences per finding, and a fmt::format with a run-time parsed format string and a temporary
// per piece was over half of the report's cost.
void append_int(std::string& out, std::int64_t v) {
    const fmt::format_int s(v);
    out.append(s.data(), s.size());
}

// As fmt's {:02}.
void append2(std::string& out, long v) {
    if (v < 0 || v > 99) {
        fmt::format_to(std::back_inserter(out), "{:02}", v);
        return;
    }
    const char s[2] = {char('0' + v / 10), char('0' + v % 10)};
    out.append(s, 2);
}

// The days whose year has four digits, 0000-9999: written by civil_date (no division), the rest by
// fmt. date::year_month_day's conversion was some 130 instructions a call, and a text report
// prints a few dates a finding.
constexpr LocalDay four_digit_first{date::year{0} / 1 / 1}, four_digit_last{date::year{9999} / 12 / 31};
bool four_digit_year(LocalDay d) { return d >= four_digit_first && d <= four_digit_last; }

// "00" to "99": two digits copied at once, where dividing each digit out was ~40 instructions a date.
constexpr auto digit_pairs = [] {
    std::array<char, 200> t{};
    for (unsigned i = 0; i < 100; ++i) {
        t[2 * i] = char('0' + i / 10);
        t[2 * i + 1] = char('0' + i % 10);
    }
    return t;
}();

char* put2(char* p, unsigned v) {  // 0-99 as fmt's {:02}
    std::memcpy(p, &digit_pairs[2 * v], 2);
    return p + 2;
}

// "2024-03-28" at p (10 chars) for a day of four_digit_year; returns the end.
char* put_day(char* p, LocalDay d) {
    const CivilDate c = civil_date(d);
    const auto year = static_cast<unsigned>(c.year);
    put2(p, year / 100);
    put2(p + 2, year % 100);
    p[4] = '-';
    put2(p + 5, c.month);
    p[7] = '-';
    put2(p + 8, c.day);
    return p + 10;
}

// "2024-03-28 14:30", or "2024-03-28 14:30:05" when the seconds are not zero, at p (at most 19 chars)
// for a day of four_digit_year and the seconds since its start, in [0, 86400); returns the end.
char* put_local(char* p, LocalDay day, unsigned seconds) {
    p = put_day(p, day);
    *p++ = ' ';
    p = put2(p, seconds / 3600);
    *p++ = ':';
    p = put2(p, seconds / 60 % 60);
    if (seconds % 60 != 0) {
        *p++ = ':';
        p = put2(p, seconds % 60);
    }
    return p;
}

// put_local's text, made in place and appended once (five appends a call before); by fmt for a
// year outside 0000-9999.
void append_local(std::string& out, Instant t, const Calendar& cal) {
    const LocalTime lt = cal.local_time(t);
    const LocalDay day = date::floor<date::days>(lt);
    if (!four_digit_year(day)) {
        const date::hh_mm_ss<Seconds> tod{lt - day};
        append_day(out, day);
        out += ' ';
        append2(out, tod.hours().count());
        out += ':';
        append2(out, tod.minutes().count());
        if (tod.seconds().count() == 0) return;
        out += ':';
        append2(out, tod.seconds().count());
        return;
    }
    // The time of day of a floored day is in [0, 24 h).
    char text[19];
    const char* const end = put_local(text, day, static_cast<unsigned>((lt - day).count()));
    out.append(text, static_cast<std::size_t>(end - text));
}

// The words before and after a value in a sentence such as "late by {}" or "Stated ({}="true").".
struct Around {
    std::string_view before;
    std::string_view after;
};

// The words around the start day of a counted deadline: "<amount><before><start day><after>".
Around counted_words(const Deadline& d, bool da) {
    const bool one = d.amount == 1;
    switch (d.convention) {
        case Convention::hverdage_after: return da ? Around{" hverdage efter ", " (dag 0)"} : Around{" hverdage after ", " (day 0)"};
        case Convention::months_after:
            return da ? Around{one ? " måned efter " : " måneder efter ", ""} : Around{one ? " month after " : " months after ", ""};
        case Convention::months_before:
            return da ? Around{one ? " måned før " : " måneder før ", ""} : Around{one ? " month before " : " months before ", ""};
        case Convention::years_after: return da ? Around{" år efter ", ""} : Around{one ? " year after " : " years after ", ""};
        case Convention::weeks_after: return da ? Around{" uger efter ", ""} : Around{" weeks after ", ""};
        case Convention::days_after: return da ? Around{" dage efter ", ""} : Around{" days after ", ""};
        case Convention::days_counting_first: return da ? Around{" dage med ", " som dag 1"} : Around{" days with ", " as day 1"};
        case Convention::none:
        case Convention::elapsed_hours: break;
    }
    return {};
}

void append_counting(std::string& s, const Deadline& d, const Calendar& cal, Lang lang) {
    const bool da = lang == Lang::da;
    // Every convention but hours reads "<how counted> = end of <due day>", then any remark.
    switch (d.convention) {
        case Convention::elapsed_hours:
            append_int(s, d.amount);
            s += da ? " timer efter "sv : " hours after "sv;
            append_moment(s, d.start, cal);
            s += " = ";
            append_local(s, d.due_first, cal);
            if (d.due_first != d.due_last) {
                s += " - ";
                append_local(s, d.due_last, cal);
            }
            return;
        case Convention::none:  // not counted: a date fixed in the decision, or the day of an event
            s += pick(due_by_phrase(d.due_by), lang);
            break;
        default: {
            const Around words = counted_words(d, da);
            append_int(s, d.amount);
            s += words.before;
            append_day(s, d.start.day);
            if (!words.after.empty()) s += words.after;  // most have none: no call
            break;
        }
    }
    // A lower bound ("not earlier than", § 49) is a limit from 00:00 on its day; every other day-based
    // deadline ends at the end of its day.
    if (d.end_of_day) s += da ? " = udgangen af "sv : " = end of "sv;
    else s += da ? " = fra kl. 00:00 den "sv : " = from 00:00 on "sv;
    append_day(s, d.due_day);
    switch (d.convention) {
        case Convention::hverdage_after: {
            bool first = true;
            for (const auto& [day, h] : cal.weekday_holidays_between(d.start.day, d.due_day)) {
                s += !first ? ", "sv : da ? "; helligdage talt fra: "sv : "; holidays not counted: "sv;
                first = false;
                append_day(s, day);
                s += ' ';
                s += da ? holiday_name_da(h) : holiday_name_en(h);
            }
            break;
        }
        case Convention::months_after:
        case Convention::years_after:
        case Convention::months_before:
            if (d.clamped) s += da ? " (datoen findes ikke; sidste dag i måneden)"sv : " (no such date; last day of the month)"sv;
            break;
        case Convention::weeks_after:
            if (d.moved_to_hverdag) s += da ? " (flyttet til næste hverdag)"sv : " (moved to the next hverdag)"sv;
            break;
        default: break;
    }
}

void append_margin(std::string& out, std::int64_t value, MarginUnit unit, Lang lang) {
    const bool da = lang == Lang::da;
    const std::int64_t v = value < 0 ? -value : value;
    switch (unit) {
        case MarginUnit::seconds: {
            const std::int64_t d = v / 86400, h = (v % 86400) / 3600, m = (v % 3600) / 60;
            const std::size_t start = out.size();
            if (d) {
                append_int(out, d);
                out += da ? " døgn "sv : (d == 1 ? " day "sv : " days "sv);
            }
            if (h) {
                append_int(out, h);
                out += da ? " t "sv : " h "sv;
            }
            if (m || out.size() == start) {
                append_int(out, m);
                out += " min ";
            }
            out.pop_back();
            return;
        }
        case MarginUnit::days:
            append_int(out, v);
            out += da ? (v == 1 ? " dag"sv : " dage"sv) : (v == 1 ? " day"sv : " days"sv);
            return;
        case MarginUnit::hverdage:
            append_int(out, v);
            out += v == 1 ? " hverdag"sv : " hverdage"sv;
            return;
    }
}

// The sentence around a margin's amount, by status; none for a status without one.
std::optional<Around> margin_words(const Finding& f, bool da) {
    if (f.basis == Basis::foreloebig_vurdering)
        return da ? Around{"foreløbig vurdering ", " før fristen"} : Around{"preliminary assessment ", " before the deadline"};
    switch (f.status) {
        case Status::met: return da ? Around{"", " før fristen"} : Around{"", " to spare"};
        case Status::late: return da ? Around{"", " for sent"} : Around{"late by ", ""};
        case Status::missed: return da ? Around{"overskredet med ", ""} : Around{"overdue by ", ""};
        case Status::pending: return da ? Around{"", " tilbage"} : Around{"", " left"};
        default: return std::nullopt;
    }
}

// The summary of a content finding that names the attribute it judged.

}  // namespace

std::string_view finding_unit(const Case& kase, const Finding& f) { return kase.unit_on(kase.event(f.subject).at().day); }

std::string_view reason_key(const Reason* r) { return r ? r->key : std::string_view{}; }

std::string_view reason_summary(const Reason* r, Lang lang) {
    if (!r) return {};
    return lang == Lang::da ? r->da : r->en;
}

std::string_view role_name(EventRole r, Lang lang) {
    switch (r) {
        case EventRole::trigger: return pick({"udløst af", "trigger"}, lang);
        case EventRole::fulfilment: return pick({"opfyldt af", "fulfilment"}, lang);
        case EventRole::exception: return pick({"undtagelse", "exception"}, lang);
        case EventRole::related: return pick({"se også", "related"}, lang);
    }
    return "";
}

std::string_view status_word(Status s, Lang lang) {
    switch (s) {
        case Status::met: return pick({"overholdt", "met"}, lang);
        case Status::late: return pick({"for sent", "late"}, lang);
        case Status::missed: return pick({"overskredet", "missed"}, lang);
        case Status::violated: return pick({"tilsidesat", "violated"}, lang);
        // As `deadlines` names them ("verserende frister"); messages say "Kan ikke afgøres".
        case Status::pending: return pick({"verserende", "pending"}, lang);
        case Status::not_applicable: return pick({"ikke relevant", "not applicable"}, lang);
        case Status::indeterminate: return pick({"kan ikke afgøres", "indeterminate"}, lang);
    }
    return "";
}

std::string_view event_name(EventType t, Lang lang) {
    if (lang != Lang::da) return event_spec(t).element;
    // The Danish title with a small initial, as it stands inside a line ("opfyldt af  kvittering for
    // modtagelse 'k1' linje 10"); every title begins with an ASCII capital.
    static const auto names = [] {
        std::array<std::string, event_type_count> n;
        for (const EventSpec& spec : event_specs()) {
            std::string& name = n[static_cast<std::size_t>(spec.type)];
            name = spec.title_da;
            if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] - 'A' + 'a');
        }
        return n;
    }();
    return names[static_cast<std::size_t>(t)];
}

void append_day(std::string& out, LocalDay d) {
    if (!four_digit_year(d)) {
        const auto ymd = barnetslov::ymd(d);
        fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
        return;
    }
    char text[10];
    put_day(text, d);
    out.append(text, sizeof text);
}

std::string format_day(LocalDay d) {
    std::string out;
    append_day(out, d);
    return out;
}

void append_moment(std::string& out, const Moment& m, const Calendar& cal) {
    if (m.has_time) append_local(out, m.instant, cal);
    else append_day(out, m.day);
}

char* put_moment(char* p, const Moment& m, const Calendar& cal) {
    if (!m.has_time) {
        if (four_digit_year(m.day)) return put_day(p, m.day);
    } else {
        const LocalTime lt = cal.local_time(m.instant);
        const LocalDay day = date::floor<date::days>(lt);
        if (four_digit_year(day)) return put_local(p, day, static_cast<unsigned>((lt - day).count()));
    }
    std::string text;  // a year outside 0000-9999, rare: by fmt, as append_moment writes it
    append_moment(text, m, cal);
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

std::string format_moment(const Moment& m, const Calendar& cal) {
    std::string out;
    append_moment(out, m, cal);
    return out;
}

std::string iso_instant(Instant t, const Calendar& cal) {
    const LocalTime lt = cal.local_time(t);
    const LocalDay day = date::floor<date::days>(lt);
    const date::hh_mm_ss<Seconds> tod{lt - day};
    const auto off = cal.utc_offset(t).count();
    const auto a = off < 0 ? -off : off;
    std::string out;
    append_day(out, day);
    out += 'T';
    append2(out, tod.hours().count());
    out += ':';
    append2(out, tod.minutes().count());
    out += ':';
    append2(out, tod.seconds().count());
    out += off < 0 ? '-' : '+';
    append2(out, a / 3600);
    out += ':';
    append2(out, (a % 3600) / 60);
    return out;
}

std::string iso_moment(const Moment& m, const Calendar& cal) {
    return m.has_time ? iso_instant(m.instant, cal) : format_day(m.day);
}

std::string format_margin(std::int64_t value, MarginUnit unit, Lang lang) {
    std::string out;
    append_margin(out, value, unit, lang);
    return out;
}

namespace {

// describe_into(), and with `lend` the summary as a view of the reason's own sentence when nothing is
// added to it (most findings), left out of t.summary, and the basis as a view of its phrase, left out
// of t.basis; returns the two either way.
TextViews describe_parts(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang, bool lend) {
    const bool da = lang == Lang::da;
    t.summary.clear();
    t.counting.clear();
    t.margin.clear();
    const Reason::Around around = f.reason ? (da ? f.reason->attribute_da : f.reason->attribute_en) : Reason::Around{};
    const bool months_open = f.reason && f.reason->tells_months_open && f.deadline;
    const bool lent = lend && !(f.attribute && !around.before.empty()) && !months_open && f.required <= 0;
    if (f.attribute && !around.before.empty()) {
        t.summary += around.before;
        t.summary += attr_name(*f.attribute);
        t.summary += around.after;
    } else if (!lent) {
        t.summary += reason_summary(f.reason, lang);  // appended to the cleared string: an assignment is _M_replace, twice the cost
    }
    if (f.deadline) append_counting(t.counting, *f.deadline, engine.calendar(), lang);
    const Event& subject = report.kase->event(f.subject);
    // BL-UNDS-4M, first knowledge wins: an aware-at later than the first knowledge of a linked
    // underretning is named, and that it did not move the clock.
    if (f.deadline && f.attribute == Attr::aware_at) {
        if (const auto aware = subject.moment(Attr::aware_at)) {
            t.counting += da ? "; aware-at "sv : "; aware-at "sv;
            append_moment(t.counting, *aware, engine.calendar());
            t.counting += da ? " er senere end første kendskab og flytter ikke fristen"sv : " is later than the first knowledge and does not move the clock"sv;
        }
    }
    // Still open after the deadline (on a foreløbig vurdering): how many whole months since the clock started.
    if (months_open) {
        const LocalDay today = engine.calendar().local_day(report.as_of);
        int months = 0;
        while (months < 1200 && months_after(f.deadline->start.day, months + 1) <= today) ++months;
        t.summary += da ? " Åben i "sv : " Open for "sv;
        append_int(t.summary, months);
        t.summary += da ? (months == 1 ? " måned."sv : " måneder."sv) : (months == 1 ? " month."sv : " months."sv);
    }
    if (const auto words = f.margin ? margin_words(f, da) : std::nullopt) {
        if (!words->before.empty()) t.margin += words->before;  // half have none: no call
        append_margin(t.margin, *f.margin, f.margin_unit, lang);
        if (!words->after.empty()) t.margin += words->after;
    }
    if (f.required > 0) {
        const RuleMeta& meta = engine.meta(f);
        const std::string_view counted = da ? meta.counted_da : meta.counted_en;
        t.summary += ' ';
        append_int(t.summary, f.count);
        t.summary += da ? " af "sv : " of "sv;
        append_int(t.summary, f.required);
        if (!counted.empty()) {
            t.summary += ' ';
            t.summary += counted;
        }
        t.summary += '.';
    }
    t.basis.clear();
    const std::string_view basis = pick(basis_of(f.basis), lang);
    if (!lend) t.basis += basis;
    return {lent ? reason_summary(f.reason, lang) : std::string_view(t.summary), basis};
}

}  // namespace

void describe_into(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    describe_parts(t, engine, report, f, lang, false);
}

TextViews describe_for_text(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    return describe_parts(t, engine, report, f, lang, true);
}

FindingText describe(const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    FindingText t;
    describe_into(t, engine, report, f, lang);
    return t;
}

}  // namespace barnetslov
