// A case system's warning list in Java, over libbarnetslov.so.1 with the dk.barnetslov package:
// the C example's (examples/c/warning_list.c) program, printing exactly what it prints.
//
// The case lives in the vendor's database, where times are Copenhagen local times: they go to the
// case builder as LocalDate and LocalDateTime, and the library reads them (the program never sets
// a time zone). The case is evaluated, the deadlines still ahead are listed earliest first, then
// the open duties the law sets no time for; then a decision the caseworker is about to make is
// pre-checked, so that the system can stop it before it is made.
//
// Usage: java -cp warning_list.jar:barnetslov.jar:/usr/share/java/jna.jar WarningList [AS_OF]
//        AS_OF a Copenhagen local time; default 2025-01-15T12:00. The library is found as
//        java/README.md says (-Dbarnetslov.library=..., BARNETSLOV_LIBRARY, or its soname).
// Exit code: 0, or 1 when the library reports an error.
import dk.barnetslov.BarnetslovException;
import dk.barnetslov.Case;
import dk.barnetslov.Engine;
import dk.barnetslov.Finding;
import dk.barnetslov.Language;
import dk.barnetslov.Precheck;
import dk.barnetslov.ProposedDecision;
import dk.barnetslov.Report;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

public final class WarningList {
    // UTF-8 whatever the locale, as the C example writes the library's bytes.
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private WarningList() {}

    private static void print(String format, Object... args) {
        OUT.print(String.format(Locale.ROOT, format, args));
    }

    public static void main(String[] args) {
        String stage = "AS_OF";
        try (Engine engine = new Engine()) {
            Instant asOf = engine.parseTime(args.length > 0 ? args[0] : "2025-01-15T12:00");
            stage = "building the case";
            try (Case kase = buildCase(engine)) {
                stage = "evaluating";
                try (Report report = engine.evaluate(kase, asOf)) {
                    print("Case %s: %d events, %d findings\n", kase.id(), kase.eventCount(), report.findings().size());
                    printWarningList(report);
                }
                stage = "pre-checking";
                precheck(engine, kase, asOf);
            }
        } catch (BarnetslovException e) {
            System.err.println(stage + ": " + e.status() + "\n" + e.getMessage());
            System.exit(1);
        }
    }

    /** The vendor's rows, as they are: the builder reports every problem at build(). */
    private static Case buildCase(Engine engine) {
        return engine.builder("case 2024-0655")
                .caseAttribute("id", "2024-0655").caseAttribute("municipality", "0851")
                .child().attribute("birth-date", LocalDate.of(2012, 10, 10))
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

    private static void printWarningList(Report report) {
        var ahead = report.deadlinesAhead();
        print("Deadlines ahead, earliest first (%d):\n", ahead.size());
        int n = 0;
        for (Finding f : ahead) {
            Finding.Event subject = f.events().get(0);
            print("  %d. %-12s %s '%s': %s\n", ++n, f.ruleId(), subject.element(), subject.id(), f.message().en());
            // The due time as the library writes it in Copenhagen time, with its offset.
            String due = f.dueLocal().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse("");
            print("     due %s: %s\n", due, f.counting().en());
        }
        var open = report.openDuties();
        print("Open duties without a deadline (%d):\n", open.size());
        for (Finding f : open) {
            Finding.Event subject = f.events().get(0);
            print("  - %-12s %s '%s': %s\n", f.ruleId(), subject.element(), subject.id(), f.message().in(Language.EN));
        }
    }

    private static void precheck(Engine engine, Case kase, Instant asOf) {
        ProposedDecision decision = ProposedDecision.of("supportive-measure", engine.instant(LocalDateTime.of(2025, 1, 20, 10, 0)))
                .refs("bfu1").attribute("section", "§ 32 stk. 1 nr. 3").attribute("has-reasons", "true")
                .attribute("has-klagevejledning", "true");
        Precheck check = engine.precheck(kase, decision, asOf);
        print("Pre-check of a supportive-measure decision on 2025-01-20:\n");
        for (Finding f : check.findings()) {
            print("  %-10s %-22s %s\n", f.status().key(), f.ruleId(), f.message().en());
        }
        // Only what is due before the decision stops it; what the decision must carry is for its letter.
        if (check.mayProceed()) {
            print("  => no objection\n");
        } else {
            print("  => stop: %d duty(ies) due before the decision not done\n", check.blocking().size());
        }
        for (Finding f : check.toInclude()) print("  include    %s\n", f.ruleId());
    }
}
