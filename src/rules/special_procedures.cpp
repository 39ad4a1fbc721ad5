// Part C's special procedures (../shared/law/part-c-network-parents-special.md): BL-PFP-42-3M (permission
// for private family care beyond 3 months, § 42), BL-LAEGE-40 (medical examination or treatment without
// consent, § 40), BL-PAALAEG-39 (børne- og ungepålæg, § 39) and BL-OVERGREB-BOERNEHUS (the regional
// børnehus in an abuse case, §§ 124-126).
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr std::string_view part_c_noted = "part-c-network-parents-special.md (December 2026)";

// ---- BL-PFP-42-3M: § 42 stk. 1-3, 5 (Serviceloven § 78) — part C § 7, CONFIRMED ------------------------

namespace reasons {

constexpr Reason pfp_over_14{
    .key = "pfp_over_14",
    .da = "Barnet var fyldt 14 år, da opholdet i privat familiepleje begyndte; tilladelseskravet gælder børn under 14 (§ 42 stk. 1).",
    .en = "The child had turned 14 when the stay in private family care began; the permission is required for children under 14 (§ 42 stk. 1).",
};

constexpr Reason pfp_within_3_months{
    .key = "pfp_within_3_months",
    .da = "Opholdet sluttede inden for 3 måneder fra starten; der kræves først tilladelse til ophold ud over 3 måneder.",
    .en = "The stay ended within 3 months of its start; permission is needed only for a stay beyond 3 months.",
};

}  // namespace reasons

constexpr RuleVersion pfp_versions[] = {
    {Law::serviceloven, "§ 78", far_past, barnets_lov_start, Confidence::confirmed_old, "the same permission for private family care"},
    {Law::barnets_lov, "§ 42 stk. 1-3, 5", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord pfp_statute{
    .rule = "BL-PFP-42-3M",
    .read = "§ 42 stk. 1-3, 5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/42",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "Nobody may receive a child under 14 in private family care for a continuous period beyond 3 months without "
                "the permission of the municipality where the family lives (stk. 1); permission only after an examination "
                "shows the stay benefits the child, with the custody holder pointed to stk. 4 (stk. 2); the custody holder "
                "must make sure the permission exists (stk. 3); not where a parent with sole custody lets the child stay "
                "with the other parent (stk. 5).",
};

constexpr const Reason* pfp_reasons[] = {&reasons::pfp_over_14, &reasons::pfp_within_3_months, &reasons::age_unknown};

constexpr Evidence pfp_evidence[] = {{.type = EventType::tilladelse}};
constexpr RuleMeta pfp_meta{
    .id = "BL-PFP-42-3M", .chapter = "foster-care", .title_da = "Tilladelse til privat familiepleje ud over 3 måneder",
    .title_en = "Permission for private family care beyond 3 months", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::months_after, .amount = 3,
    .counting = "3 months from the stay's first day (privat-familiepleje start), same day-of-month, clamped to the month's end, "
    "ending at the end of that day (law README, months): the stay may run 3 months without permission, so the "
    "permission (tilladelse naming the stay) is due by then. A permission granted before the stay began is in time.",
    .reading = "Part C § 7, CONFIRMED. Applies to a child under 14 on the stay's first day whose stay lasts beyond the 3 months: "
    "a stay whose recorded end falls within them is not_applicable, as is a child of 14 or over. Without a birth date "
    "a permission missing or late is indeterminate, never missed or late. The duty to hold the permission is the custody "
    "holder's (stk. 3) and the permission is the stedlige kommune's, often not the municipality whose file it is: "
    "severity warning. Stk. 5 (a child staying with its other parent) has no field: such a stay is not recorded as "
    "privat-familiepleje. Whether the custody holder was pointed to stk. 4 (informed-of-42-4) is not judged here.",
    .predecessor = "Serviceloven § 78", .versions = pfp_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<privat-familiepleje id="pf1" at="2024-02-01" start="2024-02-01" family-municipality="Vejle"/>
<tilladelse id="tl1" at="2024-04-15" ref="pf1" informed-of-42-4="true"/>)",
    .reasons = pfp_reasons,
    .statute = &pfp_statute,
    .evidence = pfp_evidence};

class PrivateFamilyCarePermission final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return pfp_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::privat_familiepleje)) {
            const Event& stay = c.event(i);
            if (!ctx.known(stay)) continue;
            const LocalDay start = stay.date(Attr::start).value_or(stay.at().day);
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, pfp_meta, stay, start)) continue;
            const std::optional<int> age = child_age(c, ctx, start);
            if (age && *age >= 14) {
                f.status = Status::not_applicable;
                f.reason = &reasons::pfp_over_14;
                continue;
            }
            const Deadline dl = detail::make_deadline(pfp_meta, Moment{{}, start, false}, ctx.calendar);
            if (const auto end = stay.date(Attr::end); end && *end <= dl.due_day) {
                f.deadline = dl;
                f.status = Status::not_applicable;
                f.reason = &reasons::pfp_within_3_months;
                continue;
            }
            const Event* permission = first_referrer(c, i, EventType::tilladelse, ctx);
            use(f, permission, EventRole::fulfilment);
            judge_by(f, dl, permission, ctx, detail::Earlier::in_time);
            if (!age && (f.status == Status::late || f.status == Status::missed)) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            }
        }
    }
};

