// BL-SCR-01, BL-SCR-RISK, BL-UNDS-PRE-ANB, BL-UNDS-2RAD, BL-UNDS-COOP15, BL-UNDS-SIB
// (catalog part A § 2): the steps around a børnefaglig undersøgelse.
#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr RuleVersion from_2024(std::string_view section, std::string_view note = "new in barnets lov") {
    return {Law::barnets_lov, section, barnets_lov_start, far_future, Confidence::confirmed, note};
}

bool is_parent_or_network(const Person& p) {
    return p.role == Value::custody_holder || p.role == Value::parent || p.role == Value::network;
}

// ---- BL-SCR-01: § 18 stk. 1-2 --------------------------------------------------------------------

constexpr RuleVersion scr_versions[] = {from_2024("§ 18 stk. 1-2")};
constexpr StatuteRecord scr_statute{
    .rule = "BL-SCR-01",
    .read = "§ 18 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/18",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Knowing or having reason to assume that a child needs help, the municipality screens for one of three "
                "outcomes: nothing further, an afdækning (§ 19) or a børnefaglig undersøgelse (§§ 20-22), weighing the "
                "case's complexity and any reduced functional ability. No deadline.",
};

constexpr const Reason* scr_reasons[] = {&reasons::step_recorded, &reasons::step_outstanding};

constexpr Evidence scr_evidence[] = {{.type = EventType::screening}, {.type = EventType::afdaekning}, {.type = EventType::undersoegelse}};
constexpr RuleMeta scr_meta{
    .id = "BL-SCR-01", .chapter = "investigation", .title_da = "Screening efter underretning", .title_en = "Screening after an underretning", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline in statute: an underretning is followed by a screening with one of § 18 stk. 2's outcomes, or "
    "directly by an afdækning or a børnefaglig undersøgelse.",
    .reading = "Every underretning from 2024 is read as giving reason to screen; a screening with outcome no-action is the "
    "lawful way to close it. The step serves the underretning by the law README's serving rule (it names the "
    "underretning in ref, or names none and this is the latest underretning on or before it). Until one does, the "
    "finding is pending without a due date (the law sets none). A step naming the underretning but dated before "
    "it is indeterminate (inconsistent dates). New in barnets lov: not_applicable before 2024.",
    .predecessor = "none (cf. SEL § 50)", .versions = scr_versions, .statuses = status_bits({Status::met, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<underretning id="u1" received-at="2024-09-02T10:15" notifier="professional"/>
<screening id="s1" at="2024-09-06" ref="u1" outcome="no-action"/>)",
    .changed_from = "only a screening, afdækning or undersøgelse naming the underretning counted, and one dated before it was met",
    .reasons = scr_reasons,
    .statute = &scr_statute,
    .evidence = scr_evidence};

class Screening final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return scr_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const AfterRecords steps[] = {{c, ctx, EventType::underretning, EventType::screening},
                                      {c, ctx, EventType::underretning, EventType::afdaekning},
                                      {c, ctx, EventType::underretning, EventType::undersoegelse}};
        for_each_trigger(c, ctx, out, scr_meta, EventType::underretning, [&](const Event& u, Finding& f) {
            const Event* step = nullptr;
            for (const AfterRecords& s : steps)
                if (!step) step = s.serving(u);
            use(f, step, EventRole::fulfilment);
            f.status = step ? Status::met : Status::pending;
            f.reason = step ? &reasons::step_recorded : &reasons::step_outstanding;
            if (step && detail::order(step->at(), u.at()) == detail::Order::before) {
                f.status = Status::indeterminate;  // the step answers the underretning but is dated before it
                f.reason = &reasons::inconsistent_dates;
            }
        });
    }
};

// ---- BL-SCR-RISK: § 18 stk. 3 --------------------------------------------------------------------

namespace reasons {

// § 18 stk. 3: the risk assessment came before the parents were involved
constexpr Reason risk_assessed_first{
    .key = "risk_assessed_first",
    .da = "Risikovurderingen blev foretaget, før forældrene blev inddraget.",
    .en = "The risk assessment was made before the parents were involved.",
};

constexpr Reason parents_involved_first{
    .key = "parents_involved_first",
    .da = "Forældrene blev inddraget, før der forelå en risikovurdering.",
    .en = "The parents were involved before there was a risk assessment.",
};

// not yet made, and the parents not yet involved
constexpr Reason risk_assessment_outstanding{
    .key = "risk_assessment_outstanding",
    .da = "Risikovurderingen mangler; den skal foreligge, før forældrene inddrages.",
    .en = "The risk assessment is still to be made, before the parents are involved.",
};

}  // namespace reasons

