package org.acopi.support.deadletter;

import java.util.List;

/**
 * An event that decoded but breaks the contract (bad TIN or NPI, unsupported PY, key not matching value, a PI
 * submission that fails validation). Never retried: the record goes to {@code <topic>-dlt} with {@link #reasonCode()}
 * and the details, and processing continues with the next record.
 */
public class InvalidEventException extends RuntimeException {

    private final String reasonCode;
    private final List<String> details;

    public InvalidEventException(String reasonCode, String message) {
        this(reasonCode, message, List.of());
    }

    public InvalidEventException(String reasonCode, String message, List<String> details) {
        super(message);
        this.reasonCode = reasonCode;
        this.details = List.copyOf(details);
    }

    public String reasonCode() {
        return reasonCode;
    }

    /** Further problem codes, for example every validation problem of a PI submission. */
    public List<String> details() {
        return details;
    }
}
