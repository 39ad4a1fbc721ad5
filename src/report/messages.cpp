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

char* put2(char* p, unsigned v) {  // 0-99 as fmt's {:02}
    std::memcpy(p, &digit_pairs[2 * v], 2);
    return p + 2;
}

// "-MM-DD" by the day of a year that begins on 1 March (march_year_day): taken whole, where working out
// the month and the day and writing them in two pieces was ~10 instructions more a date (0.3 k a file
// of the text report).
constexpr auto month_day_texts = [] {
    std::array<std::array<char, 6>, 366> t{};
    const LocalDay march_first = day_of(2003, 3, 1);  // a year that ends on 29 February
    for (std::size_t k = 0; k < t.size(); ++k) {
        const CivilDate c = civil_date(march_first + date::days{static_cast<int>(k)});
        t[k] = {'-', char('0' + c.month / 10), char('0' + c.month % 10), '-', char('0' + c.day / 10), char('0' + c.day % 10)};
    }
    return t;
}();

// "2024-03-28" at p (10 chars) for a day of four_digit_year; returns the end.
char* put_day(char* p, LocalDay d) {
    const MarchYearDay m = march_year_day(d);
    const auto year = static_cast<unsigned>(m.civil_year());
    put2(p, year / 100);
    put2(p + 2, year % 100);
    std::memcpy(p + 4, month_day_texts[m.day].data(), 6);
    return p + 10;
}

}  // namespace

