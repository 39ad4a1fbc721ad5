// Indicators for the auditor (issue 18, docs/indicators.md): goal attainment, continuity of
// caseworkers, caseload on a day, placement pattern, early signals of repeated concern and
// underretninger by notifier role. They are figures, not findings against a rule. They are made in
// the same streaming pass as the compliance figures (aggregate.hpp): a case's few records are taken
// on the thread that checked it (CaseIndicators), the case is dropped, and the records are counted
// into groups (Indicators); memory grows with the groups and, for the caseload, the caseworkers,
// never with the number of cases.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "barnetslov/calendar.hpp"
#include "barnetslov/inline_vector.hpp"
#include "barnetslov/vocabulary.hpp"

namespace barnetslov {

class Case;
enum class GroupBy : std::uint8_t;

// A group's keys as views (one per axis, at most one of each GroupBy): what a lookup is made with, so
// that the strings of a vector<string> key are made only for a group not seen before.
struct KeyView {
    std::array<std::string_view, 6> keys{};
    std::size_t size = 0;
    [[nodiscard]] const std::string_view* begin() const { return keys.data(); }
    [[nodiscard]] const std::string_view* end() const { return keys.data() + size; }
    [[nodiscard]] std::vector<std::string> strings() const { return {begin(), end()}; }
};
// Room for the time keys of a KeyView ("2024-Q3", "2024-07", "2024"), one slot per axis.
// A slot remembers the period its text is of, so that the records of one period (most of a case's) share
// one conversion of a day to a date.
struct TimeKeySlot {
    std::array<char, 16> text{};
    std::uint8_t size = 0;
    GroupBy by{};
    LocalDay from{LocalDay::max()}, to{LocalDay::min()};  // the period [from, to) of `text`; none yet
};
using TimeKeyBuffer = std::array<TimeKeySlot, 6>;
// time_key (aggregate.hpp) written into `slot`, without a string: the view is valid while `slot` is.
[[nodiscard]] std::string_view time_key(GroupBy by, LocalDay day, TimeKeySlot& slot);
// Keys compared as text, a vector<string> against a KeyView too: the order of std::less<vector<string>>.
struct KeysLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [](std::string_view x, std::string_view y) { return x < y; });
    }
};

// What the indicators need beyond the case: the as-of time (an early signal whose 4 months have not
// passed by then is pending) and the day the caseload is taken on (--on, by default the as-of day).
struct IndicatorSettings {
    Instant as_of{};
    LocalDay as_of_day{};
    LocalDay caseload_day{};
    std::optional<LocalDay> since, until;  // --since/--until: the window on each counted record's day
};

// A goal's status at a follow-up (maal-status): the order of the JSON fields.
enum class GoalStatus : std::uint8_t { reached, partly, not_reached, dropped };
inline constexpr std::size_t goal_status_count = 4;

// The few records one case contributes, taken from the case on the thread that checked it.
class CaseIndicators {
public:
    CaseIndicators() = default;
    CaseIndicators(const Case& kase, const IndicatorSettings& settings);

private:
    friend class Indicators;
    // A unit by the index into units_: 0 is the case's own `unit`, i > 0 the unit of the i-th
    // ansvarlig-enhed from its day on.
    using UnitIndex = std::uint32_t;
    struct Goal {
        LocalDay day;  // the follow-up's
        UnitIndex unit;
        Value kind;  // of the measure the follow-up concerns; none_: unknown
        Value area;  // none_: not given
        GoalStatus status;
    };
    // A run of consecutive caseworker-bearing events with one caseworker: most cases have one or a few runs over some
    // twenty such events, so the continuity is counted a run and a period, not an event (issue 20, session 35).
    struct Run {
        std::uint32_t begin;   // its first event's index in touch_days()
        std::uint32_t worker;  // the caseworker's number, 0 .. workers_ - 1, by first appearance
    };
    struct Placement {
        LocalDay day;
        UnitIndex unit;
        Value site;  // none_: no site-type
    };
    enum class Signal : std::uint8_t { acted, no_action, pending };
    struct EarlySignal {
        LocalDay day;  // the third (k-th) underretning's
        UnitIndex unit;
        Signal outcome;
    };
    struct Notification {
        LocalDay day;
        UnitIndex unit;
        Value role;  // none_: no notifier-role
    };
    struct Load {
        UnitIndex unit;
        std::optional<std::string> worker;  // the caseworker id last recorded by D; none: none recorded by D
    };

