package org.acopi.reporting.ingest;

import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.support.deadletter.InvalidEventException;

/**
 * Contract checks on every consumed event before it reaches a read model (design.md §4, docs/conventions.md "Bad
 * input"): TIN (9 digits), NPI (10 digits with the Luhn check), a PY with public-reporting rules (PY2025+), an ACO id,
 * a key matching the value, scores on the 0–100 PI scale, and the legal name an ACO publishes under (42 CFR 425.308).
 * A failure carries a stable reason code and a message in which no TIN appears in full.
 */
final class EdgeValidation {

    static final String UNSUPPORTED_PY = "UNSUPPORTED_PY";
    static final String INVALID_TIN = "INVALID_TIN";
    static final String INVALID_NPI = "INVALID_NPI";
    static final String MISSING_ACO_ID = "MISSING_ACO_ID";
    static final String KEY_MISMATCH = "KEY_MISMATCH";
    static final String INVALID_SCORE = "INVALID_SCORE";
    static final String MISSING_LEGAL_NAME = "MISSING_LEGAL_NAME";

    private EdgeValidation() {
    }

    static void clinician(String key, int performanceYear, String tin, String npi, String acoId) {
        performanceYear(performanceYear);
        if (!Identifiers.isTin(tin)) {
            throw new InvalidEventException(INVALID_TIN, "TIN " + Identifiers.maskTin(tin) + " is not 9 digits");
        }
        if (!Identifiers.isNpi(npi)) {
            throw new InvalidEventException(INVALID_NPI, "NPI " + npi + " is not 10 digits with a valid check digit");
        }
        acoId(acoId);
        String expected = EventKeys.clinician(performanceYear, tin, npi);
        if (!expected.equals(key)) {
            throw new InvalidEventException(KEY_MISMATCH, "key " + Identifiers.maskKey(key) + " does not match the event's "
                    + Identifiers.maskKey(expected));
        }
    }

    static void acoYear(String key, int performanceYear, String acoId) {
        performanceYear(performanceYear);
        acoId(acoId);
        String expected = EventKeys.acoYear(acoId, performanceYear);
        if (!expected.equals(key)) {
            throw new InvalidEventException(KEY_MISMATCH, "key " + Identifiers.maskKey(key) + " does not match the event's "
                    + expected);
        }
    }

    static void score(Double score) {
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw new InvalidEventException(INVALID_SCORE, "PI score " + score + " is outside 0-100");
        }
    }

    static void legalName(String legalName) {
        if (legalName == null || legalName.isBlank()) {
            throw new InvalidEventException(MISSING_LEGAL_NAME, "the ACO profile has no legal name");
        }
    }

    private static void performanceYear(int performanceYear) {
        if (!Identifiers.isSupportedYear(performanceYear) || !CountingRules.exists(performanceYear)) {
            throw new InvalidEventException(UNSUPPORTED_PY, "performance year " + performanceYear + " is not supported");
        }
    }

    private static void acoId(String acoId) {
        if (acoId == null || acoId.isBlank()) {
            throw new InvalidEventException(MISSING_ACO_ID, "the event names no ACO");
        }
    }
}
