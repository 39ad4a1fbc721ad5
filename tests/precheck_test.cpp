// Issue 16: the pre-check of a proposed decision. A decision of every kind, proposed in a case where
// everything due before it is on file, has no blocking finding; the same decision in a case where
// nothing is prepared blocks on exactly the duties due before it, and each list holds what its
// rules' phases say.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"
#include "barnetslov/precheck.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/vocabulary.hpp"

using namespace barnetslov;

namespace {

const Engine& engine() {
    static const Engine e;
    return e;
}

std::shared_ptr<const Case> load(const std::string& xml) {
    LoadResult r = load_case_buffer(xml, "precheck", engine().calendar());
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().to_string());
    return r.kase;
}

std::string case_xml(const std::string& child, const std::string& events) {
    return R"(<case xmlns="urn:barnetslov:case:1" id="P-1" municipality="Odense" unit="Familie">
  )" + child + R"(
  <party id="mor" role="custody-holder"/>
  <party id="far" role="custody-holder"/>
  <events>
)" + events + "  </events>\n</case>\n";
}

// Everything a decision may need before it, on file by 2024-09-09: the undersøgelse concluded, the
// child's views, the bisidder information, access to the files with the right to comment and a
// hearing for each party, free legal aid offered, both custody holders' consent (and the young
// person's), the plan, the indstilling, the child's requests and the placement's statement.
const std::string prepared_events = R"(
    <underretning id="u1" received-at="2024-03-01T09:00" notifier="professional" notifier-role="school"/>
    <undersoegelse id="bfu1" at="2024-03-05" ref="u1"/>
    <undersoegelse-afsluttet id="bfu1-end" at="2024-06-28" ref="bfu1" outcome="placement"/>
    <boernesamtale id="bs1" at="2024-09-02" method="conversation" outcome="views-recorded" topic="contact"/>
    <information id="i1" at="2024-08-20" party="barn" topic="bisidder"/>
    <information id="i2" at="2024-08-26" party="barn" topic="files-and-comment"/>
    <information id="i3" at="2024-08-26" party="mor" topic="files-and-comment"/>
    <information id="i4" at="2024-08-26" party="far" topic="files-and-comment"/>
    <partshoering id="ph1" at="2024-08-28" party="barn"/>
    <partshoering id="ph2" at="2024-08-28" party="mor"/>
    <partshoering id="ph3" at="2024-08-28" party="far"/>
    <tilbud id="t1" at="2024-08-26" party="mor" topic="lawyer" answer="accepted"/>
    <tilbud id="t2" at="2024-08-26" party="far" topic="lawyer" answer="accepted"/>
    <tilbud id="t3" at="2024-08-26" party="barn" topic="lawyer" answer="accepted"/>
    <samtykke id="sa3" at="2024-09-05" party="barn" answer="given" covers-purpose="true"/>
    <plan id="p1" at="2024-09-04" kind="barnets-plan"/>
    <indstilling id="in1" at="2024-09-06" ref="bfu1" includes-plan="true" includes-undersoegelse="true" includes-conditions-met="true" includes-network-resources="true" includes-parent-competence="true" includes-child-view="true" includes-parent-plan="reasons"/>
    <anmodning id="an1" at="2024-09-01" party="barn" topic="contact-suspension"/>
    <anmodning id="an2" at="2024-09-01" party="barn" topic="supported-contact"/>
    <udtalelse id="ud1" at="2024-09-03" from="placement-site-staff"/>
)";

const std::string custody_holders_consent = R"(
    <samtykke id="sa1" at="2024-09-05" party="mor" answer="given" covers-purpose="true"/>
    <samtykke id="sa2" at="2024-09-05" party="far" answer="given" covers-purpose="true"/>
)";
const std::string custody_holders_refuse = R"(
    <samtykke id="sa1" at="2024-09-05" party="mor" answer="refused"/>
    <samtykke id="sa2" at="2024-09-05" party="far" answer="refused"/>
)";
// A placement since 2021, so a permanent placement (§ 67: 3 years) and ungestøtte (placed the day
// before the 18th birthday) rest on one.
const std::string earlier_placement = R"(
    <afgoerelse id="d0" at="2021-05-03" kind="placement-with-consent" has-reasons="true" has-klagevejledning="true"/>
    <indsats-start id="m0" at="2021-05-10" ref="d0"/>
    <plan id="up1" at="2024-08-30" kind="ungeplan"/>
)";

