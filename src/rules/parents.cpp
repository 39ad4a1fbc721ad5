// Part C's duties towards the parents (../shared/law/part-c-network-parents-special.md §§ 2 and 9):
// BL-FOR-STOTTEPERSON-75 (a støtteperson offered to each custody holder of a placed child), BL-FOR-PLAN-77
// (a forældrehandleplan, or the § 77 stk. 3 reasons, where support to the parents is decided),
// BL-FOR-PLAN-78 (a helhedsorienteret plan replaces it only with the parent's consent) and BL-SAMARB-2-4
// (a measure without the family's cooperation explained, with reasons, to the custody holders and the child).
//
// None of these has a number of days in the law. Following the law README (part C's suggestions give way to
// it), no deadline is invented: a duty that can still be done is pending with no due time, and violated only
// once the measure it belongs to has ended without it.
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/parties.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr std::string_view part_c_noted = "part-c-network-parents-special.md (December 2026)";

// Whether the custody holders, and the people a rule asks about, were reached: per person the record that
// serves, counted into the finding. Returns how many of `who` have one.
template <class Serves>
std::uint16_t count_reached(Finding& f, std::span<const std::uint32_t> who, Serves serves) {
    std::uint16_t n = 0;
    for (std::uint32_t p : who)
        if (const Event* e = serves(p)) ++n, use(f, e, EventRole::fulfilment);
    f.count = n;
    f.required = static_cast<std::uint16_t>(who.size());
    return n;
}

// Per person, the records of one kind (an offer, an explanation) that serve a decision "in connection with" it,
// with no deadline: one naming the decision (any date), else the first naming no decision dated from
// before-record-months before it; either only up to the day the measure ended. Lists built once per
// evaluation and searched by time, so a case with many decisions and records stays n log n.
class ConnectedRecords {
public:
    template <class Keep>
    ConnectedRecords(const Case& c, const EvalContext& ctx, EventType type, Keep keep)
        : c_(c), type_(type), unlinked_(c, type, [&](const Event& e) { return ctx.known(e) && keep(e) && !linked_to(c, e, EventType::afgoerelse); }) {
        for (std::uint32_t k : c.events_of(type))  // in time order: the first kept is the earliest
            if (ctx.known(c.event(k)) && keep(c.event(k))) {
                first_ = c.event(k).at().day;
                break;
            }
    }
    // Fills `named` (per person, the first record naming `d` that `keep` accepts) from d's referrers.
    template <class Keep>
    void collect_named(const Event& d, const EvalContext& ctx, Keep keep) {
        for (std::uint32_t p : touched_) named_[p] = nullptr;
        touched_.clear();
        if (named_.size() < c_.persons().size()) named_.resize(c_.persons().size(), nullptr);
        for (std::uint32_t k : c_.referrers(d.index())) {
            const Event& e = c_.event(k);
            const auto p = e.person(Attr::party);
            if (e.type() != type_ || !p || *p >= named_.size() || !ctx.known(e) || !keep(e) || named_[*p]) continue;
            named_[*p] = &e;
            touched_.emplace_back(*p);
        }
    }
    // Whether the file records a known record of the kind (naming a decision or not) dated on or before `day`:
    // whether the export carried such records by then.
    [[nodiscard]] bool recorded_by(LocalDay day) const { return first_ && *first_ <= day; }
    // The record serving the decision last collected for person `p`, from day `from`, up to `end`.
    [[nodiscard]] const Event* serving(std::uint32_t p, LocalDay from, std::optional<LocalDay> end) const {
        const Event* named = p < named_.size() ? named_[p] : nullptr;
        if (named && (!end || named->at().day <= *end)) return named;
        const auto later = from_day(c_, unlinked_.of(p), from);
        if (later.empty()) return nullptr;
        const Event& e = c_.event(later.front());
        return !end || e.at().day <= *end ? &e : nullptr;
    }

private:
    const Case& c_;
    EventType type_;
    ByParty unlinked_;
    std::optional<LocalDay> first_;
    boost::container::small_vector<const Event*, 8> named_;
    boost::container::small_vector<std::uint32_t, 8> touched_;
};

// ---- BL-FOR-STOTTEPERSON-75: § 75 (Serviceloven § 54 stk. 1) — part C § 2 --------------------------------

namespace reasons {

constexpr Reason parents_stoetteperson_offered{
    .key = "parents_stoetteperson_offered",
    .da = "Hver forældremyndighedsindehaver har fået tilbud om en støtteperson i forbindelse med anbringelsen.",
    .en = "Each custody holder was offered a støtteperson in connection with the placement.",
};

constexpr Reason parents_stoetteperson_outstanding{
    .key = "parents_stoetteperson_outstanding",
    .da = "Ikke alle forældremyndighedsindehavere har fået tilbud om en støtteperson endnu; anbringelsen varer, og loven sætter ingen frist.",
    .en = "Not every custody holder has been offered a støtteperson yet; the placement runs, and the law sets no deadline.",
};

constexpr Reason parents_stoetteperson_not_recorded{
    .key = "parents_stoetteperson_not_recorded",
    .da = "Anbringelsen er ophørt, og sagen har intet tilbud om støtteperson til forældrene (tilbud "
          "topic=\"stoetteperson-foraeldre\") dateret senest ved anbringelsens ophør: udtrækket bærer måske ikke disse tilbud, så sagen viser ikke, at "
          "de ikke blev givet.",
    .en = "The placement ended, and the file records no offer of a støtteperson to a parent (tilbud "
          "topic=\"stoetteperson-foraeldre\") dated by the placement's end: the export may not have carried such offers, so the file does not show that "
          "none was made.",
};

constexpr Reason parents_stoetteperson_missing{
    .key = "parents_stoetteperson_missing",
    .da = "Anbringelsen er ophørt, uden at hver forældremyndighedsindehaver fik tilbud om en støtteperson.",
    .en = "The placement ended without each custody holder having been offered a støtteperson.",
};

}  // namespace reasons

