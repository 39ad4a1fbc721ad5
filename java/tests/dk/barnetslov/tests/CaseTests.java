package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;

import dk.barnetslov.Case;
import dk.barnetslov.CaseBuilder;
import dk.barnetslov.Finding;
import dk.barnetslov.InputException;
import dk.barnetslov.InputException.Problem;
import dk.barnetslov.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Cases from files, from bytes and from the builder, and the library's messages for wrong ones. */
final class CaseTests {
    private CaseTests() {}

    private static final String HEAD = "<case xmlns='urn:barnetslov:case:1' id='c1'><child birth-date='2015-02-01'/><events>"
            + "<underretning id='u1' received-at='2024-03-28T14:30' notifier='professional'/>\n";

    static void run(Check check, Fixtures fx) {
        check.test("a case file from examples/", () -> {
            Path file = fx.examples.resolve("03-late-24-hour-assessment.xml");
            // Its events are the lines with an id between <events> and </events>.
            String events = Files.readString(file).split("<events>")[1].split("</events>")[0];
            long expected = events.lines().filter(l -> l.contains(" id=")).count();
            try (Case kase = fx.engine.load(file)) {
                equal("2024-0502", kase.id(), "id");
                equal(expected, kase.eventCount(), "events");
            }
        });

        check.test("a wrong file names file, line and column", () -> {
            InputException e = raises(InputException.class,
                    () -> fx.load(HEAD + "<kvittering id='k1' at='2024-13-01' ref='u1'/></events></case>", "bad.xml"), "bad date");
            equal("BL_ERROR_INPUT", e.status(), "status");
            // Line 2, column 21: where the attribute 'at' starts; the second event, index 1.
            equal("bad.xml:2:21: event 'kvittering' attribute 'at': '2024-13-01' is not a date", e.getMessage(), "message");
            equal(List.of(new Problem("invalid_value", "event 'kvittering' attribute 'at': '2024-13-01' is not a date", "bad.xml", 2, 21,
                                      "kvittering", OptionalLong.of(1), "k1", "at")), e.problems(), "problems");
            e = raises(InputException.class, () -> fx.engine.load(Path.of("/nonexistent.xml")), "missing file");
            equal("BL_ERROR_IO", e.status(), "status");
            contains(e.getMessage(), "/nonexistent.xml", "message");
            equal(List.of("io"), e.problems().stream().map(Problem::code).collect(Collectors.toList()), "problem codes");
        });

        check.test("the builder: a wrong value, with the exact message", () -> {
            CaseBuilder b = fx.engine.builder("case 2024-0117").caseAttribute("id", "2024-0117")
                    .child().attribute("birth-date", "2015-02-01")
                    .event("underretning").attribute("id", "u1").attribute("received-at", "2024-03-28T14:30")
                    .attribute("notifier", "professional")
                    .event("kvittering").attribute("id", "k1").attribute("at", "2024-13-01").attribute("ref", "u1");
            InputException e = raises(InputException.class, b::build, "build");
            equal("BL_ERROR_INPUT", e.status(), "status");
            equal("case 2024-0117: event 'kvittering' attribute 'at': '2024-13-01' is not a date", e.getMessage(), "message");
        });

        check.test("the builder: every problem at once, in the loader's words", () -> {
            // Three mistakes: a bad date, a local time the clocks skip, an unknown element.
            InputException built = raises(InputException.class, () -> fx.engine.builder("same.xml").caseAttribute("id", "c1")
                    .child().attribute("birth-date", LocalDate.of(2015, 2, 1))
                    .event("underretning").attribute("id", "u1").attribute("received-at", LocalDateTime.of(2024, 3, 28, 14, 30))
                    .attribute("notifier", "professional")
                    .event("kvittering").attribute("id", "k1").attribute("at", "2024-13-01").attribute("ref", "u1")
                    .event("screening").attribute("id", "s1").attribute("at", LocalDateTime.of(2024, 3, 31, 2, 30)).attribute("ref", "u1")
                    .event("nonsense").attribute("id", "n1")
                    .build(), "build");
            InputException loaded = raises(InputException.class, () -> fx.load(HEAD
                    + "<kvittering id='k1' at='2024-13-01' ref='u1'/>\n<screening id='s1' at='2024-03-31T02:30:00' ref='u1'/>\n"
                    + "<nonsense id='n1'/>\n"
                    + "</events></case>", "same.xml"), "load");
            // The same problems, each with its row (the event's index) and field; positions only in the file.
            equal(List.of("invalid_value", "nonexistent_time", "unknown_element"),
                  built.problems().stream().map(Problem::code).collect(Collectors.toList()), "codes: " + built.getMessage());
            equal(loaded.problems().stream().map(p -> withoutPosition(p)).collect(Collectors.toList()), built.problems(), "problems");
            equal(List.of(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3)),
                  built.problems().stream().map(Problem::eventIndex).collect(Collectors.toList()), "rows");
            contains(built.problems().get(1).message(), "'2024-03-31T02:30:00' does not exist in Copenhagen time", "the gap");
            equal(built.problems().stream().map(p -> "same.xml: " + p.message()).collect(Collectors.joining("\n")), built.getMessage(),
                  "the message is the problems, one per line");
        });

        check.test("the builder: every example built from local times gives the file's findings", () -> {
            for (Path file : fx.exampleFiles()) {
                String name = file.getFileName().toString();
                try (Case built = fx.build(file); Case loaded = fx.engine.load(file);
                     Report b = fx.engine.evaluate(built, fx.asOf); Report l = fx.engine.evaluate(loaded, fx.asOf)) {
                    equal(l.findings().stream().map(CaseTests::withoutLines).collect(Collectors.toList()),
                          b.findings().stream().map(CaseTests::withoutLines).collect(Collectors.toList()), name);
                    Check.that(b.findings().stream().allMatch(f -> f.subjectLine() == 0), name + ": no lines in memory");
                    Check.that(l.findings().stream().allMatch(f -> f.subjectLine() > 0), name + ": lines in the file");
                }
            }
        });

        check.test("the builder: calls out of order are the program's mistakes", () -> {
            CaseBuilder b = fx.engine.builder("order").caseAttribute("id", "c1");
            raises(IllegalStateException.class, () -> b.attribute("id", "x"), "an attribute before any element");
            raises(IllegalArgumentException.class, () -> b.caseAttribute("unit", "a\0b"), "NUL");
            b.child().build().close();
            IllegalStateException e = raises(IllegalStateException.class, () -> b.caseAttribute("id", "c2"), "after build()");
            equal("the case builder is closed", e.getMessage(), "message");
            raises(IllegalStateException.class, b::build, "build() twice");
        });
    }

    private static Problem withoutPosition(Problem p) {
        return new Problem(p.code(), p.message(), p.source(), 0, 0, p.element(), p.eventIndex(), p.id(), p.attribute());
    }

    /** A finding as a case file and the builder should both give it: the lines are the file's alone. */
    private static Finding withoutLines(Finding f) {
        return new Finding(f.ruleId(), f.status(), f.severity(), f.section(), f.confidence(), f.reason(), f.basis(), f.subjectId(), 0,
                           f.due(), f.dueLocal(), f.margin(), f.title(), f.message(), f.counting(), f.basisText(),
                           f.events().stream().map(e -> new Finding.Event(e.id(), e.element(), e.role(), 0)).collect(Collectors.toList()),
                           f.phase());
    }
}
