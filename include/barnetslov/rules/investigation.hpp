// Chapter "investigation": screening, afdækning, børnefaglig undersøgelse (barnets lov §§ 18-27;
// Serviceloven § 50). Catalog: ../shared/law/part-a-procedure-involvement.md § 2.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-UNDS-4M — § 20 stk. 3 (Serviceloven § 50 stk. 7): conclude the børnefaglige undersøgelse
// within 4 months of becoming aware of the possible need for support, or make a foreløbig
// vurdering by then and conclude as soon as possible.
const Rule& undersoegelse_4_months();
// BL-SCR-01 — § 18 stk. 1-2: an underretning is screened (or an afdækning / undersøgelse started).
const Rule& screening();
// BL-SCR-RISK — § 18 stk. 3: a risk assessment before the parents are involved, where honour-related
// conflict is indicated.
const Rule& risk_assessment_first();
// BL-UNDS-PRE-ANB — § 46 stk. 3, § 47 stk. 2 (Serviceloven §§ 52, 58): an undersøgelse concluded before
// a placement decision, unless a provisional placement runs in parallel with it.
const Rule& investigation_before_placement();
// BL-UNDS-2RAD — § 21 stk. 5: two caseworkers at key meetings in a first-time case.
const Rule& two_caseworkers();
// BL-UNDS-COOP15 — § 22 stk. 2 (Serviceloven § 50 stk. 1): contact with the custody holder and the
// young person of 15+ during the undersøgelse.
const Rule& investigation_cooperation();
// BL-UNDS-SIB — § 21 stk. 1-3 (Serviceloven § 50): every sibling assessed in an undersøgelse.
const Rule& siblings_assessed();

}  // namespace barnetslov::rules
