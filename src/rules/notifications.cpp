// BL-UND-24H and BL-UND-KVIT (catalog part A § 1).
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

namespace reasons {

// 24 h: the assessment states neither/only one conclusion
constexpr Reason lacks_conclusion{
    .key = "lacks_conclusion",
    .da = "Vurderingen blev foretaget i tide, men tager ikke stilling til både fare og akutte indsatser.",
    .en = "The assessment was made in time but does not conclude on both danger and acute measures.",
};

// kvittering-to=all: an anonymous notifier cannot be answered
constexpr Reason notifier_anonymous{
    .key = "notifier_anonymous",
    .da = "Underretteren er anonym; en kvittering kan ikke sendes.",
    .en = "The notifier is anonymous; no kvittering can be sent.",
};

}  // namespace reasons

using namespace rules_detail;


constexpr RuleVersion und_24h_versions[] = {
    {Law::serviceloven, "§ 155 stk. 2", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "24 hours from receipt (overgrebspakken, LOV 496/2013, in force 1 Oct 2013: date INFERRED)"},
    {Law::barnets_lov, "§ 136", barnets_lov_start, far_future, Confidence::confirmed,
     "24 hours from receipt; exact stk. of § 136 UNCONFIRMED"},
};

constexpr StatuteRecord und_24h_statute{
    .rule = "BL-UND-24H",
    .not_found = "§ 136",
    .source = "not found; best secondary source: Social- og Boligministeriet, "
              "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/underretningspligt/kommunens-pligt; "
              "VEJ 9471's chapter map, https://regelrytter.dk/https-www-retsinformation-dk-api-pdf-244358",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The ministry states that within 24 hours the municipality assesses whether the child's health or "
                "development is in danger and whether acute measures are needed; VEJ 9471 places the handling of "
                "underretninger in §§ 136-137. The stk. is not known.",
};

constexpr const Reason* und_24h_reasons[] = {&reasons::lacks_conclusion};

constexpr Evidence und_24h_evidence[] = {{.type = EventType::akutvurdering}};
constexpr RuleMeta und_24h_meta{
    .id = "BL-UND-24H", .chapter = "notifications", .title_da = "Vurdering af underretning inden for 24 timer",
    .title_en = "Assessment of an underretning within 24 hours", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::elapsed_hours, .amount = 24,
    .counting = "24 hours of elapsed time from the moment the municipality first learned the content of the "
    "underretning (a telephone call counts; a later written copy does not restart the clock). "
    "Nights, weekends and holidays count; instants are UTC, so DST neither adds nor removes an hour.",
    .reading = "Clock from first knowledge (law README, INFERRED from Ankestyrelsen 2015). The assessment must state "
    "both conclusions (danger yes/no, acute measures yes/no); one that states neither or only one is "
    "'violated'. An underretning with a date but no time gives 'indeterminate' when the assessment falls "
    "on the day the 24 hours may end.",
    .predecessor = "Serviceloven § 155 stk. 2", .versions = und_24h_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-10-10T14:30" written-received-at="2024-10-14" notifier="professional"/>
<akutvurdering id="a1" at="2024-10-11T16:00" ref="u1" danger="false" acute-measures="false"/>)",
    .changed_from = "only an assessment naming the underretning counted, and one dated before it was met",
    .reasons = und_24h_reasons,
    .statute = &und_24h_statute,
    .evidence = und_24h_evidence};

class Underretning24h final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return und_24h_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const AfterRecords assessments(c, ctx, EventType::underretning, EventType::akutvurdering);
        for_each_trigger(c, ctx, out, und_24h_meta, EventType::underretning, [&](const Event& u, Finding& f) {
            const Event* a = assessments.serving(u);
            use(f, a, EventRole::fulfilment);
            const Deadline d = detail::make_deadline(und_24h_meta, u.at(), ctx.calendar);
            judge_by(f, d, a, ctx);
            // An assessment in time that does not conclude on both questions is not the assessment
            // § 136 asks for.
            if (a && f.status == Status::met && (!a->has(Attr::danger) || !a->has(Attr::acute_measures))) {
                f.status = Status::violated;
                f.reason = &reasons::lacks_conclusion;
            }
        });
    }
};