constexpr RuleVersion risk_versions[] = {from_2024("§ 18 stk. 3")};
constexpr StatuteRecord risk_statute{
    .rule = "BL-SCR-RISK",
    .read = "§ 18 stk. 3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/18",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Where the screening shows possible honour-related conflict or negative social control, a risk "
                "assessment must be made before the parents and the network are involved.",
};

constexpr const Reason* risk_reasons[] = {
    &reasons::risk_assessed_first, &reasons::parents_involved_first, &reasons::risk_assessment_outstanding,
};

constexpr Evidence risk_evidence[] = {{.type = EventType::risikovurdering}};
constexpr RuleMeta risk_meta{
    .id = "BL-SCR-RISK", .chapter = "investigation", .title_da = "Risikovurdering før inddragelse af forældrene",
    .title_en = "Risk assessment before the parents are involved", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "Ordering, no deadline: when the screening indicates honour-related conflict or negative social control, a "
    "risk assessment is made before the parents or the network are first involved.",
    .reading = "In scope: screenings with honour-related=\"true\". The risk assessment is the first risikovurdering naming the "
    "screening or dated from its day; involvement is the first kontakt with a party of role custody-holder, parent "
    "or network, or a conversation with the child with parents-present=\"true\", from the screening's day. Same date without times: indeterminate. Neither yet: pending (before the "
    "parents are contacted). New in barnets lov.",
    .predecessor = "none (new in barnets lov)", .versions = risk_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<screening id="s1" at="2024-04-03" ref="u1" outcome="undersoegelse" honour-related="true"/>
<risikovurdering id="r1" at="2024-04-04" ref="s1"/>
<kontakt id="c1" at="2024-04-10" party="mor"/>)",
    .reasons = risk_reasons,
    .statute = &risk_statute,
    .evidence = risk_evidence};

class RiskAssessmentFirst final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return risk_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // The known risk assessments, and the known events that involve the parents (a contact with a parent
        // or the network, a conversation they attend), in time order: listed once, on first need. A scan of
        // the assessments and of the whole case per screening grew with the square of the case.
        Deferred<IndexList> risks, involving;
        for_each_trigger(c, ctx, out, risk_meta, EventType::screening, [&](const Event& s) { return s.flag(Attr::honour_related) == true; },
                         [&](const Event& s, Finding& f) {
            const std::uint32_t i = s.index();
            if (!risks) {
                risks.emplace();
                for (std::uint32_t k : c.events_of(EventType::risikovurdering))
                    if (ctx.known(c.event(k))) risks->emplace_back(k);
                involving.emplace();
                for (EventType t : {EventType::kontakt, EventType::boernesamtale})
                    for (std::uint32_t k : c.events_of(t)) {
                        const Event& e = c.event(k);
                        const auto who = e.person(Attr::party);
                        if (ctx.known(e) && ((e.type() == EventType::kontakt && who && is_parent_or_network(c.persons()[*who])) ||
                                             (e.type() == EventType::boernesamtale && e.flag(Attr::parents_present) == true)))
                            involving->emplace_back(k);
                    }
                std::sort(involving->begin(), involving->end());  // indices are the case's time order
            }
            // The first assessment naming the screening or dated from its day on.
            const Event* risk = nullptr;
            for (std::uint32_t k : c.referrers(i))
                if (c.event(k).type() == EventType::risikovurdering && ctx.known(c.event(k))) {
                    risk = &c.event(k);
                    break;
                }
            if (const auto later = from_day(c, all(*risks), s.at().day); !later.empty() && (!risk || later.front() < risk->index()))
                risk = &c.event(later.front());
            // The parents are involved by the first contact with them, or a conversation they attend.
            const auto from = from_day(c, all(*involving), s.at().day);
            const Event* contact = from.empty() ? nullptr : &c.event(from.front());
            use(f, risk, EventRole::fulfilment);
            use(f, contact, EventRole::related);
            const auto order = risk && contact ? detail::order(risk->at(), contact->at()) : detail::Order::before;
            if (risk && order == detail::Order::before) {
                f.status = Status::met;
                f.reason = &reasons::risk_assessed_first;
            } else if (risk && order == detail::Order::unknown) {
                f.status = Status::indeterminate;
                f.reason = &reasons::order_unknown;
            } else if (contact) {
                f.status = Status::violated;
                f.reason = &reasons::parents_involved_first;
            } else {
                f.status = Status::pending;
                f.reason = &reasons::risk_assessment_outstanding;
            }
        });
    }
};

