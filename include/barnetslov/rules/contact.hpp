// Chapter "contact": samvær and kontakt during a placement (barnets lov §§ 103-107; Serviceloven
// § 71). Catalog: ../shared/law/part-b-placement-aftercare.md § 2, and part A's BL-BARN-SAMV-REQ.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-SAMV-SUSPEND8W — § 104 stk. 5 (stk. 4 before L 87): a suspension of contact at the child's
// request lasts at most 8 weeks. Canonical for the duration cap.
const Rule& contact_suspension_cap();
// BL-BARN-SAMV-REQ — § 103 stk. 2: such a suspension rests on the child's own request. The two
// overlapping catalog ids are split by duty: the request here, the 8-week cap above.
const Rule& contact_suspension_request();
// BL-ANB-PFP-NOGENB — § 42 stk. 4 (part B): a 'no move' decision in private foster care sets no
// renewal deadline. Implemented with BL-BARN-PFP, one duty each.
const Rule& no_move_without_renewal();
// BL-SAMV-RIGHT — § 103 (Serviceloven § 71 stk. 1): a position on samvær when a placement begins.
const Rule& contact_position();
// BL-SAMV-SUPPORTED — § 104 stk. 3-4: supported samvær with the custody holder's consent or at the
// child's request.
const Rule& supported_contact();

}  // namespace barnetslov::rules
