// BL-BARN-BUU-HEAR, BL-BARN-AKT10, BL-BARN-CONSENT15, BL-BARN-BISID (catalog part A § 3):
// the child as a party, by age.
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"
#include "rules/parties.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// Whether the child made a statement on decision `d` before it (udtalelse naming the child as
// party, or from="child", that names the decision).
const Event* childs_statement(const Case& c, const Event& d, const EvalContext& ctx) {
    for (std::uint32_t r : c.referrers(d.index())) {
        const Event& e = c.event(r);
        if (e.type() == EventType::udtalelse && ctx.known(e) && (from_child(e) || e.value(Attr::from) == Value::child) &&
            detail::order(e.at(), d.at()) != detail::Order::after)
            return &e;
    }
    return nullptr;
}

// ---- BL-BARN-BUU-HEAR: § 142 stk. 2 (Serviceloven § 74 stk. 2) ---------------------------------

namespace reasons {

constexpr Reason child_heard{
    .key = "child_heard",
    .da = "Barnet blev hørt før afgørelsen.",
    .en = "The child was heard before the decision.",
};

// the child is under the age from which hearing is required
constexpr Reason hearing_not_required{
    .key = "hearing_not_required",
    .da = "Barnet var under den alder, hvor høring kræves.",
    .en = "The child was under the age from which hearing is required.",
};

// omitted because hearing would harm the child
constexpr Reason hearing_omitted_harm{
    .key = "hearing_omitted_harm",
    .da = "Høringen blev undladt, fordi den måtte antages at skade barnet.",
    .en = "The hearing was omitted because it must be assumed to harm the child.",
};

constexpr Reason child_not_heard{
    .key = "child_not_heard",
    .da = "Barnet blev ikke hørt før afgørelsen.",
    .en = "The child was not heard before the decision.",
};

constexpr Reason hearing_unknown{
    .key = "hearing_unknown",
    .da = "Sagen oplyser ikke, om barnet blev hørt ('child-heard' eller en udtalelse fra barnet).",
    .en = "The file does not say whether the child was heard ('child-heard', or a statement from the child).",
};

// the decision says "under 10" but the child was older
constexpr Reason age_claim_wrong{
    .key = "age_claim_wrong",
    .da = "Afgørelsen siger, at barnet er under 10 år, men barnet var ældre.",
    .en = "The decision says the child is under 10, but the child was older.",
};

}  // namespace reasons

