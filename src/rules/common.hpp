// Small helpers the rules share: finding the events a duty refers to, starting a finding.
#pragma once

#include <algorithm>
#include <bit>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "barnetslov/statute.hpp"
#include "engine/deadline.hpp"
#include "engine/rule_interface.hpp"
#include "rules/deferred.hpp"
#include "rules/reasons.hpp"

// The reasons the helpers below give.
namespace barnetslov::reasons {

// kvittering: private/anonymous notifier
inline constexpr Reason notifier_not_professional{
    .key = "notifier_not_professional",
    .da = "Ingen pligt over for underretteren: underretteren er ikke fagperson med skærpet underretningspligt (§ 133).",
    .en = "No duty towards the notifier: the notifier is not a professional with the enhanced duty (§ 133).",
};

inline constexpr Reason notifier_unknown{
    .key = "notifier_unknown",
    .da = "Sagen oplyser ikke, hvem der underrettede (attributten 'notifier'), så pligten kan ikke fastslås.",
    .en = "The file does not say who notified (attribute 'notifier'), so the duty cannot be determined.",
};

// the decision states what the rule asks (reasons, klagevejledning, ...)
inline constexpr Reason stated{
    .key = "stated",
    .da = "Afgørelsen indeholder det krævede.",
    .en = "The decision contains what is required.",
    .attribute_da = {"Angivet (", "=\"true\")."},
    .attribute_en = {"Stated (", "=\"true\")."},
};

// the decision says it does not
inline constexpr Reason not_stated{
    .key = "not_stated",
    .da = "Afgørelsen mangler det krævede.",
    .en = "The decision lacks what is required.",
    .attribute_da = {"Ikke angivet (", "=\"false\")."},
    .attribute_en = {"Not stated (", "=\"false\")."},
};

// the file does not say
inline constexpr Reason statement_unknown{
    .key = "statement_unknown",
    .da = "Sagen oplyser ikke, om afgørelsen indeholder det krævede.",
    .en = "The file does not say whether the decision contains what is required.",
    .attribute_da = {"Sagen oplyser det ikke (ingen '", "')."},
    .attribute_en = {"The file does not say (no '", "')."},
};

// the measure ended before the duty fell due
inline constexpr Reason measure_ended{
    .key = "measure_ended",
    .da = "Indsatsen ophørte, før pligten indtrådte.",
    .en = "The measure ended before the duty fell due.",
};

}  // namespace barnetslov::reasons

// A rule file defines the reasons only its rules give beside them, in `namespace reasons {}` inside its
// anonymous namespace; this brings the shared ones (barnetslov::reasons) under the same name, so a rule
// writes reasons::overdue and reasons::its_own alike.
namespace barnetslov::rules {
namespace {
namespace reasons {
using namespace barnetslov::reasons;
}  // namespace reasons
}  // namespace
}  // namespace barnetslov::rules