    [[nodiscard]] UnitIndex unit_on(LocalDay day) const;
    // The touches' days, runs_ and workers_ from the case's events.
    void take_touches(const Case& c);

    bool taken = false;  // made from a case (a default-made one adds nothing)
    // The case's municipality, then its units' names, in one string: copied, as the records outlive the case,
    // in one allocation a case, where a string each and the timeline's vector were ~3 (issue 20).
    std::string texts_;
    std::uint32_t municipality_size_ = 0;
    struct Unit {
        LocalDay from;  // the ansvarlig-enhed's day; LocalDay::min() for the case's own unit
        std::uint32_t begin, size;  // its name in texts_
    };
    InlineVector<Unit, 2> units_;  // the ansvarlig-enhed timeline, by day; [0] the case's unit
    [[nodiscard]] std::string_view unit_name(UnitIndex i) const { return {texts_.data() + units_[i].begin, units_[i].size}; }
    [[nodiscard]] std::string_view municipality() const { return {texts_.data(), municipality_size_}; }
    // Distinct caseworkers: their ids are not kept (only the caseload's one, in load_), a vector of strings a case.
    std::uint32_t workers_ = 0;
    // The records inline up to what most cases have (a case's allocations were ~4.5, issue 20): some twenty
    // caseworker events, a few underretninger and goals, a placement or two.
    InlineVector<Goal, 4> goals_;
    // The day of each event carrying a caseworker, in time order: in days_inline_ when the case has no more events than
    // it holds (most cases), else in days_spill_. Written through a pointer: InlineVector::push_back reloaded its size
    // and capacity at each day stored (~9 instructions an event).
    std::array<LocalDay, 32> days_inline_;
    std::vector<LocalDay> days_spill_;
    std::uint32_t touches_ = 0;
    [[nodiscard]] std::span<const LocalDay> touch_days() const { return {days_spill_.empty() ? days_inline_.data() : days_spill_.data(), touches_}; }
    InlineVector<Run, 4> runs_;               // those events as runs of one caseworker: a run's caseworker is not the one before's
    std::optional<LocalDay> last_day_;  // the case's last event's day
    InlineVector<Placement, 2> placements_;
    std::optional<EarlySignal> signal_;
    InlineVector<Notification, 4> notifications_;
    std::optional<Load> load_;  // set when the case is open on the caseload day
    LocalDay caseload_day_{};
    std::optional<LocalDay> since_, until_;
};

// Raw counts, the shape of docs/report-json.md's "indicators" (format-18 § 4). `keys` are the
// group's keys by axis as the compliance rows have them; time axes are absent from the caseload.
struct GoalRow {
    std::vector<std::string> keys;
    std::string measure_kind, area;
    std::array<std::uint64_t, goal_status_count> count{};
};
struct ContinuityRow {
    std::vector<std::string> keys;
    std::uint64_t child_periods = 0, caseworkers_sum = 0, handovers = 0, one_caseworker = 0, cases_without_caseworker = 0;
};
struct CaseloadRow {
    std::vector<std::string> keys;  // unit and municipality only, as grouped
    std::uint64_t open_cases = 0, caseworkers = 0, max_open_per_caseworker = 0, open_without_caseworker = 0;
    // Open cases with a caseworker per caseworker: (open_cases - open_without_caseworker) / caseworkers.
    [[nodiscard]] std::optional<double> mean_open_per_caseworker() const;
};
struct CountsRow {  // placement pattern (site types) and notifier roles
    std::vector<std::string> keys;
    std::map<std::string, std::uint64_t> counts;  // by value name, "unknown" for none given
};
struct SignalRow {
    std::vector<std::string> keys;
    std::uint64_t with_pattern = 0, no_action = 0, pending = 0;
};

