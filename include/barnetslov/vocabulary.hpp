// The case-file vocabulary (urn:barnetslov:case:1), as data.
//
// One table describes every event type, its attributes, their value types and enumerations, and
// a second the attributes of the case, the child, a party and a sibling. The loaders (XML, JSON),
// the in-memory CaseBuilder (and through it the C API) and the descriptions of the format in
// schema/ (schema.hpp: the XSD, the reference, the JSON Schema, the vocabulary as JSON) are all
// driven by them, so they cannot disagree.
//
// Element names are the Danish terms of art caseworkers use (underretning, kvittering);
// attribute names and enumerated values are English.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace barnetslov {

inline constexpr std::string_view case_namespace_v1 = "urn:barnetslov:case:1";

enum class EventType : std::uint8_t {
    underretning,
    akutvurdering,
    kvittering,
    tilbagemelding,
    screening,
    risikovurdering,
    afdaekning,
    afdaekning_afsluttet,
    undersoegelse,
    undersoegelse_afsluttet,
    foreloebig_vurdering,
    soeskendevurdering,
    boernesamtale,
    boernesamtale_undtagelse,
    kontakt,
    information,
    partshoering,
    samtykke,
    anmodning,
    indstilling,
    afgoerelse,
    indsats_start,
    indsats_slut,
    hjemgivelse,
    plan,
    opfoelgning,
    tilsynsbesoeg,
    underretning_socialtilsyn,
    udtalelse,
    adoptionsovervejelse,
    tilbud,
    klage,
    genvurdering,
    oversendelse,
    aktindsigt_anmodning,
    aktindsigt_svar,
    flytning,
    underretning_fraflytning,
    notat,
    // Issue 18 (format-18.md § 2): appended, so that no earlier enumerator changes its number.
    maal,
    maal_status,
    ansvarlig_enhed,
    privat_familiepleje,
    tilladelse,
    plejefamilie_efteruddannelse,
    plejefamilie_supervision,
    underretning_ankestyrelsen,
    boernehus,
    count_
};
inline constexpr std::size_t event_type_count = static_cast<std::size_t>(EventType::count_);

// Every attribute name used anywhere in the vocabulary.
enum class Attr : std::uint8_t {
    id,
    at,
    received_at,
    written_received_at,
    ref,
    party,
    notifier,
    notifier_role,
    channel,
    unborn,
    child_request,
    danger,
    acute_measures,
    outcome,
    honour_related,
    aware_at,
    subject,
    two_caseworkers,
    sibling,
    method,
    parents_present,
    staff_present,
    reason,
    alternative,
    topic,
    answer,
    covers_purpose,
    kind,
    body,
    form,
    provisional,
    section,
    implemented_at,
    start,
    end,
    has_purpose,
    has_expected_duration,
    has_reasons,
    has_klagevejledning,
    notified_at,
    notification_channel,
    renewal_due,
    renewal_set_by,
    renewal_years_stated,
    first_placement,
    long_placement_expected,
    plan_choice,
    child_heard,
    revision,
    post_return_support,
    cadence_decided,
    reasons_given,
    at_placement,
    child_conversation,
    concern,
    from,
    includes_plan,
    received_by,
    to_municipality,
    ground,
    unknown_adverse_facts,  // afgoerelse: rests on facts to the child's disadvantage the child is not presumed to know
    deviation_reason,
    complaint_maintained_at,
    target_group,  // afgoerelse on substance-abuse treatment: the young person is in the guarantee's target group
    // Issue 18 (format-18.md § 1-2), appended.
    caseworker,  // every event: the pseudonymous id of the caseworker who recorded it
    abuse_suspected,
    police_involved,
    health_involved,
    boernehus_used,
    issues_delimited,
    professionals_involved,
    child_involved,
    parents_involved,
    reasoned_position,
    child_views_recorded,
    parents_views_recorded,
    network_resources_described,
    measure_adjusted,
    further_investigation,
    plan_revision,
    other_matters,
    site_type,
    site_approved,
    stoetteperson_outcome,
    grounds,
    duties_count,
    includes_undersoegelse,
    includes_conditions_met,
    includes_network_resources,
    includes_parent_competence,
    includes_child_view,
    sibling_reasons,
    includes_parent_plan,
    area,
    with_child,
    with_parents,
    goal,
    status,
    unit,
    family_municipality,
    informed_of_42_4,
    days,
    count_
};
inline constexpr std::size_t attr_count = static_cast<std::size_t>(Attr::count_);