constexpr RuleVersion sp75_versions[] = {
    {Law::serviceloven, "§ 54 stk. 1", far_past, barnets_lov_start, Confidence::confirmed_old, "the same offer"},
    {Law::barnets_lov, "§ 75", barnets_lov_start, far_future, Confidence::confirmed_old,
     "section CONFIRMED; its wording not read, the old text's substance CONFIRMED-OLD, carried over INFERRED"},
};
constexpr StatuteRecord sp75_statute{
    .rule = "BL-FOR-STOTTEPERSON-75",
    .not_found = "§ 75",
    .source = "not found; best secondary sources: the old SEL § 54 stk. 1, https://aktivsocialraadgiver.dk/stoetteperson-til-foraeldre-"
              "med-anbragt-barn-ung/ and https://www.godesamtaler.dk/paragraf75stotteperson (SEL § 54 = barnets lov § 75); "
              "section number: Ankestyrelsen, April 2025, https://www.ft.dk/samling/20241/almdel/SOU/bilag/292/3005602/index.htm",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "Under the old law the municipality must offer the custody holder a støtteperson in connection with the "
                "child's placement, with or without consent; § 75 is the section that now carries it (Ankestyrelsen 2025; "
                "BEK 1295/2023 § 1 nr. 3).",
};

constexpr const Reason* sp75_reasons[] = {&reasons::custody_holder_unknown, &reasons::parents_stoetteperson_offered,
                                          &reasons::parents_stoetteperson_outstanding, &reasons::parents_stoetteperson_missing,
                                          &reasons::parents_stoetteperson_not_recorded};

constexpr Evidence sp75_evidence[] = {{.type = EventType::tilbud}};
constexpr RuleMeta sp75_meta{
    .id = "BL-FOR-STOTTEPERSON-75", .chapter = "parents", .title_da = "Tilbud om støtteperson til forældremyndighedsindehaveren ved anbringelse",
    .title_en = "A støtteperson offered to each custody holder of a placed child", .severity = Severity::warning,
    .confidence = Confidence::confirmed_old, .convention = Convention::none, .amount = 0,
    .counting = "No deadline (\"i forbindelse med anbringelsen\"): each custody holder is offered a støtteperson (tilbud "
    "topic=\"stoetteperson-foraeldre\"), accepted or declined, while the placement lasts.",
    .reading = "Part C § 2: section CONFIRMED, wording CONFIRMED-OLD. Part C proposed a grace period up to the first follow-up; "
    "the law README overrides it: no deadline is invented. An offer counts when it names the placement decision (any "
    "date) or names no decision and is dated from before-record-months before the decision until the placement ends. "
    "All offered is met; otherwise pending (no due time) while the placement runs, violated once it has ended — "
    "indeterminate instead when the file records no such offer dated by the placement's end (an export without the issue "
    "18 topic). Advisory "
    "(severity warning). A decision naming an earlier placement decision (the committee approving the chair's) is the "
    "same placement, owed one offer each.",
    .predecessor = "Serviceloven § 54 stk. 1", .versions = sp75_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>
<tilbud id="tl6" at="2024-09-03" party="mor" topic="stoetteperson-foraeldre" ref="d3" answer="accepted"/>)",
    .reasons = sp75_reasons,
    .statute = &sp75_statute,
    .evidence = sp75_evidence};

class ParentsStoetteperson final : public RuleImpl {
public:
    ParentsStoetteperson() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return sp75_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const auto holders = parties_with_role(c, Value::custody_holder);
        auto parents_offer = [](const Event& e) { return e.value(Attr::topic) == Value::stoetteperson_foraeldre; };
        Deferred<ConnectedRecords> offers;
        MeasureEnds ends(c, ctx);
        const auto placement = [&](const Event& d) { return starts_placement(c, d); };
        for_each_trigger(c, ctx, out, sp75_meta, EventType::afgoerelse, placement, [&](const Event& d, Finding& f) {
            if (holders.empty()) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_holder_unknown;
                return;
            }
            if (!offers) offers.emplace(c, ctx, EventType::tilbud, parents_offer);
            offers->collect_named(d, ctx, parents_offer);
            const auto end = ends.of(d);
            const LocalDay from = months_before(d.at().day, ctx.readings.before_record_months);
            auto offered = [&](std::uint32_t p) { return offers->serving(p, from, end); };
            if (count_reached(f, {holders.data(), holders.size()}, offered) == holders.size()) {
                f.status = Status::met;
                f.reason = &reasons::parents_stoetteperson_offered;
            } else if (end) {
                // Violated only where the file records such offers by the placement's end: an export written without the issue 18
                // topic cannot show that none was made (law README: never overstate).
                const bool recorded = offers->recorded_by(*end);
                f.status = recorded ? Status::violated : Status::indeterminate;
                f.reason = recorded ? &reasons::parents_stoetteperson_missing : &reasons::parents_stoetteperson_not_recorded;
            } else {
                f.status = Status::pending;
                f.reason = &reasons::parents_stoetteperson_outstanding;
            }
        });
    }
};

