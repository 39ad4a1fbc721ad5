#include "barnetslov/indicators.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <unordered_map>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/case.hpp"
#include "../case/name_index.hpp"  // detail::same_bytes

namespace barnetslov {

namespace {

bool is_placement_start(Value kind) {
    switch (kind) {
        case Value::placement_with_consent:
        case Value::placement_without_consent:
        case Value::placement_own_wish_15:
        case Value::placement_unborn_with_consent:
        case Value::placement_unborn_without_consent:
        case Value::placement_change:
        case Value::placement_site:
            return true;
        default: return false;
    }
}

// A granted decision that starts a stay at a site (a placement kind, placement-change, placement-site).
bool granted_placement(const Event& d) {
    return d.type() == EventType::afgoerelse && is_placement_start(d.value(Attr::kind).value_or(Value::other)) &&
           d.value(Attr::outcome).value_or(Value::granted) == Value::granted;
}

// The kind of the first decision a follow-up names, directly or through a measure start.
Value measure_kind(const Case& c, const Event& followup) {
    for (std::uint32_t r : followup.refs()) {
        const Event& e = c.event(r);
        if (e.type() == EventType::afgoerelse) return e.value(Attr::kind).value_or(Value::none_);
        if (e.type() == EventType::indsats_start)
            for (std::uint32_t k : e.refs())
                if (c.event(k).type() == EventType::afgoerelse) return c.event(k).value(Attr::kind).value_or(Value::none_);
    }
    return Value::none_;
}

std::optional<GoalStatus> goal_status(Value v) {
    switch (v) {
        case Value::reached: return GoalStatus::reached;
        case Value::partly: return GoalStatus::partly;
        case Value::not_reached: return GoalStatus::not_reached;
        case Value::dropped: return GoalStatus::dropped;
        default: return std::nullopt;
    }
}

// Ids compared by detail::same_bytes, inline: std::string_view's == called compare out of line (~45 instructions
// an event), and a lambda around same_bytes was emitted out of line too (~16 a call).
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && detail::same_bytes(a.data(), b.data(), a.size());
}

std::string_view name_or_unknown(Value v) { return v == Value::none_ ? std::string_view("unknown") : value_name(v); }

// Counts by Value as counts by name ("unknown" for none_), as they were counted before (values never counted left out).
template <std::size_t N>
std::map<std::string, std::uint64_t> named(const std::array<std::uint64_t, N>& counts) {
    std::map<std::string, std::uint64_t> out;
    for (std::size_t i = 0; i < N; ++i)
        if (counts[i] != 0) out[std::string(name_or_unknown(static_cast<Value>(i)))] += counts[i];
    return out;
}

// The row of `keys` in `rows`, made with a vector<string> key only when new.
template <class Map>
typename Map::mapped_type& row_of(Map& rows, const KeyView& keys) {
    const auto it = rows.find(keys);
    if (it != rows.end()) return it->second;
    return rows.try_emplace(keys.strings()).first->second;
}

// Whether `e` ended or concluded by `day`: an event of type `end` (or `end2`) naming it, dated on or before
// `day` (a measure that ends on D, an undersøgelse concluded on D, no longer runs on D).
bool ended_by(const Case& c, std::uint32_t e, LocalDay day, EventType end, std::optional<EventType> end2 = std::nullopt) {
    for (std::uint32_t r : c.referrers(e)) {
        const Event& x = c.event(r);
        if ((x.type() == end || x.type() == end2) && x.at().day <= day) return true;
    }
    return false;
}

// Whether the case is open on `day` (docs/indicators.md, Caseload).
bool open_on(const Case& c, LocalDay day) {
    for (std::uint32_t s : c.events_of(EventType::indsats_start)) {
        const Event& start = c.event(s);
        if (start.at().day > day) break;
        bool ended = ended_by(c, s, day, EventType::indsats_slut, EventType::hjemgivelse);
        for (std::uint32_t d : start.refs())
            if (!ended && c.event(d).type() == EventType::afgoerelse) ended = ended_by(c, d, day, EventType::indsats_slut, EventType::hjemgivelse);
        if (!ended) return true;
    }
    for (std::uint32_t a : c.events_of(EventType::afdaekning)) {
        if (c.event(a).at().day > day) break;
        if (!ended_by(c, a, day, EventType::afdaekning_afsluttet)) return true;
    }
    for (std::uint32_t u : c.events_of(EventType::undersoegelse)) {
        if (c.event(u).at().day > day) break;
        if (!ended_by(c, u, day, EventType::undersoegelse_afsluttet)) return true;
    }
    const LocalDay from = months_before(day, 4);  // received within the 4 months before: (D - 4 months, D]
    for (std::uint32_t u : c.events_of(EventType::underretning)) {
        const LocalDay d = c.event(u).at().day;
        if (d > from && d <= day) return true;
    }
    return false;
}

}  // namespace

