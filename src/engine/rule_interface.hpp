// How a rule judges a case: the interface every rule of the standard rulebook implements, the context
// it judges in and the sink it writes its findings to. Private to the library.
//
// Callers cannot add rules. The rulebook is Rulebook::standard(), every rule of the law catalog this
// version implements: a caller-extensible rulebook would make this interface (Findings, EvalContext,
// the virtual evaluate) part of the public API and ABI, frozen, where today it changes with the rules
// (issue 19). A caller reads a rule's metadata through the public barnetslov::Rule (rule.hpp) and its
// findings through the Report.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

namespace rules_detail {
struct EvalMemo;  // rules/common.hpp
}

struct EvalContext {
    const Calendar& calendar;
    Instant as_of;
    LocalDay as_of_day;
    const Readings& readings;
    // Events dated after the as-of instant are not yet known and are ignored by every rule.
    [[nodiscard]] bool known(const Event& e) const {
        return e.at().has_time ? e.at().instant <= as_of : e.at().day <= as_of_day;
    }
    // What several rules derive alike from the case and the as-of date (the measures' ends, the
    // decisions about the child), built by the first rule that asks and kept for the rest of this
    // evaluation; Engine::evaluate makes one per evaluation. Null: each rule builds its own.
    rules_detail::EvalMemo* memo = nullptr;
};

// The sink rules write to; the engine stamps each finding with the rule's index.
//
// add() hands out the finding itself, not a reference into the sink's storage (which the next add()
// may move, or flush): a Findings::New is the Finding the rule fills, and takes its place among the
// rule's findings when it goes out of scope. Its place is the order of the add() calls, whatever the
// order the handles end in.
//
//   auto f = out.add();                     // Finding& f = out.add() does not compile
//   if (!open_finding(f, meta, e, day)) continue;
class Findings {
public:
    class New : public Finding {
    public:
        New(const New&) = delete;
        New& operator=(const New&) = delete;
        ~New() {
            // The last slot handed out is made here, by moving this Finding into a new last element
            // (one move, where a default Finding made by add() and then assigned over was ~70
            // instructions a finding more); an earlier one was made by the add() that followed it.
            if (slot_ == sink_.out_.size()) sink_.out_.push_back(std::move(static_cast<Finding&>(*this)));
            else sink_.out_[slot_] = std::move(static_cast<Finding&>(*this));
            --sink_.open_;
        }

    private:
        friend class Findings;
        New(Findings& sink, std::size_t slot, std::uint16_t rule_index) : sink_(sink), slot_(slot) { rule = rule_index; }
        Findings& sink_;
        std::size_t slot_;
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
        // then the largest size_t). Every handle is in place: the caller may have cleared out_.
        if (open_ == 0 && out_.size() < batch_) [[likely]] next_slot_ = out_.size();
        else make_room();
        ++open_;
        return New(*this, next_slot_++, current_);
    }

private:
    static constexpr std::size_t no_batch = static_cast<std::size_t>(-1);
    // add() with a handle still open or a batch to flush. Not inline: inlined, its loop and calls made
    // add() save and restore six registers on every call (~15 of its ~52 instructions a finding).
    [[gnu::noinline]] void make_room() {
        if (open_ == 0) {
            if (out_.size() >= batch_) {
                flush_(context_, out_);
                out_.clear();
            }
            next_slot_ = out_.size();  // every handle is in place: the caller may have cleared out_
        }
        // A finding's slot is the order of the add() calls: the slots of the handles still open are
        // made now (as default Findings their handles assign over), so that this one comes after them.
        while (out_.size() < next_slot_) out_.emplace_back();
    }

    std::vector<Finding>& out_;
    std::size_t batch_ = no_batch;
    void (*flush_)(void*, std::vector<Finding>&) = nullptr;
    void* context_ = nullptr;
    std::uint16_t current_ = 0;
    std::size_t open_ = 0;  // findings handed out and not yet in place
    std::size_t next_slot_ = 0;  // the slot the next add() hands out
};

// version_for() (rule.hpp) inline, for the rules: every finding asks it once or more, and the call
// was about a third of its cost. The same loop; rule.cpp's version_for calls it.
[[nodiscard]] inline std::optional<std::uint8_t> version_in_force(const RuleMeta& meta, LocalDay day) {
    for (std::size_t i = 0; i < meta.versions.size(); ++i)
        if (day >= meta.versions[i].from && day < meta.versions[i].until) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

// What a rule of the standard rulebook is besides its metadata.
class RuleImpl : public Rule {
public:
    // Appends this rule's findings for `kase` to `out`. Must not throw for any valid Case.
    virtual void evaluate(const Case& kase, const EvalContext& ctx, Findings& out) const = 0;

protected:
    RuleImpl() = default;
    ~RuleImpl() = default;
};

// The rule behind an entry of the standard rulebook: every Rule there is a RuleImpl (Rule's constructor
// is protected, and only Rulebook::standard() fills a rulebook).
[[nodiscard]] inline const RuleImpl& impl(const Rule& r) { return static_cast<const RuleImpl&>(r); }

}  // namespace barnetslov
