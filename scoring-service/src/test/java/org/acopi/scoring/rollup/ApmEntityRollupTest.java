package org.acopi.scoring.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.ApmEntityRollupRules;
import org.acopi.scoring.rules.ScoringRules;
import org.junit.jupiter.api.Test;

/** The APM entity roll-up cases of docs/pi-rules.md §9 (A1, A4, A5, A6) and the §6.3 counting rules. */
class ApmEntityRollupTest {

    private static final ApmEntityRollupRules RULES = ScoringRules.fromClasspath().year(2026).apmEntityRollup();

    private static ClinicianStanding clinician(String tin, boolean reweighted, String... reasons) {
        return new ClinicianStanding("A1234", 2026, tin, "1234567893", false, reweighted, false, List.of(reasons), null);
    }

    private static LevelCandidate group(double score) {
        return new LevelCandidate(EntityType.GROUP, score, "g-" + score, "ehr");
    }

    private static ApmEntityRollup rollUp(List<RollupContribution> contributions) {
        ApmEntityRollup rollup = ApmEntityRollup.empty("A1234", 2026);
        for (RollupContribution c : contributions) {
            rollup = rollup.add(c);
        }
        return rollup;
    }

    @Test
    void a1_tinOnlyWeightedByClinicians_55() {
        List<RollupContribution> contributions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            contributions.add(RollupContribution.of(clinician("111111111", false, "REQUIRED"), List.of(group(80)), RULES));
        }
        for (int i = 0; i < 5; i++) {
            contributions.add(RollupContribution.of(clinician("222222222", false, "REQUIRED"), List.of(group(60)), RULES));
            contributions.add(RollupContribution.of(clinician("333333333", false, "REQUIRED"), List.of(), RULES));
        }
        ApmEntityResult result = rollUp(contributions).result(null, RULES);
        assertThat(result.method()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
        assertThat(result.score()).isEqualTo(55.00);
        assertThat(result.formula()).isEqualTo("(80×10 + 60×5 + 0×5)/20 = 55.00");
        assertThat(result.cliniciansCounted()).isEqualTo(20);
        assertThat(result.cliniciansScored()).isEqualTo(15);
        assertThat(result.leftOutReweighted()).isZero();
    }

    @Test
    void a4_allReweighted_reweightedWithoutScore() {
        List<RollupContribution> contributions = List.of(
                RollupContribution.of(clinician("111111111", true, "REWEIGHT_SMALL_PRACTICE"), List.of(), RULES),
                RollupContribution.of(clinician("222222222", true, "REWEIGHT_NON_PATIENT_FACING"), List.of(), RULES));
        ApmEntityResult result = rollUp(contributions).result(null, RULES);
        assertThat(result.method()).isEqualTo(ApmEntityScoreMethod.REWEIGHTED);
        assertThat(result.score()).isNull();
        assertThat(result.leftOutReweighted()).isEqualTo(2);
        assertThat(result.reasonCodes()).containsExactly(ApmEntityRollup.ALL_REWEIGHTED);
    }

    @Test
    void a5_entityLevelReportDecides_88() {
        ApmEntityRollup rollup = rollUp(List.of(
                RollupContribution.of(clinician("111111111", false, "REQUIRED"), List.of(group(95)), RULES)));
        LevelCandidate entity = new LevelCandidate(EntityType.APM_ENTITY, 88, "aco-sub-1", "aco-registry");
        ApmEntityResult result = rollup.result(entity, RULES);
        assertThat(result.method()).isEqualTo(ApmEntityScoreMethod.ENTITY_REPORTED);
        assertThat(result.score()).isEqualTo(88.0);
        assertThat(result.entitySubmissionId()).isEqualTo("aco-sub-1");
        assertThat(result.cliniciansCounted()).isEqualTo(1);
    }

