package org.acopi.scoring.preview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ProblemList;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.SubmittingEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a QPP Submissions API submission object (SD-SUBEX, SD-MSET; docs/pi-rules.md §2.6) into a PI measurement set:
 * {@code entityType} individual | group | virtualGroup | apmEntity with its identifiers, {@code performanceYear}, and
 * the measurement set whose {@code category} is {@code pi} ({@code submissionMethod}, {@code performanceStart},
 * {@code performanceEnd} as YYYY-MM-DD, {@code cehrtId}, {@code measurements[{measureId, value}]} where value is a
 * boolean or {@code {numerator, denominator}}). Shape problems (3xx, 208) are reported, not thrown; what could be
 * read is still returned so that validation can report everything else at once.
 */
public final class QppSubmissionJson {

    /** The mapped set (never null), the optional top-level {@code submitter}, and the shape problems found. */
    public record Result(PiMeasurementSet set, String submitter, List<Problem> problems) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private QppSubmissionJson() {
    }

    /** Parses JSON text; no text, or text that is not one well-formed JSON value, yields problem 301 alone. */
    public static Result parse(String json) {
        if (json == null || json.isBlank()) {
            return notJson("the body is empty: send a QPP submission object as JSON");
        }
        try {
            return read(MAPPER.readTree(json));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return notJson("the body is not well-formed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static Result notJson(String message) {
        return new Result(new PiMeasurementSet(null, 0, null, null, null, null, List.of()), null,
                new ProblemList().add(ProblemCode.NOT_JSON, message).toList());
    }

    public static Result read(JsonNode submission) {
        ProblemList problems = new ProblemList();
        if (submission == null || !submission.isObject()) {
            problems.add(ProblemCode.FIELD_TYPE, "the submission must be a JSON object");
            return new Result(new PiMeasurementSet(null, 0, null, null, null, null, List.of()), null, problems.toList());
        }
        SubmittingEntity entity = entity(submission, problems);
        int performanceYear = 0;
        JsonNode py = submission.path("performanceYear");
        if (py.isIntegralNumber() && py.canConvertToInt()) {
            performanceYear = py.intValue();
        } else {
            problems.add(ProblemCode.FIELD_TYPE, "performanceYear must be an integer such as 2026");
        }
        JsonNode set = piMeasurementSet(submission.path("measurementSets"), problems);
        List<ReportedMeasure> measures = new ArrayList<>();
        JsonNode measurements = set.path("measurements");
        if (!measurements.isMissingNode() && !measurements.isArray()) {
            problems.add(ProblemCode.FIELD_TYPE, "measurements must be an array");
        }
        for (JsonNode m : measurements) {
            measures.add(new ReportedMeasure(text(m, "measureId", problems), value(m.path("value"))));
        }
        PiMeasurementSet mapped = new PiMeasurementSet(entity, performanceYear, text(set, "submissionMethod", problems),
                date(set, "performanceStart", problems), date(set, "performanceEnd", problems),
                text(set, "cehrtId", problems), measures);
        return new Result(mapped, text(submission, "submitter", problems), problems.toList());
    }

    private static SubmittingEntity entity(JsonNode submission, ProblemList problems) {
        String type = text(submission, "entityType", problems);
        EntityType entityType = type == null ? null : switch (type) {
            case "individual" -> EntityType.INDIVIDUAL;
            case "group" -> EntityType.GROUP;
            case "virtualGroup" -> EntityType.VIRTUAL_GROUP;
            case "apmEntity" -> EntityType.APM_ENTITY;
            default -> null;
        };
        if (entityType == null) {
            problems.add(ProblemCode.ENTITY_TYPE_INVALID, "entityType must be individual, group, virtualGroup or apmEntity");
            return null;
        }
        return new SubmittingEntity(entityType, text(submission, "taxpayerIdentificationNumber", problems),
                text(submission, "nationalProviderIdentifier", problems), text(submission, "virtualGroupIdentifier", problems),
                text(submission, "apmEntityIdentifier", problems));
    }

    private static JsonNode piMeasurementSet(JsonNode sets, ProblemList problems) {
        JsonNode found = null;
        int count = 0;
        for (JsonNode set : sets) {
            if ("pi".equals(set.path("category").asString(null))) {
                found = found == null ? set : found;
                count++;
            }
        }
        if (found == null) {
            problems.add(ProblemCode.NO_PI_MEASUREMENT_SET, "measurementSets has no measurement set with category \"pi\"");
            return MAPPER.createObjectNode();
        }
        if (count > 1) {
            problems.add(ProblemCode.SEVERAL_PI_MEASUREMENT_SETS, "measurementSets has " + count
                    + " measurement sets with category \"pi\"; send one");
        }
        return found;
    }

    private static MeasureValue value(JsonNode value) {
        if (value.isBoolean()) {
            return new MeasureValue.YesNo(value.booleanValue());
        }
        JsonNode numerator = value.path("numerator");
        JsonNode denominator = value.path("denominator");
        if (value.isObject() && numerator.isIntegralNumber() && numerator.canConvertToLong()
                && denominator.isIntegralNumber() && denominator.canConvertToLong()) {
            return new MeasureValue.Ratio(numerator.longValue(), denominator.longValue());
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return new MeasureValue.Unreadable(value.toString());
    }

    private static String text(JsonNode node, String field, ProblemList problems) {
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

    private static LocalDate date(JsonNode node, String field, ProblemList problems) {
        String text = text(node, field, problems);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(ProblemCode.DATE_FORMAT, field + " must be a date as YYYY-MM-DD");
            return null;
        }
    }
}
