/* Copenhagen local time through the C API (C99): bl_time_parse, bl_time_from_local and
 * bl_time_format against glibc's own reading of the tz database (localtime_r under
 * TZ=Europe/Copenhagen, a second implementation), across the years the calendar covers; and the
 * loader's refusals of the spring gap and the autumn overlap, word for word. */
#define _DEFAULT_SOURCE /* glibc: tm_gmtoff, setenv, localtime_r */
#include <stdlib.h>
#include <time.h>

#include "check.h"

/* "YYYY-MM-DDThh:mm:ss+hh:mm" from glibc, the oracle. */
static void oracle_format(char out[64], int64_t instant, struct tm *local) {
    const time_t t = (time_t)instant;
    long offset;
    localtime_r(&t, local);
    offset = local->tm_gmtoff / 60;
    snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", local->tm_year + 1900,
             local->tm_mon + 1, local->tm_mday, local->tm_hour, local->tm_min, local->tm_sec, offset < 0 ? '-' : '+',
             labs(offset) / 60, labs(offset) % 60);
}

/* Whether the wall-clock time of `instant` also occurs an hour before or after (the overlap). */
static int repeated(int64_t instant, const struct tm *local) {
    int d;
    for (d = -1; d <= 1; d += 2) {
        const time_t other = (time_t)(instant + d * 3600);
        struct tm o;
        localtime_r(&other, &o);
        if (o.tm_year == local->tm_year && o.tm_yday == local->tm_yday && o.tm_hour == local->tm_hour &&
            o.tm_min == local->tm_min && o.tm_sec == local->tm_sec)
            return 1;
    }
    return 0;
}

/* Every instant from 1916 (the first summer time) to 2199 in steps of 1 h 37 min 11 s (which
 * walk through every minute and hour of the day), and the seconds around every clock change
 * 1970-2100: formatted as glibc does; read back from the text and from its parts. */
static void against_glibc(const bl_engine *e) {
    const int64_t first = -1704153600, last = 7258114799; /* 1916-01-01, 2199-12-31T22:59:59Z (the last Copenhagen hour of 2199) */
    int64_t t;
    long compared = 0, overlaps = 0, mismatches = 0;
    for (t = first; t <= last && mismatches < 10; t += 5831) {
        char want[64], got[BL_TIME_TEXT_SIZE];
        struct tm local;
        int64_t back = 0;
        bl_status s;
        oracle_format(want, t, &local);
        CHECK_STATUS(bl_time_format(got, sizeof got, e, t), BL_OK);
        if (strcmp(want, got) != 0) {
            fprintf(stderr, "bl_time_format(%lld) = %s, glibc says %s\n", (long long)t, got, want);
            ++mismatches;
        }
        CHECK_STATUS(bl_time_parse(&back, e, got), BL_OK);
        CHECK(back == t);
        s = bl_time_from_local(&back, e, local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                               local.tm_min, local.tm_sec);
        if (repeated(t, &local)) {
            CHECK(s == BL_ERROR_INPUT);
            ++overlaps;
        } else if (s != BL_OK || back != t) {
            fprintf(stderr, "bl_time_from_local(%s) = %lld (%s), expected %lld\n", want, (long long)back,
                    bl_last_error_message(), (long long)t);
            ++mismatches;
        }
        ++compared;
    }
    CHECK(mismatches == 0);
    CHECK(compared > 1500000);
    CHECK(overlaps > 100); /* the walk passed through autumn overlaps */
}

static void known_values(const bl_engine *e) {
    char text[BL_TIME_TEXT_SIZE];
    int64_t t = 0;
    CHECK_STATUS(bl_time_parse(&t, e, "2024-11-20T09:00"), BL_OK);
    CHECK(t == 1732089600);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-11-20"), BL_OK); /* the start of the Copenhagen day */
    CHECK(t == 1732057200);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-06-20T12:00:30"), BL_OK);
    CHECK(t == 1718877630);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-10-27T02:30+02:00"), BL_OK); /* the overlap, with its offset */
    CHECK(t == 1729989000);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-10-27T01:30Z"), BL_OK);
    CHECK(t == 1729992600);
    CHECK_STATUS(bl_time_format(text, sizeof text, e, 1729992600), BL_OK);
    CHECK(strcmp(text, "2024-10-27T02:30:00+01:00") == 0);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 3, 31, 3, 0, 0), BL_OK); /* the first minute after the gap */
    CHECK(t == 1711846800);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 2, 29, 23, 59, 59), BL_OK);
    CHECK(t == 1709247599);
}

