// The conditions of a placement and of its change (catalog part B § 1 and § 6): whose consent it
// rests on (§ 46 stk. 1-2 and 4, § 98), the ground of a placement without consent (§ 47 stk. 1),
// setting aside a consent (§ 47 stk. 3) and the young person's own wish (§ 47 stk. 4).
// The child's own consent at 15 is BL-BARN-CONSENT15, the undersøgelse before a placement
// BL-UNDS-PRE-ANB and the deciding body BL-ANB-BUU-LIST: each duty is judged once.
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/consents.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// ---- BL-ANB-46-COND: § 46 stk. 1-2 (Serviceloven § 52 stk. 3 nr. 7) -------------------------------

constexpr RuleVersion cond46_versions[] = {
    {Law::serviceloven, "§ 52 stk. 3 nr. 7", far_past, barnets_lov_start, Confidence::confirmed_old, "placement with the custody holder's consent"},
    {Law::barnets_lov, "§ 46 stk. 1-2", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord cond46_statute{
    .rule = "BL-ANB-46-COND",
    .read = "§ 46 stk. 1-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "With the consent of the custody holder and a young person of 15+, covering the purpose, the "
                "municipality may place when it is of substantial importance for the child's support needs; only after a "
                "§ 20 (or ungefaglig) undersøgelse, a provisional or acute placement aside; the decision states purpose "
                "and expected duration.",
};

constexpr const Reason* cond46_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::consent_not_covering_purpose, &reasons::consents_given,
    &reasons::consents_missing,
};

constexpr Evidence cond46_evidence[] = {{.type = EventType::samtykke}};
constexpr RuleMeta cond46_meta{
    .id = "BL-ANB-46-COND", .chapter = "placement", .title_da = "Anbringelse med samtykke: forældremyndighedsindehavernes samtykke",
    .title_en = "A placement with consent rests on every custody holder's consent", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: each custody holder has consented to the placement, covering its purpose, no later than the "
    "decision (kind placement-with-consent).",
    .reading = "A consent is a samtykke from the custody holder (party) dated no later than the decision and naming no other "
    "decision; the latest answer counts, so a withdrawal before the decision leaves none. covers-purpose=\"false\" "
    "is violated (then § 47 applies). A file naming no custody holder is indeterminate. The young person's own "
    "consent at 15 is BL-BARN-CONSENT15; the undersøgelse before it BL-UNDS-PRE-ANB.",
    .predecessor = "Serviceloven § 52 stk. 3 nr. 7", .versions = cond46_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<samtykke id="sa1" at="2024-06-25" party="mor" ref="d4" answer="given" covers-purpose="true"/>
<afgoerelse id="d4" at="2024-06-27" kind="placement-with-consent" has-purpose="true" has-expected-duration="true"/>)",
    .changed_from = "the latest consent naming no decision counted, however old and whatever decision it came before",
    .reasons = cond46_reasons,
    .statute = &cond46_statute,
    .phase = Phase::before,
    .evidence = cond46_evidence};

// ---- BL-ANB-46-UNBORN: § 46 stk. 4 ---------------------------------------------------------------------

constexpr RuleVersion unborn46_versions[] = {
    {Law::barnets_lov, "§ 46 stk. 4", barnets_lov_start, far_future, Confidence::confirmed, "new in barnets lov"},
};
constexpr StatuteRecord unborn46_statute{
    .rule = "BL-ANB-46-UNBORN",
    .read = "§ 46 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "On a § 26 undersøgelse and with the expectant parents' consent, the municipality may decide that the "
                "unborn child is placed right after birth, when of substantial importance for its support needs.",
};

constexpr const Reason* unborn46_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::consents_given, &reasons::consents_missing,
    &reasons::child_already_born,
};

constexpr Evidence unborn46_evidence[] = {{.type = EventType::samtykke}};
constexpr RuleMeta unborn46_meta{
    .id = "BL-ANB-46-UNBORN", .chapter = "placement", .title_da = "Anbringelse af et ufødt barn med samtykke", .title_en = "An unborn child placed with the expectant parents' consent",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before the birth (kind placement-unborn-with-consent), each expectant parent has consented no "
    "later than the decision.",
    .reading = "The expectant parents are the parties of role custody-holder or parent. A decision dated on or after the "
    "child's birth date is violated (it is then a placement of a born child, § 46 stk. 1). The § 26 undersøgelse "
    "before it is BL-UNDS-PRE-ANB. New in barnets lov: not_applicable before 2024.",
    .predecessor = "none (new in barnets lov)", .versions = unborn46_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<samtykke id="sa3" at="2024-09-02" party="mor" ref="d8"/>
<samtykke id="sa4" at="2024-09-02" party="far" ref="d8"/>
<afgoerelse id="d8" at="2024-09-05" kind="placement-unborn-with-consent"/>)",
    .reasons = unborn46_reasons,
    .statute = &unborn46_statute,
    .phase = Phase::before,
    .evidence = unborn46_evidence};

