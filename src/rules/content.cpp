// BL-AFD-01, BL-UNDS-CONTENT, BL-PLAN-CONTENT, BL-OPF-REVIEW (catalog part A §§ 2 and 4; issue 18 item 2):
// what a concluded afdækning, a concluded undersøgelse, barnets plan and a follow-up contain, judged from the
// structured fields the case file declares for them (format-18.md § 1-2). The engine never reads free text:
// a flag that is absent is indeterminate with the attribute named (the file does not say), never violated,
// and where the law asks for a step "as far as possible" (så vidt muligt) a flag set to false is
// indeterminate too — the file cannot show whether it was possible (law README, "the engine never
// overstates"). None of these rules counts a deadline: they give no late, missed or pending (no clock, and
// nothing is owed later than the record they judge).
#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr RuleVersion from_2024(std::string_view section, Confidence confidence, std::string_view note) {
    return {Law::barnets_lov, section, barnets_lov_start, far_future, confidence, note};
}

namespace reasons {

// "så vidt muligt": a flag false where the law asks only as far as possible
constexpr Reason not_as_far_as_possible{
    .key = "not_as_far_as_possible",
    .da = "Sagen angiver, at det ikke skete; loven kræver det kun så vidt muligt, og sagen viser ikke, om det var muligt.",
    .en = "The file says it did not happen; the law asks for it only as far as possible, and the file does not show whether it was possible.",
    .attribute_da = {"Ikke sket (", "=\"false\"); loven kræver det kun så vidt muligt, og sagen viser ikke, om det var muligt."},
    .attribute_en = {"Not done (", "=\"false\"); the law asks for it only as far as possible, and the file does not show whether it was possible."},
};

}  // namespace reasons

// Judges `attrs` of `e`: any of `firm` false is violated (not_stated); then any absent indeterminate
// (statement_unknown); then any of the others false indeterminate (not_as_far_as_possible); else met.
// The attribute judged is named in the finding.
void judge_flags(Finding& f, const Event& e, std::span<const Attr> firm, std::span<const Attr> as_far_as_possible) {
    for (Attr a : firm)
        if (e.flag(a) == false) {
            f.status = Status::violated;
            f.reason = &reasons::not_stated;
            f.attribute = a;
            return;
        }
    for (std::span<const Attr> list : {firm, as_far_as_possible})
        for (Attr a : list)
            if (!e.flag(a)) {
                f.status = Status::indeterminate;
                f.reason = &reasons::statement_unknown;
                f.attribute = a;
                return;
            }
    for (Attr a : as_far_as_possible)
        if (e.flag(a) == false) {
            f.status = Status::indeterminate;
            f.reason = &reasons::not_as_far_as_possible;
            f.attribute = a;
            return;
        }
    f.status = Status::met;
    f.reason = &reasons::stated;
    f.attribute = firm.empty() ? as_far_as_possible.front() : firm.front();
}

// ---- BL-AFD-01: § 19 — the content of a concluded afdækning ----------------------------------------
// Statuses: met, violated (issues-delimited or professionals-involved false), indeterminate (a flag absent;
// child-involved or parents-involved false, which § 19 asks only as far as possible), not_applicable (an
// afdækning concluded before 2024: § 19 is new in barnets lov).

constexpr RuleVersion afd_versions[] = {from_2024("§ 19", Confidence::confirmed,
                                                  "new in barnets lov; content as the ministry's page states it (statutory wording not read)")};
constexpr StatuteRecord afd_statute{
    .rule = "BL-AFD-01",
    .not_found = "§ 19",
    .source = "not found: § 19's own text was not read; the ministry's page on screening and afdækning (catalog part A [SMSCR]) states the content",
    .noted_in = "the part A catalog (BL-AFD-01)",
    .read_on = december_2026,
    .confirms = "An afdækning clarifies one or more delimited issues of the support need, involving the professionals who "
                "already know the child or family, and as far as possible in cooperation with the child and the custody holder. "
                "No deadline is found.",
};

