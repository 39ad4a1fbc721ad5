// Sentences for findings, in Danish and English, from structured fields only.
#include <optional>

#include <fmt/format.h>

#include "barnetslov/report.hpp"

namespace barnetslov {

namespace {

struct Phrase {
    std::string_view da;
    std::string_view en;
};

Phrase summary_of(Reason r) {
    switch (r) {
        case Reason::done_in_time: return {"Opfyldt inden fristen.", "Done before the deadline."};
        case Reason::done_late: return {"Opfyldt efter fristen.", "Done after the deadline."};
        case Reason::overdue: return {"Ikke opfyldt, og fristen er udløbet.", "Not done, and the deadline has passed."};
        case Reason::due_ahead: return {"Endnu ikke opfyldt; fristen er ikke udløbet.", "Not done yet; the deadline is ahead."};
        case Reason::order_unknown:
            return {"Kan ikke afgøres: en dato uden klokkeslæt falder på den dag, fristen udløber.",
                    "Cannot be decided: a date without a time of day falls on the day the deadline ends."};
        case Reason::before_rule:
            return {"Pligten fandtes ikke på den dag, der udløste den.", "The duty did not exist on the day that would have started it."};
        case Reason::lacks_conclusion:
            return {"Vurderingen blev foretaget i tide, men tager ikke stilling til både fare og akutte indsatser.",
                    "The assessment was made in time but does not conclude on both danger and acute measures."};
        case Reason::notifier_not_professional:
            return {"Ingen pligt over for underretteren: underretteren er ikke fagperson med skærpet underretningspligt (§ 133).",
                    "No duty towards the notifier: the notifier is not a professional with the enhanced duty (§ 133)."};
        case Reason::notifier_unknown:
            return {"Sagen oplyser ikke, hvem der underrettede (attributten 'notifier'), så pligten kan ikke fastslås.",
                    "The file does not say who notified (attribute 'notifier'), so the duty cannot be determined."};
        case Reason::awareness_unknown:
            return {"Sagen oplyser ikke, hvornår kommunen blev opmærksom på behovet (ingen 'aware-at' og ingen underretning i 'ref').",
                    "The file does not say when the municipality became aware of the need (no 'aware-at' and no underretning in 'ref')."};
        case Reason::subject_not_covered:
            return {"Undersøgelse af kommende forældre (§ 26): ingen bekræftet frist.",
                    "Investigation of expectant parents (§ 26): no confirmed deadline."};
        case Reason::preliminary_in_time:
            return {"Afsluttet efter 4 måneder, men en foreløbig vurdering blev udarbejdet inden fristen.",
                    "Concluded after 4 months, but a preliminary assessment was made by the deadline."};
        case Reason::preliminary_late:
            return {"For sent: også den foreløbige vurdering kom efter fristen.",
                    "Late: the preliminary assessment also came after the deadline."};
        case Reason::still_open_after_preliminary:
            return {"Stadig åben efter 4 måneder med rettidig foreløbig vurdering; skal afsluttes snarest muligt.",
                    "Still open after 4 months with a timely preliminary assessment; it must be concluded as soon as possible."};
        case Reason::views_obtained:
            return {"Barnets synspunkter blev indhentet før afgørelsen.", "The child's views were obtained before the decision."};
        case Reason::views_declined:
            return {"Barnet afslog samtalen før afgørelsen.", "The child declined the conversation before the decision."};
        case Reason::views_exception:
            return {"Samtalen blev undladt efter en registreret undtagelse (§ 5, stk. 4).",
                    "The conversation was omitted under a recorded exception (§ 5 stk. 4)."};
        case Reason::views_missing:
            return {"Der er ingen registrering af barnets synspunkter før afgørelsen.",
                    "There is no record of the child's views before the decision."};
        case Reason::views_only_after:
            return {"Barnets synspunkter blev først registreret efter afgørelsen.",
                    "The child's views were only recorded after the decision."};
        case Reason::decision_not_listed:
            return {"Før 2024 krævede serviceloven § 48 kun børnesamtale før de opregnede afgørelser; denne var ikke opregnet.",
                    "Before 2024, Serviceloven § 48 required a conversation only before the decisions it listed; this kind was not listed."};
        case Reason::decision_kind_unknown:
            return {"Før 2024 krævede kun de opregnede afgørelser børnesamtale; afgørelsestypen 'other' kan ikke placeres.",
                    "Before 2024 only listed decisions required a conversation; kind 'other' cannot be placed on or off the list."};
        case Reason::decision_not_about_child:
            return {"Ikke kommunens afgørelse om barnets forhold (eller barnet er endnu ikke født).",
                    "Not the municipality's decision about the child's circumstances (or the child is not yet born)."};
        case Reason::exception_ok:
            return {"Undtagelsen angiver sin begrundelse og, hvor det kræves, hvordan barnets synspunkter ellers blev indhentet.",
                    "The exception states its grounds and, where required, how the child's views were obtained instead."};
        case Reason::exception_reason_missing:
            return {"Undtagelsen angiver ikke sin begrundelse (alder eller andre forhold).",
                    "The exception does not record its grounds (age or other circumstances)."};
        case Reason::exception_alternative_missing:
            return {"Undtagelsen angiver ikke, hvordan barnets synspunkter ellers blev indhentet.",
                    "The exception does not record how the child's views were obtained instead."};
        case Reason::exception_no_alternative:
            return {"Barnets synspunkter blev ikke indhentet på anden måde, som § 5, stk. 4 kræver.",
                    "The child's views were not obtained in any other way, as § 5 stk. 4 requires."};
        case Reason::exception_not_needed:
            return {"Før 2024 krævedes ingen børnesamtale før de afgørelser, undtagelsen angår.",
                    "Before 2024 no conversation was required before the decisions the exception concerns."};
        case Reason::stated: return {"Afgørelsen indeholder det krævede.", "The decision contains what is required."};
        case Reason::not_stated: return {"Afgørelsen mangler det krævede.", "The decision lacks what is required."};
        case Reason::statement_unknown:
            return {"Sagen oplyser ikke, om afgørelsen indeholder det krævede.", "The file does not say whether the decision contains what is required."};
        case Reason::not_an_afgoerelse:
            return {"En beslutning, ikke en afgørelse: forvaltningslovens krav gælder ikke.",
                    "A beslutning, not an afgørelse: the Public Administration Act's requirement does not apply."};
        case Reason::full_acceptance:
            return {"En anmodning blev imødekommet: der kræves hverken begrundelse eller klagevejledning.",
                    "A request was granted: neither reasons nor complaint guidance are required."};
        case Reason::not_municipal:
            return {"Truffet af Ankestyrelsen eller en domstol, ikke af kommunen.", "Decided by Ankestyrelsen or a court, not by the municipality."};
        case Reason::complaint_in_time: return {"Klagen kom inden for klagefristen.", "The complaint came within the time limit."};
        case Reason::complaint_late:
            return {"Klagen kom efter klagefristen; Ankestyrelsen kan se bort fra overskridelsen.",
                    "The complaint came after the time limit; Ankestyrelsen may disregard that."};
        case Reason::receipt_unknown:
            return {"Sagen oplyser ikke, hvordan afgørelsen blev sendt ('notification-channel'), så modtagelsestidspunktet kendes ikke.",
                    "The file does not say how the decision was sent ('notification-channel'), so its deemed receipt is unknown."};
        case Reason::complaint_target_unknown:
            return {"Klagen henviser ikke til en afgørelse.", "The complaint does not refer to a decision."};
        case Reason::complaint_not_for_municipality:
            return {"Klage over børne- og ungeudvalgets afgørelse går direkte til Ankestyrelsen.",
                    "A complaint about a committee decision goes straight to Ankestyrelsen."};
        case Reason::plan_chosen:
            return {"Kommunen besluttede ved afgørelsen, at der skal udarbejdes en plan.", "At the decision the municipality decided to make a plan."};
        case Reason::plan_not_chosen:
            return {"Kommunen besluttede ved afgørelsen, at der ikke skal udarbejdes en plan.",
                    "At the decision the municipality decided that no plan is needed."};
        case Reason::plan_choice_unknown:
            return {"Sagen oplyser ikke, om kommunen besluttede at udarbejde en barnets plan (attributten 'plan').",
                    "The file does not record whether the municipality decided to make a barnets plan (attribute 'plan')."};
        case Reason::plan_missing:
            return {"Der er ingen plan, selv om den skulle foreligge før afgørelsen.",
                    "There is no plan, although one had to exist before the decision."};
        case Reason::plan_after_decision:
            return {"Planen kom først efter afgørelsen, som den skulle gå forud for.",
                    "The plan only came after the decision it had to precede."};
        case Reason::measure_kind_unknown:
            return {"Indsatsens start henviser ikke til en afgørelse af en kendt type.",
                    "The start of the measure does not refer to a decision of a known kind."};
        case Reason::measure_ended: return {"Indsatsen ophørte, før pligten indtrådte.", "The measure ended before the duty fell due."};
        case Reason::visits_enough:
            return {"Der var de krævede tilsynsbesøg med samtale med barnet i perioden.",
                    "The required supervision visits with a conversation with the child took place in the period."};
        case Reason::visits_short:
            return {"Der var for få tilsynsbesøg med samtale med barnet i perioden.",
                    "There were too few supervision visits with a conversation with the child in the period."};
        case Reason::window_cut:
            return {"Anbringelsesåret blev afkortet til under 6 måneder, fordi anbringelsen sluttede; der kræves intet besøg.",
                    "The placement year was cut to under 6 months by the end of the placement; no visit is required."};
        case Reason::custody_contact_made:
            return {"Der var kontakt med forældremyndighedsindehaveren før opfølgningen.",
                    "There was contact with the custody holder before the follow-up."};
        case Reason::custody_contact_missing:
            return {"Der er ingen kontakt med forældremyndighedsindehaveren før opfølgningen.",
                    "There is no contact with the custody holder before the follow-up."};
        case Reason::custody_holder_unknown:
            return {"Sagen angiver ingen forældremyndighedsindehaver (party role=\"custody-holder\").",
                    "The file names no custody holder (party role=\"custody-holder\")."};
        case Reason::count_: break;
        case Reason::placement_long_enough:
            return {"Barnet havde været anbragt i mindst 3 år.", "The child had been placed for at least 3 years."};
        case Reason::placement_too_short:
            return {"Barnet havde været anbragt i mindre end 3 år.", "The child had been placed for less than 3 years."};
        case Reason::placement_history_unknown:
            return {"Sagen viser ingen tidligere anbringelse at regne de 3 år fra.", "The file shows no earlier placement to count the 3 years from."};
        case Reason::adoption_considered:
            return {"Adoption blev overvejet i forbindelse med afgørelsen.", "Adoption was considered with the decision."};
        case Reason::adoption_not_considered:
            return {"Der er ingen registreret overvejelse af adoption ved afgørelsen.", "There is no recorded consideration of adoption with the decision."};
        case Reason::within_age_limit:
            return {"Ungestøtten blev bevilget før det 23. år.", "The ungestøtte was granted before the 23rd birthday."};
        case Reason::over_age_limit:
            return {"Ungestøtten blev bevilget efter det 23. år.", "The ungestøtte was granted after the 23rd birthday."};
        case Reason::right_body:
            return {"Afgørelsen er truffet af børne- og ungeudvalget (eller dets formand efter § 143).",
                    "The decision was made by the børne- og ungeudvalg (or its chair under § 143)."};
        case Reason::too_early:
            return {"Afgørelsen er truffet tidligere, end loven tillader.", "The decision was made earlier than the law allows."};
        case Reason::due_date_unknown:
            return {"Sagen angiver ingen terminsdato for det ufødte barn (child due-date).",
                    "The file gives no expected due date for the unborn child (child due-date)."};
        case Reason::open_ended:
            return {"Afgørelsen angiver ingen slutdato, selv om foranstaltningen skal være tidsbegrænset.",
                    "The decision states no end date, though the measure must be time-limited."};
        case Reason::wrong_body:
            return {"Afgørelsen er truffet af en anden end den, loven udpeger (børne- og ungeudvalget).",
                    "The decision was made by another body than the one the law names (the børne- og ungeudvalg)."};
        case Reason::renewal_set:
            return {"Afgørelsen fastsætter en genbehandlingsfrist, som loven ikke giver.", "The decision sets a renewal deadline the law does not provide for."};
        case Reason::no_renewal: return {"Afgørelsen fastsætter ingen genbehandlingsfrist.", "The decision sets no renewal deadline."};
        case Reason::plan_mandatory:
            return {"Afgørelsen siger, at der ikke skal være en ungeplan, men den er obligatorisk ved anbringelse.",
                    "The decision says no ungeplan will be made, but it is mandatory for a placement."};
        case Reason::risk_assessed_first:
            return {"Risikovurderingen blev foretaget, før forældrene blev inddraget.", "The risk assessment was made before the parents were involved."};
        case Reason::parents_involved_first:
            return {"Forældrene blev inddraget, før der forelå en risikovurdering.", "The parents were involved before there was a risk assessment."};
        case Reason::risk_assessment_outstanding:
            return {"Risikovurderingen mangler; den skal foreligge, før forældrene inddrages.",
                    "The risk assessment is still to be made, before the parents are involved."};
        case Reason::investigation_concluded_first:
            return {"En afsluttet børnefaglig undersøgelse gik forud for anbringelsen.", "A concluded børnefaglig undersøgelse preceded the placement."};
        case Reason::investigation_in_parallel:
            return {"Foreløbig anbringelse med undersøgelsen i gang sideløbende.", "A provisional placement with the undersøgelse running in parallel."};
        case Reason::investigation_missing:
            return {"Der forelå ingen afsluttet børnefaglig undersøgelse før anbringelsen.", "No concluded børnefaglig undersøgelse preceded the placement."};
        case Reason::not_first_time:
            return {"Familien har tidligere fået støtte; kravet om to rådgivere gælder førstegangssager.",
                    "The family has had support before; two caseworkers are required in first-time cases."};
        case Reason::cooperation_recorded:
            return {"Der er kontakt med forældremyndigheden (og den unge over 15) under undersøgelsen.",
                    "There is contact with the custody holder (and the young person of 15+) during the undersøgelse."};
        case Reason::cooperation_missing:
            return {"Der er ingen kontakt med forældremyndigheden eller den unge over 15 under undersøgelsen.",
                    "There is no contact with the custody holder or the young person of 15+ during the undersøgelse."};
        case Reason::siblings_assessed: return {"Alle søskende er vurderet.", "Every sibling has been assessed."};
        case Reason::siblings_not_assessed: return {"Ikke alle søskende er vurderet.", "Not every sibling has been assessed."};
        case Reason::no_siblings_declared: return {"Sagen angiver ingen søskende.", "The file declares no siblings."};
        case Reason::step_recorded: return {"Det næste skridt er registreret.", "The next step is on file."};
        case Reason::step_outstanding:
            return {"Det næste skridt mangler endnu; loven sætter ingen frist.", "The next step is not on file yet; the law sets no deadline."};
        case Reason::bisidder_informed:
            return {"Barnet blev orienteret om retten til en bisidder før den første afgørelse.",
                    "The child was told of the right to a bisidder before the first decision."};
        case Reason::bisidder_not_informed:
            return {"Der er ingen orientering af barnet om retten til en bisidder før den første afgørelse.",
                    "There is no record of telling the child of the right to a bisidder before the first decision."};
        case Reason::age_unknown:
            return {"Reglen afhænger af barnets alder, men sagen angiver ingen fødselsdato (birth-date eller cpr).",
                    "The rule depends on the child's age, but the file gives no birth date (birth-date or cpr)."};
        case Reason::child_heard: return {"Barnet blev hørt før afgørelsen.", "The child was heard before the decision."};
        case Reason::hearing_not_required:
            return {"Barnet var under den alder, hvor høring kræves.", "The child was under the age from which hearing is required."};
        case Reason::hearing_omitted_harm:
            return {"Høringen blev undladt, fordi den måtte antages at skade barnet.", "The hearing was omitted because it must be assumed to harm the child."};
        case Reason::child_not_heard: return {"Barnet blev ikke hørt før afgørelsen.", "The child was not heard before the decision."};
        case Reason::hearing_unknown:
            return {"Sagen oplyser ikke, om barnet blev hørt ('child-heard' eller en udtalelse fra barnet).",
                    "The file does not say whether the child was heard ('child-heard', or a statement from the child)."};
        case Reason::age_claim_wrong:
            return {"Afgørelsen siger, at barnet er under 10 år, men barnet var ældre.", "The decision says the child is under 10, but the child was older."};
        case Reason::all_informed:
            return {"Alle, reglen angår, er nået som krævet.", "Everyone the rule concerns was reached as it requires."};
        case Reason::not_all_informed:
            return {"Ikke alle, reglen angår, er nået som krævet.", "Not everyone the rule concerns was reached as it requires."};
        case Reason::consent_given: return {"Den unges samtykke foreligger.", "The young person's consent is recorded."};
        case Reason::consent_missing:
            return {"Den unges samtykke mangler.", "The young person's consent is missing."};
        case Reason::consent_not_covering_purpose:
            return {"Samtykket dækker ikke anbringelsens formål.", "The consent does not cover the purpose of the placement."};
        case Reason::under_age: return {"Barnet var ikke fyldt den alder, kravet gælder fra.", "The child had not reached the age the requirement starts at."};
        case Reason::no_decision_yet: return {"Der er endnu ikke truffet afgørelse i sagen.", "No decision has been made in the case yet."};
        case Reason::bisidder_too_young: return {"Bisidderen var under 15 år.", "The bisidder was under 15."};
        case Reason::bisidder_age_ok: return {"Bisidderen var fyldt 15 år.", "The bisidder had turned 15."};
        case Reason::within_cap: return {"Perioden holder sig inden for det tilladte.", "The period stays within what is allowed."};
        case Reason::over_cap: return {"Perioden er længere end tilladt.", "The period is longer than allowed."};
        case Reason::period_unknown:
            return {"Afgørelsen angiver ikke periodens start og slut ('start', 'end').", "The decision does not state the period's start and end ('start', 'end')."};
        case Reason::child_request_found: return {"Afgørelsen bygger på barnets egen anmodning.", "The decision rests on the child's own request."};
        case Reason::child_request_missing:
            return {"Der er ingen anmodning fra barnet før afgørelsen.", "There is no request from the child before the decision."};
        case Reason::consents_given:
            return {"Alle de samtykker, afgørelsen kræver, foreligger før den.", "Every consent the decision needs is on file before it."};
        case Reason::consents_missing:
            return {"Et samtykke, afgørelsen kræver, foreligger ikke før den (mangler, nægtet eller tilbagekaldt).",
                    "A consent the decision needs is not on file before it (missing, refused or withdrawn)."};
        case Reason::child_already_born:
            return {"Barnet var født, da afgørelsen om det ufødte barn blev truffet.", "The child was born when the decision about the unborn child was made."};
        case Reason::custody_holders_consented:
            return {"Alle forældremyndighedsindehavere samtykkede; anbringelsen er da en anbringelse med samtykke (§ 46).",
                    "Every custody holder consented; the placement is then one with consent (§ 46)."};
        case Reason::custody_answer_unknown:
            return {"Sagen viser intet svar fra forældremyndighedsindehaveren.", "The file shows no answer from the custody holder."};
        case Reason::custody_refusal_recorded:
            return {"En forældremyndighedsindehaver har nægtet eller tilbagekaldt samtykke.", "A custody holder refused or withdrew consent."};
        case Reason::site_statement_found:
            return {"Anbringelsesstedets udtalelse foreligger før afgørelsen.", "The placement's statement came before the decision."};
        case Reason::site_statement_missing:
            return {"Der er ingen udtalelse fra anbringelsesstedet før afgørelsen.", "There is no statement from the placement before the decision."};
        case Reason::eligible:
            return {"Den unge var anbragt eller havde fast kontaktperson dagen før det 18. år.",
                    "The young person was placed or had a fast kontaktperson on the day before turning 18."};
        case Reason::not_eligible:
            return {"Den unge var hverken anbragt eller havde fast kontaktperson dagen før det 18. år.",
                    "The young person was neither placed nor had a fast kontaktperson on the day before turning 18."};
        case Reason::not_in_target_group:
            return {"Den unge hører ikke til den gruppe, pligten gælder.", "The young person is not in the group the duty is owed to."};
        case Reason::inconsistent_dates:
            return {"Kan ikke afgøres: opfyldelsen er dateret før den hændelse, den besvarer (modstridende datoer).",
                    "Cannot be decided: the fulfilment is dated before the event it answers (inconsistent dates)."};
        case Reason::record_too_old:
            return {"Ingen aktuel registrering til denne afgørelse: den seneste er ældre end den tilladte periode før afgørelsen.",
                    "No current record for this decision: the latest is older than the period allowed before the decision."};
        case Reason::record_serves_earlier:
            return {"Ingen aktuel registrering til denne afgørelse: den seneste er dateret før en tidligere afgørelse og hører til den.",
                    "No current record for this decision: the latest is dated before an earlier decision and belongs to that one."};
        case Reason::record_order_unknown:
            return {"Kan ikke afgøres: den seneste registrering har samme dato som en tidligere afgørelse, og rækkefølgen fremgår ikke.",
                    "Cannot be decided: the latest record shares its date with an earlier decision, and the order is not shown."};
        case Reason::request_granted:
            return {"Afgørelsen giver fuldt medhold i den anmodning, den nævner; partshøring er da ikke påkrævet.",
                    "The decision grants in full the request it names; no hearing is then owed."};
        case Reason::hearing_not_recorded:
            return {"Ingen partshøring af barnet er registreret, og sagen viser ikke, om afgørelsen hviler på oplysninger til barnets ugunst, som barnet ikke kendte.",
                    "No hearing of the child is on file, and the file does not show whether the decision rests on facts to the child's disadvantage that the child did not know."};
        case Reason::placed_after_limit_day:
            return {"Anbringelsen begyndte efter § 111-dagen (6 måneder før det 18. år), så fristen kan ikke gælde for den.",
                    "The placement began after the § 111 limit day (6 months before the 18th birthday), so the deadline cannot apply to it."};
        case Reason::cooperation_not_recorded:
            return {"Ingen kontakt med forældremyndigheden eller den unge over 15 er registreret under undersøgelsen; loven kræver samarbejdet \"så vidt muligt\", og sagen viser ikke, om det var muligt.",
                    "No contact with the custody holder or the young person of 15+ is recorded during the undersøgelse; the law asks for it \"as far as possible\", and the file does not show whether it was possible."};
        case Reason::plan_due_at_committee:
            return {"Formandens foreløbige anbringelse (§ 143) kræver ingen plan før den; planen skal foreligge før udvalgets efterfølgende afgørelse.",
                    "The chair's provisional placement (§ 143) needs no plan before it; the plan is owed before the committee's decision that follows."};
        case Reason::complaint_upheld:
            return {"Kommunen gav klageren medhold ved genvurderingen inden fristen.",
                    "The municipality upheld the complaint at its re-assessment, in time."};
        case Reason::position_taken:
            return {"Kommunen har taget stilling til barnets samvær og kontakt under anbringelsen.",
                    "The municipality has taken a position on the child's samvær and contact during the placement."};
        case Reason::position_outstanding:
            return {"Der er endnu ikke taget stilling til samvær; anbringelsen løber, og loven sætter ingen frist.",
                    "No position on samvær yet; the placement is running and the law sets no deadline."};
        case Reason::position_missing:
            return {"Anbringelsen sluttede, uden at kommunen havde taget stilling til samvær.",
                    "The placement ended without the municipality having taken a position on samvær."};
        case Reason::part_year_short:
            return {"Anbringelsen dækkede under 6 måneder af kalenderåret; der kræves intet besøg.",
                    "The placement covered less than 6 months of the calendar year; no visit is required."};
        case Reason::partial_agreement:
            return {"Kommunen gav delvist medhold; sagen oplyser ikke, hvornår klageren fastholdt klagen "
                    "(complaint-maintained-at), som fristen for videresendelse regnes fra.",
                    "The municipality partly agreed; the file does not say when the complainant maintained the complaint "
                    "(complaint-maintained-at), which the forwarding deadline runs from."};
        case Reason::deviation_explained:
            return {"Der var ikke to rådgivere, men afvigelsen er begrundet (deviation-reason); § 21, stk. 5 gælder som udgangspunkt.",
                    "There were not two caseworkers, but the deviation is explained (deviation-reason); § 21 stk. 5 is a starting point."};
        case Reason::deviation_unexplained:
            return {"Der var ikke to rådgivere, og sagen angiver ingen begrundelse for afvigelsen (deviation-reason).",
                    "There were not two caseworkers, and the file records no reason for the deviation (deviation-reason)."};
        case Reason::notifier_anonymous:
            return {"Underretteren er anonym; en kvittering kan ikke sendes.", "The notifier is anonymous; no kvittering can be sent."};
    }
    return {"", ""};
}

Phrase basis_of(Basis b) {
    switch (b) {
        case Basis::none: return {"", ""};
        case Basis::foreloebig_vurdering:
            return {"foreløbig vurdering (§ 20, stk. 3 / SEL § 50, stk. 7)", "preliminary assessment (§ 20 stk. 3 / SEL § 50 stk. 7)"};
        case Basis::views_exception: return {"undtagelse efter § 5, stk. 4", "exception under § 5 stk. 4"};
        case Basis::child_declined:
            return {"barnet afslog samtalen (tæller som hørt: tidligere praksis, UNCONFIRMED efter barnets lov)",
                    "the child declined (counts as heard: earlier practice, UNCONFIRMED under barnets lov)"};
        case Basis::urgent_plan:
            return {"hastende afgørelse: handleplanen inden 4 måneder (SEL § 140)", "urgent decision: the handleplan within 4 months (SEL § 140)"};
        case Basis::hearing_exception:
            return {"høring undladt af hensyn til barnet (§ 142, stk. 2)", "hearing omitted for the child's sake (§ 142 stk. 2)"};
        case Basis::provisional_parallel:
            return {"foreløbig anbringelse under undersøgelsen (§ 46, stk. 3)", "provisional placement during the undersøgelse (§ 46 stk. 3)"};
        case Basis::deviation_explained:
            return {"begrundet afvigelse fra to rådgivere (§ 21, stk. 5: som udgangspunkt)",
                    "a reasoned deviation from two caseworkers (§ 21 stk. 5: as a starting point)"};
        case Basis::same_day:
            return {"samtale og afgørelse samme dato uden klokkeslæt; rækkefølgen den dag er ikke registreret",
                    "conversation and decision on the same date without times; the order that day is not recorded"};
    }
    return {"", ""};
}

std::string_view pick(Phrase p, Lang lang) { return lang == Lang::da ? p.da : p.en; }

Phrase due_by_phrase(DueBy b) {
    switch (b) {
        case DueBy::counted:
        case DueBy::fixed_in_decision: return {"frist fastsat i afgørelsen", "deadline fixed in the decision"};
        case DueBy::placement_start: return {"den dag anbringelsen begyndte", "the day the placement started"};
        case DueBy::return_home: return {"den dag barnet kom hjem", "the day the child returned home"};
        case DueBy::planned_return: return {"den planlagte hjemkomst (periodens slut)", "the planned return home (the period's end)"};
        case DueBy::day_before_18: return {"dagen før det 18. år", "the day before the 18th birthday"};
        case DueBy::calendar_year_end: return {"kalenderårets sidste dag", "the last day of the calendar year"};
        case DueBy::placement_end: return {"den dag anbringelsen sluttede", "the day the placement ended"};
    }
    return {"", ""};
}

// The report's pieces append into the caller's string: a text report prints several dates and
// sentences per finding, and a fmt::format with a run-time parsed format string and a temporary
// per piece was over half of the report's cost.
void append_int(std::string& out, std::int64_t v) {
    const fmt::format_int s(v);
    out.append(s.data(), s.size());
}

// As fmt's {:02}.
void append2(std::string& out, long v) {
    if (v < 0 || v > 99) {
        fmt::format_to(std::back_inserter(out), "{:02}", v);
        return;
    }
    const char s[2] = {char('0' + v / 10), char('0' + v % 10)};
    out.append(s, 2);
}

// "2024-03-28 14:30", or "2024-03-28 14:30:05" when the seconds are not zero.
void append_local(std::string& out, Instant t, const Calendar& cal) {
    const LocalTime lt = cal.local_time(t);
    const LocalDay day = date::floor<date::days>(lt);
    const date::hh_mm_ss<Seconds> tod{lt - day};
    append_day(out, day);
    out += ' ';
    append2(out, tod.hours().count());
    out += ':';
    append2(out, tod.minutes().count());
    if (tod.seconds().count() == 0) return;
    out += ':';
    append2(out, tod.seconds().count());
}

// The words before and after a value in a sentence such as "late by {}" or "Stated ({}="true").".
struct Around {
    std::string_view before;
    std::string_view after;
};

// The words around the start day of a counted deadline: "<amount><before><start day><after>".
Around counted_words(const Deadline& d, bool da) {
    const bool one = d.amount == 1;
    switch (d.convention) {
        case Convention::hverdage_after: return da ? Around{" hverdage efter ", " (dag 0)"} : Around{" hverdage after ", " (day 0)"};
        case Convention::months_after:
            return da ? Around{one ? " måned efter " : " måneder efter ", ""} : Around{one ? " month after " : " months after ", ""};
        case Convention::months_before:
            return da ? Around{one ? " måned før " : " måneder før ", ""} : Around{one ? " month before " : " months before ", ""};
        case Convention::years_after: return da ? Around{" år efter ", ""} : Around{one ? " year after " : " years after ", ""};
        case Convention::weeks_after: return da ? Around{" uger efter ", ""} : Around{" weeks after ", ""};
        case Convention::days_after: return da ? Around{" dage efter ", ""} : Around{" days after ", ""};
        case Convention::days_counting_first: return da ? Around{" dage med ", " som dag 1"} : Around{" days with ", " as day 1"};
        case Convention::none:
        case Convention::elapsed_hours: break;
    }
    return {};
}

void append_counting(std::string& s, const Deadline& d, const Calendar& cal, Lang lang) {
    const bool da = lang == Lang::da;
    // Every convention but hours reads "<how counted> = end of <due day>", then any remark.
    switch (d.convention) {
        case Convention::elapsed_hours:
            append_int(s, d.amount);
            s += da ? " timer efter " : " hours after ";
            append_moment(s, d.start, cal);
            s += " = ";
            append_local(s, d.due_first, cal);
            if (d.due_first != d.due_last) {
                s += " - ";
                append_local(s, d.due_last, cal);
            }
            return;
        case Convention::none:  // not counted: a date fixed in the decision, or the day of an event
            s += pick(due_by_phrase(d.due_by), lang);
            break;
        default: {
            const Around words = counted_words(d, da);
            append_int(s, d.amount);
            s += words.before;
            append_day(s, d.start.day);
            s += words.after;
            break;
        }
    }
    // A lower bound ("not earlier than", § 49) is a limit from 00:00 on its day; every other day-based
    // deadline ends at the end of its day.
    if (d.end_of_day) s += da ? " = udgangen af " : " = end of ";
    else s += da ? " = fra kl. 00:00 den " : " = from 00:00 on ";
    append_day(s, d.due_day);
    switch (d.convention) {
        case Convention::hverdage_after: {
            bool first = true;
            for (const auto& [day, h] : cal.weekday_holidays_between(d.start.day, d.due_day)) {
                s += !first ? ", " : da ? "; helligdage talt fra: " : "; holidays not counted: ";
                first = false;
                append_day(s, day);
                s += ' ';
                s += da ? holiday_name_da(h) : holiday_name_en(h);
            }
            break;
        }
        case Convention::months_after:
        case Convention::years_after:
        case Convention::months_before:
            if (d.clamped) s += da ? " (datoen findes ikke; sidste dag i måneden)" : " (no such date; last day of the month)";
            break;
        case Convention::weeks_after:
            if (d.moved_to_hverdag) s += da ? " (flyttet til næste hverdag)" : " (moved to the next hverdag)";
            break;
        default: break;
    }
}

void append_margin(std::string& out, std::int64_t value, MarginUnit unit, Lang lang) {
    const bool da = lang == Lang::da;
    const std::int64_t v = value < 0 ? -value : value;
    switch (unit) {
        case MarginUnit::seconds: {
            const std::int64_t d = v / 86400, h = (v % 86400) / 3600, m = (v % 3600) / 60;
            const std::size_t start = out.size();
            if (d) {
                append_int(out, d);
                out += da ? " døgn " : (d == 1 ? " day " : " days ");
            }
            if (h) {
                append_int(out, h);
                out += da ? " t " : " h ";
            }
            if (m || out.size() == start) {
                append_int(out, m);
                out += " min ";
            }
            out.pop_back();
            return;
        }
        case MarginUnit::days:
            append_int(out, v);
            out += da ? (v == 1 ? " dag" : " dage") : (v == 1 ? " day" : " days");
            return;
        case MarginUnit::hverdage:
            append_int(out, v);
            out += v == 1 ? " hverdag" : " hverdage";
            return;
    }
}

// The sentence around a margin's amount, by status; none for a status without one.
std::optional<Around> margin_words(const Finding& f, bool da) {
    if (f.basis == Basis::foreloebig_vurdering)
        return da ? Around{"foreløbig vurdering ", " før fristen"} : Around{"preliminary assessment ", " before the deadline"};
    switch (f.status) {
        case Status::met: return da ? Around{"", " før fristen"} : Around{"", " to spare"};
        case Status::late: return da ? Around{"", " for sent"} : Around{"late by ", ""};
        case Status::missed: return da ? Around{"overskredet med ", ""} : Around{"overdue by ", ""};
        case Status::pending: return da ? Around{"", " tilbage"} : Around{"", " left"};
        default: return std::nullopt;
    }
}

// The summary of a content finding that names the attribute it judged.
std::optional<Around> attribute_words(Reason r, bool da) {
    switch (r) {
        case Reason::stated: return da ? Around{"Angivet (", "=\"true\")."} : Around{"Stated (", "=\"true\")."};
        case Reason::not_stated: return da ? Around{"Ikke angivet (", "=\"false\")."} : Around{"Not stated (", "=\"false\")."};
        case Reason::statement_unknown:
            return da ? Around{"Sagen oplyser det ikke (ingen '", "')."} : Around{"The file does not say (no '", "')."};
        default: return std::nullopt;
    }
}

constexpr std::string_view reason_keys[] = {
    "done_in_time", "done_late", "overdue", "due_ahead", "order_unknown", "before_rule", "lacks_conclusion",
    "notifier_not_professional", "notifier_unknown", "awareness_unknown", "subject_not_covered",
    "preliminary_in_time", "preliminary_late", "still_open_after_preliminary", "views_obtained", "views_declined",
    "views_exception", "views_missing", "views_only_after", "decision_not_listed", "decision_kind_unknown",
    "decision_not_about_child", "exception_ok", "exception_reason_missing", "exception_alternative_missing",
    "exception_no_alternative", "exception_not_needed", "stated", "not_stated", "statement_unknown",
    "not_an_afgoerelse", "full_acceptance", "not_municipal", "complaint_in_time", "complaint_late", "receipt_unknown",
    "complaint_target_unknown", "complaint_not_for_municipality", "complaint_upheld", "plan_not_chosen",
    "plan_choice_unknown", "plan_missing", "plan_after_decision", "measure_kind_unknown", "measure_ended",
    "visits_enough", "visits_short", "window_cut", "custody_contact_made", "custody_contact_missing",
    "custody_holder_unknown", "age_unknown", "child_heard", "hearing_not_required", "hearing_omitted_harm",
    "child_not_heard", "hearing_unknown", "age_claim_wrong", "all_informed", "not_all_informed", "consent_given",
    "consent_missing", "consent_not_covering_purpose", "under_age", "no_decision_yet", "bisidder_too_young",
    "bisidder_age_ok", "within_cap", "over_cap", "period_unknown", "child_request_found", "child_request_missing",
    "bisidder_informed", "bisidder_not_informed", "risk_assessed_first", "parents_involved_first",
    "risk_assessment_outstanding", "investigation_concluded_first", "investigation_in_parallel", "investigation_missing",
    "not_first_time", "cooperation_recorded", "cooperation_missing", "siblings_assessed", "siblings_not_assessed",
    "no_siblings_declared", "step_recorded", "step_outstanding", "wrong_body", "renewal_set", "no_renewal",
    "plan_mandatory", "plan_chosen", "right_body", "too_early", "due_date_unknown", "open_ended",
    "placement_long_enough", "placement_too_short", "placement_history_unknown", "adoption_considered",
    "adoption_not_considered", "within_age_limit", "over_age_limit", "consents_given", "consents_missing",
    "child_already_born", "custody_holders_consented", "custody_answer_unknown", "custody_refusal_recorded",
    "site_statement_found", "site_statement_missing", "eligible", "not_eligible", "not_in_target_group",
    "inconsistent_dates", "record_too_old", "record_serves_earlier", "record_order_unknown", "request_granted",
    "hearing_not_recorded", "plan_due_at_committee", "cooperation_not_recorded", "placed_after_limit_day",
    "position_taken", "position_outstanding", "position_missing", "part_year_short", "partial_agreement",
    "deviation_explained", "deviation_unexplained", "notifier_anonymous"};
static_assert(std::size(reason_keys) == reason_count);

}  // namespace

std::string_view reason_key(Reason r) { return reason_keys[static_cast<std::size_t>(r)]; }

std::string_view reason_summary(Reason r, Lang lang) { return pick(summary_of(r), lang); }

std::string_view role_name(EventRole r, Lang lang) {
    switch (r) {
        case EventRole::trigger: return pick({"udløst af", "trigger"}, lang);
        case EventRole::fulfilment: return pick({"opfyldt af", "fulfilment"}, lang);
        case EventRole::exception: return pick({"undtagelse", "exception"}, lang);
        case EventRole::related: return pick({"se også", "related"}, lang);
    }
    return "";
}

void append_day(std::string& out, LocalDay d) {
    const auto ymd = barnetslov::ymd(d);
    const int year = int(ymd.year());
    const unsigned month = unsigned(ymd.month()), day = unsigned(ymd.day());
    if (year < 0 || year > 9999) {
        fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", year, month, day);
        return;
    }
    const char s[10] = {char('0' + year / 1000), char('0' + year / 100 % 10), char('0' + year / 10 % 10), char('0' + year % 10),
                        '-', char('0' + month / 10), char('0' + month % 10), '-', char('0' + day / 10), char('0' + day % 10)};
    out.append(s, sizeof s);
}

std::string format_day(LocalDay d) {
    std::string out;
    append_day(out, d);
    return out;
}

void append_moment(std::string& out, const Moment& m, const Calendar& cal) {
    if (m.has_time) append_local(out, m.instant, cal);
    else append_day(out, m.day);
}

std::string format_moment(const Moment& m, const Calendar& cal) {
    std::string out;
    append_moment(out, m, cal);
    return out;
}

std::string iso_instant(Instant t, const Calendar& cal) {
    const LocalTime lt = cal.local_time(t);
    const LocalDay day = date::floor<date::days>(lt);
    const date::hh_mm_ss<Seconds> tod{lt - day};
    const auto off = cal.utc_offset(t).count();
    const auto a = off < 0 ? -off : off;
    std::string out;
    append_day(out, day);
    out += 'T';
    append2(out, tod.hours().count());
    out += ':';
    append2(out, tod.minutes().count());
    out += ':';
    append2(out, tod.seconds().count());
    out += off < 0 ? '-' : '+';
    append2(out, a / 3600);
    out += ':';
    append2(out, (a % 3600) / 60);
    return out;
}

std::string iso_moment(const Moment& m, const Calendar& cal) {
    return m.has_time ? iso_instant(m.instant, cal) : format_day(m.day);
}

std::string format_margin(std::int64_t value, MarginUnit unit, Lang lang) {
    std::string out;
    append_margin(out, value, unit, lang);
    return out;
}

void describe_into(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    const bool da = lang == Lang::da;
    t.summary.clear();
    t.counting.clear();
    t.margin.clear();
    if (const auto words = f.attribute ? attribute_words(f.reason, da) : std::nullopt) {
        t.summary += words->before;
        t.summary += attr_name(*f.attribute);
        t.summary += words->after;
    } else {
        t.summary = pick(summary_of(f.reason), lang);
    }
    if (f.deadline) append_counting(t.counting, *f.deadline, engine.calendar(), lang);
    const Event& subject = report.kase->event(f.subject);
    // BL-UNDS-4M, first knowledge wins: an aware-at later than the first knowledge of a linked
    // underretning is named, and that it did not move the clock.
    if (f.deadline && f.attribute == Attr::aware_at) {
        if (const auto aware = subject.moment(Attr::aware_at)) {
            t.counting += da ? "; aware-at " : "; aware-at ";
            append_moment(t.counting, *aware, engine.calendar());
            t.counting += da ? " er senere end første kendskab og flytter ikke fristen" : " is later than the first knowledge and does not move the clock";
        }
    }
    // Still open after the deadline (on a foreløbig vurdering): how many whole months since the clock started.
    if (f.reason == Reason::still_open_after_preliminary && f.deadline) {
        const LocalDay today = engine.calendar().local_day(report.as_of);
        int months = 0;
        while (months < 1200 && months_after(f.deadline->start.day, months + 1) <= today) ++months;
        t.summary += da ? " Åben i " : " Open for ";
        append_int(t.summary, months);
        t.summary += da ? (months == 1 ? " måned." : " måneder.") : (months == 1 ? " month." : " months.");
    }
    if (const auto words = f.margin ? margin_words(f, da) : std::nullopt) {
        t.margin = words->before;
        append_margin(t.margin, *f.margin, f.margin_unit, lang);
        t.margin += words->after;
    }
    if (f.required > 0) {
        const bool visits = f.reason == Reason::visits_enough || f.reason == Reason::visits_short || f.reason == Reason::window_cut ||
                            f.reason == Reason::due_ahead;
        t.summary += ' ';
        append_int(t.summary, f.count);
        t.summary += da ? " af " : " of ";
        append_int(t.summary, f.required);
        if (visits) t.summary += da ? " besøg" : " visits";
        t.summary += '.';
    }
    t.basis = pick(basis_of(f.basis), lang);
}

FindingText describe(const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    FindingText t;
    describe_into(t, engine, report, f, lang);
    return t;
}

}  // namespace barnetslov
