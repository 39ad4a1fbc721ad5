/* Compiled as C99 with -pedantic -Werror: the header is plain C, and the API works from C.
 * Loads a case from memory, evaluates it and checks the findings and the error paths. */
#include <stdio.h>
#include <string.h>

#include "barnetslov.h"

static int failures = 0;
#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                    \
        }                                                                  \
    } while (0)

static const char case_xml[] =
    "<case xmlns='urn:barnetslov:case:1' id='c-1'>\n"
    "  <child birth-date='2015-02-01'/>\n"
    "  <events>\n"
    "    <underretning id='u1' received-at='2024-03-28T14:30' notifier='professional'/>\n"
    "    <akutvurdering id='a1' at='2024-03-29T16:00' ref='u1' danger='false' acute-measures='false'/>\n"
    "  </events>\n"
    "</case>\n";

int main(void) {
    bl_engine *engine = NULL;
    bl_case *kase = NULL;
    bl_report *report = NULL;
    const bl_finding *f = NULL;
    int64_t margin = 0;
    bl_margin_unit unit = BL_MARGIN_DAYS;
    size_t i, n;
    int late_24h = 0;

    CHECK(strcmp(bl_version(), BL_VERSION_STRING) == 0);
    CHECK(bl_version_number() == BL_VERSION_NUMBER);
    CHECK(bl_engine_new(&engine, NULL) == BL_OK);
    CHECK(bl_engine_rule_count(engine) > 0);

    CHECK(bl_case_load_buffer(&kase, engine, case_xml, sizeof case_xml - 1, "c-1.xml") == BL_OK);
    CHECK(strcmp(bl_case_id(kase), "c-1") == 0);
    /* 2024-05-01T00:00:00Z */
    CHECK(bl_evaluate(&report, engine, kase, 1714521600) == BL_OK);
    bl_case_free(kase); /* the report keeps what it needs */
    n = bl_report_count(report);
    CHECK(n > 0);
    for (i = 0; i < n; ++i) {
        CHECK(bl_report_finding(&f, report, i) == BL_OK);
        if (strcmp(bl_finding_rule_id(f), "BL-UND-24H") == 0) {
            late_24h = bl_finding_status_of(f) == BL_LATE;
            CHECK(bl_finding_margin(f, &margin, &unit) == 1);
            CHECK(margin == -5400 && unit == BL_MARGIN_SECONDS);
            CHECK(strcmp(bl_finding_section(f), "barnets lov § 136") == 0);
            CHECK(strstr(bl_finding_message(f, BL_LANG_EN), "late by 1 h 30 min") != NULL);
        }
    }
    CHECK(late_24h);
    CHECK(bl_report_has_problems(report) == 1);
    CHECK(bl_report_finding(&f, report, n) == BL_ERROR_RANGE && f == NULL);

    /* Errors: never NULL, per thread, with position. */
    kase = NULL;
    CHECK(bl_case_load_buffer(&kase, engine, "<case/>", 7, "bad.xml") == BL_ERROR_INPUT);
    CHECK(kase == NULL);
    CHECK(strncmp(bl_last_error_message(), "bad.xml:1:1: ", 13) == 0);
    CHECK(bl_evaluate(NULL, engine, NULL, 0) == BL_ERROR_ARGUMENT);
    CHECK(bl_last_error_message() != NULL && bl_last_error_code() == BL_ERROR_ARGUMENT);
    CHECK(bl_case_load_file(&kase, engine, "/nonexistent/case.xml") == BL_ERROR_IO);

    bl_report_free(report);
    bl_report_free(NULL);
    bl_case_free(NULL);
    bl_engine_free(engine);
    bl_engine_free(NULL);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
