package org.acopi.reporting.ingest;

import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acopi.support.deadletter.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EdgeValidationTest {

    private static final String KEY = "2026:" + tin(1) + ":" + npi(1);

    private static void rejected(String reason, Executable check) {
        assertThatThrownBy(check::execute)
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reasonCode()).isEqualTo(reason));
    }

    @Test
    void acceptsAValidClinicianEvent() {
        assertThatCode(() -> EdgeValidation.clinician(KEY, 2026, tin(1), npi(1), "A1")).doesNotThrowAnyException();
        assertThatCode(() -> EdgeValidation.acoYear("A1:2025", 2025, "A1")).doesNotThrowAnyException();
        assertThatCode(() -> EdgeValidation.score(0.0)).doesNotThrowAnyException();
        assertThatCode(() -> EdgeValidation.score(null)).doesNotThrowAnyException();
        assertThatCode(() -> EdgeValidation.legalName("Lakeshore Health Partners ACO, LLC")).doesNotThrowAnyException();
    }

    @Test
    void rejectsWithAStableReasonCode() {
        rejected(EdgeValidation.UNSUPPORTED_PY, () -> EdgeValidation.clinician("2024:" + tin(1) + ":" + npi(1), 2024, tin(1), npi(1), "A1"));
        rejected(EdgeValidation.INVALID_TIN, () -> EdgeValidation.clinician(KEY, 2026, "12345678X", npi(1), "A1"));
        rejected(EdgeValidation.INVALID_NPI, () -> EdgeValidation.clinician(KEY, 2026, tin(1), "1234567890", "A1"));
        rejected(EdgeValidation.MISSING_ACO_ID, () -> EdgeValidation.clinician(KEY, 2026, tin(1), npi(1), " "));
        rejected(EdgeValidation.KEY_MISMATCH, () -> EdgeValidation.clinician(KEY, 2026, tin(2), npi(1), "A1"));
        rejected(EdgeValidation.KEY_MISMATCH, () -> EdgeValidation.acoYear("A2:2026", 2026, "A1"));
        rejected(EdgeValidation.INVALID_SCORE, () -> EdgeValidation.score(100.5));
        rejected(EdgeValidation.INVALID_SCORE, () -> EdgeValidation.score(Double.NaN));
        rejected(EdgeValidation.MISSING_LEGAL_NAME, () -> EdgeValidation.legalName(" \t"));
        rejected(EdgeValidation.MISSING_LEGAL_NAME, () -> EdgeValidation.legalName(null));
    }

    @Test
    void messagesNeverCarryAFullTin() {
        assertThatThrownBy(() -> EdgeValidation.clinician(KEY, 2026, tin(2), npi(1), "A1"))
                .message().doesNotContain(tin(1)).doesNotContain(tin(2));
    }
}
