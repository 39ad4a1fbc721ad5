// BL-SAMV-SUSPEND8W (part B § 2) and BL-BARN-SAMV-REQ (part A § 3): one duty each.
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/consents.hpp"

namespace barnetslov::rules {
namespace {

namespace reasons {

constexpr Reason child_request_missing{
    .key = "child_request_missing",
    .da = "Der er ingen anmodning fra barnet før afgørelsen.",
    .en = "There is no request from the child before the decision.",
};

}  // namespace reasons

using namespace rules_detail;


constexpr RuleVersion cap_versions[] = {
    {Law::barnets_lov, "§ 104 stk. 4", barnets_lov_start, l87_assumed, Confidence::confirmed,
     "before L 87; the end of this version on 1 Jan 2025 is the catalog's assumed date for L 87 (UNCONFIRMED)"},
    {Law::barnets_lov, "§ 104 stk. 5", l87_assumed, far_future, Confidence::confirmed, "after L 87 (date assumed, UNCONFIRMED)"},
};
constexpr StatuteRecord cap_statute{
    .rule = "BL-SAMV-SUSPEND8W",
    .read = "§ 104 stk. 5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104; renumbering by L 87, "
              "https://polspy.org/dk/dokumenter/1128878",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "On the child's request the municipality may suspend samvær with parents or network 'op til 8 uger': a "
                "maximum only, with no start event, no counting and nothing on renewal.",
    .conflict = "The catalog (marker CONFIRMED) tests end − start ≤ 56 days, which is right only for an exclusive end; "
                "the settled reading takes end as the last suspended day, at most start + 55 (INFERRED). The text "
                "settles neither.",
};

constexpr const Reason* cap_reasons[] = {&reasons::within_cap, &reasons::over_cap, &reasons::period_unknown};

// Judged from the decision's own period.
constexpr Evidence cap_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::start}, {.type = EventType::afgoerelse, .attr = Attr::end}};
constexpr RuleMeta cap_meta{
    .id = "BL-SAMV-SUSPEND8W", .chapter = "contact", .title_da = "Suspension af samvær på barnets anmodning i højst 8 uger",
    .title_en = "A suspension of contact at the child's request lasts at most 8 weeks", .severity = Severity::error, .confidence = Confidence::inferred,
    .convention = Convention::days_counting_first, .amount = 56,
    .counting = "A period of at most 8 weeks starting on day S covers at most 56 days counting S as day 1, so its last "
    "suspended day (end, inclusive) is at most S + 55 (law README, the N-week period row).",
    .reading = "The period is the decision's start (the first day without contact) and end (the last suspended day, "
    "inclusive): end at most start + 55 is met, later violated (INFERRED: § 104 stk. 5 says \"op til 8 uger\" and "
    "defines neither field). No start or end is indeterminate. "
    "New in barnets lov: not_applicable before 2024. Renewal or a new request straight after is UNCONFIRMED and not "
    "judged. The decision is judged by the section in force on its date (stk. 4, then stk. 5 from the assumed L 87 "
    "date).",
    .predecessor = "none (new in barnets lov)", .versions = cap_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<anmodning id="an1" at="2024-09-02" party="barn" topic="contact-suspension"/>
<afgoerelse id="d5" at="2024-09-05" kind="contact-suspension" ref="an1" start="2024-09-06" end="2024-10-31"/>)",
    .changed_from = "end at most start + 56 (end read as exclusive)",
    .reasons = cap_reasons,
    .statute = &cap_statute,
    .phase = Phase::with,
    .evidence = cap_evidence};

class SuspensionCap final : public RuleImpl {
public:
    SuspensionCap() : RuleImpl(KindSet{Value::contact_suspension}) {}
    const RuleMeta& meta() const override { return cap_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, cap_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::contact_suspension; },
                         [&](const Event& d, Finding& f) {
            const auto start = d.date(Attr::start), end = d.date(Attr::end);
            if (!start || !end) {
                f.status = Status::indeterminate;
                f.reason = &reasons::period_unknown;
                f.attribute = start ? Attr::end : Attr::start;
                return;
            }
            // The last day allowed: 56 days counting the start as day 1.
            Deadline limit = detail::make_deadline(cap_meta, Moment{{}, *start, false}, ctx.calendar);
            f.deadline = limit;
            f.done = Moment{ctx.calendar.start_of_local_day(*end), *end, false};
            f.margin = (limit.due_day - *end).count();
            f.margin_unit = MarginUnit::days;
            f.status = *end <= limit.due_day ? Status::met : Status::violated;
            f.reason = *end <= limit.due_day ? &reasons::within_cap : &reasons::over_cap;
        });
    }
};

