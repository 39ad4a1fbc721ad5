// Consents and statements a decision rests on, shared by the rules of § 46, § 98, § 100 and § 104.
#pragma once

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "engine/rule_interface.hpp"
#include "rules/serving.hpp"

// The reasons of the consent rules (ConsentRule, judge_consents).
namespace barnetslov::reasons {

// every consent the decision needs is on file before it
inline constexpr Reason consents_given{
    .key = "consents_given",
    .da = "Alle de samtykker, afgørelsen kræver, foreligger før den.",
    .en = "Every consent the decision needs is on file before it.",
};

inline constexpr Reason consents_missing{
    .key = "consents_missing",
    .da = "Et samtykke, afgørelsen kræver, foreligger ikke før den (mangler, nægtet eller tilbagekaldt).",
    .en = "A consent the decision needs is not on file before it (missing, refused or withdrawn).",
};

// § 46 stk. 4: an "unborn" placement decided after the birth
inline constexpr Reason child_already_born{
    .key = "child_already_born",
    .da = "Barnet var født, da afgørelsen om det ufødte barn blev truffet.",
    .en = "The child was born when the decision about the unborn child was made.",
};

// the placement's statement came before the decision (§§ 98, 100)
inline constexpr Reason site_statement_found{
    .key = "site_statement_found",
    .da = "Anbringelsesstedets udtalelse foreligger før afgørelsen.",
    .en = "The placement's statement came before the decision.",
};

inline constexpr Reason site_statement_missing{
    .key = "site_statement_missing",
    .da = "Der er ingen udtalelse fra anbringelsesstedet før afgørelsen.",
    .en = "There is no statement from the placement before the decision.",
};

}  // namespace barnetslov::reasons

namespace barnetslov::rules_detail {


// Whose consent a decision of `kind` needs, and what may stand in for it.
struct ConsentSpec {
    Value kind;
    bool expectant_parents;      // § 46 stk. 4: parties of role parent consent too (no custody yet)
    int child_from_age;          // the child's own consent from this age (0: not this rule's duty)
    bool committee_instead;      // § 98 stk. 4: a decision of the børne- og ungeudvalg replaces consent
    bool child_request_instead;  // § 104 stk. 4 (from L 87): the child's own request replaces consent
};

// Judges the consents decision `d` rests on into `f` (already opened).
// `requests`: the child's requests of supported contact, listed on first need.
void judge_consents(const Case& c, const Event& d, const EvalContext& ctx, const ConsentSpec& spec, const Answers& answers,
                    Deferred<ChildRequests>& requests, Finding& f);

// The placement's statements (udtalelse from placement-site-staff or foster-parent), listed once per
// evaluation, for the decisions that must follow one (§ 98 stk. 2, § 100 stk. 2). A statement is a
// before-record (law README, serving rule): one naming the decision serves it; one naming no decision
// serves the first decision about the child on or after it, within before-record-months.
class SiteStatements {
public:
    SiteStatements(const Case& c, const EvalContext& ctx);
    // Opens `f` under `meta` and judges whether a statement served decision `d`.
    void judge(const Event& d, Finding& f, const RuleMeta& meta) const;

private:
    const Case& c_;
    const EvalContext& ctx_;
    ChildDecisions decisions_;
    boost::container::small_vector<std::uint32_t, 16> unlinked_;
};

// A rule about the consents behind each decision of one kind (BL-ANB-46-COND, BL-ANB-46-UNBORN,
// BL-ANB-CHANGE-98, BL-SAMV-SUPPORTED): one finding per decision, and for a change of placement a
// second one about the placement's statement.
class ConsentRule final : public RuleImpl {
public:
    constexpr ConsentRule(const RuleMeta& meta, const ConsentSpec& spec) : RuleImpl(KindSet{spec.kind}), meta_(meta), spec_(spec) {}
    const RuleMeta& meta() const override { return meta_; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override;

private:
    const RuleMeta& meta_;
    ConsentSpec spec_;
};

}  // namespace barnetslov::rules_detail