    @Test
    void entitySubmissionCompetesWithRollUpWhenTheRulesSaySo() {
        ApmEntityRollupRules higherOf = new ApmEntityRollupRules(RULES.notPartOfEntity(), 2, RULES.roundingMode(), false);
        ApmEntityRollup rollup = rollUp(List.of(
                RollupContribution.of(clinician("111111111", false, "REQUIRED"), List.of(group(95)), RULES)));
        LevelCandidate entity = new LevelCandidate(EntityType.APM_ENTITY, 88, "aco-sub-1", "aco-registry");
        assertThat(rollup.result(entity, higherOf).method()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
        assertThat(rollup.result(entity, higherOf).score()).isEqualTo(95.0);
        assertThat(rollup.result(entity, RULES).method()).isEqualTo(ApmEntityScoreMethod.ENTITY_REPORTED);
    }

    @Test
    void a6_highestOfLevels_85() {
        ClinicianStanding standing = clinician("111111111", false, "REQUIRED");
        ClinicianFinalScore result = ClinicianFinalScore.decide(standing, List.of(
                new LevelCandidate(EntityType.INDIVIDUAL, 72, "i-1", "ehr"),
                new LevelCandidate(EntityType.GROUP, 85, "g-1", "ehr"),
                new LevelCandidate(EntityType.APM_ENTITY, 80, "a-1", "aco")));
        assertThat(result.scored()).isTrue();
        assertThat(result.finalScore()).isEqualTo(85.0);
        assertThat(result.source()).isEqualTo(EntityType.GROUP);
        assertThat(result.contributingSubmissionIds()).containsExactly("g-1");
        assertThat(result.candidates()).hasSize(3);
    }

    @Test
    void virtualGroupScoreIsALevelLikeTheGroup() {
        ClinicianStanding standing = new ClinicianStanding("A1234", 2026, "111111111", "1234567893", false, false, false,
                List.of("REQUIRED"), "VG-1");
        List<LevelCandidate> candidates = List.of(
                new LevelCandidate(EntityType.APM_ENTITY, 95, "a-1", "aco"),
                new LevelCandidate(EntityType.VIRTUAL_GROUP, 90, "v-1", "registry"),
                new LevelCandidate(EntityType.INDIVIDUAL, 72, "i-1", "ehr"),
                group(85));
        ClinicianFinalScore result = ClinicianFinalScore.decide(standing, candidates);
        assertThat(result.finalScore()).isEqualTo(95.0);
        assertThat(result.source()).isEqualTo(EntityType.APM_ENTITY);
        assertThat(result.candidates()).extracting(LevelCandidate::level).containsExactly(EntityType.INDIVIDUAL,
                EntityType.GROUP, EntityType.VIRTUAL_GROUP, EntityType.APM_ENTITY);
        assertThat(RollupContribution.of(standing, candidates, RULES))
                .isEqualTo(new RollupContribution(RollupContribution.Participation.COUNTED, 90, true));

        ClinicianFinalScore vgHighest = ClinicianFinalScore.decide(standing, candidates.subList(1, 4));
        assertThat(vgHighest.finalScore()).isEqualTo(90.0);
        assertThat(vgHighest.source()).isEqualTo(EntityType.VIRTUAL_GROUP);
        assertThat(vgHighest.contributingSubmissionIds()).containsExactly("v-1");
    }

    @Test
    void virtualGroupScoreTiesGoToTheGroup() {
        ClinicianFinalScore result = ClinicianFinalScore.decide(clinician("111111111", false, "REQUIRED"), List.of(
                new LevelCandidate(EntityType.VIRTUAL_GROUP, 85, "v-1", "registry"), group(85)));
        assertThat(result.source()).isEqualTo(EntityType.GROUP);
        assertThat(result.contributingSubmissionIds()).containsExactly("g-85.0", "v-1");
    }

    @Test
    void reweightedClinicianWithDataIsCounted_andOthersNotPartOfEntityAreIgnored() {
        ApmEntityRollup rollup = rollUp(List.of(
                RollupContribution.of(clinician("111111111", true, "REWEIGHT_SMALL_PRACTICE"), List.of(group(70)), RULES),
                RollupContribution.of(clinician("222222222", false, "BELOW_LVT"), List.of(group(10)), RULES),
                RollupContribution.of(clinician("333333333", false, "NOT_IN_SNAPSHOT3"), List.of(), RULES),
                RollupContribution.of(clinician("444444444", false, "QP_SSP_ONLY"), List.of(), RULES)));
        ApmEntityResult result = rollup.result(null, RULES);
        assertThat(result.formula()).isEqualTo("(70×1 + 0×1)/2 = 35.00");
    }

    @Test
    void clinicianOfAnAcoThatIsNotMsspOrAllFqhc_isNotPartOfTheEntity_inEveryYear() {
        ScoringRules all = ScoringRules.fromClasspath();
        for (int py : all.performanceYears()) {
            ApmEntityRollupRules rules = all.year(py).apmEntityRollup();
            ClinicianStanding reach = new ClinicianStanding("R0001", py, "111111111", "1234567893", false, false, false,
                    List.of("NOT_MSSP"), null);
            assertThat(RollupContribution.of(reach, List.of(group(90)), rules)).as("PY%s NOT_MSSP", py)
                    .isEqualTo(RollupContribution.NOT_PART_OF_ENTITY);
            assertThat(RollupContribution.of(reach, List.of(), rules)).isEqualTo(RollupContribution.NOT_PART_OF_ENTITY);
            ClinicianStanding allFqhc = new ClinicianStanding("F0001", py, "111111111", "1234567893", false, false, false,
                    List.of("ACO_ALL_FQHC"), null);
            assertThat(RollupContribution.of(allFqhc, List.of(group(90)), rules)).as("PY%s ACO_ALL_FQHC", py)
                    .isEqualTo(RollupContribution.NOT_PART_OF_ENTITY);
        }
    }

    @Test
    void apmEntityScoreIsNotAClinicianRollupCandidate() {
        RollupContribution c = RollupContribution.of(clinician("111111111", false, "REQUIRED"),
                List.of(new LevelCandidate(EntityType.APM_ENTITY, 90, "a-1", "aco")), RULES);
        assertThat(c).isEqualTo(new RollupContribution(RollupContribution.Participation.COUNTED, 0, false));
    }

    @Test
    void compromisedDataIsNotUsed() {
        ClinicianStanding compromised = new ClinicianStanding("A1234", 2026, "111111111", "1234567893", false, true, true,
                List.of("REWEIGHT_DATA_COMPROMISED"), null);
        assertThat(RollupContribution.of(compromised, List.of(group(90)), RULES))
                .isEqualTo(RollupContribution.LEFT_OUT_REWEIGHTED);
        ClinicianFinalScore finalScore = ClinicianFinalScore.decide(compromised, List.of(group(90)));
        assertThat(finalScore.scored()).isFalse();
        assertThat(finalScore.reasonCodes()).containsExactly(ClinicianFinalScore.DATA_COMPROMISED);
    }

    @Test
    void subtractUndoesAdd() {
        RollupContribution a = RollupContribution.of(clinician("111111111", false, "REQUIRED"), List.of(group(80)), RULES);
        RollupContribution b = RollupContribution.of(clinician("222222222", true, "REWEIGHT_SMALL_PRACTICE"), List.of(), RULES);
        ApmEntityRollup empty = ApmEntityRollup.empty("A1234", 2026);
        assertThat(empty.add(a).add(b).subtract(a).subtract(b)).isEqualTo(empty);
    }

    @Test
    void removedClinicianIsNotScoredAndNotPartOfEntity() {
        ClinicianStanding removed = new ClinicianStanding("A1234", 2026, "111111111", "1234567893", true, false, false,
                List.of("REQUIRED"), null);
        assertThat(ClinicianFinalScore.decide(removed, List.of(group(80))).reasonCodes())
                .containsExactly(ClinicianFinalScore.ROSTER_REMOVED);
        assertThat(RollupContribution.of(removed, List.of(group(80)), RULES)).isEqualTo(RollupContribution.NOT_PART_OF_ENTITY);
    }

    @Test
    void noSubmissionAtAnyLevel_notScored() {
        ClinicianFinalScore result = ClinicianFinalScore.decide(clinician("111111111", false, "REQUIRED"), List.of());
        assertThat(result.scored()).isFalse();
        assertThat(result.finalScore()).isNull();
        assertThat(result.reasonCodes()).containsExactly(ClinicianFinalScore.NO_PI_SUBMISSION);
    }

    @Test
    void entityBestIsHighestCurrentSubmitter_andWithdrawalFallsBack() {
        EntitySubmissionScores scores = EntitySubmissionScores.empty()
                .with("ehr", new EntitySubmissionScores.SubmitterScore("ehr", "s1", 10, 70))
                .with("registry", new EntitySubmissionScores.SubmitterScore("registry", "s2", 5, 90));
        assertThat(scores.best()).get().extracting(EntitySubmissionScores.SubmitterScore::submissionId).isEqualTo("s2");
        assertThat(scores.with("registry", null).best()).get()
                .extracting(EntitySubmissionScores.SubmitterScore::submissionId).isEqualTo("s1");
        assertThat(scores.with("registry", null).with("ehr", null).best()).isEmpty();
    }

    @Test
    void submissionVersionsAreOrderIndependent() {
        SubmissionVersion older = new SubmissionVersion(100, "s1", false);
        SubmissionVersion newer = new SubmissionVersion(200, "s0", false);
        SubmissionVersion withdrawal = new SubmissionVersion(300, "w", true);
        assertThat(newer.supersedes(older)).isTrue();
        assertThat(older.supersedes(newer)).isFalse();
        assertThat(older.supersedes(older)).isFalse();
        assertThat(older.supersedes(withdrawal)).isFalse();
        assertThat(withdrawal.supersedes(newer)).isTrue();
        SubmissionVersion sameInstant = new SubmissionVersion(100, "s2", false);
        assertThat(sameInstant.supersedes(older)).isTrue();
        assertThat(older.supersedes(sameInstant)).isFalse();
    }
}
