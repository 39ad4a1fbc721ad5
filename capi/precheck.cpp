// Pre-checking a decision (or any event) not yet made, through the library's precheck(): the case
// copied with the event added, evaluated, and the findings about it sorted into what blocks it, what
// it must carry and the deadlines it starts, so a case system can stop it in time.
#include "internal.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include <date/date.h>

using namespace barnetslov;
using namespace bl_detail;

namespace {

// More pairs than the vocabulary has attributes is a caller's runaway array, not a decision.
constexpr std::size_t max_attribute_pairs = 64;

struct Decision {
    std::int64_t at = 0;
    const char* kind = nullptr;
    const char* body = nullptr;
    const char* refs = nullptr;
    const char* const* attributes = nullptr;
};

// Checks a NULL-terminated name/value array: ends within max_attribute_pairs, and no name without a value.
bl_status check_pairs(const char* const* pairs, const char* function, const char* field) {
    if (!pairs) return BL_OK;
    for (std::size_t i = 0; pairs[i]; i += 2) {
        if (i / 2 >= max_attribute_pairs)
            return failf(BL_ERROR_ARGUMENT, "{}: {} has more than {} pairs (does it end with NULL?)", function, field, max_attribute_pairs);
        if (!pairs[i + 1]) return failf(BL_ERROR_ARGUMENT, "{}: {}: {} has no value", function, field, shown(pairs[i]));
    }
    return BL_OK;
}

bl_status read_decision(Decision& d, const bl_proposed_decision& given) {
    const std::size_t n = given.struct_size;
    // `at` and `kind` are what a decision cannot be without.
    const std::size_t required = offsetof(bl_proposed_decision, kind) + sizeof(const char*);
    if (const bl_status s = check_struct_size(n, required, sizeof(bl_proposed_decision), "bl_precheck_decision", "decision");
        s != BL_OK)
        return s;
    d.at = given.at;
    d.kind = given.kind;
    if (covers(n, offsetof(bl_proposed_decision, body), sizeof(const char*))) d.body = given.body;
    if (covers(n, offsetof(bl_proposed_decision, refs), sizeof(const char*))) d.refs = given.refs;
    if (covers(n, offsetof(bl_proposed_decision, attributes), sizeof(const char* const*))) d.attributes = given.attributes;
    if (!d.kind) return fail(BL_ERROR_ARGUMENT, "bl_precheck_decision: decision->kind must not be NULL");
    if (!instant_in_range(d.at))
        return failf(BL_ERROR_ARGUMENT, "bl_precheck_decision: decision->at {} is {}", d.at, instant_range_text);
    if (const bl_status s = check_pairs(d.attributes, "bl_precheck_decision", "decision->attributes"); s != BL_OK) return s;
    return BL_OK;
}

// The decision as the case-file vocabulary writes it, so that every value passes the checks a
// file's afgoerelse would.
ProposedEvent as_event(const Decision& d) {
    ProposedEvent e{"afgoerelse", {{"at", date::format("%FT%TZ", Instant{Seconds{d.at}})}, {"kind", d.kind}}};
    if (d.body) e.attributes.emplace_back("body", d.body);
    if (d.refs) e.attributes.emplace_back("ref", d.refs);
    for (std::size_t i = 0; d.attributes && d.attributes[i]; i += 2) e.attributes.emplace_back(d.attributes[i], d.attributes[i + 1]);
    return e;
}

bl_status run(bl_report** out, const bl_engine& engine, const bl_case& kase, const ProposedEvent& event, Instant as_of,
              std::string_view id) {
    PrecheckResult r = precheck(engine.engine, *kase.kase, event, as_of, id);
    if (!r.ok()) return input_errors(r.errors);
    std::unique_ptr<bl_report> report = make_report(engine, std::move(r.report));
    report->precheck_lists = std::move(r.lists);
    report->precheck = true;
    *out = report.release();
    return ok();
}

}  // namespace

