// Compliance figures over many cases (DESIGN.md "Aggregates"): per rule, and per rule and any
// combination of year, quarter, month, unit and municipality, the count of every status, the share
// on time with its 95 % (Wilson) interval, the lateness percentiles a supervisory report prints, and
// the data coverage that tells "the municipality never does X" from "the export does not carry X". Built by streaming reports in; nothing of a case is kept but its counts, so the
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
#include <unordered_map>
#include <utility>
#include <vector>

#include "barnetslov/engine.hpp"
#include "barnetslov/indicators.hpp"
#include "barnetslov/inline_vector.hpp"

namespace barnetslov {

// An axis the figures are grouped by besides the rule. `rule` alone: no axis. A finding's year,
// quarter and month are those of the local day of the event that started its duty; its unit the
// unit responsible for the case on that day (finding_unit); its municipality that of its case.
enum class GroupBy : std::uint8_t { rule, year, unit, quarter, month, municipality };
// "rule", "year", "unit", "quarter", "month", "municipality": the CLI's --group-by words.
[[nodiscard]] std::string_view to_string(GroupBy by);
[[nodiscard]] std::optional<GroupBy> group_by_from_string(std::string_view word);
// "2024-Q3", "2024-07", "2024": the group key of a day on a time axis ("" for unit, municipality, rule).
[[nodiscard]] std::string time_key(GroupBy by, LocalDay day);

// A 95 % confidence interval of a share (Wilson score interval): honest at small n and at 0 % and
// 100 %, where the normal approximation gives an interval of width 0.
struct Interval {
    double low = 0, high = 0;
};
[[nodiscard]] Interval wilson_interval(std::uint64_t successes, std::uint64_t n);
// Below this many judged findings (met + late + missed + violated) a share is marked a small sample:
// its 95 % interval is then wider than about ±18 percentage points.
inline constexpr std::uint64_t small_sample = 30;

// Whether an export carries what a rule needs to be judged (RuleMeta::evidence), over a whole batch.
// none: no file carries any of the rule's evidence, so its figures are "no data in this export",
// never 0 % on time. sparse: some do, but fewer than 1 in sparse_ratio of the files with a finding
// of the rule: the figures are given, marked, since an export that carries the element only
// now and then reads like a municipality that seldom does the duty.
enum class DataCoverage : std::uint8_t { present, sparse, none };
inline constexpr std::uint64_t sparse_ratio = 100;
[[nodiscard]] std::string_view to_string(DataCoverage c);  // "present", "sparse", "none"


// A published national figure for a rule's share on time (docs/national-figures.json, built in):
// what the HTML chart draws as a reference line. Only figures that measure the same duty and are
// cited with their address and date are listed; a rule without one gets no line.
struct NationalFigure {
    std::string rule, what, source, address, published, read_on;
    double share = 0;
};
[[nodiscard]] const std::vector<NationalFigure>& national_figures();
[[nodiscard]] const NationalFigure* national_figure(std::string_view rule_id);

struct RuleCoverage {
    std::string rule;                     // the rule id
    std::uint64_t files_with_findings = 0;  // files with a finding of the rule that passes the filter
    std::uint64_t files_with_evidence = 0;  // files that carry the rule's evidence, of all files counted
    DataCoverage data = DataCoverage::present;
};

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
        const auto it = std::lower_bound(counts_.begin(), counts_.end(), days, [](const Count& e, std::int64_t d) { return e.days < d; });
        if (it != counts_.end() && it->days == days) it->n += n;
        else counts_.insert(it, Count{days, n});
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
    // A struct, not a std::pair: trivially copyable, so that a value inserted before others moves them by one
    // memmove, where a pair's assignment moved them one by one (~7 instructions each; days overdue are mostly
    // new values, ~0.2 k instructions a file of `check --summary`, issue 20).
    struct Count {
        std::int64_t days;
        std::uint64_t n;
    };
    std::vector<Count> counts_;
    std::uint64_t total_ = 0;
};

