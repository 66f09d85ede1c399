package org.acopi.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.EntityType;
import org.acopi.events.Measurement;
import org.acopi.events.PiSubmission;
import org.acopi.events.Proportion;
import org.acopi.events.QpStatus;
import org.acopi.events.SpecialStatus;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SingleObjectAvroSerdeTest {

    @Test
    void roundTripsAnEventWithUnionsDatesAndTimestamps() {
        PiSubmission submission = PiSubmission.newBuilder()
                .setSubmissionId("s-1").setSubmitter("ehr-a").setEntityType(EntityType.GROUP)
                .setTin("123456789").setPerformanceYear(2026)
                .setPerformanceStart(LocalDate.of(2026, 1, 1)).setPerformanceEnd(LocalDate.of(2026, 12, 31))
                .setCehrtId("0015C0000000000")
                .setMeasurements(List.of(new Measurement("PI_EP_1", new Proportion(49L, 115L)), new Measurement("PI_EP_2", true)))
                .setSubmittedAt(Instant.parse("2026-03-01T10:15:30.123Z"))
                .build();

        byte[] bytes = Topics.SUBMISSIONS.valueSerde().serializer().serialize("t", submission);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(Topics.SUBMISSIONS.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(submission);
    }

    @Test
    void decodesARecordWrittenWithAnOlderSchemaVersion() throws Exception {
        Schema v1 = SingleObjectAvroSerde.historicalSchemas().stream()
                .filter(s -> s.getName().equals("ClinicianFacts")).findFirst().orElseThrow();
        assertThat(v1.getField("dataCompromised")).isNull();
        GenericData.Record old = new GenericRecordBuilder(v1)
                .set("performanceYear", 2025).set("tin", "123456789").set("npi", "1234567893")
                .set("mipsEligible", true).set("exceedsLowVolumeThreshold", true)
                .set("qpStatus", new GenericData.EnumSymbol(v1.getField("qpStatus").schema(), "QP"))
                .set("specialStatuses", List.of())
                .set("tinSpecialStatuses", List.of(new GenericData.EnumSymbol(
                        v1.getField("tinSpecialStatuses").schema().getElementType(), "SMALL_PRACTICE")))
                .set("fqhcRhcOnly", false).set("automaticEuc", false).set("snapshot", 3)
                .set("asOf", 1_750_000_000_000L)
                .build();
        ByteBuffer encoded = new BinaryMessageEncoder<GenericData.Record>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        ClinicianFacts facts = Topics.CLINICIAN_FACTS.valueSerde().deserializer().deserialize("t", bytes);

        assertThat(facts.getQpStatus()).isEqualTo(QpStatus.QP);
        assertThat(facts.getTinSpecialStatuses()).containsExactly(SpecialStatus.SMALL_PRACTICE);
        assertThat(facts.getDataCompromised()).isFalse();
        assertThat(facts.getPartialQpElectsMips()).isFalse();
        assertThat(facts.getAsOf()).isEqualTo(Instant.ofEpochMilli(1_750_000_000_000L));
    }

    @Test
    void rejectsAnOversizeValueAndTextThatIsNotUtf8() {
        PiSubmission submission = PiSubmission.newBuilder()
                .setSubmissionId("s-1").setSubmitter("ehr-\u0007").setEntityType(EntityType.GROUP)
                .setTin("123456789").setPerformanceYear(2026).setMeasurements(List.of())
                .setSubmittedAt(Instant.parse("2026-03-01T10:15:30Z"))
                .build();
        byte[] bytes = Topics.SUBMISSIONS.valueSerde().serializer().serialize("t", submission);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x07) {
                bytes[i] = (byte) 0xFF;
            }
        }
        assertThatThrownBy(() -> Topics.SUBMISSIONS.valueSerde().deserializer().deserialize("t", bytes))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(SingleObjectAvroSerde.REASON_BAD_BODY));
        byte[] oversize = new byte[SingleObjectAvroSerde.MAX_EVENT_BYTES + 1];
        assertThatThrownBy(() -> Topics.SUBMISSIONS.valueSerde().deserializer().deserialize("t", oversize))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(SingleObjectAvroSerde.REASON_OVERSIZE));
    }

    @Test
    void rejectsBytesThatAreNotAnEventWithAStableReason() {
        assertThatThrownBy(() -> Topics.ROSTER.valueSerde().deserializer().deserialize("t", "{\"tin\":1}".getBytes()))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(SingleObjectAvroSerde.REASON_BAD_HEADER));
        byte[] unknownFingerprint = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> Topics.ROSTER.valueSerde().deserializer().deserialize("t", unknownFingerprint))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(SingleObjectAvroSerde.REASON_UNKNOWN_SCHEMA));
    }

    @Test
    void tombstonesStayNull() {
        assertThat(Topics.ROSTER.valueSerde().deserializer().deserialize("t", null)).isNull();
        assertThat(Topics.ROSTER.valueSerde().serializer().serialize("t", null)).isNull();
    }

    @Test
    void everyTopicHasADistinctVersionedNameAndADeadLetterTopic() {
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates().allMatch(n -> n.matches("acopi\\.[a-z-]+\\.v\\d+"));
        assertThat(Topics.SUBMISSIONS.deadLetterName()).isEqualTo("acopi.submissions.v1-dlt");
    }
}
