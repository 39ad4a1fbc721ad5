/* The case-file format through the C API (C99): the documents of section 11 are the ones
 * installed and checked in (schema/), and a JSON case file gives the findings its XML twin gives,
 * with the loader's messages, JSON pointers and problem records for bad input. */
#include <stdlib.h>

#include "check.h"

/* The whole of a file, or NULL. */
static char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long n;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1)) != NULL) {
        *size = fread(data, 1, (size_t)n, f);
        data[*size] = '\0';
    }
    fclose(f);
    return data;
}

static void test_documents(void) {
    static const struct {
        bl_document which;
        const char *file;
    } docs[] = {{BL_DOCUMENT_VOCABULARY_JSON, "schema/vocabulary-1.json"},
                {BL_DOCUMENT_JSON_SCHEMA, "schema/case-1.schema.json"},
                {BL_DOCUMENT_XSD, "schema/case-1.xsd"}};
    size_t i;
    for (i = 0; i < sizeof docs / sizeof docs[0]; ++i) {
        char path[512], *doc = NULL, *file;
        size_t size = 0, file_size = 0;
        snprintf(path, sizeof path, "%s/%s", BARNETSLOV_SOURCE_DIR, docs[i].file);
        CHECK_STATUS(bl_format_document(&doc, &size, docs[i].which), BL_OK);
        file = slurp(path, &file_size);
        CHECK(file != NULL && doc != NULL && size == strlen(doc));
        if (file && doc && (size != file_size || memcmp(doc, file, size) != 0))
            fprintf(stderr, "bl_format_document(%d) differs from %s\n", (int)docs[i].which, docs[i].file), ++check_failures;
        free(file);
        bl_string_free(doc);
    }
    {
        char *doc = NULL;
        CHECK_STATUS(bl_format_document(&doc, NULL, BL_DOCUMENT_REFERENCE), BL_OK);
        CHECK(doc != NULL && strstr(doc, "underretning") != NULL);
        bl_string_free(doc);
    }
}

/* The JSON report of `kase`, without its source name. */
static char *report_json(const bl_engine *e, const bl_case *kase, int64_t as_of) {
    bl_report *r = NULL;
    char *json = NULL, *source, *end;
    CHECK_STATUS(bl_evaluate(&r, e, kase, as_of), BL_OK);
    CHECK_STATUS(bl_report_to_json(&json, NULL, r), BL_OK);
    bl_report_free(r);
    if (json && (source = strstr(json, "\"source\": \"")) != NULL && (end = strchr(source + 11, '"')) != NULL)
        memmove(source, end + 1, strlen(end + 1) + 1);
    return json;
}

/* Lines and columns aside: "line": N and "column": N blanked. */
static void blank_positions(char *json) {
    char *p;
    const char *keys[] = {"\"line\": ", "\"column\": "};
    size_t k;
    for (k = 0; k < 2; ++k)
        for (p = json; (p = strstr(p, keys[k])) != NULL;) {
            p += strlen(keys[k]);
            while (*p >= '0' && *p <= '9') *p++ = '0';
        }
}

static void test_twin(const bl_engine *e) {
    char xml_path[512], json_path[512], *from_xml, *from_json, *data;
    bl_case *x = NULL, *j = NULL, *b = NULL;
    size_t size = 0;
    int64_t as_of = 0;
    snprintf(xml_path, sizeof xml_path, "%s/examples/13-committee-placement-without-consent.xml", BARNETSLOV_SOURCE_DIR);
    snprintf(json_path, sizeof json_path, "%s/examples/json/13-committee-placement-without-consent.json", BARNETSLOV_SOURCE_DIR);
    CHECK_STATUS(bl_time_parse(&as_of, e, "2025-01-15T12:00"), BL_OK);
    CHECK_STATUS(bl_case_load_file(&x, e, xml_path), BL_OK);
    CHECK_STATUS(bl_case_load_json_file(&j, e, json_path), BL_OK);
    data = slurp(json_path, &size);
    CHECK_STATUS(bl_case_load_json_buffer(&b, e, data, size, "twin.json"), BL_OK);
    free(data);
    if (!x || !j || !b) return;
    CHECK(bl_case_event_count(x) == bl_case_event_count(j) && bl_case_event_count(j) == bl_case_event_count(b));
    from_xml = report_json(e, x, as_of);
    from_json = report_json(e, j, as_of);
    blank_positions(from_xml);
    blank_positions(from_json);
    CHECK(from_xml && from_json && strcmp(from_xml, from_json) == 0);
    bl_string_free(from_xml);
    bl_string_free(from_json);
    bl_case_free(x);
    bl_case_free(j);
    bl_case_free(b);
}

static void test_bad_json(const bl_engine *e) {
    static const char bad[] =
        "{\"format\": \"urn:barnetslov:case:1\", \"id\": \"c1\", \"child\": {\"birth-date\": \"2015-02-01\"},\n"
        " \"events\": [{\"type\": \"kvittering\", \"id\": \"k1\", \"at\": \"2024-13-01\", \"ref\": \"u1\"}]}";
    bl_case *kase = NULL;
    bl_input_problem p = BL_INPUT_PROBLEM_INIT;
    CHECK_STATUS(bl_case_load_json_buffer(&kase, e, bad, sizeof bad - 1, "bad.json"), BL_ERROR_INPUT);
    CHECK(kase == NULL);
    CHECK_MESSAGE("bad.json:2:");
    CHECK_MESSAGE("/events/0/at");
    CHECK_MESSAGE("event 'kvittering' attribute 'at': '2024-13-01' is not a date");
    /* In the same round, the reference to no event (there is no u1). */
    CHECK_MESSAGE("/events/0/ref: event 'kvittering' attribute 'ref': no event has id 'u1'");
    CHECK(bl_last_error_problem_count() == 2);
    CHECK(bl_last_error_problem(&p, 0) == 1);
    CHECK(strcmp(p.code, "invalid_value") == 0 && strcmp(p.element, "kvittering") == 0 && p.event_index == 0 &&
          strcmp(p.id, "k1") == 0 && strcmp(p.attribute, "at") == 0 && p.line == 2);
    CHECK(bl_last_error_problem(&p, 1) == 1);
    CHECK(strcmp(p.code, "unknown_ref") == 0 && strcmp(p.element, "kvittering") == 0 && p.event_index == 0 &&
          strcmp(p.id, "k1") == 0 && strcmp(p.attribute, "ref") == 0 && p.line == 2);
    CHECK_STATUS(bl_case_load_json_buffer(&kase, e, "{\"id\": [1, 2", 12, "syntax.json"), BL_ERROR_INPUT);
    CHECK(bl_last_error_problem(&p, 0) == 1 && strcmp(p.code, "syntax") == 0 && strcmp(p.element, "") == 0);
    CHECK_STATUS(bl_case_load_json_file(&kase, e, "/nonexistent/case.json"), BL_ERROR_IO);
}

int main(void) {
    bl_engine *e = NULL;
    CHECK_STATUS(bl_engine_new(&e, NULL), BL_OK);
    test_documents();
    test_twin(e);
    test_bad_json(e);
    bl_engine_free(e);
    return check_result();
}