SiteGroup site_group(std::string_view t) {
    if (t == "network-foster-family" || t == "general-foster-family" || t == "reinforced-foster-family" || t == "specialised-foster-family" ||
        t == "municipal-foster-family")
        return SiteGroup::family;
    if (t == "opholdssted" || t == "doegninstitution") return SiteGroup::institution;
    if (t == "own-room" || t == "efterskole") return SiteGroup::other;
    return SiteGroup::unknown;
}

namespace {

// The caseworkers of a case numbered by first appearance. A case has a few: looked up among the case's own views
// of their ids, and in a hash map only past `few` (a case at the event limit with a new caseworker on every event
// stays linear).
class Caseworkers {
public:
    [[gnu::noinline]] std::uint32_t number(std::string_view w) {
        std::uint32_t index = count_;
        if (count_ <= few) {
            index = 0;
            while (index < count_ && !same_text(names_[index], w)) ++index;
        } else {
            if (seen_.empty())  // the first time past `few`: there are few + 1, all in names_
                for (std::uint32_t k = 0; k < names_.size(); ++k) seen_.emplace(names_[k], k);
            index = seen_.try_emplace(w, index).first->second;
        }
        if (index == count_) {
            if (index < names_.size()) names_[index] = w;
            ++count_;
        }
        return index;
    }
    [[nodiscard]] std::uint32_t count() const { return count_; }

private:
    static constexpr std::size_t few = 16;
    // The first few + 1 caseworkers as the case's text, which outlives the constructor: on the stack, not a vector
    // a case; past them the hash map takes over.
    std::array<std::string_view, few + 1> names_{};
    std::unordered_map<std::string_view, std::uint32_t> seen_;
    std::uint32_t count_ = 0;
};

}  // namespace

// A loop of its own, not in the constructor: there its state lived on the stack (~60 instructions an event
// with a caseworker, now ~25).
void CaseIndicators::take_touches(const Case& c) {
    Caseworkers workers;
    std::string_view last;  // the last event's caseworker
    const auto events = c.events();
    LocalDay* days = days_inline_.data();
    if (events.size() > days_inline_.size()) {
        days_spill_.resize(events.size());
        days = days_spill_.data();
    }
    std::uint32_t n = 0;
    for (const Event& e : events) {
        const auto w = e.text(Attr::caseworker);
        if (!w) continue;
        // Most often the last event's caseworker, and then mostly its very text: the case builder shares a
        // caseworker's text with the event before it (in the input), so a pointer tells before the bytes do.
        // Its run goes on: the event is only its day.
        if (n == 0 || w->size() != last.size() || (w->data() != last.data() && !same_text(*w, last))) {
            runs_.push_back({n, workers.number(*w)});
            last = *w;
        }
        days[n++] = e.at().day;
    }
    touches_ = n;
    workers_ = workers.count();
}

