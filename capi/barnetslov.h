/*
 * barnetslov.h — the C API of barnetslov, a validation engine for the Danish Children's Act
 * (barnets lov): deadlines, procedure and the child's involvement, checked on a case.
 *
 * This header is the library's stable ABI (libbarnetslov.so.1). It is C99, and every symbol it
 * declares starts with bl_ or BL_.
 *
 * CONTENTS
 *   1. Versions
 *   2. Status codes and errors
 *   3. Engine
 *   4. Cases
 *   5. Evaluation and reports
 *   6. Findings
 *
 * CONVENTIONS (they hold for every function unless its comment says otherwise)
 *   - Every fallible call returns a bl_status; BL_OK is 0. On failure the out-parameters are set
 *     to NULL/0 and bl_last_error_message() describes the failure in the calling thread.
 *   - Out-parameters come first.
 *   - Whatever a bl_*_new / bl_*_load / bl_evaluate returns is owned by the caller and released
 *     with the matching bl_*_free, which accepts NULL. Strings returned by getters are owned by
 *     the handle they came from and stay valid until it is freed.
 *   - Times are UTC seconds since 1970-01-01 (Unix time). Days are Copenhagen local dates.
 *   - No call reads the clock, writes a file, opens the network, or prints anything; no message
 *     contains a CPR number.
 *   - No C++ exception crosses this API.
 *
 * THREADS
 *   - bl_engine: immutable after bl_engine_new; share one engine between any number of threads.
 *   - bl_case, bl_report: immutable after creation; may be read from several threads at once,
 *     but must not be freed while another thread uses them.
 *   - Errors are per thread (bl_last_error_message), never stored in a shared handle.
 */
#ifndef BARNETSLOV_H
#define BARNETSLOV_H

#include <stddef.h>
#include <stdint.h>

#if defined(BL_BUILDING_LIBRARY)
#define BL_API __attribute__((visibility("default")))
#else
#define BL_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. Versions --------------------------------------------------------------------------- */

#define BL_VERSION_MAJOR 0
#define BL_VERSION_MINOR 1
#define BL_VERSION_PATCH 0
#define BL_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH: compare with bl_version_number() at run time. */
#define BL_VERSION_NUMBER (BL_VERSION_MAJOR * 10000 + BL_VERSION_MINOR * 100 + BL_VERSION_PATCH)

/* The version of the library actually linked, e.g. "0.1.0". Never NULL. */
BL_API const char *bl_version(void);
/* The same as BL_VERSION_NUMBER of the linked library. */
BL_API int bl_version_number(void);
/* The case-file format read: "urn:barnetslov:case:1". Never NULL. */
BL_API const char *bl_case_format(void);

/* ---- 2. Status codes and errors ------------------------------------------------------------ */

typedef enum bl_status {
    BL_OK = 0,
    BL_ERROR_ARGUMENT = 1, /* a NULL where a value is required, or a value out of range */
    BL_ERROR_INPUT = 2,    /* the case file or buffer is not a valid case (file, line, column, field) */
    BL_ERROR_IO = 3,       /* a file could not be read */
    BL_ERROR_NO_MEMORY = 4,
    BL_ERROR_RANGE = 5,    /* an index past the end */
    BL_ERROR_INTERNAL = 6  /* a bug in barnetslov; please report the message */
} bl_status;

/* A short name for a status ("BL_OK", "BL_ERROR_INPUT"). Never NULL, also for unknown values. */
BL_API const char *bl_status_name(bl_status status);

/* The message of the last failed call in this thread, e.g.
 * "case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is not a date".
 * Input errors list every problem found, one per line. Never NULL; "" after success.
 * Valid until the next bl_ call in the same thread. */
BL_API const char *bl_last_error_message(void);
/* The status of the last call in this thread (BL_OK after success). */
BL_API bl_status bl_last_error_code(void);

/* ---- 3. Engine ----------------------------------------------------------------------------- */

typedef struct bl_engine bl_engine;

/* Options for bl_engine_new. Initialise with BL_ENGINE_OPTIONS_INIT; new fields are only ever
 * appended, and struct_size tells the library which ones the caller knows. */
typedef struct bl_engine_options {
    size_t struct_size;
    /* Which of the three extra non-working days count as non-working for hverdage (1, the
     * default) or as working days (0): grundlovsdag, juleaftensdag, nytårsaftensdag. */
    int grundlovsdag_off;
    int juleaftensdag_off;
    int nytaarsaftensdag_off;
} bl_engine_options;

#define BL_ENGINE_OPTIONS_INIT {sizeof(bl_engine_options), 1, 1, 1}