// Which indicators the export carries the data of (an indicator without any is "no data in this
// export", never a 0).
struct IndicatorCoverage {
    bool goals = false;        // some case has a maal-status
    bool caseworkers = false;  // some case has an event with a caseworker
    bool placements = false;   // some case has a granted placement decision
    bool site_types = false;   // of those, some carries a site-type
    bool underretninger = false;
};

// The site-type groups of the placement pattern.
enum class SiteGroup : std::uint8_t { family, institution, other, unknown };
[[nodiscard]] SiteGroup site_group(std::string_view site_type);

class Indicators {
public:
    Indicators() = default;
    // Grouped by `axes` (the figures' --group-by axes); without a time axis among them, by year first:
    // the indicators are counted per period, and a period is a year unless the axes say otherwise.
    explicit Indicators(std::vector<GroupBy> axes);

    void add(const CaseIndicators& kase);
    void merge(const Indicators& other);

    [[nodiscard]] const std::vector<GroupBy>& axes() const { return axes_; }
    [[nodiscard]] bool any() const { return cases_ > 0; }
    [[nodiscard]] std::optional<LocalDay> caseload_day() const { return caseload_day_; }
    [[nodiscard]] const IndicatorCoverage& coverage() const { return coverage_; }
    // The axes the caseload is grouped by: unit and municipality of axes(), in their order.
    [[nodiscard]] std::vector<GroupBy> caseload_axes() const;

    // Rows sorted by keys (then measure kind and area); rows of nothing but zeros left out.
    [[nodiscard]] std::vector<GoalRow> goal_attainment() const;
    [[nodiscard]] std::vector<ContinuityRow> continuity() const;
    [[nodiscard]] std::vector<CaseloadRow> caseload() const;
    [[nodiscard]] std::vector<CountsRow> placement_pattern() const;
    [[nodiscard]] std::vector<SignalRow> early_signals() const;
    [[nodiscard]] std::vector<CountsRow> notifier_roles() const;

private:
    using Keys = std::vector<std::string>;
    // The keys of a record on `day` at `unit`; time keys are written into `buffer` (one slot per axis).
    [[nodiscard]] KeyView keys(const CaseIndicators& c, LocalDay day, CaseIndicators::UnitIndex unit, TimeKeyBuffer& buffer) const;
    // Open cases per caseworker id: only their number and the largest count are read, never the order.
    using Counts = std::unordered_map<std::string, std::uint64_t>;

    std::vector<GroupBy> axes_;
    std::uint64_t cases_ = 0;
    std::optional<LocalDay> caseload_day_;
    IndicatorCoverage coverage_;
    // A goal's counts by measure kind and area as Values (none_: "unknown"), named only when the rows are
    // read: a map by the two names compared strings at each of its levels (~0.9 k instructions a file).
    using GoalCounts = std::map<std::pair<Value, Value>, std::array<std::uint64_t, goal_status_count>>;
    std::map<Keys, GoalCounts, KeysLess> goals_;
    std::map<Keys, ContinuityRow, KeysLess> continuity_;
    struct Load {
        std::uint64_t open = 0, without = 0;
        Counts per_worker;
    };
    std::map<Keys, Load, KeysLess> load_;
    // Site types and notifier roles counted by Value (none_: "unknown"), named only when the rows are read.
    using ValueCounts = std::array<std::uint64_t, static_cast<std::size_t>(Value::count_)>;
    std::map<Keys, ValueCounts, KeysLess> placements_, roles_;
    std::map<Keys, SignalRow, KeysLess> signals_;