CaseIndicators::CaseIndicators(const Case& c, const IndicatorSettings& settings)
    : taken(true), caseload_day_(settings.caseload_day), since_(settings.since), until_(settings.until) {
    const auto handovers = c.events_of(EventType::ansvarlig_enhed);
    units_.reserve(1 + handovers.size());
    std::size_t size = c.municipality().size() + c.unit().size();
    for (std::uint32_t i : handovers) size += c.event(i).text(Attr::unit).value_or(c.unit()).size();
    texts_.reserve(size);
    texts_ = c.municipality();
    municipality_size_ = static_cast<std::uint32_t>(texts_.size());
    const auto add_unit = [this](LocalDay from, std::string_view name) {
        units_.push_back({from, static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(name.size())});
        texts_ += name;
    };
    add_unit(LocalDay::min(), c.unit());
    for (std::uint32_t i : handovers) {
        const Event& e = c.event(i);
        add_unit(e.at().day, e.text(Attr::unit).value_or(c.unit()));
    }
    if (!c.events().empty()) last_day_ = c.events().back().at().day;

    take_touches(c);

    // Goals: each maal-status, dated by its follow-up.
    goals_.reserve(c.events_of(EventType::maal_status).size());  // one allocation, not a growth from one
    for (std::uint32_t i : c.events_of(EventType::maal_status)) {
        const Event& e = c.event(i);
        const auto status = e.value(Attr::status);
        const auto s = status ? goal_status(*status) : std::nullopt;
        if (!s) continue;
        const Event* followup = nullptr;
        for (std::uint32_t r : e.refs())
            if (c.event(r).type() == EventType::opfoelgning) {
                followup = &c.event(r);
                break;
            }
        const LocalDay day = followup ? followup->at().day : e.at().day;
        const auto goal = e.target(Attr::goal);
        const Value area = goal ? c.event(*goal).value(Attr::area).value_or(Value::none_) : Value::none_;
        goals_.push_back({day, unit_on(day), followup ? measure_kind(c, *followup) : Value::none_, area, *s});
    }

    // Placement pattern: each granted decision that starts a stay at a site.
    for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
        const Event& d = c.event(i);
        if (granted_placement(d)) placements_.push_back({d.at().day, unit_on(d.at().day), d.value(Attr::site_type).value_or(Value::none_)});
    }

    // Underretninger by notifier role, and the early signal: the first u_k (k >= 3) within 12 months of u_(k-2).
    const auto notes = c.events_of(EventType::underretning);
    notifications_.reserve(notes.size());
    for (std::uint32_t i : notes) {
        const Event& u = c.event(i);
        notifications_.push_back({u.at().day, unit_on(u.at().day), u.value(Attr::notifier_role).value_or(Value::none_)});
    }
    for (std::size_t k = 2; k < notes.size(); ++k) {
        const Event& uk = c.event(notes[k]);
        if (uk.at().day > months_after(c.event(notes[k - 2]).at().day, 12)) continue;
        const LocalDay window_end = months_after(uk.at().day, 4);
        bool acted = false;
        for (const Event& e : c.events()) {
            // Days throughout, as every indicator counts: an action on u_k's day counts, whatever its hour.
            if (e.at().day < uk.at().day || e.at().day > window_end) continue;
            if (e.type() == EventType::undersoegelse || e.type() == EventType::indsats_start || granted_placement(e)) {
                acted = true;
                break;
            }
        }
        const Signal outcome = acted ? Signal::acted : settings.as_of_day <= window_end ? Signal::pending : Signal::no_action;
        signal_ = EarlySignal{uk.at().day, unit_on(uk.at().day), outcome};
        break;
    }

    // Caseload on D.
    const LocalDay day = settings.caseload_day;
    if (open_on(c, day)) {
        load_ = Load{unit_on(day), std::nullopt};
        // The caseworker of the last event by D that has one (the last such touch): events are in time order.
        for (std::size_t i = c.events().size(); i-- > 0;) {
            const Event& e = c.events()[i];
            if (e.at().day > day) continue;
            if (const auto w = e.text(Attr::caseworker)) {
                load_->worker = std::string(*w);
                break;
            }
        }
    }
}

