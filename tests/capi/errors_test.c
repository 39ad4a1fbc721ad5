/* Every public function's error paths (C99): NULL pointers, values outside their enum, struct
 * sizes the library cannot read, times outside the calendar, indices past the end. Each
 * returns a status and leaves a message, or (getters) returns its neutral value and sets the
 * last error; none crashes. coverage_test.sh checks that every function of barnetslov.h is
 * named here. */
#include <stddef.h>

#include "check.h"

static bl_engine *engine = NULL;
static bl_report *report = NULL;
static bl_finding_iter *valid_iter = NULL;

/* A successful call, so that a getter's failure can be told from an earlier one. */
static void clear_error(void) { CHECK_STATUS(bl_finding_iter_reset(valid_iter), BL_OK); }

#define CHECK_GETTER(expr, neutral_check, code)                                               \
    do {                                                                                      \
        clear_error();                                                                        \
        CHECK(neutral_check(expr));                                                           \
        CHECK(bl_last_error_code() == (code) && bl_last_error_message()[0] != '\0');         \
    } while (0)
#define EMPTY(s) ((s) != NULL && (s)[0] == '\0')
#define ZERO(x) ((x) == 0)

static const char case_xml[] =
    "<case xmlns='urn:barnetslov:case:1' id='c-1'><child birth-date='2015-02-01'/><events>"
    "<underretning id='u1' received-at='2024-03-28T14:30' notifier='professional'/></events></case>";

static void test_versions_and_errors(void) {
    CHECK(bl_version() != NULL && bl_version_number() == BL_VERSION_NUMBER);
    CHECK(strcmp(bl_case_format(), "urn:barnetslov:case:1") == 0);
    CHECK(strcmp(bl_status_name(BL_ERROR_STATE), "BL_ERROR_STATE") == 0);
    CHECK(strcmp(bl_status_name((bl_status)99), "BL_UNKNOWN_STATUS") == 0);
    CHECK(strcmp(bl_status_name((bl_status)-1), "BL_UNKNOWN_STATUS") == 0);
    clear_error();
    CHECK(bl_last_error_code() == BL_OK && EMPTY(bl_last_error_message()));
}

/* bl_engine_options.readings: each refusal is BL_ERROR_ARGUMENT with a message saying what is
 * valid, and no engine; bl_engine_reading past the end or without an engine. */
static void engine_refuses(const char *const *readings, const char *message) {
    bl_engine *e = (bl_engine *)1;
    bl_engine_options o = BL_ENGINE_OPTIONS_INIT;
    o.readings = readings;
    CHECK_STATUS(bl_engine_new(&e, &o), BL_ERROR_ARGUMENT);
    CHECK(e == NULL);
    CHECK_MESSAGE(message);
}

