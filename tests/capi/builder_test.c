/* The case builder of the C API (C99): a case built call by call gives the same findings as the
 * same case read from XML; the same mistake gives the same message through both (apart from
 * the location prefix); calls out of order are refused with BL_ERROR_STATE and never crash. */
#include <stddef.h>
#include <stdlib.h>

#include "check.h"

static bl_engine *engine = NULL;

/* ---- the same case, from XML and from builder calls ---------------------------------------- */

static const char case_xml[] =
    "<case xmlns='urn:barnetslov:case:1' id='2024-0655' municipality='0851'>\n"
    "  <child id='barn' birth-date='2012-10-10'/>\n"
    "  <party id='far' role='custody-holder'/>\n"
    "  <events>\n"
    "    <underretning id='u1' received-at='2024-11-20T09:00' notifier='professional' notifier-role='school'/>\n"
    "    <akutvurdering id='a1' at='2024-11-21T14:00' ref='u1' danger='false' acute-measures='false'/>\n"
    "    <undersoegelse id='bfu1' at='2024-11-26' ref='u1'/>\n"
    "    <underretning id='u2' received-at='2025-01-14T10:30' notifier='professional' notifier-role='doctor'/>\n"
    "  </events>\n"
    "</case>\n";

static bl_case *build_same_case(void) {
    bl_builder *b = NULL;
    bl_case *kase = NULL;
    CHECK_STATUS(bl_builder_new(&b, engine, "same.xml"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "2024-0655"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "municipality", "0851"), BL_OK);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "id", "barn"), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2012-10-10"), BL_OK);
    CHECK_STATUS(bl_builder_begin_person(b, "party"), BL_OK);
    CHECK_STATUS(bl_builder_person_attribute(b, "id", "far"), BL_OK);
    CHECK_STATUS(bl_builder_person_attribute(b, "role", "custody-holder"), BL_OK);
    /* Events in another order than the file: the case orders them in time. */
    CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "u2"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "received-at", "2025-01-14T10:30"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "notifier", "professional"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "notifier-role", "doctor"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "received-at", "2024-11-20T09:00"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "notifier", "professional"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "notifier-role", "school"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "akutvurdering"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "a1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-11-21T14:00"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "ref", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "danger", "false"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "acute-measures", "false"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "undersoegelse"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "bfu1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-11-26"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "ref", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_OK);
    bl_builder_free(b);
    return kase;
}

static void test_same_findings(void) {
    const int64_t as_of = 1736938800; /* 2025-01-15 12:00 Copenhagen */
    bl_case *from_xml = NULL, *built = build_same_case();
    bl_report *rx = NULL, *rb = NULL;
    size_t i, n;
    int late_24h = 0;
    CHECK_STATUS(bl_case_load_buffer(&from_xml, engine, case_xml, sizeof case_xml - 1, "same.xml"), BL_OK);
    CHECK(built != NULL && bl_case_event_count(built) == 4 && strcmp(bl_case_id(built), "2024-0655") == 0);
    CHECK_STATUS(bl_evaluate(&rx, engine, from_xml, as_of), BL_OK);
    CHECK_STATUS(bl_evaluate(&rb, engine, built, as_of), BL_OK);
    n = bl_report_count(rx);
    CHECK(n > 3 && bl_report_count(rb) == n);
    for (i = 0; i < n && i < bl_report_count(rb); ++i) {
        const bl_finding *fx = NULL, *fb = NULL;
        int64_t mx = 0, mb = 0, dx = 0, db = 0;
        bl_report_finding(&fx, rx, i);
        bl_report_finding(&fb, rb, i);
        CHECK(strcmp(bl_finding_rule_id(fx), bl_finding_rule_id(fb)) == 0);
        CHECK(bl_finding_status_of(fx) == bl_finding_status_of(fb));
        CHECK(strcmp(bl_finding_reason(fx), bl_finding_reason(fb)) == 0);
        CHECK(strcmp(bl_finding_subject_id(fx), bl_finding_subject_id(fb)) == 0);
        CHECK(bl_finding_margin(fx, &mx, NULL) == bl_finding_margin(fb, &mb, NULL) && mx == mb);
        CHECK(bl_finding_due(fx, &dx) == bl_finding_due(fb, &db) && dx == db);
        CHECK(strcmp(bl_finding_message(fx, BL_LANG_DA), bl_finding_message(fb, BL_LANG_DA)) == 0);
        /* Only the positions differ: a built case has no lines. */
        CHECK(bl_finding_subject_line(fx) > 0 && bl_finding_subject_line(fb) == 0);
        if (strcmp(bl_finding_rule_id(fb), "BL-UND-24H") == 0 && strcmp(bl_finding_subject_id(fb), "u1") == 0)
            late_24h = bl_finding_status_of(fb) == BL_LATE;
    }
    CHECK(late_24h);
    bl_report_free(rx);
    bl_report_free(rb);
    bl_case_free(from_xml);
    bl_case_free(built);
}