// Decisions the law reserves to the børne- og ungeudvalg (BL-ANB-BUU-LIST), proposed as the
// committee's, with the child heard (BL-BARN-BUU-HEAR).
const std::set<std::string> committee_kinds = {"investigation-without-consent", "placement-without-consent",
                                               "placement-unborn-without-consent", "placement-own-wish-15", "placement-continued",
                                               "permanent-placement", "contact-restriction", "secure-institution", "foster-care-no-move",
                                               "medical-without-consent"};

struct Prepared {
    std::string child = R"(<child id="barn" birth-date="2012-03-01"/>)";
    std::string events;
};

// The case a decision of `kind` rests on when it is prepared: the common preparation, the consents or
// refusals it needs, and the child it can concern.
Prepared prepared_for(const std::string& kind) {
    Prepared s;
    s.events = prepared_events;
    s.events += kind == "placement-own-wish-15" ? custody_holders_refuse : custody_holders_consent;
    if (kind == "placement-unborn-with-consent" || kind == "placement-unborn-without-consent")
        s.child = R"(<child id="barn" due-date="2024-11-20"/>)";
    if (kind == "placement-own-wish-15") s.child = R"(<child id="barn" birth-date="2008-03-01"/>)";
    if (kind == "permanent-placement" || kind == "ungestoette") s.events += earlier_placement;
    if (kind == "ungestoette") s.child = R"(<child id="barn" birth-date="2006-12-01"/>)";
    // § 40: the chief physician's statement before the committee decides (BL-LAEGE-40).
    if (kind == "medical-without-consent") s.events += R"(<udtalelse id="ud-phys" at="2024-09-01" from="physician"/>)";
    return s;
}

ProposedEvent decision(const std::string& kind) {
    ProposedEvent d{"afgoerelse", {{"at", "2024-09-10T10:00"}, {"kind", kind}}};
    if (committee_kinds.count(kind)) {
        d.attributes.emplace_back("body", "committee");
        d.attributes.emplace_back("child-heard", "yes");
    }
    return d;
}

// Every decision kind of the vocabulary.
std::vector<std::string> decision_kinds() {
    std::vector<std::string> out;
    if (const AttrSpec* kind = find_attr_spec(EventType::afgoerelse, Attr::kind))
        for (Value v : kind->values) out.emplace_back(value_name(v));
    return out;
}

PrecheckResult precheck_at(const std::string& child, const std::string& events, const std::string& kind) {
    const auto kase = load(case_xml(child, events));
    if (!kase) return {};
    return precheck(engine(), *kase, decision(kind), engine().calendar().start_of_local_day(local_day(2024, 9, 10)));
}

std::string describe(const PrecheckResult& r, PrecheckList l) {
    std::string out;
    for (const Finding* f : r.in(l))
        out += std::string(engine().meta(*f).id) + " " + std::string(to_string(f->status)) + " (" + std::string(reason_key(f->reason)) + "); ";
    return out;
}

std::set<std::string> rules_in(const PrecheckResult& r, PrecheckList l) {
    std::set<std::string> out;
    for (const Finding* f : r.in(l)) out.emplace(engine().meta(*f).id);
    return out;
}

TEST(Precheck, APreparedDecisionOfEveryKindHasNothingBlocking) {
    const auto kinds = decision_kinds();
    ASSERT_GT(kinds.size(), 20u);
    for (const std::string& kind : kinds) {
        const Prepared s = prepared_for(kind);
        const PrecheckResult r = precheck_at(s.child, s.events, kind);
        ASSERT_TRUE(r.ok()) << kind << ": " << (r.errors.empty() ? "" : r.errors.front().to_string());
        EXPECT_TRUE(r.in(PrecheckList::blocking).empty()) << kind << " blocks on " << describe(r, PrecheckList::blocking);
        // Complaint guidance is given with a decision, never before it (issue 16): it is to be included.
        EXPECT_EQ(rules_in(r, PrecheckList::to_include).count("BL-KLAGE-WHO"), 1u) << kind << ": " << describe(r, PrecheckList::to_include);
        EXPECT_EQ(rules_in(r, PrecheckList::blocking).count("BL-KLAGE-WHO"), 0u) << kind;
    }
}