constexpr RuleVersion request_versions[] = {
    {Law::barnets_lov, "§ 103 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, "new in barnets lov"},
};
constexpr StatuteRecord request_statute{
    .rule = "BL-BARN-SAMV-REQ",
    .read = "§ 103 stk. 2; § 104 stk. 3-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/103 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The child may ask that contact happens only with its støtteperson present, or that samvær is suspended "
                "for up to 8 weeks (§ 103 stk. 2); on that request the municipality may suspend samvær with parents or "
                "network for up to 8 weeks (§ 104 stk. 5 after L 87, stk. 4 before). No deadline for deciding.",
};

constexpr const Reason* request_reasons[] = {&reasons::child_request_found, &reasons::child_request_missing};

constexpr Evidence request_evidence[] = {{.type = EventType::anmodning}};
constexpr RuleMeta request_meta{
    .id = "BL-BARN-SAMV-REQ", .chapter = "involvement", .title_da = "Barnets anmodning om suspension af samvær",
    .title_en = "The child's request to suspend contact", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision suspending contact under § 104 stk. 5 (stk. 4 before L 87) rests on a request from the "
    "child, made before the decision.",
    .reading = "The request is an anmodning topic=\"contact-suspension\" from the child (party = the child's id), dated no later "
    "than the decision. A request for a støtteperson's presence (§ 104 stk. 4 after L 87) is "
    "recorded as topic=\"supported-contact\" and judged with BL-SAMV-SUPPORTED. The 8-week cap is "
    "BL-SAMV-SUSPEND8W.",
    .predecessor = "none (new in barnets lov)", .versions = request_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable}),
    .example = R"(<anmodning id="an1" at="2024-09-02" party="barn" topic="contact-suspension"/>
<afgoerelse id="d5" at="2024-09-05" kind="contact-suspension" ref="an1" start="2024-09-06" end="2024-10-31"/>)",
    .reasons = request_reasons,
    .statute = &request_statute,
    .phase = Phase::before,
    .evidence = request_evidence};

class SuspensionRequest final : public RuleImpl {
public:
    SuspensionRequest() : RuleImpl(KindSet{Value::contact_suspension}) {}
    const RuleMeta& meta() const override { return request_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<ChildRequests> requests;  // on first need
        for_each_trigger(c, ctx, out, request_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::contact_suspension; },
                         [&](const Event& d, Finding& f) {
            if (!requests) requests.emplace(c, Value::contact_suspension, ctx);
            const Event* request = requests->latest(d);
            use(f, request, EventRole::fulfilment);
            f.status = request ? Status::met : Status::violated;
            f.reason = request ? &reasons::child_request_found : &reasons::child_request_missing;
        });
    }
};

// ---- BL-SAMV-RIGHT: § 103 stk. 1, 3-5 (Serviceloven § 71 stk. 1) ---------------------------------

namespace reasons {

// § 103: a position on samvær is on file for the placement
constexpr Reason position_taken{
    .key = "position_taken",
    .da = "Kommunen har taget stilling til barnets samvær og kontakt under anbringelsen.",
    .en = "The municipality has taken a position on the child's samvær and contact during the placement.",
};

// § 103: none yet, the placement running (no deadline)
constexpr Reason position_outstanding{
    .key = "position_outstanding",
    .da = "Der er endnu ikke taget stilling til samvær; anbringelsen løber, og loven sætter ingen frist.",
    .en = "No position on samvær yet; the placement is running and the law sets no deadline.",
};

// § 103: the placement ended with none
constexpr Reason position_missing{
    .key = "position_missing",
    .da = "Anbringelsen sluttede, uden at kommunen havde taget stilling til samvær.",
    .en = "The placement ended without the municipality having taken a position on samvær.",
};

}  // namespace reasons

