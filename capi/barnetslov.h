/*
 * barnetslov.h — the C API of barnetslov, a validation engine for the Danish Children's Act
 * (barnets lov): deadlines, procedure and the child's involvement, checked on a case.
 *
 * This header is the library's stable ABI (libbarnetslov.so.1). It is C99, and every symbol it
 * declares starts with bl_ or BL_. capi/README.md has the ABI policy and a worked example.
 *
 * CONTENTS
 *   1. Versions                 bl_version, bl_version_number, bl_case_format
 *   2. Status codes and errors  bl_status, bl_status_name, bl_last_error_message/_code/_clear,
 *                               bl_input_problem, bl_last_error_problem_count, bl_last_error_problem
 *   3. Engine                   bl_engine_new/_free, bl_engine_options, bl_engine_rule_count,
 *                               bl_engine_reading_count, bl_engine_reading, bl_rule_info,
 *                               bl_engine_rule, bl_engine_rule_by_id, bl_finding_rule
 *   4. Cases from files         bl_case_load_file/_buffer, bl_case_load_json_file/_json_buffer,
 *                               bl_case_free, bl_case_id/_event_count
 *   5. Cases built in memory    bl_builder_new, _case_attribute, _begin_child, _child_attribute,
 *                               _begin_person, _person_attribute, _begin_event,
 *                               _event_attribute, _finish, _free
 *   6. Evaluation and reports   bl_evaluate, bl_evaluate_with (bl_evaluate_options, bl_planned),
 *                               bl_report_count/_finding/_has_problems/_as_of,
 *                               bl_report_events_after_as_of, bl_report_event_after_as_of,
 *                               bl_report_to_json, bl_string_free, bl_report_free
 *   7. Findings                 bl_finding_rule_id/_status_of/_status_name/_severity/_section/
 *                               _subject_id/_subject_line/_reason/_basis/_due/_margin/_confidence/
 *                               _message/_text/_event_count/_event, bl_event_role_name
 *   8. Finding iterators        bl_report_findings (filter, order), bl_report_pending (the
 *                               warning list, by due time), bl_report_deadlines_ahead,
 *                               bl_report_open_duties, bl_finding_iter_next/_count/_reset/_free
 *   Every option struct has an _init function beside its _INIT macro, for bindings. It writes
 *   the struct's fields as they were when the function was added, and sets struct_size to their
 *   end, never more: a binding built against an older header is never written past its struct
 *   by a newer library, and fields appended since keep their defaults unless the caller sets
 *   them and struct_size.
 *   9. Pre-checking a decision  bl_proposed_decision, bl_precheck_decision, bl_proposed_event,
 *                               bl_precheck_event, bl_precheck_findings, bl_finding_phase
 *  10. Times                    bl_time_parse, bl_time_from_local, bl_time_format
 *  11. The case-file format     bl_format_document (the vocabulary as JSON, the JSON Schema, the
 *                               XSD, the reference)
 *
 * CONVENTIONS (they hold for every function unless its comment says otherwise)
 *   - Every fallible call returns a bl_status; BL_OK is 0. On failure the out-parameters are set
 *     to NULL/0 and bl_last_error_message() describes the failure in the calling thread.
 *   - Out-parameters come first.
 *   - Getters (functions that return a value, not a bl_status) never fail loudly: for a NULL
 *     handle, an index past the end or a value outside its enum they return "" or 0 and set the
 *     thread's last error; on success they leave the last error as it was.
 *   - Whatever a bl_*_new / bl_case_load_* / bl_builder_finish / bl_evaluate /
 *     bl_precheck_decision / bl_report_findings / bl_report_pending returns is owned by the
 *     caller and released with the matching bl_*_free, which accepts NULL. Strings returned by
 *     getters are owned by the handle they came from and stay valid until it is freed.
 *   - Strings passed in are NUL-terminated UTF-8 and are copied; none is retained.
 *   - Option structs start with struct_size and are initialised with their _INIT macro. Fields
 *     are only ever appended; the library reads the fields the caller's struct_size covers (older
 *     callers get the defaults for the rest) and refuses a struct larger than it knows (a caller
 *     compiled against a newer header needs at least that version of the library).
 *   - Times are UTC seconds since 1970-01-01 (Unix time), within the years 1900-2199. Days are
 *     Copenhagen local dates. Section 10 converts Copenhagen local times, as a case system holds
 *     them, to and from these seconds without touching the process's time zone (TZ).
 *   - No call reads the clock, reads the environment, writes a file, opens the network, or
 *     prints anything; no message contains a CPR number.
 *   - No C++ exception crosses this API.
 *
 * THREADS
 *   - bl_engine: immutable after bl_engine_new; share one engine between any number of threads.
 *   - bl_case, bl_report, bl_finding: immutable after creation; may be read from several
 *     threads at once, but must not be freed while another thread uses them.
 *   - bl_builder, bl_finding_iter: one thread at a time (they may move between threads).
 *   - Errors are per thread (bl_last_error_message), never stored in a shared handle.
 *   - Memory kept per thread: a thread that loads or builds cases keeps, emptied, the largest
 *     blocks of the cases it has freed and the loader's copy of a file, for the next case on that
 *     thread, where every case used to allocate and free them afresh (bench/ANALYSIS.md). It is
 *     bounded: at most 1 MiB for a file's copy, 256 KiB for each of a case's six blocks and
 *     64 KiB (64 people) for each of the builder's three lists, plus the builder's own working
 *     block (under 1 KiB), under 3 MiB a thread, usually far
 *     less, and freed when the thread ends. Like freed heap memory, it is not cleared.
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

/* Enums are int-sized. A C caller may pass any int where an enum is expected; in C++ (which the
 * library is written in) only an enum with a fixed underlying type may hold a value outside its
 * enumerators, so that the library can refuse it rather than meet undefined behaviour. */
