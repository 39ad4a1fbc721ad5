// Small helpers the rules share: finding the events a duty refers to, starting a finding.
#pragma once

#include "barnetslov/case.hpp"
#include "barnetslov/finding.hpp"
#include "engine/deadline.hpp"

namespace barnetslov::rules_detail {

// The first event of `type` known at the as-of time whose `ref` names `subject`.
inline const Event* first_referrer(const Case& c, std::uint32_t subject, EventType type, const EvalContext& ctx) {
    for (std::uint32_t i : c.referrers(subject)) {
        const Event& e = c.event(i);
        if (e.type() == type && ctx.known(e)) return &e;
    }
    return nullptr;
}

// Opens a finding about `subject`, choosing the rule version in force on `trigger_day`.
// Returns false (with the finding set to not_applicable) when no version applies that day.
inline bool open_finding(Finding& f, const RuleMeta& meta, const Event& subject, LocalDay trigger_day) {
    f.subject = subject.index();
    f.events.push_back({subject.index(), EventRole::trigger});
    if (const auto v = version_for(meta, trigger_day)) {
        f.version = *v;
        f.has_version = true;
        return true;
    }
    f.status = Status::not_applicable;
    f.reason = Reason::before_rule;
    return false;
}

inline void use(Finding& f, const Event* e, EventRole role) {
    if (e) f.events.push_back({e->index(), role});
}

inline constexpr LocalDay barnets_lov_start = LocalDay{date::year{2024} / 1 / 1};
inline constexpr LocalDay far_future = LocalDay{date::year{2200} / 1 / 1};
inline constexpr LocalDay far_past = LocalDay{date::year{1900} / 1 / 1};

}  // namespace barnetslov::rules_detail
