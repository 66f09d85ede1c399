package org.acopi.reporting.publicreport;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.ReadModels;
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
    private ReadModels models;
    private PublicReportRepository reportRepository;
    private PublicReports reports;
    private SimpleMeterRegistry registry;
    private ReportMetrics metrics;

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        registry = new SimpleMeterRegistry();
        participants = new ParticipantRepository(MONGO.database());
        models = new ReadModels();
        reportRepository = new PublicReportRepository(MONGO.database());
        metrics = new ReportMetrics(registry, reportRepository);
        reports = new PublicReports(reportRepository, metrics);
    }

    /** The updates through the topology's steps, then both sinks' writes. */
    private void apply(List<org.acopi.reporting.participants.ParticipantUpdate> updates) {
        apply(reports, updates);
    }

    private void apply(PublicReports instance, List<org.acopi.reporting.participants.ParticipantUpdate> updates) {
        models.participants(updates);
        participants.store(models.storedParticipants());
        instance.store(models.storedTallies());
    }

    private static ApmEntityScoreSummary apm(double score, long offset) {
        return new ApmEntityScoreSummary(ACO, PY, "ROLLED_UP", score, 2, 1, 0, null, "", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", 0, offset, Fixtures.T0.plusSeconds(offset)));
    }

    @Test
    void storedReportsReadBackAsComputed() {
        apply(List.of(
                eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").update(PY, tin(1), npi(1)),
                score(ACO).scored(55.5, "GROUP").update(PY, tin(1), npi(1))));
        reports.store(models.apmEntityScores(List.of(apm(55.5, 1))).storedTallies());

        PublicReport stored = reports.find(ACO_YEAR).orElseThrow();

        assertThat(stored).isEqualTo(models.tallies.get(ACO_YEAR.key()).report(
                org.acopi.reporting.participants.CountingRules.forYear(PY)));
        assertThat(stored).usingRecursiveComparison().ignoringFields("computedFrom.offsets", "asOf")
                .isEqualTo(PublicReportCalculator.compute(ACO_YEAR, participants.findByAcoYear(ACO_YEAR), apm(55.5, 1)));
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
        PublicReports otherInstance = new PublicReports(reportRepository, otherMetrics);
        apply(otherInstance, List.of(eligibility(ACO).offset(1).update(PY, tin(1), npi(1))));
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
}
