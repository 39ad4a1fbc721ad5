/* Findings and iterators (C99): the getters of a finding read from a case file (events with
 * roles and lines, texts in both languages, reason, basis), the warning list sorted by due time
 * where the report's order is different, and filters by rule and status. */
#include <stdlib.h>

#include "check.h"

static bl_engine *engine = NULL;

static bl_report *evaluate_example(const char *name, int64_t as_of) {
    char path[1024];
    bl_case *kase = NULL;
    bl_report *report = NULL;
    snprintf(path, sizeof path, "%s/examples/%s", BARNETSLOV_SOURCE_DIR, name);
    CHECK_STATUS(bl_case_load_file(&kase, engine, path), BL_OK);
    CHECK_STATUS(bl_evaluate(&report, engine, kase, as_of), BL_OK);
    bl_case_free(kase);
    return report;
}

/* The first finding of `rule` whose status is `status`. */
static const bl_finding *find(const bl_report *report, const char *rule, bl_finding_status status) {
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    filter.rule_id = rule;
    filter.statuses = BL_FINDING_STATUS_BIT(status);
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    bl_finding_iter_free(it);
    CHECK(f != NULL);
    return f;
}

static void test_late_assessment(void) {
    bl_report *report = evaluate_example("03-late-24-hour-assessment.xml", 1736938800);
    const bl_finding *f = find(report, "BL-UND-24H", BL_LATE);
    const char *id = NULL, *element = NULL, *text = NULL;
    bl_event_role role = BL_ROLE_RELATED;
    uint32_t line = 0;
    int64_t margin = 0, due = 0;
    bl_margin_unit unit = BL_MARGIN_DAYS;
    size_t i;
    int fulfilment = 0;
    if (f == NULL) return;

    CHECK(strcmp(bl_finding_status_name(f), "late") == 0);
    CHECK(strcmp(bl_finding_reason(f), "done_late") == 0);
    CHECK(strcmp(bl_finding_basis(f), "") == 0);
    CHECK(strcmp(bl_finding_section(f), "barnets lov § 136") == 0);
    CHECK(strcmp(bl_finding_severity(f), "error") == 0 || strcmp(bl_finding_severity(f), "warning") == 0);
    CHECK(bl_finding_margin(f, &margin, &unit) == 1 && margin == -5400 && unit == BL_MARGIN_SECONDS);
    CHECK(bl_finding_due(f, &due) == 1 && due == 1728649800); /* 2024-10-11 14:30 Copenhagen */

    /* The subject first, with its line in the file; the assessment as the fulfilment. */
    CHECK(bl_finding_event_count(f) >= 2);
    CHECK_STATUS(bl_finding_event(&id, &element, &role, &line, f, 0), BL_OK);
    CHECK(strcmp(id, "u1") == 0 && strcmp(element, "underretning") == 0 && role == BL_ROLE_TRIGGER && line == 8);
    CHECK(strcmp(bl_finding_subject_id(f), "u1") == 0 && bl_finding_subject_line(f) == 8);
    for (i = 0; i < bl_finding_event_count(f); ++i) {
        CHECK_STATUS(bl_finding_event(&id, &element, &role, &line, f, i), BL_OK);
        if (role == BL_ROLE_FULFILMENT) fulfilment = strcmp(id, "a1") == 0 && strcmp(element, "akutvurdering") == 0 && line == 9;
    }
    CHECK(fulfilment);
    CHECK(strcmp(bl_event_role_name(BL_ROLE_FULFILMENT), "fulfilment") == 0);

    CHECK(strcmp(bl_finding_message(f, BL_LANG_EN), "Done after the deadline (late by 1 h 30 min).") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_MESSAGE, BL_LANG_DA), BL_OK);
    CHECK(strcmp(text, bl_finding_message(f, BL_LANG_DA)) == 0 && strcmp(text, bl_finding_message(f, BL_LANG_EN)) != 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_COUNTING, BL_LANG_EN), BL_OK);
    CHECK(strcmp(text, "24 hours after 2024-10-10 14:30 = 2024-10-11 14:30") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_MARGIN, BL_LANG_EN), BL_OK);
    CHECK(strcmp(text, "late by 1 h 30 min") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_SUMMARY, BL_LANG_EN), BL_OK);
    CHECK(strcmp(text, "Done after the deadline.") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_TITLE, BL_LANG_EN), BL_OK);
    CHECK(strcmp(text, "Assessment of an underretning within 24 hours") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_BASIS, BL_LANG_EN), BL_OK);
    CHECK(strcmp(text, "") == 0);
    bl_report_free(report);
}

static void test_basis(void) {
    bl_report *report = evaluate_example("05-investigation-past-4-months-with-preliminary.xml", 1736938800);
    const bl_finding *f = find(report, "BL-UNDS-4M", BL_MET);
    const char *id = NULL, *text = NULL;
    bl_event_role role = BL_ROLE_RELATED;
    size_t i;
    int exception = 0;
    if (f == NULL) return;
    CHECK(strcmp(bl_finding_basis(f), "foreloebig_vurdering") == 0);
    CHECK(strcmp(bl_finding_reason(f), "preliminary_in_time") == 0);
    CHECK_STATUS(bl_finding_text(&text, f, BL_TEXT_BASIS, BL_LANG_EN), BL_OK);
    CHECK(strstr(text, "preliminary assessment") != NULL);
    for (i = 0; i < bl_finding_event_count(f); ++i) {
        CHECK_STATUS(bl_finding_event(&id, NULL, &role, NULL, f, i), BL_OK);
        if (role == BL_ROLE_EXCEPTION) exception = strcmp(id, "fv1") == 0;
    }
    CHECK(exception);
    bl_report_free(report);
}

