package dk.barnetslov;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Builds a case call by call from a case system's own rows (bl_builder), with the vocabulary of
 * the case-file format ({@code schema/}): element and attribute names as in a file, values as a
 * file would hold them. The library checks every value as its loader does and keeps every problem,
 * so {@link #build()} throws one InputException that lists them all, one per line, each with the
 * loader's wording.
 *
 * <pre>{@code
 * Case kase = engine.builder("case 2024-0655")
 *         .caseAttribute("id", "2024-0655")
 *         .child().attribute("birth-date", LocalDate.of(2012, 10, 10))
 *         .event("underretning").attribute("id", "u1")
 *                 .attribute("received-at", LocalDateTime.of(2024, 11, 20, 9, 0)).attribute("notifier", "professional")
 *         .build();
 * }</pre>
 *
 * <p>A LocalDateTime is written as a Copenhagen wall-clock time, which the library reads (a time
 * in the spring gap or the autumn overlap is one of the problems build() lists). Safe to use
 * from several threads, one call at a time; spent after build().
 */
public final class CaseBuilder implements AutoCloseable {
    private enum Open { NONE, CHILD, PERSON, EVENT }

    private interface Call {
        int on(Pointer builder);
    }

    private final Handle handle;
    private Open open = Open.NONE;

    CaseBuilder(Engine engine, String sourceName) {
        Handle.Lease e = engine.handle.use(); // the C builder uses the engine's calendar until it is freed
        PointerByReference out = new PointerByReference();
        try {
            Native.check(Native.LIB.bl_builder_new(out, e.pointer(), Native.c(sourceName, "sourceName")));
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
        handle = new Handle(this, "case builder", out.getValue(), Native.LIB::bl_builder_free, e);
    }

    /** An attribute of the case element: id (required), municipality, unit. */
    public synchronized CaseBuilder caseAttribute(String name, String value) {
        String n = Native.c(name, "name");
        String v = Native.c(value, "value");
        return call(b -> Native.LIB.bl_builder_case_attribute(b, n, v));
    }

    /** Opens the child element (exactly one per case); attribute() then sets id, birth-date, cpr, due-date. */
    public synchronized CaseBuilder child() {
        return open(Open.CHILD, Native.LIB::bl_builder_begin_child);
    }

    /** Opens a person element: "party" or "sibling". */
    public synchronized CaseBuilder person(String element) {
        String e = Native.c(element, "element");
        return open(Open.PERSON, b -> Native.LIB.bl_builder_begin_person(b, e));
    }

    /** Opens an event element of the vocabulary: "underretning", "afgoerelse", ... */
    public synchronized CaseBuilder event(String element) {
        String e = Native.c(element, "element");
        return open(Open.EVENT, b -> Native.LIB.bl_builder_begin_event(b, e));
    }

    /** An attribute of the element opened last (child, person or event), as a file would hold it. */
    public synchronized CaseBuilder attribute(String name, String value) {
        String n = Native.c(name, "name");
        String v = Native.c(value, "value");
        switch (open) {
            case CHILD: return call(b -> Native.LIB.bl_builder_child_attribute(b, n, v));
            case PERSON: return call(b -> Native.LIB.bl_builder_person_attribute(b, n, v));
            case EVENT: return call(b -> Native.LIB.bl_builder_event_attribute(b, n, v));
            default: throw new IllegalStateException("attribute '" + n + "': open an element first (child(), person() or event())");
        }
    }

    /** A date: that Copenhagen day. */
    public CaseBuilder attribute(String name, LocalDate day) {
        return attribute(name, day.toString());
    }

    /** A Copenhagen wall-clock time, to the second. */
    public CaseBuilder attribute(String name, LocalDateTime time) {
        return attribute(name, FileTime.local(time));
    }

    /** A time with its offset; its Copenhagen day is the one the rules count with. */
    public CaseBuilder attribute(String name, OffsetDateTime time) {
        return attribute(name, FileTime.withOffset(time));
    }

    public CaseBuilder attribute(String name, Instant instant) {
        return attribute(name, instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * The case, once the library has checked what can only be checked at the end (required
     * attributes, ids, references). Throws InputException with every problem found while building.
     * The builder is spent either way.
     */
    public synchronized Case build() {
        PointerByReference out = new PointerByReference();
        try (Handle.Lease b = handle.use()) {
            Native.check(Native.LIB.bl_builder_finish(out, b.pointer()));
        } finally {
            handle.close();
        }
        return new Case(out.getValue());
    }

    /** Frees a builder that was not built. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }

    private CaseBuilder open(Open element, Call begin) {
        open = element;
        return call(begin);
    }

    /**
     * A wrong value (BL_ERROR_INPUT) is not thrown here: the library keeps it, goes on, and
     * build() reports it with the rest. Anything else is a mistake in the calling program.
     */
    private CaseBuilder call(Call call) {
        try (Handle.Lease b = handle.use()) {
            int status = call.on(b.pointer());
            if (status != Native.BL_ERROR_INPUT) Native.check(status);
        }
        return this;
    }
}
