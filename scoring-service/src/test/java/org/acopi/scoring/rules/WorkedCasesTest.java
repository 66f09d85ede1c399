package org.acopi.scoring.rules;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.assertj.core.api.Assertions.assertThat;

import org.acopi.events.MeasureStatus;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.junit.jupiter.api.Test;

/** The scoring worked cases of docs/pi-rules.md §9, one test each, named by their TC number. */
class WorkedCasesTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();

    private static PiScore score(MeasurementSets.Builder set) {
        return RULES.score(set.build());
    }

    private static MeasurePart part(PiScore score, String measureId) {
        return score.parts().stream().filter(p -> p.measureId().equals(measureId)).findFirst().orElseThrow();
    }

    private static void assertScore(PiScore score, int expected) {
        assertThat(score.problems()).isEmpty();
        assertThat(score.valid()).isTrue();
        assertThat(score.score()).isEqualTo(expected);
    }

    private static void assertZero(PiScore score, String... reasons) {
        assertScore(score, 0);
        assertThat(score.zeroReasons()).containsExactly(reasons);
    }

    private static void assertInvalid(PiScore score, String code) {
        assertThat(score.valid()).isFalse();
        assertThat(score.score()).isNull();
        assertThat(score.problemCodes()).contains(code);
    }

    @Test
    void tc01_perfect_100() {
        PiScore score = score(defaults(2025));
        assertScore(score, 100);
        assertThat(score.zeroReasons()).isEmpty();
        assertThat(score.bonus()).isZero();
        assertThat(score.rulesVersion()).isEqualTo("acopi-pi-rules/2025.1");
    }

    @Test
    void tc02_typicalPartialRounding_75() {
        PiScore score = score(defaults(2025).ratio("PI_EP_1", 49, 115).ratio("PI_HIE_1", 1123, 1951)
                .ratio("PI_HIE_4", 923, 951).ratio("PI_PEA_1", 861, 1809));
        assertScore(score, 75);
        assertThat(part(score, "PI_EP_1").formula()).isEqualTo("((49/115)*10) = 4");
        assertThat(part(score, "PI_HIE_1").points()).isEqualTo(9);
        assertThat(part(score, "PI_HIE_4").points()).isEqualTo(15);
        assertThat(part(score, "PI_PEA_1").points()).isEqualTo(12);
        MeasurePart pair = part(score, "PI_PHCDRR_1+PI_PHCDRR_3");
        assertThat(pair.points()).isEqualTo(25);
        assertThat(pair.status()).isEqualTo(MeasureStatus.SUPPRESSED);
    }

    @Test
    void tc03_halfTieRoundsUp_93() {
        PiScore score = score(defaults(2026).ratio("PI_EP_1", 1, 4));
        assertScore(score, 93);
        assertThat(part(score, "PI_EP_1").formula()).isEqualTo("((1/4)*10) = 3");
    }

    @Test
    void tc04_onePointFloor_62() {
        PiScore score = score(defaults(2026).ratio("PI_HIE_1", 1, 1000).ratio("PI_PEA_1", 1, 500));
        assertScore(score, 62);
        assertThat(part(score, "PI_HIE_1").points()).isEqualTo(1);
        assertThat(part(score, "PI_HIE_1").formula()).isEqualTo("((1/1000)*15) = 0 → 1 (1-point floor)");
        assertThat(part(score, "PI_PEA_1").points()).isEqualTo(1);
    }

    @Test
    void tc05_ePrescribingExclusion_94() {
        PiScore score = score(defaults(2026).without("PI_EP_1").yes("PI_LVPP_1")
                .ratio("PI_HIE_1", 80, 100).ratio("PI_HIE_4", 90, 100));
        assertScore(score, 94);
        assertThat(part(score, "PI_HIE_1").maxPoints()).isEqualTo(20);
        assertThat(part(score, "PI_HIE_1").points()).isEqualTo(16);
        assertThat(part(score, "PI_HIE_4").points()).isEqualTo(18);
        MeasurePart ep1 = part(score, "PI_EP_1");
        assertThat(ep1.status()).isEqualTo(MeasureStatus.REDISTRIBUTED);
        assertThat(ep1.formula()).contains("PI_LVPP_1", "R1", "PI_HIE_1 +5", "PI_HIE_4 +5");
    }

    @Test
    void tc06_pdmpExclusion_98() {
        PiScore score = score(defaults(2026).without("PI_EP_2").yes("PI_EP_2_EX_2").ratio("PI_EP_1", 90, 100));
        assertScore(score, 98);
        assertThat(part(score, "PI_EP_1").maxPoints()).isEqualTo(20);
        assertThat(part(score, "PI_EP_1").points()).isEqualTo(18);
    }

    @Test
    void tc08_hieSendingExclusion_90() {
        PiScore score = score(defaults(2026).without("PI_HIE_1").yes("PI_LVOTC_1").ratio("PI_PEA_1", 75, 100));
        assertScore(score, 90);
        assertThat(part(score, "PI_PEA_1").maxPoints()).isEqualTo(40);
        assertThat(part(score, "PI_PEA_1").points()).isEqualTo(30);
    }

    @Test
    void tc09_hieReceivingExclusion_100() {
        PiScore score = score(defaults(2026).without("PI_HIE_4").yes("PI_LVITC_2"));
        assertScore(score, 100);
        assertThat(part(score, "PI_PEA_1").points()).isEqualTo(40);
    }

    @Test
    void tc11_bothPublicHealthExclusions_90() {
        PiScore score = score(defaults(2026).without("PI_PHCDRR_1", "PI_PHCDRR_1_PROD", "PI_PHCDRR_3", "PI_PHCDRR_3_PROD")
                .yes("PI_PHCDRR_1_EX_1").yes("PI_PHCDRR_3_EX_1").ratio("PI_PEA_1", 80, 100));
        assertScore(score, 90);
        assertThat(part(score, "PI_PEA_1").maxPoints()).isEqualTo(50);
        assertThat(part(score, "PI_PHCDRR_1+PI_PHCDRR_3").status()).isEqualTo(MeasureStatus.REDISTRIBUTED);
    }

    @Test
    void tc12_publicHealthYesPlusExclusion_100() {
        PiScore score = score(defaults(2026).without("PI_PHCDRR_3", "PI_PHCDRR_3_PROD").yes("PI_PHCDRR_3_EX_2"));
        assertScore(score, 100);
        assertThat(part(score, "PI_PHCDRR_1+PI_PHCDRR_3").points()).isEqualTo(25);
    }

    @Test
    void tc13_publicHealthYesPlusNo_0() {
        assertZero(score(defaults(2026).no("PI_PHCDRR_3").without("PI_PHCDRR_3_PROD")), "Z_ANSWERED_NO_PI_PHCDRR_3");
    }

    @Test
    void tc14_hieBiDirectional_100() {
        assertScore(score(defaults(2026).without("PI_HIE_1", "PI_HIE_4").yes("PI_HIE_5")), 100);
    }

    @Test
    void tc15_tefcaHiePlusEPrescribingExclusion_100() {
        PiScore score = score(defaults(2025).without("PI_HIE_1", "PI_HIE_4", "PI_EP_1").yes("PI_HIE_6").yes("PI_LVPP_1"));
        assertScore(score, 100);
        assertThat(part(score, "PI_HIE_6").maxPoints()).isEqualTo(40);
    }

    @Test
    void tc16_bonusCappedAt100_100() {
        PiScore score = score(defaults(2026).yes("PI_PHCDRR_4").yes("PI_PHCDRR_4_PROD"));
        assertScore(score, 100);
        assertThat(score.bonus()).isEqualTo(5);
        assertThat(part(score, "PI_PHCDRR_4").status()).isEqualTo(MeasureStatus.BONUS);
    }

    @Test
    void tc18_missingRequiredMeasure_0() {
        assertZero(score(defaults(2026).without("PI_PEA_1")), "Z_MISSING_PI_PEA_1");
    }

    @Test
    void tc19_saferGuideNo_0() {
        assertZero(score(defaults(2025).no("PI_PPHI_2")), "Z_ATTEST_PI_PPHI_2");
    }

    @Test
    void tc20_missingCehrtId_0() {
        assertZero(score(defaults(2026).cehrtId(null)), "Z_CEHRT");
    }

    @Test
    void tc21a_179DayPeriod_0() {
        assertZero(score(defaults(2025).period("2025-07-06", "2025-12-31")), "Z_PERIOD");
    }

    @Test
    void tc21b_180DayPeriod_100() {
        assertScore(score(defaults(2025).period("2025-07-05", "2025-12-31")), 100);
    }

    @Test
    void tc22_ecrSuppressedAnsweredNo_100() {
        assertScore(score(defaults(2025).no("PI_PHCDRR_3").without("PI_PHCDRR_3_PROD")), 100);
    }

    @Test
    void tc23a_bothPublicHealthExcludedPy2025_95() {
        PiScore score = score(defaults(2025).without("PI_PHCDRR_1", "PI_PHCDRR_1_PROD", "PI_PHCDRR_3", "PI_PHCDRR_3_PROD")
                .yes("PI_PHCDRR_1_EX_1").yes("PI_PHCDRR_3_EX_1").ratio("PI_PEA_1", 80, 100));
        assertScore(score, 95);
        assertThat(part(score, "PI_PEA_1").maxPoints()).isEqualTo(25);
        assertThat(part(score, "PI_PEA_1").points()).isEqualTo(20);
        assertThat(part(score, "PI_PHCDRR_1+PI_PHCDRR_3").points()).isEqualTo(25);
    }

    @Test
    void tc23b_bothPublicHealthExcludedPy2026_90() {
        assertScore(score(defaults(2026).without("PI_PHCDRR_1", "PI_PHCDRR_1_PROD", "PI_PHCDRR_3", "PI_PHCDRR_3_PROD")
                .yes("PI_PHCDRR_1_EX_1").yes("PI_PHCDRR_3_EX_1").ratio("PI_PEA_1", 80, 100)), 90);
    }

    @Test
    void tc25_tefcaPublicHealthMeasureIn2025_invalid() {
        PiScore score = score(defaults(2025).yes("PI_PHCDRR_6"));
        assertInvalid(score, "INVALID_MEASURE_NOT_IN_PERFORMANCE_YEAR");
        assertThat(score.problems()).singleElement().satisfies(p -> assertThat(p.number()).isEqualTo(103));
    }

    @Test
    void tc26_numeratorZero_0() {
        assertZero(score(defaults(2026).ratio("PI_HIE_4", 0, 50)), "Z_NUMERATOR0_PI_HIE_4");
    }

    @Test
    void tc27_measurePlusItsExclusion_invalid() {
        PiScore score = score(defaults(2026).yes("PI_LVPP_1"));
        assertInvalid(score, "INVALID_EXCLUSION_WITH_MEASURE");
        assertThat(score.problems().get(0).number()).isEqualTo(101);
    }

    @Test
    void tc28_hieBiDirectionalWithReferralLoops_invalid() {
        PiScore score = score(defaults(2026).yes("PI_HIE_5"));
        assertInvalid(score, "INVALID_SUBSTITUTE_WITH_MEASURE");
        assertThat(score.problems()).hasSize(2).allSatisfy(p -> assertThat(p.number()).isEqualTo(102));
    }

    @Test
    void tc29_oncAcbNo_100() {
        assertScore(score(defaults(2026).no("PI_ONCACB_1")), 100);
    }

    @Test
    void tc30_publicHealthYesWithoutEngagementLevel_0() {
        assertZero(score(defaults(2026).without("PI_PHCDRR_1_PROD")), "Z_NO_ENGAGEMENT_LEVEL_PI_PHCDRR_1");
    }

    @Test
    void tc31_securityRiskAnalysisNo_0() {
        assertZero(score(defaults(2026).no("PI_PPHI_1")), "Z_ATTEST_PI_PPHI_1");
    }

    @Test
    void tc32_pdmpNo_0() {
        assertZero(score(defaults(2026).no("PI_EP_2")), "Z_ANSWERED_NO_PI_EP_2");
    }

    @Test
    void tc34_informationBlockingAttestationNo_0() {
        assertZero(score(defaults(2025).no("PI_INFBLO_1")), "Z_ATTEST_PI_INFBLO_1");
    }
}
