// A rule: metadata (what the law says, where, since when, how sure we are) plus a pure function
// from a case to findings (private: src/engine/rule_interface.hpp). Rules are stateless and shared
// between threads.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "barnetslov/calendar.hpp"
#include "barnetslov/vocabulary.hpp"

namespace barnetslov {

struct StatuteRecord;  // statute.hpp

enum class Status : std::uint8_t { met, late, missed, violated, pending, not_applicable, indeterminate };
inline constexpr std::size_t status_count = 7;

// error: the municipality's legal duty; warning: a duty towards a notifier or a process step;
// info: a deadline on the citizen, never counted against the municipality.
enum class Severity : std::uint8_t { info, warning, error };

// The catalog's confidence markers (../shared/law/part-a-procedure-involvement.md § 0).
enum class Confidence : std::uint8_t { confirmed, confirmed_old, inferred, unconfirmed };

enum class Law : std::uint8_t { barnets_lov, serviceloven, forvaltningsloven, retssikkerhedsloven };

// The counting conventions of the law README, as named in rule metadata and findings.
enum class Convention : std::uint8_t {
    none,                 // an ordering or content requirement, no deadline
    elapsed_hours,        // "24 timer"
    hverdage_after,       // "6 hverdage" (day of receipt = day 0)
    months_after,         // "4 måneder", end-of-month clamp
    months_before,        // "6 months before the 18th birthday"
    years_after,          // 12*N months
    weeks_after,          // 7*N days
    days_after,           // "N dage", first day not counted
    days_counting_first,  // "N dage", first day counted (§ 143)
};

// One effective-dated version of a rule. A duty triggered by an event follows the version in
// force on the local day of that event (law README, "Which law applies to an event").
struct RuleVersion {
    Law law;
    std::string_view section;  // "§ 136", "§ 155 stk. 2"
    LocalDay from;             // first day the version applies to
    LocalDay until;            // first day it no longer applies to (exclusive)
    Confidence confidence;
    std::string_view note;     // what this version says that the others do not, and its source
};

// A deadline a rule counts besides its main one (RuleMeta::convention and amount): another duty of the
// same rule, or another length the law gives in some cases. `amount_from_case`: the case file states
// the amount (renewal-years-stated), `amount` is then 0.
struct DeadlineTerm {
    Convention convention = Convention::none;
    int amount = 0;
    std::string_view when;      // when the rule counts this deadline instead of its main one
    bool amount_from_case = false;
};

// When a rule's duty falls relative to the decision (or plan, follow-up, ...) that carries it. A
// pre-check of a proposed decision blocks on the duties due before it, lists those the decision and
// its letter must carry, and shows the deadlines it starts (precheck.hpp).
enum class Phase : std::uint8_t {
    none,    // not a duty a decision carries (an underretning's assessment, a complaint's answer, the
             // deadline for making the decision itself)
    before,  // on file before the decision: the child's views, hearing, information, consents, the
             // undersøgelse and the plan before a placement, the deciding body and the day allowed
    with,    // carried by the decision and its letter: reasons, klagevejledning to each party, the
             // content a placement decision states, the choice of a plan, a fixed period
    after,   // a deadline the decision starts: the plan within 3 months, the first follow-up, the
             // renewal of a placement without consent, the chair's notice and approval
};

// What in a case file shows that a rule's duty was done, or lawfully excepted (its fulfilment
// evidence): an event of `type`, or, with `attr`, such an event carrying that attribute. A batch counts
// the files that carry any of a rule's evidence; where none does, the export does not carry what the
// rule needs, and its figures say "no data in this export" instead of a share on time that would
// read as failure (DESIGN.md, "Data coverage"). A test checks that every event a finding names as
// fulfilment or exception is listed here.
inline constexpr Attr no_attr = Attr::count_;
struct Evidence {
    EventType type;
    Attr attr = no_attr;
};
struct RuleMeta;
class Case;  // case.hpp
// Whether `kase` carries any of the evidence `meta` lists.
[[nodiscard]] bool carries_evidence(const Case& kase, const RuleMeta& meta);
// The evidence as the case-file format names it: "kontakt; boernesamtale", "afgoerelse (has-reasons)".
[[nodiscard]] std::string evidence_text(const RuleMeta& meta);

// Why a finding has its status: a stable key and the sentence that explains it. A reason is defined
// beside the rule that gives it (src/rules/; shared ones in src/rules/reasons.hpp and the helpers'
// headers), lives as long as the program, and is told apart by its address. RuleMeta::reasons lists a
// rule's own, general_reasons() those every rule may give, and Rulebook::reasons() (engine.hpp) all.
struct Reason {
    // The words before and after an attribute's name in a sentence about it.
    struct Around {
        std::string_view before;
        std::string_view after;
    };
    std::string_view key;  // "done_late": the JSON report's and the C API's `reason`, stable across versions
    std::string_view da;   // the sentence, in Danish
    std::string_view en;   // and in English
    // For a finding about one attribute of its subject (Finding::attribute), the sentence instead
    // reads before + the attribute's name + after ("Stated (" "has-reasons" "=\"true\")."); empty
    // for a reason that has no such sentence.
    Around attribute_da{};
    Around attribute_en{};
    // The sentence is followed by how many whole months the duty has been open (a BL-UNDS-4M
    // undersøgelse still running after its foreløbig vurdering).
    bool tells_months_open = false;
};

// Filled with designated initialisers (.id = ..., .chapter = ...) in every rule: four string views
// in a row could otherwise be swapped without a compiler error.
struct RuleMeta {
    std::string_view id;        // "BL-UND-24H"
    std::string_view chapter;   // "notifications", "investigation", "involvement", ...
    std::string_view title_da;
    std::string_view title_en;
    Severity severity;
    Confidence confidence;      // the catalog's marker for the rule as a whole
    Convention convention;
    int amount;                 // N of the convention (24, 6, 4, ...); 0 for none
    std::string_view counting;  // how the deadline is counted, for `explain`
    std::string_view reading;   // the reading chosen where the catalog is UNCONFIRMED or INFERRED
    std::string_view predecessor;  // "Serviceloven § 155 stk. 2", or "none"
    std::span<const RuleVersion> versions;  // in date order
    std::uint8_t statuses;      // the statuses this rule can give: bit (1 << Status)
    std::string_view example;   // the events of a case file this rule reads, as XML
    // Where the December 2026 statute and authority review changed this rule's reading: what it
    // read before ("6 hverdage from sending, not from the letter's dating"); empty when unchanged.
    std::string_view changed_from{};
    // The rule's other deadlines. Every deadline a finding gives is counted from this metadata
    // (detail::make_deadline(meta, ...)): the main one, one of these, or a due day that is not
    // counted (Convention::none: fixed in a decision, the day of an event). A test checks it.
    std::span<const DeadlineTerm> other_deadlines{};
    // The reasons (finding.hpp) this rule's findings give besides the general ones
    // (general_reasons()), each once. A test checks every finding's reason against the two.
    std::span<const Reason* const> reasons{};
    // What Finding::count and Finding::required count, named after the numbers in a finding's
    // sentence ("2 af 2 besøg"); empty when the sentence names nothing.
    std::string_view counted_da{};
    std::string_view counted_en{};
    // What reading the statute showed for this rule (statute.hpp); every rule has one.
    const StatuteRecord* statute = nullptr;
    // When the duty falls relative to the decision (or other event) that carries it: what a
    // pre-check of a proposed event does with the rule's findings (precheck.hpp).
    Phase phase = Phase::none;
    // What shows the duty done or excepted (Evidence); every implemented rule lists at least one.
    std::span<const Evidence> evidence{};
};

// The reasons any rule may give besides its own (RuleMeta::reasons): the outcomes of a counted
// deadline (done_in_time, done_late, overdue, due_ahead, order_unknown, inconsistent_dates) and
// before_rule (no version of the rule applied on the day that would have started the duty).
[[nodiscard]] std::span<const Reason* const> general_reasons();

[[nodiscard]] constexpr std::uint8_t status_bits(std::initializer_list<Status> list) {
    std::uint8_t bits = 0;
    for (Status s : list) bits = static_cast<std::uint8_t>(bits | (1u << static_cast<unsigned>(s)));
    return bits;
}
[[nodiscard]] constexpr bool can_give(const RuleMeta& m, Status s) { return (m.statuses >> static_cast<unsigned>(s)) & 1u; }

// A version with no end date (it applies today and on), or none before it ("since always").
[[nodiscard]] constexpr bool open_ended(const RuleVersion& v) { return v.until >= calendar_end_day; }
[[nodiscard]] constexpr bool from_the_start(const RuleVersion& v) { return v.from <= calendar_first_day; }

// The version in force for a duty triggered on `day`, or nullopt before the earliest version.
[[nodiscard]] std::optional<std::uint8_t> version_for(const RuleMeta& meta, LocalDay day);

[[nodiscard]] std::string_view to_string(Status s);
[[nodiscard]] std::string_view to_string(Severity s);
[[nodiscard]] std::string_view to_string(Confidence c);
[[nodiscard]] std::string_view to_string(Convention c);
[[nodiscard]] std::string_view to_string(Phase p);  // "none", "before", "with", "after"
[[nodiscard]] std::string_view law_name_da(Law l);
[[nodiscard]] std::string_view law_name_en(Law l);
[[nodiscard]] std::optional<Status> status_from_string(std::string_view s);

// A rule of the standard rulebook (Rulebook::standard()), as a caller sees it: its metadata. How a rule
// judges a case is private to the library (src/engine/rule_interface.hpp, which says why callers cannot
// add rules).
class Rule {
public:
    Rule(const Rule&) = delete;
    Rule& operator=(const Rule&) = delete;
    [[nodiscard]] virtual const RuleMeta& meta() const = 0;

protected:
    Rule() = default;
    virtual ~Rule() = default;
};

}  // namespace barnetslov
