package dk.barnetslov.tests;

import dk.barnetslov.Case;
import dk.barnetslov.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the tests share: the source tree, the examples' as-of, one engine, example 09 built in memory. */
final class Fixtures {
    final Path root;
    final Path examples;
    final Engine engine = new Engine();
    /** examples/expected/AS_OF, the instant the expected reports are judged as of. */
    final Instant asOf;

    Fixtures(Path root) throws IOException {
        this.root = root;
        this.examples = root.resolve("examples");
        this.asOf = engine.parseTime(Files.readString(examples.resolve("expected/AS_OF")).strip());
    }

    /** The example case files, in the order of their names (the CLI's order). */
    List<Path> exampleFiles() {
        try (Stream<Path> files = Files.list(examples)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Case load(String xml, String sourceName) {
        return engine.load(xml.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /** examples/09-open-case-with-deadlines-ahead.xml, built from a case system's local times. */
    Case example09() {
        return engine.builder("case 2024-0655")
                .caseAttribute("id", "2024-0655").caseAttribute("municipality", "0851").caseAttribute("unit", "Myndighed Børn")
                .child().attribute("id", "barn").attribute("birth-date", LocalDate.of(2012, 10, 10))
                .event("underretning").attribute("id", "u1").attribute("received-at", LocalDateTime.of(2024, 11, 20, 9, 0))
                        .attribute("notifier", "professional").attribute("notifier-role", "school").attribute("channel", "digital")
                .event("akutvurdering").attribute("id", "a1").attribute("at", LocalDateTime.of(2024, 11, 20, 14, 0))
                        .attribute("ref", "u1").attribute("danger", "false").attribute("acute-measures", "false")
                .event("kvittering").attribute("id", "k1").attribute("at", LocalDate.of(2024, 11, 22)).attribute("ref", "u1")
                .event("undersoegelse").attribute("id", "bfu1").attribute("at", LocalDate.of(2024, 11, 26)).attribute("ref", "u1")
                .event("underretning").attribute("id", "u2").attribute("received-at", LocalDateTime.of(2025, 1, 14, 10, 30))
                        .attribute("notifier", "professional").attribute("notifier-role", "doctor").attribute("channel", "phone")
                .event("akutvurdering").attribute("id", "a2").attribute("at", LocalDateTime.of(2025, 1, 14, 15, 0))
                        .attribute("ref", "u2").attribute("danger", "false").attribute("acute-measures", "false")
                .build();
    }
}