constexpr RuleVersion hear_versions[] = {
    {Law::serviceloven, "§ 74 stk. 2", far_past, barnets_lov_start, Confidence::confirmed_old, "may be omitted under 12"},
    {Law::barnets_lov, "§ 142 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, "may be omitted under 10"},
};
constexpr StatuteRecord hear_statute{
    .rule = "BL-BARN-BUU-HEAR",
    .read = "§ 142 stk. 2-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
    .noted_in = "statute-notes.md (stk. 2); issue 14 lookup (stk. 3)",
    .read_on = december_2026,
    .confirms = "Before the committee decides, the custody holder, the child, the lawyer and any bisidder have the "
                "opportunity to make statements; for the child only when under 10, or when it must be assumed to harm "
                "the child, may it be left out. Stk. 3 extends it to a non-custodial parent in § 105 cases and to "
                "foster parents in § 42 stk. 4 cases.",
};

constexpr const Reason* hear_reasons[] = {
    &reasons::age_unknown, &reasons::child_heard, &reasons::hearing_not_required, &reasons::hearing_omitted_harm,
    &reasons::child_not_heard, &reasons::hearing_unknown, &reasons::age_claim_wrong,
};

// The child's statement, or the decision's own child-heard.
constexpr Evidence hear_evidence[] = {{.type = EventType::udtalelse}, {.type = EventType::afgoerelse, .attr = Attr::child_heard}};
constexpr RuleMeta hear_meta{
    .id = "BL-BARN-BUU-HEAR", .chapter = "involvement", .title_da = "Barnets ret til at udtale sig over for børne- og ungeudvalget",
    .title_en = "The child heard by the børne- og ungeudvalg", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before a decision of the børne- og ungeudvalg the child has had the opportunity to make a "
    "statement, unless the child is under 10 (under 12 before 2024) or it must be assumed to harm the child.",
    .reading = "Heard means child-heard=\"yes\" on the decision, or a statement (udtalelse) from the child naming the decision, "
    "dated no later than it. child-heard=\"harmful\" is met on that basis. Under the age the hearing may be omitted: "
    "not_applicable. From that age, child-heard=\"no\" or a wrong \"under-10\" is violated and no record "
    "indeterminate; without a birth date the age cannot be told: indeterminate. Chair decisions under § 143 are "
    "part B's BL-FORMAND-143.",
    .predecessor = "Serviceloven § 74 stk. 2 (age 12)", .versions = hear_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" child-heard="yes"/>)",
    .reasons = hear_reasons,
    .statute = &hear_statute,
    .phase = Phase::before,
    .evidence = hear_evidence};

class CommitteeHearing final : public RuleImpl {
public:
    CommitteeHearing() : RuleImpl(KindSet{Value::committee}) {}
    const RuleMeta& meta() const override { return hear_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, hear_meta, EventType::afgoerelse, [&](const Event& d) { return d.value(Attr::body) == Value::committee; },
                         [&](const Event& d, Finding& f) {
            const int threshold = hear_versions[f.version].law == Law::barnets_lov ? 10 : 12;
            const auto said = d.value(Attr::child_heard);
            f.attribute = Attr::child_heard;
            if (const Event* s = childs_statement(c, d, ctx); s || said == Value::yes) {
                use(f, s, EventRole::fulfilment);
                f.status = Status::met;
                f.reason = &reasons::child_heard;
                return;
            }
            if (said == Value::harmful) {
                f.status = Status::met;
                f.reason = &reasons::hearing_omitted_harm;
                f.basis = Basis::hearing_exception;
                return;
            }
            const auto age = child_age(c, ctx, d.at().day);
            if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else if (*age < threshold) {
                f.status = Status::not_applicable;
                f.reason = &reasons::hearing_not_required;
            } else if (said == Value::under_10) {
                f.status = Status::violated;
                f.reason = &reasons::age_claim_wrong;
            } else if (said == Value::no) {
                f.status = Status::violated;
                f.reason = &reasons::child_not_heard;
            } else {
                f.status = Status::indeterminate;
                f.reason = &reasons::hearing_unknown;
            }
        });
    }
};

// ---- BL-BARN-AKT10: § 141 (Serviceloven § 73) --------------------------------------------------

constexpr RuleVersion akt10_versions[] = {
    {Law::serviceloven, "§ 73", far_past, barnets_lov_start, Confidence::unconfirmed,
     "the custody holder and a child of 12+; the predecessor and its age are UNCONFIRMED"},
    {Law::barnets_lov, "§ 141", barnets_lov_start, far_future, Confidence::confirmed, "the custody holder and a child of 10+"},
};
constexpr StatuteRecord akt10_statute{
    .rule = "BL-BARN-AKT10",
    .not_found = "§ 141",
    .source = "not found in December 2026 (not re-read); best secondary source: the catalog's earlier reading [RR141], "
              "https://regelrytter.dk/bekendtgoerelse-af-barnets-lov/eli-lta-2025-282-sec-141",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Nothing new: the catalog's CONFIRMED (before a decision in a § 140 case, the custody holder and the "
                "child of 10+ are told they may see the files and comment) rests on its earlier reading alone. "
                "§ 142 stk. 2, read, confirms the related hearing before the committee.",
};

constexpr const Reason* akt10_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::age_unknown, &reasons::all_informed, &reasons::not_all_informed,
};

constexpr Evidence akt10_evidence[] = {{.type = EventType::information}};
constexpr RuleMeta akt10_meta{
    .id = "BL-BARN-AKT10", .chapter = "involvement", .title_da = "Orientering om aktindsigt og udtaleret før afgørelse i § 140-sager",
    .title_en = "Information on access to files and the right to comment before a coercive decision", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before a decision in a § 140 case, every custody holder and the child of 10+ (12+ before 2024) "
    "have been told that they may see the case files and comment.",
    .reading = "§ 140 cases are read as the decisions of the børne- og ungeudvalg (INFERRED: § 140 is the coercive-case "
    "provision and § 141 refers to it). Told means an information event topic=\"files-and-comment\" to that person, "
    "dated no later than the decision. A file naming no custody holder, or without the child's birth date when the "
    "child was not informed, is indeterminate.",
    .predecessor = "Serviceloven § 73 (UNCONFIRMED)", .versions = akt10_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<party id="mor" role="custody-holder"/>
<information id="i1" at="2024-08-12" party="mor" topic="files-and-comment"/>
<information id="i2" at="2024-08-12" party="barn" topic="files-and-comment"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>)",
    .changed_from = "any earlier information naming no decision counted, however old and whatever decision it came before",
    .reasons = akt10_reasons,
    .statute = &akt10_statute,
    .phase = Phase::before,
    .evidence = akt10_evidence};

