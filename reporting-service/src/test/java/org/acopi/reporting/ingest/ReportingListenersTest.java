package org.acopi.reporting.ingest;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.profileEvent;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.Topics;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.ReadModels;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.publicreport.ParticipantState;
import org.acopi.reporting.publicreport.PublicReportRepository;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.publicreport.ReportMetrics;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.reporting.stream.ReportingTopology;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.streams.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ReportingListenersTest {

    private static final String ACO = "A1001";
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
        PublicReportRepository reportRepository = new PublicReportRepository(MONGO.database());
        participants = new ParticipantRepository(MONGO.database());
        reports = new PublicReports(reportRepository, new ReportMetrics(registry, reportRepository));
        profiles = new AcoProfileRepository(MONGO.database());
        listeners = new ReportingListeners(participants, reports, profiles);
    }

    private static ConsumerRecord<String, Object> record(String topic, long offset, String key, Object value) {
        return new ConsumerRecord<>(topic, 0, offset, key, value);
    }

    private static <T> ConsumerRecord<String, byte[]> changelog(String store, long offset, String key, T value, Class<T> type) {
        byte[] bytes = value == null ? null : new JsonSerde<>(type).serialize(null, value);
        return new ConsumerRecord<>(ReportingTopology.changelog(store), 0, offset, key, bytes);
    }

    @Test
    void theSinksWriteTheLastStateOfEachKeyInABatch() {
        ReadModels models = new ReadModels().participants(List.of(eligibility(ACO).update(2026, tin(1), npi(1))));
        ParticipantState first = models.participants.values().iterator().next();
        ReportTally firstTally = models.tallies.values().iterator().next();
        models.participants(List.of(score(ACO).scored(70, "GROUP").update(2026, tin(1), npi(1)),
                eligibility(ACO).offset(2).update(2026, tin(2), npi(2))));
        List<ConsumerRecord<String, byte[]>> states = new ArrayList<>();
        states.add(changelog(ReportingTopology.PARTICIPANTS_STORE, 0, first.participant().id(), first, ParticipantState.class));
        long offset = 1;
        for (var entry : models.participants.entrySet()) {
            states.add(changelog(ReportingTopology.PARTICIPANTS_STORE, offset++, entry.getKey(), entry.getValue(), ParticipantState.class));
        }
        ReportTally tally = models.tallies.get("A1001:2026");

        listeners.onParticipantStates(states);
        listeners.onReportTallies(List.of(changelog(ReportingTopology.TALLIES_STORE, 0, "A1001:2026", firstTally, ReportTally.class),
                changelog(ReportingTopology.TALLIES_STORE, 1, "A1001:2026", tally, ReportTally.class)));

        assertThat(participants.findByAcoYear(new AcoYear(ACO, 2026))).extracting(p -> p.score() != null).containsExactly(true, false);
        var report = reports.find(new AcoYear(ACO, 2026)).orElseThrow();
        assertThat(report.providersSuppliers().activeRoster()).isEqualTo(2);
        assertThat(report.providersSuppliers().metRequirementNotExcluded()).isEqualTo(1);
        assertThat(report.providersSuppliers().requiredNotScored()).isEqualTo(1);
        assertThat(MONGO.database().getCollection(PublicReportRepository.COLLECTION).find().first()
                .get("revision", org.bson.Document.class).getLong("computed")).isEqualTo(tally.revision());
    }

    @Test
    void aDeletedKeyInTheChangelogIsNotWritten() {
        listeners.onReportTallies(List.of(changelog(ReportingTopology.TALLIES_STORE, 0, "A1001:2026", null, ReportTally.class)));

        assertThat(reports.find(new AcoYear(ACO, 2026))).isEmpty();
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
