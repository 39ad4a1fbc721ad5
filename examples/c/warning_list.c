/* A case system's warning list, in C99 over libbarnetslov.so.1.
 *
 * The case lives in the vendor's database, not in a file: its rows are handed to the case
 * builder as they are, the case is evaluated, and the deadlines still ahead are listed earliest
 * first, then the open duties the law sets no time for, as a caseworker's start page would show
 * them. Then a decision the caseworker is about to make is pre-checked, so the system can stop it
 * before it is made. Times are Copenhagen local times, as the vendor's tables hold them; the
 * library converts them (bl_time_*), so the program never touches TZ.
 *
 * Usage: warning_list [AS_OF]    AS_OF a Copenhagen local time; default 2025-01-15T12:00.
 * Exit code: 0, or 1 when the library reports an error. */
#include <stdio.h>

#include "barnetslov.h"

/* One row of the vendor's event table: the element name, then name/value pairs up to NULL. */
struct event_row {
    const char *element;
    const char *attributes[13];
};

static const struct event_row events[] = {
    {"underretning", {"id", "u1", "received-at", "2024-11-20T09:00", "notifier", "professional", "notifier-role", "school",
                      "channel", "digital", NULL}},
    {"akutvurdering", {"id", "a1", "at", "2024-11-20T14:00", "ref", "u1", "danger", "false", "acute-measures", "false", NULL}},
    {"kvittering", {"id", "k1", "at", "2024-11-22", "ref", "u1", NULL}},
    {"undersoegelse", {"id", "bfu1", "at", "2024-11-26", "ref", "u1", NULL}},
    {"underretning", {"id", "u2", "received-at", "2025-01-14T10:30", "notifier", "professional", "notifier-role", "doctor",
                      "channel", "phone", NULL}},
    {"akutvurdering", {"id", "a2", "at", "2025-01-14T15:00", "ref", "u2", "danger", "false", "acute-measures", "false", NULL}},
};

static int fail(const char *what) {
    fprintf(stderr, "%s: %s\n%s\n", what, bl_status_name(bl_last_error_code()), bl_last_error_message());
    return 1;
}

/* Every call's status could be checked; checking the last one is enough, because the builder
 * keeps every problem and bl_builder_finish reports them all. */
static bl_case *build_case(const bl_engine *engine) {
    bl_builder *b = NULL;
    bl_case *kase = NULL;
    size_t i, k;
    if (bl_builder_new(&b, engine, "case 2024-0655") != BL_OK) return NULL;
    bl_builder_case_attribute(b, "id", "2024-0655");
    bl_builder_case_attribute(b, "municipality", "0851");
    bl_builder_begin_child(b);
    bl_builder_child_attribute(b, "birth-date", "2012-10-10");
    for (i = 0; i < sizeof events / sizeof events[0]; ++i) {
        bl_builder_begin_event(b, events[i].element);
        for (k = 0; events[i].attributes[k] != NULL; k += 2)
            bl_builder_event_attribute(b, events[i].attributes[k], events[i].attributes[k + 1]);
    }
    bl_builder_finish(&kase, b);
    bl_builder_free(b);
    return kase;
}

static int print_warning_list(const bl_engine *engine, const bl_report *report) {
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    const char *id = NULL, *element = NULL, *counting = NULL;
    char due_text[BL_TIME_TEXT_SIZE];
    int64_t due = 0;
    int n = 0;
    if (bl_report_deadlines_ahead(&it, report) != BL_OK) return fail("bl_report_deadlines_ahead");
    printf("Deadlines ahead, earliest first (%lu):\n", (unsigned long)bl_finding_iter_count(it));
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) {
        bl_finding_event(&id, &element, NULL, NULL, f, 0);
        bl_finding_text(&counting, f, BL_TEXT_COUNTING, BL_LANG_EN);
        bl_finding_due(f, &due);
        if (bl_time_format(due_text, sizeof due_text, engine, due) != BL_OK) return fail("bl_time_format");
        printf("  %d. %-12s %s '%s': %s\n", ++n, bl_finding_rule_id(f), element, id, bl_finding_message(f, BL_LANG_EN));
        printf("     due %s: %s\n", due_text, counting);
    }
    bl_finding_iter_free(it);
    if (bl_report_open_duties(&it, report) != BL_OK) return fail("bl_report_open_duties");
    printf("Open duties without a deadline (%lu):\n", (unsigned long)bl_finding_iter_count(it));
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) {
        bl_finding_event(&id, &element, NULL, NULL, f, 0);
        printf("  - %-12s %s '%s': %s\n", bl_finding_rule_id(f), element, id, bl_finding_message(f, BL_LANG_EN));
    }
    bl_finding_iter_free(it);
    return 0;
}

