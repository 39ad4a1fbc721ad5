/* Pre-checking a proposed decision (C99): it is flagged when the child's views are not on file
 * and passes BL-BARN-VIEWS once a boernesamtale is; only findings about the decision are
 * returned; the case is not changed; wrong input gets the loader's messages. */
#include "check.h"

static bl_engine *engine = NULL;

#define CASE_HEAD                                                                                      \
    "<case xmlns='urn:barnetslov:case:1' id='2024-0415'>\n"                                            \
    "  <child id='barn' birth-date='2013-03-09'/>\n"                                                   \
    "  <events>\n"                                                                                     \
    "    <underretning id='u1' received-at='2024-04-03T12:00' notifier='private'/>\n"                  \
    "    <akutvurdering id='a1' at='2024-04-03T17:30' ref='u1' danger='false' acute-measures='false'/>\n" \
    "    <undersoegelse id='bfu1' at='2024-04-08' ref='u1'/>\n"                                        \
    "    <undersoegelse-afsluttet id='bfu1-end' at='2024-06-28' ref='bfu1' outcome='supportive-measure'/>\n"
#define CASE_TAIL "  </events>\n</case>\n"

static const char without_views[] = CASE_HEAD CASE_TAIL;
static const char with_views[] = CASE_HEAD "    <boernesamtale id='bs1' at='2024-06-30' method='conversation'/>\n" CASE_TAIL;
static const char already_used[] = CASE_HEAD "    <boernesamtale id='proposed-decision' at='2024-06-30'/>\n" CASE_TAIL;

static const int64_t decision_at = 1719907200; /* 2024-07-02 10:00 Copenhagen */
static const int64_t before = 1719792000;      /* 2024-07-01 02:00 Copenhagen */
static const int64_t after = 1720000000;       /* 2024-07-03 11:46 Copenhagen */

static bl_case *load(const char *xml, size_t size) {
    bl_case *kase = NULL;
    CHECK_STATUS(bl_case_load_buffer(&kase, engine, xml, size, "precheck.xml"), BL_OK);
    return kase;
}

static bl_proposed_decision decision(void) {
    bl_proposed_decision d = BL_PROPOSED_DECISION_INIT;
    d.at = decision_at;
    d.kind = "supportive-measure";
    d.refs = "bfu1-end";
    return d;
}

/* The status BL-BARN-VIEWS gives the proposed decision, or -1 when it gives none. */
static int views_status(const bl_report *report) {
    size_t i, k;
    int status = -1;
    for (i = 0; i < bl_report_count(report); ++i) {
        const bl_finding *f = NULL;
        int concerns = 0;
        CHECK_STATUS(bl_report_finding(&f, report, i), BL_OK);
        /* Every finding is about the proposed decision: its subject, or one of its events. */
        for (k = 0; k < bl_finding_event_count(f); ++k) {
            const char *id = NULL;
            CHECK_STATUS(bl_finding_event(&id, NULL, NULL, NULL, f, k), BL_OK);
            if (strcmp(id, BL_PROPOSED_DECISION_ID) == 0) concerns = 1;
        }
        CHECK(concerns || strcmp(bl_finding_subject_id(f), BL_PROPOSED_DECISION_ID) == 0);
        if (strcmp(bl_finding_rule_id(f), "BL-BARN-VIEWS") == 0) {
            CHECK(strcmp(bl_finding_subject_id(f), BL_PROPOSED_DECISION_ID) == 0);
            status = (int)bl_finding_status_of(f);
        }
    }
    return status;
}

static size_t rule_count(const bl_report *report, const char *rule) {
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    bl_finding_iter *it = NULL;
    size_t n;
    filter.rule_id = rule;
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    n = bl_finding_iter_count(it);
    bl_finding_iter_free(it);
    return n;
}

