package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;
import static dk.barnetslov.tests.Check.that;

import dk.barnetslov.BarnetslovException;
import dk.barnetslov.Case;
import dk.barnetslov.Finding;
import dk.barnetslov.Report;
import dk.barnetslov.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Evaluation: the examples' findings, one finding's every field, the warning list and selections. */
final class ReportTests {
    private ReportTests() {}

    static void run(Check check, Fixtures fx) {
        check.test("every example gives the findings of examples/expected/report.txt", () -> {
            Map<String, List<String>> expected = expectedFindings(fx.examples.resolve("expected/report.txt"));
            List<Path> files = fx.exampleFiles();
            that(files.size() >= 27, "examples: " + files.size());
            equal(expected.keySet(), files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "files");
            for (Path file : files) {
                try (Case kase = fx.engine.load(file); Report report = fx.engine.evaluate(kase, fx.asOf)) {
                    List<String> got = report.findings().stream().map(f -> f.status() + " " + f.ruleId()).collect(Collectors.toList());
                    equal(expected.get(file.getFileName().toString()), got, file.getFileName().toString());
                    equal(report.findings().stream().anyMatch(Finding::isProblem), report.hasProblems(), "has problems");
                    equal(fx.asOf, report.asOf(), "as of");
                }
            }
        });

        check.test("a finding's fields (example 03, the 24-hour assessment)", () -> {
            try (Case kase = fx.engine.load(fx.examples.resolve("03-late-24-hour-assessment.xml"));
                 Report report = fx.engine.evaluate(kase, fx.asOf)) {
                Finding f = report.select("BL-UND-24H", Set.of(), false).get(0);
                equal(Status.LATE, f.status(), "status");
                equal("error", f.severity(), "severity");
                equal("barnets lov § 136", f.section(), "section");
                equal("CONFIRMED", f.confidence(), "confidence");
                equal("done_late", f.reason(), "reason");
                equal("", f.basis(), "basis");
                equal("u1", f.subjectId(), "subject");
                equal(8L, f.subjectLine(), "subject line");
                equal(Optional.of(Instant.ofEpochSecond(1728649800)), f.due(), "due");
                equal(Optional.of(OffsetDateTime.parse("2024-10-11T14:30:00+02:00")), f.dueLocal(), "due, local");
                equal(Optional.of(new Finding.Margin(-5400, Finding.Margin.Unit.SECONDS)), f.margin(), "margin");
                equal(new Finding.Text("Assessment of an underretning within 24 hours", "Vurdering af underretning inden for 24 timer"),
                      f.title(), "title");
                equal(new Finding.Text("Done after the deadline (late by 1 h 30 min).", "Opfyldt efter fristen (1 t 30 min for sent)."),
                      f.message(), "message");
                equal(new Finding.Text("24 hours after 2024-10-10 14:30 = 2024-10-11 14:30", "24 timer efter 2024-10-10 14:30 = 2024-10-11 14:30"),
                      f.counting(), "counting");
                equal(List.of(new Finding.Event("u1", "underretning", Finding.Role.TRIGGER, 8),
                              new Finding.Event("a1", "akutvurdering", Finding.Role.FULFILMENT, 9)), f.events(), "events");
                that(f.isProblem() && report.hasProblems(), "a problem");
                raises(UnsupportedOperationException.class, () -> f.events().clear(), "events are immutable");
            }
        });

        check.test("findings outlive their report", () -> {
            List<Finding> met;
            try (Case kase = fx.engine.load(fx.examples.resolve("05-investigation-past-4-months-with-preliminary.xml"));
                 Report report = fx.engine.evaluate(kase, fx.asOf)) {
                met = report.select("BL-UNDS-4M", Set.of(Status.MET), false);
            }
            equal(List.of("foreloebig_vurdering"), met.stream().map(Finding::basis).collect(Collectors.toList()), "basis");
            contains(met.get(0).basisText().en(), "preliminary assessment", "basis text");
            that(met.get(0).events().stream().anyMatch(e -> e.role() == Finding.Role.EXCEPTION && e.id().equals("fv1")), "fv1 the exception");
        });

        check.test("the warning list: deadlines ahead earliest first, then open duties", () -> {
            try (Case kase = fx.engine.load(fx.examples.resolve("09-open-case-with-deadlines-ahead.xml"));
                 Report report = fx.engine.evaluate(kase, fx.asOf)) {
                List<Finding> ahead = report.deadlinesAhead();
                List<Finding> open = report.openDuties();
                // What the C example prints for the same case (tests/capi/examples_run_test.sh).
                equal(List.of("BL-UND-KVIT", "BL-UNDS-4M"), ahead.stream().map(Finding::ruleId).collect(Collectors.toList()), "ahead");
                equal(List.of("BL-UND-FEEDBACK", "BL-UND-FEEDBACK", "BL-SCR-01"),
                      open.stream().map(Finding::ruleId).collect(Collectors.toList()), "open duties");
                List<Instant> dues = ahead.stream().map(f -> f.due().orElseThrow()).collect(Collectors.toList());
                equal(dues.stream().sorted().collect(Collectors.toList()), dues, "earliest first");
                that(open.stream().allMatch(f -> f.due().isEmpty()), "open duties have no deadline");
                List<Finding> both = new ArrayList<>(ahead);
                both.addAll(open);
                equal(both, report.warningList(), "the warning list is the two parts");
                that(report.warningList().stream().allMatch(f -> f.status() == Status.PENDING), "all pending");
                equal(Optional.of(new Finding.Margin(5, Finding.Margin.Unit.HVERDAGE)), ahead.get(0).margin(), "5 hverdage left");
            }
        });

        check.test("selections and the JSON report", () -> {
            try (Case kase = fx.engine.load(fx.examples.resolve("09-open-case-with-deadlines-ahead.xml"));
                 Report report = fx.engine.evaluate(kase, fx.asOf)) {
                List<Finding> pending = report.select(null, Set.of(Status.PENDING), false);
                equal(report.findings().stream().filter(f -> f.status() == Status.PENDING).collect(Collectors.toList()), pending, "pending");
                equal(report.warningList(), report.select(null, Set.of(Status.PENDING), true), "pending by due is the warning list");
                equal(report.findings(), report.select(null, Set.of(), false), "no filter");
                BarnetslovException e = raises(BarnetslovException.class, () -> report.select("BL-NO-SUCH", Set.of(), false), "unknown rule");
                equal("BL_ERROR_ARGUMENT", e.status(), "status");
                contains(e.getMessage(), "BL-NO-SUCH", "message");
                String json = report.toJson();
                contains(json, "\"source\"", "JSON");
                contains(json, "examples/09-open-case-with-deadlines-ahead.xml", "JSON source");
                contains(json, "\"BL-UNDS-4M\"", "JSON rule");
            }
        });
    }

    /** "examples/NAME.xml: case ..." then a line "  STATUS  RULE-ID ..." per finding. */
    private static Map<String, List<String>> expectedFindings(Path reportTxt) throws java.io.IOException {
        Pattern file = Pattern.compile("^examples/(\\S+\\.xml): case ");
        Pattern finding = Pattern.compile("^  ([A-Z_]+) +(BL-\\S+) ");
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(reportTxt)) {
            Matcher m = file.matcher(line);
            if (m.find()) {
                current = new ArrayList<>();
                out.put(m.group(1), current);
            } else if (current != null && (m = finding.matcher(line)).find()) {
                current.add(m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }
}