#if defined(__cplusplus)
#define BL_ENUM(name) enum name : int
#else
#define BL_ENUM(name) enum name
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. Versions --------------------------------------------------------------------------- */

/* BL_VERSION_MAJOR, _MINOR, _PATCH, BL_VERSION_STRING ("0.1.0") and BL_VERSION_NUMBER
 * (MAJOR * 10000 + MINOR * 100 + PATCH: compare with bl_version_number() at run time), generated
 * from the build's one version (CMake's project()). */
#include "barnetslov/version.h"

/* The version of the library actually linked, e.g. "0.1.0". Never NULL. */
BL_API const char *bl_version(void);
/* The same as BL_VERSION_NUMBER of the linked library. */
BL_API int bl_version_number(void);
/* The case-file format read: "urn:barnetslov:case:1". Never NULL. */
BL_API const char *bl_case_format(void);

/* ---- 2. Status codes and errors ------------------------------------------------------------ */

typedef BL_ENUM(bl_status) {
    BL_OK = 0,
    BL_ERROR_ARGUMENT = 1, /* a NULL where a value is required, or a value out of range */
    BL_ERROR_INPUT = 2,    /* not a valid case: the message names file, line, column and field */
    BL_ERROR_IO = 3,       /* a file could not be read */
    BL_ERROR_NO_MEMORY = 4,
    BL_ERROR_RANGE = 5,    /* an index past the end */
    BL_ERROR_INTERNAL = 6, /* a bug in barnetslov; please report the message */
    BL_ERROR_STATE = 7     /* a call out of order, e.g. an attribute before its begin_* call */
} bl_status;

/* A short name for a status ("BL_OK", "BL_ERROR_INPUT"). Never NULL; "BL_UNKNOWN_STATUS" for a
 * value outside the enum. Does not touch the last error. */
BL_API const char *bl_status_name(bl_status status);

/* The message of the last failed call in this thread, e.g.
 * "case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is not a date".
 * Input errors list every problem found, one per line. Never NULL; "" after a successful call
 * that returns a bl_status. Valid until the next bl_ call in the same thread. */
BL_API const char *bl_last_error_message(void);
/* The status of the last failed call in this thread (BL_OK after success). */
BL_API bl_status bl_last_error_code(void);
/* Sets this thread's last error to BL_OK and "". A getter leaves the last error as it was when it
 * succeeds, so clear it first to tell a getter's failure from a value that is "" or 0:
 *   bl_last_error_clear(); s = bl_finding_section(f); if (bl_last_error_code() != BL_OK) ... */
BL_API void bl_last_error_clear(void);

/* One problem of an input error, for a case system that maps it back to its own rows and fields.
 * A failed bl_case_load_* or bl_builder_* call (BL_ERROR_INPUT, or BL_ERROR_IO for a file that
 * could not be read) keeps one record per line of its message:
 *
 *   bl_input_problem p = BL_INPUT_PROBLEM_INIT;
 *   for (size_t i = 0; bl_last_error_problem(&p, i); ++i)
 *       printf("row %lld field %s: %s\n", (long long)p.event_index, p.attribute, p.message);
 *
 * Strings are owned by the library and valid until the next bl_ call in the same thread; none is
 * NULL when filled. Ids, names and values appear as the message shows them: a CPR-like value is
 * never shown. Fields are only ever appended; the library fills those out->struct_size covers. */
typedef struct bl_input_problem {
    size_t struct_size;
    /* A stable key for the kind of problem: "io", "syntax", "format", "structure", "encoding",
     * "unknown_element", "unknown_attribute", "duplicate_attribute", "missing_attribute",
     * "missing_element", "invalid_value", "nonexistent_time", "ambiguous_time", "out_of_range",
     * "cpr_elsewhere", "invalid_cpr", "inconsistent", "duplicate_id", "unknown_ref", "self_ref",
     * "limit". New keys may be added in a minor version. */
    const char *code;
    /* The problem alone: "event 'kvittering' attribute 'at': '2024-13-01' is not a date". */
    const char *message;
    const char *source;    /* the file's path or the source_name, escaped and masked */
    uint32_t line, column; /* 1-based in a file; 0 for a case built in memory or no position */
    /* What it is about: "case", "child", "party", "sibling", an event element ("kvittering"), or
     * "" for the input as a whole (a syntax error, an unreadable file). */
    const char *element;
    /* The event's 0-based position in input order: the file's event elements, or the builder's
     * bl_builder_begin_event calls (a refused call counts too); -1 when not about an event. */
    int64_t event_index;
    const char *id;        /* the element's id when it has one (given before or after), else "" */
    const char *attribute; /* the attribute at fault ("at"), or "" */
} bl_input_problem;

#define BL_INPUT_PROBLEM_INIT {sizeof(bl_input_problem), NULL, NULL, NULL, 0u, 0u, NULL, -1, NULL, NULL}
/* *problem = BL_INPUT_PROBLEM_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. Unlike every other
 * function it never touches the last error, so that it can be called between a failure and the
 * reading of its problems. */