constexpr const Reason* afd_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::not_as_far_as_possible};
constexpr Evidence afd_evidence[] = {{.type = EventType::afdaekning_afsluttet, .attr = Attr::issues_delimited},
                                     {.type = EventType::afdaekning_afsluttet, .attr = Attr::professionals_involved},
                                     {.type = EventType::afdaekning_afsluttet, .attr = Attr::child_involved},
                                     {.type = EventType::afdaekning_afsluttet, .attr = Attr::parents_involved}};
constexpr RuleMeta afd_meta{
    .id = "BL-AFD-01", .chapter = "investigation", .title_da = "Afdækningens indhold", .title_en = "Content of the afdækning",
    .severity = Severity::warning, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: the concluded afdækning (afdaekning-afsluttet) states that it delimited the issues (issues-delimited), "
    "involved the professionals who know the child or family (professionals-involved), and involved the child (child-involved) "
    "and the parents (parents-involved).",
    .reading = "Each flag true is met. issues-delimited or professionals-involved false is violated. child-involved or "
    "parents-involved false is indeterminate: § 19 asks for the cooperation of child and custody holder only as far as possible, "
    "and the file does not show whether it was possible. A flag absent is indeterminate (the file does not say). New in "
    "barnets lov: an afdækning concluded before 2024 is not_applicable. Severity warning: § 19's own wording was not read.",
    .predecessor = "none (new in barnets lov)", .versions = afd_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afdaekning id="af1" at="2024-03-04" ref="s1"/>
<afdaekning-afsluttet id="af1-end" at="2024-04-12" ref="af1" issues-delimited="true" professionals-involved="true" child-involved="true" parents-involved="true"/>)",
    .reasons = afd_reasons,
    .statute = &afd_statute,
    .phase = Phase::with,
    .evidence = afd_evidence};

class AfdaekningContent final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return afd_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr firm[] = {Attr::issues_delimited, Attr::professionals_involved};
        static constexpr Attr soft[] = {Attr::child_involved, Attr::parents_involved};
        for_each_trigger(c, ctx, out, afd_meta, EventType::afdaekning_afsluttet,
                         [&](const Event& e, Finding& f) { judge_flags(f, e, firm, soft); });
    }
};

// ---- BL-UNDS-CONTENT: § 22 stk. 1, 6 — the content of a concluded undersøgelse ---------------------
// Statuses: met, violated (a flag false), indeterminate (a flag absent), not_applicable (concluded before
// 2024). An undersøgelse of kommende forældre (§ 26) is not a § 20 undersøgelse and gives no finding.

constexpr RuleVersion unds_versions[] = {from_2024("§ 22 stk. 1, 6", Confidence::confirmed,
                                                   "before 2024 Serviceloven § 50, whose content the catalog does not give in these terms")};
constexpr StatuteRecord unds_statute{
    .rule = "BL-UNDS-CONTENT",
    .read = "§ 22 stk. 1, 6",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/22",
    .noted_in = "the part A catalog (BL-UNDS-CONTENT, [L22]) and part C (BL-NET-RESOURCES: the network's resources are § 22 stk. 6, 3. pkt.)",
    .read_on = december_2026,
    .confirms = "The undersøgelse takes a whole view of the challenges and resources of child, family and network, and ends "
                "in a reasoned position on whether and which support to start; it records how the custody holder and the "
                "child view the support, and which factors of family and network can help.",
};

constexpr const Reason* unds_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown};
constexpr Evidence unds_evidence[] = {{.type = EventType::undersoegelse_afsluttet, .attr = Attr::reasoned_position},
                                      {.type = EventType::undersoegelse_afsluttet, .attr = Attr::child_views_recorded},
                                      {.type = EventType::undersoegelse_afsluttet, .attr = Attr::parents_views_recorded}};