// ---- BL-UNDS-PRE-ANB: § 46 stk. 3, § 47 stk. 2 (Serviceloven §§ 52, 58) ----------------------------

namespace reasons {

constexpr Reason investigation_concluded_first{
    .key = "investigation_concluded_first",
    .da = "En afsluttet børnefaglig undersøgelse gik forud for anbringelsen.",
    .en = "A concluded børnefaglig undersøgelse preceded the placement.",
};

// § 46 stk. 3: a provisional placement with the undersøgelse running
constexpr Reason investigation_in_parallel{
    .key = "investigation_in_parallel",
    .da = "Foreløbig anbringelse med undersøgelsen i gang sideløbende.",
    .en = "A provisional placement with the undersøgelse running in parallel.",
};

constexpr Reason investigation_missing{
    .key = "investigation_missing",
    .da = "Der forelå ingen afsluttet børnefaglig undersøgelse før anbringelsen.",
    .en = "No concluded børnefaglig undersøgelse preceded the placement.",
};

}  // namespace reasons

constexpr RuleVersion pre_anb_versions[] = {
    {Law::serviceloven, "§ 52, § 58", far_past, barnets_lov_start, Confidence::confirmed_old, "an undersøgelse (§ 50) before a placement"},
    {Law::barnets_lov, "§ 46 stk. 3, § 47 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord pre_anb_statute{
    .rule = "BL-UNDS-PRE-ANB",
    .read = "§ 46 stk. 3; § 47 stk. 2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
    .noted_in = "statute-notes.md (§ 47); issue 14 lookup (§ 46)",
    .read_on = december_2026,
    .confirms = "A placement with consent only after a § 20 (or ungefaglig) undersøgelse, though a provisional or acute "
                "one may run in parallel when special circumstances speak for it (§ 46 stk. 3); a placement without "
                "consent only on a founded presumption after an undersøgelse under § 20 or § 26 (§ 47 stk. 2).",
    .conflict = "§ 47 has no parallel route of its own: besides § 46 stk. 3, only the chair's § 143 decision is named as "
                "running beside an undersøgelse (§ 22 stk. 6, § 95 stk. 2). The rule's reading accepts "
                "provisional=\"true\" on any placement decision, so a committee decision under § 47 marked provisional "
                "passes where the text does not allow it.",
};

constexpr const Reason* pre_anb_reasons[] = {
    &reasons::investigation_concluded_first, &reasons::investigation_in_parallel, &reasons::investigation_missing,
};

// The conclusion, or the undersøgelse running beside a provisional placement (the exception).
constexpr Evidence pre_anb_evidence[] = {{.type = EventType::undersoegelse_afsluttet}, {.type = EventType::undersoegelse}};
constexpr RuleMeta pre_anb_meta{
    .id = "BL-UNDS-PRE-ANB", .chapter = "investigation", .title_da = "Børnefaglig undersøgelse før anbringelse", .title_en = "An undersøgelse before a placement",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "Ordering, no deadline: a placement decision rests on a børnefaglig (or ungefaglig, or for an unborn child a "
    "§ 26) undersøgelse concluded before it; a provisional placement (provisional=\"true\") may be decided while "
    "the undersøgelse runs in parallel.",
    .reading = "Concluded before means an undersoegelse-afsluttet on an earlier date (or earlier time); the same date without "
    "times is indeterminate. A provisional placement is met on that basis when an undersøgelse had started by the "
    "decision and was not yet concluded; without one it is violated.",
    .predecessor = "Serviceloven §§ 52, 58", .versions = pre_anb_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<undersoegelse-afsluttet id="bfu1-end" at="2024-08-10" ref="bfu1"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>)",
    .reasons = pre_anb_reasons,
    .statute = &pre_anb_statute,
    .phase = Phase::before,
    .evidence = pre_anb_evidence};