// The same decisions in a case where nothing is prepared: the blocking list names exactly the duties
// due before each (the child's views and the bisidder information for every decision about the
// child; a hearing of the 12-year-old party where § 3 makes the child one; the undersøgelse, plan,
// consents, requests and statements each kind rests on).
TEST(Precheck, AnUnpreparedDecisionBlocksOnExactlyTheDutiesDueBeforeIt) {
    const std::string child = R"(<child id="barn" birth-date="2012-03-01"/>)";
    const std::set<std::string> common = {"BL-BARN-VIEWS", "BL-BARN-BISID"};
    const std::set<std::string> party = {"BL-BARN-VIEWS", "BL-BARN-BISID", "BL-BARN-PART10"};
    // § 3 nr. 10 makes a child of 10 a party in the committee's cases.
    const std::set<std::string> committee = {"BL-BARN-VIEWS", "BL-BARN-BISID", "BL-BARN-PART10", "BL-BARN-AKT10", "BL-ADV"};
    auto with = [](std::set<std::string> base, std::initializer_list<const char*> more) {
        for (const char* m : more) base.emplace(m);
        return base;
    };
    const std::map<std::string, std::set<std::string>> expected = {
        {"investigation", common},
        {"investigation-without-consent", committee},
        {"supportive-measure", party},
        {"substance-abuse-treatment", common},
        {"youth-order", party},
        {"placement-with-consent", with(party, {"BL-UNDS-PRE-ANB", "BL-ANB-46-COND"})},
        {"placement-without-consent", with(committee, {"BL-UNDS-PRE-ANB", "BL-PLAN-ANB"})},
        {"placement-own-wish-15", with(committee, {"BL-UNDS-PRE-ANB", "BL-PLAN-ANB", "BL-ANB-47-OWNWISH15"})},
        {"placement-continued", committee},
        {"permanent-placement", with(committee, {"BL-ANB-PERM-67"})},
        {"placement-site", party},
        {"placement-change", with(common, {"BL-ANB-CHANGE-98"})},
        {"treatment", party},
        {"hjemgivelse", party},
        // § 103 stk. 1: the child's views on contact before a § 104 decision (BL-BARN-SAMV-VIEWS, issue 18).
        {"contact", with(party, {"BL-BARN-SAMV-VIEWS"})},
        {"contact-supported", with(party, {"BL-SAMV-SUPPORTED", "BL-BARN-SAMV-VIEWS"})},
        {"contact-suspension", with(party, {"BL-BARN-SAMV-REQ", "BL-BARN-SAMV-VIEWS"})},
        {"contact-restriction", committee},
        {"ungestoette", with(party, {"BL-UNG-111-PLAN", "BL-UNG-TARGET"})},
        {"secure-institution", committee},
        {"foster-care-no-move", committee},
        {"bisidder-restriction", common},
        {"placement-request-refused", common},
        {"complaint-decision", {"BL-BARN-BISID"}},
        {"aktindsigt", {"BL-BARN-BISID"}},
        {"fast-kontaktperson", common},
        {"other", common},
        // Part C: support to the parents (§ 76) and a forældrepålæg (§ 38) are not in § 3's list; § 40 is the committee's,
        // with the chief physician's statement before it (BL-LAEGE-40).
        {"parent-support", common},
        {"parent-order", common},
        {"medical-without-consent", with(committee, {"BL-LAEGE-40"})},
        // An unborn child (due-date, no birth date): no views to obtain, but the consents of § 46 stk. 4.
        {"placement-unborn-with-consent", {"BL-UNDS-PRE-ANB", "BL-BARN-BISID", "BL-ANB-46-UNBORN"}},
        {"placement-unborn-without-consent", {"BL-UNDS-PRE-ANB", "BL-BARN-BISID", "BL-PLAN-ANB", "BL-BARN-PART10", "BL-BARN-AKT10", "BL-ADV"}},
    };
    EXPECT_EQ(expected.size(), decision_kinds().size()) << "a decision kind without its expected blocking list";
    for (const auto& [kind, rules] : expected) {
        const bool unborn = kind.find("unborn") != std::string::npos;
        const PrecheckResult r = precheck_at(unborn ? R"(<child id="barn" due-date="2024-11-20"/>)" : child, "", kind);
        ASSERT_TRUE(r.ok()) << kind;
        EXPECT_EQ(rules_in(r, PrecheckList::blocking), rules) << kind << " blocks on " << describe(r, PrecheckList::blocking);
    }
}