static void test_flags_missing_views(void) {
    bl_case *kase = load(without_views, sizeof without_views - 1);
    bl_proposed_decision d = decision();
    bl_report *report = NULL, *full = NULL;
    const bl_finding *f = NULL;
    bl_finding_iter *it = NULL;
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    char *json = NULL;
    size_t events = bl_case_event_count(kase);

    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    CHECK(views_status(report) == BL_VIOLATED);
    CHECK(bl_report_has_problems(report) == 1);
    filter.rule_id = "BL-BARN-VIEWS";
    CHECK_STATUS(bl_report_findings(&it, report, &filter), BL_OK);
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    CHECK(f != NULL && strcmp(bl_finding_reason(f), "views_missing") == 0);
    CHECK(strcmp(bl_finding_message(f, BL_LANG_EN), "There is no record of the child's views before the decision.") == 0);
    bl_finding_iter_free(it);
    /* Judged once the decision exists, not before it. */
    CHECK(bl_report_as_of(report) == decision_at);
    CHECK_STATUS(bl_report_to_json(&json, NULL, report), BL_OK);
    CHECK(json != NULL && strstr(json, "\"proposed-decision\"") != NULL);
    bl_string_free(json);
    bl_report_free(report);

    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, after), BL_OK);
    CHECK(bl_report_as_of(report) == after);
    /* Findings about the case's own events (the underretning's 24-hour assessment) are left out. */
    CHECK_STATUS(bl_evaluate(&full, engine, kase, after), BL_OK);
    CHECK(rule_count(full, "BL-UND-24H") == 1 && rule_count(report, "BL-UND-24H") == 0);
    CHECK(bl_report_count(report) > 0);
    bl_report_free(full);
    bl_report_free(report);

    /* The case is not changed, and can be pre-checked again. */
    CHECK(bl_case_event_count(kase) == events);
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    CHECK(views_status(report) == BL_VIOLATED);
    bl_report_free(report);
    bl_case_free(kase);
}

static void test_passes_with_views(void) {
    bl_case *kase = load(with_views, sizeof with_views - 1);
    bl_proposed_decision d = decision();
    bl_report *report = NULL;
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    CHECK(views_status(report) == BL_MET);
    bl_report_free(report);

    /* A conversation after the decision does not count. */
    d.at = 1719648000; /* 2024-06-29 10:00 Copenhagen, before bs1 */
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    CHECK(views_status(report) == BL_VIOLATED);
    bl_report_free(report);
    bl_case_free(kase);
}

static void test_wrong_input(void) {
    static const char *const bad_flag[] = {"has-reasons", "maybe", NULL};
    static const char *const no_value[] = {"has-reasons", NULL};
    static const char *const good[] = {"has-reasons", "true", "section", "§ 32 stk. 1 nr. 3", NULL};
    bl_case *kase = load(without_views, sizeof without_views - 1);
    bl_case *used = load(already_used, sizeof already_used - 1);
    bl_proposed_decision d = decision();
    bl_report *report = NULL;

    d.kind = "nonsense";
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_ERROR_INPUT);
    CHECK_MESSAGE("precheck.xml: event 'afgoerelse' attribute 'kind': 'nonsense' is not one of: ");
    d = decision();
    d.refs = "bfu1 u9";
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_ERROR_INPUT);
    CHECK_MESSAGE("no event has id 'u9'");
    d = decision();
    d.attributes = bad_flag;
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_ERROR_INPUT);
    CHECK_MESSAGE("event 'afgoerelse' attribute 'has-reasons': 'maybe' is not one of: true, false");
    d.attributes = no_value;
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("'has-reasons' has no value");
    d.attributes = good;
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    bl_report_free(report);
    report = NULL;
    d = decision();
    CHECK_STATUS(bl_precheck_decision(&report, engine, used, &d, before), BL_ERROR_INPUT);
    CHECK_MESSAGE("duplicate id 'proposed-decision'");
    CHECK(report == NULL);
    bl_case_free(kase);
    bl_case_free(used);
}

/* The rule ids of one pre-check list, space separated, in the report's order. */
static void list_rules(char *out, size_t size, const bl_report *report, bl_precheck_list list) {
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    out[0] = '\0';
    CHECK_STATUS(bl_precheck_findings(&it, report, list), BL_OK);
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) {
        strncat(out, bl_finding_rule_id(f), size - strlen(out) - 2);
        strncat(out, " ", size - strlen(out) - 1);
    }
    bl_finding_iter_free(it);
}

