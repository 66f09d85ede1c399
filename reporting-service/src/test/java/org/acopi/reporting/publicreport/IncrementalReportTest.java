package org.acopi.reporting.publicreport;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.ReadModels;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.participants.SourceVersion;
import org.junit.jupiter.api.Test;

/**
 * The incremental public report (design.md §5a): after any arrival order, duplication and correction of the same
 * records, the running sums give the report {@link PublicReportCalculator} computes from the final participants, and a
 * change takes away exactly the contribution stored with the participant.
 */
class IncrementalReportTest {

    private static final int PY = 2026;
    private static final String ACO = "A1001";
    private static final String OTHER = "A2002";
    private static final CountingRules RULES = CountingRules.forYear(PY);

    private static PublicReport incremental(ReadModels models, String acoId) {
        ReportTally tally = models.tallies.get(new AcoYear(acoId, PY).key());
        return tally == null ? null : tally.report(RULES);
    }

    /** The report computed from the ACO's final participants, as reporting did before it became incremental. */
    private static PublicReport recomputed(ReadModels models, String acoId, ApmEntityScoreSummary apm) {
        AcoYear acoYear = new AcoYear(acoId, PY);
        List<Participant> participants = models.participants.values().stream().map(ParticipantState::participant)
                .filter(p -> acoYear.equals(p.acoYear())).toList();
        return PublicReportCalculator.compute(acoYear, participants, apm);
    }

    private static void assertSameCounts(PublicReport incremental, PublicReport recomputed) {
        // offsets and asOf are watermarks: the highest ever applied, where a recompute sees only the current documents
        assertThat(incremental).usingRecursiveComparison().ignoringFields("computedFrom.offsets", "asOf").isEqualTo(recomputed);
    }

    @Test
    void theSameEventTwiceAndAnOlderVersionChangeNothing() {
        ReadModels models = new ReadModels().participants(List.of(
                eligibility(ACO).excluded("BELOW_LVT").offset(9).update(PY, tin(1), npi(1))));
        ReportTally once = models.tallies.get(new AcoYear(ACO, PY).key());

        models.participants(List.of(eligibility(ACO).excluded("BELOW_LVT").offset(9).update(PY, tin(1), npi(1)),
                eligibility(ACO).offset(4).update(PY, tin(1), npi(1))));

        assertThat(models.tallies.get(new AcoYear(ACO, PY).key())).isSameAs(once);
        assertThat(once.revision()).isEqualTo(1);
        assertThat(incremental(models, ACO).providersSuppliers().excludedByReason()).containsEntry("BELOW_LVT", 1);
    }

    @Test
    void aReSentIdenticalEventAtALaterOffsetOnlyMovesTheStoredVersion() {
        ReadModels models = new ReadModels().participants(List.of(eligibility(ACO).offset(1).update(PY, tin(1), npi(1))));

        ParticipantState.Applied applied = ParticipantState.apply(models.participants.get(PY + ":" + tin(1) + ":" + npi(1)),
                eligibility(ACO).offset(2).update(PY, tin(1), npi(1)));

        assertThat(applied.changes()).isEmpty();
        assertThat(applied.state().revision()).isEqualTo(1);
        assertThat(applied.state().participant().eligibility().version().offset()).isEqualTo(2);
    }

    @Test
    void aCorrectionTakesTheOldContributionAwayAndAddsTheNew() {
        ReadModels models = new ReadModels().participants(List.of(
                eligibility(ACO).update(PY, tin(1), npi(1)),
                eligibility(ACO).update(PY, tin(1), npi(2)),
                score(ACO).scored(70, "GROUP").update(PY, tin(1), npi(1))));
        assertThat(incremental(models, ACO).participants().requiredNotScored()).isEqualTo(1);

        models.participants(List.of(score(ACO).scored(70, "GROUP").offset(2).update(PY, tin(1), npi(2)),
                eligibility(ACO).removed().offset(2).update(PY, tin(1), npi(1))));

        PublicReport report = incremental(models, ACO);
        assertThat(report.providersSuppliers().activeRoster()).isEqualTo(1);
        assertThat(report.providersSuppliers().metRequirementNotExcluded()).isEqualTo(1);
        assertThat(report.participants().requiredNotScored()).isZero();
        assertThat(report.participants().metRequirementNotExcluded()).isEqualTo(1);
        assertSameCounts(report, recomputed(models, ACO, null));
    }

    @Test
    void aParticipantMovingToAnotherAcoLeavesTheOldReportAndJoinsTheNew() {
        ReadModels models = new ReadModels().participants(List.of(
                eligibility(ACO).update(PY, tin(1), npi(1)),
                eligibility(ACO).update(PY, tin(1), npi(2)),
                score(ACO).scored(80, "INDIVIDUAL").update(PY, tin(1), npi(2))));

        models.participants(List.of(eligibility(OTHER).offset(5).update(PY, tin(1), npi(2))));

        assertThat(incremental(models, ACO).providersSuppliers().activeRoster()).isEqualTo(1);
        assertThat(incremental(models, ACO).providersSuppliers().scored()).isZero();
        assertThat(incremental(models, OTHER).providersSuppliers().activeRoster()).isEqualTo(1);
        assertThat(incremental(models, OTHER).providersSuppliers().scored()).isEqualTo(1);
        assertSameCounts(incremental(models, ACO), recomputed(models, ACO, null));
        assertSameCounts(incremental(models, OTHER), recomputed(models, OTHER, null));
    }