struct GroupFigures {
    std::string rule;                         // the rule id
    std::vector<std::string> keys;            // one per axis (Aggregates::axes()): "2024-Q3", the unit, ...
    std::string group;                        // the keys joined by " / "; empty when grouped by rule alone
    std::uint64_t cases = 0;                  // cases with at least one finding of the rule in the group
    std::uint64_t cases_with_evidence = 0;    // of those, the cases that carry the rule's evidence
    std::array<std::uint64_t, status_count> status{};  // findings per Status
    std::uint64_t met_with_basis = 0;         // `met` findings that rest on a basis (a foreløbig vurdering, ...)
    DayHistogram late_days;                   // `late` findings: days after the deadline
    DayHistogram overdue_days;                // `missed` findings: days overdue as of the reference time

    [[nodiscard]] std::uint64_t findings() const;
    // met + late + missed + violated: the findings a share on time is taken over.
    [[nodiscard]] std::uint64_t judged() const;
    // met / (met + late + missed + violated); nullopt when that denominator is 0.
    [[nodiscard]] std::optional<double> share_on_time() const;
    // The 95 % Wilson interval of share_on_time(); nullopt where it is.
    [[nodiscard]] std::optional<Interval> share_on_time_interval() const;
    [[nodiscard]] bool small_sample() const { return judged() < barnetslov::small_sample; }
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

// The rules' evidence (RuleMeta::evidence) read once per engine: the distinct (event type, attribute)
// pairs the rules ask for, and each rule's pairs by number. A case's evidence is then each pair
// looked up once and a few bit tests a rule: carries_evidence asked rule by rule read the same pairs
// for 62 distinct lists among 86 rules, ~3.4 k instructions a file of `check --summary` (issue 20).
class EvidenceIndex {
public:
    EvidenceIndex() = default;
    explicit EvidenceIndex(const Engine& engine);
    // out[r] = carries_evidence(kase, rule r's meta()) for every rule r of the engine's rulebook.
    void carried(const Case& kase, std::vector<std::uint8_t>& out) const;
    // Whether this index was made for `engine` (a default-made one is made for none).
    [[nodiscard]] bool made_for(const Engine& engine) const { return engine_ == &engine; }

private:
    friend class CaseFigures;
    // A rule set: bit r % 64 of word r / 64 for rule r; inline up to 256 rules, so a case's set is no allocation.
    using RuleSet = InlineVector<std::uint64_t, 4>;
    // The same as a rule set. The figures read it by the rules carried, not rule by rule (86 a file).
    void carried_words(const Case& kase, RuleSet& out) const;
    // Rules as bits (words_ words a set, in masks_ padded with 0 to at least the RuleSet's inline 4). By event type: the rules an event of the type is evidence of,
    // and the attributes whose presence on such an event is evidence, each with its rules.
    struct ByAttr {
        Attr attr;
        std::uint32_t rules;  // offset of the rule set in masks_
    };
    const Engine* engine_ = nullptr;
    std::size_t rules_ = 0, words_ = 0;
    std::vector<std::uint64_t> masks_;
    std::vector<std::uint32_t> type_rules_;  // by EventType: offset in masks_, or none_ when no rule lists the type alone
    std::vector<std::uint32_t> attr_begin_;  // by EventType (and one past): its entries of by_attr_
    std::vector<ByAttr> by_attr_;
    static constexpr std::uint32_t none_ = 0xFFFF'FFFF;
};

// What one case adds to the figures, apart from its report: a batch makes it on the thread that
// checked the case, drops the report there, and adds it to the figures in file order.
class CaseFigures {
public:
    CaseFigures() = default;
    CaseFigures(const Engine& engine, const Report& report, const AggregateFilter& filter);
    // The figures of `kase` made a batch of findings at a time (Engine::evaluate_each_rule): begun empty,
    // then add() for each batch (a batch may hold several rules' findings, and one rule's may span two). Notes which rules' evidence the case carries.
    CaseFigures(const Engine& engine, const Case& kase);
    // What the figures keep of a finding: a row with its day and unit (for figures grouped by an axis
    // besides the rule, and for any Aggregates), or only its rule's counts (for an Aggregates by rule
    // alone, which reads no day or unit: ~8 k instructions a file less in `check --summary`).
    enum class Detail : std::uint8_t { rows, counts };
    // The same, the evidence read through `evidence` when it was made for `engine` (made once for
    // many cases); otherwise, as by the constructor above, rule by rule. With `indicators`, as
    // add_indicators() after it, without making the case's records apart and moving them in.
    CaseFigures(const Engine& engine, const Case& kase, const EvidenceIndex& evidence, Detail detail = Detail::rows,
                const IndicatorSettings* indicators = nullptr);
    void add(const Engine& engine, const Case& kase, std::span<const Finding> findings, const AggregateFilter& filter);
    // The findings taken (those that passed the filter), by Status.
    [[nodiscard]] const std::array<std::uint64_t, status_count>& statuses() const { return statuses_; }
    // Takes the case's records for the indicators (indicators.hpp); without this the case adds none.
    void add_indicators(const Case& kase, const IndicatorSettings& settings) { indicators_ = CaseIndicators(kase, settings); }

private:
    friend class Aggregates;
    struct Row {
        std::uint16_t rule;
        Status status;
        bool with_basis;    // met through a basis (a lawful exception)
        LocalDay day;       // the local day the duty started
        std::int64_t days;  // whole days late (late) or overdue (missed)
        std::uint32_t unit; // index in units_: the unit responsible on `day`
    };
    std::vector<Row> rows_;  // the findings that pass the filter, in report order (Detail::rows)
    // Detail::counts: a run of one rule's findings (consecutive in a batch from evaluate_each_rule) by status,
    // and the late findings' days late and the missed findings' days overdue, run by run in days_: the
    // late ones as the days, the overdue ones as ~days (negative), in finding order.
    struct RuleCounts {
        std::uint16_t rule;
        std::array<std::uint32_t, status_count> status;
        std::uint32_t with_basis;
    };
    // add() apart from its common case (counts without a filter), which it keeps free of this one's registers.
    void add_filtered_or_rows(const Engine& engine, const Case& kase, std::span<const Finding> findings, const AggregateFilter& filter);
    // One finding into the counts: `run`, the call's run of its rule, begun when the rule changes.
    void count(const Finding& f, RuleCounts*& run);
    Detail detail_ = Detail::rows;
    std::array<std::uint64_t, status_count> statuses_{};
    std::vector<RuleCounts> counts_;
    // Inline up to what most cases have: the allocation and free it spares were ~0.1 k instructions a file.
    InlineVector<std::int64_t, 16> days_;
    // The rules whose evidence the case carries, as bits by rulebook index (EvidenceIndex::carried_words): a
    // file's coverage is then counted over the rules carried, not over the rulebook.
    EvidenceIndex::RuleSet evidence_;
    // The case's unit, then the unit of each ansvarlig-enhed in time order (Case::unit_period_on):
    // copied, as the figures outlive the case.
    std::vector<std::string> units_;
    std::string municipality_;
    CaseIndicators indicators_;
};

class Aggregates {
public:
    Aggregates(const Engine& engine, GroupBy by, AggregateFilter filter = {});
    // Grouped by rule and every axis of `axes`, in that order (none: by rule alone; GroupBy::rule and
    // repeats are ignored).
    Aggregates(const Engine& engine, std::vector<GroupBy> axes, AggregateFilter filter = {});
    // A copy finds its groups anew (by_rule_ points into the map it was built for).
    Aggregates(const Aggregates& other)
        : engine_(other.engine_), axes_(other.axes_), filter_(other.filter_), cases_(other.cases_), groups_(other.groups_),
          coverage_(other.coverage_), evidence_counts_(other.evidence_counts_), indicators_(other.indicators_) {}
    Aggregates& operator=(const Aggregates& other) {
        if (this != &other) *this = Aggregates(other);
        return *this;
    }
    Aggregates(Aggregates&&) noexcept = default;
    Aggregates& operator=(Aggregates&&) noexcept = default;

