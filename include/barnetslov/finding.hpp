// A finding: one rule applied to one duty in one case, with everything a caseworker needs to
// follow it — the events it rests on, how the deadline was counted, and the margin.
// Messages are built from these structured fields (report/messages), never parsed back.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "barnetslov/case.hpp"
#include "barnetslov/inline_vector.hpp"
#include "barnetslov/readings.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

// What an event is to a finding.
enum class EventRole : std::uint8_t {
    trigger,      // started the duty (an underretning, a decision)
    fulfilment,   // did what the duty asks (the assessment, the kvittering)
    exception,    // a lawful exception used (foreløbig vurdering, § 5 stk. 4)
    related,      // shown for context (a later conversation, the written underretning)
};

// Why a finding has its status; selects the explanation text.
enum class Reason : std::uint8_t {
    done_in_time,
    done_late,
    overdue,
    due_ahead,
    order_unknown,               // a date without a time on the deciding day
    before_rule,                 // no version of the rule applies on the trigger day
    lacks_conclusion,            // 24 h: the assessment states neither/only one conclusion
    notifier_not_professional,   // kvittering: private/anonymous notifier
    notifier_unknown,
    awareness_unknown,           // 4 months: no start of the clock in the file
    subject_not_covered,         // e.g. kommende forældre (§ 26), deadline unconfirmed
    preliminary_in_time,         // 4 months: met through a foreløbig vurdering
    preliminary_late,
    still_open_after_preliminary,
    views_obtained,
    views_declined,
    views_exception,
    views_missing,
    views_only_after,
    decision_not_listed,         // before 2024: not on SEL § 48's closed list
    decision_kind_unknown,       // before 2024: kind 'other', cannot tell if listed
    decision_not_about_child,    // unborn child, or not the municipality's decision
    exception_ok,
    exception_reason_missing,
    exception_alternative_missing,
    exception_no_alternative,
    exception_not_needed,
    stated,                      // the decision states what the rule asks (reasons, klagevejledning, ...)
    not_stated,                  // the decision says it does not
    statement_unknown,           // the file does not say
    not_an_afgoerelse,           // a beslutning, not an afgørelse
    full_acceptance,             // a request granted: no reasons or klagevejledning needed
    not_municipal,               // decided by Ankestyrelsen or a court
    complaint_in_time,
    complaint_late,
    receipt_unknown,             // no notification channel, so no deemed receipt
    complaint_target_unknown,    // the complaint names no decision
    complaint_not_for_municipality,  // a committee decision: complaint goes straight to Ankestyrelsen
    complaint_upheld,            // the municipality changed its decision itself, in time
    plan_not_chosen,             // § 91 stk. 1: the municipality decided no plan was needed
    plan_choice_unknown,         // § 91 stk. 1: the file does not record the choice
    plan_missing,                // no plan at all where one was required before the decision
    plan_after_decision,         // the plan came after a decision it had to precede
    measure_kind_unknown,        // a measure start that names no decision of a known kind
    measure_ended,               // the measure ended before the duty fell due
    visits_enough,
    visits_short,
    window_cut,                  // a placement year cut short by the end of the placement
    custody_contact_made,
    custody_contact_missing,
    custody_holder_unknown,      // the file names no custody holder
    age_unknown,                 // the rule depends on the child's age and the file gives no birth date
    child_heard,
    hearing_not_required,        // the child is under the age from which hearing is required
    hearing_omitted_harm,        // omitted because hearing would harm the child
    child_not_heard,
    hearing_unknown,
    age_claim_wrong,             // the decision says "under 10" but the child was older
    all_informed,
    not_all_informed,
    consent_given,
    consent_missing,
    consent_not_covering_purpose,
    under_age,                   // the child is under the age the requirement starts at
    no_decision_yet,
    bisidder_too_young,
    bisidder_age_ok,
    within_cap,
    over_cap,
    period_unknown,              // the decision does not state its start and end
    child_request_found,
    child_request_missing,
    bisidder_informed,
    bisidder_not_informed,
    risk_assessed_first,         // § 18 stk. 3: the risk assessment came before the parents were involved
    parents_involved_first,
    risk_assessment_outstanding, // not yet made, and the parents not yet involved
    investigation_concluded_first,
    investigation_in_parallel,   // § 46 stk. 3: a provisional placement with the undersøgelse running
    investigation_missing,
    not_first_time,              // § 21 stk. 5: the family has had support before
    cooperation_recorded,
    cooperation_missing,
    siblings_assessed,
    siblings_not_assessed,
    no_siblings_declared,
    step_recorded,               // a required next step (screening, feedback, notice) is on file
    step_outstanding,            // not yet on file; the law sets no deadline
    wrong_body,                  // decided by another body than the law names
    renewal_set,                 // a renewal deadline where the law gives none
    no_renewal,
    plan_mandatory,              // "no plan" where the plan is mandatory
    plan_chosen,                 // the decision records that a plan will be made
    right_body,                  // decided by the body the law names
    too_early,                   // decided before the law allows (§ 49: 3 months before the due date)
    due_date_unknown,            // the file gives no expected due date for an unborn child
    open_ended,                  // a measure the law requires to be time-limited has no end date
    placement_long_enough,       // § 67: placed at least 3 years before
    placement_too_short,
    placement_history_unknown,   // the file shows no earlier placement to count from
    adoption_considered,
    adoption_not_considered,
    within_age_limit,
    over_age_limit,              // support granted after the age the law allows
    consents_given,              // every consent the decision needs is on file before it
    consents_missing,
    child_already_born,          // § 46 stk. 4: an "unborn" placement decided after the birth
    custody_holders_consented,   // § 47 stk. 4: no refusal, so the placement is one with consent
    custody_answer_unknown,      // no custody holder's answer on file
    custody_refusal_recorded,
    site_statement_found,        // the placement's statement came before the decision (§§ 98, 100)
    site_statement_missing,
    eligible,                    // in ungestøtte's target group
    not_eligible,
    not_in_target_group,         // the duty is owed to a group the young person is not in
    // The serving rule and the readings of December 2026 (law README, last section).
    inconsistent_dates,          // the fulfilment is dated before the event it answers
    record_too_old,              // the latest unlinked record is older than before-record-months before the decision
    record_serves_earlier,       // the latest unlinked record is dated before an earlier decision, which it serves
    record_order_unknown,        // the latest unlinked record shares a date with an earlier decision; order unknown
    request_granted,             // the decision grants the request it names in full: no hearing owed
    hearing_not_recorded,        // no hearing on file and the file does not say whether one was owed
    plan_due_at_committee,       // § 143: the plan is owed before the committee's decision that follows
    cooperation_not_recorded,
    placed_after_limit_day,      // § 111: the placement began after the limit day 6 months before the 18th birthday    // § 22 stk. 2 "så vidt muligt": no contact recorded, which the file cannot show was impossible
    position_taken,              // § 103: a position on samvær is on file for the placement
    position_outstanding,        // § 103: none yet, the placement running (no deadline)
    position_missing,            // § 103: the placement ended with none
    part_year_short,             // § 156 stk. 5, calendar years: under 6 months of the year placed
    partial_agreement,           // RSL § 66: partly upheld, the day the complaint was maintained not on file
    deviation_explained,         // § 21 stk. 5: one caseworker, with a recorded reason
    deviation_unexplained,       // § 21 stk. 5: one caseworker, no reason on file
    notifier_anonymous,          // kvittering-to=all: an anonymous notifier cannot be answered
    count_
};
inline constexpr std::size_t reason_count = static_cast<std::size_t>(Reason::count_);