constexpr RuleVersion und_kvit_versions[] = {
    {Law::serviceloven, "§ 155 b stk. 1", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "6 hverdage (overgrebspakken, in force 1 Oct 2013: date INFERRED)"},
    {Law::barnets_lov, "§§ 136-137", barnets_lov_start, far_future, Confidence::unconfirmed,
     "6 hverdage CONFIRMED in municipal practice; whether § 136 or § 137, and which stk., UNCONFIRMED"},
};

constexpr StatuteRecord und_kvit_statute{
    .rule = "BL-UND-KVIT",
    .not_found = "§§ 136-137",
    .source = "not found; best secondary sources: municipal pages stating 6 hverdage, "
              "https://egedalkommune.dk/mit-liv/omsorg-stoette-og-tilbud/bekymring-for-et-barn-eller-en-voksen/boern-i-mistrivsel "
              "and https://www.nyborg.dk/da/Borger/B%C3%B8rn-unge-og-familie/Hj%C3%A6lp-og-r%C3%A5dgivning/"
              "Har-du-en-bekymring-for-et-barn-eller-en-ung",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The 6 hverdage are stated in current municipal guidance. L 87 shows that § 137 stk. 1, 1. pkt. is the "
                "feedback rule, so the kvittering is elsewhere in § 137 or in § 136; it cannot be placed.",
    .conflict = "Possible: the catalog owes the kvittering to professional notifiers only, but Egedal and Nyborg promise "
                "it to citizens (private, even anonymous, notifiers). The statute does not settle it; the rule keeps the "
                "professional scope by default (reading kvittering-to) and its UNCONFIRMED marker.",
};

constexpr const Reason* und_kvit_reasons[] = {
    &reasons::notifier_not_professional, &reasons::notifier_unknown, &reasons::notifier_anonymous,
};

constexpr Evidence und_kvit_evidence[] = {{.type = EventType::kvittering}};
constexpr RuleMeta und_kvit_meta{
    .id = "BL-UND-KVIT", .chapter = "notifications", .title_da = "Kvittering for modtagelse af underretning",
    .title_en = "Acknowledgement of receipt to a professional notifier", .severity = Severity::warning, .confidence = Confidence::unconfirmed,
    .convention = Convention::hverdage_after, .amount = 6,
    .counting = "6 hverdage after the day the municipality first learned the content (that day is day 0); the "
    "deadline is the end of the 6th hverdag. Hverdage are Monday-Friday except the helligdage, "
    "grundlovsdag, juleaftensdag and nytårsaftensdag (the last three configurable). Lateness in hverdage, late or "
    "missed alike: the hverdage after the deadline up to and including the day of the kvittering (or the as-of "
    "day), that day counted as one even when it is not a hverdag — sent on the Saturday after a Friday deadline, "
    "late by 1 hverdag.",
    .reading = "By default (reading kvittering-to=professional) the kvittering is owed to notifiers with the enhanced duty "
    "(§ 133 professionals); 'private', 'anonymous', 'child' and 'municipality' notifiers get not_applicable. With "
    "kvittering-to=all it is owed to every notifier who can be answered (municipal pages tell citizens they get "
    "one), and only an anonymous notifier gets not_applicable. A file that does not say who notified gets "
    "indeterminate. Location in §§ 136-137 UNCONFIRMED; the counting convention (day 0, end of the 6th hverdag) is "
    "the catalog's § 0.2 reading, UNCONFIRMED; the scope is UNCONFIRMED (statute notes), hence the reading.",
    .predecessor = "Serviceloven § 155 b stk. 1", .versions = und_kvit_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-03-28T09:20" notifier="professional" notifier-role="health-visitor"/>
<kvittering id="k1" at="2024-04-09" ref="u1"/>)",
    .changed_from = "only a kvittering naming the underretning counted, and one dated before it was met",
    .reasons = und_kvit_reasons,
    .statute = &und_kvit_statute,
    .evidence = und_kvit_evidence};