static int precheck(const bl_engine *engine, const bl_case *kase, int64_t as_of) {
    static const char *const attributes[] = {"section", "§ 32 stk. 1 nr. 3", "has-reasons", "true",
                                             "has-klagevejledning", "true", NULL};
    bl_proposed_decision decision = BL_PROPOSED_DECISION_INIT;
    bl_report *report = NULL;
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    size_t i, problems = 0;
    if (bl_time_from_local(&decision.at, engine, 2025, 1, 20, 10, 0, 0) != BL_OK) return fail("bl_time_from_local");
    decision.kind = "supportive-measure";
    decision.refs = "bfu1";
    decision.attributes = attributes;
    if (bl_precheck_decision(&report, engine, kase, &decision, as_of) != BL_OK) return fail("bl_precheck_decision");
    printf("Pre-check of a supportive-measure decision on 2025-01-20:\n");
    for (i = 0; i < bl_report_count(report); ++i) {
        bl_report_finding(&f, report, i);
        printf("  %-10s %-22s %s\n", bl_finding_status_name(f), bl_finding_rule_id(f), bl_finding_message(f, BL_LANG_EN));
    }
    /* Only what is due before the decision stops it; what the decision must carry is for its letter. */
    if (bl_precheck_findings(&it, report, BL_PRECHECK_BLOCKING) != BL_OK) {
        bl_report_free(report);
        return fail("bl_precheck_findings");
    }
    problems = bl_finding_iter_count(it);
    bl_finding_iter_free(it);
    if (problems)
        printf("  => stop: %lu duty(ies) due before the decision not done\n", (unsigned long)problems);
    else
        printf("  => no objection\n");
    if (bl_precheck_findings(&it, report, BL_PRECHECK_TO_INCLUDE) != BL_OK) {
        bl_report_free(report);
        return fail("bl_precheck_findings");
    }
    for (f = NULL; bl_finding_iter_next(&f, it) == BL_OK && f != NULL;) printf("  include    %s\n", bl_finding_rule_id(f));
    bl_finding_iter_free(it);
    bl_report_free(report);
    return 0;
}

int main(int argc, char **argv) {
    bl_engine *engine = NULL;
    bl_case *kase = NULL;
    bl_report *report = NULL;
    int64_t as_of = 0;
    int rc = 0;

    if (bl_engine_new(&engine, NULL) != BL_OK) return fail("bl_engine_new");
    if (bl_time_parse(&as_of, engine, argc > 1 ? argv[1] : "2025-01-15T12:00") != BL_OK) {
        rc = fail("AS_OF");
    } else if ((kase = build_case(engine)) == NULL) {
        rc = fail("building the case");
    } else if (bl_evaluate(&report, engine, kase, as_of) != BL_OK) {
        rc = fail("bl_evaluate");
    } else {
        printf("Case %s: %lu events, %lu findings\n", bl_case_id(kase), (unsigned long)bl_case_event_count(kase),
               (unsigned long)bl_report_count(report));
        rc = print_warning_list(engine, report) || precheck(engine, kase, as_of);
    }
    bl_report_free(report);
    bl_case_free(kase);
    bl_engine_free(engine);
    return rc;
}
