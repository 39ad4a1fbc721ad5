// Ungestøtte (catalog part B § 4): who may receive it and on what terms (§§ 113-116), and the
// fast kontaktperson a young person placed without consent must be offered (SEL § 76 stk. 5).
// The age limit of 23 is BL-UNG-REESTABLISH, the decision by 17½ BL-UNG-111-6M.
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

bool placement_in_effect_kind(Value kind) {
    return is_placement(kind) || kind == Value::placement_continued || kind == Value::permanent_placement;
}

// A granted decision `is_kind` accepts whose measure was in effect on `day`: started (its
// indsats-start, else the decision's date) on or before it and not ended before it.
template <class KindTest>
const Event* in_effect_on(const Case& c, LocalDay day, const EvalContext& ctx, MeasureEnds& ends, KindTest is_kind) {
    for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(k);
        if (!ctx.known(d) || !is_kind(decision_kind(d)) || d.value(Attr::outcome) == Value::refused) continue;
        const Event* started = first_referrer(c, k, EventType::indsats_start, ctx);
        const LocalDay from = started ? started->at().day : d.at().day;
        const auto end = ends.of(d);
        if (from <= day && (!end || *end >= day)) return &d;
    }
    return nullptr;
}

// ---- BL-UNG-TARGET: §§ 113-116 (Serviceloven § 76) -------------------------------------------------------

namespace reasons {

// in ungestøtte's target group
constexpr Reason eligible{
    .key = "eligible",
    .da = "Den unge var anbragt eller havde fast kontaktperson dagen før det 18. år.",
    .en = "The young person was placed or had a fast kontaktperson on the day before turning 18.",
};

constexpr Reason not_eligible{
    .key = "not_eligible",
    .da = "Den unge var hverken anbragt eller havde fast kontaktperson dagen før det 18. år.",
    .en = "The young person was neither placed nor had a fast kontaktperson on the day before turning 18.",
};

}  // namespace reasons

constexpr RuleVersion target_versions[] = {
    {Law::serviceloven, "§ 76", far_past, barnets_lov_start, Confidence::confirmed_old, "efterværn: the same target group and consent"},
    {Law::barnets_lov, "§§ 113-116", barnets_lov_start, far_future, Confidence::confirmed,
     "the substance CONFIRMED (ministry, Ankestyrelsen); the split over §§ 113-116 UNCONFIRMED"},
};
constexpr StatuteRecord target_statute{
    .rule = "BL-UNG-TARGET",
    .not_found = "§§ 113-116; § 120",
    .source = "not found; best secondary source: Social- og Boligministeriet, "
              "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The ministry places the conditions in §§ 113-116: young people of 18-22 who were placed or had a "
                "kontaktperson immediately before 18, and who agree; forms include a continued stay, a fast "
                "kontaktperson and udslusning; support may be granted until the 23rd birthday. The split among the "
                "paragraphs is not known.",
};

constexpr const Reason* target_reasons[] = {
    &reasons::age_unknown, &reasons::consent_given, &reasons::consent_missing, &reasons::eligible,
    &reasons::not_eligible,
};

constexpr Evidence target_evidence[] = {{.type = EventType::samtykke}, {.type = EventType::anmodning}};
constexpr RuleMeta target_meta{
    .id = "BL-UNG-TARGET", .chapter = "aftercare", .title_da = "Ungestøtte til målgruppen og med den unges samtykke",
    .title_en = "Ungestøtte for the target group, with the young person's agreement", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline; two findings about each granted ungestøtte decision: the young person was placed, or had a fast "
    "kontaktperson, on the day before the 18th birthday (eligible / not_eligible); and agreed to the support no "
    "later than the decision (consent_given / consent_missing).",
    .reading = "Placed means a placement decision (§§ 46, 47, 49, 50, 67) whose measure had started and not ended before "
    "that day; a fast kontaktperson a decision of kind fast-kontaktperson likewise. Before that day has come, "
    "the young person's situation on the as-of day is judged. "
    "Agreement is a samtykke from the young person (answer given) or the young person's own request "
    "(anmodning topic=\"ungestoette\"). No birth date: the eligibility is indeterminate. Before 23 is "
    "BL-UNG-REESTABLISH's.",
    .predecessor = "Serviceloven § 76", .versions = target_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<afgoerelse id="d4" at="2020-03-02" kind="placement-with-consent"/>
<samtykke id="sa11" at="2025-01-20" party="barn" ref="d13"/>
<afgoerelse id="d13" at="2025-02-14" kind="ungestoette"/>)",
    .reasons = target_reasons,
    .statute = &target_statute,
    .phase = Phase::before,
    .evidence = target_evidence};