CaseIndicators::UnitIndex CaseIndicators::unit_on(LocalDay day) const {
    // The last ansvarlig-enhed dated on or before `day`, else the case's unit (Case::unit_period_on's rule;
    // the list is in time order and its first entry, the case's unit, dated before every day). Most cases
    // have no ansvarlig-enhed: their one unit without the search (~8 calls a case).
    if (units_.size() == 1) return 0;
    const auto after = std::upper_bound(units_.begin(), units_.end(), day, [](LocalDay d, const Unit& u) { return d < u.from; });
    return static_cast<UnitIndex>(after - units_.begin() - 1);
}

std::optional<double> CaseloadRow::mean_open_per_caseworker() const {
    if (caseworkers == 0) return std::nullopt;
    return static_cast<double>(open_cases - open_without_caseworker) / static_cast<double>(caseworkers);
}

Indicators::Indicators(std::vector<GroupBy> axes) {
    // An axis named twice counts once (as Aggregates takes them): a record's keys have a slot an axis
    // (RowKey), and a caller's list with repeats must not reach past them.
    for (GroupBy by : axes)
        if (std::find(axes_.begin(), axes_.end(), by) == axes_.end()) axes_.push_back(by);
    const bool timed = std::any_of(axes_.begin(), axes_.end(), [](GroupBy by) { return by == GroupBy::year || by == GroupBy::quarter || by == GroupBy::month; });
    if (!timed) axes_.insert(axes_.begin(), GroupBy::year);
}

std::vector<GroupBy> Indicators::caseload_axes() const {
    std::vector<GroupBy> out;
    for (GroupBy by : axes_)
        if (by == GroupBy::unit || by == GroupBy::municipality) out.push_back(by);
    return out;
}

template <class Map, class MakeKeys>
typename Map::mapped_type& Indicators::indexed_row(Map& rows, RowIndex<typename Map::mapped_type>& index, const RowKey& key, MakeKeys&& keys) {
    RowWords words;
    static_assert(sizeof words == sizeof key);
    std::memcpy(words.data(), key.data(), sizeof words);
    const std::uint64_t h = words[0] * 0x9E37'79B9'7F4A'7C15u ^ words[1] * 0xC2B2'AE3D'27D4'EB4Fu ^ words[2] * 0x1656'67B1'9E37'79F9u;
    auto& recent = index.recent[h >> 59];  // the top 5 bits: 32 entries
    if (recent.row && recent.key[0] == words[0] && recent.key[1] == words[1] && recent.key[2] == words[2]) return *recent.row;
    typename Map::mapped_type* row;
    if (const auto it = index.rows.find(key); it != index.rows.end()) {
        row = it->second;
    } else {
        row = &row_of(rows, keys());
        index.rows.emplace(key, row);
    }
    recent = {words, row};
    return *row;
}

std::int32_t Indicators::place_number(const CaseIndicators& c, GroupBy by, CaseIndicators::UnitIndex unit) {
    std::int32_t& n = by == GroupBy::unit ? unit_numbers_[unit] : municipality_number_;
    if (n == 0) {
        const std::string_view name = by == GroupBy::unit ? c.unit_name(unit) : c.municipality();
        const auto it = names_.find(name);
        n = it != names_.end() ? it->second : names_.emplace(std::string(name), static_cast<std::int32_t>(names_.size() + 1)).first->second;
    }
    return n;
}

void Indicators::time_slot(GroupBy by, LocalDay day, TimeKeySlot& slot) {
    if (slot.by == by && day >= slot.from && day < slot.to) return;
    TimeKeySlot& seen = periods_[static_cast<std::uint32_t>(day.time_since_epoch().count()) / 32 % periods_.size()];
    if (seen.by != by || day < seen.from || day >= seen.to) (void)time_key(by, day, seen);
    slot = seen;
}