namespace barnetslov::rules_detail {

// Where a rule's statute record (RuleMeta::statute) is written down, and when it was read.
inline constexpr std::string_view statute_notes = "statute-notes.md";
inline constexpr std::string_view issue14_lookup = "issue 14 lookup (recorded here; not in statute-notes.md)";
inline constexpr std::string_view december_2026 = "December 2026";
inline constexpr std::string_view issue14_lookup_day = "2 December 2026";

// The first event of `type` known at the as-of time whose `ref` names `subject`.
inline const Event* first_referrer(const Case& c, std::uint32_t subject, EventType type, const EvalContext& ctx) {
    for (std::uint32_t i : c.referrers(subject)) {
        const Event& e = c.event(i);
        if (e.type() == type && ctx.known(e)) return &e;
    }
    return nullptr;
}

// Indices of events, inline for a small case (a list per evaluation in most rules: allocating it was a
// visible part of evaluating a typical case). The rules append to these boost vectors with emplace_back:
// boost's push_back(const T&) goes through priv_push_back, which GCC left out of line (~27 instructions
// a call, ~14 calls a file), where emplace_back is always inlined (issue 20, session 32).
using IndexList = boost::container::small_vector<std::uint32_t, 16>;
inline std::span<const std::uint32_t> all(const IndexList& list) { return {list.data(), list.size()}; }

// Searches by time in `list`, indices of events in time order (Case::events_of, referrers). The
// builder sorts events by instant and an event's day is its instant's Copenhagen date, so days never
// decrease along such a list; and an event not after a moment (detail::order) is preceded only by
// events not after it either. Both searches are therefore binary searches on a prefix, which keeps
// a rule that asks "the latest before X" or "the first from X" for every trigger linear overall.

// The events of `list` dated `day` or later.
inline std::span<const std::uint32_t> from_day(const Case& c, std::span<const std::uint32_t> list, LocalDay day) {
    const auto it = std::partition_point(list.begin(), list.end(), [&](std::uint32_t k) { return c.event(k).at().day < day; });
    return list.subspan(static_cast<std::size_t>(it - list.begin()));
}

// The events of `list` not after `m`: before it, or on its date with the order unknown.
inline std::span<const std::uint32_t> not_after(const Case& c, std::span<const std::uint32_t> list, const Moment& m) {
    const auto it = std::partition_point(list.begin(), list.end(),
                                         [&](std::uint32_t k) { return detail::order(c.event(k).at(), m) != detail::Order::after; });
    return list.first(static_cast<std::size_t>(it - list.begin()));
}

// The partition point of `list` under `before` (true on a prefix of it), from the cursor `pos` the last
// question left: for questions in time order (a rule's triggers) the cursor only moves forward and the
// list is read once overall, where a binary search per trigger costs log n each; a point that moved back
// is found by binary search.
template <class Before>
std::size_t advance(std::span<const std::uint32_t> list, std::size_t& pos, Before before) {
    if (pos > 0 && !before(list[pos - 1]))
        pos = static_cast<std::size_t>(std::partition_point(list.begin(), list.end(), before) - list.begin());
    else
        while (pos < list.size() && before(list[pos])) ++pos;
    return pos;
}

// What a rule found out about some events, per event (an index kept once per evaluation): a few entries
// inline, searched in turn, as in the small cases that are most of them, and a table over every event of
// the case from the 17th entry on, so that a large case looks each up at once.
template <class T>
class EventMemo {
public:
    explicit EventMemo(std::size_t events) : events_(events) {}
    // The entry of event `e`, made by `make()` the first time.
    template <class Make>
    T& get(std::uint32_t e, Make make) {
        if (!table_.empty()) {
            if (table_[e] == 0) entries_.push_back({e, make()}), table_[e] = static_cast<std::uint32_t>(entries_.size());
            return entries_[table_[e] - 1].second;
        }
        for (auto& [k, v] : entries_)
            if (k == e) return v;
        entries_.push_back({e, make()});
        if (entries_.size() > 16) {
            table_.assign(events_, 0);
            for (std::uint32_t i = 0; i < entries_.size(); ++i) table_[entries_[i].first] = i + 1;
        }
        return entries_.back().second;
    }

private:
    std::size_t events_;
    boost::container::small_vector<std::pair<std::uint32_t, T>, 8> entries_;
    std::vector<std::uint32_t> table_;  // event -> its entry + 1 (0: none), once there are many
};

// The events of one type that `keep` accepts, listed per person they name (party), in time order.
// Built once per evaluation by rules that look for a person's event once per decision, where a
// scan of every event of the type per decision grows with the square of the case.
class ByParty {
public:
    template <class Keep>
    ByParty(const Case& c, EventType type, Keep keep, Attr attr = Attr::party) : start_(c.persons().size() + 1, 0) {
        // A counting sort by person into one flat list (most cases have a handful of people and
        // letters; a vector per person was most of the rule's allocations).
        boost::container::small_vector<std::pair<std::uint32_t, std::uint32_t>, 16> kept;  // (person, event)
        for (std::uint32_t k : c.events_of(type)) {
            const Event& e = c.event(k);
            if (!keep(e)) continue;  // first: a rule keeps few of the type's events (one topic, unlinked), so fewer party look-ups
            const auto p = e.person(attr);
            if (p && *p + 1 < start_.size()) kept.emplace_back(*p, k), ++start_[*p + 1];
        }
        for (std::size_t p = 1; p < start_.size(); ++p) start_[p] += start_[p - 1];
        events_.resize(kept.size());
        boost::container::small_vector<std::uint32_t, 8> next(start_.begin(), start_.end() - 1);
        for (const auto& [p, k] : kept) events_[next[p]++] = k;  // stays in time order within a person
    }
    [[nodiscard]] std::span<const std::uint32_t> of(std::uint32_t person) const {
        if (person + 1 >= start_.size()) return {};
        return {events_.data() + start_[person], events_.data() + start_[person + 1]};
    }

private:
    // Person p's events are events_[start_[p] .. start_[p + 1]); inline, so that a case of a few
    // people and letters allocates nothing.
    boost::container::small_vector<std::uint32_t, 8> start_;
    boost::container::small_vector<std::uint32_t, 16> events_;
};

// Names `e` (when there is one) in the finding, in `role`.
inline void use(Finding& f, const Event* e, EventRole role) {
    if (e) f.events.push_back({e->index(), role});
}

// Marks `f` not_applicable: no version of the rule was in force on its trigger's day. Returns false,
// for open_finding.
inline bool before_rule(Finding& f) {
    f.status = Status::not_applicable;
    f.reason = &reasons::before_rule;
    return false;
}

// Opens a finding about `subject`, choosing the rule version in force on `trigger_day`.
// Returns false (with the finding set to not_applicable) when no version applies that day.
inline bool open_finding(Finding& f, const RuleMeta& meta, const Event& subject, LocalDay trigger_day) {
    f.subject = subject.index();
    f.events.push_back({subject.index(), EventRole::trigger});
    if (const auto v = version_in_force(meta, trigger_day)) {
        f.version = *v;
        f.has_version = true;
        return true;
    }
    return before_rule(f);
}

// The same under `version`, the rule's version_in_force on the trigger's day that the rule found already
// (TellParties, FollowUpCadence). Not the form above's body: made its wrapper, that form cost ~100
// instructions a file more in the rules that use it (GCC inlined it less).
inline bool open_finding(Finding& f, const Event& subject, std::optional<std::uint8_t> version) {
    f.subject = subject.index();
    f.events.push_back({subject.index(), EventRole::trigger});
    if (!version) return before_rule(f);
    f.version = *version;
    f.has_version = true;
    return true;
}

// The common opening of a rule: for each event of `type` known as of the evaluation that `applies`
// accepts, a finding about it under the rule version in force on the event's day (not_applicable,
// before_rule, when none is), which `judge(event, finding)` completes. The loop it stands for: one pass
// over the events of the type, nothing more per trigger.
template <class Applies, class Judge>
void for_each_trigger(const Case& c, const EvalContext& ctx, Findings& out, const RuleMeta& meta, EventType type, Applies applies,
                      Judge judge) {
    for (std::uint32_t i : c.events_of(type)) {
        const Event& e = c.event(i);
        if (!ctx.known(e) || !applies(e)) continue;
        auto f_slot = out.add();
        Finding& f = *f_slot;
        if (open_finding(f, meta, e, e.at().day)) judge(e, f);
    }
}
// The same for every known event of `type`.
template <class Judge>
void for_each_trigger(const Case& c, const EvalContext& ctx, Findings& out, const RuleMeta& meta, EventType type, Judge judge) {
    for_each_trigger(c, ctx, out, meta, type, [](const Event&) { return true; }, judge);
}

// The first event of `type` that `e` names in its `ref`.
inline const Event* first_ref(const Case& c, const Event& e, EventType type) {
    for (std::uint32_t r : e.refs())
        if (c.event(r).type() == type) return &c.event(r);
    return nullptr;
}

inline Value decision_kind(const Event& d) { return d.value(Attr::kind).value_or(Value::other); }

// A decision of the børne- og ungeudvalg or its chair (§§ 142-143), not the administration's.
inline bool by_committee(const Event& d) {
    const auto body = d.value(Attr::body);
    return body == Value::committee || body == Value::chair;
}

constexpr bool is_placement(Value kind) {
    switch (kind) {
        case Value::placement_with_consent:
        case Value::placement_without_consent:
        case Value::placement_own_wish_15:
        case Value::placement_unborn_with_consent:
        case Value::placement_unborn_without_consent:
            return true;
        default: return false;
    }
}

// A decision kind that places the child, changes its placement or decides its site.
constexpr bool places_or_sites(Value kind) { return is_placement(kind) || kind == Value::placement_change || kind == Value::placement_site; }

// A placement decision that starts a placement of its own: granted, and not naming an earlier placement
// decision (the committee approving the chair's provisional one is the same placement, owed its duties once).
inline bool starts_placement(const Case& c, const Event& d) {
    if (!is_placement(decision_kind(d)) || d.value(Attr::outcome) == Value::refused) return false;
    const Event* earlier = first_ref(c, d, EventType::afgoerelse);
    return !earlier || !is_placement(decision_kind(*earlier));
}

// Judges the flags `attrs` of event `d`: all true is met, any false violated, any absent
// indeterminate (the file does not say, which is never a pass).
inline void judge_statements(Finding& f, const Event& d, std::span<const Attr> attrs) {
    bool unknown = false;
    for (Attr a : attrs) {
        const auto v = d.flag(a);
        if (v == false) {
            f.status = Status::violated;
            f.reason = &reasons::not_stated;
            f.attribute = a;
            return;
        }
        if (!v && !unknown) f.attribute = a;
        unknown = unknown || !v;
    }
    if (!unknown) f.attribute = attrs.front();
    f.status = unknown ? Status::indeterminate : Status::met;
    f.reason = unknown ? &reasons::statement_unknown : &reasons::stated;
}

// Judges deadline `dl` against `done`, the event that fulfilled it (nullptr: not yet).
inline void judge_by(Finding& f, const Deadline& dl, const Event* done, const EvalContext& ctx,
                     detail::Earlier earlier = detail::Earlier::inconsistent) {
    detail::judge(f, dl, done ? std::optional<Moment>(done->at()) : std::nullopt, ctx, earlier);
}

// Judges deadline `dl` against the event that fulfilled it (nullptr: not yet); a measure that
// ended by the due day with the duty still undone no longer needs it (not_applicable).
inline void judge_running(Finding& f, const Deadline& dl, const Event* done, std::optional<LocalDay> end, const EvalContext& ctx) {
    if (!done && end && *end <= dl.due_day) {
        f.deadline = dl;
        f.status = Status::not_applicable;
        f.reason = &reasons::measure_ended;
        return;
    }
    use(f, done, EventRole::fulfilment);
    judge_by(f, dl, done, ctx);
}

// Whether `e` names the child as its party (party="<the child's id>"); the child is person 0.
inline bool from_child(const Event& e) { return e.person(Attr::party) == 0u; }

// The case types in which a child of 10+ has party powers (§ 3 nr. 1-10). `with_section_33`:
// social stofmisbrugsbehandling (§ 33) was added by L 87. By kind, besides every decision of the
// committee or its chair (section_3_case_type).
constexpr bool section_3_kind(Value kind, bool with_section_33) {
    switch (kind) {
        case Value::supportive_measure:           // § 32 stk. 1
        case Value::youth_order:                  // § 39
        case Value::placement_with_consent:       // § 46
        case Value::placement_site:               // § 52
        case Value::treatment:                    // § 97 stk. 2
        case Value::hjemgivelse:                  // § 100 stk. 1
        case Value::contact:                      // § 104 stk. 2-5
        case Value::contact_supported:
        case Value::contact_suspension:
        case Value::ungestoette:                  // §§ 114-116, 120
            return true;
        case Value::substance_abuse_treatment: return with_section_33;
        default: return false;
    }
}
inline bool section_3_case_type(const Event& d, bool with_section_33) {
    const auto body = d.value(Attr::body);
    if (body == Value::committee || body == Value::chair) return true;  // §§ 142, 143, 146-148, 151
    return section_3_kind(decision_kind(d), with_section_33);
}

// Duties towards the notifier (§§ 136-137) exist only for a professional (§ 133). Returns true when
// underretning `u` has one; otherwise sets the finding to not_applicable or indeterminate.
inline bool professional_notifier(Finding& f, const Event& u) {
    const auto notifier = u.value(Attr::notifier);
    if (!notifier || *notifier == Value::unknown) {
        f.status = Status::indeterminate;
        f.reason = &reasons::notifier_unknown;
        return false;
    }
    if (*notifier != Value::professional) {
        f.status = Status::not_applicable;
        f.reason = &reasons::notifier_not_professional;
        return false;
    }
    return true;
}

// The decision a measure start (indsats-start) puts into effect.
inline const Event* measure_decision(const Case& c, const Event& start) { return first_ref(c, start, EventType::afgoerelse); }

// Whether decision kind `k` places the child or keeps a placement going.
inline bool placement_chain_kind(Value k) {
    return is_placement(k) || k == Value::placement_continued || k == Value::permanent_placement;
}

// A list per event kept in one pool shared by all events, made on first need: where it starts in the
// pool and how long it is. One pool instead of a vector per event keeps a large case from allocating
// per event.
struct PooledList {
    std::uint32_t at = 0, n = 0;
    bool done = false;
};

// The list `slot()` stands for, appended to `pool` by `fill(pool)` the first time. `slot` is asked
// again after `fill`, which may have moved the entry it returns.
template <class Pool, class Slot, class Fill>
std::span<const typename Pool::value_type> pooled(Pool& pool, Slot slot, Fill fill) {
    if (!slot().done) {
        const auto at = static_cast<std::uint32_t>(pool.size());
        fill(pool);
        PooledList& list = slot();
        list.at = at;
        list.n = static_cast<std::uint32_t>(pool.size()) - at;
        list.done = true;
    }
    const PooledList& list = slot();
    return {pool.data() + list.at, list.n};
}

// The day a measure put into effect by decision `d` ended: the earliest known indsats-slut or
// hjemgivelse naming the decision or one of its starts. A placement is one measure across the
// decisions that keep it going (a renewal naming the placement, the committee's approval naming
// the chair's decision): an end recorded against any of them, on or after `d`'s date, counts.
//
// One per evaluation of a rule, asked per decision or per measure start. Each decision's answer is kept,
// and past a budget of steps what the walk reads of an event (the ends among its referrers and its starts'
// referrers; the placement decisions it names or is named by) is found once and kept: read afresh per
// question, a decision with many starts had every start and follow-up of it read once per start, and the
// walk through a placement named by many decisions read all of them for each (issue 15: quadratic).
struct MeasureEndsWalks;

class MeasureEndsState {
public:
    MeasureEndsState(const Case& c, const EvalContext& ctx) : c_(c), ctx_(ctx), nodes_(c.events().size()) {}