// ---- BL-ANB-CHANGE-98: § 98 (Serviceloven § 69) -----------------------------------------------------------

constexpr RuleVersion change_versions[] = {
    {Law::serviceloven, "§ 69", far_past, barnets_lov_start, Confidence::confirmed_old,
     "the child's consent from 12 (L 120 (2014-15)); the earlier age of 15 is not modelled"},
    {Law::barnets_lov, "§ 98", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord change_statute{
    .rule = "BL-ANB-CHANGE-98",
    .read = "§ 98 stk. 1-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/98",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "A change of placement site needs the consent of the custody holder and of a child of 12+ (stk. 1) and a "
                "statement from the current placement first (stk. 2); without consent the committee decides (stk. 4) on "
                "an indstilling with the latest plan, the child's view, supplementary support, the new site's "
                "suitability and the statement (stk. 5).",
};

constexpr const Reason* change_reasons[] = {
    &reasons::age_unknown, &reasons::right_body, &reasons::consents_given, &reasons::consents_missing,
    &reasons::site_statement_found, &reasons::site_statement_missing,
};

// The consents and the placement's statement (a committee decision needs no consent, but a file without consents cannot show the rule).
constexpr Evidence change_evidence[] = {{.type = EventType::samtykke}, {.type = EventType::udtalelse}};
constexpr RuleMeta change_meta{
    .id = "BL-ANB-CHANGE-98", .chapter = "placement", .title_da = "Ændring af anbringelsessted", .title_en = "A change of placement with consent or by the committee",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a change of placement (kind placement-change) has, no later than the decision, the consent of "
    "each custody holder and of a child who has turned 12 — or is decided by the børne- og ungeudvalg (stk. 4); "
    "and the current placement's statement (udtalelse from placement-site-staff, or foster-parent for a foster family) came before it (stk. 2).",
    .reading = "Two findings about each decision: the consents (reasons consents_given / consents_missing, right_body for a "
    "committee decision) and the statement (site_statement_found / site_statement_missing). The statement counts "
    "when it names the decision, or is the latest statement from the placement before it. No birth date: the "
    "child's part is indeterminate. The content of the committee's indstilling (stk. 5) is not checked.",
    .predecessor = "Serviceloven § 69", .versions = change_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<udtalelse id="ud2" at="2025-02-03" from="placement-site-staff" ref="d9"/>
<samtykke id="sa5" at="2025-02-04" party="mor" ref="d9"/>
<samtykke id="sa6" at="2025-02-04" party="barn" ref="d9"/>
<afgoerelse id="d9" at="2025-02-10" kind="placement-change"/>)",
    .changed_from = "the latest statement from the placement since the current placement counted, even one naming another decision",
    .reasons = change_reasons,
    .statute = &change_statute,
    .phase = Phase::before,
    .evidence = change_evidence};

const ConsentRule cond46_rule{cond46_meta, {Value::placement_with_consent, false, 0, false, false}};
const ConsentRule unborn46_rule{unborn46_meta, {Value::placement_unborn_with_consent, true, 0, false, false}};
const ConsentRule change_rule{change_meta, {Value::placement_change, false, 12, true, false}};

// ---- BL-ANB-47-COND: § 47 stk. 1 (Serviceloven § 58 stk. 1) ------------------------------------------

constexpr RuleVersion cond47_versions[] = {
    {Law::serviceloven, "§ 58 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old, "the same four grounds"},
    {Law::barnets_lov, "§ 47 stk. 1", barnets_lov_start, far_future, Confidence::confirmed, "the limit in stk. 5 is UNCONFIRMED and not checked"},
};
constexpr StatuteRecord cond47_statute{
    .rule = "BL-ANB-47-COND",
    .read = "§ 47 stk. 1-2",
    .not_found = "§ 47 stk. 5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47 (stk. 5 cut off on the page: not found)",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The committee may place without consent on an obvious risk of serious harm for one of four grounds "
                "(stk. 1, 'jf. dog stk. 5'), only on a founded presumption after an undersøgelse under § 20 or § 26 "
                "(stk. 2). Stk. 5, a limit on decisions under stk. 1-4, is cut off.",
};

constexpr const Reason* cond47_reasons[] = {&reasons::stated, &reasons::statement_unknown};

// Judged from the decision's own ground.
constexpr Evidence cond47_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::ground}};
constexpr RuleMeta cond47_meta{
    .id = "BL-ANB-47-COND", .chapter = "placement", .title_da = "Anbringelse uden samtykke: grundlaget", .title_en = "A placement without consent states its ground",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision to place without consent (kind placement-without-consent) names the ground of § 47 "
    "stk. 1 nr. 1-4 it rests on (ground: inadequate-care, abuse, child-difficulties, behaviour).",
    .reading = "No ground in the file is indeterminate: whether the obvious risk of serious harm was established is a legal "
    "assessment the file can only record. The undersøgelse (stk. 2) is BL-UNDS-PRE-ANB, the deciding body "
    "BL-ANB-BUU-LIST, purpose and expected duration BL-AFG-ANB-CONTENT, the plan BL-PLAN-ANB, the hearing "
    "BL-BARN-BUU-HEAR. Stk. 5's limit is UNCONFIRMED and not checked.",
    .predecessor = "Serviceloven § 58 stk. 1", .versions = cond47_versions, .statuses = status_bits({Status::met, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" ground="inadequate-care"/>)",
    .reasons = cond47_reasons,
    .statute = &cond47_statute,
    .phase = Phase::with,
    .evidence = cond47_evidence};

class PlacementGround final : public RuleImpl {
public:
    PlacementGround() : RuleImpl(KindSet{Value::placement_without_consent}) {}
    const RuleMeta& meta() const override { return cond47_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, cond47_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::placement_without_consent && d.value(Attr::outcome) != Value::refused; },
                         [&](const Event& d, Finding& f) {
            f.attribute = Attr::ground;
            f.status = d.value(Attr::ground) ? Status::met : Status::indeterminate;
            f.reason = d.value(Attr::ground) ? &reasons::stated : &reasons::statement_unknown;
        });
    }
};

