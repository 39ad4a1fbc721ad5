// Part C's content duties of the undersøgelse and the indstilling (../shared/law/part-c-network-parents-special.md
// §§ 3 and 5): BL-BUU-INDST-51 (what the § 47 / § 49 indstilling to the børne- og ungeudvalg holds, § 51) and
// BL-NET-RESOURCES (the concluded undersøgelse states the family's and network's resources, § 22 stk. 1, 6).
// Both are judged from the declared fields only (the engine never reads free text): true is met, false
// violated, absent indeterminate.
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr std::string_view part_c_noted = "part-c-network-parents-special.md (December 2026)";

// ---- BL-BUU-INDST-51: § 51 stk. 1-4 (Serviceloven § 59) — part C § 5, CONFIRMED ------------------------------

namespace reasons {

constexpr Reason indstilling_complete{
    .key = "indstilling_complete",
    .da = "Indstillingen indeholder alt, hvad § 51 kræver.",
    .en = "The indstilling holds everything § 51 requires.",
};

constexpr Reason indstilling_lacks{
    .key = "indstilling_lacks",
    .da = "Indstillingen mangler et element, som § 51 kræver.",
    .en = "The indstilling lacks an element § 51 requires.",
    .attribute_da = {"Indstillingen mangler det (", "=\"false\")."},
    .attribute_en = {"The indstilling lacks it (", "=\"false\")."},
};

constexpr Reason indstilling_parent_plan_none{
    .key = "indstilling_parent_plan_none",
    .da = "Hverken forældrehandleplanen (§ 77 stk. 1) eller begrundelsen efter § 77 stk. 3 er vedlagt indstillingen (§ 51 stk. 2).",
    .en = "Neither the forældrehandleplan (§ 77 stk. 1) nor the § 77 stk. 3 reasons are attached to the indstilling (§ 51 stk. 2).",
};

constexpr Reason indstilling_content_unknown{
    .key = "indstilling_content_unknown",
    .da = "Sagen oplyser ikke, om indstillingen indeholder et element, som § 51 kræver.",
    .en = "The file does not say whether the indstilling holds an element § 51 requires.",
    .attribute_da = {"Sagen oplyser det ikke (ingen '", "')."},
    .attribute_en = {"The file does not say (no '", "')."},
};

constexpr Reason indstilling_sibling_reasons_unknown{
    .key = "indstilling_sibling_reasons_unknown",
    .da = "Søskende under 15 i husstanden, og sagen viser ikke, om indstillingen begrunder, at de ikke foreslås anbragt "
          "(sibling-reasons), eller afgørelsen angiver ikke sit grundlag (ground).",
    .en = "Siblings under 15 live in the household, and the file does not show whether the indstilling gives the reasons for "
          "not proposing their placement (sibling-reasons), or the decision does not state its ground.",
};

constexpr Reason indstilling_sibling_age_unknown{
    .key = "indstilling_sibling_age_unknown",
    .da = "Indstillingen begrunder ikke, at søskende i husstanden ikke foreslås anbragt (sibling-reasons=\"false\"), men "
          "sagen angiver ikke deres fødselsdato, så den viser ikke, om nogen af dem er under 15 år (§ 51 stk. 3).",
    .en = "The indstilling gives no reasons for not proposing the placement of the siblings in the household "
          "(sibling-reasons=\"false\"), but the file gives no birth date for them, so it does not show that any is under 15 "
          "(§ 51 stk. 3).",
};

constexpr Reason indstilling_not_47_49{
    .key = "indstilling_not_47_49",
    .da = "Indstillingen gælder en anden afgørelse end anbringelse uden samtykke efter § 47 eller § 49.",
    .en = "The indstilling is for another decision than a placement without consent under § 47 or § 49.",
};

constexpr Reason indstilling_decision_unknown{
    .key = "indstilling_decision_unknown",
    .da = "Sagen viser ikke, hvilken afgørelse indstillingen gælder (ingen afgørelse fra udvalget, der nævner den eller følger den).",
    .en = "The file does not show which decision the indstilling is for (no committee decision naming or following it).",
};

}  // namespace reasons

