// Pre-checking a decision not yet made: the case is copied with the decision added, evaluated,
// and only the findings about that decision are kept, so a case system can stop it in time.
#include "internal.hpp"

#include <algorithm>

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
    if (d.attributes) {
        std::size_t i = 0;
        for (; d.attributes[i]; i += 2) {
            if (i / 2 >= max_attribute_pairs)
                return failf(BL_ERROR_ARGUMENT, "bl_precheck_decision: decision->attributes has more than {} pairs "
                                                           "(does it end with NULL?)", max_attribute_pairs);
            if (!d.attributes[i + 1])
                return failf(BL_ERROR_ARGUMENT, "bl_precheck_decision: decision->attributes: {} has no value",
                                                           shown(d.attributes[i]));
        }
    }
    return BL_OK;
}

// The decision as the case-file vocabulary writes it, so that every value passes the checks a
// file's afgoerelse would.
std::shared_ptr<const Case> with_decision(const Case& base, const Calendar& calendar, const Decision& d,
                                          std::vector<InputError>& errors) {
    CaseBuilder b(base, calendar);
    b.begin_event("afgoerelse");
    b.event_attribute("id", BL_PROPOSED_DECISION_ID);
    b.event_attribute("at", date::format("%FT%TZ", Instant{Seconds{d.at}}));
    b.event_attribute("kind", d.kind);
    if (d.body) b.event_attribute("body", d.body);
    if (d.refs) b.event_attribute("ref", d.refs);
    for (std::size_t i = 0; d.attributes && d.attributes[i]; i += 2) b.event_attribute(d.attributes[i], d.attributes[i + 1]);
    std::shared_ptr<const Case> kase = b.finish();
    if (!kase) errors = b.errors();
    return kase;
}

bool concerns(const Finding& f, std::uint32_t decision) {
    return f.subject == decision ||
           std::any_of(f.events.begin(), f.events.end(), [&](const EventUse& u) { return u.event == decision; });
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
        std::vector<InputError> errors;
        const std::shared_ptr<const Case> proposed = with_decision(*kase->kase, engine->engine.calendar(), d, errors);
        if (!proposed) return input_errors(errors);
        // Judged once the decision exists: an earlier as_of would not see it at all.
        Report report = engine->engine.evaluate(proposed, Instant{Seconds{std::max(as_of, d.at)}});
        const std::uint32_t index = proposed->find_event(BL_PROPOSED_DECISION_ID)->index();
        std::erase_if(report.findings, [&](const Finding& f) { return !concerns(f, index); });
        *out = make_report(engine->engine, std::move(report)).release();
        return ok();
    });
}

}  // extern "C"
