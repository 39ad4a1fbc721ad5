// Versions, status codes and the per-thread last error.
#include "internal.hpp"

#include "barnetslov/vocabulary.hpp"

namespace bl_detail {
namespace {

struct LastError {
    bl_status code = BL_OK;
    std::string message;
    // The problems of an input error, one record each (bl_last_error_problem); empty otherwise.
    std::vector<barnetslov::InputError> problems;
};
// Per thread, never in a handle: an engine shared by threads must not carry one thread's error
// into another's.
thread_local LastError last_error;

}  // namespace

bl_status ok() noexcept {
    last_error.code = BL_OK;
    last_error.message.clear();
    last_error.problems.clear();
    return BL_OK;
}

bl_status fail(bl_status code, std::string_view message) noexcept {
    last_error.code = code;
    last_error.problems.clear();
    try {
        last_error.message.assign(message);
    } catch (...) {
        last_error.message.clear();
        last_error.message += "out of memory";  // short enough to need no allocation
    }
    return code;
}

bl_status input_errors(const std::vector<barnetslov::InputError>& errors, std::size_t from) {
    std::string msg;
    for (std::size_t i = from; i < errors.size(); ++i) {
        if (!msg.empty()) msg += '\n';
        msg += errors[i].to_string();
    }
    const bool io = from < errors.size() && errors[from].code == barnetslov::input_error_code::io;
    const bl_status status = fail(io ? BL_ERROR_IO : BL_ERROR_INPUT, std::move(msg));
    try {
        last_error.problems.assign(errors.begin() + std::ptrdiff_t(std::min(from, errors.size())), errors.end());
    } catch (...) {
        last_error.problems.clear();  // the joined message is still there
    }
    return status;
}

bl_status check_struct_size(std::size_t given, std::size_t required, std::size_t known, const char* function,
                            const char* what) {
    if (given < required)
        return failf(BL_ERROR_ARGUMENT, "{}: {}->struct_size is {}, less than the {} bytes required (initialise "
                                                   "it with its _INIT macro)", function, what, given, required);
    // Fields this library does not know would be silently ignored: the caller was compiled
    // against a newer barnetslov.h and needs at least that version of the library.
    if (given > known)
        return failf(BL_ERROR_ARGUMENT, "{}: {}->struct_size is {}, but this library (version {}) knows {} bytes: "
                                                   "the caller was compiled against a newer barnetslov.h",
                                                   function, what, given, BL_VERSION_STRING, known);
    return BL_OK;
}

bl_status hand_over(char** out, std::size_t* size, const std::string& text, const char* function) noexcept {
    // malloc, not new: bl_string_free is the one way back, and a C caller may hand the buffer to
    // code that expects malloc'ed memory.
    char* s = static_cast<char*>(std::malloc(text.size() + 1));
    if (!s) return failf(BL_ERROR_NO_MEMORY, "{}: out of memory", function);
    std::memcpy(s, text.c_str(), text.size() + 1);
    *out = s;
    if (size) *size = text.size();
    return ok();
}

bool instant_in_range(std::int64_t t) {
    constexpr std::int64_t first = -2208988800;  // 1900-01-01T00:00:00Z
    constexpr std::int64_t end = 7258118400;     // 2200-01-01T00:00:00Z
    return t >= first && t < end;
}

}  // namespace bl_detail

using namespace bl_detail;

extern "C" {

const char* bl_version(void) { return BL_VERSION_STRING; }
int bl_version_number(void) { return BL_VERSION_NUMBER; }
const char* bl_case_format(void) { return barnetslov::case_namespace_v1.data(); }

const char* bl_status_name(bl_status status) {
    switch (status) {
        case BL_OK: return "BL_OK";
        case BL_ERROR_ARGUMENT: return "BL_ERROR_ARGUMENT";
        case BL_ERROR_INPUT: return "BL_ERROR_INPUT";
        case BL_ERROR_IO: return "BL_ERROR_IO";
        case BL_ERROR_NO_MEMORY: return "BL_ERROR_NO_MEMORY";
        case BL_ERROR_RANGE: return "BL_ERROR_RANGE";
        case BL_ERROR_INTERNAL: return "BL_ERROR_INTERNAL";
        case BL_ERROR_STATE: return "BL_ERROR_STATE";
    }
    return "BL_UNKNOWN_STATUS";
}

const char* bl_last_error_message(void) { return last_error.message.c_str(); }

size_t bl_last_error_problem_count(void) { return last_error.problems.size(); }

bl_status bl_input_problem_init(bl_input_problem* problem) {
    // Called after a failure, to read its problems: it must not clear them (nor set an error).
    if (!problem) return BL_ERROR_ARGUMENT;
    // Its fields when the function was added (0.2.0): never more (init_struct's reason).
    write_init(problem, bl_input_problem BL_INPUT_PROBLEM_INIT, BL_FIELD_END(bl_input_problem, attribute));
    return BL_OK;
}

int bl_last_error_problem(bl_input_problem* out, size_t index) {
    if (!out || !covers(out->struct_size, offsetof(bl_input_problem, code), sizeof out->code) || index >= last_error.problems.size())
        return 0;
    const barnetslov::InputError& e = last_error.problems[index];
    BL_SET_COVERED(bl_input_problem, out, code, e.code.data());  // a string literal, NUL-terminated
    BL_SET_COVERED(bl_input_problem, out, message, e.message.c_str());
    BL_SET_COVERED(bl_input_problem, out, source, e.source.c_str());
    BL_SET_COVERED(bl_input_problem, out, line, e.location.line);
    BL_SET_COVERED(bl_input_problem, out, column, e.location.column);
    BL_SET_COVERED(bl_input_problem, out, element, e.element.c_str());
    BL_SET_COVERED(bl_input_problem, out, event_index, e.event_index);
    BL_SET_COVERED(bl_input_problem, out, id, e.id.c_str());
    BL_SET_COVERED(bl_input_problem, out, attribute, e.attribute.c_str());
    return 1;
}
bl_status bl_last_error_code(void) { return last_error.code; }
void bl_last_error_clear(void) { ok(); }

}  // extern "C"
