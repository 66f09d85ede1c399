package org.acopi.reporting.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.ReasonCatalogue;
import org.junit.jupiter.api.Test;

/** The per-PY key dates and the reason texts of the console are complete rules data. */
class KeyDatesTest {

    @Test
    void everySupportedPerformanceYearHasItsKeyDates() {
        assertThat(Identifiers.supportedYears()).isNotEmpty();
        for (int py : Identifiers.supportedYears()) {
            assertThat(KeyDates.class.getResource(KeyDates.resource(py))).as("key dates of PY%d", py).isNotNull();
            KeyDates dates = KeyDates.forYear(py);
            // the last start leaves exactly 180 days, both included, up to December 31 of the PY (docs/pi-rules.md §4.2)
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
    void everyReasonCodeOfTheCatalogueIsShownInWordsWithItsCmsSource() {
        for (int py : new int[] {2025, 2026}) {
            ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
            catalogue.reasons().forEach(r -> assertThat(ReasonTexts.explain(py, r.code()))
                    .isEqualTo(new ReasonTexts.Explained(sentence(r.text()), r.source())));
            catalogue.scoreReasons().forEach(r -> assertThat(ReasonTexts.explain(py, r.code()).source())
                    .as(r.code()).isEqualTo(r.source()));
        }
        assertThat(ReasonTexts.explain(2026, "SOMETHING_NEW").text()).contains("SOMETHING_NEW");
        assertThat(ReasonTexts.explain(2031, "BELOW_LVT").text()).contains("BELOW_LVT", "PY2031");
    }

    private static String sentence(String text) {
        String s = text.endsWith(".") ? text : text + ".";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