char* put_any_day(char* p, LocalDay d) {
    if (four_digit_year(d)) return put_day(p, d);
    const auto ymd = barnetslov::ymd(d);
    return fmt::format_to(p, "{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

char* put_instant(char* p, Instant t, const Calendar& cal) {
    const LocalTime lt = cal.local_time(t);
    const LocalDay day = date::floor<date::days>(lt);
    // The time of day of a floored day is in [0, 24 h).
    const auto seconds = static_cast<unsigned>((lt - day).count());
    p = put_any_day(p, day);
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

namespace {

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

// How a deadline was counted, at p, but for the holidays of a hverdage count: "<how counted> = end of
// <due day>" and any remark, or for hours "<how counted> = <due moment>". At most counting_max bytes
// (~180 in Danish with a far year's dates).
constexpr std::size_t counting_max = 256;
char* put_counted(char* p, const Deadline& d, const Calendar& cal, bool da) {
    switch (d.convention) {
        case Convention::elapsed_hours:
            p = put_int(p, d.amount);
            p = da ? put(p, " timer efter ") : put(p, " hours after ");
            p = put_moment(p, d.start, cal);
            p = put(p, " = ");
            p = put_instant(p, d.due_first, cal);
            if (d.due_first != d.due_last) {
                p = put(p, " - ");
                p = put_instant(p, d.due_last, cal);
            }
            return p;
        case Convention::none:  // not counted: a date fixed in the decision, or the day of an event
            p = put(p, pick(due_by_phrase(d.due_by), da ? Lang::da : Lang::en));
            break;
        default: {
            const Around words = counted_words(d, da);
            p = put_int(p, d.amount);
            p = put(p, words.before);
            p = put_any_day(p, d.start.day);
            p = put(p, words.after);
            break;
        }
    }
    // A lower bound ("not earlier than", § 49) is a limit from 00:00 on its day; every other day-based
    // deadline ends at the end of its day.
    if (d.end_of_day) p = da ? put(p, " = udgangen af ") : put(p, " = end of ");
    else p = da ? put(p, " = fra kl. 00:00 den ") : put(p, " = from 00:00 on ");
    p = put_any_day(p, d.due_day);
    switch (d.convention) {
        case Convention::months_after:
        case Convention::years_after:
        case Convention::months_before:
            if (d.clamped) p = da ? put(p, " (datoen findes ikke; sidste dag i måneden)") : put(p, " (no such date; last day of the month)");
            break;
        case Convention::weeks_after:
            if (d.moved_to_hverdag) p = da ? put(p, " (flyttet til næste hverdag)") : put(p, " (moved to the next hverdag)");
            break;
        default: break;
    }
    return p;
}

// A margin's amount ("1 h 30 min", "3 hverdage"), at most margin_amount_max bytes.
constexpr std::size_t margin_amount_max = 3 * (int_text_max + 8);
char* put_margin_amount(char* p, std::int64_t value, MarginUnit unit, bool da) {
    const std::int64_t v = value < 0 ? -value : value;
    switch (unit) {
        case MarginUnit::seconds: {
            const std::int64_t d = v / 86400, h = (v % 86400) / 3600, m = (v % 3600) / 60;
            char* const start = p;
            if (d) {
                p = put_int(p, d);
                p = da ? put(p, " døgn ") : d == 1 ? put(p, " day ") : put(p, " days ");
            }
            if (h) {
                p = put_int(p, h);
                p = da ? put(p, " t ") : put(p, " h ");
            }
            if (m || p == start) {
                p = put_int(p, m);
                p = put(p, " min ");
            }
            return p - 1;  // the last space
        }
        case MarginUnit::days:
            p = put_int(p, v);
            return da ? (v == 1 ? put(p, " dag") : put(p, " dage")) : (v == 1 ? put(p, " day") : put(p, " days"));
        case MarginUnit::hverdage:
            p = put_int(p, v);
            return v == 1 ? put(p, " hverdag") : put(p, " hverdage");
    }
    return p;
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

// A margin in its words ("late by 1 h 30 min"), at most margin_max bytes; returns the end.
constexpr std::size_t margin_max = 48 + margin_amount_max;
static_assert(margin_max + 4 <= margin_in_stop_max);
char* put_margin_words(char* p, const Around& words, const Finding& f, bool da) {
    p = put(p, words.before);
    p = put_margin_amount(p, *f.margin, f.margin_unit, da);
    return put(p, words.after);
}

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
    char text[moment_text_max];
    out.append(text, put_any_day(text, d));
}

std::string format_day(LocalDay d) {
    std::string out;
    append_day(out, d);
    return out;
}

void append_moment(std::string& out, const Moment& m, const Calendar& cal) {
    char text[moment_text_max];
    out.append(text, put_moment(text, m, cal));
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
    char text[margin_amount_max];
    return {text, put_margin_amount(text, value, unit, lang == Lang::da)};
}

void TextBuffer::grow(std::size_t n) {
    const std::size_t used = size();
    const std::size_t capacity = std::max(2 * static_cast<std::size_t>(end_ - begin_), used + n);
    auto heap = std::make_unique_for_overwrite<char[]>(capacity);
    std::memcpy(heap.get(), begin_, used);
    heap_ = std::move(heap);
    begin_ = heap_.get();
    p_ = begin_ + used;
    end_ = begin_ + capacity;
}

void put_summary(TextBuffer& out, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    if (const std::optional<std::string_view> own = reasons_own_summary(f, lang)) {
        out.append(*own);
        return;
    }
    const bool months_open = f.reason && f.reason->tells_months_open && f.deadline;
    const bool da = lang == Lang::da;
    const Reason::Around around = f.reason ? (da ? f.reason->attribute_da : f.reason->attribute_en) : Reason::Around{};
    const std::string_view counted = f.required > 0 ? (da ? engine.meta(f).counted_da : engine.meta(f).counted_en) : std::string_view{};
    // The sentence, then at most " Åben i <months> måneder." and " <count> af <required> <counted>.".
    const bool named = f.attribute && !around.before.empty();
    const std::string_view attribute = named ? attr_name(*f.attribute) : std::string_view{};
    const std::string_view sentence = named ? std::string_view{} : reason_summary(f.reason, lang);
    char* p = out.room(around.before.size() + attribute.size() + around.after.size() + sentence.size() + counted.size() + 4 * int_text_max);
    if (named) {
        p = put(p, around.before);
        p = put(p, attribute);
        p = put(p, around.after);
    } else {
        p = put(p, sentence);
    }
    // Still open after the deadline (on a foreløbig vurdering): how many whole months since the clock started.
    if (months_open) {
        const LocalDay today = engine.calendar().local_day(report.as_of);
        int months = 0;
        while (months < 1200 && months_after(f.deadline->start.day, months + 1) <= today) ++months;
        p = da ? put(p, " Åben i ") : put(p, " Open for ");
        p = put_int(p, months);
        p = da ? (months == 1 ? put(p, " måned.") : put(p, " måneder.")) : (months == 1 ? put(p, " month.") : put(p, " months."));
    }
    if (f.required > 0) {
        *p++ = ' ';
        p = put_int(p, f.count);
        p = da ? put(p, " af ") : put(p, " of ");
        p = put_int(p, f.required);
        if (!counted.empty()) {
            *p++ = ' ';
            p = put(p, counted);
        }
        *p++ = '.';
    }
    out.set(p);
}

void put_counting(TextBuffer& out, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    if (!f.deadline) return;
    const Deadline& d = *f.deadline;
    const Calendar& cal = engine.calendar();
    const bool da = lang == Lang::da;
    out.set(put_counted(out.room(counting_max), d, cal, da));
    if (d.convention == Convention::hverdage_after) {
        bool first = true;
        for (const auto& [day, h] : cal.weekday_holidays_between(d.start.day, d.due_day)) {
            const std::string_view name = da ? holiday_name_da(h) : holiday_name_en(h);
            char* p = out.room(32 + moment_text_max + name.size());
            p = first ? (da ? put(p, "; helligdage talt fra: ") : put(p, "; holidays not counted: ")) : put(p, ", ");
            first = false;
            p = put_any_day(p, day);
            *p++ = ' ';
            out.set(put(p, name));
        }
    }
    // BL-UNDS-4M, first knowledge wins: an aware-at later than the first knowledge of a linked
    // underretning is named, and that it did not move the clock.
    if (f.attribute == Attr::aware_at) {
        if (const auto aware = report.kase->event(f.subject).moment(Attr::aware_at)) {
            char* p = out.room(96 + moment_text_max);
            p = put(p, "; aware-at ");
            p = put_moment(p, *aware, cal);
            p = da ? put(p, " er senere end første kendskab og flytter ikke fristen") : put(p, " is later than the first knowledge and does not move the clock");
            out.set(p);
        }
    }
}

void put_margin(TextBuffer& out, const Finding& f, Lang lang) {
    const bool da = lang == Lang::da;
    const auto words = f.margin ? margin_words(f, da) : std::nullopt;
    if (!words) return;
    out.set(put_margin_words(out.room(margin_max), *words, f, da));
}

char* put_margin_in_stop(char* stop, const Finding& f, Lang lang) {
    const bool da = lang == Lang::da;
    const auto words = f.margin ? margin_words(f, da) : std::nullopt;
    if (!words) return stop + 1;
    char* p = put(stop, " (");
    p = put_margin_words(p, *words, f, da);
    return put(p, ").");
}

std::string_view basis_phrase(Basis b, Lang lang) { return pick(basis_of(b), lang); }

void describe_into(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    char local[1024];
    TextBuffer text(local, sizeof local);
    put_summary(text, engine, report, f, lang);
    t.summary.assign(text.text());
    text.clear();
    put_counting(text, engine, report, f, lang);
    t.counting.assign(text.text());
    text.clear();
    put_margin(text, f, lang);
    t.margin.assign(text.text());
    t.basis.assign(basis_phrase(f.basis, lang));
}

FindingText describe(const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    FindingText t;
    describe_into(t, engine, report, f, lang);
    return t;
}

}  // namespace barnetslov
