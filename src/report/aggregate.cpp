#include "barnetslov/aggregate.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

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
    return counts_.rbegin()->days;
}

std::string_view to_string(GroupBy by) {
    switch (by) {
        case GroupBy::rule: return "rule";
        case GroupBy::year: return "year";
        case GroupBy::unit: return "unit";
        case GroupBy::quarter: return "quarter";
        case GroupBy::month: return "month";
        case GroupBy::municipality: return "municipality";
    }
    return "";
}

std::optional<GroupBy> group_by_from_string(std::string_view word) {
    for (GroupBy by : {GroupBy::rule, GroupBy::year, GroupBy::unit, GroupBy::quarter, GroupBy::month, GroupBy::municipality})
        if (to_string(by) == word) return by;
    return std::nullopt;
}

std::string_view time_key(GroupBy by, LocalDay day, TimeKeySlot& slot) {
    if (by != GroupBy::year && by != GroupBy::quarter && by != GroupBy::month) return {};
    if (slot.by == by && day >= slot.from && day < slot.to) return {slot.text.data(), slot.size};
    // By civil_date and day_of (calendar.hpp): date::year_month_day's conversions made a slot's miss
    // ~200 instructions, and the indicators miss at nearly every record of a kind (a case's periods differ).
    const CivilDate d = civil_date(day);
    const unsigned month = d.month;
    // Written by hand, not with fmt: the figures take a key per finding and per indicator record.
    char* const first = slot.text.data();
    char* p = std::to_chars(first, first + slot.text.size(), d.year).ptr;
    unsigned first_month = 1, months = 12;
    if (by == GroupBy::quarter) {
        *p++ = '-';
        *p++ = 'Q';
        *p++ = char('0' + (month - 1) / 3 + 1);
        first_month = (month - 1) / 3 * 3 + 1;
        months = 3;
    } else if (by == GroupBy::month) {
        *p++ = '-';
        *p++ = char('0' + month / 10);
        *p++ = char('0' + month % 10);
        first_month = month;
        months = 1;
    }
    const unsigned next = first_month + months;  // 13 for the last period of a year
    slot.by = by;
    slot.size = static_cast<std::uint8_t>(p - first);
    slot.from = day_of(d.year, first_month, 1);
    slot.to = next > 12 ? day_of(d.year + 1, next - 12, 1) : day_of(d.year, next, 1);
    return {first, slot.size};
}

std::string time_key(GroupBy by, LocalDay day) {
    TimeKeySlot slot;
    return std::string(time_key(by, day, slot));
}

Interval wilson_interval(std::uint64_t successes, std::uint64_t n) {
    if (n == 0) return {0, 1};
    constexpr double z = 1.959963984540054;  // the 97.5th percentile of the standard normal distribution
    const double nn = static_cast<double>(n), p = static_cast<double>(successes) / nn, z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    // At 0 % and 100 % the interval ends exactly at the share, not a rounding error away from it.
    return {successes == 0 ? 0.0 : std::max(0.0, centre - half), successes == n ? 1.0 : std::min(1.0, centre + half)};
}

std::string_view to_string(DataCoverage c) {
    switch (c) {
        case DataCoverage::present: return "present";
        case DataCoverage::sparse: return "sparse";
        case DataCoverage::none: return "none";
    }
    return "";
}

std::uint64_t GroupFigures::findings() const {
    std::uint64_t n = 0;
    for (std::uint64_t s : status) n += s;
    return n;
}

std::uint64_t GroupFigures::judged() const {
    const auto at = [this](Status s) { return status[static_cast<std::size_t>(s)]; };
    return at(Status::met) + at(Status::late) + at(Status::missed) + at(Status::violated);
}

std::optional<double> GroupFigures::share_on_time() const {
    const std::uint64_t n = judged();
    if (n == 0) return std::nullopt;
    return static_cast<double>(status[static_cast<std::size_t>(Status::met)]) / static_cast<double>(n);
}

std::optional<Interval> GroupFigures::share_on_time_interval() const {
    const std::uint64_t n = judged();
    if (n == 0) return std::nullopt;
    return wilson_interval(status[static_cast<std::size_t>(Status::met)], n);
}