// ---- BL-FOR-STOETTE-76: § 76 (Serviceloven § 54 stk. 2) — part C § 2, INFERRED ------------------------------

namespace reasons {

constexpr Reason parent_support_decided{
    .key = "parent_support_decided",
    .da = "Kommunen har truffet afgørelse om støtte til forældrene under anbringelsen (bevilget eller afslået).",
    .en = "The municipality decided on support to the parents during the placement (granted or refused).",
};

constexpr Reason parent_support_outstanding{
    .key = "parent_support_outstanding",
    .da = "Der er endnu ingen afgørelse om støtte til forældrene; anbringelsen varer, og loven sætter ingen frist.",
    .en = "No decision on support to the parents is on file yet; the placement runs, and the law sets no deadline.",
};

constexpr Reason parent_support_not_recorded{
    .key = "parent_support_not_recorded",
    .da = "Anbringelsen er ophørt, og sagen har ingen afgørelse om støtte til forældrene (kind=\"parent-support\") "
          "dateret senest ved anbringelsens ophør: udtrækket bærer måske ikke disse afgørelser, så sagen viser ikke, at der ikke blev truffet en.",
    .en = "The placement ended, and the file records no decision on support to the parents (kind=\"parent-support\") "
          "dated by the placement's end: the export may not have carried such decisions, so the file does not show that none was made.",
};

constexpr Reason parent_support_missing{
    .key = "parent_support_missing",
    .da = "Anbringelsen er ophørt uden en afgørelse om støtte til forældrene.",
    .en = "The placement ended with no decision on support to the parents.",
};

}  // namespace reasons

constexpr RuleVersion st76_versions[] = {
    {Law::serviceloven, "§ 54 stk. 2", far_past, barnets_lov_start, Confidence::confirmed_old, "the same decision"},
    {Law::barnets_lov, "§ 76", barnets_lov_start, far_future, Confidence::inferred, "§ 76's wording not read; the old duty carried over INFERRED"},
};
constexpr StatuteRecord st76_statute{
    .rule = "BL-FOR-STOETTE-76",
    .not_found = "§ 76",
    .source = "not found; best secondary sources: the old SEL § 54 stk. 2, https://socialstyrelsen.dk/nyheder/2020/ny-skabelon-til-foraeldrehandleplan; "
              "Ankestyrelsen, April 2025, https://www.ft.dk/samling/20241/almdel/SOU/bilag/292/3005602/index.htm",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "Under the old law the municipality must decide whether the parents need special support during the placement, "
                "to help them fill their parental role and, as far as possible, solve the problems behind it; Ankestyrelsen "
                "(2025) treats § 76 as that duty, not conditional on a planned return home.",
};

constexpr const Reason* st76_reasons[] = {&reasons::parent_support_decided, &reasons::parent_support_outstanding,
                                          &reasons::parent_support_missing, &reasons::parent_support_not_recorded};

// The decision itself (its kind, parent-support, is required, so the type alone says as much).
constexpr Evidence st76_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta st76_meta{
    .id = "BL-FOR-STOETTE-76", .chapter = "parents", .title_da = "Afgørelse om støtte til forældrene under anbringelsen",
    .title_en = "A decision on support to the parents during the placement", .severity = Severity::warning,
    .confidence = Confidence::inferred, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: while a placement lasts, the municipality decides whether the parents need special support "
    "(afgoerelse kind=\"parent-support\", granted or refused).",
    .reading = "Part C § 2, INFERRED (the old SEL § 54 stk. 2 CONFIRMED-OLD; § 76 not read). A decision counts when it names "
    "the placement decision (any date), or names no decision and is dated from before-record-months before the "
    "placement until it ends. None yet while the placement runs is pending with no due time (no deadline invented); "
    "once the placement has ended without one, violated — indeterminate instead when the file records no parent-support "
    "decision dated by the placement's end (an export without the issue 18 kind). Advisory (severity warning). A decision naming an earlier "
    "placement decision is the same placement, owed one decision.",
    .predecessor = "Serviceloven § 54 stk. 2", .versions = st76_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>
<afgoerelse id="d12" at="2024-09-20" kind="parent-support" ref="d3"/>)",
    .reasons = st76_reasons,
    .statute = &st76_statute,
    .evidence = st76_evidence};

