// Compliance figures over many cases (DESIGN.md "Aggregates"): per rule, and per rule and year or
// unit, the count of every status, the share on time and the lateness percentiles a supervisory
// report prints. Built by streaming reports in; nothing of a case is kept but its counts, so the
// memory does not grow with the number of files beyond the groups and the lateness histograms.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "barnetslov/engine.hpp"

namespace barnetslov {

enum class GroupBy : std::uint8_t { rule, year, unit };

// Which findings count: a rule subset and a window on the local day of the triggering event.
struct AggregateFilter {
    std::vector<std::string> rules;        // empty: every rule
    std::optional<LocalDay> since, until;  // inclusive
};

// Whether finding `f` of `report` passes `filter` (the CLI applies the same test to what it prints).
[[nodiscard]] bool passes(const AggregateFilter& filter, const Engine& engine, const Report& report, const Finding& f);
[[nodiscard]] bool passes(const AggregateFilter& filter, const Engine& engine, const Case& kase, const Finding& f);

// Nearest-rank percentiles over whole days, kept as a histogram: exact, and bounded by the
// number of distinct day counts rather than the number of findings.
class DayHistogram {
public:
    void add(std::int64_t days, std::uint64_t n = 1) {
        const auto it = std::lower_bound(counts_.begin(), counts_.end(), days, [](const auto& e, std::int64_t d) { return e.first < d; });
        if (it != counts_.end() && it->first == days) it->second += n;
        else counts_.emplace(it, days, n);
        total_ += n;
    }
    void merge(const DayHistogram& other) {
        for (const auto& [d, n] : other.counts_) add(d, n);
    }
    [[nodiscard]] std::uint64_t count() const { return total_; }
    // The smallest value v with at least ceil(p/100 * count) values ≤ v; nullopt when empty.
    [[nodiscard]] std::optional<std::int64_t> percentile(int p) const;

private:
    // (days, count) by days: a flat vector, a quarter of a map's memory per distinct value, which
    // is what grows over a long batch (bench/RESULTS.md, peak RSS).
    std::vector<std::pair<std::int64_t, std::uint64_t>> counts_;
    std::uint64_t total_ = 0;
};

struct GroupFigures {
    std::string rule;                         // the rule id
    std::string group;                        // the year or the unit; empty when grouped by rule
    std::uint64_t cases = 0;                  // cases with at least one finding of the rule in the group
    std::array<std::uint64_t, status_count> status{};  // findings per Status
    std::uint64_t met_with_basis = 0;         // `met` findings that rest on a basis (a foreløbig vurdering, ...)
    DayHistogram late_days;                   // `late` findings: days after the deadline
    DayHistogram overdue_days;                // `missed` findings: days overdue as of the reference time

    [[nodiscard]] std::uint64_t findings() const;
    // met / (met + late + missed + violated); nullopt when that denominator is 0.
    [[nodiscard]] std::optional<double> share_on_time() const;
    // The same without the findings met only through a basis: (met - met_with_basis) / (met + late + missed +
    // violated). For BL-UNDS-4M, "concluded within 4 months" beside share_on_time's "within 4 months or with a
    // foreløbig vurdering" (law README).
    [[nodiscard]] std::optional<double> share_on_time_without_basis() const;
};

// The Børnesagsbarometret indicator a rule's figures reproduce, in Danish, or "" (DESIGN.md).
[[nodiscard]] std::string_view barometer_indicator(std::string_view rule_id);
// Whether that indicator is share_on_time_without_basis (BL-UNDS-4M: concluded within 4 months, a foreløbig
// vurdering not counted) rather than share_on_time.
[[nodiscard]] bool barometer_without_basis(std::string_view rule_id);

// What one case adds to the figures, apart from its report: a batch makes it on the thread that
// checked the case, drops the report there, and adds it to the figures in file order.
class CaseFigures {
public:
    CaseFigures() = default;
    CaseFigures(const Engine& engine, const Report& report, const AggregateFilter& filter);
    // The figures of `kase` made a rule's findings at a time (Engine::evaluate_each_rule): begun empty,
    // then add() for each rule's.
    explicit CaseFigures(const Case& kase);
    void add(const Engine& engine, const Case& kase, std::span<const Finding> findings, const AggregateFilter& filter);

private:
    friend class Aggregates;
    struct Row {
        std::uint16_t rule;
        Status status;
        bool with_basis;    // met through a basis (a lawful exception)
        std::int32_t year;  // local year of the day the duty started
        std::int64_t days;  // whole days late (late) or overdue (missed)
    };
    std::vector<Row> rows_;  // the findings that pass the filter, in report order
    std::string unit_;
};

class Aggregates {
public:
    Aggregates(const Engine& engine, GroupBy by, AggregateFilter filter = {});
    // A copy finds its groups anew (by_rule_ points into the map it was built for).
    Aggregates(const Aggregates& other)
        : engine_(other.engine_), by_(other.by_), filter_(other.filter_), cases_(other.cases_), groups_(other.groups_) {}
    Aggregates& operator=(const Aggregates& other) {
        if (this != &other) *this = Aggregates(other);
        return *this;
    }
    Aggregates(Aggregates&&) noexcept = default;
    Aggregates& operator=(Aggregates&&) noexcept = default;

    // Counts the findings of one case. Cases may come in any order: the figures do not depend on it.
    void add(const Report& report);
    // The same, from what the case's report gave (with this object's filter).
    void add(const CaseFigures& kase);
    // Adds figures gathered elsewhere (another thread's share of the same batch).
    void merge(const Aggregates& other);

    [[nodiscard]] GroupBy group_by() const { return by_; }
    [[nodiscard]] std::uint64_t case_count() const { return cases_; }
    // The groups in rulebook order, then by group key.
    [[nodiscard]] std::vector<const GroupFigures*> groups() const;

private:
    const Engine* engine_;
    GroupBy by_;
    AggregateFilter filter_;
    struct Group {
        GroupFigures figures;
        std::uint64_t last_case = 0;  // the number of the last case counted in `figures.cases`
    };
    Group& group(std::uint16_t rule, const std::string& key);

    std::uint64_t cases_ = 0;
    std::map<std::pair<std::uint16_t, std::string>, Group> groups_;
    std::vector<Group*> by_rule_;  // GroupBy::rule: each rule's group once found (map nodes stay put)
};

}  // namespace barnetslov
