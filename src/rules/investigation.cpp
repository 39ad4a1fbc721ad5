// BL-UNDS-4M (catalog part A § 2).
#include <array>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

namespace reasons {

// 4 months: no start of the clock in the file
constexpr Reason awareness_unknown{
    .key = "awareness_unknown",
    .da = "Sagen oplyser ikke, hvornår kommunen blev opmærksom på behovet (ingen 'aware-at' og ingen underretning i 'ref').",
    .en = "The file does not say when the municipality became aware of the need (no 'aware-at' and no underretning in 'ref').",
};

// e.g. kommende forældre (§ 26), deadline unconfirmed
constexpr Reason subject_not_covered{
    .key = "subject_not_covered",
    .da = "Undersøgelse af kommende forældre (§ 26): ingen bekræftet frist.",
    .en = "Investigation of expectant parents (§ 26): no confirmed deadline.",
};

// 4 months: met through a foreløbig vurdering
constexpr Reason preliminary_in_time{
    .key = "preliminary_in_time",
    .da = "Afsluttet efter 4 måneder, men en foreløbig vurdering blev udarbejdet inden fristen.",
    .en = "Concluded after 4 months, but a preliminary assessment was made by the deadline.",
};

constexpr Reason preliminary_late{
    .key = "preliminary_late",
    .da = "For sent: også den foreløbige vurdering kom efter fristen.",
    .en = "Late: the preliminary assessment also came after the deadline.",
};

constexpr Reason still_open_after_preliminary{
    .key = "still_open_after_preliminary",
    .da = "Stadig åben efter 4 måneder med rettidig foreløbig vurdering; skal afsluttes snarest muligt.",
    .en = "Still open after 4 months with a timely preliminary assessment; it must be concluded as soon as possible.",
    .tells_months_open = true,
};

}  // namespace reasons

using namespace rules_detail;

constexpr RuleVersion unds_4m_versions[] = {
    {Law::serviceloven, "§ 50 stk. 7", far_past, barnets_lov_start, Confidence::confirmed_old,
     "4 months, then a foreløbig vurdering (same substance)"},
    {Law::barnets_lov, "§ 20 stk. 3", barnets_lov_start, far_future, Confidence::confirmed,
     "4 months CONFIRMED; the clock from first knowledge and the reading of an open undersøgelse after a foreløbig "
     "vurdering INFERRED (law README)"},
};

constexpr StatuteRecord unds_4m_statute{
    .rule = "BL-UNDS-4M",
    .read = "§ 20 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/20",
    .noted_in = "part-c-network-parents-special.md (December 2026); read again in the issue 14 lookup",
    .read_on = december_2026,
    .confirms = "The undersøgelse is concluded at the latest 4 months after the municipality becomes aware that the "
                "child may need special support; if it exceptionally cannot be, a foreløbig vurdering is made and the "
                "undersøgelse concluded as soon as possible after. The text does not date the foreløbig vurdering "
                "(the rule's INFERRED dating requirement).",
};

constexpr const Reason* unds_4m_reasons[] = {
    &reasons::awareness_unknown, &reasons::subject_not_covered, &reasons::preliminary_in_time,
    &reasons::preliminary_late, &reasons::still_open_after_preliminary,
};

// The conclusion, or the foreløbig vurdering that excepts a late one.
constexpr Evidence unds_4m_evidence[] = {{.type = EventType::undersoegelse_afsluttet}, {.type = EventType::foreloebig_vurdering}};
constexpr RuleMeta unds_4m_meta{
    .id = "BL-UNDS-4M", .chapter = "investigation", .title_da = "Børnefaglig undersøgelse afsluttet inden for 4 måneder",
    .title_en = "Investigation concluded within 4 months", .severity = Severity::error, .confidence = Confidence::inferred,
    .convention = Convention::months_after, .amount = 4,
    .counting = "4 calendar months from the day the municipality became aware that the child may need special "
    "support: the same day-of-month 4 months later, clamped to the month's last day, ending at the end "
    "of that day. Awareness is the earlier of the undersøgelse's 'aware-at' and the first knowledge of the "
    "earliest underretning it refers to (directly or through a screening or afdækning): first knowledge wins.",
    .reading = "A conclusion after 4 months is 'met' with basis foreløbig vurdering when one was made by the 4-month "
    "date (that dating requirement is INFERRED); it is 'late' otherwise. The conclusion is still owed 'snarest "
    "muligt': an undersøgelse still open after 4 months with a timely foreløbig vurdering is 'met' on that basis "
    "and the finding says it is open and for how many months (INFERRED). An aware-at later than the first "
    "knowledge of a linked underretning does not move the clock later; the finding names both (the underretning "
    "as related, aware-at as its attribute). The figures keep two shares: concluded within 4 months (the "
    "Børnesagsbarometret indicator: met without a basis) and within 4 months or with a foreløbig vurdering (all "
    "met). Undersøgelser of kommende forældre (§ 26) are not_applicable: their deadline is UNCONFIRMED.",
    .predecessor = "Serviceloven § 50 stk. 7", .versions = unds_4m_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-05-31T08:45" notifier="professional"/>
<undersoegelse id="bfu1" at="2024-06-11" ref="u1"/>
<foreloebig-vurdering id="fv1" at="2024-09-26" ref="bfu1"/>
<undersoegelse-afsluttet id="bfu1-end" at="2024-11-18" ref="bfu1"/>)",
    .changed_from = "a later aware-at moved the clock later; an undersøgelse still open after a timely foreløbig vurdering was simply met",
    .reasons = unds_4m_reasons,
    .statute = &unds_4m_statute,
    .evidence = unds_4m_evidence};