/* ---- the same mistake, the same message ---------------------------------------------------- */

/* A mistake as XML (the body inside <case>) and as builder calls: "K" begins the child, "C"
 * name value is a child attribute, "E" element begins an event, "A" name value is an event
 * attribute; NULL ends. */
struct mistake {
    const char *xml;
    const char *calls[24];
    const char *expected; /* part of the message, to show the test compares real messages */
};

static const struct mistake mistakes[] = {
    {"<child birth-date='2015-02-01'/><events><kvittering id='k1' at='2024-13-01'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "kvittering", "A", "id", "k1", "A", "at", "2024-13-01", NULL},
     "event 'kvittering' attribute 'at': '2024-13-01' is not a date"},
    {"<child birth-date='2015-02-01'/><events><kvittering id='k1' at='2024-03-01' colour='red'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "kvittering", "A", "id", "k1", "A", "at", "2024-03-01", "A", "colour", "red", NULL},
     "event 'kvittering' has no attribute 'colour'"},
    {"<child birth-date='2015-02-01'/><events><underretning id='u1' received-at='2024-03-01T10:00' notifier='neighbour'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "underretning", "A", "id", "u1", "A", "received-at", "2024-03-01T10:00", "A",
      "notifier", "neighbour", NULL},
     "attribute 'notifier': 'neighbour' is not one of:"},
    {"<child birth-date='2015-02-01'/><events><telefonnotat id='t1'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "telefonnotat", NULL},
     "unknown event type 'telefonnotat'"},
    {"<child birth-date='2015-02-01'/><events><kvittering id='k1'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "kvittering", "A", "id", "k1", NULL},
     "lacks required attribute 'at'"},
    {"<child birth-date='2015-02-01'/><events><kvittering id='k1' at='2024-03-01' ref='u9'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "kvittering", "A", "id", "k1", "A", "at", "2024-03-01", "A", "ref", "u9", NULL},
     "no event has id 'u9'"},
    {"<child birth-date='2015-02-30'/><events/>", {"K", "C", "birth-date", "2015-02-30", NULL}, "child attribute 'birth-date'"},
    {"<child birth-date='2015-02-01'/><events><akutvurdering id='a1' at='2024-03-01T10:00' danger='maybe'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "akutvurdering", "A", "id", "a1", "A", "at", "2024-03-01T10:00", "A", "danger",
      "maybe", NULL},
     "'maybe' is not one of: true, false"},
    {"<child birth-date='2015-02-01'/><events><kvittering id='k1' at='2024-03-31T02:30'/></events>",
     {"K", "C", "birth-date", "2015-02-01", "E", "kvittering", "A", "id", "k1", "A", "at", "2024-03-31T02:30", NULL},
     "does not exist in Copenhagen time"},
    {"<child cpr='311399-1234'/><events/>", {"K", "C", "cpr", "311399-1234", NULL}, "the value is not shown"},
};

/* The first line of the message after "same.xml:LINE:COLUMN: " or "same.xml: ". */
static void strip(char *out, size_t size, const char *message) {
    const char *p = strstr(message, "same.xml:");
    const char *end;
    size_t n;
    p = p ? p + strlen("same.xml:") : message;
    if (*p == ' ') {
        ++p;
    } else {
        p = strstr(p, ": ");
        p = p ? p + 2 : message;
    }
    end = strchr(p, '\n');
    n = end ? (size_t)(end - p) : strlen(p);
    if (n >= size) n = size - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

static void xml_message(char *out, size_t size, const char *body) {
    static char xml[2048];
    bl_case *kase = NULL;
    snprintf(xml, sizeof xml, "<case xmlns='urn:barnetslov:case:1' id='c1'>%s</case>", body);
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, xml, strlen(xml), "same.xml"), BL_ERROR_INPUT);
    strip(out, size, bl_last_error_message());
}

