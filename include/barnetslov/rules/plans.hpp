// Chapter "plans": barnets plan and ungeplan, follow-up, supervision visits (barnets lov §§ 91-96,
// 108, 156; Serviceloven §§ 70, 140, 148). Catalog: ../shared/law/part-a-procedure-involvement.md § 4.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-PLAN-32 — § 91 stk. 1 (Serviceloven § 140 stk. 1): at a § 32 decision the municipality decides
// whether barnets plan is needed; if so, the plan within 3 months.
const Rule& plan_supportive_measure();
// BL-PLAN-ANB — § 91 stk. 2 (Serviceloven § 140): barnets plan within 3 months of a § 46
// placement, before a § 47 decision.
const Rule& plan_placement();
// BL-OPF-FIRST — § 95 stk. 1-2 (Serviceloven § 70 stk. 1): the first follow-up within 3 months of
// the start of the measure, or when a parallel undersøgelse is concluded.
const Rule& first_follow_up();
// BL-OPF-CADENCE — § 95 stk. 3 (Serviceloven § 70: then at most every 6 months): the first
// follow-up decides, with reasons to child and parents, how follow-up continues.
const Rule& follow_up_cadence();
// BL-OPF-ANB — § 96: a follow-up on a placement comes after contact with the custody holder.
const Rule& placement_follow_up_contact();
// BL-TILS-2X — § 156 stk. 5 (Serviceloven § 148): at least two supervision visits with a
// conversation with the child in every placement year.
const Rule& supervision_visits();
// BL-UPLAN-TRIG — § 108 stk. 1-2: at a decision for a 16+ the choice whether to make an ungeplan;
// mandatory for placements.
const Rule& ungeplan_choice();
// BL-UPLAN-3M — § 108 stk. 3-5: the ungeplan within 3 months of the decision or the 16th birthday;
// before a decision without consent.
const Rule& ungeplan_deadline();

}  // namespace barnetslov::rules