// ---- BL-LAEGE-40: § 40; § 142 stk. 1 (Serviceloven § 63, number UNCONFIRMED) — part C § 11, CONFIRMED ---

namespace reasons {

constexpr Reason physician_before_committee{
    .key = "physician_before_committee",
    .da = "Børne- og ungeudvalget (eller formanden foreløbigt) traf afgørelsen, og overlægens udtalelse forelå før den.",
    .en = "The børne- og ungeudvalg (or its chair, provisionally) decided, and the chief physician's statement was on file before it.",
};

constexpr Reason physician_statement_not_on_file{
    .key = "physician_statement_not_on_file",
    .da = "Udvalget traf afgørelsen, men sagen viser ingen udtalelse fra overlægen (udtalelse from=\"physician\") før den; "
          "Ankestyrelsens praksis forudsætter den.",
    .en = "The committee decided, but the file shows no statement from the chief physician (udtalelse from=\"physician\") "
          "before the decision; Ankestyrelsen's practice presupposes one.",
};

}  // namespace reasons

constexpr RuleVersion laege_versions[] = {
    {Law::barnets_lov, "§ 40; § 142 stk. 1", barnets_lov_start, far_future, Confidence::confirmed,
     "the predecessor's number (Serviceloven § 63) is UNCONFIRMED: not applied before 2024"},
};
constexpr StatuteRecord laege_statute{
    .rule = "BL-LAEGE-40",
    .read = "§ 40; § 142 stk. 1",
    .source = "§ 40: https://www.regelrytter.dk/barnets-lov/40; § 142: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142; "
              "practice: https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/undersogelser/"
              "laegelige-undersogelser-eller-behandling-af-et-barn-eller-ung-uden-samtykke-fra-foraeldrene",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "Where the custody holder fails to have the child examined or treated for a life-threatening illness or one "
                "threatening significant and lasting reduced function, the børne- og ungeudvalg may decide that it is "
                "done (§ 40); § 142 stk. 1 lists it among the committee's decisions. Ankestyrelsen: the decision presupposes "
                "the treating chief physician's endorsement.",
};

constexpr const Reason* laege_reasons[] = {&reasons::wrong_body, &reasons::physician_before_committee,
                                            &reasons::physician_statement_not_on_file};

constexpr Evidence laege_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::body}, {.type = EventType::udtalelse, .attr = Attr::from}};
constexpr RuleMeta laege_meta{
    .id = "BL-LAEGE-40", .chapter = "special-procedures", .title_da = "Lægelig undersøgelse eller behandling uden samtykke besluttes af børne- og ungeudvalget",
    .title_en = "Medical examination or treatment without consent decided by the børne- og ungeudvalg", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision of kind medical-without-consent is made by the børne- og ungeudvalg (body=\"committee\"), "
    "or provisionally by its chair (body=\"chair\", § 143), and the chief physician's statement (udtalelse from=\"physician\") "
    "is on file before it.",
    .reading = "Part C § 11, CONFIRMED. Any other body, including the default (municipality), is violated. The physician's "
    "statement is Ankestyrelsen's practice, not a word of § 40: without one before the decision (by the serving rule: "
    "naming the decision, or unlinked within before-record-months before it) the finding is indeterminate, never "
    "violated; on the decision's date with the order unknown, indeterminate. Refused decisions and those of Ankestyrelsen "
    "or a court are outside the rule. Not applied before 2024 (the predecessor's number is UNCONFIRMED).",
    .predecessor = "Serviceloven § 63 (number UNCONFIRMED)", .versions = laege_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<udtalelse id="ud3" at="2024-10-01" from="physician" ref="d9"/>
<afgoerelse id="d9" at="2024-10-08" kind="medical-without-consent" body="committee"/>)",
    .reasons = laege_reasons,
    .statute = &laege_statute,
    .phase = Phase::before,
    .evidence = laege_evidence};

