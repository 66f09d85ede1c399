package org.acopi.scoring.rules;

/**
 * The stable numbered validation problems of a PI measurement set (docs/pi-rules.md §2.6, §0.1 {@code INVALID_*}): a
 * submission with any of them is rejected and not scored. 1xx are CMS measurement-set rules, 2xx identity and edge
 * checks (design.md §4), 3xx the shape of a QPP Submissions API JSON document. Numbers and codes never change
 * meaning; new problems get new numbers.
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