class ParentSupportDecided final : public RuleImpl {
public:
    ParentSupportDecided() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return st76_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<IndexList> unlinked;  // the known parent-support decisions naming no decision
        std::optional<LocalDay> first_support;  // the day of the file's first parent-support decision (max: none)
        MeasureEnds ends(c, ctx);
        const auto placement = [&](const Event& d) { return starts_placement(c, d); };
        for_each_trigger(c, ctx, out, st76_meta, EventType::afgoerelse, placement, [&](const Event& d, Finding& f) {
            if (!unlinked) {
                unlinked.emplace();
                for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
                    const Event& e = c.event(k);
                    if (ctx.known(e) && decision_kind(e) == Value::parent_support && !linked_to(c, e, EventType::afgoerelse)) unlinked->emplace_back(k);
                }
            }
            const auto end = ends.of(d);
            const Event* decided = nullptr;
            for (std::uint32_t k : c.referrers(d.index())) {
                const Event& e = c.event(k);
                if (e.type() == EventType::afgoerelse && ctx.known(e) && decision_kind(e) == Value::parent_support) {
                    decided = &e;
                    break;
                }
            }
            if (!decided) {
                const auto later = from_day(c, all(*unlinked), months_before(d.at().day, ctx.readings.before_record_months));
                if (!later.empty()) decided = &c.event(later.front());
            }
            if (decided && end && decided->at().day > *end) decided = nullptr;
            use(f, decided, EventRole::fulfilment);
            if (decided) {
                f.status = Status::met;
                f.reason = &reasons::parent_support_decided;
            } else if (!end) {
                f.status = Status::pending;
                f.reason = &reasons::parent_support_outstanding;
            } else {
                // Violated only where the file records such decisions by the placement's end (see BL-FOR-STOTTEPERSON-75).
                if (!first_support) {
                    first_support = LocalDay::max();
                    for (std::uint32_t k : c.events_of(EventType::afgoerelse))  // in time order
                        if (ctx.known(c.event(k)) && decision_kind(c.event(k)) == Value::parent_support) {
                            first_support = c.event(k).at().day;
                            break;
                        }
                }
                const bool recorded = *first_support <= *end;
                f.status = recorded ? Status::violated : Status::indeterminate;
                f.reason = recorded ? &reasons::parent_support_missing : &reasons::parent_support_not_recorded;
            }
        });
    }
};

// ---- BL-FOR-PLAN-77: § 77 stk. 1, 3 (Serviceloven § 140) — part C § 2, INFERRED --------------------------

namespace reasons {

constexpr Reason parent_plan_made{
    .key = "parent_plan_made",
    .da = "Der er udarbejdet en forældrehandleplan for støtten til forældrene.",
    .en = "A forældrehandleplan for the support to the parents is on file.",
};

constexpr Reason parent_plan_reasons{
    .key = "parent_plan_reasons",
    .da = "Der er givet begrundelse for ikke at udarbejde en forældrehandleplan (§ 77 stk. 3; indstilling includes-parent-plan=\"reasons\").",
    .en = "Reasons for not making a forældrehandleplan are on file (§ 77 stk. 3; indstilling includes-parent-plan=\"reasons\").",
};

constexpr Reason parent_plan_outstanding{
    .key = "parent_plan_outstanding",
    .da = "Hverken forældrehandleplan eller begrundelse efter § 77 stk. 3 er registreret endnu; støtten varer, og der er ingen frist.",
    .en = "Neither a forældrehandleplan nor § 77 stk. 3 reasons are on file yet; the support runs, and there is no deadline.",
};

constexpr Reason parent_plan_not_on_file{
    .key = "parent_plan_not_on_file",
    .da = "Støtten er ophørt uden forældrehandleplan på sagen; begrundelsen efter § 77 stk. 3 kan findes i en form, sagen ikke viser.",
    .en = "The support ended with no forældrehandleplan on file; the § 77 stk. 3 reasons may exist in a form the file does not show.",
};

}  // namespace reasons

constexpr RuleVersion plan77_versions[] = {
    {Law::barnets_lov, "§ 77 stk. 1, 3", barnets_lov_start, far_future, Confidence::inferred,
     "structure INFERRED from § 51 stk. 2 (CONFIRMED); no time for the plan found; Serviceloven § 140 not applied"},
};
constexpr StatuteRecord plan77_statute{
    .rule = "BL-FOR-PLAN-77",
    .read = "§ 51 stk. 2",
    .not_found = "§ 77",
    .source = "§ 51: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/51; § 77 not found, best secondary sources: "
              "https://socialstyrelsen.dk/nyheder/2020/ny-skabelon-til-foraeldrehandleplan and https://barnetsjurist.dk/foraeldre-handleplan/",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "§ 51 stk. 2 refers to 'a plan for the parents under § 77 stk. 1, or a reasoning under § 77 stk. 3', to be "
                "attached to a § 47 or § 49 indstilling; under the old law a separate handleplan described the support decided "
                "for the parents.",
};

constexpr const Reason* plan77_reasons[] = {&reasons::parent_plan_made, &reasons::parent_plan_reasons, &reasons::parent_plan_outstanding,
                                            &reasons::parent_plan_not_on_file};

constexpr Evidence plan77_evidence[] = {{.type = EventType::plan, .attr = Attr::kind},
                                        {.type = EventType::indstilling, .attr = Attr::includes_parent_plan}};