bool physician_statement(const Event& e) { return e.type() == EventType::udtalelse && e.value(Attr::from) == Value::physician; }

class MedicalWithoutConsent final : public RuleImpl {
public:
    MedicalWithoutConsent() : RuleImpl(KindSet{Value::medical_without_consent}) {}
    const RuleMeta& meta() const override { return laege_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<ChildDecisions> decisions;
        boost::container::small_vector<std::uint32_t, 16> unlinked;
        for_each_trigger(c, ctx, out, laege_meta, EventType::afgoerelse,
                         [&](const Event& d) {
                             const auto body = d.value(Attr::body);
                             // A refusal intrudes on nobody: outside the rule, as for §§ 38-39's orders.
                             return decision_kind(d) == Value::medical_without_consent && d.value(Attr::outcome) != Value::refused &&
                                    body != Value::appeals_board && body != Value::court;
                         },
                         [&](const Event& d, Finding& f) {
            if (!by_committee(d)) {
                f.attribute = Attr::body;
                f.status = Status::violated;
                f.reason = &reasons::wrong_body;
                return;
            }
            if (!decisions) {
                decisions.emplace(c, ctx);
                unlinked = unlinked_records(c, ctx, EventType::udtalelse, EventType::afgoerelse, physician_statement);
            }
            const BeforeRecord b = serve_before(c, ctx, *decisions, d, {unlinked.data(), unlinked.size()}, physician_statement);
            if (b.record && !b.same_day) {
                use(f, b.record, EventRole::fulfilment);
                f.status = Status::met;
                f.reason = &reasons::physician_before_committee;
                return;
            }
            if (b.record) {  // the same date, order unknown
                use(f, b.record, EventRole::related);
                f.status = Status::indeterminate;
                f.reason = &reasons::order_unknown;
                return;
            }
            use(f, b.stale, EventRole::related);
            use(f, b.after, EventRole::related);
            f.status = Status::indeterminate;
            f.reason = b.stale ? not_serving_reason(b.why) : &reasons::physician_statement_not_on_file;
        });
    }
};

// ---- BL-PAALAEG-39: § 39 stk. 1-3 (Serviceloven § 57 b) — part C § 11, CONFIRMED / duration UNCONFIRMED ---

namespace reasons {

constexpr Reason youth_order_complete{
    .key = "youth_order_complete",
    .da = "Pålægget er givet til et barn på 10-17 år, angiver sine forudsætninger (grounds) og mindst én konkret handlepligt.",
    .en = "The order was given to a child aged 10-17 and states its preconditions (grounds) and at least one concrete duty.",
};

constexpr Reason youth_order_age{
    .key = "youth_order_age",
    .da = "Børne- og ungepålæg kan kun gives til et barn på 10-17 år (§ 39 stk. 1); barnet var uden for den alder.",
    .en = "A børne- og ungepålæg is for a child aged 10-17 (§ 39 stk. 1); the child was outside that age.",
};

constexpr Reason youth_order_no_duties{
    .key = "youth_order_no_duties",
    .da = "Pålægget fastsætter ingen konkrete handlepligter (duties-count=\"0\"); § 39 stk. 3 kræver dem.",
    .en = "The order sets no concrete duties (duties-count=\"0\"); § 39 stk. 3 requires them.",
};

constexpr Reason youth_order_unknown{
    .key = "youth_order_unknown",
    .da = "Sagen oplyser ikke pålæggets forudsætninger eller handlepligter.",
    .en = "The file does not state the order's preconditions or duties.",
    .attribute_da = {"Sagen oplyser det ikke (ingen '", "')."},
    .attribute_en = {"The file does not say (no '", "')."},
};

}  // namespace reasons