BL_API bl_status bl_input_problem_init(bl_input_problem *problem);
/* How many problems the last failed call in this thread kept: as many as its message has lines
 * for an input error, 0 after any other failure or a success. Does not touch the last error. */
BL_API size_t bl_last_error_problem_count(void);
/* Fills *out with problem `index` (0 <= index < bl_last_error_problem_count) and returns 1;
 * returns 0 and leaves *out untouched when out is NULL, out->struct_size does not cover `code`,
 * or index is past the end. Does not touch the last error. */
BL_API int bl_last_error_problem(bl_input_problem *out, size_t index);

/* ---- 3. Engine ----------------------------------------------------------------------------- */

typedef struct bl_engine bl_engine;

/* Options for bl_engine_new. Initialise with BL_ENGINE_OPTIONS_INIT. */
typedef struct bl_engine_options {
    size_t struct_size;
    /* Whether each of the three extra non-working days counts as non-working for hverdage (1,
     * the default) or as a working day (0): grundlovsdag, juleaftensdag, nytårsaftensdag.
     * Any other value is refused. */
    int grundlovsdag_off;
    int juleaftensdag_off;
    int nytaarsaftensdag_off;
    /* Reserved, never read (the _INIT macro sets 0). It names what was the struct's tail padding,
     * so that `readings` starts past the struct_size an older caller passes (capi/README.md, ABI
     * policy); being padding to such callers, it can never be given a meaning. */
    int reserved_0;
    /* The readings of the law README a user may choose, as name, value pairs ending with a NULL
     * name, or NULL for the defaults:
     *   const char *const readings[] = {"supervision-year", "calendar", "grundlovsdag", "working", NULL};
     * The names and values are those `barnetslov check --reading NAME=VALUE` takes:
     * supervision-year=placement|calendar, kvittering-to=professional|all,
     * grundlovsdag|juleaftensdag|nytaarsaftensdag=holiday|working, receipt-post-hverdage=0..20,
     * receipt-quickpost-days=0..20, before-record-months=1..24. An unknown name, a value the
     * reading does not take, a name given twice or a name without a value is BL_ERROR_ARGUMENT,
     * and the message lists the valid names or values. Applied after the *_off fields, so a
     * holiday reading here wins over its field. Read during bl_engine_new only: the caller keeps
     * ownership of the array and its strings. */
    const char *const *readings;
} bl_engine_options;

#define BL_ENGINE_OPTIONS_INIT {sizeof(bl_engine_options), 1, 1, 1, 0, NULL}
/* The same as a function, for bindings that cannot use the macro (ctypes, JNA, .NET):
 * *options = BL_ENGINE_OPTIONS_INIT. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_engine_options_init(bl_engine_options *options);

/* Creates an engine with every rule of this version. `options` may be NULL for the defaults.
 * Fails with BL_ERROR_IO when the OS time-zone database (tzdata) cannot be read. */
BL_API bl_status bl_engine_new(bl_engine **out, const bl_engine_options *options);
BL_API void bl_engine_free(bl_engine *engine);
/* The number of rules in the engine's rulebook. */
BL_API size_t bl_engine_rule_count(const bl_engine *engine);

/* When a rule's duty falls relative to the decision (or other event) that carries it. */
typedef enum bl_phase {
    BL_PHASE_NONE = 0,   /* not a duty a decision carries */
    BL_PHASE_BEFORE = 1, /* on file before the decision */
    BL_PHASE_WITH = 2,   /* carried by the decision and its letter */
    BL_PHASE_AFTER = 3   /* a deadline the decision starts */
} bl_phase;

/* What a rule is, for a case system's own lists and help texts (`barnetslov rules` prints the
 * same). Strings are owned by the engine and live as long as it; none is NULL when filled. Fields
 * are only ever appended; the library fills those out->struct_size covers. */
typedef struct bl_rule_info {
    size_t struct_size;
    const char *id;         /* "BL-UND-24H" */
    const char *chapter;    /* "notifications", "investigation", "involvement", ... */
    const char *title_en;
    const char *title_da;
    const char *severity;   /* "error", "warning" or "info" */
    /* The law catalog's confidence marker for the rule as a whole: "CONFIRMED", "CONFIRMED-OLD",
     * "INFERRED" or "UNCONFIRMED" (bl_finding_confidence gives the version that judged a finding). */
    const char *confidence;
    const char *section;    /* the latest version's paragraph: "barnets lov § 136" */
    const char *counting;   /* how the deadline is counted ("24 hours from receipt"), or "" */
    /* The reading this version chose where the catalog is UNCONFIRMED or INFERRED, or "". */
    const char *reading;
    /* Where the statute's current text was read for this rule (addresses), and what it confirmed. */
    const char *statute_source;
    const char *statute_confirms;
    bl_phase phase;         /* when its duty falls relative to a decision (pre-check, section 9) */
    unsigned statuses;      /* BL_FINDING_STATUS_BIT of each status the rule can give */
} bl_rule_info;

#define BL_RULE_INFO_INIT {sizeof(bl_rule_info), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, BL_PHASE_NONE, 0u}
/* *info = BL_RULE_INFO_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_rule_info_init(bl_rule_info *info);
/* The rule at `index` (0 <= index < bl_engine_rule_count), in the rulebook's order. A struct_size
 * smaller than the first two fields is BL_ERROR_ARGUMENT; an index past the end BL_ERROR_RANGE. */