// Every enumerated value used anywhere in the vocabulary (kebab-case in files).
enum class Value : std::uint8_t {
    none_,
    // notifier (legal class of the notifier)
    professional, private_, anonymous, child, municipality, unknown,
    // notifier-role (in the manner of Danmarks Statistik's underretning statistics)
    school, daycare, health_visitor, doctor, hospital, psychiatry, dentist, police, social_services,
    other_municipality, parent, family, neighbour, other,
    // channel
    phone, letter, email, digital, in_person,
    // outcomes
    no_action, afdaekning, undersoegelse, supportive_measure, placement, other_legislation,
    no_need, omitted_obvious, views_recorded, declined, maintained, partly_upheld, upheld,
    granted, refused, withdrawn, given, accepted,
    // subject of an undersøgelse
    boernefaglig, ungefaglig, kommende_foraeldre,
    // method of involving the child
    conversation, direct_contact,
    // § 5 stk. 4 reasons and alternatives
    age, circumstances, network, professionals, observation,
    // information / anmodning / tilbud topics
    bisidder, files_and_comment, party_rights, lawyer, complaint_rights, fast_kontaktperson,
    hjemgivelse, contact_suspension, supported_contact, no_move, ungestoette, aktindsigt,
    // decision kinds
    investigation, investigation_without_consent, substance_abuse_treatment, youth_order,
    placement_with_consent, placement_without_consent, placement_unborn_with_consent,
    placement_unborn_without_consent, placement_own_wish_15, placement_continued,
    permanent_placement, placement_site, placement_change, treatment, contact, contact_supported,
    contact_restriction, secure_institution, foster_care_no_move, bisidder_restriction,
    placement_request_refused, complaint_decision,
    // decision bodies
    committee, chair, appeals_board, court, youth_crime_board,
    // decision forms
    afgoerelse, beslutning,
    // notification channels for deemed receipt
    post, quickpost,
    // plan choice (§ 91 stk. 1) and plan kinds
    plan, no_plan, barnets_plan, ungeplan, handleplan, helhedsorienteret_plan,
    // child heard by the committee (§ 142 stk. 2)
    yes, no, under_10, harmful,
    // party roles
    custody_holder, foster_parent, placement_site_staff,
    // the grounds of a placement without consent (§ 47 stk. 1 nr. 1-4)
    inadequate_care, abuse, child_difficulties, behaviour,
    // Issue 18 (format-18.md § 1-2), appended.
    // decision kinds (§ 76, § 38, § 40)
    parent_support, parent_order, medical_without_consent,
    // grounds of a youth order
    school_absence, crime_suspicion, public_insecurity, non_cooperation,
    // plan kind (§ 77), offer and information topics, statement source, party role
    foraeldrehandleplan, stoetteperson, stoetteperson_foraeldre, no_cooperation_reasons, purpose_and_content, physician,
    // placement site types
    network_foster_family, general_foster_family, reinforced_foster_family, specialised_foster_family,
    municipal_foster_family, opholdssted, doegninstitution, own_room, efterskole,
    // § 53 støtteperson outcome
    appointed_network, appointed_civil_society, child_declined, none_found, not_relevant,
    // § 51 stk. 2 the parents' plan in an indstilling
    reasons,
    // areas of a goal (§ 92)
    development_behaviour, health, leisure_friends,
    // a goal's status at a follow-up (§ 95)
    reached, partly, not_reached, dropped,
    count_
};

enum class ValueType : std::uint8_t {
    moment,    // "2024-03-28", "2024-03-28T14:30", "2024-03-28T14:30:00+01:00", "...Z"
    date,      // "2024-03-28" only
    boolean,   // "true" | "false"
    integer,   // non-negative decimal
    text,      // free text (never read by a rule, except as a label)
    id_refs,   // one or more event ids, space separated
    party_ref, // the id of the child, a party or a sibling
    enumeration,
    // Added for issue 18, after the others so that earlier values keep their numbers.
    enumeration_list,  // one or more of the listed values, space separated (in JSON also an array)
    pseudonym,         // a pseudonymous id: 1 to 64 letters, digits, '_', '-', '.'; never a CPR-like number
    event_ref,         // the id of one event of the case, of the type event_ref_target names
};

struct AttrSpec {
    Attr attr;
    ValueType type;
    bool required;
    std::span<const Value> values;  // enumeration only
    std::string_view doc;           // what it records, in English
};

struct EventSpec {
    EventType type;
    std::string_view element;   // XML element name
    Attr primary;               // the attribute that dates the event (at, or received-at)
    std::string_view title_en;
    std::string_view title_da;
    std::string_view doc;       // when to record it
    std::span<const AttrSpec> attrs;
    std::string_view example;   // a complete element, for the reference
};

[[nodiscard]] std::span<const EventSpec> event_specs();
[[nodiscard]] const EventSpec& event_spec(EventType t);  // std::out_of_range: not an event type
[[nodiscard]] std::optional<EventType> event_type_from_element(std::string_view element);
[[nodiscard]] std::string_view attr_name(Attr a);  // std::out_of_range: not an attribute
[[nodiscard]] std::optional<Attr> attr_from_name(std::string_view name);
[[nodiscard]] std::string_view value_name(Value v);  // std::out_of_range: not a value
[[nodiscard]] std::optional<Value> value_from_name(std::string_view name);
// The event type an event_ref attribute must name (maal-status's goal: a maal).
[[nodiscard]] EventType event_ref_target(Attr a);  // std::out_of_range: no event_ref attribute
// The spec of attribute `a` on event type `t`, or nullptr when `t` has no such attribute.
[[nodiscard]] const AttrSpec* find_attr_spec(EventType t, Attr a);

// ---- The case and its people ----
//
// The elements around the events have few attributes, fixed since version 1, which CaseBuilder's
// case_attribute, child_attribute and person_attribute check with code of their own (a test keeps
// the two in step). They are described here for the schemas and the JSON loader.
enum class CaseAttrType : std::uint8_t {
    text,         // free text
    id,           // letters, digits, '-', '_', '.', ':'; 1 to 64 characters
    date,         // "2024-03-28"
    cpr,          // DDMMYY-SSSS or DDMMYYSSSS; never shown
    boolean,      // "true" | "false"
    enumeration,
};

struct CaseAttrSpec {
    std::string_view name;
    CaseAttrType type;
    bool required;
    std::span<const Value> values;  // enumeration only
    std::string_view doc;
};

struct CaseElementSpec {
    std::string_view element;  // "case", "child", "party", "sibling"
    std::string_view doc;
    std::span<const CaseAttrSpec> attrs;
};

// case, child, party and sibling, in that order.
[[nodiscard]] std::span<const CaseElementSpec> case_element_specs();
// The spec of "case", "child", "party" or "sibling"; std::out_of_range for any other name.
[[nodiscard]] const CaseElementSpec& case_element_spec(std::string_view element);
[[nodiscard]] const CaseAttrSpec* find_case_attr_spec(const CaseElementSpec& element, std::string_view name);

}  // namespace barnetslov