std::optional<double> GroupFigures::share_on_time_without_basis() const {
    const std::uint64_t n = judged();
    if (n == 0) return std::nullopt;
    return static_cast<double>(status[static_cast<std::size_t>(Status::met)] - met_with_basis) / static_cast<double>(n);
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
    : Aggregates(engine, std::vector<GroupBy>{by}, std::move(filter)) {}

Aggregates::Aggregates(const Engine& engine, std::vector<GroupBy> axes, AggregateFilter filter)
    : engine_(&engine), filter_(std::move(filter)), coverage_(engine.rulebook().rules().size()) {
    evidence_counts_.planes.resize((coverage_.size() + 63) / 64);
    for (GroupBy by : axes)
        if (by != GroupBy::rule && std::find(axes_.begin(), axes_.end(), by) == axes_.end()) axes_.push_back(by);
    indicators_ = Indicators(axes_);
}

Aggregates::Group& Aggregates::group(std::uint16_t rule, const KeyView& keys) {
    if (const auto it = groups_.find(std::pair<std::uint16_t, const KeyView&>(rule, keys)); it != groups_.end()) return it->second;
    auto [it, fresh] = groups_.try_emplace({rule, keys.strings()});
    GroupFigures& g = it->second.figures;
    g.rule = std::string(engine_->rulebook().rules()[rule]->meta().id);
    g.keys = it->first.second;
    for (const std::string& k : g.keys) g.group += (g.group.empty() ? "" : " / ") + k;
    return it->second;
}

CaseFigures::CaseFigures(const Engine& engine, const Report& report, const AggregateFilter& filter) : CaseFigures(engine, *report.kase) {
    add(engine, *report.kase, report.findings, filter);
}

namespace {
// carries_evidence asked rule by rule: what EvidenceIndex answers at once, as its rule set.
void evidence_rule_by_rule(const Engine& engine, const Case& kase, InlineVector<std::uint64_t, 4>& out) {
    const auto rules = engine.rulebook().rules();
    out.clear();
    for (std::size_t w = 0; w < (rules.size() + 63) / 64; ++w) out.push_back(0);
    for (std::size_t r = 0; r < rules.size(); ++r)
        if (carries_evidence(kase, rules[r]->meta())) out[r / 64] |= std::uint64_t{1} << (r % 64);
}

// The words of EvidenceIndex::RuleSet held inline (256 rules): the least words of a set in EvidenceIndex::masks_.
constexpr std::size_t set_room = 4;

// Whether rule `rule` is in the rule set `words` (bit rule % 64 of word rule / 64).
bool in_set(std::span<const std::uint64_t> words, std::size_t rule) {
    return rule / 64 < words.size() && (words[rule / 64] >> (rule % 64) & 1u) != 0;
}
}  // namespace

EvidenceIndex::EvidenceIndex(const Engine& engine) : engine_(&engine) {
    const auto rules = engine.rulebook().rules();
    rules_ = rules.size();
    words_ = (rules_ + 63) / 64;
    // A set has at least set_room words (the rest 0), so that carried_words ORs a known number of them.
    const std::size_t stride = std::max(words_, set_room);
    const auto set_of = [this, stride] {
        masks_.resize(masks_.size() + stride, 0);
        return static_cast<std::uint32_t>(masks_.size() - stride);
    };
    const auto mark = [this](std::uint32_t set, std::size_t r) { masks_[set + r / 64] |= std::uint64_t{1} << (r % 64); };
    type_rules_.assign(event_type_count, none_);
    std::vector<std::vector<ByAttr>> by_type(event_type_count);
    for (std::size_t r = 0; r < rules_; ++r)
        for (const Evidence& e : rules[r]->meta().evidence) {
            const auto t = static_cast<std::size_t>(e.type);
            if (e.attr == no_attr) {
                if (type_rules_[t] == none_) type_rules_[t] = set_of();
                mark(type_rules_[t], r);
                continue;
            }
            auto& attrs = by_type[t];
            auto it = std::find_if(attrs.begin(), attrs.end(), [&e](const ByAttr& a) { return a.attr == e.attr; });
            if (it == attrs.end()) it = attrs.insert(attrs.end(), ByAttr{e.attr, set_of()});
            mark(it->rules, r);
        }
    for (const auto& attrs : by_type) {
        attr_begin_.push_back(static_cast<std::uint32_t>(by_attr_.size()));
        by_attr_.insert(by_attr_.end(), attrs.begin(), attrs.end());
    }
    attr_begin_.push_back(static_cast<std::uint32_t>(by_attr_.size()));
}

void EvidenceIndex::carried(const Case& kase, std::vector<std::uint8_t>& out) const {
    RuleSet words;
    carried_words(kase, words);
    out.assign(rules_, 0);
    for (std::size_t r = 0; r < rules_; ++r) out[r] = in_set({words.data(), words.size()}, r);
}

void EvidenceIndex::carried_words(const Case& kase, RuleSet& out) const {
    // carries_evidence's answer for every rule at once: a rule carries its evidence if any of its
    // (type, attribute) pairs is found, so each pair the case has marks all the rules listing it. Only
    // the types the case has are read, and each pair once (not once per rule listing it).
    constexpr std::size_t room = set_room;
    if (words_ > room) {  // never, with today's rules
        evidence_rule_by_rule(*engine_, kase, out);
        return;
    }
    // One pass over the events: the types the case has, and per type the union of its events' attributes.
    constexpr std::size_t attr_words = (attr_count + 63) / 64;
    static_assert(event_type_count <= 64);
    std::array<std::array<std::uint64_t, attr_words>, event_type_count> attrs;
    std::uint64_t types = 0;
    for (const Event& e : kase.events()) {
        const auto t = static_cast<std::size_t>(e.type());
        const auto& bits = e.attribute_bits();
        if ((types >> t & 1u) == 0) {
            types |= std::uint64_t{1} << t;
            attrs[t] = bits;
        } else {
            for (std::size_t w = 0; w < attr_words; ++w) attrs[t][w] |= bits[w];
        }
    }
    std::array<std::uint64_t, room> carried{};
    // `room` words, not words_: a loop of a known count, unrolled, and `carried` kept in registers (~10
    // instructions a set ORed in, ~20 times a case).
    const std::uint64_t* const masks = masks_.data();
    const auto add = [&carried, masks](std::uint32_t set) {
        for (std::size_t w = 0; w < room; ++w) carried[w] |= masks[set + w];
    };
    for (; types != 0; types &= types - 1) {
        const auto t = static_cast<std::size_t>(__builtin_ctzll(types));
        if (type_rules_[t] != none_) add(type_rules_[t]);
        for (std::uint32_t a = attr_begin_[t]; a < attr_begin_[t + 1]; ++a) {
            const auto bit = static_cast<std::size_t>(by_attr_[a].attr);
            if ((attrs[t][bit / 64] >> (bit % 64) & 1u) != 0) add(by_attr_[a].rules);
        }
    }
    RuleSet set;  // made here, inline, so that the words (no more than `room`) are known to fit
    for (std::size_t w = 0; w < words_; ++w) set.push_back(carried[w]);
    out = std::move(set);
}

// Without an index made once for many cases, the rules are read one by one: an index made here, for
// one case, would cost more than it saves.
CaseFigures::CaseFigures(const Engine& engine, const Case& kase) : CaseFigures(engine, kase, EvidenceIndex()) {}

CaseFigures::CaseFigures(const Engine& engine, const Case& kase, const EvidenceIndex& evidence, Detail detail,
                         const IndicatorSettings* indicators)
    : detail_(detail), indicators_(indicators ? CaseIndicators(kase, *indicators) : CaseIndicators()) {
    if (detail == Detail::counts) {
        // A case has findings of some twenty rules: one allocation, not a growth per rule, and small enough
        // (864 bytes) for malloc's per-thread cache (32 runs took its slow path: ~330 instructions a case).
        counts_.reserve(24);
    } else {
        rows_.reserve(64);  // a case has some tens of findings: one allocation, not a growth per rule's findings
        municipality_ = kase.municipality();
        units_.emplace_back(kase.unit());
        for (std::uint32_t i : kase.events_of(EventType::ansvarlig_enhed)) units_.emplace_back(kase.event(i).text(Attr::unit).value_or(""));
    }
    if (evidence.made_for(engine))
        evidence.carried_words(kase, evidence_);
    else
        evidence_rule_by_rule(engine, kase, evidence_);
}

inline void CaseFigures::count(const Finding& f, RuleCounts*& run) {
    if (run == nullptr || run->rule != f.rule) {  // a run of an earlier call is never continued: a few runs more at most
        run = &counts_.emplace_back();  // zeroed in place, not a zeroed temporary copied in
        run->rule = f.rule;
    }
    const auto s = static_cast<std::size_t>(f.status);
    ++run->status[s];
    ++statuses_[s];
    if (f.status == Status::met) run->with_basis += f.basis != Basis::none;
    else if (f.status == Status::late || f.status == Status::missed) {
        days_.push_back(f.status == Status::late ? whole_days(f) : ~whole_days(f));
    }
}

void CaseFigures::add(const Engine& engine, const Case& kase, std::span<const Finding> findings, const AggregateFilter& filter) {
    if (detail_ != Detail::counts || !filter.rules.empty() || filter.since || filter.until) {
        add_filtered_or_rows(engine, kase, findings, filter);
        return;
    }
    RuleCounts* run = nullptr;
    for (const Finding& f : findings) count(f, run);
}

[[gnu::noinline]] void CaseFigures::add_filtered_or_rows(const Engine& engine, const Case& kase, std::span<const Finding> findings,
                                                         const AggregateFilter& filter) {
    const bool all = filter.rules.empty() && !filter.since && !filter.until;  // the common case: no test per finding
    if (detail_ == Detail::counts) {
        RuleCounts* run = nullptr;
        for (const Finding& f : findings)
            if (passes(filter, engine, kase, f)) count(f, run);
        return;
    }
    for (const Finding& f : findings) {
        if (!all && !passes(filter, engine, kase, f)) continue;
        ++statuses_[static_cast<std::size_t>(f.status)];
        const bool counted = f.status == Status::late || f.status == Status::missed;
        const LocalDay day = trigger_day(kase, f);
        // units_ has one entry per ansvarlig-enhed after the case's own: with none (most cases) the unit is the case's.
        const auto unit = units_.size() == 1 ? 0 : static_cast<std::uint32_t>(kase.unit_period_on(day));
        rows_.push_back({f.rule, f.status, f.status == Status::met && f.basis != Basis::none, day, counted ? whole_days(f) : 0, unit});
    }
}

void Aggregates::add(const Report& report) { add(CaseFigures(*engine_, report, filter_)); }

inline Aggregates::Group& Aggregates::rule_group(std::uint16_t rule) {
    if (rule >= by_rule_.size()) by_rule_.resize(std::size_t(rule) + 1, nullptr);
    if (!by_rule_[rule]) by_rule_[rule] = &group(rule, KeyView{});
    return *by_rule_[rule];
}

void Aggregates::add(const CaseFigures& kase) {
    if (kase.detail_ == CaseFigures::Detail::counts && !axes_.empty())
        throw std::invalid_argument("Aggregates::add: figures grouped by an axis need a CaseFigures with rows");
    ++cases_;  // numbers the case, so that a group counts it once however many findings it has
    indicators_.add(kase.indicators_);
    // Bits past the rulebook (a set made for a larger one) are counted but never read.
    for (std::size_t w = 0; w < kase.evidence_.size() && w < evidence_counts_.planes.size(); ++w) evidence_counts_.add(w, kase.evidence_[w]);
    // A case's first finding of `rule` in group `g`: the case counted in the group and, once per rule, in the rule's
    // coverage. What it reads of this object and of the case is read once a case: read at each of the ~22 runs a
    // file (coverage_'s size a division, the case's rule set through the InlineVector's test) it was ~20 a run.
    const std::size_t rules = coverage_.size();
    Coverage* const coverage = coverage_.data();
    const std::span<const std::uint64_t> evidence(kase.evidence_.data(), kase.evidence_.size());
    const std::uint64_t number = cases_;
    const auto first_of_case = [rules, coverage, evidence, number](Group& g, std::uint16_t rule) {
        if (rule < rules && coverage[rule].last_case != number) {  // the file counted once per rule
            coverage[rule].last_case = number;
            ++coverage[rule].files_with_findings;
        }
        if (g.last_case != number) {
            g.last_case = number;
            ++g.figures.cases;
            g.figures.cases_with_evidence += in_set(evidence, rule);
        }
    };
    if (kase.detail_ == CaseFigures::Detail::counts) {
        const std::int64_t* days = kase.days_.data();
        for (const CaseFigures::RuleCounts& c : kase.counts_) {
            Group& g = rule_group(c.rule);
            first_of_case(g, c.rule);
            GroupFigures& figures = g.figures;
            for (std::size_t k = 0; k < status_count; ++k) figures.status[k] += c.status[k];
            figures.met_with_basis += c.with_basis;
            for (const std::int64_t* end = days + c.status[static_cast<std::size_t>(Status::late)] + c.status[static_cast<std::size_t>(Status::missed)];
                 days != end; ++days)
                if (*days >= 0) figures.late_days.add(*days);
                else figures.overdue_days.add(~*days);
        }
        return;
    }
    KeyView keys;
    keys.size = axes_.size();
    TimeKeyBuffer buffer;
    for (const CaseFigures::Row& row : kase.rows_) {
        Group* g = nullptr;
        if (axes_.empty()) {
            g = &rule_group(row.rule);
        } else {
            for (std::size_t a = 0; a < axes_.size(); ++a)
                keys.keys[a] = axes_[a] == GroupBy::unit           ? std::string_view(kase.units_[row.unit])
                               : axes_[a] == GroupBy::municipality ? std::string_view(kase.municipality_)
                                                                   : time_key(axes_[a], row.day, buffer[a]);
            probe_.assign(reinterpret_cast<const char*>(&row.rule), sizeof row.rule);
            for (std::string_view k : keys) {
                const auto size = static_cast<std::uint32_t>(k.size());
                probe_.append(reinterpret_cast<const char*>(&size), sizeof size).append(k);
            }
            const auto it = index_.find(probe_);
            if (it != index_.end()) {
                g = it->second;
            } else {
                g = &group(row.rule, keys);
                index_.emplace(probe_, g);
            }
        }
        first_of_case(*g, row.rule);
        GroupFigures& figures = g->figures;
        ++figures.status[static_cast<std::size_t>(row.status)];
        if (row.with_basis) ++figures.met_with_basis;
        if (row.status == Status::late) figures.late_days.add(row.days);
        else if (row.status == Status::missed) figures.overdue_days.add(row.days);
    }
}

void Aggregates::EvidenceCounts::add(std::size_t word, std::uint64_t rules) {
    // Each rule's count plus its bit: a ripple-carry add down the planes, as long as some count carries
    // (counts below 2^64, so the carry stops within the 64 planes).
    auto& p = planes[word];
    for (std::size_t k = 0; rules != 0; ++k) {
        const std::uint64_t carry = p[k] & rules;
        p[k] ^= rules;
        rules = carry;
    }
}

std::uint64_t Aggregates::EvidenceCounts::count(std::size_t rule) const {
    std::uint64_t n = 0;
    if (rule / 64 < planes.size())
        for (std::size_t k = 0; k < 64; ++k) n |= (planes[rule / 64][k] >> (rule % 64) & 1u) << k;
    return n;
}

void Aggregates::merge(const Aggregates& other) {
    cases_ += other.cases_;
    indicators_.merge(other.indicators_);
    for (std::size_t r = 0; r < other.coverage_.size() && r < coverage_.size(); ++r) {
        coverage_[r].files_with_findings += other.coverage_[r].files_with_findings;
        coverage_[r].files_with_evidence += other.files_with_evidence(r);
    }
    for (const auto& [key, o] : other.groups_) {
        auto [it, fresh] = groups_.try_emplace(key, Group{o.figures, 0});  // other's case numbers mean nothing here
        if (fresh) continue;
        GroupFigures& g = it->second.figures;
        g.cases += o.figures.cases;
        g.cases_with_evidence += o.figures.cases_with_evidence;
        for (std::size_t s = 0; s < status_count; ++s) g.status[s] += o.figures.status[s];
        g.met_with_basis += o.figures.met_with_basis;
        g.late_days.merge(o.figures.late_days);
        g.overdue_days.merge(o.figures.overdue_days);
    }
}

std::vector<const GroupFigures*> Aggregates::groups() const {
    std::vector<const GroupFigures*> out;
    out.reserve(groups_.size());
    for (const auto& [key, g] : groups_) out.push_back(&g.figures);  // map order: rulebook index, then group keys
    return out;
}

namespace {

DataCoverage coverage_level(std::uint64_t with_findings, std::uint64_t with_evidence) {
    if (with_evidence == 0) return DataCoverage::none;
    return with_evidence * sparse_ratio < with_findings ? DataCoverage::sparse : DataCoverage::present;
}

}  // namespace

std::vector<RuleCoverage> Aggregates::coverage() const {
    std::vector<RuleCoverage> out;
    const auto rules = engine_->rulebook().rules();
    for (std::size_t r = 0; r < coverage_.size(); ++r) {
        const Coverage& c = coverage_[r];
        if (c.files_with_findings == 0) continue;
        const std::uint64_t with_evidence = files_with_evidence(r);
        out.push_back({std::string(rules[r]->meta().id), c.files_with_findings, with_evidence, coverage_level(c.files_with_findings, with_evidence)});
    }
    return out;
}

DataCoverage Aggregates::data(std::string_view rule_id) const {
    const auto index = engine_->rulebook().index_of(rule_id);
    if (!index || *index >= coverage_.size()) return DataCoverage::none;
    return coverage_level(coverage_[*index].files_with_findings, files_with_evidence(*index));
}

}  // namespace barnetslov
