package dk.barnetslov;

/**
 * A call the C library refused. {@link #status()} is the bl_status name ("BL_ERROR_ARGUMENT"),
 * the message is the library's (bl_last_error_message), word for word.
 */
public class BarnetslovException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String status;

    BarnetslovException(int code, String status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** The bl_status value, e.g. 1 for BL_ERROR_ARGUMENT. */
    public int code() {
        return code;
    }

    /** The bl_status name, e.g. "BL_ERROR_INPUT". */
    public String status() {
        return status;
    }
}
