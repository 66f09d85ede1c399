package org.acopi.reporting.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountingRulesTest {

    @Test
    void reweightingBasesAreMatchedByPrefixExceptCompromisedData() {
        CountingRules rules = CountingRules.forYear(2026);

        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_SMALL_PRACTICE"))).isTrue();
        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_APP_INSUFFICIENT_INTERNET"))).isTrue();
        assertThat(rules.isVoluntaryReportingBasis(List.of("EXCLUDED_VOLUNTARY"))).isTrue();
        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_SMALL_PRACTICE", "REWEIGHT_AUTO_EUC"))).isTrue();
        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_DATA_COMPROMISED"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_SMALL_PRACTICE", "REWEIGHT_DATA_COMPROMISED"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of("BELOW_LVT"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of())).isFalse();
    }

    @Test
    void onlyTheDecidingReasonIsAReweightingBasisButCompromisedDataVetoesFromAnywhere() {
        CountingRules rules = CountingRules.forYear(2026);

        assertThat(rules.isVoluntaryReportingBasis(List.of("BELOW_LVT", "REWEIGHT_ASC_BASED"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of("NOT_IN_SNAPSHOT3", "REWEIGHT_SMALL_PRACTICE"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of("NOT_MIPS_EC_TYPE", "REWEIGHT_APP_DECERTIFIED_EHR"))).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(List.of("REWEIGHT_AUTO_EUC", "REWEIGHT_DATA_COMPROMISED"))).isFalse();
        assertThat(CountingRules.forYear(2025).isVoluntaryReportingBasis(List.of("BELOW_LVT", "REWEIGHT_SMALL_PRACTICE")))
                .isFalse();
    }

    @Test
    void enforcementAndVersionsArePerYearData() {
        assertThat(CountingRules.forYear(2025).enforcedByDefault()).isFalse();
        assertThat(CountingRules.forYear(2026).enforcedByDefault()).isTrue();
        assertThat(CountingRules.forYear(2026).rulesVersion()).isEqualTo("acopi-public-reporting/2026.2");
        assertThat(CountingRules.forYear(2026).acoExemptReasons()).containsExactly("ACO_ALL_FQHC", "NOT_MSSP");
    }

    @Test
    void aYearWithoutRulesIsRefused() {
        assertThat(CountingRules.exists(2024)).isFalse();
        assertThatThrownBy(() -> CountingRules.forYear(2024)).isInstanceOf(IllegalArgumentException.class);
    }
}
