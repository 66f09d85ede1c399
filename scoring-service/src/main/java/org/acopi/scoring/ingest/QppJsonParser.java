package org.acopi.scoring.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.StrictUtf8;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.SubmittingEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads QPP Submissions API submission objects (SD-SUBEX, SD-MSET; docs/pi-rules.md §2.6) into PI submissions:
 * {@code entityType} individual | group | virtualGroup | apmEntity with its identifiers, {@code performanceYear}, and
 * the measurement set whose {@code category} is {@code pi} ({@code submissionMethod}, {@code performanceStart},
 * {@code performanceEnd}, {@code cehrtId}, {@code measurements[{measureId, value}]} where value is a boolean or
 * {@code {numerator, denominator}}); besides the API fields an object may carry {@code submitter},
 * {@code submissionId}, {@code submittedAt} and {@code withdrawn}. A document is one object or an array of them.
 * The JSON is read with limits (nesting depth {@value #MAX_NESTING_DEPTH}, string and number lengths); every shape
 * problem (2xx identity, 3xx shape, 105, 109) is reported with its object's {@code source:line}, never thrown.
 */
public final class QppJsonParser {

    public static final int MAX_NESTING_DEPTH = 64;

    /** The source name of a document that is an HTTP request body. */
    public static final String BODY = "body";

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(40)
                    .build())
            .build()).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static final Map<String, EntityType> ENTITY_TYPES = Map.of(
            "individual", EntityType.INDIVIDUAL,
            "group", EntityType.GROUP,
            "virtualgroup", EntityType.VIRTUAL_GROUP,
            "apmentity", EntityType.APM_ENTITY);

    private QppJsonParser() {
    }

    /** A document of one submission object or an array of them; {@code source} names it in every location. */
    public static ParsedDocument parse(String source, String json) {
        if (json == null || json.isBlank()) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_JSON,
                    "the " + noun(source) + " is empty: send a QPP submission object as JSON", source));
        }
        List<ParsedSubmission> submissions = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = parser.currentTokenLocation().getLineNr();
                    submissions.add(read(JSON.readTree(parser), source + ":" + line));
                }
            } else {
                int line = parser.currentTokenLocation().getLineNr();
                submissions.add(read(JSON.readTree(parser), source + ":" + line));
            }
            if (parser.nextToken() != null) {
                return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_JSON,
                        "content after the submission object or array; use one JSON array for several submissions",
                        source + ":" + parser.currentTokenLocation().getLineNr()));
            }
        } catch (StreamConstraintsException e) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.JSON_LIMIT, e.getOriginalMessage(), at(source, e)));
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_JSON,
                    "the " + noun(source) + " is not well-formed JSON" + where + ": " + e.getOriginalMessage(), at(source, e)));
        }
        if (submissions.isEmpty()) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_ONE_SUBMISSION, "no submission object", source));
        }
        return new ParsedDocument(submissions, List.of());
    }

    /** {@link #parseOne} of a body as sent: bytes that are not UTF-8 are problem 322, never read with replacements. */
    public static ParsedDocument parseUtf8(String source, byte[] body) {
        String json = StrictUtf8.decode(body);
        return json == null ? ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_UTF8, "the body is not UTF-8", source))
                : parseOne(source, json);
    }

    /** A document that must hold exactly one submission object (the QPP Submissions API's shape). */
    public static ParsedDocument parseOne(String source, String json) {
        ParsedDocument document = parse(source, json);
        if (document.problems().isEmpty() && json.stripLeading().startsWith("[")) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_ONE_SUBMISSION,
                    "send one submission object, not an array", source + ":1"));
        }
        return document;
    }

    private static String noun(String source) {
        return BODY.equals(source) ? "body" : "document";
    }

    private static String at(String source, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? source
                : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static ParsedSubmission read(JsonNode node, String location) {
        Problems problems = new Problems(location);
        if (node == null || !node.isObject()) {
            problems.add(ProblemCode.FIELD_TYPE, "a submission must be a JSON object");
            return new ParsedSubmission(new PiMeasurementSet(null, 0, null, null, null, null, List.of()), null, null,
                    null, false, String.valueOf(node), location, problems.list);
        }
        SubmittingEntity entity = entity(node, problems);
        int performanceYear = performanceYear(node, problems);
        JsonNode set = piMeasurementSet(node.path("measurementSets"), problems);
        PiMeasurementSet mapped = new PiMeasurementSet(entity, performanceYear, text(set, "submissionMethod", problems),
                date(set, "performanceStart", problems), date(set, "performanceEnd", problems),
                text(set, "cehrtId", problems), measurements(set, problems));
        JsonNode withdrawn = node.path("withdrawn");
        if (!withdrawn.isMissingNode() && !withdrawn.isNull() && !withdrawn.isBoolean()) {
            problems.add(ProblemCode.FIELD_TYPE, "withdrawn must be true or false");
        }
        return new ParsedSubmission(mapped, text(node, "submitter", problems), text(node, "submissionId", problems),
                instant(node, "submittedAt", problems), withdrawn.asBoolean(false), JSON.writeValueAsString(node),
                location, problems.list);
    }

    private static SubmittingEntity entity(JsonNode node, Problems problems) {
        String type = text(node, "entityType", problems);
        EntityType entityType = type == null ? null : ENTITY_TYPES.get(type.toLowerCase(Locale.ROOT));
        if (entityType == null) {
            problems.add(ProblemCode.ENTITY_TYPE_INVALID, type == null ? "entityType is missing"
                    : "entityType '" + type + "' is not one of individual|group|virtualGroup|apmEntity");
            return null;
        }
        String tin = text(node, "taxpayerIdentificationNumber", problems);
        String npi = text(node, "nationalProviderIdentifier", problems);
        String virtualGroup = text(node, "virtualGroupIdentifier", problems);
        String apmEntity = text(node, "apmEntityIdentifier", problems);
        SubmittingEntity entity = new SubmittingEntity(entityType, tin, npi, virtualGroup, apmEntity);
        Identity.check(entity, problems::add);
        return entity;
    }

    private static int performanceYear(JsonNode node, Problems problems) {
        JsonNode py = node.path("performanceYear");
        if (!py.isIntegralNumber() || !py.canConvertToInt()) {
            problems.add(ProblemCode.FIELD_TYPE, "performanceYear must be an integer such as 2026");
            return 0;
        }
        if (!Identifiers.isSupportedYear(py.intValue())) {
            problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, "performanceYear " + py.intValue()
                    + " is not a supported performance year " + Identifiers.supportedYears());
        }
        return py.intValue();
    }

    private static JsonNode piMeasurementSet(JsonNode sets, Problems problems) {
        JsonNode found = null;
        int count = 0;
        for (JsonNode set : sets) {
            if ("pi".equalsIgnoreCase(set.path("category").asString(""))) {
                found = found == null ? set : found;
                count++;
            }
        }
        if (found == null) {
            problems.add(ProblemCode.NO_PI_MEASUREMENT_SET, "measurementSets has no measurement set with category \"pi\"");
            return JSON.createObjectNode();
        }
        if (count > 1) {
            problems.add(ProblemCode.SEVERAL_PI_MEASUREMENT_SETS, "measurementSets has " + count
                    + " measurement sets with category \"pi\"; put each in its own submission");
        }
        return found;
    }

    private static List<ReportedMeasure> measurements(JsonNode set, Problems problems) {
        JsonNode items = set.path("measurements");
        if (!items.isMissingNode() && !items.isArray()) {
            problems.add(ProblemCode.FIELD_TYPE, "measurements must be an array");
            return List.of();
        }
        List<ReportedMeasure> measures = new ArrayList<>();
        for (JsonNode item : items) {
            String measureId = text(item, "measureId", problems);
            if (measureId == null || measureId.isBlank()) {
                problems.add(ProblemCode.MEASURE_ID_MISSING, "measurements[" + measures.size() + "] has no measureId");
            }
            MeasureValue value = value(item.path("value"));
            if (value instanceof MeasureValue.Unreadable) {
                problems.add(ProblemCode.VALUE_TYPE, "value of " + measureId
                        + " is neither true|false nor {numerator, denominator} whole numbers");
            }
            measures.add(new ReportedMeasure(measureId, value));
        }
        return measures;
    }

    private static MeasureValue value(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return new MeasureValue.YesNo(value.booleanValue());
        }
        JsonNode numerator = value.path("numerator");
        JsonNode denominator = value.path("denominator");
        if (value.isObject() && numerator.isIntegralNumber() && numerator.canConvertToLong()
                && denominator.isIntegralNumber() && denominator.canConvertToLong()) {
            return new MeasureValue.Ratio(numerator.longValue(), denominator.longValue());
        }
        return new MeasureValue.Unreadable(value.toString());
    }

    private static String text(JsonNode node, String field, Problems problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(ProblemCode.FIELD_TYPE, field + " must be a string");
            return null;
        }
        return value.asString();
    }

    private static LocalDate date(JsonNode node, String field, Problems problems) {
        String text = text(node, field, problems);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeException e) {
            problems.add(ProblemCode.DATE_FORMAT, field + " '" + text + "' is not an RFC 3339 date (yyyy-mm-dd)");
            return null;
        }
    }

    private static Instant instant(JsonNode node, String field, Problems problems) {
        String text = text(node, field, problems);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            problems.add(ProblemCode.DATE_FORMAT, field + " '" + text + "' is not an ISO date or instant");
            return null;
        }
    }

    private static final class Problems {
        private final String location;
        private final List<LocatedProblem> list = new ArrayList<>();

        Problems(String location) {
            this.location = location;
        }

        void add(ProblemCode code, String message) {
            list.add(LocatedProblem.of(code, message, location));
        }
    }
}
