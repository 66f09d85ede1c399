package org.acopi.eligibility;

import static org.acopi.support.test.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.TinPartitioner;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.ReasonCodes;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipStatus;
import org.acopi.events.ParticipantEligibility;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.kafka.TopicProvisioner;
import org.acopi.support.test.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The running service on a real (embedded, KRaft) broker: inputs in, a determination out on
 * acopi.participant-eligibility.v1, and a bad roster record on acopi.roster.v1-dlt with its reason code while the
 * application keeps going.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "acopi.streams.state-dir=target/streams-state/it-${random.uuid}"})
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
class EligibilityServiceKafkaTest {

    @Autowired
    EmbeddedKafkaBroker broker;

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
    void publishesDeterminationsAndDeadLettersBadInput() {
        try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(broker.getBrokersAsString());
             KafkaConsumer<String, byte[]> consumer = KafkaTestClients.readCommittedConsumer(broker.getBrokersAsString())) {

            send(producer, Topics.ROSTER, Fixtures.key(2026), Fixtures.roster(2026).setTin("12345678X").build());
            producer.send(new ProducerRecord<>(Topics.CLINICIAN_FACTS.name(), Fixtures.key(2026), "garbage".getBytes(StandardCharsets.UTF_8)));
            send(producer, Topics.ACO_PROFILES, EventKeys.acoYear(Fixtures.ACO, 2026), Fixtures.aco(2026).build());
            send(producer, Topics.ROSTER, Fixtures.key(2026), Fixtures.roster(2026).build());
            send(producer, Topics.CLINICIAN_FACTS, Fixtures.key(2026), Fixtures.facts(2026).setQpStatus(org.acopi.events.QpStatus.QP).build());
            producer.flush();

            consumer.subscribe(List.of(Topics.PARTICIPANT_ELIGIBILITY.name(), Topics.ROSTER.deadLetterName(),
                    Topics.CLINICIAN_FACTS.deadLetterName()));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !(decided(seen) && deadLettered(seen, 2))) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }

            assertThat(decided(seen)).as("a QP_SSP_ONLY determination was published").isTrue();
            assertThat(deadLettered(seen, 2)).as("both bad records were dead-lettered").isTrue();
            ConsumerRecord<String, byte[]> rosterDead = seen.stream()
                    .filter(r -> r.topic().equals(Topics.ROSTER.deadLetterName())).findFirst().orElseThrow();
            assertThat(DeadLetters.headerValue(rosterDead.headers(), DeadLetters.REASON_HEADER)).isEqualTo("INVALID_TIN");
            assertThat(DeadLetters.headerValue(rosterDead.headers(), DeadLetters.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.ROSTER.name());
            assertThat(DeadLetters.headerValue(rosterDead.headers(), DeadLetters.CONSUMER_HEADER)).isEqualTo("acopi-eligibility");
            ConsumerRecord<String, byte[]> factsDead = seen.stream()
                    .filter(r -> r.topic().equals(Topics.CLINICIAN_FACTS.deadLetterName())).findFirst().orElseThrow();
            assertThat(DeadLetters.headerValue(factsDead.headers(), DeadLetters.REASON_HEADER)).isEqualTo("UNDECODABLE_HEADER");
            assertThat(factsDead.value()).isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A producer with Kafka's default partitioner (not TinPartitioner) spreads one TIN's NPIs over partitions; the
     * ingress step moves them to the TIN's partition, so a whole-TIN hardship still reaches every NPI.
     */
    @Test
    void recordsOfAnExternalProducerOffTheirTinsPartitionAreDecidedWithTheirTin() {
        String tin = "223456789";
        List<String> npis = new ArrayList<>();
        for (int i = 100; npis.size() < 2 || samePartition(tin, npis); i++) {
            String npi = Identifiers.npiWithCheckDigit("555" + i + "456");
            if (npis.size() == 2) {
                npis.remove(1);
            }
            npis.add(npi);
        }
        try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(broker.getBrokersAsString());
             KafkaConsumer<String, byte[]> consumer = KafkaTestClients.readCommittedConsumer(broker.getBrokersAsString())) {
            send(producer, Topics.ACO_PROFILES, EventKeys.acoYear(Fixtures.ACO, 2026), Fixtures.aco(2026).build());
            for (String npi : npis) {
                send(producer, Topics.ROSTER, EventKeys.clinician(2026, tin, npi), Fixtures.roster(2026, npi).setTin(tin).build());
                send(producer, Topics.CLINICIAN_FACTS, EventKeys.clinician(2026, tin, npi), Fixtures.facts(2026, npi).setTin(tin).build());
            }
            send(producer, Topics.HARDSHIPS, EventKeys.wholeTin(2026, tin), Fixtures.tinHardship(2026,
                    HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).setTin(tin).build());
            producer.flush();

            consumer.subscribe(List.of(Topics.PARTICIPANT_ELIGIBILITY.name()));
            Map<String, List<String>> latest = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !(latest.size() == 2 && latest.values().stream()
                    .allMatch(codes -> codes.equals(List.of("REWEIGHT_APP_EXTREME_UNCONTROLLABLE"))))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().startsWith(EventKeys.tin(2026, tin) + ":")) {
                        assertThat(r.partition()).as("published on the TIN's partition").isEqualTo(TinPartitioner.partition(r.key(), 3));
                        latest.put(r.key(), Topics.PARTICIPANT_ELIGIBILITY.valueSerde().deserializer()
                                .deserialize(r.topic(), r.value()).getReasonCodes());
                    }
                }
            }
            assertThat(latest).hasSize(2).allSatisfy((key, codes) ->
                    assertThat(codes).containsExactly("REWEIGHT_APP_EXTREME_UNCONTROLLABLE"));
        }
    }

    /** Whether the default partitioner puts both NPIs' keys on one partition, or both on the TIN's partition. */
    static boolean samePartition(String tin, List<String> npis) {
        List<Integer> placed = npis.stream().map(npi -> Utils.toPositive(Utils.murmur2(
                EventKeys.clinician(2026, tin, npi).getBytes(StandardCharsets.UTF_8))) % 3).toList();
        int tinPartition = TinPartitioner.partition(EventKeys.tin(2026, tin), 3);
        return placed.get(0).equals(placed.get(1)) || placed.stream().allMatch(p -> p == tinPartition);
    }

    static boolean decided(List<ConsumerRecord<String, byte[]>> seen) {
        return seen.stream().filter(r -> r.topic().equals(Topics.PARTICIPANT_ELIGIBILITY.name()))
                .map(r -> Topics.PARTICIPANT_ELIGIBILITY.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .map(ParticipantEligibility::getReasonCodes)
                .anyMatch(codes -> codes.equals(List.of(ReasonCodes.QP_SSP_ONLY)));
    }

    static boolean deadLettered(List<ConsumerRecord<String, byte[]>> seen, int count) {
        return seen.stream().filter(r -> r.topic().endsWith("-dlt")).count() >= count;
    }
}