constexpr RuleMeta unds_meta{
    .id = "BL-UNDS-CONTENT", .chapter = "investigation", .title_da = "Undersøgelsens indhold og konklusion",
    .title_en = "Content and conclusion of the undersøgelse", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: the concluded undersøgelse (undersoegelse-afsluttet) states a reasoned position (reasoned-position), the "
    "child's and the custody holder's views on the support (child-views-recorded, parents-views-recorded).",
    .reading = "All three true is met; any false is violated (§ 22 stk. 1 and 6 require each); any absent is indeterminate (the file "
    "does not say). The child's views are required whatever its age: an undersøgelse where the child could not express a view "
    "records that as its views (false would be violated). An undersøgelse of kommende forældre (§ 26) is outside § 22 and gives no "
    "finding. The resources of family and network (§ 22 stk. 6, 3. pkt., network-resources-described) are judged once, by "
    "BL-NET-RESOURCES, so one missing description is not two findings. Judged by the law in force on the day of the conclusion; before 2024 not_applicable.",
    .predecessor = "Serviceloven § 50", .versions = unds_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<undersoegelse id="bfu1" at="2024-04-08" ref="u1"/>
<undersoegelse-afsluttet id="bfu1-end" at="2024-07-15" ref="bfu1" outcome="supportive-measure" reasoned-position="true" child-views-recorded="true" parents-views-recorded="true" network-resources-described="true"/>)",
    .reasons = unds_reasons,
    .statute = &unds_statute,
    .phase = Phase::with,
    .evidence = unds_evidence};

class UndersoegelseContent final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return unds_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // network-resources-described is BL-NET-RESOURCES's (part C), judged there only.
        static constexpr Attr flags[] = {Attr::reasoned_position, Attr::child_views_recorded, Attr::parents_views_recorded};
        for_each_trigger(
            c, ctx, out, unds_meta, EventType::undersoegelse_afsluttet,
            [&](const Event& e) {
                const Event* u = first_ref(c, e, EventType::undersoegelse);
                return !u || u->value(Attr::subject) != Value::kommende_foraeldre;
            },
            [&](const Event& e, Finding& f) { judge_flags(f, e, flags, {}); });
    }
};

// ---- BL-PLAN-CONTENT: § 92 — barnets plan has goals, set with the child ----------------------------
// Statuses: met, violated (the file carries goals by the plan's date, none for this plan), indeterminate (no goal
// in the whole file: an export without goals; goals recorded only after the plan; a revision without goals of its own; with-child absent or false — § 92
// asks "as far as possible"), not_applicable (a plan before 2024).

namespace reasons {

constexpr Reason goals_with_child{
    .key = "goals_with_child",
    .da = "Planen har mål (maal), og alle er sat sammen med barnet.",
    .en = "The plan has goals (maal), all set together with the child.",
};

constexpr Reason goals_missing{
    .key = "goals_missing",
    .da = "Planen har ingen mål (intet maal henviser til den), selv om sagen registrerer mål for andre planer.",
    .en = "The plan has no goals (no maal names it), although the file records goals for other plans.",
};

constexpr Reason goals_not_recorded{
    .key = "goals_not_recorded",
    .da = "Sagen registrerer ingen mål (maal) for nogen plan; den viser ikke planens mål.",
    .en = "The file records no goals (maal) for any plan; it does not show the plan's goals.",
};

constexpr Reason goals_recorded_only_later{
    .key = "goals_recorded_only_later",
    .da = "Planen har ingen mål (intet maal henviser til den), og sagen registrerer først mål efter planens dato; den viser "
          "ikke, om mål blev registreret, da planen blev lavet.",
    .en = "The plan has no goals (no maal names it), and the file records goals only from after the plan's date; it does "
          "not show whether goals were recorded when the plan was made.",
};

constexpr Reason revision_without_goals{
    .key = "revision_without_goals",
    .da = "Revisionen har ingen egne mål; målene kan være videreført fra den plan, den reviderer.",
    .en = "The revision has no goals of its own; the goals may carry over from the plan it revises.",
};

constexpr Reason goal_with_child_unknown{
    .key = "goal_with_child_unknown",
    .da = "Sagen oplyser ikke, om et af planens mål blev sat sammen med barnet (ingen with-child).",
    .en = "The file does not say whether one of the plan's goals was set with the child (no with-child).",
};

constexpr Reason goal_without_child{
    .key = "goal_without_child",
    .da = "Et af planens mål blev ikke sat sammen med barnet; § 92 kræver det så vidt muligt, og sagen viser ikke, om det var muligt.",
    .en = "One of the plan's goals was not set with the child; § 92 asks for it as far as possible, and the file does not show whether it was possible.",
};

}  // namespace reasons

