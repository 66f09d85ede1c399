package org.acopi.scoring;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.acopi.support.test.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.ReweightingKind;
import org.acopi.scoring.fixtures.Events;
import org.acopi.scoring.rules.SubmittingEntity;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.kafka.TopicProvisioner;
import org.acopi.support.streams.ManagedKafkaStreams;
import org.acopi.support.test.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The running service on a real (embedded, KRaft) broker with exactly-once: eligibility and submissions in, submission,
 * clinician and APM entity scores out, bad submissions on acopi.submissions.v1-dlt; then a restart of the Streams
 * application, a replayed submission that changes nothing and a resubmission that flows to every output.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "acopi.streams.state-dir=target/streams-state/it-${random.uuid}",
        // Streams does not leave the group on close: let the restarted instance take over without a 45 s wait
        "spring.kafka.streams.properties.session.timeout.ms=6000",
        "spring.kafka.streams.properties.heartbeat.interval.ms=1000"})
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
class ScoringServiceKafkaTest {

    private static final String ACO = "A7777";
    private static final String TIN = "987654321";
    private static final String NPI_1 = Identifiers.npiWithCheckDigit("200000001");
    private static final String NPI_2 = Identifiers.npiWithCheckDigit("200000002");

    private final EmbeddedKafkaBroker broker;
    private final ManagedKafkaStreams streams;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @Autowired
    ScoringServiceKafkaTest(EmbeddedKafkaBroker broker, ManagedKafkaStreams streams) {
        this.broker = broker;
        this.streams = streams;
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
    void scoresRollsUpDeadLettersAndSurvivesARestart() {
        try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(broker.getBrokersAsString());
             KafkaConsumer<String, byte[]> consumer = KafkaTestClients.readCommittedConsumer(broker.getBrokersAsString())) {
            consumer.subscribe(List.of(Topics.SUBMISSION_SCORES.name(), Topics.CLINICIAN_SCORES.name(),
                    Topics.APM_ENTITY_SCORES.name(), Topics.SUBMISSIONS.deadLetterName()));

            for (String npi : List.of(NPI_1, NPI_2)) {
                ParticipantEligibility e = Events.eligibility(ACO, 2026, TIN, npi, "REQUIRED", ReweightingKind.NONE);
                send(producer, Topics.PARTICIPANT_ELIGIBILITY, Events.key(e), e);
            }
            PiSubmission group = Events.submission(defaults(2026).entity(SubmittingEntity.group(TIN))
                    .ratio("PI_PEA_1", 60, 100).build(), "g1", "ehr", 1_000);          // 10+10+15+15+15+25 = 90
            send(producer, Topics.SUBMISSIONS, Events.key(group), group);
            PiSubmission invalid = Events.submission(defaults(2026).entity(SubmittingEntity.individual(TIN, NPI_1))
                    .yes("PI_LVPP_1").build(), "bad", "ehr", 2_000);
            send(producer, Topics.SUBMISSIONS, Events.key(invalid), invalid);
            producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), Events.key(group), "garbage".getBytes(StandardCharsets.UTF_8)));
            producer.flush();

            ApmEntityScore apm = await(consumer, Topics.APM_ENTITY_SCORES,
                    a -> "(90×2)/2 = 90.00".equals(a.getFormula()));
            assertThat(apm.getMethod()).isEqualTo(ApmEntityScoreMethod.ROLLED_UP);
            assertThat(await(consumer, Topics.CLINICIAN_SCORES, c -> c.getNpi().equals(NPI_2) && c.getScored()).getFinalScore())
                    .isEqualTo(90.0);
            List<ConsumerRecord<String, byte[]>> letters = awaitAll(consumer, Topics.SUBMISSIONS.deadLetterName(), 2);
            assertThat(letters).extracting(r -> DeadLetters.headerValue(r.headers(), DeadLetters.REASON_HEADER))
                    .containsExactlyInAnyOrder("INVALID_EXCLUSION_WITH_MEASURE", "UNDECODABLE_HEADER");

            // restart: state comes back from the changelogs; a replay changes nothing, a resubmission flows through
            streams.stop();
            streams.start();
            send(producer, Topics.SUBMISSIONS, Events.key(group), group);
            PiSubmission individual = Events.submission(defaults(2026).entity(SubmittingEntity.individual(TIN, NPI_1))
                    .build(), "i1", "ehr", 3_000);                                          // 100
            send(producer, Topics.SUBMISSIONS, Events.key(individual), individual);
            producer.flush();

            ApmEntityScore after = await(consumer, Topics.APM_ENTITY_SCORES,
                    a -> "(100×1 + 90×1)/2 = 95.00".equals(a.getFormula()));
            assertThat(after.getScore()).isEqualTo(95.0);
            long groupScores = decoded(Topics.SUBMISSION_SCORES).stream()
                    .filter(s -> s.getSubmissionId().equals("g1")).count();
            assertThat(groupScores).as("the replayed group submission was not scored again").isEqualTo(1);
            assertThat(await(consumer, Topics.CLINICIAN_SCORES, c -> c.getNpi().equals(NPI_1) && c.getFinalScore() != null
                    && c.getFinalScore() == 100.0).getContributingSubmissionIds()).containsExactly("i1");
            assertThat(seen.stream().filter(r -> r.topic().equals(Topics.SUBMISSION_SCORES.name())).map(ConsumerRecord::key))
                    .contains(EventKeys.submissionScore(Events.key(group), "ehr"));
        }
    }

    private <V> List<V> decoded(Topic<String, V> topic) {
        return seen.stream().filter(r -> r.topic().equals(topic.name()))
                .map(r -> topic.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }

    private <V> V await(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic, Predicate<V> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Optional<V> found = decoded(topic).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("waiting for %s; seen %s", topic.name(), decoded(topic)).isLessThan(deadline);
            consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitAll(KafkaConsumer<String, byte[]> consumer, String topic, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.stream().filter(r -> r.topic().equals(topic)).count() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        }
        return seen.stream().filter(r -> r.topic().equals(topic)).toList();
    }

}