class UngestoetteTarget final : public RuleImpl {
public:
    UngestoetteTarget() : RuleImpl(KindSet{Value::ungestoette}) {}
    const RuleMeta& meta() const override { return target_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<Answers> answers;  // indexed on first need
        Deferred<ChildRequests> requests;  // likewise
        // BL-UNG-TARGET: the day judged is the same for every decision (the eve of the 18th birthday or
        // the as-of day), so is the basis; found once, where a search of every decision's measure per
        // ungestøtte decision grew with the square of the case.
        std::optional<const Event*> basis;
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::ungestoette || d.value(Attr::outcome) == Value::refused) continue;
            auto eligibility_slot = out.add();
            Finding& eligibility = *eligibility_slot;
            judge_eligibility(c, d, ctx, basis, eligibility);
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, target_meta, d, d.at().day)) continue;
            if (!answers) answers.emplace(c, ctx);
            const Event* agreed = answers->latest(d, 0);
            if (!consent_given(agreed)) {
                if (!requests) requests.emplace(c, Value::ungestoette, ctx);
                agreed = requests->latest(d);
            }
            use(f, agreed, EventRole::fulfilment);
            f.status = agreed ? Status::met : Status::violated;
            f.reason = agreed ? &reasons::consent_given : &reasons::consent_missing;
        }
    }

private:
    static void judge_eligibility(const Case& c, const Event& d, const EvalContext& ctx, std::optional<const Event*>& basis_once,
                                  Finding& f) {
        if (!open_finding(f, target_meta, d, d.at().day)) return;
        if (!c.child().birth_date) {
            f.status = Status::indeterminate;
            f.reason = &reasons::age_unknown;
            return;
        }
        const LocalDay eve = birthday(*c.child().birth_date, 18) - date::days{1};
        const LocalDay day = std::min(ctx.as_of_day, eve);
        if (!basis_once) {
            MeasureEnds ends(c, ctx);
            const Event* found = in_effect_on(c, day, ctx, ends, placement_in_effect_kind);
            if (!found) found = in_effect_on(c, day, ctx, ends, [](Value k) { return k == Value::fast_kontaktperson; });
            basis_once = found;
        }
        const Event* basis = *basis_once;
        use(f, basis, EventRole::related);
        f.status = basis ? Status::met : Status::violated;
        f.reason = basis ? &reasons::eligible : &reasons::not_eligible;
    }
};

// ---- BL-UNG-KONTAKT-MANDATORY: SEL § 76 stk. 5 (barnets lov section UNCONFIRMED) -------------------------

namespace reasons {

// the duty is owed to a group the young person is not in
constexpr Reason not_in_target_group{
    .key = "not_in_target_group",
    .da = "Den unge hører ikke til den gruppe, pligten gælder.",
    .en = "The young person is not in the group the duty is owed to.",
};

// § 111: the placement began after the limit day 6 months before the 18th birthday
constexpr Reason placed_after_limit_day{
    .key = "placed_after_limit_day",
    .da = "Anbringelsen begyndte efter § 111-dagen (6 måneder før det 18. år), så fristen kan ikke gælde for den.",
    .en = "The placement began after the § 111 limit day (6 months before the 18th birthday), so the deadline cannot apply to it.",
};

}  // namespace reasons

constexpr RuleVersion kontakt_versions[] = {
    {Law::serviceloven, "§ 76 stk. 5", far_past, barnets_lov_start, Confidence::confirmed_old, "placed without consent"},
    {Law::barnets_lov, "§ 115 or § 116 (UNCONFIRMED)", barnets_lov_start, far_future, Confidence::unconfirmed,
     "the duty CONFIRMED (ministry); the section and the groups beyond § 47 placements UNCONFIRMED"},
};
constexpr StatuteRecord kontakt_statute{
    .rule = "BL-UNG-KONTAKT-MANDATORY",
    .not_found = "§§ 113-116",
    .source = "not found; best secondary source: Social- og Boligministeriet, "
              "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The ministry says the municipality is in some cases obliged to offer a previously placed young person a "
                "fast kontaktperson when no continued stay is offered; the groups are not named.",
};

constexpr const Reason* kontakt_reasons[] = {
    &reasons::age_unknown, &reasons::not_in_target_group, &reasons::placed_after_limit_day,
};