bool decided_by_committee(const Case&, const Event& d, std::uint8_t) { return d.value(Attr::body) == Value::committee; }

// ---- BL-BARN-CONSENT15: §§ 46, 47 stk. 4, 67 stk. 3, 104 stk. 3 ---------------------------------

constexpr bool needs_consent_of_15(Value kind) {
    return kind == Value::placement_with_consent || kind == Value::placement_own_wish_15 ||
           kind == Value::permanent_placement || kind == Value::contact_supported;
}

constexpr RuleVersion consent_versions[] = {
    {Law::serviceloven, "§§ 52, 58, 68 a, 71", far_past, barnets_lov_start, Confidence::confirmed_old, "consent of the young person of 15+"},
    {Law::barnets_lov, "§§ 46, 47 stk. 4, 67 stk. 3, 104 stk. 3", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord consent_statute{
    .rule = "BL-BARN-CONSENT15",
    .read = "§ 46 stk. 1-2; § 47 stk. 4; § 67 stk. 3; § 104 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46, "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47, "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
    .noted_in = "statute-notes.md (§§ 47, 67, 104); issue 14 lookup (§ 46)",
    .read_on = december_2026,
    .confirms = "The young person of 15+ consents to a placement with consent, and the consent covers its purpose "
                "(§ 46 stk. 1-2); is the basis of a placement at own wish against the custody holder (§ 47 stk. 4); "
                "consents to a permanent placement (§ 67 stk. 3) and to supported samvær with a third person "
                "(§ 104 stk. 3).",
};

constexpr const Reason* consent_reasons[] = {
    &reasons::age_unknown, &reasons::consent_given, &reasons::consent_missing, &reasons::consent_not_covering_purpose,
    &reasons::under_age, &reasons::record_serves_earlier,
};

constexpr Evidence consent_evidence[] = {{.type = EventType::samtykke}};
constexpr RuleMeta consent_meta{
    .id = "BL-BARN-CONSENT15", .chapter = "involvement", .title_da = "Samtykke fra den unge over 15 år", .title_en = "Consent of the young person of 15+",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a young person who has turned 15 on the decision's date has consented before it to a placement "
    "with consent (§ 46; for § 46 the consent covers the purpose), a placement at own wish (§ 47 stk. 4), a "
    "permanent placement (§ 67 stk. 3) and supported samvær with a third person (§ 104 stk. 3).",
    .reading = "Consent is a samtykke event from the child (party = the child's id) that serves the decision by the law README's "
    "serving rule (naming it, or naming no decision and dated after the previous decision about the child and within "
    "before-record-months before it); the latest such answer counts, so a withdrawal after a consent leaves none. An "
    "answer that exists but serves another decision or is too old is indeterminate. covers-purpose=\"false\" on a § "
    "46 consent is violated. Under 15: not_applicable. No birth date: indeterminate. The custody holders' consent is "
    "part B's BL-ANB-46-COND.",
    .predecessor = "Serviceloven §§ 52, 58, 68 a, 71", .versions = consent_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<samtykke id="sa2" at="2024-08-20" party="barn" ref="d4" answer="given" covers-purpose="true"/>
<afgoerelse id="d4" at="2024-08-22" kind="placement-with-consent" has-purpose="true" has-expected-duration="true"/>)",
    .changed_from = "the latest consent naming no decision counted, however old and whatever decision it came before",
    .reasons = consent_reasons,
    .statute = &consent_statute,
    .phase = Phase::before,
    .evidence = consent_evidence};

class YoungPersonConsent final : public RuleImpl {
public:
    YoungPersonConsent() : RuleImpl(KindSet::where(needs_consent_of_15)) {}
    const RuleMeta& meta() const override { return consent_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<Answers> answers;  // indexed on first need
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            if (!ctx.known(d) || !needs_consent_of_15(kind) || d.value(Attr::outcome) == Value::refused) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, consent_meta, d, d.at().day)) continue;
            const auto age = child_age(c, ctx, d.at().day);
            if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            if (*age < 15) {
                f.status = Status::not_applicable;
                f.reason = &reasons::under_age;
                continue;
            }
            if (!answers) answers.emplace(c, ctx);
            const UnlinkedServing found = answers->find(d, 0);
            const Event* answer = found.record;
            const bool given = consent_given(answer);
            use(f, answer ? answer : found.stale, given ? EventRole::fulfilment : EventRole::related);
            if (!answer && found.stale) {
                // An answer exists, but it serves another decision or is too old (serving rule).
                f.status = Status::indeterminate;
                f.reason = not_serving_reason(found.why);
            } else if (!given) {
                f.status = Status::violated;
                f.reason = &reasons::consent_missing;
            } else if (kind == Value::placement_with_consent && answer->flag(Attr::covers_purpose) == false) {
                f.status = Status::violated;
                f.reason = &reasons::consent_not_covering_purpose;
                f.attribute = Attr::covers_purpose;
            } else {
                f.status = Status::met;
                f.reason = &reasons::consent_given;
            }
        }
    }
};