/* Creates an engine with every rule of this version. `options` may be NULL for the defaults.
 * Fails with BL_ERROR_IO when the OS time-zone database (tzdata) cannot be read. */
BL_API bl_status bl_engine_new(bl_engine **out, const bl_engine_options *options);
BL_API void bl_engine_free(bl_engine *engine);
/* The number of rules in the engine's rulebook. */
BL_API size_t bl_engine_rule_count(const bl_engine *engine);

/* ---- 4. Cases ------------------------------------------------------------------------------ */

typedef struct bl_case bl_case;

/* Reads a case file. Input errors give BL_ERROR_INPUT and a message naming file, line, column
 * and field for each problem. The engine is used for the calendar and is not retained. */
BL_API bl_status bl_case_load_file(bl_case **out, const bl_engine *engine, const char *path);
/* Reads a case from `size` bytes at `data` (not NUL-terminated, not modified, not retained).
 * `source_name` names the input in messages; NULL means "<memory>". */
BL_API bl_status bl_case_load_buffer(bl_case **out, const bl_engine *engine, const char *data, size_t size,
                                     const char *source_name);
BL_API void bl_case_free(bl_case *kase);
/* The case's id attribute. Never NULL for a valid case; "" for NULL. */
BL_API const char *bl_case_id(const bl_case *kase);
BL_API size_t bl_case_event_count(const bl_case *kase);

/* ---- 5. Evaluation and reports ------------------------------------------------------------- */

typedef struct bl_report bl_report;

/* Evaluates every rule on `kase` as of `as_of` (Unix seconds, UTC). Events dated after as_of
 * are treated as not yet known. The report keeps what it needs of the case alive: the case may
 * be freed first. */
BL_API bl_status bl_evaluate(bl_report **out, const bl_engine *engine, const bl_case *kase, int64_t as_of);
BL_API void bl_report_free(bl_report *report);
/* Number of findings (0 for NULL). */
BL_API size_t bl_report_count(const bl_report *report);
/* 1 when any finding is late, missed, violated or indeterminate, else 0. */
BL_API int bl_report_has_problems(const bl_report *report);
/* The report as JSON (format "barnetslov-report" version 1, one case). The caller frees *out
 * with bl_string_free. *size (if size is not NULL) receives its length without the NUL. */
BL_API bl_status bl_report_to_json(char **out, size_t *size, const bl_report *report);
BL_API void bl_string_free(char *s);

/* ---- 6. Findings --------------------------------------------------------------------------- */

typedef struct bl_finding bl_finding;

typedef enum bl_finding_status {
    BL_MET = 0,
    BL_LATE = 1,
    BL_MISSED = 2,
    BL_VIOLATED = 3,
    BL_PENDING = 4,
    BL_NOT_APPLICABLE = 5,
    BL_INDETERMINATE = 6
} bl_finding_status;

typedef enum bl_margin_unit { BL_MARGIN_SECONDS = 0, BL_MARGIN_DAYS = 1, BL_MARGIN_HVERDAGE = 2 } bl_margin_unit;

typedef enum bl_lang { BL_LANG_EN = 0, BL_LANG_DA = 1 } bl_lang;

/* The finding at `index` (0 <= index < bl_report_count), owned by the report. */
BL_API bl_status bl_report_finding(const bl_finding **out, const bl_report *report, size_t index);

/* Getters: a NULL finding gives "" or 0. Strings live as long as the report. */
BL_API const char *bl_finding_rule_id(const bl_finding *f);      /* "BL-UND-24H" */
BL_API bl_finding_status bl_finding_status_of(const bl_finding *f);
BL_API const char *bl_finding_status_name(const bl_finding *f);  /* "late" */
BL_API const char *bl_finding_section(const bl_finding *f);      /* "barnets lov § 136", "" when none applied */
BL_API const char *bl_finding_subject_id(const bl_finding *f);   /* id of the event the duty is about */
BL_API uint32_t bl_finding_subject_line(const bl_finding *f);    /* its line in the case file, 0 in memory */
/* The due time (last allowed second, Unix seconds) when the finding has a deadline; returns 0
 * and leaves *due untouched otherwise. */
BL_API int bl_finding_due(const bl_finding *f, int64_t *due);
/* The signed margin (> 0 to spare or left, < 0 late or overdue) and its unit, when there is one. */
BL_API int bl_finding_margin(const bl_finding *f, int64_t *margin, bl_margin_unit *unit);
/* One sentence with the margin, e.g. "Done after the deadline (late by 1 h 30 min)." */
BL_API const char *bl_finding_message(const bl_finding *f, bl_lang lang);

#ifdef __cplusplus
}
#endif

#endif /* BARNETSLOV_H */
