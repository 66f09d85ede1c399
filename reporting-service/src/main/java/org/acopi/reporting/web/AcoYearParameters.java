package org.acopi.reporting.web;

import java.util.Optional;
import org.acopi.contracts.Identifiers;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;

/** Checks the ACO and PY of a request: a non-blank ACO id and a supported performance year (PY2025+). */
final class AcoYearParameters {

    static final String UNSUPPORTED_PY = "UNSUPPORTED_PY";
    static final String BAD_ACO_ID = "BAD_ACO_ID";
    private static final int MAX_ACO_ID = 64;

    private AcoYearParameters() {
    }

    /** The problem with the parameters, if any, as an error code and message. */
    static Optional<String[]> problem(String acoId, int performanceYear) {
        if (acoId == null || acoId.isBlank() || acoId.length() > MAX_ACO_ID) {
            return Optional.of(new String[] {BAD_ACO_ID, "the ACO id must be 1 to " + MAX_ACO_ID + " characters"});
        }
        if (!Identifiers.isSupportedYear(performanceYear) || !CountingRules.exists(performanceYear)) {
            return Optional.of(new String[] {UNSUPPORTED_PY,
                    "performance year " + performanceYear + " is not supported; supported: " + Identifiers.supportedYears()});
        }
        return Optional.empty();
    }

    static AcoYear of(String acoId, int performanceYear) {
        return new AcoYear(acoId, performanceYear);
    }
}
