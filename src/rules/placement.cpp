// Part B deadlines with the heaviest consequences: the chair's provisional decision (§ 143),
// renewal of a placement without consent (§ 50), and the ungestøtte decision before 18 (§ 111).
#include <map>
#include <set>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/serving.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

// The committee's decisions that name decision `d` in ref, in time order.
std::vector<const Event*> committee_decisions_on(const Case& c, const Event& d, const EvalContext& ctx) {
    std::vector<const Event*> out;
    for (std::uint32_t r : c.referrers(d.index())) {
        const Event& e = c.event(r);
        if (e.type() == EventType::afgoerelse && e.value(Attr::body) == Value::committee && ctx.known(e)) out.emplace_back(&e);
    }
    return out;
}

// ---- BL-FORMAND-143: § 143 (Serviceloven § 75) ----------------------------------------------------

constexpr RuleVersion formand_versions[] = {
    {Law::serviceloven, "§ 75", far_past, barnets_lov_start, Confidence::confirmed_old, "24 hours, 7 days, 1 month"},
    {Law::barnets_lov, "§ 143", barnets_lov_start, far_future, Confidence::inferred,
     "the figures CONFIRMED from Ankestyrelsen's current guidance (the statutory text of § 143 not read); the child of "
     "10+ as an addressee of the notice INFERRED from § 3 nr. 10"},
};
// Besides the approval within 7 days (the rule's main deadline): the notice and the ordinary decision.
constexpr DeadlineTerm formand_notice_and_ordinary[] = {
    {.convention = Convention::elapsed_hours, .amount = 24, .when = "the written notice to the custody holders and a child who is a party"},
    {.convention = Convention::months_after, .amount = 1, .when = "the committee's ordinary decision"},
};
constexpr StatuteRecord formand_statute{
    .rule = "BL-FORMAND-143",
    .read = "§ 3; § 142 stk. 1",
    .not_found = "§ 143",
    .source = "§ 143 not found; best secondary source: Ankestyrelsen, "
              "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/akutte-afgorelser; the old "
              "forretningsorden BEK 727/2019 § 3 stk. 3, https://www.elov.dk/bekendtgorelse-om-forretningsorden-for-born-"
              "og-unge-udvalgene/paragraf/3/. Read: https://regelrytter.dk/barnets-lov/3 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Ankestyrelsen: written notice to the custody holder and any other parties within 24 hours of "
                "implementation; approval by the committee within 7 days, the day of implementation counting and "
                "Sundays and holidays included; valid 1 month once approved; consent must first be attempted. § 142 "
                "stk. 1 lists the approval under § 143 stk. 4, and § 3 nr. 10 makes a child of 10+ a party in § 143 "
                "cases.",
};

constexpr const Reason* formand_reasons[] = {&reasons::measure_ended, &reasons::age_unknown};

// The notices, and the committee's approval and decision (body committee).
constexpr Evidence formand_evidence[] = {{.type = EventType::information}, {.type = EventType::afgoerelse, .attr = Attr::body}};
constexpr RuleMeta formand_meta{
    .id = "BL-FORMAND-143", .chapter = "decisions", .title_da = "Formandsafgørelse: underretning inden 24 timer, godkendelse inden 7 dage, 1 måned",
    .title_en = "The chair's provisional decision: notice within 24 hours, approval within 7 days, a decision within 1 month",
    .severity = Severity::error, .confidence = Confidence::inferred, .convention = Convention::days_counting_first, .amount = 7,
    .counting = "From the implementation (implemented-at, else the decision's time): written notice to every custody holder "
    "and to a child who is a party (10 or more; 12 before 2024), within 24 hours of elapsed time; approval by the børne- og ungeudvalg within 7 days, the day of implementation being "
    "day 1 (end of implementation day + 6); the committee's ordinary decision within 1 calendar month of the "
    "implementation, end of that day.",
    .reading = "Three findings about the chair's decision (body=\"chair\"), told apart by their due day: notice = an "
    "information event naming the decision to each addressee, judged by the last of them. The addressees are every "
    "custody holder and — Ankestyrelsen: \"forældremyndighedsindehaver og evt. andre parter\"; § 3 nr. 10 makes a "
    "child of 10+ a party in § 143 cases — the child when 10 or older on the day of implementation (INFERRED; "
    "before 2024 Serviceloven § 167's party age, 12). A file naming no custody holder is indeterminate; so is one without "
    "the child's birth date when the custody holders were told in time and the child was not. Approval = the first committee decision naming it; "
    "ordinary decision = the first committee decision naming it of the same kind as the chair's (possibly the approval "
    "itself), else the second committee decision naming it. A placement that ended before a due day needs no later step (not_applicable). The "
    "arithmetic 'implementation + 6 days' is INFERRED from Ankestyrelsen's counting sentence. The consent attempt "
    "before the decision is not checked (no field records it). Part A's BL-FORMAND-7D is an alias.",
    .predecessor = "Serviceloven § 75", .versions = formand_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<afgoerelse id="d10" at="2024-10-04T16:30" kind="placement-without-consent" body="chair" provisional="true" implemented-at="2024-10-04T18:00"/>
<information id="i9" at="2024-10-05T10:00" party="mor" topic="files-and-comment" ref="d10"/>
<afgoerelse id="d11" at="2024-10-09" kind="placement-without-consent" body="committee" ref="d10"/>)",
    .changed_from = "the 24-hour notice went to the custody holders only, whatever the child's age",
    .other_deadlines = formand_notice_and_ordinary,
    .reasons = formand_reasons,
    .statute = &formand_statute,
    .phase = Phase::after,
    .evidence = formand_evidence};

class ChairProvisional final : public RuleImpl {
public:
    ChairProvisional() : RuleImpl(KindSet{Value::chair}) {}
    const RuleMeta& meta() const override { return formand_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        MeasureEnds ends(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || d.value(Attr::body) != Value::chair) continue;
            const Moment implemented = d.moment(Attr::implemented_at).value_or(d.at());
            const auto end = ends.of(d);
            const auto committee = committee_decisions_on(c, d, ctx);

            // Notice within 24 hours to every custody holder and (barnets lov, § 3 nr. 10) a child of 10+:
            // judged by the last of them to be told.
            {
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (open_finding(f, formand_meta, d, implemented.day)) {
                    // The first notice naming the decision to each person, found in one pass (a scan of the
                    // decision's referrers per custody holder grew with people x letters).
                    boost::container::small_vector<const Event*, 8> first_notice(c.persons().size(), nullptr);
                    for (std::uint32_t r : c.referrers(i)) {
                        const Event& e = c.event(r);
                        const auto p = e.person(Attr::party);
                        if (e.type() == EventType::information && p && *p < first_notice.size() && !first_notice[*p] && ctx.known(e))
                            first_notice[*p] = &e;
                    }
                    auto notice_to = [&](std::uint32_t p) -> const Event* { return first_notice[p]; };
                    bool any_holder = false, all_told = true;
                    const Event* last = nullptr;
                    auto addressee = [&](std::uint32_t p) {
                        const Event* notice = notice_to(p);
                        use(f, notice, EventRole::fulfilment);
                        if (!notice) all_told = false;
                        else if (!last || last->at().instant < notice->at().instant) last = notice;
                    };
                    // The child (person 0) is an addressee from 10 under barnets lov; whether it is, the file
                    // may not show (no birth date) — unless the child was told anyway.
                    // Ankestyrelsen's "the other parties": the child from the party age of the law in
                    // force, 10 (§ 3 nr. 10) or, before 2024, 12 (Serviceloven § 167).
                    bool child_unknown = false;
                    {
                        const int party_age = formand_versions[f.version].law == Law::barnets_lov ? 10 : 12;
                        const auto age = child_age(c, ctx, implemented.day);
                        if (age && *age >= party_age) addressee(0);
                        else if (!age) child_unknown = !notice_to(0);
                    }
                    for (std::uint32_t p = 1; p < c.persons().size(); ++p) {
                        if (c.persons()[p].role != Value::custody_holder) continue;
                        any_holder = true;
                        addressee(p);
                    }
                    if (!any_holder) {
                        f.status = Status::indeterminate;
                        f.reason = &reasons::custody_holder_unknown;
                    } else {
                        detail::judge(f, detail::make_deadline(formand_notice_and_ordinary[0], implemented, ctx.calendar),
                                      all_told ? std::optional<Moment>(last->at()) : std::nullopt, ctx);
                        // The custody holders told in time, whether the child was owed a notice unknown.
                        if (child_unknown && f.status == Status::met) {
                            f.status = Status::indeterminate;
                            f.reason = &reasons::age_unknown;
                            f.margin.reset();
                        }
                    }
                }
            }
            // Approval within 7 days, the day of implementation as day 1.
            const Event* approval = committee.empty() ? nullptr : committee.front();
            const Moment implementation_day{{}, implemented.day, false};
            judge_step(d, ctx, out, detail::make_deadline(formand_meta, implementation_day, ctx.calendar), approval, end);
            // The ordinary decision within 1 month: the committee deciding the matter itself (same kind
            // as the chair's decision), which may be the approval; else a later committee decision on it.
            const Event* ordinary = nullptr;
            for (const Event* e : committee)
                if (decision_kind(*e) == decision_kind(d)) {
                    ordinary = e;
                    break;
                }
            if (!ordinary && committee.size() > 1) ordinary = committee[1];
            judge_step(d, ctx, out, detail::make_deadline(formand_notice_and_ordinary[1], implementation_day, ctx.calendar), ordinary, end);
        }
    }

