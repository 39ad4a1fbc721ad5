// BL-PLEJE-EFTERUDD (../shared/law/part-c-network-parents-special.md § 8): the placing municipality offers an
// almen, forstærket or specialiseret plejefamilie at least two full course days of efteruddannelse per year
// (plejefamiliebekendtgørelsen § 5, BEK 522/2019; its barnets-lov section UNCONFIRMED). Counted per placement
// year, the windows of BL-TILS-2X (law README, "per year"), from the plejefamilie-efteruddannelse events the
// issue 18 format added.
#include <algorithm>
#include <climits>
#include <span>
#include <vector>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

namespace reasons {

constexpr Reason course_days_enough{
    .key = "course_days_enough",
    .da = "Plejefamilien fik tilbudt efteruddannelse nok i placeringsåret (mindst 2 kursusdage; 1 i et afkortet år på 6 måneder eller mere).",
    .en = "The foster family was offered enough efteruddannelse in the placement year (at least 2 course days; 1 in a cut-short year of 6 months or more).",
};

constexpr Reason course_days_none{
    .key = "course_days_none",
    .da = "Plejefamilien fik ingen kursusdage i et afsluttet placeringsår.",
    .en = "The foster family was offered no course days in a placement year that has ended.",
};

constexpr Reason course_days_share_unknown{
    .key = "course_days_share_unknown",
    .da = "Færre end 2 kursusdage i et afsluttet placeringsår, eller dage uden antal: har flere kommuner anbragt børn i familien, "
          "skal hver kun sikre sin forholdsmæssige andel, og sagen viser ikke andelen.",
    .en = "Fewer than 2 course days in a placement year that has ended, or days without a number: where several municipalities "
          "have placed children with the family each need secure only its pro-rata share, which the file does not show.",
};

constexpr Reason course_days_not_recorded{
    .key = "course_days_not_recorded",
    .da = "Året er gået uden registrerede kursusdage, og sagen har ingen efteruddannelse af plejefamilien "
          "(plejefamilie-efteruddannelse) dateret senest ved årets udløb: udtrækket bar måske ikke disse hændelser, så sagen viser ikke, at "
          "ingen blev tilbudt.",
    .en = "The year has passed with no course days on file, and the file records no efteruddannelse of the foster family "
          "(plejefamilie-efteruddannelse) dated by the year's end: the export may not have carried such events, so the file does not show that none "
          "was offered.",
};

constexpr Reason course_days_ahead{
    .key = "course_days_ahead",
    .da = "Placeringsåret løber endnu, og kursusdagene er endnu ikke nok.",
    .en = "The placement year is still running, and the course days are not enough yet.",
};

constexpr Reason course_year_short{
    .key = "course_year_short",
    .da = "Anbringelsen i plejefamilien sluttede mindre end 6 måneder inde i placeringsåret; der kræves ingen kursusdage for den del.",
    .en = "The placement with the foster family ended less than 6 months into the placement year; no course days are required for that part.",
};

}  // namespace reasons

constexpr RuleVersion efterudd_versions[] = {
    {Law::serviceloven, "§ 66 c", far_past, barnets_lov_start, Confidence::confirmed_old,
     "plejefamiliebekendtgørelsen (BEK 522/2019) § 5; earlier versions of the bekendtgørelse assumed alike (INFERRED)"},
    {Law::barnets_lov, "plejefamiliebekendtgørelsen § 5 (section UNCONFIRMED)", barnets_lov_start, far_future, Confidence::confirmed_old,
     "the barnets-lov section that carries the duty was not found; the two days carried over INFERRED"},
};
constexpr StatuteRecord efterudd_statute{
    .rule = "BL-PLEJE-EFTERUDD",
    .not_found = "plejefamiliebekendtgørelsen § 5 (barnets-lov version)",
    .source = "not found in its barnets-lov version; best secondary source: BEK 522/2019 § 5, "
              "https://www.elov.dk/plejefamiliebekendtgorelsen/paragraf/5/ (and https://danskelove.dk/serviceloven/66a)",
    .noted_in = "part-c-network-parents-special.md (December 2026)",
    .read_on = december_2026,
    .confirms = "Under BEK 522/2019 § 5 the placing municipality offers almene, forstærkede and specialiserede plejefamilier "
                "efteruddannelse and supervision in line with the task, the families must take part, and the efteruddannelse "
                "is at least two full course days a year, each placing municipality securing its pro-rata share.",
};

