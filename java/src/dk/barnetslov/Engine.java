package dk.barnetslov;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules and the calendar (bl_engine). Immutable: share one engine between any number of
 * threads. Close it when done; cases, reports and builders made with it keep what they need
 * alive, so closing it early is never a crash (the native engine is freed after the last of them).
 *
 * <p>Times: case systems hold Copenhagen local times, which the library reads itself (its gap and
 * overlap errors, its time-zone database): {@link #instant(LocalDateTime)}, {@link #instant(LocalDate)},
 * {@link #parseTime(String)}; {@link #localTime(Instant)} gives an instant back as Copenhagen time.
 */
public final class Engine implements AutoCloseable {
    /** The size bl_time_format needs (BL_TIME_TEXT_SIZE). */
    private static final int TIME_TEXT_SIZE = 32;

    final Handle handle;

    /** An engine with the law README's default readings. */
    public Engine() {
        this(Map.of());
    }

    /**
     * An engine with some readings of the law README chosen, as {@code barnetslov check --reading
     * NAME=VALUE} takes them: {@code Map.of("supervision-year", "calendar", "receipt-post-hverdage", "4")}.
     * An unknown name or a value the reading does not take is a BarnetslovException
     * (BL_ERROR_ARGUMENT) whose message lists the valid ones.
     */
    public Engine(Map<String, String> readings) {
        Native.EngineOptions options = new Native.EngineOptions();
        options.readings = Native.pairs(readings, "reading");
        PointerByReference out = new PointerByReference();
        Native.check(Native.LIB.bl_engine_new(out, options));
        handle = new Handle(this, "engine", out.getValue(), Native.LIB::bl_engine_free, null);
    }

    /** The number of rules in the engine's rulebook. */
    public long ruleCount() {
        try (Handle.Lease e = handle.use()) {
            return Native.LIB.bl_engine_rule_count(e.pointer()).longValue();
        }
    }

    /** Every reading a user may choose, in the law README's order, with the value this engine judges by. */
    public List<Reading> readings() {
        try (Handle.Lease e = handle.use()) {
            long count = Native.LIB.bl_engine_reading_count(e.pointer()).longValue();
            List<Reading> out = new ArrayList<>();
            for (long i = 0; i < count; ++i) {
                PointerByReference name = new PointerByReference();
                PointerByReference value = new PointerByReference();
                PointerByReference defaultValue = new PointerByReference();
                Native.check(Native.LIB.bl_engine_reading(name, value, defaultValue, e.pointer(), new Native.SizeT(i)));
                out.add(new Reading(Native.string(name.getValue()), Native.string(value.getValue()),
                                    Native.string(defaultValue.getValue())));
            }
            return List.copyOf(out);
        }
    }

    /** Reads a case file; an InputException names file, line, column and field for every problem. */
    public Case load(Path path) {
        PointerByReference out = new PointerByReference();
        try (Handle.Lease e = handle.use()) {
            Native.check(Native.LIB.bl_case_load_file(out, e.pointer(), Native.c(path.toString(), "path")));
        }
        return new Case(out.getValue());
    }

    /** Reads a case from the bytes of a case file; {@code sourceName} names it in messages. */
    public Case load(byte[] data, String sourceName) {
        PointerByReference out = new PointerByReference();
        try (Handle.Lease e = handle.use()) {
            Native.check(Native.LIB.bl_case_load_buffer(out, e.pointer(), data, new Native.SizeT(data.length),
                                                        Native.c(sourceName, "sourceName")));
        }
        return new Case(out.getValue());
    }

    /** A builder for a case held in a database rather than a file; {@code sourceName} names it in messages. */
    public CaseBuilder builder(String sourceName) {
        return new CaseBuilder(this, sourceName);
    }

    /** Every rule evaluated on {@code kase} as of {@code asOf}: events after it are not yet known. */
    public Report evaluate(Case kase, Instant asOf) {
        long at = asOf.getEpochSecond();
        return report(kase, (out, e, c) -> Native.LIB.bl_evaluate(out, e, c, at));
    }

    /** What {@code decision} would give if it were made: what blocks it, what it must carry, the deadlines it starts. */
    public Precheck precheck(Case kase, ProposedDecision decision, Instant asOf) {
        Native.ProposedDecision d = decision.toNative();
        long at = asOf.getEpochSecond();
        try (Report r = report(kase, (out, e, c) -> Native.LIB.bl_precheck_decision(out, e, c, d, at))) {
            return new Precheck(r);
        }
    }

    /** The same for any event not yet on file: a plan, a follow-up, a measure's start. */
    public Precheck precheck(Case kase, ProposedEvent event, Instant asOf) {
        Native.ProposedEvent ev = event.toNative();
        long at = asOf.getEpochSecond();
        try (Report r = report(kase, (out, e, c) -> Native.LIB.bl_precheck_event(out, e, c, ev, at))) {
            return new Precheck(r);
        }
    }

    private interface ReportCall {
        int make(PointerByReference out, Pointer engine, Pointer kase);
    }

    /** A report made by {@code call}; it keeps a lease on this engine, which the C report needs alive. */
    private Report report(Case kase, ReportCall call) {
        Handle.Lease e = handle.use();
        PointerByReference out = new PointerByReference();
        try (Handle.Lease c = kase.handle.use()) {
            Native.check(call.make(out, e.pointer(), c.pointer()));
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
        return new Report(out.getValue(), e);
    }

    /**
     * A Copenhagen wall-clock time as an instant. A time the clocks skip (the spring gap) or pass
     * twice (the autumn overlap) is an InputException with the loader's message.
     */
    public Instant instant(LocalDateTime local) {
        LongByReference out = new LongByReference();
        try (Handle.Lease e = handle.use()) {
            Native.check(Native.LIB.bl_time_from_local(out, e.pointer(), local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
                                                       local.getHour(), local.getMinute(), local.getSecond()));
        }
        return Instant.ofEpochSecond(out.getValue());
    }

    /** The start of a Copenhagen day. */
    public Instant instant(LocalDate day) {
        return parseTime(day.toString());
    }

    /**
     * A time as a case file writes it: "2024-11-20T09:00[:ss]" (Copenhagen wall-clock time),
     * "2024-11-20" (the start of that day) or with an offset ("2024-11-20T08:00Z", "...+01:00").
     */
    public Instant parseTime(String text) {
        LongByReference out = new LongByReference();
        try (Handle.Lease e = handle.use()) {
            Native.check(Native.LIB.bl_time_parse(out, e.pointer(), Native.c(text, "text")));
        }
        return Instant.ofEpochSecond(out.getValue());
    }

    /** An instant as Copenhagen local time with the offset the library gives it: 2024-11-20T09:00+01:00. */
    public OffsetDateTime localTime(Instant instant) {
        try (Handle.Lease e = handle.use()) {
            return localTime(e.pointer(), instant);
        }
    }

    /** The same with an engine pointer the caller holds a lease on (a report's, whose engine may be closed). */
    static OffsetDateTime localTime(Pointer engine, Instant instant) {
        Memory text = new Memory(TIME_TEXT_SIZE);
        Native.check(Native.LIB.bl_time_format(text, new Native.SizeT(TIME_TEXT_SIZE), engine, instant.getEpochSecond()));
        return OffsetDateTime.parse(text.getString(0, Native.UTF_8));
    }

    /** Idempotent. Calls made after it throw IllegalStateException. */
    @Override
    public void close() {
        handle.close();
    }
}