Indicators::RowKey Indicators::row_key(const CaseIndicators& c, LocalDay day, CaseIndicators::UnitIndex unit, TimeKeyBuffer& buffer) {
    RowKey k{};
    for (std::size_t a = 0; a < axes_.size(); ++a) {
        if (axes_[a] == GroupBy::unit || axes_[a] == GroupBy::municipality) {
            k[a] = place_number(c, axes_[a], unit);
        } else {
            TimeKeySlot& slot = buffer[a];
            time_slot(axes_[a], day, slot);
            k[a] = slot.from.time_since_epoch().count();
        }
    }
    return k;
}

KeyView Indicators::keys(const CaseIndicators& c, LocalDay day, CaseIndicators::UnitIndex unit, TimeKeyBuffer& buffer) const {
    KeyView k;
    k.size = axes_.size();
    for (std::size_t a = 0; a < axes_.size(); ++a)
        k.keys[a] = axes_[a] == GroupBy::unit           ? c.unit_name(unit)
                    : axes_[a] == GroupBy::municipality ? c.municipality()
                                                        : time_key(axes_[a], day, buffer[a]);
    return k;
}

void Indicators::add(const CaseIndicators& c) {
    if (!c.taken) return;
    ++cases_;
    caseload_day_ = c.caseload_day_;
    unit_numbers_.assign(c.units_.size(), 0);
    municipality_number_ = 0;
    const LocalDay since = c.since_.value_or(LocalDay::min()), until = c.until_.value_or(LocalDay::max());
    const auto in_window = [since, until](LocalDay d) { return d >= since && d <= until; };

    // A buffer per kind of record: each kind's records are in time order, so a slot keeps its period
    // across most of them; one shared buffer lost it at every change of kind (~140 instructions a miss).
    auto& [buffer, period_buffer, placement_buffer, role_buffer] = slots_;
    for (const auto& g : c.goals_) {
        coverage_.goals = true;
        if (!in_window(g.day)) continue;
        auto& by_names = indexed_row(goals_, goals_index_, row_key(c, g.day, g.unit, buffer), [&] { return keys(c, g.day, g.unit, buffer); });
        ++by_names[{g.kind, g.area}][static_cast<std::size_t>(g.status)];
    }

    // Continuity: the case's caseworker-bearing events cut into periods (the time keys of the axes;
    // always at least the year). Events are in time order, so a period is a run.
    if (c.touches_ != 0) coverage_.caseworkers = true;
    // A period's time keys are written into the slots of their axes (into[a] for axis a, as keys() reads
    // them), so that the row's keys() for a day of the period finds them there.
    const auto period = [this](LocalDay d, TimeKeyBuffer& into) {
        for (std::size_t a = 0; a < axes_.size(); ++a)
            if (axes_[a] != GroupBy::unit && axes_[a] != GroupBy::municipality) time_slot(axes_[a], d, into[a]);
    };
    // The day after the period whose keys are in `slots` (each slot knows its period): one test a record, not one an axis.
    const auto end_of = [this](const TimeKeyBuffer& slots) {
        LocalDay to = LocalDay::max();
        for (std::size_t a = 0; a < axes_.size(); ++a)
            if (axes_[a] != GroupBy::unit && axes_[a] != GroupBy::municipality) to = std::min(to, slots[a].to);
        return to;
    };
    // Per caseworker, the number of the last period it was counted in: distinct caseworkers in O(1) each,
    // so that a case at the event limit with a new caseworker on every event stays linear.
    std::vector<std::uint32_t>& counted_in = counted_in_;
    counted_in.assign(c.workers_, 0);
    std::uint32_t period_number = 0;
    // Read through spans: an InlineVector's element tests where its elements are at every access.
    const std::span<const LocalDay> days = c.touch_days();
    const std::span<const CaseIndicators::Run> runs(c.runs_.data(), c.runs_.size());
    std::size_t r = 0;  // the run of touch t
    for (std::size_t t = 0; t < days.size();) {
        if (!in_window(days[t])) {  // outside the window: only the handover into the touch after it counts
            ++t;
            continue;
        }
        period(days[t], period_buffer);
        ++period_number;
        // The period's touches in the window, [t, end): those on or before its last day in the window (days[t] is on or
        // after its first, as the period is its day's, and the days are in time order). Most often all the rest.
        const LocalDay end_day = std::min(end_of(period_buffer) - date::days{1}, until);
        const std::size_t end =
            days.back() <= end_day ? days.size() : static_cast<std::size_t>(std::upper_bound(days.begin() + t, days.end(), end_day) - days.begin());
        while (r + 1 < runs.size() && runs[r + 1].begin <= t) ++r;
        // A handover is a touch whose caseworker is not the one of the touch before (in or out of the window), that
        // is a run's first touch but the case's first; each run in the period is one caseworker, counted once.
        std::uint64_t distinct = 0, handovers = 0;
        for (std::size_t k = r; k < runs.size() && runs[k].begin < end; ++k) {
            handovers += runs[k].begin >= t && runs[k].begin != 0;
            const std::uint32_t w = runs[k].worker;
            if (counted_in[w] != period_number) {
                counted_in[w] = period_number;
                ++distinct;
            }
        }
        t = end;
        const LocalDay last = days[t - 1];
        const auto unit = c.unit_on(last);
        ContinuityRow& row =
            indexed_row(continuity_, continuity_index_, row_key(c, last, unit, period_buffer), [&] { return keys(c, last, unit, period_buffer); });
        ++row.child_periods;
        row.caseworkers_sum += distinct;
        row.handovers += handovers;
        row.one_caseworker += distinct == 1;
    }
    if (c.touches_ == 0 && c.last_day_ && in_window(*c.last_day_)) {
        const LocalDay day = *c.last_day_;
        const auto unit = c.unit_on(day);
        ++indexed_row(continuity_, continuity_index_, row_key(c, day, unit, buffer), [&] { return keys(c, day, unit, buffer); })
              .cases_without_caseworker;
    }

    if (c.load_) {
        // By unit and municipality alone: the time axes' places in the RowKey stay 0.
        RowKey key{};
        KeyView k;
        for (std::size_t a = 0; a < axes_.size(); ++a)
            if (axes_[a] == GroupBy::unit || axes_[a] == GroupBy::municipality) {
                key[a] = place_number(c, axes_[a], c.load_->unit);
                k.keys[k.size++] = axes_[a] == GroupBy::unit ? c.unit_name(c.load_->unit) : c.municipality();
            }
        Load& load = indexed_row(load_, load_index_, key, [&k] { return k; });
        ++load.open;
        if (c.load_->worker) ++load.per_worker[*c.load_->worker];
        else ++load.without;
    }

    for (const auto& p : c.placements_) {
        coverage_.placements = true;
        coverage_.site_types = coverage_.site_types || p.site != Value::none_;
        if (in_window(p.day))
            ++indexed_row(placements_, placements_index_, row_key(c, p.day, p.unit, placement_buffer),
                          [&] { return keys(c, p.day, p.unit, placement_buffer); })[static_cast<std::size_t>(p.site)];
    }
    for (const auto& u : c.notifications_) {
        coverage_.underretninger = true;
        if (in_window(u.day))
            ++indexed_row(roles_, roles_index_, row_key(c, u.day, u.unit, role_buffer),
                          [&] { return keys(c, u.day, u.unit, role_buffer); })[static_cast<std::size_t>(u.role)];
    }
    if (c.signal_ && in_window(c.signal_->day)) {
        const auto& sig = *c.signal_;
        SignalRow& row = indexed_row(signals_, signals_index_, row_key(c, sig.day, sig.unit, buffer), [&] { return keys(c, sig.day, sig.unit, buffer); });
        ++row.with_pattern;
        row.no_action += c.signal_->outcome == CaseIndicators::Signal::no_action;
        row.pending += c.signal_->outcome == CaseIndicators::Signal::pending;
    }
}