private:
    // A step counted from the day of implementation (dl.start).
    static void judge_step(const Event& d, const EvalContext& ctx, Findings& out, const Deadline& dl, const Event* done,
                           std::optional<LocalDay> end) {
        auto f_slot = out.add();
        Finding& f = *f_slot;
        if (!open_finding(f, formand_meta, d, dl.start.day)) return;
        judge_running(f, dl, done, end, ctx);
    }
};

// ---- BL-ANB-GENBEH: § 50 (Serviceloven § 62) ---------------------------------------------------------

constexpr RuleVersion genbeh_versions[] = {
    {Law::serviceloven, "§ 62", far_past, barnets_lov_start, Confidence::confirmed_old,
     "1 year, 2 if placed within the year before, 3 for a child under 1 if so decided"},
    {Law::barnets_lov, "§ 50", barnets_lov_start, far_future, Confidence::inferred,
     "the duty to fix a renewal deadline CONFIRMED (VEJ 9148); the 1/2/3-year scheme carried over INFERRED (Ankestyrelsen's "
     "page is pre-2024 text, CONFIRMED-OLD); § 50's text not read; § 47 stk. 4 and § 49 placements covered INFERRED"},
};
// Besides 1 year (the rule's main deadline).
constexpr DeadlineTerm genbeh_other_lengths[] = {
    {.convention = Convention::years_after, .amount = 2, .when = "the child was placed outside the home in the year before, or a renewal"},
    {.convention = Convention::years_after, .when = "the years the decision states (renewal-years-stated)", .amount_from_case = true},
};
constexpr StatuteRecord genbeh_statute{
    .rule = "BL-ANB-GENBEH",
    .read = "§ 67 stk. 1-2; § 142 stk. 1",
    .not_found = "§ 50",
    .source = "§ 50 not found; best secondary sources: Ankestyrelsen, "
              "https://ast.dk/born-familie/sager-om-born-og-unge/genbehandlingsfrister (pre-2024 text); old SEL § 62, "
              "https://danskelove.dk/serviceloven/62; VEJ 9148 sec. 228, https://regelrytter.dk/vej/2024-9148-sec-228. "
              "Read: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "§ 50 is a committee decision (§ 142 stk. 1), has at least 7 stk. (§ 67 stk. 1 cites stk. 7) and is not "
                "made after a permanent placement (§ 67 stk. 2); VEJ 9148 says a genbehandlingsfrist is fixed in every "
                "§ 47 decision. The 1, 2 and 3 years, shortening and extension rest on old SEL § 62.",
    .conflict = "The catalog calls Ankestyrelsen's genbehandlingsfrister page current (undated); it uses the pre-2024 "
                "terms ('børn og unge-udvalget', 'videreført anbringelse'), so it is CONFIRMED-OLD evidence, not "
                "evidence of § 50. The year-lengths stay INFERRED, as the rule marks them.",
};

constexpr const Reason* genbeh_reasons[] = {&reasons::measure_ended};

// The committee's renewal (body committee).
constexpr Evidence genbeh_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::body}};
constexpr RuleMeta genbeh_meta{
    .id = "BL-ANB-GENBEH", .chapter = "placement", .title_da = "Genbehandling af anbringelse uden samtykke", .title_en = "A placement without consent decided again in time",
    .severity = Severity::error, .confidence = Confidence::inferred, .convention = Convention::years_after, .amount = 1,
    .counting = "From the final decision — the committee's, or where it was appealed the latest ruling of Ankestyrelsen "
    "(body=\"appeals-board\") or a court on it — to the deadline fixed in the decision (renewal-due; where several "
    "decisions of that chain fix one, the latest decision's), else renewal-years-stated years, else 2 years when "
    "the child was placed outside the home at any time in the year before the committee's decision and 1 year "
    "otherwise; the same calendar date is still in time.",
    .reading = "Covers the committee's placements without consent (§ 47, also at a 15+'s own wish, § 47 stk. 4, and of an "
    "unborn child, § 49, counted from the decision) and its renewals (§ 50) — INFERRED. Placed in the year before "
    "is judged from the placement periods on file (each placement decision's indsats-start, else its start, else "
    "its date, to its end), which override first-placement when they disagree: with no earlier placement on file in the year before, "
    "1 year, whatever first-placement says (law README, literally). A chair's provisional placement that the committee continues is the "
    "same placement, not an earlier one. A renewal (placement-continued) continues a running placement and is "
    "therefore 2 years. 3 years (a child under 1) only when the decision says so (renewal-years-stated). "
    "Fulfilled by the next committee decision on the placement (kind placement-continued, permanent-placement or "
    "placement-without-consent) that names it or comes after it. A placement that ended before the deadline needs "
    "none (not_applicable).",
    .predecessor = "Serviceloven § 62", .versions = genbeh_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" renewal-due="2025-08-27"/>
<afgoerelse id="d12" at="2025-08-20" kind="placement-continued" body="committee" ref="d3"/>)",
    .changed_from = "1 year unless first-placement=\"false\"; a renewal of a running placement got 1 year; only the committee's decision fixed the clock; own-wish and § 49 placements not covered",
    .other_deadlines = genbeh_other_lengths,
    .reasons = genbeh_reasons,
    .statute = &genbeh_statute,
    .phase = Phase::after,
    .evidence = genbeh_evidence};

bool renews(Value kind) {
    return kind == Value::placement_continued || kind == Value::permanent_placement || kind == Value::placement_without_consent;
}

// The committee decisions that need a renewal: placements without consent (§ 47, § 47 stk. 4, § 49) and renewals (§ 50).
constexpr bool needs_renewal(Value kind) {
    return kind == Value::placement_without_consent || kind == Value::placement_own_wish_15 ||
           kind == Value::placement_unborn_without_consent || kind == Value::placement_continued;
}

bool is_ruling(const Event& e) {
    const auto body = e.value(Attr::body);
    return e.type() == EventType::afgoerelse && (body == Value::appeals_board || body == Value::court);
}

