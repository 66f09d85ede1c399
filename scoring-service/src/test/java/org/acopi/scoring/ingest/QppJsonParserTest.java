package org.acopi.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.acopi.events.EntityType;
import org.acopi.events.PiSubmission;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.ScoringRules;
import org.junit.jupiter.api.Test;

/** QPP Submissions API JSON → PI submissions: shape problems with their location, limits, defaults. */
public class QppJsonParserTest {

    public static String resource(String name) throws IOException {
        try (InputStream in = QppJsonParserTest.class.getResourceAsStream("/preview/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ParsedSubmission one(String json) {
        ParsedDocument document = QppJsonParser.parseOne("body", json);
        assertThat(document.problems()).isEmpty();
        return document.submissions().get(0);
    }

    @Test
    void readsThePiMeasurementSetOfASubmission() throws IOException {
        ParsedSubmission result = one(resource("tc02-individual-2025.json"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.submitter()).isEqualTo("ehr-vendor-x");
        assertThat(result.set().entity().type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(result.set().entity().entityId()).isEqualTo("123456789:1234567893");
        assertThat(result.set().performanceYear()).isEqualTo(2025);
        assertThat(result.set().performanceStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(result.set().measurements()).hasSize(13);
        assertThat(result.set().measurements().get(4).value()).isEqualTo(MeasureValue.ratio(49, 115));
        assertThat(ScoringRules.fromClasspath().score(result.set()).score()).isEqualTo(75);
    }

    @Test
    void shapeProblemsAreReportedTogetherWithTheirLine() {
        ParsedSubmission result = one("""
                {"entityType": "team", "performanceYear": "2026",
                 "measurementSets": [{"category": "pi", "performanceStart": "01/01/2026", "cehrtId": 15,
                   "measurements": [{"measureId": "PI_EP_1", "value": {"numerator": 1.5, "denominator": 2}}]}]}""");
        assertThat(result.problems()).extracting(LocatedProblem::number).containsExactly(208, 304, 302, 304, 105);
        assertThat(result.problems()).extracting(LocatedProblem::location).containsOnly("body:1");
        assertThat(result.set().measurements().get(0).value()).isInstanceOf(MeasureValue.Unreadable.class);
    }

    @Test
    void identifiersAreCheckedWithoutShowingThem() {
        ParsedSubmission result = one("""
                {"entityType": "individual", "taxpayerIdentificationNumber": "12345678", "nationalProviderIdentifier": "1234567890",
                 "performanceYear": 2019, "measurementSets": [{"category": "pi", "measurements": []}]}""");
        assertThat(result.problems()).extracting(LocatedProblem::number).containsExactly(202, 203, 201);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("12345678"));
    }

    @Test
    void arraysGiveOneSubmissionPerObjectLocatedByLine() {
        ParsedDocument document = QppJsonParser.parse("submissions/x.json", """
                [
                  {"entityType": "group", "taxpayerIdentificationNumber": "123456789", "performanceYear": 2026,
                   "measurementSets": [{"category": "pi", "measurements": []}]},
                  {"entityType": "apmEntity", "performanceYear": 2026, "measurementSets": []}
                ]""");
        assertThat(document.submissions()).as(document.problems().toString()).hasSize(2);
        assertThat(document.submissions().get(0).problems()).isEmpty();
        assertThat(document.submissions().get(1).problems()).extracting(LocatedProblem::toString).containsExactly(
                "submissions/x.json:4: 204 INVALID_ENTITY_ID: apmEntityIdentifier is missing",
                "submissions/x.json:4: 303 INVALID_NO_PI_MEASUREMENT_SET: measurementSets has no measurement set with category \"pi\"");
        assertThat(QppJsonParser.parseOne("body", "[{}]").problems()).extracting(LocatedProblem::number).containsExactly(307);
    }

    @Test
    void missingPiSetAndNotJson() {
        assertThat(one("{\"entityType\": \"group\", \"taxpayerIdentificationNumber\": \"123456789\", "
                + "\"performanceYear\": 2026, \"measurementSets\": [{\"category\": \"ia\"}]}").problems())
                .extracting(LocatedProblem::code).containsExactly("INVALID_NO_PI_MEASUREMENT_SET");
        assertThat(QppJsonParser.parseOne("body", "{not json").problems()).extracting(LocatedProblem::number).containsExactly(301);
        assertThat(QppJsonParser.parseOne("body", "{} {}").problems()).extracting(LocatedProblem::number).containsExactly(301);
        assertThat(QppJsonParser.parseOne("body", " ").problems()).extracting(LocatedProblem::number).containsExactly(301);
        assertThat(QppJsonParser.parseOne("body", null).problems()).extracting(LocatedProblem::number).containsExactly(301);
        assertThat(QppJsonParser.parse("f.json", "[]").problems()).extracting(LocatedProblem::number).containsExactly(307);
        assertThat(QppJsonParser.parse("f.json", "[1]").submissions().get(0).problems())
                .extracting(LocatedProblem::number).containsExactly(304);
    }

    @Test
    void jsonNested10000DeepIsRejectedWith306WithoutAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(QppJsonParser.parse("body", deep).problems()).extracting(LocatedProblem::code)
                .containsExactly("INVALID_JSON_LIMIT");
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThat(QppJsonParser.parseOne("body", deepObject).problems()).extracting(LocatedProblem::number)
                .containsExactly(306);
    }

    @Test
    void requestDefaultsAreDeterministicPerSubmitterAndContent() throws IOException {
        String json = resource("tc02-individual-2025.json").replace("\"submitter\": \"ehr-vendor-x\",", "");
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        PiSubmission first = SubmissionEvents.fromRequest(one(json), "registry-a", now);
        PiSubmission retry = SubmissionEvents.fromRequest(one(json), "registry-a", now.plusSeconds(5));

        assertThat(retry.getSubmissionId()).isEqualTo(first.getSubmissionId());
        assertThat(first.getSubmitter()).isEqualTo("registry-a");
        assertThat(first.getSubmittedAt()).isEqualTo(now);
        assertThat(SubmissionEvents.fromRequest(one(json), "registry-b", now).getSubmissionId())
                .isNotEqualTo(first.getSubmissionId());
        assertThat(SubmissionEvents.key(first, one(json))).isEqualTo("2025:INDIVIDUAL:123456789:1234567893");
    }
}