BL_API bl_status bl_engine_rule(bl_rule_info *out, const bl_engine *engine, size_t index);
/* The rule with id `id` ("BL-UND-24H"); an id the engine does not know is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_engine_rule_by_id(bl_rule_info *out, const bl_engine *engine, const char *id);
/* The number of readings a user may choose (every one of them, set or not): the same for every
 * engine of one library, in the law README's order. Reports state all of them. */
BL_API size_t bl_engine_reading_count(const bl_engine *engine);
/* The reading at `index` (0 <= index < bl_engine_reading_count) and the value this engine judges
 * by: its name ("supervision-year"), its value ("calendar") and the README's default value
 * ("placement"), each as bl_engine_options.readings takes it; the value differs from the default
 * exactly when the reading was chosen away from it. Any out-parameter may be NULL. The strings
 * are owned by the engine and live as long as it. */
BL_API bl_status bl_engine_reading(const char **name, const char **value, const char **default_value, const bl_engine *engine,
                                   size_t index);

/* ---- 4. Cases from files ------------------------------------------------------------------- */

typedef struct bl_case bl_case;

/* Reads a case file. Input errors give BL_ERROR_INPUT and a message naming file, line, column
 * and field for each problem. The engine is used for the calendar and is not retained.
 * Messages and reports show a path (or a source_name) escaped and masked: bytes that are not
 * UTF-8 as \xHH, control characters as \xHH, the digits of a CPR number as '#'. */
BL_API bl_status bl_case_load_file(bl_case **out, const bl_engine *engine, const char *path);
/* Reads a case from `size` bytes at `data` (not NUL-terminated, not modified, not retained).
 * `source_name` names the input in messages; NULL means "<memory>". */
BL_API bl_status bl_case_load_buffer(bl_case **out, const bl_engine *engine, const char *data, size_t size,
                                     const char *source_name);
/* The same for a JSON case file (schema/README.md, "JSON case files"): one case as one JSON
 * object, the XML's names and values, read through the same builder with the same checks.
 * Messages name line, column and the JSON pointer of the value:
 *   "case.json:14:9: /events/2/at: event 'kvittering' attribute 'at': '2024-13-01' is not a date"
 * bl_case_load_json_file reads any file as JSON whatever its name; a JSON Lines batch (.jsonl,
 * one case a line) is read by the CLI, or line by line with bl_case_load_json_buffer. */
BL_API bl_status bl_case_load_json_file(bl_case **out, const bl_engine *engine, const char *path);
BL_API bl_status bl_case_load_json_buffer(bl_case **out, const bl_engine *engine, const char *data, size_t size,
                                          const char *source_name);
BL_API void bl_case_free(bl_case *kase);
/* The case's id attribute. Never NULL. */
BL_API const char *bl_case_id(const bl_case *kase);
BL_API size_t bl_case_event_count(const bl_case *kase);

/* ---- 5. Cases built in memory -------------------------------------------------------------- */

/* A case built call by call from a vendor's own data, with the same vocabulary, the same
 * checks and the same messages as a case file: element and attribute names are those of the
 * file format (schema/), values are strings as a file would hold them. Messages have no line
 * and column: "case 2024-0117: event 'kvittering' attribute 'at': '2024-13-01' is not a date".
 *
 *   bl_builder_new(&b, engine, "case 2024-0117");
 *   bl_builder_case_attribute(b, "id", "2024-0117");
 *   bl_builder_begin_child(b);
 *   bl_builder_child_attribute(b, "birth-date", "2013-03-09");
 *   bl_builder_begin_event(b, "underretning");
 *   bl_builder_event_attribute(b, "id", "u1");
 *   bl_builder_event_attribute(b, "received-at", "2024-11-20T09:00");
 *   ...
 *   if (bl_builder_finish(&kase, b) != BL_OK) puts(bl_last_error_message());
 *   bl_builder_free(b);
 *
 * A wrong value gives BL_ERROR_INPUT and its message, and building goes on, so that
 * bl_builder_finish reports every problem at once (one per line), as the loader does. A
 * bl_builder_begin_* call closes the element before it; a problem found then (a required
 * attribute missing) is reported by that call. An attribute of an element that was refused is
 * ignored with BL_ERROR_INPUT. Calls out of order give BL_ERROR_STATE and also make
 * bl_builder_finish fail: an attribute with no open element of its kind, any call after
 * bl_builder_finish. Not thread-safe: one thread at a time. */
typedef struct bl_builder bl_builder;

/* `source_name` names the case in messages (NULL means "<memory>"). The engine provides the
 * calendar and must outlive the builder. */
BL_API bl_status bl_builder_new(bl_builder **out, const bl_engine *engine, const char *source_name);
BL_API void bl_builder_free(bl_builder *builder);
/* An attribute of the case element: id (required), municipality, unit. */
BL_API bl_status bl_builder_case_attribute(bl_builder *builder, const char *name, const char *value);
/* Opens the child element (exactly one per case); then bl_builder_child_attribute: id,
 * birth-date, cpr, due-date. A CPR number is never echoed in a message. */
