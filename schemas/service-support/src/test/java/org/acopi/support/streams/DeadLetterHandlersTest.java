package org.acopi.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.Topics;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

    private static final String TIN = "123456789";

    @Test
    void undecodableAndInvalidRecordsGoToTheSourceTopicsDeadLetterTopicAndProcessingContinues() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ROSTER.name(), Consumed.with(Topics.ROSTER.keySerde(), Topics.ROSTER.valueSerde()))
                .peek((k, v) -> {
                    if (!Identifiers.isNpi(v.getNpi())) {
                        throw new InvalidEventException("INVALID_NPI", "npi fails the Luhn check for key " + k);
                    }
                })
                .mapValues(RosterEntry::getNpi)
                .to("out", Produced.with(org.apache.kafka.common.serialization.Serdes.String(), org.apache.kafka.common.serialization.Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), StreamsSettings.forTests("support-test"))) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ROSTER.name(), new StringSerializer(), new ByteArraySerializer());
            TestInputTopic<String, RosterEntry> roster = driver.createInputTopic(Topics.ROSTER.name(), new StringSerializer(),
                    Topics.ROSTER.valueSerde().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, byte[]> dlt = driver.createOutputTopic(Topics.ROSTER.deadLetterName(), new StringDeserializer(), new ByteArrayDeserializer());

            raw.pipeInput("2026:" + TIN + ":1234567893", "not avro".getBytes());
            roster.pipeInput("2026:" + TIN + ":1234567890", entry("1234567890"));
            roster.pipeInput("2026:" + TIN + ":1234567893", entry("1234567893"));

            assertThat(out.readValuesToList()).containsExactly("1234567893");
            var letters = dlt.readRecordsToList();
            assertThat(letters).hasSize(2);
            assertThat(reason(letters.get(0))).isEqualTo("UNDECODABLE_HEADER");
            assertThat(letters.get(0).value()).isEqualTo("not avro".getBytes());
            assertThat(reason(letters.get(1))).isEqualTo("INVALID_NPI");
            assertThat(DeadLetters.headerValue(letters.get(1).headers(), DeadLetters.MESSAGE_HEADER)).doesNotContain(":" + TIN + ":").contains("*****6789");
            assertThat(DeadLetters.headerValue(letters.get(1).headers(), DeadLetters.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.ROSTER.name());
            assertThat(letters).allSatisfy(letter ->
                    assertThat(DeadLetters.headerValue(letter.headers(), DeadLetters.CONSUMER_HEADER)).isEqualTo("support-test"));
        }
    }

    private static String reason(TestRecord<String, byte[]> record) {
        Headers headers = record.headers();
        return DeadLetters.headerValue(headers, DeadLetters.REASON_HEADER);
    }

    private static RosterEntry entry(String npi) {
        return RosterEntry.newBuilder().setEventId("e-" + npi).setAcoId("A1").setPerformanceYear(2026).setTin(TIN).setNpi(npi)
                .setClinicianType("PHYSICIAN").setSnapshot(3).setStatus(RosterStatus.ACTIVE).setRecordedAt(Instant.EPOCH).build();
    }
}
