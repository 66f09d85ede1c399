package org.acopi.eligibility.domain;

/**
 * Why an eligibility input breaks the event contract (design.md §4: identifiers validated at the edge). The code is
 * stable: it is the dead-letter reason of the record and the problem code of a rejected preview request.
 */
public record InputProblem(String code, String field, String message) {

    public static final String MISSING_VALUE = "MISSING_VALUE";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String UNSUPPORTED_PY = "UNSUPPORTED_PY";
    public static final String INVALID_TIN = "INVALID_TIN";
    public static final String INVALID_NPI = "INVALID_NPI";
    public static final String KEY_MISMATCH = "KEY_MISMATCH";
    public static final String INVALID_SNAPSHOT = "INVALID_SNAPSHOT";
    public static final String UNKNOWN_CLINICIAN_TYPE = "UNKNOWN_CLINICIAN_TYPE";
    public static final String INVALID_HARDSHIP_LEVEL = "INVALID_HARDSHIP_LEVEL";
    /** A facts {@code virtualGroupId} that is blank or longer than {@link InputValidator#MAX_VIRTUAL_GROUP_ID_LENGTH}. */
    public static final String INVALID_VIRTUAL_GROUP = "INVALID_VIRTUAL_GROUP";
    public static final String INCONSISTENT_INPUTS = "INCONSISTENT_INPUTS";
    /** A JSON field with a value of the wrong type or an unknown enum symbol (preview only; on Kafka, Avro rejects it). */
    public static final String INVALID_VALUE = "INVALID_VALUE";
    /** A participant file whose header lacks a required column (the whole file is rejected). */
    public static final String CSV_MISSING_COLUMNS = "CSV_MISSING_COLUMNS";
    /** A CSV header column the input does not know (ignored). */
    public static final String CSV_UNKNOWN_COLUMN = "CSV_UNKNOWN_COLUMN";
    /** A CSV row with another number of fields than the header. */
    public static final String CSV_FIELD_COUNT = "CSV_FIELD_COUNT";
    /** Text that is not CSV (an unterminated quote, a duplicate header name); the rows after it are not read. */
    public static final String CSV_MALFORMED = "CSV_MALFORMED";
    /** A CSV value that starts like a spreadsheet formula ({@code =}, {@code +}, {@code -}, {@code @}; CSV injection). */
    public static final String CSV_FORMULA = "CSV_FORMULA";
    /** A body that is not UTF-8 text. */
    public static final String INVALID_ENCODING = "INVALID_ENCODING";
    /** A JSON body that is not an array of objects, or exceeds the parser's limits. */
    public static final String INVALID_JSON = "INVALID_JSON";
    /** A body larger than the endpoint accepts. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** A Content-Type the endpoint does not read. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
}