static void refusals(const bl_engine *e) {
    char text[BL_TIME_TEXT_SIZE] = "x";
    int64_t t = 42;
    CHECK_STATUS(bl_time_parse(&t, e, "2024-03-31T02:30"), BL_ERROR_INPUT);
    CHECK(strcmp(bl_last_error_message(), "bl_time_parse: '2024-03-31T02:30' does not exist in Copenhagen time (the "
                                           "clocks skip 02:00-03:00); give a UTC offset") == 0);
    CHECK(t == 0);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 10, 27, 2, 30, 0), BL_ERROR_INPUT);
    CHECK(strcmp(bl_last_error_message(), "bl_time_from_local: '2024-10-27T02:30:00' occurs twice in Copenhagen time "
                                           "(the clocks go back at 03:00); give a UTC offset: +02:00 for the first, "
                                           "+01:00 for the second") == 0);
    /* 15 May 1940: the clocks went from 00:00 straight to 01:00. */
    CHECK_STATUS(bl_time_from_local(&t, e, 1940, 5, 15, 0, 30, 0), BL_ERROR_INPUT);
    CHECK_MESSAGE("the clocks skip 00:00-01:00");
    CHECK_STATUS(bl_time_parse(&t, e, "2024-13-01"), BL_ERROR_INPUT);
    CHECK(strcmp(bl_last_error_message(), "bl_time_parse: '2024-13-01' is not a date") == 0);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-11-20 09:00"), BL_ERROR_INPUT);
    CHECK_MESSAGE("is not a date or time (YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][+hh:mm|Z])");
    CHECK_STATUS(bl_time_parse(&t, e, "1899-12-31"), BL_ERROR_INPUT);
    CHECK_MESSAGE("is outside the years 1900-2199");
    CHECK_STATUS(bl_time_parse(&t, e, ""), BL_ERROR_INPUT);
    CHECK_STATUS(bl_time_parse(&t, e, "2024-11-20T09:00\xff"), BL_ERROR_INPUT);
    CHECK_MESSAGE("(not valid UTF-8)");
    /* A CPR number given where a time belongs is not echoed. */
    CHECK_STATUS(bl_time_parse(&t, e, "010203-1234"), BL_ERROR_INPUT);
    CHECK(strstr(bl_last_error_message(), "010203") == NULL);

    CHECK_STATUS(bl_time_from_local(&t, e, 2023, 2, 29, 12, 0, 0), BL_ERROR_ARGUMENT);
    CHECK(strcmp(bl_last_error_message(), "bl_time_from_local: 2023-02-29 is not a day of the calendar") == 0);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 13, 1, 12, 0, 0), BL_ERROR_ARGUMENT);
    CHECK(strcmp(bl_last_error_message(), "bl_time_from_local: month 13 is outside 1-12") == 0);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 1, 1, 24, 0, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_from_local(&t, e, 2024, 1, 1, 0, 0, 60), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_from_local(&t, e, 2200, 1, 1, 0, 0, 0), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("year 2200 is outside 1900-2199");

    CHECK_STATUS(bl_time_format(text, BL_TIME_TEXT_SIZE - 1, e, 0), BL_ERROR_RANGE);
    CHECK(text[0] == '\0');
    CHECK_STATUS(bl_time_format(text, sizeof text, e, (int64_t)-2208988801LL), BL_ERROR_ARGUMENT);
    CHECK_MESSAGE("outside the years 1900-2199");
    CHECK_STATUS(bl_time_format(NULL, 0, e, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_format(text, sizeof text, NULL, 0), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_parse(NULL, e, "2024-01-01"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_parse(&t, NULL, "2024-01-01"), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_parse(&t, e, NULL), BL_ERROR_ARGUMENT);
    CHECK_STATUS(bl_time_from_local(NULL, e, 2024, 1, 1, 0, 0, 0), BL_ERROR_ARGUMENT);
}

int main(void) {
    bl_engine *e = NULL;
    /* The oracle's time zone. The library never reads TZ: it gives the same answers whatever
     * this is, which the walk shows by running under a zone that is not Copenhagen as well. */
    setenv("TZ", "America/New_York", 1);
    tzset();
    CHECK_STATUS(bl_engine_new(&e, NULL), BL_OK);
    known_values(e);
    refusals(e);
    setenv("TZ", "Europe/Copenhagen", 1);
    tzset();
    against_glibc(e);
    bl_engine_free(e);
    return check_result();
}
