package org.acopi.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.acopi.contracts.Identifiers;
import org.junit.jupiter.api.Test;

/** The rules data as loaded: years discovered from data, the CMS catalogue sizes, and §2.4 totals for every combination. */
class RulesDataTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();

    @Test
    void performanceYearsComeFromDataAndMatchTheEdgeContract() {
        assertThat(RULES.performanceYears()).containsExactly(2025, 2026);
        assertThat(RULES.performanceYears()).isEqualTo(Identifiers.supportedYears());
    }

    @Test
    void catalogueIsCmsMeasuresData() {
        assertThat(RULES.year(2025).catalogue().size()).isEqualTo(38);
        assertThat(RULES.year(2026).catalogue().size()).isEqualTo(39);
        assertThat(RULES.year(2025).catalogue().contains("PI_PHCDRR_6")).isFalse();
        assertThat(RULES.year(2025).catalogue().measureExcludedBy("PI_LVPP_1")).isEqualTo("PI_EP_1");
    }

    @Test
    void everyRedistributionRowOfEveryHieOptionSumsTo100() {
        for (int py : RULES.performanceYears()) {
            CategoryScoring scoring = new CategoryScoring(RULES.year(py));
            assertThat(scoring.redistributionRows()).isNotEmpty().allSatisfy(row ->
                    assertThat(row.values().stream().mapToInt(Integer::intValue).sum()).as("%s", row).isEqualTo(100));
        }
    }

    @Test
    void rulesVersionsNameTheYear() {
        assertThat(RULES.year(2025).rulesVersion()).isEqualTo("acopi-pi-rules/2025.1");
        assertThat(RULES.year(2026).rulesVersion()).isEqualTo("acopi-pi-rules/2026.1");
        for (int py : RULES.performanceYears()) {
            assertThat(RULES.year(py).apmEntityRollup().notPartOfEntity()).as("PY%s", py)
                    .contains("NOT_MSSP", "ACO_ALL_FQHC", "NOT_IN_SNAPSHOT3", "BELOW_LVT");
        }
    }

    @Test
    void noExclusionCombinationLeavesAMaximumAbove100() {
        for (int py : RULES.performanceYears()) {
            for (Map<String, Integer> row : new CategoryScoring(RULES.year(py)).redistributionRows()) {
                assertThat(row.values()).allSatisfy(v -> assertThat(v).isBetween(0, 100));
            }
        }
    }
}