    [[nodiscard]] std::optional<LocalDay> of(const Event& d) {
        Node* n = &node(d.index());
        if (n->answered) return n->has_end ? std::optional<LocalDay>(n->end) : std::nullopt;
        // Most decisions have a few starts and ends: read directly, within a budget of steps; past it the
        // lists read are kept per event, and the node is found again (making others' may have moved it).
        std::optional<LocalDay> end;
        if (!direct(d, end)) end = listed(d), n = &node(d.index());
        n->answered = true;
        n->has_end = end.has_value();
        if (end) n->end = *end;
        return end;
    }

private:
    friend struct MeasureEndsWalks;  // the test comparing the two walks (evaluation_oracle_test.cpp)
    // The walk below, reading each event's referrers afresh; false when it took more than 256 steps.
    bool direct(const Event& d, std::optional<LocalDay>& end) const {
        int budget = 256;
        const LocalDay from = d.at().day;
        auto consider = [&](const Event& e) {
            if ((e.type() == EventType::indsats_slut || e.type() == EventType::hjemgivelse) && ctx_.known(e) && e.at().day >= from &&
                (!end || e.at().day < *end))
                end = e.at().day;
        };
        // Referrer r of a decision walked: an end, or a start whose referrers may be.
        auto ends_at = [&](const Event& r) {
            consider(r);
            if (r.type() == EventType::indsats_start)
                for (std::uint32_t k : c_.referrers(r.index())) {
                    if (--budget < 0) return false;
                    consider(c_.event(k));
                }
            return true;
        };
        if (!placement_chain_kind(decision_kind(d))) {
            for (std::uint32_t r : c_.referrers(d.index()))
                if (--budget < 0 || !ends_at(c_.event(r))) return false;
            return true;
        }
        // Each decision of the chain is taken from `todo` once; its referrers are read once, for the ends
        // and for the decisions naming it (two reads of them did).
        boost::container::small_vector<std::uint32_t, 8> seen{d.index()}, todo{d.index()};
        auto follow = [&](std::uint32_t i, const Event& x) {  // decision x, event i
            if (ctx_.known(x) && placement_chain_kind(decision_kind(x)) && seen.size() < 32 &&
                std::find(seen.begin(), seen.end(), i) == seen.end()) {
                seen.emplace_back(i);
                todo.emplace_back(i);
            }
        };
        while (!todo.empty()) {
            const Event& x = c_.event(todo.back());
            todo.pop_back();
            for (std::uint32_t r : x.refs()) {
                if (--budget < 0) return false;
                if (const Event& e = c_.event(r); e.type() == EventType::afgoerelse) follow(r, e);
            }
            for (std::uint32_t r : c_.referrers(x.index())) {
                if (--budget < 0) return false;
                const Event& e = c_.event(r);
                if (e.type() == EventType::afgoerelse) follow(r, e);
                else if (!ends_at(e)) return false;
            }
        }
        return true;
    }