// BL-ANB-GENBEH: whether the child was placed outside the home at any time in the year before a committee
// decision, judged from the placement periods on file. The answer for decision `d` is the first placement
// decision (time order) that is known, keeps a placement going (not a ruling, not refused), was decided before
// d's date and began before it (its indsats-start, else its start, else its date), did not end before the
// year before d, and is not the same placement as d: a chair's provisional decision d names, or a decision of
// the committee naming such a chair's decision (the approval and the ordinary decision continuing it).
//
// Asked for the committee's decisions in time order. Read per decision, every earlier decision (with its
// start and its end) was read again for each, which grew with the square of the case; here each placement
// decision joins the running ones once (when its date and its start are both behind) and leaves them once
// (when it ended before the year before), and the running ones are kept in time order, grouped by the
// chair's decisions that make them the same placement as a later decision, so that a decision skips only
// the groups of the chair's decisions it names. A case of 32 placement decisions or fewer (nearly all) has
// them read in turn, as before.
class EarlierPlacements {
public:
    EarlierPlacements(const Case& c, const EvalContext& ctx, MeasureEnds& ends) : c_(c), ends_(ends) {
        for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
            const Event& x = c.event(k);
            if (!ctx.known(x) || !placement_chain_kind(decision_kind(x)) || is_ruling(x) || x.value(Attr::outcome) == Value::refused)
                continue;
            const Event* started = first_referrer(c, k, EventType::indsats_start, ctx);
            const LocalDay from = started ? started->at().day : x.date(Attr::start).value_or(x.at().day);
            // The chair's decisions that make x the same placement as a decision naming them: x itself, or
            // those a decision of the committee names.
            const auto at = static_cast<std::uint32_t>(chairs_.size());
            const auto body = x.value(Attr::body);
            if (body == Value::chair) chairs_.emplace_back(k);
            else if (body == Value::committee) chairs_of(x, chairs_);
            std::sort(chairs_.begin() + at, chairs_.end());
            chairs_.erase(std::unique(chairs_.begin() + at, chairs_.end()), chairs_.end());
            candidates_.push_back({std::max(x.at().day, from), std::nullopt, k, at, static_cast<std::uint32_t>(chairs_.size()) - at, 0, false, false});
        }
        if (candidates_.size() > 32) index();
    }

    // The earlier placement still running in the year before committee decision `d`, or nullptr; `d` not
    // earlier than the decision asked about before.
    [[nodiscard]] const Event* first_running(const Event& d) {
        const LocalDay day = d.at().day, year_before = years_after(day, -1);
        Chairs named;  // the chair's decisions d names: their placements are d's
        chairs_of(d, named);
        std::sort(named.begin(), named.end());
        auto same = [&](const Candidate& x) {
            const auto key = chairs(x);
            return std::find_first_of(key.begin(), key.end(), named.begin(), named.end()) != key.end();
        };
        if (!indexed_) {  // a few: read in turn, each one's end found when needed
            for (const Candidate& x : candidates_) {
                if (x.entry >= day || same(x)) continue;
                const auto end = ends_.of(c_.event(x.index));
                if (!end || *end >= year_before) return &c_.event(x.index);
            }
            return nullptr;
        }
        for (; next_entry_ < by_entry_.size() && candidates_[by_entry_[next_entry_]].entry < day; ++next_entry_) {
            Candidate& x = candidates_[by_entry_[next_entry_]];
            if (x.left) continue;  // ended before it began to count
            x.running = true;
            insert(x);
        }
        for (; next_end_ < by_end_.size() && *candidates_[by_end_[next_end_]].end < year_before; ++next_end_) {
            Candidate& x = candidates_[by_end_[next_end_]];
            x.left = true;
            if (x.running) erase(x), x.running = false;
        }
        // The first running placement of each group, in time order: a group is skipped whole.
        for (const auto& [index, group] : firsts_)
            if (!same(candidates_[*members_[group].begin()])) return &c_.event(index);
        return nullptr;
    }

private:
    using Chairs = boost::container::small_vector<std::uint32_t, 4>;
    template <class List>
    void chairs_of(const Event& x, List& out) const {
        for (std::uint32_t r : x.refs())
            if (c_.event(r).type() == EventType::afgoerelse && c_.event(r).value(Attr::body) == Value::chair) out.emplace_back(r);
    }
    struct Candidate {
        LocalDay entry;               // it counts for decisions dated after this day (its date and its start)
        std::optional<LocalDay> end;  // it no longer counts once the year before begins after this day (indexed)
        std::uint32_t index;
        std::uint32_t chairs_at, chairs_n;  // in chairs_, sorted
        std::uint32_t group;
        bool running, left;
    };
    [[nodiscard]] std::span<const std::uint32_t> chairs(const Candidate& x) const { return {chairs_.data() + x.chairs_at, x.chairs_n}; }

    // Many: each joins the running ones once and leaves once, kept by group (the same chair's decisions).
    void index() {
        indexed_ = true;
        for (Candidate& x : candidates_) x.end = ends_.of(c_.event(x.index));
        std::map<std::vector<std::uint32_t>, std::uint32_t> groups;
        for (Candidate& x : candidates_) {
            const auto key = chairs(x);
            const auto [group, added] = groups.try_emplace(std::vector<std::uint32_t>(key.begin(), key.end()), static_cast<std::uint32_t>(members_.size()));
            if (added) members_.emplace_back();
            x.group = group->second;
        }
        by_entry_.resize(candidates_.size());
        for (std::uint32_t n = 0; n < by_entry_.size(); ++n) by_entry_[n] = n;
        std::stable_sort(by_entry_.begin(), by_entry_.end(), [&](std::uint32_t a, std::uint32_t b) { return candidates_[a].entry < candidates_[b].entry; });
        for (std::uint32_t n = 0; n < candidates_.size(); ++n)
            if (candidates_[n].end) by_end_.emplace_back(n);
        std::stable_sort(by_end_.begin(), by_end_.end(), [&](std::uint32_t a, std::uint32_t b) { return *candidates_[a].end < *candidates_[b].end; });
    }
    // members_ hold candidates' positions (time order, as their indices).
    void insert(const Candidate& x) {
        const auto pos = static_cast<std::uint32_t>(&x - candidates_.data());
        auto& m = members_[x.group];
        if (!m.empty() && *m.begin() > pos) firsts_.erase({candidates_[*m.begin()].index, x.group});
        if (m.empty() || *m.begin() > pos) firsts_.insert({x.index, x.group});
        m.insert(pos);
    }
    void erase(const Candidate& x) {
        const auto pos = static_cast<std::uint32_t>(&x - candidates_.data());
        auto& m = members_[x.group];
        if (*m.begin() == pos) {
            firsts_.erase({x.index, x.group});
            m.erase(m.begin());
            if (!m.empty()) firsts_.insert({candidates_[*m.begin()].index, x.group});
        } else {
            m.erase(pos);
        }
    }

    const Case& c_;
    MeasureEnds& ends_;
    boost::container::small_vector<Candidate, 4> candidates_;  // in time order
    IndexList chairs_;
    bool indexed_ = false;
    std::vector<std::uint32_t> by_entry_, by_end_;
    std::size_t next_entry_ = 0, next_end_ = 0;
    std::vector<std::set<std::uint32_t>> members_;              // group -> its running placements
    std::set<std::pair<std::uint32_t, std::uint32_t>> firsts_;  // (the first running placement's event, group) per group
};

