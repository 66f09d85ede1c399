package org.acopi.eligibility.ingest;

import java.util.Map;

/** One row of a participant input: where it is, its text (the base of deterministic ids) and its fields by column. */
record Row(String source, int line, String content, Map<String, String> fields) {

    String get(String column) {
        String value = fields.get(column);
        return value == null ? "" : value;
    }

    boolean has(String column) {
        return !get(column).isBlank();
    }
}