static void test_engine_readings(void) {
    const char *const unknown[] = {"supervision_year", "calendar", NULL};
    const char *const bad_value[] = {"grundlovsdag", "maybe", NULL};
    const char *const out_of_range[] = {"receipt-post-hverdage", "21", NULL};
    const char *const no_value[] = {"grundlovsdag", NULL};
    const char *const twice[] = {"grundlovsdag", "working", "grundlovsdag", "working", NULL};
    const char *const not_utf8[] = {"grundlovsdag", "\xff", NULL};
    const char *name = "x", *value = "x", *default_value = "x";
    engine_refuses(unknown, "bl_engine_new: options->readings: unknown reading 'supervision_year' (readings: supervision-year, "
                            "kvittering-to, grundlovsdag, juleaftensdag, nytaarsaftensdag, receipt-post-hverdage, "
                            "receipt-quickpost-days, before-record-months)");
    engine_refuses(bad_value, "reading 'grundlovsdag': 'maybe' is not a valid value (valid: holiday, working)");
    engine_refuses(out_of_range, "(valid: a whole number 0-20)");
    engine_refuses(no_value, "reading 'grundlovsdag' has no value");
    engine_refuses(twice, "reading 'grundlovsdag' given twice");
    engine_refuses(not_utf8, "not valid UTF-8");

    CHECK_GETTER(bl_engine_reading_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_engine_reading(&name, &value, &default_value, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK(name == NULL && value == NULL && default_value == NULL);
    name = value = default_value = "x";
    CHECK_STATUS(bl_engine_reading(&name, &value, &default_value, engine, bl_engine_reading_count(engine)), BL_ERROR_RANGE);
    CHECK(name == NULL && value == NULL && default_value == NULL);
    CHECK_MESSAGE("past the end");
    CHECK_STATUS(bl_engine_reading(NULL, NULL, NULL, engine, 0), BL_OK); /* every out-parameter may be NULL */
}

static void test_engine(void) {
    bl_engine *e = (bl_engine *)1;
    bl_engine_options o = BL_ENGINE_OPTIONS_INIT;
    CHECK_STATUS(bl_engine_new(NULL, NULL), BL_ERROR_ARGUMENT);
    o.struct_size = 4;
    CHECK_STATUS(bl_engine_new(&e, &o), BL_ERROR_ARGUMENT);
    CHECK(e == NULL);
    CHECK_MESSAGE("struct_size");
    o.struct_size = sizeof o + 8; /* a caller compiled against a newer header */
    CHECK_STATUS(bl_engine_new(&e, &o), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("newer barnetslov.h");
    o.struct_size = sizeof o;
    o.juleaftensdag_off = 2;
    CHECK_STATUS(bl_engine_new(&e, &o), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("juleaftensdag_off is 2");
    /* An older caller's shorter struct: the fields it lacks get their defaults. */
    o.struct_size = sizeof(size_t) + sizeof(int);
    CHECK_STATUS(bl_engine_new(&e, &o), BL_OK);
    bl_engine_free(e);
    CHECK_GETTER(bl_engine_rule_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    bl_engine_free(NULL);
    test_engine_readings();
}

static void test_cases(void) {
    bl_case *kase = (bl_case *)1;
    CHECK_STATUS(bl_case_load_file(NULL, engine, "x.xml"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_file(&kase, NULL, "x.xml"), BL_ERROR_ARGUMENT);
    CHECK(kase == NULL);
    CHECK_STATUS(bl_case_load_file(&kase, engine, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_file(&kase, engine, "/nonexistent/case.xml"), BL_ERROR_IO);
    CHECK_STATUS(bl_case_load_file(&kase, engine, "/"), BL_ERROR_IO);
    CHECK_STATUS(bl_case_load_buffer(NULL, engine, "x", 1, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_buffer(&kase, NULL, "x", 1, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, NULL, 5, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, NULL, 0, NULL), BL_ERROR_INPUT);
    CHECK_MESSAGE("<memory>: ");
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, "<case/>", 7, "bad.xml"), BL_ERROR_INPUT);
    CHECK(strncmp(bl_last_error_message(), "bad.xml:1:1: ", 13) == 0);
    {
        /* The loader's checks of XML itself, on a buffer as on a file: a character reference to
         * U+0000 (which would cut the ref list), a DOCTYPE. Not NUL-terminated. */
        static const char nul_ref[] = "<case xmlns='urn:barnetslov:case:1' id='c&#0;2'><child/></case>";
        static const char doctype[] = "<!DOCTYPE case><case xmlns='urn:barnetslov:case:1' id='c'><child/></case>";
        CHECK_STATUS(bl_case_load_buffer(&kase, engine, nul_ref, sizeof nul_ref - 1, "ref.xml"), BL_ERROR_INPUT);
        CHECK(kase == NULL);
        CHECK_MESSAGE("ref.xml:1:42: not well-formed XML: character reference '&#0;' in attribute 'id' of element 'case'");
        CHECK_STATUS(bl_case_load_buffer(&kase, engine, doctype, sizeof doctype - 1, "dt.xml"), BL_ERROR_INPUT);
        CHECK_MESSAGE("dt.xml:1:1: a DOCTYPE is not allowed in a case file");
    }
    CHECK_GETTER(bl_case_id(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_case_event_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    bl_case_free(NULL);
}

static void test_builder(void) {
    bl_builder *b = (bl_builder *)1;
    bl_case *kase = (bl_case *)1;
    CHECK_STATUS(bl_builder_new(NULL, engine, "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_new(&b, NULL, "x"), BL_ERROR_ARGUMENT);
    CHECK(b == NULL);
    CHECK_STATUS(bl_builder_case_attribute(NULL, "id", "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_child(NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_child_attribute(NULL, "id", "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_person(NULL, "party"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_person_attribute(NULL, "id", "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_event(NULL, "kvittering"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_event_attribute(NULL, "id", "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_finish(&kase, NULL), BL_ERROR_ARGUMENT);
    CHECK(kase == NULL);
    /* NULL source name is "<memory>"; NULL out leaves the builder usable. */
    CHECK_STATUS(bl_builder_new(&b, engine, NULL), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_case_attribute(b, "colour", "red"), BL_ERROR_INPUT);
    CHECK_MESSAGE("<memory>: case has no attribute 'colour'");
    CHECK_STATUS(bl_builder_finish(NULL, b), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, NULL, "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_person_attribute(b, "id", NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT); /* the unknown attribute above */
    bl_builder_free(b);
    bl_builder_free(NULL);
}

static void test_reports(void) {
    bl_report *r = (bl_report *)1;
    bl_case *kase = NULL;
    const bl_finding *f = (const bl_finding *)1;
    char *json = (char *)1;
    size_t size = 7;
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, case_xml, sizeof case_xml - 1, "c.xml"), BL_OK);
    CHECK_STATUS(bl_evaluate(NULL, engine, kase, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_evaluate(&r, NULL, kase, 0), BL_ERROR_ARGUMENT);
    CHECK(r == NULL);
    CHECK_STATUS(bl_evaluate(&r, engine, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_evaluate(&r, engine, kase, INT64_MAX), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("outside the years 1900-2199");
    CHECK_STATUS(bl_evaluate(&r, engine, kase, INT64_MIN), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_evaluate(&r, engine, kase, -2208988801), BL_ERROR_ARGUMENT); /* 1899-12-31 23:59:59 UTC */
    CHECK_STATUS(bl_evaluate(&r, engine, kase, -2208988800), BL_OK);
    bl_report_free(r);
    bl_case_free(kase);

    CHECK_GETTER(bl_report_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_report_has_problems(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_report_as_of(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_to_json(&json, &size, NULL), BL_ERROR_ARGUMENT);
    CHECK(json == NULL && size == 0);
    CHECK_STATUS(bl_report_to_json(NULL, &size, report), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_to_json(&json, NULL, report), BL_OK);
    bl_string_free(json);
    bl_string_free(NULL);
    CHECK_STATUS(bl_report_finding(NULL, report, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_finding(&f, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK(f == NULL);
    CHECK_STATUS(bl_report_finding(&f, report, bl_report_count(report)), BL_ERROR_RANGE);
    CHECK_STATUS(bl_report_finding(&f, report, (size_t)-1), BL_ERROR_RANGE);
    bl_report_free(NULL);
}

static void test_findings(void) {
    const bl_finding *f = NULL;
    const char *text = "x", *id = "x", *element = "x";
    bl_event_role role = BL_ROLE_TRIGGER;
    uint32_t line = 9;
    int64_t due = 5, margin = 5;
    bl_margin_unit unit = BL_MARGIN_DAYS;

    CHECK_GETTER(bl_finding_rule_id(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_status_of(NULL), BL_INDETERMINATE ==, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_status_name(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_severity(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_section(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_subject_id(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_subject_line(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_reason(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_basis(NULL), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_due(NULL, &due), ZERO, BL_ERROR_ARGUMENT);
    CHECK(due == 5);
    CHECK_GETTER(bl_finding_margin(NULL, &margin, &unit), ZERO, BL_ERROR_ARGUMENT);
    CHECK(margin == 5 && unit == BL_MARGIN_DAYS);
    CHECK_GETTER(bl_finding_message(NULL, BL_LANG_EN), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_event_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_event_role_name((bl_event_role)7), EMPTY, BL_ERROR_ARGUMENT);

    CHECK_STATUS(bl_report_finding(&f, report, 0), BL_OK);
    CHECK_GETTER(bl_finding_message(f, (bl_lang)7), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_message(f, (bl_lang)-1), EMPTY, BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_TITLE, (bl_lang)7), BL_ERROR_ARGUMENT);
    CHECK(text == NULL);
    CHECK_MESSAGE("lang 7 is not a bl_lang");
    CHECK_STATUS(bl_finding_text(&text, f, (bl_text)6, BL_LANG_EN), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_text(&text, f, (bl_text)-1, BL_LANG_EN), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_text(&text, NULL, BL_TEXT_TITLE, BL_LANG_EN), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_text(NULL, f, BL_TEXT_TITLE, BL_LANG_EN), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_event(&id, &element, &role, &line, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK(id == NULL && element == NULL && role == BL_ROLE_RELATED && line == 0);
    CHECK_STATUS(bl_finding_event(&id, &element, &role, &line, f, bl_finding_event_count(f)), BL_ERROR_RANGE);
    CHECK_STATUS(bl_finding_event(NULL, NULL, NULL, NULL, f, 0), BL_OK);
}

static void test_iterators(void) {
    bl_finding_iter *it = (bl_finding_iter *)1;
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    const bl_finding *f = (const bl_finding *)1;
    CHECK_STATUS(bl_report_findings(NULL, report, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_findings(&it, NULL, NULL), BL_ERROR_ARGUMENT);
    CHECK(it == NULL);
    filter.statuses = 1u << 7;
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("statuses");
    filter.statuses = 0;
    filter.order = (bl_order)5;
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("order 5 is not a bl_order");
    filter.order = BL_ORDER_DUE;
    filter.rule_id = "BL-NO-SUCH-RULE";
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("no rule 'BL-NO-SUCH-RULE'");
    filter.rule_id = NULL;
    filter.struct_size = 2;
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_ERROR_ARGUMENT);
    filter.struct_size = sizeof filter + 1;
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_ERROR_ARGUMENT);
    CHECK(it == NULL);
    CHECK_STATUS(bl_report_pending(NULL, report), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_pending(&it, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_iter_next(&f, NULL), BL_ERROR_ARGUMENT);
    CHECK(f == NULL);
    CHECK_STATUS(bl_finding_iter_next(NULL, valid_iter), BL_ERROR_ARGUMENT);
    CHECK_GETTER(bl_finding_iter_count(NULL), ZERO, BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_iter_reset(NULL), BL_ERROR_ARGUMENT);
    bl_finding_iter_free(NULL);
}

static void test_precheck(void) {
    bl_report *r = (bl_report *)1;
    bl_case *kase = NULL;
    bl_proposed_decision d = BL_PROPOSED_DECISION_INIT;
    d.at = 1719907200;
    d.kind = "supportive-measure";
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, case_xml, sizeof case_xml - 1, "c.xml"), BL_OK);
    CHECK_STATUS(bl_precheck_decision(NULL, engine, kase, &d, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_precheck_decision(&r, NULL, kase, &d, 0), BL_ERROR_ARGUMENT);
    CHECK(r == NULL);
    CHECK_STATUS(bl_precheck_decision(&r, engine, NULL, &d, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, INT64_MAX), BL_ERROR_ARGUMENT);
    d.at = INT64_MIN;
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("decision->at");
    d.at = 1719907200;
    d.kind = NULL;
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("decision->kind must not be NULL");
    d.kind = "supportive-measure";
    d.struct_size = sizeof(size_t) + sizeof(int64_t); /* too short to hold the kind */
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_ERROR_ARGUMENT);
    d.struct_size = sizeof d + sizeof(void *);
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_ERROR_ARGUMENT);
    {
        static const char *const runaway_free[] = {"at", "2024-07-02", "kind", NULL};
        bl_proposed_event e = BL_PROPOSED_EVENT_INIT;
        bl_finding_iter *it = (bl_finding_iter *)1;
        e.element = "plan";
        CHECK_STATUS(bl_precheck_event(NULL, engine, kase, &e, 0), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_precheck_event(&r, NULL, kase, &e, 0), BL_ERROR_ARGUMENT);
        CHECK(r == NULL);
        CHECK_STATUS(bl_precheck_event(&r, engine, NULL, &e, 0), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_precheck_event(&r, engine, kase, NULL, 0), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_precheck_event(&r, engine, kase, &e, INT64_MAX), BL_ERROR_ARGUMENT);
        e.attributes = runaway_free;
        CHECK_STATUS(bl_precheck_event(&r, engine, kase, &e, 0), BL_ERROR_ARGUMENT);
        CHECK_MESSAGE("event->attributes: 'kind' has no value");
        e.attributes = NULL;
        e.struct_size = sizeof(size_t); /* too short to hold the attributes */
        CHECK_STATUS(bl_precheck_event(&r, engine, kase, &e, 0), BL_ERROR_ARGUMENT);
        e.struct_size = sizeof e;
        e.element = NULL;
        CHECK_STATUS(bl_precheck_event(&r, engine, kase, &e, 0), BL_ERROR_ARGUMENT);
        CHECK_MESSAGE("event->element must not be NULL");
        CHECK_STATUS(bl_precheck_findings(NULL, NULL, BL_PRECHECK_BLOCKING), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_precheck_findings(&it, NULL, BL_PRECHECK_BLOCKING), BL_ERROR_ARGUMENT);
        CHECK(it == NULL);
        CHECK(bl_finding_phase(NULL) == BL_PHASE_NONE);
    }
    d.struct_size = sizeof d;
    d.body = "parliament";
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_ERROR_INPUT);
    CHECK_MESSAGE("attribute 'body': 'parliament' is not one of:");
    /* An older caller's struct ending after `kind`: body and the rest are not read. */
    d.struct_size = sizeof(size_t) + sizeof(int64_t) + sizeof(const char *);
    CHECK_STATUS(bl_precheck_decision(&r, engine, kase, &d, 0), BL_OK);
    bl_report_free(r);
    bl_case_free(kase);
}

/* Issue 16: what bindings need beside the macros. The _init functions give the _INIT values; the
 * last error can be cleared to tell a getter's failure from ""; the warning list splits into the
 * deadlines ahead and the open duties without one. */
static void test_binding_helpers(void) {
    bl_engine_options o;
    bl_finding_filter flt;
    bl_proposed_decision d;
    bl_proposed_event e;
    bl_finding_iter *all = NULL, *ahead = NULL, *open = NULL;
    const bl_finding *f = NULL;
    memset(&o, 0x5a, sizeof o);
    memset(&flt, 0x5a, sizeof flt);
    memset(&d, 0x5a, sizeof d);
    memset(&e, 0x5a, sizeof e);
    CHECK_STATUS(bl_engine_options_init(&o), BL_OK);
    CHECK(o.struct_size == sizeof o && o.grundlovsdag_off == 1 && o.juleaftensdag_off == 1 && o.nytaarsaftensdag_off == 1 &&
          o.reserved_0 == 0 && o.readings == NULL);
    CHECK_STATUS(bl_finding_filter_init(&flt), BL_OK);
    CHECK(flt.struct_size == offsetof(bl_finding_filter, order) + sizeof flt.order && flt.statuses == 0u && flt.rule_id == NULL && flt.order == BL_ORDER_REPORT);
    CHECK_STATUS(bl_proposed_decision_init(&d), BL_OK);
    CHECK(d.struct_size == sizeof d && d.at == 0 && d.kind == NULL && d.body == NULL && d.refs == NULL && d.attributes == NULL);
    CHECK_STATUS(bl_proposed_event_init(&e), BL_OK);
    CHECK(e.struct_size == sizeof e && e.element == NULL && e.attributes == NULL);
    CHECK_STATUS(bl_engine_options_init(NULL), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("bl_engine_options_init: the struct must not be NULL");
    CHECK_STATUS(bl_finding_filter_init(NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_proposed_decision_init(NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_proposed_event_init(NULL), BL_ERROR_ARGUMENT);

    /* A getter's failure leaves its error; a success leaves the last one: clear to tell them apart. */
    CHECK(EMPTY(bl_finding_section(NULL)));
    CHECK(bl_last_error_code() == BL_ERROR_ARGUMENT);
    bl_last_error_clear();
    CHECK(EMPTY(bl_finding_confidence(NULL)));
    CHECK(bl_last_error_code() == BL_ERROR_ARGUMENT);
    bl_last_error_clear();
    CHECK(bl_last_error_code() == BL_OK && EMPTY(bl_last_error_message()));

    CHECK_STATUS(bl_report_pending(&all, report), BL_OK);
    CHECK_STATUS(bl_report_deadlines_ahead(&ahead, report), BL_OK);
    CHECK_STATUS(bl_report_open_duties(&open, report), BL_OK);
    CHECK(bl_finding_iter_count(open) > 0);
    CHECK(bl_finding_iter_count(all) == bl_finding_iter_count(ahead) + bl_finding_iter_count(open));
    while (bl_finding_iter_next(&f, ahead) == BL_OK && f != NULL) CHECK(bl_finding_due(f, NULL) == 1);
    /* BL-UND-24H's version from 2024 is CONFIRMED (the catalog's marker, carried per finding). */
    CHECK_STATUS(bl_report_finding(&f, report, 0), BL_OK);
    CHECK(strcmp(bl_finding_rule_id(f), "BL-UND-24H") == 0 && strcmp(bl_finding_confidence(f), "CONFIRMED") == 0);
    while (bl_finding_iter_next(&f, open) == BL_OK && f != NULL) {
        CHECK(bl_finding_status_of(f) == BL_PENDING);
        CHECK(bl_finding_due(f, NULL) == 0);
    }
    bl_finding_iter_free(all);
    bl_finding_iter_free(ahead);
    bl_finding_iter_free(open);
    CHECK_STATUS(bl_report_deadlines_ahead(NULL, report), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_deadlines_ahead(&ahead, NULL), BL_ERROR_ARGUMENT);
    CHECK(ahead == NULL);
    CHECK_STATUS(bl_report_open_duties(NULL, report), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_report_open_duties(&open, NULL), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("bl_report_open_duties: out and report must not be NULL");
    CHECK(open == NULL);
}

/* The problem records: NULLs, a struct too short, no records after a failure that is not input. */
static void test_problem_records(void) {
    bl_input_problem p;
    memset(&p, 0x5a, sizeof p);
    CHECK_STATUS(bl_input_problem_init(&p), BL_OK);
    CHECK(p.struct_size == offsetof(bl_input_problem, attribute) + sizeof p.attribute && p.code == NULL && p.event_index == -1 &&
          p.line == 0);
    CHECK(bl_input_problem_init(NULL) == BL_ERROR_ARGUMENT);
    CHECK(bl_last_error_problem_count() == 0);
    CHECK(bl_last_error_problem(&p, 0) == 0);
    CHECK(bl_last_error_problem(NULL, 0) == 0);
}

/* Rule metadata and the events a report left out: NULLs and ranges (metadata_test.c has the rest). */
static void test_metadata(void) {
    bl_rule_info info;
    const char *id = "x";
    memset(&info, 0x5a, sizeof info);
    CHECK_STATUS(bl_rule_info_init(&info), BL_OK);
    CHECK(info.struct_size == offsetof(bl_rule_info, statuses) + sizeof info.statuses && info.id == NULL && info.statuses == 0u);
    CHECK_STATUS(bl_rule_info_init(NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_engine_rule(NULL, engine, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_engine_rule(&info, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_engine_rule(&info, engine, (size_t)-1), BL_ERROR_RANGE);
    CHECK_STATUS(bl_engine_rule_by_id(&info, engine, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_rule(&info, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_finding_rule(NULL, NULL), BL_ERROR_ARGUMENT);
    bl_last_error_clear();
    CHECK(bl_report_events_after_as_of(NULL) == 0);
    CHECK(bl_last_error_code() == BL_ERROR_ARGUMENT);
    CHECK(bl_report_events_after_as_of(report) == 0);
    CHECK_STATUS(bl_report_event_after_as_of(&id, NULL, NULL, NULL, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK(id == NULL);
    CHECK_STATUS(bl_report_event_after_as_of(NULL, NULL, NULL, NULL, report, 0), BL_ERROR_RANGE);
    {
        bl_evaluate_options o;
        bl_report *r = NULL;
        memset(&o, 0x5a, sizeof o);
        CHECK_STATUS(bl_evaluate_options_init(&o), BL_OK);
        CHECK(o.struct_size == offsetof(bl_evaluate_options, planned) + sizeof o.planned && o.planned == BL_PLANNED_NOT_JUDGED);
        /* It writes no byte past the fields it knows (the tail padding is the caller's). */
        CHECK(((unsigned char *)&o)[sizeof o - 1] == 0x5a);
        CHECK_STATUS(bl_evaluate_options_init(NULL), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_evaluate_with(NULL, engine, NULL, 0, NULL), BL_ERROR_ARGUMENT);
        CHECK_STATUS(bl_evaluate_with(&r, NULL, NULL, 0, &o), BL_ERROR_ARGUMENT);
        CHECK(r == NULL);
        o.struct_size = sizeof o + 8;
        CHECK(bl_finding_planned(NULL) == 0);
    }
}

/* Section 11 and the JSON loader: NULLs and a value outside the enum (formats_test.c has the rest). */
static void test_formats(void) {
    char *doc = (char *)"x";
    size_t size = 9;
    bl_case *kase = NULL;
    CHECK_STATUS(bl_format_document(NULL, NULL, BL_DOCUMENT_XSD), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_format_document(&doc, &size, (bl_document)9), BL_ERROR_ARGUMENT);
    CHECK(doc == NULL && size == 0);
    CHECK_MESSAGE("bl_format_document: 9 is not a bl_document");
    CHECK_STATUS(bl_case_load_json_file(NULL, engine, "x.json"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_json_file(&kase, engine, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_json_buffer(&kase, NULL, "{}", 2, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_case_load_json_buffer(&kase, engine, NULL, 2, NULL), BL_ERROR_ARGUMENT);
    CHECK(kase == NULL);
}

/* Section 10: NULLs, a short buffer, parts out of range; tests/capi/time_test.c has the rest. */
static void test_times(void) {
    char text[BL_TIME_TEXT_SIZE];
    int64_t t = 7;
    CHECK_STATUS(bl_time_parse(NULL, engine, "2024-01-01"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_parse(&t, NULL, "2024-01-01"), BL_ERROR_ARGUMENT);
    CHECK(t == 0);
    CHECK_STATUS(bl_time_parse(&t, engine, "2024-01-32"), BL_ERROR_INPUT);
    CHECK_MESSAGE("bl_time_parse: '2024-01-32' is not a date");
    CHECK_STATUS(bl_time_from_local(&t, NULL, 2024, 1, 1, 0, 0, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_from_local(&t, engine, 2024, 0, 1, 0, 0, 0), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("bl_time_from_local: month 0 is outside 1-12");
    CHECK_STATUS(bl_time_format(text, 4, engine, 0), BL_ERROR_RANGE);
    CHECK_MESSAGE("smaller than BL_TIME_TEXT_SIZE");
    CHECK_STATUS(bl_time_format(text, sizeof text, engine, INT64_MAX), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_format(text, sizeof text, engine, 0), BL_OK);
    CHECK(strcmp(text, "1970-01-01T01:00:00+01:00") == 0);
}

int main(void) {
    bl_case *kase = NULL;
    CHECK_STATUS(bl_engine_new(&engine, NULL), BL_OK);
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, case_xml, sizeof case_xml - 1, "c.xml"), BL_OK);
    CHECK_STATUS(bl_evaluate(&report, engine, kase, 1714521600), BL_OK);
    bl_case_free(kase);
    CHECK_STATUS(bl_report_findings(&valid_iter, report, NULL), BL_OK);
    CHECK(bl_report_count(report) > 0);

    test_versions_and_errors();
    test_engine();
    test_cases();
    test_builder();
    test_reports();
    test_findings();
    test_iterators();
    test_precheck();
    test_binding_helpers();
    test_times();
    test_problem_records();
    test_metadata();
    test_formats();

    bl_finding_iter_free(valid_iter);
    bl_report_free(report);
    bl_engine_free(engine);
    return check_result();
}