class PlacementRenewal final : public RuleImpl {
public:
    PlacementRenewal() : RuleImpl(KindSet::where(needs_renewal)) {}
    const RuleMeta& meta() const override { return genbeh_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        MeasureEnds ends(c, ctx);
        Deferred<EarlierPlacements> earlier;                 // on first need
        Deferred<IndexList> renewals;  // the committee's known renewals, on first need
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const Value kind = decision_kind(d);
            if (!ctx.known(d) || d.value(Attr::body) != Value::committee || !needs_renewal(kind) ||
                d.value(Attr::outcome) == Value::refused)
                continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, genbeh_meta, d, d.at().day)) continue;
            // The chain of final decisions: the committee's, then each ruling of Ankestyrelsen or a court on a
            // complaint about the last (naming the complaint, or the decision itself). The clock runs from the
            // last; a deadline fixed by the latest decision that fixes one wins.
            const Event* final_decision = &d;
            const Event* fixed_by = d.has(Attr::renewal_due) ? &d : nullptr;
            const Event* years_by = d.has(Attr::renewal_years_stated) ? &d : nullptr;
            for (int depth = 0; depth < 4; ++depth) {
                const Event* ruling = nullptr;
                auto consider = [&](const Event& e) {
                    if (is_ruling(e) && ctx.known(e) && e.at().day >= final_decision->at().day &&
                        (!ruling || e.index() > ruling->index()))
                        ruling = &e;
                };
                for (std::uint32_t r : c.referrers(final_decision->index())) {
                    const Event& k = c.event(r);
                    if (k.type() == EventType::klage && ctx.known(k))
                        for (std::uint32_t q : c.referrers(r)) consider(c.event(q));
                    else consider(k);
                }
                if (!ruling) break;
                final_decision = ruling;
                use(f, ruling, EventRole::related);
                if (ruling->has(Attr::renewal_due)) fixed_by = ruling;
                if (ruling->has(Attr::renewal_years_stated)) years_by = ruling;
            }
            const LocalDay base = final_decision->at().day;
            Deadline dl;
            if (fixed_by) {
                // A deadline fixed in a decision is not counted: Convention::none says so in the text.
                dl = detail::due_on(DueBy::fixed_in_decision, Moment{{}, base, false}, *fixed_by->date(Attr::renewal_due), ctx.calendar);
                f.attribute = Attr::renewal_due;
            } else {
                const Moment from{{}, base, false};
                if (years_by)
                    dl = detail::make_deadline(genbeh_other_lengths[1], static_cast<int>(*years_by->number(Attr::renewal_years_stated)), from,
                                               ctx.calendar);
                else if (placed_in_year_before(c, d, ctx, ends, earlier, f))
                    dl = detail::make_deadline(genbeh_other_lengths[0], from, ctx.calendar);
                else
                    dl = detail::make_deadline(genbeh_meta, from, ctx.calendar);
            }
            // The first renewal by the committee naming the decision or dated after its date: the
            // earlier of the first among its referrers and the first from the next day on (the
            // renewals listed once: a scan of the later decisions per decision grew with the square of
            // the case where none of them was a renewal).
            auto renewal = [&](std::uint32_t k) {
                const Event& e = c.event(k);
                return e.type() == EventType::afgoerelse && k != i && ctx.known(e) && e.value(Attr::body) == Value::committee &&
                       renews(decision_kind(e));
            };
            const auto refs = c.referrers(i);
            const auto linked = std::find_if(refs.begin(), refs.end(), renewal);
            std::optional<std::uint32_t> after;  // the first from the next day on: a few read in turn, else listed
            const auto later = from_day(c, c.events_of(EventType::afgoerelse), d.at().day + date::days{1});
            const auto near = later.first(std::min<std::size_t>(later.size(), 32));
            if (const auto it = std::find_if(near.begin(), near.end(), renewal); it != near.end()) {
                after = *it;
            } else if (near.size() < later.size()) {
                if (!renewals) {
                    renewals.emplace();
                    for (std::uint32_t k : c.events_of(EventType::afgoerelse))
                        if (renewal(k)) renewals->emplace_back(k);
                }
                if (const auto listed = from_day(c, all(*renewals), d.at().day + date::days{1}); !listed.empty()) after = listed.front();
            }
            std::optional<std::uint32_t> first;
            if (linked != refs.end()) first = *linked;
            if (after && (!first || *after < *first)) first = after;
            const Event* next = first ? &c.event(*first) : nullptr;
            const auto end = ends.of(d);
            judge_running(f, dl, next, end, ctx);
        }
    }

private:
    // Whether the child was placed outside the home at any time in the year before committee decision `d`,
    // judged from the placement periods on file; the earlier placement found is named on the finding.
    static bool placed_in_year_before(const Case& c, const Event& d, const EvalContext& ctx, MeasureEnds& ends,
                                      Deferred<EarlierPlacements>& earlier, Finding& f) {
        // A renewal continues a running placement: placed throughout the year before.
        if (decision_kind(d) == Value::placement_continued) return true;
        if (!earlier) earlier.emplace(c, ctx, ends);
        // The periods on file decide, and override first-placement where the two disagree (law README): with
        // none in the year before, the child was not placed then, whatever the decision states.
        const Event* x = earlier->first_running(d);
        use(f, x, EventRole::related);
        return x != nullptr;
    }
};

// ---- BL-UNG-111-6M and BL-UNG-111-PLAN: § 111 (Serviceloven § 68 stk. 11) ------------------------------

constexpr RuleVersion u6m_versions[] = {
    {Law::serviceloven, "§ 68 stk. 11", far_past, barnets_lov_start, Confidence::confirmed_old, "the same 6 months"},
    {Law::barnets_lov, "§ 111 stk. 1", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord u6m_statute{
    .rule = "BL-UNG-111-6M",
    .read = "§ 111 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/111",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The handlekommune decides on ungestøtte under §§ 114-116 and 120 at the latest 6 months before a "
                "placement ends at the 18th birthday.",
};

constexpr const Reason* u6m_reasons[] = {&reasons::measure_ended, &reasons::age_unknown};

// The ungestøtte decision.
constexpr Evidence u6m_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta u6m_meta{
    .id = "BL-UNG-111-6M", .chapter = "aftercare", .title_da = "Afgørelse om ungestøtte senest 6 måneder før det 18. år",
    .title_en = "The ungestøtte decision at least 6 months before the 18th birthday", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::months_before, .amount = 6,
    .counting = "The limit day is the same day-of-month 6 months before the 18th birthday (clamped to the month's end); an upper "
    "bound (\"at the latest\"), met by a decision on or before the limit day, by the end of it: by age 17½ (law "
    "README, months before a date; INFERRED).",
    .reading = "For each placement (an indsats-start of a placement decision) still running on that day. Fulfilled by a "
    "decision of kind ungestoette, granted or refused, dated after the placement started. The finding appears from a "
    "year before the due day (so the warning list is not filled with deadlines years ahead). The version is that in "
    "force on the due day. No birth date: indeterminate. The month-end clamp is UNCONFIRMED (catalog).",
    .predecessor = "Serviceloven § 68 stk. 11", .versions = u6m_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<indsats-start id="m3" at="2023-05-02" ref="d4"/>
<afgoerelse id="d13" at="2025-02-14" kind="ungestoette" outcome="granted"/>)",
    .reasons = u6m_reasons,
    .statute = &u6m_statute,
    .evidence = u6m_evidence};

class UngestoetteSixMonths final : public RuleImpl {
public:
    UngestoetteSixMonths() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return u6m_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        std::optional<std::vector<std::uint32_t>> support;  // the known ungestøtte decisions, on first need
        MeasureEnds ends(c, ctx);
        for (std::uint32_t i : c.events_of(EventType::indsats_start)) {
            const Event& start = c.event(i);
            const Event* decision = measure_decision(c, start);
            if (!ctx.known(start) || !decision || !is_placement(decision_kind(*decision))) continue;
            if (!c.child().birth_date) {
                auto f_slot = out.add();
                Finding& f = *f_slot;
                if (!open_finding(f, u6m_meta, start, start.at().day)) continue;
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            const LocalDay eighteen = birthday(*c.child().birth_date, 18);
            const LocalDay due = months_before(eighteen, 6);
            if (start.at().day > due) continue;  // placed after 17½: no such decision could be due
            const auto end = ends.of(*decision);
            if (due > ctx.as_of_day + date::days{366}) continue;  // not yet within a year of the due day
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, u6m_meta, start, due)) continue;
            Deadline dl = detail::make_deadline(u6m_meta, Moment{{}, eighteen, false}, ctx.calendar);
            // The first ungestøtte decision from the start on; listed once for every placement.
            if (!support) {
                support.emplace();
                for (std::uint32_t k : c.events_of(EventType::afgoerelse))
                    if (ctx.known(c.event(k)) && decision_kind(c.event(k)) == Value::ungestoette) support->emplace_back(k);
            }
            const auto from_start = from_day(c, *support, start.at().day);
            const Event* done = from_start.empty() ? nullptr : &c.event(from_start.front());
            judge_running(f, dl, done, end, ctx);
        }
    }
};

