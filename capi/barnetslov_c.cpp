// The C API over the C++ library. Every entry point catches everything: no exception crosses.
#include "barnetslov.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

using namespace barnetslov;

struct bl_engine {
    Engine engine;
    explicit bl_engine(EngineOptions o) : engine(o) {}
};

struct bl_case {
    std::shared_ptr<const Case> kase;
};

struct bl_finding {
    const Finding* finding = nullptr;
    std::string rule_id, section, subject_id, message_en, message_da;
    std::uint32_t subject_line = 0;
};

struct bl_report {
    const Engine* engine = nullptr;
    Report report;
    std::vector<bl_finding> findings;
};

namespace {

struct LastError {
    bl_status code = BL_OK;
    std::string message;
};
thread_local LastError last_error;

bl_status ok() {
    last_error.code = BL_OK;
    last_error.message.clear();
    return BL_OK;
}

bl_status fail(bl_status code, std::string message) {
    last_error.code = code;
    try {
        last_error.message = std::move(message);
    } catch (...) {
        last_error.message.clear();
    }
    return code;
}

// Runs `body`, turning any exception into a status and a message.
template <class F>
bl_status guarded(F&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return fail(BL_ERROR_NO_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return fail(BL_ERROR_INTERNAL, fmt::format("internal error: {}", e.what()));
    } catch (...) {
        return fail(BL_ERROR_INTERNAL, "internal error");
    }
}

bl_status input_errors(const std::vector<InputError>& errors) {
    std::string msg;
    for (const InputError& e : errors) {
        if (!msg.empty()) msg += '\n';
        msg += e.to_string();
    }
    bool io = !errors.empty() && errors.front().location.line == 0 && errors.front().message.rfind("cannot", 0) == 0;
    return fail(io ? BL_ERROR_IO : BL_ERROR_INPUT, std::move(msg));
}

std::string sentence(const Engine& engine, const Report& report, const Finding& f, Lang lang) {
    const FindingText t = describe(engine, report, f, lang);
    std::string s = t.summary;
    if (!t.margin.empty() && !s.empty() && s.back() == '.') {
        s.pop_back();
        s += fmt::format(" ({}).", t.margin);
    }
    return s;
}

}  // namespace