// The offer of a fast kontaktperson, or the ungestøtte decision.
constexpr Evidence kontakt_evidence[] = {{.type = EventType::tilbud}, {.type = EventType::afgoerelse}};
constexpr RuleMeta kontakt_meta{
    .id = "BL-UNG-KONTAKT-MANDATORY", .chapter = "aftercare", .title_da = "Tilbud om fast kontaktperson efter anbringelse uden samtykke",
    .title_en = "A fast kontaktperson offered after a placement without consent", .severity = Severity::error, .confidence = Confidence::inferred,
    .convention = Convention::months_before, .amount = 6,
    .counting = "By the end of the day 6 months before the 18th birthday — the § 111 limit day: the same day-of-month 6 months "
    "earlier, clamped to the month's last day (law README, months before a date, upper bound) — a young person "
    "placed without consent has been offered a fast kontaktperson (tilbud topic=\"fast-kontaktperson\" to the "
    "young person) or granted ungestøtte (opretholdt døgnophold).",
    .reading = "Due with the § 111 decision on ungestøtte, whose alternative the offer is (INFERRED). For each placement "
    "without consent (its indsats-start) running on the day before the 18th birthday, the group the duty is owed "
    "to; one that ended earlier is outside the group (not_applicable), one that started after the limit day cannot "
    "meet the deadline and is not_applicable with that reason. Any granted ungestøtte decision after the placement "
    "started counts, since the file does not record its form. The groups beyond § 47 placements (secure "
    "institutions, convictions) are UNCONFIRMED under barnets lov and not checked. The finding appears from a year "
    "before the due day. No birth date: indeterminate.",
    .predecessor = "Serviceloven § 76 stk. 5", .versions = kontakt_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<indsats-start id="m4" at="2022-06-01" ref="d3"/>
<tilbud id="tl1" at="2025-01-10" party="barn" topic="fast-kontaktperson" answer="accepted"/>)",
    .changed_from = "due by the day before the 18th birthday",
    .reasons = kontakt_reasons,
    .statute = &kontakt_statute,
    .phase = Phase::after,
    .evidence = kontakt_evidence};

class MandatoryContactPerson final : public RuleImpl {
    // The known events that fulfil the duty, in time order: an offer of a fast kontaktperson to the
    // young person, or a granted ungestøtte decision. The first from a placement's start is its
    // fulfilment; listing them once spares a scan of the whole case per placement.
    static std::vector<std::uint32_t> fulfilling_events(const Case& c, const EvalContext& ctx) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t k : c.events_of(EventType::tilbud)) {
            const Event& e = c.event(k);
            if (ctx.known(e) && from_child(e) && e.value(Attr::topic) == Value::fast_kontaktperson) out.emplace_back(k);
        }
        for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
            const Event& e = c.event(k);
            if (ctx.known(e) && decision_kind(e) == Value::ungestoette && e.value(Attr::outcome) != Value::refused) out.emplace_back(k);
        }
        std::sort(out.begin(), out.end());  // indices are the case's time order
        return out;
    }

public:
    MandatoryContactPerson() : RuleImpl(KindSet{Value::placement_without_consent}) {}
    const RuleMeta& meta() const override { return kontakt_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        std::optional<std::vector<std::uint32_t>> fulfilling;  // built on first need, shared by every placement
        MeasureEnds ends(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            const Event* decision = measure_decision(c, start);
            if (!ctx.known(start) || !decision || decision_kind(*decision) != Value::placement_without_consent) continue;
            if (!c.child().birth_date) {
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (!open_finding(f, kontakt_meta, start, start.at().day)) continue;
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            const LocalDay eighteen = birthday(*c.child().birth_date, 18);
            const LocalDay eve = eighteen - date::days{1};
            const Deadline dl = detail::make_deadline(kontakt_meta, Moment{{}, eighteen, false}, ctx.calendar);
            // Not yet within a year of the due day: not on the list yet.
            if (start.at().day <= dl.due_day && dl.due_day > ctx.as_of_day + date::days{366}) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, kontakt_meta, start, dl.due_day)) continue;
            if (start.at().day > dl.due_day) {
                // Placed after the limit day: the deadline cannot apply, and the file says why (never silent).
                f.deadline = dl;
                f.status = Status::not_applicable;
                f.reason = &reasons::placed_after_limit_day;
                continue;
            }
            if (const auto end = ends.of(*decision); end && *end < eve) {
                f.deadline = dl;
                f.status = Status::not_applicable;
                f.reason = &reasons::not_in_target_group;
                continue;
            }
            if (!fulfilling) fulfilling = fulfilling_events(c, ctx);
            const auto from_start = from_day(c, *fulfilling, start.at().day);
            const Event* done = from_start.empty() ? nullptr : &c.event(from_start.front());
            use(f, done, EventRole::fulfilment);
            judge_by(f, dl, done, ctx);
        }
    }
};

}  // namespace

const Rule& ungestoette_target() {
    static const UngestoetteTarget rule;
    return rule;
}
const Rule& mandatory_contact_person() {
    static const MandatoryContactPerson rule;
    return rule;
}

}  // namespace barnetslov::rules