constexpr RuleVersion paalaeg_versions[] = {
    {Law::barnets_lov, "§ 39 stk. 1-3", barnets_lov_start, far_future, Confidence::confirmed,
     "stk. 4 ff. (duration, review) UNCONFIRMED and not judged; Serviceloven § 57 b not applied (its list differs)"},
};
constexpr StatuteRecord paalaeg_statute{
    .rule = "BL-PAALAEG-39",
    .read = "§ 39 stk. 1-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/39",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The municipality must decide on a børne- og ungepålæg to a child of 10-17 whose behaviour puts its development "
                "at risk where voluntary support is judged insufficient (stk. 1), on information of unlawful school absence, "
                "suspicion of specified crime, insecurity-creating behaviour in public places, serious behaviour problems or "
                "refusal to cooperate (stk. 2), with concrete, proportionate duties (stk. 3).",
    .conflict = "stk. 4 ff. (duration and review) were not read: the rule does not judge them.",
};

constexpr const Reason* paalaeg_reasons[] = {&reasons::youth_order_complete, &reasons::youth_order_age, &reasons::youth_order_no_duties,
                                              &reasons::youth_order_unknown, &reasons::age_unknown};

constexpr Evidence paalaeg_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::duties_count},
                                         {.type = EventType::afgoerelse, .attr = Attr::grounds}};
constexpr RuleMeta paalaeg_meta{
    .id = "BL-PAALAEG-39", .chapter = "special-procedures", .title_da = "Børne- og ungepålæg: alder, forudsætninger og konkrete handlepligter",
    .title_en = "Børne- og ungepålæg: age, preconditions and concrete duties", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision of kind youth-order (granted) concerns a child aged 10-17 on its date, states at least one "
    "of § 39 stk. 2's preconditions (grounds) and sets at least one concrete duty (duties-count ≥ 1).",
    .reading = "Part C § 11: stk. 1-3 CONFIRMED; the duration and review (stk. 4 ff.) are UNCONFIRMED and not judged. A child "
    "under 10 or 18 or over, or duties-count=\"0\", is violated; no birth date, no grounds or no duties-count is "
    "indeterminate, naming what is missing. Whether voluntary support was insufficient is a judgement no field shows. "
    "Refused orders and those of Ankestyrelsen or a court are outside the rule; not applied before 2024 (Serviceloven "
    "§ 57 b's list differs).",
    .predecessor = "Serviceloven § 57 b", .versions = paalaeg_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d11" at="2024-09-12" kind="youth-order" grounds="school-absence behaviour" duties-count="2"/>)",
    .reasons = paalaeg_reasons,
    .statute = &paalaeg_statute,
    .phase = Phase::with,
    .evidence = paalaeg_evidence};

class YouthOrder final : public RuleImpl {
public:
    YouthOrder() : RuleImpl(KindSet{Value::youth_order}) {}
    const RuleMeta& meta() const override { return paalaeg_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, paalaeg_meta, EventType::afgoerelse,
                         [&](const Event& d) {
                             const auto body = d.value(Attr::body);
                             return decision_kind(d) == Value::youth_order && d.value(Attr::outcome) != Value::refused &&
                                    body != Value::appeals_board && body != Value::court;
                         },
                         [&](const Event& d, Finding& f) {
            const std::optional<int> age = child_age(c, ctx, d.at().day);
            const auto duties = d.number(Attr::duties_count);
            if (age && (*age < 10 || *age >= 18)) {
                f.status = Status::violated;
                f.reason = &reasons::youth_order_age;
            } else if (duties && *duties == 0) {
                f.attribute = Attr::duties_count;
                f.status = Status::violated;
                f.reason = &reasons::youth_order_no_duties;
            } else if (!d.has(Attr::grounds) || !duties) {
                f.attribute = d.has(Attr::grounds) ? Attr::duties_count : Attr::grounds;
                f.status = Status::indeterminate;
                f.reason = &reasons::youth_order_unknown;
            } else if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else {
                f.status = Status::met;
                f.reason = &reasons::youth_order_complete;
            }
        });
    }
};

