package org.acopi.reporting.stream;

import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.RosterStatus;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.publicreport.ParticipantState;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.test.TopologySnapshots;
import org.acopi.support.streams.StreamsSettings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporting topology on TopologyTestDriver: Avro events in, the stores the sinks read out, bad records dead-lettered. */
class ReportingTopologyTest {

    private static final String ACO = "A1001";
    private static final int PY = 2026;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ParticipantEligibility> eligibility;
    private TestInputTopic<String, ClinicianScore> scores;
    private TestInputTopic<String, ApmEntityScore> apmEntityScores;

    @BeforeEach
    void start() {
        Properties settings = StreamsSettings.forTests(ReportingTopology.APPLICATION_ID);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, "target/streams-state/ttd-" + UUID.randomUUID());
        driver = new TopologyTestDriver(ReportingTopology.build(), settings);
        eligibility = input(Topics.PARTICIPANT_ELIGIBILITY);
        scores = input(Topics.CLINICIAN_SCORES);
        apmEntityScores = input(Topics.APM_ENTITY_SCORES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    private PublicReport report() {
        KeyValueStore<String, ReportTally> tallies = driver.getKeyValueStore(ReportingTopology.TALLIES_STORE);
        return tallies.get(EventKeys.acoYear(ACO, PY)).report(CountingRules.forYear(PY));
    }

    private void send(ParticipantEligibility e) {
        eligibility.pipeInput(EventKeys.clinician(e.getPerformanceYear(), e.getTin(), e.getNpi()), e);
    }

    private void send(ClinicianScore s) {
        scores.pipeInput(EventKeys.clinician(s.getPerformanceYear(), s.getTin(), s.getNpi()), s);
    }

    @Test
    void determinationsScoresAndTheApmEntityScoreMakeTheReport() {
        send(eligibility(1, 1, true, "REQUIRED"));
        send(eligibility(1, 2, true, "REQUIRED"));
        send(eligibility(2, 3, false, "REWEIGHT_SMALL_PRACTICE"));
        send(score(1, 1, 0.0, EntityType.INDIVIDUAL));
        send(score(2, 3, 70.0, EntityType.GROUP));
        send(score(2, 3, 70.0, EntityType.GROUP));
        apmEntityScores.pipeInput(EventKeys.acoYear(ACO, PY), apm(35.0));

        PublicReport report = report();
        assertThat(report.providersSuppliers().activeRoster()).isEqualTo(3);
        assertThat(report.providersSuppliers().earnedPiScore()).isEqualTo(2);
        assertThat(report.providersSuppliers().metRequirementNotExcluded()).isEqualTo(1);
        assertThat(report.providersSuppliers().excludedVoluntarilyReported()).isEqualTo(1);
        assertThat(report.providersSuppliers().requiredNotScored()).isEqualTo(1);
        assertThat(report.participants().activeRoster()).isEqualTo(2);
        assertThat(report.participants().requiredNotScored()).isEqualTo(1);
        assertThat(report.participants().excludedVoluntarilyReported()).isEqualTo(1);
        assertThat(report.apmEntityScore().score()).isEqualTo(35.0);
        assertThat(report.computedFrom().participantDocuments()).isEqualTo(3);
        assertThat(report.computedFrom().offsets()).isNotEmpty();

        KeyValueStore<String, ParticipantState> participants = driver.getKeyValueStore(ReportingTopology.PARTICIPANTS_STORE);
        ParticipantState grouped = participants.get(EventKeys.clinician(PY, tin(2), npi(3)));
        assertThat(grouped.participant().score().finalScore()).isEqualTo(70.0);
        assertThat(grouped.revision()).isEqualTo(2);
    }

    @Test
    void aRemovalAndAMoveCorrectBothReports() {
        send(eligibility(1, 1, true, "REQUIRED"));
        send(eligibility(1, 2, true, "REQUIRED"));
        send(ParticipantEligibility.newBuilder(eligibility(1, 1, true, "REQUIRED")).setRosterStatus(RosterStatus.REMOVED).build());
        send(ParticipantEligibility.newBuilder(eligibility(1, 2, true, "REQUIRED")).setAcoId("A2002").build());

        assertThat(report().providersSuppliers().activeRoster()).isZero();
        assertThat(report().computedFrom().participantDocuments()).isEqualTo(1);
        KeyValueStore<String, ReportTally> tallies = driver.getKeyValueStore(ReportingTopology.TALLIES_STORE);
        assertThat(tallies.get(EventKeys.acoYear("A2002", PY)).clinicians().activeRoster()).isEqualTo(1);
    }

    @Test
    void badRecordsGoToTheirDeadLetterTopicsAndProcessingGoesOn() {
        TestOutputTopic<String, byte[]> eligibilityDlt = driver.createOutputTopic(Topics.PARTICIPANT_ELIGIBILITY.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> scoresDlt = driver.createOutputTopic(Topics.CLINICIAN_SCORES.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> apmDlt = driver.createOutputTopic(Topics.APM_ENTITY_SCORES.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());

        eligibility.pipeInput("2026:12345:" + npi(9), ParticipantEligibility.newBuilder(eligibility(1, 9, true, "REQUIRED"))
                .setTin("12345").build());
        scores.pipeInput(EventKeys.clinician(PY, tin(1), npi(1)), null);
        apmEntityScores.pipeInput("A9999:2026", apm(10.0));
        send(eligibility(1, 1, true, "REQUIRED"));

        assertThat(eligibilityDlt.readRecordsToList()).extracting(r -> header(r.headers(), DeadLetters.REASON_HEADER))
                .containsExactly("INVALID_TIN");
        assertThat(scoresDlt.readRecordsToList()).extracting(r -> header(r.headers(), DeadLetters.REASON_HEADER))
                .containsExactly(DeadLetters.REASON_MISSING_VALUE);
        assertThat(apmDlt.readRecordsToList()).extracting(r -> header(r.headers(), DeadLetters.REASON_HEADER))
                .containsExactly("KEY_MISMATCH");
        assertThat(report().providersSuppliers().activeRoster()).isEqualTo(1);
    }

    /**
     * The shape under review: two sub-topologies (per TIN/NPI, per ACO), three stores and one repartition topic. A change
     * here changes the hops and records per event that deploy/README.md §6 reports; update the snapshot on purpose.
     */
    @Test
    void topologyMatchesItsSnapshot() {
        String described = TopologySnapshots.assertMatches(ReportingTopology.build(), "reporting-topology.txt");
        assertThat(described).contains("Sub-topology: 1").doesNotContain("Sub-topology: 2");
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return DeadLetters.headerValue(headers, name);
    }

    private static ParticipantEligibility eligibility(int tin, int npi, boolean required, String reason) {
        return Fixtures.eligibilityEvent(ACO, PY, tin, npi, required, reason);
    }

    private static ClinicianScore score(int tin, int npi, double value, EntityType level) {
        return Fixtures.scoreEvent(ACO, PY, tin, npi, value, level);
    }

    private static ApmEntityScore apm(double value) {
        return Fixtures.apmEntityScoreEvent(ACO, PY, value);
    }
}
