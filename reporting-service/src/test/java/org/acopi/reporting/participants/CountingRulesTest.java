package org.acopi.reporting.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountingRulesTest {

    @Test
    void reweightingBasesAreMatchedByPrefixExceptCompromisedData() {
        CountingRules rules = CountingRules.forYear(2026);

        assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_SMALL_PRACTICE")).isTrue();
        assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_APP_INSUFFICIENT_INTERNET")).isTrue();
        assertThat(rules.isVoluntaryReportingBasis("EXCLUDED_VOLUNTARY")).isTrue();
        assertThat(rules.isVoluntaryReportingBasis("REWEIGHT_DATA_COMPROMISED")).isFalse();
        assertThat(rules.isVoluntaryReportingBasis("BELOW_LVT")).isFalse();
        assertThat(rules.isVoluntaryReportingBasis(null)).isFalse();
    }

    @Test
    void enforcementAndVersionsArePerYearData() {
        assertThat(CountingRules.forYear(2025).enforcedByDefault()).isFalse();
        assertThat(CountingRules.forYear(2026).enforcedByDefault()).isTrue();
        assertThat(CountingRules.forYear(2026).rulesVersion()).isEqualTo("acopi-public-reporting/2026.1");
        assertThat(CountingRules.forYear(2026).acoExemptReason()).isEqualTo("ACO_ALL_FQHC");
    }

    @Test
    void aYearWithoutRulesIsRefused() {
        assertThat(CountingRules.exists(2024)).isFalse();
        assertThatThrownBy(() -> CountingRules.forYear(2024)).isInstanceOf(IllegalArgumentException.class);
    }
}
