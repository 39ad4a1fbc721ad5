// BL-UNDS-TRIG, BL-BARN-STOTTEPERSON, BL-BARN-SAMV-VIEWS, BL-TILS-SPLIT, BL-ANB-UNDER1 (catalog parts A and B;
// issue 18 item 2): safeguards the case file could not show before the issue 18 fields (format-18.md § 1):
// an abuse suspicion leads to an undersøgelse, a støtteperson is sought before a placement, the child's views
// on contact come before a § 104 decision, the placement site is approved, and the 3-year renewal period is
// chosen only for a child under 1. Part C's BL-OVERGREB-UNDS, BL-ANB-STOTTEPERSON-53 and BL-PLEJE-GODK name
// the same duties and are aliases of these rules (src/engine/catalog.cpp).
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// ---- BL-UNDS-TRIG: § 20 stk. 1 nr. 2 — abuse or its suspicion leads to an undersøgelse ---------------
// Statuses: met, violated (screened away: a screening or afdækning answered the suspicion instead, and no
// undersøgelse followed), pending (no step yet; the law sets no deadline of its own — the 4 months are
// BL-UNDS-4M's), not_applicable (before 2024), indeterminate (the undersøgelse is dated before the suspicion
// it answers; the screening records no suspicion of abuse). Never late or missed: no deadline.

namespace reasons {

constexpr Reason abuse_investigated{
    .key = "abuse_investigated",
    .da = "Mistanken om overgreb førte til en børnefaglig undersøgelse.",
    .en = "The suspicion of abuse led to a børnefaglig undersøgelse.",
};

constexpr Reason abuse_screened_away{
    .key = "abuse_screened_away",
    .da = "Mistanken om overgreb blev afsluttet ved screening eller afdækning uden en børnefaglig undersøgelse (§ 20, stk. 1, nr. 2 kræver undersøgelsen).",
    .en = "The suspicion of abuse was closed by a screening or an afdækning without a børnefaglig undersøgelse (§ 20 stk. 1 nr. 2 requires the undersøgelse).",
};

constexpr Reason abuse_suspicion_not_upheld{
    .key = "abuse_suspicion_not_upheld",
    .da = "Underretningen nævner overgreb, men screeningen af den angiver, at der ikke er mistanke om overgreb "
          "(abuse-suspected=\"false\"), og der fulgte ingen børnefaglig undersøgelse. Sagen viser ikke, om § 20, stk. 1, nr. 2 "
          "fandt anvendelse; kommunens vurdering kan ikke efterprøves her.",
    .en = "The underretning tells of abuse, but its screening records that there is no suspicion of abuse "
          "(abuse-suspected=\"false\"), and no børnefaglig undersøgelse followed. The file does not show whether § 20 stk. 1 "
          "nr. 2 applied; the municipality's assessment cannot be checked here.",
};

constexpr Reason abuse_not_yet_investigated{
    .key = "abuse_not_yet_investigated",
    .da = "Der er mistanke om overgreb, og ingen børnefaglig undersøgelse er registreret endnu; loven sætter ingen særskilt frist (4 måneder er BL-UNDS-4M).",
    .en = "Abuse is suspected and no børnefaglig undersøgelse is on file yet; the law sets no separate deadline (the 4 months are BL-UNDS-4M's).",
};

}  // namespace reasons

constexpr RuleVersion trig_versions[] = {{Law::barnets_lov, "§ 20 stk. 1 nr. 2", barnets_lov_start, far_future, Confidence::confirmed,
                                          "before 2024 Serviceloven § 50 stk. 1 required an undersøgelse whenever special support was "
                                          "presumed needed, a trigger the file does not mark"}};
constexpr StatuteRecord trig_statute{
    .rule = "BL-UNDS-TRIG",
    .read = "§ 20 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/20",
    .noted_in = "the part A catalog (BL-UNDS-TRIG, [L20]) and part C (BL-OVERGREB-UNDS)",
    .read_on = december_2026,
    .confirms = "The municipality must decide on a børnefaglig undersøgelse where there is reason to assume a serious or complex "
                "case, where the child has been exposed to abuse (overgreb) or it is suspected (nr. 2), and after a broken-off "
                "crisis-shelter stay.",
};

constexpr const Reason* trig_reasons[] = {&reasons::abuse_investigated, &reasons::abuse_screened_away, &reasons::abuse_not_yet_investigated,
                                          &reasons::abuse_suspicion_not_upheld};
