package org.acopi.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.AcoProfile;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.HardshipStatus;
import org.acopi.events.Measurement;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.Program;
import org.acopi.events.Proportion;
import org.acopi.events.QpStatus;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.Track;
import org.acopi.scoring.ingest.ParsedDocument;
import org.acopi.scoring.ingest.QppJsonParser;
import org.acopi.scoring.ingest.SubmissionEvents;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Builds the key and value bytes of a topic case: a valid fixture event of the topic (the catalogue's TIN, NPI, ACO
 * and PY2026), changed by the case's named mutations ({@code set} fields, {@code measurement} values,
 * {@code duplicateMeasure}), then encoded, optionally with an enum index the schema lacks ({@code unknownEnum}),
 * raw non-UTF-8 bytes in a string, another fingerprint or cut in half; or raw {@code hex}/{@code text} bytes, or null.
 * Without a {@code key} the key is derived from the (mutated) value as the producers derive it.
 */
final class CatalogueRecords {

    static final String TIN = "912340586";
    static final String NPI = "1482603911";
    static final String ACO = "BADIN1";
    static final int PY = 2026;
    static final String SUBMITTER = "e2e-ehr";

    private static final char MARKER = '\u0007';
    private static final Instant AT = Instant.parse("2026-09-01T00:00:00Z");
    private static final String RULES = "acopi-pi-rules/2026.1";

    /** The bytes of one record. */
    record Built(byte[] key, byte[] value) {
    }

    private final Path catalogueDir;

    CatalogueRecords(Path catalogueDir) {
        this.catalogueDir = catalogueDir;
    }