constexpr RuleVersion right_versions[] = {
    {Law::serviceloven, "§ 71 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old,
     "the duty CONFIRMED-OLD (Ankestyrelsen 5-21); no deadline, as under barnets lov"},
    {Law::barnets_lov, "§ 103 stk. 1, 3-5", barnets_lov_start, far_future, Confidence::confirmed,
     "the duty to take a position on samvær CONFIRMED (Ankestyrelsen 5-21); § 103 sets no deadline (text read)"},
};
constexpr StatuteRecord right_statute{
    .rule = "BL-SAMV-RIGHT",
    .read = "§ 103 stk. 1; § 103 stk. 3-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/103",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "During placement the child has a right to samvær and contact with parents and network and to have its "
                "views on them included (stk. 1); the municipality keeps the connection alive (stk. 3), supports the "
                "parents' role and informs them of the child's daily life (stk. 4); samvær under forældreansvarsloven "
                "continues unless regulated under §§ 104-105 (stk. 5). No deadline.",
};

constexpr const Reason* right_reasons[] = {
    &reasons::measure_ended, &reasons::position_taken, &reasons::position_outstanding, &reasons::position_missing,
};

// The decision taking a position on samvær.
constexpr Evidence right_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta right_meta{
    .id = "BL-SAMV-RIGHT", .chapter = "contact", .title_da = "Stillingtagen til samvær ved anbringelse", .title_en = "A position on samvær for a placed child",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: while a placement runs, the municipality takes a position on the child's samvær and contact — a "
    "decision or beslutning of kind contact, contact-supported, contact-suspension or contact-restriction, granted "
    "or refused — dated from the placement decision's date until the placement ends.",
    .reading = "§ 103 sets no deadline and the engine invents none (law README): with no position on file the finding is "
    "pending, without a due time, while the placement runs (or has yet to start); violated once the placement has "
    "ended with none; never late or missed — CONFIRMED. A position naming the placement decision wins, else the "
    "first from the placement decision's date. A placement decision naming an earlier one (an approval of the "
    "chair's decision) is the same placement and gives no second finding. A placement that ended on or before its "
    "first day never ran (not_applicable). The version is that in force on the placement's first day (its "
    "indsats-start, else the decision's start, else its date). Samvær agreed under forældreansvarsloven that "
    "simply continues is recorded as a beslutning of kind contact.",
    .predecessor = "Serviceloven § 71 stk. 1", .versions = right_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable}),
    .example = R"(<afgoerelse id="d4" at="2024-08-22" kind="placement-with-consent"/>
<afgoerelse id="d15" at="2024-08-29" kind="contact" form="beslutning" ref="d4"/>
<indsats-start id="m2" at="2024-09-01" ref="d4"/>)",
    .changed_from = "a deadline was counted from the placement and a late position was reported late or missed",
    .reasons = right_reasons,
    .statute = &right_statute,
    .phase = Phase::after,
    .evidence = right_evidence};

bool is_contact_position(Value kind) {
    return kind == Value::contact || kind == Value::contact_supported || kind == Value::contact_suspension ||
           kind == Value::contact_restriction;
}

