// The vocabulary table of urn:barnetslov:case:1. Additive changes only (DESIGN.md versioning):
// a new optional attribute or a new event type keeps every earlier file valid.
#include "barnetslov/vocabulary.hpp"
#include "case/name_index.hpp"

#include <array>
#include <cstring>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <vector>

namespace barnetslov {
namespace {

using V = Value;
using T = ValueType;

constexpr std::array<std::string_view, attr_count> attr_names{
    "id", "at", "received-at", "written-received-at", "ref", "party", "notifier", "notifier-role",
    "channel", "unborn", "child-request", "danger", "acute-measures", "outcome", "honour-related",
    "aware-at", "subject", "two-caseworkers", "sibling", "method", "parents-present",
    "staff-present", "reason", "alternative", "topic", "answer", "covers-purpose", "kind", "body",
    "form", "provisional", "section", "implemented-at", "start", "end", "has-purpose",
    "has-expected-duration", "has-reasons", "has-klagevejledning", "notified-at",
    "notification-channel", "renewal-due", "renewal-set-by", "renewal-years-stated",
    "first-placement", "long-placement-expected", "plan", "child-heard", "revision",
    "post-return-support", "cadence-decided", "reasons-given", "at-placement",
    "child-conversation", "concern", "from", "includes-plan", "received-by", "to-municipality", "ground",
    "unknown-adverse-facts",
    "deviation-reason", "complaint-maintained-at", "target-group",
    "caseworker", "abuse-suspected", "police-involved", "health-involved", "boernehus-used", "issues-delimited",
    "professionals-involved", "child-involved", "parents-involved", "reasoned-position", "child-views-recorded",
    "parents-views-recorded", "network-resources-described", "measure-adjusted", "further-investigation",
    "plan-revision", "other-matters", "site-type", "site-approved", "stoetteperson-outcome", "grounds",
    "duties-count", "includes-undersoegelse", "includes-conditions-met", "includes-network-resources",
    "includes-parent-competence", "includes-child-view", "sibling-reasons", "includes-parent-plan", "area",
    "with-child", "with-parents", "goal", "status", "unit", "family-municipality", "informed-of-42-4", "days"};

constexpr std::array<std::string_view, static_cast<std::size_t>(Value::count_)> value_names{
    "none",
    "professional", "private", "anonymous", "child", "municipality", "unknown",
    "school", "daycare", "health-visitor", "doctor", "hospital", "psychiatry", "dentist", "police",
    "social-services", "other-municipality", "parent", "family", "neighbour", "other",
    "phone", "letter", "email", "digital", "in-person",
    "no-action", "afdaekning", "undersoegelse", "supportive-measure", "placement",
    "other-legislation", "no-need", "omitted-obvious", "views-recorded", "declined", "maintained",
    "partly-upheld", "upheld", "granted", "refused", "withdrawn", "given", "accepted",
    "boernefaglig", "ungefaglig", "kommende-foraeldre",
    "conversation", "direct-contact",
    "age", "circumstances", "network", "professionals", "observation",
    "bisidder", "files-and-comment", "party-rights", "lawyer", "complaint-rights",
    "fast-kontaktperson", "hjemgivelse", "contact-suspension", "supported-contact", "no-move",
    "ungestoette", "aktindsigt",
    "investigation", "investigation-without-consent", "substance-abuse-treatment", "youth-order",
    "placement-with-consent", "placement-without-consent", "placement-unborn-with-consent",
    "placement-unborn-without-consent", "placement-own-wish-15", "placement-continued",
    "permanent-placement", "placement-site", "placement-change", "treatment", "contact",
    "contact-supported", "contact-restriction", "secure-institution", "foster-care-no-move",
    "bisidder-restriction", "placement-request-refused", "complaint-decision",
    "committee", "chair", "appeals-board", "court", "youth-crime-board",
    "afgoerelse", "beslutning",
    "post", "quickpost",
    "plan", "no-plan", "barnets-plan", "ungeplan", "handleplan", "helhedsorienteret-plan",
    "yes", "no", "under-10", "harmful",
    "custody-holder", "foster-parent", "placement-site-staff",
    "inadequate-care", "abuse", "child-difficulties", "behaviour",
    "parent-support", "parent-order", "medical-without-consent",
    "school-absence", "crime-suspicion", "public-insecurity", "non-cooperation",
    "foraeldrehandleplan", "stoetteperson", "stoetteperson-foraeldre", "no-cooperation-reasons", "purpose-and-content", "physician",
    "network-foster-family", "general-foster-family", "reinforced-foster-family", "specialised-foster-family",
    "municipal-foster-family", "opholdssted", "doegninstitution", "own-room", "efterskole",
    "appointed-network", "appointed-civil-society", "child-declined", "none-found", "not-relevant",
    "reasons",
    "development-behaviour", "health", "leisure-friends",
    "reached", "partly", "not-reached", "dropped"};

// ---- enumerations ----
constexpr V notifier_values[] = {V::professional, V::private_, V::anonymous, V::child, V::municipality, V::unknown};
constexpr V notifier_role_values[] = {V::school, V::daycare, V::health_visitor, V::doctor, V::hospital,
                                      V::psychiatry, V::dentist, V::police, V::social_services,
                                      V::other_municipality, V::parent, V::family, V::neighbour,
                                      V::child, V::anonymous, V::other};
constexpr V channel_values[] = {V::phone, V::letter, V::email, V::digital, V::in_person, V::other};
constexpr V feedback_outcomes[] = {V::no_action, V::afdaekning, V::undersoegelse, V::supportive_measure,
                                   V::placement, V::other_legislation};
constexpr V screening_outcomes[] = {V::no_action, V::afdaekning, V::undersoegelse};
constexpr V investigation_subjects[] = {V::boernefaglig, V::ungefaglig, V::kommende_foraeldre};
constexpr V investigation_outcomes[] = {V::no_action, V::supportive_measure, V::placement};
constexpr V sibling_outcomes[] = {V::no_need, V::undersoegelse, V::omitted_obvious};
constexpr V views_methods[] = {V::conversation, V::direct_contact};
constexpr V views_outcomes[] = {V::views_recorded, V::declined};
constexpr V exception_reasons[] = {V::age, V::circumstances};
constexpr V exception_alternatives[] = {V::network, V::professionals, V::observation, V::other, V::none_};
constexpr V information_topics[] = {V::bisidder, V::files_and_comment, V::party_rights, V::lawyer,
                                    V::complaint_rights, V::fast_kontaktperson, V::no_cooperation_reasons,
                                    V::purpose_and_content};
constexpr V consent_answers[] = {V::given, V::refused, V::withdrawn};
constexpr V request_topics[] = {V::placement, V::hjemgivelse, V::contact_suspension, V::supported_contact,
                                V::no_move, V::ungestoette, V::substance_abuse_treatment, V::other};
constexpr V decision_kinds[] = {
    V::investigation, V::investigation_without_consent, V::supportive_measure,
    V::substance_abuse_treatment, V::youth_order, V::placement_with_consent,
    V::placement_without_consent, V::placement_unborn_with_consent,
    V::placement_unborn_without_consent, V::placement_own_wish_15, V::placement_continued,
    V::permanent_placement, V::placement_site, V::placement_change, V::treatment, V::hjemgivelse,
    V::contact, V::contact_supported, V::contact_suspension, V::contact_restriction, V::ungestoette,
    V::secure_institution, V::foster_care_no_move, V::bisidder_restriction,
    V::placement_request_refused, V::complaint_decision, V::aktindsigt, V::fast_kontaktperson, V::other,
    V::parent_support, V::parent_order, V::medical_without_consent};
constexpr V decision_bodies[] = {V::municipality, V::committee, V::chair, V::appeals_board, V::court,
                                 V::youth_crime_board};
constexpr V decision_forms[] = {V::afgoerelse, V::beslutning};
constexpr V placement_grounds[] = {V::inadequate_care, V::abuse, V::child_difficulties, V::behaviour};
constexpr V decision_outcomes[] = {V::granted, V::refused};
constexpr V deemed_receipt_channels[] = {V::digital, V::post, V::quickpost, V::in_person};
constexpr V renewal_setters[] = {V::committee, V::appeals_board, V::court};
constexpr V plan_choices[] = {V::plan, V::no_plan};
constexpr V child_heard_values[] = {V::yes, V::no, V::under_10, V::harmful};
constexpr V plan_kinds[] = {V::barnets_plan, V::ungeplan, V::handleplan, V::helhedsorienteret_plan, V::foraeldrehandleplan};
constexpr V offer_topics[] = {V::fast_kontaktperson, V::lawyer, V::bisidder, V::stoetteperson, V::stoetteperson_foraeldre};
constexpr V offer_answers[] = {V::accepted, V::declined};
constexpr V statement_sources[] = {V::placement_site_staff, V::child, V::custody_holder, V::parent,
                                   V::foster_parent, V::professionals, V::physician};
constexpr V complaint_receivers[] = {V::municipality, V::appeals_board};
constexpr V review_outcomes[] = {V::maintained, V::partly_upheld, V::upheld};
constexpr V aktindsigt_answers[] = {V::afgoerelse, V::other};
// Issue 18 (format-18.md).
constexpr V conversation_topics[] = {V::contact, V::stoetteperson, V::plan, V::placement, V::hjemgivelse, V::other};
constexpr V site_types[] = {V::network_foster_family, V::general_foster_family, V::reinforced_foster_family,
                            V::specialised_foster_family, V::municipal_foster_family, V::opholdssted,
                            V::doegninstitution, V::own_room, V::efterskole};
constexpr V stoetteperson_outcomes[] = {V::appointed_network, V::appointed_civil_society, V::child_declined,
                                        V::none_found, V::not_relevant};
constexpr V youth_order_grounds[] = {V::school_absence, V::crime_suspicion, V::public_insecurity, V::behaviour,
                                     V::non_cooperation};
constexpr V parent_plan_values[] = {V::plan, V::reasons, V::none_};
constexpr V goal_areas[] = {V::development_behaviour, V::family, V::school, V::health, V::leisure_friends, V::other};
constexpr V goal_statuses[] = {V::reached, V::partly, V::not_reached, V::dropped};

// ---- attribute helpers ----
constexpr AttrSpec at_req{Attr::at, T::moment, true, {}, "when it happened (date, or date and time)"};
constexpr AttrSpec ref_opt{Attr::ref, T::id_refs, false, {}, "ids of the events it concerns"};
constexpr AttrSpec ref_req{Attr::ref, T::id_refs, true, {}, "ids of the events it concerns"};
constexpr AttrSpec party_opt{Attr::party, T::party_ref, false, {}, "id of the child, a party or a sibling"};
constexpr AttrSpec party_req{Attr::party, T::party_ref, true, {}, "id of the child, a party or a sibling"};
constexpr AttrSpec section_opt{Attr::section, T::text, false, {}, "the section as cited in the document (display only)"};
// Every event may name its caseworker (issue 18): a pseudonym, never a name or a CPR number.
constexpr AttrSpec caseworker_opt{Attr::caseworker, T::pseudonym, false, {},
                                  "the pseudonymous id of the caseworker responsible for the event (letters, digits, '_', '-', '.'; "
                                  "at most 64; never a name or a CPR number). Continuity and caseload figures count them"};
constexpr AttrSpec abuse_suspected_opt{Attr::abuse_suspected, T::boolean, false, {},
                                       "overgreb against the child, or a suspicion of it (§ 20 stk. 1 nr. 2)"};
constexpr AttrSpec site_type_opt{Attr::site_type, T::enumeration, false, site_types,
                                 "placement kinds, placement-change and placement-site: the type of the placement site "
                                 "(netværksplejefamilie, almen, forstærket, specialiseret or kommunal plejefamilie, opholdssted, "
                                 "døgninstitution, eget værelse/kollegium, efterskole)"};
constexpr AttrSpec site_approved_opt{Attr::site_approved, T::boolean, false, {},
                                     "placement kinds, placement-change and placement-site: the site holds the approval it needs "
                                     "(socialtilsyn; a network foster family concretely approved)"};

// Each list ends with the caseworker, which every event may carry.
#define ATTRS(name, ...) constexpr AttrSpec name[] = {__VA_ARGS__, caseworker_opt}

ATTRS(underretning_attrs,
      AttrSpec{Attr::received_at, T::moment, true, {}, "when the municipality first learned its content (a telephone call counts)"},
      AttrSpec{Attr::written_received_at, T::moment, false, {}, "when the written underretning arrived, where later"},
      AttrSpec{Attr::notifier, T::enumeration, false, notifier_values, "legal class of the notifier: professional (§ 133) or private (§ 135), ..."},
      AttrSpec{Attr::notifier_role, T::enumeration, false, notifier_role_values, "who notified, in Danmarks Statistik's manner"},
      AttrSpec{Attr::channel, T::enumeration, false, channel_values, "how it first arrived"},
      AttrSpec{Attr::unborn, T::boolean, false, {}, "concerns an expected child (kommende forældre)"},
      AttrSpec{Attr::child_request, T::boolean, false, {}, "the child's own request treated as an underretning (§ 48)"},
      section_opt, abuse_suspected_opt);
ATTRS(akutvurdering_attrs, at_req, ref_req,
      AttrSpec{Attr::danger, T::boolean, false, {}, "conclusion: is the child's health or development in danger"},
      AttrSpec{Attr::acute_measures, T::boolean, false, {}, "conclusion: are acute measures needed"});
ATTRS(ref_only_req_attrs, at_req, ref_req);
ATTRS(ref_only_opt_attrs, at_req, ref_opt);
ATTRS(tilbagemelding_attrs, at_req, ref_req,
      AttrSpec{Attr::outcome, T::enumeration, false, feedback_outcomes, "what the notifier was told the underretning led to"});
ATTRS(screening_attrs, at_req, ref_opt,
      AttrSpec{Attr::outcome, T::enumeration, false, screening_outcomes, "§ 18 stk. 2 classification"},
      AttrSpec{Attr::honour_related, T::boolean, false, {}, "signs of honour-related conflict or negative social control (§ 18 stk. 3)"},
      abuse_suspected_opt);
ATTRS(undersoegelse_attrs, at_req, ref_opt,
      AttrSpec{Attr::aware_at, T::moment, false, {}, "when the municipality became aware of the possible need for support, where not an underretning in ref"},
      AttrSpec{Attr::subject, T::enumeration, false, investigation_subjects, "børnefaglig (§ 20), ungefaglig, or kommende forældre (§ 26); default boernefaglig"},
      AttrSpec{Attr::two_caseworkers, T::boolean, false, {}, "key meetings held with two rådgivere (§ 21 stk. 5)"},
      AttrSpec{Attr::deviation_reason, T::text, false, {},
               "why key meetings were not held with two rådgivere, where two-caseworkers is false (free text; "
               "§ 21 stk. 5 says \"som udgangspunkt\"). Never a CPR number"},
      section_opt, abuse_suspected_opt,
      AttrSpec{Attr::police_involved, T::boolean, false, {}, "the police were involved in the undersøgelse (§ 124 ff., BEK 1487)"},
      AttrSpec{Attr::health_involved, T::boolean, false, {}, "the health services were involved in the undersøgelse (§ 124 ff., BEK 1487)"},
      AttrSpec{Attr::boernehus_used, T::boolean, false, {}, "the regional børnehus was used (§ 124 ff., BEK 1487)"});
ATTRS(undersoegelse_afsluttet_attrs, at_req, ref_req,
      AttrSpec{Attr::outcome, T::enumeration, false, investigation_outcomes, "the reasoned position it concluded with"},
      AttrSpec{Attr::reasoned_position, T::boolean, false, {}, "it ends in a reasoned position on whether support is needed (§ 22 stk. 6)"},
      AttrSpec{Attr::child_views_recorded, T::boolean, false, {}, "the child's own views are recorded in it (§ 22 stk. 1)"},
      AttrSpec{Attr::parents_views_recorded, T::boolean, false, {}, "the parents' views are recorded in it (§ 22 stk. 1)"},
      AttrSpec{Attr::network_resources_described, T::boolean, false, {}, "the resources of the family and network are described (§ 22 stk. 1)"});
ATTRS(afdaekning_afsluttet_attrs, at_req, ref_req,
      AttrSpec{Attr::issues_delimited, T::boolean, false, {}, "the afdækning was limited to delimited issues (§ 19)"},
      AttrSpec{Attr::professionals_involved, T::boolean, false, {}, "relevant professionals were involved (§ 19)"},
      AttrSpec{Attr::child_involved, T::boolean, false, {}, "the child was involved (§ 19)"},
      AttrSpec{Attr::parents_involved, T::boolean, false, {}, "the parents were involved (§ 19)"});
ATTRS(soeskende_attrs, at_req, ref_opt,
      AttrSpec{Attr::sibling, T::party_ref, true, {}, "id of the sibling assessed"},
      AttrSpec{Attr::outcome, T::enumeration, false, sibling_outcomes, "assessment outcome (§ 21)"});
ATTRS(boernesamtale_attrs, at_req, ref_opt,
      AttrSpec{Attr::method, T::enumeration, false, views_methods, "conversation or other direct contact (§ 5 stk. 3); default conversation"},
      AttrSpec{Attr::outcome, T::enumeration, false, views_outcomes, "views recorded, or the child declined; default views-recorded"},
      AttrSpec{Attr::parents_present, T::boolean, false, {}, "the custody holder was present"},
      AttrSpec{Attr::staff_present, T::boolean, false, {}, "staff of the placement were present"},
      AttrSpec{Attr::topic, T::enumeration, false, conversation_topics,
               "what the conversation was about: contact (samvær), støtteperson, plan, placement, hjemgivelse or other"});
ATTRS(undtagelse_attrs, at_req, ref_opt,
      AttrSpec{Attr::reason, T::enumeration, false, exception_reasons, "why the conversation was omitted (§ 5 stk. 4: age or other circumstances)"},
      AttrSpec{Attr::alternative, T::enumeration, false, exception_alternatives, "how the child's views were obtained instead; none if not at all"});
ATTRS(kontakt_attrs, at_req, party_req, ref_opt,
      AttrSpec{Attr::channel, T::enumeration, false, channel_values, "form of contact"});
ATTRS(information_attrs, at_req, party_req, ref_opt,
      AttrSpec{Attr::topic, T::enumeration, true, information_topics, "what the party was informed of"});
ATTRS(partshoering_attrs, at_req, party_req, ref_opt);
ATTRS(samtykke_attrs, at_req, party_req, ref_opt,
      AttrSpec{Attr::answer, T::enumeration, false, consent_answers, "given (default), refused or withdrawn"},
      AttrSpec{Attr::covers_purpose, T::boolean, false, {}, "the consent covers the purpose of the measure (§ 46)"});
ATTRS(anmodning_attrs, at_req, party_opt, ref_opt,
      AttrSpec{Attr::topic, T::enumeration, true, request_topics, "what was requested"});
ATTRS(indstilling_attrs, at_req, ref_opt,
      AttrSpec{Attr::includes_plan, T::boolean, false, {}, "barnets plan / ungeplan is part of the indstilling"},
      AttrSpec{Attr::includes_undersoegelse, T::boolean, false, {}, "the børnefaglig undersøgelse is part of it (§ 51 stk. 1)"},
      AttrSpec{Attr::includes_conditions_met, T::boolean, false, {}, "it states why the conditions of the measure are met (§ 51 stk. 1)"},
      AttrSpec{Attr::includes_network_resources, T::boolean, false, {}, "it describes the resources of the family and network (§ 51 stk. 1)"},
      AttrSpec{Attr::includes_parent_competence, T::boolean, false, {}, "it assesses the parents' competence (§ 51 stk. 1)"},
      AttrSpec{Attr::includes_child_view, T::boolean, false, {}, "it gives the child's view (§ 51 stk. 1)"},
      AttrSpec{Attr::sibling_reasons, T::boolean, false, {}, "it gives the reasons where siblings are not placed together (§ 51 stk. 3)"},
      AttrSpec{Attr::includes_parent_plan, T::enumeration, false, parent_plan_values,
               "§ 51 stk. 2: the forældrehandleplan is part of it (plan), or the reasons why none was made (reasons), or neither (none)"});
ATTRS(afgoerelse_attrs, at_req, ref_opt,
      AttrSpec{Attr::kind, T::enumeration, true, decision_kinds, "what was decided (law-neutral; maps to barnets lov and Serviceloven sections)"},
      AttrSpec{Attr::body, T::enumeration, false, decision_bodies, "who decided; default municipality"},
      AttrSpec{Attr::form, T::enumeration, false, decision_forms, "afgørelse (default) or beslutning"},
      AttrSpec{Attr::outcome, T::enumeration, false, decision_outcomes, "granted (default) or refused"},
      AttrSpec{Attr::provisional, T::boolean, false, {}, "foreløbig / akut decision (§ 46 stk. 3, § 143)"},
      section_opt,
      AttrSpec{Attr::implemented_at, T::moment, false, {}, "when it was put into effect (iværksat)"},
      AttrSpec{Attr::start, T::date, false, {}, "first day of a period it sets"},
      AttrSpec{Attr::end, T::date, false, {}, "last day of a period it sets"},
      AttrSpec{Attr::has_purpose, T::boolean, false, {}, "states the purpose (formål)"},
      AttrSpec{Attr::has_expected_duration, T::boolean, false, {}, "states the expected duration"},
      AttrSpec{Attr::has_reasons, T::boolean, false, {}, "gives reasons (forvaltningsloven § 22)"},
      AttrSpec{Attr::has_klagevejledning, T::boolean, false, {}, "contains complaint guidance (forvaltningsloven § 25)"},
      AttrSpec{Attr::notified_at, T::moment, false, {}, "when it was sent to the parties"},
      AttrSpec{Attr::notification_channel, T::enumeration, false, deemed_receipt_channels, "how it was sent (decides deemed receipt)"},
      AttrSpec{Attr::renewal_due, T::date, false, {}, "genbehandlingsfrist fixed in the decision (§ 50)"},
      AttrSpec{Attr::renewal_set_by, T::enumeration, false, renewal_setters, "who fixed the renewal deadline"},
      AttrSpec{Attr::renewal_years_stated, T::integer, false, {}, "renewal period in years as stated (e.g. 3 for a child under 1)"},
      AttrSpec{Attr::first_placement, T::boolean, false, {}, "no placement in the year before (§ 50 default period)"},
      AttrSpec{Attr::long_placement_expected, T::boolean, false, {}, "placement for many years is expected (§ 69)"},
      AttrSpec{Attr::plan_choice, T::enumeration, false, plan_choices, "§ 91 stk. 1: whether barnets plan will be made"},
      AttrSpec{Attr::child_heard, T::enumeration, false, child_heard_values, "committee decisions: the child was heard, or why not (§ 142 stk. 2)"},
      AttrSpec{Attr::ground, T::enumeration, false, placement_grounds, "placement without consent: the main ground of § 47 stk. 1 nr. 1-4 (care, abuse, the child's own difficulties, behaviour)"},
      AttrSpec{Attr::unknown_adverse_facts, T::boolean, false, {},
               "rests on facts to the child's disadvantage that the child is not presumed to know (forvaltningsloven § 19): a hearing of a child party is owed"},
      AttrSpec{Attr::target_group, T::boolean, false, {},
               "kind substance-abuse-treatment: the municipality assessed the young person to be in the target group of the "
               "treatment guarantee (§ 33 with its bekendtgørelse)"},
      site_type_opt, site_approved_opt,
      AttrSpec{Attr::stoetteperson_outcome, T::enumeration, false, stoetteperson_outcomes,
               "placement kinds: the støtteperson of § 53 (appointed from the network or from civil society, the child declined, "
               "none found, not relevant)"},
      AttrSpec{Attr::grounds, T::enumeration_list, false, youth_order_grounds,
               "kind youth-order: the grounds of the ungepålæg, one or more, space separated"},
      AttrSpec{Attr::duties_count, T::integer, false, {}, "kinds youth-order and parent-order: the number of concrete handlepligter"});
ATTRS(indsats_attrs, at_req, ref_req);
ATTRS(plan_attrs, at_req, ref_opt,
      AttrSpec{Attr::kind, T::enumeration, false, plan_kinds, "barnets plan (default), ungeplan, handleplan (Serviceloven) or helhedsorienteret plan"},
      AttrSpec{Attr::revision, T::boolean, false, {}, "a revision of an earlier plan"},
      AttrSpec{Attr::post_return_support, T::boolean, false, {}, "states the support after hjemgivelse"},
      AttrSpec{Attr::party, T::party_ref, false, {}, "whose plan it is, where a parent's (a forældrehandleplan, a helhedsorienteret plan)"});
ATTRS(opfoelgning_attrs, at_req, ref_req,
      AttrSpec{Attr::cadence_decided, T::boolean, false, {}, "decides how later follow-up is organised (§ 95 stk. 3)"},
      AttrSpec{Attr::reasons_given, T::boolean, false, {}, "reasons for that given to child and parents"},
      AttrSpec{Attr::measure_adjusted, T::boolean, false, {}, "§ 95 stk. 4: whether the measure should be adjusted was assessed (true) or not (false)"},
      AttrSpec{Attr::further_investigation, T::boolean, false, {}, "§ 95 stk. 4: whether further investigation is needed was assessed"},
      AttrSpec{Attr::plan_revision, T::boolean, false, {}, "§ 95 stk. 4: whether barnets plan should be revised was assessed"},
      AttrSpec{Attr::other_matters, T::boolean, false, {}, "§ 95 stk. 5: other matters of the child's situation were assessed"});
ATTRS(tilsyn_attrs, at_req, ref_req,
      AttrSpec{Attr::at_placement, T::boolean, false, {}, "the visit took place at the placement; default true"},
      AttrSpec{Attr::child_conversation, T::boolean, false, {}, "the caseworker talked with the child; default true"},
      AttrSpec{Attr::staff_present, T::boolean, false, {}, "staff of the placement were present at the conversation"},
      AttrSpec{Attr::concern, T::boolean, false, {}, "worrying conditions at the placement were found (§ 156 stk. 4)"});
ATTRS(udtalelse_attrs, at_req, ref_opt, party_opt,
      AttrSpec{Attr::from, T::enumeration, false, statement_sources, "who made the statement, where not a party"});
ATTRS(tilbud_attrs, at_req, party_req, ref_opt,
      AttrSpec{Attr::topic, T::enumeration, true, offer_topics, "what was offered"},
      AttrSpec{Attr::answer, T::enumeration, false, offer_answers, "the answer"});
ATTRS(klage_attrs, at_req, ref_req, party_opt,
      AttrSpec{Attr::received_by, T::enumeration, false, complaint_receivers, "where it was filed; default municipality"});
ATTRS(genvurdering_attrs, at_req, ref_req,
      AttrSpec{Attr::outcome, T::enumeration, true, review_outcomes, "the decision was maintained, partly upheld or upheld"},
      AttrSpec{Attr::complaint_maintained_at, T::moment, false, {},
               "after a partly upheld re-assessment: when the complainant said the complaint is maintained (the "
               "forwarding deadline runs from it)"});
ATTRS(aktindsigt_anmodning_attrs, at_req, party_opt);
ATTRS(aktindsigt_svar_attrs, at_req, ref_req,
      AttrSpec{Attr::kind, T::enumeration, false, aktindsigt_answers, "a decision (default) or a letter on why it takes longer"});
ATTRS(flytning_attrs, at_req,
      AttrSpec{Attr::to_municipality, T::text, false, {}, "the municipality moved to"});
ATTRS(fraflytning_attrs, at_req, ref_opt,
      AttrSpec{Attr::to_municipality, T::text, false, {}, "the municipality notified"});
ATTRS(notat_attrs, at_req, ref_opt, party_opt,
      AttrSpec{Attr::topic, T::text, false, {}, "what it records (a label, not free text about the child)"});
// Issue 18 (format-18.md § 2).
ATTRS(maal_attrs, at_req,
      AttrSpec{Attr::ref, T::id_refs, true, {}, "the id of the plan (barnets plan / ungeplan) the goal belongs to"},
      AttrSpec{Attr::area, T::enumeration, false, goal_areas, "the area of the child's life the goal concerns"},
      AttrSpec{Attr::with_child, T::boolean, false, {}, "the goal was set together with the child (§ 92)"},
      AttrSpec{Attr::with_parents, T::boolean, false, {}, "the goal was set together with the parents (§ 92)"});
ATTRS(maal_status_attrs, at_req,
      AttrSpec{Attr::ref, T::id_refs, true, {}, "the id of the follow-up (opfoelgning) that assessed the goal"},
      AttrSpec{Attr::goal, T::event_ref, true, {}, "the id of the goal (a maal event)"},
      AttrSpec{Attr::status, T::enumeration, true, goal_statuses, "the goal's status at the follow-up"});
ATTRS(ansvarlig_enhed_attrs, at_req,
      AttrSpec{Attr::unit, T::text, true, {},
               "the unit responsible for the case from `at` on, until the next ansvarlig-enhed (before the first, the case's unit)"});
ATTRS(privat_familiepleje_attrs, at_req,
      AttrSpec{Attr::start, T::date, true, {}, "the first day of the stay"},
      AttrSpec{Attr::end, T::date, false, {}, "the last day of the stay"},
      AttrSpec{Attr::family_municipality, T::text, false, {}, "the municipality where the family lives (the stedlige kommune)"});
ATTRS(tilladelse_attrs, at_req,
      AttrSpec{Attr::ref, T::id_refs, true, {}, "the id of the privat-familiepleje it permits"},
      AttrSpec{Attr::informed_of_42_4, T::boolean, false, {}, "the family was informed of § 42 stk. 4"});
ATTRS(efteruddannelse_attrs, at_req,
      AttrSpec{Attr::ref, T::id_refs, true, {}, "the id of the placement decision"},
      AttrSpec{Attr::days, T::integer, false, {}, "the number of days of efteruddannelse offered"});
ATTRS(supervision_attrs, at_req,
      AttrSpec{Attr::ref, T::id_refs, true, {}, "the id of the placement decision"});
#undef ATTRS

constexpr EventSpec specs[] = {
    {EventType::underretning, "underretning", Attr::received_at, "Notification of concern", "Underretning",
     "An underretning received by the municipality (§§ 133, 135; SEL §§ 153-154).", underretning_attrs,
     R"(<underretning id="u1" received-at="2024-03-28T14:30" written-received-at="2024-04-02" notifier="professional" notifier-role="school" channel="phone"/>)"},
    {EventType::akutvurdering, "akutvurdering", Attr::at, "24-hour assessment", "Vurdering inden for 24 timer",
     "The assessment of whether the child is in danger and needs acute measures (§ 136; SEL § 155 stk. 2).", akutvurdering_attrs,
     R"(<akutvurdering id="a1" at="2024-03-29T09:10" ref="u1" danger="false" acute-measures="false"/>)"},
    {EventType::kvittering, "kvittering", Attr::at, "Acknowledgement to the notifier", "Kvittering for modtagelse",
     "Confirmation of receipt sent to a professional notifier (§§ 136-137; SEL § 155 b stk. 1).", ref_only_req_attrs,
     R"(<kvittering id="k1" at="2024-04-04" ref="u1"/>)"},
    {EventType::tilbagemelding, "tilbagemelding", Attr::at, "Feedback to the notifier", "Tilbagemelding til underretter",
     "Information to a professional notifier of what the underretning led to (§ 137 stk. 1).", tilbagemelding_attrs,
     R"(<tilbagemelding id="t1" at="2024-05-02" ref="u1" outcome="undersoegelse"/>)"},
    {EventType::screening, "screening", Attr::at, "Screening", "Screening",
     "Screening and classification of the need for support (§ 18).", screening_attrs,
     R"(<screening id="s1" at="2024-04-03" ref="u1" outcome="undersoegelse" honour-related="false"/>)"},
    {EventType::risikovurdering, "risikovurdering", Attr::at, "Risk assessment", "Risikovurdering",
     "Risk assessment before the family is involved (§ 18 stk. 3).", ref_only_opt_attrs,
     R"(<risikovurdering id="r1" at="2024-04-03" ref="s1"/>)"},
    {EventType::afdaekning, "afdaekning", Attr::at, "Afdækning started", "Afdækning påbegyndt",
     "A focused clarification of delimited issues (§ 19).", ref_only_opt_attrs,
     R"(<afdaekning id="af1" at="2024-04-05" ref="s1"/>)"},
    {EventType::afdaekning_afsluttet, "afdaekning-afsluttet", Attr::at, "Afdækning concluded", "Afdækning afsluttet",
     "The afdækning was concluded.", afdaekning_afsluttet_attrs,
     R"(<afdaekning-afsluttet id="af1-end" at="2024-05-10" ref="af1"/>)"},
    {EventType::undersoegelse, "undersoegelse", Attr::at, "Investigation started", "Børnefaglig undersøgelse iværksat",
     "The decision to start a børnefaglig undersøgelse (§ 20; SEL § 50), or of kommende forældre (§ 26).", undersoegelse_attrs,
     R"(<undersoegelse id="bfu1" at="2024-04-08" ref="u1"/>)"},
    {EventType::undersoegelse_afsluttet, "undersoegelse-afsluttet", Attr::at, "Investigation concluded", "Børnefaglig undersøgelse afsluttet",
     "The undersøgelse was concluded with a reasoned position (§ 22 stk. 6).", undersoegelse_afsluttet_attrs,
     R"(<undersoegelse-afsluttet id="bfu1-end" at="2024-07-15" ref="bfu1" outcome="supportive-measure"/>)"},
    {EventType::foreloebig_vurdering, "foreloebig-vurdering", Attr::at, "Preliminary assessment", "Foreløbig vurdering",
     "The preliminary assessment made when an undersøgelse cannot be finished in 4 months (§ 20 stk. 3).", ref_only_req_attrs,
     R"(<foreloebig-vurdering id="fv1" at="2024-07-26" ref="bfu1"/>)"},
    {EventType::soeskendevurdering, "soeskendevurdering", Attr::at, "Sibling assessment", "Vurdering af søskende",
     "Assessment of whether a sibling needs an undersøgelse (§ 21 stk. 1-3).", soeskende_attrs,
     R"(<soeskendevurdering id="sv1" at="2024-05-01" ref="bfu1" sibling="sib1" outcome="no-need"/>)"},
    {EventType::boernesamtale, "boernesamtale", Attr::at, "Child's views obtained", "Samtale med barnet",
     "A conversation or other direct contact in which the child's views were obtained (§ 5 stk. 3; SEL § 48).", boernesamtale_attrs,
     R"(<boernesamtale id="bs1" at="2024-06-20" method="conversation" outcome="views-recorded"/>)"},
    {EventType::boernesamtale_undtagelse, "boernesamtale-undtagelse", Attr::at, "Exception to the conversation", "Undtagelse fra samtale",
     "A recorded decision to omit the conversation because age or other circumstances decisively speak against it (§ 5 stk. 4).", undtagelse_attrs,
     R"(<boernesamtale-undtagelse id="ex1" at="2024-06-20" ref="d1" reason="age" alternative="professionals"/>)"},
    {EventType::kontakt, "kontakt", Attr::at, "Contact with a party", "Kontakt med part",
     "A meeting, call or letter with a party (e.g. the first involvement of the parents, § 18 stk. 3; § 96).", kontakt_attrs,
     R"(<kontakt id="c1" at="2024-04-10" party="mor" channel="in-person"/>)"},
    {EventType::information, "information", Attr::at, "Information to a party", "Orientering af part",
     "A party was informed of a right (bisidder § 6, files and comment § 141, party rights § 3, ...).", information_attrs,
     R"(<information id="i1" at="2024-04-10" party="barn" topic="bisidder"/>)"},
    {EventType::partshoering, "partshoering", Attr::at, "Party hearing", "Partshøring",
     "A party was heard before a decision (forvaltningsloven § 19).", partshoering_attrs,
     R"(<partshoering id="ph1" at="2024-06-01" party="mor" ref="d1"/>)"},
    {EventType::samtykke, "samtykke", Attr::at, "Consent", "Samtykke",
     "A party's consent, refusal or withdrawal (§ 46 stk. 1-2, § 67 stk. 3, § 98, § 104 stk. 3).", samtykke_attrs,
     R"(<samtykke id="sa1" at="2024-06-25" party="mor" ref="d1" answer="given" covers-purpose="true"/>)"},
    {EventType::anmodning, "anmodning", Attr::at, "Request", "Anmodning",
     "A request from the child or a party (§ 48 placement, § 103 stk. 2 contact suspension, § 42 stk. 4, ...).", anmodning_attrs,
     R"(<anmodning id="an1" at="2024-09-02" party="barn" topic="contact-suspension"/>)"},
    {EventType::indstilling, "indstilling", Attr::at, "Recommendation to the committee", "Indstilling til børne- og ungeudvalget",
     "The municipality's recommendation to the børne- og ungeudvalg (§ 51).", indstilling_attrs,
     R"(<indstilling id="in1" at="2024-08-20" ref="bfu1" includes-plan="true"/>)"},
    {EventType::afgoerelse, "afgoerelse", Attr::at, "Decision", "Afgørelse",
     "A decision (afgørelse or beslutning) about the child.", afgoerelse_attrs,
     R"(<afgoerelse id="d1" at="2024-06-27" kind="supportive-measure" section="§ 32 stk. 1 nr. 3" has-reasons="true" has-klagevejledning="true" plan="plan" notified-at="2024-06-27" notification-channel="digital"/>)"},
    {EventType::indsats_start, "indsats-start", Attr::at, "Measure started", "Indsats iværksat",
     "The day a decided measure or placement actually started (§ 95: iværksættelse).", indsats_attrs,
     R"(<indsats-start id="m1" at="2024-07-01" ref="d1"/>)"},
    {EventType::indsats_slut, "indsats-slut", Attr::at, "Measure ended", "Indsats ophørt",
     "The day a measure or placement ended.", indsats_attrs,
     R"(<indsats-slut id="m1-end" at="2025-06-30" ref="m1"/>)"},
    {EventType::hjemgivelse, "hjemgivelse", Attr::at, "Return home", "Hjemgivelse",
     "The day a placed child actually returned home (§ 100).", indsats_attrs,
     R"(<hjemgivelse id="hj1" at="2025-03-01" ref="d7"/>)"},
    {EventType::plan, "plan", Attr::at, "Plan", "Barnets plan / ungeplan",
     "Barnets plan (§ 91), ungeplan (§ 108), or before 2024 the handleplan (SEL § 140).", plan_attrs,
     R"(<plan id="p1" at="2024-09-10" kind="barnets-plan" ref="d1"/>)"},
    {EventType::opfoelgning, "opfoelgning", Attr::at, "Follow-up", "Opfølgning",
     "A follow-up on a measure (§ 95; SEL § 70).", opfoelgning_attrs,
     R"(<opfoelgning id="o1" at="2024-09-30" ref="m1" cadence-decided="true" reasons-given="true"/>)"},
    {EventType::tilsynsbesoeg, "tilsynsbesoeg", Attr::at, "Supervision visit", "Tilsynsbesøg",
     "A personal supervision visit at the placement (§ 156 stk. 5; SEL § 148).", tilsyn_attrs,
     R"(<tilsynsbesoeg id="tb1" at="2024-10-15" ref="m2" child-conversation="true" staff-present="false"/>)"},
    {EventType::underretning_socialtilsyn, "underretning-socialtilsyn", Attr::at, "Notice to the socialtilsyn", "Underretning af socialtilsynet",
     "Notice to the socialtilsyn of worrying conditions at a placement (§ 156 stk. 4).", ref_only_opt_attrs,
     R"(<underretning-socialtilsyn id="ust1" at="2024-10-16" ref="tb1"/>)"},
    {EventType::udtalelse, "udtalelse", Attr::at, "Statement", "Udtalelse",
     "A statement from the placement, a party or the child (§ 100, § 98, § 142 stk. 2).", udtalelse_attrs,
     R"(<udtalelse id="ud1" at="2025-01-20" from="placement-site-staff" ref="d7"/>)"},
    {EventType::adoptionsovervejelse, "adoptionsovervejelse", Attr::at, "Adoption considered", "Overvejelse af adoption",
     "The recorded consideration of adoption (§ 69).", ref_only_req_attrs,
     R"(<adoptionsovervejelse id="ao1" at="2024-08-20" ref="d3"/>)"},
    {EventType::tilbud, "tilbud", Attr::at, "Offer", "Tilbud",
     "An offer to a party (fast kontaktperson § 115, lawyer § 140, ...).", tilbud_attrs,
     R"(<tilbud id="tl1" at="2031-01-10" party="barn" topic="fast-kontaktperson" answer="accepted"/>)"},
    {EventType::klage, "klage", Attr::at, "Complaint", "Klage",
     "A complaint about a decision, dated when received.", klage_attrs,
     R"(<klage id="kl1" at="2024-07-10" ref="d1" party="mor"/>)"},
    {EventType::genvurdering, "genvurdering", Attr::at, "Re-assessment", "Genvurdering",
     "The municipality's re-assessment of a complaint (retssikkerhedsloven § 66).", genvurdering_attrs,
     R"(<genvurdering id="gv1" at="2024-07-24" ref="kl1" outcome="maintained"/>)"},
    {EventType::oversendelse, "oversendelse", Attr::at, "Complaint forwarded", "Oversendelse til Ankestyrelsen",
     "The complaint and the case were sent to Ankestyrelsen.", ref_only_req_attrs,
     R"(<oversendelse id="ov1" at="2024-07-25" ref="kl1"/>)"},
    {EventType::aktindsigt_anmodning, "aktindsigt-anmodning", Attr::at, "Request for access to files", "Anmodning om aktindsigt",
     "A request for aktindsigt (forvaltningsloven § 16).", aktindsigt_anmodning_attrs,
     R"(<aktindsigt-anmodning id="ak1" at="2024-08-01" party="far"/>)"},
    {EventType::aktindsigt_svar, "aktindsigt-svar", Attr::at, "Answer to a request for access", "Svar på aktindsigt",
     "The decision on aktindsigt, or the letter saying why it takes longer.", aktindsigt_svar_attrs,
     R"(<aktindsigt-svar id="ak1-svar" at="2024-08-08" ref="ak1" kind="afgoerelse"/>)"},
    {EventType::flytning, "flytning", Attr::at, "Family moved", "Fraflytning",
     "The family moved to another municipality (§ 132).", flytning_attrs,
     R"(<flytning id="fl1" at="2024-11-01" to-municipality="Aarhus"/>)"},
    {EventType::underretning_fraflytning, "underretning-fraflytning", Attr::at, "Notice to the new municipality", "Underretning til tilflytningskommune",
     "The notice and case material sent to the municipality the family moved to (§ 132).", fraflytning_attrs,
     R"(<underretning-fraflytning id="uf1" at="2024-11-04" ref="fl1" to-municipality="Aarhus"/>)"},
    {EventType::notat, "notat", Attr::at, "Other journal entry", "Andet journalnotat",
     "Any other dated entry worth keeping on the timeline; no rule reads it.", notat_attrs,
     R"(<notat id="n1" at="2024-05-05" topic="netværksmøde"/>)"},
    // Issue 18 (format-18.md § 2).
    {EventType::maal, "maal", Attr::at, "Goal of the plan", "Mål i barnets plan",
     "One goal of barnets plan or the ungeplan (§ 92), dated when it was set. Its id is what maal-status names.", maal_attrs,
     R"(<maal id="g1" at="2024-09-10" ref="p1" area="school" with-child="true" with-parents="true"/>)"},
    {EventType::maal_status, "maal-status", Attr::at, "Goal status at a follow-up", "Målopfølgning",
     "A goal's status as assessed at a follow-up (§ 95): reached, partly, not reached or dropped.", maal_status_attrs,
     R"(<maal-status id="gs1" at="2025-03-10" ref="o1" goal="g1" status="partly"/>)"},
    {EventType::ansvarlig_enhed, "ansvarlig-enhed", Attr::at, "Responsible unit", "Ansvarlig enhed",
     "From this day on, the named unit is responsible for the case (until the next ansvarlig-enhed). Before the first one, "
     "the case's unit applies. A finding belongs to the unit responsible on the day its duty started.", ansvarlig_enhed_attrs,
     R"(<ansvarlig-enhed id="ae1" at="2024-07-01" unit="Team Vest"/>)"},
    {EventType::privat_familiepleje, "privat-familiepleje", Attr::at, "Private family care", "Privat familiepleje",
     "A stay in private family care (§ 42).", privat_familiepleje_attrs,
     R"(<privat-familiepleje id="pf1" at="2024-05-01" start="2024-06-01" family-municipality="Aarhus"/>)"},
    {EventType::tilladelse, "tilladelse", Attr::at, "Permission for private family care", "Tilladelse til privat familiepleje",
     "The stedlige kommune's permission for a stay in private family care (§ 42 stk. 1-2).", tilladelse_attrs,
     R"(<tilladelse id="tl42" at="2024-05-20" ref="pf1" informed-of-42-4="true"/>)"},
    {EventType::plejefamilie_efteruddannelse, "plejefamilie-efteruddannelse", Attr::at, "Training of the foster family",
     "Efteruddannelse af plejefamilien", "Efteruddannelse offered to the foster family of a placement.", efteruddannelse_attrs,
     R"(<plejefamilie-efteruddannelse id="pe1" at="2024-10-01" ref="d7" days="2"/>)"},
    {EventType::plejefamilie_supervision, "plejefamilie-supervision", Attr::at, "Supervision of the foster family",
     "Supervision af plejefamilien", "Supervision given to the foster family of a placement.", supervision_attrs,
     R"(<plejefamilie-supervision id="ps1" at="2024-11-01" ref="d7"/>)"},
    {EventType::underretning_ankestyrelsen, "underretning-ankestyrelsen", Attr::at, "Notice to Ankestyrelsen",
     "Underretning af Ankestyrelsen", "The børne- og ungeudvalg's notice to Ankestyrelsen (§ 51 stk. 4).", ref_only_opt_attrs,
     R"(<underretning-ankestyrelsen id="ua1" at="2024-09-01" ref="d3"/>)"},
    {EventType::boernehus, "boernehus", Attr::at, "Børnehus", "Børnehus",
     "The child's case was handled in the regional børnehus (§ 124 ff.).", ref_only_opt_attrs,
     R"(<boernehus id="bh1" at="2024-04-20" ref="bfu1"/>)"},
};
static_assert(std::size(specs) == event_type_count, "one spec per event type, in enum order");
// An enumeration list is kept as a 64-bit set of positions in its values (CaseBuilder).
constexpr bool enumeration_lists_fit() {
    for (const EventSpec& e : specs)
        for (const AttrSpec& a : e.attrs)
            if (a.type == T::enumeration_list && a.values.size() > 64) return false;
    return true;
}
static_assert(enumeration_lists_fit(), "an enumeration list has at most 64 values");

// ---- the case and its people (CaseBuilder::case_attribute, child_attribute, person_attribute) ----
using C = CaseAttrType;
constexpr V party_roles[] = {V::custody_holder, V::parent, V::foster_parent, V::lawyer, V::bisidder, V::network, V::other,
                             V::stoetteperson};
constexpr CaseAttrSpec case_attrs[] = {
    {"id", C::text, true, {}, "the case number, as the municipality knows it"},
    {"municipality", C::text, false, {}, "the municipality (Danmarks Statistik's municipality code, e.g. 0101, or a name)"},
    {"unit", C::text, false, {}, "the unit or team handling the case (auditors group figures by it)"},
};
constexpr CaseAttrSpec child_attrs[] = {
    {"id", C::id, false, {}, "the id events use to name the child as a party; default 'child'"},
    {"birth-date", C::date, false, {}, "the birth date"},
    {"cpr", C::cpr, false, {}, "a CPR number, from which the birth date is derived; never shown in any output or message"},
    {"due-date", C::date, false, {}, "the expected date of birth (terminsdato), before the child is born"},
};
constexpr CaseAttrSpec party_attrs[] = {
    {"id", C::id, true, {}, "unique in the case; events name the party by it"},
    {"role", C::enumeration, false, party_roles, "the party's role in the case"},
    {"birth-date", C::date, false, {}, "the birth date (a bisidder must be 15 or older)"},
};
constexpr CaseAttrSpec sibling_attrs[] = {
    {"id", C::id, true, {}, "unique in the case; events name the sibling by it"},
    {"birth-date", C::date, false, {}, "the birth date"},
    {"cpr", C::cpr, false, {}, "a CPR number, from which the birth date is derived; never shown"},
    {"in-household", C::boolean, false, {}, "lives in the child's household"},
};
constexpr CaseElementSpec case_elements[] = {
    {"case", "One child's case: the child, the people around it and the events.", case_attrs},
    {"child", "The child the case is about (exactly one). Give birth-date or cpr, or due-date for an unborn child.", child_attrs},
    {"party", "A person events refer to (party=\"mor\"): a custody holder, a parent, a bisidder ...", party_attrs},
    {"sibling", "A sibling of the child (§ 21).", sibling_attrs},
};
static_assert(!value_names.back().empty() && !attr_names.back().empty(), "one name per enumerator");

}  // namespace

std::span<const EventSpec> event_specs() { return specs; }

const EventSpec& event_spec(EventType t) {
    if (static_cast<std::size_t>(t) >= std::size(specs)) throw std::out_of_range("barnetslov::event_spec: not an event type");
    return specs[static_cast<std::size_t>(t)];
}

namespace {

std::array<std::string_view, event_type_count> element_names() {
    std::array<std::string_view, event_type_count> out{};
    for (const EventSpec& s : specs) out[static_cast<std::size_t>(s.type)] = s.element;
    return out;
}

}  // namespace

std::optional<EventType> event_type_from_element(std::string_view element) {
    static const detail::NameIndex<EventType> index(element_names());
    return index.find(element);
}

std::string_view attr_name(Attr a) {
    if (static_cast<std::size_t>(a) >= attr_names.size()) throw std::out_of_range("barnetslov::attr_name: not an attribute");
    return attr_names[static_cast<std::size_t>(a)];
}

std::optional<Attr> attr_from_name(std::string_view name) {
    static const detail::NameIndex<Attr> index(attr_names);
    return index.find(name);
}

std::string_view value_name(Value v) {
    if (static_cast<std::size_t>(v) >= value_names.size()) throw std::out_of_range("barnetslov::value_name: not a value");
    return value_names[static_cast<std::size_t>(v)];
}

std::optional<Value> value_from_name(std::string_view name) {
    static const detail::NameIndex<Value> index(value_names);
    return index.find(name);
}

EventType event_ref_target(Attr a) {
    if (a == Attr::goal) return EventType::maal;
    throw std::out_of_range("barnetslov::event_ref_target: not an attribute that names one event");
}

const AttrSpec* find_attr_spec(EventType t, Attr a) {
    for (const auto& s : event_spec(t).attrs)
        if (s.attr == a) return &s;
    return nullptr;
}

std::span<const CaseElementSpec> case_element_specs() { return case_elements; }

const CaseElementSpec& case_element_spec(std::string_view element) {
    for (const CaseElementSpec& e : case_elements)
        if (e.element == element) return e;
    throw std::out_of_range("barnetslov::case_element_spec: not case, child, party or sibling");
}

const CaseAttrSpec* find_case_attr_spec(const CaseElementSpec& element, std::string_view name) {
    for (const CaseAttrSpec& a : element.attrs)
        if (a.name == name) return &a;
    return nullptr;
}

}  // namespace barnetslov
