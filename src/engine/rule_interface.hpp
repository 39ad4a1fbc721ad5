// How a rule judges a case: the interface every rule of the standard rulebook implements, the context
// it judges in and the sink it writes its findings to. Private to the library.
//
// Callers cannot add rules. The rulebook is Rulebook::standard(), every rule of the law catalog this
// version implements: a caller-extensible rulebook would make this interface (Findings, EvalContext,
// the virtual evaluate) part of the public API and ABI, frozen, where today it changes with the rules
// (issue 19). A caller reads a rule's metadata through the public barnetslov::Rule (rule.hpp) and its
// findings through the Report.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

namespace rules_detail {
struct EvalMemo;  // rules/common.hpp
}

// Whether event `e` is known as of `as_of` (its local day `as_of_day`): not dated after it.
[[nodiscard]] inline bool known_as_of(const Event& e, Instant as_of, LocalDay as_of_day) {
    return e.at().has_time ? e.at().instant <= as_of : e.at().day <= as_of_day;
}

// How many events of `c` are known as of `as_of`: they are a prefix of the time order. The builder
// sorts events by instant, a date-only one at the start of its day, so an event before a known one is
// known too: both timed, by the earlier instant; a date-only one before a known timed one starts its
// day by the as-of instant, so its day is not after the as-of day; a timed one before a known
// date-only one lies before the start of a day not after the as-of day, so before the as-of instant.
// Counted from the end: the events after the as-of time are few (none in most cases).
// tests/as_of_test.cpp checks the prefix on every test file.
[[nodiscard]] inline std::uint32_t known_events(const Case& c, Instant as_of, LocalDay as_of_day) {
    const auto events = c.events();
    std::size_t n = events.size();
    while (n > 0 && !known_as_of(events[n - 1], as_of, as_of_day)) --n;
    return static_cast<std::uint32_t>(n);
}

struct EvalContext {
    const Calendar& calendar;
    Instant as_of;
    LocalDay as_of_day;
    const Readings& readings;
    // What several rules derive alike from the case and the as-of date (the measures' ends, the
    // decisions about the child), built by the first rule that asks and kept for the rest of this
    // evaluation; Engine::evaluate makes one per evaluation. Null: each rule builds its own.
    rules_detail::EvalMemo* memo;
    // known_events() of the case judged: the events of index below it are known as of as_of.
    std::uint32_t known_end;
    // Events dated after the as-of instant are not yet known and are ignored by every rule. One compare
    // of the time-order index (known_events), where the moment's test was a branch on has_time and a
    // compare, in ~450 calls a 50-event case.
    [[nodiscard]] bool known(const Event& e) const { return e.index() < known_end; }
};

// The context of judging case `c` as of `as_of`: its as-of day and known_end derived here, in one place,
// so that known() always agrees with the case it is used on.
// `as_of_day` must be calendar.local_day(as_of) (the overload below), given where the caller keeps it.
[[nodiscard]] inline EvalContext eval_context(const Calendar& calendar, Instant as_of, LocalDay as_of_day, const Readings& readings,
                                              rules_detail::EvalMemo* memo, const Case& c) {
    return {calendar, as_of, as_of_day, readings, memo, known_events(c, as_of, as_of_day)};
}
[[nodiscard]] inline EvalContext eval_context(const Calendar& calendar, Instant as_of, const Readings& readings,
                                              rules_detail::EvalMemo* memo, const Case& c) {
    return eval_context(calendar, as_of, calendar.local_day(as_of), readings, memo, c);
}

// The sink rules write to; the engine stamps each finding with the rule's index.
//
// add() makes the finding in place, as the next element of the sink's vector, and hands out a handle
// to it; the rule fills it through the handle. A finding's place is the order of the add() calls.
// While a handle is open the vector neither grows nor flushes: add() with none open leaves room for
// max_open findings, so up to that many may be added before all open handles end (a rule that adds
// more is a bug, and add() throws std::logic_error). Building in place
// replaced a Finding in the rule's frame moved into the vector when its handle ended (~80
// instructions a finding, bench/ANALYSIS.md).
//
//   auto slot = out.add();                  // the handle: keep it while the finding is filled
//   Finding& f = *slot;                     // `Finding& f = *out.add();` does not compile
//   if (!open_finding(f, meta, e, day)) continue;
class Findings {
public:
    // The most handles open at once (Hjemgivelse fills three findings together).
    static constexpr std::size_t max_open = 4;

    class New {
    public:
        New(const New&) = delete;
        New& operator=(const New&) = delete;
        ~New() { --sink_.open_; }
        [[nodiscard]] Finding& operator*() & { return *finding_; }
        [[nodiscard]] Finding* operator->() & { return finding_; }
        // The finding lives only as long as its handle keeps the vector still.
        Finding& operator*() && = delete;

    private:
        friend class Findings;
        New(Findings& sink, Finding& finding) : sink_(sink), finding_(&finding) {}
        Findings& sink_;
        Finding* finding_;
    };

    explicit Findings(std::vector<Finding>& out) : out_(out) {}
    // A sink that hands the findings it holds to `flush(context, findings)` whenever it holds `batch`
    // of them (and none is still being filled), and then starts empty (Engine::evaluate_each_rule: a
    // rule's findings are never all held).
    Findings(std::vector<Finding>& out, std::size_t batch, void (*flush)(void*, std::vector<Finding>&), void* context)
        : out_(out), batch_(batch), flush_(flush), context_(context) {}
    Findings(const Findings&) = delete;
    Findings& operator=(const Findings&) = delete;

