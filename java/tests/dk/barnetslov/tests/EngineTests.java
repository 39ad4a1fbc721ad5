package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;
import static dk.barnetslov.tests.Check.that;

import dk.barnetslov.Barnetslov;
import dk.barnetslov.BarnetslovException;
import dk.barnetslov.Engine;
import dk.barnetslov.Finding;
import dk.barnetslov.Reading;
import dk.barnetslov.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Versions, the engine's readings, and what a library that cannot be loaded says. */
final class EngineTests {
    private EngineTests() {}

    // A professional's phone call on Monday 3 June 2024 (grundlovsdag on Wednesday 5 June).
    private static final String KVIT = "<case xmlns='urn:barnetslov:case:1' id='c-1'><child birth-date='2015-02-01'/><events>"
            + "<underretning id='u1' received-at='2024-06-03T09:00' notifier='professional'/></events></case>";

    static void run(Check check, Fixtures fx) {
        check.test("the version is the build's", () -> {
            // The one version source: project(barnetslov VERSION ...) in CMakeLists.txt.
            String cmake = Files.readString(fx.root.resolve("CMakeLists.txt"));
            Matcher m = Pattern.compile("project\\(barnetslov VERSION (\\d+)\\.(\\d+)\\.(\\d+)").matcher(cmake);
            that(m.find(), "project() has a version");
            int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2)), patch = Integer.parseInt(m.group(3));
            equal(major + "." + minor + "." + patch, Barnetslov.version(), "bl_version");
            equal(major * 10000 + minor * 100 + patch, Barnetslov.versionNumber(), "bl_version_number");
            that(Barnetslov.minimumVersionNumber() <= Barnetslov.versionNumber(), "the binding's floor is not past its own tree");
            equal("urn:barnetslov:case:1", Barnetslov.caseFormat(), "bl_case_format");
            that(fx.engine.ruleCount() >= 64, "the rulebook has every implemented rule: " + fx.engine.ruleCount());
        });

        check.test("readings: the defaults in the law README's order", () -> {
            Map<String, String> defaults = new LinkedHashMap<>();
            for (String pair : List.of("supervision-year=placement", "kvittering-to=professional", "grundlovsdag=holiday",
                                       "juleaftensdag=holiday", "nytaarsaftensdag=holiday", "receipt-post-hverdage=6",
                                       "receipt-quickpost-days=2", "before-record-months=6")) {
                defaults.put(pair.split("=")[0], pair.split("=")[1]);
            }
            List<Reading> readings = fx.engine.readings();
            equal(defaults, readings.stream().collect(Collectors.toMap(Reading::name, Reading::value, (a, b) -> a, LinkedHashMap::new)),
                  "readings");
            equal(List.copyOf(defaults.keySet()), readings.stream().map(Reading::name).collect(Collectors.toList()), "order");
            that(readings.stream().allMatch(Reading::isDefault), "every reading is its default");
        });

        check.test("readings: chosen, reported, and moving a hverdage deadline", () -> {
            try (Engine working = new Engine(Map.of("grundlovsdag", "working", "receipt-post-hverdage", "4"))) {
                Reading g = working.readings().stream().filter(r -> r.name().equals("grundlovsdag")).findFirst().orElseThrow();
                equal(new Reading("grundlovsdag", "working", "holiday"), g, "grundlovsdag");
                that(!g.isDefault(), "a chosen reading is not the default");
                // receipt-post-hverdage is for letters, not this phone call: only grundlovsdag moves its deadline.
                equal("2024-06-12", dueDay(fx.engine), "kvittering due by default");
                equal("2024-06-11", dueDay(working), "kvittering due with grundlovsdag working");
            }
        });

        check.test("readings: a bad one is refused with the library's message", () -> {
            BarnetslovException e = raises(BarnetslovException.class, () -> new Engine(Map.of("supervision_year", "calendar")), "name");
            equal("BL_ERROR_ARGUMENT", e.status(), "status");
            equal(1, e.code(), "code");
            contains(e.getMessage(), "unknown reading 'supervision_year' (readings: supervision-year, kvittering-to,", "message");
            e = raises(BarnetslovException.class, () -> new Engine(Map.of("kvittering-to", "everyone")), "value");
            contains(e.getMessage(), "'everyone' is not a valid value (valid: professional, all)", "message");
            raises(IllegalArgumentException.class, () -> new Engine(Map.of("grundlovsdag", "work\0ing")), "NUL");
        });

        check.test("a library that cannot be loaded says what to set", () -> {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process p = new ProcessBuilder(java, "-Dbarnetslov.library=/nonexistent/libbarnetslov.so.1", "-cp",
                                           System.getProperty("java.class.path"), LoadProbe.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            that(p.waitFor() != 0, "the probe failed");
            contains(out, "set the system property barnetslov.library or the environment variable BARNETSLOV_LIBRARY", "message");
            contains(out, "/nonexistent/libbarnetslov.so.1", "the path tried");
        });
    }

    private static String dueDay(Engine engine) {
        try (var kase = engine.load(KVIT.getBytes(StandardCharsets.UTF_8), "kvit.xml");
             Report report = engine.evaluate(kase, engine.instant(LocalDateTime.of(2024, 6, 4, 12, 0)))) {
            List<Finding> kvit = report.select("BL-UND-KVIT", java.util.Set.of(), false);
            equal(1, kvit.size(), "BL-UND-KVIT findings");
            return kvit.get(0).dueLocal().orElseThrow().toLocalDate().toString();
        }
    }
}
