// Chapter "decisions": afgørelser, complaints and aktindsigt (forvaltningsloven §§ 16, 22, 25;
// retssikkerhedsloven §§ 66-67; barnets lov §§ 46-47, 144-150).
// Catalog: ../shared/law/part-a-procedure-involvement.md § 5.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-AFG-WRITTEN — forvaltningsloven §§ 22, 24: a decision gives its reasons.
const Rule& decision_reasons();
// BL-AFG-KLVEJL — forvaltningsloven § 25: an appealable decision carries klagevejledning.
const Rule& decision_klagevejledning();
// BL-AFG-ANB-CONTENT — § 46 stk. 1, § 47 stk. 2: a placement decision states its purpose and
// expected duration.
const Rule& placement_decision_content();
// BL-AKT-7D — forvaltningsloven § 16 stk. 2: a request for aktindsigt is decided, or the delay
// explained, within 7 arbejdsdage.
const Rule& aktindsigt_7_days();
// BL-KLAGE-4W — retssikkerhedsloven § 67: the citizen's 4 weeks to complain, from deemed
// receipt of the decision (information: never counted against the municipality).
const Rule& complaint_4_weeks();
// BL-KLAGE-GENV — retssikkerhedsloven § 66: the municipality re-assesses a complaint and, if it
// maintains its decision, forwards it to Ankestyrelsen within 4 weeks of receiving it.
const Rule& complaint_reassessment();
// BL-KLAGE-BUU — §§ 146-148 (retssikkerhedsloven § 73): Ankestyrelsen decides a complaint about
// a børne- og ungeudvalg decision within 8 weeks (Ankestyrelsen's duty: information).
const Rule& committee_complaint_8_weeks();
// BL-KLAGE-WHO — §§ 3, 144-150 (Serviceloven §§ 166-168): the decision with klagevejledning to each
// custody holder and, in § 3's case types, the child of 10+. BL-BARN-KLAGE10 is its alias.
const Rule& complaint_guidance_to_parties();
// BL-ADV — § 140 (Serviceloven § 72): free legal aid offered before a committee decision.
const Rule& legal_aid_offer();

}  // namespace barnetslov::rules
