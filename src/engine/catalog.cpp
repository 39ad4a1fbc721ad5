// The rule catalog's ids (part A: 57, part B: 38, part C: 26) and their disposition in this library.
// Sections, predecessors and confidence markers are the catalogs' index tables, verbatim, except where the
// law README's settled readings changed them (BL-BARN-STOTTEPERSON: § 53, CONFIRMED, as part C asks). Whether
// an id is implemented comes from the rulebook (catalog() below), not from this table. An alias (issue 18: a
// part C id naming a duty part A or B already holds) stands for its target: `explain` and `--rules` resolve
// it, and the target's findings carry the target's id.
#include "barnetslov/catalog.hpp"

#include <iterator>
#include <vector>

#include "barnetslov/engine.hpp"

namespace barnetslov {
namespace {

using D = Disposition;

constexpr std::string_view duty_of_others = "a duty of the notifier, not of the municipality; a municipal case file cannot show it";
constexpr std::string_view content_only = "concerns the content of a document, which no structured field of the case file shows";

constexpr CatalogEntry entries[] = {
    // ---- Part A § 1: underretninger ----
    {"BL-UND-RELOC", 'A', "notifications", "§ 132", "SEL § 152", "CONFIRMED", D::implemented, ""},
    {"BL-UND-DUTY-PRO", 'A', "notifications", "§ 133 (numbering UNCONFIRMED)", "SEL § 153 stk. 1", "partly UNCONFIRMED", D::informational, duty_of_others},
    {"BL-UND-DUTY-SCHOOL15", 'A', "notifications", "?", "SEL § 153 stk. 2", "UNCONFIRMED", D::informational,
     "a duty of school leaders to notify; barnets lov section UNCONFIRMED; not visible in a municipal case file"},
    {"BL-UND-DUTY-ALL", 'A', "notifications", "§ 135", "SEL § 154", "CONFIRMED", D::informational, duty_of_others},
    {"BL-UND-SYS", 'A', "notifications", "§ 136", "SEL § 155 stk. 1", "CONFIRMED", D::informational,
     "requires municipal procedures for timely, systematic handling; per case it is checked through BL-UND-24H"},
    {"BL-UND-24H", 'A', "notifications", "§ 136 (stk. ?)", "SEL § 155 stk. 2", "CONFIRMED (substance)", D::implemented, ""},
    {"BL-UND-KVIT", 'A', "notifications", "§ 136 or § 137", "SEL § 155 b stk. 1", "partly UNCONFIRMED", D::implemented, ""},
    {"BL-UND-FEEDBACK", 'A', "notifications", "§ 137 stk. 1, 1. pkt. (L 87)", "SEL § 155 b stk. 2-3", "partly UNCONFIRMED (timing, L 87 date)", D::implemented, ""},
    {"BL-UND-CHILDREQ", 'A', "notifications", "§ 48 with §§ 136-138", "—", "CONFIRMED", D::informational,
     "guidance that a child's request may be treated as an underretning; once recorded as one (child-request=\"true\") BL-UND-24H and BL-UNDS-4M apply to it"},
    {"BL-UND-138", 'A', "notifications", "§ 138", "?", "UNCONFIRMED", D::informational, "the content of § 138 is UNCONFIRMED; nothing to check until it is known"},
    // ---- Part A § 2: screening, afdækning, undersøgelse ----
    {"BL-SCR-01", 'A', "investigation", "§ 18 stk. 1-2", "new (cf. SEL § 50)", "CONFIRMED", D::implemented, ""},
    {"BL-SCR-RISK", 'A', "investigation", "§ 18 stk. 3", "new", "CONFIRMED", D::implemented, ""},
    {"BL-AFD-01", 'A', "investigation", "§ 19", "new", "CONFIRMED (ministry page)", D::implemented, ""},
    {"BL-UNDS-TRIG", 'A', "investigation", "§ 20 stk. 1-2", "SEL § 50 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-4M", 'A', "investigation", "§ 20 stk. 3", "SEL § 50 stk. 7", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-SIB", 'A', "investigation", "§ 21 stk. 1-3", "SEL § 50 (assessment only)", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-JOINT", 'A', "investigation", "§ 21 stk. 4", "SEL § 50", "CONFIRMED", D::informational, content_only},
    {"BL-UNDS-2RAD", 'A', "investigation", "§ 21 stk. 5", "new", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-CONTENT", 'A', "investigation", "§ 22 stk. 1, 6", "SEL § 50", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-COOP15", 'A', "investigation", "§ 22 stk. 2", "SEL § 50 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-UNDS-EXPERT", 'A', "investigation", "§ 22 stk. 3-5", "SEL § 50", "CONFIRMED", D::informational, content_only},
    {"BL-UNDS-TVANG", 'A', "investigation", "§ 23 + § 142", "SEL § 51, § 74", "INFERRED / UNCONFIRMED content", D::informational,
     "conditions and any duration of § 23 are UNCONFIRMED; the committee's competence for it is part B's BL-ANB-BUU-LIST"},
    {"BL-UNDS-PRE-ANB", 'A', "investigation", "§ 46 stk. 3, § 47 stk. 2", "SEL § 52, § 58", "CONFIRMED", D::implemented, ""},
    {"BL-KF-01", 'A', "investigation", "§§ 24-27", "SEL § 50 (vordende forældre)", "UNCONFIRMED details", D::informational,
     "deadlines and content for kommende forældre are UNCONFIRMED; the § 26 undersøgelse before placing an unborn child is part B's BL-ANB-46-UNBORN / BL-ANB-49-UNBORN"},
    // ---- Part A § 3: the child's involvement ----
    {"BL-BARN-VIEWS", 'A', "involvement", "§ 5 stk. 3", "SEL § 48 stk. 1, § 46 stk. 3", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-VIEWS-EXC", 'A', "involvement", "§ 5 stk. 4", "SEL § 48", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-BISID", 'A', "involvement", "§ 6", "SEL § 48 a", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-STOTTEPERSON", 'A', "involvement", "§ 53", "SEL § 68 b stk. 4", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-PART10", 'A', "involvement", "§ 3 (amended by L 87)", "SEL § 167 (age 12)", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-BUU-HEAR", 'A', "involvement", "§ 142 stk. 2", "SEL § 74 stk. 2 (age 12)", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-AKT10", 'A', "involvement", "§ 141", "SEL § 73 (UNCONFIRMED)", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-CONSENT15", 'A', "involvement", "§§ 6 stk. 4, 22 stk. 2, 46, 47 stk. 4, 67 stk. 3, 104 stk. 3", "SEL §§ 52, 58, 68 a, 71", "CONFIRMED",
     D::implemented, ""},
    {"BL-BARN-REQ-ANB", 'A', "involvement", "§ 48 (complaint clause via LOV 217/2024)", "—", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-SAMV-VIEWS", 'A', "involvement", "§ 103 stk. 1", "SEL § 71 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-SAMV-REQ", 'A', "involvement", "§ 103 stk. 2, § 104 stk. 3-5", "new", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-PFP", 'A', "involvement", "§ 42 stk. 4", "SEL § 78 stk. 4", "CONFIRMED", D::implemented, ""},
    {"BL-BARN-KLAGE10", 'A', "involvement", "alias of BL-KLAGE-WHO", "SEL § 167", "CONFIRMED", D::alias, "BL-KLAGE-WHO"},
    // ---- Part A § 4: plans, follow-up, supervision visits ----
    {"BL-PLAN-32", 'A', "plans", "§ 91 stk. 1", "SEL § 140 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-PLAN-ANB", 'A', "plans", "§ 91 stk. 2", "SEL § 140", "CONFIRMED", D::implemented, ""},
    {"BL-PLAN-CONTENT", 'A', "plans", "§ 92, § 91 stk. 3", "SEL § 140 stk. 2-3, 5", "CONFIRMED", D::implemented, ""},
    {"BL-UPLAN-TRIG", 'A', "plans", "§ 108 stk. 1-2", "SEL § 140", "CONFIRMED", D::implemented, ""},
    {"BL-UPLAN-3M", 'A', "plans", "§ 108 stk. 3-5", "SEL § 140", "CONFIRMED", D::implemented, ""},
    {"BL-OPF-FIRST", 'A', "plans", "§ 95 stk. 1-2", "SEL § 70 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-OPF-CADENCE", 'A', "plans", "§ 95 stk. 3", "SEL § 70 (3 then ≤ 6 months)", "CONFIRMED", D::implemented, ""},
    {"BL-OPF-REVIEW", 'A', "plans", "§ 95 stk. 4-5", "SEL § 70", "CONFIRMED", D::implemented, ""},
    {"BL-OPF-ANB", 'A', "plans", "§ 96", "SEL § 70 stk. 2", "CONFIRMED", D::implemented, ""},
    {"BL-TILS-2X", 'A', "plans", "§ 156 stk. 5", "SEL § 148", "CONFIRMED", D::implemented, ""},
    // ---- Part A § 5: decisions, complaints, aktindsigt ----
    {"BL-AFG-WRITTEN", 'A', "decisions", "forvaltningsloven §§ 22, 24", "same", "CONFIRMED", D::implemented, ""},
    {"BL-AFG-KLVEJL", 'A', "decisions", "forvaltningsloven § 25", "same", "CONFIRMED", D::implemented, ""},
    {"BL-AFG-ANB-CONTENT", 'A', "decisions", "§ 46 stk. 1, § 47 stk. 2", "SEL § 52, § 58", "CONFIRMED", D::implemented, ""},
    {"BL-KLAGE-WHO", 'A', "decisions", "§ 3, §§ 144-150", "SEL §§ 166-168", "CONFIRMED (substance)", D::implemented, ""},
    {"BL-KLAGE-4W", 'A', "decisions", "RSL § 67 (via § 144)", "same", "CONFIRMED", D::implemented, ""},
    {"BL-KLAGE-GENV", 'A', "decisions", "RSL § 66", "same", "CONFIRMED (partial-upheld steps CONFIRMED-OLD)", D::implemented, ""},
    {"BL-KLAGE-BUU", 'A', "decisions", "§§ 146-148 (UNCONFIRMED)", "SEL § 168, RSL § 73", "CONFIRMED (substance)", D::implemented, ""},
    {"BL-FORMAND-7D", 'A', "decisions", "§ 143", "SEL § 75", "alias of part B's BL-FORMAND-143 (CONFIRMED)", D::alias, "BL-FORMAND-143"},
    {"BL-ADV", 'A', "decisions", "§ 140", "SEL § 72 (age 12)", "UNCONFIRMED (barnets lov specifics)", D::implemented, ""},
    {"BL-AKT-7D", 'A', "decisions", "forvaltningsloven § 16 stk. 2", "same", "CONFIRMED (secondary)", D::implemented, ""},

    // ---- Part B ----
    {"BL-ANB-46-COND", 'B', "placement", "§ 46 stk. 1-3", "SEL § 52", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-46-UNBORN", 'B', "placement", "§ 46 stk. 4", "new", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-47-COND", 'B', "placement", "§ 47 stk. 1-2 (stk. 5 UNCONFIRMED)", "SEL § 58 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-47-OVERRIDE", 'B', "placement", "§ 47 stk. 3", "SEL § 58", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-47-OWNWISH15", 'B', "placement", "§ 47 stk. 4", "SEL § 58", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-49-UNBORN", 'B', "placement", "§ 49", "new", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-BUU-LIST", 'B', "placement", "§ 142 stk. 1", "SEL § 74", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-GENBEH", 'B', "placement", "§ 50", "SEL § 62", "partly CONFIRMED / INFERRED", D::implemented, ""},
    {"BL-ANB-PERM-67", 'B', "placement", "§ 67", "SEL § 68 a", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-PERM-CONSIDER", 'B', "placement", "§ 69", "SEL § 68 d (UNCONFIRMED)", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-HJEM-100", 'B', "placement", "§ 100", "SEL § 68", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-HJEM-REQ", 'B', "placement", "§§ 99-100 (UNCONFIRMED)", "SEL § 68", "CONFIRMED (AST)", D::implemented, ""},
    {"BL-ANB-HJEM-FOLLOW", 'B', "placement", "§§ 101-102 (UNCONFIRMED)", "SEL § 68", "UNCONFIRMED", D::informational,
     "no follow-up deadline after hjemgivelse is confirmed; the follow-up of measures after the return is BL-OPF-FIRST"},
    {"BL-SAMV-RIGHT", 'B', "contact", "§ 103 stk. 1, 3-5", "SEL § 71 stk. 1", "CONFIRMED", D::implemented, ""},
    {"BL-SAMV-DECIDE", 'B', "contact", "§ 104 stk. 1-2 (stk. 6 UNCONFIRMED)", "SEL § 71 stk. 2", "CONFIRMED", D::informational,
     "a composite of other rules: the child's views before the decision is BL-BARN-VIEWS, the klagevejledning to the custody holder and a child of 10+ BL-AFG-KLVEJL and BL-KLAGE-WHO (kind contact); whether a decision was necessary is a judgment no field records, and stk. 6 is UNCONFIRMED"},
    {"BL-SAMV-SUPPORTED", 'B', "contact", "§ 104 stk. 3-4", "new / L 87", "CONFIRMED", D::implemented, ""},
    {"BL-SAMV-SUSPEND8W", 'B', "contact", "§ 104 stk. 5", "new", "CONFIRMED", D::implemented, ""},
    {"BL-SAMV-BUU-105", 'B', "contact", "§ 105", "SEL § 71 stk. 3-4", "CONFIRMED", D::implemented, ""},
    {"BL-SAMV-106-107", 'B', "contact", "§§ 106-107", "?", "UNCONFIRMED", D::informational,
     "the content of §§ 106-107 is UNCONFIRMED; nothing to check until it is known"},
    {"BL-TILS-PERSON", 'B', "supervision", "§ 156 stk. 1-2", "SEL § 148", "CONFIRMED", D::informational,
     "a composite of other rules: the law sets no interval of its own beyond the two visits a year (BL-TILS-2X) and the follow-up of measures (BL-OPF-FIRST, BL-OPF-CADENCE, BL-OPF-ANB); who made the supervision is not a field of the case file"},
    {"BL-TILS-UKN", 'B', "supervision", "§ 156 stk. 3", "SEL § 148", "CONFIRMED", D::informational,
     "served by the same rules: BL-TILS-2X and BL-OPF-* count measures decided by the Ungdomskriminalitetsnævn (body=\"youth-crime-board\") like any other"},
    {"BL-TILS-NOTIFY-ST", 'B', "supervision", "§ 156 stk. 4", "SEL § 148", "CONFIRMED", D::implemented, ""},
    {"BL-TILS-CONT", 'B', "supervision", "§ 156 stk. 6", "?", "UNCONFIRMED", D::informational,
     "the content of § 156 stk. 6 (continuity) is UNCONFIRMED and not shown by structured fields"},
    {"BL-TILS-SPLIT", 'B', "supervision", "§§ 156-157, § 43; socialtilsynsloven", "SEL §§ 66, 148", "partly CONFIRMED", D::implemented, ""},
    {"BL-UNG-111-6M", 'B', "aftercare", "§ 111 stk. 1", "SEL § 68 stk. 11", "CONFIRMED", D::implemented, ""},
    {"BL-UNG-111-PLAN", 'B', "aftercare", "§ 111 stk. 2-3", "SEL § 68 stk. 11", "CONFIRMED", D::implemented, ""},
    {"BL-UNG-TARGET", 'B', "aftercare", "§§ 113-116, 120", "SEL §§ 76, 76 a", "CONFIRMED (substance)", D::implemented, ""},
    {"BL-UNG-KONTAKT-MANDATORY", 'B', "aftercare", "§ 115/116?", "SEL § 76 stk. 5", "partly CONFIRMED", D::implemented, ""},
    {"BL-UNG-REESTABLISH", 'B', "aftercare", "§ 116?", "SEL § 76 stk. 4", "CONFIRMED (substance)", D::implemented, ""},
    {"BL-UNG-NEWHK", 'B', "aftercare", "§ 112 stk. 3?", "RSL § 9", "partly UNCONFIRMED", D::informational,
     "what must happen within the 30 days, and from when, is UNCONFIRMED; nothing to count until it is known"},
    {"BL-UNG-DISAB", 'B', "aftercare", "§§ 122-123", "SEL § 19 a", "UNCONFIRMED", D::informational,
     "the content and timing of §§ 122-123 are UNCONFIRMED"},
    {"BL-TRANS-01", 'B', "transition", "§§ 212-214", "LOV 753/2023", "location CONFIRMED, content UNCONFIRMED", D::informational,
     "the content of the transitional provisions is UNCONFIRMED; every rule applies the law in force on the day of its triggering event (BL-TRANS-VALIDATOR)"},
    {"BL-TRANS-VALIDATOR", 'B', "transition", "—", "—", "INFERRED (engineering guidance)", D::informational,
     "applied by the engine itself: every finding is judged by the rule version in force on the day of the event that triggered it, and says which law it applied"},
    {"BL-FORMAND-143", 'B', "decisions", "§ 143", "SEL § 75", "CONFIRMED (AST)", D::implemented, ""},
    {"BL-ANB-CHANGE-98", 'B', "placement", "§ 98", "SEL § 69", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-PFP-NOGENB", 'B', "placement", "§ 42 stk. 4", "SEL § 78 stk. 4", "CONFIRMED", D::implemented, ""},
    {"BL-ANB-SECURE", 'B', "placement", "§§ 61-64; voksenansvarsbek.", "SEL §§ 63 a-c", "partly UNCONFIRMED", D::informational,
     "the deciding body for §§ 61-63 is checked by BL-ANB-BUU-LIST (kind secure-institution); a provisional transfer must go to the committee 'straks', an immediacy with no countable length, and the durations are UNCONFIRMED"},
    {"BL-ANB-UNDER1", 'B', "placement", "§§ 46 stk. 4, 49, 50, 69", "SEL § 62 stk. 5", "composite", D::implemented, ""},
    // ---- Part C (December 2026): støtteperson, parents, network, special procedures, foster care, statistics ----
    {"BL-ANB-STOTTEPERSON-53", 'C', "support-persons", "§ 53 stk. 1-3 (jf. § 54)", "SEL § 68 b stk. 4", "CONFIRMED", D::alias, "BL-BARN-STOTTEPERSON"},
    {"BL-ANB-STOTTEPERSON-54", 'C', "support-persons", "§ 54", "?", "UNCONFIRMED (content)", D::informational,
     "the content of § 54 (the exception § 53 refers to) is UNCONFIRMED; nothing to check until it is read"},
    {"BL-FOR-STOTTEPERSON-75", 'C', "parents", "§ 75", "SEL § 54 stk. 1", "section CONFIRMED; text CONFIRMED-OLD", D::planned,
     "that each custody holder was offered a støtteperson in connection with the placement; needs the offer (tilbud of a parents' støtteperson) in the case file"},
    {"BL-FOR-STOETTE-76", 'C', "parents", "§ 76", "SEL § 54 stk. 2", "INFERRED", D::informational,
     "a decision on support to the parents during the placement, with no deadline found; its content is not in structured fields"},
    {"BL-FOR-PLAN-77", 'C', "parents", "§ 77 stk. 1, 3", "SEL § 140 (særskilt forældrehandleplan)", "INFERRED; link to § 51 stk. 2 CONFIRMED", D::planned,
     "that a § 47 or § 49 indstilling carries the forældrehandleplan or the § 77 stk. 3 reasons for not making one; needs what the indstilling includes"},
    {"BL-FOR-PLAN-78", 'C', "parents", "§ 78", "— (new)", "CONFIRMED", D::planned,
     "that a helhedsorienteret plan replaces the forældrehandleplan only with the parent's consent on file before it"},
    {"BL-FOR-PLAN-REV-79", 'C', "parents", "§ 79", "?", "UNCONFIRMED", D::informational,
     "when the forældrehandleplan is revised is UNCONFIRMED; nothing to count until § 79 is read"},
    {"BL-NET-SYSTEMATIC", 'C', "network", "bill \"§ 7 stk. 3\" — LBK 282 location unknown", "SEL § 47", "UNCONFIRMED (location)", D::informational,
     "a process duty without a deadline whose place in LBK 282 is UNCONFIRMED; the network's part in a case is not a countable step"},
    {"BL-NET-RESOURCES", 'C', "network", "§ 22 stk. 1, stk. 6 3. pkt.; § 51 stk. 1 nr. 1", "SEL § 50", "CONFIRMED", D::planned,
     "that the concluded undersøgelse and the § 47/49 indstilling state the family's and network's resources; needs those statements as fields"},
    {"BL-MISBRUG-14D", 'C', "special-procedures", "§ 33 + bekendtgørelse",
     "SEL § 101 stk. 3 + BEK (garanti for social behandling for stofmisbrug til unge under 18 år)", "CONFIRMED-OLD / INFERRED", D::planned,
     "that treatment for substance abuse starts within 14 days of the request for a young person under 18 in the target group"},
    {"BL-BUU-INDST-51", 'C', "decisions", "§ 51 stk. 1-4", "SEL § 59", "CONFIRMED", D::planned,
     "that the indstilling to the børne- og ungeudvalg holds the four elements of § 51 stk. 1 and the parents' plan or reasons; needs what the indstilling includes"},
    {"BL-BUU-MATERIAL", 'C', "decisions", "forretningsorden for B&U", "BEK 727 af 10/07/2019 § 3", "CONFIRMED-OLD", D::informational,
     "the material reaches the committee 'med rimeligt varsel': no number of days is found, so nothing can be counted"},
    {"BL-OVERGREB-UNDS", 'C', "special-procedures", "§ 20 stk. 1 nr. 2", "SEL § 50", "CONFIRMED", D::alias, "BL-UNDS-TRIG"},
    {"BL-OVERGREB-BOERNEHUS", 'C', "special-procedures", "§§ 124-126; BEK 1487 af 06/12/2023", "SEL §§ 50 a-50 c", "partly CONFIRMED", D::planned,
     "that the regional børnehus is used in an abuse case where the police or health services take part; needs those facts on the undersøgelse"},
    {"BL-PFP-42-3M", 'C', "foster-care", "§ 42 stk. 1-3, 5", "SEL § 78", "CONFIRMED", D::planned,
     "that a child under 14 in private family care for more than 3 months has the stedlige kommune's permission by then; needs the stay and the permission in the case file"},
    {"BL-PFP-42-DOEGNPLEJEHJEM", 'C', "foster-care", "§ 42 stk. 6", "SEL § 78", "CONFIRMED (informational)", D::informational,
     "the permission and supervision of private døgnplejehjem are duties towards the home, not steps of a child's case"},
    {"BL-PLEJE-GODK", 'C', "foster-care", "socialtilsynsloven §§ 5, 5 a; plejefamiliebek. § 2", "SEL § 66 a", "CONFIRMED-OLD (informational)", D::alias, "BL-TILS-SPLIT"},
    {"BL-PLEJE-EFTERUDD", 'C', "foster-care", "plejefamiliebek. § 5; barnets-lov section ?", "SEL § 66 a stk. 4 / § 66 c", "CONFIRMED-OLD", D::informational,
     "training and supervision of foster families are kept in foster-care systems, not in the child's case file"},
    {"BL-SAMARB-2-4", 'C', "involvement", "§ 2 stk. 4", "SEL § 46 stk. 3 (UNCONFIRMED)", "CONFIRMED", D::planned,
     "that the custody holders and the child are told why, when a measure goes ahead without the family's cooperation; needs those explanations in the case file"},
    {"BL-KONT-8", 'C', "supervision", "§ 8", "—", "UNCONFIRMED (content)", D::informational,
     "the content of § 8 is UNCONFIRMED; nothing to check until it is read"},
    {"BL-KONT-156-6", 'C', "supervision", "§ 156 stk. 6", "?", "partly CONFIRMED", D::informational,
     "continuity has no number in the law: a figure (caseworkers per case year), never met or missed"},
    {"BL-PAALAEG-38", 'C', "special-procedures", "§ 38 stk. 1-3", "SEL § 57 a", "CONFIRMED (reference only)", D::informational,
     "the conditions of a forældrepålæg are a judgement no structured field shows (reference entry)"},
    {"BL-PAALAEG-39", 'C', "special-procedures", "§ 39 stk. 1-3 (stk. 4 ff. ?)", "SEL § 57 b", "CONFIRMED / duration UNCONFIRMED", D::planned,
     "that a børne- og ungepålæg is given to a child aged 10-17 with its conditions and at least one concrete duty; its duration rule is UNCONFIRMED"},
    {"BL-LAEGE-40", 'C', "special-procedures", "§ 40; § 142 stk. 1; § 140", "SEL § 63", "CONFIRMED", D::planned,
     "that a medical examination or treatment without consent is decided by the børne- og ungeudvalg (or its chair, provisionally); needs the decision's kind"},
    {"BL-DST-INDB", 'C', "statistics", "RSL §§ 82 stk. 4, 84 stk. 1; databekendtgørelsen", "same", "scope CONFIRMED", D::informational,
     "reporting to Danmarks Statistik is not a step of the case file; its deadlines and code lists are UNCONFIRMED"},
    {"BL-DST-UND-CODES", 'C', "statistics", "DST statistics \"Underretninger om udsatte børn og unge\"", "—", "structure CONFIRMED; lists UNCONFIRMED", D::informational,
     "candidate code lists for the statistics, not a duty"},
};

}  // namespace

// The table above as the library stands: an id the standard rulebook implements is implemented,
// whatever the table says (a new rule needs no edit here), and one the table marks implemented
// that no rule has is planned.
std::span<const CatalogEntry> catalog() {
    static const std::vector<CatalogEntry> derived = [] {
        const Rulebook book = Rulebook::standard();
        std::vector<CatalogEntry> out(std::begin(entries), std::end(entries));
        for (CatalogEntry& e : out) {
            if (book.find(e.id)) {
                e.disposition = D::implemented;
                e.note = "";
            } else if (e.disposition == D::implemented) {
                e.disposition = D::planned;
                e.note = "no rule of this version implements it yet";
            }
        }
        return out;
    }();
    return derived;
}

const CatalogEntry* find_catalog_entry(std::string_view id) {
    for (const CatalogEntry& e : catalog())
        if (e.id == id) return &e;
    return nullptr;
}

std::string_view to_string(Disposition d) {
    switch (d) {
        case Disposition::implemented: return "implemented";
        case Disposition::informational: return "informational";
        case Disposition::alias: return "alias";
        case Disposition::planned: return "planned";
    }
    return "?";
}

}  // namespace barnetslov