class UnderretningKvittering final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return und_kvit_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const AfterRecords kvitteringer(c, ctx, EventType::underretning, EventType::kvittering);
        for_each_trigger(c, ctx, out, und_kvit_meta, EventType::underretning, [&](const Event& u, Finding& f) {
            if (ctx.readings.kvittering_to == KvitteringTo::all) {
                // Every notifier who can be answered: all but an anonymous one.
                const auto notifier = u.value(Attr::notifier);
                if (!notifier || *notifier == Value::unknown) {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::notifier_unknown;
                    return;
                }
                if (*notifier == Value::anonymous) {
                    f.status = Status::not_applicable;
                    f.reason = &reasons::notifier_anonymous;
                    return;
                }
            } else if (!professional_notifier(f, u)) {
                return;
            }
            const Event* k = kvitteringer.serving(u);
            use(f, k, EventRole::fulfilment);
            const Deadline d = detail::make_deadline(und_kvit_meta, u.at(), ctx.calendar);
            judge_by(f, d, k, ctx);
        });
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

// ---- BL-UND-FEEDBACK and BL-UND-RELOC: steps without a deadline -----------------------------------

namespace barnetslov::rules {
namespace {

using namespace rules_detail;


constexpr RuleVersion feedback_versions[] = {
    {Law::serviceloven, "§ 155 b stk. 2-3", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "whether an undersøgelse or a foranstaltning was started"},
    {Law::barnets_lov, "§ 137 stk. 1, 1. pkt.", barnets_lov_start, l87_assumed, Confidence::unconfirmed,
     "before L 87: whether the underretning led to afdækning, undersøgelse or 'indsatser' (broad); end date assumed"},
    {Law::barnets_lov, "§ 137 stk. 1, 1. pkt. (L 87)", l87_assumed, far_future, Confidence::unconfirmed,
     "after L 87: afdækning, undersøgelse, § 32 support, a placement under §§ 46, 47 or 67, or measures under other "
     "named legislation; L 87's date in force (1 Jan 2025) assumed, UNCONFIRMED"},
};
constexpr StatuteRecord feedback_statute{
    .rule = "BL-UND-FEEDBACK",
    .not_found = "§ 137",
    .source = "not found; best secondary source: bill L 87 (2024-25) § 1 nr. 8, https://polspy.org/dk/dokumenter/1128878 "
              "(https://www.ft.dk/ripdf/samling/20241/lovforslag/l87/20241_l87_som_fremsat.pdf)",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "L 87 amends § 137 stk. 1, 1. pkt., narrowing 'indsatser' to supportive measures under § 32, placements "
                "under §§ 46, 47 or 67 and measures under other named laws (the rest is cut off): the feedback rule's "
                "place is confirmed through the bill. No timing was found.",
};

constexpr const Reason* feedback_reasons[] = {
    &reasons::notifier_not_professional, &reasons::notifier_unknown, &reasons::step_recorded,
    &reasons::step_outstanding,
};

constexpr Evidence feedback_evidence[] = {{.type = EventType::tilbagemelding}};
constexpr RuleMeta feedback_meta{
    .id = "BL-UND-FEEDBACK", .chapter = "notifications", .title_da = "Tilbagemelding til fagperson, der har underrettet",
    .title_en = "Feedback to a professional notifier", .severity = Severity::warning, .confidence = Confidence::unconfirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline is confirmed: a professional notifier is told what the underretning led to.",
    .reading = "Professional notifiers only (as BL-UND-KVIT). Met when a tilbagemelding names the underretning; until then "
    "pending without a due date. What the feedback may say changed with L 87; the content is not checked, the "
    "version in force on the day of the underretning is reported.",
    .predecessor = "Serviceloven § 155 b stk. 2-3", .versions = feedback_versions,
    .statuses = status_bits({Status::met, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-03-28T14:30" notifier="professional"/>
<tilbagemelding id="t1" at="2024-05-02" ref="u1" outcome="undersoegelse"/>)",
    .reasons = feedback_reasons,
    .statute = &feedback_statute,
    .evidence = feedback_evidence};

class Feedback final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return feedback_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, feedback_meta, EventType::underretning, [&](const Event& u, Finding& f) {
            const std::uint32_t i = u.index();
            if (!professional_notifier(f, u)) return;
            const Event* t = first_referrer(c, i, EventType::tilbagemelding, ctx);
            use(f, t, EventRole::fulfilment);
            f.status = t ? Status::met : Status::pending;
            f.reason = t ? &reasons::step_recorded : &reasons::step_outstanding;
        });
    }
};

