package org.acopi.contracts;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not an acopi event: a bad header, an unknown schema fingerprint, or a body that does not match its
 * schema. Its {@link #reasonCode()} is the stable dead-letter reason.
 */
public class EventDecodingException extends SerializationException {

    private final String reasonCode;

    public EventDecodingException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