constexpr const Reason* efterudd_reasons[] = {&reasons::course_days_enough, &reasons::course_days_none, &reasons::course_days_share_unknown,
                                              &reasons::course_days_ahead, &reasons::course_year_short,
                                              &reasons::course_days_not_recorded};

constexpr Evidence efterudd_evidence[] = {{.type = EventType::plejefamilie_efteruddannelse}};
constexpr RuleMeta efterudd_meta{
    .id = "BL-PLEJE-EFTERUDD", .chapter = "foster-care", .title_da = "Efteruddannelse af plejefamilien: mindst 2 kursusdage om året",
    .title_en = "Efteruddannelse for the foster family: at least 2 course days a year", .severity = Severity::warning,
    .confidence = Confidence::confirmed_old, .convention = Convention::years_after, .amount = 1,
    .counting = "Per placement year: the 12-month windows from the placement's start (its indsats-start), each ending at the end "
    "of its last day; a window cut short by the end of the placement ends on that day (law README, \"per year\"; the "
    "windows of BL-TILS-2X). The course days are the sum of 'days' of the plejefamilie-efteruddannelse events naming "
    "the placement decision or its start, dated in the window.",
    .reading = "Part C § 8, CONFIRMED-OLD (BEK 522/2019 § 5; the barnets-lov section UNCONFIRMED): severity warning. Applies to "
    "a placement whose decision names an almen, forstærket or specialiseret plejefamilie (site-type general-, "
    "reinforced- or specialised-foster-family); network and municipal foster families are outside it (the latter's "
    "further duty is secondary, UNCONFIRMED), and a placement without site-type is not judged. A window that has "
    "ended with 2 days or more is met; with none missed (indeterminate when the file records no course event dated by the "
    "window's end: an export without the issue 18 event); with 1 day, or days without a number, indeterminate: each "
    "placing municipality owes only its pro-rata share, which no field shows. A running window short of 2 days is "
    "pending. A window cut short by the end of the placement needs 1 day when it lasted 6 months or more (missed "
    "with none) and none when shorter (not_applicable). Supervision (plejefamilie-supervision) has no quantity and "
    "is not judged. The first year's extra day (secondary) is not counted.",
    .predecessor = "Serviceloven § 66 a stk. 4 / § 66 c (BEK 522/2019 § 5)", .versions = efterudd_versions,
    .statuses = status_bits({Status::met, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-with-consent" site-type="general-foster-family" site-approved="true"/>
<indsats-start id="m2" at="2024-09-01" ref="d3"/>
<plejefamilie-efteruddannelse id="pe1" at="2025-03-12" ref="d3" days="2"/>)",
    .reasons = efterudd_reasons,
    .counted_da = "kursusdage", .counted_en = "course days",
    .statute = &efterudd_statute,
    .evidence = efterudd_evidence};

bool trained_family(const Event& d) {
    const Value kind = decision_kind(d);
    if (!places_or_sites(kind)) return false;
    const auto site = d.value(Attr::site_type);
    return d.value(Attr::outcome) != Value::refused &&
           (site == Value::general_foster_family || site == Value::reinforced_foster_family || site == Value::specialised_foster_family);
}

class FosterFamilyTraining final : public RuleImpl {
public:
    FosterFamilyTraining() : RuleImpl(KindSet::where(places_or_sites)) {}
    const RuleMeta& meta() const override { return efterudd_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        MeasureEnds ends(c, ctx);
        std::optional<LocalDay> first_course;  // the day of the file's first course event (max: none), asked once
        auto course_recorded_by = [&](LocalDay day) {
            if (!first_course) {
                first_course = LocalDay::max();
                for (std::uint32_t k : c.events_of(EventType::plejefamilie_efteruddannelse))  // in time order
                    if (ctx.known(c.event(k))) {
                        first_course = c.event(k).at().day;
                        break;
                    }
            }
            return *first_course <= day;
        };
        EventMemo<std::pair<std::uint32_t, std::uint32_t>> of_decision(c.events().size());  // per decision: its courses in `pool`
        std::vector<std::pair<LocalDay, std::int64_t>> pool;
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            if (!ctx.known(start)) continue;
            const Event* decision = measure_decision(c, start);
            if (!decision || !ctx.known(*decision) || !trained_family(*decision)) continue;
            const auto ended = ends.of(*decision);
            // The course events naming the start, or the decision (those found once per decision: a scan of the
            // decision's referrers per start grew with the square of a case of many starts), each counted once,
            // as (day, days or -1 when unstated).
            auto course = [&](std::uint32_t k) {
                const Event& e = c.event(k);
                return e.type() == EventType::plejefamilie_efteruddannelse && ctx.known(e);
            };
            const auto [at, count] = of_decision.get(decision->index(), [&] {
                const auto first = static_cast<std::uint32_t>(pool.size());
                for (std::uint32_t k : c.referrers(decision->index()))
                    if (course(k)) pool.emplace_back(c.event(k).at().day, c.event(k).number(Attr::days).value_or(-1));
                std::sort(pool.begin() + first, pool.end());
                return std::pair<std::uint32_t, std::uint32_t>(first, static_cast<std::uint32_t>(pool.size()) - first);
            });
            boost::container::small_vector<std::pair<LocalDay, std::int64_t>, 8> own;  // naming the start only
            for (std::uint32_t k : c.referrers(i))
                if (course(k) && !c.refers_to(c.event(k), decision->index()))
                    own.emplace_back(c.event(k).at().day, c.event(k).number(Attr::days).value_or(-1));
            std::sort(own.begin(), own.end());
            const std::span<const std::pair<LocalDay, std::int64_t>> named(pool.data() + at, count);
            // The days of the courses of `list` dated in [from, last]; `unstated` when one gives no number.
            auto sum_in = [](auto&& list, LocalDay from, LocalDay last, bool& unstated) {
                std::int64_t sum = 0;
                const auto lo = std::lower_bound(list.begin(), list.end(), std::pair<LocalDay, std::int64_t>(from, INT64_MIN));
                for (auto it = lo; it != list.end() && it->first <= last; ++it) {
                    if (it->second < 0) unstated = true;
                    else sum += it->second;
                }
                return sum;
            };
            const LocalDay first = start.at().day;
            LocalDay next = first;
            for (int n = 0;; ++n) {
                const LocalDay from = next;
                next = years_after(first, n + 1);
                if (from > ctx.as_of_day || (ended && *ended <= from)) break;
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (!open_finding(f, efterudd_meta, start, from)) continue;
                use(f, decision, EventRole::related);
                const bool cut = ended && *ended < next;
                const LocalDay last = cut ? *ended : next - date::days{1};
                const Moment window{{}, from, false};
                f.deadline = cut ? detail::due_on(DueBy::placement_end, window, last, ctx.calendar)
                                 : detail::make_deadline_due(efterudd_meta, window, last, ctx.calendar);
                bool unstated = false;
                const std::int64_t days = sum_in(named, from, last, unstated) + sum_in(own, from, last, unstated);
                f.required = cut ? (months_after(from, 6) <= *ended ? 1 : 0) : 2;
                f.count = static_cast<std::uint16_t>(std::min<std::int64_t>(days, 0xFFFF));
                const bool over = cut || ctx.as_of_day > last;
                if (f.required == 0) {
                    f.status = Status::not_applicable;
                    f.reason = &reasons::course_year_short;
                } else if (days >= f.required) {
                    f.status = Status::met;
                    f.reason = &reasons::course_days_enough;
                } else if (!over) {
                    f.status = Status::pending;
                    f.reason = &reasons::course_days_ahead;
                    f.margin = (last - ctx.as_of_day).count();
                    f.margin_unit = MarginUnit::days;
                } else if (days == 0 && !unstated && course_recorded_by(last)) {
                    f.status = Status::missed;
                    f.reason = &reasons::course_days_none;
                    f.margin = -(ctx.as_of_day - last).count();
                    f.margin_unit = MarginUnit::days;
                } else if (days == 0 && !unstated) {
                    // No course event in the file by the year's end: an export without the issue 18 event proves nothing.
                    f.status = Status::indeterminate;
                    f.reason = &reasons::course_days_not_recorded;
                } else {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::course_days_share_unknown;
                }
            }
        }
    }
};

}  // namespace

const Rule& foster_family_training() {
    static const FosterFamilyTraining rule;
    return rule;
}

}  // namespace barnetslov::rules
