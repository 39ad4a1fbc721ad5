package dk.barnetslov;

/** What the loaded C library is. */
public final class Barnetslov {
    private Barnetslov() {}

    /** The version of libbarnetslov.so.1 loaded, e.g. "0.1.0". */
    public static String version() {
        return Native.LIB.bl_version();
    }

    /** The same as MAJOR * 10000 + MINOR * 100 + PATCH. */
    public static int versionNumber() {
        return Native.LIB.bl_version_number();
    }

    /** The oldest library this package works with, as a version number. */
    public static int minimumVersionNumber() {
        return Native.MIN_VERSION_NUMBER;
    }

    /** The case-file format read: "urn:barnetslov:case:1". */
    public static String caseFormat() {
        return Native.LIB.bl_case_format();
    }
}