    /** The record of a topic case. */
    Built build(JsonNode testCase) {
        JsonNode spec = testCase.get("value");
        SpecificRecord event = null;
        byte[] value;
        if (spec == null || spec.isNull()) {
            value = null;
        } else if (spec.has("hex")) {
            value = HexFormat.of().parseHex(spec.get("hex").asString());
        } else if (spec.has("text")) {
            value = Payloads.bytes(spec.get("text").asString());
        } else {
            event = fixture(spec.get("fixture").asString());
            value = encode(event, spec);
        }
        String key;
        if (testCase.has("key")) {
            key = testCase.get("key").isNull() ? null : testCase.get("key").asString();
        } else {
            key = event == null ? keyOf(fixture(fixtureOf(testCase.get("channel").asString()))) : keyOf(event);
        }
        return new Built(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** The valid event of each fixture name, the sentinels sent after the catalogue. */
    SpecificRecord fixture(String name) {
        return switch (name) {
            case "roster" -> RosterEntry.newBuilder().setEventId("bad-input-roster").setAcoId(ACO).setPerformanceYear(PY)
                    .setTin(TIN).setNpi(NPI).setClinicianType("PHYSICIAN").setSnapshot(3).setStatus(RosterStatus.ACTIVE)
                    .setRecordedAt(AT).build();
            case "clinician-facts" -> ClinicianFacts.newBuilder().setPerformanceYear(PY).setTin(TIN).setNpi(NPI)
                    .setMipsEligible(true).setExceedsLowVolumeThreshold(true).setQpStatus(QpStatus.NONE)
                    .setSpecialStatuses(List.of()).setTinSpecialStatuses(List.of()).setFqhcRhcOnly(false)
                    .setAutomaticEuc(false).setSnapshot(3).setAsOf(AT).setDataCompromised(false)
                    .setPartialQpElectsMips(false).setVirtualGroupId(null).build();
            case "hardship" -> HardshipDecision.newBuilder().setEventId("bad-input-hardship").setPerformanceYear(PY)
                    .setTin(TIN).setNpi(null).setLevel(HardshipLevel.TIN).setBasis(HardshipBasis.CEHRT_NOT_AVAILABLE)
                    .setStatus(HardshipStatus.PENDING).setDecidedAt(AT).build();
            case "aco-profile" -> AcoProfile.newBuilder().setAcoId(ACO).setPerformanceYear(PY)
                    .setLegalName("Bad Input Catalogue ACO, LLC").setProgram(Program.MSSP).setTrack(Track.ENHANCED)
                    .setAllFqhcRhc(false).setPublicReportingUrl(null).setUpdatedAt(AT).build();
            case "submission" -> submission();
            case "participant-eligibility" -> ParticipantEligibility.newBuilder().setAcoId(ACO).setPerformanceYear(PY)
                    .setTin(TIN).setNpi(NPI).setRosterStatus(RosterStatus.ACTIVE).setClinicianType("PHYSICIAN")
                    .setQpStatus(QpStatus.NONE).setSspRequired(true).setSspEnforced(true).setMipsPiRequired(true)
                    .setReasonCodes(List.of()).setReweighting(ReweightingKind.NONE).setDataCompromised(false)
                    .setFactsKnown(true).setSnapshot(3).setInputVersions(Map.of()).setExplanation("catalogue fixture")
                    .setRulesVersion(RULES).setVirtualGroupId(null).build();
            case "clinician-score" -> ClinicianScore.newBuilder().setAcoId(ACO).setPerformanceYear(PY).setTin(TIN)
                    .setNpi(NPI).setRosterStatus(RosterStatus.ACTIVE).setScored(true).setFinalScore(80.0)
                    .setSource(EntityType.INDIVIDUAL).setContributingSubmissionIds(List.of("bad-input"))
                    .setCandidates(List.of()).setReasonCodes(List.of()).setRulesVersion(RULES).build();
            case "apm-entity-score" -> ApmEntityScore.newBuilder().setAcoId(ACO).setPerformanceYear(PY)
                    .setMethod(ApmEntityScoreMethod.ROLLED_UP).setScore(80.0).setCliniciansCounted(1)
                    .setCliniciansScored(1).setLeftOutReweighted(0).setEntitySubmissionId(null)
                    .setFormula("catalogue fixture").setReasonCodes(List.of()).setRulesVersion(RULES).build();
            default -> throw new IllegalArgumentException("no fixture " + name);
        };
    }

    /** The fixture name of an input topic. */
    static String fixtureOf(String topic) {
        return switch (topic) {
            case "acopi.roster.v1" -> "roster";
            case "acopi.clinician-facts.v1" -> "clinician-facts";
            case "acopi.hardships.v1" -> "hardship";
            case "acopi.aco-profiles.v1" -> "aco-profile";
            case "acopi.submissions.v1" -> "submission";
            case "acopi.participant-eligibility.v1" -> "participant-eligibility";
            case "acopi.clinician-scores.v1" -> "clinician-score";
            case "acopi.apm-entity-scores.v1" -> "apm-entity-score";
            default -> throw new IllegalArgumentException("not an input topic: " + topic);
        };
    }

    /** The key a producer gives the event. */
    static String keyOf(SpecificRecord event) {
        if (event instanceof RosterEntry r) {
            return EventKeys.clinician(r.getPerformanceYear(), r.getTin(), r.getNpi());
        }
        if (event instanceof ClinicianFacts f) {
            return EventKeys.clinician(f.getPerformanceYear(), f.getTin(), f.getNpi());
        }
        if (event instanceof HardshipDecision h) {
            return h.getLevel() == HardshipLevel.TIN ? EventKeys.wholeTin(h.getPerformanceYear(), h.getTin())
                    : EventKeys.clinician(h.getPerformanceYear(), h.getTin(), h.getNpi());
        }
        if (event instanceof AcoProfile p) {
            return EventKeys.acoYear(p.getAcoId(), p.getPerformanceYear());
        }
        if (event instanceof PiSubmission s) {
            String entityId = s.getEntityType() == EntityType.INDIVIDUAL ? s.getTin() + ":" + s.getNpi() : s.getTin();
            return EventKeys.submission(s.getPerformanceYear(), s.getEntityType(), entityId);
        }
        if (event instanceof ParticipantEligibility e) {
            return EventKeys.clinician(e.getPerformanceYear(), e.getTin(), e.getNpi());
        }
        if (event instanceof ClinicianScore c) {
            return EventKeys.clinician(c.getPerformanceYear(), c.getTin(), c.getNpi());
        }
        ApmEntityScore a = (ApmEntityScore) event;
        return EventKeys.acoYear(a.getAcoId(), a.getPerformanceYear());
    }

    /** The catalogue topic a fixture belongs to. */
    static Topic<String, ?> topicOf(String name) {
        return Topics.ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private PiSubmission submission() {
        try {
            ParsedDocument parsed = QppJsonParser.parseOne(QppJsonParser.BODY,
                    Files.readString(catalogueDir.resolve("qpp-individual.json")));
            return SubmissionEvents.fromRequest(parsed.submissions().get(0), SUBMITTER, AT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(SpecificRecord event, JsonNode spec) {
        List<String> rawTexts = new ArrayList<>();
        if (spec.has("set")) {
            for (Map.Entry<String, JsonNode> field : spec.get("set").properties()) {
                Schema.Field f = event.getSchema().getField(field.getKey());
                if (field.getValue().isString() && Payloads.hasRawBytes(field.getValue().asString())) {
                    rawTexts.add(field.getValue().asString());
                }
                event.put(f.pos(), convert(f.schema(), field.getValue()));
            }
        }
        if (event instanceof PiSubmission submission) {
            mutateMeasurements(submission, spec);
        }
        byte[] bytes = write(event, spec.has("unknownEnum") ? spec.get("unknownEnum").asString() : null);
        rawTexts.forEach(text -> Payloads.patchRawBytes(bytes, text, MARKER));
        if (spec.has("fingerprint")) {
            System.arraycopy(HexFormat.of().parseHex(spec.get("fingerprint").asString()), 0, bytes, 2, 8);
        }
        if (spec.path("truncate").asBoolean(false)) {
            return java.util.Arrays.copyOf(bytes, bytes.length / 2);
        }
        return bytes;
    }

    private static void mutateMeasurements(PiSubmission submission, JsonNode spec) {
        List<Measurement> measurements = new ArrayList<>(submission.getMeasurements());
        if (spec.has("measurement")) {
            for (Map.Entry<String, JsonNode> change : spec.get("measurement").properties()) {
                Proportion value = new Proportion(change.getValue().get("numerator").asLong(),
                        change.getValue().get("denominator").asLong());
                measurements.replaceAll(m -> m.getMeasureId().equals(change.getKey()) ? new Measurement(m.getMeasureId(), value) : m);
            }
        }
        if (spec.has("duplicateMeasure")) {
            String id = spec.get("duplicateMeasure").asString();
            measurements.add(measurements.stream().filter(m -> m.getMeasureId().equals(id)).findFirst().orElseThrow());
        }
        submission.put(submission.getSchema().getField("measurements").pos(), measurements);
    }

    private static Object convert(Schema schema, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (schema.getType() == Schema.Type.UNION) {
            return convert(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow(), value);
        }
        if (schema.getLogicalType() != null) {
            return "date".equals(schema.getLogicalType().getName()) ? LocalDate.parse(value.asString()) : Instant.parse(value.asString());
        }
        return switch (schema.getType()) {
            case STRING -> Payloads.textWithMarkers(value.asString(), MARKER);
            case INT -> value.asInt();
            case LONG -> value.asLong();
            case DOUBLE -> value.isString() ? Double.parseDouble(value.asString()) : value.asDouble();
            case BOOLEAN -> value.asBoolean();
            case ENUM -> SpecificData.get().createEnum(value.asString(), schema);
            default -> throw new IllegalArgumentException("cannot set a " + schema.getType() + " field");
        };
    }

    /** Avro single-object encoding, with an out-of-range index written for every value of {@code unknownEnum}. */
    private static byte[] write(SpecificRecord event, String unknownEnum) {
        Schema schema = event.getSchema();
        SpecificDatumWriter<SpecificRecord> writer = new SpecificDatumWriter<>(schema) {
            @Override
            protected void writeEnum(Schema enumSchema, Object datum, Encoder out) throws IOException {
                if (enumSchema.getName().equals(unknownEnum)) {
                    out.writeEnum(enumSchema.getEnumSymbols().size() + 7);
                } else {
                    super.writeEnum(enumSchema, datum, out);
                }
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(SchemaNormalization.parsingFingerprint64(schema)).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
