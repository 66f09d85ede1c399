package org.acopi.scoring.ingest;

import static org.acopi.support.test.KafkaTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.acopi.contracts.Topics;
import org.acopi.events.ClinicianScore;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.ReweightingKind;
import org.acopi.scoring.fixtures.Events;
import org.acopi.support.test.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/** A QRDA III export posted over HTTP reaches the clinician's score on a real (embedded, KRaft) broker. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "acopi.streams.state-dir=target/streams-state/ingest-${random.uuid}",
        "acopi.ingest.submitters=lakeshore-ehr:secret"})
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
@AutoConfigureMockMvc
class SubmissionIngestKafkaTest {

    private static final String TIN = "362814507";
    private static final String NPI = "1482603911";

    private final EmbeddedKafkaBroker broker;
    private final MockMvc mvc;

    @Autowired
    SubmissionIngestKafkaTest(EmbeddedKafkaBroker broker, MockMvc mvc) {
        this.broker = broker;
        this.mvc = mvc;
    }

    @Test
    void postedQrda3ExportScoresTheClinician() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(broker.getBrokersAsString());
             KafkaConsumer<String, byte[]> consumer = KafkaTestClients.readCommittedConsumer(broker.getBrokersAsString())) {
            consumer.subscribe(List.of(Topics.CLINICIAN_SCORES.name()));
            ParticipantEligibility e = Events.eligibility("A1234", 2026, TIN, NPI, "REQUIRED", ReweightingKind.NONE);
            send(producer, Topics.PARTICIPANT_ELIGIBILITY, Events.key(e), e).get();
            assertThat(await(consumer, false).getReasonCodes()).containsExactly("NO_PI_SUBMISSION");

            mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer secret")
                            .contentType(MediaType.APPLICATION_XML).content(Qrda3ParserTest.bytes("qrda3/acopi-individual-2026.xml")))
                    .andExpect(status().isCreated());

            ClinicianScore scored = await(consumer, true);
            assertThat(scored.getFinalScore()).isEqualTo(100.0);
            assertThat(scored.getCandidates()).singleElement().satisfies(c -> assertThat(c.getSubmitter()).isEqualTo("lakeshore-ehr"));
        }
    }

    private static ClinicianScore await(KafkaConsumer<String, byte[]> consumer, boolean scored) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                ClinicianScore score = KafkaTestClients.decode(Topics.CLINICIAN_SCORES, record);
                if (score.getNpi().equals(NPI) && score.getScored() == scored) {
                    return score;
                }
            }
        }
        throw new AssertionError("no clinician score with scored=" + scored + " within 90 s");
    }
}