/* Issue 16: complaint guidance comes with the decision, so it is never blocking; the child's views
 * are due before it, so without them the decision blocks on exactly that, and with them on nothing. */
static void test_lists_by_phase(void) {
    char blocking[512], include[512];
    bl_case *kase = load(without_views, sizeof without_views - 1);
    bl_proposed_decision d = decision();
    bl_report *report = NULL;
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    list_rules(blocking, sizeof blocking, report, BL_PRECHECK_BLOCKING);
    list_rules(include, sizeof include, report, BL_PRECHECK_TO_INCLUDE);
    CHECK(strstr(blocking, "BL-BARN-VIEWS ") != NULL);
    CHECK(strstr(blocking, "BL-KLAGE-WHO") == NULL);
    CHECK(strstr(include, "BL-KLAGE-WHO ") != NULL);
    CHECK(strstr(include, "BL-AFG-KLVEJL ") != NULL);
    bl_finding_iter *it = NULL;
    const bl_finding *f = NULL;
    CHECK_STATUS(bl_precheck_findings(&it, report, BL_PRECHECK_BLOCKING), BL_OK);
    while (bl_finding_iter_next(&f, it) == BL_OK && f != NULL) CHECK(bl_finding_phase(f) == BL_PHASE_BEFORE);
    bl_finding_iter_free(it);
    CHECK_STATUS(bl_precheck_findings(&it, report, (bl_precheck_list)7), BL_ERROR_ARGUMENT);
    CHECK(it == NULL);
    CHECK(bl_finding_phase(NULL) == BL_PHASE_NONE);
    bl_report_free(report);

    /* A report that is not a pre-check's has no lists. */
    CHECK_STATUS(bl_evaluate(&report, engine, kase, after), BL_OK);
    CHECK_STATUS(bl_precheck_findings(&it, report, BL_PRECHECK_BLOCKING), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("not a pre-check's");
    bl_report_free(report);
    bl_case_free(kase);

    kase = load(with_views, sizeof with_views - 1);
    CHECK_STATUS(bl_precheck_decision(&report, engine, kase, &d, before), BL_OK);
    list_rules(blocking, sizeof blocking, report, BL_PRECHECK_BLOCKING);
    CHECK(strstr(blocking, "BL-BARN-VIEWS") == NULL);
    bl_report_free(report);
    bl_case_free(kase);
}

/* Any event, not only a decision: a plan proposed for the decision, in its element's words. */
static void test_proposed_event(void) {
    static const char xml[] = CASE_HEAD "    <boernesamtale id='bs1' at='2024-06-30' method='conversation'/>\n"
                                        "    <afgoerelse id='d1' at='2024-07-02T10:00' kind='supportive-measure' plan='plan'/>\n" CASE_TAIL;
    static const char *const plan[] = {"at", "2024-08-01", "kind", "barnets-plan", "ref", "d1", NULL};
    static const char *const bad[] = {"at", "2024-08-01", "kind", "a-plan", NULL};
    bl_case *kase = load(xml, sizeof xml - 1);
    bl_proposed_event e = BL_PROPOSED_EVENT_INIT;
    bl_report *report = NULL;
    e.element = "plan";
    e.attributes = plan;
    CHECK_STATUS(bl_precheck_event(&report, engine, kase, &e, after), BL_OK);
    CHECK(rule_count(report, "BL-PLAN-32") == 1);
    bl_report_free(report);
    e.attributes = bad;
    CHECK_STATUS(bl_precheck_event(&report, engine, kase, &e, after), BL_ERROR_INPUT);
    CHECK_MESSAGE("'a-plan' is not one of");
    CHECK(report == NULL);
    e.element = NULL;
    CHECK_STATUS(bl_precheck_event(&report, engine, kase, &e, after), BL_ERROR_ARGUMENT);
    bl_case_free(kase);
}

int main(void) {
    CHECK_STATUS(bl_engine_new(&engine, NULL), BL_OK);
    test_flags_missing_views();
    test_passes_with_views();
    test_wrong_input();
    test_lists_by_phase();
    test_proposed_event();
    bl_engine_free(engine);
    return check_result();
}