/* A case whose report order (BL-UND-KVIT before BL-UNDS-4M) is not its due order. */
static bl_case *two_deadlines(void) {
    static const char *const calls[] = {
        "E", "underretning", "id", "u0", "received-at", "2024-09-20T09:00", "notifier", "professional", NULL,
        "E", "akutvurdering", "id", "a0", "at", "2024-09-20T12:00", "ref", "u0", "danger", "false", "acute-measures", "false", NULL,
        "E", "kvittering", "id", "k0", "at", "2024-09-23", "ref", "u0", NULL,
        "E", "undersoegelse", "id", "bfu0", "at", "2024-09-20", "ref", "u0", NULL,
        "E", "underretning", "id", "u2", "received-at", "2025-01-14T10:30", "notifier", "professional", NULL,
        "E", "akutvurdering", "id", "a2", "at", "2025-01-14T15:00", "ref", "u2", "danger", "false", "acute-measures", "false", NULL,
        NULL};
    bl_builder *b = NULL;
    bl_case *kase = NULL;
    size_t i = 0;
    CHECK_STATUS(bl_builder_new(&b, engine, "two deadlines"), BL_OK);
    CHECK_STATUS(bl_builder_case_attribute(b, "id", "c2"), BL_OK);
    CHECK_STATUS(bl_builder_begin_child(b), BL_OK);
    CHECK_STATUS(bl_builder_child_attribute(b, "birth-date", "2012-10-10"), BL_OK);
    while (calls[i] != NULL) {
        CHECK_STATUS(bl_builder_begin_event(b, calls[i + 1]), BL_OK);
        for (i += 2; calls[i] != NULL; i += 2) CHECK_STATUS(bl_builder_event_attribute(b, calls[i], calls[i + 1]), BL_OK);
        ++i;
    }
    CHECK_STATUS(bl_builder_finish(&kase, b), BL_OK);
    bl_builder_free(b);
    return kase;
}

static void test_warning_list(void) {
    bl_case *kase = two_deadlines();
    bl_report *report = NULL;
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    size_t i, pending = 0, seen = 0;
    int64_t last_due = INT64_MIN, due = 0;
    int undated_seen = 0;
    const char *first = NULL, *second = NULL;

    CHECK_STATUS(bl_evaluate(&report, engine, kase, 1736938800), BL_OK);
    for (i = 0; i < bl_report_count(report); ++i) {
        CHECK_STATUS(bl_report_finding(&f, report, i), BL_OK);
        if (bl_finding_status_of(f) == BL_PENDING) ++pending;
    }
    CHECK_STATUS(bl_report_pending(&it, report), BL_OK);
    CHECK(bl_finding_iter_count(it) == pending && pending >= 2);
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) {
        CHECK(bl_finding_status_of(f) == BL_PENDING);
        if (seen == 0) first = bl_finding_rule_id(f);
        if (seen == 1) second = bl_finding_rule_id(f);
        ++seen;
        if (bl_finding_due(f, &due)) {
            CHECK(!undated_seen && due >= last_due); /* earliest first, undated last */
            last_due = due;
        } else {
            undated_seen = 1;
        }
    }
    CHECK(seen == pending);
    CHECK(first != NULL && strcmp(first, "BL-UNDS-4M") == 0);  /* due 2025-01-20 */
    CHECK(second != NULL && strcmp(second, "BL-UND-KVIT") == 0); /* due 2025-01-22 */
    /* At the end: NULL and BL_OK, again and again; reset starts over. */
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    CHECK(f == NULL);
    CHECK_STATUS(bl_finding_iter_reset(it), BL_OK);
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    CHECK(f != NULL && strcmp(bl_finding_rule_id(f), "BL-UNDS-4M") == 0);
    bl_finding_iter_free(it);
    bl_report_free(report);
    bl_case_free(kase);
}

static void test_filters(void) {
    bl_report *report = evaluate_example("09-open-case-with-deadlines-ahead.xml", 1736938800);
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    size_t n = 0;

    CHECK_STATUS(bl_report_findings(&it, report, NULL), BL_OK);
    CHECK(bl_finding_iter_count(it) == bl_report_count(report));
    bl_finding_iter_free(it);

    filter.rule_id = "BL-UND-24H";
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) {
        CHECK(strcmp(bl_finding_rule_id(f), "BL-UND-24H") == 0 && bl_finding_status_of(f) == BL_MET);
        ++n;
    }
    CHECK(n == 2);
    bl_finding_iter_free(it);

    filter.statuses = BL_FINDING_STATUS_BIT(BL_LATE) | BL_FINDING_STATUS_BIT(BL_MISSED);
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    CHECK(bl_finding_iter_count(it) == 0);
    bl_finding_iter_free(it);

    /* A caller compiled against a header that knew only struct_size and statuses. */
    filter.struct_size = sizeof(size_t) + sizeof(unsigned);
    filter.statuses = BL_FINDING_STATUS_BIT(BL_PENDING);
    filter.rule_id = "not read";
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    CHECK(bl_finding_iter_count(it) >= 2);
    bl_finding_iter_free(it);
    bl_report_free(report);
}

int main(void) {
    CHECK_STATUS(bl_engine_new(&engine, NULL), BL_OK);
    test_late_assessment();
    test_basis();
    test_warning_list();
    test_filters();
    bl_engine_free(engine);
    return check_result();
}
