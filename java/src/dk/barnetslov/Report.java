package dk.barnetslov;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one case as of one instant (bl_report). Its findings are copied out when it is
 * made, so they outlive it; the lists below are the library's own selections and orders of them.
 * Immutable: may be read from several threads. Close it when done (a Cleaner frees one that is
 * forgotten).
 */
public final class Report implements AutoCloseable {
    private final Handle handle;
    private final List<Finding> findings;
    private final Map<Pointer, Finding> byPointer = new HashMap<>();
    private final Instant asOf;
    private final boolean hasProblems;

    /** Takes over {@code pointer} and the lease on the engine it was made with. */
    Report(Pointer pointer, Handle.Lease engine) {
        handle = new Handle(this, "report", pointer, Native.LIB::bl_report_free, engine);
        try (Handle.Lease r = handle.use()) {
            long count = Native.LIB.bl_report_count(r.pointer()).longValue();
            List<Finding> all = new ArrayList<>();
            for (long i = 0; i < count; ++i) {
                PointerByReference f = new PointerByReference();
                Native.check(Native.LIB.bl_report_finding(f, r.pointer(), new Native.SizeT(i)));
                Finding finding = Finding.copy(f.getValue(), engine.pointer());
                all.add(finding);
                byPointer.put(f.getValue(), finding);
            }
            findings = List.copyOf(all);
            asOf = Instant.ofEpochSecond(Native.LIB.bl_report_as_of(r.pointer()));
            hasProblems = Native.LIB.bl_report_has_problems(r.pointer()) == 1;
        } catch (RuntimeException ex) {
            handle.close();
            throw ex;
        }
    }

    /** Every finding, in the report's order (rule, then event). */
    public List<Finding> findings() {
        return findings;
    }

    /** The instant the report judges as of. */
    public Instant asOf() {
        return asOf;
    }

    /** Whether any finding is late, missed, violated or indeterminate. */
    public boolean hasProblems() {
        return hasProblems;
    }

    /**
     * The caseworker's warning list: every pending finding, those with a deadline first (earliest
     * due first), then the open duties the law sets no time for.
     */
    public List<Finding> warningList() {
        return list(Native.LIB::bl_report_pending);
    }

    /** The pending findings with a deadline, earliest due first. */
    public List<Finding> deadlinesAhead() {
        return list(Native.LIB::bl_report_deadlines_ahead);
    }

    /** The pending findings without a deadline: steps the law sets no time for, in report order. */
    public List<Finding> openDuties() {
        return list(Native.LIB::bl_report_open_duties);
    }

    /**
     * The findings of one rule ({@code ruleId}, or null for every rule) with one of {@code statuses}
     * (empty for every status), in report order or by due time. An unknown rule id is a
     * BarnetslovException (BL_ERROR_ARGUMENT).
     */
    public List<Finding> select(String ruleId, Set<Status> statuses, boolean byDue) {
        Native.FindingFilter filter = new Native.FindingFilter();
        for (Status s : statuses) filter.statuses |= 1 << s.ordinal();
        filter.rule_id = ruleId == null ? null : Native.c(ruleId, "ruleId");
        filter.order = byDue ? 1 : 0;
        return list((out, report) -> Native.LIB.bl_report_findings(out, report, filter));
    }

    /** The report as JSON, format "barnetslov-report" version 1 (docs/report-json.md). */
    public String toJson() {
        PointerByReference out = new PointerByReference();
        try (Handle.Lease r = handle.use()) {
            Native.check(Native.LIB.bl_report_to_json(out, null, r.pointer()));
        }
        try {
            return Native.string(out.getValue());
        } finally {
            Native.LIB.bl_string_free(out.getValue());
        }
    }

    /** Idempotent. The findings stay; the lists and toJson() throw IllegalStateException after it. */
    @Override
    public void close() {
        handle.close();
    }

    interface Selection {
        int make(PointerByReference iterator, Pointer report);
    }

    /** The findings an iterator made by {@code selection} yields, as the copies made above. */
    List<Finding> list(Selection selection) {
        try (Handle.Lease r = handle.use()) {
            PointerByReference iterator = new PointerByReference();
            Native.check(selection.make(iterator, r.pointer()));
            try {
                List<Finding> out = new ArrayList<>();
                PointerByReference f = new PointerByReference();
                while (true) {
                    Native.check(Native.LIB.bl_finding_iter_next(f, iterator.getValue()));
                    if (f.getValue() == null) return List.copyOf(out);
                    Finding copy = byPointer.get(f.getValue());
                    if (copy == null) throw new IllegalStateException("the library gave a finding that is not in its report");
                    out.add(copy);
                }
            } finally {
                Native.LIB.bl_finding_iter_free(iterator.getValue());
            }
        }
    }
}