BL_API bl_status bl_builder_begin_child(bl_builder *builder);
BL_API bl_status bl_builder_child_attribute(bl_builder *builder, const char *name, const char *value);
/* Opens a person element: "party" or "sibling"; then bl_builder_person_attribute. */
BL_API bl_status bl_builder_begin_person(bl_builder *builder, const char *element);
BL_API bl_status bl_builder_person_attribute(bl_builder *builder, const char *name, const char *value);
/* Opens an event element of the vocabulary ("underretning", "afgoerelse", ...); then
 * bl_builder_event_attribute for its id and attributes. */
BL_API bl_status bl_builder_begin_event(bl_builder *builder, const char *element);
BL_API bl_status bl_builder_event_attribute(bl_builder *builder, const char *name, const char *value);
/* Checks what can only be checked at the end (required attributes, ids, references) and hands
 * over the case. The builder is spent either way: free it with bl_builder_free. */
BL_API bl_status bl_builder_finish(bl_case **out, bl_builder *builder);

/* ---- 6. Evaluation and reports ------------------------------------------------------------- */

typedef struct bl_report bl_report;

/* Evaluates every rule on `kase` as of `as_of` (Unix seconds, UTC). Events dated after as_of
 * are treated as not yet known, and the report lists them (bl_report_events_after_as_of);
 * bl_evaluate_with can judge them as planned instead. The report keeps what it needs of the case alive: the case may
 * be freed first. The engine must outlive the report. */
BL_API bl_status bl_evaluate(bl_report **out, const bl_engine *engine, const bl_case *kase, int64_t as_of);
BL_API void bl_report_free(bl_report *report);

/* What bl_evaluate_with does with the case's events dated after the as-of time. */
typedef BL_ENUM(bl_planned) {
    /* Not judged (as bl_evaluate): a duty one of them would fulfil stays open. */
    BL_PLANNED_NOT_JUDGED = 0,
    /* Judged as if they happen as planned: every finding about a duty a planned event touches
     * (the duty it fulfils, the duties it starts) is judged as of the last planned event's time
     * and flagged (bl_finding_planned): a kvittering planned in time turns "pending" into "met",
     * one planned too late into "late". Every other finding is judged as of as_of. For a case
     * system's "what if" view, never for figures. */
    BL_PLANNED_AS_PROPOSED = 1
} bl_planned;

/* Options for bl_evaluate_with. Initialise with BL_EVALUATE_OPTIONS_INIT. */
typedef struct bl_evaluate_options {
    size_t struct_size;
    bl_planned planned; /* a value outside the enum is BL_ERROR_ARGUMENT */
} bl_evaluate_options;

#define BL_EVALUATE_OPTIONS_INIT {sizeof(bl_evaluate_options), BL_PLANNED_NOT_JUDGED}
/* *options = BL_EVALUATE_OPTIONS_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_evaluate_options_init(bl_evaluate_options *options);
/* bl_evaluate with options (NULL: the defaults, the same as bl_evaluate). */
BL_API bl_status bl_evaluate_with(bl_report **out, const bl_engine *engine, const bl_case *kase, int64_t as_of,
                                  const bl_evaluate_options *options);
/* Number of findings. */
BL_API size_t bl_report_count(const bl_report *report);
/* 1 when any finding is late, missed, violated or indeterminate, else 0. */
BL_API int bl_report_has_problems(const bl_report *report);
/* The instant the report judges as of (Unix seconds). */
BL_API int64_t bl_report_as_of(const bl_report *report);
/* How many of the case's events are dated after the as-of instant (a planned kvittering, a
 * decision written ahead): no rule judged them, so a duty one of them would fulfil is still open
 * in this report. Show the caseworker that they were left out; pre-check one
 * (bl_precheck_event) to see what it would change. */
BL_API size_t bl_report_events_after_as_of(const bl_report *report);
/* The event at `index` (0 <= index < bl_report_events_after_as_of), in time order: its id, its
 * element, its time (Unix seconds; a date's start of day) and its line (0 in memory). Any
 * out-parameter may be NULL; strings live as long as the report. */
BL_API bl_status bl_report_event_after_as_of(const char **id, const char **element, int64_t *at, uint32_t *line,
                                             const bl_report *report, size_t index);
/* The report as JSON (format "barnetslov-report" version 1, one case; docs/report-json.md).
 * The caller frees *out with bl_string_free. *size (if size is not NULL) receives its length
 * without the NUL. */
BL_API bl_status bl_report_to_json(char **out, size_t *size, const bl_report *report);
BL_API void bl_string_free(char *s);

/* ---- 7. Findings --------------------------------------------------------------------------- */

typedef struct bl_finding bl_finding;

typedef BL_ENUM(bl_finding_status) {
    BL_MET = 0,
    BL_LATE = 1,
    BL_MISSED = 2,
    BL_VIOLATED = 3,
    BL_PENDING = 4,
    BL_NOT_APPLICABLE = 5,
    BL_INDETERMINATE = 6
} bl_finding_status;

typedef BL_ENUM(bl_margin_unit) { BL_MARGIN_SECONDS = 0, BL_MARGIN_DAYS = 1, BL_MARGIN_HVERDAGE = 2 } bl_margin_unit;

typedef BL_ENUM(bl_lang) { BL_LANG_EN = 0, BL_LANG_DA = 1 } bl_lang;

