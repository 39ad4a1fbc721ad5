#include "barnetslov/engine.hpp"
#include "barnetslov/rules/contact.hpp"
#include "barnetslov/rules/decisions.hpp"
#include "barnetslov/rules/investigation.hpp"
#include "barnetslov/rules/involvement.hpp"
#include "barnetslov/rules/notifications.hpp"
#include "barnetslov/rules/placement.hpp"
#include "barnetslov/rules/plans.hpp"

namespace barnetslov {

Rulebook Rulebook::standard() {
    Rulebook b;
    b.rules_ = {
        &rules::underretning_24h(),
        &rules::underretning_kvittering(),
        &rules::underretning_feedback(),
        &rules::relocation_notice(),
        &rules::screening(),
        &rules::risk_assessment_first(),
        &rules::undersoegelse_4_months(),
        &rules::siblings_assessed(),
        &rules::two_caseworkers(),
        &rules::investigation_cooperation(),
        &rules::investigation_before_placement(),
        &rules::child_views_before_decision(),
        &rules::child_views_exception(),
        &rules::bisidder(),
        &rules::committee_hearing(),
        &rules::files_and_comment(),
        &rules::young_person_consent(),
        &rules::child_party_powers(),
        &rules::contact_suspension_request(),
        &rules::placement_request(),
        &rules::no_move_request(),
        &rules::plan_supportive_measure(),
        &rules::plan_placement(),
        &rules::first_follow_up(),
        &rules::follow_up_cadence(),
        &rules::placement_follow_up_contact(),
        &rules::supervision_visits(),
        &rules::ungeplan_choice(),
        &rules::ungeplan_deadline(),
        &rules::decision_reasons(),
        &rules::decision_klagevejledning(),
        &rules::placement_decision_content(),
        &rules::complaint_4_weeks(),
        &rules::complaint_reassessment(),
        &rules::committee_complaint_8_weeks(),
        &rules::complaint_guidance_to_parties(),
        &rules::legal_aid_offer(),
        &rules::aktindsigt_7_days(),
        &rules::reserved_to_committee(),
        &rules::unborn_not_too_early(),
        &rules::chair_provisional_decision(),
        &rules::placement_renewal(),
        &rules::permanent_after_three_years(),
        &rules::adoption_considered(),
        &rules::ungestoette_six_months(),
        &rules::ungeplan_before_ungestoette(),
        &rules::ungestoette_until_23(),
        &rules::contact_suspension_cap(),
        &rules::fixed_period_restriction(),
        &rules::socialtilsyn_notice(),
        &rules::no_move_without_renewal(),
        &rules::placement_with_consent_conditions(),
        &rules::unborn_placement_with_consent(),
        &rules::placement_ground(),
        &rules::consent_set_aside(),
        &rules::own_wish_15(),
        &rules::placement_change(),
        &rules::hjemgivelse_period(),
        &rules::hjemgivelse_request(),
        &rules::contact_position(),
        &rules::supported_contact(),
        &rules::ungestoette_target(),
        &rules::mandatory_contact_person(),
    };
    return b;
}

const Rule* Rulebook::find(std::string_view id) const {
    const auto i = index_of(id);
    return i ? rules_[*i] : nullptr;
}

std::optional<std::uint16_t> Rulebook::index_of(std::string_view id) const {
    for (std::size_t i = 0; i < rules_.size(); ++i)
        if (rules_[i]->meta().id == id) return static_cast<std::uint16_t>(i);
    return std::nullopt;
}

}  // namespace barnetslov
