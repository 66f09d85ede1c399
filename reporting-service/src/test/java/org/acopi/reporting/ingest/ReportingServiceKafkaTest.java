package org.acopi.reporting.ingest;

import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.profileEvent;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.AcoProfile;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.RosterStatus;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.stream.ReportingTopology;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.kafka.TopicProvisioner;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The running service on a real (embedded, KRaft) broker and mongo-java-server: determinations, scores, the APM
 * entity score and the ACO profile produced to their topics, with duplicates and bad records, end in the public report;
 * bad records end in their dead-letter topics with a stable reason.
 */
@SpringBootTest(properties = "acopi.streams.state-dir=target/streams-state/it-${random.uuid}")
@AutoConfigureMockMvc
// an operations user who may also read the actuator's details (AccessControlTest covers who may not)
@WithMockUser(roles = {"OPERATIONS", "OPERATOR"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReportingServiceKafkaTest {

    private static final String ACO = "A1001";
    private static final int PY = 2026;
    private static final InMemoryMongo MONGO = new InMemoryMongo();

    @Autowired
    private PublicReports reports;

    @Autowired
    private AcoProfileRepository profiles;

    @Autowired
    private MockMvc mvc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("acopi.mongodb.uri", MONGO::uri);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Autowired
    TopicProvisioner topicProvisioner;

    /**
     * Produces only once the service has created its topics: a test producer racing the broker's auto-creation of the
     * same topic can get OutOfOrderSequenceException on an idempotent producer and lose its records.
     */
    @BeforeEach
    void topicsExist() throws Exception {
        topicProvisioner.ready().get(60, TimeUnit.SECONDS);
    }

    @Test
    void eventsOnTheFourTopicsEndInThePublicReportAndBadRecordsInTheirDeadLetterTopics() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.ACO_PROFILES, profileEvent(ACO, PY, "Lakeshore Health Partners ACO, LLC", Fixtures.T0));
            send(producer, Topics.ACO_PROFILES, profileEvent(ACO, PY, "", Fixtures.T0.plusSeconds(60)));
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, eligibility(1, 1, true, "REQUIRED"));
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, eligibility(1, 2, true, "REQUIRED"));
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, eligibility(1, 3, false, "REWEIGHT_SMALL_PRACTICE"));
            ParticipantEligibility invalidTin = ParticipantEligibility.newBuilder(eligibility(2, 9, true, "REQUIRED"))
                    .setTin("12345").build();
            producer.send(new ProducerRecord<>(Topics.PARTICIPANT_ELIGIBILITY.name(), "2026:12345:" + npi(9),
                    Topics.PARTICIPANT_ELIGIBILITY.valueSerde().serializer().serialize("", invalidTin)));
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, eligibility(2, 4, true, "QP_SSP_ONLY"));
            send(producer, Topics.CLINICIAN_SCORES, score(1, 1, 0.0, EntityType.INDIVIDUAL));
            producer.send(new ProducerRecord<>(Topics.CLINICIAN_SCORES.name(), EventKeys.clinician(PY, tin(1), npi(2)),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            send(producer, Topics.CLINICIAN_SCORES, score(1, 3, 70.0, EntityType.GROUP));
            send(producer, Topics.CLINICIAN_SCORES, score(2, 4, 85.0, EntityType.INDIVIDUAL));
            send(producer, Topics.CLINICIAN_SCORES, score(2, 4, 85.0, EntityType.INDIVIDUAL));
            send(producer, Topics.APM_ENTITY_SCORES, apmEntityScore(51.67));
            producer.flush();
        }

        PublicReport report = awaitReport(r -> r.providersSuppliers().activeRoster() == 4
                && r.providersSuppliers().scored() == 3 && r.apmEntityScore() != null);
        assertThat(report.providersSuppliers().earnedPiScore()).isEqualTo(3);
        assertThat(report.providersSuppliers().metRequirementNotExcluded()).isEqualTo(2);
        assertThat(report.providersSuppliers().excludedVoluntarilyReported()).isEqualTo(1);
        assertThat(report.providersSuppliers().requiredNotScored()).isEqualTo(1);
        assertThat(report.participants().earnedPiScore()).isEqualTo(1);
        assertThat(report.participants().requiredNotScored()).isEqualTo(1);
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, PY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.providersSuppliers.earnedPiScore").value(3))
                .andExpect(jsonPath("$.apmEntityScore.score").value(51.67))
                .andExpect(jsonPath("$.apmEntityScore.method").value("ROLLED_UP"));
        await().atMost(Duration.ofSeconds(30)).until(() -> profiles.find(new AcoYear(ACO, PY)).isPresent());
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, PY))
                .andExpect(jsonPath("$.aco.legalName").value("Lakeshore Health Partners ACO, LLC"));

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, ParticipantEligibility.newBuilder(eligibility(2, 4, true, "QP_SSP_ONLY"))
                    .setRosterStatus(RosterStatus.REMOVED).build());
            send(producer, Topics.CLINICIAN_SCORES, score(1, 2, 40.0, EntityType.GROUP));
            producer.flush();
        }

        PublicReport corrected = awaitReport(r -> r.providersSuppliers().activeRoster() == 3
                && r.providersSuppliers().requiredNotScored() == 0);
        assertThat(corrected.participants().activeRoster()).isEqualTo(1);
        assertThat(corrected.participants().metRequirementNotExcluded()).isEqualTo(1);

        Map<String, String> reasons = deadLetterReasons(3);
        assertThat(reasons).containsEntry(Topics.PARTICIPANT_ELIGIBILITY.deadLetterName(), EdgeValidation.INVALID_TIN);
        assertThat(reasons).containsEntry(Topics.ACO_PROFILES.deadLetterName(), EdgeValidation.MISSING_LEGAL_NAME);
        assertThat(reasons).containsEntry(Topics.CLINICIAN_SCORES.deadLetterName(), "UNDECODABLE_HEADER");
        assertThat(Metrics.globalRegistry.find("acopi.events.processed")
                .tag("topic", Topics.CLINICIAN_SCORES.name()).counter().count()).isGreaterThanOrEqualTo(4);
        assertThat(Metrics.globalRegistry.find(DeadLetters.DEAD_LETTERED_METRIC)
                .tag("topic", Topics.PARTICIPANT_ELIGIBILITY.name()).tag("reason", EdgeValidation.INVALID_TIN)
                .counter().count()).isEqualTo(1);
    }

    private PublicReport awaitReport(java.util.function.Predicate<PublicReport> condition) {
        AcoYear acoYear = new AcoYear(ACO, PY);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> reports.find(acoYear).orElse(null), r -> r != null && condition.test(r));
    }

    private Map<String, String> deadLetterReasons(int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTICIPANT_ELIGIBILITY.deadLetterName(), Topics.CLINICIAN_SCORES.deadLetterName(),
                    Topics.ACO_PROFILES.deadLetterName()));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= expected;
            });
            for (ConsumerRecord<String, byte[]> record : seen) {
                reasons.put(record.topic(), DeadLetters.headerValue(record.headers(), DeadLetters.REASON_HEADER));
                // profiles are read by the listeners (group acopi-reporting), determinations and scores by the topology
                assertThat(DeadLetters.headerValue(record.headers(), DeadLetters.CONSUMER_HEADER)).isEqualTo(
                        record.topic().equals(Topics.ACO_PROFILES.deadLetterName()) ? "acopi-reporting" : ReportingTopology.APPLICATION_ID);
                assertThat(DeadLetters.headerValue(record.headers(), DeadLetters.ORIGINAL_TOPIC_HEADER))
                        .isEqualTo(record.topic().replace("-dlt", ""));
                assertThat(DeadLetters.headerValue(record.headers(), DeadLetters.MESSAGE_HEADER)).doesNotContain(tin(1));
            }
        }
        return reasons;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, V value) {
        String key;
        if (value instanceof ParticipantEligibility e) {
            key = EventKeys.clinician(e.getPerformanceYear(), e.getTin(), e.getNpi());
        } else if (value instanceof ClinicianScore s) {
            key = EventKeys.clinician(s.getPerformanceYear(), s.getTin(), s.getNpi());
        } else if (value instanceof AcoProfile p) {
            key = EventKeys.acoYear(p.getAcoId(), p.getPerformanceYear());
        } else {
            ApmEntityScore a = (ApmEntityScore) value;
            key = EventKeys.acoYear(a.getAcoId(), a.getPerformanceYear());
        }
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private static ParticipantEligibility eligibility(int tin, int npi, boolean required, String reason) {
        return Fixtures.eligibilityEvent(ACO, PY, tin, npi, required, reason);
    }

    private static ClinicianScore score(int tin, int npi, double value, EntityType level) {
        return Fixtures.scoreEvent(ACO, PY, tin, npi, value, level);
    }

    private static ApmEntityScore apmEntityScore(double value) {
        return Fixtures.apmEntityScoreEvent(ACO, PY, value);
    }
}
