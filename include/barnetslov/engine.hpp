// The engine: a rulebook and a calendar, immutable after construction, shared between threads.
//
//   barnetslov::Engine engine;                       // all rules, default holidays
//   auto loaded = barnetslov::load_case_file("case.xml", engine.calendar());
//   barnetslov::Report report = engine.evaluate(loaded.kase, as_of);
//
// The engine never reads the clock: the as-of instant is always an argument.
//
// Indices in the C++ API: a function that takes an index (Engine::meta's Finding::rule,
// Case::event, Case::referrers) throws std::out_of_range for one out of range; a lookup by name
// (Rulebook::find, Rulebook::index_of, Case::find_event) answers nullptr or nullopt when nothing
// has the name. Spans (Case::events(), Rulebook::rules()) index as std::span does, unchecked.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "barnetslov/finding.hpp"
#include "barnetslov/readings.hpp"
#include "barnetslov/rule.hpp"

namespace barnetslov {

class Rulebook {
public:
    // Every rule this version of the library implements, in the catalog's order.
    static Rulebook standard();

    [[nodiscard]] std::span<const Rule* const> rules() const { return rules_; }
    [[nodiscard]] const Rule* find(std::string_view id) const;
    [[nodiscard]] std::optional<std::uint16_t> index_of(std::string_view id) const;
    // Every reason a finding of these rules can give, each once: general_reasons() first, then each
    // rule's own (RuleMeta::reasons) in the rules' order. Keys are unique (a test checks it).
    [[nodiscard]] std::vector<const Reason*> reasons() const;

private:
    std::vector<const Rule*> rules_;  // rules are static objects; the rulebook only lists them
};

// Findings of one case as of one instant, in a deterministic order (rule, then event).
// A status the CLI's exit code 1 and a JUnit failure stand for: late, missed, violated, indeterminate.
[[nodiscard]] constexpr bool is_problem(Status s) {
    return s == Status::late || s == Status::missed || s == Status::violated || s == Status::indeterminate;
}

struct Report {
    std::shared_ptr<const Case> kase;
    Instant as_of{};
    std::vector<Finding> findings;
    // The case's events dated after as_of (a planned kvittering, a decision written ahead), in
    // time order: no rule judged them, and every report says so, so that a duty they would fulfil
    // is not taken as done (nor one they start as started). A vendor who wants to see what a
    // planned event would change pre-checks it (precheck.hpp).
    std::vector<std::uint32_t> events_after_as_of;

    // Whether any finding is late, missed, violated or indeterminate (the CLI's exit code 1).
    [[nodiscard]] bool has_problems() const;
};

// Rules chosen by rulebook index (EvaluateOptions::rules); empty chooses every rule.
using RuleSelection = std::vector<bool>;

// Whether `selection` chooses rule `index`.
[[nodiscard]] inline bool selects(const RuleSelection& selection, std::size_t index) {
    return selection.empty() || (index < selection.size() && selection[index]);
}

// How Engine::evaluate treats the case's events dated after the as-of time.
struct EvaluateOptions {
    // false (the default): not judged, listed in Report::events_after_as_of.
    // true: listed as well, and the findings that name one of them are judged as if it happens as
    // planned: as of the time of the last planned event, each replacing the finding of the same
    // rule and subject judged as of as_of (a kvittering planned in time turns "pending" into "met",
    // one planned too late into "late"), and flagged Finding::planned. Every other finding is
    // judged as of as_of, as without the option. For a case system's "what if" view; figures an
    // auditor publishes never use it.
    bool planned_as_proposed = false;
    // Which rules run, by rulebook index (Rulebook::rules(), Rulebook::index_of): empty (the
    // default) runs every rule; otherwise rule i runs only when i < rules.size() and rules[i]. A
    // rule left out is not evaluated at all (`check --rules` costs what the chosen rules cost); the
    // findings of the rules that run are exactly those of a full run, since no rule reads another's.
    RuleSelection rules;
};

struct EngineOptions {
    HolidayOptions holidays;  // grundlovsdag, juleaftensdag, nytaarsaftensdag (readings too)
    Readings readings;        // the other readings a user may choose (readings.hpp)
};

class Engine {
public:
    // Throws std::runtime_error when the time-zone database cannot be read.
    explicit Engine(EngineOptions options = {});

    [[nodiscard]] const Calendar& calendar() const { return calendar_; }
    [[nodiscard]] const Rulebook& rulebook() const { return rulebook_; }
    [[nodiscard]] const Readings& readings() const { return readings_; }
    // Every choosable reading and the value this engine judges by, for reports.
    [[nodiscard]] std::vector<ReadingValue> readings_used() const { return describe_readings(readings_, calendar_.options()); }
    // The metadata of the rule that made `f`. Throws std::out_of_range when f.rule is not an index
    // of this engine's rulebook (a finding this engine did not make).
    [[nodiscard]] const RuleMeta& meta(const Finding& f) const {
        const auto rules = rulebook_.rules();
        if (f.rule >= rules.size()) throw std::out_of_range("barnetslov::Engine::meta: the finding's rule is not in this engine's rulebook");
        return rules[f.rule]->meta();
    }

    [[nodiscard]] Report evaluate(std::shared_ptr<const Case> kase, Instant as_of) const;
    [[nodiscard]] Report evaluate(std::shared_ptr<const Case> kase, Instant as_of, EvaluateOptions options) const;

    // As evaluate(), handing the findings to `take` a few thousand at a time, rule after rule, instead of
    // keeping them: for what only counts them (the figures of `check --summary`), which does not depend on
    // their order. One call's span may hold several rules' findings (in rule order), and one rule's findings
    // may be split across two calls: read each finding's own `rule`, never the span's first. Within a rule
    // they come in the order the rule made them (a Report sorts each rule's by subject). A case at the event limit can have millions of findings (a hundred thousand decisions
    // judged by thirty rules; a placement a finding per year): kept, they were most of the memory of
    // checking it. `take` keeps nothing of the span after it returns.
    // Only the rules `rules` selects are evaluated (EvaluateOptions::rules).
    // Memory: each calling thread keeps its buffer of findings (up to 64 KiB) from one call to the
    // next, and frees it when the thread ends.
    void evaluate_each_rule(const Case& kase, Instant as_of, const std::function<void(std::span<const Finding>)>& take,
                            const RuleSelection& rules = {}) const;

private:
    Calendar calendar_;
    Rulebook rulebook_;
    Readings readings_;
};

}  // namespace barnetslov