void Indicators::merge(const Indicators& o) {
    cases_ += o.cases_;
    if (o.caseload_day_) caseload_day_ = o.caseload_day_;
    coverage_.goals = coverage_.goals || o.coverage_.goals;
    coverage_.caseworkers = coverage_.caseworkers || o.coverage_.caseworkers;
    coverage_.placements = coverage_.placements || o.coverage_.placements;
    coverage_.site_types = coverage_.site_types || o.coverage_.site_types;
    coverage_.underretninger = coverage_.underretninger || o.coverage_.underretninger;
    for (const auto& [k, v] : o.goals_)
        for (const auto& [what, n] : v)
            for (std::size_t s = 0; s < goal_status_count; ++s) goals_[k][what][s] += n[s];
    for (const auto& [k, v] : o.continuity_) {
        ContinuityRow& r = continuity_[k];
        r.child_periods += v.child_periods;
        r.caseworkers_sum += v.caseworkers_sum;
        r.handovers += v.handovers;
        r.one_caseworker += v.one_caseworker;
        r.cases_without_caseworker += v.cases_without_caseworker;
    }
    for (const auto& [k, v] : o.load_) {
        Load& l = load_[k];
        l.open += v.open;
        l.without += v.without;
        for (const auto& [w, n] : v.per_worker) l.per_worker[w] += n;
    }
    for (const auto& [k, v] : o.placements_) {
        ValueCounts& into = placements_[k];
        for (std::size_t i = 0; i < v.size(); ++i) into[i] += v[i];
    }
    for (const auto& [k, v] : o.roles_) {
        ValueCounts& into = roles_[k];
        for (std::size_t i = 0; i < v.size(); ++i) into[i] += v[i];
    }
    for (const auto& [k, v] : o.signals_) {
        SignalRow& r = signals_[k];
        r.with_pattern += v.with_pattern;
        r.no_action += v.no_action;
        r.pending += v.pending;
    }
}

