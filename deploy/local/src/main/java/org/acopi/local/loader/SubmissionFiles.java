package org.acopi.local.loader;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.events.EntityType;
import org.acopi.events.Measurement;
import org.acopi.events.PiSubmission;
import org.acopi.events.Proportion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code submissions/*.json}: QPP Submissions API submission objects (one object or an array per file) whose
 * measurement set of category {@code pi} becomes a {@link PiSubmission}. Besides the API fields, an object may carry
 * {@code submitter} (default: the file name without {@code .json}), {@code submittedAt} (default: January 1 of the
 * year after the PY, 00:00 UTC, plus the object's position in its file in milliseconds), {@code submissionId}
 * (default: a UUID derived from the file name and the object's content) and {@code withdrawn}.
 */
final class SubmissionFiles {

    static final String FOLDER = "submissions";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Map<String, EntityType> ENTITY_TYPES = Map.of(
            "individual", EntityType.INDIVIDUAL,
            "group", EntityType.GROUP,
            "virtualgroup", EntityType.VIRTUAL_GROUP,
            "apmentity", EntityType.APM_ENTITY);

    private SubmissionFiles() {
    }

    /** The entity id inside a submission key: {@code tin:npi}, {@code tin}, the virtual group id or the APM entity id. */
    static String entityId(PiSubmission s) {
        return switch (s.getEntityType()) {
            case INDIVIDUAL -> s.getTin() + ":" + s.getNpi();
            case GROUP -> s.getTin();
            case VIRTUAL_GROUP -> s.getVirtualGroupId();
            case APM_ENTITY -> s.getApmEntityId();
        };
    }

    static void read(Path file, DatasetBuilder out) {
        String name = FOLDER + "/" + file.getFileName();
        String defaultSubmitter = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        List<Located> objects = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = parser.currentTokenLocation().getLineNr();
                    objects.add(new Located(line, JSON.readTree(parser)));
                }
            } else if (first != null) {
                objects.add(new Located(parser.currentTokenLocation().getLineNr(), JSON.readTree(parser)));
            }
            if (first != null && parser.nextToken() != null) {
                out.problem(new LoadProblem(name, parser.currentTokenLocation().getLineNr(),
                        "content after the submission object or array; use one JSON array for several submissions"));
                return;
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            out.problem(new LoadProblem(name, line, "not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        if (objects.isEmpty()) {
            out.problem(new LoadProblem(name, 0, "no submission object"));
        }
        for (int i = 0; i < objects.size(); i++) {
            Located located = objects.get(i);
            try {
                PiSubmission submission = toSubmission(located.node, name, defaultSubmitter, i);
                String key = EventKeys.submission(submission.getPerformanceYear(), submission.getEntityType(), entityId(submission));
                out.event(new LoadEvent<>(Topics.SUBMISSIONS, key, submission, name + ":" + located.line));
            } catch (BadRowException e) {
                out.problem(new LoadProblem(name, located.line, e.getMessage()));
            }
        }
    }

    private record Located(int line, JsonNode node) {
    }

    private static PiSubmission toSubmission(JsonNode node, String fileName, String defaultSubmitter, int index) {
        if (!node.isObject()) {
            throw new BadRowException("a submission must be a JSON object");
        }
        String typeText = Fields.required("entityType", text(node, "entityType"));
        EntityType type = ENTITY_TYPES.get(typeText.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new BadRowException("entityType '" + typeText + "' is not one of individual|group|virtualGroup|apmEntity");
        }
        int py = Fields.performanceYear("performanceYear", text(node, "performanceYear"));
        PiSubmission.Builder builder = PiSubmission.newBuilder()
                .setEntityType(type)
                .setPerformanceYear(py)
                .setSubmitter(node.hasNonNull("submitter") ? Fields.required("submitter", text(node, "submitter")) : defaultSubmitter)
                .setWithdrawn(node.path("withdrawn").asBoolean(false));
        switch (type) {
            case INDIVIDUAL -> builder
                    .setTin(Fields.tin("taxpayerIdentificationNumber", text(node, "taxpayerIdentificationNumber")))
                    .setNpi(Fields.npi("nationalProviderIdentifier", text(node, "nationalProviderIdentifier")));
            case GROUP -> builder.setTin(Fields.tin("taxpayerIdentificationNumber", text(node, "taxpayerIdentificationNumber")));
            case VIRTUAL_GROUP -> builder.setVirtualGroupId(Fields.required("virtualGroupIdentifier", text(node, "virtualGroupIdentifier")));
            case APM_ENTITY -> builder.setApmEntityId(Fields.required("apmEntityIdentifier", text(node, "apmEntityIdentifier")));
        }
        JsonNode set = piMeasurementSet(node);
        builder.setSubmissionMethod(Fields.optional(text(set, "submissionMethod")))
                .setPerformanceStart(optionalDate(set, "performanceStart"))
                .setPerformanceEnd(optionalDate(set, "performanceEnd"))
                .setCehrtId(Fields.optional(text(set, "cehrtId")))
                .setMeasurements(measurements(set));
        Instant submittedAt = node.hasNonNull("submittedAt")
                ? Fields.instant("submittedAt", text(node, "submittedAt"))
                : DeterministicIds.at(LocalDate.of(py + 1, 1, 1), index);
        builder.setSubmittedAt(submittedAt);
        builder.setSubmissionId(node.hasNonNull("submissionId")
                ? Fields.required("submissionId", text(node, "submissionId"))
                : DeterministicIds.eventId(fileName, JSON.writeValueAsString(node)));
        return builder.build();
    }

    private static JsonNode piMeasurementSet(JsonNode node) {
        JsonNode sets = node.path("measurementSets");
        if (!sets.isArray()) {
            throw new BadRowException("measurementSets is missing or not an array");
        }
        JsonNode pi = null;
        for (JsonNode set : sets) {
            if ("pi".equalsIgnoreCase(set.path("category").asString(""))) {
                if (pi != null) {
                    throw new BadRowException("more than one measurement set of category pi; put each in its own submission");
                }
                pi = set;
            }
        }
        if (pi == null) {
            throw new BadRowException("no measurement set of category pi");
        }
        return pi;
    }

    private static List<Measurement> measurements(JsonNode set) {
        JsonNode items = set.path("measurements");
        if (!items.isArray()) {
            throw new BadRowException("the pi measurement set has no measurements array");
        }
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode item : items) {
            String measureId = Fields.required("measureId", text(item, "measureId"));
            JsonNode value = item.path("value");
            Object parsed;
            if (value.isMissingNode() || value.isNull()) {
                parsed = null;
            } else if (value.isBoolean()) {
                parsed = value.booleanValue();
            } else if (value.isObject() && value.path("numerator").isIntegralNumber() && value.path("denominator").isIntegralNumber()) {
                parsed = Proportion.newBuilder()
                        .setNumerator(value.path("numerator").longValue())
                        .setDenominator(value.path("denominator").longValue())
                        .build();
            } else {
                throw new BadRowException("value of " + measureId + " is neither true|false nor {numerator, denominator} whole numbers");
            }
            measurements.add(Measurement.newBuilder().setMeasureId(measureId).setValue(parsed).build());
        }
        return measurements;
    }

    private static LocalDate optionalDate(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : Fields.date(field, value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }
}
