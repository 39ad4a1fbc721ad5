package dk.barnetslov;

import java.util.List;

/**
 * A case that is not valid (BL_ERROR_INPUT) or a file that could not be read (BL_ERROR_IO). The
 * message lists every problem the library found, one per line, each naming the source, and in a
 * file the line and column: "case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is
 * not a date". No message holds a CPR number.
 */
public class InputException extends BarnetslovException {
    private static final long serialVersionUID = 1L;

    InputException(int code, String status, String message) {
        super(code, status, message);
    }

    /** The problems, one per line of the message. */
    public List<String> problems() {
        return List.of(getMessage().split("\n"));
    }
}