constexpr RuleVersion uplan_versions[] = {
    {Law::barnets_lov, "§ 111 stk. 2-3", barnets_lov_start, far_future, Confidence::confirmed,
     "the catalog names SEL § 68 stk. 11 but no ungeplan existed then: not_applicable before 2024"},
};
constexpr StatuteRecord uplan_statute{
    .rule = "BL-UNG-111-PLAN",
    .read = "§ 111 stk. 2-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/111",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Before that decision the ungeplan (or the relevant parts of the helhedsorienteret plan) is revised "
                "together with the young person, covering education, employment and other matters; after a "
                "forbedringsforløb an ungeplan is made first.",
};

constexpr const Reason* uplan_reasons[] = {
    &reasons::plan_missing, &reasons::plan_after_decision, &reasons::record_too_old, &reasons::record_serves_earlier,
    &reasons::record_order_unknown,
};

constexpr Evidence uplan_evidence[] = {{.type = EventType::plan}};
constexpr RuleMeta uplan_meta{
    .id = "BL-UNG-111-PLAN", .chapter = "aftercare", .title_da = "Revideret ungeplan før afgørelsen om ungestøtte",
    .title_en = "The ungeplan revised before the ungestøtte decision", .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "Ordering, no deadline: before the § 111 decision on ungestøtte, the ungeplan (or the relevant part of a "
    "helhedsorienteret plan) has been revised with the young person.",
    .reading = "An ungeplan (plan kind=\"ungeplan\" or \"helhedsorienteret-plan\") that serves the ungestøtte decision by the law "
    "README's serving rule (naming it, or naming no decision, dated after the previous decision about the young person "
    "and within before-record-months before this one); the same date without times is indeterminate, as is a plan "
    "that exists but serves another decision; none at all before it is violated. The young person's participation and the "
    "plan's content on education and work are not in structured fields. Before 2024 not_applicable.",
    .predecessor = "Serviceloven § 68 stk. 11 (no ungeplan then)", .versions = uplan_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<plan id="up2" at="2025-01-20" kind="ungeplan" revision="true"/>
<afgoerelse id="d13" at="2025-02-14" kind="ungestoette" outcome="granted"/>)",
    .changed_from = "any ungeplan dated before the ungestøtte decision counted, however old and whatever decision it was for",
    .reasons = uplan_reasons,
    .statute = &uplan_statute,
    .phase = Phase::before,
    .evidence = uplan_evidence};

class UngeplanBeforeUngestoette final : public RuleImpl {
public:
    UngeplanBeforeUngestoette() : RuleImpl(KindSet{Value::ungestoette}) {}
    const RuleMeta& meta() const override { return uplan_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        // The ungeplan is a before-record of the ungestøtte decision (law README, serving rule).
        Deferred<PlanServing> plans;  // listed on first need
        for_each_trigger(c, ctx, out, uplan_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::ungestoette; },
                         [&](const Event& d, Finding& f) {
            if (!plans) plans.emplace(c, ctx, [](const Event&) { return false; }, youth_plan);
            judge_plan_before(plans->before(d), f);
        });
    }

private:
    static bool youth_plan(const Event& p) {
        const auto kind = p.value(Attr::kind);
        return p.type() == EventType::plan && (kind == Value::ungeplan || kind == Value::helhedsorienteret_plan);
    }
};

}  // namespace

const Rule& chair_provisional_decision() {
    static const ChairProvisional rule;
    return rule;
}
const Rule& placement_renewal() {
    static const PlacementRenewal rule;
    return rule;
}
const Rule& ungestoette_six_months() {
    static const UngestoetteSixMonths rule;
    return rule;
}
const Rule& ungeplan_before_ungestoette() {
    static const UngeplanBeforeUngestoette rule;
    return rule;
}

}  // namespace barnetslov::rules

// ---- BL-ANB-BUU-LIST, BL-ANB-49-UNBORN, BL-SAMV-BUU-105, BL-TILS-NOTIFY-ST -----------------------------

namespace barnetslov::rules {
namespace {

namespace reasons {

// decided before the law allows (§ 49: 3 months before the due date)
constexpr Reason too_early{
    .key = "too_early",
    .da = "Afgørelsen er truffet tidligere, end loven tillader.",
    .en = "The decision was made earlier than the law allows.",
};

// the file gives no expected due date for an unborn child
constexpr Reason due_date_unknown{
    .key = "due_date_unknown",
    .da = "Sagen angiver ingen terminsdato for det ufødte barn (child due-date).",
    .en = "The file gives no expected due date for the unborn child (child due-date).",
};

// a measure the law requires to be time-limited has no end date
constexpr Reason open_ended{
    .key = "open_ended",
    .da = "Afgørelsen angiver ingen slutdato, selv om foranstaltningen skal være tidsbegrænset.",
    .en = "The decision states no end date, though the measure must be time-limited.",
};

}  // namespace reasons

using namespace rules_detail;

// The decision kinds § 142 stk. 1 reserves to the børne- og ungeudvalg (its chair may decide them
// provisionally under § 143).
constexpr bool reserved_to_committee(Value kind) {
    switch (kind) {
        case Value::investigation_without_consent:     // § 23
        case Value::placement_without_consent:         // § 47
        case Value::placement_own_wish_15:             // § 47 stk. 4
        case Value::placement_unborn_without_consent:  // § 49
        case Value::placement_continued:               // § 50
        case Value::permanent_placement:               // § 67
        case Value::contact_restriction:               // § 105
        case Value::foster_care_no_move:               // § 42 stk. 4
        case Value::secure_institution:                // §§ 61-63
            return true;
        default: return false;
    }
}

constexpr RuleVersion list_versions[] = {
    {Law::serviceloven, "§ 74", far_past, barnets_lov_start, Confidence::confirmed_old, "the same decisions under SEL §§ 51, 58, 62, 68 a, 71"},
    {Law::barnets_lov, "§ 142 stk. 1", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord list_statute{
    .rule = "BL-ANB-BUU-LIST",
    .read = "§ 142 stk. 1",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/142",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The committee decides in a meeting under §§ 23, 40, 42 stk. 4, 47, 49, 50 (opretholdelse), 61-63, 67, "
                "98 stk. 4 and 105, approves provisional decisions under § 143 stk. 4, and decides two "
                "voksenansvarslov measures. The rule checks the kinds the case vocabulary has: § 40 (medical-without-consent) is BL-LAEGE-40's, and "
                "§ 98 stk. 4 is BL-ANB-CHANGE-98's.",
};

constexpr const Reason* list_reasons[] = {&reasons::wrong_body, &reasons::right_body};

// Judged from the decision's own body (unstated: the municipality's, a breach; a file that never
// states one cannot tell a committee's decision).
constexpr Evidence list_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::body}};
constexpr RuleMeta list_meta{
    .id = "BL-ANB-BUU-LIST", .chapter = "placement", .title_da = "Afgørelser forbeholdt børne- og ungeudvalget", .title_en = "Decisions reserved to the børne- og ungeudvalg",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: undersøgelse without consent (§ 23), placement without consent (§ 47, also at a 15+'s own wish), "
    "of an unborn child (§ 49), its renewal (§ 50), permanent placement (§ 67), restricted contact (§ 105), a secure or partly "
    "closed institution (§§ 61-63) and 'no move' in private foster care (§ 42 stk. 4) are decided by the børne- og ungeudvalg, or provisionally by its chair.",
    .reading = "body=\"committee\" or \"chair\" is met; any other body, including the default (municipality), is violated "
    "(a competence violation). Decisions of Ankestyrelsen or a court on a complaint are outside the rule.",
    .predecessor = "Serviceloven § 74", .versions = list_versions, .statuses = status_bits({Status::met, Status::violated}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>)",
    .reasons = list_reasons,
    .statute = &list_statute,
    .phase = Phase::before,
    .evidence = list_evidence};

class ReservedToCommittee final : public RuleImpl {
public:
    ReservedToCommittee() : RuleImpl(KindSet::where(reserved_to_committee)) {}
    const RuleMeta& meta() const override { return list_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const auto body = d.value(Attr::body);
            if (!ctx.known(d) || !reserved_to_committee(decision_kind(d)) || body == Value::appeals_board || body == Value::court) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, list_meta, d, d.at().day)) continue;
            const bool ok = body == Value::committee || body == Value::chair;
            f.attribute = Attr::body;
            f.status = ok ? Status::met : Status::violated;
            f.reason = ok ? &reasons::right_body : &reasons::wrong_body;
        }
    }
};

