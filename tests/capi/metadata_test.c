/* What a case system reads about rules and about what a report left out (C99): bl_rule_info for
 * every rule and for a finding's rule, and the events dated after the as-of time, which no rule
 * judged and which the report names. */
#include <stddef.h>
#include <stdlib.h>

#include "check.h"

static const char case_xml[] =
    "<case xmlns='urn:barnetslov:case:1' id='c-1'><child birth-date='2015-02-01'/><events>\n"
    "<underretning id='u1' received-at='2024-06-03T09:00' notifier='professional'/>\n"
    "<kvittering id='k1' at='2024-06-20' ref='u1'/>\n"
    "<screening id='s1' at='2024-06-21T10:00' ref='u1' outcome='no-action'/>\n"
    "</events></case>";

static void test_rule_info(const bl_engine *e) {
    bl_rule_info info = BL_RULE_INFO_INIT, old;
    size_t i, n = bl_engine_rule_count(e), with_reading = 0, with_source = 0;
    CHECK(n >= 60); /* the rules this version implements (docs/rules.md) */
    for (i = 0; i < n; ++i) {
        bl_rule_info again = BL_RULE_INFO_INIT;
        CHECK_STATUS(bl_engine_rule(&info, e, i), BL_OK);
        CHECK(strncmp(info.id, "BL-", 3) == 0);
        CHECK(info.title_en[0] != '\0' && info.title_da[0] != '\0' && info.chapter[0] != '\0');
        CHECK(strcmp(info.severity, "error") == 0 || strcmp(info.severity, "warning") == 0 || strcmp(info.severity, "info") == 0);
        CHECK(strcmp(info.confidence, "CONFIRMED") == 0 || strcmp(info.confidence, "CONFIRMED-OLD") == 0 ||
              strcmp(info.confidence, "INFERRED") == 0 || strcmp(info.confidence, "UNCONFIRMED") == 0);
        CHECK(info.statuses != 0 && (info.statuses >> (BL_INDETERMINATE + 1)) == 0);
        CHECK(info.phase >= BL_PHASE_NONE && info.phase <= BL_PHASE_AFTER);
        with_reading += info.reading[0] != '\0';
        with_source += info.statute_source[0] != '\0';
        /* By id: the same record. */
        CHECK_STATUS(bl_engine_rule_by_id(&again, e, info.id), BL_OK);
        CHECK(again.id == info.id && again.section == info.section);
    }
    CHECK(with_source == n); /* every rule has its statute record */
    CHECK(with_reading > 0);

    CHECK_STATUS(bl_engine_rule_by_id(&info, e, "BL-UND-24H"), BL_OK);
    CHECK(strcmp(info.section, "barnets lov § 136") == 0);
    CHECK(strcmp(info.severity, "error") == 0);
    CHECK(info.phase == BL_PHASE_NONE);
    CHECK((info.statuses & BL_FINDING_STATUS_BIT(BL_LATE)) && (info.statuses & BL_FINDING_STATUS_BIT(BL_PENDING)));
    CHECK_STATUS(bl_engine_rule_by_id(&info, e, "BL-BARN-VIEWS"), BL_OK);
    CHECK(info.phase == BL_PHASE_BEFORE);

    /* An older caller's struct ending after `severity`: nothing past it is written. */
    memset(&old, 0x5a, sizeof old);
    old.struct_size = offsetof(bl_rule_info, confidence);
    CHECK_STATUS(bl_engine_rule_by_id(&old, e, "BL-UND-24H"), BL_OK);
    CHECK(strcmp(old.severity, "error") == 0);
    CHECK(old.phase == (bl_phase)0x5a5a5a5a && old.statuses == 0x5a5a5a5au);

    CHECK_STATUS(bl_engine_rule(&info, e, n), BL_ERROR_RANGE);
    CHECK_STATUS(bl_engine_rule_by_id(&info, e, "BL-NO-SUCH"), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("no rule has id 'BL-NO-SUCH'");
    info.struct_size = sizeof(size_t);
    CHECK_STATUS(bl_engine_rule(&info, e, 0), BL_ERROR_ARGUMENT);
    info.struct_size = sizeof info + 8;
    CHECK_STATUS(bl_engine_rule(&info, e, 0), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("newer barnetslov.h");
}

static void test_events_after_as_of(const bl_engine *e) {
    bl_case *kase = NULL;
    bl_report *before = NULL, *after = NULL;
    bl_finding_iter *it = NULL;
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    const bl_finding *f = NULL;
    bl_rule_info info = BL_RULE_INFO_INIT;
    const char *id = NULL, *element = NULL;
    int64_t at = 0, as_of = 0;
    uint32_t line = 0;
    char *json = NULL;
    CHECK_STATUS(bl_case_load_buffer(&kase, e, case_xml, sizeof case_xml - 1, "later.xml"), BL_OK);

    /* As of 12 June noon the kvittering (20 June) and the screening are still to come: not judged,
     * and said so; the kvittering duty is open (pending), not met. */
    CHECK_STATUS(bl_time_parse(&as_of, e, "2024-06-12T12:00"), BL_OK);
    CHECK_STATUS(bl_evaluate(&before, e, kase, as_of), BL_OK);
    CHECK(bl_report_events_after_as_of(before) == 2);
    CHECK_STATUS(bl_report_event_after_as_of(&id, &element, &at, &line, before, 0), BL_OK);
    CHECK(strcmp(id, "k1") == 0 && strcmp(element, "kvittering") == 0 && line == 3);
    CHECK_STATUS(bl_time_parse(&as_of, e, "2024-06-20"), BL_OK);
    CHECK(at == as_of);
    CHECK_STATUS(bl_report_event_after_as_of(&id, NULL, NULL, NULL, before, 1), BL_OK);
    CHECK(strcmp(id, "s1") == 0);
    CHECK_STATUS(bl_report_event_after_as_of(&id, NULL, NULL, NULL, before, 2), BL_ERROR_RANGE);
    CHECK(id == NULL);
    filter.rule_id = "BL-UND-KVIT";
    CHECK_STATUS(bl_report_findings(&it, before, &filter), BL_OK);
    CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
    CHECK(f != NULL && bl_finding_status_of(f) == BL_PENDING);
    CHECK_STATUS(bl_finding_rule(&info, f), BL_OK);
    CHECK(strcmp(info.id, "BL-UND-KVIT") == 0 && info.statute_source[0] != '\0');
    bl_finding_iter_free(it);
    CHECK_STATUS(bl_report_to_json(&json, NULL, before), BL_OK);
    CHECK(strstr(json, "\"events_after_as_of\": [") != NULL && strstr(json, "\"id\": \"k1\"") != NULL);
    bl_string_free(json);

    /* The same as planned: the kvittering, due 12 June (6 hverdage, grundlovsdag a holiday), is
     * planned for 20 June: late, as planned; a duty no planned event touches is as before. */
    {
        bl_evaluate_options o = BL_EVALUATE_OPTIONS_INIT;
        bl_report *planned = NULL;
        size_t i, flagged = 0;
        CHECK_STATUS(bl_time_parse(&as_of, e, "2024-06-12T12:00"), BL_OK);
        o.planned = BL_PLANNED_AS_PROPOSED;
        CHECK_STATUS(bl_evaluate_with(&planned, e, kase, as_of, &o), BL_OK);
        CHECK(bl_report_events_after_as_of(planned) == 2);
        CHECK_STATUS(bl_report_findings(&it, planned, &filter), BL_OK);
        CHECK_STATUS(bl_finding_iter_next(&f, it), BL_OK);
        CHECK(f != NULL && bl_finding_status_of(f) == BL_LATE && bl_finding_planned(f) == 1);
        bl_finding_iter_free(it);
        for (i = 0; i < bl_report_count(planned); ++i) {
            bl_report_finding(&f, planned, i);
            flagged += (size_t)bl_finding_planned(f);
        }
        CHECK(flagged >= 1 && flagged < bl_report_count(planned));
        CHECK_STATUS(bl_report_to_json(&json, NULL, planned), BL_OK);
        CHECK(strstr(json, "\"planned\": true") != NULL);
        bl_string_free(json);
        bl_report_free(planned);
        /* The default, and NULL options, judge nothing planned. */
        o.planned = BL_PLANNED_NOT_JUDGED;
        CHECK_STATUS(bl_evaluate_with(&planned, e, kase, as_of, &o), BL_OK);
        for (i = 0; i < bl_report_count(planned); ++i) {
            bl_report_finding(&f, planned, i);
            CHECK(bl_finding_planned(f) == 0);
        }
        bl_report_free(planned);
        CHECK_STATUS(bl_evaluate_with(&planned, e, kase, as_of, NULL), BL_OK);
        bl_report_free(planned);
        o.planned = (bl_planned)7;
        CHECK_STATUS(bl_evaluate_with(&planned, e, kase, as_of, &o), BL_ERROR_ARGUMENT);
        CHECK_MESSAGE("options->planned 7 is not a bl_planned");
    }

    /* As of the end of June, nothing is left out. */
    CHECK_STATUS(bl_time_parse(&as_of, e, "2024-06-30"), BL_OK);
    CHECK_STATUS(bl_evaluate(&after, e, kase, as_of), BL_OK);
    CHECK(bl_report_events_after_as_of(after) == 0);
    bl_report_free(before);
    bl_report_free(after);
    bl_case_free(kase);
}

int main(void) {
    bl_engine *e = NULL;
    CHECK_STATUS(bl_engine_new(&e, NULL), BL_OK);
    test_rule_info(e);
    test_events_after_as_of(e);
    bl_engine_free(e);
    return check_result();
}