// ---- BL-BARN-BISID: § 6 (Serviceloven § 48 a) ----------------------------------------------------

namespace reasons {

constexpr Reason bisidder_too_young{
    .key = "bisidder_too_young",
    .da = "Bisidderen var under 15 år.",
    .en = "The bisidder was under 15.",
};

constexpr Reason bisidder_age_ok{
    .key = "bisidder_age_ok",
    .da = "Bisidderen var fyldt 15 år.",
    .en = "The bisidder had turned 15.",
};

constexpr Reason bisidder_informed{
    .key = "bisidder_informed",
    .da = "Barnet blev orienteret om retten til en bisidder før den første afgørelse.",
    .en = "The child was told of the right to a bisidder before the first decision.",
};

constexpr Reason bisidder_not_informed{
    .key = "bisidder_not_informed",
    .da = "Der er ingen orientering af barnet om retten til en bisidder før den første afgørelse.",
    .en = "There is no record of telling the child of the right to a bisidder before the first decision.",
};

}  // namespace reasons

constexpr RuleVersion bisid_versions[] = {
    {Law::serviceloven, "§ 48 a", far_past, barnets_lov_start, Confidence::inferred,
     "the same information duty and age of the bisidder assumed (catalog: predecessor SEL § 48 a)"},
    {Law::barnets_lov, "§ 6", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord bisid_statute{
    .rule = "BL-BARN-BISID",
    .read = "§ 6 stk. 1-4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/6",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "The child may be assisted by others at any stage and the municipality must tell the child so (stk. 1); "
                "setting the right aside or excluding a bisidder is an afgørelse (stk. 2-3); a bisidder has turned 15 "
                "and is bound by confidentiality (stk. 4).",
};

constexpr const Reason* bisid_reasons[] = {
    &reasons::age_unknown, &reasons::bisidder_too_young, &reasons::bisidder_age_ok, &reasons::bisidder_informed,
    &reasons::bisidder_not_informed, &reasons::record_too_old, &reasons::record_serves_earlier,
    &reasons::record_order_unknown,
};

// The information; the bisidder's age is read from the party, not from an event.
constexpr Evidence bisid_evidence[] = {{.type = EventType::information}};
constexpr RuleMeta bisid_meta{
    .id = "BL-BARN-BISID", .chapter = "involvement", .title_da = "Barnets ret til en bisidder", .title_en = "The child's right to a bisidder", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before the first decision in the case the child has been informed of the right to a bisidder; a "
    "bisidder has turned 15 when first named in the case.",
    .reading = "Informed means an information event topic=\"bisidder\" to the child that serves the first decision (one finding, "
    "about that decision) by the law README's serving rule: naming it, or naming no decision and dated within "
    "before-record-months (6) before it; an older one is indeterminate. The act sets no lower age for the child, so none is applied. Each party of role "
    "bisidder gives a finding about the first event naming it: violated under 15, indeterminate without a birth date.",
    .predecessor = "Serviceloven § 48 a", .versions = bisid_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<information id="i3" at="2024-02-19" party="barn" topic="bisidder"/>
<afgoerelse id="d0" at="2024-02-20" kind="investigation"/>)",
    .changed_from = "any information on the bisidder before the first decision counted, however old",
    .reasons = bisid_reasons,
    .statute = &bisid_statute,
    .phase = Phase::before,
    .evidence = bisid_evidence};

class Bisidder final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return bisid_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // The information, judged at the first decision; it is a before-record (law README, serving rule).
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const auto body = d.value(Attr::body);
            if (!ctx.known(d) || body == Value::appeals_board || body == Value::court) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (open_finding(f, bisid_meta, d, d.at().day)) {
                const auto told = [](const Event& e) {
                    return e.type() == EventType::information && from_child(e) && e.value(Attr::topic) == Value::bisidder;
                };
                const auto unlinked = unlinked_records(c, ctx, EventType::information, EventType::afgoerelse, told);
                const BeforeRecord r = serve_before(c, ctx, ChildDecisions(c, ctx), d, {unlinked.data(), unlinked.size()}, told);
                judge_served(r, f, &reasons::bisidder_informed, &reasons::bisidder_not_informed, false);
            }
            break;  // only the first decision
        }
        // Only a bisidder is judged below: a case without one (most) needs no pass over its events.
        const auto persons = c.persons();
        if (std::none_of(persons.begin() + (persons.empty() ? 0 : 1), persons.end(),
                         [](const Person& person) { return person.role == Value::bisidder; }))
            return;
        // The first known event naming each person as party, found in one pass.
        std::vector<const Event*> first_naming(c.persons().size(), nullptr);
        for (const Event& e : c.events())
            if (const auto p = e.person(Attr::party); p && *p < first_naming.size() && !first_naming[*p] && ctx.known(e)) first_naming[*p] = &e;
        // The bisidder's age, when first named.
        for (std::uint32_t p = 1; p < c.persons().size(); ++p) {
            const Person& person = c.persons()[p];
            if (person.role != Value::bisidder) continue;
            const Event* first = first_naming[p];
            if (!first) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, bisid_meta, *first, first->at().day)) continue;
            if (!person.birth_date) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else if (!has_turned(*person.birth_date, 15, first->at().day)) {
                f.status = Status::violated;
                f.reason = &reasons::bisidder_too_young;
            } else {
                f.status = Status::met;
                f.reason = &reasons::bisidder_age_ok;
            }
        }
    }
};

}  // namespace

