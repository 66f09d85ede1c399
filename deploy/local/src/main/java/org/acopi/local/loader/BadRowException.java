package org.acopi.local.loader;

/** Thrown by the field readers when one row or object cannot be loaded; the message is the reason (no full TIN). */
final class BadRowException extends RuntimeException {

    BadRowException(String reason) {
        super(reason, null, false, false);
    }
}