    // Counts the findings of one case. Cases may come in any order: the figures do not depend on it.
    void add(const Report& report);
    // The same, from what the case's report gave (with this object's filter). Throws std::invalid_argument,
    // changing nothing, when `kase` keeps only counts per rule (CaseFigures::Detail::counts) and this object
    // groups by an axis besides the rule: counts carry no finding's day or unit. Make such a case's
    // figures with Detail::rows (the default) to add them to figures grouped by any axis.
    void add(const CaseFigures& kase);
    // Adds figures gathered elsewhere (another thread's share of the same batch).
    void merge(const Aggregates& other);

    // The first axis, or GroupBy::rule for figures by rule alone.
    [[nodiscard]] GroupBy group_by() const { return axes_.empty() ? GroupBy::rule : axes_.front(); }
    [[nodiscard]] const std::vector<GroupBy>& axes() const { return axes_; }
    [[nodiscard]] std::uint64_t case_count() const { return cases_; }
    // The groups in rulebook order, then by group keys.
    [[nodiscard]] std::vector<const GroupFigures*> groups() const;
    // Per rule with a finding in the batch, in rulebook order: how many files carry its evidence.
    [[nodiscard]] std::vector<RuleCoverage> coverage() const;
    // The data coverage of one rule over the batch (DataCoverage::none for a rule without findings).
    [[nodiscard]] DataCoverage data(std::string_view rule_id) const;
    // The indicators for the auditor, grouped by the same axes (indicators.hpp).
    [[nodiscard]] const Indicators& indicators() const { return indicators_; }

private:
    const Engine* engine_;
    std::vector<GroupBy> axes_;
    AggregateFilter filter_;
    struct Group {
        GroupFigures figures;
        std::uint64_t last_case = 0;  // the number of the last case counted in `figures.cases`
    };
    Group& group(std::uint16_t rule, const KeyView& keys);
    // The group of rule `rule` when there is no axis.
    Group& rule_group(std::uint16_t rule);
    // By rulebook index, then keys as text (KeysLess): found with a KeyView, no string made.
    struct GroupLess {
        using is_transparent = void;
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            if (a.first != b.first) return a.first < b.first;
            return KeysLess{}(a.second, b.second);
        }
    };