/* The message of the first call that failed, or of bl_builder_finish. */
static void builder_message(char *out, size_t size, const char *const *calls) {
    bl_builder *b = NULL;
    bl_case *kase = NULL;
    bl_status s = BL_OK;
    size_t i = 0;
    CHECK_STATUS(bl_builder_new(&b, engine, "same.xml"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "c1"), BL_OK);
    out[0] = '\0';
    while (calls[i] != NULL && s == BL_OK) {
        const char op = calls[i][0];
        if (op == 'K') s = bl_builder_begin_child(b), i += 1;
        else if (op == 'C') s = bl_builder_child_attribute(b, calls[i + 1], calls[i + 2]), i += 3;
        else if (op == 'E') s = bl_builder_begin_event(b, calls[i + 1]), i += 2;
        else s = bl_builder_event_attribute(b, calls[i + 1], calls[i + 2]), i += 3;
    }
    if (s == BL_OK) s = bl_builder_finish(&kase, b);
    CHECK(s == BL_ERROR_INPUT && kase == NULL);
    CHECK(strncmp(bl_last_error_message(), "same.xml: ", 10) == 0);
    strip(out, size, bl_last_error_message());
    bl_builder_free(b);
}

static void test_same_messages(void) {
    size_t i;
    for (i = 0; i < sizeof mistakes / sizeof mistakes[0]; ++i) {
        char from_xml[512], from_builder[512];
        xml_message(from_xml, sizeof from_xml, mistakes[i].xml);
        builder_message(from_builder, sizeof from_builder, mistakes[i].calls);
        if (strcmp(from_xml, from_builder) != 0 || strstr(from_xml, mistakes[i].expected) == NULL) {
            fprintf(stderr, "mistake %lu:\n  XML:     %s\n  builder: %s\n  expected to contain: %s\n", (unsigned long)i,
                    from_xml, from_builder, mistakes[i].expected);
            ++check_failures;
        }
        CHECK(strstr(from_builder, "1234") == NULL); /* a CPR number is never echoed */
    }
}

/* ---- calls out of order, and values no file could hold ------------------------------------- */

static bl_builder *new_builder(void) {
    bl_builder *b = NULL;
    CHECK_STATUS(bl_builder_new(&b, engine, "case 7"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "c7"), BL_OK);
    return b;
}

static void test_out_of_order(void) {
    bl_builder *b = new_builder();
    bl_case *kase = NULL;

    /* An attribute before its element: refused, and the case cannot be finished without it. */
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-03-01"), BL_ERROR_STATE);
    CHECK_MESSAGE("bl_builder_event_attribute: no event element is open");
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2015-02-01"), BL_ERROR_STATE);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2015-02-01"), BL_OK);
    CHECK_STATUS(bl_builder_person_attribute(b, "id", "far"), BL_ERROR_STATE);
    CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "due-date", "2015-02-01"), BL_ERROR_STATE);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT);
    CHECK(kase == NULL);
    CHECK_MESSAGE("case 7: event attribute 'at' given outside its element");
    CHECK_MESSAGE("child attribute 'due-date' given outside its element");

    /* A finished builder is spent, whatever the outcome. */
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_STATE);
    CHECK_MESSAGE("the builder is finished");
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_ERROR_STATE);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "k1"), BL_ERROR_STATE);
    CHECK_STATUS(bl_builder_case_attribute(b, "unit", "x"), BL_ERROR_STATE);
    bl_builder_free(b);

    /* After a successful finish too. */
    b = new_builder();
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_OK);
    CHECK(kase != NULL && bl_case_event_count(kase) == 0);
    bl_case_free(kase);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_STATE);
    CHECK(kase == NULL);
    CHECK_STATUS(bl_builder_begin_person(b, "party"), BL_ERROR_STATE);
    bl_builder_free(b);

    /* The attributes of a refused element are ignored, with a reason. */
    b = new_builder();
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "nonsense"), BL_ERROR_INPUT);
    CHECK_MESSAGE("unknown event type 'nonsense'");
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "n1"), BL_ERROR_INPUT);
    CHECK_MESSAGE("ignored");
    CHECK_STATUS(bl_builder_begin_person(b, "uncle"), BL_ERROR_INPUT);
    CHECK_STATUS(bl_builder_person_attribute(b, "id", "o1"), BL_ERROR_INPUT);
    CHECK_STATUS(bl_builder_begin_child(b), BL_ERROR_INPUT);
    CHECK_MESSAGE("more than one child");
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT);
    bl_builder_free(b);

    /* A begin call reports what closing the element before it found. */
    b = new_builder();
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "k1"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_ERROR_INPUT);
    CHECK_MESSAGE("event 'kvittering' (id 'k1') lacks required attribute 'at'");
    bl_builder_free(b);
}