constexpr RuleVersion indst_versions[] = {
    {Law::barnets_lov, "§ 51 stk. 1-4", barnets_lov_start, far_future, Confidence::confirmed,
     "the content of Serviceloven § 59 is not in the catalog: not applied before 2024"},
};
constexpr StatuteRecord indst_statute{
    .rule = "BL-BUU-INDST-51",
    .read = "§ 51 stk. 1-4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/51",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The § 47 / § 49 indstilling holds the undersøgelse with a description that the conditions are met and of the "
                "resources of child, family and network; an assessment of the custody holder's competence; barnets plan or "
                "the ungeplan with the support intended; and the child's own view (stk. 1). The forældrehandleplan or the "
                "§ 77 stk. 3 reasoning is attached (stk. 2). Where it rests on neglect, violence or abuse and siblings under "
                "15 in the household are not proposed for placement, it gives the reasons and the support started for them "
                "(stk. 3); the committee notifies Ankestyrelsen if those reasons worry it (stk. 4).",
};

constexpr const Reason* indst_reasons[] = {&reasons::indstilling_complete,        &reasons::indstilling_lacks,
                                           &reasons::indstilling_parent_plan_none, &reasons::indstilling_content_unknown,
                                           &reasons::indstilling_sibling_reasons_unknown, &reasons::indstilling_not_47_49,
                                           &reasons::indstilling_decision_unknown, &reasons::indstilling_sibling_age_unknown};