// ---- BL-PAALAEG-38: § 38 stk. 1-3 (Serviceloven § 57 a) — part C § 11, CONFIRMED (reference only) -------------

namespace reasons {

constexpr Reason parent_order_duties{
    .key = "parent_order_duties",
    .da = "Forældrepålægget fastsætter mindst én konkret handlepligt (duties-count).",
    .en = "The forældrepålæg sets at least one concrete duty (duties-count).",
};

constexpr Reason parent_order_no_duties{
    .key = "parent_order_no_duties",
    .da = "Forældrepålægget fastsætter ingen konkrete handlepligter (duties-count=\"0\"); § 38 stk. 3 kræver dem.",
    .en = "The forældrepålæg sets no concrete duties (duties-count=\"0\"); § 38 stk. 3 requires them.",
};

constexpr Reason parent_order_duties_unknown{
    .key = "parent_order_duties_unknown",
    .da = "Sagen oplyser ikke, hvor mange konkrete handlepligter forældrepålægget fastsætter (ingen 'duties-count').",
    .en = "The file does not say how many concrete duties the forældrepålæg sets (no 'duties-count').",
};

}  // namespace reasons

constexpr RuleVersion paalaeg38_versions[] = {
    {Law::barnets_lov, "§ 38 stk. 1-3", barnets_lov_start, far_future, Confidence::confirmed,
     "part C lists § 38 for reference; Serviceloven § 57 a not applied"},
};
constexpr StatuteRecord paalaeg38_statute{
    .rule = "BL-PAALAEG-38",
    .read = "§ 38 stk. 1-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/38",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The municipality must decide on a forældrepålæg to the custody holder when the child's development is at risk "
                "because the custody holder does not live up to the parental responsibility, on the same kinds of information "
                "as § 39 (the custody holder's refusal to cooperate instead of the child's), with concrete duties such as "
                "following the child to school or attending parent meetings (stk. 1-3).",
};

constexpr const Reason* paalaeg38_reasons[] = {&reasons::parent_order_duties, &reasons::parent_order_no_duties,
                                               &reasons::parent_order_duties_unknown};

constexpr Evidence paalaeg38_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::duties_count}};
constexpr RuleMeta paalaeg38_meta{
    .id = "BL-PAALAEG-38", .chapter = "special-procedures", .title_da = "Forældrepålæg med konkrete handlepligter",
    .title_en = "A forældrepålæg with concrete duties", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision of kind parent-order (granted) sets at least one concrete duty (duties-count ≥ 1).",
    .reading = "Part C § 11, CONFIRMED (stk. 1-3; listed for reference). Whether the child's development was at risk and the "
    "custody holder failed the parental responsibility are judgements no field shows; only the concrete duties of "
    "stk. 3 are judged: duties-count=\"0\" is violated, absent indeterminate. Refused orders and those of Ankestyrelsen "
    "or a court are outside it; not applied before 2024.",
    .predecessor = "Serviceloven § 57 a", .versions = paalaeg38_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d13" at="2024-10-02" kind="parent-order" duties-count="2"/>)",
    .reasons = paalaeg38_reasons,
    .statute = &paalaeg38_statute,
    .phase = Phase::with,
    .evidence = paalaeg38_evidence};

class ParentOrder final : public RuleImpl {
public:
    ParentOrder() : RuleImpl(KindSet{Value::parent_order}) {}
    const RuleMeta& meta() const override { return paalaeg38_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, paalaeg38_meta, EventType::afgoerelse,
                         [&](const Event& d) {
                             const auto body = d.value(Attr::body);
                             return decision_kind(d) == Value::parent_order && d.value(Attr::outcome) != Value::refused &&
                                    body != Value::appeals_board && body != Value::court;
                         },
                         [&](const Event& d, Finding& f) {
            const auto duties = d.number(Attr::duties_count);
            f.status = !duties ? Status::indeterminate : *duties == 0 ? Status::violated : Status::met;
            f.reason = !duties ? &reasons::parent_order_duties_unknown : *duties == 0 ? &reasons::parent_order_no_duties : &reasons::parent_order_duties;
        });
    }
};

// ---- BL-OVERGREB-BOERNEHUS: §§ 124-126, BEK 1487 af 06/12/2023 (Serviceloven §§ 50 a-50 c) — part C § 6 ---