    // The same walk on the lists kept per event.
    std::optional<LocalDay> listed(const Event& d) {
        const LocalDay from = d.at().day;
        std::optional<LocalDay> end;
        auto take = [&](std::uint32_t x) {  // the earliest end recorded against x on or after d's date
            const auto days = ends(x);
            const auto it = std::lower_bound(days.begin(), days.end(), from);
            if (it != days.end() && (!end || *it < *end)) end = *it;
        };
        take(d.index());
        if (placement_chain_kind(decision_kind(d))) {
            // Walk the chain both ways through placement decisions; a handful of links is all a real case
            // has, and at most 32 are followed (inline lists: this runs per placement in several rules).
            // Once 32 are seen nothing more is taken, so the walk stops there.
            boost::container::small_vector<std::uint32_t, 8> seen{d.index()}, todo{d.index()};
            while (!todo.empty() && seen.size() < 32) {
                const std::uint32_t x = todo.back();
                todo.pop_back();
                for (std::uint32_t r : links(x)) {
                    if (seen.size() >= 32) break;
                    if (std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
                    seen.emplace_back(r);
                    todo.emplace_back(r);
                    take(r);
                }
            }
        }
        return end;
    }

    struct Node {
        PooledList ends;   // in days_, sorted
        PooledList links;  // in links_
        bool answered = false, has_end = false;
        LocalDay end{};
    };
    Node& node(std::uint32_t x) {
        return nodes_.get(x, [] { return Node{}; });
    }

    // The days of the known ends (indsats-slut, hjemgivelse) naming x or one of its measure starts, sorted.
    std::span<const LocalDay> ends(std::uint32_t x) {
        return pooled(days_, [&]() -> PooledList& { return node(x).ends; }, [&](auto& days) {
            const auto at = days.size();
            auto consider = [&](const Event& e) {
                if ((e.type() == EventType::indsats_slut || e.type() == EventType::hjemgivelse) && ctx_.known(e)) days.emplace_back(e.at().day);
            };
            for (std::uint32_t r : c_.referrers(x)) {
                consider(c_.event(r));
                if (c_.event(r).type() == EventType::indsats_start)
                    for (std::uint32_t k : c_.referrers(r)) consider(c_.event(k));
            }
            std::sort(days.begin() + static_cast<std::ptrdiff_t>(at), days.end());
        });
    }

    // The known placement decisions x names, then those naming it, in that order (the walk's order).
    std::span<const std::uint32_t> links(std::uint32_t x) {
        return pooled(links_, [&]() -> PooledList& { return node(x).links; }, [&](auto& links) {
            auto link = [&](std::uint32_t i) {
                const Event& e = c_.event(i);
                if (e.type() == EventType::afgoerelse && ctx_.known(e) && placement_chain_kind(decision_kind(e))) links.emplace_back(i);
            };
            for (std::uint32_t r : c_.event(x).refs()) link(r);
            for (std::uint32_t r : c_.referrers(x)) link(r);
        });
    }

    const Case& c_;
    const EvalContext& ctx_;
    EventMemo<Node> nodes_;
    boost::container::small_vector<LocalDay, 16> days_;
    boost::container::small_vector<std::uint32_t, 16> links_;
};

// Events of one list in time order: the last certainly before a moment (detail::Order::before),
// in O(log n). Date-only events sit at 00:00 of their day, so "certainly before m" is the last of
// the prefix before m's instant that is on an earlier day or has a time itself.
class TimeOrdered {
public:
    TimeOrdered() = default;
    TimeOrdered(const Case& c, std::span<const std::uint32_t> list) { assign(c, list); }
    void assign(const Case& c, std::span<const std::uint32_t> list) {
        c_ = &c;
        list_.assign(list.begin(), list.end());
        last_timed_.resize(list_.size());
        int last = -1;
        for (std::size_t k = 0; k < list_.size(); ++k) {
            if (c.event(list_[k]).at().has_time) last = static_cast<int>(k);
            last_timed_[k] = last;
        }
    }
    // assign() of the events of `list` that `keep` accepts, without listing them first.
    template <class Keep>
    void assign_if(const Case& c, std::span<const std::uint32_t> list, Keep keep) {
        c_ = &c;
        list_.clear();
        last_timed_.clear();
        int last = -1;
        for (std::uint32_t k : list) {
            const Event& e = c.event(k);
            if (!keep(e)) continue;
            if (e.at().has_time) last = static_cast<int>(list_.size());
            list_.emplace_back(k);
            last_timed_.emplace_back(last);
        }
    }
    void push_back(std::uint32_t k) {  // in time order
        list_.emplace_back(k);
        const int prev = last_timed_.empty() ? -1 : last_timed_.back();
        last_timed_.emplace_back(c_->event(k).at().has_time ? static_cast<int>(list_.size() - 1) : prev);
    }
    [[nodiscard]] std::span<const std::uint32_t> all() const { return {list_.data(), list_.size()}; }

