package org.acopi.scoring.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ScoringRules;
import org.junit.jupiter.api.Test;

/** Mapping a QPP Submissions API submission object to a PI measurement set. */
class QppSubmissionJsonTest {

    static String resource(String name) throws IOException {
        try (InputStream in = QppSubmissionJsonTest.class.getResourceAsStream("/preview/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsThePiMeasurementSetOfASubmission() throws IOException {
        QppSubmissionJson.Result result = QppSubmissionJson.parse(resource("tc02-individual-2025.json"));
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
    void shapeProblemsAreReportedTogether() {
        QppSubmissionJson.Result result = QppSubmissionJson.parse("""
                {"entityType": "team", "performanceYear": "2026",
                 "measurementSets": [{"category": "pi", "performanceStart": "01/01/2026", "cehrtId": 15,
                   "measurements": [{"measureId": "PI_EP_1", "value": {"numerator": 1.5, "denominator": 2}}]}]}""");
        assertThat(result.problems()).extracting(Problem::number).containsExactly(208, 304, 302, 304);
        assertThat(result.set().measurements().get(0).value()).isInstanceOf(MeasureValue.Unreadable.class);
    }

    @Test
    void missingPiSetAndNotJson() {
        assertThat(QppSubmissionJson.parse("{\"entityType\": \"group\", \"taxpayerIdentificationNumber\": \"123456789\", "
                + "\"performanceYear\": 2026, \"measurementSets\": [{\"category\": \"ia\"}]}").problems())
                .extracting(Problem::code).containsExactly("INVALID_NO_PI_MEASUREMENT_SET");
        assertThat(QppSubmissionJson.parse("{not json").problems()).extracting(Problem::number).containsExactly(301);
        assertThat(QppSubmissionJson.parse("{} {}").problems()).extracting(Problem::number).containsExactly(301);
        assertThat(QppSubmissionJson.parse(" ").problems()).extracting(Problem::number).containsExactly(301);
        assertThat(QppSubmissionJson.parse(null).problems()).extracting(Problem::number).containsExactly(301);
        assertThat(QppSubmissionJson.parse("[]").problems()).extracting(Problem::number).containsExactly(304);
    }
}
