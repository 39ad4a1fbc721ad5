// Chapter "placement" and part B's deadlines on decisions and aftercare: the chair's provisional
// decision (§ 143), renewal of a placement without consent (§ 50), the ungestøtte decision (§ 111).
// Catalog: ../shared/law/part-b-placement-aftercare.md §§ 1, 4, 6.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-FORMAND-143 — § 143 (Serviceloven § 75): written notice within 24 hours, committee approval
// within 7 days (the day of implementation = day 1), the ordinary decision within 1 month.
// Part A's BL-FORMAND-7D is its alias.
const Rule& chair_provisional_decision();
// BL-ANB-GENBEH — § 50 (Serviceloven § 62): a placement without consent decided again by the
// deadline fixed in the decision, else after 1 year (2 if placed within the year before).
const Rule& placement_renewal();
// BL-UNG-111-6M — § 111 stk. 1 (Serviceloven § 68 stk. 11): the ungestøtte decision at least 6
// months before the 18th birthday of a placed young person.
const Rule& ungestoette_six_months();
// BL-UNG-111-PLAN — § 111 stk. 2-3: the ungeplan revised before the ungestøtte decision.
const Rule& ungeplan_before_ungestoette();
// BL-ANB-BUU-LIST — § 142 stk. 1 (Serviceloven § 74): the decisions reserved to the børne- og
// ungeudvalg are made by it (or its chair under § 143).
const Rule& reserved_to_committee();
// BL-ANB-49-UNBORN — § 49: an unborn child placed without consent not earlier than 3 months before
// the due date.
const Rule& unborn_not_too_early();
// BL-SAMV-BUU-105 — § 105 (Serviceloven § 71 stk. 3-4): restricted contact for a fixed period.
const Rule& fixed_period_restriction();
// BL-TILS-NOTIFY-ST — § 156 stk. 4 (Serviceloven § 148): worrying conditions at a placement
// notified to the socialtilsyn.
const Rule& socialtilsyn_notice();
// BL-ANB-PERM-67 — § 67 stk. 1 (Serviceloven § 68 a): a permanent placement only after 3 years of placement.
const Rule& permanent_after_three_years();
// BL-ANB-PERM-CONSIDER — § 69 stk. 1: adoption considered at each listed decision where a long
// placement is expected.
const Rule& adoption_considered();
// BL-UNG-REESTABLISH — § 116 (Serviceloven § 76 stk. 4): ungestøtte granted after 18 only before the
// 23rd birthday.
const Rule& ungestoette_until_23();
// BL-ANB-46-COND — § 46 stk. 1-2 (Serviceloven § 52): a placement with consent has every custody
// holder's consent, covering its purpose.
const Rule& placement_with_consent_conditions();
// BL-ANB-46-UNBORN — § 46 stk. 4: an unborn child placed with both expectant parents' consent.
const Rule& unborn_placement_with_consent();
// BL-ANB-CHANGE-98 — § 98 (Serviceloven § 69): a change of placement with the consent of the
// custody holders and a child of 12+, or by the committee; the placement's statement before it.
const Rule& placement_change();
// BL-ANB-47-COND — § 47 stk. 1 (Serviceloven § 58): a placement without consent names its ground.
const Rule& placement_ground();
// BL-ANB-47-OVERRIDE — § 47 stk. 3: a placement without consent despite consent gives its reasons.
const Rule& consent_set_aside();
// BL-ANB-47-OWNWISH15 — § 47 stk. 4: a placement at the young person's own wish is of a 15+ whose
// custody holder refused.
const Rule& own_wish_15();
// BL-ANB-HJEM-100 — § 100 (Serviceloven § 68): a hjemgivelse period of at most 6 months, the
// placement's statement before the decision, a plan before the return.
const Rule& hjemgivelse_period();
// BL-ANB-HJEM-REQ — §§ 99-100 (UNCONFIRMED): a request for hjemgivelse decided; a refusal in a
// § 47 case by the committee.
const Rule& hjemgivelse_request();
// BL-UNG-TARGET — §§ 113-116 (Serviceloven § 76): ungestøtte for the target group, with the
// young person's agreement.
const Rule& ungestoette_target();
// BL-UNG-KONTAKT-MANDATORY — Serviceloven § 76 stk. 5 (barnets lov section UNCONFIRMED): a fast
// kontaktperson offered to a young person placed without consent before 18.
const Rule& mandatory_contact_person();

}  // namespace barnetslov::rules
