package org.acopi.scoring.rules;

/**
 * The stable numbered validation problems of a PI measurement set (docs/pi-rules.md §2.6, §0.1 {@code INVALID_*}): a
 * submission with any of them is rejected and not scored. 1xx are CMS measurement-set rules, 2xx identity and edge
 * checks (design.md §4), 3xx the shape of a submitted document: 301-309 QPP Submissions API JSON, 310-319 a QRDA
 * Category III XML export (CMS QRDA III Implementation Guide), 320-329 the HTTP request carrying either. Numbers and
 * codes never change meaning; new problems get new numbers.
 */
public enum ProblemCode {

    EXCLUSION_WITH_MEASURE(101, "INVALID_EXCLUSION_WITH_MEASURE", "an exclusion and the measure it excludes are in the same measurement set"),
    SUBSTITUTE_WITH_MEASURE(102, "INVALID_SUBSTITUTE_WITH_MEASURE", "a substitute measure is submitted together with the measure it substitutes"),
    MEASURE_NOT_IN_PERFORMANCE_YEAR(103, "INVALID_MEASURE_NOT_IN_PERFORMANCE_YEAR", "the measure id is not a PI measure of the performance year"),
    DUPLICATE_MEASURE(104, "INVALID_DUPLICATE_MEASURE", "the measure id appears more than once"),
    VALUE_TYPE(105, "INVALID_VALUE_TYPE", "the value does not match the measure's metric type"),
    PROPORTION_OUT_OF_RANGE(106, "INVALID_PROPORTION", "a proportion needs 0 <= numerator <= denominator and denominator > 0"),
    PERFORMANCE_PERIOD_MISSING(107, "INVALID_PERFORMANCE_PERIOD_MISSING", "performanceStart and performanceEnd are required"),
    PERFORMANCE_PERIOD_ORDER(108, "INVALID_PERFORMANCE_PERIOD_ORDER", "performanceEnd is before performanceStart"),
    MEASURE_ID_MISSING(109, "INVALID_MEASURE_ID_MISSING", "a measurement has no measureId"),

    PERFORMANCE_YEAR_UNSUPPORTED(201, "UNSUPPORTED_PY", "the performance year is not supported"),
    TIN_INVALID(202, "INVALID_TIN", "the TIN is not 9 digits"),
    NPI_INVALID(203, "INVALID_NPI", "the NPI is not 10 digits with a valid check digit"),
    ENTITY_ID_MISSING(204, "INVALID_ENTITY_ID", "the identifier of the submitting entity is missing"),
    KEY_MISMATCH(205, "KEY_MISMATCH", "the record key does not match the submission"),
    SUBMITTER_MISSING(206, "INVALID_SUBMITTER", "the submitter (source system) is missing"),
    SUBMISSION_ID_MISSING(207, "INVALID_SUBMISSION_ID", "the submission id is missing"),
    ENTITY_TYPE_INVALID(208, "INVALID_ENTITY_TYPE", "entityType must be individual, group, virtualGroup or apmEntity"),

    NOT_JSON(301, "INVALID_JSON", "the body is not well-formed JSON"),
    DATE_FORMAT(302, "INVALID_DATE", "a date is not YYYY-MM-DD"),
    NO_PI_MEASUREMENT_SET(303, "INVALID_NO_PI_MEASUREMENT_SET", "no measurement set with category pi"),
    FIELD_TYPE(304, "INVALID_FIELD_TYPE", "a field has the wrong JSON type"),
    SEVERAL_PI_MEASUREMENT_SETS(305, "INVALID_SEVERAL_PI_MEASUREMENT_SETS", "more than one measurement set with category pi"),
    JSON_LIMIT(306, "INVALID_JSON_LIMIT", "the JSON exceeds a structural limit (nesting depth, number or string length)"),
    NOT_ONE_SUBMISSION(307, "INVALID_NOT_ONE_SUBMISSION", "the body must hold exactly one submission object"),

    NOT_XML(310, "INVALID_XML", "the body is not well-formed XML"),
    XML_DOCTYPE(311, "INVALID_XML_DOCTYPE", "a DOCTYPE, DTD or entity declaration is not accepted (XXE, entity expansion)"),
    NOT_QRDA3(312, "INVALID_QRDA3_DOCUMENT", "the document is not a QRDA Category III ClinicalDocument"),
    QRDA3_TEMPLATE_UNKNOWN(313, "INVALID_QRDA3_TEMPLATE", "the CMS QRDA III document template or its extension is not one acopi reads"),
    QRDA3_NO_PI_SECTION(314, "INVALID_QRDA3_NO_PI_SECTION", "the document has no Promoting Interoperability section"),
    QRDA3_MEASURE(315, "INVALID_QRDA3_MEASURE", "a PI measure entry lacks its measure id or its result"),
    QRDA3_PROGRAM(316, "INVALID_QRDA3_PROGRAM", "the information recipient's program is missing or not one acopi reads"),
    QRDA3_PERIOD(317, "INVALID_QRDA3_PERIOD", "the PI section's reporting parameters give no readable performance period"),

    PAYLOAD_TOO_LARGE(320, "PAYLOAD_TOO_LARGE", "the body is larger than this endpoint accepts"),
    UNSUPPORTED_MEDIA_TYPE(321, "UNSUPPORTED_MEDIA_TYPE", "the Content-Type is not one this endpoint reads"),
    NOT_UTF8(322, "INVALID_ENCODING", "the JSON body is not UTF-8 text"),

    TOO_MANY_PROBLEMS(999, "TOO_MANY_PROBLEMS", "more problems were found than are listed");

    /** At most this many problems are reported for one submission; the last one then says how many were left out. */
    public static final int MAX_REPORTED = 50;

    private final int number;
    private final String code;
    private final String description;

    ProblemCode(int number, String code, String description) {
        this.number = number;
        this.code = code;
        this.description = description;
    }

    public int number() {
        return number;
    }

    /**
     * The reason code, for example {@code INVALID_EXCLUSION_WITH_MEASURE}; the identity codes are those every acopi
     * service uses as dead-letter reasons ({@code INVALID_TIN}, {@code INVALID_NPI}, {@code KEY_MISMATCH},
     * {@code UNSUPPORTED_PY}).
     */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public Problem problem(String message) {
        return new Problem(number, code(), message);
    }

    public Problem problem() {
        return problem(description);
    }
}