constexpr RuleMeta plan77_meta{
    .id = "BL-FOR-PLAN-77", .chapter = "parents", .title_da = "Forældrehandleplan, når der træffes afgørelse om støtte til forældrene",
    .title_en = "A forældrehandleplan where support to the parents is decided", .severity = Severity::warning,
    .confidence = Confidence::inferred, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: where support to the parents is granted (afgoerelse kind=\"parent-support\"), a forældrehandleplan "
    "(plan kind=\"foraeldrehandleplan\") is made for it, or the § 77 stk. 3 reasons given (an indstilling with "
    "includes-parent-plan=\"reasons\" from the decision on).",
    .reading = "Part C § 2: INFERRED (the link to § 51 stk. 2 CONFIRMED, checked on the indstilling by BL-BUU-INDST-51). "
    "No time for the plan was found; part C's suggested check by the first follow-up is not applied (law README: no "
    "invented deadline). A plan counts when it names the decision (any date) or names no decision and is the first "
    "after it. Met with a plan or the reasons; pending (no due time) while the support runs; once it has ended without "
    "either, indeterminate: the stk. 3 reasons may exist in a form no field shows, so it is never violated. Advisory "
    "(severity warning). Not applied before 2024.",
    .predecessor = "Serviceloven § 140 (særskilt forældrehandleplan)", .versions = plan77_versions,
    .statuses = status_bits({Status::met, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d12" at="2024-09-20" kind="parent-support" ref="d3"/>
<plan id="p8" at="2024-10-15" kind="foraeldrehandleplan" party="mor" ref="d12"/>)",
    .reasons = plan77_reasons,
    .statute = &plan77_statute,
    .evidence = plan77_evidence};

bool parent_support(const Event& d) { return decision_kind(d) == Value::parent_support && d.value(Attr::outcome) != Value::refused; }
bool is_parents_plan(const Event& p) { return p.value(Attr::kind) == Value::foraeldrehandleplan; }

class ParentsPlan final : public RuleImpl {
public:
    ParentsPlan() : RuleImpl(KindSet{Value::parent_support}) {}
    const RuleMeta& meta() const override { return plan77_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // The triggers and the plans naming no decision, listed before any trigger is judged: listed on the
        // first trigger in force, a case whose support decisions all predate 2024 did none of this work and a
        // larger one with a single later decision all of it, a jump the complexity sweep reads as growth.
        IndexList support, unlinked;
        for (std::uint32_t k : c.events_of(EventType::afgoerelse))
            if (ctx.known(c.event(k)) && parent_support(c.event(k))) support.emplace_back(k);
        if (support.empty()) return;
        for (std::uint32_t k : c.events_of(EventType::plan)) {
            const Event& p = c.event(k);
            if (ctx.known(p) && is_parents_plan(p) && !linked_to(c, p, EventType::afgoerelse)) unlinked.emplace_back(k);
        }
        const TimeOrdered triggers(c, all(support));
        IndexList with_reasons;  // the known indstillinger giving the § 77 stk. 3 reasons
        for (std::uint32_t k : c.events_of(EventType::indstilling))
            if (ctx.known(c.event(k)) && c.event(k).value(Attr::includes_parent_plan) == Value::reasons) with_reasons.emplace_back(k);
        MeasureEnds ends(c, ctx);
        for_each_trigger(c, ctx, out, plan77_meta, EventType::afgoerelse, parent_support, [&](const Event& d, Finding& f) {
            if (const Event* p = serve_after(c, ctx, triggers, d, all(unlinked), is_parents_plan)) {
                use(f, p, EventRole::fulfilment);
                f.done = p->at();
                f.status = Status::met;
                f.reason = &reasons::parent_plan_made;
                return;
            }
            if (const auto later = from_day(c, all(with_reasons), d.at().day); !later.empty()) {
                const Event& in = c.event(later.front());
                use(f, &in, EventRole::fulfilment);
                f.done = in.at();
                f.status = Status::met;
                f.reason = &reasons::parent_plan_reasons;
                return;
            }
            const bool ended = ends.of(d).has_value();
            f.status = ended ? Status::indeterminate : Status::pending;
            f.reason = ended ? &reasons::parent_plan_not_on_file : &reasons::parent_plan_outstanding;
        });
    }
};

// ---- BL-FOR-PLAN-78: § 78 (new) — part C § 2, CONFIRMED -----------------------------------------------------

namespace reasons {

constexpr Reason parent_consent_before_plan{
    .key = "parent_consent_before_plan",
    .da = "Forælderen samtykkede, før den helhedsorienterede plan afløste forældrehandleplanen.",
    .en = "The parent consented before the helhedsorienteret plan replaced the forældrehandleplan.",
};

constexpr Reason parent_consent_refused{
    .key = "parent_consent_refused",
    .da = "Forælderen har ikke samtykket (samtykket er nægtet eller trukket tilbage), men den helhedsorienterede plan afløste forældrehandleplanen.",
    .en = "The parent did not consent (refused or withdrew), yet the helhedsorienteret plan replaced the forældrehandleplan.",
};

constexpr Reason parent_consent_missing{
    .key = "parent_consent_missing",
    .da = "Sagen viser intet samtykke fra forælderen før den helhedsorienterede plan, som afløste forældrehandleplanen.",
    .en = "The file shows no consent of the parent before the helhedsorienteret plan that replaced the forældrehandleplan.",
};

constexpr Reason parent_consent_after_plan{
    .key = "parent_consent_after_plan",
    .da = "Forælderens samtykke er dateret efter den helhedsorienterede plan; § 78 kræver det, før planen afløser forældrehandleplanen.",
    .en = "The parent's consent is dated after the helhedsorienteret plan; § 78 requires it before the plan replaces the forældrehandleplan.",
};

constexpr Reason parent_consent_serves_decision{
    .key = "parent_consent_serves_decision",
    .da = "Forælderens seneste samtykke nævner hverken planen eller en afgørelse og er dateret før en afgørelse om barnet, "
          "som det hører til (ikke planen); sagen viser ikke samtykke til, at den helhedsorienterede plan afløser "
          "forældrehandleplanen.",
    .en = "The parent's latest consent names neither the plan nor a decision and is dated before a decision about the child, "
          "which it belongs to (not the plan); the file shows no consent to the helhedsorienteret plan replacing the "
          "forældrehandleplan.",
};

}  // namespace reasons

constexpr RuleVersion plan78_versions[] = {
    {Law::barnets_lov, "§ 78", barnets_lov_start, far_future, Confidence::confirmed, "new in barnets lov"},
};
constexpr StatuteRecord plan78_statute{
    .rule = "BL-FOR-PLAN-78",
    .read = "§ 78",
    .source = "https://www.regelrytter.dk/barnets-lov/eli-lta-2023-721-sec-78",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The forældrehandleplan may be replaced by a helhedsorienteret plan only with the parents' consent.",
};

constexpr const Reason* plan78_reasons[] = {&reasons::parent_consent_before_plan, &reasons::parent_consent_refused,
                                            &reasons::parent_consent_missing, &reasons::parent_consent_after_plan,
                                            &reasons::parent_consent_serves_decision};

constexpr Evidence plan78_evidence[] = {{.type = EventType::samtykke}};
constexpr RuleMeta plan78_meta{
    .id = "BL-FOR-PLAN-78", .chapter = "parents", .title_da = "Helhedsorienteret plan i stedet for forældrehandleplan kun med forælderens samtykke",
    .title_en = "A helhedsorienteret plan replaces the forældrehandleplan only with the parent's consent", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline; an order: the parent's consent (samtykke of that party, given) is dated no later than the "
    "helhedsorienteret plan (plan kind=\"helhedsorienteret-plan\" with party=\"the parent\") that replaces the parent's "
    "forældrehandleplan.",
    .reading = "Part C § 2, CONFIRMED. A helhedsorienteret plan is read as replacing the forældrehandleplan when it names a "
    "parent (party of role custody-holder or parent) who had a forældrehandleplan (naming them, or naming no one) or for whom support was granted "
    "(parent-support) before it. The consent counts when it names the plan, or names no plan or decision and is dated "
    "within before-record-months before it; the latest such answer decides (a refusal or withdrawal is violated). None "
    "on file is violated, as is one dated only after the plan (named as related). An unlinked consent dated before a "
    "decision about the child that precedes the plan serves that decision (law README): indeterminate, never met. New "
    "in barnets lov: not_applicable before 2024.",
    .predecessor = "none (new in barnets lov)", .versions = plan78_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<plan id="p8" at="2024-10-15" kind="foraeldrehandleplan" party="mor"/>
<samtykke id="sa9" at="2025-03-01" party="mor" answer="given"/>
<plan id="p9" at="2025-03-10" kind="helhedsorienteret-plan" party="mor"/>)",
    .reasons = plan78_reasons,
    .statute = &plan78_statute,
    .phase = Phase::before,
    .evidence = plan78_evidence};

class HolisticPlanConsent final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return plan78_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // Whether `parent` had a forældrehandleplan or granted parent support before plan `h`: the earliest of
        // each, found once (an event's index is its place in time order).
        constexpr std::uint32_t never = 0xFFFFFFFF;
        std::uint32_t first_support = never, first_unnamed_plan = never;
        boost::container::small_vector<std::uint32_t, 8> first_plan_of(c.persons().size(), never);
        for (std::uint32_t k : c.events_of(EventType::afgoerelse))
            if (ctx.known(c.event(k)) && parent_support(c.event(k))) {
                first_support = k;
                break;
            }
        for (std::uint32_t k : c.events_of(EventType::plan)) {
            const Event& p = c.event(k);
            if (!ctx.known(p) || !is_parents_plan(p)) continue;
            const auto whose = p.person(Attr::party);
            std::uint32_t& first = whose && *whose < first_plan_of.size() ? first_plan_of[*whose] : first_unnamed_plan;
            first = std::min(first, k);
        }
        auto replaces = [&](const Event& h, std::uint32_t parent) {
            const std::uint32_t own = parent < first_plan_of.size() ? first_plan_of[parent] : never;
            return std::min({first_support, first_unnamed_plan, own}) < h.index();
        };
        Deferred<ByParty> consents;
        Deferred<ChildDecisions> decisions;
        for_each_trigger(c, ctx, out, plan78_meta, EventType::plan,
                         [&](const Event& h) {
                             // A plan of a parent (a custody holder or another parent), not of the child or the network.
                             const auto parent = h.person(Attr::party);
                             if (h.value(Attr::kind) != Value::helhedsorienteret_plan || !parent || *parent >= c.persons().size()) return false;
                             const auto role = c.persons()[*parent].role;
                             return (role == Value::custody_holder || role == Value::parent) && replaces(h, *parent);
                         },
                         [&](const Event& h, Finding& f) {
            const std::uint32_t parent = *h.person(Attr::party);
            const LocalDay from = months_before(h.at().day, ctx.readings.before_record_months);
            const Event* answer = nullptr;  // the latest serving answer not after the plan
            const Event* later = nullptr;   // the first after it
            if (!consents) consents.emplace(c, EventType::samtykke, [&](const Event& e) { return ctx.known(e); });
            // Answers naming the plan (any date), then those naming nothing up to the plan (from the limit day on).
            for (std::uint32_t k : c.referrers(h.index())) {
                const Event& s = c.event(k);
                if (s.type() != EventType::samtykke || !ctx.known(s) || s.person(Attr::party) != parent) continue;
                if (detail::order(s.at(), h.at()) == detail::Order::after) {
                    if (!later) later = &s;
                } else {
                    answer = &s;
                }
            }
            const auto mine = consents->of(parent);
            const auto upto = not_after(c, mine, h.at());
            const Event* elsewhere = nullptr;  // the latest unlinked answer, when it serves a decision instead
            for (auto it = upto.rbegin(); it != upto.rend() && c.event(*it).at().day >= from; ++it) {
                const Event& s = c.event(*it);
                if (!s.refs().empty()) continue;  // about another plan or decision, or the plan itself (above)
                // The serving rule (law README): an unlinked consent serves the first decision about the child on
                // or after it; one dated before such a decision (that precedes the plan) is that decision's.
                if (!decisions) decisions.emplace(c, ctx);
                if (const Event* prev = decisions->previous(h.at()); prev && detail::order(s.at(), prev->at()) != detail::Order::after) {
                    elsewhere = &s;
                    break;
                }
                if (!answer || s.index() > answer->index()) answer = &s;
                break;
            }
            if (!later)
                for (std::uint32_t k : mine.subspan(upto.size())) {
                    if (c.event(k).refs().empty()) later = &c.event(k);
                    break;
                }
            if (answer && consent_given(answer)) {
                use(f, answer, EventRole::fulfilment);
                f.status = Status::met;
                f.reason = &reasons::parent_consent_before_plan;
                return;
            }
            if (!answer && elsewhere) {
                use(f, elsewhere, EventRole::related);
                f.status = Status::indeterminate;
                f.reason = &reasons::parent_consent_serves_decision;
                return;
            }
            use(f, answer, EventRole::related);
            use(f, later, EventRole::related);
            f.status = Status::violated;
            f.reason = answer ? &reasons::parent_consent_refused : later ? &reasons::parent_consent_after_plan : &reasons::parent_consent_missing;
        });
    }
};

