package org.acopi.reporting.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountingRulesTest {

    @Test
    void reweightingBasesAreVoluntaryReportingBasesExceptCompromisedData() {
        for (int py : new int[] {2025, 2026}) {
            CountingRules rules = CountingRules.forYear(py);
            assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_SMALL_PRACTICE")).isTrue();
            assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_AUTO_EUC")).isTrue();
            assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_APP_INSUFFICIENT_INTERNET")).isTrue();
            assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_DATA_COMPROMISED")).isFalse();
            assertThat(rules.isVoluntaryReportingBasis("BELOW_LVT")).isFalse();
            assertThat(rules.isVoluntaryReportingBasis("REQUIRED")).isFalse();
            assertThat(rules.isVoluntaryReportingBasis("NO_SUCH_CODE")).isFalse();
        }
    }

    @Test
    void theFiveReasonsOfSection8AreOutsideThePopulationThatCanEarnAScore() {
        for (int py : new int[] {2025, 2026}) {
            CountingRules rules = CountingRules.forYear(py);
            for (String outside : new String[] {"NOT_IN_SNAPSHOT3", "ACO_ALL_FQHC", "FQHC_RHC_NOT_MIPS_EC", "NOT_MIPS_EC_TYPE", "BELOW_LVT"}) {
                assertThat(rules.isInsideEarnedScoreUniverse(outside)).as("PY%s %s", py, outside).isFalse();
            }
            for (String inside : new String[] {"REQUIRED", "QP_SSP_ONLY", "PARTIAL_QP_SSP", "FACTS_PENDING",
                    "REWEIGHT_SMALL_PRACTICE", "REWEIGHT_DATA_COMPROMISED"}) {
                assertThat(rules.isInsideEarnedScoreUniverse(inside)).as("PY%s %s", py, inside).isTrue();
            }
            assertThat(rules.isInsideEarnedScoreUniverse("NO_SUCH_CODE"))
                    .as("an unknown code leaves sspRequired to decide").isTrue();
        }
    }

    @Test
    void enforcementAndVersionsArePerYearData() {
        assertThat(CountingRules.forYear(2025).enforcedByDefault()).isFalse();
        assertThat(CountingRules.forYear(2026).enforcedByDefault()).isTrue();
        assertThat(CountingRules.forYear(2025).rulesVersion()).isEqualTo("acopi-public-reporting/2025.3");
        assertThat(CountingRules.forYear(2026).rulesVersion()).isEqualTo("acopi-public-reporting/2026.3");
        assertThat(CountingRules.forYear(2026).acoExemptReasons()).containsExactly("NOT_MSSP", "ACO_ALL_FQHC");
    }

    @Test
    void aYearWithoutRulesIsRefused() {
        assertThat(CountingRules.exists(2024)).isFalse();
        assertThatThrownBy(() -> CountingRules.forYear(2024)).isInstanceOf(IllegalArgumentException.class);
    }
}
