package dk.barnetslov;

import java.time.Instant;
import java.util.List;

/**
 * What a proposed decision (or other event) would give if it were made now, sorted by what a
 * case system does with it (bl_precheck_findings). Only findings about the proposed event are
 * here; its id in them is "proposed-decision" or "proposed-event".
 *
 * @param asOf      the instant judged as of: the later of the as-of given and the event's time
 * @param findings  every finding about the proposed event, in report order
 * @param blocking  duties due before it that are not done (the child's views, a hearing, a
 *                  consent, ...): refuse to save while any is left; a well-prepared decision has none
 * @param toInclude what the decision and its letter must carry (reasons, klagevejledning);
 *                  each finding's status says whether it already does
 * @param deadlines deadlines it starts, for the caseworker's calendar
 * @param other     the rest: duties done, or not the proposed event's to carry
 */
public record Precheck(Instant asOf, List<Finding> findings, List<Finding> blocking, List<Finding> toInclude, List<Finding> deadlines,
                       List<Finding> other) {
    /** The ids the proposed event has in the findings (BL_PROPOSED_DECISION_ID, BL_PROPOSED_EVENT_ID). */
    public static final String PROPOSED_DECISION_ID = "proposed-decision";
    public static final String PROPOSED_EVENT_ID = "proposed-event";

    // bl_precheck_list
    private static final int BLOCKING = 0;
    private static final int TO_INCLUDE = 1;
    private static final int DEADLINES = 2;
    private static final int OTHER = 3;

    public Precheck {
        findings = List.copyOf(findings);
        blocking = List.copyOf(blocking);
        toInclude = List.copyOf(toInclude);
        deadlines = List.copyOf(deadlines);
        other = List.copyOf(other);
    }

    /** Copied out of a pre-check's report, which the caller then frees. */
    Precheck(Report report) {
        this(report.asOf(), report.findings(), precheckList(report, BLOCKING), precheckList(report, TO_INCLUDE),
             precheckList(report, DEADLINES), precheckList(report, OTHER));
    }

    /** Nothing due before the event is left undone. */
    public boolean mayProceed() {
        return blocking.isEmpty();
    }

    private static List<Finding> precheckList(Report report, int list) {
        return report.list((out, r) -> Native.LIB.bl_precheck_findings(out, r, list));
    }
}