constexpr RuleVersion plan_versions[] = {from_2024("§ 92", Confidence::confirmed, "new wording of barnets lov (before 2024 Serviceloven § 140 stk. 2-3)")};
constexpr StatuteRecord plan_statute{
    .rule = "BL-PLAN-CONTENT",
    .read = "§ 92",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/92",
    .noted_in = "law README (\"Readings settled after the statute and authority review\": § 92 among the paragraphs read)",
    .read_on = december_2026,
    .confirms = "Barnets plan sets concrete goals for the child's well-being and development matching the purpose of the "
                "measure, made as far as possible together with the child and the custody holder, the goals reflecting the "
                "child's own wishes and needs.",
};

constexpr const Reason* plan_reasons[] = {&reasons::goals_with_child,     &reasons::goals_missing,          &reasons::goals_not_recorded,
                                          &reasons::revision_without_goals, &reasons::goal_with_child_unknown, &reasons::goal_without_child,
                                          &reasons::goals_recorded_only_later};
constexpr Evidence plan_evidence[] = {{.type = EventType::maal}};
constexpr RuleMeta plan_meta{
    .id = "BL-PLAN-CONTENT", .chapter = "plans", .title_da = "Barnets plan: mål sat sammen med barnet",
    .title_en = "Barnets plan: goals, set with the child", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every barnets plan or ungeplan has at least one goal (a maal whose ref names the plan), each set "
    "together with the child (with-child).",
    .reading = "Goals with with-child=\"true\" are met. A plan with no goal is violated only where the file records goals for "
    "other plans dated on or before this plan's date (the export carried goals by then); where it records none at all, "
    "or only later ones, it is indeterminate, and so is a revision "
    "(revision=\"true\") with no goals of its own, whose goals may carry over. with-child absent is indeterminate; false is "
    "indeterminate too, since § 92 asks for the child's part only as far as possible. Whether the goals were set with the "
    "parents (with-parents), and the plan's other content (support to the family, the undersøgelse it builds on), are not "
    "judged. A handleplan, a helhedsorienteret plan and a forældrehandleplan are other plans; a plan before 2024 is not_applicable.",
    .predecessor = "Serviceloven § 140 stk. 2-3, 5", .versions = plan_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<plan id="p1" at="2024-09-10" kind="barnets-plan" ref="d1"/>
<maal id="g1" at="2024-09-10" ref="p1" area="school" with-child="true" with-parents="true"/>)",
    .reasons = plan_reasons,
    .statute = &plan_statute,
    .phase = Phase::with,
    .evidence = plan_evidence};

class PlanContent final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return plan_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // Whether the file records any goal at all, asked once, and the day of the earliest (events are in time order).
        std::optional<bool> any_goal;
        LocalDay first_goal_day{};
        for_each_trigger(
            c, ctx, out, plan_meta, EventType::plan,
            [](const Event& p) {
                const Value kind = p.value(Attr::kind).value_or(Value::barnets_plan);
                return kind == Value::barnets_plan || kind == Value::ungeplan;
            },
            [&](const Event& p, Finding& f) {
                const Event* unknown = nullptr;
                const Event* without = nullptr;
                const Event* first = nullptr;
                for (std::uint32_t r : c.referrers(p.index())) {
                    const Event& g = c.event(r);
                    if (g.type() != EventType::maal || !ctx.known(g)) continue;
                    if (!first) first = &g;
                    const auto with = g.flag(Attr::with_child);
                    if (!with && !unknown) unknown = &g;
                    if (with == false && !without) without = &g;
                }
                if (!first) {
                    if (!any_goal) {
                        any_goal = false;
                        for (std::uint32_t k : c.events_of(EventType::maal))
                            if (ctx.known(c.event(k))) {
                                any_goal = true;
                                first_goal_day = c.event(k).at().day;
                                break;
                            }
                    }
                    const bool revision = p.flag(Attr::revision) == true;
                    // Goals recorded only after this plan do not show the export carried them when it was made.
                    const bool carried = *any_goal && first_goal_day <= p.at().day;
                    f.status = carried && !revision ? Status::violated : Status::indeterminate;
                    f.reason = !*any_goal ? &reasons::goals_not_recorded
                               : revision ? &reasons::revision_without_goals
                               : carried  ? &reasons::goals_missing
                                          : &reasons::goals_recorded_only_later;
                    return;
                }
                // The goal that decides: the one whose with-child is unknown or false (shown, not a fulfilment),
                // else the first, which fulfils the duty.
                const Event* named = unknown ? unknown : without ? without : first;
                const bool met = !unknown && !without;
                use(f, named, met ? EventRole::fulfilment : EventRole::related);
                if (met) f.done = named->at();
                f.status = met ? Status::met : Status::indeterminate;
                f.reason = unknown ? &reasons::goal_with_child_unknown : without ? &reasons::goal_without_child : &reasons::goals_with_child;
            });
    }
};