extern "C" {

bl_status bl_precheck_decision(bl_report** out, const bl_engine* engine, const bl_case* kase, const bl_proposed_decision* decision,
                               int64_t as_of) {
    if (out) *out = nullptr;
    if (!out || !engine || !kase || !decision)
        return fail(BL_ERROR_ARGUMENT, "bl_precheck_decision: out, engine, kase and decision must not be NULL");
    if (!instant_in_range(as_of))
        return failf(BL_ERROR_ARGUMENT, "bl_precheck_decision: as_of {} is {}", as_of, instant_range_text);
    return guarded("bl_precheck_decision", [&] {
        Decision d;
        if (const bl_status s = read_decision(d, *decision); s != BL_OK) return s;
        // Judged once the decision exists: an earlier as_of would not see it at all (precheck()).
        return run(out, *engine, *kase, as_event(d), Instant{Seconds{as_of}}, BL_PROPOSED_DECISION_ID);
    });
}

bl_status bl_precheck_event(bl_report** out, const bl_engine* engine, const bl_case* kase, const bl_proposed_event* event, int64_t as_of) {
    if (out) *out = nullptr;
    if (!out || !engine || !kase || !event)
        return fail(BL_ERROR_ARGUMENT, "bl_precheck_event: out, engine, kase and event must not be NULL");
    if (!instant_in_range(as_of)) return failf(BL_ERROR_ARGUMENT, "bl_precheck_event: as_of {} is {}", as_of, instant_range_text);
    return guarded("bl_precheck_event", [&] {
        const std::size_t required = offsetof(bl_proposed_event, attributes) + sizeof(const char* const*);
        if (const bl_status s = check_struct_size(event->struct_size, required, sizeof(bl_proposed_event), "bl_precheck_event", "event");
            s != BL_OK)
            return s;
        if (!event->element) return fail(BL_ERROR_ARGUMENT, "bl_precheck_event: event->element must not be NULL");
        if (const bl_status s = check_pairs(event->attributes, "bl_precheck_event", "event->attributes"); s != BL_OK) return s;
        ProposedEvent e{event->element, {}};
        for (std::size_t i = 0; event->attributes && event->attributes[i]; i += 2)
            e.attributes.emplace_back(event->attributes[i], event->attributes[i + 1]);
        return run(out, *engine, *kase, e, Instant{Seconds{as_of}}, BL_PROPOSED_EVENT_ID);
    });
}

bl_status bl_proposed_decision_init(bl_proposed_decision* decision) {
    static const bl_proposed_decision init = BL_PROPOSED_DECISION_INIT;
    // Its fields when the function was added (0.1.0): never more (init_struct).
    return init_struct(decision, init, BL_FIELD_END(bl_proposed_decision, attributes), "bl_proposed_decision_init");
}

bl_status bl_proposed_event_init(bl_proposed_event* event) {
    static const bl_proposed_event init = BL_PROPOSED_EVENT_INIT;
    return init_struct(event, init, BL_FIELD_END(bl_proposed_event, attributes), "bl_proposed_event_init");
}

bl_status bl_precheck_findings(bl_finding_iter** out, const bl_report* report, bl_precheck_list list) {
    // A C caller may pass any int here; read it as one, since a value outside the enum is not a
    // value of the C++ type (UBSan's -fsanitize=enum).
    std::underlying_type_t<bl_precheck_list> which;
    std::memcpy(&which, &list, sizeof which);
    if (out) *out = nullptr;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_precheck_findings: out and report must not be NULL");
    if (!report->precheck) return fail(BL_ERROR_ARGUMENT, "bl_precheck_findings: the report is not a pre-check's");
    if (which < BL_PRECHECK_BLOCKING || which > BL_PRECHECK_OTHER)
        return failf(BL_ERROR_ARGUMENT, "bl_precheck_findings: list {} is not a bl_precheck_list", which);
    return guarded("bl_precheck_findings", [&] {
        auto it = std::make_unique<bl_finding_iter>();
        it->report = report;
        for (std::size_t i = 0; i < report->precheck_lists.size(); ++i)
            if (static_cast<int>(report->precheck_lists[i]) == static_cast<int>(which)) it->selection.push_back(static_cast<std::uint32_t>(i));
        *out = it.release();
        return ok();
    });
}

}  // extern "C"