constexpr Evidence trig_evidence[] = {{.type = EventType::undersoegelse}};
constexpr RuleMeta trig_meta{
    .id = "BL-UNDS-TRIG", .chapter = "investigation", .title_da = "Mistanke om overgreb fører til børnefaglig undersøgelse",
    .title_en = "Suspected abuse leads to a børnefaglig undersøgelse", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline of its own: an underretning or screening marked abuse-suspected=\"true\" is followed by an "
    "undersøgelse (the 4-month deadline is BL-UNDS-4M's).",
    .reading = "The undersøgelse serves the underretning by the law README's serving rule (it names it, or names none — or a "
    "screening or decision — and this is the latest underretning on or before it). A screening marked abuse-suspected is a "
    "trigger of its own only when the underretning it answers (the one it names, else the latest before it) is not marked, "
    "or is dated before 2024. Met when an undersøgelse serves it. Violated "
    "(screened away) when none does and the screening serving it concluded with any outcome but undersoegelse, or an "
    "afdækning answered it instead: § 20 stk. 1 nr. 2 leaves no room for another track. Otherwise pending without a due date. "
    "A screening of the underretning that records abuse-suspected=\"false\" (no suspicion, in the municipality's "
    "assessment) with no undersøgelse is indeterminate, never violated. "
    "An undersøgelse naming the underretning but dated before it is indeterminate (inconsistent dates). Only the suspicion "
    "marked in the file is read: whether a case is otherwise serious or complex (nr. 1) is a judgement no field shows. "
    "BL-OVERGREB-UNDS (part C) is an alias.",
    .predecessor = "Serviceloven § 50 stk. 1", .versions = trig_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-09-02T10:15" notifier="professional" abuse-suspected="true"/>
<screening id="s1" at="2024-09-03" ref="u1" outcome="undersoegelse" abuse-suspected="true"/>
<undersoegelse id="bfu1" at="2024-09-05" ref="s1" abuse-suspected="true"/>)",
    .reasons = trig_reasons,
    .statute = &trig_statute,
    .evidence = trig_evidence};

class AbuseInvestigated final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return trig_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // The records' lists on first need: most cases suspect no abuse, and the four lists built up front
        // were most of this rule's cost on them (issue 20, session 31).
        Deferred<AfterRecords> investigations, screenings, afdaekninger, screened_investigations;
        const auto records = [&](Deferred<AfterRecords>& r, EventType trigger, EventType type) -> const AfterRecords& {
            return r.get_or_make(c, ctx, trigger, type);
        };
        const auto suspected = [](const Event& e) { return e.flag(Attr::abuse_suspected) == true; };
        for_each_trigger(c, ctx, out, trig_meta, EventType::underretning, suspected, [&](const Event& u, Finding& f) {
            if (judge_investigation(records(investigations, EventType::underretning, EventType::undersoegelse).serving(u), u, f)) return;
            const Event* s = records(screenings, EventType::underretning, EventType::screening).serving(u);
            // The screening states there is no suspicion of abuse: the file cannot show the duty applied.
            if (s && s->flag(Attr::abuse_suspected) == false && detail::order(s->at(), u.at()) != detail::Order::before) {
                use(f, s, EventRole::related);
                f.attribute = Attr::abuse_suspected;
                f.status = Status::indeterminate;
                f.reason = &reasons::abuse_suspicion_not_upheld;
                return;
            }
            if (s && s->value(Attr::outcome) != Value::undersoegelse && detail::order(s->at(), u.at()) != detail::Order::before) {
                screened_away(s, f);
                return;
            }
            const Event* a = records(afdaekninger, EventType::underretning, EventType::afdaekning).serving(u);
            if (a && detail::order(a->at(), u.at()) != detail::Order::before) {
                screened_away(a, f);
                return;
            }
            outstanding(f);
        });
        // A screening that marks the suspicion where the underretning it answers does not: the one it names,
        // or, naming none, the latest known underretning not after it (the serving rule's after-duty reading).
        const auto known_underretninger = [&] {
            IndexList list;
            for (std::uint32_t k : c.events_of(EventType::underretning))
                if (ctx.known(c.event(k))) list.emplace_back(k);
            return list;
        }();
        const auto answered = [&](const Event& s) -> const Event* {
            if (const Event* u = first_ref(c, s, EventType::underretning)) return u;
            const auto upto = not_after(c, all(known_underretninger), s.at());
            return upto.empty() ? nullptr : &c.event(upto.back());
        };
        for_each_trigger(
            c, ctx, out, trig_meta, EventType::screening,
            [&](const Event& s) {
                const Event* u = suspected(s) ? answered(s) : nullptr;
                return suspected(s) && !(u && suspected(*u) && version_in_force(trig_meta, u->at().day));
            },
            [&](const Event& s, Finding& f) {
                if (judge_investigation(records(screened_investigations, EventType::screening, EventType::undersoegelse).serving(s), s, f)) return;
                const auto outcome = s.value(Attr::outcome);
                if (outcome && *outcome != Value::undersoegelse) screened_away(&s, f);
                else outstanding(f);
            });
    }