// ---- BL-SAMARB-2-4: § 2 stk. 4 — part C § 9, CONFIRMED (trigger list INFERRED) ------------------------------

namespace reasons {

constexpr Reason cooperation_reasons_given{
    .key = "cooperation_reasons_given",
    .da = "Baggrunden for, at samarbejde ikke var muligt, er forklaret og begrundet over for hver forældremyndighedsindehaver og "
          "barnet, og barnet har fået indsatsens formål og indhold forklaret.",
    .en = "Why cooperation was not possible was explained with reasons to each custody holder and the child, and the child was "
          "told the help's purpose and content.",
};

constexpr Reason cooperation_reasons_outstanding{
    .key = "cooperation_reasons_outstanding",
    .da = "Forklaringen efter § 2 stk. 4 mangler endnu over for nogen; indsatsen varer, og loven sætter ingen frist.",
    .en = "The § 2 stk. 4 explanation is not on file yet for someone; the measure runs, and the law sets no deadline.",
};

constexpr Reason cooperation_reasons_not_recorded{
    .key = "cooperation_reasons_not_recorded",
    .da = "Indsatsen er ophørt, og sagen har ingen orientering om baggrunden (information topic=\"no-cooperation-reasons\" "
          "eller \"purpose-and-content\") dateret senest ved indsatsens ophør: udtrækket bærer måske ikke disse orienteringer, så sagen viser ikke, "
          "at de ikke blev givet.",
    .en = "The measure ended, and the file records no explanation of the background (information "
          "topic=\"no-cooperation-reasons\" or \"purpose-and-content\") dated by the measure's end: the export may not have carried such records, so "
          "the file does not show that none was given.",
};

constexpr Reason cooperation_reasons_missing{
    .key = "cooperation_reasons_missing",
    .da = "Indsatsen er ophørt, uden at baggrunden blev forklaret og begrundet over for alle, § 2 stk. 4 nævner.",
    .en = "The measure ended without the background being explained, with reasons, to everyone § 2 stk. 4 names.",
};

}  // namespace reasons