constexpr RuleVersion unborn_versions[] = {
    {Law::barnets_lov, "§ 49", barnets_lov_start, far_future, Confidence::confirmed, "new in barnets lov"},
};
constexpr StatuteRecord unborn_statute{
    .rule = "BL-ANB-49-UNBORN",
    .read = "§ 49 stk. 1-3",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/49",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "In very special cases the committee may decide without the expectant parents' consent that the unborn "
                "child is placed after birth; the decision is an afgørelse under § 47 stk. 1 and is made at the earliest "
                "3 months before the woman's due date (stk. 3).",
};

constexpr const Reason* unborn_reasons[] = {&reasons::too_early, &reasons::due_date_unknown};

// Judged from the decision's date and the child's due date alone: always data.
constexpr Evidence unborn_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta unborn_meta{
    .id = "BL-ANB-49-UNBORN", .chapter = "placement", .title_da = "Anbringelse af et ufødt barn uden samtykke tidligst 3 måneder før termin",
    .title_en = "Placing an unborn child without consent not earlier than 3 months before the due date", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::months_before, .amount = 3,
    .counting = "The limit day is the same day-of-month 3 months before the expected due date (the child's due-date), clamped to "
    "the month's end; a lower bound (\"at the earliest\"), met by a decision on or after the limit day: the limit is "
    "00:00 local on that day (law README, months before a date; INFERRED).",
    .reading = "No due date in the file: indeterminate. Who decides is BL-ANB-BUU-LIST; the § 26 undersøgelse before it is "
    "BL-UNDS-PRE-ANB. New in barnets lov: not_applicable before 2024.",
    .predecessor = "none (new in barnets lov)", .versions = unborn_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<child id="barn" due-date="2025-02-10"/>
<afgoerelse id="d14" at="2024-11-18" kind="placement-unborn-without-consent" body="committee"/>)",
    .reasons = unborn_reasons,
    .statute = &unborn_statute,
    .phase = Phase::before,
    .evidence = unborn_evidence};

class UnbornNotTooEarly final : public RuleImpl {
public:
    UnbornNotTooEarly() : RuleImpl(KindSet{Value::placement_unborn_without_consent}) {}
    const RuleMeta& meta() const override { return unborn_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, unborn_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::placement_unborn_without_consent; },
                         [&](const Event& d, Finding& f) {
            if (!c.child().due_date) {
                f.status = Status::indeterminate;
                f.reason = &reasons::due_date_unknown;
                return;
            }
            Deadline limit = detail::make_deadline(unborn_meta, Moment{{}, *c.child().due_date, false}, ctx.calendar);
            detail::set_limit_from_start(limit, limit.due_day, ctx.calendar);  // "not earlier than": from 00:00
            f.deadline = limit;
            f.done = d.at();
            // Here the limit is the earliest day allowed: a margin > 0 is days to spare after it.
            f.margin = (d.at().day - limit.due_day).count();
            f.margin_unit = MarginUnit::days;
            f.status = d.at().day >= limit.due_day ? Status::met : Status::violated;
            f.reason = d.at().day >= limit.due_day ? &reasons::done_in_time : &reasons::too_early;
        });
    }
};

constexpr RuleVersion buu105_versions[] = {
    {Law::serviceloven, "§ 71 stk. 3-4", far_past, barnets_lov_start, Confidence::confirmed_old, "for a fixed period"},
    {Law::barnets_lov, "§ 105", barnets_lov_start, far_future, Confidence::confirmed, "for a fixed period; no maximum in the text read"},
};
constexpr StatuteRecord buu105_statute{
    .rule = "BL-SAMV-BUU-105",
    .read = "§ 105 stk. 1-2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/105",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "When the child's health or development requires it, the committee may 'for en bestemt periode' order "
                "supervised samvær, cut off contact or keep the placement address secret (stk. 1); on knowledge or "
                "suspicion of abuse by the contact person it must, unless special circumstances speak against it "
                "(stk. 2). No maximum period.",
};

constexpr const Reason* buu105_reasons[] = {&reasons::stated, &reasons::open_ended};

// Judged from the decision's own end.
constexpr Evidence buu105_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::end}};
constexpr RuleMeta buu105_meta{
    .id = "BL-SAMV-BUU-105", .chapter = "contact", .title_da = "Overvåget samvær, afbrudt kontakt eller hemmelig adresse for en bestemt periode",
    .title_en = "Supervised contact, cut-off contact or a secret address for a fixed period", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline and no maximum: a § 105 decision (kind contact-restriction) is for a fixed period, so it states its "
    "end (end).",
    .reading = "No end date is violated (an open-ended decision). Who decides is BL-ANB-BUU-LIST; hearing a non-custodial parent "
    "is not checked yet.",
    .predecessor = "Serviceloven § 71 stk. 3-4", .versions = buu105_versions, .statuses = status_bits({Status::met, Status::violated}),
    .example = R"(<afgoerelse id="d15" at="2024-11-26" kind="contact-restriction" body="committee" start="2024-12-01" end="2025-05-31"/>)",
    .reasons = buu105_reasons,
    .statute = &buu105_statute,
    .phase = Phase::with,
    .evidence = buu105_evidence};

class FixedPeriodRestriction final : public RuleImpl {
public:
    FixedPeriodRestriction() : RuleImpl(KindSet{Value::contact_restriction}) {}
    const RuleMeta& meta() const override { return buu105_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, buu105_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::contact_restriction; },
                         [&](const Event& d, Finding& f) {
            f.attribute = Attr::end;
            f.status = d.has(Attr::end) ? Status::met : Status::violated;
            f.reason = d.has(Attr::end) ? &reasons::stated : &reasons::open_ended;
        });
    }
};

constexpr RuleVersion notify_versions[] = {
    {Law::serviceloven, "§ 148", far_past, barnets_lov_start, Confidence::confirmed_old, ""},
    {Law::barnets_lov, "§ 156 stk. 4", barnets_lov_start, far_future, Confidence::confirmed, "no deadline stated (UNCONFIRMED)"},
};
constexpr StatuteRecord notify_statute{
    .rule = "BL-TILS-NOTIFY-ST",
    .read = "§ 156 stk. 4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/156",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Worrying conditions found at a tilbud are notified to the municipality responsible for its operational "
                "supervision under socialtilsynsloven § 2. No deadline.",
};

constexpr const Reason* notify_reasons[] = {&reasons::step_recorded, &reasons::step_outstanding};

constexpr Evidence notify_evidence[] = {{.type = EventType::underretning_socialtilsyn}};
constexpr RuleMeta notify_meta{
    .id = "BL-TILS-NOTIFY-ST", .chapter = "supervision", .title_da = "Underretning af socialtilsynet om bekymrende forhold",
    .title_en = "Worrying conditions at a placement notified to the socialtilsyn", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline is stated: worrying conditions found at a supervision visit (concern=\"true\") are notified to the "
    "competent socialtilsyn.",
    .reading = "Met when an underretning-socialtilsyn names the visit; until then pending without a due date.",
    .predecessor = "Serviceloven § 148", .versions = notify_versions, .statuses = status_bits({Status::met, Status::pending}),
    .example = R"(<tilsynsbesoeg id="tb1" at="2024-10-15" ref="m2" concern="true"/>
<underretning-socialtilsyn id="ust1" at="2024-10-16" ref="tb1"/>)",
    .reasons = notify_reasons,
    .statute = &notify_statute,
    .evidence = notify_evidence};