private:
    // Met (or indeterminate, dated before the trigger) when `bfu` serves it; false when there is none.
    static bool judge_investigation(const Event* bfu, const Event& trigger, Finding& f) {
        if (!bfu) return false;
        use(f, bfu, EventRole::fulfilment);
        f.done = bfu->at();
        const bool before = detail::order(bfu->at(), trigger.at()) == detail::Order::before;
        f.status = before ? Status::indeterminate : Status::met;
        f.reason = before ? &reasons::inconsistent_dates : &reasons::abuse_investigated;
        return true;
    }
    static void screened_away(const Event* step, Finding& f) {
        if (f.subject != step->index()) use(f, step, EventRole::related);
        f.status = Status::violated;
        f.reason = &reasons::abuse_screened_away;
    }
    static void outstanding(Finding& f) {
        f.status = Status::pending;
        f.reason = &reasons::abuse_not_yet_investigated;
    }
};

// ---- BL-BARN-STOTTEPERSON: § 53 — help to find a støtteperson before a placement --------------------
// Statuses: met, late (advisory: only after the placement decision), pending (placement running, nothing on
// file yet: no deadline), not_applicable (outcome not-relevant; before 2024), indeterminate (the placement
// ended with nothing on file, or the record on file serves another decision). Never violated or missed:
// § 53 says "så vidt muligt" (as far as possible) and sets no deadline.

namespace reasons {

constexpr Reason stoetteperson_before{
    .key = "stoetteperson_before",
    .da = "Barnet fik hjælp til at finde en støtteperson (samtale eller tilbud) før anbringelsen.",
    .en = "The child was helped to find a støtteperson (conversation or offer) before the placement.",
};

constexpr Reason stoetteperson_outcome_recorded{
    .key = "stoetteperson_outcome_recorded",
    .da = "Anbringelsesafgørelsen registrerer udfaldet af hjælpen til at finde en støtteperson.",
    .en = "The placement decision records the outcome of the help to find a støtteperson.",
    .attribute_da = {"Anbringelsesafgørelsen registrerer udfaldet af hjælpen til at finde en støtteperson (", ")."},
    .attribute_en = {"The placement decision records the outcome of the help to find a støtteperson (", ")."},
};

constexpr Reason stoetteperson_after{
    .key = "stoetteperson_after",
    .da = "Hjælpen til at finde en støtteperson kom først efter anbringelsesafgørelsen; § 53 beder om den så vidt muligt før (vejledende).",
    .en = "The help to find a støtteperson came only after the placement decision; § 53 asks for it as far as possible before (advisory).",
};

constexpr Reason stoetteperson_outstanding{
    .key = "stoetteperson_outstanding",
    .da = "Ingen samtale eller tilbud om støtteperson er registreret endnu; anbringelsen løber, og loven sætter ingen frist.",
    .en = "No conversation or offer about a støtteperson is on file yet; the placement runs, and the law sets no deadline.",
};

constexpr Reason stoetteperson_never{
    .key = "stoetteperson_never",
    .da = "Anbringelsen ophørte uden registreret hjælp til at finde en støtteperson; § 53 kræver den så vidt muligt, og sagen viser ikke, om det var muligt.",
    .en = "The placement ended with no help to find a støtteperson on file; § 53 asks for it as far as possible, and the file does not show whether it was possible.",
};

constexpr Reason stoetteperson_not_relevant{
    .key = "stoetteperson_not_relevant",
    .da = "En støtteperson er ikke relevant for barnet (stoetteperson-outcome=\"not-relevant\", fx anbringelse på grund af egen funktionsnedsættelse).",
    .en = "A støtteperson is not relevant for the child (stoetteperson-outcome=\"not-relevant\", e.g. a placement because of the child's own disability).",
};

}  // namespace reasons

constexpr RuleVersion stoette_versions[] = {{Law::barnets_lov, "§ 53", barnets_lov_start, far_future, Confidence::confirmed,
                                             "Serviceloven § 68 b stk. 4, 1. pkt. had the same substance; its date in force is not in "
                                             "the catalog, so placements before 2024 are not judged"}};
constexpr StatuteRecord stoette_statute{
    .rule = "BL-BARN-STOTTEPERSON",
    .read = "§ 53",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/53",
    .noted_in = "law README (\"Readings settled after the statute and authority review\": BL-BARN-STOTTEPERSON is § 53) and part C "
                "(BL-ANB-STOTTEPERSON-53)",
    .read_on = december_2026,
    .confirms = "As far as possible before a placement, the municipality helps the child find a person in its family or network "
                "who can be its støtteperson during the placement (stk. 1); failing that it may help find one through a "
                "civil-society organisation (stk. 2). It is the child's right, not a duty: the child may decline.",
};

