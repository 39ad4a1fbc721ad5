// The rulebook's metadata for C callers (bl_rule_info): what `barnetslov rules` prints, for a
// case system's own lists and help texts.
#include "internal.hpp"

#include "barnetslov/statute.hpp"

using namespace barnetslov;
using namespace bl_detail;

namespace {

bl_rule_strings strings_of(const RuleMeta& m) {
    bl_rule_strings r;
    r.id = m.id;
    r.chapter = m.chapter;
    r.title_en = m.title_en;
    r.title_da = m.title_da;
    r.severity = to_string(m.severity);
    r.confidence = to_string(m.confidence);
    if (!m.versions.empty()) r.section = fmt::format("{} {}", law_name_da(m.versions.back().law), m.versions.back().section);
    r.counting = m.counting;
    r.reading = m.reading;
    if (m.statute) {
        r.statute_source = m.statute->source;
        r.statute_confirms = m.statute->confirms;
    }
    r.phase = static_cast<bl_phase>(m.phase);
    r.statuses = m.statuses;
    return r;
}

bl_status fill(bl_rule_info* out, const bl_rule_strings& r, const char* function) {
    if (const bl_status s = check_struct_size(out->struct_size, offsetof(bl_rule_info, chapter), sizeof(bl_rule_info), function, "out");
        s != BL_OK)
        return s;
    BL_SET_COVERED(bl_rule_info, out, id, r.id.c_str());
    BL_SET_COVERED(bl_rule_info, out, chapter, r.chapter.c_str());
    BL_SET_COVERED(bl_rule_info, out, title_en, r.title_en.c_str());
    BL_SET_COVERED(bl_rule_info, out, title_da, r.title_da.c_str());
    BL_SET_COVERED(bl_rule_info, out, severity, r.severity.c_str());
    BL_SET_COVERED(bl_rule_info, out, confidence, r.confidence.c_str());
    BL_SET_COVERED(bl_rule_info, out, section, r.section.c_str());
    BL_SET_COVERED(bl_rule_info, out, counting, r.counting.c_str());
    BL_SET_COVERED(bl_rule_info, out, reading, r.reading.c_str());
    BL_SET_COVERED(bl_rule_info, out, statute_source, r.statute_source.c_str());
    BL_SET_COVERED(bl_rule_info, out, statute_confirms, r.statute_confirms.c_str());
    BL_SET_COVERED(bl_rule_info, out, phase, r.phase);
    BL_SET_COVERED(bl_rule_info, out, statuses, r.statuses);
    return ok();
}

}  // namespace

bl_engine::bl_engine(EngineOptions o) : engine(o), readings(engine.readings_used()) {
    const auto all = engine.rulebook().rules();
    rules.reserve(all.size());
    for (const Rule* rule : all) rules.push_back(strings_of(rule->meta()));
}

static_assert(BL_FINDING_STATUS_BIT(BL_INDETERMINATE) == 1u << static_cast<unsigned>(Status::indeterminate),
              "bl_rule_info.statuses has RuleMeta::statuses' bits");

extern "C" {

bl_status bl_rule_info_init(bl_rule_info* info) {
    static const bl_rule_info init = BL_RULE_INFO_INIT;
    // Its fields when the function was added (0.2.0): never more (init_struct).
    return init_struct(info, init, BL_FIELD_END(bl_rule_info, statuses), "bl_rule_info_init");
}

bl_status bl_engine_rule(bl_rule_info* out, const bl_engine* engine, size_t index) {
    if (!out || !engine) return fail(BL_ERROR_ARGUMENT, "bl_engine_rule: out and engine must not be NULL");
    if (index >= engine->rules.size())
        return failf(BL_ERROR_RANGE, "bl_engine_rule: index {} is past the end (the engine has {} rules)", index, engine->rules.size());
    return fill(out, engine->rules[index], "bl_engine_rule");
}

bl_status bl_engine_rule_by_id(bl_rule_info* out, const bl_engine* engine, const char* id) {
    if (!out || !engine || !id) return fail(BL_ERROR_ARGUMENT, "bl_engine_rule_by_id: out, engine and id must not be NULL");
    for (const bl_rule_strings& r : engine->rules)
        if (r.id == id) return fill(out, r, "bl_engine_rule_by_id");
    return failf(BL_ERROR_ARGUMENT, "bl_engine_rule_by_id: no rule has id {}", shown(id));
}

bl_status bl_finding_rule(bl_rule_info* out, const bl_finding* f) {
    if (!out || !f) return fail(BL_ERROR_ARGUMENT, "bl_finding_rule: out and f must not be NULL");
    const auto* engine = f->owner ? f->owner->engine_handle : nullptr;
    if (!engine) return fail(BL_ERROR_INTERNAL, "bl_finding_rule: the finding's report has no engine");
    return fill(out, engine->rules[f->finding->rule], "bl_finding_rule");
}

}  // extern "C"