std::vector<GoalRow> Indicators::goal_attainment() const {
    std::vector<GoalRow> out;
    for (const auto& [k, by_values] : goals_) {
        // By names, as the rows are sorted and as they were counted before (values of one name together).
        std::map<std::pair<std::string, std::string>, std::array<std::uint64_t, goal_status_count>> by_names;
        for (const auto& [values, n] : by_values) {
            auto& into = by_names[{std::string(name_or_unknown(values.first)), std::string(name_or_unknown(values.second))}];
            for (std::size_t s = 0; s < goal_status_count; ++s) into[s] += n[s];
        }
        for (const auto& [what, v] : by_names) {
            if (v == std::array<std::uint64_t, goal_status_count>{}) continue;
            out.push_back({k, what.first, what.second, v});
        }
    }
    return out;
}

std::vector<ContinuityRow> Indicators::continuity() const {
    std::vector<ContinuityRow> out;
    for (const auto& [k, v] : continuity_) {
        if (v.child_periods == 0 && v.cases_without_caseworker == 0) continue;
        out.push_back(v);
        out.back().keys = k;
    }
    return out;
}

std::vector<CaseloadRow> Indicators::caseload() const {
    std::vector<CaseloadRow> out;
    for (const auto& [k, v] : load_) {
        if (v.open == 0) continue;
        CaseloadRow row{k, v.open, v.per_worker.size(), 0, v.without};
        for (const auto& [w, n] : v.per_worker) row.max_open_per_caseworker = std::max(row.max_open_per_caseworker, n);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<CountsRow> Indicators::placement_pattern() const {
    std::vector<CountsRow> out;
    for (const auto& [k, v] : placements_) out.push_back({k, named(v)});
    return out;
}

std::vector<SignalRow> Indicators::early_signals() const {
    std::vector<SignalRow> out;
    for (const auto& [k, v] : signals_) {
        if (v.with_pattern == 0) continue;
        out.push_back(v);
        out.back().keys = k;
    }
    return out;
}

std::vector<CountsRow> Indicators::notifier_roles() const {
    std::vector<CountsRow> out;
    for (const auto& [k, v] : roles_) out.push_back({k, named(v)});
    return out;
}

}  // namespace barnetslov
