package dk.barnetslov;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times written as a case file holds them, for the library to read: no time-zone arithmetic
 * here, so the Copenhagen rules (and the gap and overlap errors) stay the library's.
 */
final class FileTime {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private FileTime() {}

    /** "2024-11-20T09:00:00": a Copenhagen wall-clock time, to the second. */
    static String local(LocalDateTime time) {
        return LOCAL.format(time);
    }

    /** "2024-11-20T08:00:00+00:00"; the file format takes offsets of whole minutes only. */
    static String withOffset(OffsetDateTime time) {
        if (time.getOffset().getTotalSeconds() % 60 != 0) {
            throw new IllegalArgumentException("an offset of whole minutes is needed, not " + time.getOffset());
        }
        return OFFSET.format(time);
    }
}
