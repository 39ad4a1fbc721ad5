package dk.barnetslov;

import java.util.List;
import java.util.OptionalLong;

/**
 * A case that is not valid (BL_ERROR_INPUT) or a file that could not be read (BL_ERROR_IO). The
 * message lists every problem the library found, one per line, each naming the source, and in a
 * file the line and column: "case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is
 * not a date". {@link #problems()} gives the same problems as records, for a case system that
 * maps them back to its own rows and fields. No message holds a CPR number.
 */
public class InputException extends BarnetslovException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * One problem (bl_input_problem).
     *
     * @param code       a stable key for its kind: "invalid_value", "missing_attribute", "nonexistent_time", ...
     * @param message    the problem alone: "event 'kvittering' attribute 'at': '2024-13-01' is not a date"
     * @param source     the file's path or the builder's source name, as the message shows it
     * @param line       1-based in a file; 0 for a case built in memory
     * @param column     likewise
     * @param element    "case", "child", "party", "sibling", an event element, or "" for the input as a whole
     * @param eventIndex the event's 0-based position in input order (the builder's event() calls, a
     *                   refused one included): the case system's row
     * @param id         the element's id when it has one, else ""
     * @param attribute  the attribute at fault, or ""
     */
    public record Problem(String code, String message, String source, long line, long column, String element,
                          OptionalLong eventIndex, String id, String attribute) {}

    InputException(int code, String status, String message, List<Problem> problems) {
        super(code, status, message);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems the library kept, one per line of the message: for a case file, the builder and
     * a pre-check's proposed event; none for a time refused by Engine.parseTime or instant().
     */
    public List<Problem> problems() {
        return problems;
    }
}