// ---- BL-ANB-47-OVERRIDE: § 47 stk. 3 -----------------------------------------------------------------------

constexpr RuleVersion override_versions[] = {
    {Law::serviceloven, "§ 58 stk. 3 (numbering UNCONFIRMED)", far_past, barnets_lov_start, Confidence::confirmed_old, ""},
    {Law::barnets_lov, "§ 47 stk. 3", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord override_statute{
    .rule = "BL-ANB-47-OVERRIDE",
    .read = "§ 47 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
    .noted_in = "issue 14 lookup (statute-notes.md read § 47 for stk. 4-5)",
    .read_on = issue14_lookup_day,
    .confirms = "The committee may place under stk. 1 although the custody holder and the young person consent to a "
                "§ 46 placement, when consideration for the child decisively speaks for it.",
};

constexpr const Reason* override_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown};

// Judged from the decision's own has-reasons.
constexpr Evidence override_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::has_reasons}};
constexpr RuleMeta override_meta{
    .id = "BL-ANB-47-OVERRIDE", .chapter = "placement", .title_da = "Anbringelse uden samtykke trods samtykke", .title_en = "A placement without consent despite consent gives its reasons",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: where every custody holder (and a young person of 15+) had consented by the time the "
    "committee placed without consent, the decision gives the reasons why the consent was set aside "
    "(has-reasons).",
    .reading = "Only decisions where every custody holder's latest answer before the decision is a consent give a finding; "
    "has-reasons=\"false\" is violated, absent indeterminate. That the reasons speak 'decisively' for the child is "
    "a legal assessment the file can only record.",
    .predecessor = "Serviceloven § 58 stk. 3", .versions = override_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<samtykke id="sa7" at="2024-08-20" party="mor" ref="d3"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" has-reasons="true"/>)",
    .reasons = override_reasons,
    .statute = &override_statute,
    .phase = Phase::with,
    .evidence = override_evidence};

class ConsentSetAside final : public RuleImpl {
public:
    ConsentSetAside() : RuleImpl(KindSet{Value::placement_without_consent}) {}
    const RuleMeta& meta() const override { return override_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const auto holders = parties_with_role(c, Value::custody_holder);
        if (holders.empty()) return;
        Deferred<Answers> answers;  // indexed on first need
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::placement_without_consent || d.value(Attr::outcome) == Value::refused) continue;
            if (!answers) answers.emplace(c, ctx);
            std::vector<const Event*> consents;
            for (std::uint32_t p : holders)
                if (const Event* a = answers->latest(d, p); consent_given(a)) consents.emplace_back(a);
            const auto age = child_age(c, ctx, d.at().day);
            const bool child_consented = !age || *age < 15 || consent_given(answers->latest(d, 0));
            if (consents.size() != holders.size() || !child_consented) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, override_meta, d, d.at().day)) continue;
            for (const Event* a : consents) use(f, a, EventRole::related);
            static constexpr Attr flags[] = {Attr::has_reasons};
            judge_statements(f, d, flags);
        }
    }
};

// ---- BL-ANB-47-OWNWISH15: § 47 stk. 4 -----------------------------------------------------------------------

