// Chapter "involvement": the child's involvement and party rights (barnets lov §§ 3-6, 141-142;
// Serviceloven §§ 48, 48 a, 167). Catalog: ../shared/law/part-a-procedure-involvement.md § 3.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-BARN-VIEWS — § 5 stk. 3 (Serviceloven § 48 stk. 1): the child's views are obtained
// through conversation or other direct contact before every decision about the child; before
// 2024 only before the decisions on Serviceloven § 48's closed list.
const Rule& child_views_before_decision();

// BL-BARN-VIEWS-EXC — § 5 stk. 4 (Serviceloven § 48): an exception to the conversation needs
// grounds (age or other circumstances) and, under barnets lov, the views obtained another way.
const Rule& child_views_exception();

}  // namespace barnetslov::rules