/* What an event is to a finding. */
typedef BL_ENUM(bl_event_role) {
    BL_ROLE_TRIGGER = 0,    /* started the duty */
    BL_ROLE_FULFILMENT = 1, /* did what the duty asks */
    BL_ROLE_EXCEPTION = 2,  /* a lawful exception relied on */
    BL_ROLE_RELATED = 3     /* shown for context */
} bl_event_role;

/* The parts of a finding's explanation, each in Danish or English. */
typedef BL_ENUM(bl_text) {
    BL_TEXT_MESSAGE = 0,  /* the summary with the margin: "Done after the deadline (late by 1 h 30 min)." */
    BL_TEXT_SUMMARY = 1,  /* "Done after the deadline." */
    BL_TEXT_COUNTING = 2, /* how the deadline was counted, or "" */
    BL_TEXT_MARGIN = 3,   /* "late by 1 h 30 min", "3 hverdage left", or "" */
    BL_TEXT_BASIS = 4,    /* the lawful exception relied on, or "" */
    BL_TEXT_TITLE = 5     /* the rule's title */
} bl_text;

/* The finding at `index` (0 <= index < bl_report_count), owned by the report. */
BL_API bl_status bl_report_finding(const bl_finding **out, const bl_report *report, size_t index);

/* Getters. Strings live as long as the report. */
BL_API const char *bl_finding_rule_id(const bl_finding *f);      /* "BL-UND-24H" */
BL_API bl_finding_status bl_finding_status_of(const bl_finding *f); /* BL_INDETERMINATE for NULL */
BL_API const char *bl_finding_status_name(const bl_finding *f);  /* "late" */
BL_API const char *bl_finding_severity(const bl_finding *f);     /* "error", "warning" or "info" */
BL_API const char *bl_finding_section(const bl_finding *f);      /* "barnets lov § 136", "" when none applied */
/* The confidence marker of the rule version that judged the finding (of the rule when none
 * applied): "CONFIRMED", "CONFIRMED-OLD", "INFERRED" or "UNCONFIRMED" (the law catalog's). */
BL_API const char *bl_finding_confidence(const bl_finding *f);
BL_API const char *bl_finding_subject_id(const bl_finding *f);   /* id of the event the duty is about */
BL_API uint32_t bl_finding_subject_line(const bl_finding *f);    /* its line in the case file, 0 in memory */
/* Why the finding has its status, as a stable key ("done_late", "views_missing"); the keys are
 * those of the JSON report. */
BL_API const char *bl_finding_reason(const bl_finding *f);
/* The lawful exception a finding rests on ("foreloebig_vurdering", "views_exception", ...), or
 * "" when none. */
BL_API const char *bl_finding_basis(const bl_finding *f);
/* The due time (last allowed second, Unix seconds) when the finding has a deadline: returns 1
 * and sets *due (if due is not NULL); returns 0 and leaves *due untouched otherwise. */
BL_API int bl_finding_due(const bl_finding *f, int64_t *due);
/* The signed margin (> 0 to spare or left, < 0 late or overdue) and its unit, when there is
 * one: returns 1 and sets what is not NULL; 0 otherwise. */
BL_API int bl_finding_margin(const bl_finding *f, int64_t *margin, bl_margin_unit *unit);
/* The same as bl_finding_text with BL_TEXT_MESSAGE; "" for a lang outside the enum. */
BL_API const char *bl_finding_message(const bl_finding *f, bl_lang lang);
/* One part of the explanation in one language. *out is never NULL on success. */
BL_API bl_status bl_finding_text(const char **out, const bl_finding *f, bl_text part, bl_lang lang);

/* The events a finding rests on (subject first). */
BL_API size_t bl_finding_event_count(const bl_finding *f);
/* The event at `index` (0 <= index < bl_finding_event_count): its id, its element name
 * ("underretning"), its role, and its line in the case file (0 for a case built in memory).
 * Any out-parameter may be NULL. */
BL_API bl_status bl_finding_event(const char **id, const char **element, bl_event_role *role, uint32_t *line,
                                  const bl_finding *f, size_t index);
/* "trigger", "fulfilment", "exception", "related"; "" (and the last error set) for a value
 * outside the enum. */
BL_API const char *bl_event_role_name(bl_event_role role);

/* ---- 8. Finding iterators ------------------------------------------------------------------ */

/* Walks a selection of a report's findings. The report must outlive the iterator. One thread at
 * a time; several iterators over one report may be used from different threads. */
typedef struct bl_finding_iter bl_finding_iter;

typedef BL_ENUM(bl_order) {
    BL_ORDER_REPORT = 0, /* the report's order (rule, then event) */
    BL_ORDER_DUE = 1     /* by due time, earliest first; findings without a deadline last */
} bl_order;

/* The bit of a finding status in bl_finding_filter.statuses. */
#define BL_FINDING_STATUS_BIT(status) (1u << (unsigned)(status))

/* Which findings an iterator yields. Initialise with BL_FINDING_FILTER_INIT. */
typedef struct bl_finding_filter {
    size_t struct_size;
    unsigned statuses;   /* BL_FINDING_STATUS_BIT(...) | ...; 0 for every status */
    const char *rule_id; /* one rule ("BL-UND-KVIT"), or NULL for every rule */
    bl_order order;
} bl_finding_filter;

