package dk.barnetslov.tests;

import java.util.Objects;

/**
 * Assertions and a runner for the binding's tests (plain Java: JUnit is not in the approved
 * packages). Every test runs, each failure is printed with what was expected, and the exit code
 * says whether any failed, so CTest shows every broken promise at once.
 */
final class Check {
    interface Test {
        void run() throws Exception;
    }

    private int run;
    private int failed;

    void test(String name, Test test) {
        ++run;
        try {
            test.run();
            System.out.println("ok   " + name);
        } catch (Throwable t) {
            ++failed;
            System.out.println("FAIL " + name + ": " + t);
            if (!(t instanceof AssertionError)) t.printStackTrace(System.out);
        }
    }

    /** Prints the tally; the process's exit code. */
    int summary() {
        System.out.println(run + " tests, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    static void that(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected <" + expected + ">, got <" + actual + ">");
        }
    }

    static void contains(String haystack, String needle, String what) {
        if (haystack == null || !haystack.contains(needle)) {
            throw new AssertionError(what + ": <" + haystack + "> does not contain <" + needle + ">");
        }
    }

    /** Runs {@code call}, which must throw a {@code type}; returns it. */
    static <T extends Throwable> T raises(Class<T> type, Test call, String what) {
        try {
            call.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return type.cast(t);
            throw new AssertionError(what + ": expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError(what + ": expected " + type.getSimpleName() + ", nothing was thrown");
    }

}