constexpr const Reason* stoette_reasons[] = {
    &reasons::stoetteperson_before,     &reasons::stoetteperson_outcome_recorded, &reasons::stoetteperson_after,
    &reasons::stoetteperson_outstanding, &reasons::stoetteperson_never,           &reasons::stoetteperson_not_relevant,
    &reasons::record_too_old,           &reasons::record_serves_earlier,          &reasons::record_order_unknown,
};
constexpr Evidence stoette_evidence[] = {{.type = EventType::boernesamtale, .attr = Attr::topic},
                                         {.type = EventType::tilbud},
                                         {.type = EventType::afgoerelse, .attr = Attr::stoetteperson_outcome}};
constexpr RuleMeta stoette_meta{
    .id = "BL-BARN-STOTTEPERSON", .chapter = "involvement", .title_da = "Hjælp til at finde en støtteperson før anbringelsen",
    .title_en = "Help to find a støtteperson before the placement", .severity = Severity::warning, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline, an order (advisory): a conversation with the child about a støtteperson (boernesamtale "
    "topic=\"stoetteperson\") or an offer of one to the child (tilbud topic=\"stoetteperson\" party=the child) dated before the "
    "placement decision, or the decision's stoetteperson-outcome. Lateness is in days after the decision, advisory only.",
    .reading = "Every granted placement decision (§§ 46, 47, 47 stk. 4; not an unborn child's, and not a decision continuing a "
    "placement it names) is a trigger. The conversation or offer serves it by the law README's serving rule; on the same date "
    "without times it is met with basis same_day. A stoetteperson-outcome on the decision (appointed-network, "
    "appointed-civil-society, child-declined, none-found) records the help as given by then: met. not-relevant is "
    "not_applicable. Only after the decision: late (severity warning, never violated: \"så vidt muligt\"). Nothing yet while "
    "the placement runs: pending without a due date. The placement ended with nothing on file: indeterminate, since the file "
    "cannot show whether help was possible. An acute or provisional placement (§ 46 stk. 3, § 143) is judged the same way: "
    "help soon after it is late, advisory only (part C's \"as soon as possible after\" is INFERRED and sets no length). "
    "Støtteperson at samvær is BL-SAMV-SUPPORTED. BL-ANB-STOTTEPERSON-53 (part C) is an alias.",
    .predecessor = "Serviceloven § 68 b stk. 4", .versions = stoette_versions,
    .statuses = status_bits({Status::met, Status::late, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<boernesamtale id="bs1" at="2024-05-20" topic="stoetteperson" ref="d1"/>
<afgoerelse id="d1" at="2024-05-30" kind="placement-with-consent" section="§ 46" stoetteperson-outcome="appointed-network"/>)",
    .reasons = stoette_reasons,
    .statute = &stoette_statute,
    .phase = Phase::before,
    .evidence = stoette_evidence};

bool new_placement(const Case& c, const Event& d) {
    const Value kind = decision_kind(d);
    if (!is_placement(kind) || kind == Value::placement_unborn_with_consent || kind == Value::placement_unborn_without_consent) return false;
    if (d.value(Attr::outcome) == Value::refused) return false;
    // A decision naming another placement decision continues that placement (the committee's after the chair's).
    for (std::uint32_t r : d.refs())
        if (c.event(r).type() == EventType::afgoerelse && placement_chain_kind(decision_kind(c.event(r)))) return false;
    return true;
}

bool support_record(const Event& e) {
    if (e.type() == EventType::boernesamtale) return e.value(Attr::topic) == Value::stoetteperson;
    return e.type() == EventType::tilbud && e.value(Attr::topic) == Value::stoetteperson && from_child(e);
}

class SupportPerson final : public RuleImpl {
public:
    SupportPerson() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return stoette_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const ChildDecisions decisions(c, ctx);
        MeasureEnds ends(c, ctx);
        // The unlinked conversations and offers, one list in time order (events are numbered in time order).
        auto unlinked = unlinked_records(c, ctx, EventType::boernesamtale, EventType::afgoerelse, support_record);
        for (std::uint32_t k : unlinked_records(c, ctx, EventType::tilbud, EventType::afgoerelse, support_record)) unlinked.emplace_back(k);
        std::sort(unlinked.begin(), unlinked.end());
        for_each_trigger(
            c, ctx, out, stoette_meta, EventType::afgoerelse, [&](const Event& d) { return new_placement(c, d); },
            [&](const Event& d, Finding& f) {
                const auto outcome = d.value(Attr::stoetteperson_outcome);
                if (outcome == Value::not_relevant) {
                    f.attribute = Attr::stoetteperson_outcome;
                    f.status = Status::not_applicable;
                    f.reason = &reasons::stoetteperson_not_relevant;
                    return;
                }
                const BeforeRecord b = serve_before(c, ctx, decisions, d, {unlinked.data(), unlinked.size()}, support_record);
                if (b.record) {
                    use(f, b.record, EventRole::fulfilment);
                    f.done = b.record->at();
                    f.status = Status::met;
                    f.reason = &reasons::stoetteperson_before;
                    if (b.same_day) f.basis = Basis::same_day;
                    return;
                }
                if (outcome) {
                    use(f, &d, EventRole::fulfilment);
                    f.attribute = Attr::stoetteperson_outcome;
                    f.status = Status::met;
                    f.reason = &reasons::stoetteperson_outcome_recorded;
                    return;
                }
                const auto end = ends.of(d);
                // Help after the decision counts (late) while the placement it belongs to runs.
                if (b.after && (!end || b.after->at().day <= *end)) {
                    use(f, b.after, EventRole::fulfilment);
                    f.done = b.after->at();
                    f.status = Status::late;
                    f.reason = &reasons::stoetteperson_after;
                    f.margin = -static_cast<std::int64_t>((b.after->at().day - d.at().day).count());
                    f.margin_unit = MarginUnit::days;
                    return;
                }
                if (b.stale) {
                    use(f, b.stale, EventRole::related);
                    f.status = Status::indeterminate;
                    f.reason = not_serving_reason(b.why);
                    return;
                }
                f.status = end ? Status::indeterminate : Status::pending;
                f.reason = end ? &reasons::stoetteperson_never : &reasons::stoetteperson_outstanding;
            });
    }
};

// ---- BL-BARN-SAMV-VIEWS: § 103 stk. 1 — the child's views on contact before a § 104 decision ---------
// Statuses: met, violated (no conversation on contact before the decision), not_applicable (before 2024),
// indeterminate (a conversation before it whose topic is not recorded or is another; a § 5 stk. 4 exception; a record that
// serves another decision). Never late, missed or pending: an order, not a deadline.

namespace reasons {

constexpr Reason contact_views_obtained{
    .key = "contact_views_obtained",
    .da = "Barnets synspunkter på samværet blev indhentet i en samtale før afgørelsen.",
    .en = "The child's views on contact were obtained in a conversation before the decision.",
};

constexpr Reason contact_views_missing{
    .key = "contact_views_missing",
    .da = "Der er ingen samtale med barnet om samvær (topic=\"contact\") før afgørelsen om samvær.",
    .en = "There is no conversation with the child about contact (topic=\"contact\") before the contact decision.",
};

constexpr Reason contact_views_only_after{
    .key = "contact_views_only_after",
    .da = "Samtalen med barnet om samvær kom først efter afgørelsen.",
    .en = "The conversation with the child about contact came only after the decision.",
};

constexpr Reason contact_topic_unknown{
    .key = "contact_topic_unknown",
    .da = "Der er en samtale med barnet før afgørelsen, men sagen oplyser ikke dens emne (topic).",
    .en = "There is a conversation with the child before the decision, but the file does not record its topic.",
};

constexpr Reason contact_topic_other{
    .key = "contact_topic_other",
    .da = "Der er en samtale med barnet før afgørelsen om et andet emne; emnet (topic) har kun én værdi, så sagen viser ikke, om samværet også blev drøftet.",
    .en = "There is a conversation with the child before the decision on another topic; topic holds one value, so the file does not show whether contact was discussed too.",
};

constexpr Reason contact_views_excepted{
    .key = "contact_views_excepted",
    .da = "Samtalen blev undladt efter § 5, stk. 4; sagen viser ikke, om barnets synspunkter på samværet blev indhentet på anden måde.",
    .en = "The conversation was omitted under § 5 stk. 4; the file does not show whether the child's views on contact were obtained another way.",
};

}  // namespace reasons

constexpr RuleVersion samv_versions[] = {{Law::barnets_lov, "§ 103 stk. 1", barnets_lov_start, far_future, Confidence::confirmed,
                                          "before 2024 Serviceloven § 71 stk. 1; the conversation's topic is a field new in 2026"}};
constexpr StatuteRecord samv_statute{
    .rule = "BL-BARN-SAMV-VIEWS",
    .read = "§ 103 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/103",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "A placed child has the right to samvær and contact with parents and network, and the child's views on the "
                "scope, setting and place of the contact are included.",
};

constexpr const Reason* samv_reasons[] = {
    &reasons::contact_views_obtained, &reasons::contact_views_missing, &reasons::contact_views_only_after,
    &reasons::contact_topic_unknown,  &reasons::contact_topic_other,    &reasons::contact_views_excepted, &reasons::record_too_old,
    &reasons::record_serves_earlier,  &reasons::record_order_unknown,
};
constexpr Evidence samv_evidence[] = {{.type = EventType::boernesamtale, .attr = Attr::topic}};
constexpr RuleMeta samv_meta{
    .id = "BL-BARN-SAMV-VIEWS", .chapter = "involvement", .title_da = "Barnets synspunkter på samværet før afgørelsen",
    .title_en = "The child's views on contact before a contact decision", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "Ordering, not a deadline: a conversation with the child about contact (boernesamtale topic=\"contact\") dated "
    "before each § 104 decision on samvær (kind contact, contact-supported, contact-suspension).",
    .reading = "The conversation serves the decision by the law README's serving rule; on the same date without times it is met "
    "with basis same_day, and a child who declined counts as heard (as BL-BARN-VIEWS). A conversation serving the decision "
    "whose topic is not recorded is indeterminate (a file of format 1 has no topic), and so is one with another topic (topic "
    "holds one value: a conversation about the plan may have covered contact too). A "
    "§ 5 stk. 4 exception serving the decision is indeterminate (the views may have been obtained another way). None: "
    "violated. A contact decision of Ankestyrelsen or a court is outside the rule (no decision about the child in the law "
    "README's sense). BL-BARN-VIEWS judges the child's views before every decision; this rule asks that they were about contact.",
    .predecessor = "Serviceloven § 71 stk. 1", .versions = samv_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<boernesamtale id="bs1" at="2024-05-27T14:00" ref="d1" topic="contact"/>
<afgoerelse id="d1" at="2024-05-30" kind="contact" section="§ 104 stk. 2"/>)",
    .reasons = samv_reasons,
    .statute = &samv_statute,
    .phase = Phase::before,
    .evidence = samv_evidence};

