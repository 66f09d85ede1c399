package org.acopi.reporting.web;

import java.util.Map;
import java.util.Optional;
import org.acopi.contracts.Identifiers;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.support.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Checks the ACO and PY of a request: a non-blank ACO id and a supported performance year (PY2025+). The controllers
 * take both as text and check them here, so that a bad value is a 400 with a message in the representation the
 * endpoint can write, never an exception that content negotiation turns into a 406 or a 500.
 */
final class AcoYearParameters {

    static final String UNSUPPORTED_PY = "UNSUPPORTED_PY";
    static final String BAD_ACO_ID = "BAD_ACO_ID";
    static final String BAD_PARAMETER = "BAD_PARAMETER";
    static final String NOT_FOUND = "NOT_FOUND";
    private static final int MAX_ACO_ID = 64;

    private AcoYearParameters() {
    }

    /** Why a request cannot be answered: the JSON error body of every acopi API, {@code {"error", "message"}}. */
    record Problem(HttpStatus status, String code, String message) {

        ResponseEntity<Map<String, Object>> json() {
            return ApiErrors.body(status, code, message);
        }

        static Problem badRequest(String code, String message) {
            return new Problem(HttpStatus.BAD_REQUEST, code, message);
        }
    }

    /** The problem with the parameters, if any. */
    static Optional<Problem> problem(String acoId, String performanceYear) {
        if (acoId == null || acoId.isBlank() || acoId.length() > MAX_ACO_ID) {
            return Optional.of(Problem.badRequest(BAD_ACO_ID, "the ACO id must be 1 to " + MAX_ACO_ID + " characters"));
        }
        if (performanceYear == null || performanceYear.isBlank()) {
            return Optional.of(Problem.badRequest(BAD_PARAMETER,
                    "performanceYear is required; supported: " + Identifiers.supportedYears()));
        }
        Integer year = year(performanceYear);
        if (year == null) {
            return Optional.of(Problem.badRequest(BAD_PARAMETER,
                    "performanceYear must be a year such as 2026; supported: " + Identifiers.supportedYears()));
        }
        if (!Identifiers.isSupportedYear(year) || !CountingRules.exists(year)) {
            return Optional.of(Problem.badRequest(UNSUPPORTED_PY,
                    "performance year " + year + " is not supported; supported: " + Identifiers.supportedYears()));
        }
        return Optional.empty();
    }

    /** The ACO and PY of parameters {@link #problem} found nothing wrong with. */
    static AcoYear of(String acoId, String performanceYear) {
        return new AcoYear(acoId, Integer.parseInt(performanceYear.strip()));
    }

    static Problem notFound(String what, AcoYear acoYear) {
        return new Problem(HttpStatus.NOT_FOUND, NOT_FOUND, "no " + what + " for ACO " + acoYear.acoId()
                + " and performance year " + acoYear.performanceYear() + ": no determination or score of it has been received");
    }

    private static Integer year(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