namespace reasons {

constexpr Reason boernehus_used{
    .key = "boernehus_used",
    .da = "Børnehuset blev brugt i undersøgelsen (boernehus-used=\"true\" eller en boernehus-hændelse).",
    .en = "The børnehus was used in the undersøgelse (boernehus-used=\"true\" or a boernehus event).",
};

constexpr Reason boernehus_not_used{
    .key = "boernehus_not_used",
    .da = "Undersøgelsen er afsluttet uden brug af børnehuset (boernehus-used=\"false\"), skønt politi eller sundhedsvæsen medvirkede.",
    .en = "The undersøgelse was concluded without the børnehus (boernehus-used=\"false\"), though the police or health services took part.",
};

constexpr Reason boernehus_use_unknown{
    .key = "boernehus_use_unknown",
    .da = "Undersøgelsen er afsluttet, og sagen oplyser ikke, om børnehuset blev brugt (ingen 'boernehus-used', ingen boernehus-hændelse).",
    .en = "The undersøgelse is concluded, and the file does not say whether the børnehus was used (no 'boernehus-used', no boernehus event).",
};

constexpr Reason boernehus_outstanding{
    .key = "boernehus_outstanding",
    .da = "Undersøgelsen kører, og børnehuset er endnu ikke brugt; loven sætter ingen frist.",
    .en = "The undersøgelse is running and the børnehus has not been used yet; the law sets no deadline.",
};

constexpr Reason no_police_or_health{
    .key = "no_police_or_health",
    .da = "Hverken politi eller sundhedsvæsen medvirker (police-involved og health-involved er \"false\"); børnehuset er for "
          "sager, hvor de samarbejder med kommunen.",
    .en = "Neither the police nor the health services take part (police-involved and health-involved are \"false\"); the "
          "børnehus is for cases where they cooperate with the municipality.",
};

constexpr Reason involvement_not_recorded{
    .key = "involvement_not_recorded",
    .da = "Sagen oplyser ikke, om politi eller sundhedsvæsen medvirker i undersøgelsen (police-involved, health-involved).",
    .en = "The file does not say whether the police or the health services take part in the undersøgelse (police-involved, health-involved).",
};

}  // namespace reasons

constexpr RuleVersion boernehus_versions[] = {
    {Law::serviceloven, "§§ 50 a-50 c", overgrebspakke, barnets_lov_start, Confidence::confirmed_old,
     "the børnehuse of the overgrebspakke (BEK 1153/2013)"},
    {Law::barnets_lov, "§§ 124-126", barnets_lov_start, far_future, Confidence::confirmed_old,
     "§ 124 and BEK 1487/2023 § 1 CONFIRMED; the duty to use the børnehus (§ 125) CONFIRMED-OLD; § 126 UNCONFIRMED"},
};
constexpr StatuteRecord boernehus_statute{
    .rule = "BL-OVERGREB-BOERNEHUS",
    .read = "§ 124",
    .not_found = "§§ 125-126",
    .source = "§ 124: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/124 and https://elov.dk/barnets-lov/paragraf/124; "
              "BEK 1487/2023 § 1: https://www.elov.dk/bekendtgorelse-om-bornehuse/paragraf/1/; §§ 125-126 not found, best "
              "secondary sources: the old duty, https://www.boernehus-midt.dk/lovgivning-og-relevante-links/ and "
              "https://danskelove.dk/serviceloven/50a",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "Each region's municipalities set up a børnehus for investigating a child's situation after abuse or on "
                "suspicion (§ 124); the børnehus is the frame where a § 20 undersøgelse of abuse needs cooperation between "
                "the handlekommune and the police or the health services (BEK 1487/2023 § 1). The duty to use it is the "
                "old law's (SEL § 50 b); no deadline for it was found.",
};

constexpr const Reason* boernehus_reasons[] = {&reasons::boernehus_used,    &reasons::boernehus_not_used,  &reasons::boernehus_use_unknown,
                                               &reasons::boernehus_outstanding, &reasons::no_police_or_health, &reasons::involvement_not_recorded};