const Rule& committee_hearing() {
    static const CommitteeHearing rule;
    return rule;
}
const Rule& files_and_comment() {
    static const TellParties rule(akt10_meta, {EventType::information, Value::files_and_comment, true, false, {12, 10}, decided_by_committee},
                                  KindSet{Value::committee});
    return rule;
}
const Rule& young_person_consent() {
    static const YoungPersonConsent rule;
    return rule;
}
const Rule& bisidder() {
    static const Bisidder rule;
    return rule;
}

}  // namespace barnetslov::rules

// ---- BL-BARN-PART10: § 3 (Serviceloven § 167: 12) ---------------------------------------------------

namespace barnetslov::rules {
namespace {

using namespace rules_detail;


constexpr RuleVersion part10_versions[] = {
    {Law::serviceloven, "§ 167", far_past, barnets_lov_start, Confidence::confirmed_old,
     "party rights from 12; the case types are read as barnets lov's § 3 list (INFERRED)"},
    {Law::barnets_lov, "§ 3 (nr. 1-9)", barnets_lov_start, l87_assumed, Confidence::confirmed,
     "before L 87: nine case types, without social stofmisbrugsbehandling; the end date is L 87's assumed date (UNCONFIRMED)"},
    {Law::barnets_lov, "§ 3 (nr. 1-10, L 87)", l87_assumed, far_future, Confidence::confirmed,
     "after L 87: § 33 social stofmisbrugsbehandling added as nr. 2 (date assumed, UNCONFIRMED)"},
};
constexpr StatuteRecord part10_statute{
    .rule = "BL-BARN-PART10",
    .read = "§ 3",
    .source = "https://regelrytter.dk/barnets-lov/3 (LBK 282); before L 87 https://elov.dk/barnets-lov/paragraf/3/",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "A child who has turned 10 exercises party powers in the ten listed case types, including § 104 "
                "stk. 2-5 and cases under §§ 142, 143, 146-148 and 151. § 3 creates no hearing duty of its own: "
                "partshøring follows from forvaltningsloven § 19 (not re-read), before decisions resting on facts to "
                "the party's disadvantage that the party is not presumed to know.",
    .conflict = "The catalog counts partshøring among the party rights and expects hearing letters to the child in every "
                "such case; the text owes no hearing before every decision. The settled reading follows the text "
                "(violated only with unknown adverse facts and no hearing, otherwise indeterminate; INFERRED). The L 87 "
                "effective date stays UNCONFIRMED.",
};

constexpr const Reason* part10_reasons[] = {
    &reasons::age_unknown, &reasons::all_informed, &reasons::not_all_informed, &reasons::under_age,
    &reasons::request_granted, &reasons::hearing_not_recorded,
};

constexpr Evidence part10_evidence[] = {{.type = EventType::partshoering}};
constexpr RuleMeta part10_meta{
    .id = "BL-BARN-PART10", .chapter = "involvement", .title_da = "Partsbeføjelser fra 10 år", .title_en = "Party powers from the age of 10", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: in the case types of § 3 a child who has turned 10 on the decision's date (12 before 2024) is a "
    "party and is heard as one (partshøring) before the decision.",
    .reading = "Heard means a partshoering event naming the child as party that serves the decision (law README, serving rule: "
    "naming it in ref, or naming no decision and dated after the previous decision about the child and within "
    "before-record-months (6) before it). No hearing is owed when the decision grants in full a request it names in "
    "ref (outcome granted, stated or by default): not_applicable. Otherwise a missing hearing is violated only when "
    "the decision is marked as resting on facts to the child's disadvantage that the child is not presumed to know "
    "(unknown-adverse-facts=\"true\", forvaltningsloven § 19); without that mark it is indeterminate (hearing not "
    "recorded), since § 19's conditions may not have applied (INFERRED, December 2026). A hearing that exists but "
    "serves another decision, or is too old, is indeterminate. The case types are the decision kinds of § 3 nr. 1-10 and every decision of the børne- "
    "og ungeudvalg; the chair's acute decisions (§ 143) are left out, since urgency may excuse the hearing; § 33 "
    "(substance-abuse-treatment) counts only from the assumed L 87 date. A beslutning (form=\"beslutning\") is not an "
    "afgørelse and makes no one a party. Under the age: not_applicable; no birth "
    "date: indeterminate. The decision letter with klagevejledning to the child is BL-KLAGE-WHO.",
    .predecessor = "Serviceloven § 167 (age 12)", .versions = part10_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<partshoering id="ph2" at="2024-05-20" party="barn" ref="d1"/>
<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure"/>)",
    .changed_from = "no partshøring of a child of 10+ before a § 3 decision was violated, even when the decision granted the request it named",
    .reasons = part10_reasons,
    .statute = &part10_statute,
    .phase = Phase::before,
    .evidence = part10_evidence};

// Forvaltningsloven § 19 requires the hearing only for facts to the party's disadvantage that the party
// is not presumed to know: only a decision marked so shows that a missing hearing breaches it.
bool adverse_facts_stated(const Event& d) { return d.flag(Attr::unknown_adverse_facts) == true; }

// A decision granting in full the request it names owes no hearing (§ 19 stk. 1 applies to
// decisions against the party).
bool grants_named_request(const Case& c, const Event& d) {
    return d.value(Attr::outcome).value_or(Value::granted) == Value::granted && first_ref(c, d, EventType::anmodning);
}

// The kinds and bodies of the decisions party_case_type may accept: the § 3 kinds under any version, and the committee.
constexpr KindSet part10_triggers = [] {
    KindSet s = KindSet::where([](Value kind) { return section_3_kind(kind, true); });
    s.add(Value::committee);
    return s;
}();

bool party_case_type(const Case&, const Event& d, std::uint8_t version) {
    // The chair's acute decisions (§ 143) may be made without hearing (forvaltningsloven § 19 stk. 2 nr. 1).
    const auto body = d.value(Attr::body);
    // Partshøring belongs to afgørelser (forvaltningsloven § 19); a beslutning makes no one a party.
    return section_3_case_type(d, version == 2) && d.value(Attr::form) != Value::beslutning && body != Value::appeals_board &&
           body != Value::court && body != Value::chair;
}

}  // namespace

const Rule& child_party_powers() {
    static const TellParties rule(part10_meta, {EventType::partshoering, std::nullopt, false, false, {12, 10, 10}, party_case_type, nullptr,
                                                  adverse_facts_stated, grants_named_request},
                                  part10_triggers);
    return rule;
}

}  // namespace barnetslov::rules
