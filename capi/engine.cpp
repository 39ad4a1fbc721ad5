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

// options->readings: name, value pairs up to a NULL name, set as the CLI's --reading sets them.
bl_status read_readings(EngineOptions& o, const char* const* readings) {
    std::vector<std::pair<std::string_view, std::string_view>> pairs;
    for (std::size_t i = 0; readings[i]; i += 2) {
        const std::string_view name = readings[i];
        if (!readings[i + 1])
            return failf(BL_ERROR_ARGUMENT, "bl_engine_new: options->readings: reading {} has no value (pairs end with a NULL name)",
                         shown(name));
        const std::string_view value = readings[i + 1];
        // set_readings echoes what it refuses; bytes that are not UTF-8 must not reach a message.
        if (!valid_utf8(name) || !valid_utf8(value))
            return failf(BL_ERROR_ARGUMENT, "bl_engine_new: options->readings[{}]: a name or value that is not valid UTF-8", i);
        pairs.emplace_back(name, value);
    }
    if (const std::string m = set_readings(o.readings, o.holidays, pairs); !m.empty())
        return failf(BL_ERROR_ARGUMENT, "bl_engine_new: options->readings: {}", m);
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
    // reserved_0 is never read: in a struct from a header before it, those bytes were padding,
    // which the caller's struct_size covers and which may hold anything.
    if (s == BL_OK && covers(n, offsetof(bl_engine_options, readings), sizeof(options.readings)) && options.readings)
        s = read_readings(o, options.readings);
    return s;
}

}  // namespace

extern "C" {

bl_status bl_engine_options_init(bl_engine_options* options) {
    static const bl_engine_options init = BL_ENGINE_OPTIONS_INIT;
    // Its fields when the function was added (0.1.0): never more (init_struct).
    return init_struct(options, init, BL_FIELD_END(bl_engine_options, readings), "bl_engine_options_init");
}

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

size_t bl_engine_reading_count(const bl_engine* engine) {
    if (!engine) {
        getter_fail(BL_ERROR_ARGUMENT, "bl_engine_reading_count: engine is NULL");
        return 0;
    }
    return engine->readings.size();
}

bl_status bl_engine_reading(const char** name, const char** value, const char** default_value, const bl_engine* engine, size_t index) {
    if (name) *name = nullptr;
    if (value) *value = nullptr;
    if (default_value) *default_value = nullptr;
    if (!engine) return fail(BL_ERROR_ARGUMENT, "bl_engine_reading: engine is NULL");
    if (index >= engine->readings.size())
        return failf(BL_ERROR_RANGE, "bl_engine_reading: index {} is past the end (the engine has {} readings)", index,
                     engine->readings.size());
    const ReadingValue& r = engine->readings[index];
    if (name) *name = r.name.c_str();
    if (value) *value = r.value.c_str();
    if (default_value) *default_value = r.default_value.c_str();
    return ok();
}

bl_status bl_case_load_file(bl_case** out, const bl_engine* engine, const char* path) {
    if (out) *out = nullptr;
    if (!out || !engine || !path) return fail(BL_ERROR_ARGUMENT, "bl_case_load_file: out, engine and path must not be NULL");
    return guarded("bl_case_load_file", [&] {
        return take_case(out, load_case_file(path, engine->engine.calendar()));
    });
}

bl_status bl_case_load_buffer(bl_case** out, const bl_engine* engine, const char* data, size_t size, const char* source_name) {
    if (out) *out = nullptr;
    if (!out || !engine || (!data && size > 0))
        return fail(BL_ERROR_ARGUMENT, "bl_case_load_buffer: out and engine must not be NULL, nor data when size > 0");
    return guarded("bl_case_load_buffer", [&] {
        const std::string_view bytes(data ? data : "", size);
        return take_case(out, load_case_buffer(bytes, source_name ? source_name : "<memory>", engine->engine.calendar()));
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
