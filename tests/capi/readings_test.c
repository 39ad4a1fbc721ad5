/* The readings a user may choose, through the C API (C99): set in bl_engine_options.readings,
 * read back with bl_engine_reading, stated in bl_report_to_json, and reaching the counting they
 * govern; an older caller's shorter struct gets the defaults. */
#include <stddef.h>
#include <stdlib.h>

#include "check.h"

/* A professional's phone call on Monday 3 June 2024: the kvittering is due 6 hverdage later,
 * Wednesday 12 June with grundlovsdag (5 June) a holiday, Tuesday 11 June with it a working day. */
static const char kvit_xml[] =
    "<case xmlns='urn:barnetslov:case:1' id='c-1'><child birth-date='2015-02-01'/><events>"
    "<underretning id='u1' received-at='2024-06-03T09:00' notifier='professional'/></events></case>";
static const int64_t as_of = 1718877600;           /* 2024-06-20T12:00+02:00 */
static const int64_t due_12_june = 1718229599;     /* 2024-06-12T23:59:59+02:00 */
static const int64_t due_11_june = 1718143199;     /* 2024-06-11T23:59:59+02:00 */

static const char *const names[] = {"supervision-year", "kvittering-to", "grundlovsdag", "juleaftensdag",
                                    "nytaarsaftensdag", "receipt-post-hverdage", "receipt-quickpost-days",
                                    "before-record-months"};
static const char *const defaults[] = {"placement", "professional", "holiday", "holiday", "holiday", "6", "2", "6"};

static bl_engine *engine_with(const bl_engine_options *o) {
    bl_engine *e = NULL;
    CHECK_STATUS(bl_engine_new(&e, o), BL_OK);
    return e;
}

/* The engine's value of reading `name`, or NULL. */
static const char *reading(const bl_engine *e, const char *name) {
    size_t i;
    for (i = 0; i < bl_engine_reading_count(e); ++i) {
        const char *n = NULL, *v = NULL;
        CHECK_STATUS(bl_engine_reading(&n, &v, NULL, e, i), BL_OK);
        if (strcmp(n, name) == 0) return v;
    }
    return NULL;
}

/* The due time of BL-UND-KVIT's finding about u1. */
static int64_t kvittering_due(const bl_engine *e, char **json) {
    bl_case *kase = NULL;
    bl_report *report = NULL;
    bl_finding_iter *it = NULL;
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    const bl_finding *f = NULL;
    int64_t due = 0;
    CHECK_STATUS(bl_case_load_buffer(&kase, e, kvit_xml, sizeof kvit_xml - 1, "kvit.xml"), BL_OK);
    CHECK_STATUS(bl_evaluate(&report, e, kase, as_of), BL_OK);
    filter.rule_id = "BL-UND-KVIT";
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    CHECK(f != NULL && bl_finding_due(f, &due) == 1);
    if (json) CHECK_STATUS(bl_report_to_json(json, NULL, report), BL_OK);
    bl_finding_iter_free(it);
    bl_report_free(report);
    bl_case_free(kase);
    return due;
}

static void test_defaults(void) {
    bl_engine *e = engine_with(NULL);
    size_t i;
    CHECK(bl_engine_reading_count(e) == sizeof names / sizeof names[0]);
    for (i = 0; i < bl_engine_reading_count(e); ++i) {
        const char *n = NULL, *v = NULL, *d = NULL;
        CHECK_STATUS(bl_engine_reading(&n, &v, &d, e, i), BL_OK);
        CHECK(n != NULL && strcmp(n, names[i]) == 0);
        CHECK(v != NULL && strcmp(v, defaults[i]) == 0);
        CHECK(d != NULL && strcmp(d, defaults[i]) == 0);
    }
    CHECK(kvittering_due(e, NULL) == due_12_june);
    bl_engine_free(e);
}

static void test_chosen(void) {
    const char *const readings[] = {"grundlovsdag", "working", "supervision-year", "calendar", "receipt-post-hverdage", "0", NULL};
    bl_engine_options o = BL_ENGINE_OPTIONS_INIT;
    bl_engine *e;
    char *json = NULL;
    const char *d = NULL;
    o.readings = readings;
    e = engine_with(&o);
    CHECK(strcmp(reading(e, "grundlovsdag"), "working") == 0);
    CHECK(strcmp(reading(e, "supervision-year"), "calendar") == 0);
    CHECK(strcmp(reading(e, "receipt-post-hverdage"), "0") == 0);
    CHECK(strcmp(reading(e, "juleaftensdag"), "holiday") == 0);
    CHECK_STATUS(bl_engine_reading(NULL, NULL, &d, e, 2), BL_OK);
    CHECK(strcmp(d, "holiday") == 0); /* the default beside the chosen value */
    /* The holiday reading reaches the hverdage: due a day earlier. */
    CHECK(kvittering_due(e, &json) == due_11_june);
    /* The report states the readings it was judged by. */
    CHECK(json != NULL && strstr(json, "\"readings\": {\n    \"supervision-year\": \"calendar\",") != NULL);
    CHECK(json != NULL && strstr(json, "\"grundlovsdag\": \"working\"") != NULL);
    bl_string_free(json);
    bl_engine_free(e);
}

/* The *_off fields are the same readings: grundlovsdag_off = 0 reads as grundlovsdag=working,
 * and a reading in the list wins over its field. */
static void test_fields_and_list(void) {
    const char *const holiday[] = {"grundlovsdag", "holiday", NULL};
    bl_engine_options o = BL_ENGINE_OPTIONS_INIT;
    bl_engine *e;
    o.grundlovsdag_off = 0;
    e = engine_with(&o);
    CHECK(strcmp(reading(e, "grundlovsdag"), "working") == 0);
    CHECK(kvittering_due(e, NULL) == due_11_june);
    bl_engine_free(e);
    o.readings = holiday;
    e = engine_with(&o);
    CHECK(strcmp(reading(e, "grundlovsdag"), "holiday") == 0);
    CHECK(kvittering_due(e, NULL) == due_12_june);
    bl_engine_free(e);
}

/* A caller built against the header before readings: its struct ends after nytaarsaftensdag_off
 * (or after reserved_0), and what lies beyond is never read, not even a pointer. */
static void test_older_callers(void) {
    const char *const refused[] = {"no-such-reading", "x", NULL};
    bl_engine_options o = BL_ENGINE_OPTIONS_INIT;
    bl_engine *e;
    o.readings = refused;
    o.struct_size = offsetof(bl_engine_options, nytaarsaftensdag_off) + sizeof(int);
    e = engine_with(&o);
    CHECK(strcmp(reading(e, "grundlovsdag"), "holiday") == 0);
    bl_engine_free(e);
    /* The struct of the older header on this platform, whose padding (now reserved_0) may hold
     * anything: never read. */
    o.struct_size = offsetof(bl_engine_options, readings);
    o.reserved_0 = 12345;
    e = engine_with(&o);
    CHECK(e != NULL && bl_engine_reading_count(e) == sizeof names / sizeof names[0]);
    bl_engine_free(e);
    o.struct_size = sizeof o; /* and with the field covered, the same list is refused */
    e = (bl_engine *)1;
    CHECK_STATUS(bl_engine_new(&e, &o), BL_ERROR_ARGUMENT);
    CHECK(e == NULL);
}

int main(void) {
    test_defaults();
    test_chosen();
    test_fields_and_list();
    test_older_callers();
    return check_result();
}
