/* A caller's source_name (and a file's path) through the C API (C99): one that is not UTF-8 (a
 * Latin-1 'ø' from an old share), holds control characters or a CPR number in any disguise is
 * shown escaped and masked in every message and in the JSON report, and never costs an
 * internal error: bl_case_load_buffer, bl_case_load_file, bl_builder_new, bl_report_to_json. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static bl_engine *engine = NULL;

static const char good_case[] =
    "<case xmlns='urn:barnetslov:case:1' id='2024-0117'>\n"
    "  <child id='barn' birth-date='2015-06-01'/>\n"
    "  <events>\n"
    "    <underretning id='u1' received-at='2024-03-28T14:30' notifier='professional' channel='phone'/>\n"
    "  </events>\n"
    "</case>\n";

static const char bad_case[] =
    "<case xmlns='urn:barnetslov:case:1' id='2024-0117'>\n"
    "  <child id='barn' birth-date='2015-06-31'/>\n"
    "</case>\n";

static const int64_t as_of = 1711929600; /* 2024-04-01T00:00:00Z */

/* Names as a caller may give them, and how every message and report shows them. */
static const char *const names[][2] = {
    {"K\xF8ge/sag.xml", "K\\xF8ge/sag.xml"},                         /* Latin-1 */
    {"\xC3(\xFF.xml", "\\xC3(\\xFF.xml"},                             /* broken UTF-8 */
    {"sag\n1\x1B[31m.xml", "sag\\x0A1\\x1B[31m.xml"},                 /* control characters */
    {"barn 150610-4321.xml", "barn ######-####.xml"},                 /* a CPR number */
    {"barn 150610 4321.xml", "barn ###### ####.xml"},
    {"barn 150610\xC2\xAD" "4321.xml", "barn ######\\u00AD####.xml"}, /* soft hyphen */
    {"\xEF\xBC\x91\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x94\xEF\xBC\x93\xEF\xBC\x92\xEF\xBC\x91.xml",
     "##########.xml"},                                               /* fullwidth digits */
    {"K\xF8ge 150610.4321", "K\\xF8ge ######.####"},
};
#define NAME_COUNT (sizeof names / sizeof names[0])

/* The JSON text of `shown`: a backslash is doubled. */
static void json_of(char *out, size_t size, const char *shown) {
    size_t n = 0;
    for (; *shown && n + 2 < size; ++shown) {
        if (*shown == '\\') out[n++] = '\\';
        out[n++] = *shown;
    }
    out[n] = '\0';
}

static void report_shows(const bl_case *kase, const char *shown) {
    bl_report *report = NULL;
    char *json = NULL;
    char expected[256];
    CHECK_STATUS(bl_evaluate(&report, engine, kase, as_of), BL_OK);
    CHECK_STATUS(bl_report_to_json(&json, NULL, report), BL_OK);
    json_of(expected, sizeof expected, shown);
    CHECK(json != NULL && strstr(json, expected) != NULL);
    CHECK(json != NULL && strstr(json, "4321") == NULL && strstr(json, "150610") == NULL);
    bl_string_free(json);
    bl_report_free(report);
}

static void test_load_buffer(void) {
    size_t i;
    for (i = 0; i < NAME_COUNT; ++i) {
        bl_case *kase = NULL;
        char prefix[256];
        CHECK_STATUS(bl_case_load_buffer(&kase, engine, bad_case, sizeof bad_case - 1, names[i][0]), BL_ERROR_INPUT);
        snprintf(prefix, sizeof prefix, "%s:2:20: child attribute 'birth-date': '2015-06-31' is not a date", names[i][1]);
        CHECK(strcmp(bl_last_error_message(), prefix) == 0);
        if (strcmp(bl_last_error_message(), prefix) != 0) fprintf(stderr, "  got \"%s\"\n", bl_last_error_message());

        CHECK_STATUS(bl_case_load_buffer(&kase, engine, good_case, sizeof good_case - 1, names[i][0]), BL_OK);
        if (kase) report_shows(kase, names[i][1]);
        bl_case_free(kase);
    }
}

static void test_builder(void) {
    size_t i;
    for (i = 0; i < NAME_COUNT; ++i) {
        bl_builder *b = NULL;
        bl_case *kase = NULL;
        char message[256];
        CHECK_STATUS(bl_builder_new(&b, engine, names[i][0]), BL_OK);
        CHECK_STATUS(bl_builder_case_attribute(b, "id", "2024-0117"), BL_OK);
        CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
        CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2015-06-31"), BL_ERROR_INPUT);
        snprintf(message, sizeof message, "%s: child attribute 'birth-date': '2015-06-31' is not a date", names[i][1]);
        CHECK(strcmp(bl_last_error_message(), message) == 0);
        bl_builder_free(b);

        CHECK_STATUS(bl_builder_new(&b, engine, names[i][0]), BL_OK);
        CHECK_STATUS(bl_builder_case_attribute(b, "id", "2024-0117"), BL_OK);
        CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
        CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_OK);
        CHECK_STATUS(bl_builder_event_attribute(b, "id", "u1"), BL_OK);
        CHECK_STATUS(bl_builder_event_attribute(b, "received-at", "2024-03-28T14:30"), BL_OK);
        CHECK_STATUS(bl_builder_event_attribute(b, "notifier", "professional"), BL_OK);
        CHECK_STATUS(bl_builder_finish(&kase, b), BL_OK);
        if (kase) report_shows(kase, names[i][1]);
        bl_case_free(kase);
        bl_builder_free(b);
    }
}

/* A file whose name is Latin-1 and holds a CPR number: it loads, and its report names it escaped. */
static void test_load_file(void) {
    char dir[] = "/tmp/barnetslov-source-name-XXXXXX";
    char path[512], shown[512], message[600];
    FILE *f;
    bl_case *kase = NULL;
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/K\xF8ge 150610-4321.xml", dir);
    snprintf(shown, sizeof shown, "%s/K\\xF8ge ######-####.xml", dir);
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(bad_case, 1, sizeof bad_case - 1, f);
    fclose(f);
    CHECK_STATUS(bl_case_load_file(&kase, engine, path), BL_ERROR_INPUT);
    snprintf(message, sizeof message, "%s:2:20: child attribute 'birth-date': '2015-06-31' is not a date", shown);
    CHECK(strcmp(bl_last_error_message(), message) == 0);

    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(good_case, 1, sizeof good_case - 1, f);
    fclose(f);
    CHECK_STATUS(bl_case_load_file(&kase, engine, path), BL_OK);
    if (kase) report_shows(kase, shown);
    bl_case_free(kase);
    remove(path);

    /* A file that is not there: an I/O error naming it the same way. */
    CHECK_STATUS(bl_case_load_file(&kase, engine, path), BL_ERROR_IO);
    snprintf(message, sizeof message, "%s: cannot open the file: it does not exist", shown);
    CHECK(strcmp(bl_last_error_message(), message) == 0);
    rmdir(dir);
}

int main(void) {
    CHECK_STATUS(bl_engine_new(&engine, NULL), BL_OK);
    test_load_buffer();
    test_builder();
    test_load_file();
    bl_engine_free(engine);
    return check_result();
}
