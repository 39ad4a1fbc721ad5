package dk.barnetslov;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * One C handle, freed exactly once: when its owner is closed, or found unreachable by the
 * Cleaner, and then only after the last call that uses it has returned.
 *
 * <p>The C API leaves it to the caller not to free a handle another thread is using, nor an
 * engine before the builders and reports made with it. A Java program cannot be trusted to order
 * close() calls that way, so every call holds a {@link Lease} on the handles it passes, and a
 * report or builder holds one on its engine for as long as it lives. close() only stops new
 * leases; the free happens when the last lease is returned. A call after close() is an
 * IllegalStateException, never a use after free.
 */
final class Handle {
    private static final Cleaner CLEANER = Cleaner.create();

    private final String what;
    private final Consumer<Pointer> free;
    private final Lease parent;
    private final Cleaner.Cleanable cleanable;
    private final Pointer pointer;
    private int leases = 1; // the owner's, returned by close()
    private boolean closed;

    /**
     * Takes over {@code pointer}, to be freed with {@code free} after {@code owner} is closed or
     * unreachable. {@code parent}, if not null, is a lease on a handle that must outlive this one
     * (a report's engine); it is returned when this handle is freed.
     */
    Handle(Object owner, String what, Pointer pointer, Consumer<Pointer> free, Lease parent) {
        this.what = what;
        this.pointer = pointer;
        this.free = free;
        this.parent = parent;
        // The action must not reach the owner, or the owner would never become unreachable.
        this.cleanable = CLEANER.register(owner, this::closeOnce);
    }

    /** A use of the pointer for the length of a call; returned by close (try-with-resources). */
    final class Lease implements AutoCloseable {
        private boolean returned;

        Pointer pointer() {
            return pointer;
        }

        @Override
        public void close() {
            if (returned) return;
            returned = true;
            release();
        }
    }

    Lease use() {
        synchronized (this) {
            if (closed) throw new IllegalStateException("the " + what + " is closed");
            ++leases;
        }
        return new Lease();
    }

    /** Idempotent; the pointer is freed now or when the last lease is returned. */
    void close() {
        cleanable.clean();
    }

    private void closeOnce() {
        synchronized (this) {
            closed = true;
        }
        release();
    }

    private void release() {
        synchronized (this) {
            if (--leases > 0) return;
        }
        // Once: no lease is left, and none can be taken after close().
        free.accept(pointer);
        if (parent != null) parent.close();
    }
}
