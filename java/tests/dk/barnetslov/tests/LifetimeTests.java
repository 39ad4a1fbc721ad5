package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;
import static dk.barnetslov.tests.Check.that;

import dk.barnetslov.Case;
import dk.barnetslov.CaseBuilder;
import dk.barnetslov.Engine;
import dk.barnetslov.Finding;
import dk.barnetslov.Report;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Closing: a handle used after close() is an exception, and what a report needs outlives close(). */
final class LifetimeTests {
    private LifetimeTests() {}

    static void run(Check check, Fixtures fx) {
        Path file = fx.examples.resolve("09-open-case-with-deadlines-ahead.xml");

        check.test("use after close is an IllegalStateException", () -> {
            Engine engine = new Engine();
            Case kase = engine.load(file);
            Report report = engine.evaluate(kase, fx.asOf);
            List<Finding> findings = report.findings();
            report.close();
            report.close(); // idempotent
            equal(findings, report.findings(), "the copies stay");
            IllegalStateException e = raises(IllegalStateException.class, report::warningList, "report");
            equal("the report is closed", e.getMessage(), "message");
            raises(IllegalStateException.class, report::toJson, "report");
            kase.close();
            raises(IllegalStateException.class, kase::id, "case");
            raises(IllegalStateException.class, () -> fx.engine.evaluate(kase, fx.asOf), "a closed case to an open engine");
            engine.close();
            e = raises(IllegalStateException.class, () -> engine.load(file), "engine");
            equal("the engine is closed", e.getMessage(), "message");
            raises(IllegalStateException.class, () -> engine.instant(fx.asOf.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()), "engine");
            raises(IllegalStateException.class, () -> engine.builder("x"), "engine");
        });

        check.test("a report and a builder outlive their engine's close()", () -> {
            Engine engine = new Engine();
            Report report;
            CaseBuilder builder = engine.builder("late").caseAttribute("id", "c1");
            try (Case kase = engine.load(file)) {
                report = engine.evaluate(kase, fx.asOf);
            } // the case is freed: the report keeps what it needs
            engine.close();
            // The C report and builder use their engine; the native engine waits for them.
            contains(report.toJson(), "BL-UNDS-4M", "JSON after the engine's close()");
            equal(2, report.deadlinesAhead().size(), "deadlines ahead");
            try (Case built = builder.child().attribute("birth-date", "2015-02-01").build()) {
                equal("c1", built.id(), "built after the engine's close()");
            }
            report.close();
        });

        check.test("the Cleaner frees what was never closed", () -> {
            // Not observable from Java, but it must not crash: many unclosed handles, then a GC.
            Engine engine = new Engine();
            for (int i = 0; i < 200; ++i) {
                Case kase = engine.load(file);
                engine.evaluate(kase, fx.asOf.plusSeconds(i));
            }
            engine = null;
            System.gc();
            Thread.sleep(100);
            that(fx.engine.ruleCount() > 0, "still alive");
            equal(Instant.ofEpochSecond(0), fx.engine.parseTime("1970-01-01T00:00Z"), "and working");
        });
    }
}
