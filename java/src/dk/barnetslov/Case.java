package dk.barnetslov;

import com.sun.jna.Pointer;

/**
 * A case (bl_case), from a file, from bytes or from a {@link CaseBuilder}. Immutable: it may be
 * read and evaluated from several threads at once. A report keeps what it needs of its case, so
 * a case may be closed as soon as it has been evaluated.
 */
public final class Case implements AutoCloseable {
    final Handle handle;

    Case(Pointer pointer) {
        handle = new Handle(this, "case", pointer, Native.LIB::bl_case_free, null);
    }

    /** The case's id attribute. */
    public String id() {
        try (Handle.Lease c = handle.use()) {
            return Native.LIB.bl_case_id(c.pointer());
        }
    }

    public long eventCount() {
        try (Handle.Lease c = handle.use()) {
            return Native.LIB.bl_case_event_count(c.pointer()).longValue();
        }
    }

    /** Idempotent. Calls made after it throw IllegalStateException. */
    @Override
    public void close() {
        handle.close();
    }
}