constexpr RuleVersion samarb_versions[] = {
    {Law::barnets_lov, "§ 2 stk. 4", barnets_lov_start, far_future, Confidence::confirmed,
     "the measures it applies to INFERRED; the predecessor (Serviceloven § 46 stk. 3) UNCONFIRMED and not applied"},
};
constexpr StatuteRecord samarb_statute{
    .rule = "BL-SAMARB-2-4",
    .read = "§ 2 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/2",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The child's difficulties are as far as possible solved in cooperation with the family; where that is not "
                "possible the background is explained and reasoned to the custody holder and the child, and the help's "
                "background, purpose and content are made clear to the child.",
};

constexpr const Reason* samarb_reasons[] = {&reasons::custody_holder_unknown, &reasons::cooperation_reasons_given,
                                            &reasons::cooperation_reasons_outstanding, &reasons::cooperation_reasons_missing,
                                            &reasons::cooperation_reasons_not_recorded};

constexpr Evidence samarb_evidence[] = {{.type = EventType::information}};
constexpr RuleMeta samarb_meta{
    .id = "BL-SAMARB-2-4", .chapter = "involvement", .title_da = "Forklaring og begrundelse, når samarbejde med familien ikke er muligt",
    .title_en = "Reasons explained when a measure goes ahead without the family's cooperation", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: for a measure decided without the family's cooperation (kinds investigation-without-consent, "
    "placement-without-consent, placement-unborn-without-consent, placement-own-wish-15, youth-order, parent-order, "
    "medical-without-consent), each custody holder and the child receive the explanation (information "
    "topic=\"no-cooperation-reasons\") and the child the help's purpose and content (topic=\"purpose-and-content\").",
    .reading = "Part C § 9: § 2 stk. 4 CONFIRMED; which measures trigger it INFERRED. Part C proposed an order (before the "
    "decision's notification, INFERRED); the law README allows no invented deadline, so a record counts when it names "
    "the decision (any date) or names no decision and is dated from before-record-months before it until the measure "
    "ends. All reached is met; otherwise pending (no due time) while the measure runs, violated once it has ended — "
    "indeterminate instead when the file records no such explanation dated by the measure's end (an export without the "
    "issue 18 topics). The "
    "child is owed both, at any age (the law sets no age limit), except an unborn child (§ 49). Advisory (severity "
    "warning). Refused decisions and those of Ankestyrelsen or a court are outside it; not applied before 2024.",
    .predecessor = "Serviceloven § 46 stk. 3 (UNCONFIRMED)", .versions = samarb_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>
<information id="i9" at="2024-08-27" party="mor" topic="no-cooperation-reasons" ref="d3"/>
<information id="i10" at="2024-08-27" party="barn" topic="no-cooperation-reasons" ref="d3"/>
<information id="i11" at="2024-08-27" party="barn" topic="purpose-and-content" ref="d3"/>)",
    .reasons = samarb_reasons,
    .statute = &samarb_statute,
    .evidence = samarb_evidence};

