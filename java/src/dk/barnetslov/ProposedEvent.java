package dk.barnetslov;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any event not yet on file (a plan, a follow-up, a measure's start, a decision written out), to
 * pre-check with {@link Engine#precheck(Case, ProposedEvent, Instant)}: its element and its
 * attributes in the file format's words, "at" among them and no "id". Immutable.
 *
 * <pre>{@code
 * ProposedEvent plan = ProposedEvent.of("plan", LocalDate.of(2024, 8, 1)).attribute("kind", "barnets-plan").attribute("ref", "d1");
 * }</pre>
 */
public record ProposedEvent(String element, Map<String, String> attributes) {
    public ProposedEvent {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An event on a Copenhagen day. */
    public static ProposedEvent of(String element, LocalDate at) {
        return new ProposedEvent(element, Map.of("at", at.toString()));
    }

    /** An event at a Copenhagen wall-clock time (the library refuses one in the gap or the overlap). */
    public static ProposedEvent of(String element, LocalDateTime at) {
        return new ProposedEvent(element, Map.of("at", FileTime.local(at)));
    }

    public ProposedEvent attribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new ProposedEvent(element, more);
    }

    Native.ProposedEvent toNative() {
        Native.ProposedEvent e = new Native.ProposedEvent();
        e.element = Native.c(element, "element");
        e.attributes = Native.pairs(attributes, "attribute");
        return e;
    }
}