constexpr Evidence boernehus_evidence[] = {{.type = EventType::undersoegelse, .attr = Attr::boernehus_used}, {.type = EventType::boernehus}};
constexpr RuleMeta boernehus_meta{
    .id = "BL-OVERGREB-BOERNEHUS", .chapter = "special-procedures", .title_da = "Børnehuset bruges i sager om overgreb med politi eller sundhedsvæsen",
    .title_en = "The børnehus used in an abuse case where the police or health services take part", .severity = Severity::warning,
    .confidence = Confidence::confirmed_old, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: an undersøgelse of suspected abuse (abuse-suspected=\"true\" on it, or on the underretning or "
    "screening it names) in which the police or the health services take part (police-involved or health-involved "
    "\"true\") uses the regional børnehus (boernehus-used=\"true\" or a boernehus event naming it).",
    .reading = "Part C § 6, partly CONFIRMED (§ 124 and BEK 1487 § 1 CONFIRMED; the § 125 duty CONFIRMED-OLD): advisory until "
    "§ 125 is read, so severity warning. No deadline is invented: while the undersøgelse runs without the børnehus the "
    "duty is pending with no due time; concluded with boernehus-used=\"false\" it is violated, concluded with nothing "
    "recorded indeterminate. Police and health both \"false\" is not_applicable; neither recorded (and none \"true\") "
    "indeterminate. That the undersøgelse follows the suspicion is BL-OVERGREB-UNDS (BL-UNDS-TRIG).",
    .predecessor = "Serviceloven §§ 50 a-50 c (from 1 October 2013)", .versions = boernehus_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<undersoegelse id="bfu4" at="2024-05-02" ref="u7" abuse-suspected="true" police-involved="true" boernehus-used="true"/>)",
    .reasons = boernehus_reasons,
    .statute = &boernehus_statute,
    .evidence = boernehus_evidence};

// Whether undersøgelse `u` is about suspected abuse: marked on it, or on an underretning or screening it names.
bool abuse_case(const Case& c, const Event& u) {
    if (u.flag(Attr::abuse_suspected) == true) return true;
    for (std::uint32_t r : u.refs()) {
        const Event& e = c.event(r);
        if ((e.type() == EventType::underretning || e.type() == EventType::screening) && e.flag(Attr::abuse_suspected) == true) return true;
    }
    return false;
}

class Boernehus final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return boernehus_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, boernehus_meta, EventType::undersoegelse, [&](const Event& u) { return abuse_case(c, u); },
                         [&](const Event& u, Finding& f) {
            const auto police = u.flag(Attr::police_involved), health = u.flag(Attr::health_involved);
            if (police != true && health != true) {
                f.status = police == false && health == false ? Status::not_applicable : Status::indeterminate;
                f.reason = police == false && health == false ? &reasons::no_police_or_health : &reasons::involvement_not_recorded;
                return;
            }
            const Event* house = first_referrer(c, u.index(), EventType::boernehus, ctx);
            if (house || u.flag(Attr::boernehus_used) == true) {
                use(f, house, EventRole::fulfilment);
                f.attribute = house ? std::nullopt : std::optional<Attr>(Attr::boernehus_used);
                f.status = Status::met;
                f.reason = &reasons::boernehus_used;
                return;
            }
            const Event* concluded = first_referrer(c, u.index(), EventType::undersoegelse_afsluttet, ctx);
            use(f, concluded, EventRole::related);
            if (!concluded) {
                f.status = Status::pending;
                f.reason = &reasons::boernehus_outstanding;
            } else if (u.flag(Attr::boernehus_used) == false) {
                f.attribute = Attr::boernehus_used;
                f.status = Status::violated;
                f.reason = &reasons::boernehus_not_used;
            } else {
                f.status = Status::indeterminate;
                f.reason = &reasons::boernehus_use_unknown;
            }
        });
    }
};

}  // namespace

const Rule& private_family_care_permission() {
    static const PrivateFamilyCarePermission rule;
    return rule;
}
const Rule& medical_without_consent() {
    static const MedicalWithoutConsent rule;
    return rule;
}
const Rule& parent_order_duties() {
    static const ParentOrder rule;
    return rule;
}
const Rule& youth_order_conditions() {
    static const YouthOrder rule;
    return rule;
}
const Rule& boernehus_in_abuse_cases() {
    static const Boernehus rule;
    return rule;
}

}  // namespace barnetslov::rules
