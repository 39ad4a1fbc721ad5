// Chapter "notifications": underretninger (barnets lov §§ 132-138; Serviceloven §§ 152-155 b).
// Catalog: ../shared/law/part-a-procedure-involvement.md § 1.
#pragma once

#include "barnetslov/rule.hpp"

namespace barnetslov::rules {

// BL-UND-24H — § 136 (Serviceloven § 155 stk. 2): within 24 hours of first learning of an
// underretning, assess whether the child is in danger and whether acute measures are needed.
const Rule& underretning_24h();

// BL-UND-KVIT — §§ 136-137 (Serviceloven § 155 b stk. 1): acknowledge receipt to a
// professional (§ 133) notifier within 6 hverdage; the day of receipt is day 0.
const Rule& underretning_kvittering();
// BL-UND-FEEDBACK — § 137 stk. 1 (Serviceloven § 155 b stk. 2-3; amended by L 87): a professional
// notifier is told what the underretning led to. No deadline is confirmed.
const Rule& underretning_feedback();
// BL-UND-RELOC — § 132 (Serviceloven § 152): notice and case material to the new municipality after a move.
const Rule& relocation_notice();

}  // namespace barnetslov::rules