class SocialtilsynNotice final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return notify_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, notify_meta, EventType::tilsynsbesoeg, [&](const Event& v) { return v.flag(Attr::concern) == true; },
                         [&](const Event& v, Finding& f) {
            const std::uint32_t i = v.index();
            const Event* notice = first_referrer(c, i, EventType::underretning_socialtilsyn, ctx);
            use(f, notice, EventRole::fulfilment);
            f.status = notice ? Status::met : Status::pending;
            f.reason = notice ? &reasons::step_recorded : &reasons::step_outstanding;
        });
    }
};

}  // namespace

const Rule& reserved_to_committee() {
    static const ReservedToCommittee rule;
    return rule;
}
const Rule& unborn_not_too_early() {
    static const UnbornNotTooEarly rule;
    return rule;
}
const Rule& fixed_period_restriction() {
    static const FixedPeriodRestriction rule;
    return rule;
}
const Rule& socialtilsyn_notice() {
    static const SocialtilsynNotice rule;
    return rule;
}

}  // namespace barnetslov::rules

// ---- BL-ANB-PERM-67, BL-ANB-PERM-CONSIDER, BL-UNG-REESTABLISH -------------------------------------------

namespace barnetslov::rules {
namespace {

namespace reasons {

// § 67: placed at least 3 years before
constexpr Reason placement_long_enough{
    .key = "placement_long_enough",
    .da = "Barnet havde været anbragt i mindst 3 år.",
    .en = "The child had been placed for at least 3 years.",
};

constexpr Reason placement_too_short{
    .key = "placement_too_short",
    .da = "Barnet havde været anbragt i mindre end 3 år.",
    .en = "The child had been placed for less than 3 years.",
};

// the file shows no earlier placement to count from
constexpr Reason placement_history_unknown{
    .key = "placement_history_unknown",
    .da = "Sagen viser ingen tidligere anbringelse at regne de 3 år fra.",
    .en = "The file shows no earlier placement to count the 3 years from.",
};

constexpr Reason adoption_considered{
    .key = "adoption_considered",
    .da = "Adoption blev overvejet i forbindelse med afgørelsen.",
    .en = "Adoption was considered with the decision.",
};

constexpr Reason adoption_not_considered{
    .key = "adoption_not_considered",
    .da = "Der er ingen registreret overvejelse af adoption ved afgørelsen.",
    .en = "There is no recorded consideration of adoption with the decision.",
};

constexpr Reason within_age_limit{
    .key = "within_age_limit",
    .da = "Ungestøtten blev bevilget før det 23. år.",
    .en = "The ungestøtte was granted before the 23rd birthday.",
};

// support granted after the age the law allows
constexpr Reason over_age_limit{
    .key = "over_age_limit",
    .da = "Ungestøtten blev bevilget efter det 23. år.",
    .en = "The ungestøtte was granted after the 23rd birthday.",
};

}  // namespace reasons

using namespace rules_detail;

constexpr RuleVersion perm_versions[] = {
    {Law::serviceloven, "§ 68 a", far_past, barnets_lov_start, Confidence::confirmed_old, "videreført anbringelse after 3 years"},
    {Law::barnets_lov, "§ 67 stk. 1", barnets_lov_start, far_future, Confidence::confirmed,
     "the exceptions in § 50 stk. 7 and § 68 stk. 2 are UNCONFIRMED and not modelled"},
};
constexpr StatuteRecord perm_statute{
    .rule = "BL-ANB-PERM-67",
    .read = "§ 67 stk. 1-4",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/67",
    .noted_in = "statute-notes.md (stk. 1-2); issue 14 lookup (stk. 3-4)",
    .read_on = december_2026,
    .confirms = "A permanent placement needs at least 3 years in placement under § 46 stk. 1 or § 47 stk. 1, 'jf. dog "
                "§ 50, stk. 7, og § 68, stk. 2'; no § 50 decision follows it (stk. 2); a 15+ consents (stk. 3); the "
                "indstilling holds a revised undersøgelse and plan, an authorised psychologist's assessment and the "
                "child's view (stk. 4).",
};

constexpr const Reason* perm_reasons[] = {
    &reasons::placement_long_enough, &reasons::placement_too_short, &reasons::placement_history_unknown,
};

// Judged from the decision and the placements on file alone: always data.
constexpr Evidence perm_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta perm_meta{
    .id = "BL-ANB-PERM-67", .chapter = "placement", .title_da = "Permanent anbringelse først efter 3 års anbringelse",
    .title_en = "A permanent placement only after 3 years of placement", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::years_after, .amount = 3,
    .counting = "The child has been placed (§ 46 stk. 1 or § 47 stk. 1) since at least 3 years before the decision: the earliest "
    "placement start is on or before the decision's date minus 3 years (clamped).",
    .reading = "The placement start is the earliest indsats-start of a placement decision, else the earliest placement "
    "decision. None in the file: indeterminate. The exceptions to the 3 years are UNCONFIRMED and not modelled; the "
    "15+'s consent is BL-BARN-CONSENT15, the deciding body BL-ANB-BUU-LIST.",
    .predecessor = "Serviceloven § 68 a", .versions = perm_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<indsats-start id="m1" at="2021-03-01" ref="d1"/>
<afgoerelse id="d20" at="2024-06-18" kind="permanent-placement" body="committee"/>)",
    .reasons = perm_reasons,
    .statute = &perm_statute,
    .phase = Phase::before,
    .evidence = perm_evidence};

class PermanentAfterThreeYears final : public RuleImpl {
public:
    PermanentAfterThreeYears() : RuleImpl(KindSet{Value::permanent_placement}) {}
    const RuleMeta& meta() const override { return perm_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        std::optional<std::pair<const Event*, const Event*>> earliest;  // (start, decision), on first need
        for_each_trigger(c, ctx, out, perm_meta, EventType::afgoerelse, [&](const Event& d) { return decision_kind(d) == Value::permanent_placement && d.value(Attr::outcome) != Value::refused; },
                         [&](const Event& d, Finding& f) {
            // BL-ANB-PERM-67: the earliest placement start and the earliest placement decision, found
            // once; searching the starts and decisions per permanent placement grew with the square of
            // the case. Events are in time order, so a placement dated before this decision exists exactly
            // when the earliest one is.
            if (!earliest) {
                earliest.emplace(nullptr, nullptr);
                for (std::uint32_t k : c.events_of(EventType::indsats_start)) {
                    const Event& s = c.event(k);
                    const Event* placed = measure_decision(c, s);
                    if (placed && is_placement(decision_kind(*placed)) && placed->value(Attr::outcome) != Value::refused) {
                        earliest->first = &s;
                        break;
                    }
                }
                for (std::uint32_t k : c.events_of(EventType::afgoerelse)) {
                    const Event& e = c.event(k);
                    if (is_placement(decision_kind(e)) && e.value(Attr::outcome) != Value::refused) {
                        earliest->second = &e;
                        break;
                    }
                }
            }
            const auto placed_before = [&](const Event* e) { return e && e->at().day < d.at().day ? e : nullptr; };
            const Event* since = placed_before(earliest->first);
            if (!since) since = placed_before(earliest->second);
            if (!since) {
                f.status = Status::indeterminate;
                f.reason = &reasons::placement_history_unknown;
                return;
            }
            use(f, since, EventRole::related);
            const LocalDay earliest_start = years_after(d.at().day, -3);
            f.margin = (earliest_start - since->at().day).count();  // days more than the 3 years
            f.margin_unit = MarginUnit::days;
            f.status = since->at().day <= earliest_start ? Status::met : Status::violated;
            f.reason = since->at().day <= earliest_start ? &reasons::placement_long_enough : &reasons::placement_too_short;
        });
    }
};

constexpr RuleVersion consider_versions[] = {
    {Law::barnets_lov, "§ 69 stk. 1", barnets_lov_start, far_future, Confidence::confirmed,
     "the predecessor (SEL § 68 d) is UNCONFIRMED: not_applicable before 2024"},
};
constexpr StatuteRecord consider_statute{
    .rule = "BL-ANB-PERM-CONSIDER",
    .read = "§ 69 stk. 1-2",
    .source = "https://regelrytter.dk/barnets-lov/eli-lta-2025-282-sec-69 (LBK 282)",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Where the child must be assumed to be placed for many years, adoption is considered at placements under "
                "§§ 46, 47 and 49, continued placement under § 50, permanent placement under § 67 and placements by the "
                "Ungdomskriminalitetsnævn (stk. 1), and for the coming child of a parent whose child was placed or "
                "adopted for lacking parenting ability (stk. 2).",
};

constexpr const Reason* consider_reasons[] = {
    &reasons::not_stated, &reasons::statement_unknown, &reasons::adoption_considered, &reasons::adoption_not_considered,
};

// The consideration, where the decision says long-placement-expected.
constexpr Evidence consider_evidence[] = {{.type = EventType::adoptionsovervejelse}, {.type = EventType::afgoerelse, .attr = Attr::long_placement_expected}};
constexpr RuleMeta consider_meta{
    .id = "BL-ANB-PERM-CONSIDER", .chapter = "placement", .title_da = "Overvejelse af adoption ved langvarig anbringelse",
    .title_en = "Adoption considered at each decision where a long placement is expected", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "Event-bound, no deadline: with each placement under § 46, § 47 or § 49, each renewal under § 50 and each permanent "
    "placement under § 67, where a placement for many years is expected (long-placement-expected), adoption is "
    "considered (adoptionsovervejelse naming the decision, dated no later than it).",
    .reading = "long-placement-expected=\"false\" needs none (not_applicable); absent, the file does not say whether the duty "
    "arose: indeterminate. Stk. 2 (a parent of a child placed for lacking parenting ability expecting another child) "
    "is not checked: no field records the ground.",
    .predecessor = "Serviceloven § 68 d (UNCONFIRMED)", .versions = consider_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate}),
    .example = R"(<adoptionsovervejelse id="ao1" at="2024-08-20" ref="d3"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" long-placement-expected="true"/>)",
    .reasons = consider_reasons,
    .statute = &consider_statute,
    .phase = Phase::with,
    .evidence = consider_evidence};