    std::uint64_t cases_ = 0;
    std::map<std::pair<std::uint16_t, std::vector<std::string>>, Group, GroupLess> groups_;
    std::vector<Group*> by_rule_;  // no axis: each rule's group once found (map nodes stay put)
    // With axes: groups_ found by hash, by the rule and the keys each prefixed by its length in `probe_`
    // (a reused string); a cache of groups_, so a copy starts it empty and merge() need not fill it.
    std::unordered_map<std::string, Group*> index_;
    std::string probe_;
    struct Coverage {
        std::uint64_t files_with_findings = 0, files_with_evidence = 0;
        std::uint64_t last_case = 0;  // the number of the last case counted in files_with_findings
    };
    std::vector<Coverage> coverage_;  // by rulebook index; files_with_evidence: what merge() brought, the rest in evidence_counts_
    // The files carrying each rule's evidence as counted by add(): bit-sliced counters, so that a file's rule set
    // (EvidenceIndex::RuleSet) is added a word of 64 rules at a time, as a binary increment of all 64 counts at once
    // (a few instructions a word, where ~32 rules carried a file took ~11 each).
    struct EvidenceCounts {
        std::vector<std::array<std::uint64_t, 64>> planes;  // by word of the rule set: planes[w][k], bit k of the counts
        void add(std::size_t word, std::uint64_t rules);
        [[nodiscard]] std::uint64_t count(std::size_t rule) const;
    };
    EvidenceCounts evidence_counts_;
    [[nodiscard]] std::uint64_t files_with_evidence(std::size_t rule) const { return coverage_[rule].files_with_evidence + evidence_counts_.count(rule); }
    Indicators indicators_;
};

}  // namespace barnetslov
