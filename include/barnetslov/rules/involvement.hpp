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

// BL-BARN-BUU-HEAR — § 142 stk. 2 (Serviceloven § 74 stk. 2): the child heard by the børne- og
// ungeudvalg unless under 10 (12 before 2024) or it would harm the child.
const Rule& committee_hearing();
// BL-BARN-AKT10 — § 141 (Serviceloven § 73): custody holders and a child of 10+ told of access to
// the files and the right to comment before a decision in a § 140 case.
const Rule& files_and_comment();
// BL-BARN-CONSENT15 — §§ 46, 47 stk. 4, 67 stk. 3, 104 stk. 3: the consent of a young person who has
// turned 15.
const Rule& young_person_consent();
// BL-BARN-BISID — § 6 (Serviceloven § 48 a): the child told of the right to a bisidder; a
// bisidder is at least 15.
const Rule& bisidder();
// BL-BARN-PART10 — § 3 (Serviceloven § 167: 12): a child of 10+ heard as party in § 3's case types;
// the L 87 amendment of § 3's list is a rule version.
const Rule& child_party_powers();
// BL-BARN-REQ-ANB — § 48: the child's request to be placed is decided; a refusal carries
// klagevejledning (LOV 217/2024).
const Rule& placement_request();
// BL-BARN-PFP — § 42 stk. 4 (Serviceloven § 78 stk. 4): a 'no move' request in private foster care
// is decided by the børne- og ungeudvalg.
const Rule& no_move_request();

}  // namespace barnetslov::rules