constexpr Evidence indst_evidence[] = {
    {.type = EventType::indstilling, .attr = Attr::includes_undersoegelse},
    {.type = EventType::indstilling, .attr = Attr::includes_conditions_met},
    {.type = EventType::indstilling, .attr = Attr::includes_network_resources},
    {.type = EventType::indstilling, .attr = Attr::includes_parent_competence},
    {.type = EventType::indstilling, .attr = Attr::includes_plan},
    {.type = EventType::indstilling, .attr = Attr::includes_child_view},
    {.type = EventType::indstilling, .attr = Attr::includes_parent_plan},
    {.type = EventType::indstilling, .attr = Attr::sibling_reasons},
};
constexpr RuleMeta indst_meta{
    .id = "BL-BUU-INDST-51", .chapter = "decisions", .title_da = "Indstillingens indhold i sager efter § 47 og § 49",
    .title_en = "What the indstilling to the børne- og ungeudvalg holds in § 47 and § 49 cases", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: an indstilling for a placement without consent (§ 47, also at a 15+'s own wish, or § 49) states "
    "includes-undersoegelse, includes-conditions-met, includes-network-resources, includes-parent-competence, "
    "includes-plan and includes-child-view (stk. 1), includes-parent-plan \"plan\" or \"reasons\" (stk. 2), and, where "
    "the decision rests on inadequate care or abuse (ground) and a sibling under 15 lives in the household, "
    "sibling-reasons (stk. 3).",
    .reading = "Part C § 5, CONFIRMED. The decision an indstilling is for: the one naming it, else the one it names, else the "
    "first committee or chair decision on or after it; of another kind not_applicable, none indeterminate. An element "
    "\"false\" (or includes-parent-plan=\"none\") is violated; absent indeterminate, naming it. sibling-reasons=\"false\" "
    "is read as the siblings not proposed for placement without reasons (violated); a sibling without a birth date "
    "counts as possibly under 15: indeterminate, never violated, when no sibling is known to be under 15. The "
    "committee's stk. 4 notice to Ankestyrelsen is the committee's duty, not checked. "
    "The network resources element here also serves BL-NET-RESOURCES's indstilling half.",
    .predecessor = "Serviceloven § 59", .versions = indst_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<indstilling id="in1" at="2024-08-20" ref="bfu1" includes-undersoegelse="true" includes-conditions-met="true" includes-network-resources="true" includes-parent-competence="true" includes-plan="true" includes-child-view="true" includes-parent-plan="reasons"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" ref="in1"/>)",
    .reasons = indst_reasons,
    .statute = &indst_statute,
    .phase = Phase::before,
    .evidence = indst_evidence};

bool section_47_49(Value kind) {
    return kind == Value::placement_without_consent || kind == Value::placement_own_wish_15 || kind == Value::placement_unborn_without_consent;
}

// The decision indstilling `in` is for (see the reading), or nullptr. `committee`: the known decisions of the
// committee or its chair, in time order.
const Event* decision_for(const Case& c, const Event& in, const EvalContext& ctx, std::span<const std::uint32_t> committee) {
    if (const Event* d = first_referrer(c, in.index(), EventType::afgoerelse, ctx)) return d;
    if (const Event* d = first_ref(c, in, EventType::afgoerelse); d && ctx.known(*d)) return d;
    const auto later = from_day(c, committee, in.at().day);
    return later.empty() ? nullptr : &c.event(later.front());
}

constexpr Attr stk1_elements[] = {Attr::includes_undersoegelse,     Attr::includes_conditions_met, Attr::includes_network_resources,
                                  Attr::includes_parent_competence, Attr::includes_plan,           Attr::includes_child_view};

class IndstillingContent final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return indst_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        Deferred<IndexList> committee;
        for_each_trigger(c, ctx, out, indst_meta, EventType::indstilling, [&](const Event& in, Finding& f) {
            if (!committee) {
                committee.emplace();
                for (std::uint32_t k : c.events_of(EventType::afgoerelse))
                    if (ctx.known(c.event(k)) && by_committee(c.event(k))) committee->emplace_back(k);
            }
            const Event* d = decision_for(c, in, ctx, all(*committee));
            use(f, d, EventRole::related);
            if (!d) {
                f.status = Status::indeterminate;
                f.reason = &reasons::indstilling_decision_unknown;
                return;
            }
            if (!section_47_49(decision_kind(*d))) {
                f.status = Status::not_applicable;
                f.reason = &reasons::indstilling_not_47_49;
                return;
            }
            // A stated lack first (violated), then what the file does not say (indeterminate), then met.
            std::optional<Attr> unknown;
            for (Attr a : stk1_elements) {
                const auto v = in.flag(a);
                if (v == false) {
                    f.attribute = a;
                    f.status = Status::violated;
                    f.reason = &reasons::indstilling_lacks;
                    return;
                }
                if (!v && !unknown) unknown = a;
            }
            const auto parent_plan = in.value(Attr::includes_parent_plan);
            if (parent_plan == Value::none_) {
                f.attribute = Attr::includes_parent_plan;
                f.status = Status::violated;
                f.reason = &reasons::indstilling_parent_plan_none;
                return;
            }
            if (!parent_plan && !unknown) unknown = Attr::includes_parent_plan;
            // Stk. 3: siblings under 15 in the household, in a case of neglect or abuse.
            // A sibling without a birth date is possibly under 15: never violated on that alone (law README).
            bool siblings_at_home = false, known_under_15 = false;
            for (const Person& p : c.persons())
                if (p.kind == PersonKind::sibling && p.in_household == true && (!p.birth_date || age_on(*p.birth_date, in.at().day) < 15)) {
                    siblings_at_home = true;
                    if (p.birth_date) known_under_15 = true;
                }
            const auto ground = d->value(Attr::ground);
            const bool neglect = ground == Value::inadequate_care || ground == Value::abuse;
            const auto sibling_reasons = in.flag(Attr::sibling_reasons);
            if (siblings_at_home && neglect && sibling_reasons == false) {
                f.attribute = Attr::sibling_reasons;
                f.status = known_under_15 ? Status::violated : Status::indeterminate;
                f.reason = known_under_15 ? &reasons::indstilling_lacks : &reasons::indstilling_sibling_age_unknown;
                return;
            }
            if (unknown) {
                f.attribute = *unknown;
                f.status = Status::indeterminate;
                f.reason = &reasons::indstilling_content_unknown;
                return;
            }
            if (siblings_at_home && sibling_reasons != true && (neglect || !ground)) {
                f.status = Status::indeterminate;
                f.reason = &reasons::indstilling_sibling_reasons_unknown;
                return;
            }
            f.status = Status::met;
            f.reason = &reasons::indstilling_complete;
        });
    }
};

// ---- BL-NET-RESOURCES: § 22 stk. 1, stk. 6 3. pkt.; § 51 stk. 1 nr. 1 (Serviceloven § 50) — part C § 3 ---------