    // Position of the last event certainly before `m`, or -1.
    [[nodiscard]] int last_before(const Moment& m) const {
        const auto begin = list_.begin();
        // Earlier days: a prefix.
        const int earlier_day =
            static_cast<int>(std::partition_point(begin, list_.end(), [&](std::uint32_t k) { return c_->event(k).at().day < m.day; }) - begin) - 1;
        if (!m.has_time) return earlier_day;
        // The same day with a time before m's: the last timed event of the prefix before m's instant.
        const auto n = std::partition_point(begin, list_.end(), [&](std::uint32_t k) { return c_->event(k).at().instant < m.instant; }) - begin;
        const int timed = n == 0 ? -1 : last_timed_[static_cast<std::size_t>(n - 1)];
        return std::max(earlier_day, timed);
    }
    // Position of the first event certainly after `m`, or size().
    [[nodiscard]] std::size_t first_after(const Moment& m) const {
        return not_after(*c_, all(), m).size();
    }
    [[nodiscard]] const Event& at(std::size_t pos) const { return c_->event(list_[pos]); }
    [[nodiscard]] std::size_t size() const { return list_.size(); }

private:
    const Case* c_ = nullptr;
    boost::container::small_vector<std::uint32_t, 16> list_;
    boost::container::small_vector<int, 16> last_timed_;
};

// The records linked to a decision that a before-duty looks at: the latest certainly before it, the first
// of its date whose order is unknown, the earliest after it.
struct LinkedRecords {
    const Event* before = nullptr;
    const Event* same = nullptr;
    const Event* after = nullptr;