// ---- BL-OPF-REVIEW: § 95 stk. 4-5 — the four assessments of a follow-up -----------------------------
// Statuses: met, violated (an assessment recorded as not made), indeterminate (one absent), not_applicable
// (a follow-up before 2024).

constexpr RuleVersion review_versions[] = {from_2024("§ 95 stk. 4-5", Confidence::confirmed,
                                                     "stk. 5 cut off where read; its 'matters outside the plan' from the catalog and VEJ 9148")};
constexpr StatuteRecord review_statute{
    .rule = "BL-OPF-REVIEW",
    .read = "§ 95 stk. 4-5",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "At follow-up the municipality assesses whether the measure should be adjusted and whether further afdækning or "
                "undersøgelse is needed, takes a continuing position on making or revising barnets plan, the ungeplan or the "
                "helhedsorienteret plan, and (stk. 5, cut off) whether matters outside the plan have become relevant.",
};

constexpr const Reason* review_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown};
constexpr Evidence review_evidence[] = {{.type = EventType::opfoelgning, .attr = Attr::measure_adjusted},
                                        {.type = EventType::opfoelgning, .attr = Attr::further_investigation},
                                        {.type = EventType::opfoelgning, .attr = Attr::plan_revision},
                                        {.type = EventType::opfoelgning, .attr = Attr::other_matters}};
constexpr RuleMeta review_meta{
    .id = "BL-OPF-REVIEW", .chapter = "plans", .title_da = "Opfølgningens vurderinger", .title_en = "The assessments of a follow-up",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every follow-up (opfoelgning) records that it assessed whether to adjust the measure "
    "(measure-adjusted), whether further afdækning or undersøgelse is needed (further-investigation), whether to make or revise "
    "the plan (plan-revision) and whether matters outside the plan have become relevant (other-matters).",
    .reading = "Each attribute says whether the follow-up assessed that question (true) or not (false), not what it concluded. "
    "All four true is met; any false is violated (§ 95 stk. 4-5 require each assessment at every follow-up); any absent is "
    "indeterminate (the file does not say). A follow-up before 2024 (Serviceloven § 70) is not_applicable.",
    .predecessor = "Serviceloven § 70", .versions = review_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<indsats-start id="m1" at="2024-06-10" ref="d1"/>
<opfoelgning id="o1" at="2024-09-05" ref="m1" measure-adjusted="true" further-investigation="true" plan-revision="true" other-matters="true"/>)",
    .reasons = review_reasons,
    .statute = &review_statute,
    .phase = Phase::with,
    .evidence = review_evidence};

class FollowUpReview final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return review_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr flags[] = {Attr::measure_adjusted, Attr::further_investigation, Attr::plan_revision, Attr::other_matters};
        for_each_trigger(c, ctx, out, review_meta, EventType::opfoelgning,
                         [&](const Event& e, Finding& f) { judge_flags(f, e, flags, {}); });
    }
};

}  // namespace

const Rule& afdaekning_content() {
    static const AfdaekningContent rule;
    return rule;
}
const Rule& undersoegelse_content() {
    static const UndersoegelseContent rule;
    return rule;
}
const Rule& plan_content() {
    static const PlanContent rule;
    return rule;
}
const Rule& follow_up_review() {
    static const FollowUpReview rule;
    return rule;
}

}  // namespace barnetslov::rules