constexpr bool contact_kind(Value kind) {
    return kind == Value::contact || kind == Value::contact_supported || kind == Value::contact_suspension;
}

bool contact_decision(const Event& d) {
    // Ankestyrelsen's or a court's decision is no municipal decision about the child (law README): not a trigger.
    return contact_kind(decision_kind(d)) && about_child(d);
}

class ContactViews final : public RuleImpl {
public:
    // Every finding is about a contact decision: on a case without one, its three lists were ~350 instructions a file.
    ContactViews() : RuleImpl(KindSet::where(contact_kind)) {}
    const RuleMeta& meta() const override { return samv_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const ChildDecisions decisions(c, ctx);
        static constexpr auto on_contact = [](const Event& e) {
            return e.type() == EventType::boernesamtale && e.value(Attr::topic) == Value::contact;
        };
        // Any other conversation: its topic unknown, or another (one value only, so contact may have come up).
        static constexpr auto untopical = [](const Event& e) {
            return e.type() == EventType::boernesamtale && e.value(Attr::topic) != Value::contact;
        };
        static constexpr auto excepted = [](const Event& e) { return e.type() == EventType::boernesamtale_undtagelse; };
        const auto views = unlinked_records(c, ctx, EventType::boernesamtale, EventType::afgoerelse, on_contact);
        const auto unknown = unlinked_records(c, ctx, EventType::boernesamtale, EventType::afgoerelse, untopical);
        const auto exceptions = unlinked_records(c, ctx, EventType::boernesamtale_undtagelse, EventType::afgoerelse, excepted);
        for_each_trigger(c, ctx, out, samv_meta, EventType::afgoerelse, contact_decision, [&](const Event& d, Finding& f) {
            const BeforeRecord v = serve_before(c, ctx, decisions, d, {views.data(), views.size()}, on_contact);
            if (v.record) {
                use(f, v.record, EventRole::fulfilment);
                f.done = v.record->at();
                f.status = Status::met;
                f.reason = &reasons::contact_views_obtained;
                if (v.same_day) f.basis = Basis::same_day;
                else if (v.record->value(Attr::outcome) == Value::declined) f.basis = Basis::child_declined;
                return;
            }
            if (const BeforeRecord u = serve_before(c, ctx, decisions, d, {unknown.data(), unknown.size()}, untopical); u.record) {
                use(f, u.record, EventRole::related);
                f.status = Status::indeterminate;
                f.reason = u.record->has(Attr::topic) ? &reasons::contact_topic_other : &reasons::contact_topic_unknown;
                return;
            }
            if (const BeforeRecord x = serve_before(c, ctx, decisions, d, {exceptions.data(), exceptions.size()}, excepted); x.record) {
                use(f, x.record, EventRole::related);
                f.status = Status::indeterminate;
                f.reason = &reasons::contact_views_excepted;
                return;
            }
            judge_unserved(v, f, v.after ? &reasons::contact_views_only_after : &reasons::contact_views_missing);
        });
    }
};