    void consider(const Event& e, const Moment& at) {
        switch (detail::order(e.at(), at)) {
            case detail::Order::before:
                if (!before || e.index() > before->index()) before = &e;  // the latest
                break;
            case detail::Order::unknown:
                if (!same) same = &e;
                break;
            case detail::Order::after:
                if (!after || e.index() < after->index()) after = &e;
                break;
        }
    }
};

// Per person, the letters of one rule that are linked to one decision (TellParties, parties.cpp), and
// the custody holders. Sized by the people and made once per evaluation (EvalMemo), shared by the four
// rules of that form: made and freed in each rule call it was ~250 instructions a call, most of that
// rule's cost on a case with no decision in its scope (issue 20, session 32). Every entry set is
// noted (touch), and clear() empties those only: a rule clears before each decision, so what the last
// decision of the last rule left is never read.
class PersonLetters {
public:
    explicit PersonLetters(const Case& c)
        : people_(static_cast<std::uint32_t>(c.persons().size())), linked_(people_), naming_(people_, nullptr) {
        for (std::uint32_t p = 1; p < people_; ++p)
            if (c.persons()[p].role == Value::custody_holder) holders_.emplace_back(p);
    }
    PersonLetters(const PersonLetters&) = delete;
    PersonLetters& operator=(const PersonLetters&) = delete;
    [[nodiscard]] std::uint32_t people() const { return people_; }
    [[nodiscard]] std::span<const std::uint32_t> custody_holders() const { return {holders_.data(), holders_.size()}; }
    // Person p's records linked to the decision (the serving rule's), and the first letter naming it.
    [[nodiscard]] LinkedRecords& linked(std::uint32_t p) { return linked_[p]; }
    [[nodiscard]] const Event*& naming(std::uint32_t p) { return naming_[p]; }
    // Notes that person p's entries were set, for clear().
    void touch(std::uint32_t p) { touched_.emplace_back(p); }
    void clear() {
        for (std::uint32_t p : touched_) linked_[p] = {}, naming_[p] = nullptr;
        touched_.clear();
    }

private:
    std::uint32_t people_;
    boost::container::small_vector<std::uint32_t, 8> holders_;
    boost::container::small_vector<LinkedRecords, 8> linked_;
    boost::container::small_vector<const Event*, 8> naming_;
    boost::container::small_vector<std::uint32_t, 8> touched_;
};

// Per decision, the known follow-ups naming it and its known measure starts, each list in time order
// (FollowUps, plans.cpp): a decision's lists are written once into the two pools. Kept per evaluation in
// the EvalMemo and shared by the three follow-up rules, each of which listed them again (session 32).
struct FollowUpLists {
    explicit FollowUpLists(const Case& c) : decisions(c.events().size()) {}
    FollowUpLists(const FollowUpLists&) = delete;
    FollowUpLists& operator=(const FollowUpLists&) = delete;
    struct Lists {
        std::uint32_t followups_at = 0, followups_n = 0, starts_at = 0, starts_n = 0;
    };
    EventMemo<Lists> decisions;  // per decision, on first need
    boost::container::small_vector<std::uint32_t, 16> followups, starts;
};

// Completed years of age of someone born on `birth`, as age_on gives them, with the birth date's month and
// day found once: age_on converted both days to civil dates on every call (~64 instructions, ~5 calls a
// file, most of them the four TellParties rules asking about the same decisions). A cache of the last
// year asked missed on half of TellParties' calls (a case's decisions alternate between years from
// rule to rule) and saved less. tests/evaluation_oracle_test.cpp compares it with age_on.
class Ages {
public:
    explicit Ages(LocalDay birth) : birth_(birth), born_(civil_date(birth)) {}
    [[nodiscard]] int on(LocalDay day) const {
        if (day < birth_) return -1;  // as age_on
        return completed_years(born_, civil_date(day));
    }

private:
    LocalDay birth_;
    CivilDate born_;
};

// The placement decisions' kinds (is_placement).
inline constexpr KindSet placement_kinds = KindSet::where(is_placement);
// Every value a decision may hold as its kind: the triggers of a rule whose every finding is about a
// decision of any kind (RuleImpl), not called on a case that holds no decision.
inline constexpr KindSet any_decision = KindSet::where([](Value) { return true; });

// The kinds and bodies of all the case's decisions (decision_kind, Attr::body; known as of the evaluation
// or not): the engine calls no rule made with its triggering kinds or bodies (RuleImpl) on a case holding
// none of them.
template <class Fn>
void each_decision_kind_and_body(const Case& c, Fn fn) {
    for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(i);
        fn(decision_kind(d));
        if (const auto body = d.value(Attr::body)) fn(*body);
    }
}
inline KindSet decision_kinds_and_bodies(const Case& c) {
    KindSet held;
    each_decision_kind_and_body(c, [&](Value v) { held.add(v); });
    return held;
}

// The rules of a rulebook that the engine calls on a case: those whose RuleImpl::may_find admits
// decision_kinds_and_bodies(case), found from a table of the rules each value triggers (bits by rule
// index) and the rules always called, not by asking every rule: the four-word test and the loop were
// ~13 instructions for each of the rulebook's ~90 rules in every file of `check --summary` (session 36).
// tests/evaluation_oracle_test.cpp compares the two.
class RuleCalls {
public:
    explicit RuleCalls(std::span<const Rule* const> rules) : words_((rules.size() + 63) / 64), bits_((value_count + 1) * words_, 0) {
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const std::uint64_t bit = std::uint64_t{1} << (i % 64);
            if (const KindSet* triggers = impl(*rules[i]).triggers())
                triggers->each([&](Value v) { bits_[static_cast<std::size_t>(v) * words_ + i / 64] |= bit; });
            else
                bits_[value_count * words_ + i / 64] |= bit;
        }
    }
    // Calls fn(i) for the index i of each rule to call on `c`, in increasing order.
    template <class Fn>
    void each(const Case& c, Fn fn) const {
        boost::container::small_vector<std::uint64_t, 4> calls(row(value_count), row(value_count) + words_);
        each_decision_kind_and_body(c, [&](Value v) {
            const std::uint64_t* r = row(static_cast<std::size_t>(v));
            for (std::size_t w = 0; w < words_; ++w) calls[w] |= r[w];
        });
        for (std::size_t w = 0; w < words_; ++w)
            for (std::uint64_t m = calls[w]; m != 0; m &= m - 1) fn(w * 64 + static_cast<std::size_t>(std::countr_zero(m)));
    }

private:
    static constexpr std::size_t value_count = static_cast<std::size_t>(Value::count_);
    [[nodiscard]] const std::uint64_t* row(std::size_t v) const { return bits_.data() + v * words_; }
    std::size_t words_;
    std::vector<std::uint64_t> bits_;  // words_ words for each value, then for the rules always called
};