// The known conclusions of undersøgelser in time order, listed once per evaluation for BL-UNDS-PRE-ANB:
// a placement decision looks at the latest certainly before it and at those of its own date. A scan of the
// day's conclusions per decision grew with the square of the case where many shared a date; the decisions
// come in time order, so cursors moving forward (advance) find both, reading the list once overall.
class KnownConclusions {
public:
    KnownConclusions(const Case& c, const EvalContext& ctx) : c_(c) {
        for (std::uint32_t k : c.events_of(EventType::undersoegelse_afsluttet))
            if (ctx.known(c.event(k))) list_.emplace_back(k);
        // last_timed_[k]: the last position up to k of a conclusion with a time (-1: none); next_untimed_[k]:
        // the first position from k of one without.
        last_timed_.resize(list_.size());
        next_untimed_.resize(list_.size() + 1);
        for (std::size_t k = 0; k < list_.size(); ++k)
            last_timed_[k] = c.event(list_[k]).at().has_time ? static_cast<int>(k) : (k > 0 ? last_timed_[k - 1] : -1);
        next_untimed_[list_.size()] = list_.size();
        for (std::size_t k = list_.size(); k-- > 0;)
            next_untimed_[k] = c.event(list_[k]).at().has_time ? next_untimed_[k + 1] : k;
    }
    // For decision moment `m`, in time order of the decisions: the latest conclusion certainly before it, and
    // the first of m's date whose order against it is unknown (any of that date when `m` has no time; else the
    // first without a time, or with m's very instant).
    struct Found {
        const Event* before = nullptr;
        const Event* same_day = nullptr;
    };
    [[nodiscard]] Found at(const Moment& m) {
        const std::span<const std::uint32_t> list = all(list_);
        const std::size_t begin = advance(list, day_, [&](std::uint32_t k) { return c_.event(k).at().day < m.day; });
        const std::size_t end = advance(list, next_day_, [&](std::uint32_t k) { return c_.event(k).at().day <= m.day; });
        const std::size_t earlier = advance(list, instant_, [&](std::uint32_t k) { return c_.event(k).at().instant < m.instant; });
        Found out;
        // Certainly before: on an earlier day, or (m with a time) with a time before m's.
        int before = static_cast<int>(begin) - 1;
        if (m.has_time && earlier > 0) before = std::max(before, last_timed_[earlier - 1]);
        if (before >= 0) out.before = &c_.event(list_[static_cast<std::size_t>(before)]);
        if (begin < end) {
            std::size_t first = end;
            if (!m.has_time) first = begin;
            else {
                first = std::min(next_untimed_[begin], end);
                if (earlier < end && c_.event(list_[earlier]).at().instant == m.instant) first = std::min(first, earlier);
            }
            if (first < end) out.same_day = &c_.event(list_[first]);
        }
        return out;
    }

private:
    const Case& c_;
    IndexList list_;
    boost::container::small_vector<int, 16> last_timed_;
    boost::container::small_vector<std::size_t, 16> next_untimed_;
    std::size_t day_ = 0, next_day_ = 0, instant_ = 0;  // cursors (advance)
};

class InvestigationBeforePlacement final : public RuleImpl {
public:
    InvestigationBeforePlacement() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return pre_anb_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<KnownConclusions> conclusions;  // on first need
        Deferred<IndexList> started;  // the known undersøgelser, on first need
        std::size_t started_by = 0;                          // cursor (advance): those dated by the decision's date
        for_each_trigger(c, ctx, out, pre_anb_meta, EventType::afgoerelse, [&](const Event& d) { return is_placement(decision_kind(d)) && d.value(Attr::outcome) != Value::refused; },
                         [&](const Event& d, Finding& f) {
            // A conclusion certainly before the decision wins over one whose order on the day is unknown: the
            // latest certainly before it, else the first of its date whose order is unknown.
            if (!conclusions) conclusions.emplace(c, ctx);
            const auto [before, same_day] = conclusions->at(d.at());
            if (before || same_day) {
                use(f, before ? before : same_day, EventRole::fulfilment);
                f.status = before ? Status::met : Status::indeterminate;
                f.reason = before ? &reasons::investigation_concluded_first : &reasons::order_unknown;
                return;
            }
            // The latest undersøgelse started by the decision's date.
            if (!started) {
                started.emplace();
                for (std::uint32_t k : c.events_of(EventType::undersoegelse))
                    if (ctx.known(c.event(k))) started->emplace_back(k);
            }
            const Event* running = nullptr;
            if (const std::size_t n = advance(all(*started), started_by, [&](std::uint32_t k) { return c.event(k).at().day <= d.at().day; }); n > 0)
                running = &c.event((*started)[n - 1]);
            if (running && d.flag(Attr::provisional) == true) {
                use(f, running, EventRole::exception);
                f.status = Status::met;
                f.reason = &reasons::investigation_in_parallel;
                f.basis = Basis::provisional_parallel;
            } else {
                use(f, running, EventRole::related);
                f.status = Status::violated;
                f.reason = &reasons::investigation_missing;
            }
        });
    }
};

// ---- BL-UNDS-2RAD: § 21 stk. 5 ---------------------------------------------------------------------