    @Test
    void aScoreBeforeItsDeterminationIsKeptButNotCounted() {
        ReadModels models = new ReadModels().participants(List.of(score(ACO).scored(90, "GROUP").update(PY, tin(1), npi(1))));

        PublicReport report = incremental(models, ACO);
        assertThat(report.providersSuppliers().activeRoster()).isZero();
        assertThat(report.computedFrom().participantDocuments()).isEqualTo(1);
        assertSameCounts(report, recomputed(models, ACO, null));
    }

    @Test
    void whatIsTakenAwayIsTheStoredContributionNotOneComputedWithTodaysRules() {
        ParticipantUpdate first = eligibility(ACO).update(PY, tin(1), npi(1));
        ParticipantState.Applied applied = ParticipantState.apply(null, first);
        ReportContribution storedUnderOlderRules = new ReportContribution(ACO, PY, tin(1), true,
                new PublicCounts(0, 0, 0, 1, 0, 1, Map.of("OLD_REASON", 1), 0, 0, 0), List.of(), false, "old", null);
        ParticipantState stored = new ParticipantState(applied.state().participant(), storedUnderOlderRules, 1);

        ParticipantState.Applied next = ParticipantState.apply(stored, score(ACO).scored(50, "GROUP").update(PY, tin(1), npi(1)));

        assertThat(next.changes()).singleElement().satisfies(change -> {
            assertThat(change.old()).isSameAs(storedUnderOlderRules);
            assertThat(change.now().counts().metRequirementNotExcluded()).isEqualTo(1);
        });
    }

    @Test
    void theApmEntityScoreIsKeptAtItsLatestVersionAndAnotherPartitionReplacesIt() {
        ReadModels models = new ReadModels().participants(List.of(eligibility(ACO).update(PY, tin(1), npi(1))));
        models.apmEntityScores(List.of(apm(40, 0, 5), apm(30, 0, 3)));
        assertThat(incremental(models, ACO).apmEntityScore().score()).isEqualTo(40);

        models.apmEntityScores(List.of(apm(20, 1, 0)));

        assertThat(incremental(models, ACO).apmEntityScore().score()).isEqualTo(20);
        assertSameCounts(incremental(models, ACO), recomputed(models, ACO, apm(20, 1, 0)));
    }

    @Test
    void anyOrderDuplicationAndCorrectionGivesTheReportOfTheFinalParticipants() {
        List<ParticipantUpdate> produced = producedEvents(new Random(7));
        ReadModels inOrder = new ReadModels().participants(produced);

        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            List<ParticipantUpdate> delivered = new ArrayList<>(produced);
            for (int i = 0; i < produced.size() / 3; i++) {
                delivered.add(produced.get(random.nextInt(produced.size())));
            }
            Collections.shuffle(delivered, random);
            ReadModels models = new ReadModels().participants(delivered);
            for (String acoId : List.of(ACO, OTHER)) {
                assertSameCounts(incremental(models, acoId), recomputed(models, acoId, null));
                assertThat(incremental(models, acoId)).as("seed %d", seed).usingRecursiveComparison()
                        .ignoringFields("computedFrom.offsets", "asOf").isEqualTo(incremental(inOrder, acoId));
            }
        }
    }

    /** Several versions of determinations and scores of nine clinicians in three TINs, moving between two ACOs. */
    private static List<ParticipantUpdate> producedEvents(Random random) {
        List<ParticipantUpdate> events = new ArrayList<>();
        long eligibilityOffset = 0;
        long scoreOffset = 0;
        String[] exclusions = {"BELOW_LVT", "REWEIGHT_SMALL_PRACTICE", "NOT_IN_SNAPSHOT3", "FQHC_RHC_NOT_MIPS_EC"};
        for (int round = 0; round < 4; round++) {
            for (int c = 1; c <= 9; c++) {
                String acoId = random.nextInt(4) == 0 ? OTHER : c % 2 == 0 ? ACO : OTHER;
                if (random.nextInt(3) > 0) {
                    var e = eligibility(acoId).offset(eligibilityOffset++);
                    if (random.nextBoolean()) {
                        e.excluded(exclusions[random.nextInt(exclusions.length)]);
                    }
                    if (random.nextInt(5) == 0) {
                        e.removed();
                    }
                    if (random.nextInt(6) == 0) {
                        e.factsPending();
                    }
                    events.add(e.update(PY, tin(c % 3), npi(c)));
                }
                if (random.nextBoolean()) {
                    var s = score(acoId).offset(scoreOffset++);
                    if (random.nextBoolean()) {
                        s.scored(random.nextInt(101), random.nextBoolean() ? "INDIVIDUAL" : "GROUP");
                    }
                    events.add(s.update(PY, tin(c % 3), npi(c)));
                }
            }
        }
        return events;
    }

    private static ApmEntityScoreSummary apm(double score, int partition, long offset) {
        return new ApmEntityScoreSummary(ACO, PY, "ROLLED_UP", score, 2, 1, 0, null, "", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", partition, offset, Fixtures.T0.plusSeconds(offset)));
    }
}