// ---- BL-TILS-SPLIT: §§ 156-157, § 43 (Serviceloven § 66 stk. 2) — the placement site is approved -------
// Statuses: met, violated (site-approved="false"), not_applicable (eget værelse, kollegium or efterskole,
// which need no socialtilsyn approval), indeterminate (site-approved absent). No deadline: never late,
// missed or pending.

namespace reasons {

constexpr Reason site_needs_no_approval{
    .key = "site_needs_no_approval",
    .da = "Anbringelsesstedet (eget værelse, kollegium eller efterskole) skal ikke godkendes af socialtilsynet.",
    .en = "The placement site (own room, kollegium or efterskole) needs no approval by the socialtilsyn.",
    .attribute_da = {"Anbringelsesstedet skal ikke godkendes af socialtilsynet (", ": eget værelse, kollegium eller efterskole)."},
    .attribute_en = {"The placement site needs no approval by the socialtilsyn (", ": own room, kollegium or efterskole)."},
};

}  // namespace reasons

constexpr RuleVersion split_versions[] = {
    {Law::serviceloven, "§ 66 stk. 2", far_past, barnets_lov_start, Confidence::confirmed_old,
     "a foster family, opholdssted or døgninstitution must be approved (generally by the socialtilsyn; a network foster family "
     "concretely by the placing municipality)"},
    {Law::barnets_lov, "§ 43", barnets_lov_start, far_future, Confidence::inferred,
     "the approval precondition carried over into § 43 (VEJ 9148 ch. 1 covers §§ 43-69); wording not read"},
};
constexpr StatuteRecord split_statute{
    .rule = "BL-TILS-SPLIT",
    .not_found = "§ 43",
    .source = "not found: § 43's wording was not read; Serviceloven § 66 stk. 2 (read, part B [SEL66]) and plejefamiliebekendtgørelsen "
              "§ 2 (part C [PLEJBEK2])",
    .noted_in = "the part B catalog (BL-TILS-SPLIT) and part C (BL-PLEJE-GODK)",
    .read_on = december_2026,
    .confirms = "Under Serviceloven § 66 stk. 2 a placement in a foster family, opholdssted or døgninstitution required the site "
                "to be approved, generally by the socialtilsyn (socialtilsynsloven § 5) and for a network foster family concretely "
                "by the placing municipality; almene, forstærkede and specialiserede plejefamilier must be approved before they "
                "receive a child (plejefamiliebekendtgørelsen § 2).",
};

