// Engines and cases read from files or buffers.
#include "internal.hpp"

#include <stdexcept>

#include "barnetslov/loader.hpp"

using namespace barnetslov;
using namespace bl_detail;

namespace {

// The library's own option values are 0 and 1; anything else is a caller's mistake, not a wish.
bl_status read_flag(bool& out, int value, const char* field) {
    if (value != 0 && value != 1)
        return failf(BL_ERROR_ARGUMENT, "bl_engine_new: options->{} is {}; it must be 0 or 1", field, value);
    out = value == 1;
    return BL_OK;
}

bl_status read_options(EngineOptions& o, const bl_engine_options& options) {
    const std::size_t n = options.struct_size;
    if (const bl_status s = check_struct_size(n, sizeof(std::size_t), sizeof(bl_engine_options), "bl_engine_new", "options");
        s != BL_OK)
        return s;
    bl_status s = BL_OK;
    if (covers(n, offsetof(bl_engine_options, grundlovsdag_off), sizeof(int)))
        s = read_flag(o.holidays.grundlovsdag, options.grundlovsdag_off, "grundlovsdag_off");
    if (s == BL_OK && covers(n, offsetof(bl_engine_options, juleaftensdag_off), sizeof(int)))
        s = read_flag(o.holidays.juleaftensdag, options.juleaftensdag_off, "juleaftensdag_off");
    if (s == BL_OK && covers(n, offsetof(bl_engine_options, nytaarsaftensdag_off), sizeof(int)))
        s = read_flag(o.holidays.nytaarsaftensdag, options.nytaarsaftensdag_off, "nytaarsaftensdag_off");
    return s;
}

}  // namespace

extern "C" {

bl_status bl_engine_new(bl_engine** out, const bl_engine_options* options) {
    if (out) *out = nullptr;
    if (!out) return fail(BL_ERROR_ARGUMENT, "bl_engine_new: out is NULL");
    return guarded("bl_engine_new", [&] {
        EngineOptions o;
        if (options) {
            if (const bl_status s = read_options(o, *options); s != BL_OK) return s;
        }
        try {
            *out = new bl_engine(o);
        } catch (const std::runtime_error& e) {  // the time-zone database could not be read
            return failf(BL_ERROR_IO, "bl_engine_new: {}", e.what());
        }
        return ok();
    });
}

void bl_engine_free(bl_engine* engine) { delete engine; }

size_t bl_engine_rule_count(const bl_engine* engine) {
    if (!engine) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_engine_rule_count: engine is NULL");
        return 0;
    }
    return engine->engine.rulebook().rules().size();
}

bl_status bl_case_load_file(bl_case** out, const bl_engine* engine, const char* path) {
    if (out) *out = nullptr;
    if (!out || !engine || !path) return fail(BL_ERROR_ARGUMENT, "bl_case_load_file: out, engine and path must not be NULL");
    return guarded("bl_case_load_file", [&] {
        LoadResult r = load_case_file(path, engine->engine.calendar());
        if (!r.ok()) return input_errors(r.errors);
        *out = new bl_case{std::move(r.kase)};
        return ok();
    });
}

bl_status bl_case_load_buffer(bl_case** out, const bl_engine* engine, const char* data, size_t size, const char* source_name) {
    if (out) *out = nullptr;
    if (!out || !engine || (!data && size > 0))
        return fail(BL_ERROR_ARGUMENT, "bl_case_load_buffer: out and engine must not be NULL, nor data when size > 0");
    return guarded("bl_case_load_buffer", [&] {
        LoadResult r = load_case_buffer(std::string_view(data ? data : "", size), source_name ? source_name : "<memory>",
                                        engine->engine.calendar());
        if (!r.ok()) return input_errors(r.errors);
        *out = new bl_case{std::move(r.kase)};
        return ok();
    });
}

void bl_case_free(bl_case* kase) { delete kase; }

const char* bl_case_id(const bl_case* kase) {
    if (!kase) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_case_id: kase is NULL");
        return "";
    }
    return kase->kase->id().c_str();
}

size_t bl_case_event_count(const bl_case* kase) {
    if (!kase) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_case_event_count: kase is NULL");
        return 0;
    }
    return kase->kase->events().size();
}

}  // extern "C"