namespace reasons {

// § 21 stk. 5: the family has had support before
constexpr Reason not_first_time{
    .key = "not_first_time",
    .da = "Familien har tidligere fået støtte; kravet om to rådgivere gælder førstegangssager.",
    .en = "The family has had support before; two caseworkers are required in first-time cases.",
};

// § 21 stk. 5: one caseworker, with a recorded reason
constexpr Reason deviation_explained{
    .key = "deviation_explained",
    .da = "Der var ikke to rådgivere, men afvigelsen er begrundet (deviation-reason); § 21, stk. 5 gælder som udgangspunkt.",
    .en = "There were not two caseworkers, but the deviation is explained (deviation-reason); § 21 stk. 5 is a starting point.",
};

// § 21 stk. 5: one caseworker, no reason on file
constexpr Reason deviation_unexplained{
    .key = "deviation_unexplained",
    .da = "Der var ikke to rådgivere, og sagen angiver ingen begrundelse for afvigelsen (deviation-reason).",
    .en = "There were not two caseworkers, and the file records no reason for the deviation (deviation-reason).",
};

}  // namespace reasons

constexpr RuleVersion two_versions[] = {{Law::barnets_lov, "§ 21 stk. 5", barnets_lov_start, far_future, Confidence::inferred,
                                         "new in barnets lov; \"som udgangspunkt\": a recorded reason to deviate is INFERRED to suffice"}};
constexpr StatuteRecord two_statute{
    .rule = "BL-UNDS-2RAD",
    .read = "§ 21 stk. 5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/21",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Where no § 32 measure or placement (§§ 46, 47) came before, key meetings with the child during the "
                "undersøgelse are held 'som udgangspunkt' with two børne- og ungerådgivere: a reasoned deviation is "
                "possible, as the settled reading says.",
};

constexpr const Reason* two_reasons[] = {
    &reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::not_first_time,
    &reasons::deviation_explained, &reasons::deviation_unexplained,
};

// Judged from the undersøgelse's own two-caseworkers.
constexpr Evidence two_evidence[] = {{.type = EventType::undersoegelse, .attr = Attr::two_caseworkers}};
constexpr RuleMeta two_meta{
    .id = "BL-UNDS-2RAD", .chapter = "investigation", .title_da = "To børne- og ungerådgivere i førstegangssager",
    .title_en = "Two caseworkers at key meetings in a first-time case", .severity = Severity::warning, .confidence = Confidence::inferred,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: in an undersøgelse where the family has had no § 32 measure or placement before, key meetings "
    "with the child are as a starting point held with two børne- og ungerådgivere (two-caseworkers).",
    .reading = "First-time: no decision granting a supportive measure or a placement before the undersøgelse started. "
    "two-caseworkers=\"true\" is met. § 21 stk. 5 says \"som udgangspunkt\", so two-caseworkers=\"false\" with a "
    "recorded reason for the deviation (deviation-reason, free text the engine never reads beyond its presence) is "
    "met with that basis, and without one indeterminate (deviation not explained) — never violated (INFERRED). "
    "two-caseworkers absent is indeterminate. New in barnets lov.",
    .predecessor = "none (new in barnets lov)", .versions = two_versions,
    .statuses = status_bits({Status::met, Status::not_applicable, Status::indeterminate}),
    .example = R"(<undersoegelse id="bfu1" at="2024-02-20" ref="s1" two-caseworkers="false" deviation-reason="the family asked for one caseworker"/>)",
    .changed_from = "two-caseworkers=\"false\" was violated whatever the reason",
    .reasons = two_reasons,
    .statute = &two_statute,
    .evidence = two_evidence};

// A deviation reason that says something: not empty, not only spaces.
bool has_text(std::optional<std::string_view> t) {
    return t && t->find_first_not_of(" \t\r\n") != std::string_view::npos;
}

class TwoCaseworkers final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return two_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr flags[] = {Attr::two_caseworkers};
        // The decisions of support or placement, listed once on first need: a search back through every
        // earlier decision per undersøgelse grew with the square of the case.
        Deferred<IndexList> support;
        for_each_trigger(c, ctx, out, two_meta, EventType::undersoegelse, [&](const Event& u) { return u.value(Attr::subject) != Value::kommende_foraeldre; },
                         [&](const Event& u, Finding& f) {
            if (!support) {
                support.emplace();
                for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
                    const Event& d = c.event(k);
                    const Value kind = decision_kind(d);
                    // A refused request gave no support: the family is still a first-time case.
                    if ((kind == Value::supportive_measure || is_placement(kind)) && d.value(Attr::outcome) != Value::refused) support->emplace_back(k);
                }
            }
            // The latest such decision dated before the undersøgelse.
            const Event* earlier = nullptr;
            if (const std::size_t n = support->size() - from_day(c, all(*support), u.at().day).size(); n > 0) earlier = &c.event((*support)[n - 1]);
            if (earlier) {
                use(f, earlier, EventRole::related);
                f.status = Status::not_applicable;
                f.reason = &reasons::not_first_time;
                return;
            }
            if (u.flag(Attr::two_caseworkers) == false) {
                // "Som udgangspunkt": a recorded reason makes the deviation lawful; without one the file
                // cannot show whether it was.
                const bool explained = has_text(u.text(Attr::deviation_reason));
                f.attribute = Attr::deviation_reason;
                f.status = explained ? Status::met : Status::indeterminate;
                f.reason = explained ? &reasons::deviation_explained : &reasons::deviation_unexplained;
                if (explained) f.basis = Basis::deviation_explained;
                return;
            }
            judge_statements(f, u, flags);
        });
    }
};