constexpr const Reason* split_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::site_needs_no_approval};
constexpr Evidence split_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::site_approved}};
constexpr RuleMeta split_meta{
    .id = "BL-TILS-SPLIT", .chapter = "supervision", .title_da = "Anbringelsesstedet er godkendt", .title_en = "The placement site is approved",
    .severity = Severity::error, .confidence = Confidence::inferred, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every granted decision that places the child at a site (a placement, placement-change or "
    "placement-site decision) states that the site holds the approval it needs (site-approved).",
    .reading = "site-approved=\"true\" is met, \"false\" violated, absent indeterminate (the file does not say). A site of type "
    "own-room or efterskole needs no socialtilsyn approval and is not_applicable (INFERRED). The socialtilsyn's own operational "
    "supervision of the site is outside the child's case file. Refused decisions and those of Ankestyrelsen or a court are "
    "outside the rule. BL-PLEJE-GODK (part C) is an alias.",
    .predecessor = "Serviceloven §§ 66, 148", .versions = split_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="placement-with-consent" section="§ 46" site-type="network-foster-family" site-approved="true"/>)",
    .reasons = split_reasons,
    .statute = &split_statute,
    .phase = Phase::with,
    .evidence = split_evidence};

bool places_at_site(const Event& d) {
    const Value kind = decision_kind(d);
    // Ankestyrelsen's or a court's decision is not the municipality's (law README): not a trigger.
    return places_or_sites(kind) && d.value(Attr::outcome) != Value::refused &&
           about_child(d);
}

class SiteApproved final : public RuleImpl {
public:
    SiteApproved() : RuleImpl(KindSet::where(places_or_sites)) {}
    const RuleMeta& meta() const override { return split_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr flags[] = {Attr::site_approved};
        for_each_trigger(c, ctx, out, split_meta, EventType::afgoerelse, places_at_site, [&](const Event& d, Finding& f) {
            const auto site = d.value(Attr::site_type);
            if (site == Value::own_room || site == Value::efterskole) {
                f.attribute = Attr::site_type;
                f.status = Status::not_applicable;
                f.reason = &reasons::site_needs_no_approval;
                return;
            }
            judge_statements(f, d, flags);
        });
    }
};

// ---- BL-ANB-UNDER1: §§ 46 stk. 4, 49, 50 (Serviceloven § 62 stk. 5) — the 3-year choice ---------------
// Statuses: met (the child was under 1, or unborn, at the decision), violated (1 or older), indeterminate
// (no birth date or due date). The trigger is a decision that chooses a renewal period longer than 2 years;
// every day is covered by a version, so not_applicable never arises; no deadline, so no late, missed or
// pending — the renewal deadline itself stays BL-ANB-GENBEH's.

namespace reasons {

constexpr Reason under_one{
    .key = "under_one",
    .da = "Barnet var under 1 år (eller endnu ikke født) ved afgørelsen, så en genbehandlingsfrist på op til 3 år kunne vælges.",
    .en = "The child was under 1 (or not yet born) at the decision, so a renewal period of up to 3 years could be chosen.",
};

constexpr Reason three_years_over_one{
    .key = "three_years_over_one",
    .da = "Afgørelsen fastsætter en genbehandlingsfrist på mere end 2 år, men barnet var fyldt 1 år; den længere frist gælder kun børn under 1 år.",
    .en = "The decision sets a renewal period longer than 2 years, but the child had turned 1; the longer period is only for a child under 1.",
};

}  // namespace reasons