// Each list holds what its rules' phases say, and a decision's deadlines come out as deadlines.
TEST(Precheck, ListsFollowThePhases) {
    const Prepared s = prepared_for("placement-with-consent");
    const PrecheckResult r = precheck_at(s.child, s.events, "placement-with-consent");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.lists.size(), r.report.findings.size());
    for (std::size_t i = 0; i < r.lists.size(); ++i) {
        const Finding& f = r.report.findings[i];
        const RuleMeta& m = engine().meta(f);
        const PrecheckList l = r.lists[i];
        if (l == PrecheckList::blocking) {
            EXPECT_EQ(m.phase, Phase::before) << m.id;
        } else if (l == PrecheckList::to_include) {
            EXPECT_EQ(m.phase, Phase::with) << m.id;
        } else if (l == PrecheckList::deadlines) {
            EXPECT_TRUE(m.phase == Phase::after || (f.status == Status::pending && f.deadline)) << m.id;
        }
    }
    // BL-TILS-SPLIT (issue 18): the placement decision states that the site is approved.
    EXPECT_EQ(rules_in(r, PrecheckList::to_include), (std::set<std::string>{"BL-UPLAN-TRIG", "BL-AFG-WRITTEN", "BL-AFG-KLVEJL",
                                                                             "BL-AFG-ANB-CONTENT", "BL-KLAGE-WHO", "BL-ANB-PERM-CONSIDER",
                                                                             "BL-TILS-SPLIT"}));
    EXPECT_EQ(rules_in(r, PrecheckList::deadlines), (std::set<std::string>{"BL-SAMV-RIGHT"}));
}

// A proposed plan, not only a decision: the same mechanism for any event.
TEST(Precheck, AProposedPlanIsCheckedInContext) {
    const auto kase = load(case_xml(R"(<child id="barn" birth-date="2012-03-01"/>)", prepared_events + custody_holders_consent +
                                        R"(<afgoerelse id="d1" at="2024-09-10T10:00" kind="supportive-measure" plan="plan" has-reasons="true" has-klagevejledning="true"/>)"));
    ASSERT_TRUE(kase);
    const ProposedEvent plan{"plan", {{"at", "2024-10-01"}, {"kind", "barnets-plan"}, {"ref", "d1"}}};
    const PrecheckResult r = precheck(engine(), *kase, plan, engine().calendar().start_of_local_day(local_day(2024, 9, 20)));
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().to_string());
    bool served = false;
    for (const Finding& f : r.report.findings)
        if (engine().meta(f).id == "BL-PLAN-32") served = f.status == Status::met;
    EXPECT_TRUE(served) << "the proposed plan within 3 months meets BL-PLAN-32";
}

// A proposal the vocabulary refuses is reported as the loader would, and nothing is judged.
TEST(Precheck, AWrongProposalGivesTheLoadersMessage) {
    const auto kase = load(case_xml(R"(<child id="barn" birth-date="2012-03-01"/>)", ""));
    ASSERT_TRUE(kase);
    const PrecheckResult r = precheck(engine(), *kase, ProposedEvent{"afgoerelse", {{"at", "2024-09-10"}, {"kind", "adoption"}}},
                                      engine().calendar().start_of_local_day(local_day(2024, 9, 10)));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errors.front().message.find("'adoption' is not one of"), std::string::npos) << r.errors.front().message;
    EXPECT_TRUE(r.report.findings.empty());
}

}  // namespace
