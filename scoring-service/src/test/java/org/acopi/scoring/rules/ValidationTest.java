package org.acopi.scoring.rules;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.junit.jupiter.api.Test;

/** Submission validation (docs/pi-rules.md §2.6) and edge checks: stable numbered codes, every problem at once. */
class ValidationTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();

    private static PiScore score(MeasurementSets.Builder set) {
        return RULES.score(set.build());
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        PiScore score = score(defaults(2026)
                .yes("PI_LVPP_1")                         // 101 with PI_EP_1
                .ratio("PI_HIE_1", 5, 4)                  // 106
                .value("PI_EP_2", MeasureValue.ratio(1, 2)) // 105
                .yes("PI_PHCDRR_1_PRE")                   // 102 with _PROD
                .yes("PI_NOT_A_MEASURE")                  // 103
                .period(null, "2026-12-31"));             // 107
        assertThat(score.valid()).isFalse();
        assertThat(score.score()).isNull();
        assertThat(score.parts()).isEmpty();
        assertThat(score.problems()).extracting(Problem::number).containsExactlyInAnyOrder(106, 105, 103, 101, 102, 107);
        assertThat(score.problemCodes()).contains("INVALID_EXCLUSION_WITH_MEASURE", "INVALID_PROPORTION",
                "INVALID_VALUE_TYPE", "INVALID_SUBSTITUTE_WITH_MEASURE", "INVALID_MEASURE_NOT_IN_PERFORMANCE_YEAR",
                "INVALID_PERFORMANCE_PERIOD_MISSING");
    }

    @Test
    void hieOptionMixedWithAnExclusionOfAnotherOption_isInvalid() {
        PiScore score = score(defaults(2026).without("PI_HIE_1", "PI_HIE_4").yes("PI_HIE_5").yes("PI_LVOTC_1"));
        assertThat(score.problems()).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(102);
            assertThat(p.message()).contains("PI_HIE_5", "PI_LVOTC_1");
        });
    }

    @Test
    void twoExclusionReasonsOfOneMeasure_isInvalid() {
        PiScore score = score(defaults(2026).without("PI_EP_2").yes("PI_EP_2_EX_1").yes("PI_EP_2_EX_2"));
        assertThat(score.problemCodes()).containsExactly("INVALID_SUBSTITUTE_WITH_MEASURE");
    }

    @Test
    void duplicateMeasureAndMissingIdAndNullValue() {
        PiScore score = score(defaults(2026).alsoAdd("PI_EP_2", MeasureValue.yes()).alsoAdd(" ", MeasureValue.yes())
                .value("PI_PPHI_1", null));
        assertThat(score.problems()).extracting(Problem::number).containsExactlyInAnyOrder(104, 109, 105);
    }

    @Test
    void periodEndBeforeStart() {
        assertThat(score(defaults(2026).period("2026-12-31", "2026-01-01")).problemCodes())
                .containsExactly("INVALID_PERFORMANCE_PERIOD_ORDER");
    }

    @Test
    void edgeIdentifiers() {
        assertThat(RULES.validate(defaults(2026).entity(SubmittingEntity.individual("12345678", "1234567890")).build()))
                .extracting(Problem::number).containsExactly(202, 203);
        assertThat(RULES.validate(defaults(2026).entity(SubmittingEntity.group("12345678x")).build()))
                .extracting(Problem::number).containsExactly(202);
        assertThat(RULES.validate(defaults(2026).entity(SubmittingEntity.apmEntity(" ")).build()))
                .extracting(Problem::number).containsExactly(204);
        assertThat(RULES.validate(defaults(2026).entity(SubmittingEntity.virtualGroup(null)).build()))
                .extracting(Problem::number).containsExactly(204);
        assertThat(RULES.validate(defaults(2026).entity(null).build()))
                .extracting(Problem::number).containsExactly(208);
    }

    @Test
    void unsupportedPerformanceYear() {
        PiScore score = score(defaults(2024));
        assertThat(score.problemCodes()).containsExactly("UNSUPPORTED_PY");
        assertThat(score.rulesVersion()).isNull();
    }

    @Test
    void messagesNeverCarryTheTin() {
        PiScore score = score(defaults(2026).entity(SubmittingEntity.individual(MeasurementSets.TIN, "1234567890")));
        assertThat(score.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain(MeasurementSets.TIN));
    }

    @Test
    void everyProblemIsKept_andTheCapSaysHowManyMore() {
        MeasurementSets.Builder set = defaults(2026);
        for (int i = 0; i < 70; i++) {
            set.yes("PI_UNKNOWN_" + i);
        }
        PiScore score = score(set);
        assertThat(score.problems()).hasSize(70).allSatisfy(p -> assertThat(p.number()).isEqualTo(103));
        List<Problem> shown = ProblemList.capped(score.problems());
        assertThat(shown).hasSize(ProblemCode.MAX_REPORTED);
        Problem last = shown.get(ProblemCode.MAX_REPORTED - 1);
        assertThat(last.code()).isEqualTo("TOO_MANY_PROBLEMS");
        assertThat(last.message()).startsWith("21 more");
    }

    @Test
    void exactlyAtTheCapNothingIsDropped() {
        MeasurementSets.Builder set = defaults(2026);
        for (int i = 0; i < ProblemCode.MAX_REPORTED; i++) {
            set.yes("PI_UNKNOWN_" + i);
        }
        assertThat(ProblemList.capped(score(set).problems())).hasSize(ProblemCode.MAX_REPORTED)
                .allSatisfy(p -> assertThat(p.number()).isEqualTo(103));
    }

    @Test
    void problemsAddedToAListThatAlreadyHoldsSomeAreCountedOnce() {
        MeasurementSets.Builder set = defaults(2026);
        for (int i = 0; i < 62; i++) {
            set.yes("PI_UNKNOWN_" + i);
        }
        ProblemList problems = new ProblemList();
        for (int i = 0; i < 3; i++) {
            problems.add(ProblemCode.FIELD_TYPE, "field " + i + " must be a string");
        }
        problems.addAll(score(set).problems());
        List<Problem> shown = ProblemList.capped(problems.toList());
        assertThat(shown).hasSize(ProblemCode.MAX_REPORTED);
        assertThat(shown.get(ProblemCode.MAX_REPORTED - 1).message()).startsWith("16 more");
    }

    @Test
    void problemNumbersAreUnique() {
        assertThat(java.util.Arrays.stream(ProblemCode.values()).map(ProblemCode::number).distinct().count())
                .isEqualTo(ProblemCode.values().length);
    }
}
