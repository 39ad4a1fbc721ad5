// Rules of the form "before (or with) decision D, these people were told X": custody holders
// and the child from an age that depends on the law in force (BL-BARN-AKT10, BL-ADV,
// BL-KLAGE-WHO, BL-BARN-PART10). One implementation, so they count people alike.
#pragma once

#include <array>
#include <optional>

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "engine/rule_interface.hpp"

// The reasons the party helpers below give.
namespace barnetslov::reasons {

// no hearing on file and the file does not say whether one was owed
inline constexpr Reason hearing_not_recorded{
    .key = "hearing_not_recorded",
    .da = "Ingen partshøring af barnet er registreret, og sagen viser ikke, om afgørelsen hviler på oplysninger til barnets ugunst, som barnet ikke kendte.",
    .en = "No hearing of the child is on file, and the file does not show whether the decision rests on facts to the child's disadvantage that the child did not know.",
};

inline constexpr Reason all_informed{
    .key = "all_informed",
    .da = "Alle, reglen angår, er nået som krævet.",
    .en = "Everyone the rule concerns was reached as it requires.",
};

inline constexpr Reason not_all_informed{
    .key = "not_all_informed",
    .da = "Ikke alle, reglen angår, er nået som krævet.",
    .en = "Not everyone the rule concerns was reached as it requires.",
};

// the decision grants the request it names in full: no hearing owed
inline constexpr Reason request_granted{
    .key = "request_granted",
    .da = "Afgørelsen giver fuldt medhold i den anmodning, den nævner; partshøring er da ikke påkrævet.",
    .en = "The decision grants in full the request it names; no hearing is then owed.",
};


}  // namespace barnetslov::reasons

namespace barnetslov::rules_detail {

struct TellSpec {
    EventType type;                 // information, tilbud or partshoering
    std::optional<Value> topic;     // the event's topic, where it has one
    bool custody_holders;           // every party of role custody-holder must be told
    bool must_name_decision;        // the event names the decision in ref (any date); else dated no later than it
    std::array<int, 4> child_age;   // per rule version: the child from this age (0: never)
    // Which decisions the rule concerns, given the version in force on the decision's day.
    bool (*in_scope)(const Case&, const Event& decision, std::uint8_t version);
    // Whether the child (from its age) must be told about this decision; null: always.
    bool (*child_concerned)(const Event& decision, std::uint8_t version) = nullptr;
    // Whether the file shows that a missing letter breaches the duty; null: always. Where the duty
    // depends on what the file may not show (forvaltningsloven § 19's conditions), a missing letter
    // without it is indeterminate (&reasons::hearing_not_recorded), never violated.
    bool (*breach_shown)(const Event& decision) = nullptr;
    // Whether no letter is owed for this decision (it grants a request in full); null: never.
    bool (*nothing_owed)(const Case&, const Event& decision) = nullptr;
};

class TellParties final : public RuleImpl {
public:
    // `triggers`: the kinds and bodies of the decisions spec.in_scope may accept (RuleImpl).
    TellParties(const RuleMeta& meta, TellSpec spec, const KindSet& triggers) : RuleImpl(triggers), meta_(meta), spec_(spec) {}
    const RuleMeta& meta() const override { return meta_; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override;

private:
    const RuleMeta& meta_;
    TellSpec spec_;
};

}  // namespace barnetslov::rules_detail
