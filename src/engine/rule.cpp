#include "barnetslov/rule.hpp"

#include "barnetslov/case.hpp"
#include "engine/rule_interface.hpp"

namespace barnetslov {

std::optional<std::uint8_t> version_for(const RuleMeta& meta, LocalDay day) { return version_in_force(meta, day); }

std::string_view to_string(Status s) {
    switch (s) {
        case Status::met: return "met";
        case Status::late: return "late";
        case Status::missed: return "missed";
        case Status::violated: return "violated";
        case Status::pending: return "pending";
        case Status::not_applicable: return "not_applicable";
        case Status::indeterminate: return "indeterminate";
    }
    return "?";
}

std::optional<Status> status_from_string(std::string_view s) {
    for (std::size_t i = 0; i < status_count; ++i)
        if (to_string(static_cast<Status>(i)) == s) return static_cast<Status>(i);
    return std::nullopt;
}

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "?";
}

std::string_view to_string(Confidence c) {
    switch (c) {
        case Confidence::confirmed: return "CONFIRMED";
        case Confidence::confirmed_old: return "CONFIRMED-OLD";
        case Confidence::inferred: return "INFERRED";
        case Confidence::unconfirmed: return "UNCONFIRMED";
    }
    return "?";
}

std::string_view to_string(Convention c) {
    switch (c) {
        case Convention::none: return "none";
        case Convention::elapsed_hours: return "elapsed_hours";
        case Convention::hverdage_after: return "hverdage_after";
        case Convention::months_after: return "months_after";
        case Convention::months_before: return "months_before";
        case Convention::years_after: return "years_after";
        case Convention::weeks_after: return "weeks_after";
        case Convention::days_after: return "days_after";
        case Convention::days_counting_first: return "days_counting_first";
    }
    return "?";
}

std::string_view to_string(Phase p) {
    switch (p) {
        case Phase::none: return "none";
        case Phase::before: return "before";
        case Phase::with: return "with";
        case Phase::after: return "after";
    }
    return "?";
}

std::string_view law_name_da(Law l) {
    switch (l) {
        case Law::barnets_lov: return "barnets lov";
        case Law::serviceloven: return "serviceloven";
        case Law::forvaltningsloven: return "forvaltningsloven";
        case Law::retssikkerhedsloven: return "retssikkerhedsloven";
    }
    return "?";
}

std::string_view law_name_en(Law l) {
    switch (l) {
        case Law::barnets_lov: return "Children's Act (barnets lov)";
        case Law::serviceloven: return "Social Services Act (serviceloven)";
        case Law::forvaltningsloven: return "Public Administration Act (forvaltningsloven)";
        case Law::retssikkerhedsloven: return "Legal Security Act (retssikkerhedsloven)";
    }
    return "?";
}

bool carries_evidence(const Case& kase, const RuleMeta& meta) {
    for (const Evidence& e : meta.evidence) {
        const auto events = kase.events_of(e.type);
        if (e.attr == no_attr) {
            if (!events.empty()) return true;
            continue;
        }
        for (std::uint32_t i : events)
            if (kase.event(i).has(e.attr)) return true;
    }
    return false;
}

std::string evidence_text(const RuleMeta& meta) {
    std::string out;
    for (const Evidence& e : meta.evidence) {
        if (!out.empty()) out += "; ";
        out += event_spec(e.type).element;
        if (e.attr != no_attr) out.append(" (").append(attr_name(e.attr)).append(")");
    }
    return out;
}

}  // namespace barnetslov