namespace reasons {

constexpr Reason network_resources_stated{
    .key = "network_resources_stated",
    .da = "Undersøgelsen beskriver familiens og netværkets ressourcer.",
    .en = "The undersøgelse describes the family's and the network's resources.",
    .attribute_da = {"Angivet (", "=\"true\")."},
    .attribute_en = {"Stated (", "=\"true\")."},
};

constexpr Reason network_resources_lacking{
    .key = "network_resources_lacking",
    .da = "Undersøgelsen beskriver ikke familiens og netværkets ressourcer.",
    .en = "The undersøgelse does not describe the family's and the network's resources.",
    .attribute_da = {"Ikke angivet (", "=\"false\")."},
    .attribute_en = {"Not stated (", "=\"false\")."},
};

constexpr Reason network_resources_unknown{
    .key = "network_resources_unknown",
    .da = "Sagen oplyser ikke, om undersøgelsen beskriver familiens og netværkets ressourcer.",
    .en = "The file does not say whether the undersøgelse describes the family's and the network's resources.",
    .attribute_da = {"Sagen oplyser det ikke (ingen '", "')."},
    .attribute_en = {"The file does not say (no '", "')."},
};

}  // namespace reasons

constexpr RuleVersion net_versions[] = {
    {Law::barnets_lov, "§ 22 stk. 1, 6", barnets_lov_start, far_future, Confidence::confirmed,
     "§ 22 stk. 6, 3. pkt. is the bill's \"§ 22 stk. 5\"; Serviceloven § 50's wording not in the catalog: not applied before 2024"},
};
constexpr StatuteRecord net_statute{
    .rule = "BL-NET-RESOURCES",
    .read = "§ 22 stk. 1, 6; § 51 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/22 and https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/51",
    .noted_in = part_c_noted,
    .read_on = december_2026,
    .confirms = "The undersøgelse maps the challenges and resources of the child, the family and the network (§ 22 stk. 1) and "
                "states the conditions in the family or its surroundings that can help remedy the difficulties (§ 22 stk. 6, "
                "3. pkt.); the § 47 / § 49 indstilling describes those resources (§ 51 stk. 1 nr. 1).",
};

constexpr const Reason* net_reasons[] = {&reasons::network_resources_stated, &reasons::network_resources_lacking,
                                         &reasons::network_resources_unknown};

constexpr Evidence net_evidence[] = {{.type = EventType::undersoegelse_afsluttet, .attr = Attr::network_resources_described}};
constexpr RuleMeta net_meta{
    .id = "BL-NET-RESOURCES", .chapter = "network", .title_da = "Undersøgelsen beskriver familiens og netværkets ressourcer",
    .title_en = "The undersøgelse describes the family's and the network's resources", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every concluded undersøgelse (undersoegelse-afsluttet) states network-resources-described.",
    .reading = "Part C § 3, CONFIRMED. \"true\" is met, \"false\" violated, absent indeterminate. The indstilling's half (§ 51 "
    "stk. 1 nr. 1, includes-network-resources) is judged once, by BL-BUU-INDST-51, so one missing description is not "
    "counted twice. An undersøgelse of kommende forældre (§ 26) is outside § 22 and gives no finding. Not applied to "
    "undersøgelser concluded before 2024.",
    .predecessor = "Serviceloven § 50", .versions = net_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<undersoegelse-afsluttet id="bfu1-end" at="2024-07-15" ref="bfu1" outcome="placement" network-resources-described="true"/>)",
    .reasons = net_reasons,
    .statute = &net_statute,
    .evidence = net_evidence};

class NetworkResources final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return net_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // An undersøgelse of kommende forældre (§ 26) is outside § 22, as BL-UNDS-CONTENT reads it.
        const auto section_20 = [&](const Event& e) {
            const Event* u = first_ref(c, e, EventType::undersoegelse);
            return !u || u->value(Attr::subject) != Value::kommende_foraeldre;
        };
        for_each_trigger(c, ctx, out, net_meta, EventType::undersoegelse_afsluttet, section_20, [&](const Event& e, Finding& f) {
            const auto v = e.flag(Attr::network_resources_described);
            f.attribute = Attr::network_resources_described;
            f.status = v == true ? Status::met : v == false ? Status::violated : Status::indeterminate;
            f.reason = v == true ? &reasons::network_resources_stated
                       : v == false ? &reasons::network_resources_lacking
                                    : &reasons::network_resources_unknown;
        });
    }
};

}  // namespace

const Rule& indstilling_content() {
    static const IndstillingContent rule;
    return rule;
}
const Rule& network_resources() {
    static const NetworkResources rule;
    return rule;
}

}  // namespace barnetslov::rules