// Shared by the rules of one evaluation (EvalContext::memo): each piece is what one rule would build for
// itself from the case and the as-of date alone, so which rule builds it first changes no answer.
struct EvalMemo {
    EvalMemo() = default;
    EvalMemo(const EvalMemo&) = delete;
    EvalMemo& operator=(const EvalMemo&) = delete;
    // Held here, not each in a heap block of its own: two allocations an evaluation (session 30).
    Deferred<MeasureEndsState> measure_ends;
    Deferred<TimeOrdered> child_decisions;  // ChildDecisions' list (serving.hpp)
    Deferred<TimeOrdered> known_underretninger;  // AfterRecords' triggers (serving.hpp)
    Deferred<PersonLetters> person_letters;  // TellParties' scratch, cleared by each use (above)
    Deferred<FollowUpLists> followup_lists;  // FollowUps' (plans.cpp)
    Deferred<Ages> child_ages;  // child_age's (below)
};

// The evaluation's shared `piece` of the memo when there is one, made from `args` on first need, else the
// rule's `own` (empty), made from them now. Each piece is what the rule would make for itself, so which
// rule asks first changes no answer.
template <class T, class... Args>
T& shared_or_own(const EvalContext& ctx, Deferred<T> EvalMemo::*piece, Deferred<T>& own, Args&&... args) {
    return ctx.memo ? (ctx.memo->*piece).get_or_make(std::forward<Args>(args)...) : own.emplace(std::forward<Args>(args)...);
}