#define BL_FINDING_FILTER_INIT {sizeof(bl_finding_filter), 0u, NULL, BL_ORDER_REPORT}
/* *filter = BL_FINDING_FILTER_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_finding_filter_init(bl_finding_filter *filter);

/* An iterator over the findings `filter` selects (NULL: all, in report order). A rule id the
 * engine does not know, a status bit outside the enum or an unknown order is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_report_findings(bl_finding_iter **out, const bl_report *report, const bl_finding_filter *filter);
/* The caseworker's warning list: every pending finding, those with a deadline first, earliest due
 * first, then the open duties without a deadline (a step the law sets no time for) in report order.
 * The next two give the two parts apart. */
BL_API bl_status bl_report_pending(bl_finding_iter **out, const bl_report *report);
/* The pending findings with a deadline, earliest due first. */
BL_API bl_status bl_report_deadlines_ahead(bl_finding_iter **out, const bl_report *report);
/* The pending findings without a deadline (open duties the law sets no time for), in report order. */
BL_API bl_status bl_report_open_duties(bl_finding_iter **out, const bl_report *report);
/* The next finding in *out, or NULL at the end (still BL_OK):
 *   for (const bl_finding *f; bl_finding_iter_next(&f, it) == BL_OK && f != NULL;) ... */
BL_API bl_status bl_finding_iter_next(const bl_finding **out, bl_finding_iter *iter);
/* How many findings the iterator yields in all. */
BL_API size_t bl_finding_iter_count(const bl_finding_iter *iter);
/* Starts again from the first finding. */
BL_API bl_status bl_finding_iter_reset(bl_finding_iter *iter);
BL_API void bl_finding_iter_free(bl_finding_iter *iter);

/* ---- 9. Pre-checking a decision ------------------------------------------------------------ */

/* The id the proposed decision has in the case that is checked; a case that already uses it
 * cannot be pre-checked (BL_ERROR_INPUT). */
#define BL_PROPOSED_DECISION_ID "proposed-decision"

/* A decision not yet made. Initialise with BL_PROPOSED_DECISION_INIT. */
typedef struct bl_proposed_decision {
    size_t struct_size;
    int64_t at;       /* when it would be made (Unix seconds) */
    const char *kind; /* the vocabulary's decision kind, e.g. "placement-without-consent" */
    const char *body; /* who would decide ("municipality", "committee", ...), or NULL */
    const char *refs; /* ids of events it rests on, space separated, or NULL */
    /* Further attributes of the afgoerelse event as name, value pairs ending with NULL, e.g.
     * {"section", "§ 32 stk. 1 nr. 3", "has-reasons", "true", NULL}; or NULL. */
    const char *const *attributes;
} bl_proposed_decision;

#define BL_PROPOSED_DECISION_INIT {sizeof(bl_proposed_decision), 0, NULL, NULL, NULL, NULL}
/* *decision = BL_PROPOSED_DECISION_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_proposed_decision_init(bl_proposed_decision *decision);

/* The findings a decision would give if it were made now: the case with the decision added
 * (an afgoerelse with id BL_PROPOSED_DECISION_ID) is evaluated as of the later of `as_of` and
 * decision->at, and the report keeps only the findings about that decision (its subject, or
 * one of its events), e.g. BL-BARN-VIEWS violated when the child's views are not on file.
 * bl_precheck_findings sorts them into what blocks the decision, what it must carry and the
 * deadlines it starts. `kase` is not changed. A wrong kind or attribute gives BL_ERROR_INPUT with
 * the loader's message. */
BL_API bl_status bl_precheck_decision(bl_report **out, const bl_engine *engine, const bl_case *kase,
                                      const bl_proposed_decision *decision, int64_t as_of);

/* The id a proposed event of bl_precheck_event has in the case that is checked. */
#define BL_PROPOSED_EVENT_ID "proposed-event"

/* Any event not yet on file: a plan, a follow-up, a measure's start, or a decision written out.
 * Initialise with BL_PROPOSED_EVENT_INIT. */
typedef struct bl_proposed_event {
    size_t struct_size;
    const char *element; /* the vocabulary's event element: "plan", "opfoelgning", "afgoerelse", ... */
    /* Its attributes as name, value pairs ending with NULL, "at" among them and no "id", e.g.
     * {"at", "2024-09-10", "kind", "barnets-plan", "ref", "d1", NULL}. Values are the file
     * format's (a local Copenhagen time or a date for "at"). */
    const char *const *attributes;
} bl_proposed_event;

#define BL_PROPOSED_EVENT_INIT {sizeof(bl_proposed_event), NULL, NULL}
/* *event = BL_PROPOSED_EVENT_INIT, for bindings. NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_proposed_event_init(bl_proposed_event *event);

/* As bl_precheck_decision, for any event: added with id BL_PROPOSED_EVENT_ID and evaluated as of
 * the later of `as_of` and its time (its day's start for a date). */
BL_API bl_status bl_precheck_event(bl_report **out, const bl_engine *engine, const bl_case *kase,
                                   const bl_proposed_event *event, int64_t as_of);

/* What a case system does with a finding of a pre-check. */
typedef enum bl_precheck_list {
    /* A duty due before the decision that is not done (the child's views, a hearing, a consent,
     * the plan or undersøgelse a placement needs, the deciding body): refuse to save while any is
     * left. A well-prepared decision has none. */
    BL_PRECHECK_BLOCKING = 0,
    /* What the decision and its letter must carry (reasons, klagevejledning to each party, the
     * purpose and period of a placement); the finding's status says whether it already does. */
    BL_PRECHECK_TO_INCLUDE = 1,
    /* A deadline the event starts (the plan within 3 months, the first follow-up). */
    BL_PRECHECK_DEADLINES = 2,
    /* The rest: duties done, or not the proposed event's to carry. */
    BL_PRECHECK_OTHER = 3
} bl_precheck_list;