static void test_bad_values(void) {
    bl_builder *b = new_builder();
    bl_case *kase = NULL;
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "k\xff"), BL_ERROR_INPUT);
    CHECK_MESSAGE("not valid UTF-8");
    CHECK(strchr(bl_last_error_message(), '\xff') == NULL);
    CHECK_STATUS(bl_builder_event_attribute(b, "\xc3(", "x"), BL_ERROR_INPUT);
    CHECK_STATUS(bl_builder_begin_event(b, "\xed\xa0\x80"), BL_ERROR_INPUT); /* a surrogate */
    CHECK_STATUS(bl_builder_event_attribute(NULL, "id", "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_event_attribute(b, NULL, "x"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_event(b, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_begin_person(b, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT);
    bl_builder_free(b);

    /* Non-ASCII that is valid UTF-8 is kept as given. */
    b = new_builder();
    CHECK_STATUS(bl_builder_case_attribute(b, "unit", "Børn og Unge"), BL_OK);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_OK);
    bl_case_free(kase);
    bl_builder_free(b);
}

/* ---- issue 16 item 4: problems as records ------------------------------------------------- */

static int problem_is(size_t index, const char *code, const char *element, int64_t event_index, const char *id,
                      const char *attribute, uint32_t line) {
    bl_input_problem p = BL_INPUT_PROBLEM_INIT;
    if (!bl_last_error_problem(&p, index)) {
        fprintf(stderr, "no problem %lu\n", (unsigned long)index);
        return 0;
    }
    if (strcmp(p.code, code) != 0 || strcmp(p.element, element) != 0 || p.event_index != event_index ||
        strcmp(p.id, id) != 0 || strcmp(p.attribute, attribute) != 0 || p.line != line) {
        fprintf(stderr, "problem %lu: %s %s #%lld id=%s attr=%s line %u: %s\n", (unsigned long)index, p.code, p.element,
                (long long)p.event_index, p.id, p.attribute, (unsigned)p.line, p.message);
        return 0;
    }
    return 1;
}

