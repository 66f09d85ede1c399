package org.acopi.reporting.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dates of a performance year that decide whether an ACO can still meet the MSSP PI requirement
 * (42 CFR 425.507, PY2025+): the last day a continuous 180-day PI performance period can start (docs/pi-rules.md §4.2)
 * and the close of the QPP submission window (an acopi default until CMS announces it). Per-PY rules data in
 * {@code rules/py<PY>/key-dates.properties}.
 */
record KeyDates(int performanceYear, LocalDate continuousPeriodLastStart, LocalDate submissionWindowClose) {

    private static final Map<Integer, KeyDates> BY_YEAR = new ConcurrentHashMap<>();

    static KeyDates forYear(int performanceYear) {
        return BY_YEAR.computeIfAbsent(performanceYear, KeyDates::load);
    }

    /** Days from {@code today} to {@code date}: 0 on the day itself, negative once it has passed. */
    static long daysLeft(LocalDate today, LocalDate date) {
        return ChronoUnit.DAYS.between(today, date);
    }

    /** The days left in words, for a page. */
    static String daysLeftText(LocalDate today, LocalDate date) {
        long days = daysLeft(today, date);
        if (days > 1) {
            return days + " days left";
        }
        if (days == 1) {
            return "1 day left";
        }
        if (days == 0) {
            return "today is the last day";
        }
        return days == -1 ? "passed yesterday" : "passed " + -days + " days ago";
    }

    static String resource(int performanceYear) {
        return "/rules/py" + performanceYear + "/key-dates.properties";
    }

    private static KeyDates load(int performanceYear) {
        String resource = resource(performanceYear);
        try (InputStream in = KeyDates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no key dates for PY" + performanceYear + " (" + resource + ")");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new KeyDates(performanceYear, date(properties, "continuous-period-last-start", resource),
                    date(properties, "submission-window-close", resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(Properties properties, String key, String resource) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(resource + ": " + key + " is not a date (yyyy-mm-dd): " + value, e);
        }
    }
}