namespace reasons {

// § 47 stk. 4: no refusal, so the placement is one with consent
constexpr Reason custody_holders_consented{
    .key = "custody_holders_consented",
    .da = "Alle forældremyndighedsindehavere samtykkede; anbringelsen er da en anbringelse med samtykke (§ 46).",
    .en = "Every custody holder consented; the placement is then one with consent (§ 46).",
};

// no custody holder's answer on file
constexpr Reason custody_answer_unknown{
    .key = "custody_answer_unknown",
    .da = "Sagen viser intet svar fra forældremyndighedsindehaveren.",
    .en = "The file shows no answer from the custody holder.",
};

constexpr Reason custody_refusal_recorded{
    .key = "custody_refusal_recorded",
    .da = "En forældremyndighedsindehaver har nægtet eller tilbagekaldt samtykke.",
    .en = "A custody holder refused or withdrew consent.",
};

}  // namespace reasons

constexpr RuleVersion ownwish_versions[] = {
    {Law::serviceloven, "§ 58 stk. 2 (numbering UNCONFIRMED)", far_past, barnets_lov_start, Confidence::confirmed_old, ""},
    {Law::barnets_lov, "§ 47 stk. 4", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord ownwish_statute{
    .rule = "BL-ANB-47-OWNWISH15",
    .read = "§ 47 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The committee may place a young person of 15+ who consents, against the custody holder's refusal and "
                "even if stk. 1 is not met, when the placement is of substantial importance and the problems cannot be "
                "solved at home.",
};

constexpr const Reason* ownwish_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::age_unknown, &reasons::under_age, &reasons::custody_holders_consented,
    &reasons::custody_answer_unknown, &reasons::custody_refusal_recorded,
};

// A custody holder's answer that is no consent.
constexpr Evidence ownwish_evidence[] = {{.type = EventType::samtykke}};
constexpr RuleMeta ownwish_meta{
    .id = "BL-ANB-47-OWNWISH15", .chapter = "placement", .title_da = "Anbringelse af en ung over 15 år efter eget ønske",
    .title_en = "A young person of 15+ placed at own wish against the custody holder", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a placement at the young person's own wish (kind placement-own-wish-15) is of a young person who "
    "has turned 15 on the decision's date, and a custody holder has refused (or withdrawn) consent by then.",
    .reading = "Under 15: violated (under_age). Every custody holder consenting: violated (custody_holders_consented — the "
    "placement is then one with consent, § 46). No custody holder's answer on file, no custody holder, or no birth "
    "date: indeterminate. The young person's consent is BL-BARN-CONSENT15, the deciding body BL-ANB-BUU-LIST.",
    .predecessor = "Serviceloven § 58 stk. 2", .versions = ownwish_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<samtykke id="sa8" at="2024-10-01" party="mor" answer="refused"/>
<samtykke id="sa9" at="2024-10-01" party="barn" answer="given"/>
<afgoerelse id="d13" at="2024-10-22" kind="placement-own-wish-15" body="committee"/>)",
    .reasons = ownwish_reasons,
    .statute = &ownwish_statute,
    .phase = Phase::before,
    .evidence = ownwish_evidence};

class OwnWish15 final : public RuleImpl {
public:
    OwnWish15() : RuleImpl(KindSet{Value::placement_own_wish_15}) {}
    const RuleMeta& meta() const override { return ownwish_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<Answers> answers;  // indexed on first need
        for_each_trigger(c, ctx, out, ownwish_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::placement_own_wish_15 && d.value(Attr::outcome) != Value::refused; },
                         [&](const Event& d, Finding& f) {
            const auto age = child_age(c, ctx, d.at().day);
            if (age && *age < 15) {
                f.status = Status::violated;
                f.reason = &reasons::under_age;
                return;
            }
            const auto holders = parties_with_role(c, Value::custody_holder);
            if (!answers) answers.emplace(c, ctx);
            const Event* refusal = nullptr;
            std::size_t consents = 0;
            for (std::uint32_t p : holders) {
                const Event* a = answers->latest(d, p);
                if (consent_given(a)) ++consents;
                else if (a && !refusal) refusal = a;
            }
            use(f, refusal, EventRole::fulfilment);
            if (holders.empty()) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_holder_unknown;
            } else if (consents == holders.size()) {
                f.status = Status::violated;
                f.reason = &reasons::custody_holders_consented;
            } else if (!refusal) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_answer_unknown;
            } else if (!age) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else {
                f.status = Status::met;
                f.reason = &reasons::custody_refusal_recorded;
            }
        });
    }
};

}  // namespace

const Rule& placement_with_consent_conditions() { return cond46_rule; }
const Rule& unborn_placement_with_consent() { return unborn46_rule; }
const Rule& placement_change() { return change_rule; }
const Rule& placement_ground() {
    static const PlacementGround rule;
    return rule;
}
const Rule& consent_set_aside() {
    static const ConsentSetAside rule;
    return rule;
}
const Rule& own_wish_15() {
    static const OwnWish15 rule;
    return rule;
}

}  // namespace barnetslov::rules
