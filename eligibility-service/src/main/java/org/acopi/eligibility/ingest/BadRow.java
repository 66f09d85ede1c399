package org.acopi.eligibility.ingest;

/** Thrown by the field readers when one row cannot be read; code and reason are stable and never show a TIN. */
final class BadRow extends RuntimeException {

    private final String code;

    BadRow(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
