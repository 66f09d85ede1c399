package org.acopi.reporting.ingest;

import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.profileEvent;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.ClinicianScore;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterStatus;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.SourcePartitionChanges;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.publicreport.ApmEntityScoreRepository;
import org.acopi.reporting.publicreport.PublicReportRepository;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.publicreport.ReportMetrics;
import org.acopi.support.deadletter.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class ReportingListenersTest {

    private static final String ACO = "A1001";
    private static final String ELIGIBILITY = Topics.PARTICIPANT_ELIGIBILITY.name();
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private ParticipantRepository participants;
    private PublicReports reports;
    private AcoProfileRepository profiles;
    private ReportingListeners listeners;

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SourcePartitionChanges partitionChanges = new SourcePartitionChanges(registry);
        PublicReportRepository reportRepository = new PublicReportRepository(MONGO.database());
        participants = new ParticipantRepository(MONGO.database(), partitionChanges);
        reports = new PublicReports(participants, new ApmEntityScoreRepository(MONGO.database(), partitionChanges),
                reportRepository, new ReportMetrics(registry, reportRepository));
        profiles = new AcoProfileRepository(MONGO.database());
        listeners = new ReportingListeners(reports, profiles);
    }

    private static ParticipantEligibility eligibility(String tin, String npi) {
        return ParticipantEligibility.newBuilder().setAcoId(ACO).setPerformanceYear(2026).setTin(tin).setNpi(npi)
                .setRosterStatus(RosterStatus.ACTIVE).setSspRequired(true).setSspEnforced(true).setMipsPiRequired(true)
                .setReasonCodes(List.of("REQUIRED")).setReweighting(ReweightingKind.NONE).setSnapshot(3)
                .setRulesVersion("acopi-pi-rules/2026.1").build();
    }

    private static ConsumerRecord<String, Object> record(String topic, long offset, String key, Object value) {
        return new ConsumerRecord<>(topic, 0, offset, key, value);
    }

    private static ConsumerRecord<String, Object> eligibilityRecord(long offset, String tin, String npi) {
        return record(ELIGIBILITY, offset, EventKeys.clinician(2026, tin, npi), eligibility(tin, npi));
    }

    @Test
    void aRejectedRecordIsReportedAtItsIndexAfterTheRecordsBeforeItAreApplied() {
        List<ConsumerRecord<String, Object>> batch = List.of(
                eligibilityRecord(0, tin(1), npi(1)),
                record(ELIGIBILITY, 1, "2026:12345:" + npi(2), eligibility("12345", npi(2))),
                eligibilityRecord(2, tin(1), npi(3)));

        assertThatThrownBy(() -> listeners.onParticipantEligibility(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(InvalidEventException.class);
                });

        assertThat(participants.findByAcoYear(new AcoYear(ACO, 2026))).extracting(p -> p.npi()).containsExactly(npi(1));
        assertThat(reports.find(new AcoYear(ACO, 2026))).isPresent();
    }

    @Test
    void anUndecodableRecordIsReportedAtItsIndexAfterTheRecordsBeforeItAreApplied() {
        ConsumerRecord<String, Object> undecodable = record(Topics.CLINICIAN_SCORES.name(), 1, "k", null);
        SerializationUtils.deserializationException(undecodable.headers(), new byte[] {1}, new RuntimeException("bad"), false);
        ClinicianScore score = ClinicianScore.newBuilder().setAcoId(ACO).setPerformanceYear(2026).setTin(tin(1)).setNpi(npi(1))
                .setRosterStatus(RosterStatus.ACTIVE).setScored(true).setFinalScore(0.0).setRulesVersion("r").build();
        List<ConsumerRecord<String, Object>> batch = List.of(
                record(Topics.CLINICIAN_SCORES.name(), 0, EventKeys.clinician(2026, tin(1), npi(1)), score), undecodable);

        assertThatThrownBy(() -> listeners.onClinicianScores(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));

        assertThat(participants.findByAcoYear(new AcoYear(ACO, 2026))).hasSize(1);
    }

    @Test
    void aValidBatchIsAppliedAndItsReportsRefreshed() {
        listeners.onParticipantEligibility(List.of(eligibilityRecord(0, tin(1), npi(1)), eligibilityRecord(1, tin(2), npi(2))));
        listeners.onApmEntityScores(List.of(record(Topics.APM_ENTITY_SCORES.name(), 0, "A1001:2026",
                ApmEntityScore.newBuilder().setAcoId(ACO).setPerformanceYear(2026).setMethod(ApmEntityScoreMethod.REWEIGHTED)
                        .setCliniciansCounted(0).setLeftOutReweighted(2).setRulesVersion("r").build())));

        var report = reports.find(new AcoYear(ACO, 2026)).orElseThrow();
        assertThat(report.providersSuppliers().requiredNotScored()).isEqualTo(2);
        assertThat(report.apmEntityScore().method()).isEqualTo("REWEIGHTED");
        assertThat(report.apmEntityScore().score()).isNull();
    }

    private static ConsumerRecord<String, Object> profileRecord(long offset, String key, String legalName, long minutes) {
        String[] acoYear = key.split(":");
        return record(Topics.ACO_PROFILES.name(), offset, key, profileEvent(acoYear[0], Integer.parseInt(acoYear[1]), legalName,
                Fixtures.T0.plusSeconds(60 * minutes)));
    }

    @Test
    void aBadProfileIsReportedAtItsIndexWithItsReasonAfterTheProfilesBeforeItAreStored() {
        String[][] bad = {{"A1001:2026", " ", EdgeValidation.MISSING_LEGAL_NAME}, {"A1001:2024", "Name", EdgeValidation.UNSUPPORTED_PY}};
        for (String[] b : bad) {
            List<ConsumerRecord<String, Object>> batch = List.of(profileRecord(0, "A2002:2026", "Harbor ACO", 0),
                    profileRecord(1, b[0], b[1], 0), profileRecord(2, "A3003:2026", "Bayview ACO", 0));

            assertThatThrownBy(() -> listeners.onAcoProfiles(batch))
                    .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                        assertThat(e.getIndex()).isEqualTo(1);
                        assertThat(e.getCause()).isInstanceOfSatisfying(InvalidEventException.class,
                                invalid -> assertThat(invalid.reasonCode()).isEqualTo(b[2]));
                    });
        }
        ConsumerRecord<String, Object> wrongKey = record(Topics.ACO_PROFILES.name(), 3, "A9999:2026",
                profileEvent(ACO, 2026, "Name", Fixtures.T0));
        assertThatThrownBy(() -> listeners.onAcoProfiles(List.of(wrongKey)))
                .hasCauseInstanceOf(InvalidEventException.class).hasMessageContaining("does not match");

        assertThat(profiles.find(new AcoYear("A2002", 2026))).map(p -> p.legalName()).contains("Harbor ACO");
        assertThat(profiles.find(new AcoYear("A3003", 2026))).isEmpty();
        assertThat(profiles.find(new AcoYear(ACO, 2026))).isEmpty();
    }

    @Test
    void profilesAreKeptByUpdateTimeAndRecomputeNoReport() {
        listeners.onAcoProfiles(List.of(profileRecord(0, "A1001:2026", "Lakeshore Health Partners ACO, LLC", 10)));
        listeners.onAcoProfiles(List.of(profileRecord(1, "A1001:2026", "Lakeshore ACO (old name)", 5)));
        listeners.onAcoProfiles(List.of(profileRecord(0, "A1001:2026", "Lakeshore Health Partners ACO, LLC", 10)));

        assertThat(profiles.find(new AcoYear(ACO, 2026))).map(p -> p.legalName()).contains("Lakeshore Health Partners ACO, LLC");
        assertThat(reports.find(new AcoYear(ACO, 2026))).isEmpty();
    }
}