static void test_problems(void) {
    static const char bad_xml[] =
        "<case xmlns='urn:barnetslov:case:1' id='c1'>\n"
        "  <child id='barn' birth-date='2015-02-01'/>\n"
        "  <events>\n"
        "    <underretning id='u1' received-at='2024-03-31T02:30' notifier='professional'/>\n"
        "    <kvittering at='2024-13-01' id='k1' ref='u9'/>\n"
        "  </events>\n"
        "</case>\n";
    bl_builder *b = NULL;
    bl_case *kase = NULL;
    bl_input_problem p = BL_INPUT_PROBLEM_INIT, old;
    size_t lines = 1;
    const char *m;

    CHECK_STATUS(bl_case_load_buffer(&kase, engine, bad_xml, sizeof bad_xml - 1, "bad.xml"), BL_ERROR_INPUT);
    for (m = bl_last_error_message(); *m; ++m) lines += *m == '\n';
    /* Every problem in one round: the values, then the reference of the refused kvittering. */
    CHECK(bl_last_error_problem_count() == 3);
    CHECK(lines == 3); /* one record per line of the joined message, which stays */
    CHECK(problem_is(0, "nonexistent_time", "underretning", 0, "u1", "received-at", 4));
    CHECK(problem_is(1, "invalid_value", "kvittering", 1, "k1", "at", 5));
    CHECK(problem_is(2, "unknown_ref", "kvittering", 1, "k1", "ref", 5));
    CHECK(bl_last_error_problem(&p, 1) == 1);
    CHECK(strcmp(p.message, "event 'kvittering' attribute 'at': '2024-13-01' is not a date") == 0);
    CHECK(strcmp(p.source, "bad.xml") == 0 && p.column == 17);
    /* Reading the records leaves the error as it was, and so does initialising a record. */
    CHECK(bl_input_problem_init(&p) == BL_OK);
    CHECK(bl_last_error_code() == BL_ERROR_INPUT && bl_last_error_problem_count() == 3);
    CHECK(bl_last_error_problem(&p, 3) == 0);
    CHECK(bl_last_error_problem(NULL, 0) == 0);
    /* An older caller's struct ending after `message`: the rest is not written. */
    memset(&old, 0x5a, sizeof old);
    old.struct_size = offsetof(bl_input_problem, source);
    CHECK(bl_last_error_problem(&old, 0) == 1);
    CHECK(strcmp(old.code, "nonexistent_time") == 0 && old.message != NULL);
    CHECK(old.line == 0x5a5a5a5au && old.event_index == 0x5a5a5a5a5a5a5a5aLL);
    old.struct_size = sizeof(size_t); /* covers no field */
    CHECK(bl_last_error_problem(&old, 0) == 0);

    /* Building: each call's problem at once, and every problem again at finish, by row. */
    CHECK_STATUS(bl_builder_new(&b, engine, "rows"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "c1"), BL_OK);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2015-02-01"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-02-30"), BL_ERROR_INPUT);
    CHECK(bl_last_error_problem_count() == 1);
    CHECK(problem_is(0, "invalid_value", "kvittering", 0, "", "at", 0)); /* the id is not given yet */
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "k1"), BL_OK);
    CHECK(bl_last_error_problem_count() == 0);
    /* The next begin call closes the kvittering, which lacks its ref: that call reports it. */
    CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_ERROR_INPUT);
    CHECK(bl_last_error_problem_count() == 1);
    CHECK(problem_is(0, "missing_attribute", "kvittering", 0, "k1", "ref", 0));
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "received-at", "2024-01-05T09:00"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "notifier", "teacher"), BL_ERROR_INPUT);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT);
    CHECK(kase == NULL);
    CHECK(bl_last_error_problem_count() == 3);
    CHECK(problem_is(0, "invalid_value", "kvittering", 0, "k1", "at", 0)); /* named now */
    CHECK(problem_is(1, "missing_attribute", "kvittering", 0, "k1", "ref", 0));
    CHECK(problem_is(2, "invalid_value", "underretning", 1, "u1", "notifier", 0));
    bl_builder_free(b);

    /* Every problem at finish in one round: a bad value and an unknown reference together; a
       reference to the event refused for its value is no second problem. */
    CHECK_STATUS(bl_builder_new(&b, engine, "round"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "c1"), BL_OK);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2015-02-01"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "underretning"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "received-at", "2024-13-01"), BL_ERROR_INPUT);
    CHECK_STATUS(bl_builder_begin_event(b, "kvittering"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "k1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-04-04"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "ref", "u1"), BL_OK);
    CHECK_STATUS(bl_builder_begin_event(b, "tilbagemelding"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "id", "t1"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "at", "2024-05-01"), BL_OK);
    CHECK_STATUS(bl_builder_event_attribute(b, "ref", "u9"), BL_OK);
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_ERROR_INPUT);
    CHECK(kase == NULL);
    CHECK(bl_last_error_problem_count() == 2);
    CHECK(problem_is(0, "invalid_value", "underretning", 0, "u1", "received-at", 0));
    CHECK(problem_is(1, "unknown_ref", "tilbagemelding", 2, "t1", "ref", 0));
    CHECK(bl_last_error_problem(&p, 1) == 1);
    CHECK(strcmp(p.message, "event 'tilbagemelding' attribute 'ref': no event has id 'u9'") == 0);
    bl_builder_free(b);

    /* A failure that is not about input keeps no records. */
    CHECK_STATUS(bl_case_load_file(&kase, engine, "/nonexistent/case.xml"), BL_ERROR_IO);
    CHECK(bl_last_error_problem_count() == 1);
    CHECK(problem_is(0, "io", "", -1, "", "", 0));
    CHECK_STATUS(bl_case_load_file(NULL, engine, "x.xml"), BL_ERROR_ARGUMENT);
    CHECK(bl_last_error_problem_count() == 0);
}

int main(void) {
    CHECK_STATUS(bl_engine_new(&engine, NULL), BL_OK);
    test_problems();
    test_same_findings();
    test_same_messages();
    test_out_of_order();
    test_bad_values();
    bl_engine_free(engine);
    return check_result();
}