// The earliest first-knowledge moment of an underretning reachable through `ref` (depth-limited). Most
// undersøgelser name a screening naming an underretning: searched directly within a budget of steps. Past
// it (events naming up to 64 events each, three levels down: up to 64^4 steps per undersøgelse, issue 15),
// each event's answer at each depth is found once per evaluation.
class EarliestUnderretning {
public:
    EarliestUnderretning(const Case& c, const EvalContext& ctx) : c_(c), ctx_(ctx) {}
    const Event* of(const Event& from) {
        int budget = 256;
        const Event* best = nullptr;
        if (direct(from, 3, budget, best)) return best;
        return memoized(from, 3);
    }

private:
    // False when the budget ran out.
    bool direct(const Event& from, int depth, int& budget, const Event*& best) const {
        for (std::uint32_t r : from.refs()) {
            if (--budget < 0) return false;
            const Event& e = c_.event(r);
            const Event* cand = nullptr;
            if (e.type() == EventType::underretning) cand = &e;
            else if (depth > 0 && !direct(e, depth - 1, budget, cand)) return false;
            if (cand && ctx_.known(*cand) && (!best || cand->at().instant < best->at().instant)) best = cand;
        }
        return true;
    }
    const Event* memoized(const Event& from, int depth) {
        if (memo_.empty()) memo_.assign(c_.events().size(), {unset, unset, unset, unset});
        if (const std::uint32_t m = memo_[from.index()][static_cast<std::size_t>(depth)]; m != unset) return m == none ? nullptr : &c_.event(m);
        const Event* best = nullptr;
        for (std::uint32_t r : from.refs()) {
            const Event& e = c_.event(r);
            const Event* cand = nullptr;
            if (e.type() == EventType::underretning) cand = &e;
            else if (depth > 0) cand = memoized(e, depth - 1);
            if (cand && ctx_.known(*cand) && (!best || cand->at().instant < best->at().instant)) best = cand;
        }
        memo_[from.index()][static_cast<std::size_t>(depth)] = best ? best->index() : none;
        return best;
    }

    static constexpr std::uint32_t unset = 0xFFFFFFFF, none = 0xFFFFFFFE;
    const Case& c_;
    const EvalContext& ctx_;
    std::vector<std::array<std::uint32_t, 4>> memo_;  // per event and depth 0-3, once the budget runs out
};

class Undersoegelse4Months final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return unds_4m_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        EarliestUnderretning earliest_underretning(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::undersoegelse)) {
            const Event& bfu = c.event(i);
            if (!ctx.known(bfu)) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            f.subject = i;
            f.events.push_back({i, EventRole::trigger});
            if (bfu.value(Attr::subject) == Value::kommende_foraeldre) {
                f.status = Status::not_applicable;
                f.reason = &reasons::subject_not_covered;
                continue;
            }
            // First knowledge wins: the earlier of aware-at and the first knowledge of a linked underretning.
            std::optional<Moment> aware = bfu.moment(Attr::aware_at);
            if (const Event* u = earliest_underretning.of(bfu)) {
                if (!aware || u->at().day < aware->day) {
                    if (aware) f.attribute = Attr::aware_at;  // named: it did not move the clock
                    aware = u->at();
                    f.events.push_back({u->index(), EventRole::related});
                }
            }
            if (!aware) {
                f.status = Status::indeterminate;
                f.reason = &reasons::awareness_unknown;
                continue;
            }
            if (const auto v = version_in_force(unds_4m_meta, aware->day)) {
                f.version = *v;
                f.has_version = true;
            }
            const Event* done = first_referrer(c, i, EventType::undersoegelse_afsluttet, ctx);
            const Event* prelim = first_referrer(c, i, EventType::foreloebig_vurdering, ctx);
            use(f, done, EventRole::fulfilment);
            Moment start = *aware;
            start.has_time = false;  // a month deadline counts in local days
            const Deadline d = detail::make_deadline(unds_4m_meta, start, ctx.calendar);
            judge_by(f, d, done, ctx);
            if (f.status != Status::late && f.status != Status::missed) continue;

            // § 20 stk. 3, 2. pkt.: a foreløbig vurdering made by the deadline is the lawful way past it.
            if (!prelim) continue;
            f.events.push_back({prelim->index(), EventRole::exception});
            if (prelim->at().day <= d.due_day) {
                f.status = Status::met;
                f.margin = (d.due_day - prelim->at().day).count();  // how early the vurdering came
                f.margin_unit = MarginUnit::days;
                f.basis = Basis::foreloebig_vurdering;
                f.reason = done ? &reasons::preliminary_in_time : &reasons::still_open_after_preliminary;
            } else {
                f.reason = &reasons::preliminary_late;
            }
        }
    }
};

}  // namespace

const Rule& undersoegelse_4_months() {
    static const Undersoegelse4Months rule;
    return rule;
}

}  // namespace barnetslov::rules