constexpr RuleVersion reloc_versions[] = {
    {Law::serviceloven, "§ 152", far_past, barnets_lov_start, Confidence::confirmed_old, "the same in substance"},
    {Law::barnets_lov, "§ 132 stk. 1-2", barnets_lov_start, far_future, Confidence::confirmed, "no deadline stated (UNCONFIRMED whether guidance sets one)"},
};
constexpr StatuteRecord reloc_statute{
    .rule = "BL-UND-RELOC",
    .read = "§ 132 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/132",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "When a family with a child, or expectant parents, in need of special support moves, the municipality it "
                "leaves must notify the new one (stk. 1) and send the necessary case material with a summary of its "
                "assessments (stk. 2). No deadline is stated.",
};

constexpr const Reason* reloc_reasons[] = {&reasons::step_recorded, &reasons::step_outstanding};

constexpr Evidence reloc_evidence[] = {{.type = EventType::underretning_fraflytning}};
constexpr RuleMeta reloc_meta{
    .id = "BL-UND-RELOC", .chapter = "notifications", .title_da = "Underretning til tilflytningskommunen", .title_en = "Notice to the municipality a family moves to",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline is stated: when a family with a child in need of support moves, the municipality it leaves "
    "notifies the new municipality and sends the case material.",
    .reading = "A move (flytning) in a child's case file is read as a move of a family with a need for support. Met when an "
    "underretning-fraflytning serves the move by the law README's serving rule (naming it, or naming none and this "
    "is the latest move on or before it); until then pending without a due date. A notice naming the move but dated "
    "before it is indeterminate (inconsistent dates).",
    .predecessor = "Serviceloven § 152", .versions = reloc_versions, .statuses = status_bits({Status::met, Status::pending, Status::indeterminate}),
    .example = R"(<flytning id="fl1" at="2024-11-01" to-municipality="Aarhus"/>
<underretning-fraflytning id="uf1" at="2024-11-04" ref="fl1" to-municipality="Aarhus"/>)",
    .changed_from = "only a notice naming the move counted",
    .reasons = reloc_reasons,
    .statute = &reloc_statute,
    .evidence = reloc_evidence};

class Relocation final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return reloc_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const AfterRecords notices(c, ctx, EventType::flytning, EventType::underretning_fraflytning);
        for_each_trigger(c, ctx, out, reloc_meta, EventType::flytning, [&](const Event& move, Finding& f) {
            const Event* notice = notices.serving(move);
            use(f, notice, EventRole::fulfilment);
            f.status = notice ? Status::met : Status::pending;
            f.reason = notice ? &reasons::step_recorded : &reasons::step_outstanding;
            if (notice && detail::order(notice->at(), move.at()) == detail::Order::before) {
                f.status = Status::indeterminate;  // names the move but is dated before it
                f.reason = &reasons::inconsistent_dates;
            }
        });
    }
};

}  // namespace

const Rule& underretning_feedback() {
    static const Feedback rule;
    return rule;
}
const Rule& relocation_notice() {
    static const Relocation rule;
    return rule;
}

}  // namespace barnetslov::rules
