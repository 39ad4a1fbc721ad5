// Chapter "investigation": screening, afdækning, børnefaglig undersøgelse (barnets lov §§ 18-27;
// Serviceloven § 50). Catalog: ../shared/law/part-a-procedure-involvement.md § 2.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-UNDS-4M — § 20 stk. 3 (Serviceloven § 50 stk. 7): conclude the børnefaglige undersøgelse
// within 4 months of becoming aware of the possible need for support, or make a foreløbig
// vurdering by then and conclude as soon as possible.
const Rule& undersoegelse_4_months();

}  // namespace barnetslov::rules