class ContactPosition final : public RuleImpl {
public:
    ContactPosition() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return right_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        std::optional<std::vector<std::uint32_t>> positions;  // the known position decisions, on first need
        MeasureEnds ends(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            // One position a placement (starts_placement); an unborn child has no samvær yet.
            if (!ctx.known(d) || !starts_placement(c, d) || kind == Value::placement_unborn_with_consent ||
                kind == Value::placement_unborn_without_consent)
                continue;
            const Event* started = first_referrer(c, i, EventType::indsats_start, ctx);
            const LocalDay start = started ? started->at().day : d.date(Attr::start).value_or(d.at().day);
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, right_meta, d, start)) continue;
            use(f, started, EventRole::related);
            const auto end = ends.of(d);
            if (end && *end <= start) {  // ended before it began: no placement to take a position on
                f.status = Status::not_applicable;
                f.reason = &reasons::measure_ended;
                continue;
            }
            // The first position decision from the decision's date that names it, else the first at all; while
            // the placement ran (a position after its end is too late to count).
            const Event* position = nullptr;
            for (std::uint32_t k : c.referrers(i)) {
                const Event& e = c.event(k);
                if (e.type() == EventType::afgoerelse && ctx.known(e) && is_contact_position(decision_kind(e)) &&
                    e.at().day >= d.at().day) {
                    position = &e;
                    break;
                }
            }
            if (!position) {
                if (!positions) {
                    positions.emplace();
                    for (std::uint32_t k : c.events_of(EventType::afgoerelse))
                        if (ctx.known(c.event(k)) && is_contact_position(decision_kind(c.event(k)))) positions->emplace_back(k);
                }
                const auto from = from_day(c, *positions, d.at().day);
                if (!from.empty()) position = &c.event(from.front());
            }
            if (position && end && position->at().day > *end) position = nullptr;
            use(f, position, EventRole::fulfilment);
            if (position) {
                f.status = Status::met;
                f.reason = &reasons::position_taken;
                f.done = position->at();
            } else if (end) {
                f.status = Status::violated;
                f.reason = &reasons::position_missing;
            } else {
                f.status = Status::pending;  // no deadline: among the open duties, not the deadlines
                f.reason = &reasons::position_outstanding;
            }
        }
    }
};

// ---- BL-SAMV-SUPPORTED: § 104 stk. 3-4 -------------------------------------------------------------------

constexpr RuleVersion supported_versions[] = {
    {Law::barnets_lov, "§ 104 stk. 3", barnets_lov_start, l87_assumed, Confidence::confirmed, "before L 87: consent only"},
    {Law::barnets_lov, "§ 104 stk. 3-4", l87_assumed, far_future, Confidence::confirmed,
     "stk. 4 (the child's request) came with L 87, date in force assumed (UNCONFIRMED)"},
};
constexpr StatuteRecord supported_statute{
    .rule = "BL-SAMV-SUPPORTED",
    .read = "§ 104 stk. 3-4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Samvær with parents supported by a third person needs the consent of the custody holder and a young "
                "person of 15+ (stk. 3); samvær with the network supported by the child's støtteperson may be decided on "
                "the child's request (stk. 4, inserted by L 87).",
};

constexpr const Reason* supported_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::child_request_found, &reasons::consents_given,
    &reasons::consents_missing,
};

constexpr Evidence supported_evidence[] = {{.type = EventType::samtykke}, {.type = EventType::anmodning}};
constexpr RuleMeta supported_meta{
    .id = "BL-SAMV-SUPPORTED", .chapter = "contact", .title_da = "Støttet samvær med samtykke eller på barnets anmodning",
    .title_en = "Supported samvær with the custody holder's consent or at the child's request", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a decision on supported samvær with a third person (kind contact-supported) rests on each "
    "custody holder's consent given no later than it (stk. 3), or — from L 87 — on the child's own request "
    "(anmodning topic=\"supported-contact\" from the child) made no later than it (stk. 4).",
    .reading = "The young person's consent at 15 is BL-BARN-CONSENT15. A decision made without consent is a § 105 matter for "
    "the committee (BL-SAMV-BUU-105), so consent missing here is violated. New in barnets lov: not_applicable "
    "before 2024.",
    .predecessor = "none (new in barnets lov / L 87)", .versions = supported_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<samtykke id="sa10" at="2025-03-10" party="mor" ref="d16"/>
<afgoerelse id="d16" at="2025-03-12" kind="contact-supported"/>)",
    .reasons = supported_reasons,
    .statute = &supported_statute,
    .phase = Phase::before,
    .evidence = supported_evidence};

const ConsentRule supported_rule{supported_meta, {Value::contact_supported, false, 0, false, true}};

}  // namespace

const Rule& contact_position() {
    static const ContactPosition rule;
    return rule;
}
const Rule& supported_contact() { return supported_rule; }

const Rule& contact_suspension_cap() {
    static const SuspensionCap rule;
    return rule;
}
const Rule& contact_suspension_request() {
    static const SuspensionRequest rule;
    return rule;
}

}  // namespace barnetslov::rules
