// The case-file format for C callers: the vocabulary and its schemas as documents (what
// `barnetslov schema` prints and share/barnetslov/ holds), and JSON case files.
#include "internal.hpp"

#include "barnetslov/loader.hpp"
#include "barnetslov/schema.hpp"

using namespace barnetslov;
using namespace bl_detail;

extern "C" {

bl_status bl_format_document(char** out, size_t* size, bl_document which) {
    if (out) *out = nullptr;
    if (size) *size = 0;
    if (!out) return fail(BL_ERROR_ARGUMENT, "bl_format_document: out is NULL");
    int value = 0;  // read as an int: a C caller's value need not be an enumerator
    std::memcpy(&value, &which, sizeof value);
    return guarded("bl_format_document", [&] {
        switch (value) {
            case BL_DOCUMENT_VOCABULARY_JSON: return hand_over(out, size, vocabulary_json(), "bl_format_document");
            case BL_DOCUMENT_JSON_SCHEMA: return hand_over(out, size, case_json_schema(), "bl_format_document");
            case BL_DOCUMENT_XSD: return hand_over(out, size, case_xsd(), "bl_format_document");
            case BL_DOCUMENT_REFERENCE: return hand_over(out, size, case_reference(), "bl_format_document");
            default: return failf(BL_ERROR_ARGUMENT, "bl_format_document: {} is not a bl_document", value);
        }
    });
}

bl_status bl_case_load_json_file(bl_case** out, const bl_engine* engine, const char* path) {
    if (out) *out = nullptr;
    if (!out || !engine || !path) return fail(BL_ERROR_ARGUMENT, "bl_case_load_json_file: out, engine and path must not be NULL");
    return guarded("bl_case_load_json_file", [&] {
        return take_case(out, load_case_json_file(path, engine->engine.calendar()));
    });
}

bl_status bl_case_load_json_buffer(bl_case** out, const bl_engine* engine, const char* data, size_t size, const char* source_name) {
    if (out) *out = nullptr;
    if (!out || !engine || (!data && size > 0))
        return fail(BL_ERROR_ARGUMENT, "bl_case_load_json_buffer: out and engine must not be NULL, nor data when size > 0");
    return guarded("bl_case_load_json_buffer", [&] {
        const std::string_view bytes(data ? data : "", size);
        return take_case(out, load_case_json_buffer(bytes, source_name ? source_name : "<memory>", engine->engine.calendar()));
    });
}

}  // extern "C"
