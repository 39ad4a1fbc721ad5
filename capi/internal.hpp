// What the C API's translation units share: the handles behind the opaque types, the
// thread-local last error, and the guard that keeps every exception on this side.
#pragma once

#include "barnetslov.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "barnetslov/case_builder.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/precheck.hpp"
#include "barnetslov/echo.hpp"

// A rule's metadata as bl_rule_info hands it out: NUL-terminated copies (the metadata's
// string_views need not be).
struct bl_rule_strings {
    std::string id, chapter, title_en, title_da, severity, confidence, section, counting, reading, statute_source,
        statute_confirms;
    bl_phase phase = BL_PHASE_NONE;
    unsigned statuses = 0;
};

struct bl_engine {
    barnetslov::Engine engine;
    // Made once, so that bl_engine_reading and bl_engine_rule hand out strings that live as long
    // as the engine and an engine shared between threads is only ever read.
    std::vector<barnetslov::ReadingValue> readings;
    std::vector<bl_rule_strings> rules;  // in the rulebook's order
    explicit bl_engine(barnetslov::EngineOptions o);
};

struct bl_case {
    std::shared_ptr<const barnetslov::Case> kase;
};

struct bl_finding_event_view {
    std::string id;
    std::string element;
    bl_event_role role = BL_ROLE_RELATED;
    std::uint32_t line = 0;
};

// A finding's explanation in each language, made the first time that language is asked for:
// a batch that counts statuses reads none, a case system one. std::call_once makes the first
// use from several threads at once safe, and every later one a read.
struct bl_finding_texts {
    std::once_flag made[2];       // [bl_lang]
    std::string text[2][6];       // [bl_lang][bl_text]
};

struct bl_report;

// Every other string a getter hands out is made once, when the report is made, so that a report
// can be read from several threads without locks and a pointer stays valid as long as the report.
struct bl_finding {
    const barnetslov::Finding* finding = nullptr;
    std::string rule_id, section, severity, subject_id, reason, basis, confidence;
    std::uint32_t subject_line = 0;
    barnetslov::Phase phase = barnetslov::Phase::none;  // the rule's
    std::vector<bl_finding_event_view> events;
    const bl_report* owner = nullptr;
    bl_finding_texts* texts = nullptr;  // the owner's, made on demand (bl_detail::texts_of)
};

struct bl_report {
    const bl_engine* engine_handle = nullptr;
    const barnetslov::Engine* engine = nullptr;
    barnetslov::Report report;
    std::vector<bl_finding> findings;
    std::unique_ptr<bl_finding_texts[]> texts;  // one per finding
    // A pre-check's report: the list of each finding (barnetslov::PrecheckList); empty otherwise.
    std::vector<barnetslov::PrecheckList> precheck_lists;
    bool precheck = false;
};

struct bl_finding_iter {
    const bl_report* report = nullptr;
    std::vector<std::uint32_t> selection;  // indices into report->findings
    std::size_t next = 0;
};

namespace bl_detail {

bl_status ok() noexcept;
bl_status fail(bl_status code, std::string_view message) noexcept;

// fail() with a formatted message. Formatting allocates, and nothing may throw out of an entry
// point, not even while it reports an error.
template <class... A>
bl_status failf(bl_status code, fmt::format_string<A...> format, A&&... args) noexcept {
    try {
        return fail(code, fmt::format(format, std::forward<A>(args)...));
    } catch (...) {
        return fail(code, "out of memory");
    }
}

// For getters: records the error, leaves the caller to return its neutral value.
template <class... A>
void getter_fail(bl_status code, fmt::format_string<A...> format, A&&... args) noexcept {
    failf(code, format, std::forward<A>(args)...);
}

// Runs `body`, turning any exception into a status and a message.
template <class F>
bl_status guarded(const char* function, F&& body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return failf(BL_ERROR_NO_MEMORY, "{}: out of memory", function);
    } catch (const std::exception& e) {
        return failf(BL_ERROR_INTERNAL, "{}: internal error: {}", function, e.what());
    } catch (...) {
        return failf(BL_ERROR_INTERNAL, "{}: internal error", function);
    }
}

// Input errors, one per line, as BL_ERROR_INPUT (BL_ERROR_IO for a file that could not be read).
bl_status input_errors(const std::vector<barnetslov::InputError>& errors, std::size_t from = 0);

// Whether a versioned struct of `given` bytes is one this library can read: at least the first
// `required` bytes, and no more than the `known` bytes of this version.
bl_status check_struct_size(std::size_t given, std::size_t required, std::size_t known, const char* function,
                            const char* what);
// Whether the caller's struct reaches to the end of the field at `offset` of `size` bytes.
inline bool covers(std::size_t struct_size, std::size_t offset, std::size_t size) { return struct_size >= offset + size; }

// A caller's string inside a message: quoted, printable, short, and never bytes that are not UTF-8.
inline std::string shown(std::string_view text) {
    return barnetslov::valid_utf8(text) ? barnetslov::quoted(text) : std::string("(not valid UTF-8)");
}

// A loader's result handed to the caller: the case in *out, or its errors as the last error.
inline bl_status take_case(bl_case** out, barnetslov::LoadResult r) {
    if (!r.ok()) return input_errors(r.errors);
    *out = new bl_case{std::move(r.kase)};
    return ok();
}

// `text` as a NUL-terminated copy the caller frees with bl_string_free: *out, and its length in
// *size when size is not NULL.
bl_status hand_over(char** out, std::size_t* size, const std::string& text, const char* function) noexcept;

// Unix seconds within the years 1900-2199, the range of the calendar.
bool instant_in_range(std::int64_t t);
inline constexpr const char* instant_range_text = "outside the years 1900-2199";

// Wraps an evaluated report for the C API, making the strings its getters return.
// `*out = value` (an option struct's _INIT), for bindings that cannot use the macro, written
// only up to `end`: the end of the struct's last field when its _init function was added. A
// caller built against that header has a struct that large; a newer library must not write past
// it, so fields appended later are left out (struct_size says so, and they get their defaults).
template <class T>
void write_init(T* out, T value, std::size_t end) noexcept {
    value.struct_size = end;
    std::memcpy(static_cast<void*>(out), &value, end);
}
template <class T>
bl_status init_struct(T* out, const T& value, std::size_t end, const char* function) noexcept {
    if (!out) return failf(BL_ERROR_ARGUMENT, "{}: the struct must not be NULL", function);
    write_init(out, value, end);
    return ok();
}
// The end of `field` in `T`: what init_struct's `end` is written with.
#define BL_FIELD_END(T, field) (offsetof(T, field) + sizeof(T::field))
// `out->field = value` when the caller's out->struct_size covers the field (an out-struct an
// older caller made shorter gets only the fields it has).
#define BL_SET_COVERED(T, out, field, value) \
    if (covers((out)->struct_size, offsetof(T, field), sizeof((out)->field))) (out)->field = (value)

std::unique_ptr<bl_report> make_report(const bl_engine& engine, barnetslov::Report report);

// The texts of `f` in `lang` (a valid bl_lang), made on first use. May throw std::bad_alloc.
const std::string* texts_of(const bl_finding& f, bl_lang lang);

}  // namespace bl_detail
