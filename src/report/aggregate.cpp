#include "barnetslov/aggregate.hpp"

#include <algorithm>

#include "barnetslov/case.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov {

namespace {

// The local day of the event that started the duty (DESIGN.md: a finding's year is that day's).
LocalDay trigger_day(const Case& kase, const Finding& f) { return kase.event(f.subject).at().day; }

// Whole days of a margin, rounded away from zero so that a deadline missed by one hour counts as
// a day late; hverdage stay as counted.
std::int64_t whole_days(const Finding& f) {
    const std::int64_t m = f.margin.value_or(0);
    const std::int64_t late = m < 0 ? -m : 0;
    if (f.margin_unit != MarginUnit::seconds) return late;
    return (late + 86'399) / 86'400;
}

}  // namespace

bool passes(const AggregateFilter& filter, const Engine& engine, const Report& report, const Finding& f) {
    return passes(filter, engine, *report.kase, f);
}

bool passes(const AggregateFilter& filter, const Engine& engine, const Case& kase, const Finding& f) {
    if (!filter.rules.empty() &&
        std::find(filter.rules.begin(), filter.rules.end(), engine.meta(f).id) == filter.rules.end())
        return false;
    if (!filter.since && !filter.until) return true;
    const LocalDay day = trigger_day(kase, f);
    return (!filter.since || day >= *filter.since) && (!filter.until || day <= *filter.until);
}

std::optional<std::int64_t> DayHistogram::percentile(int p) const {
    if (total_ == 0) return std::nullopt;
    // Nearest rank: the ceil(p/100 * N)-th smallest value, at least the first.
    const std::uint64_t rank = std::max<std::uint64_t>(1, (static_cast<std::uint64_t>(p) * total_ + 99) / 100);
    std::uint64_t seen = 0;
    for (const auto& [days, n] : counts_) {
        seen += n;
        if (seen >= rank) return days;
    }
    return counts_.rbegin()->first;
}

std::uint64_t GroupFigures::findings() const {
    std::uint64_t n = 0;
    for (std::uint64_t s : status) n += s;
    return n;
}

std::optional<double> GroupFigures::share_on_time() const {
    const auto at = [this](Status s) { return status[static_cast<std::size_t>(s)]; };
    const std::uint64_t judged = at(Status::met) + at(Status::late) + at(Status::missed) + at(Status::violated);
    if (judged == 0) return std::nullopt;
    return static_cast<double>(at(Status::met)) / static_cast<double>(judged);
}

std::optional<double> GroupFigures::share_on_time_without_basis() const {
    const auto at = [this](Status s) { return status[static_cast<std::size_t>(s)]; };
    const std::uint64_t judged = at(Status::met) + at(Status::late) + at(Status::missed) + at(Status::violated);
    if (judged == 0) return std::nullopt;
    return static_cast<double>(at(Status::met) - met_with_basis) / static_cast<double>(judged);
}

bool barometer_without_basis(std::string_view rule_id) { return rule_id == "BL-UNDS-4M"; }

std::string_view barometer_indicator(std::string_view rule_id) {
    // Ankestyrelsen's Børnesagsbarometret: the figures a supervisor recognises by name.
    if (rule_id == "BL-UND-24H") return "Underretninger vurderet inden for 24 timer";
    if (rule_id == "BL-UNDS-4M") return "Børnefaglige undersøgelser afsluttet inden for 4 måneder";
    if (rule_id == "BL-BARN-VIEWS") return "Barnets perspektiv inddraget før afgørelsen";
    if (rule_id == "BL-PLAN-32" || rule_id == "BL-PLAN-ANB") return "Barnets plan / handleplan udarbejdet eller lovligt undladt";
    if (rule_id == "BL-OPF-FIRST") return "Første opfølgning inden for 3 måneder efter indsatsens start";
    return "";
}

Aggregates::Aggregates(const Engine& engine, GroupBy by, AggregateFilter filter)
    : engine_(&engine), by_(by), filter_(std::move(filter)) {}

Aggregates::Group& Aggregates::group(std::uint16_t rule, const std::string& key) {
    auto [it, fresh] = groups_.try_emplace({rule, key});
    if (fresh) {
        it->second.figures.rule = std::string(engine_->rulebook().rules()[rule]->meta().id);
        it->second.figures.group = key;
    }
    return it->second;
}

CaseFigures::CaseFigures(const Engine& engine, const Report& report, const AggregateFilter& filter) : CaseFigures(*report.kase) {
    add(engine, *report.kase, report.findings, filter);
}

CaseFigures::CaseFigures(const Case& kase) : unit_(kase.unit()) {}

void CaseFigures::add(const Engine& engine, const Case& kase, std::span<const Finding> findings, const AggregateFilter& filter) {
    for (const Finding& f : findings) {
        if (!passes(filter, engine, kase, f)) continue;
        const bool counted = f.status == Status::late || f.status == Status::missed;
        rows_.push_back({f.rule, f.status, f.status == Status::met && f.basis != Basis::none, int(ymd(trigger_day(kase, f)).year()),
                         counted ? whole_days(f) : 0});
    }
}

void Aggregates::add(const Report& report) { add(CaseFigures(*engine_, report, filter_)); }

void Aggregates::add(const CaseFigures& kase) {
    ++cases_;  // numbers the case, so that a group counts it once however many findings it has
    std::string key;
    for (const CaseFigures::Row& row : kase.rows_) {
        Group* g = nullptr;
        if (by_ == GroupBy::rule) {
            if (row.rule >= by_rule_.size()) by_rule_.resize(std::size_t(row.rule) + 1, nullptr);
            if (!by_rule_[row.rule]) by_rule_[row.rule] = &group(row.rule, {});
            g = by_rule_[row.rule];
        } else {
            key = by_ == GroupBy::year ? std::to_string(row.year) : kase.unit_;
            g = &group(row.rule, key);
        }
        if (g->last_case != cases_) g->last_case = cases_, ++g->figures.cases;
        GroupFigures& figures = g->figures;
        ++figures.status[static_cast<std::size_t>(row.status)];
        if (row.with_basis) ++figures.met_with_basis;
        if (row.status == Status::late) figures.late_days.add(row.days);
        else if (row.status == Status::missed) figures.overdue_days.add(row.days);
    }
}

void Aggregates::merge(const Aggregates& other) {
    cases_ += other.cases_;
    for (const auto& [key, o] : other.groups_) {
        auto [it, fresh] = groups_.try_emplace(key, Group{o.figures, 0});  // other's case numbers mean nothing here
        if (fresh) continue;
        GroupFigures& g = it->second.figures;
        g.cases += o.figures.cases;
        for (std::size_t s = 0; s < status_count; ++s) g.status[s] += o.figures.status[s];
        g.met_with_basis += o.figures.met_with_basis;
        g.late_days.merge(o.figures.late_days);
        g.overdue_days.merge(o.figures.overdue_days);
    }
}

std::vector<const GroupFigures*> Aggregates::groups() const {
    std::vector<const GroupFigures*> out;
    out.reserve(groups_.size());
    for (const auto& [key, g] : groups_) out.push_back(&g.figures);  // map order: rulebook index, then group key
    return out;
}

}  // namespace barnetslov
