package org.acopi.reporting.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acopi.contracts.Identifiers;
import org.junit.jupiter.api.Test;

/** The per-PY key dates and the reason texts of the console are complete rules data. */
class KeyDatesTest {

    @Test
    void everySupportedPerformanceYearHasItsKeyDates() {
        assertThat(Identifiers.supportedYears()).isNotEmpty();
        for (int py : Identifiers.supportedYears()) {
            assertThat(KeyDates.class.getResource(KeyDates.resource(py))).as("key dates of PY%d", py).isNotNull();
            KeyDates dates = KeyDates.forYear(py);
            // the last start leaves exactly 180 days, both included, up to December 31 of the PY (pi-rules.md §4.2)
            assertThat(ChronoUnit.DAYS.between(dates.continuousPeriodLastStart(), LocalDate.of(py, 12, 31)) + 1).isEqualTo(180);
            assertThat(dates.submissionWindowClose()).isAfter(LocalDate.of(py, 12, 31));
        }
    }

    @Test
    void theDatesOfTheRulesText() {
        assertThat(KeyDates.forYear(2025).continuousPeriodLastStart()).isEqualTo(LocalDate.of(2025, 7, 5));
        assertThat(KeyDates.forYear(2026).continuousPeriodLastStart()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(KeyDates.forYear(2026).submissionWindowClose()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThatThrownBy(() -> KeyDates.forYear(1999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysLeftInWords() {
        LocalDate close = LocalDate.of(2027, 3, 31);
        assertThat(KeyDates.daysLeftText(LocalDate.of(2027, 3, 1), close)).isEqualTo("30 days left");
        assertThat(KeyDates.daysLeftText(LocalDate.of(2027, 3, 30), close)).isEqualTo("1 day left");
        assertThat(KeyDates.daysLeftText(close, close)).isEqualTo("today is the last day");
        assertThat(KeyDates.daysLeftText(LocalDate.of(2027, 4, 1), close)).isEqualTo("passed yesterday");
        assertThat(KeyDates.daysLeftText(LocalDate.of(2027, 4, 11), close)).isEqualTo("passed 11 days ago");
    }

    @Test
    void everyReasonCodeOfEligibilityServiceHasWordsAndASource() throws IOException {
        Pattern code = Pattern.compile("\"code\":\\s*\"([A-Z0-9_]+)\"");
        TreeSet<String> codes = new TreeSet<>();
        try (var files = Files.walk(Path.of("../eligibility-service/src/main/resources/rules"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("eligibility.json")).toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).contains("REQUIRED", "BELOW_LVT", "REWEIGHT_SMALL_PRACTICE");
        assertThat(codes).allSatisfy(c -> assertThat(ReasonTexts.known(c)).as(c).isTrue());
        assertThat(ReasonTexts.known("EXCLUDED_VOLUNTARY")).isTrue();
        assertThat(ReasonTexts.text("SOMETHING_NEW")).contains("SOMETHING_NEW");
    }
}
