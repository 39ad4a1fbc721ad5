package dk.barnetslov;

/** A finding's status (bl_finding_status, in its order). */
public enum Status {
    /** Done on time, or the requirement is met. */
    MET,
    /** Done after the deadline. */
    LATE,
    /** Not done, and the deadline has passed. */
    MISSED,
    /** A requirement that is not a deadline was not met. */
    VIOLATED,
    /** Not done yet; the deadline, if any, is ahead. */
    PENDING,
    NOT_APPLICABLE,
    /** The data needed to judge is absent: never a silent pass. */
    INDETERMINATE;

    /** The name the reports and the JSON use: "met", "not_applicable". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Late, missed, violated or indeterminate: what bl_report_has_problems counts. */
    public boolean isProblem() {
        return this == LATE || this == MISSED || this == VIOLATED || this == INDETERMINATE;
    }
}