constexpr bool without_cooperation_kind(Value kind) {
    switch (kind) {
        case Value::investigation_without_consent:
        case Value::placement_without_consent:
        case Value::placement_unborn_without_consent:
        case Value::placement_own_wish_15:
        case Value::youth_order:
        case Value::parent_order:
        case Value::medical_without_consent:
            return true;
        default: return false;
    }
}

bool without_cooperation(const Event& d) {
    const auto body = d.value(Attr::body);
    return d.value(Attr::outcome) != Value::refused && body != Value::appeals_board && body != Value::court &&
           without_cooperation_kind(decision_kind(d));
}

class CooperationReasons final : public RuleImpl {
public:
    CooperationReasons() : RuleImpl(KindSet::where(without_cooperation_kind)) {}
    const RuleMeta& meta() const override { return samarb_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        const auto holders = parties_with_role(c, Value::custody_holder);
        auto about_reasons = [](const Event& e) { return e.value(Attr::topic) == Value::no_cooperation_reasons; };
        auto about_purpose = [](const Event& e) { return e.value(Attr::topic) == Value::purpose_and_content; };
        Deferred<ConnectedRecords> reasons_told, purpose_told;
        MeasureEnds ends(c, ctx);
        for_each_trigger(c, ctx, out, samarb_meta, EventType::afgoerelse, without_cooperation, [&](const Event& d, Finding& f) {
            if (holders.empty()) {
                f.status = Status::indeterminate;
                f.reason = &reasons::custody_holder_unknown;
                return;
            }
            if (!reasons_told) {
                reasons_told.emplace(c, ctx, EventType::information, about_reasons);
                purpose_told.emplace(c, ctx, EventType::information, about_purpose);
            }
            reasons_told->collect_named(d, ctx, about_reasons);
            purpose_told->collect_named(d, ctx, about_purpose);
            const auto end = ends.of(d);
            const LocalDay from = months_before(d.at().day, ctx.readings.before_record_months);
            auto serving = [&](const ConnectedRecords& told, std::uint32_t p) { return told.serving(p, from, end); };
            boost::container::small_vector<std::uint32_t, 8> who(holders.begin(), holders.end());
            const bool child_owed = decision_kind(d) != Value::placement_unborn_without_consent;
            if (child_owed) who.emplace_back(0);
            // The child counts once, when told both the reasons and the purpose and content.
            const std::uint16_t n = count_reached(f, {who.data(), who.size()}, [&](std::uint32_t p) -> const Event* {
                const Event* r = serving(*reasons_told, p);
                if (p != 0 || !r) return r;
                const Event* q = serving(*purpose_told, p);
                if (q) use(f, r, EventRole::fulfilment);
                return q;
            });
            if (n == who.size()) {
                f.status = Status::met;
                f.reason = &reasons::cooperation_reasons_given;
            } else if (end) {
                // Violated only where the file records such explanations by the measure's end (see BL-FOR-STOTTEPERSON-75).
                const bool recorded = reasons_told->recorded_by(*end) || purpose_told->recorded_by(*end);
                f.status = recorded ? Status::violated : Status::indeterminate;
                f.reason = recorded ? &reasons::cooperation_reasons_missing : &reasons::cooperation_reasons_not_recorded;
            } else {
                f.status = Status::pending;
                f.reason = &reasons::cooperation_reasons_outstanding;
            }
        });
    }
};

}  // namespace

const Rule& parents_stoetteperson_offer() {
    static const ParentsStoetteperson rule;
    return rule;
}
const Rule& parent_support_decided() {
    static const ParentSupportDecided rule;
    return rule;
}
const Rule& parents_plan_made() {
    static const ParentsPlan rule;
    return rule;
}
const Rule& holistic_plan_consent() {
    static const HolisticPlanConsent rule;
    return rule;
}
const Rule& cooperation_reasons() {
    static const CooperationReasons rule;
    return rule;
}

}  // namespace barnetslov::rules
