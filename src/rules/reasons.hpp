// The reasons several rule files give. A reason only one file gives is defined in that file, beside
// its rule (docs/adding-a-rule.md).
#pragma once

#include "barnetslov/finding.hpp"

namespace barnetslov::reasons {

// § 91 stk. 1: the municipality decided no plan was needed
inline constexpr Reason plan_not_chosen{
    .key = "plan_not_chosen",
    .da = "Kommunen besluttede ved afgørelsen, at der ikke skal udarbejdes en plan.",
    .en = "At the decision the municipality decided that no plan is needed.",
};

// § 91 stk. 1: the file does not record the choice
inline constexpr Reason plan_choice_unknown{
    .key = "plan_choice_unknown",
    .da = "Sagen oplyser ikke, om kommunen besluttede at udarbejde en barnets plan (attributten 'plan').",
    .en = "The file does not record whether the municipality decided to make a barnets plan (attribute 'plan').",
};

// the file names no custody holder
inline constexpr Reason custody_holder_unknown{
    .key = "custody_holder_unknown",
    .da = "Sagen angiver ingen forældremyndighedsindehaver (party role=\"custody-holder\").",
    .en = "The file names no custody holder (party role=\"custody-holder\").",
};

// the rule depends on the child's age and the file gives no birth date
inline constexpr Reason age_unknown{
    .key = "age_unknown",
    .da = "Reglen afhænger af barnets alder, men sagen angiver ingen fødselsdato (birth-date eller cpr).",
    .en = "The rule depends on the child's age, but the file gives no birth date (birth-date or cpr).",
};

inline constexpr Reason consent_given{
    .key = "consent_given",
    .da = "Den unges samtykke foreligger.",
    .en = "The young person's consent is recorded.",
};

inline constexpr Reason consent_missing{
    .key = "consent_missing",
    .da = "Den unges samtykke mangler.",
    .en = "The young person's consent is missing.",
};

inline constexpr Reason consent_not_covering_purpose{
    .key = "consent_not_covering_purpose",
    .da = "Samtykket dækker ikke anbringelsens formål.",
    .en = "The consent does not cover the purpose of the placement.",
};

// the child is under the age the requirement starts at
inline constexpr Reason under_age{
    .key = "under_age",
    .da = "Barnet var ikke fyldt den alder, kravet gælder fra.",
    .en = "The child had not reached the age the requirement starts at.",
};

inline constexpr Reason within_cap{
    .key = "within_cap",
    .da = "Perioden holder sig inden for det tilladte.",
    .en = "The period stays within what is allowed.",
};

inline constexpr Reason over_cap{
    .key = "over_cap",
    .da = "Perioden er længere end tilladt.",
    .en = "The period is longer than allowed.",
};

// the decision does not state its start and end
inline constexpr Reason period_unknown{
    .key = "period_unknown",
    .da = "Afgørelsen angiver ikke periodens start og slut ('start', 'end').",
    .en = "The decision does not state the period's start and end ('start', 'end').",
};

inline constexpr Reason child_request_found{
    .key = "child_request_found",
    .da = "Afgørelsen bygger på barnets egen anmodning.",
    .en = "The decision rests on the child's own request.",
};

// a required next step (screening, feedback, notice) is on file
inline constexpr Reason step_recorded{
    .key = "step_recorded",
    .da = "Det næste skridt er registreret.",
    .en = "The next step is on file.",
};

// not yet on file; the law sets no deadline
inline constexpr Reason step_outstanding{
    .key = "step_outstanding",
    .da = "Det næste skridt mangler endnu; loven sætter ingen frist.",
    .en = "The next step is not on file yet; the law sets no deadline.",
};

// decided by another body than the law names
inline constexpr Reason wrong_body{
    .key = "wrong_body",
    .da = "Afgørelsen er truffet af en anden end den, loven udpeger (børne- og ungeudvalget).",
    .en = "The decision was made by another body than the one the law names (the børne- og ungeudvalg).",
};

// decided by the body the law names
inline constexpr Reason right_body{
    .key = "right_body",
    .da = "Afgørelsen er truffet af børne- og ungeudvalget (eller dets formand efter § 143).",
    .en = "The decision was made by the børne- og ungeudvalg (or its chair under § 143).",
};

}  // namespace barnetslov::reasons
