package org.acopi.scoring.stream;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterStatus;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.fixtures.Events;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.rules.SubmittingEntity;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.StreamsSettings;
import org.acopi.support.test.TopologySnapshots;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scoring topology against TopologyTestDriver: edge validation to the dead-letter topic, §11.2 submission versions
 * (replay, duplicates, reordering, resubmission, withdrawal, several submitters), clinician final scores for every
 * eligibility record, and the APM entity roll-up under corrections.
 */
class ScoringTopologyTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();
    private static final String ACO = "A1234";
    private static final String TIN_A = "111111111";
    private static final String TIN_B = "222222222";
    private static final String NPI_1 = Identifiers.npiWithCheckDigit("100000001");
    private static final String NPI_2 = Identifiers.npiWithCheckDigit("100000002");
    private static final String NPI_3 = Identifiers.npiWithCheckDigit("100000003");

    private TopologyTestDriver driver;
    private TestInputTopic<String, PiSubmission> submissions;
    private TestInputTopic<String, ParticipantEligibility> eligibility;
    private TestOutputTopic<String, SubmissionScore> submissionScores;
    private TestOutputTopic<String, ClinicianScore> clinicianScores;
    private TestOutputTopic<String, ApmEntityScore> apmScores;
    private TestOutputTopic<String, byte[]> submissionDlt;
    private TestOutputTopic<String, byte[]> eligibilityDlt;

    @BeforeEach
    void start() {
        Properties properties = StreamsSettings.forTests("scoring-test");
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        driver = new TopologyTestDriver(ScoringTopology.build(RULES, properties, 1), properties);
        submissions = driver.createInputTopic(Topics.SUBMISSIONS.name(), new StringSerializer(),
                Topics.SUBMISSIONS.valueSerde().serializer());
        eligibility = driver.createInputTopic(Topics.PARTICIPANT_ELIGIBILITY.name(), new StringSerializer(),
                Topics.PARTICIPANT_ELIGIBILITY.valueSerde().serializer());
        submissionScores = driver.createOutputTopic(Topics.SUBMISSION_SCORES.name(), new StringDeserializer(),
                Topics.SUBMISSION_SCORES.valueSerde().deserializer());
        clinicianScores = driver.createOutputTopic(Topics.CLINICIAN_SCORES.name(), new StringDeserializer(),
                Topics.CLINICIAN_SCORES.valueSerde().deserializer());
        apmScores = driver.createOutputTopic(Topics.APM_ENTITY_SCORES.name(), new StringDeserializer(),
                Topics.APM_ENTITY_SCORES.valueSerde().deserializer());
        submissionDlt = driver.createOutputTopic(Topics.SUBMISSIONS.deadLetterName(), new StringDeserializer(),
                new ByteArrayDeserializer());
        eligibilityDlt = driver.createOutputTopic(Topics.PARTICIPANT_ELIGIBILITY.deadLetterName(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // ---- inputs

    private static PiSubmission individual(String tin, String npi, String id, String submitter, long at, int peaNumerator) {
        return Events.submission(defaults(2026).entity(SubmittingEntity.individual(tin, npi))
                .ratio("PI_PEA_1", peaNumerator, 100).build(), id, submitter, at);
    }

    private static PiSubmission group(String tin, String id, String submitter, long at, int peaNumerator) {
        return Events.submission(defaults(2026).entity(SubmittingEntity.group(tin))
                .ratio("PI_PEA_1", peaNumerator, 100).build(), id, submitter, at);
    }

    private static PiSubmission apmEntity(String id, long at, int peaNumerator) {
        return Events.submission(defaults(2026).entity(SubmittingEntity.apmEntity(ACO))
                .ratio("PI_PEA_1", peaNumerator, 100).build(), id, "aco-registry", at);
    }

    private static PiSubmission virtualGroup(String virtualGroupId, String id, long at, int peaNumerator) {
        return Events.submission(defaults(2026).entity(SubmittingEntity.virtualGroup(virtualGroupId))
                .ratio("PI_PEA_1", peaNumerator, 100).build(), id, "registry", at);
    }

    private void submit(PiSubmission... all) {
        for (PiSubmission s : all) {
            submissions.pipeInput(Events.key(s), s);
        }
    }

    private void roster(String tin, String npi, String reason, ReweightingKind reweighting) {
        ParticipantEligibility e = Events.eligibility(ACO, 2026, tin, npi, reason, reweighting);
        eligibility.pipeInput(Events.key(e), e);
    }

    private void rosterInVirtualGroup(String tin, String npi, String virtualGroupId) {
        ParticipantEligibility e = ParticipantEligibility.newBuilder(
                Events.eligibility(ACO, 2026, tin, npi, "REQUIRED", ReweightingKind.NONE))
                .setVirtualGroupId(virtualGroupId).build();
        eligibility.pipeInput(Events.key(e), e);
    }

    private void remove(String tin, String npi) {
        ParticipantEligibility e = ParticipantEligibility.newBuilder(
                Events.eligibility(ACO, 2026, tin, npi, "REQUIRED", ReweightingKind.NONE))
                .setRosterStatus(RosterStatus.REMOVED).build();
        eligibility.pipeInput(Events.key(e), e);
    }

    // ---- outputs

    private static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        return topic.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
    }

    private static String clinicianKey(String tin, String npi) {
        return EventKeys.clinician(2026, tin, npi);
    }

    private static String reason(TestRecord<String, byte[]> letter) {
        return DeadLetters.headerValue(letter.headers(), DeadLetters.REASON_HEADER);
    }

    // ---- submissions

    @Test
    void validSubmissionIsScoredAndPublishedPerSubmitter() {
        PiSubmission s = individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 80);
        submit(s);
        List<KeyValue<String, SubmissionScore>> out = submissionScores.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("2026:INDIVIDUAL:" + TIN_A + ":" + NPI_1 + ":ehr");
        SubmissionScore score = out.get(0).value;
        assertThat(score.getValid()).isTrue();
        assertThat(score.getScore()).isEqualTo(95.0);
        assertThat(score.getEntityId()).isEqualTo(TIN_A + ":" + NPI_1);
        assertThat(score.getRulesVersion()).isEqualTo("acopi-pi-rules/2026.1");
        assertThat(score.getParts()).anySatisfy(p -> {
            assertThat(p.getMeasureId()).isEqualTo("PI_PEA_1");
            assertThat(p.getFormula()).isEqualTo("((80/100)*25) = 20");
        });
        assertThat(submissionDlt.isEmpty()).isTrue();
    }

    @Test
    void invalidSubmissionGoesToDeadLetterTopicWithAllItsCodes() {
        PiSubmission bad = Events.submission(defaults(2026).yes("PI_LVPP_1").yes("PI_HIE_5").build(), "bad", "ehr", 1_000);
        submit(bad);
        assertThat(submissionScores.isEmpty()).isTrue();
        TestRecord<String, byte[]> letter = submissionDlt.readRecord();
        assertThat(reason(letter)).isEqualTo("INVALID_EXCLUSION_WITH_MEASURE");
        assertThat(DeadLetters.headerValue(letter.headers(), DeadLetters.DETAILS_HEADER))
                .isEqualTo("INVALID_EXCLUSION_WITH_MEASURE,INVALID_SUBSTITUTE_WITH_MEASURE");
        assertThat(DeadLetters.headerValue(letter.headers(), DeadLetters.MESSAGE_HEADER))
                .contains("101 INVALID_EXCLUSION_WITH_MEASURE").doesNotContain(TIN_A);
    }

    @Test
    void deadLetterCountsEveryProblemOfAManyProblemSubmission() {
        MeasurementSets.Builder set = defaults(2026).entity(SubmittingEntity.group(TIN_A));
        for (int i = 0; i < 70; i++) {
            set.yes("PI_UNKNOWN_" + i);
        }
        submissions.pipeInput(EventKeys.submission(2026, EntityType.GROUP, TIN_B),
                Events.submission(set.build(), "many", "ehr", 1_000));
        TestRecord<String, byte[]> letter = submissionDlt.readRecord();
        assertThat(reason(letter)).isEqualTo("KEY_MISMATCH");
        assertThat(DeadLetters.headerValue(letter.headers(), DeadLetters.DETAILS_HEADER))
                .isEqualTo("KEY_MISMATCH,INVALID_MEASURE_NOT_IN_PERFORMANCE_YEAR");
        assertThat(DeadLetters.headerValue(letter.headers(), DeadLetters.MESSAGE_HEADER)).endsWith("; and 66 more");
    }

    @Test
    void keyMustMatchTheSubmission() {
        PiSubmission s = individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 80);
        submissions.pipeInput(EventKeys.submission(2026, EntityType.GROUP, TIN_A), s);
        assertThat(reason(submissionDlt.readRecord())).isEqualTo("KEY_MISMATCH");
        assertThat(submissionScores.isEmpty()).isTrue();
    }

    @Test
    void edgeIdentifiersAndUnsupportedYearAreRejected() {
        PiSubmission badNpi = individual(TIN_A, "1234567890", "s1", "ehr", 1_000, 80);
        submit(badNpi);
        PiSubmission oldYear = Events.submission(defaults(2024).build(), "s2", "ehr", 1_000);
        submit(oldYear);
        assertThat(submissionDlt.readRecordsToList()).extracting(ScoringTopologyTest::reason)
                .containsExactly("INVALID_NPI", "UNSUPPORTED_PY");
    }

    @Test
    void undecodableSubmissionIsDeadLetteredAndProcessingContinues() {
        driver.createInputTopic(Topics.SUBMISSIONS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("2026:GROUP:" + TIN_A, "{\"not\":\"avro\"}".getBytes());
        submit(group(TIN_A, "g1", "ehr", 1_000, 100));
        assertThat(reason(submissionDlt.readRecord())).isEqualTo("UNDECODABLE_HEADER");
        assertThat(submissionScores.readValuesToList()).hasSize(1);
    }

    @Test
    void replayAndDuplicatesChangeNothing() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        PiSubmission s = individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 80);
        submit(s);
        Map<String, ClinicianScore> first = latest(clinicianScores);
        submissionScores.readRecordsToList();
        apmScores.readRecordsToList();
        submit(s, s, s);
        assertThat(submissionScores.isEmpty()).isTrue();
        assertThat(clinicianScores.isEmpty()).isTrue();
        assertThat(apmScores.isEmpty()).isTrue();
        assertThat(first.get(clinicianKey(TIN_A, NPI_1)).getFinalScore()).isEqualTo(95.0);
    }

    @Test
    void olderVersionArrivingLateIsIgnored() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        submit(individual(TIN_A, NPI_1, "s2", "ehr", 2_000, 60));
        submit(individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 100));
        assertThat(submissionScores.readValuesToList()).extracting(SubmissionScore::getSubmissionId).containsExactly("s2");
        ClinicianScore c = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(c.getFinalScore()).isEqualTo(90.0);
        assertThat(c.getContributingSubmissionIds()).containsExactly("s2");
    }

    @Test
    void newerResubmissionReplaces_butAnInvalidOneDoesNot() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        submit(individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 100));
        submit(individual(TIN_A, NPI_1, "s2", "ehr", 2_000, 60));
        assertThat(latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1)).getFinalScore()).isEqualTo(90.0);

        PiSubmission invalid = Events.submission(defaults(2026).entity(SubmittingEntity.individual(TIN_A, NPI_1))
                .yes("PI_LVPP_1").build(), "s3", "ehr", 3_000);
        submit(invalid);
        assertThat(submissionDlt.readRecordsToList()).hasSize(1);
        assertThat(clinicianScores.isEmpty()).isTrue();
        assertThat(submissionScores.readValuesToList()).extracting(SubmissionScore::getSubmissionId)
                .containsExactly("s1", "s2");
    }

    @Test
    void highestAcrossSubmittersAndWithdrawalFallsBack() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        PiSubmission fromEhr = individual(TIN_A, NPI_1, "e1", "ehr", 1_000, 60);
        PiSubmission fromRegistry = individual(TIN_A, NPI_1, "r1", "registry", 500, 100);
        submit(fromEhr, fromRegistry);
        assertThat(latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1)).getFinalScore()).isEqualTo(100.0);

        submit(Events.withdrawal(fromRegistry, "r1-withdrawn", 2_000));
        SubmissionScore withdrawn = latest(submissionScores).get(Events.key(fromRegistry) + ":registry");
        assertThat(withdrawn.getWithdrawn()).isTrue();
        assertThat(withdrawn.getScore()).isNull();
        ClinicianScore c = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(c.getFinalScore()).isEqualTo(90.0);
        assertThat(c.getContributingSubmissionIds()).containsExactly("e1");

        // the withdrawn version stays withdrawn when its older submission is replayed
        submit(fromRegistry);
        assertThat(clinicianScores.isEmpty()).isTrue();

        submit(Events.withdrawal(fromEhr, "e1-withdrawn", 3_000));
        ClinicianScore none = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(none.getScored()).isFalse();
        assertThat(none.getReasonCodes()).containsExactly("NO_PI_SUBMISSION");
    }

    // ---- clinicians

    @Test
    void everyEligibilityRecordGetsAClinicianScore() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_A, NPI_2, "REWEIGHT_SMALL_PRACTICE", ReweightingKind.AUTOMATIC);
        Map<String, ClinicianScore> out = latest(clinicianScores);
        assertThat(out).containsOnlyKeys(clinicianKey(TIN_A, NPI_1), clinicianKey(TIN_A, NPI_2));
        assertThat(out.values()).allSatisfy(c -> {
            assertThat(c.getScored()).isFalse();
            assertThat(c.getReasonCodes()).containsExactly("NO_PI_SUBMISSION");
            assertThat(c.getAcoId()).isEqualTo(ACO);
            assertThat(c.getRulesVersion()).isEqualTo("acopi-pi-rules/2026.1");
        });
    }

    @Test
    void clinicianTakesTheHighestOfIndividualGroupAndApmEntity() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        submit(individual(TIN_A, NPI_1, "i1", "ehr", 1_000, 20));   // 10+10+15+15+5+25 = 80
        submit(group(TIN_A, "g1", "ehr", 1_000, 80));                 // 95
        submit(apmEntity("a1", 1_000, 60));                           // 90
        ClinicianScore c = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(c.getScored()).isTrue();
        assertThat(c.getFinalScore()).isEqualTo(95.0);
        assertThat(c.getSource()).isEqualTo(EntityType.GROUP);
        assertThat(c.getContributingSubmissionIds()).containsExactly("g1");
        assertThat(c.getCandidates()).extracting(l -> l.getLevel() + "=" + l.getScore())
                .containsExactly("INDIVIDUAL=80.0", "GROUP=95.0", "APM_ENTITY=90.0");
    }

    @Test
    void theRolledUpEntityMeanIsNeverAClinicianCandidate() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_B, NPI_2, "REQUIRED", ReweightingKind.NONE);
        submit(group(TIN_A, "gA", "ehr", 1_000, 100));
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
        assertThat(apm.getScore()).isEqualTo(50.0);
        assertThat(apm.getCliniciansScored()).isEqualTo(1);
        ClinicianScore unscored = latest(clinicianScores).get(clinicianKey(TIN_B, NPI_2));
        assertThat(unscored.getScored()).isFalse();
        assertThat(unscored.getReasonCodes()).containsExactly("NO_PI_SUBMISSION");
        assertThat(unscored.getCandidates()).isEmpty();
    }

    @Test
    void submissionBeforeEligibilityStillReachesTheClinician() {
        submit(group(TIN_A, "g1", "ehr", 1_000, 100));
        assertThat(clinicianScores.isEmpty()).isTrue();
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        assertThat(latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1)).getFinalScore()).isEqualTo(100.0);
    }

    @Test
    void dataCompromisedIsNotScored() {
        ParticipantEligibility e = ParticipantEligibility.newBuilder(Events.eligibility(ACO, 2026, TIN_A, NPI_1,
                "REWEIGHT_DATA_COMPROMISED", ReweightingKind.AUTOMATIC)).setDataCompromised(true).build();
        eligibility.pipeInput(Events.key(e), e);
        submit(individual(TIN_A, NPI_1, "i1", "ehr", 1_000, 100));
        ClinicianScore c = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(c.getScored()).isFalse();
        assertThat(c.getReasonCodes()).containsExactly("DATA_COMPROMISED");
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.REWEIGHTED);
        assertThat(apm.getLeftOutReweighted()).isEqualTo(1);
    }

    @Test
    void invalidEligibilityIsDeadLettered() {
        ParticipantEligibility e = Events.eligibility(ACO, 2026, TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        eligibility.pipeInput(clinicianKey(TIN_B, NPI_1), e);
        ParticipantEligibility badNpi = Events.eligibility(ACO, 2026, TIN_A, "1234567890", "REQUIRED", ReweightingKind.NONE);
        eligibility.pipeInput(Events.key(badNpi), badNpi);
        assertThat(eligibilityDlt.readRecordsToList()).extracting(ScoringTopologyTest::reason)
                .containsExactly("KEY_MISMATCH", "INVALID_NPI");
        assertThat(clinicianScores.isEmpty()).isTrue();
    }

    @Test
    void eventsTakenFromEachInputTopicAreCountedPerTopic() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
            roster(TIN_A, NPI_2, "REQUIRED", ReweightingKind.NONE);
            ParticipantEligibility badNpi = Events.eligibility(ACO, 2026, TIN_A, "1234567890", "REQUIRED", ReweightingKind.NONE);
            eligibility.pipeInput(Events.key(badNpi), badNpi);
            eligibility.pipeInput(clinicianKey(TIN_A, NPI_2), null);
            submit(group(TIN_A, "g1", "ehr", 1_000, 100));
            assertThat(processed(registry, Topics.PARTICIPANT_ELIGIBILITY.name())).isEqualTo(3.0);
            assertThat(processed(registry, Topics.SUBMISSIONS.name())).isEqualTo(1.0);
        } finally {
            Metrics.globalRegistry.remove(registry);
            registry.close();
        }
    }

    private static double processed(SimpleMeterRegistry registry, String topic) {
        Counter counter = registry.find(EventMetrics.PROCESSED_METRIC).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    // ---- virtual groups

    private static List<String> levels(ClinicianScore c) {
        return c.getCandidates().stream().map(l -> l.getLevel() + "=" + l.getScore() + "/" + l.getSubmissionId()).toList();
    }

    @Test
    void clinicianInAVirtualGroupTakesItsScore_andOthersAtTheTinAreUnaffected() {
        rosterInVirtualGroup(TIN_A, NPI_1, "VG-1");
        roster(TIN_A, NPI_2, "REQUIRED", ReweightingKind.NONE);
        assertThat(latest(clinicianScores)).containsOnlyKeys(clinicianKey(TIN_A, NPI_1), clinicianKey(TIN_A, NPI_2))
                .allSatisfy((key, c) -> assertThat(c.getReasonCodes()).containsExactly("NO_PI_SUBMISSION"));
        submit(group(TIN_A, "g1", "ehr", 1_000, 60));           // 90
        submit(virtualGroup("VG-1", "v1", 1_000, 100));          // 100
        submit(virtualGroup("VG-2", "v2", 1_000, 100));          // nobody's group

        Map<String, ClinicianScore> out = latest(clinicianScores);
        ClinicianScore member = out.get(clinicianKey(TIN_A, NPI_1));
        assertThat(member.getFinalScore()).isEqualTo(100.0);
        assertThat(member.getSource()).isEqualTo(EntityType.VIRTUAL_GROUP);
        assertThat(member.getContributingSubmissionIds()).containsExactly("v1");
        assertThat(levels(member)).containsExactly("GROUP=90.0/g1", "VIRTUAL_GROUP=100.0/v1");
        ClinicianScore other = out.get(clinicianKey(TIN_A, NPI_2));
        assertThat(other.getFinalScore()).isEqualTo(90.0);
        assertThat(other.getSource()).isEqualTo(EntityType.GROUP);
        assertThat(levels(other)).containsExactly("GROUP=90.0/g1");
        assertThat(latest(apmScores).get(EventKeys.acoYear(ACO, 2026)).getFormula())
                .isEqualTo("(100×1 + 90×1)/2 = 95.00");
    }

    @Test
    void virtualGroupResubmissionReachesItsMembersOnly() {
        rosterInVirtualGroup(TIN_A, NPI_1, "VG-1");
        rosterInVirtualGroup(TIN_B, NPI_2, "VG-1");
        roster(TIN_A, NPI_3, "REQUIRED", ReweightingKind.NONE);
        assertThat(latest(clinicianScores)).hasSize(3);
        submit(virtualGroup("VG-1", "v1", 1_000, 100));
        assertThat(latest(clinicianScores)).containsOnlyKeys(clinicianKey(TIN_A, NPI_1), clinicianKey(TIN_B, NPI_2))
                .allSatisfy((key, c) -> assertThat(c.getFinalScore()).isEqualTo(100.0));

        submit(virtualGroup("VG-1", "v1b", 2_000, 20));          // 80
        Map<String, ClinicianScore> out = latest(clinicianScores);
        assertThat(out).containsOnlyKeys(clinicianKey(TIN_A, NPI_1), clinicianKey(TIN_B, NPI_2));
        assertThat(out.values()).allSatisfy(c -> {
            assertThat(c.getFinalScore()).isEqualTo(80.0);
            assertThat(c.getSource()).isEqualTo(EntityType.VIRTUAL_GROUP);
            assertThat(c.getContributingSubmissionIds()).containsExactly("v1b");
        });
        assertThat(latest(apmScores).get(EventKeys.acoYear(ACO, 2026)).getFormula())
                .isEqualTo("(80×2 + 0×1)/3 = 53.33");
    }

    @Test
    void clinicianMovingToAnotherAcoLeavesTheOldRollUpAndJoinsTheNew() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_A, NPI_2, "REQUIRED", ReweightingKind.NONE);
        submit(individual(TIN_A, NPI_1, "s1", "ehr", 1_000, 80));
        assertThat(latest(apmScores).get(EventKeys.acoYear(ACO, 2026)).getCliniciansCounted()).isEqualTo(2);

        ParticipantEligibility moved = ParticipantEligibility.newBuilder(
                Events.eligibility(ACO, 2026, TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE)).setAcoId("B5678").build();
        eligibility.pipeInput(Events.key(moved), moved);
        Map<String, ApmEntityScore> apm = latest(apmScores);
        assertThat(apm.get(EventKeys.acoYear(ACO, 2026)).getCliniciansCounted()).isEqualTo(1);
        assertThat(apm.get(EventKeys.acoYear(ACO, 2026)).getCliniciansScored()).isZero();
        assertThat(apm.get(EventKeys.acoYear("B5678", 2026)).getCliniciansCounted()).isEqualTo(1);
        assertThat(apm.get(EventKeys.acoYear("B5678", 2026)).getScore()).isEqualTo(95.0);

        clinicianScores.readValuesToList();
        eligibility.pipeInput(Events.key(moved), moved);
        assertThat(clinicianScores.isEmpty()).as("a duplicate determination re-scores nothing").isTrue();
        assertThat(apmScores.isEmpty()).isTrue();
    }

    /**
     * The shape under review: one sub-topology per TIN partition (submissions, determinations, the two ingress
     * repartition topics and the wide-entity fan-out) and one per ACO (the roll-up), five stores. A change here changes
     * the hops and records per event that deploy/README.md §6 reports.
     */
    @Test
    void topologyMatchesItsSnapshot() {
        String described = TopologySnapshots.assertMatches(ScoringTopology.build(RULES, 3), "scoring-topology.txt");
        assertThat(described).doesNotContain("KTABLE-FK").doesNotContain("subscription");
    }

    @Test
    void eligibilityThatNoLongerNamesTheVirtualGroupDropsItsScore() {
        submit(virtualGroup("VG-1", "v1", 1_000, 100));
        submit(virtualGroup("VG-2", "v2", 1_000, 60));
        submit(individual(TIN_A, NPI_1, "i1", "ehr", 1_000, 20)); // 80
        rosterInVirtualGroup(TIN_A, NPI_1, "VG-1");
        assertThat(latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1)).getFinalScore()).isEqualTo(100.0);

        rosterInVirtualGroup(TIN_A, NPI_1, "VG-2");
        ClinicianScore moved = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(levels(moved)).containsExactly("INDIVIDUAL=80.0/i1", "VIRTUAL_GROUP=90.0/v2");
        assertThat(moved.getFinalScore()).isEqualTo(90.0);

        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        ClinicianScore left = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(levels(left)).containsExactly("INDIVIDUAL=80.0/i1");
        assertThat(left.getFinalScore()).isEqualTo(80.0);
        assertThat(left.getSource()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(latest(apmScores).get(EventKeys.acoYear(ACO, 2026)).getFormula()).isEqualTo("(80×1)/1 = 80.00");

        // the group it left changes nothing for it any more
        submit(virtualGroup("VG-1", "v1b", 2_000, 20));
        submit(virtualGroup("VG-2", "v2b", 2_000, 20));
        assertThat(clinicianScores.isEmpty()).isTrue();
    }

    // ---- APM entity

    @Test
    void apmEntityRollUpA1AndCorrections() {
        // TIN A: 2 clinicians with group score 80; TIN B: 1 clinician with group 60; NPI_3 at TIN B unscored; one reweighted
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_A, NPI_2, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_B, NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster(TIN_B, NPI_3, "REWEIGHT_SMALL_PRACTICE", ReweightingKind.AUTOMATIC);
        roster("333333333", NPI_1, "REQUIRED", ReweightingKind.NONE);
        roster("444444444", NPI_1, "NOT_IN_SNAPSHOT3", ReweightingKind.NONE);
        submit(group(TIN_A, "gA", "ehr", 1_000, 20));   // 80
        submit(group(TIN_B, "gB", "ehr", 1_000, 0));    // PEA 0/100 -> Z_NUMERATOR0 -> 0
        submit(group(TIN_B, "gB2", "ehr", 2_000, 100)); // resubmission: 100
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
        // TIN B's group score also reaches the reweighted NPI_3, so it is counted (data overrides reweighting)
        assertThat(apm.getFormula()).isEqualTo("(100×2 + 80×2 + 0×1)/5 = 72.00");
        assertThat(apm.getScore()).isEqualTo(72.0);
        assertThat(apm.getCliniciansCounted()).isEqualTo(5);
        assertThat(apm.getCliniciansScored()).isEqualTo(4);

        // roster removal retracts the clinician from the entity and marks its score REMOVED
        remove("333333333", NPI_1);
        ClinicianScore removed = latest(clinicianScores).get(clinicianKey("333333333", NPI_1));
        assertThat(removed.getRosterStatus()).isEqualTo(RosterStatus.REMOVED);
        assertThat(removed.getScored()).isFalse();
        assertThat(latest(apmScores).get(EventKeys.acoYear(ACO, 2026)).getFormula()).isEqualTo("(100×2 + 80×2)/4 = 90.00");

        // withdrawing the submitter's group data: NPI_1 at TIN B counts 0, the reweighted NPI_3 is left out
        submit(Events.withdrawal(group(TIN_B, "gB2", "ehr", 2_000, 100), "gB2-w", 3_000));
        ApmEntityScore afterWithdrawal = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(afterWithdrawal.getFormula()).isEqualTo("(80×2 + 0×1)/3 = 53.33");
        assertThat(afterWithdrawal.getLeftOutReweighted()).isEqualTo(1);

        // an eligibility change: NPI_1 at TIN B is now reweighted and, without data, left out too
        roster(TIN_B, NPI_1, "REWEIGHT_APP_DECERTIFIED_EHR", ReweightingKind.APPLICATION_APPROVED);
        ApmEntityScore afterChange = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(afterChange.getFormula()).isEqualTo("(80×2)/2 = 80.00");
        assertThat(afterChange.getLeftOutReweighted()).isEqualTo(2);
    }

    @Test
    void entityLevelSubmissionDecidesAndItsWithdrawalFallsBackToRollUp() {
        roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE);
        submit(group(TIN_A, "gA", "ehr", 1_000, 100));
        PiSubmission entity = apmEntity("a1", 1_000, 60);
        submit(entity);
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.ENTITY_REPORTED);
        assertThat(apm.getScore()).isEqualTo(90.0);
        assertThat(apm.getEntitySubmissionId()).isEqualTo("a1");

        submit(Events.withdrawal(entity, "a1-w", 2_000));
        ApmEntityScore rolled = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(rolled.getMethod()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
        assertThat(rolled.getScore()).isEqualTo(100.0);
    }

    @Test
    void acoReachClinicianKeepsItsOwnScoreButGetsNoMsspRollUp() {
        ParticipantEligibility reach = Events.eligibility("R0001", 2026, TIN_A, NPI_1, "NOT_MSSP", ReweightingKind.NONE);
        eligibility.pipeInput(Events.key(reach), reach);
        submit(group(TIN_A, "gA", "ehr", 1_000, 100));
        ClinicianScore clinician = latest(clinicianScores).get(clinicianKey(TIN_A, NPI_1));
        assertThat(clinician.getScored()).isTrue();
        assertThat(clinician.getFinalScore()).isEqualTo(100.0);
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear("R0001", 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.REWEIGHTED);
        assertThat(apm.getScore()).isNull();
        assertThat(apm.getCliniciansCounted()).isZero();
        assertThat(apm.getReasonCodes()).containsExactly("NO_COUNTED_CLINICIANS");
    }

    @Test
    void allReweightedEntityIsReweighted() {
        roster(TIN_A, NPI_1, "REWEIGHT_SMALL_PRACTICE", ReweightingKind.AUTOMATIC);
        roster(TIN_A, NPI_2, "REWEIGHT_SMALL_PRACTICE", ReweightingKind.AUTOMATIC);
        ApmEntityScore apm = latest(apmScores).get(EventKeys.acoYear(ACO, 2026));
        assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.REWEIGHTED);
        assertThat(apm.getScore()).isNull();
        assertThat(apm.getLeftOutReweighted()).isEqualTo(2);
    }

    @Test
    void inputOrderDoesNotChangeTheFinalOutputs() {
        Function<Boolean, Map<String, Object>> run = reversed -> {
            List<Runnable> steps = new java.util.ArrayList<>(List.of(
                    () -> roster(TIN_A, NPI_1, "REQUIRED", ReweightingKind.NONE),
                    () -> roster(TIN_A, NPI_2, "REQUIRED", ReweightingKind.NONE),
                    () -> submit(individual(TIN_A, NPI_1, "i1", "ehr", 1_000, 40)),
                    () -> submit(individual(TIN_A, NPI_1, "i2", "ehr", 2_000, 10)),
                    () -> submit(group(TIN_A, "g1", "registry", 1_500, 50)),
                    () -> submit(individual(TIN_A, NPI_2, "i3", "ehr", 1_000, 100))));
            if (reversed) {
                java.util.Collections.reverse(steps);
            }
            steps.forEach(Runnable::run);
            Map<String, Object> result = new java.util.HashMap<>();
            latest(clinicianScores).forEach((k, v) -> result.put(k, v.getFinalScore() + "/" + v.getContributingSubmissionIds()));
            latest(apmScores).forEach((k, v) -> result.put(k, v.getFormula()));
            return result;
        };
        Map<String, Object> forward = run.apply(false);
        stop();
        start();
        Map<String, Object> backward = run.apply(true);
        assertThat(backward).isEqualTo(forward);
        // NPI_1: newest individual i2 = 78 (PEA 10/100 -> 2.5 -> 3), group g1 = 88 (PEA 50/100 -> 12.5 -> 13)
        assertThat(forward.get(EventKeys.acoYear(ACO, 2026))).isEqualTo("(100×1 + 88×1)/2 = 94.00");
    }
}
