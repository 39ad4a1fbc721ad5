package dk.barnetslov;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decision not yet made, to pre-check with {@link Engine#precheck(Case, ProposedDecision, Instant)}.
 * Immutable; the with-methods return a copy.
 *
 * <pre>{@code
 * ProposedDecision d = ProposedDecision.of("supportive-measure", engine.instant(LocalDateTime.of(2025, 1, 20, 10, 0)))
 *         .refs("bfu1").attribute("has-reasons", "true");
 * }</pre>
 *
 * @param kind       the vocabulary's decision kind, e.g. "placement-without-consent"
 * @param at         when it would be made
 * @param body       who would decide ("municipality", "committee", ...), or null
 * @param refs       ids of the events it rests on, space separated, or null
 * @param attributes further attributes of the afgoerelse event, as in a file: "section", "has-reasons", ...
 */
public record ProposedDecision(String kind, Instant at, String body, String refs, Map<String, String> attributes) {
    public ProposedDecision {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static ProposedDecision of(String kind, Instant at) {
        return new ProposedDecision(kind, at, null, null, Map.of());
    }

    public ProposedDecision body(String body) {
        return new ProposedDecision(kind, at, body, refs, attributes);
    }

    public ProposedDecision refs(String refs) {
        return new ProposedDecision(kind, at, body, refs, attributes);
    }

    public ProposedDecision attribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new ProposedDecision(kind, at, body, refs, more);
    }

    Native.ProposedDecision toNative() {
        Native.ProposedDecision d = new Native.ProposedDecision();
        d.at = at.getEpochSecond();
        d.kind = Native.c(kind, "kind");
        d.body = body == null ? null : Native.c(body, "body");
        d.refs = refs == null ? null : Native.c(refs, "refs");
        d.attributes = Native.pairs(attributes, "attribute");
        return d;
    }
}