// ---- BL-UNDS-COOP15: § 22 stk. 2 (Serviceloven § 50 stk. 1) -------------------------------------------

namespace reasons {

constexpr Reason cooperation_recorded{
    .key = "cooperation_recorded",
    .da = "Der er kontakt med forældremyndigheden (og den unge over 15) under undersøgelsen.",
    .en = "There is contact with the custody holder (and the young person of 15+) during the undersøgelse.",
};

constexpr Reason cooperation_missing{
    .key = "cooperation_missing",
    .da = "Der er ingen kontakt med forældremyndigheden eller den unge over 15 under undersøgelsen.",
    .en = "There is no contact with the custody holder or the young person of 15+ during the undersøgelse.",
};

constexpr Reason cooperation_not_recorded{
    .key = "cooperation_not_recorded",
    .da = "Ingen kontakt med forældremyndigheden eller den unge over 15 er registreret under undersøgelsen; loven kræver samarbejdet \"så vidt muligt\", og sagen viser ikke, om det var muligt.",
    .en = "No contact with the custody holder or the young person of 15+ is recorded during the undersøgelse; the law asks for it \"as far as possible\", and the file does not show whether it was possible.",
};

}  // namespace reasons

// The days an undersøgelse runs: from its start to its conclusion, or to the as-of day if open.
struct Span {
    LocalDay from, to;
    const Event* conclusion;
};
Span span_of(const Case& c, const Event& u, const EvalContext& ctx) {
    const Event* end = first_referrer(c, u.index(), EventType::undersoegelse_afsluttet, ctx);
    return {u.at().day, end ? end->at().day : ctx.as_of_day, end};
}

constexpr RuleVersion coop_versions[] = {
    {Law::serviceloven, "§ 50 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old, "the same cooperation, no consent needed"},
    {Law::barnets_lov, "§ 22 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord coop_statute{
    .rule = "BL-UNDS-COOP15",
    .read = "§ 22 stk. 2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/22",
    .noted_in = "issue 14 lookup (part-c-network-parents-special.md read § 22 stk. 1, 5 and 6 in December 2026)",
    .read_on = issue14_lookup_day,
    .confirms = "The undersøgelse is carried out 'så vidt muligt' in cooperation with the custody holder and the young "
                "person of 15+; no consent is required.",
};

constexpr const Reason* coop_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::age_unknown, &reasons::cooperation_recorded,
    &reasons::cooperation_missing, &reasons::cooperation_not_recorded,
};

constexpr Evidence coop_evidence[] = {{.type = EventType::kontakt}, {.type = EventType::boernesamtale}};
constexpr RuleMeta coop_meta{
    .id = "BL-UNDS-COOP15", .chapter = "investigation", .title_da = "Undersøgelsen i samarbejde med forældremyndigheden og den unge over 15",
    .title_en = "The undersøgelse in cooperation with the custody holder and the young person of 15+", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: while the undersøgelse runs there is contact with a custody holder and, when the young person "
    "has turned 15 at its start, with the young person.",
    .reading = "\"As far as possible\" cannot be read from a file: a recorded contact (kontakt with a custody-holder party; for "
    "the young person a kontakt naming the child or a boernesamtale) between the start and the conclusion is met; "
    "its absence at the conclusion is indeterminate (cooperation not recorded), never violated, since the file "
    "cannot show the cooperation was possible (law README, never overstate; INFERRED, December 2026). While it runs: "
    "pending. No custody-holder party, or no birth date when the young person was not contacted: indeterminate.",
    .predecessor = "Serviceloven § 50 stk. 1", .versions = coop_versions,
    .statuses = status_bits({Status::met, Status::pending, Status::indeterminate}),
    .example = R"(<undersoegelse id="bfu1" at="2024-02-20" ref="s1"/>
<kontakt id="c1" at="2024-02-22" party="mor" channel="in-person"/>)",
    .changed_from = "a concluded undersøgelse without a recorded contact was violated",
    .reasons = coop_reasons,
    .statute = &coop_statute,
    .evidence = coop_evidence};