constexpr RuleVersion under1_versions[] = {
    {Law::serviceloven, "§ 62 stk. 5", far_past, barnets_lov_start, Confidence::confirmed_old,
     "a placement of a child under 1 could be set for renewal after up to 3 years (Ankestyrelsen)"},
    {Law::barnets_lov, "§ 50", barnets_lov_start, far_future, Confidence::inferred,
     "§ 50 not read: the 3-year option for a child under 1 INFERRED to carry over (statute notes)"},
};
constexpr StatuteRecord under1_statute{
    .rule = "BL-ANB-UNDER1",
    .not_found = "§ 50",
    .source = "not found: § 50's text could not be read (statute-notes.md § 50); Ankestyrelsen's page on Serviceloven § 62",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Serviceloven § 62 let the committee set the renewal of a placement of a child under 1 at up to 3 years instead of "
                "1 or 2; its carry-over into § 50 is INFERRED (part B, BL-ANB-UNDER1 and BL-ANB-GENBEH).",
};

constexpr const Reason* under1_reasons[] = {&reasons::under_one, &reasons::three_years_over_one, &reasons::age_unknown};
constexpr Evidence under1_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::renewal_years_stated},
                                        {.type = EventType::afgoerelse, .attr = Attr::renewal_due}};
constexpr RuleMeta under1_meta{
    .id = "BL-ANB-UNDER1", .chapter = "placement", .title_da = "Genbehandlingsfrist på 3 år kun for børn under 1 år",
    .title_en = "A 3-year renewal period only for a child under 1", .severity = Severity::error, .confidence = Confidence::inferred,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline of its own: a decision that sets the renewal more than 2 years ahead (renewal-years-stated above 2, "
    "or a renewal-due more than 2 years after the decision's date) concerns a child under 1 on the decision's day. The "
    "renewal deadline itself is counted by BL-ANB-GENBEH.",
    .reading = "The child's age on the decision's day (the law README's age convention): under 1 is met, 1 or older violated. "
    "An unborn child (a § 46 stk. 4 or § 49 decision, or a decision before the due date of a child with no birth date) is "
    "under 1. No birth date and no due date: indeterminate. The other parts of the catalog's composite (the unborn-child "
    "placements and adoption considered) are BL-ANB-46-UNBORN, BL-ANB-49-UNBORN and BL-ANB-PERM-CONSIDER.",
    .predecessor = "Serviceloven § 62 stk. 5", .versions = under1_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="placement-without-consent" body="committee" section="§ 47" renewal-years-stated="3"/>)",
    .reasons = under1_reasons,
    .statute = &under1_statute,
    .phase = Phase::with,
    .evidence = under1_evidence};

class UnderOneRenewal final : public RuleImpl {
public:
    UnderOneRenewal() : RuleImpl(any_decision) {}  // every finding is about a decision
    const RuleMeta& meta() const override { return under1_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const auto longer_than_two_years = [](const Event& d) {
            if (const auto years = d.number(Attr::renewal_years_stated); years && *years > 2) return true;
            const auto due = d.date(Attr::renewal_due);
            return due && *due > months_after(d.at().day, 24);
        };
        for_each_trigger(c, ctx, out, under1_meta, EventType::afgoerelse, longer_than_two_years, [&](const Event& d, Finding& f) {
            f.attribute = d.has(Attr::renewal_years_stated) ? Attr::renewal_years_stated : Attr::renewal_due;
            const Value kind = decision_kind(d);
            const LocalDay day = d.at().day;
            bool under = false;
            if (kind == Value::placement_unborn_with_consent || kind == Value::placement_unborn_without_consent) {
                under = true;
            } else if (const auto age = child_age(c, ctx, day)) {
                under = *age < 1;
            } else if (c.child().due_date && day < *c.child().due_date) {
                under = true;
            } else {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                return;
            }
            f.status = under ? Status::met : Status::violated;
            f.reason = under ? &reasons::under_one : &reasons::three_years_over_one;
        });
    }
};

}  // namespace

const Rule& abuse_investigated() {
    static const AbuseInvestigated rule;
    return rule;
}
const Rule& support_person_before_placement() {
    static const SupportPerson rule;
    return rule;
}
const Rule& contact_views() {
    static const ContactViews rule;
    return rule;
}
const Rule& site_approved() {
    static const SiteApproved rule;
    return rule;
}
const Rule& under_one_renewal() {
    static const UnderOneRenewal rule;
    return rule;
}

}  // namespace barnetslov::rules
