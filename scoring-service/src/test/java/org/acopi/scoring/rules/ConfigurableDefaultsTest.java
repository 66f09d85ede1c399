package org.acopi.scoring.rules;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acopi.events.MeasureStatus;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The docs/pi-rules.md §11.4 defaults that are configurable per PY, scored with the value each PY's rules data gives and
 * with the other value: item 3 ({@code answeredNo.zeroesCategory}) and item 4 for the bonus
 * ({@code engagementLevels.requiredForBonus}).
 */
class ConfigurableDefaultsTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();
    private static final String PAIR = "PI_PHCDRR_1+PI_PHCDRR_3";

    private static PerformanceYearRules answeredNoZeroes(int py, boolean zeroes) {
        return ScoringRules.loadYear(py, tree -> ((ObjectNode) tree.get("answeredNo")).put("zeroesCategory", zeroes));
    }

    private static PerformanceYearRules levelRequiredForBonus(int py, boolean required) {
        return ScoringRules.loadYear(py, tree ->
                ((ObjectNode) tree.get("engagementLevels")).put("requiredForBonus", required));
    }

    private static PiScore score(PerformanceYearRules rules, MeasurementSets.Builder set) {
        PiMeasurementSet built = set.build();
        assertThat(RULES.validate(built)).isEmpty();
        return rules.score(built);
    }

    private static MeasurePart part(PiScore score, String id) {
        return score.parts().stream().filter(p -> p.measureId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void bothYearsShipTheDefaults() {
        for (int py : RULES.performanceYears()) {
            assertThat(RULES.year(py).answeredNoZeroesCategory()).as("PY%s answeredNo.zeroesCategory", py).isTrue();
            assertThat(RULES.year(py).engagementLevelRequiredForBonus()).as("PY%s requiredForBonus", py).isTrue();
            assertThat(RULES.year(py).engagementLevelRequiredOnYes()).as("PY%s requiredOnYes", py).isTrue();
        }
    }

    @Test
    void aMissingSettingStopsLoading() {
        assertThatThrownBy(() -> ScoringRules.loadYear(2026, tree -> tree.remove("answeredNo")))
                .hasMessageContaining("answeredNo is missing");
        assertThatThrownBy(() -> ScoringRules.loadYear(2026,
                tree -> ((ObjectNode) tree.get("engagementLevels")).remove("requiredForBonus")))
                .hasMessageContaining("engagementLevels.requiredForBonus is missing");
    }

    @Test
    void requiredNoZeroesTheCategory_whenTheDataSaysSo() {
        PiScore score = score(answeredNoZeroes(2026, true), defaults(2026).no("PI_EP_2"));
        assertThat(score.score()).isZero();
        assertThat(score.zeroReasons()).containsExactly("Z_ANSWERED_NO_PI_EP_2");
    }

    @Test
    void requiredNoEarnsZeroForThatMeasureOnly_otherwise() {
        PiScore score = score(answeredNoZeroes(2026, false), defaults(2026).no("PI_EP_2"));
        assertThat(score.zeroReasons()).isEmpty();
        assertThat(score.score()).isEqualTo(90);
        assertThat(part(score, "PI_EP_2").points()).isZero();
        assertThat(part(score, "PI_EP_2").formula()).isEqualTo("false = 0");
    }

    @Test
    void hieOptionNoFollowsTheSameSetting() {
        MeasurementSets.Builder set = defaults(2026).without("PI_HIE_1", "PI_HIE_4").no("PI_HIE_5");
        assertThat(score(answeredNoZeroes(2026, true), set).zeroReasons()).containsExactly("Z_ANSWERED_NO_PI_HIE_5");
        PiScore lenient = score(answeredNoZeroes(2026, false), set);
        assertThat(lenient.zeroReasons()).isEmpty();
        assertThat(lenient.score()).isEqualTo(70);
    }

    @Test
    void publicHealthNoZeroesTheCategory_orEarnsZeroForThePair() {
        MeasurementSets.Builder set = defaults(2026).no("PI_PHCDRR_3").without("PI_PHCDRR_3_PROD");
        assertThat(score(answeredNoZeroes(2026, true), set).zeroReasons()).containsExactly("Z_ANSWERED_NO_PI_PHCDRR_3");

        PiScore lenient = score(answeredNoZeroes(2026, false), set);
        assertThat(lenient.zeroReasons()).isEmpty();
        assertThat(lenient.score()).isEqualTo(75);
        assertThat(part(lenient, PAIR).points()).isZero();
        assertThat(part(lenient, PAIR).status()).isEqualTo(MeasureStatus.SCORED);
    }

    @Test
    void py2025ImmunizationNoNextToSuppressedEcr_followsTheSetting() {
        MeasurementSets.Builder set = defaults(2025).no("PI_PHCDRR_1").without("PI_PHCDRR_1_PROD");
        PiScore strict = score(answeredNoZeroes(2025, true), set);
        assertThat(strict.score()).isZero();
        assertThat(strict.zeroReasons()).containsExactly("Z_ANSWERED_NO_PI_PHCDRR_1");

        PiScore lenient = score(answeredNoZeroes(2025, false), set);
        assertThat(lenient.zeroReasons()).isEmpty();
        assertThat(lenient.score()).isEqualTo(75);
        assertThat(part(lenient, PAIR).points()).isZero();
    }

    @Test
    void suppressedEcrNoNeverZeroes_whateverTheSetting() {
        MeasurementSets.Builder set = defaults(2025).no("PI_PHCDRR_3").without("PI_PHCDRR_3_PROD");
        assertThat(score(answeredNoZeroes(2025, true), set).score()).isEqualTo(100);
        assertThat(score(answeredNoZeroes(2025, false), set).score()).isEqualTo(100);
    }

    @Test
    void bonusYesWithoutItsLevelEarnsNothing_whenTheLevelIsRequired() {
        MeasurementSets.Builder set = defaults(2026).ratio("PI_PEA_1", 200, 300).yes("PI_PHCDRR_4");
        PiScore score = score(levelRequiredForBonus(2026, true), set);
        assertThat(score.score()).isEqualTo(92);
        assertThat(score.bonus()).isZero();
        assertThat(part(score, "PI_PHCDRR_4").formula()).isEqualTo("true without exactly one engagement level = 0");
    }

    @Test
    void bonusYesWithoutItsLevelEarnsTheBonus_otherwise() {
        MeasurementSets.Builder set = defaults(2026).ratio("PI_PEA_1", 200, 300).yes("PI_PHCDRR_4");
        PiScore score = score(levelRequiredForBonus(2026, false), set);
        assertThat(score.score()).isEqualTo(97);
        assertThat(score.bonus()).isEqualTo(5);
        assertThat(part(score, "PI_PHCDRR_4").points()).isEqualTo(5);
    }

    @Test
    void bonusWithItsLevelEarnsTheBonusEitherWay() {
        MeasurementSets.Builder set = defaults(2026).ratio("PI_PEA_1", 200, 300).yes("PI_PHCDRR_4").yes("PI_PHCDRR_4_PROD");
        assertThat(score(levelRequiredForBonus(2026, true), set).score()).isEqualTo(97);
        assertThat(score(levelRequiredForBonus(2026, false), set).score()).isEqualTo(97);
    }
}