class Cooperation final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return coop_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        bool custody_holder = false;
        for (const Person& p : c.persons()) custody_holder = custody_holder || p.role == Value::custody_holder;
        // The known contacts with a custody holder and with the child, and the known conversations with the
        // child, in time order: listed once on first need. A scan of the contacts in each undersøgelse's span
        // grew with the square of the case where many spans held many contacts with others.
        Deferred<IndexList> with_parent, with_child, conversations;
        std::size_t from_parent = 0, from_child = 0, from_conversation = 0;  // cursors (advance): from the span's start
        for_each_trigger(c, ctx, out, coop_meta, EventType::undersoegelse, [&](const Event& u) { return u.value(Attr::subject) != Value::kommende_foraeldre; },
                         [&](const Event& u, Finding& f) {
            if (!with_parent) {
                with_parent.emplace(), with_child.emplace(), conversations.emplace();
                for (std::uint32_t k : c.events_of(EventType::kontakt)) {
                    const Event& e = c.event(k);
                    const auto who = e.person(Attr::party);
                    if (!ctx.known(e) || !who) continue;
                    if (c.persons()[*who].role == Value::custody_holder) with_parent->emplace_back(k);
                    if (*who == 0) with_child->emplace_back(k);
                }
                for (std::uint32_t k : c.events_of(EventType::boernesamtale))
                    if (ctx.known(c.event(k))) conversations->emplace_back(k);
            }
            if (!custody_holder) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_holder_unknown;
                return;
            }
            const Span s = span_of(c, u, ctx);
            // The first of a list dated in the span (the spans start in time order).
            auto first_in_span = [&](const IndexList& list, std::size_t& cursor) -> const Event* {
                const std::size_t from = advance(all(list), cursor, [&](std::uint32_t k) { return c.event(k).at().day < s.from; });
                return from == list.size() || c.event(list[from]).at().day > s.to ? nullptr : &c.event(list[from]);
            };
            const Event* parent = first_in_span(*with_parent, from_parent);
            const Event* young = first_in_span(*with_child, from_child);
            if (!young) young = first_in_span(*conversations, from_conversation);
            const auto age = child_age(c, ctx, s.from);
            const bool young_needed = age && *age >= 15;
            use(f, parent, EventRole::fulfilment);
            if (young_needed) use(f, young, EventRole::fulfilment);
            const bool done = parent && (!young_needed || young);
            if (done && !age && !young) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
            } else if (done) {
                f.status = Status::met;
                f.reason = &reasons::cooperation_recorded;
            } else {
                // § 22 stk. 2 asks for the cooperation "så vidt muligt": a file without it cannot show the
                // duty was breached (law README, never overstate), so a concluded one is indeterminate.
                f.status = s.conclusion ? Status::indeterminate : Status::pending;
                f.reason = s.conclusion ? &reasons::cooperation_not_recorded : &reasons::cooperation_missing;
            }
            use(f, s.conclusion, EventRole::related);
        });
    }
};

// ---- BL-UNDS-SIB: § 21 stk. 1 (Serviceloven § 50) ----------------------------------------------------

namespace reasons {

constexpr Reason siblings_assessed{
    .key = "siblings_assessed",
    .da = "Alle søskende er vurderet.",
    .en = "Every sibling has been assessed.",
};

constexpr Reason siblings_not_assessed{
    .key = "siblings_not_assessed",
    .da = "Ikke alle søskende er vurderet.",
    .en = "Not every sibling has been assessed.",
};

constexpr Reason no_siblings_declared{
    .key = "no_siblings_declared",
    .da = "Sagen angiver ingen søskende.",
    .en = "The file declares no siblings.",
};

}  // namespace reasons

constexpr RuleVersion sib_versions[] = {
    {Law::serviceloven, "§ 50", far_past, barnets_lov_start, Confidence::confirmed_old, "an assessment of the siblings' need"},
    {Law::barnets_lov, "§ 21 stk. 1-3", barnets_lov_start, far_future, Confidence::confirmed,
     "the mandatory undersøgelse of siblings under 15 after a placement for lacking care or overgreb (stk. 2) is not "
     "checked: the placement's grounds are not in the vocabulary yet"},
};
constexpr StatuteRecord sib_statute{
    .rule = "BL-UNDS-SIB",
    .read = "§ 21 stk. 1-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/21",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Every undersøgelse assesses whether other children in the family need one (stk. 1); after a placement "
                "for inadequate care or abuse, siblings under 15 in the household must be investigated (stk. 2) unless, "
                "in special cases, there is obviously no need (stk. 3).",
};