enum class Basis : std::uint8_t {
    none,
    foreloebig_vurdering,  // § 20 stk. 3 / SEL § 50 stk. 7
    views_exception,       // § 5 stk. 4
    child_declined,        // the child declined the conversation (UNCONFIRMED under barnets lov)
    same_day,              // conversation and decision on the same date, order within it unknown
    urgent_plan,           // Serviceloven § 140: an urgent decision, the handleplan within 4 months
    hearing_exception,     // § 142 stk. 2: hearing the child would harm it
    provisional_parallel,  // § 46 stk. 3 / § 32 stk. 4: acting before the undersøgelse ends
    deviation_explained,   // § 21 stk. 5 "som udgangspunkt": one caseworker, with a recorded reason
};

enum class MarginUnit : std::uint8_t { seconds, days, hverdage };

struct EventUse {
    std::uint32_t event;
    EventRole role;
};

// What an uncounted deadline (Convention::none) is due by: a date the decision fixed, or the day of
// an event the law ties the duty to.
enum class DueBy : std::uint8_t {
    counted, fixed_in_decision, placement_start, return_home, planned_return, day_before_18,
    calendar_year_end,  // the last day of a calendar year (supervision-year=calendar)
    placement_end,      // the day the placement ended (a period it cut short)
};

// A deadline, as counted. The due time is an inclusive interval [due_first, due_last] of
// instants: one instant for a counted clock, a whole day when the start had no time of day.
struct Deadline {
    Convention convention = Convention::none;
    int amount = 0;
    Moment start;           // the moment the clock started
    LocalDay due_day{};     // the local day the deadline falls on
    Instant due_first{};    // earliest possible last moment
    Instant due_last{};     // latest possible last moment (== due_first when exact)
    // Due at the end of due_day (day-based). False for an hours deadline (an instant), and for a
    // lower bound ("not earlier than", § 49), whose limit is 00:00 local on due_day: due_first is
    // then the first allowed instant rather than the last.
    bool end_of_day = true;
    bool clamped = false;   // month arithmetic clamped to the month's last day
    bool moved_to_hverdag = false;  // a citizen's deadline ending on a non-hverdag moved on
    DueBy due_by = DueBy::counted;  // Convention::none: what the due day is
};

struct Finding {
    std::uint16_t rule = 0;       // index in the engine's rulebook
    std::uint8_t version = 0;     // index into the rule's versions (valid unless before_rule)
    bool has_version = false;
    Status status = Status::indeterminate;
    Reason reason = Reason::done_in_time;
    Basis basis = Basis::none;
    std::uint32_t subject = 0;    // the event the duty is about
    // Subject first. Inline room for four: most findings name two or three events, and an
    // allocation per finding was a third of evaluating a typical case (bench/ANALYSIS.md).
    InlineVector<EventUse, 4> events;
    std::optional<Deadline> deadline;
    std::optional<Moment> done;   // when the duty was fulfilled
    // Signed margin: > 0 time to spare (or left, when pending), < 0 late or overdue by.
    std::optional<std::int64_t> margin;
    MarginUnit margin_unit = MarginUnit::seconds;
    // The attribute of the subject a content finding judged (has-reasons, has-purpose, ...).
    std::optional<Attr> attribute;
    // For counted requirements (supervision visits): how many were found, and how many needed.
    std::uint16_t count = 0;
    std::uint16_t required = 0;
};

}  // namespace barnetslov