// The child's completed years on `day`, or nullopt when the file gives no birth date.
inline std::optional<int> child_age(const Case& c, const EvalContext& ctx, LocalDay day) {
    const auto& birth = c.child().birth_date;
    if (!birth) return std::nullopt;
    return ctx.memo ? ctx.memo->child_ages.get_or_make(*birth).on(day) : age_on(*birth, day);
}

// The measures' ends as above: the evaluation's shared MeasureEndsState when there is one (a placement's
// end was walked afresh by each of the ~18 rules that ask for it), else one of its own.
class MeasureEnds {
public:
    MeasureEnds(const Case& c, const EvalContext& ctx) : state_(&shared_or_own(ctx, &EvalMemo::measure_ends, own_, c, ctx)) {}
    MeasureEnds(const MeasureEnds&) = delete;
    MeasureEnds& operator=(const MeasureEnds&) = delete;
    [[nodiscard]] std::optional<LocalDay> of(const Event& d) { return state_->of(d); }

private:
    Deferred<MeasureEndsState> own_;
    MeasureEndsState* state_ = nullptr;
};

// The known plans of one kind (`is_kind`), in time order, listed once per evaluation for the rules
// that look for the plan near each decision: a scan of the plans per decision grows with the square
// of the case, and read them all whenever the case had no plan of the kind.
class PlanIndex {
public:
    template <class KindTest>
    PlanIndex(const Case& c, const EvalContext& ctx, KindTest is_kind) : c_(c) {
        for (std::uint32_t k : c.events_of(EventType::plan))
            if (is_kind(c.event(k)) && ctx.known(c.event(k))) plans_.emplace_back(k);
    }

    // A plan for `about`, on one side of `day`: one naming `about` in ref is preferred, but only on
    // the side being asked about, so a later revision cannot hide the plan made before; else the
    // first plan from `day` on (!before) or the latest up to it (before).
    [[nodiscard]] const Event* near(const Event* about, LocalDay day, bool before) const {
        const std::span<const std::uint32_t> plans(plans_.data(), plans_.size());
        if (about)
            for (std::uint32_t r : c_.referrers(about->index())) {
                const Event& p = c_.event(r);
                if (p.type() != EventType::plan || (before ? p.at().day > day : p.at().day < day)) continue;
                // plans_ is in index order too: the events are numbered in time order.
                if (std::binary_search(plans.begin(), plans.end(), r)) return &p;
            }
        // The plans up to `day` are a prefix of the list, those from `day` a suffix.
        const auto later = from_day(c_, plans, before ? day + date::days{1} : day);
        if (!before) return later.empty() ? nullptr : &c_.event(later.front());
        const std::size_t earlier = plans.size() - later.size();
        return earlier == 0 ? nullptr : &c_.event(plans[earlier - 1]);
    }

private:
    const Case& c_;
    boost::container::small_vector<std::uint32_t, 16> plans_;
};

// The child's latest request (anmodning) of one topic made no later than a decision: the child's known
// requests of the topic listed once per evaluation (time order), each decision's the last of those not
// after it (a prefix, see not_after). Read per decision (BL-UNG-TARGET, BL-SAMV-SUSPEND-REQ,
// BL-SAMV-SUPPORTED), every request was read each time, which grew with the square of the case.
class ChildRequests {
public:
    ChildRequests(const Case& c, Value topic, const EvalContext& ctx) : c_(c) {
        for (std::uint32_t k : c.events_of(EventType::anmodning)) {
            const Event& e = c.event(k);
            if (ctx.known(e) && from_child(e) && e.value(Attr::topic) == topic) requests_.emplace_back(k);
        }
    }
    [[nodiscard]] const Event* latest(const Event& d) const {
        const auto before = not_after(c_, {requests_.data(), requests_.size()}, d.at());
        return before.empty() ? nullptr : &c_.event(before.back());
    }

private:
    const Case& c_;
    boost::container::small_vector<std::uint32_t, 8> requests_;
};

inline bool consent_given(const Event* answer) {
    return answer && answer->value(Attr::answer).value_or(Value::given) == Value::given;
}

// The parties of role `role` (person 0, the child, is never one).
// Inline for a handful of people: as a std::vector, two custody holders were two allocations in each of
// the four rules that ask (session 30).
using PersonList = boost::container::small_vector<std::uint32_t, 8>;
inline PersonList parties_with_role(const Case& c, Value role) {
    PersonList out;
    for (std::uint32_t p = 1; p < c.persons().size(); ++p)
        if (c.persons()[p].role == role) out.emplace_back(p);
    return out;
}

inline constexpr LocalDay barnets_lov_start = LocalDay{date::year{2024} / 1 / 1};
// A rule version open at either end: the calendar's own bounds (calendar.hpp), named once.
inline constexpr LocalDay far_future = calendar_end_day;
inline constexpr LocalDay far_past = calendar_first_day;
// L 87 (2024-25) amended § 3, § 104 and § 137; its date in force is UNCONFIRMED and the catalog's
// most likely date is assumed. One constant, so every rule version changes on the same day.
inline constexpr LocalDay l87_assumed = LocalDay{date::year{2025} / 1 / 1};
// Serviceloven § 155 stk. 2 and § 155 b came with the overgrebspakke (LOV nr 496 af 21/05/2013),
// in force 1 October 2013 (INFERRED).
inline constexpr LocalDay overgrebspakke = LocalDay{date::year{2013} / 10 / 1};

}  // namespace barnetslov::rules_detail