    // The rows above found by a record's keys as numbers (RowKey): a map's find compares a few strings at
    // each of its levels (~430 instructions a record), and a hash of the keys as text cost ~290 (making the
    // text, hashing and comparing it). A cache of the maps (their nodes stay put), so a copy starts it empty
    // and merge() need not fill it.
    // Per axis: a time axis's period by its first day (TimeKeySlot::from), a unit or municipality by its
    // number in names_ (each text numbered when first met); 0 for an axis a kind of row is not grouped by.
    using RowKey = std::array<std::int32_t, 6>;
    struct RowKeyHash {
        std::size_t operator()(const RowKey& k) const noexcept {
            std::uint64_t h = 0;
            for (std::int32_t x : k) h = (h ^ static_cast<std::uint32_t>(x)) * 0x9E37'79B9'7F4A'7C15u;
            return static_cast<std::size_t>(h ^ (h >> 29));
        }
    };
    // The key as three words: compared and hashed a word at a time.
    using RowWords = std::array<std::uint64_t, 3>;
    template <class Row>
    struct RowIndex {
        std::unordered_map<RowKey, Row*, RowKeyHash> rows;
        // In front of `rows`, the rows met last by a multiplicative hash of the key's words (a direct-mapped cache):
        // a hit is a hash and a compare of three words, where `rows` took ~70-100 instructions a lookup (its hash of
        // six numbers, the bucket by a division, the node's key). Most lookups hit: a kind of record has a few
        // periods (and places) a batch.
        struct Recent {
            RowWords key{};
            Row* row = nullptr;  // nullptr: empty
        };
        std::array<Recent, 32> recent{};
        RowIndex() = default;
        RowIndex(const RowIndex&) {}
        RowIndex& operator=(const RowIndex&) {
            rows.clear();
            recent = {};
            return *this;
        }
        RowIndex(RowIndex&&) noexcept = default;
        RowIndex& operator=(RowIndex&&) noexcept = default;
    };
    // The row of `key`; `keys()` (the same keys as text) is called only for a key not seen before.
    template <class Map, class MakeKeys>
    typename Map::mapped_type& indexed_row(Map& rows, RowIndex<typename Map::mapped_type>& index, const RowKey& key, MakeKeys&& keys);
    // The RowKey of a record on `day` at `unit`; time keys are written into `buffer` as by keys().
    [[nodiscard]] RowKey row_key(const CaseIndicators& c, LocalDay day, CaseIndicators::UnitIndex unit, TimeKeyBuffer& buffer);
    // The number of the unit `unit` of `c`, or of its municipality (by: unit or municipality).
    [[nodiscard]] std::int32_t place_number(const CaseIndicators& c, GroupBy by, CaseIndicators::UnitIndex unit);
    RowIndex<GoalCounts> goals_index_;
    RowIndex<ContinuityRow> continuity_index_;
    RowIndex<Load> load_index_;
    RowIndex<ValueCounts> placements_index_, roles_index_;
    RowIndex<SignalRow> signals_index_;
    struct NameHash {  // found by a view of the case's text, a string made only for a name not met before
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
    };
    std::unordered_map<std::string, std::int32_t, NameHash, std::equal_to<>> names_;  // units and municipalities met, numbered from 1
    // Scratch of add(), kept to spare an allocation a case: the case's units by number (0: not yet
    // numbered), its municipality's (0: not yet), and per caseworker the last period it was counted in.
    // The time keys' slots (TimeKeySlot) too, one buffer per kind of record: a slot keeps its period from
    // case to case, most of whose records fall in a few periods (a miss is ~200 instructions).
    std::vector<std::int32_t> unit_numbers_;
    std::array<TimeKeyBuffer, 4> slots_;
    // `slot` made to hold the key of `day` on time axis `by`: kept when it does; else copied from the slot of the
    // period met last among the days of `day`'s stretch of 32 (a case's records fall in other periods than the case
    // before's, and time_key's miss is ~110 instructions), written by time_key only for a period not met there.
    void time_slot(GroupBy by, LocalDay day, TimeKeySlot& slot);
    std::array<TimeKeySlot, 128> periods_;  // by day / 32: some eleven years of periods
    std::int32_t municipality_number_ = 0;
    std::vector<std::uint32_t> counted_in_;
};

}  // namespace barnetslov
