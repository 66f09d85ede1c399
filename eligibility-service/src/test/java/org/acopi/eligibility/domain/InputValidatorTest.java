package org.acopi.eligibility.domain;

import static org.acopi.eligibility.Fixtures.facts;
import static org.acopi.eligibility.Fixtures.hardship;
import static org.acopi.eligibility.Fixtures.key;
import static org.acopi.eligibility.Fixtures.roster;
import static org.acopi.eligibility.Fixtures.tinHardship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.acopi.contracts.EventKeys;
import org.acopi.eligibility.Fixtures;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipStatus;
import org.junit.jupiter.api.Test;

/** Edge validation of design.md §4: identifiers, PY, snapshot, clinician type, hardship level and key. */
class InputValidatorTest {

    final InputValidator validator = new InputValidator(EligibilityRules.load());

    @Test
    void validInputsHaveNoProblems() {
        assertThat(validator.roster(key(2026), roster(2026).build())).isEmpty();
        assertThat(validator.facts(key(2026), facts(2026).build())).isEmpty();
        assertThat(validator.hardship(key(2026), hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).build())).isEmpty();
        assertThat(validator.hardship(EventKeys.wholeTin(2026, Fixtures.TIN),
                tinHardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).build())).isEmpty();
        assertThat(validator.acoProfile(EventKeys.acoYear(Fixtures.ACO, 2026), Fixtures.aco(2026).build())).isEmpty();
    }

    @Test
    void eachBrokenRuleHasItsStableCode() {
        assertThat(validator.roster(null, roster(2026).setTin("12345").build())).extracting(InputProblem::code).containsExactly("INVALID_TIN");
        assertThat(validator.roster(null, roster(2026).setNpi("1234567890").build())).extracting(InputProblem::code).containsExactly("INVALID_NPI");
        assertThat(validator.roster(null, roster(2024).build())).extracting(InputProblem::code).containsExactly("UNSUPPORTED_PY");
        assertThat(validator.roster(null, roster(2026).setSnapshot(5).build())).extracting(InputProblem::code).containsExactly("INVALID_SNAPSHOT");
        assertThat(validator.roster(null, roster(2026).setClinicianType("WIZARD").build())).extracting(InputProblem::code).containsExactly("UNKNOWN_CLINICIAN_TYPE");
        assertThat(validator.roster(key(2025), roster(2026).build())).extracting(InputProblem::code).containsExactly("KEY_MISMATCH");
        assertThat(validator.hardship(key(2026), tinHardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build()))
                .extracting(InputProblem::code).containsExactly("KEY_MISMATCH");
        assertThat(validator.hardship(null, tinHardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).setNpi(Fixtures.NPI).build()))
                .extracting(InputProblem::code).containsExactly("INVALID_HARDSHIP_LEVEL");
        assertThat(validator.facts(null, null)).extracting(InputProblem::code).containsExactly("MISSING_VALUE");
    }

    @Test
    void virtualGroupIdWhenPresentIsNonBlankAndAtMost64Characters() {
        assertThat(validator.facts(key(2026), facts(2026).setVirtualGroupId("VG-123").build())).isEmpty();
        assertThat(validator.facts(key(2026), facts(2026).setVirtualGroupId("V".repeat(64)).build())).isEmpty();
        assertThat(validator.facts(key(2026), facts(2026).setVirtualGroupId(" ").build()))
                .extracting(InputProblem::code, InputProblem::field).containsExactly(tuple("INVALID_VIRTUAL_GROUP", "virtualGroupId"));
        assertThat(validator.facts(key(2026), facts(2026).setVirtualGroupId("V".repeat(65)).build()))
                .extracting(InputProblem::code).containsExactly("INVALID_VIRTUAL_GROUP");
    }

    @Test
    void messagesNeverContainAFullTin() {
        assertThat(validator.roster(EventKeys.clinician(2025, Fixtures.TIN, Fixtures.NPI), roster(2026).build()))
                .allSatisfy(p -> assertThat(p.message()).doesNotContain(Fixtures.TIN));
    }
}
