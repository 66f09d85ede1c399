package org.acopi.reporting.publicreport;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.SourcePartitionChanges;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.participants.SourceVersion;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublicReportsTest {

    private static final int PY = 2026;
    private static final String ACO = "A1001";
    private static final AcoYear ACO_YEAR = new AcoYear(ACO, PY);
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private ParticipantRepository participants;
    private ApmEntityScoreRepository apmEntityScores;
    private PublicReportRepository reportRepository;
    private PublicReports reports;
    private SimpleMeterRegistry registry;
    private ReportMetrics metrics;

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        registry = new SimpleMeterRegistry();
        SourcePartitionChanges partitionChanges = new SourcePartitionChanges(registry);
        participants = new ParticipantRepository(MONGO.database(), partitionChanges);
        apmEntityScores = new ApmEntityScoreRepository(MONGO.database(), partitionChanges);
        reportRepository = new PublicReportRepository(MONGO.database());
        metrics = new ReportMetrics(registry, reportRepository);
        reports = new PublicReports(participants, apmEntityScores, reportRepository, metrics);
    }

    private void apply(List<org.acopi.reporting.participants.ParticipantUpdate> updates) {
        reports.applyParticipants(updates);
    }

    private static ApmEntityScoreSummary apm(double score, long offset) {
        return new ApmEntityScoreSummary(ACO, PY, "ROLLED_UP", score, 2, 1, 0, null, "", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", 0, offset, Fixtures.T0.plusSeconds(offset)));
    }

    @Test
    void theReportFollowsTheParticipantsIncludingWhatNoLongerHolds() {
        apply(List.of(
                eligibility(ACO).offset(1).update(PY, tin(1), npi(1)),
                eligibility(ACO).offset(2).update(PY, tin(1), npi(2)),
                score(ACO).scored(0, "GROUP").offset(1).update(PY, tin(1), npi(1))));

        PublicReport first = reports.find(ACO_YEAR).orElseThrow();
        assertThat(first.providersSuppliers().earnedPiScore()).isEqualTo(1);
        assertThat(first.providersSuppliers().requiredNotScored()).isEqualTo(1);
        assertThat(first.participants().requiredNotScored()).isEqualTo(1);

        apply(List.of(eligibility(ACO).removed().offset(3).update(PY, tin(1), npi(2))));

        PublicReport second = reports.find(ACO_YEAR).orElseThrow();
        assertThat(second.providersSuppliers().activeRoster()).isEqualTo(1);
        assertThat(second.providersSuppliers().requiredNotScored()).isZero();
        assertThat(second.participants().metRequirementNotExcluded()).isEqualTo(1);
        assertThat(registry.get(ReportMetrics.REQUIRED_NOT_SCORED).tag("acoId", ACO).tag("performanceYear", "2026")
                .gauge().value()).isZero();
        assertThat(registry.get(ReportMetrics.REQUIRED).tag("acoId", ACO).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aMoveRedeliveredAfterACrashBeforeTheRefreshCorrectsTheReportOfTheAcoLeft() {
        apply(List.of(eligibility(ACO).offset(1).update(PY, tin(1), npi(1))));
        var move = List.of(eligibility("A2002").offset(2).update(PY, tin(1), npi(1)));
        participants.apply(move);
        assertThat(reports.find(ACO_YEAR).orElseThrow().providersSuppliers().activeRoster()).isEqualTo(1);

        apply(move);

        assertThat(reports.find(ACO_YEAR).orElseThrow().providersSuppliers().activeRoster()).isZero();
        assertThat(reports.find(new AcoYear("A2002", PY)).orElseThrow().providersSuppliers().activeRoster()).isEqualTo(1);
        assertThat(MONGO.database().getCollection(ParticipantRepository.COLLECTION).find().first()).doesNotContainKey("leftAcoIds");
    }

    @Test
    void recomputingChangesNothing() {
        apply(List.of(eligibility(ACO).update(PY, tin(1), npi(1)), score(ACO).scored(70, "GROUP").update(PY, tin(1), npi(1))));
        Document before = storedReport();

        reports.refresh(Set.of(ACO_YEAR));

        Document after = storedReport();
        before.remove("revision");
        after.remove("revision");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anOlderComputationNeverOverwritesANewerOne() {
        long older = reportRepository.requestRevision(ACO_YEAR);
        long newer = reportRepository.requestRevision(ACO_YEAR);
        PublicReport empty = PublicReportCalculator.compute(ACO_YEAR, List.of(), null);
        PublicReport withApm = PublicReportCalculator.compute(ACO_YEAR, List.of(), apm(50, 1));

        assertThat(reportRepository.save(withApm, newer)).isTrue();
        assertThat(reportRepository.save(empty, older)).isFalse();

        assertThat(reportRepository.find(ACO_YEAR).orElseThrow().apmEntityScore()).isEqualTo(withApm.apmEntityScore());
    }

    @Test
    void aRequestedButNeverComputedReportIsNotFound() {
        reportRepository.requestRevision(ACO_YEAR);

        assertThat(reports.find(ACO_YEAR)).isEmpty();
    }

    @Test
    void theApmEntityScoreIsKeptAtItsLatestVersion() {
        reports.applyApmEntityScores(List.of(apm(61.5, 5)));
        reports.applyApmEntityScores(List.of(apm(40, 3), apm(61.5, 5)));

        PublicReport report = reports.find(ACO_YEAR).orElseThrow();
        assertThat(report.apmEntityScore().score()).isEqualTo(61.5);
        assertThat(report.computedFrom().apmEntityScore().offset()).isEqualTo(5);
        assertThat(report.providersSuppliers().activeRoster()).isZero();
    }

    @Test
    void anApmEntityScoreFromAnotherPartitionReplacesTheStoredOneAndIsCounted() {
        reports.applyApmEntityScores(List.of(apm(61.5, 500)));
        ApmEntityScoreSummary repartitioned = new ApmEntityScoreSummary(ACO, PY, "ROLLED_UP", 70.0, 2, 2, 0, null, "", List.of(),
                "acopi-pi-rules/2026.1", new SourceVersion("acopi.apm-entity-scores.v1", 2, 4, Fixtures.T0.plusSeconds(600)));

        reports.applyApmEntityScores(List.of(repartitioned));
        reports.applyApmEntityScores(List.of(apm(40, 3)));

        assertThat(reports.find(ACO_YEAR).orElseThrow().apmEntityScore().score()).isEqualTo(40.0);
        assertThat(registry.get("acopi.reporting.source.partition.changed").tag("topic", "acopi.apm-entity-scores.v1")
                .counter().count()).isEqualTo(2.0);
        reports.applyApmEntityScores(List.of(apm(30, 2)));
        assertThat(reports.find(ACO_YEAR).orElseThrow().apmEntityScore().score()).isEqualTo(40.0);
    }

    @Test
    void storedReportsReadBackAsComputed() {
        apply(List.of(
                eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").update(PY, tin(1), npi(1)),
                score(ACO).scored(55.5, "GROUP").update(PY, tin(1), npi(1))));
        reports.applyApmEntityScores(List.of(apm(55.5, 1)));

        PublicReport stored = reports.find(ACO_YEAR).orElseThrow();

        assertThat(stored).isEqualTo(PublicReportCalculator.compute(ACO_YEAR, participants.findByAcoYear(ACO_YEAR),
                apmEntityScores.find(ACO_YEAR).orElseThrow()));
        assertThat(stored.providersSuppliers().excludedVoluntarilyReported()).isEqualTo(1);
        assertThat(stored.participants().excludedByReason()).containsEntry("REWEIGHT_SMALL_PRACTICE", 1);
    }

    @Test
    void gaugesAreLoadedFromStoredReportsAfterARestart() {
        apply(List.of(eligibility(ACO).update(PY, tin(1), npi(1))));
        SimpleMeterRegistry restarted = new SimpleMeterRegistry();

        new ReportMetrics(restarted, reportRepository).refresh();

        assertThat(requiredNotScored(restarted, ACO)).isEqualTo(1.0);
        assertThat(restarted.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("acoId", "performanceYear"));
    }

    @Test
    void gaugesFollowReportsAnotherInstanceStoredAtTheNextRefresh() {
        SimpleMeterRegistry otherRegistry = new SimpleMeterRegistry();
        ReportMetrics otherMetrics = new ReportMetrics(otherRegistry, reportRepository);
        PublicReports otherInstance = new PublicReports(participants, apmEntityScores, reportRepository, otherMetrics);
        otherInstance.applyParticipants(List.of(eligibility(ACO).offset(1).update(PY, tin(1), npi(1))));
        metrics.refresh();
        assertThat(requiredNotScored(registry, ACO)).isEqualTo(1.0);

        apply(List.of(score(ACO).scored(80, "GROUP").offset(1).update(PY, tin(1), npi(1))));

        assertThat(requiredNotScored(registry, ACO)).isZero();
        assertThat(requiredNotScored(otherRegistry, ACO)).isEqualTo(1.0);
        otherMetrics.refresh();
        assertThat(requiredNotScored(otherRegistry, ACO)).isZero();
        assertThat(otherRegistry.get(ReportMetrics.SCORED).tag("acoId", ACO).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void gaugesOfReportsNoLongerStoredAreRemoved() {
        apply(List.of(eligibility(ACO).update(PY, tin(1), npi(1)), eligibility("A2002").update(PY, tin(2), npi(2))));
        MONGO.database().getCollection(PublicReportRepository.COLLECTION).deleteOne(new Document("_id", "A2002:" + PY));

        metrics.refresh();

        assertThat(registry.find(ReportMetrics.REQUIRED).tag("acoId", "A2002").gauges()).isEmpty();
        assertThat(registry.find(ReportMetrics.REQUIRED_NOT_SCORED).tag("acoId", "A2002").gauges()).isEmpty();
        assertThat(requiredNotScored(registry, ACO)).isEqualTo(1.0);

        apply(List.of(eligibility("A2002").offset(2).update(PY, tin(2), npi(2))));

        assertThat(requiredNotScored(registry, "A2002")).isEqualTo(1.0);
    }

    @Test
    void aRefreshNeverTakesAGaugeBackToAnOlderRevision() {
        apply(List.of(eligibility(ACO).update(PY, tin(1), npi(1))));
        PublicReport newer = PublicReportCalculator.compute(ACO_YEAR, List.of(), null);

        metrics.record(newer, 1_000);
        metrics.refresh();

        assertThat(requiredNotScored(registry, ACO)).isZero();
    }

    private static double requiredNotScored(SimpleMeterRegistry registry, String acoId) {
        return registry.get(ReportMetrics.REQUIRED_NOT_SCORED).tag("acoId", acoId).tag("performanceYear", Integer.toString(PY))
                .gauge().value();
    }

    private Document storedReport() {
        return MONGO.database().getCollection(PublicReportRepository.COLLECTION).find().first();
    }
}
