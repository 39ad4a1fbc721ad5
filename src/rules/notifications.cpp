// BL-UND-24H and BL-UND-KVIT (catalog part A § 1).
#include "barnetslov/rules/notifications.hpp"

#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// Serviceloven § 155 stk. 2 and § 155 b came with the overgrebspakke (LOV nr 496 af 21/05/2013),
// in force 1 October 2013; before that neither clock existed.
constexpr LocalDay overgrebspakke = LocalDay{date::year{2013} / 10 / 1};

constexpr RuleVersion und_24h_versions[] = {
    {Law::serviceloven, "§ 155 stk. 2", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "24 hours from receipt (overgrebspakken, LOV 496/2013, in force 1 Oct 2013: date INFERRED)"},
    {Law::barnets_lov, "§ 136", barnets_lov_start, far_future, Confidence::confirmed,
     "24 hours from receipt; exact stk. of § 136 UNCONFIRMED"},
};

constexpr RuleMeta und_24h_meta{
    "BL-UND-24H", "notifications", "Vurdering af underretning inden for 24 timer",
    "Assessment of an underretning within 24 hours", Severity::error, Confidence::confirmed,
    Convention::elapsed_hours, 24,
    "24 hours of elapsed time from the moment the municipality first learned the content of the "
    "underretning (a telephone call counts; a later written copy does not restart the clock). "
    "Nights, weekends and holidays count; instants are UTC, so DST neither adds nor removes an hour.",
    "Clock from first knowledge (law README, INFERRED from Ankestyrelsen 2015). The assessment must state "
    "both conclusions (danger yes/no, acute measures yes/no); one that states neither or only one is "
    "'violated'. An underretning with a date but no time gives 'indeterminate' when the assessment falls "
    "on the day the 24 hours may end.",
    "Serviceloven § 155 stk. 2", und_24h_versions,
    status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    R"(<underretning id="u1" received-at="2024-10-10T14:30" written-received-at="2024-10-14" notifier="professional"/>
<akutvurdering id="a1" at="2024-10-11T16:00" ref="u1" danger="false" acute-measures="false"/>)"};

class Underretning24h final : public Rule {
public:
    const RuleMeta& meta() const override { return und_24h_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::underretning)) {
            const Event& u = c.event(i);
            if (!ctx.known(u)) continue;
            Finding& f = out.add();
            if (!open_finding(f, und_24h_meta, u, u.at().day)) continue;
            const Event* a = first_referrer(c, i, EventType::akutvurdering, ctx);
            use(f, a, EventRole::fulfilment);
            const Deadline d = detail::make_deadline(Convention::elapsed_hours, 24, u.at(), ctx.calendar);
            detail::judge(f, d, a ? std::optional<Moment>(a->at()) : std::nullopt, ctx);
            // An assessment in time that does not conclude on both questions is not the assessment
            // § 136 asks for.
            if (a && f.status == Status::met && (!a->has(Attr::danger) || !a->has(Attr::acute_measures))) {
                f.status = Status::violated;
                f.reason = Reason::lacks_conclusion;
            }
        }
    }
};

constexpr RuleVersion und_kvit_versions[] = {
    {Law::serviceloven, "§ 155 b stk. 1", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "6 hverdage (overgrebspakken, in force 1 Oct 2013: date INFERRED)"},
    {Law::barnets_lov, "§§ 136-137", barnets_lov_start, far_future, Confidence::unconfirmed,
     "6 hverdage CONFIRMED in municipal practice; whether § 136 or § 137, and which stk., UNCONFIRMED"},
};

constexpr RuleMeta und_kvit_meta{
    "BL-UND-KVIT", "notifications", "Kvittering for modtagelse af underretning",
    "Acknowledgement of receipt to a professional notifier", Severity::warning, Confidence::unconfirmed,
    Convention::hverdage_after, 6,
    "6 hverdage after the day the municipality first learned the content (that day is day 0); the "
    "deadline is the end of the 6th hverdag. Hverdage are Monday-Friday except the helligdage, "
    "grundlovsdag, juleaftensdag and nytårsaftensdag (the last three configurable).",
    "Applies to notifiers with the enhanced duty (§ 133 professionals); 'private', 'anonymous', 'child' and "
    "'municipality' notifiers get not_applicable; a file that does not say who notified gets indeterminate. "
    "Location in §§ 136-137 UNCONFIRMED; the counting convention (day 0, end of the 6th hverdag) is the "
    "catalog's § 0.2 reading, UNCONFIRMED.",
    "Serviceloven § 155 b stk. 1", und_kvit_versions,
    status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    R"(<underretning id="u1" received-at="2024-03-28T09:20" notifier="professional" notifier-role="health-visitor"/>
<kvittering id="k1" at="2024-04-09" ref="u1"/>)"};

class UnderretningKvittering final : public Rule {
public:
    const RuleMeta& meta() const override { return und_kvit_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::underretning)) {
            const Event& u = c.event(i);
            if (!ctx.known(u)) continue;
            Finding& f = out.add();
            if (!open_finding(f, und_kvit_meta, u, u.at().day)) continue;
            const auto notifier = u.value(Attr::notifier);
            if (!notifier || *notifier == Value::unknown) {
                f.status = Status::indeterminate;
                f.reason = Reason::notifier_unknown;
                continue;
            }
            if (*notifier != Value::professional) {
                f.status = Status::not_applicable;
                f.reason = Reason::notifier_not_professional;
                continue;
            }
            const Event* k = first_referrer(c, i, EventType::kvittering, ctx);
            use(f, k, EventRole::fulfilment);
            const Deadline d = detail::make_deadline(Convention::hverdage_after, 6, u.at(), ctx.calendar);
            detail::judge(f, d, k ? std::optional<Moment>(k->at()) : std::nullopt, ctx);
        }
    }
};

}  // namespace

const Rule& underretning_24h() {
    static const Underretning24h rule;
    return rule;
}

const Rule& underretning_kvittering() {
    static const UnderretningKvittering rule;
    return rule;
}

}  // namespace barnetslov::rules