/* The findings of a pre-check's report (bl_precheck_decision, bl_precheck_event) in one list, in
 * the report's order. *out is owned by the caller (bl_finding_iter_free). A report that is not a
 * pre-check's gives BL_ERROR_ARGUMENT. */
BL_API bl_status bl_precheck_findings(bl_finding_iter **out, const bl_report *report, bl_precheck_list list);

/* (bl_phase, a rule's phase, is defined with bl_rule_info in section 3.) */

/* The phase of the finding's rule; BL_PHASE_NONE for NULL. */
BL_API bl_phase bl_finding_phase(const bl_finding *f);
/* 1 when the finding was judged as if events after the as-of time happen as planned
 * (BL_PLANNED_AS_PROPOSED), else 0 (and 0 for NULL). */
BL_API int bl_finding_planned(const bl_finding *f);
/* The rule that made the finding (its reading and statute source among the rest). The strings
 * live as long as the engine the report was made with. */
BL_API bl_status bl_finding_rule(bl_rule_info *out, const bl_finding *f);

/* ---- 10. Times ----------------------------------------------------------------------------- */

/* Case systems hold Copenhagen local times; the API counts in Unix seconds. These convert with
 * the engine's calendar (the OS tz database, as the loader reads it), so a vendor never sets TZ,
 * which is process-wide and wrong in a threaded server. A wall-clock time the clocks skip (the
 * spring gap, 02:00-03:00 on the last Sunday of March since 1980) or pass twice (the autumn
 * overlap) is refused exactly as the loader refuses it in a case file, because either reading
 * could move a deadline by an hour:
 *   "2024-03-31T02:30" does not exist in Copenhagen time (the clocks skip 02:00-03:00); give a UTC offset
 *   "2024-10-27T02:30" occurs twice in Copenhagen time (the clocks go back at 03:00); give a UTC
 *   offset: +02:00 for the first, +01:00 for the second */

/* Reads a time as a case file writes it: "2024-11-20T09:00" or "2024-11-20T09:00:30"
 * (Copenhagen wall-clock time), "2024-11-20" (the start of that Copenhagen day), or a time with
 * a UTC offset ("2024-11-20T08:00Z", "2024-10-27T02:30+02:00"). Text that is none of these, a
 * skipped or repeated wall-clock time, or a year outside 1900-2199 is BL_ERROR_INPUT and the
 * message says which; NULL is BL_ERROR_ARGUMENT. */
BL_API bl_status bl_time_parse(int64_t *out, const bl_engine *engine, const char *text);

/* The same from the parts of a Copenhagen wall-clock time (month 1-12, day 1-31, hour 0-23,
 * minute and second 0-59). A part out of its range or a day the month does not have
 * (2023-02-29) is BL_ERROR_ARGUMENT; a skipped or repeated time is BL_ERROR_INPUT as above. */
BL_API bl_status bl_time_from_local(int64_t *out, const bl_engine *engine, int year, int month, int day, int hour,
                                    int minute, int second);

/* The size of a buffer that holds any text bl_time_format writes, with its NUL. */
#define BL_TIME_TEXT_SIZE 32

/* Writes `instant` as Copenhagen local time with its UTC offset, "2024-11-20T09:00:00+01:00",
 * NUL-terminated, into `out` (`size` bytes, at least BL_TIME_TEXT_SIZE). The offset makes it
 * read back through bl_time_parse to the same instant, in the autumn overlap too; its first 10
 * characters are the Copenhagen day. An instant outside the years 1900-2199 is BL_ERROR_ARGUMENT,
 * a buffer smaller than BL_TIME_TEXT_SIZE BL_ERROR_RANGE; on failure out[0] is NUL if size > 0. */
BL_API bl_status bl_time_format(char *out, size_t size, const bl_engine *engine, int64_t instant);

/* ---- 11. The case-file format -------------------------------------------------------------- */

/* The descriptions of the case-file format, generated from the one vocabulary table the loaders
 * read, so that none can disagree with what is accepted. The same documents are installed in
 * share/barnetslov/ and printed by `barnetslov schema vocabulary|json-schema|xsd|reference`. */
typedef BL_ENUM(bl_document) {
    /* JSON: the value types and their formats, the attributes of the case, the child, a party and
     * a sibling, and every event type with its attributes, their types, whether each is
     * required, and each enumeration's values. What a vendor maps its own tables to. */
    BL_DOCUMENT_VOCABULARY_JSON = 0,
    BL_DOCUMENT_JSON_SCHEMA = 1, /* JSON Schema (draft 2020-12) of a JSON case file */
    BL_DOCUMENT_XSD = 2,         /* XML Schema 1.0 of an XML case file */
    BL_DOCUMENT_REFERENCE = 3    /* Markdown: every event element and its attributes, with examples */
} bl_document;

/* The document `which`, NUL-terminated, in *out (freed by the caller with bl_string_free); its
 * length without the NUL in *size when size is not NULL. Needs no engine. */
BL_API bl_status bl_format_document(char **out, size_t *size, bl_document which);

#ifdef __cplusplus
}
#endif

#endif /* BARNETSLOV_H */