constexpr const Reason* sib_reasons[] = {
    &reasons::siblings_assessed, &reasons::siblings_not_assessed, &reasons::no_siblings_declared,
};

constexpr Evidence sib_evidence[] = {{.type = EventType::soeskendevurdering}};
constexpr RuleMeta sib_meta{
    .id = "BL-UNDS-SIB", .chapter = "investigation", .title_da = "Vurdering af søskende", .title_en = "Siblings assessed in every undersøgelse", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: by the time the undersøgelse is concluded, every sibling declared in the file has been assessed "
    "(soeskendevurdering naming the sibling).",
    .reading = "An assessment counts for the undersøgelse it names, or that it falls within (from its start to its "
    "conclusion). Siblings are the file's sibling elements; a file that declares none gives not_applicable with that reason "
    "(stated, not silent). While the undersøgelse runs and a sibling is still unassessed: pending. Stk. 2's "
    "mandatory sibling undersøgelse after certain placements is not checked (noted in the version).",
    .predecessor = "Serviceloven § 50 (assessment only)", .versions = sib_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable}),
    .example = R"(<sibling id="lillebror" birth-date="2016-09-14" in-household="true"/>
<soeskendevurdering id="sv1" at="2024-05-01" ref="bfu1" sibling="lillebror" outcome="no-need"/>)",
    .reasons = sib_reasons,
    .statute = &sib_statute,
    .evidence = sib_evidence};

class SiblingsAssessed final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return sib_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        std::vector<std::uint32_t> siblings;
        for (std::uint32_t p = 1; p < c.persons().size(); ++p)
            if (c.persons()[p].kind == PersonKind::sibling) siblings.emplace_back(p);
        // The known assessments by sibling, listed once on first need: a scan of every assessment per
        // undersøgelse and sibling grew with the square of the case.
        Deferred<ByParty> assessments;
        for_each_trigger(c, ctx, out, sib_meta, EventType::undersoegelse, [&](const Event& u) { return u.value(Attr::subject) != Value::kommende_foraeldre; },
                         [&](const Event& u, Finding& f) {
            const std::uint32_t i = u.index();
            if (siblings.empty()) {
                f.status = Status::not_applicable;
                f.reason = &reasons::no_siblings_declared;
                return;
            }
            const Span s = span_of(c, u, ctx);
            if (!assessments) assessments.emplace(c, EventType::soeskendevurdering, [&](const Event& e) { return ctx.known(e); }, Attr::sibling);
            std::uint16_t assessed = 0;
            for (std::uint32_t p : siblings) {
                // An assessment belongs to this undersøgelse when it names it or falls within it (and is dated
                // no later than its end): the first naming it, or the first from its start, whichever is earlier.
                const Event* first = nullptr;
                for (std::uint32_t k : c.referrers(i)) {
                    const Event& e = c.event(k);
                    if (e.type() == EventType::soeskendevurdering && ctx.known(e) && e.person(Attr::sibling) == p && e.at().day <= s.to) {
                        first = &e;
                        break;
                    }
                }
                if (const auto from = from_day(c, assessments->of(p), s.from);
                    !from.empty() && c.event(from.front()).at().day <= s.to && (!first || from.front() < first->index()))
                    first = &c.event(from.front());
                if (first) {
                    ++assessed;
                    use(f, first, EventRole::fulfilment);
                }
            }
            f.count = assessed;
            f.required = static_cast<std::uint16_t>(siblings.size());
            use(f, s.conclusion, EventRole::related);
            if (assessed == siblings.size()) {
                f.status = Status::met;
                f.reason = &reasons::siblings_assessed;
            } else {
                f.status = s.conclusion ? Status::violated : Status::pending;
                f.reason = &reasons::siblings_not_assessed;
            }
        });
    }
};

}  // namespace

const Rule& screening() {
    static const Screening rule;
    return rule;
}
const Rule& risk_assessment_first() {
    static const RiskAssessmentFirst rule;
    return rule;
}
const Rule& investigation_before_placement() {
    static const InvestigationBeforePlacement rule;
    return rule;
}
const Rule& two_caseworkers() {
    static const TwoCaseworkers rule;
    return rule;
}
const Rule& investigation_cooperation() {
    static const Cooperation rule;
    return rule;
}
const Rule& siblings_assessed() {
    static const SiblingsAssessed rule;
    return rule;
}

}  // namespace barnetslov::rules
