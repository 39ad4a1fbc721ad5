// What reading the statute in December 2026 showed for each implemented rule. The source of truth is
// ../shared/law/statute-notes.md with the law README's settled readings; paragraphs the notes do not
// cover were looked up for issue 14 on 2 December 2026 (lovguiden.dk's page per paragraph of
// LBK 282, or the named page), and those records say so in noted_in. Everything is paraphrased.
#include "barnetslov/statute.hpp"

namespace barnetslov {
namespace {

constexpr std::string_view notes = "statute-notes.md";
constexpr std::string_view lookup = "issue 14 lookup (recorded here; not in statute-notes.md)";
constexpr std::string_view december = "December 2026";
constexpr std::string_view lookup_day = "2 December 2026";

constexpr StatuteRecord records[] = {
    // ---- Part A § 1: underretninger ----
    {.rule = "BL-UND-RELOC",
     .read = "§ 132 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/132",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "When a family with a child, or expectant parents, in need of special support moves, the municipality it "
                 "leaves must notify the new one (stk. 1) and send the necessary case material with a summary of its "
                 "assessments (stk. 2). No deadline is stated.",
     .conflict = ""},
    {.rule = "BL-UND-24H",
     .not_found = "§ 136",
     .source = "not found; best secondary source: Social- og Boligministeriet, "
               "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/underretningspligt/kommunens-pligt; "
               "VEJ 9471's chapter map, https://regelrytter.dk/https-www-retsinformation-dk-api-pdf-244358",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The ministry states that within 24 hours the municipality assesses whether the child's health or "
                 "development is in danger and whether acute measures are needed; VEJ 9471 places the handling of "
                 "underretninger in §§ 136-137. The stk. is not known.",
     .conflict = ""},
    {.rule = "BL-UND-KVIT",
     .not_found = "§§ 136-137",
     .source = "not found; best secondary sources: municipal pages stating 6 hverdage, "
               "https://egedalkommune.dk/mit-liv/omsorg-stoette-og-tilbud/bekymring-for-et-barn-eller-en-voksen/boern-i-mistrivsel "
               "and https://www.nyborg.dk/da/Borger/B%C3%B8rn-unge-og-familie/Hj%C3%A6lp-og-r%C3%A5dgivning/"
               "Har-du-en-bekymring-for-et-barn-eller-en-ung",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The 6 hverdage are stated in current municipal guidance. L 87 shows that § 137 stk. 1, 1. pkt. is the "
                 "feedback rule, so the kvittering is elsewhere in § 137 or in § 136; it cannot be placed.",
     .conflict = "Possible: the catalog owes the kvittering to professional notifiers only, but Egedal and Nyborg promise "
                 "it to citizens (private, even anonymous, notifiers). The statute does not settle it; the rule keeps the "
                 "professional scope by default (reading kvittering-to) and its UNCONFIRMED marker."},
    {.rule = "BL-UND-FEEDBACK",
     .not_found = "§ 137",
     .source = "not found; best secondary source: bill L 87 (2024-25) § 1 nr. 8, https://polspy.org/dk/dokumenter/1128878 "
               "(https://www.ft.dk/ripdf/samling/20241/lovforslag/l87/20241_l87_som_fremsat.pdf)",
     .noted_in = notes,
     .read_on = december,
     .confirms = "L 87 amends § 137 stk. 1, 1. pkt., narrowing 'indsatser' to supportive measures under § 32, placements "
                 "under §§ 46, 47 or 67 and measures under other named laws (the rest is cut off): the feedback rule's "
                 "place is confirmed through the bill. No timing was found.",
     .conflict = ""},

    // ---- Part A § 2: screening and the børnefaglig undersøgelse ----
    {.rule = "BL-SCR-01",
     .read = "§ 18 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/18",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Knowing or having reason to assume that a child needs help, the municipality screens for one of three "
                 "outcomes: nothing further, an afdækning (§ 19) or a børnefaglig undersøgelse (§§ 20-22), weighing the "
                 "case's complexity and any reduced functional ability. No deadline.",
     .conflict = ""},
    {.rule = "BL-SCR-RISK",
     .read = "§ 18 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/18",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Where the screening shows possible honour-related conflict or negative social control, a risk "
                 "assessment must be made before the parents and the network are involved.",
     .conflict = ""},
    {.rule = "BL-UNDS-4M",
     .read = "§ 20 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/20",
     .noted_in = "part-c-network-parents-special.md (December 2026); read again in the issue 14 lookup",
     .read_on = december,
     .confirms = "The undersøgelse is concluded at the latest 4 months after the municipality becomes aware that the "
                 "child may need special support; if it exceptionally cannot be, a foreløbig vurdering is made and the "
                 "undersøgelse concluded as soon as possible after. The text does not date the foreløbig vurdering "
                 "(the rule's INFERRED dating requirement).",
     .conflict = ""},
    {.rule = "BL-UNDS-SIB",
     .read = "§ 21 stk. 1-3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/21",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Every undersøgelse assesses whether other children in the family need one (stk. 1); after a placement "
                 "for inadequate care or abuse, siblings under 15 in the household must be investigated (stk. 2) unless, "
                 "in special cases, there is obviously no need (stk. 3).",
     .conflict = ""},
    {.rule = "BL-UNDS-2RAD",
     .read = "§ 21 stk. 5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/21",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Where no § 32 measure or placement (§§ 46, 47) came before, key meetings with the child during the "
                 "undersøgelse are held 'som udgangspunkt' with two børne- og ungerådgivere: a reasoned deviation is "
                 "possible, as the settled reading says.",
     .conflict = ""},
    {.rule = "BL-UNDS-COOP15",
     .read = "§ 22 stk. 2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/22",
     .noted_in = "issue 14 lookup (part-c-network-parents-special.md read § 22 stk. 1, 5 and 6 in December 2026)",
     .read_on = lookup_day,
     .confirms = "The undersøgelse is carried out 'så vidt muligt' in cooperation with the custody holder and the young "
                 "person of 15+; no consent is required.",
     .conflict = ""},
    {.rule = "BL-UNDS-PRE-ANB",
     .read = "§ 46 stk. 3; § 47 stk. 2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
     .noted_in = "statute-notes.md (§ 47); issue 14 lookup (§ 46)",
     .read_on = december,
     .confirms = "A placement with consent only after a § 20 (or ungefaglig) undersøgelse, though a provisional or acute "
                 "one may run in parallel when special circumstances speak for it (§ 46 stk. 3); a placement without "
                 "consent only on a founded presumption after an undersøgelse under § 20 or § 26 (§ 47 stk. 2).",
     .conflict = "§ 47 has no parallel route of its own: besides § 46 stk. 3, only the chair's § 143 decision is named as "
                 "running beside an undersøgelse (§ 22 stk. 6, § 95 stk. 2). The rule's reading accepts "
                 "provisional=\"true\" on any placement decision, so a committee decision under § 47 marked provisional "
                 "passes where the text does not allow it."},

    // ---- Part A § 3: child involvement ----
    {.rule = "BL-BARN-VIEWS",
     .read = "§ 5 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/5",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The child's attitude and views are obtained and included løbende, through conversations and other "
                 "direct contact, before any beslutning or afgørelse about the child's circumstances: no closed list, "
                 "no age limit, and possibly without the custody holder's consent or presence. A child who declines is "
                 "not addressed (stays UNCONFIRMED).",
     .conflict = ""},
    {.rule = "BL-BARN-VIEWS-EXC",
     .read = "§ 5 stk. 4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/5",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Only in 'helt særlige tilfælde', when age or other circumstances decisively speak against it, may the "
                 "conversation or direct contact be waived, and the views are then obtained another way: the exception "
                 "removes the form, not the duty.",
     .conflict = ""},
    {.rule = "BL-BARN-BISID",
     .read = "§ 6 stk. 1-4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/6",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "The child may be assisted by others at any stage and the municipality must tell the child so (stk. 1); "
                 "setting the right aside or excluding a bisidder is an afgørelse (stk. 2-3); a bisidder has turned 15 "
                 "and is bound by confidentiality (stk. 4).",
     .conflict = ""},
    {.rule = "BL-BARN-PART10",
     .read = "§ 3",
     .source = "https://regelrytter.dk/barnets-lov/3 (LBK 282); before L 87 https://elov.dk/barnets-lov/paragraf/3/",
     .noted_in = notes,
     .read_on = december,
     .confirms = "A child who has turned 10 exercises party powers in the ten listed case types, including § 104 "
                 "stk. 2-5 and cases under §§ 142, 143, 146-148 and 151. § 3 creates no hearing duty of its own: "
                 "partshøring follows from forvaltningsloven § 19 (not re-read), before decisions resting on facts to "
                 "the party's disadvantage that the party is not presumed to know.",
     .conflict = "The catalog counts partshøring among the party rights and expects hearing letters to the child in every "
                 "such case; the text owes no hearing before every decision. The settled reading follows the text "
                 "(violated only with unknown adverse facts and no hearing, otherwise indeterminate; INFERRED). The L 87 "
                 "effective date stays UNCONFIRMED."},
    {.rule = "BL-BARN-BUU-HEAR",
     .read = "§ 142 stk. 2-3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
     .noted_in = "statute-notes.md (stk. 2); issue 14 lookup (stk. 3)",
     .read_on = december,
     .confirms = "Before the committee decides, the custody holder, the child, the lawyer and any bisidder have the "
                 "opportunity to make statements; for the child only when under 10, or when it must be assumed to harm "
                 "the child, may it be left out. Stk. 3 extends it to a non-custodial parent in § 105 cases and to "
                 "foster parents in § 42 stk. 4 cases.",
     .conflict = ""},
    {.rule = "BL-BARN-AKT10",
     .not_found = "§ 141",
     .source = "not found in December 2026 (not re-read); best secondary source: the catalog's earlier reading [RR141], "
               "https://regelrytter.dk/bekendtgoerelse-af-barnets-lov/eli-lta-2025-282-sec-141",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Nothing new: the catalog's CONFIRMED (before a decision in a § 140 case, the custody holder and the "
                 "child of 10+ are told they may see the files and comment) rests on its earlier reading alone. "
                 "§ 142 stk. 2, read, confirms the related hearing before the committee.",
     .conflict = ""},
    {.rule = "BL-BARN-CONSENT15",
     .read = "§ 46 stk. 1-2; § 47 stk. 4; § 67 stk. 3; § 104 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46, "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47, "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
     .noted_in = "statute-notes.md (§§ 47, 67, 104); issue 14 lookup (§ 46)",
     .read_on = december,
     .confirms = "The young person of 15+ consents to a placement with consent, and the consent covers its purpose "
                 "(§ 46 stk. 1-2); is the basis of a placement at own wish against the custody holder (§ 47 stk. 4); "
                 "consents to a permanent placement (§ 67 stk. 3) and to supported samvær with a third person "
                 "(§ 104 stk. 3).",
     .conflict = ""},
    {.rule = "BL-BARN-REQ-ANB",
     .read = "§ 48 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/48",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "A child may ask to be placed (stk. 1); the municipality assesses whether a § 20 undersøgelse is needed, "
                 "including whether §§ 46 or 47 are met, and a decision giving neither a placement nor support may be "
                 "brought before Ankestyrelsen, with § 144 and forvaltningsloven § 25 applying (stk. 2, 2.-3. pkt.: the "
                 "LOV 217/2024 clause).",
     .conflict = ""},
    {.rule = "BL-BARN-SAMV-REQ",
     .read = "§ 103 stk. 2; § 104 stk. 3-5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/103 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The child may ask that contact happens only with its støtteperson present, or that samvær is suspended "
                 "for up to 8 weeks (§ 103 stk. 2); on that request the municipality may suspend samvær with parents or "
                 "network for up to 8 weeks (§ 104 stk. 5 after L 87, stk. 4 before). No deadline for deciding.",
     .conflict = ""},
    {.rule = "BL-BARN-PFP",
     .read = "§ 42 stk. 4; § 142 stk. 1",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/42 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
     .noted_in = "part-c-network-parents-special.md (§ 42, December 2026); statute-notes.md (§ 142)",
     .read_on = december,
     .confirms = "Foster parents or the child may ask that the child is not moved from private foster care, and the "
                 "decision is the committee's (§ 142 stk. 1 lists § 42 stk. 4). No age limit for the child's request "
                 "(VEJ 9148 sec. 228).",
     .conflict = ""},

    // ---- Part A § 4: plans and follow-up ----
    {.rule = "BL-PLAN-32",
     .read = "§ 91 stk. 1",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/91",
     .noted_in = notes,
     .read_on = december,
     .confirms = "On a § 32 stk. 1 decision the municipality decides whether to make barnets plan (§ 108 for the 16+); "
                 "a plan it makes exists at the latest 3 months after the decision.",
     .conflict = ""},
    {.rule = "BL-PLAN-ANB",
     .read = "§ 91 stk. 2-3; § 95 stk. 2; § 49",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/91, "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/49; Ankestyrelsen on the chair's decision, "
               "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/akutte-afgorelser",
     .noted_in = notes,
     .read_on = december,
     .confirms = "A plan is mandatory for a § 46 or § 47 placement, at the latest 3 months after the decision, and for "
                 "§ 47 before it (jf. § 51 stk. 1 nr. 3); there is no urgency exception. § 91 says nothing of the "
                 "chair's § 143 decision, which § 95 stk. 2 nr. 1 expects to run before the undersøgelse ends; a § 49 "
                 "decision is by its wording a § 47 stk. 1 decision (the settled reading, INFERRED).",
     .conflict = ""},
    {.rule = "BL-UPLAN-TRIG",
     .read = "§ 108 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "The municipality takes a position on an ungeplan when a young person with barnets plan, or a § 32 "
                 "recipient without one, turns 16, when support under §§ 32, 114, 115 or 120 is decided for a 16+ not "
                 "supported under § 32 before, and on support under § 116 jf. § 114 (stk. 1); an ungeplan is mandatory "
                 "for a placement (§§ 46, 47) of a 16+ and for re-established døgnophold under § 116 (stk. 2).",
     .conflict = ""},
    {.rule = "BL-UPLAN-3M",
     .read = "§ 108 stk. 3-5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "The ungeplan exists at the latest 3 months after the decision on the measure or after the 16th "
                 "birthday (stk. 3); for a placement without consent it is made before the decision, jf. § 51 stk. 1 "
                 "nr. 3 (stk. 4); one plan may cover several young people (stk. 5).",
     .conflict = ""},
    {.rule = "BL-OPF-FIRST",
     .read = "§ 95 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Follow-up is owed once an indsats under §§ 32, 46, 47, 114-116 or 120 has started; the first comes at "
                 "the earlier of the conclusion of an afdækning or undersøgelse run in parallel with a § 32 stk. 4 "
                 "measure or a § 46 or § 143 placement, and 3 months after iværksættelse.",
     .conflict = ""},
    {.rule = "BL-OPF-CADENCE",
     .read = "§ 95 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/95",
     .noted_in = notes,
     .read_on = december,
     .confirms = "At the first follow-up the municipality decides how later follow-up is organised, reflecting the case "
                 "and the child's wishes and needs, and gives the child and the parents its reasons. No fixed interval.",
     .conflict = ""},
    {.rule = "BL-OPF-ANB",
     .read = "§ 96",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/96",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Follow-up on a § 46 or § 47 placement goes with the supervision under § 156 stk. 2 and 5 and happens "
                 "after contact with the custody holder; plan revision builds on the § 20 undersøgelse.",
     .conflict = ""},
    {.rule = "BL-TILS-2X",
     .read = "§ 156 stk. 5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/156 and https://www.regelrytter.dk/barnets-lov/156",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Supervision includes at least two annual visits at the placement site, where the municipality talks "
                 "with the child, as far as possible without the site's staff. 'Årlige' is not defined and there is no "
                 "rule for placements shorter than a year, so the year's counting stays a reading.",
     .conflict = ""},

    // ---- Part A § 5: decisions, complaints, lawyer, access to files ----
    {.rule = "BL-AFG-WRITTEN",
     .read = "forvaltningsloven § 22",
     .not_found = "forvaltningsloven § 24",
     .source = "§ 22: https://danskelove.dk/forvaltningsloven/22; § 24 not found, best secondary source: the Ombudsman, "
               "https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/10-begrundelse",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "A decision given in writing comes with reasons unless it gives the party full acceptance (§ 22). The "
                 "Ombudsman gives § 24's content: the legal rules applied, the main considerations of a discretionary "
                 "decision, the facts relied on.",
     .conflict = ""},
    {.rule = "BL-AFG-KLVEJL",
     .not_found = "forvaltningsloven § 25",
     .source = "not found (statute text); best secondary source: the state's administrative guide, "
               "https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/klagevejledning/",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "An appealable decision given in writing carries guidance on the complaint body and how to complain, "
                 "with any time limit, unless it gives full acceptance (§ 25 stk. 1 as paraphrased there).",
     .conflict = ""},
    {.rule = "BL-AFG-ANB-CONTENT",
     .read = "§ 46 stk. 1; § 47 stk. 2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
     .noted_in = "statute-notes.md (§ 47); issue 14 lookup (§ 46)",
     .read_on = december,
     .confirms = "A placement with consent (§ 46 stk. 1, last sentence) and one without (§ 47 stk. 2, last sentence) "
                 "both state the placement's purpose and its expected duration.",
     .conflict = ""},
    {.rule = "BL-KLAGE-WHO",
     .read = "§ 3",
     .not_found = "§§ 144-150",
     .source = "§ 3: https://regelrytter.dk/barnets-lov/3; §§ 144-150 not found, best secondary source: Ankestyrelsen, "
               "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/"
               "din-sag-om-anbringelse-af-born-og-unge",
     .noted_in = "statute-notes.md (§ 3); issue 14 lookup (§§ 144-150, Ankestyrelsen)",
     .read_on = december,
     .confirms = "§ 3 lists the case types in which a child of 10 is a party; Ankestyrelsen names who may complain of a "
                 "committee decision: custody holders, children over 10, and the non-custodial parent the decision "
                 "concerns. How §§ 144-150 divide the complaint rules is not known.",
     .conflict = ""},
    {.rule = "BL-KLAGE-4W",
     .not_found = "RSL § 67",
     .source = "not found (statute text); best secondary sources: Ankestyrelsen, "
               "https://ast.dk/for-borgere-med-en-klagesag/din-sag-i-ankestyrelsen/klagevejledning-og-tidsfrister and "
               "https://ast.dk/nyheder/nyheder/nyheder-2018/y-vejledning-om-beregning-af-klagefrister; "
               "https://www.3f.dk/fagforening/syg/klag-over-afgoerelse; JM vejl. 9533/2018 as summarised at "
               "https://www.hjulmandkaptain.dk/viden/nyheder/hvad-er-fristen-i-en-klagesag/",
     .noted_in = notes,
     .read_on = december,
     .confirms = "4 weeks from notification of the decision; digital post is received the day it is sent, physical post "
                 "6 hverdage after its dating; the day of receipt is not counted, and a deadline ending on a Saturday, "
                 "Sunday or public holiday moves to the next hverdag (JM vejl. 9533/2018, secondary).",
     .conflict = "A marker, not the substance: statute-notes.md would raise the holiday extension from UNCONFIRMED to "
                 "INFERRED on JM vejl. 9533/2018; the law README, which holds, and the rule keep UNCONFIRMED."},
    {.rule = "BL-KLAGE-GENV",
     .not_found = "RSL § 66",
     .source = "not found (statute text); best secondary sources: DUKH Praksisnyt 50 (25 Feb 2025), "
               "https://www.dukh.dk/Guides-og-Praksisnyt/@58/Praksisnyt-50---Genvurdering-i-klagesager; Ankestyrelsen, "
               "https://ast.dk/for-borgere-med-en-klagesag/din-sag-i-ankestyrelsen/klagevejledning-og-tidsfrister",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The complaint goes to the deciding municipality, which assesses whether to give full or partial "
                 "medhold; a maintained decision goes with the files to Ankestyrelsen at the latest 4 weeks after the "
                 "complaint was received; committee decisions go straight to Ankestyrelsen. What follows a partial "
                 "medhold today was not found (CONFIRMED-OLD only).",
     .conflict = ""},
    {.rule = "BL-KLAGE-BUU",
     .not_found = "§§ 146-148",
     .source = "not found; best secondary sources: Ankestyrelsen, https://ast.dk/born-familie/hvad-handler-din-klage-om/"
               "sager-om-born-og-unge/din-sag-om-anbringelse-af-born-og-unge; the old 8 weeks, "
               "https://danskelove.dk/retssikkerhedsloven/73",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Ankestyrelsen says it has 8 weeks to decide a complaint about a committee decision, at an ankemøde "
                 "with a child expert present; old RSL § 73 set the same 8 weeks. The barnets lov paragraph and the day "
                 "the 8 weeks start are not confirmed.",
     .conflict = ""},
    {.rule = "BL-ADV",
     .not_found = "§ 140",
     .source = "not found; best secondary source: old SEL § 72, https://danskelove.dk/serviceloven/72 (custody holder "
               "and young person of 12+, eleven case types)",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Only that a lawyer takes part in committee cases (§ 142 stk. 2 names 'advokaten'). The age under "
                 "barnets lov (10 is INFERRED) and the case list are not confirmed.",
     .conflict = ""},
    {.rule = "BL-AKT-7D",
     .not_found = "forvaltningsloven § 16 stk. 2",
     .source = "not found (statute text); best secondary sources: https://www.lejre.dk/borger/boern-unge-og-familie/"
               "boern-og-unge-med-saerlig-behov/hvad-er-mine-rettigheder/aktindsigt (the catalog's [LEJREAKT]) and "
               "https://sonderborgkommune.dk/sagsbehandlingstid (2018)",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Municipal pages: a request for access not granted or refused within 7 arbejdsdage is answered with the "
                 "reason and when a decision can be expected.",
     .conflict = "Possible, unverified: the rule applies 7 arbejdsdage without a start date, but Offentlighedskommissionen's "
                 "betænkning (2009, ch. 22: https://www.yumpu.com/da/document/view/17631300/"
                 "betaenkning-om-offentlighedsloven-bind-2-justitsministeriet-/192) describes a 10-day rule in "
                 "offentlighedsloven § 16 stk. 2 before the 2013 reform; whether forvaltningsloven § 16 stk. 2 also "
                 "said 10 days before 2014 was not confirmed."},

    // ---- Part B § 1: placements ----
    {.rule = "BL-ANB-46-COND",
     .read = "§ 46 stk. 1-3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "With the consent of the custody holder and a young person of 15+, covering the purpose, the "
                 "municipality may place when it is of substantial importance for the child's support needs; only after a "
                 "§ 20 (or ungefaglig) undersøgelse, a provisional or acute placement aside; the decision states purpose "
                 "and expected duration.",
     .conflict = ""},
    {.rule = "BL-ANB-46-UNBORN",
     .read = "§ 46 stk. 4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "On a § 26 undersøgelse and with the expectant parents' consent, the municipality may decide that the "
                 "unborn child is placed right after birth, when of substantial importance for its support needs.",
     .conflict = ""},
    {.rule = "BL-ANB-47-COND",
     .read = "§ 47 stk. 1-2",
     .not_found = "§ 47 stk. 5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47 (stk. 5 cut off on the page: not found)",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The committee may place without consent on an obvious risk of serious harm for one of four grounds "
                 "(stk. 1, 'jf. dog stk. 5'), only on a founded presumption after an undersøgelse under § 20 or § 26 "
                 "(stk. 2). Stk. 5, a limit on decisions under stk. 1-4, is cut off.",
     .conflict = ""},
    {.rule = "BL-ANB-47-OVERRIDE",
     .read = "§ 47 stk. 3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
     .noted_in = "issue 14 lookup (statute-notes.md read § 47 for stk. 4-5)",
     .read_on = lookup_day,
     .confirms = "The committee may place under stk. 1 although the custody holder and the young person consent to a "
                 "§ 46 placement, when consideration for the child decisively speaks for it.",
     .conflict = ""},
    {.rule = "BL-ANB-47-OWNWISH15",
     .read = "§ 47 stk. 4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The committee may place a young person of 15+ who consents, against the custody holder's refusal and "
                 "even if stk. 1 is not met, when the placement is of substantial importance and the problems cannot be "
                 "solved at home.",
     .conflict = ""},
    {.rule = "BL-ANB-49-UNBORN",
     .read = "§ 49 stk. 1-3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/49",
     .noted_in = notes,
     .read_on = december,
     .confirms = "In very special cases the committee may decide without the expectant parents' consent that the unborn "
                 "child is placed after birth; the decision is an afgørelse under § 47 stk. 1 and is made at the earliest "
                 "3 months before the woman's due date (stk. 3).",
     .conflict = ""},
    {.rule = "BL-ANB-BUU-LIST",
     .read = "§ 142 stk. 1",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The committee decides in a meeting under §§ 23, 40, 42 stk. 4, 47, 49, 50 (opretholdelse), 61-63, 67, "
                 "98 stk. 4 and 105, approves provisional decisions under § 143 stk. 4, and decides two "
                 "voksenansvarslov measures. The rule checks the kinds the case vocabulary has: § 40 has none, and "
                 "§ 98 stk. 4 is BL-ANB-CHANGE-98's.",
     .conflict = ""},
    {.rule = "BL-ANB-GENBEH",
     .read = "§ 67 stk. 1-2; § 142 stk. 1",
     .not_found = "§ 50",
     .source = "§ 50 not found; best secondary sources: Ankestyrelsen, "
               "https://ast.dk/born-familie/sager-om-born-og-unge/genbehandlingsfrister (pre-2024 text); old SEL § 62, "
               "https://danskelove.dk/serviceloven/62; VEJ 9148 sec. 228, https://regelrytter.dk/vej/2024-9148-sec-228. "
               "Read: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
     .noted_in = notes,
     .read_on = december,
     .confirms = "§ 50 is a committee decision (§ 142 stk. 1), has at least 7 stk. (§ 67 stk. 1 cites stk. 7) and is not "
                 "made after a permanent placement (§ 67 stk. 2); VEJ 9148 says a genbehandlingsfrist is fixed in every "
                 "§ 47 decision. The 1, 2 and 3 years, shortening and extension rest on old SEL § 62.",
     .conflict = "The catalog calls Ankestyrelsen's genbehandlingsfrister page current (undated); it uses the pre-2024 "
                 "terms ('børn og unge-udvalget', 'videreført anbringelse'), so it is CONFIRMED-OLD evidence, not "
                 "evidence of § 50. The year-lengths stay INFERRED, as the rule marks them."},
    {.rule = "BL-ANB-PERM-67",
     .read = "§ 67 stk. 1-4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67",
     .noted_in = "statute-notes.md (stk. 1-2); issue 14 lookup (stk. 3-4)",
     .read_on = december,
     .confirms = "A permanent placement needs at least 3 years in placement under § 46 stk. 1 or § 47 stk. 1, 'jf. dog "
                 "§ 50, stk. 7, og § 68, stk. 2'; no § 50 decision follows it (stk. 2); a 15+ consents (stk. 3); the "
                 "indstilling holds a revised undersøgelse and plan, an authorised psychologist's assessment and the "
                 "child's view (stk. 4).",
     .conflict = ""},
    {.rule = "BL-ANB-PERM-CONSIDER",
     .read = "§ 69 stk. 1-2",
     .source = "https://regelrytter.dk/barnets-lov/eli-lta-2025-282-sec-69 (LBK 282)",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "Where the child must be assumed to be placed for many years, adoption is considered at placements under "
                 "§§ 46, 47 and 49, continued placement under § 50, permanent placement under § 67 and placements by the "
                 "Ungdomskriminalitetsnævn (stk. 1), and for the coming child of a parent whose child was placed or "
                 "adopted for lacking parenting ability (stk. 2).",
     .conflict = ""},
    {.rule = "BL-ANB-HJEM-100",
     .read = "§ 100 stk. 1-5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/100",
     .noted_in = notes,
     .read_on = december,
     .confirms = "An afgørelse on hjemgivelse and on the length of the hjemgivelsesperiode; a statement from the "
                 "placement site before deciding; a period of up to 6 months that continues the placement; the plan "
                 "revised before the return.",
     .conflict = ""},
    {.rule = "BL-ANB-HJEM-REQ",
     .read = "§ 100",
     .not_found = "§ 99",
     .source = "§ 100: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/100; § 99 not found, best secondary "
               "source: Ankestyrelsen (the catalog's [ASTHJEM], not re-read), https://ast.dk/born-familie/"
               "hvad-handler-din-klage-om/sager-om-born-og-unge/anbringelse-uden-samtykke/"
               "anmodning-om-at-barnet-eller-den-unge-kommer-hjem-til-familien-hjemgivelse",
     .noted_in = "statute-notes.md (§ 100); issue 14 lookup (§ 99)",
     .read_on = december,
     .confirms = "§ 100 confirms the hjemgivelse decision and its period. The duty to assess a request, and to put a "
                 "refusal in a § 47 case to the committee, rests on Ankestyrelsen's page; where it sits in barnets lov "
                 "is not known.",
     .conflict = ""},

    // ---- Part B § 2: samvær ----
    {.rule = "BL-SAMV-RIGHT",
     .read = "§ 103 stk. 1; § 103 stk. 3-5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/103",
     .noted_in = notes,
     .read_on = december,
     .confirms = "During placement the child has a right to samvær and contact with parents and network and to have its "
                 "views on them included (stk. 1); the municipality keeps the connection alive (stk. 3), supports the "
                 "parents' role and informs them of the child's daily life (stk. 4); samvær under forældreansvarsloven "
                 "continues unless regulated under §§ 104-105 (stk. 5). No deadline.",
     .conflict = ""},
    {.rule = "BL-SAMV-SUPPORTED",
     .read = "§ 104 stk. 3-4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Samvær with parents supported by a third person needs the consent of the custody holder and a young "
                 "person of 15+ (stk. 3); samvær with the network supported by the child's støtteperson may be decided on "
                 "the child's request (stk. 4, inserted by L 87).",
     .conflict = ""},
    {.rule = "BL-SAMV-SUSPEND8W",
     .read = "§ 104 stk. 5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/104; renumbering by L 87, "
               "https://polspy.org/dk/dokumenter/1128878",
     .noted_in = notes,
     .read_on = december,
     .confirms = "On the child's request the municipality may suspend samvær with parents or network 'op til 8 uger': a "
                 "maximum only, with no start event, no counting and nothing on renewal.",
     .conflict = "The catalog (marker CONFIRMED) tests end − start ≤ 56 days, which is right only for an exclusive end; "
                 "the settled reading takes end as the last suspended day, at most start + 55 (INFERRED). The text "
                 "settles neither."},
    {.rule = "BL-SAMV-BUU-105",
     .read = "§ 105 stk. 1-2",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/105",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "When the child's health or development requires it, the committee may 'for en bestemt periode' order "
                 "supervised samvær, cut off contact or keep the placement address secret (stk. 1); on knowledge or "
                 "suspicion of abuse by the contact person it must, unless special circumstances speak against it "
                 "(stk. 2). No maximum period.",
     .conflict = ""},

    // ---- Part B § 3: supervision ----
    {.rule = "BL-TILS-NOTIFY-ST",
     .read = "§ 156 stk. 4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/156",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Worrying conditions found at a tilbud are notified to the municipality responsible for its operational "
                 "supervision under socialtilsynsloven § 2. No deadline.",
     .conflict = ""},

    // ---- Part B § 4: ungestøtte ----
    {.rule = "BL-UNG-111-6M",
     .read = "§ 111 stk. 1",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/111",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The handlekommune decides on ungestøtte under §§ 114-116 and 120 at the latest 6 months before a "
                 "placement ends at the 18th birthday.",
     .conflict = ""},
    {.rule = "BL-UNG-111-PLAN",
     .read = "§ 111 stk. 2-3",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/111",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Before that decision the ungeplan (or the relevant parts of the helhedsorienteret plan) is revised "
                 "together with the young person, covering education, employment and other matters; after a "
                 "forbedringsforløb an ungeplan is made first.",
     .conflict = ""},
    {.rule = "BL-UNG-TARGET",
     .not_found = "§§ 113-116; § 120",
     .source = "not found; best secondary source: Social- og Boligministeriet, "
               "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The ministry places the conditions in §§ 113-116: young people of 18-22 who were placed or had a "
                 "kontaktperson immediately before 18, and who agree; forms include a continued stay, a fast "
                 "kontaktperson and udslusning; support may be granted until the 23rd birthday. The split among the "
                 "paragraphs is not known.",
     .conflict = ""},
    {.rule = "BL-UNG-KONTAKT-MANDATORY",
     .not_found = "§§ 113-116",
     .source = "not found; best secondary source: Social- og Boligministeriet, "
               "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette",
     .noted_in = notes,
     .read_on = december,
     .confirms = "The ministry says the municipality is in some cases obliged to offer a previously placed young person a "
                 "fast kontaktperson when no continued stay is offered; the groups are not named.",
     .conflict = ""},
    {.rule = "BL-UNG-REESTABLISH",
     .read = "§ 108 stk. 2",
     .not_found = "§§ 113-116",
     .source = "§§ 113-116 not found; best secondary source: Social- og Boligministeriet, "
               "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette. "
               "Read: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
     .noted_in = "statute-notes.md (§§ 113-116); issue 14 lookup (§ 108)",
     .read_on = december,
     .confirms = "Ungestøtte may be granted or re-established until the 23rd birthday (ministry). § 108 stk. 2 calls "
                 "re-established døgnophold a § 116 matter, which supports the catalog's INFERRED § 116.",
     .conflict = ""},

    // ---- Part B § 6: other procedural rules ----
    {.rule = "BL-FORMAND-143",
     .read = "§ 3; § 142 stk. 1",
     .not_found = "§ 143",
     .source = "§ 143 not found; best secondary source: Ankestyrelsen, "
               "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/akutte-afgorelser; the old "
               "forretningsorden BEK 727/2019 § 3 stk. 3, https://www.elov.dk/bekendtgorelse-om-forretningsorden-for-born-"
               "og-unge-udvalgene/paragraf/3/. Read: https://regelrytter.dk/barnets-lov/3 and "
               "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
     .noted_in = notes,
     .read_on = december,
     .confirms = "Ankestyrelsen: written notice to the custody holder and any other parties within 24 hours of "
                 "implementation; approval by the committee within 7 days, the day of implementation counting and "
                 "Sundays and holidays included; valid 1 month once approved; consent must first be attempted. § 142 "
                 "stk. 1 lists the approval under § 143 stk. 4, and § 3 nr. 10 makes a child of 10+ a party in § 143 "
                 "cases.",
     .conflict = ""},
    {.rule = "BL-ANB-CHANGE-98",
     .read = "§ 98 stk. 1-5",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/98",
     .noted_in = lookup,
     .read_on = lookup_day,
     .confirms = "A change of placement site needs the consent of the custody holder and of a child of 12+ (stk. 1) and a "
                 "statement from the current placement first (stk. 2); without consent the committee decides (stk. 4) on "
                 "an indstilling with the latest plan, the child's view, supplementary support, the new site's "
                 "suitability and the statement (stk. 5).",
     .conflict = ""},
    {.rule = "BL-ANB-PFP-NOGENB",
     .read = "§ 42 stk. 4",
     .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/42; guidance VEJ 9148 sec. 228, "
               "https://regelrytter.dk/vej/2024-9148-sec-228",
     .noted_in = "part-c-network-parents-special.md (§ 42, December 2026); VEJ 9148 found again in the issue 14 lookup",
     .read_on = december,
     .confirms = "Foster parents or the child may ask that the child is not moved from private foster care. That no "
                 "genbehandlingsfrist is set, unlike for § 47 placements, comes from the guidance (VEJ 9148), not from "
                 "the text.",
     .conflict = ""},
};

}  // namespace

std::span<const StatuteRecord> statute_records() { return records; }

const StatuteRecord* find_statute_record(std::string_view rule) {
    for (const StatuteRecord& r : records)
        if (r.rule == rule) return &r;
    return nullptr;
}

StatuteCheck statute_check(const StatuteRecord& r) {
    if (r.not_found.empty()) return StatuteCheck::read;
    return r.read.empty() ? StatuteCheck::not_found : StatuteCheck::partly_read;
}

std::string_view to_string(StatuteCheck c) {
    switch (c) {
        case StatuteCheck::read: return "read";
        case StatuteCheck::partly_read: return "partly read";
        case StatuteCheck::not_found: return "not found";
    }
    return "?";
}

}  // namespace barnetslov
