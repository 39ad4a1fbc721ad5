package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;

import dk.barnetslov.BarnetslovException;
import dk.barnetslov.InputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Copenhagen local times read and written by the library (bl_time_*), its gap and overlap refused. */
final class TimeTests {
    private TimeTests() {}

    static void run(Check check, Fixtures fx) {
        check.test("local times, dates and offsets", () -> {
            equal(Instant.ofEpochSecond(1736938800), fx.engine.instant(LocalDateTime.of(2025, 1, 15, 12, 0)), "winter, +01:00");
            equal(Instant.ofEpochSecond(1719907200), fx.engine.instant(LocalDateTime.of(2024, 7, 2, 10, 0)), "summer, +02:00");
            equal(Instant.ofEpochSecond(1736938800), fx.engine.parseTime("2025-01-15T11:00Z"), "UTC");
            equal(Instant.ofEpochSecond(1736938800), fx.engine.parseTime("2025-01-15T12:00"), "wall clock");
            equal(Instant.ofEpochSecond(1736938800 - 12 * 3600), fx.engine.instant(LocalDate.of(2025, 1, 15)), "the start of the day");
            equal(OffsetDateTime.parse("2025-01-15T12:00:00+01:00"), fx.engine.localTime(Instant.ofEpochSecond(1736938800)), "back");
        });

        check.test("a time the clocks skip or pass twice is refused in the loader's words", () -> {
            InputException gap = raises(InputException.class, () -> fx.engine.instant(LocalDateTime.of(2024, 3, 31, 2, 30)), "gap");
            equal("BL_ERROR_INPUT", gap.status(), "status");
            contains(gap.getMessage(), "does not exist in Copenhagen time (the clocks skip 02:00-03:00); give a UTC offset", "gap");
            equal(java.util.List.of(), gap.problems(), "no case, no problem records");
            InputException twice = raises(InputException.class, () -> fx.engine.parseTime("2024-10-27T02:30"), "overlap");
            contains(twice.getMessage(), "'2024-10-27T02:30' occurs twice in Copenhagen time (the clocks go back at 03:00)", "overlap");
            // With an offset, both are readable: the first 02:30 an hour before the second.
            Instant first = fx.engine.parseTime("2024-10-27T02:30+02:00");
            Instant second = fx.engine.parseTime("2024-10-27T02:30+01:00");
            equal(Duration.ofHours(1), Duration.between(first, second), "the two 02:30s");
            raises(InputException.class, () -> fx.engine.parseTime("2024-11-20 09:00"), "not a time");
            BarnetslovException far = raises(BarnetslovException.class, () -> fx.engine.localTime(Instant.parse("2300-01-01T00:00:00Z")),
                                             "a year past 2199");
            equal("BL_ERROR_ARGUMENT", far.status(), "status");
        });

        check.test("every quarter hour around both clock changes reads back to itself", () -> {
            for (String start : new String[] {"2024-03-30T00:00:00Z", "2024-10-26T00:00:00Z", "1999-12-31T00:00:00Z"}) {
                Instant t = Instant.parse(start);
                for (int i = 0; i < 4 * 48; ++i, t = t.plusSeconds(900)) {
                    OffsetDateTime local = fx.engine.localTime(t);
                    equal(t, local.toInstant(), "the local time is the instant");
                    equal(t, fx.engine.parseTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local)), "read back: " + local);
                }
            }
            equal("+02:00", fx.engine.localTime(Instant.parse("2024-10-27T00:30:00Z")).getOffset().toString(), "first 02:30");
            equal("+01:00", fx.engine.localTime(Instant.parse("2024-10-27T01:30:00Z")).getOffset().toString(), "second 02:30");
        });
    }
}