extern "C" {

const char* bl_version(void) { return BL_VERSION_STRING; }
int bl_version_number(void) { return BL_VERSION_NUMBER; }
const char* bl_case_format(void) { return case_namespace_v1.data(); }

const char* bl_status_name(bl_status status) {
    switch (status) {
        case BL_OK: return "BL_OK";
        case BL_ERROR_ARGUMENT: return "BL_ERROR_ARGUMENT";
        case BL_ERROR_INPUT: return "BL_ERROR_INPUT";
        case BL_ERROR_IO: return "BL_ERROR_IO";
        case BL_ERROR_NO_MEMORY: return "BL_ERROR_NO_MEMORY";
        case BL_ERROR_RANGE: return "BL_ERROR_RANGE";
        case BL_ERROR_INTERNAL: return "BL_ERROR_INTERNAL";
    }
    return "BL_UNKNOWN_STATUS";
}

const char* bl_last_error_message(void) { return last_error.message.c_str(); }
bl_status bl_last_error_code(void) { return last_error.code; }

bl_status bl_engine_new(bl_engine** out, const bl_engine_options* options) {
    if (out) *out = nullptr;
    if (!out) return fail(BL_ERROR_ARGUMENT, "bl_engine_new: out is NULL");
    EngineOptions o;
    if (options) {
        if (options->struct_size < sizeof(size_t))
            return fail(BL_ERROR_ARGUMENT, "bl_engine_new: options->struct_size is too small (use BL_ENGINE_OPTIONS_INIT)");
        // Only the fields the caller's header knew are read.
        auto has = [&](size_t end) { return options->struct_size >= end; };
        if (has(offsetof(bl_engine_options, grundlovsdag_off) + sizeof(int))) o.holidays.grundlovsdag = options->grundlovsdag_off != 0;
        if (has(offsetof(bl_engine_options, juleaftensdag_off) + sizeof(int))) o.holidays.juleaftensdag = options->juleaftensdag_off != 0;
        if (has(offsetof(bl_engine_options, nytaarsaftensdag_off) + sizeof(int)))
            o.holidays.nytaarsaftensdag = options->nytaarsaftensdag_off != 0;
    }
    return guarded([&] {
        try {
            *out = new bl_engine(o);
        } catch (const std::runtime_error& e) {
            return fail(BL_ERROR_IO, e.what());
        }
        return ok();
    });
}

void bl_engine_free(bl_engine* engine) { delete engine; }

size_t bl_engine_rule_count(const bl_engine* engine) { return engine ? engine->engine.rulebook().rules().size() : 0; }

bl_status bl_case_load_file(bl_case** out, const bl_engine* engine, const char* path) {
    if (out) *out = nullptr;
    if (!out || !engine || !path) return fail(BL_ERROR_ARGUMENT, "bl_case_load_file: out, engine and path must not be NULL");
    return guarded([&] {
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
    return guarded([&] {
        LoadResult r = load_case_buffer(std::string_view(data ? data : "", size), source_name ? source_name : "<memory>",
                                        engine->engine.calendar());
        if (!r.ok()) return input_errors(r.errors);
        *out = new bl_case{std::move(r.kase)};
        return ok();
    });
}

void bl_case_free(bl_case* kase) { delete kase; }

const char* bl_case_id(const bl_case* kase) { return kase && kase->kase ? kase->kase->id().c_str() : ""; }
size_t bl_case_event_count(const bl_case* kase) { return kase && kase->kase ? kase->kase->events().size() : 0; }

bl_status bl_evaluate(bl_report** out, const bl_engine* engine, const bl_case* kase, int64_t as_of) {
    if (out) *out = nullptr;
    if (!out || !engine || !kase) return fail(BL_ERROR_ARGUMENT, "bl_evaluate: out, engine and kase must not be NULL");
    return guarded([&] {
        auto r = std::make_unique<bl_report>();
        r->engine = &engine->engine;
        r->report = engine->engine.evaluate(kase->kase, Instant{Seconds{as_of}});
        // Strings are made once here, so that a report can be read from several threads.
        r->findings.reserve(r->report.findings.size());
        for (const Finding& f : r->report.findings) {
            bl_finding& b = r->findings.emplace_back();
            const RuleMeta& m = engine->engine.meta(f);
            const Event& subject = r->report.kase->event(f.subject);
            b.finding = &f;
            b.rule_id = std::string(m.id);
            if (f.has_version) b.section = fmt::format("{} {}", law_name_da(m.versions[f.version].law), m.versions[f.version].section);
            b.subject_id = subject.id();
            b.subject_line = subject.location().line;
            b.message_en = sentence(engine->engine, r->report, f, Lang::en);
            b.message_da = sentence(engine->engine, r->report, f, Lang::da);
        }
        *out = r.release();
        return ok();
    });
}

void bl_report_free(bl_report* report) { delete report; }

size_t bl_report_count(const bl_report* report) { return report ? report->findings.size() : 0; }

int bl_report_has_problems(const bl_report* report) { return report && report->report.has_problems() ? 1 : 0; }

bl_status bl_report_to_json(char** out, size_t* size, const bl_report* report) {
    if (out) *out = nullptr;
    if (size) *size = 0;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_report_to_json: out and report must not be NULL");
    return guarded([&] {
        const std::string json = case_to_json(*report->engine, report->report);
        char* s = static_cast<char*>(std::malloc(json.size() + 1));
        if (!s) return fail(BL_ERROR_NO_MEMORY, "out of memory");
        std::memcpy(s, json.c_str(), json.size() + 1);
        *out = s;
        if (size) *size = json.size();
        return ok();
    });
}

void bl_string_free(char* s) { std::free(s); }

bl_status bl_report_finding(const bl_finding** out, const bl_report* report, size_t index) {
    if (out) *out = nullptr;
    if (!out || !report) return fail(BL_ERROR_ARGUMENT, "bl_report_finding: out and report must not be NULL");
    if (index >= report->findings.size())
        return fail(BL_ERROR_RANGE, fmt::format("bl_report_finding: index {} is past the {} findings", index, report->findings.size()));
    *out = &report->findings[index];
    return ok();
}

const char* bl_finding_rule_id(const bl_finding* f) { return f ? f->rule_id.c_str() : ""; }
bl_finding_status bl_finding_status_of(const bl_finding* f) {
    return f ? static_cast<bl_finding_status>(f->finding->status) : BL_INDETERMINATE;
}
const char* bl_finding_status_name(const bl_finding* f) { return f ? to_string(f->finding->status).data() : ""; }
const char* bl_finding_section(const bl_finding* f) { return f ? f->section.c_str() : ""; }
const char* bl_finding_subject_id(const bl_finding* f) { return f ? f->subject_id.c_str() : ""; }
uint32_t bl_finding_subject_line(const bl_finding* f) { return f ? f->subject_line : 0; }

int bl_finding_due(const bl_finding* f, int64_t* due) {
    if (!f || !f->finding->deadline) return 0;
    if (due) *due = f->finding->deadline->due_first.time_since_epoch().count();
    return 1;
}

int bl_finding_margin(const bl_finding* f, int64_t* margin, bl_margin_unit* unit) {
    if (!f || !f->finding->margin) return 0;
    if (margin) *margin = *f->finding->margin;
    if (unit) *unit = static_cast<bl_margin_unit>(f->finding->margin_unit);
    return 1;
}

const char* bl_finding_message(const bl_finding* f, bl_lang lang) {
    if (!f) return "";
    return lang == BL_LANG_DA ? f->message_da.c_str() : f->message_en.c_str();
}

}  // extern "C"
