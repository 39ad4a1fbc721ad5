package dk.barnetslov;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rule's finding about one event of a case: an immutable copy of everything the report says
 * about it, so it outlives its report and may be shared between threads.
 *
 * @param ruleId      the catalog's rule id, "BL-UND-24H"
 * @param severity    "error", "warning" or "info"
 * @param section     the law and section applied, "barnets lov § 136"; "" when none applied
 * @param confidence  the catalog's marker of the rule version applied: "CONFIRMED", "INFERRED", ...
 * @param reason      why the finding has its status, as a stable key ("done_late"); the JSON report's keys
 * @param basis       the lawful exception relied on ("foreloebig_vurdering"), or ""
 * @param subjectId   the id of the event the duty is about
 * @param subjectLine its line in the case file; 0 for a case built in memory
 * @param due         the last allowed second, when the finding has a deadline
 * @param dueLocal    the same as Copenhagen local time with its offset, as the library writes it
 * @param margin      time to spare or left (positive), or late or overdue (negative)
 * @param title       the rule's title
 * @param message     the summary with the margin: "Done after the deadline (late by 1 h 30 min)."
 * @param counting    how the deadline was counted, or ""
 * @param basisText   the lawful exception relied on, in words, or ""
 * @param events      the events the finding rests on, its subject first
 * @param phase       when the rule's duty falls relative to a decision that carries it
 */
public record Finding(String ruleId, Status status, String severity, String section, String confidence, String reason, String basis,
                      String subjectId, long subjectLine, Optional<Instant> due, Optional<OffsetDateTime> dueLocal, Optional<Margin> margin,
                      Text title, Text message, Text counting, Text basisText, List<Event> events, Phase phase) {

    public Finding {
        events = List.copyOf(events);
    }

    /** A text in English and in Danish. */
    public record Text(String en, String da) {
        public String in(Language language) {
            return language == Language.DA ? da : en;
        }
    }

    /** An event a finding rests on: its id, its element ("underretning"), its role, its line (0 in memory). */
    public record Event(String id, String element, Role role, long line) {}

    /** What an event is to a finding (bl_event_role, in its order). */
    public enum Role {
        TRIGGER,
        FULFILMENT,
        EXCEPTION,
        RELATED
    }

    /** The signed margin and its unit: 5 HVERDAGE left, -5400 SECONDS late. */
    public record Margin(long value, Unit unit) {
        public enum Unit {
            SECONDS,
            DAYS,
            HVERDAGE
        }
    }

    /** When a rule's duty falls relative to the decision (or other event) that carries it (bl_phase). */
    public enum Phase {
        /** Not a duty a decision carries. */
        NONE,
        /** On file before the decision: blocks it when not done. */
        BEFORE,
        /** Carried by the decision and its letter. */
        WITH,
        /** A deadline the decision starts. */
        AFTER
    }

    public boolean isProblem() {
        return status.isProblem();
    }

    // bl_text parts
    private static final int MESSAGE = 0;
    private static final int COUNTING = 2;
    private static final int BASIS = 4;
    private static final int TITLE = 5;

    /** Copies the finding {@code f}; the caller holds leases on its report and the report's engine. */
    static Finding copy(Pointer f, Pointer engine) {
        Native.Lib lib = Native.LIB;
        LongByReference due = new LongByReference();
        Optional<Instant> dueAt = Optional.empty();
        Optional<OffsetDateTime> dueLocal = Optional.empty();
        if (lib.bl_finding_due(f, due) == 1) {
            dueAt = Optional.of(Instant.ofEpochSecond(due.getValue()));
            dueLocal = Optional.of(Engine.localTime(engine, dueAt.get()));
        }
        LongByReference margin = new LongByReference();
        IntByReference unit = new IntByReference();
        Optional<Margin> m = lib.bl_finding_margin(f, margin, unit) == 1
                ? Optional.of(new Margin(margin.getValue(), Margin.Unit.values()[unit.getValue()])) : Optional.empty();
        return new Finding(lib.bl_finding_rule_id(f), Status.values()[lib.bl_finding_status_of(f)], lib.bl_finding_severity(f),
                           lib.bl_finding_section(f), lib.bl_finding_confidence(f), lib.bl_finding_reason(f), lib.bl_finding_basis(f),
                           lib.bl_finding_subject_id(f), Integer.toUnsignedLong(lib.bl_finding_subject_line(f)), dueAt, dueLocal, m,
                           text(f, TITLE), text(f, MESSAGE), text(f, COUNTING), text(f, BASIS), events(f),
                           Phase.values()[lib.bl_finding_phase(f)]);
    }

    private static Text text(Pointer f, int part) {
        return new Text(text(f, part, Language.EN), text(f, part, Language.DA));
    }

    private static String text(Pointer f, int part, Language language) {
        PointerByReference out = new PointerByReference();
        Native.check(Native.LIB.bl_finding_text(out, f, part, language.ordinal()));
        return Native.string(out.getValue());
    }

    private static List<Event> events(Pointer f) {
        long count = Native.LIB.bl_finding_event_count(f).longValue();
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < count; ++i) {
            PointerByReference id = new PointerByReference();
            PointerByReference element = new PointerByReference();
            IntByReference role = new IntByReference();
            IntByReference line = new IntByReference();
            Native.check(Native.LIB.bl_finding_event(id, element, role, line, f, new Native.SizeT(i)));
            events.add(new Event(Native.string(id.getValue()), Native.string(element.getValue()), Role.values()[role.getValue()],
                                 Integer.toUnsignedLong(line.getValue())));
        }
        return events;
    }
}