    void set_rule(std::uint16_t index) { current_ = index; }
    [[nodiscard]] New add() {
        // The usual case first: no handle open, no batch full (never full without batches: batch_ is
        // then the largest size_t), room for max_open more.
        if (open_ != 0 || out_.size() >= batch_ || out_.capacity() - out_.size() < max_open) [[unlikely]]
            make_room();
        else
            room_end_ = out_.size() + max_open;
        ++open_;
        Finding& f = out_.emplace_back();
        f.rule = current_;
        return New(*this, f);
    }

private:
    static constexpr std::size_t no_batch = static_cast<std::size_t>(-1);
    // add() with a handle still open, a batch to flush or the vector near full. Not inline: inlined,
    // its calls made add() save and restore registers on every call.
    [[gnu::noinline]] void make_room() {
        if (open_ != 0) {
            // Room for max_open was made when the first of the open handles was added: more than that
            // many added before all of them end would move the vector under the open ones.
            if (out_.size() >= room_end_) throw std::logic_error("barnetslov::Findings: more than max_open findings added while one is open");
            return;
        }
        if (out_.size() >= batch_) {
            flush_(context_, out_);
            out_.clear();
        }
        if (out_.capacity() - out_.size() < max_open) out_.reserve(std::max(out_.capacity() * 2, out_.size() + max_open));
        room_end_ = out_.size() + max_open;
    }

    std::vector<Finding>& out_;
    std::size_t batch_ = no_batch;
    void (*flush_)(void*, std::vector<Finding>&) = nullptr;
    void* context_ = nullptr;
    std::uint16_t current_ = 0;
    std::size_t open_ = 0;  // handles handed out and not yet ended
    std::size_t room_end_ = 0;  // while a handle is open: the size the vector has room for
};

// version_for() (rule.hpp) inline, for the rules: every finding asks it once or more, and the call
// was about a third of its cost. The same loop; rule.cpp's version_for calls it.
[[nodiscard]] inline std::optional<std::uint8_t> version_in_force(const RuleMeta& meta, LocalDay day) {
    for (std::size_t i = 0; i < meta.versions.size(); ++i)
        if (day >= meta.versions[i].from && day < meta.versions[i].until) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

// A set of values, as bits (a Value is one byte): the decision kinds or bodies that trigger a rule (RuleImpl).
class KindSet {
public:
    constexpr KindSet() = default;
    constexpr KindSet(std::initializer_list<Value> values) {
        for (const Value v : values) add(v);
    }
    // The values `pred` holds for, found at compile time where `pred` is constexpr.
    template <class Pred>
    [[nodiscard]] static constexpr KindSet where(Pred pred) {
        KindSet s;
        for (std::size_t v = 0; v < value_count; ++v)
            if (pred(static_cast<Value>(v))) s.add(static_cast<Value>(v));
        return s;
    }
    constexpr void add(Value v) { bits_[index(v) / 64] |= std::uint64_t{1} << (index(v) % 64); }
    [[nodiscard]] constexpr bool has(Value v) const { return (bits_[index(v) / 64] >> (index(v) % 64)) & 1; }
    // Calls fn(v) for each value v in the set, in increasing order.
    template <class Fn>
    constexpr void each(Fn fn) const {
        for (std::size_t w = 0; w < words; ++w)
            for (std::uint64_t m = bits_[w]; m != 0; m &= m - 1) fn(static_cast<Value>(w * 64 + static_cast<std::size_t>(std::countr_zero(m))));
    }
    [[nodiscard]] constexpr bool meets(const KindSet& other) const {
        std::uint64_t any = 0;
        for (std::size_t w = 0; w < words; ++w) any |= bits_[w] & other.bits_[w];
        return any != 0;
    }

private:
    static constexpr std::size_t value_count = static_cast<std::size_t>(Value::count_);
    static constexpr std::size_t words = (value_count + 63) / 64;
    static constexpr std::size_t index(Value v) { return static_cast<std::size_t>(v); }
    std::array<std::uint64_t, words> bits_{};
};

// What a rule of the standard rulebook is besides its metadata.
class RuleImpl : public Rule {
public:
    // Appends this rule's findings for `kase` to `out`. Must not throw for any valid Case.
    virtual void evaluate(const Case& kase, const EvalContext& ctx, Findings& out) const = 0;
    // Whether evaluate can find anything in a case whose decisions have the kinds and bodies `held`: not
    // when the rule judges only decisions of kinds (or bodies) none of which is held. A rule called to find
    // no decision of its kind cost ~30-90 instructions, ~20 such rules in most files of `check --summary`
    // (session 35). The engine does not ask each rule: it reads a table made from triggers() (RuleCalls,
    // rules/common.hpp), which tests/evaluation_oracle_test.cpp holds to this definition.
    [[nodiscard]] bool may_find(const KindSet& held) const { return !only_decisions_ || held.meets(triggers_); }
    // The kinds and bodies that trigger the rule, or null when it is called on every case (may_find).
    [[nodiscard]] const KindSet* triggers() const { return only_decisions_ ? &triggers_ : nullptr; }

protected:
    RuleImpl() = default;
    // A rule whose every finding is about a decision (afgoerelse) of one of the kinds, or by one of the
    // bodies, in `triggers` (kinds and bodies are distinct values).
    constexpr explicit RuleImpl(const KindSet& triggers) : triggers_(triggers), only_decisions_(true) {}
    ~RuleImpl() = default;

private:
    KindSet triggers_;
    bool only_decisions_ = false;
};

// The rule behind an entry of the standard rulebook: every Rule there is a RuleImpl (Rule's constructor
// is protected, and only Rulebook::standard() fills a rulebook).
[[nodiscard]] inline const RuleImpl& impl(const Rule& r) { return static_cast<const RuleImpl&>(r); }

}  // namespace barnetslov