constexpr bool adoption_point(Value kind) {
    return kind == Value::placement_with_consent || kind == Value::placement_without_consent ||
           kind == Value::placement_unborn_without_consent || kind == Value::placement_continued ||
           kind == Value::permanent_placement;
}

class AdoptionConsidered final : public RuleImpl {
public:
    AdoptionConsidered() : RuleImpl(KindSet::where(adoption_point)) {}
    const RuleMeta& meta() const override { return consider_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, consider_meta, EventType::afgoerelse, [&](const Event& d) { return adoption_point(decision_kind(d)) && d.value(Attr::outcome) != Value::refused; },
                         [&](const Event& d, Finding& f) {
            const std::uint32_t i = d.index();
            const auto expected = d.flag(Attr::long_placement_expected);
            f.attribute = Attr::long_placement_expected;
            if (expected == false) {
                f.status = Status::not_applicable;
                f.reason = &reasons::not_stated;
                return;
            }
            if (!expected) {
                f.status = Status::indeterminate;
                f.reason = &reasons::statement_unknown;
                return;
            }
            f.attribute.reset();
            const Event* note = nullptr;
            for (std::uint32_t r : c.referrers(i)) {
                const Event& e = c.event(r);
                if (e.type() == EventType::adoptionsovervejelse && ctx.known(e) && detail::order(e.at(), d.at()) != detail::Order::after) {
                    note = &e;
                    break;
                }
            }
            use(f, note, EventRole::fulfilment);
            f.status = note ? Status::met : Status::violated;
            f.reason = note ? &reasons::adoption_considered : &reasons::adoption_not_considered;
        });
    }
};

constexpr RuleVersion reest_versions[] = {
    {Law::serviceloven, "§ 76 stk. 4", far_past, barnets_lov_start, Confidence::confirmed_old, "until the 23rd birthday"},
    {Law::barnets_lov, "§ 116", barnets_lov_start, far_future, Confidence::inferred, "until the 23rd birthday; the section number INFERRED"},
};
constexpr StatuteRecord reest_statute{
    .rule = "BL-UNG-REESTABLISH",
    .read = "§ 108 stk. 2",
    .not_found = "§§ 113-116",
    .source = "§§ 113-116 not found; best secondary source: Social- og Boligministeriet, "
              "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/ungestoette. "
              "Read: https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108",
    .noted_in = "statute-notes.md (§§ 113-116); issue 14 lookup (§ 108)",
    .read_on = december_2026,
    .confirms = "Ungestøtte may be granted or re-established until the 23rd birthday (ministry). § 108 stk. 2 calls "
                "re-established døgnophold a § 116 matter, which supports the catalog's INFERRED § 116.",
};

constexpr const Reason* reest_reasons[] = {&reasons::age_unknown, &reasons::within_age_limit, &reasons::over_age_limit};

// Judged from the decision's date and the child's birth date alone: always data.
constexpr Evidence reest_evidence[] = {{.type = EventType::afgoerelse}};
constexpr RuleMeta reest_meta{
    .id = "BL-UNG-REESTABLISH", .chapter = "aftercare", .title_da = "Ungestøtte genetableret senest til det 23. år", .title_en = "Ungestøtte (re)established before the 23rd birthday",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: ungestøtte granted after the 18th birthday — first granted, or re-established after a refusal or an "
    "end — is granted before the 23rd birthday.",
    .reading = "Decisions of kind ungestoette with outcome granted (the default), dated from the 18th birthday. Dated on or after "
    "the 23rd birthday: violated. No birth date: indeterminate. The mandatory ungeplan for re-established døgnophold "
    "is BL-UPLAN-TRIG / BL-UPLAN-3M.",
    .predecessor = "Serviceloven § 76 stk. 4", .versions = reest_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<afgoerelse id="d21" at="2026-05-04" kind="ungestoette" outcome="granted"/>)",
    .reasons = reest_reasons,
    .statute = &reest_statute,
    .phase = Phase::before,
    .evidence = reest_evidence};

class UngestoetteUntil23 final : public RuleImpl {
public:
    UngestoetteUntil23() : RuleImpl(KindSet{Value::ungestoette}) {}
    const RuleMeta& meta() const override { return reest_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            if (!ctx.known(d) || decision_kind(d) != Value::ungestoette || d.value(Attr::outcome) == Value::refused) continue;
            const auto birth = c.child().birth_date;
            if (birth && d.at().day < birthday(*birth, 18)) continue;  // before 18: § 111 (BL-UNG-111-6M)
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, reest_meta, d, d.at().day)) continue;
            if (!birth) {
                f.status = Status::indeterminate;
                f.reason = &reasons::age_unknown;
                continue;
            }
            const LocalDay limit = birthday(*birth, 23);
            f.status = d.at().day < limit ? Status::met : Status::violated;
            f.reason = d.at().day < limit ? &reasons::within_age_limit : &reasons::over_age_limit;
        }
    }
};

}  // namespace

const Rule& permanent_after_three_years() {
    static const PermanentAfterThreeYears rule;
    return rule;
}
const Rule& adoption_considered() {
    static const AdoptionConsidered rule;
    return rule;
}
const Rule& ungestoette_until_23() {
    static const UngestoetteUntil23 rule;
    return rule;
}

}  // namespace barnetslov::rules
